//! Every user-visible string of vipdesk, in Russian, in one place so that a translation can be
//! added by swapping this module.

// ---- validation messages ----
pub const ERR_REQUIRED: &str = "Обязательное поле";
pub const ERR_DATE: &str = "Дата в формате ДД.ММ.ГГГГ";
pub const ERR_DATE_ORDER: &str = "Дата окончания раньше даты начала";
pub const ERR_NUMBER: &str = "Введите число, например 1 234,5";
pub const ERR_NEGATIVE: &str = "Значение не может быть отрицательным";
pub const ERR_INN_DIGITS: &str = "ИНН состоит только из цифр";
pub const ERR_INN_LENGTH: &str =
    "ИНН содержит 10 цифр (организация) или 12 цифр (ИП, физическое лицо)";
pub const ERR_INN_CHECKSUM: &str = "Неверный ИНН: не сходится контрольная цифра";
pub const ERR_INN_LEGAL_10: &str = "ИНН организации содержит 10 цифр";
pub const ERR_INN_PERSON_12: &str = "ИНН ИП и физического лица содержит 12 цифр";
pub const ERR_OGRN_DIGITS: &str = "ОГРН состоит только из цифр";
pub const ERR_OGRN_LENGTH: &str = "ОГРН содержит 13 цифр, ОГРНИП — 15 цифр";
pub const ERR_OGRN_CHECKSUM: &str = "Неверный ОГРН: не сходится контрольная цифра";
pub const ERR_OGRN_LEGAL_13: &str = "ОГРН организации содержит 13 цифр";
pub const ERR_OGRNIP_15: &str = "ОГРНИП содержит 15 цифр";
pub const ERR_OGRN_PERSON: &str = "У физического лица нет ОГРН";
pub const ERR_KPP: &str = "КПП: 9 знаков — 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры";
pub const ERR_KPP_ONLY_LEGAL: &str = "КПП есть только у организаций";
pub const ERR_EMAIL: &str = "Неверный адрес электронной почты";
pub const ERR_PHONE_EMPTY: &str = "Пустой номер телефона";
pub const ERR_PHONE: &str =
    "Неверный номер: нужен 10-значный номер с кодом, например 8 (4862) 43-21-00";
pub const ERR_PHONE_EXT: &str = "Добавочный номер состоит из цифр";
pub const ERR_BIRTHDAY: &str = "Дата рождения не может быть в будущем или раньше 1900 года";
pub const ERR_SHARE: &str = "Доля от 0 до 100 %";
pub const ERR_VIP_YEAR_TWICE: &str = "Этот год уже есть";
pub const ERR_RECORD_EMPTY: &str = "Укажите тему, текст или приложите файл";
pub const ERR_SUPERVISOR_SELF: &str = "Менеджер не может быть руководителем самому себе";
pub const ERR_NOT_PNG: &str = "Подпись должна быть изображением PNG";

pub fn err_year(max: i32) -> String {
    format!("Год от 1900 до {max}")
}
pub fn warn_shares(total: f64) -> String {
    format!(
        "Сумма долей собственников {} % — больше 100 %",
        crate::domain::fmt::number_compact(total)
    )
}
pub fn err_paste_line(line: usize, cell: &str) -> String {
    format!("Строка {line}: не удалось прочитать месяц «{cell}»")
}
pub fn err_paste_value(line: usize, cell: &str) -> String {
    format!("Строка {line}: «{cell}» — не число")
}
pub fn err_paste_columns(line: usize, kinds: usize) -> String {
    format!("Строка {line}: значений больше, чем показателей ({kinds})")
}

// ---- enumerations ----
pub const KIND_LEGAL: &str = "юридическое лицо";
pub const KIND_IP: &str = "ИП";
pub const KIND_PERSON: &str = "физическое лицо";
pub const ROLE_MANAGER: &str = "менеджер";
pub const ROLE_HEAD: &str = "руководитель группы";
pub const DIR_IN: &str = "входящее";
pub const DIR_OUT: &str = "исходящее";
pub const DIR_NOTE: &str = "заметка";
pub const PROJECT_PLANNED: &str = "планируется";
pub const PROJECT_ACTIVE: &str = "в работе";
pub const PROJECT_DONE: &str = "завершён";
pub const PROJECT_CANCELLED: &str = "отменён";
pub const DEFAULT_MANAGER_POSITION: &str = "Менеджер по работе с клиентами категории «VIP»";

// ---- trash ----
pub const TRASH_CLIENT: &str = "Клиент";
pub const TRASH_PERSON: &str = "Руководитель / контакт";
pub const TRASH_OWNER: &str = "Собственник";
pub const TRASH_SERVICE: &str = "Услуга";
pub const TRASH_PROJECT: &str = "Проект";
pub const TRASH_RECORD: &str = "Переписка / файл";
pub const TRASH_MANAGER: &str = "Менеджер";

