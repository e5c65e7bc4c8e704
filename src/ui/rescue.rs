//! The window shown when the database does not open (damaged, not a database, newer, another
//! program's): what happened, and the verified backups to restore from. Once a restore
//! succeeds, the database opens and the usual window takes over.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Ui};

use super::admin::{BackupsScreen, Cmd};
use super::command::Command;
use super::theme;
use crate::admin::backups;
use crate::domain::clock::SystemClock;
use crate::i18n as t;
use crate::storage::Db;
use crate::storage::cipher::Passphrase;

pub struct Rescue {
    path: PathBuf,
    error: String,
    screen: BackupsScreen,
    /// The last restore's failure.
    failure: Option<String>,
    /// The passphrase of an encrypted database (its copies are encrypted too).
    key: Option<Passphrase>,
}

impl Rescue {
    pub fn new(path: PathBuf, error: String, key: Option<Passphrase>) -> Rescue {
        let entries = backups::list_at(&path, key.as_ref()).unwrap_or_default();
        Rescue {
            screen: BackupsScreen {
                entries,
                rescue: true,
                ..Default::default()
            },
            path,
            error,
            failure: None,
            key,
        }
    }

    /// Draws the window; returns the database once it was restored and opens.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Db> {
        let mut opened = None;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(t::RESCUE_TITLE);
            ui.label(RichText::new(self.path.display().to_string()).color(theme::MUTED));
            ui.add_space(6.0);
            ui.label(RichText::new(&self.error).strong().color(theme::ERROR));
            ui.add_space(6.0);
            ui.label(t::RESCUE_TEXT);
            if let Some(f) = &self.failure {
                ui.label(RichText::new(f).color(theme::ERROR));
            }
            ui.separator();
            for c in self.screen.ui(ui) {
                if let Command::Admin(Cmd::RestoreBackup(copy)) = c {
                    opened = self.restore(&copy);
                }
            }
        });
        opened
    }

    fn restore(&mut self, copy: &std::path::Path) -> Option<Db> {
        let restored = backups::restore_at(
            &self.path,
            &crate::domain::Actor::SYSTEM,
            copy,
            Arc::new(SystemClock),
            self.key.as_ref(),
        )
        .map_err(t::err)
        .and_then(|_| Db::open_keyed(&self.path, self.key.clone(), false).map_err(t::err));
        match restored {
            Ok(db) => Some(db),
            Err(e) => {
                self.failure = Some(format!("{e:#}"));
                self.screen.entries =
                    backups::list_at(&self.path, self.key.as_ref()).unwrap_or_default();
                None
            }
        }
    }
}
