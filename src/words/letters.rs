//! Words of letters: the register, the editor, templates, the mail merge, the courier sheet.

use super::common::CLIENT_FORMS;

pub const ERR_PDF_FONT: &str = "ошибка шрифта PDF";
pub const ERR_PDF_IMAGE: &str = "ошибка изображения PDF (нужен PNG)";
pub fn pdf_missing_glyphs(chars: &str) -> String {
    format!(
        "в шрифте письма нет символов «{chars}»: замените их, иначе они будут напечатаны пустыми квадратами"
    )
}
pub const LETTER_DRAFT: &str = "черновик";
pub const LETTER_REGISTERED: &str = "зарегистрировано";
pub const LETTER_PRINTED: &str = "напечатано";
pub const LETTER_COURIER: &str = "передано курьеру";
pub const LETTER_DELIVERED: &str = "доставлено";
pub fn template_unknown(line: usize, name: &str) -> String {
    format!("Шаблон, строка {line}: неизвестное поле «{name}»")
}
pub fn template_syntax(line: usize, detail: &str) -> String {
    format!("Шаблон, строка {line}: ошибка синтаксиса: {detail}")
}
pub fn template_unsupported(line: usize, tag: &str) -> String {
    format!(
        "Шаблон, строка {line}: «{tag}» не поддерживается. В шаблоне письма можно поля \
         {{{{ объект.поле }}}} и условия {{% if … %}}…{{% endif %}}"
    )
}
pub const LETTER_CLOSING: &str = "С уважением,";
pub const LETTER_TITLE: &str = "Письмо";
pub const MERGE_NO_ADDRESSEE: &str =
    "в досье нет руководителя или контактного лица, которому адресовать письмо";
pub fn letter_subject(number: &str) -> String {
    if number.is_empty() {
        "Исходящее письмо (черновик)".to_string()
    } else {
        format!("Исходящее письмо № {number}")
    }
}
pub fn unknown_template(code: &str) -> String {
    format!("нет шаблона «{code}»")
}
/// A combined merge file's subject: «Рассылка: 12 писем, № VIP-118 — VIP-129».
pub fn merge_subject(letters: usize, first: &str, last: &str) -> String {
    let n = crate::domain::fmt::count(letters as u64, ["письмо", "письма", "писем"]);
    if first == last {
        format!("Рассылка: {n}, № {first}")
    } else {
        format!("Рассылка: {n}, № {first} — {last}")
    }
}
/// A letter's bookmark in a combined merge file: «VIP-118 — АО «Орелводоканал»».
pub fn merge_bookmark(number: &str, client: &str) -> String {
    format!("{number} — {client}")
}
/// «Рассылка_tariff_change_01.12.2026_VIP-118–VIP-129.pdf».
pub fn merge_file_name(code: &str, date: chrono::NaiveDate, first: &str, last: &str) -> String {
    format!(
        "Рассылка_{code}_{}_{first}–{last}.pdf",
        crate::domain::fmt::date(date)
    )
}
pub const MERGE_EMPTY_TEMPLATE: &str =
    "В шаблоне нет текста: рассылка одинаковых пустых писем не делается. Выберите другой шаблон.";
pub const MERGE_NEEDS_APPEAL: &str = "Этот шаблон отвечает на обращение клиента: такое письмо составляется из карточки обращения, а не рассылкой.";
/// A merge whose template asks for a value not given.
pub fn merge_field_missing(field: &str, option: &str) -> String {
    format!(
        "Шаблон просит указать «{field}»: заполните это поле рассылки (в командной строке — {option}). Ни одно письмо не составлено."
    )
}
pub const BAD_SELECTION: &str = "--clients: ожидается all, manager:ID или district:НАЗВАНИЕ";
pub fn letter_written(path: &str) -> String {
    format!("Письмо записано в {path}")
}
pub fn merge_skipped(client: &str, reason: &str) -> String {
    format!("пропущен {client}: {reason}")
}
pub fn merge_already(n: usize) -> String {
    format!("Ещё {n}: письма этой рассылки, сделанные до остановки, не повторялись")
}
pub fn merge_summary(letters: usize, files: usize, skipped: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Рассылка: {}, {}, пропущено: {}",
        count(
            letters as u64,
            [
                "письмо зарегистрировано",
                "письма зарегистрировано",
                "писем зарегистрировано"
            ]
        ),
        count(files as u64, ["файл PDF", "файла PDF", "файлов PDF"]),
        count(skipped as u64, CLIENT_FORMS)
    )
}
pub const NAV_LETTERS: &str = "Исходящие";
pub const NEW_LETTER: &str = "Новое письмо";
pub const PREVIEW: &str = "Предпросмотр";
pub const SAVE_DRAFT: &str = "Сохранить черновик";
pub const REGISTER_LETTER: &str = "Зарегистрировать";
pub const CORRECT_LETTER: &str = "Исправить (новая версия)";
pub const RECEIVED_BY: &str = "Получил";
pub const STATUS_DATE: &str = "Дата";
pub const SAVE_PDF: &str = "Сохранить PDF";
pub const PRINT: &str = "Печать";
pub const SENT_TO_PRINT: &str = "Письмо отправлено на принтер по умолчанию.";
pub const OPENED_TO_PRINT: &str =
    "Принтер отсюда недоступен: письмо открыто в программе просмотра PDF — напечатайте его оттуда.";
