//! The window at department scale: each screen opened on the 5,000-client demo through the same
//! code the window runs (`App::open`, then frames of `App::ui_root` in a headless harness at
//! 1280×800), as the head of the group and as a manager; a scroll step, a full-text search, the
//! contact report built. A frame over 16 ms is a visible stutter; what takes longer than a frame
//! must not be done on a frame.
//!
//! The demo is made once into `target/bench-5000.db` (several minutes) or taken from
//! `VIPDESK_BENCH_DB`; each run works on a copy.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use vipdesk::domain::{FixedClock, Id, Role};
use vipdesk::storage::Db;
use vipdesk::ui::{App, Prefs, Route};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 7).expect("date")
}

/// The 5,000-client demo, made once.
fn demo_path() -> PathBuf {
    if let Ok(p) = std::env::var("VIPDESK_BENCH_DB") {
        return PathBuf::from(p);
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-5000.db");
    if !path.exists() {
        eprintln!("making the 5,000-client demo once: {}", path.display());
        let tmp = path.with_extension("making");
        let _ = std::fs::remove_file(&tmp);
        let mut db = Db::open(&tmp).expect("db");
        db.set_clock(std::sync::Arc::new(FixedClock::on(today())));
        vipdesk::demo::generate(&mut db, 5000, 1, today()).expect("demo");
        drop(db);
        std::fs::rename(&tmp, &path).expect("demo in place");
    }
    path
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(4)
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app)
}

/// The time to open `route` and draw its first frame, the screen left for `away` between.
fn open_and_frame(
    h: &mut Harness<'static, App>,
    route: Route,
    away: Route,
    iters: u64,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        h.state_mut().open(away).expect("away");
        h.step();
        let start = Instant::now();
        h.state_mut().open(route).expect("open");
        h.step();
        total += start.elapsed();
    }
    total
}

/// A screen that reads in the background, opened `runs` times, each time waiting for the read
/// to end (a read left running would take the CPU of the next turn): the times of the open and
/// first frame, of the read, and of the frame that takes the read's result, printed as
/// min / median / max (criterion would size its runs by the short frames alone and wait for
/// hundreds of reads).
fn open_in_background(h: &mut Harness<'static, App>, name: &str, route: Route, runs: usize) {
    let (mut first, mut read, mut taking) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        h.state_mut().open(Route::Trash).expect("away");
        h.step();
        let start = Instant::now();
        h.state_mut().open(route).expect("open");
        h.step();
        first.push(start.elapsed());
        while h.state().features.reading() {
            std::thread::sleep(Duration::from_millis(1));
        }
        read.push(start.elapsed());
        let start = Instant::now();
        h.step();
        taking.push(start.elapsed());
    }
    let spread = |v: &mut Vec<Duration>| {
        v.sort();
        format!("{:?} / {:?} / {:?}", v[0], v[v.len() / 2], v[v.len() - 1])
    };
    eprintln!(
        "{name}, read in the background ({runs} runs, min / median / max): open + first frame \
         {}; until the data came {}; the frame taking it {}",
        spread(&mut first),
        spread(&mut read),
        spread(&mut taking)
    );
}

fn wheel(h: &mut Harness<'static, App>) {
    h.hover_at(egui::pos2(700.0, 500.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
}

fn benches(c: &mut Criterion) {
    let source = demo_path();
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    std::fs::copy(&source, &path).expect("copy of the demo");
    let mut db = Db::open_existing(&path).expect("db");
    db.set_clock(std::sync::Arc::new(FixedClock::on(today())));
    let managers = vipdesk::admin::service::managers(&db).expect("managers");
    let id_of = |role: Role| -> Id {
        managers
            .iter()
            .find(|m| m.role == role)
            .and_then(|m| m.id)
            .expect("a manager of the role")
    };
    let (head, manager) = (id_of(Role::GroupHead), id_of(Role::Manager));
    let client = vipdesk::clients::service::list(&db).expect("clients")[0].id;

    let start = Instant::now();
    let mut app = App::with_reads(db, Prefs::default(), false).expect("app");
    app.set_user(Some(head)).expect("head");
    eprintln!("App::new and the head signed in: {:?}", start.elapsed());
    let mut h = harness(app);
    h.step();

    let mut g = c.benchmark_group("window, 5,000 clients");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    let screens = [
        ("«Сегодня», head", Route::Today, Route::Trash),
        ("«Клиенты»", Route::Clients, Route::Trash),
        (
            "a dossier",
            Route::Client(client, vipdesk::ui::clients::Tab::Enterprise),
            Route::Trash,
        ),
        ("«Обращения»", Route::Appeals, Route::Trash),
        ("«Подарки»", Route::Gifts, Route::Trash),
        ("«Поздравления»", Route::Greetings, Route::Trash),
        ("«Исходящие»", Route::Letters, Route::Trash),
        ("«Журнал изменений»", Route::Journal, Route::Trash),
        ("«Отчёт по контактам»", Route::ContactReport, Route::Trash),
        ("leaving «Подарки»", Route::Trash, Route::Gifts),
    ];
    for (name, route, away) in screens {
        g.bench_function(format!("open + first frame: {name}"), |b| {
            b.iter_custom(|n| open_and_frame(&mut h, route, away, n))
        });
    }
    for (name, route) in [
        ("«Сегодня», head", Route::Today),
        ("«Подарки»", Route::Gifts),
        ("«Обращения»", Route::Appeals),
        ("«Клиенты»", Route::Clients),
    ] {
        h.state_mut().open(route).expect("open");
        h.step();
        g.bench_function(format!("a frame: {name}"), |b| b.iter(|| h.step()));
        g.bench_function(format!("a scroll step: {name}"), |b| {
            b.iter(|| wheel(&mut h))
        });
    }
    // The full-text search of the register, as typed.
    h.state_mut().open(Route::Appeals).expect("open");
    h.step();
    g.bench_function("«Обращения»: full-text «пени»", |b| {
        b.iter(|| {
            h.state_mut().features.appeals.register.filter.text = "пени".into();
            h.state_mut().push(vipdesk::ui::appeals::Cmd::Filter);
            h.step();
            h.state_mut().features.appeals.register.filter.text.clear();
        })
    });
    // «Построить» in the contact report, the head's whole quarter.
    h.state_mut().open(Route::ContactReport).expect("open");
    h.step();
    g.bench_function(
        "«Отчёт по контактам»: «Построить», IV квартал",
        |b| {
            b.iter(|| {
                h.state_mut()
                    .push(vipdesk::ui::contacts::Cmd::Build("2026-Q4".into()));
                h.step();
            })
        },
    );
    // The window as it runs: the long reads off the UI thread, the frame meanwhile.
    let db2 = Db::open_existing(&path).expect("db");
    let mut app2 = App::new(db2, Prefs::default()).expect("app");
    app2.set_user(Some(head)).expect("head");
    let mut h2 = harness(app2);
    h2.step();
    for (name, route) in [
        ("«Сегодня», head", Route::Today),
        ("«Подарки»", Route::Gifts),
        ("«Поздравления»", Route::Greetings),
    ] {
        open_in_background(&mut h2, name, route, 8);
    }
    // A manager's own day.
    h.state_mut().set_user(Some(manager)).expect("manager");
    h.step();
    g.bench_function("open + first frame: «Сегодня», manager", |b| {
        b.iter_custom(|n| open_and_frame(&mut h, Route::Today, Route::Trash, n))
    });
    g.finish();
}

criterion_group! {
    name = bench;
    config = Criterion::default().warm_up_time(Duration::from_millis(500));
    targets = benches
}
criterion_main!(bench);
