//! Words of administration: managers, catalogues, the trash, the integrity check, demo data.

use super::common::CLIENT_FORMS;

pub const TRASH_CLIENT: &str = "Клиент";
/// A manager whose whole name another shares: «Иванов Иван Иванович (№ 57)».
pub fn manager_numbered(name: &str, id: i64) -> String {
    format!("{name} (№\u{a0}{id})")
}
pub const TRASH_PERSON: &str = "Руководитель / контакт";
pub const TRASH_OWNER: &str = "Собственник";
pub const TRASH_SERVICE: &str = "Услуга";
pub const TRASH_PROJECT: &str = "Проект";
pub const TRASH_RECORD: &str = "Переписка / файл";
pub const TRASH_MANAGER: &str = "Менеджер";
pub const TRASH_HINT: &str = "Удалённые записи хранятся здесь и могут быть восстановлены.";
pub const TRASH_EMPTY: &str = "Корзина пуста";
pub const COL_KIND: &str = "Что";
pub const COL_WHAT: &str = "Запись";
pub const COL_CLIENT: &str = "Клиент";
pub const COL_DELETED: &str = "Удалено";
/// When a record went to the trash, in local time: «25.11.2026 19:49».
pub fn deleted_at(at: chrono::NaiveDateTime) -> String {
    format!(
        "{} {}",
        crate::domain::fmt::date(at.date()),
        at.format("%H:%M")
    )
}
pub fn check_fk(table: &str, rowid: i64, parent: &str) -> String {
    format!("таблица {table}, запись {rowid}: ссылка на несуществующую запись в {parent}")
}
pub fn check_schema(found: usize, latest: usize) -> String {
    format!("версия схемы {found}, ожидается {latest}")
}
pub fn check_bad_inn(client_id: i64) -> String {
    format!("клиент id {client_id}: неверный ИНН")
}
pub fn check_dup_inn(first: i64, second: i64) -> String {
    format!("клиенты id {first} и id {second}: одинаковый ИНН")
}
pub const NEW_MANAGER: &str = "Новый менеджер";
pub const NEW_MANAGER_TITLE: &str = "Новый менеджер";
pub const EDIT_MANAGER: &str = "Карточка менеджера";
pub const F_ROLE: &str = "Роль";
pub const F_SUPERVISOR: &str = "Руководитель";
pub const F_APPOINTMENT_ORDER: &str = "Приказ о назначении, №";
pub const F_APPOINTMENT_DATE: &str = "Дата приказа о назначении";
pub const F_ACTIVE: &str = "Работает";
pub const F_ACTIVE_HINT: &str = "да";
pub const F_SIGNATURE: &str = "Подпись (PNG)";
pub const NO_SIGNATURE: &str = "изображение подписи не загружено";
pub const REMOVE_SIGNATURE: &str = "Убрать подпись";
pub const CONFIRM_DELETE_MANAGER: &str =
    "Удалить менеджера? Его можно будет восстановить из корзины.";
pub const MANAGER_DELETED: &str = "Менеджер перемещён в корзину";
pub const CAT_DISTRICTS: &str = "Межрайонные отделения";
pub const CAT_INDUSTRIES: &str = "Отрасли и профессиональные праздники";
pub const CAT_SERVICES: &str = "Услуги";
pub const CAT_INDICATORS: &str = "Показатели";
pub const F_NAME_GENERIC: &str = "Название";
pub const F_HOLIDAY: &str = "Праздник";
pub const F_HOLIDAY_RULE: &str = "Дата: 22.12 или 2 вс 08";
pub const F_UNIT: &str = "Единица";
pub const ERR_HOLIDAY_RULE: &str =
    "Дата праздника: «ДД.ММ» или «N дн ММ», например «2 вс 08» — второе воскресенье августа";
