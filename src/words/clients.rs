//! Words of the client list, the dossier, import and export.

use super::common::CLIENT_FORMS;

/// The columns of the client exchange file: key for scripts, Russian header for people.
/// Import accepts either; export writes the Russian headers.
pub const EXCHANGE_COLUMNS: [(&str, &str); 16] = [
    ("short_name", "Краткое наименование"),
    ("full_name", "Полное наименование"),
    ("kind", "Вид"),
    ("inn", "ИНН"),
    ("kpp", "КПП"),
    ("ogrn", "ОГРН"),
    ("legal_address", "Юридический адрес"),
    ("postal_address", "Почтовый адрес"),
    ("district", "Межрайонное отделение"),
    ("industry", "Отрасль"),
    ("contract_number", "Номер договора"),
    ("contract_date", "Дата договора"),
    ("since_year", "Сотрудничаем с (год)"),
    ("manager", "Персональный менеджер"),
    ("strategic", "Стратегический"),
    ("uuid", "UUID"),
];
/// The columns of the people's file: the client by INN (or its short name when it has no
/// INN), then the person.
pub const PEOPLE_COLUMNS: [(&str, &str); 14] = [
    ("client_inn", "ИНН клиента"),
    ("client", "Клиент"),
    ("surname", "Фамилия"),
    ("name", "Имя"),
    ("patronymic", "Отчество"),
    ("gender", "Пол"),
    ("position", "Должность"),
    ("category", "Категория поздравлений"),
    ("birthday", "День рождения"),
    ("phones", "Телефоны"),
    ("email", "E-mail"),
    ("address_as", "Обращение"),
    ("notes", "Заметки"),
    ("uuid", "UUID"),
];
/// The Russian header of a column of the people's file.
pub fn people_column(key: &str) -> &str {
    PEOPLE_COLUMNS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, ru)| ru)
}
pub fn err_import_no_column(label: &str) -> String {
    format!("в заголовке нет столбца «{label}»: проверьте первую строку файла")
}
pub const GENDER_MALE_SHORT: &str = "м";
pub const GENDER_FEMALE_SHORT: &str = "ж";
/// What a file may write for a man and for a woman.
pub const GENDER_MALE_WORDS: [&str; 4] = ["м", "муж", "мужской", "male"];
pub const GENDER_FEMALE_WORDS: [&str; 4] = ["ж", "жен", "женский", "female"];
pub fn import_bad_gender(v: &str) -> String {
    let v = shown(v);
    format!("«Пол»: «{v}» — ожидается «м» или «ж» (или пусто: определится по отчеству)")
}
pub fn import_bad_category(v: &str) -> String {
    let v = shown(v);
    format!("«Категория поздравлений»: «{v}» — ожидается 1, 2, 3 или пусто")
}
pub fn import_client_not_found(inn: &str, name: &str) -> String {
    if inn.is_empty() {
        let name = shown(name);
        format!("клиента «{name}» нет в базе (или он в корзине): сначала импортируйте клиентов")
    } else {
        format!("клиента с ИНН {inn} нет в базе (или он в корзине): сначала импортируйте клиентов")
    }
}
pub fn import_client_ambiguous(name: &str) -> String {
    let name = shown(name);
    format!("клиентов с наименованием «{name}» несколько: укажите ИНН клиента")
}
pub const IMPORT_NO_CLIENT: &str =
    "не указан клиент: заполните «ИНН клиента» (или «Клиент» для клиента без ИНН)";
pub fn import_person_in_database(person: &str, client: &str) -> String {
    let (person, client) = (shown(person), shown(client));
    format!(
        "дубликат: «{person}» уже есть в досье клиента «{client}» (чтобы обновить — импорт с обновлением)"
    )
}
pub fn import_person_in_file(first_line: usize) -> String {
    format!("дубликат: это лицо этого клиента уже было в строке {first_line}")
}
pub const IMPORT_UUID_OF_ANOTHER: &str =
    "этот UUID у лица другого клиента: строка не импортирована";
