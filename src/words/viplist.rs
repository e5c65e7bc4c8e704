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
/// «не включать»: a client that is not a VIP client, left out of the list.
pub const DECISION_LEAVE_OUT: &str = "не включать";
pub const F_VIP_REASON: &str = "Обоснование";
/// The fields as an error names them, inside a sentence.
pub const FIELD_VIP_REASON: &str = "обоснование";
pub const FIELD_ORDER_NUMBER: &str = "номер приказа";
pub const FIELD_ORDER_DATE: &str = "дата приказа";
pub const FIELD_VIP_ROW: &str = "строка списка";
pub const VIP_LIST_FROZEN: &str = "Список утверждён приказом и не изменяется. Чтобы изменить его, начните исправление: будет создана новая редакция, а утверждённая сохранится.";
pub fn vip_list_exists(year: i32, version: i32) -> String {
    format!(
        "Список на {year} год уже есть (редакция {version}): откройте его или начните исправление утверждённого."
    )
}
pub const VIP_LIST_NOT_LATEST_APPROVED: &str =
    "Исправляют только последнюю утверждённую редакцию списка.";
pub const VIP_LIST_ALREADY_LISTED: &str = "Этот клиент уже есть в списке.";
pub const VIP_LIST_NOT_APPROVED: &str = "Сначала внесите приказ об утверждении VIP-списка: менеджеры назначаются к клиентам утверждённого списка.";
pub fn err_vip_list_fields(fields: &str) -> String {
    format!("Не сохранено: {fields}.")
}
pub fn err_vip_year(year: i32) -> String {
    format!("Год {year}: VIP-списки составляются на годы с 2000 по 2100.")
}

// ---- the documents ----

pub const APPROVE_STAMP: &str = "УТВЕРЖДАЮ";
pub const APPROVED_STAMP: &str = "УТВЕРЖДЁН";
pub const DIRECTOR_FALLBACK: &str = "Генеральный директор";
pub fn approve_signature_line(signer: &str) -> String {
    format!("______________ {signer}").trim_end().to_string()
}
pub const APPROVE_DATE_LINE: &str = "«___» ____________ 20___ г.";
pub const APPROVE_ORDER_LINE: &str = "(приказ № ______ от ____________)";
pub fn approved_by_order(company: &str) -> String {
    format!("приказом {company}")
}
pub fn order_date_number(date: &str, number: &str) -> String {
    format!("от {date} № {number}")
}
pub const PREPARED_BY_FALLBACK: &str = "Руководитель группы по работе с VIP-клиентами";
pub fn vip_list_title(year: i32) -> String {
    format!("Список клиентов категории VIP на {year} год")
}
pub fn vip_list_version(version: i32) -> String {
    format!("(редакция {version})")
}
pub const DRAFT_MARK: &str = "ПРОЕКТ";
pub fn vip_list_intro(from: &str, to: &str) -> String {
    format!(
        "Клиенты отобраны по критериям Стандарта обслуживания VIP-клиентов: объём потребления (за {from} — {to}, относительно межрайонного отделения), стабильность сотрудничества, брендовость, руководители с высоким политическим статусом."
    )
}
pub const COL_VIP_CLIENT: &str = "Клиент, ИНН";
pub const COL_VIP_DISTRICT: &str = "Межрайонное отделение";
pub const COL_VIP_KWH: &str = "Потребление за 12 мес., кВт·ч (место в отделении)";
pub const COL_VIP_YEARS: &str = "Лет сотрудничества";
pub const COL_VIP_CRITERIA: &str = "Выполненные критерии";
pub const COL_VIP_MANAGER: &str = "Персональный менеджер";
pub fn col_vip_before(year: i32) -> String {
    format!("В списке {year} г.")
}
pub fn kwh_with_place(kwh: &str, rank: u32, size: u32) -> String {
    format!("{kwh} ({rank} из {size})")
}
pub fn client_with_inn(name: &str, inn: &str) -> String {
    if inn.trim().is_empty() {
        name.to_string()
    } else {
        format!("{name}, ИНН {inn}")
    }
}
pub fn vip_before_words(before: Option<bool>) -> &'static str {
    match before {
        Some(true) => "да",
        Some(false) => "исключён",
        None => "нет",
    }
}
pub fn vip_list_count(n: usize) -> String {
    format!(
        "Всего в списке: {}.",
        crate::domain::fmt::count(n as u64, ["клиент", "клиента", "клиентов"])
    )
}
pub fn changes_heading(last_year: i32) -> String {
    format!("Изменения по сравнению со списком {last_year} года:")
}
pub fn coming_line(n: usize) -> String {
    if n == 0 {
        "включены: нет.".to_string()
    } else {
        format!("включены ({n}):")
    }
}
pub fn going_line(n: usize) -> String {
    if n == 0 {
        "исключены: нет.".to_string()
    } else {
        format!("исключены ({n}):")
    }
}
pub fn change_line(client: &str, reason: &str, last: bool) -> String {
    format!("— {client}: {reason}{}", if last { "." } else { ";" })
}
pub fn managers_list_title(year: i32) -> String {
    format!("Список персональных менеджеров клиентов категории VIP на {year} год")
}
pub fn managers_list_intro(year: i32, clients: usize) -> String {
    format!(
        "Персональные менеджеры закрепляются за клиентами VIP-списка {year} года ({}).",
        crate::domain::fmt::count(clients as u64, ["клиент", "клиента", "клиентов"])
    )
}
pub const COL_MANAGER_NAME: &str = "Персональный менеджер";
pub const COL_MANAGER_POSITION: &str = "Должность";
pub const COL_MANAGER_CLIENTS: &str = "Закреплённые клиенты";
pub const COL_MANAGER_COUNT: &str = "Клиентов";
pub const NO_MANAGER: &str = "Менеджер не назначен";

