//! The outgoing register: numbers, freezing, versions, statuses; templates; the mail merge.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

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
        answer: "Перерасчёт выполнен.".into(),
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
        fields: common::tariff_fields(),
        except: Vec::new(),
        asked_at: None,
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
        fields: common::tariff_fields(),
        except: Vec::new(),
        asked_at: None,
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

/// A resumed merge writes the values it began with: left out, they are taken from it; other
/// values are refused, so that the letters of one merge say the same.
#[test]
fn a_resumed_merge_keeps_the_values_it_began_with() {
    let mut db = demo_db(8);
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        resume: false,
        fields: common::tariff_fields(),
        except: Vec::new(),
        asked_at: None,
    };
    let cancel = AtomicBool::new(false);
    let stop_after_two = |done: usize, _| {
        if done >= 2 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let first = merge(&mut db, &SYSTEM, &job, &stop_after_two, &cancel).expect("stopped");
    assert!(first.cancelled);
    let began = job.fields.date.clone();
    let mut other = job.fields.clone();
    other.date = "01.02.2027".into();
    assert_ne!(other.date, began);
    let go = |db: &mut vipdesk::storage::Db, fields: vipdesk::letters::TemplateFields| {
        let resume = MergeJob {
            resume: true,
            fields,
            ..job.clone()
        };
        merge(db, &SYSTEM, &resume, &|_, _| {}, &AtomicBool::new(false))
    };
    let refused = go(&mut db, other).expect_err("another date");
    assert!(
        matches!(refused, LetterError::ResumeFields(vipdesk::letters::TemplateField::Date, ref was) if *was == began),
        "{refused:?}"
    );
    let said = vipdesk::i18n::describe(&refused);
    assert!(said.contains(&began), "{said}");
    let rest = go(&mut db, Default::default()).expect("resumed with what it began with");
    assert!(!rest.letters.is_empty());
    // Finished: nothing to resume, said as such (not «the template asks for the date»).
    let done = go(&mut db, Default::default()).expect_err("finished");
    assert!(matches!(done, LetterError::NothingToResume), "{done:?}");
    for id in first.letters.iter().chain(&rest.letters) {
        let letter = vipdesk::letters::service::open(&db, *id).expect("letter");
        assert!(letter.body.contains(&began), "letter {id}: {}", letter.body);
    }
}

