//! The command line, run as the real binary on a temporary database.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use crate::common;

use common::{stderr, stdout, vipdesk};

use std::process::Command;

use vipdesk::domain::Actor;
use vipdesk::storage::Db;
use vipdesk::{admin, clients};

#[test]
fn demo_then_list_json() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let out = vipdesk(&db, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = vipdesk(&db, &["clients", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let clients: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(clients.len() >= 40);
    for c in &clients {
        assert!(c["id"].as_i64().is_some());
        assert!(!c["short_name"].as_str().expect("name").is_empty());
        let inn = c["inn"].as_str().expect("inn");
        assert!(vipdesk::domain::validate::check_inn(inn).is_ok(), "{inn}");
        assert!(!c["manager"].as_str().expect("manager").is_empty());
    }
    // The plain listing too, and `check` is happy.
    let out = vipdesk(&db, &["clients", "list"]);
    assert_eq!(stdout(&out).lines().count(), clients.len());
    let out = vipdesk(&db, &["check"]);
    assert!(out.status.success(), "{}", stdout(&out));
    // Demo data goes only into an empty database.
    let out = vipdesk(&db, &["demo"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("уже есть клиенты"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn demo_scales_with_clients_flag() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let out = vipdesk(&db, &["demo", "--clients", "120"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let db = Db::open(&db).expect("open");
    assert_eq!(clients::service::count(&db).expect("count"), 120);
    // Four or six people of an organisation, two or three of an entrepreneur.
    let people: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .expect("people");
    assert!((500..=600).contains(&people), "{people}");
    // Each client's town is in its district, its industry fits its name.
    let rows: Vec<(String, String, String, String)> = {
        let mut st = db
            .conn()
            .prepare(
                "SELECT c.short_name, c.legal_address, d.name, i.name FROM clients c \
                 JOIN districts d ON d.id = c.district_id JOIN industries i ON i.id = c.industry_id",
            )
            .expect("sql");
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(rows.len(), 120);
    for (name, address, district, industry) in &rows {
        let town_district = [
            ("г. Орёл", "Орловское МРО"),
            ("г. Мценск", "Мценское МРО"),
            ("г. Новосиль", "Мценское МРО"),
            ("г. Ливны", "Ливенское МРО"),
            ("пгт Верховье", "Ливенское МРО"),
            ("г. Болхов", "Болховское МРО"),
            ("пгт Кромы", "Кромское МРО"),
            ("г. Дмитровск", "Кромское МРО"),
        ]
        .iter()
        .find(|(town, _)| address.contains(town))
        .map(|(_, d)| *d);
        assert_eq!(town_district, Some(district.as_str()), "{name}: {address}");
        for (word, expected) in [
            ("хлебозавод", "Сельское хозяйство и переработка"),
            ("элеватор", "Сельское хозяйство и переработка"),
            ("нефтебаза", "Нефтегазовая отрасль"),
            ("больница", "Здравоохранение"),
            ("кирпичный", "Строительство"),
        ] {
            if name.contains(word) {
                assert_eq!(industry, expected, "{name}");
            }
        }
    }
}

#[test]
fn import_rejects_bad_inn_and_duplicate_rows_whole() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let first = dir.path().join("first.csv");
    std::fs::write(
        &first,
        "Краткое наименование;ИНН;Межрайонное отделение\nООО «Первый»;7707083893;Орловское МРО\n",
    )
    .expect("write");
    let out = vipdesk(
        &db,
        &[
            "--create",
            "import",
            "clients",
            first.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));

    let file = dir.path().join("clients.csv");
    std::fs::write(
        &file,
        "short_name;inn;kind;district;since_year\n\
         ООО «Второй»;5751001230;ЮЛ;Мценское МРО;2010\n\
         ООО «Плохой ИНН»;1234567895;ЮЛ;;\n\
         ООО «Дубликат»;7707083893;ЮЛ;;\n\
         ИП Сидоров С.С.;500100732259;ИП;Ливенское МРО;\n",
    )
    .expect("write");
    let out = vipdesk(&db, &["import", "clients", file.to_str().expect("path")]);
    assert!(!out.status.success(), "rejections give a non-zero exit");
    let err = stderr(&out);
    assert!(err.contains("строка 3: неверный ИНН 1234567895"), "{err}");
    assert!(err.contains("строка 4: дубликат"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        stdout(&out).contains("Импортировано: 2 клиента. Отклонено: 2 строки."),
        "{}",
        stdout(&out)
    );

    let db = Db::open(&db).expect("open");
    let names: Vec<String> = clients::service::list(&db)
        .expect("list")
        .into_iter()
        .map(|r| r.short_name)
        .collect();
    assert_eq!(names.len(), 3);
    assert!(
        names.contains(&"ООО «Второй»".to_string())
            && names.contains(&"ИП Сидоров С.С.".to_string())
    );
}

#[test]
fn import_reads_windows_1251_with_commas() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let file = dir.path().join("cp1251.csv");
    let text = "Краткое наименование,ИНН,Стратегический\n\"ООО «Ёлка, и Ко»\",7707083893,да\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!bad);
    std::fs::write(&file, &bytes).expect("write");
    let out = vipdesk(
        &db,
        &[
            "--create",
            "import",
            "clients",
            file.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let db = Db::open(&db).expect("open");
    let rows = clients::service::list(&db).expect("list");
    assert_eq!(rows[0].short_name, "ООО «Ёлка, и Ко»");
    assert!(rows[0].strategic);
}

#[test]
fn import_reads_xlsx() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let file = dir.path().join("clients.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "Краткое наименование",
        "ИНН",
        "Дата договора",
        "Сотрудничаем с (год)",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("cell");
    }
    ws.write_string(1, 0, "АО «Энергомаш»").expect("cell");
    ws.write_string(1, 1, "7707083893").expect("cell");
    ws.write_string(1, 2, "01.03.2012").expect("cell");
    ws.write_number(1, 3, 2012.0).expect("cell");
    ws.write_string(2, 0, "АО «Неверный»").expect("cell");
    ws.write_number(2, 1, 1234567895.0).expect("cell");
    wb.save(&file).expect("save xlsx");
    let out = vipdesk(
        &db,
        &[
            "--create",
            "import",
            "clients",
            file.to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("строка 3: неверный ИНН 1234567895"),
        "{}",
        stderr(&out)
    );
    let db = Db::open(&db).expect("open");
    let rows = clients::service::list(&db).expect("list");
    assert_eq!(rows.len(), 1);
    let d = clients::service::open(&db, rows[0].id).expect("load");
    assert_eq!(d.client.since_year, Some(2012));
    assert_eq!(
        d.client.contract_date,
        chrono::NaiveDate::from_ymd_opt(2012, 3, 1)
    );
}

#[test]
fn export_then_import_is_a_round_trip() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.db");
    common::demo_db(&a, 48);
    let csv_a = dir.path().join("a.csv");
    let out = vipdesk(&a, &["export", "clients", csv_a.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));

    // A second workstation with the same managers imports the file.
    let b = dir.path().join("b.db");
    {
        let src = Db::open(&a).expect("a");
        let mut dst = Db::open(&b).expect("b");
        for m in admin::service::managers(&src).expect("managers") {
            let m = vipdesk::admin::Manager {
                id: None,
                supervisor_id: None,
                ..m
            };
            admin::service::save_manager(&mut dst, &Actor::SYSTEM, &m).expect("copy manager");
        }
    }
    let out = vipdesk(&b, &["import", "clients", csv_a.to_str().expect("path")]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let csv_b = dir.path().join("b.csv");
    assert!(
        vipdesk(&b, &["export", "clients", csv_b.to_str().expect("path")])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&csv_a).expect("a"),
        std::fs::read(&csv_b).expect("b")
    );
}

#[test]
fn check_reports_problems_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 5);
    {
        let db = Db::open(&db).expect("open");
        db.conn()
            .execute("UPDATE clients SET inn = '1234567895' WHERE id = 1", [])
            .expect("corrupt");
    }
    let out = vipdesk(&db, &["check"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("клиент id 1: неверный ИНН"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn letter_list_render_and_merge() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    let out = vipdesk(&db, &["letter", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let letters: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(
        letters.iter().any(|l| l["status"] == "draft"),
        "demo has drafts"
    );
    assert!(letters.iter().any(|l| l["status"] == "delivered"
        && l["number"].as_str().is_some_and(|n| n.starts_with("VIP-"))));
    let id = letters[0]["id"].as_i64().expect("id").to_string();
    let pdf = dir.path().join("letter.pdf");
    let out = vipdesk(
        &db,
        &[
            "letter",
            "render",
            "--id",
            &id,
            "--out",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));

    let merged = dir.path().join("merge");
    let out = vipdesk(
        &db,
        &[
            "letter",
            "merge",
            "--template",
            "tariff_change",
            "--clients",
            "district:Мценское МРО",
            "--out",
            merged.to_str().expect("path"),
        ],
    );
    // The tariff notice asks for the date the tariffs change: without it, nothing is made.
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--date"), "{}", stderr(&out));
    assert!(!merged.exists() || std::fs::read_dir(&merged).expect("dir").count() == 0);
    let out = vipdesk(
        &db,
        &[
            "letter",
            "merge",
            "--template",
            "tariff_change",
            "--clients",
            "district:Мценское МРО",
            "--out",
            merged.to_str().expect("path"),
            "--date",
            "2027-01-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files = std::fs::read_dir(&merged).expect("dir").count();
    assert!(files >= 5, "{files} files; {}", stdout(&out));
    let out = vipdesk(
        &db,
        &[
            "letter",
            "merge",
            "--template",
            "tariff_change",
            "--clients",
            "everyone",
            "--out",
            merged.to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("manager:ID"), "{}", stderr(&out));
}

/// A listing whose reader went away (`vipdesk today | head -1`) stops quietly: no panic,
/// success.
#[test]
fn a_listing_into_a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    for args in [
        &["today"][..],
        &["today", "--json"],
        &["clients", "list"],
        &["letter", "list"],
        &["meetings", "list"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vipdesk"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run");
        // The reader is gone before the first line is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
}

/// Issue 10: the courier sheet of a day from the command line; what `meeting render` and
/// `report …` wrote is said; `meetings list` names the clients; help and mistakes in Russian.
#[test]
fn courier_sheet_reports_and_help_speak_russian() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    // A day the demo handed letters to the courier.
    let day: String = {
        let db = Db::open(&db).expect("open");
        db.conn()
            .query_row(
                "SELECT courier_at FROM letters WHERE courier_at IS NOT NULL ORDER BY courier_at DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .expect("a letter handed to the courier")
    };
    let sheet = dir.path().join("реестр.pdf");
    let out = vipdesk(
        &db,
        &[
            "letter",
            "courier-sheet",
            "--date",
            &day,
            "--out",
            sheet.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Реестр на"), "{}", stdout(&out));
    let text = common::pdf_text(&std::fs::read(&sheet).expect("pdf"));
    assert!(
        text.contains("Реестр передачи корреспонденции курьеру"),
        "{text}"
    );
    // A day without letters is said so, and no file is written.
    let none = dir.path().join("none.pdf");
    let out = vipdesk(
        &db,
        &[
            "letter",
            "courier-sheet",
            "--date",
            "2020-01-09",
            "--out",
            none.to_str().expect("p"),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("09.01.2020 курьеру не передано"),
        "{}",
        stderr(&out)
    );
    assert!(!none.exists());
    // meetings list: client names; meeting render and report say what they wrote.
    let out = vipdesk(&db, &["meetings", "list"]);
    let first = stdout(&out).lines().next().expect("a report").to_string();
    assert!(first.contains('«') || first.contains("ИП "), "{first}");
    let id = first.split('\t').next().expect("id").to_string();
    let pdf = dir.path().join("m.pdf");
    let out = vipdesk(
        &db,
        &[
            "meeting",
            "render",
            "--id",
            &id,
            "--out",
            pdf.to_str().expect("p"),
        ],
    );
    assert!(
        stdout(&out).contains("Отчёт о контакте записан"),
        "{}",
        stdout(&out)
    );
    let pdf = dir.path().join("c.pdf");
    let out = vipdesk(
        &db,
        &[
            "report",
            "contacts",
            "--period",
            "2026-Q3",
            "--out",
            pdf.to_str().expect("p"),
        ],
    );
    assert!(
        stdout(&out).contains("Отчёт по контактам записан"),
        "{}",
        stdout(&out)
    );
    // Help and mistakes in Russian.
    let help = stdout(&vipdesk(&db, &["--help"]));
    for words in [
        "Использование:",
        "Команды:",
        "Показать справку",
        "Исходящие письма",
    ] {
        assert!(help.contains(words), "{help}");
    }
    assert!(
        !help.contains("Usage") && !help.contains("Print help"),
        "{help}"
    );
    let help = stdout(&vipdesk(&db, &["letter", "courier-sheet", "--help"]));
    assert!(help.contains("День передачи курьеру"), "{help}");
    let out = vipdesk(
        &db,
        &[
            "letter",
            "courier-sheet",
            "--date",
            "завтра",
            "--out",
            "x.pdf",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("недопустимое значение «завтра»"),
        "{}",
        stderr(&out)
    );
    let out = vipdesk(&db, &["lettr"]);
    assert!(
        stderr(&out).contains("неизвестная команда «lettr»"),
        "{}",
        stderr(&out)
    );
}

/// Issue 11: the regulation's dates on the command line, and the schedule of a quarter.
#[test]
fn greetings_dates_and_schedule_on_the_command_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    common::demo_db(&db, 48);
    for (args, expected) in [
        (
            ["greetings", "delivery-date", "--date", "2026-03-07"],
            "2026-03-10",
        ),
        (
            ["greetings", "delivery-date", "--date", "2026-03-11"],
            "2026-03-11",
        ),
        (
            ["gifts", "order-deadline", "--date", "2026-02-20"],
            "2026-02-06",
        ),
        (
            ["gifts", "order-deadline", "--date", "2026-01-12"],
            "2025-12-17",
        ),
    ] {
        let out = vipdesk(&db, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out).trim(), expected, "{args:?}");
    }
    let out = vipdesk(
        &db,
        &[
            "greetings",
            "schedule",
            "--from",
            "2027-01-01",
            "--to",
            "2027-03-31",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(rows.iter().any(|r| r["occasion"] == "feb23"));
    assert!(rows.iter().any(|r| r["occasion"] == "mar8"));
    for r in &rows {
        let date = r["date"].as_str().expect("date");
        assert!(("2027-01-01"..="2027-03-31").contains(&date), "{date}");
        assert!(r["order_by"].as_str().expect("order") < r["hand_by"].as_str().expect("hand"));
    }
    let text = stdout(&vipdesk(
        &db,
        &[
            "greetings",
            "schedule",
            "--from",
            "2027-02-23",
            "--to",
            "2027-02-23",
        ],
    ));
    assert!(text.contains("День защитника Отечества"), "{text}");
    assert!(text.contains("заказать до"), "{text}");

    // The schedule's PDF for management, the order to the administrative sector, a card.
    let pdf = dir.path().join("график.pdf");
    let out = vipdesk(
        &db,
        &[
            "report",
            "greetings",
            "--from",
            "2027-02-01",
            "--to",
            "2027-03-31",
            "--out",
            pdf.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("График поздравлений записан"));
    let text = common::pdf_text(&std::fs::read(&pdf).expect("pdf"));
    for words in [
        "График поздравлений VIP-клиентов",
        "на период с 01.02.2027 по 31.03.2027",
        "День защитника Отечества",
        "Категории поздравляемых лиц",
        "Категории праздников",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    let order = dir.path().join("заказ.pdf");
    let out = vipdesk(
        &db,
        &[
            "gifts",
            "order",
            "--from",
            "2026-11-01",
            "--to",
            "2027-03-31",
            "--out",
            order.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = common::pdf_text(&std::fs::read(&order).expect("pdf"));
    assert!(text.contains("Заказ на приобретение подарков"), "{text}");
    assert!(text.contains("Итого подарков"), "{text}");
    // The demo's gifts: a person with one to sign a card for.
    let gifts = vipdesk(&db, &["gifts", "given", "--person", "1", "--json"]);
    assert!(gifts.status.success(), "{}", stderr(&gifts));
    let card = dir.path().join("открытка.pdf");
    let out = vipdesk(
        &db,
        &[
            "gifts",
            "card",
            "--person",
            "1",
            "--occasion",
            "new_year",
            "--date",
            "2026-12-31",
            "--out",
            card.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&card).expect("card");
    let doc = lopdf::Document::load_mem(&bytes).expect("pdf");
    assert_eq!(doc.get_pages().len(), 1);
    let text = common::pdf_text(&bytes);
    assert!(text.contains("С Новым годом!"), "{text}");
    assert!(text.contains("Уважаем"), "{text}");
    assert!(text.contains("А.Н. Орлов"), "the director signs: {text}");
    // A bad occasion is answered in Russian.
    let out = vipdesk(
        &db,
        &[
            "gifts",
            "card",
            "--person",
            "1",
            "--occasion",
            "easter",
            "--date",
            "2027-05-05",
            "--out",
            card.to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Праздника «easter» нет"),
        "{}",
        stderr(&out)
    );
    // A birthday card for a day that is not the person's birthday is refused.
    let out = vipdesk(
        &db,
        &[
            "gifts",
            "card",
            "--person",
            "1",
            "--occasion",
            "jubilee",
            "--date",
            "2026-12-30",
            "--out",
            card.to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("не день рождения"),
        "{}",
        stderr(&out)
    );
    // A period backwards, or of a century, is refused; a person there is not, too.
    for (from, to) in [("2027-03-01", "2027-01-01"), ("1900-01-01", "2100-12-31")] {
        let out = vipdesk(&db, &["greetings", "schedule", "--from", from, "--to", to]);
        assert!(!out.status.success(), "{from}..{to}");
    }
    let out = vipdesk(&db, &["gifts", "given", "--person", "99999"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("99999"), "{}", stderr(&out));
}

/// A command on a new database says nothing but its own output: the schema's upgrade notes
/// (English, and the migrations' SQL) stay out of the user's terminal unless RUST_LOG asks.
#[test]
fn a_new_database_is_made_without_a_word_in_english() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let o = Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .arg("--db")
        .arg(&db)
        .args(["--create", "clients", "list"])
        .env_remove("RUST_LOG")
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "stderr of a quiet command");
}

/// #23 point 2: `vipdesk-cli` is the same program built for the console (a Windows console
/// waits for it and shows what it prints): the same output and exit codes as `vipdesk`; no
/// command prints the help instead of opening a window.
#[test]
fn the_console_executable_runs_the_same_commands() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let run = |exe: &str, args: &[&str]| {
        Command::new(exe)
            .args(args)
            .env_remove("VIPDESK_DB")
            .env_remove("RUST_LOG")
            .output()
            .expect("run")
    };
    let cli = env!("CARGO_BIN_EXE_vipdesk-cli");
    let gui = env!("CARGO_BIN_EXE_vipdesk");
    let db_s = db.to_str().expect("path");
    let o = run(cli, &["--db", db_s, "--create", "demo", "--clients", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let a = run(cli, &["--db", db_s, "clients", "list"]);
    let b = run(gui, &["--db", db_s, "clients", "list"]);
    assert!(a.status.success());
    assert_eq!(stdout(&a), stdout(&b));
    assert_eq!(stdout(&a).lines().count(), 3);
    let missing = dir.path().join("нет.db");
    let o = run(
        cli,
        &["--db", missing.to_str().expect("path"), "clients", "list"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("Ошибка:"), "{}", stderr(&o));
    let o = run(cli, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Команды:"), "{}", stdout(&o));
}
