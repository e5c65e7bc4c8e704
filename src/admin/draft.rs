//! What the administration forms edit: the manager card, the company's requisites, a catalogue
//! entry; each checked into a value or field errors.

use super::model::{CatalogEntry, CatalogKind, Manager};
use crate::domain::error::{Check, FieldError, FieldErrors};
use crate::domain::validate::{self, Phone};
use crate::domain::{Id, Role, fmt, holidays};
use crate::pdf::Company;
use crate::words::common::DEFAULT_MANAGER_POSITION;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ManagerDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub position: String,
    pub role: Role,
    pub supervisor_id: Option<Id>,
    pub phone: String,
    pub email: String,
    pub signature_png: Option<Vec<u8>>,
    pub order_number: String,
    pub order_date: String,
    pub active: bool,
}

impl ManagerDraft {
    pub fn new() -> Self {
        ManagerDraft {
            active: true,
            position: DEFAULT_MANAGER_POSITION.into(),
            ..Default::default()
        }
    }

    pub fn from_value(m: &Manager) -> Self {
        ManagerDraft {
            id: m.id,
            uuid: m.uuid.clone(),
            surname: m.surname.clone(),
            name: m.name.clone(),
            patronymic: m.patronymic.clone(),
            position: m.position.clone(),
            role: m.role,
            supervisor_id: m.supervisor_id,
            phone: m.phone.as_ref().map(Phone::display).unwrap_or_default(),
            email: m.email.clone(),
            signature_png: m.signature_png.clone(),
            order_number: m.order_number.clone(),
            order_date: fmt::opt_date(m.order_date),
            active: m.active,
        }
    }

    pub fn to_value(&self) -> Result<Manager, FieldErrors> {
        let mut ck = Check::default();
        let phone = match self.phone.trim() {
            "" => None,
            p => Phone::parse(p).map_err(|e| ck.err("phone", e)).ok(),
        };
        let email = self.email.trim().to_string();
        if !email.is_empty()
            && let Err(e) = validate::check_email(&email)
        {
            ck.err("email", e);
        }
        if self.supervisor_id.is_some() && self.supervisor_id == self.id {
            ck.err("supervisor", FieldError::SupervisorSelf);
        }
        if let Some(png) = &self.signature_png
            && !png.starts_with(b"\x89PNG\r\n\x1a\n")
        {
            ck.err("signature", FieldError::NotPng);
        }
        let m = Manager {
            id: self.id,
            uuid: self.uuid.clone(),
            surname: ck.required("surname", &self.surname),
            name: ck.required("name", &self.name),
            patronymic: self.patronymic.trim().to_string(),
            position: ck.required("position", &self.position),
            role: self.role,
            supervisor_id: self.supervisor_id,
            phone,
            email,
            signature_png: self.signature_png.clone(),
            order_number: self.order_number.trim().to_string(),
            order_date: ck.date("order_date", &self.order_date),
            active: self.active,
        };
        ck.finish(m)
    }
}

/// Checks the company's requisites for the letterhead; the errors go beside the fields.
pub fn check_company(c: &Company) -> FieldErrors {
    let mut ck = Check::default();
    ck.required("name", &c.name);
    if !c.inn.trim().is_empty()
        && let Err(e) = validate::check_inn(&c.inn)
    {
        ck.err("inn", e);
    }
    if !c.kpp.trim().is_empty()
        && let Err(e) = validate::check_kpp(&c.kpp)
    {
        ck.err("kpp", e);
    }
    if !c.ogrn.trim().is_empty()
        && let Err(e) = validate::check_ogrn(&c.ogrn)
    {
        ck.err("ogrn", e);
    }
    if !crate::domain::fmt::number_format_ok(&c.number_format) {
        ck.err("number_format", FieldError::NumberFormat);
    }
    // The official reports go to: a name that declines into the addressee block, with the
    // position it is addressed by.
    if !c.director_name.trim().is_empty() {
        if crate::domain::names::parse_official(&c.director_name).is_none() {
            ck.err("director_name", FieldError::OfficialName);
        }
        ck.required("director_position", &c.director_position);
    }
    if c.director_name.contains('\n') || c.director_position.contains('\n') {
        ck.err("director_name", FieldError::OneLine);
    }
    ck.finish(()).err().unwrap_or_default()
}

/// Checks a catalogue entry before it is saved: a name, and for an industry a holiday rule the
/// calendar understands.
pub fn check_catalog_entry(kind: CatalogKind, e: &CatalogEntry) -> Result<(), FieldError> {
    if e.name.trim().is_empty() {
        return Err(FieldError::Required);
    }
    if kind == CatalogKind::Industries
        && !e.extra2.trim().is_empty()
        && holidays::holiday_date(&e.extra2, 2026).is_none()
    {
        return Err(FieldError::HolidayRule);
    }
    Ok(())
}
