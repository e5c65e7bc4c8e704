//! Migrations: a frozen fixture of every earlier schema upgrades to exactly the fresh schema,
//! keeping its data, with a backup taken first.
//!
//! The fixtures are SQL dumps written once, when a migration is added after them, by
//! `cargo test --test migrations -- --ignored write_fixture` (it writes the schema before the
//! newest migration). They are never regenerated for an old version: they stand for databases
//! already out in the offices.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use vipdesk::storage::{self, Db, schema};

fn fixture_path(version: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema_v{version}.sql"))
}

/// The schema as (type, name, table, SQL with whitespace normalised), sorted.
fn schema_of(conn: &Connection) -> Vec<(String, String, String, String)> {
    let mut st = conn
        .prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .expect("sql");
    st.query_map([], |r| {
        let sql: String = r.get(3)?;
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            sql.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

#[test]
fn fixtures_exist_for_every_earlier_version() {
    for v in 1..schema::latest_version() {
        assert!(
            fixture_path(v).exists(),
            "missing fixture of schema {v}: run the ignored write_fixture test"
        );
    }
}

#[test]
fn every_earlier_schema_upgrades_to_the_fresh_one() {
    let fresh = Db::open_in_memory().expect("fresh");
    let fresh_schema = schema_of(fresh.conn());
    for v in 1..schema::latest_version() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).expect("open");
            let sql = std::fs::read_to_string(fixture_path(v)).expect("fixture");
            conn.execute_batch(&sql).expect("load fixture");
            assert_eq!(storage::schema_version(&conn).expect("version"), v);
        }
        let db = Db::open(&path).expect("upgrade");
        assert_eq!(
            storage::schema_version(db.conn()).expect("version"),
            schema::latest_version()
        );
        let upgraded = schema_of(db.conn());
        let only_old: Vec<_> = upgraded
            .iter()
            .filter(|o| !fresh_schema.contains(o))
            .collect();
        let only_new: Vec<_> = fresh_schema
            .iter()
            .filter(|o| !upgraded.contains(o))
            .collect();
        assert!(
            only_old.is_empty() && only_new.is_empty(),
            "schema {v} upgraded differs from a fresh one: {only_old:?} against {only_new:?}"
        );
        // The data of the old database is still there and readable.
        let rows = vipdesk::clients::service::list(&db).expect("list");
        assert!(!rows.is_empty(), "fixture {v} has clients");
        for r in &rows {
            vipdesk::clients::service::open(&db, r.id).expect("dossier of an upgraded client");
        }
        assert!(
            vipdesk::admin::service::check(&db)
                .expect("check")
                .is_empty()
        );
        // A verified backup of the old file was taken before migrating.
        let backups = storage::backup::list(&path).expect("list");
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert_eq!(backups[0].kind, storage::backup::Kind::Migration(v));
        let old = storage::backup::inspect(&backups[0].path, None).expect("a sound copy");
        assert_eq!(old.schema, v);
        assert!(old.counts.clients as usize >= rows.len());
    }
}

/// A migration runs only after a verified backup: when none can be made (here the backups
/// folder cannot be created) the file is not touched. A 0-byte `.bak` left by an older version
/// no longer passes for a backup.
#[test]
fn no_migration_without_a_verified_backup() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(4)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
    }
    std::fs::write(dir.path().join("old.db.schema4.bak"), b"").expect("empty bak");
    let blocker = storage::backups_dir(&path);
    std::fs::write(&blocker, b"a file where the folder should be").expect("blocker");
    let before = std::fs::read(&path).expect("read");
    let err = Db::open(&path).err().expect("refused");
    assert!(matches!(err, storage::StorageError::NoBackup(_)), "{err:?}");
    let message = vipdesk::i18n::describe(&err);
    assert!(message.contains("база не изменена"), "{message}");
    assert!(std::fs::read(&path).expect("read") == before, "untouched");
    // The way cleared, it upgrades with its backup.
    std::fs::remove_file(&blocker).expect("rm");
    let db = Db::open(&path).expect("upgrade");
    assert_eq!(
        storage::schema_version(db.conn()).expect("v"),
        schema::latest_version()
    );
    assert_eq!(storage::backup::list(&path).expect("list").len(), 1);
}

