//! GUI flows driven headless with egui_kittest, as a manager would click through them.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use vipdesk::domain::{Actor, Id};
use vipdesk::i18n::{self as t, Label};
use vipdesk::letters::LetterStatus;
use vipdesk::storage::Db;
use vipdesk::ui::{App, Command, Prefs, Route};
use vipdesk::{admin, clients, contacts, letters};

type H = Harness<'static, App>;

fn harness(app: App) -> H {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 1300.0))
        .with_max_steps(20)
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app)
}

/// The app over `db`, with `user` working, on `route`.
fn app_on(db: Db, user: Option<Id>, route: Route) -> App {
    let mut app = App::new(db, Prefs::default()).expect("app");
    app.set_user(user).expect("user");
    app.open(route).expect("route");
    app
}

/// An app over an in-memory database with one manager who is the current user.
fn app_with_manager() -> (App, Id) {
    let (mut db, _) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    // The client list, as after a click on «Клиенты» (the app opens on «Сегодня»).
    (app_on(db, Some(me), Route::Clients), me)
}

fn dossier_client(h: &H) -> Option<Id> {
    h.state()
        .features
        .clients
        .dossier
        .as_ref()
        .and_then(|d| d.client_id())
}

fn input<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::TextInput, label)
}

/// Clicks a text field and types into it.
fn type_into(h: &mut H, label: &str, text: &str) {
    input(h, label).click();
    h.run();
    input(h, label).type_text(text);
    h.run();
}

/// Clears a focused text field by pressing Backspace.
fn clear_field(h: &mut H, label: &str) {
    input(h, label).click();
    h.run();
    let n = input(h, label).value().map_or(0, |v| v.chars().count());
    for _ in 0..n {
        h.key_press(egui::Key::Backspace);
    }
    h.key_press(egui::Key::End);
    for _ in 0..n {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
}

fn click_button(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// Clicks the button whose label starts with `prefix` (a label with a count in it).
fn click_button_starting(h: &mut H, prefix: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(prefix)))
        .click();
    h.run();
}

/// Starts a merge of the tariff notice from the screen: the date it asks for, then the
/// confirmation of its recipients.
fn start_tariff_merge(h: &mut H, button: &str) {
    type_into(h, vipdesk::words::FIELD_DATE, "1.1.27");
    click_button(h, button);
    // Nothing is registered before the user confirms the recipients.
    assert!(h.state().features.letters.merge.run.is_none());
    assert!(h.state().features.letters.merge.confirm.is_some());
    h.get_by_label_contains("Проверьте список");
    click_button_starting(h, "Зарегистрировать ");
}

fn clients_in_db(h: &H) -> i64 {
    clients::service::count(&h.state().db).expect("count")
}

#[test]
fn create_client_refuse_bad_inn_fix_save_reopen() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::NEW_CLIENT);
    type_into(&mut h, t::F_SHORT_NAME, "ООО «Ромашка»");
    type_into(
        &mut h,
        t::F_FULL_NAME,
        "Общество с ограниченной ответственностью «Ромашка»",
    );
    type_into(&mut h, t::F_INN, "1234567895");
    click_button(&mut h, t::SAVE);

    // The error is shown beside the field, nothing is saved, the draft is kept.
    h.get_by_label(t::ERR_INN_CHECKSUM);
    assert_eq!(clients_in_db(&h), 0);
    assert_eq!(input(&h, t::F_INN).value().as_deref(), Some("1234567895"));
    assert_eq!(
        input(&h, t::F_SHORT_NAME).value().as_deref(),
        Some("ООО «Ромашка»")
    );

    clear_field(&mut h, t::F_INN);
    input(&h, t::F_INN).type_text("7707083893");
    h.run();
    type_into(&mut h, t::F_KPP, "770701001");
    click_button(&mut h, t::SAVE);
    assert_eq!(clients_in_db(&h), 1);
    assert!(h.query_by_label(t::ERR_INN_CHECKSUM).is_none());

    click_button(&mut h, t::CLOSE);
    assert!(h.state().features.clients.dossier.is_none());
    h.get_by_label("ООО «Ромашка»").click();
    h.run();
    assert_eq!(input(&h, t::F_INN).value().as_deref(), Some("7707083893"));
    assert_eq!(input(&h, t::F_KPP).value().as_deref(), Some("770701001"));
    assert_eq!(
        input(&h, t::F_FULL_NAME).value().as_deref(),
        Some("Общество с ограниченной ответственностью «Ромашка»")
    );
}

fn app_with_two_clients() -> (App, Id, Id) {
    let (mut app, me) = app_with_manager();
    let mut ids = Vec::new();
    for (name, inn) in [("АО «Альфа»", "7707083893"), ("АО «Бета»", "5751001230")]
    {
        let d = clients::Dossier {
            client: clients::Client {
                short_name: name.into(),
                inn: inn.into(),
                manager_id: Some(me),
                ..Default::default()
            },
            ..Default::default()
        };
        ids.push(clients::service::save(&mut app.db, &common::actor(me), &d).expect("saved"));
    }
    app.reload().expect("reload");
    (app, ids[0], ids[1])
}

