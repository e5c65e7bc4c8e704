//! File dialogs off the UI thread. A dialog only fills a path field that is always shown beside
//! its button, so a machine where no dialog can be shown (no portal, no zenity: rfd returns
//! «cancelled» at once) still works by typing the path.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the chosen path is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose {
    /// A file to attach to the record with this index in the open dossier.
    Attach(usize),
    /// Where to save a copy of the record's file.
    SaveCopy(usize),
    /// A PNG of the manager's signature.
    Signature,
    /// A CSV/XLSX file to import clients from.
    Import,
    /// Where to export clients to.
    Export,
    /// Where to save a letter's PDF.
    LetterPdf,
    /// The company logo (PNG).
    Logo,
    /// The folder of a mail merge.
    MergeDir,
    /// Where to save the courier sheet.
    CourierSheet,
}

/// Asks for paths; answers come back through [`FileDialogs::poll`].
pub trait FileDialogs {
    fn pick(&mut self, purpose: DialogPurpose, ctx: &egui::Context);
    fn save(&mut self, purpose: DialogPurpose, default_name: &str, ctx: &egui::Context);
    fn poll(&mut self) -> Option<(DialogPurpose, PathBuf)>;
}

/// The OS dialogs of rfd, each on a named thread.
pub struct RfdDialogs {
    tx: Sender<(DialogPurpose, PathBuf)>,
    rx: Receiver<(DialogPurpose, PathBuf)>,
}

impl Default for RfdDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        RfdDialogs { tx, rx }
    }
}

impl RfdDialogs {
    fn spawn(
        &self,
        purpose: DialogPurpose,
        ctx: &egui::Context,
        ask: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                if let Some(path) = ask() {
                    let _ = tx.send((purpose, path));
                    ctx.request_repaint();
                }
            });
        if let Err(e) = spawned {
            log::warn!("could not start the file dialog thread: {e}");
        }
    }
}

impl FileDialogs for RfdDialogs {
    fn pick(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        let filter = purpose.clone();
        self.spawn(purpose, ctx, move || {
            let d = rfd::FileDialog::new();
            match filter {
                DialogPurpose::Signature | DialogPurpose::Logo => {
                    d.add_filter("PNG", &["png"]).pick_file()
                }
                DialogPurpose::Import => d.add_filter("CSV, Excel", &["csv", "xlsx"]).pick_file(),
                DialogPurpose::MergeDir => d.pick_folder(),
                _ => d.pick_file(),
            }
        });
    }

    fn save(&mut self, purpose: DialogPurpose, default_name: &str, ctx: &egui::Context) {
        let name = default_name.to_string();
        self.spawn(purpose, ctx, move || {
            rfd::FileDialog::new().set_file_name(name).save_file()
        });
    }

    fn poll(&mut self) -> Option<(DialogPurpose, PathBuf)> {
        self.rx.try_recv().ok()
    }
}

/// No dialogs at all (tests, or a machine without a desktop): the path fields are used.
#[derive(Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick(&mut self, _: DialogPurpose, _: &egui::Context) {}
    fn save(&mut self, _: DialogPurpose, _: &str, _: &egui::Context) {}
    fn poll(&mut self) -> Option<(DialogPurpose, PathBuf)> {
        None
    }
}
