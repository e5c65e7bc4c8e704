//! The VIP list of a year and the managers' appointment list as PDFs for the director's order:
//! on the company's internal header, with the approval stamp top right (GOST R 7.0.97:
//! «УТВЕРЖДАЮ …» with places for the signature and the order while the list is a draft; «УТВЕРЖДЁН
//! приказом … от … № …» once the order is recorded), the changes from last year, and the head of
//! the group's signature as the one who prepared it.

use std::path::Path;

use super::criteria::Proposal;
use super::model::{ListRow, VipList};
use crate::admin::{self, Manager};
use crate::domain::{Role, fmt, names};
use crate::files::{self, FileError};
use crate::pdf::table::{InternalHead, Signature, Table, layout_table};
use crate::pdf::{self, Company, Meta, PdfError};
use crate::storage::{Reader, StorageError};
use crate::words as w;

/// Why a document was not made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    File(#[from] FileError),
    /// The year has no list yet.
    #[error("no list of {0}")]
    NoList(i32),
    /// The documents for the director are the head's (a manager sees the rows of their own).
    #[error(transparent)]
    Denied(#[from] crate::domain::Denied),
    /// The year has no survey to report on.
    #[error("no surveys in {0}")]
    NoSurveys(i32),
}

/// The approval stamp, top right: the director's, with the order when it is recorded.
fn approval(company: &Company, order: Option<(&str, chrono::NaiveDate)>) -> Vec<String> {
    let position = company.director_position.trim();
    let whose = if company.short_name.trim().is_empty() {
        company.name.trim()
    } else {
        company.short_name.trim()
    };
    match order {
        Some((number, date)) => vec![
            w::APPROVED_STAMP.to_string(),
            w::approved_by_order(whose),
            w::order_date_number(&fmt::date(date), number),
        ],
        None => {
            let signer = names::parse_official(&company.director_name)
                .map(|(s, n, p)| names::initials_surname(&s, &n, &p))
                .unwrap_or_default();
            vec![
                w::APPROVE_STAMP.to_string(),
                if position.is_empty() {
                    w::DIRECTOR_FALLBACK.to_string()
                } else {
                    position.to_string()
                },
                whose.to_string(),
                w::approve_signature_line(&signer),
                w::APPROVE_DATE_LINE.to_string(),
                w::APPROVE_ORDER_LINE.to_string(),
            ]
        }
    }
}

/// The head of the group, who prepares the list (signed by hand).
pub(super) fn preparer(managers: &[Manager]) -> Option<Signature> {
    let head = managers
        .iter()
        .find(|m| m.role == Role::GroupHead && m.active)?;
    Some(Signature {
        position: if head.position.trim().is_empty() {
            w::PREPARED_BY_FALLBACK.to_string()
        } else {
            head.position.clone()
        },
        name: head.signature_name(),
        png: None,
    })
}

/// The decision on a row in words: «включить», «оставить», «исключить», «не включать».
pub fn decision_words(r: &ListRow) -> &'static str {
    match (r.decision, r.vip_before) {
        (Proposal::Include, _) => w::PROPOSAL_INCLUDE,
        (Proposal::Keep, _) => w::PROPOSAL_KEEP,
        (Proposal::Exclude, Some(true)) => w::PROPOSAL_EXCLUDE,
        (Proposal::Exclude, _) => w::DECISION_LEAVE_OUT,
    }
}

/// Why the row is decided so: the head's reason, else the criteria met.
pub fn reason_words(r: &ListRow) -> String {
    if r.reason.trim().is_empty() {
        super::criteria::reason(&r.criteria, &r.political_note)
    } else {
        r.reason.clone()
    }
}

/// The criteria met, and the head's reason where there is one.
fn criteria_cell(r: &ListRow) -> String {
    let met = super::criteria::met_names(&r.criteria, &r.political_note);
    if r.reason.trim().is_empty() {
        met
    } else {
        w::met_and_reason(&met, r.reason.trim())
    }
}

