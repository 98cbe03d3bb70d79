//! With JavaScript, the field report's place is picked on a map: the
//! server renders the map hidden (`field_reports::pages::map_picker`);
//! this island shows it, draws the tiles the view needs, moves and zooms
//! it (buttons, dragging, arrow keys, + and −) and, on a click, a tap or
//! Enter (the centre), writes the point into the latitude and longitude
//! fields the form posts. A point typed into those fields moves the map
//! there. Tiles come from the portal (`paths::MAP_TILE`).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The fields the map fills in, on the filing form's first step.
pub const LATITUDE_INPUT_ID: &str = "report-place-latitude";
pub const LONGITUDE_INPUT_ID: &str = "report-place-longitude";

/// Where the map opens and whose tiles it shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapStart {
    /// The server-rendered map's wrapper.
    pub map_id: String,
    pub tiles_version: String,
    pub centre_latitude: f64,
    pub centre_longitude: f64,
    pub zoom: u8,
    /// What the status region says once a point is chosen, `{lat}` and
    /// `{lon}` standing for the coordinates.
    pub chosen: String,
}

#[island]
pub fn MapPickerEnhancer(start: MapStart) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    imp::attach(start);
    #[cfg(not(feature = "hydrate"))]
    let _ = start;
}

#[cfg(feature = "hydrate")]
mod imp {
    use super::super::dom;
    use super::{MapStart, LATITUDE_INPUT_ID, LONGITUDE_INPUT_ID};
    use crate::field_reports::map_tiles::{
        tiles_around, to_degrees, to_pixels, MAX_ZOOM, MIN_ZOOM,
    };
    use crate::field_reports::rules::in_vietnam;
    use crate::paths;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    const SVG: &str = "http://www.w3.org/2000/svg";
    /// The view box's half width and half height (`-256 -192 512 384`).
    const HALF: (f64, f64) = (256.0, 192.0);
    /// How far an arrow moves the map, in map pixels.
    const STEP: f64 = 96.0;
    /// A pointer that moves less than this (screen pixels) taps.
    const TAP_SLOP: f64 = 6.0;

    struct Picker {
        view: web_sys::Element,
        tiles: web_sys::Element,
        marker: web_sys::Element,
        status: Option<web_sys::Element>,
        latitude: web_sys::HtmlInputElement,
        longitude: web_sys::HtmlInputElement,
        tiles_version: String,
        chosen_text: String,
        zoom: Cell<u8>,
        /// The view's centre, in pixels of the whole map at `zoom`.
        centre: Cell<(f64, f64)>,
        /// The point chosen, in degrees.
        point: Cell<Option<(f64, f64)>>,
        drag: Cell<Option<Drag>>,
    }

    #[derive(Clone, Copy)]
    struct Drag {
        pointer: i32,
        from: (f64, f64),
        centre: (f64, f64),
        moved: bool,
    }

    pub fn attach(start: MapStart) {
        let document = dom::document();
        let Some(root) = document.get_element_by_id(&start.map_id) else {
            return;
        };
        let input = |id: &str| {
            document
                .get_element_by_id(id)
                .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
        };
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let (Some(view), Some(tiles), Some(marker), Some(latitude), Some(longitude)) = (
            find(".map-picker__view"),
            find(".map-picker__tiles"),
            find(".map-picker__marker"),
            input(LATITUDE_INPUT_ID),
            input(LONGITUDE_INPUT_ID),
        ) else {
            return;
        };
        let zoom = start.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        let picker = Rc::new(Picker {
            view,
            tiles,
            marker,
            status: find("[role=status]"),
            latitude,
            longitude,
            tiles_version: start.tiles_version,
            chosen_text: start.chosen,
            zoom: Cell::new(zoom),
            centre: Cell::new(to_pixels(
                start.centre_latitude,
                start.centre_longitude,
                zoom,
            )),
            point: Cell::new(None),
            drag: Cell::new(None),
        });
        picker.follow_typed();
        listen_controls(&root, &picker);
        listen_pointer(&picker);
        listen_keys(&picker);
        for field in [&picker.latitude, &picker.longitude] {
            let picker = picker.clone();
            dom::listen(field, "change", move |_| picker.follow_typed());
        }
        dom::set_hidden(&root, false);
    }

