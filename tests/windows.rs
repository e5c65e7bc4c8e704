//! What a Windows PC asks of the program that can be checked here: every file name the program
//! makes is one Windows can hold, whatever the user typed into the pieces it is made of; the
//! `letter print` command hands the letter's PDF to the system's printing (`lp` here, the
//! shell's «print» verb on Windows — that path runs in `packaging/windows/smoke-test.sh`).

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use vipdesk::domain::text::{RESERVED, safe_file_name};
use vipdesk::letters::compose;
use vipdesk::letters::model::Letter;

use crate::common::{self, stderr, stdout};

/// Why Windows would refuse `name` as a file name, if it would.
fn windows_refuses(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("empty".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| "<>:\"/\\|?*".contains(*c) || u32::from(*c) < 0x20)
    {
        return Some(format!("character {c:?}"));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("ends with a dot or a space".into());
    }
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.contains(&stem.to_lowercase().as_str()) {
        return Some(format!("device name {stem:?}"));
    }
    if name.encode_utf16().count() > 255 {
        return Some("longer than 255 UTF-16 units".into());
    }
    None
}

#[test]
fn the_names_windows_reserves_are_refused_by_the_check_itself() {
    for bad in [
        "a:b",
        "CON",
        "con.txt",
        "COM¹.pdf",
        "lpt0",
        "x.",
        "x ",
        "a\u{1}b",
        "a|b",
    ] {
        assert!(windows_refuses(bad).is_some(), "{bad}");
    }
    for good in ["Исх_VIP-24_АО_Орелводоканал.pdf", "console.txt", "com10"] {
        assert_eq!(windows_refuses(good), None, "{good}");
    }
}

#[test]
fn names_from_outside_become_names_windows_holds() {
    for (name, fallback) in [
        ("COM¹.pdf", "x"),
        ("lpt0", "x"),
        ("nul .txt", "x"),
        (" .. ", "вложение-1"),
    ] {
        let safe = safe_file_name(name, fallback);
        assert_eq!(windows_refuses(&safe), None, "{name:?} → {safe:?}");
    }
    // Cut to its length at a dot, with no extension to keep: no trailing dot.
    let long = format!("{}.{}", "а".repeat(99), "б".repeat(30));
    let safe = safe_file_name(&long, "x");
    assert_eq!(windows_refuses(&safe), None, "{safe:?}");
}

#[test]
fn the_fixed_names_the_program_offers_are_valid_on_windows() {
    use vipdesk::words as w;
    let week = "2026-W49";
    let names = [
        w::clients::EXPORT_FILE_NAME.to_string(),
        w::clients::CLIENTS_XLSX_NAME.to_string(),
        w::clients::TIMELINE_XLSX_NAME.to_string(),
        w::appeals::memo_file_name(week),
        w::appeals::APPEALS_XLSX_FILE.to_string(),
        w::appeals::ORIGINAL_EMAIL.to_string(),
        w::appeals::STATS_FILE.to_string(),
        w::letters::COURIER_SHEET_FILE.to_string(),
        w::letters::LETTERS_XLSX_NAME.to_string(),
        w::contacts::report_file_name("monthly_call", "08.12.2026"),
        w::contacts::report_file_name("quarterly_meeting", "—"),
        w::contacts::CONTACT_REPORT_FILE.to_string(),
        w::greetings::SCHEDULE_PDF_NAME.to_string(),
        w::greetings::SCHEDULE_XLSX_NAME.to_string(),
        w::greetings::ORDER_PDF_NAME.to_string(),
        w::greetings::CARD_NAME.to_string(),
    ];
    for name in names {
        assert_eq!(windows_refuses(&name), None, "{name:?}");
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 8).expect("a date")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_name_from_outside_is_made_valid(name in any::<String>()) {
        let safe = safe_file_name(&name, "вложение-1");
        prop_assert_eq!(windows_refuses(&safe), None, "{:?} → {:?}", name, safe);
    }

    #[test]
    fn any_letter_and_merge_name_is_valid(
        number in any::<String>(),
        client in any::<String>(),
        code in any::<String>(),
    ) {
        let letter = Letter { number: number.clone(), ..Letter::default() };
        let name = compose::pdf_file_name(&letter, &client);
        prop_assert_eq!(windows_refuses(&name), None, "{:?}", name);
        let name = compose::merge_file_name(&code, day(), &number, &client);
        prop_assert_eq!(windows_refuses(&name), None, "{:?}", name);
    }

    #[test]
    fn hostile_pieces_of_a_name_stay_valid(
        number in "[ .:/\\\\*?\"<>|a-zA-Zа-яА-Я0-9\u{202e}]{0,80}",
        client in "(CON|COM¹|lpt1|[ .:*?a-zA-Zа-я«»]){0,40}",
    ) {
        let letter = Letter { number: number.clone(), ..Letter::default() };
        let name = compose::pdf_file_name(&letter, &client);
        prop_assert_eq!(windows_refuses(&name), None, "{:?}", name);
        let name = compose::merge_file_name(&client, day(), &number, &number);
        prop_assert_eq!(windows_refuses(&name), None, "{:?}", name);
    }
}

/// A stand-in for CUPS's `lp`: copies the file it is given into `printed.pdf` beside itself.
#[cfg(unix)]
fn fake_lp(dir: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    let script = dir.join("lp");
    let target = dir.join("printed.pdf");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor a; do f=\"$a\"; done\ncp \"$f\" '{}'\n",
            target.display()
        ),
    )
    .expect("write lp");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod lp");
}

#[cfg(unix)]
#[test]
fn letter_print_hands_the_letters_pdf_to_the_printer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("демо база.db");
    common::demo_db(&db, 12);
    let listed = common::vipdesk(&db, &["letter", "list", "--json"]);
    let first: serde_json::Value = serde_json::from_str(
        stdout(&listed)
            .lines()
            .find(|l| l.contains("\"number\":\"VIP-"))
            .expect("a registered letter"),
    )
    .expect("json");
    let id = first["id"].as_i64().expect("an id").to_string();

    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("bin");
    fake_lp(&bin);
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let printed = std::process::Command::new(env!("CARGO_BIN_EXE_vipdesk"))
        .args(["--db".as_ref(), db.as_os_str()])
        .args(["letter", "print", "--id", &id])
        .env("PATH", &path)
        .env_remove("VIPDESK_DB")
        .output()
        .expect("run");
    assert!(printed.status.success(), "{}", stderr(&printed));
    assert_eq!(
        stdout(&printed).trim(),
        vipdesk::words::letters::SENT_TO_PRINT
    );
    let pdf = std::fs::read(bin.join("printed.pdf")).expect("the printer got a file");
    assert!(pdf.starts_with(b"%PDF"), "a PDF went to the printer");
    let number = first["number"].as_str().expect("a number");
    let text = common::pdf_text(&pdf);
    assert!(text.contains(number), "the letter № {number} was printed");

    let missing = common::vipdesk(&db, &["letter", "print", "--id", "999999"]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("999999"), "{}", stderr(&missing));
}
