//! The department server on a real PostgreSQL on this machine (`.ci/run` installs and starts
//! one, with a role for the user running the tests). Each test makes and drops its own
//! database and roles; without a server the tests are skipped, with the reason.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

/// Where the tests reach PostgreSQL as its superuser: `VIPDESK_TEST_PG`, else the local socket.
fn admin_url() -> String {
    std::env::var("VIPDESK_TEST_PG")
        .unwrap_or_else(|_| "host=/var/run/postgresql dbname=postgres".to_string())
}

/// A database of its own for one test, dropped with the roles it made.
pub(crate) struct Pg {
    name: String,
    roles: Vec<String>,
}

impl Pg {
    pub(crate) fn new(test: &str) -> Option<Pg> {
        let mut admin = match postgres::Client::connect(&admin_url(), postgres::NoTls) {
            Ok(c) => c,
            Err(e) => {
                use std::io::Write as _;
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped {test}: no PostgreSQL reachable as this user ({}); .ci/run starts one",
                    e.as_db_error()
                        .map_or_else(|| e.to_string(), |d| d.message().to_string())
                );
                return None;
            }
        };
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("vipdesk_t_{}_{n}", std::process::id());
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create the test's database");
        Some(Pg {
            name,
            roles: Vec::new(),
        })
    }

    /// The test's database by the local socket (as the superuser).
    pub(crate) fn url(&self) -> String {
        admin_url().replace("dbname=postgres", &format!("dbname={}", self.name))
    }

    /// The test's database over TCP on loopback, as the workstations reach it.
    pub(crate) fn tcp_url(&self) -> String {
        format!("host=127.0.0.1 dbname={}", self.name)
    }

    /// A role name of this test (dropped at its end).
    pub(crate) fn role(&mut self, login: &str) -> String {
        let role = format!("{login}_{}", self.name);
        self.roles.push(role.clone());
        role
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&admin_url(), postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
            for r in &self.roles {
                let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS \"{r}\""));
            }
        }
    }
}

