//! Drafts: what the dossier editor edits (strings, as typed) and their conversion to checked
//! values. A draft that does not convert returns the errors keyed by field, and stays as it is.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::model::*;
use crate::domain::error::{Check, FieldError, FieldErrors};
use crate::domain::names::{self, Gender};
use crate::domain::validate;
use crate::domain::{Id, fmt};

mod paste;
mod sections;

pub use paste::*;
pub use sections::*;

fn date_text(d: Option<NaiveDate>) -> String {
    fmt::opt_date(d)
}

fn num_text(x: Option<f64>) -> String {
    x.map(fmt::number_compact).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientDraft {
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
    pub contract_date: String,
    pub since_year: String,
    pub manager_id: Option<Id>,
    pub strategic: bool,
    pub call_every_days: String,
    pub meeting_every_months: String,
}

impl ClientDraft {
    pub fn from_value(c: &Client) -> Self {
        ClientDraft {
            id: c.id,
            uuid: c.uuid.clone(),
            short_name: c.short_name.clone(),
            full_name: c.full_name.clone(),
            kind: c.kind,
            inn: c.inn.clone(),
            kpp: c.kpp.clone(),
            ogrn: c.ogrn.clone(),
            legal_address: c.legal_address.clone(),
            postal_address: c.postal_address.clone(),
            district_id: c.district_id,
            industry_id: c.industry_id,
            contract_number: c.contract_number.clone(),
            contract_date: date_text(c.contract_date),
            since_year: c.since_year.map(|y| y.to_string()).unwrap_or_default(),
            manager_id: c.manager_id,
            strategic: c.strategic,
            call_every_days: c.call_every_days.map(|v| v.to_string()).unwrap_or_default(),
            meeting_every_months: c
                .meeting_every_months
                .map(|v| v.to_string())
                .unwrap_or_default(),
        }
    }

    fn check(&self, ck: &mut Check, today: NaiveDate) -> Client {
        let short_name = ck.required("short_name", &self.short_name);
        let inn = self.inn.trim().to_string();
        match (self.kind, inn.len()) {
            (ClientKind::Individual, 0) => {}
            (_, 0) => ck.err("inn", FieldError::Required),
            (kind, len) => match validate::check_inn(&inn) {
                Err(e) => ck.err("inn", e),
                Ok(()) if kind == ClientKind::Legal && len != 10 => {
                    ck.err("inn", FieldError::InnLegal10)
                }
                Ok(()) if kind != ClientKind::Legal && len != 12 => {
                    ck.err("inn", FieldError::InnPerson12)
                }
                Ok(()) => {}
            },
        }
        let kpp = self.kpp.trim().to_uppercase();
        if !kpp.is_empty() {
            if self.kind != ClientKind::Legal {
                ck.err("kpp", FieldError::KppOnlyLegal);
            } else if let Err(e) = validate::check_kpp(&kpp) {
                ck.err("kpp", e);
            }
        }
        let ogrn = self.ogrn.trim().to_string();
        if !ogrn.is_empty() {
            match (self.kind, validate::check_ogrn(&ogrn)) {
                (_, Err(e)) => ck.err("ogrn", e),
                (ClientKind::Legal, Ok(())) if ogrn.len() != 13 => {
                    ck.err("ogrn", FieldError::OgrnLegal13)
                }
                (ClientKind::Entrepreneur, Ok(())) if ogrn.len() != 15 => {
                    ck.err("ogrn", FieldError::Ogrnip15)
                }
                (ClientKind::Individual, Ok(())) => ck.err("ogrn", FieldError::OgrnPerson),
                _ => {}
            }
        }
        let contract_date = ck.date("contract_date", &self.contract_date);
        let since_year = match self.since_year.trim() {
            "" => None,
            y => match y.parse::<i32>() {
                Ok(y) if (1900..=today.year()).contains(&y) => Some(y),
                _ => {
                    ck.err("since_year", FieldError::Year { max: today.year() });
                    None
                }
            },
        };
        let (call_every_days, meeting_every_months) = self.rhythm_in(ck);
        Client {
            call_every_days,
            meeting_every_months,
            id: self.id,
            uuid: self.uuid.clone(),
            short_name,
            full_name: self.full_name.trim().to_string(),
            kind: self.kind,
            inn,
            kpp,
            ogrn,
            legal_address: self.legal_address.trim().to_string(),
            postal_address: self.postal_address.trim().to_string(),
            district_id: self.district_id,
            industry_id: self.industry_id,
            contract_number: self.contract_number.trim().to_string(),
            contract_date,
            since_year,
            manager_id: self.manager_id,
            strategic: self.strategic,
        }
    }

    /// The contact rhythm as typed, checked against its limits (a call every 1–365 days, a
    /// meeting every 1–12 months); empty fields are the standard's rhythm.
    fn rhythm_in(&self, ck: &mut Check) -> (Option<u32>, Option<u32>) {
        (
            ck.bounded("call_every_days", &self.call_every_days, 1, 365),
            ck.bounded("meeting_every_months", &self.meeting_every_months, 1, 12),
        )
    }

    /// The rhythm fields alone: the dossier shows when the next contact is due as they are typed,
    /// and a value out of range (say 999999999 days) is refused here, never used.
    pub fn rhythm(&self) -> Result<(Option<u32>, Option<u32>), FieldErrors> {
        let mut ck = Check::default();
        let r = self.rhythm_in(&mut ck);
        ck.finish(r)
    }

    /// Converts the enterprise part alone (CSV import uses it).
    pub fn to_value(&self, today: NaiveDate) -> Result<Client, FieldErrors> {
        let mut ck = Check::default();
        let c = self.check(&mut ck, today);
        ck.finish(c)
    }
}

/// The whole dossier as the editor holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DossierDraft {
    pub client: ClientDraft,
    pub vip: Vec<VipDraft>,
    pub people: Vec<PersonDraft>,
    pub owners: Vec<OwnerDraft>,
    pub services: Vec<ServiceDraft>,
    pub projects: Vec<ProjectDraft>,
    /// (indicator kind, month) → the value as typed.
    pub indicators: BTreeMap<(Id, YearMonth), String>,
    pub records: Vec<RecordDraft>,
}

