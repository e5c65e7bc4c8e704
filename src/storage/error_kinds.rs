//! What a storage error says about the file: whether it can be replaced by a restore, whether
//! it may still be read.

use super::StorageError;

impl StorageError {
    /// Whether the file could not be opened for writing (no right to write it or its folder, a
    /// full disk): it may still be read.
    pub fn cannot_write(&self) -> bool {
        use rusqlite::ErrorCode as C;
        match self {
            StorageError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => matches!(
                f.code,
                C::ReadOnly
                    | C::CannotOpen
                    | C::DiskFull
                    | C::PermissionDenied
                    | C::SystemIoFailure
            ),
            StorageError::Io(e) => matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::ReadOnlyFilesystem
                    | std::io::ErrorKind::StorageFull
            ),
            _ => false,
        }
    }

    /// Whether the error says the file itself is unusable (not a database, damaged, another
    /// program's, newer): replacing it from a backup is the cure.
    pub fn is_unusable_file(&self) -> bool {
        match self {
            StorageError::Damaged(_) | StorageError::Foreign | StorageError::TooNew { .. } => true,
            // A passphrase opens it; it is not to be replaced.
            StorageError::Encrypted | StorageError::WrongPassphrase => false,
            StorageError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ),
            _ => false,
        }
    }

    /// Whether a UNIQUE constraint (or index) refused the write.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            StorageError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
                if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
        )
    }
}
