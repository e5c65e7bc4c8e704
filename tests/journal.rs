//! The journal of changes: one edit of every dossier section journalled with who, when, which
//! record and which fields (old → new); trash and restore; the chain that `check` verifies; a
//! restore from a backup journalled.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use serde_json::json;
use vipdesk::clients::{self, Dossier};
use vipdesk::domain::Id;
use vipdesk::storage::Db;
use vipdesk::storage::journal::{self, Action, ChainProblem, Entry, Filter};

fn entries(db: &Db, client: Id) -> Vec<Entry> {
    journal::list(
        db.conn(),
        &Filter {
            client_id: Some(client),
            limit: 1000,
            ..Default::default()
        },
    )
    .expect("journal")
}

/// The newest entry of `kind` for the client.
fn last<'a>(all: &'a [Entry], kind: &str) -> &'a Entry {
    all.iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} in the journal: {all:#?}"))
}

fn change(e: &Entry, field: &str) -> serde_json::Value {
    e.changes
        .get(field)
        .cloned()
        .unwrap_or_else(|| panic!("{field} not in {:?}", e.changes))
}

fn save(db: &mut Db, me: Id, d: &Dossier) -> Id {
    clients::service::save(db, &common::actor(me), d).expect("saved")
}

#[test]
fn one_edit_of_every_dossier_section_is_journalled() {
    let (mut db, clock) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let catalogs = vipdesk::admin::service::catalogs(&db).expect("catalogs");
    let mut d = Dossier {
        client: clients::Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    let id = save(&mut db, me, &d);
    let created = last(&entries(&db, id), "clients").clone();
    assert_eq!(created.action, Action::Create);
    assert_eq!(created.author_id, Some(me));
    assert_eq!(created.at, "2026-11-25T12:00:00.000Z");
    assert_eq!(change(&created, "short_name"), json!([null, "АО «Альфа»"]));

    // The enterprise: a field old → new.
    clock.advance(chrono::Duration::minutes(1));
    d = clients::service::open(&db, id).expect("load");
    d.client.legal_address = "г. Орёл, ул. Ленина, 1".into();
    save(&mut db, me, &d);
    let e = last(&entries(&db, id), "clients").clone();
    assert_eq!(e.action, Action::Update);
    assert_eq!(
        change(&e, "legal_address"),
        json!(["", "г. Орёл, ул. Ленина, 1"])
    );
    assert_eq!(e.changes.len(), 1, "only what changed: {:?}", e.changes);

    // Every section of the dossier, one edit each.
    d = clients::service::open(&db, id).expect("load");
    d.vip.push(clients::VipYear {
        year: 2026,
        included: true,
        ..Default::default()
    });
    d.people.push(clients::Person {
        surname: "Иванов".into(),
        name: "Иван".into(),
        position: "Генеральный директор".into(),
        phones: vipdesk::domain::validate::parse_phone_list("+7 4862 44-02-01").expect("phone"),
        ..Default::default()
    });
    d.owners.push(clients::Owner {
        name: "ООО «Холдинг»".into(),
        share: Some(51.0),
        ..Default::default()
    });
    d.services.push(clients::ClientService {
        service_id: catalogs.services[0].id,
        start: Some(common::d(2026, 1, 1)),
        ..Default::default()
    });
    d.projects.push(clients::Project {
        title: "Замена счётчиков".into(),
        stages: vec![clients::Stage {
            title: "Обследование".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    d.indicators
        .insert((catalogs.indicator_kinds[0].id, (2026, 10)), 1234.5);
    d.records.push(clients::Record {
        date: Some(common::d(2026, 11, 20)),
        subject: "Письмо о графике".into(),
        ..Default::default()
    });
    save(&mut db, me, &d);
    let all = entries(&db, id);
    for (kind, field, value) in [
        ("vip_years", "year", json!(2026)),
        ("people", "surname", json!("Иванов")),
        ("person_phones", "number", json!("+74862440201")),
        ("owners", "share", json!(51.0)),
        ("client_services", "start_date", json!("2026-01-01")),
        ("projects", "title", json!("Замена счётчиков")),
        ("project_stages", "title", json!("Обследование")),
        ("indicator_values", "value", json!(1234.5)),
        ("records", "subject", json!("Письмо о графике")),
    ] {
        let e = last(&all, kind);
        assert_eq!(e.action, Action::Create, "{kind}");
        assert_eq!(e.client_id, Some(id), "{kind} is the client's");
        assert_eq!(change(e, field), json!([null, value]), "{kind}");
    }

    // An edit and a removal of a row.
    d = clients::service::open(&db, id).expect("load");
    d.people[0].position = "Директор".into();
    d.owners.clear();
    save(&mut db, me, &d);
    let all = entries(&db, id);
    assert_eq!(
        change(last(&all, "people"), "position"),
        json!(["Генеральный директор", "Директор"])
    );
    let owner = last(&all, "owners");
    assert!(
        matches!(owner.action, Action::Delete | Action::Erase),
        "{owner:?}"
    );

    // To the trash and back.
    clients::service::delete(&mut db, &common::actor(me), id).expect("delete");
    assert_eq!(last(&entries(&db, id), "clients").action, Action::Delete);
    vipdesk::admin::service::restore(
        &mut db,
        &common::actor(me),
        vipdesk::admin::TrashKind::Client,
        id,
    )
    .expect("restore");
    assert_eq!(last(&entries(&db, id), "clients").action, Action::Restore);
    assert!(journal::verify(db.conn()).expect("verify").is_empty());
}

/// Rows altered, removed or cut off behind the program's back are found; `check` fails.
#[test]
fn a_tampered_journal_is_found() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 12);
    let file = dir.path().join("one.csv");
    std::fs::write(
        &file,
        "Краткое наименование;ИНН\nАО «Первый»;7707083893\nАО «Второй»;5751001230\nАО «Третий»;5753001475\n",
    )
    .expect("csv");
    let o = common::vipdesk(&path, &["import", "clients", file.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = common::vipdesk(&path, &["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));

    let sql = |q: &str| {
        rusqlite::Connection::open(&path)
            .expect("open")
            .execute_batch(q)
            .expect(q);
    };
    let problems = || {
        let db = Db::open_existing(&path).expect("open");
        journal::verify(db.conn()).expect("verify")
    };
    // An INN rewritten in the journal.
    sql("UPDATE journal SET changes = replace(changes, '7707083893', '7707083894') WHERE id = 2");
    assert_eq!(problems(), vec![ChainProblem::Altered(2)]);
    let o = common::vipdesk(&path, &["check"]);
    assert!(!o.status.success());
    assert!(
        common::stdout(&o).contains("Журнал изменений: запись 2 изменена"),
        "{}",
        common::stdout(&o)
    );
    sql("UPDATE journal SET changes = replace(changes, '7707083894', '7707083893') WHERE id = 2");
    assert!(problems().is_empty());
    // The last row removed.
    sql("DELETE FROM journal WHERE id = (SELECT max(id) FROM journal)");
    assert!(
        matches!(problems()[..], [ChainProblem::Truncated { .. }]),
        "{:?}",
        problems()
    );
    let o = common::vipdesk(&path, &["check"]);
    assert!(
        common::stdout(&o).contains("конец журнала"),
        "{}",
        common::stdout(&o)
    );
    // A row in the middle removed.
    sql("DELETE FROM journal WHERE id = 2");
    assert!(
        problems().contains(&ChainProblem::Broken(3)),
        "{:?}",
        problems()
    );
    // The whole journal deleted, rows and head.
    sql("DELETE FROM journal; DELETE FROM journal_head");
    assert_eq!(problems(), vec![ChainProblem::HeadMissing { rows: 0 }]);
    let o = common::vipdesk(&path, &["check"]);
    assert!(!o.status.success());
    assert!(
        common::stdout(&o).contains("удалён его заголовок"),
        "{}",
        common::stdout(&o)
    );
}

/// A script that edits a journal row and recomputes every hash after it passes the chain, but
/// not `check`: the copy in the backups folder anchors it. A direct `UPDATE` of a table (the demo
/// data's included, which the journal never saw row by row) is found, and by its record and
/// field where the journal knows the record. A restore from an older copy is no false alarm.
#[test]
fn a_recomputed_chain_and_a_direct_edit_are_found() {
    use sha2::{Digest as _, Sha256};
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 12);
    let file = dir.path().join("one.csv");
    std::fs::write(
        &file,
        "Краткое наименование;ИНН\nАО «Первый»;7707083893\nАО «Второй»;5751001230\n",
    )
    .expect("csv");
    let run = |args: &[&str]| common::vipdesk(&path, args);
    let o = run(&["import", "clients", file.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["backup"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
    let sql = |q: &str| {
        rusqlite::Connection::open(&path)
            .expect("open")
            .execute_batch(q)
            .expect(q);
    };
    let checked = |words: &str| {
        let o = run(&["check"]);
        assert!(!o.status.success(), "{words}: {}", common::stdout(&o));
        assert!(
            common::stdout(&o).contains(words),
            "{words}: {}",
            common::stdout(&o)
        );
    };

    // A demo client's INN changed directly, and put back.
    let demo_inn: String = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row("SELECT inn FROM clients WHERE id = 1", [], |r| r.get(0))
        .expect("inn");
    sql("UPDATE clients SET inn = '7736050003' WHERE id = 1");
    checked("изменены в обход программы");
    sql(&format!(
        "UPDATE clients SET inn = '{demo_inn}' WHERE id = 1"
    ));
    let o = run(&["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
    // A counter of numbers rewound (the next letter would take a number given before).
    sql("UPDATE letter_counters SET last = last - 1");
    checked("изменены в обход программы");
    sql("UPDATE letter_counters SET last = last + 1");
    // The schema: a trigger added, an index dropped.
    sql("CREATE TRIGGER hidden AFTER UPDATE ON clients BEGIN SELECT 1; END");
    checked("лишний объект (триггер «hidden»)");
    sql("DROP TRIGGER hidden; DROP INDEX clients_inn_live");
    checked("нет объекта (индекс «clients_inn_live»)");
    sql(
        "CREATE UNIQUE INDEX clients_inn_live ON clients(inn) WHERE deleted_at IS NULL AND inn <> ''",
    );

    // A journalled client's INN changed directly: named by its record and field.
    let (first, mut journalled_inn): (i64, String) = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row(
            "SELECT id, inn FROM clients WHERE short_name = 'АО «Первый»'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("first");
    sql(&format!(
        "UPDATE clients SET inn = '7736050003' WHERE id = {first}"
    ));
    checked(&format!("запись {first}: поле «ИНН»"));
    sql(&format!(
        "UPDATE clients SET inn = '{journalled_inn}' WHERE id = {first}"
    ));

    // The 25-line script: the journal's INN and the row edited, every hash after recomputed.
    journalled_inn = journalled_inn.replace("7707083893", "7707083894");
    sql(&format!(
        "UPDATE clients SET inn = '{journalled_inn}' WHERE id = {first};
         UPDATE journal SET changes = replace(changes, '7707083893', '7707083894')"
    ));
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        type Row = (
            i64,
            String,
            Option<i64>,
            String,
            Option<i64>,
            Option<i64>,
            String,
            String,
        );
        let rows: Vec<Row> = conn
            .prepare("SELECT id, at, author_id, kind, record_id, client_id, action, changes FROM journal ORDER BY id")
            .expect("sql")
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
            })
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut prev = String::new();
        for (id, at, by, kind, record, client, action, changes) in rows {
            let text = format!(
                "{prev}\n{id}\n{at}\n{}\n{kind}\n{}\n{}\n{action}\n{changes}",
                opt(by),
                opt(record),
                opt(client)
            );
            let hash: String = Sha256::digest(text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            conn.execute(
                "UPDATE journal SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
                rusqlite::params![prev, hash, id],
            )
            .expect("hash");
            prev = hash;
        }
        conn.execute("UPDATE journal_head SET hash = ?1", [&prev])
            .expect("head");
    }
    {
        let db = Db::open_existing(&path).expect("open");
        assert!(journal::verify(db.conn()).expect("verify").is_empty());
    }
    checked("не сходится с резервной копией");

    // Restored from the copy: sound again, and a later copy of the abandoned history is no
    // alarm once the database goes back to the older one.
    let copies: Vec<std::path::PathBuf> = vipdesk::storage::backup::list(&path)
        .expect("backups")
        .into_iter()
        .map(|c| c.path)
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let o = run(&["restore", copies[0].to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
    let o = run(&["import", "clients", file.to_str().expect("p"), "--update"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["backup"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["restore", copies[0].to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
    // Restored from another database's copy: the copies of this one's history anchor nothing.
    let other = dir.path().join("other.db");
    common::demo_db(&other, 12);
    let o = common::vipdesk(&other, &["import", "clients", file.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["restore", other.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = run(&["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
}

/// A restore from a backup is itself journalled, in the restored database's chain.
#[test]
fn a_restore_from_a_backup_is_journalled() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 12);
    let copy = dir.path().join("copy.db");
    let o = common::vipdesk(&path, &["backup", "--out", copy.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = common::vipdesk(&path, &["restore", copy.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let db = Db::open_existing(&path).expect("open");
    let all = journal::list(
        db.conn(),
        &Filter {
            limit: 10,
            ..Default::default()
        },
    )
    .expect("journal");
    assert_eq!(all[0].action, Action::RestoreBackup);
    assert_eq!(all[0].kind, "database");
    assert_eq!(change(&all[0], "file"), json!([null, "copy.db"]));
    assert_eq!(all[0].author_id, None::<Id>);
    assert!(journal::verify(db.conn()).expect("verify").is_empty());
}

/// Every journalled table and column of the current schema has its words; every code a
/// column's CHECK allows says itself in Russian; every id column names the record's table.
#[test]
fn every_journalled_table_column_and_code_has_its_words() {
    use vipdesk::i18n::journal::{code_label, is_code, reference};
    use vipdesk::words::{journal_field, journal_kind};
    let db = Db::open_in_memory().expect("db");
    let tables: Vec<(String, String)> = {
        let mut st = db
            .conn()
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .expect("sql");
        st.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        })
        .expect("q")
        .collect::<Result<_, _>>()
        .expect("rows")
    };
    let not_journalled = [
        "journal",
        "journal_head",
        "letter_counters",
        "appeal_counters",
        "merges",
    ];
    // The sync's own bookkeeping (`storage::replica`) is not journalled either.
    let is_sync = |t: &str| t.starts_with("sync_");
    let bookkeeping = [
        "id",
        "uuid",
        "created_at",
        "updated_at",
        "author_id",
        "row_version",
        "sort",
        "password_hash",
    ];
    let mut missing = Vec::new();
    for (table, _) in &tables {
        if not_journalled.contains(&table.as_str())
            || table.starts_with("appeals_fts")
            || is_sync(table)
        {
            continue;
        }
        if journal_kind(table) == table {
            missing.push(format!("table {table}"));
        }
        let mut st = db
            .conn()
            .prepare(&format!("PRAGMA table_info({table})"))
            .expect("info");
        let columns: Vec<String> = st
            .query_map([], |r| r.get(1))
            .expect("q")
            .collect::<Result<_, _>>()
            .expect("cols");
        for c in columns
            .iter()
            .filter(|c| !bookkeeping.contains(&c.as_str()))
        {
            if journal_field(table, c).is_none() {
                missing.push(format!("{table}.{c}"));
            }
            // (`message_id` is an e-mail's own identifier, not a record's.)
            let id_column = c.ends_with("_id") && c != "message_id" || c == "version_of";
            if id_column && reference(table, c).is_none() {
                missing.push(format!("{table}.{c} names no table"));
            }
        }
    }
    // The codes of every CHECK (column IN (…)), read from the schema itself.
    for (table, sql) in &tables {
        for part in sql.split("CHECK (").skip(1) {
            let Some((column, rest)) = part.split_once(" IN (") else {
                continue;
            };
            let column = column.trim();
            let list = rest.split(')').next().unwrap_or_default();
            assert!(is_code(table, column), "{table}.{column} is a code column");
            for code in list.split(',').map(|c| c.trim().trim_matches('\'')) {
                if code.is_empty() {
                    continue;
                }
                if code_label(table, column, code).is_none() {
                    missing.push(format!("{table}.{column} = {code}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no words for: {missing:?}");
}

/// The demo's one entry says what it loaded in words.
#[test]
fn the_demos_entry_says_its_counts_in_words() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 12);
    let db = Db::open_existing(&path).expect("db");
    let changes: String = db
        .conn()
        .query_row("SELECT changes FROM journal WHERE kind = 'demo'", [], |r| {
            r.get(0)
        })
        .expect("the demo's entry");
    let changes: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&changes).expect("json");
    assert!(!changes.is_empty());
    for key in changes.keys() {
        assert!(
            vipdesk::words::journal_field("demo", key).is_some(),
            "no words for the demo's «{key}»"
        );
    }
}

/// Counts of five digits and more read with their thousands apart («20 000»); a year does not.
#[test]
fn journal_numbers_read_as_russian_writes_them() {
    use vipdesk::i18n::journal_value;
    assert_eq!(journal_value(&json!(20000)), "20\u{a0}000");
    assert_eq!(journal_value(&json!(2026)), "2026");
    assert_eq!(journal_value(&json!(-101358)), "-101\u{a0}358");
}

/// `check` reads the copies in the backups folder without writing beside them: a copy in WAL
/// mode gets no `-shm` or `-wal`.
#[test]
fn check_leaves_nothing_beside_the_copies() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 12);
    let o = common::vipdesk(&path, &["backup"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let copies = vipdesk::storage::backup::list(&path).expect("list");
    {
        let conn = rusqlite::Connection::open(&copies[0].path).expect("copy");
        let _: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .expect("wal");
    }
    let o = common::vipdesk(&path, &["check"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
    let folder = copies[0].path.parent().expect("folder");
    let names: Vec<String> = std::fs::read_dir(folder)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with("-shm") && !n.ends_with("-wal")),
        "{names:?}"
    );
}
