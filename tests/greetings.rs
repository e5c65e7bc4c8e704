//! The greetings regulation: the gift registry (never the same gift twice to one person, the
//! limits), the schedule from the database.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

mod common;

use vipdesk::clients::{self, Client, Dossier, Person};
use vipdesk::domain::Actor;
use vipdesk::greetings::service::{self, GiftError};
use vipdesk::greetings::{Gift, Occasion};
use vipdesk::storage::Db;

/// A client with two leaders; their ids.
fn two_people(db: &mut Db) -> (i64, i64) {
    let d = Dossier {
        client: Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            strategic: true,
            ..Default::default()
        },
        people: vec![
            Person {
                surname: "Иванов".into(),
                name: "Иван".into(),
                patronymic: "Иванович".into(),
                position: "Генеральный директор".into(),
                category: Some(1),
                birthday: Some(common::d(1976, 3, 7)),
                ..Default::default()
            },
            Person {
                surname: "Петрова".into(),
                name: "Мария".into(),
                patronymic: "Петровна".into(),
                position: "Главный бухгалтер".into(),
                category: Some(2),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let id = clients::service::save(db, &Actor::SYSTEM, &d).expect("client");
    let d = clients::service::open(db, id).expect("dossier");
    (d.people[0].id.expect("id"), d.people[1].id.expect("id"))
}

fn gift(person: i64, item: &str, date: chrono::NaiveDate, handed: bool) -> Gift {
    Gift {
        person_id: person,
        occasion: Some(Occasion::Birthday),
        holiday_date: Some(date),
        item: item.into(),
        amount: Some(5_000.0),
        handed_on: handed.then_some(date),
        handed_by: "Петрова А.С.".into(),
        ..Default::default()
    }
}

#[test]
fn the_same_gift_is_never_given_twice_to_one_person() {
    let (mut db, _) = common::db();
    let (ivanov, petrova) = two_people(&mut db);
    let given = common::d(2025, 3, 7);
    service::add_gift(
        &mut db,
        &Actor::SYSTEM,
        &gift(ivanov, "Набор «Орловский мёд»", given, true),
        Some(1),
    )
    .expect("the first gift");
    // The same gift, written otherwise: refused with the day it was given.
    for again in [
        "набор орловский мед",
        "  НАБОР   «Орловский Мёд» ",
        "Набор \"Орловский мёд\"",
    ] {
        let err = service::add_gift(
            &mut db,
            &Actor::SYSTEM,
            &gift(ivanov, again, common::d(2026, 3, 7), false),
            Some(1),
        )
        .expect_err(again);
        assert!(
            matches!(err, GiftError::Repeated { date: Some(d), handed: true } if d == given),
            "{again}: {err:?}"
        );
        let message = vipdesk::i18n::describe(&err);
        assert!(message.contains("07.03.2025"), "{message}");
    }
    // To another person it is allowed.
    service::add_gift(
        &mut db,
        &Actor::SYSTEM,
        &gift(
            petrova,
            "Набор «Орловский мёд»",
            common::d(2026, 3, 7),
            false,
        ),
        Some(2),
    )
    .expect("another person");
    assert_eq!(service::gifts_of(&db, ivanov).expect("gifts").len(), 1);
    assert_eq!(service::gifts_of(&db, petrova).expect("gifts").len(), 1);
}

#[test]
fn a_gift_over_its_limit_is_refused() {
    let (mut db, _) = common::db();
    let (ivanov, petrova) = two_people(&mut db);
    // Category 2's birthday limit in the regulation's proportions: 6 000 ₽.
    let mut dear = gift(petrova, "Часы настольные", common::d(2026, 5, 5), false);
    dear.amount = Some(6_500.0);
    let err = service::add_gift(&mut db, &Actor::SYSTEM, &dear, Some(2)).expect_err("dear");
    assert!(
        matches!(err, GiftError::OverLimit { limit } if limit == 6_000.0),
        "{err:?}"
    );
    assert!(vipdesk::i18n::describe(&err).contains("6\u{a0}000,00"));
    // A jubilee of category 1 takes up to 20 000 ₽.
    let mut jubilee = gift(ivanov, "Часы настольные", common::d(2026, 3, 7), false);
    jubilee.occasion = Some(Occasion::Jubilee);
    jubilee.amount = Some(19_000.0);
    service::add_gift(&mut db, &Actor::SYSTEM, &jubilee, Some(1)).expect("within the limit");
}

#[test]
fn the_schedule_reads_the_database() {
    let (mut db, _) = common::db();
    let (ivanov, _) = two_people(&mut db);
    let rows =
        service::schedule(&db, common::d(2026, 3, 1), common::d(2026, 3, 31)).expect("schedule");
    let jubilee = rows
        .iter()
        .find(|g| g.person_id == ivanov && g.occasion == Occasion::Jubilee)
        .expect("Иванов turns 50 on Saturday 7 March 2026");
    assert_eq!(jubilee.hand_by, common::d(2026, 3, 10));
    assert_eq!(jubilee.age, Some(50));
    assert_eq!(&*jubilee.client, "АО «Альфа»");
    assert_eq!(
        rows.iter()
            .filter(|g| g.occasion == Occasion::WomensDay)
            .count(),
        2
    );
}
