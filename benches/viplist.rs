//! The yearly VIP list at department scale (#24): proposing a year's list over 5,000 clients
//! with 24 months of indicators each (target: under 200 ms), and the satisfaction study's
//! annual report over 5,000 surveys (target: under 100 ms).
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use vipdesk::domain::{Actor, FixedClock};
use vipdesk::storage::Db;
use vipdesk::viplist::{satisfaction, service, survey};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("date")
}

fn benches(c: &mut Criterion) {
    let mut db = Db::open_in_memory().expect("db");
    db.set_clock(std::sync::Arc::new(FixedClock::on(today())));
    vipdesk::demo::generate_clients_only(&mut db, 5_000, 5).expect("clients");
    let p = service::propose(&db, 2027, today()).expect("propose");
    println!(
        "vip list of 2027 over 5,000 clients: {} candidates",
        p.candidates.len()
    );
    let mut group = c.benchmark_group("vip list");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("propose a year's list, 5,000 clients × 24 months", |b| {
        b.iter(|| service::propose(&db, 2027, today()).expect("propose"));
    });
    group.finish();

    // A survey of every client in 2026: six scores and a free answer each.
    let questions = survey::questions(&db).expect("questions");
    let clients = vipdesk::clients::service::list(&db).expect("clients");
    let mut rng = fastrand::Rng::with_seed(7);
    db.quietly(|db| {
        for (i, c) in clients.iter().enumerate() {
            let s = survey::Survey {
                client_id: c.id,
                date: chrono::NaiveDate::from_ymd_opt(2026, 1 + (i % 11) as u32, 10),
                respondent: "Главный энергетик".into(),
                answers: questions
                    .iter()
                    .filter_map(|q| {
                        Some(survey::Answer {
                            question_id: q.id?,
                            score: (q.kind == vipdesk::viplist::QuestionKind::Scale)
                                .then(|| rng.u8(1..=5)),
                            text: if q.kind == vipdesk::viplist::QuestionKind::Free {
                                "Чаще сообщать о ходе рассмотрения обращений".into()
                            } else {
                                String::new()
                            },
                        })
                    })
                    .collect(),
                ..Default::default()
            };
            survey::save(db, &Actor::SYSTEM, &s).expect("survey");
        }
        Ok::<_, vipdesk::storage::StorageError>(())
    })
    .expect("surveys");
    let r = satisfaction::report(&db, &Actor::SYSTEM, 2026).expect("report");
    println!(
        "satisfaction report of 2026: {} surveys, {} of {} VIP clients, mean {:?}",
        r.surveys,
        r.surveyed,
        r.vip,
        r.overall.value()
    );
    let mut group = c.benchmark_group("satisfaction");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("the annual report over 5,000 surveys", |b| {
        b.iter(|| satisfaction::report(&db, &Actor::SYSTEM, 2026).expect("report"));
    });
    group.finish();
}

criterion_group!(viplist, benches);
criterion_main!(viplist);
