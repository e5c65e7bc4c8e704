//! The outgoing register, the templates and the company settings.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::{Db, Result, StorageError, date_from_sql, date_to_sql, now_stamp};
use crate::domain::letter::{Letter, LetterStatus, Template};
use crate::domain::model::{Id, new_uuid};
use crate::pdf::Company;

const COLUMNS: &str = "id, uuid, client_id, person_id, manager_id, template_code, heading, salutation, \
     addressee, body, closing, attachment, reply_number, reply_date, signature_image, status, number, \
     reg_date, printed_at, courier_at, delivered_at, received_by, version_of, record_id";

fn from_row(r: &Row) -> rusqlite::Result<Letter> {
    Ok(Letter {
        id: Some(r.get(0)?),
        uuid: r.get(1)?,
        client_id: r.get(2)?,
        person_id: r.get(3)?,
        manager_id: r.get(4)?,
        template_code: r.get(5)?,
        heading: r.get(6)?,
        salutation: r.get(7)?,
        addressee: r.get(8)?,
        body: r.get(9)?,
        closing: r.get(10)?,
        attachment: r.get(11)?,
        reply_number: r.get(12)?,
        reply_date: date_from_sql(r.get(13)?),
        signature_image: r.get(14)?,
        status: LetterStatus::from_code(&r.get::<_, String>(15)?).unwrap_or_default(),
        number: r.get(16)?,
        reg_date: date_from_sql(r.get(17)?),
        printed_at: date_from_sql(r.get(18)?),
        courier_at: date_from_sql(r.get(19)?),
        delivered_at: date_from_sql(r.get(20)?),
        received_by: r.get(21)?,
        version_of: r.get(22)?,
        record_id: r.get(23)?,
    })
}

pub fn get_letter(conn: &Connection, id: Id) -> Result<Letter> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM letters WHERE id = ?1 AND deleted_at IS NULL"),
        [id],
        from_row,
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => StorageError::NotFound(id),
        e => e.into(),
    })
}

/// Filters of the register.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterFilter {
    pub status: Option<LetterStatus>,
    pub client: Option<Id>,
    pub manager: Option<Id>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A register row: the letter and the names it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterRow {
    pub letter: Letter,
    pub client: String,
    pub address: String,
}