/// «Импортировано лиц: 3, обновлено: 1. Отклонено: 1 строка.»
pub fn import_people_summary(imported: usize, updated: usize, rejected: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Контактные лица: добавлено — {imported}, обновлено — {updated}. Отклонено: {}.",
        count(rejected as u64, ["строка", "строки", "строк"])
    )
}
pub fn exported_people(n: usize, path: &str) -> String {
    use crate::domain::fmt::count;
    format!(
        "Выгружено {} в {path}",
        count(
            n as u64,
            ["контактное лицо", "контактных лица", "контактных лиц"]
        )
    )
}
pub const IMPORT_PEOPLE: &str = "Импорт лиц";
pub const PEOPLE_SHEET: &str = "Контактные лица";
pub fn replace_file(path: &str) -> String {
    format!("Файл «{path}» уже есть. Записать выгрузку поверх него?")
}
pub const REPLACE_FILE: &str = "Заменить файл";
pub const EXPORT_PEOPLE: &str = "Экспорт лиц";
pub const PEOPLE_EXCHANGE_HINT: &str = "Контактные лица клиентов — тот же файл CSV или Excel со столбцами «ИНН клиента», «Фамилия», «Имя», «Отчество», «Пол», «Должность», «Категория поздравлений», «День рождения», «Телефоны», «E-mail», «Обращение»: экспорт лиц даёт образец.";
pub const ERR_FILE_READ: &str = "не удалось прочитать файл";
pub const ERR_XLSX: &str = "не удалось прочитать файл Excel: он повреждён или это не книга Excel (.xlsx); сохраните его в Excel как «Книга Excel (*.xlsx)» или как CSV и повторите";
pub const ERR_XLSX_WRITE: &str = "не удалось записать файл Excel";
pub const ERR_XLSX_EMPTY: &str = "в файле Excel нет листов";
pub fn err_xlsx_too_big(size: &str, max: &str) -> String {
    format!(
        "файл Excel распаковывается в {size} — больше допустимых {max}: такой объём данных о клиентах не бывает, файл не прочитан"
    )
}
pub fn err_import_too_many_rows(rows: usize, max: usize) -> String {
    format!("в файле {rows} строк — больше допустимых {max}: разделите его на части")
}
pub const ERR_CSV: &str = "не удалось составить файл CSV";
pub const ERR_IMPORT_EMPTY: &str = "файл пуст: нет строки заголовков";
pub const ERR_IMPORT_NO_NAME_COLUMN: &str =
    "в заголовке нет столбца «Краткое наименование» (short_name): проверьте первую строку файла";
