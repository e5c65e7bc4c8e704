//! Realistic fictional demo data. `vipdesk demo` and the first-run button use the default size;
//! `vipdesk demo --clients N` scales the same generator (the benches use it).
//!
//! Everything is made up: the names are combinations of common Russian names, the INNs and OGRNs
//! are random digits with valid check digits. The history is written as it would have been: the
//! database's clock is moved back for each step (clients added two years ago, each month's
//! reports in that month), and every write goes through the services and stores, so the demo
//! cannot make a state the program could not. Reports carry no PDF of their own (rendering a
//! hundred thousand of them would take minutes); `vipdesk meeting render` makes one on demand.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};

use crate::admin::{self, Catalogs, Manager};
use crate::clients::*;
use crate::contacts::{self, Meeting, MeetingKind, NextStep, ReportStatus};
use crate::domain::names::{self, Gender};
use crate::domain::validate::{self, Phone};
use crate::domain::{Actor, Clock, FixedClock, Id, Role, new_uuid};
use crate::letters::{self, LetterStatus, Reply};
use crate::storage::{Db, StorageError};
use crate::words::common::DEFAULT_MANAGER_POSITION;
use crate::words::demo as text;

pub const DEFAULT_CLIENTS: usize = 48;

/// What a run of the generator made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DemoSummary {
    pub managers: usize,
    pub clients: usize,
    pub people: usize,
    pub indicator_values: usize,
    pub letters: usize,
    pub reports: usize,
    pub appeals: usize,
    pub gifts: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the database already has clients")]
    NotEmpty,
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Letter(#[from] letters::LetterError),
    #[error(transparent)]
    Contacts(#[from] contacts::ContactsError),
    #[error(transparent)]
    Appeals(#[from] crate::appeals::AppealError),
}

const MALE_NAMES: [&str; 16] = [
    "Александр",
    "Алексей",
    "Андрей",
    "Валерий",
    "Виктор",
    "Владимир",
    "Дмитрий",
    "Евгений",
    "Игорь",
    "Константин",
    "Михаил",
    "Николай",
    "Олег",
    "Павел",
    "Сергей",
    "Юрий",
];
const FEMALE_NAMES: [&str; 12] = [
    "Анна",
    "Валентина",
    "Галина",
    "Екатерина",
    "Елена",
    "Ирина",
    "Марина",
    "Наталья",
    "Ольга",
    "Светлана",
    "Татьяна",
    "Юлия",
];
/// Fathers' names, from which both patronymic forms are made.
const PATRONYMIC_STEMS: [(&str, &str); 12] = [
    ("Александрович", "Александровна"),
    ("Алексеевич", "Алексеевна"),
    ("Борисович", "Борисовна"),
    ("Васильевич", "Васильевна"),
    ("Викторович", "Викторовна"),
    ("Геннадьевич", "Геннадьевна"),
    ("Иванович", "Ивановна"),
    ("Николаевич", "Николаевна"),
    ("Петрович", "Петровна"),
    ("Сергеевич", "Сергеевна"),
    ("Фёдорович", "Фёдоровна"),
    ("Юрьевич", "Юрьевна"),
];
/// Surnames in the masculine form and their feminine.
const SURNAMES: [(&str, &str); 24] = [
    ("Алексеев", "Алексеева"),
    ("Белов", "Белова"),
    ("Воронцов", "Воронцова"),
    ("Гончаров", "Гончарова"),
    ("Дроздов", "Дроздова"),
    ("Ёлкин", "Ёлкина"),
    ("Жуков", "Жукова"),
    ("Зайцев", "Зайцева"),
    ("Киселёв", "Киселёва"),
    ("Королёв", "Королёва"),
    ("Лебедев", "Лебедева"),
    ("Медведев", "Медведева"),
    ("Никитин", "Никитина"),
    ("Орлов", "Орлова"),
    ("Павлов", "Павлова"),
    ("Родионов", "Родионова"),
    ("Соколов", "Соколова"),
    ("Тихонов", "Тихонова"),
    ("Ушаков", "Ушакова"),
    ("Фролов", "Фролова"),
    ("Харитонов", "Харитонова"),
    ("Чернов", "Чернова"),
    ("Широков", "Широкова"),
    ("Яковлев", "Яковлева"),
];
/// Industries of the seed catalogue, by the short names used below.
const AGRO: &str = "Сельское хозяйство и переработка";
const BUILD: &str = "Строительство";
const METAL: &str = "Металлургия";
const ENERGY: &str = "Энергетика";
const OIL: &str = "Нефтегазовая отрасль";
const HOUSING: &str = "ЖКХ";
const TRADE: &str = "Торговля";
const HEALTH: &str = "Здравоохранение";
const SCHOOL: &str = "Образование";
const RAIL: &str = "Железнодорожный транспорт";

/// The first clients: (name, industry, town — an index into [`TOWNS`]).
const NAME_ROOTS: [(&str, &str, usize); 30] = [
    ("Орёлстрой", BUILD, 0),
    ("Ливнынасос", METAL, 2),
    ("Мценский литейный завод", METAL, 1),
    ("Орловский хлебокомбинат", AGRO, 0),
    ("Агроинвест", AGRO, 4),
    ("Северсталь-Орёл", METAL, 0),
    ("Орелмолоко", AGRO, 0),
    ("Болховский плодоконсервный завод", AGRO, 3),
    ("Кромская нива", AGRO, 4),
    ("Орловский сталепрокатный завод", METAL, 0),
    ("Энергомаш", ENERGY, 0),
    ("Орелтеплосеть", HOUSING, 0),
    ("Оредж", ENERGY, 0),
    ("Орловская нефтебаза", OIL, 0),
    ("Ливенский сахарный завод", AGRO, 2),
    ("Новосильагро", AGRO, 5),
    ("Орелводоканал", HOUSING, 0),
    ("Медтехника-Орёл", HEALTH, 0),
    ("Торговый дом «Русь»", TRADE, 0),
    ("Орловская областная больница", HEALTH, 0),
    ("Дормостстрой", BUILD, 1),
    ("Орелагропром", AGRO, 0),
    ("Картофельный край", AGRO, 6),
    ("Зерновая компания «Колос»", AGRO, 7),
    ("Стройдеталь", BUILD, 2),
    ("Мценскпрокат", METAL, 1),
    ("Орловский техникум", SCHOOL, 0),
    ("Гипермаркет «Линия»", TRADE, 0),
    ("Орловская ж/д станция", RAIL, 0),
    ("Поле Орловщины", AGRO, 3),
];
/// More names for larger runs: «Ливенский элеватор», «Мценская птицефабрика», … — the town's
/// adjective of each of [`TOWNS`], in the same order.
const TOWN_ADJ: [(&str, &str); 8] = [
    ("Орловский", "Орловская"),
    ("Мценский", "Мценская"),
    ("Ливенский", "Ливенская"),
    ("Болховский", "Болховская"),
    ("Кромской", "Кромская"),
    ("Новосильский", "Новосильская"),
    ("Дмитровский", "Дмитровская"),
    ("Верховский", "Верховская"),
];
/// (noun, feminine?, industry)
const WORKS: [(&str, bool, &str); 12] = [
    ("элеватор", false, AGRO),
    ("кирпичный завод", false, BUILD),
    ("молочный комбинат", false, AGRO),
    ("нефтебаза", true, OIL),
    ("теплосеть", true, HOUSING),
    ("комбинат строительных материалов", false, BUILD),
    ("механический завод", false, METAL),
    ("птицефабрика", true, AGRO),
    ("районная больница", true, HEALTH),
    ("завод железобетонных изделий", false, BUILD),
    ("хлебозавод", false, AGRO),
    ("аграрный техникум", false, SCHOOL),
];
const FORMS: [(&str, &str); 5] = [
    ("ООО", "Общество с ограниченной ответственностью"),
    ("АО", "Акционерное общество"),
    ("ПАО", "Публичное акционерное общество"),
    ("МУП", "Муниципальное унитарное предприятие"),
    ("ГУП", "Государственное унитарное предприятие"),
];
/// Streets of Orel.
const ORYOL_STREETS: [&str; 10] = [
    "ул. Ленина",
    "ул. Комсомольская",
    "ул. Московская",
    "Наугорское ш.",
    "ул. Кромская",
    "ул. Октябрьская",
    "ул. Гагарина",
    "ул. Тургенева",
    "Карачевское ш.",
    "ул. Михалицына",
];
/// Streets every district town has.
const TOWN_STREETS: [&str; 6] = [
    "ул. Ленина",
    "ул. Советская",
    "ул. Октябрьская",
    "ул. Гагарина",
    "ул. Пушкина",
    "ул. Комсомольская",
];
/// (postcode, town, district of the seed catalogue).
const TOWNS: [(&str, &str, &str); 8] = [
    ("302028", "г. Орёл", "Орловское МРО"),
    ("303030", "г. Мценск", "Мценское МРО"),
    ("303850", "г. Ливны", "Ливенское МРО"),
    ("303140", "г. Болхов", "Болховское МРО"),
    ("303200", "пгт Кромы", "Кромское МРО"),
    ("303500", "г. Новосиль", "Мценское МРО"),
    ("303240", "г. Дмитровск", "Кромское МРО"),
    ("303720", "пгт Верховье", "Ливенское МРО"),
];

struct Gen {
    rng: fastrand::Rng,
    /// The INNs given so far: one client per INN.
    inns: std::collections::HashSet<String>,
}

impl Gen {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.rng.u8(0..10)))
            .collect()
    }
    /// An INN not given before (random digits collide in large runs).
    fn unique(&mut self, make: impl Fn(&mut Gen) -> String) -> String {
        loop {
            let inn = make(self);
            if self.inns.insert(inn.clone()) {
                return inn;
            }
        }
    }
    fn inn10(&mut self) -> String {
        self.unique(|g| {
            let body = format!("57{}", g.digits(7));
            let d: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
            format!("{body}{}", validate::inn10_check_digit(&d))
        })
    }
    fn inn12(&mut self) -> String {
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
    fn ogrn(&mut self, len: usize, year: i32) -> String {
        let sign = if len == 13 { "1" } else { "3" };
        let body = format!("{sign}{:02}57{}", year % 100, self.digits(len - 6));
        let check = validate::ogrn_check_digit(&body).unwrap_or(0);
        format!("{body}{check}")
    }
    fn mobile(&mut self) -> Phone {
        Phone {
            number: format!("+79{}", self.digits(9)),
            ext: None,
        }
    }
    fn office(&mut self) -> Phone {
        Phone {
            number: format!("+74862{}", self.digits(6)),
            ext: self.rng.bool().then(|| self.digits(3)),
        }
    }
    fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let days = (to - from).num_days().max(1);
        from + chrono::Duration::days(self.rng.i64(0..days))
    }
    fn person(&mut self, gender: Gender) -> (String, String, String) {
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

/// A small PNG of a handwritten-looking stroke, as a stand-in signature for demo managers.
pub fn demo_signature_png(seed: u64) -> Vec<u8> {
    let (w, h) = (240usize, 80usize);
    let mut pixels = vec![0u8; w * h * 4];
    let phase = (seed % 7) as f64;
    for x in 10..w - 10 {
        let t = x as f64 / w as f64;
        let y = 40.0 + 22.0 * (t * 9.0 + phase).sin() * (1.0 - t) + 8.0 * (t * 23.0).cos();
        for dy in -1i32..=1 {
            let yy = (y as i32 + dy).clamp(0, h as i32 - 1) as usize;
            let i = (yy * w + x) * 4;
            pixels[i..i + 4].copy_from_slice(&[20, 40, 120, 255]);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        if let Ok(mut writer) = enc.write_header() {
            let _ = writer.write_image_data(&pixels);
        }
    }
    out
}

/// Runs `f` with the database's clock replaced by one the generator moves; the real clock is
/// put back whatever `f` returns.
fn with_history<T>(db: &mut Db, f: impl FnOnce(&mut Db, &FixedClock) -> T) -> T {
    let real = Arc::clone(db.clock());
    let clock = Arc::new(FixedClock::on(real.today()));
    db.set_clock(clock.clone());
    let out = f(db, &clock);
    db.set_clock(real);
    out
}

/// Fills an empty database with `clients` demo clients (and managers, people, indicators… in
/// proportion), as of `today`. Refuses a database that already has clients.
pub fn generate(
    db: &mut Db,
    clients: usize,
    seed: u64,
    today: NaiveDate,
) -> std::result::Result<DemoSummary, DemoError> {
    // All or nothing: a kill, a full disk or an error leaves the database as it was. Fictional
    // data is journalled as one entry, not row by row.
    db.quietly(|db| {
        if crate::clients::service::count(db)? > 0 {
            return Err(DemoError::NotEmpty);
        }
        let summary = with_history(db, |db, clock| {
            generate_with(db, clock, clients, seed, today, true)
        })?;
        let counts = serde_json::json!({
            "clients": [null, summary.clients],
            "people": [null, summary.people],
            "letters": [null, summary.letters],
            "reports": [null, summary.reports],
            "appeals": [null, summary.appeals],
        });
        journal_bulk(db, &counts)?;
        Ok(summary)
    })
}

/// Only the managers and the clients with their dossiers (no history): benches of large
/// client bases.
pub fn generate_clients_only(
    db: &mut Db,
    clients: usize,
    seed: u64,
) -> std::result::Result<DemoSummary, DemoError> {
    let today = db.today();
    db.quietly(|db| {
        if crate::clients::service::count(db)? > 0 {
            return Err(DemoError::NotEmpty);
        }
        with_history(db, |db, clock| {
            generate_with(db, clock, clients, seed, today, false)
        })
    })
}

fn generate_with(
    db: &mut Db,
    clock: &FixedClock,
    clients: usize,
    seed: u64,
    today: NaiveDate,
    history: bool,
) -> std::result::Result<DemoSummary, DemoError> {
    let catalogs = admin::service::catalogs(db)?;
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
        inns: Default::default(),
    };
    let mut summary = DemoSummary::default();
    let first_month = today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(24)))
        .unwrap_or(today);
    // Everyone was taken on two years ago.
    clock.set_date(first_month);

    // Managers: a head of the group and one manager per ~12 clients, at least four.
    let n_managers = (clients / 12).clamp(4, 400);
    let existing = admin::service::managers(db)?;
    let head = Manager {
        uuid: new_uuid(),
        surname: "Киселёв".into(),
        name: "Дмитрий".into(),
        patronymic: "Андреевич".into(),
        position: text::DEMO_HEAD_POSITION.into(),
        role: Role::GroupHead,
        phone: Some(Phone {
            number: "+74862440101".into(),
            ext: None,
        }),
        email: "kiselev@orelenergosbyt.example".into(),
        signature_png: Some(demo_signature_png(seed)),
        order_number: "112-к".into(),
        order_date: NaiveDate::from_ymd_opt(2024, 1, 15),
        active: true,
        ..Default::default()
    };
    let head_id = admin::service::save_manager(db, &Actor::SYSTEM, &head)?;
    let head_actor = Actor::manager(head_id, Role::GroupHead);
    let mut manager_ids: Vec<Id> = Vec::new();
    for i in 0..n_managers {
        let gender = if i % 2 == 0 {
            Gender::Female
        } else {
            Gender::Male
        };
        let (surname, name, patronymic) = g.person(gender);
        let m = Manager {
            uuid: new_uuid(),
            surname,
            name,
            patronymic,
            position: DEFAULT_MANAGER_POSITION.into(),
            role: Role::Manager,
            supervisor_id: Some(head_id),
            phone: Some(Phone {
                number: format!("+7486244{:04}", 200 + i),
                ext: None,
            }),
            email: format!("vip{}@orelenergosbyt.example", i + 1),
            signature_png: Some(demo_signature_png(seed + i as u64 + 1)),
            order_number: format!("{}-к", 120 + i),
            order_date: NaiveDate::from_ymd_opt(2024, 2, 1),
            active: true,
            ..Default::default()
        };
        manager_ids.push(admin::service::save_manager(db, &head_actor, &m)?);
    }
    summary.managers = n_managers + 1 + existing.len();

    // Each manager enters their own clients, in one write.
    let mut dossiers: BTreeMap<Id, Vec<Dossier>> = BTreeMap::new();
    for i in 0..clients {
        let manager_id = manager_ids[i % manager_ids.len()];
        let d = demo_dossier(&mut g, i, &catalogs, manager_id, today, first_month);
        summary.people += d.people.len();
        summary.indicator_values += d.indicators.len();
        dossiers.entry(manager_id).or_default().push(d);
    }
    for (manager_id, list) in &dossiers {
        db.write(&Actor::manager(*manager_id, Role::Manager), |w| {
            for d in list {
                store::save_dossier(w, d)?;
            }
            Ok::<_, StorageError>(())
        })?;
        summary.clients += list.len();
    }
    clock.set_date(today);
    if !history {
        return Ok(summary);
    }
    summary.reports = contacts_with(db, clock, head_actor, 18, seed, today)?;
    // The appeals' replies are registered on their dates over the year, before the recent
    // letters: outgoing numbers follow the dates.
    summary.appeals = demo_appeals(db, clock, &mut g, clients.max(38) * 4, today)?;
    summary.letters = demo_letters(db, clock, &mut g, today)?;
    summary.gifts = demo_gifts(db, &mut g, head_actor, today)?;
    clock.set_date(today);
    Ok(summary)
}