// ---- the command line ----

pub fn vip_list_none(year: i32) -> String {
    format!(
        "VIP-списка на {year} год ещё нет: составьте его (vipdesk vip-list create --year {year})."
    )
}
pub fn vip_list_created(year: i32, rows: usize) -> String {
    format!(
        "Проект VIP-списка на {year} год составлен: {}.",
        crate::domain::fmt::count(rows as u64, ["клиент", "клиента", "клиентов"])
    )
}
pub const VIP_ROW_DECIDED: &str = "Решение по клиенту записано.";
pub fn vip_list_approved(year: i32, (included, excluded): (usize, usize)) -> String {
    let count = |n: usize| crate::domain::fmt::count(n as u64, ["клиент", "клиента", "клиентов"]);
    if excluded == 0 {
        format!(
            "VIP-список на {year} год утверждён: в списке {}; статус VIP {year} года записан каждому.",
            count(included)
        )
    } else {
        format!(
            "VIP-список на {year} год утверждён: в списке {}, не включены {}; статус VIP {year} года записан каждому из них.",
            count(included),
            count(excluded)
        )
    }
}
pub fn vip_list_correction(year: i32, version: i32) -> String {
    format!(
        "Начато исправление VIP-списка на {year} год: редакция {version} (проект); утверждённая сохранена."
    )
}
pub fn managers_appointed(year: i32, n: usize) -> String {
    format!(
        "Приказ о назначении персональных менеджеров на {year} год записан {}.",
        crate::domain::fmt::count(n as u64, ["менеджеру", "менеджерам", "менеджерам"])
    )
}
pub fn vip_list_state(year: i32, version: i32, frozen: bool, number: &str, date: &str) -> String {
    if frozen {
        format!(
            "VIP-список на {year} год, редакция {version}: утверждён приказом № {number} от {date}."
        )
    } else {
        format!("VIP-список на {year} год, редакция {version}: проект.")
    }
}
pub const LIST_DRAFT: &str = "проект";
pub const LIST_APPROVED: &str = "утверждён";
pub const QUESTION_SCALE: &str = "оценка от 1 до 5";
pub const QUESTION_FREE: &str = "свободный ответ";
pub const MET_VOLUME: &str = "объём потребления";
pub fn met_volume_place(rank: u32, size: u32) -> String {
    format!("объём потребления ({rank}-е место из {size} в отделении)")
}
pub fn met_stability(years: u32) -> String {
    format!(
        "стабильность ({} {})",
        years,
        crate::domain::fmt::plural(u64::from(years), ["год", "года", "лет"])
    )
}
pub fn met_and_reason(met: &str, reason: &str) -> String {
    format!("{met}. Решение: {reason}")
}

// ---- the satisfaction study ----

