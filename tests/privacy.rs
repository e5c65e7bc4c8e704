//! Personal data stays out of the logs: a whole command-line session on demo data, logged at
//! the most verbose level, names no client, person, manager or phone — ids only. Exports say
//! that the file holds personal data.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::path::Path;
use std::process::Command;

/// Runs vipdesk with every log level on; returns (log lines, the command's own stderr lines).
fn logged(db: &Path, args: &[&str]) -> (Vec<String>, Vec<String>) {
    let o = Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("VIPDESK_DB")
        .env("RUST_LOG", "trace")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    // env_logger's lines start with «[2026-…Z LEVEL module]».
    err.lines()
        .map(str::to_string)
        .partition(|l| l.starts_with('[') && l.contains("Z "))
}

#[test]
fn a_logged_session_names_nobody() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let d = dir.path();
    let p = |name: &str| d.join(name).to_string_lossy().into_owned();
    std::fs::write(
        d.join("in.csv"),
        "Краткое наименование;ИНН\nАО «Секретный клиент»;7707083893\nАО «Плохой»;1234567895\n",
    )
    .expect("csv");
    let session: Vec<Vec<String>> = vec![
        vec!["demo".into(), "--clients".into(), "24".into()],
        vec!["clients".into(), "list".into()],
        vec!["today".into()],
        vec!["import".into(), "clients".into(), p("in.csv")],
        vec!["export".into(), "clients".into(), p("out.csv")],
        vec![
            "letter".into(),
            "merge".into(),
            "--template".into(),
            "tariff_change".into(),
            "--clients".into(),
            "all".into(),
            "--out".into(),
            p("letters"),
        ],
        vec![
            "letter".into(),
            "render".into(),
            "--id".into(),
            "1".into(),
            "--out".into(),
            p("1.pdf"),
        ],
        vec!["meetings".into(), "list".into()],
        vec![
            "report".into(),
            "contacts".into(),
            "--period".into(),
            "2026-Q4".into(),
            "--out".into(),
            p("report.pdf"),
        ],
        vec!["backup".into(), "--out".into(), p("copy.db")],
        vec!["backups".into(), "list".into()],
        vec!["restore".into(), p("copy.db")],
        vec!["check".into()],
    ];
    let mut log = Vec::new();
    let mut export_warned = false;
    for args in &session {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (lines, said) = logged(&db, &args);
        if args[0] == "export" {
            export_warned = said.iter().any(|l| l.contains("персональные данные"));
        }
        log.extend(lines);
    }
    assert!(export_warned, "an export warns of personal data");
    assert!(
        log.iter().any(|l| l.contains("registered letter")),
        "the session was logged: {log:#?}"
    );

    let conn = rusqlite::Connection::open(&db).expect("open");
    let column = |sql: &str| -> Vec<String> {
        let mut st = conn.prepare(sql).expect(sql);
        st.query_map([], |r| r.get::<_, String>(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let mut names = column("SELECT short_name FROM clients");
    names.extend(column("SELECT surname FROM people"));
    names.extend(column("SELECT surname FROM managers"));
    names.extend(column("SELECT inn FROM clients WHERE inn <> ''"));
    names.extend(column("SELECT number FROM person_phones"));
    names.push("Секретный".into());
    assert!(names.len() > 100);
    for line in &log {
        for name in &names {
            assert!(!line.contains(name.as_str()), "{name:?} in the log: {line}");
        }
    }
}
