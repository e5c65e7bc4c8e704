//! The command line (clap), one file per area. Every command calls the same services as the
//! GUI; typed errors become Russian sentences here, at the edge.

mod admin;
mod appeals;
mod clients;
mod contacts;
mod greetings;
mod letters;
mod passphrase;
mod server;
mod sync;
mod viplist;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n as t;
use crate::storage::{self, Db};

#[derive(Debug, Parser)]
#[command(
    name = "vipdesk",
    version,
    about = crate::words::CLI_ABOUT,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// The database file (default: VIPDESK_DB, else vipdesk.db in the user's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Create the database file if it does not exist (otherwise a missing file is an error).
    #[arg(long, global = true)]
    pub create: bool,

    /// Who works: the manager's id (the password: VIPDESK_PASSWORD, else asked).
    #[arg(long, global = true, value_name = "ID")]
    pub user: Option<i64>,

    /// What draws the window: auto (wgpu, then glow, on Windows), wgpu or glow.
    #[arg(long, value_name = "RENDERER", value_parser = crate::ui::renderer::parse_choice)]
    pub renderer: Option<crate::ui::renderer::Choice>,

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
    /// Make a verified copy of the database (into its backups folder, or to --out).
    Backup {
        /// Where to write the copy (default: the backups folder beside the database).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The backups of the database.
    Backups {
        #[command(subcommand)]
        command: admin::BackupsCommand,
    },
    /// Replace the database's data with a verified copy (the current data is kept aside).
    Restore { file: PathBuf },
    /// Encrypt the database and its backups with a passphrase (VIPDESK_NEW_PASSPHRASE, or
    /// asked twice); on an encrypted database, change its passphrase.
    Encrypt {
        /// Delete the copies that stay plain because they cannot be read (damaged).
        #[arg(long)]
        remove_unreadable: bool,
    },
    /// Decrypt the database and its backups (the passphrase: VIPDESK_PASSPHRASE, or asked).
    Decrypt,
    /// Clients.
    Clients {
        #[command(subcommand)]
        command: clients::ClientsCommand,
    },
    /// Import data.
    Import {
        #[command(subcommand)]
        what: clients::ImportCommand,
    },
    /// Export data.
    Export {
        #[command(subcommand)]
        what: clients::ExportCommand,
    },
    /// Reports of calls and meetings.
    Meetings {
        #[command(subcommand)]
        command: contacts::MeetingsCommand,
    },
    /// A report of a call or a meeting.
    Meeting {
        #[command(subcommand)]
        command: contacts::MeetingCommand,
    },
    /// The department server.
    Server {
        #[command(subcommand)]
        command: server::ServerCommand,
    },
    /// Sync with the department server: send this workstation's changes, take in the others'.
    Sync {
        /// Another address of the server (kept for the next syncs).
        #[arg(long)]
        url: Option<String>,
        #[command(subcommand)]
        command: Option<sync::SyncCommand>,
    },
    /// Reports for the head of the group.
    Report {
        #[command(subcommand)]
        what: contacts::ReportCommand,
    },
    /// What is due today for a manager (calls, meetings, next steps, birthdays).
    Today {
        /// The manager's id (default: everybody's clients).
        #[arg(long)]
        manager: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Appeals and complaints.
    Appeals {
        #[command(subcommand)]
        command: appeals::AppealsCommand,
    },
    /// The production calendar: working days and legal terms.
    Calendar {
        #[command(subcommand)]
        command: appeals::CalendarCommand,
    },
    /// The greetings regulation: the schedule, the day a gift is handed over.
    Greetings {
        #[command(subcommand)]
        command: greetings::GreetingsCommand,
    },
    /// Gifts: the order's deadline.
    Gifts {
        #[command(subcommand)]
        command: greetings::GiftsCommand,
    },
    /// Outgoing letters.
    Letter {
        #[command(subcommand)]
        command: letters::LetterCommand,
    },
    /// The yearly VIP list.
    #[command(name = "vip-list")]
    VipList {
        #[command(subcommand)]
        command: viplist::VipListCommand,
    },
}

/// The command line as clap sees it, with every help text in Russian (from
/// [`crate::words::cli`]): headings, the help and version flags, each command and argument.
pub fn command() -> clap::Command {
    use clap::CommandFactory as _;
    localise(Cli::command(), "")
}

/// Parses the process's arguments with the Russian help; a mistake on the command line is told
/// in Russian (exit code 2; by the window program, also in a message box on Windows, where
/// it has no console), help and version printed as asked.
pub fn parse(window_program: bool) -> Cli {
    use clap::FromArgMatches as _;
    let parsed = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => match russian_error(&e) {
            Some(message) => {
                eprintln!("{}: {message}", t::ERROR_PREFIX);
                if window_program {
                    crate::entry::tell_in_a_box(&message);
                }
                std::process::exit(2)
            }
            None => e.exit(),
        },
    }
}

