//! `clients list`, `import clients`, `export clients`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place};
use crate::clients::{ClientRow, exchange, service};
use crate::i18n as t;

#[derive(Debug, Subcommand)]
pub enum ClientsCommand {
    /// List clients (with --json: one JSON object per line).
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import clients from a .csv (`;` or `,`, UTF-8 or Windows-1251) or .xlsx file.
    Clients {
        file: PathBuf,
        /// Update the clients already in the database (same UUID, else same INN) with the
        /// file's columns, instead of refusing them as duplicates.
        #[arg(long)]
        update: bool,
    },
    /// Import the people of clients (leaders, contacts) from a .csv or .xlsx file: each row
    /// names its client by INN.
    People {
        file: PathBuf,
        /// Update the people already in a dossier (same UUID, else same full name) with the
        /// file's columns, instead of refusing them as duplicates.
        #[arg(long)]
        update: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export clients to a .csv file (the columns import reads).
    Clients { file: PathBuf },
    /// Export the people of every client to a .csv file (the columns `import people` reads).
    People {
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
}

/// A client as a tab-separated line, or one JSON object.
fn client_line(r: &ClientRow, json: bool) -> String {
    if json {
        serde_json::json!({
            "id": r.id,
            "short_name": r.short_name,
            "full_name": r.full_name,
            "inn": r.inn,
            "manager": r.manager,
            "manager_id": r.manager_id,
            "district": r.district,
            "industry": r.industry,
            "strategic": r.strategic,
            "vip_years": r.vip_years,
        })
        .to_string()
    } else {
        format!("{}\t{}\t{}\t{}", r.id, r.inn, r.short_name, r.manager)
    }
}

pub fn clients(place: &Place, command: ClientsCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let ClientsCommand::List { json } = command;
    let (db, _) = place.reader()?;
    let rows = service::list(&db).map_err(t::err)?;
    out.lines(rows.iter().map(|r| client_line(r, json)))?;
    Ok(ExitCode::SUCCESS)
}

pub fn import(place: &Place, what: ImportCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (file, update, people) = match what {
        ImportCommand::Clients { file, update } => (file, update, false),
        ImportCommand::People { file, update } => (file, update, true),
    };
    let mut db = place.open()?;
    let actor = place.actor(&mut db)?;
    let mode = if update {
        exchange::ImportMode::Update
    } else {
        exchange::ImportMode::AddOnly
    };
    let report = if people {
        crate::clients::people_exchange::import_people(&mut db, &actor, &file, mode)
    } else {
        exchange::import_clients(&mut db, &actor, &file, mode)
    }
    .map_err(t::err)?;
    for w in &report.warnings {
        eprintln!("{}", t::describe(w));
    }
    for r in &report.rejected {
        eprintln!("{}", t::describe(r));
    }
    out.line(if people {
        t::import_people_report(&report)
    } else {
        t::import_report(&report)
    })?;
    Ok(if report.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub fn export(place: &Place, what: ExportCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let file = match what {
        ExportCommand::Clients { file } => file,
        ExportCommand::People { out: file } => {
            let (db, _) = place.reader()?;
            let done =
                crate::clients::people_exchange::export_people(&db, &file).map_err(t::err)?;
            out.line(t::exported_people(
                done.written,
                &file.display().to_string(),
            ))?;
            eprintln!("{}", t::EXPORT_PERSONAL_DATA);
            return Ok(ExitCode::SUCCESS);
        }
    };
    let (db, _) = place.reader()?;
    let done = exchange::export_clients(&db, &file).map_err(t::err)?;
    out.line(t::exported_salvaged(
        done.written,
        done.unreadable,
        done.list_cut,
    ))?;
    eprintln!("{}", t::EXPORT_PERSONAL_DATA);
    // What was salvaged is written; a script still learns that it is not all.
    Ok(if done.unreadable > 0 || done.list_cut {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