/// Two years of the greetings regulation: gifts handed over for past holidays (never the same
/// to one person), the coming ones' orders in every status by how near their deadline is (one
/// in twelve late), gift ideas for the leaders, the director who signs the cards.
fn demo_gifts(
    db: &mut Db,
    g: &mut Gen,
    head: Actor,
    today: NaiveDate,
) -> std::result::Result<usize, DemoError> {
    use crate::greetings::{self as gr, GiftStatus};
    let from = today.checked_sub_months(Months::new(24)).unwrap_or(today);
    let to = today + chrono::Duration::days(75);
    let schedule = gr::service::schedule(db, from, to)?;
    let managers: std::collections::HashMap<Id, String> = admin::service::managers(db)?
        .into_iter()
        .filter_map(|m| Some((m.id?, m.short_name())))
        .collect();
    let mut used: std::collections::HashMap<Id, Vec<usize>> = Default::default();
    let mut gifts = Vec::new();
    for row in &schedule {
        let personal = row.occasion.category() == 2;
        let chance = if personal { 8 } else { 3 };
        if g.rng.u8(0..10) >= chance {
            continue;
        }
        let taken = used.entry(row.person_id).or_default();
        let free: Vec<usize> = (0..text::DEMO_GIFTS.len())
            .filter(|i| !taken.contains(i))
            .collect();
        if free.is_empty() {
            continue;
        }
        let item = free[g.rng.usize(..free.len())];
        taken.push(item);
        let limit = row.limit.unwrap_or(3_000.0);
        let amount = (limit * (0.6 + 0.4 * g.rng.f64()) / 100.0).floor() * 100.0;
        let mut gift = gr::Gift {
            person_id: row.person_id,
            occasion: Some(row.occasion),
            holiday_date: Some(row.date),
            item: text::DEMO_GIFTS[item].into(),
            amount: Some(amount),
            planned_category: Some(row.category),
            planned_strategic: Some(row.strategic),
            ..Default::default()
        };
        let days = |d: NaiveDate| (d - today).num_days();
        if row.hand_by < today {
            gift.status = GiftStatus::Handed;
            gift.approved_on = Some(row.order_by - chrono::Duration::days(5));
            gift.sent_on = Some(row.order_by);
            gift.bought_on = Some(row.order_by + chrono::Duration::days(4));
            gift.handed_on = Some(if personal {
                row.hand_by
            } else {
                row.hand_by - chrono::Duration::days(g.rng.i64(0..3))
            });
            let manager = row
                .manager_id
                .and_then(|id| managers.get(&id).cloned())
                .unwrap_or_default();
            gift.handed_by = if row.gift_by == gr::GiftBy::BranchEmployee {
                text::DEMO_BRANCH_EMPLOYEE.into()
            } else {
                manager
            };
            gift.handed_to = if personal {
                row.person.to_string()
            } else {
                text::DEMO_REPRESENTATIVE.into()
            };
        } else {
            // The nearer the deadline, the further the order went; one in twelve is late.
            let late = g.rng.u8(0..12) == 0;
            gift.status = match days(row.order_by) {
                _ if late => GiftStatus::Draft,
                d if d > 20 => GiftStatus::Draft,
                d if d > 7 => GiftStatus::Approved,
                d if d > 0 => GiftStatus::Sent,
                _ => GiftStatus::Bought,
            };
            let step = |s: GiftStatus| gift.status >= s;
            if step(GiftStatus::Approved) {
                gift.approved_on = Some(today.min(row.order_by) - chrono::Duration::days(3));
            }
            if step(GiftStatus::Sent) {
                gift.sent_on = Some(today.min(row.order_by) - chrono::Duration::days(1));
            }
            if step(GiftStatus::Bought) {
                gift.bought_on = Some(today - chrono::Duration::days(1));
            }
        }
        // A general holiday of the last ten days: one gift in three was not handed to the
        // representative — the manager has it to deliver.
        if !personal && (-10..0).contains(&days(row.hand_by)) && g.rng.u8(0..3) == 0 {
            gift.status = GiftStatus::Bought;
            gift.handed_on = None;
            gift.handed_by.clear();
            gift.handed_to.clear();
        }
        gifts.push(gift);
    }
    // Ideas for one leader in three of categories 1–2: one of them already given.
    let mut ideas = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in schedule.iter().filter(|r| r.category <= 2) {
        if !seen.insert(row.person_id) || g.rng.u8(0..3) > 0 {
            continue;
        }
        for _ in 0..g.rng.usize(1..4) {
            let (item, note) = *g.pick(text::DEMO_GIFT_IDEAS);
            ideas.push(gr::GiftIdea {
                person_id: row.person_id,
                item: item.into(),
                note: note.into(),
                ..Default::default()
            });
        }
    }
    let reg = gr::Regulation {
        director_name: text::DEMO_DIRECTOR.into(),
        ..Default::default()
    };
    db.write(&head, |w| {
        gr::store::save_regulation(w, &reg)?;
        for gift in &gifts {
            gr::store::insert_gift(w, gift)?;
        }
        for idea in &ideas {
            gr::store::insert_idea(w, idea)?;
        }
        Ok::<_, StorageError>(())
    })?;
    Ok(gifts.len())
}

