//! Frames of the screens with hostile sizes: a letter of 100 KB in the editor (a frame while
//! it is shown, and a keystroke, which lays the preview out again) and a client list whose
//! names are 1,000 characters long. A frame over 16 ms is a visible stutter.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use vipdesk::domain::{Actor, FixedClock};
use vipdesk::letters::{Reply, service};
use vipdesk::storage::Db;
use vipdesk::ui::{App, Prefs, Route};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(4)
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app)
}

fn benches(c: &mut Criterion) {
    let mut db = Db::open_in_memory().expect("db");
    db.set_clock(std::sync::Arc::new(FixedClock::on(today())));
    vipdesk::demo::generate(&mut db, 200, 5, today()).expect("demo");
    let rows = vipdesk::clients::service::list(&db).expect("clients");
    // Every client's names 1,000 characters long.
    for (i, row) in rows.iter().enumerate() {
        let mut d = vipdesk::clients::service::open(&db, row.id).expect("dossier");
        let long = format!(
            "АО «Клиент {i}» {}",
            "очень длинное наименование ".repeat(40)
        );
        d.client.short_name = long
            .chars()
            .take(1000)
            .collect::<String>()
            .trim()
            .to_string();
        d.client.full_name = "Я".repeat(1000);
        vipdesk::clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("save");
    }
    let template = service::free_template(&db).expect("template");
    let mut letter = service::draft_for(
        &db,
        rows[0].id,
        None,
        &template,
        None,
        &Reply::default(),
        today(),
    )
    .expect("draft");
    let para = "Сообщаем, что начисления по договору пересчитаны с учётом показаний.\n";
    letter.body = para.repeat(100_000 / para.len() + 1);
    let id = service::save_draft(&mut db, &Actor::SYSTEM, &letter).expect("save");

    let mut app = App::with_reads(db, Prefs::default(), false).expect("app");
    app.open(Route::Letter(id)).expect("open");
    let mut h = harness(app);
    h.run();
    let mut group = c.benchmark_group("hostile sizes");
    group.bench_function("letter editor, 100 KB letter: a frame", |b| {
        b.iter(|| h.step())
    });
    group.bench_function(
        "letter editor, 100 KB letter: a keystroke (preview laid out again)",
        |b| {
            b.iter(|| {
                if let Some(e) = h.state_mut().features.letters.editor.as_mut() {
                    e.letter.body.push('.');
                }
                h.step();
            })
        },
    );
    h.state_mut().open(Route::Clients).expect("list");
    h.run();
    group.bench_function(
        "client list, 200 clients of 1,000-character names: a frame",
        |b| b.iter(|| h.step()),
    );
    group.finish();
}

criterion_group! {
    name = bench;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(bench);
