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
        super::dossiers::get_dossier
    )
)]
struct ApiDoc;

/// `GET /api/v1/openapi.json`: this API's OpenAPI description, generated from the code.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