/// `months` months of calls and meetings for every client, with a realistic share missed:
/// about one call in seven and one meeting in five did not happen. Older reports are accepted,
/// the last month's submitted, the last week's drafts; meetings leave next steps.
pub fn generate_contacts(
    db: &mut Db,
    months: u32,
    seed: u64,
    today: NaiveDate,
) -> std::result::Result<usize, DemoError> {
    let head = admin::service::managers(db)?
        .into_iter()
        .find(|m| m.role == Role::GroupHead)
        .map_or(Actor::SYSTEM, |m| m.actor());
    db.quietly(|db| {
        let n = with_history(db, |db, clock| {
            contacts_with(db, clock, head, months, seed, today)
        })?;
        let counts = serde_json::json!({ "reports": [null, n] });
        journal_bulk(db, &counts)?;
        Ok(n)
    })
}

fn contacts_with(
    db: &mut Db,
    clock: &FixedClock,
    head: Actor,
    months: u32,
    seed: u64,
    today: NaiveDate,
) -> std::result::Result<usize, DemoError> {
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed ^ 0xC0FFEE),
        inns: Default::default(),
    };
    let rows = service::list(db)?;
    let start = today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today);
    // The plan first (the same for a seed whatever the batching), then month by month: each
    // manager writes the month's reports and submits the older ones; the head accepts them.
    let mut plan: BTreeMap<u32, BTreeMap<Option<Id>, Vec<Meeting>>> = BTreeMap::new();
    for row in &rows {
        for m in 0..months {
            let Some(month) = start.checked_add_months(Months::new(m)) else {
                continue;
            };
            let mut kinds = Vec::new();
            if g.rng.u8(0..7) > 0 {
                kinds.push(MeetingKind::Call);
            }
            if m % 3 == 1 && g.rng.u8(0..5) > 0 {
                kinds.push(*g.pick(&[
                    MeetingKind::Meeting,
                    MeetingKind::Meeting,
                    MeetingKind::Visit,
                    MeetingKind::Top,
                ]));
            }
            for kind in kinds {
                let date = month + chrono::Duration::days(g.rng.i64(0..28));
                if date > today {
                    continue;
                }
                let report = demo_report(&mut g, row, kind, date, today);
                plan.entry(m)
                    .or_default()
                    .entry(row.manager_id)
                    .or_default()
                    .push(report);
            }
        }
    }
    let mut n = 0;
    for by_manager in plan.values() {
        let mut to_accept = Vec::new();
        for (manager, reports) in by_manager {
            let last = reports.iter().filter_map(|r| r.date).max().unwrap_or(today);
            clock.set_date(last.min(today));
            let actor = Actor {
                id: *manager,
                role: Some(Role::Manager),
            };
            db.write(&actor, |w| {
                for m in reports {
                    let date = m.date.unwrap_or(today);
                    let age = (today - date).num_days();
                    let Some(id) = contacts::store::save_meeting(w, m)? else {
                        continue;
                    };
                    if age > 7 {
                        let day = date + chrono::Duration::days(1);
                        contacts::service::transition(w, id, ReportStatus::Submitted, day, "")?;
                    }
                    if age > 30 {
                        to_accept.push((id, date + chrono::Duration::days(4)));
                    }
                    n += 1;
                }
                Ok::<_, contacts::ContactsError>(())
            })?;
        }
        if let Some(last) = to_accept.iter().map(|(_, d)| *d).max() {
            clock.set_date(last.min(today));
            db.write(&head, |w| {
                for (id, day) in &to_accept {
                    contacts::service::transition(
                        w,
                        *id,
                        ReportStatus::Accepted,
                        *day,
                        text::DEMO_SUPERVISOR_COMMENT,
                    )?;
                }
                Ok::<_, contacts::ContactsError>(())
            })?;
        }
    }
    Ok(n)
}

