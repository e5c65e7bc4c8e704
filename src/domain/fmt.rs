//! Russian formats: dates ДД.ММ.ГГГГ, numbers with a space between thousands and a decimal
//! comma, money with ₽, plural forms, and the search normalisation («ё» = «е»).

use chrono::{Datelike, NaiveDate};

/// The thousands separator: a no-break space, so a number never wraps inside.
pub const THOUSANDS: char = '\u{a0}';

pub fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A span of days as a schedule prints it: «15–21.12.2026» within a month, «28.12.2026–11.01.2027»
/// across months, one date when the span is a day.
pub fn date_span(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        date(to)
    } else if (from.year(), from.month()) == (to.year(), to.month()) {
        format!("{:02}\u{2013}{}", from.day(), date(to))
    } else {
        format!("{}\u{2013}{}", date(from), date(to))
    }
}

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_default()
}

/// Parses «05.06.2026», «5.6.2026», «05.06.26» and ISO «2026-06-05».
/// A time of day typed as «ЧЧ:ММ» («9:30», «09:30»): hours 0–23, minutes two digits 00–59.
pub fn parse_time(s: &str) -> Option<chrono::NaiveTime> {
    let (h, m) = s.trim().split_once(':')?;
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !(digits(h) && h.len() <= 2 && digits(m) && m.len() == 2) {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 3 {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let mut year: i32 = parts[2].parse().ok()?;
    if parts[2].len() == 2 {
        year += 2000;
    } else if parts[2].len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Why `s` is not a date: [`FieldError::NoSuchDate`] when it is written as one but the
/// calendar has no such day («31.02.2024», «29.02.2023»), else [`FieldError::Date`].
pub fn date_error(s: &str) -> super::FieldError {
    let parts: Vec<&str> = s.trim().split(['.', '-']).collect();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    if numeric {
        let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
        let (day, month) = if parts[0].len() == 4 {
            (n[2], n[1])
        } else {
            (n[0], n[1])
        };
        if (1..=31).contains(&day) && (1..=12).contains(&month) {
            return super::FieldError::NoSuchDate;
        }
    }
    super::FieldError::Date
}

/// A month as «03.2026».
pub fn month(y: i32, m: u32) -> String {
    format!("{m:02}.{y}")
}

const MONTHS_NOM: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const MONTHS_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// «март».
pub fn month_name(m: u32) -> &'static str {
    MONTHS_NOM[(m.max(1) as usize - 1) % 12]
}

/// «март 2026».
pub fn month_long(y: i32, m: u32) -> String {
    format!("{} {y}", MONTHS_NOM[(m as usize - 1) % 12])
}

/// Parses a month as people write it: «03.2026», «3.2026», «2026-03», «01.03.2026», «мар 2026»,
/// «март 2026».
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    let s = s.trim().to_lowercase();
    if let Some(d) = parse_date(&s) {
        return Some((d.year(), d.month()));
    }
    let valid =
        |y: i32, m: u32| ((1..=12).contains(&m) && (1900..=2200).contains(&y)).then_some((y, m));
    if let Some((a, b)) = s.split_once('.').or_else(|| s.split_once('/')) {
        let (m, y) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        return valid(y, m);
    }
    if let Some((a, b)) = s.split_once('-') {
        let (y, m) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        return valid(y, m);
    }
    let (name, year) = s.split_once(' ')?;
    let y: i32 = year.trim().trim_end_matches("г.").trim().parse().ok()?;
    let name = name.trim_end_matches('.');
    let m = MONTHS_SHORT
        .iter()
        .position(|short| name.starts_with(short))?;
    valid(y, m as u32 + 1)
}

/// Groups the integer part by three with no-break spaces: 1234567 → «1 234 567».
fn group_thousands(int_part: &str) -> String {
    let (sign, digits) = match int_part.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int_part),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(THOUSANDS);
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A number with `decimals` digits after a decimal comma: 1234567.891 → «1 234 567,89».
/// Whether a registration number format can number: it holds the counter `{n}`.
pub fn number_format_ok(format: &str) -> bool {
    format.contains("{n}")
}

/// Formats a registration number: `{n}` the counter, `{yyyy}` / `{yy}` the year. A format
/// without `{n}` would give every letter the same number: `VIP-{n}` is used instead.
pub fn registration_number(format: &str, n: i64, year: i32) -> String {
    let format = if format.contains("{n}") {
        format
    } else {
        "VIP-{n}"
    };
    format
        .replace("{n}", &n.to_string())
        .replace("{yyyy}", &year.to_string())
        .replace("{yy}", &format!("{:02}", year % 100))
}

pub fn number(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let (int_part, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let int_part = if int_part == "-0" { "0" } else { int_part };
    match frac {
        Some(f) => format!("{},{f}", group_thousands(int_part)),
        None => group_thousands(int_part),
    }
}

/// A number with as many decimals as it needs (up to 3), for editable cells: 12.5 → «12,5».
pub fn number_compact(x: f64) -> String {
    let mut s = number(x, 3);
    if s.contains(',') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with(',') {
            s.pop();
        }
    }
    s
}

/// Money: «1 234 567,89 ₽».
pub fn money(x: f64) -> String {
    format!("{}\u{a0}₽", number(x, 2))
}

/// Parses «1 234 567,89», «1234567.89», «1 234,5 ₽», with ordinary or no-break spaces.
pub fn parse_number(s: &str) -> Option<f64> {
    let cleaned: String = s
        .trim()
        .trim_end_matches('₽')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Russian plural form: `plural(5, ["клиент", "клиента", "клиентов"])` → «клиентов».
pub fn plural(n: u64, forms: [&'static str; 3]) -> &'static str {
    let (n10, n100) = (n % 10, n % 100);
    if n10 == 1 && n100 != 11 {
        forms[0]
    } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
        forms[1]
    } else {
        forms[2]
    }
}

/// «1 клиент», «3 клиента», «5 клиентов».
pub fn count(n: u64, forms: [&'static str; 3]) -> String {
    format!("{} {}", group_thousands(&n.to_string()), plural(n, forms))
}

/// Lower case with «ё» folded to «е»: the key every search compares.
pub fn search_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The key a client list sorts by: the name without its legal form and quotes, so that
/// «ООО «Агроинвест»» sorts under А, next to «АО «Агроторг»».
pub fn name_sort_key(name: &str) -> String {
    let key = search_key(name);
    let rest = match key.split_once(' ') {
        Some((first, rest))
            if super::names::LEGAL_FORMS
                .iter()
                .any(|(short, _)| short.chars().flat_map(char::to_lowercase).eq(first.chars())) =>
        {
            rest
        }
        _ => key.as_str(),
    };
    rest.chars()
        .filter(|c| !matches!(c, '«' | '»' | '"'))
        .collect()
}

/// Full years between two dates (an age, a length of cooperation).
pub fn full_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// The sentence with its first letter capital: «Файл не найден».
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_time_parser_for_every_form() {
        let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("09:30"), t(9, 30));
        assert_eq!(parse_time(" 9:30 "), t(9, 30));
        assert_eq!(parse_time("23:59"), t(23, 59));
        for bad in [
            "24:00", "12:60", "12:5", "1230", "12:305", "ab:cd", "-1:30", "+1:30", "",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn registration_numbers_follow_their_format() {
        assert_eq!(registration_number("VIP-{n}", 7, 2026), "VIP-7");
        assert_eq!(registration_number("ОБ-{n}/{yy}", 12, 2027), "ОБ-12/27");
        assert_eq!(registration_number("без счётчика", 3, 2026), "VIP-3");
        assert!(number_format_ok("{yyyy}-{n}") && !number_format_ok("VIP"));
    }

    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 5).expect("date");
        assert_eq!(date(d), "05.06.2026");
        assert_eq!(parse_date("5.6.2026"), Some(d));
        assert_eq!(parse_date("05.06.26"), Some(d));
        assert_eq!(parse_date("2026-06-05"), Some(d));
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("05.06.202"), None);
    }

    #[test]
    fn months() {
        assert_eq!(parse_month("03.2026"), Some((2026, 3)));
        assert_eq!(parse_month("2026-03"), Some((2026, 3)));
        assert_eq!(parse_month("01.03.2026"), Some((2026, 3)));
        assert_eq!(parse_month("мар 2026"), Some((2026, 3)));
        assert_eq!(parse_month("Март 2026"), Some((2026, 3)));
        assert_eq!(parse_month("13.2026"), None);
        assert_eq!(month_long(2026, 3), "март 2026");
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(number(1234567.891, 2), "1\u{a0}234\u{a0}567,89");
        assert_eq!(number(-1234.5, 1), "-1\u{a0}234,5");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-0.001, 2), "0,00");
        assert_eq!(money(1500.0), "1\u{a0}500,00\u{a0}₽");
        assert_eq!(number_compact(12.5), "12,5");
        assert_eq!(number_compact(1000.0), "1\u{a0}000");
        assert_eq!(parse_number("1 234 567,89"), Some(1234567.89));
        assert_eq!(parse_number("1\u{a0}234,5 ₽"), Some(1234.5));
        assert_eq!(parse_number("12.5"), Some(12.5));
        assert_eq!(parse_number("12,5,1"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn plurals() {
        let f = ["клиент", "клиента", "клиентов"];
        assert_eq!(count(1, f), "1 клиент");
        assert_eq!(count(3, f), "3 клиента");
        assert_eq!(count(5, f), "5 клиентов");
        assert_eq!(count(11, f), "11 клиентов");
        assert_eq!(count(21, f), "21 клиент");
        assert_eq!(count(112, f), "112 клиентов");
        assert_eq!(count(1004, f), "1\u{a0}004 клиента");
    }

    #[test]
    fn sort_key_skips_legal_form() {
        assert_eq!(name_sort_key("ООО «Агроинвест»"), "агроинвест");
        assert_eq!(name_sort_key("Орелмолоко"), "орелмолоко");
        assert!(name_sort_key("ООО «Агроинвест»") < name_sort_key("АО «Энергомаш»"));
    }

    #[test]
    fn search_folds_yo() {
        assert_eq!(search_key("Пётр ЁЛКИН"), "петр елкин");
    }
}