/// The message with its first letter small, unless the first word is an abbreviation («ИНН»).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), s.chars().nth(1)) {
        (Some(_), Some(second)) if second.is_uppercase() => s.to_string(),
        (Some(f), _) => f.to_lowercase().chain(c).collect(),
        (None, _) => String::new(),
    }
}
pub fn import_summary(imported: usize, rejected: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Импортировано: {}. Отклонено: {}.",
        count(imported as u64, ["клиент", "клиента", "клиентов"]),
        count(rejected as u64, ["строка", "строки", "строк"])
    )
}
pub fn import_row(line: usize, msg: &str) -> String {
    format!("строка {line}: {msg}")
}
/// A value from a file as a message quotes it: whole up to 80 characters, else its start and
/// its length (a 5 MB cell is not echoed).
fn shown(v: &str) -> String {
    let n = v.chars().count();
    if n <= 80 {
        return v.to_string();
    }
    let start: String = v.chars().take(60).collect();
    format!(
        "{start}… — {}",
        crate::domain::fmt::count(n as u64, ["знак", "знака", "знаков"])
    )
}
pub fn import_unknown_column(h: &str) -> String {
    let h = shown(h);
    format!("неизвестный столбец «{h}» пропущен")
}
pub fn import_bad_kind(v: &str) -> String {
    let v = shown(v);
    format!("неизвестный вид клиента «{v}» (юридическое лицо, ИП или физическое лицо)")
}
pub fn import_unknown_district(v: &str) -> String {
    let v = shown(v);
    format!("неизвестное межрайонное отделение «{v}» (добавьте его в справочник)")
}
pub fn import_unknown_industry(v: &str) -> String {
    let v = shown(v);
    format!("неизвестная отрасль «{v}» (добавьте её в справочник)")
}
pub fn import_unknown_manager(v: &str) -> String {
    let v = shown(v);
    format!("персональный менеджер «{v}» не найден — клиент импортирован без менеджера")
}
pub fn import_bad_bool(v: &str) -> String {
    let v = shown(v);
    format!("«Стратегический»: «{v}» — ожидается «да» или «нет»")
}
pub fn import_field_error(field: &str, value: &str, msg: &str) -> String {
    let value = &shown(value);
    let label = EXCHANGE_COLUMNS
        .iter()
        .chain(PEOPLE_COLUMNS.iter())
        .find(|(k, _)| *k == field)
        .map_or(field, |(_, ru)| ru);
    match field {
        "inn" if !value.is_empty() => {
            let detail = msg.strip_prefix("Неверный ИНН: ").unwrap_or(msg);
            format!("неверный ИНН {value} ({})", lower_first(detail))
        }
        _ if value.is_empty() => format!("{label}: {}", lower_first(msg)),
        _ => format!("{label} «{value}»: {}", lower_first(msg)),
    }
}
pub fn import_duplicate_db(inn: &str, id: i64) -> String {
    format!("дубликат: клиент с ИНН {inn} уже есть в базе (id {id}), строка не импортирована")
}
pub fn import_duplicate_file(inn: &str, first_line: usize) -> String {
    format!("дубликат: ИНН {inn} уже встречался в строке {first_line}")
}
pub fn import_bad_uuid(v: &str) -> String {
    let v = shown(v);
    format!("неверный UUID «{v}»")
}
pub fn import_duplicate_uuid(id: i64) -> String {
    format!("дубликат: клиент с этим UUID уже есть в базе (id {id})")
}
pub fn import_duplicate_uuid_file() -> String {
    "дубликат: этот UUID уже встречался в файле".to_string()
}
pub const NEW_CLIENT: &str = "Новый клиент";
pub const IMPORT_EXPORT: &str = "Импорт / экспорт";
pub const SEARCH: &str = "Поиск";
pub const SEARCH_HINT: &str = "наименование, ИНН, фамилия, телефон";
pub const MY_CLIENTS: &str = "Мои клиенты";
pub const ALL_CLIENTS: &str = "Все клиенты";
pub const OTHER_MANAGER: &str = "Менеджер…";
pub const FILTER_MANAGER: &str = "Фильтр по менеджеру";
pub const FILTER_DISTRICT: &str = "Фильтр по отделению";
pub const FILTER_YEAR: &str = "Фильтр по году VIP";
pub const ALL_DISTRICTS: &str = "Все отделения";
pub const ALL_YEARS: &str = "VIP: все годы";
pub fn vip_year(y: i32) -> String {
    format!("VIP {y}")
}
pub fn shown_of(shown: usize, total: usize) -> String {
    format!(
        "Показано {} из {}",
        crate::domain::fmt::number(shown as f64, 0),
        crate::domain::fmt::count(total as u64, CLIENT_FORMS)
    )
}
pub const STRATEGIC_HINT: &str = "Стратегический клиент";
pub const COL_NAME: &str = "Наименование";
pub const COL_INN: &str = "ИНН";
pub const COL_DISTRICT: &str = "Отделение";
pub const COL_MANAGER: &str = "Менеджер";
pub const COL_VIP: &str = "VIP";
pub const EXCHANGE_HINT: &str =
    "Импорт: CSV (разделитель «;» или «,», UTF-8 или Windows-1251) или XLSX. Экспорт: CSV.";
