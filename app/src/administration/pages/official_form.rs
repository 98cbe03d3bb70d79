use crate::access::Role;
use crate::administration::AgencyOption;
use crate::forms::{field_id, CheckboxField, FormFeedback, SubmitButton, TextField};
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

/// The fields of an official account: name, email, agency, roles. Used to
/// create one and to edit one; `current` fills it when nothing was posted.
#[component]
pub fn OfficialForm(
    action: String,
    form: FormFeedback,
    agencies: Vec<AgencyOption>,
    #[prop(optional)] current: Option<(String, String, i64, Vec<Role>)>,
    submit: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let posted = !form.values.is_empty();
    let (name, email, agency_id, roles) = current.unwrap_or_default();
    let chosen_agency = if posted {
        form.value("agency_id")
    } else {
        agency_id.to_string()
    };
    let chosen_roles: Vec<String> = if posted {
        form.value("roles").split(',').map(str::to_string).collect()
    } else {
        roles.iter().map(|role| role.as_str().to_string()).collect()
    };
    let agency_error = form.message_for("agency_id");
    let roles_error = form.message_for("roles");
    let agency_class = if agency_error.is_some() {
        "form-group form-group--error"
    } else {
        "form-group"
    };
    let roles_class = if roles_error.is_some() {
        "fieldset form-group form-group--error"
    } else {
        "fieldset form-group"
    };
    let agency_field = field_id(&form.form, "agency_id");
    let roles_field = field_id(&form.form, "roles");
    view! {
        <form method="post" action=action novalidate>
            <TextField name="full_name" label=t.accounts.full_name_label autocomplete="off"
                required=true feedback=form.clone() initial=name/>
            <TextField name="email" label=t.accounts.email_label kind="email" autocomplete="off"
                required=true feedback=form.clone() initial=email/>
            <div class=agency_class>
                <label class="label" for=agency_field.clone()>{t.forms.agency_select_label}</label>
                {agency_error.clone().map(|message| view! { <p class="error-message">{message}</p> })}
                <select class="select" id=agency_field name="agency_id" required=true
                    aria-invalid=agency_error.is_some().then_some("true")>
                    <option value="">{t.forms.choose_agency}</option>
                    {agencies.into_iter().map(|agency| {
                        let selected = agency.id.to_string() == chosen_agency;
                        let label = format!("{}{}", "— ".repeat(agency.depth as usize), agency.name);
                        view! { <option value=agency.id.to_string() selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <fieldset class=roles_class id=roles_field.clone()>
                <legend class="label">{t.forms.roles_legend}</legend>
                {roles_error.map(|message| view! { <p class="error-message">{message}</p> })}
                {Role::ALL.into_iter().map(|role| view! {
                    <CheckboxField name="role" value=role.as_str() label=role.label(lang).to_string()
                        id=format!("{roles_field}-{}", role.as_str())
                        checked=chosen_roles.iter().any(|chosen| chosen == role.as_str())/>
                }).collect_view()}
            </fieldset>
            <SubmitButton label=submit/>
        </form>
    }
}
