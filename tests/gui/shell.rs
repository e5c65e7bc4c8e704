//! The shell: the first run, the user, editors left with edits, a damaged, lost or encrypted database.

use super::*;

#[test]
fn first_run_offers_demo_data() {
    let (db, _) = common::db();
    let app = App::with_reads(db, Prefs::default(), false).expect("app");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::WELCOME_TITLE);
    click_button(&mut h, t::LOAD_DEMO);
    assert!(clients_in_db(&h) >= 40);
    // Who is working? The choice is remembered in the preferences.
    h.get_by_label(t::WHO_IS_WORKING);
    h.get_all_by_label_contains("— руководитель группы")
        .next()
        .expect("the head")
        .click();
    h.run();
    // Nobody has a password yet: the head, first, sets his.
    assert!(h.state().view.me.is_none(), "not before the password");
    sign_in_with(&mut h, "первый-пароль");
    assert!(h.state().view.me.is_some());
    assert!(h.state().prefs_changed);
    // A manager (the head set her password) works next: «Сегодня» lists only her clients.
    let manager = h
        .state()
        .view
        .managers
        .iter()
        .find(|m| m.role == vipdesk::domain::Role::Manager)
        .and_then(|m| m.id);
    h.state_mut().set_user(manager).expect("manager");
    h.run();
    let me = h.state().view.me_id();
    let mine: std::collections::HashSet<i64> = h
        .state()
        .view
        .clients
        .iter()
        .filter(|r| r.manager_id == me)
        .map(|r| r.id)
        .collect();
    let today = &h.state().features.overview.today;
    let calls = &today.section("calls").expect("calls").lines;
    assert!(calls.iter().all(|c| mine.contains(&client_of(c))));
    // The app opens on «Сегодня»; the client list is one click away.
    assert_eq!(h.state().route, Route::Today);
    h.get_by_role_and_label(Role::Button, t::NAV_CLIENTS)
        .click();
    h.run();
    // The list shows the current manager's clients; «Все клиенты» is one click away.
    let mine = h.state().features.clients.list.visible.len();
    assert!(mine > 0 && mine < 48, "{mine}");
    h.get_by_label(t::ALL_CLIENTS).click();
    h.run();
    assert_eq!(h.state().features.clients.list.visible.len(), 48);
}

#[test]
fn every_tab_and_screen_renders_with_demo_data() {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, 12, 7, common::today()).expect("demo");
    // A client with projects, owners and records (the third demo client has two projects).
    let rows = clients::service::list(&db).expect("rows");
    let row = rows
        .iter()
        .find(|r| {
            let d = clients::service::open(&db, r.id).expect("load");
            !d.projects.is_empty() && !d.owners.is_empty() && !d.services.is_empty()
        })
        .expect("a full demo client");
    let app = app_on(db, row.manager_id, Route::Clients);
    let mut h = harness(app);
    h.run();
    h.get_by_label(&row.short_name).click();
    h.run();
    for tab in vipdesk::ui::clients::Tab::ALL {
        click_button(&mut h, tab.label());
        if tab == vipdesk::ui::clients::Tab::Indicators {
            // ₽ renders (the harness panics on a glyph the font lacks): «Оплата, ₽».
            assert!(h.get_all_by_label_contains("₽").count() > 0);
        }
    }
    // Nothing was edited by looking.
    assert!(!h.state_mut().has_unsaved_edits());
    for screen in [
        t::NAV_MANAGERS,
        t::NAV_CATALOGS,
        t::NAV_TRASH,
        t::NAV_APPEAL_REPORTS,
        t::NAV_APPEAL_SETTINGS,
        t::NAV_CALENDAR,
        t::NAV_GREETINGS,
        t::NAV_GIFTS,
        t::NAV_CLIENTS,
    ] {
        h.get_by_label(screen).click();
        h.run();
    }
    // A new manager's card is the head's to make.
    let head = head_of(&h.state().db);
    h.state_mut().set_user(head).expect("head");
    h.get_by_label(t::NAV_MANAGERS).click();
    h.run();
    click_button(&mut h, t::NEW_MANAGER);
    h.get_by_label(t::F_APPOINTMENT_ORDER); // «…, №»
    h.get_by_label(t::NAV_ABOUT).click();
    h.run();
    h.get_by_label_contains("Сборка:");
}

