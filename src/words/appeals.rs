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
        "о жалобах и предложениях клиентов категории «VIP», поступивших с {from} по {to} ({week})"
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
/// The memo's PDF title: «Служебная записка № СЗ-49 (49-я неделя 2026 г.)».
pub fn memo_meta_title(number: &str, week: &str) -> String {
    format!("Служебная записка № {number} ({week})")
}
pub fn memo_number(week: u32) -> String {
    format!("СЗ-{week}")
}
/// «07.12.2026 № СЗ-49» under the kind of an internal document.
pub fn date_and_number(date: &str, number: &str) -> String {
    format!("{date} №\u{a0}{number}")
}
pub fn memo_so_far(heading: &str, date: &str) -> String {
    format!("{heading}, по состоянию на {date} (неделя не закончилась)")
}
pub fn err_future_week(week: &str, starts: &str) -> String {
    format!("{week} начнётся {starts}: докладывать о ней пока нечего.")
}

pub const STATS_TITLE: &str = "Статистика обращений клиентов категории «VIP»";
pub fn stats_period(from: &str, to: &str) -> String {
    format!("за период с {from} по {to}")
}
pub const STATS_BY_CHANNEL: &str = "По каналам";
/// The kind of document the statistics are (GOST R 7.0.97).
pub const STATS_KIND: &str = "СПРАВКА";
pub fn stats_so_far(date: &str) -> String {
    format!("по состоянию на {date} (период не закончился)")
}
/// The totals of the statistics in words.
pub fn stats_summary(
    (total, total_text): (usize, &str),
    (answered, answered_text): (usize, &str),
    on_time: &str,
    rate: Option<&str>,
    avg_days: Option<&str>,
    overdue: &str,
) -> String {
    use crate::domain::fmt::plural;
    if total == 0 {
        return "За период обращений клиентов категории «VIP» не поступало.".into();
    }
    let came = format!(
        "За период поступило {total_text} {}.",
        plural(total as u64, ["обращение", "обращения", "обращений"])
    );
    if answered == 0 {
        return format!(
            "{came} Ответов пока не направлено. На рассмотрении с нарушением срока — {overdue}."
        );
    }
    let mut s = format!("{came} Ответ направлен на {answered_text}, из них в срок — на {on_time}");
    if let Some(r) = rate {
        s += &format!(" ({r})");
    }
    if let Some(d) = avg_days {
        s += &format!("; среднее время ответа — {d} дн.");
    } else {
        s += ".";
    }
    s += &format!(" На рассмотрении с нарушением срока — {overdue}.");
    s
}
pub fn err_future_period(starts: &str) -> String {
    format!("Период начнётся {starts}: статистики за него пока нет.")
}
pub const STATS_BY_KIND: &str = "По видам";
pub const STATS_BY_TOPIC: &str = "По тематике";
pub const STATS_CHART_BY_CHANNEL: &str = "Обращения по каналам поступления";
pub const STATS_CHART_BY_KIND: &str = "Обращения по видам";
pub const STATS_CHART_BY_TOPIC: &str = "Обращения по тематике";
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
        "service_change" => "изменение\nуслуг",
        other => kind_label(other),
    }
}
pub const STATS_SUMMARY: &str = "Итоги";

