//! The core: ids, the clock, the acting user, typed field errors, formats, names, validation.
//! No egui, no rusqlite, no i18n — pure and unit-tested. Each feature's own types live in its
//! folder (`clients/`, `letters/`, `contacts/`, `admin/`).

pub mod access;
pub mod actor;
pub mod calendar;
pub mod clock;
pub mod code;
pub mod error;
pub mod fmt;
pub mod hlc;
pub mod holidays;
pub mod merge;
pub mod names;
pub mod text;
pub mod typography;
pub mod validate;

pub use access::{Denied, Duty, Refusal};
pub use actor::{Actor, Role, Scope};
pub use clock::{Clock, FixedClock, SystemClock};
pub use code::{Code, UnknownCode};
pub use error::{Check, FieldError, FieldErrors};

/// The row id of any record.
pub type Id = i64;

/// An entry of a small editable catalogue (district offices, services, topics of appeals).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CatalogItem {
    pub id: Id,
    pub name: String,
}

/// A new stable identifier for a record.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}
