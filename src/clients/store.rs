//! The SQL of the client aggregate: the list and its look-ups (INN, UUID, phone), the dossier
//! loaded and saved as one unit, and the correspondence records with their files.
//!
//! Saving compares the new dossier with what is stored: new rows are inserted with a fresh UUID,
//! changed rows updated (and only they get a new `updated_at`), rows that disappeared are moved to
//! the trash (soft delete), so nothing the user removed is lost.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::model::*;
use crate::domain::fmt::search_key;
use crate::domain::names::Gender;
use crate::domain::validate::{Phone, phone_digits_for_search};
use crate::domain::{Code, Id, new_uuid};
use crate::storage::{self, Result, Tx, date_from_sql, date_to_sql, rows};

/// Loads every client not in the trash with its search text. Called on navigation, never per
/// frame; the list filters this in memory as the user types.
pub fn list_clients(conn: &Connection) -> Result<Vec<ClientRow>> {
    let mut people: HashMap<Id, (u32, String)> = HashMap::new();
    let mut st = conn.prepare("SELECT client_id, surname FROM people WHERE deleted_at IS NULL")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let e = people.entry(r.get(0)?).or_default();
        e.0 += 1;
        e.1.push(' ');
        e.1.push_str(&search_key(
            r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?,
        ));
    }
    let mut phones: HashMap<Id, String> = HashMap::new();
    let mut st = conn.prepare(
        "SELECT p.client_id, ph.number FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         WHERE p.deleted_at IS NULL",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let e = phones.entry(r.get(0)?).or_default();
        e.push('|');
        e.push_str(&phone_digits_for_search(
            r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?,
        ));
    }
    let mut vip: HashMap<Id, Vec<i32>> = HashMap::new();
    let mut st = conn.prepare(
        "SELECT client_id, year FROM vip_years WHERE deleted_at IS NULL AND included = 1 ORDER BY year",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        vip.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    let mut st = conn.prepare(
        "SELECT c.id, c.short_name, c.full_name, c.inn, c.district_id, coalesce(d.name, ''), \
         coalesce(i.name, ''), c.manager_id, \
         coalesce(m.surname || ' ' || substr(m.name, 1, 1) || '.' || \
                  CASE WHEN m.patronymic = '' THEN '' ELSE substr(m.patronymic, 1, 1) || '.' END, ''), \
         c.strategic \
         FROM clients c LEFT JOIN districts d ON d.id = c.district_id \
         LEFT JOIN industries i ON i.id = c.industry_id LEFT JOIN managers m ON m.id = c.manager_id \
         WHERE c.deleted_at IS NULL",
    )?;
    let rows = st
        .query_map([], |r| {
            let id: Id = r.get(0)?;
            let short_name: String = r.get(1)?;
            let full_name: String = r.get(2)?;
            let inn: String = r.get(3)?;
            let (people_count, surnames) = people.remove(&id).unwrap_or_default();
            let haystack = format!(
                "{} {} {}{}",
                search_key(&short_name),
                search_key(&full_name),
                inn,
                surnames
            );
            Ok(ClientRow {
                id,
                short_name,
                full_name,
                inn,
                district_id: r.get(4)?,
                district: r.get(5)?,
                industry: r.get(6)?,
                manager_id: r.get(7)?,
                manager: r.get(8)?,
                strategic: r.get(9)?,
                vip_years: vip.remove(&id).unwrap_or_default(),
                people_count,
                haystack,
                phone_digits: phones.remove(&id).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<ClientRow>>>()?;
    let mut rows = rows;
    rows.sort_by_cached_key(|r| crate::domain::fmt::name_sort_key(&r.short_name));
    Ok(rows)
}

/// The client with this UUID, wherever it is (in the trash too): UUIDs are never reused.
pub fn find_client_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row("SELECT id FROM clients WHERE uuid = ?1", [uuid], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Who has this phone number: (client id, person id) for an incoming call.
pub fn find_people_by_phone(conn: &Connection, number: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT p.client_id, p.id FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         JOIN clients c ON c.id = p.client_id \
         WHERE ph.number = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL",
    )?;
    let rows = st
        .query_map([number], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Moves a client (with its whole dossier) to the trash.
pub fn delete_client(w: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(w, "clients", id)
}

/// Counts of what the database holds, for the status bar and `check`.
pub fn count_clients(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM clients WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

const CLIENT_COLUMNS: [&str; 16] = [
    "short_name",
    "full_name",
    "kind",
    "inn",
    "kpp",
    "ogrn",
    "legal_address",
    "postal_address",
    "district_id",
    "industry_id",
    "contract_number",
    "contract_date",
    "since_year",
    "manager_id",
    "strategic",
    "uuid",
];

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}
fn opt_id(id: Option<Id>) -> Value {
    id.map_or(Value::Null, Value::Integer)
}
fn date(d: Option<chrono::NaiveDate>) -> Value {
    date_to_sql(d).map_or(Value::Null, Value::Text)
}
fn real(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::Real)
}
fn flag(b: bool) -> Value {
    Value::Integer(i64::from(b))
}

fn client_values(c: &Client) -> Vec<Value> {
    vec![
        text(&c.short_name),
        text(&c.full_name),
        text(c.kind.code()),
        text(&c.inn),
        text(&c.kpp),
        text(&c.ogrn),
        text(&c.legal_address),
        text(&c.postal_address),
        opt_id(c.district_id),
        opt_id(c.industry_id),
        text(&c.contract_number),
        date(c.contract_date),
        c.since_year
            .map_or(Value::Null, |y| Value::Integer(i64::from(y))),
        opt_id(c.manager_id),
        flag(c.strategic),
    ]
}

/// How a child table of the dossier is written.
struct ChildSpec {
    table: &'static str,
    parent: &'static str,
    columns: &'static [&'static str],
}

/// One row of a child collection, as the sync sees it.
struct ChildRow<'a, T> {
    id: Option<Id>,
    uuid: &'a str,
    value: &'a T,
    values: Vec<Value>,
}

/// Writes one child collection: inserts, updates what changed, soft-deletes what is gone.
/// Returns, for every new row in order, its id and whether it was written.
fn sync_children<T: PartialEq>(
    tx: &Tx,
    spec: &ChildSpec,
    parent_id: Id,
    old: &[(Id, T)],
    new: Vec<ChildRow<'_, T>>,
) -> Result<Vec<(Id, bool)>> {
    let old_by_id: HashMap<Id, (usize, &T)> = old
        .iter()
        .enumerate()
        .map(|(i, (id, v))| (*id, (i, v)))
        .collect();
    let (author, now) = (tx.author(), tx.now());
    let mut out = Vec::with_capacity(new.len());
    let mut kept = std::collections::HashSet::new();
    let cols = spec.columns;
    for (pos, row) in new.into_iter().enumerate() {
        let mut values = row.values;
        values.push(Value::Integer(pos as i64));
        match row.id.filter(|id| old_by_id.contains_key(id)) {
            Some(id) => {
                kept.insert(id);
                let (old_pos, old_value) = old_by_id[&id];
                if old_pos == pos && old_value == row.value {
                    out.push((id, false));
                    continue;
                }
                let sets: Vec<String> = cols
                    .iter()
                    .chain(std::iter::once(&"sort"))
                    .enumerate()
                    .map(|(i, c)| format!("{c} = ?{}", i + 1))
                    .collect();
                let n = values.len();
                values.push(Value::Text(now.to_string()));
                values.push(opt_id(author));
                values.push(Value::Integer(id));
                tx.execute(
                    &format!(
                        "UPDATE {} SET {}, updated_at = ?{}, author_id = ?{} WHERE id = ?{}",
                        spec.table,
                        sets.join(", "),
                        n + 1,
                        n + 2,
                        n + 3
                    ),
                    params_from_iter(values),
                )?;
                out.push((id, true));
            }
            None => {
                let uuid = if row.uuid.is_empty() {
                    new_uuid()
                } else {
                    row.uuid.to_string()
                };
                let mut all = vec![
                    Value::Text(uuid),
                    Value::Text(now.to_string()),
                    opt_id(author),
                    Value::Integer(parent_id),
                ];
                all.extend(values);
                // uuid, created_at, updated_at (= created_at), author, parent, columns…, sort
                let mut ph = vec!["?1".to_string(), "?2".to_string(), "?2".to_string()];
                ph.extend((3..=all.len()).map(|i| format!("?{i}")));
                tx.execute(
                    &format!(
                        "INSERT INTO {} (uuid, created_at, updated_at, author_id, {}, {}, sort) VALUES ({})",
                        spec.table,
                        spec.parent,
                        cols.join(", "),
                        ph.join(", ")
                    ),
                    params_from_iter(all),
                )?;
                out.push((tx.last_insert_rowid(), true));
            }
        }
    }
    for (id, _) in old {
        if !kept.contains(id) {
            tx.execute(
                &format!(
                    "UPDATE {} SET deleted_at = ?2, updated_at = ?2, author_id = ?3 WHERE id = ?1",
                    spec.table
                ),
                params![id, now, author],
            )?;
        }
    }
    Ok(out)
}

const VIP: ChildSpec = ChildSpec {
    table: "vip_years",
    parent: "client_id",
    columns: &[
        "year",
        "crit_volume",
        "volume_kwh",
        "crit_brand",
        "crit_stability",
        "crit_political",
        "political_note",
        "included",
        "order_number",
        "order_date",
    ],
};
const PEOPLE: ChildSpec = ChildSpec {
    table: "people",
    parent: "client_id",
    columns: &[
        "surname",
        "name",
        "patronymic",
        "gender",
        "position",
        "category",
        "birthday",
        "email",
        "address_as",
        "name_dative",
        "position_dative",
        "notes",
    ],
};
const OWNERS: ChildSpec = ChildSpec {
    table: "owners",
    parent: "client_id",
    columns: &["name", "kind", "share", "note"],
};
const SERVICES: ChildSpec = ChildSpec {
    table: "client_services",
    parent: "client_id",
    columns: &["service_id", "start_date", "end_date", "note"],
};
const PROJECTS: ChildSpec = ChildSpec {
    table: "projects",
    parent: "client_id",
    columns: &["title", "goal", "status", "start_date", "end_date"],
};
const STAGES: ChildSpec = ChildSpec {
    table: "project_stages",
    parent: "project_id",
    columns: &["title", "planned_date", "actual_date", "result"],
};
const RECORDS: ChildSpec = ChildSpec {
    table: "records",
    parent: "client_id",
    columns: &[
        "date",
        "direction",
        "number",
        "subject",
        "text",
        "file_name",
    ],
};

/// Saves the whole dossier inside the write `tx`; returns the client's id.
pub fn save_dossier(tx: &Tx, d: &Dossier) -> Result<Id> {
    let author = tx.author();
    let now = tx.now().to_string();
    let old = match d.client.id {
        Some(id) => Some(load_dossier(tx, id)?),
        None => None,
    };
    let client_id = match (&old, d.client.id) {
        (Some(old), Some(id)) => {
            if old.client != d.client {
                let mut values = client_values(&d.client);
                let sets: Vec<String> = CLIENT_COLUMNS[..15]
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c} = ?{}", i + 1))
                    .collect();
                values.push(Value::Text(now.clone()));
                values.push(opt_id(author));
                values.push(Value::Integer(id));
                tx.execute(
                    &format!(
                        "UPDATE clients SET {}, updated_at = ?16, author_id = ?17 WHERE id = ?18",
                        sets.join(", ")
                    ),
                    params_from_iter(values),
                )?;
            }
            id
        }
        _ => {
            let mut values = client_values(&d.client);
            let uuid = if d.client.uuid.is_empty() {
                new_uuid()
            } else {
                d.client.uuid.clone()
            };
            values.push(Value::Text(uuid));
            values.push(Value::Text(now.clone()));
            values.push(opt_id(author));
            let ph: Vec<String> = (1..=16).map(|i| format!("?{i}")).collect();
            tx.execute(
                &format!(
                    "INSERT INTO clients ({}, created_at, updated_at, author_id) VALUES ({}, ?17, ?17, ?18)",
                    CLIENT_COLUMNS.join(", "),
                    ph.join(", ")
                ),
                params_from_iter(values),
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.execute(
        "UPDATE clients SET call_every_days = ?2, meeting_every_months = ?3 \
         WHERE id = ?1 AND (call_every_days IS NOT ?2 OR meeting_every_months IS NOT ?3)",
        params![
            client_id,
            d.client.call_every_days,
            d.client.meeting_every_months
        ],
    )?;
    let old = old.unwrap_or_default();

    sync_children(
        tx,
        &VIP,
        client_id,
        &with_ids(&old.vip, |x| x.id),
        d.vip
            .iter()
            .map(|v| ChildRow {
                id: v.id,
                uuid: &v.uuid,
                value: v,
                values: vec![
                    Value::Integer(i64::from(v.year)),
                    flag(v.crit_volume),
                    real(v.volume_kwh),
                    flag(v.crit_brand),
                    flag(v.crit_stability),
                    flag(v.crit_political),
                    text(&v.political_note),
                    flag(v.included),
                    text(&v.order_number),
                    date(v.order_date),
                ],
            })
            .collect(),
    )?;

    let old_people = with_ids(&old.people, |x| x.id);
    let people_ids = sync_children(
        tx,
        &PEOPLE,
        client_id,
        &old_people,
        d.people
            .iter()
            .map(|p| ChildRow {
                id: p.id,
                uuid: &p.uuid,
                value: p,
                values: vec![
                    text(&p.surname),
                    text(&p.name),
                    text(&p.patronymic),
                    p.gender.map_or(Value::Null, |g| text(g.code())),
                    text(&p.position),
                    p.category
                        .map_or(Value::Null, |c| Value::Integer(i64::from(c))),
                    date(p.birthday),
                    text(&p.email),
                    text(&p.address_as),
                    text(&p.name_dative),
                    text(&p.position_dative),
                    text(&p.notes),
                ],
            })
            .collect(),
    )?;
    for ((person_id, written), p) in people_ids.iter().zip(&d.people) {
        if *written {
            tx.execute(
                "DELETE FROM person_phones WHERE person_id = ?1",
                [person_id],
            )?;
            let mut st = tx.prepare_cached(
                "INSERT INTO person_phones (person_id, number, ext, sort) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (i, ph) in p.phones.iter().enumerate() {
                st.execute(params![person_id, ph.number, ph.ext, i as i64])?;
            }
        }
    }

    let old_owners = with_ids(&old.owners, |x| x.id);
    sync_children(
        tx,
        &OWNERS,
        client_id,
        &old_owners,
        d.owners
            .iter()
            .map(|o| ChildRow {
                id: o.id,
                uuid: &o.uuid,
                value: o,
                values: vec![text(&o.name), text(&o.kind), real(o.share), text(&o.note)],
            })
            .collect(),
    )?;

    let old_services = with_ids(&old.services, |x| x.id);
    sync_children(
        tx,
        &SERVICES,
        client_id,
        &old_services,
        d.services
            .iter()
            .map(|s| ChildRow {
                id: s.id,
                uuid: &s.uuid,
                value: s,
                values: vec![
                    Value::Integer(s.service_id),
                    date(s.start),
                    date(s.end),
                    text(&s.note),
                ],
            })
            .collect(),
    )?;

    // Projects compare without their stages; stages are synced per project below.
    let strip = |p: &Project| Project {
        stages: Vec::new(),
        ..p.clone()
    };
    let old_projects: Vec<(Id, Project)> = old
        .projects
        .iter()
        .filter_map(|x| x.id.map(|id| (id, strip(x))))
        .collect();
    let new_projects: Vec<Project> = d.projects.iter().map(strip).collect();
    let project_ids = sync_children(
        tx,
        &PROJECTS,
        client_id,
        &old_projects,
        new_projects
            .iter()
            .map(|p| ChildRow {
                id: p.id,
                uuid: &p.uuid,
                value: p,
                values: vec![
                    text(&p.title),
                    text(&p.goal),
                    text(p.status.code()),
                    date(p.start),
                    date(p.end),
                ],
            })
            .collect(),
    )?;
    for ((project_id, _), p) in project_ids.iter().zip(&d.projects) {
        let old_stages: Vec<(Id, Stage)> = old
            .projects
            .iter()
            .find(|o| o.id == Some(*project_id))
            .map(|o| with_ids(&o.stages, |s| s.id))
            .unwrap_or_default();
        sync_children(
            tx,
            &STAGES,
            *project_id,
            &old_stages,
            p.stages
                .iter()
                .map(|s| ChildRow {
                    id: s.id,
                    uuid: &s.uuid,
                    value: s,
                    values: vec![
                        text(&s.title),
                        date(s.planned),
                        date(s.actual),
                        text(&s.result),
                    ],
                })
                .collect(),
        )?;
    }

    save_indicators(tx, client_id, &old.indicators, &d.indicators)?;

    let old_records = with_ids(&old.records, |x| x.id);
    let record_ids = sync_children(
        tx,
        &RECORDS,
        client_id,
        &old_records,
        d.records
            .iter()
            .map(|r| ChildRow {
                id: r.id,
                uuid: &r.uuid,
                value: r,
                values: vec![
                    date(r.date),
                    text(r.direction.code()),
                    text(&r.number),
                    text(&r.subject),
                    text(&r.text),
                    text(&r.file_name),
                ],
            })
            .collect(),
    )?;
    for ((record_id, _), r) in record_ids.iter().zip(&d.records) {
        if let Some(bytes) = &r.new_file {
            tx.execute(
                "UPDATE records SET file_data = ?2, file_size = ?3 WHERE id = ?1",
                params![record_id, bytes, bytes.len() as i64],
            )?;
        }
    }
    Ok(client_id)
}

fn month_key((y, m): YearMonth) -> String {
    format!("{y:04}-{m:02}")
}

fn save_indicators(
    tx: &Tx,
    client_id: Id,
    old: &BTreeMap<(Id, YearMonth), f64>,
    new: &BTreeMap<(Id, YearMonth), f64>,
) -> Result<()> {
    let (author, now) = (tx.author(), tx.now());
    let mut upsert = tx.prepare_cached(
        "INSERT INTO indicator_values (uuid, created_at, updated_at, author_id, client_id, kind_id, month, value) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (client_id, kind_id, month) DO UPDATE SET value = excluded.value, \
         updated_at = excluded.updated_at, author_id = excluded.author_id, deleted_at = NULL",
    )?;
    for (&(kind, ym), &value) in new {
        if old.get(&(kind, ym)) != Some(&value) {
            upsert.execute(params![
                new_uuid(),
                now,
                author,
                client_id,
                kind,
                month_key(ym),
                value
            ])?;
        }
    }
    let mut delete = tx.prepare_cached(
        "UPDATE indicator_values SET deleted_at = ?4, updated_at = ?4, author_id = ?5 \
         WHERE client_id = ?1 AND kind_id = ?2 AND month = ?3",
    )?;
    for &(kind, ym) in old.keys() {
        if !new.contains_key(&(kind, ym)) {
            delete.execute(params![client_id, kind, month_key(ym), now, author])?;
        }
    }
    Ok(())
}

/// The stored rows of a collection as (id, value), what the sync compares against.
fn with_ids<T: Clone>(items: &[T], id: impl Fn(&T) -> Option<Id>) -> Vec<(Id, T)> {
    items
        .iter()
        .filter_map(|x| id(x).map(|i| (i, x.clone())))
        .collect()
}

/// Loads the whole dossier of a client (not in the trash).
pub fn load_dossier(conn: &Connection, client_id: Id) -> Result<Dossier> {
    let client = storage::found(
        conn.query_row(
            &format!(
                "SELECT id, {} FROM clients WHERE id = ?1 AND deleted_at IS NULL",
                CLIENT_COLUMNS.join(", ")
            ),
            [client_id],
            |r| {
                Ok(Client {
                    id: Some(r.get(0)?),
                    short_name: r.get(1)?,
                    full_name: r.get(2)?,
                    kind: storage::code(r, 3)?,
                    inn: r.get(4)?,
                    kpp: r.get(5)?,
                    ogrn: r.get(6)?,
                    legal_address: r.get(7)?,
                    postal_address: r.get(8)?,
                    district_id: r.get(9)?,
                    industry_id: r.get(10)?,
                    contract_number: r.get(11)?,
                    contract_date: date_from_sql(r.get(12)?),
                    since_year: r.get(13)?,
                    manager_id: r.get(14)?,
                    strategic: r.get(15)?,
                    uuid: r.get(16)?,
                    ..Default::default()
                })
            },
        ),
        client_id,
    )?;

    let (call_every_days, meeting_every_months) = conn.query_row(
        "SELECT call_every_days, meeting_every_months FROM clients WHERE id = ?1",
        [client_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let client = Client {
        call_every_days,
        meeting_every_months,
        ..client
    };
    let vip = rows(
        conn,
        "SELECT id, uuid, year, crit_volume, volume_kwh, crit_brand, crit_stability, crit_political, \
         political_note, included, order_number, order_date FROM vip_years \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(VipYear {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                year: r.get(2)?,
                crit_volume: r.get(3)?,
                volume_kwh: r.get(4)?,
                crit_brand: r.get(5)?,
                crit_stability: r.get(6)?,
                crit_political: r.get(7)?,
                political_note: r.get(8)?,
                included: r.get(9)?,
                order_number: r.get(10)?,
                order_date: date_from_sql(r.get(11)?),
            })
        },
    )?;

    let mut phones: HashMap<Id, Vec<Phone>> = HashMap::new();
    let mut st = conn.prepare_cached(
        "SELECT ph.person_id, ph.number, ph.ext FROM person_phones ph \
         JOIN people p ON p.id = ph.person_id WHERE p.client_id = ?1 ORDER BY ph.person_id, ph.sort",
    )?;
    let mut cursor = st.query([client_id])?;
    while let Some(r) = cursor.next()? {
        phones.entry(r.get(0)?).or_default().push(Phone {
            number: r.get(1)?,
            ext: r.get(2)?,
        });
    }
    let people = rows(
        conn,
        "SELECT id, uuid, surname, name, patronymic, gender, position, category, birthday, email, \
         address_as, name_dative, position_dative, notes FROM people \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            let id: Id = r.get(0)?;
            Ok(Person {
                id: Some(id),
                uuid: r.get(1)?,
                surname: r.get(2)?,
                name: r.get(3)?,
                patronymic: r.get(4)?,
                gender: storage::opt_code::<Gender>(r, 5)?,
                position: r.get(6)?,
                category: r.get(7)?,
                birthday: date_from_sql(r.get(8)?),
                phones: phones.get(&id).cloned().unwrap_or_default(),
                email: r.get(9)?,
                address_as: r.get(10)?,
                name_dative: r.get(11)?,
                position_dative: r.get(12)?,
                notes: r.get(13)?,
            })
        },
    )?;

    let owners = rows(
        conn,
        "SELECT id, uuid, name, kind, share, note FROM owners \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(Owner {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                share: r.get(4)?,
                note: r.get(5)?,
            })
        },
    )?;

    let services = rows(
        conn,
        "SELECT id, uuid, service_id, start_date, end_date, note FROM client_services \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(ClientService {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                service_id: r.get(2)?,
                start: date_from_sql(r.get(3)?),
                end: date_from_sql(r.get(4)?),
                note: r.get(5)?,
            })
        },
    )?;

    let mut stages: HashMap<Id, Vec<Stage>> = HashMap::new();
    let mut st = conn.prepare_cached(
        "SELECT s.project_id, s.id, s.uuid, s.title, s.planned_date, s.actual_date, s.result \
         FROM project_stages s JOIN projects p ON p.id = s.project_id \
         WHERE p.client_id = ?1 AND s.deleted_at IS NULL ORDER BY s.project_id, s.sort, s.id",
    )?;
    let mut cursor = st.query([client_id])?;
    while let Some(r) = cursor.next()? {
        stages.entry(r.get(0)?).or_default().push(Stage {
            id: Some(r.get(1)?),
            uuid: r.get(2)?,
            title: r.get(3)?,
            planned: date_from_sql(r.get(4)?),
            actual: date_from_sql(r.get(5)?),
            result: r.get(6)?,
        });
    }
    let projects = rows(
        conn,
        "SELECT id, uuid, title, goal, status, start_date, end_date FROM projects \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            let id: Id = r.get(0)?;
            Ok(Project {
                id: Some(id),
                uuid: r.get(1)?,
                title: r.get(2)?,
                goal: r.get(3)?,
                status: storage::code(r, 4)?,
                start: date_from_sql(r.get(5)?),
                end: date_from_sql(r.get(6)?),
                stages: stages.remove(&id).unwrap_or_default(),
            })
        },
    )?;

    let mut indicators = BTreeMap::new();
    let mut st = conn.prepare_cached(
        "SELECT kind_id, month, value FROM indicator_values WHERE client_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut cursor = st.query([client_id])?;
    while let Some(r) = cursor.next()? {
        let month: String = r.get(1)?;
        if let Some(ym) = crate::domain::fmt::parse_month(&month) {
            indicators.insert((r.get::<_, Id>(0)?, ym), r.get::<_, f64>(2)?);
        }
    }

    let records = rows(
        conn,
        "SELECT id, uuid, date, direction, number, subject, text, file_name, file_size FROM records \
         WHERE client_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
        client_id,
        |r| {
            Ok(Record {
                id: Some(r.get(0)?),
                uuid: r.get(1)?,
                date: date_from_sql(r.get(2)?),
                direction: storage::code(r, 3)?,
                number: r.get(4)?,
                subject: r.get(5)?,
                text: r.get(6)?,
                file_name: r.get(7)?,
                file_size: r.get(8)?,
                new_file: None,
            })
        },
    )?;

    Ok(Dossier {
        client,
        vip,
        people,
        owners,
        services,
        projects,
        indicators,
        records,
    })
}

