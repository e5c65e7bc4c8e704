//! Copies of the database. A copy is made with SQLite's online backup API into a temporary file
//! in the target's folder, verified — integrity check, schema version, and the record counts
//! against the source's at the same moment — and only then renamed into place: a copy that
//! failed, ran out of disk or was killed leaves no file that looks like a backup.
//!
//! Copies live in the folder beside the database (`NAME-backups`), named
//! `STEM-YYYY-MM-DD-HHMMSS-KIND.db` by the local time they were taken.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDateTime, Timelike as _};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::cipher::{self, Passphrase};
use super::{Result, StorageError, backups_dir, schema_version};
use crate::files;

/// Why a copy was taken; the last part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// At start (once a day) and at exit; thinned by the policy.
    Auto,
    /// «Создать копию», `vipdesk backup`.
    Manual,
    /// Before the schema was upgraded from this version.
    Migration(usize),
    /// The database as it was before a restore replaced it.
    Restore,
    /// A damaged file moved aside by a restore, as it was (not verified).
    Damaged,
}

impl Kind {
    fn code(self) -> String {
        match self {
            Kind::Auto => "auto".into(),
            Kind::Manual => "manual".into(),
            Kind::Migration(v) => format!("schema{v}"),
            Kind::Restore => "restore".into(),
            Kind::Damaged => "damaged".into(),
        }
    }

    fn parse(code: &str) -> Option<Kind> {
        Some(match code {
            "auto" => Kind::Auto,
            "manual" => Kind::Manual,
            "restore" => Kind::Restore,
            "damaged" => Kind::Damaged,
            _ => Kind::Migration(code.strip_prefix("schema")?.parse().ok()?),
        })
    }
}

/// The records of a database, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub managers: u64,
    pub clients: u64,
    pub people: u64,
    pub letters: u64,
    pub reports: u64,
}

/// What a verified copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub schema: usize,
    pub counts: Counts,
}

/// A copy found in the backups folder.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// Local time it was taken (from its name).
    pub taken: NaiveDateTime,
    pub kind: Kind,
    pub size: u64,
}

const STAMP: &str = "%Y-%m-%d-%H%M%S";

fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Where a copy of `db` taken at `taken` goes: the backups folder, a name not yet used.
pub fn target(db: &Path, taken: NaiveDateTime, kind: Kind) -> PathBuf {
    let dir = backups_dir(db);
    let base = format!(
        "{}-{}-{}",
        stem(db),
        taken.with_nanosecond(0).unwrap_or(taken).format(STAMP),
        kind.code()
    );
    let mut path = dir.join(format!("{base}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    path
}

/// Reads a copy's name: when it was taken and why.
fn parse_name(stem: &str, name: &str) -> Option<(NaiveDateTime, Kind)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(".db")?;
    // 2026-11-25-173000 is 17 characters.
    let (stamp, tail) = (rest.get(..17)?, rest.get(17..)?);
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    let code = tail.strip_prefix('-')?;
    // A second copy in the same second: `-auto-2`.
    let code = match code.rsplit_once('-') {
        Some((c, n)) if n.chars().all(|c| c.is_ascii_digit()) => c,
        _ => code,
    };
    Some((taken, Kind::parse(code)?))
}

/// The copies of `db`, newest first. Temporary files and foreign names are not copies.
pub fn list(db: &Path) -> Result<Vec<BackupFile>> {
    let dir = backups_dir(db);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let stem = stem(db);
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken, kind)) = parse_name(&stem, &name) else {
            continue;
        };
        let meta = entry.metadata()?;
        if !meta.is_file() {
            continue;
        }
        out.push(BackupFile {
            path: entry.path(),
            taken,
            kind,
            size: meta.len(),
        });
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Counts the records a copy is checked by.
pub fn counts(conn: &Connection) -> Result<Counts> {
    // An old schema may lack a table: it holds none of those records.
    let n = |table: &str| -> Result<u64> {
        let exists: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(0);
        }
        let v: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(u64::try_from(v).unwrap_or(0))
    };
    Ok(Counts {
        managers: n("managers")?,
        clients: n("clients")?,
        people: n("people")?,
        letters: n("letters")?,
        reports: n("meetings")?,
    })
}

/// What a copy holds, read without checking it whole (for listing).
pub fn summary(path: &Path, key: Option<&Passphrase>) -> Result<Snapshot> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = cipher::open(path, flags, key)?;
    let schema = schema_version(&conn)?;
    let counts = if schema == 0 {
        Counts::default()
    } else {
        counts(&conn)?
    };
    Ok(Snapshot { schema, counts })
}