#[test]
fn add_a_leader_with_generated_dative_and_phone() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::TAB_PEOPLE);
    click_button(&mut h, t::ADD_PERSON);
    type_into(&mut h, t::F_SURNAME, "Иванов");
    type_into(&mut h, t::F_NAME, "Иван");
    type_into(&mut h, t::F_PATRONYMIC, "Иванович");
    type_into(&mut h, t::F_POSITION, "Генеральный директор");
    type_into(&mut h, t::F_PHONES, "8 (916) 123-45-67 доб. 12");
    type_into(&mut h, t::F_BIRTHDAY, "14.03.1968");
    assert_eq!(
        input(&h, t::F_NAME_DATIVE).value().as_deref(),
        Some("Иванову Ивану Ивановичу")
    );
    assert_eq!(
        input(&h, t::F_POSITION_DATIVE).value().as_deref(),
        Some("Генеральному директору")
    );
    click_button(&mut h, t::SAVE);

    let d = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(d.people.len(), 1);
    let p = &d.people[0];
    assert_eq!(p.surname, "Иванов");
    assert_eq!(p.gender, Some(vipdesk::domain::names::Gender::Male));
    assert_eq!(p.phones[0].number, "+79161234567");
    assert_eq!(p.phones[0].ext.as_deref(), Some("12"));
    assert_eq!(p.birthday, chrono::NaiveDate::from_ymd_opt(1968, 3, 14));
    // The caller is found by the number, whatever way it is typed.
    let found = clients::service::find_by_phone(&h.state().db, "+79161234567").expect("find");
    assert_eq!(found, vec![(alpha, p.id.expect("saved person"))]);
    // And the list search finds the client by the person's phone.
    type_into(&mut h, t::SEARCH, "8916123");
    assert_eq!(h.state().features.clients.list.visible_ids(), vec![alpha]);
}

#[test]
fn paste_indicator_values_from_excel() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::TAB_INDICATORS);
    h.get_by_label(t::PASTE_LABEL).click();
    h.run();
    h.get_by_label(t::PASTE_LABEL).type_text(
        "Месяц\tПотребление\tМощность\n01.2026\t1 234 567,5\t300\n02.2026\t1 100 000\t310\n",
    );
    h.run();
    click_button(&mut h, t::PASTE_FILL);
    h.get_by_label(&t::pasted(4));
    click_button(&mut h, t::SAVE);

    let d = clients::service::open(&h.state().db, alpha).expect("load");
    let kinds = admin::service::catalogs(&h.state().db)
        .expect("catalogs")
        .indicator_kinds;
    assert_eq!(
        d.indicators.get(&(kinds[0].id, (2026, 1))),
        Some(&1_234_567.5)
    );
    assert_eq!(d.indicators.get(&(kinds[1].id, (2026, 2))), Some(&310.0));
    assert_eq!(d.indicators.len(), 4);
}

#[test]
fn unsaved_changes_prompt_when_switching_clients() {
    let (app, alpha, beta) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    type_into(&mut h, t::F_FULL_NAME, "Акционерное общество «Альфа»");

    // Switching asks first; «Отмена» keeps the edit.
    h.get_by_label("АО «Бета»").click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::CANCEL);
    assert_eq!(dossier_client(&h), Some(alpha));
    assert!(h.state_mut().has_unsaved_edits());

    // «Да, сохранить» saves and goes on to the other client.
    h.get_by_label("АО «Бета»").click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(dossier_client(&h), Some(beta));
    let a = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(a.client.full_name, "Акционерное общество «Альфа»");

    // «Нет, не сохранять» drops the edit.
    type_into(&mut h, t::F_FULL_NAME, "Черновик");
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::DONT_SAVE);
    assert_eq!(dossier_client(&h), Some(alpha));
    let b = clients::service::open(&h.state().db, beta).expect("load");
    assert_eq!(b.client.full_name, "");
}

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
fn first_run_offers_demo_data() {
    let (db, _) = common::db();
    let app = App::new(db, Prefs::default()).expect("app");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::WELCOME_TITLE);
    click_button(&mut h, t::LOAD_DEMO);
    assert!(clients_in_db(&h) >= 40);
    // Who is working? The choice is remembered in the preferences.
    h.get_by_label(t::WHO_IS_WORKING);
    h.get_all_by_label_contains("— менеджер")
        .next()
        .expect("a manager")
        .click();
    h.run();
    assert!(h.state().view.me.is_some());
    assert!(h.state().prefs_changed);
    // «Сегодня» now lists only this manager's clients.
    let me = h.state().view.me_id();
    let mine: std::collections::HashSet<i64> = h
        .state()
        .view
        .clients
        .iter()
        .filter(|r| r.manager_id == me)
        .map(|r| r.id)
        .collect();
    let today = &h.state().features.contacts.today.data;
    assert!(today.calls.iter().all(|c| mine.contains(&c.client_id)));
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
    h.get_by_label(t::NAV_MANAGERS).click();
    h.run();
    click_button(&mut h, t::NEW_MANAGER);
    h.get_by_label(t::F_APPOINTMENT_ORDER); // «…, №»
    h.get_by_label(t::NAV_ABOUT).click();
    h.run();
    h.get_by_label_contains("Сборка:");
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
fn date_picked_from_the_russian_calendar() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::NEW_CLIENT);
    h.get_by_label(&format!("{}: contract_date", t::CALENDAR))
        .click();
    h.run();
    h.get_by_label("Пн");
    h.get_by_label("15").click();
    h.run();
    // The calendar opens on the month of today by the clock.
    let expected = format!("15{}", &vipdesk::domain::fmt::date(common::today())[2..]);
    assert_eq!(
        input(&h, t::F_CONTRACT_DATE).value().as_deref(),
        Some(expected.as_str())
    );
}

