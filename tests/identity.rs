//! Users prove who they are: the first sets their own password on a new workstation; then a
//! newcomer waits for the head to set theirs; a wrong password is refused; the hash never
//! reaches the journal; the computer's account proves it when the settings say so; the command
//! line acts as the user of `--user`, who is the journal's author.

use crate::common;

use std::process::Command;

use vipdesk::admin::identity::{self, Ask, Mode, Proof, SignInError};
use vipdesk::domain::{Actor, Denied, Duty, Role};
use vipdesk::i18n::{self, Describe};
use vipdesk::storage::Db;

#[test]
fn the_first_sets_their_password_then_the_head_sets_the_newcomers() {
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    assert!(!identity::established(&db).expect("q"));
    // A new workstation: the head signs in first (a manager going first would lock him out).
    assert!(matches!(
        identity::ask(&db, me),
        Err(SignInError::HeadFirst)
    ));
    assert!(matches!(
        identity::sign_in(&mut db, head, Proof::NewPassword("         ", "         ")),
        Err(SignInError::WeakPassword(8))
    ));
    assert_eq!(identity::ask(&db, head).expect("ask"), Ask::NewPassword);
    assert!(matches!(
        identity::sign_in(&mut db, head, Proof::NewPassword("1234567", "1234567")),
        Err(SignInError::WeakPassword(8))
    ));
    assert!(matches!(
        identity::sign_in(
            &mut db,
            head,
            Proof::NewPassword("пароль-головы", "пароль-другой")
        ),
        Err(SignInError::Mismatch)
    ));
    let actor = identity::sign_in(
        &mut db,
        head,
        Proof::NewPassword("пароль-головы", "пароль-головы"),
    )
    .expect("first password");
    assert_eq!(actor, Actor::manager(head, Role::GroupHead));
    assert!(identity::established(&db).expect("q"));
    // Now the department has users: the newcomer cannot pick a password of their own.
    assert!(matches!(
        identity::ask(&db, me),
        Err(SignInError::NoPassword)
    ));
    assert!(matches!(
        identity::sign_in(
            &mut db,
            me,
            Proof::NewPassword("мой-пароль-1", "мой-пароль-1")
        ),
        Err(SignInError::NoPassword)
    ));
    // A manager sets nobody else's password; the head sets the newcomer's.
    let manager = common::actor(me);
    let err = identity::set_password(&mut db, &manager, head, "чужой-пароль", "чужой-пароль")
        .expect_err("not theirs");
    assert_eq!(
        i18n::describe(&err),
        Denied::HeadOnly(Duty::EditManagers).describe()
    );
    let head_actor = Actor::manager(head, Role::GroupHead);
    identity::set_password(&mut db, &head_actor, me, "временный-1", "временный-1").expect("head");
    assert_eq!(identity::ask(&db, me).expect("ask"), Ask::Password);
    assert!(matches!(
        identity::sign_in(&mut db, me, Proof::Password("временный-2")),
        Err(SignInError::WrongPassword)
    ));
    identity::sign_in(&mut db, me, Proof::Password("временный-1")).expect("signed in");
    // The user changes their own.
    identity::set_password(
        &mut db,
        &manager,
        me,
        "мой-новый-пароль",
        "мой-новый-пароль",
    )
    .expect("own");
    assert!(identity::sign_in(&mut db, me, Proof::Password("временный-1")).is_err());
    identity::sign_in(&mut db, me, Proof::Password("мой-новый-пароль")).expect("new one");
    // A manager who left signs in no more.
    let mut m = vipdesk::admin::service::manager(&db, me).expect("m");
    m.active = false;
    vipdesk::admin::service::save_manager(&mut db, &head_actor, &m).expect("left");
    assert!(matches!(
        identity::sign_in(&mut db, me, Proof::Password("мой-новый-пароль")),
        Err(SignInError::UnknownUser(_))
    ));
    // No hash of a password anywhere in the journal; the day it was set is there.
    let journal: String = db
        .conn()
        .query_row("SELECT group_concat(changes, ' ') FROM journal", [], |r| {
            r.get(0)
        })
        .expect("journal");
    assert!(!journal.contains("argon2"), "{journal}");
    assert!(journal.contains("password_set_at"), "{journal}");
}

#[test]
fn the_computers_account_proves_who_works_when_the_settings_say_so() {
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let head_actor = Actor::manager(head, Role::GroupHead);
    let err = identity::set_mode(&mut db, &common::actor(me), Mode::OsAccount).expect_err("no");
    assert_eq!(
        i18n::describe(&err),
        Denied::HeadOnly(Duty::EditManagers).describe()
    );
    // The head who has not linked his own account would lock himself out: refused.
    assert!(matches!(
        identity::set_mode(&mut db, &head_actor, Mode::OsAccount),
        Err(SignInError::OwnAccountFirst)
    ));
    let account = identity::current_os_account();
    assert!(!account.is_empty());
    identity::set_os_account(&mut db, &head_actor, head, &account).expect("linked");
    identity::set_mode(&mut db, &head_actor, Mode::OsAccount).expect("head");
    assert_eq!(
        identity::sign_in_by_os(&mut db).expect("os"),
        Some(head_actor)
    );
    // The manager is not this account: picking the manager is refused.
    assert!(matches!(
        identity::sign_in(&mut db, me, Proof::OsAccount(&account)),
        Err(SignInError::NotThisAccount { .. })
    ));
    // Unlinked, the account proves nobody.
    identity::set_os_account(&mut db, &head_actor, head, "").expect("unlinked");
    assert!(matches!(
        identity::sign_in_by_os(&mut db),
        Err(SignInError::UnknownAccount { .. })
    ));
}

