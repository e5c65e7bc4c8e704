//! vipdesk: no subcommand starts the GUI; otherwise the command line.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // What a command asks for is asked now, however long it then waits for the database.
    vipdesk::domain::clock::process_started();
    let mut cli = vipdesk::cli::parse();
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
    let result = match cli.command.take() {
        Some(command) => vipdesk::cli::run(cli, command),
        None => {
            let opts = vipdesk::ui::RunOptions {
                exit_after_first_frame: cli.exit_after_first_frame,
            };
            vipdesk::ui::run(cli.db_path(), opts, started).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {e:#}", vipdesk::words::ERROR_PREFIX);
            ExitCode::FAILURE
        }
    }
}
