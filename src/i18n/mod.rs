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

/// What printing did, as the user reads it.
pub fn printed(p: crate::files::Printed) -> &'static str {
    match p {
        crate::files::Printed::Sent => SENT_TO_PRINT,
        crate::files::Printed::Opened => OPENED_TO_PRINT,
        crate::files::Printed::NoPrintProgram => OPENED_NO_PRINT_PROGRAM,
    }
}

/// Why a client is proposed so: the criteria it meets (or that it meets none).
pub fn vip_reason(c: &crate::viplist::Candidate) -> String {
    crate::viplist::criteria::reason(&c.criteria, &c.facts.political_note)
}
