//! The greetings regulation: the gift registry (never the same gift twice to one person, the
//! limits), the schedule from the database.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use vipdesk::clients::{self, Client, Dossier, Person};
use vipdesk::domain::{Actor, Role};
use vipdesk::greetings::service::{self, GiftError};
use vipdesk::greetings::{Gift, GiftStatus, Occasion};
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
    let err = service::add_gift(&mut db, &Actor::SYSTEM, &dear).expect_err("dear");
    assert!(
        matches!(err, GiftError::OverLimit { limit } if limit == 6_000.0),
        "{err:?}"
    );
    assert!(vipdesk::i18n::describe(&err).contains("6\u{a0}000,00"));
    // A jubilee of category 1 takes up to 20 000 ₽.
    let mut jubilee = gift(ivanov, "Часы настольные", common::d(2026, 3, 7), false);
    jubilee.occasion = Some(Occasion::Jubilee);
    jubilee.amount = Some(19_000.0);
    service::add_gift(&mut db, &Actor::SYSTEM, &jubilee).expect("within the limit");
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
    // 8 March greets the women only: Петрова, not Иванов.
    assert_eq!(
        rows.iter()
            .filter(|g| g.occasion == Occasion::WomensDay)
            .count(),
        1
    );
}

#[test]
fn a_general_holidays_gift_not_handed_by_the_last_working_day_is_a_delivery_task() {
    let (mut db, clock) = common::db();
    let (ivanov, _) = two_people(&mut db);
    let new_year = common::d(2026, 12, 31);
    let mut g = gift(ivanov, "Ежедневник", new_year, false);
    g.occasion = Some(Occasion::NewYear);
    g.amount = Some(4_000.0);
    let id = service::add_gift(&mut db, &Actor::SYSTEM, &g).expect("planned");
    for _ in 0..3 {
        service::advance(&mut db, &Actor::SYSTEM, id, &service::Handover::default())
            .expect("approved, sent, bought");
    }
    let row = service::gift_rows(&db, new_year, new_year, None).expect("rows")[0].clone();
    assert_eq!(row.gift.status, GiftStatus::Bought);
    let last = row.hand_by.expect("the last working day");
    assert!(last < new_year);
    // The day before the last working day: nothing to deliver yet.
    let before = service::today(
        &db,
        vipdesk::domain::Scope::All,
        last - chrono::Duration::days(1),
    )
    .expect("today");
    assert!(before.deliveries.is_empty());
    // Not handed by the last working day: a delivery task for the personal manager.
    clock.set_date(last);
    let today = service::today(&db, vipdesk::domain::Scope::All, last).expect("today");
    assert_eq!(today.deliveries.len(), 1);
    assert_eq!(today.deliveries[0].gift.id, Some(id));
    // Handed over: the task is gone.
    service::advance(
        &mut db,
        &Actor::SYSTEM,
        id,
        &service::Handover {
            on: Some(last),
            by: "Петрова А.С.".into(),
            to: "секретарь".into(),
        },
    )
    .expect("handed");
    assert!(
        service::today(&db, vipdesk::domain::Scope::All, last)
            .expect("today")
            .deliveries
            .is_empty()
    );
}

#[test]
fn a_hand_over_needs_its_date_giver_and_receiver() {
    let (mut db, clock) = common::db();
    let (ivanov, _) = two_people(&mut db);
    let id = service::add_gift(
        &mut db,
        &Actor::SYSTEM,
        &gift(ivanov, "Часы", common::d(2027, 3, 7), false),
    )
    .expect("planned");
    for _ in 0..3 {
        service::advance(&mut db, &Actor::SYSTEM, id, &service::Handover::default()).expect("step");
    }
    let err = service::advance(&mut db, &Actor::SYSTEM, id, &service::Handover::default())
        .expect_err("no date");
    assert!(vipdesk::i18n::describe(&err).contains("дату вручения"));
    let future = service::Handover {
        on: Some(common::d(2027, 1, 1)),
        by: "Петрова А.С.".into(),
        to: "Иванов И.И.".into(),
    };
    let err = service::advance(&mut db, &Actor::SYSTEM, id, &future).expect_err("future");
    assert!(vipdesk::i18n::describe(&err).contains("не наступила"));
    // A birthday gift is handed on the day or after, never before.
    let early = service::Handover {
        on: Some(common::today()),
        ..future.clone()
    };
    let err = service::advance(&mut db, &Actor::SYSTEM, id, &early).expect_err("early");
    assert!(vipdesk::i18n::describe(&err).contains("не раньше"));
    // A handed gift stays in the registry: it cannot be dropped.
    clock.set_date(common::d(2027, 3, 9));
    let ok = service::Handover {
        on: Some(common::d(2027, 3, 9)),
        ..future
    };
    service::advance(&mut db, &Actor::SYSTEM, id, &ok).expect("handed");
    assert!(service::delete_gift(&mut db, &Actor::SYSTEM, id).is_err());
    assert!(service::advance(&mut db, &Actor::SYSTEM, id, &ok).is_err());
}

