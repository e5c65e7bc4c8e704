//! No text cut with no way to read it, at 1280×800 on the demo: on every screen no label runs
//! into another (a cell clipped by its column shows under its neighbour), and no field is too
//! narrow to read what it holds. A label cut with «…» shows whole on hover (egui's own tooltip).

use super::*;
use egui_kittest::kittest::{NodeT as _, by};

/// The labels (text, rect) of the screen, as a screen reader lists them.
fn labels(h: &H) -> Vec<(String, egui::Rect)> {
    h.query_all(by().role(Role::Label))
        .filter_map(|n| {
            let text = n.accesskit_node().label().or(n.accesskit_node().value())?;
            (!text.trim().is_empty()).then(|| (text, n.rect()))
        })
        .collect()
}

/// What is cut on the screen: labels running into each other, fields narrower than their text.
fn cut(h: &H) -> Vec<String> {
    let mut out = Vec::new();
    let all = labels(h);
    for (i, (a, ra)) in all.iter().enumerate() {
        for (b, rb) in &all[i + 1..] {
            // On one line (a row half hidden by its scroll area under the next section is
            // scrolled, not cut).
            let overlap = ra.intersect(*rb);
            let same_line = (ra.min.y - rb.min.y).abs() < 3.0;
            if same_line && overlap.width() > 2.0 && overlap.height() > 2.0 {
                out.push(format!("«{a}» {ra:?} runs into «{b}» {rb:?}"));
            }
        }
    }
    for n in h.query_all(by().role(Role::TextInput)) {
        let value = n.accesskit_node().value().unwrap_or_default();
        let width = n.rect().width();
        // About 7.5 points a character of the body font.
        if width < 120.0 && value.chars().count() as f32 * 7.5 > width + 8.0 {
            out.push(format!("a field of {width} points holds «{value}»"));
        }
    }
    out
}

#[test]
fn no_text_is_cut_on_any_screen_at_1280x800() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_file(dir.path(), 48);
    let head = head_of(&db);
    // A client with owners and VIP years, a report with next steps: the narrow fields show.
    let client = clients::service::list(&db)
        .expect("clients")
        .iter()
        .map(|c| c.id)
        .find(|id| {
            let d = clients::service::open(&db, *id).expect("dossier");
            !d.owners.is_empty() && !d.vip.is_empty()
        })
        .expect("a client with owners");
    let appeal = vipdesk::appeals::service::list(&db, &Default::default(), 10)
        .expect("appeals")
        .0
        .first()
        .map(|a| a.id)
        .expect("an appeal");
    let report = contacts::service::list(&db, None, None)
        .expect("reports")
        .iter()
        .filter_map(|r| r.id)
        .find(|id| {
            !contacts::service::open(&db, *id)
                .expect("r")
                .next_steps
                .is_empty()
        })
        .expect("a report with next steps");
    let letter = letters::service::list(&db, &Default::default()).expect("letters")[0]
        .letter
        .id
        .expect("a letter");
    use vipdesk::ui::clients::Tab;
    let mut screens = vec![
        Route::Today,
        Route::Clients,
        Route::Appeals,
        Route::Appeal(appeal),
        Route::Report(report),
        Route::Letters,
        Route::Letter(letter),
        Route::Merge,
        Route::Greetings,
        Route::GiftLimits,
        Route::Gifts,
        Route::ContactReport,
        Route::AppealReports,
        Route::AppealSettings,
        Route::Calendar,
        Route::Managers,
        Route::Catalogs,
        Route::Trash,
        Route::Journal,
        Route::Backups,
        Route::Settings,
    ];
    for tab in [
        Tab::Enterprise,
        Tab::Contacts,
        Tab::Vip,
        Tab::People,
        Tab::Owners,
        Tab::Services,
        Tab::Projects,
        Tab::Indicators,
        Tab::Records,
        Tab::Journal,
    ] {
        screens.push(Route::Client(client, tab));
    }
    let mut h = harness_sized(app_on(db, head, Route::Today), 1280.0, 800.0);
    let mut found = Vec::new();
    for route in screens {
        h.state_mut().open(route).expect("open");
        h.run();
        if route == Route::ContactReport {
            click_button(&mut h, t::BUILD_REPORT);
        }
        found.extend(cut(&h).into_iter().map(|c| format!("{route:?}: {c}")));
    }
    assert!(
        found.is_empty(),
        "{} cut:\n{}",
        found.len(),
        found.join("\n")
    );
}
