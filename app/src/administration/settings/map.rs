//! The field-report map's settings: where tiles come from (an address with
//! `{z}`, `{x}` and `{y}`, as OpenStreetMap and most tile services give
//! it), the credit the tiles' licence asks for, and where the map opens.
//! The browser never asks the tile service itself: the portal fetches the
//! tiles (`paths::MAP_TILE`), so the page's content policy stays the
//! portal's own and the service never sees who looks at which place.

use super::SettingsRefusal;
use crate::field_reports::rules::in_vietnam;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapSettings {
    /// Empty: no map; the form asks for the commune and the street only.
    pub tile_url: String,
    /// "© OpenStreetMap contributors": shown under the map.
    pub attribution: String,
    pub centre_latitude: f64,
    pub centre_longitude: f64,
    /// The zoom the map opens at (5, the country; 18, a street).
    pub zoom: i16,
}

impl Default for MapSettings {
    /// The table's defaults, until a row is stored.
    fn default() -> Self {
        MapSettings {
            tile_url: String::new(),
            attribution: String::new(),
            centre_latitude: 21.0285,
            centre_longitude: 105.8542,
            zoom: 13,
        }
    }
}

/// The zooms a province may open the map at, as the table checks them.
pub const OPENING_ZOOMS: std::ops::RangeInclusive<i16> = 5..=18;

const TILE_URL_LIMIT: usize = 300;
const ATTRIBUTION_LIMIT: usize = 200;

/// The map settings as typed on the settings page.
#[derive(Clone, Debug, Default)]
pub struct MapTyped {
    pub tile_url: String,
    pub attribution: String,
    pub centre_latitude: String,
    pub centre_longitude: String,
    pub zoom: String,
}

/// The settings typed, checked as the table checks them; each refused
/// field with its reason otherwise.
pub fn check_map(typed: &MapTyped) -> Result<MapSettings, Vec<(&'static str, SettingsRefusal)>> {
    let mut refused = Vec::new();
    let tile_url = typed.tile_url.trim().to_string();
    let attribution = typed.attribution.trim().to_string();
    if !tile_url.is_empty() && !is_tile_address(&tile_url) {
        refused.push(("map_tile_url", SettingsRefusal::TileAddress));
    }
    if attribution.chars().count() > ATTRIBUTION_LIMIT {
        refused.push(("map_attribution", SettingsRefusal::AttributionTooLong));
    } else if !tile_url.is_empty() && attribution.is_empty() {
        refused.push(("map_attribution", SettingsRefusal::AttributionMissing));
    }
    let degrees = |text: &str| text.trim().replace(',', ".").parse::<f64>().ok();
    let centre = match (
        degrees(&typed.centre_latitude),
        degrees(&typed.centre_longitude),
    ) {
        (Some(latitude), Some(longitude)) if in_vietnam(latitude, longitude) => {
            Some((latitude, longitude))
        }
        _ => {
            refused.push(("map_centre_latitude", SettingsRefusal::MapCentre));
            None
        }
    };
    let zoom = typed
        .zoom
        .trim()
        .parse::<i16>()
        .ok()
        .filter(|zoom| OPENING_ZOOMS.contains(zoom));
    if zoom.is_none() {
        refused.push(("map_zoom", SettingsRefusal::MapZoom));
    }
    match (centre, zoom) {
        (Some((centre_latitude, centre_longitude)), Some(zoom)) if refused.is_empty() => {
            Ok(MapSettings {
                tile_url,
                attribution,
                centre_latitude,
                centre_longitude,
                zoom,
            })
        }
        _ => Err(refused),
    }
}

/// An `http(s)` address of at most 300 characters naming `{z}`, `{x}` and
/// `{y}`, without spaces.
fn is_tile_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.chars().count() <= TILE_URL_LIMIT
        && !url.chars().any(char::is_whitespace)
        && ["{z}", "{x}", "{y}"].iter().all(|part| url.contains(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(url: &str, attribution: &str) -> MapTyped {
        MapTyped {
            tile_url: url.into(),
            attribution: attribution.into(),
            centre_latitude: "20.9517".into(),
            centre_longitude: "107,0806".into(),
            zoom: "14".into(),
        }
    }

    #[test]
    fn an_openstreetmap_address_with_its_credit_is_kept() {
        let settings = check_map(&typed(
            " https://tile.openstreetmap.org/{z}/{x}/{y}.png ",
            "© OpenStreetMap contributors",
        ))
        .unwrap();
        assert_eq!(
            settings.tile_url,
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        );
        assert_eq!(
            settings.centre_longitude, 107.0806,
            "a comma is a decimal mark"
        );
        assert_eq!(settings.zoom, 14);
    }

    #[test]
    fn no_address_means_no_map_and_needs_no_credit() {
        let settings = check_map(&typed("", "")).unwrap();
        assert!(settings.tile_url.is_empty());
    }

    #[test]
    fn an_address_must_name_the_three_tile_numbers_over_http() {
        for refused in [
            "https://tile.example.vn/{z}/{x}.png",
            "ftp://tile.example.vn/{z}/{x}/{y}.png",
            "tile.example.vn/{z}/{x}/{y}.png",
            "https://tile.example.vn/{z}/{x}/{y}.png?key= abc",
        ] {
            assert_eq!(
                check_map(&typed(refused, "© X")).unwrap_err(),
                [("map_tile_url", SettingsRefusal::TileAddress)],
                "{refused}"
            );
        }
        let long = format!(
            "https://tile.example.vn/{{z}}/{{x}}/{{y}}.png?{}",
            "k".repeat(300)
        );
        assert!(check_map(&typed(&long, "© X")).is_err());
    }

    #[test]
    fn tiles_need_their_credit() {
        assert_eq!(
            check_map(&typed("https://t.example.vn/{z}/{x}/{y}", " ")).unwrap_err(),
            [("map_attribution", SettingsRefusal::AttributionMissing)]
        );
    }

    #[test]
    fn the_map_opens_inside_vietnam_at_a_useful_zoom() {
        let mut outside = typed("", "");
        outside.centre_latitude = "48.85".into();
        outside.centre_longitude = "2.35".into();
        outside.zoom = "3".into();
        assert_eq!(
            check_map(&outside).unwrap_err(),
            [
                ("map_centre_latitude", SettingsRefusal::MapCentre),
                ("map_zoom", SettingsRefusal::MapZoom)
            ]
        );
        let mut street = typed("", "");
        street.zoom = "19".into();
        assert!(
            check_map(&street).is_err(),
            "beyond what tile services draw"
        );
    }
}
