//! Storage: every dossier section round-trips, soft delete and restore, one transaction per write.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::actor;
use vipdesk::admin::{self, TrashKind};
use vipdesk::clients::{self, *};
use vipdesk::domain::Id;
use vipdesk::domain::names::Gender;
use vipdesk::domain::validate::Phone;
use vipdesk::storage::{self, Db};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// A dossier with every section filled.
fn full_dossier(db: &Db, manager: Id) -> Dossier {
    let cat = admin::service::catalogs(db).expect("catalogs");
    let mut indicators = BTreeMap::new();
    indicators.insert((cat.indicator_kinds[0].id, (2026, 1)), 1_234_567.5);
    indicators.insert((cat.indicator_kinds[2].id, (2026, 2)), 8_888_888.88);
    Dossier {
        client: Client {
            short_name: "ООО «Ромашка»".into(),
            full_name: "Общество с ограниченной ответственностью «Ромашка»".into(),
            kind: ClientKind::Legal,
            inn: "7707083893".into(),
            kpp: "770701001".into(),
            ogrn: "1027700132195".into(),
            legal_address: "302028, г. Орёл, ул. Ленина, д. 1".into(),
            postal_address: "302028, г. Орёл, а/я 5".into(),
            district_id: Some(cat.districts[0].id),
            industry_id: Some(cat.industries[1].id),
            contract_number: "57001234".into(),
            contract_date: d(2012, 3, 1),
            since_year: Some(2012),
            manager_id: Some(manager),
            strategic: true,
            ..Default::default()
        },
        vip: vec![VipYear {
            year: 2026,
            crit_volume: true,
            volume_kwh: Some(12_500_000.0),
            crit_brand: true,
            crit_stability: true,
            crit_political: true,
            political_note: "депутат облсовета".into(),
            included: true,
            order_number: "15-од".into(),
            order_date: d(2026, 1, 20),
            ..Default::default()
        }],
        people: vec![
            Person {
                surname: "Иванов".into(),
                name: "Иван".into(),
                patronymic: "Иванович".into(),
                gender: Some(Gender::Male),
                position: "Генеральный директор".into(),
                category: Some(1),
                birthday: d(1968, 3, 14),
                phones: vec![
                    Phone {
                        number: "+79161234567".into(),
                        ext: None,
                    },
                    Phone {
                        number: "+74862432100".into(),
                        ext: Some("12".into()),
                    },
                ],
                email: "ivanov@romashka.example".into(),
                address_as: "Иван Иванович".into(),
                name_dative: "Иванову Ивану Ивановичу".into(),
                position_dative: "Генеральному директору".into(),
                notes: "Предпочитает звонки до 10:00".into(),
                ..Default::default()
            },
            Person {
                surname: "Петрова".into(),
                name: "Мария".into(),
                patronymic: "Петровна".into(),
                gender: Some(Gender::Female),
                position: "Главный бухгалтер".into(),
                category: Some(2),
                birthday: d(1975, 12, 31),
                ..Default::default()
            },
        ],
        owners: vec![
            Owner {
                name: "ООО «Холдинг»".into(),
                kind: "юридическое лицо".into(),
                share: Some(75.5),
                note: String::new(),
                ..Default::default()
            },
            Owner {
                name: "Сидоров С.С.".into(),
                kind: "физическое лицо".into(),
                share: Some(24.5),
                note: "учредитель".into(),
                ..Default::default()
            },
        ],
        services: vec![ClientService {
            service_id: cat.services[0].id,
            start: d(2012, 3, 1),
            end: None,
            note: "основной договор".into(),
            ..Default::default()
        }],
        projects: vec![Project {
            title: "АИИС КУЭ".into(),
            goal: "Автоматизировать учёт".into(),
            status: ProjectStatus::Active,
            start: d(2026, 2, 1),
            end: d(2026, 12, 1),
            stages: vec![
                Stage {
                    title: "Обследование".into(),
                    planned: d(2026, 3, 1),
                    actual: d(2026, 3, 5),
                    result: "акт".into(),
                    ..Default::default()
                },
                Stage {
                    title: "Монтаж".into(),
                    planned: d(2026, 9, 1),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }],
        indicators,
        records: vec![Record {
            date: d(2026, 11, 2),
            direction: Direction::Incoming,
            number: "17".into(),
            subject: "О сверке".into(),
            text: "Просят акт сверки".into(),
            file_name: "скан.pdf".into(),
            file_size: 5,
            new_file: Some(b"%PDF-".to_vec()),
            ..Default::default()
        }],
    }
}

/// The dossier without what storage assigns (ids, uuids) or keeps apart (file bytes).
fn strip(mut d: Dossier) -> Dossier {
    d.client.id = None;
    d.client.uuid.clear();
    d.vip
        .iter_mut()
        .for_each(|v| (v.id, v.uuid) = (None, String::new()));
    d.people
        .iter_mut()
        .for_each(|v| (v.id, v.uuid) = (None, String::new()));
    d.owners
        .iter_mut()
        .for_each(|v| (v.id, v.uuid) = (None, String::new()));
    d.services
        .iter_mut()
        .for_each(|v| (v.id, v.uuid) = (None, String::new()));
    for p in &mut d.projects {
        (p.id, p.uuid) = (None, String::new());
        p.stages
            .iter_mut()
            .for_each(|v| (v.id, v.uuid) = (None, String::new()));
    }
    for r in &mut d.records {
        (r.id, r.uuid) = (None, String::new());
        r.new_file = None;
    }
    d
}

fn setup() -> (Db, Id) {
    let (mut db, _) = common::db();
    let m = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    (db, m)
}

#[test]
fn every_dossier_section_round_trips() {
    let (mut db, m) = setup();
    let original = full_dossier(&db, m);
    let id = clients::service::save(&mut db, &actor(m), &original).expect("save");
    let loaded = clients::service::open(&db, id).expect("load");
    assert_eq!(strip(loaded.clone()), strip(original));
    assert!(!loaded.client.uuid.is_empty());
    assert!(
        loaded
            .people
            .iter()
            .all(|p| uuid::Uuid::parse_str(&p.uuid).is_ok())
    );
    let rid = loaded.records[0].id.expect("record id");
    assert_eq!(
        clients::service::record_file(&db, rid).expect("file"),
        b"%PDF-"
    );
    // Author and time stamps are recorded.
    let (author, created, updated): (Option<Id>, String, String) = db
        .conn()
        .query_row(
            "SELECT author_id, created_at, updated_at FROM clients WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row");
    assert_eq!(author, Some(m));
    assert_eq!(created, updated);
    assert!(created.starts_with("20"));
}

#[test]
fn edits_update_only_what_changed_and_removals_go_to_the_trash() {
    let (mut db, m) = setup();
    let full = full_dossier(&db, m);
    let id = clients::service::save(&mut db, &actor(m), &full).expect("save");
    let stamp = |db: &Db, table: &str| -> Vec<String> {
        let mut st = db
            .conn()
            .prepare(&format!("SELECT updated_at FROM {table} ORDER BY id"))
            .expect("sql");
        st.query_map([], |r| r.get(0))
            .expect("q")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let people_before = stamp(&db, "people");
    // A minute later by the clock.
    let later = common::today().and_hms_opt(12, 1, 0).expect("time");
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::new(later)));

    let mut d = clients::service::open(&db, id).expect("load");
    d.people[1].position = "Главный бухгалтер-кассир".into();
    let removed_owner = d.owners.remove(0);
    d.projects[0].stages.push(Stage {
        title: "Приёмка".into(),
        ..Default::default()
    });
    clients::service::save(&mut db, &actor(m), &d).expect("save edit");

    let after = clients::service::open(&db, id).expect("load");
    assert_eq!(after.owners.len(), 1);
    assert_eq!(after.people[1].position, "Главный бухгалтер-кассир");
    assert_eq!(after.projects[0].stages.len(), 3);
    let people_after = stamp(&db, "people");
    assert_eq!(
        people_before[0], people_after[0],
        "an unchanged person keeps its time stamp"
    );
    assert_ne!(people_before[1], people_after[1]);

    // The removed owner is in the trash and comes back from it.
    let trash = admin::service::trash(&db).expect("trash");
    let item = trash
        .iter()
        .find(|t| t.kind == TrashKind::Owner)
        .expect("owner in trash");
    assert_eq!(item.title, removed_owner.name);
    admin::service::restore(&mut db, &actor(m), TrashKind::Owner, item.id).expect("restore");
    assert_eq!(
        clients::service::open(&db, id).expect("load").owners.len(),
        2
    );
}

#[test]
fn client_soft_delete_and_restore() {
    let (mut db, m) = setup();
    let full = full_dossier(&db, m);
    let id = clients::service::save(&mut db, &actor(m), &full).expect("save");
    clients::service::delete(&mut db, &actor(m), id).expect("delete");
    assert!(clients::service::list(&db).expect("list").is_empty());
    assert!(clients::service::open(&db, id).is_err());
    assert!(
        clients::service::find_by_phone(&db, "+79161234567")
            .expect("find")
            .is_empty()
    );
    let trash = admin::service::trash(&db).expect("trash");
    assert!(
        trash
            .iter()
            .any(|t| t.kind == TrashKind::Client && t.id == id)
    );
    admin::service::restore(&mut db, &actor(m), TrashKind::Client, id).expect("restore");
    let rows = clients::service::list(&db).expect("list");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].people_count, 2);
    assert!(
        admin::service::restore(&mut db, &actor(m), TrashKind::Client, id).is_err(),
        "not in the trash any more"
    );
}

