//! What the greetings read from the database: the people of every client with their category,
//! birthday, client, manager and the client's professional holiday; the regulation's settings.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::model::*;
use crate::domain::{Code as _, Id, names, new_uuid};
use crate::storage::settings::{self, Setting};
use crate::storage::{self, Result, Tx, date_from_sql, date_to_sql};

/// Whose greetings are read: everyone, one person, or one manager's clients' people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Whom {
    #[default]
    All,
    Person(Id),
    Manager(Id),
}

/// The people of live clients `whom` names, with what the schedule needs.
pub fn greeted_people(conn: &Connection, whom: Whom) -> Result<Vec<Greeted>> {
    let (person, manager) = match whom {
        Whom::All => (None, None),
        Whom::Person(id) => (Some(id), None),
        Whom::Manager(id) => (None, Some(id)),
    };
    let mut st = conn.prepare(
        "SELECT p.id, p.surname, p.name, p.patronymic, p.position, p.category, p.birthday, \
                c.id, c.short_name, c.strategic, c.manager_id, \
                coalesce(m.surname, ''), coalesce(m.name, ''), coalesce(m.patronymic, ''), \
                coalesce(i.holiday_rule, ''), coalesce(i.holiday_name, ''), p.gender \
         FROM people p JOIN clients c ON c.id = p.client_id \
         LEFT JOIN managers m ON m.id = c.manager_id \
         LEFT JOIN industries i ON i.id = c.industry_id AND i.deleted_at IS NULL \
         WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND (?1 IS NULL OR p.id = ?1) \
           AND (?2 IS NULL OR c.manager_id = ?2) \
         ORDER BY c.id, p.sort, p.id",
    )?;
    let rows = st
        .query_map(params![person, manager], |r| {
            let surname: String = r.get(1)?;
            let name: String = r.get(2)?;
            let patronymic: String = r.get(3)?;
            let (ms, mn, mp): (String, String, String) = (r.get(11)?, r.get(12)?, r.get(13)?);
            let gender = storage::opt_code::<names::Gender>(r, 16)?
                .or_else(|| names::detect_gender(&surname, &name, &patronymic));
            Ok(Greeted {
                gender,
                person_id: r.get(0)?,
                name: names::full_name(&surname, &name, &patronymic).into(),
                position: r.get::<_, String>(4)?.into(),
                category: r.get::<_, Option<u8>>(5)?,
                birthday: date_from_sql(r.get(6)?),
                client_id: r.get(7)?,
                client: r.get::<_, String>(8)?.into(),
                strategic: r.get(9)?,
                manager_id: r.get(10)?,
                manager: if ms.is_empty() {
                    "".into()
                } else {
                    names::surname_initials(&ms, &mn, &mp).into()
                },
                professional_rule: r.get(14)?,
                professional_name: r.get::<_, String>(15)?.into(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The person's greetings category and whether their client is strategic; `None`: no such
/// person.
pub fn person_regulation(conn: &Connection, person_id: Id) -> Result<Option<(Option<u8>, bool)>> {
    Ok(conn
        .query_row(
            "SELECT p.category, c.strategic FROM people p JOIN clients c ON c.id = p.client_id \
             WHERE p.id = ?1 AND p.deleted_at IS NULL",
            [person_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The client a person is of.
pub fn client_of_person(conn: &Connection, person_id: Id) -> Result<Option<Id>> {
    Ok(conn
        .query_row(
            "SELECT client_id FROM people WHERE id = ?1 AND deleted_at IS NULL",
            [person_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The name of the professional holiday of a person's client, if its industry has one.
pub fn professional_of_person(conn: &Connection, person_id: Id) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT i.holiday_name FROM people p JOIN clients c ON c.id = p.client_id \
             JOIN industries i ON i.id = c.industry_id WHERE p.id = ?1",
            [person_id],
            |r| r.get(0),
        )
        .optional()?)
}

impl Setting for Regulation {
    const KEY: &'static str = "greetings";
    fn out_of_range(&self) -> Option<String> {
        Regulation::out_of_range(self).map(str::to_string)
    }
}

/// The limits of every year set by management: year → matrix.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct YearLimits(pub std::collections::BTreeMap<i32, Limits>);

impl Setting for YearLimits {
    const KEY: &'static str = "gift_limits";
    fn out_of_range(&self) -> Option<String> {
        self.0
            .iter()
            .find(|(_, l)| !l.is_sane())
            .map(|(year, _)| year.to_string())
    }
}

/// The limits of every year for their editor and for a save over them: each year that reads,
/// a year that does not left out whole (its limits are then not set: the proportions are
/// shown), with the reason.
pub fn limits_to_edit(
    conn: &Connection,
) -> Result<settings::Editable<std::collections::BTreeMap<i32, Limits>>> {
    let whole = |u: settings::Unreadable| settings::Editable {
        value: Default::default(),
        unreadable: Some(crate::storage::StorageError::Setting(u)),
    };
    let json = match settings::saved::<YearLimits>(conn) {
        Ok(Some(json)) => json,
        Ok(None) => {
            return Ok(settings::Editable {
                value: Default::default(),
                unreadable: None,
            });
        }
        Err(crate::storage::StorageError::Setting(u)) => return Ok(whole(u)),
        Err(e) => return Err(e),
    };
    let Ok(serde_json::Value::Object(years)) = serde_json::from_str::<serde_json::Value>(&json)
    else {
        return Ok(whole(match settings::decode::<YearLimits>(&json) {
            Err(u) => u,
            Ok(_) => settings::Unreadable {
                key: YearLimits::KEY,
                field: String::new(),
                detail: settings::NOT_AN_OBJECT.into(),
            },
        }));
    };
    let mut value = std::collections::BTreeMap::new();
    let mut first = None;
    for (year, limits) in years {
        let one = format!("{{\"{year}\": {limits}}}");
        match settings::decode::<YearLimits>(&one) {
            Ok(l) => value.extend(l.0),
            Err(u) => {
                first.get_or_insert(u);
            }
        }
    }
    Ok(settings::Editable {
        value,
        unreadable: first.map(crate::storage::StorageError::Setting),
    })
}

/// Saves the regulation's settings.
pub fn save_regulation(w: &Tx, reg: &Regulation) -> Result<()> {
    settings::put(w, reg)
}

/// The regulation's settings as saved, else the defaults; saved ones that do not read are an
/// error naming the field.
pub fn regulation(conn: &Connection) -> Result<Regulation> {
    settings::get(conn)
}

/// The limits of every year set by management: year → matrix.
pub fn limits(conn: &Connection) -> Result<std::collections::BTreeMap<i32, Limits>> {
    Ok(settings::get::<YearLimits>(conn)?.0)
}

const GIFT_COLUMNS: &str = "g.id, g.person_id, g.occasion, g.holiday_date, g.item, g.amount, \
     g.status, g.approved_on, g.sent_on, g.bought_on, g.handed_on, g.handed_by, g.handed_to, \
     g.planned_category, g.planned_strategic";
/// How many columns `GIFT_COLUMNS` has: what a query adds after them starts there.
const GIFT_WIDTH: usize = 15;

fn gift_from_row(r: &rusqlite::Row) -> rusqlite::Result<Gift> {
    Ok(Gift {
        id: r.get(0)?,
        person_id: r.get(1)?,
        occasion: Some(storage::code(r, 2)?),
        holiday_date: date_from_sql(r.get(3)?),
        item: r.get(4)?,
        amount: r.get(5)?,
        status: storage::code(r, 6)?,
        approved_on: date_from_sql(r.get(7)?),
        sent_on: date_from_sql(r.get(8)?),
        bought_on: date_from_sql(r.get(9)?),
        handed_on: date_from_sql(r.get(10)?),
        handed_by: r.get(11)?,
        handed_to: r.get(12)?,
        planned_category: r.get(13)?,
        planned_strategic: r.get(14)?,
    })
}

/// A person's gifts, newest holiday first.
pub fn gifts_of(conn: &Connection, person_id: Id) -> Result<Vec<Gift>> {
    let mut st = conn.prepare(&format!(
        "SELECT {GIFT_COLUMNS} FROM gifts g WHERE g.person_id = ?1 AND g.deleted_at IS NULL \
         ORDER BY g.holiday_date DESC, g.id DESC"
    ))?;
    let rows = st
        .query_map([person_id], gift_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn gift(conn: &Connection, id: Id) -> Result<Option<Gift>> {
    Ok(conn
        .query_row(
            &format!("SELECT {GIFT_COLUMNS} FROM gifts g WHERE g.id = ?1 AND g.deleted_at IS NULL"),
            [id],
            gift_from_row,
        )
        .optional()?)
}

/// The gift of this person with this normalised text, if any (through its index).
pub fn same_gift(conn: &Connection, person_id: Id, key: &str) -> Result<Option<Gift>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {GIFT_COLUMNS} FROM gifts g \
                 WHERE g.person_id = ?1 AND g.item_key = ?2 AND g.deleted_at IS NULL \
                 ORDER BY g.holiday_date LIMIT 1"
            ),
            params![person_id, key],
            gift_from_row,
        )
        .optional()?)
}

/// The gifts whose holiday falls within `from..=to` (of a manager's clients, or all), with the
/// person and the client; the dates the regulation sets are filled by the service.
pub fn gift_rows(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    manager: Option<Id>,
) -> Result<Vec<GiftRow>> {
    let mut st = conn.prepare(&format!(
        "SELECT {GIFT_COLUMNS}, p.surname, p.name, p.patronymic, p.position, p.category, \
                c.id, c.short_name, c.strategic, c.manager_id, coalesce(i.holiday_name, '') \
         FROM gifts g JOIN people p ON p.id = g.person_id JOIN clients c ON c.id = p.client_id \
         LEFT JOIN industries i ON i.id = c.industry_id \
         WHERE g.deleted_at IS NULL AND g.holiday_date BETWEEN ?1 AND ?2 \
           AND (?3 IS NULL OR c.manager_id = ?3) \
         ORDER BY g.holiday_date, c.short_name, p.surname, g.id"
    ))?;
    let rows = st
        .query_map(
            params![date_to_sql(Some(from)), date_to_sql(Some(to)), manager],
            |r| {
                let w = GIFT_WIDTH;
                let (surname, name, patronymic): (String, String, String) =
                    (r.get(w)?, r.get(w + 1)?, r.get(w + 2)?);
                Ok(GiftRow {
                    gift: gift_from_row(r)?,
                    person: names::full_name(&surname, &name, &patronymic),
                    position: r.get(w + 3)?,
                    category: r.get(w + 4)?,
                    client_id: r.get(w + 5)?,
                    client: r.get(w + 6)?,
                    strategic: r.get(w + 7)?,
                    manager_id: r.get(w + 8)?,
                    holiday_name: r.get(w + 9)?,
                    hand_by: None,
                    order_by: None,
                    limit: None,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Records a gift; returns its id.
pub fn insert_gift(w: &Tx, g: &Gift) -> Result<Id> {
    w.execute(
        "INSERT INTO gifts (uuid, created_at, updated_at, author_id, person_id, occasion, \
         holiday_date, item, item_key, amount, status, approved_on, sent_on, bought_on, \
         handed_on, handed_by, handed_to, planned_category, planned_strategic) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            new_uuid(),
            w.now(),
            w.author(),
            g.person_id,
            g.occasion.map(|o| o.code()),
            date_to_sql(g.holiday_date),
            g.item.trim(),
            gift_key(&g.item),
            g.amount,
            g.status.code(),
            date_to_sql(g.approved_on),
            date_to_sql(g.sent_on),
            date_to_sql(g.bought_on),
            date_to_sql(g.handed_on),
            g.handed_by.trim(),
            g.handed_to.trim(),
            g.planned_category,
            g.planned_strategic,
        ],
    )?;
    Ok(w.last_insert_rowid())
}

/// Writes a gift's status and the days of its steps.
pub fn update_status(w: &Tx, g: &Gift) -> Result<()> {
    let id = g.id.ok_or(storage::StorageError::NotFound(0))?;
    let n = w.execute(
        "UPDATE gifts SET status = ?2, approved_on = ?3, sent_on = ?4, bought_on = ?5, \
         handed_on = ?6, handed_by = ?7, handed_to = ?8, updated_at = ?9, author_id = ?10 \
         WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            g.status.code(),
            date_to_sql(g.approved_on),
            date_to_sql(g.sent_on),
            date_to_sql(g.bought_on),
            date_to_sql(g.handed_on),
            g.handed_by.trim(),
            g.handed_to.trim(),
            w.now(),
            w.author(),
        ],
    )?;
    if n == 0 {
        return Err(storage::StorageError::NotFound(id));
    }
    Ok(())
}

/// Moves a gift that is not handed yet to the trash (a plan dropped).
pub fn delete_gift(w: &Tx, id: Id) -> Result<()> {
    w.execute(
        "UPDATE gifts SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
         WHERE id = ?1 AND status != 'handed' AND deleted_at IS NULL",
        params![id, w.now(), w.author()],
    )?;
    Ok(())
}

/// A person's gift ideas, with whether each has been given (or planned) since.
pub fn ideas_of(conn: &Connection, person_id: Id) -> Result<Vec<GiftIdea>> {
    let mut st = conn.prepare(
        "SELECT i.id, i.person_id, i.item, i.note, \
                EXISTS (SELECT 1 FROM gifts g WHERE g.person_id = i.person_id \
                        AND g.item_key = i.item_key AND g.deleted_at IS NULL) \
         FROM gift_ideas i WHERE i.person_id = ?1 AND i.deleted_at IS NULL ORDER BY i.id",
    )?;
    let rows = st
        .query_map([person_id], |r| {
            Ok(GiftIdea {
                id: r.get(0)?,
                person_id: r.get(1)?,
                item: r.get(2)?,
                note: r.get(3)?,
                given: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn insert_idea(w: &Tx, idea: &GiftIdea) -> Result<Id> {
    w.execute(
        "INSERT INTO gift_ideas (uuid, created_at, updated_at, author_id, person_id, item, \
         item_key, note) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new_uuid(),
            w.now(),
            w.author(),
            idea.person_id,
            idea.item.trim(),
            gift_key(&idea.item),
            idea.note.trim(),
        ],
    )?;
    Ok(w.last_insert_rowid())
}

pub fn delete_idea(w: &Tx, id: Id) -> Result<()> {
    w.execute(
        "UPDATE gift_ideas SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
         WHERE id = ?1 AND deleted_at IS NULL",
        params![id, w.now(), w.author()],
    )?;
    Ok(())
}

/// Saves the limits of every year.
pub fn save_limits(w: &Tx, limits: &std::collections::BTreeMap<i32, Limits>) -> Result<()> {
    settings::put(w, &YearLimits(limits.clone()))
}
