//! A mail merge on the built binary, killed at random points and resumed, and run twice at
//! once: every PDF in the folder is a registered letter of its client under its number, and no
//! client gets two letters from one merge.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common;
use vipdesk::storage::Db;

fn merge_cmd(db: &Path, out: &Path, resume: bool) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vipdesk"));
    let extra: &[&str] = if resume { &["--resume"] } else { &[] };
    c.arg("--db")
        .arg(db)
        .args(crate::disk::merge_args(out.to_str().expect("path"), extra))
        .env_remove("VIPDESK_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn start(db: &Path, out: &Path, resume: bool) -> Child {
    merge_cmd(db, out, resume).spawn().expect("run vipdesk")
}

/// (number, client's short name, merge) of every registered letter made by a merge.
fn merge_letters(db: &Path) -> Vec<(String, String, i64)> {
    let db = Db::open_existing(db).expect("db");
    let mut st = db
        .conn()
        .prepare(
            "SELECT l.number, c.short_name, l.merge_id FROM letters l \
             JOIN clients c ON c.id = l.client_id \
             WHERE l.merge_id IS NOT NULL AND l.deleted_at IS NULL AND l.number <> ''",
        )
        .expect("sql");
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// The PDFs the user sees in the folder (not the hidden parts of letters being made).
fn pdfs(out: &Path) -> Vec<String> {
    std::fs::read_dir(out)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".pdf") && !n.starts_with('.'))
        .collect()
}

/// Every PDF names a registered letter of the merge, of the client its name says; no client has
/// two letters from one merge.
fn assert_sound(db: &Path, out: &Path, when: &str) {
    let letters = merge_letters(db);
    for name in pdfs(out) {
        let owner = letters.iter().find(|(number, client, _)| {
            let expected = vipdesk::words::letters::letter_file_name(
                &vipdesk::letters::compose::safe_file_part(number),
                vipdesk::letters::compose::safe_file_part(client).trim_end_matches('.'),
            );
            expected == name
        });
        assert!(
            owner.is_some(),
            "{when}: {name} is no registered letter of its client"
        );
    }
    let mut seen = std::collections::HashSet::new();
    for (_, client, merge) in &letters {
        assert!(
            seen.insert((client.clone(), *merge)),
            "{when}: {client} has two letters from merge {merge}"
        );
    }
}

/// Clients a merge writes to: those with someone to address.
fn addressable(db: &Path) -> usize {
    let db = Db::open_existing(db).expect("db");
    vipdesk::letters::merge::recipients(
        &db,
        &vipdesk::domain::Actor::SYSTEM,
        &vipdesk::letters::Selection::All,
    )
    .expect("recipients")
    .iter()
    .filter(|r| r.addressee.is_some())
    .count()
}

/// Killed 30 times at random points (a fixed seed) and resumed each time, then let finish: at
/// every stop the folder and the register agree, and in the end every client has one letter.
#[test]
fn a_merge_killed_anywhere_and_resumed_never_numbers_a_letter_twice() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let out = dir.path().join("out");
    // How long a whole merge takes here, to kill within it.
    let whole = {
        let probe_db = dir.path().join("probe.db");
        std::fs::copy(&db, &probe_db).expect("copy");
        let t = std::time::Instant::now();
        let o = merge_cmd(&probe_db, &dir.path().join("probe"), false)
            .output()
            .expect("probe");
        assert!(o.status.success(), "{}", common::stderr(&o));
        t.elapsed().as_millis() as u64
    };
    let mut rng = fastrand::Rng::with_seed(20_261_207);
    let mut started = false;
    for round in 0..30 {
        let mut child = start(&db, &out, started);
        std::thread::sleep(Duration::from_millis(rng.u64(0..whole.max(10))));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        started = true;
        assert_sound(&db, &out, &format!("round {round} ({status})"));
        if status.success() {
            break;
        }
    }
    let o = merge_cmd(&db, &out, true).output().expect("resume");
    // Finished already: nothing is left to resume.
    if !o.status.success() {
        assert!(
            common::stderr(&o).contains(vipdesk::words::MERGE_NOTHING_TO_RESUME),
            "{}",
            common::stderr(&o)
        );
    }
    assert_sound(&db, &out, "the end");
    let letters = merge_letters(&db);
    assert_eq!(letters.len(), addressable(&db));
    assert_eq!(pdfs(&out).len(), letters.len(), "a PDF per letter");
    let parts = std::fs::read_dir(&out)
        .expect("out")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .count();
    assert_eq!(parts, 0, "nothing half-made is left");
}

