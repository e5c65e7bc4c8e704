//! Greetings and gifts.

use super::*;

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
    // The manager may not approve the order: the button says why; the head approves it.
    let approve = format!("{}: Набор «Орловский мёд»", t::next_step_button("approved"));
    assert!(is_disabled(&h, &approve));
    let head = common::add_with_role(
        &mut h.state_mut().db,
        "Киселёв",
        "Дмитрий",
        "",
        vipdesk::domain::Role::GroupHead,
    );
    h.state_mut().set_user(Some(head)).expect("head");
    h.run();
    assert!(!is_disabled(&h, &approve));
    click_button(&mut h, &approve);
    h.state_mut().set_user(Some(me)).expect("manager");
    h.run();
    for step in ["sent", "bought"] {
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
    let me = common::add_with_role(
        &mut db,
        "Киселёв",
        "Дмитрий",
        "",
        vipdesk::domain::Role::GroupHead,
    );
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

/// «Да, сохранить» on «Лимиты на подарки» saves both parts or neither: a card text that does
/// not render keeps the limits typed beside it from being saved alone.
#[test]
fn the_limits_and_the_regulation_are_saved_together_or_not_at_all() {
    let (mut db, _) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let mut h = harness(app_on(db, Some(me), Route::GiftLimits));
    h.run();
    let cell = format!("{} — {}", t::category_row(3), t::LIMIT_COLUMNS[0]);
    clear_field(&mut h, &cell);
    input(&h, &cell).type_text("1600");
    h.run();
    let role = egui::accesskit::Role::MultilineTextInput;
    h.get_by_role_and_label(role, t::F_CARD_TEXT).click();
    h.run();
    h.get_by_role_and_label(role, t::F_CARD_TEXT)
        .type_text(" {% if x %}");
    h.run();
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(
        h.state().route,
        Route::GiftLimits,
        "refused: the editor stays"
    );
    let (_, set) = vipdesk::greetings::service::limits_of(&h.state().db, 2025).expect("limits");
    let (_, set_now) = vipdesk::greetings::service::limits_of(&h.state().db, 2026).expect("limits");
    assert!(!set && !set_now, "no limits saved alone");
}
