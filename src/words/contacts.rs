//! Words of contacts: «Сегодня», meeting and call reports, the rhythm, the contact report.

use super::common::YEAR_FORMS;

pub const KIND_CALL: &str = "ежемесячный звонок руководству";
pub const KIND_MEETING: &str = "ежеквартальная личная встреча";
pub const KIND_VISIT: &str = "выезд к клиенту";
pub const KIND_TOP: &str = "встреча руководства компаний";
pub const KIND_OTHER: &str = "другое";
pub const REPORT_DRAFT: &str = "черновик";
pub const REPORT_SUBMITTED: &str = "передан руководителю";
pub const REPORT_ACCEPTED: &str = "принят";
pub const TODAY_CALLS: &str = "Звонки руководству";
pub const TODAY_MEETINGS: &str = "Личные встречи";
pub const TODAY_STEPS: &str = "Следующие шаги";
pub const TODAY_BIRTHDAYS: &str = "Дни рождения (14 дней)";
pub fn overdue(days: i64) -> String {
    if days > 0 {
        format!(
            "просрочено на {}",
            crate::domain::fmt::count(days as u64, ["день", "дня", "дней"])
        )
    } else {
        "в срок".to_string()
    }
}
pub fn age(age: i32, jubilee: bool) -> String {
    let years = crate::domain::fmt::count(age.max(0) as u64, YEAR_FORMS);
    if jubilee {
        format!("{years}, юбилей")
    } else {
        years
    }
}
pub fn today_title(date: &str) -> String {
    format!("Сегодня, {date}")
}
pub const TODAY_NOTHING: &str = "На сегодня всё сделано.";
pub fn due_by(date: &str) -> String {
    format!("до {date}")
}
pub fn last_contact(date: &str) -> String {
    if date.is_empty() {
        "не было".to_string()
    } else {
        format!("последний: {date}")
    }
}
pub const RECORD_CALL: &str = "Записать звонок";
pub const RECORD_MEETING: &str = "Записать встречу";
pub const OPEN_REPORT: &str = "Открыть отчёт";
pub const STEP_DONE: &str = "Выполнено";
pub const OPEN_DOSSIER: &str = "Открыть досье";
pub const STEP_DONE_TOAST: &str = "Шаг отмечен выполненным";
pub fn report_title(client: &str) -> String {
    format!("Отчёт о встрече / звонке: {client}")
}
pub const SUBMIT_REPORT: &str = "Передать руководителю";
pub const ACCEPT_REPORT: &str = "Принять отчёт";
pub const CORRECT_REPORT: &str = "Исправить (новая версия)";
pub const SUPERVISOR_COMMENT: &str = "Комментарий руководителя";
pub const REPORT_SUBMITTED_TOAST: &str = "Отчёт передан руководителю";
pub const REPORT_ACCEPTED_TOAST: &str = "Отчёт принят";
pub fn submitted_info(date: &str) -> String {
    format!("Передан руководителю {date}")
}
pub fn accepted_info(date: &str, comment: &str) -> String {
    format!("Принят {date}. Комментарий: {comment}")
}
/// The title of the reports waiting for acceptance on «Сегодня», with their count.
pub fn reports_to_review(n: usize) -> String {
    super::overview::section_title(super::overview::TODAY_REVIEWS, n)
}
pub const F_REPORT_KIND: &str = "Вид контакта";
pub const F_TIME: &str = "Время";
pub const F_PLACE: &str = "Место или канал";
pub const F_CLIENT_PEOPLE: &str = "Участники от клиента";
pub const F_COMPANY_PEOPLE: &str = "Участники от компании";
pub const F_TOPICS: &str = "Обсуждённые вопросы";
pub const F_PROBLEMS: &str = "Проблемы и пожелания клиента";
pub const F_AGREEMENTS: &str = "Договорённости";
pub const F_NEXT_STEPS: &str = "Следующие шаги";
pub const F_STEP: &str = "Шаг";
pub const F_RESPONSIBLE: &str = "Ответственный";
pub const F_DUE: &str = "Срок";
pub const ADD_STEP_REPORT: &str = "Добавить шаг";
pub const F_DATE_TIME: &str = "Дата и время";
pub const SUPERVISOR_LINE: &str = "Руководитель группы (отчёт принял)";
/// The supervisor's line of a report not accepted yet.
pub const SUPERVISOR_LINE_PENDING: &str = "Руководитель группы";
pub const REPORT_SUBJECT: &str = "Отчёт о контакте с VIP-клиентом";
pub fn report_pdf_title(kind: &str, date: &str) -> String {
    format!("Отчёт: {kind}, {date}")
}
pub const EV_CALL: &str = "Звонок";
pub const EV_MEETING: &str = "Встреча";
pub const EV_LETTER: &str = "Письмо";
pub const EV_RECORD: &str = "Переписка";
pub const EV_STAGE: &str = "Этап проекта";
pub const EV_STEP: &str = "Следующий шаг";
pub const STAGE_DONE: &str = "выполнен";
pub const STAGE_PLANNED: &str = "по плану";
pub const STEP_DONE_LABEL: &str = "выполнен";
pub const STEP_OPEN_LABEL: &str = "срок";
pub const EV_OTHER: &str = "Контакт";
pub const TAB_CONTACTS: &str = "Контакты и хронология";
pub const F_CALL_EVERY: &str = "Звонок руководству: каждые (дней)";
pub const F_MEETING_EVERY: &str = "Личная встреча: раз в (месяцев)";
pub const RHYTHM_HINT: &str =
    "Пусто — по Стандарту: звонок ежемесячно (30 дней), встреча ежеквартально (3 месяца).";
