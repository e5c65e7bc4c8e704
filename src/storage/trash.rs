//! The trash («Корзина»): everything soft-deleted, and restoring it.

use rusqlite::{Connection, params};

use super::{Db, Result, StorageError, now_stamp};
use crate::domain::model::Id;

/// What kind of record a trash item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashKind {
    Client,
    Person,
    Owner,
    Service,
    Project,
    Record,
    Manager,
}

impl TrashKind {
    pub const ALL: [TrashKind; 7] = [
        TrashKind::Client,
        TrashKind::Person,
        TrashKind::Owner,
        TrashKind::Service,
        TrashKind::Project,
        TrashKind::Record,
        TrashKind::Manager,
    ];

    fn table(self) -> &'static str {
        match self {
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
    fn select(self) -> &'static str {
        match self {
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

    pub fn label(self) -> &'static str {
        use crate::i18n as t;
        match self {
            TrashKind::Client => t::TRASH_CLIENT,
            TrashKind::Person => t::TRASH_PERSON,
            TrashKind::Owner => t::TRASH_OWNER,
            TrashKind::Service => t::TRASH_SERVICE,
            TrashKind::Project => t::TRASH_PROJECT,
            TrashKind::Record => t::TRASH_RECORD,
            TrashKind::Manager => t::TRASH_MANAGER,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrashItem {
    pub kind: TrashKind,
    pub id: Id,
    pub title: String,
    pub client: String,
    pub deleted_at: String,
}

/// Everything in the trash, most recently deleted first.
pub fn list_trash(conn: &Connection) -> Result<Vec<TrashItem>> {
    let mut out = Vec::new();
    for kind in TrashKind::ALL {
        let mut st = conn.prepare(kind.select())?;
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
pub fn restore(db: &mut Db, kind: TrashKind, id: Id, author: Option<Id>) -> Result<()> {
    db.write(|tx| {
        let n = tx.execute(
            &format!(
                "UPDATE {} SET deleted_at = NULL, updated_at = ?2, author_id = ?3 \
                 WHERE id = ?1 AND deleted_at IS NOT NULL",
                kind.table()
            ),
            params![id, now_stamp(), author],
        )?;
        if n == 0 {
            return Err(StorageError::NotFound(id));
        }
        Ok(())
    })
}