// ---- integrity check ----
pub fn check_fk(table: &str, rowid: i64, parent: &str) -> String {
    format!("таблица {table}, запись {rowid}: ссылка на несуществующую запись в {parent}")
}
pub fn check_schema(found: usize, latest: usize) -> String {
    format!("версия схемы {found}, ожидается {latest}")
}
pub fn check_bad_inn(client_id: i64) -> String {
    format!("клиент id {client_id}: неверный ИНН")
}
pub fn check_dup_inn(first: i64, second: i64) -> String {
    format!("клиенты id {first} и id {second}: одинаковый ИНН")
}

// ---- demo data ----
pub const DEMO_NOT_EMPTY: &str =
    "В базе уже есть клиенты: демо-данные загружаются только в пустую базу";
pub const DEMO_HEAD_POSITION: &str = "Руководитель группы по работе с VIP-клиентами";
pub const DEMO_OWNER_HOLDING: &str = "ООО «Орловский промышленный холдинг»";
pub const DEMO_OWNER_KIND_LEGAL: &str = "юридическое лицо";
pub const DEMO_OWNER_KIND_PERSON: &str = "физическое лицо";
pub const DEMO_PROJECTS: [(&str, &str); 4] = [
    (
        "Переход на третью ценовую категорию",
        "Снизить стоимость электроэнергии за счёт почасового учёта",
    ),
    (
        "Установка АИИС КУЭ",
        "Автоматизировать коммерческий учёт на всех вводах",
    ),
    (
        "Энергоаудит производства",
        "Найти резервы экономии не менее 5 % потребления",
    ),
    (
        "Подключение нового цеха",
        "Сопровождение технологического присоединения 1,5 МВт",
    ),
];
pub const DEMO_STAGES: [&str; 3] = [
    "Обследование и сбор данных",
    "Согласование решения с клиентом",
    "Внедрение и подписание актов",
];
pub const DEMO_RECORDS: [(&str, &str); 4] = [
    (
        "О сверке расчётов за квартал",
        "Клиент просит направить акт сверки за квартал.",
    ),
    (
        "Запрос о графике ограничений",
        "Уточнить график плановых отключений на подстанции.",
    ),
    (
        "Пожелания по личному кабинету",
        "Руководство просит добавить выгрузку счетов в Excel.",
    ),
    (
        "Итоги рабочей встречи",
        "Обсудили перевод на почасовой учёт, договорились о выезде специалиста.",
    ),
];

// ---- import / export ----
pub const ERR_FILE_READ: &str = "не удалось прочитать файл";
pub const ERR_XLSX: &str = "не удалось прочитать файл Excel";
pub const ERR_XLSX_EMPTY: &str = "в файле Excel нет листов";
pub const ERR_CSV: &str = "ошибка формата CSV";
pub const ERR_IMPORT_EMPTY: &str = "файл пуст: нет строки заголовков";
pub const ERR_IMPORT_NO_NAME_COLUMN: &str =
    "в заголовке нет столбца «Краткое наименование» (short_name): проверьте первую строку файла";

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
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
pub fn import_unknown_column(h: &str) -> String {
    format!("неизвестный столбец «{h}» пропущен")
}
pub fn import_bad_kind(v: &str) -> String {
    format!("неизвестный вид клиента «{v}» (юридическое лицо, ИП или физическое лицо)")
}
pub fn import_unknown_district(v: &str) -> String {
    format!("неизвестное межрайонное отделение «{v}» (добавьте его в справочник)")
}
pub fn import_unknown_industry(v: &str) -> String {
    format!("неизвестная отрасль «{v}» (добавьте её в справочник)")
}
pub fn import_unknown_manager(v: &str) -> String {
    format!("неизвестный персональный менеджер «{v}»")
}
pub fn import_bad_bool(v: &str) -> String {
    format!("«Стратегический»: «{v}» — ожидается «да» или «нет»")
}
pub fn import_field_error(field: &str, value: &str, msg: &str) -> String {
    let label = crate::exchange::COLUMNS
        .iter()
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
    format!("неверный UUID «{v}»")
}
pub fn import_duplicate_uuid(id: i64) -> String {
    format!("дубликат: клиент с этим UUID уже есть в базе (id {id})")
}
pub fn import_duplicate_uuid_file() -> String {
    "дубликат: этот UUID уже встречался в файле".to_string()
}

