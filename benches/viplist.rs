//! The yearly VIP list at department scale (#24): proposing a year's list over 5,000 clients
//! with 24 months of indicators each (target: under 200 ms).
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use vipdesk::domain::FixedClock;
use vipdesk::storage::Db;
use vipdesk::viplist::service;

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
}

criterion_group!(viplist, benches);
criterion_main!(viplist);
