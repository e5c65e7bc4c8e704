//! What keeps the department's sync whole against a second instance, a server vipdesk did not
//! make, and a workstation that lies about whose client a record is (#21's hostile review).
#![allow(clippy::expect_used)]

use vipdesk::server::{ServerError, sync};
use vipdesk::storage::Db;
use vipdesk::words::server as ws;

use crate::common;
use crate::server::{Pg, add_user, initialised, manager_uuid};
use crate::sync::{Dept, PASSWORD};

fn run_sync(path: &std::path::Path, args: &[&str]) -> std::process::Output {
    crate::sync::sync_process(path, args, None)
}

/// A sync (or a join) of a database file another window or command is syncing does not run:
/// it says so in words, and the next one goes through. Two joins of one file started together:
/// one joins, the other says why it did not.
#[test]
fn two_syncs_of_one_database_never_run_at_once() {
    let Some(dept) = Dept::new("two_syncs_of_one_database_never_run_at_once") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let hold = vipdesk::files::hold_beside(&m2, "-sync")
        .expect("lock file")
        .expect("nobody holds it");
    let mut db = Db::open_existing(&m2).expect("open");
    let e = sync::sync(&mut db, PASSWORD, &mut |_| {}).expect_err("another sync runs");
    assert!(matches!(e, ServerError::Busy), "{e:?}");
    let o = run_sync(&m2, &[]);
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains(ws::ERR_SYNC_BUSY),
        "{}",
        common::stderr(&o)
    );
    // Not noted as the sync's error: the other sync's outcome is the one to show.
    assert_eq!(sync::status(&db).expect("status").last_error, None);
    drop(hold);
    sync::sync(&mut db, PASSWORD, &mut |_| {}).expect("the next one goes through");
    drop(db);

    let url = dept.pg.tcp_url();
    let own = dept.dir.path().join("own.db");
    let o = common::vipdesk(&own, &["demo", "--clients", "3"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let join = ["join", "--url", &url, "--login", &dept.managers[1]];
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| run_sync(&own, &join));
        let b = s.spawn(|| run_sync(&own, &join));
        (a.join().expect("a"), b.join().expect("b"))
    });
    let joined = [&a, &b].iter().filter(|o| o.status.success()).count();
    assert_eq!(joined, 1, "{}\n{}", common::stderr(&a), common::stderr(&b));
    for o in [&a, &b] {
        if !o.status.success() {
            let e = common::stderr(o);
            assert!(
                e.contains(ws::ERR_SYNC_BUSY) || e.contains(ws::ERR_SYNC_ALREADY_JOINED),
                "{e}"
            );
        }
    }
}

/// A server `server init` has not been run on asks for it; a server a newer vipdesk made asks
/// for a newer vipdesk (not for `server init`, which cannot help), from a join and from
/// `add-user` alike.
#[test]
fn a_server_vipdesk_did_not_make_is_named_in_words() {
    let Some(mut pg) = Pg::new("a_server_vipdesk_did_not_make_is_named_in_words") else {
        return;
    };
    let login = pg.role("early");
    let mut admin = postgres::Client::connect(&pg.url(), postgres::NoTls).expect("admin");
    admin
        .batch_execute(&format!(
            "CREATE ROLE \"{login}\" LOGIN PASSWORD '{PASSWORD}'"
        ))
        .expect("role");
    let dir = tempfile::tempdir().expect("tmp");
    let mut db = Db::open(&dir.path().join("w.db")).expect("db");
    let e =
        sync::join(&mut db, &pg.tcp_url(), &login, PASSWORD, &mut |_| {}).expect_err("no schema");
    assert!(matches!(e, ServerError::NotReady { found: 0, .. }), "{e:?}");
    assert!(
        vipdesk::i18n::err(e).to_string().contains("server init"),
        "asks for server init"
    );

    let (_dir, head_db) = initialised(&pg);
    let head = pg.role("boss");
    add_user(&head_db, &pg.url(), &head, "1", true);
    admin
        .batch_execute(
            "INSERT INTO server_migrations (version) SELECT max(version) + 1 FROM server_migrations",
        )
        .expect("a newer schema");
    let e =
        sync::join(&mut db, &pg.tcp_url(), &head, PASSWORD, &mut |_| {}).expect_err("newer schema");
    assert!(matches!(e, ServerError::TooNew { .. }), "{e:?}");
    let text = vipdesk::i18n::err(e).to_string();
    assert!(text.contains("обновите vipdesk"), "{text}");
    assert!(!text.contains("server init"), "{text}");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&head_db)
        .args(["server", "add-user", "--url", &pg.url(), "--login", "late"])
        .args(["--manager", "2"])
        .env("VIPDESK_SERVER_PASSWORD", PASSWORD)
        .env_remove("VIPDESK_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("обновите vipdesk"),
        "{}",
        common::stderr(&o)
    );
}

