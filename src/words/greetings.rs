//! Words of the greetings and gifts regulation.

pub const OCC_NEW_YEAR: &str = "Новый год";
pub const OCC_DEFENDER: &str = "День защитника Отечества";
pub const OCC_WOMENS_DAY: &str = "Международный женский день";
pub const OCC_PROFESSIONAL: &str = "Профессиональный праздник";
pub const OCC_BIRTHDAY: &str = "День рождения";
pub const OCC_JUBILEE: &str = "Юбилей";
pub const CALLER_DIRECTOR: &str = "руководитель Общества (заместитель)";
pub const CALLER_MANAGER: &str = "персональный менеджер";
pub const GIFT_BY_REPRESENTATIVE: &str = "через представителя клиента";
pub const GIFT_BY_MANAGER: &str = "персональный менеджер лично";
pub const GIFT_BY_BRANCH: &str = "сотрудник филиала лично";
pub const HANDED_BY_REPRESENTATIVE: &str = "представитель клиента";
pub const HANDED_BY_MANAGER: &str = "персональный менеджер";
pub const HANDED_BY_BRANCH: &str = "сотрудник филиала";
/// A row of `greetings schedule` on the command line.
#[allow(clippy::too_many_arguments)]
pub fn schedule_line(
    date: &str,
    occasion: &str,
    person: &str,
    client: &str,
    category: u8,
    callers: &str,
    gift_by: &str,
    hand_by: &str,
    order_by: &str,
    limit: &str,
) -> String {
    format!(
        "{date}\t{occasion}\t{person}\t{client}\t{category} кат.\tзвонит: {callers}\tподарок: {gift_by}, до {hand_by}\tзаказать до {order_by}\tлимит {limit}"
    )
}
/// A gift the person has had, proposed again.
pub fn gift_repeated(date: &str, handed: bool) -> String {
    if handed {
        format!("Этот подарок уже вручён этому человеку {date}: подарки не повторяются.")
    } else {
        format!(
            "Этот подарок уже запланирован этому человеку к празднику {date}: подарки не повторяются."
        )
    }
}
/// A gift dearer than the limit.
pub fn gift_over_limit(limit: &str) -> String {
    format!("Подарок дороже лимита {limit} для этой категории лиц и этого праздника.")
}
/// A row of `gifts given`.
pub fn gift_line(date: &str, occasion: &str, item: &str, amount: &str, handed: &str) -> String {
    format!("{date}\t{occasion}\t{item}\t{amount}\t{handed}")
}
pub const GIFT_NOT_HANDED: &str = "не вручён";
pub fn gift_handed(date: &str, by: &str) -> String {
    if by.is_empty() {
        format!("вручён {date}")
    } else {
        format!("вручён {date}, {by}")
    }
}
pub const GIFT_ALREADY_HANDED: &str =
    "Подарок уже вручён: он остаётся в реестре подарков и не меняется.";
