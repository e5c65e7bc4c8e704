//! The command line's help in Russian: clap's own headings and flags, and the help of every
//! command and argument by its path («letter merge --date»). The doc comments of the
//! command-line types stay for developers; what the user reads comes from here.

pub const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nИспользование: {usage}\n\n{all-args}{after-help}";
pub const COMMANDS_HEADING: &str = "Команды";
pub const OPTIONS_HEADING: &str = "Параметры";
pub const ARGS_HEADING: &str = "Аргументы";
pub const HELP_FLAG: &str = "Показать справку";
pub const VERSION_FLAG: &str = "Показать версию";
pub const HELP_COMMAND: &str = "Справка по команде";

/// Errors of the command line itself (before any command runs).
pub fn missing_args(args: &str) -> String {
    format!("не указаны обязательные параметры: {args}")
}
pub fn unknown_arg(arg: &str) -> String {
    format!("неизвестный параметр «{arg}»")
}
pub fn unknown_command(name: &str) -> String {
    format!("неизвестная команда «{name}»")
}
pub fn bad_value(value: &str, arg: &str, why: &str) -> String {
    if why.is_empty() {
        format!("недопустимое значение «{value}» параметра {arg}")
    } else {
        format!("недопустимое значение «{value}» параметра {arg}: {why}")
    }
}
/// A help text with its default value.
pub fn with_default(help: &str, default: &str) -> String {
    format!("{help} (по умолчанию {default})")
}
pub const RENDERER_VALUES: &str = "ожидается auto, wgpu или glow";
pub const NOT_A_WHOLE_NUMBER: &str = "ожидается целое число";
pub const NUMBER_TOO_BIG: &str = "слишком большое число";
pub fn did_you_mean(what: &str) -> String {
    format!("возможно, имелось в виду «{what}»")
}
pub fn arg_twice(arg: &str) -> String {
    format!("параметр {arg} указан больше одного раза")
}
pub fn bad_command_line(detail: &str) -> String {
    format!("ошибка в командной строке: {detail}")
}
pub fn more_in_help(usage: &str) -> String {
    format!("Использование: {usage}\nПодробнее: --help")
}

/// The Russian help of a command or an argument, by its path: the command names from the top
/// and, for an argument, `--long` (or the value's name for a positional one).
pub fn help(path: &str) -> Option<&'static str> {
    HELP.iter().find(|(p, _)| *p == path).map(|(_, h)| *h)
}

