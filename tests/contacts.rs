//! Reports of calls and meetings, the contact rhythm, and «Сегодня» on a hand-built fixture.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use chrono::NaiveDate;
use common::{actor, d};
use vipdesk::clients::{self, Client, Dossier, Person};
use vipdesk::contacts::service::{self, ContactsError};
use vipdesk::contacts::{Meeting, MeetingKind, NextStep, ReportStatus};
use vipdesk::domain::{Actor, Denied, Duty, Id, Role};
use vipdesk::storage::{Db, StorageError};

/// A client of `manager`, added at the start of the year (it owes contacts since).
fn client(db: &mut Db, name: &str, manager: Id, people: Vec<Person>) -> Id {
    let dossier = Dossier {
        client: Client {
            short_name: name.into(),
            manager_id: Some(manager),
            ..Default::default()
        },
        people,
        ..Default::default()
    };
    let real = std::sync::Arc::clone(db.clock());
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::on(d(
        2026, 1, 10,
    ))));
    let id = clients::service::save(db, &actor(manager), &dossier).expect("client");
    db.set_clock(real);
    id
}

fn report(
    db: &mut Db,
    client_id: Id,
    kind: MeetingKind,
    date: NaiveDate,
    steps: Vec<NextStep>,
) -> Id {
    let m = Meeting {
        client_id,
        kind,
        date: Some(date),
        topics: "Итоги месяца".into(),
        next_steps: steps,
        ..Default::default()
    };
    service::save(db, &Actor::SYSTEM, &m).expect("report")
}

#[test]
fn today_shows_exactly_what_is_due() {
    // Wednesday 25.11.2026; the week ends on Sunday 29.11.
    let today = common::today();
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let other = common::add_manager(&mut db, "Орлов", "Олег", "Петрович");
    let person = |surname: &str, born: NaiveDate| Person {
        surname: surname.into(),
        name: "Иван".into(),
        birthday: Some(born),
        ..Default::default()
    };
    // A: called 40 days ago (overdue 10), met this quarter; a leader turns 50 on 01.12 (jubilee).
    let a = client(
        &mut db,
        "АО «А»",
        me,
        vec![
            person("Алексеев", d(1976, 12, 1)),
            person("Белов", d(1980, 12, 20)),
        ],
    );
    report(
        &mut db,
        a,
        MeetingKind::Call,
        today - chrono::Duration::days(40),
        vec![],
    );
    report(
        &mut db,
        a,
        MeetingKind::Visit,
        d(2026, 10, 15),
        vec![NextStep {
            text: "Прислать расчёт".into(),
            due: Some(d(2026, 11, 20)),
            ..Default::default()
        }],
    );
    // B: called 25 days ago (due 30.11, next week: not shown); met last quarter (due 31.12: not shown);
    // a step due on Friday is shown, a step done is not.
    let b = client(&mut db, "АО «Б»", me, vec![]);
    report(
        &mut db,
        b,
        MeetingKind::Call,
        today - chrono::Duration::days(25),
        vec![],
    );
    report(
        &mut db,
        b,
        MeetingKind::Meeting,
        d(2026, 8, 1),
        vec![
            NextStep {
                text: "Согласовать график".into(),
                due: Some(d(2026, 11, 27)),
                ..Default::default()
            },
            NextStep {
                text: "Уже сделано".into(),
                due: Some(d(2026, 11, 1)),
                done: Some(d(2026, 11, 2)),
                ..Default::default()
            },
        ],
    );
    // C: called 24 days ago (due 01.12), no meeting in Q3 or Q4: overdue since 30.09.
    let c = client(&mut db, "АО «В»", me, vec![]);
    report(
        &mut db,
        c,
        MeetingKind::Call,
        today - chrono::Duration::days(24),
        vec![],
    );
    report(&mut db, c, MeetingKind::Meeting, d(2026, 5, 5), vec![]);
    // Another manager's client is not on my list.
    let x = client(&mut db, "АО «Чужой»", other, vec![]);
    report(
        &mut db,
        x,
        MeetingKind::Call,
        today - chrono::Duration::days(90),
        vec![],
    );

    let t = service::today(&db, actor(me).scope(), today).expect("today");
    let calls: Vec<(&str, i64)> = t
        .calls
        .iter()
        .map(|c| (c.client.as_str(), c.overdue_days))
        .collect();
    assert_eq!(calls, vec![("АО «А»", 10)]);
    let meetings: Vec<(&str, i64)> = t
        .meetings
        .iter()
        .map(|c| (c.client.as_str(), c.overdue_days))
        .collect();
    assert_eq!(meetings, vec![("АО «В»", 56)]);
    let steps: Vec<(&str, i64)> = t
        .steps
        .iter()
        .map(|s| (s.text.as_str(), s.overdue_days))
        .collect();
    assert_eq!(
        steps,
        vec![("Прислать расчёт", 5), ("Согласовать график", 0)]
    );
    let bdays: Vec<(&str, i32, bool)> = t
        .birthdays
        .iter()
        .map(|b| (b.name.as_str(), b.age, b.jubilee))
        .collect();
    assert_eq!(bdays, vec![("Алексеев Иван", 50, true)]);
    assert_eq!(t.count(), 5);
    // The head of the group sees everyone: the other manager's overdue call too.
    let all = service::today(&db, Actor::SYSTEM.scope(), today).expect("today");
    assert_eq!(all.calls.len(), 2);
    // A custom rhythm: calls every 60 days make A's call not due yet.
    let mut dossier = clients::service::open(&db, a).expect("dossier");
    dossier.client.call_every_days = Some(60);
    clients::service::save(&mut db, &actor(me), &dossier).expect("rhythm");
    let t = service::today(&db, actor(me).scope(), today).expect("today");
    assert!(t.calls.is_empty());
}

