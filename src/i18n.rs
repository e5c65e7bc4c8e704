//! Every user-visible string of vipdesk, in Russian, in one place so that a translation can be
//! added by swapping this module.

// ---- validation messages ----
pub const ERR_REQUIRED: &str = "Обязательное поле";
pub const ERR_DATE: &str = "Дата в формате ДД.ММ.ГГГГ";
pub const ERR_DATE_ORDER: &str = "Дата окончания раньше даты начала";
pub const ERR_NUMBER: &str = "Введите число, например 1 234,5";
pub const ERR_NEGATIVE: &str = "Значение не может быть отрицательным";
pub const ERR_INN_DIGITS: &str = "ИНН состоит только из цифр";
pub const ERR_INN_LENGTH: &str = "ИНН содержит 10 цифр (организация) или 12 цифр (ИП, физическое лицо)";
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
pub const ERR_PHONE: &str = "Неверный номер: нужен 10-значный номер с кодом, например 8 (4862) 43-21-00";
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
