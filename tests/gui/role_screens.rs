//! Roles in the window: each duty of the head is disabled for a manager with the reason on
//! hover and enabled for the head; signing in proves who works.

use super::*;
use vipdesk::domain::Role as UserRole;

/// A head and a manager with their passwords, and a client of the manager with a report
/// submitted: (db, head, manager, report).
fn department() -> (Db, Id, Id, Id) {
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let (_, client) = {
        let d = clients::Dossier {
            client: clients::Client {
                short_name: "АО «Альфа»".into(),
                inn: "7707083893".into(),
                manager_id: Some(me),
                ..Default::default()
            },
            ..Default::default()
        };
        (
            (),
            clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("client"),
        )
    };
    let actor = common::actor(me);
    let report = contacts::service::new_report(
        client,
        contacts::MeetingKind::Meeting,
        &actor,
        common::today(),
    );
    let report = contacts::service::save(&mut db, &actor, &report).expect("report");
    contacts::service::submit(&mut db, &actor, report).expect("submitted");
    use vipdesk::admin::identity::{self, Proof};
    identity::sign_in(
        &mut db,
        head,
        Proof::NewPassword("пароль-головы", "пароль-головы"),
    )
    .expect("head's password");
    let head_actor = Actor::manager(head, UserRole::GroupHead);
    identity::set_password(
        &mut db,
        &head_actor,
        me,
        "пароль-петровой",
        "пароль-петровой",
    )
    .expect("manager's password");
    (db, head, me, report)
}

/// Another manager and their client «АО «Бета»»: (manager, client).
fn anothers_client(db: &mut Db) -> (Id, Id) {
    let other = common::add_manager(db, "Орлова", "Мария", "Ивановна");
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Бета»".into(),
            inn: "5751001230".into(),
            manager_id: Some(other),
            ..Default::default()
        },
        ..Default::default()
    };
    (
        other,
        clients::service::save(db, &Actor::SYSTEM, &d).expect("client"),
    )
}

/// Whether the button `label` on `route` is offered to the user: enabled, disabled (with the
/// reason on hover), or absent.
fn offered(h: &mut H, route: Route, label: &str) -> Option<bool> {
    h.state_mut().open(route).expect("route");
    h.run();
    if route == Route::Greetings {
        h.get_by_label(t::LIMITS_TITLE).click();
        h.run();
    }
    h.query_by_label(label)?;
    Some(!is_disabled(h, label))
}

#[test]
fn each_duty_of_the_head_is_the_heads_in_the_window() {
    let (db, head, me, report) = department();
    let duties: Vec<(Route, &str)> = vec![
        (Route::Greetings, t::SAVE_LIMITS),
        (Route::Greetings, t::SAVE_REGULATION),
        (Route::AppealSettings, t::SAVE_SETTINGS),
        (Route::Report(report), t::ACCEPT_REPORT),
    ];
    let mut h = harness(app_on(db, Some(me), Route::Today));
    h.run();
    for (route, label) in &duties {
        assert_ne!(
            offered(&mut h, *route, label),
            Some(true),
            "a manager is offered «{label}»"
        );
    }
    // The calendar shows its days to a manager, not the way to change them.
    h.state_mut().open(Route::Calendar).expect("calendar");
    h.run();
    h.get_by_label_contains(t::CALENDAR_PICK_TO_SEE);
    // Another manager's password and the sign-in mode are the head's.
    h.state_mut()
        .push(Command::from(vipdesk::ui::admin::Cmd::Edit(Some(head))));
    h.state_mut().open(Route::Managers).expect("managers");
    h.run();
    assert!(is_disabled(&h, t::SET_PASSWORD));
    assert!(is_disabled(&h, t::ACCESS_MODE_SAVE));
    assert!(
        is_disabled(&h, t::SAVE),
        "another's card is the head's to save"
    );
    assert!(is_disabled(&h, t::NEW_MANAGER));

    h.state_mut().set_user(Some(head)).expect("head");
    for (route, label) in &duties {
        assert_eq!(
            offered(&mut h, *route, label),
            Some(true),
            "the head is offered «{label}»"
        );
    }
    h.state_mut().open(Route::Calendar).expect("calendar");
    h.run();
    h.get_by_label_contains(t::CALENDAR_PICK);
    h.state_mut()
        .push(Command::from(vipdesk::ui::admin::Cmd::Edit(Some(me))));
    h.state_mut().open(Route::Managers).expect("managers");
    h.run();
    assert!(!is_disabled(&h, t::SET_PASSWORD));
    assert!(!is_disabled(&h, t::ACCESS_MODE_SAVE));
}

