//! Small reusable widgets: labelled fields with their error beside them, a date field with a
//! picker, catalogue combos and the toasts.

use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use egui::{RichText, TextEdit, Ui};

use super::command::{Ask, Command};
use super::theme;
use crate::domain::{FieldError, FieldErrors, Id, fmt};
use crate::i18n::{self as t, Describe};

/// Where the shell leaves today's date for the widgets (the calendar marks it).
fn today_id() -> egui::Id {
    egui::Id::unique("vipdesk.today")
}

/// Today by the database's clock, set by the shell each frame.
pub fn set_today(ctx: &egui::Context, today: NaiveDate) {
    ctx.data_mut(|d| d.insert_temp(today_id(), today));
}

/// Today by the database's clock, as the shell set it for this frame.
pub fn today_of(ui: &Ui) -> NaiveDate {
    today(ui)
}

fn today(ui: &Ui) -> NaiveDate {
    ui.ctx()
        .data(|d| d.get_temp(today_id()))
        .unwrap_or_default()
}

/// A field's width: what the window leaves it, up to a readable line.
pub fn field_width(ui: &Ui) -> f32 {
    (ui.available_width() - 12.0).clamp(160.0, theme::FIELD_WIDTH)
}

/// How much wider than `laid_out_for` (the width a table's fixed columns were set for, at
/// 1280×800) the room is: the fixed columns grow by it at 1920, up to twice.
pub fn widen(ui: &Ui, laid_out_for: f32) -> f32 {
    (ui.available_width() / laid_out_for).clamp(1.0, 2.0)
}

/// A row of a two-column form grid: the label, then the field and its error under it.
/// The field is tied to its label so screen readers (and the tests) find it by name.
pub fn text_row(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    error: Option<&FieldError>,
) -> egui::Response {
    let l = ui.label(label);
    let resp = ui
        .vertical(|ui| {
            let width = field_width(ui);
            let mut r = ui
                .add(TextEdit::singleline(value).desired_width(width))
                .labelled_by(l.id);
            // A value longer than its field is read whole on hover.
            if !r.has_focus() && value.chars().count() as f32 * 8.0 > width {
                r = r.on_hover_text(value.as_str());
            }
            error_text(ui, error);
            r
        })
        .inner;
    ui.end_row();
    resp
}

/// A multi-line text row.
pub fn multiline_row(ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .add(
            TextEdit::multiline(value)
                .desired_width(field_width(ui))
                .desired_rows(rows),
        )
        .labelled_by(l.id);
    ui.end_row();
    r
}

/// «Файл: [путь] [Обзор…]»: a file or a folder typed (a workstation without a file dialog
/// types it) or picked in the system's dialog, which `ask` makes when «Обзор…» is clicked.
/// Draws into the current row; the caller lays out what comes beside it (the button that
/// uses the path).
pub fn path_field(
    ui: &mut Ui,
    label: &str,
    path: &mut String,
    ask: impl FnOnce() -> Ask,
) -> Option<Command> {
    path_field_hinted(ui, label, path, "", ask)
}

/// [`path_field`] with a hint in the empty field («Перетащите сюда файл…»).
pub fn path_field_hinted(
    ui: &mut Ui,
    label: &str,
    path: &mut String,
    hint: &str,
    ask: impl FnOnce() -> Ask,
) -> Option<Command> {
    let l = ui.label(label);
    input(ui, l.id, path, hint, ask)
}

/// [`path_field`] whose label is drawn elsewhere (a form grid's first column).
pub fn path_input(
    ui: &mut Ui,
    label: egui::Id,
    path: &mut String,
    ask: impl FnOnce() -> Ask,
) -> Option<Command> {
    input(ui, label, path, "", ask)
}

fn input(
    ui: &mut Ui,
    label: egui::Id,
    path: &mut String,
    hint: &str,
    ask: impl FnOnce() -> Ask,
) -> Option<Command> {
    let r = ui
        .add(
            TextEdit::singleline(path)
                .desired_width(theme::PATH_WIDTH)
                .hint_text(hint),
        )
        .labelled_by(label);
    // A path longer than its field is read whole on hover.
    if !r.has_focus() && path.chars().count() as f32 * 7.0 > theme::PATH_WIDTH {
        r.on_hover_text(path.as_str());
    }
    ui.button(t::BROWSE)
        .clicked()
        .then(|| Command::AskPath(ask()))
}

/// A field's error under it, in Russian.
pub fn error_text(ui: &mut Ui, error: Option<&FieldError>) {
    if let Some(e) = error {
        message(ui, &e.describe());
    }
}

