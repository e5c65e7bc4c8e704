//! Appeals: registration numbers never reused, the deadline per kind × client kind on the
//! production calendar, the flow refusing invalid jumps with its message, the extension and its
//! notice, the reply letter linked both ways, answers on the client's channel, the register's
//! filters and full-text search, «Сегодня».
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{actor, d};
use vipdesk::appeals::service::{self, AppealError, Notice};
use vipdesk::appeals::*;
use vipdesk::clients::{self, Client, ClientKind, Dossier, Person};
use vipdesk::domain::validate::Phone;
use vipdesk::domain::{Actor, Id};
use vipdesk::i18n;
use vipdesk::letters::{self, LetterStatus};
use vipdesk::storage::Db;

fn at(date: NaiveDate, h: u32) -> NaiveDateTime {
    date.and_hms_opt(h, 0, 0).expect("time")
}

fn client(db: &mut Db, name: &str, inn: &str, kind: ClientKind, manager: Id) -> (Id, Id) {
    let dossier = Dossier {
        client: Client {
            short_name: name.into(),
            kind,
            inn: inn.into(),
            manager_id: Some(manager),
            ..Default::default()
        },
        people: vec![Person {
            surname: "Соколов".into(),
            name: "Игорь".into(),
            patronymic: "Андреевич".into(),
            position: "Генеральный директор".into(),
            phones: vec![Phone::parse("8 (916) 123-45-67").expect("phone")],
            email: if kind == ClientKind::Individual {
                "ivanov@example.ru".into()
            } else {
                "sokolov@example.ru".into()
            },
            ..Default::default()
        }],
        ..Default::default()
    };
    let id = clients::service::save(db, &actor(manager), &dossier).expect("client");
    let person = clients::service::open(db, id).expect("dossier").people[0]
        .id
        .expect("person");
    (id, person)
}

struct Fixture {
    db: Db,
    clock: std::sync::Arc<vipdesk::domain::FixedClock>,
    me: Id,
    legal: Id,
    person: Id,
    citizen: Id,
}

fn fixture() -> Fixture {
    let (mut db, clock) = common::db();
    let me = common::add_manager(&mut db, "Родионова", "Галина", "Ивановна");
    let (legal, person) = client(
        &mut db,
        "АО «Орелводоканал»",
        "5753000010",
        ClientKind::Legal,
        me,
    );
    let (citizen, _) = client(
        &mut db,
        "Иванов Иван Иванович",
        "",
        ClientKind::Individual,
        me,
    );
    Fixture {
        db,
        clock,
        me,
        legal,
        person,
        citizen,
    }
}

fn appeal(f: &Fixture, client: Id, kind: AppealKind, channel: Channel, subject: &str) -> Appeal {
    Appeal {
        kind,
        subject: subject.into(),
        body: format!("Текст обращения: {subject}"),
        person_id: (client == f.legal).then_some(f.person),
        ..service::new_appeal(client, channel, at(f.clock_today(), 9), Some(f.me))
    }
}

impl Fixture {
    fn clock_today(&self) -> NaiveDate {
        self.db.today()
    }
    fn register(&mut self, a: &Appeal) -> Id {
        service::create(&mut self.db, &actor(self.me), a, true, &[]).expect("registered")
    }
}

#[test]
fn registration_numbers_grow_per_year_and_are_never_reused() {
    let mut f = fixture();
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Phone,
        "Счёт за октябрь",
    );
    let one = f.register(&a);
    let two = f.register(&a);
    assert_eq!(service::open(&f.db, one).expect("one").number, "ОБ-1/26");
    assert_eq!(service::open(&f.db, two).expect("two").number, "ОБ-2/26");
    // The last one deleted: its number is not given again.
    service::delete(&mut f.db, &actor(f.me), two).expect("deleted");
    let three = f.register(&a);
    assert_eq!(
        service::open(&f.db, three).expect("three").number,
        "ОБ-3/26"
    );
    // A new year starts at 1.
    f.clock.set_date(d(2027, 1, 11));
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Phone,
        "Счёт за декабрь",
    );
    let next = f.register(&a);
    assert_eq!(service::open(&f.db, next).expect("next").number, "ОБ-1/27");
    // A received appeal has no number until registered; registering twice is refused.
    let received = service::create(&mut f.db, &actor(f.me), &a, false, &[]).expect("received");
    assert_eq!(service::open(&f.db, received).expect("r").number, "");
    let number = service::register(&mut f.db, &actor(f.me), received).expect("register");
    assert_eq!(number, "ОБ-2/27");
    let again = service::register(&mut f.db, &actor(f.me), received).expect_err("twice");
    assert!(
        matches!(again, AppealError::BadTransition { .. }),
        "{again:?}"
    );
}

#[test]
fn the_deadline_follows_the_rule_of_the_kind_and_the_client_on_the_calendar() {
    let mut f = fixture();
    // Registered on 5 Oct 2026: 30 days = 4 Nov (a holiday) → 5 Nov.
    f.clock.set_date(d(2026, 10, 5));
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Перерасчёт",
    );
    let id = f.register(&a);
    let got = service::open(&f.db, id).expect("a");
    assert_eq!(got.registered_on, Some(d(2026, 10, 5)));
    assert_eq!(got.due_date, Some(d(2026, 11, 5)));
    // A citizen's complaint: 10 days (consumer protection), 15 Oct.
    let c = appeal(
        &f,
        f.citizen,
        AppealKind::Complaint,
        Channel::Post,
        "Отключение",
    );
    let id = f.register(&c);
    assert_eq!(
        service::open(&f.db, id).expect("c").due_date,
        Some(d(2026, 10, 15))
    );
    // Rules are settings: 5 working days for a company's information request.
    let mut s = service::settings(&f.db).expect("settings");
    s.set_term(
        AppealKind::Info,
        ClientKind::Legal,
        vipdesk::domain::calendar::Term::working(5),
    );
    service::save_settings(&mut f.db, &Actor::SYSTEM, &s).expect("saved");
    f.clock.set_date(d(2026, 5, 6));
    let i = appeal(&f, f.legal, AppealKind::Info, Channel::Phone, "Справка");
    let id = f.register(&i);
    // 6 May 2026 + 5 working days: 7, 8, 12, 13, 14 May.
    assert_eq!(
        service::open(&f.db, id).expect("i").due_date,
        Some(d(2026, 5, 14))
    );
    // A format without {n} is refused by the settings.
    s.number_format = "ОБ".into();
    let e = service::save_settings(&mut f.db, &Actor::SYSTEM, &s).expect_err("format");
    assert!(matches!(e, AppealError::Invalid(_)));
}

