//! The demo's appeals: a year of them in every kind, channel and status.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::clients::demo::Gen;
use crate::clients::*;
use crate::domain::{Actor, Clock as _, FixedClock, Id, Role};
use crate::letters;
use crate::storage::{Db, StorageError};
use crate::words::demo as text;

/// `n` appeals over the last twelve months, in every kind, channel and status: older ones
/// answered (by a registered letter, a call or an e-mail) and mostly closed, a few left overdue,
/// some forwarded to a specialist, some extended with their notice, recent ones still in work,
/// the last days' e-mails received and not registered yet.
pub fn demo_appeals(
    db: &mut Db,
    clock: &FixedClock,
    g: &mut Gen,
    n: usize,
    today: NaiveDate,
    agenda: &mut letters::demo::Agenda,
    closes: &mut Vec<(NaiveDate, Id, Actor)>,
) -> std::result::Result<usize, crate::appeals::AppealError> {
    use crate::appeals::{Answer, AppealKind, Channel, service as appeals};
    use crate::domain::Code as _;
    let rows: Vec<_> = service::list(db)?
        .into_iter()
        .filter(|r| r.people_count > 0)
        .collect();
    if rows.is_empty() {
        return Ok(0);
    }
    let topics = appeals::topics(db)?;
    let cal = appeals::calendar(db)?;
    let mut people: BTreeMap<Id, Vec<Id>> = BTreeMap::new();
    let mut made = 0;
    for i in 0..n {
        let row = &rows[g.rng.usize(..rows.len())];
        if let std::collections::btree_map::Entry::Vacant(e) = people.entry(row.id) {
            let d = service::open(db, row.id)?;
            e.insert(d.people.iter().filter_map(|p| p.id).collect());
        }
        let person = people.get(&row.id).and_then(|p| p.first().copied());
        // Spread over the year, the newest last: numbers follow dates.
        let age = (n - 1 - i) as i64 * 365 / n as i64;
        let received_on = cal.working_on_or_after(today - chrono::Duration::days(age));
        if received_on > today {
            continue;
        }
        let (kind_code, subject, body, findings, topic) = *g.pick(&text::DEMO_APPEALS);
        let kind = AppealKind::parse_code(kind_code).unwrap_or_default();
        // Most come by phone and e-mail, fewer by post, in person and through the website.
        const CHANNELS: [Channel; 20] = {
            use Channel::*;
            [
                Phone, Email, Phone, Post, Email, Phone, InPerson, Email, Phone, Web, Phone, Email,
                Post, Phone, Email, InPerson, Phone, Email, Web, Post,
            ]
        };
        let channel = CHANNELS[(i * 7 + i / 20) % CHANNELS.len()];
        let reply_channel = if i % 9 == 4 { Channel::Post } else { channel };
        let actor = Actor {
            id: row.manager_id,
            role: Some(Role::Manager),
        };
        let received_at = received_on.and_hms_opt(9 + g.rng.u32(0..8), g.rng.u32(0..60), 0);
        let a = crate::appeals::Appeal {
            kind,
            subject: subject.into(),
            body: body.into(),
            person_id: person,
            reply_channel,
            topic_id: topics
                .iter()
                .find(|t| t.name == topic)
                .or(topics.first())
                .map(|t| t.id),
            ..appeals::new_appeal(
                row.id,
                channel,
                received_at.unwrap_or_default(),
                row.manager_id,
            )
        };
        clock.set(received_at.unwrap_or_default());
        // The last week's e-mails and website forms wait for registration.
        let register = !(age <= 7 && matches!(channel, Channel::Email | Channel::Web));
        let id = appeals::create(db, &actor, &a, register, &[])?;
        made += 1;
        if !register {
            continue;
        }
        let got = appeals::open(db, id)?;
        let due = got.due_date.unwrap_or(today);
        // Work is done on working days: the last one on or before today at the latest.
        let step = |days: i64| {
            let d = cal.add_working_days(received_on, days as u32);
            clock.set_date(d.min(cal.working_on_or_before(today)));
            d <= today
        };
        // The last month's appeals are at every stage of their work.
        if age < 30 && i % 5 != 4 {
            step(1);
            match i % 5 {
                0 => {}
                1 => appeals::take(db, &actor, id)?,
                2 => {
                    let (dept, who) = *g.pick(&text::DEMO_DEPARTMENTS);
                    appeals::forward(db, &actor, id, dept, who)?;
                }
                _ if kind == AppealKind::Feedback => appeals::take(db, &actor, id)?,
                _ => match reply_channel {
                    Channel::Post | Channel::InPerson => {
                        appeals::reply_letter(db, &actor, id, "", "")?;
                    }
                    _ => appeals::prepare_answer(db, &actor, id, findings)?,
                },
            }
            continue;
        }
        // Forwarded beyond competence: one in five.
        // Extended with a notice: one in eleven.
        // The notice of the extension goes to the client: registered the day it is made.
        // (A thank-you is not extended: there is nothing to check.)
        if i % 11 == 3 && kind != AppealKind::Feedback && step(8) {
            let (_, notice) = appeals::extend(db, &actor, id, 20, text::DEMO_EXTENSION_REASON)?;
            agenda.plan(clock.today(), notice, actor, letters::demo::Step::Register);
        }
        // A few are left overdue (one in thirteen); the recent ones are still in work.
        // One in seventeen is answered late: a few working days after its deadline.
        let answer_after = if i % 17 == 6 {
            cal.working_days_between(received_on, due) + 2
        } else {
            3 + g.rng.i64(0..12)
        };
        let late = cal.add_working_days(received_on, answer_after as u32) > due;
        if i % 13 == 5 || !step(answer_after) || (late && i % 17 != 6) {
            continue;
        }
        if kind == AppealKind::Feedback {
            appeals::close(db, &actor, id, text::DEMO_CLOSE_NOTE)?;
            continue;
        }
        match reply_channel {
            Channel::Post | Channel::InPerson => {
                // The manager types the answer on the card; the letter says it.
                let letter = appeals::reply_letter(db, &actor, id, findings, "")?;
                agenda.plan(clock.today(), letter, actor, letters::demo::Step::Register);
            }
            via => {
                let answer = Answer {
                    via,
                    text: findings.into(),
                    ..Default::default()
                };
                appeals::send_answer(db, &actor, id, &answer)?;
            }
        }
        // Closed once answered: after the letters are registered, in date order.
        if step(answer_after + 2) && i % 4 != 0 {
            closes.push((clock.today(), id, actor));
        }
    }
    clock.set_date(today);
    Ok(made)
}

