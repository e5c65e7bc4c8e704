//! Files the program reads and writes for the user (imports, PDFs, copies of attachments), in
//! one place, with errors that name the file. Screens never touch the file system.
//!
//! Every file is written whole or not at all: to a temporary file in the target's folder, synced,
//! then renamed over the target, so a full disk or a kill leaves the old file as it was. A target
//! that leads (through links too) to the open database, its journal files or its backups is
//! refused.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The files no write may replace: the open databases and their backups.
static PROTECTED: Mutex<Vec<Protected>> = Mutex::new(Vec::new());

/// A database file guarded by [`protect`].
#[derive(Debug, Clone)]
struct Protected {
    /// The database file, resolved.
    db: PathBuf,
    /// The folder of its backups, resolved as far as it exists.
    backups: PathBuf,
}

/// What went wrong with a file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {path:?}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path:?}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open {path:?} in the system viewer: {source}")]
    Viewer {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Windows: the shell could not hand the file to the printing program.
    #[error("cannot print {path:?}: {source}")]
    Print {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Windows: no program is associated with PDF files (neither to print nor to open).
    #[error("no program opens {path:?}")]
    NoPdfProgram { path: PathBuf },
    /// The target is the database, one of its journal files or a backup.
    #[error("{path:?} is the database or its backup: refused")]
    Protected { path: PathBuf },
    #[error("{path:?} is {size} bytes, over the limit of {limit}")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The spreadsheet could not be made (the text of `rust_xlsxwriter`).
    #[error("spreadsheet: {0}")]
    Spreadsheet(String),
}

/// The rows a list shows, as an Excel sheet at `target` (through [`write`]: never over the
/// database); returns how many rows.
pub fn write_xlsx(
    target: &Path,
    sheet_name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<usize, FileError> {
    let e = |e: rust_xlsxwriter::XlsxError| FileError::Spreadsheet(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).map_err(e)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(e)?;
    }
    for (i, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            sheet
                .write_string(i as u32 + 1, c as u16, v.replace('\u{a0}', " "))
                .map_err(e)?;
        }
    }
    sheet.autofit();
    let bytes = book.save_to_buffer().map_err(e)?;
    write(target, &bytes)?;
    Ok(rows.len())
}

/// Where a path leads: links followed; for a file not there yet, its folder resolved and its
/// name kept.
pub fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(dir), path.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => path.to_path_buf(),
    }
}

/// Guards a database: from now on no write may replace it, its `-wal`, `-shm` or `-journal`,
/// the copies taken before a migration (`NAME.schemaN.bak`) or anything in `backups`.
pub fn protect(db: &Path, backups: &Path) {
    let entry = Protected {
        db: resolve(db),
        backups: resolve(backups),
    };
    let mut all = PROTECTED.lock().unwrap_or_else(|p| p.into_inner());
    if !all.iter().any(|p| p.db == entry.db) {
        all.push(entry);
    }
}

/// Whether `target` leads to a guarded file.
pub fn is_protected(target: &Path) -> bool {
    let t = resolve(target);
    let all = PROTECTED.lock().unwrap_or_else(|p| p.into_inner());
    all.iter().any(|p| {
        let name =
            p.db.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
        let same_dir = t.parent() == p.db.parent();
        let t_name = t
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        t == p.db
            || t.starts_with(&p.backups)
            || same_dir
                && (["-wal", "-shm", "-journal"]
                    .iter()
                    .any(|s| t_name == format!("{name}{s}"))
                    || t_name.starts_with(&format!("{name}.schema")) && t_name.ends_with(".bak"))
            || same_file(&t, &p.db)
    })
}

/// Whether two paths are one file (a hard link), where the system can tell.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Which file `path` is now (device and inode), where the system can tell: a long write
/// compares it to notice that its database was replaced under it.
#[cfg(unix)]
pub fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub fn file_id(_: &Path) -> Option<(u64, u64)> {
    None
}

