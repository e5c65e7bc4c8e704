//! The regulation's settings and a year's limits as typed: strings in, a checked value or the
//! field errors out (shown beside each field; the draft stays as typed).

use super::model::{Limits, Regulation, parse_amount};
use crate::domain::{Check, FieldError, FieldErrors, fmt};

/// The key of a limit's cell: category (0–2) × kind of holiday (0–2).
pub fn limit_key(category: usize, kind: usize) -> String {
    format!("limit.{category}.{kind}")
}

/// A year's limits as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LimitsDraft {
    pub cells: [[String; 3]; 3],
}

impl LimitsDraft {
    pub fn from_value(l: &Limits) -> LimitsDraft {
        LimitsDraft {
            cells: l.matrix.map(|row| row.map(|v| fmt::number(v, 0))),
        }
    }

    /// The limits, or every cell that does not read (empty is not a limit).
    pub fn to_value(&self) -> Result<Limits, FieldErrors> {
        let mut ck = Check::default();
        let mut matrix = [[0.0; 3]; 3];
        for (i, row) in self.cells.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                match parse_amount(cell) {
                    Ok(Some(v)) => matrix[i][j] = v,
                    Ok(None) => ck.err(limit_key(i, j), FieldError::Required),
                    Err(e) => ck.err(limit_key(i, j), e),
                }
            }
        }
        ck.finish(Limits { matrix })
    }
}

/// The regulation's settings as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegulationDraft {
    /// «30, 40».
    pub jubilee_ages: String,
    pub jubilee_from: String,
    pub jubilee_every: String,
    pub general_days_before: String,
    pub new_year_days_before: String,
    pub order_working_days: String,
    pub call_before: String,
    pub director_position: String,
    pub director_name: String,
    pub card_text: String,
}

/// «30, 40» as ages; `None` when a part is not an age.
pub fn parse_ages(s: &str) -> Option<Vec<i32>> {
    s.split([',', ';', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.trim()
                .parse::<i32>()
                .ok()
                .filter(|a| (1..=120).contains(a))
        })
        .collect()
}

impl RegulationDraft {
    pub fn from_value(r: &Regulation) -> RegulationDraft {
        RegulationDraft {
            jubilee_ages: r
                .jubilee_ages
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            jubilee_from: r.jubilee_from.to_string(),
            jubilee_every: r.jubilee_every.to_string(),
            general_days_before: r.general_days_before.to_string(),
            new_year_days_before: r.new_year_days_before.to_string(),
            order_working_days: r.order_working_days.to_string(),
            call_before: r.call_before.clone(),
            director_position: r.director_position.clone(),
            director_name: r.director_name.clone(),
            card_text: r.card_text.clone(),
        }
    }

