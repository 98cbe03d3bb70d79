//! `/phan-anh`: the public board — accepted public reports, newest first,
//! filtered by commune, category and status (a GET form). Nothing about
//! who reported appears here.

use super::report_parts::ReportCards;
use crate::field_reports::server_fns::load_board;
use crate::field_reports::{Board, BoardFilter};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BoardPage() -> impl IntoView {
    let t = &use_texts().field_reports;
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let query = query.get();
            let get = |name: &str| query.get(name).unwrap_or_default();
            BoardFilter {
                commune: get("xa"),
                category: get("loai"),
                status: get("tinh-trang"),
            }
        },
        load_board,
    );
    view! {
        <PageLoader resource=data title=t.board_title render={move |board: Board, _session| {
            let filter = board.filter.clone();
            view! {
                <PageTitle title=t.board_title lead=t.board_lead/>
                <p><a href=paths::FILE_REPORT class="button">{t.file_button}</a></p>
                <form method="get" action=paths::REPORTS_BOARD class="filters">
                    <div class="form-group">
                        <label class="label" for="board-commune">{t.commune}</label>
                        <select class="select" id="board-commune" name="xa">
                            <option value="">{t.filter_all}</option>
                            {board.communes.iter().map(|c| view! {
                                <option value=c.code.clone() selected=c.code == filter.commune>{c.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="board-category">{t.category}</label>
                        <select class="select" id="board-category" name="loai">
                            <option value="">{t.filter_all}</option>
                            {board.groups.iter().map(|group| view! {
                                <optgroup label=group.name.clone()>
                                    {group.categories.iter().map(|c| view! {
                                        <option value=c.code.clone() selected=c.code == filter.category>{c.name.clone()}</option>
                                    }).collect_view()}
                                </optgroup>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="label" for="board-status">{t.filter_status}</label>
                        <select class="select" id="board-status" name="tinh-trang">
                            <option value="">{t.filter_all}</option>
                            <option value="open" selected=filter.status == "open">{t.filter_open}</option>
                            <option value="resolved" selected=filter.status == "resolved">{t.filter_resolved}</option>
                        </select>
                    </div>
                    <button type="submit" class="button button--secondary">{t.filter}</button>
                </form>
                <ReportCards reports=board.reports.clone() link=|code: &str| paths::report(code)/>
            }
        }}/>
    }
}