/// Clients left out of a merge get no letter, and its continuation leaves them out too.
#[test]
fn a_merge_leaves_out_the_clients_excepted_and_so_does_its_resume() {
    let mut db = demo_db(12);
    let dir = tempfile::tempdir().expect("tmp");
    let rows = clients::service::list(&db).expect("clients");
    let except = vec![rows[0].id, rows[1].id];
    let job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        resume: false,
        fields: common::tariff_fields(),
        except: except.clone(),
        asked_at: None,
    };
    let cancel = AtomicBool::new(false);
    let stop_after_two = |done: usize, _| {
        if done >= 2 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let first = merge(&mut db, &SYSTEM, &job, &stop_after_two, &cancel).expect("stopped");
    assert!(first.cancelled);
    // Resumed without naming them again: they stay out.
    let resume = MergeJob {
        resume: true,
        except: Vec::new(),
        asked_at: None,
        ..job.clone()
    };
    let rest = merge(
        &mut db,
        &SYSTEM,
        &resume,
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .expect("resumed");
    assert_eq!(rest.already, 2);
    let done = first.letters.len() + first.skipped.len() + rest.letters.len() + rest.skipped.len();
    assert_eq!(done, rows.len() - 2);
    let written: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM letters WHERE merge_id IS NOT NULL AND client_id IN (?1, ?2)",
            [except[0], except[1]],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(written, 0);
}

/// An unknown client to leave out is refused (a typo would leave out nobody); clients to
/// leave out are not given to a resume; a merge run again the same day is counted for the
/// warning.
#[test]
fn a_merges_guards_name_what_is_wrong() {
    let mut db = demo_db(12);
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        resume: false,
        fields: common::tariff_fields(),
        except: vec![99_999],
        asked_at: None,
    };
    let run =
        |db: &mut Db, job: &MergeJob| merge(db, &SYSTEM, job, &|_, _| {}, &AtomicBool::new(false));
    let err = run(&mut db, &job).expect_err("unknown id");
    assert!(
        matches!(err, LetterError::NotInSelection(99_999)),
        "{err:?}"
    );
    assert!(
        !dir.path().read_dir().expect("dir").any(|_| true),
        "nothing made"
    );
    let resume = MergeJob {
        resume: true,
        except: vec![1],
        ..job.clone()
    };
    assert!(matches!(
        run(&mut db, &resume),
        Err(LetterError::ExceptOnResume)
    ));
    let fresh = MergeJob {
        except: Vec::new(),
        ..job.clone()
    };
    assert_eq!(
        vipdesk::letters::merge::sent_today(&db, &fresh).expect("n"),
        0
    );
    let done = run(&mut db, &fresh).expect("merge");
    assert_eq!(
        vipdesk::letters::merge::sent_today(&db, &fresh).expect("n"),
        done.letters.len()
    );
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

// ---- Issue 10: letters a Russian office sends unchanged ----

fn draft_with_body(db: &mut Db, client: i64, body: &str) -> i64 {
    let t = reply_template(db);
    let mut draft = service::draft_for(
        db,
        client,
        None,
        &t,
        None,
        &Reply::default(),
        common::today(),
    )
    .expect("draft");
    draft.body = body.into();
    service::save_draft(db, &SYSTEM, &draft).expect("save")
}

#[test]
fn a_blank_or_an_unfilled_placeholder_is_refused_at_registration() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    for (body, named) in [
        (
            "Тарифы меняются с 01.__.____ по решению комиссии.",
            "01.__.____",
        ),
        ("Встреча состоится в __:__ в офисе.", "__:__"),
        ("Ваш ИНН {{ client.inn }} проверен.", "{{ client.inn }}"),
    ] {
        let id = draft_with_body(&mut db, client, body);
        let err = service::register(&mut db, &SYSTEM, id).expect_err(body);
        assert!(
            matches!(&err, LetterError::Blank(b) if b == named),
            "{body}: {err:?}"
        );
        let message = vipdesk::i18n::describe(&err);
        assert!(
            message.contains(named) && message.contains("пропуск"),
            "{message}"
        );
        assert_eq!(
            service::open(&db, id).expect("open").status,
            LetterStatus::Draft
        );
    }
    // Underscores as a word's part are a blank too; a filled text registers.
    let id = draft_with_body(&mut db, client, "Тарифы меняются с 01.01.2027.");
    service::register(&mut db, &SYSTEM, id).expect("a filled letter registers");
}

#[test]
fn a_merge_refuses_a_template_field_left_empty_and_fills_it_when_given() {
    let mut db = demo_db(6);
    let before = letters_count(&db);
    let dir = tempfile::tempdir().expect("tmp");
    let mut job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: false,
        resume: false,
        fields: Default::default(),
        except: Vec::new(),
        asked_at: None,
    };
    let err = merge(&mut db, &SYSTEM, &job, &|_, _| {}, &AtomicBool::new(false))
        .expect_err("no date given");
    assert!(
        matches!(
            err,
            LetterError::FieldMissing(vipdesk::letters::TemplateField::Date)
        ),
        "{err:?}"
    );
    assert!(vipdesk::i18n::describe(&err).contains("--date"));
    assert_eq!(letters_count(&db), before, "nothing registered");
    // Nor an empty template, nor one that answers an appeal (a merge has no appeal).
    for (code, expected) in [
        ("free", "нет текста"),
        ("reply_appeal", "карточки обращения"),
    ] {
        let other = MergeJob {
            template_code: code.into(),
            fields: common::tariff_fields(),
            ..job.clone()
        };
        let err = merge(
            &mut db,
            &SYSTEM,
            &other,
            &|_, _| {},
            &AtomicBool::new(false),
        )
        .expect_err(code);
        assert!(vipdesk::i18n::describe(&err).contains(expected), "{err:?}");
    }
    assert_eq!(letters_count(&db), before, "nothing registered");
    job.fields = common::tariff_fields();
    let report = merge(&mut db, &SYSTEM, &job, &|_, _| {}, &AtomicBool::new(false)).expect("merge");
    assert!(!report.letters.is_empty());
    for id in &report.letters {
        let l = service::open(&db, *id).expect("letter");
        assert!(l.body.contains("с 01.01.2027 тарифов"), "{}", l.body);
        assert!(vipdesk::letters::compose::find_blank(&l).is_none());
    }
    // Files are named with the number and the client.
    let names: Vec<String> = report
        .files
        .iter()
        .map(|f| f.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    let first = service::open(&db, report.letters[0]).expect("letter");
    let client = clients::service::open(&db, first.client_id)
        .expect("dossier")
        .client
        .short_name;
    let expected = format!(
        "Исх_{}_{}.pdf",
        first.number,
        client.replace(['«', '»'], "").replace(' ', "_")
    );
    assert!(names.contains(&expected), "{expected} not in {names:?}");
}