pub const IMPORT: &str = "Импортировать";
pub const EXPORT: &str = "Экспортировать";
pub const EXPORT_PERSONAL_DATA: &str = "Внимание: файл содержит персональные данные (имена, телефоны, адреса) — храните и передавайте его только по правилам компании о персональных данных (152-ФЗ) и удалите, когда он больше не нужен.";
pub const SAVE_AS_DIALOG: &str = "Куда сохранить…";
pub fn exported(n: usize) -> String {
    format!(
        "Экспортировано: {}",
        crate::domain::fmt::count(n as u64, CLIENT_FORMS)
    )
}
/// An export, and what a damaged database did not let it read.
pub fn exported_salvaged(written: usize, unreadable: usize, list_cut: bool) -> String {
    let mut said = exported(written);
    if unreadable > 0 {
        said.push_str(&format!(
            "; не прочитано из повреждённой базы: {}",
            crate::domain::fmt::count(unreadable as u64, CLIENT_FORMS)
        ));
    }
    if list_cut {
        said.push_str(
            "; список клиентов в базе повреждён — записаны все, кого удалось в ней найти",
        );
    }
    if unreadable > 0 || list_cut {
        said.push_str(". Восстановите последнюю проверенную резервную копию");
    }
    said
}
pub fn demo_loaded(clients: usize, people: usize) -> String {
    format!(
        "Загружены демо-данные: {}, {}",
        crate::domain::fmt::count(clients as u64, CLIENT_FORMS),
        crate::domain::fmt::count(
            people as u64,
            ["контактное лицо", "контактных лица", "контактных лиц"]
        )
    )
}
pub const TAB_ENTERPRISE: &str = "Предприятие";
pub const TAB_VIP: &str = "Статус VIP";
pub const TAB_PEOPLE: &str = "Руководители и контакты";
pub const TAB_OWNERS: &str = "Собственники";
pub const TAB_SERVICES: &str = "Услуги";
pub const TAB_PROJECTS: &str = "Проекты";
pub const TAB_INDICATORS: &str = "Показатели";
pub const TAB_RECORDS: &str = "Переписка и файлы";
pub const TAB_JOURNAL: &str = "Журнал";
pub const NEW_CLIENT_TITLE: &str = "Новый клиент";
pub const DELETE_CLIENT: &str = "Удалить клиента";
pub const CONFIRM_DELETE_CLIENT: &str =
    "Удалить клиента? Его досье можно будет восстановить из корзины.";
