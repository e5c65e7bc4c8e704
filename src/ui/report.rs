//! «Отчёт о встрече / звонке»: the structured report, its submission to the supervisor, and the
//! supervisor's acceptance with a comment.

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::app::Command;
use super::theme;
use super::widgets::{self, err, form_grid, multiline_row, text_row};
use crate::domain::contacts::{Meeting, MeetingKind, NextStep, ReportStatus};
use crate::domain::draft::FieldErrors;
use crate::domain::fmt;
use crate::domain::model::Id;
use crate::i18n as t;

/// A next step as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepDraft {
    pub id: Option<Id>,
    pub text: String,
    pub responsible: String,
    pub due: String,
    pub done: Option<NaiveDate>,
}

pub struct ReportEditor {
    pub meeting: Meeting,
    pub original: Meeting,
    pub client_name: String,
    /// The client's people: (id, name and position).
    pub people: Vec<(Id, String)>,
    pub date: String,
    pub steps: Vec<StepDraft>,
    pub original_steps: Vec<StepDraft>,
    pub errors: FieldErrors,
    pub comment: String,
    /// The current user may accept reports (a head of the group).
    pub can_accept: bool,
    /// Files attached to the report: (record id, name, size).
    pub attachments: Vec<(Id, String, i64)>,
    pub attach_path: String,
}

fn step_drafts(steps: &[NextStep]) -> Vec<StepDraft> {
    steps
        .iter()
        .map(|s| StepDraft {
            id: s.id,
            text: s.text.clone(),
            responsible: s.responsible.clone(),
            due: fmt::opt_date(s.due),
            done: s.done,
        })
        .collect()
}

impl ReportEditor {
    pub fn new(
        meeting: Meeting,
        client_name: String,
        people: Vec<(Id, String)>,
        can_accept: bool,
    ) -> Self {
        let steps = step_drafts(&meeting.next_steps);
        ReportEditor {
            date: fmt::opt_date(meeting.date),
            original: meeting.clone(),
            meeting,
            client_name,
            people,
            original_steps: steps.clone(),
            steps,
            errors: FieldErrors::new(),
            comment: String::new(),
            can_accept,
            attachments: Vec::new(),
            attach_path: String::new(),
        }
    }

    pub fn is_draft(&self) -> bool {
        self.meeting.status == ReportStatus::Draft
    }

    pub fn is_dirty(&self) -> bool {
        self.is_draft()
            && (self.meeting != self.original
                || self.steps != self.original_steps
                || self.date != fmt::opt_date(self.original.date))
    }