#[test]
fn a_draft_says_project_and_carries_no_facsimile() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    let id = draft_with_body(&mut db, client, "Текст письма.");
    let images = |doc: &vipdesk::pdf::Document| {
        doc.pages
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| matches!(i, vipdesk::pdf::Item::Image { y, .. } if *y > 200.0))
            .count()
    };
    let draft = service::open(&db, id).expect("draft");
    assert!(draft.signature_image, "the facsimile is asked for");
    let doc = service::document(db.conn(), &draft, db.today()).expect("layout");
    assert!(doc.text().contains("ПРОЕКТ"));
    assert_eq!(images(&doc), 0, "a draft is not signed");
    let registered = service::register(&mut db, &SYSTEM, id).expect("register");
    let doc = service::document(db.conn(), &registered, db.today()).expect("layout");
    assert!(!doc.text().contains("ПРОЕКТ"));
    assert_eq!(images(&doc), 1, "a registered letter carries the signature");
}

#[test]
fn addressees_of_every_client_kind() {
    use vipdesk::clients::{ClientKind, Dossier};
    use vipdesk::letters::compose::addressee_lines;
    let mut db = demo_db(20);
    let rows = clients::service::list(&db).expect("clients");
    let mut entrepreneurs = 0;
    for row in &rows {
        let d = clients::service::open(&db, row.id).expect("dossier");
        if d.client.kind != ClientKind::Entrepreneur {
            continue;
        }
        entrepreneurs += 1;
        assert!(
            d.people
                .iter()
                .all(|p| !p.position.contains("Генеральный директор")),
            "an entrepreneur with a general director: {:?}",
            d.people.iter().map(|p| &p.position).collect::<Vec<_>>()
        );
        let head = vipdesk::letters::compose::main_addressee(&d).expect("the entrepreneur");
        let lines = addressee_lines(&d, head);
        assert_eq!(lines[0], "Индивидуальному предпринимателю", "{lines:?}");
        let expected = vipdesk::domain::names::initials_surname_dative(
            &head.surname,
            &head.name,
            &head.patronymic,
            vipdesk::domain::names::Gender::Male,
        );
        assert_eq!(lines[1], expected);
        assert!(!lines.join(" ").contains("ИП "), "{lines:?}");
    }
    assert!(entrepreneurs > 0, "the demo has entrepreneurs");
    // A citizen: the name and the address only.
    let mut d = Dossier::default();
    d.client.kind = ClientKind::Individual;
    d.client.short_name = "Соколов Игорь Андреевич".into();
    d.client.postal_address = "302028, г. Орёл, ул. Ленина, д. 1, кв. 5".into();
    d.people.push(vipdesk::clients::Person {
        surname: "Соколов".into(),
        name: "Игорь".into(),
        patronymic: "Андреевич".into(),
        ..Default::default()
    });
    let id = clients::service::save(&mut db, &SYSTEM, &d).expect("citizen");
    let d = clients::service::open(&db, id).expect("dossier");
    assert_eq!(
        addressee_lines(&d, &d.people[0]),
        vec![
            "И.А.\u{a0}Соколову".to_string(),
            "302028, г. Орёл, ул. Ленина, д. 1, кв. 5".to_string()
        ]
    );
}

