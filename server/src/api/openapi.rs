use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Một Cửa API",
        description = "Public API of the Một Cửa public-service portal."
    ),
    paths(
        crate::health::health,
        super::procedures::list_procedures,
        super::procedures::get_procedure,
        super::procedures::get_appointment,
        super::procedure_versions::list_versions,
        super::dossiers::get_dossier,
        super::reports::bieu06,
        crate::open311::services::list,
        crate::open311::services::definition,
        crate::open311::requests::list,
        crate::open311::requests::one,
        crate::open311::filing::file
    ),
    modifiers(&ApiTokenScheme)
)]
struct ApiDoc;

/// Declares the bearer API token the reports accept.
struct ApiTokenScheme;

impl utoipa::Modify for ApiTokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token an administrator issued to a manager"))
                    .build(),
            ),
        );
    }
}

/// `GET /api/v1/openapi.json`: this API's OpenAPI description, generated from the code.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
