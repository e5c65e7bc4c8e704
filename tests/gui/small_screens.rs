//! The smaller points of a department's day: errors that go when fixed, messages that cover
//! nothing, the way back to where the user was, the selection kept, a user's report not shown
//! to the next user, a call from an unknown number recorded, weeks said in words.

use super::*;

/// The first run's card: a date that does not exist is refused beside its field; fixed, the
/// error goes.
#[test]
fn a_fixed_date_loses_its_error_on_the_first_run() {
    let (db, _) = common::db();
    let mut h = harness(App::with_reads(db, Prefs::default(), false).expect("app"));
    h.run();
    type_into(&mut h, t::F_SURNAME, "Киселёв");
    type_into(&mut h, t::F_NAME, "Дмитрий");
    type_into(&mut h, t::F_APPOINTMENT_DATE, "31.02.2024");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::ERR_NO_SUCH_DATE);
    clear_field(&mut h, t::F_APPOINTMENT_DATE);
    input(&h, t::F_APPOINTMENT_DATE).type_text("28.02.2024");
    h.run();
    assert!(
        h.query_by_label(t::ERR_NO_SUCH_DATE).is_none(),
        "the error goes when fixed"
    );
}

/// A message lives in the status line at the foot of the window: at 1280×800 it covers no
/// navigation entry and no button.
#[test]
fn a_message_covers_nothing_at_1280x800() {
    let (app, _, _) = app_with_two_clients();
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::SAVE);
    assert!(!h.state().toasts.is_empty());
    let toast = h.get_by_label_contains(t::SAVED).rect();
    assert!(
        toast.min.y >= 800.0 - 3.0 * theme_row(),
        "{toast:?} at the foot"
    );
    for label in [
        t::NAV_CLIENTS,
        t::TODAY,
        t::NAV_JOURNAL,
        t::NAV_MANAGERS,
        t::SAVE,
    ] {
        for n in h.query_all_by_label(label) {
            assert!(
                !n.rect().intersects(toast),
                "{label} covered by the message"
            );
        }
    }
}

fn theme_row() -> f32 {
    vipdesk::ui::theme::ROW_HEIGHT
}

/// «Закрыть» on a report started from a dossier's tab goes back to that tab; so does
/// «Передать руководителю».
#[test]
fn the_way_back_returns_to_the_tab_the_user_was_on() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.state_mut()
        .open(Route::Client(alpha, vipdesk::ui::clients::Tab::Contacts))
        .expect("dossier");
    h.run();
    h.state_mut()
        .open(Route::NewReport(alpha, contacts::MeetingKind::Call))
        .expect("report");
    h.run();
    h.get_by_label(t::F_TOPICS).click();
    h.run();
    h.get_by_label(t::F_TOPICS).type_text("Сверили счета");
    h.run();
    click_button(&mut h, t::SUBMIT_REPORT);
    assert_eq!(
        h.state().route,
        Route::Client(alpha, vipdesk::ui::clients::Tab::Contacts),
        "back on the dossier's contacts, not on «Сегодня»"
    );
    // Away from the dossier on «Переписка и файлы» and back with «Закрыть».
    click_button(&mut h, t::TAB_RECORDS);
    h.state_mut()
        .open(Route::NewReport(alpha, contacts::MeetingKind::Meeting))
        .expect("report");
    h.run();
    click_button(&mut h, t::CLOSE);
    assert_eq!(
        h.state().route,
        Route::Client(alpha, vipdesk::ui::clients::Tab::Records)
    );
}

/// A new person saved stays the one selected (not the first of the list).
#[test]
fn a_new_person_saved_stays_selected() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::TAB_PEOPLE);
    for surname in ["Афанасьев", "Яковлев"] {
        click_button(&mut h, t::ADD_PERSON);
        type_into(&mut h, t::F_SURNAME, surname);
        type_into(&mut h, t::F_NAME, "Иван");
        click_button(&mut h, t::SAVE);
    }
    let d = clients::service::open(&h.state().db, alpha).expect("dossier");
    assert_eq!(d.people.len(), 2);
    assert_eq!(
        input(&h, t::F_SURNAME).value().as_deref(),
        Some("Яковлев"),
        "the person just saved"
    );
}

/// The head's contact report is not shown to the manager who signs in after.
#[test]
fn the_contact_report_of_one_user_is_not_shown_to_the_next() {
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let mut h = harness(app_on(db, Some(head), Route::ContactReport));
    h.run();
    click_button(&mut h, t::BUILD_REPORT);
    assert!(h.state().features.contacts.contact_report.report.is_some());
    h.state_mut().set_user(Some(me)).expect("manager");
    h.run();
    assert!(h.state().features.contacts.contact_report.report.is_none());
}

/// F2 with a number nobody has: the call is recorded for the client the user picks, and an
/// appeal registered from it keeps the number.
#[test]
fn a_call_from_an_unknown_number_is_recorded_for_the_client_chosen() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.key_press(egui::Key::F2);
    h.run();
    type_into(&mut h, t::CALL_NUMBER, "8 (915) 000-11-22");
    click_button(&mut h, t::CALL_FIND);
    h.get_by_role_and_label(Role::ComboBox, t::F_CLIENT).click();
    h.run();
    h.get_all_by_label("АО «Альфа»")
        .last()
        .expect("in the list")
        .click();
    h.run();
    click_button(&mut h, t::CALL_FROM_CLIENT);
    h.get_by_role_and_label(Role::MultilineTextInput, t::CALL_SUMMARY)
        .click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, t::CALL_SUMMARY)
        .type_text("Спрашивали о счёте");
    h.run();
    click_button(&mut h, t::CALL_RECORD_APPEAL);
    let rows = vipdesk::appeals::service::of_client(&h.state().db, alpha, 10).expect("appeals");
    assert_eq!(rows.len(), 1);
    let a = vipdesk::appeals::service::open(&h.state().db, rows[0].id).expect("appeal");
    assert_eq!(a.sender_contact, "+7 915 000-11-22");
    assert_eq!(a.person_id, None);
}

/// The weekly memo's week is said in words, not as «2026-W48».
#[test]
fn the_memos_week_is_said_in_words() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    h.state_mut().open(Route::AppealReports).expect("reports");
    h.run();
    h.get_by_label_contains("48-я неделя 2026 г.: 23.11.2026 — 29.11.2026");
    assert!(h.query_by_label_contains("W48").is_none());
}

/// The window reads «Сегодня» and «Подарки» off the UI thread: the frame after opening draws
/// at once, with «Загрузка…», and the rows come when the read is done.
#[test]
fn long_reads_run_off_the_ui_thread_and_arrive() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_file(dir.path(), 48);
    let head = head_of(&db);
    let mut app = App::new(db, Prefs::default()).expect("app");
    app.set_user(head).expect("head");
    let mut h = harness(app);
    let arrived = |h: &mut H, done: &dyn Fn(&App) -> bool| {
        for _ in 0..400 {
            h.step();
            if done(h.state()) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        false
    };
    assert!(arrived(&mut h, &|a| a.features.overview.summary.is_some()));
    h.state_mut().open(Route::Gifts).expect("gifts");
    h.step();
    assert!(arrived(&mut h, &|a| !a
        .features
        .greetings
        .gifts
        .rows
        .is_empty()));
    h.get_by_label(t::GIFTS_TITLE);
}