pub const SURVEY_APPEAL_SUBJECT: &str = "Низкая оценка в опросе удовлетворённости";
pub fn low_score_line(question: &str, score: u8) -> String {
    format!("«{question}» — оценка {score}")
}
pub fn survey_comment_line(comment: &str) -> String {
    format!("Комментарий клиента: {comment}")
}
pub const NO_DISTRICT: &str = "Отделение не указано";
pub fn sat_title(year: i32) -> String {
    format!("Об итогах изучения удовлетворённости VIP-клиентов обслуживанием в {year} году")
}
pub fn sat_intro(
    vip: usize,
    surveyed: usize,
    rate: &str,
    surveys: usize,
    overall: &str,
    change: &str,
) -> String {
    format!(
        "Опрошено {surveyed} из {vip} VIP-клиентов года ({rate} %), проведено опросов: {surveys}. Средняя оценка по шкале от 1 до 5 — {overall} (изменение к прошлому году: {change})."
    )
}
pub const SAT_BY_QUESTION: &str = "По вопросам анкеты";
pub const SAT_OVERALL: &str = "Все вопросы";
pub const SAT_BY_DISTRICT: &str = "По межрайонным отделениям";
pub const SAT_BY_MANAGER: &str = "По персональным менеджерам";
pub const SAT_COL_WHAT: &str = "Вопрос, отделение, менеджер";
pub const SAT_COL_MEAN: &str = "Средняя оценка";
pub const SAT_COL_N: &str = "Оценок / опросов";
pub fn sat_col_change(last_year: i32) -> String {
    format!("Изменение к {last_year} г.")
}
pub const SAT_LOWEST: &str = "Клиенты с самыми низкими оценками:";
pub const SAT_NO_SURVEYS: &str = "опросов в этом году нет.";
pub fn sat_low_line(
    n: usize,
    client: &str,
    mean: &str,
    low: &str,
    comment: &str,
    said: &str,
) -> String {
    let mut s = format!("{n}. {client} — средняя оценка {mean}");
    if !low.is_empty() {
        s.push_str(&format!("; низкие оценки: {low}"));
    }
    if !said.is_empty() {
        s.push_str(&format!("; ответы: {said}"));
    }
    if !comment.is_empty() {
        s.push_str(&format!("; комментарий: {comment}"));
    }
    s.push('.');
    s
}
pub fn sat_chart_title(year: i32) -> String {
    format!("Средняя оценка по вопросам анкеты, {year} год (из 5)")
}
pub const F_SURVEY_DATE: &str = "дата опроса";
pub const F_SURVEY_CLIENT: &str = "клиент";
pub const F_SURVEY_RESPONDENT: &str = "кто отвечал";
pub const F_SURVEY_ANSWERS: &str = "ответы (нужен хотя бы один)";
pub const F_SURVEY_ANSWER: &str = "ответ";
pub const F_QUESTION_TEXT: &str = "вопрос";
pub const F_QUESTION_KIND: &str = "вид ответа (на вопрос уже отвечали: вид не меняется)";
pub fn err_survey_fields(fields: &str) -> String {
    format!("Опрос не сохранён: {fields}.")
}
pub const SURVEY_NOTHING_TO_REGISTER: &str =
    "В опросе нет оценок 2 и ниже, или обращение по нему уже зарегистрировано.";

// ---- the window ----

