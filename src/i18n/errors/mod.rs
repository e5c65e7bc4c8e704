//! Typed errors and outcomes as Russian sentences, each said once, here, at the edge.

use super::labels::Label;
use crate::admin::{AdminError, Problem};
use crate::clients::ClientsError;
use crate::clients::draft::{DossierWarning, PasteError};
use crate::clients::exchange::{ExchangeError, ImportWarning, Rejection, RowError};
use crate::clients::table_file::CsvProblem;
use crate::contacts::ContactsError;
use crate::demo::DemoError;
use crate::domain::{FieldError, UnknownCode};
use crate::files::FileError;
use crate::letters::{LetterError, SkipReason, TemplateError};
use crate::pdf::PdfError;
use crate::storage::StorageError;
use crate::words as w;

mod admin;
mod appeals;
mod clients;
mod contacts;
mod greetings;
mod letters;
mod server;
mod viplist;

pub use appeals::*;
pub use clients::*;
pub use viplist::*;

/// A typed error or outcome that can be said to the user.
pub trait Describe {
    fn describe(&self) -> String;
}

/// The sentence for `e`.
pub fn describe<E: Describe + ?Sized>(e: &E) -> String {
    e.describe()
}

/// `e` as an error of the edge (the command line, a screen's command), in Russian.
pub fn err<E: Describe>(e: E) -> anyhow::Error {
    anyhow::anyhow!(e.describe())
}

impl Describe for FieldError {
    fn describe(&self) -> String {
        match self {
            FieldError::Required => w::ERR_REQUIRED.into(),
            FieldError::Date => w::ERR_DATE.into(),
            FieldError::NoSuchDate => w::ERR_NO_SUCH_DATE.into(),
            FieldError::Kopecks => w::ERR_KOPECKS.into(),
            FieldError::TooLarge => w::ERR_TOO_LARGE.into(),
            FieldError::OneLine => w::ERR_ONE_LINE.into(),
            FieldError::OfficialName => w::ERR_OFFICIAL_NAME.into(),
            FieldError::TooLong(max) => w::err_longer_than(*max),
            FieldError::DateOrder => w::ERR_DATE_ORDER.into(),
            FieldError::Number => w::ERR_NUMBER.into(),
            FieldError::Negative => w::ERR_NEGATIVE.into(),
            FieldError::InnDigits => w::ERR_INN_DIGITS.into(),
            FieldError::InnLength => w::ERR_INN_LENGTH.into(),
            FieldError::InnChecksum => w::ERR_INN_CHECKSUM.into(),
            FieldError::InnLegal10 => w::ERR_INN_LEGAL_10.into(),
            FieldError::InnPerson12 => w::ERR_INN_PERSON_12.into(),
            FieldError::OgrnDigits => w::ERR_OGRN_DIGITS.into(),
            FieldError::OgrnLength => w::ERR_OGRN_LENGTH.into(),
            FieldError::OgrnChecksum => w::ERR_OGRN_CHECKSUM.into(),
            FieldError::OgrnSign => w::ERR_OGRN_SIGN.into(),
            FieldError::OgrnLegal13 => w::ERR_OGRN_LEGAL_13.into(),
            FieldError::Ogrnip15 => w::ERR_OGRNIP_15.into(),
            FieldError::OgrnPerson => w::ERR_OGRN_PERSON.into(),
            FieldError::Kpp => w::ERR_KPP.into(),
            FieldError::KppOnlyLegal => w::ERR_KPP_ONLY_LEGAL.into(),
            FieldError::Email => w::ERR_EMAIL.into(),
            FieldError::PhoneEmpty => w::ERR_PHONE_EMPTY.into(),
            FieldError::Phone => w::ERR_PHONE.into(),
            FieldError::PhoneExt => w::ERR_PHONE_EXT.into(),
            FieldError::PhoneInList { item, error } => format!("«{item}»: {}", error.describe()),
            FieldError::Birthday => w::ERR_BIRTHDAY.into(),
            FieldError::Share => w::ERR_SHARE.into(),
            FieldError::VipYearTwice => w::ERR_VIP_YEAR_TWICE.into(),
            FieldError::RecordEmpty => w::ERR_RECORD_EMPTY.into(),
            FieldError::SupervisorSelf => w::ERR_SUPERVISOR_SELF.into(),
            FieldError::NotPng => w::ERR_NOT_PNG.into(),
            FieldError::Year { max } => w::err_year(*max),
            FieldError::Range { min, max } => w::err_range(*min, *max),
            FieldError::InnTaken { other } if other.is_empty() => w::ERR_INN_TAKEN_GENERIC.into(),
            FieldError::InnTaken { other } => w::err_inn_taken(other),
            FieldError::NumberFormat => w::ERR_NUMBER_FORMAT.into(),
            FieldError::HolidayRule => w::ERR_HOLIDAY_RULE.into(),
            FieldError::MissingGlyphs(chars) => w::pdf_missing_glyphs(chars),
            FieldError::NameTaken => w::ERR_NAME_TAKEN.into(),
            FieldError::Time => w::ERR_TIME.into(),
            FieldError::Ages => w::BAD_AGES.into(),
            FieldError::PeriodTooLong => w::PERIOD_TOO_LONG.into(),
            FieldError::FutureDate => w::ERR_FUTURE_DATE.into(),
        }
    }
}