// ---- application frame ----
pub const WINDOW_TITLE: &str = "vipdesk — рабочее место VIP-менеджера";
pub const NAV_CLIENTS: &str = "Клиенты";
pub const NAV_MANAGERS: &str = "Менеджеры";
pub const NAV_CATALOGS: &str = "Справочники";
pub const NAV_TRASH: &str = "Корзина";
pub const NAV_ABOUT: &str = "О программе";
pub const CHANGE_USER: &str = "Сменить пользователя";
pub const CLIENT_FORMS: [&str; 3] = ["клиент", "клиента", "клиентов"];
pub const YEAR_FORMS: [&str; 3] = ["год", "года", "лет"];
pub fn nav_user(name: &str) -> String {
    format!("Работает: {name}")
}
pub const WELCOME_TITLE: &str = "Добро пожаловать в vipdesk";
pub const WELCOME_TEXT: &str = "База данных пуста. Загрузите демонстрационные данные, чтобы посмотреть программу в работе,\nили начните с пустой базы: укажите себя как первого менеджера.";
pub const LOAD_DEMO: &str = "Загрузить демо-данные";
pub const WELCOME_OR_CREATE: &str = "или заполните карточку менеджера ниже и нажмите «Сохранить»";
pub const WHO_IS_WORKING: &str = "Кто работает?";
pub const PICK_CLIENT_HINT: &str = "Выберите клиента в списке или нажмите «Новый клиент»";
pub const ABOUT_TEXT: &str = "Рабочее место персонального менеджера по работе с клиентами категории «VIP».\nДосье клиентов, руководители и контакты, показатели, переписка.";
pub const ABOUT_FONTS: &str =
    "Шрифт PT Sans © ParaType, ParaType Free Font License (fonts/LICENSE-PTSans.txt).";
pub fn about_build(stamp: &str) -> String {
    format!("Сборка: {stamp}")
}
pub fn about_db(path: &str) -> String {
    format!("База данных: {path}")
}
pub fn err_open_db(path: &str) -> String {
    format!("не удалось открыть базу данных {path}")
}

// ---- common actions ----
pub const SAVE: &str = "Сохранить";
pub const CALENDAR: &str = "Календарь";
pub const PREV_MONTH: &str = "Предыдущий месяц";
pub const NEXT_MONTH: &str = "Следующий месяц";
pub const PREV_YEAR: &str = "Предыдущий год";
pub const NEXT_YEAR: &str = "Следующий год";
pub const TODAY: &str = "Сегодня";
pub const YES_SAVE: &str = "Да, сохранить";
pub const DONT_SAVE: &str = "Нет, не сохранять";
pub const CANCEL: &str = "Отмена";
pub const CLOSE: &str = "Закрыть";
pub const REVERT: &str = "Отменить изменения";
pub const DELETE: &str = "Удалить";
pub const YES_DELETE: &str = "Да, удалить";
pub const REMOVE: &str = "Убрать";
pub const EDIT: &str = "Изменить";
pub const ADD: &str = "Добавить";
pub const LOAD: &str = "Загрузить";
pub const BROWSE: &str = "Обзор…";
pub const FILE_PATH: &str = "Путь к файлу";
pub const RESTORE: &str = "Восстановить";
pub const SAVED: &str = "Сохранено";
pub const RESTORED: &str = "Восстановлено из корзины";
pub const SAVE_REFUSED: &str =
    "Не сохранено: исправьте поля, отмеченные красным. Введённые данные сохранены в форме.";
pub fn save_failed(e: &str) -> String {
    format!("Не удалось сохранить: {e}. Введённые данные сохранены в форме.")
}
pub const UNSAVED_TITLE: &str = "Сохранить изменения?";
pub const UNSAVED_TEXT: &str = "В досье клиента есть несохранённые изменения.";
pub const UNSAVED_MARK: &str = "● не сохранено";
pub fn errors_count(n: usize) -> String {
    format!(
        "{} — исправьте, чтобы сохранить",
        crate::domain::fmt::count(n as u64, ["ошибка", "ошибки", "ошибок"])
    )
}
pub fn err_read_file(e: &str) -> String {
    format!("не удалось прочитать файл: {e}")
}
pub fn err_write_file(path: &str) -> String {
    format!("не удалось записать файл {path}")
}

