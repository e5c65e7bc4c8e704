//! The SQL of administration: managers, catalogues, the trash (every table's soft-deleted
//! rows), the company settings and the integrity check.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::*;
use crate::domain::validate::Phone;
use crate::domain::{Id, new_uuid};
use crate::pdf::Company;
use crate::storage::settings::{self, Setting};
use crate::storage::{self, Result, StorageError, Tx, date_from_sql, date_to_sql};

// ---- managers ----

/// A manager's appointment by the director's order (its number and date), inside another
/// feature's write.
pub fn set_appointment(
    w: &Tx,
    id: Id,
    number: &str,
    date: Option<chrono::NaiveDate>,
) -> Result<()> {
    w.prepare_cached(
        "UPDATE managers SET order_number = ?2, order_date = ?3, updated_at = ?4, author_id = ?5 \
         WHERE id = ?1",
    )?
    .execute(params![id, number, date_to_sql(date), w.now(), w.author()])?;
    Ok(())
}

const MANAGER_COLUMNS: &str = "id, uuid, surname, name, patronymic, position, role, supervisor_id, \
     phone, email, signature_png, order_number, order_date, active";

fn manager_from_row(r: &Row) -> rusqlite::Result<Manager> {
    Ok(Manager {
        id: Some(r.get(0)?),
        uuid: r.get(1)?,
        surname: r.get(2)?,
        name: r.get(3)?,
        patronymic: r.get(4)?,
        position: r.get(5)?,
        role: storage::code(r, 6)?,
        supervisor_id: r.get(7)?,
        phone: r
            .get::<_, Option<String>>(8)?
            .map(|p| Phone::from_storage(&p)),
        email: r.get(9)?,
        signature_png: r.get(10)?,
        order_number: r.get(11)?,
        order_date: date_from_sql(r.get(12)?),
        active: r.get(13)?,
    })
}

/// Every manager not in the trash, active first, by surname.
pub fn list_managers(conn: &Connection) -> Result<Vec<Manager>> {
    let mut st = conn.prepare(&format!(
        "SELECT {MANAGER_COLUMNS} FROM managers WHERE deleted_at IS NULL \
         ORDER BY active DESC, surname, name, patronymic"
    ))?;
    let mut rows = st
        .query_map([], manager_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // «Ёлкин» among the «Е», as a Russian reader looks for him (SQLite puts «Ё» before «А»).
    rows.sort_by_cached_key(|m| (!m.active, crate::domain::fmt::search_key(&m.full_name())));
    Ok(rows)
}

pub fn get_manager(conn: &Connection, id: Id) -> Result<Manager> {
    storage::found(
        conn.query_row(
            &format!("SELECT {MANAGER_COLUMNS} FROM managers WHERE id = ?1"),
            [id],
            manager_from_row,
        ),
        id,
    )
}

/// Inserts or updates a manager; returns its id.
pub fn save_manager(w: &Tx, m: &Manager) -> Result<Id> {
    use crate::domain::Code as _;
    let phone = m.phone.as_ref().map(Phone::to_storage);
    match m.id {
        Some(id) => {
            w.execute(
                "UPDATE managers SET surname=?2, name=?3, patronymic=?4, position=?5, role=?6, \
                 supervisor_id=?7, phone=?8, email=?9, signature_png=?10, order_number=?11, \
                 order_date=?12, active=?13, updated_at=?14, author_id=?15 WHERE id=?1",
                params![
                    id,
                    m.surname,
                    m.name,
                    m.patronymic,
                    m.position,
                    m.role.code(),
                    m.supervisor_id,
                    phone,
                    m.email,
                    m.signature_png,
                    m.order_number,
                    date_to_sql(m.order_date),
                    m.active,
                    w.now(),
                    w.author()
                ],
            )?;
            Ok(id)
        }
        None => {
            w.execute(
                "INSERT INTO managers (uuid, created_at, updated_at, author_id, surname, name, \
                 patronymic, position, role, supervisor_id, phone, email, signature_png, \
                 order_number, order_date, active) \
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    if m.uuid.is_empty() {
                        new_uuid()
                    } else {
                        m.uuid.clone()
                    },
                    w.now(),
                    w.author(),
                    m.surname,
                    m.name,
                    m.patronymic,
                    m.position,
                    m.role.code(),
                    m.supervisor_id,
                    phone,
                    m.email,
                    m.signature_png,
                    m.order_number,
                    date_to_sql(m.order_date),
                    m.active
                ],
            )?;
            Ok(w.last_insert_rowid())
        }
    }
}

