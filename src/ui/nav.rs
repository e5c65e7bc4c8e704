//! The navigation on the left: who works, the incoming call, one entry per screen with its
//! count, «О программе», and the number of clients at the foot.

use egui::{RichText, Ui};

use super::command::{Command, Route};
use super::context::ViewCtx;
use super::theme;
use crate::i18n as t;

/// The navigation: its screens, in order.
const NAV: &[(Route, &str)] = &[
    (Route::Today, t::TODAY),
    (Route::Clients, t::NAV_CLIENTS),
    (Route::Appeals, t::NAV_APPEALS),
    (Route::Greetings, t::NAV_GREETINGS),
    (Route::Gifts, t::NAV_GIFTS),
    (Route::Letters, t::NAV_LETTERS),
    (Route::Merge, t::NAV_MERGE),
    (Route::ContactReport, t::NAV_CONTACT_REPORT),
    (Route::VipList, t::NAV_VIP_LIST),
    (Route::Surveys, t::NAV_SURVEYS),
    (Route::AppealReports, t::NAV_APPEAL_REPORTS),
    (Route::AppealSettings, t::NAV_APPEAL_SETTINGS),
    (Route::Calendar, t::NAV_CALENDAR),
    (Route::Settings, t::NAV_SETTINGS),
    (Route::Managers, t::NAV_MANAGERS),
    (Route::Catalogs, t::NAV_CATALOGS),
    (Route::Trash, t::NAV_TRASH),
    (Route::Journal, t::NAV_JOURNAL),
    (Route::Backups, t::NAV_BACKUPS),
    (Route::Server, crate::words::server::NAV_SERVER),
];

/// What the user asked of the navigation.
#[derive(Default)]
pub struct Asked {
    pub commands: Vec<Command>,
    /// «О программе».
    pub about: bool,
}

/// Draws the navigation for the screen `route`, each entry with the count `badge` gives.
pub fn nav_ui(
    ui: &mut Ui,
    view: &ViewCtx,
    route: Route,
    about_open: bool,
    badge: impl Fn(Route) -> Option<usize>,
) -> Asked {
    let mut out = Asked::default();
    ui.add_space(8.0);
    ui.label(RichText::new("vipdesk").heading().color(theme::ACCENT));
    ui.add_space(4.0);
    let me = view.me.as_ref().map(|m| m.short_name()).unwrap_or_default();
    ui.label(RichText::new(t::nav_user(&me)).small());
    if ui.small_button(t::CHANGE_USER).clicked() {
        out.commands.push(Command::SetUser(None));
    }
    if ui.button(t::INCOMING_CALL).clicked() {
        out.commands.push(super::appeals::Cmd::OpenCall.into());
    }
    ui.separator();
    let current = route.screen();
    // The entries scroll when the window is too low for all of them (1280×800 and below);
    // the count of clients stays at the foot.
    let room = (ui.available_height() - 28.0).max(120.0);
    egui::ScrollArea::vertical()
        .id_salt("nav")
        .max_height(room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for &(route, label) in NAV {
                let label = t::with_count(label, badge(route).unwrap_or(0));
                if ui.selectable_label(current == route, label).clicked() && current != route {
                    out.commands.push(Command::Open(route));
                }
            }
            ui.separator();
            if ui.selectable_label(about_open, t::NAV_ABOUT).clicked() {
                out.about = true;
            }
        });
    let count = crate::domain::fmt::count(view.clients.len() as u64, t::CLIENT_FORMS);
    ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
        ui.label(RichText::new(count).small().color(theme::MUTED));
    });
    out
}
