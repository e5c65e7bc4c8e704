//! Letters, templates, the letterhead and the merge.

use super::*;

#[test]
fn new_letter_preview_register_and_deliver() {
    let (mut app, alpha, _) = app_with_two_clients();
    let mut d = clients::service::open(&app.db, alpha).expect("load");
    d.people.push(clients::Person {
        surname: "Иванов".into(),
        name: "Иван".into(),
        patronymic: "Иванович".into(),
        gender: Some(vipdesk::domain::names::Gender::Male),
        position: "Генеральный директор".into(),
        category: Some(1),
        ..Default::default()
    });
    clients::service::save(&mut app.db, &Actor::SYSTEM, &d).expect("save");
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::NEW_LETTER);
    // The preview shows the addressee in the dative, top right, as the PDF will.
    h.get_by_label_contains("Генеральному директору АО «Альфа»");
    h.get_by_label_contains("И.И. Иванову");
    h.get_by_label_contains("Уважаемый Иван Иванович!");
    // An empty text is not registered; the manager writes it, the preview follows.
    click_button(&mut h, t::REGISTER_LETTER);
    assert!(
        h.state()
            .features
            .letters
            .editor
            .as_ref()
            .is_some_and(|l| l.letter.number.is_empty())
    );
    h.get_by_label(t::F_BODY).click();
    h.run();
    h.get_by_label(t::F_BODY).type_text(
        "Сообщаем, что перерасчёт за октябрь выполнен.\n\nБлагодарим за сотрудничество.",
    );
    h.run();
    h.get_by_label_contains("перерасчёт за октябрь выполнен");
    click_button(&mut h, t::REGISTER_LETTER);
    h.get_by_label(&t::letter_title("VIP-1", "25.11.2026"));
    let id = h
        .state()
        .features
        .letters
        .editor
        .as_ref()
        .and_then(|l| l.letter.id)
        .expect("saved letter");
    for status in [LetterStatus::Printed, LetterStatus::Courier] {
        click_button(&mut h, &t::mark_status(status.label()));
    }
    type_into(&mut h, t::RECEIVED_BY, "секретарь Смирнова");
    click_button(&mut h, &t::mark_status(LetterStatus::Delivered.label()));
    h.get_by_label(t::LETTER_DELIVERED);
    let l = letters::service::open(&h.state().db, id).expect("letter");
    assert_eq!(l.status, LetterStatus::Delivered);
    assert_eq!(l.received_by, "секретарь Смирнова");
    assert_eq!(l.number, "VIP-1");
}

#[test]
fn template_with_an_unknown_field_is_refused_with_its_line() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_SETTINGS).click();
    h.run();
    click_button(&mut h, t::NEW_TEMPLATE);
    h.get_by_label(t::F_BODY).click();
    h.run();
    h.get_by_label(t::F_BODY)
        .type_text("Первая строка.\nУважаемый {{ addresee.address_as }}!");
    h.run();
    click_button(&mut h, t::SAVE_TEMPLATE);
    h.get_by_label(&t::template_unknown(2, "addresee.address_as"));
    let saved = letters::service::templates(&h.state().db).expect("templates");
    assert!(
        saved.iter().all(|t| !t.body.contains("addresee")),
        "not saved"
    );
}

#[test]
fn mail_merge_runs_off_the_ui_thread_with_progress() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut db = Db::open(&dir.path().join("v.db")).expect("db");
    let clock = std::sync::Arc::new(vipdesk::domain::FixedClock::on(common::today()));
    db.set_clock(clock);
    vipdesk::demo::generate(&mut db, 12, 3, common::today()).expect("demo");
    let first = head_of(&db);
    let app = app_on(db, first, Route::Today);
    let out = dir.path().join("out");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_MERGE).click();
    h.run();
    h.state_mut().features.letters.merge.template_code = "tariff_change".into();
    type_into(&mut h, t::MERGE_DIR, out.to_str().expect("path"));
    // Without the date the tariff notice asks for, nothing starts and the field says why.
    click_button(&mut h, t::MERGE_START);
    assert!(h.state().features.letters.merge.confirm.is_none());
    h.get_by_label(t::ERR_REQUIRED);
    start_tariff_merge(&mut h, t::MERGE_START);
    for _ in 0..500 {
        if h.state().features.letters.merge.report.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    let report = match h.state().features.letters.merge.report.as_ref() {
        Some(Ok(r)) => r.clone(),
        other => panic!("the merge did not finish well: {other:?}"),
    };
    // The letters are dated by the app's clock, not the computer's.
    let registered = letters::service::open(&h.state().db, report.letters[0]).expect("letter");
    assert_eq!(registered.reg_date, Some(common::today()));
    assert!(
        registered.body.contains("с 01.01.2027"),
        "{}",
        registered.body
    );
    assert_eq!(report.letters.len() + report.skipped.len(), 12);
    assert_eq!(
        std::fs::read_dir(&out).expect("dir").count(),
        report.letters.len()
    );
    h.run();
    h.get_by_label_contains("Рассылка:");
}