pub const OPENED_NO_PRINT_PROGRAM: &str = "Ни одна программа на этом компьютере не печатает PDF по команде: письмо открыто в программе просмотра — напечатайте его оттуда (Ctrl+P).";
pub const ERR_NO_LETTER: &str = "письмо не открыто";
pub const F_ADDRESSEE_PERSON: &str = "Кому (руководитель)";
pub const F_TEMPLATE: &str = "Шаблон";
pub const APPLY_TEMPLATE: &str = "Применить шаблон";
/// Takes back the text a chosen template replaced.
pub const TAKE_BACK_TEXT: &str = "Вернуть прежний текст";
pub const F_REPLY_NUMBER: &str = "На входящий №";
pub const F_REPLY_DATE: &str = "от (дата)";
pub const F_REPLY_SUBJECT: &str = "Тема обращения";
pub const F_ADDRESSEE: &str = "Адресат (в дательном падеже)";
pub const F_HEADING: &str = "Заголовок";
pub const F_SALUTATION: &str = "Обращение к адресату";
pub const F_BODY: &str = "Текст письма";
pub const BODY_HINT: &str = "Абзацы разделяются пустой строкой.";
pub const F_ATTACHMENT: &str = "Приложение";
pub const F_CLOSING: &str = "Заключительная фраза";
pub const F_SIGNATURE_MODE: &str = "Подпись";
pub const SIGNATURE_IMAGE: &str = "изображение подписи";
pub const SIGNATURE_INK: &str = "место для подписи от руки";
pub const LETTER_FROZEN: &str =
    "Письмо зарегистрировано: текст изменить нельзя. Для исправления создайте новую версию.";
