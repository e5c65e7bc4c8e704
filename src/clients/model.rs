//! The dossier of a VIP client: the enterprise, its VIP years, leaders and contacts, owners,
//! services, projects, indicators and correspondence. Plain types: no egui, no SQL.

use chrono::NaiveDate;

use crate::domain::Id;
use crate::domain::names::Gender;
use crate::domain::validate::Phone;

/// A month of an indicator value.
pub type YearMonth = (i32, u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ClientKind {
    #[default]
    Legal,
    Entrepreneur,
    Individual,
}

crate::codes!(ClientKind, "client kind", Legal => "legal", Entrepreneur => "ip", Individual => "person");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    #[default]
    Incoming,
    Outgoing,
    /// A note of the manager's own, not a letter.
    Note,
}

crate::codes!(Direction, "record direction", Incoming => "in", Outgoing => "out", Note => "note");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ProjectStatus {
    #[default]
    Planned,
    Active,
    Done,
    Cancelled,
}

crate::codes!(ProjectStatus, "project status", Planned => "planned", Active => "active", Done => "done", Cancelled => "cancelled");

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

/// A client's «Статус VIP» rows of these years were changed in its dossier (told inside the
/// write, before it commits): a year approved by the director's order refuses it.
#[derive(Debug, Clone, PartialEq)]
pub struct VipYearsChanged {
    pub client_id: Id,
    pub years: Vec<i32>,
}

impl crate::storage::Event for VipYearsChanged {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
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

/// One row of the client list, with what the search looks through.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientRow {
    pub id: Id,
    pub short_name: String,
    pub full_name: String,
    pub inn: String,
    pub district_id: Option<Id>,
    pub district: String,
    pub industry: String,
    pub manager_id: Option<Id>,
    pub manager: String,
    pub strategic: bool,
    /// Years in which the client was included in the VIP list, ascending.
    pub vip_years: Vec<i32>,
    pub people_count: u32,
    /// Names, INN and people's surnames, folded by [`crate::domain::fmt::search_key`].
    pub haystack: String,
    /// Every phone's digits, «|»-separated.
    pub phone_digits: String,
}
