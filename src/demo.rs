//! Realistic fictional demo data. `vipdesk demo` and the first-run button use the default size;
//! `vipdesk demo --clients N` scales the same generator (the benches use it).
//!
//! Everything is made up: the names are combinations of common Russian names, the INNs and OGRNs
//! are random digits with valid check digits.

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::model::*;
use crate::domain::names::{self, Gender};
use crate::domain::validate::{self, Phone};
use crate::storage::{self, Db};

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
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{}", crate::i18n::DEMO_NOT_EMPTY)]
    NotEmpty,
    #[error(transparent)]
    Storage(#[from] storage::StorageError),
    #[error(transparent)]
    Letter(#[from] crate::letters::LetterError),
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
const NAME_ROOTS: [&str; 30] = [
    "Орёлстрой",
    "Ливнынасос",
    "Мценский литейный завод",
    "Орловский хлебокомбинат",
    "Агроинвест",
    "Северсталь-Орёл",
    "Орелмолоко",
    "Болховский плодоконсервный завод",
    "Кромская нива",
    "Орловский сталепрокатный завод",
    "Энергомаш",
    "Орелтеплосеть",
    "Оредж",
    "Орловская нефтебаза",
    "Ливенский сахарный завод",
    "Новосильагро",
    "Орелводоканал",
    "Медтехника-Орёл",
    "Торговый дом «Русь»",
    "Орловская областная больница",
    "Дормостстрой",
    "Орелагропром",
    "Картофельный край",
    "Зерновая компания «Колос»",
    "Стройдеталь",
    "Мценскпрокат",
    "Орловский техникум",
    "Гипермаркет «Линия»",
    "Орловская ж/д станция",
    "Поле Орловщины",
];
/// More names for larger runs: «Ливенский элеватор», «Мценская мебельная фабрика», …
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
/// (noun, feminine?)
const WORKS: [(&str, bool); 12] = [
    ("элеватор", false),
    ("кирпичный завод", false),
    ("молочный комбинат", false),
    ("мебельная фабрика", true),
    ("автоколонна", true),
    ("комбинат строительных материалов", false),
    ("механический завод", false),
    ("птицефабрика", true),
    ("швейная фабрика", true),
    ("завод железобетонных изделий", false),
    ("хлебозавод", false),
    ("тепличный комбинат", false),
];
const FORMS: [(&str, &str); 5] = [
    ("ООО", "Общество с ограниченной ответственностью"),
    ("АО", "Акционерное общество"),
    ("ПАО", "Публичное акционерное общество"),
    ("МУП", "Муниципальное унитарное предприятие"),
    ("ГУП", "Государственное унитарное предприятие"),
];
const STREETS: [&str; 10] = [
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
const TOWNS: [(&str, &str); 5] = [
    ("302028", "г. Орёл"),
    ("303030", "г. Мценск"),
    ("303850", "г. Ливны"),
    ("303140", "г. Болхов"),
    ("303200", "пгт Кромы"),
];

struct Gen {
    rng: fastrand::Rng,
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
    fn inn10(&mut self) -> String {
        let body = format!("57{}", self.digits(7));
        let d: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
        format!("{body}{}", validate::inn10_check_digit(&d))
    }
    fn inn12(&mut self) -> String {
        loop {
            let body = format!("57{}", self.digits(8));
            for c11 in 0..10 {
                for c12 in 0..10 {
                    let inn = format!("{body}{c11}{c12}");
                    if validate::check_inn(&inn).is_ok() {
                        return inn;
                    }
                }
            }
        }
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

/// Fills an empty database with `clients` demo clients (and managers, people, indicators… in
/// proportion). Refuses a database that already has clients.
pub fn generate(
    db: &mut Db,
    clients: usize,
    seed: u64,
    today: NaiveDate,
) -> std::result::Result<DemoSummary, DemoError> {
    if storage::count_clients(db.conn())? > 0 {
        return Err(DemoError::NotEmpty);
    }
    let catalogs = storage::load_catalogs(db.conn())?;
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed),
    };
    let mut summary = DemoSummary::default();

    // Managers: a head of the group and one manager per ~12 clients, at least four.
    let n_managers = (clients / 12).clamp(4, 400);
    let existing = storage::list_managers(db.conn())?;
    let mut manager_ids: Vec<Id> = Vec::new();
    let head = Manager {
        uuid: new_uuid(),
        surname: "Киселёв".into(),
        name: "Дмитрий".into(),
        patronymic: "Андреевич".into(),
        position: crate::i18n::DEMO_HEAD_POSITION.into(),
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
    let head_id = storage::save_manager(db, &head, None)?;
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
            position: crate::i18n::DEFAULT_MANAGER_POSITION.into(),
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
        manager_ids.push(storage::save_manager(db, &m, Some(head_id))?);
    }
    summary.managers = n_managers + 1 + existing.len();

    let first_month = today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(24)))
        .unwrap_or(today);
    db.write(|tx| {
        for i in 0..clients {
            let manager_id = manager_ids[i % manager_ids.len()];
            let d = demo_dossier(&mut g, i, &catalogs, manager_id, today, first_month);
            summary.people += d.people.len();
            summary.indicator_values += d.indicators.len();
            storage::save_dossier_tx(tx, &d, Some(manager_id))?;
            summary.clients += 1;
        }
        Ok(())
    })?;
    summary.letters = demo_letters(db, &mut g, today)?;
    summary.reports = generate_contacts(db, 18, seed, today)?;
    Ok(summary)
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
    use crate::domain::contacts::{Meeting, MeetingKind, NextStep};
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(seed ^ 0xC0FFEE),
    };
    let rows = storage::list_clients(db.conn())?;
    let start = today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today);
    let mut n = 0;
    db.write(|tx| {
        for row in &rows {
            let mut plan: Vec<(MeetingKind, NaiveDate)> = Vec::new();
            for m in 0..months {
                let Some(month) = start.checked_add_months(Months::new(m)) else { continue };
                if g.rng.u8(0..7) > 0 {
                    plan.push((MeetingKind::Call, month + chrono::Duration::days(g.rng.i64(0..28))));
                }
                if m % 3 == 1 && g.rng.u8(0..5) > 0 {
                    let kind = *g.pick(&[MeetingKind::Meeting, MeetingKind::Meeting, MeetingKind::Visit, MeetingKind::Top]);
                    plan.push((kind, month + chrono::Duration::days(g.rng.i64(0..28))));
                }
            }
            for (kind, date) in plan.into_iter().filter(|(_, d)| *d <= today) {
                let age = (today - date).num_days();
                let (topics, problems, agreements) = crate::i18n::DEMO_REPORTS[g.rng.usize(..crate::i18n::DEMO_REPORTS.len())];
                let steps = if kind.is_personal() {
                    vec![NextStep {
                        text: crate::i18n::DEMO_STEPS[g.rng.usize(..crate::i18n::DEMO_STEPS.len())].into(),
                        responsible: crate::i18n::DEMO_RESPONSIBLE.into(),
                        due: Some(date + chrono::Duration::days(g.rng.i64(7..45))),
                        done: (age > 60).then(|| date + chrono::Duration::days(g.rng.i64(5..40))),
                        ..Default::default()
                    }]
                } else {
                    Vec::new()
                };
                let m = Meeting {
                    client_id: row.id,
                    manager_id: row.manager_id,
                    kind,
                    date: Some(date),
                    time: format!("{:02}:{:02}", g.rng.u8(9..17), [0, 15, 30, 45][g.rng.usize(..4)]),
                    place: if kind == MeetingKind::Call { crate::i18n::DEMO_PLACE_PHONE.into() } else { crate::i18n::DEMO_PLACE_OFFICE.into() },
                    topics: topics.into(),
                    problems: problems.into(),
                    agreements: agreements.into(),
                    next_steps: steps,
                    ..Default::default()
                };
                let id = storage::save_meeting_tx(tx, &m, row.manager_id)?;
                let status = if age > 30 { "accepted" } else if age > 7 { "submitted" } else { "draft" };
                if status != "draft" {
                    tx.execute(
                        "UPDATE meetings SET status = ?2, submitted_at = ?3, accepted_at = CASE WHEN ?2 = 'accepted' THEN ?4 END, \
                         supervisor_comment = CASE WHEN ?2 = 'accepted' THEN ?5 ELSE '' END WHERE id = ?1",
                        rusqlite::params![
                            id,
                            status,
                            (date + chrono::Duration::days(1)).format("%Y-%m-%d").to_string(),
                            (date + chrono::Duration::days(4)).format("%Y-%m-%d").to_string(),
                            crate::i18n::DEMO_SUPERVISOR_COMMENT
                        ],
                    )?;
                }
                n += 1;
            }
        }
        Ok(())
    })?;
    Ok(n)
}

