//! Encryption at rest with SQLCipher (AES-256, a key derived from the passphrase by
//! PBKDF2-HMAC-SHA512): opening with a passphrase, telling an encrypted file from a plain one,
//! and converting a database — with its backups — both ways.
//!
//! A wrong passphrase is found on the first read, before anything is written. A conversion
//! writes a new file beside the database (`sqlcipher_export`), checks it (integrity, schema,
//! record counts against the source's), and only then renames it over the database; the
//! database must not be open anywhere else meanwhile (switching it out of WAL proves that).

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::backup::{self, Snapshot};
use super::{Result, StorageError, schema_version};
use crate::files;

/// The environment variable that gives the passphrase to the window and to every command.
pub const PASSPHRASE_ENV: &str = "VIPDESK_PASSPHRASE";

/// A database passphrase. Its `Debug` does not show it, so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// A passphrase, refusing an empty one (an empty key means «not encrypted» to SQLCipher).
    pub fn new(s: &str) -> Option<Passphrase> {
        (!s.is_empty()).then(|| Passphrase(s.to_string()))
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// The shortest passphrase accepted for a new encryption.
pub const MIN_LEN: usize = 8;

/// Refuses a new passphrase shorter than [`MIN_LEN`] characters.
pub fn check_strength(p: &Passphrase) -> Result<()> {
    if p.0.chars().count() < MIN_LEN {
        return Err(StorageError::WeakPassphrase(MIN_LEN));
    }
    Ok(())
}

/// The first bytes of every plain SQLite file. An encrypted file starts with random salt.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` is a plain SQLite file (its header says so).
pub fn is_plain(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == PLAIN_HEADER)
}

/// The copies taken beside the database at `path` before a migration (`NAME.schemaN.bak`).
fn schema_copies(path: &Path) -> Vec<PathBuf> {
    let name = files::file_name(path);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = files::file_name(p);
            n.starts_with(&format!("{name}.schema")) && n.ends_with(".bak")
        })
        .collect()
}

/// Whether the file at `path` looks like an encrypted database: not a plain SQLite file, whole
/// pages long, and its first page as random as ciphertext is (a text or a damaged file is not).
/// Only the passphrase can tell for sure.
pub fn is_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let Ok(len) = std::fs::metadata(path).map(|m| m.len()) else {
        return false;
    };
    if len < 1024 || len % 512 != 0 {
        return false;
    }
    let mut page = vec![0u8; 4096.min(len as usize)];
    if std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut page))
        .is_err()
        || page.starts_with(PLAIN_HEADER)
    {
        return false;
    }
    let mut seen = [false; 256];
    for b in &page {
        seen[usize::from(*b)] = true;
    }
    seen.iter().filter(|s| **s).count() >= 200
}

/// Opens a connection with `key` (none: a plain database) and reads from it, so that a wrong
/// or missing passphrase is an error here ([`StorageError::WrongPassphrase`],
/// [`StorageError::Encrypted`]) and not at some later read.
pub fn open(path: &Path, flags: OpenFlags, key: Option<&Passphrase>) -> Result<Connection> {
    open_uri(path, &path.to_string_lossy(), flags, key)
}

