//! The small editable catalogues: district offices, industries, services, indicator kinds.

use rusqlite::{Connection, params};

use super::{Db, Result, now_stamp};
use crate::domain::model::{CatalogItem, Id, IndicatorKind, Industry, new_uuid};

/// Everything the dossier editor picks from, loaded once per navigation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogs {
    pub districts: Vec<CatalogItem>,
    pub industries: Vec<Industry>,
    pub services: Vec<CatalogItem>,
    pub indicator_kinds: Vec<IndicatorKind>,
}

impl Catalogs {
    pub fn district_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.districts.iter().find(|d| d.id == id))
            .map_or("", |d| d.name.as_str())
    }
    pub fn industry(&self, id: Option<Id>) -> Option<&Industry> {
        id.and_then(|id| self.industries.iter().find(|d| d.id == id))
    }
    pub fn service_name(&self, id: Option<Id>) -> &str {
        id.and_then(|id| self.services.iter().find(|d| d.id == id))
            .map_or("", |d| d.name.as_str())
    }
}

fn items(conn: &Connection, table: &str) -> Result<Vec<CatalogItem>> {
    let mut st = conn.prepare(&format!(
        "SELECT id, name FROM {table} WHERE deleted_at IS NULL ORDER BY name"
    ))?;
    let rows = st
        .query_map([], |r| {
            Ok(CatalogItem {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn load_catalogs(conn: &Connection) -> Result<Catalogs> {
    let mut st = conn.prepare(
        "SELECT id, name, holiday_name, holiday_rule FROM industries \
         WHERE deleted_at IS NULL ORDER BY name",
    )?;
    let industries = st
        .query_map([], |r| {
            Ok(Industry {
                id: r.get(0)?,
                name: r.get(1)?,
                holiday_name: r.get(2)?,
                holiday_rule: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut st = conn.prepare(
        "SELECT id, name, unit FROM indicator_kinds WHERE deleted_at IS NULL ORDER BY sort, name",
    )?;
    let indicator_kinds = st
        .query_map([], |r| {
            Ok(IndicatorKind {
                id: r.get(0)?,
                name: r.get(1)?,
                unit: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Catalogs {
        districts: items(conn, "districts")?,
        industries,
        services: items(conn, "services")?,
        indicator_kinds,
    })
}

/// Which catalogue an edit goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogKind {
    Districts,
    Services,
    Industries,
    IndicatorKinds,
}

impl CatalogKind {
    fn table(self) -> &'static str {
        match self {
            CatalogKind::Districts => "districts",
            CatalogKind::Services => "services",
            CatalogKind::Industries => "industries",
            CatalogKind::IndicatorKinds => "indicator_kinds",
        }
    }
}

/// One edited catalogue entry: `extra` is the unit of an indicator kind or the holiday name of
/// an industry, `extra2` the holiday rule.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CatalogEntry {
    pub id: Option<Id>,
    pub name: String,
    pub extra: String,
    pub extra2: String,
}

/// Adds or renames an entry. A name already taken is refused by the UNIQUE constraint.
pub fn save_catalog_entry(
    db: &mut Db,
    kind: CatalogKind,
    e: &CatalogEntry,
    author: Option<Id>,
) -> Result<Id> {
    let table = kind.table();
    db.write(|tx| {
        let now = now_stamp();
        let id = match e.id {
            Some(id) => {
                tx.execute(
                    &format!("UPDATE {table} SET name=?2, updated_at=?3, author_id=?4 WHERE id=?1"),
                    params![id, e.name.trim(), now, author],
                )?;
                id
            }
            None => {
                tx.execute(
                    &format!(
                        "INSERT INTO {table} (uuid, created_at, updated_at, author_id, name) \
                         VALUES (?1, ?2, ?2, ?3, ?4)"
                    ),
                    params![new_uuid(), now, author, e.name.trim()],
                )?;
                tx.last_insert_rowid()
            }
        };
        match kind {
            CatalogKind::IndicatorKinds => {
                tx.execute(
                    "UPDATE indicator_kinds SET unit=?2, sort=CASE WHEN sort=0 THEN id+100 ELSE sort END \
                     WHERE id=?1",
                    params![id, e.extra.trim()],
                )?;
            }
            CatalogKind::Industries => {
                tx.execute(
                    "UPDATE industries SET holiday_name=?2, holiday_rule=?3 WHERE id=?1",
                    params![id, e.extra.trim(), e.extra2.trim()],
                )?;
            }
            CatalogKind::Districts | CatalogKind::Services => {}
        }
        Ok(id)
    })
}