#[test]
fn a_failed_save_leaves_nothing_half_written() {
    let (mut db, m) = setup();
    let mut d = full_dossier(&db, m);
    d.services[0].service_id = 9999; // no such service: the foreign key refuses it
    assert!(clients::service::save(&mut db, &actor(m), &d).is_err());
    assert_eq!(clients::service::count(&db).expect("count"), 0);
    let people: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .expect("count");
    assert_eq!(people, 0);
}

#[test]
fn list_rows_carry_search_text_and_vip_years() {
    let (mut db, m) = setup();
    let full = full_dossier(&db, m);
    let id = clients::service::save(&mut db, &actor(m), &full).expect("save");
    let rows = clients::service::list(&db).expect("list");
    assert_eq!(rows[0].id, id);
    assert_eq!(rows[0].vip_years, vec![2026]);
    assert!(rows[0].haystack.contains("ромашка"));
    assert!(rows[0].haystack.contains("иванов"));
    assert!(rows[0].phone_digits.contains("79161234567"));
    assert_eq!(rows[0].manager, "Петрова А.С.");
    assert_eq!(
        clients::service::find_by_inn(&db, "7707083893")
            .expect("inn")
            .map(|r| r.0),
        Some(id)
    );
}

#[test]
fn file_database_uses_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = Db::open(&dir.path().join("sub").join("v.db")).expect("open creates folders");
    let mode: String = db
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    let fk: i64 = db
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("fk");
    assert_eq!(fk, 1);
    assert_eq!(
        storage::schema_version(db.conn()).expect("v"),
        storage::schema::latest_version()
    );
    assert!(admin::service::check(&db).expect("check").is_empty());
}