#[test]
fn a_newer_database_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("new.db");
    {
        let conn = Connection::open(&path).expect("open");
        conn.pragma_update(None, "user_version", 999)
            .expect("version");
    }
    let err = Db::open(&path).err().expect("refused");
    assert!(
        matches!(err, storage::StorageError::TooNew { found: 999, .. }),
        "{err}"
    );
    let message = vipdesk::i18n::describe(&err);
    assert!(message.contains("более новой версией"), "{message}");
}

fn sql_literal(v: ValueRef) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => format!("{f:?}"),
        ValueRef::Text(t) => format!("'{}'", String::from_utf8_lossy(t).replace('\'', "''")),
        ValueRef::Blob(b) => format!(
            "X'{}'",
            b.iter().map(|x| format!("{x:02X}")).collect::<String>()
        ),
    }
}

/// Writes the fixture of the schema just before the newest migration, with sample data.
#[test]
#[ignore = "run once when a migration is added"]
fn write_fixture() {
    let version = schema::latest_version() - 1;
    let mut conn = Connection::open_in_memory().expect("db");
    conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
    schema::migrations()
        .to_version(&mut conn, version)
        .expect("migrate");
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/sample_v{version}.sql")),
    )
    .expect("sample data for this version");
    conn.execute_batch(&sample).expect("sample data");
    let mut out = format!(
        "-- Schema {version} of vipdesk with sample data. Frozen: never edit.\nBEGIN;\n-- Rows may name rows of a table written after theirs.\nPRAGMA defer_foreign_keys = ON;\n"
    );
    let mut st = conn
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid")
        .expect("sql");
    let all: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("q")
        .collect::<Result<_, _>>()
        .expect("rows");
    // The shadow tables of a full-text index are made by its CREATE VIRTUAL TABLE: they are
    // not written, and the index is rebuilt from its content at the end.
    let fts: Vec<String> = all
        .iter()
        .filter(|(_, _, sql)| sql.contains("USING fts5"))
        .map(|(_, name, _)| name.clone())
        .collect();
    let objects: Vec<(String, String, String)> = all
        .into_iter()
        .filter(|(kind, name, _)| {
            kind != "table" || !fts.iter().any(|f| name.starts_with(&format!("{f}_")))
        })
        .collect();
    for (_, _, sql) in &objects {
        out.push_str(sql);
        out.push_str(";\n");
    }
    for (kind, name, _) in objects.iter().filter(|o| o.0 == "table") {
        let _ = kind;
        let mut st = conn
            .prepare(&format!("SELECT * FROM {name}"))
            .expect("select");
        let n = st.column_count();
        let mut rows = st.query([]).expect("rows");
        while let Some(r) = rows.next().expect("row") {
            let values: Vec<String> = (0..n)
                .map(|i| sql_literal(r.get_ref(i).expect("value")))
                .collect();
            out.push_str(&format!(
                "INSERT INTO {name} VALUES ({});\n",
                values.join(", ")
            ));
        }
    }
    for f in &fts {
        out.push_str(&format!("INSERT INTO {f} ({f}) VALUES ('rebuild');\n"));
    }
    out.push_str(&format!("PRAGMA user_version = {version};\nCOMMIT;\n"));
    std::fs::write(fixture_path(version), out).expect("write fixture");
}

/// Schema 5 keeps one live client per INN: a duplicate that two imports at once made before it
/// goes to the trash (the oldest stays), and it cannot come back while the INN is taken.
#[test]
fn live_duplicate_inns_go_to_the_trash_when_upgrading_to_schema_5() {
    use vipdesk::admin::{AdminError, TrashKind, service as admin};
    use vipdesk::domain::Actor;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v4.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(4)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
    }
    let mut db = Db::open(&path).expect("upgrade");
    let live: Vec<String> = vipdesk::clients::service::list(&db)
        .expect("list")
        .into_iter()
        .map(|r| r.short_name)
        .collect();
    assert_eq!(live, vec!["ООО «Ромашка»".to_string()]);
    let trash = admin::trash(&db).expect("trash");
    let copy = trash
        .iter()
        .find(|t| t.kind == TrashKind::Client && t.title == "ООО «Ромашка» (копия)")
        .expect("the duplicate is in the trash");
    let refused = admin::restore(&mut db, &Actor::SYSTEM, TrashKind::Client, copy.id);
    assert!(
        matches!(&refused, Err(AdminError::InnTaken { other }) if other == "ООО «Ромашка»"),
        "{refused:?}"
    );
    // The rhythm and the report of schema 4 are kept.
    let d = vipdesk::clients::service::open(&db, 1).expect("dossier");
    assert_eq!(d.client.call_every_days, Some(14));
    assert_eq!(
        vipdesk::contacts::service::list(&db, Some(1), None)
            .expect("reports")
            .len(),
        1
    );
}