/// A 12-client demo database beside a server made by `server init` (the database's folder
/// lives as long as the first value).
pub(crate) fn initialised(pg: &Pg) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let o = common::vipdesk(&db, &["server", "init", "--url", &pg.url()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    (dir, db)
}

/// Adds a server user for manager `manager` of `db` with the tests' password.
pub(crate) fn add_user(db: &std::path::Path, url: &str, login: &str, manager: &str, head: bool) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(db)
        .args(["server", "add-user", "--url", url, "--login", login])
        .args(["--manager", manager])
        .args(head.then_some("--head"))
        .env("VIPDESK_SERVER_PASSWORD", "пароль-сервера")
        .env_remove("VIPDESK_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(o.status.success(), "{login}: {}", common::stderr(&o));
}

/// The uuid of manager `id` of the database `db`.
pub(crate) fn manager_uuid(db: &std::path::Path, id: i64) -> String {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT uuid FROM managers WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("uuid")
}

/// A user's own connection over TCP with the tests' password.
fn log_in(pg: &Pg, login: &str) -> postgres::Client {
    postgres::Client::connect(
        &format!(
            "host=127.0.0.1 dbname={} user={login} password=пароль-сервера",
            pg.name
        ),
        postgres::NoTls,
    )
    .expect("log in")
}

/// `server init` makes the schema once; run again it changes nothing; the log of changes
/// takes no UPDATE, DELETE or TRUNCATE, whoever asks.
#[test]
fn init_makes_the_schema_once_and_the_log_is_append_only() {
    let Some(pg) = Pg::new("init_makes_the_schema_once_and_the_log_is_append_only") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let o = common::vipdesk(&db, &["server", "init", "--url", &pg.url()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        common::stdout(&o).contains("подготовлен: схема"),
        "{}",
        common::stdout(&o)
    );
    let o = common::vipdesk(&db, &["server", "init", "--url", &pg.url()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        common::stdout(&o).contains("менять нечего"),
        "{}",
        common::stdout(&o)
    );
    assert!(!db.exists(), "init needs no local database");

    let mut c = postgres::Client::connect(&pg.url(), postgres::NoTls).expect("connect");
    c.execute(
        "INSERT INTO changes (change_uuid, record_uuid, tbl, fields, workstation, hlc) \
         VALUES (gen_random_uuid(), gen_random_uuid(), 'clients', '{}', gen_random_uuid(), '1')",
        &[],
    )
    .expect("a change is appended");
    for sql in [
        "UPDATE changes SET tbl = 'x'",
        "DELETE FROM changes",
        "TRUNCATE changes CASCADE",
    ] {
        let e = c.batch_execute(sql).expect_err(sql);
        let said = e
            .as_db_error()
            .map(|d| d.message().to_string())
            .unwrap_or_default();
        assert!(said.contains("append-only"), "{sql}: {e:?}");
    }
    let n: i64 = c
        .query_one("SELECT count(*) FROM changes", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, 1);
}

/// `server add-user` makes a role that logs in with its password, known as the manager; a
/// bad login, a short password, a taken login and an unknown manager are refused in Russian,
/// and nothing is made.
#[test]
fn add_user_makes_a_role_that_logs_in() {
    let Some(mut pg) = Pg::new("add_user_makes_a_role_that_logs_in") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let login = pg.role("petrova");
    let url = pg.url();
    let add = |login: &str, password: &str, manager: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
            .arg("--db")
            .arg(&db)
            .args(["server", "add-user", "--url", &url, "--login", login])
            .args(["--manager", manager])
            .env("VIPDESK_SERVER_PASSWORD", password)
            .env_remove("VIPDESK_DB")
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run")
    };
    // Not before `server init`.
    let o = add(&login, "пароль-петровой", "2");
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("server init"),
        "{}",
        common::stderr(&o)
    );
    let o = common::vipdesk(&db, &["server", "init", "--url", &pg.url()]);
    assert!(o.status.success(), "{}", common::stderr(&o));

    let o = add(&login, "пароль-петровой", "2");
    assert!(o.status.success(), "{}", common::stderr(&o));
    let tcp = format!("host=127.0.0.1 dbname={} user={login}", pg.name);
    let mut as_her =
        postgres::Client::connect(&format!("{tcp} password=пароль-петровой"), postgres::NoTls)
            .expect("she logs in");
    let me: String = as_her
        .query_one("SELECT current_user::text", &[])
        .expect("who")
        .get(0);
    assert_eq!(me, login);
    assert!(
        postgres::Client::connect(&format!("{tcp} password=не-тот"), postgres::NoTls).is_err(),
        "a wrong password logs in"
    );
    let uuid = manager_uuid(&db, 2);
    let mut c = postgres::Client::connect(&pg.url(), postgres::NoTls).expect("connect");
    let (manager, head): (String, bool) = {
        let row = c
            .query_one(
                "SELECT manager_uuid::text, head FROM users WHERE login = $1",
                &[&login],
            )
            .expect("the user");
        (row.get(0), row.get(1))
    };
    assert_eq!((manager, head), (uuid, false));

    let (ivanov, ivanov2) = (pg.role("ivanov"), pg.role("ivanov2"));
    for (login, password, manager, words) in [
        (login.as_str(), "пароль-другой", "3", "уже есть"),
        ("a'b\"c", "пароль-другой", "3", "не годится"),
        (ivanov.as_str(), "корот7", "3", "короче 8"),
        (ivanov2.as_str(), "пароль-другой", "999", "999"),
    ] {
        let o = add(login, password, manager);
        assert!(!o.status.success(), "{login}");
        let said = common::stderr(&o);
        assert!(said.contains(words), "{login}: {said}");
    }
    let users: i64 = c
        .query_one("SELECT count(*) FROM users", &[])
        .expect("count")
        .get(0);
    assert_eq!(users, 1);
}

/// A server elsewhere is reached only with TLS; an address that does not read is said so.
#[test]
fn a_remote_server_needs_tls_and_a_bad_address_is_named() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let o = common::vipdesk(
        &db,
        &[
            "server",
            "init",
            "--url",
            "host=db.example.org dbname=x sslmode=disable",
        ],
    );
    assert!(!o.status.success());
    assert!(common::stderr(&o).contains("TLS"), "{}", common::stderr(&o));
    // A loopback name with another address to connect to is not this machine.
    let o = common::vipdesk(
        &db,
        &[
            "server",
            "init",
            "--url",
            "host=localhost hostaddr=192.0.2.2 port=5433 dbname=x sslmode=disable",
        ],
    );
    assert!(!o.status.success());
    assert!(common::stderr(&o).contains("TLS"), "{}", common::stderr(&o));
    let o = common::vipdesk(&db, &["server", "init", "--url", "nonsense://"]);
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("адрес сервера не читается"),
        "{}",
        common::stderr(&o)
    );
}

