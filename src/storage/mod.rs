//! SQLite storage: opening (pragmas, migrations, a backup before migrating), the one write path
//! and the helpers every store uses. The SQL of each aggregate lives in its feature's
//! `store.rs`; nothing else runs SQL.

pub mod backup;
pub mod cipher;
mod connections;
mod drift;
mod error_kinds;
mod failpoint;
pub use failpoint::failpoint;
pub mod journal;
pub mod journal_proof;
mod numbers;
pub use numbers::{Numbered, next_number};
pub mod replica;
pub mod replica_apply;
pub mod replica_own;
mod replica_state;
pub mod schema;
mod schema_v20;
pub mod settings;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Row, TransactionBehavior};

use crate::domain::clock::{self, Clock, SystemClock};
use crate::domain::{Actor, Code, Id, UnknownCode};

pub use rusqlite::Connection as Conn;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("schema upgrade failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("database file: {0}")]
    Io(#[from] std::io::Error),
    #[error("record {0} not found")]
    NotFound(Id),
    #[error("the database has schema {found}, this program knows {known}")]
    TooNew { found: usize, known: usize },
    #[error(transparent)]
    UnknownCode(UnknownCode),
    #[error("database file {0} does not exist")]
    Missing(PathBuf),
    /// A file of no bytes named as an existing database (a new one is made with `--create`).
    #[error("{0:?} is empty")]
    EmptyFile(PathBuf),
    /// The database file was replaced (renamed over, restored) while a long write ran.
    #[error("{0:?} was replaced while in use")]
    Replaced(PathBuf),
    #[error("the file is an SQLite database of another program")]
    Foreign,
    #[error("the database is damaged: {0}")]
    Damaged(String),
    #[error("the copy's records differ from the database's")]
    BackupDiffers,
    #[error("no verified backup before the schema upgrade: {0}")]
    NoBackup(Box<StorageError>),
    /// The file is encrypted and no passphrase was given.
    #[error("the database is encrypted: a passphrase is needed")]
    Encrypted,
    /// The passphrase does not open the file; nothing was changed in it.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// A new passphrase shorter than this.
    #[error("the passphrase is shorter than {0} characters")]
    WeakPassphrase(usize),
    /// The database is not encrypted (asked to decrypt it).
    #[error("the database is not encrypted")]
    NotEncrypted,
    /// The database is open in another window or command (a conversion needs it alone).
    #[error("the database is in use by another instance")]
    InUse,
    /// Another instance changed the record since the editor loaded it.
    #[error("record {0} was changed by another instance")]
    ChangedMeanwhile(Id),
    /// A saved setting does not read: its key and field are named, no default is taken.
    #[error(transparent)]
    Setting(settings::Unreadable),
    /// The acting user may not do this (a duty of the head, another manager's client).
    #[error(transparent)]
    Denied(#[from] crate::domain::Denied),
    /// Another feature's rule refused the write (inside its transaction).
    #[error(transparent)]
    Refused(#[from] crate::domain::Refusal),
    /// A database of an older schema where it cannot be written (to be upgraded first).
    #[error("an older schema that cannot be upgraded here")]
    ReadOnlyOld,
    /// A text longer than any such field holds (a 5 MB name): refused, not cut.
    #[error("{table}.{field} longer than {max} characters")]
    TooLong {
        table: String,
        field: String,
        max: usize,
    },
    /// A workstation of the department with no server to ask and no leased number left.
    #[error("no registration number: the server is out of reach and no block is left")]
    NoNumbers,
}

/// Inside a write: refuses to save over record `id` when what the database holds now is not
/// what the editor loaded (`base`): another instance saved it meanwhile. No lost update.
pub fn unchanged<T: PartialEq>(id: Id, base: &T, current: &T) -> Result<()> {
    if base == current {
        Ok(())
    } else {
        Err(StorageError::ChangedMeanwhile(id))
    }
}

impl From<rusqlite::Error> for StorageError {
    /// A code the program does not know, met while reading a row, is its own error.
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::FromSqlConversionFailure(i, t, inner) => {
                match inner.downcast::<UnknownCode>() {
                    Ok(code) => StorageError::UnknownCode(*code),
                    Err(inner) => {
                        StorageError::Sqlite(rusqlite::Error::FromSqlConversionFailure(i, t, inner))
                    }
                }
            }
            e => StorageError::Sqlite(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// The open database: one synchronous connection, the clock every write is stamped with and the
/// verdict of the integrity check, made once before the first write.
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
    clock: Arc<dyn Clock>,
    health: Arc<Mutex<Option<Health>>>,
    /// Inside [`Db::all_or_nothing`]: writes are savepoints of its transaction.
    batch: bool,
    /// The passphrase of an encrypted database (also for its backups).
    key: Option<cipher::Passphrase>,
    /// What the features subscribed to where the database was opened.
    hooks: &'static Hooks,
    /// Where a workstation of the department takes registration numbers while online.
    numbers: Option<Arc<dyn replica::NumberSource>>,
}

/// What the features hand the database where it is opened (`crate::wiring`): who reacts to an
/// event of another feature, inside the same write, before it commits; and every typed
/// setting, so that one which does not read is named (`vipdesk check`, the window's band).
pub struct Hooks {
    /// Each is given every event of a write and acts on those of its type.
    pub events: &'static [Subscriber],
    /// Each reads one setting ([`settings::check`]).
    pub settings: &'static [settings::Known],
}

/// A feature's reaction to the events of a write ([`Tx::emit`]).
pub type Subscriber = fn(&Tx, &dyn Event) -> Result<()>;

impl Hooks {
    /// No subscriber and no setting (a database opened below the features: tests of the
    /// storage itself).
    pub const NONE: Hooks = Hooks {
        events: &[],
        settings: &[],
    };
}

/// Something a feature tells the others inside a write ([`Tx::emit`]): a letter registered.
/// Subscribers tell its type with `as_any().downcast_ref`.
pub trait Event: std::any::Any + std::fmt::Debug {
    fn as_any(&self) -> &dyn std::any::Any;
}

/// What `PRAGMA quick_check` said of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Sound,
    /// The first problem SQLite named; the file is never written.
    Damaged(String),
}

/// The transaction of one write: the connection, the acting user and the moment, which the
/// stores stamp every row with. Reads inside it see the write's own rows.
pub struct Tx<'c> {
    tx: Guard<'c>,
    actor: Actor,
    now: String,
    today: NaiveDate,
    /// Events emitted and not yet handed to the subscribers.
    events: std::cell::RefCell<std::collections::VecDeque<Box<dyn Event>>>,
    numbers: Option<Arc<dyn replica::NumberSource>>,
}

/// A write's own transaction, or its savepoint inside a batch ([`Db::all_or_nothing`]).
enum Guard<'c> {
    Tx(rusqlite::Transaction<'c>),
    Savepoint(rusqlite::Savepoint<'c>),
}

impl Guard<'_> {
    fn commit(self) -> rusqlite::Result<()> {
        match self {
            Guard::Tx(t) => t.commit(),
            Guard::Savepoint(s) => s.commit(),
        }
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match &self.tx {
            Guard::Tx(t) => t,
            Guard::Savepoint(s) => s,
        }
    }
}

/// What a read goes through: the database, or the transaction of a write under way (which
/// sees the write's own rows). Services read through it, so that another feature can call them
/// inside its write.
pub trait Reader {
    fn connection(&self) -> &Connection;
}

impl Reader for Db {
    fn connection(&self) -> &Connection {
        &self.conn
    }
}

impl Reader for Tx<'_> {
    fn connection(&self) -> &Connection {
        self
    }
}

impl Reader for Connection {
    fn connection(&self) -> &Connection {
        self
    }
}

impl Tx<'_> {
    /// The author written in `author_id`.
    pub fn author(&self) -> Option<Id> {
        self.actor.id
    }
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
    /// The stamp written in `created_at` / `updated_at` / `deleted_at`.
    pub fn now(&self) -> &str {
        &self.now
    }
    /// The local date of the write (registration dates, submission dates).
    pub fn today(&self) -> NaiveDate {
        self.today
    }
    /// Tells the subscribers of the database (other features) that `event` happened: they act
    /// on it inside this write, before it commits, and their failure undoes the whole write.
    pub fn emit(&self, event: impl Event) {
        self.events.borrow_mut().push_back(Box::new(event));
    }
    /// Hands every emitted event (and those the subscribers emit in turn) to the subscribers.
    fn deliver(&self, hooks: &Hooks) -> Result<()> {
        loop {
            let next = self.events.borrow_mut().pop_front();
            let Some(event) = next else {
                return Ok(());
            };
            for subscriber in hooks.events {
                subscriber(self, event.as_ref())?;
            }
        }
    }
}

