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
    /// Reports of calls and meetings.
    Meetings {
        #[command(subcommand)]
        command: MeetingsCommand,
    },
    /// A report of a call or a meeting.
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// Reports for the head of the group.
    Report {
        #[command(subcommand)]
        what: ReportCommand,
    },
    /// What is due today for a manager (calls, meetings, next steps, birthdays).
    Today {
        /// The manager's id (default: everybody's clients).
        #[arg(long)]
        manager: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Outgoing letters.
    Letter {
        #[command(subcommand)]
        command: LetterCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeetingsCommand {
    /// Reports, newest first (with --json: one JSON object per line).
    List {
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Required vs held calls and meetings per manager and client, as a PDF.
    Contacts {
        /// 2026-Q4, 2026-11 or 2026.
        #[arg(long)]
        period: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Only this manager's clients.
        #[arg(long)]
        manager: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Write a report's PDF.
    Render {
        #[arg(long)]
        id: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// Write a letter's PDF (a draft shows blanks for its number and date).
    Render {
        #[arg(long)]
        id: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The outgoing register (with --json: one JSON object per line).
    List {
        #[arg(long)]
        json: bool,
    },
    /// One template to many clients: a registered letter per client, PDFs into a folder.
    Merge {
        /// The template code, e.g. tariff_change.
        #[arg(long)]
        template: String,
        /// all | manager:ID | district:NAME
        #[arg(long)]
        clients: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// One combined PDF instead of a file per letter.
        #[arg(long)]
        combined: bool,
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
fn client_line(r: &storage::ClientRow, json: bool) -> String {
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
                t::demo_summary(
                    s.managers,
                    s.clients,
                    s.people,
                    s.indicator_values,
                    s.letters,
                    s.reports
                )
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
            print_lines(rows.iter().map(|r| client_line(r, json)))?;
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
        Command::Letter { command } => return letter_command(&path, command, today),
        Command::Meetings {
            command: MeetingsCommand::List { client, json },
        } => {
            let db = open(&path)?;
            let rows = storage::list_meetings(db.conn(), client, None)?;
            let lines = rows.iter().map(|m| {
                if json {
                    serde_json::json!({
                        "id": m.id,
                        "client_id": m.client_id,
                        "kind": m.kind.code(),
                        "date": m.date.map(crate::domain::fmt::date),
                        "status": m.status.code(),
                        "topics": m.topics,
                        "version_of": m.version_of,
                    })
                    .to_string()
                } else {
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        m.id.unwrap_or_default(),
                        crate::domain::fmt::opt_date(m.date),
                        m.kind.label(),
                        m.status.label(),
                        m.client_id
                    )
                }
            });
            print_lines(lines)?;
        }
        Command::Meeting {
            command: MeetingCommand::Render { id, out },
        } => {
            let db = open(&path)?;
            let m = storage::get_meeting(db.conn(), id)?;
            let bytes = crate::reports::meeting_pdf(db.conn(), &m)?;
            std::fs::write(&out, bytes)
                .with_context(|| t::err_write_file(&out.display().to_string()))?;
            println!("{}", t::letter_written(&out.display().to_string()));
        }
        Command::Report {
            what:
                ReportCommand::Contacts {
                    period,
                    out,
                    manager,
                },
        } => {
            let period = crate::reports::Period::parse(&period)
                .ok_or_else(|| anyhow::anyhow!(t::BAD_PERIOD))?;
            let db = open(&path)?;
            let report = crate::reports::contact_report(db.conn(), &period, manager)?;
            let company = storage::load_company(db.conn())?;
            let bytes = crate::reports::contact_report_pdf(&report, &company)?;
            std::fs::write(&out, bytes)
                .with_context(|| t::err_write_file(&out.display().to_string()))?;
            for m in &report.managers {
                println!(
                    "{}\t{} %",
                    m.manager,
                    crate::domain::fmt::number(m.rate(), 0)
                );
            }
            println!("{}", t::letter_written(&out.display().to_string()));
        }
        Command::Today { manager, json } => {
            let db = open(&path)?;
            let t = crate::today::today(db.conn(), manager, today)?;
            if json {
                println!("{}", serde_json::to_string(&t)?);
            } else {
                print_lines(today_lines(&t).into_iter())?;
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

fn letter_command(
    path: &std::path::Path,
    command: LetterCommand,
    today: chrono::NaiveDate,
) -> anyhow::Result<ExitCode> {
    match command {
        LetterCommand::Render { id, out } => {
            let db = open(path)?;
            let letter = storage::get_letter(db.conn(), id)?;
            let bytes = crate::letters::letter_pdf(db.conn(), &letter)?;
            std::fs::write(&out, bytes)
                .with_context(|| t::err_write_file(&out.display().to_string()))?;
            println!("{}", t::letter_written(&out.display().to_string()));
        }
        LetterCommand::List { json } => {
            let db = open(path)?;
            let rows = storage::list_letters(db.conn(), &storage::LetterFilter::default())?;
            let lines = rows.iter().map(|r| {
                let l = &r.letter;
                if json {
                    serde_json::json!({
                        "id": l.id,
                        "number": l.number,
                        "date": l.reg_date.map(crate::domain::fmt::date),
                        "status": l.status.code(),
                        "client_id": l.client_id,
                        "client": r.client,
                        "heading": l.heading,
                        "template": l.template_code,
                        "version_of": l.version_of,
                    })
                    .to_string()
                } else {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        l.id.unwrap_or_default(),
                        if l.number.is_empty() {
                            "—"
                        } else {
                            &l.number
                        },
                        l.reg_date.map(crate::domain::fmt::date).unwrap_or_default(),
                        l.status.label(),
                        r.client,
                        l.heading
                    )
                }
            });
            print_lines(lines)?;
        }
        LetterCommand::Merge {
            template,
            clients,
            out,
            combined,
        } => {
            let selection = crate::letters::Selection::parse(&clients)
                .ok_or_else(|| anyhow::anyhow!(t::BAD_SELECTION))?;
            let mut db = open(path)?;
            let job = crate::letters::MergeJob {
                template_code: template,
                selection,
                out_dir: out,
                combined,
                today,
                author: None,
            };
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let report = crate::letters::merge(&mut db, &job, &|_, _| {}, &cancel)?;
            for (client, reason) in &report.skipped {
                eprintln!("{}", t::merge_skipped(client, reason));
            }
            println!(
                "{}",
                t::merge_summary(
                    report.letters.len(),
                    report.files.len(),
                    report.skipped.len()
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints lines, stopping quietly when the reader went away (`| head`).
fn print_lines(lines: impl Iterator<Item = String>) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    for line in lines {
        if let Err(e) = writeln!(out, "{line}") {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(());
            }
            return Err(e.into());
        }
    }
    Ok(())
}

/// «Сегодня» as text: one section per kind of duty.
fn today_lines(today: &crate::today::Today) -> Vec<String> {
    use crate::domain::fmt::date;
    let mut out = Vec::new();
    for (title, rows) in [
        (t::TODAY_CALLS, &today.calls),
        (t::TODAY_MEETINGS, &today.meetings),
    ] {
        out.push(title.to_string());
        out.extend(rows.iter().map(|c| {
            format!(
                "  {}\t{}\t{}",
                c.client,
                date(c.due),
                t::overdue(c.overdue_days)
            )
        }));
    }
    out.push(t::TODAY_STEPS.to_string());
    out.extend(today.steps.iter().map(|s| {
        format!(
            "  {}\t{}\t{}\t{}",
            s.client,
            s.text,
            date(s.due),
            t::overdue(s.overdue_days)
        )
    }));
    out.push(t::TODAY_BIRTHDAYS.to_string());
    out.extend(today.birthdays.iter().map(|b| {
        format!(
            "  {}\t{}\t{}\t{}",
            date(b.date),
            b.name,
            b.client,
            t::age(b.age, b.jubilee)
        )
    }));
    out
}
