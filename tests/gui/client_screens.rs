//! The client list and the dossier.

use super::*;

#[test]
fn create_client_refuse_bad_inn_fix_save_reopen() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::NEW_CLIENT);
    type_into(&mut h, t::F_SHORT_NAME, "ООО «Ромашка»");
    type_into(
        &mut h,
        t::F_FULL_NAME,
        "Общество с ограниченной ответственностью «Ромашка»",
    );
    type_into(&mut h, t::F_INN, "1234567895");
    click_button(&mut h, t::SAVE);

    // The error is shown beside the field, nothing is saved, the draft is kept.
    h.get_by_label(t::ERR_INN_CHECKSUM);
    assert_eq!(clients_in_db(&h), 0);
    assert_eq!(input(&h, t::F_INN).value().as_deref(), Some("1234567895"));
    assert_eq!(
        input(&h, t::F_SHORT_NAME).value().as_deref(),
        Some("ООО «Ромашка»")
    );

    clear_field(&mut h, t::F_INN);
    input(&h, t::F_INN).type_text("7707083893");
    h.run();
    type_into(&mut h, t::F_KPP, "770701001");
    click_button(&mut h, t::SAVE);
    assert_eq!(clients_in_db(&h), 1);
    assert!(h.query_by_label(t::ERR_INN_CHECKSUM).is_none());

    click_button(&mut h, t::CLOSE);
    assert!(h.state().features.clients.dossier.is_none());
    h.get_by_label("ООО «Ромашка»").click();
    h.run();
    assert_eq!(input(&h, t::F_INN).value().as_deref(), Some("7707083893"));
    assert_eq!(input(&h, t::F_KPP).value().as_deref(), Some("770701001"));
    assert_eq!(
        input(&h, t::F_FULL_NAME).value().as_deref(),
        Some("Общество с ограниченной ответственностью «Ромашка»")
    );
}

#[test]
fn add_a_leader_with_generated_dative_and_phone() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::TAB_PEOPLE);
    click_button(&mut h, t::ADD_PERSON);
    type_into(&mut h, t::F_SURNAME, "Иванов");
    type_into(&mut h, t::F_NAME, "Иван");
    type_into(&mut h, t::F_PATRONYMIC, "Иванович");
    type_into(&mut h, t::F_POSITION, "Генеральный директор");
    type_into(&mut h, t::F_PHONES, "8 (916) 123-45-67 доб. 12");
    type_into(&mut h, t::F_BIRTHDAY, "14.03.1968");
    assert_eq!(
        input(&h, t::F_NAME_DATIVE).value().as_deref(),
        Some("Иванову Ивану Ивановичу")
    );
    assert_eq!(
        input(&h, t::F_POSITION_DATIVE).value().as_deref(),
        Some("Генеральному директору")
    );
    click_button(&mut h, t::SAVE);

    let d = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(d.people.len(), 1);
    let p = &d.people[0];
    assert_eq!(p.surname, "Иванов");
    assert_eq!(p.gender, Some(vipdesk::domain::names::Gender::Male));
    assert_eq!(p.phones[0].number, "+79161234567");
    assert_eq!(p.phones[0].ext.as_deref(), Some("12"));
    assert_eq!(p.birthday, chrono::NaiveDate::from_ymd_opt(1968, 3, 14));
    // The caller is found by the number, whatever way it is typed.
    let found = clients::service::find_by_phone(&h.state().db, "+79161234567").expect("find");
    assert_eq!(found, vec![(alpha, p.id.expect("saved person"))]);
    // And the list search finds the client by the person's phone.
    type_into(&mut h, t::SEARCH, "8916123");
    assert_eq!(h.state().features.clients.list.visible_ids(), vec![alpha]);
}

#[test]
fn paste_indicator_values_from_excel() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::TAB_INDICATORS);
    h.get_by_label(t::PASTE_LABEL).click();
    h.run();
    h.get_by_label(t::PASTE_LABEL).type_text(
        "Месяц\tПотребление\tМощность\n01.2026\t1 234 567,5\t300\n02.2026\t1 100 000\t310\n",
    );
    h.run();
    click_button(&mut h, t::PASTE_FILL);
    h.get_by_label(&t::pasted(4));
    click_button(&mut h, t::SAVE);

    let d = clients::service::open(&h.state().db, alpha).expect("load");
    let kinds = admin::service::catalogs(&h.state().db)
        .expect("catalogs")
        .indicator_kinds;
    assert_eq!(
        d.indicators.get(&(kinds[0].id, (2026, 1))),
        Some(&1_234_567.5)
    );
    assert_eq!(d.indicators.get(&(kinds[1].id, (2026, 2))), Some(&310.0));
    assert_eq!(d.indicators.len(), 4);
}