#[test]
fn closing_the_window_with_edits_asks_first() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    assert!(
        !h.state_mut().close_requested(),
        "nothing to lose: close at once"
    );
    h.get_by_label("АО «Альфа»").click();
    h.run();
    type_into(&mut h, t::F_FULL_NAME, "Акционерное общество «Альфа»");
    assert!(h.state_mut().close_requested(), "the close is held back");
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::YES_SAVE);
    assert!(h.state().quit_now, "closes after saving");
    let a = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(a.client.full_name, "Акционерное общество «Альфа»");
}

#[test]
fn first_run_without_demo_creates_the_first_manager() {
    let (db, _) = common::db();
    let app = App::with_reads(db, Prefs::default(), false).expect("app");
    let mut h = harness(app);
    h.run();
    type_into(&mut h, t::F_SURNAME, "Киселёв");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::ERR_REQUIRED); // the first name is missing
    assert!(h.state().view.managers.is_empty());
    type_into(&mut h, t::F_NAME, "Дмитрий");
    click_button(&mut h, t::SAVE);
    assert_eq!(h.state().view.managers.len(), 1);
    assert_eq!(h.state().view.me_id(), h.state().view.managers[0].id);
    // The app is open on «Сегодня»; the user is remembered.
    h.get_by_label(&t::today_title("25.11.2026"));
    assert_eq!(
        h.state().prefs().manager_uuid.as_deref(),
        Some(h.state().view.managers[0].uuid.as_str())
    );
}

/// A demo whose head set his password and a manager's, opened with the manager remembered.
fn remembered_manager() -> (App, vipdesk::admin::Manager) {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, 24, 6, common::today()).expect("demo");
    let manager = admin::service::managers(&db)
        .expect("managers")
        .into_iter()
        .find(|m| m.role == vipdesk::domain::Role::Manager)
        .expect("a manager");
    {
        use vipdesk::admin::identity::{self, Proof};
        let head = head_of(&db).expect("head");
        identity::sign_in(
            &mut db,
            head,
            Proof::NewPassword("пароль-головы", "пароль-головы"),
        )
        .expect("head's");
        let head = vipdesk::domain::Actor::manager(head, vipdesk::domain::Role::GroupHead);
        let id = manager.id.expect("id");
        identity::set_password(&mut db, &head, id, "первый-пароль", "первый-пароль")
            .expect("manager's");
    }
    let prefs = Prefs {
        manager_uuid: Some(manager.uuid.clone()),
        ..Prefs::default()
    };
    (App::with_reads(db, prefs, false).expect("app"), manager)
}

/// At start the remembered user's password field has the focus: the password typed at once
/// and Enter sign in.
#[test]
fn the_remembered_user_types_the_password_and_presses_enter() {
    let (app, manager) = remembered_manager();
    let mut h = harness(app);
    h.run();
    h.event(egui::Event::Text("первый-пароль".into()));
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().view.me_id(), manager.id);
}

#[test]
fn the_remembered_user_gets_their_own_today_at_start() {
    let (app, manager) = remembered_manager();
    // Proposed, not taken: the remembered user proves it is them.
    assert_eq!(app.view.me_id(), None);
    assert_eq!(app.sign_in.chosen.as_ref().map(|c| c.0), manager.id);
    let mut h = harness(app);
    h.run();
    sign_in_with(&mut h, "первый-пароль");
    let app = h.state();
    assert_eq!(app.view.me_id(), manager.id);
    let mine: std::collections::HashSet<i64> = app
        .view
        .clients
        .iter()
        .filter(|r| r.manager_id == manager.id)
        .map(|r| r.id)
        .collect();
    let data = &app.features.overview.today;
    assert!(data.count() > 0);
    for key in [
        "calls",
        "meetings",
        "steps",
        "birthdays",
        "appeals_overdue",
        "greetings",
    ] {
        let lines = &data.section(key).expect(key).lines;
        assert!(
            lines
                .iter()
                .filter(|l| l.json.get("client_id").is_some())
                .all(|l| mine.contains(&client_of(l))),
            "{key}"
        );
    }
    let count = h.state().features.overview.today.count();
    h.get_by_label(&t::with_count(t::TODAY, count));
}

