//! The demo's clients: made-up companies, entrepreneurs and their people, dossiers filled as a
//! manager would (the vocabulary is in `words::demo`), and the random source the other
//! features' demo parts share.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use super::store;
use crate::admin::Catalogs;
use crate::clients::*;
use crate::domain::names::{self, Gender};
use crate::domain::validate::{self, Phone};
use crate::domain::{Actor, Id, Role, new_uuid};
use crate::storage::{Db, StorageError};
use crate::words::demo as text;
use crate::words::demo::*;

/// The demo's random source, shared by every feature's part so that a seed gives the same
/// data: a seeded generator and the INNs given so far.
pub struct Gen {
    pub rng: fastrand::Rng,
    /// The INNs given so far: one client per INN.
    inns: std::collections::HashSet<String>,
}

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: fastrand::Rng::with_seed(seed),
            inns: Default::default(),
        }
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.rng.u8(0..10)))
            .collect()
    }
    /// An INN not given before (random digits collide in large runs).
    pub fn unique(&mut self, make: impl Fn(&mut Gen) -> String) -> String {
        loop {
            let inn = make(self);
            if self.inns.insert(inn.clone()) {
                return inn;
            }
        }
    }
    pub fn inn10(&mut self) -> String {
        self.unique(|g| {
            let body = format!("57{}", g.digits(7));
            let d: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
            format!("{body}{}", validate::inn10_check_digit(&d))
        })
    }
    pub fn inn12(&mut self) -> String {
        self.unique(|g| {
            loop {
                let body = format!("57{}", g.digits(8));
                for c11 in 0..10 {
                    for c12 in 0..10 {
                        let inn = format!("{body}{c11}{c12}");
                        if validate::check_inn(&inn).is_ok() {
                            return inn;
                        }
                    }
                }
            }
        })
    }
    pub fn ogrn(&mut self, len: usize, year: i32) -> String {
        let sign = if len == 13 { "1" } else { "3" };
        let body = format!("{sign}{:02}57{}", year % 100, self.digits(len - 6));
        let check = validate::ogrn_check_digit(&body).unwrap_or(0);
        format!("{body}{check}")
    }
    pub fn mobile(&mut self) -> Phone {
        Phone {
            number: format!("+79{}", self.digits(9)),
            ext: None,
        }
    }
    pub fn office(&mut self) -> Phone {
        Phone {
            number: format!("+74862{}", self.digits(6)),
            ext: self.rng.bool().then(|| self.digits(3)),
        }
    }
    pub fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let days = (to - from).num_days().max(1);
        from + chrono::Duration::days(self.rng.i64(0..days))
    }
    pub fn person(&mut self, gender: Gender) -> (String, String, String) {
        let (ms, fs) = *self.pick(&SURNAMES);
        let (mp, fp) = *self.pick(&PATRONYMIC_STEMS);
        match gender {
            Gender::Male => (
                ms.to_string(),
                self.pick(&MALE_NAMES).to_string(),
                mp.to_string(),
            ),
            Gender::Female => (
                fs.to_string(),
                self.pick(&FEMALE_NAMES).to_string(),
                fp.to_string(),
            ),
        }
    }
}

/// What [`add_clients`] made.
#[derive(Debug, Clone, Copy, Default)]
pub struct Made {
    pub clients: usize,
    pub people: usize,
    pub indicator_values: usize,
}

/// `clients` demo clients shared out among `managers`, each manager entering their own in one
/// write.
pub fn add_clients(
    db: &mut Db,
    g: &mut Gen,
    clients: usize,
    catalogs: &Catalogs,
    manager_ids: &[Id],
    today: NaiveDate,
    first_month: NaiveDate,
) -> Result<Made, StorageError> {
    let mut made = Made::default();
    let mut dossiers: BTreeMap<Id, Vec<Dossier>> = BTreeMap::new();
    for i in 0..clients {
        let manager_id = manager_ids[i % manager_ids.len()];
        let d = demo_dossier(g, i, catalogs, manager_id, today, first_month);
        made.people += d.people.len();
        made.indicator_values += d.indicators.len();
        dossiers.entry(manager_id).or_default().push(d);
    }
    for (manager_id, list) in &dossiers {
        db.write(&Actor::manager(*manager_id, Role::Manager), |w| {
            for d in list {
                store::save_dossier(w, d)?;
            }
            Ok::<_, StorageError>(())
        })?;
        made.clients += list.len();
    }
    Ok(made)
}

/// The i-th demo client's name, industry and town (an index into [`TOWNS`]).
fn demo_company(i: usize) -> (String, &'static str, usize) {
    if let Some((name, industry, town)) = NAME_ROOTS.get(i) {
        return ((*name).to_string(), industry, *town);
    }
    let k = i - NAME_ROOTS.len();
    let (work, feminine, industry) = WORKS[k % WORKS.len()];
    let town = (k / WORKS.len()) % TOWN_ADJ.len();
    let (m, f) = TOWN_ADJ[town];
    let adj = if feminine { f } else { m };
    let round = k / (WORKS.len() * TOWN_ADJ.len());
    let base = format!("{adj} {work}");
    let name = if round == 0 {
        base
    } else {
        format!("{base} № {}", round + 1)
    };
    (name, industry, town)
}

