//! Managers: the people who use vipdesk.

use rusqlite::{Connection, Row, params};

use super::{Db, Result, StorageError, date_from_sql, date_to_sql, now_stamp};
use crate::domain::model::{Id, Manager, Role, new_uuid};
use crate::domain::validate::Phone;

const COLUMNS: &str = "id, uuid, surname, name, patronymic, position, role, supervisor_id, phone, \
     email, signature_png, order_number, order_date, active";

fn from_row(r: &Row) -> rusqlite::Result<Manager> {
    Ok(Manager {
        id: Some(r.get(0)?),
        uuid: r.get(1)?,
        surname: r.get(2)?,
        name: r.get(3)?,
        patronymic: r.get(4)?,
        position: r.get(5)?,
        role: Role::from_code(&r.get::<_, String>(6)?).unwrap_or_default(),
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
        "SELECT {COLUMNS} FROM managers WHERE deleted_at IS NULL \
         ORDER BY active DESC, surname, name, patronymic"
    ))?;
    let rows = st
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get_manager(conn: &Connection, id: Id) -> Result<Manager> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM managers WHERE id = ?1"),
        [id],
        from_row,
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => StorageError::NotFound(id),
        e => e.into(),
    })
}

/// Inserts or updates a manager; returns its id.
pub fn save_manager(db: &mut Db, m: &Manager, author: Option<Id>) -> Result<Id> {
    db.write(|tx| {
        let now = now_stamp();
        let phone = m.phone.as_ref().map(Phone::to_storage);
        match m.id {
            Some(id) => {
                tx.execute(
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
                        now,
                        author
                    ],
                )?;
                Ok(id)
            }
            None => {
                tx.execute(
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
                        now,
                        author,
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
                Ok(tx.last_insert_rowid())
            }
        }
    })
}

/// Moves a manager to the trash. Their clients keep pointing at them until reassigned.
pub fn delete_manager(db: &mut Db, id: Id, author: Option<Id>) -> Result<()> {
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE managers SET deleted_at=?2, author_id=?3 WHERE id=?1 AND deleted_at IS NULL",
            params![id, now_stamp(), author],
        )?;
        if n == 0 {
            return Err(StorageError::NotFound(id));
        }
        Ok(())
    })
}