// ---- screens ----
pub const NAV_APPEALS: &str = "Обращения";
pub const NAV_APPEAL_REPORTS: &str = "Отчёты по обращениям";
pub const NAV_APPEAL_SETTINGS: &str = "Сроки и тематики";
pub const NAV_CALENDAR: &str = "Производственный календарь";
pub const INCOMING_CALL: &str = "Входящий звонок (F2)";
pub const NEW_APPEAL: &str = "Новое обращение";
pub const FROM_EML: &str = "Из письма (.eml)…";
pub const EML_HINT: &str = "Перетащите сюда файл письма .eml или выберите его.";
pub const EXPORT_XLSX: &str = "Выгрузить в Excel";
pub const EXPORT_PATH: &str = "Файл выгрузки";
pub const APPEALS_XLSX_FILE: &str = "Обращения.xlsx";
pub const ALL_KINDS: &str = "Все виды";
pub const ALL_CHANNELS: &str = "Все каналы";
pub const ALL_TOPICS: &str = "Все тематики";
pub const OPEN_ONLY: &str = "Только нерассмотренные";
pub const DUE_ANY: &str = "Любой срок";
pub const DUE_OVERDUE: &str = "Просроченные";
pub const DUE_WITHIN: &str = "Срок в ближайшие (раб. дн.)";
pub const FILTER_KIND: &str = "Вид обращения";
pub const FILTER_CHANNEL: &str = "Канал";
pub const FILTER_TOPIC: &str = "Тематика";
pub const FILTER_DUE: &str = "Срок";
pub const SEARCH_APPEALS: &str = "Поиск по теме и тексту";
/// «192 обращения»; «Показаны первые 500 из 7 412…»; beyond `cap`, «из более чем 10 000».
pub fn appeals_shown_of(shown: usize, total: usize, cap: usize) -> String {
    use crate::domain::fmt::{count, number};
    if shown == total {
        count(total as u64, ["обращение", "обращения", "обращений"])
    } else if total > cap {
        format!(
            "Показаны первые {shown} из более чем {}: уточните отбор",
            number(cap as f64, 0)
        )
    } else {
        format!(
            "Показаны первые {shown} из {}: уточните отбор",
            number(total as f64, 0)
        )
    }
}
pub fn days_left(days: i64) -> String {
    use crate::domain::fmt::count;
    match days {
        d if d < 0 => format!(
            "просрочено на {}",
            count((-d) as u64, ["день", "дня", "дней"])
        ),
        0 => "сегодня".into(),
        d => count(d as u64, ["день", "дня", "дней"]),
    }
}
pub const COL_LEFT: &str = "Осталось";
pub const COL_MANAGER_SHORT: &str = "Менеджер";
pub const XLSX_SHEET: &str = "Обращения";
pub fn xlsx_written(n: usize, path: &str) -> String {
    format!("Выгружено обращений: {n}. Файл: {path}")
}

pub fn appeal_title(number: &str) -> String {
    if number.is_empty() {
        "Обращение (не зарегистрировано)".into()
    } else {
        format!("Обращение № {number}")
    }
}
pub const F_CLIENT: &str = "Клиент";
pub const F_PERSON: &str = "Кто обратился";
pub const F_SENDER: &str = "Отправитель";
pub const F_SENDER_CONTACT: &str = "Адрес, телефон";
pub const F_CHANNEL: &str = "Канал поступления";
pub const F_REPLY_CHANNEL: &str = "Ответить через";
pub const F_TOPIC: &str = "Тематика";
pub const F_RECEIVED_DATE: &str = "Получено (дата)";
pub const F_RECEIVED_TIME: &str = "Время";
pub const F_APPEAL_TEXT: &str = "Текст обращения";
pub const F_RELATED: &str = "Связанные обращения";
pub const F_DEPT: &str = "Подразделение";
pub const F_SPECIALIST: &str = "Специалист";
pub const F_SPECIALIST_ANSWER: &str = "Ответ специалиста";
pub const F_ANSWER: &str = "Ответ клиенту (кратко)";
pub const F_ANSWER_VIA: &str = "Способ ответа";
pub const F_REASON_OTHER_CHANNEL: &str = "Почему другим способом";
pub const F_EXTEND_DAYS: &str = "Продлить на (дней)";
pub const F_EXTEND_REASON: &str = "Причина продления";
pub const F_CLOSE_NOTE: &str = "Примечание к закрытию";
pub const REGISTER_APPEAL: &str = "Зарегистрировать";
pub const SAVE_UNREGISTERED: &str = "Сохранить без регистрации";
pub const TAKE_IN_WORK: &str = "Взять в работу";
pub const FORWARD: &str = "Передать специалисту";
pub const SPECIALIST_ANSWERED: &str = "Ответ специалиста получен";
pub const PREPARE_ANSWER: &str = "Ответ подготовлен";
pub const REPLY_LETTER: &str = "Ответить письмом";
pub const SEND_ANSWER: &str = "Ответ направлен";
pub const EXTEND: &str = "Продлить срок";
pub const NOTIFY_REGISTERED: &str = "Уведомить о регистрации";
pub const CLOSE_APPEAL: &str = "Закрыть обращение";
pub const BACK_TO_WORK: &str = "Вернуть в работу";
pub const ATTACH_FILE: &str = "Приложить файл";
pub const COPY_TEXT: &str = "Копировать текст";
pub const COPIED: &str = "Текст скопирован: вставьте его в письмо.";
pub const NOTICE_TEXT_TITLE: &str = "Уведомление о регистрации";
pub const CLOCK_REGISTER: &str = "Зарегистрировать до";
pub const CLOCK_REGISTERED: &str = "Зарегистрировано";
pub const CLOCK_FORWARD: &str = "Передать по компетенции до";
pub const CLOCK_ANSWER: &str = "Ответить до";
pub fn extended_info(days: u32, date: &str, reason: &str) -> String {
    format!("Срок продлён на {days} дн. ({date}): {reason}")
}
pub fn forwarded_info(dept: &str, person: &str, date: &str) -> String {
    if person.is_empty() {
        format!("Передано: {dept}, {date}")
    } else {
        format!("Передано: {dept}, {person}, {date}")
    }
}
pub fn answered_info(via: &str, date: &str) -> String {
    format!("Ответ направлен {via} {date}")
}
pub const SIDE_DOSSIER: &str = "Что известно о клиенте";
pub const SIDE_CONTRACT: &str = "Договор";
pub const SIDE_SERVICES: &str = "Услуги";
pub const SIDE_CONTACTS: &str = "Контактные лица";
pub const SIDE_LAST_APPEALS: &str = "Последние обращения";
pub const SIDE_LETTERS: &str = "Письма по обращению";
pub const SIDE_ATTACHMENTS: &str = "Вложения";
pub const SIDE_RELATED: &str = "Связанные обращения";
pub const NOTHING: &str = "—";
pub fn appeal_created(number: &str) -> String {
    if number.is_empty() {
        "Обращение сохранено; зарегистрируйте его в срок.".into()
    } else {
        format!("Обращение зарегистрировано под № {number}")
    }
}
pub fn appeal_status_set(status: &str) -> String {
    format!("Обращение: {status}")
}
pub fn extended_to(date: &str) -> String {
    format!("Срок продлён до {date}; уведомление клиенту — в письмах обращения.")
}
pub const ERR_NO_APPEAL: &str = "Обращение не открыто";
pub const UNKNOWN_CLIENT_FOR_EML: &str = "Отправитель не найден в досье: выберите клиента и, если нужно, добавьте адрес контактному лицу.";
pub fn related_unknown(numbers: &str) -> String {
    format!("Нет обращений с номерами: {numbers}")
}

