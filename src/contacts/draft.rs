//! The report form as typed: the date and the next steps as text, checked into a report.

use chrono::NaiveDate;

use super::model::{Meeting, NextStep};
use crate::domain::error::{Check, FieldError, FieldErrors};
use crate::domain::{Id, fmt};

/// A next step as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StepDraft {
    pub id: Option<Id>,
    pub text: String,
    pub responsible: String,
    pub due: String,
    pub done: Option<NaiveDate>,
}

/// A report as the form holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportDraft {
    /// The report's other fields, edited in place.
    pub meeting: Meeting,
    pub date: String,
    pub steps: Vec<StepDraft>,
}

impl ReportDraft {
    pub fn from_value(m: &Meeting) -> ReportDraft {
        ReportDraft {
            date: fmt::opt_date(m.date),
            steps: m
                .next_steps
                .iter()
                .map(|s| StepDraft {
                    id: s.id,
                    text: s.text.clone(),
                    responsible: s.responsible.clone(),
                    due: fmt::opt_date(s.due),
                    done: s.done,
                })
                .collect(),
            meeting: m.clone(),
        }
    }

    /// The report of a contact held by `today`, or the errors keyed by field: a date not after
    /// today, a time as ЧЧ:ММ (or none), the topics, every step's text and a valid due date.
    pub fn to_value(&self, today: NaiveDate) -> Result<Meeting, FieldErrors> {
        let mut ck = Check::default();
        let date = ck.required_date("date", &self.date);
        if date.is_some_and(|d| d > today) {
            ck.err("date", FieldError::FutureDate);
        }
        let time = self.meeting.time.trim();
        if !time.is_empty() && crate::domain::fmt::parse_time(time).is_none() {
            ck.err("time", FieldError::Time);
        }
        if self.meeting.topics.trim().is_empty() {
            ck.err("topics", FieldError::Required);
        }
        let next_steps = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| NextStep {
                id: s.id,
                text: ck.required(&format!("steps.{i}.text"), &s.text),
                responsible: s.responsible.trim().to_string(),
                due: ck.date(&format!("steps.{i}.due"), &s.due),
                done: s.done,
            })
            .collect();
        ck.finish(Meeting {
            date,
            time: time.to_string(),
            next_steps,
            ..self.meeting.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_needs_a_date_topics_and_steps_with_text() {
        let mut r = ReportDraft {
            date: "32.11.2026".into(),
            steps: vec![StepDraft {
                due: "завтра".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        r.meeting.time = "99:99".into();
        let e = r.to_value(today).expect_err("refused");
        assert_eq!(e["date"], FieldError::Date);
        assert_eq!(e["time"], FieldError::Time);
        assert_eq!(e["topics"], FieldError::Required);
        assert_eq!(e["steps.0.text"], FieldError::Required);
        assert_eq!(e["steps.0.due"], FieldError::Date);
        r.date = "31.12.2099".into();
        assert_eq!(
            r.to_value(today).expect_err("future")["date"],
            FieldError::FutureDate
        );
        r.date = "25.11.2026".into();
        r.meeting.time = " 9:30 ".into();
        r.meeting.topics = "Итоги".into();
        r.steps[0] = StepDraft {
            text: "Расчёт".into(),
            due: "01.12.2026".into(),
            ..Default::default()
        };
        let m = r.to_value(today).expect("valid");
        assert_eq!(m.time, "9:30");
        assert_eq!(m.next_steps[0].due, NaiveDate::from_ymd_opt(2026, 12, 1));
    }
}
