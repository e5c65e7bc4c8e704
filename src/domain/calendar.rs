//! The Russian production calendar (DOMAIN.md §3) and the arithmetic of terms on it.
//!
//! The base is the official calendar shipped by the `holidays-ru` crate (decreed years as facts,
//! later years as a prediction from the Labour Code); over it lie the overrides an administrator
//! keeps in the database for decrees that came later, each with its decree. Pure: no SQL, no UI.
//!
//! Terms follow the Civil Code (art. 191, 193): a term in days starts the day after the event;
//! a last day that is not a working day moves to the next working day.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

/// What a day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DayKind {
    /// An ordinary working day.
    #[default]
    Working,
    /// A working day one hour shorter (the day before a holiday).
    Short,
    /// A day off: a weekend, or a day off moved by a transfer.
    DayOff,
    /// A public holiday (Labour Code art. 112).
    Holiday,
}

crate::codes!(DayKind, "calendar day kind", Working => "working", Short => "short", DayOff => "day_off", Holiday => "holiday");

impl DayKind {
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Working | DayKind::Short)
    }
}

/// Where a day's kind comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The official calendar of a decreed year.
    Official,
    /// The Labour Code's rules, for a year without a decree yet.
    Predicted,
    /// An administrator's correction, with its decree (may be empty).
    Override { decree: String },
}

/// A day as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub source: Source,
}

/// An administrator's correction of one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The decree it follows, e.g. «Постановление Правительства РФ от 17.09.2026 № 1187».
    pub decree: String,
}

/// A year confirmed by a decree that the shipped data does not know yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecreedYear {
    pub year: i32,
    pub decree: String,
}

/// Whether a year's calendar can be trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearStatus {
    /// Shipped as the official calendar.
    Official,
    /// Confirmed in vipdesk by a decree (the days corrected by overrides).
    Decreed { decree: String },
    /// A prediction from the Labour Code: check it when the decree comes out.
    Predicted,
}

/// A term counted from an event: `days` calendar days, or working days when `working`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Term {
    pub days: u32,
    #[serde(default)]
    pub working: bool,
}

impl Term {
    pub const fn calendar(days: u32) -> Term {
        Term {
            days,
            working: false,
        }
    }
    pub const fn working(days: u32) -> Term {
        Term {
            days,
            working: true,
        }
    }
}

/// The longest term or step the arithmetic takes, in days: ten years. Longer ones are cut here
/// rather than looping for ever on a bad input.
pub const MAX_TERM_DAYS: u32 = 3660;

/// The production calendar: the official base and the overrides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    overrides: BTreeMap<NaiveDate, Override>,
    decreed: BTreeMap<i32, String>,
}

impl Calendar {
    /// The shipped calendar, without corrections.
    pub fn official() -> Calendar {
        Calendar::default()
    }

    pub fn new(
        overrides: impl IntoIterator<Item = Override>,
        decreed: impl IntoIterator<Item = DecreedYear>,
    ) -> Calendar {
        Calendar {
            overrides: overrides.into_iter().map(|o| (o.date, o)).collect(),
            decreed: decreed.into_iter().map(|y| (y.year, y.decree)).collect(),
        }
    }

    /// The days corrected in `year`, in date order.
    pub fn overrides_of(&self, year: i32) -> impl Iterator<Item = &Override> {
        self.overrides
            .values()
            .filter(move |o| o.date.year() == year)
    }

    /// The day as the shipped calendar has it (no overrides).
    pub fn base(date: NaiveDate) -> Day {
        let (kind, fact) = base_kind(date);
        Day {
            date,
            kind,
            source: if fact {
                Source::Official
            } else {
                Source::Predicted
            },
        }
    }

    pub fn day(&self, date: NaiveDate) -> Day {
        match self.overrides.get(&date) {
            Some(o) => Day {
                date,
                kind: o.kind,
                source: Source::Override {
                    decree: o.decree.clone(),
                },
            },
            None => Calendar::base(date),
        }
    }

    pub fn kind(&self, date: NaiveDate) -> DayKind {
        match self.overrides.get(&date) {
            Some(o) => o.kind,
            None => base_kind(date).0,
        }
    }

    pub fn is_working(&self, date: NaiveDate) -> bool {
        self.kind(date).is_working()
    }

