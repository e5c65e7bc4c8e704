//! The numbers of the foundation issue, on a generated data set of 5 000 clients and 25 000
//! people: list search per keystroke, opening a dossier, loading the list, and the time from
//! process start to the first frame (only where a display is available).
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use vipdesk::clients::search::{ClientFilter, SortColumn, filter_clients};
use vipdesk::clients::service as clients;
use vipdesk::domain::{Actor, Role};
use vipdesk::storage::Db;
use vipdesk::ui::clients::DossierEditor;

const CLIENTS: usize = 5_000;

fn big_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("bench.db");
    let mut db = Db::open(&path).expect("db");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let started = Instant::now();
    let s = vipdesk::demo::generate(&mut db, CLIENTS, 42, today).expect("demo");
    // Another stretch of calls and meetings to reach 200 000 reports.
    let more = vipdesk::demo::generate_contacts(&mut db, 18, 43, today).expect("contacts");
    let reports: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM meetings", [], |r| r.get(0))
        .expect("count");
    eprintln!(
        "{} + {more} reports of calls and meetings: {reports} in all",
        s.reports
    );
    eprintln!(
        "generated {} clients, {} people, {} indicator values in {:.1} s",
        s.clients,
        s.people,
        s.indicator_values,
        started.elapsed().as_secs_f64()
    );
    (dir, path)
}

fn benches(c: &mut Criterion) {
    let (_dir, path) = big_db();
    let db = Db::open(&path).expect("db");
    let rows = clients::list(&db).expect("rows");

    c.bench_function("list: load 5000 clients with search text", |b| {
        b.iter(|| black_box(clients::list(&db).expect("rows")))
    });

    // Each keystroke of typing «Орловский» and a phone, as the list filters them.
    let mut group = c.benchmark_group("search per keystroke");
    for q in [
        "о",
        "ор",
        "орл",
        "орловский",
        "орловский элев",
        "иванов",
        "8916",
        "+7 4862",
        "5751",
    ] {
        group.bench_function(q, |b| {
            let f = ClientFilter {
                query: q.into(),
                ..Default::default()
            };
            b.iter(|| black_box(filter_clients(&rows, &f, SortColumn::Name, true)))
        });
    }
    group.bench_function("all clients, sort by manager", |b| {
        let f = ClientFilter::default();
        b.iter(|| black_box(filter_clients(&rows, &f, SortColumn::Manager, true)))
    });
    group.finish();

    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut k = 0usize;
    c.bench_function("open a dossier (load + editor draft)", |b| {
        b.iter(|| {
            k = (k + 7919) % ids.len();
            let d = clients::open(&db, ids[k]).expect("load");
            black_box(DossierEditor::open(&d))
        })
    });

    let manager = rows.iter().find_map(|r| r.manager_id).expect("a manager");
    c.bench_function("«Сегодня» of a manager (200 000 reports)", |b| {
        b.iter(|| {
            black_box(vipdesk::overview::today(
                &db,
                &Actor::manager(manager, Role::Manager),
                today,
            ))
        })
    });
    c.bench_function(
        "«Сегодня» of the head of the group (all 5 000 clients)",
        |b| b.iter(|| black_box(vipdesk::overview::today(&db, &Actor::SYSTEM, today))),
    );
    let mut k = 0usize;
    c.bench_function("timeline of a client", |b| {
        b.iter(|| {
            k = (k + 7919) % ids.len();
            black_box(vipdesk::overview::timeline(&db, ids[k]).expect("timeline"))
        })
    });

    safety(c, &path, &ids);
    encryption(c, &path, &ids);
    startup(c, &path);
}

