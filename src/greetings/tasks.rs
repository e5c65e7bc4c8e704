//! What the regulation asks of the manager about gifts on a given day: deliveries (a general
//! holiday's gift not handed to the representative by the last working day), orders to hand
//! to the administrative sector, planned gifts whose regulation changed, and what was spent
//! against the limits. Pure: computed from the gift rows the store read.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::model::*;
use crate::domain::Id;

/// How many days ahead «Сегодня» shows the orders to send.
pub const ORDER_HORIZON_DAYS: i64 = 7;
/// How long after its holiday an undelivered gift is still a task.
pub const DELIVERY_AFTER_DAYS: i64 = 30;

/// The gifts of general holidays (category 1) not handed over by the last working day before
/// the holiday: the personal manager has to deliver them (regulation p. 7 a). A task from that
/// day on, until handed or a month after the holiday.
pub fn delivery_tasks(rows: &[GiftRow], today: NaiveDate) -> Vec<&GiftRow> {
    rows.iter()
        .filter(|r| {
            let g = &r.gift;
            g.status != GiftStatus::Handed
                && g.occasion.is_some_and(|o| o.category() == 1)
                && r.hand_by.is_some_and(|by| by <= today)
                && g.holiday_date
                    .is_some_and(|d| d + chrono::Duration::days(DELIVERY_AFTER_DAYS) >= today)
        })
        .collect()
}

/// The gifts whose order has not reached the administrative sector and is due within a week
/// (or is late): (row, late).
pub fn orders_to_send(rows: &[GiftRow], today: NaiveDate) -> Vec<(&GiftRow, bool)> {
    let horizon = today + chrono::Duration::days(ORDER_HORIZON_DAYS);
    rows.iter()
        .filter(|r| r.gift.status.before_order())
        .filter_map(|r| {
            let by = r.order_by?;
            // A greeting already past is no order to send any more.
            let ahead = r.gift.holiday_date.is_none_or(|d| d >= today);
            (by <= horizon && ahead).then_some((r, by < today))
        })
        .collect()
}

/// What changed the regulation a planned gift was planned by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Change {
    /// The person's category changed (`None`: no longer greeted).
    Category { was: Option<u8>, now: Option<u8> },
    /// The client became (or stopped being) strategic.
    Strategic { was: bool, now: bool },
}

/// The planned gifts (not handed, holiday not past) whose person's category or client's
/// strategic flag is not what it was when the gift was planned.
pub fn regulation_changes(rows: &[GiftRow], today: NaiveDate) -> Vec<(&GiftRow, Change)> {
    let mut out = Vec::new();
    for r in rows {
        let g = &r.gift;
        if g.status == GiftStatus::Handed || g.holiday_date.is_some_and(|d| d < today) {
            continue;
        }
        if g.planned_category.is_some() && g.planned_category != r.category {
            out.push((
                r,
                Change::Category {
                    was: g.planned_category,
                    now: r.category,
                },
            ));
        }
        if let Some(was) = g.planned_strategic
            && was != r.strategic
        {
            out.push((
                r,
                Change::Strategic {
                    was,
                    now: r.strategic,
                },
            ));
        }
    }
    out
}

/// What one person's gifts of a year cost against the limits of their greetings.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Spending {
    pub person_id: Id,
    pub person: String,
    pub client: String,
    pub category: Option<u8>,
    /// Handed over.
    pub spent: f64,
    /// Planned or ordered, not handed yet.
    pub planned: f64,
    /// The sum of the limits of the person's greetings in the year.
    pub limit: f64,
    pub gifts: usize,
}

impl Spending {
    /// Spent and planned together over the limit.
    pub fn over(&self) -> bool {
        self.spent + self.planned > self.limit + 0.005
    }
}

/// Per person, the year's gifts against the limits of the year's schedule; the people with
/// gifts only, by client and name. `greetings` is the year's schedule.
pub fn spending(rows: &[GiftRow], greetings: &[Greeting]) -> Vec<Spending> {
    let mut by_person: BTreeMap<Id, Spending> = BTreeMap::new();
    for r in rows {
        let s = by_person
            .entry(r.gift.person_id)
            .or_insert_with(|| Spending {
                person_id: r.gift.person_id,
                person: r.person.clone(),
                client: r.client.clone(),
                category: r.category,
                ..Default::default()
            });
        let amount = r.gift.amount.unwrap_or(0.0);
        if r.gift.status == GiftStatus::Handed {
            s.spent += amount;
        } else {
            s.planned += amount;
        }
        s.gifts += 1;
    }
    for g in greetings {
        if let Some(s) = by_person.get_mut(&g.person_id) {
            s.limit += g.limit.unwrap_or(0.0);
        }
    }
    let mut out: Vec<Spending> = by_person.into_values().collect();
    out.sort_by(|a, b| (&a.client, &a.person).cmp(&(&b.client, &b.person)));
    out
}

