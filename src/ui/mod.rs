//! The egui user interface. Screens draw themselves and push commands; `app` applies them.

pub mod app;
pub mod catalogs;
pub mod clients;
pub mod contact_report;
pub mod dialogs;
pub mod dossier;
pub mod letters;
pub mod managers;
pub mod merge;
pub mod report;
pub mod settings;
pub mod theme;
pub mod today;
pub mod trash;
pub mod widgets;

use std::path::PathBuf;

pub use app::{Command, EframeApp, Prefs, Screen, VipApp};

/// Options of a GUI run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Print the time from process start to the first frame and exit (startup benchmark).
    pub exit_after_first_frame: bool,
}

/// Opens the database and runs the window until it is closed.
pub fn run(db_path: PathBuf, opts: RunOptions, started: std::time::Instant) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let db = crate::storage::Db::open(&db_path)
        .with_context(|| crate::i18n::err_open_db(&db_path.display().to_string()))?;
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(crate::i18n::WINDOW_TITLE)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    let today = chrono::Local::now().date_naive();
    eframe::run_native(
        "vipdesk",
        options,
        Box::new(move |cc| {
            theme::setup(&cc.egui_ctx);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, "vipdesk.prefs"))
                .unwrap_or_default();
            let mut app = VipApp::new(db, prefs, today)?;
            app.dialogs = Box::new(dialogs::RfdDialogs::default());
            Ok(Box::new(StartupProbe {
                inner: EframeApp { app },
                opts,
                started,
                frames: 0,
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}

/// Wraps the app to measure the time to the first frame when asked.
struct StartupProbe {
    inner: EframeApp,
    opts: RunOptions,
    started: std::time::Instant,
    frames: u32,
}

impl eframe::App for StartupProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.inner.ui(ui, frame);
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
        self.inner.save(storage);
    }
}
