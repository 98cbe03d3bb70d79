use crate::access::sign_in_address;
use crate::error::AppError;
use crate::http_status::set_status;
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Tells the user, in their language, that their request could not be served.
/// A page that needs a signed-in user sends the visitor to sign in first, and
/// back here afterwards.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    if error == AppError::SignInRequired {
        let location = use_location();
        let here = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        );
        send_to_sign_in(&sign_in_address(&here));
    } else if error == AppError::SecondFactorRequired {
        send_to_sign_in(paths::SECOND_FACTOR);
    } else {
        set_status(error.status());
    }
    let t = use_texts();
    view! {
        <div class="notice notice--error" role="alert">
            <h2 class="notice__title">{t.error_title}</h2>
            <p>{error.message(t)}</p>
            {(error == AppError::SignInRequired).then(|| view! {
                <p><a href=paths::SIGN_IN>{t.accounts.nav_sign_in}</a></p>
            })}
        </div>
    }
}

fn send_to_sign_in(target: &str) {
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(target);
    #[cfg(not(feature = "ssr"))]
    {
        let navigate = leptos_router::hooks::use_navigate();
        navigate(target, Default::default());
    }
}