#[test]
fn the_registration_and_forwarding_clocks_are_separate() {
    let mut f = fixture();
    // Received on Friday 30 Oct 2026: register by 2 Nov (3 days: Mon 2 Nov).
    f.clock.set_date(d(2026, 10, 30));
    let a = appeal(&f, f.legal, AppealKind::Info, Channel::Email, "Вопрос");
    let id = service::create(&mut f.db, &actor(f.me), &a, false, &[]).expect("received");
    let today = service::today(&f.db, vipdesk::domain::Scope::All, d(2026, 11, 2)).expect("today");
    assert_eq!(today.unregistered.len(), 1);
    assert_eq!(today.unregistered[0].1, d(2026, 11, 2));
    f.clock.set_date(d(2026, 11, 2));
    service::register(&mut f.db, &actor(f.me), id).expect("register");
    let got = service::open(&f.db, id).expect("a");
    let details = service::details(&f.db, &got).expect("details");
    let clocks = details.clocks.expect("clocks");
    // Forward by 9 Nov (7 days), answer by 2 Dec (30 days).
    assert_eq!(clocks.forward_by, Some(d(2026, 11, 9)));
    assert_eq!(clocks.answer_by, Some(d(2026, 12, 2)));
    assert!(
        service::today(&f.db, vipdesk::domain::Scope::All, d(2026, 11, 2))
            .expect("t")
            .unregistered
            .is_empty()
    );
}

fn said(e: &AppealError) -> String {
    i18n::describe(e)
}

#[test]
fn invalid_transitions_are_refused_with_a_clear_message() {
    let mut f = fixture();
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Phone,
        "Качество",
    );
    let id = f.register(&a);
    // Closing a complaint without an answer.
    let e = service::close(&mut f.db, &actor(f.me), id, "решено").expect_err("refused");
    assert!(matches!(
        e,
        AppealError::CloseWithoutAnswer(AppealKind::Complaint)
    ));
    assert!(
        said(&e).contains("Жалобу нельзя закрыть без ответа"),
        "{}",
        said(&e)
    );
    // Answering by e-mail when the client chose the phone, without a reason.
    let e = service::send_answer(
        &mut f.db,
        &actor(f.me),
        id,
        &Answer {
            via: Channel::Email,
            text: "Ответ".into(),
            ..Default::default()
        },
    )
    .expect_err("other channel");
    assert!(matches!(e, AppealError::OtherChannel { .. }));
    assert!(said(&e).contains("по телефону"), "{}", said(&e));
    assert!(said(&e).contains("причину"), "{}", said(&e));
    // Forwarding needs a department.
    let e = service::forward(&mut f.db, &actor(f.me), id, " ", "").expect_err("dept");
    assert!(matches!(e, AppealError::NoDepartment));
    // Forward, then the specialist answers: back in work; then closed only after the answer.
    service::forward(&mut f.db, &actor(f.me), id, "Отдел расчётов", "Ильина О.В.").expect("fwd");
    let e = service::forward(&mut f.db, &actor(f.me), id, "Отдел", "").expect_err("twice");
    assert!(said(&e).contains("«передано специалисту»"), "{}", said(&e));
    service::specialist_answered(&mut f.db, &actor(f.me), id, "Перерасчёт сделан").expect("ans");
    assert_eq!(
        service::open(&f.db, id).expect("a").status,
        AppealStatus::InWork
    );
    // The phone answer is recorded as a call and sends the answer.
    service::send_answer(
        &mut f.db,
        &actor(f.me),
        id,
        &Answer {
            via: Channel::Phone,
            text: "Сообщили о перерасчёте".into(),
            ..Default::default()
        },
    )
    .expect("answered");
    let got = service::open(&f.db, id).expect("a");
    assert_eq!(got.status, AppealStatus::AnswerSent);
    assert_eq!(got.answer_via, Some(Channel::Phone));
    let calls = vipdesk::contacts::service::list(&f.db, Some(f.legal), None).expect("calls");
    assert_eq!(calls.len(), 1, "the call is recorded");
    service::close(&mut f.db, &actor(f.me), id, "").expect("closed");
    let e = service::take(&mut f.db, &actor(f.me), id).expect_err("closed stays closed");
    assert!(matches!(
        e,
        AppealError::BadTransition {
            from: AppealStatus::Closed,
            ..
        }
    ));
    // Another channel with a reason is accepted, and the reason kept.
    let b = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Phone,
        "Тариф",
    ));
    service::send_answer(
        &mut f.db,
        &actor(f.me),
        b,
        &Answer {
            via: Channel::Email,
            text: "Тариф прилагаем".into(),
            reason: "клиент попросил прислать таблицу".into(),
            ..Default::default()
        },
    )
    .expect("with a reason");
    assert_eq!(
        service::open(&f.db, b).expect("b").channel_reason,
        "клиент попросил прислать таблицу"
    );
    // A feedback closes without an answer, with a note.
    let fb = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Feedback,
        Channel::Phone,
        "Спасибо",
    ));
    let e = service::close(&mut f.db, &actor(f.me), fb, "").expect_err("note");
    assert!(matches!(e, AppealError::Invalid(_)));
    service::close(&mut f.db, &actor(f.me), fb, "благодарность передана").expect("closed");
}

#[test]
fn the_extension_records_its_reason_and_drafts_the_notice() {
    let mut f = fixture();
    f.clock.set_date(d(2026, 10, 5));
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Перерасчёт за 2025 год",
    );
    let id = f.register(&a);
    let e = service::extend(&mut f.db, &actor(f.me), id, 31, "проверка").expect_err("31");
    assert!(said(&e).contains("от 1 до 30"), "{}", said(&e));
    let e = service::extend(&mut f.db, &actor(f.me), id, 10, " ").expect_err("reason");
    assert!(matches!(e, AppealError::NoReason));
    f.clock.set_date(d(2026, 10, 20));
    let (due, letter) = service::extend(
        &mut f.db,
        &actor(f.me),
        id,
        30,
        "требуется проверка показаний прибора учёта сетевой организацией",
    )
    .expect("extended");
    // 5 Nov + 30 days = 5 Dec (Saturday) → 7 Dec.
    assert_eq!(due, d(2026, 12, 7));
    let got = service::open(&f.db, id).expect("a");
    assert_eq!(got.due_date, Some(d(2026, 12, 7)));
    assert_eq!(got.extended_days, 30);
    assert_eq!(got.extended_on, Some(d(2026, 10, 20)));
    let notice = letters::service::open(&f.db, letter).expect("notice");
    assert_eq!(notice.status, LetterStatus::Draft);
    assert_eq!(notice.heading, "О продлении срока рассмотрения обращения");
    assert!(
        notice.body.contains("продлён до 07.12.2026"),
        "{}",
        notice.body
    );
    assert!(notice.body.contains("ОБ-1/26"), "{}", notice.body);
    assert!(
        notice.body.contains("проверка показаний"),
        "{}",
        notice.body
    );
    let details = service::details(&f.db, &got).expect("details");
    assert_eq!(details.letters.len(), 1);
    assert_eq!(details.letters[0].role, LetterRole::Extended);
    // Once only.
    let e = service::extend(&mut f.db, &actor(f.me), id, 5, "ещё").expect_err("twice");
    assert!(matches!(e, AppealError::AlreadyExtended(_)));
    // The appeal's status did not move.
    assert_eq!(got.status, AppealStatus::Registered);
}

