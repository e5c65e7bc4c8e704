//! Stored settings: a field missing takes its default, a field that does not read is an error
//! naming the setting and the field — on the command line, in `check` and in the window — never
//! the default in silence.

use std::path::Path;

use crate::common::{self, stderr, stdout, vipdesk};
use vipdesk::storage::Db;

/// Runs one SQL statement on the database file (another program, or a damaged disk).
fn sql(db: &Path, statement: &str) {
    rusqlite::Connection::open(db)
        .expect("open")
        .execute(statement, [])
        .expect("sql");
}

fn deadline(db: &Path) -> std::process::Output {
    vipdesk(db, &["gifts", "order-deadline", "--date", "2027-03-08"])
}

/// The issue's own case: a lead time of 12 working days, then another field of the same row
/// stored as a number.
#[test]
fn a_field_of_the_wrong_type_is_an_error_not_the_default() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    sql(
        &db,
        "UPDATE settings SET value = json_set(value, '$.order_working_days', 12) WHERE key = 'greetings'",
    );
    let o = deadline(&db);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "2027-02-17");

    sql(
        &db,
        "UPDATE settings SET value = json_set(value, '$.call_before', 1200) WHERE key = 'greetings'",
    );
    let o = deadline(&db);
    assert!(!o.status.success(), "{}", stdout(&o));
    assert!(
        !stdout(&o).contains("2027-02-19"),
        "no default: {}",
        stdout(&o)
    );
    let err = stderr(&o);
    assert!(err.contains("Регламент поздравлений"), "{err}");
    assert!(err.contains("call_before"), "{err}");

    let o = vipdesk(&db, &["check"]);
    assert!(!o.status.success());
    let said = stdout(&o) + &stderr(&o);
    assert!(said.contains("Регламент поздравлений"), "{said}");
    assert!(said.contains("call_before"), "{said}");
    assert!(!said.contains("Проблем не найдено"), "{said}");
}

/// A field missing from what was saved (an older version saved it) takes its default; the
/// rest of the row is kept.
#[test]
fn a_missing_field_takes_its_default_and_keeps_the_rest() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    sql(
        &db,
        "UPDATE settings SET value = json_remove(json_set(value, '$.order_working_days', 12), '$.call_before') WHERE key = 'greetings'",
    );
    // As the older version saved it: through the program, whose digest of the rows moved.
    {
        let conn = rusqlite::Connection::open(&db).expect("open");
        vipdesk::storage::journal_proof::store_digest(&conn).expect("digest");
    }
    let o = deadline(&db);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "2027-02-17");
    let o = vipdesk(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

/// Every setting of the program: one that does not read is named by `check`, by the service
/// that needs it, and by the window's band — the letterhead never comes out blank.
#[test]
fn every_setting_that_does_not_read_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    {
        // The demo saves some settings; every one is saved here.
        let mut d = Db::open(&db).expect("db");
        let actor = vipdesk::domain::Actor::SYSTEM;
        let policy = vipdesk::admin::backups::policy(&d).expect("policy");
        vipdesk::admin::backups::save_policy(&mut d, &actor, &policy).expect("policy");
        let s = vipdesk::appeals::service::settings(&d).expect("appeals");
        vipdesk::appeals::service::save_settings(&mut d, &actor, &s).expect("appeals");
        let company = vipdesk::admin::service::company(&d).expect("company");
        vipdesk::admin::service::save_company(&mut d, &actor, &company).expect("company");
        let limits = vipdesk::greetings::Limits::default();
        vipdesk::greetings::service::set_limits(&mut d, &actor, 2027, &limits, false)
            .expect("limits");
    }
    for (key, path, value, name) in [
        ("company", "$.inn", "7", "Реквизиты бланка"),
        ("backups", "$.daily", "'семь'", "Резервные копии"),
        (
            "appeals",
            "$.due_soon_days",
            "'3'",
            "Сроки и тематики обращений",
        ),
        ("gift_limits", "$.2027.matrix", "'много'", "Лимиты подарков"),
    ] {
        let copy = dir.path().join(format!("{key}.db"));
        std::fs::copy(&db, &copy).expect("copy");
        sql(
            &copy,
            &format!(
                "UPDATE settings SET value = json_set(value, '{path}', {value}) WHERE key = '{key}'"
            ),
        );
        let o = vipdesk(&copy, &["check"]);
        assert!(!o.status.success(), "{key}: {}", stdout(&o));
        let said = stdout(&o) + &stderr(&o);
        assert!(said.contains(name), "{key}: {said}");
        let d = Db::open(&copy).expect("db");
        let unreadable = d.unreadable_settings().expect("settings");
        assert_eq!(unreadable.len(), 1, "{key}: {unreadable:?}");
        assert_eq!(unreadable[0].key, key);
    }
    // The letterhead of a letter: its requisites do not read, the PDF is refused.
    let copy = dir.path().join("letter.db");
    std::fs::copy(&db, &copy).expect("copy");
    sql(
        &copy,
        "UPDATE settings SET value = json_set(value, '$.name', 12) WHERE key = 'company'",
    );
    let o = vipdesk(&copy, &["letter", "list", "--json"]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&o).lines().next().expect("a letter")).expect("json");
    let id = first["id"].to_string();
    let out = dir.path().join("l.pdf");
    let o = vipdesk(
        &copy,
        &[
            "letter",
            "render",
            "--id",
            &id,
            "--out",
            out.to_str().expect("p"),
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Реквизиты бланка"), "{}", stderr(&o));
    assert!(!out.exists());
}

/// What a hostile review found: an array read by position, values the program cannot work
/// with, a value that is not text, a code this version does not know — each is named by
/// `check` and by the window's band (which opens), never read as something else.
#[test]
fn arrays_absurd_values_blobs_and_unknown_codes_do_not_read() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    for (key, statement, field) in [
        (
            "greetings",
            "UPDATE settings SET value = '[[30,40],50,5,7,14,12]' WHERE key = 'greetings'",
            "",
        ),
        (
            "greetings",
            "UPDATE settings SET value = json_set(value, '$.order_working_days', 4294967295) WHERE key = 'greetings'",
            "order_working_days",
        ),
        (
            "greetings",
            "UPDATE settings SET value = json_set(value, '$.call_before', '99:99') WHERE key = 'greetings'",
            "call_before",
        ),
        (
            "backups",
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('backups', '{\"daily\": 4294967295}')",
            "daily",
        ),
        (
            "company",
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('company', X'7b7d')",
            "",
        ),
        (
            "appeals",
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('appeals', '{\"rules\": [{\"kind\": \"claim\", \"client\": \"legal\", \"days\": 20}]}')",
            "rules[0]",
        ),
        (
            "appeals",
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('appeals', '{\"due_soon_days\": 4294967295}')",
            "due_soon_days",
        ),
        (
            "gift_limits",
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('gift_limits', '{\"2027\": {\"matrix\": [[-1,0,0],[0,0,0],[0,0,0]]}}')",
            "2027",
        ),
    ] {
        let copy = dir.path().join("copy.db");
        std::fs::copy(&db, &copy).expect("copy");
        sql(&copy, statement);
        let o = vipdesk(&copy, &["check"]);
        assert!(!o.status.success(), "{statement}");
        let said = stdout(&o) + &stderr(&o);
        assert!(said.contains(&format!("({key}")), "{statement}: {said}");
        assert!(!said.contains("Проблем не найдено"), "{statement}: {said}");
        let d = Db::open(&copy).expect("db");
        let unreadable = d.unreadable_settings().expect("every setting is looked at");
        assert_eq!(unreadable.len(), 1, "{statement}: {unreadable:?}");
        assert_eq!(
            (unreadable[0].key, unreadable[0].field.as_str()),
            (key, field)
        );
        // The window opens and names it.
        let app = vipdesk::ui::App::new(d, vipdesk::ui::Prefs::default()).expect("window");
        assert_eq!(app.view.unreadable.len(), 1, "{statement}");
        std::fs::remove_file(&copy).expect("rm");
    }
    // The same order lead time that read before now does not: no 2012 date.
    sql(
        &db,
        "UPDATE settings SET value = json_set(value, '$.order_working_days', 4294967295) WHERE key = 'greetings'",
    );
    let o = deadline(&db);
    assert!(!o.status.success(), "{}", stdout(&o));
}