fn manager_names(managers: &[Manager]) -> std::collections::HashMap<crate::domain::Id, String> {
    admin::service::distinct_names(managers)
}

/// A document's properties: its title as subject, the signer as author.
pub(super) fn meta(title: &str, signature: Option<&Signature>, today: chrono::NaiveDate) -> Meta {
    Meta {
        title: title.to_string(),
        author: signature
            .map(|s| s.name.replace('\u{a0}', " "))
            .unwrap_or_default(),
        subject: title.to_string(),
        date: today,
    }
}

/// The list as a PDF: the clients in it (with their criteria, manager and last year's status),
/// then the changes from last year with the reasons.
pub fn list_pdf(
    db: &impl Reader,
    list: &VipList,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let company = admin::service::company(db)?;
    let managers = admin::service::managers(db)?;
    let names = manager_names(&managers);
    let rows: Vec<Vec<String>> = list
        .included()
        .enumerate()
        .map(|(i, r)| {
            let k = &r.criteria;
            let kwh = match (k.kwh, k.rank) {
                (Some(v), Some(rank)) => {
                    w::kwh_with_place(&fmt::number(v, 0), rank, k.district_size)
                }
                (Some(v), None) => fmt::number(v, 0),
                (None, _) => w::NO_CONSUMPTION.to_string(),
            };
            vec![
                (i + 1).to_string(),
                w::client_with_inn(&r.client_name, &r.inn),
                r.district.clone(),
                kwh,
                k.years.map(|y| y.to_string()).unwrap_or_default(),
                criteria_cell(r),
                r.manager_id
                    .and_then(|m| names.get(&m).cloned())
                    .unwrap_or_default(),
                w::vip_before_words(r.vip_before).to_string(),
            ]
        })
        .collect();
    let (coming, going) = list.changes();
    let mut footer = vec![w::vip_list_count(list.included().count())];
    footer.push(w::changes_heading(list.year - 1));
    // Each group of changes is one sentence: «— …;» and the last «— ….».
    let group = |rows: &[&ListRow]| -> Vec<String> {
        rows.iter()
            .enumerate()
            .map(|(i, r)| w::change_line(&r.client_name, &reason_words(r), i + 1 == rows.len()))
            .collect()
    };
    footer.push(w::coming_line(coming.len()));
    footer.extend(group(&coming));
    footer.push(w::going_line(going.len()));
    footer.extend(group(&going));
    let title = w::vip_list_title(list.year);
    let mut head = InternalHead::of(&company);
    head.addressee = approval(
        &company,
        list.order_date
            .filter(|_| list.is_frozen())
            .map(|d| (list.order_number.as_str(), d)),
    );
    let signature = preparer(&managers);
    let mut heading = vec![title.clone()];
    if list.version > 1 {
        heading.push(w::vip_list_version(list.version));
    }
    if !list.is_frozen() {
        heading.push(w::DRAFT_MARK.to_string());
    }
    let intro = match (list.window_from, list.window_to) {
        (Some(a), Some(b)) => vec![w::vip_list_intro(
            &fmt::month(chrono::Datelike::year(&a), chrono::Datelike::month(&a)),
            &fmt::month(chrono::Datelike::year(&b), chrono::Datelike::month(&b)),
        )],
        _ => Vec::new(),
    };
    let table = Table {
        title: heading,
        intro,
        columns: vec![
            (w::COL_NO.into(), 9.0),
            (w::COL_VIP_CLIENT.into(), 52.0),
            (w::COL_VIP_DISTRICT.into(), 30.0),
            (w::COL_VIP_KWH.into(), 34.0),
            (w::COL_VIP_YEARS.into(), 20.0),
            (w::COL_VIP_CRITERIA.into(), 60.0),
            (w::COL_VIP_MANAGER.into(), 34.0),
            (w::col_vip_before(list.year - 1), 28.0),
        ],
        rows,
        bold_rows: Vec::new(),
        footer,
        header: Some(head),
        signature,
        landscape: true,
        charts: Vec::new(),
        cell_pt: Some(9.0),
    };
    let meta = meta(&title, table.signature.as_ref(), today);
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// The personal managers of the year with their clients in the list, as a PDF for the
/// director's order of appointment.
pub fn managers_pdf(
    db: &impl Reader,
    list: &VipList,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let company = admin::service::company(db)?;
    let managers = admin::service::managers(db)?;
    let mut by_manager: Vec<(Option<&Manager>, Vec<&ListRow>)> = Vec::new();
    for r in list.included() {
        let m = managers
            .iter()
            .find(|m| m.id.is_some() && m.id == r.manager_id);
        match by_manager
            .iter_mut()
            .find(|(x, _)| x.and_then(|x| x.id) == m.and_then(|m| m.id))
        {
            Some((_, rows)) => rows.push(r),
            None => by_manager.push((m, vec![r])),
        }
    }
    // By surname; the clients nobody serves last.
    by_manager.sort_by_key(|(m, _)| m.map_or((1, String::new()), |m| (0, m.full_name())));
    let rows: Vec<Vec<String>> = by_manager
        .iter()
        .enumerate()
        .map(|(i, (m, clients))| {
            let mut names: Vec<String> = clients
                .iter()
                .map(|r| w::client_with_inn(&r.client_name, &r.inn))
                .collect();
            names.sort();
            vec![
                (i + 1).to_string(),
                m.map_or(w::NO_MANAGER.to_string(), |m| m.full_name()),
                m.map(|m| m.position.clone()).unwrap_or_default(),
                names
                    .iter()
                    .enumerate()
                    .map(|(k, n)| format!("{}. {n}", k + 1))
                    .collect::<Vec<_>>()
                    .join("\n"),
                clients.len().to_string(),
            ]
        })
        .collect();
    let title = w::managers_list_title(list.year);
    let mut head = InternalHead::of(&company);
    head.addressee = approval(
        &company,
        list.managers_order_date
            .map(|d| (list.managers_order_number.as_str(), d)),
    );
    let mut heading = vec![title.clone()];
    if !list.is_frozen() {
        heading.push(w::DRAFT_MARK.to_string());
    }
    let table = Table {
        title: heading,
        intro: vec![w::managers_list_intro(list.year, list.included().count())],
        columns: vec![
            (w::COL_NO.into(), 9.0),
            (w::COL_MANAGER_NAME.into(), 42.0),
            (w::COL_MANAGER_POSITION.into(), 40.0),
            (w::COL_MANAGER_CLIENTS.into(), 72.0),
            (w::COL_MANAGER_COUNT.into(), 17.0),
        ],
        rows,
        bold_rows: Vec::new(),
        footer: Vec::new(),
        header: Some(head),
        signature: preparer(&managers),
        landscape: false,
        charts: Vec::new(),
        cell_pt: None,
    };
    let meta = meta(&title, table.signature.as_ref(), today);
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// The list of `year` to print: the latest version (a draft is marked so).
fn printed(db: &impl Reader, year: i32) -> Result<VipList, DocumentError> {
    super::lists::latest(db, &crate::domain::Actor::SYSTEM, year)?
        .ok_or(DocumentError::NoList(year))
}

/// The two documents of a year's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// «Список клиентов категории VIP на … год».
    List,
    /// The managers' appointment list.
    Managers,
}

/// Writes a document of the list of `year` (its latest version) to `target`; returns the
/// bytes written.
pub fn write(
    db: &impl Reader,
    actor: &crate::domain::Actor,
    year: i32,
    which: Document,
    today: chrono::NaiveDate,
    target: &Path,
) -> Result<usize, DocumentError> {
    actor.may(crate::domain::Duty::EditVipList)?;
    let list = printed(db, year)?;
    let bytes = match which {
        Document::List => list_pdf(db, &list, today)?,
        Document::Managers => managers_pdf(db, &list, today)?,
    };
    files::write(target, &bytes)?;
    Ok(bytes.len())
}
