//! The greetings as the screens and the command line ask for them.

use chrono::NaiveDate;

use super::model::*;
pub use super::store::Whom;
use super::{schedule, store, tasks};
use crate::clients::service as clients_service;
use crate::domain::{Actor, Duty, FieldError, Id, Scope};
use crate::storage::settings::Editable;
use crate::storage::{Db, StorageError};

/// Why a gift was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum GiftError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The person already has (or is to have) this gift: the holiday date of that one.
    #[error("the same gift was given on {date:?}")]
    Repeated {
        date: Option<NaiveDate>,
        handed: bool,
    },
    /// Over the limit of the person's category for the holiday.
    #[error("over the limit {limit}")]
    OverLimit { limit: f64 },
    #[error("{0}")]
    Field(FieldError),
    /// The gift was handed over: its order has no further step, and it stays in the registry.
    #[error("the gift is handed over")]
    AlreadyHanded,
    /// A hand-over without its date, giver or receiver (or dated in the future).
    #[error("hand-over: {0:?}")]
    Handover(HandoverField),
    #[error("the gift's text is longer than {max}")]
    ItemTooLong { max: usize },
}

/// What a hand-over lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoverField {
    Date,
    Future,
    /// A birthday gift is handed on the day or after, never before.
    BeforeBirthday,
    By,
    To,
}

/// The schedule of greetings whose holiday falls within `from..=to`, by the production
/// calendar of the database and the regulation's settings; a year without limits set by
/// management takes the regulation's proportions.
pub fn schedule(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<Greeting>, StorageError> {
    schedule_of(db, from, to, Whom::All)
}

/// The schedule of a manager's clients (`Some`) or of everyone, read for them only.
pub fn schedule_for(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    manager: Option<Id>,
) -> Result<Vec<Greeting>, StorageError> {
    schedule_of(db, from, to, manager.map_or(Whom::All, Whom::Manager))
}

/// The schedule of everyone, one person or one manager's clients.
pub fn schedule_of(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    whom: Whom,
) -> Result<Vec<Greeting>, StorageError> {
    let conn = db.conn();
    let people = store::greeted_people(conn, whom)?;
    let cal = crate::calendar::service::load(conn)?;
    let reg = store::regulation(conn)?;
    let limits = store::limits(conn)?;
    Ok(schedule::schedule(&people, from, to, &cal, &reg, &|year| {
        limits.get(&year).cloned().unwrap_or_default()
    }))
}

/// The day a birthday gift is handed over for a birthday on `date`.
pub fn delivery_date(db: &Db, date: NaiveDate) -> Result<NaiveDate, StorageError> {
    let cal = crate::calendar::service::load(db.conn())?;
    Ok(schedule::delivery_date(&cal, date))
}

/// The last day to hand the gift order to the administrative sector for a greeting on `date`.
pub fn order_deadline(db: &Db, date: NaiveDate) -> Result<NaiveDate, StorageError> {
    let conn = db.conn();
    let cal = crate::calendar::service::load(conn)?;
    let reg = store::regulation(conn)?;
    Ok(schedule::order_deadline(&cal, date, reg.order_working_days))
}

/// A person's gifts, newest first.
pub fn gifts_of(db: &Db, person_id: Id) -> Result<Vec<Gift>, StorageError> {
    store::gifts_of(db.conn(), person_id)
}

/// Records a gift for a person: refused when the person has had (or is to have) the same gift
/// — compared without case, «ё», quotes and extra spaces — or when it costs more than the
/// limit of the person's category for that holiday. The person's category and the client's
/// strategic flag are kept with it. The check and the write are one transaction: two managers
/// recording the same gift at once cannot both succeed.
/// One gift by id (`None`: gone for good).
pub fn gift(db: &Db, id: Id) -> Result<Option<Gift>, StorageError> {
    store::gift(db.conn(), id)
}

pub fn add_gift(db: &mut Db, actor: &Actor, gift: &Gift) -> Result<Id, GiftError> {
    if gift.item.trim().is_empty() {
        return Err(GiftError::Field(FieldError::Required));
    }
    if gift.item.trim().chars().count() > MAX_ITEM_CHARS {
        return Err(GiftError::ItemTooLong {
            max: MAX_ITEM_CHARS,
        });
    }
    if gift.amount.is_some_and(|a| !(0.0..=MAX_GIFT).contains(&a)) {
        return Err(GiftError::Field(FieldError::TooLarge));
    }
    let limits = store::limits(db.conn())?;
    db.write(actor, |w| {
        clients_service::check_own_person(w, gift.person_id)?;
        let (category, strategic) = store::person_regulation(w, gift.person_id)?
            .ok_or(StorageError::NotFound(gift.person_id))?;
        if let Some(same) = store::same_gift(w, gift.person_id, &gift_key(&gift.item))? {
            return Err(GiftError::Repeated {
                date: same.handed_on.or(same.holiday_date),
                handed: same.handed_on.is_some(),
            });
        }
        if let (Some(amount), Some(category), Some(occasion), Some(date)) =
            (gift.amount, category, gift.occasion, gift.holiday_date)
        {
            let year = chrono::Datelike::year(&date);
            let limit = limits
                .get(&year)
                .cloned()
                .unwrap_or_default()
                .get(category, occasion.limit_kind());
            if let Some(limit) = limit.filter(|l| amount > *l + 0.005) {
                return Err(GiftError::OverLimit { limit });
            }
        }
        let mut g = gift.clone();
        g.planned_category = category;
        g.planned_strategic = Some(strategic);
        if g.handed_on.is_some() {
            g.status = GiftStatus::Handed;
        }
        Ok(store::insert_gift(w, &g)?)
    })
}

/// The longest text of a gift or an idea: a name, not a description (it goes into a table
/// cell of the order).
pub const MAX_ITEM_CHARS: usize = 200;

/// The dearest gift the registry takes (a typo of three zeros is refused, not recorded).
pub const MAX_GIFT: f64 = super::model::MAX_LIMIT;

/// The hand-over of a gift: when, by whom, to whom.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Handover {
    pub on: Option<NaiveDate>,
    pub by: String,
    pub to: String,
}

