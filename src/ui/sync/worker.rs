//! The window's sync on a thread of its own: with its own connection to the database, it
//! sends the outbox right after a save (it looks every second) and takes in the others'
//! changes every few seconds while the server answers; without a network it waits longer
//! between tries. The window reads what it did from [`Shared`] and never waits for it.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::i18n::Describe as _;
use crate::server::{secrets, sync};
use crate::storage::Db;
use crate::storage::cipher::Passphrase;
use crate::ui::context::Repaint;
pub use sync::Progress;

/// How often the changes of the others are taken in while online.
pub const EVERY: Duration = Duration::from_secs(5);
/// How long to wait before trying again without a network.
pub const OFFLINE_EVERY: Duration = Duration::from_secs(20);
/// How often the outbox is looked at (a save is sent within it).
const LOOK: Duration = Duration::from_secs(1);

/// What the window shows of the sync.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    pub joined: bool,
    /// The join was cut short: the next sync finishes it.
    pub unfinished: bool,
    /// A sync or a join runs now.
    pub running: bool,
    /// When the last sync went through (UTC stamp).
    pub last_ok: Option<String>,
    /// Why the last one did not (in Russian); `None` after one that did.
    pub error: Option<String>,
    pub outbox: i64,
    pub conflicts: i64,
    pub waiting: i64,
    /// Changes the server's rules refused (kept aside).
    pub refused: i64,
    /// How many records the worker has taken in since it started: the window reloads what
    /// it shows when this grows.
    pub applied: u64,
    /// No password is known for the server: the user types it on «Сервер отдела».
    pub needs_password: bool,
    /// A join's progress: records sent of how many (the first push of a database of its
    /// own), or taken in so far (of an unknown number: 0).
    pub progress: Option<Progress>,
    /// The join went through (the window tells the user once).
    pub joined_now: bool,
}

/// The link between the window and its sync: the shared state and the way to the thread.
#[derive(Clone, Default)]
pub struct Link {
    pub shared: Arc<Mutex<Shared>>,
    to_worker: Arc<Mutex<Option<Sender<Msg>>>>,
    /// `false` while the server is out of reach (registration numbers then come from blocks).
    pub online: Arc<AtomicBool>,
    /// Asks the window for a frame (set by the window each frame: the thread may start
    /// before the first).
    repaint: Arc<Mutex<Repaint>>,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Link").finish_non_exhaustive()
    }
}

