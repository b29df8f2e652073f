//! Every colour and size of the viewer, in one place (Rerun's design-token pattern).
//!
//! The map keeps a light, print-like palette whatever the UI theme, so a screenshot of
//! the window and a briefing image look alike.

use egui::{Color32, FontId};

/// Sea and the map's background.
pub const SEA: Color32 = Color32::from_rgb(0xcf, 0xe2, 0xef);
/// Land.
pub const LAND: Color32 = Color32::from_rgb(0xf1, 0xee, 0xe6);
/// Country borders.
pub const BORDER: Color32 = Color32::from_rgb(0x8f, 0x8a, 0x80);
/// First-level region borders.
pub const REGION_BORDER: Color32 = Color32::from_rgb(0xd2, 0xcc, 0xc0);
/// Rivers.
pub const RIVER: Color32 = Color32::from_rgb(0x86, 0xb0, 0xd2);
/// Lakes.
pub const LAKE: Color32 = SEA;
/// Country names on the map.
pub const COUNTRY_LABEL: Color32 = Color32::from_rgb(0x8a, 0x82, 0x76);
/// Place names on the map.
pub const PLACE_LABEL: Color32 = Color32::from_rgb(0x1f, 0x1f, 0x1f);
/// The halo behind place names.
pub const LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(0xf4, 0xf2, 0xec, 0xd8);
/// Outline of markers.
pub const MARKER_OUTLINE: Color32 = Color32::from_rgb(0x3a, 0x2a, 0x24);
/// Ring around the selected place.
pub const SELECTED: Color32 = Color32::from_rgb(0x1a, 0x5f, 0xb4);
/// Legend panel background.
pub const LEGEND_BG: Color32 = Color32::from_rgba_premultiplied(0xf8, 0xf7, 0xf3, 0xea);
/// Legend text.
pub const LEGEND_TEXT: Color32 = Color32::from_rgb(0x33, 0x33, 0x33);

/// Histogram bars.
pub const BAR: Color32 = Color32::from_rgb(0x6d, 0x8f, 0xb3);
/// Histogram bars of the selected place's days.
pub const BAR_SELECTED: Color32 = Color32::from_rgb(0xd7, 0x6a, 0x1f);
/// The time cursor.
pub const CURSOR: Color32 = Color32::from_rgb(0xe0, 0x3c, 0x31);

/// Background of place mentions in the article text.
pub const MENTION_BG: Color32 = Color32::from_rgba_premultiplied(0x2e, 0x6b, 0x9e, 0x60);
/// Underline of date expressions.
pub const DATE_UNDERLINE: Color32 = Color32::from_rgb(0xe8, 0xa3, 0x3d);
/// Items of the current day in the list.
pub const TODAY_BG: Color32 = Color32::from_rgba_premultiplied(0x3d, 0x6e, 0x2f, 0x50);
/// Warnings and the problems badge.
pub const WARNING: Color32 = Color32::from_rgb(0xe8, 0xa3, 0x3d);

/// Font of place labels on the map.
pub fn place_font() -> FontId {
    FontId::proportional(13.0)
}

/// Font of country labels on the map.
pub fn country_font() -> FontId {
    FontId::proportional(12.0)
}

/// Font of the legend.
pub fn legend_font() -> FontId {
    FontId::proportional(11.5)
}

/// The recency ramp: light blue for the window's oldest day, orange, red for the newest.
#[expect(
    clippy::cast_sign_loss,
    reason = "the value is clamped to 0..=255 first"
)]
pub fn recency_color(t: f32) -> Color32 {
    const STOPS: [(f32, [u8; 3]); 3] = [
        (0.0, [0x8e, 0xb8, 0xd8]),
        (0.5, [0xf5, 0x9a, 0x3c]),
        (1.0, [0xc8, 0x22, 0x1c]),
    ];
    let t = t.clamp(0.0, 1.0);
    let (lo, hi) = if t <= 0.5 {
        (STOPS[0], STOPS[1])
    } else {
        (STOPS[1], STOPS[2])
    };
    let f = (t - lo.0) / (hi.0 - lo.0);
    let mix = |a: u8, b: u8| {
        (f32::from(a) + (f32::from(b) - f32::from(a)) * f)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    Color32::from_rgb(
        mix(lo.1[0], hi.1[0]),
        mix(lo.1[1], hi.1[1]),
        mix(lo.1[2], hi.1[2]),
    )
}

/// The translucent fill of a marker whose place or date is imprecise.
pub fn imprecise_fill(color: Color32) -> Color32 {
    color.gamma_multiply(0.25)
}

/// `DejaVu` Sans, the fallback for letters egui's default font lacks (Vietnamese,
/// Armenian, Georgian, more of Latin Extended): place names from everywhere must render.
static FALLBACK_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the fallback font after egui's own, in both families.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(FALLBACK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}

#[cfg(test)]
mod tests {
    /// Place names from everywhere lay out without tofu: egui's own font lacks
    /// Vietnamese and Georgian letters, the fallback has them (a missing glyph panics
    /// under this policy).
    #[test]
    fn place_names_of_every_script_have_glyphs() {
        let ctx = egui::Context::default();
        ctx.set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Panic);
        super::install_fonts(&ctx);
        for _ in 0..2 {
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                ui.label("Bến Tre · Đà Nẵng · ქუთაისი · Հայաստան · Łódź · Київ");
            });
            out.textures_delta.clear();
        }
    }
}
