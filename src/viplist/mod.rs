//! The yearly VIP list (the standard, Ch. 7 §1: approved once a year by the director on four
//! criteria): the criteria judged from the dossier, the proposal for next year, the stored list
//! in versions with the director's orders, and the satisfaction study.

pub mod criteria;
pub mod demo;
pub mod documents;
pub mod lists;
pub mod model;
pub mod satisfaction;
pub mod service;
mod store;
pub mod survey;

pub use criteria::{Candidate, Criteria, Facts, Proposal, Thresholds};
pub use model::{
    ListError, ListHead, ListRow, ListStatus, OrderDraft, QuestionKind, RowEdit, VipList,
};
