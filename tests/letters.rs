//! The outgoing register: numbers, freezing, versions, statuses; templates; the mail merge.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

mod common;

use std::sync::atomic::AtomicBool;

use vipdesk::clients;
use vipdesk::domain::Actor;
use vipdesk::letters::merge::merge;
use vipdesk::letters::service::{self, LetterError};
use vipdesk::letters::{
    LetterFilter, LetterStatus, MergeJob, Reply, Selection, SkipReason, Template,
};
use vipdesk::storage::Db;

const SYSTEM: Actor = Actor::SYSTEM;

fn demo_db(clients: usize) -> Db {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, clients, 5, common::today()).expect("demo");
    db
}

fn reply_template(db: &Db) -> Template {
    service::template(db, "reply_appeal")
        .expect("query")
        .expect("shipped template")
}

fn first_client(db: &Db) -> i64 {
    clients::service::list(db).expect("clients")[0].id
}

fn letters_count(db: &Db) -> usize {
    service::list(db, &Default::default()).expect("list").len()
}

fn new_draft(db: &mut Db, client: i64) -> i64 {
    let t = reply_template(db);
    let reply = Reply {
        number: "17".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        subject: "О перерасчёте".into(),
        ..Default::default()
    };
    let draft =
        service::draft_for(db, client, None, &t, None, &reply, common::today()).expect("draft");
    assert!(
        draft
            .body
            .contains("Ваше обращение от 20.11.2026 № 17 «О перерасчёте» рассмотрено"),
        "{}",
        draft.body
    );
    assert!(
        draft.salutation.starts_with("Уважаем"),
        "{}",
        draft.salutation
    );
    service::save_draft(db, &SYSTEM, &draft).expect("save")
}

#[test]
fn numbers_are_unique_and_increasing_even_across_deletion() {
    let mut db = demo_db(6);
    let before = letters_count(&db);
    let client = first_client(&db);
    let today = common::today();
    let a = new_draft(&mut db, client);
    let b = new_draft(&mut db, client);
    let c = new_draft(&mut db, client);
    let na = service::register(&mut db, &SYSTEM, a)
        .expect("register a")
        .number;
    let nb = service::register(&mut db, &SYSTEM, b)
        .expect("register b")
        .number;
    service::delete(&mut db, &SYSTEM, b).expect("delete b");
    let nc = service::register(&mut db, &SYSTEM, c)
        .expect("register c")
        .number;
    let seq = |n: &str| n.trim_start_matches("VIP-").parse::<i64>().expect("VIP-n");
    assert!(seq(&na) < seq(&nb) && seq(&nb) < seq(&nc), "{na} {nb} {nc}");
    assert_ne!(nc, nb, "a deleted letter's number is not given again");
    assert_eq!(letters_count(&db), before + 2);
    // Registered today by the clock.
    assert_eq!(service::open(&db, a).expect("letter").reg_date, Some(today));
    // The registered PDF is in the client's «Переписка и файлы».
    let l = service::open(&db, a).expect("letter");
    let record = l.record_id.expect("record of the PDF");
    assert!(
        clients::service::record_file(&db, record)
            .expect("pdf")
            .starts_with(b"%PDF")
    );
    let d = clients::service::open(&db, client).expect("dossier");
    assert!(
        d.records
            .iter()
            .any(|r| r.number == na && r.file_name.ends_with(".pdf"))
    );
}