/// The manager card, the letterhead and the templates are editors like the dossier: leaving
/// them with edits asks first, and changing the user does too.
#[test]
fn every_editor_asks_before_its_edits_are_lost() {
    let (mut app, me) = app_with_manager();
    let other = common::add_manager(&mut app.db, "Орлов", "Олег", "Петрович");
    app.reload().expect("reload");
    let mut h = harness(app);
    h.run();
    // The manager card: another manager's card, then another screen.
    h.get_by_label(t::NAV_MANAGERS).click();
    h.run();
    h.get_by_label("Петрова Анна Сергеевна").click();
    h.run();
    type_into(&mut h, t::F_PHONE, "8 (4862) 44-02-10");
    h.get_by_label("Орлов Олег Петрович").click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::DONT_SAVE);
    let card = |h: &H| {
        h.state()
            .features
            .admin
            .managers
            .editor
            .as_ref()
            .and_then(|e| e.draft.id)
    };
    assert_eq!(card(&h), Some(other));
    assert!(
        admin::service::manager(&h.state().db, me)
            .expect("me")
            .phone
            .is_none()
    );
    type_into(&mut h, t::F_POSITION, " и советник");
    h.get_by_label(t::NAV_CATALOGS).click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(h.state().route, Route::Catalogs);
    let saved = admin::service::manager(&h.state().db, other).expect("other");
    assert!(saved.position.contains(" и советник"), "{}", saved.position);

    // The letterhead: «Отмена» stays with the edits, «Да» saves them.
    h.get_by_label(t::NAV_SETTINGS).click();
    h.run();
    type_into(&mut h, t::C_PHONES, ", доб. 7");
    h.get_by_label(t::NAV_TRASH).click();
    h.run();
    click_button(&mut h, t::CANCEL);
    assert_eq!(h.state().route, Route::Settings);
    h.get_by_label(t::NAV_TRASH).click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(h.state().route, Route::Trash);
    let company = admin::service::company(&h.state().db).expect("company");
    assert!(company.phones.contains(", доб. 7"), "{}", company.phones);

    // Changing the user with a dossier edited: the edits are not handed to the next user.
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    click_button(&mut h, t::NEW_CLIENT);
    type_into(&mut h, t::F_SHORT_NAME, "АО «Недописанный»");
    click_button(&mut h, t::CHANGE_USER);
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::DONT_SAVE);
    h.get_by_label(t::WHO_IS_WORKING);
    assert!(h.state().features.clients.dossier.is_none());
    assert_eq!(clients_in_db(&h), 0);
}

/// A damaged database: a red band says so, saving is refused with the same words, the band
/// leads to the backups.
#[test]
fn a_damaged_database_shows_the_band_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    let (app, me) = app_on_file(dir.path());
    drop(app);
    // Ruin the pages of a table the start does not read.
    let root: i64 = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'indicator_values'",
            [],
            |r| r.get(0),
        )
        .expect("root page");
    let mut bytes = std::fs::read(&path).expect("read");
    let page = (root as usize - 1) * 4096;
    bytes[page..page + 4096].fill(0x5A);
    std::fs::write(&path, bytes).expect("write");
    let before = common::sha256(&path);

    let db = Db::open_existing(&path).expect("opens: the header is sound");
    let mut h = harness(app_on(db, Some(me), Route::Clients));
    h.run();
    let refused = admin::service::save_catalog_entry(
        &mut h.state_mut().db,
        &common::actor(me),
        admin::CatalogKind::Districts,
        &admin::CatalogEntry {
            name: "Новое".into(),
            ..Default::default()
        },
    );
    assert!(refused.is_err());
    h.run();
    h.get_by_label(t::DB_DAMAGED_BANNER);
    click_button(&mut h, t::DB_DAMAGED_TO_BACKUPS);
    assert_eq!(h.state().route, Route::Backups);
    drop(h);
    assert_eq!(common::sha256(&path), before, "not a byte written");
}

/// The database does not open at all: the rescue window lists the copies and restores one;
/// the database then opens.
#[test]
fn the_rescue_window_restores_a_database_that_does_not_open() {
    use vipdesk::ui::rescue::Rescue;
    let dir = tempfile::tempdir().expect("tmp");
    let (app, _) = app_on_file(dir.path());
    let path = dir.path().join("v.db");
    admin::backups::create(&app.db, vipdesk::storage::backup::Kind::Manual, None).expect("copy");
    drop(app);
    std::fs::write(&path, "не база данных ".repeat(500)).expect("ruin");
    let err = Db::open(&path).err().expect("does not open");
    let rescue = Rescue::new(path.clone(), t::describe(&err), None);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, (r, db): &mut (Rescue, Option<Db>)| {
                if let Some(opened) = r.ui(ui) {
                    *db = Some(opened);
                }
            },
            (rescue, None),
        );
    h.run();
    h.get_by_label(t::RESCUE_TITLE);
    h.get_by_label_contains("не является базой данных");
    h.get_by_role_and_label(Role::Button, t::RESTORE).click();
    h.run();
    h.get_by_role_and_label(Role::Button, t::YES_RESTORE)
        .click();
    h.run();
    let db = h.state().1.as_ref().expect("opened after the restore");
    assert_eq!(clients::service::count(db).expect("n"), 1);
}