pub const HANDOVER_DATE: &str = "Укажите дату вручения.";
pub const HANDOVER_FUTURE: &str = "Дата вручения ещё не наступила.";
pub const HANDOVER_BY: &str = "Укажите, кто вручил подарок.";
pub const HANDOVER_TO: &str = "Укажите, кому вручён подарок.";
pub const DIRECTOR_POSITION: &str = "Директор";
/// The named card's text as shipped.
pub const CARD_TEXT: &str = "{{ salutation }}\n\nПримите искренние поздравления {{ holiday_with }}! Желаем Вам крепкого здоровья, благополучия, новых достижений и успехов во всех делах. Благодарим Вас за плодотворное сотрудничество и доверие.";
/// «с днём рождения» of each holiday (a birthday is no holiday's name: lower case; «8 Марта»
/// held together by a no-break space); a professional holiday is «с Днём …» when its name
/// starts with «День», else «с праздником «…»».
pub fn holiday_with(code: &str, professional: &str) -> String {
    match code {
        "new_year" => "с Новым годом".into(),
        "feb23" => "с Днём защитника Отечества".into(),
        "mar8" => "с Международным женским днём 8\u{a0}Марта".into(),
        "birthday" => "с днём рождения".into(),
        "jubilee" => "с юбилеем".into(),
        _ => match professional.trim().strip_prefix("День ") {
            Some(rest) => format!("с Днём {rest}"),
            None if professional.trim().is_empty() => "с профессиональным праздником".into(),
            None => format!("с праздником «{}»", professional.trim()),
        },
    }
}
/// The card's title: «С днём рождения!».
pub fn card_title(with: &str) -> String {
    let mut c = with.chars();
    match c.next() {
        Some(f) => format!("{}{}!", f.to_uppercase(), c.as_str()),
        None => String::new(),
    }
}
pub const CARD_TITLE_META: &str = "Именная открытка";
pub const SCHEDULE_TITLE: &str = "График поздравлений VIP-клиентов";
pub fn schedule_period(from: &str, to: &str) -> String {
    format!("на период с {from} по {to}")
}
pub const SCHEDULE_NONE: &str = "В этот период поздравлений нет.";
pub const GCOL_NO: &str = "№";
pub const GCOL_DATE: &str = "Дата";
pub const GCOL_HOLIDAY: &str = "Праздник";
pub const GCOL_PERSON: &str = "Лицо, должность";
pub const GCOL_CLIENT: &str = "Клиент";
pub const GCOL_CATEGORY: &str = "Кат.";
pub const GCOL_CALLS: &str = "Звонит";
pub const GCOL_GIFT_BY: &str = "Вручает подарок и открытку";
pub const GCOL_ORDER_BY: &str = "Заказать до";
pub const GCOL_GIFT: &str = "Подарок";
pub const GCOL_LIMIT: &str = "Лимит";
pub const GCOL_AMOUNT: &str = "Сумма";
pub const GCOL_HAND_BY: &str = "Вручить до";
pub const GCOL_STATUS: &str = "Состояние";
pub const PERSON_CATEGORIES: &str = "Категории поздравляемых лиц: 1 — руководители стратегических клиентов; 2 — главные бухгалтеры стратегических клиентов; 3 — главные энергетики крупных клиентов и другие важные для Общества лица.";
pub const HOLIDAY_CATEGORIES: &str = "Категории праздников: 1 — общие праздники (Новый год, 23 Февраля, 8 Марта, профессиональный праздник клиента); 2 — дни рождения (юбилеи).";
pub fn schedule_totals(rows: usize, limits: &str) -> String {
    format!("Всего поздравлений: {rows}; сумма лимитов: {limits}.")
}
pub fn hand_over_words(by: &str, from: &str, to: &str) -> String {
    if from == to {
        format!("{by}, {to}")
    } else {
        format!("{by}, с {from} по {to}")
    }
}
pub const SCHEDULE_SIGNER: &str = "Руководитель группы по работе с VIP-клиентами";
pub const ORDER_TITLE: &str = "Заказ на приобретение подарков";
pub const ORDER_ADDRESSEE: &str = "Административно-хозяйственный сектор";
pub fn order_deadline_line(date: &str) -> String {
    format!("Передать в АХС не позднее {date} (за 10 рабочих дней до поздравления).")
}
pub fn order_late_line(date: &str) -> String {
    format!("Срок передачи заказа в АХС истёк {date}: заказ опаздывает.")
}
pub fn order_total(n: usize, sum: &str) -> String {
    format!("Итого подарков: {n}, на сумму {sum}.")
}
pub const ORDER_APPROVAL: &str = "Согласовано: руководитель Общества ____________________";
pub const OVER_LIMIT_MARK: &str = "сверх лимита";
pub const ORDER_NONE: &str = "Нет подарков для заказа: в АХС передаются подарки, согласованные руководителем (кнопка «Согласовать» на экране «Подарки»).";
pub const GIFT_STATUS_DRAFT: &str = "черновик";
pub const GIFT_STATUS_APPROVED: &str = "согласован руководителем";
pub const GIFT_STATUS_SENT: &str = "передан АХС";
pub const GIFT_STATUS_BOUGHT: &str = "закуплен";
pub const GIFT_STATUS_HANDED: &str = "вручён";
pub const CARD_NO_NAME: &str = "У лица не указаны имя и отчество: открытку не к кому обратить.";
const CARD_FIELDS_WORDS: &str = "{{ salutation }} (обращение), {{ name_patronymic }} (имя и отчество), {{ holiday }} (праздник), {{ holiday_with }} («с днём рождения»), {{ company }} (Общество)";
pub fn card_template_syntax(line: usize) -> String {
    format!(
        "Текст открытки не читается: ошибка в строке {line} (проверьте скобки {{{{ }}}}). Поля: {CARD_FIELDS_WORDS}."
    )
}
pub fn card_template_unknown(name: &str) -> String {
    format!("Текст открытки не читается: поля {{{{ {name} }}}} нет. Поля: {CARD_FIELDS_WORDS}.")
}
pub const CARD_EMPTY: &str = "Текст открытки пуст: напишите поздравление.";
pub const CARD_NOT_THEIR_HOLIDAY: &str = "Это не праздник этого человека: с 8 Марта поздравляют женщин, с 23 Февраля — мужчин (пол — в досье).";
pub const CARD_NOT_THEIR_DAY: &str =
    "Это не день рождения этого человека (или не юбилей): проверьте дату и дату рождения в досье.";