// ---- client list ----
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
        shown,
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
pub const SAVE_AS_DIALOG: &str = "Куда сохранить…";
pub fn exported(n: usize) -> String {
    format!(
        "Экспортировано: {}",
        crate::domain::fmt::count(n as u64, CLIENT_FORMS)
    )
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

// ---- dossier ----
pub const TAB_ENTERPRISE: &str = "Предприятие";
pub const TAB_VIP: &str = "Статус VIP";
pub const TAB_PEOPLE: &str = "Руководители и контакты";
pub const TAB_OWNERS: &str = "Собственники";
pub const TAB_SERVICES: &str = "Услуги";
pub const TAB_PROJECTS: &str = "Проекты";
pub const TAB_INDICATORS: &str = "Показатели";
pub const TAB_RECORDS: &str = "Переписка и файлы";
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
pub fn professional_holiday(name: &str, when: &str) -> String {
    format!("Профессиональный праздник: {name}, {when}")
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

// ---- managers ----
pub const NEW_MANAGER: &str = "Новый менеджер";
pub const NEW_MANAGER_TITLE: &str = "Новый менеджер";
pub const EDIT_MANAGER: &str = "Карточка менеджера";
pub const F_ROLE: &str = "Роль";
pub const F_SUPERVISOR: &str = "Руководитель";
pub const F_APPOINTMENT_ORDER: &str = "Приказ о назначении, №";
pub const F_APPOINTMENT_DATE: &str = "Дата приказа о назначении";
pub const F_ACTIVE: &str = "Работает";
pub const F_ACTIVE_HINT: &str = "да";
pub const F_SIGNATURE: &str = "Подпись (PNG)";
pub const NO_SIGNATURE: &str = "изображение подписи не загружено";
pub const REMOVE_SIGNATURE: &str = "Убрать подпись";
pub const CONFIRM_DELETE_MANAGER: &str =
    "Удалить менеджера? Его можно будет восстановить из корзины.";
pub const MANAGER_DELETED: &str = "Менеджер перемещён в корзину";

// ---- catalogues ----
pub const CAT_DISTRICTS: &str = "Межрайонные отделения";
pub const CAT_INDUSTRIES: &str = "Отрасли и профессиональные праздники";
pub const CAT_SERVICES: &str = "Услуги";
pub const CAT_INDICATORS: &str = "Показатели";
pub const F_NAME_GENERIC: &str = "Название";
pub const F_HOLIDAY: &str = "Праздник";
pub const F_HOLIDAY_RULE: &str = "Дата: 22.12 или 2 вс 08";
pub const F_UNIT: &str = "Единица";
pub const ERR_HOLIDAY_RULE: &str =
    "Дата праздника: «ДД.ММ» или «N дн ММ», например «2 вс 08» — второе воскресенье августа";
pub fn catalog_save_error(e: &str) -> String {
    if e.contains("UNIQUE") {
        "Такое название уже есть в справочнике".to_string()
    } else {
        format!("Не удалось сохранить: {e}")
    }
}

// ---- trash ----
pub const TRASH_HINT: &str = "Удалённые записи хранятся здесь и могут быть восстановлены.";
pub const TRASH_EMPTY: &str = "Корзина пуста";
pub const COL_KIND: &str = "Что";
pub const COL_WHAT: &str = "Запись";
pub const COL_CLIENT: &str = "Клиент";
pub const COL_DELETED: &str = "Удалено";
pub fn deleted_at(stamp: &str) -> String {
    // «2026-11-25T08:30:00.000Z» → «25.11.2026 08:30 UTC»
    match (stamp.get(0..10), stamp.get(11..16)) {
        (Some(d), Some(t)) => match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => format!("{} {t} UTC", crate::domain::fmt::date(d)),
            Err(_) => stamp.to_string(),
        },
        _ => stamp.to_string(),
    }
}

// ---- command line ----
pub fn demo_summary(
    managers: usize,
    clients: usize,
    people: usize,
    values: usize,
    letters: usize,
    reports: usize,
) -> String {
    use crate::domain::fmt::count;
    format!(
        "Демо-данные: {}, {}, {}, {}, {}, {}",
        count(managers as u64, ["менеджер", "менеджера", "менеджеров"]),
        count(clients as u64, CLIENT_FORMS),
        count(
            people as u64,
            ["контактное лицо", "контактных лица", "контактных лиц"]
        ),
        count(
            values as u64,
            [
                "значение показателей",
                "значения показателей",
                "значений показателей"
            ]
        ),
        count(letters as u64, ["письмо", "письма", "писем"]),
        count(
            reports as u64,
            [
                "отчёт о контактах",
                "отчёта о контактах",
                "отчётов о контактах"
            ]
        )
    )
}
pub fn check_ok(clients: i64) -> String {
    format!(
        "Проблем не найдено ({})",
        crate::domain::fmt::count(clients.max(0) as u64, CLIENT_FORMS)
    )
}
pub fn check_failed(n: usize) -> String {
    format!("Найдено проблем: {n}")
}

// ---- PDF ----
pub const ERR_PDF_FONT: &str = "ошибка шрифта PDF";
pub const ERR_PDF_IMAGE: &str = "ошибка изображения PDF (нужен PNG)";
pub fn pdf_missing_glyphs(chars: &str) -> String {
    format!(
        "в шрифте письма нет символов «{chars}»: замените их, иначе они будут напечатаны пустыми квадратами"
    )
}

// ---- letters ----
pub const LETTER_DRAFT: &str = "черновик";
pub const LETTER_REGISTERED: &str = "зарегистрировано";
pub const LETTER_PRINTED: &str = "напечатано";
pub const LETTER_COURIER: &str = "передано курьеру";
pub const LETTER_DELIVERED: &str = "доставлено";
pub fn template_unknown(line: usize, name: &str) -> String {
    format!("Шаблон, строка {line}: неизвестное поле «{name}»")
}
pub fn template_syntax(line: usize, detail: &str) -> String {
    format!("Шаблон, строка {line}: ошибка синтаксиса: {detail}")
}
pub const LETTER_CLOSING: &str = "С уважением,";
pub const LETTER_TITLE: &str = "Письмо";
pub const MERGE_NO_ADDRESSEE: &str =
    "в досье нет руководителя или контактного лица, которому адресовать письмо";
pub fn letter_subject(number: &str) -> String {
    if number.is_empty() {
        "Исходящее письмо (черновик)".to_string()
    } else {
        format!("Исходящее письмо № {number}")
    }
}
pub fn unknown_template(code: &str) -> String {
    format!("нет шаблона «{code}»")
}
pub fn merge_file_name(code: &str, date: chrono::NaiveDate) -> String {
    format!("Рассылка_{code}_{}.pdf", crate::domain::fmt::date(date))
}
pub const BAD_SELECTION: &str = "--clients: ожидается all, manager:ID или district:НАЗВАНИЕ";
pub fn letter_written(path: &str) -> String {
    format!("Письмо записано в {path}")
}
pub fn merge_skipped(client: &str, reason: &str) -> String {
    format!("пропущен {client}: {reason}")
}
pub fn merge_summary(letters: usize, files: usize, skipped: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Рассылка: {}, {}, пропущено: {}",
        count(
            letters as u64,
            [
                "письмо зарегистрировано",
                "письма зарегистрировано",
                "писем зарегистрировано"
            ]
        ),
        count(files as u64, ["файл PDF", "файла PDF", "файлов PDF"]),
        count(skipped as u64, CLIENT_FORMS)
    )
}
pub const DEMO_RECEIVED_BY: &str = "секретарь Смирнова О.В.";
pub const NAV_LETTERS: &str = "Исходящие";
pub const NEW_LETTER: &str = "Новое письмо";
pub const PREVIEW: &str = "Предпросмотр";
pub const SAVE_DRAFT: &str = "Сохранить черновик";
pub const REGISTER_LETTER: &str = "Зарегистрировать";
pub const CORRECT_LETTER: &str = "Исправить (новая версия)";
pub const RECEIVED_BY: &str = "Получил";
pub const STATUS_DATE: &str = "Дата";
pub const SAVE_PDF: &str = "Сохранить PDF";
pub const PRINT: &str = "Печать";
pub const SENT_TO_PRINT: &str = "Письмо отправлено на печать";
pub const ERR_NO_LETTER: &str = "письмо не открыто";
pub const F_ADDRESSEE_PERSON: &str = "Кому (руководитель)";
pub const F_TEMPLATE: &str = "Шаблон";
pub const APPLY_TEMPLATE: &str = "Применить шаблон";
pub const F_REPLY_NUMBER: &str = "На входящий №";
pub const F_REPLY_DATE: &str = "от (дата)";
pub const F_REPLY_SUBJECT: &str = "Тема обращения";
pub const F_ADDRESSEE: &str = "Адресат (в дательном падеже)";
pub const F_HEADING: &str = "Заголовок";
pub const F_SALUTATION: &str = "Обращение к адресату";
pub const F_BODY: &str = "Текст письма";
pub const BODY_HINT: &str = "Абзацы разделяются пустой строкой.";
pub const F_ATTACHMENT: &str = "Приложение";
pub const F_CLOSING: &str = "Заключительная фраза";
pub const F_SIGNATURE_MODE: &str = "Подпись";
pub const SIGNATURE_IMAGE: &str = "изображение подписи";
pub const SIGNATURE_INK: &str = "место для подписи от руки";
pub const LETTER_FROZEN: &str =
    "Письмо зарегистрировано: текст изменить нельзя. Для исправления создайте новую версию.";