#[test]
fn first_run_without_demo_creates_the_first_manager() {
    let (db, _) = common::db();
    let app = App::new(db, Prefs::default()).expect("app");
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
    let first = admin::service::managers(&db).expect("managers")[0].id;
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
    let first = admin::service::managers(&db).expect("managers")[0].id;
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
fn overdue_call_from_today_reported_submitted_and_accepted() {
    use vipdesk::contacts::{Meeting, MeetingKind, ReportStatus};
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «А»".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    let client = clients::service::save(&mut db, &common::actor(me), &d).expect("client");
    let old_call = Meeting {
        client_id: client,
        manager_id: Some(me),
        kind: MeetingKind::Call,
        date: Some(common::today() - chrono::Duration::days(40)),
        topics: "Сверка".into(),
        ..Default::default()
    };
    contacts::service::save(&mut db, &common::actor(me), &old_call).expect("old call");
    let app = app_on(db, Some(me), Route::Today);
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains("Сегодня (");
    h.get_by_label("просрочено на 10 дней");
    h.get_by_label("Записать звонок: АО «А»").click();
    h.run();
    h.get_by_label(t::F_TOPICS).click();
    h.run();
    h.get_by_label(t::F_TOPICS)
        .type_text("Обсудили счета за октябрь");
    h.run();
    click_button(&mut h, t::SUBMIT_REPORT);
    assert!(h.state().features.contacts.report.is_none());
    assert!(
        h.query_by_label("Записать звонок: АО «А»").is_none(),
        "the row is gone from «Сегодня»"
    );
    let reports = contacts::service::list(&h.state().db, Some(client), None).expect("reports");
    let new = reports
        .iter()
        .find(|r| r.status == ReportStatus::Submitted)
        .expect("submitted report");
    assert_eq!(new.topics, "Обсудили счета за октябрь");

    // The head of the group acknowledges it with a comment.
    h.state_mut().set_user(Some(head)).expect("head");
    h.run();
    h.get_by_label(&t::reports_to_review(1));
    h.get_by_label("Открыть отчёт: АО «А»").click();
    h.run();
    type_into(&mut h, t::SUPERVISOR_COMMENT, "Хорошо, держать на контроле");
    click_button(&mut h, t::ACCEPT_REPORT);
    let accepted = contacts::service::open(&h.state().db, new.id.expect("id")).expect("report");
    assert_eq!(accepted.status, ReportStatus::Accepted);
    assert_eq!(accepted.supervisor_comment, "Хорошо, держать на контроле");
}

#[test]
fn contact_report_for_a_quarter_with_table_and_chart() {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, 10, 4, common::today()).expect("demo");
    let head = admin::service::managers(&db)
        .expect("managers")
        .into_iter()
        .find(|m| m.role == vipdesk::domain::Role::GroupHead)
        .and_then(|m| m.id);
    let app = app_on(db, head, Route::Today);
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_CONTACT_REPORT).click();
    h.run();
    // The period is chosen, not typed: «III квартал» of «2026 год».
    h.get_by_label(t::F_PERIOD_QUARTER).click();
    h.run();
    h.get_by_label("III квартал").click();
    h.run();
    h.get_by_label(t::F_PERIOD_YEAR).click();
    h.run();
    h.get_by_label("2026 год").click();
    h.run();
    assert_eq!(
        h.state().features.contacts.contact_report.picker.code(),
        "2026-Q3"
    );
    h.get_by_label(t::F_PERIOD_KIND).click();
    h.run();
    h.get_by_label(t::PERIOD_MONTH).click();
    h.run();
    assert_eq!(
        h.state().features.contacts.contact_report.picker.label(),
        "ноябрь 2026"
    );
    h.get_by_label(t::F_PERIOD_KIND).click();
    h.run();
    h.get_by_label(t::PERIOD_QUARTER).click();
    h.run();
    assert_eq!(
        h.state().features.contacts.contact_report.picker.label(),
        "III квартал 2026"
    );
    click_button(&mut h, t::BUILD_REPORT);
    h.get_by_label(&t::contact_report_title("3 квартал 2026 г."));
    let report = h
        .state()
        .features
        .contacts
        .contact_report
        .report
        .clone()
        .expect("report");
    assert_eq!(
        report.rows.len(),
        10,
        "the head of the group sees every client"
    );
    assert!(h.get_all_by_label_contains("Итого:").count() >= 4);
}

#[test]
fn leaving_an_unsaved_report_asks_first() {
    let (mut app, alpha, _) = app_with_two_clients();
    app.push(Command::Open(Route::NewReport(
        alpha,
        vipdesk::contacts::MeetingKind::Meeting,
    )));
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::F_TOPICS).click();
    h.run();
    h.get_by_label(t::F_TOPICS)
        .type_text("План работ на квартал");
    h.run();
    h.get_by_role_and_label(Role::Button, t::NAV_CLIENTS)
        .click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::YES_SAVE);
    assert!(h.state().features.contacts.report.is_none());
    let saved = contacts::service::list(&h.state().db, Some(alpha), None).expect("reports");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].topics, "План работ на квартал");
}

#[test]
fn the_remembered_user_gets_their_own_today_at_start() {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, 24, 6, common::today()).expect("demo");
    let manager = admin::service::managers(&db)
        .expect("managers")
        .into_iter()
        .find(|m| m.role == vipdesk::domain::Role::Manager)
        .expect("a manager");
    let prefs = Prefs {
        manager_uuid: Some(manager.uuid.clone()),
        ..Prefs::default()
    };
    let app = App::new(db, prefs).expect("app");
    assert_eq!(app.view.me_id(), manager.id);
    let mine: std::collections::HashSet<i64> = app
        .view
        .clients
        .iter()
        .filter(|r| r.manager_id == manager.id)
        .map(|r| r.id)
        .collect();
    let data = &app.features.contacts.today.data;
    assert!(data.count() > 0);
    assert!(
        data.calls
            .iter()
            .chain(&data.meetings)
            .all(|c| mine.contains(&c.client_id))
    );
    assert!(data.steps.iter().all(|s| mine.contains(&s.client_id)));
    let mut h = harness(app);
    h.run();
    let count = h.state().features.contacts.today.count();
    h.get_by_label(&t::with_count(t::TODAY, count));
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

fn harness_sized(app: App, w: f32, h: f32) -> H {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(20)
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app)
}

