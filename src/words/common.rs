//! Words of the application frame and of every screen: buttons, navigation, validation
//! messages. Depends on nothing but the formats of `domain::fmt`.

pub const ERR_REQUIRED: &str = "Обязательное поле";
pub const ERR_DATE: &str = "Дата в формате ДД.ММ.ГГГГ";
/// A date written right that the calendar has not («31.02.2024»).
pub const ERR_NO_SUCH_DATE: &str = "Такой даты нет в календаре";
pub const ERR_KOPECKS: &str = "Не больше двух знаков после запятой (копейки)";
pub const ERR_TOO_LARGE: &str = "Слишком большое число";
pub const ERR_OFFICIAL_NAME: &str = "Фамилия, имя и отчество («Сидоров Алексей Викторович») или фамилия и инициалы («Сидоров А.В.»)";
pub const ERR_ONE_LINE: &str = "Одной строкой: значение стоит внутри предложения письма";
pub const ERR_DATE_ORDER: &str = "Дата окончания раньше даты начала";
pub const ERR_NUMBER: &str = "Введите число, например 1 234,5";
pub const ERR_NEGATIVE: &str = "Значение не может быть отрицательным";
pub const ERR_INN_DIGITS: &str = "ИНН состоит только из цифр";
pub const ERR_INN_LENGTH: &str =
    "ИНН содержит 10 цифр (организация) или 12 цифр (ИП, физическое лицо)";
pub const ERR_INN_CHECKSUM: &str = "Неверный ИНН: не сходится контрольная цифра";
pub const ERR_INN_LEGAL_10: &str = "ИНН организации содержит 10 цифр";
pub const ERR_INN_PERSON_12: &str = "ИНН ИП и физического лица содержит 12 цифр";
pub const ERR_OGRN_DIGITS: &str = "ОГРН состоит только из цифр";
pub const ERR_OGRN_LENGTH: &str = "ОГРН содержит 13 цифр, ОГРНИП — 15 цифр";
pub const ERR_OGRN_CHECKSUM: &str = "Неверный ОГРН: не сходится контрольная цифра";
pub const ERR_OGRN_LEGAL_13: &str = "ОГРН организации содержит 13 цифр";
pub const ERR_OGRNIP_15: &str = "ОГРНИП содержит 15 цифр";
pub const ERR_OGRN_PERSON: &str = "У физического лица нет ОГРН";
pub const ERR_KPP: &str = "КПП: 9 знаков — 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры";
pub const ERR_KPP_ONLY_LEGAL: &str = "КПП есть только у организаций";
pub const ERR_EMAIL: &str = "Неверный адрес электронной почты";
pub const ERR_PHONE_EMPTY: &str = "Пустой номер телефона";
pub const ERR_PHONE: &str =
    "Неверный номер: нужен 10-значный номер с кодом, например 8 (4862) 43-21-00";
