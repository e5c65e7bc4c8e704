//! vipdesk: no subcommand starts the GUI; otherwise the command line (see [`vipdesk::entry`]).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    vipdesk::entry::main(vipdesk::entry::Start::Window)
}