const HELP: &[(&str, &str)] = &[
    (
        "--db",
        "Файл базы данных (по умолчанию: VIPDESK_DB, иначе vipdesk.db в папке данных пользователя)",
    ),
    (
        "--create",
        "Создать файл базы данных, если его нет (иначе отсутствующий файл — ошибка)",
    ),
    (
        "--user",
        "Кто работает: номер менеджера (пароль — VIPDESK_PASSWORD, иначе будет запрошен; при входе по учётной записи компьютера — не нужен)",
    ),
    (
        "--renderer",
        "Чем рисовать окно: auto (по умолчанию: в Windows — wgpu с DirectX 12, затем с Vulkan, при неудаче — OpenGL), wgpu или glow (OpenGL)",
    ),
    ("vip-list", "Список клиентов категории VIP на год"),
    (
        "vip-list propose",
        "Предложение списка на год: VIP-клиенты этого года и клиенты, чей объём потребления проходит порог, с четырьмя критериями и предложением (включить / оставить / исключить)",
    ),
    ("vip-list propose --year", "Год списка, например 2027"),
    (
        "vip-list propose --json",
        "По одному объекту JSON на строку",
    ),
    (
        "vip-list create",
        "Сохранить предложение списка на год как проект (руководитель группы)",
    ),
    ("vip-list create --year", "Год списка, например 2027"),
    (
        "vip-list show",
        "Сохранённый список года (последняя редакция): клиенты, решения, приказ",
    ),
    ("vip-list show --year", "Год списка"),
    ("vip-list show --json", "По одному объекту JSON на строку"),
    (
        "vip-list decide",
        "Решение по строке проекта: включить или исключить клиента, с обоснованием",
    ),
    (
        "vip-list decide --row",
        "Строка списка (row из show --json)",
    ),
    (
        "vip-list decide --decision",
        "include — включить (оставить) клиента, exclude — исключить (не включать)",
    ),
    (
        "vip-list decide --reason",
        "Обоснование (обязательно, если решение расходится с предложением)",
    ),
    (
        "vip-list approve",
        "Внести приказ об утверждении проекта: список замораживается, статус VIP года записывается каждому клиенту",
    ),
    ("vip-list approve --year", "Год списка"),
    ("vip-list approve --order", "Номер приказа"),
    ("vip-list approve --date", "Дата приказа, ГГГГ-ММ-ДД"),
    (
        "vip-list correct",
        "Начать исправление утверждённого списка года: новая редакция-проект, утверждённая сохраняется",
    ),
    ("vip-list correct --year", "Год списка"),
    (
        "vip-list appoint",
        "Внести приказ о назначении персональных менеджеров к клиентам утверждённого списка",
    ),
    ("vip-list appoint --year", "Год списка"),
    ("vip-list appoint --order", "Номер приказа"),
    ("vip-list appoint --date", "Дата приказа, ГГГГ-ММ-ДД"),
    ("demo", "Заполнить пустую базу вымышленными демо-данными"),
    (
        "demo --clients",
        "Сколько клиентов создать (контактные лица, показатели и прочее — пропорционально)",
    ),
    (
        "demo --seed",
        "Начальное число генератора: одно и то же число даёт одни и те же данные",
    ),
    (
        "check",
        "Проверить базу данных; код выхода 1, если найдены ошибки",
    ),
    (
        "backup",
        "Сделать проверенную копию базы (в папку копий или в файл --out)",
    ),
    (
        "backup --out",
        "Куда записать копию (по умолчанию — папка копий рядом с базой)",
    ),
    ("backups", "Резервные копии базы"),
    (
        "backups list",
        "Список копий, новые сверху: когда, почему, размер, что в них, файл",
    ),
    (
        "restore",
        "Заменить данные базы проверенной копией (текущие данные сохраняются отдельно)",
    ),
    ("restore file", "Файл резервной копии"),
    (
        "encrypt",
        "Зашифровать базу и её копии паролем (VIPDESK_NEW_PASSPHRASE или ввод дважды); у зашифрованной базы — сменить пароль",
    ),
    (
        "decrypt",
        "Расшифровать базу и её копии (пароль: VIPDESK_PASSPHRASE или ввод)",
    ),
    ("clients", "Клиенты"),
    (
        "clients list",
        "Список клиентов (с --json — по объекту JSON в строке)",
    ),
    ("clients list --json", "Вывод в JSON: по объекту в строке"),
    ("import", "Импорт данных"),
    (
        "import clients",
        "Импорт клиентов из файла .csv («;» или «,», UTF-8 или Windows-1251) или .xlsx",
    ),
    ("import clients file", "Файл .csv или .xlsx"),
    (
        "import clients --update",
        "Обновить клиентов, которые уже есть в базе (тот же UUID, иначе тот же ИНН), колонками файла, а не отклонять их как дубликаты",
    ),
    (
        "import people",
        "Импорт контактных лиц клиентов (руководители, бухгалтеры, контакты) из файла .csv или .xlsx: клиент — по ИНН",
    ),
    ("import people file", "Файл .csv или .xlsx"),
    (
        "import people --update",
        "Обновить лиц, которые уже есть в досье (тот же UUID, иначе те же фамилия, имя, отчество), колонками файла, а не отклонять их как дубликаты",
    ),
    ("export", "Экспорт данных"),
    (
        "export people",
        "Экспорт контактных лиц всех клиентов в файл .csv (колонки, которые читает импорт лиц)",
    ),
    ("export people --out", "Файл .csv, в который записать лиц"),
    (
        "export clients",
        "Экспорт клиентов в файл .csv (колонки, которые читает импорт)",
    ),
    (
        "export clients file",
        "Файл .csv, в который записать клиентов",
    ),
    ("meetings", "Отчёты о звонках и встречах"),
    (
        "meetings list",
        "Отчёты, новые сверху (с --json — по объекту JSON в строке)",
    ),
    ("meetings list --client", "Только отчёты этого клиента (id)"),
    ("meetings list --json", "Вывод в JSON: по объекту в строке"),
    ("meeting", "Отчёт о звонке или встрече"),
    ("meeting render", "Записать PDF отчёта"),
    ("meeting render --id", "Номер (id) отчёта"),
    ("meeting render --out", "Файл PDF"),
    ("server", "Сервер отдела (PostgreSQL)"),
    (
        "server init",
        "Создать схему на сервере отдела или обновить её (повторный запуск ничего не меняет)",
    ),
    (
        "server init --url",
        "Сервер: postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР:5432/БАЗА или host=… dbname=… user=…",
    ),
    (
        "server add-user",
        "Добавить пользователя сервера (роль PostgreSQL; пароль — VIPDESK_SERVER_PASSWORD или ввод дважды)",
    ),
    ("server add-user --url", "Сервер отдела"),
    ("server add-user --login", "Имя пользователя на сервере"),
    (
        "server add-user --manager",
        "Номер (id) менеджера в этой базе",
    ),
    (
        "server add-user --head",
        "Руководитель группы (видит клиентов всех менеджеров)",
    ),
    (
        "sync",
        "Синхронизация с сервером отдела: отправить изменения этого рабочего места, получить изменения других (пароль — VIPDESK_SERVER_PASSWORD или ввод)",
    ),
    ("sync --url", "Новый адрес сервера отдела (запоминается)"),
    (
        "sync join",
        "Подключить рабочее место к серверу отдела (один раз): получить то, что пользователю видно, отправить то, что есть в этой базе",
    ),
    (
        "sync join --url",
        "Сервер: postgresql://СЕРВЕР:5432/БАЗА или host=… dbname=…",
    ),
    ("sync join --login", "Имя пользователя на сервере"),
    (
        "sync status",
        "Состояние синхронизации: докуда получено, сколько изменений ждут отправки, последняя ошибка",
    ),
    ("sync status --json", "Одним объектом JSON"),
    ("report", "Отчёты для руководителя группы"),
    (
        "report contacts",
        "Плановые и проведённые звонки и встречи по менеджерам и клиентам, в PDF",
    ),
    (
        "report contacts --period",
        "Период: 2026-Q4, 2026-11 или 2026",
    ),
    ("report contacts --out", "Файл PDF"),
    (
        "report contacts --manager",
        "Только клиенты этого менеджера (id)",
    ),
    (
        "report weekly-complaints",
        "Еженедельная служебная записка о жалобах и предложениях за неделю ISO, в PDF",
    ),
    (
        "report weekly-complaints --week",
        "Неделя ISO, например 2026-W48",
    ),
    ("report weekly-complaints --out", "Файл PDF"),
    (
        "report appeals",
        "Статистика обращений, поступивших за период (даты ГГГГ-ММ-ДД), в PDF",
    ),
    ("report appeals --from", "Начало периода, ГГГГ-ММ-ДД"),
    ("report appeals --to", "Конец периода, ГГГГ-ММ-ДД"),
    ("report appeals --out", "Файл PDF"),
    (
        "today",
        "Что нужно сделать сегодня: то же, что экран «Сегодня» (отчёты на приёмку, обращения, подарки и поздравления, звонки, встречи, шаги, дни рождения)",
    ),
    (
        "today --manager",
        "Номер (id) менеджера (по умолчанию — клиенты всех менеджеров)",
    ),
    ("today --json", "Вывод в JSON"),
    ("appeals", "Обращения и жалобы"),
    (
        "appeals list",
        "Реестр обращений, новые сверху (с --overdue — открытые с истёкшим сроком, самые старые сроки сверху; с --json — по объекту JSON в строке)",
    ),
    (
        "appeals list --overdue",
        "Только открытые обращения с истёкшим сроком ответа",
    ),
    (
        "appeals list --manager",
        "Только обращения этого менеджера (id)",
    ),
    (
        "appeals list --client",
        "Только обращения этого клиента (id)",
    ),
    (
        "appeals list --search",
        "Слова для поиска в теме и тексте (каждое слово — как начало слова)",
    ),
    ("appeals list --json", "Вывод в JSON: по объекту в строке"),
    (
        "appeals import-eml",
        "Принять письмо, сохранённое как .eml, как обращение: отправитель по адресу из досье, тема, текст, время получения и вложения",
    ),
    ("appeals import-eml file", "Файл .eml"),
    (
        "appeals import-eml --client",
        "Клиент (id), если адреса отправителя нет в досье (или он есть в нескольких)",
    ),
    (
        "appeals import-eml --register",
        "Сразу зарегистрировать (по умолчанию — «поступило», ждёт регистрации)",
    ),
    (
        "appeals notice",
        "Уведомление о регистрации, как его делает карточка: черновик письма, связанный с обращением (клиент выбрал почту или лично), иначе — текст для e-mail или интернет-приёмной",
    ),
    ("appeals notice --id", "Обращение (id)"),
    (
        "appeals notice --out",
        "Записать в файл: PDF черновика письма или текст уведомления",
    ),
    (
        "appeals reply",
        "Черновик ответа письмом, связанный с обращением, как «Ответить письмом» в карточке: «На № … от …», адресат, ответ",
    ),
    ("appeals reply --id", "Обращение (id)"),
    (
        "appeals reply --template",
        "Шаблон письма (код; по умолчанию reply_appeal)",
    ),
    (
        "appeals reply --answer",
        "Текст ответа (сохраняется как ответ по обращению)",
    ),
    (
        "appeals reply --reason",
        "Почему отвечаем письмом клиенту, выбравшему другой способ ответа",
    ),
    ("appeals reply --out", "Записать PDF черновика в файл"),
    (
        "calendar",
        "Производственный календарь: рабочие дни и сроки",
    ),
    (
        "calendar add-workdays",
        "Дата через N рабочих дней после DATE (сама DATE не считается)",
    ),
    ("calendar add-workdays --from", "Дата отсчёта, ГГГГ-ММ-ДД"),
    ("calendar add-workdays --days", "Число рабочих дней"),
    (
        "calendar deadline",
        "Последний день срока в N дней от события DATE (ст. 191, 193 ГК РФ: срок начинается на следующий день; выходной последний день переносится на ближайший рабочий)",
    ),
    ("calendar deadline --from", "Дата события, ГГГГ-ММ-ДД"),
    ("calendar deadline --days", "Срок в днях"),
    (
        "calendar deadline --working",
        "Срок в рабочих днях (по умолчанию — в календарных)",
    ),
    ("letter", "Исходящие письма"),
    (
        "greetings",
        "Регламент поздравлений: график, день вручения подарка",
    ),
    (
        "greetings schedule",
        "График поздравлений за период: кого, с чем, кто звонит, кто и до какого дня вручает подарок, до какого дня его заказать, лимит",
    ),
    ("greetings schedule --from", "Начало периода, ГГГГ-ММ-ДД"),
    ("greetings schedule --to", "Конец периода, ГГГГ-ММ-ДД"),
    (
        "greetings schedule --json",
        "Вывод в JSON: по объекту в строке",
    ),
    (
        "greetings delivery-date",
        "День вручения подарка ко дню рождения DATE (в выходной — первый рабочий день после)",
    ),
    (
        "greetings delivery-date --date",
        "День рождения, ГГГГ-ММ-ДД",
    ),
    ("gifts", "Подарки: реестр, заказ в АХС, открытки"),
    (
        "gifts given",
        "Подарки человека, новые сверху: праздник, подарок, сумма, вручён ли",
    ),
    ("gifts given --person", "Номер (id) контактного лица"),
    ("gifts given --json", "Вывод в JSON: по объекту в строке"),
    (
        "gifts order-deadline",
        "Последний день передачи заказа на подарки в АХС для поздравления DATE (за 10 рабочих дней)",
    ),
    (
        "gifts order-deadline --date",
        "Дата поздравления, ГГГГ-ММ-ДД",
    ),
    (
        "gifts order",
        "Заказ на приобретение подарков в АХС (подарки праздников периода, ещё не переданные в АХС), в PDF",
    ),
    ("gifts order --from", "Начало периода, ГГГГ-ММ-ДД"),
    ("gifts order --to", "Конец периода, ГГГГ-ММ-ДД"),
    ("gifts order --out", "Файл PDF"),
    (
        "gifts order --manager",
        "Только клиенты этого менеджера (id)",
    ),
    (
        "gifts card",
        "Именная открытка человеку к празднику, в PDF (A6)",
    ),
    ("gifts card --person", "Номер (id) контактного лица"),
    (
        "gifts card --occasion",
        "Праздник: new_year, feb23, mar8, professional, birthday, jubilee",
    ),
    ("gifts card --date", "Дата праздника, ГГГГ-ММ-ДД"),
    ("gifts card --out", "Файл PDF"),
    (
        "report greetings",
        "График поздравлений за период для решения руководства (даты ГГГГ-ММ-ДД), в PDF",
    ),
    ("report greetings --from", "Начало периода, ГГГГ-ММ-ДД"),
    ("report greetings --to", "Конец периода, ГГГГ-ММ-ДД"),
    ("report greetings --out", "Файл PDF"),
    (
        "report vip-list",
        "VIP-список года (последняя редакция) на утверждение директору, в PDF",
    ),
    ("report vip-list --year", "Год списка"),
    ("report vip-list --out", "Файл PDF"),
    (
        "report managers",
        "Список персональных менеджеров и их клиентов на год для приказа директора, в PDF",
    ),
    ("report managers --year", "Год списка"),
    ("report managers --out", "Файл PDF"),
    (
        "report satisfaction",
        "Годовой отчёт об изучении удовлетворённости VIP-клиентов для руководства, в PDF",
    ),
    ("report satisfaction --year", "Год опросов"),
    ("report satisfaction --out", "Файл PDF"),
    (
        "report satisfaction --json",
        "Вывести показатели отчёта одним объектом JSON",
    ),
    (
        "report greetings --manager",
        "Только клиенты этого менеджера (id)",
    ),
    (
        "letter render",
        "Записать PDF письма (у черновика — пропуски для номера и даты и отметка «ПРОЕКТ»)",
    ),
    ("letter render --id", "Номер (id) письма"),
    ("letter render --out", "Файл PDF"),
    (
        "letter print",
        "Отправить PDF письма на принтер по умолчанию (в Windows — командой «Печать» программы для PDF)",
    ),
    ("letter print --id", "Номер (id) письма"),
    (
        "letter courier-sheet",
        "Реестр передачи курьеру: письма, переданные курьеру в день DATE, в PDF",
    ),
    (
        "letter courier-sheet --date",
        "День передачи курьеру, ГГГГ-ММ-ДД",
    ),
    ("letter courier-sheet --out", "Файл PDF"),
    (
        "letter list",
        "Реестр исходящих (с --json — по объекту JSON в строке)",
    ),
    ("letter list --json", "Вывод в JSON: по объекту в строке"),
    (
        "letter merge",
        "Рассылка: одно письмо по шаблону каждому клиенту выборки, зарегистрированное, в PDF в папку",
    ),
    (
        "letter merge --template",
        "Код шаблона, например tariff_change",
    ),
    (
        "letter merge --clients",
        "Кому: all | manager:ID | district:НАЗВАНИЕ",
    ),
    (
        "encrypt --remove-unreadable",
        "Удалить копии, которые не читаются (повреждены) и поэтому остались незашифрованными",
    ),
    (
        "letter merge --except",
        "Кому из выбранных не писать: номера клиентов через запятую, например 12,57",
    ),
    ("letter merge --out", "Папка для файлов PDF"),
    (
        "letter merge --combined",
        "Один общий PDF вместо файла на каждое письмо",
    ),
    (
        "letter merge --resume",
        "Продолжить незаконченную рассылку этого шаблона этим клиентам (только тем, кому письмо ещё не составлено)",
    ),
    (
        "letter merge --date",
        "Дата, которую просит шаблон ({{ fields.date }}), например 01.01.2027",
    ),
    (
        "letter merge --time",
        "Время, которое просит шаблон ({{ fields.time }}), например 10:00",
    ),
    (
        "letter merge --amount",
        "Сумма, которую просит шаблон ({{ fields.amount }}), например 1234,50",
    ),
    (
        "letter merge --service",
        "Услуга, которую предлагает шаблон ({{ fields.service }}), например «персональный расчёт тарифа»",
    ),
];
/// `--manager ID` names nobody.
pub const USER_NEEDED: &str = "Укажите, кто работает: --user НОМЕР_МЕНЕДЖЕРА (пароль — в VIPDESK_PASSWORD или будет запрошен). В этой базе у пользователей есть пароли: данные клиентов показывает и меняет только вошедший пользователь.";
pub const OTHERS_DAY: &str = "День другого менеджера (--manager) может смотреть руководитель группы; без --manager команда показывает ваш день.";
/// The output (a file the shell redirected it to) could not be written.
pub fn err_stdout(detail: &str) -> String {
    format!("не удалось вывести результат: {detail}")
}
pub fn no_manager(id: i64) -> String {
    format!("Менеджера с номером (id) {id} в базе нет.")
}
pub fn plain_copy_left(path: &str) -> String {
    format!(
        "Копия {path} не читается и осталась незашифрованной: в ней персональные данные в открытом виде."
    )
}
pub fn plain_copy_removed(path: &str) -> String {
    format!("Нечитаемая незашифрованная копия {path} удалена.")
}
pub const PLAIN_COPIES_HINT: &str = "Удалите эти копии сами или повторите с --remove-unreadable: после шифрования открытых копий остаться не должно.";