// ---- the call card ----
pub const CALL_TITLE: &str = "Входящий звонок";
pub const CALL_NUMBER: &str = "Номер телефона";
pub const CALL_FIND: &str = "Найти";
pub fn call_greeting(company: &str, manager: &str) -> String {
    format!("«{company}». Добрый день, {manager}. Чем Вам помочь?")
}
pub const CALL_CLOSING: &str = "Благодарю Вас за обращение в нашу компанию.";
pub const CALL_UNKNOWN: &str = "Номер не найден в досье клиентов.";
pub const CALL_ADD_TO_PERSON: &str = "Добавить номер контактному лицу";
pub const CALL_FROM_CLIENT: &str = "Звонок от этого клиента: записать звонок или обращение";
pub fn call_count(n: i64) -> String {
    crate::domain::fmt::count(n as u64, ["звонок", "звонка", "звонков"])
}
pub const CALL_KNOWN: &str = "узнавайте по голосу и обращайтесь по имени и отчеству";
pub fn call_address(name: &str) -> String {
    format!("Обращайтесь: {name}")
}
pub const CALL_SUMMARY: &str = "О чём звонок";
pub const CALL_RECORD: &str = "Записать звонок";
pub const CALL_RECORD_APPEAL: &str = "Записать и зарегистрировать обращение";
pub const CALL_OPEN_APPEALS: &str = "Открытые обращения";
pub const CALL_LAST_CONTACTS: &str = "Последние контакты";
pub const CALL_OPEN_DOSSIER: &str = "Открыть досье";
pub const CALL_RECORDED: &str = "Звонок записан.";
pub const CALL_SAY: &str = "Скажите";
pub const CALL_CLOSE: &str = "Закрыть";