impl Db {
    /// Opens the database at `path` with a passphrase (`None`: a plain database), creating it
    /// when `create` (a new file is then encrypted with the passphrase), with the features'
    /// `hooks`. A wrong passphrase is [`StorageError::WrongPassphrase`], a missing one on an
    /// encrypted file [`StorageError::Encrypted`]; neither changes anything in the file.
    /// Programs open through `Db::open`, `Db::open_existing` and `Db::open_keyed`
    /// (`crate::wiring`), which hand the hooks of every feature.
    pub fn open_hooked(
        path: &Path,
        key: Option<cipher::Passphrase>,
        create: bool,
        hooks: &'static Hooks,
    ) -> Result<Db> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        if create {
            if let Some(dir) = path.parent()
                && !dir.as_os_str().is_empty()
            {
                crate::files::private_dir(dir)?;
            }
            // A new database its owner's only (SQLite gives its -wal and -shm the same mode).
            if !path.exists() {
                drop(crate::files::private_file(path)?);
            }
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        } else if !path.exists() {
            return Err(StorageError::Missing(path.to_path_buf()));
        } else if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
            return Err(StorageError::EmptyFile(path.to_path_buf()));
        }
        // A plain file keeps no passphrase (VIPDESK_PASSPHRASE set for another database): its
        // copies and restores are plain too.
        let key = key.filter(|_| create && !path.exists() || !cipher::is_plain(path));
        let mut db = Db {
            conn: cipher::open(path, flags, key.as_ref())?,
            path: Some(path.to_path_buf()),
            clock: Arc::new(SystemClock),
            health: Arc::new(Mutex::new(None)),
            batch: false,
            key,
            hooks,
            numbers: None,
        };
        crate::files::protect(path, &backups_dir(path));
        // What a killed encryption or restore left beside the file.
        crate::files::remove_dead_temporaries(path);
        db.prepare()?;
        Ok(db)
    }

    /// A fresh database in memory with the features' `hooks` (tests and benches use
    /// `Db::open_in_memory`, which hands them).
    pub fn in_memory_hooked(hooks: &'static Hooks) -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: None,
            clock: Arc::new(SystemClock),
            health: Arc::new(Mutex::new(Some(Health::Sound))),
            batch: false,
            key: None,
            hooks,
            numbers: None,
        };
        db.prepare()?;
        Ok(db)
    }

    /// Looks before it changes anything: a file that is not a database, a newer schema or
    /// another program's database is refused as it is; then the pragmas (WAL), and an older
    /// schema is migrated only once the file passed the integrity check and was backed up.
    fn prepare(&mut self) -> Result<()> {
        let version = schema_version(&self.conn)?;
        let latest = schema::latest_version();
        if version > latest {
            return Err(StorageError::TooNew {
                found: version,
                known: latest,
            });
        }
        if version == 0 {
            let tables: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                [],
                |r| r.get(0),
            )?;
            if tables > 0 {
                return Err(StorageError::Foreign);
            }
            // A new file has nothing to check.
            *self.health_lock() = Some(Health::Sound);
        }
        // Another program's file that happens to carry a schema number: refused as it is,
        // before it is switched to WAL or copied into a backups folder of ours.
        if version > 0 && !schema::is_ours(&self.conn)? {
            return Err(StorageError::Foreign);
        }
        if version > 0
            && version < latest
            && let Some(path) = &self.path
        {
            self.ensure_sound()?;
            let taken = self.clock.local();
            let target = backup::target(path, taken, backup::Kind::Migration(version));
            backup::make(&self.conn, &target, self.key.as_ref())
                .map_err(|e| StorageError::NoBackup(Box::new(e)))?;
            log::info!("backed the database up before migrating from schema {version}");
        }
        set_pragmas(&self.conn)?;
        schema::migrations().to_latest(&mut self.conn)?;
        journal::install(&self.conn)?;
        // A migrated (or new) database: the rows as the migrations left them.
        if version < latest {
            journal_proof::store_digest(&self.conn)?;
        }
        Ok(())
    }

    fn health_lock(&self) -> std::sync::MutexGuard<'_, Option<Health>> {
        self.health.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The verdict of the integrity check, once it has been made (`None` while it runs).
    pub fn health(&self) -> Option<Health> {
        match self.health.try_lock() {
            Ok(h) => h.clone(),
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().clone(),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    /// Runs the integrity check on a connection of its own in the background (the GUI starts
    /// at once; 0.4 s on 5,000 clients warm, seconds cold). A write made before it ends waits
    /// for it.
    pub fn check_in_background(&self) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let health = Arc::clone(&self.health);
        let key = self.key.clone();
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut slot = health.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = started_tx.send(());
            if slot.is_some() {
                return;
            }
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI;
            match cipher::open(&path, flags, key.as_ref()) {
                Ok(conn) => match quick_check(&conn) {
                    Ok(v) => *slot = Some(v),
                    Err(e) => log::warn!("integrity check failed to run: {e}"),
                },
                Err(e) => log::warn!("integrity check could not open the file: {e}"),
            }
        });
        // The check holds the verdict's lock before the first frame can write.
        let _ = started_rx.recv();
    }

    /// Refuses to go on when the file is damaged, checking it first if nobody has yet (or
    /// waiting for the check running in the background).
    pub fn ensure_sound(&self) -> Result<()> {
        let mut slot = self.health_lock();
        let health = match &*slot {
            Some(h) => h.clone(),
            None => {
                let verdict = quick_check(&self.conn)?;
                *slot = Some(verdict.clone());
                verdict
            }
        };
        match health {
            Health::Sound => Ok(()),
            Health::Damaged(first) => Err(StorageError::Damaged(first)),
        }
    }

    /// A verified copy of the database at `target` (see [`backup::make`]).
    pub fn backup_to(&self, target: &Path) -> Result<backup::Snapshot> {
        backup::make(&self.conn, target, self.key.as_ref())
    }

    /// The settings that do not read, each with its key and field (none: every setting
    /// reads, or was never saved).
    pub fn unreadable_settings(&self) -> Result<Vec<settings::Unreadable>> {
        let mut out = Vec::new();
        for known in self.hooks.settings {
            match (known.read)(&self.conn) {
                Ok(()) => {}
                Err(StorageError::Setting(u)) => out.push(u),
                // A code this version does not know, in a setting: the setting does not read.
                Err(StorageError::UnknownCode(c)) => out.push(settings::Unreadable {
                    key: known.key,
                    field: String::new(),
                    detail: c.to_string(),
                }),
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// The hooks the database was opened with (a connection opened beside it takes them).
    pub fn hooks(&self) -> &'static Hooks {
        self.hooks
    }

    /// The passphrase the database was opened with (its copies use it too).
    pub fn key(&self) -> Option<&cipher::Passphrase> {
        self.key.as_ref()
    }

    /// Replaces the database's content with a copy, written in through SQLite's backup API; an
    /// older copy is then upgraded. Checking the copy first ([`backup::inspect`]) and keeping the
    /// replaced data aside are the caller's part.
    pub fn restore_from(&mut self, copy: &Path) -> Result<()> {
        backup::restore_into(&mut self.conn, copy, self.key.as_ref())?;
        *self.health_lock() = Some(Health::Sound);
        set_pragmas(&self.conn)?;
        schema::migrations().to_latest(&mut self.conn)?;
        journal::install(&self.conn)?;
        Ok(())
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A stamp that changes whenever the data may have: a write of this connection, or a
    /// commit of another (SQLite's `data_version`). Equal stamps: nothing to read again.
    pub fn change_stamp(&self) -> (i64, u64) {
        let other: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .unwrap_or(-1);
        (other, self.conn.total_changes())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Where registration numbers come from while the server is reachable (a workstation of
    /// the department; without it, or when it has none, from the blocks leased ahead).
    pub fn set_numbers(&mut self, numbers: Arc<dyn replica::NumberSource>) {
        self.numbers = Some(numbers);
    }

    /// Every write from now on is stamped with this clock.
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    /// The local date by the database's clock.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The one write path: runs `f` in one immediate transaction (other writers wait) stamped
    /// with `actor` and the clock. Either everything `f` wrote is kept, or nothing. The audit
    /// trail and the sync outbox attach here.
    pub fn write<T, E: From<StorageError>>(
        &mut self,
        actor: &Actor,
        f: impl FnOnce(&Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.ensure_sound()?;
        let now = clock::stamp(self.clock.utc());
        let today = self.clock.today();
        let tx = if self.batch {
            Guard::Savepoint(self.conn.savepoint().map_err(StorageError::from)?)
        } else {
            Guard::Tx(
                self.conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(StorageError::from)?,
            )
        };
        let w = Tx {
            tx,
            actor: *actor,
            now,
            today,
            events: Default::default(),
            numbers: self.numbers.clone(),
        };
        let out = f(&w)?;
        w.deliver(self.hooks)?;
        journal::flush(&w)?;
        w.tx.commit().map_err(StorageError::from)?;
        Ok(out)
    }

    /// Runs a bulk load (demo data) as one transaction whose rows are not journalled one by
    /// one: the caller journals it as one entry ([`journal::Action::Bulk`]).
    pub fn quietly<T, E: From<StorageError>>(
        &mut self,
        f: impl FnOnce(&mut Db) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.all_or_nothing(|db| {
            journal::set_quiet(&db.conn, true)?;
            let out = f(db);
            journal::set_quiet(&db.conn, false)?;
            // The rows loaded without notes are taken into the digest as they are.
            journal_proof::store_digest(&db.conn)?;
            out
        })
    }

    /// Runs many writes as one: either every write `f` makes is kept, or none (a failure, a
    /// kill, a full disk). Each write inside is a savepoint of the one transaction; other
    /// writers wait until it ends.
    pub fn all_or_nothing<T, E: From<StorageError>>(
        &mut self,
        f: impl FnOnce(&mut Db) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.batch {
            return f(self);
        }
        self.ensure_sound()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StorageError::from)?;
        self.batch = true;
        let out = f(self);
        self.batch = false;
        match out {
            Ok(v) => {
                if let Err(e) = self.conn.execute_batch("COMMIT") {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    return Err(StorageError::from(e).into());
                }
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

/// The pragmas every connection needs; set on open, never inside migrations.
pub fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // WAL does not apply to an in-memory database; SQLite answers «memory» there.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // 64 MB of pages kept in memory (SQLite's default is 2 MB): an encrypted page read from
    // the cache is not decrypted again, and lists of thousands of clients stay fast.
    conn.pragma_update(None, "cache_size", -65_536)?;
    // What is deleted is overwritten, not left in free pages: a client given to another
    // manager leaves nothing of its personal data in this workstation's file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    // The journal's notes of a write (`temp.pending`) live and die in memory.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // The sync writes rows of some thirty tables with statements made per table and columns.
    conn.set_prepared_statement_cache_capacity(256);
    Ok(())
}

/// `PRAGMA quick_check`: the first problem, or sound. A file too broken to be read at all is
/// damaged too; any other failure (busy, out of memory) is an error, the question stays open.
fn quick_check(conn: &Connection) -> Result<Health> {
    let started = std::time::Instant::now();
    let first: rusqlite::Result<String> = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0));
    log::info!("quick_check took {:?}", started.elapsed());
    match first {
        Ok(s) if s == "ok" => Ok(Health::Sound),
        Ok(s) => Ok(Health::Damaged(s)),
        Err(rusqlite::Error::SqliteFailure(e, detail))
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
            ) =>
        {
            Ok(Health::Damaged(detail.unwrap_or_else(|| e.to_string())))
        }
        Err(e) => Err(e.into()),
    }
}

pub fn schema_version(conn: &Connection) -> Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

/// The folder of a database's backups: beside it, `NAME-backups`.
pub fn backups_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push("-backups");
    db.with_file_name(name)
}

/// The default database file: `<data dir>/vipdesk/vipdesk.db`, overridden by `VIPDESK_DB`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("VIPDESK_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    user_data_dir()
        .map(|d| d.join("vipdesk.db"))
        .unwrap_or_else(|| PathBuf::from("vipdesk.db"))
}

/// The user's folder of the program's data: `%APPDATA%\Orelenergosbyt\vipdesk\data` on
/// Windows, `~/.local/share/vipdesk` on Linux.
pub fn user_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("ru", "Orelenergosbyt", "vipdesk").map(|d| d.data_dir().into())
}

/// Where the window keeps its size and the preferences: beside the default database (on
/// Linux where eframe would keep them anyway; on Windows not in a folder of its own).
pub fn window_prefs_path() -> Option<PathBuf> {
    user_data_dir().map(|d| d.join("app.ron"))
}

/// A date as stored (`YYYY-MM-DD`).
pub fn date_to_sql(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// A stored date (`YYYY-MM-DD`) as a date.
pub fn date_from_sql(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// A stored code as its enum; an unknown code is an error ([`StorageError::UnknownCode`]).
pub fn code<T: Code>(r: &Row, idx: usize) -> rusqlite::Result<T> {
    let s = r.get_ref(idx)?.as_str()?;
    T::parse_code(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A nullable stored code.
pub fn opt_code<T: Code>(r: &Row, idx: usize) -> rusqlite::Result<Option<T>> {
    match r.get_ref(idx)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => code(r, idx).map(Some),
    }
}

/// Runs a query with one id parameter and maps every row.
pub fn rows<T>(
    conn: &Connection,
    sql: &str,
    id: Id,
    f: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut st = conn.prepare_cached(sql)?;
    let out = st
        .query_map([id], f)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Maps «no rows» to [`StorageError::NotFound`].
pub fn found<T>(r: rusqlite::Result<T>, id: Id) -> Result<T> {
    r.map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => StorageError::NotFound(id),
        e => e.into(),
    })
}

/// The status code of a live row of `table` (a letter, a report), as its enum.
pub fn status_of<T: Code>(conn: &Connection, table: &str, id: Id) -> Result<T> {
    use rusqlite::OptionalExtension as _;
    conn.query_row(
        &format!("SELECT status FROM {table} WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        |r| code(r, 0),
    )
    .optional()?
    .ok_or(StorageError::NotFound(id))
}

/// Moves a row to the trash (soft delete); `NotFound` when it is not there or already deleted.
pub fn soft_delete(w: &Tx, table: &str, id: Id) -> Result<()> {
    let n = w.execute(
        &format!(
            "UPDATE {table} SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
             WHERE id = ?1 AND deleted_at IS NULL"
        ),
        rusqlite::params![id, w.now(), w.author()],
    )?;
    if n == 0 {
        return Err(StorageError::NotFound(id));
    }
    Ok(())
}
