//! Who may do what, decided by the services whatever calls them: the duties of the head of
//! the group (limits, gift orders, reports, the memo's signature, the calendar, the terms of
//! appeals, the greetings regulation, the managers) refused to a manager and done by the head;
//! a manager's own clients open to the manager, another manager's closed.

use crate::common;

use vipdesk::appeals::{self, Channel, service as appeals_service};
use vipdesk::clients::{self, Client, Dossier, Person};
use vipdesk::contacts::{self, MeetingKind, service as contacts_service};
use vipdesk::domain::{Actor, Denied, Duty, Id, Role};
use vipdesk::greetings::service::Handover;
use vipdesk::greetings::{self, GiftStatus, Limits, Occasion};
use vipdesk::i18n::{self, Describe};
use vipdesk::letters::{self, Reply};
use vipdesk::storage::Db;

/// Asserts the action was refused for `why`, whatever the feature's error wraps it in.
fn refused<T: std::fmt::Debug, E: Describe + std::fmt::Debug>(r: Result<T, E>, why: Denied) {
    match r {
        Err(e) => assert_eq!(i18n::describe(&e), why.describe(), "{e:?}"),
        Ok(v) => panic!("{why:?} expected, the action was done: {v:?}"),
    }
}

struct Group {
    db: Db,
    head: Actor,
    /// The manager of client `mine`.
    me: Actor,
    /// Another manager, of client `theirs`.
    other: Actor,
    mine: Id,
    theirs: Id,
    their_person: Id,
}

fn client(db: &mut Db, name: &str, inn: &str, manager: Id) -> (Id, Id) {
    let d = Dossier {
        client: Client {
            short_name: name.into(),
            inn: inn.into(),
            manager_id: Some(manager),
            ..Default::default()
        },
        people: vec![Person {
            surname: "Соколов".into(),
            name: "Игорь".into(),
            patronymic: "Андреевич".into(),
            position: "Генеральный директор".into(),
            category: Some(1),
            birthday: Some(common::d(1970, 12, 20)),
            ..Default::default()
        }],
        ..Default::default()
    };
    let id = clients::service::save(db, &Actor::SYSTEM, &d).expect("client");
    let person = clients::service::open(db, id).expect("dossier").people[0]
        .id
        .expect("person");
    (id, person)
}

fn group() -> Group {
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let other = common::add_manager(&mut db, "Орлова", "Мария", "Ивановна");
    let (mine, _) = client(&mut db, "АО «Альфа»", "7707083893", me);
    let (theirs, their_person) = client(&mut db, "АО «Бета»", "5751001230", other);
    Group {
        db,
        head: Actor::manager(head, Role::GroupHead),
        me: common::actor(me),
        other: common::actor(other),
        mine,
        theirs,
        their_person,
    }
}

