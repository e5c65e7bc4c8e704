//! Encryption at rest on the built binary: `encrypt` turns the database and its backups into
//! ciphertext (no client name left in any file), a missing or wrong passphrase is a clear
//! message that changes nothing, every command works with the passphrase, and `decrypt` brings
//! the plain files back. A database open elsewhere is not converted.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{sha256, stderr, stdout};
use vipdesk::storage::backup::{self, Kind};

const PASS: &str = "пароль VIP-2026";

/// Runs vipdesk on `db` with the passphrase (and the new one) in the environment.
fn run(db: &Path, args: &[&str], pass: Option<&str>, new: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vipdesk"));
    c.arg("--db").arg(db).args(args).env_remove("VIPDESK_DB");
    c.env_remove("VIPDESK_PASSPHRASE")
        .env_remove("VIPDESK_NEW_PASSPHRASE");
    if let Some(p) = pass {
        c.env("VIPDESK_PASSPHRASE", p);
    }
    if let Some(p) = new {
        c.env("VIPDESK_NEW_PASSPHRASE", p);
    }
    c.output().expect("run vipdesk")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", stderr(o));
    stdout(o)
}

fn plain(path: &Path) -> bool {
    std::fs::read(path)
        .expect("read")
        .starts_with(b"SQLite format 3\0")
}

/// Whether `needle` is anywhere in the file (or its WAL) as bytes.
fn holds(path: &Path, needle: &str) -> bool {
    let mut bytes = std::fs::read(path).expect("read");
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    if let Ok(more) = std::fs::read(PathBuf::from(wal)) {
        bytes.extend(more);
    }
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn demo(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("v.db");
    ok(&run(&db, &["demo", "--clients", "12"], None, None));
    let name: String = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row("SELECT inn FROM clients WHERE inn <> '' LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("a client");
    (db, name)
}

fn clients(db: &Path, pass: Option<&str>) -> usize {
    ok(&run(db, &["clients", "list"], pass, None))
        .lines()
        .count()
}

#[test]
fn encrypt_work_with_the_passphrase_and_decrypt() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, inn) = demo(dir.path());
    ok(&run(&db, &["backup"], None, None));
    let copy = backup::list(&db).expect("list")[0].path.clone();
    assert!(
        holds(&db, &inn) && holds(&copy, &inn),
        "plain files hold the data"
    );

    // A short passphrase is refused; nothing changes.
    let before = sha256(&db);
    let o = run(&db, &["encrypt"], None, Some("1234"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("короче 8 символов"), "{}", stderr(&o));
    assert_eq!(sha256(&db), before);

    let said = ok(&run(&db, &["encrypt"], None, Some(PASS)));
    assert!(
        said.contains("зашифрована") && said.contains("зашифровано: 1"),
        "{said}"
    );
    for file in [&db, &copy] {
        assert!(!plain(file), "{file:?} is ciphertext");
        assert!(!holds(file, &inn), "{file:?} names no client");
    }

    // No passphrase, or a wrong one: a clear message, the file unchanged.
    let before = sha256(&db);
    let o = run(&db, &["clients", "list"], None, None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("зашифрована"), "{}", stderr(&o));
    let o = run(&db, &["clients", "list"], Some("не тот пароль"), None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("неверный пароль"), "{}", stderr(&o));
    assert_eq!(stderr(&o).trim_end().lines().count(), 1, "{}", stderr(&o));
    assert_eq!(sha256(&db), before, "nothing written");
    assert!(!dir.path().join("v.db-wal").exists());

    // With it, everything works; new copies are encrypted too.
    assert_eq!(clients(&db, Some(PASS)), 12);
    ok(&run(&db, &["check"], Some(PASS), None));
    ok(&run(&db, &["backup"], Some(PASS), None));
    let listed = ok(&run(&db, &["backups", "list"], Some(PASS), None));
    assert_eq!(listed.matches("клиентов 12").count(), 2, "{listed}");
    for f in backup::list(&db).expect("list") {
        assert!(!plain(&f.path), "{:?}", f.path);
    }
    let csv = dir.path().join("one.csv");
    std::fs::write(&csv, "Краткое наименование;ИНН\nАО «Новый»;7707083893\n").expect("csv");
    ok(&run(
        &db,
        &["import", "clients", csv.to_str().expect("p")],
        Some(PASS),
        None,
    ));
    assert_eq!(clients(&db, Some(PASS)), 13);
    ok(&run(
        &db,
        &["restore", copy.to_str().expect("p")],
        Some(PASS),
        None,
    ));
    assert_eq!(clients(&db, Some(PASS)), 12);
    let aside = backup::list(&db)
        .expect("list")
        .into_iter()
        .find(|f| f.kind == Kind::Restore)
        .expect("the replaced data kept aside");
    assert!(!plain(&aside.path), "kept aside encrypted");

    // Decrypt: plain again, the same data, the copies plain too.
    let o = run(&db, &["decrypt"], Some("не тот пароль"), None);
    assert!(stderr(&o).contains("неверный пароль"), "{}", stderr(&o));
    let said = ok(&run(&db, &["decrypt"], Some(PASS), None));
    assert!(said.contains("расшифрована"), "{said}");
    assert!(plain(&db));
    assert_eq!(clients(&db, None), 12);
    for f in backup::list(&db).expect("list") {
        assert!(plain(&f.path), "{:?}", f.path);
    }
    let o = run(&db, &["decrypt"], None, None);
    assert!(stderr(&o).contains("не зашифрована"), "{}", stderr(&o));
}

/// Another connection has the database open: it is not converted, nothing changes.
#[test]
fn a_database_open_elsewhere_is_not_encrypted() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, _) = demo(dir.path());
    let other = rusqlite::Connection::open(&db).expect("open");
    let n: i64 = other
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .expect("read");
    assert_eq!(n, 12);
    let o = run(&db, &["encrypt"], None, Some(PASS));
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("открыта в другом окне"),
        "{}",
        stderr(&o)
    );
    drop(other);
    assert!(plain(&db));
    assert_eq!(clients(&db, None), 12);
}
