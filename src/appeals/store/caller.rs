//! Who calls or writes: people by phone or e-mail, their calls; appeals by number.

use super::*;

// ---- the caller ----

/// The people whose phone is `number` (normalised `+7…`): (person, client).
pub fn people_by_phone(conn: &Connection, number: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.client_id FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         JOIN clients c ON c.id = p.client_id \
         WHERE ph.number = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY p.id",
    )?;
    let rows = st
        .query_map([number], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The people whose e-mail is `email` (case-insensitive): (person, client).
pub fn people_by_email(conn: &Connection, email: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.client_id FROM people p JOIN clients c ON c.id = p.client_id \
         WHERE lower(trim(p.email)) = lower(trim(?1)) AND p.email <> '' \
         AND p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY p.id",
    )?;
    let rows = st
        .query_map([email], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many appeals a person made by phone.
pub fn phone_appeals_of_person(conn: &Connection, person_id: Id) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM appeals WHERE person_id = ?1 AND channel = 'phone' AND deleted_at IS NULL \
         AND id NOT IN (SELECT appeal_id FROM appeal_calls)",
        [person_id],
        |r| r.get(0),
    )?)
}

/// The live appeal with this registration number.
pub fn id_by_number(conn: &Connection, number: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row(
            "SELECT id FROM appeals WHERE number = ?1 AND number <> '' AND deleted_at IS NULL",
            [number.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The numbers of appeals, in the order of `ids` (the unregistered left out).
pub fn numbers_of(conn: &Connection, ids: &[Id]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in ids {
        let n: Option<String> = conn
            .query_row("SELECT number FROM appeals WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        out.extend(n.filter(|n| !n.is_empty()));
    }
    Ok(out)
}
