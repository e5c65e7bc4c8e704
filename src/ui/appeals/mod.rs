//! The appeals' part of the window: the register, the appeal's card with its flow, the
//! incoming-call card over any screen, the deadline settings and topics, the weekly memo and
//! the statistics.

mod call;
mod card;
mod register;
mod reports;
mod settings;

use std::path::PathBuf;

use egui::Ui;

pub use call::CallCard;
pub use card::AppealCard;
pub use register::RegisterScreen;
pub use reports::ReportsScreen;
pub use settings::SettingsScreen;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use crate::appeals::{AppealKind, call as calls, service};
use crate::domain::Id;
use crate::files;
use crate::i18n::{self as t, Label};

/// What the appeals' screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// The register's filters changed.
    Filter,
    ExportPath(PathBuf),
    Export(String),
    EmlPath(PathBuf),
    /// Read an `.eml` into a new appeal's card.
    ImportEml(String),
    /// The card's client changed: load its dossier.
    ClientChanged,
    Save,
    Register,
    Take,
    Forward,
    SpecialistAnswered,
    PrepareAnswer,
    ReplyLetter,
    SendAnswer,
    Extend,
    NotifyRegistered,
    CloseAppeal,
    Reopen,
    AttachPath(PathBuf),
    Attach(String),
    Close,
    OpenCall,
    CloseCall,
    FindCaller,
    /// Record the call of the caller at this index; with an appeal of this kind.
    RecordCall(usize, Option<AppealKind>),
    /// An unknown number: the call is from this client (the user chose it).
    CallFromClient(Id),
    SaveSettings,
    AddTopic,
    RenameTopic(Id, String),
    DeleteTopic(Id),
    Memo,
    MemoPath(PathBuf),
    SaveMemo(String),
    Stats,
    StatsPath(PathBuf),
    SaveStats(String),
}

#[derive(Default)]
pub struct AppealsUi {
    pub register: RegisterScreen,
    pub card: Option<AppealCard>,
    pub call: CallCard,
    pub settings: SettingsScreen,
    pub reports: ReportsScreen,
}

impl AppealsUi {
    fn card_mut(&mut self) -> anyhow::Result<&mut AppealCard> {
        self.card
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_APPEAL))
    }

    /// Runs a step of the open appeal's flow and reloads it; a refusal stays beside the card.
    fn step(
        &mut self,
        cx: &mut Cx,
        f: impl FnOnce(&mut AppealCard, &mut Cx, Id) -> Result<Option<String>, String>,
    ) -> anyhow::Result<()> {
        let card = self.card_mut()?;
        let Some(id) = card.id() else {
            return Ok(());
        };
        match f(card, cx, id) {
            Ok(info) => {
                let status = service::open(cx.db, id).map_err(t::err)?.status;
                cx.info(info.unwrap_or_else(|| t::appeal_status_set(status.label())));
                *card = AppealCard::load(cx, id)?;
                cx.reload();
            }
            Err(message) => {
                card.action_error = Some(message.clone());
                cx.error(message);
            }
        }
        Ok(())
    }
}