/// A manager's workstation that names no client (or its own) for a record of someone else's
/// client: the server finds the client from the record itself, in a change and in a snapshot,
/// and a record of a record it does not have is refused. Nothing of it reaches another
/// manager.
#[test]
fn the_server_finds_whose_client_a_managers_record_is() {
    let Some(dept) = Dept::new("the_server_finds_whose_client_a_managers_record_is") else {
        return;
    };
    let login = |i: usize| {
        postgres::Client::connect(
            &format!(
                "{} user={} password={PASSWORD}",
                dept.pg.tcp_url(),
                dept.managers[i]
            ),
            postgres::NoTls,
        )
        .expect("logs in")
    };
    let (mut m2, mut m3) = (login(0), login(1));
    let mut admin = postgres::Client::connect(&dept.pg.url(), postgres::NoTls).expect("admin");
    let head_db = rusqlite::Connection::open(&dept.head_db).expect("open");
    let one = |sql: &str| -> String { head_db.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let own_client = one("SELECT uuid FROM clients WHERE manager_id = 2 ORDER BY id LIMIT 1");
    let others_person = one(
        "SELECT p.uuid FROM people p JOIN clients c ON c.id = p.client_id WHERE c.manager_id = 3 LIMIT 1",
    );
    let m2_uuid = manager_uuid(&dept.head_db, 2);
    let new_uuid = |c: &mut postgres::Client| -> String {
        c.query_one("SELECT gen_random_uuid()::text", &[])
            .expect("uuid")
            .get(0)
    };
    let push =
        |c: &mut postgres::Client, record: &str, tbl: &str, fields: &str, client: Option<&str>| {
            crate::sync::push_raw(c, record, tbl, fields, client, &m2_uuid)
        };
    let client_on_server = |admin: &mut postgres::Client, record: &str| -> Option<String> {
        admin
            .query_opt(
                "SELECT client_uuid::text FROM records WHERE record_uuid = $1::text::uuid",
                &[&record],
            )
            .expect("record")
            .map(|r| r.get(0))
    };

    // A new person of one's own client sent as a record of no client.
    let person = new_uuid(&mut m2);
    let fields = format!(r#"{{"client_uuid": "{own_client}", "surname": "Новиков"}}"#);
    push(&mut m2, &person, "people", &fields, None).expect("own person");
    assert_eq!(
        client_on_server(&mut admin, &person).as_deref(),
        Some(own_client.as_str())
    );
    // Their phone, sent as a record of no client: the person's client.
    let phone = new_uuid(&mut m2);
    let fields = format!(r#"{{"person_uuid": "{person}", "number": "+7 (4862) 11-22-33"}}"#);
    push(&mut m2, &phone, "person_phones", &fields, None).expect("own phone");
    assert_eq!(
        client_on_server(&mut admin, &phone).as_deref(),
        Some(own_client.as_str())
    );
    // A phone put on another manager's person, sent as one's own client's: refused.
    let planted = new_uuid(&mut m2);
    let fields = format!(r#"{{"person_uuid": "{others_person}", "number": "+7 (4862) 00-00-00"}}"#);
    let e = push(
        &mut m2,
        &planted,
        "person_phones",
        &fields,
        Some(&own_client),
    );
    assert!(e.is_err(), "{e:?}");
    // A phone of a person the server does not have, and a client named by no uuid.
    let nowhere = new_uuid(&mut m2);
    let fields = format!(r#"{{"person_uuid": "{nowhere}", "number": "1"}}"#);
    let stray = new_uuid(&mut m2);
    assert!(push(&mut m2, &stray, "person_phones", &fields, None).is_err());
    let fields = r#"{"client_uuid": "кто-то", "surname": "Х"}"#;
    let stray = new_uuid(&mut m2);
    assert!(push(&mut m2, &stray, "people", fields, None).is_err());
    // An existing record moved under another manager's client: refused.
    let others_client = one("SELECT uuid FROM clients WHERE manager_id = 3 ORDER BY id LIMIT 1");
    let fields = format!(r#"{{"client_uuid": "{others_client}"}}"#);
    assert!(push(&mut m2, &person, "people", &fields, Some(&own_client)).is_err());

    // The same in a snapshot: staged with lies about the client, taken in with the truth.
    let mut tx = m2.transaction().expect("tx");
    let batch: String = tx
        .query_one("SELECT gen_random_uuid()::text", &[])
        .expect("uuid")
        .get(0);
    let snap_person: String = tx
        .query_one("SELECT gen_random_uuid()::text", &[])
        .expect("uuid")
        .get(0);
    let snap_phone: String = tx
        .query_one("SELECT gen_random_uuid()::text", &[])
        .expect("uuid")
        .get(0);
    let snap_planted: String = tx
        .query_one("SELECT gen_random_uuid()::text", &[])
        .expect("uuid")
        .get(0);
    let staged = [
        (
            &snap_person,
            "people",
            format!(r#"{{"client_uuid": "{own_client}", "surname": "Снимков"}}"#),
        ),
        (
            &snap_phone,
            "person_phones",
            format!(r#"{{"person_uuid": "{snap_person}", "number": "2"}}"#),
        ),
        (
            &snap_planted,
            "person_phones",
            format!(r#"{{"person_uuid": "{others_person}", "number": "3"}}"#),
        ),
    ];
    for (n, (record, tbl, fields)) in staged.iter().enumerate() {
        tx.execute(
            "INSERT INTO incoming (batch, n, tbl, record_uuid, fields, client_uuid) \
             VALUES ($1::text::uuid, $2, $3, $4::text::uuid, $5::text::jsonb, NULL)",
            &[&batch, &(n as i32), tbl, record, fields],
        )
        .expect("staged");
    }
    let answer: String = tx
        .query_one(
            "SELECT vipdesk_push_snapshot(gen_random_uuid(), $1::text::uuid, '0001700000000000-0000000001-x')::text",
            &[&batch],
        )
        .expect("snapshot")
        .get(0);
    tx.commit().expect("commit");
    assert!(answer.contains(&snap_planted), "refused: {answer}");
    assert_eq!(
        client_on_server(&mut admin, &snap_person).as_deref(),
        Some(own_client.as_str())
    );
    assert_eq!(
        client_on_server(&mut admin, &snap_phone).as_deref(),
        Some(own_client.as_str())
    );
    assert_eq!(client_on_server(&mut admin, &snap_planted), None);

    // The other manager sees none of it.
    let seen: i64 = m3
        .query_one(
            "SELECT count(*) FROM records WHERE record_uuid = ANY($1::text[]::uuid[])",
            &[&vec![person, phone, snap_person, snap_phone]],
        )
        .expect("count")
        .get(0);
    assert_eq!(seen, 0);
    // The functions behind the rules are nobody's to call.
    assert!(
        m2.query_one(
            "SELECT vipdesk_push_weighed(gen_random_uuid(), gen_random_uuid(), 'people', '{}'::jsonb, \
             '{}'::jsonb, false, 'x', gen_random_uuid(), NULL, NULL)",
            &[]
        )
        .is_err()
    );
}

/// A new, empty workstation that joins before the head has sent the department's database up:
/// its starting rows (templates, catalogues: the same records on every workstation) do not go
/// up, the head's own versions of them make no conflict when they do, and the new workstation
/// then holds the head's.
#[test]
fn a_new_workstation_joining_first_sends_nothing_of_its_starting_rows() {
    let Some(mut pg) =
        Pg::new("a_new_workstation_joining_first_sends_nothing_of_its_starting_rows")
    else {
        return;
    };
    let (dir, head_db) = initialised(&pg);
    let head = pg.role("boss");
    let m2 = pg.role("m2");
    add_user(&head_db, &pg.url(), &head, "1", true);
    add_user(&head_db, &pg.url(), &m2, "2", false);
    let early = dir.path().join("early.db");
    {
        let mut db = Db::open(&early).expect("new database");
        sync::join(&mut db, &pg.tcp_url(), &m2, PASSWORD, &mut |_| {}).expect("joins first");
    }
    let mut admin = postgres::Client::connect(&pg.url(), postgres::NoTls).expect("admin");
    let count = |admin: &mut postgres::Client, sql: &str| -> i64 {
        admin.query_one(sql, &[]).expect(sql).get(0)
    };
    assert_eq!(count(&mut admin, "SELECT count(*) FROM records"), 0);
    // The head's own wording of a template every database starts with.
    let (template, title): (String, String) = {
        let c = rusqlite::Connection::open(&head_db).expect("open");
        let uuid: String = c
            .query_row("SELECT uuid FROM templates ORDER BY id LIMIT 1", [], |r| {
                r.get(0)
            })
            .expect("a template");
        c.execute(
            "UPDATE templates SET title = 'Своё название отдела' WHERE uuid = ?1",
            [&uuid],
        )
        .expect("edit");
        (uuid, "Своё название отдела".to_string())
    };
    let mut db = Db::open_existing(&head_db).expect("open");
    sync::join(&mut db, &pg.tcp_url(), &head, PASSWORD, &mut |_| {}).expect("head joins");
    drop(db);
    assert_eq!(count(&mut admin, "SELECT count(*) FROM conflicts"), 0);
    crate::sync::sync_now(&early);
    let db = Db::open_existing(&early).expect("open");
    assert_eq!(sync::status(&db).expect("status").conflicts, 0);
    let now: String = db
        .conn()
        .query_row(
            "SELECT title FROM templates WHERE uuid = ?1",
            [&template],
            |r| r.get(0),
        )
        .expect("the template");
    assert_eq!(now, title);
}

/// `vipdesk_push` as a lying workstation calls it, with its own stamp and erasure.
fn push_as(
    c: &mut postgres::Client,
    record: &str,
    tbl: &str,
    fields: &str,
    deleted: bool,
    stamp: &str,
) -> Result<i64, postgres::Error> {
    c.query_one(
        "SELECT vipdesk_push(gen_random_uuid(), $1::text::uuid, $2, $3::text::jsonb, '{}'::jsonb, \
         $4, $5, gen_random_uuid(), NULL, NULL)",
        &[&record, &tbl, &fields, &deleted, &stamp],
    )
    .map(|r| r.get::<_, i64>(0))
}

/// The server's time in milliseconds (what it weighs a stamp against).
fn server_millis(c: &mut postgres::Client) -> i64 {
    c.query_one("SELECT (extract(epoch FROM now()) * 1000)::bigint", &[])
        .expect("now")
        .get(0)
}

fn log_in(dept: &Dept, login: &str) -> postgres::Client {
    postgres::Client::connect(
        &format!("{} user={login} password={PASSWORD}", dept.pg.tcp_url()),
        postgres::NoTls,
    )
    .expect("logs in")
}

/// What a manager's workstation cannot do whatever it sends: end or erase a manager's card,
/// write a record that needs a client with none, take the regulations by a key that only
/// looks like theirs, rename a setting, stamp a change from the future, or move the
/// department's numbers out of reach.
#[test]
fn a_managers_workstation_cannot_bend_the_departments_records() {
    let Some(dept) = Dept::new("a_managers_workstation_cannot_bend_the_departments_records") else {
        return;
    };
    let mut m2 = log_in(&dept, &dept.managers[0]);
    let now = format!("{:016}-0000000000-x", server_millis(&mut m2));
    let m2_uuid = manager_uuid(&dept.head_db, 2);
    let greetings: String = postgres::Client::connect(&dept.pg.url(), postgres::NoTls)
        .expect("admin")
        .query_one(
            "SELECT record_uuid::text FROM records WHERE tbl = 'settings' AND fields ->> 'key' = 'greetings'",
            &[],
        )
        .expect("greetings")
        .get(0);
    let refused = |r: Result<i64, postgres::Error>, what: &str| {
        assert!(r.is_err(), "{what}: {r:?}");
    };
    refused(
        push_as(&mut m2, &m2_uuid, "managers", "{}", true, &now),
        "one's card erased",
    );
    refused(
        push_as(
            &mut m2,
            &m2_uuid,
            "managers",
            r#"{"deleted_at": "2026-12-01T00:00:00Z"}"#,
            false,
            &now,
        ),
        "one's card ended",
    );
    let meeting = uuid::Uuid::new_v4().to_string();
    refused(
        push_as(
            &mut m2,
            &meeting,
            "meetings",
            r#"{"kind": "call", "topics": "без клиента"}"#,
            false,
            &now,
        ),
        "a meeting of no client",
    );
    refused(
        push_as(
            &mut m2,
            &greetings,
            "settings",
            r#"{"key": "greetings ", "value": "{}"}"#,
            false,
            &now,
        ),
        "the regulations renamed",
    );
    let dressed = uuid::Uuid::new_v4().to_string();
    refused(
        push_as(
            &mut m2,
            &dressed,
            "settings",
            r#"{"key": "Greetings", "value": "{}"}"#,
            false,
            &now,
        ),
        "a key dressed up as the regulations'",
    );
    let future = format!(
        "{:016}-0000000000-x",
        server_millis(&mut m2) + 3 * 86_400_000
    );
    refused(
        push_as(
            &mut m2,
            &m2_uuid,
            "managers",
            r#"{"phone": "+7 (4862) 00-00-01"}"#,
            false,
            &future,
        ),
        "a stamp from the future",
    );
    // A client named in the fields of a table of no client does not make it a client's
    // record: the calendar and the managers stay the head's.
    let own_client: String = rusqlite::Connection::open(&dept.head_db)
        .expect("open")
        .query_row(
            "SELECT uuid FROM clients WHERE manager_id = 2 ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a client");
    let holiday = uuid::Uuid::new_v4().to_string();
    refused(
        push_as(
            &mut m2,
            &holiday,
            "calendar_days",
            &format!(
                r#"{{"date": "2026-12-15", "kind": "holiday", "client_uuid": "{own_client}"}}"#
            ),
            false,
            &now,
        ),
        "a holiday planted under one's own client",
    );
    let impostor = uuid::Uuid::new_v4().to_string();
    refused(
        push_as(
            &mut m2,
            &impostor,
            "managers",
            &format!(
                r#"{{"surname": "Самозванец", "role": "head", "client_uuid": "{own_client}"}}"#
            ),
            false,
            &now,
        ),
        "a head's card planted under one's own client",
    );
    // The VIP list of a year and the questionnaire are the head's: the approved list is one
    // for the whole department.
    for (table, fields, what) in [
        (
            "vip_lists",
            r#"{"year": 2027, "version": 9, "status": "approved", "window_from": "2025-12-01", "window_to": "2026-11-01"}"#.to_string(),
            "a VIP list of one's own",
        ),
        (
            "vip_list_rows",
            format!(
                r#"{{"client_uuid": "{own_client}", "proposal": "keep", "decision": "keep"}}"#
            ),
            "a row of the VIP list under one's own client",
        ),
        (
            "survey_questions",
            r#"{"text": "Вопрос", "kind": "scale"}"#.to_string(),
            "a question of the questionnaire",
        ),
    ] {
        let record = uuid::Uuid::new_v4().to_string();
        refused(push_as(&mut m2, &record, table, &fields, false, &now), what);
    }
    // A stamp short of the full width would compare as later than every real one.
    refused(
        push_as(
            &mut m2,
            &m2_uuid,
            "managers",
            r#"{"phone": "+7 (4862) 00-00-03"}"#,
            false,
            "9-0000000001-x",
        ),
        "a short stamp",
    );
    let key = uuid::Uuid::new_v4().to_string();
    refused(
        push_as(
            &mut m2,
            &key,
            "settings",
            "{\"key\": \"greetings\\t\", \"value\": \"{}\"}",
            false,
            &now,
        ),
        "a key with a tab",
    );
    // Blocks of numbers asked for again and again stop at the managers' cap.
    let burnt = (0..150).try_for_each(|_| {
        m2.query_one(
            "SELECT last_number FROM vipdesk_lease_block('letter', 2026, 1000, gen_random_uuid())",
            &[],
        )
        .map(|_| ())
    });
    assert!(burnt.is_err(), "150,000 numbers leased by a manager");
    let counter = |c: &mut postgres::Client, n: i64| {
        c.execute("SELECT vipdesk_raise_counter('letter', 2026, $1)", &[&n])
    };
    assert!(
        counter(&mut m2, 100_000_000).is_err(),
        "numbers out of reach"
    );
    counter(&mut m2, 50).expect("a database's own numbers");
    // The same card edited as a manager may: it goes in.
    push_as(
        &mut m2,
        &m2_uuid,
        "managers",
        r#"{"phone": "+7 (4862) 00-00-02"}"#,
        false,
        &now,
    )
    .expect("one's own phone");
}

/// A person put under another client takes their phones with them: a manager moving a person
/// between their own clients, then the head moving them to another manager's client — that
/// manager sees the phone, the first no longer does.
#[test]
fn what_belongs_to_a_record_goes_with_it_to_another_client() {
    let Some(dept) = Dept::new("what_belongs_to_a_record_goes_with_it_to_another_client") else {
        return;
    };
    let (mut m2, mut m3) = (
        log_in(&dept, &dept.managers[0]),
        log_in(&dept, &dept.managers[1]),
    );
    let mut head = log_in(&dept, &dept.head);
    let head_db = rusqlite::Connection::open(&dept.head_db).expect("open");
    let clients = |manager: i64| -> Vec<String> {
        head_db
            .prepare("SELECT uuid FROM clients WHERE manager_id = ?1 ORDER BY id LIMIT 2")
            .expect("sql")
            .query_map([manager], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let (own, others) = (clients(2), clients(3));
    let now = format!("{:016}-0000000000-x", server_millis(&mut m2));
    let person = uuid::Uuid::new_v4().to_string();
    let phone = uuid::Uuid::new_v4().to_string();
    push_as(
        &mut m2,
        &person,
        "people",
        &format!(r#"{{"client_uuid": "{}", "surname": "Переходов"}}"#, own[0]),
        false,
        &now,
    )
    .expect("person");
    push_as(
        &mut m2,
        &phone,
        "person_phones",
        &format!(r#"{{"person_uuid": "{person}", "number": "1"}}"#),
        false,
        &now,
    )
    .expect("phone");
    let seen = |c: &mut postgres::Client, record: &str| -> Option<String> {
        c.query_opt(
            "SELECT client_uuid::text FROM records WHERE record_uuid = $1::text::uuid",
            &[&record],
        )
        .expect("read")
        .map(|r| r.get(0))
    };
    push_as(
        &mut m2,
        &person,
        "people",
        &format!(r#"{{"client_uuid": "{}"}}"#, own[1]),
        false,
        &now,
    )
    .expect("moved between one's own clients");
    assert_eq!(seen(&mut m2, &phone).as_deref(), Some(own[1].as_str()));
    head.query_one(
        "SELECT vipdesk_push(gen_random_uuid(), $1::text::uuid, 'people', $2::text::jsonb, \
         '{}'::jsonb, false, $3, gen_random_uuid(), $4::text::uuid, NULL)",
        &[
            &person,
            &format!(r#"{{"client_uuid": "{}"}}"#, others[0]),
            &now,
            &others[0],
        ],
    )
    .expect("the head moves the person");
    assert_eq!(seen(&mut m3, &phone).as_deref(), Some(others[0].as_str()));
    assert_eq!(seen(&mut m2, &phone), None);
}

/// A port that takes the connection and never answers is given up on, and one nothing listens
/// at is named as such: in words, never a hang. A failed sync is noted for `sync status` in
/// the user's words.
#[test]
fn a_server_that_does_not_answer_is_given_up_on_in_words() {
    use vipdesk::server::connect;
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let port = silent.local_addr().expect("addr").port();
    let config =
        connect::config(&format!("host=127.0.0.1 port={port} dbname=x user=y")).expect("address");
    let started = std::time::Instant::now();
    let Err(e) = connect::connect_within(config, std::time::Duration::from_millis(300)) else {
        panic!("a silent port let us in");
    };
    assert!(matches!(e, ServerError::NoAnswer), "{e:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(vipdesk::i18n::describe(&e).contains("не ответил"));
    drop(silent);
    let config =
        connect::config(&format!("host=127.0.0.1 port={port} dbname=x user=y")).expect("address");
    let Err(e) = connect::connect_with(config) else {
        panic!("a closed port let us in");
    };
    assert!(matches!(e, ServerError::Refused), "{e:?}");
    assert!(!vipdesk::i18n::describe(&e).contains("os error"));

    let Some(dept) = Dept::new("a_server_that_does_not_answer_is_given_up_on_in_words") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&m2)
        .arg("sync")
        .env("VIPDESK_SERVER_PASSWORD", "не тот пароль")
        .env_remove("VIPDESK_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(!o.status.success());
    let o = run_sync(&m2, &["status"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("не принял"), "{text}");
    assert!(
        !text.contains("28P01") && !text.contains("password"),
        "{text}"
    );
}
