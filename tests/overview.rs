//! «Сегодня» is one list for the window and the command line: the same sections with the
//! same counts for a manager, the head of the group and everybody's clients, each feature's
//! part present; a part that cannot be built is named and the rest is shown.

use std::collections::BTreeMap;

use crate::common::{self, stderr, stdout, vipdesk};
use vipdesk::domain::{Id, Role};
use vipdesk::storage::Db;
use vipdesk::ui::{App, Prefs, Route};

/// Every section «Сегодня» has, whoever looks.
const KEYS: [&str; 12] = [
    "reports_to_review",
    "appeals_overdue",
    "appeals_due_soon",
    "appeals_unregistered",
    "gift_deliveries",
    "gift_orders",
    "greetings",
    "calls",
    "meetings",
    "steps",
    "birthdays",
    "surveys_due",
];

/// `vipdesk today --json` as section → count.
fn cli_counts(db: &std::path::Path, manager: Option<Id>) -> BTreeMap<String, usize> {
    let id = manager.map(|m| m.to_string());
    let mut args = vec!["today", "--json"];
    if let Some(id) = &id {
        args.extend(["--manager", id]);
    }
    let o = vipdesk(db, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("one JSON object");
    v.as_object()
        .expect("object")
        .iter()
        .filter_map(|(k, v)| v.as_array().map(|a| (k.clone(), a.len())))
        .collect()
}

/// The window's «Сегодня» for `user` as section → count, with the navigation's badge.
fn window_counts(db: &std::path::Path, user: Option<Id>) -> (BTreeMap<String, usize>, usize) {
    let db = Db::open_existing(db).expect("db");
    let mut app = App::with_reads(db, Prefs::default(), false).expect("app");
    app.set_user(user).expect("user");
    app.open(Route::Today).expect("today");
    let today = &app.features.overview.today;
    assert!(today.failed.is_empty(), "{:?}", today.failed);
    let counts = today
        .sections
        .iter()
        .map(|s| (s.key.to_string(), s.lines.len()))
        .collect();
    (counts, today.count())
}

#[test]
fn the_window_and_the_command_line_show_the_same_today() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 48);
    let managers = {
        let db = Db::open_existing(&path).expect("db");
        vipdesk::admin::service::managers(&db).expect("managers")
    };
    let head = managers
        .iter()
        .find(|m| m.role == Role::GroupHead)
        .and_then(|m| m.id)
        .expect("the demo has a head of the group");
    let manager = managers
        .iter()
        .find(|m| m.role == Role::Manager)
        .and_then(|m| m.id)
        .expect("a manager");
    let mut totals = BTreeMap::new();
    // Before anyone signs in, the window shows nobody's day.
    let (nobody, badge) = window_counts(&path, None);
    assert!(nobody.is_empty() && badge == 0, "{nobody:?}");
    for user in [Some(manager), Some(head), None] {
        let cli = cli_counts(&path, user);
        if user.is_some() {
            let (window, badge) = window_counts(&path, user);
            assert_eq!(cli, window, "{user:?}");
            assert_eq!(badge, cli.values().sum::<usize>(), "{user:?}");
        }
        let keys: Vec<&str> = cli.keys().map(String::as_str).collect();
        // Only the head of the group accepts reports.
        let mut expected: Vec<&str> = KEYS
            .iter()
            .copied()
            .filter(|k| *k != "reports_to_review" || user == Some(head))
            .collect();
        expected.sort_unstable();
        assert_eq!(keys, expected, "{user:?}");
        totals.insert(format!("{user:?}"), cli);
    }
    // The demo has work in every part: appeals overdue, greetings of the week, calls owed,
    // and the head has reports to accept.
    let all = &totals["None"];
    assert!(all["appeals_overdue"] > 0, "{all:?}");
    assert!(all["calls"] > 0, "{all:?}");
    let head_view = &totals[&format!("{:?}", Some(head))];
    assert!(head_view["reports_to_review"] > 0, "{head_view:?}");
    let mine = &totals[&format!("{:?}", Some(manager))];
    assert!(
        !mine.contains_key("reports_to_review"),
        "a manager accepts no reports"
    );
    assert!(
        mine["appeals_overdue"] <= all["appeals_overdue"] && mine["calls"] <= all["calls"],
        "{mine:?} {all:?}"
    );
}

