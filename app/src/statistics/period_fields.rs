use crate::i18n::use_texts;
use leptos::prelude::*;

/// A report period's two date fields of a GET form (`tu`, `den`, both
/// days included); `id` prefixes the fields' ids (`{id}-from`, `{id}-to`).
#[component]
pub fn PeriodFields(id: &'static str, from: String, to: String) -> impl IntoView {
    let s = &use_texts().statistics;
    let (from_id, to_id) = (format!("{id}-from"), format!("{id}-to"));
    view! {
        <div class="form-group">
            <label class="label" for=from_id.clone()>{s.from}</label>
            <input class="input input--medium" type="date" id=from_id name="tu" value=from/>
        </div>
        <div class="form-group">
            <label class="label" for=to_id.clone()>{s.to}</label>
            <input class="input input--medium" type="date" id=to_id name="den" value=to/>
        </div>
    }
}
