//! Backups: taken at start (once a day) and at exit, on request, and before migrations and
//! restores; thinned by a policy (the last N daily, weekly and monthly automatic copies, as Anki
//! does); restored after the copy was checked whole, with the replaced data kept aside.
//!
//! The copies themselves (the backup API, the verification, the names) are the storage's: see
//! [`crate::storage::backup`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike as _, NaiveDate};

use super::service::AdminError;
use super::store;
use crate::domain::Actor;
use crate::domain::clock::Clock;
use crate::storage::backup::{self, BackupFile, Kind, Snapshot};
use crate::storage::cipher::Passphrase;
use crate::storage::{Db, Health, StorageError};

/// How many automatic copies are kept: the newest of each of the last `daily` days, `weekly`
/// ISO weeks and `monthly` months that have one. Copies made by hand, before a migration or a
/// restore are never thinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Policy {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

/// Limits of a policy's numbers (a year of days, ten years of months).
pub const POLICY_MAX: u32 = 366;

/// A copy as listed: its file and what it holds (`None` when it cannot be read).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub file: BackupFile,
    pub content: Option<Snapshot>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// What the restored database holds.
    pub snapshot: Snapshot,
    /// Where the replaced data was kept: a verified copy, or the damaged file moved as it was.
    pub aside: Option<PathBuf>,
}

pub fn policy(db: &Db) -> Result<Policy, StorageError> {
    store::backup_policy(db.conn())
}

/// The policy for its editor: as saved, or the defaults with the reason when what is saved
/// does not read.
pub fn policy_to_edit(db: &Db) -> Result<crate::storage::settings::Editable<Policy>, StorageError> {
    crate::storage::settings::get_to_edit::<Policy>(db.conn(), Policy::default)
}

pub fn save_policy(
    db: &mut Db,
    actor: &crate::domain::Actor,
    p: &Policy,
) -> Result<(), StorageError> {
    db.write(actor, |w| store::save_backup_policy(w, p))
}

/// The copies of the open database, newest first, with their counts.
pub fn list(db: &Db) -> Result<Vec<Entry>, StorageError> {
    db.path()
        .map_or(Ok(Vec::new()), |path| list_at(path, db.key()))
}

/// The copies of the database at `path` (which need not open).
pub fn list_at(path: &Path, key: Option<&Passphrase>) -> Result<Vec<Entry>, StorageError> {
    Ok(backup::list(path)?
        .into_iter()
        .map(|file| Entry {
            content: backup::summary(&file.path, key).ok(),
            file,
        })
        .collect())
}

/// A copy just made: where, what it holds, its size in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    pub path: PathBuf,
    pub snapshot: Snapshot,
    pub size: u64,
}

/// A copy made now into the backups folder (or to `out`), verified.
pub fn create(db: &Db, kind: Kind, out: Option<&Path>) -> Result<Made, AdminError> {
    let Some(path) = db.path() else {
        return Err(StorageError::Missing(PathBuf::new()).into());
    };
    let target = match out {
        Some(out) => {
            if crate::files::is_protected(out) {
                return Err(crate::files::FileError::Protected {
                    path: out.to_path_buf(),
                }
                .into());
            }
            out.to_path_buf()
        }
        None => backup::target(path, db.clock().local(), kind),
    };
    db.ensure_sound()?;
    let snapshot = db.backup_to(&target)?;
    log::info!("backup written ({} clients)", snapshot.counts.clients);
    let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    Ok(Made {
        path: target,
        snapshot,
        size,
    })
}

/// The automatic copies `policy` does not keep.
pub fn to_thin(files: &[BackupFile], policy: Policy) -> Vec<PathBuf> {
    let mut autos: Vec<&BackupFile> = files.iter().filter(|f| f.kind == Kind::Auto).collect();
    autos.sort_by_key(|f| std::cmp::Reverse(f.taken));
    let mut keep: HashSet<&Path> = HashSet::new();
    let mut bucket = |n: u32, key: &dyn Fn(NaiveDate) -> (i32, u32)| {
        let mut seen = Vec::new();
        for f in &autos {
            let k = key(f.taken.date());
            if seen.contains(&k) {
                continue;
            }
            if seen.len() >= n as usize {
                break;
            }
            seen.push(k);
            keep.insert(&f.path);
        }
    };
    bucket(policy.daily, &|d| (d.year(), d.ordinal()));
    bucket(policy.weekly, &|d| {
        let w = d.iso_week();
        (w.year(), w.week())
    });
    bucket(policy.monthly, &|d| (d.year(), d.month()));
    autos
        .iter()
        .filter(|f| !keep.contains(f.path.as_path()))
        .map(|f| f.path.clone())
        .collect()
}