#[test]
fn unsaved_changes_prompt_when_switching_clients() {
    let (app, alpha, beta) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    type_into(&mut h, t::F_FULL_NAME, "Акционерное общество «Альфа»");

    // Switching asks first; «Отмена» keeps the edit.
    h.get_by_label("АО «Бета»").click();
    h.run();
    h.get_by_label(t::UNSAVED_TITLE);
    click_button(&mut h, t::CANCEL);
    assert_eq!(dossier_client(&h), Some(alpha));
    assert!(h.state_mut().has_unsaved_edits());

    // «Да, сохранить» saves and goes on to the other client.
    h.get_by_label("АО «Бета»").click();
    h.run();
    click_button(&mut h, t::YES_SAVE);
    assert_eq!(dossier_client(&h), Some(beta));
    let a = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(a.client.full_name, "Акционерное общество «Альфа»");

    // «Нет, не сохранять» drops the edit.
    type_into(&mut h, t::F_FULL_NAME, "Черновик");
    h.get_by_label("АО «Альфа»").click();
    h.run();
    click_button(&mut h, t::DONT_SAVE);
    assert_eq!(dossier_client(&h), Some(alpha));
    let b = clients::service::open(&h.state().db, beta).expect("load");
    assert_eq!(b.client.full_name, "");
}

#[test]
fn date_picked_from_the_russian_calendar() {
    let (app, _) = app_with_manager();
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::NEW_CLIENT);
    h.get_by_label(&format!("{}: contract_date", t::CALENDAR))
        .click();
    h.run();
    h.get_by_label("Пн");
    h.get_by_label("15").click();
    h.run();
    // The calendar opens on the month of today by the clock.
    let expected = format!("15{}", &vipdesk::domain::fmt::date(common::today())[2..]);
    assert_eq!(
        input(&h, t::F_CONTRACT_DATE).value().as_deref(),
        Some(expected.as_str())
    );
}

/// Another instance (a second connection to the same file) saves the dossier while it is
/// edited here: different fields merge with a word to the user; the same field shows both
/// values, «Сохранить мои значения» keeps mine and still their other change; nothing is lost.
#[test]
fn an_edit_over_another_instances_save_is_merged_or_asked() {
    let dir = tempfile::tempdir().expect("tmp");
    let (app, me) = app_on_file(dir.path());
    let alpha = clients::service::list(&app.db).expect("list")[0].id;
    let mut other = Db::open_existing(&dir.path().join("v.db")).expect("second instance");
    let mut h = harness(app);
    h.run();
    h.get_by_label(t::NAV_CLIENTS).click();
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();

    // They change the address; I change the full name: both stay.
    let mut d = clients::service::open(&other, alpha).expect("load");
    d.client.legal_address = "г. Орёл, ул. Новая, 1".into();
    clients::service::save(&mut other, &common::actor(me), &d).expect("their save");
    type_into(&mut h, t::F_FULL_NAME, "Акционерное общество «Альфа»");
    click_button(&mut h, t::SAVE);
    let saved = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(saved.client.full_name, "Акционерное общество «Альфа»");
    assert_eq!(saved.client.legal_address, "г. Орёл, ул. Новая, 1");
    assert!(h.state().toasts.texts().contains(&t::MERGED_SAVED));

    // Both change the postal address and they add a person: both values shown; mine kept,
    // their person too.
    let mut d = clients::service::open(&other, alpha).expect("load");
    d.client.postal_address = "их адрес".into();
    d.people.push(clients::Person {
        surname: "Сидоров".into(),
        name: "Пётр".into(),
        ..Default::default()
    });
    clients::service::save(&mut other, &common::actor(me), &d).expect("their save");
    type_into(&mut h, t::F_POSTAL_ADDRESS, "мой адрес");
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::CONFLICT_TITLE);
    h.get_by_label("их адрес");
    h.get_by_label("мой адрес");
    let unchanged = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(
        unchanged.client.postal_address, "их адрес",
        "nothing written yet"
    );
    click_button(&mut h, t::KEEP_MINE);
    let saved = clients::service::open(&h.state().db, alpha).expect("load");
    assert_eq!(saved.client.postal_address, "мой адрес");
    assert_eq!(saved.people.len(), 1, "their new person stays");
    assert!(!h.state_mut().has_unsaved_edits());

    // Once more, and this time take theirs: my edit goes, theirs shows.
    let mut d = clients::service::open(&other, alpha).expect("load");
    d.client.kpp = "575101001".into();
    clients::service::save(&mut other, &common::actor(me), &d).expect("their save");
    clear_field(&mut h, t::F_KPP);
    type_into(&mut h, t::F_KPP, "575101002");
    click_button(&mut h, t::SAVE);
    click_button(&mut h, t::TAKE_THEIRS);
    assert_eq!(
        input(&h, t::F_KPP).value().as_deref(),
        Some("575101001"),
        "the form shows what is saved"
    );
    assert!(!h.state_mut().has_unsaved_edits());
}

