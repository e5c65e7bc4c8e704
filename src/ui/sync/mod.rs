//! «Сервер отдела» in the window: joining the department server, the state of the sync, and
//! «Конфликты синхронизации», where the user decides each conflict. The sync itself runs on
//! its own thread ([`worker`]); the navigation shows its state at its foot.

pub mod worker;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use serde_json::Value;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::{theme, widgets};
use crate::i18n::{self as t, Describe as _};
use crate::server::conflicts::{self, Choice, Shown};
use crate::words::server as ws;
pub use worker::Link;

/// What «Сервер отдела» asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Join,
    SyncNow,
    /// The password typed for the server.
    SignIn,
    Decide(crate::domain::Id, Choice),
    /// Keep another address of the server (it moved).
    MoveTo,
    /// The sync took in records: what the screens show is read again.
    Pulled,
    /// The join went through.
    Joined,
}

#[derive(Default)]
pub struct SyncUi {
    /// The database has joined a server: (address, login, workstation).
    joined: Option<(String, String, String)>,
    url: String,
    login: String,
    password: String,
    conflicts: Vec<Shown>,
    /// The worker's count of records taken in, as the window last reloaded for it.
    seen_applied: u64,
    /// The server's numbers are attached to the window's database.
    numbers_set: bool,
    /// The password typed in this session (where no keyring keeps it, it is asked again at
    /// the next start, never written to a file).
    typed: Option<String>,
}

impl SyncUi {
    /// Reads the state, starts the worker of a joined database, and gives the window's
    /// database the server's registration numbers once the password is known.
    fn load(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let state = crate::server::sync::joined(cx.db).map_err(t::err)?;
        self.joined = state
            .as_ref()
            .map(|s| (s.url.clone(), s.login.clone(), s.node.clone()));
        self.conflicts = conflicts::open(cx.db).map_err(t::err)?;
        let link = &cx.view.sync;
        if !cx.view.background {
            let needs_password = state.is_some() && self.password_of(state.as_ref()).is_none();
            worker::refresh_on(link, cx.db, needs_password);
        } else if let Some(path) = cx.db.path().map(std::path::Path::to_path_buf) {
            link.start(path, cx.db.key().cloned());
        }
        if let Some(state) = &state
            && !self.numbers_set
            && let Some(password) = self.password_of(Some(state))
        {
            let numbers = crate::server::sync::ServerNumbers::new(state, &password)
                .with_online(link.online.clone());
            cx.db.set_numbers(std::sync::Arc::new(numbers));
            self.numbers_set = true;
        }
        Ok(())
    }

