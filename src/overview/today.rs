//! «Сегодня»: one list of sections, each built by the hook of the feature it belongs to, for
//! the clients the acting user sees. A section that cannot be built (a setting that does not
//! read) is named with its error; the others are shown.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::appeals::AppealRow;
use crate::contacts::MeetingKind;
use crate::contacts::today::DueContact;
use crate::domain::{Actor, Code as _, Id, Scope, fmt};
use crate::greetings::documents::{callers_words, holiday_words};
use crate::i18n::{self as t, Describe as _, Label as _};
use crate::storage::{Db, StorageError};

/// Who looks at «Сегодня»: the acting user, whose clients they see (decided once, here) and
/// the day.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub actor: Actor,
    pub scope: Scope,
    pub today: NaiveDate,
}

impl Viewer {
    /// A manager sees their own clients; the head of the group, management and the program
    /// see everyone's.
    pub fn of(actor: Actor, today: NaiveDate) -> Viewer {
        Viewer {
            actor,
            scope: actor.scope(),
            today,
        }
    }
}

/// How a cell (or a section's title) is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Today's own duty.
    Strong,
    /// Past its deadline.
    Late,
    /// Due soon.
    Soon,
    /// Secondary information.
    Muted,
    /// A jubilee.
    Accent,
}

/// What a row's button opens or does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The client's dossier, on the tab of its people.
    ClientPeople(Id),
    Report(Id),
    NewReport(Id, MeetingKind),
    Appeal(Id),
    Gifts,
    Greetings,
    /// Marks a next step done.
    CompleteStep(Id),
    /// A new satisfaction survey of the client.
    NewSurvey(Id),
}

/// A button of a row: its label (with the row's words for a screen reader) and its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub label: &'static str,
    /// What a screen reader says: the label and the row it belongs to.
    pub name: String,
    pub target: Target,
}

/// A row: its cells in order, its buttons, and the same row as data for `--json`.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub cells: Vec<(String, Tone)>,
    pub actions: Vec<Action>,
    pub json: Value,
    /// The client the row is about (`None`: a holiday of everyone's people).
    pub client_id: Option<Id>,
    /// The day the row is due or dated by: the summary's «oldest».
    pub date: Option<NaiveDate>,
}

impl Line {
    /// Whether the row is past its deadline (a cell says so).
    pub fn is_late(&self) -> bool {
        self.cells.iter().any(|(_, tone)| *tone == Tone::Late)
    }
}

/// A section of «Сегодня»: its key (the `--json` key), title, tone and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: &'static str,
    pub title: &'static str,
    pub tone: Tone,
    pub lines: Vec<Line>,
}

/// Everything due for the user, section by section; `failed` names the parts that could not
/// be built, with the reason.
#[derive(Debug, Clone, Default)]
pub struct Today {
    pub date: Option<NaiveDate>,
    pub sections: Vec<Section>,
    pub failed: Vec<(&'static str, String)>,
}

impl Today {
    /// How many rows it shows (the count beside «Сегодня» in the navigation).
    pub fn count(&self) -> usize {
        self.sections.iter().map(|s| s.lines.len()).sum()
    }