fn demo_dossier(
    g: &mut Gen,
    i: usize,
    catalogs: &Catalogs,
    manager_id: Id,
    today: NaiveDate,
    first_month: NaiveDate,
) -> Dossier {
    let (name, industry_name, town) = demo_company(i);
    let is_ip = i % 9 == 8;
    // An entrepreneur is the first person of the dossier.
    let owner = is_ip.then(|| g.person(Gender::Male));
    let (short_name, full_name, kind, inn, kpp, ogrn) = if let Some((s, n, p)) = owner.clone() {
        let since = 2004 + g.rng.i32(0..15);
        (
            demo_ip_short(&names::surname_initials(&s, &n, &p)),
            demo_ip_full(&names::full_name(&s, &n, &p)),
            ClientKind::Entrepreneur,
            g.inn12(),
            String::new(),
            g.ogrn(15, since),
        )
    } else {
        let (short, long) = *g.pick(&names::LEGAL_FORMS[..5]);
        let quoted = if name.contains('«') {
            name.clone()
        } else {
            format!("«{name}»")
        };
        (
            format!("{short} {quoted}"),
            format!("{long} {quoted}"),
            ClientKind::Legal,
            g.inn10(),
            format!("57{:02}01001", g.rng.u8(1..52)),
            {
                let year = 1995 + g.rng.i32(0..25);
                g.ogrn(13, year)
            },
        )
    };
    let (zip, town_name, district_name) = TOWNS[town];
    let street = if town == 0 {
        g.pick(&ORYOL_STREETS)
    } else {
        g.pick(&TOWN_STREETS)
    };
    let address = demo_address(zip, town_name, street, g.rng.u32(1..120));
    let district = catalogs
        .districts
        .iter()
        .find(|d| d.name == district_name)
        .unwrap_or(&catalogs.districts[i % catalogs.districts.len()]);
    let industry = catalogs
        .industries
        .iter()
        .find(|d| d.name == industry_name)
        .unwrap_or(&catalogs.industries[(i / 2) % catalogs.industries.len()]);
    let since_year = 2000 + g.rng.i32(0..22);
    let strategic = i.is_multiple_of(3);
    let client = Client {
        uuid: new_uuid(),
        short_name,
        full_name,
        kind,
        inn,
        kpp,
        ogrn,
        legal_address: address.clone(),
        postal_address: address,
        district_id: Some(district.id),
        industry_id: Some(industry.id),
        contract_number: format!("57{:05}", g.rng.u32(10000..99999)),
        contract_date: NaiveDate::from_ymd_opt(since_year, g.rng.u32(1..13), g.rng.u32(1..29)),
        since_year: Some(since_year),
        manager_id: Some(manager_id),
        strategic,
        ..Default::default()
    };

    let vip = (today.year() - 2..=today.year())
        .map(|year| VipYear {
            uuid: new_uuid(),
            year,
            crit_volume: g.rng.u8(0..10) < 8,
            volume_kwh: Some(f64::from(g.rng.u32(2_000..60_000)) * 1000.0),
            crit_brand: strategic || g.rng.bool(),
            crit_stability: year - since_year >= 10,
            crit_political: g.rng.u8(0..10) == 0,
            political_note: String::new(),
            included: year < today.year() || g.rng.u8(0..20) > 0,
            order_number: demo_vip_order(10 + year % 100),
            order_date: NaiveDate::from_ymd_opt(year, 1, 20),
            ..Default::default()
        })
        .collect();

    // Five people on average: the head, the chief accountant, the chief power engineer and one
    // or three more contacts.
    let (roles, ip_roles) = (DEMO_ROLES, DEMO_IP_ROLES);
    let (roles, n_people) = match owner {
        Some(_) => (ip_roles, if i.is_multiple_of(2) { 2 } else { 3 }),
        None => (roles, if i.is_multiple_of(2) { 4 } else { 6 }),
    };
    let people = (0..n_people)
        .map(|k| {
            let (position, category) = roles[k % roles.len()];
            let (gender, (surname, name, patronymic)) = match &owner {
                Some(who) if k == 0 => (Gender::Male, who.clone()),
                _ => {
                    let gender = if g.rng.u8(0..10) < 4 {
                        Gender::Female
                    } else {
                        Gender::Male
                    };
                    (gender, g.person(gender))
                }
            };
            let birthday = g.date_between(
                NaiveDate::from_ymd_opt(1958, 1, 1).unwrap_or(today),
                NaiveDate::from_ymd_opt(1992, 12, 31).unwrap_or(today),
            );
            // Categories 1 and 2 are for strategic clients only (the greetings regulation).
            let category = match category {
                1 | 2 if !strategic => 3,
                c => c,
            };
            let mut phones = vec![g.office()];
            if k < 3 {
                phones.push(g.mobile());
            }
            Person {
                uuid: new_uuid(),
                name_dative: names::full_name_dative(&surname, &name, &patronymic, gender),
                position_dative: names::position_dative(position),
                address_as: names::full_name("", &name, &patronymic),
                email: format!("contact{}.{}@client{}.example", k + 1, i + 1, i + 1),
                surname,
                name,
                patronymic,
                gender: Some(gender),
                position: position.to_string(),
                category: Some(category),
                birthday: Some(birthday),
                phones,
                notes: String::new(),
                ..Default::default()
            }
        })
        .collect();

    let owners = if kind == ClientKind::Entrepreneur {
        Vec::new()
    } else {
        let n = g.rng.usize(1..4);
        let mut left = 100.0;
        (0..n)
            .map(|k| {
                let share = if k + 1 == n {
                    left
                } else {
                    f64::from(g.rng.u32(10..50))
                };
                left -= share;
                let (s, nm, p) = g.person(Gender::Male);
                Owner {
                    uuid: new_uuid(),
                    name: if k == 0 && g.rng.bool() {
                        text::DEMO_OWNER_HOLDING.to_string()
                    } else {
                        names::full_name(&s, &nm, &p)
                    },
                    kind: if k == 0 {
                        text::DEMO_OWNER_KIND_LEGAL
                    } else {
                        text::DEMO_OWNER_KIND_PERSON
                    }
                    .into(),
                    share: Some(share),
                    note: String::new(),
                    ..Default::default()
                }
            })
            .collect()
    };

    let services = (0..g.rng.usize(1..4))
        .map(|k| ClientService {
            uuid: new_uuid(),
            service_id: catalogs.services[(i + k * 2) % catalogs.services.len()].id,
            start: Some(g.date_between(
                NaiveDate::from_ymd_opt(since_year.max(2010), 1, 1).unwrap_or(today),
                today,
            )),
            end: None,
            note: String::new(),
            ..Default::default()
        })
        .collect();

    let projects = (0..i % 3)
        .map(|k| {
            let start = g.date_between(today - chrono::Duration::days(500), today);
            let titles = text::DEMO_PROJECTS;
            let (title, goal) = titles[(i + k) % titles.len()];
            let stages = text::DEMO_STAGES
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let planned = start + chrono::Duration::days(45 * (n as i64 + 1));
                    Stage {
                        uuid: new_uuid(),
                        title: (*s).to_string(),
                        planned: Some(planned),
                        actual: (planned < today)
                            .then(|| planned + chrono::Duration::days(g.rng.i64(-5..15))),
                        result: String::new(),
                        ..Default::default()
                    }
                })
                .collect::<Vec<_>>();
            let done = stages.iter().all(|s| s.actual.is_some());
            Project {
                uuid: new_uuid(),
                title: title.to_string(),
                goal: goal.to_string(),
                status: if done {
                    ProjectStatus::Done
                } else {
                    ProjectStatus::Active
                },
                start: Some(start),
                end: stages.last().and_then(|s| s.planned),
                stages,
                ..Default::default()
            }
        })
        .collect();

    // 24 months of indicators: seasonal consumption, a fixed capacity, payments and a small debt.
    let mut indicators = std::collections::BTreeMap::new();
    let base = f64::from(g.rng.u32(150..4_000)) * 1000.0;
    let capacity = (base / 400.0).round();
    let tariff = 7.2;
    for m in 0..24u32 {
        let Some(month) = first_month.checked_add_months(Months::new(m)) else {
            continue;
        };
        let ym = (month.year(), month.month());
        let season =
            1.0 + 0.25 * ((f64::from(month.month()) - 1.0) / 12.0 * std::f64::consts::TAU).cos();
        let consumption = (base * season * (0.9 + 0.2 * g.rng.f64())).round();
        let kinds = &catalogs.indicator_kinds;
        if kinds.len() >= 4 {
            indicators.insert((kinds[0].id, ym), consumption);
            indicators.insert((kinds[1].id, ym), capacity);
            let bill = (consumption * tariff * 100.0).round() / 100.0;
            let paid = if g.rng.u8(0..10) == 0 {
                (bill * 0.8 * 100.0).round() / 100.0
            } else {
                bill
            };
            indicators.insert((kinds[2].id, ym), paid);
            indicators.insert((kinds[3].id, ym), ((bill - paid) * 100.0).round() / 100.0);
        }
    }

    let records = (0..1 + i % 2)
        .map(|k| {
            let date = g.date_between(today - chrono::Duration::days(300), today);
            let (subject, text) = text::DEMO_RECORDS[(i + k) % text::DEMO_RECORDS.len()];
            Record {
                uuid: new_uuid(),
                date: Some(date),
                direction: if k == 0 {
                    Direction::Incoming
                } else {
                    Direction::Note
                },
                number: if k == 0 {
                    format!("{}", g.rng.u32(100..999))
                } else {
                    String::new()
                },
                subject: subject.to_string(),
                text: text.to_string(),
                ..Default::default()
            }
        })
        .collect();

    Dossier {
        client,
        vip,
        people,
        owners,
        services,
        projects,
        indicators,
        records,
    }
}
