//! The rules of appeals that need the database: registration with never-reused numbers and the
//! term of the rule for the appeal's kind and the client's kind, the flow with what each step
//! needs, forwarding, the extension with its notice letter, the reply letter linked both ways,
//! answers on the client's channel, the register and «Сегодня».

use chrono::{NaiveDate, NaiveDateTime};

use super::model::*;
use super::store;
use crate::calendar::service as calendar;
use crate::clients::service as clients_service;
use crate::clients::{Direction, Record};
use crate::contacts::{Meeting, MeetingKind, service as contacts_service};
use crate::domain::CatalogItem;
use crate::domain::calendar::{Calendar, Term};
use crate::domain::{Actor, FieldError, FieldErrors, Id, Refusal, Scope};
use crate::letters::{Letter, LetterError, LetterRegistered, Reply, service as letters_service};
use crate::storage::settings::Editable;
use crate::storage::{Conn, Db, Event, Reader, StorageError, Tx};

mod flow;
mod letters;
mod query;

pub use flow::*;
pub use letters::*;
pub use query::*;

#[derive(Debug, thiserror::Error)]
pub enum AppealError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error("the appeal's fields are not valid: {0:?}")]
    Invalid(FieldErrors),
    #[error("an appeal cannot go from {from:?} to {to:?}")]
    BadTransition {
        from: AppealStatus,
        to: AppealStatus,
    },
    #[error("a {0:?} is closed only after its answer is sent")]
    CloseWithoutAnswer(AppealKind),
    #[error("no answer to send")]
    NoAnswer,
    #[error("the client chose {chosen:?}; answering by {used:?} needs a reason")]
    OtherChannel { chosen: Channel, used: Channel },
    #[error("an answer by post is a registered letter")]
    PostIsALetter,
    #[error("forwarding needs the department")]
    NoDepartment,
    #[error("an extension needs a reason")]
    NoReason,
    #[error("an extension is from 1 to {max} days")]
    ExtensionDays { max: u32 },
    #[error("the term was already extended on {0}")]
    AlreadyExtended(NaiveDate),
    #[error("appeal {0} is not registered yet")]
    NotRegistered(Id),
    #[error("the e-mail was already taken in as appeal {number:?}")]
    AlreadyImported { id: Id, number: String },
    #[error(transparent)]
    File(#[from] crate::files::FileError),
    #[error("the Excel file could not be made: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("{0} rows do not fit in an Excel sheet")]
    TooManyRows(usize),
}

impl From<FieldErrors> for AppealError {
    fn from(e: FieldErrors) -> Self {
        AppealError::Invalid(e)
    }
}

pub fn settings(db: &Db) -> Result<AppealSettings, StorageError> {
    store::settings(db.conn())
}

/// The settings for «Сроки и тематики»: as saved, or the defaults with the reason when what
/// is saved does not read.
pub fn settings_to_edit(db: &Db) -> Result<Editable<AppealSettings>, StorageError> {
    store::settings_to_edit(db.conn())
}