/// Letters for every fourth client: drafts of replies to appeals, and registered notices at
/// every stage of delivery.
fn demo_letters(
    db: &mut Db,
    g: &mut Gen,
    today: NaiveDate,
) -> std::result::Result<usize, DemoError> {
    use crate::domain::letter::LetterStatus;
    use crate::letters::{Reply, draft_from_template, register_letter};
    let templates = storage::list_templates(db.conn())?;
    let (Some(reply), Some(notice)) = (
        templates.iter().find(|t| t.code == "reply_appeal"),
        templates.iter().find(|t| t.code == "tariff_change"),
    ) else {
        return Ok(0);
    };
    let rows = storage::list_clients(db.conn())?;
    let mut n = 0;
    // One long letter (two pages), registered, to show page breaks and the page number.
    if let Some(row) = rows.iter().find(|r| r.people_count > 0) {
        let mut long = draft_from_template(
            db.conn(),
            row.id,
            None,
            reply,
            None,
            &Reply::default(),
            today,
        )?;
        long.heading = crate::i18n::DEMO_LONG_HEADING.into();
        long.body = crate::i18n::DEMO_LONG_BODY.into();
        long.attachment = crate::i18n::DEMO_LONG_ATTACHMENT.into();
        long.reply_number = format!("{}", g.rng.u32(10..400));
        long.reply_date = Some(today - chrono::Duration::days(52));
        let author = long.manager_id;
        let id = storage::save_draft(db, &long, author)?;
        register_letter(db, id, today - chrono::Duration::days(41), author)?;
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
            subject: String::new(),
        };
        let reply_to = if registered { Reply::default() } else { appeal };
        let draft = draft_from_template(db.conn(), row.id, None, template, None, &reply_to, today)?;
        let author = draft.manager_id;
        let id = storage::save_draft(db, &draft, author)?;
        n += 1;
        if registered {
            // Registered in the order of the list, so that numbers follow dates.
            let date = today - chrono::Duration::days(40 - (i * 36 / rows.len().max(1)) as i64);
            register_letter(db, id, date, author)?;
            let steps = [
                LetterStatus::Printed,
                LetterStatus::Courier,
                LetterStatus::Delivered,
            ];
            for (k, status) in steps.iter().take(i % 4 + (i / 4) % 4).enumerate() {
                let received = if *status == LetterStatus::Delivered {
                    crate::i18n::DEMO_RECEIVED_BY
                } else {
                    ""
                };
                storage::advance_status(
                    db,
                    id,
                    *status,
                    date + chrono::Duration::days(k as i64),
                    received,
                    author,
                )?;
            }
        }
    }
    Ok(n)
}