/// In a wrapped row of filters: a label and its field go to the next line together when they
/// do not fit on this one (a label never ends a line with its field on the next).
pub fn keep_together(ui: &mut Ui, label: &str, field_width: f32) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let label_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(label.to_string(), font, theme::INK)
            .size()
            .x
    });
    let needed = label_width + field_width + 2.0 * ui.spacing().item_spacing.x;
    if ui.available_width() < needed {
        ui.end_row();
    }
}

/// A message in the error colour.
pub fn message(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).color(theme::ERROR).small());
}

/// A message line that keeps its place when there is no message: what is below it does not
/// move under the cursor when one appears (one line; a longer message wraps below it).
pub fn message_line(ui: &mut Ui, text: Option<&str>) {
    match text {
        Some(text) => message(ui, text),
        None => {
            let height = ui.text_style_height(&egui::TextStyle::Small);
            ui.add_space(height + ui.spacing().item_spacing.y);
        }
    }
}

/// The error of `key` in `errors`.
pub fn err<'a>(errors: &'a FieldErrors, key: &str) -> Option<&'a FieldError> {
    errors.get(key)
}

/// A date typed as ДД.ММ.ГГГГ, with a calendar button beside it.
pub fn date_input(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut String,
    label_id: Option<egui::Id>,
) -> egui::Response {
    ui.horizontal(|ui| {
        let mut r = ui.add(
            TextEdit::singleline(value)
                .desired_width(95.0)
                .hint_text(t::DATE_HINT),
        );
        if let Some(id) = label_id {
            r = r.labelled_by(id);
        }
        let button = ui.button("…").on_hover_text(t::CALENDAR);
        let button = button.accessible_name(format!("{}: {id_salt}", t::CALENDAR));
        let picked = egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| calendar_ui(ui, ui.make_persistent_id(id_salt), fmt::parse_date(value)))
            .and_then(|r| r.inner);
        if let Some(d) = picked {
            *value = fmt::date(d);
            r.mark_changed();
        }
        r
    })
    .inner
}

/// A month of days in Russian (weeks from Monday, weekends marked); returns the day clicked.
fn calendar_ui(ui: &mut Ui, id: egui::Id, selected: Option<NaiveDate>) -> Option<NaiveDate> {
    let today = today(ui);
    let start = selected.unwrap_or(today);
    let mut shown: (i32, u32) =
        ui.data_mut(|d| *d.get_temp_mut_or(id, (start.year(), start.month())));
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui.small_button("‹").on_hover_text(t::PREV_MONTH).clicked() {
            shown = if shown.1 == 1 {
                (shown.0 - 1, 12)
            } else {
                (shown.0, shown.1 - 1)
            };
        }
        ui.label(RichText::new(fmt::month_long(shown.0, shown.1)).strong());
        if ui.small_button("›").on_hover_text(t::NEXT_MONTH).clicked() {
            shown = if shown.1 == 12 {
                (shown.0 + 1, 1)
            } else {
                (shown.0, shown.1 + 1)
            };
        }
        if ui.small_button("«").on_hover_text(t::PREV_YEAR).clicked() {
            shown.0 -= 1;
        }
        if ui.small_button("»").on_hover_text(t::NEXT_YEAR).clicked() {
            shown.0 += 1;
        }
    });
    ui.data_mut(|d| d.insert_temp(id, shown));
    let first = NaiveDate::from_ymd_opt(shown.0, shown.1, 1)?;
    egui::Grid::new(id.with("days"))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for (i, w) in t::WEEKDAYS.iter().enumerate() {
                let text = RichText::new(*w).small();
                ui.label(if i >= 5 {
                    text.color(theme::ERROR)
                } else {
                    text
                });
            }
            ui.end_row();
            for _ in 0..first.weekday().num_days_from_monday() {
                ui.label("");
            }
            let mut day = first;
            while day.month() == shown.1 {
                let mut text = RichText::new(format!("{:>2}", day.day()));
                if day.weekday().num_days_from_monday() >= 5 {
                    text = text.color(theme::ERROR);
                }
                if day == today {
                    text = text.strong();
                }
                if ui.selectable_label(Some(day) == selected, text).clicked() {
                    picked = Some(day);
                    ui.close();
                }
                if day.weekday() == chrono::Weekday::Sun {
                    ui.end_row();
                }
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        });
    if ui.small_button(t::TODAY).clicked() {
        picked = Some(today);
        ui.close();
    }
    picked
}

