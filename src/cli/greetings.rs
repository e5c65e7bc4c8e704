//! `greetings schedule`, `greetings delivery-date`, `gifts order-deadline`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;

use super::appeals::iso_date;
use super::{Out, Place};
use crate::domain::{Code as _, fmt};
use crate::greetings::{documents, service};
use crate::i18n::{self as t, Label};

#[derive(Debug, Subcommand)]
pub enum GreetingsCommand {
    /// The schedule of greetings of a period.
    Schedule {
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        from: NaiveDate,
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        to: NaiveDate,
        #[arg(long)]
        json: bool,
    },
    /// The day a birthday gift is handed over for a birthday on DATE.
    DeliveryDate {
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        date: NaiveDate,
    },
}

#[derive(Debug, Subcommand)]
pub enum GiftsCommand {
    /// The gifts of a person, newest first.
    Given {
        #[arg(long)]
        person: i64,
        #[arg(long)]
        json: bool,
    },
    /// The last day to hand the gift order to the administrative sector for a greeting on DATE.
    OrderDeadline {
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        date: NaiveDate,
    },
    /// The gift order to the administrative sector: the gifts of the holidays of a period not
    /// handed to it yet, as a PDF.
    Order {
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        from: NaiveDate,
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        to: NaiveDate,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long)]
        manager: Option<i64>,
    },
    /// A named card for a person and a holiday, as a PDF (A6).
    Card {
        #[arg(long)]
        person: i64,
        /// new_year, feb23, mar8, professional, birthday, jubilee.
        #[arg(long)]
        occasion: String,
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        date: NaiveDate,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
}

/// `report greetings`: the schedule's PDF.
pub fn report(
    place: &Place,
    from: NaiveDate,
    to: NaiveDate,
    file: &Path,
    manager: Option<i64>,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let (db, _) = place.reader()?;
    documents::write_schedule(&db, from, to, manager, file).map_err(t::err)?;
    out.line(t::greetings_report_written(&file.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub fn greetings(
    place: &Place,
    command: GreetingsCommand,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let (db, _) = place.reader()?;
    match command {
        GreetingsCommand::Schedule { from, to, json } => {
            crate::greetings::check_period(from, to).map_err(t::err)?;
            let rows = service::schedule(&db, from, to).map_err(t::err)?;
            out.lines(rows.iter().map(|g| {
                let callers: Vec<&str> = g.callers.iter().map(|c| c.label()).collect();
                let limit = g.limit.map(fmt::money).unwrap_or_default();
                if json {
                    serde_json::json!({
                        "date": iso(g.date),
                        "occasion": g.occasion.code(),
                        "holiday": if g.holiday_name.is_empty() { g.occasion.label() } else { &*g.holiday_name },
                        "person_id": g.person_id,
                        "person": g.person,
                        "position": g.position,
                        "category": g.category,
                        "age": g.age,
                        "client_id": g.client_id,
                        "client": g.client,
                        "manager": g.manager,
                        "callers": callers,
                        "gift_by": g.gift_by.label(),
                        "hand_from": iso(g.hand_from),
                        "hand_by": iso(g.hand_by),
                        "order_by": iso(g.order_by),
                        "limit": g.limit,
                    })
                    .to_string()
                } else {
                    let occasion = if g.holiday_name.is_empty() {
                        g.occasion.label()
                    } else {
                        &*g.holiday_name
                    };
                    t::schedule_line(
                        &fmt::date(g.date),
                        occasion,
                        &g.person,
                        &g.client,
                        g.category,
                        &callers.join(", "),
                        g.gift_by.label(),
                        &fmt::date(g.hand_by),
                        &fmt::date(g.order_by),
                        &limit,
                    )
                }
            }))?;
        }
        GreetingsCommand::DeliveryDate { date } => {
            out.line(iso(service::delivery_date(&db, date).map_err(t::err)?))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn gifts(place: &Place, command: GiftsCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (db, _) = place.reader()?;
    match command {
        GiftsCommand::Given { person, json } => {
            if !service::person_exists(&db, person).map_err(t::err)? {
                anyhow::bail!(t::no_person(person));
            }
            let gifts = service::gifts_of(&db, person).map_err(t::err)?;
            out.lines(gifts.iter().map(|g| {
                if json {
                    serde_json::json!({
                        "id": g.id,
                        "person_id": g.person_id,
                        "occasion": g.occasion.map(|o| o.code()),
                        "holiday_date": g.holiday_date.map(iso),
                        "item": g.item,
                        "amount": g.amount,
                        "handed_on": g.handed_on.map(iso),
                        "handed_by": g.handed_by,
                        "handed_to": g.handed_to,
                    })
                    .to_string()
                } else {
                    t::gift_line(
                        &g.holiday_date.map(fmt::date).unwrap_or_default(),
                        g.occasion.map(|o| o.label()).unwrap_or_default(),
                        &g.item,
                        &g.amount.map(fmt::money).unwrap_or_default(),
                        &match g.handed_on {
                            Some(d) => t::gift_handed(&fmt::date(d), &g.handed_by),
                            None => t::GIFT_NOT_HANDED.to_string(),
                        },
                    )
                }
            }))?;
        }
        GiftsCommand::OrderDeadline { date } => {
            out.line(iso(service::order_deadline(&db, date).map_err(t::err)?))?;
        }
        GiftsCommand::Order {
            from,
            to,
            out: file,
            manager,
        } => {
            crate::greetings::check_period(from, to).map_err(t::err)?;
            let rows = service::gift_rows(&db, from, to, manager).map_err(t::err)?;
            let bytes = documents::order_pdf(&rows, &db, db.today()).map_err(t::err)?;
            crate::files::write(&file, &bytes).map_err(t::err)?;
            out.line(t::gift_order_written(&file.display().to_string()))?;
        }
        GiftsCommand::Card {
            person,
            occasion,
            date,
            out: file,
        } => {
            let occasion = crate::greetings::Occasion::from_code(&occasion)
                .ok_or_else(|| anyhow::anyhow!(t::bad_occasion(&occasion)))?;
            let name = service::holiday_name(&db, person, occasion).map_err(t::err)?;
            let bytes = documents::card_pdf(&db, person, occasion, &name, date).map_err(t::err)?;
            crate::files::write(&file, &bytes).map_err(t::err)?;
            out.line(t::card_written(&file.display().to_string()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
