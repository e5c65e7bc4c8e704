//! Words of «Сегодня» as a whole: the parts the features contribute, and what is said when one
//! cannot be shown.

pub const TODAY_REVIEWS: &str = "Отчёты на проверке";
pub const PART_REVIEWS: &str = "отчёты на приёмку";
pub const PART_APPEALS: &str = "обращения";
pub const PART_GIFTS: &str = "поздравления и подарки";
pub const PART_CONTACTS: &str = "звонки, встречи, шаги и дни рождения";
/// A part of «Сегодня» that could not be built, and why.
pub fn part_failed(part: &str, why: &str) -> String {
    format!("Не удалось показать {part}: {why}")
}
/// A section's title with its count: «Звонки руководству (3)».
pub fn section_title(title: &str, n: usize) -> String {
    format!("{title} ({n})")
}