#[test]
fn demo_generator_makes_valid_realistic_data() {
    let (mut db, _) = common::db();
    let s = vipdesk::demo::generate(&mut db, vipdesk::demo::DEFAULT_CLIENTS, 1, common::today())
        .expect("demo");
    assert!(s.clients >= 40 && s.managers >= 4);
    let rows = clients::service::list(&db).expect("list");
    let districts: std::collections::HashSet<_> = rows.iter().map(|r| r.district.clone()).collect();
    let industries: std::collections::HashSet<_> =
        rows.iter().map(|r| r.industry.clone()).collect();
    assert!(districts.len() >= 4 && industries.len() >= 6);
    assert!(
        admin::service::check(&db).expect("check").is_empty(),
        "valid INNs, no duplicates"
    );
    let mut categories = std::collections::HashSet::new();
    let mut months = std::collections::HashSet::new();
    for r in &rows {
        let d = clients::service::open(&db, r.id).expect("load");
        for p in &d.people {
            categories.extend(p.category);
            months.extend(p.birthday.map(|b| chrono::Datelike::month(&b)));
        }
        assert!(d.indicators.len() >= 24 * 4, "24 months of indicators");
        assert!(!d.records.is_empty());
    }
    assert_eq!(categories.len(), 3, "leaders of all three categories");
    assert!(months.len() >= 10, "birthdays spread over the year");
    // A database that has clients is not filled again.
    assert!(vipdesk::demo::generate(&mut db, 5, 1, common::today()).is_err());
}

