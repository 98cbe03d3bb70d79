//! The filing form's map, as the server renders it: hidden, because only
//! JavaScript makes it work (`enhance::map_picker`, which shows it and
//! draws the tiles). Without JavaScript the form asks for the commune, the
//! street and optional coordinates, which the map only fills in.
//!
//! The map is an SVG whose view box is centred on the map's centre (so its
//! coordinates stay small at any zoom); tiles are placed by attributes, not
//! by inline styles, which the pages' content policy refuses.

use crate::enhance::map_picker::{
    MapPickerEnhancer, MapStart, LATITUDE_INPUT_ID, LONGITUDE_INPUT_ID,
};
use crate::field_reports::MapView;
use crate::i18n::use_texts;
use leptos::prelude::*;

/// The map's wrapper, which the island looks up.
const MAP_ID: &str = "report-map";

#[component]
pub fn MapPicker(map: MapView) -> impl IntoView {
    let t = &use_texts().map_picker;
    let start = MapStart {
        map_id: MAP_ID.to_string(),
        tiles_version: map.tiles_version.clone(),
        centre_latitude: map.centre_latitude,
        centre_longitude: map.centre_longitude,
        zoom: map.zoom,
        chosen: t.chosen.to_string(),
    };
    let button = |action: &'static str, label: &'static str, sign: &'static str| {
        view! {
            <button type="button" class="button button--secondary map-picker__button" data-map=action
                aria-label=label title=label>{sign}</button>
        }
    };
    view! {
        <div class="map-picker" id=MAP_ID hidden="">
            <p class="hint" id="report-map-hint">{t.hint}</p>
            <svg class="map-picker__view" viewBox="-256 -192 512 384" width="512" height="384"
                tabindex="0" role="application" aria-label=t.label aria-describedby="report-map-hint"
                aria-controls=format!("{LATITUDE_INPUT_ID} {LONGITUDE_INPUT_ID}")>
                <g class="map-picker__tiles" aria-hidden="true"></g>
                <path class="map-picker__crosshair" d="M-12 0H12M0 -12V12" aria-hidden="true"></path>
                <g class="map-picker__marker" visibility="hidden" aria-hidden="true">
                    <circle r="10"></circle>
                    <circle r="3"></circle>
                </g>
            </svg>
            <div class="map-picker__controls">
                {button("in", t.zoom_in, "+")}
                {button("out", t.zoom_out, "−")}
                {button("west", t.west, "←")}
                {button("north", t.north, "↑")}
                {button("south", t.south, "↓")}
                {button("east", t.east, "→")}
                <button type="button" class="button button--secondary" data-map="centre">{t.choose_centre}</button>
            </div>
            <p class="map-picker__credit">{map.attribution.clone()}</p>
            <p class="visually-hidden" role="status" id="report-map-status"></p>
        </div>
        <MapPickerEnhancer start/>
    }
}
