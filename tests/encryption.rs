//! Encryption at rest on the built binary: `encrypt` turns the database and its backups into
//! ciphertext (no client name left in any file), a missing or wrong passphrase is a clear
//! message that changes nothing, every command works with the passphrase, and `decrypt` brings
//! the plain files back. A database open elsewhere is not converted.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

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
    common::demo_db(&db, 12);
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
    let search = ["appeals", "list", "--search", "перерасчёт"];
    let found = ok(&run(&db, &search, None, None));
    assert!(
        !found.is_empty(),
        "the demo has appeals about a recalculation"
    );
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

    // With it, everything works; new copies are encrypted too; the full-text index came along.
    assert_eq!(clients(&db, Some(PASS)), 12);
    assert_eq!(ok(&run(&db, &search, Some(PASS), None)), found);
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

    // A plain copy made before (outside the backups folder) is not restored into the
    // encrypted database: a clear message, nothing changed.
    let outside = dir.path().join("outside.db");
    ok(&run(&db, &["decrypt"], Some(PASS), None));
    ok(&run(
        &db,
        &["backup", "--out", outside.to_str().expect("p")],
        None,
        None,
    ));
    ok(&run(&db, &["encrypt"], None, Some(PASS)));
    assert_eq!(clients(&db, Some(PASS)), 12);
    let before = sha256(&db);
    let o = run(
        &db,
        &["restore", outside.to_str().expect("p")],
        Some(PASS),
        None,
    );
    assert!(
        stderr(&o).contains("сделана до шифрования"),
        "{}",
        stderr(&o)
    );
    assert_eq!(sha256(&db), before);
    // With VIPDESK_PASSPHRASE set, a plain database still opens.
    assert_eq!(clients(&outside, Some(PASS)), 12);

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

/// Imports run again and again while `encrypt` works: each import either fails or its
/// clients are in the database afterwards — none is written into a file about to be replaced.
/// `encrypt` itself may be refused when an import holds the database as it starts.
#[test]
fn imports_during_encryption_are_refused_or_kept() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 120);
    ok(&run(&db, &["backup"], None, None));
    let mut imported = 0;
    let mut n = 0u32;
    let mut encrypted = false;
    for attempt in 0..5u32 {
        let mut child = spawn_encrypt(&db);
        // Imports start once encrypt is under way (sooner, they only keep it from starting).
        std::thread::sleep(std::time::Duration::from_millis(100 << attempt));
        while child.try_wait().expect("wait").is_none() {
            n += 1;
            let csv = dir.path().join(format!("c{n}.csv"));
            std::fs::write(
                &csv,
                format!("Краткое наименование\nООО «Новый клиент {n}»\n"),
            )
            .expect("csv");
            // With the passphrase the database has at that moment, whichever it is.
            for pass in [None, Some(PASS)] {
                let o = run(
                    &db,
                    &["import", "clients", csv.to_str().expect("p")],
                    pass,
                    None,
                );
                if o.status.success() {
                    imported += 1;
                    break;
                }
            }
        }
        let out = child.wait_with_output().expect("encrypt");
        let pass = if plain(&db) { None } else { Some(PASS) };
        assert_eq!(
            clients(&db, pass),
            120 + imported,
            "{imported} of {n} imports kept; encrypt: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.success() {
            encrypted = true;
            break;
        }
    }
    assert!(encrypted, "encrypt went through at least once");
    assert!(n > 0);
}

