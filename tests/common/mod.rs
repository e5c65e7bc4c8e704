//! Fixtures shared by the integration tests.
#![allow(dead_code, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use chrono::NaiveDate;
use vipdesk::admin::{self, Manager};
use vipdesk::domain::{Actor, FixedClock, Id, Role};
use vipdesk::storage::Db;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// A valid INN of an organisation, the i-th of a generated list.
pub fn inn(i: u32) -> String {
    let body = format!("57{i:07}");
    let d: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    format!("{body}{}", vipdesk::domain::validate::inn10_check_digit(&d))
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// A database in memory whose clock shows noon of [`today`] until the test moves it.
pub fn db() -> (Db, Arc<FixedClock>) {
    let mut db = Db::open_in_memory().expect("db");
    let clock = Arc::new(FixedClock::on(today()));
    db.set_clock(clock.clone());
    (db, clock)
}

/// A manager saved in `db`; returns its id.
pub fn add_manager(db: &mut Db, surname: &str, name: &str, patronymic: &str) -> Id {
    add_with_role(db, surname, name, patronymic, Role::Manager)
}

pub fn add_with_role(db: &mut Db, surname: &str, name: &str, patronymic: &str, role: Role) -> Id {
    let m = Manager {
        surname: surname.into(),
        name: name.into(),
        patronymic: patronymic.into(),
        position: "Менеджер по работе с клиентами категории «VIP»".into(),
        role,
        active: true,
        ..Default::default()
    };
    admin::service::save_manager(db, &Actor::SYSTEM, &m).expect("manager saved")
}

/// A manager (not a head) as the acting user.
pub fn actor(id: Id) -> Actor {
    Actor::manager(id, Role::Manager)
}

/// A head of the group and a manager who reports to them: (head, manager).
pub fn head_and_manager(db: &mut Db) -> (Id, Id) {
    let head = add_with_role(db, "Киселёв", "Дмитрий", "", Role::GroupHead);
    let me = add_manager(db, "Петрова", "Анна", "Сергеевна");
    let mut m = admin::service::manager(db, me).expect("me");
    m.supervisor_id = Some(head);
    admin::service::save_manager(db, &Actor::SYSTEM, &m).expect("supervisor");
    (head, me)
}

/// The text of a PDF, pages joined, white space folded.
pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let text: String = doc
        .get_pages()
        .keys()
        .map(|p| doc.extract_text(&[*p]).expect("text"))
        .collect::<Vec<_>>()
        .join(" ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document information of a PDF: key → text (`Title`, `Author`, `Subject`,
/// `CreationDate`, …).
pub fn pdf_info(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .and_then(|r| doc.get_dictionary(r))
        .expect("an Info dictionary");
    info.iter()
        .filter_map(|(k, v)| {
            let text = lopdf::decode_text_string(v).ok()?;
            Some((String::from_utf8_lossy(k).into_owned(), text))
        })
        .collect()
}

/// The outline of a PDF: (title, page from 1) of each entry, in order.
pub fn pdf_outline(bytes: &[u8]) -> Vec<(String, usize)> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    match doc.get_toc() {
        Ok(toc) => toc.toc.into_iter().map(|e| (e.title, e.page)).collect(),
        Err(_) => Vec::new(),
    }
}

/// Every needle is in `text`, each after the one before.
pub fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(i) => from += i + needle.len(),
            None => panic!("{needle:?} after {:?} in {text}", &text[..from]),
        }
    }
}

/// The filled boxes of a PDF (a chart's bars): their widths in points, page by page in order.
pub fn pdf_bars(bytes: &[u8]) -> Vec<f32> {
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF");
    let mut out = Vec::new();
    for page in doc.get_pages().values() {
        let content = doc.get_and_decode_page_content(*page).expect("content");
        let ops = &content.operations;
        for (i, op) in ops.iter().enumerate() {
            let filled = ops.get(i + 1).is_some_and(|n| n.operator == "f");
            if op.operator == "re" && filled {
                let w = op.operands.get(2).and_then(|w| w.as_float().ok());
                out.push(w.expect("a width"));
            }
        }
    }
    out
}

/// Runs the built binary on the database `db`.
pub fn vipdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("VIPDESK_DB")
        .output()
        .expect("run vipdesk")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The SHA-256 of a file, in hex; a missing file is «missing».
pub fn sha256(path: &Path) -> String {
    use sha2::Digest as _;
    match std::fs::read(path) {
        Ok(bytes) => sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        Err(_) => "missing".into(),
    }
}

/// The date a tariff notice asks for.
pub fn tariff_fields() -> vipdesk::letters::TemplateFields {
    vipdesk::letters::TemplateFields {
        date: "01.01.2027".into(),
        ..Default::default()
    }
}

/// Puts a demo database of `clients` clients at `path`, as `vipdesk demo --clients N` makes it.
/// The program makes each size once per test run (seconds in a debug build) and every test
/// gets its own copy of the file.
pub fn demo_db(path: &Path, clients: usize) {
    use std::collections::HashMap;
    use std::path::PathBuf;
    use std::sync::{Mutex, OnceLock};
    static MADE: OnceLock<Mutex<HashMap<usize, PathBuf>>> = OnceLock::new();
    let made = MADE.get_or_init(|| {
        // Each test process makes its own in a folder named by its id; the folders of processes
        // that ended go (a runner of one process per test runs many at once).
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("demo");
        if Path::new("/proc/self").exists() {
            for e in std::fs::read_dir(&root).into_iter().flatten().flatten() {
                if !Path::new("/proc").join(e.file_name()).exists() {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        Mutex::new(HashMap::new())
    });
    let original = {
        let mut made = made
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match made.get(&clients) {
            Some(p) => p.clone(),
            None => {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
                    .join("demo")
                    .join(std::process::id().to_string());
                std::fs::create_dir_all(&dir).expect("demo folder");
                let p = dir.join(format!("demo-{clients}.db"));
                let o = vipdesk(&p, &["demo", "--clients", &clients.to_string()]);
                assert!(o.status.success(), "demo: {}", stderr(&o));
                made.insert(clients, p.clone());
                p
            }
        }
    };
    std::fs::copy(&original, path).expect("copy of the demo database");
}
