//! The stored VIP list of a year: proposed by the head of the group from the dossier, edited as
//! a draft, approved by the director's order (which fills every client's «Статус VIP» row of
//! the year) and then frozen; a correction is a new version beside the original. The managers'
//! appointment order of the year is recorded on the approved list.

use chrono::{Datelike as _, NaiveDate};

use super::criteria::{self, Proposal};
use super::model::{ListError, ListHead, ListRow, ListStatus, OrderDraft, RowEdit, VipList};
use super::service::window;
use super::store::{self, lists};
use crate::clients::VipYear;
use crate::domain::{Actor, Check, Duty, FieldError, Id, Scope};
use crate::storage::{Db, Reader, StorageError, Tx};

/// The years a list is made for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The most characters of an order's number.
const MAX_ORDER_NUMBER: usize = 50;

fn only(actor: &Actor) -> Option<Id> {
    match actor.scope() {
        Scope::All => None,
        Scope::Manager(id) => Some(id),
    }
}

/// The versions of the list of `year`, oldest first.
pub fn versions(db: &impl Reader, year: i32) -> Result<Vec<ListHead>, StorageError> {
    lists::heads(db.connection(), Some(year))
}

/// Every version of every year, oldest first.
pub fn all_versions(db: &impl Reader) -> Result<Vec<ListHead>, StorageError> {
    lists::heads(db.connection(), None)
}

/// The list `id` as `actor` sees it: a manager the rows of their own clients.
pub fn open(db: &impl Reader, actor: &Actor, id: Id) -> Result<Option<VipList>, StorageError> {
    lists::load(db.connection(), id, only(actor))
}

/// The latest version of the list of `year` (a draft or approved), as `actor` sees it.
pub fn latest(db: &impl Reader, actor: &Actor, year: i32) -> Result<Option<VipList>, StorageError> {
    match versions(db, year)?.last() {
        Some(h) => open(db, actor, h.id),
        None => Ok(None),
    }
}

/// The list of `year` in force: its latest approved version, as `actor` sees it.
pub fn approved(
    db: &impl Reader,
    actor: &Actor,
    year: i32,
) -> Result<Option<VipList>, StorageError> {
    match versions(db, year)?
        .iter()
        .rev()
        .find(|h| h.status == ListStatus::Approved)
    {
        Some(h) => open(db, actor, h.id),
        None => Ok(None),
    }
}

fn check_year(year: i32) -> Result<(), ListError> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(ListError::Year(year))
    }
}

/// The row of a judged client, decided as proposed.
fn row_of(c: &criteria::Candidate) -> ListRow {
    ListRow {
        id: 0,
        client_id: c.facts.client_id,
        manager_id: c.facts.manager_id,
        client_name: c.facts.name.clone(),
        inn: c.facts.inn.clone(),
        district: c.facts.district.clone(),
        criteria: c.criteria.clone(),
        political_note: c.facts.political_note.clone(),
        vip_before: c.facts.vip_now,
        proposal: c.proposal,
        decision: c.proposal,
        reason: String::new(),
    }
}

/// Every client judged for the list of `year`, inside a write.
fn judged(
    w: &Tx,
    year: i32,
) -> Result<((NaiveDate, NaiveDate), Vec<criteria::Candidate>), StorageError> {
    let thresholds = store::thresholds(w)?;
    let (from, to) = window(year, w.today());
    let month = |d: NaiveDate| d.format("%Y-%m").to_string();
    let facts = store::facts(w, year, &month(from), &month(to))?;
    Ok(((from, to), criteria::judge(&facts, year, &thresholds)))
}

