//! Dates of professional holidays from their rules (DOMAIN.md §4): a fixed day «22.12» or
//! «N dd MM», the N-th weekday of a month, e.g. «2 вс 08» = the second Sunday of August.

use chrono::{Datelike, NaiveDate, Weekday};

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s {
        "пн" => Weekday::Mon,
        "вт" => Weekday::Tue,
        "ср" => Weekday::Wed,
        "чт" => Weekday::Thu,
        "пт" => Weekday::Fri,
        "сб" => Weekday::Sat,
        "вс" => Weekday::Sun,
        _ => return None,
    })
}

/// A holiday's rule, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A fixed day: (day, month).
    Fixed(u32, u32),
    /// The n-th weekday of a month: (n, weekday, month).
    Nth(u8, Weekday, u32),
}

/// Reads «22.12» or «2 вс 08»; `None` when the rule cannot be read.
pub fn parse_rule(rule: &str) -> Option<Rule> {
    let parts: Vec<&str> = rule.split_whitespace().collect();
    match parts.as_slice() {
        [fixed] => {
            let (d, m) = fixed.split_once('.')?;
            let (d, m) = (d.parse().ok()?, m.parse().ok()?);
            ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(Rule::Fixed(d, m))
        }
        [n, wd, m] => {
            let (n, m): (u8, u32) = (n.parse().ok()?, m.parse().ok()?);
            ((1..=5).contains(&n) && (1..=12).contains(&m)).then_some(Rule::Nth(n, weekday(wd)?, m))
        }
        _ => None,
    }
}

/// The holiday's next date from `today` on (this year's, else next year's).
pub fn next_holiday(rule: &str, today: NaiveDate) -> Option<NaiveDate> {
    holiday_date(rule, today.year())
        .filter(|d| *d >= today)
        .or_else(|| holiday_date(rule, today.year() + 1))
}

/// The date of a holiday in `year`, or `None` if the rule cannot be read.
pub fn holiday_date(rule: &str, year: i32) -> Option<NaiveDate> {
    let parts: Vec<&str> = rule.split_whitespace().collect();
    match parts.as_slice() {
        [fixed] => {
            let (d, m) = fixed.split_once('.')?;
            NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
        }
        [n, wd, m] => NaiveDate::from_weekday_of_month_opt(
            year,
            m.parse().ok()?,
            weekday(wd)?,
            n.parse().ok()?,
        ),
        _ => None,
    }
    .filter(|d| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(holiday_date("22.12", 2026), d(2026, 12, 22));
        assert_eq!(
            holiday_date("2 вс 08", 2026),
            d(2026, 8, 9),
            "День строителя 2026"
        );
        assert_eq!(
            holiday_date("4 сб 07", 2026),
            d(2026, 7, 25),
            "День торговли 2026"
        );
        assert_eq!(holiday_date("3 вс 03", 2026), d(2026, 3, 15));
        assert_eq!(holiday_date("чепуха", 2026), None);
        let today = d(2026, 12, 1).expect("date");
        assert_eq!(
            next_holiday("3 вс 06", today),
            d(2027, 6, 20),
            "passed: next year's"
        );
        assert_eq!(next_holiday("22.12", today), d(2026, 12, 22));
        assert_eq!(parse_rule("3 вс 07"), Some(Rule::Nth(3, Weekday::Sun, 7)));
        assert_eq!(parse_rule("31.13"), None);
    }
}