/// A form row with a date field.
pub fn date_row(
    ui: &mut Ui,
    label: &str,
    id_salt: &str,
    value: &mut String,
    error: Option<&FieldError>,
) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = date_input(ui, id_salt, value, Some(l.id));
            error_text(ui, error);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A combo box over a catalogue; `None` is shown as «—». `name` is its accessible name.
pub fn id_combo(
    ui: &mut Ui,
    id_salt: &str,
    name: &str,
    value: &mut Option<Id>,
    items: &[(Id, String)],
) -> bool {
    let selected = value
        .and_then(|id| items.iter().find(|(i, _)| *i == id))
        .map_or("—", |(_, n)| n.as_str())
        .to_string();
    let mut changed = false;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        // A list to choose from is as wide as a name needs, not the whole form.
        .width(field_width(ui).min(theme::COMBO_WIDTH) - 8.0)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, "—").changed();
            for (id, item) in items {
                changed |= ui.selectable_value(value, Some(*id), item).changed();
            }
        })
        .response
        .accessible_name(name);
    changed
}

/// A form row with a catalogue combo.
pub fn combo_row(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<Id>,
    items: &[(Id, String)],
    error: Option<&FieldError>,
) -> bool {
    ui.label(label);
    let changed = ui
        .vertical(|ui| {
            let c = id_combo(ui, label, label, value, items);
            error_text(ui, error);
            c
        })
        .inner;
    ui.end_row();
    changed
}

/// Two-column form grid with the app's spacing.
pub fn form_grid(id: &str) -> egui::Grid {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([14.0, 6.0])
        .min_col_width(170.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

/// Short messages about the result of an action, bottom right, fading after a few seconds.
#[derive(Default)]
pub struct Toasts {
    items: Vec<(String, ToastKind, Instant)>,
}

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.items
            .push((text.into(), ToastKind::Info, Instant::now()));
    }
    pub fn error(&mut self, text: impl Into<String>) {
        self.items
            .push((text.into(), ToastKind::Error, Instant::now()));
    }
    /// The texts shown now (tests read them).
    pub fn texts(&self) -> Vec<&str> {
        self.items.iter().map(|(t, _, _)| t.as_str()).collect()
    }

    /// Forgets the messages whose time is over (an error stays twice as long).
    pub fn expire(&mut self) {
        let life = Duration::from_secs(6);
        self.items.retain(|(_, kind, at)| {
            *kind == ToastKind::Error && at.elapsed() < life * 2 || at.elapsed() < life
        });
    }

    /// The status line at the foot of the window: the newest message (whole on hover, with
    /// the others), in a line of its own that covers no field and no button.
    pub fn bar(&self, ui: &mut Ui) {
        ui.set_min_height(theme::ROW_HEIGHT);
        let Some((text, kind, _)) = self.items.last() else {
            return;
        };
        let color = match kind {
            ToastKind::Info => theme::OK,
            ToastKind::Error => theme::ERROR,
        };
        let mut shown = text.clone();
        if self.items.len() > 1 {
            shown = format!("{shown}  ({})", t::more_messages(self.items.len() - 1));
        }
        let all: Vec<&str> = self
            .items
            .iter()
            .rev()
            .map(|(t, _, _)| t.as_str())
            .collect();
        ui.add(
            egui::Label::new(RichText::new(shown).color(color))
                .truncate()
                .show_tooltip_when_elided(false),
        )
        .on_hover_text(all.join("\n"));
        ui.ctx().request_repaint_after(Duration::from_secs(1));
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A PNG as an egui image (a signature, the logo, the letter preview); `None` when it does not
/// decode.
pub fn decode_png(bytes: &[u8]) -> Option<egui::ColorImage> {
    let img = crate::pixels::decode_png(bytes).ok()?;
    Some(egui::ColorImage::from_rgba_unmultiplied(
        [img.width, img.height],
        &img.data,
    ))
}

/// The answer to «Запись изменилась, пока вы её редактировали».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictAnswer {
    KeepMine,
    TakeTheirs,
    Cancel,
}

/// The fields both the user and another instance changed, side by side, and the choice.
pub fn conflict_modal(
    ctx: &egui::Context,
    text: &str,
    conflicts: &[crate::domain::merge::Conflict],
) -> Option<ConflictAnswer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(t::CONFLICT_TITLE);
        ui.label(text);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                egui::Grid::new("conflicts").striped(true).show(ui, |ui| {
                    ui.strong(t::CONFLICT_WHAT);
                    ui.strong(t::CONFLICT_THEIRS);
                    ui.strong(t::CONFLICT_MINE);
                    ui.end_row();
                    let shown = |s: &str| {
                        if s.is_empty() {
                            t::CONFLICT_DELETED.to_string()
                        } else {
                            s.to_string()
                        }
                    };
                    for c in conflicts {
                        ui.label(&c.what);
                        ui.label(shown(&c.theirs));
                        ui.label(RichText::new(shown(&c.mine)).strong());
                        ui.end_row();
                    }
                });
            });
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button(RichText::new(t::KEEP_MINE).strong()).clicked() {
                answer = Some(ConflictAnswer::KeepMine);
            }
            if ui.button(t::TAKE_THEIRS).clicked() {
                answer = Some(ConflictAnswer::TakeTheirs);
            }
            if ui.button(t::CANCEL).clicked() {
                answer = Some(ConflictAnswer::Cancel);
            }
        });
    });
    answer
}

