//! The annual cycle: the VIP list of a year and the satisfaction survey.

use super::*;

/// A client of `manager` cooperating since `since`, consuming `per_month` kWh each month of
/// 2025–2026, a VIP client of 2026 when `vip`.
fn client(db: &mut Db, manager: Id, name: &str, since: i32, per_month: f64, vip: bool) -> Id {
    let catalogs = admin::service::catalogs(db).expect("catalogs");
    let mut indicators = std::collections::BTreeMap::new();
    for year in [2025, 2026] {
        for month in 1..=12 {
            indicators.insert((catalogs.indicator_kinds[0].id, (year, month)), per_month);
        }
    }
    let d = clients::Dossier {
        client: clients::Client {
            short_name: name.into(),
            manager_id: Some(manager),
            district_id: Some(catalogs.districts[0].id),
            since_year: Some(since),
            ..Default::default()
        },
        vip: if vip {
            vec![clients::VipYear {
                year: 2026,
                included: true,
                order_number: "12-од".into(),
                order_date: Some(common::d(2026, 1, 20)),
                ..Default::default()
            }]
        } else {
            Vec::new()
        },
        indicators,
        ..Default::default()
    };
    clients::service::save(db, &Actor::SYSTEM, &d).expect("client")
}

#[test]
fn the_head_proposes_the_list_excludes_a_client_and_approves_it_and_the_dossier_shows_the_year() {
    let (mut db, _clock) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let large = client(&mut db, me, "АО «Большой»", 2020, 2e6, false);
    let old = client(&mut db, me, "ООО «Давний»", 2010, 0.04e6, true);
    let mut h = harness(app_on(db, Some(me), Route::VipList));
    h.run();
    // A manager sees that the list is the head's to make.
    assert!(is_disabled(&h, t::PROPOSE_LIST));
    h.state_mut().set_user(Some(head)).expect("head");
    h.state_mut().open(Route::VipList).expect("route");
    h.run();
    click_button(&mut h, t::PROPOSE_LIST);
    h.get_by_label_contains("редакция 1: проект");
    // The old VIP client is kept for its seventeen years; the head excludes it, with a reason.
    click_button(&mut h, &t::decide_button("ООО «Давний»"));
    h.get_by_label(t::DECISION_OUT).click();
    h.run();
    click_button(&mut h, t::SAVE_DECISION);
    h.get_by_label_contains("обоснование: Обязательное поле");
    type_into(
        &mut h,
        t::F_VIP_REASON,
        "отказался от персонального обслуживания",
    );
    click_button(&mut h, t::SAVE_DECISION);
    assert!(
        h.state().features.annual.list.row.is_none(),
        "the decision saved"
    );
    type_into(&mut h, t::F_ORDER_NUMBER, "215-од");
    click_button(&mut h, t::APPROVE_BY_ORDER);
    let list = h
        .state()
        .features
        .annual
        .list
        .list
        .clone()
        .expect("the list");
    assert!(
        list.is_frozen(),
        "approved: {:?}",
        h.state().features.annual.list.message
    );
    h.get_by_label_contains("утверждён приказом № 215-од от 25.11.2026");
    // The dossier's «Статус VIP» has the year of the list, with the order.
    for (client, included) in [(old, false), (large, true)] {
        h.state_mut()
            .open(Route::Client(client, vipdesk::ui::clients::Tab::Vip))
            .expect("dossier");
        h.run();
        let years: Vec<String> = h
            .get_all_by_role_and_label(Role::TextInput, t::F_YEAR)
            .filter_map(|n| n.value())
            .collect();
        assert!(years.iter().any(|y| y == "2027"), "{years:?}");
        let orders: Vec<String> = h
            .get_all_by_role_and_label(Role::TextInput, t::F_ORDER_NUMBER)
            .filter_map(|n| n.value())
            .collect();
        assert!(orders.iter().any(|o| o == "215-од"), "{orders:?}");
        let d = clients::service::open(&h.state().db, client).expect("dossier");
        let row = d.vip.iter().find(|v| v.year == 2027).expect("row of 2027");
        assert_eq!(row.included, included);
    }
}

#[test]
fn a_survey_with_a_low_score_is_registered_as_an_appeal_from_the_form() {
    let (mut db, _clock) = common::db();
    let (_head, me) = common::head_and_manager(&mut db);
    let c = client(&mut db, me, "АО «Клиент»", 2010, 1e6, true);
    let mut h = harness(app_on(db, Some(me), Route::Surveys));
    h.run();
    click_button(&mut h, &t::make_survey_for("АО «Клиент»"));
    type_into(&mut h, t::F_SURVEY_RESPONDENT_LABEL, "Иванов И.И.");
    h.get_by_label(&t::score_name(1, 2)).click();
    h.get_by_label(&t::score_name(2, 5)).click();
    h.run();
    click_button(&mut h, t::SAVE_SURVEY);
    h.get_by_label(t::SURVEY_LOW_SCORE);
    click_button(&mut h, t::REGISTER_AS_APPEAL);
    let appeals = vipdesk::appeals::service::of_client(&h.state().db, c, 10).expect("appeals");
    assert_eq!(appeals.len(), 1, "the low score became an appeal");
    assert!(
        matches!(h.state().route, Route::Appeal(_)),
        "the appeal's card opened"
    );
}