#[test]
fn the_reply_letter_is_linked_both_ways_and_its_registration_sends_the_answer() {
    let mut f = fixture();
    f.clock.set_date(d(2026, 11, 20));
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Ошибка в счёте",
    );
    let id = f.register(&a);
    f.clock.set_date(d(2026, 11, 25));
    let letter_id = service::reply_letter(
        &mut f.db,
        &actor(f.me),
        id,
        "Счёт за октябрь пересчитан.",
        "",
    )
    .expect("reply");
    let letter = letters::service::open(&f.db, letter_id).expect("letter");
    assert_eq!(letter.reply_number, "ОБ-1/26");
    assert_eq!(letter.reply_date, Some(d(2026, 11, 20)));
    assert!(
        letter.addressee.contains("Соколову"),
        "{}",
        letter.addressee
    );
    assert_eq!(letter.heading, "О рассмотрении обращения");
    assert_eq!(
        service::open(&f.db, id).expect("a").status,
        AppealStatus::AnswerReady
    );
    // The letter shows its appeal; the appeal its letter.
    assert_eq!(
        service::appeal_of_letter(&f.db, letter_id).expect("of"),
        Some((id, "ОБ-1/26".to_string()))
    );
    let got = service::open(&f.db, id).expect("a");
    let details = service::details(&f.db, &got).expect("details");
    assert_eq!(details.letters[0].letter_id, letter_id);
    assert_eq!(details.letters[0].role, LetterRole::Reply);
    // Registering the letter sends the answer by post on its date.
    let registered = letters::service::register(&mut f.db, &actor(f.me), letter_id).expect("reg");
    let got = service::open(&f.db, id).expect("a");
    assert_eq!(got.status, AppealStatus::AnswerSent);
    assert_eq!(got.answer_via, Some(Channel::Post));
    assert_eq!(got.answered_on, registered.reg_date);
    let details = service::details(&f.db, &got).expect("details");
    assert_eq!(details.letters[0].number, registered.number);
    service::close(&mut f.db, &actor(f.me), id, "").expect("closed");
    // A client who chose e-mail gets a letter only with a reason.
    let e = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Email,
        "Акт сверки",
    ));
    let err = service::reply_letter(&mut f.db, &actor(f.me), e, "", "").expect_err("reason");
    assert!(matches!(err, AppealError::OtherChannel { .. }));
    service::reply_letter(&mut f.db, &actor(f.me), e, "", "нужен оригинал с печатью").expect("ok");
    assert_eq!(
        service::open(&f.db, e).expect("e").channel_reason,
        "нужен оригинал с печатью"
    );
}

#[test]
fn a_reply_says_the_typed_answer_and_one_with_only_the_templates_words_is_not_registered() {
    let mut f = fixture();
    f.clock.set_date(d(2026, 11, 20));
    let id = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Email,
        "Ошибка в счёте",
    ));
    f.clock.set_date(d(2026, 11, 25));
    let typed = "Счёт за октябрь пересчитан, переплата 12 480,00 ₽ зачтена в ноябре.";
    let letter_id =
        service::reply_letter(&mut f.db, &actor(f.me), id, typed, "нужен оригинал").expect("reply");
    let letter = letters::service::open(&f.db, letter_id).expect("letter");
    assert!(letter.body.contains(typed), "{}", letter.body);
    assert_eq!(service::open(&f.db, id).expect("a").answer, typed);
    // A new answer typed on the card replaces the one the draft says.
    let better = "Счёт за октябрь пересчитан, переплата 12 480,00 ₽ возвращена на счёт.";
    let again = service::reply_letter(&mut f.db, &actor(f.me), id, better, "нужен оригинал")
        .expect("again");
    assert_eq!(again, letter_id, "the same draft");
    let redone = letters::service::open(&f.db, letter_id).expect("letter");
    assert!(
        redone.body.contains(better) && !redone.body.contains(typed),
        "{}",
        redone.body
    );
    service::reply_letter(&mut f.db, &actor(f.me), id, typed, "нужен оригинал").expect("back");
    let letter = letters::service::open(&f.db, letter_id).expect("letter");
    assert!(letter.body.contains(typed), "{}", letter.body);
    // The answer taken out of the letter: only the template's words are left.
    let mut emptied = letter.clone();
    emptied.body = letter.body.replace(typed, "");
    letters::service::save_draft(&mut f.db, &actor(f.me), &emptied).expect("saved");
    let err = letters::service::register(&mut f.db, &actor(f.me), letter_id).expect_err("empty");
    assert_eq!(
        i18n::describe(&err),
        vipdesk::words::ERR_EMPTY_REPLY,
        "{err:?}"
    );
    let after = letters::service::open(&f.db, letter_id).expect("letter");
    assert_eq!(after.status, LetterStatus::Draft);
    assert_eq!(after.number, "", "no number is taken by a refused letter");
    assert_eq!(
        service::open(&f.db, id).expect("a").status,
        AppealStatus::AnswerReady
    );
    // The answer written into the letter by hand: registered, the card's answer kept.
    let mut answered = after.clone();
    answered.body = after.body.replace(
        "сообщаем следующее.",
        "сообщаем следующее.\n\nПереплата зачтена.",
    );
    letters::service::save_draft(&mut f.db, &actor(f.me), &answered).expect("saved");
    letters::service::register(&mut f.db, &actor(f.me), letter_id).expect("registered");
    let got = service::open(&f.db, id).expect("a");
    assert_eq!(got.status, AppealStatus::AnswerSent);
    assert_eq!(
        got.answer, typed,
        "the typed answer, not the letter's heading"
    );
}

#[test]
fn a_reply_with_nothing_typed_leaves_a_blank_and_takes_the_letters_own_words_as_the_answer() {
    let mut f = fixture();
    let id = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Ошибка в счёте",
    ));
    let letter_id = service::reply_letter(&mut f.db, &actor(f.me), id, "", "").expect("reply");
    let letter = letters::service::open(&f.db, letter_id).expect("letter");
    assert!(letter.body.contains("____"), "{}", letter.body);
    // Registering with the blank is refused.
    let err = letters::service::register(&mut f.db, &actor(f.me), letter_id).expect_err("blank");
    assert!(matches!(err, letters::LetterError::Blank(_)), "{err:?}");
    let mut filled = letter.clone();
    filled.body = letter
        .body
        .replace(vipdesk::letters::compose::ANSWER_BLANK, "Счёт пересчитан.");
    letters::service::save_draft(&mut f.db, &actor(f.me), &filled).expect("saved");
    letters::service::register(&mut f.db, &actor(f.me), letter_id).expect("registered");
    let got = service::open(&f.db, id).expect("a");
    assert_eq!(got.status, AppealStatus::AnswerSent);
    assert_eq!(got.answer, "Счёт пересчитан.");
}

#[test]
fn the_notice_of_registration_goes_on_the_reply_channel() {
    let mut f = fixture();
    f.clock.set_date(d(2026, 11, 20));
    let received = appeal(&f, f.legal, AppealKind::Info, Channel::Post, "Письмо");
    // Received on Friday, registered on Monday: the notice names the day it was received.
    f.clock.set_date(d(2026, 11, 23));
    let post = f.register(&received);
    match service::notice_of_registration(&mut f.db, &actor(f.me), post).expect("notice") {
        Notice::Letter(id) => {
            let l = letters::service::open(&f.db, id).expect("letter");
            assert!(l.body.contains("обращение от 20.11.2026"), "{}", l.body);
            assert!(l.body.contains("зарегистрировано 23.11.2026"), "{}", l.body);
            assert!(l.body.contains("ОБ-1/26"), "{}", l.body);
        }
        other => panic!("a letter expected, got {other:?}"),
    }
    let web = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Web,
        "Форма",
    ));
    match service::notice_of_registration(&mut f.db, &actor(f.me), web).expect("notice") {
        Notice::Text(t) => {
            assert!(t.contains("ОБ-2/26"), "{t}");
            assert!(t.starts_with("Уважаем"), "{t}");
        }
        other => panic!("a text expected, got {other:?}"),
    }
}

