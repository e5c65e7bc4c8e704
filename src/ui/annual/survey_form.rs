//! The survey of a client: who answered, when, by which channel, a score from 1 to 5 (or words)
//! for each question, a comment; once saved with a score of 2 or lower, the form offers to
//! register it as an appeal, so that it is answered.

use egui::{RichText, Ui};

use super::Cmd;
use crate::appeals::Channel;
use crate::domain::{FieldErrors, Id, fmt};
use crate::i18n::{self as t, Describe as _, Label as _};
use crate::ui::command::{Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::{theme, widgets};
use crate::viplist::QuestionKind;
use crate::viplist::survey::{self, Answer, Question, Survey, SurveyError};

/// What the form holds, compared with what was loaded for «Сохранить изменения?».
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fields {
    pub date: String,
    pub person: Option<Id>,
    pub respondent: String,
    pub channel: Channel,
    pub comment: String,
    /// Per question (in the questionnaire's order): its score, its words.
    pub answers: Vec<(Option<u8>, String)>,
}

pub struct SurveyForm {
    pub id: Option<Id>,
    pub client_id: Id,
    pub client: String,
    pub people: Vec<(Id, String)>,
    pub questions: Vec<Question>,
    pub fields: Fields,
    base: Fields,
    pub errors: FieldErrors,
    pub message: Option<String>,
    /// The survey as saved (the appeal it offers).
    pub saved: Option<Survey>,
}

impl SurveyForm {
    fn blank(cx: &mut Cx, client_id: Id) -> anyhow::Result<SurveyForm> {
        let dossier = crate::clients::service::open(cx.db, client_id).map_err(t::err)?;
        let people = dossier
            .people
            .iter()
            .filter_map(|p| {
                Some((
                    p.id?,
                    t::person_with_position(
                        &crate::domain::names::surname_initials(&p.surname, &p.name, &p.patronymic),
                        &p.position,
                    ),
                ))
            })
            .collect();
        let questions = survey::questions(cx.db).map_err(t::err)?;
        Ok(SurveyForm {
            id: None,
            client_id,
            client: dossier.client.short_name.clone(),
            people,
            questions,
            fields: Fields::default(),
            base: Fields::default(),
            errors: FieldErrors::new(),
            message: None,
            saved: None,
        })
    }

    /// A new survey of a client, dated today, asking the active questions.
    pub fn new(cx: &mut Cx, client_id: Id) -> anyhow::Result<SurveyForm> {
        let mut f = SurveyForm::blank(cx, client_id)?;
        f.questions.retain(|q| q.active);
        f.fields.date = fmt::date(cx.today());
        f.fields.answers = vec![(None, String::new()); f.questions.len()];
        f.base = f.fields.clone();
        Ok(f)
    }

    /// A saved survey, its questions those it answered and those asked now.
    pub fn open(cx: &mut Cx, id: Id) -> anyhow::Result<SurveyForm> {
        let s = survey::open(cx.db, id).map_err(t::err)?;
        let mut f = SurveyForm::blank(cx, s.client_id)?;
        f.questions
            .retain(|q| q.active || s.answers.iter().any(|a| Some(a.question_id) == q.id));
        f.id = Some(id);
        f.fields = Fields {
            date: fmt::opt_date(s.date),
            person: s.person_id,
            respondent: s.respondent.clone(),
            channel: s.channel,
            comment: s.comment.clone(),
            answers: f
                .questions
                .iter()
                .map(|q| {
                    s.answers
                        .iter()
                        .find(|a| Some(a.question_id) == q.id)
                        .map_or((None, String::new()), |a| (a.score, a.text.clone()))
                })
                .collect(),
        };
        f.base = f.fields.clone();
        f.saved = Some(s);
        Ok(f)
    }

    fn value(&self) -> Result<Survey, FieldErrors> {
        let date = fmt::parse_date(&self.fields.date);
        if date.is_none() {
            return Err(FieldErrors::from([(
                "date".to_string(),
                fmt::date_error(&self.fields.date),
            )]));
        }
        Ok(Survey {
            id: self.id,
            client_id: self.client_id,
            date,
            person_id: self.fields.person,
            respondent: self.fields.respondent.clone(),
            channel: self.fields.channel,
            comment: self.fields.comment.clone(),
            answers: self
                .questions
                .iter()
                .zip(&self.fields.answers)
                .filter_map(|(q, (score, text))| {
                    Some(Answer {
                        question_id: q.id?,
                        score: *score,
                        text: text.trim().to_string(),
                    })
                })
                .collect(),
            ..Survey::default()
        })
    }

    pub fn delete(&self, cx: &mut Cx) -> anyhow::Result<()> {
        if let Some(id) = self.id {
            survey::delete(cx.db, &cx.actor(), id).map_err(t::err)?;
            cx.info(t::SURVEY_DELETED);
            cx.reload();
        }
        cx.open(Route::Surveys);
        Ok(())
    }

    pub fn register_appeal(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let Some(id) = self.id else { return Ok(()) };
        let appeal = survey::register_appeal(cx.db, &cx.actor(), id).map_err(t::err)?;
        cx.info(t::SURVEY_APPEAL_MADE);
        cx.reload();
        cx.open(Route::Appeal(appeal));
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.heading(t::survey_title(&self.client));
                let errors = &self.errors;
                let f = &mut self.fields;
                widgets::form_grid("survey").show(ui, |ui| {
                    widgets::date_row(
                        ui,
                        t::F_SURVEY_DATE_LABEL,
                        "survey_date",
                        &mut f.date,
                        widgets::err(errors, "date"),
                    );
                    widgets::combo_row(ui, t::F_SURVEY_PERSON, &mut f.person, &self.people, None);
                    widgets::text_row(
                        ui,
                        t::F_SURVEY_RESPONDENT_LABEL,
                        &mut f.respondent,
                        widgets::err(errors, "respondent"),
                    );
                    ui.label(t::F_SURVEY_CHANNEL);
                    egui::ComboBox::from_id_salt("survey_channel")
                        .selected_text(f.channel.label())
                        .show_ui(ui, |ui| {
                            for c in <Channel as crate::domain::Code>::ALL {
                                ui.selectable_value(&mut f.channel, *c, c.label());
                            }
                        })
                        .response
                        .accessible_name(t::F_SURVEY_CHANNEL);
                    ui.end_row();
                });
                ui.add_space(6.0);
                ui.label(
                    RichText::new(t::SURVEY_SCALE_HINT)
                        .small()
                        .color(theme::MUTED),
                );
                widgets::error_text(ui, widgets::err(errors, "answers"));
                for (i, (q, (score, text))) in
                    self.questions.iter().zip(f.answers.iter_mut()).enumerate()
                {
                    ui.push_id(("question", i), |ui| {
                        ui.label(RichText::new(format!("{}. {}", i + 1, q.text)).strong());
                        match q.kind {
                            QuestionKind::Scale => {
                                ui.horizontal(|ui| {
                                    ui.radio_value(score, None, t::NO_ANSWER)
                                        .accessible_name(t::score_name(i + 1, 0));
                                    for s in 1..=5u8 {
                                        ui.radio_value(score, Some(s), s.to_string())
                                            .accessible_name(t::score_name(i + 1, s));
                                    }
                                });
                            }
                            QuestionKind::Free => {
                                ui.add(
                                    egui::TextEdit::multiline(text)
                                        .desired_rows(2)
                                        .desired_width(widgets::field_width(ui)),
                                )
                                .accessible_name(q.text.as_str());
                            }
                        }
                        widgets::error_text(ui, widgets::err(errors, &format!("answer.{i}")));
                    });
                }
                widgets::form_grid("survey_comment").show(ui, |ui| {
                    widgets::multiline_row(ui, t::F_SURVEY_COMMENT, &mut f.comment, 3);
                });
                if let Some(m) = &self.message {
                    widgets::message(ui, m);
                }
                ui.horizontal_wrapped(|ui| {
                    if ui.button(t::SAVE_SURVEY).clicked() {
                        out.push(Cmd::SaveSurvey.into());
                    }
                    if self.id.is_some() && ui.button(t::DELETE_SURVEY).clicked() {
                        out.push(Cmd::DeleteSurvey.into());
                    }
                    if ui.button(t::CLOSE).clicked() {
                        out.push(Command::Back);
                    }
                });
                if let Some(s) = &self.saved {
                    if s.offers_appeal() {
                        widgets::message(ui, t::SURVEY_LOW_SCORE);
                        if ui.button(t::REGISTER_AS_APPEAL).clicked() {
                            out.push(Cmd::RegisterAppeal.into());
                        }
                    } else if let Some(a) = s.appeal_id
                        && ui.link(t::SURVEY_APPEAL_OPEN).clicked()
                    {
                        out.push(Command::Open(Route::Appeal(a)));
                    }
                }
            });
        out
    }
}

impl Editor for SurveyForm {
    fn is_dirty(&self) -> bool {
        self.fields != self.base
    }
    fn shows(&self, route: &Route) -> bool {
        matches!(route, Route::NewSurvey(c) if *c == self.client_id)
            || matches!(route, Route::Survey(id) if Some(*id) == self.id)
    }
    fn save(&mut self, cx: &mut Cx) -> bool {
        let value = match self.value() {
            Ok(v) => v,
            Err(e) => {
                self.errors = e;
                self.message = Some(t::err_survey_fields(&t::fields_sentence(
                    &self.errors,
                    t::survey_field,
                )));
                return false;
            }
        };
        match survey::save(cx.db, &cx.actor(), &value) {
            Ok(id) => {
                self.id = Some(id);
                self.errors.clear();
                self.message = None;
                self.base = self.fields.clone();
                self.saved = survey::open(cx.db, id).ok();
                cx.info(t::SURVEY_SAVED);
                cx.reload();
                true
            }
            Err(SurveyError::Fields(f)) => {
                self.message = Some(SurveyError::Fields(f.clone()).describe());
                self.errors = f;
                false
            }
            Err(e) => {
                self.message = Some(e.describe());
                false
            }
        }
    }
}
