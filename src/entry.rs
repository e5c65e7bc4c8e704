//! The program's entry, shared by its two executables: `vipdesk` (the window, or a command
//! when one is given) and `vipdesk-cli` (commands only, built for the console so that a
//! Windows console waits for it, shows what it prints and gets its exit code; the `vipdesk`
//! executable of a Windows release is a window program that a console does not wait for).

use std::process::ExitCode;

/// What the executable starts with no command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The window.
    Window,
    /// The help of the commands (a console program opens no window).
    Help,
}

/// The reader of the output is gone: a closed pipe (on Windows also «the pipe is not
/// connected», error 233, what a console's `| more` leaves).
pub(crate) fn closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe || cfg!(windows) && e.raw_os_error() == Some(233)
}

/// Why the window did not open, for a window program on Windows: it has no console to print
/// to, so the reason is shown in a message box (elsewhere stderr, already printed, is enough).
pub(crate) fn tell_in_a_box(text: &str) {
    if cfg!(windows) {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title(crate::words::WINDOW_DID_NOT_OPEN)
            .set_description(crate::domain::fmt::capitalize(text))
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}

/// Runs the program as its executable was started.
pub fn main(start: Start) -> ExitCode {
    let started = std::time::Instant::now();
    // What a command asks for is asked now, however long it then waits for the database.
    crate::domain::clock::process_started();
    let mut cli = crate::cli::parse(start == Start::Window);
    // A command says what happened itself, in Russian; its log is for RUST_LOG only. The window
    // logs warnings (nobody reads its stderr but a developer).
    let quiet = if cli.command.is_some() {
        "off"
    } else {
        "warn,winit=error"
    };
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or(quiet))
        // The PostgreSQL client logs each statement's parameters (a client's fields) at debug
        // level: whatever RUST_LOG asks, no more than its warnings.
        .filter_module("tokio_postgres", log::LevelFilter::Warn)
        .filter_module("postgres", log::LevelFilter::Warn)
        // The migration runner logs each migration's SQL, shipped letter texts included: no
        // more than its notes when a developer asks (RUST_LOG), nothing a user reads otherwise.
        .filter_module(
            "rusqlite_migration",
            if std::env::var_os("RUST_LOG").is_some() {
                log::LevelFilter::Info
            } else {
                log::LevelFilter::Warn
            },
        )
        .init();
    let window = cli.command.is_none() && start == Start::Window;
    let result = match cli.command.take() {
        Some(command) => crate::cli::run(cli, command),
        None if start == Start::Help => crate::cli::command()
            .print_help()
            .map(|()| ExitCode::SUCCESS)
            .map_err(anyhow::Error::from),
        None => {
            let opts = crate::ui::RunOptions {
                exit_after_first_frame: cli.exit_after_first_frame,
                renderer: cli.renderer.unwrap_or_default(),
                create: crate::cli::window_creates_db(
                    cli.create,
                    cli.db.is_some(),
                    std::env::var_os("VIPDESK_DB").is_some_and(|v| !v.is_empty()),
                ),
            };
            crate::ui::run(cli.db_path(), opts, started).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        // The reader of the output went away (`| head`): nothing more to say to anyone.
        Err(e)
            if e.chain()
                .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(closed_pipe)) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e:#}", crate::words::ERROR_PREFIX);
            if window {
                tell_in_a_box(&format!("{e:#}"));
            }
            ExitCode::FAILURE
        }
    }
}
