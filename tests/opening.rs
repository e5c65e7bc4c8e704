//! Opening safely, on the real binary: a mistyped path, a file that is not ours, a newer schema
//! or a damaged file is refused as it is — the file unchanged by SHA-256 — with one Russian
//! sentence.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use std::path::{Path, PathBuf};

use common::{sha256, stderr, stdout, vipdesk};
use vipdesk::storage::{Db, Health, StorageError};

/// A demo database of 48 clients, closed (its journal checkpointed into the file).
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("v.db");
    common::demo_db(&db, 48);
    db
}

fn one_client_csv(dir: &Path) -> PathBuf {
    let file = dir.join("one.csv");
    std::fs::write(&file, "Краткое наименование;ИНН\nАО «Тест»;7707083893\n").expect("csv");
    file
}

/// The error is said once, in Russian: one line, no SQLite English.
fn said_once_in_russian(o: &std::process::Output, words: &str) {
    let err = stderr(o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains(words), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert_eq!(err.matches("Ошибка").count(), 1, "{err}");
    for english in ["database", "file is", "malformed", "error", "os error"] {
        assert!(!err.contains(english), "{err}");
    }
}

#[test]
fn a_mistyped_path_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("tmp");
    let typo = dir.path().join("Докуметны").join("vipdesk.db");
    let csv = one_client_csv(dir.path());
    for args in [
        vec!["check"],
        vec!["clients", "list"],
        vec!["import", "clients", csv.to_str().expect("p")],
        vec!["today"],
    ] {
        let o = vipdesk(&typo, &args);
        said_once_in_russian(&o, "нет: проверьте путь");
        assert!(stderr(&o).contains("Докуметны"), "names the path");
    }
    assert!(!typo.parent().expect("dir").exists(), "no folder was made");
    // Asked to, it creates the database.
    let o = vipdesk(
        &typo,
        &["--create", "import", "clients", csv.to_str().expect("p")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vipdesk(&typo, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 клиент"), "{}", stdout(&o));
}

#[test]
fn a_file_that_is_not_a_database_is_left_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let junk = dir.path().join("junk.db");
    let bytes: Vec<u8> = (0..40_960u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&junk, &bytes).expect("junk");
    let before = sha256(&junk);
    for args in [vec!["check"], vec!["clients", "list"], vec!["demo"]] {
        let o = vipdesk(&junk, &args);
        said_once_in_russian(&o, "не является базой данных vipdesk");
    }
    assert_eq!(sha256(&junk), before);
    assert!(!dir.path().join("junk.db-wal").exists());
}

#[test]
fn another_programs_sqlite_file_is_not_turned_into_ours() {
    let dir = tempfile::tempdir().expect("tmp");
    let other = dir.path().join("places.sqlite");
    {
        let c = rusqlite::Connection::open(&other).expect("open");
        c.execute_batch("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);")
            .expect("table");
    }
    let before = sha256(&other);
    let o = vipdesk(&other, &["clients", "list"]);
    said_once_in_russian(&o, "другой программы");
    let o = vipdesk(&other, &["demo"]);
    said_once_in_russian(&o, "другой программы");
    assert_eq!(sha256(&other), before);
}

/// A database from a newer vipdesk is refused before anything changes in it: not even the
/// switch to WAL (its journal mode stays what it was).
#[test]
fn a_newer_schema_is_refused_before_anything_changes() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let newer = vipdesk::storage::schema::latest_version() + 1;
    {
        let c = rusqlite::Connection::open(&db).expect("open");
        c.pragma_update(None, "journal_mode", "DELETE")
            .expect("rollback journal");
        c.pragma_update(None, "user_version", newer as i64)
            .expect("version");
    }
    let before = sha256(&db);
    for args in [vec!["clients", "list"], vec!["check"], vec!["demo"]] {
        let o = vipdesk(&db, &args);
        said_once_in_russian(&o, "более новой версией программы");
    }
    assert_eq!(sha256(&db), before);
    assert!(!dir.path().join("v.db-wal").exists());
    // The same through the library (the GUI's way in).
    assert!(matches!(Db::open(&db), Err(StorageError::TooNew { .. })));
    assert_eq!(sha256(&db), before);
}

/// 40 KB of random bytes in the middle of the file: the integrity check finds it before the
/// first write, the write is refused, the file is not touched.
#[test]
fn a_damaged_file_is_never_written() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let o = vipdesk(&db, &["clients", "list"]);
    let clients_before = stdout(&o).lines().count();
    assert_eq!(clients_before, 48);
    let len = std::fs::metadata(&db).expect("meta").len();
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&db)
            .expect("open");
        f.seek(SeekFrom::Start(len / 2)).expect("seek");
        let noise: Vec<u8> = (0..40_960u32)
            .map(|i| (i.wrapping_mul(2_246_822_519) >> 11) as u8)
            .collect();
        f.write_all(&noise).expect("noise");
    }
    let before = sha256(&db);
    let csv = one_client_csv(dir.path());
    let o = vipdesk(&db, &["import", "clients", csv.to_str().expect("p")]);
    said_once_in_russian(&o, "база данных повреждена");
    let o = vipdesk(&db, &["check"]);
    assert!(!o.status.success());
    assert_eq!(sha256(&db), before, "not a byte changed");

    // The library: the verdict is made once, every write refused.
    let mut open = Db::open(&db).expect("the header is sound: it opens");
    let actor = vipdesk::domain::Actor::SYSTEM;
    let r = open.write(&actor, |_| Ok::<_, StorageError>(()));
    assert!(matches!(r, Err(StorageError::Damaged(_))), "{r:?}");
    assert!(matches!(open.health(), Some(Health::Damaged(_))));
    drop(open);
    assert_eq!(sha256(&db), before, "not a byte changed");
}

/// The check runs in the background for the GUI; a write made meanwhile waits for the verdict.
#[test]
fn the_background_check_gives_its_verdict_to_writes() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let mut open = Db::open(&db).expect("open");
    open.check_in_background();
    let actor = vipdesk::domain::Actor::SYSTEM;
    open.write(&actor, |_| Ok::<_, StorageError>(()))
        .expect("a sound file is written");
    assert_eq!(open.health(), Some(Health::Sound));
}