pub const ERR_PHONE_EXT: &str = "Добавочный номер состоит из цифр";
pub const ERR_BIRTHDAY: &str = "Дата рождения не может быть в будущем или раньше 1900 года";
pub const ERR_SHARE: &str = "Доля от 0 до 100 %";
pub const ERR_VIP_YEAR_TWICE: &str = "Этот год уже есть";
pub const ERR_RECORD_EMPTY: &str = "Укажите тему, текст или приложите файл";
pub const ERR_SUPERVISOR_SELF: &str = "Менеджер не может быть руководителем самому себе";
pub const ERR_NOT_PNG: &str = "Файл должен быть изображением PNG (подпись, логотип)";
pub fn err_year(max: i32) -> String {
    format!("Год от 1900 до {max}")
}
pub fn warn_shares(total: f64) -> String {
    format!(
        "Сумма долей собственников {} % — больше 100 %",
        crate::domain::fmt::number_compact(total)
    )
}
pub fn err_paste_line(line: usize, cell: &str) -> String {
    format!("Строка {line}: не удалось прочитать месяц «{cell}»")
}
pub fn err_paste_value(line: usize, cell: &str) -> String {
    format!("Строка {line}: «{cell}» — не число")
}
pub fn err_paste_columns(line: usize, kinds: usize) -> String {
    format!("Строка {line}: значений больше, чем показателей ({kinds})")
}
pub const KIND_LEGAL: &str = "юридическое лицо";
pub const KIND_IP: &str = "ИП";
pub const KIND_PERSON: &str = "физическое лицо";
pub const ROLE_MANAGER: &str = "менеджер";
pub const ROLE_HEAD: &str = "руководитель группы";
pub const DIR_IN: &str = "входящее";
pub const DIR_OUT: &str = "исходящее";
pub const DIR_NOTE: &str = "заметка";
pub const PROJECT_PLANNED: &str = "планируется";
pub const PROJECT_ACTIVE: &str = "в работе";
pub const PROJECT_DONE: &str = "завершён";
pub const PROJECT_CANCELLED: &str = "отменён";
pub const DEFAULT_MANAGER_POSITION: &str = "Менеджер по работе с клиентами категории «VIP»";
pub const WINDOW_TITLE: &str = "vipdesk — рабочее место VIP-менеджера";
pub const NAV_CLIENTS: &str = "Клиенты";
pub const NAV_MANAGERS: &str = "Менеджеры";
pub const NAV_CATALOGS: &str = "Справочники";
pub const NAV_TRASH: &str = "Корзина";
pub const NAV_ABOUT: &str = "О программе";
pub const CHANGE_USER: &str = "Сменить пользователя";
pub const CLIENT_FORMS: [&str; 3] = ["клиент", "клиента", "клиентов"];
pub const YEAR_FORMS: [&str; 3] = ["год", "года", "лет"];
pub fn nav_user(name: &str) -> String {
    format!("Работает: {name}")
}
pub const WELCOME_TITLE: &str = "Добро пожаловать в vipdesk";
pub const WELCOME_TEXT: &str = "База данных пуста. Загрузите демонстрационные данные, чтобы посмотреть программу в работе,\nили начните с пустой базы: укажите себя как первого менеджера.";
pub const LOAD_DEMO: &str = "Загрузить демо-данные";
pub const WELCOME_OR_CREATE: &str = "или заполните карточку менеджера ниже и нажмите «Сохранить»";
pub const WHO_IS_WORKING: &str = "Кто работает?";
pub const WHO_SEARCH_HINT: &str = "фамилия или имя";
pub const NOBODY_FOUND: &str = "Никого не найдено";
pub const PICK_CLIENT_HINT: &str = "Выберите клиента в списке или нажмите «Новый клиент»";
pub const ABOUT_TEXT: &str = "Рабочее место персонального менеджера по работе с клиентами категории «VIP».\nДосье клиентов, руководители и контакты, показатели, переписка.";
pub const ABOUT_FONTS: &str =
    "Шрифт PT Sans © ParaType, ParaType Free Font License (fonts/LICENSE-PTSans.txt).";
pub fn about_build(stamp: &str) -> String {
    format!("Сборка: {stamp}")
}
pub fn about_db(path: &str) -> String {
    format!("База данных: {path}")
}
pub fn about_renderer(what: &str) -> String {
    format!("Отрисовка окна: {what}")
}
/// What draws the window through wgpu: the graphics interface, the adapter, and whether the
/// adapter is the processor's (no GPU driver, or a Remote Desktop session).
pub fn renderer_wgpu(backend: &str, adapter: &str, software: bool) -> String {
    if software {
        format!("wgpu, {backend}, {adapter} (программная отрисовка)")
    } else {
        format!("wgpu, {backend}, {adapter}")
    }
}
pub const RENDERER_UNKNOWN: &str = "неизвестно";
pub const RENDERER_WGPU_NOT_BUILT: &str =
    "в этой сборке нет отрисовки wgpu: запустите без --renderer или с --renderer glow";
/// No renderer started: each one's error, and what to do.
pub fn renderer_failed(failures: &[(&str, &str)]) -> String {
    let each = failures
        .iter()
        .map(|(name, e)| format!("{name}: {e}"))
        .collect::<Vec<_>>()
        .join("; ");
    format!(
        "окно не открылось: видеокарта или её драйвер не дали нарисовать его ни одним из способов. Обновите драйвер видеокарты; если не поможет, сообщите администратору. Подробности для администратора: {each}"
    )
}
pub const WINDOW_DID_NOT_OPEN: &str = "vipdesk — окно не открылось";
pub fn err_open_db(path: &str) -> String {
    format!("не удалось открыть базу данных {path}")
}
pub const SAVE: &str = "Сохранить";
pub const CALENDAR: &str = "Календарь";
pub const PREV_MONTH: &str = "Предыдущий месяц";
pub const NEXT_MONTH: &str = "Следующий месяц";
pub const PREV_YEAR: &str = "Предыдущий год";
pub const NEXT_YEAR: &str = "Следующий год";
pub const TODAY: &str = "Сегодня";
pub const YES_SAVE: &str = "Да, сохранить";
pub const DONT_SAVE: &str = "Нет, не сохранять";
pub const CANCEL: &str = "Отмена";
pub const CLOSE: &str = "Закрыть";
pub const REVERT: &str = "Отменить изменения";
pub const DELETE: &str = "Удалить";
pub const YES_DELETE: &str = "Да, удалить";
pub const REMOVE: &str = "Убрать";
pub const EDIT: &str = "Изменить";
pub const ADD: &str = "Добавить";
pub const LOAD: &str = "Загрузить";
pub const BROWSE: &str = "Обзор…";
pub const FILE_PATH: &str = "Путь к файлу";
pub const RESTORE: &str = "Восстановить";
pub const SAVED: &str = "Сохранено";
pub const RESTORED: &str = "Восстановлено из корзины";
pub const SAVE_REFUSED: &str =
    "Не сохранено: исправьте поля, отмеченные красным. Введённые данные сохранены в форме.";