/// Opens the database at `path` by `name` (the path itself, or a `file:` URI of it).
pub fn open_uri(
    path: &Path,
    name: &str,
    flags: OpenFlags,
    key: Option<&Passphrase>,
) -> Result<Connection> {
    // A plain file opens as it is, with a passphrase given or not (VIPDESK_PASSPHRASE set for
    // another database, a copy made before the encryption).
    let key = key.filter(|_| !is_plain(path));
    let conn = Connection::open_with_flags(name, flags)?;
    if let Some(key) = key {
        conn.pragma_update(None, "key", &key.0)?;
        silence(&conn)?;
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(match key {
                Some(_) => StorageError::WrongPassphrase,
                None if is_encrypted(path) => StorageError::Encrypted,
                None => e.into(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// SQLCipher writes its own messages to stderr (a wrong passphrase: «hmac check failed»); the
/// program says what happened itself, once, in Russian. SQLCipher sets its default level when
/// a key first activates it, so this runs after the key; the level then stays for the process.
fn silence(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare("PRAGMA cipher_log_level = NONE")?;
    let mut rows = st.query([])?;
    while rows.next()?.is_some() {}
    Ok(())
}

/// Sets the key of a connection just opened on a new, empty file (a backup being written).
pub fn key_new(conn: &Connection, key: Option<&Passphrase>) -> Result<()> {
    if let Some(key) = key {
        conn.pragma_update(None, "key", &key.0)?;
        silence(conn)?;
    }
    Ok(())
}

/// Rewrites the database at `path` from the passphrase `from` to `to` (`None`: plain) and does
/// the same to every copy in its backups folder, so that no plain copy of an encrypted
/// database is left beside it.
///
/// The database is held for the whole run: it must be open nowhere else at the start (leaving
/// WAL proves it), and its lock, kept from then on, refuses any instance that comes meanwhile,
/// so no write can land in a file about to be replaced. The copies are converted first and
/// the database last: a run stopped halfway leaves the database under the old passphrase, and
/// running it again finishes the copies (one already under the new passphrase is counted as
/// done).
pub fn convert(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
) -> Result<Converted> {
    if !path.exists() {
        return Err(StorageError::Missing(path.to_path_buf()));
    }
    let src = hold(path, from)?;
    remove_temporaries(path);
    let mut copies = 0;
    let mut copies_left = 0;
    let mut plain_left = Vec::new();
    // The copies in the backups folder, and those taken beside the database before a migration
    // (`NAME.schemaN.bak`).
    let mut all: Vec<PathBuf> = backup::list(path)?.into_iter().map(|c| c.path).collect();
    all.extend(schema_copies(path));
    // Any other file in the backups folder (a copy renamed by hand, a damaged one).
    for other in std::fs::read_dir(super::backups_dir(path))
        .into_iter()
        .flatten()
        .flatten()
    {
        let p = other.path();
        let n = files::file_name(&p);
        let side = ["-wal", "-shm", "-journal", ".tmp"]
            .iter()
            .any(|s| n.ends_with(s));
        if p.is_file() && !side && !all.contains(&p) {
            all.push(p);
        }
    }
    for copy_path in all {
        remove_temporaries(&copy_path);
        // A copy under neither passphrase (made before an earlier change) is left as it is;
        // it is still listed, and restorable with its own passphrase.
        let converted = [from, to, None].into_iter().find_map(|key| {
            open(&copy_path, OpenFlags::SQLITE_OPEN_READ_ONLY, key)
                .ok()
                .map(|_| key)
        });
        match converted {
            Some(key) if key == to => copies += 1,
            Some(key) => match hold(&copy_path, key).and_then(|c| export(c, &copy_path, to)) {
                Ok(_) => copies += 1,
                Err(e) => {
                    copies_left += 1;
                    log::warn!("backup {} not converted: {e}", files::file_name(&copy_path));
                }
            },
            None => copies_left += 1,
        }
        // Encrypting, a copy left that is not ciphertext (plain, or damaged plain) is personal
        // data in the clear: the caller says so.
        if to.is_some() && !is_encrypted(&copy_path) {
            plain_left.push(copy_path.clone());
        }
    }
    let snapshot = export(src, path, to)?;
    Ok(Converted {
        snapshot,
        copies,
        copies_left,
        plain_left,
    })
}

/// What a conversion did: the database's content, and how many of its copies were converted
/// and left as they were.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub snapshot: Snapshot,
    pub copies: usize,
    pub copies_left: usize,
    /// Copies left as they were that are plain SQLite files (damaged, or under no passphrase
    /// that opens them): after encrypting, personal data in the clear.
    pub plain_left: Vec<PathBuf>,
}

/// Whether the database at `path` is open nowhere else (no other program, no merge, no window):
/// [`StorageError::InUse`] when it is. What replaces the whole file (a restore) asks first.
pub fn ensure_alone(path: &Path, key: Option<&Passphrase>) -> Result<()> {
    hold(path, key).map(drop)
}

/// A connection that has the file to itself: out of WAL (which fails, busy, while another
/// connection has it open) and in exclusive locking mode, its lock taken by a first read and
/// kept until it is dropped.
fn hold(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    // CREATE is for the attached new file (an attached file takes the main one's flags); the
    // database itself exists.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let src = open(path, flags, key)?;
    src.busy_timeout(std::time::Duration::from_secs(2))?;
    let busy = |e: rusqlite::Error| {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) {
            StorageError::InUse
        } else {
            e.into()
        }
    };
    let mode: String = src
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(busy)?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(StorageError::InUse);
    }
    let _mode: String = src
        .query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| r.get(0))
        .map_err(busy)?;
    // In this mode the shared lock a read takes is kept: no other connection can write, or
    // switch the file to WAL, until this one is dropped.
    src.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(busy)?;
    Ok(src)
}

/// Temporary files of a conversion or a copy killed halfway, beside `path`.
fn remove_temporaries(path: &Path) {
    let Some(dir) = path.parent() else { return };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", files::file_name(path));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && (name.ends_with(".tmp") || name.ends_with(".tmp-journal")) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes what `src` holds to a new file under `to`, checks it, and renames it over `path`.
fn export(src: Connection, path: &Path, to: Option<&Passphrase>) -> Result<Snapshot> {
    let source = Snapshot {
        schema: schema_version(&src)?,
        counts: backup::counts(&src)?,
    };
    let tmp = files::temp_beside(path);
    let _ = std::fs::remove_file(&tmp);
    let written = (|| -> Result<()> {
        let key = to.map_or("", |k| k.0.as_str());
        src.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            (tmp.to_string_lossy().as_ref(), key),
        )?;
        silence(&src)?;
        src.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        src.pragma_update(Some("converted"), "user_version", source.schema as i64)?;
        src.execute("DETACH DATABASE converted", [])?;
        let check = open(&tmp, OpenFlags::SQLITE_OPEN_READ_ONLY, to)?;
        let first: String = check.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
        if first != "ok" {
            return Err(StorageError::Damaged(first));
        }
        let copy = Snapshot {
            schema: schema_version(&check)?,
            counts: backup::counts(&check)?,
        };
        if copy != source {
            return Err(StorageError::BackupDiffers);
        }
        Ok(())
    })();
    // The lock goes with the connection, just before the new file takes the old one's place
    // (Windows renames only over a file nobody has open).
    drop(src);
    match written.and_then(|()| Ok(files::install(&tmp, path)?)) {
        Ok(()) => Ok(source),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