#[test]
fn the_register_filters_and_finds_words() {
    let mut f = fixture();
    f.clock.set_date(d(2026, 10, 1));
    let old = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Перерасчёт за сентябрь",
    ));
    f.clock.set_date(d(2026, 11, 20));
    let phone = f.register(&appeal(
        &f,
        f.citizen,
        AppealKind::Info,
        Channel::Phone,
        "Показания счётчика",
    ));
    let mail = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Suggestion,
        Channel::Email,
        "Личный кабинет",
    ));
    service::forward(&mut f.db, &actor(f.me), mail, "ИТ", "").expect("fwd");
    fn ids_in(db: &Db, filter: AppealFilter) -> Vec<Id> {
        service::list(db, &filter, 100)
            .expect("list")
            .0
            .into_iter()
            .map(|r| r.id)
            .collect()
    }
    let ids = |filter: AppealFilter| ids_in(&f.db, filter);
    assert_eq!(ids(AppealFilter::default()), vec![mail, phone, old]);
    assert_eq!(
        ids(AppealFilter {
            kind: Some(AppealKind::Complaint),
            ..Default::default()
        }),
        vec![old]
    );
    assert_eq!(
        ids(AppealFilter {
            channel: Some(Channel::Phone),
            ..Default::default()
        }),
        vec![phone]
    );
    assert_eq!(
        ids(AppealFilter {
            client: Some(f.legal),
            ..Default::default()
        }),
        vec![mail, old]
    );
    assert_eq!(
        ids(AppealFilter {
            status: Some(AppealStatus::Forwarded),
            ..Default::default()
        }),
        vec![mail]
    );
    assert_eq!(
        ids(AppealFilter {
            from: Some(d(2026, 11, 1)),
            to: Some(d(2026, 11, 30)),
            ..Default::default()
        }),
        vec![mail, phone]
    );
    // Only open ones, through their own index; with a client too.
    assert_eq!(
        ids(AppealFilter {
            open_only: true,
            ..Default::default()
        }),
        vec![mail, phone, old]
    );
    assert_eq!(
        ids(AppealFilter {
            open_only: true,
            kind: Some(AppealKind::Info),
            text: "показан".into(),
            ..Default::default()
        }),
        vec![phone]
    );
    assert_eq!(
        ids(AppealFilter {
            open_only: true,
            client: Some(f.citizen),
            ..Default::default()
        }),
        vec![phone]
    );
    // Overdue on 25 Nov: the complaint of 1 Oct (due 2 Nov at the latest).
    let overdue = AppealFilter {
        due: DueFilter::Overdue,
        today: Some(d(2026, 11, 25)),
        ..Default::default()
    };
    assert_eq!(ids(overdue), vec![old]);
    // Due by 1 Dec: the citizen's info request of 20 Nov is due 21 Dec — not there.
    assert_eq!(
        ids(AppealFilter {
            due: DueFilter::By(d(2026, 12, 1)),
            ..Default::default()
        }),
        vec![old]
    );
    // Full text, by word prefix, in any case, in the text too; operators are just text.
    assert_eq!(
        ids(AppealFilter {
            text: "перерасч".into(),
            ..Default::default()
        }),
        vec![old]
    );
    assert_eq!(
        ids(AppealFilter {
            text: "СЧЁТЧИКА".into(),
            ..Default::default()
        }),
        vec![phone]
    );
    assert_eq!(
        ids(AppealFilter {
            text: "текст кабинет".into(),
            ..Default::default()
        }),
        vec![mail]
    );
    assert!(
        ids(AppealFilter {
            text: "\"OR* NEAR(".into(),
            ..Default::default()
        })
        .is_empty()
    );
    // The limit keeps the count.
    let (rows, total) = service::list(&f.db, &AppealFilter::default(), 2).expect("limited");
    assert_eq!((rows.len(), total), (2, 3));
    // An edit of the subject is found by its new words, not the old ones.
    let base = service::open(&f.db, phone).expect("p");
    let edited = Appeal {
        subject: "Замена прибора учёта".into(),
        body: "Просим заменить прибор".into(),
        ..base.clone()
    };
    service::save(&mut f.db, &actor(f.me), &base, &edited).expect("saved");
    assert_eq!(
        ids_in(
            &f.db,
            AppealFilter {
                text: "замена".into(),
                ..Default::default()
            }
        ),
        vec![phone]
    );
    assert!(
        ids_in(
            &f.db,
            AppealFilter {
                text: "показания счётчика".into(),
                ..Default::default()
            }
        )
        .is_empty()
    );
    // A stale edit is refused.
    let e = service::save(&mut f.db, &actor(f.me), &base, &edited).expect_err("stale");
    assert!(
        matches!(
            e,
            AppealError::Storage(vipdesk::storage::StorageError::ChangedMeanwhile(_))
        ),
        "{e:?}"
    );
}

#[test]
fn today_shows_overdue_and_due_soon_appeals() {
    let mut f = fixture();
    f.clock.set_date(d(2026, 10, 1));
    let overdue = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Старое",
    ));
    f.clock.set_date(d(2026, 10, 23));
    let soon = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Post,
        "Скоро",
    )); // due 23 Nov → 23 Nov
    f.clock.set_date(d(2026, 11, 20));
    let later = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Info,
        Channel::Post,
        "Потом",
    ));
    let t = service::today(
        &f.db,
        vipdesk::domain::Scope::Manager(f.me),
        d(2026, 11, 20),
    )
    .expect("today");
    let ids = |rows: &[AppealRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(ids(&t.overdue), vec![overdue]);
    assert_eq!(ids(&t.due_soon), vec![soon]);
    assert!(!ids(&t.due_soon).contains(&later));
    // Another manager sees none of mine.
    let other = common::add_manager(&mut f.db, "Орлов", "Олег", "Петрович");
    assert!(
        service::today(
            &f.db,
            vipdesk::domain::Scope::Manager(other),
            d(2026, 11, 20)
        )
        .expect("t")
        .overdue
        .is_empty()
    );
}

#[test]
fn a_bad_form_is_refused_field_by_field() {
    let mut f = fixture();
    let mut a = appeal(&f, f.legal, AppealKind::Info, Channel::Phone, "");
    a.received_at = at(d(2026, 12, 31), 9);
    let e = service::create(&mut f.db, &actor(f.me), &a, true, &[]).expect_err("bad");
    let AppealError::Invalid(errors) = e else {
        panic!("field errors expected")
    };
    assert!(errors.contains_key("subject"));
    assert!(errors.contains_key("received_at"));
    assert_eq!(
        service::list(&f.db, &AppealFilter::default(), 10)
            .expect("l")
            .1,
        0
    );
}

