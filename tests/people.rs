//! #22 point 16: the people of clients come in from Excel and CSV and go out again: each row
//! names its client by INN, is refused whole with its line and reason when it does not read,
//! updates the person already in the dossier with `--update`, and survives the round trip.

use crate::common;

use common::{stderr, stdout, vipdesk};
use vipdesk::clients::exchange::ImportMode;
use vipdesk::clients::people_exchange::{export_people, import_people};
use vipdesk::clients::{self, Client, Dossier};
use vipdesk::domain::names::Gender;
use vipdesk::domain::{Actor, Role};
use vipdesk::storage::Db;

/// Two clients, the second without an INN (a citizen).
const CLIENTS: &str = "Краткое наименование;ИНН;Вид\r\n\
    ООО «Первый»;7707083893;ЮЛ\r\n\
    Иванов Пётр Сергеевич;;физическое лицо\r\n";

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("a path")
}

/// The person of the client «ООО «Первый»» with this surname, in the database at `db`.
fn person_of(db: &std::path::Path, surname: &str) -> vipdesk::clients::Person {
    let store = Db::open_existing(db).expect("db");
    let first = clients::service::list(&store)
        .expect("list")
        .into_iter()
        .find(|c| &*c.inn == "7707083893")
        .expect("the first client");
    clients::service::open(&store, first.id)
        .expect("dossier")
        .people
        .into_iter()
        .find(|p| p.surname == surname)
        .expect("the person")
}

