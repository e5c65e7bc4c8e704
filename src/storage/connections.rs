//! More connections to the file of a database: another read-write one for work on another
//! thread (the copy at start, the mail merge), a read-only one for long reads off the UI thread.

use std::path::PathBuf;
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
        })
    }
}