/// A clap error as a Russian sentence; `None` for help and version (clap prints them).
pub fn russian_error(e: &clap::Error) -> Option<String> {
    use crate::words::cli as w;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let usage = ctx(ContextKind::Usage)
        .trim_start_matches("Usage:")
        .trim()
        .to_string();
    let mut message = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::MissingRequiredArgument => w::missing_args(&ctx(ContextKind::InvalidArg)),
        ErrorKind::UnknownArgument => w::unknown_arg(&ctx(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => w::unknown_command(&ctx(ContextKind::InvalidSubcommand)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            let why = match source.and_then(|s| s.downcast_ref::<std::num::ParseIntError>()) {
                Some(p) if matches!(p.kind(), std::num::IntErrorKind::PosOverflow) => {
                    w::NUMBER_TOO_BIG.to_string()
                }
                Some(_) => w::NOT_A_WHOLE_NUMBER.to_string(),
                None => source.map(ToString::to_string).unwrap_or_default(),
            };
            w::bad_value(
                &ctx(ContextKind::InvalidValue),
                &ctx(ContextKind::InvalidArg),
                &why,
            )
        }
        ErrorKind::ArgumentConflict => w::arg_twice(&ctx(ContextKind::InvalidArg)),
        _ => w::bad_command_line(&e.kind().to_string()),
    };
    for suggestion in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg] {
        let s = ctx(suggestion);
        if !s.is_empty() {
            message = format!("{message}; {}", w::did_you_mean(&s));
        }
    }
    if !usage.is_empty() {
        message = format!("{message}\n{}", w::more_in_help(&usage));
    }
    Some(message)
}

fn localise(cmd: clap::Command, path: &str) -> clap::Command {
    use crate::words::cli as w;
    let mut cmd = cmd
        .help_template(w::HELP_TEMPLATE)
        .next_help_heading(None::<&str>)
        .subcommand_help_heading(w::COMMANDS_HEADING)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .help(w::HELP_FLAG)
                .action(clap::ArgAction::Help)
                .global(true),
        );
    if path.is_empty() {
        cmd = cmd.arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .help(w::VERSION_FLAG)
                .action(clap::ArgAction::Version),
        );
    }
    if let Some(h) = w::help(path.trim()) {
        cmd = cmd.about(h);
    }
    let args: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in args {
        let key = cmd
            .get_arguments()
            .find(|a| *a.get_id() == id)
            .map(arg_key)
            .unwrap_or_default();
        let full = format!("{path} {key}");
        let help = w::help(full.trim());
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                w::ARGS_HEADING
            } else {
                w::OPTIONS_HEADING
            };
            let a = a.help_heading(heading);
            // clap says «[default: 48]»: the default goes into the Russian help instead.
            let default: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            match (help, default.is_empty()) {
                (Some(h), true) => a.help(h),
                (Some(h), false) => a
                    .hide_default_value(true)
                    .help(w::with_default(h, &default.join(", "))),
                (None, _) => a,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| localise(s, sub_path.trim()));
    }
    cmd
}

/// How an argument is named in the help's paths: `--long`, else its value's name.
pub fn arg_key(a: &clap::Arg) -> String {
    match a.get_long() {
        Some(l) => format!("--{l}"),
        None => a.get_id().to_string(),
    }
}

impl Cli {
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(storage::default_db_path)
    }
}

/// Whether the window makes a missing database file: the default one on the first start, or
/// with --create; a path named on the command line (a shortcut) or in VIPDESK_DB that leads
/// nowhere is a typo, shown as such (and the backups of that path offered).
pub fn window_creates_db(create: bool, db_given: bool, db_in_env: bool) -> bool {
    create || !db_given && !db_in_env
}