// ---- settings ----
pub const SETTINGS_TERMS: &str = "Сроки ответа по видам обращений";
pub const SETTINGS_TERMS_NOTE: &str = "Срок считается со дня, следующего за регистрацией (ст. 191 ГК РФ); последний день, приходящийся на нерабочий, переносится на ближайший рабочий (ст. 193 ГК РФ).";
pub const TERM_WORKING: &str = "раб.";
pub const COL_LEGAL: &str = "Юр. лицо";
pub const COL_IP: &str = "ИП";
pub const COL_CITIZEN: &str = "Гражданин";
pub const F_REGISTRATION_TERM: &str = "Регистрация после поступления, дней";
pub const F_FORWARDING_TERM: &str = "Передача по компетенции, дней";
pub const F_DUE_SOON_DAYS: &str = "«Скоро срок» за, рабочих дней";
pub const F_MAX_EXTENSION_DAYS: &str = "Наибольшее продление, дней";
pub const F_APPEAL_NUMBER_FORMAT: &str = "Формат номера ({n} — номер, {yy}/{yyyy} — год)";
pub const SAVE_SETTINGS: &str = "Сохранить настройки";
pub const TOPICS: &str = "Тематики обращений";
pub const NEW_TOPIC: &str = "Новая тематика";
pub const ADD_TOPIC: &str = "Добавить";
pub const RENAME: &str = "Переименовать";
pub const DELETE_TOPIC: &str = "Удалить";

// ---- reports ----
pub const WEEKLY_MEMO: &str = "Еженедельная служебная записка";
pub const F_WEEK_DAY: &str = "Неделя, в которую входит день";
/// «48-я неделя 2026 г.: 23.11.2026 — 29.11.2026».
pub fn week_in_words(week: &str, from: &str, to: &str) -> String {
    format!("{week}: {from} — {to}")
}
pub const PREV_WEEK: &str = "Предыдущая неделя";
pub const NEXT_WEEK: &str = "Следующая неделя";
pub const SAVE_MEMO: &str = "Сохранить записку (PDF)";
pub const STATS: &str = "Статистика за период";
pub const F_FROM: &str = "С";
pub const F_TO: &str = "По";
pub const BUILD_STATS: &str = "Показать";
pub const SAVE_STATS: &str = "Сохранить статистику (PDF)";
pub const PDF_PATH: &str = "Файл PDF";

// ---- today ----
pub const TODAY_APPEALS_OVERDUE: &str = "Обращения: срок ответа истёк";
pub const TODAY_APPEALS_SOON: &str = "Обращения: скоро срок ответа";
pub const TODAY_APPEALS_UNREGISTERED: &str = "Обращения: не зарегистрированы";
pub fn register_by(date: &str) -> String {
    format!("зарегистрировать до {date}")
}
pub const OPEN_APPEAL: &str = "Открыть";

// ---- the calendar ----
pub const CALENDAR_YEAR: &str = "Год";
pub fn calendar_counts(working: usize, short: usize, off: usize) -> String {
    format!("Рабочих дней: {working} (из них сокращённых: {short}); выходных и праздничных: {off}")
}
pub const CALENDAR_DAY: &str = "День";
pub const CALENDAR_DECREE: &str = "Постановление (номер и дата)";
pub const CALENDAR_APPLY: &str = "Применить";
pub const CALENDAR_RESET: &str = "Как в официальном календаре";
pub const CALENDAR_CONFIRM_YEAR: &str = "Утвердить год постановлением";
pub const CALENDAR_UNCONFIRM_YEAR: &str = "Снять утверждение";
pub const CALENDAR_OVERRIDES: &str = "Изменения, внесённые вручную";
pub const CALENDAR_PICK: &str = "Щёлкните день, чтобы изменить его.";
pub const CALENDAR_PICK_TO_SEE: &str =
    "Щёлкните день, чтобы увидеть, какой он. Календарь изменяет руководитель группы.";
pub const CALENDAR_SAVED: &str = "Календарь изменён.";
pub const CALENDAR_LEGEND: &str =
    "Красным — выходные и праздничные, жёлтым — сокращённые; подчёркнуты дни, изменённые вручную.";
