//! The SQL of contacts: reports of calls and meetings with their next steps and attached files,
//! the last contacts and the rhythm of every client, birthdays, and the reports waiting for the
//! head of the group.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

use super::model::*;
use crate::domain::clock::stamp_date;
use crate::domain::{Code, Id, new_uuid};
use crate::storage::{self, Result, StorageError, Tx, date_from_sql, date_to_sql};

/// The columns of a report read from `meetings m`; the client's people who took part come from
/// `meeting_people` as «1,2» in their order.
const COLUMNS: &str = "m.id, m.uuid, m.client_id, m.manager_id, m.kind, m.date, m.time, m.place, \
     (SELECT group_concat(person_id, ',' ORDER BY sort) FROM meeting_people WHERE meeting_id = m.id), \
     m.company_people, m.topics, m.problems, m.agreements, m.status, m.submitted_at, m.accepted_at, \
     m.supervisor_comment, m.version_of";

fn from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let people: String = r.get::<_, Option<String>>(8)?.unwrap_or_default();
    Ok(Meeting {
        id: Some(r.get(0)?),
        uuid: r.get(1)?,
        client_id: r.get(2)?,
        manager_id: r.get(3)?,
        kind: storage::code(r, 4)?,
        date: date_from_sql(r.get(5)?),
        time: r.get(6)?,
        place: r.get(7)?,
        client_people: people
            .split(',')
            .filter_map(|p| p.trim().parse().ok())
            .collect(),
        company_people: r.get(9)?,
        topics: r.get(10)?,
        problems: r.get(11)?,
        agreements: r.get(12)?,
        next_steps: Vec::new(),
        status: storage::code(r, 13)?,
        submitted_at: date_from_sql(r.get(14)?),
        accepted_at: date_from_sql(r.get(15)?),
        supervisor_comment: r.get(16)?,
        version_of: r.get(17)?,
    })
}

