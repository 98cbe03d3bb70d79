//! `GET /open311/v2/services.json`: the report categories in force, one
//! service per second-level category (its first level as the group), and
//! `GET /open311/v2/services/{code}.json`: what filing one needs beyond
//! the standard fields — the commune of the 2025 units (`attribute[commune]`).

use super::{json_name, Open311Error};
use crate::forms::Asker;
use crate::state::AppState;
use app::field_reports::store;
use app::i18n::Lang;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Service {
    /// The category's code, to file with.
    pub service_code: String,
    pub service_name: String,
    pub description: String,
    /// Always true: filing needs the commune (see the definition).
    pub metadata: bool,
    /// `realtime`: a report gets its code when filed.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub keywords: String,
    /// The first-level category.
    pub group: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ServiceDefinition {
    pub service_code: String,
    pub attributes: Vec<Attribute>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Attribute {
    pub variable: bool,
    pub code: &'static str,
    pub datatype: &'static str,
    pub required: bool,
    pub datatype_description: &'static str,
    pub order: u32,
    pub description: &'static str,
    pub values: Vec<AttributeValue>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AttributeValue {
    pub key: String,
    pub name: String,
}

/// The services, in the portal's order, named in the asker's language.
#[utoipa::path(get, path = "/open311/v2/services.json", tag = "open311",
    responses((status = 200, description = "Every report category in force", body = [Service])))]
pub async fn list(
    State(state): State<AppState>,
    asker: Asker,
) -> Result<Json<Vec<Service>>, Open311Error> {
    let groups = store::category_groups(&state.pool, asker.lang).await?;
    let photo_note = asker.lang.texts().field_reports.open311_photo_note;
    Ok(Json(
        groups
            .into_iter()
            .flat_map(|group| {
                group.categories.into_iter().map(move |category| Service {
                    description: if category.photo_required {
                        photo_note.to_string()
                    } else {
                        String::new()
                    },
                    service_code: category.code,
                    service_name: category.name,
                    metadata: true,
                    kind: "realtime",
                    keywords: String::new(),
                    group: group.name.clone(),
                })
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/open311/v2/services/{service_code}.json", tag = "open311",
    params(("service_code" = String, Path, description = "A service code from services.json")),
    responses(
        (status = 200, description = "The attributes filing this service needs", body = ServiceDefinition),
        (status = 404, description = "No such service", body = [super::Open311ErrorBody])))]
pub async fn definition(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Json<ServiceDefinition>, Open311Error> {
    let code = json_name(&file)?;
    let known = store::category_groups(&state.pool, Lang::Vi)
        .await?
        .iter()
        .any(|group| {
            group
                .categories
                .iter()
                .any(|category| category.code == code)
        });
    if !known {
        return Err(Open311Error::new(
            StatusCode::NOT_FOUND,
            "Không có loại phản ánh này.",
        ));
    }
    let communes = store::communes(&state.pool).await?;
    Ok(Json(ServiceDefinition {
        service_code: code.to_string(),
        attributes: vec![Attribute {
            variable: true,
            code: "commune",
            datatype: "singlevaluelist",
            required: true,
            datatype_description: "Mã xã, phường, đặc khu (đơn vị hành chính từ 01/7/2025)",
            order: 1,
            description: "Xã, phường, đặc khu nơi xảy ra sự việc",
            values: communes
                .into_iter()
                .map(|commune| AttributeValue {
                    key: commune.code,
                    name: commune.name,
                })
                .collect(),
        }],
    }))
}
