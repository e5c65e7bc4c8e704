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

/// The name of an appeal's channel by its code.
pub fn channel_label(code: &str) -> &'static str {
    match code {
        "in_person" => CHANNEL_IN_PERSON,
        "phone" => CHANNEL_PHONE,
        "post" => CHANNEL_POST,
        "web" => CHANNEL_WEB,
        _ => CHANNEL_EMAIL,
    }
}

/// The name of an appeal's kind by its code.
pub fn kind_label(code: &str) -> &'static str {
    match code {
        "info" => KIND_INFO,
        "complaint" => KIND_COMPLAINT,
        "service_change" => KIND_SERVICE_CHANGE,
        "suggestion" => KIND_SUGGESTION,
        _ => KIND_FEEDBACK,
    }
}

/// The name of an appeal's status by its code.
pub fn status_label(code: &str) -> &'static str {
    match code {
        "received" => STATUS_RECEIVED,
        "registered" => STATUS_REGISTERED,
        "in_work" => STATUS_IN_WORK,
        "forwarded" => STATUS_FORWARDED,
        "answer_ready" => STATUS_ANSWER_READY,
        "answer_sent" => STATUS_ANSWER_SENT,
        _ => STATUS_CLOSED,
    }
}

pub const MEMO_TITLE: &str = "СЛУЖЕБНАЯ ЗАПИСКА";
pub fn memo_subtitle(from: &str, to: &str, week: &str) -> String {
    format!(
        "о жалобах и предложениях клиентов категории «VIP», поступивших с {from} по {to} (неделя {week})"
    )
}
pub fn memo_addressee(company: &str) -> String {
    format!("Руководству {company}")
}
pub const MEMO_INTRO: &str = "Докладываю о жалобах (рекламациях) и предложениях клиентов категории «VIP», поступивших за неделю по всем каналам связи.";
pub const MEMO_NONE: &str = "За неделю жалоб и предложений клиентов категории «VIP» не поступало.";
pub const COL_NO: &str = "№";
pub const COL_APPEAL_NUMBER: &str = "Рег. №";
pub const COL_RECEIVED: &str = "Поступило";
pub const COL_APPEAL_CLIENT: &str = "Клиент";
pub const COL_APPEAL_KIND: &str = "Вид";
pub const COL_CHANNEL: &str = "Канал";
pub const COL_SUBJECT: &str = "Суть";
pub const COL_APPEAL_STATUS: &str = "Состояние";
pub const COL_DUE: &str = "Срок ответа";
pub const COL_DAYS_LEFT: &str = "Осталось";
pub const COL_TOPIC: &str = "Тематика";
pub const NOT_REGISTERED: &str = "не зарег.";
pub fn memo_totals(total: usize, complaints: usize, suggestions: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Всего: {} (жалоб — {complaints}, предложений — {suggestions}).",
        count(total as u64, ["обращение", "обращения", "обращений"])
    )
}
pub fn memo_state_totals(answered: usize, open: usize, overdue: usize) -> String {
    format!(
        "Ответ направлен — {answered}, на рассмотрении — {open}, из них с нарушением срока — {overdue}."
    )
}
pub const MEMO_SIGNER_FALLBACK: &str = "Руководитель группы по работе с клиентами категории «VIP»";
pub fn memo_file_name(week: &str) -> String {
    format!("Служебная_записка_жалобы_{week}.pdf")
}
pub fn memo_date(date: &str) -> String {
    format!("Дата: {date}")
}

pub const STATS_TITLE: &str = "Статистика обращений клиентов категории «VIP»";
pub fn stats_period(from: &str, to: &str) -> String {
    format!("за период с {from} по {to}")
}
pub const STATS_BY_CHANNEL: &str = "По каналам";
pub const STATS_BY_KIND: &str = "По видам";
pub const STATS_BY_TOPIC: &str = "По тематике";
pub const STATS_TOTAL: &str = "Всего обращений";
pub const STATS_ANSWERED: &str = "Ответ направлен";
pub const STATS_ON_TIME: &str = "Из них в срок";
pub const STATS_ON_TIME_RATE: &str = "Доля ответов в срок";
pub const STATS_AVG_DAYS: &str = "Среднее время ответа, дней";
pub const STATS_OPEN_OVERDUE: &str = "На рассмотрении с нарушением срока";
pub const COL_INDICATOR: &str = "Показатель";
pub const COL_VALUE: &str = "Значение";
pub const ERR_NOT_AN_EMAIL: &str =
    "Файл не похож на письмо электронной почты (.eml): в нём нет отправителя.";
pub fn err_eml_too_large(size: &str) -> String {
    format!("Файл письма слишком велик ({size}): вложения больше 64 МБ не принимаются.")
}
pub fn err_unknown_sender(address: &str) -> String {
    format!(
        "Адрес {address} не найден у контактных лиц клиентов: укажите клиента (--client ID) или добавьте адрес в досье."
    )
}
pub fn err_ambiguous_sender(address: &str) -> String {
    format!(
        "Адрес {address} есть у контактных лиц нескольких клиентов: укажите клиента (--client ID)."
    )
}
pub fn err_bad_week(s: &str) -> String {
    format!("«{s}» — не неделя в виде ГГГГ-Wнн (например, 2026-W48).")
}
pub const ERR_BAD_PERIOD: &str = "Конец периода раньше его начала.";
pub fn err_bad_phone(why: &str) -> String {
    format!("Номер не распознан: {why}")
}
pub fn appeal_received(from: &str, register_by: &str) -> String {
    format!("Обращение принято (от {from}); зарегистрируйте его до {register_by}.")
}
pub fn appeal_registered_as(number: &str, due: &str) -> String {
    format!("Обращение зарегистрировано под № {number}, срок ответа — {due}.")
}
pub fn err_file_too_large(path: &str, size: &str, limit: &str) -> String {
    format!("Файл {path} слишком велик ({size}); наибольший размер — {limit}.")
}
/// An appeal's kind in a narrow table column.
pub fn kind_in_table(code: &str) -> &'static str {
    match code {
        "complaint" => "жалоба",
        "service_change" => "изменение услуг",
        other => kind_label(other),
    }
}
pub const STATS_SUMMARY: &str = "Итоги";