/// Row-level security on the server: a manager's role reads the records of their own clients
/// (and what hangs off them) and those of no client; another manager's are not there for it;
/// the head reads everything.
#[test]
fn a_manager_reads_only_their_clients_on_the_server() {
    let Some(mut pg) = Pg::new("a_manager_reads_only_their_clients_on_the_server") else {
        return;
    };
    let (_dir, db) = initialised(&pg);
    let uuid_of = |id: i64| manager_uuid(&db, id);
    let (she, he, head) = (pg.role("petrova"), pg.role("ushakov"), pg.role("kiselev"));
    for (login, manager, head) in [(&she, "2", false), (&he, "3", false), (&head, "1", true)] {
        add_user(&db, &pg.url(), login, manager, head);
    }
    let mut admin = postgres::Client::connect(&pg.url(), postgres::NoTls).expect("connect");
    // A record and the change that made it; a client's own row names itself as its client.
    let record = |c: &mut postgres::Client, tbl: &str, client: Option<&str>, fields: String| {
        let uuid: String = c
            .query_one("SELECT gen_random_uuid()::text", &[])
            .expect("uuid")
            .get(0);
        let client = if tbl == "clients" {
            Some(uuid.as_str())
        } else {
            client
        };
        let seq: i64 = c
            .query_one(
                "INSERT INTO changes (change_uuid, record_uuid, tbl, fields, workstation, hlc, client_uuid) \
                 VALUES (gen_random_uuid(), $1::text::uuid, $2, $3::text::jsonb, gen_random_uuid(), '1', $4::text::uuid) \
                 RETURNING seq",
                &[&uuid, &tbl, &fields, &client],
            )
            .expect("change")
            .get(0);
        c.execute(
            "INSERT INTO records (tbl, record_uuid, fields, client_uuid, last_seq) \
             SELECT tbl, record_uuid, fields, client_uuid, seq FROM changes WHERE seq = $1",
            &[&seq],
        )
        .expect("record");
        uuid
    };
    let alpha = record(
        &mut admin,
        "clients",
        None,
        format!(
            "{{\"short_name\": \"АО «Альфа»\", \"manager_uuid\": \"{}\"}}",
            uuid_of(2)
        ),
    );
    let beta = record(
        &mut admin,
        "clients",
        None,
        format!(
            "{{\"short_name\": \"АО «Бета»\", \"manager_uuid\": \"{}\"}}",
            uuid_of(3)
        ),
    );
    record(
        &mut admin,
        "people",
        Some(&alpha),
        "{\"surname\": \"Иванов\"}".into(),
    );
    record(
        &mut admin,
        "people",
        Some(&beta),
        "{\"surname\": \"Петров\"}".into(),
    );
    record(
        &mut admin,
        "districts",
        None,
        "{\"name\": \"Орловское МРО\"}".into(),
    );
    let seen = |login: &str| -> Vec<String> {
        let mut c = postgres::Client::connect(
            &format!(
                "host=127.0.0.1 dbname={} user={login} password=пароль-сервера",
                pg.name
            ),
            postgres::NoTls,
        )
        .expect("log in");
        let mut names: Vec<String> = c
            .query(
                "SELECT COALESCE(fields ->> 'short_name', fields ->> 'surname', fields ->> 'name') FROM records",
                &[],
            )
            .expect("read")
            .iter()
            .map(|r| r.get(0))
            .collect();
        names.sort();
        let changes: i64 = c
            .query_one("SELECT count(*) FROM changes", &[])
            .expect("changes")
            .get(0);
        names.push(format!("{changes} changes"));
        names
    };
    assert_eq!(
        seen(&she),
        ["АО «Альфа»", "Иванов", "Орловское МРО", "3 changes"]
    );
    assert_eq!(
        seen(&he),
        ["АО «Бета»", "Орловское МРО", "Петров", "3 changes"]
    );
    assert_eq!(
        seen(&head),
        [
            "АО «Альфа»",
            "АО «Бета»",
            "Иванов",
            "Орловское МРО",
            "Петров",
            "5 changes"
        ]
    );
}

