//! «Хронология» of a client: meetings, calls, letters, correspondence, project stages and next
//! steps in one list, newest first. Typed: the screen names the kinds and statuses.

use chrono::NaiveDate;

use super::model::{MeetingKind, ReportStatus};
use super::store;
use crate::clients::{Direction, store as clients_store};
use crate::domain::Id;
use crate::letters::{LetterStatus, store as letters_store};
use crate::storage::{Conn, Result};

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
    Appeal,
}

/// What a timeline row opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Meeting(Id),
    Letter(Id),
    Appeal(Id),
    None,
}

/// The second line of an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    Report(MeetingKind, ReportStatus),
    /// The number (empty for a draft) and the status.
    Letter(String, LetterStatus),
    Record(Direction, String),
    /// The project and whether the stage is done.
    Stage(String, bool),
    /// Whether the step is done.
    Step(bool),
    /// The number (empty when not registered), the kind and the status.
    Appeal(
        String,
        crate::appeals::AppealKind,
        crate::appeals::AppealStatus,
    ),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub title: String,
    pub detail: Detail,
    pub link: Link,
}

/// The events of a client, newest first.
pub fn timeline(conn: &Conn, client_id: Id) -> Result<Vec<Event>> {
    let mut out = Vec::new();
    for m in store::client_meetings(conn, client_id)? {
        out.push(Event {
            date: m.date,
            kind: match m.kind {
                MeetingKind::Call => EventKind::Call,
                k if k.is_personal() => EventKind::Meeting,
                _ => EventKind::OtherContact,
            },
            title: m.topics,
            detail: Detail::Report(m.kind, m.status),
            link: Link::Meeting(m.id),
        });
    }
    for l in letters_store::client_letters(conn, client_id)? {
        out.push(Event {
            date: l.date,
            kind: EventKind::Letter,
            title: l.heading,
            detail: Detail::Letter(l.number, l.status),
            link: Link::Letter(l.id),
        });
    }
    for (date, direction, number, subject) in clients_store::record_events(conn, client_id)? {
        out.push(Event {
            date,
            kind: EventKind::Record,
            title: subject,
            detail: Detail::Record(direction, number),
            link: Link::None,
        });
    }
    for (date, stage, project, done) in clients_store::stage_events(conn, client_id)? {
        out.push(Event {
            date,
            kind: EventKind::Stage,
            title: stage,
            detail: Detail::Stage(project, done),
            link: Link::None,
        });
    }
    for (date, text, done, meeting) in store::client_steps(conn, client_id)? {
        out.push(Event {
            date,
            kind: EventKind::Step,
            title: text,
            detail: Detail::Step(done),
            link: Link::Meeting(meeting),
        });
    }
    for a in crate::appeals::store::of_client(conn, client_id, usize::MAX >> 1)? {
        out.push(Event {
            date: a.received_at.date(),
            kind: EventKind::Appeal,
            title: a.subject,
            detail: Detail::Appeal(a.number, a.kind, a.status),
            link: Link::Appeal(a.id),
        });
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.date));
    Ok(out)
}
