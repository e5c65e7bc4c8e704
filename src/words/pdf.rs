//! Words the documents print whatever the feature: the letterhead's requisites, the mark of a
//! draft, the reference to the letter answered, the executor, and the courier sheet.

/// What a draft says over the addressee.
pub const DRAFT_MARK: &str = "ПРОЕКТ";
/// «На № 17 от 20.11.2026».
pub fn reply_to(number: &str, date: &str) -> String {
    format!("На № {number} от {date}")
}
pub fn phone(phones: &str) -> String {
    format!("тел. {phones}")
}
pub fn okpo(code: &str) -> String {
    format!("ОКПО {code}")
}
pub fn ogrn(code: &str) -> String {
    format!("ОГРН {code}")
}
pub fn inn_kpp(inn: &str, kpp: &str) -> String {
    format!("ИНН/КПП {inn}/{kpp}")
}
/// The executor of a letter, at the foot of its last page.
pub fn executor(name: &str) -> String {
    format!("Исп. {name}")
}

/// The columns of «Реестр передачи курьеру», in order.
pub const COURIER_COLUMNS: [&str; 8] = [
    "№ п/п",
    "Исх. №",
    "Дата",
    "Клиент",
    "Адрес",
    "Адресат",
    "Подпись получателя",
    "Дата получения",
];
pub const COURIER_TITLE: &str = "Реестр передачи корреспонденции курьеру";
pub fn courier_title_of(date: &str) -> String {
    format!("{COURIER_TITLE} от {date}")
}
pub fn courier_subject(date: &str) -> String {
    format!("Реестр от {date}")
}
pub fn letters_total(n: usize) -> String {
    format!("Всего писем: {n}")
}
pub const HANDED_BY_BLANK: &str = "Передал: ____________________ ____________";
pub fn handed_by(sender: &str) -> String {
    format!("Передал: {sender} ____________")
}
pub const RECEIVED_BY_COURIER: &str = "Принял (курьер): ____________________ ____________";
