//! The department's sync on a PostgreSQL on this machine (as the tests reach it: the local
//! socket as the current user, or `VIPDESK_TEST_PG`). The numbers the issue asks for: syncing
//! 1,000 changes < 2 s, a sync with nothing to do < 50 ms, the first sync of a 5,000-client
//! replica < 30 s. A bench binary (each figure the median of its runs): the first sync is too
//! long for criterion's samples.
//!
//! The 5,000-client database: `VIPDESK_BENCH_5000` names a demo database of 5,000 clients
//! (`vipdesk demo --clients 5000`), copied for the run; without it that part is skipped.
// Bench code: a failed expectation is the bench failing.
#![allow(clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use vipdesk::domain::{Actor, Role};
use vipdesk::server::{NewUser, service, sync};
use vipdesk::storage::{Db, replica};

const PASSWORD: &str = "пароль-сервера";

fn admin_url() -> String {
    std::env::var("VIPDESK_TEST_PG")
        .unwrap_or_else(|_| "host=/var/run/postgresql dbname=postgres".to_string())
}

/// A server database of its own, dropped at the end with its roles.
struct Server {
    name: String,
    roles: Vec<String>,
}

impl Server {
    fn new(tag: &str) -> Option<Server> {
        let mut admin = postgres::Client::connect(&admin_url(), postgres::NoTls).ok()?;
        let name = format!("vipdesk_bench_{tag}_{}", std::process::id());
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create");
        Some(Server {
            name,
            roles: Vec::new(),
        })
    }
    fn admin(&self) -> String {
        admin_url().replace("dbname=postgres", &format!("dbname={}", self.name))
    }
    fn tcp(&self) -> String {
        format!("host=127.0.0.1 dbname={}", self.name)
    }
    fn user(&mut self, db: &Db, login: &str, manager: i64, head: bool) -> String {
        let role = format!("{login}_{}", self.name);
        service::add_user(
            db,
            &self.admin(),
            &NewUser {
                login: role.clone(),
                manager_id: manager,
                head,
                password: PASSWORD.into(),
            },
        )
        .expect("user");
        self.roles.push(role.clone());
        role
    }
}

