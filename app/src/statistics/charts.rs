//! The report's charts, drawn on the server as SVG so they read without
//! JavaScript: dossiers received and resolved per month, the on-time rate
//! per agency, and the channels new dossiers came by. Every chart carries
//! its numbers as text too (its title, description and a caption), for
//! screen readers and for anyone who prefers to read them.

use super::columns::percent_text;
use crate::i18n::use_texts;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One month of the trend: new dossiers (by the day they were submitted)
/// and results returned on time or late (by the day they were returned),
/// counted as Biểu 06 counts them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// `mm/yyyy`.
    pub month: String,
    pub received: i64,
    pub on_time: i64,
    pub late: i64,
}

/// One agency's results in the period: returned before or on the deadline,
/// and all returned.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyRate {
    pub agency_name: String,
    pub on_time: i64,
    pub resolved: i64,
}

impl AgencyRate {
    pub fn rate(&self) -> f64 {
        if self.resolved == 0 {
            0.0
        } else {
            self.on_time as f64 * 100.0 / self.resolved as f64
        }
    }
}

/// New dossiers of the period by how they came in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSplit {
    pub online: i64,
    pub counter: i64,
    pub post: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCharts {
    pub months: Vec<MonthPoint>,
    /// Lowest on-time rate first: the agencies to look at.
    pub agencies: Vec<AgencyRate>,
    pub channels: ChannelSplit,
}

// Colours with at least 3:1 against white (WCAG 1.4.11, graphics), told
// apart by the legend's words as well as by hue.
const RECEIVED: &str = "#0b3d91";
const ON_TIME: &str = "#00703c";
const LATE: &str = "#b42318";
const POST: &str = "#6f4a00";

/// The three charts, side by side on a wide screen.
#[component]
pub fn Charts(charts: ReportCharts) -> impl IntoView {
    let s = &use_texts().statistics;
    view! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{s.charts_heading}</h2>
            <TrendChart months=charts.months/>
            <AgencyChart agencies=charts.agencies/>
            <ChannelChart channels=charts.channels/>
        </section>
    }
}

/// Largest value → a round axis maximum (1, 2 or 5 × 10ⁿ) and its step.
fn axis(max: i64) -> (i64, i64) {
    let mut step = 1;
    loop {
        for factor in [1, 2, 5] {
            let candidate = step * factor;
            if candidate * 4 >= max {
                return (candidate * 4, candidate);
            }
        }
        step *= 10;
    }
}

