//! Realistic fictional demo data. `vipdesk demo` and the first-run button use the default size;
//! `vipdesk demo --clients N` scales the same generator (the benches use it).
//!
//! Everything is made up: the names are combinations of common Russian names, the INNs and OGRNs
//! are random digits with valid check digits. The history is written as it would have been: the
//! database's clock is moved back for each step (clients added two years ago, each month's
//! reports in that month), and every write goes through the services and stores, so the demo
//! cannot make a state the program could not. Reports carry no PDF of their own (rendering a
//! hundred thousand of them would take minutes); `vipdesk meeting render` makes one on demand.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};

use crate::admin::{self, Manager};
use crate::clients::demo::Gen;
use crate::domain::names::Gender;
use crate::domain::validate::Phone;
use crate::domain::{Actor, FixedClock, Id, Role, new_uuid};
use crate::storage::{Db, StorageError};
use crate::words::common::DEFAULT_MANAGER_POSITION;
use crate::words::demo as text;
use crate::{contacts, letters};

pub const DEFAULT_CLIENTS: usize = 48;

/// The most clients a demo makes (a department's base is a few thousand; 10,000 take about
/// half an hour and a few gigabytes of disk).
pub const MAX_CLIENTS: usize = 10_000;

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
    pub vip_lists: usize,
    pub surveys: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the database already has clients")]
    NotEmpty,
    #[error("{0} clients: from 1 to {MAX_CLIENTS}")]
    TooMany(usize),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Letter(#[from] letters::LetterError),
    #[error(transparent)]
    Contacts(#[from] contacts::ContactsError),
    #[error(transparent)]
    Appeals(#[from] crate::appeals::AppealError),
    #[error(transparent)]
    Admin(#[from] admin::service::AdminError),
    #[error(transparent)]
    VipList(#[from] crate::viplist::ListError),
    #[error(transparent)]
    Survey(#[from] crate::viplist::survey::SurveyError),
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
    if !(1..=MAX_CLIENTS).contains(&clients) {
        return Err(DemoError::TooMany(clients));
    }
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
    let mut g = Gen::new(seed);
    let mut summary = DemoSummary::default();
    let first_month = today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(24)))
        .unwrap_or(today);
    // Everyone was taken on two years ago.
    clock.set_date(first_month);

    // The official reports go to: the company's director, named in the requisites.
    let mut company = admin::service::company(db)?;
    if company.director_name.trim().is_empty() {
        company.director_position = text::DEMO_DIRECTOR_POSITION.into();
        company.director_name = text::DEMO_DIRECTOR_NAME.into();
        admin::service::save_company(db, &Actor::SYSTEM, &company)?;
    }

    // Managers: a head of the group and one manager per ~12 clients, at least four.
    let n_managers = (clients / 12).clamp(4, 400);
    let existing = admin::service::managers(db)?;
    let head = Manager {
        uuid: new_uuid(),
        surname: text::DEMO_HEAD_NAME.0.into(),
        name: text::DEMO_HEAD_NAME.1.into(),
        patronymic: text::DEMO_HEAD_NAME.2.into(),
        position: text::DEMO_HEAD_POSITION.into(),
        role: Role::GroupHead,
        phone: Some(Phone {
            number: "+74862440101".into(),
            ext: None,
        }),
        email: "kiselev@orelenergosbyt.example".into(),
        signature_png: Some(demo_signature_png(seed)),
        order_number: text::DEMO_HEAD_ORDER.into(),
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
            order_number: text::demo_manager_order(120 + i),
            order_date: NaiveDate::from_ymd_opt(2024, 2, 1),
            active: true,
            ..Default::default()
        };
        manager_ids.push(admin::service::save_manager(db, &head_actor, &m)?);
    }
    summary.managers = n_managers + 1 + existing.len();

    // Each manager enters their own clients, in one write.
    let made = crate::clients::demo::add_clients(
        db,
        &mut g,
        clients,
        &catalogs,
        &manager_ids,
        today,
        first_month,
    )?;
    summary.clients += made.clients;
    summary.people += made.people;
    summary.indicator_values += made.indicator_values;
    clock.set_date(today);
    if !history {
        return Ok(summary);
    }
    summary.reports = crate::contacts::demo::contacts_with(db, clock, head_actor, 18, seed, today)?;
    // The appeals' replies are registered on their dates over the year, before the recent
    // letters: outgoing numbers follow the dates.
    // Letters are registered in date order, the appeals' replies and notices among the
    // others, so that outgoing numbers follow dates; an appeal answered by letter is closed
    // after it.
    let mut agenda = crate::letters::demo::Agenda::default();
    let mut closes = Vec::new();
    summary.appeals = crate::appeals::demo::demo_appeals(
        db,
        clock,
        &mut g,
        clients.max(38) * 4,
        today,
        &mut agenda,
        &mut closes,
    )?;
    crate::letters::demo::demo_letters(db, clock, today, &mut agenda)?;
    // Every report the demo made, the calls that answered appeals too: what the list shows.
    summary.reports = crate::contacts::service::list(db, None, None)?.len();
    agenda.run(db, clock)?;
    closes.sort_by_key(|(day, ..)| *day);
    for (day, appeal, actor) in closes {
        clock.set_date(day);
        crate::appeals::service::close(db, &actor, appeal, "")?;
    }
    // Every letter the demo made, the appeals' replies and notices too: what the register lists.
    summary.letters = crate::letters::service::list(db, &Default::default())?.len();
    summary.gifts = crate::greetings::demo::demo_gifts(db, &mut g, head_actor, today)?;
    summary.vip_lists = crate::viplist::demo::demo_lists(db, clock, head_actor, today)?;
    summary.surveys = crate::viplist::demo::demo_surveys(db, clock, &mut g, head_actor, today)?;
    clock.set_date(today);
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
    let head = admin::service::managers(db)?
        .into_iter()
        .find(|m| m.role == Role::GroupHead)
        .map_or(Actor::SYSTEM, |m| m.actor());
    db.quietly(|db| {
        let n = with_history(db, |db, clock| {
            crate::contacts::demo::contacts_with(db, clock, head, months, seed, today)
        })?;
        let counts = serde_json::json!({ "reports": [null, n] });
        journal_bulk(db, &counts)?;
        Ok(n)
    })
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