/// One report of the demo: topics, problems and agreements from the stock phrases; meetings
/// leave a next step, done when the meeting is old.
fn demo_report(
    g: &mut Gen,
    row: &ClientRow,
    kind: MeetingKind,
    date: NaiveDate,
    today: NaiveDate,
) -> Meeting {
    let age = (today - date).num_days();
    let (topics, problems, agreements) =
        text::DEMO_REPORTS[g.rng.usize(..text::DEMO_REPORTS.len())];
    let next_steps = if kind.is_personal() {
        vec![NextStep {
            text: text::DEMO_STEPS[g.rng.usize(..text::DEMO_STEPS.len())].into(),
            responsible: text::DEMO_RESPONSIBLE.into(),
            due: Some(date + chrono::Duration::days(g.rng.i64(7..45))),
            done: (age > 60).then(|| date + chrono::Duration::days(g.rng.i64(5..40))),
            ..Default::default()
        }]
    } else {
        Vec::new()
    };
    Meeting {
        client_id: row.id,
        manager_id: row.manager_id,
        kind,
        date: Some(date),
        time: format!(
            "{:02}:{:02}",
            g.rng.u8(9..17),
            [0, 15, 30, 45][g.rng.usize(..4)]
        ),
        place: if kind == MeetingKind::Call {
            text::DEMO_PLACE_PHONE.into()
        } else {
            text::DEMO_PLACE_OFFICE.into()
        },
        topics: topics.into(),
        problems: problems.into(),
        agreements: agreements.into(),
        next_steps,
        ..Default::default()
    }
}

