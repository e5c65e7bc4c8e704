//! A person's gift card: the gifts they had (and are to have) with the hand-over, their gift
//! ideas (those given since marked), the greetings of the coming year with a gift to plan.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::domain::fmt;
use crate::greetings::service::PersonGifts;
use crate::i18n::{self as t, Label};
use crate::ui::clients::Tab;
use crate::ui::command::{Command, Route};
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct PersonScreen {
    /// Where the cards are written.
    pub path: String,
    pub data: PersonGifts,
    pub idea: String,
    pub note: String,
    pub idea_error: Option<String>,
}

impl PersonScreen {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        let d = &self.data;
        egui::ScrollArea::vertical()
            .id_salt("person_gifts")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    ui.heading(format!("{} — {}", t::PERSON_GIFTS_TITLE, d.person));
                    if ui.button(t::BACK_TO_DOSSIER).clicked() {
                        out.push(Command::Open(Route::Client(d.client_id, Tab::People)));
                    }
                });
                ui.label(format!(
                    "{}{}, {}",
                    d.position,
                    d.category
                        .map(|c| format!(" ({})", t::category_label(c)))
                        .unwrap_or_default(),
                    d.client
                ));
                ui.add_space(8.0);
                ui.label(RichText::new(t::GIFT_HISTORY).strong());
                if d.gifts.is_empty() {
                    ui.label(RichText::new(t::NO_GIFT_HISTORY).color(theme::MUTED));
                }
                egui::Grid::new("person_gift_history")
                    .striped(true)
                    .num_columns(5)
                    .show(ui, |ui| {
                        for g in &d.gifts {
                            ui.label(fmt::opt_date(g.holiday_date));
                            ui.label(super::plan::occasion_words(g.occasion));
                            ui.label(&g.item);
                            ui.label(g.amount.map(fmt::money).unwrap_or_default());
                            ui.label(match g.handed_on {
                                Some(on) => t::gift_handed(&fmt::date(on), &g.handed_by),
                                None => g.status.label().to_string(),
                            });
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
                ui.label(RichText::new(t::IDEAS).strong());
                if d.ideas.is_empty() {
                    ui.label(RichText::new(t::NO_IDEAS).color(theme::MUTED));
                }
                egui::Grid::new("person_ideas")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        for i in &d.ideas {
                            let item = RichText::new(&i.item);
                            ui.label(if i.given {
                                item.strikethrough().color(theme::MUTED)
                            } else {
                                item
                            });
                            ui.label(&i.note);
                            ui.label(if i.given { t::IDEA_GIVEN } else { "" });
                            if let Some(id) = i.id
                                && ui
                                    .small_button(t::REMOVE_IDEA)
                                    .accessible_name(format!("{}: {}", t::REMOVE_IDEA, i.item))
                                    .clicked()
                            {
                                out.push(Cmd::DeleteIdea(id).into());
                            }
                            ui.end_row();
                        }
                    });
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(t::F_IDEA);
                    if ui
                        .add(TextEdit::singleline(&mut self.idea).desired_width(260.0))
                        .labelled_by(l.id)
                        .changed()
                    {
                        self.idea_error = None;
                    }
                    let l = ui.label(t::F_IDEA_NOTE);
                    ui.add(TextEdit::singleline(&mut self.note).desired_width(200.0))
                        .labelled_by(l.id);
                    if ui.button(t::ADD_IDEA).clicked() {
                        out.push(Cmd::AddIdea.into());
                    }
                });
                if let Some(e) = &self.idea_error {
                    widgets::message(ui, e);
                }
                ui.add_space(8.0);
                ui.label(RichText::new(t::UPCOMING).strong());
                out.extend(super::file_row(
                    ui,
                    &mut self.path,
                    t::CARD_NAME,
                    super::Screen::Person,
                ));
                egui::Grid::new("person_upcoming")
                    .striped(true)
                    .num_columns(5)
                    .show(ui, |ui| {
                        for (i, g) in d.upcoming.iter().enumerate() {
                            ui.label(fmt::date(g.date));
                            ui.label(crate::greetings::documents::holiday_words(
                                g.occasion,
                                &g.holiday_name,
                                g.age,
                            ));
                            ui.label(g.limit.map(fmt::money).unwrap_or_default());
                            let planned = d.gifts.iter().find(|x| {
                                x.occasion == Some(g.occasion) && x.holiday_date == Some(g.date)
                            });
                            match planned {
                                Some(x) => {
                                    ui.label(format!("{} — {}", x.item, x.status.label()));
                                }
                                None => {
                                    if ui.small_button(t::PLAN_GIFT).clicked() {
                                        out.push(Cmd::OpenPersonPlan(i).into());
                                    }
                                }
                            }
                            if ui
                                .add_enabled(
                                    !self.path.trim().is_empty(),
                                    egui::Button::new(t::CARD).small(),
                                )
                                .on_disabled_hover_text(t::PATH_FIRST)
                                .clicked()
                            {
                                let name = t::card_file(&d.person, &fmt::date(g.date));
                                let target =
                                    crate::files::document_target(&self.path, "pdf", &name);
                                out.push(Cmd::PersonCard(i, target).into());
                            }
                            ui.end_row();
                        }
                    });
            });
        out
    }
}
