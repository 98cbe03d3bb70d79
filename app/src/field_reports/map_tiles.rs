//! The arithmetic of a tiled web map ("slippy map", Web Mercator, 256-pixel
//! tiles, as OpenStreetMap and most tile services draw them): where a point
//! falls at a zoom, which point a pixel shows, and which tiles cover a view.
//! The filing form's map (`enhance::map_picker`) and the portal's tile
//! route (`paths::MAP_TILE`) share it.

use std::f64::consts::PI;

/// A tile's side in pixels.
pub const TILE_SIZE: f64 = 256.0;
/// The deepest zoom the map goes to (tile services draw up to 19).
pub const MAX_ZOOM: u8 = 19;
/// The shallowest (the whole country in a view).
pub const MIN_ZOOM: u8 = 5;

/// A point's position in the whole map at `zoom`, in pixels from the top
/// left corner (the map is `256 × 2^zoom` pixels square).
pub fn to_pixels(latitude: f64, longitude: f64, zoom: u8) -> (f64, f64) {
    let side = map_side(zoom);
    let x = (longitude + 180.0) / 360.0 * side;
    let sine = latitude.to_radians().sin();
    let y = (0.5 - ((1.0 + sine) / (1.0 - sine)).ln() / (4.0 * PI)) * side;
    (x, y)
}

/// The point a pixel of the whole map at `zoom` shows: latitude, longitude.
pub fn to_degrees(x: f64, y: f64, zoom: u8) -> (f64, f64) {
    let side = map_side(zoom);
    let longitude = x / side * 360.0 - 180.0;
    let latitude = (PI * (1.0 - 2.0 * y / side)).sinh().atan().to_degrees();
    (latitude, longitude)
}

fn map_side(zoom: u8) -> f64 {
    TILE_SIZE * f64::from(1u32 << zoom.min(MAX_ZOOM))
}

/// Whether a tile exists: a zoom the map goes to, and a column and a row
/// inside the map.
pub fn is_tile(zoom: u8, x: u32, y: u32) -> bool {
    zoom <= MAX_ZOOM && x < (1u32 << zoom) && y < (1u32 << zoom)
}

/// A tile in a view: its column and row, and where its top left corner
/// falls, in pixels from the view's centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedTile {
    pub x: u32,
    pub y: u32,
    pub left: f64,
    pub top: f64,
}

/// The tiles covering a view `half_width` and `half_height` pixels either
/// side of `centre` (pixels of the whole map at `zoom`), row by row.
pub fn tiles_around(
    centre: (f64, f64),
    zoom: u8,
    half_width: f64,
    half_height: f64,
) -> Vec<PlacedTile> {
    let first = |at: f64, half: f64| ((at - half) / TILE_SIZE).floor() as i64;
    let last = |at: f64, half: f64| ((at + half) / TILE_SIZE).ceil() as i64 - 1;
    let mut tiles = Vec::new();
    for row in first(centre.1, half_height)..=last(centre.1, half_height) {
        for column in first(centre.0, half_width)..=last(centre.0, half_width) {
            let (Ok(x), Ok(y)) = (u32::try_from(column), u32::try_from(row)) else {
                continue;
            };
            if is_tile(zoom, x, y) {
                tiles.push(PlacedTile {
                    x,
                    y,
                    left: column as f64 * TILE_SIZE - centre.0,
                    top: row as f64 * TILE_SIZE - centre.1,
                });
            }
        }
    }
    tiles
}

/// The tile service's address of one tile: the template's `{z}`, `{x}` and
/// `{y}` filled in.
pub fn tile_address(template: &str, zoom: u8, x: u32, y: u32) -> String {
    template
        .replace("{z}", &zoom.to_string())
        .replace("{x}", &x.to_string())
        .replace("{y}", &y.to_string())
}