    /// The section of `key`, if the user's parts have it.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The whole list as one JSON object: the date, one array per section, and the parts that
    /// failed (if any) under `errors`.
    pub fn json(&self) -> Value {
        let mut out = serde_json::Map::new();
        out.insert("date".into(), json!(self.date.map(|d| d.to_string())));
        for s in &self.sections {
            out.insert(
                s.key.into(),
                Value::Array(s.lines.iter().map(|l| l.json.clone()).collect()),
            );
        }
        if !self.failed.is_empty() {
            let errors = self
                .failed
                .iter()
                .map(|(part, message)| json!({"part": part, "message": message}))
                .collect();
            out.insert("errors".into(), Value::Array(errors));
        }
        Value::Object(out)
    }
}

/// A feature's part of «Сегодня»: its sections for the viewer.
type Part = fn(&Db, &Viewer) -> Result<Vec<Section>, StorageError>;

/// One hook per feature, in the order the sections are shown: a new feature adds its line.
const PARTS: &[(&str, Part)] = &[
    (t::PART_REVIEWS, reviews),
    (t::PART_APPEALS, appeals),
    (t::PART_GIFTS, gifts),
    (t::PART_CONTACTS, contacts),
    (t::PART_SURVEYS, surveys),
];

/// «Сегодня» of `actor` on `date`.
pub fn today(db: &Db, actor: &Actor, date: NaiveDate) -> Today {
    let viewer = Viewer::of(*actor, date);
    let mut out = Today {
        date: Some(date),
        ..Default::default()
    };
    for (name, part) in PARTS {
        match part(db, &viewer) {
            Ok(sections) => out.sections.extend(sections),
            Err(e) => out.failed.push((name, e.describe())),
        }
    }
    out
}

fn cell(text: impl Into<String>) -> (String, Tone) {
    (text.into(), Tone::Plain)
}

fn action(label: &'static str, about: &str, target: Target) -> Action {
    Action {
        label,
        name: format!("{label}: {about}"),
        target,
    }
}

fn late_or(late: bool, otherwise: Tone) -> Tone {
    if late { Tone::Late } else { otherwise }
}

fn to_json(v: &impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The reports waiting for the head of the group's acceptance (nobody else accepts reports).
fn reviews(db: &Db, v: &Viewer) -> Result<Vec<Section>, StorageError> {
    if !v.actor.is_head() {
        return Ok(Vec::new());
    }
    let rows = crate::contacts::service::to_review(db, &v.actor)?;
    let lines = rows
        .iter()
        .filter_map(|(m, client)| {
            let id = m.id?;
            Some(Line {
                cells: vec![
                    cell(fmt::opt_date(m.date)),
                    cell(client.as_str()),
                    cell(m.kind.label()),
                ],
                actions: vec![action(t::OPEN_REPORT, client, Target::Report(id))],
                json: json!({
                    "id": id,
                    "date": m.date.map(|d| d.to_string()),
                    "client_id": m.client_id,
                    "client": client,
                    "kind": m.kind.code(),
                }),
                client_id: Some(m.client_id),
                date: m.date,
            })
        })
        .collect();
    Ok(vec![Section {
        key: "reports_to_review",
        title: t::TODAY_REVIEWS,
        tone: Tone::Strong,
        lines,
    }])
}

/// An appeal's row: number, client, subject, when, and the button to its card.
fn appeal_line(
    r: &AppealRow,
    (when, date): (String, Option<NaiveDate>),
    tone: Tone,
    extra: Value,
) -> Line {
    let mut data = to_json(r);
    if let (Value::Object(m), Value::Object(more)) = (&mut data, extra) {
        m.extend(more);
    }
    let number = if r.number.is_empty() {
        t::NOTHING.to_string()
    } else {
        r.number.clone()
    };
    Line {
        cells: vec![
            cell(number),
            cell(r.client.as_str()),
            cell(r.subject.as_str()),
            (when, tone),
        ],
        actions: vec![action(
            t::OPEN_APPEAL,
            &format!("{} {}", r.number, r.subject),
            Target::Appeal(r.id),
        )],
        json: data,
        client_id: Some(r.client_id),
        date,
    }
}

/// Appeals whose answer is overdue or due within the settings' working days, and those
/// received but not registered, with their registration deadline.
fn appeals(db: &Db, v: &Viewer) -> Result<Vec<Section>, StorageError> {
    let a = crate::appeals::service::today(db, v.scope, v.today)?;
    let today = v.today;
    let overdue = a
        .overdue
        .iter()
        .map(|r| {
            let left = r.days_left(today).unwrap_or(0);
            appeal_line(
                r,
                (t::days_left(left), r.due_date),
                Tone::Late,
                json!({"days_left": left}),
            )
        })
        .collect();
    let soon = a
        .due_soon
        .iter()
        .map(|r| {
            appeal_line(
                r,
                (t::due_by(&fmt::opt_date(r.due_date)), r.due_date),
                Tone::Soon,
                json!({"days_left": r.days_left(today)}),
            )
        })
        .collect();
    let unregistered = a
        .unregistered
        .iter()
        .map(|(r, by)| {
            appeal_line(
                r,
                (t::register_by(&fmt::date(*by)), Some(*by)),
                late_or(*by < today, Tone::Soon),
                json!({"register_by": by.to_string()}),
            )
        })
        .collect();
    Ok(vec![
        Section {
            key: "appeals_overdue",
            title: t::TODAY_APPEALS_OVERDUE,
            tone: Tone::Strong,
            lines: overdue,
        },
        Section {
            key: "appeals_due_soon",
            title: t::TODAY_APPEALS_SOON,
            tone: Tone::Strong,
            lines: soon,
        },
        Section {
            key: "appeals_unregistered",
            title: t::TODAY_APPEALS_UNREGISTERED,
            tone: Tone::Strong,
            lines: unregistered,
        },
    ])
}

/// A gift's row: the holiday's date, the person, the client, the gift, and when.
fn gift_line(
    r: &crate::greetings::GiftRow,
    when: (String, Tone),
    date: Option<NaiveDate>,
    kind: &str,
) -> Line {
    let about = format!("{} {}", r.person, r.gift.item);
    Line {
        cells: vec![
            cell(fmt::opt_date(r.gift.holiday_date)),
            cell(r.person.as_str()),
            cell(r.client.as_str()),
            cell(r.gift.item.as_str()),
            when,
        ],
        actions: vec![action(t::OPEN_GIFTS, &about, Target::Gifts)],
        json: json!({
            "gift_id": r.gift.id,
            "kind": kind,
            "holiday_date": r.gift.holiday_date.map(|d| d.to_string()),
            "person_id": r.gift.person_id,
            "person": r.person,
            "client_id": r.client_id,
            "client": r.client,
            "item": r.gift.item,
            "hand_by": r.hand_by.map(|d| d.to_string()),
            "order_by": r.order_by.map(|d| d.to_string()),
        }),
        client_id: Some(r.client_id),
        date,
    }
}

/// The regulation's duties: gifts to deliver, orders late or due this week, planned gifts
/// whose regulation changed, and the greetings of the week with who calls.
fn gifts(db: &Db, v: &Viewer) -> Result<Vec<Section>, StorageError> {
    let g = crate::greetings::service::today(db, v.scope, v.today)?;
    let deliveries = g
        .deliveries
        .iter()
        .map(|r| {
            let by = fmt::opt_date(r.hand_by);
            gift_line(
                r,
                (t::hand_by_words(&by), Tone::Late),
                r.hand_by,
                "delivery",
            )
        })
        .collect();
    let orders = g
        .orders
        .iter()
        .map(|(r, late)| {
            let by = r.order_by.map(fmt::date).unwrap_or_default();
            let when = (t::order_by_words(&by, *late), late_or(*late, Tone::Soon));
            gift_line(r, when, r.order_by, "order")
        })
        .chain(g.changes.iter().map(|(r, _)| {
            let when = (t::CHANGES_TITLE.into(), Tone::Soon);
            gift_line(r, when, r.gift.holiday_date, "changed")
        }))
        .collect();
    let mut greetings: Vec<Line> = g
        .general
        .iter()
        .map(|d| {
            let holiday = holiday_words(d.occasion, &d.name, None);
            let tone = if d.date == v.today {
                Tone::Strong
            } else {
                Tone::Plain
            };
            Line {
                cells: vec![
                    (fmt::date(d.date), tone),
                    (
                        t::general_day_line(&holiday, d.people, d.director_calls),
                        tone,
                    ),
                ],
                actions: vec![action(t::OPEN_SCHEDULE, &holiday, Target::Greetings)],
                json: json!({
                    "date": d.date.to_string(),
                    "occasion": d.occasion.code(),
                    "holiday": holiday,
                    "people": d.people,
                    "director_calls": d.director_calls,
                }),
                client_id: None,
                date: Some(d.date),
            }
        })
        .collect();
    greetings.extend(g.greetings.iter().map(|gr| {
        let holiday = holiday_words(gr.occasion, &gr.holiday_name, gr.age);
        let tone = if gr.date == v.today {
            Tone::Strong
        } else {
            Tone::Plain
        };
        let callers = callers_words(gr);
        Line {
            cells: vec![
                (fmt::date(gr.date), tone),
                (
                    t::today_greeting_line(&holiday, &gr.person, &gr.client),
                    tone,
                ),
                (
                    format!(
                        "{}, {}",
                        t::calls_line(&callers),
                        t::call_by(&g.call_before)
                    ),
                    Tone::Muted,
                ),
            ],
            actions: vec![action(
                t::OPEN_SCHEDULE,
                &format!("{} {holiday}", gr.person),
                Target::Greetings,
            )],
            json: json!({
                "date": gr.date.to_string(),
                "occasion": gr.occasion.code(),
                "holiday": holiday,
                "person_id": gr.person_id,
                "person": &*gr.person,
                "client_id": gr.client_id,
                "client": &*gr.client,
                "callers": callers,
                "call_before": g.call_before,
            }),
            client_id: Some(gr.client_id),
            date: Some(gr.date),
        }
    }));
    Ok(vec![
        Section {
            key: "gift_deliveries",
            title: t::TODAY_DELIVERIES,
            tone: Tone::Late,
            lines: deliveries,
        },
        Section {
            key: "gift_orders",
            title: t::TODAY_ORDERS,
            tone: Tone::Strong,
            lines: orders,
        },
        Section {
            key: "greetings",
            title: t::TODAY_GREETINGS,
            tone: Tone::Strong,
            lines: greetings,
        },
    ])
}

/// A call or a meeting owed: the client, the last contact, when it is due, and the button
/// that reports it.
fn contact_line(c: &DueContact, kind: MeetingKind) -> Line {
    let label = if kind == MeetingKind::Call {
        t::RECORD_CALL
    } else {
        t::RECORD_MEETING
    };
    let when = if c.overdue_days > 0 {
        (t::overdue(c.overdue_days), Tone::Late)
    } else {
        (t::due_by(&fmt::date(c.due)), Tone::Muted)
    };
    Line {
        cells: vec![
            cell(c.client.as_str()),
            (t::last_contact(&fmt::opt_date(c.last)), Tone::Muted),
            when,
        ],
        actions: vec![action(
            label,
            &c.client,
            Target::NewReport(c.client_id, kind),
        )],
        json: to_json(c),
        client_id: Some(c.client_id),
        date: Some(c.due),
    }
}

/// Calls and meetings owed, next steps due, birthdays coming (a jubilee by the greetings
/// regulation, as the greetings say; when it does not read, no birthday is called a jubilee —
/// the greetings' part names the setting).
fn contacts(db: &Db, v: &Viewer) -> Result<Vec<Section>, StorageError> {
    let mut data = crate::contacts::service::today(db, v.scope, v.today)?;
    let regulation = crate::greetings::service::regulation(db).ok();
    for b in &mut data.birthdays {
        b.jubilee = regulation.as_ref().is_some_and(|r| r.is_jubilee(b.age));
    }
    let steps = data
        .steps
        .iter()
        .map(|s| {
            let when = if s.overdue_days > 0 {
                (t::overdue(s.overdue_days), Tone::Late)
            } else {
                (t::due_by(&fmt::date(s.due)), Tone::Muted)
            };
            Line {
                cells: vec![cell(s.client.as_str()), cell(s.text.as_str()), when],
                actions: vec![
                    action(t::OPEN_REPORT, &s.text, Target::Report(s.meeting_id)),
                    action(t::STEP_DONE, &s.text, Target::CompleteStep(s.step_id)),
                ],
                json: to_json(s),
                client_id: Some(s.client_id),
                date: Some(s.due),
            }
        })
        .collect();
    let birthdays = data
        .birthdays
        .iter()
        .map(|b| {
            let who = format!("{} — {}", b.name, t::age(b.age, b.jubilee));
            Line {
                cells: vec![
                    cell(fmt::date(b.date)),
                    (who, if b.jubilee { Tone::Accent } else { Tone::Plain }),
                    cell(b.client.as_str()),
                ],
                actions: vec![action(
                    t::OPEN_DOSSIER,
                    &b.name,
                    Target::ClientPeople(b.client_id),
                )],
                json: to_json(b),
                client_id: Some(b.client_id),
                date: Some(b.date),
            }
        })
        .collect();
    Ok(vec![
        Section {
            key: "calls",
            title: t::TODAY_CALLS,
            tone: Tone::Strong,
            lines: data
                .calls
                .iter()
                .map(|c| contact_line(c, MeetingKind::Call))
                .collect(),
        },
        Section {
            key: "meetings",
            title: t::TODAY_MEETINGS,
            tone: Tone::Strong,
            lines: data
                .meetings
                .iter()
                .map(|c| contact_line(c, MeetingKind::Meeting))
                .collect(),
        },
        Section {
            key: "steps",
            title: t::TODAY_STEPS,
            tone: Tone::Strong,
            lines: steps,
        },
        Section {
            key: "birthdays",
            title: t::TODAY_BIRTHDAYS,
            tone: Tone::Strong,
            lines: birthdays,
        },
    ])
}

/// The year's satisfaction survey of the VIP clients not asked yet: listed from October, late
/// from 1 December (the report is made in December); empty before October.
fn surveys(db: &Db, v: &Viewer) -> Result<Vec<Section>, StorageError> {
    use crate::viplist::survey;
    use chrono::Datelike as _;
    let (shows, late) = survey::plan_shows(v.today);
    let year = v.today.year();
    let due_day = NaiveDate::from_ymd_opt(year, survey::PLAN_DUE.0, survey::PLAN_DUE.1);
    let due = if shows {
        survey::due(db, &v.actor, year)?
    } else {
        Vec::new()
    };
    let lines = due
        .into_iter()
        .map(|d| {
            let by = due_day.map(fmt::date).unwrap_or_default();
            Line {
                cells: vec![
                    (d.client.clone(), Tone::Strong),
                    (t::survey_due_words(&by, late), late_or(late, Tone::Soon)),
                ],
                actions: vec![action(
                    t::MAKE_SURVEY,
                    &d.client,
                    Target::NewSurvey(d.client_id),
                )],
                json: json!({
                    "client_id": d.client_id,
                    "client": d.client,
                    "manager_id": d.manager_id,
                    "due": due_day.map(|x| x.to_string()),
                    "late": late,
                }),
                client_id: Some(d.client_id),
                date: due_day,
            }
        })
        .collect();
    Ok(vec![Section {
        key: "surveys_due",
        title: t::TODAY_SURVEYS,
        tone: if late { Tone::Late } else { Tone::Soon },
        lines,
    }])
}
