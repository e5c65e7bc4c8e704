//! Which renderer draws the window, and the fallback when one cannot start.
//!
//! A Windows build carries two: wgpu (DirectX 12 first; Windows supplies a software adapter,
//! WARP — «Microsoft Basic Render Driver» — on a PC without a GPU driver and in a Remote
//! Desktop session, and wgpu keeps it as the adapter of last resort) and glow (OpenGL 2 or
//! later, which such a session lacks: Windows gives it OpenGL 1.1). `auto` tries wgpu first
//! there, then glow. Elsewhere the build has glow only, unless built with the `wgpu` feature.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::i18n as t;

/// Whether this build carries the wgpu renderer.
pub const WGPU_BUILT: bool = cfg!(any(windows, feature = "wgpu"));

/// What `--renderer` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    /// The best this build has, falling back to the next when one does not start.
    #[default]
    Auto,
    Wgpu,
    Glow,
}

/// A graphics interface wgpu is started on, one attempt each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// DirectX 12: a GPU's, else Windows' software adapter (WARP).
    Dx12,
    Vulkan,
    Gl,
    /// What `WGPU_BACKEND` names (a developer's choice).
    FromEnv,
}

/// One renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Wgpu(Api),
    Glow,
}

impl Kind {
    /// Its name in the log and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Wgpu(Api::Dx12) => "wgpu (DirectX 12)",
            Kind::Wgpu(Api::Vulkan) => "wgpu (Vulkan)",
            Kind::Wgpu(Api::Gl) => "wgpu (OpenGL)",
            Kind::Wgpu(Api::FromEnv) => "wgpu (WGPU_BACKEND)",
            Kind::Glow => "OpenGL (glow)",
        }
    }
}

/// The value of `--renderer`; a word it does not know is refused in Russian.
pub fn parse_choice(s: &str) -> Result<Choice, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "auto" => Ok(Choice::Auto),
        "wgpu" => Ok(Choice::Wgpu),
        "glow" | "opengl" | "gl" => Ok(Choice::Glow),
        _ => Err(t::cli::RENDERER_VALUES.to_string()),
    }
}

/// The interfaces wgpu is tried on in this build, in order: none without wgpu; what
/// `WGPU_BACKEND` names when it is set; DirectX 12 then Vulkan on Windows (a device that
/// fails on one — a driver without the shader compiler — may start on the other); Vulkan
/// then OpenGL elsewhere.
pub fn wgpu_apis() -> Vec<Api> {
    if !WGPU_BUILT {
        Vec::new()
    } else if std::env::var_os("WGPU_BACKEND").is_some_and(|v| !v.is_empty()) {
        vec![Api::FromEnv]
    } else if cfg!(windows) {
        vec![Api::Dx12, Api::Vulkan]
    } else {
        vec![Api::Vulkan, Api::Gl]
    }
}

/// The renderers to try, in order, for a build whose wgpu runs on `apis` (none: no wgpu).
pub fn order(choice: Choice, apis: &[Api]) -> Result<Vec<Kind>, String> {
    let wgpu = apis.iter().map(|a| Kind::Wgpu(*a));
    match choice {
        Choice::Auto => Ok(wgpu.chain([Kind::Glow]).collect()),
        Choice::Glow => Ok(vec![Kind::Glow]),
        Choice::Wgpu if apis.is_empty() => Err(t::RENDERER_WGPU_NOT_BUILT.to_string()),
        Choice::Wgpu => Ok(wgpu.collect()),
    }
}

/// One attempt's end: the window ran (and was closed), or the renderer failed; `app_started`
/// says whether the app had been created (then nothing is tried again: the failure is not the
/// renderer's start).
pub struct Attempt {
    pub result: Result<(), String>,
    pub app_started: bool,
}

/// Tries the renderers in `order` with `run` until one starts. Every failure is logged (no
/// personal data: the graphics stack's words); when none starts, the error names each one's.
pub fn run_in_order(order: &[Kind], mut run: impl FnMut(Kind) -> Attempt) -> Result<(), String> {
    let mut failures = Vec::new();
    for (i, &kind) in order.iter().enumerate() {
        let attempt = run(kind);
        match attempt.result {
            Ok(()) => return Ok(()),
            Err(e) if attempt.app_started || i + 1 == order.len() => {
                failures.push((kind, e));
                break;
            }
            Err(e) => {
                log::warn!(
                    "the {} renderer did not start: {e}; trying the next",
                    kind.name()
                );
                failures.push((kind, e));
            }
        }
    }
    Err(t::renderer_failed(
        &failures
            .iter()
            .map(|(k, e)| (k.name(), e.as_str()))
            .collect::<Vec<_>>(),
    ))
}

/// What draws the window of this process, once it is drawn: for «О программе».
static IN_USE: OnceLock<String> = OnceLock::new();

/// What draws the window, if it has started.
pub fn in_use() -> Option<&'static str> {
    IN_USE.get().map(String::as_str)
}

/// Notes what draws the window (the first call wins: one window per process).
pub fn note_in_use(cc: &eframe::CreationContext<'_>) {
    let described = describe(cc);
    log::info!("the window is drawn by {described}");
    let _ = IN_USE.set(described);
}