pub const ALL_STATUSES: &str = "Все состояния";
pub const FILTER_STATUS: &str = "Фильтр по состоянию";
pub const PERIOD_FROM: &str = "с";
pub const PERIOD_TO: &str = "по";
pub const COL_NUMBER: &str = "Номер";
pub const COL_DATE: &str = "Дата";
pub const COL_STATUS: &str = "Состояние";
pub const COL_HEADING: &str = "Заголовок";
pub fn letter_draft_title(client: &str) -> String {
    format!("Черновик письма: {client}")
}
pub fn letter_title(number: &str, date: &str) -> String {
    format!("Письмо № {number} от {date}")
}
pub fn letter_version_of(id: i64) -> String {
    format!("Исправленная версия письма id {id}")
}
pub fn mark_status(label: &str) -> String {
    format!("Отметить: {label}")
}
pub fn letter_registered(number: &str) -> String {
    format!("Письмо зарегистрировано под № {number}")
}
pub fn letter_status_set(label: &str) -> String {
    format!("Состояние письма: {label}")
}
pub fn delivered_info(date: &str, who: &str) -> String {
    format!("Доставлено {date}, получил: {who}")
}
pub const NAV_MERGE: &str = "Рассылка";
pub const NAV_SETTINGS: &str = "Бланк и шаблоны";
pub const COMPANY_SECTION: &str = "Реквизиты компании для бланка письма";
pub const TEMPLATES_SECTION: &str = "Шаблоны писем";
pub const C_NAME: &str = "Полное наименование компании";
pub const C_SHORT_NAME: &str = "Сокращённое наименование";
pub const C_ADDRESS: &str = "Почтовый адрес";
pub const C_PHONES: &str = "Телефоны";
pub const C_SITE: &str = "Сайт";
pub const C_OKPO: &str = "ОКПО";
pub const C_NUMBER_FORMAT: &str = "Формат исходящего номера";
pub const C_LOGO: &str = "Логотип (PNG)";
pub const LOGO_LOADED: &str = "логотип загружен";
pub const NO_LOGO: &str = "логотипа нет";
pub const NUMBER_FORMAT_HINT: &str = "{n} — порядковый номер в году (не повторяется, даже если письмо удалено), {yy} или {yyyy} — год. Например: VIP-{n} или {n}/VIP-{yy}.";
pub const ERR_NUMBER_FORMAT: &str = "Формат должен содержать {n} — порядковый номер";
pub const TEMPLATE_FIELDS_HINT: &str = "Поля: {{ client.short_name }}, {{ client.full_name }}, {{ client.contract_number }}, {{ addressee.name_dative }}, {{ addressee.address_as }}, {{ manager.full_name }}, {{ manager.phone }}, {{ appeal.number }}, {{ appeal.date }}, {{ appeal.subject }}, {{ company.short_name }}, {{ today }}; условие: {% if appeal.subject %}…{% endif %}.";
pub const NEW_TEMPLATE: &str = "Новый шаблон";
pub const CHECK_TEMPLATE: &str = "Проверить";
pub const SAVE_TEMPLATE: &str = "Сохранить шаблон";
pub fn new_template_title(n: usize) -> String {
    format!("Новый шаблон {n}")
}
pub const MERGE_HINT: &str = "Одно письмо по шаблону каждому выбранному клиенту: адресат — руководитель из досье, письма регистрируются и сохраняются в PDF.";
pub const MERGE_TO: &str = "Кому";
pub const MERGE_ALL: &str = "всем клиентам";
pub const MERGE_MANAGER: &str = "клиентам менеджера";
pub const MERGE_DISTRICT: &str = "клиентам отделения";
pub const MERGE_DIR: &str = "Папка для PDF";
pub const MERGE_COMBINED: &str = "одним общим файлом PDF";
pub const MERGE_START: &str = "Запустить рассылку";
pub const MERGE_PICK_TEMPLATE: &str = "Выберите шаблон";
pub const MERGE_PICK_DIR: &str = "Укажите папку для файлов PDF";
pub const MERGE_PICK_TARGET: &str = "Выберите менеджера или отделение";
pub const MERGE_CANCELLED: &str = "Рассылка остановлена";
pub const MERGE_NEEDS_FILE: &str = "Рассылка работает только с базой в файле";
pub fn merge_progress(done: usize, total: usize) -> String {
    format!("{done} из {total}")
}
pub const COURIER_SHEET: &str = "Реестр передачи курьеру";
pub const COURIER_SHEET_PATH: &str = "Реестр курьеру: путь";
pub const COURIER_SHEET_FILE: &str = "Реестр_курьеру.pdf";
pub const NO_COURIER_LETTERS: &str = "Нет писем в состоянии «передано курьеру»";
pub fn courier_sheet_written(n: usize, path: &str) -> String {
    format!(
        "Реестр на {} записан в {path}",
        crate::domain::fmt::count(n as u64, ["письмо", "письма", "писем"])
    )
}
pub const FILTER_CLIENT: &str = "Фильтр по клиенту";
pub const DEMO_LONG_HEADING: &str =
    "О результатах рассмотрения претензии по расчётам за электрическую энергию";
