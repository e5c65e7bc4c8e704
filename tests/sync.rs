//! Workstations syncing through the department server (#21), on a real PostgreSQL on loopback
//! (see `server.rs`): each test makes its own server database, users and replicas.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use vipdesk::domain::{Actor, Role};
use vipdesk::server::conflicts::Choice;
use vipdesk::server::sync;
use vipdesk::storage::{Db, replica};

use crate::server::{Pg, add_user, initialised};

/// The password every test user has on the server.
pub(crate) const PASSWORD: &str = "пароль-сервера";

/// A department: a server made from a 12-client demo database whose head joined first (sending
/// it all up), and users for the head and two managers.
pub(crate) struct Dept {
    pub pg: Pg,
    pub dir: tempfile::TempDir,
    /// The head's replica (the department's original database).
    pub head_db: PathBuf,
    /// The head's login.
    pub head: String,
    /// Logins of managers 2 and 3 of the demo.
    pub managers: [String; 2],
}

impl Dept {
    pub fn new(test: &str) -> Option<Dept> {
        let mut pg = Pg::new(test)?;
        let (dir, head_db) = initialised(&pg);
        let head = pg.role("boss");
        let managers = [pg.role("m2"), pg.role("m3")];
        add_user(&head_db, &pg.url(), &head, "1", true);
        add_user(&head_db, &pg.url(), &managers[0], "2", false);
        add_user(&head_db, &pg.url(), &managers[1], "3", false);
        let mut db = Db::open_existing(&head_db).expect("open");
        sync::join(&mut db, &pg.tcp_url(), &head, PASSWORD, &mut |_| {}).expect("head joins");
        Some(Dept {
            pg,
            dir,
            head_db,
            head,
            managers,
        })
    }

    /// A new workstation with an empty database that joins as `login`.
    pub fn workstation(&self, name: &str, login: &str) -> PathBuf {
        let path = self.dir.path().join(format!("{name}.db"));
        let mut db = Db::open(&path).expect("new database");
        sync::join(&mut db, &self.pg.tcp_url(), login, PASSWORD, &mut |_| {}).expect("joins");
        path
    }
}

/// One sync of the replica at `path`.
pub(crate) fn sync_now(path: &Path) -> sync::Report {
    let mut db = Db::open_existing(path).expect("open");
    sync::sync(&mut db, PASSWORD, &mut |_| {}).expect("sync")
}

pub(crate) fn snapshot(
    path: &Path,
) -> std::collections::BTreeMap<(String, String), serde_json::Map<String, serde_json::Value>> {
    let db = Db::open_existing(path).expect("open");
    replica::snapshot(db.conn()).expect("snapshot")
}

/// The uuid of a client of manager `manager` (the demo's ids) in the head's database.
fn client_of_manager(head_db: &Path, manager: i64) -> String {
    rusqlite::Connection::open(head_db)
        .expect("open")
        .query_row(
            "SELECT uuid FROM clients WHERE manager_id = ?1 ORDER BY id LIMIT 1",
            [manager],
            |r| r.get(0),
        )
        .expect("a client")
}

/// Edits the client known as `uuid` in the replica at `path` as `actor`, through the service.
pub(crate) fn edit_client(
    path: &Path,
    uuid: &str,
    actor: &Actor,
    f: impl FnOnce(&mut vipdesk::clients::Client),
) {
    let mut db = Db::open_existing(path).expect("open");
    let id: i64 = db
        .conn()
        .query_row("SELECT id FROM clients WHERE uuid = ?1", [uuid], |r| {
            r.get(0)
        })
        .expect("the client is here");
    let mut d = vipdesk::clients::service::open(&db, id).expect("dossier");
    f(&mut d.client);
    vipdesk::clients::service::save(&mut db, actor, &d).expect("saved");
}

/// A manager's actor in a replica: the local id of the manager the login is.
fn manager_actor(path: &Path, manager_uuid: &str, role: Role) -> Actor {
    let id: i64 = rusqlite::Connection::open(path)
        .expect("open")
        .query_row(
            "SELECT id FROM managers WHERE uuid = ?1",
            [manager_uuid],
            |r| r.get(0),
        )
        .expect("the manager is here");
    Actor::manager(id, role)
}

fn client_field(path: &Path, uuid: &str, field: &str) -> String {
    rusqlite::Connection::open(path)
        .expect("open")
        .query_row(
            &format!("SELECT {field} FROM clients WHERE uuid = ?1"),
            [uuid],
            |r| r.get(0),
        )
        .expect("field")
}

/// A manager's replica holds exactly their clients and what hangs off them: nothing of another
/// manager's clients is in its file, not even in free pages.
#[test]
fn a_managers_replica_holds_only_their_clients() {
    let Some(dept) = Dept::new("a_managers_replica_holds_only_their_clients") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let head = Db::open_existing(&dept.head_db).expect("open");
    let all: Vec<(String, String, i64)> = head
        .conn()
        .prepare("SELECT uuid, inn, manager_id FROM clients")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    drop(head);
    let mine: Vec<String> = rusqlite::Connection::open(&m2)
        .expect("open")
        .prepare("SELECT uuid FROM clients ORDER BY uuid")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let mut expected: Vec<String> = all
        .iter()
        .filter(|(_, _, m)| *m == 2)
        .map(|(u, _, _)| u.clone())
        .collect();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(mine, expected);
    // People, letters, appeals, meetings and gifts of the replica are of those clients only.
    let snap = snapshot(&m2);
    let head_snap = snapshot(&dept.head_db);
    for ((table, uuid), fields) in &snap {
        if let Some(client) = fields.get("client_uuid").and_then(|v| v.as_str()) {
            assert!(expected.contains(&client.to_string()), "{table} {uuid}");
        }
        assert_eq!(
            head_snap.get(&(table.clone(), uuid.clone())),
            Some(fields),
            "{table} {uuid}"
        );
    }
    // The workstation is its server user's: they set their own password here; another
    // manager (the head too) does not sign in on it.
    {
        use vipdesk::admin::identity::{self, Ask, SignInError};
        let db = Db::open_existing(&m2).expect("open");
        let me = manager_actor(
            &m2,
            &crate::server::manager_uuid(&dept.head_db, 2),
            Role::Manager,
        );
        let head = manager_actor(
            &m2,
            &crate::server::manager_uuid(&dept.head_db, 1),
            Role::GroupHead,
        );
        assert!(matches!(
            identity::ask(&db, me.id.expect("id")),
            Ok(Ask::NewPassword)
        ));
        assert!(matches!(
            identity::ask(&db, head.id.expect("id")),
            Err(SignInError::NotThisWorkstation)
        ));
    }
    let bytes = std::fs::read(&m2).expect("read the file");
    let text = String::from_utf8_lossy(&bytes);
    for (uuid, inn, manager) in &all {
        if *manager != 2 {
            assert!(
                !text.contains(uuid.as_str()),
                "another manager's client {uuid}"
            );
            assert!(
                !text.contains(inn.as_str()),
                "another manager's client's INN {inn}"
            );
        }
    }
}