/// Proposes the list of `year` from the dossier as a draft (version 1): this year's VIP
/// clients and the clients whose volume qualifies, each decided as proposed. The head's.
pub fn create(db: &mut Db, actor: &Actor, year: i32) -> Result<Id, ListError> {
    check_year(year)?;
    let id = db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        // Next year's list is made in December; one further ahead has no year to be judged on.
        if year > w.today().year() + 1 {
            return Err(ListError::TooEarly(year));
        }
        if let Some(h) = lists::heads(w, Some(year))?.last() {
            return Err(ListError::Exists {
                year,
                version: h.version,
            });
        }
        let (window, judged) = judged(w, year)?;
        let id = lists::insert_list(w, year, 1, window, None)?;
        let mut candidates: Vec<_> = judged
            .iter()
            .filter(|c| criteria::is_candidate(c))
            .collect();
        candidates.sort_by_key(|c| c.facts.client_id);
        for c in candidates {
            lists::insert_row(w, id, &row_of(c))?;
        }
        Ok(id)
    })?;
    log::info!("VIP list {id} of {year} proposed");
    Ok(id)
}

/// The draft a row belongs to, refused when the list is approved.
fn draft_of(w: &Tx, list_id: Id) -> Result<VipList, ListError> {
    let list = lists::load(w, list_id, None)?.ok_or(StorageError::NotFound(list_id))?;
    if list.is_frozen() {
        return Err(ListError::Frozen);
    }
    Ok(list)
}

/// A decision away from the proposal needs the head's reason.
fn check_reason(proposal: Proposal, decision: Proposal, reason: &str) -> Result<(), ListError> {
    if reason.chars().any(char::is_control) {
        return Err(FieldError::OneLine.into());
    }
    let differs = (proposal == Proposal::Exclude) != (decision == Proposal::Exclude);
    if differs && reason.trim().is_empty() {
        return Err(ListError::Fields(
            [("reason".to_string(), FieldError::Required)].into(),
        ));
    }
    Ok(())
}

/// The head's decision on a row of a draft: include or exclude (with the reason where it is
/// not the proposal's), the brand and political judgements. A frozen list refuses it.
pub fn edit_row(db: &mut Db, actor: &Actor, row_id: Id, e: &RowEdit) -> Result<(), ListError> {
    db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        let (list_id, row) = lists::row(w, row_id)?.ok_or(StorageError::NotFound(row_id))?;
        draft_of(w, list_id)?;
        check_reason(row.proposal, e.decision, &e.reason)?;
        if e.political_note.chars().any(char::is_control) {
            return Err(FieldError::OneLine.into());
        }
        let e = RowEdit {
            reason: e.reason.trim().to_string(),
            political_note: e.political_note.trim().to_string(),
            // A kept client stays «оставить», a new one «включить».
            decision: match (e.decision, row.vip_before) {
                (Proposal::Exclude, _) => Proposal::Exclude,
                (_, Some(true)) => Proposal::Keep,
                _ => Proposal::Include,
            },
            ..e.clone()
        };
        lists::update_row(w, row_id, &e)?;
        Ok::<_, ListError>(())
    })?;
    log::info!("VIP list row {row_id} decided");
    Ok(())
}

/// Adds a client the proposal left out (a brand, a leader of high political status) to a
/// draft, included, with the head's reason; returns the row's id.
pub fn add_client(
    db: &mut Db,
    actor: &Actor,
    list_id: Id,
    client_id: Id,
    reason: &str,
) -> Result<Id, ListError> {
    let id = db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        let list = draft_of(w, list_id)?;
        if list.rows.iter().any(|r| r.client_id == client_id) {
            return Err(ListError::AlreadyListed);
        }
        let (_, judged) = judged(w, list.year)?;
        let c = judged
            .iter()
            .find(|c| c.facts.client_id == client_id)
            .ok_or(StorageError::NotFound(client_id))?;
        let mut row = row_of(c);
        row.decision = if row.vip_before == Some(true) {
            Proposal::Keep
        } else {
            Proposal::Include
        };
        check_reason(row.proposal, row.decision, reason)?;
        row.reason = reason.trim().to_string();
        Ok(lists::insert_row(w, list_id, &row)?)
    })?;
    log::info!("client {client_id} added to VIP list {list_id}");
    Ok(id)
}