    /// The settings, or every field that does not read.
    pub fn to_value(&self) -> Result<Regulation, FieldErrors> {
        let mut ck = Check::default();
        let jubilee_ages = parse_ages(&self.jubilee_ages).unwrap_or_else(|| {
            ck.err("jubilee_ages", FieldError::Ages);
            Vec::new()
        });
        let mut whole = |key: &str, value: &str, min: u32, max: u32| {
            if value.trim().is_empty() {
                ck.err(key, FieldError::Range { min, max });
            }
            ck.bounded(key, value, min, max).unwrap_or(0)
        };
        let jubilee_from = whole("jubilee_from", &self.jubilee_from, 1, 120);
        let jubilee_every = whole("jubilee_every", &self.jubilee_every, 0, 50);
        let general_days_before = whole("general_days_before", &self.general_days_before, 0, 60);
        let new_year_days_before = whole("new_year_days_before", &self.new_year_days_before, 0, 60);
        let order_working_days = whole("order_working_days", &self.order_working_days, 0, 60);
        let call_before = match fmt::parse_time(&self.call_before) {
            Some(t) => t.format("%H:%M").to_string(),
            None => {
                ck.err("call_before", FieldError::Time);
                String::new()
            }
        };
        let card_text = ck.required("card_text", &self.card_text);
        ck.finish(Regulation {
            jubilee_ages,
            jubilee_from: jubilee_from as i32,
            jubilee_every: jubilee_every as i32,
            general_days_before,
            new_year_days_before,
            order_working_days,
            call_before,
            director_position: self.director_position.trim().to_string(),
            director_name: self.director_name.trim().to_string(),
            card_text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regulation_reads_back_and_each_bad_field_is_named() {
        let r = Regulation::default();
        let d = RegulationDraft::from_value(&r);
        assert_eq!(d.to_value(), Ok(r));
        let bad = RegulationDraft {
            jubilee_ages: "30, сорок".into(),
            order_working_days: "99".into(),
            call_before: "25:00".into(),
            card_text: "  ".into(),
            ..d
        };
        let errors = bad.to_value().expect_err("refused");
        assert_eq!(errors.get("jubilee_ages"), Some(&FieldError::Ages));
        assert_eq!(
            errors.get("order_working_days"),
            Some(&FieldError::Range { min: 0, max: 60 })
        );
        assert_eq!(errors.get("call_before"), Some(&FieldError::Time));
        assert_eq!(errors.get("card_text"), Some(&FieldError::Required));
        assert_eq!(errors.len(), 4);
    }

    #[test]
    fn limits_name_each_cell_that_does_not_read() {
        let l = Limits::default();
        assert_eq!(LimitsDraft::from_value(&l).to_value(), Ok(l.clone()));
        let mut d = LimitsDraft::from_value(&l);
        d.cells[1][2] = "много".into();
        d.cells[0][0] = "10,555".into();
        d.cells[2][1] = String::new();
        let errors = d.to_value().expect_err("refused");
        assert_eq!(errors.get("limit.1.2"), Some(&FieldError::Number));
        assert_eq!(errors.get("limit.0.0"), Some(&FieldError::Kopecks));
        assert_eq!(errors.get("limit.2.1"), Some(&FieldError::Required));
    }
}

/// A period of the schedule or of the gifts as typed: ДД.ММ.ГГГГ twice.
pub fn period(from: &str, to: &str) -> Result<(chrono::NaiveDate, chrono::NaiveDate), FieldErrors> {
    let mut ck = Check::default();
    let from = ck.required_date("from", from);
    let to = ck.required_date("to", to);
    if let (Some(a), Some(b)) = (from, to) {
        match super::model::check_period(a, b) {
            Ok(()) => {}
            Err(super::model::PeriodError::Reversed) => ck.err("to", FieldError::DateOrder),
            Err(super::model::PeriodError::TooLong) => ck.err("to", FieldError::PeriodTooLong),
        }
    }
    // Both dates are there when nothing was found wrong.
    ck.finish(from.zip(to))
        .and_then(|p| p.ok_or_else(FieldErrors::new))
}

/// A gift planned (or handed now) as typed in its form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GiftDraft {
    pub item: String,
    pub amount: String,
    /// Handed already: recorded straight into the registry with today's date.
    pub handed: bool,
    pub handed_by: String,
    pub handed_to: String,
}

impl GiftDraft {
    /// The gift of `person` for the holiday `(occasion, date)`, or the fields that do not read.
    pub fn to_gift(
        &self,
        person_id: crate::domain::Id,
        occasion: Option<super::model::Occasion>,
        date: Option<chrono::NaiveDate>,
        today: chrono::NaiveDate,
    ) -> Result<super::model::Gift, FieldErrors> {
        let mut ck = Check::default();
        let item = ck.required("item", &self.item);
        let amount = parse_amount(&self.amount).unwrap_or_else(|e| {
            ck.err("amount", e);
            None
        });
        let (handed_by, handed_to) = if self.handed {
            (
                ck.required("handed_by", &self.handed_by),
                ck.required("handed_to", &self.handed_to),
            )
        } else {
            (String::new(), String::new())
        };
        ck.finish(super::model::Gift {
            person_id,
            occasion,
            holiday_date: date,
            item,
            amount,
            handed_on: self.handed.then_some(today),
            handed_by,
            handed_to,
            ..Default::default()
        })
    }
}

/// The hand-over of a gift as typed: the day, who handed, to whom.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HandoverDraft {
    pub on: String,
    pub by: String,
    pub to: String,
}

impl HandoverDraft {
    pub fn to_value(&self) -> Result<super::service::Handover, FieldErrors> {
        let mut ck = Check::default();
        let on = ck.required_date("on", &self.on);
        let by = ck.required("by", &self.by);
        let to = ck.required("to", &self.to);
        ck.finish(super::service::Handover { on, by, to })
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn a_period_names_the_field_that_is_wrong() {
        assert!(period("01.12.2026", "31.12.2026").is_ok());
        let e = period("31.12.2026", "01.12.2026").expect_err("reversed");
        assert_eq!(e.get("to"), Some(&FieldError::DateOrder));
        let e = period("01.01.2020", "01.01.2026").expect_err("too long");
        assert_eq!(e.get("to"), Some(&FieldError::PeriodTooLong));
        let e = period("31.02.2026", "").expect_err("bad");
        assert_eq!(e.get("from"), Some(&FieldError::NoSuchDate));
        assert_eq!(e.get("to"), Some(&FieldError::Date));
    }

    #[test]
    fn a_gift_and_a_handover_name_their_fields() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
        let d = GiftDraft {
            item: " ".into(),
            amount: "12,345".into(),
            handed: true,
            ..Default::default()
        };
        let e = d.to_gift(1, None, None, today).expect_err("refused");
        assert_eq!(e.get("item"), Some(&FieldError::Required));
        assert_eq!(e.get("amount"), Some(&FieldError::Kopecks));
        assert_eq!(e.get("handed_by"), Some(&FieldError::Required));
        let h = HandoverDraft {
            on: "06.12.2026".into(),
            by: "Петрова А.С.".into(),
            to: String::new(),
        };
        assert_eq!(
            h.to_value().expect_err("to whom").get("to"),
            Some(&FieldError::Required)
        );
    }
}
