//! Words of «Сегодня» as a whole: the parts the features contribute, and what is said when one
//! cannot be shown.

pub const TODAY_REVIEWS: &str = "Отчёты на проверке";
pub const PART_REVIEWS: &str = "отчёты на приёмку";
pub const PART_APPEALS: &str = "обращения";
pub const PART_GIFTS: &str = "поздравления и подарки";
pub const PART_CONTACTS: &str = "звонки, встречи, шаги и дни рождения";
pub const PART_SURVEYS: &str = "опросы удовлетворённости";
pub const PART_ALL: &str = "дела на сегодня";
/// A part of «Сегодня» that could not be built, and why.
pub fn part_failed(part: &str, why: &str) -> String {
    format!("Не удалось показать {part}: {why}")
}
/// A section's title with its count: «Звонки руководству (3)».
pub fn section_title(title: &str, n: usize) -> String {
    format!("{title} ({n})")
}
pub const SUMMARY_TITLE: &str = "Сводка по менеджерам";
pub const SUMMARY_HINT: &str = "Число дел каждого вида; красным и в скобках — сколько из них просрочено. Щёлкните число, чтобы открыть список.";
pub const SUMMARY_MANAGER: &str = "Менеджер";
pub const SUMMARY_ALL: &str = "Все менеджеры";
pub const SUMMARY_UNASSIGNED: &str = "Без персонального менеджера";
pub const SUMMARY_EVERYONE: &str = "Всем клиентам";
pub const SUMMARY_BACK: &str = "‹ К сводке";
/// A summary cell: the count, and how many late.
pub fn summary_cell(count: usize, late: usize) -> String {
    if late > 0 {
        format!("{count} ({late})")
    } else {
        count.to_string()
    }
}
/// A summary cell's hover: the oldest date.
pub fn summary_oldest(date: &str) -> String {
    format!("Самое раннее: {date}")
}
/// The title of a summary cell's list: «Звонки — Петрова А.С. (12)».
pub fn detail_title(kind: &str, group: &str, n: usize) -> String {
    if group.is_empty() {
        format!("{kind} ({n})")
    } else {
        format!("{kind} — {group} ({n})")
    }
}