    /// Converts the typed fields; errors go beside the fields and the draft stays.
    pub fn check(&mut self) -> Option<Meeting> {
        self.errors.clear();
        match fmt::parse_date(&self.date) {
            Some(d) => self.meeting.date = Some(d),
            None => {
                self.errors.insert("date".into(), t::ERR_DATE.into());
            }
        }
        if self.meeting.topics.trim().is_empty() {
            self.errors.insert("topics".into(), t::ERR_REQUIRED.into());
        }
        let mut steps = Vec::new();
        for (i, s) in self.steps.iter().enumerate() {
            if s.text.trim().is_empty() {
                self.errors
                    .insert(format!("steps.{i}.text"), t::ERR_REQUIRED.into());
            }
            let due = match s.due.trim() {
                "" => None,
                v => match fmt::parse_date(v) {
                    Some(d) => Some(d),
                    None => {
                        self.errors
                            .insert(format!("steps.{i}.due"), t::ERR_DATE.into());
                        None
                    }
                },
            };
            steps.push(NextStep {
                id: s.id,
                text: s.text.trim().to_string(),
                responsible: s.responsible.trim().to_string(),
                due,
                done: s.done,
            });
        }
        if !self.errors.is_empty() {
            return None;
        }
        Some(Meeting {
            next_steps: steps,
            ..self.meeting.clone()
        })
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t::report_title(&self.client_name));
            ui.label(
                RichText::new(self.meeting.status.label())
                    .color(theme::ACCENT)
                    .strong(),
            );
            if self.is_dirty() {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if self.is_draft() {
                if ui.button(RichText::new(t::SAVE_DRAFT).strong()).clicked() {
                    out.push(Command::SaveReport);
                }
                if ui.button(t::SUBMIT_REPORT).clicked() {
                    out.push(Command::SubmitReport);
                }
            } else {
                if self.meeting.status == ReportStatus::Submitted && self.can_accept {
                    let l = ui.label(t::SUPERVISOR_COMMENT);
                    ui.add(TextEdit::singleline(&mut self.comment).desired_width(260.0))
                        .labelled_by(l.id);
                    if ui.button(t::ACCEPT_REPORT).clicked() {
                        out.push(Command::AcceptReport(self.comment.clone()));
                    }
                }
                if ui.button(t::CORRECT_REPORT).clicked() {
                    out.push(Command::CorrectReport);
                }
            }
            if ui.button(t::CLOSE).clicked() {
                out.push(Command::CloseReport);
            }
        });
        if let Some(d) = self.meeting.submitted_at {
            ui.label(
                RichText::new(t::submitted_info(&fmt::date(d)))
                    .small()
                    .color(theme::MUTED),
            );
        }
        if self.meeting.status == ReportStatus::Accepted {
            ui.label(t::accepted_info(
                &fmt::opt_date(self.meeting.accepted_at),
                &self.meeting.supervisor_comment,
            ));
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(self.is_draft(), |ui| self.form_ui(ui));
                ui.add_space(6.0);
                ui.label(RichText::new(t::F_ATTACHMENTS).strong());
                for (_, name, size) in &self.attachments {
                    ui.label(format!("{name} ({})", t::file_size(*size)));
                }
                if self.is_draft() {
                    ui.horizontal_wrapped(|ui| {
                        let l = ui.label(t::FILE_PATH);
                        ui.add(TextEdit::singleline(&mut self.attach_path).desired_width(240.0))
                            .labelled_by(l.id);
                        if ui
                            .add_enabled(
                                !self.attach_path.trim().is_empty(),
                                egui::Button::new(t::ATTACH_TO_REPORT),
                            )
                            .clicked()
                        {
                            out.push(Command::AttachToReport(self.attach_path.clone()));
                        }
                    });
                }
            });
        out
    }

    fn form_ui(&mut self, ui: &mut Ui) {
        let e = &self.errors;
        let m = &mut self.meeting;
        form_grid("report").show(ui, |ui| {
            ui.label(t::F_REPORT_KIND);
            ui.vertical(|ui| {
                for k in MeetingKind::ALL {
                    ui.radio_value(&mut m.kind, k, k.label());
                }
            });
            ui.end_row();
            widgets::date_row(ui, t::F_DATE, "report_date", &mut self.date, err(e, "date"));
            text_row(ui, t::F_TIME, &mut m.time, None);
            text_row(ui, t::F_PLACE, &mut m.place, None);
            ui.label(t::F_CLIENT_PEOPLE);
            ui.vertical(|ui| {
                for (id, name) in &self.people {
                    let mut on = m.client_people.contains(id);
                    if ui.checkbox(&mut on, name).changed() {
                        if on {
                            m.client_people.push(*id);
                        } else {
                            m.client_people.retain(|p| p != id);
                        }
                    }
                }
            });
            ui.end_row();
            text_row(ui, t::F_COMPANY_PEOPLE, &mut m.company_people, None);
            let l = ui.label(t::F_TOPICS);
            ui.vertical(|ui| {
                ui.add(
                    TextEdit::multiline(&mut m.topics)
                        .desired_rows(3)
                        .desired_width(widgets::field_width(ui)),
                )
                .labelled_by(l.id);
                widgets::error_text(ui, err(e, "topics"));
            });
            ui.end_row();
            multiline_row(ui, t::F_PROBLEMS, &mut m.problems, 3);
            multiline_row(ui, t::F_AGREEMENTS, &mut m.agreements, 3);
        });
        ui.label(RichText::new(t::F_NEXT_STEPS).strong());
        let mut remove = None;
        egui::Grid::new("report_steps")
            .num_columns(4)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for (i, s) in self.steps.iter_mut().enumerate() {
                    ui.vertical(|ui| {
                        ui.add(
                            TextEdit::singleline(&mut s.text)
                                .desired_width(260.0)
                                .hint_text(t::F_STEP),
                        )
                        .accessible_name(format!(
                            "{} {}",
                            t::F_STEP,
                            i + 1
                        ));
                        widgets::error_text(ui, err(e, &format!("steps.{i}.text")));
                    });
                    ui.add(
                        TextEdit::singleline(&mut s.responsible)
                            .desired_width(160.0)
                            .hint_text(t::F_RESPONSIBLE),
                    )
                    .accessible_name(format!("{} {}", t::F_RESPONSIBLE, i + 1));
                    ui.vertical(|ui| {
                        widgets::date_input(ui, &format!("step_due{i}"), &mut s.due, None)
                            .accessible_name(format!("{} {}", t::F_DUE, i + 1));
                        widgets::error_text(ui, err(e, &format!("steps.{i}.due")));
                    });
                    if ui.small_button(t::REMOVE).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.steps.remove(i);
            self.errors.retain(|k, _| !k.starts_with("steps."));
        }
        if ui.button(t::ADD_STEP_REPORT).clicked() {
            self.steps.push(StepDraft::default());
        }
    }
}
