//! «Сроки и тематики»: the answer's term per appeal kind × client kind (calendar or working
//! days), the registration and forwarding terms, «due soon», the longest extension, the number
//! format, and the catalogue of topics.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::appeals::{AppealError, AppealKind, AppealSettings, service};
use crate::clients::ClientKind;
use crate::domain::calendar::Term;
use crate::domain::{Code, FieldErrors, Id};
use crate::i18n::{self as t, Describe, Label};
use crate::ui::command::{Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::{theme, widgets};

/// An editor like the others: leaving it with terms changed, a topic renamed or a new topic
/// typed and not saved asks «Сохранить изменения?».
#[derive(Default)]
pub struct SettingsScreen {
    /// Who works: the terms are the head's to change.
    pub actor: crate::domain::Actor,
    pub settings: Option<AppealSettings>,
    pub original: Option<AppealSettings>,
    pub errors: FieldErrors,
    pub topics: Vec<(Id, String)>,
    /// Topic names as edited, by id.
    pub names: Vec<(Id, String)>,
    pub new_topic: String,
    pub topic_error: Option<String>,
    /// The saved settings did not read: the defaults are shown, and why.
    pub unreadable: Option<String>,
}

impl SettingsScreen {
    pub fn is_dirty(&self) -> bool {
        self.settings != self.original
            || self.names != self.topics
            || !self.new_topic.trim().is_empty()
    }

    /// Drops what was typed: back to what is saved.
    pub fn discard(&mut self) {
        self.settings = self.original.clone();
        self.names = self.topics.clone();
        self.new_topic.clear();
        self.errors.clear();
        self.topic_error = None;
    }

    pub fn load(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        self.actor = cx.actor();
        let edit = service::settings_to_edit(cx.db).map_err(t::err)?;
        self.unreadable = edit.unreadable.map(|e| e.describe());
        // What is shown is the base of the edits; a setting that did not read is saved by
        // «Сохранить» even unchanged (the band stays until then).
        self.settings = Some(edit.value.clone());
        self.original = Some(edit.value);
        self.load_topics(cx)
    }

    fn load_topics(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        self.topics = service::topics(cx.db)
            .map_err(t::err)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        self.names = self.topics.clone();
        Ok(())
    }

    /// Saves the terms; `false` when refused (the errors beside the fields).
    pub fn save(&mut self, cx: &mut Cx) -> bool {
        let Some(s) = self.settings.clone() else {
            return true;
        };
        match service::save_settings(cx.db, &cx.actor(), &s) {
            Ok(()) => {
                self.original = Some(s);
                self.unreadable = None;
                self.errors.clear();
                cx.info(t::SAVED);
                cx.reload();
                true
            }
            Err(AppealError::Invalid(errors)) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
                false
            }
            Err(e) => {
                cx.error(e.describe());
                false
            }
        }
    }

    /// Adds the topic typed; `false` when refused (the reason beside the field).
    pub fn add_topic(&mut self, cx: &mut Cx) -> anyhow::Result<bool> {
        match service::add_topic(cx.db, &cx.actor(), &self.new_topic) {
            Ok(_) => {
                self.new_topic.clear();
                self.topic_error = None;
                cx.reload();
                self.reload_topics(cx)?;
                Ok(true)
            }
            Err(e) => {
                self.topic_error = Some(e.describe());
                Ok(false)
            }
        }
    }

    /// Renames a topic; the other names as typed stay.
    pub fn rename_topic(&mut self, cx: &mut Cx, id: Id, name: &str) -> anyhow::Result<bool> {
        match service::rename_topic(cx.db, &cx.actor(), id, name) {
            Ok(()) => {
                self.topic_error = None;
                cx.reload();
                self.reload_topics(cx)?;
                Ok(true)
            }
            Err(e) => {
                self.topic_error = Some(e.describe());
                Ok(false)
            }
        }
    }

    /// The topics again from the database, keeping the names typed and not saved.
    pub fn reload_topics(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let typed = std::mem::take(&mut self.names);
        self.load_topics(cx)?;
        for (id, name) in &mut self.names {
            if let Some((_, t)) = typed.iter().find(|(i, _)| i == id) {
                name.clone_from(t);
            }
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        let dirty = self.is_dirty();
        let Some(s) = self.settings.as_mut() else {
            return out;
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    ui.heading(t::SETTINGS_TERMS);
                    if dirty {
                        ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
                    }
                });
                if let Some(why) = &self.unreadable {
                    widgets::message(ui, &t::setting_shown_as_default(why));
                }
                ui.label(
                    RichText::new(t::SETTINGS_TERMS_NOTE)
                        .small()
                        .color(theme::MUTED),
                );
                egui::Grid::new("appeal_rules")
                    .striped(true)
                    .num_columns(4)
                    .spacing([16.0, 6.0])
                    .show(ui, |ui| {
                        ui.label("");
                        for c in [t::COL_LEGAL, t::COL_IP, t::COL_CITIZEN] {
                            ui.strong(c);
                        }
                        ui.end_row();
                        for kind in AppealKind::ALL.iter().copied() {
                            ui.label(kind.label());
                            for client in ClientKind::ALL.iter().copied() {
                                let mut term = s.term(kind, client);
                                ui.horizontal(|ui| {
                                    let name = format!("{} — {}", kind.label(), client.label());
                                    ui.add(egui::DragValue::new(&mut term.days).range(1..=365))
                                        .on_hover_text(&name)
                                        .accessible_name(&name);
                                    ui.checkbox(&mut term.working, t::TERM_WORKING);
                                });
                                if term != s.term(kind, client) {
                                    s.set_term(kind, client, term);
                                }
                            }
                            ui.end_row();
                        }
                    });
                // An error goes as soon as its field is right.
                widgets::forget_fixed(&mut self.errors, service::check_settings(s));
                widgets::error_text(ui, widgets::err(&self.errors, "terms"));
                ui.add_space(8.0);
                widgets::form_grid("appeal_settings").show(ui, |ui| {
                    term_row(ui, t::F_REGISTRATION_TERM, &mut s.registration_term);
                    term_row(ui, t::F_FORWARDING_TERM, &mut s.forwarding_term);
                    ui.label(t::F_DUE_SOON_DAYS);
                    ui.add(egui::DragValue::new(&mut s.due_soon_days).range(0..=60))
                        .accessible_name(t::F_DUE_SOON_DAYS);
                    ui.end_row();
                    ui.label(t::F_MAX_EXTENSION_DAYS);
                    ui.add(egui::DragValue::new(&mut s.max_extension_days).range(1..=365))
                        .accessible_name(t::F_MAX_EXTENSION_DAYS);
                    ui.end_row();
                    widgets::text_row(
                        ui,
                        t::F_APPEAL_NUMBER_FORMAT,
                        &mut s.number_format,
                        widgets::err(&self.errors, "number_format"),
                    );
                });
                let may = self.actor.may(crate::domain::Duty::EditDeadlines);
                let save = egui::Button::new(RichText::new(t::SAVE_SETTINGS).strong());
                if widgets::permitted_button(ui, save, may).clicked() {
                    out.push(Cmd::SaveSettings.into());
                }
                ui.add_space(12.0);
                ui.heading(t::TOPICS);
                let may = self.actor.may(crate::domain::Duty::EditDeadlines);
                for (id, name) in self.names.iter_mut() {
                    ui.horizontal(|ui| {
                        ui.add(TextEdit::singleline(name).desired_width(300.0))
                            .accessible_name(t::TOPICS);
                        let original = self.topics.iter().find(|(i, _)| i == id).map(|(_, n)| n);
                        let rename = egui::Button::new(t::RENAME);
                        if original == Some(name) {
                            ui.add_enabled(false, rename);
                        } else if widgets::permitted_button(ui, rename, may).clicked() {
                            out.push(Cmd::RenameTopic(*id, name.clone()).into());
                        }
                        let delete = egui::Button::new(t::DELETE_TOPIC);
                        if widgets::permitted_button(ui, delete, may).clicked() {
                            out.push(Cmd::DeleteTopic(*id).into());
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let l = ui.label(t::NEW_TOPIC);
                    ui.add(TextEdit::singleline(&mut self.new_topic).desired_width(300.0))
                        .labelled_by(l.id);
                    let add = egui::Button::new(t::ADD_TOPIC);
                    if widgets::permitted_button(ui, add, may).clicked() {
                        out.push(Cmd::AddTopic.into());
                    }
                });
                if let Some(e) = &self.topic_error {
                    widgets::message(ui, e);
                }
            });
        out
    }
}

fn term_row(ui: &mut Ui, label: &str, term: &mut Term) {
    ui.label(label);
    ui.horizontal(|ui| {
        ui.add(egui::DragValue::new(&mut term.days).range(1..=365))
            .accessible_name(label);
        ui.checkbox(&mut term.working, t::TERM_WORKING);
    });
    ui.end_row();
}

impl Editor for SettingsScreen {
    fn is_dirty(&self) -> bool {
        SettingsScreen::is_dirty(self)
    }
    fn shows(&self, route: &Route) -> bool {
        *route == Route::AppealSettings
    }
    /// The terms, each topic renamed, and the new topic typed: all, or the draft stays.
    fn save(&mut self, cx: &mut Cx) -> bool {
        if (self.settings != self.original || self.unreadable.is_some())
            && !SettingsScreen::save(self, cx)
        {
            return false;
        }
        let renamed: Vec<(Id, String)> = self
            .names
            .iter()
            .filter(|n| !self.topics.contains(n))
            .cloned()
            .collect();
        for (id, name) in renamed {
            if !self.rename_topic(cx, id, &name).unwrap_or(false) {
                return false;
            }
        }
        self.new_topic.trim().is_empty() || self.add_topic(cx).unwrap_or(false)
    }
}