/// A manager card, a letter draft and a report saved over what another instance saved
/// meanwhile are not written: «Запись изменилась…» shows what they changed beside my values,
/// and I keep mine, take theirs or go on editing.
#[test]
fn cards_letters_and_reports_saved_over_another_instances_edit_ask_first() {
    use vipdesk::contacts::{Meeting, MeetingKind};
    let dir = tempfile::tempdir().expect("tmp");
    let (mut app, me) = app_on_file(dir.path());
    let alpha = clients::service::list(&app.db).expect("list")[0].id;
    let (letter, _) = free_letter(&mut app.db, alpha, "Мой текст.");
    let call = Meeting {
        client_id: alpha,
        manager_id: Some(me),
        kind: MeetingKind::Call,
        date: Some(common::today()),
        topics: "Сверка".into(),
        ..Default::default()
    };
    let report = contacts::service::save(&mut app.db, &common::actor(me), &call).expect("r");
    let mut other = Db::open_existing(&dir.path().join("v.db")).expect("second instance");
    let mut h = harness(app);
    h.run();

    // The manager card: they change the e-mail, I the position; I keep mine.
    h.get_by_label(t::NAV_MANAGERS).click();
    h.run();
    h.get_by_label("Петрова Анна Сергеевна").click();
    h.run();
    let mut m = admin::service::manager(&other, me).expect("manager");
    m.email = "their@orelenergo.example".into();
    admin::service::save_manager(&mut other, &common::actor(me), &m).expect("their save");
    type_into(&mut h, t::F_POSITION, " VIP");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::CONFLICT_TITLE);
    h.get_by_label("their@orelenergo.example");
    let now = admin::service::manager(&h.state().db, me).expect("manager");
    assert!(
        !now.position.contains(" VIP"),
        "nothing written before the answer"
    );
    click_button(&mut h, t::KEEP_MINE);
    let now = admin::service::manager(&h.state().db, me).expect("manager");
    assert!(now.position.contains(" VIP"), "{}", now.position);
    assert!(!h.state_mut().has_unsaved_edits());

    // The letter draft: they rewrite the text, I add an attachment; I take theirs.
    h.state_mut().open(Route::Letter(letter)).expect("open");
    h.run();
    let mut l = letters::service::open(&other, letter).expect("letter");
    l.body = "Их текст.".into();
    letters::service::save_draft(&mut other, &common::actor(me), &l).expect("their save");
    type_into(&mut h, t::F_ATTACHMENT, "Акт сверки");
    click_button(&mut h, t::SAVE_DRAFT);
    h.get_by_label(t::CONFLICT_TITLE);
    h.get_by_label("Их текст.");
    click_button(&mut h, t::TAKE_THEIRS);
    let ed = h.state().features.letters.editor.as_ref().expect("editor");
    assert_eq!(ed.letter.body, "Их текст.");
    assert_eq!(ed.letter.attachment, "");
    let saved = letters::service::open(&h.state().db, letter).expect("letter");
    assert_eq!(
        (saved.body.as_str(), saved.attachment.as_str()),
        ("Их текст.", "")
    );
    assert!(!h.state_mut().has_unsaved_edits());

    // The report: they change the topics, I the place; I go on editing, then keep mine.
    h.state_mut().open(Route::Report(report)).expect("open");
    h.run();
    let mut r = contacts::service::open(&other, report).expect("report");
    r.topics = "Их вопросы".into();
    contacts::service::save(&mut other, &common::actor(me), &r).expect("their save");
    type_into(&mut h, t::F_PLACE, "Офис клиента");
    click_button(&mut h, t::SAVE_DRAFT);
    h.get_by_label("Их вопросы");
    click_button(&mut h, t::CANCEL);
    assert!(
        h.state_mut().has_unsaved_edits(),
        "my edit stays in the form"
    );
    assert_eq!(
        contacts::service::open(&h.state().db, report)
            .expect("r")
            .place,
        ""
    );
    click_button(&mut h, t::SAVE_DRAFT);
    click_button(&mut h, t::KEEP_MINE);
    let saved = contacts::service::open(&h.state().db, report).expect("r");
    assert_eq!(
        (saved.place.as_str(), saved.topics.as_str()),
        ("Офис клиента", "Сверка"),
        "mine, whole"
    );
}

