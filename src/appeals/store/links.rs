//! The letters, files and calls of an appeal, kept in the appeals' own tables.

use super::*;

// ---- letters, files and calls of an appeal ----

/// Marks a letter as the reply or a notice of an appeal (the appeal keeps the link).
pub fn link_letter(w: &Tx, letter_id: Id, appeal_id: Id, role: LetterRole) -> Result<()> {
    w.execute(
        "INSERT INTO appeal_letters (letter_id, appeal_id, role) VALUES (?1, ?2, ?3) \
         ON CONFLICT (letter_id) DO UPDATE SET appeal_id = excluded.appeal_id, role = excluded.role",
        params![letter_id, appeal_id, role.code()],
    )?;
    Ok(())
}

/// The appeal a letter belongs to, with its role; a role this version does not know is
/// [`StorageError::UnknownCode`], never «no appeal».
pub fn appeal_of_letter(conn: &Connection, letter_id: Id) -> Result<Option<(Id, LetterRole)>> {
    Ok(conn
        .query_row(
            "SELECT appeal_id, role FROM appeal_letters WHERE letter_id = ?1",
            [letter_id],
            |r| Ok((r.get(0)?, storage::code(r, 1)?)),
        )
        .optional()?)
}

/// The letters linked to an appeal with their roles, in the order they were made.
pub fn letters_of(conn: &Connection, appeal_id: Id) -> Result<Vec<(Id, LetterRole)>> {
    storage::rows(
        conn,
        "SELECT letter_id, role FROM appeal_letters WHERE appeal_id = ?1 ORDER BY letter_id",
        appeal_id,
        |r| Ok((r.get(0)?, storage::code(r, 1)?)),
    )
}

/// Marks a correspondence record (a file) as attached to an appeal.
pub fn link_record(w: &Tx, record_id: Id, appeal_id: Id) -> Result<()> {
    w.execute(
        "INSERT INTO appeal_files (record_id, appeal_id) VALUES (?1, ?2) \
         ON CONFLICT (record_id) DO UPDATE SET appeal_id = excluded.appeal_id",
        params![record_id, appeal_id],
    )?;
    Ok(())
}

/// The records attached to an appeal.
pub fn files_of(conn: &Connection, appeal_id: Id) -> Result<Vec<Id>> {
    storage::rows(
        conn,
        "SELECT record_id FROM appeal_files WHERE appeal_id = ?1 ORDER BY record_id",
        appeal_id,
        |r| r.get(0),
    )
}

/// Marks a call report as made about an appeal.
pub fn link_meeting(w: &Tx, meeting_id: Id, appeal_id: Id) -> Result<()> {
    w.execute(
        "INSERT INTO appeal_calls (meeting_id, appeal_id) VALUES (?1, ?2) \
         ON CONFLICT (meeting_id) DO UPDATE SET appeal_id = excluded.appeal_id",
        params![meeting_id, appeal_id],
    )?;
    Ok(())
}
