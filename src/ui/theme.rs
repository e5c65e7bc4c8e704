//! Colours, spacing and fonts: the only place that sets them (clippy refuses colour
//! constructors anywhere else).
#![allow(clippy::disallowed_methods)]

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};
use std::sync::Arc;

pub const ERROR: Color32 = Color32::from_rgb(190, 30, 30);
pub const WARNING: Color32 = Color32::from_rgb(170, 110, 0);
pub const OK: Color32 = Color32::from_rgb(30, 120, 60);
pub const MUTED: Color32 = Color32::from_gray(110);
pub const ACCENT: Color32 = Color32::from_rgb(20, 70, 140);
pub const DIRTY: Color32 = Color32::from_rgb(200, 120, 0);
/// The letter preview: paper, ink and the page's edge.
pub const PAPER: Color32 = Color32::WHITE;
pub const INK: Color32 = Color32::BLACK;

/// A grey of the paper (0 black, 1 white): a chart's bar in a document's preview.
pub fn paper_grey(grey: f32) -> Color32 {
    Color32::from_gray((grey.clamp(0.0, 1.0) * 255.0) as u8)
}
pub const PAGE_EDGE: Color32 = Color32::from_gray(170);

pub const NAV_WIDTH: f32 = 190.0;
pub const LIST_WIDTH: f32 = 450.0;
/// From this width on the client list shows the district column.
pub const LIST_WIDE: f32 = 620.0;
/// The narrowest the client list can be dragged to.
pub const LIST_MIN_WIDTH: f32 = 300.0;
pub const ROW_HEIGHT: f32 = 22.0;
/// The colour of text laid out only to be measured (never drawn).
pub const MEASURE: Color32 = Color32::PLACEHOLDER;
/// The widest a drop-down list of names is.
pub const COMBO_WIDTH: f32 = 380.0;
/// The widest a form's field grows to on a wide window (a line of about 100 characters).
pub const FIELD_WIDTH: f32 = 900.0;
/// The width of a file path typed beside its «Обзор…».
pub const PATH_WIDTH: f32 = 240.0;

/// The bold face, for headings.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// The letter face (preview).
pub fn serif() -> FontFamily {
    FontFamily::Name("serif".into())
}

pub fn serif_bold() -> FontFamily {
    FontFamily::Name("serif_bold".into())
}

/// PT Sans (Cyrillic-complete, has ₽ and №) first, egui's fonts as fallbacks for symbols.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "pt_sans".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../fonts/PTSans-Regular.ttf"
        ))),
    );
    fonts.font_data.insert(
        "pt_sans_bold".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../fonts/PTSans-Bold.ttf"
        ))),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "pt_sans".into());
    }
    // Hack (egui's monospace) has the arrows ▲▼ that the sort headers show.
    if fonts.font_data.contains_key("Hack") {
        fonts
            .families
            .entry(FontFamily::Proportional)
            .or_default()
            .push("Hack".into());
    }
    // PT Serif draws the letter preview exactly as the PDF.
    fonts.font_data.insert(
        "pt_serif".into(),
        Arc::new(FontData::from_static(crate::pdf::fonts::SERIF_REGULAR)),
    );
    fonts.font_data.insert(
        "pt_serif_bold".into(),
        Arc::new(FontData::from_static(crate::pdf::fonts::SERIF_BOLD)),
    );
    fonts.families.insert(serif(), vec!["pt_serif".into()]);
    fonts
        .families
        .insert(serif_bold(), vec!["pt_serif_bold".into()]);
    let mut bold_list = vec!["pt_sans_bold".to_string()];
    bold_list.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(bold(), bold_list);
    ctx.set_fonts(fonts);
}

pub fn apply_style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style
            .text_styles
            .insert(TextStyle::Body, FontId::new(15.0, FontFamily::Proportional));
        style.text_styles.insert(
            TextStyle::Button,
            FontId::new(15.0, FontFamily::Proportional),
        );
        style
            .text_styles
            .insert(TextStyle::Heading, FontId::new(21.0, bold()));
        style.text_styles.insert(
            TextStyle::Small,
            FontId::new(12.5, FontFamily::Proportional),
        );
        style.text_styles.insert(
            TextStyle::Monospace,
            FontId::new(14.0, FontFamily::Monospace),
        );
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
    });
}

/// Fonts and style together: the app and the tests call this.
pub fn setup(ctx: &egui::Context) {
    install_fonts(ctx);
    apply_style(ctx);
}

/// The colour of an appeal's urgency: overdue red, due today or soon amber, on time green.
pub fn urgency(u: crate::appeals::Urgency) -> Color32 {
    use crate::appeals::Urgency::*;
    match u {
        Overdue => ERROR,
        DueToday | DueSoon => WARNING,
        OnTime => OK,
        Done => MUTED,
    }
}