#[test]
fn the_demo_has_appeals_in_every_status_kind_and_channel() {
    use vipdesk::domain::Code as _;
    let (mut db, _clock) = common::db();
    let summary = vipdesk::demo::generate(&mut db, 48, 1, common::today())
        .map_err(|e| format!("{e:?}"))
        .expect("demo");
    assert!(summary.appeals >= 150, "{}", summary.appeals);
    let (rows, total) = service::list(&db, &AppealFilter::default(), 10_000).expect("list");
    assert_eq!(rows.len(), total);
    assert!(total >= 150);
    for s in AppealStatus::ALL {
        assert!(rows.iter().any(|r| r.status == *s), "no appeal {s:?}");
    }
    for k in AppealKind::ALL {
        assert!(rows.iter().any(|r| r.kind == *k), "no appeal {k:?}");
    }
    for c in Channel::ALL {
        assert!(rows.iter().any(|r| r.channel == *c), "no appeal by {c:?}");
    }
    let first = rows
        .iter()
        .map(|r| r.received_at.date())
        .min()
        .expect("first");
    assert!(
        first >= common::today() - chrono::Duration::days(366),
        "{first}"
    );
    assert!(
        first <= common::today() - chrono::Duration::days(300),
        "{first}"
    );
    let overdue = AppealFilter {
        due: DueFilter::Overdue,
        today: Some(common::today()),
        ..Default::default()
    };
    assert!(service::list(&db, &overdue, 100).expect("overdue").1 > 0);
    // Replies linked both ways: answered by post, with a registered reply letter.
    let by_post = rows
        .iter()
        .filter(|r| r.status == AppealStatus::AnswerSent || r.status == AppealStatus::Closed)
        .filter_map(|r| {
            let a = service::open(&db, r.id).expect("a");
            (a.answer_via == Some(Channel::Post)).then_some(a)
        })
        .collect::<Vec<_>>();
    assert!(!by_post.is_empty());
    for a in &by_post {
        let details = service::details(&db, a).expect("d");
        let reply = details
            .letters
            .iter()
            .find(|l| l.role == LetterRole::Reply)
            .expect("reply letter");
        assert_eq!(reply.status, LetterStatus::Registered);
        assert_eq!(
            service::appeal_of_letter(&db, reply.letter_id)
                .expect("of")
                .map(|x| x.0),
            a.id
        );
    }
    assert!(
        vipdesk::admin::service::check(&db)
            .expect("check")
            .is_empty()
    );
}