impl Describe for UnknownCode {
    fn describe(&self) -> String {
        w::err_unknown_code(&self.code)
    }
}

impl Describe for StorageError {
    fn describe(&self) -> String {
        match self {
            StorageError::Sqlite(e) => sqlite(e),
            StorageError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                w::err_migration(&sqlite(err))
            }
            StorageError::Migration(e) => {
                log::error!("schema upgrade failed: {e}");
                w::err_migration(w::ERR_DB_UNEXPECTED)
            }
            StorageError::Io(e) => w::err_db_file(&io(e)),
            StorageError::NotFound(id) => w::err_not_found(*id),
            StorageError::ChangedMeanwhile(_) => w::ERR_CHANGED_MEANWHILE.into(),
            StorageError::Encrypted => w::ERR_DB_ENCRYPTED.into(),
            StorageError::WrongPassphrase => w::ERR_WRONG_PASSPHRASE.into(),
            StorageError::InUse => w::ERR_DB_IN_USE.into(),
            StorageError::NoNumbers => w::ERR_NO_NUMBERS.into(),
            StorageError::WeakPassphrase(n) => w::err_weak_passphrase(*n),
            StorageError::NotEncrypted => w::ERR_NOT_ENCRYPTED.into(),
            StorageError::TooNew { found, known } => w::err_too_new(*found, *known),
            StorageError::UnknownCode(c) => c.describe(),
            StorageError::Missing(path) => w::err_db_missing(&path.display().to_string()),
            StorageError::EmptyFile(path) => w::err_db_empty_file(&path.display().to_string()),
            StorageError::Replaced(path) => w::err_db_replaced(&path.display().to_string()),
            StorageError::Foreign => w::ERR_DB_FOREIGN.into(),
            StorageError::Damaged(_) => w::ERR_DB_DAMAGED.into(),
            StorageError::BackupDiffers => w::ERR_BACKUP_DIFFERS.into(),
            StorageError::NoBackup(e) => w::err_no_backup(&e.describe()),
            StorageError::Setting(u) => u.describe(),
            StorageError::Denied(d) => d.describe(),
            StorageError::Refused(r) => r.describe(),
            StorageError::ReadOnlyOld => w::ERR_READ_ONLY_OLD.into(),
            StorageError::TooLong { table, field, max } => w::err_too_long(
                crate::words::journal::journal_field(table, field).unwrap_or(field),
                *max,
            ),
        }
    }
}

impl Describe for crate::domain::Denied {
    fn describe(&self) -> String {
        match self {
            crate::domain::Denied::HeadOnly(duty) => w::err_head_only(duty.label()),
            crate::domain::Denied::NotYourClient => w::ERR_NOT_YOUR_CLIENT.into(),
        }
    }
}

impl Describe for crate::domain::Refusal {
    fn describe(&self) -> String {
        match self {
            crate::domain::Refusal::EmptyReply => w::ERR_EMPTY_REPLY.into(),
            crate::domain::Refusal::ApprovedVipYear(year) => w::err_approved_vip_year(*year),
        }
    }
}

impl Describe for crate::storage::settings::Unreadable {
    fn describe(&self) -> String {
        w::setting_unreadable(
            w::setting_name(self.key),
            self.key,
            &self.field,
            w::setting_defect(&self.detail),
        )
    }
}