/// One live client per INN is the database's own rule: a second connection that skips the
/// service's check is refused by the unique index, and the service names the holder.
#[test]
fn two_inserts_of_one_inn_fail_at_the_database_even_from_two_connections() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    let mut first = Db::open(&path).expect("first");
    let mut second = Db::open(&path).expect("second");
    let insert = "INSERT INTO clients (uuid, created_at, updated_at, short_name, kind, inn) \
                  VALUES (?1, '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z', ?2, 'legal', '7707083893')";
    first
        .conn()
        .execute(insert, ["u-1", "АО «Первый»"])
        .expect("the first");
    let err = second
        .conn()
        .execute(insert, ["u-2", "АО «Второй»"])
        .expect_err("the second is refused by the database");
    assert!(
        storage::StorageError::from(err).is_unique_violation(),
        "a unique index refuses it"
    );
    let d = Dossier {
        client: Client {
            short_name: "АО «Третий»".into(),
            inn: "7707083893".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let refused = clients::service::save(&mut second, &vipdesk::domain::Actor::SYSTEM, &d);
    assert!(
        matches!(&refused, Err(ClientsError::InnTaken { other }) if other == "АО «Первый»"),
        "{refused:?}"
    );
    assert_eq!(clients::service::count(&first).expect("count"), 1);
    // A client in the trash does not hold its INN: another may take it, and then the first
    // stays in the trash.
    let id = clients::service::list(&first).expect("list")[0].id;
    clients::service::delete(&mut first, &vipdesk::domain::Actor::SYSTEM, id).expect("delete");
    clients::service::save(&mut second, &vipdesk::domain::Actor::SYSTEM, &d).expect("free now");
    let refused = admin::service::restore(
        &mut first,
        &vipdesk::domain::Actor::SYSTEM,
        TrashKind::Client,
        id,
    );
    assert!(
        matches!(&refused, Err(admin::AdminError::InnTaken { other }) if other == "АО «Третий»"),
        "{refused:?}"
    );
}

/// A code this version does not know (written by a newer one, or damaged) is an error when
/// read, never quietly the default.
#[test]
fn an_unknown_status_code_read_from_the_database_is_an_error() {
    let (mut db, m) = setup();
    let full = full_dossier(&db, m);
    let id = clients::service::save(&mut db, &actor(m), &full).expect("save");
    db.conn()
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON; \
             UPDATE clients SET kind = 'branch' WHERE id = {id}; \
             PRAGMA ignore_check_constraints = OFF;"
        ))
        .expect("a newer version's code");
    let err = clients::service::open(&db, id).expect_err("refused");
    assert!(
        matches!(&err, storage::StorageError::UnknownCode(c) if c.code == "branch"),
        "{err:?}"
    );
    let message = vipdesk::i18n::describe(&err);
    assert!(message.contains("«branch»"), "{message}");
}
