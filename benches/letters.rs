//! Letters: producing a one-page letter with logo and signature (layout + PDF with subset
//! fonts), and a 500-letter mail merge.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use vipdesk::domain::{Actor, FixedClock};
use vipdesk::letters::compose::document_from;
use vipdesk::letters::{MergeJob, Reply, Selection, merge::merge, service};
use vipdesk::storage::Db;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn benches(c: &mut Criterion) {
    let mut db = Db::open_in_memory().expect("db");
    db.set_clock(std::sync::Arc::new(FixedClock::on(today())));
    vipdesk::demo::generate(&mut db, 8, 9, today()).expect("demo");
    let client = vipdesk::clients::service::list(&db).expect("clients")[0].id;
    let template = service::template(&db, "reply_appeal")
        .expect("q")
        .expect("template");
    let reply = Reply {
        number: "17".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        subject: "О перерасчёте".into(),
        ..Default::default()
    };
    let draft =
        service::draft_for(&db, client, None, &template, None, &reply, today()).expect("draft");
    let id = service::save_draft(&mut db, &Actor::SYSTEM, &draft).expect("save");
    let letter = service::register(&mut db, &Actor::SYSTEM, id).expect("register");
    let content = service::content(db.conn(), &letter).expect("content");
    assert!(content.company.logo_png.is_some() && content.signature_png.is_some());
    let bytes = service::pdf(db.conn(), &letter, db.today()).expect("pdf");
    eprintln!(
        "one-page letter with logo and signature: {} bytes",
        bytes.len()
    );

    c.bench_function("one-page letter: layout + PDF", |b| {
        b.iter(|| {
            let doc = document_from(&letter, &content, db.today());
            black_box(vipdesk::pdf::render_pdf(&doc).expect("pdf"))
        })
    });
    c.bench_function("one-page letter: layout only (preview)", |b| {
        b.iter(|| black_box(document_from(&letter, &content, db.today())))
    });

    let mut long = letter.clone();
    let para = "Сообщаем, что начисления по договору пересчитаны с учётом показаний.\n";
    long.body = para.repeat(100_000 / para.len() + 1);
    let long_content = service::content(db.conn(), &long).expect("content");
    c.bench_function("100 KB letter: layout + PDF", |b| {
        b.iter(|| {
            let doc = document_from(&long, &long_content, db.today());
            black_box(vipdesk::pdf::render_pdf(&doc).expect("pdf"))
        })
    });

    let mut group = c.benchmark_group("mail merge");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60));
    group.bench_function("500 letters, a PDF each", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("tmp");
                let mut db = Db::open(&dir.path().join("m.db")).expect("db");
                db.set_clock(std::sync::Arc::new(FixedClock::on(today())));
                vipdesk::demo::generate(&mut db, 500, 11, today()).expect("demo");
                (dir, db)
            },
            |(dir, mut db)| {
                let job = MergeJob {
                    template_code: "tariff_change".into(),
                    selection: Selection::All,
                    out_dir: dir.path().join("out"),
                    combined: false,
                    resume: false,
                    fields: vipdesk::letters::TemplateFields {
                        date: "01.01.2027".into(),
                        ..Default::default()
                    },
                    except: Vec::new(),
                    asked_at: None,
                };
                let r = merge(
                    &mut db,
                    &Actor::SYSTEM,
                    &job,
                    &|_, _| {},
                    &AtomicBool::new(false),
                )
                .expect("merge");
                assert_eq!(r.letters.len() + r.skipped.len(), 500);
                (dir, r)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = bench;
    config = Criterion::default().measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(bench);