/// Schema 11 gives every gift a status: one handed over before the upgrade is «вручён», one
/// planned is a draft; both keep their text.
#[test]
fn gifts_handed_before_the_orders_are_handed_after() {
    use vipdesk::greetings::{GiftStatus, service};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v10.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(10)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
    }
    let db = Db::open(&path).expect("upgrade");
    let gifts = service::gifts_of(&db, 1).expect("gifts");
    let status: Vec<(&str, GiftStatus)> =
        gifts.iter().map(|g| (g.item.as_str(), g.status)).collect();
    assert_eq!(
        status,
        vec![
            ("Ежедневник", GiftStatus::Draft),
            ("Набор «Орловский»", GiftStatus::Handed)
        ]
    );
    let ideas = service::ideas_of(&db, 1).expect("ideas");
    assert_eq!(ideas.len(), 1);
    assert!(!ideas[0].given);
}

/// Schema 12 moves every link a feature kept in another feature's table into its own: the
/// appeal's reply letter (with its role), its attached file and its call; a report's file and
/// the client's people at it (a join table instead of «1,2» searched with LIKE). Nothing is
/// lost, the borrowed columns are gone, and an unknown stored role is an error.
#[test]
fn links_move_into_the_tables_of_their_feature() {
    use vipdesk::appeals::{LetterRole, service as appeals};
    use vipdesk::contacts::service as contacts;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v11.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(11)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
    }
    let db = Db::open(&path).expect("upgrade");
    // The appeal: its reply letter, registered, and its file.
    let appeal = appeals::open(&db, 1).expect("appeal");
    let details = appeals::details(&db, &appeal).expect("details");
    let letters: Vec<(i64, LetterRole, &str)> = details
        .letters
        .iter()
        .map(|l| (l.letter_id, l.role, l.number.as_str()))
        .collect();
    assert_eq!(letters, vec![(2, LetterRole::Reply, "VIP-2")]);
    let files: Vec<&str> = details
        .attachments
        .iter()
        .map(|a| a.file_name.as_str())
        .collect();
    assert_eq!(files, vec!["счёт.pdf"]);
    assert_eq!(
        appeals::appeal_of_letter(&db, 2).expect("link"),
        Some((1, "ОБ-1/26".to_string()))
    );
    assert_eq!(appeals::appeal_of_letter(&db, 1).expect("none"), None);
    // The reports: the people at each, in order, and the meeting's file.
    assert_eq!(
        contacts::open(&db, 1).expect("meeting").client_people,
        vec![1]
    );
    assert_eq!(
        contacts::open(&db, 2).expect("call").client_people,
        vec![1, 2]
    );
    let meeting_files: Vec<String> = contacts::attachments(&db, 1)
        .expect("files")
        .into_iter()
        .map(|(_, name, _)| name)
        .collect();
    assert_eq!(meeting_files, vec!["презентация.pdf".to_string()]);
    let people = contacts::open(&db, 2).expect("call").client_people;
    assert_eq!(people, vec![1, 2]);
    let call_of_appeal: i64 = db
        .conn()
        .query_row(
            "SELECT meeting_id FROM appeal_calls WHERE appeal_id = 1",
            [],
            |r| r.get(0),
        )
        .expect("the call stays linked to its appeal");
    assert_eq!(call_of_appeal, 2);
    // The borrowed columns are gone.
    for (table, column) in [
        ("letters", "appeal_id"),
        ("letters", "appeal_role"),
        ("records", "appeal_id"),
        ("records", "meeting_id"),
        ("meetings", "appeal_id"),
        ("meetings", "client_people"),
    ] {
        let n: i64 = db
            .conn()
            .query_row(
                &format!("SELECT count(*) FROM pragma_table_info('{table}') WHERE name = ?1"),
                [column],
                |r| r.get(0),
            )
            .expect("columns");
        assert_eq!(n, 0, "{table}.{column}");
    }
    // Saving the call with one person less keeps the order and drops only that person.
    let mut call = contacts::open(&db, 2).expect("call");
    call.client_people = vec![2];
    let mut db = db;
    contacts::save(&mut db, &vipdesk::domain::Actor::SYSTEM, &call).expect("saved");
    assert_eq!(contacts::open(&db, 2).expect("call").client_people, vec![2]);
    // A role this version does not know is an error, not «no appeal».
    db.conn()
        .execute(
            "UPDATE appeal_letters SET role = '' WHERE letter_id = 2",
            [],
        )
        .expect("role");
    let err = appeals::appeal_of_letter(&db, 2).expect_err("unknown role");
    assert!(
        matches!(err, storage::StorageError::UnknownCode(_)),
        "{err:?}"
    );
}

