//! Kills and a full disk, on the real binary: after `kill -9` in the middle of a write, or a
//! write that meets a full disk, every committed record is there and nothing partial; files
//! written over are whole, old or new.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{inn, sha256, stderr, stdout, vipdesk};

fn client_count(db: &Path) -> usize {
    let o = vipdesk(db, &["clients", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().count()
}

fn check_ok(db: &Path) {
    let o = vipdesk(db, &["check"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

/// Starts vipdesk, kills it with SIGKILL after `after`, and says it was killed (not finished).
fn kill_after(db: &Path, args: &[&str], after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("VIPDESK_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(after);
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert_eq!(
        status.signal(),
        Some(9),
        "killed in the middle, not finished"
    );
}

#[test]
fn kill_during_demo_leaves_nothing_and_demo_runs_again() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    kill_after(
        &db,
        &["demo", "--clients", "3000"],
        Duration::from_millis(1500),
    );
    assert_eq!(client_count(&db), 0, "all or nothing");
    check_ok(&db);
    let o = vipdesk(&db, &["demo", "--clients", "12"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(client_count(&db), 12);
}

#[test]
fn kill_during_import_keeps_what_was_there_and_nothing_partial() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let mut csv = String::from("Краткое наименование;ИНН;Юридический адрес\n");
    for i in 1..=60_000 {
        csv.push_str(&format!(
            "АО «Клиент {i}»;{};г. Орёл, ул. Ленина, {i}\n",
            inn(i)
        ));
    }
    let file = dir.path().join("big.csv");
    std::fs::write(&file, csv).expect("csv");
    kill_after(
        &db,
        &["import", "clients", file.to_str().expect("p")],
        Duration::from_millis(1500),
    );
    let n = client_count(&db);
    assert!(n == 12 || n == 60_012, "{n}: all of the file or none of it");
    check_ok(&db);
}

/// A tmpfs of `kb` kilobytes mounted in a temporary folder for the test's life. Mounting needs
/// root: CI runs as root and runs these tests; anybody else sees them skipped, with the reason.
struct SmallDisk {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl SmallDisk {
    /// Whether a small disk can be mounted here (the user is root); says why not when not.
    fn possible(test: &str) -> bool {
        let root = std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|ids| ids.split_whitespace().nth(1))
                == Some("0")
        });
        if !root {
            // Straight to the terminal: the test harness does not hide it.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "skipped {test}: mounting a small tmpfs needs root (CI runs it as root)"
            );
        }
        root
    }

    fn new(kb: u32) -> SmallDisk {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).expect("dir");
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kb}k"), "tmpfs"])
            .arg(&path)
            .output()
            .expect("mount");
        assert!(
            o.status.success(),
            "mounting a small tmpfs needs root: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        SmallDisk { _dir: dir, path }
    }

    /// Fills the disk up to `leave` bytes free.
    fn fill(&self, leave: u64) {
        let free = self.free();
        let filler = vec![0u8; free.saturating_sub(leave) as usize];
        std::fs::write(self.path.join("filler"), filler).expect("fill");
    }

    fn free(&self) -> u64 {
        let o = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&self.path)
            .output()
            .expect("df");
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .expect("free bytes")
    }

    /// Gives the disk `kb` kilobytes in all (files stay).
    fn grow(&self, kb: u32) {
        let o = Command::new("mount")
            .args(["-o", &format!("remount,size={kb}k")])
            .arg(&self.path)
            .output()
            .expect("remount");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }

    fn empty(&self) {
        let _ = std::fs::remove_file(self.path.join("filler"));
    }

    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(&self.path)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

/// A full disk: an export over an old file leaves it whole, a backup leaves no copy, a message
/// in Russian; with room again both work.
#[test]
fn a_full_disk_breaks_no_file() {
    if !SmallDisk::possible("a_full_disk_breaks_no_file") {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let disk = SmallDisk::new(16384);
    let target = disk.path.join("clients.csv");
    std::fs::write(&target, "старая выгрузка").expect("old");
    let old = sha256(&target);
    disk.fill(2048);

    let o = vipdesk(&db, &["export", "clients", target.to_str().expect("p")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("на диске нет места"), "{}", stderr(&o));
    assert_eq!(sha256(&target), old, "the old file is whole");

    let copy = disk.path.join("copy.db");
    let o = vipdesk(&db, &["backup", "--out", copy.to_str().expect("p")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("на диске нет места"), "{}", stderr(&o));
    assert!(!copy.exists());
    assert_eq!(disk.leftovers(), Vec::<String>::new());

    disk.empty();
    let o = vipdesk(&db, &["export", "clients", target.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vipdesk(&db, &["backup", "--out", copy.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The database itself on a full disk: an import that does not fit is refused whole, the
/// database stays sound and keeps every client it had; demo data that does not fit leaves
/// nothing.
#[test]
fn a_database_on_a_full_disk_stays_whole() {
    if !SmallDisk::possible("a_database_on_a_full_disk_stays_whole") {
        return;
    }
    let disk = SmallDisk::new(16384);
    let db = disk.path.join("v.db");
    common::demo_db(&db, 12);
    let before = client_count(&db);
    disk.fill(64 * 1024);
    let mut csv = String::from("Краткое наименование;ИНН;Юридический адрес\n");
    for i in 1..=3000 {
        csv.push_str(&format!(
            "АО «Клиент {i}»;{};{}\n",
            inn(i),
            "г. Орёл, ".repeat(20)
        ));
    }
    let file = std::env::temp_dir().join(format!("vipdesk-full-{}.csv", std::process::id()));
    std::fs::write(&file, csv).expect("csv");
    let o = vipdesk(&db, &["import", "clients", file.to_str().expect("p")]);
    let _ = std::fs::remove_file(&file);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("на диске нет места"), "{}", stderr(&o));
    assert_eq!(stderr(&o).trim_end().lines().count(), 1, "{}", stderr(&o));
    disk.empty();
    assert_eq!(client_count(&db), before);
    check_ok(&db);

    let fresh = disk.path.join("fresh.db");
    disk.fill(256 * 1024);
    let o = vipdesk(&fresh, &["demo", "--clients", "200"]);
    assert!(!o.status.success());
    disk.empty();
    assert_eq!(client_count(&fresh), 0, "all or nothing");
}

/// What the register says of the merges: (registered letters of merges, drafts, numbers
/// given, the highest number's sequence).
fn register(db: &Path) -> (i64, i64, i64, i64) {
    let c = rusqlite::Connection::open(db).expect("open");
    let q = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).expect(sql) };
    (
        q("SELECT count(*) FROM letters WHERE merge_id IS NOT NULL AND number <> ''"),
        q("SELECT count(*) FROM letters WHERE status = 'draft'"),
        q("SELECT count(*) FROM letters WHERE number <> ''"),
        q("SELECT coalesce(max(seq), 0) FROM letters"),
    )
}

/// Every registered letter of a merge has its PDF in `out`, whole; no other PDF is there.
fn every_letter_has_its_file(db: &Path, out: &Path) {
    files_of_registered_letters(db, out, 0);
}

/// As [`every_letter_has_its_file`], allowing `cut` more files: a kill between a letter's file
/// and its registration's commit leaves the file of the number not given (the next run gives
/// that number again and writes the file over).
fn files_of_registered_letters(db: &Path, out: &Path, cut: usize) {
    let c = rusqlite::Connection::open(db).expect("open");
    let mut st = c
        .prepare("SELECT number, reg_date FROM letters WHERE merge_id IS NOT NULL AND number <> ''")
        .expect("q");
    // «Исх_VIP-24_АО_Орелводоканал.pdf»: the number, then the client.
    let expected: std::collections::BTreeSet<String> = st
        .query_map([], |r| {
            let number: String = r.get(0)?;
            Ok(format!("Исх_{number}_"))
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let present: std::collections::BTreeSet<String> = std::fs::read_dir(out)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".pdf"))
                .collect()
        })
        .unwrap_or_default();
    // A kill between a letter's commit and its file's move into place leaves the file under
    // its hidden part name (the next merge into the folder puts it in place).
    let parts: Vec<String> = std::fs::read_dir(out)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".part"))
                .collect()
        })
        .unwrap_or_default();
    let all_there = expected.iter().all(|prefix| {
        let finals = present
            .iter()
            .filter(|n| n.starts_with(prefix.as_str()))
            .count();
        let waiting = parts
            .iter()
            .filter(|n| n.starts_with(&format!(".{prefix}")))
            .count();
        finals == 1 || cut > 0 && finals == 0 && waiting == 1
    });
    assert!(
        all_there && present.len() - expected.len() <= cut,
        "registered letters {expected:?} and their files {present:?}"
    );
    for name in &present {
        let bytes = std::fs::read(out.join(name)).expect("pdf");
        assert!(bytes.starts_with(b"%PDF"), "{name}");
        let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(32)..]).to_string();
        assert!(tail.contains("%%EOF"), "{name} is whole");
    }
}

