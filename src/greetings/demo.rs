//! The demo's greetings: two years of the regulation, gifts handed over and ordered, ideas.

use chrono::{Months, NaiveDate};

use crate::admin;
use crate::clients::demo::Gen;
use crate::domain::{Actor, Id};
use crate::storage::{Db, StorageError};
use crate::words::demo as text;

/// Two years of the greetings regulation: gifts handed over for past holidays (never the same
/// to one person), the coming ones' orders in every status by how near their deadline is (one
/// in twelve late), gift ideas for the leaders, the director who signs the cards.
pub fn demo_gifts(
    db: &mut Db,
    g: &mut Gen,
    head: Actor,
    today: NaiveDate,
) -> std::result::Result<usize, StorageError> {
    use crate::greetings::{self as gr, GiftStatus};
    let from = today.checked_sub_months(Months::new(24)).unwrap_or(today);
    let to = today + chrono::Duration::days(75);
    let schedule = gr::service::schedule(db, from, to)?;
    let managers: std::collections::HashMap<Id, String> = admin::service::managers(db)?
        .into_iter()
        .filter_map(|m| Some((m.id?, m.short_name())))
        .collect();
    let mut used: std::collections::HashMap<Id, Vec<usize>> = Default::default();
    let mut gifts = Vec::new();
    for row in &schedule {
        let personal = row.occasion.category() == 2;
        let chance = if personal { 8 } else { 3 };
        if g.rng.u8(0..10) >= chance {
            continue;
        }
        let taken = used.entry(row.person_id).or_default();
        let free: Vec<usize> = (0..text::DEMO_GIFTS.len())
            .filter(|i| !taken.contains(i))
            .collect();
        if free.is_empty() {
            continue;
        }
        let item = free[g.rng.usize(..free.len())];
        taken.push(item);
        let limit = row.limit.unwrap_or(3_000.0);
        let amount = (limit * (0.6 + 0.4 * g.rng.f64()) / 100.0).floor() * 100.0;
        let mut gift = gr::Gift {
            person_id: row.person_id,
            occasion: Some(row.occasion),
            holiday_date: Some(row.date),
            item: text::DEMO_GIFTS[item].into(),
            amount: Some(amount),
            planned_category: Some(row.category),
            planned_strategic: Some(row.strategic),
            ..Default::default()
        };
        let days = |d: NaiveDate| (d - today).num_days();
        if row.hand_by < today {
            gift.status = GiftStatus::Handed;
            gift.approved_on = Some(row.order_by - chrono::Duration::days(5));
            gift.sent_on = Some(row.order_by);
            gift.bought_on = Some(row.order_by + chrono::Duration::days(4));
            gift.handed_on = Some(if personal {
                row.hand_by
            } else {
                row.hand_by - chrono::Duration::days(g.rng.i64(0..3))
            });
            let manager = row
                .manager_id
                .and_then(|id| managers.get(&id).cloned())
                .unwrap_or_default();
            gift.handed_by = if row.gift_by == gr::GiftBy::BranchEmployee {
                text::DEMO_BRANCH_EMPLOYEE.into()
            } else {
                manager
            };
            gift.handed_to = if personal {
                row.person.to_string()
            } else {
                text::DEMO_REPRESENTATIVE.into()
            };
        } else {
            // The nearer the deadline, the further the order went; one in twelve is late.
            let late = g.rng.u8(0..12) == 0;
            gift.status = match days(row.order_by) {
                _ if late => GiftStatus::Draft,
                d if d > 20 => GiftStatus::Draft,
                d if d > 7 => GiftStatus::Approved,
                d if d > 0 => GiftStatus::Sent,
                _ => GiftStatus::Bought,
            };
            let step = |s: GiftStatus| gift.status >= s;
            if step(GiftStatus::Approved) {
                gift.approved_on = Some(today.min(row.order_by) - chrono::Duration::days(3));
            }
            if step(GiftStatus::Sent) {
                gift.sent_on = Some(today.min(row.order_by) - chrono::Duration::days(1));
            }
            if step(GiftStatus::Bought) {
                gift.bought_on = Some(today - chrono::Duration::days(1));
            }
        }
        // A general holiday of the last ten days: one gift in three was not handed to the
        // representative — the manager has it to deliver.
        if !personal && (-10..0).contains(&days(row.hand_by)) && g.rng.u8(0..3) == 0 {
            gift.status = GiftStatus::Bought;
            gift.handed_on = None;
            gift.handed_by.clear();
            gift.handed_to.clear();
        }
        gifts.push(gift);
    }
    // Ideas for one leader in three of categories 1–2: one of them already given.
    let mut ideas = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for row in schedule.iter().filter(|r| r.category <= 2) {
        if !seen.insert(row.person_id) || g.rng.u8(0..3) > 0 {
            continue;
        }
        for _ in 0..g.rng.usize(1..4) {
            let (item, note) = *g.pick(text::DEMO_GIFT_IDEAS);
            ideas.push(gr::GiftIdea {
                person_id: row.person_id,
                item: item.into(),
                note: note.into(),
                ..Default::default()
            });
        }
    }
    let reg = gr::Regulation {
        director_name: text::DEMO_DIRECTOR.into(),
        ..Default::default()
    };
    db.write(&head, |w| {
        gr::store::save_regulation(w, &reg)?;
        for gift in &gifts {
            gr::store::insert_gift(w, gift)?;
        }
        for idea in &ideas {
            gr::store::insert_idea(w, idea)?;
        }
        Ok::<_, StorageError>(())
    })?;
    Ok(gifts.len())
}
