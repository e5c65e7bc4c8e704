//! The schedule of greetings for a period, computed from the people, the production calendar
//! and the regulation. Pure: the store reads, this decides.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::model::*;
use crate::domain::calendar::Calendar;
use crate::domain::holidays;
use crate::domain::names::Gender;

/// The day a birthday gift is handed over: the birthday, or the first working day after it
/// when it falls on a day off.
pub fn delivery_date(cal: &Calendar, birthday: NaiveDate) -> NaiveDate {
    cal.working_on_or_after(birthday)
}

/// The last day to hand the gift order to the administrative sector for a greeting on
/// `greeting`: `working_days` working days before it.
pub fn order_deadline(cal: &Calendar, greeting: NaiveDate, working_days: u32) -> NaiveDate {
    cal.sub_working_days(greeting, working_days)
}

/// The last day a gift for `occasion` on `date` is handed over: the birthday (or the first
/// working day after), the last working day before a general holiday.
pub fn hand_by(cal: &Calendar, occasion: Occasion, date: NaiveDate) -> NaiveDate {
    if occasion.category() == 2 {
        delivery_date(cal, date)
    } else {
        cal.previous_working(date)
    }
}

/// The date of a general holiday in `year`; `None` for a professional holiday whose rule does
/// not read, and for the personal ones.
fn general_date(occasion: Occasion, year: i32, rule: &str) -> Option<NaiveDate> {
    match occasion {
        // Greeted on the eve: the gifts go before the holidays begin.
        Occasion::NewYear => NaiveDate::from_ymd_opt(year, 12, 31),
        Occasion::Defender => NaiveDate::from_ymd_opt(year, 2, 23),
        Occasion::WomensDay => NaiveDate::from_ymd_opt(year, 3, 8),
        Occasion::Professional => holidays::holiday_date(rule, year),
        Occasion::Birthday | Occasion::Jubilee => None,
    }
}

/// A birthday in `year` (29 February on the 28th in a common year).
pub fn birthday_in(birth: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
}

