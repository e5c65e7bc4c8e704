//! «Сервер отдела» in the window (#21), on a real PostgreSQL (see `server.rs`): a workstation
//! joins from the form, syncs, and decides a conflict on «Конфликты синхронизации».

use egui_kittest::kittest::Queryable as _;
use vipdesk::domain::{Actor, Role};
use vipdesk::storage::{Db, replica};
use vipdesk::ui::Prefs;
use vipdesk::ui::app::App;
use vipdesk::ui::command::Route;
use vipdesk::words::server as ws;

use super::{click_button, harness, type_into};
use crate::sync::{Dept, edit_client, sync_now};

/// The password field of the form (a password input, not a text one).
fn password_field(h: &super::H) -> egui_kittest::Node<'_> {
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::PasswordInput
            && n.label().as_deref() == Some(ws::SERVER_PASSWORD)
    })
}

#[test]
fn a_workstation_joins_from_the_server_screen_and_decides_a_conflict() {
    let Some(dept) = Dept::new("a_workstation_joins_from_the_server_screen") else {
        return;
    };
    let path = dept.dir.path().join("window.db");
    let db = Db::open(&path).expect("new database");
    let app = App::with_reads(db, Prefs::default(), false).expect("app");
    assert_eq!(app.route, Route::Welcome);
    let mut h = harness(app);
    h.run();
    // An empty database: the first screen offers the department server.
    click_button(&mut h, ws::WELCOME_JOIN);
    assert_eq!(h.state().route, Route::Server);
    // Nothing typed: the button says what it needs.
    assert!(super::is_disabled(&h, ws::SERVER_JOIN));
    type_into(&mut h, ws::SERVER_URL, &dept.pg.tcp_url());
    type_into(&mut h, ws::SERVER_LOGIN, &dept.managers[0]);
    password_field(&h).click();
    h.run();
    password_field(&h).type_text(crate::sync::PASSWORD);
    h.run();
    click_button(&mut h, ws::SERVER_JOIN);
    h.run();
    assert!(
        h.query_all_by_label_contains("Синхронизировано в").count() > 0,
        "{:?}",
        h.state().view.sync.read()
    );
    // The manager's clients came in.
    let state = replica::state(h.state().db.conn())
        .expect("state")
        .expect("joined");
    let clients: i64 = h
        .state()
        .db
        .conn()
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .expect("count");
    assert!(clients > 0);
    // The same field edited on the head's workstation and in this window's database.
    let client: String = h
        .state()
        .db
        .conn()
        .query_row("SELECT uuid FROM clients ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("client");
    edit_client(
        &dept.head_db,
        &client,
        &Actor::manager(1, Role::GroupHead),
        |c| c.full_name = "ООО «Имя от руководителя»".into(),
    );
    sync_now(&dept.head_db);
    let me: i64 = h
        .state()
        .db
        .conn()
        .query_row(
            "SELECT id FROM managers WHERE uuid = ?1",
            [&state.manager_uuid],
            |r| r.get(0),
        )
        .expect("me");
    edit_client(&path, &client, &Actor::manager(me, Role::Manager), |c| {
        c.full_name = "ООО «Имя от менеджера»".into()
    });
    h.state_mut().set_user(Some(me)).expect("user");
    h.state_mut().open(Route::Server).expect("route");
    h.run();
    click_button(&mut h, ws::SERVER_SYNC_NOW);
    h.run();
    // Both values on «Конфликты синхронизации».
    for value in ["ООО «Имя от менеджера»", "ООО «Имя от руководителя»"]
    {
        assert!(h.query_all_by_label_contains(value).count() > 0, "{value}");
    }
    click_button(&mut h, ws::CONFLICT_TAKE);
    h.run();
    assert!(h.query_all_by_label_contains(ws::CONFLICTS_NONE).count() > 0);
    let name: String = h
        .state()
        .db
        .conn()
        .query_row(
            "SELECT full_name FROM clients WHERE uuid = ?1",
            [&client],
            |r| r.get(0),
        )
        .expect("name");
    assert_eq!(name, "ООО «Имя от руководителя»");
    sync_now(&dept.head_db);
    let db = Db::open_existing(&dept.head_db).expect("open");
    let head_name: String = db
        .conn()
        .query_row(
            "SELECT full_name FROM clients WHERE uuid = ?1",
            [&client],
            |r| r.get(0),
        )
        .expect("name");
    assert_eq!(head_name, name);
}

/// A window opened on a database whose join was cut short says so on «Сервер отдела» (the
/// next sync finishes it), not only that nothing waits to be sent.
#[test]
fn a_join_cut_short_is_named_on_the_server_screen() {
    let Some(dept) = Dept::new("a_join_cut_short_is_named_on_the_server_screen") else {
        return;
    };
    let own = dept.dir.path().join("own.db");
    let o = crate::common::vipdesk(&own, &["demo", "--clients", "12"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&own)
        .args(["sync", "join", "--url", &dept.pg.tcp_url(), "--login"])
        .arg(&dept.managers[0])
        .env("VIPDESK_SERVER_PASSWORD", crate::sync::PASSWORD)
        .env("VIPDESK_FAILPOINT", "sync-snapshot-sent:1")
        .env_remove("VIPDESK_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert!(!o.status.success(), "the failpoint killed it");
    let db = Db::open_existing(&own).expect("open");
    let app = App::with_reads(db, Prefs::default(), false).expect("app");
    let mut h = harness(app);
    h.state_mut().open(Route::Server).expect("route");
    h.run();
    assert!(
        h.query_all_by_label_contains(ws::SYNC_JOIN_UNFINISHED)
            .count()
            > 0
    );
    drop(h);
    // The join finished: the records of other managers' clients this database had were
    // refused, and the screen says so as `sync status` does.
    let o = crate::sync::sync_process(&own, &[], None);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let refused = {
        let db = Db::open_existing(&own).expect("open");
        vipdesk::server::sync::status(&db).expect("status").refused
    };
    assert!(refused > 0);
    let db = Db::open_existing(&own).expect("open");
    let app = App::with_reads(db, Prefs::default(), false).expect("app");
    let mut h = harness(app);
    h.state_mut().open(Route::Server).expect("route");
    h.run();
    assert!(
        h.query_all_by_label_contains(&ws::sync_refused(refused))
            .count()
            > 0
    );
    assert_eq!(
        h.query_all_by_label_contains(ws::SYNC_JOIN_UNFINISHED)
            .count(),
        0
    );
}
