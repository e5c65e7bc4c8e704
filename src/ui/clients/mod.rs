//! The clients' part of the window: the list with its search and the dossier editor beside it.

mod dossier;
mod list;

use std::path::PathBuf;

use egui::{RichText, Ui};

pub use dossier::{DossierEditor, Tab};
pub use list::ClientList;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use super::theme;
use crate::clients::{Dossier, exchange, service};
use crate::contacts::service as contacts;
use crate::domain::Id;
use crate::files;
use crate::i18n as t;

/// What the clients' screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Save,
    Close,
    Delete(Id),
    /// The path chosen in a dialog for the record with this index.
    RecordPath(usize, PathBuf),
    Attach(usize, String),
    OpenFile(usize),
    SaveCopy(usize, String),
    /// The path chosen in a dialog for import or export.
    ExchangePath(PathBuf),
    Import(String),
    /// Export to the path; `true`: over the file there (the user said to replace it).
    Export(String, bool),
    /// The people of clients, from and to the file at the path.
    ImportPeople(String),
    ExportPeople(String, bool),
    /// The question whether to write over a file is answered «no».
    KeepFile,
    /// The rows shown, to an Excel file.
    ExportShown(PathBuf),
    /// The dossier's calls, meetings, letters and appeals, to an Excel file.
    ExportTimeline(PathBuf),
}

#[derive(Default)]
pub struct ClientsUi {
    pub list: ClientList,
    pub dossier: Option<DossierEditor>,
    /// Where the user left the divider between the list and the dossier (kept in the
    /// preferences between runs).
    pub list_width: Option<f32>,
    /// The list's width in the last frame: a change between frames is the user's drag.
    shown_width: Option<f32>,
}

/// A client's dossier editor with its timeline and contact state.
fn load(cx: &Cx, id: Id) -> anyhow::Result<DossierEditor> {
    let d = service::open(cx.db, id).map_err(t::err)?;
    let mut ed = DossierEditor::open(&d);
    // Another manager's client: its manager's and the head's to change.
    ed.may_edit = cx.actor().may_act_for(d.client.manager_id);
    ed.timeline = crate::overview::timeline(cx.db, id).map_err(t::err)?;
    ed.contacts = contacts::client_contacts(cx.db, id, cx.today()).map_err(t::err)?;
    let filter = crate::storage::journal::Filter {
        client_id: Some(id),
        limit: crate::ui::admin::JOURNAL_LIMIT,
        ..Default::default()
    };
    ed.journal = crate::admin::service::journal(cx.db, &filter).map_err(t::err)?;
    let names = crate::ui::admin::JournalNames::of(cx.db, &ed.journal);
    ed.journal_rows =
        crate::ui::admin::JournalRows::of(&ed.journal, &names, &cx.view.managers, &[]);
    Ok(ed)
}

impl ClientsUi {
    fn editor_mut(&mut self) -> anyhow::Result<&mut DossierEditor> {
        self.dossier
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_DOSSIER))
    }

    /// The record's stored file: (record id, name); refused while it is not saved.
    fn stored_file(&self, index: usize) -> anyhow::Result<(Id, String)> {
        self.dossier
            .as_ref()
            .and_then(|ed| ed.stored_file(index))
            .ok_or_else(|| anyhow::anyhow!(t::ERR_FILE_NOT_SAVED))
    }
}

impl Feature for ClientsUi {
    type Cmd = Cmd;