/// The id of the search field of the screen shown: Ctrl+F puts the cursor there.
pub fn search_id() -> egui::Id {
    egui::Id::unique("vipdesk_screen_search")
}

/// ↓ (+1) or ↑ (−1) pressed for a list, when no other field takes the keys (the search field
/// may have them: the arrows leave it for the list).
pub fn arrow_step(ui: &Ui) -> i64 {
    let focus = ui.memory(|m| m.focused());
    if focus.is_some_and(|f| f != search_id()) {
        return 0;
    }
    ui.input(|i| {
        if i.key_pressed(egui::Key::ArrowDown) {
            1
        } else if i.key_pressed(egui::Key::ArrowUp) {
            -1
        } else {
            0
        }
    })
}

/// The errors shown beside fields go as the user fixes them: only those the draft still has
/// (`fresh`: the draft checked now) stay, with the message they have now.
pub fn forget_fixed<T>(errors: &mut FieldErrors, fresh: Result<T, FieldErrors>) {
    if errors.is_empty() {
        return;
    }
    let fresh = fresh.err().unwrap_or_default();
    errors.retain(|k, _| fresh.contains_key(k));
    for (k, e) in errors.iter_mut() {
        if let Some(now) = fresh.get(k) {
            *e = now.clone();
        }
    }
}

/// `text` cut in the middle to fit `width` («МУП «Болховский … № 11»»): two names that differ
/// only at their end stay told apart in a narrow column. The whole text when it fits.
pub fn middle_elide(ui: &Ui, text: &str, width: f32) -> String {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let measure = |s: &str| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(s.to_string(), font.clone(), theme::MEASURE)
                .size()
                .x
        })
    };
    if measure(text) <= width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // The end keeps a third of what fits: the number or the last word.
    let fits = |keep: usize| {
        let tail = (keep / 3).max(1);
        let head = keep.saturating_sub(tail);
        let s: String = chars[..head]
            .iter()
            .chain(std::iter::once(&'…'))
            .chain(&chars[chars.len() - tail..])
            .collect();
        (measure(&s) <= width, s)
    };
    let (mut lo, mut hi) = (1, chars.len().saturating_sub(1));
    let mut best = fits(1).1;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        match fits(mid) {
            (true, s) => {
                best = s;
                lo = mid + 1;
            }
            (false, _) => hi = mid - 1,
        }
    }
    best
}

/// A person's name in a table cell, cut to the cell, that opens their card when clicked; the
/// hover shows `whole` and what a click does.
pub fn person_link(ui: &mut Ui, name: &str, whole: &str) -> bool {
    ui.add(
        egui::Label::new(RichText::new(name).color(theme::ACCENT))
            .truncate()
            .show_tooltip_when_elided(false)
            .sense(egui::Sense::click()),
    )
    .on_hover_cursor(egui::CursorIcon::PointingHand)
    .on_hover_text(format!("{whole}\n{}", t::GIFTS_OF_PERSON))
    .clicked()
}

/// A button for an action the user may not be allowed: disabled, with the reason on hover,
/// when `allowed` says why not (the service refuses it too).
pub fn permitted_button(
    ui: &mut Ui,
    button: egui::Button<'_>,
    allowed: Result<(), crate::domain::Denied>,
) -> egui::Response {
    match allowed {
        Ok(()) => ui.add(button),
        Err(why) => ui
            .add_enabled(false, button)
            .on_disabled_hover_text(t::describe(&why)),
    }
}

/// A table cell's text on one line: cut with «…» where its column ends, and then whole on
/// hover (egui shows an elided label's text as its tooltip).
pub fn cell(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).truncate())
}
