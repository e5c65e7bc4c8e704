//! The window shown when the database is encrypted: the passphrase, asked once at start. A
//! wrong one is said beside the field and changes nothing; the right one opens the usual
//! window (or the rescue window, if the database then turns out damaged).

use std::path::PathBuf;

use egui::{RichText, TextEdit, Ui};

use super::theme;
use crate::i18n::{self as t, Describe};
use crate::storage::cipher::Passphrase;
use crate::storage::{Db, StorageError};

pub struct Unlock {
    path: PathBuf,
    passphrase: String,
    error: Option<String>,
    /// The field took the keyboard once, at start.
    focused: bool,
}

/// What the passphrase opened.
pub enum Unlocked {
    Db(Db),
    /// The passphrase is right but the database does not open (damaged, newer…): the rescue
    /// window takes over with this message and the passphrase.
    Rescue(String, Passphrase),
}

impl Unlock {
    pub fn new(path: PathBuf) -> Unlock {
        Unlock {
            path,
            passphrase: String::new(),
            error: None,
            focused: false,
        }
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Draws the window; returns what opened once the passphrase is right.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Unlocked> {
        let mut submit = false;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.heading(t::UNLOCK_TITLE);
                ui.label(RichText::new(self.path.display().to_string()).color(theme::MUTED));
                ui.add_space(10.0);
                ui.label(t::UNLOCK_TEXT);
                ui.add_space(6.0);
                let field = ui.add(
                    TextEdit::singleline(&mut self.passphrase)
                        .password(true)
                        .desired_width(320.0)
                        .hint_text(t::F_PASSPHRASE),
                );
                let field = field.accessible_name(t::F_PASSPHRASE);
                // The field waits for the passphrase from the first frame (and again whenever
                // nothing else holds the keyboard: the window may get its focus late).
                if !self.focused || ui.memory(|m| m.focused().is_none()) {
                    field.request_focus();
                    self.focused = true;
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    submit = true;
                }
                if let Some(e) = &self.error {
                    ui.label(RichText::new(e).color(theme::ERROR));
                }
                ui.add_space(6.0);
                if ui.button(RichText::new(t::UNLOCK_OPEN).strong()).clicked() {
                    submit = true;
                }
            });
        });
        if submit { self.try_open() } else { None }
    }

    fn try_open(&mut self) -> Option<Unlocked> {
        let Some(key) = Passphrase::new(&self.passphrase) else {
            self.error = Some(t::PASSPHRASE_EMPTY.to_string());
            self.focused = false;
            return None;
        };
        self.passphrase.clear();
        match Db::open_keyed(&self.path, Some(key.clone()), false) {
            Ok(db) => Some(Unlocked::Db(db)),
            Err(e @ (StorageError::WrongPassphrase | StorageError::Encrypted)) => {
                log::warn!("a wrong passphrase was given for the database");
                self.error = Some(crate::domain::fmt::capitalize(&e.describe()));
                // Back to the field for another try.
                self.focused = false;
                None
            }
            Err(e) => Some(Unlocked::Rescue(
                crate::domain::fmt::capitalize(&e.describe()),
                key,
            )),
        }
    }
}