/// The path as typed in a field: surrounding spaces do not count.
/// Whether a file is there at `path` (an export asks before it writes over one).
pub fn is_file(path: &Path) -> bool {
    path.is_file()
}

pub fn typed_path(s: &str) -> PathBuf {
    PathBuf::from(s.trim())
}

/// Where a document typed as `s` goes: a folder gets `name_in_folder` inside it; a file keeps
/// its name with the extension `ext` (a schedule written as «график.pdf» goes to Excel as
/// «график.xlsx»).
pub fn document_target(s: &str, ext: &str, name_in_folder: &str) -> PathBuf {
    let path = typed_path(s);
    if path.is_dir() {
        return path.join(format!("{name_in_folder}.{ext}"));
    }
    match path.extension() {
        Some(e) if e.eq_ignore_ascii_case(ext) => path,
        _ => path.with_extension(ext),
    }
}

/// Reads a regular file of at most `limit` bytes: a bigger one, or a device or a pipe (whose
/// size says nothing), is refused before it fills the memory.
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, FileError> {
    use std::io::Read as _;
    let read_err = |source| FileError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(read_err(std::io::Error::from(
            std::io::ErrorKind::InvalidInput,
        )));
    }
    let too_large = |size| FileError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: limit as u64,
    };
    if meta.len() > limit as u64 {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(read_err)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

pub fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|source| FileError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `bytes` to `path` whole or not at all (a temporary file beside it, synced, renamed
/// over it). The database, its journal files and its backups are refused; so is a device, a
/// folder or a pipe. A symbolic link stays: the file it leads to is written. A new file is
/// readable by its owner only; a file replaced keeps its mode.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    // Windows would write «b:c.pdf» into a hidden stream of «b», and «письмо.pdf.» as
    // «письмо.pdf»: refused, as it refuses «a?b».
    if cfg!(windows)
        && path
            .file_name()
            .is_some_and(|n| crate::domain::text::windows_refuses(&n.to_string_lossy()))
    {
        return Err(FileError::Write {
            path: path.to_path_buf(),
            source: std::io::ErrorKind::InvalidFilename.into(),
        });
    }
    let target = write_target(path)?;
    if is_protected(&target) {
        return Err(FileError::Protected {
            path: path.to_path_buf(),
        });
    }
    let fail = |source| FileError::Write {
        path: path.to_path_buf(),
        source,
    };
    remove_dead_temporaries(&target);
    let tmp = temp_beside(&target);
    let written = (|| {
        let mut f = private_file(&tmp)?;
        f.write_all(bytes)?;
        keep_mode(&target, &f);
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    sync_dir(&target);
    Ok(())
}

/// Where a write to `path` goes: through symbolic links (a chain of them too) to the file they
/// lead to, which need not exist yet; a device, a folder, a pipe or a loop of links is refused.
fn write_target(path: &Path) -> Result<PathBuf, FileError> {
    let refuse = |source: std::io::Error| FileError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&target).map_err(refuse)?;
                target = match target.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            // A folder is said to be one; a device or a pipe is not a file.
            Ok(m) if m.is_dir() => {
                return Err(refuse(std::io::Error::from(
                    std::io::ErrorKind::IsADirectory,
                )));
            }
            Ok(m) if !m.is_file() => {
                return Err(refuse(std::io::Error::from(
                    std::io::ErrorKind::InvalidInput,
                )));
            }
            _ => return Ok(target),
        }
    }
    Err(refuse(std::io::Error::from(
        std::io::ErrorKind::InvalidInput,
    )))
}