pub fn save_failed(e: &str) -> String {
    // A reason that ends its own sentence gets no second full stop.
    let e = e.trim_end_matches('.');
    format!("Не удалось сохранить: {e}. Введённые данные сохранены в форме.")
}
pub const ERR_CONFLICT: &str =
    "запись изменили в другом окне или на другом рабочем месте в тех же местах, что и вы";
pub const ERR_DELETED_MEANWHILE: &str = "запись удалили в другом окне или на другом рабочем месте: ваши изменения не сохранены и остаются в форме; восстановите запись из корзины, чтобы сохранить их";
pub const CONFLICT_TITLE: &str = "Запись изменилась, пока вы её редактировали";
pub const CONFLICT_TEXT: &str = "Другой пользователь (или другое окно vipdesk) сохранил эту запись. Его изменения в других полях сохранятся вместе с вашими. Эти поля изменены и вами, и им:";
/// For records saved whole (a manager card, a letter draft, a report).
pub const CONFLICT_TEXT_WHOLE: &str = "Другой пользователь (или другое окно vipdesk) сохранил эту запись. «Сохранить мои значения» запишет вашу версию целиком, поверх его изменений. Он изменил:";
pub const CONFLICT_OTHER_FIELDS: &str = "поля, которых нет в форме (вложения, связи)";
pub const ERR_DB_ENCRYPTED: &str = "база данных зашифрована (или файл не является базой данных vipdesk): нужен пароль — в окне программы он спрашивается при запуске, в командной строке задаётся переменной VIPDESK_PASSPHRASE или вводится в терминале";
pub const ERR_WRONG_PASSPHRASE: &str = "неверный пароль базы данных (или файл не является базой данных vipdesk): база не открыта, в ней ничего не изменено";
pub const ERR_NO_NUMBERS: &str = "нет регистрационного номера: сервер отдела недоступен, а номера, выданные этому рабочему месту заранее, закончились — зарегистрируйте, когда появится связь с сервером (ничего не потеряно: черновик сохранён)";
pub const ERR_DB_IN_USE: &str =
    "база открыта в другом окне vipdesk или другой командой: закройте их и повторите";
pub fn err_weak_passphrase(n: usize) -> String {
    format!("пароль короче {n} символов: придумайте длиннее")
}
pub const UNLOCK_TITLE: &str = "База данных зашифрована";
pub const UNLOCK_TEXT: &str = "Введите пароль базы данных, чтобы открыть её.";
pub const F_PASSPHRASE: &str = "Пароль базы данных";
pub const UNLOCK_OPEN: &str = "Открыть";
pub const ERR_NOT_ENCRYPTED: &str = "база данных не зашифрована";
pub const PASSPHRASE_PROMPT: &str = "Пароль базы данных: ";
pub const PASSWORD_PROMPT: &str = "Ваш пароль: ";
pub const PASSWORD_NEEDED: &str = "Нужен пароль пользователя --user: задайте его в VIPDESK_PASSWORD или запустите команду в терминале.";
pub const PASSPHRASE_NEW_PROMPT: &str = "Новый пароль базы данных: ";
pub const PASSPHRASE_REPEAT_PROMPT: &str = "Повторите новый пароль: ";
pub const PASSPHRASE_MISMATCH: &str = "пароли не совпадают: база не изменена";
pub const PASSPHRASE_EMPTY: &str = "пароль пуст: база не изменена";
pub const PASSPHRASE_NEW_NEEDED: &str = "нужен новый пароль: задайте переменную VIPDESK_NEW_PASSPHRASE или запустите команду в терминале";
pub fn encrypted(counts: &str, copies: usize, left: usize) -> String {
    let mut s =
        format!("База данных зашифрована ({counts}). Резервных копий зашифровано: {copies}.");
    if left > 0 {
        s.push_str(&format!(
            " Не открылись этим паролем и оставлены как были: {left}."
        ));
    }
    s.push_str(" Храните пароль: без него данные не восстановить.");
    s
}
pub fn decrypted(counts: &str, copies: usize, left: usize) -> String {
    let mut s =
        format!("База данных расшифрована ({counts}). Резервных копий расшифровано: {copies}.");
    if left > 0 {
        s.push_str(&format!(
            " Не открылись этим паролем и оставлены как были: {left}."
        ));
    }
    s
}
pub const ERR_CHANGED_MEANWHILE: &str =
    "запись изменили в другом окне или на другом рабочем месте, пока вы её редактировали";
