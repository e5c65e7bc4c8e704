//! The egui user interface: the shell (`app`), the commands and routes, the view context, the
//! editor trait, and one folder per feature with its screens and its command handler.

pub mod about;
pub mod admin;
pub mod annual;
pub mod app;
pub mod appeals;
pub mod clients;
pub mod command;
pub mod contacts;
pub mod context;
pub mod dialogs;
pub mod editor;
pub mod features;
pub mod greetings;
mod keys;
pub mod letters;
pub mod loader;
mod nav;
pub mod overview;
pub mod renderer;
pub mod rescue;
pub mod stale;
pub mod sync;
pub mod theme;
pub mod unlock;
pub mod who;
pub mod widgets;

use std::path::PathBuf;

use egui::Ui;

pub use app::App;
pub use command::{Command, Route};

/// UI preferences kept by eframe between runs (never client data).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub manager_uuid: Option<String>,
    /// Where the divider between the client list and the dossier was left (points).
    #[serde(default)]
    pub list_width: Option<f32>,
}

/// Options of a GUI run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Print the time from process start to the first frame and exit (startup benchmark).
    pub exit_after_first_frame: bool,
    /// What draws the window.
    pub renderer: renderer::Choice,
    /// Whether a missing database file is made (else it is the error the window shows).
    pub create: bool,
}

/// Opens the database and runs the window until it is closed. A database that does not open
/// gets the rescue window (restore from a backup) instead of a message nobody sees. The
/// renderers are tried in turn ([`renderer::order`]) until one starts.
pub fn run(db_path: PathBuf, opts: RunOptions, started: std::time::Instant) -> anyhow::Result<()> {
    let order =
        renderer::order(opts.renderer, &renderer::wgpu_apis()).map_err(anyhow::Error::msg)?;
    // An encrypted database opens with VIPDESK_PASSPHRASE, else the passphrase is asked.
    let key = std::env::var(crate::storage::cipher::PASSPHRASE_ENV)
        .ok()
        .and_then(|s| crate::storage::cipher::Passphrase::new(&s));
    let opened = crate::storage::Db::open_keyed(&db_path, key.clone(), opts.create).map_err(|e| {
        log::error!("the database did not open: {e}");
        let locked = matches!(e, crate::storage::StorageError::Encrypted);
        (
            locked,
            crate::domain::fmt::capitalize(&crate::i18n::describe(&e)),
        )
    });
    if let Ok(db) = &opened {
        crate::admin::backups::at_start_in_background(db);
    }
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(crate::i18n::WINDOW_TITLE)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    // The first start has no size kept: maximized, since 1280×800 with its title bar is taller
    // than a 1366×768 laptop's screen. Later starts take the size the window was left at.
    let prefs_path = crate::storage::window_prefs_path();
    if prefs_path.as_deref().is_none_or(|p| !p.exists()) {
        viewport = viewport.with_maximized(true);
    }
    // What the app starts with: taken by the attempt whose renderer starts, left for the next
    // by one that fails before.
    let start = std::rc::Rc::new(std::cell::RefCell::new(Some((opened, db_path, key))));
    renderer::run_in_order(&order, |kind| {
        let app_started = renderer::Started::default();
        let mut options = eframe::NativeOptions {
            viewport: viewport.clone(),
            persist_window: true,
            persistence_path: prefs_path.clone(),
            ..Default::default()
        };
        renderer::apply(kind, &mut options);
        let (start, opts, flag) = (start.clone(), opts.clone(), app_started.clone());
        let result = eframe::run_native(
            "vipdesk",
            options,
            Box::new(move |cc| {
                flag.set();
                renderer::note_in_use(cc);
                let (opened, db_path, key) = start
                    .borrow_mut()
                    .take()
                    .ok_or_else(|| anyhow::anyhow!("the window was started twice"))?;
                theme::setup(&cc.egui_ctx);
                let prefs: Prefs = cc
                    .storage
                    .and_then(|s| eframe::get_value(s, "vipdesk.prefs"))
                    .unwrap_or_default();
                let screen = match opened {
                    Ok(db) => Screen::App(Box::new(EframeApp::new(db, prefs)?)),
                    Err((true, _)) => Screen::Unlock(Box::new(unlock::Unlock::new(db_path)), prefs),
                    Err((false, error)) => {
                        Screen::Rescue(Box::new(rescue::Rescue::new(db_path, error, key)), prefs)
                    }
                };
                Ok(Box::new(StartupProbe {
                    screen,
                    opts,
                    started,
                    frames: 0,
                }))
            }),
        );
        renderer::Attempt {
            result: result.map_err(|e| e.to_string()),
            app_started: app_started.get(),
        }
    })
    .map_err(anyhow::Error::msg)
}

