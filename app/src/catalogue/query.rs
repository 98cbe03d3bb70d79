//! What a catalogue search asks for, parsed once at the edge.

use super::model::OnlineLevel;
use crate::paths;
use crate::text;
use serde::{Deserialize, Serialize};

/// Results per page on the catalogue page.
pub const PAGE_SIZE: i64 = 10;
/// The most results one API call may ask for.
pub const MAX_LIMIT: i64 = 100;

/// A validated catalogue search. Unknown or malformed filter values are
/// dropped rather than refused: a stale bookmark still shows a useful list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// Normalised, lower-case search text.
    pub text: Option<String>,
    pub sector: Option<String>,
    pub agency: Option<String>,
    pub level: Option<OnlineLevel>,
    /// Only the procedures marked popular (the home page's list).
    pub popular_only: bool,
    pub limit: i64,
    pub offset: i64,
}

/// The raw parameters as they arrive in a URL, kept as typed so that forms
/// show them back unchanged.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "ssr", into_params(parameter_in = Query))]
pub struct RawCatalogueParams {
    /// Search text; accents, case and small typos do not matter.
    pub q: Option<String>,
    /// Sector code, e.g. `HO_TICH`.
    pub sector: Option<String>,
    /// Electronic code of an agency that receives the procedure.
    pub agency: Option<String>,
    /// `full` (toàn trình) or `partial` (một phần).
    pub level: Option<String>,
    /// Catalogue page number, from 1 (pages only).
    #[cfg_attr(feature = "ssr", param(ignore))]
    pub page: Option<String>,
    /// Results to return, 1–100 (API only; default 20).
    pub limit: Option<String>,
    /// Results to skip (API only).
    pub offset: Option<String>,
}

impl RawCatalogueParams {
    /// Reads the parameters from `(name, value)` pairs such as a URL's query.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        let mut raw = Self::default();
        for (key, value) in pairs {
            let slot = match key {
                "q" => &mut raw.q,
                "sector" => &mut raw.sector,
                "agency" => &mut raw.agency,
                "level" => &mut raw.level,
                "page" => &mut raw.page,
                "limit" => &mut raw.limit,
                "offset" => &mut raw.offset,
                _ => continue,
            };
            *slot = Some(value);
        }
        raw
    }

    /// The catalogue page address for these filters, on `page` (1 = first, omitted).
    pub fn catalogue_href(&self, page: i64) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("q", &self.q),
            ("sector", &self.sector),
            ("agency", &self.agency),
            ("level", &self.level),
        ] {
            if let Some(value) = value.as_deref().filter(|value| !value.trim().is_empty()) {
                query.append_pair(key, value);
            }
        }
        if page > 1 {
            query.append_pair("page", &page.to_string());
        }
        let query = query.finish();
        if query.is_empty() {
            paths::procedures()
        } else {
            format!("{}?{query}", paths::PROCEDURES)
        }
    }
}

impl CatalogueQuery {
    /// Parses the parameters of the catalogue page (`page` counts from 1).
    pub fn from_page_params(raw: &RawCatalogueParams) -> Self {
        let page = parse_positive(raw.page.as_deref()).unwrap_or(1).min(10_000);
        Self {
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            ..Self::filters(raw)
        }
    }

    /// Parses the parameters of the JSON API (`limit` and `offset`).
    pub fn from_api_params(raw: &RawCatalogueParams) -> Self {
        Self {
            limit: parse_positive(raw.limit.as_deref())
                .unwrap_or(20)
                .min(MAX_LIMIT),
            offset: raw
                .offset
                .as_deref()
                .and_then(|value| value.trim().parse::<i64>().ok())
                .filter(|offset| *offset >= 0)
                .unwrap_or(0),
            ..Self::filters(raw)
        }
    }

    fn filters(raw: &RawCatalogueParams) -> Self {
        Self {
            text: raw.q.as_deref().and_then(text::search_query),
            sector: non_blank(raw.sector.as_deref()),
            agency: non_blank(raw.agency.as_deref()),
            level: raw.level.as_deref().and_then(OnlineLevel::parse),
            popular_only: false,
            limit: PAGE_SIZE,
            offset: 0,
        }
    }

    /// The popular procedures, for the home page.
    pub fn popular(limit: i64) -> Self {
        Self {
            popular_only: true,
            limit,
            ..Self::default()
        }
    }

    /// The 1-based page this query shows.
    pub fn page(&self) -> i64 {
        self.offset / self.limit.max(1) + 1
    }

    pub fn has_filters(&self) -> bool {
        self.sector.is_some() || self.agency.is_some() || self.level.is_some()
    }
}

/// Number of pages needed for `total` results (at least one).
pub fn page_count(total: i64, page_size: i64) -> i64 {
    ((total + page_size - 1) / page_size.max(1)).max(1)
}

fn parse_positive(value: Option<&str>) -> Option<i64> {
    value
        .and_then(|value| value.trim().parse::<i64>().ok())
        .filter(|number| *number >= 1)
}

/// A filter's code as given, unless blank or too long to be one; control
/// characters read as spaces (no code has them, and a NUL cannot reach
/// PostgreSQL's text), so such a value names nothing rather than failing.
fn non_blank(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|value| !value.is_empty() && value.len() <= 64)
        .map(|value| {
            value
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&'static str, &str)]) -> RawCatalogueParams {
        RawCatalogueParams::from_pairs(pairs.iter().map(|(key, value)| (*key, value.to_string())))
    }

    #[test]
    fn catalogue_links_keep_the_filters_and_encode_them() {
        let params = raw(&[
            ("q", "khai sinh & kết hôn"),
            ("level", "full"),
            ("page", "4"),
        ]);
        assert_eq!(
            params.catalogue_href(2),
            "/thu-tuc?q=khai+sinh+%26+k%E1%BA%BFt+h%C3%B4n&level=full&page=2"
        );
        assert_eq!(RawCatalogueParams::default().catalogue_href(1), "/thu-tuc");
    }

    #[test]
    fn page_numbers_become_offsets() {
        let query = CatalogueQuery::from_page_params(&raw(&[("page", "3")]));
        assert_eq!((query.limit, query.offset, query.page()), (10, 20, 3));
    }

    #[test]
    fn nonsense_pages_show_the_first_page() {
        for page in ["0", "-4", "abc", ""] {
            let query = CatalogueQuery::from_page_params(&raw(&[("page", page)]));
            assert_eq!(query.offset, 0, "page={page}");
        }
    }

    #[test]
    fn api_limits_are_capped() {
        let query = CatalogueQuery::from_api_params(&raw(&[("limit", "5000"), ("offset", "-1")]));
        assert_eq!((query.limit, query.offset), (MAX_LIMIT, 0));
    }

    #[test]
    fn unknown_levels_and_blank_filters_are_ignored() {
        let query = CatalogueQuery::from_page_params(&raw(&[
            ("level", "level4"),
            ("sector", "  "),
            ("q", " "),
        ]));
        assert_eq!(query.level, None);
        assert_eq!(query.sector, None);
        assert_eq!(query.text, None);
        assert!(!query.has_filters());
    }

    #[test]
    fn search_text_is_normalised() {
        let query = CatalogueQuery::from_page_params(&raw(&[("q", "  Đa\u{306}ng KÝ  ")]));
        assert_eq!(query.text.as_deref(), Some("đăng ký"));
    }

    #[test]
    fn page_count_rounds_up() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
    }
}