/// Two workstations edit different fields of one client offline; after both sync (and the
/// first once more) they hold the same client with both edits, and the same everything.
#[test]
fn different_fields_edited_offline_merge() {
    let Some(dept) = Dept::new("different_fields_edited_offline_merge") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let client = client_of_manager(&dept.head_db, 2);
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let head_uuid = crate::server::manager_uuid(&dept.head_db, 1);
    edit_client(
        &dept.head_db,
        &client,
        &manager_actor(&dept.head_db, &head_uuid, Role::GroupHead),
        |c| c.legal_address = "302028, г. Орёл, ул. Новая, д. 1".into(),
    );
    edit_client(
        &m2,
        &client,
        &manager_actor(&m2, &m2_uuid, Role::Manager),
        |c| c.postal_address = "302001, г. Орёл, а/я 7".into(),
    );
    sync_now(&dept.head_db);
    sync_now(&m2);
    sync_now(&dept.head_db);
    for path in [&dept.head_db, &m2] {
        assert_eq!(
            client_field(path, &client, "legal_address"),
            "302028, г. Орёл, ул. Новая, д. 1"
        );
        assert_eq!(
            client_field(path, &client, "postal_address"),
            "302001, г. Орёл, а/я 7"
        );
    }
    let head_snap = snapshot(&dept.head_db);
    for (key, fields) in snapshot(&m2) {
        assert_eq!(head_snap.get(&key), Some(&fields), "{key:?}");
    }
    // Nothing waits, nothing conflicts.
    let db = Db::open_existing(&m2).expect("open");
    let s = sync::status(&db).expect("status");
    assert_eq!((s.outbox, s.waiting, s.conflicts), (0, 0, 0));
}

/// The same field changed on two workstations: both end with the later value, and both
/// values are kept as a conflict the users see.
#[test]
fn the_same_field_edited_twice_is_a_conflict_with_both_values() {
    let Some(dept) = Dept::new("the_same_field_edited_twice_is_a_conflict_with_both_values") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let client = client_of_manager(&dept.head_db, 2);
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let head_uuid = crate::server::manager_uuid(&dept.head_db, 1);
    edit_client(
        &dept.head_db,
        &client,
        &manager_actor(&dept.head_db, &head_uuid, Role::GroupHead),
        |c| c.full_name = "Открытое акционерное общество «Первое имя»".into(),
    );
    edit_client(
        &m2,
        &client,
        &manager_actor(&m2, &m2_uuid, Role::Manager),
        |c| c.full_name = "Открытое акционерное общество «Второе имя»".into(),
    );
    sync_now(&dept.head_db);
    let r = sync_now(&m2);
    assert_eq!(r.conflicts, 1, "{r:?}");
    sync_now(&dept.head_db);
    let a = client_field(&dept.head_db, &client, "full_name");
    let b = client_field(&m2, &client, "full_name");
    assert_eq!(a, b);
    // The later edit (the manager's) won; the head's value is kept.
    assert!(a.contains("Второе имя"), "{a}");
    for path in [&dept.head_db, &m2] {
        let db = Db::open_existing(path).expect("open");
        let conflicts = replica::conflicts(db.conn()).expect("conflicts");
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let k = &conflicts[0];
        assert_eq!(k.field, "full_name");
        assert!(k.kept.as_deref().unwrap_or_default().contains("Второе имя"));
        assert!(k.lost.as_deref().unwrap_or_default().contains("Первое имя"));
    }
    // Another manager may not decide it; the manager takes the head's value back: the record
    // holds it everywhere and the conflict is gone on both workstations.
    let id = {
        let db = Db::open_existing(&m2).expect("open");
        replica::conflicts(db.conn()).expect("conflicts")[0].id
    };
    {
        let mut db = Db::open_existing(&m2).expect("open");
        let m3_uuid = crate::server::manager_uuid(&dept.head_db, 3);
        let other = manager_actor(&m2, &m3_uuid, Role::Manager);
        let e = vipdesk::server::conflicts::decide(&mut db, &other, id, Choice::Lost)
            .expect_err("not theirs");
        assert!(
            matches!(e, vipdesk::server::ServerError::Storage(_)),
            "{e:?}"
        );
        let me = manager_actor(&m2, &m2_uuid, Role::Manager);
        vipdesk::server::conflicts::decide(&mut db, &me, id, Choice::Lost).expect("decided");
        assert!(replica::conflicts(db.conn()).expect("conflicts").is_empty());
    }
    sync_now(&m2);
    sync_now(&dept.head_db);
    for path in [&dept.head_db, &m2] {
        assert!(client_field(path, &client, "full_name").contains("Первое имя"));
        let db = Db::open_existing(path).expect("open");
        assert!(
            replica::conflicts(db.conn()).expect("conflicts").is_empty(),
            "{path:?}"
        );
    }
}

/// 500 changes made offline (the server unreachable: a sync fails and says so) all reach the
/// server once the workstation is back, and the other replica takes them in.
#[test]
fn five_hundred_offline_changes_sync_after_reconnection() {
    let Some(dept) = Dept::new("five_hundred_offline_changes_sync_after_reconnection") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let m2b = dept.workstation("m2b", &dept.managers[0]);
    let client = client_of_manager(&dept.head_db, 2);
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let actor = manager_actor(&m2, &m2_uuid, Role::Manager);
    for i in 0..500 {
        edit_client(&m2, &client, &actor, |c| {
            c.contract_number = format!("Д-{i}")
        });
    }
    // Offline: the server's address points nowhere.
    {
        let mut db = Db::open_existing(&m2).expect("open");
        let good = replica::state(db.conn())
            .expect("state")
            .expect("joined")
            .url;
        sync::move_to(
            &mut db,
            "host=127.0.0.1 port=1 dbname=nowhere connect_timeout=2",
        )
        .expect("moved");
        let e = sync::sync(&mut db, PASSWORD, &mut |_| {}).expect_err("offline");
        let s = sync::status(&db).expect("status");
        assert_eq!(s.outbox, 500);
        assert!(s.last_error.is_some(), "{e}");
        sync::move_to(&mut db, &good).expect("back");
    }
    let r = sync_now(&m2);
    assert_eq!(r.pushed, 500);
    let db = Db::open_existing(&m2).expect("open");
    let s = sync::status(&db).expect("status");
    assert_eq!((s.outbox, s.last_error.clone()), (0, None), "{s:?}");
    drop(db);
    sync_now(&m2b);
    assert_eq!(client_field(&m2b, &client, "contract_number"), "Д-499");
    assert_eq!(snapshot(&m2), snapshot(&m2b));
    // The head's replica has all 500 in its journal? No: it has the record's last state,
    // journalled once as coming from the manager's workstation.
    sync_now(&dept.head_db);
    assert_eq!(
        client_field(&dept.head_db, &client, "contract_number"),
        "Д-499"
    );
}