pub const NAV_VIP_LIST: &str = "VIP-список";
pub const NAV_SURVEYS: &str = "Опросы клиентов";
pub fn vip_list_none_here(year: i32) -> String {
    format!(
        "VIP-списка на {year} год ещё нет. Руководитель группы составляет его проект по данным досье: VIP-клиенты этого года и клиенты, чей объём потребления проходит порог, с четырьмя критериями и предложением."
    )
}
pub const PROPOSE_LIST: &str = "Составить проект по досье";
pub fn version_line(version: i32, number: &str, date: &str) -> String {
    if number.is_empty() {
        format!("редакция {version}: проект")
    } else {
        format!("редакция {version}: приказ № {number} от {date}")
    }
}
pub fn vip_changes_line(in_list: usize, last_year: i32, coming: usize, going: usize) -> String {
    format!(
        "В списке: {in_list}. По сравнению с {last_year} годом включаются: {coming}, исключаются: {going}."
    )
}
pub fn vip_list_file(year: i32) -> String {
    format!("VIP-список {year}.pdf")
}
pub fn managers_list_file(year: i32) -> String {
    format!("Персональные менеджеры {year}.pdf")
}
pub const WRITE_VIP_LIST: &str = "Записать список (PDF)";
pub const WRITE_MANAGERS_LIST: &str = "Записать список менеджеров (PDF)";
pub const APPROVE_HEADER: &str = "Утверждение приказом директора";
pub const APPROVE_BY_ORDER: &str = "Утвердить приказом";
pub const DELETE_DRAFT: &str = "Удалить проект";
pub const APPROVE_HINT: &str = "После внесения приказа список не изменяется, а каждому клиенту списка записывается статус VIP года с номером и датой приказа.";
pub const ADD_TO_LIST: &str = "Добавить клиента, не попавшего в предложение";
pub const F_VIP_CLIENT: &str = "Клиент";
pub const ADD_CLIENT_TO_LIST: &str = "Добавить в список";
pub const VIP_CLIENT_ADDED: &str = "Клиент добавлен в проект списка.";
pub const VIP_DRAFT_DELETED: &str = "Проект списка удалён.";
pub const MANAGERS_ORDER_HEADER: &str = "Приказ о назначении персональных менеджеров";
pub fn managers_order_state(number: &str, date: &str) -> String {
    format!("Внесён приказ № {number} от {date}.")
}
pub const RECORD_MANAGERS_ORDER: &str = "Внести приказ о назначении";
pub const CORRECT_LIST: &str = "Исправить список (новая редакция)";
pub const CORRECT_HINT: &str = "Создаёт проект новой редакции с теми же решениями; утверждённая редакция сохраняется без изменений.";
pub fn row_form_title(client: &str, proposal: &str) -> String {
    format!("{client} — предложение: {proposal}")
}
pub const DECISION_IN: &str = "В списке";
pub const DECISION_OUT: &str = "Не в списке";
pub const REASON_HINT: &str = "Обоснование обязательно, если решение расходится с предложением.";
pub const SAVE_DECISION: &str = "Сохранить решение";
pub const COL_VIP_KWH_SHORT: &str = "кВт·ч за 12 мес. (место)";
pub const COL_VIP_YEARS_SHORT: &str = "Лет";
pub const COL_PROPOSAL: &str = "Предложение";
pub const COL_DECISION: &str = "Решение";
pub const DECIDE_HINT: &str = "Изменить решение по клиенту";
pub fn decide_button(client: &str) -> String {
    format!("Решение: {client}")
}
pub fn surveys_title(year: i32) -> String {
    format!("Опросы удовлетворённости {year} года")
}
pub const TAB_SURVEY_PLAN: &str = "Не опрошены";
pub const TAB_SURVEYS: &str = "Опросы";
pub const TAB_SURVEY_REPORT: &str = "Отчёт";
pub const TAB_QUESTIONNAIRE: &str = "Анкета";
pub fn survey_plan_hint(year: i32) -> String {
    format!(
        "Каждого VIP-клиента {year} года опрашивают не реже раза в год; отчёт для руководства составляется в декабре. Здесь — те, кого в {year} году ещё не опрашивали."
    )
}
pub const SURVEY_PLAN_DONE: &str = "Все VIP-клиенты года опрошены.";
pub const MAKE_SURVEY: &str = "Провести опрос";
pub fn make_survey_for(client: &str) -> String {
    format!("Провести опрос: {client}")
}
pub fn open_survey_of(client: &str) -> String {
    format!("Открыть опрос: {client}")
}
pub const F_SURVEY_DATE_LABEL: &str = "Дата опроса";
pub const F_SURVEY_CLIENT_LABEL: &str = "Клиент";
pub const F_SURVEY_CHANNEL: &str = "Способ";
pub const F_SURVEY_PERSON: &str = "Кто отвечал (из досье)";
pub const F_SURVEY_RESPONDENT_LABEL: &str = "Кто отвечал (если не из досье)";
pub const F_SURVEY_COMMENT: &str = "Комментарий клиента";
pub fn low_mean(mean: &str, appeal: bool) -> String {
    if appeal {
        format!("{mean} — есть оценки 2 и ниже, обращение по ним создано")
    } else {
        format!("{mean} — есть оценки 2 и ниже")
    }
}
pub fn sat_file(year: i32) -> String {
    format!("Удовлетворённость VIP-клиентов {year}.pdf")
}
pub const WRITE_SAT_REPORT: &str = "Записать отчёт (PDF)";
pub const QUESTIONNAIRE_HINT: &str = "Вопросы анкеты задаются при каждом опросе. Вопрос, на который уже отвечали, не удаляют: его снимают с опроса, чтобы отчёты прошлых лет остались верными.";
pub fn question_name(n: usize) -> String {
    format!("Вопрос {n}")
}
pub const QUESTION_ACTIVE: &str = "задаётся";
pub const ADD_QUESTION: &str = "Добавить вопрос";
pub const QUESTION_SAVED: &str = "Вопрос анкеты сохранён.";
pub fn survey_title(client: &str) -> String {
    format!("Опрос удовлетворённости: {client}")
}
pub const SURVEY_SCALE_HINT: &str =
    "Оценки: 1 — очень плохо, 5 — отлично; вопрос без ответа можно пропустить.";