/// The bytes of a file attached to a record.
pub fn record_file(conn: &Connection, record_id: Id) -> Result<Vec<u8>> {
    storage::found(
        conn.query_row(
            "SELECT file_data FROM records WHERE id = ?1 AND file_data IS NOT NULL",
            [record_id],
            |r| r.get(0),
        ),
        record_id,
    )
}

/// Adds one record with its file to a client's «Переписка и файлы» (a registered letter's PDF).
pub fn add_record(tx: &Tx, client_id: Id, r: &Record) -> Result<Id> {
    let (author, now) = (tx.author(), tx.now());
    let sort: i64 = tx.query_row(
        "SELECT coalesce(max(sort), -1) + 1 FROM records WHERE client_id = ?1",
        [client_id],
        |row| row.get(0),
    )?;
    let size = r.new_file.as_ref().map_or(0, |b| b.len() as i64);
    tx.execute(
        "INSERT INTO records (uuid, created_at, updated_at, author_id, client_id, date, direction, number, \
         subject, text, file_name, file_size, file_data, sort) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            new_uuid(),
            now,
            author,
            client_id,
            date_to_sql(r.date),
            r.direction.code(),
            r.number,
            r.subject,
            r.text,
            r.file_name,
            size,
            r.new_file,
            sort
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A correspondence record as the timeline shows it: (date, direction, number, subject or file
/// name). Letters and reports have their own entries and are left out here.
pub fn record_events(
    conn: &Connection,
    client_id: Id,
) -> Result<Vec<(NaiveDate, Direction, String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT date, direction, number, coalesce(nullif(subject, ''), file_name) FROM records r \
         WHERE client_id = ?1 AND deleted_at IS NULL AND date IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.record_id = r.id) \
           AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.record_id = r.id)",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        if let Some(date) = date_from_sql(r.get(0)?) {
            out.push((date, storage::code(r, 1)?, r.get(2)?, r.get(3)?));
        }
    }
    Ok(out)
}

