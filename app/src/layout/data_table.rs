use leptos::prelude::*;

/// One column heading of a [`DataTable`].
pub struct Column {
    pub label: String,
    /// Extra classes of the heading cell, e.g. `numeric` for figures.
    pub class: &'static str,
}

impl Column {
    /// Plain headings, one per label.
    pub fn list<const N: usize>(labels: [&str; N]) -> Vec<Column> {
        labels.into_iter().map(Column::from).collect()
    }

    pub fn numeric(label: impl Into<String>) -> Self {
        Column {
            label: label.into(),
            class: "numeric",
        }
    }
}

impl From<&str> for Column {
    fn from(label: &str) -> Self {
        Column::from(label.to_string())
    }
}

impl From<String> for Column {
    fn from(label: String) -> Self {
        Column { label, class: "" }
    }
}

/// A table of records in a wrapper that scrolls sideways on narrow
/// screens. The wrapper is a focusable, named region, so keyboard users can
/// scroll it too (axe: "scrollable region must have keyboard access").
/// `columns` become the header row (`scope="col"`) and the children the
/// body rows; a table whose header spans several rows gives its header
/// rows as `head`, and a totals row goes in `foot`.
#[component]
pub fn DataTable(
    /// Names the scrolling region for screen readers.
    #[prop(into)]
    label: String,
    #[prop(optional, into)] caption: Option<String>,
    /// Classes of the `<table>` besides `table`.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] columns: Vec<Column>,
    #[prop(optional)] head: Option<AnyView>,
    #[prop(optional)] foot: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "table".to_string()
    } else {
        format!("table {class}")
    };
    let header = (!columns.is_empty()).then(|| {
        view! {
            <thead><tr>
                {columns.into_iter().map(|Column { label, class }| {
                    view! { <th scope="col" class=(!class.is_empty()).then_some(class)>{label}</th> }
                }).collect_view()}
            </tr></thead>
        }
    });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class=class>
                {caption.map(|caption| view! { <caption>{caption}</caption> })}
                {head.map(|head| view! { <thead>{head}</thead> })}
                {header}
                <tbody>{children()}</tbody>
                {foot.map(|foot| view! { <tfoot>{foot}</tfoot> })}
            </table>
        </div>
    }
}
