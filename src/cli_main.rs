//! vipdesk-cli: the commands of vipdesk as a console program (on Windows, `cmd.exe` and
//! PowerShell wait for it, show its output and get its exit code); no subcommand prints the
//! help. See [`vipdesk::entry`].

fn main() -> std::process::ExitCode {
    vipdesk::entry::main(vipdesk::entry::Start::Help)
}