    /// Whether `year` is before the first year the program keeps an official calendar of
    /// (predicted then from today's Labour Code, with none of that year's transfers).
    pub fn before_records(&self, year: i32) -> bool {
        year < holidays_ru::FIRST_FACT_YEAR && !self.decreed.contains_key(&year)
    }

    pub fn year_status(&self, year: i32) -> YearStatus {
        if (holidays_ru::FIRST_FACT_YEAR..=holidays_ru::LAST_FACT_YEAR).contains(&year) {
            YearStatus::Official
        } else if let Some(decree) = self.decreed.get(&year) {
            YearStatus::Decreed {
                decree: decree.clone(),
            }
        } else {
            YearStatus::Predicted
        }
    }

    /// `date` itself when it is a working day, else the first working day after it.
    pub fn working_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        for _ in 0..MAX_TERM_DAYS {
            if self.is_working(d) {
                return d;
            }
            d = next(d);
        }
        date
    }

    /// `date` itself when it is a working day, else the last working day before it.
    pub fn working_on_or_before(&self, date: NaiveDate) -> NaiveDate {
        if self.is_working(date) {
            date
        } else {
            self.previous_working(date)
        }
    }

    /// The first working day after `date`.
    pub fn next_working(&self, date: NaiveDate) -> NaiveDate {
        self.working_on_or_after(next(date))
    }

    /// The last working day before `date`.
    pub fn previous_working(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        for _ in 0..MAX_TERM_DAYS {
            d = d.pred_opt().unwrap_or(d);
            if self.is_working(d) {
                return d;
            }
        }
        date
    }

    /// The day `n` working days after `date` (`date` itself is not counted; 0 gives `date`).
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut d = date;
        for _ in 0..n.min(MAX_TERM_DAYS) {
            d = self.next_working(d);
        }
        d
    }

    /// The day `n` working days before `date` (`date` itself is not counted).
    pub fn sub_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut d = date;
        for _ in 0..n.min(MAX_TERM_DAYS) {
            d = self.previous_working(d);
        }
        d
    }

    /// The last day of a term counted from an event on `event` (Civil Code art. 191, 193): the
    /// term starts the next day; a term in calendar days whose last day is not a working day
    /// ends on the next working day.
    pub fn deadline(&self, event: NaiveDate, term: Term) -> NaiveDate {
        let days = term.days.min(MAX_TERM_DAYS);
        if term.working {
            self.add_working_days(event, days)
        } else {
            let last = event
                .checked_add_days(Days::new(u64::from(days)))
                .unwrap_or(event);
            self.working_on_or_after(last)
        }
    }

    /// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
    /// «Days left» of a term: 0 on the deadline itself.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut n = 0i64;
        let mut d = a;
        for _ in 0..MAX_TERM_DAYS {
            if d >= b {
                break;
            }
            d = next(d);
            if self.is_working(d) {
                n += 1;
            }
        }
        sign * n
    }

    /// Every day of a year, for the month grid.
    pub fn year(&self, year: i32) -> Vec<Day> {
        let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|d| d.year() == year)
            .map(|d| self.day(d))
            .collect()
    }

    /// The counts of a year: (working days, of them shortened, days off and holidays).
    pub fn year_counts(&self, year: i32) -> (usize, usize, usize) {
        let days = self.year(year);
        let working = days.iter().filter(|d| d.kind.is_working()).count();
        let short = days.iter().filter(|d| d.kind == DayKind::Short).count();
        (working, short, days.len() - working)
    }
}