    /// Another user (a change of user): what they may do with the open dossier.
    fn reload(&mut self, _route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        if let Some(d) = &mut self.dossier {
            let manager = d.base.as_ref().and_then(|b| b.client.manager_id);
            d.may_edit = cx.actor().may_act_for(manager);
        }
        Ok(())
    }

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            // The dossier open for this client stays as it is, edits and all, on the tab asked.
            Route::Client(id, tab)
                if self.dossier.as_ref().and_then(|d| d.client_id()) == Some(id) =>
            {
                if let Some(d) = &mut self.dossier {
                    d.tab = tab;
                }
            }
            Route::Client(id, tab) => {
                self.list.selected = Some(id);
                let ed = load(cx, id).map_err(|e| e.context(t::ERR_OPEN_CLIENT))?;
                self.dossier = Some(DossierEditor { tab, ..ed });
            }
            Route::NewClient => {
                let mut d = Dossier::default();
                d.client.manager_id = cx.view.me_id();
                self.list.selected = None;
                self.dossier = Some(DossierEditor::open(&d));
            }
            _ => {}
        }
        Ok(())
    }

    fn ui(&mut self, ui: &mut Ui, _route: Route, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        let shown = egui::Panel::left("client_list")
            .resizable(true)
            // Until the user drags it: a third of a wide window (names whole at 1920).
            .default_size(
                self.list_width
                    .unwrap_or((ui.available_width() * 0.36).max(theme::LIST_WIDTH)),
            )
            .size_range(theme::LIST_MIN_WIDTH..=ui.available_width() * 0.75)
            .show(ui, |ui| out.extend(self.list.ui(ui, view)));
        let width = shown.response.rect.width();
        // A width the user dragged to is remembered; the one the panel grows to for its
        // content, or a window made smaller, is not.
        let dragging = ui.input(|i| i.pointer.any_down() || i.pointer.any_released());
        if dragging && self.shown_width.is_some_and(|w| (w - width).abs() > 0.5) {
            self.list_width = Some(width);
        }
        self.shown_width = Some(width);
        egui::CentralPanel::default().show(ui, |ui| match &mut self.dossier {
            Some(ed) => out.extend(ed.ui(ui, &view.catalogs, &view.managers, view.today)),
            None => {
                ui.vertical_centered(|ui| {
                    ui.add_space(80.0);
                    ui.label(RichText::new(t::PICK_CLIENT_HINT).color(theme::MUTED));
                });
            }
        });
        out
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::Save => {
                if let Some(ed) = &mut self.dossier
                    && ed.save(cx)
                {
                    self.list.selected = ed.client_id();
                }
            }
            Cmd::Close => {
                self.dossier = None;
                self.list.selected = None;
                cx.back(Route::Clients);
            }
            Cmd::Delete(id) => {
                service::delete(cx.db, &cx.actor(), id).map_err(t::err)?;
                self.dossier = None;
                self.list.selected = None;
                cx.info(t::CLIENT_DELETED);
                cx.reload();
            }
            Cmd::RecordPath(i, path) => {
                if let Some(ed) = &mut self.dossier
                    && let Some(p) = ed.record_paths.get_mut(i)
                {
                    *p = path.display().to_string();
                }
            }
            Cmd::Attach(i, path) => {
                let path = files::typed_path(&path);
                let bytes = files::read(&path).map_err(t::err)?;
                if !self.editor_mut()?.attach(i, files::file_name(&path), bytes) {
                    anyhow::bail!(t::ERR_NO_FILE);
                }
            }
            Cmd::OpenFile(i) => {
                let (id, name) = self.stored_file(i)?;
                service::show_record_file(cx.db, id, &name).map_err(t::err)?;
            }
            Cmd::SaveCopy(i, path) => {
                let (id, name) = self.stored_file(i)?;
                service::save_record_copy(cx.db, id, &files::typed_path(&path)).map_err(t::err)?;
                cx.info(t::file_saved(&name));
            }
            Cmd::ExchangePath(p) => self.list.exchange_path = p.display().to_string(),
            Cmd::Import(path) => {
                let report = exchange::import_clients(
                    cx.db,
                    &cx.actor(),
                    &files::typed_path(&path),
                    self.list.import_mode,
                )
                .map_err(t::err)?;
                self.list.import_report = Some(report);
                self.list.report_of_people = false;
                cx.reload();
            }
            Cmd::ImportPeople(path) => {
                let report = crate::clients::people_exchange::import_people(
                    cx.db,
                    &cx.actor(),
                    &files::typed_path(&path),
                    self.list.import_mode,
                )
                .map_err(t::err)?;
                self.list.import_report = Some(report);
                self.list.report_of_people = true;
                cx.reload();
            }
            Cmd::ExportPeople(typed, replace) => {
                let path = files::typed_path(&typed);
                if !self
                    .list
                    .may_write(&path, replace, Cmd::ExportPeople(typed, true))
                {
                    return Ok(());
                }
                let done =
                    crate::clients::people_exchange::export_people(cx.db, &path).map_err(t::err)?;
                cx.info(format!(
                    "{}. {}",
                    t::exported_people(done.written, &path.display().to_string()),
                    t::EXPORT_PERSONAL_DATA
                ));
            }
            Cmd::Export(typed, replace) => {
                let path = files::typed_path(&typed);
                if !self
                    .list
                    .may_write(&path, replace, Cmd::Export(typed, true))
                {
                    return Ok(());
                }
                let done = exchange::export_clients(cx.db, &path).map_err(t::err)?;
                cx.info(format!(
                    "{}. {}",
                    t::exported_salvaged(done.written, done.unreadable, done.list_cut),
                    t::EXPORT_PERSONAL_DATA
                ));
            }
            Cmd::KeepFile => self.list.replace_asked = None,
            Cmd::ExportShown(path) => {
                let rows = self.list.shown_rows(cx.view);
                let n = files::write_xlsx(&path, t::NAV_CLIENTS, &t::CLIENTS_XLSX_COLUMNS, &rows)
                    .map_err(t::err)?;
                cx.info(t::xlsx_rows_written(n, &path.display().to_string()));
            }
            Cmd::ExportTimeline(path) => {
                let rows = self.editor_mut()?.timeline_rows();
                let n = files::write_xlsx(&path, t::TIMELINE, &t::TIMELINE_XLSX_COLUMNS, &rows)
                    .map_err(t::err)?;
                cx.info(t::xlsx_rows_written(n, &path.display().to_string()));
            }
        }
        Ok(())
    }

    fn leaves(&self, cmd: &Cmd) -> bool {
        *cmd == Cmd::Close
    }

    fn editor(&mut self, _route: Route) -> Option<&mut dyn Editor> {
        self.dossier.as_mut().map(|e| e as &mut dyn Editor)
    }

    fn close_editor(&mut self, _route: Route) {
        self.dossier = None;
        self.list.selected = None;
    }

    /// A dossier is left on the tab the user was on: «Закрыть» brings them back to it.
    fn here(&self, route: Route) -> Route {
        match (route, &self.dossier) {
            (Route::Client(id, _), Some(d)) if d.draft.client.id == Some(id) => {
                Route::Client(id, d.tab)
            }
            _ => route,
        }
    }
}