/// Removes the automatic copies the policy does not keep; returns how many.
pub fn thin(db_path: &Path, policy: Policy) -> Result<usize, StorageError> {
    let files = backup::list(db_path)?;
    let doomed = to_thin(&files, policy);
    for p in &doomed {
        std::fs::remove_file(p)?;
    }
    if !doomed.is_empty() {
        log::info!("thinned {} automatic backups", doomed.len());
    }
    Ok(doomed.len())
}

/// The automatic copy at exit (and at start when none was taken today): made only of a sound
/// database, then the old ones thinned.
pub fn automatic(db: &Db, only_once_a_day: bool) -> Result<Option<PathBuf>, AdminError> {
    let Some(path) = db.path() else {
        return Ok(None);
    };
    if only_once_a_day {
        let today = db.clock().today();
        let taken_today = backup::list(path)?
            .iter()
            .any(|f| f.kind == Kind::Auto && f.taken.date() == today);
        if taken_today {
            return Ok(None);
        }
    }
    if db.ensure_sound().is_err() {
        log::warn!("no automatic backup of a damaged database");
        return Ok(None);
    }
    let policy = policy(db)?;
    let made = create(db, Kind::Auto, None)?;
    thin(path, policy)?;
    Ok(Some(made.path))
}

/// The start of a session in the window: the integrity check, then the day's first copy, on
/// connections of their own in the background (the copy waits for the check's verdict).
pub fn at_start_in_background(db: &Db) {
    db.check_in_background();
    let own = match db.reopen() {
        Ok(own) => own,
        Err(e) => {
            log::warn!("no automatic backup at start: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        if let Err(e) = automatic(&own, true) {
            log::warn!("automatic backup at start failed: {e}");
        }
    });
}

/// Replaces the open database's data with the copy at `copy`. The copy is checked whole first;
/// the current data is kept aside (a verified copy; a damaged file is moved aside as it is).
/// `db` is the same database afterwards, holding the restored data, upgraded if it was older.
pub fn restore(db: &mut Db, actor: &Actor, copy: &Path) -> Result<Restored, AdminError> {
    // The copy brings its own users and passwords: replacing the database is the head's.
    actor
        .may(crate::domain::Duty::ManageDatabase)
        .map_err(StorageError::from)?;
    let restored = restore_data(db, copy)?;
    journal_restore(db, actor, copy, &restored)?;
    Ok(restored)
}

/// The restore itself is a change: journalled in the restored database's journal.
fn journal_restore(
    db: &mut Db,
    actor: &Actor,
    copy: &Path,
    r: &Restored,
) -> Result<(), StorageError> {
    let name = |p: &Path| crate::files::file_name(p);
    let changes = serde_json::json!({
        "file": [null, name(copy)],
        "clients": [null, r.snapshot.counts.clients],
        "aside": [null, r.aside.as_deref().map(name)],
    });
    db.write(actor, |w| {
        crate::storage::journal::append(
            w,
            "database",
            None,
            None,
            crate::storage::journal::Action::RestoreBackup,
            &changes.to_string(),
        )
    })
}