#[test]
fn report_status_flow_freezes_and_a_version_keeps_the_original() {
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let a = client(&mut db, "АО «А»", me, vec![]);
    let id = report(
        &mut db,
        a,
        MeetingKind::Meeting,
        d(2026, 11, 20),
        vec![NextStep {
            text: "Шаг".into(),
            ..Default::default()
        }],
    );
    let head = common::add_with_role(&mut db, "Киселёв", "Дмитрий", "Андреевич", Role::GroupHead);
    let head = Actor::manager(head, Role::GroupHead);
    let mut m = service::open(&db, id).expect("report");
    m.problems = "Задержки в выставлении счетов".into();
    service::save(&mut db, &actor(me), &m).expect("draft editable");
    assert!(
        matches!(
            service::accept(&mut db, &head, id, "ок"),
            Err(ContactsError::BadTransition { .. })
        ),
        "a draft is not accepted"
    );
    service::submit(&mut db, &actor(me), id).expect("submit");
    m.problems = "Другое".into();
    assert!(matches!(
        service::save(&mut db, &actor(me), &m),
        Err(ContactsError::Frozen(_))
    ));
    assert!(
        matches!(
            service::accept(&mut db, &actor(me), id, "сам себе"),
            Err(ContactsError::Storage(StorageError::Denied(
                Denied::HeadOnly(Duty::AcceptReports)
            )))
        ),
        "only the head of the group accepts"
    );
    service::accept(&mut db, &head, id, "Принято, проконтролировать шаги").expect("accept");
    let accepted = service::open(&db, id).expect("report");
    assert_eq!(accepted.submitted_at, Some(common::today()));
    assert_eq!(accepted.status, ReportStatus::Accepted);
    assert_eq!(
        accepted.supervisor_comment,
        "Принято, проконтролировать шаги"
    );
    assert_eq!(accepted.problems, "Задержки в выставлении счетов");
    let v2 = service::correct(&mut db, &actor(me), id).expect("version");
    let new = service::open(&db, v2).expect("v2");
    assert_eq!(
        (new.status, new.version_of, new.next_steps.len()),
        (ReportStatus::Draft, Some(id), 1)
    );
    assert_eq!(
        service::open(&db, id).expect("v1").status,
        ReportStatus::Accepted
    );
}

