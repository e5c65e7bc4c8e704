//! The demo's contacts: months of calls and meetings, reported, submitted and accepted.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use crate::clients::demo::Gen;
use crate::clients::*;
use crate::contacts::{self, Meeting, MeetingKind, NextStep, ReportStatus};
use crate::domain::{Actor, FixedClock, Id, Role};
use crate::storage::Db;
use crate::words::demo as text;

pub fn contacts_with(
    db: &mut Db,
    clock: &FixedClock,
    head: Actor,
    months: u32,
    seed: u64,
    today: NaiveDate,
) -> std::result::Result<usize, contacts::ContactsError> {
    let mut g = Gen::new(seed ^ 0xC0FFEE);
    let rows = service::list(db)?;
    // Calls and meetings are held, reports submitted and accepted, on working days.
    let cal = crate::calendar::service::calendar(db)?;
    let start = today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today);
    // The plan first (the same for a seed whatever the batching), then month by month: each
    // manager writes the month's reports and submits the older ones; the head accepts them.
    let mut plan: BTreeMap<u32, BTreeMap<Option<Id>, Vec<Meeting>>> = BTreeMap::new();
    for row in &rows {
        for m in 0..months {
            let Some(month) = start.checked_add_months(Months::new(m)) else {
                continue;
            };
            let mut kinds = Vec::new();
            if g.rng.u8(0..7) > 0 {
                kinds.push(MeetingKind::Call);
            }
            if m % 3 == 1 && g.rng.u8(0..5) > 0 {
                kinds.push(*g.pick(&[
                    MeetingKind::Meeting,
                    MeetingKind::Meeting,
                    MeetingKind::Visit,
                    MeetingKind::Top,
                ]));
            }
            for kind in kinds {
                let date =
                    cal.working_on_or_after(month + chrono::Duration::days(g.rng.i64(0..28)));
                if date > today {
                    continue;
                }
                let report = demo_report(&mut g, row, kind, date, today);
                plan.entry(m)
                    .or_default()
                    .entry(row.manager_id)
                    .or_default()
                    .push(report);
            }
        }
    }
    let mut n = 0;
    for by_manager in plan.values() {
        let mut to_accept = Vec::new();
        for (manager, reports) in by_manager {
            let last = reports.iter().filter_map(|r| r.date).max().unwrap_or(today);
            clock.set_date(last.min(today));
            let actor = Actor {
                id: *manager,
                role: Some(Role::Manager),
            };
            db.write(&actor, |w| {
                for m in reports {
                    let date = m.date.unwrap_or(today);
                    let age = (today - date).num_days();
                    let Some(id) = contacts::store::save_meeting(w, m)? else {
                        continue;
                    };
                    if age > 7 {
                        let day = cal.next_working(date);
                        contacts::service::transition(w, id, ReportStatus::Submitted, day, "")?;
                    }
                    if age > 30 {
                        to_accept.push((id, cal.add_working_days(date, 3)));
                    }
                    n += 1;
                }
                Ok::<_, contacts::ContactsError>(())
            })?;
        }
        if let Some(last) = to_accept.iter().map(|(_, d)| *d).max() {
            clock.set_date(last.min(today));
            db.write(&head, |w| {
                for (id, day) in &to_accept {
                    contacts::service::transition(
                        w,
                        *id,
                        ReportStatus::Accepted,
                        *day,
                        text::DEMO_SUPERVISOR_COMMENT,
                    )?;
                }
                Ok::<_, contacts::ContactsError>(())
            })?;
        }
    }
    Ok(n)
}

/// One report of the demo: topics, problems and agreements from the stock phrases; meetings
/// leave a next step, done when the meeting is old.
fn demo_report(
    g: &mut Gen,
    row: &ClientRow,
    kind: MeetingKind,
    date: NaiveDate,
    today: NaiveDate,
) -> Meeting {
    let age = (today - date).num_days();
    let (topics, problems, agreements) =
        text::DEMO_REPORTS[g.rng.usize(..text::DEMO_REPORTS.len())];
    let next_steps = if kind.is_personal() {
        vec![NextStep {
            text: text::DEMO_STEPS[g.rng.usize(..text::DEMO_STEPS.len())].into(),
            responsible: text::DEMO_RESPONSIBLE.into(),
            due: Some(date + chrono::Duration::days(g.rng.i64(7..45))),
            done: (age > 60).then(|| date + chrono::Duration::days(g.rng.i64(5..40))),
            ..Default::default()
        }]
    } else {
        Vec::new()
    };
    Meeting {
        client_id: row.id,
        manager_id: row.manager_id,
        kind,
        date: Some(date),
        time: format!(
            "{:02}:{:02}",
            g.rng.u8(9..17),
            [0, 15, 30, 45][g.rng.usize(..4)]
        ),
        place: if kind == MeetingKind::Call {
            text::DEMO_PLACE_PHONE.into()
        } else {
            text::DEMO_PLACE_OFFICE.into()
        },
        topics: topics.into(),
        problems: problems.into(),
        agreements: agreements.into(),
        next_steps,
        ..Default::default()
    }
}
