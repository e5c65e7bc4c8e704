//! The shape of the code, checked where clippy cannot scope a rule: SQL only in stores and
//! `storage/`, no file I/O or colours in the screens, the domain and the storage free of
//! words, the words free of features, no silent defaults for unknown codes, a small shell.
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, with its path relative to `src/` (forward slashes) and its
/// text without the `#[cfg(test)]` module at the end, if any.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("src") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            let code = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            let rel = p
                .strip_prefix(&src)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, code)
        })
        .collect()
}

/// The lines of `code` that contain any of `needles`, outside comments.
fn hits(code: &str, needles: &[&str]) -> Vec<String> {
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter(|l| needles.iter().any(|n| l.contains(n)))
        .map(|l| l.trim().to_string())
        .collect()
}

fn check(rule: &str, offenders: Vec<String>) {
    assert!(offenders.is_empty(), "{rule}:\n{}", offenders.join("\n"));
}

#[test]
fn sql_runs_only_in_stores_and_storage() {
    let sql = [
        ".execute(",
        ".prepare(",
        ".prepare_cached(",
        ".query_row(",
        ".execute_batch(",
        "SELECT ",
        "UPDATE ",
        "INSERT INTO",
    ];
    let mut offenders = Vec::new();
    for (path, code) in sources() {
        let allowed = path.ends_with("store.rs") || path.starts_with("storage/");
        if !allowed {
            offenders.extend(
                hits(&code, &sql)
                    .into_iter()
                    .map(|l| format!("{path}: {l}")),
            );
        }
    }
    check("SQL outside a store", offenders);
}

#[test]
fn the_gui_and_the_command_line_call_services_only() {
    let mut offenders = Vec::new();
    for (path, code) in sources()
        .into_iter()
        .filter(|(p, _)| p.starts_with("ui/") || p.starts_with("cli/"))
    {
        offenders.extend(
            hits(&code, &["store::", "store as ", "rusqlite"])
                .into_iter()
                .map(|l| format!("{path}: {l}")),
        );
    }
    check("a store or SQLite reached past the services", offenders);
}

#[test]
fn screens_do_no_file_io_and_take_colours_from_the_theme() {
    let mut offenders = Vec::new();
    for (path, code) in sources().into_iter().filter(|(p, _)| p.starts_with("ui/")) {
        offenders.extend(
            hits(
                &code,
                &["std::fs", "File::open", "File::create", "open::that"],
            )
            .into_iter()
            .map(|l| format!("{path}: {l}")),
        );
        if path != "ui/theme.rs" {
            offenders.extend(
                hits(&code, &["Color32::"])
                    .into_iter()
                    .map(|l| format!("{path}: {l}")),
            );
        }
    }
    check("file I/O or a colour in the UI", offenders);
}

#[test]
fn the_domain_and_the_storage_know_no_words_and_the_words_no_feature() {
    let mut offenders = Vec::new();
    for (path, code) in sources() {
        let layer_ok = if path.starts_with("domain/") || path.starts_with("storage/") {
            hits(&code, &["i18n", "words::", "crate::ui", "egui"]).is_empty()
        } else if path.starts_with("words/") {
            code.lines()
                .filter(|l| l.contains("crate::"))
                .all(|l| l.contains("crate::domain::fmt"))
        } else if [
            "clients/",
            "letters/",
            "contacts/",
            "admin/",
            "pdf/",
            "appeals/",
            "calendar/",
            "greetings/",
        ]
        .iter()
        .any(|f| path.starts_with(f))
        {
            // Features take their document words from `words`, never the edge's `i18n`.
            hits(&code, &["crate::i18n", "crate::ui", "egui::"]).is_empty()
        } else {
            true
        };
        if !layer_ok {
            offenders.push(path);
        }
    }
    check("a layer importing what it must not", offenders);
}

#[test]
fn unknown_codes_are_errors_and_errors_are_types() {
    let mut offenders = Vec::new();
    for (path, code) in sources() {
        for l in hits(&code, &["from_code("]) {
            if l.contains("unwrap_or") {
                offenders.push(format!("{path}: {l}"));
            }
        }
        let core = [
            "domain/",
            "storage/",
            "clients/",
            "letters/",
            "contacts/",
            "admin/",
            "pdf/",
            "appeals/",
            "calendar/",
            "greetings/",
        ]
        .iter()
        .any(|f| path.starts_with(f));
        if core {
            for l in hits(&code, &[", String>", "Other(String)"]) {
                if l.contains("Result<") || l.contains("Other(") {
                    offenders.push(format!("{path}: {l}"));
                }
            }
        }
    }
    check("a silent default or a string error", offenders);
}

#[test]
fn writes_are_stamped_by_the_write_path_only() {
    let mut offenders = Vec::new();
    for (path, code) in sources() {
        offenders.extend(
            hits(
                &code,
                &["author: Option<Id>", "now_stamp", "Local::now", "Utc::now"],
            )
            .into_iter()
            .filter(|_| path != "domain/clock.rs")
            .map(|l| format!("{path}: {l}")),
        );
    }
    check("a write stamped outside Db::write", offenders);
}

#[test]
fn the_shell_stays_small() {
    let app = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/app.rs"))
        .expect("app.rs");
    let lines = app.lines().count();
    assert!(lines <= 400, "src/ui/app.rs has {lines} lines");
}