/// No client got two letters of one merge.
fn one_letter_per_client(db: &Path) -> i64 {
    let c = rusqlite::Connection::open(db).expect("open");
    let twice: i64 = c
        .query_row(
            "SELECT count(*) FROM (SELECT client_id FROM letters WHERE merge_id IS NOT NULL \
             GROUP BY merge_id, client_id HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .expect("q");
    assert_eq!(twice, 0, "a client written to twice");
    c.query_row(
        "SELECT count(DISTINCT client_id) FROM letters WHERE merge_id IS NOT NULL",
        [],
        |r| r.get(0),
    )
    .expect("q")
}

const MERGE: [&str; 7] = [
    "letter",
    "merge",
    "--template",
    "tariff_change",
    "--clients",
    "all",
    "--out",
];

pub(crate) fn merge_args<'a>(out: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = MERGE.to_vec();
    v.push(out);
    // The tariff notice asks for the day the tariffs change.
    v.extend_from_slice(&["--date", "01.01.2027"]);
    v.extend_from_slice(extra);
    v
}

/// The output folder fills up halfway through a merge: it stops with a summary; every
/// registered letter has its whole PDF, no number is burned, no draft left; the same merge run
/// again is refused; with room, `--resume` writes to the rest and to nobody twice.
#[test]
fn a_merge_that_meets_a_full_disk_stops_cleanly_and_resumes() {
    if !SmallDisk::possible("a_merge_that_meets_a_full_disk_stops_cleanly_and_resumes") {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let (_, drafts, numbers, max_seq) = register(&db);
    assert_eq!(numbers, max_seq);
    let disk = SmallDisk::new(1024);
    let out = disk.path.to_str().expect("p");

    let o = vipdesk(&db, &merge_args(out, &[]));
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("рассылка остановлена на клиенте"), "{err}");
    assert!(err.contains("на диске нет места"), "{err}");
    let (made, drafts_after, numbers_after, max_after) = register(&db);
    assert!(made > 0 && made < 48, "{made}");
    assert_eq!(drafts_after, drafts, "no draft left behind");
    assert_eq!(numbers_after, max_after, "no number burned");
    every_letter_has_its_file(&db, &disk.path);
    assert_eq!(disk.leftovers(), Vec::<String>::new());

    let o = vipdesk(&db, &merge_args(out, &[]));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("не закончена"), "{}", stderr(&o));
    assert_eq!(register(&db).0, made, "nobody written to again");

    disk.grow(8192);
    let o = vipdesk(&db, &merge_args(out, &["--resume"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("Ещё {made}")),
        "{}",
        stdout(&o)
    );
    assert_eq!(one_letter_per_client(&db), 48);
    every_letter_has_its_file(&db, &disk.path);
    let (_, _, numbers, max_seq) = register(&db);
    assert_eq!(numbers, max_seq);
    let o = vipdesk(&db, &merge_args(out, &["--resume"]));
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("незаконченной рассылки"),
        "{}",
        stderr(&o)
    );
}

