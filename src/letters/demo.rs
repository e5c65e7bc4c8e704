//! The demo's letters: replies and notices at every stage of delivery, registered on their
//! dates.

use chrono::{Datelike, NaiveDate};

use crate::clients::demo::Gen;
use crate::clients::*;
use crate::domain::{Actor, Clock, FixedClock, Role};
use crate::letters::{self, LetterStatus, Reply};
use crate::storage::Db;
use crate::words::demo as text;

/// Letters for every fourth client: drafts of replies to appeals, and registered notices at
/// every stage of delivery, registered on their dates.
pub fn demo_letters(
    db: &mut Db,
    clock: &FixedClock,
    g: &mut Gen,
    today: NaiveDate,
) -> std::result::Result<usize, letters::LetterError> {
    let templates = letters::service::templates(db)?;
    let (Some(reply), Some(notice)) = (
        templates.iter().find(|t| t.code == "reply_appeal"),
        templates.iter().find(|t| t.code == "tariff_change"),
    ) else {
        return Ok(0);
    };
    let rows = service::list(db)?;
    let author = |l: &letters::Letter| Actor {
        id: l.manager_id,
        role: Some(Role::Manager),
    };
    let mut n = 0;
    // One long letter (two pages), registered, to show page breaks and the page number.
    if let Some(row) = rows.iter().find(|r| r.people_count > 0) {
        let mut long =
            letters::service::draft_for(db, row.id, None, reply, None, &Reply::default(), today)?;
        long.heading = text::DEMO_LONG_HEADING.into();
        long.body = text::DEMO_LONG_BODY.into();
        long.attachment = text::DEMO_LONG_ATTACHMENT.into();
        long.reply_number = format!("{}", g.rng.u32(10..400));
        long.reply_date = Some(today - chrono::Duration::days(52));
        let actor = author(&long);
        clock.set_date(today - chrono::Duration::days(45));
        let id = letters::service::save_draft(db, &actor, &long)?;
        clock.set_date(today - chrono::Duration::days(41));
        letters::service::register(db, &actor, id)?;
        n += 1;
    }
    for (i, row) in rows
        .iter()
        .enumerate()
        .filter(|(i, r)| i % 4 == 0 && r.people_count > 0)
    {
        let registered = i % 8 == 4 || i % 8 == 0 && i % 16 == 0;
        let template = if registered { notice } else { reply };
        let appeal = Reply {
            number: format!("{}", g.rng.u32(10..400)),
            date: Some(today - chrono::Duration::days(g.rng.i64(3..25))),
            ..Default::default()
        };
        // A tariff notice names the day the new tariffs start: the first of a month ahead.
        let tariff = Reply {
            fields: letters::TemplateFields {
                date: crate::domain::fmt::date(first_of_next_month(today)),
                ..Default::default()
            },
            ..Default::default()
        };
        let reply_to = if registered { tariff } else { appeal };
        // Registered in the order of the list, so that numbers follow dates.
        let date = today - chrono::Duration::days(40 - (i * 36 / rows.len().max(1)) as i64);
        clock.set_date(if registered { date } else { today });
        let draft = letters::service::draft_for(
            db,
            row.id,
            None,
            template,
            None,
            &reply_to,
            clock.today(),
        )?;
        let actor = author(&draft);
        let id = letters::service::save_draft(db, &actor, &draft)?;
        n += 1;
        if registered {
            letters::service::register(db, &actor, id)?;
            let steps = [
                LetterStatus::Printed,
                LetterStatus::Courier,
                LetterStatus::Delivered,
            ];
            for status in steps.iter().take(i % 4 + (i / 4) % 4) {
                let received = if *status == LetterStatus::Delivered {
                    text::DEMO_RECEIVED_BY
                } else {
                    ""
                };
                // Printed on the day, handed to the courier in the week's batch on Friday
                // (a sheet of several letters), delivered the next working day.
                let friday = date
                    + chrono::Duration::days(
                        (4 - i64::from(date.weekday().num_days_from_monday())).rem_euclid(7),
                    );
                let day = match status {
                    LetterStatus::Printed => date,
                    LetterStatus::Courier => friday,
                    _ => friday + chrono::Duration::days(3),
                }
                .min(today);
                clock.set_date(day);
                letters::service::advance(db, &actor, id, *status, day, received)?;
            }
        }
    }
    clock.set_date(today);
    Ok(n)
}

/// A distinct company name for the i-th client.
/// The first day of the month after `d`'s.
fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}
