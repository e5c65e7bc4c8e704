//! Data safety, on the real binary: nothing the user keeps is lost by a typo in a path, a bad
//! file, a full disk, a kill or a second instance.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use common::{inn, stderr, stdout, vipdesk};

use std::path::Path;
use std::process::Command;

/// A demo database in `dir`, checkpointed so that its file holds everything.
fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("v.db");
    common::demo_db(&db, 12);
    db
}

/// An empty database at `path` (commands other than `demo` refuse a missing file).
fn empty(path: std::path::PathBuf) -> std::path::PathBuf {
    vipdesk::storage::Db::open(&path).expect("create");
    path
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
    let db = empty(dir.path().join("f.db"));
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
    let db2 = empty(dir.path().join("g.db"));
    let o = vipdesk(&db2, &["import", "clients", out.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vipdesk(&db2, &["clients", "list", "--json"]);
    let line = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        line.contains("\"short_name\":\"=cmd|' /C calc'!A0\""),
        "{line}"
    );
}

/// One stray quote rejects its own row, named by the line an editor shows, and nothing more.
#[test]
fn a_stray_quote_in_a_csv_rejects_only_its_row() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = empty(dir.path().join("q.db"));
    let mut csv = String::from("Краткое наименование;ИНН;Юридический адрес\r\n");
    for i in 1..=200 {
        let address = if i == 100 {
            "\"г. Орёл, ул. Ленина, 1".to_string()
        } else {
            format!("г. Орёл, ул. Ленина, {i}")
        };
        csv.push_str(&format!("АО «Клиент {i}»;{};{address}\r\n", inn(i)));
    }
    let file = dir.path().join("clients.csv");
    std::fs::write(&file, csv).expect("csv");
    let o = vipdesk(&db, &["import", "clients", file.to_str().expect("path")]);
    assert!(!o.status.success(), "a rejected row fails the command");
    assert!(
        stderr(&o).contains("строка 101: кавычка открыта и не закрыта"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("Импортировано: 199 клиентов"),
        "{}",
        stdout(&o)
    );
    assert_eq!(clients(&db), 199);
}

/// Rejections name the lines a user sees in Excel or Notepad, whatever the line breaks.
#[test]
fn rejected_lines_are_the_lines_an_editor_shows() {
    let dir = tempfile::tempdir().expect("tmp");
    for (name, eol) in [("crlf", "\r\n"), ("lf", "\n"), ("cr", "\r")] {
        let db = empty(dir.path().join(format!("{name}.db")));
        let text = [
            "Краткое наименование;ИНН".to_string(),
            format!("АО «Первый»;{}", inn(1)),
            "АО «Плохой»;1234567895".to_string(),
            format!("АО «Третий»;{}", inn(3)),
        ]
        .join(eol);
        let file = dir.path().join(format!("{name}.csv"));
        std::fs::write(&file, text).expect("csv");
        let o = vipdesk(&db, &["import", "clients", file.to_str().expect("path")]);
        assert!(
            stderr(&o).contains("строка 3: неверный ИНН 1234567895"),
            "{name}: {}",
            stderr(&o)
        );
        assert_eq!(clients(&db), 2, "{name}");
    }
}

/// A UTF-8 file with one byte that is not UTF-8 is refused naming that line; it is not read
/// as Windows-1251 (which would garble every Cyrillic letter).
#[test]
fn one_bad_byte_does_not_switch_the_encoding() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = empty(dir.path().join("e.db"));
    let mut bytes = format!(
        "Краткое наименование;ИНН\nАО «Первый»;{}\nАО «Второй»;{}\nАО ",
        inn(1),
        inn(2)
    )
    .into_bytes();
    bytes.push(0xC2); // «В» in Windows-1251, not UTF-8 here
    bytes.extend_from_slice(format!("торой»;{}\n", inn(3)).as_bytes());
    let file = dir.path().join("mixed.csv");
    std::fs::write(&file, bytes).expect("csv");
    let o = vipdesk(&db, &["import", "clients", file.to_str().expect("path")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("строка 4"), "{}", stderr(&o));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
    assert_eq!(clients(&db), 0, "nothing imported");
}

/// Two imports of one file at once: each client once.
#[test]
fn two_imports_at_once_do_not_duplicate_clients() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = empty(dir.path().join("two.db"));
    // The database exists before the two start.
    assert_eq!(clients(&db), 0);
    let mut csv = String::from("Краткое наименование;ИНН\n");
    for i in 1..=300 {
        csv.push_str(&format!("АО «Клиент {i}»;{}\n", inn(i)));
    }
    let file = dir.path().join("c.csv");
    std::fs::write(&file, csv).expect("csv");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_vipdesk"))
            .arg("--db")
            .arg(&db)
            .args(["import", "clients"])
            .arg(&file)
            .output()
            .expect("run")
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(run);
        let b = s.spawn(run);
        (a.join().expect("a"), b.join().expect("b"))
    });
    assert_eq!(clients(&db), 300);
    let ok = [&a, &b].iter().filter(|o| o.status.success()).count();
    assert_eq!(ok, 1, "one imports, the other finds them all there");
}