#[cfg(any(windows, feature = "wgpu"))]
fn describe(cc: &eframe::CreationContext<'_>) -> String {
    use eframe::wgpu;
    if let Some(state) = &cc.wgpu_render_state {
        let info = state.adapter.get_info();
        let backend = match info.backend {
            wgpu::Backend::Dx12 => "DirectX 12",
            wgpu::Backend::Vulkan => "Vulkan",
            wgpu::Backend::Metal => "Metal",
            wgpu::Backend::Gl => "OpenGL",
            _ => "—",
        };
        return t::renderer_wgpu(
            backend,
            &info.name,
            info.device_type == wgpu::DeviceType::Cpu,
        );
    }
    glow_or_unknown(cc)
}

#[cfg(not(any(windows, feature = "wgpu")))]
fn describe(cc: &eframe::CreationContext<'_>) -> String {
    glow_or_unknown(cc)
}

fn glow_or_unknown(cc: &eframe::CreationContext<'_>) -> String {
    if cc.gl.is_some() {
        Kind::Glow.name().to_string()
    } else {
        t::RENDERER_UNKNOWN.to_string()
    }
}

/// The window's options for one attempt: eframe's renderer, and for wgpu the interface.
pub fn apply(kind: Kind, options: &mut eframe::NativeOptions) {
    match kind {
        #[cfg(any(windows, feature = "wgpu"))]
        Kind::Wgpu(api) => {
            use eframe::egui_wgpu::WgpuSetup;
            use eframe::wgpu::Backends;
            options.renderer = eframe::Renderer::Wgpu;
            let backends = match api {
                Api::Dx12 => Backends::DX12,
                Api::Vulkan => Backends::VULKAN,
                Api::Gl => Backends::GL,
                Api::FromEnv => return,
            };
            if let WgpuSetup::CreateNew(setup) = &mut options.wgpu_options.wgpu_setup {
                setup.instance_descriptor.backends = backends;
            }
        }
        // `order` never yields wgpu on a build without it.
        #[cfg(not(any(windows, feature = "wgpu")))]
        Kind::Wgpu(_) => options.renderer = eframe::Renderer::Glow,
        Kind::Glow => options.renderer = eframe::Renderer::Glow,
    }
}

/// Whether the app was created in the current attempt: set by the creator, read by the loop.
#[derive(Debug, Clone, Default)]
pub struct Started(Rc<Cell<bool>>);

impl Started {
    pub fn set(&self) {
        self.0.set(true);
    }
    pub fn get(&self) -> bool {
        self.0.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_tries_each_wgpu_interface_then_glow() {
        let windows = [Api::Dx12, Api::Vulkan];
        assert_eq!(
            order(Choice::Auto, &windows).unwrap(),
            vec![Kind::Wgpu(Api::Dx12), Kind::Wgpu(Api::Vulkan), Kind::Glow]
        );
        assert_eq!(order(Choice::Auto, &[]).unwrap(), vec![Kind::Glow]);
        assert_eq!(order(Choice::Glow, &windows).unwrap(), vec![Kind::Glow]);
        assert_eq!(
            order(Choice::Wgpu, &[Api::FromEnv]).unwrap(),
            vec![Kind::Wgpu(Api::FromEnv)]
        );
        assert!(order(Choice::Wgpu, &[]).unwrap_err().contains("wgpu"));
        assert_eq!(wgpu_apis().is_empty(), !WGPU_BUILT);
    }

    #[test]
    fn a_renderer_that_does_not_start_gives_way_to_the_next() {
        let mut tried = Vec::new();
        let result = run_in_order(&[Kind::Wgpu(Api::Dx12), Kind::Glow], |k| {
            tried.push(k);
            Attempt {
                result: if k == Kind::Wgpu(Api::Dx12) {
                    Err("no adapter".into())
                } else {
                    Ok(())
                },
                app_started: false,
            }
        });
        assert_eq!(result, Ok(()));
        assert_eq!(tried, vec![Kind::Wgpu(Api::Dx12), Kind::Glow]);
    }

    #[test]
    fn a_failure_after_the_app_started_is_not_retried_and_every_failure_is_told() {
        let mut tried = 0;
        let e = run_in_order(&[Kind::Wgpu(Api::Dx12), Kind::Glow], |_| {
            tried += 1;
            Attempt {
                result: Err("device lost".into()),
                app_started: true,
            }
        })
        .unwrap_err();
        assert_eq!(tried, 1);
        assert!(e.contains("device lost"), "{e}");

        let e = run_in_order(&[Kind::Wgpu(Api::Vulkan), Kind::Glow], |k| Attempt {
            result: Err(format!("{k:?} failed")),
            app_started: false,
        })
        .unwrap_err();
        assert!(
            e.contains("wgpu (Vulkan): Wgpu(Vulkan) failed") && e.contains("Glow failed"),
            "{e}"
        );
    }

    #[test]
    fn the_renderer_flag_knows_its_words() {
        assert_eq!(parse_choice("WGPU"), Ok(Choice::Wgpu));
        assert_eq!(parse_choice("opengl"), Ok(Choice::Glow));
        assert_eq!(parse_choice("auto"), Ok(Choice::Auto));
        assert!(parse_choice("dx12").unwrap_err().contains("auto"));
    }
}