/// An encrypted database asks for its passphrase at start: a wrong one is said beside the
/// field and changes nothing; the right one opens the database.
#[test]
fn an_encrypted_database_asks_for_its_passphrase() {
    use vipdesk::storage::cipher::{self, Passphrase};
    use vipdesk::ui::unlock::{Unlock, Unlocked};
    let dir = tempfile::tempdir().expect("tmp");
    let (app, _) = app_on_file(dir.path());
    drop(app);
    let path = dir.path().join("v.db");
    let key = Passphrase::new("пароль VIP-2026").expect("key");
    cipher::convert(&path, None, Some(&key)).expect("encrypt");
    assert!(matches!(
        Db::open(&path),
        Err(vipdesk::storage::StorageError::Encrypted)
    ));
    let before = common::sha256(&path);

    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(
            |ui, s: &mut (Unlock, Option<Db>)| {
                if let Some(Unlocked::Db(db)) = s.0.ui(ui) {
                    s.1 = Some(db);
                }
            },
            (Unlock::new(path.clone()), None),
        );
    h.run();
    h.get_by_label(t::UNLOCK_TITLE);
    type_into_unlock(&mut h, "не тот пароль");
    h.get_by_label_contains("Неверный пароль");
    assert!(h.state().1.is_none());
    assert_eq!(common::sha256(&path), before, "nothing written");
    type_into_unlock(&mut h, "пароль VIP-2026");
    let db = h.state().1.as_ref().expect("opened");
    assert_eq!(clients::service::count(db).expect("count"), 1);
}

fn type_into_unlock(
    h: &mut Harness<'static, (vipdesk::ui::unlock::Unlock, Option<Db>)>,
    pass: &str,
) {
    h.get_by_label(t::F_PASSPHRASE).click();
    h.run();
    h.get_by_label(t::F_PASSPHRASE).type_text(pass);
    h.run();
    h.get_by_label(t::UNLOCK_OPEN).click();
    h.run();
}

/// The client a row of «Сегодня» is about.
fn client_of(line: &vipdesk::overview::Line) -> i64 {
    line.json["client_id"].as_i64().expect("client_id")
}

/// An app on «Клиенты» whose greetings regulation was saved, then had a field turned into text
/// by another program.
fn app_with_unreadable_regulation() -> App {
    let (mut db, _) = common::db();
    let me = common::add_with_role(
        &mut db,
        "Киселёв",
        "Дмитрий",
        "",
        vipdesk::domain::Role::GroupHead,
    );
    let reg = vipdesk::greetings::Regulation::default();
    vipdesk::greetings::service::set_regulation(&mut db, &Actor::SYSTEM, &reg).expect("saved");
    db.conn()
        .execute(
            "UPDATE settings SET value = json_set(value, '$.order_working_days', 'десять') \
             WHERE key = 'greetings'",
            [],
        )
        .expect("damaged");
    app_on(db, Some(me), Route::Clients)
}

/// A saved setting that does not read: a red band names it and its field, the program shows
/// no date computed from a default, and «Открыть настройку» leads to its screen.
#[test]
fn an_unreadable_setting_is_named_in_a_red_band() {
    let mut h = harness(app_with_unreadable_regulation());
    h.run();
    assert_eq!(
        h.state().view.unreadable.len(),
        1,
        "{:?}",
        h.state().view.unreadable
    );
    h.get_by_label_contains("«Регламент поздравлений» (greetings, поле order_working_days)");
    click_button(&mut h, vipdesk::words::SETTING_OPEN);
    // Straight to the tab where the regulation is edited.
    assert_eq!(h.state().route, Route::GiftLimits);
    h.get_by_label(t::SAVE_REGULATION);
}