/// The text of `vipdesk today` has every section's title with its count.
#[test]
fn today_as_text_names_every_section_with_its_count() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 48);
    let counts = cli_counts(&path, None);
    let o = vipdesk(&path, &["today"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for (title, key) in [
        (vipdesk::words::TODAY_APPEALS_OVERDUE, "appeals_overdue"),
        (vipdesk::words::TODAY_GREETINGS, "greetings"),
        (vipdesk::words::TODAY_CALLS, "calls"),
        (vipdesk::words::TODAY_BIRTHDAYS, "birthdays"),
    ] {
        let line = vipdesk::words::section_title(title, counts[key]);
        assert!(text.lines().any(|l| l == line), "{line}\n{text}");
    }
    // An unknown manager is an error, not everybody's list.
    let o = vipdesk(&path, &["today", "--manager", "99999"]);
    assert!(!o.status.success());
}

/// A part whose setting does not read is named, with the setting; the other parts are shown
/// in the window and printed by the command line, which exits with 1.
#[test]
fn a_part_that_cannot_be_built_is_named_and_the_rest_is_shown() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("v.db");
    common::demo_db(&path, 12);
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute(
            "UPDATE settings SET value = json_set(value, '$.call_before', 1200) WHERE key = 'greetings'",
            [],
        )
        .expect("damaged");
    let o = vipdesk(&path, &["today", "--json"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("Регламент поздравлений"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert!(v.get("calls").is_some() && v.get("appeals_overdue").is_some());
    assert!(v.get("greetings").is_none());
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(1));

    let db = Db::open_existing(&path).expect("db");
    let head = vipdesk::admin::service::managers(&db)
        .expect("managers")
        .into_iter()
        .find(|m| m.role == Role::GroupHead)
        .and_then(|m| m.id);
    let mut app = App::with_reads(db, Prefs::default(), false).expect("the window opens");
    app.set_user(head).expect("head");
    let today = &app.features.overview.today;
    assert_eq!(today.failed.len(), 1);
    assert!(today.section("calls").is_some());
}

/// A birthday is a jubilee on «Сегодня» when the greetings regulation says so — the same as
/// the greetings of the week — not by a rule of its own.
#[test]
fn a_jubilee_on_today_follows_the_regulation() {
    use vipdesk::clients::{self, Client, Dossier, Person};
    use vipdesk::domain::Actor;
    let (mut db, _) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    // Turns 55 within the fortnight of «Сегодня» (25.11.2026).
    let d = Dossier {
        client: Client {
            short_name: "АО «Юбилейное»".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        people: vec![Person {
            surname: "Белов".into(),
            name: "Сергей".into(),
            patronymic: "Петрович".into(),
            position: "Генеральный директор".into(),
            category: Some(1),
            birthday: Some(common::d(1971, 12, 1)),
            ..Default::default()
        }],
        ..Default::default()
    };
    clients::service::save(&mut db, &Actor::SYSTEM, &d).expect("client");
    let jubilee = |db: &Db| -> bool {
        let t = vipdesk::overview::today(db, &Actor::SYSTEM, common::today());
        let b = &t.section("birthdays").expect("birthdays").lines;
        assert_eq!(b.len(), 1);
        b[0].json["jubilee"].as_bool().expect("flag")
    };
    assert!(jubilee(&db), "55 is a jubilee by the shipped regulation");
    let reg = vipdesk::greetings::Regulation {
        jubilee_from: 56,
        jubilee_every: 3,
        ..Default::default()
    };
    vipdesk::greetings::service::set_regulation(&mut db, &Actor::SYSTEM, &reg).expect("set");
    assert!(!jubilee(&db), "not by this one");
}
