//! The journal of changes in words: the kinds of records (tables) and their fields (columns),
//! every one of the current schema (a test holds it).

/// The kinds of records the journal filters by, as stored (tables) and shown.
pub const JOURNAL_KINDS: &[(&str, &str)] = &[
    ("clients", "Клиент"),
    ("people", "Руководитель / контакт"),
    ("person_phones", "Телефон"),
    ("owners", "Собственник"),
    ("client_services", "Услуга клиента"),
    ("projects", "Проект"),
    ("project_stages", "Этап проекта"),
    ("vip_years", "VIP-статус"),
    ("indicator_values", "Показатель"),
    ("records", "Переписка / файл"),
    ("letters", "Письмо"),
    ("meetings", "Отчёт о контакте"),
    ("next_steps", "Следующий шаг"),
    ("meeting_people", "Участник встречи"),
    ("meeting_files", "Файл отчёта"),
    ("appeals", "Обращение"),
    ("appeal_links", "Связанное обращение"),
    ("appeal_letters", "Письмо по обращению"),
    ("appeal_files", "Файл обращения"),
    ("appeal_calls", "Звонок по обращению"),
    ("appeal_topics", "Тематика обращений (справочник)"),
    ("gifts", "Подарок"),
    ("gift_ideas", "Идея подарка"),
    ("managers", "Менеджер"),
    ("credentials", "Вход в программу"),
    ("templates", "Шаблон письма"),
    ("settings", "Настройки"),
    ("calendar_days", "День производственного календаря"),
    ("calendar_years", "Год производственного календаря"),
    ("districts", "Межрайонное отделение (справочник)"),
    ("industries", "Отрасль (справочник)"),
    ("services", "Услуга (справочник)"),
    ("indicator_kinds", "Вид показателя (справочник)"),
    ("vip_lists", "VIP-список года"),
    ("vip_list_rows", "Клиент в VIP-списке года"),
    ("survey_questions", "Вопрос анкеты удовлетворённости"),
    ("surveys", "Опрос удовлетворённости"),
    ("survey_answers", "Ответ на вопрос анкеты"),
    ("database", "База данных"),
    ("demo", "Демо-данные"),
    ("sync", "Получено с сервера отдела"),
];

/// The kind of record a journal row is about («Клиент»); a table this version does not know
/// is named as stored.
pub fn journal_kind(kind: &str) -> &str {
    JOURNAL_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind, |(_, label)| label)
}