#[test]
fn a_changed_category_of_a_planned_gift_is_warned() {
    let (mut db, _) = common::db();
    let (ivanov, _) = two_people(&mut db);
    service::add_gift(
        &mut db,
        &Actor::SYSTEM,
        &gift(ivanov, "Часы", common::d(2027, 3, 7), false),
    )
    .expect("planned");
    assert!(
        service::today(&db, vipdesk::domain::Scope::All, common::today())
            .expect("today")
            .changes
            .is_empty()
    );
    // The client is no longer strategic and the head became category 3.
    let client = clients::service::list(&db).expect("list")[0].id;
    let mut d = clients::service::open(&db, client).expect("dossier");
    d.client.strategic = false;
    d.people[0].category = Some(3);
    clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("saved");
    let changes = service::today(&db, vipdesk::domain::Scope::All, common::today())
        .expect("today")
        .changes;
    assert_eq!(changes.len(), 2, "{changes:?}");
}

#[test]
fn ideas_never_given_are_told_apart() {
    let (mut db, _) = common::db();
    let (ivanov, _) = two_people(&mut db);
    for item in ["Шахматы", "Часы"] {
        service::add_idea(
            &mut db,
            &Actor::SYSTEM,
            &vipdesk::greetings::GiftIdea {
                person_id: ivanov,
                item: item.into(),
                ..Default::default()
            },
        )
        .expect("idea");
    }
    service::add_gift(
        &mut db,
        &Actor::SYSTEM,
        &gift(ivanov, "часы", common::d(2025, 3, 7), true),
    )
    .expect("given");
    let ideas = service::ideas_of(&db, ivanov).expect("ideas");
    let given: Vec<(&str, bool)> = ideas.iter().map(|i| (i.item.as_str(), i.given)).collect();
    assert_eq!(given, vec![("Шахматы", false), ("Часы", true)]);
    let card = service::person_gifts(&db, ivanov, common::today()).expect("card");
    assert_eq!(card.gifts.len(), 1);
    assert!(!card.upcoming.is_empty());
}

#[test]
fn the_schedule_order_and_card_documents() {
    let (mut db, _) = common::db();
    let (ivanov, petrova) = two_people(&mut db);
    let bytes = vipdesk::greetings::documents::schedule_pdf(
        &db,
        common::d(2027, 3, 1),
        common::d(2027, 3, 31),
        None,
    )
    .expect("schedule");
    let text = common::pdf_text(&bytes);
    assert!(text.contains("Иванов И.И., генеральный директор"), "{text}");
    assert!(text.contains("Международный женский день"), "{text}");
    // The order: the gifts not yet with the administrative sector, the deadline, the total.
    let tea = service::add_gift(
        &mut db,
        &Actor::SYSTEM,
        &gift(petrova, "Набор чая", common::d(2027, 3, 8), false),
    )
    .expect("planned");
    let rows =
        service::gift_rows(&db, common::d(2027, 3, 1), common::d(2027, 3, 31), None).expect("rows");
    // A draft is not ordered: the head of the company approves first.
    let err = vipdesk::greetings::documents::order_pdf(&rows, &db, common::today())
        .expect_err("nothing approved");
    assert!(vipdesk::i18n::describe(&err).contains("согласованные руководителем"));
    service::advance(&mut db, &Actor::SYSTEM, tea, &service::Handover::default())
        .expect("approved");
    let rows =
        service::gift_rows(&db, common::d(2027, 3, 1), common::d(2027, 3, 31), None).expect("rows");
    let order =
        vipdesk::greetings::documents::order_pdf(&rows, &db, common::today()).expect("order");
    let text = common::pdf_text(&order);
    assert!(text.contains("Набор чая"), "{text}");
    assert!(text.contains("Передать в АХС не позднее"), "{text}");
    // A card for a woman of category 2 on 8 March.
    let card = vipdesk::greetings::documents::card_pdf(
        &db,
        petrova,
        Occasion::WomensDay,
        "",
        common::d(2027, 3, 8),
    )
    .expect("card");
    let text = common::pdf_text(&card);
    assert!(text.contains("Уважаемая Мария Петровна!"), "{text}");
    assert!(
        text.contains("С Международным женским днём 8 Марта!"),
        "{text}"
    );
    let _ = ivanov;
}