pub const DEMO_LONG_ATTACHMENT: &str = "Приложение: акт сверки расчётов на 3 л. в 2 экз.";
pub const DEMO_LONG_BODY: &str = "Ваша претензия о правильности расчётов за электрическую энергию за июль–сентябрь рассмотрена. Благодарим Вас за внимание к вопросам расчётов и за предоставленные копии документов, которые позволили провести проверку в сжатые сроки.

В ходе проверки специалисты расчётного отдела сопоставили показания приборов учёта, переданные Вашим предприятием, с данными автоматизированной системы коммерческого учёта и с актами снятия показаний, подписанными представителями сетевой организации. Установлено, что в августе показания прибора учёта на вводе № 2 были переданы с опозданием, и начисление за этот месяц было выполнено по среднемесячному расходу.

После получения фактических показаний выполнен перерасчёт. Сумма к уменьшению начислений составила 184 250,36 ₽ (в том числе НДС). Она будет учтена в счёте за ноябрь; отдельного обращения для этого не требуется. Акт сверки расчётов по состоянию на 31 октября прилагается.

Одновременно сообщаем, что по Вашему договору энергоснабжения применяется третья ценовая категория. По нашей оценке, с учётом графика работы Вашего производства переход на четвёртую ценовую категорию может снизить стоимость электрической энергии на 3–5 % в год. Персональный менеджер подготовит расчёт на основании почасовых данных за последние двенадцать месяцев.