/// A combined PDF that does not fit: nothing registered, no number burned.
#[test]
fn a_combined_merge_registers_only_once_its_file_is_written() {
    if !SmallDisk::possible("a_combined_merge_registers_only_once_its_file_is_written") {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let before = register(&db);
    let disk = SmallDisk::new(1024);
    disk.fill(48 * 1024);
    let out = disk.path.to_str().expect("p");
    let o = vipdesk(&db, &merge_args(out, &["--combined"]));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("на диске нет места"), "{}", stderr(&o));
    assert_eq!(register(&db), before, "nothing registered");
    assert_eq!(disk.leftovers(), Vec::<String>::new());
    disk.empty();
    let o = vipdesk(&db, &merge_args(out, &["--combined"]));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(register(&db).0, 48);
}

/// A selection with no client is an error, and leaves no trace.
#[test]
fn a_merge_to_nobody_is_an_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let out = dir.path().join("out");
    let mut args = merge_args(out.to_str().expect("p"), &[]);
    args[5] = "manager:99999";
    let o = vipdesk(&db, &args);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("ни один клиент"), "{}", stderr(&o));
    let c = rusqlite::Connection::open(&db).expect("open");
    let merges: i64 = c
        .query_row("SELECT count(*) FROM merges", [], |r| r.get(0))
        .expect("q");
    assert_eq!(merges, 0);
    assert!(!out.exists());
}

