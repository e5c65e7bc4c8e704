//! Data safety, on the real binary: nothing the user keeps is lost by a typo in a path, a bad
//! file, a full disk, a kill or a second instance.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn vipdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("VIPDESK_DB")
        .output()
        .expect("run vipdesk")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A demo database in `dir`, checkpointed so that its file holds everything.
fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("v.db");
    let o = vipdesk(&db, &["demo", "--clients", "12"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

fn clients(db: &Path) -> usize {
    let o = vipdesk(db, &["clients", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).lines().count()
}

/// Writing onto the database — by its name, through a link, or onto its journal or backup —
/// is refused, the file unchanged to the byte.
#[test]
fn no_output_replaces_the_database_or_its_backups() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let before = std::fs::read(&db).expect("db");
    let n = clients(&db);
    let wal = dir.path().join("v.db-wal");
    let backups = dir.path().join("v.db-backups");
    std::fs::create_dir_all(&backups).expect("backups");
    let link = dir.path().join("link.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    let s = |p: &Path| p.to_str().expect("path").to_string();
    let attempts: Vec<Vec<String>> = vec![
        vec!["export".into(), "clients".into(), s(&db)],
        vec!["export".into(), "clients".into(), s(&link)],
        vec!["export".into(), "clients".into(), s(&wal)],
        vec!["export".into(), "clients".into(), s(&backups.join("x.csv"))],
        vec![
            "letter".into(),
            "render".into(),
            "--id".into(),
            "1".into(),
            "--out".into(),
            s(&db),
        ],
        vec![
            "meeting".into(),
            "render".into(),
            "--id".into(),
            "1".into(),
            "--out".into(),
            s(&db),
        ],
        vec![
            "report".into(),
            "contacts".into(),
            "--period".into(),
            "2026-Q3".into(),
            "--out".into(),
            s(&db),
        ],
    ];
    for args in attempts {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = vipdesk(&db, &args);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(
            stderr(&o).contains("это файл базы данных vipdesk"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert_eq!(
        std::fs::read(&db).expect("db"),
        before,
        "the file is unchanged"
    );
    assert_eq!(clients(&db), n);
}

/// An export that cannot be written (here: the folder refuses new files) leaves the file that
/// was there as it was.
#[cfg(unix)]
#[test]
fn a_failed_export_leaves_the_old_file_whole() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("dir");
    let target = out_dir.join("clients.csv");
    std::fs::write(&target, "старый файл").expect("old");
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o555)).expect("ro");
    let o = vipdesk(&db, &["export", "clients", target.to_str().expect("path")]);
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o755)).expect("rw");
    // Root may write anyway; then the export is simply whole.
    if o.status.success() {
        assert!(
            std::fs::read_to_string(&target)
                .expect("csv")
                .contains("ИНН")
        );
    } else {
        assert_eq!(
            std::fs::read_to_string(&target).expect("old"),
            "старый файл"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file left: {leftovers:?}"
    );
}

/// A value that a spreadsheet would run as a formula is exported as text, and imported back
/// as it was.
#[test]
fn formulas_are_exported_as_text_and_come_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("f.db");
    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        "Краткое наименование;ИНН;Юридический адрес\n\
         =cmd|' /C calc'!A0;7707083893;@SUM(A1)\n",
    )
    .expect("csv");
    let o = vipdesk(&db, &["import", "clients", csv.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("out.csv");
    let o = vipdesk(&db, &["export", "clients", out.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("csv");
    assert!(text.contains("\n'=cmd|"), "{text}");
    assert!(text.contains(";'@SUM(A1);"), "{text}");
    // Back in, the apostrophe is gone.
    let db2 = dir.path().join("g.db");
    let o = vipdesk(&db2, &["import", "clients", out.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vipdesk(&db2, &["clients", "list", "--json"]);
    let line = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        line.contains("\"short_name\":\"=cmd|' /C calc'!A0\""),
        "{line}"
    );
}
