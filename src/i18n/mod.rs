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
    use crate::domain::fmt;
    let k = &c.criteria;
    let mut met = Vec::new();
    if k.volume {
        let kwh = fmt::number(k.kwh.unwrap_or_default(), 0);
        met.push(reason_volume(&kwh, k.rank.map(|r| (r, k.district_size))));
    }
    if let (true, Some(y)) = (k.stability, k.years) {
        met.push(reason_years(y));
    }
    if k.brand {
        met.push(REASON_BRAND.to_string());
    }
    if k.political {
        met.push(reason_political(&c.facts.political_note));
    }
    if met.is_empty() {
        REASON_NONE.to_string()
    } else {
        met.join("; ")
    }
}