pub const CLIENT_DELETED: &str = "Клиент перемещён в корзину";
pub const ERR_OPEN_CLIENT: &str = "не удалось открыть досье клиента";
pub fn err_inn_taken(other: &str) -> String {
    format!("Этот ИНН уже есть у клиента «{other}»")
}
pub const F_SHORT_NAME: &str = "Краткое наименование";
pub const F_FULL_NAME: &str = "Полное наименование";
pub const F_KIND: &str = "Вид";
pub const F_INN: &str = "ИНН";
pub const F_KPP: &str = "КПП";
pub const F_OGRN: &str = "ОГРН";
pub const F_OGRNIP: &str = "ОГРНИП";
pub const F_LEGAL_ADDRESS: &str = "Юридический адрес";
pub const F_POSTAL_ADDRESS: &str = "Почтовый адрес";
pub const F_DISTRICT: &str = "Межрайонное отделение";
pub const F_INDUSTRY: &str = "Отрасль";
pub fn professional_holiday(name: &str, rule: &str, next: &str) -> String {
    format!("Профессиональный праздник: {name} — {rule}, ближайший {next}")
}
const MONTHS_GEN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// «22 декабря».
pub fn fixed_holiday(day: u32, month: u32) -> String {
    format!("{day} {}", MONTHS_GEN[(month.clamp(1, 12) - 1) as usize])
}
/// «третье воскресенье июля»; `weekday` from Monday = 0.
pub fn nth_weekday(n: u8, weekday: usize, month: u32) -> String {
    // The ordinal agrees with the weekday's gender: «второй вторник», «вторая среда»,
    // «второе воскресенье».
    const MASC: [&str; 5] = ["первый", "второй", "третий", "четвёртый", "пятый"];
    const FEM: [&str; 5] = ["первая", "вторая", "третья", "четвёртая", "пятая"];
    const NEUT: [&str; 5] = ["первое", "второе", "третье", "четвёртое", "пятое"];
    const DAYS: [&str; 7] = [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    let k = (n.clamp(1, 5) - 1) as usize;
    let day = weekday.min(6);
    let ordinal = match day {
        0 | 1 | 3 => MASC[k],
        6 => NEUT[k],
        _ => FEM[k],
    };
    format!(
        "{ordinal} {} {}",
        DAYS[day],
        MONTHS_GEN[(month.clamp(1, 12) - 1) as usize]
    )
}
pub const F_CONTRACT_NUMBER: &str = "Договор энергоснабжения, №";
pub const F_CONTRACT_DATE: &str = "Дата договора";
pub const F_SINCE_YEAR: &str = "Сотрудничаем с (год)";
pub const F_MANAGER: &str = "Персональный менеджер";
pub const F_STRATEGIC: &str = "Стратегический клиент";
pub const F_STRATEGIC_HINT: &str = "да";
pub const VIP_HINT: &str =
    "Статус VIP присваивается ежегодно приказом директора по критериям Стандарта.";
pub const F_YEAR: &str = "Год";
pub const F_CRITERIA: &str = "Критерии";
pub const CRIT_VOLUME: &str = "Значительный объём потребления";
pub const F_VOLUME_KWH: &str = "кВт·ч в год";
pub const CRIT_BRAND: &str = "Брендовость (крупнейшая компания региона)";
pub const CRIT_STABILITY: &str = "Стабильность сотрудничества";
pub const CRIT_POLITICAL: &str = "Руководители с высоким политическим статусом";
pub const F_NOTE: &str = "Примечание";
pub const F_DECISION: &str = "Решение";
pub const VIP_INCLUDED: &str = "включён в список";
pub const VIP_EXCLUDED: &str = "исключён";
pub const F_ORDER_NUMBER: &str = "Номер приказа";
pub const F_ORDER_DATE: &str = "Дата приказа";
pub const ADD_VIP_YEAR: &str = "Добавить год";
pub const ADD_PERSON: &str = "Добавить руководителя";
pub const REMOVE_PERSON: &str = "Убрать выбранного";
pub const NEW_PERSON: &str = "(новый)";
pub const F_SURNAME: &str = "Фамилия";
pub const F_NAME: &str = "Имя";
pub const F_PATRONYMIC: &str = "Отчество";
pub const F_GENDER: &str = "Пол";
pub const GENDER_M: &str = "мужской";
pub const GENDER_F: &str = "женский";
pub const F_POSITION: &str = "Должность";
pub const F_CATEGORY: &str = "Категория поздравлений";
pub fn category_label(c: u8) -> String {
    format!("{c} кат.")
}
pub fn category_hint(c: u8) -> &'static str {
    match c {
        1 => "руководитель стратегического клиента",
        2 => "главный бухгалтер стратегического клиента",
        _ => "главный энергетик крупного клиента или другое важное лицо",
    }
}
pub const F_BIRTHDAY: &str = "Дата рождения";
pub const F_PHONES: &str = "Телефоны";
pub const F_PHONE: &str = "Телефон";
pub const F_EMAIL: &str = "Эл. почта";
pub const F_ADDRESS_AS: &str = "Обращение";
pub const F_NAME_DATIVE: &str = "ФИО в дательном падеже";
pub const F_POSITION_DATIVE: &str = "Должность в дательном падеже";
pub const REGENERATE_DATIVE: &str = "Сформировать дательный падеж заново";
pub const F_NOTES: &str = "Заметки";
pub const F_OWNER_NAME: &str = "Собственник";
pub const F_OWNER_KIND: &str = "Вид";
pub const F_SHARE: &str = "Доля, %";
pub fn shares_total(total: &str) -> String {
    format!("Сумма долей: {total} %")
}
pub const ADD_OWNER: &str = "Добавить собственника";
pub const F_SERVICE: &str = "Услуга";
pub const F_START: &str = "Начало";
pub const F_END: &str = "Окончание";
pub const ADD_SERVICE: &str = "Добавить услугу";
pub const NEW_PROJECT: &str = "Новый проект";
pub const F_TITLE: &str = "Название";
pub const F_GOAL: &str = "Цель";
pub const F_STATUS: &str = "Статус";
pub const STAGES: &str = "Этапы";
pub const F_STAGE: &str = "Этап";
pub const F_PLANNED: &str = "План";
pub const F_ACTUAL: &str = "Факт";
pub const F_RESULT: &str = "Результат";
pub const ADD_STAGE: &str = "Добавить этап";
pub const REMOVE_PROJECT: &str = "Убрать проект";
pub const ADD_PROJECT: &str = "Добавить проект";
pub const CHART_SHOW: &str = "На графике:";
pub const PASTE_HINT: &str = "Скопируйте в Excel блок «месяц — значения» (столбцы в порядке таблицы) и вставьте сюда; десятичная запятая и пробелы в числах допустимы.";
pub const PASTE_LABEL: &str = "Вставить из Excel";
pub const PASTE_FILL: &str = "Заполнить таблицу";
pub fn pasted(n: usize) -> String {
    format!(
        "Заполнено: {}",
        crate::domain::fmt::count(n as u64, ["ячейка", "ячейки", "ячеек"])
    )
}
pub const MONTH: &str = "Месяц";
pub const ADD_RECORD: &str = "Добавить запись";
pub const F_DATE: &str = "Дата";
pub const F_DIRECTION: &str = "Вид записи";
pub const F_NUMBER: &str = "Номер";
pub const F_SUBJECT: &str = "Тема";
pub const F_TEXT: &str = "Текст";
pub const F_FILE: &str = "Файл";
pub const NO_FILE: &str = "файл не приложен";
pub const FILE_NOT_SAVED_YET: &str = " — будет сохранён вместе с досье";
pub const ATTACH: &str = "Приложить";
pub const OPEN_FILE: &str = "Открыть";
pub const SAVE_COPY: &str = "Сохранить копию по пути";
pub const SAVE_COPY_DIALOG: &str = "Сохранить копию…";
pub const ERR_NO_DOSSIER: &str = "досье не открыто";
pub const ERR_NO_FILE: &str = "нет такой записи";
pub const ERR_FILE_NOT_SAVED: &str = "файл ещё не сохранён: сохраните досье";
pub const ERR_OPEN_VIEWER: &str = "не удалось открыть файл программой просмотра";
pub fn file_size(bytes: i64) -> String {
    let b = bytes as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{} МБ", crate::domain::fmt::number(b / 1024.0 / 1024.0, 1))
    } else if b >= 1024.0 {
        format!("{} КБ", crate::domain::fmt::number(b / 1024.0, 0))
    } else {
        format!("{bytes} Б")
    }
}
pub fn file_saved(name: &str) -> String {
    format!("Копия файла «{name}» сохранена")
}
/// Words an exchange file may use for a client kind besides its code (folded, lower case).
pub fn client_kind_aliases(code: &str) -> &'static [&'static str] {
    match code {
        "legal" => &["юл", "юридическое лицо", "организация"],
        "ip" => &["ип", "индивидуальный предприниматель"],
        _ => &["фл", "физлицо", "физическое лицо"],
    }
}
/// «да» and «нет» in an exchange file, and what import also takes for them.
pub const YES: &str = "да";
pub const NO: &str = "нет";
pub const YES_WORDS: [&str; 5] = ["да", "1", "true", "yes", "+"];
pub const NO_WORDS: [&str; 6] = ["нет", "0", "false", "no", "-", ""];
pub const EXPORT_FILE_NAME: &str = "clients.csv";
pub fn err_mixed_encoding(line: usize) -> String {
    format!(
        "строка {line}: символ не в кодировке UTF-8, хотя остальной файл в UTF-8 — сохраните файл в UTF-8 (в Excel: «CSV UTF-8») и повторите"
    )
}
pub const CSV_UNCLOSED_QUOTE: &str =
    "кавычка открыта и не закрыта: проверьте кавычки в этой строке";