#[test]
fn saving_a_pdf_to_an_unwritable_path_keeps_the_letter() {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, 8, 2, common::today()).expect("demo");
    let id = letters::service::list(&db, &Default::default()).expect("letters")[0]
        .letter
        .id
        .expect("id");
    let first = head_of(&db);
    let mut app = app_on(db, first, Route::Today);
    app.push(Command::Open(Route::Letter(id)));
    let mut h = harness(app);
    h.run();
    let dir = tempfile::tempdir().expect("tmp");
    let bad = dir.path().join("нет такой папки").join("письмо.pdf");
    type_into(&mut h, t::FILE_PATH, bad.to_str().expect("path"));
    click_button(&mut h, t::SAVE_PDF);
    assert!(
        h.state()
            .toasts
            .texts()
            .iter()
            .any(|m| m.contains("не удалось записать файл")),
        "{:?}",
        h.state().toasts.texts()
    );
    assert!(
        h.state().features.letters.editor.is_some(),
        "the letter stays open"
    );
    let good = dir.path().join("письмо.pdf");
    clear_field(&mut h, t::FILE_PATH);
    input(&h, t::FILE_PATH).type_text(good.to_str().expect("path"));
    h.run();
    click_button(&mut h, t::SAVE_PDF);
    assert!(std::fs::read(&good).expect("written").starts_with(b"%PDF"));
}

#[test]
fn signature_png_is_loaded_from_a_path_and_a_non_png_refused() {
    let (app, me) = app_with_manager();
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_MANAGERS).click();
    h.run();
    h.get_by_label("Петрова Анна Сергеевна").click();
    h.run();
    let dir = tempfile::tempdir().expect("tmp");
    let bad = dir.path().join("подпись.txt");
    std::fs::write(&bad, "не картинка").expect("write");
    type_into(&mut h, t::FILE_PATH, bad.to_str().expect("path"));
    click_button(&mut h, t::LOAD);
    h.get_by_label(t::ERR_NOT_PNG);
    let good = dir.path().join("подпись.png");
    std::fs::write(&good, vipdesk::demo::demo_signature_png(2)).expect("write");
    clear_field(&mut h, t::FILE_PATH);
    input(&h, t::FILE_PATH).type_text(good.to_str().expect("path"));
    h.run();
    click_button(&mut h, t::LOAD);
    assert!(h.query_by_label(t::ERR_NOT_PNG).is_none());
    click_button(&mut h, t::SAVE);
    let m = admin::service::manager(&h.state().db, me).expect("manager");
    assert_eq!(
        m.signature_png.as_deref(),
        Some(vipdesk::demo::demo_signature_png(2).as_slice())
    );
}

/// A window left open past midnight dates the letter registered after it by the new day.
#[test]
fn a_letter_registered_after_midnight_carries_the_new_date() {
    let (mut db, clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        people: vec![clients::Person {
            surname: "Иванов".into(),
            name: "Иван".into(),
            patronymic: "Иванович".into(),
            position: "Генеральный директор".into(),
            category: Some(1),
            ..Default::default()
        }],
        ..Default::default()
    };
    let alpha = clients::service::save(&mut db, &common::actor(me), &d).expect("client");
    clock.set(common::today().and_hms_opt(23, 58, 0).expect("time"));
    let mut app = app_on(db, Some(me), Route::Today);
    app.push(Command::Open(Route::NewLetter(alpha)));
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::F_BODY).click();
    h.run();
    h.get_by_label(t::F_BODY)
        .type_text("Сообщаем, что перерасчёт выполнен.");
    h.run();
    clock.advance(chrono::Duration::minutes(5));
    click_button(&mut h, t::REGISTER_LETTER);
    h.get_by_label(&t::letter_title("VIP-1", "26.11.2026"));
    let id = h
        .state()
        .features
        .letters
        .editor
        .as_ref()
        .and_then(|l| l.letter.id)
        .expect("registered");
    let l = letters::service::open(&h.state().db, id).expect("letter");
    assert_eq!(l.reg_date, Some(common::d(2026, 11, 26)));
    // «Сегодня» follows the clock too.
    h.get_by_role_and_label(
        Role::Button,
        &t::with_count(t::TODAY, h.state().features.overview.today.count()),
    )
    .click();
    h.run();
    h.get_by_label(&t::today_title("26.11.2026"));
}