#[test]
fn the_heads_duties_are_refused_to_a_manager_and_done_by_the_head() {
    let mut g = group();
    let limits = Limits::proportional([3000.0, 2000.0, 1000.0]);
    // Limits.
    refused(
        greetings::service::set_limits(&mut g.db, &g.me, 2026, &limits, false),
        Denied::HeadOnly(Duty::ApproveLimits),
    );
    assert!(!greetings::service::limits_of(&g.db, 2026).expect("l").1);
    greetings::service::set_limits(&mut g.db, &g.head, 2026, &limits, false).expect("head");
    // A gift order: planned by its manager, approved by the head only.
    let gift = greetings::Gift {
        person_id: g.their_person,
        occasion: Some(Occasion::Birthday),
        holiday_date: Some(common::d(2026, 12, 20)),
        item: "Книга об Орле".into(),
        amount: Some(1000.0),
        ..Default::default()
    };
    let gift = greetings::service::add_gift(&mut g.db, &g.other, &gift).expect("planned");
    refused(
        greetings::service::advance(&mut g.db, &g.other, gift, &Handover::default()),
        Denied::HeadOnly(Duty::ApproveGifts),
    );
    assert_eq!(
        greetings::service::advance(&mut g.db, &g.head, gift, &Handover::default()).expect("ok"),
        GiftStatus::Approved
    );
    // The regulation.
    let reg = greetings::service::regulation(&g.db).expect("reg");
    refused(
        greetings::service::set_regulation(&mut g.db, &g.me, &reg),
        Denied::HeadOnly(Duty::EditRegulation),
    );
    greetings::service::set_regulation(&mut g.db, &g.head, &reg).expect("head");
    // A report: submitted by its manager, accepted by the head only.
    let report = contacts_service::new_report(g.mine, MeetingKind::Call, &g.me, common::today());
    let report = contacts_service::save(&mut g.db, &g.me, &report).expect("saved");
    contacts_service::submit(&mut g.db, &g.me, report).expect("submitted");
    refused(
        contacts_service::accept(&mut g.db, &g.me, report, "сам себе"),
        Denied::HeadOnly(Duty::AcceptReports),
    );
    contacts_service::accept(&mut g.db, &g.head, report, "Принято").expect("head");
    assert_eq!(
        contacts_service::open(&g.db, report).expect("r").status,
        contacts::ReportStatus::Accepted
    );
    // The calendar and the terms of appeals.
    let day = common::d(2026, 12, 31);
    refused(
        vipdesk::calendar::service::set_day(
            &mut g.db,
            &g.me,
            day,
            vipdesk::domain::calendar::DayKind::Holiday,
            "Постановление № 1",
        ),
        Denied::HeadOnly(Duty::EditCalendar),
    );
    vipdesk::calendar::service::set_day(
        &mut g.db,
        &g.head,
        day,
        vipdesk::domain::calendar::DayKind::Holiday,
        "Постановление № 1",
    )
    .expect("head");
    let mut terms = appeals_service::settings(&g.db).expect("terms");
    terms.max_extension_days = 20;
    refused(
        appeals_service::save_settings(&mut g.db, &g.me, &terms),
        Denied::HeadOnly(Duty::EditDeadlines),
    );
    appeals_service::save_settings(&mut g.db, &g.head, &terms).expect("head");
    // The topics of appeals are the head's list too.
    let topic = appeals_service::topics(&g.db).expect("topics")[0].id;
    refused(
        appeals_service::delete_topic(&mut g.db, &g.me, topic),
        Denied::HeadOnly(Duty::EditDeadlines),
    );
    refused(
        appeals_service::add_topic(&mut g.db, &g.me, "Энергосбережение"),
        Denied::HeadOnly(Duty::EditDeadlines),
    );
    appeals_service::add_topic(&mut g.db, &g.head, "Энергосбережение").expect("head");
    // The managers: a manager keeps their own card, not their role nor anyone else's card.
    let mut mine = vipdesk::admin::service::manager(&g.db, g.me.id.expect("id")).expect("me");
    mine.email = "petrova@example.ru".into();
    vipdesk::admin::service::save_manager(&mut g.db, &g.me, &mine).expect("own card");
    mine.role = Role::GroupHead;
    refused(
        vipdesk::admin::service::save_manager(&mut g.db, &g.me, &mine),
        Denied::HeadOnly(Duty::EditManagers),
    );
    let newcomer = vipdesk::admin::Manager {
        surname: "Новикова".into(),
        name: "Ольга".into(),
        active: true,
        ..Default::default()
    };
    refused(
        vipdesk::admin::service::save_manager(&mut g.db, &g.me, &newcomer),
        Denied::HeadOnly(Duty::EditManagers),
    );
    vipdesk::admin::service::save_manager(&mut g.db, &g.head, &newcomer).expect("head");
}

/// The memo a manager prepares carries no facsimile; the head's own carries the head's.
#[test]
fn only_the_head_signs_the_memo_with_the_facsimile() {
    let mut g = group();
    let head_id = g.head.id.expect("head");
    let mut head = vipdesk::admin::service::manager(&g.db, head_id).expect("head");
    head.signature_png = Some(vipdesk::demo::demo_signature_png(1));
    vipdesk::admin::service::save_manager(&mut g.db, &g.head, &head).expect("signature");
    let memo = appeals::memo::weekly_memo(&g.db, "2026-W48", common::today()).expect("memo");
    let images = |actor: &Actor| {
        let pdf = appeals::memo::memo_pdf(&g.db, actor, &memo).expect("pdf");
        let doc = lopdf::Document::load_mem(&pdf).expect("pdf");
        doc.objects
            .values()
            .filter(|o| {
                o.as_stream().is_ok_and(|s| {
                    s.dict
                        .get(b"Subtype")
                        .and_then(|v| v.as_name())
                        .is_ok_and(|n| n == b"Image")
                })
            })
            .count()
    };
    let with_logo = images(&Actor::SYSTEM);
    assert_eq!(images(&g.me), with_logo, "a manager's memo: no facsimile");
    assert!(
        images(&g.head) > with_logo,
        "the head's memo: the facsimile"
    );
}