/// Letters for every fourth client: drafts of replies to appeals, and registered notices at
/// every stage of delivery, registered on their dates.
fn demo_letters(
    db: &mut Db,
    clock: &FixedClock,
    g: &mut Gen,
    today: NaiveDate,
) -> std::result::Result<usize, DemoError> {
    let templates = letters::service::templates(db)?;
    let (Some(reply), Some(notice)) = (
        templates.iter().find(|t| t.code == "reply_appeal"),
        templates.iter().find(|t| t.code == "tariff_change"),
    ) else {
        return Ok(0);
    };
    let rows = service::list(db)?;
    let author = |l: &letters::Letter| Actor {
        id: l.manager_id,
        role: Some(Role::Manager),
    };
    let mut n = 0;
    // One long letter (two pages), registered, to show page breaks and the page number.
    if let Some(row) = rows.iter().find(|r| r.people_count > 0) {
        let mut long =
            letters::service::draft_for(db, row.id, None, reply, None, &Reply::default(), today)?;
        long.heading = text::DEMO_LONG_HEADING.into();
        long.body = text::DEMO_LONG_BODY.into();
        long.attachment = text::DEMO_LONG_ATTACHMENT.into();
        long.reply_number = format!("{}", g.rng.u32(10..400));
        long.reply_date = Some(today - chrono::Duration::days(52));
        let actor = author(&long);
        clock.set_date(today - chrono::Duration::days(45));
        let id = letters::service::save_draft(db, &actor, &long)?;
        clock.set_date(today - chrono::Duration::days(41));
        letters::service::register(db, &actor, id)?;
        n += 1;
    }
    for (i, row) in rows
        .iter()
        .enumerate()
        .filter(|(i, r)| i % 4 == 0 && r.people_count > 0)
    {
        let registered = i % 8 == 4 || i % 8 == 0 && i % 16 == 0;
        let template = if registered { notice } else { reply };
        let appeal = Reply {
            number: format!("{}", g.rng.u32(10..400)),
            date: Some(today - chrono::Duration::days(g.rng.i64(3..25))),
            ..Default::default()
        };
        // A tariff notice names the day the new tariffs start: the first of a month ahead.
        let tariff = Reply {
            fields: letters::TemplateFields {
                date: crate::domain::fmt::date(first_of_next_month(today)),
                ..Default::default()
            },
            ..Default::default()
        };
        let reply_to = if registered { tariff } else { appeal };
        // Registered in the order of the list, so that numbers follow dates.
        let date = today - chrono::Duration::days(40 - (i * 36 / rows.len().max(1)) as i64);
        clock.set_date(if registered { date } else { today });
        let draft = letters::service::draft_for(
            db,
            row.id,
            None,
            template,
            None,
            &reply_to,
            clock.today(),
        )?;
        let actor = author(&draft);
        let id = letters::service::save_draft(db, &actor, &draft)?;
        n += 1;
        if registered {
            letters::service::register(db, &actor, id)?;
            let steps = [
                LetterStatus::Printed,
                LetterStatus::Courier,
                LetterStatus::Delivered,
            ];
            for status in steps.iter().take(i % 4 + (i / 4) % 4) {
                let received = if *status == LetterStatus::Delivered {
                    text::DEMO_RECEIVED_BY
                } else {
                    ""
                };
                // Printed on the day, handed to the courier in the week's batch on Friday
                // (a sheet of several letters), delivered the next working day.
                let friday = date
                    + chrono::Duration::days(
                        (4 - i64::from(date.weekday().num_days_from_monday())).rem_euclid(7),
                    );
                let day = match status {
                    LetterStatus::Printed => date,
                    LetterStatus::Courier => friday,
                    _ => friday + chrono::Duration::days(3),
                }
                .min(today);
                clock.set_date(day);
                letters::service::advance(db, &actor, id, *status, day, received)?;
            }
        }
    }
    clock.set_date(today);
    Ok(n)
}