#[allow(clippy::too_many_arguments)]
pub fn demo_summary(
    managers: usize,
    clients: usize,
    people: usize,
    values: usize,
    letters: usize,
    reports: usize,
    appeals: usize,
    gifts: usize,
    (vip_lists, surveys): (usize, usize),
) -> String {
    use crate::domain::fmt::count;
    format!(
        "Демо-данные: {}, {}, {}, {}, {}, {}, {}, {}, {}, {}",
        count(managers as u64, ["менеджер", "менеджера", "менеджеров"]),
        count(clients as u64, CLIENT_FORMS),
        count(
            people as u64,
            ["контактное лицо", "контактных лица", "контактных лиц"]
        ),
        count(
            values as u64,
            [
                "значение показателей",
                "значения показателей",
                "значений показателей"
            ]
        ),
        count(letters as u64, ["письмо", "письма", "писем"]),
        count(
            reports as u64,
            [
                "отчёт о контактах",
                "отчёта о контактах",
                "отчётов о контактах"
            ]
        ),
        count(appeals as u64, ["обращение", "обращения", "обращений"]),
        count(gifts as u64, ["подарок", "подарка", "подарков"]),
        count(
            vip_lists as u64,
            [
                "утверждённый VIP-список",
                "утверждённых VIP-списка",
                "утверждённых VIP-списков"
            ]
        ),
        count(
            surveys as u64,
            [
                "опрос удовлетворённости",
                "опроса удовлетворённости",
                "опросов удовлетворённости"
            ]
        ),
    )
}
pub fn check_ok(clients: i64) -> String {
    format!(
        "Проблем не найдено ({})",
        crate::domain::fmt::count(clients.max(0) as u64, CLIENT_FORMS)
    )
}
pub fn journal_altered(id: i64) -> String {
    format!("Журнал изменений: запись {id} изменена в обход программы (не сходится её хеш)")
}
pub fn journal_broken(id: i64) -> String {
    format!(
        "Журнал изменений: цепочка прервана перед записью {id} (записи удалены, вставлены или переставлены)"
    )
}
/// A kind of object of the schema in words.
pub fn schema_kind(kind: &str) -> &str {
    match kind {
        "table" => "таблица",
        "index" => "индекс",
        "trigger" => "триггер",
        "view" => "представление",
        other => other,
    }
}
pub fn schema_extra(kind: &str, name: &str) -> String {
    format!("Схема базы изменена в обход программы: лишний объект ({kind} «{name}»)")
}
pub fn schema_missing(kind: &str, name: &str) -> String {
    format!("Схема базы изменена в обход программы: нет объекта ({kind} «{name}»)")
}
pub fn schema_altered(kind: &str, name: &str) -> String {
    format!("Схема базы изменена в обход программы: изменён объект ({kind} «{name}»)")
}
/// A line of SQLite's integrity check in Russian, for the lines a damaged file gives most; any
/// other as SQLite says it, after a Russian lead.
pub fn check_sqlite(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["row", n, "missing", "from", "index", index] => {
            format!(
                "Повреждён индекс «{index}»: в нём нет строки {n} (восстановите проверенную резервную копию)"
            )
        }
        ["wrong", "#", "of", "entries", "in", "index", index] => {
            format!(
                "Повреждён индекс «{index}»: в нём не то число строк (восстановите проверенную резервную копию)"
            )
        }
        _ => format!("Повреждение файла базы (SQLite: {line})"),
    }
}
pub fn journal_unjournalled(kind: &str, record: i64, field: &str) -> String {
    if field.is_empty() {
        format!(
            "{kind}, запись {record}: по журналу изменений удалена, но есть в базе — добавлена в обход программы"
        )
    } else {
        format!(
            "{kind}, запись {record}: поле «{field}» не такое, каким его записала программа (по журналу изменений) — изменено в обход программы"
        )
    }
}
pub const JOURNAL_ROWS_CHANGED: &str = "Данные изменены в обход программы: строки таблиц не те, что записала программа (не сходится их контрольная сумма в журнале изменений)";
pub fn journal_gone(kind: &str, record: i64) -> String {
    format!(
        "{kind}, запись {record}: есть в журнале изменений, но нет в базе — удалена в обход программы"
    )
}
pub fn journal_rewritten(copy: &str, rows: i64) -> String {
    use crate::domain::fmt::count;
    format!(
        "Журнал изменений не сходится с резервной копией «{copy}» (в ней {}): журнал переписан после того, как копия была сделана",
        count(rows.max(0) as u64, JOURNAL_ROW_FORMS)
    )
}
pub fn journal_truncated(rows: i64, head: i64) -> String {
    use crate::domain::fmt::count;
    format!(
        "Журнал изменений: в нём {}, а должно быть {head} (конец журнала удалён или подменён)",
        count(rows.max(0) as u64, JOURNAL_ROW_FORMS)
    )
}
const JOURNAL_ROW_FORMS: [&str; 3] = ["запись", "записи", "записей"];
pub fn journal_head_missing(rows: i64) -> String {
    use crate::domain::fmt::count;
    format!(
        "Журнал изменений: удалён его заголовок (в журнале {}): журнал удалён или подменён в обход программы",
        count(rows.max(0) as u64, JOURNAL_ROW_FORMS)
    )
}
pub fn check_failed(n: usize) -> String {
    format!("Найдено проблем: {n}")
}
pub fn err_restore_inn_taken(other: &str) -> String {
    format!(
        "Клиента нельзя восстановить: его ИНН уже есть у клиента «{other}». Исправьте ИНН у одного из них."
    )
}
// ---- backups ----
pub const NAV_BACKUPS: &str = "Резервные копии";
pub const BACKUP_AUTO: &str = "автоматическая";
pub const BACKUP_MANUAL: &str = "вручную";
pub const BACKUP_RESTORE: &str = "перед восстановлением";
pub const BACKUP_DAMAGED: &str = "повреждённый файл";
pub fn backup_migration(version: usize) -> String {
    format!("перед обновлением схемы {version}")
}
pub const BACKUPS_HINT: &str = "Копии делаются при запуске (раз в день) и при выходе, проверяются (целостность, версия схемы, число записей) и хранятся рядом с базой. Старые автоматические копии прореживаются; сделанные вручную и перед обновлением или восстановлением хранятся всегда.";
pub const BACKUPS_EMPTY: &str = "Копий пока нет";
pub const BACKUP_CREATE: &str = "Создать копию";
pub const BACKUP_OPEN_FOLDER: &str = "Открыть папку";
pub const BACKUP_POLICY: &str = "Хранить автоматические копии по одной за каждый из последних:";
pub const BACKUP_DAILY: &str = "дней";
pub const BACKUP_WEEKLY: &str = "недель";
pub const BACKUP_MONTHLY: &str = "месяцев";
pub const COL_TAKEN: &str = "Когда";
pub const COL_BACKUP_KIND: &str = "Вид";
pub const COL_SIZE: &str = "Размер";
pub const COL_CLIENTS: &str = "Клиентов";
pub const COL_LETTERS: &str = "Писем";
pub const COL_REPORTS: &str = "Отчётов";
pub const BACKUP_UNREADABLE: &str = "не открывается";
pub const RESTORE_TITLE: &str = "Восстановить базу из копии?";
pub fn restore_question(taken: &str) -> String {
    format!(
        "Данные будут заменены копией от {taken}. Копия будет сначала проверена; текущая база сохранится в отдельную копию, и её можно будет вернуть."
    )
}
pub const YES_RESTORE: &str = "Да, восстановить";
pub const DB_DAMAGED_BANNER: &str =
    "База данных повреждена: изменения не сохраняются. Восстановите последнюю проверенную копию.";