/// A head of the group with forty reports to review reaches the last of them, and what is
/// below them, in a 1280×800 window: the whole of «Сегодня» scrolls.
#[test]
fn the_heads_today_with_forty_reports_scrolls_to_the_last_one() {
    use vipdesk::contacts::{Meeting, MeetingKind};
    let (mut db, clock) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    clock.set_date(common::d(2026, 1, 10));
    for i in 1..=40 {
        let d = clients::Dossier {
            client: clients::Client {
                short_name: format!("АО «Клиент {i:02}»"),
                manager_id: Some(me),
                ..Default::default()
            },
            ..Default::default()
        };
        let client = clients::service::save(&mut db, &common::actor(me), &d).expect("client");
        let call = Meeting {
            client_id: client,
            manager_id: Some(me),
            kind: MeetingKind::Call,
            date: Some(common::today() - chrono::Duration::days(10)),
            topics: format!("Звонок {i}"),
            ..Default::default()
        };
        let id = contacts::service::save(&mut db, &common::actor(me), &call).expect("report");
        contacts::service::submit(&mut db, &common::actor(me), id).expect("submitted");
    }
    clock.set_date(common::today());
    let app = app_on(db, Some(head), Route::Today);
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    h.get_by_label(&t::reports_to_review(40));
    let last = format!("{}: АО «Клиент 40»", t::OPEN_REPORT);
    assert!(
        h.get_by_label(&last).rect().min.y > 800.0,
        "the last report starts out of sight"
    );
    h.get_by_label(&last).scroll_to_me();
    h.run();
    let rect = h.get_by_label(&last).rect();
    assert!(rect.max.y <= 800.0 && rect.min.y >= 0.0, "{rect:?}");
    h.get_by_label(&last).click();
    h.run();
    h.get_by_label(&t::report_title("АО «Клиент 40»"));
    // Back on «Сегодня», the meetings owed below the reports are within reach too.
    click_button(&mut h, t::CLOSE);
    let below = format!("{}: АО «Клиент 40»", t::RECORD_MEETING);
    h.get_by_label(&below).scroll_to_me();
    h.run();
    let rect = h.get_by_label(&below).rect();
    assert!(rect.max.y <= 800.0 && rect.min.y >= 0.0, "{rect:?}");
}

/// Typing 999999999 in «Звонок руководству: каждые (дней)» is refused beside the field: the
/// state below keeps the saved rhythm, nothing overflows, the save is refused.
#[test]
fn a_rhythm_of_999999999_days_is_refused_without_a_crash() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::TAB_CONTACTS);
    type_into(&mut h, t::F_CALL_EVERY, "999999999");
    h.run();
    h.get_by_label(t::RHYTHM_INVALID);
    assert!(h.get_all_by_label(&t::err_range(1, 365)).count() > 0);
    click_button(&mut h, t::SAVE);
    assert!(h.state().toasts.texts().contains(&t::SAVE_REFUSED));
    let d = clients::service::open(&h.state().db, alpha).expect("dossier");
    assert_eq!(d.client.call_every_days, None, "nothing saved");
    assert_eq!(
        input(&h, t::F_CALL_EVERY).value().as_deref(),
        Some("999999999"),
        "the draft is kept"
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
        &t::with_count(t::TODAY, h.state().features.contacts.today.count()),
    )
    .click();
    h.run();
    h.get_by_label(&t::today_title("26.11.2026"));
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

/// An app over a database file in `dir` with one manager and the client «АО «Альфа»».
fn app_on_file(dir: &std::path::Path) -> (App, Id) {
    let mut db = Db::open(&dir.join("v.db")).expect("db");
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::on(
        common::today(),
    )));
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    clients::service::save(&mut db, &common::actor(me), &d).expect("saved");
    (app_on(db, Some(me), Route::Today), me)
}

/// «Резервные копии»: «Создать копию» lists a verified copy with its counts; after a change,
/// «Восстановить» asks first, then brings the copy's data back and keeps the replaced data.
#[test]
fn backups_screen_makes_a_copy_and_restores_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let (app, me) = app_on_file(dir.path());
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

    let me = admin::service::managers(&db).expect("managers")[0].id;
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

/// Another instance (a second connection to the same file) saves the dossier while it is
/// edited here: different fields merge with a word to the user; the same field shows both
/// values, «Сохранить мои значения» keeps mine and still their other change; nothing is lost.
#[test]
fn an_edit_over_another_instances_save_is_merged_or_asked() {
    let dir = tempfile::tempdir().expect("tmp");
    let (app, me) = app_on_file(dir.path());
    let alpha = clients::service::list(&app.db).expect("list")[0].id;
    let mut other = Db::open_existing(&dir.path().join("v.db")).expect("second instance");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();

    // They change the address; I change the full name: both stay.
    let mut d = clients::service::open(&other, alpha).expect("load");
    d.client.legal_address = "г. Орёл, ул. Новая, 1".into();
    clients::service::save(&mut other, &common::actor(me), &d).expect("their save");
    type_into(&mut h, t::F_FULL_NAME, "Акционерное общество «Альфа»");
    click_button(&mut h, t::SAVE);
    let saved = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(saved.client.full_name, "Акционерное общество «Альфа»");
    assert_eq!(saved.client.legal_address, "г. Орёл, ул. Новая, 1");
    assert!(h.state().toasts.texts().contains(&t::MERGED_SAVED));

    // Both change the postal address and they add a person: both values shown; mine kept,
    // their person too.
    let mut d = clients::service::open(&other, alpha).expect("load");
    d.client.postal_address = "их адрес".into();
    d.people.push(clients::Person {
        surname: "Сидоров".into(),
        name: "Пётр".into(),
        ..Default::default()
    });
    clients::service::save(&mut other, &common::actor(me), &d).expect("their save");
    type_into(&mut h, t::F_POSTAL_ADDRESS, "мой адрес");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::CONFLICT_TITLE);
    h.get_by_label("их адрес");
    h.get_by_label("мой адрес");
    let unchanged = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(
        unchanged.client.postal_address, "их адрес",
        "nothing written yet"
    );
    click_button(&mut h, t::KEEP_MINE);
    let saved = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(saved.client.postal_address, "мой адрес");
    assert_eq!(saved.people.len(), 1, "their new person stays");
    assert!(!h.state_mut().has_unsaved_edits());

    // Once more, and this time take theirs: my edit goes, theirs shows.
    let mut d = clients::service::open(&other, alpha).expect("load");
    d.client.kpp = "575101001".into();
    clients::service::save(&mut other, &common::actor(me), &d).expect("their save");
    clear_field(&mut h, t::F_KPP);
    type_into(&mut h, t::F_KPP, "575101002");
    click_button(&mut h, t::SAVE);
    click_button(&mut h, t::TAKE_THEIRS);
    assert_eq!(
        input(&h, t::F_KPP).value().as_deref(),
        Some("575101001"),
        "the form shows what is saved"
    );
    assert!(!h.state_mut().has_unsaved_edits());
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