pub fn greetings_report_written(path: &str) -> String {
    format!("График поздравлений записан в {path}")
}
pub fn gift_order_written(path: &str) -> String {
    format!("Заказ на приобретение подарков записан в {path}")
}
pub fn card_written(path: &str) -> String {
    format!("Именная открытка записана в {path}")
}
// ---- screens ----
pub const NAV_GREETINGS: &str = "Поздравления";
pub const NAV_GIFTS: &str = "Подарки";
pub const GREETINGS_TITLE: &str = "График поздравлений";
pub const GIFTS_TITLE: &str = "Подарки: заказы и реестр";
pub const SHOW: &str = "Показать";
pub const THIS_MONTH: &str = "Этот месяц";
pub const NEXT_MONTH_BTN: &str = "Следующий месяц";
pub const NEXT_QUARTER: &str = "Ближайшие 3 месяца";
pub const ONLY_MINE: &str = "Только мои клиенты";
pub const SCHEDULE_PDF: &str = "PDF для руководства…";
pub const SCHEDULE_XLSX: &str = "В Excel для АХС…";
pub const SCHEDULE_PDF_NAME: &str = "График поздравлений.pdf";
pub const SCHEDULE_XLSX_NAME: &str = "График поздравлений.xlsx";
pub const ORDER_PDF_NAME: &str = "Заказ на приобретение подарков.pdf";
pub const ORDER_PDF: &str = "Заказ в АХС (PDF)…";
pub const ORDER_PDF_HINT: &str =
    "Подарки показанного периода, согласованные руководителем и ещё не переданные в АХС";
pub const PLAN_GIFT: &str = "Подарок…";
pub const CARD: &str = "Открытка…";
pub const GIFTS_OF_PERSON: &str = "Подарки и идеи…";
pub const SHORT_DIRECTOR: &str = "руководитель";
pub const SHORT_MANAGER: &str = "менеджер";
pub const COL_CALLS_SHORT: &str = "Звонят";
pub const COL_HAND_SHORT: &str = "Вручить";
pub const NO_GREETINGS: &str =
    "В этот период поздравлений нет: проверьте категории лиц (1–3) и даты рождения в досье.";
