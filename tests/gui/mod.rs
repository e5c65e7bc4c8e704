//! GUI flows driven headless with egui_kittest, as a manager would click through them.

use crate::common;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use vipdesk::domain::{Actor, Id};
use vipdesk::i18n::{self as t, Label};
use vipdesk::letters::LetterStatus;
use vipdesk::storage::Db;
use vipdesk::ui::{App, Command, Prefs, Route};
use vipdesk::{admin, clients, contacts, letters};

mod admin_screens;
mod annual_screens;
mod appeal_screens;
mod client_screens;
mod clipping;
mod contact_screens;
mod greeting_screens;
mod letter_screens;
mod role_screens;
mod server_screens;
mod shell;
mod small_screens;

pub type H = Harness<'static, App>;

pub fn harness(app: App) -> H {
    Harness::builder()
        .with_size(egui::vec2(1500.0, 1300.0))
        .with_max_steps(20)
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app)
}

/// The app over `db`, with `user` working, on `route`.
pub fn app_on(db: Db, user: Option<Id>, route: Route) -> App {
    let mut app = App::with_reads(db, Prefs::default(), false).expect("app");
    app.set_user(user).expect("user");
    app.open(route).expect("route");
    app
}

/// An app over an in-memory database with one manager who is the current user.
pub fn app_with_manager() -> (App, Id) {
    let (mut db, _) = common::db();
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    // The client list, as after a click on «Клиенты» (the app opens on «Сегодня»).
    (app_on(db, Some(me), Route::Clients), me)
}

pub fn dossier_client(h: &H) -> Option<Id> {
    h.state()
        .features
        .clients
        .dossier
        .as_ref()
        .and_then(|d| d.client_id())
}

pub fn input<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::TextInput, label)
}

/// Clicks a text field and types into it.
pub fn type_into(h: &mut H, label: &str, text: &str) {
    input(h, label).click();
    h.run();
    input(h, label).type_text(text);
    h.run();
}

/// Signs in on «Кто работает?» with `password`: the first password of the workstation (typed
/// twice) when nobody has one yet, else the user's own.
pub fn sign_in_with(h: &mut H, password: &str) {
    let first = matches!(
        h.state().sign_in.chosen,
        Some((_, Ok(vipdesk::admin::identity::Ask::NewPassword)))
    );
    let field = if first { t::NEW_PASSWORD } else { t::PASSWORD };
    let mut fields = vec![field];
    if first {
        fields.push(t::REPEAT_PASSWORD);
    }
    for f in fields {
        h.get_by_role_and_label(Role::PasswordInput, f).click();
        h.run();
        h.get_by_role_and_label(Role::PasswordInput, f)
            .type_text(password);
        h.run();
    }
    click_button(h, t::SIGN_IN);
}

/// Whether the widget labelled `label` is shown disabled.
pub fn is_disabled(h: &H, label: &str) -> bool {
    use egui_kittest::kittest::NodeT as _;
    h.get_by_label(label).accesskit_node().is_disabled()
}

/// Clears a focused text field by pressing Backspace.
pub fn clear_field(h: &mut H, label: &str) {
    input(h, label).click();
    h.run();
    let n = input(h, label).value().map_or(0, |v| v.chars().count());
    for _ in 0..n {
        h.key_press(egui::Key::Backspace);
    }
    h.key_press(egui::Key::End);
    for _ in 0..n {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
}

pub fn click_button(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// Clicks the button whose label starts with `prefix` (a label with a count in it).
pub fn click_button_starting(h: &mut H, prefix: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(prefix)))
        .click();
    h.run();
}

/// Starts a merge of the tariff notice from the screen: the date it asks for, then the
/// confirmation of its recipients.
pub fn start_tariff_merge(h: &mut H, button: &str) {
    type_into(h, vipdesk::words::FIELD_DATE, "1.1.27");
    click_button(h, button);
    // Nothing is registered before the user confirms the recipients.
    assert!(h.state().features.letters.merge.run.is_none());
    assert!(h.state().features.letters.merge.confirm.is_some());
    h.get_by_label_contains("Проверьте список");
    click_button_starting(h, "Зарегистрировать ");
}