/// The register, newest first.
pub fn list_letters(conn: &Connection, f: &LetterFilter) -> Result<Vec<LetterRow>> {
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("l.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut st = conn.prepare(&format!(
        "SELECT {cols}, c.short_name, coalesce(nullif(c.postal_address, ''), c.legal_address) \
         FROM letters l JOIN clients c ON c.id = l.client_id \
         WHERE l.deleted_at IS NULL AND c.deleted_at IS NULL \
           AND (?1 IS NULL OR l.status = ?1) AND (?2 IS NULL OR l.client_id = ?2) \
           AND (?3 IS NULL OR l.manager_id = ?3) \
           AND (?4 IS NULL OR coalesce(l.reg_date, substr(l.created_at, 1, 10)) >= ?4) \
           AND (?5 IS NULL OR coalesce(l.reg_date, substr(l.created_at, 1, 10)) <= ?5) \
         ORDER BY coalesce(l.reg_date, substr(l.created_at, 1, 10)) DESC, l.id DESC"
    ))?;
    let rows = st
        .query_map(
            params![
                f.status.map(LetterStatus::code),
                f.client,
                f.manager,
                date_to_sql(f.from),
                date_to_sql(f.to)
            ],
            |r| {
                Ok(LetterRow {
                    letter: from_row(r)?,
                    client: r.get(24)?,
                    address: r.get(25)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn insert(tx: &Transaction, l: &Letter, author: Option<Id>) -> Result<Id> {
    tx.execute(
        "INSERT INTO letters (uuid, created_at, updated_at, author_id, client_id, person_id, manager_id, \
         template_code, heading, salutation, addressee, body, closing, attachment, reply_number, reply_date, \
         signature_image, status, version_of) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'draft', ?17)",
        params![
            if l.uuid.is_empty() { new_uuid() } else { l.uuid.clone() },
            now_stamp(),
            author,
            l.client_id,
            l.person_id,
            l.manager_id,
            l.template_code,
            l.heading,
            l.salutation,
            l.addressee,
            l.body,
            l.closing,
            l.attachment,
            l.reply_number,
            date_to_sql(l.reply_date),
            l.signature_image,
            l.version_of,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Saves a draft: inserts a new one or updates an existing draft. A registered letter cannot be
/// changed in place ([`StorageError::Frozen`]); correct it with [`correct_letter`].
pub fn save_draft(db: &mut Db, l: &Letter, author: Option<Id>) -> Result<Id> {
    db.write(|tx| save_draft_tx(tx, l, author))
}

pub fn save_draft_tx(tx: &Transaction, l: &Letter, author: Option<Id>) -> Result<Id> {
    let Some(id) = l.id else {
        return insert(tx, l, author);
    };
    let n = tx.execute(
        "UPDATE letters SET person_id=?2, manager_id=?3, template_code=?4, heading=?5, salutation=?6, \
         addressee=?7, body=?8, closing=?9, attachment=?10, reply_number=?11, reply_date=?12, \
         signature_image=?13, updated_at=?14, author_id=?15 \
         WHERE id=?1 AND status='draft' AND deleted_at IS NULL",
        params![
            id,
            l.person_id,
            l.manager_id,
            l.template_code,
            l.heading,
            l.salutation,
            l.addressee,
            l.body,
            l.closing,
            l.attachment,
            l.reply_number,
            date_to_sql(l.reply_date),
            l.signature_image,
            now_stamp(),
            author,
        ],
    )?;
    if n == 0 {
        return Err(StorageError::Frozen(id));
    }
    Ok(id)
}

/// Formats a registration number: `{n}` the counter, `{yyyy}` / `{yy}` the year.
pub fn format_number(format: &str, n: i64, year: i32) -> String {
    format
        .replace("{n}", &n.to_string())
        .replace("{yyyy}", &year.to_string())
        .replace("{yy}", &format!("{:02}", year % 100))
}

/// Assigns the next number of the year (never reused: the counter only grows) and marks the
/// draft registered. Runs inside the caller's transaction, which also stores the PDF.
pub fn register_tx(
    tx: &Transaction,
    id: Id,
    date: NaiveDate,
    number_format: &str,
    author: Option<Id>,
) -> Result<String> {
    let year = date.year();
    tx.execute(
        "INSERT INTO letter_counters (year, last) VALUES (?1, 1) \
         ON CONFLICT (year) DO UPDATE SET last = last + 1",
        [year],
    )?;
    let seq: i64 = tx.query_row(
        "SELECT last FROM letter_counters WHERE year = ?1",
        [year],
        |r| r.get(0),
    )?;
    let number = format_number(number_format, seq, year);
    let n = tx.execute(
        "UPDATE letters SET status='registered', number=?2, year=?3, seq=?4, reg_date=?5, updated_at=?6, author_id=?7 \
         WHERE id=?1 AND status='draft' AND deleted_at IS NULL",
        params![id, number, year, seq, date_to_sql(Some(date)), now_stamp(), author],
    )?;
    if n == 0 {
        return Err(StorageError::Frozen(id));
    }
    Ok(number)
}

/// Links the stored PDF record to a registered letter.
pub fn set_letter_record_tx(tx: &Transaction, id: Id, record_id: Id) -> Result<()> {
    tx.execute(
        "UPDATE letters SET record_id = ?2 WHERE id = ?1",
        params![id, record_id],
    )?;
    Ok(())
}

/// Moves a registered letter one step on: напечатано → передано курьеру → доставлено.
pub fn advance_status(
    db: &mut Db,
    id: Id,
    to: LetterStatus,
    date: NaiveDate,
    received_by: &str,
    author: Option<Id>,
) -> Result<()> {
    db.write(|tx| {
        let current: String = tx
            .query_row("SELECT status FROM letters WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
            .optional()?
            .ok_or(StorageError::NotFound(id))?;
        let current = LetterStatus::from_code(&current).unwrap_or_default();
        if current == LetterStatus::Draft || current.next() != Some(to) {
            return Err(StorageError::BadTransition(current.label(), to.label()));
        }
        let column = match to {
            LetterStatus::Printed => "printed_at",
            LetterStatus::Courier => "courier_at",
            LetterStatus::Delivered => "delivered_at",
            LetterStatus::Draft | LetterStatus::Registered => {
                return Err(StorageError::BadTransition(current.label(), to.label()));
            }
        };
        tx.execute(
            &format!(
                "UPDATE letters SET status=?2, {column}=?3, received_by=CASE WHEN ?2='delivered' THEN ?4 ELSE received_by END, \
                 updated_at=?5, author_id=?6 WHERE id=?1"
            ),
            params![id, to.code(), date_to_sql(Some(date)), received_by, now_stamp(), author],
        )?;
        Ok(())
    })
}

/// A correction of a registered letter: a new draft with the same content that points at the
/// old one; the old one stays as it was.
pub fn correct_letter(db: &mut Db, id: Id, author: Option<Id>) -> Result<Id> {
    let old = get_letter(db.conn(), id)?;
    if old.status == LetterStatus::Draft {
        return Err(StorageError::BadTransition(
            old.status.label(),
            LetterStatus::Draft.label(),
        ));
    }
    let new = Letter {
        id: None,
        uuid: String::new(),
        status: LetterStatus::Draft,
        number: String::new(),
        reg_date: None,
        printed_at: None,
        courier_at: None,
        delivered_at: None,
        received_by: String::new(),
        record_id: None,
        version_of: Some(id),
        ..old
    };
    save_draft(db, &new, author)
}

/// Moves a letter to the trash. Its number is never given again.
pub fn delete_letter(db: &mut Db, id: Id, author: Option<Id>) -> Result<()> {
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE letters SET deleted_at=?2, author_id=?3 WHERE id=?1 AND deleted_at IS NULL",
            params![id, now_stamp(), author],
        )?;
        if n == 0 {
            return Err(StorageError::NotFound(id));
        }
        Ok(())
    })
}

pub fn list_templates(conn: &Connection) -> Result<Vec<Template>> {
    let mut st = conn.prepare(
        "SELECT id, code, title, heading, body FROM templates WHERE deleted_at IS NULL ORDER BY id",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(Template {
                id: Some(r.get(0)?),
                code: r.get(1)?,
                title: r.get(2)?,
                heading: r.get(3)?,
                body: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get_template(conn: &Connection, code: &str) -> Result<Option<Template>> {
    Ok(list_templates(conn)?.into_iter().find(|t| t.code == code))
}

pub fn save_template(db: &mut Db, t: &Template, author: Option<Id>) -> Result<Id> {
    db.write(|tx| match t.id {
        Some(id) => {
            tx.execute(
                "UPDATE templates SET title=?2, heading=?3, body=?4, updated_at=?5, author_id=?6 WHERE id=?1",
                params![id, t.title, t.heading, t.body, now_stamp(), author],
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO templates (uuid, created_at, updated_at, author_id, code, title, heading, body) \
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![new_uuid(), now_stamp(), author, t.code, t.title, t.heading, t.body],
            )?;
            Ok(tx.last_insert_rowid())
        }
    })
}

const DEFAULT_COMPANY: &str = include_str!("../../assets/company.json");
const DEFAULT_LOGO: &[u8] = include_bytes!("../../assets/logo.png");

/// The company's requisites: as saved in the settings, else the defaults shipped in `assets/`.
pub fn load_company(conn: &Connection) -> Result<Company> {
    let saved: Option<(String, Option<Vec<u8>>)> = conn
        .query_row(
            "SELECT value, data FROM settings WHERE key = 'company'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (json, logo) = match saved {
        Some((json, logo)) => (json, logo),
        None => (DEFAULT_COMPANY.to_string(), Some(DEFAULT_LOGO.to_vec())),
    };
    let mut company: Company = serde_json::from_str(&json).unwrap_or_default();
    company.logo_png = logo.map(std::sync::Arc::new);
    Ok(company)
}

pub fn save_company(db: &mut Db, c: &Company) -> Result<()> {
    let json = serde_json::to_string_pretty(c).unwrap_or_default();
    let logo = c.logo_png.as_ref().map(|l| l.as_slice().to_vec());
    db.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value, data) VALUES ('company', ?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, data = excluded.data",
            params![json, logo],
        )?;
        Ok(())
    })
}