/// A format without the year («VIP-{n}», the default) keeps numbers unique when the counter
/// starts again in January: the numbers of last year are skipped.
#[test]
fn a_new_year_never_repeats_a_number_of_the_last_one() {
    let (mut db, clock) = common::db();
    vipdesk::demo::generate(&mut db, 4, 5, common::today()).expect("demo");
    let client = first_client(&db);
    let mut numbers = std::collections::BTreeSet::new();
    for date in [
        common::d(2026, 12, 30),
        common::d(2027, 1, 11),
        common::d(2027, 1, 12),
    ] {
        clock.set_date(date);
        let id = new_draft(&mut db, client);
        let number = service::register(&mut db, &SYSTEM, id)
            .expect("register")
            .number;
        assert!(numbers.insert(number.clone()), "{number} given twice");
    }
    let all = service::list(&db, &Default::default()).expect("list");
    let registered: Vec<&str> = all
        .iter()
        .map(|r| r.letter.number.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    let unique: std::collections::BTreeSet<&str> = registered.iter().copied().collect();
    assert_eq!(unique.len(), registered.len());
}

#[test]
fn registered_text_is_frozen_and_a_correction_keeps_the_original() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    let id = new_draft(&mut db, client);
    let reg = service::register(&mut db, &SYSTEM, id).expect("register");
    let mut changed = reg.clone();
    changed.body = "Другой текст".into();
    assert!(matches!(
        service::save_draft(&mut db, &SYSTEM, &changed),
        Err(LetterError::Frozen(_))
    ));
    assert_eq!(service::open(&db, id).expect("letter").body, reg.body);
    // Registering twice is refused too.
    assert!(service::register(&mut db, &SYSTEM, id).is_err());

    let v2 = service::correct(&mut db, &SYSTEM, id).expect("correction");
    let mut new = service::open(&db, v2).expect("v2");
    assert_eq!(new.version_of, Some(id));
    assert_eq!(new.status, LetterStatus::Draft);
    new.body = "Исправленный текст".into();
    service::save_draft(&mut db, &SYSTEM, &new).expect("draft is editable");
    let old = service::open(&db, id).expect("v1");
    assert_eq!(old.body, reg.body);
    assert_eq!(old.number, reg.number);
}

#[test]
fn status_flows_to_delivered_in_order() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    let id = new_draft(&mut db, client);
    let today = common::today();
    assert!(
        service::advance(&mut db, &SYSTEM, id, LetterStatus::Printed, today, "").is_err(),
        "a draft is not printed"
    );
    service::register(&mut db, &SYSTEM, id).expect("register");
    assert!(
        service::advance(&mut db, &SYSTEM, id, LetterStatus::Delivered, today, "").is_err(),
        "no skipping"
    );
    service::advance(&mut db, &SYSTEM, id, LetterStatus::Printed, today, "").expect("printed");
    service::advance(&mut db, &SYSTEM, id, LetterStatus::Courier, today, "").expect("courier");
    service::advance(
        &mut db,
        &SYSTEM,
        id,
        LetterStatus::Delivered,
        today,
        "секретарь Иванова",
    )
    .expect("delivered");
    let l = service::open(&db, id).expect("letter");
    assert_eq!(l.status, LetterStatus::Delivered);
    assert_eq!(l.delivered_at, Some(today));
    assert_eq!(l.received_by, "секретарь Иванова");
}

#[test]
fn an_unknown_placeholder_produces_no_letter() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    let bad = Template {
        code: "bad".into(),
        title: "Плохой".into(),
        heading: "Тема".into(),
        body: "Строка\n{{ client.nmae }}".into(),
        id: None,
    };
    let before = letters_count(&db);
    let err = service::draft_for(
        &db,
        client,
        None,
        &bad,
        None,
        &Reply::default(),
        common::today(),
    )
    .expect_err("unknown placeholder");
    let message = vipdesk::i18n::describe(&err);
    assert!(
        message.contains("строка 2") && message.contains("client.nmae"),
        "{message}"
    );
    // A template that does not render is not saved either.
    assert!(service::save_template(&mut db, &SYSTEM, &bad).is_err());
    // Put in behind the service's back, it stops the merge before any letter.
    db.conn()
        .execute(
            "INSERT INTO templates (uuid, created_at, updated_at, code, title, heading, body) \
             VALUES ('u-bad', '', '', ?1, ?2, ?3, ?4)",
            [&bad.code, &bad.title, &bad.heading, &bad.body],
        )
        .expect("insert");
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "bad".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        resume: false,
    };
    assert!(merge(&mut db, &SYSTEM, &job, &|_, _| {}, &AtomicBool::new(false)).is_err());
    assert_eq!(letters_count(&db), before);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "no PDF written"
    );
}