/// A stored column of `table` as the journal names it; `None` when there is no word for it.
pub fn journal_field(table: &str, column: &str) -> Option<&'static str> {
    // What a first sync took in, by the kind of records.
    if table == "sync"
        && !matches!(
            column,
            "clients" | "people" | "letters" | "appeals" | "gifts"
        )
    {
        return JOURNAL_KINDS
            .iter()
            .find(|(k, _)| *k == column)
            .map(|(_, label)| *label);
    }
    let specific = match (table, column) {
        ("owners", "kind") => Some("Вид собственника"),
        ("owners", "name") => Some("Собственник"),
        ("meetings", "kind") => Some("Вид контакта"),
        ("appeals", "kind") => Some("Вид обращения"),
        ("calendar_days", "kind") => Some("Вид дня"),
        ("indicator_kinds", "name") => Some("Вид показателя"),
        ("districts", "name") => Some("Межрайонное отделение"),
        ("industries", "name") => Some("Отрасль"),
        ("services", "name") => Some("Услуга"),
        ("appeal_topics", "name") => Some("Тематика"),
        ("appeals", "number") => Some("Регистрационный номер"),
        ("letters", "number") => Some("Исходящий номер"),
        ("appeals" | "letters", "number_from_block") => {
            Some("Номер из блока, выданного рабочему месту заранее")
        }
        ("person_phones", "number") => Some("Номер телефона"),
        ("records", "number") => Some("Номер документа"),
        ("appeals", "body") => Some("Текст обращения"),
        ("templates", "body") => Some("Текст шаблона"),
        ("appeals", "status") => Some("Состояние обращения"),
        ("letters", "status") => Some("Состояние письма"),
        ("meetings", "status") => Some("Состояние отчёта"),
        ("gifts", "status") => Some("Состояние заказа"),
        ("projects", "status") => Some("Состояние проекта"),
        ("next_steps", "text") => Some("Шаг"),
        ("projects", "title") => Some("Проект"),
        ("project_stages", "title") => Some("Этап"),
        ("templates", "title") => Some("Название шаблона"),
        ("templates", "code") => Some("Код шаблона"),
        ("settings", "key") => Some("Настройка"),
        ("settings", "value") => Some("Значение"),
        ("settings", "data") => Some("Изображение, байт"),
        ("indicator_values", "value") => Some("Значение"),
        ("appeals", "year") | ("letters", "year") => Some("Год номера"),
        ("vip_years", "year") | ("calendar_years", "year") => Some("Год"),
        ("appeals", "seq") | ("letters", "seq") => Some("Порядковый номер"),
        ("meetings", "date") => Some("Дата контакта"),
        ("calendar_days", "date") => Some("День"),
        ("appeal_letters", "role") => Some("Что это за письмо"),
        ("managers", "role") => Some("Роль"),
        ("vip_years", "order_number") | ("managers", "order_number") => Some("Номер приказа"),
        ("vip_years", "order_date") | ("managers", "order_date") => Some("Дата приказа"),
        ("vip_lists", "version") => Some("Редакция"),
        ("vip_lists", "status") => Some("Состояние списка"),
        ("vip_lists", "window_from") => Some("Потребление учтено с"),
        ("vip_lists", "window_to") => Some("Потребление учтено по"),
        ("vip_lists", "order_number") => Some("Номер приказа об утверждении"),
        ("vip_lists", "order_date") => Some("Дата приказа об утверждении"),
        ("vip_lists", "corrects_id") => Some("Исправляет редакцию"),
        ("vip_lists", "managers_order_number") => Some("Номер приказа о назначении менеджеров"),
        ("vip_lists", "managers_order_date") => Some("Дата приказа о назначении менеджеров"),
        ("vip_list_rows", "list_id") => Some("VIP-список"),
        ("vip_list_rows", "client_name") => Some("Клиент (как в списке)"),
        ("vip_list_rows", "district") => Some("Межрайонное отделение"),
        ("vip_list_rows", "kwh") => Some("Потребление за 12 месяцев, кВт·ч"),
        ("vip_list_rows", "rank") => Some("Место в отделении"),
        ("vip_list_rows", "district_size") => Some("Клиентов в отделении"),
        ("vip_list_rows", "years") => Some("Лет сотрудничества"),
        ("vip_list_rows", "vip_before") => Some("В списке прошлого года"),
        ("vip_list_rows", "proposal") => Some("Предложение"),
        ("vip_list_rows", "decision") => Some("Решение"),
        ("vip_list_rows", "reason") => Some("Обоснование"),
        ("survey_questions", "text") => Some("Вопрос"),
        ("survey_questions", "kind") => Some("Вид ответа"),
        ("survey_questions", "active") => Some("Задаётся"),
        ("surveys", "year") => Some("Год опроса"),
        ("surveys", "date") => Some("Дата опроса"),
        ("surveys", "person_id") => Some("Кто отвечал"),
        ("surveys", "respondent") => Some("Кто отвечал (не из досье)"),
        ("surveys", "channel") => Some("Способ опроса"),
        ("surveys", "comment") => Some("Комментарий"),
        ("surveys", "appeal_id") => Some("Зарегистрировано обращение"),
        ("survey_answers", "survey_id") => Some("Опрос"),
        ("survey_answers", "question_id") => Some("Вопрос"),
        ("survey_answers", "score") => Some("Оценка"),
        ("survey_answers", "text") => Some("Ответ"),
        ("demo" | "sync", "clients") => Some("Клиентов"),
        ("demo" | "sync", "people") => Some("Контактных лиц"),
        ("demo" | "sync", "letters") => Some("Писем"),
        ("demo", "reports") => Some("Отчётов о контактах"),
        ("demo" | "sync", "appeals") => Some("Обращений"),
        ("demo" | "sync", "gifts") => Some("Подарков"),
        ("credentials", "manager_id") => Some("Чей вход"),
        ("database", "file") => Some("Файл копии"),
        ("database", "aside") => Some("Прежние данные"),
        _ => None,
    };
    specific.or_else(|| column_label(column))
}

