//! The register: its rows, filters and full-text search, the open and unregistered appeals, a client's, the statistics' rows.

use super::*;

// ---- the register ----

const ROW_COLUMNS: &str = "a.id, a.number, a.received_at, a.registered_on, a.channel, a.kind, \
     coalesce(t.name, ''), a.client_id, c.short_name, a.subject, a.status, a.due_date, a.manager_id, \
     coalesce(m.surname || ' ' || substr(m.name, 1, 1) || '.' || \
       CASE WHEN m.patronymic <> '' THEN substr(m.patronymic, 1, 1) || '.' ELSE '' END, ''), a.answered_on, \
     a.number_from_block";

const ROW_FROM: &str = "FROM appeals a JOIN clients c ON c.id = a.client_id \
     LEFT JOIN appeal_topics t ON t.id = a.topic_id LEFT JOIN managers m ON m.id = a.manager_id";

/// The same, reading the appeals through the index of open ones (a handful among hundreds of
/// thousands): what «only open» filters go through, whatever else they filter by.
const ROW_FROM_OPEN: &str = "FROM appeals a INDEXED BY appeals_open JOIN clients c ON c.id = a.client_id \
     LEFT JOIN appeal_topics t ON t.id = a.topic_id LEFT JOIN managers m ON m.id = a.manager_id";

fn row_from(r: &Row) -> rusqlite::Result<AppealRow> {
    let received: String = r.get(2)?;
    Ok(AppealRow {
        id: r.get(0)?,
        number: r.get(1)?,
        received_at: time_from_sql(&received),
        registered_on: date_from_sql(r.get(3)?),
        channel: storage::code(r, 4)?,
        kind: storage::code(r, 5)?,
        topic: r.get(6)?,
        client_id: r.get(7)?,
        client: r.get(8)?,
        subject: r.get(9)?,
        status: storage::code(r, 10)?,
        due_date: date_from_sql(r.get(11)?),
        manager_id: r.get(12)?,
        manager: r.get(13)?,
        answered_on: date_from_sql(r.get(14)?),
        number_from_block: r.get(15)?,
    })
}

/// The words of a search as an FTS5 query: each word of two letters or more a prefix, all of
/// them needed. Quotes and operators typed by a user are taken as text.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        // «ё» is indexed as «е»: «счет» finds «счёт».
        .map(|w| format!("\"{}\"*", crate::domain::fmt::search_key(w)))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The last moment of a day as stored times compare («YYYY-MM-DD 99» is after every «HH:MM»);
/// no date arithmetic, so 31.12.9999 is a day like any other.
fn day_end(d: NaiveDate) -> String {
    format!("{} 99", d.format("%Y-%m-%d"))
}

/// A WHERE clause being built: its conditions and their numbered parameters.
#[derive(Default)]
struct Where {
    conds: Vec<String>,
    values: Vec<Value>,
}

impl Where {
    /// A condition with one `?` parameter.
    fn with(&mut self, sql: &str, v: Value) {
        self.values.push(v);
        self.conds
            .push(sql.replace('?', &format!("?{}", self.values.len())));
    }
}

/// The WHERE clause and parameters of a filter.
fn filter_sql(f: &AppealFilter) -> (String, Vec<Value>) {
    let mut q = Where::default();
    q.conds.push("a.deleted_at IS NULL".into());
    let text = |s: &str| Value::Text(s.to_string());
    let date = |d: NaiveDate| Value::Text(d.format("%Y-%m-%d").to_string());
    if let Some(s) = f.status {
        q.with("a.status = ?", text(s.code()));
    }
    if let Some(k) = f.kind {
        q.with("a.kind = ?", text(k.code()));
    }
    if let Some(t) = f.topic {
        q.with("a.topic_id = ?", Value::Integer(t));
    }
    if let Some(c) = f.channel {
        q.with("a.channel = ?", text(c.code()));
    }
    if let Some(m) = f.manager {
        q.with("a.manager_id = ?", Value::Integer(m));
    }
    if let Some(c) = f.client {
        q.with("a.client_id = ?", Value::Integer(c));
    }
    if let Some(d) = f.from {
        q.with("a.received_at >= ?", date(d));
    }
    if let Some(d) = f.to {
        q.with("a.received_at <= ?", Value::Text(day_end(d)));
    }
    if f.open_only || f.due != DueFilter::Any {
        // As the partial index of open appeals says it.
        q.conds
            .push("a.status NOT IN ('answer_sent', 'closed')".into());
    }
    match f.due {
        DueFilter::Any => {}
        DueFilter::Overdue => q.with("a.due_date < ?", date(f.today.unwrap_or_default())),
        DueFilter::By(d) => q.with("a.due_date <= ?", date(d)),
    }
    match fts_query(&f.text) {
        Some(words) => q.with(
            "a.id IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH ?)",
            Value::Text(words),
        ),
        // Something typed with no word to look for («"», «(», «*»): nothing is found, not
        // everything.
        None if !f.text.trim().is_empty() => q.conds.push("0".into()),
        None => {}
    }
    (q.conds.join(" AND "), q.values)
}

