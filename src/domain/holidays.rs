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
    }
}
