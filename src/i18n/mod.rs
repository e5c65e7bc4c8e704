//! The edge between typed values and the user: the names of enumerations ([`Label`]) and the
//! sentences of typed errors, in Russian, built from [`crate::words`]. Screens and the command
//! line use this; the domain, the storage and the features never do.

pub mod errors;
pub mod fields;
pub mod journal;
pub mod labels;

pub use crate::words::*;
pub use errors::*;
pub use journal::{journal_changes, journal_value};
pub use labels::{Label, backup_kind};
