//! The demo's annual cycle: the approved VIP lists of the last two years (proposed from the
//! dossier in the January of their year, decided as the demo's status rows say, approved by the
//! director's order, the managers appointed), and a year of satisfaction surveys — most VIP
//! clients asked, some not; most content, a few not.

use chrono::{Datelike as _, NaiveDate};

use super::criteria::Proposal;
use super::survey::{self, Answer, Survey};
use super::{OrderDraft, QuestionKind, lists};
use crate::appeals::Channel;
use crate::clients::demo::Gen;
use crate::domain::{Actor, FixedClock, fmt};
use crate::storage::{Db, StorageError};
use crate::words::demo as text;

/// The lists of `today`'s year and the year before, approved; returns how many.
pub fn demo_lists(
    db: &mut Db,
    clock: &FixedClock,
    head: Actor,
    today: NaiveDate,
) -> Result<usize, super::ListError> {
    let mut made = 0;
    for year in [today.year() - 1, today.year()] {
        let Some(day) = NaiveDate::from_ymd_opt(year, 1, 20).filter(|d| *d <= today) else {
            continue;
        };
        clock.set_date(day);
        // What the demo's status rows of the year say (typed as the dossier was filled).
        let typed = super::store::included_in(db.conn(), year)?;
        let id = lists::create(db, &head, year)?;
        let list = lists::open(db, &head, id)?.ok_or(StorageError::NotFound(id))?;
        for r in &list.rows {
            let wanted = typed.get(&r.client_id).copied().unwrap_or(r.is_included());
            if wanted == r.is_included() {
                continue;
            }
            let mut e = lists::row_edit(db, r.id)?;
            e.decision = if wanted {
                Proposal::Include
            } else {
                Proposal::Exclude
            };
            e.reason = text::DEMO_VIP_DECISION.to_string();
            lists::edit_row(db, &head, r.id, &e)?;
        }
        for (client, included) in &typed {
            if *included && !list.rows.iter().any(|r| r.client_id == *client) {
                lists::add_client(db, &head, id, *client, text::DEMO_VIP_DECISION)?;
            }
        }
        let order = |n: i32| OrderDraft {
            number: text::demo_vip_order(n),
            date: fmt::date(day),
        };
        lists::record_order(db, &head, id, &order(10 + year % 100))?;
        lists::record_managers_order(db, &head, id, &order(11 + year % 100))?;
        made += 1;
    }
    clock.set_date(today);
    Ok(made)
}

/// A year of surveys (this year's, or last year's early in the year): about nine VIP clients in
/// ten asked, by phone or at a meeting, mostly content; returns how many.
pub fn demo_surveys(
    db: &mut Db,
    clock: &FixedClock,
    g: &mut Gen,
    head: Actor,
    today: NaiveDate,
) -> Result<usize, survey::SurveyError> {
    let year = if today.month() >= 3 {
        today.year()
    } else {
        today.year() - 1
    };
    let questions = survey::questions(db)?;
    let last = NaiveDate::from_ymd_opt(year, 11, 30)
        .unwrap_or(today)
        .min(today - chrono::Duration::days(1));
    let first = NaiveDate::from_ymd_opt(year, 2, 1).unwrap_or(last);
    let days = (last - first).num_days().max(1);
    let due = survey::due(db, &Actor::SYSTEM, year)?;
    let people = super::store::first_people(db.conn())?;
    let mut dated: Vec<(NaiveDate, Survey)> = Vec::new();
    for d in &due {
        if g.rng.u8(0..10) == 0 {
            continue;
        }
        let date = first + chrono::Duration::days(g.rng.i64(0..=days));
        // A few in twenty are unhappy with something.
        let mood: u8 = match g.rng.u8(0..20) {
            0 => 2,
            1..=3 => 3,
            _ => 4,
        };
        let answers = questions
            .iter()
            .filter(|q| q.active)
            .filter_map(|q| {
                let id = q.id?;
                Some(match q.kind {
                    QuestionKind::Scale => Answer {
                        question_id: id,
                        score: Some((mood + g.rng.u8(0..2)).min(5)),
                        text: String::new(),
                    },
                    QuestionKind::Free => Answer {
                        question_id: id,
                        score: None,
                        text: if mood < 4 {
                            text::DEMO_SURVEY_WISHES[g.rng.usize(..text::DEMO_SURVEY_WISHES.len())]
                                .to_string()
                        } else {
                            String::new()
                        },
                    },
                })
            })
            .collect();
        let person = people.get(&d.client_id).copied();
        dated.push((
            date,
            Survey {
                client_id: d.client_id,
                date: Some(date),
                person_id: person,
                respondent: if person.is_none() {
                    text::DEMO_SURVEY_RESPONDENT.to_string()
                } else {
                    String::new()
                },
                channel: if g.rng.u8(0..3) == 0 {
                    Channel::InPerson
                } else {
                    Channel::Phone
                },
                comment: if mood == 2 {
                    text::DEMO_SURVEY_COMPLAINT.to_string()
                } else {
                    String::new()
                },
                answers,
                ..Survey::default()
            },
        ));
    }
    dated.sort_by_key(|(d, s)| (*d, s.client_id));
    for (date, s) in &dated {
        clock.set_date(*date);
        survey::save(db, &head, s)?;
    }
    clock.set_date(today);
    Ok(dated.len())
}