/// The command line: dates in and out as YYYY-MM-DD; the calendar works without a database.
#[test]
fn calendar_and_appeals_on_the_command_line() {
    use common::{stderr, stdout, vipdesk};
    let dir = tempfile::tempdir().expect("tmp");
    let none = dir.path().join("none.db");
    let run = |args: &[&str]| {
        let o = vipdesk(&none, args);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).trim().to_string()
    };
    assert_eq!(
        run(&[
            "calendar",
            "add-workdays",
            "--from",
            "2025-12-30",
            "--days",
            "1"
        ]),
        "2026-01-12"
    );
    assert_eq!(
        run(&[
            "calendar",
            "add-workdays",
            "--from",
            "2026-05-07",
            "--days",
            "2"
        ]),
        "2026-05-12"
    );
    assert_eq!(
        run(&[
            "calendar",
            "deadline",
            "--from",
            "2026-10-05",
            "--days",
            "30"
        ]),
        "2026-11-05"
    );
    assert_eq!(
        run(&[
            "calendar",
            "deadline",
            "--from",
            "2026-05-06",
            "--days",
            "5",
            "--working"
        ]),
        "2026-05-14"
    );
    assert!(!none.exists(), "no database made");
    let o = vipdesk(
        &none,
        &[
            "calendar",
            "deadline",
            "--from",
            "05.10.2026",
            "--days",
            "30",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("ГГГГ-ММ-ДД"), "{}", stderr(&o));

    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let o = vipdesk(&db, &["appeals", "list", "--overdue", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(!rows.is_empty());
    for r in &rows {
        let due = r["due_date"].as_str().expect("due");
        assert!(NaiveDate::parse_from_str(due, "%Y-%m-%d").is_ok(), "{due}");
        assert!(r["days_left"].as_i64().expect("days") < 0);
        assert!(!["answer_sent", "closed"].contains(&r["status"].as_str().expect("s")));
    }
    let all = vipdesk(&db, &["appeals", "list"]);
    assert!(stdout(&all).lines().count() >= 150);
}

fn mail(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mail")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn an_email_in_windows_1251_with_an_attachment_becomes_an_appeal_of_its_sender() {
    use vipdesk::appeals::call::{self, EmlError};
    let mut f = fixture();
    let id = call::import_eml(
        &mut f.db,
        &actor(f.me),
        &mail("cp1251_with_attachment.eml"),
        None,
        false,
    )
    .expect("imported");
    let a = service::open(&f.db, id).expect("appeal");
    assert_eq!(
        a.client_id, f.legal,
        "the sender's client, matched by address in any case"
    );
    assert_eq!(a.person_id, Some(f.person));
    assert_eq!(a.subject, "Перерасчёт за октябрь");
    assert!(
        a.body.contains("объём потребления завышен на 12 400 кВт·ч"),
        "{}",
        a.body
    );
    assert_eq!(a.sender, "Соколов Игорь Андреевич");
    assert_eq!(a.channel, Channel::Email);
    assert_eq!(a.reply_channel, Channel::Email);
    assert_eq!(a.status, AppealStatus::Received);
    assert_eq!(a.manager_id, Some(f.me));
    // Sent at 10:15 Moscow time (UTC+3) on 20 Nov 2026.
    let utc = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
        .expect("d")
        .and_hms_opt(7, 15, 0)
        .expect("t");
    let local = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(utc, chrono::Utc)
        .with_timezone(&chrono::Local)
        .naive_local();
    assert_eq!(a.received_at, local);
    let details = service::details(&f.db, &a).expect("details");
    assert_eq!(details.attachments.len(), 1);
    assert_eq!(details.attachments[0].file_name, "Счёт-октябрь.pdf");
    let bytes =
        clients::service::record_file(&f.db, details.attachments[0].record_id).expect("file");
    assert!(bytes.starts_with(b"%PDF-1.4"));
    // The same message again is refused, naming the appeal.
    let e = call::import_eml(
        &mut f.db,
        &actor(f.me),
        &mail("cp1251_with_attachment.eml"),
        None,
        false,
    )
    .expect_err("twice");
    assert!(
        matches!(e, EmlError::Appeal(AppealError::AlreadyImported { .. })),
        "{e:?}"
    );
    // KOI8-R, registered at once.
    let id = call::import_eml(
        &mut f.db,
        &actor(f.me),
        &mail("koi8r_plain.eml"),
        None,
        true,
    )
    .expect("koi8");
    let a = service::open(&f.db, id).expect("appeal");
    assert_eq!(a.subject, "Акт сверки");
    assert!(
        a.body.contains("акт сверки за третий квартал"),
        "{}",
        a.body
    );
    assert_eq!(a.number, "ОБ-1/26");
    // An unknown sender needs a client; HTML becomes text.
    let e = call::import_eml(
        &mut f.db,
        &actor(f.me),
        &mail("utf8_html_unknown_sender.eml"),
        None,
        false,
    )
    .expect_err("unknown");
    assert!(
        i18n::describe(&e).contains("stranger@example.com"),
        "{}",
        i18n::describe(&e)
    );
    let id = call::import_eml(
        &mut f.db,
        &actor(f.me),
        &mail("utf8_html_unknown_sender.eml"),
        Some(f.citizen),
        false,
    )
    .expect("with a client");
    let a = service::open(&f.db, id).expect("appeal");
    assert_eq!(a.client_id, f.citizen);
    assert!(a.body.contains("Какой тариф действует"), "{}", a.body);
    assert!(!a.body.contains("<p>"), "{}", a.body);
    // Junk is refused in words.
    let e =
        call::import_eml(&mut f.db, &actor(f.me), b"\x00\x01junk", None, false).expect_err("junk");
    assert!(
        i18n::describe(&e).contains("не похож на письмо"),
        "{}",
        i18n::describe(&e)
    );
}

#[test]
fn the_call_card_finds_the_person_by_any_form_of_the_number() {
    use vipdesk::appeals::call;
    let mut f = fixture();
    for typed in [
        "8 (916) 123-45-67",
        "+79161234567",
        "9161234567",
        "+7 916 123-45-67",
    ] {
        let (phone, callers) = call::who_calls(&f.db, typed).expect("lookup");
        assert_eq!(phone.number, "+79161234567", "{typed}");
        assert_eq!(
            callers.len(),
            2,
            "{typed}: both clients' leader has this number"
        );
        assert!(callers.iter().any(|c| c.person.id == Some(f.person)));
        assert_eq!(callers[0].address_as, "Игорь Андреевич");
    }
    let (_, nobody) = call::who_calls(&f.db, "+7 (4862) 44-02-00").expect("lookup");
    assert!(nobody.is_empty());
    let e = call::who_calls(&f.db, "позвоните мне").expect_err("not a number");
    assert!(
        i18n::describe(&e).starts_with("Номер не распознан"),
        "{}",
        i18n::describe(&e)
    );
    // Three recorded calls: known by voice; the third registers an appeal.
    let (_, callers) = call::who_calls(&f.db, "9161234567").expect("lookup");
    let caller = callers
        .into_iter()
        .find(|c| c.client_id == f.legal)
        .expect("legal");
    assert_eq!(caller.calls, 0);
    assert!(!caller.known_by_voice());
    call::record_call(
        &mut f.db,
        &actor(f.me),
        &caller,
        "Уточнил срок оплаты",
        None,
    )
    .expect("1");
    call::record_call(&mut f.db, &actor(f.me), &caller, "Спросил о тарифе", None).expect("2");
    let (_, appeal) = call::record_call(
        &mut f.db,
        &actor(f.me),
        &caller,
        "Жалуется на перебои на подстанции",
        Some((AppealKind::Complaint, "Перебои в электроснабжении".into())),
    )
    .expect("3");
    let appeal = appeal.expect("an appeal registered");
    let a = service::open(&f.db, appeal).expect("a");
    assert_eq!(a.channel, Channel::Phone);
    assert_eq!(a.person_id, Some(f.person));
    assert!(!a.number.is_empty());
    // The manager's own monthly call to the director is not a call from them.
    let monthly = vipdesk::contacts::Meeting {
        client_id: f.legal,
        manager_id: Some(f.me),
        kind: vipdesk::contacts::MeetingKind::Call,
        date: Some(f.db.today()),
        client_people: vec![f.person],
        ..Default::default()
    };
    vipdesk::contacts::service::save(&mut f.db, &actor(f.me), &monthly).expect("monthly call");
    let (_, callers) = call::who_calls(&f.db, "89161234567").expect("lookup");
    let caller = callers
        .into_iter()
        .find(|c| c.client_id == f.legal)
        .expect("legal");
    assert_eq!(
        caller.calls, 3,
        "a call that registered an appeal counts once"
    );
    assert!(caller.known_by_voice());
    assert_eq!(caller.open_appeals.len(), 1);
    assert_eq!(caller.last_contacts.len(), 3);
}

#[test]
fn the_weekly_memo_holds_exactly_the_complaints_and_suggestions_of_its_week() {
    use vipdesk::appeals::memo;
    let mut f = fixture();
    // Week 2026-W48: Monday 23 Nov 00:00 to Sunday 29 Nov 23:59.
    let mut make = |date: NaiveDate, h: u32, m: u32, kind: AppealKind, subject: &str| {
        f.clock.set(date.and_hms_opt(h, m, 0).expect("t"));
        let mut a = appeal(&f, f.legal, kind, Channel::Phone, subject);
        a.received_at = date.and_hms_opt(h, m, 0).expect("t");
        f.register(&a)
    };
    make(d(2026, 11, 22), 23, 59, AppealKind::Complaint, "До недели");
    let first = make(
        d(2026, 11, 23),
        0,
        0,
        AppealKind::Complaint,
        "Понедельник, полночь",
    );
    make(
        d(2026, 11, 24),
        10,
        0,
        AppealKind::Info,
        "Запрос — не в записке",
    );
    let sug = make(
        d(2026, 11, 26),
        15,
        0,
        AppealKind::Suggestion,
        "Предложение",
    );
    let last = make(
        d(2026, 11, 29),
        23,
        59,
        AppealKind::Complaint,
        "Воскресенье, 23:59",
    );
    make(d(2026, 11, 30), 0, 0, AppealKind::Complaint, "После недели");
    let m = memo::weekly_memo(&f.db, "2026-W48", d(2026, 11, 30)).expect("memo");
    let ids: Vec<Id> = m.rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![first, sug, last]);
    assert_eq!((m.complaints(), m.suggestions()), (2, 1));
    let pdf = memo::memo_pdf(&f.db, &Actor::SYSTEM, &m).expect("pdf");
    let text = common::pdf_text(&pdf);
    for needle in [
        "СЛУЖЕБНАЯ ЗАПИСКА",
        "23.11.2026",
        "29.11.2026",
        "48-я неделя 2026 г.",
        "Понедельник",
        "Воскресенье",
        "жалоб — 2",
        "предложений — 1",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    assert!(
        !text.contains("После недели")
            && !text.contains("До недели")
            && !text.contains("Запрос — не"),
        "{text}"
    );
    let e = memo::weekly_memo(&f.db, "2026-48", d(2026, 11, 30));
    assert!(e.is_ok(), "2026-48 is read as week 48");
    let e = memo::weekly_memo(&f.db, "неделя", d(2026, 11, 30)).expect_err("bad");
    assert!(
        i18n::describe(&e).contains("ГГГГ-Wнн"),
        "{}",
        i18n::describe(&e)
    );
}

/// Fixes from a hostile review: «е» finds «ё»; an e-mail without a Message-ID is known by its
/// content; a Date ahead of the clock becomes the moment of intake; a huge text is cut with the
/// whole message attached; a device is not read; absurd terms and years are refused.
#[test]
fn hostile_review_of_appeals() {
    use vipdesk::appeals::call;
    let mut f = fixture();
    let id = f.register(&appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Post,
        "Ошибка в счёте",
    ));
    let found = |db: &Db, text: &str| {
        service::list(
            db,
            &AppealFilter {
                text: text.into(),
                ..Default::default()
            },
            10,
        )
        .expect("list")
        .0
        .len()
    };
    assert_eq!(found(&f.db, "счет"), 1);
    assert_eq!(found(&f.db, "СЧЁТЕ"), 1);
    let _ = id;
    let mail = |date: &str, body: &str| {
        format!(
            "From: Соколов <sokolov@example.ru>\r\nSubject: Вопрос\r\nDate: {date}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
        )
        .into_bytes()
    };
    // Ahead of the clock (noon of 25.11.2026): taken as received now.
    let ahead = mail("Wed, 25 Nov 2026 23:50:00 +0300", "Когда будет акт?");
    let a = call::import_eml(&mut f.db, &actor(f.me), &ahead, None, false).expect("ahead");
    assert_eq!(
        service::open(&f.db, a).expect("a").received_at,
        f.db.clock().local()
    );
    // No Message-ID: the same bytes twice are refused.
    let e = call::import_eml(&mut f.db, &actor(f.me), &ahead, None, false).expect_err("twice");
    assert!(
        i18n::describe(&e).contains("уже принято"),
        "{}",
        i18n::describe(&e)
    );
    // A text of 300,000 characters: the appeal keeps 100,000, the message is attached whole.
    let long = mail(
        "Mon, 23 Nov 2026 10:00:00 +0300",
        &"Длинный текст письма. ".repeat(14_000),
    );
    let b = call::import_eml(&mut f.db, &actor(f.me), &long, None, false).expect("long");
    let b = service::open(&f.db, b).expect("b");
    assert!(
        b.body.chars().count() < 101_000,
        "{}",
        b.body.chars().count()
    );
    assert!(b.body.contains("полный текст — во вложении"), "cut says so");
    let files = service::details(&f.db, &b).expect("d").attachments;
    assert!(
        files
            .iter()
            .any(|x| x.file_name == "письмо.eml" && x.file_size as usize == long.len())
    );
    // A device is refused, not read.
    #[cfg(unix)]
    {
        let e = vipdesk::files::read_limited(std::path::Path::new("/dev/zero"), 1024)
            .expect_err("device");
        assert!(
            i18n::describe(&e).contains("не обычный файл"),
            "{}",
            i18n::describe(&e)
        );
    }
    // The statistics count unregistered appeals and name the ones without a topic.
    let s = vipdesk::appeals::memo::stats(&f.db, d(2026, 1, 1), d(9999, 12, 31), d(2026, 11, 25))
        .expect("stats");
    assert_eq!(s.total, 3, "one registered, two received");
    assert!(
        s.by_topic
            .iter()
            .any(|(t, n)| t == "без тематики" && *n == 3),
        "{:?}",
        s.by_topic
    );
    // The PDF draws a bar per channel, kind and topic, as long as its count.
    let pdf = vipdesk::appeals::memo::stats_pdf(&f.db, &actor(f.me), &s).expect("pdf");
    let bars = common::pdf_bars(&pdf);
    let channels: Vec<usize> = s
        .by_channel
        .iter()
        .map(|x| x.1)
        .filter(|n| *n > 0)
        .collect();
    let n = channels.len()
        + s.by_kind.iter().filter(|x| x.1 > 0).count()
        + s.by_topic.iter().filter(|x| x.1 > 0).count();
    assert_eq!(bars.len(), n, "{bars:?}");
    assert!(common::pdf_text(&pdf).contains(i18n::STATS_CHART_BY_CHANNEL));
    // Each bar as long as its count, the largest the longest.
    let (most, largest) = (
        bars[..channels.len()].iter().copied().fold(0.0, f32::max),
        *channels.iter().max().expect("a channel") as f32,
    );
    for (w, n) in bars.iter().zip(&channels) {
        assert!((w / most - *n as f32 / largest).abs() < 0.01, "{w} for {n}");
    }
    // The command line refuses what the calendar cannot count.
    let dir = tempfile::tempdir().expect("tmp");
    let none = dir.path().join("none.db");
    for args in [
        [
            "calendar",
            "deadline",
            "--from",
            "2026-01-05",
            "--days",
            "5000",
        ],
        [
            "calendar",
            "deadline",
            "--from",
            "1899-12-31",
            "--days",
            "5",
        ],
        [
            "calendar",
            "add-workdays",
            "--from",
            "2026-01-05",
            "--days",
            "-3",
        ],
    ] {
        let o = common::vipdesk(&none, &args);
        assert!(!o.status.success(), "{args:?}");
    }
    let o = common::vipdesk(
        &none,
        &[
            "calendar",
            "deadline",
            "--from",
            "2026-01-05",
            "--days",
            "5000",
        ],
    );
    assert!(
        common::stderr(&o).contains("от 0 до 3660"),
        "{}",
        common::stderr(&o)
    );
    let o = common::vipdesk(
        &none,
        &[
            "calendar",
            "add-workdays",
            "--from",
            "2028-12-28",
            "--days",
            "3",
        ],
    );
    assert!(o.status.success());
    assert!(
        common::stderr(&o).contains("прогноз"),
        "{}",
        common::stderr(&o)
    );
}

/// #22 point 5: `appeals notice` and `appeals reply` make from the command line the drafts
/// the card makes — linked to the appeal, as a PDF where `--out` says — and the notice of an
/// appeal answered through the website is the text to send.
#[test]
fn the_notice_and_the_reply_are_made_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let find = |channel: &str| -> (i64, String) {
        rusqlite::Connection::open(&db)
            .expect("open")
            .query_row(
                "SELECT id, number FROM appeals WHERE registered_on IS NOT NULL \
                 AND status NOT IN ('answer_sent', 'closed') AND reply_channel = ?1 \
                 ORDER BY id LIMIT 1",
                [channel],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("an open registered appeal")
    };
    let linked = |appeal: i64, role: &str| -> i64 {
        rusqlite::Connection::open(&db)
            .expect("open")
            .query_row(
                "SELECT count(*) FROM appeal_letters WHERE appeal_id = ?1 AND role = ?2",
                rusqlite::params![appeal, role],
                |r| r.get(0),
            )
            .expect("count")
    };
    let (post, number) = find("post");
    let notice = dir.path().join("уведомление.pdf");
    let id = post.to_string();
    let o = common::vipdesk(
        &db,
        &[
            "appeals",
            "notice",
            "--id",
            &id,
            "--out",
            notice.to_str().expect("path"),
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert_eq!(linked(post, "registered"), 1);
    let text = common::pdf_text(&std::fs::read(&notice).expect("the notice's PDF"));
    assert!(text.contains(&number), "{text}");
    let reply = dir.path().join("ответ.pdf");
    let o = common::vipdesk(
        &db,
        &[
            "appeals",
            "reply",
            "--id",
            &id,
            "--out",
            reply.to_str().expect("path"),
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert_eq!(linked(post, "reply"), 1);
    let text = common::pdf_text(&std::fs::read(&reply).expect("the reply's PDF"));
    assert!(text.contains(&format!("На № {number}")), "{text}");
    // A template that is not there is named; nothing is drafted.
    let o = common::vipdesk(
        &db,
        &["appeals", "reply", "--id", &id, "--template", "нет_такого"],
    );
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("нет_такого"),
        "{}",
        common::stderr(&o)
    );
    assert_eq!(linked(post, "reply"), 1);
    // Through the website: the notice is the text to send.
    let (web, number) = find("web");
    let o = common::vipdesk(&db, &["appeals", "notice", "--id", &web.to_string()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        common::stdout(&o).contains(&number),
        "{}",
        common::stdout(&o)
    );
    assert_eq!(linked(web, "registered"), 0);
}

/// #22 point 19: a year before the program's official calendars is not called a prediction
/// «waiting for its decree»; a year after them is. And a prediction moves no January holiday:
/// 10 January 2028 (1–2 January on a weekend) is a working day until a decree says otherwise.
#[test]
fn a_past_year_is_not_a_prediction_and_january_holidays_move_only_by_decree() {
    use common::{stderr, stdout, vipdesk};
    let dir = tempfile::tempdir().expect("tmp");
    let none = dir.path().join("none.db");
    let o = vipdesk(
        &none,
        &[
            "calendar",
            "add-workdays",
            "--from",
            "1990-03-01",
            "--days",
            "3",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&i18n::calendar_unrecorded_warning(1990)),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("постановления"), "{}", stderr(&o));
    let o = vipdesk(
        &none,
        &[
            "calendar",
            "add-workdays",
            "--from",
            "2028-01-09",
            "--days",
            "1",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "2028-01-10");
    assert!(
        stderr(&o).contains(&i18n::calendar_predicted_warning(2028)),
        "{}",
        stderr(&o)
    );
}

/// #22 point 8: the weekly memo is an internal document as GOST R 7.0.97 sets it out: the
/// company and the group top left with «СЛУЖЕБНАЯ ЗАПИСКА», its date and number under them, a
/// named official top right in the dative, no reference data of the letterhead, the signature
/// last; a week in progress says so, a week to come is refused.
#[test]
fn the_weekly_memo_is_addressed_numbered_and_dated_at_its_head() {
    use vipdesk::appeals::memo;
    let mut f = fixture();
    common::add_with_role(
        &mut f.db,
        "Киселёв",
        "Дмитрий",
        "Андреевич",
        vipdesk::domain::Role::GroupHead,
    );
    f.clock.set(at(d(2026, 11, 24), 10));
    let a = appeal(
        &f,
        f.legal,
        AppealKind::Complaint,
        Channel::Phone,
        "Низкое напряжение",
    );
    f.register(&a);
    let text_of = |f: &Fixture, week: &str, as_of: NaiveDate| {
        let m = memo::weekly_memo(&f.db, week, as_of).expect("memo");
        common::pdf_text(&memo::memo_pdf(&f.db, &Actor::SYSTEM, &m).expect("pdf"))
    };
    // No official named in the requisites: the management of the company.
    let text = text_of(&f, "2026-W48", d(2026, 11, 30));
    assert!(text.contains("Руководству ОАО «Орелэнергосбыт»"), "{text}");
    let mut company = vipdesk::admin::service::company(&f.db).expect("company");
    company.director_position = "Заместитель генерального директора по сбыту".into();
    company.director_name = "Сидорова Анна Викторовна".into();
    vipdesk::admin::service::save_company(&mut f.db, &Actor::SYSTEM, &company).expect("saved");
    let text = text_of(&f, "2026-W48", d(2026, 11, 30));
    // Top left, in order: the company, the group, the kind, the date and number.
    common::assert_in_order(
        &text,
        &[
            "ОАО «Орелэнергосбыт»",
            "Группа по работе с клиентами категории «VIP»",
            "СЛУЖЕБНАЯ ЗАПИСКА",
            "30.11.2026 № СЗ-48",
            "О жалобах и предложениях",
            "Низкое напряжение",
            "Д.А. Киселёв",
        ],
    );
    assert!(
        text.contains("Заместителю генерального директора по сбыту А.В. Сидоровой"),
        "{text}"
    );
    for absent in ["ОКПО", "ОГРН", "Дата:", "Руководству", "по состоянию"]
    {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
    // The week in progress: what came so far, and it says so.
    let text = text_of(&f, "2026-W48", d(2026, 11, 26));
    assert!(
        text.contains("по состоянию на 26.11.2026 (неделя не закончилась)"),
        "{text}"
    );
    // A week to come: nothing to report.
    let e = memo::weekly_memo(&f.db, "2026-W49", d(2026, 11, 29)).expect_err("future");
    assert!(
        i18n::describe(&e).contains("начнётся 30.11.2026"),
        "{}",
        i18n::describe(&e)
    );
    // A name that does not read as an official's is refused where it is typed.
    for bad in [
        "Сидорова",
        "сидорова анна",
        "Сидорова Анна Викторовна Петровна",
        "Сидорова 1",
    ] {
        company.director_name = bad.into();
        let errors = vipdesk::admin::draft::check_company(&company);
        assert!(errors.contains_key("director_name"), "{bad}: {errors:?}");
    }
}

/// #22 point 9: the statistics of appeals are a dated reference to management, signed by the
/// head of the group, on one page when they fit one (no rows alone on a page of their own), and
/// a period not over yet is marked; a period to come is refused.
#[test]
fn the_appeal_statistics_are_a_dated_signed_page_marked_while_the_period_runs() {
    use vipdesk::appeals::memo;
    use vipdesk::domain::Code as _;
    let mut f = fixture();
    common::add_with_role(
        &mut f.db,
        "Киселёв",
        "Дмитрий",
        "Андреевич",
        vipdesk::domain::Role::GroupHead,
    );
    let topics = service::topics(&f.db).expect("topics");
    assert!(topics.len() >= 8, "{}", topics.len());
    for (i, topic) in topics.iter().enumerate() {
        for (k, kind) in AppealKind::ALL.iter().enumerate() {
            let channel = Channel::ALL[(i + k) % Channel::ALL.len()];
            f.clock
                .set(at(d(2026, 3 + (i % 8) as u32, 2 + k as u32), 10));
            let mut a = appeal(&f, f.legal, *kind, channel, "Вопрос");
            a.topic_id = Some(topic.id);
            f.register(&a);
        }
    }
    let s = memo::stats(&f.db, d(2026, 1, 1), d(2026, 12, 31), d(2026, 11, 30)).expect("stats");
    let pdf = memo::stats_pdf(&f.db, &Actor::SYSTEM, &s).expect("pdf");
    let pages = lopdf::Document::load_mem(&pdf)
        .expect("pdf")
        .get_pages()
        .len();
    assert_eq!(pages, 1, "{} topics", s.by_topic.len());
    let text = common::pdf_text(&pdf);
    common::assert_in_order(
        &text,
        &[
            "СПРАВКА",
            "30.11.2026",
            "Статистика обращений",
            "по состоянию на 30.11.2026 (период не закончился)",
            "За период поступило",
            "Обращения по тематике",
            "Д.А. Киселёв",
        ],
    );
    assert!(!text.contains("ОКПО"), "{text}");
    // A period that is over is not marked.
    let s = memo::stats(&f.db, d(2026, 1, 1), d(2026, 10, 31), d(2026, 11, 30)).expect("stats");
    let text = common::pdf_text(&memo::stats_pdf(&f.db, &Actor::SYSTEM, &s).expect("pdf"));
    assert!(!text.contains("по состоянию"), "{text}");
    let e =
        memo::stats(&f.db, d(2027, 1, 1), d(2027, 12, 31), d(2026, 11, 30)).expect_err("future");
    assert!(
        i18n::describe(&e).contains("начнётся 01.01.2027"),
        "{}",
        i18n::describe(&e)
    );
}
