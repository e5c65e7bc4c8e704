//! Words of the greetings and gifts regulation.

pub const OCC_NEW_YEAR: &str = "Новый год";
pub const OCC_DEFENDER: &str = "День защитника Отечества";
pub const OCC_WOMENS_DAY: &str = "Международный женский день";
pub const OCC_PROFESSIONAL: &str = "Профессиональный праздник";
pub const OCC_BIRTHDAY: &str = "День рождения";
pub const OCC_JUBILEE: &str = "Юбилей";
pub const CALLER_DIRECTOR: &str = "руководитель Общества (заместитель)";
pub const CALLER_MANAGER: &str = "персональный менеджер";
pub const GIFT_BY_REPRESENTATIVE: &str = "через представителя клиента";
pub const GIFT_BY_MANAGER: &str = "персональный менеджер лично";
pub const GIFT_BY_BRANCH: &str = "сотрудник филиала лично";
/// A row of `greetings schedule` on the command line.
#[allow(clippy::too_many_arguments)]
pub fn schedule_line(
    date: &str,
    occasion: &str,
    person: &str,
    client: &str,
    category: u8,
    callers: &str,
    gift_by: &str,
    hand_by: &str,
    order_by: &str,
    limit: &str,
) -> String {
    format!(
        "{date}\t{occasion}\t{person}\t{client}\t{category} кат.\tзвонит: {callers}\tподарок: {gift_by}, до {hand_by}\tзаказать до {order_by}\tлимит {limit}"
    )
}
/// A gift the person has had, proposed again.
pub fn gift_repeated(date: &str, handed: bool) -> String {
    if handed {
        format!("Этот подарок уже вручён этому человеку {date}: подарки не повторяются.")
    } else {
        format!(
            "Этот подарок уже запланирован этому человеку к празднику {date}: подарки не повторяются."
        )
    }
}
/// A gift dearer than the limit.
pub fn gift_over_limit(limit: &str) -> String {
    format!("Подарок дороже лимита {limit} для этой категории лиц и этого праздника.")
}
/// A row of `gifts given`.
pub fn gift_line(date: &str, occasion: &str, item: &str, amount: &str, handed: &str) -> String {
    format!("{date}\t{occasion}\t{item}\t{amount}\t{handed}")
}
pub const GIFT_NOT_HANDED: &str = "не вручён";
pub fn gift_handed(date: &str, by: &str) -> String {
    if by.is_empty() {
        format!("вручён {date}")
    } else {
        format!("вручён {date}, {by}")
    }
}
