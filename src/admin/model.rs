//! The people who use vipdesk, the small editable catalogues, the trash and the integrity
//! check. Plain types: no egui, no SQL.

use chrono::NaiveDate;

use crate::domain::validate::Phone;
use crate::domain::{Id, Role, names};

/// A personal manager (or the head of the group).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Manager {
    pub id: Option<Id>,
    pub uuid: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub position: String,
    pub role: Role,
    pub supervisor_id: Option<Id>,
    pub phone: Option<Phone>,
    pub email: String,
    pub signature_png: Option<Vec<u8>>,
    pub order_number: String,
    pub order_date: Option<NaiveDate>,
    pub active: bool,
}

impl Manager {
    pub fn short_name(&self) -> String {
        names::surname_initials(&self.surname, &self.name, &self.patronymic)
    }
    /// The name under a signature, as GOST R 7.0.97 writes it: initials first («Д.А. Киселёв»).
    pub fn signature_name(&self) -> String {
        names::initials_surname(&self.surname, &self.name, &self.patronymic)
    }
    pub fn full_name(&self) -> String {
        names::full_name(&self.surname, &self.name, &self.patronymic)
    }
    /// The manager as the acting user of a write.
    pub fn actor(&self) -> crate::domain::Actor {
        crate::domain::Actor {
            id: self.id,
            role: Some(self.role),
        }
    }
}

pub use crate::domain::CatalogItem;

/// An industry and the rule of its professional holiday (DOMAIN.md §4), e.g. «22.12» or
/// «2 вс 08» (the second Sunday of August).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Industry {
    pub id: Id,
    pub name: String,
    pub holiday_name: String,
    pub holiday_rule: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorKind {
    pub id: Id,
    pub name: String,
    pub unit: String,
}

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

/// Which catalogue an edit goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogKind {
    Districts,
    Services,
    Industries,
    IndicatorKinds,
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrashItem {
    pub kind: TrashKind,
    pub id: Id,
    pub title: String,
    pub client: String,
    pub deleted_at: String,
}

/// A problem the integrity check found (ids only: no personal data).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A line of SQLite's own `integrity_check`.
    Sqlite(String),
    ForeignKey {
        table: String,
        rowid: i64,
        parent: String,
    },
    Schema {
        found: usize,
        latest: usize,
    },
    BadInn(Id),
    DuplicateInn(Id, Id),
    /// The journal of changes was altered, cut or added to behind the program's back.
    Journal(crate::storage::journal::ChainProblem),
    /// A table, index or trigger added, dropped or changed behind the program's back.
    Drift(crate::storage::schema::Drift),
    /// A saved setting that does not read (the program refuses to use a default instead).
    Setting(crate::storage::settings::Unreadable),
}

/// Whether the group has an active head.
pub fn has_head(managers: &[Manager]) -> bool {
    managers
        .iter()
        .any(|m| m.active && m.role == crate::domain::Role::GroupHead)
}

/// Whether `actor` may change the managers' cards: the head may, and whoever sets the
/// workstation up while the group has no head yet (the first run, a group being formed).
pub fn may_edit_cards(
    actor: &crate::domain::Actor,
    managers: &[Manager],
) -> Result<(), crate::domain::Denied> {
    if has_head(managers) {
        actor.may(crate::domain::Duty::EditManagers)
    } else {
        Ok(())
    }
}