/// A short name for a tile address, part of the portal's tile paths: a
/// browser keeps tiles for days, and a new address must not show the old
/// service's.
#[cfg(feature = "ssr")]
pub fn tiles_version(template: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(template.as_bytes())
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_equator_at_greenwich_is_the_middle_of_the_map() {
        assert_eq!(to_pixels(0.0, 0.0, 0), (128.0, 128.0));
        assert_eq!(to_pixels(0.0, 0.0, 1), (256.0, 256.0));
    }

    #[test]
    fn the_map_ends_at_the_date_line_and_about_85_degrees() {
        let (x, y) = to_pixels(85.051_128_78, -180.0, 3);
        assert_eq!(x, 0.0);
        assert!(y.abs() < 1e-3, "{y}");
        let (x, y) = to_pixels(-85.051_128_78, 180.0, 3);
        assert_eq!(x, 2048.0);
        assert!((y - 2048.0).abs() < 1e-3, "{y}");
    }

    /// The OpenStreetMap wiki's "Slippy map tilenames" names tiles by
    /// `x = ⌊(lon + 180) / 360 · 2^z⌋` and `y = ⌊(1 − ln(tan φ + sec φ) / π)
    /// / 2 · 2^z⌋`; for Hạ Long's centre at zoom 13 that is 6532 and 3608
    /// (worked out apart from this code).
    #[test]
    fn ha_long_falls_in_the_tile_the_openstreetmap_formula_names() {
        let (x, y) = to_pixels(20.9517, 107.0806, 13);
        assert_eq!(
            ((x / TILE_SIZE) as u32, (y / TILE_SIZE) as u32),
            (6532, 3608)
        );
    }

    #[test]
    fn a_pixel_shows_the_point_that_falls_on_it() {
        for (latitude, longitude) in [(20.9517, 107.0806), (8.6, 117.8), (23.39, 105.32)] {
            for zoom in [MIN_ZOOM, 13, MAX_ZOOM] {
                let (x, y) = to_pixels(latitude, longitude, zoom);
                let back = to_degrees(x, y, zoom);
                assert!((back.0 - latitude).abs() < 1e-9, "{back:?}");
                assert!((back.1 - longitude).abs() < 1e-9, "{back:?}");
            }
        }
    }

    #[test]
    fn a_view_is_covered_by_the_tiles_it_touches_and_no_others() {
        // A view 512 × 384 centred where four tiles meet shows those four.
        let tiles = tiles_around((1024.0, 1024.0), 4, 256.0, 192.0);
        let named: Vec<(u32, u32)> = tiles.iter().map(|tile| (tile.x, tile.y)).collect();
        assert_eq!(named, [(3, 3), (4, 3), (3, 4), (4, 4)]);
        assert_eq!((tiles[0].left, tiles[0].top), (-256.0, -256.0));
        // Off the corner, it spans 844..1356 across and 808..1192 down:
        // three columns, two rows.
        let tiles = tiles_around((1100.0, 1000.0), 4, 256.0, 192.0);
        let named: Vec<(u32, u32)> = tiles.iter().map(|tile| (tile.x, tile.y)).collect();
        assert_eq!(named, [(3, 3), (4, 3), (5, 3), (3, 4), (4, 4), (5, 4)]);
        assert_eq!((tiles[0].left, tiles[0].top), (-332.0, -232.0));
        // At the map's corner, only tiles that exist.
        let corner = tiles_around((10.0, 10.0), 2, 256.0, 192.0);
        assert!(corner.iter().all(|tile| is_tile(2, tile.x, tile.y)));
        assert_eq!(corner.len(), 2, "two columns of one row");
    }

    #[test]
    fn only_tiles_inside_the_map_exist() {
        assert!(is_tile(0, 0, 0));
        assert!(!is_tile(0, 1, 0));
        assert!(is_tile(13, 8191, 8191));
        assert!(!is_tile(13, 8192, 0));
        assert!(!is_tile(20, 0, 0));
    }

    #[test]
    fn a_template_is_filled_with_the_tile_numbers() {
        assert_eq!(
            tile_address(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                13,
                6532,
                3639
            ),
            "https://tile.openstreetmap.org/13/6532/3639.png"
        );
    }
}