#[test]
fn merge_over_fifty_clients_writes_a_pdf_each_or_names_the_skip() {
    let mut db = demo_db(50);
    // One client without anyone to address the letter to.
    let first = first_client(&db);
    let mut d = clients::service::open(&db, first).expect("dossier");
    d.people.clear();
    clients::service::save(&mut db, &SYSTEM, &d).expect("save");
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        resume: false,
    };
    let done = std::cell::Cell::new(0);
    let report = merge(
        &mut db,
        &SYSTEM,
        &job,
        &|k, _| done.set(k),
        &AtomicBool::new(false),
    )
    .expect("merge");
    let total = report.letters.len() + report.skipped.len();
    assert_eq!(total, 50);
    assert_eq!(done.get(), 50);
    assert_eq!(report.files.len(), report.letters.len());
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].1, SkipReason::NoAddressee);
    assert_eq!(report.letters.len(), 49);
    for f in &report.files {
        assert!(std::fs::read(f).expect("pdf").starts_with(b"%PDF"));
    }
    // A cancelled merge stops at once.
    let cancel = AtomicBool::new(true);
    let r = merge(&mut db, &SYSTEM, &job, &|_, _| {}, &cancel).expect("merge");
    assert!(r.cancelled && r.letters.is_empty());
}

#[test]
fn courier_sheet_lists_the_letters_handed_over() {
    let mut db = demo_db(40);
    let filter = LetterFilter {
        status: Some(LetterStatus::Courier),
        ..Default::default()
    };
    let mut rows = service::list(&db, &filter).expect("list");
    if rows.is_empty() {
        let client = first_client(&db);
        let id = new_draft(&mut db, client);
        service::register(&mut db, &SYSTEM, id).expect("register");
        service::advance(
            &mut db,
            &SYSTEM,
            id,
            LetterStatus::Printed,
            common::today(),
            "",
        )
        .expect("printed");
        service::advance(
            &mut db,
            &SYSTEM,
            id,
            LetterStatus::Courier,
            common::today(),
            "",
        )
        .expect("courier");
        rows = service::list(&db, &filter).expect("list");
    }
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("sheet.pdf");
    let n = service::courier_sheet(
        &db,
        &LetterFilter::default(),
        "Петрова А.С.",
        common::today(),
        &path,
    )
    .expect("sheet");
    assert_eq!(n, rows.len());
    let bytes = std::fs::read(&path).expect("pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("pdf");
    let text: String = doc
        .get_pages()
        .keys()
        .map(|p| doc.extract_text(&[*p]).expect("text"))
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Реестр передачи корреспонденции курьеру"),
        "{text}"
    );
    assert!(text.contains("Подпись получателя"));
    for r in &rows {
        assert!(
            text.contains(&r.letter.number),
            "{} missing",
            r.letter.number
        );
    }
    assert!(text.contains(&format!("Всего писем: {}", rows.len())));
}

/// A letter status this version does not know (a newer version's, or damage) is an error when
/// read, never quietly «черновик».
#[test]
fn an_unknown_letter_status_is_an_error_when_read() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    let id = new_draft(&mut db, client);
    db.conn()
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON; \
             UPDATE letters SET status = 'lost' WHERE id = {id}; \
             PRAGMA ignore_check_constraints = OFF;"
        ))
        .expect("a newer version's status");
    for err in [
        service::open(&db, id).expect_err("one letter"),
        service::list(&db, &LetterFilter::default()).expect_err("the register"),
    ] {
        assert!(
            matches!(&err, vipdesk::storage::StorageError::UnknownCode(c)
                if c.code == "lost" && c.what == "letter status"),
            "{err:?}"
        );
    }
}
