//! SQLite storage: opening (pragmas, migrations, a backup before migrating), the one write path
//! and the helpers every store uses. The SQL of each aggregate lives in its feature's
//! `store.rs`; nothing else runs SQL.

pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, TransactionBehavior};

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

impl StorageError {
    /// Whether a UNIQUE constraint (or index) refused the write.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            StorageError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
        )
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// The open database: one synchronous connection and the clock every write is stamped with.
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
    clock: Arc<dyn Clock>,
}

/// The transaction of one write: the connection, the acting user and the moment, which the
/// stores stamp every row with. Reads inside it see the write's own rows.
pub struct Tx<'c> {
    tx: rusqlite::Transaction<'c>,
    actor: Actor,
    now: String,
    today: NaiveDate,
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
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
}

impl Db {
    /// Opens (creating if needed) the database at `path`, sets the pragmas and migrates it to the
    /// latest schema, backing the file up first when an older schema is upgraded.
    pub fn open(path: &Path) -> Result<Db> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)?;
        }
        let mut db = Db {
            conn: Connection::open(path)?,
            path: Some(path.to_path_buf()),
            clock: Arc::new(SystemClock),
        };
        crate::files::protect(path, &backups_dir(path));
        db.prepare()?;
        Ok(db)
    }

    /// A fresh database in memory (tests, benches).
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: None,
            clock: Arc::new(SystemClock),
        };
        db.prepare()?;
        Ok(db)
    }

    fn prepare(&mut self) -> Result<()> {
        set_pragmas(&self.conn)?;
        let version = schema_version(&self.conn)?;
        let latest = schema::latest_version();
        if version > latest {
            return Err(StorageError::TooNew {
                found: version,
                known: latest,
            });
        }
        if version > 0
            && version < latest
            && let Some(path) = &self.path
        {
            let backup = backup_path(path, version);
            if !backup.exists() {
                self.conn
                    .execute("VACUUM INTO ?1", [backup.to_string_lossy().as_ref()])?;
                log::info!("backed the database up before migrating from schema {version}");
            }
        }
        schema::migrations().to_latest(&mut self.conn)?;
        Ok(())
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
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
        let now = clock::stamp(self.clock.utc());
        let today = self.clock.today();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StorageError::from)?;
        let w = Tx {
            tx,
            actor: *actor,
            now,
            today,
        };
        let out = f(&w)?;
        w.tx.commit().map_err(StorageError::from)?;
        Ok(out)
    }
}

/// The pragmas every connection needs; set on open, never inside migrations.
pub fn set_pragmas(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // WAL does not apply to an in-memory database; SQLite answers «memory» there.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
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

fn backup_path(path: &Path, version: usize) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".schema{version}.bak"));
    path.with_file_name(name)
}

/// The default database file: `<data dir>/vipdesk/vipdesk.db`, overridden by `VIPDESK_DB`.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("VIPDESK_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("ru", "Orelenergosbyt", "vipdesk")
        .map(|d| d.data_dir().join("vipdesk.db"))
        .unwrap_or_else(|| PathBuf::from("vipdesk.db"))
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
