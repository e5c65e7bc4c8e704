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
use crate::ui::command::{Command, Cx};
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct SettingsScreen {
    pub settings: Option<AppealSettings>,
    pub original: Option<AppealSettings>,
    pub errors: FieldErrors,
    pub topics: Vec<(Id, String)>,
    /// Topic names as edited, by id.
    pub names: Vec<(Id, String)>,
    pub new_topic: String,
    pub topic_error: Option<String>,
}

impl SettingsScreen {
    pub fn is_dirty(&self) -> bool {
        self.settings != self.original
    }

    pub fn load(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let s = service::settings(cx.db).map_err(t::err)?;
        self.settings = Some(s.clone());
        self.original = Some(s);
        self.topics = service::topics(cx.db)
            .map_err(t::err)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        self.names = self.topics.clone();
        Ok(())
    }

    pub fn save(&mut self, cx: &mut Cx) {
        let Some(s) = self.settings.clone() else {
            return;
        };
        match service::save_settings(cx.db, &cx.actor(), &s) {
            Ok(()) => {
                self.original = Some(s);
                self.errors.clear();
                cx.info(t::SAVED);
                cx.reload();
            }
            Err(AppealError::Invalid(errors)) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
            }
            Err(e) => cx.error(e.describe()),
        }
    }

    pub fn add_topic(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        match service::add_topic(cx.db, &cx.actor(), &self.new_topic) {
            Ok(_) => {
                self.new_topic.clear();
                self.topic_error = None;
                cx.reload();
                let settings = self.settings.clone();
                self.load(cx)?;
                self.settings = settings;
            }
            Err(e) => self.topic_error = Some(e.describe()),
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
                if ui
                    .button(RichText::new(t::SAVE_SETTINGS).strong())
                    .clicked()
                {
                    out.push(Cmd::SaveSettings.into());
                }
                ui.add_space(12.0);
                ui.heading(t::TOPICS);
                for (id, name) in self.names.iter_mut() {
                    ui.horizontal(|ui| {
                        ui.add(TextEdit::singleline(name).desired_width(300.0))
                            .accessible_name(t::TOPICS);
                        let original = self.topics.iter().find(|(i, _)| i == id).map(|(_, n)| n);
                        if ui
                            .add_enabled(original != Some(name), egui::Button::new(t::RENAME))
                            .clicked()
                        {
                            out.push(Cmd::RenameTopic(*id, name.clone()).into());
                        }
                        if ui.button(t::DELETE_TOPIC).clicked() {
                            out.push(Cmd::DeleteTopic(*id).into());
                        }
                    });
                }
                ui.horizontal(|ui| {
                    let l = ui.label(t::NEW_TOPIC);
                    ui.add(TextEdit::singleline(&mut self.new_topic).desired_width(300.0))
                        .labelled_by(l.id);
                    if ui.button(t::ADD_TOPIC).clicked() {
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