/// The database a command works on: its path, and whether a missing file may be created.
pub struct Place {
    path: PathBuf,
    create: bool,
    user: Option<i64>,
}

impl Place {
    /// Who a writing command acts as: the user of `--user`, proven by the password
    /// (VIPDESK_PASSWORD, else asked) or the computer's account. Without `--user`: the user of
    /// the computer's account when the settings say so; the program itself while the
    /// department has no passwords yet; else refused, asking for `--user`.
    fn actor(&self, db: &mut Db) -> anyhow::Result<crate::domain::Actor> {
        use crate::admin::identity::{self, Ask, Proof};
        let Some(id) = self.user else {
            if let Some(actor) = identity::sign_in_by_os(db).map_err(t::err)? {
                return Ok(actor);
            }
            if identity::established(db).map_err(t::err)? {
                anyhow::bail!(crate::words::cli::USER_NEEDED);
            }
            return Ok(crate::domain::Actor::SYSTEM);
        };
        let actor = match identity::ask(db, id).map_err(t::err)? {
            Ask::Password => {
                let password = passphrase::user_password()?;
                let signed = identity::sign_in(db, id, Proof::Password(&password));
                // A wrong password costs a second: guessing from a script is slow.
                if matches!(signed, Err(identity::SignInError::WrongPassword)) {
                    std::thread::sleep(std::time::Duration::from_secs(1));
                }
                signed
            }
            Ask::OsAccount { account } => identity::sign_in(db, id, Proof::OsAccount(&account)),
            // Nobody has a password yet: nothing to prove against.
            Ask::NewPassword => crate::admin::service::manager(db, id)
                .map(|m| m.actor())
                .map_err(Into::into),
        };
        actor.map_err(t::err)
    }

    /// Who replaces, encrypts or decrypts the database: the head, proven like any user, once
    /// the department has passwords (a database that does not open is rescued by anyone).
    fn head_of_database(&self) -> anyhow::Result<crate::domain::Actor> {
        let Ok(mut db) = self.open() else {
            return Ok(crate::domain::Actor::SYSTEM);
        };
        let actor = self.actor(&mut db)?;
        actor
            .may(crate::domain::Duty::ManageDatabase)
            .map_err(|e| t::err(crate::storage::StorageError::from(e)))?;
        Ok(actor)
    }

    /// Opens the database for a command that shows or writes out what it holds: once users
    /// have passwords, the reader proves who they are as a writer does (`--user`).
    pub(crate) fn reader(&self) -> anyhow::Result<(Db, crate::domain::Actor)> {
        let mut db = self.readable()?;
        let actor = self.actor(&mut db)?;
        Ok((db, actor))
    }

    /// Opens the database to read it: where the file cannot be written (a folder without the
    /// right, a full disk), what it holds is still read.
    pub(crate) fn readable(&self) -> anyhow::Result<Db> {
        let key = self.key()?;
        match Db::open_keyed(&self.path, key.clone(), self.create) {
            Err(e) if e.cannot_write() => Db::open_for_reading(&self.path, key),
            opened => opened,
        }
        .map_err(|e| self.open_failed(e))
    }

    /// Opens the database: a missing file is an error unless `--create` was given.
    fn open(&self) -> anyhow::Result<Db> {
        self.open_as(self.create)
    }

    /// Opens the database, creating the file when it is missing (`demo`).
    fn open_or_create(&self) -> anyhow::Result<Db> {
        self.open_as(true)
    }

    /// The passphrase of the database (none for a plain one).
    fn key(&self) -> anyhow::Result<Option<storage::cipher::Passphrase>> {
        passphrase::current(&self.path)
    }

    fn open_as(&self, create: bool) -> anyhow::Result<Db> {
        let mut db =
            Db::open_keyed(&self.path, self.key()?, create).map_err(|e| self.open_failed(e))?;
        // A workstation of the department registers with the server's numbers when its
        // password is at hand (else from the blocks leased ahead).
        if let Ok(Some(state)) = storage::replica::state(db.conn())
            && let Some(password) = passphrase::known_server_password(&state.url, &state.login)
        {
            db.set_numbers(std::sync::Arc::new(
                crate::server::sync::ServerNumbers::new(&state, &password),
            ));
        }
        Ok(db)
    }

