//! «Опросы удовлетворённости»: the year's plan (the VIP clients not asked yet), the surveys
//! made, the annual report (figures, a chart, tables, the PDF for management) and the
//! questionnaire, which the head of the group keeps.

use std::path::Path;

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::{Cmd, Doc};
use crate::domain::{Actor, Duty, fmt};
use crate::i18n::{self as t, Describe as _, Label as _};
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::context::ViewCtx;
use crate::ui::{theme, widgets};
use crate::viplist::QuestionKind;
use crate::viplist::satisfaction::{self, Report};
use crate::viplist::survey::{self, Due, Question, SurveyRow};

/// The screen's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SurveysTab {
    #[default]
    Plan,
    Surveys,
    Report,
    Questionnaire,
}

#[derive(Default)]
pub struct SurveysScreen {
    pub year: i32,
    pub tab: SurveysTab,
    pub actor: Actor,
    pub due: Vec<Due>,
    pub rows: Vec<SurveyRow>,
    pub report: Option<Report>,
    pub questions: Vec<Question>,
    pub path: String,
    pub message: Option<String>,
}

impl SurveysScreen {
    pub fn load(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        if self.year == 0 {
            self.year = chrono::Datelike::year(&cx.today());
        }
        self.actor = cx.actor();
        self.due = survey::due(cx.db, &self.actor, self.year).map_err(t::err)?;
        self.rows = survey::of_year(cx.db, &self.actor, self.year).map_err(t::err)?;
        self.report = Some(satisfaction::report(cx.db, &self.actor, self.year).map_err(t::err)?);
        self.questions = survey::questions(cx.db).map_err(t::err)?;
        Ok(())
    }