pub fn image_of_bytes(n: usize) -> String {
    format!("изображение, {} КБ", n.div_ceil(1024))
}
pub fn count_of_people(n: usize) -> String {
    crate::domain::fmt::count(n as u64, ["человек", "человека", "человек"])
}
pub const CONFLICT_WHAT: &str = "Поле или строка";
pub const CONFLICT_THEIRS: &str = "Сохранено сейчас";
pub const CONFLICT_MINE: &str = "Ваше";
pub const CONFLICT_DELETED: &str = "(удалено)";
pub const KEEP_MINE: &str = "Сохранить мои значения";
pub const TAKE_THEIRS: &str = "Взять сохранённые, мои изменения отбросить";
pub const MERGED_SAVED: &str = "Сохранено. Запись тем временем изменил другой пользователь: его изменения сохранены вместе с вашими.";
pub const UNSAVED_TITLE: &str = "Сохранить изменения?";
pub const UNSAVED_TEXT: &str = "Есть несохранённые изменения: сохранить их, прежде чем уйти?";
pub const UNSAVED_MARK: &str = "● не сохранено";
pub fn errors_count(n: usize) -> String {
    format!(
        "{} — исправьте, чтобы сохранить",
        crate::domain::fmt::count(n as u64, ["ошибка", "ошибки", "ошибок"])
    )
}
pub fn err_read_file(e: &str) -> String {
    format!("не удалось прочитать файл: {e}")
}
pub fn err_write_file(path: &str) -> String {
    format!("не удалось записать файл {path}")
}
/// The name of a client kind by its stored code.
pub fn client_kind(code: &str) -> &'static str {
    match code {
        "legal" => KIND_LEGAL,
        "ip" => KIND_IP,
        _ => KIND_PERSON,
    }
}
// ---- errors of storage and files ----
pub fn err_database(detail: &str) -> String {
    format!("ошибка базы данных: {detail}")
}
pub fn err_migration(detail: &str) -> String {
    format!("ошибка обновления схемы базы данных: {detail}")
}
pub fn err_db_file(detail: &str) -> String {
    format!("ошибка файла базы данных: {detail}")
}
pub fn err_not_found(id: i64) -> String {
    format!("запись не найдена (id {id})")
}
pub fn err_too_new(found: usize, known: usize) -> String {
    format!(
        "база данных создана более новой версией программы (схема {found}, эта программа знает {known})"
    )
}
pub fn err_unknown_code(code: &str) -> String {
    format!(
        "в базе данных значение «{code}», которого эта версия программы не знает: обновите программу"
    )
}
pub fn err_db_missing(path: &str) -> String {
    format!(
        "файла базы данных {path} нет: проверьте путь (новая база создаётся только с --create или командой demo)"
    )
}
pub fn err_db_replaced(path: &str) -> String {
    format!(
        "файл базы данных {path} заменён другим во время работы (переименован поверх или восстановлен из копии): работа остановлена, чтобы ничего не записать в чужую базу; запустите команду снова"
    )
}
pub fn err_db_empty_file(path: &str) -> String {
    format!(
        "файл {path} пуст — это не база данных vipdesk: проверьте путь (новая база в этом файле создаётся только с --create)"
    )
}
pub const ERR_DB_FOREIGN: &str =
    "это база данных SQLite другой программы, а не vipdesk: файл не изменён";
