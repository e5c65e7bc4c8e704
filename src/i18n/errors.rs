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
            StorageError::WeakPassphrase(n) => w::err_weak_passphrase(*n),
            StorageError::NotEncrypted => w::ERR_NOT_ENCRYPTED.into(),
            StorageError::TooNew { found, known } => w::err_too_new(*found, *known),
            StorageError::UnknownCode(c) => c.describe(),
            StorageError::Missing(path) => w::err_db_missing(&path.display().to_string()),
            StorageError::Foreign => w::ERR_DB_FOREIGN.into(),
            StorageError::Damaged(_) => w::ERR_DB_DAMAGED.into(),
            StorageError::BackupDiffers => w::ERR_BACKUP_DIFFERS.into(),
            StorageError::NoBackup(e) => w::err_no_backup(&e.describe()),
            StorageError::Setting(u) => u.describe(),
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
            FileError::Protected { path } => w::err_protected(&path.display().to_string()),
            FileError::TooLarge { path, size, limit } => w::err_file_too_large(
                &path.display().to_string(),
                &w::file_size(*size as i64),
                &w::file_size(*limit as i64),
            ),
            FileError::Spreadsheet(e) => format!("{}: {e}", w::ERR_XLSX_WRITE),
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

impl Describe for TemplateError {
    fn describe(&self) -> String {
        match self {
            TemplateError::Unknown { line, name } => w::template_unknown(*line, name),
            TemplateError::Syntax { line, detail } => w::template_syntax(*line, detail),
            TemplateError::Unsupported { line, tag } => w::template_unsupported(*line, tag),
            TemplateError::TooHeavy => w::TEMPLATE_TOO_HEAVY.into(),
        }
    }
}

impl Describe for LetterError {
    fn describe(&self) -> String {
        match self {
            LetterError::Storage(e) => e.describe(),
            LetterError::Template(e) => e.describe(),
            LetterError::Pdf(e) => e.describe(),
            LetterError::File(e) => e.describe(),
            LetterError::Frozen(id) => w::err_letter_frozen(*id),
            LetterError::BadTransition { from, to } => {
                w::err_letter_transition(from.label(), to.label())
            }
            LetterError::UnknownTemplate(code) => w::unknown_template(code),
            LetterError::Blank(fragment) => w::letter_blank(fragment),
            LetterError::EmptyTemplate => w::MERGE_EMPTY_TEMPLATE.into(),
            LetterError::NeedsAppeal => w::MERGE_NEEDS_APPEAL.into(),
            LetterError::FieldMissing(f) => {
                let option = match f {
                    crate::letters::TemplateField::Date => "--date",
                    crate::letters::TemplateField::Time => "--time",
                    crate::letters::TemplateField::Amount => "--amount",
                };
                w::merge_field_missing(f.label(), option)
            }
            LetterError::NoCourierLetters => w::NO_COURIER_LETTERS.into(),
            LetterError::NoneHandedOn(date) => w::none_handed_on(&crate::domain::fmt::date(*date)),
            LetterError::EmptySelection => w::MERGE_EMPTY_SELECTION.into(),
            LetterError::MergeUnfinished { done, total } => w::merge_unfinished(*done, *total),
            LetterError::NothingToResume => w::MERGE_NOTHING_TO_RESUME.into(),
            LetterError::Cancelled => w::MERGE_CANCELLED.into(),
            LetterError::MergeStopped {
                client,
                report,
                cause,
            } => w::merge_stopped(
                client,
                &cause.describe(),
                report.letters.len(),
                report.skipped.len(),
                report.not_done,
            ),
        }
    }
}

impl Describe for ContactsError {
    fn describe(&self) -> String {
        match self {
            ContactsError::Storage(e) => e.describe(),
            ContactsError::Pdf(e) => e.describe(),
            ContactsError::File(e) => e.describe(),
            ContactsError::Frozen(id) => w::err_report_frozen(*id),
            ContactsError::BadTransition { from, to } => {
                w::err_report_transition(from.label(), to.label())
            }
            ContactsError::NotAllowed => w::ERR_ONLY_HEAD_ACCEPTS.into(),
        }
    }
}