/// A client of 1,000-character names is in the list and its dossier at 1280×800, and a
/// 100 KB letter opens, takes typing and its preview follows.
#[test]
fn thousand_character_names_and_a_100_kb_letter_in_the_gui() {
    let (mut app, alpha, _) = app_with_two_clients();
    let mut d = clients::service::open(&app.db, alpha).expect("load");
    let long = format!("АО «Альфа» {}", "очень длинное наименование ".repeat(40));
    d.client.short_name = long
        .chars()
        .take(1000)
        .collect::<String>()
        .trim()
        .to_string();
    d.client.full_name = "Я".repeat(1000);
    clients::service::save(&mut app.db, &Actor::SYSTEM, &d).expect("save");
    let para = "Сообщаем, что начисления по договору пересчитаны с учётом показаний.\n";
    let (id, letter) = free_letter(&mut app.db, alpha, &para.repeat(100_000 / para.len() + 1));
    app.reload().expect("reload");
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    // The list cuts the middle of a long name; its start is shown.
    h.get_by(|n| {
        n.value()
            .is_some_and(|v| v.starts_with("АО «Альфа» о") && v.contains('…'))
    })
    .click();
    h.run();
    assert_eq!(dossier_client(&h), Some(alpha));
    h.state_mut().open(Route::Letter(id)).expect("open");
    h.run();
    // The field is taller than the window: focused as Tab would, not by a click at its middle.
    h.get_by_label(t::F_BODY).focus();
    h.run();
    h.get_by_label(t::F_BODY).type_text("Итог.");
    h.run();
    let body = h
        .state()
        .features
        .letters
        .editor
        .as_ref()
        .map(|e| e.letter.body.clone())
        .expect("editor");
    assert_eq!(body.len(), letter.body.len() + "Итог.".len(), "nothing cut");
    h.get_by_label_contains("Итог.");
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

/// A draft of the free template to `client` with `body`, saved: its id and the letter.
fn free_letter(db: &mut Db, client: Id, body: &str) -> (Id, letters::Letter) {
    let template = letters::service::free_template(db).expect("template");
    let mut letter = letters::service::draft_for(
        db,
        client,
        None,
        &template,
        None,
        &letters::Reply::default(),
        common::today(),
    )
    .expect("draft");
    letter.body = body.to_string();
    let id = letters::service::save_draft(db, &Actor::SYSTEM, &letter).expect("save");
    (id, letter)
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

/// An appeal registered in the window shows its deadline; «Ответить письмом» opens the reply
/// pre-filled with «На № … от …»; registering the letter sends the answer.
#[test]
fn register_an_appeal_see_its_deadline_reply_with_a_letter() {
    use vipdesk::appeals::{AppealStatus, service as appeals};
    let (mut app, alpha, _) = app_with_two_clients();
    let mut d = clients::service::open(&app.db, alpha).expect("load");
    d.people.push(clients::Person {
        surname: "Иванов".into(),
        name: "Иван".into(),
        patronymic: "Иванович".into(),
        gender: Some(vipdesk::domain::names::Gender::Male),
        position: "Генеральный директор".into(),
        ..Default::default()
    });
    clients::service::save(&mut app.db, &Actor::SYSTEM, &d).expect("save");
    app.open(Route::Appeals).expect("register");
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::NEW_APPEAL);
    // Registering without a client and a subject is refused beside the fields.
    click_button(&mut h, t::REGISTER_APPEAL);
    let required = t::describe(&vipdesk::domain::FieldError::Required);
    assert_eq!(
        h.get_all_by_label_contains(&required).count(),
        2,
        "client and subject"
    );
    h.get_by_role_and_label(Role::ComboBox, t::F_CLIENT).click();
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, t::F_CHANNEL)
        .click();
    h.run();
    h.get_by_label(t::CHANNEL_POST).click();
    h.run();
    type_into(&mut h, t::F_SUBJECT, "Ошибка в счёте за октябрь");
    click_button(&mut h, t::REGISTER_APPEAL);
    // Registered today (Wednesday 25.11.2026): 30 days → 25.12.2026 (Friday).
    h.get_by_label(&t::appeal_title("ОБ-1/26"));
    h.get_by_label_contains("25.12.2026");
    let id = h
        .state()
        .features
        .appeals
        .card
        .as_ref()
        .and_then(|c| c.id())
        .expect("saved appeal");
    let a = appeals::open(&h.state().db, id).expect("appeal");
    assert_eq!(a.status, AppealStatus::Registered);
    assert_eq!(a.reply_channel, vipdesk::appeals::Channel::Post);
    click_button(&mut h, t::REPLY_LETTER);
    // The reply: «На № ОБ-1/26 от 25.11.2026», to the director, linked to the appeal.
    h.get_by_label_contains("На № ОБ-1/26 от 25.11.2026");
    h.get_by_label(&t::letter_of_appeal("ОБ-1/26"));
    click_button(&mut h, t::REGISTER_LETTER);
    h.get_by_label(&t::letter_title("VIP-1", "25.11.2026"));
    let a = appeals::open(&h.state().db, id).expect("appeal");
    assert_eq!(a.status, AppealStatus::AnswerSent);
    // Back on the appeal: «ответ направлен», the letter among its letters.
    h.get_by_label(&t::letter_of_appeal("ОБ-1/26")).click();
    h.run();
    assert!(
        h.get_all_by_label_contains(AppealStatus::AnswerSent.label())
            .count()
            > 0
    );
    assert!(h.get_all_by_label_contains("ответ: VIP-1").count() > 0);
}