/// The words of a column, whatever its table.
fn column_label(column: &str) -> Option<&'static str> {
    use super::clients as c;
    Some(match column {
        "short_name" => c::F_SHORT_NAME,
        "full_name" => c::F_FULL_NAME,
        "kind" => c::F_KIND,
        "inn" => c::F_INN,
        "kpp" => c::F_KPP,
        "ogrn" => c::F_OGRN,
        "legal_address" => c::F_LEGAL_ADDRESS,
        "postal_address" => c::F_POSTAL_ADDRESS,
        "district_id" => c::F_DISTRICT,
        "industry_id" => c::F_INDUSTRY,
        "contract_number" => c::F_CONTRACT_NUMBER,
        "contract_date" => c::F_CONTRACT_DATE,
        "since_year" => c::F_SINCE_YEAR,
        "manager_id" => c::F_MANAGER,
        "strategic" => c::F_STRATEGIC,
        "call_every_days" => super::contacts::F_CALL_EVERY,
        "meeting_every_months" => super::contacts::F_MEETING_EVERY,
        "deleted_at" => "В корзине с",
        "surname" => c::F_SURNAME,
        "name" => c::F_NAME,
        "patronymic" => c::F_PATRONYMIC,
        "gender" => c::F_GENDER,
        "position" => c::F_POSITION,
        "category" => c::F_CATEGORY,
        "birthday" => c::F_BIRTHDAY,
        "email" => c::F_EMAIL,
        "address_as" => c::F_ADDRESS_AS,
        "name_dative" => c::F_NAME_DATIVE,
        "position_dative" => c::F_POSITION_DATIVE,
        "notes" => c::F_NOTES,
        "share" => c::F_SHARE,
        "note" => c::F_NOTE,
        "service_id" => c::F_SERVICE,
        "start_date" => c::F_START,
        "end_date" => c::F_END,
        "title" => c::F_TITLE,
        "goal" => c::F_GOAL,
        "status" => c::F_STATUS,
        "planned_date" => c::F_PLANNED,
        "actual_date" => c::F_ACTUAL,
        "result" => c::F_RESULT,
        "date" => c::F_DATE,
        "direction" => c::F_DIRECTION,
        "number" => c::F_NUMBER,
        "subject" => c::F_SUBJECT,
        "year" => c::F_YEAR,
        "order_number" => c::F_ORDER_NUMBER,
        "order_date" => c::F_ORDER_DATE,
        "phone" => c::F_PHONE,
        "file_name" => "Файл",
        "file_size" => "Размер файла, байт",
        "file_data" => "Содержимое файла, байт",
        "month" => "Месяц",
        "value" => "Значение",
        "unit" => "Единица измерения",
        "kind_id" => "Вид показателя",
        "client_id" => "Клиент",
        "person_id" => "Контактное лицо",
        "project_id" => "Проект",
        "meeting_id" => "Отчёт о контакте",
        "appeal_id" => "Обращение",
        "related_id" => "Связанное обращение",
        "letter_id" => "Письмо",
        "record_id" => "Запись переписки",
        "merge_id" => "Рассылка",
        "version_of" => "Исправляет",
        "supervisor_id" => "Руководитель",
        "topic_id" => "Тематика",
        "text" => "Текст",
        "heading" => "Заголовок",
        "body" => "Текст письма",
        "salutation" => "Обращение к адресату",
        "addressee" => "Адресат",
        "closing" => "Заключительная формула",
        "attachment" => "Приложение",
        "template_code" => "Шаблон",
        "reply_number" => "В ответ на №",
        "reply_date" => "В ответ на письмо от",
        "signature_image" => "Подпись на письме",
        "reg_date" => "Дата регистрации",
        "printed_at" => "Напечатано",
        "courier_at" => "Передано курьеру",
        "delivered_at" => "Доставлено",
        "received_by" => "Получил",
        "seq" => "Порядковый номер",
        "time" => "Время",
        "place" => "Место",
        "company_people" => "От компании",
        "topics" => "Темы",
        "problems" => "Проблемы",
        "agreements" => "Договорённости",
        "submitted_at" => "Передан руководителю",
        "accepted_at" => "Принят",
        "supervisor_comment" => "Комментарий руководителя",
        "responsible" => "Ответственный",
        "due_date" => "Срок",
        "done_date" => "Выполнено",
        "decree" => "Основание (постановление)",
        "received_at" => "Поступило",
        "registered_on" => "Зарегистрировано",
        "channel" => "Канал поступления",
        "reply_channel" => "Канал ответа",
        "sender" => "Отправитель",
        "sender_contact" => "Контакт отправителя",
        "term_days" => "Срок рассмотрения, дней",
        "term_working" => "Срок в рабочих днях",
        "extended_days" => "Продлено на, дней",
        "extension_reason" => "Причина продления",
        "extended_on" => "Продлено",
        "forwarded_dept" => "Передано в подразделение",
        "forwarded_person" => "Передано специалисту",
        "forwarded_on" => "Передано",
        "forward_answer" => "Ответ специалиста",
        "forward_answered_on" => "Специалист ответил",
        "answer" => "Ответ клиенту",
        "answer_via" => "Ответ направлен через",
        "channel_reason" => "Почему другим каналом",
        "answered_on" => "Ответ направлен",
        "closed_on" => "Закрыто",
        "close_note" => "Примечание при закрытии",
        "message_id" => "Идентификатор письма e-mail",
        "occasion" => "Повод",
        "holiday_date" => "Дата праздника",
        "item" => "Подарок",
        "item_key" => "Подарок для сравнения",
        "amount" => "Сумма, ₽",
        "handed_on" => "Вручён",
        "handed_by" => "Вручил",
        "handed_to" => "Кому вручён",
        "approved_on" => "Согласован",
        "sent_on" => "Передан АХС",
        "bought_on" => "Закуплен",
        "planned_category" => "Категория при планировании",
        "planned_strategic" => "Стратегический при планировании",
        "crit_volume" => "Критерий: объём потребления",
        "volume_kwh" => "Потребление, кВт·ч",
        "crit_brand" => "Критерий: бренд",
        "crit_stability" => "Критерий: стабильность",
        "crit_political" => "Критерий: политический статус руководителя",
        "political_note" => "Примечание о руководителе",
        "included" => "Включён в список VIP",
        "holiday_name" => "Профессиональный праздник",
        "holiday_rule" => "Дата праздника (правило)",
        "ext" => "Добавочный",
        "active" => "Работает",
        "role" => "Роль",
        "signature_png" => "Подпись, байт",
        "key" => "Настройка",
        "data" => "Изображение, байт",
        "code" => "Код",
        "password_set_at" => "Пароль задан",
        "os_account" => "Учётная запись компьютера",
        _ => return None,
    })
}

