//! File dialogs off the UI thread. Where no dialog can be shown (no portal, no zenity: rfd
//! returns «cancelled» at once) a small window asks for the path to be typed instead, so every
//! «Обзор…» and «В Excel…» works on any machine.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::command::{Ask, AskKind, Command};
use crate::i18n as t;

/// Asks for paths; the answers come back as the commands their questions make.
pub trait FileDialogs {
    fn ask(&mut self, ask: Ask, ctx: &egui::Context);
    fn poll(&mut self) -> Option<Command>;
    /// Draws what the dialogs show inside the window (the path typed when there is no
    /// system dialog).
    fn ui(&mut self, _ctx: &egui::Context) {}
}

/// What a dialog's thread says back.
enum Answer {
    Picked(Command),
    /// There was no dialog to show: the question goes to the typed path.
    NoDialog(Ask),
}

/// A question waiting for its path to be typed.
struct Typed {
    ask: Ask,
    path: String,
    /// The field took the keyboard when the window opened.
    focused: bool,
}

/// The OS dialogs of rfd, each on a named thread; the typed path where there is none.
pub struct RfdDialogs {
    tx: Sender<Answer>,
    rx: Receiver<Answer>,
    typed: TypedPaths,
}

impl Default for RfdDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        RfdDialogs {
            tx,
            rx,
            typed: TypedPaths::default(),
        }
    }
}

/// Paths typed in a small window of the program (a machine with no system dialog).
#[derive(Default)]
pub struct TypedPaths {
    typed: Option<Typed>,
    answered: Vec<Command>,
}

/// Where a file is proposed to go when its path is typed: the user's documents folder if it is
/// there, else their home folder.
fn proposed(ask: &Ask) -> String {
    match ask.kind {
        AskKind::Save => directories::UserDirs::new()
            .map(|d| {
                let folder = d
                    .document_dir()
                    .filter(|p| p.is_dir())
                    .unwrap_or(d.home_dir());
                folder.join(&ask.default_name)
            })
            .unwrap_or_else(|| PathBuf::from(&ask.default_name))
            .display()
            .to_string(),
        AskKind::Open(_) | AskKind::Folder => String::new(),
    }
}

impl FileDialogs for RfdDialogs {
    fn ask(&mut self, ask: Ask, ctx: &egui::Context) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let asked = std::time::Instant::now();
                let d = rfd::FileDialog::new();
                let path = match ask.kind {
                    AskKind::Open(exts) if !exts.is_empty() => {
                        d.add_filter(exts.join(", "), exts).pick_file()
                    }
                    AskKind::Open(_) => d.pick_file(),
                    AskKind::Save => d.set_file_name(&ask.default_name).save_file(),
                    AskKind::Folder => d.pick_folder(),
                };
                match path {
                    Some(path) => {
                        let _ = tx.send(Answer::Picked((ask.then)(path)));
                    }
                    // Nobody cancels a dialog in a blink: there was none to show (no portal,
                    // no zenity). The path is asked for in the window instead.
                    None if asked.elapsed() < std::time::Duration::from_millis(250) => {
                        let _ = tx.send(Answer::NoDialog(ask));
                    }
                    None => {}
                }
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            log::warn!("could not start the file dialog thread: {e}");
        }
    }

    fn poll(&mut self) -> Option<Command> {
        while let Ok(answer) = self.rx.try_recv() {
            match answer {
                Answer::Picked(c) => self.typed.answered.push(c),
                Answer::NoDialog(ask) => self.typed.ask(ask, &egui::Context::default()),
            }
        }
        self.typed.poll()
    }

    fn ui(&mut self, ctx: &egui::Context) {
        self.typed.ui(ctx);
    }
}

impl FileDialogs for TypedPaths {
    fn ask(&mut self, ask: Ask, _: &egui::Context) {
        let path = proposed(&ask);
        self.typed = Some(Typed {
            ask,
            path,
            focused: false,
        });
    }

    fn poll(&mut self) -> Option<Command> {
        self.answered.pop()
    }

    fn ui(&mut self, ctx: &egui::Context) {
        let Some(typed) = &mut self.typed else {
            return;
        };
        let mut done = None;
        egui::Modal::new(egui::Id::unique("typed_path")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(t::TYPED_PATH_TITLE);
            ui.label(t::NO_FILE_DIALOG);
            let l = ui.label(t::FILE_PATH);
            let r = ui
                .add(egui::TextEdit::singleline(&mut typed.path).desired_width(520.0))
                .labelled_by(l.id);
            if !typed.focused {
                r.request_focus();
                typed.focused = true;
            }
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let ready = !typed.path.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(t::TYPED_PATH_OK))
                    .clicked()
                    || enter && ready
                {
                    done = Some(true);
                }
                if ui.button(t::CANCEL).clicked() {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                let path = crate::files::typed_path(&typed.path);
                self.answered.push((typed.ask.then)(path));
                self.typed = None;
            }
            Some(false) => self.typed = None,
            None => {}
        }
    }
}

/// No dialogs at all (tests, or a machine without a desktop): the path fields are used.
#[derive(Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn ask(&mut self, _: Ask, _: &egui::Context) {}
    fn poll(&mut self) -> Option<Command> {
        None
    }
}
