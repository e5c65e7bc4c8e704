//! Managers, the trash, backups and the journal.

use super::*;

#[test]
fn delete_to_trash_and_restore() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::DELETE_CLIENT);
    click_button(&mut h, t::YES_DELETE);
    assert_eq!(clients_in_db(&h), 1);
    h.get_by_label(t::NAV_TRASH).click();
    h.run();
    h.get_by_label("АО «Альфа»");
    click_button(&mut h, t::RESTORE);
    assert_eq!(clients_in_db(&h), 2);
    assert!(clients::service::open(&h.state().db, alpha).is_ok());
}

#[test]
fn manager_card_validates_phone_and_saves() {
    let (app, me) = app_with_manager();
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_MANAGERS).click();
    h.run();
    h.get_by_label("Петрова Анна Сергеевна").click();
    h.run();
    type_into(&mut h, t::F_PHONE, "12-34");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::ERR_PHONE);
    clear_field(&mut h, t::F_PHONE);
    input(&h, t::F_PHONE).type_text("8 (4862) 44-02-10 доб. 231");
    h.run();
    click_button(&mut h, t::SAVE);
    let m = admin::service::manager(&h.state().db, me).expect("manager");
    assert_eq!(
        m.phone.map(|p| p.display()).as_deref(),
        Some("+7 (4862) 44-02-10 доб. 231")
    );
}

/// «Резервные копии»: «Создать копию» lists a verified copy with its counts; after a change,
/// «Восстановить» asks first, then brings the copy's data back and keeps the replaced data.
#[test]
fn backups_screen_makes_a_copy_and_restores_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut app, me) = app_on_file(dir.path());
    // Replacing the database from a copy is the head's.
    head_works(&mut app);
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_BACKUPS).click();
    h.run();
    h.get_by_label(t::BACKUPS_EMPTY);
    click_button(&mut h, t::BACKUP_CREATE);
    let entries = &h.state().features.admin.backups.entries;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].content.expect("counted").counts.clients, 1);

    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Бета»".into(),
            inn: "5751001230".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    clients::service::save(&mut h.state_mut().db, &common::actor(me), &d).expect("saved");
    assert_eq!(clients_in_db(&h), 2);

    click_button(&mut h, t::RESTORE);
    h.get_by_label(t::RESTORE_TITLE);
    assert_eq!(clients_in_db(&h), 2, "nothing before the answer");
    click_button(&mut h, t::YES_RESTORE);
    assert_eq!(clients_in_db(&h), 1);
    assert_eq!(h.state().view.clients.len(), 1, "the view follows");
    let entries = &h.state().features.admin.backups.entries;
    assert_eq!(entries.len(), 2, "the replaced data is a copy too");
    assert!(
        entries
            .iter()
            .any(|e| e.content.expect("c").counts.clients == 2)
    );
    assert!(
        h.state()
            .toasts
            .texts()
            .iter()
            .any(|s| s.contains("База восстановлена"))
    );
}

/// The dossier's «Журнал изменений» tab and the global journal show who changed which field
/// from what to what; the journal filters by kind of record and by date.
#[test]
fn the_journal_shows_who_changed_what() {
    let (app, _, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    type_into(&mut h, t::F_FULL_NAME, "Акционерное общество «Альфа»");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::TAB_JOURNAL).click();
    h.run();
    h.get_by_label("Полное наименование: — → Акционерное общество «Альфа»");

    h.get_by_label(t::NAV_JOURNAL).click();
    h.run();
    h.get_by_label("Полное наименование: — → Акционерное общество «Альфа»");
    let managers = t::JOURNAL_KINDS
        .iter()
        .position(|(k, _)| *k == "managers")
        .expect("kind");
    h.state_mut().features.admin.journal.kind = Some(managers);
    click_button(&mut h, t::JOURNAL_SHOW);
    let entries = &h.state().features.admin.journal.entries;
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e.kind == "managers"));
    // A period before anything happened shows nothing; a date that does not read says so.
    h.state_mut().features.admin.journal.kind = None;
    type_into(&mut h, t::JOURNAL_TO, "01.01.2020");
    click_button(&mut h, t::JOURNAL_SHOW);
    assert!(h.state().features.admin.journal.entries.is_empty());
    h.get_by_label(t::JOURNAL_EMPTY);
    type_into(&mut h, t::JOURNAL_FROM, "31.02.2026");
    click_button(&mut h, t::JOURNAL_SHOW);
    h.get_by_label(t::ERR_DATE);
}

