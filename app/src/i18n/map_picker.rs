//! The filing form's map (`field_reports::pages::map_picker`).

pub struct MapPickerTexts {
    pub label: &'static str,
    /// How to use it, by pointer and by keyboard.
    pub hint: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub north: &'static str,
    pub south: &'static str,
    pub west: &'static str,
    pub east: &'static str,
    pub choose_centre: &'static str,
    /// Said once a point is chosen: `{lat}` and `{lon}` stand for the
    /// coordinates (`enhance::map_picker`).
    pub chosen: &'static str,
}

pub const VI: MapPickerTexts = MapPickerTexts {
    label: "Bản đồ chọn vị trí",
    hint: "Bấm hoặc chạm vào bản đồ để chọn vị trí, kéo để di chuyển bản đồ; tọa độ được điền vào hai ô bên dưới. Với bàn phím: phím mũi tên để di chuyển, + và − để phóng to, thu nhỏ, Enter để chọn điểm ở tâm bản đồ.",
    zoom_in: "Phóng to",
    zoom_out: "Thu nhỏ",
    north: "Di chuyển lên phía bắc",
    south: "Di chuyển xuống phía nam",
    west: "Di chuyển sang phía tây",
    east: "Di chuyển sang phía đông",
    choose_centre: "Chọn điểm ở tâm bản đồ",
    chosen: "Đã chọn vị trí: vĩ độ {lat}, kinh độ {lon}.",
};

pub const EN: MapPickerTexts = MapPickerTexts {
    label: "Map for choosing the place",
    hint: "Click or tap the map to choose the place, drag to move the map; the coordinates are filled in below. With a keyboard: arrow keys move the map, + and − zoom in and out, Enter chooses the point at the centre.",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    north: "Move north",
    south: "Move south",
    west: "Move west",
    east: "Move east",
    choose_centre: "Choose the point at the centre",
    chosen: "Place chosen: latitude {lat}, longitude {lon}.",
};