/// A distinct company name for the i-th client.
fn demo_company_name(i: usize) -> String {
    if i < NAME_ROOTS.len() {
        return NAME_ROOTS[i].to_string();
    }
    let k = i - NAME_ROOTS.len();
    let (work, feminine) = WORKS[k % WORKS.len()];
    let (m, f) = TOWN_ADJ[(k / WORKS.len()) % TOWN_ADJ.len()];
    let adj = if feminine { f } else { m };
    let round = k / (WORKS.len() * TOWN_ADJ.len());
    let base = format!("{adj} {work}");
    if round == 0 {
        base
    } else {
        format!("{base} № {}", round + 1)
    }
}

fn demo_dossier(
    g: &mut Gen,
    i: usize,
    catalogs: &storage::Catalogs,
    manager_id: Id,
    today: NaiveDate,
    first_month: NaiveDate,
) -> Dossier {
    let name = demo_company_name(i);
    let is_ip = i % 9 == 8;
    let (short_name, full_name, kind, inn, kpp, ogrn) = if is_ip {
        let (s, n, p) = g.person(Gender::Male);
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
    let (zip, town) = *g.pick(&TOWNS);
    let address = format!(
        "{zip}, Орловская обл., {town}, {}, д. {}",
        g.pick(&STREETS),
        g.rng.u32(1..120)
    );
    let district = &catalogs.districts[i % catalogs.districts.len()];
    let industry = &catalogs.industries[(i / 2) % catalogs.industries.len()];
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
    let n_people = if i.is_multiple_of(2) { 4 } else { 6 };
    let people = (0..n_people)
        .map(|k| {
            let (position, category) = roles[k % roles.len()];
            let gender = if g.rng.u8(0..10) < 4 {
                Gender::Female
            } else {
                Gender::Male
            };
            let (surname, name, patronymic) = g.person(gender);
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
                        crate::i18n::DEMO_OWNER_HOLDING.to_string()
                    } else {
                        names::full_name(&s, &nm, &p)
                    },
                    kind: if k == 0 {
                        crate::i18n::DEMO_OWNER_KIND_LEGAL
                    } else {
                        crate::i18n::DEMO_OWNER_KIND_PERSON
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
            let titles = crate::i18n::DEMO_PROJECTS;
            let (title, goal) = titles[(i + k) % titles.len()];
            let stages = crate::i18n::DEMO_STAGES
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
            let (subject, text) =
                crate::i18n::DEMO_RECORDS[(i + k) % crate::i18n::DEMO_RECORDS.len()];
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
