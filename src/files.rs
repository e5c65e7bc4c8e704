//! Files the program reads and writes for the user (imports, PDFs, copies of attachments), in
//! one place, with errors that name the file. Screens never touch the file system.

use std::path::{Path, PathBuf};

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
}

/// The path as typed in a field: surrounding spaces do not count.
pub fn typed_path(s: &str) -> PathBuf {
    PathBuf::from(s.trim())
}

pub fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|source| FileError::Read {
        path: path.to_path_buf(),
        source,
    })
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    std::fs::write(path, bytes).map_err(|source| FileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Creates a folder (and its parents).
pub fn create_dir(path: &Path) -> Result<(), FileError> {
    std::fs::create_dir_all(path).map_err(|source| FileError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// The file's name without the folder, as stored with an attachment.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// Writes `bytes` under the program's temporary folder (`sub/name`, the name made safe) and
/// returns the path: for the system viewer or the printer.
pub fn temp_file(sub: &str, name: &str, bytes: &[u8]) -> Result<PathBuf, FileError> {
    let dir = std::env::temp_dir().join("vipdesk").join(sub);
    create_dir(&dir)?;
    let safe: String = name
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    let path = dir.join(safe);
    write(&path, bytes)?;
    Ok(path)
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
pub fn print_pdf(path: &Path) -> Result<(), FileError> {
    let lp = std::process::Command::new("lp")
        .arg("-o")
        .arg("media=A4")
        .arg(path)
        .output();
    match lp {
        Ok(out) if out.status.success() => Ok(()),
        _ => show(path),
    }
}
