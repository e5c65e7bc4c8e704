//! Applying what the server sent to the replica: a record's current state with the stamp of
//! each field. Per field, the later stamp wins (the server merged the same way), so applying a
//! record twice, or an old one after a newer, changes nothing; every replica that has taken in
//! the same records holds the same state, whatever the order. The rows written are journalled
//! as coming from their author on their workstation, and put nothing into the outbox.

use base64::Engine as _;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension as _, params_from_iter};
use serde_json::{Map, Value};

use super::replica::{self, Shape, stamp_of};
use super::{Result, Tx};
use crate::domain::Id;
use crate::domain::hlc::{Hlc, Stamp};

/// A record as the server holds it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub table: String,
    pub record_uuid: String,
    /// Every field the record has had, as it travels.
    pub fields: Map<String, Value>,
    /// The stamp of each field's value.
    pub stamps: Map<String, Value>,
    /// Erased (a row of a list saved without it).
    pub deleted: bool,
    /// Who made its last change and where (uuids).
    pub author_uuid: Option<String>,
    pub workstation: String,
    /// The server's number of its last change.
    pub seq: i64,
}

/// What applying a record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Fields taken in, or the record erased.
    Applied,
    /// Nothing newer than what the replica holds (its own change coming back, a repeat).
    Unchanged,
    /// Not yet: it refers to a record this replica does not have yet, or a rule of the
    /// database refused it (the reason). Kept and tried again.
    Waiting(String),
}

/// Why a record cannot be applied yet: the record it refers to (table and uuid), or the column
/// whose value does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotYet(pub String);

/// The local ids of the records referred to, found while a batch is applied (a first sync
/// looks up the same 5,000 clients 480,000 times). Forgotten when a record goes or is adopted.
#[derive(Debug, Default)]
pub struct Ids(std::collections::HashMap<(String, String), Id>);

impl Ids {
    fn id_of(&mut self, conn: &Connection, table: &str, uuid: &str) -> Result<Option<Id>> {
        let key = (table.to_string(), uuid.to_string());
        if let Some(id) = self.0.get(&key) {
            return Ok(Some(*id));
        }
        let id = replica::id_of(conn, table, uuid)?;
        if let Some(id) = id {
            self.0.insert(key, id);
        }
        Ok(id)
    }
}

/// A travelling value as the column holds it; `Err` with the reason when it refers to a record
/// this replica does not have.
fn to_local(
    conn: &Connection,
    shape: &Shape,
    column: &str,
    v: &Value,
    ids: &mut Ids,
) -> Result<std::result::Result<Sql, NotYet>> {
    if let Some(target) = shape.refs.get(column) {
        return Ok(match v {
            Value::String(u) => match ids.id_of(conn, target, u)? {
                Some(id) => Ok(Sql::Integer(id)),
                None => Err(NotYet(format!("{target} {u}"))),
            },
            _ => Ok(Sql::Null),
        });
    }
    Ok(Ok(match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Sql::Text(s.clone()),
        Value::Object(o) => match o.get("b64").and_then(Value::as_str) {
            Some(b) if shape.is_blob(column) || o.len() == 1 => {
                match base64::engine::general_purpose::STANDARD.decode(b) {
                    Ok(bytes) => Sql::Blob(bytes),
                    Err(_) => return Ok(Err(NotYet(format!("{column}: base64")))),
                }
            }
            _ => Sql::Text(Value::Object(o.clone()).to_string()),
        },
        Value::Array(_) => Sql::Text(v.to_string()),
    }))
}