    fn listen_controls(root: &web_sys::Element, picker: &Rc<Picker>) {
        let picker = picker.clone();
        dom::listen(root, "click", move |event| {
            let action = dom::target_element(&event)
                .and_then(|element| element.closest("[data-map]").ok().flatten())
                .and_then(|button| button.get_attribute("data-map"));
            match action.as_deref() {
                Some("in") => picker.zoom_by(1),
                Some("out") => picker.zoom_by(-1),
                Some("north") => picker.pan(0.0, -STEP),
                Some("south") => picker.pan(0.0, STEP),
                Some("west") => picker.pan(-STEP, 0.0),
                Some("east") => picker.pan(STEP, 0.0),
                Some("centre") => picker.choose_at((0.0, 0.0)),
                _ => {}
            }
        });
    }

    fn listen_pointer(picker: &Rc<Picker>) {
        let down = picker.clone();
        dom::listen(&picker.view, "pointerdown", move |event| {
            let Some(event) = event.dyn_ref::<web_sys::PointerEvent>() else {
                return;
            };
            if !event.is_primary() || event.button() != 0 {
                return;
            }
            let _ = down.view.set_pointer_capture(event.pointer_id());
            down.drag.set(Some(Drag {
                pointer: event.pointer_id(),
                from: (f64::from(event.client_x()), f64::from(event.client_y())),
                centre: down.centre.get(),
                moved: false,
            }));
        });
        let moving = picker.clone();
        dom::listen(&picker.view, "pointermove", move |event| {
            let (Some(event), Some(mut drag)) =
                (event.dyn_ref::<web_sys::PointerEvent>(), moving.drag.get())
            else {
                return;
            };
            if event.pointer_id() != drag.pointer {
                return;
            }
            let shift = (
                f64::from(event.client_x()) - drag.from.0,
                f64::from(event.client_y()) - drag.from.1,
            );
            drag.moved |= shift.0.hypot(shift.1) > TAP_SLOP;
            moving.drag.set(Some(drag));
            if drag.moved {
                let scale = moving.scale();
                moving.centre.set((
                    drag.centre.0 - shift.0 / scale,
                    drag.centre.1 - shift.1 / scale,
                ));
                moving.draw();
            }
        });
        let up = picker.clone();
        dom::listen(&picker.view, "pointerup", move |event| {
            let (Some(event), Some(drag)) =
                (event.dyn_ref::<web_sys::PointerEvent>(), up.drag.take())
            else {
                return;
            };
            if !drag.moved {
                up.choose_at(up.offset_of(event));
            }
        });
        let cancelled = picker.clone();
        dom::listen(&picker.view, "pointercancel", move |_| {
            cancelled.drag.set(None);
        });
    }

    fn listen_keys(picker: &Rc<Picker>) {
        let picker = picker.clone();
        let view = picker.view.clone();
        dom::listen(&view, "keydown", move |event| {
            let Some(key) = event
                .dyn_ref::<web_sys::KeyboardEvent>()
                .map(|event| event.key())
            else {
                return;
            };
            match key.as_str() {
                "ArrowUp" => picker.pan(0.0, -STEP),
                "ArrowDown" => picker.pan(0.0, STEP),
                "ArrowLeft" => picker.pan(-STEP, 0.0),
                "ArrowRight" => picker.pan(STEP, 0.0),
                "+" | "=" => picker.zoom_by(1),
                "-" | "_" => picker.zoom_by(-1),
                "Enter" | " " => picker.choose_at((0.0, 0.0)),
                _ => return,
            }
            // The page must not scroll, nor the form post, on the map's keys.
            event.prevent_default();
        });
    }

    impl Picker {
        /// Screen pixels per map pixel, as the page lays the map out.
        fn scale(&self) -> f64 {
            let width = self.view.get_bounding_client_rect().width();
            if width > 0.0 {
                width / (2.0 * HALF.0)
            } else {
                1.0
            }
        }

        /// Where a pointer is, in map pixels from the view's centre.
        fn offset_of(&self, event: &web_sys::PointerEvent) -> (f64, f64) {
            let frame = self.view.get_bounding_client_rect();
            let scale = self.scale();
            (
                (f64::from(event.client_x()) - frame.left()) / scale - HALF.0,
                (f64::from(event.client_y()) - frame.top()) / scale - HALF.1,
            )
        }

        fn pan(&self, right: f64, down: f64) {
            let (x, y) = self.centre.get();
            self.centre.set((x + right, y + down));
            self.draw();
        }

        /// One zoom in (`1`) or out (`-1`), about the view's centre.
        fn zoom_by(&self, by: i8) {
            let zoom = self.zoom.get();
            let Some(next) = zoom
                .checked_add_signed(by)
                .filter(|next| (MIN_ZOOM..=MAX_ZOOM).contains(next))
            else {
                return;
            };
            let factor = if next > zoom { 2.0 } else { 0.5 };
            let (x, y) = self.centre.get();
            self.centre.set((x * factor, y * factor));
            self.zoom.set(next);
            self.draw();
        }