fn restore_data(db: &mut Db, copy: &Path) -> Result<Restored, AdminError> {
    let Some(path) = db.path().map(Path::to_path_buf) else {
        return Err(StorageError::Missing(PathBuf::new()).into());
    };
    guard_copy(&path, copy)?;
    let clock = std::sync::Arc::clone(db.clock());
    if db.ensure_sound().is_ok() {
        let snapshot = backup::inspect(copy, db.key()).map_err(AdminError::BadCopy)?;
        // SQLCipher copies pages as they are: a plain copy cannot go into an encrypted file,
        // nor an encrypted one into a plain file.
        same_encryption(&path, copy, db.key().is_some())?;
        let aside = backup::target(&path, clock.local(), Kind::Restore);
        db.backup_to(&aside)?;
        db.restore_from(copy)?;
        log::info!("restored the database from a backup");
        return Ok(Restored {
            snapshot,
            aside: Some(aside),
        });
    }
    // A damaged file: let go of it, put the copy in its place.
    *db = Db::open_in_memory()?;
    let key = db.key().cloned();
    let restored = replace_file(&path, copy, clock.as_ref(), key.as_ref());
    let mut reopened = Db::open_keyed(&path, key, false)?;
    reopened.set_clock(clock);
    *db = reopened;
    restored
}