/// kill -9 in the middle of a merge: every registered letter has its PDF, no draft is left,
/// and `--resume` finishes it without writing to anyone twice.
#[test]
fn kill_during_a_merge_then_resume() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 300);
    let (_, drafts, _, _) = register(&db);
    let out = dir.path().join("out");
    let out_s = out.to_str().expect("p");
    kill_after(&db, &merge_args(out_s, &[]), Duration::from_millis(2500));
    let (made, drafts_after, numbers, max_seq) = register(&db);
    assert!(made > 0, "the kill came after some letters");
    assert_eq!(drafts_after, drafts);
    assert_eq!(numbers, max_seq);
    files_of_registered_letters(&db, &out, 1);
    let o = vipdesk(&db, &merge_args(out_s, &["--resume"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let clients = client_count(&db) as i64;
    assert_eq!(one_letter_per_client(&db), clients);
    every_letter_has_its_file(&db, &out);
}

/// A full disk or a disk mounted read-only: the clients are still listed and exported (the
/// file opened only to read it), and a write is refused in Russian.
#[test]
fn a_full_or_read_only_disk_still_reads() {
    if !SmallDisk::possible("a_full_or_read_only_disk_still_reads") {
        return;
    }
    let disk = SmallDisk::new(20_000);
    let db = disk.path.join("v.db");
    common::demo_db(&db, 12);
    let out = tempfile::tempdir().expect("tmp");
    let export = out.path().join("clients.csv");
    let export = export.to_str().expect("p");
    let new_client = out.path().join("new.csv");
    std::fs::write(
        &new_client,
        "Краткое наименование;ИНН\nАО «Новый»;7707083893\n",
    )
    .expect("csv");
    let new_client = new_client.to_str().expect("p");
    let reads = |when: &str| {
        let o = common::vipdesk(&db, &["clients", "list"]);
        assert!(o.status.success(), "{when}: {}", common::stderr(&o));
        assert_eq!(common::stdout(&o).lines().count(), 12, "{when}");
        let o = common::vipdesk(&db, &["export", "clients", export]);
        assert!(o.status.success(), "{when}: {}", common::stderr(&o));
        let o = common::vipdesk(&db, &["check"]);
        assert!(o.status.success(), "{when}: check {}", common::stdout(&o));
        let o = common::vipdesk(&db, &["import", "clients", new_client]);
        assert!(!o.status.success(), "{when}: a write");
        assert!(common::stderr(&o).contains("Ошибка"), "{when}");
    };
    disk.fill(0);
    reads("a full disk");
    disk.empty();
    let o = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&disk.path)
        .output()
        .expect("remount");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    reads("a read-only disk");
    let o = Command::new("mount")
        .args(["-o", "remount,rw"])
        .arg(&disk.path)
        .output()
        .expect("remount");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