pub const CALENDAR_HEAD_ONLY: &str = "Изменять календарь может руководитель группы.";
pub const ERR_XLSX_APPEALS: &str = "Не удалось составить файл Excel.";
pub fn err_too_many_rows(n: usize) -> String {
    format!("Отобрано {n} обращений — больше, чем помещается на листе Excel: уточните отбор.")
}
pub fn letter_of_appeal(number: &str) -> String {
    if number.is_empty() {
        "По обращению (не зарегистрировано)".into()
    } else {
        format!("По обращению № {number}")
    }
}
pub const EV_APPEAL: &str = "Обращение";
pub const CALENDAR_YEAR_DECREE: &str = "Постановление о календаре года (номер и дата)";
pub const ALL_MANAGERS: &str = "Все менеджеры";
/// Days left in a narrow column: «12 дн.», «сегодня», «−3 дн.» (overdue).
pub fn days_left_short(days: i64) -> String {
    match days {
        0 => "сегодня".into(),
        d if d < 0 => format!("−{} дн.", -d),
        d => format!("{d} дн."),
    }
}
pub const RELATED_HINT: &str = "Номера обращений через запятую, например: ОБ-12/26, ОБ-15/26";
pub const FORWARD_SECTION: &str = "Передача специалисту";
pub const ANSWER_SECTION: &str = "Ответ клиенту";
pub fn err_term_days(s: &str, max: u32) -> String {
    format!("«{s}» — не срок: число дней от 0 до {max}")
}
pub fn calendar_unrecorded_warning(year: i32) -> String {
    format!(
        "Внимание: официального календаря {year} года в программе нет: дни посчитаны по нынешнему Трудовому кодексу, без переносов того года."
    )
}
pub fn calendar_predicted_warning(year: i32) -> String {
    format!(
        "Внимание: календарь {year} года — прогноз по Трудовому кодексу, постановления о переносе выходных ещё нет."
    )
}
pub const WITHOUT_TOPIC: &str = "без тематики";
pub const ORIGINAL_EMAIL: &str = "письмо.eml";
pub fn body_cut(shown: usize) -> String {
    format!("\n\n[Показаны первые {shown} знаков письма; полный текст — во вложении «письмо.eml».]")
}
pub fn register_by_past(date: &str) -> String {
    format!("{date} — срок регистрации прошёл")
}
pub fn week_title(week: u32, year: i32) -> String {
    format!("{week}-я неделя {year} г.")
}
pub fn page_number(n: usize) -> String {
    n.to_string()
}
pub const IO_NOT_A_FILE: &str = "это не обычный файл (устройство или канал): выберите файл";
pub const CALL_OVERDUE: &str = ", срок ответа истёк";
/// The command line, after `report weekly-complaints`.
pub fn memo_written(path: &str) -> String {
    format!("Служебная записка о жалобах и предложениях записана в {path}")
}
/// The command line, after `report appeals`.
pub fn stats_written(path: &str) -> String {
    format!("Статистика обращений записана в {path}")
}
/// How appeals are numbered until the settings say otherwise: «ОБ-17/26».
pub const DEFAULT_APPEAL_NUMBERS: &str = "ОБ-{n}/{yy}";
pub const STATS_FILE: &str = "Статистика_обращений.pdf";

/// A letter of an appeal in its card: «ответ: № VIP-12 от 01.12.2026 (зарегистрировано)».
pub fn appeal_letter_line(role: &str, number: &str, date: &str, status: &str) -> String {
    format!("{role}: № {number} от {date} ({status})")
}
/// A letter of an appeal not registered yet.
pub fn appeal_letter_draft(role: &str) -> String {
    format!("{role}: черновик, ещё не зарегистрирован")
}
/// After «Ответить письмом» when the draft was edited by hand past the answer it said.
pub const ANSWER_NOT_IN_DRAFT: &str = "Черновик ответа уже изменён вручную: новый краткий ответ в него не вставлен. Впишите его в письмо сами.";

/// The file name of an e-mail's attachment that names none.
pub fn attachment_fallback(n: usize) -> String {
    format!("вложение-{n}")
}

/// The file name (without `.eml`) of a forwarded message with no subject.
pub fn forwarded_fallback(n: usize) -> String {
    format!("письмо-{n}")
}

/// `appeals notice`: the draft made.
pub fn appeal_notice_drafted(letter_id: i64) -> String {
    format!(
        "Черновик уведомления о регистрации — письмо {letter_id}: проверьте, зарегистрируйте и отправьте его."
    )
}
/// `appeals notice --out`: the text of a notice by e-mail or the website written.
pub fn appeal_notice_written(path: &str) -> String {
    format!("Текст уведомления о регистрации записан в {path}.")
}
/// `appeals reply`: the draft made (or the draft made before, with the answer put in).
pub fn appeal_reply_drafted(letter_id: i64) -> String {
    format!("Черновик ответа — письмо {letter_id}: проверьте, зарегистрируйте и отправьте его.")
}