#[test]
fn the_managers_name_is_declined_in_the_shipped_templates() {
    let mut db = demo_db(4);
    let client = first_client(&db);
    let d = clients::service::open(&db, client).expect("dossier");
    let m =
        vipdesk::admin::service::manager(&db, d.client.manager_id.expect("manager")).expect("m");
    let gender =
        vipdesk::domain::names::detect_gender(&m.surname, &m.name, &m.patronymic).expect("gender");
    let case = |c| {
        vipdesk::domain::names::initials_surname_in(&m.surname, &m.name, &m.patronymic, gender, c)
    };
    use vipdesk::domain::names::NameCase;
    let invitation = service::template(&db, "meeting_invitation")
        .expect("q")
        .expect("t");
    let reply = Reply {
        fields: vipdesk::letters::TemplateFields {
            date: "15.12.2026".into(),
            time: "10:00".into(),
            service: "персональный расчёт тарифа".into(),
            ..Default::default()
        },
        answer: "Перерасчёт выполнен.".into(),
        ..Default::default()
    };
    let l = service::draft_for(
        &db,
        client,
        None,
        &invitation,
        None,
        &reply,
        common::today(),
    )
    .expect("draft");
    assert!(
        l.body.contains(&format!(
            "персональному менеджеру {}",
            case(NameCase::Dative)
        )),
        "{}",
        l.body
    );
    assert!(
        l.body
            .contains("Приглашаем Вас 15.12.2026 в 10:00 на рабочую встречу"),
        "{}",
        l.body
    );
    assert!(
        !l.body.contains(&m.full_name()),
        "the nominative full name: {}",
        l.body
    );
    let notice = service::template(&db, "appeal_registered")
        .expect("q")
        .expect("t");
    let l = service::draft_for(
        &db,
        client,
        None,
        &notice,
        None,
        &Reply::default(),
        common::today(),
    )
    .expect("draft");
    assert!(
        l.body.contains(&format!(
            "у Вашего персонального менеджера {}",
            case(NameCase::Genitive)
        )),
        "{}",
        l.body
    );
    // Every shipped template renders without a blank once its fields are given.
    for t in service::templates(&db).expect("templates") {
        let l = service::draft_for(&db, client, None, &t, None, &reply, common::today())
            .expect("draft");
        assert_eq!(
            vipdesk::letters::compose::find_blank(&l),
            None,
            "{}",
            t.code
        );
        let _ = &mut db;
    }
}

/// Every letter of the demo: no justified line gapes over 0.9 em, no line ends with a
/// one-letter word or an abbreviation that belongs to the next word, the executor's Orel
/// phone is written by its area code.
#[test]
fn demo_letters_are_set_as_an_office_sets_them() {
    let db = demo_db(48);
    let rows = service::list(&db, &LetterFilter::default()).expect("letters");
    assert!(rows.len() > 10);
    let mut widest: f32 = 0.0;
    for r in &rows {
        let doc = service::document(db.conn(), &r.letter, db.today()).expect("layout");
        for page in &doc.pages {
            for item in &page.items {
                let vipdesk::pdf::Item::Text(run) = item else {
                    continue;
                };
                widest = widest.max(vipdesk::pdf::layout::gap_em(run));
                let last = run.text.rsplit(' ').next().unwrap_or_default();
                let one_letter = last.chars().count() == 1 && last.chars().all(char::is_alphabetic);
                assert!(
                    !one_letter && !["ул.", "д.", "тел.", "г.", "e-mail:"].contains(&last),
                    "a line ends with «{last}»: {}",
                    run.text
                );
            }
        }
        // A registered letter of the demo went out as it is: no blank, no template's stub.
        if r.letter.status != LetterStatus::Draft {
            assert_eq!(vipdesk::letters::compose::find_blank(&r.letter), None);
            assert!(
                !r.letter.body.contains("сообщаем следующее.")
                    || vipdesk::words::demo::DEMO_APPEALS
                        .iter()
                        .any(|f| r.letter.body.contains(f.3)),
                "{} has no answer",
                r.letter.number
            );
        }
        let text = doc.text();
        if text.contains("44-02-0") {
            assert!(text.contains("+7\u{a0}(4862)\u{a0}44-02-0"), "{text}");
        }
    }
    assert!(widest <= 0.9 + 1e-3, "the widest gap is {widest:.2} em");
    eprintln!("widest word gap of the demo letters: {widest:.3} em");
    let (_, flush_left) = setting(
        rows.iter()
            .map(|r| service::document(db.conn(), &r.letter, db.today()).expect("layout")),
    );
    // An appeal's letter carries the client's own words (a subject, a number): where a line
    // cannot be filled without gaping, it stands flush left — rarely.
    eprintln!(
        "lines flush left in a paragraph: {} over {} demo letters {flush_left:?}",
        flush_left.len(),
        rows.len()
    );
    assert!(flush_left.len() * 50 <= rows.len(), "{flush_left:?}");
}

