//! The schema as it is against the schema the migrations make: `check` finds a trigger added,
//! an index dropped or a table changed behind the program's back.

use super::schema::migrations;

/// How an object of the schema differs from what the migrations make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// An object the migrations do not make (a trigger added by hand).
    Extra { kind: String, name: String },
    /// An object the migrations make that is gone (an index dropped).
    Missing { kind: String, name: String },
    /// An object whose definition differs.
    Altered { kind: String, name: String },
}

/// The tables, indexes, triggers and views of a database of the latest schema against those
/// the migrations make on an empty one (the same steps as every upgrade, so the same text).
pub fn drift(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Drift>> {
    let objects = |c: &rusqlite::Connection| -> rusqlite::Result<Vec<(String, String, String)>> {
        let mut st = c.prepare(
            "SELECT type, name, COALESCE(sql, '') FROM main.sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )?;
        // Whitespace aside: a file made from a dump may lay the text out otherwise.
        st.query_map([], |r| {
            let sql: String = r.get(2)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                sql.split_whitespace().collect::<Vec<_>>().join(" "),
            ))
        })?
        .collect()
    };
    let mut fresh = rusqlite::Connection::open_in_memory()?;
    migrations()
        .to_latest(&mut fresh)
        .map_err(|_| rusqlite::Error::InvalidQuery)?;
    let (want, have) = (objects(&fresh)?, objects(conn)?);
    let find = |list: &[(String, String, String)], kind: &str, name: &str| {
        list.iter()
            .find(|(k, n, _)| k == kind && n == name)
            .map(|(_, _, sql)| sql.clone())
    };
    let mut out = Vec::new();
    for (kind, name, sql) in &have {
        match find(&want, kind, name) {
            None => out.push(Drift::Extra {
                kind: kind.clone(),
                name: name.clone(),
            }),
            Some(expected) if expected != *sql => out.push(Drift::Altered {
                kind: kind.clone(),
                name: name.clone(),
            }),
            Some(_) => {}
        }
    }
    for (kind, name, _) in &want {
        if find(&have, kind, name).is_none() {
            out.push(Drift::Missing {
                kind: kind.clone(),
                name: name.clone(),
            });
        }
    }
    Ok(out)
}