/// The order as typed: its number (one line, required) and its date (not after today, nor
/// before `earliest`).
fn check_order(
    o: &OrderDraft,
    earliest: NaiveDate,
    today: NaiveDate,
) -> Result<(String, NaiveDate), ListError> {
    let mut ck = Check::default();
    let number = ck.required("order_number", &o.number);
    if number.chars().any(char::is_control) {
        ck.err("order_number", FieldError::OneLine);
    }
    if number.chars().count() > MAX_ORDER_NUMBER {
        ck.err("order_number", FieldError::TooLong(MAX_ORDER_NUMBER));
    }
    let date = ck.required_date("order_date", &o.date);
    if date.is_some_and(|d| d > today) {
        ck.err("order_date", FieldError::FutureDate);
    }
    match (ck.finish(()), date) {
        (Ok(()), Some(d)) if d < earliest => Err(ListError::OrderTooEarly { earliest }),
        (Ok(()), Some(d)) => Ok((number, d)),
        (Err(e), _) => Err(ListError::Fields(e)),
        (Ok(()), None) => Err(FieldError::Date.into()),
    }
}

/// The day before which an order about the list cannot be: the year before the list's for the
/// first version, the order of the version it corrects for a correction.
fn earliest_order(w: &Tx, list: &VipList) -> Result<NaiveDate, StorageError> {
    let start = NaiveDate::from_ymd_opt(list.year - 1, 1, 1).unwrap_or(NaiveDate::MIN);
    let corrected = match list.corrects {
        Some(id) => lists::load(w, id, None)?.and_then(|l| l.order_date),
        None => None,
    };
    Ok(corrected.map_or(start, |d| d.max(start)))
}

/// Records the director's order approving a draft: the list is frozen, and every client of it
/// gets its «Статус VIP» row of the year (included or excluded, the criteria, the order).
/// Returns how many clients are in the list and how many are not.
pub fn record_order(
    db: &mut Db,
    actor: &Actor,
    list_id: Id,
    o: &OrderDraft,
) -> Result<(usize, usize), ListError> {
    let n = db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        let list = draft_of(w, list_id)?;
        let (number, date) = check_order(o, earliest_order(w, &list)?, w.today())?;
        lists::approve(w, list_id, &number, date)?;
        for r in &list.rows {
            let k = &r.criteria;
            crate::clients::service::set_vip_year(
                w,
                r.client_id,
                &VipYear {
                    year: list.year,
                    crit_volume: k.volume,
                    volume_kwh: k.kwh,
                    crit_brand: k.brand,
                    crit_stability: k.stability,
                    crit_political: k.political,
                    political_note: r.political_note.clone(),
                    included: r.is_included(),
                    order_number: number.clone(),
                    order_date: Some(date),
                    ..VipYear::default()
                },
            )?;
        }
        let included = list.included().count();
        Ok::<_, ListError>((included, list.rows.len() - included))
    })?;
    log::info!("VIP list {list_id} approved: {} in, {} out", n.0, n.1);
    Ok(n)
}

/// Starts a correction of the approved list `list_id` (the latest version of its year): a new
/// draft with its rows and decisions; the original stays as it was approved.
pub fn correct(db: &mut Db, actor: &Actor, list_id: Id) -> Result<Id, ListError> {
    let id = db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        let list = lists::load(w, list_id, None)?.ok_or(StorageError::NotFound(list_id))?;
        let latest = lists::heads(w, Some(list.year))?.pop();
        if let Some(h) = &latest
            && h.status == ListStatus::Draft
            && h.version > list.version
        {
            return Err(ListError::CorrectionOpen { version: h.version });
        }
        if !list.is_frozen() || latest.map(|h| h.id) != Some(list_id) {
            return Err(ListError::NotLatestApproved);
        }
        let window = match (list.window_from, list.window_to) {
            (Some(a), Some(b)) => (a, b),
            _ => window(list.year, w.today()),
        };
        let id = lists::insert_list(w, list.year, list.version + 1, window, Some(list_id))?;
        for r in &list.rows {
            lists::insert_row(w, id, r)?;
        }
        // The managers' appointment stands until a new order replaces it.
        if let Some(date) = list.managers_order_date {
            lists::set_managers_order(w, id, &list.managers_order_number, date)?;
        }
        Ok(id)
    })?;
    log::info!("VIP list {list_id} corrected by {id}");
    Ok(id)
}

