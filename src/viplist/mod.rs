//! The yearly VIP list (the standard, Ch. 7 §1: approved once a year by the director on four
//! criteria): the criteria judged from the dossier and the proposal for next year.

pub mod criteria;
pub mod service;
mod store;

pub use criteria::{Candidate, Criteria, Facts, Proposal, Thresholds};