/// The register filters as the manager types, and the call card finds a caller by any form
/// of the number.
#[test]
fn the_register_filters_and_the_call_card_finds_the_caller() {
    let (mut db, _) = common::db();
    vipdesk::demo::generate(&mut db, 12, 7, common::today()).expect("demo");
    let manager = clients::service::list(&db).expect("rows")[0].manager_id;
    let app = app_on(db, manager, Route::Appeals);
    let mut h = harness(app);
    h.run();
    let all = h.state().features.appeals.register.total;
    assert!(all >= 150, "{all}");
    type_into(&mut h, t::SEARCH_APPEALS, "перерасч");
    let found = h.state().features.appeals.register.total;
    assert!(found > 0 && found < all, "{found} of {all}");
    // The call card over the register: F2, a number typed as people say it.
    h.key_press(egui::Key::F2);
    h.run();
    let phone = {
        let db = &h.state().db;
        let rows = clients::service::list(db).expect("rows");
        rows.iter()
            .flat_map(|r| clients::service::open(db, r.id).expect("d").people)
            .find_map(|p| p.phones.first().cloned())
            .expect("a phone in the demo")
    };
    let typed = format!("8 ({}) {}", &phone.number[2..5], &phone.number[5..]);
    type_into(&mut h, t::CALL_NUMBER, &typed);
    click_button(&mut h, t::CALL_FIND);
    assert!(
        !h.state().features.appeals.call.callers.is_empty(),
        "{typed}"
    );
    h.get_by_label_contains(t::CALL_CLOSING);
}

/// «Производственный календарь»: a predicted year says so; the head of the group clicks a day
/// and makes it a day off by a decree; a manager only looks.
#[test]
fn the_head_corrects_a_predicted_year_in_the_calendar() {
    use vipdesk::domain::calendar::DayKind;
    let (mut db, _) = common::db();
    let head = common::add_with_role(
        &mut db,
        "Киселёв",
        "Дмитрий",
        "Андреевич",
        vipdesk::domain::Role::GroupHead,
    );
    let app = app_on(db, Some(head), Route::Calendar);
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains(t::YEAR_OFFICIAL);
    for _ in 0..3 {
        h.get_by_label("›").click();
        h.run();
    }
    h.get_by_label_contains(t::YEAR_PREDICTED);
    h.get_by_label("31.12.2029 — сокращённый").click();
    h.run();
    h.get_by_label(DayKind::DayOff.label()).click();
    h.run();
    type_into(
        &mut h,
        t::CALENDAR_DECREE,
        "Постановление от 01.10.2029 № 1500",
    );
    click_button(&mut h, t::CALENDAR_APPLY);
    h.get_by_label("31.12.2029 — выходной");
    let cal = vipdesk::calendar::service::calendar(&h.state().db).expect("calendar");
    let d = common::d(2029, 12, 31);
    assert!(!cal.is_working(d));
    assert_eq!(
        cal.day(d).source,
        vipdesk::domain::calendar::Source::Override {
            decree: "Постановление от 01.10.2029 № 1500".into()
        }
    );
    h.get_by_label_contains("Постановление от 01.10.2029 № 1500");
}

/// An e-mail file taken in through the register: the card is filled from it (sender's client,
/// subject, text, the attachment listed) and registered with a click.
#[test]
fn an_email_file_becomes_a_filled_appeal_card() {
    use vipdesk::appeals::{AppealStatus, Channel, service as appeals};
    let (mut app, alpha, _) = app_with_two_clients();
    let mut d = clients::service::open(&app.db, alpha).expect("load");
    d.people.push(clients::Person {
        surname: "Соколов".into(),
        name: "Игорь".into(),
        patronymic: "Андреевич".into(),
        position: "Генеральный директор".into(),
        email: "sokolov@example.ru".into(),
        ..Default::default()
    });
    clients::service::save(&mut app.db, &Actor::SYSTEM, &d).expect("save");
    app.open(Route::Appeals).expect("register");
    let mut h = harness(app);
    h.run();
    let eml = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mail/cp1251_with_attachment.eml");
    type_into(&mut h, t::FROM_EML, eml.to_str().expect("path"));
    click_button(&mut h, t::OPEN_APPEAL);
    h.get_by_label_contains("Счёт-октябрь.pdf");
    let card = h.state().features.appeals.card.as_ref().expect("card");
    assert_eq!(card.draft.appeal.client_id, alpha);
    assert_eq!(card.draft.appeal.subject, "Перерасчёт за октябрь");
    assert_eq!(card.draft.date, "20.11.2026");
    // Leaving it unsaved asks first.
    assert!(h.state_mut().has_unsaved_edits());
    click_button(&mut h, t::REGISTER_APPEAL);
    let id = h
        .state()
        .features
        .appeals
        .card
        .as_ref()
        .and_then(|c| c.id())
        .expect("saved");
    let a = appeals::open(&h.state().db, id).expect("appeal");
    assert_eq!(a.status, AppealStatus::Registered);
    assert_eq!(a.reply_channel, Channel::Email);
    let details = appeals::details(&h.state().db, &a).expect("details");
    assert_eq!(details.attachments.len(), 1);
}

// ---- Issue 10: screens a manager works in all day ----

fn focused(h: &H) -> Option<egui::Id> {
    h.ctx.memory(|m| m.focused())
}

fn press(h: &mut H, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_combination_modifiers(modifiers, &[key]);
    h.run();
}