/// The totals of a year by person category (index 0 — category 1; 3 — no category):
/// (spent, planned, limit).
pub fn totals_by_category(spending: &[Spending]) -> [(f64, f64, f64); 4] {
    let mut t = [(0.0, 0.0, 0.0); 4];
    for s in spending {
        let i = s.category.map_or(3, |c| usize::from(c.clamp(1, 3)) - 1);
        t[i].0 += s.spent;
        t[i].1 += s.planned;
        t[i].2 += s.limit;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn row(
        occasion: Occasion,
        holiday: NaiveDate,
        hand_by: NaiveDate,
        status: GiftStatus,
    ) -> GiftRow {
        GiftRow {
            gift: Gift {
                id: Some(1),
                person_id: 7,
                occasion: Some(occasion),
                holiday_date: Some(holiday),
                item: "Набор".into(),
                amount: Some(1000.0),
                status,
                planned_category: Some(1),
                planned_strategic: Some(true),
                ..Default::default()
            },
            person: "Белов С.П.".into(),
            position: String::new(),
            category: Some(1),
            strategic: true,
            client_id: 1,
            client: "АО «Альфа»".into(),
            manager_id: None,
            holiday_name: String::new(),
            hand_by: Some(hand_by),
            order_by: Some(hand_by - chrono::Duration::days(14)),
            limit: Some(5000.0),
        }
    }

    #[test]
    fn a_general_holidays_gift_not_handed_by_the_last_working_day_is_a_delivery_task() {
        // The last working day before the holiday is given with the row.
        let r = row(
            Occasion::Defender,
            d(2027, 2, 23),
            d(2027, 2, 20),
            GiftStatus::Bought,
        );
        let rows = [r.clone()];
        assert!(delivery_tasks(&rows, d(2027, 2, 19)).is_empty(), "not yet");
        assert_eq!(
            delivery_tasks(&rows, d(2027, 2, 20)).len(),
            1,
            "the last working day"
        );
        assert_eq!(
            delivery_tasks(&rows, d(2027, 2, 24)).len(),
            1,
            "still to deliver"
        );
        let mut handed = r.clone();
        handed.gift.status = GiftStatus::Handed;
        assert!(delivery_tasks(&[handed], d(2027, 2, 20)).is_empty());
        // A birthday gift is handed by the manager anyway: no delivery task.
        let birthday = row(
            Occasion::Birthday,
            d(2027, 2, 23),
            d(2027, 2, 23),
            GiftStatus::Bought,
        );
        assert!(delivery_tasks(&[birthday], d(2027, 2, 24)).is_empty());
    }

    #[test]
    fn orders_due_within_a_week_and_late_ones() {
        let r = row(
            Occasion::WomensDay,
            d(2027, 3, 8),
            d(2027, 3, 5),
            GiftStatus::Draft,
        );
        let by = r.order_by.unwrap_or(d(2000, 1, 1));
        let rows = [r.clone()];
        assert!(orders_to_send(&rows, by - chrono::Duration::days(8)).is_empty());
        assert!(!orders_to_send(&rows, by)[0].1);
        assert!(orders_to_send(&rows, by + chrono::Duration::days(1))[0].1);
        let mut sent = r;
        sent.gift.status = GiftStatus::Sent;
        assert!(orders_to_send(&[sent], by).is_empty());
    }

    #[test]
    fn a_changed_category_or_strategic_flag_is_named() {
        let mut r = row(
            Occasion::Birthday,
            d(2027, 5, 1),
            d(2027, 5, 1),
            GiftStatus::Approved,
        );
        r.category = Some(3);
        r.strategic = false;
        let changes = regulation_changes(std::slice::from_ref(&r), d(2027, 4, 1));
        assert_eq!(
            changes.iter().map(|(_, c)| *c).collect::<Vec<_>>(),
            vec![
                Change::Category {
                    was: Some(1),
                    now: Some(3)
                },
                Change::Strategic {
                    was: true,
                    now: false
                }
            ]
        );
        assert!(regulation_changes(&[r], d(2027, 5, 2)).is_empty(), "past");
    }

    #[test]
    fn spending_against_the_limits() {
        let a = row(
            Occasion::Birthday,
            d(2027, 5, 1),
            d(2027, 5, 1),
            GiftStatus::Handed,
        );
        let mut b = row(
            Occasion::NewYear,
            d(2027, 12, 31),
            d(2027, 12, 30),
            GiftStatus::Draft,
        );
        b.gift.amount = Some(4500.0);
        let greetings = vec![Greeting {
            date: d(2027, 5, 1),
            occasion: Occasion::Birthday,
            holiday_name: "".into(),
            person_id: 7,
            person: "".into(),
            position: "".into(),
            category: 1,
            age: None,
            client_id: 1,
            client: "".into(),
            strategic: true,
            manager_id: None,
            manager: "".into(),
            callers: vec![],
            gift_by: GiftBy::Manager,
            hand_from: d(2027, 5, 1),
            hand_by: d(2027, 5, 1),
            order_by: d(2027, 4, 15),
            limit: Some(5000.0),
        }];
        let s = spending(&[a, b], &greetings);
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].spent, s[0].planned, s[0].limit, s[0].gifts),
            (1000.0, 4500.0, 5000.0, 2)
        );
        assert!(s[0].over());
        assert_eq!(totals_by_category(&s)[0], (1000.0, 4500.0, 5000.0));
    }
}