/// Killed just after a letter's PDF is written but before its registration commits, then just
/// after a commit but before the PDF is in place: no PDF carries a number that was not
/// registered, and the next run puts the committed one in place.
#[test]
fn a_kill_between_the_file_and_the_commit_leaves_no_numbered_pdf() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let out = dir.path().join("out");
    let killed = merge_cmd(&db, &out, false)
        .env("VIPDESK_FAILPOINT", "merge-file-written:5")
        .output()
        .expect("merge");
    assert!(!killed.status.success(), "aborted at the point");
    assert_sound(&db, &out, "killed before a commit");
    assert_eq!(pdfs(&out).len(), merge_letters(&db).len());
    let killed = merge_cmd(&db, &out, true)
        .env("VIPDESK_FAILPOINT", "merge-committed:2")
        .output()
        .expect("resume");
    assert!(!killed.status.success(), "aborted at the point");
    assert_sound(&db, &out, "killed after a commit");
    let o = merge_cmd(&db, &out, true).output().expect("resume");
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert_sound(&db, &out, "the end");
    assert_eq!(merge_letters(&db).len(), addressable(&db));
    assert_eq!(
        pdfs(&out).len(),
        addressable(&db),
        "every letter has its PDF"
    );
}

/// Two identical merges started together: one runs, the other is refused; two resumes started
/// together share what is left: nobody gets two letters.
#[test]
fn two_merges_or_two_resumes_at_once_write_to_each_client_once() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let out = dir.path().join("out");
    let (a, b) = (start(&db, &out, false), start(&db, &out, false));
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    assert!(
        a.status.success() != b.status.success(),
        "one runs, one is refused: {} / {}",
        common::stderr(&a),
        common::stderr(&b)
    );
    assert_sound(&db, &out, "two at once");
    assert_eq!(merge_letters(&db).len(), addressable(&db));

    // A second merge (another folder), stopped early, then resumed twice at once.
    let db2 = dir.path().join("v2.db");
    common::demo_db(&db2, 48);
    let out2 = dir.path().join("out2");
    let mut first = start(&db2, &out2, false);
    for _ in 0..200 {
        if !pdfs(&out2).is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = first.kill();
    let _ = first.wait();
    let (a, b) = (start(&db2, &out2, true), start(&db2, &out2, true));
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    assert!(
        a.status.success() || b.status.success(),
        "{} / {}",
        common::stderr(&a),
        common::stderr(&b)
    );
    assert_sound(&db2, &out2, "two resumes");
    assert_eq!(merge_letters(&db2).len(), addressable(&db2));
    assert_eq!(pdfs(&out2).len(), addressable(&db2));
}

/// A part left by a kill after its letter committed is put in place by the next run; one whose
/// letter never committed is removed.
#[test]
fn parts_left_by_a_kill_are_settled_by_the_next_run() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 12);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("out");
    let stray = out.join(".Исх_VIP-999_АО_Никто.pdf.0b6c3f43-0000-4000-8000-000000000000.part");
    std::fs::write(&stray, b"%PDF-1.7 never registered").expect("stray");
    let o = merge_cmd(&db, &out, false).output().expect("merge");
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(!stray.exists(), "a part of no registered letter is removed");
    assert!(!out.join("Исх_VIP-999_АО_Никто.pdf").exists());
    assert_sound(&db, &out, "after");
}

/// A restore asked for while a merge writes is refused (the merge would go on numbering
/// letters in the copy); a file renamed over the database during a merge stops the merge
/// before a letter goes into it.
#[test]
fn the_database_is_not_replaced_under_a_running_merge() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let copy = dir.path().join("copy.db");
    let o = common::vipdesk(&db, &["backup", "--out", copy.to_str().expect("p")]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out = dir.path().join("out");
    let merge = start(&db, &out, false);
    for _ in 0..500 {
        if !pdfs(&out).is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let o = common::vipdesk(&db, &["restore", copy.to_str().expect("p")]);
    let merged = merge.wait_with_output().expect("merge");
    assert!(merged.status.success(), "{}", common::stderr(&merged));
    assert!(!o.status.success(), "restore under a merge is refused");
    assert!(
        common::stderr(&o).contains(vipdesk::words::ERR_DB_IN_USE),
        "{}",
        common::stderr(&o)
    );
    assert_sound(&db, &out, "after the refused restore");
    assert_eq!(pdfs(&out).len(), merge_letters(&db).len());

    // Another database renamed over the file while a merge runs.
    let db2 = dir.path().join("v2.db");
    common::demo_db(&db2, 48);
    let other = dir.path().join("other.db");
    common::demo_db(&other, 12);
    let out2 = dir.path().join("out2");
    let merge = start(&db2, &out2, false);
    for _ in 0..500 {
        if !pdfs(&out2).is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    std::fs::rename(&other, &db2).expect("mv");
    let merged = merge.wait_with_output().expect("merge");
    assert!(!merged.status.success(), "the merge notices");
    assert!(
        common::stderr(&merged).contains("заменён"),
        "{}",
        common::stderr(&merged)
    );
    // Every PDF the merge left is of a letter it registered before the file was replaced (in
    // the database it had open, renamed away).
    assert!(pdfs(&out2).len() < 48);
}