fn steps(conn: &Connection, meeting_id: Id) -> Result<Vec<NextStep>> {
    let mut st = conn.prepare_cached(
        "SELECT id, text, responsible, due_date, done_date FROM next_steps \
         WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY sort, id",
    )?;
    let rows = st
        .query_map([meeting_id], |r| {
            Ok(NextStep {
                id: Some(r.get(0)?),
                text: r.get(1)?,
                responsible: r.get(2)?,
                due: date_from_sql(r.get(3)?),
                done: date_from_sql(r.get(4)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get_meeting(conn: &Connection, id: Id) -> Result<Meeting> {
    let mut m = storage::found(
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM meetings m WHERE m.id = ?1 AND m.deleted_at IS NULL"),
            [id],
            from_row,
        ),
        id,
    )?;
    m.next_steps = steps(conn, id)?;
    Ok(m)
}

/// Reports, newest first, of a client and/or a manager (without their next steps).
pub fn list_meetings(
    conn: &Connection,
    client: Option<Id>,
    manager: Option<Id>,
) -> Result<Vec<Meeting>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM meetings m WHERE m.deleted_at IS NULL \
         AND (?1 IS NULL OR m.client_id = ?1) AND (?2 IS NULL OR m.manager_id = ?2) \
         ORDER BY m.date DESC, m.id DESC"
    ))?;
    let rows = st
        .query_map(params![client, manager], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn write_steps(tx: &Tx, meeting_id: Id, steps: &[NextStep]) -> Result<()> {
    let (author, now) = (tx.author(), tx.now());
    tx.execute(
        "UPDATE next_steps SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
         WHERE meeting_id = ?1 AND deleted_at IS NULL",
        params![meeting_id, now, author],
    )?;
    let mut st = tx.prepare_cached(
        "INSERT INTO next_steps (uuid, created_at, updated_at, author_id, meeting_id, text, responsible, due_date, done_date, sort) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, s) in steps.iter().enumerate() {
        st.execute(params![
            new_uuid(),
            now,
            author,
            meeting_id,
            s.text,
            s.responsible,
            date_to_sql(s.due),
            date_to_sql(s.done),
            i as i64
        ])?;
    }
    Ok(())
}

/// Inserts a report or updates a draft; returns its id, or `None` when the report is no longer
/// a draft (a submitted report is frozen).
pub fn save_meeting(tx: &Tx, m: &Meeting) -> Result<Option<Id>> {
    let (author, now) = (tx.author(), tx.now());
    let id = match m.id {
        Some(id) => {
            let n = tx.execute(
                "UPDATE meetings SET kind=?2, date=?3, time=?4, place=?5, company_people=?6, \
                 topics=?7, problems=?8, agreements=?9, manager_id=?10, updated_at=?11, author_id=?12 \
                 WHERE id=?1 AND status='draft' AND deleted_at IS NULL",
                params![
                    id,
                    m.kind.code(),
                    date_to_sql(m.date),
                    m.time,
                    m.place,
                    m.company_people,
                    m.topics,
                    m.problems,
                    m.agreements,
                    m.manager_id,
                    now,
                    author
                ],
            )?;
            if n == 0 {
                return Ok(None);
            }
            id
        }
        None => {
            tx.execute(
                "INSERT INTO meetings (uuid, created_at, updated_at, author_id, client_id, manager_id, kind, date, time, place, \
                 company_people, topics, problems, agreements, status, version_of) \
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'draft', ?14)",
                params![
                    if m.uuid.is_empty() { new_uuid() } else { m.uuid.clone() },
                    now,
                    author,
                    m.client_id,
                    m.manager_id,
                    m.kind.code(),
                    date_to_sql(m.date),
                    m.time,
                    m.place,
                    m.company_people,
                    m.topics,
                    m.problems,
                    m.agreements,
                    m.version_of
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    write_steps(tx, id, &m.next_steps)?;
    write_people(tx, id, &m.client_people)?;
    Ok(Some(id))
}

/// The client's people who took part in a report, in their order: rewritten only when they
/// changed (the journal notes no change that did not happen).
fn write_people(tx: &Tx, meeting_id: Id, people: &[Id]) -> Result<()> {
    let mut st = tx.prepare_cached(
        "SELECT person_id FROM meeting_people WHERE meeting_id = ?1 ORDER BY sort",
    )?;
    let now: Vec<Id> = st
        .query_map([meeting_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if now == people {
        return Ok(());
    }
    tx.execute(
        "DELETE FROM meeting_people WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    let mut seen = std::collections::HashSet::new();
    for (i, person) in people.iter().enumerate() {
        if seen.insert(*person) {
            tx.execute(
                "INSERT INTO meeting_people (meeting_id, person_id, sort) VALUES (?1, ?2, ?3)",
                params![meeting_id, person, i as i64],
            )?;
        }
    }
    Ok(())
}

/// How many calls from a person were taken (reports of kind «other» with the person, as the
/// call card records them; the manager's own monthly calls are not theirs).
pub fn calls_from_person(conn: &Connection, person_id: Id) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM meeting_people p JOIN meetings m ON m.id = p.meeting_id \
         WHERE p.person_id = ?1 AND m.deleted_at IS NULL AND m.kind = 'other'",
        [person_id],
        |r| r.get(0),
    )?)
}

/// The status of a live report.
pub fn meeting_status(conn: &Connection, id: Id) -> Result<ReportStatus> {
    storage::status_of(conn, "meetings", id)
}

/// Moves a report from `from` to `to` on `date` (submitted or accepted, with the supervisor's
/// comment), if it is still in `from`. Returns whether it was.
pub fn set_status(
    tx: &Tx,
    id: Id,
    from: ReportStatus,
    to: ReportStatus,
    date: NaiveDate,
    comment: &str,
) -> Result<bool> {
    let (column, comment) = match to {
        ReportStatus::Submitted => ("submitted_at", None),
        ReportStatus::Accepted => ("accepted_at", Some(comment)),
        ReportStatus::Draft => return Ok(false),
    };
    let n = tx.execute(
        &format!(
            "UPDATE meetings SET status = ?2, {column} = ?3, \
             supervisor_comment = coalesce(?4, supervisor_comment), updated_at = ?5, author_id = ?6 \
             WHERE id = ?1 AND status = ?7 AND deleted_at IS NULL"
        ),
        params![
            id,
            to.code(),
            date_to_sql(Some(date)),
            comment,
            tx.now(),
            tx.author(),
            from.code()
        ],
    )?;
    Ok(n > 0)
}

/// Links the stored PDF of a report.
pub fn set_meeting_record(tx: &Tx, id: Id, record_id: Id) -> Result<()> {
    tx.execute(
        "UPDATE meetings SET record_id = ?2 WHERE id = ?1",
        params![id, record_id],
    )?;
    Ok(())
}

/// Marks a next step done (it may be marked on a frozen report: it is the follow-up).
/// The client of a next step's report.
pub fn step_client(conn: &Connection, step_id: Id) -> Result<Option<Id>> {
    use rusqlite::OptionalExtension as _;
    Ok(conn
        .query_row(
            "SELECT m.client_id FROM next_steps s JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?1",
            [step_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn complete_step(tx: &Tx, step_id: Id, date: NaiveDate) -> Result<()> {
    let n = tx.execute(
        "UPDATE next_steps SET done_date = ?2, updated_at = ?3, author_id = ?4 \
         WHERE id = ?1 AND deleted_at IS NULL",
        params![step_id, date_to_sql(Some(date)), tx.now(), tx.author()],
    )?;
    if n == 0 {
        return Err(StorageError::NotFound(step_id));
    }
    Ok(())
}

/// Whose clients [`client_contacts`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    All,
    Manager(Id),
    Client(Id),
}

/// The clients of `of`: their rhythm, the day their duties began (the day the client was added,
/// or the first day of its first VIP year if later) and the last call and personal meeting up to
/// `today`.
pub fn client_contacts(conn: &Connection, of: Of, today: NaiveDate) -> Result<Vec<ClientContacts>> {
    let mut last: HashMap<Id, (Option<NaiveDate>, Option<NaiveDate>)> = HashMap::new();
    // A manager's dozen clients (or one client) are looked up by index; everybody's are read
    // from the index alone.
    let (id, last_sql, client_sql) = match of {
        Of::Manager(id) => (
            Some(id),
            "SELECT m.client_id, m.kind, max(m.date) FROM clients c \
             JOIN meetings m ON m.client_id = c.id AND m.deleted_at IS NULL AND m.date <= ?1 \
             WHERE c.manager_id = ?2 AND c.deleted_at IS NULL GROUP BY m.client_id, m.kind",
            "WHERE deleted_at IS NULL AND manager_id = ?1",
        ),
        Of::Client(id) => (
            Some(id),
            "SELECT client_id, kind, max(date) FROM meetings \
             WHERE client_id = ?2 AND deleted_at IS NULL AND date <= ?1 GROUP BY client_id, kind",
            "WHERE deleted_at IS NULL AND id = ?1",
        ),
        Of::All => (
            None,
            "SELECT client_id, kind, max(date) FROM meetings \
             WHERE deleted_at IS NULL AND date <= ?1 AND ?2 IS NULL GROUP BY client_id, kind",
            "WHERE deleted_at IS NULL AND ?1 IS NULL",
        ),
    };
    let mut st = conn.prepare_cached(last_sql)?;
    let mut rows = st.query(params![date_to_sql(Some(today)), id])?;
    while let Some(r) = rows.next()? {
        let kind: MeetingKind = storage::code(r, 1)?;
        let date = date_from_sql(r.get(2)?);
        let e = last.entry(r.get(0)?).or_default();
        if kind == MeetingKind::Call {
            e.0 = e.0.max(date);
        } else if kind.is_personal() {
            e.1 = e.1.max(date);
        }
    }
    let d = Rhythm::default();
    let mut st = conn.prepare_cached(&format!(
        "SELECT id, short_name, manager_id, call_every_days, meeting_every_months, created_at, \
         (SELECT min(year) FROM vip_years v WHERE v.client_id = c.id AND v.included = 1 \
          AND v.deleted_at IS NULL) \
         FROM clients c {client_sql}"
    ))?;
    let out = st
        .query_map([id], |r| {
            let id: Id = r.get(0)?;
            let (last_call, last_meeting) = last.get(&id).copied().unwrap_or_default();
            let added = stamp_date(&r.get::<_, String>(5)?).unwrap_or(today);
            let vip_since = r
                .get::<_, Option<i32>>(6)?
                .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
            Ok(ClientContacts {
                start: vip_since.map_or(added, |v| v.max(added)),
                client_id: id,
                short_name: r.get(1)?,
                manager_id: r.get(2)?,
                rhythm: Rhythm {
                    call_every_days: r.get::<_, Option<u32>>(3)?.unwrap_or(d.call_every_days),
                    meeting_every_months: r
                        .get::<_, Option<u32>>(4)?
                        .unwrap_or(d.meeting_every_months),
                },
                last_call,
                last_meeting,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

/// Open next steps due by `until`, of a manager's clients.
pub fn due_steps(
    conn: &Connection,
    manager: Option<Id>,
    until: NaiveDate,
) -> Result<Vec<OpenStep>> {
    // From a manager's clients down to their steps; for everybody, from the open steps up.
    let mut st = conn.prepare_cached(match manager {
        Some(_) => {
            "SELECT s.id, m.id, c.id, c.short_name, s.text, s.due_date FROM clients c \
             JOIN meetings m ON m.client_id = c.id JOIN next_steps s ON s.meeting_id = m.id \
             WHERE c.manager_id = ?2 AND s.deleted_at IS NULL AND m.deleted_at IS NULL AND c.deleted_at IS NULL \
               AND s.done_date IS NULL AND s.due_date IS NOT NULL AND s.due_date <= ?1 ORDER BY s.due_date"
        }
        None => {
            "SELECT s.id, m.id, c.id, c.short_name, s.text, s.due_date FROM next_steps s \
             JOIN meetings m ON m.id = s.meeting_id JOIN clients c ON c.id = m.client_id \
             WHERE s.deleted_at IS NULL AND m.deleted_at IS NULL AND c.deleted_at IS NULL \
               AND s.done_date IS NULL AND s.due_date IS NOT NULL AND s.due_date <= ?1 AND ?2 IS NULL \
             ORDER BY s.due_date"
        }
    })?;
    let rows = st
        .query_map(params![date_to_sql(Some(until)), manager], |r| {
            Ok(OpenStep {
                step_id: r.get(0)?,
                meeting_id: r.get(1)?,
                client_id: r.get(2)?,
                client: r.get(3)?,
                text: r.get(4)?,
                due: date_from_sql(r.get(5)?).unwrap_or(until),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Birthdays of people of a manager's clients falling on the days from `from` to `to` (month and
/// day compared, across New Year too).
pub fn birthdays(
    conn: &Connection,
    manager: Option<Id>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<PersonBirthday>> {
    let mut st = conn.prepare_cached(match manager {
        Some(_) => {
            "SELECT p.id, c.id, c.short_name, trim(p.surname || ' ' || p.name || ' ' || p.patronymic), p.birthday \
             FROM clients c JOIN people p ON p.client_id = c.id \
             WHERE c.manager_id = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL AND p.birthday IS NOT NULL \
               AND (?2 <= ?3 AND substr(p.birthday, 6, 5) BETWEEN ?2 AND ?3 \
                    OR ?2 > ?3 AND (substr(p.birthday, 6, 5) >= ?2 OR substr(p.birthday, 6, 5) <= ?3))"
        }
        None => {
            "SELECT p.id, c.id, c.short_name, trim(p.surname || ' ' || p.name || ' ' || p.patronymic), p.birthday \
             FROM people p JOIN clients c ON c.id = p.client_id \
             WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND p.birthday IS NOT NULL AND ?1 IS NULL \
               AND (?2 <= ?3 AND substr(p.birthday, 6, 5) BETWEEN ?2 AND ?3 \
                    OR ?2 > ?3 AND (substr(p.birthday, 6, 5) >= ?2 OR substr(p.birthday, 6, 5) <= ?3))"
        }
    })?;
    let rows = st
        .query_map(
            params![
                manager,
                from.format("%m-%d").to_string(),
                to.format("%m-%d").to_string()
            ],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    date_from_sql(r.get(4)?),
                ))
            },
        )?
        .filter_map(|r| match r {
            Ok((person_id, client_id, client, name, Some(birthday))) => Some(Ok(PersonBirthday {
                person_id,
                client_id,
                client,
                name,
                birthday,
            })),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Reports submitted by the managers a supervisor heads (and by the supervisor), waiting to be
/// accepted: (report, client name).
pub fn reports_to_review(conn: &Connection, supervisor: Id) -> Result<Vec<(Meeting, String)>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, c.short_name FROM meetings m JOIN clients c ON c.id = m.client_id \
         LEFT JOIN managers g ON g.id = m.manager_id \
         WHERE m.deleted_at IS NULL AND m.status = 'submitted' AND (g.supervisor_id = ?1 OR m.manager_id = ?1) \
         ORDER BY m.submitted_at, m.id"
    ))?;
    let rows = st
        .query_map([supervisor], |r| Ok((from_row(r)?, r.get(18)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Contacts dated within `[from, to]`: (client id, kind, date).
pub fn meetings_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Id, MeetingKind, NaiveDate)>> {
    let mut st = conn.prepare_cached(
        "SELECT client_id, kind, date FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ?1 AND ?2",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query(params![date_to_sql(Some(from)), date_to_sql(Some(to))])?;
    while let Some(r) = rows.next()? {
        if let Some(d) = date_from_sql(r.get(2)?) {
            out.push((r.get(0)?, storage::code(r, 1)?, d));
        }
    }
    Ok(out)
}

/// Attaches a file to a report: it is kept in the client's «Переписка и файлы», marked with the
/// report, under `subject`.
pub fn add_meeting_attachment(
    tx: &Tx,
    meeting_id: Id,
    subject: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<Id> {
    let (client_id, date): (Id, Option<String>) = storage::found(
        tx.query_row(
            "SELECT client_id, date FROM meetings WHERE id = ?1 AND deleted_at IS NULL",
            [meeting_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ),
        meeting_id,
    )?;
    let record = crate::clients::Record {
        date: date_from_sql(date),
        direction: crate::clients::Direction::Note,
        subject: subject.to_string(),
        file_name: file_name.to_string(),
        new_file: Some(bytes.to_vec()),
        ..Default::default()
    };
    let id = crate::clients::service::add_record(tx, client_id, &record)?;
    tx.execute(
        "INSERT INTO meeting_files (record_id, meeting_id) VALUES (?1, ?2)",
        params![id, meeting_id],
    )?;
    Ok(id)
}

/// The records attached to a report.
pub fn meeting_files(conn: &Connection, meeting_id: Id) -> Result<Vec<Id>> {
    storage::rows(
        conn,
        "SELECT record_id FROM meeting_files WHERE meeting_id = ?1 ORDER BY record_id",
        meeting_id,
        |r| r.get(0),
    )
}

/// The reports of a client for its timeline.
pub fn client_meetings(conn: &Connection, client_id: Id) -> Result<Vec<MeetingEvent>> {
    let mut st = conn.prepare_cached(
        "SELECT id, kind, date, topics, status FROM meetings WHERE client_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        if let Some(date) = date_from_sql(r.get(2)?) {
            out.push(MeetingEvent {
                id: r.get(0)?,
                kind: storage::code(r, 1)?,
                date,
                topics: r.get(3)?,
                status: storage::code(r, 4)?,
            });
        }
    }
    Ok(out)
}

/// The next steps of a client's reports for its timeline: (date, text, done, report id).
pub fn client_steps(
    conn: &Connection,
    client_id: Id,
) -> Result<Vec<(NaiveDate, String, bool, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT coalesce(s.done_date, s.due_date), s.text, s.done_date IS NOT NULL, m.id FROM next_steps s \
         JOIN meetings m ON m.id = s.meeting_id \
         WHERE m.client_id = ?1 AND s.deleted_at IS NULL AND m.deleted_at IS NULL",
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