#[test]
fn a_card_text_that_does_not_read_or_fit_is_refused() {
    use vipdesk::greetings::documents::{self, DocumentError};
    let (mut db, _) = common::db();
    let (_, petrova) = two_people(&mut db);
    let mut reg = service::regulation(&db).expect("regulation");
    reg.card_text = "{{ salutation }} {{ gift_price }}".into();
    let err = service::set_regulation(&mut db, &Actor::SYSTEM, &reg).expect_err("unknown field");
    assert!(
        matches!(err, DocumentError::UnknownField(ref f) if f == "gift_price"),
        "{err:?}"
    );
    assert!(vipdesk::i18n::describe(&err).contains("Текст открытки не читается"));
    // The time of the birthday calls is a time of day.
    let mut late = service::regulation(&db).expect("regulation");
    assert_eq!(late.call_before, "12:00");
    late.call_before = "25:00".into();
    let err = service::set_regulation(&mut db, &Actor::SYSTEM, &late).expect_err("no such time");
    assert!(vipdesk::i18n::describe(&err).contains("ЧЧ:ММ"));
    // A long text gets a smaller size; one that cannot fit at all is refused, not cut.
    reg.card_text = format!("{{{{ salutation }}}}\n\n{}", "Желаем успехов. ".repeat(25));
    service::set_regulation(&mut db, &Actor::SYSTEM, &reg).expect("a long text");
    documents::card_pdf(&db, petrova, Occasion::WomensDay, "", common::d(2027, 3, 8))
        .expect("fits in a smaller size");
    reg.card_text = "Желаем успехов. ".repeat(200);
    service::set_regulation(&mut db, &Actor::SYSTEM, &reg).expect("saved");
    let err = documents::card_pdf(&db, petrova, Occasion::WomensDay, "", common::d(2027, 3, 8))
        .expect_err("too long");
    assert!(matches!(err, DocumentError::CardTooLong), "{err:?}");
}

#[test]
fn today_lists_a_general_holiday_once_and_birthdays_per_person() {
    let (mut db, _) = common::db();
    let (ivanov, _) = two_people(&mut db);
    // The week of 31 December 2026: the New Year for both leaders, on one line.
    let today =
        service::today(&db, vipdesk::domain::Scope::All, common::d(2026, 12, 28)).expect("today");
    assert_eq!(today.general.len(), 1, "{:?}", today.general);
    let ny = &today.general[0];
    assert_eq!(
        (ny.occasion, ny.people, ny.director_calls),
        (Occasion::NewYear, 2, 2)
    );
    assert!(today.greetings.is_empty());
    // The week of Иванов's birthday (7 March 2027, a Sunday): his line, with both callers.
    let today =
        service::today(&db, vipdesk::domain::Scope::All, common::d(2027, 3, 1)).expect("today");
    let b = today
        .greetings
        .iter()
        .find(|g| g.person_id == ivanov)
        .expect("the birthday");
    assert_eq!(b.callers.len(), 2);
    // A manager with no clients sees none of it.
    let other = common::add_manager(&mut db, "Сидоров", "Пётр", "Ильич");
    let theirs = service::today(
        &db,
        vipdesk::domain::Scope::Manager(other),
        common::d(2026, 12, 28),
    )
    .expect("today");
    assert_eq!(theirs.count(), 0);
}