pub fn contact_state(last: &str, due: &str, overdue: &str) -> String {
    format!("{}; следующий: {due} ({overdue})", last_contact(last))
}
pub const TIMELINE: &str = "Хронология";
pub const TIMELINE_EMPTY: &str = "Событий пока нет.";
/// «IV квартал 2026 г.», as the period's picker says it.
pub fn period_quarter(q: u32, y: i32) -> String {
    let roman = QUARTERS_ROMAN[(q.clamp(1, 4) - 1) as usize];
    format!("{roman} квартал {y} г.")
}
/// The quarters as Russian documents number them.
pub const QUARTERS_ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
pub fn period_year(y: i32) -> String {
    format!("{y} год")
}
pub fn manager_total(name: &str) -> String {
    format!("Итого: {name}")
}
pub fn contact_report_title(period: &str) -> String {
    format!("Отчёт о контактах с VIP-клиентами: {period}")
}
pub const COL_CALLS: &str = "Звонки: план / факт / в срок";
pub const COL_MEETINGS: &str = "Встречи: план / факт";
pub const COL_RATE: &str = "Выполнение";
pub const CONTACT_CHART_TITLE: &str = "Выполнение плана контактов по менеджерам";
/// The chart of a large department: only the managers who are furthest behind.
pub fn contact_chart_lowest(shown: usize, of: usize) -> String {
    format!("Менеджеры с наименьшим выполнением плана контактов: {shown} из {of}")
}
pub const CONTACT_REPORT_NOTE: &str = "Звонок в срок — не позже чем через установленное число дней (+3 дня) после предыдущего. Выполнение — доля плановых контактов, проведённых в срок.";
pub const BAD_PERIOD: &str = "--period: ожидается 2026-Q4, 2026-11 или 2026";
pub const NAV_CONTACT_REPORT: &str = "Отчёт по контактам";
pub const F_PERIOD: &str = "Период";
pub const BUILD_REPORT: &str = "Построить";
pub const PERIOD_HINT: &str =
    "Руководитель группы видит всех менеджеров, менеджер — своих клиентов.";
pub const PERIOD_MONTH: &str = "Месяц";
pub const PERIOD_QUARTER: &str = "Квартал";
pub const PERIOD_YEAR: &str = "Год";
pub const F_PERIOD_KIND: &str = "Вид периода";
pub const F_PERIOD_MONTH: &str = "Месяц периода";
pub const F_PERIOD_QUARTER: &str = "Квартал периода";
pub const F_PERIOD_YEAR: &str = "Год периода";
/// «IV квартал».
pub fn quarter_name(roman: &str) -> String {
    format!("{roman} квартал")
}
/// «IV квартал 2026».
pub fn quarter_label(roman: &str, year: i32) -> String {
    format!("{roman} квартал {year}")
}
/// «2026 год».
pub fn year_label(year: i32) -> String {
    format!("{year} год")
}
pub const BAD_PERIOD_GUI: &str = "Период: 2026-11, 2026-Q4 или 2026";
pub fn attachment_subject(name: &str) -> String {
    format!("Приложение к отчёту о встрече: {name}")
}
pub const F_ATTACHMENTS: &str = "Приложения";
pub const ATTACH_TO_REPORT: &str = "Приложить к отчёту";
pub const SAVE_REPORT_FIRST: &str = "Сначала сохраните черновик отчёта";
/// The name of a report kind by its stored code.
pub fn meeting_kind(code: &str) -> &'static str {
    match code {
        "call" => KIND_CALL,
        "meeting" => KIND_MEETING,
        "visit" => KIND_VISIT,
        "top" => KIND_TOP,
        _ => KIND_OTHER,
    }
}
/// The name of a report status by its stored code.
pub fn report_status(code: &str) -> &'static str {
    match code {
        "submitted" => REPORT_SUBMITTED,
        "accepted" => REPORT_ACCEPTED,
        _ => REPORT_DRAFT,
    }
}
pub fn report_file_name(kind_code: &str, date: &str) -> String {
    format!("Отчёт_{kind_code}_{date}.pdf")
}
pub fn period_incomplete(date: &str) -> String {
    format!("(период не завершён, на {date})")
}
pub fn err_report_frozen(id: i64) -> String {
    format!(
        "отчёт id {id} передан руководителю: его текст изменить нельзя, создайте исправленную версию"
    )
}
pub fn err_report_transition(from: &str, to: &str) -> String {
    format!("нельзя перевести отчёт из состояния «{from}» в «{to}»")
}
pub const RHYTHM_INVALID: &str = "Пока значение неверно, сроки считаются по сохранённому ритму.";
pub const ERR_NO_REPORT: &str = "отчёт не открыт";
/// The command line, after `meeting render`.
pub fn meeting_report_written(path: &str) -> String {
    format!("Отчёт о контакте записан в {path}")
}
/// The command line, after `report contacts`.
pub fn contact_report_written(path: &str) -> String {
    format!("Отчёт по контактам записан в {path}")
}
pub const CONTACT_REPORT_FILE: &str = "Отчёт_по_контактам.pdf";