pub const ALL_STATUSES: &str = "Все состояния";
pub const FILTER_STATUS: &str = "Фильтр по состоянию";
pub const PERIOD_FROM: &str = "с";
pub const PERIOD_TO: &str = "по";
pub const COL_NUMBER: &str = "Номер";
pub const COL_DATE: &str = "Дата";
pub const COL_STATUS: &str = "Состояние";
pub const COL_HEADING: &str = "Заголовок";
pub fn letter_draft_title(client: &str) -> String {
    format!("Черновик письма: {client}")
}
pub fn letter_draft_name(heading: &str) -> String {
    if heading.trim().is_empty() {
        "Черновик письма".into()
    } else {
        format!("Черновик письма «{}»", heading.trim())
    }
}
pub fn letter_title(number: &str, date: &str) -> String {
    format!("Письмо № {number} от {date}")
}
pub fn letter_version_of(original: &str) -> String {
    format!("Исправленная версия: {original}")
}
pub fn mark_status(label: &str) -> String {
    format!("Отметить: {label}")
}
pub fn letter_registered(number: &str) -> String {
    format!("Письмо зарегистрировано под № {number}")
}
pub fn letter_status_set(label: &str) -> String {
    format!("Состояние письма: {label}")
}
pub fn delivered_info(date: &str, who: &str) -> String {
    format!("Доставлено {date}, получил: {who}")
}
pub const NAV_MERGE: &str = "Рассылка";
pub const NAV_SETTINGS: &str = "Бланк и шаблоны";
pub const COMPANY_SECTION: &str = "Реквизиты компании для бланка письма";
pub const TEMPLATES_SECTION: &str = "Шаблоны писем";
pub const C_NAME: &str = "Полное наименование компании";
pub const C_SHORT_NAME: &str = "Сокращённое наименование";
pub const C_ADDRESS: &str = "Почтовый адрес";
pub const C_PHONES: &str = "Телефоны";
pub const C_SITE: &str = "Сайт";
pub const C_OKPO: &str = "ОКПО";
pub const C_UNIT: &str = "Подразделение (во внутренних документах)";
pub const C_DIRECTOR_POSITION: &str = "Адресат отчётов руководству: должность";
pub const C_DIRECTOR_NAME: &str = "Адресат отчётов руководству: фамилия, имя, отчество";
pub const C_NUMBER_FORMAT: &str = "Формат исходящего номера";
pub const C_LOGO: &str = "Логотип (PNG)";
pub const LOGO_LOADED: &str = "логотип загружен";
pub const NO_LOGO: &str = "логотипа нет";
pub const NUMBER_FORMAT_HINT: &str = "{n} — порядковый номер в году (не повторяется, даже если письмо удалено), {yy} или {yyyy} — год. Например: VIP-{n} или {n}/VIP-{yy}.";
pub const ERR_NUMBER_FORMAT: &str = "Формат должен содержать {n} — порядковый номер";
pub const TEMPLATE_FIELDS_HINT: &str = "Поле вставляется из списка «Вставить поле» туда, где стоит курсор. Условие: {% if appeal.subject %}…{% endif %}. Дату, время и сумму письма менеджер укажет, когда выберет шаблон.";
pub const INSERT_FIELD: &str = "Вставить поле…";
pub const FIELD_GROUP: &str = "Группа полей";
/// Every field a template may use, with what it prints.
pub const TEMPLATE_FIELD_LABELS: [(&str, &str); 33] = [
    ("client.short_name", "Клиент: краткое наименование"),
    (
        "client.name_genitive",
        "Клиент: наименование в родительном падеже (для кого)",
    ),
    (
        "client.name_dative",
        "Клиент: наименование в дательном падеже (кому)",
    ),
    (
        "client.name_instrumental",
        "Клиент: наименование в творительном падеже (с кем)",
    ),
    ("client.full_name", "Клиент: полное наименование"),
    ("client.inn", "Клиент: ИНН"),
    ("client.contract_number", "Клиент: № договора"),
    ("client.contract_date", "Клиент: дата договора"),
    ("client.address", "Клиент: почтовый адрес"),
    ("addressee.full_name", "Адресат: ФИО"),
    ("addressee.name_dative", "Адресат: ФИО в дательном падеже"),
    ("addressee.initials_dative", "Адресат: «И.И. Иванову»"),
    ("addressee.position", "Адресат: должность"),
    (
        "addressee.address_as",
        "Адресат: обращение («Иван Иванович»)",
    ),
    ("manager.full_name", "Менеджер: ФИО"),
    ("manager.initials", "Менеджер: «Г.И. Родионова»"),
    (
        "manager.name_genitive",
        "Менеджер: у кого — «Г.И. Родионовой»",
    ),
    ("manager.name_dative", "Менеджер: кому — «Г.И. Родионовой»"),
    (
        "manager.name_instrumental",
        "Менеджер: с кем — «Г.И. Родионовой»",
    ),
    ("manager.phone", "Менеджер: телефон"),
    ("manager.email", "Менеджер: эл. почта"),
    ("appeal.number", "Обращение: номер"),
    ("appeal.date", "Обращение: дата"),
    ("appeal.registered", "Обращение: дата регистрации"),
    ("appeal.subject", "Обращение: тема"),
    ("appeal.due_date", "Обращение: срок ответа"),
    ("company.short_name", "Компания: краткое наименование"),
    ("company.address", "Компания: адрес"),
    ("fields.date", "Письмо: дата, которую укажет менеджер"),
    ("fields.time", "Письмо: время, которое укажет менеджер"),
    ("fields.amount", "Письмо: сумма, которую укажет менеджер"),
    ("fields.service", "Письмо: услуга, которую укажет менеджер"),
    ("today", "Письмо: сегодняшняя дата"),
];
pub const NEW_TEMPLATE: &str = "Новый шаблон";
pub const CHECK_TEMPLATE: &str = "Проверить";
pub const SAVE_TEMPLATE: &str = "Сохранить шаблон";
pub fn new_template_title(n: usize) -> String {
    format!("Новый шаблон {n}")
}
pub const MERGE_HINT: &str = "Одно письмо по шаблону каждому выбранному клиенту: адресат — руководитель из досье, письма регистрируются и сохраняются в PDF.";
pub const MERGE_TO: &str = "Кому";
pub const MERGE_ALL: &str = "всем клиентам";
pub const MERGE_MANAGER: &str = "клиентам менеджера";
pub const MERGE_DISTRICT: &str = "клиентам отделения";
pub const MERGE_DIR: &str = "Папка для PDF";
pub const MERGE_COMBINED: &str = "одним общим файлом PDF";
pub const MERGE_START: &str = "Запустить рассылку";
pub const MERGE_PICK_TEMPLATE: &str = "Выберите шаблон";
pub const MERGE_PICK_DIR: &str = "Укажите папку для файлов PDF";
pub const MERGE_PICK_TARGET: &str = "Выберите менеджера или отделение";
pub const TEMPLATE_TOO_HEAVY: &str = "шаблон делает слишком много работы (циклы в циклах) или даёт слишком длинный текст: упростите его";
pub const MERGE_EMPTY_SELECTION: &str = "ни один клиент не подходит под выборку: письма не созданы";
pub const MERGE_NOTHING_TO_RESUME: &str =
    "незаконченной рассылки по этому шаблону и этой выборке нет";