pub const DB_DAMAGED_TO_BACKUPS: &str = "Восстановить из копии…";
pub const SETTING_OPEN: &str = "Открыть настройку";
pub const RESCUE_TITLE: &str = "Базу данных не удалось открыть";
pub const RESCUE_TEXT: &str = "Выберите проверенную резервную копию, чтобы восстановить из неё базу. Нынешний файл будет перенесён в папку копий без изменений.";
pub const RESCUE_NO_BACKUPS: &str = "Резервных копий этой базы нет.";
/// «клиентов 48, писем 13, отчётов 967».
pub fn backup_counts(clients: u64, letters: u64, reports: u64) -> String {
    format!("клиентов {clients}, писем {letters}, отчётов {reports}")
}
pub fn backup_made(path: &str, counts: &str, size: &str) -> String {
    format!("Резервная копия записана и проверена: {path} ({counts}; {size})")
}
pub fn restored(copy: &str, counts: &str) -> String {
    format!("База восстановлена из копии {copy} ({counts})")
}
pub fn restored_aside(path: &str) -> String {
    format!("Прежние данные сохранены: {path}")
}
pub fn thinned(n: usize) -> String {
    format!("Удалено старых автоматических копий: {n}")
}
pub const ERR_PLAIN_COPY: &str = "копия сделана до шифрования и не зашифрована, а база зашифрована: расшифруйте базу (vipdesk decrypt), восстановите копию и зашифруйте базу снова; база данных не изменена";
pub const ERR_ENCRYPTED_COPY: &str = "копия зашифрована, а база нет: зашифруйте базу тем же паролем (vipdesk encrypt) и восстановите копию; база данных не изменена";
pub const ERR_COPY_DAMAGED: &str =
    "копия повреждена и для восстановления не годится: выберите другую; база данных не изменена";