/// `encrypt` killed at any moment, then run again: the database opens with one of the two
/// states, and after the second run it and every copy are encrypted, nothing lost.
#[test]
fn an_interrupted_encryption_is_finished_by_running_it_again() {
    for delay in [100u64, 400, 900] {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("v.db");
        common::demo_db(&db, 60);
        ok(&run(&db, &["backup"], None, None));
        let mut child = spawn_encrypt(&db);
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        // Still plain (stopped before the database) or encrypted (stopped after it).
        let pass = if plain(&db) { None } else { Some(PASS) };
        assert_eq!(clients(&db, pass), 60, "killed after {delay} ms");
        ok(&run(&db, &["encrypt"], pass, Some(PASS)));
        assert!(!plain(&db));
        assert_eq!(clients(&db, Some(PASS)), 60);
        for f in backup::list(&db).expect("list") {
            assert!(!plain(&f.path), "{:?} after {delay} ms", f.path);
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
}

/// `encrypt` of a plain `db` with [`PASS`], started in the background (stderr kept).
fn spawn_encrypt(db: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(db)
        .arg("encrypt")
        .env_remove("VIPDESK_DB")
        .env_remove("VIPDESK_PASSPHRASE")
        .env("VIPDESK_NEW_PASSPHRASE", PASS)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("encrypt")
}

/// Encrypting leaves no readable plain copy where the program keeps copies: a copy taken
/// before a migration beside the database is encrypted too; a damaged plain copy in the backups
/// folder is named and the command fails, or, with `--remove-unreadable`, is removed.
#[test]
fn encrypt_leaves_no_plain_copy_behind() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, inn) = demo(dir.path());
    ok(&run(&db, &["backup"], None, None));
    let backups = vipdesk::storage::backups_dir(&db);
    let good = std::fs::read_dir(&backups)
        .expect("backups")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "db"))
        .expect("a backup");
    // A damaged copy: the first half of a good one.
    let bytes = std::fs::read(&good).expect("copy");
    let damaged = good.with_file_name("vipdesk-damaged.db");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).expect("damaged");
    let schema_bak = db.with_file_name("v.db.schema13.bak");
    std::fs::copy(&good, &schema_bak).expect("bak");
    assert!(holds(&schema_bak, &inn));

    let o = run(&db, &["encrypt"], None, Some(PASS));
    assert!(!o.status.success(), "a plain copy left is a failure");
    assert!(
        stderr(&o).contains(&damaged.display().to_string()),
        "{}",
        stderr(&o)
    );
    assert!(
        !plain(&schema_bak),
        "the copy before a migration is encrypted"
    );
    assert!(!holds(&schema_bak, &inn));
    let o = run(
        &db,
        &["encrypt", "--remove-unreadable"],
        Some(PASS),
        Some("пароль VIP-2027"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!damaged.exists(), "removed with the user's word");
    for e in std::fs::read_dir(&backups).expect("backups").flatten() {
        assert!(!plain(&e.path()), "{} is plain", e.path().display());
    }
}

/// A copy goes only into a database encrypted as it is: an encrypted copy into a plain
/// database is refused with the way out, the database untouched.
#[test]
fn an_encrypted_copy_does_not_go_into_a_plain_database() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, _) = demo(dir.path());
    let other = dir.path().join("other.db");
    std::fs::copy(&db, &other).expect("copy");
    ok(&run(&other, &["encrypt"], None, Some(PASS)));
    let copy = dir.path().join("encrypted-copy.db");
    ok(&run(
        &other,
        &["backup", "--out", copy.to_str().expect("p")],
        Some(PASS),
        None,
    ));
    let journal = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .expect("open")
            .query_row("SELECT count(*) FROM journal", [], |r| r.get(0))
            .expect("journal")
    };
    let before = journal(&db);
    let o = run(
        &db,
        &["restore", copy.to_str().expect("p")],
        Some(PASS),
        None,
    );
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("копия зашифрована, а база нет"),
        "{}",
        common::stderr(&o)
    );
    assert_eq!(journal(&db), before);
    assert!(plain(&db));
    // A plain copy into the plain database, VIPDESK_PASSPHRASE set for another one: restored,
    // and the database stays plain.
    let plain_copy = dir.path().join("plain-copy.db");
    ok(&run(
        &db,
        &["backup", "--out", plain_copy.to_str().expect("p")],
        None,
        None,
    ));
    ok(&run(
        &db,
        &["restore", plain_copy.to_str().expect("p")],
        Some(PASS),
        None,
    ));
    assert!(plain(&db));
    assert_eq!(clients(&db, None), 12);
}
