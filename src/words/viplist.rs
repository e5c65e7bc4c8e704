//! The yearly VIP list: the proposal, its criteria and reasons.

pub const PROPOSAL_INCLUDE: &str = "включить";
pub const PROPOSAL_EXCLUDE: &str = "исключить";
pub const PROPOSAL_KEEP: &str = "оставить";

/// The heading of a proposed list with what it was judged on.
pub fn vip_list_heading(year: i32, from: &str, to: &str) -> String {
    format!(
        "Список клиентов категории VIP на {year} год — предложение (потребление за {from}–{to})"
    )
}
/// The thresholds in one line.
pub fn vip_list_thresholds(min_kwh: &str, top: u32, years: u32) -> String {
    let top = if top == 0 {
        String::new()
    } else {
        format!(" или {top} крупнейших в межрайонном отделении")
    };
    format!(
        "Критерии: потребление от {min_kwh} кВт·ч за 12 месяцев{top}; сотрудничество от {years} лет; брендовость; руководители с высоким политическим статусом (по решению прошлого года)."
    )
}
/// The totals of a proposal.
pub fn vip_list_totals(include: usize, keep: usize, exclude: usize) -> String {
    format!("Включить: {include}, оставить: {keep}, исключить: {exclude}.")
}
/// The volume criterion as a reason: kWh and the place in the office.
pub fn reason_volume(kwh: &str, place: Option<(u32, u32)>) -> String {
    match place {
        Some((rank, size)) => {
            format!("потребление {kwh} кВт·ч ({rank}-е место из {size} в отделении)")
        }
        None => format!("потребление {kwh} кВт·ч"),
    }
}
pub fn reason_years(years: u32) -> String {
    format!(
        "сотрудничество {years} {}",
        crate::domain::fmt::plural(u64::from(years), ["год", "года", "лет"])
    )
}
pub const REASON_BRAND: &str = "брендовость";
pub fn reason_political(note: &str) -> String {
    if note.trim().is_empty() {
        "руководитель с высоким политическим статусом".to_string()
    } else {
        format!(
            "руководитель с высоким политическим статусом ({})",
            note.trim()
        )
    }
}
pub const REASON_NONE: &str = "ни один критерий не выполнен";
pub const NO_CONSUMPTION: &str = "потребление не внесено";