/// Export, edit in a spreadsheet, import with --update: the clients are updated in place;
/// a manager the database does not know leaves the client without one and says so.
#[test]
fn export_edit_and_import_with_update_is_a_round_trip() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let n = clients(&db);
    let file = dir.path().join("c.csv");
    let o = vipdesk(&db, &["export", "clients", file.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&file).expect("csv");
    let edited = text.replacen("г. Орёл", "г. Орёл (новый адрес)", 1);
    assert_ne!(edited, text);
    std::fs::write(&file, &edited).expect("edit");
    let o = vipdesk(&db, &["import", "clients", file.to_str().expect("path")]);
    assert!(!o.status.success(), "without --update they are duplicates");
    assert_eq!(clients(&db), n);
    let o = vipdesk(
        &db,
        &[
            "import",
            "clients",
            "--update",
            file.to_str().expect("path"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("Обновлено: {n} ")),
        "{}",
        stdout(&o)
    );
    assert_eq!(clients(&db), n);
    let listed = vipdesk(
        &db,
        &[
            "export",
            "clients",
            dir.path().join("again.csv").to_str().expect("p"),
        ],
    );
    assert!(listed.status.success());
    let again = std::fs::read_to_string(dir.path().join("again.csv")).expect("csv");
    assert!(again.contains("г. Орёл (новый адрес)"));

    // Into a fresh database, the managers are unknown: imported without them, with a warning.
    let fresh = empty(dir.path().join("fresh.db"));
    let o = vipdesk(&fresh, &["import", "clients", file.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(clients(&fresh), n);
    assert!(
        stderr(&o).contains("не найден — клиент импортирован без менеджера"),
        "{}",
        stderr(&o)
    );
}

/// An e-mail whose subject carries terminal escape sequences and line breaks, and whose
/// attachments are named `..`, `con`, `aux.txt`, a 5,000-letter name and a right-to-left
/// override: stored as plain one-line text, printed without anything a terminal obeys, its
/// files named safely.
#[test]
fn an_email_with_escape_codes_reaches_no_terminal() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let address: String = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT email FROM people WHERE email <> '' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an address");
    let long = "я".repeat(5000);
    let attachment = |name: &str| {
        format!(
            "--b\r\nContent-Type: application/octet-stream\r\n\
             Content-Disposition: attachment; filename=\"{name}\"\r\n\r\nданные\r\n"
        )
    };
    let mut eml = format!(
        "From: =?utf-8?q?=1B]0;hacked=07?= <{address}>\r\n\
         Subject: =?utf-8?b?{}?=\r\n\
         Date: Mon, 7 Dec 2026 10:00:00 +0300\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nТекст\u{1b}[2J письма.\r\n",
        base64("\u{1b}[2J\u{1b}]0;title\u{7}Счёт\r\nза октябрь\rзатёрто".as_bytes())
    );
    for name in [
        "..",
        "con",
        "aux.txt",
        &format!("{long}.pdf"),
        "счёт\u{202E}fdp.exe",
    ] {
        eml.push_str(&attachment(name));
    }
    eml.push_str("--b--\r\n");
    let file = dir.path().join("m.eml");
    std::fs::write(&file, eml).expect("eml");
    let o = vipdesk(&db, &["appeals", "import-eml", file.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vipdesk(&db, &["appeals", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    assert!(
        !printed
            .bytes()
            .any(|b| b == 0x1b || b == b'\r' || b == 0x07),
        "{printed:?}"
    );
    let c = rusqlite::Connection::open(&db).expect("open");
    let subject: String = c
        .query_row(
            "SELECT subject FROM appeals ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("subject");
    assert!(!subject.chars().any(char::is_control), "{subject:?}");
    assert!(subject.contains("Счёт за октябрь затёрто"), "{subject:?}");
    let names: Vec<String> = c
        .prepare(
            "SELECT r.file_name FROM records r JOIN appeal_files f ON f.record_id = r.id \
             ORDER BY r.id",
        )
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("names");
    assert_eq!(names.len(), 5, "{names:?}");
    for n in &names {
        let stem = n.split('.').next().unwrap_or_default().to_lowercase();
        assert!(!["", "con", "aux"].contains(&stem.as_str()), "{n}");
        assert!(n.chars().count() <= 100, "{} characters", n.chars().count());
        assert!(!n.contains('\u{202E}') && !n.contains(".."), "{n}");
    }
}

/// Base64 of `bytes` (a subject encoded as mail programs do).
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Runs vipdesk on `db` with its address space capped at `mib` MiB: what would eat the machine
/// fails inside the cap instead of growing.
fn capped(db: &Path, mib: u64, args: &[&str]) -> std::process::Output {
    let mut script = format!("ulimit -v {}; exec \"$0\" --db \"$1\"", mib * 1024);
    for i in 0..args.len() {
        script.push_str(&format!(" \"${}\"", i + 2));
    }
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_vipdesk"))
        .arg(db)
        .args(args)
        .env_remove("VIPDESK_DB")
        .output()
        .expect("run vipdesk")
}

/// A refusal in Russian with exit code 1, not a crash.
fn refused(o: &std::process::Output, words: &str) {
    assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
    assert!(stderr(o).contains(words), "{}", stderr(o));
}

/// Input that would eat the machine is refused within 1 GiB of address space: a device, a
/// 300 MB CSV, an Excel file that unpacks to 200 MB, 200,000 rows, a demo of 100 million
/// clients.
#[test]
fn oversized_input_is_refused_within_a_memory_bound() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let cap = 1024;
    if Path::new("/dev/zero").exists() {
        let o = capped(&db, cap, &["import", "clients", "/dev/zero"]);
        refused(&o, "не обычный файл");
    }
    // 300 MB that take no disk (a sparse file).
    let big = dir.path().join("big.csv");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(300 * 1024 * 1024))
        .expect("sparse");
    refused(
        &capped(&db, cap, &["import", "clients", big.to_str().expect("p")]),
        "слишком велик",
    );
    // An Excel file of a few hundred KB holding 200 MB of one letter.
    let bomb = dir.path().join("bomb.xlsx");
    {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&bomb).expect("bomb"));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/sharedStrings.xml", options)
            .expect("entry");
        let chunk = vec![b'a'; 1024 * 1024];
        for _ in 0..200 {
            zip.write_all(&chunk).expect("write");
        }
        zip.finish().expect("zip");
    }
    assert!(std::fs::metadata(&bomb).expect("bomb").len() < 2 * 1024 * 1024);
    refused(
        &capped(&db, cap, &["import", "clients", bomb.to_str().expect("p")]),
        "распаковывается",
    );
    // 200,000 rows of a few bytes.
    let rows = dir.path().join("rows.csv");
    let mut text = String::from("Краткое наименование;ИНН\n");
    for i in 0..200_000 {
        text.push_str(&format!("АО «{i}»;\n"));
    }
    std::fs::write(&rows, text).expect("rows");
    let before = clients(&db);
    refused(
        &capped(&db, cap, &["import", "clients", rows.to_str().expect("p")]),
        "строк",
    );
    assert_eq!(clients(&db), before, "nothing imported");
    // A demo of 100 million clients: refused before a file is made.
    let none = dir.path().join("none.db");
    refused(
        &capped(&none, cap, &["--create", "demo", "--clients", "100000000"]),
        "от 1 до",
    );
    assert!(!none.exists());
}

/// Smaller ones: a search of punctuation only finds nothing (not everything); a CSV row with
/// fewer or more values than the header has columns is rejected with its line; a file of no
/// bytes is no database without `--create`.
#[test]
fn punctuation_searches_short_rows_and_empty_files_are_not_taken_as_data() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let all = stdout(&vipdesk(&db, &["appeals", "list"])).lines().count();
    assert!(all > 0);
    for q in ["\"", "(", "*", "\")*"] {
        let o = vipdesk(&db, &["appeals", "list", "--search", q]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 0, "«{q}» found something");
    }
    let csv = dir.path().join("short.csv");
    std::fs::write(
        &csv,
        format!(
            "Краткое наименование;ИНН;Вид\nАО «Полный»;{};юридическое лицо\nАО «Короткий»\n\
             АО «Длинный»;{};юридическое лицо;лишнее;ещё\nАО «С пустыми хвостами»;{};юридическое лицо;;\n",
            inn(9101),
            inn(9102),
            inn(9103)
        ),
    )
    .expect("csv");
    let before = clients(&db);
    let o = vipdesk(&db, &["import", "clients", csv.to_str().expect("p")]);
    let said = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(clients(&db), before + 2, "{said}");
    assert!(
        said.contains("строка 3") && said.contains("строка 4"),
        "{said}"
    );
    assert!(said.contains("в заголовке 3 колонок"), "{said}");
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").expect("empty");
    let o = vipdesk(&empty, &["clients", "list"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("пуст"), "{}", stderr(&o));
    let o = vipdesk(&empty, &["--create", "clients", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// What a killed backup, encryption or export left (`.NAME.PID.N.tmp` of a process that is
/// gone) is removed the next time the database opens, a backup is made or the file is written,
/// not an hour later; a living process's is kept.
#[test]
fn temporaries_of_killed_runs_do_not_stay() {
    if !Path::new("/proc/self").exists() {
        eprintln!("skipped: no /proc to tell a living process");
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo(dir.path());
    let dead = 4_194_400; // above the largest pid Linux hands out (2^22)
    let beside = db.with_file_name(format!(".v.db.{dead}.0.tmp"));
    let alive = db.with_file_name(format!(".v.db.{}.0.tmp", std::process::id()));
    for f in [&beside, &alive] {
        std::fs::write(f, b"half a copy").expect("tmp");
    }
    let o = vipdesk(&db, &["clients", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!beside.exists(), "a dead run's temporary is removed");
    assert!(alive.exists(), "a living one's is kept");
    let backups = vipdesk::storage::backups_dir(&db);
    std::fs::create_dir_all(&backups).expect("backups");
    let in_backups = backups.join(format!(".vipdesk-copy.db.{dead}.3.tmp"));
    std::fs::write(&in_backups, b"half").expect("tmp");
    let o = vipdesk(&db, &["backup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!in_backups.exists());
    let csv = dir.path().join("c.csv");
    let export_tmp = dir.path().join(format!(".c.csv.{dead}.1.tmp"));
    std::fs::write(&export_tmp, b"half").expect("tmp");
    let o = vipdesk(&db, &["export", "clients", csv.to_str().expect("p")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!export_tmp.exists());
}

/// A 5 MB name or a 2 MB subject is refused whole, with the field named, and nothing of it is
/// written; a long text of many lines (an appeal's body) is taken.
#[test]
fn texts_beyond_any_field_are_refused_not_cut() {
    use vipdesk::appeals::{Channel, service as appeals};
    let (mut db, _) = common::db();
    let (_, me) = common::head_and_manager(&mut db);
    let huge = "Я".repeat(5 * 1024 * 1024);
    let d = vipdesk::clients::Dossier {
        client: vipdesk::clients::Client {
            short_name: huge.clone(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    let e = vipdesk::clients::service::save(&mut db, &common::actor(me), &d).expect_err("5 MB");
    let said = vipdesk::i18n::describe(&e);
    assert!(said.contains("Краткое наименование"), "{said}");
    assert!(
        said.contains("2 000") || said.contains("2\u{a0}000"),
        "{said}"
    );
    assert_eq!(vipdesk::clients::service::count(&db).expect("count"), 0);

    let ok = vipdesk::clients::Dossier {
        client: vipdesk::clients::Client {
            short_name: "АО «Альфа»".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    let client = vipdesk::clients::service::save(&mut db, &common::actor(me), &ok).expect("client");
    let now = db.clock().local();
    let appeal = vipdesk::appeals::Appeal {
        subject: "Т".repeat(2 * 1024 * 1024),
        body: "Текст.".into(),
        ..appeals::new_appeal(client, Channel::Email, now, Some(me))
    };
    let e = appeals::create(&mut db, &common::actor(me), &appeal, true, &[]).expect_err("2 MB");
    assert!(
        vipdesk::i18n::describe(&e).contains("Тема"),
        "{}",
        vipdesk::i18n::describe(&e)
    );
    let long_body = vipdesk::appeals::Appeal {
        subject: "Счёт".into(),
        body: "Абзац письма клиента.\n".repeat(10_000),
        ..appeals::new_appeal(client, Channel::Email, now, Some(me))
    };
    appeals::create(&mut db, &common::actor(me), &long_body, true, &[]).expect("a long body");
}

/// Another program's SQLite file that carries a schema number is refused as it is: not switched
/// to WAL, no backups folder made beside it.
#[test]
fn another_programs_numbered_database_is_left_as_it_is() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE notes (x TEXT); PRAGMA user_version = 3;")
            .expect("other");
    }
    let before = common::sha256(&path);
    let o = common::vipdesk(&path, &["clients", "list"]);
    assert!(!o.status.success());
    assert!(
        common::stderr(&o).contains("другой программы"),
        "{}",
        common::stderr(&o)
    );
    assert_eq!(common::sha256(&path), before);
    // Nor is it replaced by a restore.
    let ours = tempfile::tempdir().expect("tmp");
    let copy = ours.path().join("copy.db");
    common::demo_db(&copy, 12);
    let o = common::vipdesk(&path, &["restore", copy.to_str().expect("p")]);
    assert!(!o.status.success(), "{}", common::stdout(&o));
    assert_eq!(common::sha256(&path), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["other.db".to_string()]);
}

/// A refused cell of 5 MB is named by its start and its length, not echoed whole.
#[test]
fn a_huge_refused_cell_is_not_echoed() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let csv = dir.path().join("huge.csv");
    let kind = "Ю".repeat(5 * 1024 * 1024 / 2);
    std::fs::write(
        &csv,
        format!("Краткое наименование;ИНН;Вид\nАО «Первый»;7707083893;{kind}\n"),
    )
    .expect("csv");
    let o = common::vipdesk(
        &db,
        &["--create", "import", "clients", csv.to_str().expect("p")],
    );
    let said = common::stdout(&o) + &common::stderr(&o);
    assert!(said.len() < 10_000, "{} bytes said", said.len());
    assert!(said.contains("знаков"), "{said}");
}

/// A damaged page among the clients: the export salvages every client that still reads, says
/// how many did not, and exits 1 (a script learns that it is not all).
#[test]
fn export_salvages_a_damaged_database() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let inn: String = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT inn FROM clients WHERE inn <> '' ORDER BY id LIMIT 1 OFFSET 20",
            [],
            |r| r.get(0),
        )
        .expect("inn");
    let mut bytes = std::fs::read(&db).expect("read");
    // Every page that holds it: the client's row and the index of INNs.
    let page = 4096;
    let pages: Vec<usize> = bytes
        .windows(inn.len())
        .enumerate()
        .filter(|(_, w)| *w == inn.as_bytes())
        .map(|(at, _)| at / page * page)
        .collect();
    assert!(!pages.is_empty(), "the client's row in the file");
    for start in pages {
        for (i, b) in bytes[start + 8..start + page].iter_mut().enumerate() {
            *b = (i * 7 % 251) as u8;
        }
    }
    std::fs::write(&db, &bytes).expect("damage");
    let out = dir.path().join("salvaged.csv");
    let o = common::vipdesk(&db, &["export", "clients", out.to_str().expect("p")]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let said = common::stdout(&o);
    assert!(said.contains("не прочитано из повреждённой базы"), "{said}");
    let rows = std::fs::read_to_string(&out)
        .expect("written")
        .lines()
        .count()
        - 1;
    assert!((24..48).contains(&rows), "{rows} of 48 salvaged: {said}");
}
