//! «Хронология» of a client: meetings, calls, letters, correspondence, project stages and next
//! steps in one list, newest first.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::contacts::{MeetingKind, ReportStatus};
use crate::domain::letter::LetterStatus;
use crate::domain::model::{Direction, Id};
use crate::i18n as t;
use crate::storage::{Result, date_from_sql};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Call,
    /// A personal meeting (counts for the rhythm).
    Meeting,
    /// Another contact, reported but not a meeting of the rhythm.
    OtherContact,
    Letter,
    Record,
    Stage,
    Step,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Call => t::EV_CALL,
            EventKind::Meeting => t::EV_MEETING,
            EventKind::OtherContact => t::EV_OTHER,
            EventKind::Letter => t::EV_LETTER,
            EventKind::Record => t::EV_RECORD,
            EventKind::Stage => t::EV_STAGE,
            EventKind::Step => t::EV_STEP,
        }
    }
}

/// What a timeline row opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Meeting(Id),
    Letter(Id),
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub title: String,
    pub detail: String,
    pub link: Link,
}

/// The events of a client, newest first.
pub fn timeline(conn: &Connection, client_id: Id) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    let mut st = conn.prepare_cached(
        "SELECT id, kind, date, topics, status FROM meetings WHERE client_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        let Some(date) = date_from_sql(r.get(2)?) else {
            continue;
        };
        let kind = MeetingKind::from_code(&r.get::<_, String>(1)?).unwrap_or_default();
        let status = ReportStatus::from_code(&r.get::<_, String>(4)?).unwrap_or_default();
        out.push(Event {
            date,
            kind: match kind {
                MeetingKind::Call => EventKind::Call,
                k if k.is_personal() => EventKind::Meeting,
                _ => EventKind::OtherContact,
            },
            title: r.get(3)?,
            detail: format!("{} · {}", kind.label(), status.label()),
            link: Link::Meeting(r.get(0)?),
        });
    }
    let mut st = conn.prepare_cached(
        "SELECT id, number, coalesce(reg_date, substr(created_at, 1, 10)), heading, status FROM letters \
         WHERE client_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        let Some(date) = date_from_sql(r.get(2)?) else {
            continue;
        };
        let number: String = r.get(1)?;
        let status = LetterStatus::from_code(&r.get::<_, String>(4)?).unwrap_or_default();
        out.push(Event {
            date,
            kind: EventKind::Letter,
            title: r.get(3)?,
            detail: if number.is_empty() {
                status.label().to_string()
            } else {
                format!("№ {number} · {}", status.label())
            },
            link: Link::Letter(r.get(0)?),
        });
    }
    // Correspondence not already shown as a letter or a report.
    let mut st = conn.prepare_cached(
        "SELECT date, direction, number, coalesce(nullif(subject, ''), file_name) FROM records r \
         WHERE client_id = ?1 AND deleted_at IS NULL AND date IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.record_id = r.id) \
           AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.record_id = r.id)",
    )?;
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        let Some(date) = date_from_sql(r.get(0)?) else {
            continue;
        };
        let direction = Direction::from_code(&r.get::<_, String>(1)?).unwrap_or_default();
        let number: String = r.get(2)?;
        out.push(Event {
            date,
            kind: EventKind::Record,
            title: r.get(3)?,
            detail: if number.is_empty() {
                direction.label().to_string()
            } else {
                format!("{} № {number}", direction.label())
            },
            link: Link::None,
        });
    }
    let mut st = conn.prepare_cached(
        "SELECT coalesce(s.actual_date, s.planned_date), s.title, p.title, s.actual_date IS NOT NULL FROM project_stages s \
         JOIN projects p ON p.id = s.project_id \
         WHERE p.client_id = ?1 AND s.deleted_at IS NULL AND p.deleted_at IS NULL",
    )?;
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        let Some(date) = date_from_sql(r.get(0)?) else {
            continue;
        };
        let done: bool = r.get(3)?;
        out.push(Event {
            date,
            kind: EventKind::Stage,
            title: r.get(1)?,
            detail: format!(
                "{} · {}",
                r.get::<_, String>(2)?,
                if done {
                    t::STAGE_DONE
                } else {
                    t::STAGE_PLANNED
                }
            ),
            link: Link::None,
        });
    }
    let mut st = conn.prepare_cached(
        "SELECT coalesce(s.done_date, s.due_date), s.text, s.done_date IS NOT NULL, m.id FROM next_steps s \
         JOIN meetings m ON m.id = s.meeting_id \
         WHERE m.client_id = ?1 AND s.deleted_at IS NULL AND m.deleted_at IS NULL",
    )?;
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        let Some(date) = date_from_sql(r.get(0)?) else {
            continue;
        };
        let done: bool = r.get(2)?;
        out.push(Event {
            date,
            kind: EventKind::Step,
            title: r.get(1)?,
            detail: if done {
                t::STEP_DONE_LABEL.to_string()
            } else {
                t::STEP_OPEN_LABEL.to_string()
            },
            link: Link::Meeting(r.get(3)?),
        });
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.date));
    Ok(out)
}