impl DossierDraft {
    pub fn from_value(d: &Dossier) -> Self {
        DossierDraft {
            client: ClientDraft::from_value(&d.client),
            vip: d
                .vip
                .iter()
                .map(|v| VipDraft {
                    id: v.id,
                    uuid: v.uuid.clone(),
                    year: v.year.to_string(),
                    crit_volume: v.crit_volume,
                    volume_kwh: num_text(v.volume_kwh),
                    crit_brand: v.crit_brand,
                    crit_stability: v.crit_stability,
                    crit_political: v.crit_political,
                    political_note: v.political_note.clone(),
                    included: v.included,
                    order_number: v.order_number.clone(),
                    order_date: date_text(v.order_date),
                })
                .collect(),
            people: d.people.iter().map(PersonDraft::from_value).collect(),
            owners: d
                .owners
                .iter()
                .map(|o| OwnerDraft {
                    id: o.id,
                    uuid: o.uuid.clone(),
                    name: o.name.clone(),
                    kind: o.kind.clone(),
                    share: num_text(o.share),
                    note: o.note.clone(),
                })
                .collect(),
            services: d
                .services
                .iter()
                .map(|s| ServiceDraft {
                    id: s.id,
                    uuid: s.uuid.clone(),
                    service_id: Some(s.service_id),
                    start: date_text(s.start),
                    end: date_text(s.end),
                    note: s.note.clone(),
                })
                .collect(),
            projects: d
                .projects
                .iter()
                .map(|p| ProjectDraft {
                    id: p.id,
                    uuid: p.uuid.clone(),
                    title: p.title.clone(),
                    goal: p.goal.clone(),
                    status: p.status,
                    start: date_text(p.start),
                    end: date_text(p.end),
                    stages: p
                        .stages
                        .iter()
                        .map(|s| StageDraft {
                            id: s.id,
                            uuid: s.uuid.clone(),
                            title: s.title.clone(),
                            planned: date_text(s.planned),
                            actual: date_text(s.actual),
                            result: s.result.clone(),
                        })
                        .collect(),
                })
                .collect(),
            indicators: d
                .indicators
                .iter()
                .map(|(k, v)| (*k, fmt::number_compact(*v)))
                .collect(),
            records: d
                .records
                .iter()
                .map(|r| RecordDraft {
                    id: r.id,
                    uuid: r.uuid.clone(),
                    date: date_text(r.date),
                    direction: r.direction,
                    number: r.number.clone(),
                    subject: r.subject.clone(),
                    text: r.text.clone(),
                    file_name: r.file_name.clone(),
                    file_size: r.file_size,
                    new_file: r.new_file.clone(),
                })
                .collect(),
        }
    }