impl Link {
    pub fn read(&self) -> Shared {
        self.shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn update(&self, f: impl FnOnce(&mut Shared)) {
        f(&mut self.shared.lock().unwrap_or_else(PoisonError::into_inner));
    }

    /// The window's handle for a new frame, kept fresh each frame.
    pub fn set_repaint(&self, r: Repaint) {
        *self.repaint.lock().unwrap_or_else(PoisonError::into_inner) = r;
    }

    pub fn repaint(&self) -> Repaint {
        self.repaint
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn started(&self) -> bool {
        self.to_worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Sends the worker a message (nothing when it has not started).
    pub fn send(&self, m: Msg) {
        if let Some(tx) = self
            .to_worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            let _ = tx.send(m);
        }
    }

    /// Starts the worker for the database at `path` (once).
    pub fn start(&self, path: PathBuf, key: Option<Passphrase>) {
        let mut slot = self
            .to_worker
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if slot.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        *slot = Some(tx);
        let link = self.clone();
        let spawned = std::thread::Builder::new()
            .name("sync".into())
            .spawn(move || Worker::new(link, path, key).run(&rx));
        if let Err(e) = spawned {
            log::error!("the sync thread did not start: {e}");
        }
    }
}

/// What the window asks of the worker.
#[derive(Debug, Clone)]
pub enum Msg {
    /// Sync now («Синхронизировать сейчас», a save).
    Now,
    /// The server password typed by the user.
    Password(String),
    /// Join the server (the settings' form).
    Join {
        url: String,
        login: String,
        password: String,
        /// Who works at the workstation (their card is the server user's).
        me: Option<crate::domain::Id>,
    },
}

struct Worker {
    link: Link,
    path: PathBuf,
    key: Option<Passphrase>,
    db: Option<Db>,
    password: Option<String>,
    last_try: Option<Instant>,
}

impl Worker {
    fn new(link: Link, path: PathBuf, key: Option<Passphrase>) -> Worker {
        Worker {
            link,
            path,
            key,
            db: None,
            password: None,
            last_try: None,
        }
    }

    fn run(mut self, rx: &Receiver<Msg>) {
        self.password = self.state().and_then(|s| secrets::recall(&s.url, &s.login));
        self.refresh();
        loop {
            match rx.recv_timeout(LOOK) {
                Ok(Msg::Now) => self.sync(),
                Ok(Msg::Password(p)) => {
                    self.password = Some(p);
                    self.sync();
                }
                Ok(Msg::Join {
                    url,
                    login,
                    password,
                    me,
                }) => self.join(&url, &login, &password, me),
                Err(RecvTimeoutError::Timeout) => {
                    if self.due() {
                        self.sync();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// The worker's own connection (opened on first use).
    fn db(&mut self) -> Option<&mut Db> {
        if self.db.is_none() {
            match Db::open_keyed(&self.path, self.key.clone(), false) {
                Ok(db) => self.db = Some(db),
                Err(e) => {
                    let text = e.describe();
                    self.link.update(|s| s.error = Some(text));
                }
            }
        }
        self.db.as_mut()
    }

    fn state(&mut self) -> Option<sync::State> {
        self.db().and_then(|db| sync::joined(db).ok().flatten())
    }

    /// Whether to sync now: the outbox holds a save, or the time has come.
    fn due(&mut self) -> bool {
        if self.password.is_none() || self.state().is_none() {
            return false;
        }
        let online = self.link.online.load(Ordering::Relaxed);
        let since = self.last_try.map_or(Duration::MAX, |t| t.elapsed());
        let pending = self
            .db()
            .and_then(|db| sync::waiting_to_send(db).ok())
            .unwrap_or(0);
        (online && (pending > 0 || since >= EVERY)) || since >= OFFLINE_EVERY
    }

    fn refresh(&mut self) {
        let needs_password = self.password.is_none();
        let link = self.link.clone();
        if let Some(db) = self.db() {
            refresh_on(&link, db, needs_password);
        }
        self.link.repaint().request();
    }

    fn sync(&mut self) {
        let Some(password) = self.password.clone() else {
            self.refresh();
            return;
        };
        self.last_try = Some(Instant::now());
        let link = self.link.clone();
        let Some(db) = self.db() else { return };
        if sync_on(&link, db, &password) == Synced::LoginRefused {
            if let Some(state) = self.state() {
                secrets::forget(&state.url, &state.login);
            }
            self.password = None;
        }
        self.refresh();
    }

    fn join(&mut self, url: &str, login: &str, password: &str, me: Option<crate::domain::Id>) {
        let link = self.link.clone();
        let repaint = self.link.repaint();
        let Some(db) = self.db() else { return };
        if join_on(&link, db, url, login, password, me, &repaint) {
            self.password = Some(password.to_string());
        }
        self.refresh();
    }
}

/// How a sync ended, for the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    Done,
    Failed,
    /// The server refused the password (SQLSTATE class 28): it is forgotten and asked again.
    LoginRefused,
}

/// The shared state from the database `db`.
pub fn refresh_on(link: &Link, db: &Db, needs_password: bool) {
    if let Ok(s) = sync::status(db) {
        link.update(|shared| {
            shared.joined = s.joined;
            shared.unfinished = s.joined && !s.join_finished;
            shared.outbox = s.outbox;
            shared.conflicts = s.conflicts;
            shared.waiting = s.waiting;
            shared.refused = s.refused;
            shared.last_ok = s.last_sync_at;
            shared.needs_password = s.joined && needs_password;
        });
    }
}

/// One sync of `db`, its outcome in the shared state (the worker's, or a test window's in
/// step with its frames).
pub fn sync_on(link: &Link, db: &mut Db, password: &str) -> Synced {
    link.update(|s| s.running = true);
    let done = sync::sync(db, password, &mut |_| {});
    let outcome = match &done {
        Ok(r) => {
            link.online.store(true, Ordering::Relaxed);
            link.update(|s| {
                s.applied += r.applied as u64;
                s.error = None;
            });
            Synced::Done
        }
        // Another window or command syncs this file: its outcome is the one to show.
        Err(crate::server::ServerError::Busy) => Synced::Failed,
        Err(e) => {
            link.online.store(false, Ordering::Relaxed);
            let text = e.describe();
            // `sync status` reads it in the user's words too.
            let _ = sync::note_failure(db, &text);
            link.update(|s| s.error = Some(text));
            if matches!(e, crate::server::ServerError::Server(code) if code.starts_with("28")) {
                Synced::LoginRefused
            } else {
                Synced::Failed
            }
        }
    };
    link.update(|s| s.running = false);
    refresh_on(link, db, false);
    outcome
}

/// Joins `db` to the server, its progress and outcome in the shared state; `true` when it
/// went through (the password is then kept in the keyring).
pub fn join_on(
    link: &Link,
    db: &mut Db,
    url: &str,
    login: &str,
    password: &str,
    me: Option<crate::domain::Id>,
    repaint: &Repaint,
) -> bool {
    link.update(|s| {
        s.running = true;
        s.progress = Some(sync::Progress::Pulling { done: 0 });
        s.error = None;
    });
    let done = sync::join_as(db, url, login, password, me, &mut |p| {
        link.update(|s| s.progress = Some(p));
        repaint.request();
    });
    let joined = match done {
        Ok(r) => {
            secrets::remember(url, login, password);
            link.online.store(true, Ordering::Relaxed);
            link.update(|s| {
                s.applied += r.applied as u64;
                s.joined_now = true;
            });
            true
        }
        Err(e) => {
            let text = e.describe();
            link.update(|s| s.error = Some(text));
            false
        }
    };
    link.update(|s| {
        s.running = false;
        s.progress = None;
    });
    refresh_on(link, db, false);
    joined
}