/// Project stages as the timeline shows them: (date, stage, project, done).
pub fn stage_events(
    conn: &Connection,
    client_id: Id,
) -> Result<Vec<(NaiveDate, String, String, bool)>> {
    let mut st = conn.prepare_cached(
        "SELECT coalesce(s.actual_date, s.planned_date), s.title, p.title, s.actual_date IS NOT NULL \
         FROM project_stages s JOIN projects p ON p.id = s.project_id \
         WHERE p.client_id = ?1 AND s.deleted_at IS NULL AND p.deleted_at IS NULL",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        if let Some(date) = date_from_sql(r.get(0)?) {
            out.push((date, r.get(1)?, r.get(2)?, r.get(3)?));
        }
    }
    Ok(out)
}

/// The live client that has this INN, other than `except`: (id, short name).
pub fn inn_holder(
    conn: &Connection,
    inn: &str,
    except: Option<Id>,
) -> Result<Option<(Id, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, short_name FROM clients WHERE inn = ?1 AND inn <> '' AND deleted_at IS NULL \
             AND (?2 IS NULL OR id <> ?2)",
            params![inn, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// A person's name and position (in the trash too), for a line that names them.
pub fn person_brief(conn: &Connection, id: Id) -> Result<Option<Person>> {
    Ok(conn
        .query_row(
            "SELECT surname, name, patronymic, position FROM people WHERE id = ?1",
            [id],
            |r| {
                Ok(Person {
                    id: Some(id),
                    surname: r.get(0)?,
                    name: r.get(1)?,
                    patronymic: r.get(2)?,
                    position: r.get(3)?,
                    ..Default::default()
                })
            },
        )
        .optional()?)
}

/// The short name of a client (in the trash too).
pub fn client_short_name(conn: &Connection, id: Id) -> Result<String> {
    storage::found(
        conn.query_row("SELECT short_name FROM clients WHERE id = ?1", [id], |r| {
            r.get(0)
        }),
        id,
    )
}

/// The kind of a client (legal entity, entrepreneur, citizen).
pub fn client_kind(conn: &Connection, id: Id) -> Result<ClientKind> {
    storage::found(
        conn.query_row("SELECT kind FROM clients WHERE id = ?1", [id], |r| {
            storage::code(r, 0)
        }),
        id,
    )
}

/// The files of the live records among `ids`, in the order of `ids`: (record, file name, size).
pub fn record_files(conn: &Connection, ids: &[Id]) -> Result<Vec<(Id, String, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT id, file_name, file_size FROM records WHERE id = ?1 AND deleted_at IS NULL",
    )?;
    let mut out = Vec::new();
    for id in ids {
        if let Some(row) = st
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
        {
            out.push(row);
        }
    }
    Ok(out)
}