#[test]
fn report_pdf_contains_every_filled_field_and_is_kept_when_submitted() {
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let person = Person {
        surname: "Иванов".into(),
        name: "Иван".into(),
        patronymic: "Иванович".into(),
        position: "Генеральный директор".into(),
        ..Default::default()
    };
    let a = client(&mut db, "АО «Энергомаш»", me, vec![person]);
    let pid = clients::service::open(&db, a).expect("d").people[0]
        .id
        .expect("pid");
    let m = Meeting {
        client_id: a,
        manager_id: Some(me),
        kind: MeetingKind::Visit,
        date: Some(d(2026, 11, 20)),
        time: "10:30".into(),
        place: "г. Орёл, ул. Ленина, 1, кабинет директора".into(),
        client_people: vec![pid],
        company_people: "Петрова А.С., главный инженер Орлов О.П.".into(),
        topics: "Переход на четвёртую ценовую категорию".into(),
        problems: "Счета приходят поздно".into(),
        agreements: "Выставлять счета до 5-го числа".into(),
        next_steps: vec![NextStep {
            text: "Подготовить сравнительный расчёт".into(),
            responsible: "Петрова А.С.".into(),
            due: Some(d(2026, 12, 5)),
            ..Default::default()
        }],
        ..Default::default()
    };
    let id = service::save(&mut db, &actor(me), &m).expect("save");
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("схема_учёта.pdf");
    std::fs::write(&file, b"%PDF-1.4 demo").expect("file");
    service::attach(&mut db, &actor(me), id, &file).expect("attach");
    let saved = service::open(&db, id).expect("report");
    let bytes = service::meeting_pdf(db.conn(), &saved, db.today()).expect("pdf");
    let text = common::pdf_text(&bytes);
    for expected in [
        "АО «Энергомаш»",
        "выезд к клиенту",
        "20.11.2026 10:30",
        "кабинет директора",
        "Иванов Иван Иванович — Генеральный директор",
        "главный инженер Орлов О.П.",
        "Переход на четвёртую ценовую категорию",
        "Счета приходят поздно",
        "Выставлять счета до 5-го числа",
        "1. Подготовить сравнительный расчёт — Петрова А.С., до 05.12.2026",
        "А.С. Петрова",
        "Руководитель группы",
        "схема_учёта.pdf",
    ] {
        assert!(text.contains(expected), "«{expected}» missing in: {text}");
    }
    // Only an accepted report says it was accepted.
    assert!(!text.contains("отчёт принял"), "a draft says accepted");
    service::submit(&mut db, &actor(me), id).expect("submit");
    let submitted = service::open(&db, id).expect("report");
    let text =
        common::pdf_text(&service::meeting_pdf(db.conn(), &submitted, db.today()).expect("pdf"));
    assert!(
        !text.contains("отчёт принял"),
        "a submitted report says accepted"
    );
    let head = common::add_with_role(
        &mut db,
        "Киселёв",
        "Дмитрий",
        "",
        vipdesk::domain::Role::GroupHead,
    );
    service::accept(
        &mut db,
        &vipdesk::domain::Actor::manager(head, vipdesk::domain::Role::GroupHead),
        id,
        "",
    )
    .expect("accept");
    let accepted = service::open(&db, id).expect("report");
    let text =
        common::pdf_text(&service::meeting_pdf(db.conn(), &accepted, db.today()).expect("pdf"));
    assert!(
        text.contains("Руководитель группы (отчёт принял)"),
        "{text}"
    );
    let dossier = clients::service::open(&db, a).expect("dossier");
    assert!(
        dossier
            .records
            .iter()
            .any(|r| r.file_name.starts_with("Отчёт_visit") && r.file_size > 1000)
    );
}