/// What a row holds now, as the head would edit it.
pub fn row_edit(db: &impl Reader, row_id: Id) -> Result<RowEdit, StorageError> {
    let (_, r) = lists::row(db.connection(), row_id)?.ok_or(StorageError::NotFound(row_id))?;
    Ok(RowEdit {
        decision: r.decision,
        reason: r.reason,
        brand: r.criteria.brand,
        political: r.criteria.political,
        political_note: r.political_note,
    })
}

/// Removes a draft (a proposal made too early is proposed again).
pub fn delete_draft(db: &mut Db, actor: &Actor, list_id: Id) -> Result<(), ListError> {
    db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        draft_of(w, list_id)?;
        lists::delete(w, list_id)?;
        Ok::<_, ListError>(())
    })?;
    log::info!("VIP list draft {list_id} removed");
    Ok(())
}

/// Records the director's order appointing the personal managers of the approved list's year:
/// each manager with a client in the list gets its number and date; returns how many.
pub fn record_managers_order(
    db: &mut Db,
    actor: &Actor,
    list_id: Id,
    o: &OrderDraft,
) -> Result<usize, ListError> {
    let n = db.write(actor, |w| {
        w.actor().may(Duty::EditVipList)?;
        let list = lists::load(w, list_id, None)?.ok_or(StorageError::NotFound(list_id))?;
        if !list.is_frozen() {
            return Err(ListError::NotApproved);
        }
        // A past year's appointments are history; a superseded version's are its correction's.
        if list.year < w.today().year() {
            return Err(ListError::PastYear(list.year));
        }
        if lists::heads(w, Some(list.year))?.last().map(|h| h.id) != Some(list_id) {
            return Err(ListError::NotLatestApproved);
        }
        // Recorded once per version: a correction may have its own (it starts with the one it
        // corrects).
        let inherited = match list.corrects {
            Some(id) => lists::load(w, id, None)?.is_some_and(|c| {
                (c.managers_order_number.as_str(), c.managers_order_date)
                    == (
                        list.managers_order_number.as_str(),
                        list.managers_order_date,
                    )
            }),
            None => false,
        };
        if let Some(date) = list.managers_order_date
            && !inherited
        {
            return Err(ListError::AlreadyAppointed {
                number: list.managers_order_number.clone(),
                date,
            });
        }
        let earliest = list.order_date.unwrap_or(NaiveDate::MIN);
        let (number, date) = check_order(o, earliest, w.today())?;
        lists::set_managers_order(w, list_id, &number, date)?;
        let mut managers: Vec<Id> = list.included().filter_map(|r| r.manager_id).collect();
        managers.sort_unstable();
        managers.dedup();
        for m in &managers {
            crate::admin::service::set_appointment(w, *m, &number, Some(date))?;
        }
        Ok::<_, ListError>(managers.len())
    })?;
    log::info!("managers' appointment recorded on VIP list {list_id}: {n} managers");
    Ok(n)
}

/// What the VIP list does when another feature tells of an event inside its write (subscribed
/// where the database is opened, `crate::wiring`): a client's status of a year its approved list
/// set is not changed in the dossier.
pub fn on_event(w: &Tx, event: &dyn crate::storage::Event) -> Result<(), StorageError> {
    let Some(e) = event
        .as_any()
        .downcast_ref::<crate::clients::VipYearsChanged>()
    else {
        return Ok(());
    };
    for &year in &e.years {
        let approved = lists::heads(w, Some(year))?
            .into_iter()
            .rev()
            .find(|h| h.status == ListStatus::Approved);
        if let Some(h) = approved
            && lists::has_client(w, h.id, e.client_id)?
        {
            return Err(crate::domain::Refusal::ApprovedVipYear(year).into());
        }
    }
    Ok(())
}