/// Saves the settings: a number format with `{n}`, terms of 1 to 365 days.
/// What the settings' form refuses: a number format without `{n}`, terms outside 1 to 365
/// days, «due soon» over 60 working days (the form shows each beside its field as typed).
pub fn check_settings(s: &AppealSettings) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if !crate::domain::fmt::number_format_ok(&s.number_format) {
        errors.insert("number_format".into(), FieldError::NumberFormat);
    }
    let terms = s
        .rules
        .iter()
        .map(|r| r.term)
        .chain([s.registration_term, s.forwarding_term]);
    for t in terms {
        if !(1..=365).contains(&t.days) {
            errors.insert("terms".into(), FieldError::Range { min: 1, max: 365 });
        }
    }
    if !(1..=365).contains(&s.max_extension_days) {
        errors.insert(
            "max_extension_days".into(),
            FieldError::Range { min: 1, max: 365 },
        );
    }
    if s.due_soon_days > 60 {
        errors.insert(
            "due_soon_days".into(),
            FieldError::Range { min: 0, max: 60 },
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

pub fn save_settings(db: &mut Db, actor: &Actor, s: &AppealSettings) -> Result<(), AppealError> {
    check_settings(s).map_err(AppealError::Invalid)?;
    actor
        .may(crate::domain::Duty::EditDeadlines)
        .map_err(StorageError::from)?;
    db.write(actor, |w| Ok(store::save_settings(w, s)?))
}

pub fn topics(db: &Db) -> Result<Vec<CatalogItem>, StorageError> {
    store::topics(db.conn())
}

pub fn add_topic(db: &mut Db, actor: &Actor, name: &str) -> Result<Id, AppealError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(field("topic", FieldError::Required));
    }
    actor
        .may(crate::domain::Duty::EditDeadlines)
        .map_err(StorageError::from)?;
    db.write(actor, |w| {
        store::add_topic(w, name).map_err(|e| match e {
            e if e.is_unique_violation() => field("topic", FieldError::NameTaken),
            e => e.into(),
        })
    })
}

pub fn rename_topic(db: &mut Db, actor: &Actor, id: Id, name: &str) -> Result<(), AppealError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(field("topic", FieldError::Required));
    }
    actor
        .may(crate::domain::Duty::EditDeadlines)
        .map_err(StorageError::from)?;
    db.write(actor, |w| {
        store::rename_topic(w, id, name).map_err(|e| match e {
            e if e.is_unique_violation() => field("topic", FieldError::NameTaken),
            e => e.into(),
        })
    })
}

pub fn delete_topic(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    actor.may(crate::domain::Duty::EditDeadlines)?;
    db.write(actor, |w| store::delete_topic(w, id))
}

fn field(key: &str, e: FieldError) -> AppealError {
    AppealError::Invalid(FieldErrors::from([(key.to_string(), e)]))
}

/// A new appeal of a client, received now by `channel`, answered by the same channel.
pub fn new_appeal(
    client_id: Id,
    channel: Channel,
    received_at: NaiveDateTime,
    manager_id: Option<Id>,
) -> Appeal {
    Appeal {
        client_id,
        channel,
        reply_channel: channel,
        received_at,
        manager_id,
        status: AppealStatus::Received,
        ..Default::default()
    }
}

/// The checks of the form: a client, a subject or a text, a receipt not in the future.
pub fn validate(a: &Appeal, now: NaiveDateTime) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if a.client_id <= 0 {
        errors.insert("client".into(), FieldError::Required);
    }
    if a.subject.trim().is_empty() {
        errors.insert("subject".into(), FieldError::Required);
    }
    if a.received_at > now + chrono::Duration::minutes(5) {
        errors.insert("received_at".into(), FieldError::FutureDate);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

pub fn open(db: &Db, id: Id) -> Result<Appeal, StorageError> {
    store::get(db.conn(), id)
}

/// The register with `f`: at most `limit` rows, newest first (by deadline when filtering by
/// deadline), and how many match in all.
pub fn list(
    db: &Db,
    f: &AppealFilter,
    limit: usize,
) -> Result<(Vec<AppealRow>, usize), StorageError> {
    store::list(db.conn(), f, limit)
}

/// How many rows the register shows at once (its count says how many match).
pub const SHOWN: usize = 500;

/// How far the register counts its matches (beyond: «more than»).
pub const COUNT_CAP: usize = store::COUNT_CAP;

/// The calendar the deadlines are counted on.
pub fn calendar(db: &Db) -> Result<Calendar, StorageError> {
    calendar::calendar(db)
}

/// The register's settings, for the database's hooks.
pub const SETTINGS: crate::storage::settings::Known = crate::storage::settings::Known {
    key: "appeals",
    read: |conn| store::settings(conn).map(|_| ()),
};