impl Drop for Server {
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

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Changes 1,000 records of manager 2's clients (the months of their consumption) in the
/// replica at `path` as the head, in one write.
fn edit(path: &Path, round: usize) {
    let mut db = Db::open_existing(path).expect("open");
    let ids: Vec<i64> = db
        .conn()
        .prepare("SELECT id FROM clients WHERE manager_id = 2 ORDER BY id")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let head = Actor::manager(1, Role::GroupHead);
    let mut changed = 0;
    db.all_or_nothing(|db| {
        for id in &ids {
            let mut d = vipdesk::clients::service::open(db, *id).expect("dossier");
            for v in d.indicators.values_mut() {
                if changed < 1000 {
                    *v += 1.0 + round as f64;
                    changed += 1;
                }
            }
            vipdesk::clients::service::save(db, &head, &d).expect("saved");
        }
        Ok::<_, vipdesk::storage::StorageError>(())
    })
    .expect("edits");
    assert_eq!(changed, 1000, "manager 2's clients have 1,000 values");
}

fn sync_once(path: &Path) -> (Duration, sync::Report) {
    let mut db = Db::open_existing(path).expect("open");
    let started = Instant::now();
    let r = sync::sync(&mut db, PASSWORD, &mut |_| {}).expect("sync");
    (started.elapsed(), r)
}

fn small(dir: &Path) {
    let Some(mut server) = Server::new("small") else {
        println!("skipped: no PostgreSQL reachable as this user");
        return;
    };
    service::init(&server.admin()).expect("init");
    let head_db = dir.join("head.db");
    {
        let mut db = Db::open(&head_db).expect("db");
        let today = db.today();
        vipdesk::demo::generate(&mut db, 48, 3, today).expect("demo");
    }
    let db = Db::open_existing(&head_db).expect("open");
    let head = server.user(&db, "boss", 1, true);
    let m2 = server.user(&db, "m2", 2, false);
    drop(db);
    let mut db = Db::open_existing(&head_db).expect("open");
    sync::join(&mut db, &server.tcp(), &head, PASSWORD, &mut |_| {}).expect("join");
    drop(db);
    let m2_db = dir.join("m2.db");
    let mut db = Db::open(&m2_db).expect("db");
    sync::join(&mut db, &server.tcp(), &m2, PASSWORD, &mut |_| {}).expect("join");
    drop(db);

    let mut push = Vec::new();
    let mut pull = Vec::new();
    for round in 0..3 {
        edit(&head_db, round);
        let (t, r) = sync_once(&head_db);
        assert_eq!(r.pushed, 1000);
        push.push(t);
        let (t, r) = sync_once(&m2_db);
        assert_eq!(r.applied, 1000, "{r:?}");
        pull.push(t);
    }
    println!(
        "sync of 1,000 changes, sending (head's workstation): {}",
        ms(median(push))
    );
    println!(
        "sync of 1,000 changes, taking them in (manager's workstation, the records changed): {}",
        ms(median(pull))
    );
    frames(&head_db, &m2_db);
    let mut idle = Vec::new();
    for _ in 0..21 {
        idle.push(sync_once(&m2_db).0);
    }
    println!("a sync with nothing to do: {}", ms(median(idle)));
    let mut idle = Vec::new();
    for _ in 0..11 {
        idle.push(sync_once(&head_db).0);
    }
    println!(
        "a sync with nothing to do (the head, 48 clients): {}",
        ms(median(idle))
    );
}

/// The window's frames on the manager's workstation («Сегодня», 1280×800, its sync thread
/// running as in the window) while nothing syncs, and while the sync takes in 1,000 changes.
fn frames(head_db: &Path, m2_db: &Path) {
    use vipdesk::ui::{App, Prefs, Route};
    let db = Db::open_existing(m2_db).expect("open");
    let mut app = App::with_reads(db, Prefs::default(), true).expect("app");
    app.open(Route::Today).expect("today");
    let link = app.view.sync.clone();
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app);
    // The sync thread knows the password (as after «Войти на сервер»).
    link.send(vipdesk::ui::sync::worker::Msg::Password(PASSWORD.into()));
    let frame = |h: &mut egui_kittest::Harness<'static, App>| {
        let started = Instant::now();
        h.step();
        started.elapsed()
    };
    for _ in 0..30 {
        frame(&mut h);
    }
    std::thread::sleep(Duration::from_secs(2));
    let idle: Vec<Duration> = (0..200).map(|_| frame(&mut h)).collect();
    edit(head_db, 9);
    sync_once(head_db);
    let before = link.read().applied;
    link.send(vipdesk::ui::sync::worker::Msg::Now);
    let mut during = Vec::new();
    let started = Instant::now();
    while link.read().applied == before && started.elapsed() < Duration::from_secs(30) {
        during.push(frame(&mut h));
    }
    assert!(link.read().applied > before, "the sync took the changes in");
    let p = |mut v: Vec<Duration>, q: f64| {
        v.sort();
        v[((v.len() - 1) as f64 * q) as usize]
    };
    println!(
        "window frame, nothing syncing: median {}, 99th {}; while the sync takes in 1,000 changes ({} frames): median {}, 99th {}",
        ms(p(idle.clone(), 0.5)),
        ms(p(idle, 0.99)),
        during.len(),
        ms(p(during.clone(), 0.5)),
        ms(p(during, 0.99))
    );
}

fn large(dir: &Path) {
    let Ok(source) = std::env::var("VIPDESK_BENCH_5000") else {
        println!("first sync of 5,000 clients: skipped (VIPDESK_BENCH_5000 names no database)");
        return;
    };
    let Some(mut server) = Server::new("large") else {
        return;
    };
    service::init(&server.admin()).expect("init");
    let head_db = dir.join("head5000.db");
    std::fs::copy(&source, &head_db).expect("copy");
    let db = Db::open_existing(&head_db).expect("open");
    let clients: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .expect("count");
    let head = server.user(&db, "boss", 1, true);
    drop(db);
    let mut db = Db::open_existing(&head_db).expect("open");
    let started = Instant::now();
    let r = sync::join(&mut db, &server.tcp(), &head, PASSWORD, &mut |_| {}).expect("join");
    println!(
        "first sync of a {clients}-client replica, sending it all ({} records): {:.1} s",
        r.pushed,
        started.elapsed().as_secs_f64()
    );
    drop(db);
    let fresh = dir.join("fresh5000.db");
    let mut db = Db::open(&fresh).expect("db");
    let started = Instant::now();
    let r = sync::join(&mut db, &server.tcp(), &head, PASSWORD, &mut |_| {}).expect("join");
    println!(
        "first sync of a new workstation of the head, taking in {} records: {:.1} s",
        r.applied,
        started.elapsed().as_secs_f64()
    );
    let mut idle = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        sync::sync(&mut db, PASSWORD, &mut |_| {}).expect("sync");
        idle.push(started.elapsed());
    }
    println!(
        "a sync with nothing to do (the head, {clients} clients): {}",
        ms(median(idle))
    );
    let s = replica::state(db.conn()).expect("state").expect("joined");
    assert!(s.cursor > 0);
}

fn main() {
    // `cargo bench` passes --bench; a filter is ignored.
    let dir = tempfile::tempdir().expect("tmp");
    small(dir.path());
    large(dir.path());
}