    /// Converts the draft to a dossier, or returns every field error at once.
    pub fn to_value(&self, today: NaiveDate) -> Result<Dossier, FieldErrors> {
        let mut ck = Check::default();
        let client = self.client.check(&mut ck, today);

        let mut years = std::collections::HashSet::new();
        let vip = self
            .vip
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let key = |f: &str| format!("vip.{i}.{f}");
                let year = match v.year.trim().parse::<i32>() {
                    Ok(y) if (2000..=today.year() + 1).contains(&y) => y,
                    _ => {
                        ck.err(
                            key("year"),
                            FieldError::Year {
                                max: today.year() + 1,
                            },
                        );
                        0
                    }
                };
                if year != 0 && !years.insert(year) {
                    ck.err(key("year"), FieldError::VipYearTwice);
                }
                let volume_kwh = ck.number(&key("volume_kwh"), &v.volume_kwh);
                if volume_kwh.is_some_and(|x| x < 0.0) {
                    ck.err(key("volume_kwh"), FieldError::Negative);
                }
                VipYear {
                    id: v.id,
                    uuid: v.uuid.clone(),
                    year,
                    crit_volume: v.crit_volume,
                    volume_kwh,
                    crit_brand: v.crit_brand,
                    crit_stability: v.crit_stability,
                    crit_political: v.crit_political,
                    political_note: v.political_note.trim().to_string(),
                    included: v.included,
                    order_number: v.order_number.trim().to_string(),
                    order_date: ck.date(&key("order_date"), &v.order_date),
                }
            })
            .collect();

        let people = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| p.check(&mut ck, &format!("people.{i}."), today))
            .collect();

        let owners = self
            .owners
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let key = |f: &str| format!("owners.{i}.{f}");
                let share = ck.number(&key("share"), &o.share);
                if share.is_some_and(|s| !(0.0..=100.0).contains(&s)) {
                    ck.err(key("share"), FieldError::Share);
                }
                Owner {
                    id: o.id,
                    uuid: o.uuid.clone(),
                    name: ck.required(&key("name"), &o.name),
                    kind: o.kind.trim().to_string(),
                    share,
                    note: o.note.trim().to_string(),
                }
            })
            .collect();

        let services = self
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let key = |f: &str| format!("services.{i}.{f}");
                let service_id = s.service_id.unwrap_or_else(|| {
                    ck.err(key("service"), FieldError::Required);
                    0
                });
                let start = ck.date(&key("start"), &s.start);
                let end = ck.date(&key("end"), &s.end);
                ck.date_order(&key("end"), start, end);
                ClientService {
                    id: s.id,
                    uuid: s.uuid.clone(),
                    service_id,
                    start,
                    end,
                    note: s.note.trim().to_string(),
                }
            })
            .collect();

        let projects = self
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let key = |f: &str| format!("projects.{i}.{f}");
                let start = ck.date(&key("start"), &p.start);
                let end = ck.date(&key("end"), &p.end);
                ck.date_order(&key("end"), start, end);
                let stages = p
                    .stages
                    .iter()
                    .enumerate()
                    .map(|(j, s)| {
                        let skey = |f: &str| format!("projects.{i}.stages.{j}.{f}");
                        Stage {
                            id: s.id,
                            uuid: s.uuid.clone(),
                            title: ck.required(&skey("title"), &s.title),
                            planned: ck.date(&skey("planned"), &s.planned),
                            actual: ck.date(&skey("actual"), &s.actual),
                            result: s.result.trim().to_string(),
                        }
                    })
                    .collect();
                Project {
                    id: p.id,
                    uuid: p.uuid.clone(),
                    title: ck.required(&key("title"), &p.title),
                    goal: p.goal.trim().to_string(),
                    status: p.status,
                    start,
                    end,
                    stages,
                }
            })
            .collect();

        let mut indicators = BTreeMap::new();
        for ((kind, (y, m)), text) in &self.indicators {
            if let Some(v) = ck.number(&format!("ind.{kind}.{y}.{m}"), text) {
                indicators.insert((*kind, (*y, *m)), v);
            }
        }

        let records = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let key = |f: &str| format!("records.{i}.{f}");
                let date = ck.date(&key("date"), &r.date);
                if r.subject.trim().is_empty() && r.text.trim().is_empty() && r.file_name.is_empty()
                {
                    ck.err(key("subject"), FieldError::RecordEmpty);
                }
                Record {
                    id: r.id,
                    uuid: r.uuid.clone(),
                    date,
                    direction: r.direction,
                    number: r.number.trim().to_string(),
                    subject: r.subject.trim().to_string(),
                    text: r.text.trim().to_string(),
                    file_name: r.file_name.clone(),
                    file_size: r.file_size,
                    new_file: r.new_file.clone(),
                }
            })
            .collect();

        ck.finish(Dossier {
            client,
            vip,
            people,
            owners,
            services,
            projects,
            indicators,
            records,
        })
    }

    /// Warnings that do not block saving: the owners' shares adding up to more than 100 %.
    pub fn warnings(&self) -> Vec<DossierWarning> {
        let total: f64 = self
            .owners
            .iter()
            .filter_map(|o| fmt::parse_number(&o.share))
            .sum();
        if total > 100.0 + 1e-9 {
            vec![DossierWarning::SharesOver100(total)]
        } else {
            Vec::new()
        }
    }
}