/// A client of 1,000-character names is in the list and its dossier at 1280×800, and a
/// 100 KB letter opens, takes typing and its preview follows.
#[test]
fn thousand_character_names_and_a_100_kb_letter_in_the_gui() {
    let (mut app, alpha, _) = app_with_two_clients();
    let mut d = clients::service::open(&app.db, alpha).expect("load");
    let long = format!("АО «Альфа» {}", "очень длинное наименование ".repeat(40));
    d.client.short_name = long
        .chars()
        .take(1000)
        .collect::<String>()
        .trim()
        .to_string();
    d.client.full_name = "Я".repeat(1000);
    clients::service::save(&mut app.db, &Actor::SYSTEM, &d).expect("save");
    let para = "Сообщаем, что начисления по договору пересчитаны с учётом показаний.\n";
    let (id, letter) = free_letter(&mut app.db, alpha, &para.repeat(100_000 / para.len() + 1));
    app.reload().expect("reload");
    let mut h = harness_sized(app, 1280.0, 800.0);
    h.run();
    // The list cuts the middle of a long name; its start is shown.
    h.get_by(|n| {
        n.value()
            .is_some_and(|v| v.starts_with("АО «Альфа» о") && v.contains('…'))
    })
    .click();
    h.run();
    assert_eq!(dossier_client(&h), Some(alpha));
    h.state_mut().open(Route::Letter(id)).expect("open");
    h.run();
    // The field is taller than the window: focused as Tab would, not by a click at its middle.
    h.get_by_label(t::F_BODY).focus();
    h.run();
    h.get_by_label(t::F_BODY).type_text("Итог.");
    h.run();
    let body = h
        .state()
        .features
        .letters
        .editor
        .as_ref()
        .map(|e| e.letter.body.clone())
        .expect("editor");
    assert_eq!(body.len(), letter.body.len() + "Итог.".len(), "nothing cut");
    h.get_by_label_contains("Итог.");
}

/// ↓/↑ walk the client list, Ctrl+F puts the cursor in the search, Enter opens the first
/// match, Ctrl+S saves, Esc asks about unsaved edits (and a second Esc cancels the question),
/// Ctrl+N starts a new client.
#[test]
fn the_keyboard_drives_the_client_list_and_the_dossier() {
    let (app, alpha, beta) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    let none = egui::Modifiers::NONE;
    let ctrl = egui::Modifiers::COMMAND;
    press(&mut h, none, egui::Key::ArrowDown);
    assert_eq!(dossier_client(&h), Some(alpha));
    press(&mut h, none, egui::Key::ArrowDown);
    assert_eq!(dossier_client(&h), Some(beta));
    press(&mut h, none, egui::Key::ArrowUp);
    assert_eq!(dossier_client(&h), Some(alpha));
    // Ctrl+F, a name, Enter.
    press(&mut h, ctrl, egui::Key::F);
    assert_eq!(focused(&h), Some(vipdesk::ui::widgets::search_id()));
    h.event(egui::Event::Text("Бета".into()));
    h.run();
    press(&mut h, none, egui::Key::Enter);
    assert_eq!(dossier_client(&h), Some(beta));
    // An edit saved with Ctrl+S.
    input(&h, t::F_SHORT_NAME).click();
    h.run();
    input(&h, t::F_SHORT_NAME).type_text(" плюс");
    h.run();
    press(&mut h, ctrl, egui::Key::S);
    let saved = clients::service::open(&h.state().db, beta).expect("dossier");
    assert_eq!(saved.client.short_name, "АО «Бета» плюс");
    // Another edit; Esc leaves the field, Esc asks, Esc cancels the question: nothing lost.
    input(&h, t::F_SHORT_NAME).click();
    h.run();
    input(&h, t::F_SHORT_NAME).type_text("!");
    h.run();
    input(&h, t::F_SHORT_NAME).click();
    h.run();
    assert!(focused(&h).is_some());
    press(&mut h, none, egui::Key::Escape);
    assert!(
        h.state().pending.is_none(),
        "the first Esc only leaves the field"
    );
    press(&mut h, none, egui::Key::Escape);
    assert!(h.state().pending.is_some(), "Esc asks about the edits");
    h.get_by_label(t::UNSAVED_TITLE);
    press(&mut h, none, egui::Key::Escape);
    assert!(h.state().pending.is_none());
    assert_eq!(dossier_client(&h), Some(beta));
    assert!(h.state_mut().has_unsaved_edits(), "the edit is still there");
    // Esc again, then «Не сохранять»: back to the list.
    press(&mut h, none, egui::Key::Escape);
    click_button(&mut h, t::DONT_SAVE);
    assert_eq!(dossier_client(&h), None);
    // Ctrl+N on the client list: a new client.
    press(&mut h, ctrl, egui::Key::N);
    assert_eq!(h.state().route, Route::NewClient);
}