fn next(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// The shipped kind of a day and whether it is a fact (a decreed year). Outside the crate's
/// years (1900–2100) Saturdays and Sundays are days off, as a prediction.
fn base_kind(date: NaiveDate) -> (DayKind, bool) {
    let (y, m, d) = (date.year(), date.month() as u8, date.day() as u8);
    match holidays_ru::flags_ymd::<holidays_ru::Federal>(y, m, d) {
        Some(resolved) => {
            let fact = resolved.is_fact();
            let f = resolved.value();
            let weekday = !matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
            // The January holidays that fall on a weekend are moved by a decree, never by the
            // Labour Code (art. 112): a prediction keeps the weekdays after them working.
            let moved_january = !fact && m == 1 && d > 8 && weekday && !f.is_holiday();
            let kind = if moved_january {
                DayKind::Working
            } else if f.is_holiday() {
                DayKind::Holiday
            } else if f.is_day_off() {
                DayKind::DayOff
            } else if f.is_short_day() {
                DayKind::Short
            } else {
                DayKind::Working
            };
            (kind, fact)
        }
        None => {
            let weekend = matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
            (
                if weekend {
                    DayKind::DayOff
                } else {
                    DayKind::Working
                },
                false,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    /// The non-working days of a year beyond ordinary weekends, from DOMAIN.md §3, as ranges.
    /// (month, day) of the first and the last day of a run of days off.
    type Run = ((u32, u32), (u32, u32));

    fn extra_days_off(ranges: &[Run], y: i32) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        for &((m1, d1), (m2, d2)) in ranges {
            let mut x = d(y, m1, d1);
            while x <= d(y, m2, d2) {
                out.push(x);
                x = next(x);
            }
        }
        out
    }

    fn weekend(x: NaiveDate) -> bool {
        matches!(x.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun)
    }

    /// Every day of `y`: non-working exactly when it is a weekend or one of `off`, except the
    /// working Saturdays `on`.
    fn year_matches(y: i32, off: &[NaiveDate], on: &[NaiveDate]) {
        let cal = Calendar::official();
        for day in cal.year(y) {
            let expected_off =
                (weekend(day.date) || off.contains(&day.date)) && !on.contains(&day.date);
            assert_eq!(
                !day.kind.is_working(),
                expected_off,
                "{} is {:?}",
                day.date,
                day.kind
            );
            assert_eq!(day.source, Source::Official, "{}", day.date);
        }
    }

    #[test]
    fn every_non_working_day_of_2025() {
        let off = extra_days_off(
            &[
                ((1, 1), (1, 8)),
                ((2, 22), (2, 23)),
                ((3, 8), (3, 9)),
                ((5, 1), (5, 4)),
                ((5, 8), (5, 11)),
                ((6, 12), (6, 15)),
                ((11, 2), (11, 4)),
                ((12, 31), (12, 31)),
            ],
            2025,
        );
        year_matches(2025, &off, &[d(2025, 11, 1)]);
        assert!(
            Calendar::official().is_working(d(2025, 11, 1)),
            "Saturday 1 Nov 2025 worked"
        );
    }

    #[test]
    fn every_non_working_day_of_2026_and_its_short_days() {
        let off = extra_days_off(
            &[
                ((1, 1), (1, 11)),
                ((2, 21), (2, 23)),
                ((3, 7), (3, 9)),
                ((5, 1), (5, 3)),
                ((5, 9), (5, 11)),
                ((6, 12), (6, 14)),
                ((11, 4), (11, 4)),
                ((12, 31), (12, 31)),
            ],
            2026,
        );
        year_matches(2026, &off, &[]);
        let cal = Calendar::official();
        let short: Vec<NaiveDate> = cal
            .year(2026)
            .into_iter()
            .filter(|x| x.kind == DayKind::Short)
            .map(|x| x.date)
            .collect();
        assert_eq!(
            short,
            vec![
                d(2026, 4, 30),
                d(2026, 5, 8),
                d(2026, 6, 11),
                d(2026, 11, 3)
            ]
        );
        assert_eq!(cal.kind(d(2026, 1, 7)), DayKind::Holiday);
        assert_eq!(cal.year_status(2026), YearStatus::Official);
    }

    #[test]
    fn a_prediction_moves_no_january_holiday() {
        // 1–2 January 2028 fall on a weekend: only a decree moves them.
        let (kind, fact) = base_kind(d(2028, 1, 10));
        assert!(!fact);
        assert_eq!(kind, DayKind::Working);
        assert_eq!(base_kind(d(2028, 1, 11)).0, DayKind::Working);
        assert_eq!(base_kind(d(2028, 1, 7)).0, DayKind::Holiday);
        assert_eq!(base_kind(d(2028, 1, 8)).0, DayKind::Holiday);
    }

    #[test]
    fn year_2027_has_its_working_saturday_and_2029_is_a_prediction() {
        let cal = Calendar::official();
        assert_eq!(cal.kind(d(2027, 2, 20)), DayKind::Short);
        assert_eq!(cal.year_counts(2027).2, 118);
        assert_eq!(cal.year_status(2029), YearStatus::Predicted);
        assert_eq!(Calendar::base(d(2029, 3, 8)).source, Source::Predicted);
        assert!(!cal.is_working(d(2029, 3, 8)));
    }

    #[test]
    fn working_days_across_the_new_year_holidays() {
        let cal = Calendar::official();
        // 30 Dec 2025 (Tue): 31 Dec and 1–11 Jan are off.
        assert_eq!(cal.add_working_days(d(2025, 12, 30), 1), d(2026, 1, 12));
        assert_eq!(cal.add_working_days(d(2025, 12, 29), 2), d(2026, 1, 12));
        assert_eq!(cal.add_working_days(d(2025, 12, 29), 3), d(2026, 1, 13));
        // From a holiday: the first working day counts as one.
        assert_eq!(cal.add_working_days(d(2026, 1, 3), 1), d(2026, 1, 12));
        assert_eq!(cal.add_working_days(d(2026, 1, 3), 0), d(2026, 1, 3));
        assert_eq!(cal.sub_working_days(d(2026, 1, 12), 1), d(2025, 12, 30));
    }

    #[test]
    fn working_days_across_8_to_11_may_2026() {
        let cal = Calendar::official();
        // 8 May (Fri) is a short working day; 9–11 May are off.
        assert_eq!(cal.add_working_days(d(2026, 5, 7), 1), d(2026, 5, 8));
        assert_eq!(cal.add_working_days(d(2026, 5, 7), 2), d(2026, 5, 12));
        assert_eq!(cal.add_working_days(d(2026, 5, 8), 1), d(2026, 5, 12));
        assert_eq!(cal.working_days_between(d(2026, 5, 7), d(2026, 5, 12)), 2);
        assert_eq!(cal.working_days_between(d(2026, 5, 12), d(2026, 5, 7)), -2);
        assert_eq!(cal.next_working(d(2026, 5, 8)), d(2026, 5, 12));
    }

    #[test]
    fn a_calendar_day_term_ending_on_a_holiday_moves_to_the_next_working_day() {
        let cal = Calendar::official();
        // 5 Oct 2026 + 30 days = 4 Nov 2026 (Wed, National Unity Day) → 5 Nov.
        assert_eq!(
            cal.deadline(d(2026, 10, 5), Term::calendar(30)),
            d(2026, 11, 5)
        );
        // 2 Dec 2025 + 30 days = 1 Jan 2026 → 12 Jan 2026.
        assert_eq!(
            cal.deadline(d(2025, 12, 2), Term::calendar(30)),
            d(2026, 1, 12)
        );
        // Ending on a working day: stays.
        assert_eq!(
            cal.deadline(d(2026, 11, 2), Term::calendar(30)),
            d(2026, 12, 2)
        );
        // Ending on a Saturday: Monday.
        assert_eq!(
            cal.deadline(d(2026, 11, 1), Term::calendar(3)),
            d(2026, 11, 5)
        );
        // In working days.
        assert_eq!(
            cal.deadline(d(2026, 5, 7), Term::working(2)),
            d(2026, 5, 12)
        );
        // Absurd terms are bounded, not endless.
        let far = cal.deadline(d(2026, 1, 1), Term::working(u32::MAX));
        assert!(far.year() < 2045, "{far}");
    }

    #[test]
    fn overrides_change_days_and_say_by_which_decree() {
        let o = Override {
            date: d(2029, 12, 31),
            kind: DayKind::DayOff,
            decree: "Постановление № 1".into(),
        };
        let cal = Calendar::new(
            [o],
            [DecreedYear {
                year: 2029,
                decree: "Постановление № 1".into(),
            }],
        );
        assert!(Calendar::official().is_working(d(2029, 12, 31)));
        assert!(!cal.is_working(d(2029, 12, 31)));
        assert_eq!(
            cal.day(d(2029, 12, 31)).source,
            Source::Override {
                decree: "Постановление № 1".into()
            }
        );
        assert!(cal.next_working(d(2029, 12, 28)) > d(2029, 12, 31));
        assert!(matches!(cal.year_status(2029), YearStatus::Decreed { .. }));
        assert_eq!(cal.overrides_of(2029).count(), 1);
        assert_eq!(cal.overrides_of(2028).count(), 0);
    }

    #[test]
    fn years_outside_the_data_fall_back_to_weekends() {
        let cal = Calendar::official();
        assert!(!cal.is_working(d(2200, 1, 4))); // a Saturday
        assert!(cal.is_working(d(2200, 1, 6)));
        assert_eq!(cal.year(2200).len(), 365);
    }
}