impl Describe for ClientsError {
    fn describe(&self) -> String {
        match self {
            ClientsError::Conflict(_) => w::ERR_CONFLICT.into(),
            ClientsError::DeletedMeanwhile => w::ERR_DELETED_MEANWHILE.into(),
            ClientsError::Storage(e) => e.describe(),
            ClientsError::InnTaken { other } => FieldError::InnTaken {
                other: other.clone(),
            }
            .describe(),
            ClientsError::File(e) => e.describe(),
        }
    }
}

impl Describe for AdminError {
    fn describe(&self) -> String {
        match self {
            AdminError::Storage(e) => e.describe(),
            AdminError::NameTaken => w::ERR_NAME_TAKEN.into(),
            AdminError::InnTaken { other } => w::err_restore_inn_taken(other),
            AdminError::File(e) => e.describe(),
            AdminError::NotPng => w::ERR_NOT_PNG.into(),
            AdminError::RestoreFromItself => w::ERR_RESTORE_FROM_ITSELF.into(),
            AdminError::BadCopy(StorageError::Damaged(_)) => w::ERR_COPY_DAMAGED.into(),
            AdminError::PlainCopyIntoEncrypted => w::ERR_PLAIN_COPY.into(),
            AdminError::BadCopy(e) => w::err_bad_copy(&e.describe()),
            AdminError::ImageTooLarge { width, height } => {
                w::err_image_too_large(*width, *height, crate::pixels::MAX_SIDE)
            }
        }
    }
}

impl Describe for ExchangeError {
    fn describe(&self) -> String {
        match self {
            ExchangeError::File(e) => e.describe(),
            ExchangeError::Xlsx(e) => format!("{}: {e}", w::ERR_XLSX),
            ExchangeError::XlsxEmpty => w::ERR_XLSX_EMPTY.into(),
            ExchangeError::Csv(e) => format!("{}: {e}", w::ERR_CSV),
            ExchangeError::MixedEncoding { line } => w::err_mixed_encoding(*line),
            ExchangeError::Empty => w::ERR_IMPORT_EMPTY.into(),
            ExchangeError::NoNameColumn => w::ERR_IMPORT_NO_NAME_COLUMN.into(),
            ExchangeError::Storage(e) => e.describe(),
        }
    }
}

impl Describe for RowError {
    fn describe(&self) -> String {
        match self {
            RowError::BadKind(v) => w::import_bad_kind(v),
            RowError::UnknownDistrict(v) => w::import_unknown_district(v),
            RowError::UnknownIndustry(v) => w::import_unknown_industry(v),
            RowError::Malformed(p) => match p {
                CsvProblem::UnclosedQuote => w::CSV_UNCLOSED_QUOTE.into(),
                CsvProblem::TextAfterQuote => w::CSV_TEXT_AFTER_QUOTE.into(),
                CsvProblem::ControlChar => w::CSV_CONTROL_CHAR.into(),
            },
            RowError::BadBool(v) => w::import_bad_bool(v),
            RowError::Fields(fields) => fields
                .iter()
                .map(|(field, value, e)| w::import_field_error(field, value, &e.describe()))
                .collect::<Vec<_>>()
                .join("; "),
            RowError::InnInDatabase(inn, id) => w::import_duplicate_db(inn, *id),
            RowError::InnInFile(inn, line) => w::import_duplicate_file(inn, *line),
            RowError::BadUuid(v) => w::import_bad_uuid(v),
            RowError::UuidInDatabase(id) => w::import_duplicate_uuid(*id),
            RowError::UuidInFile => w::import_duplicate_uuid_file(),
        }
    }
}

impl Describe for Rejection {
    fn describe(&self) -> String {
        w::import_row(self.line, &self.error.describe())
    }
}

impl Describe for ImportWarning {
    fn describe(&self) -> String {
        match self {
            ImportWarning::UnknownColumn(h) => w::import_unknown_column(h),
            ImportWarning::UnknownManager { line, name } => {
                w::import_row(*line, &w::import_unknown_manager(name))
            }
        }
    }
}