pub const MERGE_RESUME: &str = "Продолжить рассылку";
pub fn merge_not_in_selection(id: i64) -> String {
    format!(
        "клиента № {id} нет среди клиентов этой рассылки (или он не ваш): --except называет только клиентов выборки"
    )
}
pub const MERGE_EXCEPT_ON_RESUME: &str = "продолжение рассылки пишет тем же клиентам, что и её начало: --except при --resume не указывают";
pub fn merge_twice(at: &str) -> String {
    format!(
        "такая же рассылка запущена одновременно с этой (в {at}) и выполнена: вторая не выполняется, чтобы не писать клиентам дважды"
    )
}
pub fn merge_resume_fields(field: &str, began: &str) -> String {
    format!(
        "рассылка начата с другим значением поля «{field}» ({began}): продолжите её с тем же значением или не указывая его — иначе письма одной рассылки будут говорить разное"
    )
}
pub fn merge_unfinished(done: usize, total: usize) -> String {
    format!(
        "рассылка по этому шаблону и этой выборке не закончена (готово {done} из {total}): продолжите её — «{MERGE_RESUME}» (в командной строке --resume), чтобы не писать клиентам второй раз"
    )
}
pub fn merge_stopped(
    client: &str,
    cause: &str,
    made: usize,
    skipped: usize,
    left: usize,
) -> String {
    format!(
        "рассылка остановлена на клиенте «{client}»: {cause}. Его письмо не зарегистрировано. Сделано писем: {made}, пропущено: {skipped}, осталось: {left}. Устраните причину и продолжите — «{MERGE_RESUME}» (в командной строке --resume)"
    )
}
pub const MERGE_CANCELLED: &str = "Рассылка остановлена";
pub const MERGE_NEEDS_FILE: &str = "Рассылка работает только с базой в файле";
pub fn merge_progress(done: usize, total: usize) -> String {
    format!("{done} из {total}")
}
pub const COURIER_SHEET: &str = "Реестр передачи курьеру";
pub const COURIER_SHEET_PATH: &str = "Реестр курьеру: путь";
pub const COURIER_SHEET_FILE: &str = "Реестр_курьеру.pdf";
pub const NO_COURIER_LETTERS: &str = "Нет писем в состоянии «передано курьеру»";
pub fn courier_sheet_written(n: usize, path: &str) -> String {
    format!(
        "Реестр на {} записан в {path}",
        crate::domain::fmt::count(n as u64, ["письмо", "письма", "писем"])
    )
}
pub const FILTER_CLIENT: &str = "Фильтр по клиенту";
pub const SHOW_LOGO: &str = "Логотип на бланке";
/// The first addressee line of an individual entrepreneur.
pub const ENTREPRENEUR_DATIVE: &str = "Индивидуальному предпринимателю";
pub const DEAR_MALE: &str = "Уважаемый";
pub const DEAR_FEMALE: &str = "Уважаемая";
/// Words of a position that mark the head of an organisation (folded, lower case).
pub const HEAD_POSITION_WORDS: [&str; 4] = ["директор", "руководител", "глава", "предприниматель"];
/// «Исх_VIP-24_АО_Орелводоканал.pdf»; a draft has no number: «Проект_АО_Орелводоканал.pdf».
pub fn letter_file_name(number: &str, client: &str) -> String {
    let head = if number.is_empty() {
        "Проект".to_string()
    } else {
        format!("Исх_{number}")
    };
    if client.is_empty() {
        format!("{head}.pdf")
    } else {
        format!("{head}_{client}.pdf")
    }
}
pub fn err_letter_frozen(id: i64) -> String {
    format!(
        "письмо id {id} зарегистрировано: его текст изменить нельзя, создайте исправленную версию"
    )
}
pub fn err_letter_transition(from: &str, to: &str) -> String {
    format!("нельзя перевести письмо из состояния «{from}» в «{to}»")
}