/// The widest word gap of the documents, in ems, and the lines set flush left short of the
/// margin inside a justified paragraph (a body line followed, a line below, by one that
/// continues the paragraph).
fn setting(docs: impl Iterator<Item = vipdesk::pdf::Document>) -> (f32, Vec<String>) {
    use vipdesk::pdf::letter::{LEFT, RIGHT};
    let mut widest: f32 = 0.0;
    let mut flush_left = Vec::new();
    for doc in docs {
        for page in &doc.pages {
            let body: Vec<&vipdesk::pdf::TextRun> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    vipdesk::pdf::Item::Text(r)
                        if r.style == vipdesk::pdf::layout::Style::regular(13.0) =>
                    {
                        Some(r)
                    }
                    _ => None,
                })
                .collect();
            // The body ends where the closing begins (the signer's position is set flush left).
            let end = body
                .iter()
                .position(|r| {
                    r.text.starts_with("С\u{a0}уважением") || r.text.starts_with("С уважением")
                })
                .unwrap_or(body.len());
            let body = &body[..end];
            for (k, run) in body.iter().enumerate() {
                widest = widest.max(vipdesk::pdf::layout::gap_em(run));
                let Some(next) = body.get(k + 1) else {
                    continue;
                };
                let below = (next.y - run.y - run.style.line_height()).abs() < 0.5;
                let continues = (next.x - LEFT).abs() < 0.5;
                let short = doc.width - RIGHT - (run.x + run.width());
                if below && continues && short > 1.0 {
                    flush_left.push(format!(
                        "{:.0} mm short: {} / {}",
                        short / vipdesk::pdf::layout::MM,
                        run.text,
                        next.text
                    ));
                }
            }
        }
    }
    (widest, flush_left)
}

/// Issue 22 points 3 and 4: every shipped template drafted to every client of the demo, as a
/// merge to all clients makes them — every line of a paragraph but its last reaches the margin
/// and no gap is wider than 0.9 em.
#[test]
fn every_template_to_every_client_is_justified_to_the_margin() {
    let db = demo_db(48);
    let reply = Reply {
        number: "17".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        subject: "О перерасчёте за октябрь".into(),
        due_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 21),
        registered_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        extension_reason: "запрошены сведения у сетевой организации".into(),
        answer: "Перерасчёт выполнен и учтён в счёте за ноябрь.".into(),
        fields: vipdesk::letters::TemplateFields {
            date: "01.01.2027".into(),
            time: "10:00".into(),
            amount: "12 345,67".into(),
            service: "персональный расчёт тарифа".into(),
        },
    };
    let templates = service::templates(&db).expect("templates");
    let clients = clients::service::list(&db).expect("clients");
    let mut docs = Vec::new();
    for t in &templates {
        for c in &clients {
            let Ok(l) = service::draft_for(&db, c.id, None, t, None, &reply, common::today())
            else {
                continue;
            };
            docs.push(service::document(db.conn(), &l, db.today()).expect("layout"));
        }
    }
    assert!(docs.len() >= templates.len() * 40, "{} letters", docs.len());
    let count = docs.len();
    let (widest, flush_left) = setting(docs.into_iter());
    eprintln!(
        "{count} letters: widest word gap {widest:.3} em, {} lines flush left",
        flush_left.len()
    );
    assert!(widest <= 0.9 + 1e-3, "the widest gap is {widest:.2} em");
    assert_eq!(
        flush_left,
        Vec::<String>::new(),
        "lines flush left in a paragraph"
    );
}