pub const NO_ANSWER: &str = "нет ответа";
pub fn score_name(question: usize, score: u8) -> String {
    if score == 0 {
        format!("Вопрос {question}: нет ответа")
    } else {
        format!("Вопрос {question}: оценка {score}")
    }
}
pub const SAVE_SURVEY: &str = "Сохранить опрос";
pub const DELETE_SURVEY: &str = "Удалить опрос";
pub const SURVEY_SAVED: &str = "Опрос сохранён.";
pub const SURVEY_DELETED: &str = "Опрос удалён.";
pub const SURVEY_LOW_SCORE: &str = "В опросе есть оценки 2 и ниже. Зарегистрируйте их как обращение клиента, чтобы на него ответили в установленный срок.";
pub const REGISTER_AS_APPEAL: &str = "Зарегистрировать как обращение";
pub const SURVEY_APPEAL_MADE: &str =
    "Обращение по низким оценкам создано: зарегистрируйте его в карточке.";
pub const SURVEY_APPEAL_OPEN: &str = "Открыть обращение по этому опросу";
pub fn person_with_position(name: &str, position: &str) -> String {
    if position.trim().is_empty() {
        name.to_string()
    } else {
        format!("{name}, {}", position.trim())
    }
}
pub const TODAY_SURVEYS: &str =
    "Опрос удовлетворённости: VIP-клиенты года, которых ещё не опрашивали";
pub fn survey_due_words(by: &str, late: bool) -> String {
    if late {
        format!("опросить следовало до {by}")
    } else {
        format!("опросить до {by}")
    }
}
pub fn err_approved_vip_year(year: i32) -> String {
    format!(
        "Статус VIP {year} года утверждён приказом в VIP-списке и в досье не меняется: измените его исправлением VIP-списка {year} года."
    )
}
pub fn vip_list_too_early(year: i32) -> String {
    format!(
        "Список на {year} год составляют в декабре предыдущего года: пока о нём судить не по чему."
    )
}
pub fn order_too_early(earliest: &str) -> String {
    format!("Дата приказа — не раньше {earliest}: проверьте дату.")
}
pub fn correction_open(version: i32) -> String {
    format!("Исправление уже начато: редакция {version} — проект. Откройте её.")
}
pub fn appointment_past_year(year: i32) -> String {
    format!("{year} год прошёл: назначение персональных менеджеров на него уже не вносится.")
}
pub fn already_appointed(number: &str, date: &str) -> String {
    format!(
        "Приказ о назначении менеджеров по этой редакции списка уже внесён (№ {number} от {date}). Чтобы внести новый, начните исправление списка."
    )
}
pub fn months_missing(months: u32) -> String {
    format!(
        "Внимание: потребление внесено только за {} из 12: объёмы и места в отделениях посчитаны не за год.",
        crate::domain::fmt::count(u64::from(months), ["месяц", "месяца", "месяцев"])
    )
}
pub const NO_CANDIDATES: &str =
    "Кандидатов нет: ни VIP-клиентов этого года, ни клиентов с объёмом потребления выше порога.";
pub fn vip_now_words(year: i32, now: Option<bool>) -> String {
    match now {
        Some(true) => format!("в списке {year}"),
        Some(false) => format!("исключён в {year}"),
        None => format!("не в списке {year}"),
    }
}
pub fn no_surveys(year: i32) -> String {
    format!("В {year} году опросов удовлетворённости не было: отчёт не из чего составить.")
}
pub fn sat_scope_line(manager: &str) -> String {
    format!("Отчёт по клиентам персонального менеджера {manager}.")
}
