//! The appeals register, the call card and the production calendar.

use super::*;

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
    // Nothing typed as the answer: the reply leaves a blank, which registration refuses.
    click_button(&mut h, t::REPLY_LETTER);
    h.get_by_label(&t::letter_of_appeal("ОБ-1/26"));
    click_button(&mut h, t::REGISTER_LETTER);
    let a = appeals::open(&h.state().db, id).expect("appeal");
    assert_eq!(a.status, AppealStatus::AnswerReady);
    assert!(
        letters::service::list(&h.state().db, &Default::default())
            .expect("letters")
            .iter()
            .all(|l| l.letter.number.is_empty())
    );
    // The brief answer typed on the card goes into the letter's text.
    h.state_mut().open(Route::Appeal(id)).expect("back");
    h.run();
    let answer = "Счёт за октябрь пересчитан, переплата зачтена в ноябре.";
    h.get_by_role_and_label(Role::MultilineTextInput, t::F_ANSWER)
        .click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, t::F_ANSWER)
        .type_text(answer);
    h.run();
    click_button(&mut h, t::REPLY_LETTER);
    // The reply: «На № ОБ-1/26 от 25.11.2026», to the director, linked to the appeal.
    h.get_by_label_contains("На № ОБ-1/26 от 25.11.2026");
    h.get_by_label(&t::letter_of_appeal("ОБ-1/26"));
    click_button(&mut h, t::REGISTER_LETTER);
    h.get_by_label(&t::letter_title("VIP-1", "25.11.2026"));
    let a = appeals::open(&h.state().db, id).expect("appeal");
    assert_eq!(a.status, AppealStatus::AnswerSent);
    assert_eq!(
        a.answer, answer,
        "the typed answer stays the appeal's answer"
    );
    let sent = letters::service::list(&h.state().db, &Default::default()).expect("letters");
    let sent = sent
        .iter()
        .find(|l| l.letter.number == "VIP-1")
        .expect("VIP-1");
    let text = &sent.letter.body;
    assert!(text.contains(answer), "{text}");
    assert_eq!(
        letters::service::list(&h.state().db, &Default::default())
            .expect("letters")
            .len(),
        1,
        "the reply drafted first is the one answered"
    );
    // Back on the appeal: «ответ направлен», the letter among its letters.
    h.get_by_label(&t::letter_of_appeal("ОБ-1/26")).click();
    h.run();
    assert!(
        h.get_all_by_label_contains(AppealStatus::AnswerSent.label())
            .count()
            > 0
    );
    assert!(
        h.get_all_by_label_contains("ответ: № VIP-1 от 25.11.2026")
            .count()
            > 0
    );
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

/// «Нет текста ответа» beside the answer goes as soon as the answer is typed (not after the
/// next click).
#[test]
fn the_missing_answer_message_goes_once_it_is_typed() {
    use vipdesk::appeals::{Channel, service as appeals};
    let (mut app, alpha, _) = app_with_two_clients();
    let now = app.db.clock().local();
    let appeal = vipdesk::appeals::Appeal {
        subject: "Счёт".into(),
        body: "Просим пересчитать.".into(),
        reply_channel: Channel::Email,
        ..appeals::new_appeal(alpha, Channel::Email, now, None)
    };
    let id = appeals::create(&mut app.db, &Actor::SYSTEM, &appeal, true, &[]).expect("appeal");
    app.open(Route::Appeal(id)).expect("card");
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::SEND_ANSWER);
    let missing = t::describe(&vipdesk::appeals::service::AppealError::NoAnswer);
    assert!(
        h.query_all_by_label_contains(&missing).count() > 0,
        "refused"
    );
    h.get_by_role_and_label(Role::MultilineTextInput, t::F_ANSWER)
        .click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, t::F_ANSWER)
        .type_text("Пересчитано.");
    h.run();
    h.run();
    // The status line may still say it for a while; the line beside the answer is gone.
    let card = h.state().features.appeals.card.as_ref().expect("card");
    assert_eq!(card.action_error, None);
}
