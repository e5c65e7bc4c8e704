//! The sections of a dossier as typed: the VIP years, the people, the owners, the services, the projects with their stages, the correspondence.

use super::*;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct VipDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub year: String,
    pub crit_volume: bool,
    pub volume_kwh: String,
    pub crit_brand: bool,
    pub crit_stability: bool,
    pub crit_political: bool,
    pub political_note: String,
    pub included: bool,
    pub order_number: String,
    pub order_date: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub gender: Option<Gender>,
    pub position: String,
    pub category: Option<u8>,
    pub birthday: String,
    pub phones: String,
    pub email: String,
    pub address_as: String,
    pub name_dative: String,
    pub position_dative: String,
    pub notes: String,
}

impl PersonDraft {
    /// Fills the gender (from the patronymic), the dative forms and the address if they are
    /// empty, so the user only corrects what the rules got wrong.
    pub fn fill_generated(&mut self) {
        if self.gender.is_none() {
            self.gender = names::detect_gender(&self.surname, &self.name, &self.patronymic);
        }
        let gender = self.gender.unwrap_or(Gender::Male);
        if self.name_dative.trim().is_empty() && !self.surname.trim().is_empty() {
            self.name_dative =
                names::full_name_dative(&self.surname, &self.name, &self.patronymic, gender);
        }
        if self.position_dative.trim().is_empty() && !self.position.trim().is_empty() {
            self.position_dative = names::position_dative(&self.position);
        }
        if self.address_as.trim().is_empty() && !self.name.trim().is_empty() {
            self.address_as = names::full_name("", &self.name, &self.patronymic);
        }
    }

    /// After the name or position changed from `before`: every generated field the user had
    /// not edited (it still equals what `before` generates) follows the new name.
    pub fn refresh_generated(&mut self, before: &PersonDraft) {
        let mut old = before.clone();
        old.gender = None;
        old.name_dative.clear();
        old.position_dative.clear();
        old.address_as.clear();
        old.fill_generated();
        if self.gender.is_none() || self.gender == old.gender {
            self.gender = None;
        }
        if self.name_dative == old.name_dative {
            self.name_dative.clear();
        }
        if self.position_dative == old.position_dative {
            self.position_dative.clear();
        }
        if self.address_as == old.address_as {
            self.address_as.clear();
        }
        self.fill_generated();
    }

    /// The generated forms, whatever is typed now (the «Сформировать» button).
    pub fn regenerate(&mut self) {
        self.name_dative.clear();
        self.position_dative.clear();
        self.fill_generated();
    }

    pub fn display_name(&self) -> String {
        names::full_name(&self.surname, &self.name, &self.patronymic)
    }

    /// The person as typed, its errors put in `ck` under `prefix` + the field's key
    /// («people.0.birthday»): a surname, a birthday in the past and after 1900, phones and an
    /// e-mail that read.
    pub fn check(&self, ck: &mut Check, prefix: &str, today: NaiveDate) -> Person {
        let key = |f: &str| format!("{prefix}{f}");
        let surname = ck.required(&key("surname"), &self.surname);
        let birthday = ck.date(&key("birthday"), &self.birthday);
        if birthday.is_some_and(|b| b > today || b.year() < 1900) {
            ck.err(key("birthday"), FieldError::Birthday);
        }
        let phones = validate::parse_phone_list(&self.phones).unwrap_or_else(|e| {
            ck.err(key("phones"), e);
            Vec::new()
        });
        let email = self.email.trim().to_string();
        if !email.is_empty()
            && let Err(e) = validate::check_email(&email)
        {
            ck.err(key("email"), e);
        }
        Person {
            id: self.id,
            uuid: self.uuid.clone(),
            surname,
            name: self.name.trim().to_string(),
            patronymic: self.patronymic.trim().to_string(),
            gender: self.gender,
            position: self.position.trim().to_string(),
            category: self.category,
            birthday,
            phones,
            email,
            address_as: self.address_as.trim().to_string(),
            name_dative: self.name_dative.trim().to_string(),
            position_dative: self.position_dative.trim().to_string(),
            notes: self.notes.trim().to_string(),
        }
    }

    /// The draft of a stored person, as the dossier's form shows it.
    pub fn from_value(p: &Person) -> Self {
        PersonDraft {
            id: p.id,
            uuid: p.uuid.clone(),
            surname: p.surname.clone(),
            name: p.name.clone(),
            patronymic: p.patronymic.clone(),
            gender: p.gender,
            position: p.position.clone(),
            category: p.category,
            birthday: super::date_text(p.birthday),
            phones: p
                .phones
                .iter()
                .map(validate::Phone::display)
                .collect::<Vec<_>>()
                .join("; "),
            email: p.email.clone(),
            address_as: p.address_as.clone(),
            name_dative: p.name_dative.clone(),
            position_dative: p.position_dative.clone(),
            notes: p.notes.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OwnerDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub name: String,
    pub kind: String,
    pub share: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub service_id: Option<Id>,
    pub start: String,
    pub end: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StageDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub title: String,
    pub planned: String,
    pub actual: String,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub title: String,
    pub goal: String,
    pub status: ProjectStatus,
    pub start: String,
    pub end: String,
    pub stages: Vec<StageDraft>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordDraft {
    pub id: Option<Id>,
    pub uuid: String,
    pub date: String,
    pub direction: Direction,
    pub number: String,
    pub subject: String,
    pub text: String,
    pub file_name: String,
    pub file_size: i64,
    pub new_file: Option<Vec<u8>>,
}