#[test]
fn a_plan_over_the_limit_of_its_person_now_is_not_approved() {
    let (mut db, _) = common::db();
    let (ivanov, _) = two_people(&mut db);
    // 9 000 ₽ for a category-1 birthday (limit 10 000).
    let mut g = gift(ivanov, "Часы", common::d(2027, 3, 7), false);
    g.occasion = Some(Occasion::Birthday);
    g.amount = Some(9_000.0);
    let id = service::add_gift(&mut db, &Actor::SYSTEM, &g).expect("planned");
    // The head becomes category 3: a birthday limit of 3 000 ₽.
    let client = clients::service::list(&db).expect("list")[0].id;
    let mut d = clients::service::open(&db, client).expect("dossier");
    d.people[0].category = Some(3);
    clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("saved");
    let err = service::advance(&mut db, &Actor::SYSTEM, id, &service::Handover::default())
        .expect_err("over the limit now");
    assert!(
        matches!(err, GiftError::OverLimit { limit } if limit == 3_000.0),
        "{err:?}"
    );
    // A gift's text is a name, not an essay.
    let mut long = gift(ivanov, &"подарок ".repeat(40), common::d(2027, 3, 7), false);
    long.amount = None;
    let err = service::add_gift(&mut db, &Actor::SYSTEM, &long).expect_err("too long");
    assert!(vipdesk::i18n::describe(&err).contains("не длиннее 200"));
}

