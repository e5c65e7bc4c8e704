//! Backups on the real binary and through the library: verified copies, the list, restore with
//! the replaced data kept aside, copies that must be refused, a damaged or foreign file replaced,
//! a full disk.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use std::path::{Path, PathBuf};

use common::{sha256, stderr, stdout, vipdesk};
use vipdesk::storage::Db;
use vipdesk::storage::backup::{self, Kind};

fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("v.db");
    common::demo_db(&db, 12);
    db
}

fn client_count(db: &Path) -> usize {
    let o = vipdesk(db, &["clients", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().count()
}

fn import_one(db: &Path, dir: &Path) {
    let file = dir.join("one.csv");
    std::fs::write(&file, "Краткое наименование;ИНН\nАО «Новый»;7707083893\n").expect("csv");
    let o = vipdesk(db, &["import", "clients", file.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The only copy in the backups folder of `db` of `kind`.
fn only(db: &Path, kind: Kind) -> PathBuf {
    let all: Vec<_> = backup::list(db)
        .expect("list")
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect();
    assert_eq!(all.len(), 1, "{all:?}");
    all[0].path.clone()
}

/// backup → a change → restore: the change is gone, the replaced data kept aside in a verified
/// copy that holds it; `backups list` shows both with their counts.
#[test]
fn backup_list_and_restore_on_the_command_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    assert_eq!(client_count(&db), 12);
    let o = vipdesk(&db, &["backup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("клиентов 12"), "{}", stdout(&o));
    let manual = only(&db, Kind::Manual);

    import_one(&db, dir.path());
    assert_eq!(client_count(&db), 13);
    let o = vipdesk(&db, &["restore", manual.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("клиентов 12"), "{}", stdout(&o));
    assert_eq!(client_count(&db), 12, "the database is as the copy");
    let aside = only(&db, Kind::Restore);
    let kept = backup::inspect(&aside, None).expect("a verified copy of the replaced data");
    assert_eq!(kept.counts.clients, 13);

    let o = vipdesk(&db, &["backups", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list = stdout(&o);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.contains("вручную") && list.contains("перед восстановлением"));
    assert!(list.contains("клиентов 13") && list.contains("клиентов 12"));

    // The copy to the place asked for; the database itself and a typo refused.
    let out = dir.path().join("копия.db");
    let o = vipdesk(&db, &["backup", "--out", out.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        backup::inspect(&out, None).expect("sound").counts.clients,
        12
    );
    let before = sha256(&db);
    let o = vipdesk(&db, &["backup", "--out", db.to_str().expect("p")]);
    assert!(!o.status.success());
    let o = vipdesk(&db, &["restore", db.to_str().expect("p")]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("это и есть файл базы данных"),
        "{}",
        stderr(&o)
    );
    let o = vipdesk(&db, &["restore", "нет-такой-копии.db"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("не найдены"), "{}", stderr(&o));
    assert_eq!(sha256(&db), before);
}

/// A copy that is damaged, newer, not a database or another program's is refused before the
/// database is touched.
#[test]
fn a_bad_copy_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let good = dir.path().join("good.db");
    let o = vipdesk(&db, &["backup", "--out", good.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));

    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&good).expect("read");
    let mid = bytes.len() / 2;
    for (i, b) in bytes[mid..mid + 8192].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&damaged, bytes).expect("write");
    let newer = dir.path().join("newer.db");
    std::fs::copy(&good, &newer).expect("copy");
    rusqlite::Connection::open(&newer)
        .expect("open")
        .pragma_update(None, "user_version", 999)
        .expect("version");
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "это не база данных, а текст".repeat(200)).expect("junk");
    let foreign = dir.path().join("places.sqlite");
    rusqlite::Connection::open(&foreign)
        .expect("open")
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .expect("foreign");

    let before = sha256(&db);
    for (copy, says) in [
        (&damaged, "повреждена"),
        (&newer, "более новой версией"),
        (&junk, "не является базой данных"),
        (&foreign, "другой программы"),
    ] {
        let o = vipdesk(&db, &["restore", copy.to_str().expect("p")]);
        assert!(!o.status.success(), "{copy:?}");
        assert!(stderr(&o).contains(says), "{copy:?}: {}", stderr(&o));
        assert_eq!(sha256(&db), before, "{copy:?}");
    }
    assert!(
        backup::list(&db).expect("list").is_empty(),
        "nothing kept aside for nothing"
    );
}

/// A database file that no longer opens (here: overwritten with text) is replaced by the copy;
/// the bad file is moved aside to the byte.
#[test]
fn an_unusable_file_is_replaced_and_kept_aside() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let good = dir.path().join("good.db");
    let o = vipdesk(&db, &["backup", "--out", good.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(&db, "испорчено ".repeat(1000)).expect("ruin");
    let ruined = sha256(&db);
    let o = vipdesk(&db, &["clients", "list"]);
    assert!(!o.status.success());

    let o = vipdesk(&db, &["restore", good.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(client_count(&db), 12);
    let aside = only(&db, Kind::Damaged);
    assert_eq!(sha256(&aside), ruined, "the bad file kept as it was");
    let o = vipdesk(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

/// A copy killed halfway leaves only a temporary file, which is no backup; the library's copy is
/// verified against the source.
#[test]
fn a_temporary_file_is_not_a_backup() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let folder = vipdesk::storage::backups_dir(&db);
    std::fs::create_dir_all(&folder).expect("dir");
    std::fs::write(
        folder.join(".v-2026-11-25-120000-manual.db.123.0.tmp"),
        b"half",
    )
    .expect("tmp");
    std::fs::write(folder.join("v-2026-11-25-120000-manual.db.partial"), b"x").expect("other");
    assert!(backup::list(&db).expect("list").is_empty());
    let o = vipdesk(&db, &["backups", "list"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "");

    let open = Db::open_existing(&db).expect("open");
    let target = folder.join("x.db");
    let s = open.backup_to(&target).expect("copy");
    assert_eq!(s.counts.clients, 12);
    assert!(s.counts.reports > 0 && s.counts.people > 0);
    assert_eq!(backup::inspect(&target, None).expect("sound"), s);
}

/// The day's automatic copy is made once; later ones in the same day only at exit, and the
/// policy thins them.
#[test]
fn automatic_copies_once_a_day_and_thinned() {
    use std::sync::Arc;
    use vipdesk::admin::backups;
    use vipdesk::domain::FixedClock;
    let dir = tempfile::tempdir().expect("tmp");
    let path = demo(dir.path());
    let mut db = Db::open_existing(&path).expect("open");
    let clock = Arc::new(FixedClock::on(common::today()));
    db.set_clock(clock.clone());
    assert!(backups::automatic(&db, true).expect("start").is_some());
    assert!(
        backups::automatic(&db, true).expect("again").is_none(),
        "once a day"
    );
    // Ten days of sessions, each closed at exit.
    for day in 1..=10 {
        clock.set_date(common::today() + chrono::Days::new(day));
        assert!(backups::automatic(&db, true).expect("start").is_some());
        assert!(backups::automatic(&db, false).expect("exit").is_some());
    }
    let autos: Vec<_> = backup::list(&path)
        .expect("list")
        .into_iter()
        .filter(|f| f.kind == Kind::Auto)
        .collect();
    // 7 days, plus the newest of earlier ISO weeks and of November.
    let days: std::collections::BTreeSet<_> = autos.iter().map(|f| f.taken.date()).collect();
    assert_eq!(autos.len(), days.len(), "one per day kept");
    assert!(autos.len() >= 7 && autos.len() <= 9, "{autos:?}");
    for f in &autos {
        assert!(backup::inspect(&f.path, None).is_ok());
    }
}

/// A restore through the open database (the window's way): its connection sees the copy's
/// data at once; an older copy is upgraded.
#[test]
fn restore_into_the_open_database() {
    use vipdesk::admin::backups;
    let dir = tempfile::tempdir().expect("tmp");
    let path = demo(dir.path());
    let mut db = Db::open_existing(&path).expect("open");
    let copy = backups::create(&db, Kind::Manual, None).expect("copy").path;
    import_one(&path, dir.path());
    assert_eq!(vipdesk::clients::service::count(&db).expect("n"), 13);
    let r = backups::restore(&mut db, &vipdesk::domain::Actor::SYSTEM, &copy).expect("restore");
    assert_eq!(r.snapshot.counts.clients, 12);
    assert_eq!(vipdesk::clients::service::count(&db).expect("n"), 12);
    assert!(r.aside.is_some());
    let err =
        backups::restore(&mut db, &vipdesk::domain::Actor::SYSTEM, &path).expect_err("itself");
    assert!(matches!(err, vipdesk::admin::AdminError::RestoreFromItself));
}