/// Moves a gift's order one step on (черновик → согласован → передан АХС → закуплен →
/// вручён) on the day of the write; the last step needs the hand-over's date, who handed and
/// to whom.
pub fn advance(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    handover: &Handover,
) -> Result<GiftStatus, GiftError> {
    db.write(actor, |w| {
        let today = w.today();
        let mut g = store::gift(w, id)?.ok_or(StorageError::NotFound(id))?;
        let next = g.status.next().ok_or(GiftError::AlreadyHanded)?;
        if next == GiftStatus::Approved {
            w.actor()
                .may(Duty::ApproveGifts)
                .map_err(StorageError::from)?;
        } else {
            clients_service::check_own_person(w, g.person_id)?;
        }
        // Approved and ordered within the limit of the person's category now: a category or
        // a limit changed since the plan stops the order here.
        if matches!(next, GiftStatus::Approved | GiftStatus::Sent)
            && let Some(limit) = current_limit(w, &g)?
            && g.amount.is_some_and(|a| a > limit + 0.005)
        {
            return Err(GiftError::OverLimit { limit });
        }
        match next {
            GiftStatus::Approved => g.approved_on = Some(today),
            GiftStatus::Sent => g.sent_on = Some(today),
            GiftStatus::Bought => g.bought_on = Some(today),
            GiftStatus::Handed => {
                let on = handover
                    .on
                    .ok_or(GiftError::Handover(HandoverField::Date))?;
                if on > today {
                    return Err(GiftError::Handover(HandoverField::Future));
                }
                if g.occasion.is_some_and(|o| o.category() == 2)
                    && g.holiday_date.is_some_and(|d| on < d)
                {
                    return Err(GiftError::Handover(HandoverField::BeforeBirthday));
                }
                if handover.by.trim().is_empty() {
                    return Err(GiftError::Handover(HandoverField::By));
                }
                if handover.to.trim().is_empty() {
                    return Err(GiftError::Handover(HandoverField::To));
                }
                g.handed_on = Some(on);
                g.handed_by = handover.by.trim().to_string();
                g.handed_to = handover.to.trim().to_string();
            }
            GiftStatus::Draft => {}
        }
        g.status = next;
        store::update_status(w, &g)?;
        Ok(next)
    })
}

/// The limit of a gift by its person's category now and the limits of its holiday's year.
fn current_limit(conn: &crate::storage::Conn, g: &Gift) -> Result<Option<f64>, StorageError> {
    let Some((Some(category), _)) = store::person_regulation(conn, g.person_id)? else {
        return Ok(None);
    };
    let (Some(occasion), Some(date)) = (g.occasion, g.holiday_date) else {
        return Ok(None);
    };
    Ok(store::limits(conn)?
        .get(&chrono::Datelike::year(&date))
        .cloned()
        .unwrap_or_default()
        .get(category, occasion.limit_kind()))
}