/// A new file only its owner may read and write (on Windows the user's profile keeps it
/// private).
pub fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The mode of the file `target` replaces, kept by its replacement `file` (nothing when there
/// is none: the new file stays its owner's only).
fn keep_mode(target: &Path, file: &std::fs::File) {
    if let Ok(m) = std::fs::metadata(target) {
        let _ = file.set_permissions(m.permissions());
    }
}

/// Puts a finished temporary file in place: synced, renamed over `target`, the folder synced.
/// The file replaced keeps its mode; a new one is its owner's only. For the program's own files
/// (the database replaced, backups); what the user names goes through [`write`].
pub fn install(tmp: &Path, target: &Path) -> std::io::Result<()> {
    let f = std::fs::OpenOptions::new().write(true).open(tmp)?;
    match std::fs::metadata(target) {
        Ok(m) => f.set_permissions(m.permissions())?,
        Err(_) => make_private(tmp),
    }
    f.sync_all()?;
    drop(f);
    std::fs::rename(tmp, target)?;
    sync_dir(target);
    Ok(())
}

/// Makes a file the program wrote (through SQLite, which creates them as the system's default
/// allows) its owner's only.
pub fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// A temporary name in the folder of `path`, unique in this process.
pub fn temp_beside(path: &Path) -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let name = file_name(path);
    let n = N.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Whether a temporary file named by [`temp_beside`] (`.NAME.PID.N.tmp`, or its SQLite
/// `-journal`) was left by a process that is gone (killed in the middle of a write): where the
/// system lists its processes (`/proc`), known at once; elsewhere never said.
pub fn temp_owner_gone(name: &str) -> bool {
    let stem = name
        .strip_suffix(".tmp-journal")
        .or_else(|| name.strip_suffix(".tmp"));
    let pid = stem
        .and_then(|s| s.rsplit_once('.'))
        .and_then(|(rest, _n)| rest.rsplit_once('.'))
        .and_then(|(_, pid)| pid.parse::<u32>().ok());
    let procs = Path::new("/proc/self");
    match pid {
        Some(pid) if procs.exists() => {
            pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
        }
        _ => false,
    }
}

/// Removes the temporary files of `target` (see [`temp_beside`]) whose process is gone: a
/// write, an export or an encryption killed in the middle leaves nothing behind for long.
pub fn remove_dead_temporaries(target: &Path) {
    let prefix = format!(".{}.", file_name(target));
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Where the system does not list its processes (Windows), one over an hour old: no
        // write takes that long.
        if name.starts_with(&prefix)
            && (temp_owner_gone(&name) || older_than(&entry, std::time::Duration::from_secs(3600)))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a folder's entry was last changed more than `age` ago.
pub fn older_than(entry: &std::fs::DirEntry, age: std::time::Duration) -> bool {
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
}

/// Makes a rename durable (the folder's entry), where the system allows.
pub fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Creates a folder (and its parents): a new one its owner's only.
pub fn create_dir(path: &Path) -> Result<(), FileError> {
    private_dir(path).map_err(|source| FileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// [`create_dir`] for the program's own folders (the backups), with the system's error.
pub fn private_dir(path: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(path)
}

/// The file's name without the folder, as stored with an attachment.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// Writes `bytes` under the program's temporary folder and returns the path: for the system
/// viewer or the printer. Each call has a folder of its own (`sub/<unique>/name`, the name made
/// safe): a viewer still holding the last copy never makes the next one fail, and a letter
/// printed after another never overwrites the file the printer has not read yet. Copies older
/// than a day are swept away (personal data does not stay in the temporary folder).
pub fn temp_file(sub: &str, name: &str, bytes: &[u8]) -> Result<PathBuf, FileError> {
    let parent = std::env::temp_dir()
        .join("vipdesk")
        .join(crate::domain::text::safe_file_name(sub, "files"));
    sweep_old_copies(&parent);
    let dir = parent.join(format!("{}-{:08x}", std::process::id(), fastrand::u32(..)));
    create_dir(&dir)?;
    let path = dir.join(crate::domain::text::safe_file_name(name, "file"));
    write(&path, bytes)?;
    Ok(path)
}

/// Removes the copies in `parent` older than a day; one still open elsewhere stays (Windows
/// refuses to remove it) until the next time.
fn sweep_old_copies(parent: &Path) {
    const DAY: std::time::Duration = std::time::Duration::from_secs(24 * 3600);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if older_than(&entry, DAY) && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Opens a file with the system's viewer, not waiting for it.
pub fn show(path: &Path) -> Result<(), FileError> {
    open::that_detached(path).map_err(|source| FileError::Viewer {
        path: path.to_path_buf(),
        source,
    })
}

/// Prints a PDF: `lp` where CUPS is present, else the system viewer (which prints from its
/// menu).
#[cfg(not(windows))]
pub fn print_pdf(path: &Path) -> Result<Printed, FileError> {
    let lp = std::process::Command::new("lp")
        .arg("-o")
        .arg("media=A4")
        .arg(path)
        .output();
    match lp {
        Ok(out) if out.status.success() => Ok(Printed::Sent),
        _ => show(path).map(|()| Printed::Opened),
    }
}

/// Prints a PDF through the Windows shell: the «print» verb of the program associated with
/// PDF files; where no program prints PDFs (no such verb), the file is opened in the viewer
/// to print from there; where nothing opens PDFs either, that is the error.
#[cfg(windows)]
pub fn print_pdf(path: &Path) -> Result<Printed, FileError> {
    use crate::winshell::execute;
    let path_buf = || path.to_path_buf();
    match execute(path, "print") {
        Ok(true) => Ok(Printed::Sent),
        Ok(false) => match execute(path, "open") {
            Ok(true) => Ok(Printed::NoPrintProgram),
            Ok(false) => Err(FileError::NoPdfProgram { path: path_buf() }),
            Err(source) => Err(FileError::Viewer {
                path: path_buf(),
                source,
            }),
        },
        Err(source) => Err(FileError::Print {
            path: path_buf(),
            source,
        }),
    }
}

/// What printing did: sent the file to the printer, or (no printing here) opened it in the
/// PDF viewer to print from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    Sent,
    /// No printer command here (no CUPS): opened in the viewer.
    Opened,
    /// Windows: no program prints PDFs by command (no «print» verb): opened in the viewer.
    NoPrintProgram,
}

/// An exclusive hold on a file beside another (`<path><suffix>`), for as long as it lives:
/// the system lets it go when the process ends, killed or not.
#[derive(Debug)]
pub struct Hold {
    _file: std::fs::File,
}

/// Takes the hold on `<path><suffix>` (the file made, its owner's only, if it is not there):
/// `None` when another process, or another hold in this one, has it.
pub fn hold_beside(path: &Path, suffix: &str) -> std::io::Result<Option<Hold>> {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    let lock = PathBuf::from(name);
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(&lock)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Hold { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_temporary_copy_has_a_folder_of_its_own_and_old_ones_go() {
        let sub = format!("test-{}-{:08x}", std::process::id(), fastrand::u32(..));
        let a = temp_file(&sub, "Проект.pdf", b"first").expect("first");
        let b = temp_file(&sub, "Проект.pdf", b"second").expect("second");
        assert_ne!(a, b, "the second print does not overwrite the first");
        assert_eq!(file_name(&a), "Проект.pdf");
        assert_eq!(std::fs::read(&a).expect("a"), b"first");
        assert_eq!(std::fs::read(&b).expect("b"), b"second");

        // A copy from two days ago is swept by the next one.
        let old_dir = a.parent().expect("folder").to_path_buf();
        let two_days_ago = std::time::SystemTime::UNIX_EPOCH
            + std::time::Duration::from_secs(
                std::fs::metadata(&old_dir)
                    .and_then(|m| m.modified())
                    .expect("mtime")
                    .duration_since(std::time::SystemTime::UNIX_EPOCH)
                    .expect("after 1970")
                    .as_secs()
                    - 2 * 24 * 3600,
            );
        std::fs::File::open(&old_dir)
            .and_then(|d| d.set_modified(two_days_ago))
            .expect("age the folder");
        let c = temp_file(&sub, "Исх_VIP-1.pdf", b"third").expect("third");
        assert!(!old_dir.exists(), "the two-day-old copy is gone");
        assert!(b.exists() && c.exists(), "today's copies stay");
        let _ = std::fs::remove_dir_all(c.parent().and_then(Path::parent).expect("sub"));
    }
}