/// «Журнал изменений» speaks Russian: kinds, fields and codes in words, ids as the records'
/// names, a setting field by field, texts whole.
#[test]
fn the_journal_reads_as_russian_with_names_not_ids() {
    use vipdesk::appeals::{Channel, service as appeals};
    use vipdesk::greetings::{GiftStatus, Occasion, service as greetings};
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        people: vec![clients::Person {
            surname: "Соколов".into(),
            name: "Игорь".into(),
            patronymic: "Андреевич".into(),
            category: Some(1),
            ..Default::default()
        }],
        records: vec![clients::Record {
            date: Some(common::d(2026, 12, 1)),
            direction: clients::Direction::Incoming,
            number: "15".into(),
            subject: "О тарифе".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let client = clients::service::save(&mut db, &common::actor(me), &d).expect("client");
    let person = clients::service::open(&db, client).expect("d").people[0]
        .id
        .expect("person");
    let invitation = vipdesk::letters::service::template(&db, "meeting_invitation")
        .expect("read")
        .expect("template");
    let letter = vipdesk::letters::service::draft_for(
        &db,
        client,
        None,
        &invitation,
        None,
        &Default::default(),
        common::d(2026, 12, 2),
    )
    .expect("draft");
    vipdesk::letters::service::save_draft(&mut db, &common::actor(me), &letter).expect("saved");
    let head_actor = Actor::manager(head, vipdesk::domain::Role::GroupHead);
    let gift = vipdesk::greetings::Gift {
        person_id: person,
        occasion: Some(Occasion::Birthday),
        holiday_date: Some(common::d(2026, 12, 20)),
        item: "Книга об Орле".into(),
        ..Default::default()
    };
    let gift = greetings::add_gift(&mut db, &common::actor(me), &gift).expect("gift");
    greetings::advance(&mut db, &head_actor, gift, &Default::default()).expect("approved");
    greetings::advance(&mut db, &common::actor(me), gift, &Default::default()).expect("sent");
    let now = db.clock().local();
    let appeal = vipdesk::appeals::Appeal {
        subject: "Счёт".into(),
        body: "Первый абзац.\nВторой абзац.".into(),
        person_id: Some(person),
        ..appeals::new_appeal(client, Channel::Email, now, Some(me))
    };
    appeals::create(&mut db, &common::actor(me), &appeal, true, &[]).expect("appeal");
    let mut company = admin::service::company(&db).expect("company");
    company.phones = "+7 (4862) 44-02-10".into();
    admin::service::save_company(&mut db, &head_actor, &company).expect("company");
    let mut limits = vipdesk::greetings::Limits::default();
    greetings::set_limits(&mut db, &head_actor, 2026, &limits, false).expect("limits");
    limits.matrix[0][0] = 9000.0;
    greetings::set_limits(&mut db, &head_actor, 2026, &limits, false).expect("limits");

    let mut h = harness(app_on(db, Some(head), Route::Journal));
    h.run();
    click_button(&mut h, t::JOURNAL_SHOW);
    let sent = format!(
        "Состояние заказа: {} → {}",
        GiftStatus::Approved.label(),
        GiftStatus::Sent.label()
    );
    let shown =
        |h: &H, text: &str| assert!(h.query_all_by_label_contains(text).count() > 0, "{text}");
    shown(
        &h,
        &format!("Канал поступления: {}", Channel::Email.label()),
    );
    // A gift by what it is and whom it is for (its client named too: the gifts alone shown,
    // the list being longer than the window).
    h.state_mut().features.admin.journal.kind =
        t::JOURNAL_KINDS.iter().position(|(k, _)| *k == "gifts");
    h.state_mut().push(vipdesk::ui::admin::Cmd::ShowJournal);
    h.run();
    shown(&h, &sent);
    shown(&h, &format!("Повод: {}", Occasion::Birthday.label()));
    shown(&h, "Книга об Орле — Соколов\u{a0}И.А.");
    h.state_mut().features.admin.journal.kind = None;
    h.state_mut().push(vipdesk::ui::admin::Cmd::ShowJournal);
    h.run();
    shown(&h, "Контактное лицо: Соколов\u{a0}И.А.");
    shown(&h, "Персональный менеджер: Петрова\u{a0}А.С.");
    shown(&h, "Телефоны: ");
    shown(&h, "Первый абзац.\nВторой абзац.");
    // A setting by its name, the limits in roubles.
    shown(&h, "Лимиты подарков");
    shown(
        &h,
        "Лимит на 2026 год, 1 категория, общий праздник: 5\u{a0}000\u{a0}₽ → 9\u{a0}000\u{a0}₽",
    );
    shown(
        &h,
        "Лимит на 2026 год, 3 категория, юбилей: 6\u{a0}000\u{a0}₽",
    );
    // A dossier's document by its number (its kind chosen: the list shows the newest first).
    h.state_mut().features.admin.journal.kind =
        t::JOURNAL_KINDS.iter().position(|(k, _)| *k == "records");
    h.state_mut().push(vipdesk::ui::admin::Cmd::ShowJournal);
    h.run();
    shown(&h, "Входящее № 15 от 01.12.2026: «О тарифе»");
    // A letter's template by its title.
    h.state_mut().features.admin.journal.kind =
        t::JOURNAL_KINDS.iter().position(|(k, _)| *k == "letters");
    h.state_mut().push(vipdesk::ui::admin::Cmd::ShowJournal);
    h.run();
    shown(&h, &format!("Шаблон: {}", invitation.title));
    // Nothing of the database's own words is left.
    for raw in [
        "client_id",
        "person_id",
        "bought",
        "email",
        "birthday",
        "\"phones\"",
        "⏎",
        "gifts\n",
        "appeals\n",
        "matrix",
        "запись №",
        "Подарок для сравнения",
        "meeting_invitation",
    ] {
        assert_eq!(
            h.query_all_by_label_contains(raw).count(),
            0,
            "«{raw}» shown"
        );
    }
}
