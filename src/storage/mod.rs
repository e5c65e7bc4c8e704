//! SQLite storage: opening (pragmas, migrations, a backup before migrating) and one module per
//! aggregate with its queries. Every write is one transaction.

mod catalogs;
mod clients;
mod dossier;
mod letters;
mod managers;
mod meetings;
pub mod schema;
mod trash;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;

pub use catalogs::*;
pub use clients::*;
pub use dossier::*;
pub use letters::*;
pub use managers::*;
pub use meetings::*;
pub use trash::*;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("ошибка базы данных: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("ошибка обновления схемы базы данных: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("ошибка файла базы данных: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "письмо id {0} зарегистрировано: его текст изменить нельзя, создайте исправленную версию"
    )]
    Frozen(i64),
    #[error("нельзя перевести письмо из состояния «{0}» в «{1}»")]
    BadTransition(&'static str, &'static str),
    #[error("{0}")]
    Other(String),
    #[error("запись не найдена (id {0})")]
    NotFound(i64),
    #[error(
        "база данных создана более новой версией программы (схема {found}, эта программа знает {known})"
    )]
    TooNew { found: usize, known: usize },
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// The open database. One synchronous connection serves the desktop app.
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
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
        let conn = Connection::open(path)?;
        let mut db = Db {
            conn,
            path: Some(path.to_path_buf()),
        };
        db.prepare()?;
        Ok(db)
    }

    /// A fresh database in memory (tests, benches).
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: None,
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

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one transaction: either everything it wrote is kept, or nothing.
    pub fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
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

/// The time stamp written in `created_at` / `updated_at` / `deleted_at`.
pub fn now_stamp() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

pub(crate) fn date_to_sql(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// A stored date (`YYYY-MM-DD`) as a date.
pub fn date_from_sql(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}