/// An SQLite failure as one Russian sentence, chosen by its code; SQLite's English text goes to
/// the log only (it names tables and columns, never values).
fn sqlite(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    let rusqlite::Error::SqliteFailure(f, _) = e else {
        log::error!("unexpected database error: {e}");
        return w::ERR_DB_UNEXPECTED.into();
    };
    match f.code {
        C::DatabaseBusy | C::DatabaseLocked => w::ERR_DB_BUSY.into(),
        C::NotADatabase => w::ERR_DB_NOT_A_DATABASE.into(),
        C::DatabaseCorrupt => w::ERR_DB_DAMAGED.into(),
        C::CannotOpen => w::ERR_DB_CANNOT_OPEN.into(),
        C::DiskFull => w::ERR_DISK_FULL.into(),
        C::ReadOnly => w::ERR_DB_READ_ONLY.into(),
        C::PermissionDenied => w::ERR_DB_PERMISSION.into(),
        C::SystemIoFailure => w::ERR_DB_IO.into(),
        C::OutOfMemory => w::ERR_OUT_OF_MEMORY.into(),
        C::ConstraintViolation => {
            log::error!("constraint refused a write: {e}");
            w::ERR_DB_CONSTRAINT.into()
        }
        _ => {
            log::error!("database error: {e}");
            w::err_db_code(f.extended_code)
        }
    }
}

/// An operating system's file error in Russian, by its kind (the OS's own text is English on
/// many machines).
pub fn io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => w::IO_NOT_FOUND.into(),
        // Windows refuses to replace a file another program has open with «access denied».
        K::PermissionDenied if cfg!(windows) => w::IO_PERMISSION_OR_OPEN.into(),
        K::PermissionDenied => w::IO_PERMISSION.into(),
        K::AlreadyExists => w::IO_EXISTS.into(),
        K::StorageFull => w::ERR_DISK_FULL.into(),
        K::ReadOnlyFilesystem => w::IO_READ_ONLY.into(),
        K::IsADirectory => w::IO_IS_DIR.into(),
        K::NotADirectory => w::IO_NOT_DIR.into(),
        K::InvalidFilename => w::IO_BAD_NAME.into(),
        K::ResourceBusy => w::IO_BUSY.into(),
        K::FileTooLarge => w::IO_TOO_LARGE.into(),
        K::InvalidData | K::UnexpectedEof => w::IO_BAD_DATA.into(),
        // Not a regular file (a device, a pipe): refused before it is read.
        K::InvalidInput => w::IO_NOT_A_FILE.into(),
        _ => match e.raw_os_error() {
            // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: the file is open in Excel.
            Some(32 | 33) if cfg!(windows) => w::IO_BUSY.into(),
            Some(code) => w::io_code(code),
            None => {
                log::error!("file error: {e}");
                w::IO_OTHER.into()
            }
        },
    }
}

impl Describe for FileError {
    fn describe(&self) -> String {
        match self {
            FileError::Read { path, source } => {
                w::err_read_path(&path.display().to_string(), &io(source))
            }
            FileError::Write { path, source } => {
                w::err_write_path(&path.display().to_string(), &io(source))
            }
            FileError::Viewer { path, .. } => w::err_viewer(&path.display().to_string()),
            FileError::Print { path, source } => {
                w::err_print(&path.display().to_string(), &io(source))
            }
            FileError::NoPdfProgram { .. } => w::ERR_NO_PDF_PROGRAM.into(),
            FileError::Protected { path } => w::err_protected(&path.display().to_string()),
            FileError::TooLarge { path, size, limit } => w::err_file_too_large(
                &path.display().to_string(),
                &w::file_size(*size as i64),
                &w::file_size(*limit as i64),
            ),
            FileError::Spreadsheet(e) => {
                log::warn!("spreadsheet not written: {e}");
                w::ERR_XLSX_WRITE.into()
            }
        }
    }
}

impl Describe for PdfError {
    fn describe(&self) -> String {
        match self {
            PdfError::MissingGlyphs(chars) => w::pdf_missing_glyphs(chars),
            PdfError::Font(e) => format!("{}: {e}", w::ERR_PDF_FONT),
            PdfError::Image(e) => format!("{}: {e}", w::ERR_PDF_IMAGE),
        }
    }
}