pub fn err_bad_copy(why: &str) -> String {
    format!("копия не годится для восстановления: {why}; база данных не изменена")
}
pub const ERR_RESTORE_FROM_ITSELF: &str =
    "это и есть файл базы данных: выберите резервную копию, из которой восстановить";
// ---- the journal of changes ----
pub const NAV_JOURNAL: &str = "Журнал изменений";
pub const JOURNAL_HINT: &str = "Кто, когда и что изменил: каждая запись связана с предыдущей хешем, проверка базы (vipdesk check) находит правку журнала в обход программы. Журнал не редактируется.";
pub const JOURNAL_EMPTY: &str = "Записей нет";
pub const JOURNAL_FROM: &str = "С";
pub const JOURNAL_TO: &str = "по";
pub const JOURNAL_WHO: &str = "Кто";
pub const JOURNAL_KIND: &str = "Что";
pub const JOURNAL_ANY: &str = "все";
pub const JOURNAL_SHOW: &str = "Показать";
pub const COL_WHEN: &str = "Когда";
pub const COL_ACTION: &str = "Действие";
pub const COL_CHANGES: &str = "Изменения";
pub const JOURNAL_PROGRAM: &str = "программа";
pub fn journal_limited(n: usize) -> String {
    format!("Показаны последние {n} записей: сузьте период или отбор, чтобы увидеть более ранние.")
}
pub const ACTION_CREATE: &str = "создано";
pub const ACTION_UPDATE: &str = "изменено";
pub const ACTION_DELETE: &str = "в корзину";
pub const ACTION_RESTORE: &str = "из корзины";
pub const ACTION_ERASE: &str = "удалено";
pub const ACTION_RESTORE_BACKUP: &str = "восстановлено из копии";
pub const ACTION_BULK: &str = "загружено";
pub fn err_image_too_large(width: u32, height: u32, max: u32) -> String {
    format!(
        "Изображение {width}×{height} пикселей слишком большое: уменьшите его до {max} пикселей по большей стороне (для подписи и логотипа хватит 1000)"
    )
}

/// What a stored setting is called on its screen, by its key.
pub fn setting_name(key: &str) -> &'static str {
    match key {
        "company" => "Реквизиты бланка",
        "backups" => "Резервные копии: сколько хранить",
        "appeals" => "Сроки и тематики обращений",
        "greetings" => "Регламент поздравлений",
        "gift_limits" => "Лимиты подарков",
        "identity" => "Вход в программу",
        _ => "настройка",
    }
}