/// Drops a planned gift (never one handed over: the registry keeps those).
pub fn delete_gift(db: &mut Db, actor: &Actor, id: Id) -> Result<(), GiftError> {
    db.write(actor, |w| {
        let g = store::gift(w, id)?.ok_or(StorageError::NotFound(id))?;
        clients_service::check_own_person(w, g.person_id)?;
        if g.status == GiftStatus::Handed {
            return Err(GiftError::AlreadyHanded);
        }
        Ok(store::delete_gift(w, id)?)
    })
}

/// The gifts of the holidays within `from..=to` of the clients `manager` keeps (all: `None`),
/// with the dates the regulation sets: hand over by, order by, and the limit now.
pub fn gift_rows(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    manager: Option<Id>,
) -> Result<Vec<GiftRow>, StorageError> {
    let conn = db.conn();
    let cal = crate::calendar::service::load(conn)?;
    let reg = store::regulation(conn)?;
    let limits = store::limits(conn)?;
    let mut rows = store::gift_rows(conn, from, to, manager)?;
    for r in &mut rows {
        if let (Some(o), Some(d)) = (r.gift.occasion, r.gift.holiday_date) {
            let by = schedule::hand_by(&cal, o, d);
            r.hand_by = Some(by);
            r.order_by = Some(schedule::order_deadline(&cal, by, reg.order_working_days));
            r.limit = r.category.and_then(|c| {
                limits
                    .get(&chrono::Datelike::year(&d))
                    .cloned()
                    .unwrap_or_default()
                    .get(c, o.limit_kind())
            });
        }
    }
    Ok(rows)
}

/// A general holiday of the week on «Сегодня».
#[derive(Debug, Clone, PartialEq)]
pub struct GeneralDay {
    pub date: NaiveDate,
    pub occasion: Occasion,
    pub name: String,
    pub people: usize,
    pub director_calls: usize,
}

/// What «Сегодня» shows of the regulation for the clients `manager` keeps (all: `None`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GiftsToday {
    /// Birthdays and jubilees from today to the end of the week: calls (the director's too),
    /// gifts handed in person.
    pub greetings: Vec<Greeting>,
    /// The general holidays of the week: (date, occasion, holiday's name, people greeted,
    /// of them called by the head of the company). A holiday greets hundreds at once: one line.
    pub general: Vec<GeneralDay>,
    /// Gifts of general holidays not handed by the last working day: deliver them.
    pub deliveries: Vec<GiftRow>,
    /// Orders due to the administrative sector within a week, or late: (row, late).
    pub orders: Vec<(GiftRow, bool)>,
    /// Planned gifts whose regulation changed.
    pub changes: Vec<(GiftRow, tasks::Change)>,
    /// Birthday calls are made by this time («12:00»).
    pub call_before: String,
}

impl GiftsToday {
    pub fn count(&self) -> usize {
        self.greetings.len()
            + self.general.len()
            + self.deliveries.len()
            + self.orders.len()
            + self.changes.len()
    }
}

/// The regulation's duties of the week for the clients of `scope`.
pub fn today(db: &Db, scope: Scope, today: NaiveDate) -> Result<GiftsToday, StorageError> {
    let manager = scope.manager();
    let week_end = crate::contacts::today::week_end(today);
    let (greetings, general_rows): (Vec<Greeting>, Vec<Greeting>) =
        schedule_for(db, today, week_end, manager)?
            .into_iter()
            .partition(|g| g.occasion.category() == 2);
    let mut general: Vec<GeneralDay> = Vec::new();
    for g in general_rows {
        let director = g.callers.contains(&Caller::Director);
        match general
            .iter_mut()
            .find(|d| d.date == g.date && d.occasion == g.occasion && *d.name == *g.holiday_name)
        {
            Some(d) => {
                d.people += 1;
                d.director_calls += usize::from(director);
            }
            None => general.push(GeneralDay {
                date: g.date,
                occasion: g.occasion,
                name: g.holiday_name.to_string(),
                people: 1,
                director_calls: usize::from(director),
            }),
        }
    }
    let back = today - chrono::Duration::days(tasks::DELIVERY_AFTER_DAYS);
    let ahead = today + chrono::Duration::days(120);
    let rows = gift_rows(db, back, ahead, manager)?;
    Ok(GiftsToday {
        call_before: store::regulation(db.conn())?.call_before,
        greetings,
        general,
        deliveries: tasks::delivery_tasks(&rows, today)
            .into_iter()
            .cloned()
            .collect(),
        orders: tasks::orders_to_send(&rows, today)
            .into_iter()
            .map(|(r, late)| (r.clone(), late))
            .collect(),
        changes: owned_changes(&rows, today),
    })
}