#[test]
fn timeline_lists_everything_in_date_order_and_rhythm_is_kept_with_the_dossier() {
    use vipdesk::overview::EventKind;
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let a = client(&mut db, "АО «А»", me, vec![]);
    report(&mut db, a, MeetingKind::Call, d(2026, 10, 1), vec![]);
    report(
        &mut db,
        a,
        MeetingKind::Meeting,
        d(2026, 11, 10),
        vec![NextStep {
            text: "Расчёт".into(),
            due: Some(d(2026, 12, 1)),
            ..Default::default()
        }],
    );
    let mut dossier = clients::service::open(&db, a).expect("dossier");
    dossier.records.push(vipdesk::clients::Record {
        date: Some(d(2026, 9, 15)),
        subject: "Запрос сверки".into(),
        ..Default::default()
    });
    dossier.client.call_every_days = Some(14);
    dossier.client.meeting_every_months = Some(6);
    clients::service::save(&mut db, &actor(me), &dossier).expect("save");
    let events = vipdesk::overview::timeline(&db, a).expect("timeline");
    let kinds: Vec<EventKind> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![
            EventKind::Step,
            EventKind::Meeting,
            EventKind::Call,
            EventKind::Record
        ]
    );
    assert!(events.windows(2).all(|w| w[0].date >= w[1].date));
    let reloaded = clients::service::open(&db, a).expect("dossier");
    assert_eq!(
        (
            reloaded.client.call_every_days,
            reloaded.client.meeting_every_months
        ),
        (Some(14), Some(6))
    );
    assert_eq!(
        service::client_contacts(&db, a, common::today())
            .expect("rhythm")
            .expect("the client")
            .rhythm
            .call_every_days,
        14
    );
}

#[test]
fn contact_report_counts_required_held_and_on_time() {
    use vipdesk::contacts::report::{Period, contact_report_pdf};
    let q4 = Period::parse("2026-Q4").expect("quarter");
    assert_eq!(
        (q4.start, q4.end, q4.months()),
        (d(2026, 10, 1), d(2026, 12, 31), 3)
    );
    assert_eq!(
        Period::parse("2026-11").expect("month").end,
        d(2026, 11, 30)
    );
    assert_eq!(Period::parse("2026").expect("year").months(), 12);
    assert!(Period::parse("2026-Q5").is_none() && Period::parse("весна").is_none());

    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let a = client(&mut db, "АО «А»", me, vec![]);
    report(&mut db, a, MeetingKind::Call, d(2026, 9, 20), vec![]);
    report(&mut db, a, MeetingKind::Call, d(2026, 10, 15), vec![]); // 25 days: on time
    report(&mut db, a, MeetingKind::Call, d(2026, 12, 1), vec![]); // 47 days: late
    report(&mut db, a, MeetingKind::Meeting, d(2026, 11, 3), vec![]);
    let b = client(&mut db, "АО «Б»", me, vec![]);
    report(&mut db, b, MeetingKind::Call, d(2026, 10, 2), vec![]);
    // Counted after the quarter is over.
    let r = service::contact_report(&db, &q4, &actor(me), d(2027, 1, 10)).expect("report");
    assert!(r.complete);
    let ra = r.rows.iter().find(|x| x.client_id == a).expect("a");
    assert_eq!(
        (ra.calls_required, ra.calls_held, ra.calls_on_time),
        (3, 2, 1)
    );
    assert_eq!((ra.meetings_required, ra.meetings_held), (1, 1));
    assert!((ra.rate() - 50.0).abs() < 0.01, "{}", ra.rate());
    let rb = r.rows.iter().find(|x| x.client_id == b).expect("b");
    assert_eq!((rb.calls_on_time, rb.meetings_held), (1, 0));
    assert_eq!(r.managers.len(), 1);
    assert_eq!(r.managers[0].calls_required, 6);
    let company = vipdesk::admin::service::company(&db).expect("company");
    let bytes = contact_report_pdf(&r, &company).expect("pdf");
    let text = common::pdf_text(&bytes);
    assert!(
        text.contains("IV квартал 2026 г.")
            && text.contains("Итого: Петрова А.С.")
            && text.contains("АО «А»"),
        "{text}"
    );
    // A bar per manager: the share of the plan held in time, its percentage beside it.
    assert!(text.contains(vipdesk::i18n::CONTACT_CHART_TITLE), "{text}");
    // Its whole drawn lightly under it: the bar is the share of it.
    let bars = common::pdf_bars(&bytes);
    assert_eq!(bars.len(), 2, "{bars:?}");
    let expected = r.managers[0].rate() as f32 / 100.0;
    assert!(
        (bars[1] / bars[0] - expected).abs() < 0.01,
        "{} of {} for {expected}",
        bars[1],
        bars[0]
    );
}