pub const ERR_DB_DAMAGED: &str = "база данных повреждена: программа в неё не записывает, и прочитать из неё удаётся не всё. Восстановите последнюю проверенную резервную копию («Резервные копии» → «Восстановить» или vipdesk restore)";
pub const ERR_DB_NOT_A_DATABASE: &str =
    "файл не является базой данных vipdesk (повреждён, зашифрован или это другой файл)";
pub const ERR_DB_CANNOT_OPEN: &str =
    "не удалось открыть файл базы данных: нет такой папки или нет доступа к ней";
pub const ERR_DISK_FULL: &str = "на диске нет места: освободите место и повторите";
pub const ERR_DB_READ_ONLY: &str =
    "база данных доступна только для чтения: проверьте права на файл и на его папку";
pub const ERR_DB_PERMISSION: &str = "нет прав доступа к файлу базы данных";
pub const ERR_DB_IO: &str = "ошибка чтения или записи диска при работе с базой данных";
pub const ERR_OUT_OF_MEMORY: &str = "не хватило памяти";
pub const ERR_DB_CONSTRAINT: &str =
    "база данных отказалась сохранить запись: данные противоречат её правилам";
pub const ERR_DB_UNEXPECTED: &str =
    "непредвиденная ошибка базы данных (подробности в журнале программы)";
pub const ERR_READ_ONLY_OLD: &str = "база данных записана прежней версией программы, а записать её здесь нельзя (нет прав или места на диске): откройте её там, где можно писать, — программа обновит её";
pub fn err_too_long(field: &str, max: usize) -> String {
    format!(
        "поле «{field}» длиннее {} знаков: так много оно не вмещает — сократите текст (ничего не сохранено)",
        crate::domain::fmt::number(max as f64, 0)
    )
}
pub fn err_db_code(code: std::ffi::c_int) -> String {
    format!(
        "база данных не выполнила действие (код SQLite {code}): проверьте базу командой «vipdesk check» или в окне «Резервные копии»; подробности — в журнале программы"
    )
}
pub const IO_NOT_FOUND: &str = "файл или папка не найдены";
pub const IO_PERMISSION: &str = "нет прав доступа";
pub const IO_PERMISSION_OR_OPEN: &str =
    "нет прав доступа, или файл открыт в другой программе (закройте его там и повторите)";
pub const IO_EXISTS: &str = "файл уже существует";
pub const IO_READ_ONLY: &str = "диск доступен только для чтения";
pub const IO_IS_DIR: &str = "это папка, а не файл";
pub const IO_NOT_DIR: &str = "часть пути — файл, а не папка";
pub const IO_BAD_NAME: &str = "недопустимое имя файла";
pub const IO_BUSY: &str = "файл занят другой программой";
pub const IO_TOO_LARGE: &str = "файл слишком большой";
pub const IO_BAD_DATA: &str = "файл повреждён или обрезан";
pub const IO_OTHER: &str = "ошибка ввода-вывода";
pub fn io_code(code: i32) -> String {
    format!("ошибка ввода-вывода (код системы {code})")
}
pub const ERR_BACKUP_DIFFERS: &str =
    "копия не прошла проверку: в ней не столько записей, сколько в базе; копия не сохранена";
pub fn err_no_backup(e: &str) -> String {
    format!(
        "не удалось сделать проверенную резервную копию перед обновлением схемы ({e}); база не изменена"
    )
}
pub const ERR_DB_BUSY: &str = "база данных занята другой программой или другим окном vipdesk: повторите через несколько секунд";
pub fn err_read_path(path: &str, detail: &str) -> String {
    format!("не удалось прочитать файл {path}: {detail}")
}
pub fn err_write_path(path: &str, detail: &str) -> String {
    format!("не удалось записать файл {path}: {detail}")
}
pub fn err_viewer(path: &str) -> String {
    format!("не удалось открыть файл {path} программой просмотра")
}
pub fn err_print(path: &str, why: &str) -> String {
    format!("не удалось отправить файл {path} на печать: {why}")
}
pub const ERR_NO_PDF_PROGRAM: &str = "на этом компьютере нет программы для PDF-файлов: установите программу просмотра PDF (например, Adobe Acrobat Reader или Sumatra PDF) и повторите печать";
pub const ERR_INN_TAKEN_GENERIC: &str = "Этот ИНН уже есть у другого клиента";
pub const ERR_NAME_TAKEN: &str = "Такое название уже есть в справочнике";
pub fn err_range(min: u32, max: u32) -> String {
    format!("Число от {min} до {max}")
}
/// A navigation entry with the number of things waiting there: «Сегодня (5)».
pub fn with_count(label: &str, n: usize) -> String {
    if n == 0 {
        label.to_string()
    } else {
        format!("{label} ({n})")
    }
}
pub const DATE_HINT: &str = "ДД.ММ.ГГГГ";
pub const WEEKDAYS: [&str; 7] = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];
pub const LETTER_FORMS: [&str; 3] = ["письмо", "письма", "писем"];
/// The status line's note of the messages under the newest (read on hover).
pub fn more_messages(n: usize) -> String {
    format!(
        "и ещё {}",
        crate::domain::fmt::count(n as u64, ["сообщение", "сообщения", "сообщений"])
    )
}
/// Before a failed command's message on the command line.
pub const ERROR_PREFIX: &str = "Ошибка";
pub const CLI_ABOUT: &str = "Рабочее место персонального менеджера VIP-клиентов";
pub fn file_written(path: &str) -> String {
    format!("Файл записан: {path}")
}
pub const ERR_OGRN_SIGN: &str =
    "ОГРН организации начинается с 1 или 5, ОГРНИП — с 3: проверьте номер";
