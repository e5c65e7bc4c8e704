//! «Хронология» of a client: meetings, calls, letters, correspondence, project stages, next
//! steps and appeals in one list, newest first, each kind from the hook of its feature. Typed:
//! the screen names the kinds and statuses.

use chrono::NaiveDate;

use crate::clients::Direction;
use crate::contacts::{MeetingKind, ReportStatus};
use crate::domain::Id;
use crate::letters::LetterStatus;
use crate::storage::{Db, StorageError};

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

/// A feature's events of a client.
type Hook = fn(&Db, Id) -> Result<Vec<Event>, StorageError>;

/// One hook per feature: a new feature adds its line.
const HOOKS: &[Hook] = &[contacts, letters, clients, appeals];

/// The events of a client, newest first.
pub fn timeline(db: &Db, client_id: Id) -> Result<Vec<Event>, StorageError> {
    let mut out = Vec::new();
    for hook in HOOKS {
        out.extend(hook(db, client_id)?);
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.date));
    Ok(out)
}

/// Meetings and calls reported, and the next steps promised at them.
fn contacts(db: &Db, client_id: Id) -> Result<Vec<Event>, StorageError> {
    let mut out = Vec::new();
    for m in crate::contacts::service::meeting_events(db, client_id)? {
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
    for (date, text, done, meeting) in crate::contacts::service::step_events(db, client_id)? {
        out.push(Event {
            date,
            kind: EventKind::Step,
            title: text,
            detail: Detail::Step(done),
            link: Link::Meeting(meeting),
        });
    }
    Ok(out)
}

fn letters(db: &Db, client_id: Id) -> Result<Vec<Event>, StorageError> {
    Ok(crate::letters::service::events_of_client(db, client_id)?
        .into_iter()
        .map(|l| Event {
            date: l.date,
            kind: EventKind::Letter,
            title: l.heading,
            detail: Detail::Letter(l.number, l.status),
            link: Link::Letter(l.id),
        })
        .collect())
}

/// The correspondence and the stages of the client's projects.
fn clients(db: &Db, client_id: Id) -> Result<Vec<Event>, StorageError> {
    let mut out = Vec::new();
    for (date, direction, number, subject) in crate::clients::service::record_events(db, client_id)?
    {
        out.push(Event {
            date,
            kind: EventKind::Record,
            title: subject,
            detail: Detail::Record(direction, number),
            link: Link::None,
        });
    }
    for (date, stage, project, done) in crate::clients::service::stage_events(db, client_id)? {
        out.push(Event {
            date,
            kind: EventKind::Stage,
            title: stage,
            detail: Detail::Stage(project, done),
            link: Link::None,
        });
    }
    Ok(out)
}

fn appeals(db: &Db, client_id: Id) -> Result<Vec<Event>, StorageError> {
    Ok(
        crate::appeals::service::of_client(db, client_id, usize::MAX >> 1)?
            .into_iter()
            .map(|a| Event {
                date: a.received_at.date(),
                kind: EventKind::Appeal,
                title: a.subject,
                detail: Detail::Appeal(a.number, a.kind, a.status),
                link: Link::Appeal(a.id),
            })
            .collect(),
    )
}