/// The local row of a record (`None`: not here).
fn local_row(
    conn: &Connection,
    table: &str,
    shape: &Shape,
    r: &Incoming,
) -> Result<std::result::Result<Option<Id>, NotYet>> {
    if shape.has_uuid {
        return Ok(Ok(conn
            .prepare_cached(&format!("SELECT rowid FROM {table} WHERE uuid = ?1"))?
            .query_row([&r.record_uuid], |row| row.get(0))
            .optional()?));
    }
    let mut clauses = Vec::new();
    let mut args = Vec::new();
    for k in &shape.key {
        let v = r.fields.get(&shape.wire_name(k)).unwrap_or(&Value::Null);
        match to_local(conn, shape, k, v, &mut Ids::default())? {
            Ok(v) => args.push(v),
            Err(reason) => return Ok(Err(reason)),
        }
        clauses.push(format!("{k} = ?{}", args.len()));
    }
    if clauses.is_empty() {
        return Ok(Err(NotYet(format!("{table}: no key"))));
    }
    Ok(Ok(conn
        .prepare_cached(&format!(
            "SELECT rowid FROM {table} WHERE {}",
            clauses.join(" AND ")
        ))?
        .query_row(params_from_iter(args), |row| row.get(0))
        .optional()?))
}

/// Applies one record (see the module's doc); `clock` takes in its stamps, `ids` keeps the
/// records referred to for the next ones of the batch.
/// `bulk`: a new workstation's first sync — the rows are journalled as one entry per page
/// ([`super::journal::flush_bulk`], called by the caller), not one by one.
pub fn apply(
    w: &Tx,
    r: &Incoming,
    clock: &mut Hlc,
    now_millis: u64,
    bulk: bool,
    ids: &mut Ids,
) -> Result<Outcome> {
    if replica::is_local_table(&r.table) || !replica::table_exists(w, &r.table)? {
        return Ok(Outcome::Unchanged);
    }
    let shape = replica::shape(w, &r.table)?;
    let mut local = replica::stamps(w, &r.table, &r.record_uuid)?;
    for s in r.stamps.values().filter_map(Value::as_str) {
        if let Ok(seen) = s.parse::<Stamp>() {
            clock.observe(&seen, now_millis);
        }
    }
    let mut row = match local_row(w, &r.table, &shape, r)? {
        Ok(row) => row,
        Err(NotYet(reason)) => return Ok(Outcome::Waiting(reason)),
    };
    if row.is_none() && !r.deleted {
        row = adopt(w, r)?;
        if row.is_some() {
            ids.0.clear();
        }
    } else if let Some(id) = row
        && !r.deleted
        && !replica::known(w, &r.table, &r.record_uuid)?
        && replica::state(w)?.is_some_and(|s| !s.sent_own)
    {
        // The same record in this database before it joined (a copy of a colleague's
        // database): edited here meanwhile, perhaps.
        keep_differences(w, r, id)?;
    }
    // A record not here is taken whole, whatever stamps this replica kept of it (a client
    // that went to another manager and came back).
    if row.is_none() && !r.deleted {
        local.retain(|f, _| f == replica::DELETED);
    }
    let newer: Vec<(&String, &Value)> = r
        .fields
        .iter()
        .filter(|(f, _)| stamp_of(&r.stamps, f) > stamp_of(&local, f))
        .collect();
    if r.deleted {
        let Some(rid) = row else {
            if stamp_of(&r.stamps, replica::DELETED) > stamp_of(&local, replica::DELETED) {
                local.insert(
                    replica::DELETED.into(),
                    Value::String(stamp_of(&r.stamps, replica::DELETED)),
                );
                replica::keep_stamps(w, &r.table, &r.record_uuid, &local)?;
            }
            return Ok(Outcome::Unchanged);
        };
        ids.0.clear();
        let outcome = with_origin(w, r, bulk, |w| {
            w.execute(&format!("DELETE FROM {} WHERE rowid = ?1", r.table), [rid])?;
            Ok(())
        })?;
        if outcome == Outcome::Applied {
            for (f, s) in &r.stamps {
                if stamp_of(&r.stamps, f) > stamp_of(&local, f) {
                    local.insert(f.clone(), s.clone());
                }
            }
            replica::keep_stamps(w, &r.table, &r.record_uuid, &local)?;
        }
        return Ok(outcome);
    }
    if newer.is_empty() {
        return Ok(Outcome::Unchanged);
    }
    // A record new here takes every field the server has; one here, the newer ones.
    let taken: Vec<(&String, &Value)> = match row {
        Some(_) => newer,
        None => r.fields.iter().collect(),
    };
    let mut columns = Vec::new();
    let mut values = Vec::new();
    for (wire, v) in &taken {
        let Some(column) = shape.column(wire) else {
            continue;
        };
        match to_local(w, &shape, column, v, ids)? {
            Ok(v) => {
                columns.push(column.to_string());
                values.push(v);
            }
            Err(NotYet(reason)) => return Ok(Outcome::Waiting(reason)),
        }
    }
    let author = match &r.author_uuid {
        Some(u) => replica::id_of(w, "managers", u)?,
        None => None,
    };
    let outcome = with_origin(w, r, bulk, |w| {
        match row {
            Some(rid) => {
                let mut sets: Vec<String> = columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| format!("{c} = ?{}", i + 1))
                    .collect();
                let n = values.len();
                if shape.has("updated_at") {
                    sets.push(format!("updated_at = ?{}", n + 1));
                    values.push(Sql::Text(w.now().to_string()));
                }
                if shape.has("author_id") {
                    sets.push(format!("author_id = ?{}", values.len() + 1));
                    values.push(author.map_or(Sql::Null, Sql::Integer));
                }
                if shape.has("row_version") {
                    sets.push("row_version = row_version + 1".into());
                }
                if sets.is_empty() {
                    return Ok(());
                }
                values.push(Sql::Integer(rid));
                w.prepare_cached(&format!(
                    "UPDATE {} SET {} WHERE rowid = ?{}",
                    r.table,
                    sets.join(", "),
                    values.len()
                ))?
                .execute(params_from_iter(values.iter()))?;
            }
            None => {
                let mut extra = |c: &str, v: Sql| {
                    if shape.has(c) && !columns.iter().any(|x| x == c) {
                        columns.push(c.to_string());
                        values.push(v);
                    }
                };
                if shape.has_uuid {
                    extra("uuid", Sql::Text(r.record_uuid.clone()));
                }
                extra("created_at", Sql::Text(w.now().to_string()));
                extra("updated_at", Sql::Text(w.now().to_string()));
                extra("author_id", author.map_or(Sql::Null, Sql::Integer));
                let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
                w.prepare_cached(&format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    r.table,
                    columns.join(", "),
                    marks.join(", ")
                ))?
                .execute(params_from_iter(values.iter()))?;
            }
        }
        Ok(())
    })?;
    if outcome == Outcome::Applied {
        if row.is_none() {
            // New here: its stamps as the server holds them (one for the record, usually).
            let erased = local.remove(replica::DELETED);
            local = r.stamps.clone();
            if let Some(e) = erased {
                local.entry(replica::DELETED.to_string()).or_insert(e);
            }
        } else {
            for (f, _) in &taken {
                local.insert((*f).clone(), Value::String(stamp_of(&r.stamps, f)));
            }
        }
        replica::keep_stamps(w, &r.table, &r.record_uuid, &local)?;
    }
    Ok(outcome)
}