    pub fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::SurveysYear(y) => {
                self.year = y;
                self.load(cx)?;
            }
            Cmd::SurveysTab(tab) => self.tab = tab,
            Cmd::SetPath(_, p) => self.path = p.display().to_string(),
            Cmd::WriteList(_) => {
                let path = Path::new(self.path.trim()).to_path_buf();
                satisfaction::write_report(cx.db, &cx.actor(), self.year, cx.today(), &path)
                    .map_err(t::err)?;
                cx.info(t::file_written(&path.display().to_string()));
            }
            Cmd::SaveQuestion(i) => {
                if let Some(q) = self.questions.get(i).cloned() {
                    match survey::save_question(cx.db, &cx.actor(), &q) {
                        Ok(_) => {
                            self.message = None;
                            cx.info(t::QUESTION_SAVED);
                            self.load(cx)?;
                        }
                        Err(e) => self.message = Some(e.describe()),
                    }
                }
            }
            Cmd::AddQuestion => {
                let sort = self.questions.iter().map(|q| q.sort).max().unwrap_or(0) + 1;
                self.questions.push(Question {
                    text: String::new(),
                    kind: QuestionKind::Scale,
                    sort,
                    active: true,
                    id: None,
                });
            }
            _ => {}
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t::surveys_title(self.year));
            if ui.button("‹").on_hover_text(t::PREV_YEAR).clicked() {
                out.push(Cmd::SurveysYear(self.year - 1).into());
            }
            if ui.button("›").on_hover_text(t::NEXT_YEAR).clicked() {
                out.push(Cmd::SurveysYear(self.year + 1).into());
            }
        });
        ui.horizontal(|ui| {
            for (tab, label) in [
                (
                    SurveysTab::Plan,
                    t::with_count(t::TAB_SURVEY_PLAN, self.due.len()),
                ),
                (
                    SurveysTab::Surveys,
                    t::with_count(t::TAB_SURVEYS, self.rows.len()),
                ),
                (SurveysTab::Report, t::TAB_SURVEY_REPORT.to_string()),
                (SurveysTab::Questionnaire, t::TAB_QUESTIONNAIRE.to_string()),
            ] {
                if ui.selectable_label(self.tab == tab, label).clicked() {
                    out.push(Cmd::SurveysTab(tab).into());
                }
            }
        });
        ui.separator();
        if let Some(m) = &self.message {
            widgets::message(ui, m);
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                SurveysTab::Plan => self.plan_ui(ui, view, &mut out),
                SurveysTab::Surveys => self.rows_ui(ui, &mut out),
                SurveysTab::Report => self.report_ui(ui, &mut out),
                SurveysTab::Questionnaire => self.questions_ui(ui, &mut out),
            });
        out
    }

    fn plan_ui(&self, ui: &mut Ui, view: &ViewCtx, out: &mut Vec<Command>) {
        ui.label(t::survey_plan_hint(self.year));
        if self.due.is_empty() {
            ui.label(RichText::new(t::SURVEY_PLAN_DONE).color(theme::MUTED));
        }
        let names = crate::admin::service::distinct_names(&view.managers);
        egui::Grid::new("survey_plan").striped(true).show(ui, |ui| {
            for d in &self.due {
                ui.label(d.client.as_str());
                ui.label(
                    d.manager_id
                        .and_then(|m| names.get(&m).cloned())
                        .unwrap_or_default(),
                );
                let b = ui
                    .button(t::MAKE_SURVEY)
                    .accessible_name(t::make_survey_for(&d.client));
                if b.clicked() {
                    out.push(Command::Open(Route::NewSurvey(d.client_id)));
                }
                ui.end_row();
            }
        });
    }

    fn rows_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        if self.rows.is_empty() {
            ui.label(RichText::new(t::SAT_NO_SURVEYS).color(theme::MUTED));
        }
        egui::Grid::new("survey_rows").striped(true).show(ui, |ui| {
            for h in [
                t::F_SURVEY_DATE_LABEL,
                t::F_SURVEY_CLIENT_LABEL,
                t::F_SURVEY_CHANNEL,
                t::SAT_COL_MEAN,
                "",
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for r in &self.rows {
                ui.label(fmt::opt_date(r.date));
                ui.label(r.client.as_str());
                ui.label(r.channel.label());
                let mean = r
                    .mean
                    .map_or_else(|| "—".to_string(), |m| fmt::number(m, 2));
                if r.lowest.is_some_and(|s| s <= survey::LOW_SCORE) {
                    ui.label(
                        RichText::new(t::low_mean(&mean, r.appeal_id.is_some()))
                            .color(theme::ERROR),
                    );
                } else {
                    ui.label(mean);
                }
                if ui
                    .button(t::OPEN_APPEAL)
                    .accessible_name(t::open_survey_of(&r.client))
                    .clicked()
                {
                    out.push(Command::Open(Route::Survey(r.id)));
                }
                ui.end_row();
            }
        });
    }

    fn report_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let Some(r) = self.report.clone() else { return };
        ui.label(satisfaction::intro_words(&r, None));
        ui.push_id("sat_pdf", |ui| {
            ui.horizontal_wrapped(|ui| {
                let name = t::sat_file(self.year);
                let ask = || Ask::save(name.clone(), |p| Cmd::SetPath(Doc::Satisfaction, p).into());
                out.extend(widgets::path_field(ui, t::PDF_PATH, &mut self.path, ask));
                if ui
                    .add_enabled(
                        !self.path.trim().is_empty(),
                        egui::Button::new(t::WRITE_SAT_REPORT),
                    )
                    .on_disabled_hover_text(t::PATH_FIRST)
                    .clicked()
                {
                    out.push(Cmd::WriteList(Doc::Satisfaction).into());
                }
            });
        });
        let bars: Vec<Bar> = r
            .questions
            .iter()
            .enumerate()
            .filter_map(|(i, q)| {
                Some(
                    Bar::new(i as f64 + 1.0, q.mean.value()?)
                        .name(&q.text)
                        .width(0.7),
                )
            })
            .collect();
        if !bars.is_empty() {
            Plot::new("sat_chart")
                .height(170.0)
                .include_y(0.0)
                .include_y(5.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show(ui, |plot| {
                    plot.bar_chart(BarChart::new("sat", bars).color(theme::ACCENT))
                });
        }
        egui::Grid::new("sat_table").striped(true).show(ui, |ui| {
            for h in [
                t::SAT_COL_WHAT.to_string(),
                t::SAT_COL_MEAN.to_string(),
                t::SAT_COL_N.to_string(),
                t::sat_col_change(r.year - 1),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            let section = |ui: &mut Ui, title: &str| {
                ui.label(RichText::new(title).strong());
                ui.end_row();
            };
            section(ui, t::SAT_BY_QUESTION);
            for (i, q) in r.questions.iter().enumerate() {
                ui.label(format!("{}. {}", i + 1, q.text));
                ui.label(satisfaction::mean_words(&q.mean));
                ui.label(q.mean.n.to_string());
                ui.label(satisfaction::change_words(&q.mean, &q.last_year));
                ui.end_row();
            }
            section(ui, t::SAT_BY_DISTRICT);
            for g in &r.by_district {
                ui.label(g.name.as_str());
                ui.label(satisfaction::mean_words(&g.mean));
                ui.label(g.surveys.to_string());
                ui.end_row();
            }
            section(ui, t::SAT_BY_MANAGER);
            for g in &r.by_manager {
                ui.label(g.name.as_str());
                ui.label(satisfaction::mean_words(&g.mean));
                ui.label(g.surveys.to_string());
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        ui.label(RichText::new(t::SAT_LOWEST).strong());
        for (i, l) in r.lowest.iter().enumerate() {
            let low = l
                .low
                .iter()
                .map(|(q, s)| t::low_score_line(q, *s))
                .collect::<Vec<_>>()
                .join("; ");
            ui.add(
                egui::Label::new(t::sat_low_line(
                    i + 1,
                    &l.client,
                    &satisfaction::mean_words(&l.mean),
                    &low,
                    &l.comment,
                    &l.said.join("; "),
                ))
                .wrap(),
            );
        }
    }

    fn questions_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let may = self.actor.may(Duty::EditQuestionnaire);
        ui.label(
            RichText::new(t::QUESTIONNAIRE_HINT)
                .small()
                .color(theme::MUTED),
        );
        for (i, q) in self.questions.iter_mut().enumerate() {
            ui.push_id(("q", i), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{}.", i + 1));
                    ui.add_enabled(
                        may.is_ok(),
                        egui::TextEdit::singleline(&mut q.text).desired_width(420.0),
                    )
                    .accessible_name(t::question_name(i + 1));
                    egui::ComboBox::from_id_salt("kind")
                        .selected_text(q.kind.label())
                        .show_ui(ui, |ui| {
                            for k in [QuestionKind::Scale, QuestionKind::Free] {
                                ui.selectable_value(&mut q.kind, k, k.label());
                            }
                        });
                    ui.add_enabled(
                        may.is_ok(),
                        egui::Checkbox::new(&mut q.active, t::QUESTION_ACTIVE),
                    );
                    let b = egui::Button::new(t::SAVE);
                    if widgets::permitted_button(ui, b, may).clicked() {
                        out.push(Cmd::SaveQuestion(i).into());
                    }
                });
            });
        }
        let b = egui::Button::new(t::ADD_QUESTION);
        if widgets::permitted_button(ui, b, may).clicked() {
            out.push(Cmd::AddQuestion.into());
        }
    }
}