/// A link that names no record (written behind the program's back) cannot be carried over:
/// the upgrade goes on without it instead of stopping every command.
#[test]
fn a_dangling_link_does_not_stop_the_upgrade() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v11.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(11)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF; UPDATE letters SET appeal_id = 999, appeal_role = 'reply' WHERE id = 1;",
        )
        .expect("dangling");
    }
    let db = Db::open(&path).expect("upgrade");
    assert_eq!(
        vipdesk::appeals::service::appeal_of_letter(&db, 1).expect("read"),
        None
    );
    assert_eq!(
        vipdesk::appeals::service::appeal_of_letter(&db, 2).expect("read"),
        Some((1, "ОБ-1/26".to_string()))
    );
    let appeals =
        vipdesk::appeals::service::list(&db, &vipdesk::appeals::AppealFilter::default(), 10)
            .expect("list")
            .0;
    assert_eq!(
        appeals[0].received_at.date(),
        chrono::NaiveDate::from_ymd_opt(2026, 10, 5).expect("date")
    );
}

/// Schema 13 puts the answer typed on the appeal's card into the shipped reply template: a
/// reply drafted after the upgrade says it, where before it said «сообщаем следующее.» and
/// nothing more.
#[test]
fn the_shipped_reply_says_the_typed_answer_after_the_upgrade() {
    use vipdesk::appeals::service as appeals;
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v12.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(12)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
    }
    let mut db = Db::open(&path).expect("upgrade");
    let template = vipdesk::letters::service::template(&db, "reply_appeal")
        .expect("q")
        .expect("template");
    assert!(
        template.body.contains("{{ appeal.answer }}"),
        "{}",
        template.body
    );
    let actor = vipdesk::domain::Actor::SYSTEM;
    let letter =
        appeals::reply_letter(&mut db, &actor, 2, "Акт сверки направлен.", "").expect("reply");
    let body = vipdesk::letters::service::open(&db, letter)
        .expect("letter")
        .body;
    assert!(
        body.contains("сообщаем следующее.\n\nАкт сверки направлен."),
        "{body}"
    );
}

/// Schema 19 (issue 22 points 2 and 4): the shipped templates a manager left as they were
/// decline the client's name, name the service offered, and give the day an appeal was
/// registered; a template the manager edited is kept as edited.
#[test]
fn the_shipped_templates_decline_the_client_after_the_upgrade() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v18.db");
    {
        let conn = Connection::open(&path).expect("open");
        let sql = std::fs::read_to_string(fixture_path(18)).expect("fixture");
        conn.execute_batch(&sql).expect("load fixture");
        conn.execute(
            "UPDATE templates SET body = body || ' Ждём Вас.' WHERE code = 'meeting_invitation'",
            [],
        )
        .expect("a manager's edit");
    }
    let db = Db::open(&path).expect("upgrade");
    let body = |code: &str| {
        vipdesk::letters::service::template(&db, code)
            .expect("q")
            .expect("template")
            .body
    };
    assert!(body("tariff_change").contains("Для {{ client.name_genitive }}"));
    assert!(body("new_service").contains("{{ fields.service }}"));
    assert!(body("new_service").contains("{{ client.name_dative }}"));
    assert!(body("appeal_registered").contains("зарегистрировано {{ appeal.registered }}"));
    let edited = body("meeting_invitation");
    assert!(edited.ends_with("Ждём Вас."), "{edited}");
    assert!(edited.contains("{{ client.short_name }}"), "{edited}");
}
