//! «Лимиты и открытки»: the gift limits of a year and the regulation's settings (who signs the
//! cards, their text, the rules of jubilees, the terms of the gifts). One editor: leaving it
//! with edits asks «Сохранить изменения?»; each field that does not read says so beside it.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::domain::{FieldErrors, fmt};
use crate::greetings::draft::{LimitsDraft, RegulationDraft, limit_key};
use crate::greetings::{Limits, service};
use crate::i18n::{self as t, Describe};
use crate::ui::command::{Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct RulesEditor {
    /// Who works: the limits and the regulation are the head's to set.
    pub actor: crate::domain::Actor,
    pub year: i32,
    pub limits: LimitsDraft,
    /// As loaded: the limits are dirty when they differ.
    pub limits_saved: LimitsDraft,
    /// Set by management (else the regulation's proportions are shown).
    pub limits_set: bool,
    pub limits_errors: FieldErrors,
    /// Why the save was refused (the service's reason).
    pub limits_refused: Option<String>,
    /// The saved limits did not read: the proportions are shown, and why.
    pub limits_unreadable: Option<String>,
    pub regulation: RegulationDraft,
    pub regulation_saved: Option<RegulationDraft>,
    pub regulation_errors: FieldErrors,
    pub regulation_refused: Option<String>,
    pub regulation_unreadable: Option<String>,
}

impl RulesEditor {
    /// Whether the limits have edits (another year would drop them).
    pub fn limits_dirty(&self) -> bool {
        self.limits != self.limits_saved
    }
    fn regulation_dirty(&self) -> bool {
        self.regulation_saved.as_ref() != Some(&self.regulation)
    }

    /// The limits of `year` (as set, or the proportions).
    pub fn load_limits(&mut self, cx: &mut Cx, year: i32) -> anyhow::Result<()> {
        let edit = service::limits_to_edit(cx.db, year).map_err(t::err)?;
        let (limits, set) = edit.value;
        self.year = year;
        self.limits = LimitsDraft::from_value(&limits);
        self.limits_saved = self.limits.clone();
        self.limits_set = set;
        self.limits_errors.clear();
        self.limits_refused = None;
        self.limits_unreadable = edit.unreadable.map(|e| e.describe());
        Ok(())
    }

    /// The regulation as saved (or the defaults with the reason); edits kept while dirty.
    pub fn load_regulation(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        if self.regulation_dirty() && self.regulation_saved.is_some() {
            return Ok(());
        }
        let edit = service::regulation_to_edit(cx.db).map_err(t::err)?;
        self.regulation = RegulationDraft::from_value(&edit.value);
        self.regulation_unreadable = edit.unreadable.map(|e| e.describe());
        // What is shown (for a setting that did not read: what read of it, and defaults) is the
        // base of the edits; the band stays until it is saved.
        self.regulation_saved = Some(self.regulation.clone());
        self.regulation_errors.clear();
        self.regulation_refused = None;
        Ok(())
    }

    /// Drops the edits: back to what is saved.
    pub fn discard(&mut self) {
        self.limits = self.limits_saved.clone();
        self.limits_errors.clear();
        if let Some(saved) = &self.regulation_saved {
            self.regulation = saved.clone();
        }
        self.regulation_errors.clear();
    }

    /// Saves the limits of the year; `false` when refused (the reasons beside the cells).
    pub fn save_limits(&mut self, cx: &mut Cx) -> bool {
        let limits = match self.limits.to_value() {
            Ok(l) => l,
            Err(errors) => {
                self.limits_errors = errors;
                cx.error(t::SAVE_REFUSED);
                return false;
            }
        };
        let over = self.limits_unreadable.is_some();
        match service::set_limits(cx.db, &cx.actor(), self.year, &limits, over) {
            Ok(()) => {
                self.limits = LimitsDraft::from_value(&limits);
                self.limits_saved = self.limits.clone();
                self.limits_set = true;
                self.limits_errors.clear();
                self.limits_refused = None;
                self.limits_unreadable = None;
                cx.info(t::LIMITS_SAVED);
                cx.reload();
                true
            }
            Err(e) => {
                self.limits_refused = Some(e.describe());
                false
            }
        }
    }

    /// Saves the regulation's settings; `false` when refused.
    pub fn save_regulation(&mut self, cx: &mut Cx) -> bool {
        let reg = match self.regulation.to_value() {
            Ok(r) => r,
            Err(errors) => {
                self.regulation_errors = errors;
                cx.error(t::SAVE_REFUSED);
                return false;
            }
        };
        match service::set_regulation(cx.db, &cx.actor(), &reg) {
            Ok(()) => {
                self.regulation = RegulationDraft::from_value(&reg);
                self.regulation_saved = Some(self.regulation.clone());
                self.regulation_errors.clear();
                self.regulation_refused = None;
                self.regulation_unreadable = None;
                cx.info(t::REGULATION_SAVED);
                cx.reload();
                true
            }
            Err(e) => {
                self.regulation_refused = Some(e.describe());
                false
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        self.limits_ui(ui, out);
        ui.separator();
        self.regulation_ui(ui, out);
    }

    fn limits_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(t::LIMITS_YEAR);
            if ui.small_button("‹").clicked() {
                out.push(Cmd::LimitsYear(self.year - 1).into());
            }
            ui.label(RichText::new(self.year.to_string()).strong());
            if ui.small_button("›").clicked() {
                out.push(Cmd::LimitsYear(self.year + 1).into());
            }
            if self.limits_dirty() {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
        });
        if let Some(why) = &self.limits_unreadable {
            widgets::message(ui, &t::setting_shown_as_default(why));
        }
        ui.label(RichText::new(t::limits_of_year(self.year, self.limits_set)).color(theme::MUTED));
        egui::Grid::new("limits_grid")
            .num_columns(4)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for c in t::LIMIT_COLUMNS {
                    ui.strong(c);
                }
                ui.end_row();
                for (i, row) in self.limits.cells.iter_mut().enumerate() {
                    ui.label(t::category_row(i as u8 + 1));
                    for (j, cell) in row.iter_mut().enumerate() {
                        ui.vertical(|ui| {
                            ui.add(TextEdit::singleline(cell).desired_width(100.0))
                                .accessible_name(format!(
                                    "{} — {}",
                                    t::category_row(i as u8 + 1),
                                    t::LIMIT_COLUMNS[j]
                                ));
                            let e = self.limits_errors.get(&limit_key(i, j));
                            widgets::message_line(ui, e.map(|e| e.describe()).as_deref());
                        });
                    }
                    ui.end_row();
                }
            });
        // An error goes as soon as its cell is right.
        widgets::forget_fixed(&mut self.limits_errors, self.limits.to_value());
        ui.horizontal(|ui| {
            if ui
                .button(t::LIMITS_PROPORTIONAL)
                .on_hover_text(t::LIMITS_PROPORTIONAL_HINT)
                .clicked()
            {
                let general = [0, 1, 2].map(|i| {
                    crate::greetings::parse_amount(&self.limits.cells[i][0])
                        .ok()
                        .flatten()
                        .unwrap_or(0.0)
                });
                self.limits = LimitsDraft::from_value(&Limits::proportional(general));
            }
            let may = self.actor.may(crate::domain::Duty::ApproveLimits);
            if widgets::permitted_button(ui, egui::Button::new(t::SAVE_LIMITS), may).clicked() {
                out.push(Cmd::SaveLimits.into());
            }
        });
        // Below the buttons: they stay under the cursor as the warnings come and go.
        if let Some(e) = &self.limits_refused {
            widgets::message(ui, e);
        }
        // The departures from the regulation's proportions, as typed.
        if let Ok(l) = self.limits.to_value() {
            for (c, rb, rj) in l.departures() {
                let ratio = |r: f64| {
                    if r.is_finite() {
                        fmt::number(r, 2)
                    } else {
                        t::NOTHING.to_string()
                    }
                };
                ui.label(
                    RichText::new(t::limits_departure(c, &ratio(rb), &ratio(rj)))
                        .color(theme::WARNING),
                );
            }
        }
    }

    fn regulation_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let dirty = self.regulation_dirty();
        let (reg, errors) = (&mut self.regulation, &self.regulation_errors);
        ui.horizontal(|ui| {
            ui.label(RichText::new(t::REGULATION_TITLE).strong());
            if dirty {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
        });
        if let Some(why) = &self.regulation_unreadable {
            widgets::message(ui, &t::setting_shown_as_default(why));
        }
        let e = |key: &str| widgets::err(errors, key);
        widgets::form_grid("regulation_grid").show(ui, |ui| {
            widgets::text_row(ui, t::F_DIRECTOR_POSITION, &mut reg.director_position, None);
            widgets::text_row(ui, t::F_DIRECTOR_NAME, &mut reg.director_name, None);
            let l = ui.label(t::F_CARD_TEXT);
            ui.vertical(|ui| {
                ui.add(
                    TextEdit::multiline(&mut reg.card_text)
                        .desired_width(520.0)
                        .desired_rows(4),
                )
                .labelled_by(l.id);
                widgets::error_text(ui, e("card_text"));
                if let Some(why) = &self.regulation_refused {
                    widgets::message(ui, why);
                }
            });
            ui.end_row();
        });
        ui.add_space(8.0);
        ui.label(RichText::new(t::RULES_TITLE).strong());
        widgets::form_grid("regulation_rules").show(ui, |ui| {
            for (label, value, key) in [
                (t::F_JUBILEE_AGES, &mut reg.jubilee_ages, "jubilee_ages"),
                (t::F_JUBILEE_FROM, &mut reg.jubilee_from, "jubilee_from"),
                (t::F_JUBILEE_EVERY, &mut reg.jubilee_every, "jubilee_every"),
                (
                    t::F_GENERAL_DAYS,
                    &mut reg.general_days_before,
                    "general_days_before",
                ),
                (
                    t::F_NEW_YEAR_DAYS,
                    &mut reg.new_year_days_before,
                    "new_year_days_before",
                ),
                (
                    t::F_ORDER_DAYS,
                    &mut reg.order_working_days,
                    "order_working_days",
                ),
                (t::F_CALL_BEFORE, &mut reg.call_before, "call_before"),
            ] {
                widgets::text_row(ui, label, value, e(key));
            }
        });
        widgets::forget_fixed(&mut self.regulation_errors, self.regulation.to_value());
        let may = self.actor.may(crate::domain::Duty::EditRegulation);
        if widgets::permitted_button(ui, egui::Button::new(t::SAVE_REGULATION), may).clicked() {
            out.push(Cmd::SaveRegulation.into());
        }
    }
}