fn run(db: &std::path::Path, password: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vipdesk"));
    c.arg("--db").arg(db).args(args).env_remove("VIPDESK_DB");
    match password {
        Some(p) => c.env("VIPDESK_PASSWORD", p),
        None => c.env_remove("VIPDESK_PASSWORD"),
    };
    c.stdin(std::process::Stdio::null()).output().expect("run")
}

/// A head and a manager at `path`, each with a password.
fn with_passwords(path: &std::path::Path) -> (i64, i64) {
    let mut db = Db::open(path).expect("db");
    let (head, me) = common::head_and_manager(&mut db);
    identity::sign_in(
        &mut db,
        head,
        Proof::NewPassword("пароль-головы", "пароль-головы"),
    )
    .expect("head's password");
    let head_actor = Actor::manager(head, Role::GroupHead);
    identity::set_password(
        &mut db,
        &head_actor,
        me,
        "пароль-петровой",
        "пароль-петровой",
    )
    .expect("manager's password");
    (head, me)
}

/// Once users have passwords, a command that shows or writes out the clients' data asks who
/// reads as one that changes it does; a manager's day is hers, another's the head's to see.
#[test]
fn reading_commands_ask_who_reads() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    let (head, me) = with_passwords(&path);
    let export = dir.path().join("export.csv");
    let export = export.to_str().expect("path");
    for args in [
        vec!["clients", "list"],
        vec!["today"],
        vec!["letter", "list"],
        vec!["appeals", "list"],
        vec!["export", "clients", export],
        vec!["backup", "--out", export],
    ] {
        let out = run(&path, None, &args);
        assert!(!out.status.success(), "{args:?}: {}", common::stdout(&out));
        assert!(common::stderr(&out).contains("--user"), "{args:?}");
        assert!(!std::path::Path::new(export).exists());
    }
    let (me_s, head_s) = (me.to_string(), head.to_string());
    let out = run(&path, Some("пароль-петровой"), &["--user", &me_s, "today"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let out = run(
        &path,
        Some("пароль-петровой"),
        &["--user", &me_s, "today", "--manager", &head_s],
    );
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("руководитель"),
        "{}",
        common::stderr(&out)
    );
    let out = run(
        &path,
        Some("пароль-головы"),
        &["--user", &head_s, "today", "--manager", &me_s],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let out = run(
        &path,
        Some("пароль-петровой"),
        &["--user", &me_s, "export", "clients", export],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
}

#[test]
fn the_command_line_acts_as_the_proven_user() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    let (head, me) = with_passwords(&path);
    let csv = dir.path().join("clients.csv");
    std::fs::write(&csv, "short_name;inn;kind\nООО «Второй»;5751001230;ЮЛ\n").expect("csv");
    let csv = csv.to_str().expect("path");
    // Without --user a command that writes is refused, naming the way.
    let out = run(&path, None, &["import", "clients", csv]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("--user"),
        "{}",
        common::stderr(&out)
    );
    // A wrong password, and none at all without a terminal.
    let me_s = me.to_string();
    let out = run(
        &path,
        Some("не-тот-пароль"),
        &["--user", &me_s, "import", "clients", csv],
    );
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("Неверный пароль"),
        "{}",
        common::stderr(&out)
    );
    let out = run(&path, None, &["--user", &me_s, "import", "clients", csv]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("VIPDESK_PASSWORD"),
        "{}",
        common::stderr(&out)
    );
    // The right one: done, and the journal names her.
    let out = run(
        &path,
        Some("пароль-петровой"),
        &["--user", &me_s, "import", "clients", csv],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    let db = Db::open(&path).expect("db");
    let author: Option<i64> = db
        .conn()
        .query_row(
            "SELECT author_id FROM journal WHERE kind = 'clients' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("journal");
    assert_eq!(author, Some(me));
    assert_ne!(author, Some(head));
    drop(db);
    // Replacing or encrypting the database is the head's: not without --user, not a manager.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).expect("copy");
    let copy = copy.to_str().expect("path");
    for (password, args) in [
        (None, vec!["restore", copy]),
        (None, vec!["encrypt"]),
        (
            Some("пароль-петровой"),
            vec!["--user", me_s.as_str(), "restore", copy],
        ),
        (
            Some("пароль-петровой"),
            vec!["--user", me_s.as_str(), "decrypt"],
        ),
    ] {
        let out = run(&path, password, &args);
        assert!(!out.status.success(), "{args:?}: {}", common::stdout(&out));
    }
    let head_s = head.to_string();
    let out = run(
        &path,
        Some("пароль-головы"),
        &["--user", &head_s, "restore", copy],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
}