/// Numbers from the server are never given twice: four users asking at once, single numbers
/// and leased blocks interleaved, get every number once, with no gap; a user cannot move the
/// counter by hand.
#[test]
fn numbers_from_the_server_are_never_given_twice() {
    use vipdesk::server::{NumberKind, service};
    let Some(mut pg) = Pg::new("numbers_from_the_server_are_never_given_twice") else {
        return;
    };
    let (_dir, db) = initialised(&pg);
    let mut logins = Vec::new();
    for manager in ["2", "3", "4", "5"] {
        let login = pg.role(&format!("m{manager}"));
        add_user(&db, &pg.url(), &login, manager, false);
        logins.push(login);
    }
    let name = pg.name.clone();
    let workers: Vec<_> = logins
        .into_iter()
        .enumerate()
        .map(|(i, login)| {
            let name = name.clone();
            std::thread::spawn(move || {
                let mut c = postgres::Client::connect(
                    &format!("host=127.0.0.1 dbname={name} user={login} password=пароль-сервера"),
                    postgres::NoTls,
                )
                .expect("log in");
                let ws = format!("00000000-0000-4000-8000-00000000000{i}");
                let mut got = Vec::new();
                for k in 0..40 {
                    if k % 10 == 9 {
                        let (first, last) =
                            service::lease_block(&mut c, NumberKind::Letter, 2027, 5, &ws)
                                .expect("block");
                        assert_eq!(last - first, 4);
                        got.extend(first..=last);
                    } else {
                        got.push(
                            service::next_number(&mut c, NumberKind::Letter, 2027).expect("number"),
                        );
                    }
                }
                (c, got)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut last_client = None;
    for w in workers {
        let (c, got) = w.join().expect("worker");
        all.extend(got);
        last_client = Some(c);
    }
    all.sort_unstable();
    let expected: Vec<i64> = (1..=(4 * (36 + 4 * 5))).collect();
    assert_eq!(all, expected, "every number once, no gap");
    // Another kind and another year count on their own.
    let mut c = last_client.expect("a user");
    assert_eq!(
        service::next_number(&mut c, NumberKind::Appeal, 2027).expect("appeal"),
        1
    );
    assert_eq!(
        service::next_number(&mut c, NumberKind::Letter, 2028).expect("2028"),
        1
    );
    // A user's role cannot set the counter back.
    assert!(
        c.batch_execute("UPDATE counters SET last = 0").is_err(),
        "a user moved the counter"
    );
}

/// One change pushed through `vipdesk_push` as the user on `c`.
#[allow(clippy::too_many_arguments)]
fn push(
    c: &mut postgres::Client,
    change: &str,
    record: &str,
    tbl: &str,
    fields: &str,
    bases: &str,
    stamp: &str,
    client: Option<&str>,
) -> Result<i64, postgres::Error> {
    Ok(c.query_one(
        "SELECT vipdesk_push($1::text::uuid, $2::text::uuid, $3, $4::text::jsonb, $5::text::jsonb, \
         false, $6, '00000000-0000-4000-8000-000000000001', $7::text::uuid, NULL)",
        &[&change, &record, &tbl, &fields, &bases, &stamp, &client],
    )?
    .get(0))
}

/// The server's own rules for a pushed change: the same change twice is one; changes to
/// different fields merge; the same field changed on two workstations since their common
/// version is a conflict that keeps both values (the later stamp wins the record); a change
/// made from the current version is no conflict; a manager cannot write to another manager's
/// client, nor make a client for another manager.
#[test]
fn pushed_changes_merge_by_field_and_conflicts_keep_both_values() {
    let Some(mut pg) = Pg::new("pushed_changes_merge_by_field_and_conflicts_keep_both_values")
    else {
        return;
    };
    let (_dir, db) = initialised(&pg);
    let (she, he) = (pg.role("petrova"), pg.role("ushakov"));
    add_user(&db, &pg.url(), &she, "2", false);
    add_user(&db, &pg.url(), &he, "3", false);
    let uuid_of = |id: i64| manager_uuid(&db, id);
    let login = |who: &str| log_in(&pg, who);
    let (mut a, mut b) = (login(&she), login(&she));
    let client = "10000000-0000-4000-8000-000000000001";
    let made = format!(
        r#"{{"short_name": "АО «Альфа»", "inn": "7707083893", "manager_uuid": "{}"}}"#,
        uuid_of(2)
    );
    let first = push(
        &mut a,
        "20000000-0000-4000-8000-000000000001",
        client,
        "clients",
        &made,
        "{}",
        "0001700000000001-0000000000-a",
        Some(client),
    )
    .expect("made");
    // The same change again: the same number, nothing new.
    let again = push(
        &mut a,
        "20000000-0000-4000-8000-000000000001",
        client,
        "clients",
        &made,
        "{}",
        "0001700000000001-0000000000-a",
        Some(client),
    )
    .expect("again");
    assert_eq!(first, again);
    // Two workstations from the same version: different fields merge…
    let base = r#"{"short_name": "0001700000000001-0000000000-a", "inn": "0001700000000001-0000000000-a"}"#;
    push(
        &mut a,
        "20000000-0000-4000-8000-000000000002",
        client,
        "clients",
        r#"{"short_name": "АО «Альфа-Плюс»"}"#,
        base,
        "0001700000000002-0000000000-a",
        Some(client),
    )
    .expect("a");
    push(
        &mut b,
        "20000000-0000-4000-8000-000000000003",
        client,
        "clients",
        r#"{"inn": "5751001230"}"#,
        base,
        "0001700000000002-0000000000-b",
        Some(client),
    )
    .expect("b");
    // …the same field changed on both is a conflict: the later stamp wins, both values kept.
    push(
        &mut b,
        "20000000-0000-4000-8000-000000000004",
        client,
        "clients",
        r#"{"short_name": "АО «Альфа-Бета»"}"#,
        base,
        "0001700000000003-0000000000-b",
        Some(client),
    )
    .expect("b again");
    // A change made from the current version is no conflict.
    let current = r#"{"inn": "0001700000000002-0000000000-b"}"#;
    push(
        &mut a,
        "20000000-0000-4000-8000-000000000005",
        client,
        "clients",
        r#"{"inn": "5753001475"}"#,
        current,
        "0001700000000004-0000000000-a",
        Some(client),
    )
    .expect("from the current version");
    let mut admin = postgres::Client::connect(&pg.url(), postgres::NoTls).expect("connect");
    let (name, inn): (String, String) = {
        let r = admin
            .query_one(
                "SELECT fields ->> 'short_name', fields ->> 'inn' FROM records WHERE record_uuid = $1::text::uuid",
                &[&client],
            )
            .expect("record");
        (r.get(0), r.get(1))
    };
    assert_eq!(
        (name.as_str(), inn.as_str()),
        ("АО «Альфа-Бета»", "5753001475")
    );
    let conflicts: Vec<(String, String, String)> = admin
        .query(
            "SELECT field, kept::text, lost::text FROM conflicts ORDER BY id",
            &[],
        )
        .expect("conflicts")
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(
        conflicts,
        [(
            "short_name".to_string(),
            "\"АО «Альфа-Бета»\"".to_string(),
            "\"АО «Альфа-Плюс»\"".to_string()
        )]
    );
    // The other manager: not her client, not a client of hers to make.
    let mut other = login(&he);
    assert!(
        push(
            &mut other,
            "20000000-0000-4000-8000-000000000006",
            client,
            "clients",
            r#"{"inn": "1"}"#,
            current,
            "0001700000000005-0000000000-c",
            Some(client)
        )
        .is_err()
    );
    let theirs = format!(
        r#"{{"short_name": "АО «Гамма»", "manager_uuid": "{}"}}"#,
        uuid_of(2)
    );
    let gamma = "10000000-0000-4000-8000-000000000002";
    assert!(
        push(
            &mut other,
            "20000000-0000-4000-8000-000000000007",
            gamma,
            "clients",
            &theirs,
            "{}",
            "0001700000000005-0000000000-c",
            Some(gamma)
        )
        .is_err()
    );
    let n: i64 = admin
        .query_one("SELECT count(*) FROM changes", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, 5, "refused changes are not in the log");
}
