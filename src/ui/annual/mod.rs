//! The annual cycle's part of the window: «VIP-список» (the list of a year, its decisions and
//! the director's orders, the PDFs) and «Опросы удовлетворённости» (the plan, the surveys, the
//! annual report, the questionnaire) with the survey form.

mod survey_form;
mod surveys;
mod vip_list;

use std::path::PathBuf;

use egui::Ui;

pub use survey_form::SurveyForm;
pub use surveys::{SurveysScreen, SurveysTab};
pub use vip_list::{RowForm, VipListScreen};

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use crate::domain::Id;

/// What the annual cycle's screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// The list of another year.
    VipYear(i32),
    /// Propose the year's list from the dossier (a draft).
    Propose,
    OpenRow(Id),
    SaveRow,
    CloseRow,
    /// Record the order approving the draft.
    Approve,
    /// Start a correction of the approved list.
    Correct,
    DeleteDraft,
    /// Record the managers' appointment order.
    Appoint,
    AddClient,
    /// Write a document of the list to the path typed.
    WriteList(Doc),
    /// A path picked in the dialog.
    SetPath(Doc, PathBuf),
    /// The surveys of another year.
    SurveysYear(i32),
    SurveysTab(SurveysTab),
    SaveSurvey,
    DeleteSurvey,
    /// Register the saved survey's low scores as an appeal (and open it).
    RegisterAppeal,
    SaveQuestion(usize),
    AddQuestion,
}

/// The documents written from the annual screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    List,
    Managers,
    Satisfaction,
}

#[derive(Default)]
pub struct AnnualUi {
    pub list: VipListScreen,
    pub surveys: SurveysScreen,
    pub form: Option<SurveyForm>,
}

impl Feature for AnnualUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            Route::NewSurvey(client) => {
                self.form = Some(SurveyForm::new(cx, client)?);
                Ok(())
            }
            Route::Survey(id) => {
                self.form = Some(SurveyForm::open(cx, id)?);
                Ok(())
            }
            _ => self.reload(route, cx),
        }
    }

    fn reload(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            Route::VipList => self.list.load(cx),
            Route::Surveys => self.surveys.load(cx),
            _ => Ok(()),
        }
    }

    fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command> {
        match route {
            Route::VipList => self.list.ui(ui, view),
            Route::NewSurvey(_) | Route::Survey(_) => match &mut self.form {
                Some(f) => f.ui(ui),
                None => Vec::new(),
            },
            _ => self.surveys.ui(ui, view),
        }
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::SaveSurvey => {
                if let Some(f) = &mut self.form {
                    f.save(cx);
                }
                Ok(())
            }
            Cmd::DeleteSurvey => {
                if let Some(f) = self.form.take() {
                    f.delete(cx)?;
                }
                Ok(())
            }
            Cmd::RegisterAppeal => match &mut self.form {
                Some(f) => f.register_appeal(cx),
                None => Ok(()),
            },
            Cmd::SurveysYear(_)
            | Cmd::SurveysTab(_)
            | Cmd::SaveQuestion(_)
            | Cmd::AddQuestion
            | Cmd::SetPath(Doc::Satisfaction, _)
            | Cmd::WriteList(Doc::Satisfaction) => self.surveys.apply(cmd, cx),
            cmd => self.list.apply(cmd, cx),
        }
    }

    fn leaves(&self, cmd: &Cmd) -> bool {
        matches!(cmd, Cmd::VipYear(_) | Cmd::OpenRow(_) | Cmd::Propose)
    }

    fn editor(&mut self, route: Route) -> Option<&mut dyn Editor> {
        match route {
            Route::VipList => self.list.row.as_mut().map(|r| r as &mut dyn Editor),
            Route::NewSurvey(_) | Route::Survey(_) => {
                self.form.as_mut().map(|f| f as &mut dyn Editor)
            }
            _ => None,
        }
    }

    fn close_editor(&mut self, route: Route) {
        match route {
            Route::VipList => self.list.row = None,
            Route::NewSurvey(_) | Route::Survey(_) => self.form = None,
            _ => {}
        }
    }

    fn badge(&self, route: Route) -> Option<usize> {
        (route == Route::Surveys).then_some(self.surveys.due.len())
    }
}