/// ↓/↑ walk the client list, Ctrl+F puts the cursor in the search, Enter opens the first
/// match, Ctrl+S saves, Esc asks about unsaved edits (and a second Esc cancels the question),
/// Ctrl+N starts a new client.
#[test]
fn the_keyboard_drives_the_client_list_and_the_dossier() {
    let (app, alpha, beta) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    let none = egui::Modifiers::NONE;
    let ctrl = egui::Modifiers::COMMAND;
    press(&mut h, none, egui::Key::ArrowDown);
    assert_eq!(dossier_client(&h), Some(alpha));
    press(&mut h, none, egui::Key::ArrowDown);
    assert_eq!(dossier_client(&h), Some(beta));
    press(&mut h, none, egui::Key::ArrowUp);
    assert_eq!(dossier_client(&h), Some(alpha));
    // Ctrl+F, a name, Enter.
    press(&mut h, ctrl, egui::Key::F);
    assert_eq!(focused(&h), Some(vipdesk::ui::widgets::search_id()));
    h.event(egui::Event::Text("Бета".into()));
    h.run();
    press(&mut h, none, egui::Key::Enter);
    assert_eq!(dossier_client(&h), Some(beta));
    // An edit saved with Ctrl+S.
    input(&h, t::F_SHORT_NAME).click();
    h.run();
    input(&h, t::F_SHORT_NAME).type_text(" плюс");
    h.run();
    press(&mut h, ctrl, egui::Key::S);
    let saved = clients::service::open(&h.state().db, beta).expect("dossier");
    assert_eq!(saved.client.short_name, "АО «Бета» плюс");
    // Another edit; Esc leaves the field, Esc asks, Esc cancels the question: nothing lost.
    input(&h, t::F_SHORT_NAME).click();
    h.run();
    input(&h, t::F_SHORT_NAME).type_text("!");
    h.run();
    input(&h, t::F_SHORT_NAME).click();
    h.run();
    assert!(focused(&h).is_some());
    press(&mut h, none, egui::Key::Escape);
    assert!(
        h.state().pending.is_none(),
        "the first Esc only leaves the field"
    );
    press(&mut h, none, egui::Key::Escape);
    assert!(h.state().pending.is_some(), "Esc asks about the edits");
    h.get_by_label(t::UNSAVED_TITLE);
    press(&mut h, none, egui::Key::Escape);
    assert!(h.state().pending.is_none());
    assert_eq!(dossier_client(&h), Some(beta));
    assert!(h.state_mut().has_unsaved_edits(), "the edit is still there");
    // Esc again, then «Не сохранять»: back to the list.
    press(&mut h, none, egui::Key::Escape);
    click_button(&mut h, t::DONT_SAVE);
    assert_eq!(dossier_client(&h), None);
    // Ctrl+N on the client list: a new client.
    press(&mut h, ctrl, egui::Key::N);
    assert_eq!(h.state().route, Route::NewClient);
}

/// «Закрыть» goes back to where the user came from, not always to the list.
#[test]
fn close_returns_to_the_screen_the_user_came_from() {
    let (mut app, alpha, _) = app_with_two_clients();
    app.open(Route::Today).expect("today");
    app.open(Route::Client(alpha, vipdesk::ui::clients::Tab::Enterprise))
        .expect("dossier");
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::CLOSE);
    assert_eq!(h.state().route, Route::Today);
}