/// The template editor's field picker offers only fields a template knows, and every field
/// the manager fills in or whose case matters.
#[test]
fn the_field_picker_lists_known_fields() {
    let known = vipdesk::letters::template::known_placeholders();
    for (name, _) in vipdesk::words::TEMPLATE_FIELD_LABELS {
        assert!(known.contains(name), "{name} is not a field");
    }
    for must in [
        "fields.date",
        "fields.time",
        "fields.amount",
        "manager.name_genitive",
        "manager.name_dative",
        "manager.name_instrumental",
    ] {
        assert!(
            vipdesk::words::TEMPLATE_FIELD_LABELS
                .iter()
                .any(|(n, _)| *n == must),
            "{must} missing from the picker"
        );
    }
}

/// Issue 22 point 4: the new-service notice says which service it offers — a merge without it
/// registers nothing and names the field; with it, every letter names the service and speaks
/// of an entrepreneur in the dative.
#[test]
fn a_new_service_notice_names_its_service() {
    let mut db = demo_db(12);
    let dir = tempfile::tempdir().expect("tmp");
    let mut job = MergeJob {
        template_code: "new_service".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: true,
        resume: false,
        fields: Default::default(),
        except: Vec::new(),
        asked_at: None,
    };
    let before = letters_count(&db);
    let err = merge(&mut db, &SYSTEM, &job, &|_, _| {}, &AtomicBool::new(false))
        .expect_err("no service named");
    assert!(
        matches!(
            err,
            LetterError::FieldMissing(vipdesk::letters::TemplateField::Service)
        ),
        "{err:?}"
    );
    assert!(vipdesk::i18n::describe(&err).contains("--service"));
    assert_eq!(letters_count(&db), before);
    job.fields.service = "персональный расчёт тарифа".into();
    let report = merge(&mut db, &SYSTEM, &job, &|_, _| {}, &AtomicBool::new(false)).expect("merge");
    assert!(!report.letters.is_empty());
    for id in &report.letters {
        let l = service::open(&db, *id).expect("letter");
        assert!(
            l.body.contains("новую услугу: персональный расчёт тарифа."),
            "{}",
            l.body
        );
        assert!(
            !l.body.contains("Что эта услуга даст ИП ") || {
                // «ИП Воронцову», not «ИП Воронцов».
                let after = l.body.split("даст ИП ").nth(1).unwrap_or_default();
                after
                    .split('\u{a0}')
                    .next()
                    .is_some_and(|s| s.ends_with('у') || s.ends_with("ой"))
            },
            "{}",
            l.body
        );
    }
}