impl Describe for Problem {
    fn describe(&self) -> String {
        match self {
            Problem::Sqlite(line) => format!("SQLite: {line}"),
            Problem::ForeignKey {
                table,
                rowid,
                parent,
            } => w::check_fk(table, *rowid, parent),
            Problem::Schema { found, latest } => w::check_schema(*found, *latest),
            Problem::BadInn(id) => w::check_bad_inn(*id),
            Problem::DuplicateInn(a, b) => w::check_dup_inn(*a, *b),
            Problem::Setting(u) => u.describe(),
            Problem::Journal(p) => {
                use crate::storage::journal::ChainProblem as C;
                match p {
                    C::Altered(id) => w::journal_altered(*id),
                    C::Broken(id) => w::journal_broken(*id),
                    C::Truncated { rows, head } => w::journal_truncated(*rows, *head),
                    C::HeadMissing { rows } => w::journal_head_missing(*rows),
                }
            }
        }
    }
}

impl Describe for PasteError {
    fn describe(&self) -> String {
        match self {
            PasteError::Month { line, cell } => w::err_paste_line(*line, cell),
            PasteError::Value { line, cell } => w::err_paste_value(*line, cell),
            PasteError::Columns { line, kinds } => w::err_paste_columns(*line, *kinds),
        }
    }
}

impl Describe for DossierWarning {
    fn describe(&self) -> String {
        match self {
            DossierWarning::SharesOver100(total) => w::warn_shares(*total),
        }
    }
}

impl Describe for SkipReason {
    fn describe(&self) -> String {
        match self {
            SkipReason::NoAddressee => w::MERGE_NO_ADDRESSEE.into(),
        }
    }
}

impl Describe for DemoError {
    fn describe(&self) -> String {
        match self {
            DemoError::NotEmpty => w::demo::DEMO_NOT_EMPTY.into(),
            DemoError::Storage(e) => e.describe(),
            DemoError::Letter(e) => e.describe(),
            DemoError::Contacts(e) => e.describe(),
            DemoError::Appeals(e) => e.describe(),
        }
    }
}

/// «Импортировано: 3 клиента. Отклонено: 1 строка.» (with the updated ones when any).
pub fn import_report(r: &crate::clients::exchange::ImportReport) -> String {
    if r.updated == 0 {
        w::import_summary(r.imported, r.rejected.len())
    } else {
        w::import_summary_updated(r.imported, r.updated, r.rejected.len())
    }
}

/// The field errors of a form as one sentence: «тема: обязательное поле; …».
pub fn fields_sentence(
    errors: &crate::domain::FieldErrors,
    label: impl Fn(&str) -> &'static str,
) -> String {
    errors
        .iter()
        .map(|(k, e)| format!("{}: {}", label(k), e.describe()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The label of a field of the appeal's form or settings.
pub fn appeal_field(key: &str) -> &'static str {
    match key {
        "client" => w::F_APPEAL_CLIENT,
        "subject" => w::F_APPEAL_SUBJECT,
        "received_at" => w::F_APPEAL_RECEIVED,
        "close_note" => w::F_APPEAL_NOTE,
        "topic" => w::F_APPEAL_TOPIC,
        "forward_answer" => w::F_APPEAL_FORWARD_ANSWER,
        "number_format" => w::F_NUMBER_FORMAT,
        "terms" => w::F_TERMS,
        "max_extension_days" => w::F_MAX_EXTENSION,
        _ => w::F_DUE_SOON,
    }
}

impl Describe for crate::appeals::AppealError {
    fn describe(&self) -> String {
        use crate::appeals::AppealError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Letter(e) => e.describe(),
            E::Invalid(errors) => w::err_appeal_fields(&fields_sentence(errors, appeal_field)),
            E::BadTransition { from, to } => w::err_appeal_transition(from.label(), to.label()),
            E::CloseWithoutAnswer(kind) => {
                w::err_close_without_answer(w::kind_accusative(crate::domain::Code::code(*kind)))
            }
            E::NoAnswer => w::ERR_NO_ANSWER.into(),
            E::OtherChannel { chosen, used } => w::err_other_channel(
                w::channel_by(crate::domain::Code::code(*chosen)),
                w::channel_by(crate::domain::Code::code(*used)),
            ),
            E::PostIsALetter => w::ERR_POST_IS_A_LETTER.into(),
            E::NoDepartment => w::ERR_NO_DEPARTMENT.into(),
            E::NoReason => w::ERR_NO_REASON.into(),
            E::ExtensionDays { max } => w::err_extension_days(*max),
            E::AlreadyExtended(d) => w::err_already_extended(&crate::domain::fmt::date(*d)),
            E::NotRegistered(id) => w::err_not_registered(*id),
            E::AlreadyImported { number, .. } => w::err_already_imported(number),
            E::File(e) => e.describe(),
            E::Xlsx(_) => w::ERR_XLSX_APPEALS.into(),
            E::TooManyRows(n) => w::err_too_many_rows(*n),
        }
    }
}

impl Describe for crate::calendar::service::CalendarError {
    fn describe(&self) -> String {
        use crate::calendar::service::CalendarError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::NotAllowed => w::ERR_CALENDAR_NOT_ALLOWED.into(),
            E::NoDecree => w::ERR_CALENDAR_NO_DECREE.into(),
            E::YearOutOfRange(y) => w::err_calendar_year(*y),
        }
    }
}