impl Editor for RulesEditor {
    fn is_dirty(&self) -> bool {
        self.limits_dirty() || self.regulation_dirty()
    }
    fn shows(&self, route: &Route) -> bool {
        matches!(route, Route::Greetings | Route::GiftLimits)
    }
    /// The limits and the regulation, whichever has edits: both checked first, so that one is
    /// never saved while the other is refused for a field typed wrong.
    fn save(&mut self, cx: &mut Cx) -> bool {
        let limits = (self.limits_dirty(), self.limits.to_value());
        let regulation = (self.regulation_dirty(), self.regulation.to_value());
        if let (true, Err(e)) = &limits {
            self.limits_errors = e.clone();
        }
        if let (true, Err(e)) = &regulation {
            self.regulation_errors = e.clone();
        }
        if matches!(limits, (true, Err(_))) || matches!(regulation, (true, Err(_))) {
            cx.error(t::SAVE_REFUSED);
            return false;
        }
        if let (true, Ok(reg)) = &regulation
            && let Err(e) = service::check_regulation(reg)
        {
            self.regulation_refused = Some(e.describe());
            cx.error(t::SAVE_REFUSED);
            return false;
        }
        (!self.limits_dirty() || self.save_limits(cx))
            && (!self.regulation_dirty() || self.save_regulation(cx))
    }
}