/// The cost of encryption at rest (SQLCipher): the same work on the 5 000-client file, plain
/// and encrypted.
fn encryption(c: &mut Criterion, path: &std::path::Path, ids: &[vipdesk::domain::Id]) {
    use vipdesk::storage::cipher::{self, Passphrase};
    let dir = tempfile::tempdir().expect("tmp");
    let enc = dir.path().join("enc.db");
    std::fs::copy(path, &enc).expect("copy");
    let key = Passphrase::new("длинный пароль 2026").expect("key");
    let started = std::time::Instant::now();
    cipher::convert(&enc, None, Some(&key)).expect("encrypt");
    eprintln!(
        "encrypting the 5 000-client database took {:?}",
        started.elapsed()
    );
    let mut group = c.benchmark_group("encryption");
    group.sample_size(10);
    for (name, file, key) in [
        ("plain", path, None),
        ("encrypted", enc.as_path(), Some(key)),
    ] {
        group.bench_function(format!("open + integrity check, {name}"), |b| {
            b.iter(|| {
                let db = Db::open_keyed(file, key.clone(), false).expect("open");
                db.ensure_sound().expect("sound");
            })
        });
        let mut db = Db::open_keyed(file, key.clone(), false).expect("open");
        group.bench_function(format!("client list, {name}"), |b| {
            b.iter(|| clients::list(&db).expect("list"))
        });
        let mut k = 0usize;
        group.bench_function(format!("save a dossier edit, {name}"), |b| {
            b.iter(|| {
                k = (k + 7919) % ids.len();
                let mut d = clients::open(&db, ids[k]).expect("load");
                d.client.postal_address = format!("302028, г. Орёл, ул. Ленина, {k}");
                clients::save(&mut db, &Actor::SYSTEM, &d).expect("save");
            })
        });
    }
    group.finish();
}

/// The cost of data safety on the 5 000-client file: the integrity check made before the first
/// write, a verified backup, and a dossier save with and without the journal of changes.
fn safety(c: &mut Criterion, path: &std::path::Path, ids: &[vipdesk::domain::Id]) {
    let mut group = c.benchmark_group("safety");
    group.sample_size(10);
    group.bench_function(
        "integrity check before the first write (quick_check)",
        |b| {
            b.iter(|| {
                let db = Db::open_existing(path).expect("open");
                db.ensure_sound().expect("sound");
            })
        },
    );
    let db = Db::open_existing(path).expect("open");
    let dir = tempfile::tempdir().expect("tmp");
    let mut n = 0;
    group.bench_function("verified backup (copy, integrity check, counts)", |b| {
        b.iter(|| {
            n += 1;
            let target = dir.path().join(format!("copy{n}.db"));
            db.backup_to(&target).expect("backup");
            std::fs::remove_file(&target).expect("rm");
        })
    });
    drop(db);
    group.finish();

    let mut db = Db::open_existing(path).expect("open");
    let actor = Actor::SYSTEM;
    let mut group = c.benchmark_group("save a dossier edit");
    let mut k = 0usize;
    for journal in [true, false] {
        let name = if journal {
            "with the journal of changes"
        } else {
            "without the journal (baseline)"
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                k = (k + 7919) % ids.len();
                let mut d = clients::open(&db, ids[k]).expect("load");
                d.client.postal_address = format!("302028, г. Орёл, ул. Ленина, {k}");
                if let Some(p) = d.people.first_mut() {
                    p.notes = format!("заметка {k}");
                }
                if journal {
                    clients::save(&mut db, &actor, &d).expect("save");
                } else {
                    db.quietly(|db| clients::save(db, &actor, &d))
                        .expect("save");
                }
            })
        });
    }
    group.finish();
}

/// Process start to the first frame of the release binary, under a display (Xvfb) only.
fn startup(c: &mut Criterion, db: &std::path::Path) {
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!("startup: no DISPLAY, skipped (run under Xvfb to measure)");
        return;
    }
    let exe = env!("CARGO_BIN_EXE_vipdesk");
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("process start to first frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                use std::io::BufRead as _;
                let t0 = Instant::now();
                let mut child = std::process::Command::new(exe)
                    .arg("--db")
                    .arg(db)
                    .arg("--exit-after-first-frame")
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .expect("run");
                let stdout = child.stdout.take().expect("stdout");
                // The line is printed when the first frame is done: timed from the spawn.
                let seen = std::io::BufReader::new(stdout)
                    .lines()
                    .map_while(Result::ok)
                    .any(|l| l.starts_with("first_frame_ms"));
                total += t0.elapsed();
                assert!(seen, "the app printed its first frame time");
                let _ = child.wait();
            }
            total
        })
    });
    group.finish();
}

criterion_group! {
    name = bench;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(bench);
