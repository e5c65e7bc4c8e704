//! «Сегодня», meeting reports and the contact report.

use super::*;

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
    // The head's «Сегодня» is the summary by manager; the count opens the rows.
    let cell = format!("{} — Петрова Анна Сергеевна (1)", t::TODAY_REVIEWS);
    h.get_by_label(&cell).click();
    h.run();
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
    h.get_by_label(&t::contact_report_title("III квартал 2026 г."));
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
    // The summary: all forty in one cell; it opens their rows, drawn a screenful at a time.
    let cell = format!("{} — {} (40)", t::TODAY_REVIEWS, t::SUMMARY_ALL);
    h.get_by_label(&cell).click();
    h.run();
    h.get_by_label(&t::detail_title(t::TODAY_REVIEWS, t::SUMMARY_ALL, 40));
    let last = format!("{}: АО «Клиент 40»", t::OPEN_REPORT);
    assert!(
        h.query_by_label(&last).is_none(),
        "the last report starts out of sight"
    );
    let first = format!("{}: АО «Клиент 01»", t::OPEN_REPORT);
    let at = h.get_by_label(&first).rect().center();
    for _ in 0..40 {
        if h.query_by_label(&last)
            .is_some_and(|n| n.rect().max.y <= 800.0)
        {
            break;
        }
        h.hover_at(at);
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    let rect = h.get_by_label(&last).rect();
    assert!(rect.max.y <= 800.0 && rect.min.y >= 0.0, "{rect:?}");
    h.get_by_label(&last).click();
    h.run();
    h.get_by_label(&t::report_title("АО «Клиент 40»"));
    // Back on «Сегодня», the same list is open; the summary is one click away.
    click_button(&mut h, t::CLOSE);
    h.get_by_label(&t::detail_title(t::TODAY_REVIEWS, t::SUMMARY_ALL, 40));
    click_button(&mut h, t::SUMMARY_BACK);
    h.get_by_label(&format!("{} — {} (40)", t::TODAY_MEETINGS, t::SUMMARY_ALL));
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

/// The head's «Сегодня» on the demo: the date above everything, then the summary by manager
/// and kind (late ones counted in red), a cell opening only that manager's rows.
#[test]
fn the_heads_today_is_a_summary_by_manager_and_kind() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_file(dir.path(), 48);
    let head = head_of(&db);
    let manager = admin::service::managers(&db)
        .expect("managers")
        .into_iter()
        .find(|m| m.role == vipdesk::domain::Role::Manager)
        .expect("a manager");
    let mine: std::collections::HashSet<i64> = clients::service::list(&db)
        .expect("clients")
        .into_iter()
        .filter(|c| c.manager_id == manager.id)
        .map(|c| c.id)
        .collect();
    let mut h = harness_sized(app_on(db, head, Route::Today), 1280.0, 800.0);
    h.run();
    let heading = h.get_by_label(&t::today_title("25.11.2026")).rect();
    let summary = h.get_by_label(t::SUMMARY_TITLE).rect();
    assert!(heading.max.y <= summary.min.y, "the date first");
    let s = h
        .state()
        .features
        .overview
        .summary
        .clone()
        .expect("a summary");
    assert!(s.groups.len() > 3, "one row per manager");
    // The overdue appeals: every one late, said in the cell.
    let overdue = s.total("appeals_overdue").expect("overdue appeals");
    assert_eq!(overdue.late, overdue.count);
    let cell = format!(
        "{} — {} ({})",
        t::TODAY_APPEALS_OVERDUE,
        t::SUMMARY_ALL,
        overdue.count
    );
    h.get_by_label(&cell);
    // A manager's calls open that manager's rows only.
    let group = vipdesk::overview::Group::Manager(manager.id.expect("id"));
    let calls = s.cell(group, "calls").expect("calls of the manager");
    let name = manager.full_name();
    let cell = format!("{} — {name} ({})", t::TODAY_CALLS, calls.count);
    h.get_by_label(&cell).click();
    h.run();
    h.get_by_label(&t::detail_title(t::TODAY_CALLS, &name, calls.count));
    let (_, rows) = h.state().features.overview.detail.clone().expect("detail");
    assert_eq!(rows.len(), calls.count);
    let today = &h.state().features.overview.today;
    for (s, l) in rows {
        let line = &today.sections[s].lines[l];
        assert!(mine.contains(&line.client_id.expect("client")));
    }
}