pub fn greetings_count(n: usize, limits: &str) -> String {
    format!(
        "{} на сумму лимитов {limits}",
        crate::domain::fmt::count(n as u64, ["поздравление", "поздравления", "поздравлений"])
    )
}
pub const LIMITS_TITLE: &str = "Лимиты на подарки";
pub fn limits_of_year(year: i32, set: bool) -> String {
    if set {
        format!("Лимиты {year} года, утверждённые руководством (₽)")
    } else {
        format!("Лимиты {year} года не утверждены: показаны пропорции регламента (₽)")
    }
}
pub const LIMIT_COLUMNS: [&str; 3] = ["Общий праздник", "День рождения", "Юбилей"];
pub fn category_row(c: u8) -> String {
    format!("{c} категория")
}
pub const LIMITS_PROPORTIONAL: &str = "По пропорциям регламента";
pub const LIMITS_PROPORTIONAL_HINT: &str = "День рождения — вдвое больше общего праздника, юбилей — вдвое больше дня рождения (от сумм общего праздника)";
pub const SAVE_LIMITS: &str = "Утвердить лимиты";
pub const LIMITS_SAVED: &str = "Лимиты сохранены.";
pub fn limits_departure(category: u8, birthday: &str, jubilee: &str) -> String {
    format!(
        "{category} категория отходит от пропорций регламента: день рождения / общий праздник = {birthday} (≈ 2), юбилей / день рождения = {jubilee} (≈ 2)."
    )
}
pub fn limit_not_number(category: &str, column: &str) -> String {
    format!("{category}, «{column}»: лимит — сумма в рублях не больше 10 000 000, например 5000")
}
pub const LIMITS_YEAR: &str = "Год";
pub const PLAN_TITLE: &str = "Подарок";
pub const F_GIFT_ITEM: &str = "Подарок";
pub const F_GIFT_AMOUNT: &str = "Сумма, ₽";
pub const F_GIFT_HOLIDAY: &str = "Праздник";
pub fn plan_limit(limit: &str) -> String {
    format!("Лимит: {limit}")
}
pub const IDEAS_NOT_GIVEN: &str = "Идеи (ещё не дарились):";
pub const PLAN_SAVE: &str = "Запланировать";
pub const PLAN_HANDED_NOW: &str = "Уже вручён (записать в реестр)";
pub const GIFT_PLANNED: &str = "Подарок запланирован: черновик заказа.";
pub const AMOUNT_BAD: &str = "Сумма — число рублей, например 4500 или 4500,50";
pub const STATUS_ALL: &str = "Все состояния";
pub const F_GIFT_STATUS: &str = "Состояние";
pub fn next_step_button(code: &str) -> &'static str {
    match code {
        "approved" => "Согласовать",
        "sent" => "В АХС",
        "bought" => "Закуплен",
        _ => "Вручить…",
    }
}
pub fn order_by_words(date: &str, late: bool) -> String {
    if late {
        format!("заказать до {date} — опоздание!")
    } else {
        format!("заказать до {date}")
    }
}
pub fn hand_by_words(date: &str) -> String {
    format!("вручить до {date}")
}
pub const HANDOVER_TITLE: &str = "Вручение подарка";
pub const F_HANDED_ON: &str = "Дата вручения";
pub const F_HANDED_BY: &str = "Кто вручил";
pub const F_HANDED_TO: &str = "Кому вручён";
pub const HANDOVER_SAVE: &str = "Отметить вручение";
pub const GIFT_HANDED_TOAST: &str = "Вручение записано в реестр подарков.";
pub const GIFT_STEP_TOAST: &str = "Состояние заказа изменено.";
pub const DELETE_PLAN: &str = "Отменить";
pub const GIFT_DELETED: &str = "Запланированный подарок отменён.";

pub const NO_GIFTS: &str = "В этот период подарков нет. Запланируйте их на экране «Поздравления».";
pub const CHANGES_TITLE: &str = "Изменился регламент запланированных подарков";
pub fn change_category(person: &str, item: &str, was: &str, now: &str) -> String {
    format!(
        "{person}: категория была {was}, стала {now} — проверьте подарок «{item}», его лимит и кто поздравляет."
    )
}
pub fn change_strategic(person: &str, item: &str, now: bool) -> String {
    if now {
        format!(
            "{person}: клиент стал стратегическим — проверьте категорию лица и подарок «{item}»."
        )
    } else {
        format!(
            "{person}: клиент больше не стратегический (1–2 категории — лица стратегических клиентов) — проверьте подарок «{item}»."
        )
    }
}
pub const NO_CATEGORY: &str = "нет";
pub const SPENDING_TITLE: &str = "Расходы на подарки и лимиты";
pub const SPENT: &str = "Вручено";
pub const PLANNED: &str = "Запланировано";
pub const LIMIT_SUM: &str = "Сумма лимитов";
pub const GIFTS_N: &str = "Подарков";
pub const OVER_LIMIT: &str = "сверх лимитов";
pub const NO_SPENDING: &str = "В этом году подарков нет.";
pub fn spending_total(c: &str) -> String {
    format!("Итого, {c}")
}
pub const PERSON_GIFTS_TITLE: &str = "Подарки и идеи";
pub const GIFT_HISTORY: &str = "История подарков";
pub const NO_GIFT_HISTORY: &str = "Подарков ещё не было.";
pub const IDEAS: &str = "Идеи подарков";
pub const NO_IDEAS: &str = "Идей пока нет.";
pub const IDEA_GIVEN: &str = "уже дарили";
pub const F_IDEA: &str = "Идея";
pub const F_IDEA_NOTE: &str = "Почему";
pub const ADD_IDEA: &str = "Добавить идею";
pub const REMOVE_IDEA: &str = "Удалить";
pub const UPCOMING: &str = "Поздравления на год вперёд";
pub const BACK_TO_DOSSIER: &str = "К досье";
pub const CARD_NAME: &str = "Открытка.pdf";
pub const TODAY_GREETINGS: &str = "Поздравления на этой неделе";
pub const TODAY_DELIVERIES: &str =
    "Доставить подарки (не переданы представителю в последний рабочий день)";
