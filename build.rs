//! Build script: a build stamp for «О программе» and, when building for Windows, the icon and
//! version resource of the executable.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
}

fn main() {
    let commit = git(&["rev-parse", "--short=10", "HEAD"]).unwrap_or_else(|| "без git".into());
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some();
    // The moment of the build, not of any business: the app's Clock does not exist here.
    #[allow(clippy::disallowed_methods)]
    let date = chrono::Utc::now().format("%d.%m.%Y %H:%M UTC");
    let profile = std::env::var("PROFILE").unwrap_or_default();
    println!(
        "cargo:rustc-env=VIPDESK_BUILD_STAMP={commit}{} от {date} ({profile})",
        if dirty { "+изменения" } else { "" }
    );
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/index");
    println!("cargo:rerun-if-changed=assets/icon.ico");

    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icon.ico")
            .set("ProductName", "vipdesk")
            .set("FileDescription", "vipdesk — рабочее место VIP-менеджера")
            .set("CompanyName", "ОАО «Орелэнергосбыт»")
            .set("LegalCopyright", "ОАО «Орелэнергосбыт»");
        if let Err(e) = res.compile() {
            println!("cargo:warning=Windows resource not compiled: {e}");
        }
    }
}