/// «Сроки и тематики», the gift limits with the regulation, and the backup policy are editors
/// like the others: leaving them with edits asks; «Не сохранять» drops, «Да» saves; a field
/// that does not read is refused beside it.
#[test]
fn the_settings_screens_ask_before_their_edits_are_lost() {
    let dir = tempfile::tempdir().expect("tmp");
    let (mut app, _) = app_on_file(dir.path());
    // The settings are the head's to change.
    head_works(&mut app);
    let mut h = harness(app);
    h.run();
    // A topic typed and not added: «Не сохранять» drops it, «Да» adds it.
    h.get_by_label(t::NAV_APPEAL_SETTINGS).click();
    h.run();
    type_into(&mut h, t::NEW_TOPIC, "Энергосбережение");
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::DONT_SAVE);
    assert_eq!(h.state().route, Route::Clients);
    let topics = |h: &H| -> Vec<String> {
        vipdesk::appeals::service::topics(&h.state().db)
            .expect("topics")
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    assert!(!topics(&h).iter().any(|n| n == "Энергосбережение"));
    h.get_by_label(t::NAV_APPEAL_SETTINGS).click();
    h.run();
    type_into(&mut h, t::NEW_TOPIC, "Энергосбережение");
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(h.state().route, Route::Clients);
    assert!(topics(&h).iter().any(|n| n == "Энергосбережение"));

    // A limit typed: leaving asks; a call time that does not read is refused beside its field.
    h.get_by_label(t::NAV_GREETINGS).click();
    h.run();
    h.get_by_label(t::LIMITS_TITLE).click();
    h.run();
    let cell = format!("{} — {}", t::category_row(1), t::LIMIT_COLUMNS[0]);
    clear_field(&mut h, &cell);
    input(&h, &cell).type_text("7000");
    h.run();
    h.get_by_label(t::NAV_TRASH).click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::CANCEL);
    assert_eq!(h.state().route, Route::Greetings);
    clear_field(&mut h, t::F_CALL_BEFORE);
    input(&h, t::F_CALL_BEFORE).type_text("25:00");
    h.run();
    click_button(&mut h, t::SAVE_REGULATION);
    h.get_by_label(t::ERR_TIME);
    clear_field(&mut h, t::F_CALL_BEFORE);
    input(&h, t::F_CALL_BEFORE).type_text("11:30");
    h.run();
    assert!(
        h.query_by_label(t::ERR_TIME).is_none(),
        "the error goes when fixed"
    );
    h.get_by_label(t::NAV_TRASH).click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(h.state().route, Route::Trash);
    let db = &h.state().db;
    let (limits, set) = vipdesk::greetings::service::limits_of(db, 2026).expect("limits");
    assert!(set && limits.matrix[0][0] == 7000.0, "{limits:?}");
    let reg = vipdesk::greetings::service::regulation(db).expect("regulation");
    assert_eq!(reg.call_before, "11:30");

    // The backup policy: edits stay across a copy made, and leaving asks.
    h.get_by_label(t::NAV_BACKUPS).click();
    h.run();
    // A drag value: set as the user would have dragged it.
    h.state_mut().features.admin.backups.policy.daily = 3;
    h.run();
    click_button(&mut h, t::BACKUP_CREATE);
    assert_eq!(h.state().features.admin.backups.policy.daily, 3, "kept");
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::YES_SAVE);
    let policy = vipdesk::admin::backups::policy(&h.state().db).expect("policy");
    assert_eq!(policy.daily, 3);
}

/// A saved setting that does not read opens in its editor from the defaults, with the reason;
/// saving it there clears the band.
#[test]
fn an_unreadable_setting_is_fixed_in_its_editor() {
    let mut h = harness(app_with_unreadable_regulation());
    h.run();
    click_button(&mut h, vipdesk::words::SETTING_OPEN);
    h.get_by_label_contains("значения по умолчанию");
    // Nothing typed: the screen is left without a question (the band stays).
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    assert!(h.query_by_label(t::UNSAVED_TITLE).is_none());
    assert_eq!(h.state().route, Route::Clients);
    click_button(&mut h, vipdesk::words::SETTING_OPEN);
    assert_eq!(
        input(&h, t::F_ORDER_DAYS).value().as_deref(),
        Some("10"),
        "the default is shown, not computed with"
    );
    click_button(&mut h, t::SAVE_REGULATION);
    assert!(h.state().view.unreadable.is_empty());
    assert!(
        h.query_by_label(vipdesk::words::SETTING_OPEN).is_none(),
        "the band is gone"
    );
    assert!(h.query_by_label_contains("значения по умолчанию").is_none());
}