#[test]
fn people_come_in_from_a_file_row_by_row_and_go_out_again() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("v.db");
    let clients_csv = dir.path().join("clients.csv");
    std::fs::write(&clients_csv, CLIENTS).expect("write");
    let o = vipdesk(&db, &["--create", "import", "clients", path(&clients_csv)]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Windows-1251 with CRLF, as Excel saves «CSV (разделители — точки с запятой)».
    let rows = "ИНН клиента;Клиент;Фамилия;Имя;Отчество;Пол;Должность;Категория поздравлений;День рождения;Телефоны;E-mail;Обращение\r\n\
        7707083893;ООО «Первый»;Сидорова;Анна;Викторовна;;Главный бухгалтер;2;07.03.1975;+7 4862 44-00-01;sidorova@first.example;\r\n\
        7707083893;;Петров;Олег;Ильич;м;Генеральный директор;1;;8 (4862) 55-66-77 доб. 12;;Олег Ильич\r\n\
        ;Иванов Пётр Сергеевич;Иванова;Мария;Петровна;ж;;3;01.01.1980;;;\r\n\
        7707083893;;Сидорова;Анна;Викторовна;;;;;;;\r\n\
        5751001230;;Кузнецов;Иван;;;;;;;;\r\n\
        7707083893;;Орлов;Ян;;X;;;;;;\r\n\
        7707083893;;Орлова;Яна;;;;5;;;;\r\n\
        7707083893;;Смирнов;Ян;;;;;31.02.1980;12345;почта;\r\n\
        ;;Безклиентов;Ян;;;;;;;;\r\n\
        1234567890;;Опечаткин;Ян;;;;;;;;\r\n";
    let (cp1251, _, bad) = encoding_rs::WINDOWS_1251.encode(rows);
    assert!(!bad);
    let file = dir.path().join("лица 2026.csv");
    std::fs::write(&file, &cp1251).expect("write");
    let o = vipdesk(&db, &["import", "people", path(&file)]);
    assert!(!o.status.success(), "rejections give a non-zero exit");
    let err = stderr(&o);
    for (line, why) in [
        (5, "дубликат: это лицо этого клиента уже было в строке 2"),
        (6, "клиента с ИНН 5751001230 нет в базе"),
        (7, "«Пол»: «X»"),
        (8, "«Категория поздравлений»: «5»"),
        (9, "День рождения «31.02.1980»"),
        (10, "не указан клиент"),
        (11, "ИНН клиента «1234567890»"),
    ] {
        assert!(
            err.contains(&format!("строка {line}: {why}")),
            "{line}: {err}"
        );
    }
    // The bad phone and e-mail of line 9 are named on the same line.
    let line9 = err
        .lines()
        .find(|l| l.starts_with("строка 9:"))
        .expect("line 9");
    assert!(
        line9.contains("Телефоны «12345»") && line9.contains("E-mail «почта»"),
        "{line9}"
    );
    assert_eq!(err.lines().count(), 7, "{err}");
    assert!(
        stdout(&o).contains("добавлено — 3, обновлено — 0. Отклонено: 7 строк."),
        "{}",
        stdout(&o)
    );
    // What came in is a person of the dossier as the form would have made them.
    let anna = person_of(&db, "Сидорова");
    assert_eq!(anna.gender, Some(Gender::Female), "told by the patronymic");
    assert_eq!(anna.name_dative, "Сидоровой Анне Викторовне");
    assert_eq!(anna.position_dative, "Главному бухгалтеру");
    assert_eq!(anna.address_as, "Анна Викторовна");
    assert_eq!(anna.category, Some(2));
    assert_eq!(anna.birthday, Some(common::d(1975, 3, 7)));
    assert_eq!(anna.phones[0].number, "+74862440001");
    let petrov = person_of(&db, "Петров");
    assert_eq!(petrov.phones[0].ext.as_deref(), Some("12"));

    // Out, and into a second database with the same clients: the same people.
    let out = dir.path().join("people.csv");
    let o = vipdesk(&db, &["export", "people", "--out", path(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Выгружено 3 контактных лица"),
        "{}",
        stdout(&o)
    );
    let other = dir.path().join("other.db");
    let o = vipdesk(
        &other,
        &["--create", "import", "clients", path(&clients_csv)],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // Through Excel: the exported rows in a workbook.
    let text = String::from_utf8(std::fs::read(&out).expect("csv")).expect("utf-8");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    let xlsx = dir.path().join("people.xlsx");
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    vipdesk::files::write_xlsx(&xlsx, "Лица", &headers, &rows).expect("xlsx");
    let o = vipdesk(&other, &["import", "people", path(&xlsx)]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let out2 = dir.path().join("people2.csv");
    let o = vipdesk(&other, &["export", "people", "--out", path(&out2)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&out2).expect("csv"),
        text,
        "the round trip keeps every cell, the UUIDs too"
    );

    // The same file again: duplicates, unless it updates; an edit updates one person.
    let o = vipdesk(&other, &["import", "people", path(&out2)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("уже есть в досье клиента «ООО «Первый»»"),
        "{}",
        stderr(&o)
    );
    let edited = text.replace("Главный бухгалтер", "Финансовый директор");
    std::fs::write(&out2, &edited).expect("write");
    let o = vipdesk(&other, &["import", "people", "--update", path(&out2)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("добавлено — 0, обновлено — 1. Отклонено: 0 строк."),
        "{}",
        stdout(&o)
    );
    let anna = person_of(&other, "Сидорова");
    assert_eq!(anna.position, "Финансовый директор");
    assert_eq!(
        anna.position_dative, "Финансовому директору",
        "follows the position"
    );
}

/// A manager imports into their own clients' dossiers only; a file without the surname
/// column is refused before any row.
#[test]
fn a_manager_imports_people_of_their_own_clients_only() {
    let (mut db, _) = common::db();
    let (head, me) = common::head_and_manager(&mut db);
    let other = common::add_manager(&mut db, "Другой", "Менеджер", "Иванович");
    for (i, manager) in [(1, me), (2, other)] {
        let d = Dossier {
            client: Client {
                short_name: format!("АО «Клиент {i}»"),
                inn: common::inn(i),
                manager_id: Some(manager),
                ..Default::default()
            },
            ..Default::default()
        };
        clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("client");
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("people.csv");
    std::fs::write(
        &file,
        format!(
            "ИНН клиента;Фамилия;Имя;Отчество\n{};Свой;Иван;Иванович\n{};Чужой;Иван;Иванович\n",
            common::inn(1),
            common::inn(2)
        ),
    )
    .expect("write");
    let mine = Actor::manager(me, Role::Manager);
    let report = import_people(&mut db, &mine, &file, ImportMode::AddOnly).expect("import");
    assert_eq!(report.imported, 1);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, 3);
    // The head of the group imports into anyone's.
    let report = import_people(
        &mut db,
        &Actor::manager(head, Role::GroupHead),
        &file,
        ImportMode::Update,
    )
    .expect("import");
    assert_eq!(
        (report.imported, report.rejected.len()),
        (1, 0),
        "{report:?}"
    );
    let out = dir.path().join("out.csv");
    assert_eq!(export_people(&db, &out).expect("export").written, 2);
    std::fs::write(&file, "ИНН клиента;Имя\n7707083893;Иван\n").expect("write");
    let e = import_people(&mut db, &mine, &file, ImportMode::AddOnly).expect_err("no surname");
    assert!(
        vipdesk::i18n::describe(&e).contains("«Фамилия»"),
        "{}",
        vipdesk::i18n::describe(&e)
    );
}