/// How far the register counts its matches; beyond, it says «more than».
pub const COUNT_CAP: usize = 10_000;

/// The register with `f`, newest first (by deadline when filtering by deadline; a word search
/// by the order of entry, newest first), at most `limit` rows, and how many match in all
/// (counted up to [`COUNT_CAP`] + 1).
pub fn list(conn: &Connection, f: &AppealFilter, limit: usize) -> Result<(Vec<AppealRow>, usize)> {
    let (where_, values) = filter_sql(f);
    let order = if f.due != DueFilter::Any {
        "a.due_date, a.id"
    } else if fts_query(&f.text).is_some() {
        // The matches come from the index; the newest entered first stops early.
        "a.id DESC"
    } else {
        "a.received_at DESC, a.id DESC"
    };
    // Open appeals are few: their index beats any other, except a client's or a manager's.
    let open = f.open_only && f.due == DueFilter::Any && f.client.is_none() && f.manager.is_none();
    let from = if open { ROW_FROM_OPEN } else { ROW_FROM };
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {from} WHERE {where_} ORDER BY {order} LIMIT {limit}"
    ))?;
    let rows = st
        .query_map(params_from_iter(values.iter()), row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let shown = rows.len();
    let total = if shown < limit {
        shown
    } else {
        let table = if open {
            "appeals a INDEXED BY appeals_open"
        } else {
            "appeals a"
        };
        let mut st = conn.prepare_cached(&format!(
            "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where_} LIMIT {})",
            COUNT_CAP + 1
        ))?;
        st.query_row(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))? as usize
    };
    Ok((rows, total.max(shown)))
}

/// Appeals received in `[from, to]` of the given kinds, oldest first (the weekly memo).
pub fn received_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    kinds: &[AppealKind],
) -> Result<Vec<AppealRow>> {
    let kinds: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.code())).collect();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE a.deleted_at IS NULL AND a.received_at >= ?1 \
         AND a.received_at <= ?2 AND a.kind IN ({}) ORDER BY a.received_at, a.id",
        kinds.join(", ")
    ))?;
    let rows = st
        .query_map(params![date_to_sql(Some(from)), day_end(to)], row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Received appeals not registered yet, oldest first.
pub fn unregistered(conn: &Connection, manager: Option<Id>) -> Result<Vec<AppealRow>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE a.deleted_at IS NULL AND a.status = 'received' \
         AND (?1 IS NULL OR a.manager_id = ?1) ORDER BY a.received_at, a.id"
    ))?;
    let rows = st
        .query_map([manager], row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The last appeals of a client, newest first.
pub fn of_client(conn: &Connection, client_id: Id, limit: usize) -> Result<Vec<AppealRow>> {
    list(
        conn,
        &AppealFilter {
            client: Some(client_id),
            ..Default::default()
        },
        limit,
    )
    .map(|(rows, _)| rows)
}

/// The register's rows of the given appeals (any client), in the order of `ids`.
pub fn rows_of(conn: &Connection, ids: &[Id]) -> Result<Vec<AppealRow>> {
    let mut out = Vec::new();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE a.id = ?1 AND a.deleted_at IS NULL"
    ))?;
    for id in ids {
        out.extend(st.query_row([id], row_from).optional()?);
    }
    Ok(out)
}

/// Open appeals of a client.
pub fn open_of_client(conn: &Connection, client_id: Id) -> Result<Vec<AppealRow>> {
    list(
        conn,
        &AppealFilter {
            client: Some(client_id),
            open_only: true,
            ..Default::default()
        },
        100,
    )
    .map(|(rows, _)| rows)
}

/// Appeals received in a period, for the statistics: (kind, channel, topic, status, received,
/// due, answered).
pub type StatRow = (
    AppealKind,
    Channel,
    String,
    AppealStatus,
    NaiveDateTime,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

pub fn stat_rows(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<StatRow>> {
    let mut st = conn.prepare_cached(
        "SELECT a.kind, a.channel, coalesce(t.name, ''), a.status, a.received_at, a.due_date, a.answered_on \
         FROM appeals a LEFT JOIN appeal_topics t ON t.id = a.topic_id \
         WHERE a.deleted_at IS NULL AND a.received_at >= ?1 AND a.received_at <= ?2",
    )?;
    let rows = st
        .query_map(params![date_to_sql(Some(from)), day_end(to)], |r| {
            let received: String = r.get(4)?;
            Ok((
                storage::code(r, 0)?,
                storage::code(r, 1)?,
                r.get(2)?,
                storage::code(r, 3)?,
                time_from_sql(&received),
                date_from_sql(r.get(5)?),
                date_from_sql(r.get(6)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