#[test]
fn signing_in_proves_who_works() {
    let (db, head, me, _) = department();
    let app = App::with_reads(db, Prefs::default(), false).expect("app");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::WHO_IS_WORKING);
    h.get_all_by_label_contains("Киселёв")
        .next()
        .expect("the head")
        .click();
    h.run();
    // A wrong password: refused beside the field, nobody signed in.
    sign_in_with(&mut h, "не-тот-пароль");
    h.get_by_label(vipdesk::words::ERR_WRONG_PASSWORD);
    assert_eq!(h.state().view.me_id(), None);
    sign_in_with(&mut h, "пароль-головы");
    assert_eq!(h.state().view.me_id(), Some(head));
    // «Сменить пользователя»: the manager signs in with the password the head set.
    h.state_mut().set_user(None).expect("nobody");
    h.run();
    h.get_all_by_label_contains("Петрова")
        .next()
        .expect("the manager")
        .click();
    h.run();
    sign_in_with(&mut h, "пароль-петровой");
    assert_eq!(h.state().view.me_id(), Some(me));
}

/// The head sets a newcomer's password in «Менеджеры»; the newcomer signs in with it.
#[test]
fn the_head_sets_a_newcomers_password_in_the_managers_screen() {
    let (mut db, head, _, _) = department();
    let newcomer = common::add_manager(&mut db, "Новикова", "Ольга", "Петровна");
    let mut h = harness(app_on(db, Some(head), Route::Managers));
    h.run();
    h.get_by_label("Новикова Ольга Петровна").click();
    h.run();
    h.get_by_label(t::PASSWORD_NOT_SET);
    for f in [t::NEW_PASSWORD, t::REPEAT_PASSWORD] {
        h.get_by_role_and_label(Role::PasswordInput, f).click();
        h.run();
        h.get_by_role_and_label(Role::PasswordInput, f)
            .type_text("временный-пароль");
        h.run();
    }
    click_button(&mut h, t::SET_PASSWORD);
    h.get_by_label(t::PASSWORD_IS_SET);
    h.state_mut().set_user(None).expect("nobody");
    h.run();
    h.get_by_label("Новикова Ольга Петровна — менеджер").click();
    h.run();
    sign_in_with(&mut h, "временный-пароль");
    assert_eq!(h.state().view.me_id(), Some(newcomer));
}

/// Another manager's dossier: a manager reads it, «Сохранить» and «Удалить клиента» are
/// disabled (the service refuses them too); the head may.
#[test]
fn another_managers_dossier_is_read_only_for_a_manager() {
    let (mut db, head, me, _) = department();
    let (_, theirs) = anothers_client(&mut db);
    let route = Route::Client(theirs, vipdesk::ui::clients::Tab::Enterprise);
    let mut h = harness(app_on(db, Some(me), route));
    h.run();
    assert!(is_disabled(&h, t::SAVE));
    assert!(is_disabled(&h, t::DELETE_CLIENT));
    h.state_mut().set_user(Some(head)).expect("head");
    h.state_mut().open(Route::Clients).expect("list");
    h.state_mut().open(route).expect("dossier");
    h.run();
    assert!(!is_disabled(&h, t::SAVE));
}

/// Another manager's appeal: a manager reads it and is told why it is not theirs to work on.
#[test]
fn another_managers_appeal_says_why_a_manager_cannot_work_on_it() {
    use vipdesk::domain::Denied;
    use vipdesk::i18n::Describe as _;
    let (mut db, _, me, _) = department();
    let (other, theirs) = anothers_client(&mut db);
    let now = db.clock().local();
    let appeal = vipdesk::appeals::Appeal {
        subject: "Счёт".into(),
        body: "Текст".into(),
        ..vipdesk::appeals::service::new_appeal(
            theirs,
            vipdesk::appeals::Channel::Email,
            now,
            Some(other),
        )
    };
    let id = vipdesk::appeals::service::create(&mut db, &common::actor(other), &appeal, true, &[])
        .expect("appeal");
    let mut h = harness(app_on(db, Some(me), Route::Appeal(id)));
    h.run();
    h.get_by_label(&Denied::NotYourClient.describe());
}

/// Another manager's letter: a manager reads it, is told why, and has no «Зарегистрировать».
#[test]
fn another_managers_letter_is_read_only_for_a_manager() {
    use vipdesk::domain::Denied;
    use vipdesk::i18n::Describe as _;
    let (mut db, _, me, _) = department();
    let (other, theirs) = anothers_client(&mut db);
    let template = letters::service::template(&db, "new_service")
        .expect("q")
        .expect("t");
    let draft = letters::service::draft_for(
        &db,
        theirs,
        None,
        &template,
        Some(other),
        &letters::Reply::default(),
        common::today(),
    )
    .expect("draft");
    let id = letters::service::save_draft(&mut db, &common::actor(other), &draft).expect("draft");
    let mut h = harness(app_on(db, Some(me), Route::Letter(id)));
    h.run();
    h.get_by_label(&Denied::NotYourClient.describe());
    assert!(h.query_by_label(t::REGISTER_LETTER).is_none());
}