/// A distinct company name for the i-th client.
/// The first day of the month after `d`'s.
fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
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
            format!("ИП {}", names::surname_initials(&s, &n, &p)),
            format!(
                "Индивидуальный предприниматель {}",
                names::full_name(&s, &n, &p)
            ),
            ClientKind::Entrepreneur,
            g.inn12(),
            String::new(),
            g.ogrn(15, since),
        )
    } else {
        let (short, long) = *g.pick(&FORMS);
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
    let address = format!(
        "{zip}, Орловская обл., {town_name}, {street}, д. {}",
        g.rng.u32(1..120)
    );
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
            order_number: format!("{}-од", 10 + year % 100),
            order_date: NaiveDate::from_ymd_opt(year, 1, 20),
            ..Default::default()
        })
        .collect();

    // Five people on average: the head, the chief accountant, the chief power engineer and one
    // or three more contacts.
    let roles: &[(&str, u8)] = &[
        ("Генеральный директор", 1),
        ("Главный бухгалтер", 2),
        ("Главный энергетик", 3),
        ("Заместитель генерального директора", 3),
        ("Начальник отдела снабжения", 3),
        ("Юрисконсульт", 3),
        ("Директор по производству", 3),
    ];
    // An entrepreneur has no general director: he, his accountant and a contact.
    let ip_roles: &[(&str, u8)] = &[
        ("Индивидуальный предприниматель", 1),
        ("Главный бухгалтер", 2),
        ("Менеджер по снабжению", 3),
    ];
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

