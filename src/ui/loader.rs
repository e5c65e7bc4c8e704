//! Reads that take longer than a frame (the head's «Сегодня», a quarter of gifts, the greetings
//! of three months at 5,000 clients) run on a connection of their own, off the UI thread; the
//! screen keeps what it showed, says «Загрузка…», and takes the result when it comes. A database
//! in memory has no file to open twice: it is read in place (so are the tests' windows, which
//! set `ViewCtx::background` off to read in step with their frames).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use super::command::Cx;
use crate::storage::Db;

/// What a read's thread hands back: its connection (kept for the next read) and the result.
type Done<T> = (Db, Result<T, String>);

/// A read under way; the read-only connection between reads.
pub struct Loading<T> {
    rx: Option<Receiver<Done<T>>>,
    reader: Option<Db>,
    /// Set by the read's thread once its result is sent (not yet taken by a frame).
    sent: Arc<AtomicBool>,
}

impl<T> Default for Loading<T> {
    fn default() -> Self {
        Loading {
            rx: None,
            reader: None,
            sent: Arc::default(),
        }
    }
}

impl<T: Send + 'static> Loading<T> {
    /// Starts `read` (its error already in words): on another thread with its own connection
    /// when the window reads in the background, else now — then the result is returned at once.
    /// A read started while another is under way replaces it.
    pub fn start(
        &mut self,
        cx: &Cx,
        read: impl FnOnce(&Db) -> Result<T, String> + Send + 'static,
    ) -> Option<Result<T, String>> {
        // The connection of the last read, else a new read-only one (a read still under way
        // keeps its own and is forgotten).
        let own = if cx.view.background {
            self.reader.take().or_else(|| cx.db.reader().ok())
        } else {
            None
        };
        let Some(db) = own else {
            self.rx = None;
            return Some(read(cx.db));
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let repaint = cx.view.repaint.clone();
        self.sent = Arc::default();
        let sent = Arc::clone(&self.sent);
        let spawned = std::thread::Builder::new()
            .name("read".into())
            .spawn(move || {
                let result = read(&db);
                let _ = tx.send((db, result));
                sent.store(true, Ordering::Release);
                repaint.request();
            });
        match spawned {
            Ok(_) => {
                self.rx = Some(rx);
                None
            }
            Err(e) => Some(Err(e.to_string())),
        }
    }

    /// The result, once it has come (the thread's end without one is an error).
    pub fn poll(&mut self) -> Option<Result<T, String>> {
        let rx = self.rx.as_ref()?;
        let got = match rx.try_recv() {
            Ok((db, r)) => {
                self.reader = Some(db);
                r
            }
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(crate::words::READ_LOST.to_string()),
        };
        self.rx = None;
        Some(got)
    }

    /// Whether a read is under way (or its result not yet taken).
    pub fn busy(&self) -> bool {
        self.rx.is_some()
    }

    /// Whether a read is under way and its result has not come yet.
    pub fn waiting(&self) -> bool {
        self.rx.is_some() && !self.sent.load(Ordering::Acquire)
    }

    /// «Загрузка…» while a read is under way (asking for the next frame to look again).
    pub fn ui(&self, ui: &mut egui::Ui) {
        if self.busy() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::words::LOADING);
            });
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

/// Frees what a screen showed before its new read on another thread: tens of thousands of
/// rows (the greetings of a quarter at 5,000 clients) take longer than a frame to free.
pub fn free_later<T: Send + 'static>(old: T) {
    let spawned = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(old));
    // No thread to be had: freed here, as it would have been.
    if let Err(e) = spawned {
        log::warn!("freeing on the UI thread: {e}");
    }
}
