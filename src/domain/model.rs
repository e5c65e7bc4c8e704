//! Plain domain types of the dossier and of the managers: no egui, no SQL.

use chrono::NaiveDate;

use super::names::Gender;
use super::validate::Phone;

pub type Id = i64;

/// A month of an indicator value.
pub type YearMonth = (i32, u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ClientKind {
    #[default]
    Legal,
    Entrepreneur,
    Individual,
}

impl ClientKind {
    pub const ALL: [ClientKind; 3] = [
        ClientKind::Legal,
        ClientKind::Entrepreneur,
        ClientKind::Individual,
    ];
    pub fn code(self) -> &'static str {
        match self {
            ClientKind::Legal => "legal",
            ClientKind::Entrepreneur => "ip",
            ClientKind::Individual => "person",
        }
    }
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            ClientKind::Legal => crate::i18n::KIND_LEGAL,
            ClientKind::Entrepreneur => crate::i18n::KIND_IP,
            ClientKind::Individual => crate::i18n::KIND_PERSON,
        }
    }
    /// Accepts a code or a Russian label (CSV import): «ЮЛ», «юридическое лицо», «ИП», …
    pub fn parse_loose(s: &str) -> Option<Self> {
        let k = crate::domain::fmt::search_key(s.trim());
        match k.as_str() {
            "" | "legal" | "юл" | "юридическое лицо" | "организация" => {
                Some(ClientKind::Legal)
            }
            "ip" | "ип" | "индивидуальный предприниматель" => {
                Some(ClientKind::Entrepreneur)
            }
            "person" | "фл" | "физлицо" | "физическое лицо" => {
                Some(ClientKind::Individual)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    #[default]
    Manager,
    GroupHead,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Manager, Role::GroupHead];
    pub fn code(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::GroupHead => "head",
        }
    }
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Role::Manager => crate::i18n::ROLE_MANAGER,
            Role::GroupHead => crate::i18n::ROLE_HEAD,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    #[default]
    Incoming,
    Outgoing,
    /// A note of the manager's own, not a letter.
    Note,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Incoming, Direction::Outgoing, Direction::Note];
    pub fn code(self) -> &'static str {
        match self {
            Direction::Incoming => "in",
            Direction::Outgoing => "out",
            Direction::Note => "note",
        }
    }
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            Direction::Incoming => crate::i18n::DIR_IN,
            Direction::Outgoing => crate::i18n::DIR_OUT,
            Direction::Note => crate::i18n::DIR_NOTE,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ProjectStatus {
    #[default]
    Planned,
    Active,
    Done,
    Cancelled,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 4] = [
        ProjectStatus::Planned,
        ProjectStatus::Active,
        ProjectStatus::Done,
        ProjectStatus::Cancelled,
    ];
    pub fn code(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Active => "active",
            ProjectStatus::Done => "done",
            ProjectStatus::Cancelled => "cancelled",
        }
    }
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            ProjectStatus::Planned => crate::i18n::PROJECT_PLANNED,
            ProjectStatus::Active => crate::i18n::PROJECT_ACTIVE,
            ProjectStatus::Done => crate::i18n::PROJECT_DONE,
            ProjectStatus::Cancelled => crate::i18n::PROJECT_CANCELLED,
        }
    }
}

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
        super::names::surname_initials(&self.surname, &self.name, &self.patronymic)
    }
    pub fn full_name(&self) -> String {
        super::names::full_name(&self.surname, &self.name, &self.patronymic)
    }
}

/// An entry of a small editable catalogue (district offices, services, …).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CatalogItem {
    pub id: Id,
    pub name: String,
}

/// An industry and the rule of its professional holiday (DOMAIN.md §4), e.g. «22.12» or
/// «2-е воскресенье августа», kept as text the greetings issue will interpret.
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

/// The enterprise: the «Предприятие» tab.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Client {
    pub id: Option<Id>,
    pub uuid: String,
    pub short_name: String,
    pub full_name: String,
    pub kind: ClientKind,
    pub inn: String,
    pub kpp: String,
    pub ogrn: String,
    pub legal_address: String,
    pub postal_address: String,
    pub district_id: Option<Id>,
    pub industry_id: Option<Id>,
    pub contract_number: String,
    pub contract_date: Option<NaiveDate>,
    pub since_year: Option<i32>,
    pub manager_id: Option<Id>,
    pub strategic: bool,
    /// The contact rhythm when it differs from the standard's (a call every month, a meeting
    /// every quarter).
    pub call_every_days: Option<u32>,
    pub meeting_every_months: Option<u32>,
}

/// One year of the VIP status with the four criteria of the standard.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VipYear {
    pub id: Option<Id>,
    pub uuid: String,
    pub year: i32,
    pub crit_volume: bool,
    pub volume_kwh: Option<f64>,
    pub crit_brand: bool,
    pub crit_stability: bool,
    pub crit_political: bool,
    pub political_note: String,
    pub included: bool,
    pub order_number: String,
    pub order_date: Option<NaiveDate>,
}

/// A leader or a contact person of the client.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Person {
    pub id: Option<Id>,
    pub uuid: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub gender: Option<Gender>,
    pub position: String,
    /// Greetings category 1–3 of the greetings regulation.
    pub category: Option<u8>,
    pub birthday: Option<NaiveDate>,
    pub phones: Vec<Phone>,
    pub email: String,
    pub address_as: String,
    pub name_dative: String,
    pub position_dative: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Owner {
    pub id: Option<Id>,
    pub uuid: String,
    pub name: String,
    pub kind: String,
    pub share: Option<f64>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientService {
    pub id: Option<Id>,
    pub uuid: String,
    pub service_id: Id,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stage {
    pub id: Option<Id>,
    pub uuid: String,
    pub title: String,
    pub planned: Option<NaiveDate>,
    pub actual: Option<NaiveDate>,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    pub id: Option<Id>,
    pub uuid: String,
    pub title: String,
    pub goal: String,
    pub status: ProjectStatus,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub stages: Vec<Stage>,
}

/// A note or a document of the correspondence, with an optional attached file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub id: Option<Id>,
    pub uuid: String,
    pub date: Option<NaiveDate>,
    pub direction: Direction,
    pub number: String,
    pub subject: String,
    pub text: String,
    pub file_name: String,
    pub file_size: i64,
    /// Bytes of a newly attached file, not yet saved; stored files are read on demand.
    pub new_file: Option<Vec<u8>>,
}

/// The whole dossier of one client, loaded and saved as one unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dossier {
    pub client: Client,
    pub vip: Vec<VipYear>,
    pub people: Vec<Person>,
    pub owners: Vec<Owner>,
    pub services: Vec<ClientService>,
    pub projects: Vec<Project>,
    /// (indicator kind, month) → value.
    pub indicators: std::collections::BTreeMap<(Id, YearMonth), f64>,
    pub records: Vec<Record>,
}

/// A new stable identifier for a record.
pub fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}