/// «Закрыть» goes back to where the user came from, not always to the list.
#[test]
fn close_returns_to_the_screen_the_user_came_from() {
    let (mut app, alpha, _) = app_with_two_clients();
    app.open(Route::Today).expect("today");
    app.open(Route::Client(alpha, vipdesk::ui::clients::Tab::Enterprise))
        .expect("dossier");
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::CLOSE);
    assert_eq!(h.state().route, Route::Today);
}

/// The divider between the list and the dossier is dragged, and the width is kept in the
/// preferences for the next run.
#[test]
fn the_list_divider_is_dragged_and_remembered() {
    let (app, alpha, _) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Альфа»").click();
    h.run();
    assert_eq!(dossier_client(&h), Some(alpha));
    // The list's edge: just right of its search field, which fills the list's width.
    let search = input(&h, t::SEARCH).rect();
    let edge = search.max.x + 8.0;
    assert_eq!(h.state().prefs().list_width, None, "nothing dragged yet");
    let at = |x: f32| egui::pos2(x, 600.0);
    h.event(egui::Event::PointerMoved(at(edge)));
    h.run();
    h.event(egui::Event::PointerButton {
        pos: at(edge),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    for step in 1..=10 {
        h.event(egui::Event::PointerMoved(at(edge + 15.0 * step as f32)));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: at(edge + 150.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let width = h
        .state()
        .prefs()
        .list_width
        .expect("the width is remembered");
    assert!(
        (width - search.width() - 150.0).abs() < 40.0,
        "dragged to {width} from about {}",
        search.width()
    );
    // The next run starts with it.
    let prefs = h.state().prefs();
    let db = std::mem::replace(
        &mut h.state_mut().db,
        Db::open_in_memory().expect("placeholder"),
    );
    let mut next = App::with_reads(db, prefs, false).expect("app");
    next.open(Route::Clients).expect("clients");
    assert_eq!(next.features.clients.list_width, Some(width));
}

/// An error beside a field goes as soon as the field is right, before any save.
#[test]
fn a_field_error_goes_when_the_field_is_fixed() {
    let (app, _, beta) = app_with_two_clients();
    let mut h = harness(app);
    h.run();
    h.get_by_label("АО «Бета»").click();
    h.run();
    assert_eq!(dossier_client(&h), Some(beta));
    clear_field(&mut h, t::F_INN);
    input(&h, t::F_INN).type_text("5751001231");
    h.run();
    click_button(&mut h, t::SAVE);
    h.get_by_label(t::ERR_INN_CHECKSUM);
    clear_field(&mut h, t::F_INN);
    input(&h, t::F_INN).type_text("5751001230");
    h.run();
    h.run();
    assert!(
        h.query_by_label(t::ERR_INN_CHECKSUM).is_none(),
        "the error stayed after the fix"
    );
}

/// Names that differ only at their end stay told apart in a narrow list: the middle is cut,
/// not the end.
#[test]
fn long_names_are_cut_in_the_middle() {
    let ctx = egui::Context::default();
    let mut shown = Vec::new();
    let mut out = ctx.run_ui(Default::default(), |ui| {
        for n in [11, 12] {
            let name = format!("МУП «Болховский плодоконсервный хлебозавод № {n}»");
            shown.push(vipdesk::ui::widgets::middle_elide(ui, &name, 150.0));
        }
        shown.push(vipdesk::ui::widgets::middle_elide(ui, "АО «Альфа»", 300.0));
    });
    out.textures_delta.clear();
    assert_ne!(shown[0], shown[1], "{shown:?}");
    assert!(
        shown[0].contains('…') && shown[0].ends_with("11»"),
        "{shown:?}"
    );
    assert_eq!(shown[2], "АО «Альфа»");
}

/// On a machine where no system file dialog opens, «В Excel…» asks for the path in the
/// program's own window, proposed in the documents folder, and writes the file there.
#[test]
fn a_path_is_typed_where_no_file_dialog_opens() {
    let (mut app, _, _) = app_with_two_clients();
    app.dialogs = Box::new(vipdesk::ui::dialogs::TypedPaths::default());
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::TO_EXCEL);
    h.get_by_label(t::TYPED_PATH_TITLE);
    let dir = tempfile::tempdir().expect("tmp");
    let target = dir.path().join("клиенты.xlsx");
    clear_field(&mut h, t::FILE_PATH);
    input(&h, t::FILE_PATH).type_text(&target.display().to_string());
    h.run();
    click_button(&mut h, t::TYPED_PATH_OK);
    h.run();
    assert!(
        target.exists(),
        "the list is written where the path was typed"
    );
    assert!(h.query_by_label(t::TYPED_PATH_TITLE).is_none());
}

/// At 1920 the list takes a third of the window until the user drags the divider: names are
/// not cut while half the screen stays empty.
#[test]
fn the_list_is_wider_on_a_wide_window() {
    let (app, _, _) = app_with_two_clients();
    let mut h = harness_sized(app, 1920.0, 1080.0);
    h.run();
    let hint = h.get_by_label(t::PICK_CLIENT_HINT).rect();
    // The hint is centred in what the list leaves: the list is over 560 px wide.
    let left_of_dossier = 2.0 * hint.center().x - 1920.0;
    assert!(left_of_dossier > 190.0 + 560.0, "{left_of_dossier}");
}

/// #22 point 16 in the window: the people of clients come in from a file on the list's
/// «Импорт / экспорт» panel, the report names the refused row, the dossier shows who came.
#[test]
fn people_are_imported_from_the_clients_panel() {
    let (app, alpha, _) = app_with_two_clients();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("лица.csv");
    std::fs::write(
        &file,
        "ИНН клиента;Фамилия;Имя;Отчество;Должность\n\
         7707083893;Иванова;Мария;Петровна;Главный бухгалтер\n\
         1111111111;Петров;Пётр;Петрович;\n",
    )
    .expect("write");
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::IMPORT_EXPORT);
    type_into(&mut h, t::FILE_PATH, file.to_str().expect("path"));
    click_button(&mut h, t::IMPORT_PEOPLE);
    h.get_by_label(&t::import_people_summary(1, 0, 1));
    h.get_by_label_contains("строка 3: ");
    let d = clients::service::open(&h.state().db, alpha).expect("dossier");
    assert_eq!(d.people.len(), 1);
    assert_eq!(d.people[0].position_dative, "Главному бухгалтеру");
    // Out again, next to it.
    let out = dir.path().join("out.csv");
    clear_field(&mut h, t::FILE_PATH);
    type_into(&mut h, t::FILE_PATH, out.to_str().expect("path"));
    click_button(&mut h, t::EXPORT_PEOPLE);
    let text = std::fs::read_to_string(&out).expect("exported");
    assert!(text.contains("Иванова;Мария;Петровна"), "{text}");
}

/// An export to a file that is there asks before it writes over it (the file just imported
/// from is the path in the field): «Отмена» keeps it, «Заменить файл» writes.
#[test]
fn an_export_asks_before_it_writes_over_a_file() {
    let (app, _, _) = app_with_two_clients();
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("лица.csv");
    let mine = "ИНН клиента;Фамилия\n7707083893;Иванова\n";
    std::fs::write(&file, mine).expect("write");
    let mut h = harness(app);
    h.run();
    click_button(&mut h, t::IMPORT_EXPORT);
    type_into(&mut h, t::FILE_PATH, file.to_str().expect("path"));
    click_button(&mut h, t::EXPORT_PEOPLE);
    let asked = t::replace_file(file.to_str().expect("path"));
    h.get_by_label(&asked);
    assert_eq!(std::fs::read_to_string(&file).expect("file"), mine);
    click_button(&mut h, t::CANCEL);
    assert!(h.query_by_label(&asked).is_none());
    assert_eq!(std::fs::read_to_string(&file).expect("file"), mine);
    click_button(&mut h, t::EXPORT);
    click_button(&mut h, t::REPLACE_FILE);
    let text = std::fs::read_to_string(&file).expect("file");
    assert!(
        text.contains("Краткое наименование"),
        "the clients went over it: {text}"
    );
}