/// Runs `write` as a change from the record's workstation and author: its rows journalled so,
/// no outbox entry. A rule of the database that refuses it (a unique INN, a missing parent)
/// leaves nothing written and says why.
fn with_origin(
    w: &Tx,
    r: &Incoming,
    bulk: bool,
    write: impl FnOnce(&Tx) -> Result<()>,
) -> Result<Outcome> {
    if bulk {
        // One statement: SQLite undoes it whole when a rule refuses it.
        return match write(w) {
            Ok(()) => Ok(Outcome::Applied),
            Err(super::StorageError::Sqlite(e)) => Ok(Outcome::Waiting(e.to_string())),
            Err(e) => Err(e),
        };
    }
    let author = match &r.author_uuid {
        Some(u) => replica::id_of(w, "managers", u)?,
        None => None,
    };
    w.execute_batch("SAVEPOINT sync_apply")?;
    match journalled_as(w, &r.workstation, author, write) {
        Ok(()) => {
            w.execute_batch("RELEASE sync_apply")?;
            Ok(Outcome::Applied)
        }
        Err(super::StorageError::Sqlite(e)) => {
            w.execute_batch("ROLLBACK TO sync_apply; RELEASE sync_apply")?;
            w.execute("DELETE FROM temp.pending", [])?;
            Ok(Outcome::Waiting(e.to_string()))
        }
        Err(e) => {
            w.execute_batch("ROLLBACK TO sync_apply; RELEASE sync_apply")?;
            Err(e)
        }
    }
}