/// Registers a new reply letter to the client `uuid` in the replica at `path` as `actor`:
/// (its number, whether the number came from a leased block).
fn register_letter(path: &Path, uuid: &str, actor: &Actor, online: bool) -> (String, bool) {
    use vipdesk::letters::{Reply, service};
    let mut db = Db::open_existing(path).expect("open");
    if online {
        let state = replica::state(db.conn()).expect("state").expect("joined");
        db.set_numbers(std::sync::Arc::new(sync::ServerNumbers::new(
            &state, PASSWORD,
        )));
    }
    let client: i64 = db
        .conn()
        .query_row("SELECT id FROM clients WHERE uuid = ?1", [uuid], |r| {
            r.get(0)
        })
        .expect("client");
    let template = service::template(&db, "reply_appeal")
        .expect("query")
        .expect("template");
    let reply = Reply {
        number: "17".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        subject: "О перерасчёте".into(),
        answer: "Перерасчёт выполнен.".into(),
        ..Default::default()
    };
    let today = db.today();
    let draft =
        service::draft_for(&db, client, None, &template, actor.id, &reply, today).expect("draft");
    let id = service::save_draft(&mut db, actor, &draft).expect("saved");
    let letter = service::register(&mut db, actor, id).expect("registered");
    let from_block: bool = db
        .conn()
        .query_row(
            "SELECT number_from_block FROM letters WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .expect("flag");
    (letter.number, from_block)
}

/// Takes the replica off the network (its server's address points nowhere); returns the
/// address to come back to.
fn go_offline(path: &Path) -> String {
    let mut db = Db::open_existing(path).expect("open");
    let good = replica::state(db.conn())
        .expect("state")
        .expect("joined")
        .url;
    sync::move_to(
        &mut db,
        "host=127.0.0.1 port=1 dbname=nowhere connect_timeout=2",
    )
    .expect("moved");
    good
}

fn come_back(path: &Path, url: &str) {
    let mut db = Db::open_existing(path).expect("open");
    sync::move_to(&mut db, url).expect("back");
}

/// Letters registered on two workstations while both are offline take numbers from the
/// blocks each leased ahead: never the same number, each marked as from a block; online, the
/// server gives the number itself. After the sync every replica has every letter, numbers
/// unique.
#[test]
fn letters_registered_on_two_offline_replicas_never_share_a_number() {
    let Some(dept) = Dept::new("letters_registered_on_two_offline_replicas_never_share_a_number")
    else {
        return;
    };
    let a = dept.workstation("m2a", &dept.managers[0]);
    let b = dept.workstation("m2b", &dept.managers[0]);
    let client = client_of_manager(&dept.head_db, 2);
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let actor_a = manager_actor(&a, &m2_uuid, Role::Manager);
    let actor_b = manager_actor(&b, &m2_uuid, Role::Manager);
    let back_a = go_offline(&a);
    let back_b = go_offline(&b);
    let mut numbers = std::collections::BTreeSet::new();
    for _ in 0..5 {
        for (path, actor) in [(&a, &actor_a), (&b, &actor_b)] {
            // Asked to use the server, which is out of reach: a leased number.
            let (number, from_block) = register_letter(path, &client, actor, true);
            assert!(from_block, "{number}");
            assert!(numbers.insert(number.clone()), "{number} given twice");
        }
    }
    // Online, with the server's counter: not from a block.
    come_back(&a, &back_a);
    come_back(&b, &back_b);
    // The register says which numbers came from a block, on the command line too.
    let o = crate::common::vipdesk(&a, &["letter", "list"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    assert!(
        crate::common::stdout(&o).contains("(из блока)"),
        "{}",
        crate::common::stdout(&o)
    );
    let (number, from_block) = register_letter(&a, &client, &actor_a, true);
    assert!(!from_block, "{number}");
    assert!(numbers.insert(number.clone()), "{number} given twice");
    sync_now(&a);
    sync_now(&b);
    sync_now(&a);
    sync_now(&dept.head_db);
    let head = Db::open_existing(&dept.head_db).expect("open");
    let registered: Vec<String> = head
        .conn()
        .prepare("SELECT number FROM letters WHERE number <> '' AND client_id = (SELECT id FROM clients WHERE uuid = ?1)")
        .expect("sql")
        .query_map([&client], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let waiting: Vec<(String, String)> = head
        .conn()
        .prepare("SELECT tbl, reason FROM sync_inbox")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    for n in &numbers {
        assert!(
            registered.contains(n),
            "{n} reached the head; waiting: {waiting:?}"
        );
    }
    let unique: std::collections::BTreeSet<&String> = registered.iter().collect();
    assert_eq!(unique.len(), registered.len(), "{registered:?}");
    assert_eq!(snapshot(&a), snapshot(&b));
}

/// `vipdesk sync …` on the replica at `path` as a separate process (a failpoint of its own).
pub(crate) fn sync_process(
    path: &Path,
    args: &[&str],
    failpoint: Option<&str>,
) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"));
    cmd.arg("--db")
        .arg(path)
        .arg("sync")
        .args(args)
        .env("VIPDESK_SERVER_PASSWORD", PASSWORD)
        .env_remove("VIPDESK_DB")
        .env_remove("VIPDESK_FAILPOINT")
        .stdin(std::process::Stdio::null());
    if let Some(f) = failpoint {
        cmd.env("VIPDESK_FAILPOINT", f);
    }
    cmd.output().expect("run vipdesk sync")
}

/// A change sent by hand the way a hostile workstation would: `vipdesk_push` called with
/// whatever client and author it claims.
pub(crate) fn push_raw(
    c: &mut postgres::Client,
    record: &str,
    tbl: &str,
    fields: &str,
    client: Option<&str>,
    author: &str,
) -> Result<i64, postgres::Error> {
    c.query_one(
        "SELECT vipdesk_push(gen_random_uuid(), $1::text::uuid, $2, $3::text::jsonb, '{}'::jsonb, \
         false, '0001700000000000-0000000000-x', gen_random_uuid(), $4::text::uuid, $5::text::uuid)",
        &[&record, &tbl, &fields, &client, &author],
    )
    .map(|r| r.get::<_, i64>(0))
}

/// The changes the server has from a workstation, and how many distinct ones.
fn server_changes(dept: &Dept, node: &str) -> (i64, i64) {
    let mut c = postgres::Client::connect(&dept.pg.url(), postgres::NoTls).expect("connect");
    let row = c
        .query_one(
            "SELECT count(*), count(DISTINCT change_uuid) FROM changes WHERE workstation = $1::text::uuid",
            &[&node],
        )
        .expect("count");
    (row.get(0), row.get(1))
}

/// 1,200 changes on the head's workstation: a sync killed after the server committed the first
/// batch (its answer lost), then one whose connection the server cuts in the middle, then a
/// sync that goes through: every change is on the server exactly once and reaches the manager.
#[test]
fn a_sync_cut_off_or_killed_completes_on_retry_with_nothing_lost_or_twice() {
    let Some(dept) =
        Dept::new("a_sync_cut_off_or_killed_completes_on_retry_with_nothing_lost_or_twice")
    else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let node = {
        let db = Db::open_existing(&dept.head_db).expect("open");
        replica::state(db.conn())
            .expect("state")
            .expect("joined")
            .node
    };
    let (before, _) = server_changes(&dept, &node);
    let clients: Vec<String> = rusqlite::Connection::open(&dept.head_db)
        .expect("open")
        .prepare("SELECT uuid FROM clients WHERE manager_id = 2 ORDER BY id")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    {
        let mut db = Db::open_existing(&dept.head_db).expect("open");
        let head_actor = Actor::manager(1, Role::GroupHead);
        for i in 0..1200 {
            let uuid = &clients[i % clients.len()];
            let id: i64 = db
                .conn()
                .query_row("SELECT id FROM clients WHERE uuid = ?1", [uuid], |r| {
                    r.get(0)
                })
                .expect("id");
            let mut d = vipdesk::clients::service::open(&db, id).expect("dossier");
            d.client.contract_number = format!("Д-{i}");
            vipdesk::clients::service::save(&mut db, &head_actor, &d).expect("saved");
        }
    }
    // Killed after the server committed the first batch, before the outbox knew.
    let o = sync_process(&dept.head_db, &[], Some("sync-batch-sent:1"));
    assert!(!o.status.success());
    // The server cuts the connection while the sync waits after its first batch.
    let head_role = dept.head.clone();
    let admin_url = dept.pg.url();
    let cutter = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let mut c = postgres::Client::connect(&admin_url, postgres::NoTls).expect("connect");
        c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1",
            &[&head_role],
        )
        .expect("terminate");
    });
    let o = sync_process(&dept.head_db, &[], Some("sync-batch-sent:1:pause"));
    cutter.join().expect("cutter");
    assert_eq!(o.status.code(), Some(1), "{}", crate::common::stdout(&o));
    {
        let db = Db::open_existing(&dept.head_db).expect("open");
        let s = sync::status(&db).expect("status");
        assert!(s.outbox > 0 && s.last_error.is_some(), "{s:?}");
    }
    let o = sync_process(&dept.head_db, &[], None);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let db = Db::open_existing(&dept.head_db).expect("open");
    let s = sync::status(&db).expect("status");
    assert_eq!((s.outbox, s.last_error.clone()), (0, None), "{s:?}");
    drop(db);
    let (after, distinct) = server_changes(&dept, &node);
    assert_eq!(after - before, 1200, "every change once");
    assert_eq!(after, distinct);
    sync_now(&m2);
    for uuid in &clients {
        assert_eq!(
            client_field(&m2, uuid, "contract_number"),
            client_field(&dept.head_db, uuid, "contract_number")
        );
    }
}

