//! Saving a dossier as one unit: every child table compared with what is stored, new rows inserted, changed rows updated, rows that went moved to the trash.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};

use super::load::load_dossier;
use crate::clients::model::*;
use crate::domain::{Code, Id, new_uuid};
use crate::storage::{Result, Tx, date_to_sql};

pub(super) const CLIENT_COLUMNS: [&str; 16] = [
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
