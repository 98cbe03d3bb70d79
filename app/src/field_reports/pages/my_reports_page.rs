//! `/tai-khoan/phan-anh`: the reports a citizen filed and those they follow.

use super::report_parts::ReportCards;
use crate::field_reports::server_fns::load_my_reports;
use crate::field_reports::MyReports;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

#[component]
pub fn MyReportsPage() -> impl IntoView {
    let t = &use_texts().field_reports;
    let data = Resource::new(|| (), |_| load_my_reports());
    view! {
        <PageLoader resource=data title=t.mine_title render={move |mine: MyReports, _session| view! {
            <PageTitle title=t.mine_title/>
            <p><a href=paths::FILE_REPORT class="button">{t.file_button}</a></p>
            <section class="section" aria-labelledby="reports-filed">
                <h2 id="reports-filed">{t.filed_heading}</h2>
                <ReportCards reports=mine.filed.clone() link=|code: &str| paths::report(code)/>
            </section>
            <section class="section" aria-labelledby="reports-followed">
                <h2 id="reports-followed">{t.followed_heading}</h2>
                <ReportCards reports=mine.followed.clone() link=|code: &str| paths::report(code)/>
            </section>
        }}/>
    }
}
