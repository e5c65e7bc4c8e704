//! File dialogs off the UI thread. A dialog only fills a path field that is always shown beside
//! its button, so a machine where no dialog can be shown (no portal, no zenity: rfd returns
//! «cancelled» at once) still works by typing the path.

use std::sync::mpsc::{Receiver, Sender, channel};

use super::command::{Ask, AskKind, Command};

/// Asks for paths; the answers come back as the commands their questions make.
pub trait FileDialogs {
    fn ask(&mut self, ask: Ask, ctx: &egui::Context);
    fn poll(&mut self) -> Option<Command>;
}

/// The OS dialogs of rfd, each on a named thread.
pub struct RfdDialogs {
    tx: Sender<Command>,
    rx: Receiver<Command>,
}

impl Default for RfdDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        RfdDialogs { tx, rx }
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
                        let _ = tx.send((ask.then)(path));
                    }
                    // Nobody cancels a dialog in a blink: there was none to show (no portal,
                    // no zenity). Say so, and where to type the path instead.
                    None if asked.elapsed() < std::time::Duration::from_millis(250) => {
                        let _ = tx.send(Command::Notice(crate::words::NO_FILE_DIALOG));
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
        self.rx.try_recv().ok()
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