fn owned_changes(rows: &[GiftRow], today: NaiveDate) -> Vec<(GiftRow, tasks::Change)> {
    tasks::regulation_changes(rows, today)
        .into_iter()
        .map(|(r, c)| (r.clone(), c))
        .collect()
}

/// The planned gifts (of a manager's clients, or all) whose regulation changed since they were
/// planned: only the gifts still ahead are read.
pub fn regulation_changes(
    db: &Db,
    manager: Option<Id>,
    today: NaiveDate,
) -> Result<Vec<(GiftRow, tasks::Change)>, StorageError> {
    let rows = gift_rows(db, today, today + chrono::Duration::days(400), manager)?;
    Ok(owned_changes(&rows, today))
}

/// The year's gifts per person against the limits of the person's greetings that year.
pub fn spending(
    db: &Db,
    year: i32,
    manager: Option<Id>,
) -> Result<Vec<tasks::Spending>, StorageError> {
    let (from, to) = year_bounds(year);
    let rows = gift_rows(db, from, to, manager)?;
    let greetings = schedule(db, from, to)?;
    Ok(tasks::spending(&rows, &greetings))
}

/// 1 January and 31 December of `year` (clamped to the years a date can have).
pub fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    let y = year.clamp(1900, 2200);
    (
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default(),
    )
}

/// The limits of `year` as management set them, else the regulation's proportions.
pub fn limits_of(db: &Db, year: i32) -> Result<(Limits, bool), StorageError> {
    let all = store::limits(db.conn())?;
    Ok(match all.get(&year) {
        Some(l) => (l.clone(), true),
        None => (Limits::default(), false),
    })
}

/// The limits of a year for their editor: as set, or the regulation's proportions (not set);
/// when the saved limits do not read, the proportions with the reason.
pub fn limits_to_edit(db: &Db, year: i32) -> Result<Editable<(Limits, bool)>, StorageError> {
    let edit = store::limits_to_edit(db.conn())?;
    Ok(Editable {
        value: match edit.value.get(&year) {
            Some(l) => (l.clone(), true),
            None => (Limits::default(), false),
        },
        unreadable: edit.unreadable,
    })
}

/// Sets the limits of a year. Refused when a limit is negative, not a number or absurd.
/// Saves the limits of `year` with those of the other years as they are; when the saved limits
/// do not read and `over_unreadable` (the editor said so), the years that read are kept and
/// those that do not go.
pub fn set_limits(
    db: &mut Db,
    actor: &Actor,
    year: i32,
    limits: &Limits,
    over_unreadable: bool,
) -> Result<(), GiftError> {
    actor.may(Duty::ApproveLimits).map_err(StorageError::from)?;
    if !limits.is_sane() {
        return Err(GiftError::Field(FieldError::TooLarge));
    }
    db.write(actor, |w| {
        // Saved limits that do not read: the years that do are kept, the others go.
        let mut all = match store::limits(w) {
            Err(StorageError::Setting(_)) if over_unreadable => store::limits_to_edit(w)?.value,
            read => read?,
        };
        all.insert(year, limits.clone());
        Ok(store::save_limits(w, &all)?)
    })
}

/// A person's gift ideas, with whether each was given since.
pub fn ideas_of(db: &Db, person_id: Id) -> Result<Vec<GiftIdea>, StorageError> {
    store::ideas_of(db.conn(), person_id)
}

pub fn add_idea(db: &mut Db, actor: &Actor, idea: &GiftIdea) -> Result<Id, GiftError> {
    if idea.item.trim().is_empty() {
        return Err(GiftError::Field(FieldError::Required));
    }
    if idea.item.trim().chars().count() > MAX_ITEM_CHARS {
        return Err(GiftError::ItemTooLong {
            max: MAX_ITEM_CHARS,
        });
    }
    Ok(db.write(actor, |w| {
        clients_service::check_own_person(w, idea.person_id)?;
        store::insert_idea(w, idea)
    })?)
}