/// What is wrong with a stored setting's field, by the kind of the reader's complaint.
pub fn setting_defect(detail: &str) -> &'static str {
    if detail.starts_with("invalid type") || detail == "not text" || detail == "not an object" {
        "значение не того вида"
    } else if detail == "out of range" {
        "значение вне допустимых пределов"
    } else if detail == "unknown code"
        || detail.starts_with("unknown ") && detail.contains(" code ")
    {
        "значение, которого эта версия программы не знает"
    } else if detail.starts_with("unknown") || detail.starts_with("invalid value") {
        "недопустимое значение"
    } else {
        "запись повреждена"
    }
}

/// A stored setting that does not read: its name, key and field, and that nothing is guessed.
pub fn setting_unreadable(name: &str, key: &str, field: &str, defect: &str) -> String {
    let field = if field.is_empty() {
        String::new()
    } else {
        format!(", поле {field}")
    };
    // Without its policy the automatic copies stop: said, not left to be found out.
    let consequence = if key == "backups" {
        " Пока она не исправлена, автоматические резервные копии не делаются."
    } else {
        ""
    };
    format!(
        "Настройка «{name}» ({key}{field}) не читается: {defect}. Значения по умолчанию не \
         подставляются — откройте настройку, проверьте её и сохраните.{consequence}"
    )
}
/// In the editor of a setting that does not read: what is shown instead.
pub fn setting_shown_as_default(why: &str) -> String {
    format!("{why} Ниже — значения по умолчанию; они вступят в силу, когда вы их сохраните.")
}

// ---- signing in ----

pub fn err_unknown_user(id: i64) -> String {
    format!("Нет работающего менеджера с номером {id}: проверьте --user (номера — в «Менеджеры»).")
}
pub const ERR_WRONG_PASSWORD: &str = "Неверный пароль.";
pub const ERR_NO_PASSWORD_YET: &str = "Пароль для Вас ещё не задан: попросите руководителя группы задать его в «Менеджеры», затем войдите с ним.";
pub fn err_not_this_account(account: &str) -> String {
    format!(
        "Учётная запись компьютера «{account}» не связана с этим менеджером: войти можно под своей учётной записью."
    )
}
pub fn err_unknown_account(account: &str) -> String {
    format!(
        "Учётная запись «{account}» не связана ни с одним менеджером: руководитель группы связывает их в «Менеджеры»."
    )
}
pub fn err_weak_password(n: usize) -> String {
    format!("Пароль короче {n} знаков: придумайте длиннее.")
}
pub fn err_long_password(n: usize) -> String {
    format!("Пароль длиннее {n} знаков.")
}
pub const ERR_PASSWORDS_DIFFER: &str = "Пароль и повтор не совпадают.";
pub const ERR_PASSWORD_HASH: &str =
    "Пароль не удалось сохранить: внутренняя ошибка, подробности в журнале программы.";

pub const ACCESS_TITLE: &str = "Вход в программу";
pub const ACCESS_MODE: &str = "Пользователи входят";
pub const ACCESS_BY_PASSWORD: &str = "по личному паролю";
pub const ACCESS_BY_ACCOUNT: &str = "по учётной записи компьютера";
pub const ACCESS_MODE_SAVE: &str = "Сохранить способ входа";
pub const ACCESS_MODE_SAVED: &str = "Способ входа сохранён.";
pub const PASSWORD_IS_SET: &str = "Пароль задан.";
pub const PASSWORD_NOT_SET: &str = "Пароль не задан.";
pub const OS_ACCOUNT: &str = "Учётная запись компьютера";
pub const SET_PASSWORD: &str = "Задать пароль";
pub const LINK_ACCOUNT: &str = "Связать учётную запись";
pub const PASSWORD_SAVED: &str = "Пароль сохранён.";
pub const ACCOUNT_LINKED: &str = "Учётная запись сохранена.";
pub const ERR_HEAD_FIRST: &str = "Паролей в программе ещё нет: первым входит руководитель группы, задаёт свой пароль и пароли менеджеров в «Менеджеры».";
pub const ERR_OWN_ACCOUNT_FIRST: &str = "Сначала свяжите со своей карточкой свою учётную запись компьютера: иначе после перезапуска Вы не сможете войти.";