/// A setting that does not read opens in its editor with every field that still reads: only
/// the broken field shows its default, so saving it there loses nothing else.
#[test]
fn the_editor_of_an_unreadable_setting_keeps_what_reads() {
    let (mut db, _) = common::db();
    let actor = vipdesk::domain::Actor::SYSTEM;
    let reg = vipdesk::greetings::Regulation {
        director_name: "А.Н. Орлов".into(),
        jubilee_every: 6,
        ..Default::default()
    };
    vipdesk::greetings::service::set_regulation(&mut db, &actor, &reg).expect("saved");
    let limits = vipdesk::greetings::Limits::proportional([5_500.0, 3_000.0, 1_500.0]);
    vipdesk::greetings::service::set_limits(&mut db, &actor, 2026, &limits, false).expect("set");
    let earlier = vipdesk::greetings::Limits::proportional([4_000.0, 2_000.0, 1_000.0]);
    vipdesk::greetings::service::set_limits(&mut db, &actor, 2025, &earlier, false).expect("set");
    db.conn()
        .execute_batch(
            "UPDATE settings SET value = json_set(value, '$.order_working_days', 'десять') WHERE key = 'greetings';
             UPDATE settings SET value = json_set(value, '$.2027', json('{\"matrix\": \"много\"}')) WHERE key = 'gift_limits';",
        )
        .expect("damaged");
    let edit = vipdesk::greetings::service::regulation_to_edit(&db).expect("read");
    assert!(edit.unreadable.is_some());
    assert_eq!(edit.value.director_name, "А.Н. Орлов");
    assert_eq!(edit.value.jubilee_every, 6);
    assert_eq!(
        edit.value.order_working_days, 10,
        "only the broken field is the default"
    );
    let edit = vipdesk::greetings::service::limits_to_edit(&db, 2026).expect("read");
    assert!(edit.unreadable.is_some());
    assert_eq!(
        edit.value,
        (limits, true),
        "another year's damage keeps this year"
    );
}
