//! The stored VIP list of a year: its versions, its rows as judged and decided, and what a
//! write of it may be refused for.

use chrono::NaiveDate;

use super::criteria::{Criteria, Proposal};
use crate::domain::{Denied, FieldErrors, Id};
use crate::storage::StorageError;

/// Where a version of the list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListStatus {
    /// Proposed and edited by the head of the group; not yet approved.
    #[default]
    Draft,
    /// Approved by the director's order: frozen.
    Approved,
}

crate::codes!(ListStatus, "VIP list status", Draft => "draft", Approved => "approved");

/// One version of the list of a year, with its rows (those the reader may see).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VipList {
    pub id: Id,
    pub year: i32,
    /// 1 for the first list of the year; a correction is the next.
    pub version: i32,
    pub status: ListStatus,
    /// The 12 months of consumption judged.
    pub window_from: Option<NaiveDate>,
    pub window_to: Option<NaiveDate>,
    pub order_number: String,
    pub order_date: Option<NaiveDate>,
    /// The version this one corrects.
    pub corrects: Option<Id>,
    /// The order appointing the personal managers of the year.
    pub managers_order_number: String,
    pub managers_order_date: Option<NaiveDate>,
    pub rows: Vec<ListRow>,
}

impl VipList {
    pub fn is_frozen(&self) -> bool {
        self.status == ListStatus::Approved
    }
    /// The clients in the list (its decision includes or keeps them).
    pub fn included(&self) -> impl Iterator<Item = &ListRow> {
        self.rows.iter().filter(|r| r.is_included())
    }
    /// The changes from last year's list: the clients coming in, and those going out.
    pub fn changes(&self) -> (Vec<&ListRow>, Vec<&ListRow>) {
        let coming = self
            .rows
            .iter()
            .filter(|r| r.is_included() && r.vip_before != Some(true))
            .collect();
        let going = self
            .rows
            .iter()
            .filter(|r| !r.is_included() && r.vip_before == Some(true))
            .collect();
        (coming, going)
    }
}

/// A version of a year's list, as the list of versions shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListHead {
    pub id: Id,
    pub year: i32,
    pub version: i32,
    pub status: ListStatus,
    pub order_number: String,
    pub order_date: Option<NaiveDate>,
    pub rows: usize,
    pub included: usize,
}

/// A client of the list: what it was judged on when the list was proposed, what the list
/// proposed and what the head decided.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListRow {
    pub id: Id,
    pub client_id: Id,
    pub manager_id: Option<Id>,
    /// The client's name, INN and office when the list was made (a frozen list keeps them).
    pub client_name: String,
    pub inn: String,
    pub district: String,
    pub criteria: Criteria,
    pub political_note: String,
    /// In last year's approved list: Some(true) included, Some(false) excluded, None no row.
    pub vip_before: Option<bool>,
    pub proposal: Proposal,
    pub decision: Proposal,
    /// The head's reason where the decision is not the proposal's (empty: the criteria say it).
    pub reason: String,
}

impl ListRow {
    pub fn is_included(&self) -> bool {
        self.decision != Proposal::Exclude
    }
}

/// What the head changes in a row of a draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowEdit {
    pub decision: Proposal,
    pub reason: String,
    pub brand: bool,
    pub political: bool,
    pub political_note: String,
}

/// The director's order, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderDraft {
    pub number: String,
    /// ДД.ММ.ГГГГ.
    pub date: String,
}

/// Why a write of the list was refused.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Denied(#[from] Denied),
    /// The list is approved: a change is a correction (a new version).
    #[error("the list is approved")]
    Frozen,
    /// The year already has a list (its latest version): open it, or correct it.
    #[error("the year {year} has a list (version {version})")]
    Exists { year: i32, version: i32 },
    /// Only the latest version of a year is corrected, and only once it is approved.
    #[error("not the latest approved version")]
    NotLatestApproved,
    /// A year the program does not make lists for.
    #[error("year {0}")]
    Year(i32),
    /// The client is in the list already.
    #[error("the client is in the list")]
    AlreadyListed,
    /// The managers' order before the list itself is approved.
    #[error("the list is not approved")]
    NotApproved,
    /// A list further ahead than next year.
    #[error("the list of {0} is made in the December before it")]
    TooEarly(i32),
    /// An order dated before the day it can be (the list's year before, the order it follows).
    #[error("an order before {earliest}")]
    OrderTooEarly { earliest: NaiveDate },
    /// A correction of the year is already a draft.
    #[error("correction {version} is open")]
    CorrectionOpen { version: i32 },
    /// The managers of a past year are not appointed any more.
    #[error("the year {0} is past")]
    PastYear(i32),
    /// This version's managers' order is recorded.
    #[error("the managers' order {number} is recorded")]
    AlreadyAppointed { number: String, date: NaiveDate },
    #[error("{0:?}")]
    Fields(FieldErrors),
}

impl From<crate::domain::FieldError> for ListError {
    fn from(e: crate::domain::FieldError) -> Self {
        ListError::Fields(FieldErrors::from([(String::new(), e)]))
    }
}

/// How a question of the questionnaire is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuestionKind {
    /// A score from 1 (bad) to 5 (excellent).
    #[default]
    Scale,
    /// Words.
    Free,
}

crate::codes!(QuestionKind, "survey question kind", Scale => "scale", Free => "free");