/// Runs `write` and journals its rows as coming from `workstation` and `author`: no outbox
/// entry is made of them.
fn journalled_as(
    w: &Tx,
    workstation: &str,
    author: Option<Id>,
    write: impl FnOnce(&Tx) -> Result<()>,
) -> Result<()> {
    w.execute(
        "INSERT INTO temp.sync_origin (workstation, author_id) VALUES (?1, ?2)",
        rusqlite::params![workstation, author],
    )?;
    let done = write(w).and_then(|()| super::journal::flush(w).map(|_| ()));
    w.execute("DELETE FROM temp.sync_origin", [])?;
    done
}

/// Keeps a record that could not be applied yet, to try again after the next ones.
pub fn wait(w: &Tx, r: &Incoming, reason: &str) -> Result<()> {
    let payload = serde_json::json!({
        "fields": r.fields, "stamps": r.stamps, "deleted": r.deleted,
        "author": r.author_uuid, "workstation": r.workstation, "seq": r.seq,
    });
    w.prepare_cached(
        "INSERT INTO sync_inbox (tbl, record_uuid, payload, reason) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (tbl, record_uuid) DO UPDATE SET payload = excluded.payload, \
         reason = excluded.reason",
    )?
    .execute(rusqlite::params![
        r.table,
        r.record_uuid,
        payload.to_string(),
        reason
    ])?;
    Ok(())
}

/// The records waiting to be applied.
pub fn waiting(conn: &Connection) -> Result<Vec<Incoming>> {
    let mut st = conn.prepare("SELECT tbl, record_uuid, payload FROM sync_inbox")?;
    let rows: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(table, record_uuid, payload)| {
            let p: Map<String, Value> = serde_json::from_str(&payload).ok()?;
            let obj = |k: &str| {
                p.get(k)
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default()
            };
            Some(Incoming {
                table,
                record_uuid,
                fields: obj("fields"),
                stamps: obj("stamps"),
                deleted: p.get("deleted").and_then(Value::as_bool).unwrap_or(false),
                author_uuid: p.get("author").and_then(Value::as_str).map(str::to_string),
                workstation: p
                    .get("workstation")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                seq: p.get("seq").and_then(Value::as_i64).unwrap_or(0),
            })
        })
        .collect())
}

/// A waiting record applied at last.
pub fn done_waiting(w: &Tx, table: &str, uuid: &str) -> Result<()> {
    w.prepare_cached("DELETE FROM sync_inbox WHERE tbl = ?1 AND record_uuid = ?2")?
        .execute([table, uuid])?;
    Ok(())
}

/// Sets one field of a record to a value as it travels, as an edit of this workstation
/// (journalled, sent like any other): a conflict decided for the value the record lost. The
/// erasure of a record (`$deleted`) erases it. `Err`: the record is not here, or the value
/// refers to one that is not.
pub fn set_field(
    w: &Tx,
    table: &str,
    uuid: &str,
    field: &str,
    value: &Value,
) -> Result<std::result::Result<(), NotYet>> {
    if replica::is_local_table(table) || !replica::table_exists(w, table)? {
        return Ok(Err(NotYet(table.to_string())));
    }
    let Some(rid) = replica::rowid_of(w, table, uuid)? else {
        return Ok(Err(NotYet(format!("{table} {uuid}"))));
    };
    if field == replica::DELETED {
        if value.as_bool() == Some(true) {
            w.execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), [rid])?;
        }
        return Ok(Ok(()));
    }
    let shape = replica::shape(w, table)?;
    let Some(column) = shape.column(field) else {
        return Ok(Err(NotYet(field.to_string())));
    };
    let v = match to_local(w, &shape, column, value, &mut Ids::default())? {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    let mut sets = vec![format!("{column} = ?1")];
    let mut values = vec![v];
    if shape.has("updated_at") {
        values.push(Sql::Text(w.now().to_string()));
        sets.push(format!("updated_at = ?{}", values.len()));
    }
    if shape.has("author_id") {
        values.push(w.author().map_or(Sql::Null, Sql::Integer));
        sets.push(format!("author_id = ?{}", values.len()));
    }
    if shape.has("row_version") {
        sets.push("row_version = row_version + 1".into());
    }
    values.push(Sql::Integer(rid));
    w.execute(
        &format!(
            "UPDATE {table} SET {} WHERE rowid = ?{}",
            sets.join(", "),
            values.len()
        ),
        params_from_iter(values.iter()),
    )?;
    Ok(Ok(()))
}

