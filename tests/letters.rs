//! The outgoing register: numbers, freezing, versions, statuses; templates; the mail merge.

mod common;

use std::sync::atomic::AtomicBool;

use vipdesk::domain::letter::{LetterStatus, Template};
use vipdesk::letters::{self, MergeJob, Reply, Selection};
use vipdesk::storage::{self, Db, StorageError};

fn demo_db(clients: usize) -> Db {
    let mut db = Db::open_in_memory().expect("db");
    vipdesk::demo::generate(&mut db, clients, 5, common::today()).expect("demo");
    db
}

fn reply_template(db: &Db) -> Template {
    storage::get_template(db.conn(), "reply_appeal")
        .expect("query")
        .expect("shipped template")
}

fn new_draft(db: &mut Db, client: i64) -> i64 {
    let t = reply_template(db);
    let reply = Reply {
        number: "17".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        subject: "О перерасчёте".into(),
    };
    let draft =
        letters::draft_from_template(db.conn(), client, None, &t, None, &reply, common::today())
            .expect("draft");
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
    storage::save_draft(db, &draft, None).expect("save")
}

#[test]
fn numbers_are_unique_and_increasing_even_across_deletion() {
    let mut db = demo_db(6);
    let before = storage::list_letters(db.conn(), &Default::default())
        .expect("list")
        .len();
    let client = storage::list_clients(db.conn()).expect("clients")[0].id;
    let today = common::today();
    let a = new_draft(&mut db, client);
    let b = new_draft(&mut db, client);
    let c = new_draft(&mut db, client);
    let na = letters::register_letter(&mut db, a, today, None)
        .expect("register a")
        .number;
    let nb = letters::register_letter(&mut db, b, today, None)
        .expect("register b")
        .number;
    storage::delete_letter(&mut db, b, None).expect("delete b");
    let nc = letters::register_letter(&mut db, c, today, None)
        .expect("register c")
        .number;
    let seq = |n: &str| n.trim_start_matches("VIP-").parse::<i64>().expect("VIP-n");
    assert!(seq(&na) < seq(&nb) && seq(&nb) < seq(&nc), "{na} {nb} {nc}");
    assert_ne!(nc, nb, "a deleted letter's number is not given again");
    let rows = storage::list_letters(db.conn(), &Default::default()).expect("list");
    assert_eq!(rows.len(), before + 2);
    // The registered PDF is in the client's «Переписка и файлы».
    let l = storage::get_letter(db.conn(), a).expect("letter");
    let record = l.record_id.expect("record of the PDF");
    assert!(
        storage::record_file(db.conn(), record)
            .expect("pdf")
            .starts_with(b"%PDF")
    );
    let d = storage::load_dossier(db.conn(), client).expect("dossier");
    assert!(
        d.records
            .iter()
            .any(|r| r.number == na && r.file_name.ends_with(".pdf"))
    );
}

#[test]
fn registered_text_is_frozen_and_a_correction_keeps_the_original() {
    let mut db = demo_db(4);
    let client = storage::list_clients(db.conn()).expect("clients")[0].id;
    let id = new_draft(&mut db, client);
    let reg = letters::register_letter(&mut db, id, common::today(), None).expect("register");
    let mut changed = reg.clone();
    changed.body = "Другой текст".into();
    assert!(matches!(
        storage::save_draft(&mut db, &changed, None),
        Err(StorageError::Frozen(_))
    ));
    assert_eq!(
        storage::get_letter(db.conn(), id).expect("letter").body,
        reg.body
    );
    // Registering twice is refused too.
    assert!(letters::register_letter(&mut db, id, common::today(), None).is_err());

    let v2 = storage::correct_letter(&mut db, id, None).expect("correction");
    let mut new = storage::get_letter(db.conn(), v2).expect("v2");
    assert_eq!(new.version_of, Some(id));
    assert_eq!(new.status, LetterStatus::Draft);
    new.body = "Исправленный текст".into();
    storage::save_draft(&mut db, &new, None).expect("draft is editable");
    let old = storage::get_letter(db.conn(), id).expect("v1");
    assert_eq!(old.body, reg.body);
    assert_eq!(old.number, reg.number);
}