/// Issue 22 point 2: the shipped templates decline an entrepreneur («для ИП Воронцова М.Ф.»,
/// «даст ИП Воронцову М.Ф.») and leave an organisation as it is («для ООО «Ромашка»»).
#[test]
fn the_merge_templates_decline_an_entrepreneur() {
    let mut db = demo_db(6);
    let client = first_client(&db);
    let reply = Reply {
        fields: vipdesk::letters::TemplateFields {
            date: "01.01.2027".into(),
            time: "10:00".into(),
            service: "персональный расчёт тарифа".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let draft = |db: &Db, code: &str| {
        let t = service::template(db, code).expect("q").expect("t");
        service::draft_for(db, client, None, &t, None, &reply, common::today())
            .expect("draft")
            .body
    };
    for (name, genitive, dative) in [
        ("ИП Воронцов М.Ф.", "ИП Воронцова М.Ф.", "ИП Воронцову М.Ф."),
        ("ООО «Ромашка»", "ООО «Ромашка»", "ООО «Ромашка»"),
    ] {
        let mut d = clients::service::open(&db, client).expect("dossier");
        d.client.short_name = name.into();
        clients::service::save(&mut db, &SYSTEM, &d).expect("save");
        let tariff = draft(&db, "tariff_change");
        assert!(
            tariff.contains(&format!("Для {genitive} изменения")),
            "{tariff}"
        );
        let meeting = draft(&db, "meeting_invitation");
        assert!(meeting.contains(&format!(" и {genitive}.")), "{meeting}");
        let offer = draft(&db, "new_service");
        assert!(offer.contains(&format!("даст {dative},")), "{offer}");
    }
}

/// #22 point 11: a PDF says what it is and when it was made: a draft is dated the day it is
/// made (never 1970), a schedule and a card the day they are made (not the holiday to come),
/// a combined merge is the merge's file — the template for title, the company for author, its
/// letters and numbers for subject — with a bookmark where each letter starts.
#[test]
fn a_pdf_names_its_day_and_a_combined_merge_marks_each_letter() {
    let mut db = demo_db(6);
    let made = |bytes: &[u8]| {
        common::pdf_info(bytes)
            .get("CreationDate")
            .cloned()
            .unwrap_or_default()
    };
    // The start of the day made, local time, as the moment in UTC.
    let day_start = {
        use chrono::TimeZone as _;
        let midnight = common::today().and_hms_opt(0, 0, 0).expect("midnight");
        let utc = chrono::Local
            .from_local_datetime(&midnight)
            .earliest()
            .expect("local")
            .naive_utc();
        utc.format("D:%Y%m%d%H%M").to_string()
    };
    // A draft.
    let client = first_client(&db);
    let id = new_draft(&mut db, client);
    let draft = service::open(&db, id).expect("draft");
    let pdf = service::pdf(db.conn(), &draft, db.today()).expect("pdf");
    assert!(made(&pdf).starts_with(&day_start), "{}", made(&pdf));
    // A schedule of March and a card for 8 March, made on 25 November.
    let schedule = vipdesk::greetings::documents::schedule_pdf(
        &db,
        common::d(2027, 3, 1),
        common::d(2027, 3, 31),
        None,
    )
    .expect("schedule");
    assert!(
        made(&schedule).starts_with(&day_start),
        "{}",
        made(&schedule)
    );
    let person = clients::service::open(&db, client).expect("dossier").people[0]
        .id
        .expect("a person");
    let card = vipdesk::greetings::documents::card_pdf(
        &db,
        person,
        vipdesk::greetings::Occasion::NewYear,
        "",
        common::d(2027, 1, 1),
    )
    .expect("card");
    assert!(made(&card).starts_with(&day_start), "{}", made(&card));
    // A combined merge.
    let dir = tempfile::tempdir().expect("tmp");
    let job = MergeJob {
        template_code: "tariff_change".into(),
        selection: Selection::All,
        out_dir: dir.path().to_path_buf(),
        combined: true,
        resume: false,
        fields: common::tariff_fields(),
        except: Vec::new(),
        asked_at: None,
    };
    let report = merge(&mut db, &SYSTEM, &job, &|_, _| {}, &AtomicBool::new(false)).expect("merge");
    assert!(report.letters.len() >= 2, "{}", report.letters.len());
    let bytes = std::fs::read(&report.files[0]).expect("the combined file");
    let info = common::pdf_info(&bytes);
    let template = service::template(&db, "tariff_change")
        .expect("query")
        .expect("template");
    let letters: Vec<_> = report
        .letters
        .iter()
        .map(|id| service::open(&db, *id).expect("letter"))
        .collect();
    assert_eq!(info.get("Title"), Some(&template.title), "{info:?}");
    assert_eq!(
        info.get("Author").map(String::as_str),
        Some("ОАО «Орелэнергосбыт»"),
        "{info:?}"
    );
    let subject = info.get("Subject").cloned().unwrap_or_default();
    assert!(
        subject.contains(&letters[0].number)
            && subject.contains(&letters[letters.len() - 1].number)
            && subject.contains(&letters.len().to_string()),
        "{subject}"
    );
    assert!(made(&bytes).starts_with(&day_start), "{}", made(&bytes));
    let outline = common::pdf_outline(&bytes);
    assert_eq!(outline.len(), letters.len(), "{outline:?}");
    let mut page = 1;
    for ((title, at), l) in outline.iter().zip(&letters) {
        assert!(title.starts_with(&format!("{} — ", l.number)), "{title}");
        assert_eq!(*at, page, "{title}");
        let own = service::pdf(db.conn(), l, db.today()).expect("pdf");
        page += lopdf::Document::load_mem(&own)
            .expect("pdf")
            .get_pages()
            .len();
    }
}

/// #22 point 20: the demo is what a newcomer judges the program by, so it holds together:
/// every reply says what its appeal asked about, no extension notice is left a draft, letters
/// are registered and sent and meetings held on working days (the demo made on a Sunday too),
/// the long letter's months follow its date, and the summary counts the letters the register
/// lists.
#[test]
fn the_demo_letters_agree_with_their_appeals_and_the_calendar() {
    use vipdesk::appeals::{self, LetterRole};
    for today in [
        common::today(),
        common::d(2026, 11, 29),
        common::d(2027, 1, 10),
    ] {
        let (mut db, _) = common::db();
        let summary = vipdesk::demo::generate(&mut db, 24, 5, today).expect("demo");
        let register = service::list(&db, &Default::default()).expect("register");
        assert_eq!(
            summary.letters,
            register.len(),
            "{today}: the summary counts them all"
        );
        let cal = vipdesk::calendar::service::calendar(&db).expect("calendar");
        for row in &register {
            let l = &row.letter;
            for (what, day) in [
                ("registered", l.reg_date),
                ("printed", l.printed_at),
                ("to the courier", l.courier_at),
                ("delivered", l.delivered_at),
            ] {
                if let Some(day) = day {
                    assert!(
                        cal.is_working(day),
                        "{today}: {} {what} on {day}, a day off",
                        l.number
                    );
                }
            }
            // The long letter: the bill of its own month.
            if l.heading.starts_with("О результатах проверки расчётов")
            {
                let on = l.reg_date.expect("registered");
                let month = vipdesk::domain::fmt::month_name(chrono::Datelike::month(&on));
                assert!(
                    l.body.contains(&format!("в счёте за {month};")),
                    "{on}: {}",
                    l.body
                );
            }
        }
        // Numbers follow dates, as in a register kept by hand.
        let mut numbered: Vec<(i32, u32, chrono::NaiveDate)> = register
            .iter()
            .filter_map(|r| {
                let day = r.letter.reg_date?;
                let n = r.letter.number.strip_prefix("VIP-")?.parse().ok()?;
                Some((chrono::Datelike::year(&day), n, day))
            })
            .collect();
        numbered.sort();
        for w in numbered.windows(2) {
            assert!(
                w[0].0 != w[1].0 || w[0].2 <= w[1].2,
                "{today}: VIP-{} of {} before VIP-{} of {}",
                w[0].1,
                w[0].2,
                w[1].1,
                w[1].2
            );
        }
        assert!(numbered.len() > 10, "{numbered:?}");
        for m in vipdesk::contacts::service::list(&db, None, None).expect("meetings") {
            if let Some(day) = m.date {
                assert!(cal.is_working(day), "{today}: a {:?} held on {day}", m.kind);
            }
        }
        // Each appeal's letters: the reply says what the appeal was about; the notice of an
        // extension went out.
        let (rows, _) = appeals::service::list(&db, &Default::default(), 100_000).expect("appeals");
        let (mut replies, mut notices) = (0, 0);
        let topics = appeals::service::topics(&db).expect("topics");
        for r in rows {
            let a = appeals::service::open(&db, r.id).expect("appeal");
            let demo = vipdesk::words::demo::DEMO_APPEALS
                .iter()
                .find(|x| x.1 == a.subject)
                .expect("a demo subject");
            let findings = demo.3;
            // Filed under the topic it is about, so that the statistics by topic mean something.
            let topic = topics.iter().find(|t| Some(t.id) == a.topic_id);
            assert_eq!(
                topic.map(|t| t.name.as_str()),
                Some(demo.4),
                "{}",
                a.subject
            );
            for letter in appeals::service::details(&db, &a).expect("details").letters {
                let l = service::open(&db, letter.letter_id).expect("letter");
                match letter.role {
                    LetterRole::Reply if l.status != LetterStatus::Draft => {
                        replies += 1;
                        let first = findings.split(". ").next().expect("a sentence");
                        assert!(
                            l.body.contains(first),
                            "{}: «{}» answered with: {}",
                            l.number,
                            a.subject,
                            l.body
                        );
                    }
                    LetterRole::Extended => {
                        notices += 1;
                        assert_ne!(
                            l.status,
                            LetterStatus::Draft,
                            "{today}: a notice left a draft"
                        );
                    }
                    _ => {}
                }
            }
        }
        assert!(
            replies > 0 && notices > 0,
            "{today}: {replies} replies, {notices} notices"
        );
    }
}