        /// Chooses the point `offset` map pixels from the view's centre:
        /// the form's fields get it, the marker and the status say it.
        fn choose_at(&self, offset: (f64, f64)) {
            let (x, y) = self.centre.get();
            let point = to_degrees(x + offset.0, y + offset.1, self.zoom.get());
            let (latitude, longitude) = (fixed(point.0), fixed(point.1));
            self.latitude.set_value(&latitude);
            self.longitude.set_value(&longitude);
            if let Some(status) = &self.status {
                status.set_text_content(Some(
                    &self
                        .chosen_text
                        .replace("{lat}", &latitude)
                        .replace("{lon}", &longitude),
                ));
            }
            // The map stays where it is: the marker goes where the citizen
            // pointed, and a jump would lose their bearings.
            self.point.set(Some(point));
            self.draw();
        }

        /// Puts the marker on the point the fields hold, the map centred
        /// there; none when they hold none.
        fn follow_typed(&self) {
            let point = typed_point(&self.latitude.value(), &self.longitude.value());
            if let Some((latitude, longitude)) = point {
                if self.point.get() != Some((latitude, longitude)) {
                    self.centre
                        .set(to_pixels(latitude, longitude, self.zoom.get()));
                }
            }
            self.point.set(point);
            self.draw();
        }

        /// The tiles the view needs, each where it falls; the marker on the
        /// point chosen. Tiles already drawn stay, so moving never flickers.
        fn draw(&self) {
            let zoom = self.zoom.get();
            let centre = self.centre.get();
            // A dozen tiles at most: a list is enough, and lighter than a map.
            let mut drawn: Vec<(String, web_sys::Element)> = dom::all(&self.tiles, "image")
                .into_iter()
                .filter_map(|image| Some((image.get_attribute("href")?, image)))
                .collect();
            for tile in tiles_around(centre, zoom, HALF.0, HALF.1) {
                let href = paths::map_tile(&self.tiles_version, zoom, tile.x, tile.y);
                let kept = drawn.iter().position(|(drawn, _)| *drawn == href);
                let image = match kept.map(|at| drawn.swap_remove(at).1) {
                    Some(image) => image,
                    None => match new_tile(&href) {
                        Some(image) => {
                            let _ = self.tiles.append_child(&image);
                            image
                        }
                        None => continue,
                    },
                };
                let _ = image.set_attribute("x", &number(tile.left));
                let _ = image.set_attribute("y", &number(tile.top));
            }
            for (_, stale) in drawn {
                stale.remove();
            }
            match self.point.get() {
                Some((latitude, longitude)) => {
                    let (x, y) = to_pixels(latitude, longitude, zoom);
                    let _ = self.marker.set_attribute(
                        "transform",
                        &[
                            "translate(",
                            &number(x - centre.0),
                            " ",
                            &number(y - centre.1),
                            ")",
                        ]
                        .concat(),
                    );
                    let _ = self.marker.set_attribute("visibility", "visible");
                }
                None => {
                    let _ = self.marker.set_attribute("visibility", "hidden");
                }
            }
        }
    }

    // Numbers are written and read by the browser's own JavaScript: Rust's
    // float formatting and parsing would add some 10 KiB to the bundle
    // (bench/README.md, "Browser bundle").

    /// A number as SVG attributes take it.
    fn number(value: f64) -> String {
        js_sys::Number::from(value)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }

    /// Degrees to a millionth (about 10 cm), as the form's fields take them.
    fn fixed(degrees: f64) -> String {
        js_sys::Number::from(degrees)
            .to_fixed(6)
            .map(String::from)
            .unwrap_or_default()
    }

    /// The point the fields hold, when both are numbers inside Vietnam (a
    /// comma taken as the decimal mark); the server checks them strictly
    /// (`field_reports::rules::parse_point`) when the form is sent.
    fn typed_point(latitude: &str, longitude: &str) -> Option<(f64, f64)> {
        let read = |text: &str| {
            let value = js_sys::Number::parse_float(&text.trim().replace(',', "."));
            (!value.is_nan()).then_some(value)
        };
        let point = (read(latitude)?, read(longitude)?);
        in_vietnam(point.0, point.1).then_some(point)
    }

    /// A tile image, a pixel larger than the tile so no seam shows between
    /// neighbours.
    fn new_tile(href: &str) -> Option<web_sys::Element> {
        let image = dom::document().create_element_ns(Some(SVG), "image").ok()?;
        for (name, value) in [("href", href), ("width", "257"), ("height", "257")] {
            let _ = image.set_attribute(name, value);
        }
        Some(image)
    }
}