pub const ERR_TIME: &str = "Время в формате ЧЧ:ММ, например 09:30";
pub const ERR_FUTURE_DATE: &str = "Дата не может быть позже сегодняшней";
pub fn err_protected(path: &str) -> String {
    format!(
        "{path} — это файл базы данных vipdesk или её резервная копия: записать в него нельзя, выберите другое имя"
    )
}
/// A file dialog could not be shown on this computer.
pub const NO_FILE_DIALOG: &str =
    "Окно выбора файла на этом компьютере не открывается: впишите путь к файлу здесь.";
pub const TYPED_PATH_TITLE: &str = "Укажите путь к файлу";
pub const TYPED_PATH_OK: &str = "Готово";

/// What only the head of the group may do, as the subject of «… может только руководитель
/// группы».
pub const DUTY_APPROVE_LIMITS: &str = "Утверждать лимиты на подарки";
pub const DUTY_APPROVE_GIFTS: &str = "Согласовывать заказы подарков";
pub const DUTY_ACCEPT_REPORTS: &str = "Принимать отчёты о встречах";
pub const DUTY_SIGN_MEMO: &str = "Подписывать служебную записку о жалобах";
pub const DUTY_EDIT_CALENDAR: &str = "Изменять производственный календарь";
pub const DUTY_EDIT_DEADLINES: &str = "Изменять сроки и тематики обращений";
pub const DUTY_EDIT_REGULATION: &str = "Изменять регламент поздравлений";
pub const DUTY_EDIT_MANAGERS: &str = "Изменять список менеджеров, их роли и пароли";
pub const DUTY_MANAGE_DATABASE: &str =
    "Восстанавливать базу из копии, шифровать и расшифровывать её";
pub const DUTY_EDIT_VIP_LIST: &str =
    "Составлять VIP-список года и вносить приказы о его утверждении и о назначении менеджеров";
pub const DUTY_EDIT_QUESTIONNAIRE: &str = "Изменять анкету изучения удовлетворённости";
pub fn err_head_only(duty: &str) -> String {
    format!("{duty} может только руководитель группы.")
}
pub const ERR_NOT_YOUR_CLIENT: &str = "Это клиент другого персонального менеджера: изменять его записи может его менеджер или руководитель группы.";
pub const ERR_EMPTY_REPLY: &str = "В письме нет ответа по существу: напишите после слов «сообщаем следующее», что решено по обращению. Письмо из одних слов шаблона не отвечает клиенту.";

pub const SIGN_IN: &str = "Войти";
pub const PASSWORD: &str = "Пароль";
pub const NEW_PASSWORD: &str = "Новый пароль";
pub const REPEAT_PASSWORD: &str = "Повторите пароль";
pub const OTHER_USER: &str = "Другой пользователь";
pub fn sign_in_by_account(account: &str) -> String {
    format!("Вход по учётной записи компьютера «{account}».")
}
pub fn first_password_hint(n: usize) -> String {
    format!(
        "Паролей в программе ещё нет: придумайте свой (не короче {n} знаков). Пароли коллегам задаёт руководитель группы в «Менеджеры»."
    )
}
pub const LOADING: &str = "Загрузка…";
pub const READ_LOST: &str = "Данные не прочитаны: чтение прервалось. Откройте экран ещё раз.";
pub fn err_longer_than(max: usize) -> String {
    format!("Не длиннее {max} знаков")
}