impl Describe for crate::appeals::intake::IntakeError {
    fn describe(&self) -> String {
        use crate::appeals::intake::IntakeError as E;
        match self {
            E::NotAnEmail => w::ERR_NOT_AN_EMAIL.into(),
            E::TooLarge { size } => w::err_eml_too_large(&w::file_size(*size as i64)),
        }
    }
}

impl Describe for crate::appeals::call::EmlError {
    fn describe(&self) -> String {
        use crate::appeals::call::EmlError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Appeal(e) => e.describe(),
            E::Intake(e) => e.describe(),
            E::UnknownSender(a) => w::err_unknown_sender(a),
            E::AmbiguousSender(a) => w::err_ambiguous_sender(a),
        }
    }
}

impl Describe for crate::appeals::call::CallError {
    fn describe(&self) -> String {
        use crate::appeals::call::CallError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Appeal(e) => e.describe(),
            E::Number(e) => w::err_bad_phone(&e.describe()),
        }
    }
}

impl Describe for crate::appeals::memo::ReportError {
    fn describe(&self) -> String {
        use crate::appeals::memo::ReportError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Pdf(e) => e.describe(),
            E::File(e) => e.describe(),
            E::BadWeek(s) => w::err_bad_week(s),
            E::BadPeriod => w::ERR_BAD_PERIOD.into(),
        }
    }
}

impl Describe for crate::greetings::service::GiftError {
    fn describe(&self) -> String {
        use crate::greetings::service::GiftError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Repeated { date, handed } => w::gift_repeated(
                &date.map(crate::domain::fmt::date).unwrap_or_default(),
                *handed,
            ),
            E::OverLimit { limit } => w::gift_over_limit(&crate::domain::fmt::money(*limit)),
            E::Field(e) => e.describe(),
            E::AlreadyHanded => w::GIFT_ALREADY_HANDED.into(),
            E::ItemTooLong { max } => w::gift_too_long(*max),
            E::Handover(f) => {
                use crate::greetings::service::HandoverField as F;
                match f {
                    F::Date => w::HANDOVER_DATE,
                    F::Future => w::HANDOVER_FUTURE,
                    F::BeforeBirthday => w::HANDOVER_BEFORE_BIRTHDAY,
                    F::By => w::HANDOVER_BY,
                    F::To => w::HANDOVER_TO,
                }
                .into()
            }
        }
    }
}

impl Describe for crate::greetings::documents::DocumentError {
    fn describe(&self) -> String {
        use crate::greetings::documents::DocumentError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Pdf(e) => e.describe(),
            E::File(e) => e.describe(),
            E::Template(line) => w::card_template_syntax(*line),
            E::UnknownField(name) => w::card_template_unknown(name),
            E::EmptyCard => w::CARD_EMPTY.into(),
            E::NotTheirDay => w::CARD_NOT_THEIR_DAY.into(),
            E::NoName => w::CARD_NO_NAME.into(),
            E::NothingToOrder => w::ORDER_NONE.into(),
            E::CardTooLong => w::CARD_TOO_LONG.into(),
            E::CallTime => w::BAD_CALL_TIME.into(),
            E::Period(e) => e.describe(),
        }
    }
}

impl Describe for crate::greetings::PeriodError {
    fn describe(&self) -> String {
        match self {
            crate::greetings::PeriodError::Reversed => w::ERR_BAD_PERIOD.into(),
            crate::greetings::PeriodError::TooLong => w::PERIOD_TOO_LONG.into(),
        }
    }
}
