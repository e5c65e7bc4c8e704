//! «Резервные копии»: the copies with their dates, sizes and counts; making one; restoring
//! from one (after a question); how many automatic copies to keep.

use std::path::PathBuf;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::admin::backups::{Entry, POLICY_MAX, Policy};
use crate::i18n::{self as t, Describe as _};
use crate::ui::command::{Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::theme;

#[derive(Default)]
pub struct BackupsScreen {
    /// Who works: replacing the database from a copy is the head's.
    pub actor: crate::domain::Actor,
    pub entries: Vec<Entry>,
    pub folder: PathBuf,
    /// The policy as saved, and as edited here.
    pub saved: Policy,
    pub policy: Policy,
    /// The copy the user asked to restore from, waiting for «Да, восстановить».
    pub confirm: Option<Entry>,
    /// Shown by the rescue window (the database did not open): the list and «Восстановить»
    /// only.
    pub rescue: bool,
    /// The saved policy did not read: the defaults are shown, and why.
    pub unreadable: Option<String>,
}

impl BackupsScreen {
    /// The policy as saved (or the defaults with the reason); the edits stay while there are
    /// any.
    pub fn load_policy(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        if self.is_dirty() {
            return Ok(());
        }
        let edit = crate::admin::backups::policy_to_edit(cx.db).map_err(t::err)?;
        self.unreadable = edit.unreadable.map(|e| e.describe());
        self.saved = edit.value;
        self.policy = edit.value;
        Ok(())
    }

    /// Saves the policy and thins the copies by it; `false` when refused.
    pub fn save_policy(&mut self, cx: &mut Cx) -> bool {
        let p = self.policy;
        if let Err(e) = crate::admin::backups::save_policy(cx.db, &cx.actor(), &p) {
            cx.error(t::save_failed(&e.describe()));
            return false;
        }
        self.saved = p;
        self.unreadable = None;
        if let Some(path) = cx.db.path().map(std::path::Path::to_path_buf) {
            match crate::admin::backups::thin(&path, p) {
                Ok(n) if n > 0 => cx.info(t::thinned(n)),
                Ok(_) => {}
                Err(e) => cx.error(e.describe()),
            }
        }
        cx.info(t::SAVED);
        cx.reload();
        true
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        if !self.rescue {
            self.tools_ui(ui, &mut out);
        }
        if self.entries.is_empty() {
            ui.add_space(20.0);
            ui.label(if self.rescue {
                t::RESCUE_NO_BACKUPS
            } else {
                t::BACKUPS_EMPTY
            });
        } else {
            self.table(ui);
        }
        self.confirm_ui(ui, &mut out);
        out
    }

    /// The heading, «Создать копию», the folder and the policy.
    fn tools_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.heading(t::NAV_BACKUPS);
        ui.label(RichText::new(t::BACKUPS_HINT).small().color(theme::MUTED));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(t::BACKUP_CREATE).clicked() {
                out.push(Cmd::CreateBackup.into());
            }
            if ui.button(t::BACKUP_OPEN_FOLDER).clicked() {
                out.push(Cmd::OpenBackupsFolder.into());
            }
            ui.label(
                RichText::new(self.folder.display().to_string())
                    .small()
                    .color(theme::MUTED),
            );
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(t::BACKUP_POLICY);
            for (value, label) in [
                (&mut self.policy.daily, t::BACKUP_DAILY),
                (&mut self.policy.weekly, t::BACKUP_WEEKLY),
                (&mut self.policy.monthly, t::BACKUP_MONTHLY),
            ] {
                let l = ui.label(label);
                ui.add(egui::DragValue::new(value).range(0..=POLICY_MAX))
                    .labelled_by(l.id);
            }
            if (self.is_dirty() || self.unreadable.is_some()) && ui.button(t::SAVE).clicked() {
                out.push(Cmd::SaveBackupPolicy.into());
            }
        });
        if let Some(why) = &self.unreadable {
            crate::ui::widgets::message(ui, &t::setting_shown_as_default(why));
        }
        ui.separator();
    }

    fn table(&mut self, ui: &mut Ui) {
        TableBuilder::new(ui)
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(140.0))
            .column(Column::auto().at_least(170.0).clip(true))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(60.0))
            .column(Column::auto().at_least(70.0))
            .column(Column::remainder())
            .header(theme::ROW_HEIGHT, |mut h| {
                for title in [
                    t::COL_TAKEN,
                    t::COL_BACKUP_KIND,
                    t::COL_SIZE,
                    t::COL_CLIENTS,
                    t::COL_LETTERS,
                    t::COL_REPORTS,
                    "",
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT + 4.0, self.entries.len(), |mut row| {
                    let e = &self.entries[row.index()];
                    row.col(|ui| {
                        crate::ui::widgets::cell(
                            ui,
                            e.file.taken.format("%d.%m.%Y %H:%M").to_string(),
                        );
                    });
                    row.col(|ui| {
                        crate::ui::widgets::cell(ui, t::backup_kind(e.file.kind));
                    });
                    row.col(|ui| {
                        crate::ui::widgets::cell(
                            ui,
                            t::file_size(i64::try_from(e.file.size).unwrap_or(i64::MAX)),
                        );
                    });
                    match &e.content {
                        Some(s) => {
                            for n in [s.counts.clients, s.counts.letters, s.counts.reports] {
                                row.col(|ui| {
                                    ui.label(n.to_string());
                                });
                            }
                        }
                        None => {
                            row.col(|ui| {
                                ui.colored_label(theme::ERROR, t::BACKUP_UNREADABLE);
                            });
                            row.col(|_| {});
                            row.col(|_| {});
                        }
                    }
                    row.col(|ui| {
                        let may = self.actor.may(crate::domain::Duty::ManageDatabase);
                        let button = egui::Button::new(t::RESTORE).small();
                        if e.content.is_some()
                            && crate::ui::widgets::permitted_button(ui, button, may).clicked()
                        {
                            self.confirm = Some(e.clone());
                        }
                    });
                });
            });
    }

    fn confirm_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let Some(entry) = &self.confirm else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("restore_backup")).show(ui.ctx(), |ui| {
            ui.heading(t::RESTORE_TITLE);
            let taken = entry.file.taken.format("%d.%m.%Y %H:%M").to_string();
            ui.label(t::restore_question(&taken));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t::YES_RESTORE).clicked() {
                    answer = Some(true);
                }
                if ui.button(t::CANCEL).clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                out.push(Cmd::RestoreBackup(entry.file.path.clone()).into());
                self.confirm = None;
            }
            Some(false) => self.confirm = None,
            None => {}
        }
    }
}

impl Editor for BackupsScreen {
    fn is_dirty(&self) -> bool {
        self.policy != self.saved
    }
    fn shows(&self, route: &Route) -> bool {
        *route == Route::Backups
    }
    fn save(&mut self, cx: &mut Cx) -> bool {
        self.save_policy(cx)
    }
}