impl Feature for AppealsUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            Route::Appeal(id)
                if self
                    .card
                    .as_ref()
                    .is_some_and(|c| c.id() == Some(id) && c.is_dirty()) => {}
            Route::Appeal(id) => self.card = Some(AppealCard::load(cx, id)?),
            // A new appeal being filled (an e-mail taken in) stays as it is.
            Route::NewAppeal(_)
                if self
                    .card
                    .as_ref()
                    .is_some_and(|c| c.shows(&route) && c.is_dirty()) => {}
            Route::NewAppeal(client) => {
                let now = cx.db.clock().local();
                let manager = cx.view.me_id();
                let a = service::new_appeal(client, crate::appeals::Channel::Phone, now, manager);
                self.card = Some(AppealCard::new(cx, a, Vec::new())?);
            }
            _ => {}
        }
        self.reload(route, cx)
    }

    fn reload(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        // The count of overdue appeals in the navigation, wherever the window is.
        self.register.count_overdue(cx)?;
        match route {
            Route::Appeals => self.register.load(cx)?,
            Route::AppealSettings if !self.settings.is_dirty() => self.settings.load(cx)?,
            Route::AppealReports if self.reports.week.is_empty() => self.reports.init(cx)?,
            _ => {}
        }
        Ok(())
    }

    fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command> {
        match (route, &mut self.card) {
            (Route::AppealSettings, _) => self.settings.ui(ui),
            (Route::AppealReports, _) => self.reports.ui(ui),
            (Route::Appeal(_) | Route::NewAppeal(_), Some(card)) => card.ui(ui, view),
            _ => self.register.ui(ui, view),
        }
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::Filter => self.register.load(cx)?,
            Cmd::ExportPath(p) => self.register.export_path = p.display().to_string(),
            Cmd::Export(path) => self.register.export(cx, &files::typed_path(&path))?,
            Cmd::EmlPath(p) => self.register.eml_path = p.display().to_string(),
            Cmd::ImportEml(path) => {
                let bytes = files::read_limited(
                    &files::typed_path(&path),
                    crate::appeals::intake::MAX_EML_BYTES,
                )
                .map_err(t::err)?;
                let intake = calls::read_eml(cx.db, &bytes).map_err(t::err)?;
                let unknown = intake.appeal.client_id <= 0;
                let card = AppealCard::new(cx, intake.appeal, intake.email.attachments)?;
                self.card = Some(card);
                if unknown {
                    cx.error(t::UNKNOWN_CLIENT_FOR_EML);
                }
                cx.open(Route::NewAppeal(0));
            }
            Cmd::ClientChanged => {
                let card = self.card_mut()?;
                card.client_changed(cx)?;
            }
            Cmd::Save => {
                self.card_mut()?.save_as(cx, false);
            }
            Cmd::Register => {
                let card = self.card_mut()?;
                if card.id().is_none() {
                    if let Some(id) = card.save_as(cx, true) {
                        cx.open(Route::Appeal(id));
                    }
                } else if card.save_as(cx, false).is_some() {
                    self.step(cx, |_, cx, id| {
                        service::register(cx.db, &cx.actor(), id)
                            .map(|n| Some(t::appeal_created(&n)))
                            .map_err(|e| t::describe(&e))
                    })?;
                }
            }
            Cmd::Take => self.step(cx, |_, cx, id| {
                service::take(cx.db, &cx.actor(), id)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::Forward => self.step(cx, |c, cx, id| {
                service::forward(cx.db, &cx.actor(), id, &c.dept, &c.specialist)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::SpecialistAnswered => self.step(cx, |c, cx, id| {
                service::specialist_answered(cx.db, &cx.actor(), id, &c.specialist_answer)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::PrepareAnswer => self.step(cx, |c, cx, id| {
                service::prepare_answer(cx.db, &cx.actor(), id, &c.answer_text)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::ReplyLetter => {
                let card = self.card_mut()?;
                if card.is_dirty() && card.save_as(cx, false).is_none() {
                    return Ok(());
                }
                if let Some(id) = card.id() {
                    match service::reply_letter(
                        cx.db,
                        &cx.actor(),
                        id,
                        &card.answer_text,
                        &card.reason,
                    ) {
                        Ok(letter) => {
                            // A draft edited by hand past the answer it said: the new answer is
                            // the user's to write in.
                            let typed = card.answer_text.trim();
                            let body = crate::letters::service::open(cx.db, letter)
                                .map(|l| l.body)
                                .unwrap_or_default();
                            if !typed.is_empty() && !body.contains(typed) {
                                cx.info(t::ANSWER_NOT_IN_DRAFT);
                            }
                            cx.reload();
                            cx.open(Route::Letter(letter));
                        }
                        Err(e) => {
                            card.action_error = Some(t::describe(&e));
                            cx.error(t::describe(&e));
                        }
                    }
                }
            }
            Cmd::SendAnswer => self.step(cx, |c, cx, id| {
                let answer = crate::appeals::Answer {
                    via: c.answer_via,
                    text: c.answer_text.clone(),
                    reason: c.reason.clone(),
                    date: None,
                };
                service::send_answer(cx.db, &cx.actor(), id, &answer)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::Extend => self.step(cx, |c, cx, id| {
                let days = c.extend_days.trim().parse::<u32>().unwrap_or(0);
                service::extend(cx.db, &cx.actor(), id, days, &c.extend_reason)
                    .map(|(due, _)| Some(t::extended_to(&crate::domain::fmt::date(due))))
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::NotifyRegistered => {
                let card = self.card_mut()?;
                if card.is_dirty() && card.save_as(cx, false).is_none() {
                    return Ok(());
                }
                if let Some(id) = card.id() {
                    match service::notice_of_registration(cx.db, &cx.actor(), id) {
                        Ok(service::Notice::Letter(letter)) => {
                            cx.reload();
                            cx.open(Route::Letter(letter));
                        }
                        Ok(service::Notice::Text(text)) => card.notice_text = Some(text),
                        Err(e) => cx.error(t::describe(&e)),
                    }
                }
            }
            Cmd::CloseAppeal => self.step(cx, |c, cx, id| {
                service::close(cx.db, &cx.actor(), id, &c.close_note)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::Reopen => self.step(cx, |_, cx, id| {
                service::reopen(cx.db, &cx.actor(), id)
                    .map(|()| None)
                    .map_err(|e| t::describe(&e))
            })?,
            Cmd::AttachPath(p) => self.card_mut()?.attach_path = p.display().to_string(),
            Cmd::Attach(path) => {
                let path = files::typed_path(&path);
                let bytes = files::read_limited(&path, crate::appeals::intake::MAX_EML_BYTES)
                    .map_err(t::err)?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.step(cx, |_, cx, id| {
                    service::attach(cx.db, &cx.actor(), id, &name, bytes)
                        .map(|_| None)
                        .map_err(|e| t::describe(&e))
                })?;
            }
            Cmd::Close => {
                self.card = None;
                cx.back(Route::Appeals);
            }
            Cmd::OpenCall => self.call.start(cx),
            Cmd::CloseCall => self.call = CallCard::default(),
            Cmd::FindCaller => self.call.find(cx),
            Cmd::RecordCall(i, kind) => self.call.record(cx, i, kind)?,
            Cmd::CallFromClient(client) => self.call.from_client(cx, client),
            Cmd::SaveSettings => {
                self.settings.save(cx);
            }
            Cmd::AddTopic => {
                self.settings.add_topic(cx)?;
            }
            Cmd::RenameTopic(id, name) => {
                self.settings.rename_topic(cx, id, &name)?;
            }
            Cmd::DeleteTopic(id) => {
                service::delete_topic(cx.db, &cx.actor(), id).map_err(t::err)?;
                self.settings.reload_topics(cx)?;
            }
            Cmd::Memo => self.reports.build_memo(cx),
            Cmd::MemoPath(p) => self.reports.memo_path = p.display().to_string(),
            Cmd::SaveMemo(path) => self.reports.save_memo(cx, &files::typed_path(&path))?,
            Cmd::Stats => self.reports.build_stats(cx),
            Cmd::StatsPath(p) => self.reports.stats_path = p.display().to_string(),
            Cmd::SaveStats(path) => self.reports.save_stats(cx, &files::typed_path(&path))?,
        }
        Ok(())
    }

    fn leaves(&self, cmd: &Cmd) -> bool {
        matches!(cmd, Cmd::Close | Cmd::ImportEml(_))
    }

    fn editor(&mut self, route: Route) -> Option<&mut dyn Editor> {
        match route {
            Route::AppealSettings => Some(&mut self.settings),
            _ => self.card.as_mut().map(|c| c as &mut dyn Editor),
        }
    }

    fn close_editor(&mut self, route: Route) {
        match route {
            Route::AppealSettings => self.settings.discard(),
            _ => self.card = None,
        }
    }

    fn badge(&self, route: Route) -> Option<usize> {
        (route == Route::Appeals).then_some(self.register.open_overdue)
    }

    fn overlay(&mut self, ctx: &egui::Context, view: &ViewCtx) -> Vec<Command> {
        self.call.ui(ctx, view)
    }
}