    /// Why the database did not open, naming its path.
    fn open_failed(&self, e: storage::StorageError) -> anyhow::Error {
        match e {
            // The message names the path itself.
            e @ storage::StorageError::Missing(_) => t::err(e),
            e => t::err(e).context(t::err_open_db(&self.path.display().to_string())),
        }
    }
}

/// Runs a subcommand; the exit code says whether it fully succeeded.
pub fn run(cli: Cli, command: Command) -> anyhow::Result<ExitCode> {
    let place = &Place {
        path: cli.db_path(),
        create: cli.create,
        user: cli.user,
    };
    let out = &mut Out::default();
    let code = match command {
        Command::Demo { clients, seed } => admin::demo(place, clients, seed, out)?,
        Command::Check => admin::check(place, out)?,
        Command::Server { command } => server::server(place, command, out)?,
        Command::Sync { url, command } => sync::sync(place, url, command, out)?,
        Command::Backup { out: file } => admin::backup(place, file.as_deref(), out)?,
        Command::Backups { command } => admin::backups(place, command, out)?,
        Command::Restore { file } => admin::restore(place, &file, out)?,
        Command::Encrypt { remove_unreadable } => admin::encrypt(place, remove_unreadable, out)?,
        Command::Decrypt => admin::decrypt(place, out)?,
        Command::Clients { command } => clients::clients(place, command, out)?,
        Command::Import { what } => clients::import(place, what, out)?,
        Command::Export { what } => clients::export(place, what, out)?,
        Command::Meetings { command } => contacts::meetings(place, command, out)?,
        Command::Meeting { command } => contacts::meeting(place, command, out)?,
        Command::Report { what } => contacts::report(place, what, out)?,
        Command::Today { manager, json } => contacts::today(place, manager, json, out)?,
        Command::Letter { command } => letters::letter(place, command, out)?,
        Command::Appeals { command } => appeals::appeals(place, command, out)?,
        Command::Calendar { command } => appeals::calendar_command(place, command, out)?,
        Command::Greetings { command } => greetings::greetings(place, command, out)?,
        Command::Gifts { command } => greetings::gifts(place, command, out)?,
        Command::VipList { command } => viplist::vip_list(place, command, out)?,
    };
    Ok(code)
}

/// Standard output that stops quietly when the reader went away (`vipdesk today | head -1`):
/// the rest of the lines are dropped, the command still succeeds.
#[derive(Default)]
struct Out {
    closed: bool,
}

impl Out {
    fn line(&mut self, line: impl std::fmt::Display) -> anyhow::Result<()> {
        if self.closed {
            return Ok(());
        }
        let mut stdout = std::io::stdout().lock();
        // Shown, not obeyed: an escape sequence that came in with an e-mail prints as text.
        let line = line.to_string();
        let line = crate::domain::text::terminal_safe(&line);
        match writeln!(stdout, "{line}").and_then(|()| stdout.flush()) {
            Err(e) if crate::entry::closed_pipe(&e) => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(anyhow::anyhow!(crate::words::cli::err_stdout(
                &crate::i18n::io(&e)
            ))),
            Ok(()) => Ok(()),
        }
    }

    fn lines(&mut self, lines: impl IntoIterator<Item = String>) -> anyhow::Result<()> {
        for l in lines {
            self.line(l)?;
            if self.closed {
                break;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_makes_only_the_default_database_unless_asked() {
        assert!(super::window_creates_db(false, false, false));
        assert!(!super::window_creates_db(false, true, false));
        assert!(!super::window_creates_db(false, false, true));
        assert!(super::window_creates_db(true, true, false));
    }

    /// Every command and argument has its Russian help: none falls back to the English doc
    /// comment.
    #[test]
    fn every_command_and_argument_has_russian_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if !path.is_empty() && crate::words::cli::help(path).is_none() {
                missing.push(path.to_string());
            }
            for a in cmd.get_arguments() {
                let key = super::arg_key(a);
                if key == "--help" || key == "--version" || a.is_hide_set() {
                    continue;
                }
                let full = format!("{path} {key}");
                if crate::words::cli::help(full.trim()).is_none() {
                    missing.push(full.trim().to_string());
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, format!("{path} {}", s.get_name()).trim(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&super::command(), "", &mut missing);
        assert!(
            missing.is_empty(),
            "no Russian help for:\n{}",
            missing.join("\n")
        );
    }
}