    fn server_ui(&mut self, ui: &mut Ui, shared: &worker::Shared, out: &mut Vec<Command>) {
        ui.heading(ws::NAV_SERVER);
        ui.label(RichText::new(ws::SERVER_HINT).small().color(theme::MUTED));
        ui.add_space(8.0);
        match &self.joined {
            None => {
                widgets::form_grid("server_join").show(ui, |ui| {
                    widgets::text_row(ui, ws::SERVER_URL, &mut self.url, None)
                        .on_hover_text(ws::SERVER_URL_HINT);
                    widgets::text_row(ui, ws::SERVER_LOGIN, &mut self.login, None);
                    password_row(ui, &mut self.password);
                });
                ui.label(
                    RichText::new(ws::SERVER_URL_HINT)
                        .small()
                        .color(theme::MUTED),
                );
                let ready = !self.url.trim().is_empty()
                    && !self.login.trim().is_empty()
                    && !self.password.is_empty();
                let button = ui
                    .add_enabled(ready && !shared.running, egui::Button::new(ws::SERVER_JOIN))
                    .on_disabled_hover_text(ws::SERVER_JOIN_NEEDS);
                if button.clicked() {
                    out.push(Cmd::Join.into());
                }
            }
            Some((url, login, node)) => {
                widgets::form_grid("server_state").show(ui, |ui| {
                    for (label, value) in [
                        (ws::SERVER_URL, url.as_str()),
                        (ws::SERVER_LOGIN, login.as_str()),
                        (ws::SERVER_WORKSTATION, node.as_str()),
                    ] {
                        ui.label(label);
                        ui.label(value);
                        ui.end_row();
                    }
                });
                ui.add_space(4.0);
                if let Some(line) = status_line(shared) {
                    ui.label(line);
                }
                if shared.unfinished {
                    ui.label(RichText::new(ws::SYNC_JOIN_UNFINISHED).color(theme::WARNING));
                }
                // What `sync status` lists: records waiting for others, changes refused.
                if shared.waiting > 0 {
                    ui.label(ws::sync_waiting(shared.waiting));
                }
                if shared.refused > 0 {
                    ui.label(RichText::new(ws::sync_refused(shared.refused)).color(theme::WARNING));
                }
                ui.horizontal(|ui| {
                    let l = ui.label(ws::SERVER_NEW_URL);
                    ui.add(egui::TextEdit::singleline(&mut self.url).desired_width(360.0))
                        .labelled_by(l.id)
                        .on_hover_text(ws::SERVER_URL_HINT);
                    if ui
                        .add_enabled(
                            !self.url.trim().is_empty(),
                            egui::Button::new(ws::SERVER_MOVE),
                        )
                        .clicked()
                    {
                        out.push(Cmd::MoveTo.into());
                    }
                });
                if shared.needs_password {
                    ui.label(RichText::new(ws::SERVER_NEEDS_PASSWORD).color(theme::WARNING));
                    widgets::form_grid("server_password").show(ui, |ui| {
                        password_row(ui, &mut self.password);
                    });
                    if ui
                        .add_enabled(
                            !self.password.is_empty(),
                            egui::Button::new(ws::SERVER_SIGN_IN),
                        )
                        .clicked()
                    {
                        out.push(Cmd::SignIn.into());
                    }
                } else if ui
                    .add_enabled(!shared.running, egui::Button::new(ws::SERVER_SYNC_NOW))
                    .clicked()
                {
                    out.push(Cmd::SyncNow.into());
                }
            }
        }
        match shared.progress {
            Some(worker::Progress::Pulling { done }) => {
                ui.add(
                    egui::ProgressBar::new(0.0)
                        .animate(true)
                        .text(ws::joining(done)),
                );
            }
            Some(worker::Progress::Pushing { done, total }) => {
                let part = done as f32 / total.max(1) as f32;
                ui.add(egui::ProgressBar::new(part).text(ws::sending(done, total)));
            }
            None => {}
        }
        if let Some(e) = &shared.error {
            widgets::message(ui, e);
        }
    }

    fn conflicts_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.add_space(12.0);
        ui.heading(ws::CONFLICTS_TITLE);
        ui.label(
            RichText::new(ws::CONFLICTS_HINT)
                .small()
                .color(theme::MUTED),
        );
        if self.conflicts.is_empty() {
            ui.label(ws::CONFLICTS_NONE);
            return;
        }
        let grow = widgets::widen(ui, 1000.0);
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::exact(220.0 * grow))
            .column(Column::exact(150.0 * grow))
            .column(Column::exact(200.0 * grow))
            .column(Column::exact(200.0 * grow))
            .column(Column::remainder().at_least(200.0))
            .header(theme::ROW_HEIGHT, |mut h| {
                for title in [
                    ws::CONFLICT_RECORD,
                    ws::CONFLICT_FIELD,
                    ws::CONFLICT_NOW,
                    ws::CONFLICT_OTHER,
                    "",
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, self.conflicts.len(), |mut row| {
                    let s = &self.conflicts[row.index()];
                    let k = &s.conflict;
                    let record = match &s.client {
                        Some((_, name)) if k.table != "clients" => {
                            format!("{}: {name}", t::journal_kind(&k.table))
                        }
                        Some((_, name)) => name.clone(),
                        None => t::journal_kind(&k.table).to_string(),
                    };
                    let version = k.field == conflicts::VERSION;
                    let field = match &s.column {
                        Some(c) => t::journal_field(&k.table, c).unwrap_or(c).to_string(),
                        None if version => ws::CONFLICT_VERSION.to_string(),
                        None => ws::CONFLICT_DELETION.to_string(),
                    };
                    row.col(|ui| {
                        widgets::cell(ui, record);
                    });
                    row.col(|ui| {
                        widgets::cell(ui, field);
                    });
                    let (kept, lost) = if version {
                        (
                            ws::CONFLICT_VERSION_KEPT.to_string(),
                            ws::CONFLICT_VERSION_NEW.to_string(),
                        )
                    } else {
                        (
                            shown_value(k.kept.as_deref(), &k.field),
                            shown_value(k.lost.as_deref(), &k.field),
                        )
                    };
                    row.col(|ui| {
                        widgets::cell(ui, kept);
                    });
                    row.col(|ui| {
                        widgets::cell(ui, lost);
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            if version {
                                if ui.small_button(ws::CONFLICT_SEEN).clicked() {
                                    out.push(Cmd::Decide(k.id, Choice::Kept).into());
                                }
                                return;
                            }
                            if ui.small_button(ws::CONFLICT_KEEP).clicked() {
                                out.push(Cmd::Decide(k.id, Choice::Kept).into());
                            }
                            if ui.small_button(ws::CONFLICT_TAKE).clicked() {
                                out.push(Cmd::Decide(k.id, Choice::Lost).into());
                            }
                        });
                    });
                });
            });
    }
}

