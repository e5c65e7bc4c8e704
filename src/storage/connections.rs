//! More connections to the file of a database: another read-write one for work on another
//! thread (the copy at start, the mail merge), a read-only one for long reads off the UI thread.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags};

use super::{Db, Result, StorageError, cipher, journal, set_pragmas};

impl Db {
    /// Another connection to the same file, sharing the clock and the integrity verdict (for
    /// work on another thread: the copy at start).
    pub fn reopen(&self) -> Result<Db> {
        self.sibling(OpenFlags::SQLITE_OPEN_READ_WRITE, |conn| {
            set_pragmas(conn)?;
            journal::install(conn)
        })
    }

    /// A read-only connection to the same file for reads off the UI thread: no journal's
    /// triggers (it writes nothing), the same clock and key.
    pub fn reader(&self) -> Result<Db> {
        self.sibling(OpenFlags::SQLITE_OPEN_READ_ONLY, |conn| {
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            conn.pragma_update(None, "cache_size", -65_536)?;
            Ok(())
        })
    }

    /// Opens the database at `path` only to read it, where it cannot be written: a folder or a
    /// file without the right to write, a full disk. It is taken as it is (SQLite's
    /// `immutable`: nothing else may be writing it, as nothing can), nothing is checked,
    /// migrated or journalled, and a write is refused. A database of an older schema is
    /// refused ([`StorageError::ReadOnlyOld`]): it must be upgraded first.
    pub fn open_for_reading_hooked(
        path: &Path,
        key: Option<cipher::Passphrase>,
        hooks: &'static super::Hooks,
    ) -> Result<Db> {
        if !path.exists() {
            return Err(StorageError::Missing(path.to_path_buf()));
        }
        let conn = Db::open_immutable(path, key.as_ref())?;
        let version = super::schema_version(&conn)?;
        if version == 0 || !super::schema::is_ours(&conn)? {
            return Err(StorageError::Foreign);
        }
        let latest = super::schema::latest_version();
        if version > latest {
            return Err(StorageError::TooNew {
                found: version,
                known: latest,
            });
        }
        if version < latest {
            return Err(StorageError::ReadOnlyOld);
        }
        Ok(Db {
            conn,
            path: Some(path.to_path_buf()),
            clock: Arc::new(crate::domain::clock::SystemClock),
            health: Arc::new(std::sync::Mutex::new(None)),
            batch: false,
            key,
            hooks,
            numbers: None,
        })
    }

    /// A database file (a copy in the backups folder, a database that cannot be written)
    /// opened to read it without writing a thing beside it: no `-shm` or `-wal`, even in WAL
    /// mode. Nothing else may be writing it meanwhile.
    pub fn open_immutable(path: &Path, key: Option<&cipher::Passphrase>) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        cipher::open_uri(path, &immutable_uri(path)?, flags, key)
    }

    /// A connection to this database's file opened with `mode`, set up by `setup`.
    fn sibling(&self, mode: OpenFlags, setup: impl Fn(&Connection) -> Result<()>) -> Result<Db> {
        let Some(path) = &self.path else {
            return Err(StorageError::Missing(PathBuf::new()));
        };
        let flags = mode | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = cipher::open(path, flags, self.key.as_ref())?;
        setup(&conn)?;
        Ok(Db {
            conn,
            path: Some(path.clone()),
            clock: Arc::clone(&self.clock),
            health: Arc::clone(&self.health),
            batch: false,
            key: self.key.clone(),
            hooks: self.hooks,
            numbers: self.numbers.clone(),
        })
    }
}

/// The URI SQLite opens `path` by without writing beside it: `file:/…?immutable=1`, the
/// characters a URI gives a meaning escaped (a Windows path as `file:/C:/…`).
fn immutable_uri(path: &Path) -> Result<String> {
    let whole = std::path::absolute(path)?;
    let text = whole.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_uri_escapes_what_a_uri_reads() {
        let uri = super::immutable_uri(std::path::Path::new("/tmp/a b/50%?#.db")).expect("uri");
        assert_eq!(uri, "file:/tmp/a b/50%25%3f%23.db?immutable=1");
    }
}