/// A stored setting's field as the journal names it (the field itself when there is no word).
pub fn setting_field(field: &str) -> &str {
    match field {
        "name" => "Наименование",
        "short_name" => "Краткое наименование",
        "address" => "Адрес",
        "phones" => "Телефоны",
        "email" => "E-mail",
        "site" => "Сайт",
        "okpo" => "ОКПО",
        "ogrn" => "ОГРН",
        "inn" => "ИНН",
        "kpp" => "КПП",
        "number_format" => "Формат номера",
        "daily" => "Ежедневных копий",
        "weekly" => "Еженедельных копий",
        "monthly" => "Ежемесячных копий",
        "mode" => "Способ входа",
        "rules" => "Сроки по видам обращений",
        "client" => "Клиент",
        "days" => "Дней",
        "working" => "Рабочих",
        "kind" => "Вид",
        "show_logo" => "Логотип на бланке",
        "max_extension_days" => "Наибольшее продление, дней",
        "due_soon_days" => "Предупреждать за, дней",
        "registration_term" => "Срок регистрации",
        "forwarding_term" => "Срок ответа специалиста",
        "jubilee_ages" => "Юбилеи, лет",
        "jubilee_from" => "Юбилеи — с возраста",
        "jubilee_every" => "Юбилеи — каждые, лет",
        "general_days_before" => "Поздравлять за, дней",
        "new_year_days_before" => "С Новым годом — за, дней",
        "card_text" => "Текст открытки",
        "call_before" => "Звонить до",
        "order_working_days" => "Заказ подарков за, рабочих дней",
        "director_position" => "Должность подписывающего открытки",
        "director_name" => "Подписывает открытки",
        "matrix" => "Лимиты",
        other => other,
    }
}

/// A dossier document in the journal: «Входящий № 12 от 01.12.2026: «О тарифе»».
pub fn journal_document(direction: &str, number: &str, date: &str, subject: &str) -> String {
    let mut chars = direction.chars();
    let mut out: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    out.push_str(chars.as_str());
    if !number.is_empty() {
        out.push_str(&format!(" № {number}"));
    }
    if !date.is_empty() {
        out.push_str(&format!(" от {date}"));
    }
    if !subject.is_empty() {
        out.push_str(&format!(": «{subject}»"));
    }
    out
}

/// A merge in the journal: «Рассылка «Изменение тарифа» от 01.12.2026 10:15, писем: 48».
pub fn journal_merge(title: &str, started: &str, total: &str) -> String {
    format!("Рассылка «{title}» от {started}, писем: {total}")
}

/// One limit of a year's matrix that changed (`old` «—» when the year is new).
pub fn journal_limit(year: &str, category: usize, kind: &str, old: &str, new: &str) -> String {
    let kind = kind.to_lowercase();
    if old == "—" {
        format!("Лимит на {year} год, {category} категория, {kind}: {new}")
    } else {
        format!("Лимит на {year} год, {category} категория, {kind}: {old} → {new}")
    }
}

/// A gift in the journal: «Книга об Орле — Соколов И.А.».
pub fn journal_gift(item: &str, person: &str) -> String {
    match (item.trim(), person.trim()) {
        ("", p) => p.to_string(),
        (i, "") => i.to_string(),
        (i, p) => format!("{i} — {p}"),
    }
}

/// A term of an appeal in the journal: «30 дн.», «20 раб. дн.».
pub fn journal_term(days: i64, working: bool) -> String {
    if working {
        format!("{days} раб. дн.")
    } else {
        format!("{days} дн.")
    }
}

/// A deadline rule that changed: «Срок: отзыв, юридическое лицо: 30 дн. → 20 дн.».
pub fn journal_rule(name: &str, old: &str, new: &str) -> String {
    format!("Срок: {name}: {old} → {new}")
}

/// A record the journal cannot name any more (removed for good).
pub fn journal_record(id: i64) -> String {
    format!("запись № {id}")
}
