use super::bieu06::Breakdown;
use super::charts::Charts;
use super::index_cards::IndexCards;
use super::period::Period;
use super::period_fields::PeriodFields;
use super::report_tables::{ExtrasTable, FormTable};
use super::ReportView;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Biểu 06 for the signed-in manager. Flat arguments: a struct whose
/// fields are all empty would travel as no argument at all.
#[server(endpoint = "statistics/bieu-06")]
pub async fn load_report(
    from: Option<String>,
    to: Option<String>,
    agency: Option<String>,
    by: Option<String>,
) -> Result<ReportView, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::EnterBackOffice)?;
    let query = super::ReportQuery {
        from,
        to,
        agency,
        by,
    };
    let lang = crate::i18n::current_lang();
    let today = crate::clock::current()?.today_in_vietnam();
    super::report_for(&crate::database::pool()?, &user, &query, today, lang, true).await
}

/// `/thong-ke?tu=&den=&co-quan=&theo=`: a GET form and the table, so it works
/// without JavaScript.
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let report = Resource::new(
        move || {
            let query = query.get();
            (
                query.get("tu"),
                query.get("den"),
                query.get("co-quan"),
                query.get("theo"),
            )
        },
        |(from, to, agency, by)| load_report(from, to, agency, by),
    );
    view! {
        <PageTitle title=t.statistics.title lead=t.statistics.lead/>
        <PageLoader resource=report render={|view: ReportView, _| view! { <Report view/> }}/>
    }
}

#[component]
fn Report(view: ReportView) -> impl IntoView {
    let s = &use_texts().statistics;
    let today = crate::deadlines::parse_day(&view.to_input).unwrap_or_default();
    let by = view.report.by;
    let quick = |period: Period| {
        format!(
            "{}?tu={}&den={}&co-quan={}&theo={}",
            paths::STATISTICS,
            period.from,
            period.to,
            view.agency_code,
            by.as_query()
        )
    };
    let export = |extension: &str| {
        format!(
            "{}?tu={}&den={}&co-quan={}&theo={}",
            paths::report_06(extension),
            view.from_input,
            view.to_input,
            view.agency_code,
            by.as_query()
        )
    };
    let report = view.report.clone();
    let drill = format!(
        "{}?tu={}&den={}&co-quan={}",
        paths::STATISTICS_DOSSIERS,
        view.from_input,
        view.to_input,
        view.agency_code
    );
    view! {
        {view.period_problem.clone().map(|problem| view! { <p class="notice notice--warning" role="alert">{problem}</p> })}
        <form method="get" action=paths::STATISTICS class="filters">
            <div class="form-group">
                <label class="label" for="report-agency">{s.agency}</label>
                <select class="select" id="report-agency" name="co-quan">
                    {view.agencies.iter().map(|(code, name)| view! {
                        <option value=code.clone() selected=*code == view.agency_code>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <PeriodFields id="report" from=view.from_input.clone() to=view.to_input.clone()/>
            <div class="form-group">
                <label class="label" for="report-by">{s.breakdown}</label>
                <select class="select" id="report-by" name="theo">
                    <option value="linh-vuc" selected=by == Breakdown::Sector>{s.sector}</option>
                    <option value="co-quan" selected=by == Breakdown::Agency>{s.agency}</option>
                </select>
            </div>
            <button type="submit" class="button">{s.show}</button>
        </form>
        <p>{s.quick}": "
            <a href=quick(Period::month_so_far(today))>{s.this_month}</a>" · "
            <a href=quick(Period::last_quarter(today))>{s.last_quarter}</a>" · "
            <a href=quick(Period::year_so_far(today))>{s.this_year}</a>
        </p>
        <ul class="inline-list">
            <li><a href=export("xlsx") rel="external" download="">{s.download_xlsx}</a></li>
            <li><a href=export("csv") rel="external" download="">{s.download_csv}</a></li>
            <li><a href=export("pdf") rel="external" download="">{s.download_pdf}</a></li>
        </ul>
        <FormTable report=report.clone() drill=drill.clone()/>
        // The form's identity, spelled out so a reader can check it.
        <p class=if report.total.reconciles() { "hint" } else { "notice notice--warning" }>
            {(s.identity)(
                report.total.received(),
                report.total.resolved(),
                report.total.pending(),
                report.total.stopped,
                report.total.reconciles(),
            )}
        </p>
        <ExtrasTable report=report.clone() drill=drill.clone()/>
        <Charts charts=view.charts.clone()/>
        <IndexCards scores=view.index.clone()/>
    }
}