impl SyncUi {
    /// The server password known without asking: typed in this session, or in the keyring.
    fn password_of(&self, state: Option<&crate::server::sync::State>) -> Option<String> {
        self.typed
            .clone()
            .or_else(|| state.and_then(|s| crate::server::secrets::recall(&s.url, &s.login)))
    }

    /// Asks for a sync now (with a password just typed): the worker's, or, in a window
    /// reading in step, here.
    fn sync_now(&mut self, cx: &mut Cx, password: Option<String>) {
        let link = cx.view.sync.clone();
        if cx.view.background {
            link.send(password.map_or(worker::Msg::Now, worker::Msg::Password));
            return;
        }
        let known = password.or_else(|| {
            self.typed.clone().or_else(|| {
                self.joined
                    .as_ref()
                    .and_then(|(url, login, _)| crate::server::secrets::recall(url, login))
            })
        });
        match known {
            Some(p) => {
                worker::sync_on(&link, cx.db, &p);
                cx.reload();
            }
            None => worker::refresh_on(&link, cx.db, true),
        }
    }
}

/// The password row of a form (hidden as typed).
fn password_row(ui: &mut Ui, password: &mut String) {
    let l = ui.label(ws::SERVER_PASSWORD);
    // As wide as the other fields of the form (a grid's column would stretch it).
    let width = widgets::field_width(ui).min(360.0);
    ui.add(
        egui::TextEdit::singleline(password)
            .password(true)
            .desired_width(width),
    )
    .labelled_by(l.id);
    ui.end_row();
}

/// A conflict's value as the user reads it.
fn shown_value(stored: Option<&str>, field: &str) -> String {
    let v = conflicts::value(stored);
    if field == conflicts::ERASURE {
        return if v.as_bool() == Some(true) {
            ws::CONFLICT_DELETED
        } else {
            ws::CONFLICT_ALIVE
        }
        .to_string();
    }
    match v {
        Value::Null => ws::CONFLICT_EMPTY.to_string(),
        Value::String(s) if s.is_empty() => ws::CONFLICT_EMPTY.to_string(),
        Value::String(s) => s,
        Value::Object(_) => ws::CONFLICT_FILE.to_string(),
        other => t::journal_value(&other),
    }
}

/// The foot of the window: the newest message on the left, the state of the sync on the
/// right («Синхронизировано в 14:32», «Нет связи с сервером…»), whole on hover.
pub fn foot(ui: &mut Ui, view: &ViewCtx, toasts: &widgets::Toasts) {
    let shared = view.sync.read();
    let Some(line) = status_line(&shared) else {
        toasts.bar(ui);
        return;
    };
    let problem = shared.error.is_some() || shared.needs_password;
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let colour = if problem {
            theme::WARNING
        } else {
            theme::MUTED
        };
        let shown = ui.add(egui::Label::new(RichText::new(line).color(colour)).selectable(false));
        if let Some(e) = &shared.error {
            shown.on_hover_text(e);
        }
        ui.separator();
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            toasts.bar(ui);
        });
    });
}