/// Opens a copy read-only and checks it whole: SQLite's integrity check, its schema (not newer
/// than this program's), its counts. A file that is not a database is an error too.
pub fn inspect(path: &Path, key: Option<&Passphrase>) -> Result<Snapshot> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = cipher::open(path, flags, key)?;
    let schema = schema_version(&conn)?;
    // Every vipdesk database has a schema version: a file without one is another program's.
    if schema == 0 {
        return Err(StorageError::Foreign);
    }
    let latest = super::schema::latest_version();
    if schema > latest {
        return Err(StorageError::TooNew {
            found: schema,
            known: latest,
        });
    }
    let first: String = conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    if first != "ok" {
        return Err(StorageError::Damaged(first));
    }
    let counts = if schema == 0 {
        Counts::default()
    } else {
        counts(&conn)?
    };
    Ok(Snapshot { schema, counts })
}

/// Copies the database open on `src` to `target`: a temporary file beside it, the copy,
/// verified against the source's counts read in the same transaction, then renamed.
/// A copy of an encrypted database is encrypted with the same passphrase (`key`).
pub fn make(src: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<Snapshot> {
    if let Some(dir) = target.parent()
        && !dir.as_os_str().is_empty()
    {
        files::private_dir(dir)?;
        remove_stale_temporaries(dir);
    }
    let tmp = files::temp_beside(target);
    let made = copy_verified(src, &tmp, key);
    let placed = made.and_then(|snapshot| {
        files::install(&tmp, target)?;
        Ok(snapshot)
    });
    if placed.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let mut journal = tmp.clone().into_os_string();
        journal.push("-journal");
        let _ = std::fs::remove_file(journal);
    }
    placed
}

fn copy_verified(src: &Connection, tmp: &Path, key: Option<&Passphrase>) -> Result<Snapshot> {
    // One read transaction: the counts and the copy see the same moment, whatever another
    // instance writes meanwhile.
    let read = src.unchecked_transaction()?;
    let source = Snapshot {
        schema: schema_version(&read)?,
        counts: counts(&read)?,
    };
    {
        let mut dst = Connection::open(tmp)?;
        cipher::key_new(&dst, key)?;
        {
            let backup = Backup::new(&read, &mut dst)?;
            let mut waits = 0;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::Busy | StepResult::Locked if waits < 50 => {
                        waits += 1;
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    StepResult::Busy | StepResult::Locked => {
                        return Err(StorageError::Sqlite(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            None,
                        )));
                    }
                    _ => {}
                }
            }
        }
        // A copy is one self-contained file: no WAL beside it.
        let _mode: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        dst.close().map_err(|(_, e)| e)?;
    }
    drop(read);
    let copy = inspect(tmp, key)?;
    if copy != source {
        log::error!("backup verification: {copy:?} differs from {source:?}");
        return Err(StorageError::BackupDiffers);
    }
    Ok(copy)
}

/// Temporary files of copies killed halfway (older than an hour: a copy being made by another
/// instance right now is left alone).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with('.') && (name.ends_with(".tmp") || name.ends_with(".tmp-journal"))) {
            continue;
        }
        // Left by a process killed in the middle of a copy: gone at once, not in an hour.
        if files::older_than(&entry, Duration::from_secs(3600)) || files::temp_owner_gone(&name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces the content of the database open on `dst` with the copy at `src` through the
/// backup API, under SQLite's locks (another instance sees the restored data, never half of
/// it). The copy must have been inspected.
pub fn restore_into(dst: &mut Connection, src: &Path, key: Option<&Passphrase>) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let src = cipher::open(src, flags, key)?;
    let backup = Backup::new(&src, dst)?;
    let mut waits = 0;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if waits < 50 => {
                waits += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(StorageError::Sqlite(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                )));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        let db = Path::new("/x/vipdesk.db");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .and_then(|d| d.and_hms_opt(17, 30, 5))
            .expect("time");
        for kind in [
            Kind::Auto,
            Kind::Manual,
            Kind::Migration(4),
            Kind::Restore,
            Kind::Damaged,
        ] {
            let p = target(db, at, kind);
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            assert_eq!(parse_name("vipdesk", &name), Some((at, kind)), "{name}");
        }
        assert_eq!(
            parse_name("vipdesk", "vipdesk-2026-11-25-173005-auto-3.db"),
            Some((at, Kind::Auto))
        );
        assert_eq!(parse_name("vipdesk", ".vipdesk-2026.tmp"), None);
        assert_eq!(
            parse_name("vipdesk", "vipdesk-2026-11-25-173005-what.db"),
            None
        );
        assert_eq!(
            parse_name("other", "vipdesk-2026-11-25-173005-auto.db"),
            None
        );
    }
}
