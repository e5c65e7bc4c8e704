//! The yearly VIP list (#24): the criteria judged from the dossier on a hand-built fixture, and
//! the proposal through the command line.

use vipdesk::admin;
use vipdesk::clients::{self, Client, Dossier, VipYear};
use vipdesk::domain::Id;
use vipdesk::domain::{Actor, Role};
use vipdesk::storage::Db;
use vipdesk::viplist::{ListError, ListStatus, OrderDraft, Proposal, RowEdit, lists, service};

use crate::common::{self, actor, d, stdout};

/// A client of `manager` in `district`, cooperating since `since`, consuming `per_month` kWh
/// every month of 2025–2026, with its VIP row of 2026 (`vip`: included or not) if any.
fn client(
    db: &mut Db,
    manager: Id,
    name: &str,
    district: Id,
    since: i32,
    per_month: f64,
    vip: Option<bool>,
) -> Id {
    let consumption = admin::service::catalogs(db)
        .expect("catalogs")
        .indicator_kinds[0]
        .id;
    let mut indicators = std::collections::BTreeMap::new();
    for year in [2025, 2026] {
        for month in 1..=12 {
            indicators.insert((consumption, (year, month)), per_month);
        }
    }
    let dossier = Dossier {
        client: Client {
            short_name: name.into(),
            manager_id: Some(manager),
            district_id: Some(district),
            since_year: Some(since),
            ..Default::default()
        },
        vip: vip
            .map(|included| VipYear {
                year: 2026,
                included,
                crit_brand: false,
                order_number: "12-од".into(),
                order_date: Some(d(2026, 1, 20)),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        indicators,
        ..Default::default()
    };
    clients::service::save(db, &actor(manager), &dossier).expect("client")
}

#[test]
fn the_criteria_are_judged_from_the_dossier_within_each_district_office() {
    let (mut db, _clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let districts = admin::service::catalogs(&db).expect("catalogs").districts;
    let (a, b) = (districts[0].id, districts[1].id);
    let large = client(&mut db, me, "АО «Большой»", a, 2020, 2e6, None);
    let second = client(&mut db, me, "АО «Второй»", a, 2020, 1.5e6, None);
    let third = client(&mut db, me, "АО «Третий»", a, 2020, 0.9e6, None);
    let young_vip = client(&mut db, me, "ООО «Молодой»", a, 2021, 0.5e6, Some(true));
    let old_vip = client(&mut db, me, "ООО «Давний»", a, 2010, 0.4e6, Some(true));
    let small = client(&mut db, me, "ООО «Малый»", a, 2020, 0.3e6, None);
    let leader_b = client(&mut db, me, "МУП «Первый в районе»", b, 2024, 0.1e6, None);

    // Today is 25.11.2026: the twelve months judged are 11.2025–10.2026.
    let p = service::propose(&db, 2027, common::today()).expect("propose");
    assert_eq!((p.from, p.to), (d(2025, 11, 1), d(2026, 10, 1)));
    let of = |id: Id| {
        p.candidates
            .iter()
            .find(|c| c.facts.client_id == id)
            .cloned()
    };
    let large_c = of(large).expect("the largest is a candidate");
    assert_eq!(large_c.criteria.kwh, Some(24e6));
    assert_eq!(large_c.criteria.rank, Some(1));
    assert_eq!(large_c.criteria.district_size, 6);
    assert_eq!(large_c.proposal, Proposal::Include);
    assert_eq!(of(second).map(|c| c.criteria.rank), Some(Some(2)));
    // 10.8 million is below the 12 million threshold, but third in its office: in.
    let third_c = of(third).expect("third of its office");
    assert!(third_c.criteria.volume && third_c.criteria.kwh < Some(12e6));
    // Fourth of its office, five years with the company, VIP this year: excluded.
    let young = of(young_vip).expect("this year's VIP is always listed");
    assert_eq!(young.proposal, Proposal::Exclude);
    assert_eq!(young.criteria.years, Some(6));
    // Small, but seventeen years with the company: kept.
    let old = of(old_vip).expect("listed");
    assert_eq!(old.proposal, Proposal::Keep);
    assert!(old.criteria.stability && !old.criteria.volume);
    assert_eq!(old.criteria.years, Some(17));
    // Small, not VIP: not a candidate.
    assert!(of(small).is_none());
    // 1.2 million a year leads a rural office: in, judged against its own office.
    let rural = of(leader_b).expect("leads its office");
    assert_eq!(
        (rural.criteria.rank, rural.criteria.district_size),
        (Some(1), 1)
    );
    assert_eq!(rural.proposal, Proposal::Include);
}

#[test]
fn vip_list_propose_prints_the_proposal_of_the_demo() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.db");
    common::demo_db(&db, 48);
    let out = common::vipdesk(&db, &["vip-list", "propose", "--year", "2027", "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert!(!rows.is_empty());
    for r in &rows {
        let proposal = r["proposal"].as_str().expect("proposal");
        assert!(["include", "keep", "exclude"].contains(&proposal), "{r}");
        assert!(!r["reason"].as_str().unwrap_or_default().is_empty(), "{r}");
        // Those proposed to be excluded meet no criterion; the others meet one.
        let any = ["volume", "stability", "brand", "political"]
            .iter()
            .any(|k| r[k].as_bool() == Some(true));
        assert_eq!(proposal != "exclude", any, "{r}");
    }
    // Largest first.
    let kwh: Vec<f64> = rows
        .iter()
        .map(|r| r["kwh"].as_f64().unwrap_or(-1.0))
        .collect();
    assert!(kwh.windows(2).all(|w| w[0] >= w[1]), "{kwh:?}");

    let text = common::vipdesk(&db, &["vip-list", "propose", "--year", "2027"]);
    assert!(text.status.success());
    let text = stdout(&text);
    assert!(
        text.starts_with("Список клиентов категории VIP на 2027 год"),
        "{text}"
    );
    assert!(text.contains("Включить: "), "{text}");

    let bad = common::vipdesk(&db, &["vip-list", "propose", "--year", "27"]);
    assert!(!bad.status.success());
}

/// A department of a head and a manager with the clients of the criteria test: (head, manager,
/// [large, young VIP, old VIP, small]).
fn department(db: &mut Db) -> (Actor, Actor, [Id; 4]) {
    let (head, me) = common::head_and_manager(db);
    let districts = admin::service::catalogs(db).expect("catalogs").districts;
    let a = districts[0].id;
    let large = client(db, me, "АО «Большой»", a, 2020, 2e6, None);
    // In the office: large 1st, small 2nd, old 3rd, young 4th.
    let young_vip = client(db, me, "ООО «Молодой»", a, 2021, 0.03e6, Some(true));
    let old_vip = client(db, me, "ООО «Давний»", a, 2010, 0.04e6, Some(true));
    let small = client(db, me, "ООО «Малый»", a, 2020, 0.05e6, None);
    (
        Actor::manager(head, Role::GroupHead),
        Actor::manager(me, Role::Manager),
        [large, young_vip, old_vip, small],
    )
}

fn order(number: &str, date: &str) -> OrderDraft {
    OrderDraft {
        number: number.into(),
        date: date.into(),
    }
}

#[test]
fn the_head_proposes_edits_and_approves_and_the_order_fills_every_clients_status_of_the_year() {
    let (mut db, _clock) = common::db();
    let (head, manager, [large, young, old, small]) = department(&mut db);
    // A manager sees the list but does not make it.
    assert!(matches!(
        lists::create(&mut db, &manager, 2027),
        Err(ListError::Denied(_))
    ));
    let id = lists::create(&mut db, &head, 2027).expect("proposed");
    assert!(matches!(
        lists::create(&mut db, &head, 2027),
        Err(ListError::Exists {
            year: 2027,
            version: 1
        })
    ));
    let list = lists::open(&db, &head, id).expect("read").expect("there");
    assert_eq!(list.status, ListStatus::Draft);
    let row =
        |l: &vipdesk::viplist::VipList, c: Id| l.rows.iter().find(|r| r.client_id == c).cloned();
    // The young VIP, 4th of its office and six years with the company: proposed to go.
    let young_row = row(&list, young).expect("this year's VIP is listed");
    assert_eq!(young_row.proposal, Proposal::Exclude);
    assert_eq!(
        row(&list, small).map(|r| r.proposal),
        Some(Proposal::Include)
    );
    let old_row = row(&list, old).expect("listed");
    assert_eq!(old_row.proposal, Proposal::Keep);
    // Excluding a client the proposal keeps needs a reason.
    let exclude = RowEdit {
        decision: Proposal::Exclude,
        reason: String::new(),
        ..RowEdit::default()
    };
    let refused = lists::edit_row(&mut db, &head, old_row.id, &exclude);
    assert!(matches!(refused, Err(ListError::Fields(ref f)) if f.contains_key("reason")));
    assert!(matches!(
        lists::edit_row(&mut db, &manager, old_row.id, &exclude),
        Err(ListError::Denied(_))
    ));
    let with_reason = RowEdit {
        reason: "реорганизация, договор расторгнут".into(),
        ..exclude.clone()
    };
    lists::edit_row(&mut db, &head, old_row.id, &with_reason).expect("excluded");
    // As proposed, the young one goes without a word.
    lists::edit_row(&mut db, &head, young_row.id, &exclude).expect("as proposed");

    // The order: the number is required, the date not after today.
    let bad = lists::record_order(&mut db, &head, id, &order(" ", "01.12.2027"));
    assert!(
        matches!(bad, Err(ListError::Fields(ref f)) if f.contains_key("order_number") && f.contains_key("order_date")),
        "{bad:?}"
    );
    assert!(matches!(
        lists::record_order(&mut db, &manager, id, &order("215", "20.11.2026")),
        Err(ListError::Denied(_))
    ));
    let n = lists::record_order(&mut db, &head, id, &order("215", "20.11.2026")).expect("approved");
    let list = lists::open(&db, &head, id).expect("read").expect("there");
    assert_eq!(
        n,
        (list.rows.len() - 2, 2),
        "all in but the young and the old one"
    );
    assert_eq!(list.status, ListStatus::Approved);
    assert_eq!(list.order_number, "215");

    // Every client of the list has its row of 2027, with the order.
    for r in &list.rows {
        let dossier = clients::service::open(&db, r.client_id).expect("dossier");
        let y = dossier
            .vip
            .iter()
            .find(|v| v.year == 2027)
            .unwrap_or_else(|| panic!("client {} has its row of 2027", r.client_id));
        let out = r.client_id == young || r.client_id == old;
        assert_eq!(y.included, !out, "client {}", r.client_id);
        assert_eq!(
            (y.order_number.as_str(), y.order_date),
            ("215", Some(d(2026, 11, 20)))
        );
    }
    let large_y = clients::service::open(&db, large).expect("dossier");
    let large_y = large_y.vip.iter().find(|v| v.year == 2027).expect("row");
    assert!(large_y.crit_volume && large_y.volume_kwh == Some(24e6));
    let old_y = clients::service::open(&db, old).expect("dossier");
    assert!(
        old_y
            .vip
            .iter()
            .any(|v| v.year == 2027 && !v.included && v.crit_stability)
    );
    // The changes from last year: the large and the small one in, the young and old out.
    let (coming, going) = list.changes();
    let mut coming: Vec<Id> = coming.iter().map(|r| r.client_id).collect();
    let mut going: Vec<Id> = going.iter().map(|r| r.client_id).collect();
    coming.sort_unstable();
    going.sort_unstable();
    assert_eq!((coming, going), (vec![large, small], vec![young, old]));
}

#[test]
fn a_frozen_list_refuses_edits_and_a_correction_keeps_the_original() {
    let (mut db, _clock) = common::db();
    let (head, manager, [large, _young, _old, small]) = department(&mut db);
    let id = lists::create(&mut db, &head, 2027).expect("proposed");
    lists::record_order(&mut db, &head, id, &order("215", "20.11.2026")).expect("approved");
    let list = lists::open(&db, &head, id).expect("read").expect("there");
    let small_row = list
        .rows
        .iter()
        .find(|r| r.client_id == small)
        .expect("listed")
        .clone();
    let exclude = RowEdit {
        decision: Proposal::Exclude,
        reason: "отказался от статуса".into(),
        ..RowEdit::default()
    };
    assert!(matches!(
        lists::edit_row(&mut db, &head, small_row.id, &exclude),
        Err(ListError::Frozen)
    ));
    assert!(matches!(
        lists::record_order(&mut db, &head, id, &order("216", "21.11.2026")),
        Err(ListError::Frozen)
    ));
    assert!(matches!(
        lists::delete_draft(&mut db, &head, id),
        Err(ListError::Frozen)
    ));
    assert!(matches!(
        lists::correct(&mut db, &manager, id),
        Err(ListError::Denied(_))
    ));

    let fix = lists::correct(&mut db, &head, id).expect("correction");
    assert!(matches!(
        lists::correct(&mut db, &head, id),
        Err(ListError::CorrectionOpen { version: 2 })
    ));
    let draft = lists::open(&db, &head, fix).expect("read").expect("there");
    assert_eq!(
        (draft.version, draft.status, draft.corrects),
        (2, ListStatus::Draft, Some(id))
    );
    let fix_row = draft
        .rows
        .iter()
        .find(|r| r.client_id == small)
        .expect("copied")
        .clone();
    lists::edit_row(&mut db, &head, fix_row.id, &exclude).expect("the correction is a draft");
    // Until the correction is approved, the year's list in force is the original.
    let in_force = lists::approved(&db, &head, 2027)
        .expect("read")
        .expect("approved");
    assert_eq!(in_force.id, id);
    lists::record_order(&mut db, &head, fix, &order("231", "24.11.2026")).expect("approved");

    // The original is kept as it was approved.
    let original = lists::open(&db, &head, id).expect("read").expect("kept");
    assert_eq!(original.status, ListStatus::Approved);
    assert_eq!(original.order_number, "215");
    assert!(
        original
            .rows
            .iter()
            .any(|r| r.client_id == small && r.is_included())
    );
    let versions = lists::versions(&db, 2027).expect("versions");
    assert_eq!(
        versions.iter().map(|v| v.version).collect::<Vec<_>>(),
        vec![1, 2]
    );
    // The status of the year follows the correction.
    let small_d = clients::service::open(&db, small).expect("dossier");
    let y = small_d.vip.iter().find(|v| v.year == 2027).expect("row");
    assert!(!y.included);
    assert_eq!(y.order_number, "231");
    assert_eq!(small_d.vip.iter().filter(|v| v.year == 2027).count(), 1);
    let large_d = clients::service::open(&db, large).expect("dossier");
    assert!(
        large_d
            .vip
            .iter()
            .any(|v| v.year == 2027 && v.included && v.order_number == "231")
    );
}

#[test]
fn a_manager_sees_the_rows_of_their_own_clients_and_the_managers_order_fills_each_managers_appointment()
 {
    let (mut db, _clock) = common::db();
    let (head, manager, [large, ..]) = department(&mut db);
    let other = common::add_manager(&mut db, "Сидоров", "Олег", "Петрович");
    let districts = admin::service::catalogs(&db).expect("catalogs").districts;
    let theirs = client(
        &mut db,
        other,
        "ПАО «Чужой»",
        districts[1].id,
        2000,
        1.5e6,
        None,
    );
    let id = lists::create(&mut db, &head, 2027).expect("proposed");
    let mine = lists::open(&db, &manager, id)
        .expect("read")
        .expect("there");
    assert!(mine.rows.iter().all(|r| r.manager_id == manager.id));
    assert!(mine.rows.iter().any(|r| r.client_id == large));
    let all = lists::open(&db, &head, id).expect("read").expect("there");
    assert!(all.rows.iter().any(|r| r.client_id == theirs));

    // The managers' order waits for the list's.
    assert!(matches!(
        lists::record_managers_order(&mut db, &head, id, &order("216", "20.11.2026")),
        Err(ListError::NotApproved)
    ));
    lists::record_order(&mut db, &head, id, &order("215", "20.11.2026")).expect("approved");
    assert!(matches!(
        lists::record_managers_order(&mut db, &manager, id, &order("216", "20.11.2026")),
        Err(ListError::Denied(_))
    ));
    let n = lists::record_managers_order(&mut db, &head, id, &order("216", "20.11.2026"))
        .expect("appointed");
    assert_eq!(n, 2);
    for m in [manager.id.expect("id"), other] {
        let card = admin::service::manager(&db, m).expect("card");
        assert_eq!(
            (card.order_number.as_str(), card.order_date),
            ("216", Some(d(2026, 11, 20)))
        );
    }
    let head_card = admin::service::manager(&db, head.id.expect("id")).expect("card");
    assert_eq!(
        head_card.order_number, "",
        "the head serves no client of the list"
    );
}

#[test]
fn a_client_the_proposal_left_out_is_added_with_a_reason() {
    let (mut db, _clock) = common::db();
    let (head, _manager, [_large, _young, _old, _small]) = department(&mut db);
    let districts = admin::service::catalogs(&db).expect("catalogs").districts;
    let me = common::add_manager(&mut db, "Орлова", "Мария", "Ивановна");
    let brand = client(
        &mut db,
        me,
        "ОАО «Орловский бренд»",
        districts[0].id,
        2024,
        0.0,
        None,
    );
    let id = lists::create(&mut db, &head, 2027).expect("proposed");
    let list = lists::open(&db, &head, id).expect("read").expect("there");
    assert!(list.rows.iter().all(|r| r.client_id != brand));
    assert!(matches!(
        lists::add_client(&mut db, &head, id, brand, " "),
        Err(ListError::Fields(_))
    ));
    lists::add_client(&mut db, &head, id, brand, "брендовое предприятие области").expect("added");
    assert!(matches!(
        lists::add_client(&mut db, &head, id, brand, "ещё раз"),
        Err(ListError::AlreadyListed)
    ));
    let list = lists::open(&db, &head, id).expect("read").expect("there");
    let row = list
        .rows
        .iter()
        .find(|r| r.client_id == brand)
        .expect("added");
    assert!(row.is_included());
    assert_eq!(row.proposal, Proposal::Exclude);
    assert_eq!(row.reason, "брендовое предприятие области");
}

/// The list the head approves on their workstation reaches every manager's replica through the
/// department server: the list itself, the rows of the manager's own clients (and no other
/// manager's), and each of their clients' «Статус VIP» row of the year.
#[test]
fn the_approved_list_is_one_for_the_department() {
    use crate::sync::{Dept, sync_now};
    let Some(dept) = Dept::new("the_approved_list_is_one_for_the_department") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let (list_uuid, rows) = {
        let mut db = Db::open_existing(&dept.head_db).expect("open");
        let head: Id = db
            .conn()
            .query_row(
                "SELECT id FROM managers WHERE role = 'head' LIMIT 1",
                [],
                |r| r.get(0),
            )
            .expect("a head");
        let head = Actor::manager(head, Role::GroupHead);
        let year = chrono::Datelike::year(&db.today()) + 1;
        let id = match lists::create(&mut db, &head, year) {
            Ok(id) => id,
            Err(e) => panic!("proposed: {e:?}"),
        };
        let on = vipdesk::domain::fmt::date(db.today());
        lists::record_order(&mut db, &head, id, &order("7-од", &on)).expect("approved");
        let uuid: String = db
            .conn()
            .query_row("SELECT uuid FROM vip_lists WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .expect("uuid");
        let list = lists::open(&db, &head, id).expect("read").expect("there");
        (uuid, list.rows)
    };
    assert!(rows.iter().any(|r| r.manager_id == Some(2)));
    assert!(rows.iter().any(|r| r.manager_id != Some(2)));
    sync_now(&dept.head_db);
    sync_now(&m2);
    let db = Db::open_existing(&m2).expect("open");
    let me: Id = db
        .conn()
        .query_row(
            "SELECT m.id FROM managers m JOIN clients c ON c.manager_id = m.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("the manager's clients are here");
    let manager = Actor::manager(me, Role::Manager);
    let local: Id = db
        .conn()
        .query_row(
            "SELECT id FROM vip_lists WHERE uuid = ?1",
            [&list_uuid],
            |r| r.get(0),
        )
        .expect("the list reached the manager");
    let seen = lists::open(&db, &manager, local)
        .expect("read")
        .expect("there");
    assert_eq!(seen.status, ListStatus::Approved);
    assert_eq!(seen.order_number, "7-од");
    let theirs = rows.iter().filter(|r| r.manager_id == Some(2)).count();
    assert_eq!(
        seen.rows.len(),
        theirs,
        "the rows of the manager's own clients"
    );
    let others: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM vip_list_rows r JOIN clients c ON c.id = r.client_id \
             WHERE c.manager_id IS NOT ?1",
            [me],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(others, 0, "no row of another manager's client");
    let strays: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM vip_list_rows WHERE client_id NOT IN (SELECT id FROM clients)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(strays, 0);
    for r in &seen.rows {
        let d = clients::service::open(&db, r.client_id).expect("dossier");
        assert!(
            d.vip
                .iter()
                .any(|v| v.year == seen.year && v.order_number == "7-од"),
            "client {} has its status of the year",
            r.client_name
        );
    }
}

/// The list and the managers' list as PDFs through the command line: a draft with the place for
/// the director's approval and «ПРОЕКТ», the approved one with its order, the changes from last
/// year; each manager of the list with their clients.
#[test]
fn the_lists_are_printed_for_the_directors_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("demo.db");
    common::demo_db(&db, 48);
    // Next year's list, made today (the program's clock is the real one).
    let today = Db::open_existing(&db).expect("open").today();
    let next = (chrono::Datelike::year(&today) + 1).to_string();
    let this = chrono::Datelike::year(&today).to_string();
    let iso = today.to_string();
    let dotted = vipdesk::domain::fmt::date(today);
    let run = |args: &[&str]| {
        let out = common::vipdesk(&db, args);
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        stdout(&out)
    };
    let none = common::vipdesk(
        &db,
        &["report", "vip-list", "--year", &next, "--out", "x.pdf"],
    );
    assert!(!none.status.success());
    assert!(common::stderr(&none).contains(&format!("VIP-списка на {next} год ещё нет")));
    run(&["vip-list", "create", "--year", &next]);
    let pdf = dir.path().join("список.pdf");
    let pdf_s = pdf.to_str().expect("path");
    run(&["report", "vip-list", "--year", &next, "--out", pdf_s]);
    let draft = common::pdf_text(&std::fs::read(&pdf).expect("pdf"));
    common::assert_in_order(
        &draft,
        &[
            "УТВЕРЖДАЮ",
            "приказ №",
            &format!("Список клиентов категории VIP на {next} год"),
            "ПРОЕКТ",
            "Выполненные критерии",
            "Всего в списке",
            &format!("Изменения по сравнению со списком {this} года"),
        ],
    );
    run(&[
        "vip-list", "approve", "--year", &next, "--order", "215-од", "--date", &iso,
    ]);
    run(&["report", "vip-list", "--year", &next, "--out", pdf_s]);
    let approved = common::pdf_text(&std::fs::read(&pdf).expect("pdf"));
    assert!(approved.contains("УТВЕРЖДЁН") && approved.contains(&format!("от {dotted} № 215-од")));
    assert!(!approved.contains("ПРОЕКТ") && !approved.contains("УТВЕРЖДАЮ"));

    let managers = dir.path().join("менеджеры.pdf");
    let managers_s = managers.to_str().expect("path");
    run(&[
        "vip-list", "appoint", "--year", &next, "--order", "216-од", "--date", &iso,
    ]);
    run(&["report", "managers", "--year", &next, "--out", managers_s]);
    let text = common::pdf_text(&std::fs::read(&managers).expect("pdf"));
    assert!(text.contains(&format!(
        "Список персональных менеджеров клиентов категории VIP на {next} год"
    )));
    assert!(text.contains(&format!("от {dotted} № 216-од")));
    let shown = run(&["vip-list", "show", "--year", &next, "--json"]);
    let first: serde_json::Value =
        serde_json::from_str(shown.lines().next().expect("a row")).expect("json");
    let name = first["client"].as_str().expect("client");
    assert!(text.contains(name), "{name} is among its manager's clients");
    assert_eq!(first["status"], "approved");
}

mod satisfaction {
    use super::*;
    use vipdesk::appeals::Channel;
    use vipdesk::viplist::satisfaction;
    use vipdesk::viplist::survey::{self, Answer, Survey, SurveyError};

    /// The seeded questionnaire's scored questions, in order.
    fn scale_questions(db: &Db) -> Vec<Id> {
        survey::questions(db)
            .expect("questions")
            .iter()
            .filter(|q| q.kind == vipdesk::viplist::QuestionKind::Scale)
            .filter_map(|q| q.id)
            .collect()
    }

    fn answered(client: Id, date: chrono::NaiveDate, questions: &[Id], scores: &[u8]) -> Survey {
        Survey {
            client_id: client,
            date: Some(date),
            respondent: "Иванов И.И., главный инженер".into(),
            channel: Channel::Phone,
            answers: questions
                .iter()
                .zip(scores)
                .map(|(q, s)| Answer {
                    question_id: *q,
                    score: Some(*s),
                    text: String::new(),
                })
                .collect(),
            ..Survey::default()
        }
    }

    #[test]
    fn the_report_gives_the_response_rate_and_the_averages() {
        let (mut db, _clock) = common::db();
        let (head, me) = common::head_and_manager(&mut db);
        let other = common::add_manager(&mut db, "Сидоров", "Олег", "Петрович");
        let districts = admin::service::catalogs(&db).expect("catalogs").districts;
        let (a, b) = (districts[0].id, districts[1].id);
        let c1 = client(&mut db, me, "АО «Первый»", a, 2000, 1e6, Some(true));
        let c2 = client(&mut db, me, "АО «Второй»", a, 2000, 1e6, Some(true));
        let c3 = client(&mut db, other, "АО «Третий»", b, 2000, 1e6, Some(true));
        let _c4 = client(&mut db, other, "АО «Четвёртый»", b, 2000, 1e6, Some(true));
        let not_vip = client(&mut db, other, "АО «Не VIP»", b, 2000, 1e6, Some(false));
        let q = scale_questions(&db);
        assert_eq!(q.len(), 6, "the seeded questionnaire scores six things");
        let mine = actor(me);
        let theirs = actor(other);
        survey::save(
            &mut db,
            &mine,
            &answered(c1, d(2026, 3, 10), &q, &[5, 5, 4, 4, 5, 5]),
        )
        .expect("saved");
        survey::save(
            &mut db,
            &mine,
            &answered(c2, d(2026, 4, 1), &q, &[3, 4, 2, 3, 3, 3]),
        )
        .expect("saved");
        survey::save(
            &mut db,
            &theirs,
            &answered(c3, d(2026, 5, 5), &q, &[4, 4, 4, 4, 4, 4]),
        )
        .expect("saved");
        // A survey of a client that is not VIP this year counts in the averages, not the rate.
        survey::save(
            &mut db,
            &theirs,
            &answered(not_vip, d(2026, 6, 1), &q, &[1, 1, 1, 1, 1, 1]),
        )
        .expect("saved");
        // Last year: all threes.
        survey::save(
            &mut db,
            &mine,
            &answered(c1, d(2025, 10, 1), &q, &[3, 3, 3, 3, 3, 3]),
        )
        .expect("saved");

        let head = Actor::manager(head, Role::GroupHead);
        let r = satisfaction::report(&db, &head, 2026).expect("report");
        assert_eq!((r.vip, r.surveyed, r.surveys), (4, 3, 4));
        assert_eq!(r.response_rate(), Some(75.0));
        // Question 1: (5 + 3 + 4 + 1) / 4.
        assert_eq!(r.questions[0].mean.value(), Some(13.0 / 4.0));
        assert_eq!(r.questions[0].last_year.value(), Some(3.0));
        // Question 3: (4 + 2 + 4 + 1) / 4.
        assert_eq!(r.questions[2].mean.value(), Some(11.0 / 4.0));
        let all: u64 = 28 + 18 + 24 + 6;
        assert_eq!(r.overall.value(), Some(all as f64 / 24.0));
        assert_eq!(r.overall_last_year.value(), Some(3.0));
        let office = |name: &str| {
            r.by_district
                .iter()
                .find(|g| g.name == name)
                .map(|g| (g.mean.value(), g.surveys))
        };
        assert_eq!(office(&districts[0].name), Some((Some(46.0 / 12.0), 2)));
        assert_eq!(office(&districts[1].name), Some((Some(30.0 / 12.0), 2)));
        assert_eq!(r.by_manager.len(), 2);
        // The lowest rated first, with the questions scored low.
        assert_eq!(r.lowest[0].client, "АО «Не VIP»");
        assert_eq!(r.lowest[1].client, "АО «Второй»");
        assert_eq!(r.lowest[1].low.len(), 1);
        // A manager's report covers their own clients.
        let own = satisfaction::report(&db, &mine, 2026).expect("report");
        assert_eq!((own.vip, own.surveyed, own.surveys), (2, 2, 2));

        // The PDF and the figures through the command line.
        let cli = {
            let dir = tempfile::tempdir().expect("tmp");
            let path = dir.path().join("s.db");
            db.backup_to(&path).expect("copy");
            let pdf = dir.path().join("опрос.pdf");
            let out = common::vipdesk(
                &path,
                &[
                    "report",
                    "satisfaction",
                    "--year",
                    "2026",
                    "--out",
                    pdf.to_str().expect("p"),
                    "--json",
                ],
            );
            assert!(out.status.success(), "{}", common::stderr(&out));
            let text = common::pdf_text(&std::fs::read(&pdf).expect("pdf"));
            assert!(
                text.contains("Опрошено 3 из 4 VIP-клиентов года (75 %)"),
                "{text}"
            );
            assert!(text.contains("АО «Второй» — средняя оценка 3,00"), "{text}");
            let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("json");
            v
        };
        assert_eq!(cli["response_rate"], 75.0);
        assert_eq!(cli["surveys"], 4);
    }

    #[test]
    fn a_low_score_offers_an_appeal_and_a_manager_surveys_only_their_own_clients() {
        let (mut db, _clock) = common::db();
        let (_head, me) = common::head_and_manager(&mut db);
        let other = common::add_manager(&mut db, "Сидоров", "Олег", "Петрович");
        let districts = admin::service::catalogs(&db).expect("catalogs").districts;
        let mine = client(
            &mut db,
            me,
            "АО «Мой»",
            districts[0].id,
            2000,
            1e6,
            Some(true),
        );
        let theirs = client(
            &mut db,
            other,
            "АО «Чужой»",
            districts[0].id,
            2000,
            1e6,
            Some(true),
        );
        let q = scale_questions(&db);
        let manager = actor(me);
        // Another manager's client, a day ahead, nobody who answered, nothing answered: refused.
        assert!(matches!(
            survey::save(
                &mut db,
                &manager,
                &answered(theirs, d(2026, 3, 1), &q, &[5])
            ),
            Err(SurveyError::Storage(_))
        ));
        let mut bad = answered(mine, d(2026, 11, 26), &q, &[]);
        bad.respondent.clear();
        match survey::save(&mut db, &manager, &bad) {
            Err(SurveyError::Fields(f)) => {
                assert!(
                    f.contains_key("date")
                        && f.contains_key("respondent")
                        && f.contains_key("answers"),
                    "{f:?}"
                );
            }
            other => panic!("refused: {other:?}"),
        }
        let out_of_scale = answered(mine, d(2026, 3, 1), &q, &[6]);
        assert!(matches!(
            survey::save(&mut db, &manager, &out_of_scale),
            Err(SurveyError::Fields(_))
        ));
        // A good survey asks for nothing.
        let good = survey::save(
            &mut db,
            &manager,
            &answered(mine, d(2026, 3, 1), &q, &[5, 4]),
        )
        .expect("saved");
        assert!(!survey::open(&db, good).expect("open").offers_appeal());
        assert!(matches!(
            survey::register_appeal(&mut db, &manager, good),
            Err(SurveyError::NothingToRegister)
        ));
        // A two asks for an appeal, once.
        let mut low = answered(mine, d(2026, 9, 1), &q, &[5, 2]);
        low.comment = "Менеджер не перезвонил".into();
        let low = survey::save(&mut db, &manager, &low).expect("saved");
        let s = survey::open(&db, low).expect("open");
        assert!(s.offers_appeal());
        let appeal = survey::register_appeal(&mut db, &manager, low).expect("appeal");
        let a = vipdesk::appeals::service::open(&db, appeal).expect("appeal");
        assert_eq!(a.client_id, mine);
        assert!(
            a.body.contains("оценка 2") && a.body.contains("Менеджер не перезвонил"),
            "{}",
            a.body
        );
        let s = survey::open(&db, low).expect("open");
        assert_eq!(s.appeal_id, Some(appeal));
        assert!(!s.offers_appeal());
        assert!(matches!(
            survey::register_appeal(&mut db, &manager, low),
            Err(SurveyError::NothingToRegister)
        ));
        // The plan: the other manager's VIP client is due; the manager's own is done.
        let due = survey::due(&db, &actor(other), 2026).expect("due");
        assert_eq!(
            due.iter().map(|d| d.client_id).collect::<Vec<_>>(),
            vec![theirs]
        );
        assert!(survey::due(&db, &manager, 2026).expect("due").is_empty());
    }

    #[test]
    fn the_questionnaire_is_the_heads() {
        let (mut db, _clock) = common::db();
        let (head, me) = common::head_and_manager(&mut db);
        let q = survey::Question {
            text: "Удобно ли Вам получать счета?".into(),
            active: true,
            sort: 8,
            ..Default::default()
        };
        assert!(matches!(
            survey::save_question(&mut db, &actor(me), &q),
            Err(SurveyError::Storage(_))
        ));
        let id = survey::save_question(&mut db, &Actor::manager(head, Role::GroupHead), &q)
            .expect("added");
        assert!(
            survey::questions(&db)
                .expect("q")
                .iter()
                .any(|q| q.id == Some(id))
        );
    }
}

/// Once the order approved a year, the client's status of that year is not changed by hand in
/// the dossier (the list is corrected instead); the rest of the dossier, and a year the list
/// did not set, are edited as before — also through the window's draft, which reads the rows
/// back as typed.
#[test]
fn an_approved_years_status_is_not_changed_in_the_dossier() {
    use vipdesk::clients::draft::DossierDraft;
    let (mut db, _clock) = common::db();
    let (head, manager, [large, ..]) = department(&mut db);
    let id = lists::create(&mut db, &head, 2027).expect("proposed");
    lists::record_order(&mut db, &head, id, &order("215", "20.11.2026")).expect("approved");
    let d = clients::service::open(&db, large).expect("dossier");
    // Through the draft, as the window saves it: nothing changed in the status rows.
    let mut draft = DossierDraft::from_value(&d);
    draft.client.full_name = "Акционерное общество «Большой»".into();
    draft.client.inn = common::inn(1);
    let edited = draft.to_value(common::today()).expect("valid");
    clients::service::save(&mut db, &manager, &edited).expect("the rest of the dossier saves");
    // The row of 2027 changed by hand: refused, nothing written.
    let mut d = clients::service::open(&db, large).expect("dossier");
    let row = d.vip.iter_mut().find(|v| v.year == 2027).expect("row");
    row.included = false;
    let refused = clients::service::save(&mut db, &manager, &d);
    assert!(
        matches!(
            refused,
            Err(clients::ClientsError::Storage(
                vipdesk::storage::StorageError::Refused(vipdesk::domain::Refusal::ApprovedVipYear(
                    2027
                ))
            ))
        ),
        "{refused:?}"
    );
    let kept = clients::service::open(&db, large).expect("dossier");
    assert!(kept.vip.iter().any(|v| v.year == 2027 && v.included));
    // Removing it is refused as well; a year without an approved list is the dossier's.
    let mut d = kept.clone();
    d.vip.retain(|v| v.year != 2027);
    assert!(clients::service::save(&mut db, &manager, &d).is_err());
    let mut d = kept;
    d.vip.push(clients::VipYear {
        year: 2028,
        included: true,
        ..Default::default()
    });
    clients::service::save(&mut db, &manager, &d).expect("2028 has no approved list");
}

/// Every demo dossier, read into the window's draft and saved unchanged, saves: the status rows
/// the approved lists set read back as they were written.
#[test]
fn the_demo_dossiers_save_unchanged_through_the_draft() {
    use vipdesk::clients::draft::DossierDraft;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("demo.db");
    common::demo_db(&path, 48);
    let mut db = Db::open_existing(&path).expect("open");
    let today = db.today();
    for c in clients::service::list(&db).expect("clients").iter() {
        let d = clients::service::open(&db, c.id).expect("dossier");
        let back = DossierDraft::from_value(&d).to_value(today).expect("valid");
        if let Err(e) = clients::service::save(&mut db, &Actor::SYSTEM, &back) {
            panic!("{}: {e:?}", c.short_name);
        }
    }
}

/// Orders are dated where they can be, recorded once, and kept by a correction; the documents
/// for the director are the head's.
#[test]
fn orders_are_dated_plausibly_recorded_once_and_kept_by_a_correction() {
    use vipdesk::viplist::documents::{self, Document};
    let (mut db, _clock) = common::db();
    let (head, manager, _) = department(&mut db);
    // Today is 25.11.2026: a list of 2029 has nothing to be judged on yet.
    assert!(matches!(
        lists::create(&mut db, &head, 2029),
        Err(ListError::TooEarly(2029))
    ));
    let id = lists::create(&mut db, &head, 2027).expect("proposed");
    // Not before the year before the list's.
    assert!(matches!(
        lists::record_order(&mut db, &head, id, &order("1", "01.01.1900")),
        Err(ListError::OrderTooEarly { .. })
    ));
    lists::record_order(&mut db, &head, id, &order("215", "20.11.2026")).expect("approved");
    // The managers' order: not before the list's, once.
    assert!(matches!(
        lists::record_managers_order(&mut db, &head, id, &order("216", "01.01.2026")),
        Err(ListError::OrderTooEarly { .. })
    ));
    lists::record_managers_order(&mut db, &head, id, &order("216", "21.11.2026"))
        .expect("appointed");
    assert!(matches!(
        lists::record_managers_order(&mut db, &head, id, &order("217", "22.11.2026")),
        Err(ListError::AlreadyAppointed { .. })
    ));
    // A correction keeps the appointment and may have its own; not dated before the original.
    let fix = lists::correct(&mut db, &head, id).expect("correction");
    assert!(matches!(
        lists::correct(&mut db, &head, id),
        Err(ListError::CorrectionOpen { version: 2 })
    ));
    let draft = lists::open(&db, &head, fix).expect("read").expect("there");
    assert_eq!(draft.managers_order_number, "216");
    assert!(matches!(
        lists::record_order(&mut db, &head, fix, &order("230", "19.11.2026")),
        Err(ListError::OrderTooEarly { .. })
    ));
    lists::record_order(&mut db, &head, fix, &order("230", "24.11.2026")).expect("approved");
    // The superseded version takes no order any more.
    assert!(matches!(
        lists::record_managers_order(&mut db, &head, id, &order("231", "24.11.2026")),
        Err(ListError::NotLatestApproved)
    ));
    lists::record_managers_order(&mut db, &head, fix, &order("231", "24.11.2026"))
        .expect("the correction's own");
    // A past year's appointments are history.
    let old = lists::create(&mut db, &head, 2025).expect("a past year's list");
    lists::record_order(&mut db, &head, old, &order("10", "20.01.2025")).expect("approved");
    assert!(matches!(
        lists::record_managers_order(&mut db, &head, old, &order("11", "21.01.2025")),
        Err(ListError::PastYear(2025))
    ));
    // The documents for the director are the head's.
    let dir = tempfile::tempdir().expect("tmp");
    let target = dir.path().join("list.pdf");
    let today = common::today();
    assert!(matches!(
        documents::write(&db, &manager, 2027, Document::List, today, &target),
        Err(documents::DocumentError::Denied(_))
    ));
    assert!(!target.exists());
    documents::write(&db, &head, 2027, Document::Managers, today, &target).expect("written");
    let text = common::pdf_text(&std::fs::read(&target).expect("pdf"));
    assert!(text.contains("от 24.11.2026 № 231"), "{text}");
}