/// Registration or a merge refused: a blank is left in the text.
pub fn letter_blank(fragment: &str) -> String {
    format!(
        "В письме остался незаполненный пропуск «{fragment}». Заполните его (или поле шаблона) \
         и зарегистрируйте письмо снова."
    )
}

/// The fields a template asks the user for.
pub const FIELD_DATE: &str = "Дата";
pub const FIELD_TIME: &str = "Время";
pub const FIELD_AMOUNT: &str = "Сумма";
pub const TIME_HINT: &str = "ЧЧ:ММ";
pub const AMOUNT_HINT: &str = "0,00";
pub const FIELD_SERVICE: &str = "Услуга";
pub const SERVICE_HINT: &str = "например, персональный расчёт тарифа";
pub const TEMPLATE_FIELDS_TITLE: &str = "Поля шаблона";
pub const TEMPLATE_FIELDS_EDITED: &str =
    "Текст письма изменён вручную: поля шаблона в него больше не подставляются.";
/// A value the template asks for, refused.
pub fn bad_template_field(field: &str, reason: &str) -> String {
    format!("Поле шаблона «{field}»: {reason}")
}
pub const MERGE_COL_ADDRESSEE: &str = "Адресат";
pub const MERGE_COL_ADDRESS: &str = "Адрес";
/// Above the recipients of a merge, before it runs.
pub fn merge_confirm_title(with: usize, without: usize) -> String {
    use crate::domain::fmt::count;
    let mut s = format!(
        "Письма получат {}. Проверьте список: после подтверждения письма будут зарегистрированы.",
        count(with as u64, CLIENT_FORMS_DATIVE)
    );
    if without > 0 {
        s.push_str(&format!(" Без адресата: {without}."));
    }
    s
}
pub fn merge_sent_today(n: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Внимание: эта рассылка сегодня уже выполнена — зарегистрировано {}. Повторная рассылка напишет клиентам второй раз.",
        count(n as u64, super::LETTER_FORMS)
    )
}
pub const MERGE_UNTICK_HINT: &str =
    "Снимите отметку у клиента, которому письмо этой рассылки не нужно.";
pub fn merge_tick_hint(client: &str) -> String {
    format!("Писать ли клиенту «{client}» в этой рассылке")
}
pub fn merge_confirm_button(n: usize) -> String {
    use crate::domain::fmt::count;
    format!(
        "Зарегистрировать {}",
        count(n as u64, ["письмо", "письма", "писем"])
    )
}
const CLIENT_FORMS_DATIVE: [&str; 3] = ["клиент", "клиента", "клиентов"];
/// A courier sheet of a day without letters.
pub fn none_handed_on(date: &str) -> String {
    format!("{date} курьеру не передано ни одного письма: реестр не составлен")
}
pub const LETTERS_XLSX_NAME: &str = "Исходящие.xlsx";
pub const LETTERS_XLSX_COLUMNS: [&str; 6] = [
    "Исх. №",
    "Дата",
    "Состояние",
    "Клиент",
    "Заголовок",
    "Адрес",
];

/// A registration number taken from a block leased to the workstation ahead (offline).
pub fn number_from_block(number: &str) -> String {
    format!("{number} (из блока)")
}
pub const NUMBER_FROM_BLOCK_HINT: &str = "Номер взят из блока, выданного этому рабочему месту сервером отдела заранее: письмо зарегистрировано без связи с сервером. Номер уникален в отделе.";