/// A new workstation killed while it applies its first pull (in its second page) resumes
/// with `vipdesk sync`: it ends with exactly what the server has, its journal sound.
#[test]
fn a_replica_killed_while_applying_resumes_and_ends_equal() {
    let Some(dept) = Dept::new("a_replica_killed_while_applying_resumes_and_ends_equal") else {
        return;
    };
    let fresh = dept.dir.path().join("fresh.db");
    let url = dept.pg.tcp_url();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&fresh)
        .args([
            "--create", "sync", "join", "--url", &url, "--login", &dept.head,
        ])
        .env("VIPDESK_SERVER_PASSWORD", PASSWORD)
        .env("VIPDESK_FAILPOINT", "sync-applying:1500")
        .env("VIPDESK_BULK_PAGE", "1000")
        .env_remove("VIPDESK_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(!o.status.success(), "the failpoint killed it");
    {
        let db = Db::open_existing(&fresh).expect("open");
        let state = replica::state(db.conn()).expect("state").expect("joined");
        // A new database has nothing of its own to send: only its pull is left to resume.
        assert!(state.cursor > 0 && state.sent_own, "{state:?}");
    }
    let o = sync_process(&fresh, &[], None);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    assert_eq!(snapshot(&fresh), snapshot(&dept.head_db));
    let o = crate::common::vipdesk(&fresh, &["check"]);
    assert!(o.status.success(), "{}", crate::common::stdout(&o));
}

/// One step of the convergence property: an edit, a sync, or a replica going off or on line.
#[derive(Debug, Clone)]
enum Step {
    Edit {
        replica: usize,
        client: usize,
        field: usize,
    },
    Sync(usize),
    Toggle(usize),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        4 => (0..3usize, 0..3usize, 0..3usize)
            .prop_map(|(replica, client, field)| Step::Edit { replica, client, field }),
        2 => (0..3usize).prop_map(Step::Sync),
        1 => (0..3usize).prop_map(Step::Toggle),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 4,
        failure_persistence: None,
        .. proptest::test_runner::Config::default()
    })]
    /// Random edits on three replicas (the head's and two of one manager's), syncs in random
    /// order and random outages: once all are back and synced, the replicas hold the same
    /// records, each field the value of its last edit, and the server has every edit once.
    #[test]
    fn three_replicas_converge_whatever_the_order_and_outages(
        steps in proptest::collection::vec(step(), 10..30)
    ) {
        let Some(dept) = Dept::new("three_replicas_converge") else {
            return Ok(());
        };
        let replicas = [
            dept.head_db.clone(),
            dept.workstation("m2a", &dept.managers[0]),
            dept.workstation("m2b", &dept.managers[0]),
        ];
        let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
        let actors = [
            Actor::manager(1, Role::GroupHead),
            manager_actor(&replicas[1], &m2_uuid, Role::Manager),
            manager_actor(&replicas[2], &m2_uuid, Role::Manager),
        ];
        let clients: Vec<String> = rusqlite::Connection::open(&dept.head_db)
            .expect("open")
            .prepare("SELECT uuid FROM clients WHERE manager_id = 2 ORDER BY id LIMIT 3")
            .expect("sql")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        let fields = ["legal_address", "postal_address", "contract_number"];
        let mut offline: [Option<String>; 3] = [None, None, None];
        let mut edits = [0i64; 3];
        for (n, s) in steps.iter().enumerate() {
            match *s {
                Step::Edit { replica, client, field } => {
                    let value = format!("{} {n}", fields[field]);
                    edit_client(&replicas[replica], &clients[client % clients.len()], &actors[replica], |c| {
                        match field {
                            0 => c.legal_address = value,
                            1 => c.postal_address = value,
                            _ => c.contract_number = value,
                        }
                    });
                    edits[replica] += 1;
                }
                Step::Sync(r) => {
                    let mut db = Db::open_existing(&replicas[r]).expect("open");
                    let done = sync::sync(&mut db, PASSWORD, &mut |_| {});
                    proptest::prop_assert_eq!(done.is_ok(), offline[r].is_none(), "{:?}", done);
                }
                Step::Toggle(r) => match offline[r].take() {
                    Some(url) => come_back(&replicas[r], &url),
                    None => offline[r] = Some(go_offline(&replicas[r])),
                },
            }
        }
        for (r, url) in offline.iter().enumerate() {
            if let Some(url) = url {
                come_back(&replicas[r], url);
            }
        }
        for _ in 0..2 {
            for r in &replicas {
                sync_now(r);
            }
        }
        let snaps: Vec<_> = replicas.iter().map(|r| snapshot(r)).collect();
        proptest::prop_assert_eq!(&snaps[1], &snaps[2]);
        for (key, fields) in &snaps[1] {
            proptest::prop_assert_eq!(snaps[0].get(key), Some(fields), "{:?}", key);
        }
        for (r, path) in replicas.iter().enumerate() {
            let db = Db::open_existing(path).expect("open");
            let state = replica::state(db.conn()).expect("state").expect("joined");
            let s = sync::status(&db).expect("status");
            proptest::prop_assert_eq!((s.outbox, s.waiting), (0, 0));
            drop(db);
            let (count, distinct) = server_changes(&dept, &state.node);
            proptest::prop_assert_eq!(count, distinct);
            if r > 0 {
                proptest::prop_assert_eq!(count, edits[r], "replica {}", r);
            }
        }
        // Each field holds the value of its last edit (the one with the latest stamp).
        let mut last: std::collections::BTreeMap<(usize, usize), String> = Default::default();
        for (n, s) in steps.iter().enumerate() {
            if let Step::Edit { client, field, .. } = *s {
                last.insert((client % clients.len(), field), format!("{} {n}", fields[field]));
            }
        }
        for ((client, field), value) in last {
            proptest::prop_assert_eq!(client_field(&replicas[1], &clients[client], fields[field]), value);
        }
    }
}