/// The divider between the list and the dossier is dragged, and the width is kept in the
/// preferences for the next run.
#[test]
fn the_list_divider_is_dragged_and_remembered() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    assert_eq!(dossier_client(&h), Some(alpha));
    // The list's edge: just right of its search field, which fills the list's width.
    let search = input(&h, t::SEARCH).rect();
    let edge = search.max.x + 8.0;
    assert_eq!(h.state().prefs().list_width, None, "nothing dragged yet");
    let at = |x: f32| egui::pos2(x, 600.0);
    h.event(egui::Event::PointerMoved(at(edge)));
    h.run();
    h.event(egui::Event::PointerButton {
        pos: at(edge),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    for step in 1..=10 {
        h.event(egui::Event::PointerMoved(at(edge + 15.0 * step as f32)));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: at(edge + 150.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let width = h
        .state()
        .prefs()
        .list_width
        .expect("the width is remembered");
    assert!(
        (width - search.width() - 150.0).abs() < 40.0,
        "dragged to {width} from about {}",
        search.width()
    );
    // The next run starts with it.
    let prefs = h.state().prefs();
    let db = std::mem::replace(
        &mut h.state_mut().db,
        Db::open_in_memory().expect("placeholder"),
    );
    let mut next = App::new(db, prefs).expect("app");
    next.open(Route::Clients).expect("clients");
    assert_eq!(next.features.clients.list_width, Some(width));
}

/// An error beside a field goes as soon as the field is right, before any save.
#[test]
fn a_field_error_goes_when_the_field_is_fixed() {
    let (app, _, beta) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Бета»").click();
    h.run();
    assert_eq!(dossier_client(&h), Some(beta));
    clear_field(&mut h, t::F_INN);
    input(&h, t::F_INN).type_text("5751001231");
    h.run();
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::ERR_INN_CHECKSUM);
    clear_field(&mut h, t::F_INN);
    input(&h, t::F_INN).type_text("5751001230");
    h.run();
    h.run();
    assert!(
        h.query_by_label(t::ERR_INN_CHECKSUM).is_none(),
        "the error stayed after the fix"
    );
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

/// Names that differ only at their end stay told apart in a narrow list: the middle is cut,
/// not the end.
#[test]
fn long_names_are_cut_in_the_middle() {
    let ctx = egui::Context::default();
    let mut shown = Vec::new();
    let mut out = ctx.run_ui(Default::default(), |ui| {
        for n in [11, 12] {
            let name = format!("МУП «Болховский плодоконсервный хлебозавод № {n}»");
            shown.push(vipdesk::ui::widgets::middle_elide(ui, &name, 150.0));
        }
        shown.push(vipdesk::ui::widgets::middle_elide(ui, "АО «Альфа»", 300.0));
    });
    out.textures_delta.clear();
    assert_ne!(shown[0], shown[1], "{shown:?}");
    assert!(
        shown[0].contains('…') && shown[0].ends_with("11»"),
        "{shown:?}"
    );
    assert_eq!(shown[2], "АО «Альфа»");
}

/// A strategic client whose general director (category 1) turns 46 on 10 December 2026; the
/// person's id.
fn client_with_a_birthday(db: &mut Db, manager: Id) -> Id {
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            strategic: true,
            manager_id: Some(manager),
            ..Default::default()
        },
        people: vec![clients::Person {
            surname: "Белов".into(),
            name: "Сергей".into(),
            patronymic: "Петрович".into(),
            position: "Генеральный директор".into(),
            category: Some(1),
            birthday: Some(common::d(1980, 12, 10)),
            ..Default::default()
        }],
        ..Default::default()
    };
    let id = clients::service::save(db, &Actor::SYSTEM, &d).expect("client");
    clients::service::open(db, id).expect("dossier").people[0]
        .id
        .expect("person")
}

#[test]
fn a_birthday_gift_planned_ordered_handed_and_never_repeated() {
    use vipdesk::greetings::{GiftStatus, service};
    let (mut db, clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let person = client_with_a_birthday(&mut db, me);
    let mut h = harness(app_on(db, Some(me), Route::Greetings));
    h.run();
    // The schedule: the birthday first (10.12), then the New Year and 23 February.
    assert!(h.get_all_by_label_contains("10.12.2026").count() > 0);
    h.get_all_by_role_and_label(Role::Button, t::PLAN_GIFT)
        .next()
        .expect("a greeting to plan")
        .click();
    h.run();
    type_into(&mut h, t::F_GIFT_ITEM, "Набор «Орловский мёд»");
    type_into(&mut h, t::F_GIFT_AMOUNT, "9000");
    click_button(&mut h, t::PLAN_SAVE);
    let gifts = service::gifts_of(&h.state().db, person).expect("gifts");
    assert_eq!(gifts.len(), 1, "planned");
    assert_eq!(gifts[0].status, GiftStatus::Draft);
    assert_eq!(gifts[0].holiday_date, Some(common::d(2026, 12, 10)));
    assert!(
        h.state().features.greetings.plan.is_none(),
        "the form closed"
    );
    // The order: approved, handed to the administrative sector, bought, handed over.
    h.get_by_label(t::NAV_GIFTS).click();
    h.run();
    h.get_by_label_contains("заказать до");
    for step in ["approved", "sent", "bought"] {
        click_button(
            &mut h,
            &format!("{}: Набор «Орловский мёд»", t::next_step_button(step)),
        );
    }
    assert_eq!(
        service::gifts_of(&h.state().db, person).expect("gifts")[0].status,
        GiftStatus::Bought
    );
    // The birthday comes: the gift is handed on the day.
    clock.set_date(common::d(2026, 12, 10));
    h.run();
    click_button(
        &mut h,
        &format!("{}: Набор «Орловский мёд»", t::next_step_button("handed")),
    );
    // The hand-over asks who handed it and to whom; the person is proposed.
    assert_eq!(
        input(&h, t::F_HANDED_TO).value().as_deref(),
        Some("Белов Сергей Петрович")
    );
    click_button(&mut h, t::HANDOVER_SAVE);
    let handed = &service::gifts_of(&h.state().db, person).expect("gifts")[0];
    assert_eq!(handed.status, GiftStatus::Handed);
    assert_eq!(handed.handed_on, Some(common::d(2026, 12, 10)));
    assert_eq!(handed.handed_by.replace('\u{a0}', " "), "Петрова А.С.");
    // The same gift again, written otherwise, for the New Year: refused with the date.
    h.get_by_label(t::NAV_GREETINGS).click();
    h.run();
    h.get_all_by_role_and_label(Role::Button, t::PLAN_GIFT)
        .next()
        .expect("the New Year to plan")
        .click();
    h.run();
    type_into(&mut h, t::F_GIFT_ITEM, "набор  орловский МЕД");
    click_button(&mut h, t::PLAN_SAVE);
    h.get_by_label_contains("уже вручён этому человеку 10.12.2026");
    // The draft stays in the form; nothing was recorded.
    assert!(h.state().features.greetings.plan.is_some());
    assert_eq!(
        service::gifts_of(&h.state().db, person)
            .expect("gifts")
            .len(),
        1
    );
}

#[test]
fn limits_departing_from_the_proportions_are_warned_and_saved() {
    let (mut db, _) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let mut h = harness(app_on(db, Some(me), Route::Greetings));
    h.run();
    h.get_by_label(t::LIMITS_TITLE).click();
    h.run();
    let cell = format!("{} — {}", t::category_row(2), t::LIMIT_COLUMNS[1]);
    clear_field(&mut h, &cell);
    input(&h, &cell).type_text("3000");
    h.run();
    h.get_by_label_contains("2 категория отходит от пропорций");
    click_button(&mut h, t::SAVE_LIMITS);
    let (limits, set) =
        vipdesk::greetings::service::limits_of(&h.state().db, 2026).expect("limits");
    assert!(set);
    assert_eq!(limits.matrix[1], [3_000.0, 3_000.0, 12_000.0]);
    // «По пропорциям регламента» puts them back from the general holiday's column.
    click_button(&mut h, t::LIMITS_PROPORTIONAL);
    assert!(h.query_by_label_contains("отходит от пропорций").is_none());
    // The regulation's rules: jubilees at 45 too; a bad list is refused in Russian.
    clear_field(&mut h, t::F_JUBILEE_AGES);
    input(&h, t::F_JUBILEE_AGES).type_text("30, сорок");
    h.run();
    click_button(&mut h, t::SAVE_REGULATION);
    h.get_by_label(t::BAD_AGES);
    clear_field(&mut h, t::F_JUBILEE_AGES);
    input(&h, t::F_JUBILEE_AGES).type_text("30, 40, 45");
    h.run();
    click_button(&mut h, t::SAVE_REGULATION);
    let reg = vipdesk::greetings::service::regulation(&h.state().db).expect("regulation");
    assert_eq!(reg.jubilee_ages, vec![30, 40, 45]);
    assert!(reg.is_jubilee(45));
}