pub fn clients_in_db(h: &H) -> i64 {
    clients::service::count(&h.state().db).expect("count")
}

pub fn harness_sized(app: App, w: f32, h: f32) -> H {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(20)
        .with_context_setup(vipdesk::ui::theme::setup)
        .build_ui_state(|ui, app: &mut App| app.ui_root(ui), app)
}

/// An app over a database file in `dir` with one manager and the client «АО «Альфа»».
pub fn app_on_file(dir: &std::path::Path) -> (App, Id) {
    let mut db = Db::open(&dir.join("v.db")).expect("db");
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::on(
        common::today(),
    )));
    let me = common::add_manager(&mut db, "Петрова", "Анна", "Сергеевна");
    let d = clients::Dossier {
        client: clients::Client {
            short_name: "АО «Альфа»".into(),
            inn: "7707083893".into(),
            manager_id: Some(me),
            ..Default::default()
        },
        ..Default::default()
    };
    clients::service::save(&mut db, &common::actor(me), &d).expect("saved");
    (app_on(db, Some(me), Route::Today), me)
}

/// Adds the head of the group to `app`'s database and makes him the one who works.
pub fn head_works(app: &mut App) -> Id {
    let head = common::add_with_role(
        &mut app.db,
        "Киселёв",
        "Дмитрий",
        "",
        vipdesk::domain::Role::GroupHead,
    );
    app.set_user(Some(head)).expect("head");
    head
}

/// A copy of the demo of `clients` in `dir`, dated by the tests' clock.
pub fn demo_file(dir: &std::path::Path, clients: usize) -> Db {
    let path = dir.join("v.db");
    common::demo_db(&path, clients);
    let mut db = Db::open_existing(&path).expect("db");
    db.set_clock(std::sync::Arc::new(vipdesk::domain::FixedClock::on(
        common::today(),
    )));
    db
}

/// The head of the group of a demo database (who writes to every client).
pub fn head_of(db: &Db) -> Option<Id> {
    admin::service::managers(db)
        .expect("managers")
        .into_iter()
        .find(|m| m.role == vipdesk::domain::Role::GroupHead)
        .and_then(|m| m.id)
}

/// A draft of the free template to `client` with `body`, saved: its id and the letter.
pub fn free_letter(db: &mut Db, client: Id, body: &str) -> (Id, letters::Letter) {
    let template = letters::service::free_template(db).expect("template");
    let mut letter = letters::service::draft_for(
        db,
        client,
        None,
        &template,
        None,
        &letters::Reply::default(),
        common::today(),
    )
    .expect("draft");
    letter.body = body.to_string();
    let id = letters::service::save_draft(db, &Actor::SYSTEM, &letter).expect("save");
    (id, letter)
}

pub fn focused(h: &H) -> Option<egui::Id> {
    h.ctx.memory(|m| m.focused())
}

pub fn press(h: &mut H, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_combination_modifiers(modifiers, &[key]);
    h.run();
}

fn app_with_two_clients() -> (App, Id, Id) {
    let (mut app, me) = app_with_manager();
    let mut ids = Vec::new();
    for (name, inn) in [("АО «Альфа»", "7707083893"), ("АО «Бета»", "5751001230")]
    {
        let d = clients::Dossier {
            client: clients::Client {
                short_name: name.into(),
                inn: inn.into(),
                manager_id: Some(me),
                ..Default::default()
            },
            ..Default::default()
        };
        ids.push(clients::service::save(&mut app.db, &common::actor(me), &d).expect("saved"));
    }
    app.reload().expect("reload");
    (app, ids[0], ids[1])
}
