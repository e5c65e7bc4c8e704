//! The contacts' errors.

use super::*;

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
        }
    }
}
