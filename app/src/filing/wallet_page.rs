use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use crate::tracking::holdings::{load_wallet_entries, WalletEntry};
use leptos::prelude::*;

/// `/tai-khoan/giay-to`: every document the citizen has uploaded (and the
/// results returned to them), ready to attach to a new dossier instead of
/// uploading it again: name, what it was filed as, format, size, date.
#[component]
pub fn WalletPage() -> impl IntoView {
    let t = use_texts();
    let (f, c) = (&t.filing, &t.citizen);
    let files = Resource::new(|| (), |_| load_wallet_entries());
    view! {
        <PageTitle title=f.wallet_title lead=f.wallet_lead/>
        <PageLoader resource=files render={move |files: Vec<WalletEntry>, _| {
            if files.is_empty() {
                return view! { <p>{f.wallet_empty}</p> }.into_any();
            }
            view! {
                <DataTable
                    label=f.wallet_title
                    class="table--stack-on-phone wallet"
                    columns={Column::list([
                        c.wallet_column_name,
                        c.wallet_column_kind,
                        c.wallet_column_format,
                        c.column_size,
                        c.wallet_column_added,
                    ])}
                >
                    {files.into_iter().map(|file| {
                        let kind = if file.is_result {
                            c.wallet_result.to_string()
                        } else if file.documents.is_empty() {
                            c.wallet_unused.to_string()
                        } else {
                            file.documents.join("; ")
                        };
                        view! {
                            <tr>
                                <td class="table__wrap"><a href=paths::file_download(file.id) rel="external">{file.name}</a></td>
                                <td data-label=c.wallet_column_kind>{kind}</td>
                                <td data-label=c.wallet_column_format>{file.format}</td>
                                <td data-label=c.column_size>{file.size}</td>
                                <td data-label=c.wallet_column_added>{file.added_on}</td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            }.into_any()
        }}/>
    }
}
