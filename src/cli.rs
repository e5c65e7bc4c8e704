//! The command line (clap). Every command calls the same library functions as the GUI.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::i18n as t;
use crate::storage::{self, Db};

#[derive(Debug, Parser)]
#[command(
    name = "vipdesk",
    version,
    about = "Рабочее место персонального менеджера VIP-клиентов"
)]
pub struct Cli {
    /// The database file (default: VIPDESK_DB, else vipdesk.db in the user's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print the time to the first frame and exit (startup benchmark of the GUI).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty database with fictional demo data.
    Demo {
        /// How many clients to generate (people, indicators, … in proportion).
        #[arg(long, default_value_t = crate::demo::DEFAULT_CLIENTS)]
        clients: usize,
        /// Seed of the generator: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the database; exits with 1 if there are problems.
    Check,
    /// Clients.
    Clients {
        #[command(subcommand)]
        command: ClientsCommand,
    },
    /// Import data.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Export data.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
}

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
    Clients { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export clients to a .csv file (the columns import reads).
    Clients { file: PathBuf },
}

impl Cli {
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(storage::default_db_path)
    }
}

fn open(path: &std::path::Path) -> anyhow::Result<Db> {
    Db::open(path).with_context(|| t::err_open_db(&path.display().to_string()))
}

/// `clients list`: a tab-separated table, or one JSON object per line.
fn print_clients(rows: Vec<storage::ClientRow>, json: bool) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    for r in rows {
        if json {
            let v = serde_json::json!({
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
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(out, "{}\t{}\t{}\t{}", r.id, r.inn, r.short_name, r.manager)?;
        }
    }
    Ok(())
}

/// Runs a subcommand; the exit code says whether it fully succeeded.
pub fn run(cli: Cli, command: Command) -> anyhow::Result<ExitCode> {
    let path = cli.db_path();
    let today = chrono::Local::now().date_naive();
    match command {
        Command::Demo { clients, seed } => {
            let mut db = open(&path)?;
            let s = crate::demo::generate(&mut db, clients, seed, today)?;
            println!(
                "{}",
                t::demo_summary(s.managers, s.clients, s.people, s.indicator_values)
            );
        }
        Command::Check => {
            let db = open(&path)?;
            let problems = storage::check_database(db.conn())?;
            if problems.is_empty() {
                println!("{}", t::check_ok(storage::count_clients(db.conn())?));
            } else {
                for p in &problems {
                    println!("{p}");
                }
                println!("{}", t::check_failed(problems.len()));
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Clients {
            command: ClientsCommand::List { json },
        } => {
            let db = open(&path)?;
            let rows = storage::list_clients(db.conn())?;
            if let Err(e) = print_clients(rows, json)
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
        }
        Command::Import {
            what: ImportCommand::Clients { file },
        } => {
            let mut db = open(&path)?;
            let report = crate::exchange::import_clients(&mut db, &file, None, today)?;
            for line in report.warnings.iter().chain(&report.rejected) {
                eprintln!("{line}");
            }
            println!("{}", report.summary());
            if !report.rejected.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Export {
            what: ExportCommand::Clients { file },
        } => {
            let db = open(&path)?;
            let n = crate::exchange::export_clients(&db, &file)?;
            println!("{}", t::exported(n));
        }
    }
    Ok(ExitCode::SUCCESS)
}