pub fn delete_idea(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    db.write(actor, |w| store::delete_idea(w, id))
}

/// The name of the holiday a card speaks of: the client's professional holiday for
/// `Professional`, empty for the others (their names are the regulation's).
pub fn holiday_name(db: &Db, person_id: Id, occasion: Occasion) -> Result<String, StorageError> {
    if occasion != Occasion::Professional {
        return Ok(String::new());
    }
    Ok(store::professional_of_person(db.conn(), person_id)?.unwrap_or_default())
}

/// A person's gift card: who they are, their gifts, ideas and the greetings of the coming year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonGifts {
    pub person_id: Id,
    pub person: String,
    pub position: String,
    pub category: Option<u8>,
    pub client_id: Id,
    pub client: String,
    pub gifts: Vec<Gift>,
    pub ideas: Vec<GiftIdea>,
    /// The greetings from `today` for a year.
    pub upcoming: Vec<Greeting>,
}

pub fn person_gifts(db: &Db, person_id: Id, today: NaiveDate) -> Result<PersonGifts, StorageError> {
    let conn = db.conn();
    let who = store::greeted_people(conn, Whom::Person(person_id))?
        .into_iter()
        .next()
        .ok_or(StorageError::NotFound(person_id))?;
    let upcoming = schedule_of(
        db,
        today,
        today + chrono::Duration::days(365),
        Whom::Person(person_id),
    )?;
    Ok(PersonGifts {
        person_id,
        person: who.name.to_string(),
        position: who.position.to_string(),
        category: who.category,
        client_id: who.client_id,
        client: who.client.to_string(),
        gifts: store::gifts_of(conn, person_id)?,
        ideas: store::ideas_of(conn, person_id)?,
        upcoming,
    })
}

/// The regulation's settings.
pub fn regulation(db: &Db) -> Result<Regulation, StorageError> {
    store::regulation(db.conn())
}

/// The regulation for its editor: as saved, or the defaults with the reason when what is saved
/// does not read.
pub fn regulation_to_edit(db: &Db) -> Result<Editable<Regulation>, StorageError> {
    crate::storage::settings::get_to_edit(db.conn(), Regulation::default)
}

/// Saves the regulation's settings (the director who signs, the card's text…); a card text
/// that does not read is refused.
pub fn set_regulation(
    db: &mut Db,
    actor: &Actor,
    reg: &Regulation,
) -> Result<(), super::documents::DocumentError> {
    check_regulation(reg)?;
    actor
        .may(Duty::EditRegulation)
        .map_err(StorageError::from)?;
    Ok(db.write(actor, |w| store::save_regulation(w, reg))?)
}

/// What saving the regulation refuses: a card text that does not render, a call time that is
/// not «ЧЧ:ММ» (the editor asks before it saves anything).
pub fn check_regulation(reg: &Regulation) -> Result<(), super::documents::DocumentError> {
    super::documents::card_text(&reg.card_text, "", "", Occasion::Birthday, "", "")?;
    if crate::domain::fmt::parse_time(&reg.call_before).is_none() {
        return Err(super::documents::DocumentError::CallTime);
    }
    Ok(())
}

/// How many planned gifts of a client's people were planned by a regulation that has changed
/// since (a person's category, the client's strategic flag): the dossier warns after a save.
pub fn changed_plans_of_client(
    db: &Db,
    client_id: Id,
    today: NaiveDate,
) -> Result<usize, StorageError> {
    Ok(regulation_changes(db, None, today)?
        .iter()
        .filter(|(r, _)| r.client_id == client_id)
        .count())
}

/// Whether a person of a live client has this id.
pub fn person_exists(db: &Db, person_id: Id) -> Result<bool, StorageError> {
    Ok(store::client_of_person(db.conn(), person_id)?.is_some())
}

/// When the birthday calls of the regulation are made by («12:00»).
pub fn call_before(db: &Db) -> Result<String, StorageError> {
    Ok(store::regulation(db.conn())?.call_before)
}

/// The regulation's settings and the gift limits, for the database's hooks.
pub const SETTINGS: [crate::storage::settings::Known; 2] = [
    crate::storage::settings::Known {
        key: "greetings",
        read: |conn| store::regulation(conn).map(|_| ()),
    },
    crate::storage::settings::Known {
        key: "gift_limits",
        read: |conn| store::limits(conn).map(|_| ()),
    },
];