/// Moves a manager to the trash. Their clients keep pointing at them until reassigned.
pub fn delete_manager(w: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(w, "managers", id)
}

// ---- catalogues ----

fn items(conn: &Connection, table: &str) -> Result<Vec<CatalogItem>> {
    let mut st = conn.prepare(&format!(
        "SELECT id, name FROM {table} WHERE deleted_at IS NULL ORDER BY name"
    ))?;
    let rows = st
        .query_map([], |r| {
            Ok(CatalogItem {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn load_catalogs(conn: &Connection) -> Result<Catalogs> {
    let mut st = conn.prepare(
        "SELECT id, name, holiday_name, holiday_rule FROM industries \
         WHERE deleted_at IS NULL ORDER BY name",
    )?;
    let industries = st
        .query_map([], |r| {
            Ok(Industry {
                id: r.get(0)?,
                name: r.get(1)?,
                holiday_name: r.get(2)?,
                holiday_rule: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut st = conn.prepare(
        "SELECT id, name, unit FROM indicator_kinds WHERE deleted_at IS NULL ORDER BY sort, name",
    )?;
    let indicator_kinds = st
        .query_map([], |r| {
            Ok(IndicatorKind {
                id: r.get(0)?,
                name: r.get(1)?,
                unit: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Catalogs {
        districts: items(conn, "districts")?,
        industries,
        services: items(conn, "services")?,
        indicator_kinds,
    })
}

fn catalog_table(kind: CatalogKind) -> &'static str {
    match kind {
        CatalogKind::Districts => "districts",
        CatalogKind::Services => "services",
        CatalogKind::Industries => "industries",
        CatalogKind::IndicatorKinds => "indicator_kinds",
    }
}

/// Adds or renames an entry. A name already taken is refused by the UNIQUE constraint.
pub fn save_catalog_entry(w: &Tx, kind: CatalogKind, e: &CatalogEntry) -> Result<Id> {
    let table = catalog_table(kind);
    let id = match e.id {
        Some(id) => {
            w.execute(
                &format!("UPDATE {table} SET name=?2, updated_at=?3, author_id=?4 WHERE id=?1"),
                params![id, e.name.trim(), w.now(), w.author()],
            )?;
            id
        }
        None => {
            w.execute(
                &format!(
                    "INSERT INTO {table} (uuid, created_at, updated_at, author_id, name) \
                     VALUES (?1, ?2, ?2, ?3, ?4)"
                ),
                params![new_uuid(), w.now(), w.author(), e.name.trim()],
            )?;
            w.last_insert_rowid()
        }
    };
    match kind {
        CatalogKind::IndicatorKinds => {
            w.execute(
                "UPDATE indicator_kinds SET unit=?2, sort=CASE WHEN sort=0 THEN id+100 ELSE sort END \
                 WHERE id=?1",
                params![id, e.extra.trim()],
            )?;
        }
        CatalogKind::Industries => {
            w.execute(
                "UPDATE industries SET holiday_name=?2, holiday_rule=?3 WHERE id=?1",
                params![id, e.extra.trim(), e.extra2.trim()],
            )?;
        }
        CatalogKind::Districts | CatalogKind::Services => {}
    }
    Ok(id)
}

// ---- trash ----

fn trash_table(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Client => "clients",
        TrashKind::Person => "people",
        TrashKind::Owner => "owners",
        TrashKind::Service => "client_services",
        TrashKind::Project => "projects",
        TrashKind::Record => "records",
        TrashKind::Manager => "managers",
    }
}

/// The SQL that names an item of this kind and its client.
fn trash_select(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Client => {
            "SELECT id, short_name, '', deleted_at FROM clients WHERE deleted_at IS NOT NULL"
        }
        TrashKind::Person => {
            "SELECT t.id, t.surname || ' ' || t.name || ' ' || t.patronymic, c.short_name, t.deleted_at \
             FROM people t JOIN clients c ON c.id = t.client_id WHERE t.deleted_at IS NOT NULL"
        }
        TrashKind::Owner => {
            "SELECT t.id, t.name, c.short_name, t.deleted_at FROM owners t \
             JOIN clients c ON c.id = t.client_id WHERE t.deleted_at IS NOT NULL"
        }
        TrashKind::Service => {
            "SELECT t.id, s.name, c.short_name, t.deleted_at FROM client_services t \
             JOIN services s ON s.id = t.service_id JOIN clients c ON c.id = t.client_id \
             WHERE t.deleted_at IS NOT NULL"
        }
        TrashKind::Project => {
            "SELECT t.id, t.title, c.short_name, t.deleted_at FROM projects t \
             JOIN clients c ON c.id = t.client_id WHERE t.deleted_at IS NOT NULL"
        }
        TrashKind::Record => {
            "SELECT t.id, coalesce(nullif(t.subject, ''), t.file_name), c.short_name, t.deleted_at \
             FROM records t JOIN clients c ON c.id = t.client_id WHERE t.deleted_at IS NOT NULL"
        }
        TrashKind::Manager => {
            "SELECT id, surname || ' ' || name || ' ' || patronymic, '', deleted_at FROM managers \
             WHERE deleted_at IS NOT NULL"
        }
    }
}

/// Everything in the trash, most recently deleted first.
pub fn list_trash(conn: &Connection) -> Result<Vec<TrashItem>> {
    let mut out = Vec::new();
    for kind in TrashKind::ALL {
        let mut st = conn.prepare(trash_select(kind))?;
        let rows = st.query_map([], |r| {
            Ok(TrashItem {
                kind,
                id: r.get(0)?,
                title: r.get::<_, String>(1)?.trim().to_string(),
                client: r.get(2)?,
                deleted_at: r.get(3)?,
            })
        })?;
        for r in rows {
            out.push(r?);
        }
    }
    out.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at));
    Ok(out)
}

/// Takes an item out of the trash. A client's rows deleted while it was in the trash come back
/// with it, since they were never marked.
pub fn restore(w: &Tx, kind: TrashKind, id: Id) -> Result<()> {
    let n = w.execute(
        &format!(
            "UPDATE {} SET deleted_at = NULL, updated_at = ?2, author_id = ?3 \
             WHERE id = ?1 AND deleted_at IS NOT NULL",
            trash_table(kind)
        ),
        params![id, w.now(), w.author()],
    )?;
    if n == 0 {
        return Err(StorageError::NotFound(id));
    }
    Ok(())
}

/// The live client holding the INN of the trashed client `id`, if any (a restore would
/// duplicate it): its short name.
pub fn inn_holder_of_trashed(conn: &Connection, id: Id) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT c.short_name FROM clients t JOIN clients c ON c.inn = t.inn \
             WHERE t.id = ?1 AND t.inn <> '' AND c.deleted_at IS NULL AND c.id <> t.id",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

// ---- settings ----

const DEFAULT_COMPANY: &str = include_str!("../../assets/company.json");
const DEFAULT_LOGO: &[u8] = include_bytes!("../../assets/logo.png");

impl Setting for Company {
    const KEY: &'static str = "company";
    /// A format that does not number would give every letter the same number.
    fn out_of_range(&self) -> Option<String> {
        let f = &self.number_format;
        (!f.is_empty() && !crate::domain::fmt::number_format_ok(f)).then(|| "number_format".into())
    }
}

impl Setting for super::backups::Policy {
    const KEY: &'static str = "backups";
    fn out_of_range(&self) -> Option<String> {
        let max = super::backups::POLICY_MAX;
        [
            ("daily", self.daily),
            ("weekly", self.weekly),
            ("monthly", self.monthly),
        ]
        .into_iter()
        .find(|(_, n)| *n > max)
        .map(|(field, _)| field.to_string())
    }
}

/// The company's requisites: as saved in the settings, else the defaults shipped in `assets/`.
/// Saved requisites that do not read are an error naming the field, never a blank letterhead.
pub fn load_company(conn: &Connection) -> Result<Company> {
    if !settings::exists(conn, Company::KEY)? {
        let mut company =
            settings::decode::<Company>(DEFAULT_COMPANY).map_err(StorageError::Setting)?;
        company.logo_png = Some(std::sync::Arc::new(DEFAULT_LOGO.to_vec()));
        return Ok(company);
    }
    let mut company: Company = settings::get(conn)?;
    company.logo_png = settings::blob(conn, Company::KEY)?.map(std::sync::Arc::new);
    Ok(company)
}

/// The requisites for their editor: what reads of what was saved, the shipped ones when nothing
/// was (see [`settings::get_to_edit`]).
pub fn company_to_edit(conn: &Connection) -> Result<settings::Editable<Company>> {
    let mut edit = settings::get_to_edit(conn, shipped_company)?;
    // The saved logo; requisites that did not read at all come with the shipped one.
    if let Some(logo) = settings::blob(conn, Company::KEY)? {
        edit.value.logo_png = Some(std::sync::Arc::new(logo));
    } else if edit.unreadable.is_none() && settings::exists(conn, Company::KEY)? {
        edit.value.logo_png = None;
    }
    Ok(edit)
}

/// The requisites shipped in `assets/` (a blank letterhead should they not read: a test keeps
/// them readable).
pub fn shipped_company() -> Company {
    let mut company = settings::decode::<Company>(DEFAULT_COMPANY).unwrap_or_default();
    company.logo_png = Some(std::sync::Arc::new(DEFAULT_LOGO.to_vec()));
    company
}

pub fn save_company(w: &Tx, c: &Company) -> Result<()> {
    settings::put(w, c)?;
    settings::put_blob(w, Company::KEY, c.logo_png.as_ref().map(|l| l.as_slice()))
}

/// The backup policy as saved, else the default (7 daily, 4 weekly, 12 monthly).
pub fn backup_policy(conn: &Connection) -> Result<super::backups::Policy> {
    settings::get(conn)
}

pub fn save_backup_policy(w: &Tx, p: &super::backups::Policy) -> Result<()> {
    settings::put(w, p)
}

// ---- integrity check ----

/// SQLite's own checks plus the rules of the domain, ids only.
pub fn check_database(conn: &Connection) -> Result<Vec<Problem>> {
    let mut problems = Vec::new();
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    for r in st.query_map([], |r| r.get::<_, String>(0))? {
        let r = r?;
        if r != "ok" {
            problems.push(Problem::Sqlite(r));
        }
    }
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        problems.push(Problem::ForeignKey {
            table: r.get(0)?,
            rowid: r.get::<_, Option<i64>>(1)?.unwrap_or(0),
            parent: r.get(2)?,
        });
    }
    let version = storage::schema_version(conn)?;
    let latest = storage::schema::latest_version();
    if version != latest {
        problems.push(Problem::Schema {
            found: version,
            latest,
        });
    } else {
        problems.extend(
            storage::schema::drift(conn)?
                .into_iter()
                .map(Problem::Drift),
        );
    }
    let mut st =
        conn.prepare("SELECT id, inn FROM clients WHERE deleted_at IS NULL AND inn <> ''")?;
    let mut rows = st.query([])?;
    let mut seen: HashMap<String, Id> = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: Id = r.get(0)?;
        let inn: String = r.get(1)?;
        if crate::domain::validate::check_inn(&inn).is_err() {
            problems.push(Problem::BadInn(id));
        }
        if let Some(other) = seen.insert(inn, id) {
            problems.push(Problem::DuplicateInn(other, id));
        }
    }
    problems.extend(
        storage::journal::verify(conn)?
            .into_iter()
            .chain(unjournalled(conn)?)
            .map(Problem::Journal),
    );
    Ok(problems)
}

/// The records changed behind the program's back: those the journal can name, else that some
/// row was.
fn unjournalled(conn: &Connection) -> Result<Vec<storage::journal::ChainProblem>> {
    let named = storage::journal_proof::verify_rows(conn)?;
    if !named.is_empty() {
        return Ok(named);
    }
    Ok(storage::journal_proof::verify_digest(conn)?
        .into_iter()
        .collect())
}

// ---- credentials ----

/// How a manager proves who they are: the password's hash (empty: none set) and the operating
/// system account linked (empty: none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credential {
    pub password_hash: String,
    pub os_account: String,
}

pub fn credential(conn: &Connection, id: Id) -> Result<Credential> {
    Ok(conn
        .query_row(
            "SELECT password_hash, os_account FROM credentials WHERE manager_id = ?1",
            [id],
            |r| {
                Ok(Credential {
                    password_hash: r.get(0)?,
                    os_account: r.get(1)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Whether any manager has a password (the department has set up its users).
pub fn any_password(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM credentials c JOIN managers m ON m.id = c.manager_id \
         WHERE c.password_hash <> '' AND m.deleted_at IS NULL AND m.active)",
        [],
        |r| r.get(0),
    )?)
}

/// The active manager whose linked operating system account is `account` (case aside).
pub fn manager_of_os_account(conn: &Connection, account: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row(
            "SELECT c.manager_id FROM credentials c JOIN managers m ON m.id = c.manager_id \
             WHERE lower(c.os_account) = lower(?1) AND c.os_account <> '' \
             AND m.deleted_at IS NULL AND m.active",
            [account],
            |r| r.get(0),
        )
        .optional()?)
}

fn ensure_credential(w: &Tx, id: Id) -> Result<()> {
    w.execute(
        "INSERT OR IGNORE INTO credentials (manager_id, created_at, updated_at, author_id) \
         VALUES (?1, ?2, ?2, ?3)",
        params![id, w.now(), w.author()],
    )?;
    Ok(())
}

pub fn set_password_hash(w: &Tx, id: Id, hash: &str) -> Result<()> {
    ensure_credential(w, id)?;
    w.execute(
        "UPDATE credentials SET password_hash = ?2, password_set_at = ?3, updated_at = ?3, \
         author_id = ?4 WHERE manager_id = ?1",
        params![id, hash, w.now(), w.author()],
    )?;
    Ok(())
}

pub fn set_os_account(w: &Tx, id: Id, account: &str) -> Result<()> {
    ensure_credential(w, id)?;
    w.execute(
        "UPDATE credentials SET os_account = ?2, updated_at = ?3, author_id = ?4 \
         WHERE manager_id = ?1",
        params![id, account, w.now(), w.author()],
    )?;
    Ok(())
}

impl Setting for super::identity::IdentitySettings {
    const KEY: &'static str = "identity";
}

pub fn identity_settings(conn: &Connection) -> Result<super::identity::IdentitySettings> {
    settings::get_or(conn, super::identity::IdentitySettings::default)
}

pub fn save_identity_settings(w: &Tx, s: &super::identity::IdentitySettings) -> Result<()> {
    settings::put(w, s)
}