/// Every greeting whose holiday falls within `from..=to`, by date, then client and person.
/// `limits(year)` gives the limits of a year.
pub fn schedule(
    people: &[Greeted],
    from: NaiveDate,
    to: NaiveDate,
    cal: &Calendar,
    reg: &Regulation,
    limits: &dyn Fn(i32) -> Limits,
) -> Vec<Greeting> {
    let mut out = Vec::new();
    if to < from {
        return out;
    }
    let years: Vec<i32> = (from.year()..=to.year()).collect();
    let year_limits: Vec<(i32, Limits)> = years.iter().map(|&y| (y, limits(y))).collect();
    let limit = |year: i32, category: u8, kind: LimitKind| {
        year_limits
            .iter()
            .find(|(y, _)| *y == year)
            .and_then(|(_, l)| l.get(category, kind))
    };
    // The general holidays of the period, once.
    const GENERAL: [Occasion; 3] = [Occasion::NewYear, Occasion::Defender, Occasion::WomensDay];
    let fixed: Vec<(Occasion, NaiveDate)> = years
        .iter()
        .flat_map(|&y| {
            GENERAL
                .iter()
                .filter_map(move |&o| Some((o, general_date(o, y, "")?)))
        })
        .filter(|(_, d)| (from..=to).contains(d))
        .collect();
    // The calendar is asked once per date, not once per person: a year has 366 days and
    // 25,000 people.
    let mut days: std::collections::HashMap<(NaiveDate, bool), (NaiveDate, NaiveDate, NaiveDate)> =
        std::collections::HashMap::new();
    let mut dates_of = |date: NaiveDate, personal: bool, before: u32| {
        *days.entry((date, personal)).or_insert_with(|| {
            let (hand_from, hand_by) = if personal {
                let d = delivery_date(cal, date);
                (d, d)
            } else {
                let by = cal.previous_working(date);
                let earliest = date - chrono::Duration::days(i64::from(before));
                (earliest.min(by), by)
            };
            (
                hand_from,
                hand_by,
                order_deadline(cal, hand_by, reg.order_working_days),
            )
        })
    };
    for p in people {
        let Some(category) = p.category.filter(|c| (1..=3).contains(c)) else {
            continue;
        };
        let high = category <= 2;
        let general_callers = if high {
            vec![Caller::Director]
        } else {
            vec![Caller::Manager]
        };
        let mut push = |occasion: Occasion, date: NaiveDate, age: Option<i32>| {
            let personal = occasion.category() == 2;
            let before = if occasion == Occasion::NewYear {
                reg.new_year_days_before
            } else {
                reg.general_days_before
            };
            let (hand_from, hand_by, order_by) = dates_of(date, personal, before);
            out.push(Greeting {
                date,
                occasion,
                holiday_name: if occasion == Occasion::Professional {
                    p.professional_name.clone()
                } else {
                    Arc::from("")
                },
                person_id: p.person_id,
                person: p.name.clone(),
                position: p.position.clone(),
                category,
                age,
                client_id: p.client_id,
                client: p.client.clone(),
                strategic: p.strategic,
                manager_id: p.manager_id,
                manager: p.manager.clone(),
                callers: if personal {
                    if high {
                        vec![Caller::Director, Caller::Manager]
                    } else {
                        vec![Caller::Manager]
                    }
                } else {
                    general_callers.clone()
                },
                gift_by: match (personal, high) {
                    (false, _) => GiftBy::Representative,
                    (true, true) => GiftBy::Manager,
                    (true, false) => GiftBy::BranchEmployee,
                },
                hand_from,
                hand_by,
                order_by,
                limit: limit(date.year(), category, occasion.limit_kind()),
            });
        };
        // 23 February greets the men, 8 March the women; a person whose gender is not known
        // gets both (the manager sees which to drop).
        for &(occasion, date) in &fixed {
            let skip = matches!(
                (occasion, p.gender),
                (Occasion::Defender, Some(Gender::Female))
                    | (Occasion::WomensDay, Some(Gender::Male))
            );
            if !skip {
                push(occasion, date, None);
            }
        }
        for &y in &years {
            if let Some(d) = general_date(Occasion::Professional, y, &p.professional_rule)
                && (from..=to).contains(&d)
            {
                push(Occasion::Professional, d, None);
            }
            // Not before the person was born (a long period reaches back past it).
            if let Some(birth) = p.birthday
                && y > birth.year()
                && let Some(d) = birthday_in(birth, y)
                && (from..=to).contains(&d)
            {
                let age = y - birth.year();
                let occasion = if reg.is_jubilee(age) {
                    Occasion::Jubilee
                } else {
                    Occasion::Birthday
                };
                push(occasion, d, Some(age));
            }
        }
    }
    out.sort_by(|a, b| {
        (a.date, &a.client, a.client_id, &a.person, a.occasion).cmp(&(
            b.date,
            &b.client,
            b.client_id,
            &b.person,
            b.occasion,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn a_birthday_on_a_day_off_is_greeted_on_the_next_working_day() {
        let cal = Calendar::official();
        // Saturday 7 March 2026; 7–9 March are days off.
        assert_eq!(delivery_date(&cal, d(2026, 3, 7)), d(2026, 3, 10));
        // A working day: that day.
        assert_eq!(delivery_date(&cal, d(2026, 3, 11)), d(2026, 3, 11));
    }

    #[test]
    fn the_order_goes_ten_working_days_before() {
        let cal = Calendar::official();
        assert_eq!(order_deadline(&cal, d(2026, 2, 20), 10), d(2026, 2, 6));
        // 1–11 January are days off, and 31 December 2025 too.
        assert_eq!(order_deadline(&cal, d(2026, 1, 12), 10), d(2025, 12, 17));
    }

    #[test]
    fn jubilees_by_the_rule() {
        let r = Regulation::default();
        for age in [30, 40, 50, 55, 60, 65, 70, 75] {
            assert!(r.is_jubilee(age), "{age}");
        }
        for age in [31, 45, 51, 52, 69] {
            assert!(!r.is_jubilee(age), "{age}");
        }
    }

    #[test]
    fn limits_keep_the_proportions_or_say_where_they_do_not() {
        let l = Limits::default();
        assert_eq!(l.get(1, LimitKind::Birthday), Some(10_000.0));
        assert_eq!(l.get(3, LimitKind::Jubilee), Some(6_000.0));
        assert!(l.departures().is_empty());
        let mut odd = Limits::default();
        odd.matrix[1] = [3_000.0, 3_000.0, 12_000.0];
        assert_eq!(odd.departures().len(), 1);
        assert_eq!(odd.departures()[0].0, 2);
        assert_eq!(l.get(4, LimitKind::General), None);
    }

    /// The first quarter of 2026 for two people: exactly these rows.
    #[test]
    fn a_quarters_schedule_has_exactly_the_expected_rows() {
        let cal = Calendar::official();
        let person = |id: i64, category: u8, birthday: NaiveDate, rule: &str| Greeted {
            person_id: id,
            name: format!("Лицо {id}").into(),
            category: Some(category),
            birthday: Some(birthday),
            client_id: 1,
            client: "АО «Альфа»".into(),
            professional_rule: rule.into(),
            professional_name: "День работников ЖКХ".into(),
            ..Default::default()
        };
        let people = vec![
            // A head (category 1), born 7 March 1976: 50 in 2026, a jubilee on a Saturday.
            person(1, 1, d(1976, 3, 7), "3 вс 03"),
            // A power engineer (category 3), born 20 May: outside the quarter.
            person(2, 3, d(1980, 5, 20), "3 вс 03"),
            // Nobody to greet.
            Greeted {
                person_id: 3,
                category: None,
                birthday: Some(d(1970, 1, 15)),
                ..Default::default()
            },
        ];
        let rows = schedule(
            &people,
            d(2026, 1, 1),
            d(2026, 3, 31),
            &cal,
            &Regulation::default(),
            &|_| Limits::default(),
        );
        let got: Vec<(NaiveDate, Occasion, i64)> = rows
            .iter()
            .map(|g| (g.date, g.occasion, g.person_id))
            .collect();
        assert_eq!(
            got,
            vec![
                (d(2026, 2, 23), Occasion::Defender, 1),
                (d(2026, 2, 23), Occasion::Defender, 2),
                (d(2026, 3, 7), Occasion::Jubilee, 1),
                (d(2026, 3, 8), Occasion::WomensDay, 1),
                (d(2026, 3, 8), Occasion::WomensDay, 2),
                (d(2026, 3, 15), Occasion::Professional, 1),
                (d(2026, 3, 15), Occasion::Professional, 2),
            ]
        );
        let jubilee = &rows[2];
        assert_eq!(jubilee.age, Some(50));
        assert_eq!(jubilee.hand_by, d(2026, 3, 10));
        assert_eq!(jubilee.callers, vec![Caller::Director, Caller::Manager]);
        assert_eq!(jubilee.gift_by, GiftBy::Manager);
        assert_eq!(jubilee.limit, Some(20_000.0));
        // 23 February 2026 is a Monday: the gift by Friday 20th, ordered by 6 February.
        let feb = &rows[0];
        assert_eq!(feb.hand_by, d(2026, 2, 20));
        assert_eq!(feb.hand_from, d(2026, 2, 16));
        assert_eq!(feb.order_by, d(2026, 2, 6));
        assert_eq!(rows[1].callers, vec![Caller::Manager], "category 3");
        assert_eq!(rows[1].limit, Some(1_500.0));
    }

    #[test]
    fn men_are_greeted_on_23_february_and_women_on_8_march() {
        let cal = Calendar::official();
        let person = |id: i64, gender: Option<Gender>| Greeted {
            person_id: id,
            category: Some(1),
            gender,
            birthday: Some(d(1990, 6, 1)),
            ..Default::default()
        };
        let people = [
            person(1, Some(Gender::Male)),
            person(2, Some(Gender::Female)),
            person(3, None),
        ];
        let rows = schedule(
            &people,
            d(2027, 2, 1),
            d(2027, 3, 31),
            &cal,
            &Regulation::default(),
            &|_| Limits::default(),
        );
        let got: Vec<(i64, Occasion)> = rows.iter().map(|g| (g.person_id, g.occasion)).collect();
        assert_eq!(
            got,
            vec![
                (1, Occasion::Defender),
                (3, Occasion::Defender),
                (2, Occasion::WomensDay),
                (3, Occasion::WomensDay),
            ]
        );
        // A century back: no birthday before the person was born.
        let long = schedule(
            &people,
            d(1900, 1, 1),
            d(1991, 12, 31),
            &cal,
            &Regulation::default(),
            &|_| Limits::default(),
        );
        assert!(long.iter().all(|g| g.age.is_none_or(|a| a > 0)));
        assert_eq!(
            long.iter().filter(|g| g.age.is_some()).count(),
            3,
            "1991 only"
        );
    }
}