/// The head gives a client of manager 2 to manager 3: it leaves manager 2's replica with
/// everything of it (not a byte of its INN or people left in the file) and reaches manager
/// 3's whole; nothing is deleted on the server or on the head's replica. A change manager 2
/// made to it offline meanwhile is refused by the server and kept aside, not lost silently,
/// and does not hold back the rest.
#[test]
fn a_client_given_to_another_manager_moves_between_replicas() {
    let Some(dept) = Dept::new("a_client_given_to_another_manager_moves_between_replicas") else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let m3 = dept.workstation("m3", &dept.managers[1]);
    let client = client_of_manager(&dept.head_db, 2);
    let (inn, person): (String, String) = rusqlite::Connection::open(&dept.head_db)
        .expect("open")
        .query_row(
            "SELECT c.inn, p.surname FROM clients c JOIN people p ON p.client_id = c.id \
             WHERE c.uuid = ?1 LIMIT 1",
            [&client],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("client with a person");
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let m3_uuid = crate::server::manager_uuid(&dept.head_db, 3);
    // Manager 2 edits it (not yet synced) and another client of theirs.
    let other = rusqlite::Connection::open(&dept.head_db)
        .expect("open")
        .query_row(
            "SELECT uuid FROM clients WHERE manager_id = 2 AND uuid <> ?1 ORDER BY id LIMIT 1",
            [&client],
            |r| r.get::<_, String>(0),
        )
        .expect("another client");
    let m2_actor = manager_actor(&m2, &m2_uuid, Role::Manager);
    edit_client(&m2, &client, &m2_actor, |c| {
        c.postal_address = "Поздняя правка".into()
    });
    edit_client(&m2, &other, &m2_actor, |c| {
        c.postal_address = "Другая правка".into()
    });
    let m3_local = rusqlite::Connection::open(&dept.head_db)
        .expect("open")
        .query_row("SELECT id FROM managers WHERE uuid = ?1", [&m3_uuid], |r| {
            r.get::<_, i64>(0)
        })
        .expect("m3");
    edit_client(
        &dept.head_db,
        &client,
        &Actor::manager(1, Role::GroupHead),
        |c| c.manager_id = Some(m3_local),
    );
    sync_now(&dept.head_db);
    let r = sync_now(&m2);
    assert_eq!((r.refused, r.removed), (1, 1), "{r:?}");
    sync_now(&m3);
    let db = Db::open_existing(&m2).expect("open");
    let s = sync::status(&db).expect("status");
    assert_eq!((s.outbox, s.refused), (0, 1), "{s:?}");
    let gone: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM clients WHERE uuid = ?1",
            [&client],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(gone, 0);
    assert_eq!(client_field(&m2, &other, "postal_address"), "Другая правка");
    let o = crate::common::vipdesk(&m2, &["check"]);
    assert!(o.status.success(), "{}", crate::common::stdout(&o));
    // Nothing of it is left in any table but the journal, which keeps the history of the
    // manager's own work with it (its rows are chained: they are never rewritten), and the
    // manager's own refused edit, kept aside for them to see.
    let tables: Vec<String> = db
        .conn()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'appeals_fts%' AND name NOT IN ('journal', 'sync_refused')")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    for table in tables {
        let columns: Vec<String> = db
            .conn()
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .expect("sql")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        for column in columns {
            for needle in [&inn, &client] {
                let n: i64 = db
                    .conn()
                    .query_row(
                        &format!("SELECT count(*) FROM {table} WHERE instr(CAST({column} AS TEXT), ?1) > 0"),
                        [needle],
                        |r| r.get(0),
                    )
                    .expect("count");
                assert_eq!(n, 0, "{needle} left in {table}.{column}");
            }
        }
    }
    drop(db);
    // The new manager has it whole, as the head does.
    let head_snap = snapshot(&dept.head_db);
    let m3_snap = snapshot(&m3);
    let of_client: Vec<_> = head_snap
        .iter()
        .filter(|(_, f)| f.get("client_uuid").and_then(|v| v.as_str()) == Some(client.as_str()))
        .collect();
    assert!(of_client.len() > 3);
    for (key, fields) in of_client {
        assert_eq!(m3_snap.get(key), Some(fields), "{key:?}");
    }
    let manager: String = rusqlite::Connection::open(&m3)
        .expect("open")
        .query_row(
            "SELECT m.uuid FROM clients c JOIN managers m ON m.id = c.manager_id WHERE c.uuid = ?1",
            [&client],
            |r| r.get(0),
        )
        .expect("manager");
    assert_eq!(manager, m3_uuid);
    let surnames: i64 = rusqlite::Connection::open(&m3)
        .expect("open")
        .query_row(
            "SELECT count(*) FROM people WHERE surname = ?1",
            [&person],
            |r| r.get(0),
        )
        .expect("count");
    assert!(surnames > 0);
}

