//! Words of appeals and the production calendar: channels, kinds, statuses, the register, the
//! appeal's card, the call card, the weekly memo, the calendar screen.

pub const CHANNEL_IN_PERSON: &str = "очно";
pub const CHANNEL_PHONE: &str = "телефон";
pub const CHANNEL_POST: &str = "почта";
pub const CHANNEL_WEB: &str = "интернет-приёмная";
pub const CHANNEL_EMAIL: &str = "электронная почта";

/// «по телефону», «по почте», … — how an answer goes.
pub fn channel_by(code: &str) -> &'static str {
    match code {
        "in_person" => "лично",
        "phone" => "по телефону",
        "post" => "письмом по почте",
        "web" => "через интернет-приёмную",
        _ => "по электронной почте",
    }
}

pub const KIND_INFO: &str = "запрос информации";
pub const KIND_COMPLAINT: &str = "жалоба/рекламация";
pub const KIND_SERVICE_CHANGE: &str = "заявление на изменение услуг";
pub const KIND_SUGGESTION: &str = "предложение";
pub const KIND_FEEDBACK: &str = "отзыв";

/// «Жалобу», «Запрос информации», … — the kind as the object of a sentence.
pub fn kind_accusative(code: &str) -> &'static str {
    match code {
        "complaint" => "Жалобу",
        "info" => "Запрос информации",
        "service_change" => "Заявление на изменение услуг",
        "suggestion" => "Предложение",
        _ => "Отзыв",
    }
}

pub const STATUS_RECEIVED: &str = "получено, не зарегистрировано";
pub const STATUS_REGISTERED: &str = "зарегистрировано";
pub const STATUS_IN_WORK: &str = "в работе";
pub const STATUS_FORWARDED: &str = "передано специалисту";
pub const STATUS_ANSWER_READY: &str = "ответ подготовлен";
pub const STATUS_ANSWER_SENT: &str = "ответ направлен";
pub const STATUS_CLOSED: &str = "закрыто";

pub const ROLE_REPLY: &str = "ответ";
pub const ROLE_REGISTERED: &str = "уведомление о регистрации";
pub const ROLE_EXTENDED: &str = "уведомление о продлении срока";

pub const DAY_WORKING: &str = "рабочий";
pub const DAY_SHORT: &str = "сокращённый";
pub const DAY_OFF: &str = "выходной";
pub const DAY_HOLIDAY: &str = "праздничный";

pub fn err_appeal_transition(from: &str, to: &str) -> String {
    format!("Обращение в статусе «{from}» нельзя перевести в статус «{to}».")
}
pub fn err_close_without_answer(kind_accusative: &str) -> String {
    format!(
        "{kind_accusative} нельзя закрыть без ответа: сначала направьте ответ клиенту (письмом, по телефону или по электронной почте)."
    )
}
pub const ERR_NO_ANSWER: &str = "Нет текста ответа: запишите, что ответили клиенту.";
pub fn err_other_channel(chosen_by: &str, used_by: &str) -> String {
    format!("Клиент просил ответить {chosen_by}. Чтобы ответить {used_by}, укажите причину.")
}
pub const ERR_POST_IS_A_LETTER: &str =
    "Ответ по почте — это письмо: нажмите «Ответить письмом» и зарегистрируйте письмо.";
pub const ERR_NO_DEPARTMENT: &str = "Укажите подразделение, которому передаётся обращение.";
pub const ERR_NO_REASON: &str = "Укажите причину продления срока.";
pub fn err_extension_days(max: u32) -> String {
    format!("Срок продлевается на число дней от 1 до {max}.")
}
pub fn err_already_extended(date: &str) -> String {
    format!("Срок рассмотрения уже продлевался {date}: продлить его можно один раз.")
}
pub fn err_not_registered(id: i64) -> String {
    format!("Обращение {id} ещё не зарегистрировано: сначала зарегистрируйте его.")
}
pub fn err_already_imported(number: &str) -> String {
    if number.is_empty() {
        "Это письмо уже принято как обращение (ещё не зарегистрировано).".to_string()
    } else {
        format!("Это письмо уже принято как обращение № {number}.")
    }
}
pub fn err_appeal_fields(fields: &str) -> String {
    format!("Обращение не сохранено: {fields}.")
}
pub const ERR_CALENDAR_NOT_ALLOWED: &str =
    "Производственный календарь изменяет только руководитель группы.";
pub const ERR_CALENDAR_NO_DECREE: &str =
    "Укажите постановление, которым утверждён календарь года (номер и дата).";
pub fn err_calendar_year(year: i32) -> String {
    format!("Год {year} вне календаря: доступны годы с 1900 по 2100.")
}

pub const F_APPEAL_CLIENT: &str = "клиент";
pub const F_APPEAL_SUBJECT: &str = "тема";
pub const F_APPEAL_RECEIVED: &str = "дата получения";
pub const F_APPEAL_NOTE: &str = "примечание";
pub const F_APPEAL_TOPIC: &str = "тематика";
pub const F_APPEAL_FORWARD_ANSWER: &str = "ответ специалиста";
pub const F_NUMBER_FORMAT: &str = "формат номера";
pub const F_TERMS: &str = "сроки";
pub const F_MAX_EXTENSION: &str = "наибольшее продление";
pub const F_DUE_SOON: &str = "«скоро срок» за";

pub const YEAR_OFFICIAL: &str = "официальный календарь";
pub const YEAR_PREDICTED: &str =
    "прогноз по Трудовому кодексу: проверьте, когда выйдет постановление";
pub fn year_decreed(decree: &str) -> String {
    format!("утверждён: {decree}")
}
pub fn err_iso_date(s: &str) -> String {
    format!("«{s}» — не дата в виде ГГГГ-ММ-ДД (например, 2026-11-25)")
}