/// Takes off this replica a client given to another manager, with everything of it (its
/// people, their phones and gifts, letters, reports, appeals, documents, projects): REMOVE,
/// not DELETE — nothing is deleted on the server. The rows erased are journalled as coming
/// from the workstation that moved the client. Returns whether the client was here.
pub fn remove_client(w: &Tx, client_uuid: &str, workstation: &str) -> Result<bool> {
    let Some(client) = replica::id_of(w, "clients", client_uuid)? else {
        return Ok(false);
    };
    const PEOPLE: &str = "(SELECT id FROM people WHERE client_id = ?1)";
    const MEETINGS: &str = "(SELECT id FROM meetings WHERE client_id = ?1)";
    const APPEALS: &str = "(SELECT id FROM appeals WHERE client_id = ?1)";
    const LETTERS: &str = "(SELECT id FROM letters WHERE client_id = ?1)";
    let statements = [
        format!("DELETE FROM person_phones WHERE person_id IN {PEOPLE}"),
        format!("DELETE FROM gifts WHERE person_id IN {PEOPLE}"),
        format!("DELETE FROM gift_ideas WHERE person_id IN {PEOPLE}"),
        "DELETE FROM survey_answers WHERE survey_id IN (SELECT id FROM surveys WHERE client_id = ?1)".into(),
        "DELETE FROM surveys WHERE client_id = ?1".into(),
        "DELETE FROM vip_list_rows WHERE client_id = ?1".into(),
        format!("DELETE FROM meeting_people WHERE meeting_id IN {MEETINGS} OR person_id IN {PEOPLE}"),
        format!("DELETE FROM meeting_files WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM next_steps WHERE meeting_id IN {MEETINGS}"),
        format!("DELETE FROM appeal_calls WHERE appeal_id IN {APPEALS} OR meeting_id IN {MEETINGS}"),
        format!("DELETE FROM appeal_files WHERE appeal_id IN {APPEALS}"),
        format!("DELETE FROM appeal_letters WHERE appeal_id IN {APPEALS} OR letter_id IN {LETTERS}"),
        format!("DELETE FROM appeal_links WHERE appeal_id IN {APPEALS} OR related_id IN {APPEALS}"),
        "DELETE FROM letters WHERE client_id = ?1".into(),
        "DELETE FROM meetings WHERE client_id = ?1".into(),
        "DELETE FROM appeals WHERE client_id = ?1".into(),
        "DELETE FROM project_stages WHERE project_id IN (SELECT id FROM projects WHERE client_id = ?1)".into(),
        "DELETE FROM projects WHERE client_id = ?1".into(),
        "DELETE FROM owners WHERE client_id = ?1".into(),
        "DELETE FROM client_services WHERE client_id = ?1".into(),
        "DELETE FROM vip_years WHERE client_id = ?1".into(),
        "DELETE FROM indicator_values WHERE client_id = ?1".into(),
        "DELETE FROM records WHERE client_id = ?1".into(),
        "DELETE FROM people WHERE client_id = ?1".into(),
        "DELETE FROM clients WHERE id = ?1".into(),
    ];
    journalled_as(w, workstation, None, |w| {
        for sql in &statements {
            w.execute(sql, [client])?;
        }
        Ok(())
    })?;
    // What this replica knew of the client's records goes too: if the client comes back, it
    // is taken in whole.
    w.execute(
        "DELETE FROM sync_stamps WHERE record_uuid = ?1",
        [client_uuid],
    )?;
    Ok(true)
}