/// Waits for the merge's thread to report.
fn wait_for_merge(h: &mut H) {
    for _ in 0..500 {
        if h.state().features.letters.merge.report.is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    panic!("the merge did not end");
}

/// The confirmation lists the recipients ticked; an unticked client gets no letter, and the
/// merge continued later still leaves them out.
#[test]
fn a_client_unticked_in_the_confirmation_gets_no_letter() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut db = Db::open(&dir.path().join("v.db")).expect("db");
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::on(
        common::today(),
    )));
    vipdesk::demo::generate(&mut db, 12, 3, common::today()).expect("demo");
    let me = head_of(&db);
    let out = dir.path().join("out");
    let mut h = harness(app_on(db, me, Route::Merge));
    h.run();
    h.state_mut().features.letters.merge.template_code = "tariff_change".into();
    type_into(&mut h, t::MERGE_DIR, out.to_str().expect("path"));
    type_into(&mut h, vipdesk::words::FIELD_DATE, "1.1.27");
    click_button(&mut h, t::MERGE_START);
    let recipients = h
        .state()
        .features
        .letters
        .merge
        .confirm
        .as_ref()
        .expect("the confirmation")
        .recipients
        .clone();
    let with = recipients.iter().filter(|r| r.addressee.is_some()).count();
    let left_out: Vec<_> = recipients
        .iter()
        .filter(|r| r.addressee.is_some())
        .take(2)
        .collect();
    for r in &left_out {
        h.get_by_label(&t::merge_tick_hint(&r.client)).click();
        h.run();
    }
    // The button counts the letters that will be made.
    click_button(&mut h, &t::merge_confirm_button(with - 2));
    wait_for_merge(&mut h);
    let report = match h.state().features.letters.merge.report.as_ref() {
        Some(Ok(r)) => r.clone(),
        other => panic!("the merge did not finish: {other:?}"),
    };
    assert_eq!(report.letters.len(), with - 2);
    let written: Vec<i64> = report
        .letters
        .iter()
        .map(|id| {
            letters::service::open(&h.state().db, *id)
                .expect("letter")
                .client_id
        })
        .collect();
    for r in &left_out {
        assert!(!written.contains(&r.client_id), "{} written to", r.client);
    }
}