/// `count` appeals of the clients in the database, one a few minutes apart from `first` on
/// (for the benches: 200,000 over four years): 35 % complaints and 15 % suggestions; those
/// older than 60 days before `today` (and one in three of the rest) answered. Written straight
/// through the store in one quiet write: minutes instead of hours.
pub fn many_appeals(
    db: &mut Db,
    count: usize,
    first: NaiveDate,
    today: NaiveDate,
) -> Result<(), StorageError> {
    use super::{Appeal, AppealKind, AppealStatus, Channel, service, store};
    use crate::domain::Code as _;
    use crate::domain::calendar::{Calendar, Term};
    let clients: Vec<Id> = crate::clients::service::list(db)?
        .iter()
        .map(|r| r.id)
        .collect();
    let topics = service::topics(db)?;
    if clients.is_empty() || topics.is_empty() {
        return Ok(());
    }
    let cal = Calendar::official();
    let span = (today - first).num_minutes().max(1);
    let minutes = span / count.max(1) as i64;
    let mut rng = fastrand::Rng::with_seed(7);
    let start = first.and_time(chrono::NaiveTime::MIN);
    db.quietly(|db| {
        db.write(&Actor::SYSTEM, |w| {
            for i in 0..count {
                let received = start + chrono::Duration::minutes(i as i64 * minutes);
                let kind = match rng.u32(0..100) {
                    0..35 => AppealKind::Complaint,
                    35..50 => AppealKind::Suggestion,
                    50..80 => AppealKind::Info,
                    80..92 => AppealKind::ServiceChange,
                    _ => AppealKind::Feedback,
                };
                let subject =
                    text::BULK_APPEAL_SUBJECTS[rng.usize(..text::BULK_APPEAL_SUBJECTS.len())];
                let a = Appeal {
                    kind,
                    subject: format!("{subject} № {i}"),
                    body: text::bulk_appeal_body(subject, i),
                    topic_id: Some(topics[i % topics.len()].id),
                    ..service::new_appeal(
                        clients[rng.usize(..clients.len())],
                        Channel::ALL[i % Channel::ALL.len()],
                        received,
                        None,
                    )
                };
                let id = store::insert(w, &a)?;
                let term = Term::calendar(30);
                let due = cal.deadline(received.date(), term);
                store::register(w, id, received.date(), text::BULK_APPEAL_NUMBERS, term, due)?;
                if received.date() < today - chrono::Duration::days(60) || i % 3 == 0 {
                    let step = store::Step {
                        sent: Some((a.channel, "", received.date() + chrono::Duration::days(10))),
                        answer: Some(text::BULK_APPEAL_ANSWER),
                        ..Default::default()
                    };
                    store::set_status(
                        w,
                        id,
                        AppealStatus::Registered,
                        AppealStatus::AnswerSent,
                        &step,
                    )?;
                }
            }
            Ok::<_, StorageError>(())
        })
    })
}