#[test]
fn a_manager_acts_on_their_own_clients_and_the_head_on_everyones() {
    let mut g = group();
    let denied = Denied::NotYourClient;
    // The dossier.
    let mut theirs = clients::service::open(&g.db, g.theirs).expect("d");
    theirs.client.postal_address = "г. Орёл, ул. Ленина, д. 1".into();
    refused(clients::service::save(&mut g.db, &g.me, &theirs), denied);
    clients::service::save(&mut g.db, &g.other, &theirs).expect("their manager");
    clients::service::save(&mut g.db, &g.head, &theirs).expect("the head");
    // Giving my client to another manager is the head's.
    let mut mine = clients::service::open(&g.db, g.mine).expect("d");
    mine.client.manager_id = g.other.id;
    refused(clients::service::save(&mut g.db, &g.me, &mine), denied);
    refused(clients::service::delete(&mut g.db, &g.me, g.theirs), denied);
    // An appeal of their client.
    let now = g.db.clock().local();
    let appeal = appeals::Appeal {
        subject: "Счёт".into(),
        body: "Текст".into(),
        ..appeals_service::new_appeal(g.theirs, Channel::Email, now, g.other.id)
    };
    refused(
        appeals_service::create(&mut g.db, &g.me, &appeal, true, &[]),
        denied,
    );
    let id = appeals_service::create(&mut g.db, &g.other, &appeal, true, &[]).expect("theirs");
    refused(appeals_service::take(&mut g.db, &g.me, id), denied);
    appeals_service::take(&mut g.db, &g.head, id).expect("the head");
    // A letter to their client.
    let template = letters::service::template(&g.db, "new_service")
        .expect("q")
        .expect("t");
    let draft = letters::service::draft_for(
        &g.db,
        g.theirs,
        None,
        &template,
        g.other.id,
        &Reply::default(),
        common::today(),
    )
    .expect("draft");
    refused(
        letters::service::save_draft(&mut g.db, &g.me, &draft),
        denied,
    );
    let letter = letters::service::save_draft(&mut g.db, &g.other, &draft).expect("theirs");
    refused(letters::service::register(&mut g.db, &g.me, letter), denied);
    // A report of their client.
    let report = contacts_service::new_report(g.theirs, MeetingKind::Call, &g.me, common::today());
    refused(contacts_service::save(&mut g.db, &g.me, &report), denied);
    // A gift to their client's person.
    let gift = greetings::Gift {
        person_id: g.their_person,
        occasion: Some(Occasion::Birthday),
        holiday_date: Some(common::d(2026, 12, 20)),
        item: "Ежедневник".into(),
        ..Default::default()
    };
    refused(
        greetings::service::add_gift(&mut g.db, &g.me, &gift),
        denied,
    );
    // A merge to «all»: a manager's letters go to the manager's own clients only.
    let out = tempfile::tempdir().expect("tmp");
    let job = letters::MergeJob {
        template_code: "new_service".into(),
        selection: letters::Selection::All,
        out_dir: out.path().to_path_buf(),
        combined: false,
        resume: false,
        fields: letters::TemplateFields {
            service: "персональный расчёт тарифа".into(),
            ..Default::default()
        },
        except: Vec::new(),
        asked_at: None,
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report = letters::merge::merge(&mut g.db, &g.me, &job, &|_, _| {}, &cancel).expect("merge");
    let to: Vec<Id> = report
        .letters
        .iter()
        .map(|id| letters::service::open(&g.db, *id).expect("l").client_id)
        .collect();
    assert_eq!(to, vec![g.mine]);
}

/// Replacing the database from a copy (with the copy's users and passwords) is the head's; a
/// manager's import changes neither another manager's client nor whose a client is.
#[test]
fn a_manager_neither_restores_the_database_nor_imports_over_anothers_clients() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    let mut db = Db::open(&path).expect("db");
    let (head, me) = common::head_and_manager(&mut db);
    let other = common::add_manager(&mut db, "Орлова", "Мария", "Ивановна");
    let (theirs, _) = client(&mut db, "АО «Бета»", "5751001230", other);
    let copy = vipdesk::admin::backups::create(&db, vipdesk::storage::backup::Kind::Manual, None)
        .expect("copy");
    let manager = common::actor(me);
    refused(
        vipdesk::admin::backups::restore(&mut db, &manager, &copy.path),
        Denied::HeadOnly(Duty::ManageDatabase),
    );
    let head = Actor::manager(head, Role::GroupHead);
    vipdesk::admin::backups::restore(&mut db, &head, &copy.path).expect("the head restores");
    // «Обновлять»: a row for another manager's client is refused, the client stays theirs.
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "short_name;inn;kind;manager\nАО «Бета» (моя);5751001230;ЮЛ;Петрова А.С.\n",
    )
    .expect("csv");
    let report = vipdesk::clients::exchange::import_clients(
        &mut db,
        &manager,
        &csv,
        vipdesk::clients::exchange::ImportMode::Update,
    )
    .expect("import");
    assert_eq!(report.updated, 0);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(
        i18n::describe(&report.rejected[0].error),
        Denied::NotYourClient.describe()
    );
    let d = clients::service::open(&db, theirs).expect("dossier");
    assert_eq!(d.client.manager_id, Some(other));
    assert_eq!(d.client.short_name, "АО «Бета»");
}