#[test]
fn status_flows_to_delivered_in_order() {
    let mut db = demo_db(4);
    let client = storage::list_clients(db.conn()).expect("clients")[0].id;
    let id = new_draft(&mut db, client);
    let today = common::today();
    assert!(
        storage::advance_status(&mut db, id, LetterStatus::Printed, today, "", None).is_err(),
        "a draft is not printed"
    );
    letters::register_letter(&mut db, id, today, None).expect("register");
    assert!(
        storage::advance_status(&mut db, id, LetterStatus::Delivered, today, "", None).is_err(),
        "no skipping"
    );
    storage::advance_status(&mut db, id, LetterStatus::Printed, today, "", None).expect("printed");
    storage::advance_status(&mut db, id, LetterStatus::Courier, today, "", None).expect("courier");
    storage::advance_status(
        &mut db,
        id,
        LetterStatus::Delivered,
        today,
        "секретарь Иванова",
        None,
    )
    .expect("delivered");
    let l = storage::get_letter(db.conn(), id).expect("letter");
    assert_eq!(l.status, LetterStatus::Delivered);
    assert_eq!(l.delivered_at, Some(today));
    assert_eq!(l.received_by, "секретарь Иванова");
}

#[test]
fn an_unknown_placeholder_produces_no_letter() {
    let mut db = demo_db(4);
    let client = storage::list_clients(db.conn()).expect("clients")[0].id;
    let bad = Template {
        code: "bad".into(),
        title: "Плохой".into(),
        heading: "Тема".into(),
        body: "Строка\n{{ client.nmae }}".into(),
        id: None,
    };
    let before = storage::list_letters(db.conn(), &Default::default())
        .expect("list")
        .len();
    let err = letters::draft_from_template(
        db.conn(),
        client,
        None,
        &bad,
        None,
        &Reply::default(),
        common::today(),
    )
    .expect_err("unknown placeholder");
    assert!(
        err.to_string().contains("строка 2") && err.to_string().contains("client.nmae"),
        "{err}"
    );
    storage::save_template(&mut db, &bad, None).expect("save template");
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "bad".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        today: common::today(),
        author: None,
    };
    assert!(letters::merge(&mut db, &job, &|_, _| {}, &AtomicBool::new(false)).is_err());
    assert_eq!(
        storage::list_letters(db.conn(), &Default::default())
            .expect("list")
            .len(),
        before
    );
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
    let first = storage::list_clients(db.conn()).expect("clients")[0].id;
    let mut d = storage::load_dossier(db.conn(), first).expect("dossier");
    d.people.clear();
    storage::save_dossier(&mut db, &d, None).expect("save");
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        today: common::today(),
        author: None,
    };
    let done = std::cell::Cell::new(0);
    let report =
        letters::merge(&mut db, &job, &|k, _| done.set(k), &AtomicBool::new(false)).expect("merge");
    let total = report.letters.len() + report.skipped.len();
    assert_eq!(total, 50);
    assert_eq!(done.get(), 50);
    assert_eq!(report.files.len(), report.letters.len());
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].1.contains("нет руководителя"));
    assert_eq!(report.letters.len(), 49);
    for f in &report.files {
        assert!(std::fs::read(f).expect("pdf").starts_with(b"%PDF"));
    }
    // A cancelled merge stops at once.
    let cancel = AtomicBool::new(true);
    let r = letters::merge(&mut db, &job, &|_, _| {}, &cancel).expect("merge");
    assert!(r.cancelled && r.letters.is_empty());
}

#[test]
fn courier_sheet_lists_the_letters_handed_over() {
    let mut db = demo_db(40);
    let filter = storage::LetterFilter {
        status: Some(LetterStatus::Courier),
        ..Default::default()
    };
    let mut rows = storage::list_letters(db.conn(), &filter).expect("list");
    if rows.is_empty() {
        let client = storage::list_clients(db.conn()).expect("clients")[0].id;
        let id = new_draft(&mut db, client);
        letters::register_letter(&mut db, id, common::today(), None).expect("register");
        storage::advance_status(
            &mut db,
            id,
            LetterStatus::Printed,
            common::today(),
            "",
            None,
        )
        .expect("printed");
        storage::advance_status(
            &mut db,
            id,
            LetterStatus::Courier,
            common::today(),
            "",
            None,
        )
        .expect("courier");
        rows = storage::list_letters(db.conn(), &filter).expect("list");
    }
    let company = storage::load_company(db.conn()).expect("company");
    let bytes =
        letters::courier_sheet(&rows, &company, "Петрова А.С.", common::today()).expect("sheet");
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
