//! Biểu 06 on the page, as the form is laid out (Circular 01/2018/TT-VPCP,
//! Biểu 06; docs/legal-basis.md "Statistics"): the reporting unit, "Đơn vị
//! tính: hồ sơ", the STT column, the headings on three lines, the column
//! numbers (1), (2), …, a line per sector or agency, the totals, and the
//! signature block. The portal's further figures (refusals, withdrawals,
//! stops, supplements, payments, rates) are a table of their own below it.
//! Every count of dossiers links to the list of them.

use super::bieu06::{Bieu06, Bieu06Row, Breakdown};
use super::columns::{self, percent_text, row_heading, FORM_COUNTS};
use super::drill::COUNT_KEYS;
use crate::i18n::use_texts;
use crate::layout::DataTable;
use crate::money::Vnd;
use leptos::prelude::*;

/// The form: `drill` is the address of the lists for the report's period
/// and agency.
#[component]
pub fn FormTable(report: Bieu06, drill: String) -> impl IntoView {
    let s = &use_texts().statistics;
    let by = report.by;
    let caption = (s.caption)(&report.agency_name, &report.from, &report.to);
    let totals = view! {
        <tr class="report__total">
            <td class="report__stt"></td>
            <th scope="row">{report.total.name.clone()}</th>
            {counts(s, &report.total, &drill, by, 0..FORM_COUNTS)}
        </tr>
    }
    .into_any();
    let numbers = columns::column_numbers();
    view! {
        <div class="report-form__top">
            <p class="report-form__unit"><strong>{(s.reporting_unit)(&report.agency_name)}</strong></p>
            <p class="report-form__number">{s.form_number}</p>
        </div>
        <p class="report-form__measure">{s.unit}</p>
        <DataTable
            label=caption.clone()
            caption
            class="report report--form"
            head=view! {
                <tr>
                    <th scope="col" rowspan="3" class="report__stt">{s.stt}</th>
                    <th scope="col" rowspan="3">{row_heading(s, by)}</th>
                    <th scope="colgroup" colspan="4">{s.received}</th>
                    <th scope="colgroup" colspan="4">{s.resolved}</th>
                    <th scope="colgroup" colspan="3">{s.pending}</th>
                </tr>
                <tr>
                    <th scope="col" rowspan="2">{s.total_column}</th>
                    <th scope="col" rowspan="2">{s.carried_over}</th>
                    <th scope="colgroup" colspan="2">{s.new_in_period}</th>
                    <th scope="col" rowspan="2">{s.total_column}</th>
                    <th scope="col" rowspan="2">{s.early}</th>
                    <th scope="col" rowspan="2">{s.on_time}</th>
                    <th scope="col" rowspan="2">{s.late}</th>
                    <th scope="col" rowspan="2">{s.total_column}</th>
                    <th scope="col" rowspan="2">{s.within}</th>
                    <th scope="col" rowspan="2">{s.overdue}</th>
                </tr>
                <tr>
                    <th scope="col">{s.channel_online}</th>
                    <th scope="col">{s.channel_counter_or_post}</th>
                </tr>
                <tr class="report__numbers">
                    {numbers.into_iter().enumerate().map(|(index, number)| view! {
                        <td class=(index == 0).then_some("report__stt")>{number}</td>
                    }).collect_view()}
                </tr>
            }.into_any()
            foot=totals
        >
            {report.rows.iter().enumerate().map(|(index, row)| view! {
                <tr>
                    <td class="report__stt numeric">{index + 1}</td>
                    <th scope="row">{row.name.clone()}</th>
                    {counts(s, row, &drill, by, 0..FORM_COUNTS)}
                </tr>
            }).collect_view()}
            {report.rows.is_empty().then(|| view! { <tr><td colspan="13">{s.no_data}</td></tr> })}
        </DataTable>
        <div class="report-signatures">
            <div>
                <p><strong>{s.preparer}</strong></p>
                <p class="hint">{s.preparer_hint}</p>
            </div>
            <div>
                <p class="hint">{(s.signed_on)("…", None)}</p>
                <p><strong>{s.head_of_unit}</strong></p>
                <p class="hint">{s.head_hint}</p>
            </div>
        </div>
    }
}

/// The figures beside the form, in their own table.
#[component]
pub fn ExtrasTable(report: Bieu06, drill: String) -> impl IntoView {
    let s = &use_texts().statistics;
    let by = report.by;
    let line = move |row: &Bieu06Row, number: Option<usize>, drill: &str| {
        view! {
            <tr class=number.is_none().then_some("report__total")>
                <td class="report__stt numeric">{number}</td>
                <th scope="row">{row.name.clone()}</th>
                {counts(s, row, drill, by, FORM_COUNTS..COUNT_KEYS.len())}
                <td class="numeric">{format!("{} · {}", row.paid_online, Vnd(row.paid_online_amount))}</td>
                <td class="numeric">{percent_text(row.online_rate())}</td>
                <td class="numeric">{percent_text(row.satisfaction())}</td>
            </tr>
        }
    };
    let totals = line(&report.total, None, &drill).into_any();
    view! {
        <h2 id="extras-heading">{s.extras_heading}</h2>
        <p class="hint">{s.extras_lead}</p>
        <DataTable
            label=s.extras_heading
            class="report report--extras"
            head=view! {
                <tr>
                    <th scope="col" class="report__stt">{s.stt}</th>
                    <th scope="col">{row_heading(s, by)}</th>
                    <th scope="col">{s.refused}</th>
                    <th scope="col">{s.withdrawn}</th>
                    <th scope="col">{s.stopped}</th>
                    <th scope="col">{s.supplements}</th>
                    <th scope="col">{s.paid_online}</th>
                    <th scope="col">{s.online_rate}</th>
                    <th scope="col">{s.satisfaction}</th>
                </tr>
            }.into_any()
            foot=totals
        >
            {report.rows.iter().enumerate().map(|(index, row)| line(row, Some(index + 1), &drill)).collect_view()}
        </DataTable>
    }
}

/// The counts of `row` in `range` (of [`Bieu06Row::counts`]), each number
/// of dossiers a link to the list of them.
fn counts(
    s: &'static crate::i18n::StatisticsTexts,
    row: &Bieu06Row,
    drill: &str,
    by: Breakdown,
    range: std::ops::Range<usize>,
) -> impl IntoView {
    let narrow = match by {
        Breakdown::Sector => "linh-vuc",
        Breakdown::Agency => "don-vi",
    };
    let all = row.counts();
    all[range.clone()]
        .iter()
        .zip(&COUNT_KEYS[range])
        .map(|(&number, key)| match key.filter(|_| number > 0) {
            Some(key) => {
                let href = format!("{drill}&{narrow}={}&cot={key}", row.code);
                let label = (s.drill_link)(number, (s.column_label)(key));
                view! { <td class="numeric"><a href=href aria-label=label>{number}</a></td> }
                    .into_any()
            }
            None => view! { <td class="numeric">{number}</td> }.into_any(),
        })
        .collect_view()
}