#[component]
fn TrendChart(months: Vec<MonthPoint>) -> impl IntoView {
    let s = &use_texts().statistics;
    const WIDTH: f64 = 640.0;
    const HEIGHT: f64 = 260.0;
    const LEFT: f64 = 48.0;
    const BOTTOM: f64 = 40.0;
    const TOP: f64 = 16.0;
    let max = months
        .iter()
        .map(|m| m.received.max(m.on_time + m.late))
        .max()
        .unwrap_or(0);
    let (axis_max, step) = axis(max.max(1));
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = move |value: i64| TOP + plot_height * (1.0 - value as f64 / axis_max as f64);
    let slot = (WIDTH - LEFT - 8.0) / months.len().max(1) as f64;
    let bar = (slot * 0.35).min(28.0);
    let description = months
        .iter()
        .map(|m| (s.chart_month_text)(&m.month, m.received, m.on_time, m.late))
        .collect::<Vec<_>>()
        .join("; ");
    let gridlines = (0..=4)
        .map(|i| {
            let value = step * i;
            view! {
                <line x1=LEFT x2={WIDTH - 8.0} y1=y(value) y2=y(value) class="chart__grid"/>
                <text x={LEFT - 6.0} y={y(value) + 4.0} text-anchor="end" class="chart__axis">{value}</text>
            }
        })
        .collect_view();
    let label_every = months.len().div_ceil(12).max(1);
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = LEFT + slot * i as f64 + (slot - 2.0 * bar) / 2.0;
            let base = y(0);
            view! {
                <g>
                    <title>{(s.chart_month_text)(&m.month, m.received, m.on_time, m.late)}</title>
                    <rect x=x y=y(m.received) width=bar height={base - y(m.received)} fill=RECEIVED/>
                    <rect x={x + bar} y=y(m.on_time) width=bar height={base - y(m.on_time)} fill=ON_TIME/>
                    <rect x={x + bar} y={y(m.on_time + m.late)} width=bar height={y(m.on_time) - y(m.on_time + m.late)} fill=LATE/>
                    {(i % label_every == 0).then(|| view! {
                        <text x={x + bar} y={HEIGHT - BOTTOM + 16.0} text-anchor="middle" class="chart__axis">{m.month.clone()}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="trend-title trend-desc" class="chart__svg">
                <title id="trend-title">{s.chart_trend}</title>
                <desc id="trend-desc">{description.clone()}</desc>
                {gridlines}
                {bars}
            </svg>
            <figcaption>
                <strong>{s.chart_trend}</strong>
                <Legend items=vec![(RECEIVED, s.chart_received), (ON_TIME, s.chart_on_time), (LATE, s.chart_late)]/>
                {months.is_empty().then(|| view! { <p>{s.no_data}</p> })}
            </figcaption>
        </figure>
    }
}

#[component]
fn AgencyChart(agencies: Vec<AgencyRate>) -> impl IntoView {
    let s = &use_texts().statistics;
    const WIDTH: f64 = 640.0;
    const LABEL: f64 = 250.0;
    const ROW: f64 = 26.0;
    let height = ROW * agencies.len().max(1) as f64 + 24.0;
    let plot = WIDTH - LABEL - 60.0;
    let description = agencies
        .iter()
        .map(|a| (s.chart_agency_text)(&a.agency_name, a.rate(), a.on_time, a.resolved))
        .collect::<Vec<_>>()
        .join("; ");
    let rows = agencies
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let top = ROW * i as f64 + 4.0;
            let width = plot * a.rate() / 100.0;
            let colour = if a.rate() >= 90.0 { ON_TIME } else { LATE };
            let mut name = a.agency_name.clone();
            if name.chars().count() > 38 {
                name = name.chars().take(37).collect::<String>() + "…";
            }
            view! {
                <g>
                    <title>{(s.chart_agency_text)(&a.agency_name, a.rate(), a.on_time, a.resolved)}</title>
                    <text x={LABEL - 6.0} y={top + 15.0} text-anchor="end" class="chart__label">{name}</text>
                    <rect x=LABEL y={top + 3.0} width=plot height={ROW - 8.0} class="chart__track"/>
                    <rect x=LABEL y={top + 3.0} width=width height={ROW - 8.0} fill=colour/>
                    <text x={LABEL + plot + 6.0} y={top + 15.0} class="chart__label">{percent_text(Some(a.rate()))}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby="agency-title agency-desc" class="chart__svg">
                <title id="agency-title">{s.chart_agencies}</title>
                <desc id="agency-desc">{description}</desc>
                {rows}
            </svg>
            <figcaption>
                <strong>{s.chart_agencies}</strong>
                <p class="hint">{s.chart_agencies_hint}</p>
                {agencies.is_empty().then(|| view! { <p>{s.no_data}</p> })}
            </figcaption>
        </figure>
    }
}

#[component]
fn ChannelChart(channels: ChannelSplit) -> impl IntoView {
    let s = &use_texts().statistics;
    const WIDTH: f64 = 640.0;
    let total = (channels.online + channels.counter + channels.post).max(1) as f64;
    let parts = [
        (RECEIVED, s.channel_online, channels.online),
        (ON_TIME, s.channel_counter, channels.counter),
        (POST, s.channel_post, channels.post),
    ];
    let text = |(_, name, count): &(&str, &str, i64)| {
        format!(
            "{name}: {count} ({})",
            percent_text(Some(*count as f64 * 100.0 / total))
        )
    };
    let description = parts.iter().map(text).collect::<Vec<_>>().join("; ");
    let mut x = 0.0;
    let segments = parts
        .iter()
        .map(|part| {
            let width = WIDTH * part.2 as f64 / total;
            let at = x;
            x += width;
            view! { <rect x=at y=0 width=width height=36 fill=part.0><title>{text(part)}</title></rect> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} 36") role="img" aria-labelledby="channel-title channel-desc" class="chart__svg chart__svg--bar">
                <title id="channel-title">{s.chart_channels}</title>
                <desc id="channel-desc">{description}</desc>
                {segments}
            </svg>
            <figcaption>
                <strong>{s.chart_channels}</strong>
                <ul class="chart__legend">
                    {parts.iter().map(|part| view! {
                        <li><span class=swatch(part.0) aria-hidden="true"></span>{text(part)}</li>
                    }).collect_view()}
                </ul>
            </figcaption>
        </figure>
    }
}

/// The legend's swatch of a colour: a class, since the pages' security
/// policy refuses inline styles.
fn swatch(colour: &str) -> &'static str {
    match colour {
        RECEIVED => "chart__swatch chart__swatch--received",
        ON_TIME => "chart__swatch chart__swatch--on-time",
        LATE => "chart__swatch chart__swatch--late",
        _ => "chart__swatch chart__swatch--post",
    }
}

#[component]
fn Legend(items: Vec<(&'static str, &'static str)>) -> impl IntoView {
    view! {
        <ul class="chart__legend">
            {items.into_iter().map(|(colour, name)| view! {
                <li><span class=swatch(colour) aria-hidden="true"></span>{name}</li>
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers_above_the_largest_value() {
        assert_eq!(axis(1), (4, 1));
        assert_eq!(axis(7), (8, 2));
        assert_eq!(axis(9), (20, 5));
        assert_eq!(axis(130), (200, 50));
        assert_eq!(axis(40_000), (40_000, 10_000));
    }

    #[test]
    fn an_agency_without_results_has_no_rate_to_divide_by() {
        let none = AgencyRate::default();
        assert_eq!(none.rate(), 0.0);
        let some = AgencyRate {
            on_time: 9,
            resolved: 10,
            ..AgencyRate::default()
        };
        assert_eq!(some.rate(), 90.0);
    }
}