/// One journal entry for generated data (written quietly, row by row unjournalled).
fn journal_bulk(db: &mut Db, counts: &serde_json::Value) -> Result<(), StorageError> {
    db.write(&Actor::SYSTEM, |w| {
        crate::storage::journal::append(
            w,
            "demo",
            None,
            None,
            crate::storage::journal::Action::Bulk,
            &counts.to_string(),
        )
    })
}

/// `n` appeals over the last twelve months, in every kind, channel and status: older ones
/// answered (by a registered letter, a call or an e-mail) and mostly closed, a few left overdue,
/// some forwarded to a specialist, some extended with their notice, recent ones still in work,
/// the last days' e-mails received and not registered yet.
fn demo_appeals(
    db: &mut Db,
    clock: &FixedClock,
    g: &mut Gen,
    n: usize,
    today: NaiveDate,
) -> std::result::Result<usize, DemoError> {
    use crate::appeals::{Answer, AppealKind, Channel, service as appeals};
    use crate::domain::Code as _;
    let rows: Vec<_> = service::list(db)?
        .into_iter()
        .filter(|r| r.people_count > 0)
        .collect();
    if rows.is_empty() {
        return Ok(0);
    }
    let topics = appeals::topics(db)?;
    let cal = appeals::calendar(db)?;
    let mut people: BTreeMap<Id, Vec<Id>> = BTreeMap::new();
    let mut made = 0;
    for i in 0..n {
        let row = &rows[g.rng.usize(..rows.len())];
        if let std::collections::btree_map::Entry::Vacant(e) = people.entry(row.id) {
            let d = service::open(db, row.id)?;
            e.insert(d.people.iter().filter_map(|p| p.id).collect());
        }
        let person = people.get(&row.id).and_then(|p| p.first().copied());
        // Spread over the year, the newest last: numbers follow dates.
        let age = (n - 1 - i) as i64 * 365 / n as i64;
        let received_on = cal.working_on_or_after(today - chrono::Duration::days(age));
        if received_on > today {
            continue;
        }
        let (kind_code, subject, body) = *g.pick(&text::DEMO_APPEALS);
        let kind = AppealKind::parse_code(kind_code).unwrap_or_default();
        let channel = Channel::ALL[i % Channel::ALL.len()];
        let reply_channel = if i % 9 == 4 { Channel::Post } else { channel };
        let actor = Actor {
            id: row.manager_id,
            role: Some(Role::Manager),
        };
        let received_at = received_on.and_hms_opt(9 + g.rng.u32(0..8), g.rng.u32(0..60), 0);
        let a = crate::appeals::Appeal {
            kind,
            subject: subject.into(),
            body: body.into(),
            person_id: person,
            reply_channel,
            topic_id: (!topics.is_empty()).then(|| topics[i % topics.len()].id),
            ..appeals::new_appeal(
                row.id,
                channel,
                received_at.unwrap_or_default(),
                row.manager_id,
            )
        };
        clock.set(received_at.unwrap_or_default());
        // The last week's e-mails and website forms wait for registration.
        let register = !(age <= 7 && matches!(channel, Channel::Email | Channel::Web));
        let id = appeals::create(db, &actor, &a, register, &[])?;
        made += 1;
        if !register {
            continue;
        }
        let got = appeals::open(db, id)?;
        let due = got.due_date.unwrap_or(today);
        let step = |days: i64| {
            let d = cal.add_working_days(received_on, days as u32);
            clock.set_date(d.min(today));
            d <= today
        };
        // The last month's appeals are at every stage of their work.
        if age < 30 && i % 5 != 4 {
            step(1);
            match i % 5 {
                0 => {}
                1 => appeals::take(db, &actor, id)?,
                2 => {
                    let (dept, who) = *g.pick(&text::DEMO_DEPARTMENTS);
                    appeals::forward(db, &actor, id, dept, who)?;
                }
                _ if kind == AppealKind::Feedback => appeals::take(db, &actor, id)?,
                _ => match reply_channel {
                    Channel::Post | Channel::InPerson => {
                        appeals::reply_letter(db, &actor, id, "")?;
                    }
                    _ => appeals::prepare_answer(db, &actor, id, text::DEMO_ANSWER)?,
                },
            }
            continue;
        }
        // Forwarded beyond competence: one in five.
        // Extended with a notice: one in eleven.
        if i % 11 == 3 && step(8) {
            appeals::extend(db, &actor, id, 20, text::DEMO_EXTENSION_REASON)?;
        }
        // A few are left overdue (one in thirteen); the recent ones are still in work.
        // One in seventeen is answered late: a few working days after its deadline.
        let answer_after = if i % 17 == 6 {
            cal.working_days_between(received_on, due) + 2
        } else {
            3 + g.rng.i64(0..12)
        };
        let late = cal.add_working_days(received_on, answer_after as u32) > due;
        if i % 13 == 5 || !step(answer_after) || (late && i % 17 != 6) {
            continue;
        }
        if kind == AppealKind::Feedback {
            appeals::close(db, &actor, id, text::DEMO_CLOSE_NOTE)?;
            continue;
        }
        match reply_channel {
            Channel::Post | Channel::InPerson => {
                let letter = appeals::reply_letter(db, &actor, id, "")?;
                // The manager writes the answer itself where the template leaves it.
                let mut draft = letters::service::open(db, letter)?;
                let findings = text::DEMO_REPLY_FINDINGS[i % text::DEMO_REPLY_FINDINGS.len()];
                draft.body = draft.body.replace(text::DEMO_REPLY_PLACEHOLDER, findings);
                letters::service::save_draft(db, &actor, &draft)?;
                letters::service::register(db, &actor, letter)?;
            }
            via => {
                let answer = Answer {
                    via,
                    text: text::DEMO_ANSWER.into(),
                    ..Default::default()
                };
                appeals::send_answer(db, &actor, id, &answer)?;
            }
        }
        if step(answer_after + 2) && i % 4 != 0 {
            appeals::close(db, &actor, id, "")?;
        }
    }
    clock.set_date(today);
    Ok(made)
}
