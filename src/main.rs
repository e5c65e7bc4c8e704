//! vipdesk: no subcommand starts the GUI; otherwise the command line.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,winit=error"))
        .init();
    let mut cli = vipdesk::cli::Cli::parse();
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