/// A letter registered on the head's workstation while the manager edited its draft offline:
/// the registered letter stays as registered everywhere, the manager's edit becomes a new
/// draft pointing at it, and a conflict says so.
#[test]
fn an_edit_of_a_letter_registered_elsewhere_becomes_a_new_version() {
    use vipdesk::letters::{Reply, service};
    let Some(dept) = Dept::new("an_edit_of_a_letter_registered_elsewhere_becomes_a_new_version")
    else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let client = client_of_manager(&dept.head_db, 2);
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let actor = manager_actor(&m2, &m2_uuid, Role::Manager);
    // A draft on the manager's workstation, synced.
    let (letter_id, letter_uuid) = {
        let mut db = Db::open_existing(&m2).expect("open");
        let client_id: i64 = db
            .conn()
            .query_row("SELECT id FROM clients WHERE uuid = ?1", [&client], |r| {
                r.get(0)
            })
            .expect("client");
        let template = service::template(&db, "reply_appeal")
            .expect("query")
            .expect("template");
        let reply = Reply {
            number: "17".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            subject: "О перерасчёте".into(),
            answer: "Перерасчёт выполнен.".into(),
            ..Default::default()
        };
        let today = db.today();
        let draft = service::draft_for(&db, client_id, None, &template, actor.id, &reply, today)
            .expect("draft");
        let id = service::save_draft(&mut db, &actor, &draft).expect("saved");
        let uuid: String = db
            .conn()
            .query_row("SELECT uuid FROM letters WHERE id = ?1", [id], |r| r.get(0))
            .expect("uuid");
        (id, uuid)
    };
    sync_now(&m2);
    sync_now(&dept.head_db);
    // The head registers it; the manager, offline, edits its body.
    let registered_body = {
        let mut db = Db::open_existing(&dept.head_db).expect("open");
        let id: i64 = db
            .conn()
            .query_row(
                "SELECT id FROM letters WHERE uuid = ?1",
                [&letter_uuid],
                |r| r.get(0),
            )
            .expect("letter on the head's workstation");
        service::register(&mut db, &Actor::manager(1, Role::GroupHead), id)
            .expect("registered")
            .body
    };
    {
        let mut db = Db::open_existing(&m2).expect("open");
        let mut letter = service::open(&db, letter_id).expect("letter");
        letter.body.push_str("\nДобавленный абзац менеджера.");
        service::save_draft(&mut db, &actor, &letter).expect("edited");
    }
    sync_now(&dept.head_db);
    let r = sync_now(&m2);
    assert_eq!(r.conflicts, 1, "{r:?}");
    sync_now(&dept.head_db);
    for path in [&dept.head_db, &m2] {
        let conn = rusqlite::Connection::open(path).expect("open");
        let (status, body, number): (String, String, String) = conn
            .query_row(
                "SELECT status, body, number FROM letters WHERE uuid = ?1",
                [&letter_uuid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("the letter");
        assert_eq!(status, "registered", "{path:?}");
        assert_eq!(body, registered_body, "{path:?}");
        assert!(!number.is_empty());
        let (v_status, v_body, v_number): (String, String, String) = conn
            .query_row(
                "SELECT v.status, v.body, v.number FROM letters v JOIN letters l ON l.id = v.version_of \
                 WHERE l.uuid = ?1",
                [&letter_uuid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("the new version");
        assert_eq!(v_status, "draft");
        assert!(v_body.contains("Добавленный абзац менеджера."), "{v_body}");
        assert_eq!(v_number, "");
    }
    let head_snap = snapshot(&dept.head_db);
    for (key, fields) in snapshot(&m2) {
        assert_eq!(head_snap.get(&key), Some(&fields), "{key:?}");
    }
}

/// A manager's workstation that had a database of its own (the same clients by INN, the same
/// managers by name, under uuids of its own) joins: its clients and its manager become the
/// server's, nothing is duplicated on the server; what it has that the server does not goes
/// up; another manager's clients it kept are refused by the server and kept aside.
#[test]
fn a_workstation_joining_with_its_own_data_duplicates_nothing() {
    let Some(dept) = Dept::new("a_workstation_joining_with_its_own_data_duplicates_nothing") else {
        return;
    };
    let own = dept.dir.path().join("own.db");
    // The same demo again: the same clients and managers, made anew under uuids of its own.
    let o = crate::common::vipdesk(&own, &["demo", "--clients", "12"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let (own_inns, own_uuids): (Vec<String>, Vec<String>) = rusqlite::Connection::open(&own)
        .expect("open")
        .prepare("SELECT inn, uuid FROM clients ORDER BY inn")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<Vec<(String, String)>, _>>()
        .expect("rows")
        .into_iter()
        .unzip();
    let head_uuids: Vec<String> = rusqlite::Connection::open(&dept.head_db)
        .expect("open")
        .prepare("SELECT uuid FROM clients WHERE inn IN (SELECT value FROM json_each(?1))")
        .expect("sql")
        .query_map([serde_json::to_string(&own_inns).expect("json")], |r| {
            r.get(0)
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(head_uuids.len(), 12, "the same clients by INN");
    assert!(
        own_uuids.iter().all(|u| !head_uuids.contains(u)),
        "under uuids of its own"
    );
    let mut db = Db::open_existing(&own).expect("open");
    let r = sync::join(
        &mut db,
        &dept.pg.tcp_url(),
        &dept.managers[0],
        PASSWORD,
        &mut |_| {},
    )
    .expect("joins");
    assert!(r.refused > 0, "another manager's clients refused: {r:?}");
    let s = sync::status(&db).expect("status");
    assert_eq!(s.outbox, 0);
    drop(db);
    let mut c = postgres::Client::connect(&dept.pg.url(), postgres::NoTls).expect("connect");
    let row = c
        .query_one(
            "SELECT count(*), count(DISTINCT fields ->> 'inn') FROM records WHERE tbl = 'clients'",
            &[],
        )
        .expect("count");
    let (clients, inns): (i64, i64) = (row.get(0), row.get(1));
    assert_eq!(
        (clients, inns),
        (12, 12),
        "nothing duplicated on the server"
    );
    let managers: i64 = c
        .query_one("SELECT count(*) FROM records WHERE tbl = 'managers'", &[])
        .expect("count")
        .get(0);
    assert_eq!(managers, 5, "the managers are the server's");
    let row = c
        .query_one(
            "SELECT count(*), count(DISTINCT (fields ->> 'client_uuid', fields ->> 'surname', fields ->> 'name')) \
             FROM records WHERE tbl = 'people'",
            &[],
        )
        .expect("count");
    let (people, distinct): (i64, i64) = (row.get(0), row.get(1));
    assert_eq!(people, distinct, "the leaders are not duplicated");
    // The manager's own clients are the server's records now.
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let mine: Vec<String> = rusqlite::Connection::open(&own)
        .expect("open")
        .prepare(
            "SELECT c.uuid FROM clients c JOIN managers m ON m.id = c.manager_id WHERE m.uuid = ?1",
        )
        .expect("sql")
        .query_map([&m2_uuid], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert!(!mine.is_empty());
    for u in &mine {
        assert!(head_uuids.contains(u), "{u} is the server's");
    }
    let o = crate::common::vipdesk(&own, &["check"]);
    assert!(o.status.success(), "{}", crate::common::stdout(&o));
}

/// The server's rules hold whatever a manager's workstation sends (a replica's file edited, a
/// psql session as the manager's role): another manager's client cannot be taken, written or
/// read by naming it under one's own client; the department's records (the head's card, the
/// managers' roles, the regulations) are not a manager's to write; the author is who is
/// logged in; the counters cannot be pushed out of range; a role of another department reads
/// nothing here.
#[test]
fn the_servers_rules_hold_against_a_hostile_workstation() {
    let Some(mut dept) = Dept::new("the_servers_rules_hold_against_a_hostile_workstation") else {
        return;
    };
    let mut m2 = postgres::Client::connect(
        &format!(
            "{} user={} password={PASSWORD}",
            dept.pg.tcp_url(),
            dept.managers[0]
        ),
        postgres::NoTls,
    )
    .expect("m2 logs in");
    let head_db = rusqlite::Connection::open(&dept.head_db).expect("open");
    let one = |sql: &str| -> String { head_db.query_row(sql, [], |r| r.get(0)).expect(sql) };
    let own_client = one("SELECT uuid FROM clients WHERE manager_id = 2 ORDER BY id LIMIT 1");
    let others_client = one("SELECT uuid FROM clients WHERE manager_id = 3 ORDER BY id LIMIT 1");
    let others_person = one(
        "SELECT p.uuid FROM people p JOIN clients c ON c.id = p.client_id WHERE c.manager_id = 3 LIMIT 1",
    );
    let head_card = one("SELECT uuid FROM managers WHERE id = 1");
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let push =
        |c: &mut postgres::Client, record: &str, tbl: &str, fields: &str, client: Option<&str>| {
            push_raw(c, record, tbl, fields, client, &head_card)
        };
    // Another manager's client taken by naming no client.
    let taken = format!(r#"{{"manager_uuid": "{m2_uuid}"}}"#);
    assert!(push(&mut m2, &others_client, "clients", &taken, None).is_err());
    // Another manager's person read by naming one's own client.
    let seq = push(&mut m2, &others_person, "people", "{}", Some(&own_client));
    assert!(seq.is_err(), "{seq:?}");
    let seen: i64 = m2
        .query_one(
            "SELECT count(*) FROM records WHERE record_uuid = $1::text::uuid",
            &[&others_person],
        )
        .expect("count")
        .get(0);
    assert_eq!(seen, 0);
    // The head's card, and one's own role.
    assert!(
        push(
            &mut m2,
            &head_card,
            "managers",
            r#"{"surname": "ВЗЛОМАН"}"#,
            None
        )
        .is_err()
    );
    assert!(push(&mut m2, &m2_uuid, "managers", r#"{"role": "head"}"#, None).is_err());
    assert!(
        push(
            &mut m2,
            &m2_uuid,
            "managers",
            r#"{"phone": "+7 (4862) 00-00-00"}"#,
            None
        )
        .is_ok()
    );
    // A change to one's own client goes in, under one's own name whatever it says.
    let seq = push(
        &mut m2,
        &own_client,
        "clients",
        r#"{"postal_address": "a"}"#,
        None,
    )
    .expect("own client");
    let author: String = m2
        .query_one(
            "SELECT author_uuid::text FROM changes WHERE seq = $1",
            &[&seq],
        )
        .expect("author")
        .get(0);
    assert_eq!(author, m2_uuid);
    // The counters.
    assert!(
        m2.execute(
            "SELECT vipdesk_raise_counter('letter', 2026, 9223372036854775807)",
            &[]
        )
        .is_err()
    );
    // The users' list is nobody's to read.
    assert!(m2.query("SELECT * FROM users", &[]).is_err());
    // A role of another department (in the cluster's group, not this server's user).
    let stranger = dept.pg.role("stranger");
    let mut admin = postgres::Client::connect(&dept.pg.url(), postgres::NoTls).expect("admin");
    admin
        .batch_execute(&format!(
            "CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE vipdesk_users"
        ))
        .expect("stranger");
    let mut s = postgres::Client::connect(
        &format!("{} user={stranger} password={PASSWORD}", dept.pg.tcp_url()),
        postgres::NoTls,
    )
    .expect("stranger logs in");
    let seen: i64 = s
        .query_one("SELECT count(*) FROM records", &[])
        .expect("count")
        .get(0);
    assert_eq!(seen, 0);
    assert!(
        s.query_opt("SELECT * FROM vipdesk_whoami()", &[])
            .expect("whoami")
            .is_none()
    );
    // The CLI says who is not a user, in words.
    let o = sync_process(&dept.head_db, &[], None);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let fresh = dept.dir.path().join("stranger.db");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&fresh)
        .args([
            "--create",
            "sync",
            "join",
            "--url",
            &dept.pg.tcp_url(),
            "--login",
            &stranger,
        ])
        .env("VIPDESK_SERVER_PASSWORD", PASSWORD)
        .env_remove("VIPDESK_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(!o.status.success());
    assert!(
        crate::common::stderr(&o).contains("не пользователь vipdesk"),
        "{}",
        crate::common::stderr(&o)
    );
}

/// Documents across the department: a report submitted on a manager's workstation is on the
/// head's «Сегодня» to accept after the sync, and the head's acceptance reaches the manager.
#[test]
fn a_report_submitted_on_a_managers_workstation_reaches_the_heads_today() {
    use vipdesk::contacts::{MeetingKind, service};
    let Some(dept) =
        Dept::new("a_report_submitted_on_a_managers_workstation_reaches_the_heads_today")
    else {
        return;
    };
    let m2 = dept.workstation("m2", &dept.managers[0]);
    let client = client_of_manager(&dept.head_db, 2);
    let m2_uuid = crate::server::manager_uuid(&dept.head_db, 2);
    let actor = manager_actor(&m2, &m2_uuid, Role::Manager);
    let report_uuid = {
        let mut db = Db::open_existing(&m2).expect("open");
        let client_id: i64 = db
            .conn()
            .query_row("SELECT id FROM clients WHERE uuid = ?1", [&client], |r| {
                r.get(0)
            })
            .expect("client");
        let today = db.today();
        let mut m = service::new_report(client_id, MeetingKind::Meeting, &actor, today);
        m.topics = "Тариф на 2027 год".into();
        m.agreements = "Прислать расчёт до пятницы".into();
        let id = service::save(&mut db, &actor, &m).expect("saved");
        service::submit(&mut db, &actor, id).expect("submitted");
        let uuid: String = db
            .conn()
            .query_row("SELECT uuid FROM meetings WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .expect("uuid");
        uuid
    };
    sync_now(&m2);
    sync_now(&dept.head_db);
    let mut db = Db::open_existing(&dept.head_db).expect("open");
    let head = Actor::manager(1, Role::GroupHead);
    let waiting = service::to_review(&db, &head).expect("to review");
    let found = waiting.iter().find(|(m, _)| {
        db.conn()
            .query_row(
                "SELECT uuid FROM meetings WHERE id = ?1",
                [m.id.expect("id")],
                |r| r.get::<_, String>(0),
            )
            .ok()
            .as_deref()
            == Some(report_uuid.as_str())
    });
    let (report, _) = found.expect("the manager's report is on the head's «Сегодня»");
    assert_eq!(report.agreements, "Прислать расчёт до пятницы");
    service::accept(&mut db, &head, report.id.expect("id"), "Принято").expect("accepted");
    drop(db);
    sync_now(&dept.head_db);
    sync_now(&m2);
    let status: String = rusqlite::Connection::open(&m2)
        .expect("open")
        .query_row(
            "SELECT status FROM meetings WHERE uuid = ?1",
            [&report_uuid],
            |r| r.get(0),
        )
        .expect("status");
    assert_eq!(status, "accepted");
}

/// A workstation joining with a database of its own, killed after the server took in a chunk
/// of its snapshot (the answer lost), goes on at the next sync where the server stopped: every
/// record it may send is on the server once, as it was sent, with the snapshot's one stamp
/// (the chunk sent again was passed by, not merged); the others are kept aside as refused.
#[test]
fn a_join_killed_while_its_snapshot_goes_up_goes_on_where_it_stopped() {
    let Some(dept) = Dept::new("a_join_killed_while_its_snapshot_goes_up_goes_on_where_it_stopped")
    else {
        return;
    };
    let own = dept.dir.path().join("own.db");
    let o = crate::common::vipdesk(&own, &["demo", "--clients", "12"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let url = dept.pg.tcp_url();
    let join = [
        "join",
        "--url",
        url.as_str(),
        "--login",
        dept.managers[0].as_str(),
    ];
    let o = sync_process(&own, &join, Some("sync-snapshot-sent:3"));
    assert!(!o.status.success(), "the failpoint killed it");
    let state = {
        let db = Db::open_existing(&own).expect("open");
        replica::state(db.conn()).expect("state").expect("joined")
    };
    assert!(!state.sent_own && state.own_table.is_some(), "{state:?}");
    // `sync status` says the join is not finished (not only «nothing waits to be sent»).
    let o = sync_process(&own, &["status"], None);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(vipdesk::words::server::SYNC_JOIN_UNFINISHED),
        "{text}"
    );
    {
        let db = Db::open_existing(&own).expect("open");
        assert!(!sync::status(&db).expect("status").join_finished);
    }
    let o = sync_process(&own, &[], None);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let db = Db::open_existing(&own).expect("open");
    let state = replica::state(db.conn()).expect("state").expect("joined");
    assert!(state.sent_own);
    let own_stamp = state.own_stamp.clone().expect("the snapshot's stamp");
    let s = sync::status(&db).expect("status");
    assert_eq!(s.outbox, 0);
    assert!(s.join_finished);
    let refused: std::collections::BTreeSet<(String, String)> = db
        .conn()
        .prepare("SELECT tbl, record_uuid FROM sync_refused")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let known: std::collections::BTreeSet<(String, String)> = db
        .conn()
        .prepare("SELECT tbl, record_uuid FROM sync_stamps")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    drop(db);
    assert!(!refused.is_empty(), "another manager's clients refused");
    let mut c = postgres::Client::connect(&dept.pg.url(), postgres::NoTls).expect("connect");
    let mut sent = 0;
    for ((table, uuid), fields) in snapshot(&own) {
        if known.contains(&(table.clone(), uuid.clone())) {
            continue; // the server's own record, taken in before the snapshot
        }
        let row = c
            .query_opt(
                "SELECT fields::text, stamps::text FROM records WHERE tbl = $1 AND record_uuid = $2::text::uuid",
                &[&table, &uuid],
            )
            .expect("record");
        match row {
            None => assert!(
                refused.contains(&(table.clone(), uuid.clone())),
                "{table} {uuid} neither sent nor refused"
            ),
            Some(row) => {
                let on_server: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&row.get::<_, String>(0)).expect("json");
                assert_eq!(on_server, fields, "{table} {uuid} as it was sent");
                let stamps: serde_json::Value =
                    serde_json::from_str(&row.get::<_, String>(1)).expect("json");
                if table != "clients" {
                    assert_eq!(
                        stamps,
                        serde_json::json!({ "*": own_stamp }),
                        "{table} {uuid}: the snapshot's stamp, nothing merged"
                    );
                }
                sent += 1;
            }
        }
    }
    assert!(sent > 100, "{sent} records sent");
    // A fresh workstation of the same manager takes in what was sent; a sync after that reads
    // nothing again (a chunk's records share one change: the cursor is past all of them).
    let fresh = dept.workstation("fresh", &dept.managers[0]);
    let again = sync_now(&fresh);
    assert_eq!((again.applied, again.unchanged), (0, 0), "{again:?}");
    let again = sync_now(&own);
    assert_eq!((again.applied, again.unchanged), (0, 0), "{again:?}");
    let fresh_snapshot = snapshot(&fresh);
    let own_snapshot = snapshot(&own);
    for (key, fields) in &fresh_snapshot {
        if let Some(mine) = own_snapshot.get(key) {
            assert_eq!(mine, fields, "{key:?}");
        }
    }
}

/// A sync logged at the most verbose level names nobody: the PostgreSQL client's own logs
/// (statements with their parameters) stay out of it.
#[test]
fn a_sync_logged_at_trace_names_nobody() {
    let Some(dept) = Dept::new("a_sync_logged_at_trace_names_nobody") else {
        return;
    };
    let client = client_of_manager(&dept.head_db, 2);
    let head_uuid = crate::server::manager_uuid(&dept.head_db, 1);
    let secret = "302028, г. Орёл, ул. Тайная, д. 7";
    edit_client(
        &dept.head_db,
        &client,
        &manager_actor(&dept.head_db, &head_uuid, Role::GroupHead),
        |c| c.legal_address = secret.into(),
    );
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&dept.head_db)
        .arg("sync")
        .env("VIPDESK_SERVER_PASSWORD", PASSWORD)
        .env("RUST_LOG", "trace")
        .env_remove("VIPDESK_DB")
        .env_remove("VIPDESK_FAILPOINT")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(log.contains("vipdesk"), "the sync was logged");
    let short_name = client_field(&dept.head_db, &client, "short_name");
    for name in [secret, "Тайная", short_name.as_str()] {
        assert!(!log.contains(name), "{name:?} in the log");
    }
}

/// The same database copied to two workstations, edited on one before it joins: when the other
/// has sent its copy up first, the join takes the server's value in and keeps its own edit as a
/// conflict to choose — it is never overwritten unseen.
#[test]
fn a_copy_edited_before_it_joins_keeps_its_edit_as_a_conflict() {
    let Some(mut pg) = Pg::new("a_copy_edited_before_it_joins_keeps_its_edit_as_a_conflict") else {
        return;
    };
    let (dir, head_db) = initialised(&pg);
    let head = pg.role("boss");
    let m2_login = pg.role("m2");
    add_user(&head_db, &pg.url(), &head, "1", true);
    add_user(&head_db, &pg.url(), &m2_login, "2", false);
    let m2 = dir.path().join("m2.db");
    std::fs::copy(&head_db, &m2).expect("copy");
    let client = client_of_manager(&head_db, 2);
    let head_uuid = crate::server::manager_uuid(&head_db, 1);
    let edited = "302028, г. Орёл, ул. Правленая, д. 3";
    edit_client(
        &head_db,
        &client,
        &manager_actor(&head_db, &head_uuid, Role::GroupHead),
        |c| c.legal_address = edited.into(),
    );
    let mut db = Db::open_existing(&m2).expect("open");
    sync::join(&mut db, &pg.tcp_url(), &m2_login, PASSWORD, &mut |_| {}).expect("m2 joins");
    drop(db);
    let mut db = Db::open_existing(&head_db).expect("open");
    sync::join(&mut db, &pg.tcp_url(), &head, PASSWORD, &mut |_| {}).expect("head joins");
    let open = vipdesk::server::conflicts::open(&db).expect("conflicts");
    drop(db);
    let lost = serde_json::Value::String(edited.into()).to_string();
    assert!(
        open.iter().any(|k| k.conflict.record_uuid == client
            && k.conflict.lost.as_deref() == Some(lost.as_str())),
        "the edit is kept as a conflict: {open:#?}"
    );
}

/// The snapshot a joining database sends up is what it had when it joined: a row written
/// after the join (taken in from the server, or made here and sent by the outbox) is not read
/// again to find it has nothing to send — a new workstation's first sync took in 900,000.
#[test]
fn the_snapshot_of_a_joining_database_reads_no_row_written_after_the_join() {
    use vipdesk::storage::replica_own::{OwnReader, own_rows};
    let (mut db, _) = crate::common::db();
    let before = crate::common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let uuid = |db: &Db, id| {
        vipdesk::admin::service::manager(db, id)
            .expect("manager")
            .uuid
    };
    let first = uuid(&db, before);
    db.write(&Actor::SYSTEM, |w| {
        replica::join(
            w,
            "postgresql://localhost/vipdesk",
            "petrova",
            &first,
            false,
            "0b8f3c1e-eeee-4a5b-8c9d-000000000016",
        )
    })
    .expect("joined");
    let rows = own_rows(db.conn()).expect("rows");
    let after = crate::common::add_manager(&mut db, "Соколов", "Игорь", "Петрович");
    assert_eq!(
        own_rows(db.conn()).expect("rows"),
        rows,
        "a row after the join counted"
    );
    let mut reader = OwnReader::new(db.conn(), None, 1000, 1 << 20).expect("reader");
    let mut sent = Vec::new();
    while let Some(chunk) = reader.next_chunk(db.conn()).expect("chunk") {
        sent.extend(chunk.records.into_iter().map(|r| r.record_uuid));
    }
    assert!(sent.contains(&first), "the manager it had is sent up");
    assert!(
        !sent.contains(&uuid(&db, after)),
        "a manager made after the join is read again"
    );
}