Чтобы подобные расхождения не повторялись, предлагаем подключить передачу показаний через личный кабинет клиента: показания поступают в расчётную систему автоматически, а подтверждение приёма приходит на адрес электронной почты ответственного сотрудника. Подключение бесплатное и занимает один рабочий день.

Кроме того, в первом квартале следующего года планируется замена трансформаторов тока на вводе № 1, срок поверки которых истекает в марте. Работы будут согласованы с Вашим главным энергетиком заранее, чтобы не допустить перерывов в электроснабжении производства.

Если у Вас останутся вопросы по результатам перерасчёта или по предложенным мерам, Ваш персональный менеджер готов обсудить их при личной встрече в удобное для Вас время. Копия настоящего письма направлена по электронной почте.

Надеемся на дальнейшее плодотворное сотрудничество.";
pub const SHOW_LOGO: &str = "Логотип на бланке";

// ---- contacts ----
pub const KIND_CALL: &str = "ежемесячный звонок руководству";
pub const KIND_MEETING: &str = "ежеквартальная личная встреча";
pub const KIND_VISIT: &str = "выезд к клиенту";
pub const KIND_TOP: &str = "встреча руководства компаний";
pub const KIND_OTHER: &str = "другое";
pub const REPORT_DRAFT: &str = "черновик";
pub const REPORT_SUBMITTED: &str = "передан руководителю";
pub const REPORT_ACCEPTED: &str = "принят";
pub const TODAY_CALLS: &str = "Звонки руководству";
pub const TODAY_MEETINGS: &str = "Личные встречи";
pub const TODAY_STEPS: &str = "Следующие шаги";
pub const TODAY_BIRTHDAYS: &str = "Дни рождения (14 дней)";
pub fn overdue(days: i64) -> String {
    if days > 0 {
        format!(
            "просрочено на {}",
            crate::domain::fmt::count(days as u64, ["день", "дня", "дней"])
        )
    } else {
        "в срок".to_string()
    }
}
pub fn age(age: i32, jubilee: bool) -> String {
    let years = crate::domain::fmt::count(age.max(0) as u64, YEAR_FORMS);
    if jubilee {
        format!("{years}, юбилей")
    } else {
        years
    }
}
pub const DEMO_PLACE_PHONE: &str = "по телефону";
pub const DEMO_PLACE_OFFICE: &str = "офис клиента";
pub const DEMO_RESPONSIBLE: &str = "персональный менеджер";
pub const DEMO_SUPERVISOR_COMMENT: &str = "Принято. Взять шаги на контроль.";
pub const DEMO_REPORTS: [(&str, &str, &str); 4] = [
    (
        "Итоги расчётов за месяц, планы потребления",
        "Счета приходят позже, чем нужно бухгалтерии",
        "Направлять счета по электронной почте до 5-го числа",
    ),
    (
        "Переход на почасовой учёт",
        "Нет данных за прошлые годы для расчёта",
        "Подготовить сравнительный расчёт ценовых категорий",
    ),
    (
        "Ремонт на подстанции и график ограничений",
        "Опасение перерывов в работе производства",
        "Согласовать график работ с главным энергетиком",
    ),
    (
        "Удовлетворённость обслуживанием",
        "Замечаний нет",
        "Продолжить ежемесячные звонки",
    ),
];
pub const DEMO_STEPS: [&str; 4] = [
    "Подготовить расчёт по ценовым категориям",
    "Направить акт сверки",
    "Согласовать график плановых работ",
    "Организовать встречу с руководством компании",
];
pub fn nav_today(n: usize) -> String {
    if n == 0 {
        "Сегодня".to_string()
    } else {
        format!("Сегодня ({n})")
    }
}
pub fn today_title(date: &str) -> String {
    format!("Сегодня, {date}")
}
pub const TODAY_NOTHING: &str = "На сегодня всё сделано.";
pub fn due_by(date: &str) -> String {
    format!("до {date}")
}
pub fn last_contact(date: &str) -> String {
    if date.is_empty() {
        "не было".to_string()
    } else {
        format!("последний: {date}")
    }
}
pub const RECORD_CALL: &str = "Записать звонок";
pub const RECORD_MEETING: &str = "Записать встречу";
pub const OPEN_REPORT: &str = "Открыть отчёт";
pub const STEP_DONE: &str = "Выполнено";
pub const OPEN_DOSSIER: &str = "Открыть досье";
pub const STEP_DONE_TOAST: &str = "Шаг отмечен выполненным";
pub fn report_title(client: &str) -> String {
    format!("Отчёт о встрече / звонке: {client}")
}
pub const SUBMIT_REPORT: &str = "Передать руководителю";
pub const ACCEPT_REPORT: &str = "Принять отчёт";
pub const CORRECT_REPORT: &str = "Исправить (новая версия)";
pub const SUPERVISOR_COMMENT: &str = "Комментарий руководителя";
pub const REPORT_SUBMITTED_TOAST: &str = "Отчёт передан руководителю";
pub const REPORT_ACCEPTED_TOAST: &str = "Отчёт принят";
pub fn submitted_info(date: &str) -> String {
    format!("Передан руководителю {date}")
}
pub fn accepted_info(date: &str, comment: &str) -> String {
    format!("Принят {date}. Комментарий: {comment}")
}
pub fn reports_to_review(n: usize) -> String {
    format!("Отчёты на проверке: {n}")
}
pub const F_REPORT_KIND: &str = "Вид контакта";
pub const F_TIME: &str = "Время";
pub const F_PLACE: &str = "Место или канал";
pub const F_CLIENT_PEOPLE: &str = "Участники от клиента";
pub const F_COMPANY_PEOPLE: &str = "Участники от компании";
pub const F_TOPICS: &str = "Обсуждённые вопросы";
pub const F_PROBLEMS: &str = "Проблемы и пожелания клиента";
pub const F_AGREEMENTS: &str = "Договорённости";
pub const F_NEXT_STEPS: &str = "Следующие шаги";
pub const F_STEP: &str = "Шаг";
pub const F_RESPONSIBLE: &str = "Ответственный";
pub const F_DUE: &str = "Срок";
pub const ADD_STEP_REPORT: &str = "Добавить шаг";
pub const F_DATE_TIME: &str = "Дата и время";
pub const SUPERVISOR_LINE: &str = "Руководитель группы (отчёт принял)";
pub const REPORT_SUBJECT: &str = "Отчёт о контакте с VIP-клиентом";
pub fn report_pdf_title(kind: &str, date: &str) -> String {
    format!("Отчёт: {kind}, {date}")
}
pub fn err_range(min: u32, max: u32) -> String {
    format!("Число от {min} до {max}")
}
pub const EV_CALL: &str = "Звонок";
pub const EV_MEETING: &str = "Встреча";
pub const EV_LETTER: &str = "Письмо";
pub const EV_RECORD: &str = "Переписка";
pub const EV_STAGE: &str = "Этап проекта";
pub const EV_STEP: &str = "Следующий шаг";
pub const STAGE_DONE: &str = "выполнен";
pub const STAGE_PLANNED: &str = "по плану";
pub const STEP_DONE_LABEL: &str = "выполнен";
pub const STEP_OPEN_LABEL: &str = "срок";
pub const EV_OTHER: &str = "Контакт";
pub const TAB_CONTACTS: &str = "Контакты и хронология";
pub const F_CALL_EVERY: &str = "Звонок руководству: каждые (дней)";
pub const F_MEETING_EVERY: &str = "Личная встреча: раз в (месяцев)";
pub const RHYTHM_HINT: &str =
    "Пусто — по Стандарту: звонок ежемесячно (30 дней), встреча ежеквартально (3 месяца).";