/// A client of the server that this database has as well, by its INN (a manager by the full
/// name), never sent (a workstation joining with data of its own): the local record becomes
/// the server's — it takes the server's uuid, so nothing is duplicated; where the two differ,
/// the server's values go in and the local ones are kept as conflicts for the user to choose.
/// Returns the local row.
fn adopt(w: &Tx, r: &Incoming) -> Result<Option<Id>> {
    let text = |k: &str| r.fields.get(k).and_then(Value::as_str).unwrap_or_default();
    let local: Option<(Id, String)> = match r.table.as_str() {
        "clients" if !text("inn").is_empty() => w
            .prepare_cached(
                "SELECT id, uuid FROM clients WHERE inn = ?1 AND deleted_at IS NULL AND uuid <> ?2",
            )?
            .query_row([text("inn"), r.record_uuid.as_str()], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?,
        // A manager by the full name: the user's own card in a database of their own.
        "managers" if !text("surname").is_empty() => w
            .prepare_cached(
                "SELECT id, uuid FROM managers WHERE surname = ?1 AND name = ?2 \
                 AND patronymic = ?3 AND uuid <> ?4",
            )?
            .query_row(
                [
                    text("surname"),
                    text("name"),
                    text("patronymic"),
                    r.record_uuid.as_str(),
                ],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?,
        // A leader of the client by the full name.
        "people" if !text("surname").is_empty() => {
            match replica::id_of(w, "clients", text("client_uuid"))? {
                Some(client) => w
                    .prepare_cached(
                        "SELECT id, uuid FROM people WHERE client_id = ?1 AND surname = ?2 \
                         AND name = ?3 AND patronymic = ?4 AND uuid <> ?5",
                    )?
                    .query_row(
                        rusqlite::params![
                            client,
                            text("surname"),
                            text("name"),
                            text("patronymic"),
                            r.record_uuid
                        ],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .optional()?,
                None => None,
            }
        }
        _ => None,
    };
    let Some((id, uuid)) = local else {
        return Ok(None);
    };
    if replica::known(w, &r.table, &uuid)? {
        return Ok(None);
    }
    keep_differences(w, r, id)?;
    w.execute(
        &format!("UPDATE {} SET uuid = ?2 WHERE id = ?1", r.table),
        rusqlite::params![id, r.record_uuid],
    )?;
    Ok(Some(id))
}

/// Where the local row `id` of a record this database had before it joined differs from the
/// server's record `r` (the server's values go in), the local values are kept as conflicts for
/// the user to choose: nothing of theirs is overwritten unseen.
fn keep_differences(w: &Tx, r: &Incoming, id: Id) -> Result<()> {
    let Some(mine) = replica::wire_fields(w, &r.table, id)? else {
        return Ok(());
    };
    let text = |k: &str| r.fields.get(k).and_then(Value::as_str).unwrap_or_default();
    for (field, theirs) in &r.fields {
        let Some(own) = mine.get(field) else { continue };
        let empty = |v: &Value| v.is_null() || v.as_str() == Some("");
        if own != theirs && !empty(own) && field != "created_at" {
            replica::keep_local_conflict(
                w,
                &replica::Conflict {
                    id: 0,
                    table: r.table.clone(),
                    record_uuid: r.record_uuid.clone(),
                    field: field.clone(),
                    kept: Some(theirs.to_string()),
                    kept_stamp: stamp_of(&r.stamps, field),
                    lost: Some(own.to_string()),
                    lost_stamp: String::new(),
                    client_uuid: match r.table.as_str() {
                        "clients" => Some(r.record_uuid.clone()),
                        "people" => Some(text("client_uuid").to_string()),
                        _ => None,
                    },
                    resolved_at: None,
                },
            )?;
        }
    }
    Ok(())
}

/// The manager `id` of this database is the server's user `uuid` (a workstation joining with
/// a database of its own, by the user who works at it): their card takes the server's uuid,
/// unless another card here has it already.
pub fn adopt_manager(w: &Tx, id: Id, uuid: &str) -> Result<()> {
    if replica::id_of(w, "managers", uuid)?.is_none() {
        w.execute(
            "UPDATE managers SET uuid = ?2 WHERE id = ?1",
            rusqlite::params![id, uuid],
        )?;
    }
    Ok(())
}