/// #22 point 6: the 8 March card's title keeps «8 Марта» on one line, and a birthday is «с днём
/// рождения» (no holiday's name: lower case), in the card's title and text alike.
#[test]
fn a_card_keeps_8_marta_together_and_a_birthday_in_lower_case() {
    let (mut db, _) = common::db();
    let (ivanov, petrova) = two_people(&mut db);
    let lines = |bytes: &[u8]| -> Vec<String> {
        let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
        doc.get_pages()
            .keys()
            .map(|p| doc.extract_text(&[*p]).expect("text"))
            .flat_map(|t| {
                t.lines()
                    .map(str::trim)
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.is_empty())
            .collect()
    };
    let card = vipdesk::greetings::documents::card_pdf(
        &db,
        petrova,
        Occasion::WomensDay,
        "",
        common::d(2027, 3, 8),
    )
    .expect("card");
    let shown = lines(&card);
    assert!(
        shown
            .windows(2)
            .all(|w| !(w[0].ends_with(" 8") && w[1].starts_with("Марта"))),
        "{shown:?}"
    );
    let card = vipdesk::greetings::documents::card_pdf(
        &db,
        ivanov,
        Occasion::Birthday,
        "",
        common::d(2027, 3, 7),
    )
    .expect("card");
    let text = common::pdf_text(&card);
    assert!(text.contains("С днём рождения!"), "{text}");
    assert!(!text.contains("Днём рождения"), "{text}");
}

/// #22 point 10: outside letters too, a signature names its signer as GOST R 7.0.97 writes
/// it, initials first: «Д.А. Киселёв», never «Киселёв Д.А.».
#[test]
fn signatures_put_the_initials_first() {
    let (mut db, _) = common::db();
    let (_, petrova) = two_people(&mut db);
    common::add_with_role(&mut db, "Киселёв", "Дмитрий", "Андреевич", Role::GroupHead);
    let schedule = vipdesk::greetings::documents::schedule_pdf(
        &db,
        common::d(2027, 3, 1),
        common::d(2027, 3, 31),
        None,
    )
    .expect("schedule");
    let text = common::pdf_text(&schedule);
    assert!(text.contains("Д.А. Киселёв"), "{text}");
    assert!(!text.contains("Киселёв Д.А."), "{text}");
    let memo =
        vipdesk::appeals::memo::weekly_memo(&db, "2027-W10", common::d(2027, 3, 15)).expect("memo");
    let pdf = vipdesk::appeals::memo::memo_pdf(&db, &Actor::SYSTEM, &memo).expect("memo pdf");
    let text = common::pdf_text(&pdf);
    assert!(text.contains("Д.А. Киселёв"), "{text}");
    assert!(!text.contains("Киселёв Д.А."), "{text}");
    let _ = petrova;
}

/// #22 point 7: a row of the greetings schedule takes two lines, three with a long position
/// or name: «персональный менеджер» and who hands the gift with its days fit their columns, and
/// a month of New Year greetings is not 40 pages of six rows.
#[test]
fn the_schedule_sets_a_greeting_in_two_or_three_lines() {
    let (mut db, _) = common::db();
    let positions = [
        ("Генеральный директор", 1),
        ("Главный бухгалтер", 2),
        ("Заместитель генерального директора", 3),
        ("Главный энергетик", 3),
        ("Начальник отдела снабжения", 3),
    ];
    let names = [
        ("Константинопольский", "Александр", "Владимирович"),
        ("Ушакова", "Екатерина", "Петровна"),
        ("Королёв", "Михаил", "Сергеевич"),
        ("Харитонова", "Валентина", "Васильевна"),
        ("Воронцов", "Николай", "Фёдорович"),
    ];
    for i in 0..24u32 {
        let d = Dossier {
            client: Client {
                short_name: if i % 2 == 0 {
                    format!("ПАО «Болховский плодоконсервный завод № {i}»")
                } else {
                    format!("АО «Энергомаш-{i}»")
                },
                inn: common::inn(i + 1),
                strategic: i % 3 == 0,
                ..Default::default()
            },
            people: positions
                .iter()
                .zip(names)
                .map(
                    |((position, category), (surname, name, patronymic))| Person {
                        surname: surname.into(),
                        name: name.into(),
                        patronymic: patronymic.into(),
                        position: (*position).into(),
                        category: Some(*category),
                        ..Default::default()
                    },
                )
                .collect(),
            ..Default::default()
        };
        clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("client");
    }
    let (from, to) = (common::d(2026, 12, 1), common::d(2026, 12, 31));
    let rows = service::schedule_for(&db, from, to, None)
        .expect("rows")
        .len();
    assert!(rows >= 120, "a New Year greeting for everyone: {rows}");
    let pdf = vipdesk::greetings::documents::schedule_pdf(&db, from, to, None).expect("pdf");
    let pages = lopdf::Document::load_mem(&pdf)
        .expect("pdf")
        .get_pages()
        .len();
    assert!(
        rows as f32 / pages as f32 >= 10.0,
        "{rows} greetings on {pages} pages"
    );
    let text = common::pdf_text(&pdf);
    // No word of the usual columns is broken across lines.
    for word in [
        "персональный менеджер",
        "представитель клиента",
        "Новый год",
    ] {
        assert!(text.contains(word), "{word} in {text}");
    }
    assert!(!text.contains("персональ-"), "{text}");
    // Who hands the gift, then its days as one span.
    assert!(text.contains("представитель клиента"), "{text}");
    assert!(!text.contains("через представителя"), "{text}");
}

/// An 8 March card is not made for a man, nor a 23 February card for a woman.
#[test]
fn a_card_is_made_for_the_holiday_of_the_person() {
    use vipdesk::greetings::documents::{DocumentError, card_pdf};
    let (mut db, _) = common::db();
    let (ivanov, petrova) = two_people(&mut db);
    for (person, occasion, date) in [
        (ivanov, Occasion::WomensDay, common::d(2027, 3, 8)),
        (petrova, Occasion::Defender, common::d(2027, 2, 23)),
    ] {
        let e = card_pdf(&db, person, occasion, "", date).expect_err("not their holiday");
        assert!(matches!(e, DocumentError::NotTheirHoliday), "{e:?}");
        assert!(vipdesk::i18n::describe(&e).contains("8 Марта поздравляют женщин"));
    }
    card_pdf(&db, ivanov, Occasion::Defender, "", common::d(2027, 2, 23)).expect("his");
    card_pdf(&db, petrova, Occasion::WomensDay, "", common::d(2027, 3, 8)).expect("hers");
}