pub fn contact_state(last: &str, due: &str, overdue: &str) -> String {
    format!("последний: {last}; следующий: {due} ({overdue})")
}
pub const TIMELINE: &str = "Хронология";
pub const TIMELINE_EMPTY: &str = "Событий пока нет.";
pub fn period_quarter(q: u32, y: i32) -> String {
    format!("{q} квартал {y} г.")
}
pub fn period_year(y: i32) -> String {
    format!("{y} год")
}
pub fn manager_total(name: &str) -> String {
    format!("Итого: {name}")
}
pub fn contact_report_title(period: &str) -> String {
    format!("Отчёт о контактах с VIP-клиентами: {period}")
}
pub const COL_CALLS: &str = "Звонки: план / факт / в срок";
pub const COL_MEETINGS: &str = "Встречи: план / факт";
pub const COL_RATE: &str = "Выполнение";
pub const CONTACT_REPORT_NOTE: &str = "Звонок в срок — не позже чем через установленное число дней (+3 дня) после предыдущего. Выполнение — доля плановых контактов, проведённых в срок.";
pub const BAD_PERIOD: &str = "--period: ожидается 2026-Q4, 2026-11 или 2026";
pub const NAV_CONTACT_REPORT: &str = "Отчёт по контактам";
pub const F_PERIOD: &str = "Период";
pub const BUILD_REPORT: &str = "Построить";
pub const PERIOD_HINT: &str = "Месяц — 2026-11, квартал — 2026-Q4, год — 2026. Руководитель группы видит всех менеджеров, менеджер — своих клиентов.";
pub const BAD_PERIOD_GUI: &str = "Период: 2026-11, 2026-Q4 или 2026";
pub fn attachment_subject(name: &str) -> String {
    format!("Приложение к отчёту о встрече: {name}")
}
pub const F_ATTACHMENTS: &str = "Приложения";
pub const ATTACH_TO_REPORT: &str = "Приложить к отчёту";
pub const SAVE_REPORT_FIRST: &str = "Сначала сохраните черновик отчёта";