/// A warning that does not block saving.
#[derive(Debug, Clone, PartialEq)]
pub enum DossierWarning {
    /// The owners' shares add up to more than 100 % (the total).
    SharesOver100(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    #[test]
    fn bad_inn_is_refused_and_named() {
        let mut d = DossierDraft::default();
        d.client.short_name = "ООО «Ромашка»".into();
        d.client.inn = "1234567895".into();
        let errs = d.to_value(today()).expect_err("bad INN");
        assert_eq!(errs["inn"], FieldError::InnChecksum, "{errs:?}");
        d.client.inn = "7707083893".into();
        assert!(d.to_value(today()).is_ok());
        d.client.kind = ClientKind::Entrepreneur;
        assert!(d.to_value(today()).is_err(), "an ИП has a 12-digit INN");
    }

    #[test]
    fn person_fields_checked() {
        let mut d = DossierDraft::default();
        d.client.short_name = "X".into();
        d.client.kind = ClientKind::Individual;
        d.people.push(PersonDraft {
            surname: "Иванов".into(),
            phones: "8 916 123-45-67 доб. 5; 12".into(),
            birthday: "31.02.1970".into(),
            email: "ivanov@".into(),
            ..Default::default()
        });
        let errs = d.to_value(today()).expect_err("bad person");
        assert!(errs.contains_key("people.0.phones"));
        assert!(errs.contains_key("people.0.birthday"));
        assert!(errs.contains_key("people.0.email"));
    }

    #[test]
    fn share_total_warns() {
        let mut d = DossierDraft::default();
        d.owners.push(OwnerDraft {
            name: "А".into(),
            share: "60".into(),
            ..Default::default()
        });
        d.owners.push(OwnerDraft {
            name: "Б".into(),
            share: "50,5".into(),
            ..Default::default()
        });
        assert_eq!(d.warnings().len(), 1);
        d.owners[1].share = "40".into();
        assert!(d.warnings().is_empty());
        d.owners[1].share = "140".into();
        d.client.short_name = "X".into();
        d.client.kind = ClientKind::Individual;
        assert!(
            d.to_value(today())
                .expect_err("share")
                .contains_key("owners.1.share")
        );
    }

    #[test]
    fn paste_from_excel() {
        let mut t = BTreeMap::new();
        let block = "Месяц\tПотребление\tМощность\n01.2026\t1 234,5\t300\n02.2026\t1\u{a0}300\t\n";
        assert_eq!(paste_indicators(&mut t, &[1, 2], (2025, 1), block), Ok(3));
        assert_eq!(t[&(1, (2026, 1))], "1\u{a0}234,5");
        assert_eq!(t[&(2, (2026, 1))], "300");
        assert_eq!(t[&(1, (2026, 2))], "1\u{a0}300");
        let mut t2 = BTreeMap::new();
        assert_eq!(
            paste_indicators(&mut t2, &[1], (2025, 12), "10\n20,5\n"),
            Ok(2)
        );
        assert_eq!(t2[&(1, (2026, 1))], "20,5");
        assert!(paste_indicators(&mut t2, &[1], (2025, 12), "01.2026\tабв").is_err());
    }

    #[test]
    fn person_generated_forms() {
        let mut p = PersonDraft {
            surname: "Петрова".into(),
            name: "Мария".into(),
            patronymic: "Петровна".into(),
            position: "Главный бухгалтер".into(),
            ..Default::default()
        };
        p.fill_generated();
        assert_eq!(p.gender, Some(Gender::Female));
        assert_eq!(p.name_dative, "Петровой Марии Петровне");
        assert_eq!(p.position_dative, "Главному бухгалтеру");
        assert_eq!(p.address_as, "Мария Петровна");

        // Typing on: the untouched generated forms follow; an edited one stays.
        let before = p.clone();
        p.surname = "Петрова-Сидорова".into();
        p.address_as = "Мария".into();
        p.refresh_generated(&before);
        assert_eq!(p.name_dative, "Петровой-Сидоровой Марии Петровне");
        assert_eq!(p.address_as, "Мария");
        assert_eq!(p.gender, Some(Gender::Female));
    }
}
