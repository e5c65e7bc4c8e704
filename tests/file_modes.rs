//! Files that hold personal data, on the built binary: every one a command makes is its owner's
//! only, a file replaced keeps its mode, a link is written through and a device or a pipe is
//! refused.
#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{self, stderr};

fn run(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vipdesk"));
    c.arg("--db").arg(db).args(args).env_remove("VIPDESK_DB");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run vipdesk")
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{}", stderr(o));
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// Every file and folder under `dir` (the folder itself too).
fn everything(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(everything(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn owner_only(dir: &Path, when: &str) {
    for p in everything(dir) {
        assert_eq!(
            mode(&p) & 0o077,
            0,
            "{when}: {} is {:o}",
            p.display(),
            mode(&p)
        );
    }
}

/// A new database, its WAL, its backups and everything exported from it are readable by their
/// owner only, whatever the system's default.
#[test]
fn every_file_a_command_makes_is_its_owners_only() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let work = dir.path().join("work");
    let db = work.join("v.db");
    ok(&run(&db, &["--create", "demo"], &[]));
    ok(&run(&db, &["backup"], &[]));
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let csv = out.join("clients.csv");
    ok(&run(
        &db,
        &["export", "clients", csv.to_str().expect("p")],
        &[],
    ));
    ok(&run(
        &db,
        &["backup", "--out", out.join("copy.db").to_str().expect("p")],
        &[],
    ));
    ok(&run(
        &db,
        &[
            "report",
            "contacts",
            "--period",
            "2026",
            "--out",
            out.join("r.pdf").to_str().expect("p"),
        ],
        &[],
    ));
    let merged = out.join("merge");
    ok(&run(
        &db,
        &crate::disk::merge_args(merged.to_str().expect("p"), &[]),
        &[],
    ));
    owner_only(&work, "the database and its backups");
    for p in everything(&out).into_iter().skip(1) {
        assert_eq!(mode(&p) & 0o077, 0, "{} is {:o}", p.display(), mode(&p));
    }
}

/// A file replaced keeps the mode its owner gave it: a re-export, and the database through
/// encrypt and decrypt.
#[test]
fn a_replaced_file_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let csv = dir.path().join("clients.csv");
    ok(&run(
        &db,
        &["export", "clients", csv.to_str().expect("p")],
        &[],
    ));
    for m in [0o640, 0o600] {
        std::fs::set_permissions(&csv, std::fs::Permissions::from_mode(m)).expect("chmod");
        ok(&run(
            &db,
            &["export", "clients", csv.to_str().expect("p")],
            &[],
        ));
        assert_eq!(mode(&csv), m, "re-export");
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let pass = [("VIPDESK_NEW_PASSPHRASE", "пароль VIP-2026")];
    ok(&run(&db, &["encrypt"], &pass));
    assert_eq!(mode(&db), 0o640, "after encrypt");
    ok(&run(
        &db,
        &["decrypt"],
        &[("VIPDESK_PASSPHRASE", "пароль VIP-2026")],
    ));
    assert_eq!(mode(&db), 0o640, "after decrypt");
}

/// An export to a symbolic link writes the file it leads to and leaves the link; one to a
/// pipe or a device is refused and leaves it as it was.
#[test]
fn a_link_is_written_through_and_a_pipe_or_device_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old").expect("real");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    ok(&run(
        &db,
        &["export", "clients", link.to_str().expect("p")],
        &[],
    ));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(std::fs::read_to_string(&real).expect("real").len() > 100);
    // A link to a file not there yet: the file is made where it leads.
    let dangling = dir.path().join("later.csv");
    let target = dir.path().join("made.csv");
    std::os::unix::fs::symlink(&target, &dangling).expect("link");
    ok(&run(
        &db,
        &["export", "clients", dangling.to_str().expect("p")],
        &[],
    ));
    assert!(target.is_file());

    let fifo = dir.path().join("pipe.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let o = run(&db, &["export", "clients", fifo.to_str().expect("p")], &[]);
    assert!(!o.status.success(), "a pipe is refused");
    assert!(stderr(&o).contains("не обычный файл"), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo(),
        "the pipe stays a pipe"
    );
    if uid() != 0 {
        eprintln!("skipped: a device node of its own needs root to make");
        return;
    }
    // A device of the test's own (the kind of /dev/full), never the system's: a program that
    // replaced it would replace only this one.
    let device = dir.path().join("full");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "7"])
        .status()
        .expect("mknod");
    if !made.success() {
        eprintln!("skipped: mknod is not allowed here");
        return;
    }
    let o = run(
        &db,
        &["export", "clients", device.to_str().expect("p")],
        &[],
    );
    assert!(!o.status.success(), "a device is refused");
    assert!(
        std::fs::symlink_metadata(&device)
            .expect("device")
            .file_type()
            .is_char_device(),
        "the device stays a device"
    );
}

/// The user id this test runs as, from /proc (no unsafe call).
fn uid() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|u| u.parse().ok())
        })
        .unwrap_or(u32::MAX)
}