pub const TODAY_ORDERS: &str = "Заказы подарков в АХС";
pub const OPEN_GIFTS: &str = "К подаркам";
pub const OPEN_SCHEDULE: &str = "К графику";
/// A person's greeting on «Сегодня» (its date is a cell of its own): «День рождения (46 лет):
/// Белов С.П. (АО «Альфа»)».
pub fn today_greeting_line(holiday: &str, person: &str, client: &str) -> String {
    format!("{holiday}: {person} ({client})")
}
pub fn calls_line(callers: &str) -> String {
    format!("звонят: {callers}")
}
pub const REGULATION_TITLE: &str = "Подпись открыток";
pub const F_DIRECTOR_POSITION: &str = "Должность руководителя";
pub const F_DIRECTOR_NAME: &str = "Руководитель (И.О. Фамилия)";
pub const F_CARD_TEXT: &str = "Текст открытки";
pub const SAVE_REGULATION: &str = "Сохранить";
pub const REGULATION_SAVED: &str = "Настройки открыток сохранены.";
pub const CARD_TOO_LONG: &str =
    "Текст открытки не помещается на открытку A6 даже мелким шрифтом: сократите его.";
/// A general holiday on «Сегодня» (its date is a cell of its own): «Новый год: 120 лиц, из них
/// 40 звонит руководитель Общества».
pub fn general_day_line(holiday: &str, people: usize, director: usize) -> String {
    let whom = crate::domain::fmt::count(people as u64, ["лицо", "лица", "лиц"]);
    if director > 0 {
        format!("{holiday}: {whom}, из них {director} звонит руководитель Общества")
    } else {
        format!("{holiday}: {whom}")
    }
}
pub fn plans_changed(n: usize) -> String {
    format!(
        "Изменилась категория лица или стратегический статус клиента: {} — проверьте на экране «Подарки».",
        crate::domain::fmt::count(
            n as u64,
            [
                "запланированный подарок требует проверки",
                "запланированных подарка требуют проверки",
                "запланированных подарков требуют проверки"
            ]
        )
    )
}
pub const PERIOD_TOO_LONG: &str = "Период графика — не длиннее трёх лет.";
pub fn no_person(id: i64) -> String {
    format!("Контактного лица с номером {id} нет (или оно в корзине).")
}
pub fn bad_occasion(code: &str) -> String {
    format!(
        "Праздника «{code}» нет. Можно: new_year, feb23, mar8, professional, birthday, jubilee."
    )
}
pub const HANDOVER_BEFORE_BIRTHDAY: &str = "Подарок ко дню рождения вручается в день рождения или в первый рабочий день после него, не раньше.";
pub fn gift_too_long(max: usize) -> String {
    format!("Название подарка — не длиннее {max} знаков: подробности — в идеях подарков.")
}
pub const TAB_SCHEDULE: &str = "График";
pub const F_DOCUMENT_PATH: &str = "Файл или папка";
/// Why a button that writes or reads a file is not ready yet.
pub const PATH_FIRST: &str = "Сначала укажите файл: впишите путь или нажмите «Обзор…».";
pub const SCHEDULE_FILE: &str = "График поздравлений";
pub const ORDER_FILE: &str = "Заказ на приобретение подарков";
/// A card's file in a folder: «Открытка Белов С.П. 10.12.2026».
pub fn card_file(person: &str, date: &str) -> String {
    let safe: String = person
        .chars()
        .filter(|c| !"\\/:*?\"<>|«»".contains(*c) && !c.is_control())
        .collect();
    format!("Открытка {safe} {date}")
}
pub const RULES_TITLE: &str = "Правила регламента";
pub const F_JUBILEE_AGES: &str = "Юбилеи (лет)";
pub const F_JUBILEE_FROM: &str = "И каждые N лет, начиная с (лет)";
pub const F_JUBILEE_EVERY: &str = "N (0 — только перечисленные)";
pub const F_GENERAL_DAYS: &str = "Общий праздник: вручать не раньше чем за (дней)";
pub const F_NEW_YEAR_DAYS: &str = "Новый год: вручать не раньше чем за (дней)";
pub const F_ORDER_DAYS: &str = "Заказ в АХС не позднее чем за (рабочих дней)";
pub const F_CALL_BEFORE: &str = "Устные поздравления с днём рождения — до";
pub const BAD_AGES: &str = "Юбилеи — возрасты через запятую, например «30, 40».";
pub const BAD_CALL_TIME: &str = "Время устных поздравлений — ЧЧ:ММ, например 12:00.";
pub fn call_by(time: &str) -> String {
    format!("до {time}")
}