/// What the window shows: the app, or the rescue of a database that did not open.
enum Screen {
    App(Box<EframeApp>),
    Rescue(Box<rescue::Rescue>, Prefs),
    Unlock(Box<unlock::Unlock>, Prefs),
}

/// Wraps the app to measure the time to the first frame when asked.
struct StartupProbe {
    screen: Screen,
    opts: RunOptions,
    started: std::time::Instant,
    frames: u32,
}

impl eframe::App for StartupProbe {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        match &mut self.screen {
            Screen::App(app) => app.ui(ui, frame),
            Screen::Rescue(rescue, prefs) => {
                if let Some(db) = rescue.ui(ui) {
                    match EframeApp::new(db, prefs.clone()) {
                        Ok(app) => self.screen = Screen::App(Box::new(app)),
                        Err(e) => log::error!("the restored database did not open: {e}"),
                    }
                }
            }
            Screen::Unlock(unlock, prefs) => match unlock.ui(ui) {
                Some(unlock::Unlocked::Db(db)) => {
                    crate::admin::backups::at_start_in_background(&db);
                    match EframeApp::new(db, prefs.clone()) {
                        Ok(app) => self.screen = Screen::App(Box::new(app)),
                        Err(e) => log::error!("the unlocked database did not open: {e}"),
                    }
                }
                Some(unlock::Unlocked::Rescue(error, key)) => {
                    let path = unlock.path().to_path_buf();
                    let rescue = rescue::Rescue::new(path, error, Some(key));
                    self.screen = Screen::Rescue(Box::new(rescue), prefs.clone());
                }
                None => {}
            },
        }
        self.frames += 1;
        if self.opts.exit_after_first_frame && self.frames == 1 {
            println!(
                "first_frame_ms {:.1}",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Screen::App(app) = &mut self.screen {
            app.save(storage);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Screen::App(app) = &self.screen {
            app.at_exit();
        }
    }
}

/// The eframe wrapper: persistence of preferences, the window's close request, the copy at
/// exit.
pub struct EframeApp {
    pub app: App,
}

impl EframeApp {
    fn new(db: crate::storage::Db, prefs: Prefs) -> anyhow::Result<EframeApp> {
        let mut app = App::new(db, prefs)?;
        app.dialogs = Box::new(dialogs::RfdDialogs::default());
        Ok(EframeApp { app })
    }

    /// The automatic copy at exit (then the old ones thinned).
    fn at_exit(&self) {
        if let Err(e) = crate::admin::backups::automatic(&self.app.db, false) {
            log::warn!("automatic backup at exit failed: {e}");
        }
    }
}

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && self.app.close_requested() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.app.ui_root(ui);
        if self.app.quit_now {
            self.app.quit_now = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if !self.app.toasts.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        // The integrity check's verdict arrives from another thread: look for it.
        if self.app.db.health().is_none() {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
        // «Сегодня» follows the clock: look again after midnight even when nothing moves.
        ctx.request_repaint_after(std::time::Duration::from_secs(60));
        if self.app.prefs_changed
            && let Some(storage) = frame.storage_mut()
        {
            self.save(storage);
            storage.flush();
            self.app.prefs_changed = false;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "vipdesk.prefs", &self.app.prefs());
    }
}