/// The sync's state in a line: synced at, offline with changes waiting, running.
pub fn status_line(s: &worker::Shared) -> Option<String> {
    if !s.joined {
        return None;
    }
    if s.running {
        return Some(ws::SYNC_RUNNING.to_string());
    }
    if s.needs_password {
        return Some(ws::NEEDS_PASSWORD_LINE.to_string());
    }
    if s.error.is_some() {
        return Some(ws::offline(s.outbox));
    }
    if s.unfinished {
        return Some(ws::JOIN_UNFINISHED_LINE.to_string());
    }
    let time = s
        .last_ok
        .as_deref()
        .and_then(crate::domain::clock::stamp_local)
        .map(|t| t.format("%H:%M").to_string())?;
    Some(ws::synced_at(&time))
}

impl Feature for SyncUi {
    type Cmd = Cmd;

    fn open(&mut self, _route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.load(cx)
    }

    fn reload(&mut self, _route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.load(cx)
    }

    fn ui(&mut self, ui: &mut Ui, _route: Route, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        let shared = view.sync.read();
        egui::ScrollArea::vertical().show(ui, |ui| {
            self.server_ui(ui, &shared, &mut out);
            if self.joined.is_some() {
                self.conflicts_ui(ui, &mut out);
            }
        });
        out
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        let link = cx.view.sync.clone();
        match cmd {
            Cmd::Join => {
                if let Err(e) = crate::server::connect::config(self.url.trim()) {
                    cx.error(e.describe());
                    return Ok(());
                }
                let (url, login) = (self.url.trim().to_string(), self.login.trim().to_string());
                let password = std::mem::take(&mut self.password);
                self.typed = Some(password.clone());
                let me = cx.view.me_id();
                if cx.view.background {
                    link.send(worker::Msg::Join {
                        url,
                        login,
                        password,
                        me,
                    });
                } else {
                    // A window reading in step (a test's): the join runs here.
                    worker::join_on(&link, cx.db, &url, &login, &password, me, &cx.view.repaint);
                    self.load(cx)?;
                }
            }
            Cmd::SyncNow => self.sync_now(cx, None),
            Cmd::MoveTo => match crate::server::sync::move_to(cx.db, self.url.trim()) {
                Ok(()) => {
                    self.url.clear();
                    self.load(cx)?;
                    self.sync_now(cx, None);
                }
                Err(e) => cx.error(e.describe()),
            },
            Cmd::SignIn => {
                let password = std::mem::take(&mut self.password);
                self.typed = Some(password.clone());
                if let Some((url, login, _)) = &self.joined {
                    crate::server::secrets::remember(url, login, &password);
                }
                self.numbers_set = false;
                self.sync_now(cx, Some(password));
                self.load(cx)?;
            }
            Cmd::Decide(id, choice) => match conflicts::decide(cx.db, &cx.actor(), id, choice) {
                Ok(()) => {
                    cx.info(ws::CONFLICT_DECIDED);
                    self.sync_now(cx, None);
                    cx.reload();
                }
                Err(e) => cx.error(e.describe()),
            },
            Cmd::Pulled => cx.reload(),
            Cmd::Joined => {
                cx.info(ws::SERVER_JOINED_NOW);
                cx.reload();
            }
        }
        Ok(())
    }

    fn badge(&self, _route: Route) -> Option<usize> {
        (!self.conflicts.is_empty()).then_some(self.conflicts.len())
    }

    /// Each frame: what the worker took in is shown (the screens read again), and a join that
    /// went through is said once.
    fn overlay(&mut self, ctx: &egui::Context, view: &ViewCtx) -> Vec<Command> {
        view.sync.set_repaint(super::context::Repaint::new(ctx));
        let mut shared = view
            .sync
            .shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut out = Vec::new();
        if std::mem::take(&mut shared.joined_now) {
            self.numbers_set = false;
            self.seen_applied = shared.applied;
            out.push(Cmd::Joined.into());
        } else if shared.applied != self.seen_applied {
            self.seen_applied = shared.applied;
            out.push(Cmd::Pulled.into());
        }
        out
    }
}