#[test]
fn birthdays_across_new_year_and_on_29_february() {
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let person = |surname: &str, born: NaiveDate| Person {
        surname: surname.into(),
        birthday: Some(born),
        ..Default::default()
    };
    client(
        &mut db,
        "АО «А»",
        me,
        vec![
            person("Январский", d(1970, 1, 5)),
            person("Високосный", d(1980, 2, 29)),
            person("Летний", d(1980, 7, 1)),
        ],
    );
    let t = service::today(&db, actor(me).scope(), d(2026, 12, 25)).expect("today");
    let names: Vec<(&str, i32)> = t
        .birthdays
        .iter()
        .map(|b| (b.name.as_str(), b.age))
        .collect();
    assert_eq!(names, vec![("Январский", 57)]);
    let t = service::today(&db, Actor::SYSTEM.scope(), d(2027, 2, 20)).expect("today");
    let names: Vec<(&str, NaiveDate)> = t
        .birthdays
        .iter()
        .map(|b| (b.name.as_str(), b.date))
        .collect();
    assert_eq!(names, vec![("Високосный", d(2027, 2, 28))]);
}

/// A client added today owes no call or meeting for the time before it was added (or became
/// VIP): the first call is due a rhythm after, the first meeting in the next full quarter.
#[test]
fn a_new_client_owes_nothing_for_the_past() {
    let (mut db, clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let today = common::today();
    let dossier = Dossier {
        client: Client {
            short_name: "АО «Новый»".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        vip: vec![vipdesk::clients::VipYear {
            year: 2026,
            included: true,
            ..Default::default()
        }],
        ..Default::default()
    };
    let id = clients::service::save(&mut db, &actor(me), &dossier).expect("client");
    let state = service::client_contacts(&db, id, today)
        .expect("state")
        .expect("the client");
    assert_eq!(state.start, today, "added today, VIP since January");
    let t = service::today(&db, actor(me).scope(), today).expect("today");
    assert!(
        t.calls.is_empty() && t.meetings.is_empty(),
        "{:?} {:?}",
        t.calls,
        t.meetings
    );
    // A month on, the first call is due; the first meeting is owed in the first quarter.
    let later = today + chrono::Duration::days(31);
    let t = service::today(&db, actor(me).scope(), later).expect("today");
    assert_eq!(
        t.calls.iter().map(|c| c.overdue_days).collect::<Vec<_>>(),
        vec![1]
    );
    assert!(t.meetings.is_empty());
    let t = service::today(&db, actor(me).scope(), d(2027, 4, 1)).expect("today");
    assert_eq!(
        t.meetings.iter().map(|c| c.due).collect::<Vec<_>>(),
        vec![d(2027, 3, 31)]
    );
    // Nor does the contact report count the quarter it arrived in.
    clock.set_date(d(2027, 1, 10));
    let q4 = vipdesk::contacts::report::Period::parse("2026-Q4").expect("quarter");
    let r = service::contact_report(&db, &q4, &actor(me), d(2027, 1, 10)).expect("report");
    let row = r.rows.iter().find(|r| r.client_id == id).expect("row");
    assert_eq!((row.calls_required, row.meetings_required), (1, 0));
}

/// The report of a quarter that is not over counts what was due up to today, not the whole
/// quarter, and says it is not over.
#[test]
fn an_unfinished_quarter_counts_what_was_due_by_today() {
    use vipdesk::contacts::report::{Period, contact_report_pdf};
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let a = client(&mut db, "АО «А»", me, vec![]);
    report(&mut db, a, MeetingKind::Call, d(2026, 9, 20), vec![]);
    report(&mut db, a, MeetingKind::Call, d(2026, 10, 15), vec![]);
    report(&mut db, a, MeetingKind::Meeting, d(2026, 11, 3), vec![]);
    let b = client(&mut db, "АО «Б»", me, vec![]);
    report(&mut db, b, MeetingKind::Call, d(2026, 10, 2), vec![]);
    let q4 = Period::parse("2026-Q4").expect("quarter");
    // 25 November: 55 days of the quarter are over, one call was due, no meeting yet.
    let r = service::contact_report(&db, &q4, &actor(me), common::today()).expect("report");
    assert!(!r.complete);
    for row in &r.rows {
        assert_eq!(
            (row.calls_required, row.meetings_required),
            (1, 0),
            "{}",
            row.client
        );
        assert!(
            (row.rate() - 100.0).abs() < 0.01,
            "{}: {}",
            row.client,
            row.rate()
        );
    }
    assert!((r.managers[0].rate() - 100.0).abs() < 0.01);
    let company = vipdesk::admin::service::company(&db).expect("company");
    let bytes = contact_report_pdf(&r, &company).expect("pdf");
    let text = common::pdf_text(&bytes);
    assert!(text.contains("период не завершён, на 25.11.2026"), "{text}");
}

/// A manager's total counts each client up to its plan: one client's extra calls do not make
/// up for another's missed ones; a client that owed nothing shows «—», not 100 %.
#[test]
fn totals_do_not_let_one_clients_extra_calls_cover_anothers() {
    use vipdesk::contacts::report::Period;
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let busy = client(&mut db, "АО «Часто»", me, vec![]);
    for day in [1, 8, 15, 22, 29] {
        report(&mut db, busy, MeetingKind::Call, d(2026, 10, day), vec![]);
    }
    client(&mut db, "АО «Забытый»", me, vec![]);
    let october = Period::parse("2026-10").expect("month");
    let r = service::contact_report(&db, &october, &actor(me), d(2026, 11, 25)).expect("report");
    let total = &r.managers[0];
    assert_eq!((total.calls_required, total.calls_on_time), (2, 5));
    assert_eq!(total.done, 1, "АО «Часто» counts once, АО «Забытый» none");
    assert!((total.rate() - 50.0).abs() < 0.01, "{}", total.rate());
    // A client added after the month owed nothing in it.
    let (mut db, clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    clock.set_date(d(2026, 11, 20));
    clients::service::save(
        &mut db,
        &actor(me),
        &Dossier {
            client: Client {
                short_name: "АО «Новый»".into(),
                manager_id: Some(me),
                ..Default::default()
            },
            ..Default::default()
        },
    )
    .expect("client");
    let r = service::contact_report(&db, &october, &actor(me), d(2026, 11, 25)).expect("report");
    assert_eq!(r.rows[0].required(), 0);
    assert_eq!(r.rows[0].rate_text(), "—");
}

/// «Ёлкин» is among the «Е», after «Абрамов», as a Russian reader looks for him.
#[test]
fn the_contact_report_sorts_yo_among_ye() {
    use vipdesk::contacts::report::Period;
    let (mut db, _) = common::db();
    let yolkin = common::add_manager(&mut db, "Ёлкин", "Пётр", "Ильич");
    let abramov = common::add_manager(&mut db, "Абрамов", "Олег", "Ильич");
    let zhukov = common::add_manager(&mut db, "Жуков", "Иван", "Ильич");
    for (m, name, inn) in [
        (yolkin, "АО «Ель»", "7707083893"),
        (abramov, "АО «Абрикос»", "5751001230"),
        (zhukov, "АО «Жук»", "7736050003"),
    ] {
        let d = Dossier {
            client: Client {
                short_name: name.into(),
                inn: inn.into(),
                manager_id: Some(m),
                ..Default::default()
            },
            ..Default::default()
        };
        clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("client");
    }
    let period = Period::parse("2026-Q4").expect("period");
    let report =
        service::contact_report(&db, &period, &Actor::SYSTEM, common::today()).expect("report");
    let order: Vec<Option<Id>> = report.managers.iter().map(|m| m.manager_id).collect();
    assert_eq!(order, vec![Some(abramov), Some(yolkin), Some(zhukov)]);
}

/// Two managers who share a surname and initials are told apart in the report (by the whole
/// name, or by the number when that is the same too); a department of hundreds charts the
/// managers furthest behind, not a bar for each.
#[test]
fn the_contact_chart_stays_readable_in_a_large_department() {
    use vipdesk::admin::Manager;
    use vipdesk::contacts::report::{CHART_MAX, ContactReport, ContactRow, Period, chart_bars};
    let person = |id: Id, name: &str, patronymic: &str| Manager {
        id: Some(id),
        surname: "Иванов".into(),
        name: name.into(),
        patronymic: patronymic.into(),
        ..Default::default()
    };
    let names = vipdesk::admin::service::distinct_names(&[
        person(1, "Иван", "Петрович"),
        person(2, "Игорь", "Павлович"),
        person(3, "Игорь", "Павлович"),
        Manager {
            id: Some(4),
            surname: "Сидорова".into(),
            name: "Анна".into(),
            patronymic: "Олеговна".into(),
            ..Default::default()
        },
    ]);
    assert_eq!(names[&1], "Иванов Иван Петрович");
    assert_ne!(names[&2], names[&3]);
    assert!(names[&3].contains('3'), "{}", names[&3]);
    assert_eq!(names[&4], "Сидорова\u{a0}А.О.");

    let row = |id: Id, done: u32| ContactRow {
        manager_id: Some(id),
        manager: format!("Менеджер {id}"),
        calls_required: 10,
        done,
        ..Default::default()
    };
    let report = |n: i64| ContactReport {
        period: Period::parse("2026-Q4").expect("period"),
        complete: true,
        as_of: d(2027, 1, 10),
        rows: Vec::new(),
        managers: (1..=n).map(|i| row(i, (i % 11) as u32)).collect(),
    };
    let small = report(12);
    let (_, bars) = chart_bars(&small);
    assert_eq!(bars.len(), 12);
    let large = report(401);
    let (title, bars) = chart_bars(&large);
    assert_eq!(bars.len(), CHART_MAX);
    assert!(title.contains("из 401"), "{title}");
    let worst = large
        .managers
        .iter()
        .map(ContactRow::rate)
        .fold(f64::MAX, f64::min);
    assert!(bars.iter().all(|b| b.rate() <= 10.0 + f64::EPSILON));
    assert_eq!(bars[0].rate(), worst);
    // The PDF: the chart takes less than a page, not seven.
    let pdf =
        vipdesk::contacts::report::contact_report_pdf(&large, &Default::default()).expect("pdf");
    let doc = lopdf::Document::load_mem(&pdf).expect("parse");
    let small_pdf = vipdesk::contacts::report::contact_report_pdf(
        // The same table, no bar in the chart (no contact was planned).
        &ContactReport {
            managers: large
                .managers
                .iter()
                .map(|m| ContactRow {
                    calls_required: 0,
                    ..m.clone()
                })
                .collect(),
            ..large.clone()
        },
        &Default::default(),
    )
    .expect("pdf");
    let without = lopdf::Document::load_mem(&small_pdf).expect("parse");
    assert!(
        doc.get_pages().len() <= without.get_pages().len() + 1,
        "{} pages against {}",
        doc.get_pages().len(),
        without.get_pages().len()
    );
}
