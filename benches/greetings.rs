//! Greetings: a year's schedule of 5,000 clients and 25,000 people — computed from what the
//! store read, and read from the database as the command line and the screen do.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use vipdesk::domain::calendar::Calendar;
use vipdesk::domain::{Actor, FixedClock};
use vipdesk::greetings::schedule::schedule;
use vipdesk::greetings::{Gift, Greeted, Limits, Occasion, Regulation};
use vipdesk::storage::Db;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

const RULES: [&str; 5] = ["22.12", "2 вс 08", "3 вс 07", "2 вс 10", "3 вс 06"];

/// 5,000 clients of five people each, categories 1–3, birthdays over the year.
fn people() -> Vec<Greeted> {
    (0..25_000i64)
        .map(|i| Greeted {
            person_id: i + 1,
            name: format!("Фамилия{i} Имя Отчество").into(),
            position: "Генеральный директор".into(),
            category: Some((i % 3 + 1) as u8),
            birthday: d(1960 + (i % 40) as i32, 1, 1)
                .checked_add_days(chrono::Days::new((i * 7 % 365) as u64)),
            client_id: i / 5 + 1,
            client: format!("АО «Клиент {}»", i / 5).into(),
            professional_rule: RULES[(i / 5 % 5) as usize].into(),
            professional_name: "Профессиональный праздник".into(),
            ..Default::default()
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let people = people();
    let cal = Calendar::official();
    let reg = Regulation::default();
    let rows = schedule(&people, d(2027, 1, 1), d(2027, 12, 31), &cal, &reg, &|_| {
        Limits::default()
    });
    assert!(rows.len() > 100_000, "{}", rows.len());
    c.bench_function(
        "greetings: a year's schedule of 25,000 people (computed)",
        |b| {
            b.iter(|| {
                black_box(schedule(
                    &people,
                    d(2027, 1, 1),
                    d(2027, 12, 31),
                    &cal,
                    &reg,
                    &|_| Limits::default(),
                ))
            })
        },
    );

    // The same from a database of 5,000 clients and 25,000 people.
    let mut db = Db::open_in_memory().expect("db");
    db.set_clock(std::sync::Arc::new(FixedClock::on(d(2026, 12, 1))));
    vipdesk::demo::generate_clients_only(&mut db, 5_000, 5).expect("clients");
    let read = vipdesk::greetings::service::schedule(&db, d(2027, 1, 1), d(2027, 12, 31))
        .expect("schedule");
    assert!(!read.is_empty());
    let mut group = c.benchmark_group("greetings from the database");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(20);
    group.bench_function(
        "a year's schedule of 5,000 clients (read and computed)",
        |b| {
            b.iter(|| {
                black_box(
                    vipdesk::greetings::service::schedule(&db, d(2027, 1, 1), d(2027, 12, 31))
                        .expect("schedule"),
                )
            })
        },
    );
    group.finish();

    // The repeat check: a person's gift proposed again, among 10,000 recorded gifts.
    let people_ids: Vec<i64> = read.iter().map(|g| g.person_id).take(2_000).collect();
    for (k, person) in people_ids.iter().enumerate() {
        for n in 0..5 {
            let gift = Gift {
                person_id: *person,
                occasion: Some(Occasion::NewYear),
                holiday_date: Some(d(2020 + n, 12, 31)),
                item: format!("Подарок {k}-{n}"),
                ..Default::default()
            };
            vipdesk::greetings::service::add_gift(&mut db, &Actor::SYSTEM, &gift).expect("gift");
        }
    }
    let again = Gift {
        person_id: people_ids[1_000],
        occasion: Some(Occasion::NewYear),
        holiday_date: Some(d(2027, 12, 31)),
        item: "подарок 1000-3".into(),
        ..Default::default()
    };
    c.bench_function("greetings: a repeated gift refused among 10,000", |b| {
        b.iter(|| {
            let refused = vipdesk::greetings::service::add_gift(&mut db, &Actor::SYSTEM, &again);
            assert!(refused.is_err());
            black_box(refused)
        })
    });
}

criterion_group!(greetings, benches);
criterion_main!(greetings);