/// A merge stopped halfway: starting it again is refused with the way out; «Продолжить
/// рассылку» writes to the rest and to nobody twice.
#[test]
fn an_unfinished_merge_is_continued_not_repeated() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut db = Db::open(&dir.path().join("v.db")).expect("db");
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::on(
        common::today(),
    )));
    vipdesk::demo::generate(&mut db, 12, 3, common::today()).expect("demo");
    let out = dir.path().join("out");
    let job = letters::MergeJob {
        template_code: "tariff_change".into(),
        selection: letters::Selection::All,
        out_dir: out.clone(),
        combined: false,
        resume: false,
        fields: common::tariff_fields(),
        except: Vec::new(),
        asked_at: None,
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let stop_after_three = |done: usize, _| {
        if done >= 3 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let first = letters::merge::merge(&mut db, &Actor::SYSTEM, &job, &stop_after_three, &cancel)
        .expect("stopped");
    assert!(first.cancelled);
    assert_eq!(first.letters.len() + first.skipped.len(), 3);

    let me = head_of(&db);
    let mut h = harness(app_on(db, me, Route::Merge));
    h.run();
    h.state_mut().features.letters.merge.template_code = "tariff_change".into();
    type_into(&mut h, t::MERGE_DIR, out.to_str().expect("path"));
    start_tariff_merge(&mut h, t::MERGE_START);
    wait_for_merge(&mut h);
    match h.state().features.letters.merge.report.as_ref() {
        Some(Err(e)) => assert!(t::describe(e).contains(t::MERGE_RESUME), "{e}"),
        other => panic!("a second run must be refused: {other:?}"),
    }
    h.run();
    click_button(&mut h, t::MERGE_RESUME);
    click_button_starting(&mut h, "Зарегистрировать ");
    wait_for_merge(&mut h);
    let report = match h.state().features.letters.merge.report.as_ref() {
        Some(Ok(r)) => r.clone(),
        other => panic!("the merge did not continue: {other:?}"),
    };
    assert_eq!(report.already, 3);
    assert_eq!(report.letters.len() + report.skipped.len(), 9);
    let (n, distinct): (i64, i64) = h
        .state()
        .db
        .conn()
        .query_row(
            "SELECT count(*), count(DISTINCT client_id) FROM letters WHERE merge_id IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("q");
    assert_eq!(n, (12 - report.skipped.len() - first.skipped.len()) as i64);
    assert_eq!(distinct, n, "nobody written to twice");
    h.run();
    h.get_by_label_contains("Ещё 3");
}

/// The letterhead's requisites and a template saved over another instance's save ask first;
/// saving twice with nobody else is no conflict.
#[test]
fn requisites_and_templates_saved_over_another_instances_edit_ask_first() {
    let dir = tempfile::tempdir().expect("tmp");
    let (app, me) = app_on_file(dir.path());
    let mut other = Db::open_existing(&dir.path().join("v.db")).expect("second instance");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_SETTINGS).click();
    h.run();
    type_into(&mut h, vipdesk::words::C_SITE, "orel.example");
    click_button(&mut h, t::SAVE);
    type_into(&mut h, vipdesk::words::C_SITE, "/vip");
    click_button(&mut h, t::SAVE);
    assert!(
        h.query_by_label(t::CONFLICT_TITLE).is_none(),
        "my own saves"
    );
    let mine = admin::service::company(&h.state().db).expect("company");
    assert!(mine.site.contains("/vip"), "{}", mine.site);

    // They change the phones, I the site: I take theirs.
    let mut c = admin::service::company(&other).expect("company");
    c.phones = "+7 (4862) 44-02-00".into();
    admin::service::save_company(&mut other, &common::actor(me), &c).expect("their save");
    type_into(&mut h, vipdesk::words::C_SITE, "x");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::CONFLICT_TITLE);
    h.get_by_label("+7 (4862) 44-02-00");
    click_button(&mut h, t::TAKE_THEIRS);
    let settings = &h.state().features.letters.settings;
    assert_eq!(settings.company.phones, "+7 (4862) 44-02-00");
    assert_eq!(settings.company.site, mine.site);
    assert!(!h.state_mut().has_unsaved_edits());

    // A template: they change its text, I its title; I keep mine.
    let code = letters::service::templates(&h.state().db).expect("t")[0]
        .code
        .clone();
    h.state_mut().features.letters.settings.selected = Some(0);
    h.run();
    let mut tpl = letters::service::template(&other, &code)
        .expect("q")
        .expect("template");
    tpl.body = "Их текст шаблона.".into();
    letters::service::save_template(&mut other, &common::actor(me), &tpl).expect("their save");
    type_into(&mut h, t::F_TITLE, " (мой)");
    click_button(&mut h, t::SAVE_TEMPLATE);
    h.get_by_label("Их текст шаблона.");
    click_button(&mut h, t::KEEP_MINE);
    let saved = letters::service::template(&h.state().db, &code)
        .expect("q")
        .expect("template");
    assert!(saved.title.contains(" (мой)"), "{}", saved.title);
    assert_ne!(saved.body, "Их текст шаблона.", "mine, whole");
}

/// A template's fields are chosen from a list, not typed from memory: the chosen field goes in
/// where the cursor is, and the template then checks.
#[test]
fn the_template_editor_inserts_a_field_from_the_picker() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_SETTINGS).click();
    h.run();
    click_button(&mut h, t::NEW_TEMPLATE);
    h.get_by_label(t::F_BODY).click();
    h.run();
    h.get_by_label(t::F_BODY)
        .type_text("Позвоните персональному менеджеру ");
    h.run();
    h.get_by_label(t::FIELD_GROUP).click();
    h.run();
    h.get_by_label("Менеджер").click();
    h.run();
    h.get_by_label(t::INSERT_FIELD).click();
    h.run();
    h.get_by_label_contains("кому — «Г.И. Родионовой»").click();
    h.run();
    let settings = &h.state().features.letters.settings;
    let body = &settings.templates[settings.selected.expect("selected")].body;
    assert_eq!(
        body,
        "Позвоните персональному менеджеру {{ manager.name_dative }}"
    );
    click_button(&mut h, t::SAVE_TEMPLATE);
    let saved = letters::service::templates(&h.state().db).expect("templates");
    assert!(
        saved
            .iter()
            .any(|t| t.body.ends_with("{{ manager.name_dative }}"))
    );
}