/// Restores the database at `path` from `copy` when the database may not even open (a damaged
/// header, another file in its place, no file at all): the command line and the window's rescue
/// screen.
pub fn restore_at(
    path: &Path,
    actor: &Actor,
    copy: &Path,
    clock: std::sync::Arc<dyn Clock>,
    key: Option<&Passphrase>,
) -> Result<Restored, AdminError> {
    guard_copy(path, copy)?;
    // The whole file replaced: not under another program writing to it (a merge would go on
    // numbering letters in the copy).
    // The copy is read first: a bad one is refused with the database untouched.
    backup::inspect(copy, key).map_err(AdminError::BadCopy)?;
    if path.exists() {
        same_encryption(path, copy, key.is_some())?;
    }

    // (A damaged file is another matter: the copy takes its place below.)
    if path.exists()
        && let Err(StorageError::InUse) = crate::storage::cipher::ensure_alone(path, key)
    {
        return Err(StorageError::InUse.into());
    }
    match Db::open_keyed(path, key.cloned(), false) {
        Ok(mut db) => {
            db.set_clock(clock);
            restore(&mut db, actor, copy)
        }
        // Another program's database is not ours to replace.
        Err(StorageError::Foreign) => Err(StorageError::Foreign.into()),
        Err(e) if matches!(e, StorageError::Missing(_)) || e.is_unusable_file() => {
            // What takes the place of a missing or damaged file is encrypted as asked.
            if key.is_some() && crate::storage::cipher::is_plain(copy) {
                return Err(AdminError::PlainCopyIntoEncrypted);
            }
            let r = replace_file(path, copy, clock.as_ref(), key)?;
            let mut db = Db::open_keyed(path, key.cloned(), false)?;
            db.set_clock(clock);
            journal_restore(&mut db, actor, copy, &r)?;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

/// A copy goes into a database encrypted as it is, or not encrypted as it is not (a file that
/// is not plain is taken as encrypted only when a passphrase is given: else it is damaged).
fn same_encryption(path: &Path, copy: &Path, keyed: bool) -> Result<(), AdminError> {
    use crate::storage::cipher::is_plain;
    match (is_plain(path), is_plain(copy)) {
        (false, true) if keyed => Err(AdminError::PlainCopyIntoEncrypted),
        (true, false) => Err(AdminError::EncryptedCopyIntoPlain),
        _ => Ok(()),
    }
}

/// The copy must be there, and not be the database itself.
fn guard_copy(path: &Path, copy: &Path) -> Result<(), AdminError> {
    if let Err(source) = std::fs::metadata(copy) {
        return Err(crate::files::FileError::Read {
            path: copy.to_path_buf(),
            source,
        }
        .into());
    }
    if crate::files::resolve(copy) == crate::files::resolve(path) {
        return Err(AdminError::RestoreFromItself);
    }
    Ok(())
}

/// The copy, written beside the database, takes the file's place; the file (and its journal)
/// moves aside into the backups folder as it was.
fn replace_file(
    path: &Path,
    copy: &Path,
    clock: &dyn Clock,
    key: Option<&Passphrase>,
) -> Result<Restored, AdminError> {
    let snapshot = backup::inspect(copy, key).map_err(AdminError::BadCopy)?;
    let tmp = crate::files::temp_beside(path);
    let placed = (|| -> std::io::Result<Option<PathBuf>> {
        std::fs::copy(copy, &tmp)?;
        // The database replaced keeps its mode.
        let mode = std::fs::metadata(path).map(|m| m.permissions()).ok();
        let aside = if path.exists() {
            let aside = backup::target(path, clock.local(), Kind::Damaged);
            if let Some(dir) = aside.parent() {
                crate::files::private_dir(dir)?;
            }
            std::fs::rename(path, &aside)?;
            for suffix in ["-wal", "-shm", "-journal"] {
                let mut side = path.as_os_str().to_os_string();
                side.push(suffix);
                let side = PathBuf::from(side);
                if side.exists() {
                    let mut to = aside.as_os_str().to_os_string();
                    to.push(suffix);
                    std::fs::rename(&side, PathBuf::from(to))?;
                }
            }
            Some(aside)
        } else {
            None
        };
        crate::files::install(&tmp, path)?;
        if let Some(mode) = mode {
            std::fs::set_permissions(path, mode)?;
        }
        Ok(aside)
    })();
    match placed {
        Ok(aside) => {
            log::info!("replaced an unusable database file with a backup");
            Ok(Restored { snapshot, aside })
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(StorageError::Io(e).into())
        }
    }
}

/// Whether the open database is known to be damaged (the banner, the rescue offer).
pub fn damaged(db: &Db) -> bool {
    matches!(db.health(), Some(Health::Damaged(_)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    fn file(taken: NaiveDateTime, kind: Kind) -> BackupFile {
        BackupFile {
            path: PathBuf::from(format!("{taken}-{kind:?}")),
            taken,
            kind,
            size: 1,
        }
    }

    /// A year of copies at start and exit every day: the newest of each of the last 7 days, 4
    /// weeks and 12 months stay, and every manual copy.
    #[test]
    fn thinning_keeps_the_newest_of_each_day_week_and_month() {
        let mut files = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(2025, 11, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        while d <= last {
            files.push(file(at(d.year(), d.month(), d.day(), 9), Kind::Auto));
            files.push(file(at(d.year(), d.month(), d.day(), 18), Kind::Auto));
            d = d.succ_opt().unwrap_or_default();
        }
        files.push(file(at(2025, 12, 1, 12), Kind::Manual));
        let doomed: HashSet<PathBuf> = to_thin(&files, Policy::default()).into_iter().collect();
        let kept: Vec<&BackupFile> = files.iter().filter(|f| !doomed.contains(&f.path)).collect();
        assert!(kept.iter().any(|f| f.kind == Kind::Manual));
        let mut autos: Vec<NaiveDateTime> = kept
            .iter()
            .filter(|f| f.kind == Kind::Auto)
            .map(|f| f.taken)
            .collect();
        autos.sort();
        let mut expected = vec![
            // The months: the last copy of December 2025 … October 2026.
            at(2025, 12, 31, 18),
            at(2026, 1, 31, 18),
            at(2026, 2, 28, 18),
            at(2026, 3, 31, 18),
            at(2026, 4, 30, 18),
            at(2026, 5, 31, 18),
            at(2026, 6, 30, 18),
            at(2026, 7, 31, 18),
            at(2026, 8, 31, 18),
            at(2026, 9, 30, 18),
            at(2026, 10, 31, 18),
            // The weeks ending on Sunday 8 and 15 November.
            at(2026, 11, 8, 18),
            at(2026, 11, 15, 18),
        ];
        // The days: 19 … 25 November (their week and month are theirs too).
        expected.extend((19..=25).map(|d| at(2026, 11, d, 18)));
        assert_eq!(autos, expected);
    }

    #[test]
    fn a_policy_of_zero_keeps_no_automatic_copy() {
        let files = vec![
            file(at(2026, 11, 25, 9), Kind::Auto),
            file(at(2026, 11, 25, 10), Kind::Migration(4)),
        ];
        let p = Policy {
            daily: 0,
            weekly: 0,
            monthly: 0,
        };
        assert_eq!(to_thin(&files, p), vec![files[0].path.clone()]);
    }
}