pub const CSV_TEXT_AFTER_QUOTE: &str =
    "после закрывающей кавычки идёт текст: проверьте кавычки в этой строке";
pub const CSV_CONTROL_CHAR: &str = "в строке служебный (непечатаемый) символ";
pub const IMPORT_UPDATE: &str = "Обновлять тех, кто уже есть (клиентов — по UUID или ИНН, лиц — по UUID или фамилии, имени и отчеству)";
pub fn import_summary_updated(imported: usize, updated: usize, rejected: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Импортировано: {}. Обновлено: {}. Отклонено: {}.",
        count(imported as u64, ["клиент", "клиента", "клиентов"]),
        count(updated as u64, ["клиент", "клиента", "клиентов"]),
        count(rejected as u64, ["строка", "строки", "строк"])
    )
}
/// The legend under the client list.
pub const STRATEGIC_LEGEND: &str = "Жирным цветным — стратегические клиенты";
pub const TO_EXCEL: &str = "В Excel…";
pub const TO_EXCEL_HINT: &str = "Сохранить показанные строки в файл Excel";
pub const CLIENTS_XLSX_NAME: &str = "Клиенты.xlsx";
pub const CLIENTS_XLSX_COLUMNS: [&str; 6] = [
    "Наименование",
    "ИНН",
    "Район",
    "Менеджер",
    "VIP",
    "Стратегический",
];
/// After a list went to Excel.
pub fn xlsx_rows_written(n: usize, path: &str) -> String {
    use crate::domain::fmt::count;
    format!(
        "{} записано в {path}",
        count(n as u64, ["строка", "строки", "строк"])
    )
}
pub const TIMELINE_XLSX_NAME: &str = "Контакты клиента.xlsx";
pub const TIMELINE_XLSX_COLUMNS: [&str; 4] = ["Дата", "Событие", "Содержание", "Состояние"];
pub fn import_columns(found: usize, expected: usize) -> String {
    format!(
        "в строке {found} значений, а в заголовке {expected} колонок: строка обрезана или в значении есть разделитель без кавычек — значения попали бы не в те поля"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::common as wc;

    /// #22 point 17: an import message starts its reason in lower case, but never an
    /// acronym's first letter («иНН», «оГРН», «кПП»).
    #[test]
    fn identifier_errors_keep_their_acronyms() {
        for (field, msg) in [
            ("inn", wc::ERR_INN_DIGITS),
            ("ogrn", wc::ERR_OGRN_DIGITS),
            ("ogrn", wc::ERR_OGRN_LENGTH),
            ("ogrn", wc::ERR_OGRN_LEGAL_13),
            ("kpp", wc::ERR_KPP),
            ("kpp", wc::ERR_KPP_ONLY_LEGAL),
        ] {
            for value in ["", "12345"] {
                let m = import_field_error(field, value, msg);
                for broken in ["иНН", "оГРН", "кПП"] {
                    assert!(!m.contains(broken), "{m}");
                }
            }
        }
        assert_eq!(
            import_field_error("ogrn", "1", wc::ERR_OGRN_CHECKSUM),
            "ОГРН «1»: неверный ОГРН: не сходится контрольная цифра"
        );
    }
}
