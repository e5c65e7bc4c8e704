//! The department server's words.

pub const ERR_SERVER_BAD_URL: &str = "адрес сервера не читается: ожидается postgresql://пользователь@сервер:5432/база или host=сервер dbname=база user=пользователь";
pub const ERR_SERVER_TLS_REQUIRED: &str = "сервер не на этом компьютере: соединение с ним только зашифрованное (TLS) — уберите sslmode=disable";
pub const ERR_SERVER_NO_ROOTS: &str =
    "не удалось прочитать корневые сертификаты системы, чтобы проверить сертификат сервера";
pub const ERR_SERVER_SHORT_PASSWORD: &str = "пароль пользователя сервера короче 8 знаков";
pub fn err_server_connect(detail: &str) -> String {
    format!("нет связи с сервером отдела или он не принял вход ({detail})")
}
pub fn err_server(detail: &str) -> String {
    format!("сервер отдела ответил ошибкой: {detail}")
}
pub fn err_server_too_new(found: i32, known: i32) -> String {
    format!(
        "схема на сервере отдела новее этой программы ({found}, программа знает {known}): обновите vipdesk"
    )
}
pub fn err_server_not_ready(found: i32, latest: i32) -> String {
    if found == 0 {
        "сервер отдела не подготовлен: выполните vipdesk server init --url …".to_string()
    } else {
        format!(
            "схема на сервере отдела — {found}, а эта программа работает со схемой {latest}: выполните vipdesk server init --url …"
        )
    }
}
pub fn err_server_bad_login(login: &str) -> String {
    format!(
        "имя пользователя «{login}» не годится: латинские буквы, цифры, «_», «.», «-», начиная с буквы, до 63 знаков"
    )
}
pub fn err_server_login_taken(login: &str) -> String {
    format!("пользователь «{login}» на сервере уже есть")
}
pub fn server_initialised(before: i32, after: i32) -> String {
    if before == after {
        format!("Сервер отдела готов, схема {after}: менять нечего")
    } else if before == 0 {
        format!("Сервер отдела подготовлен: схема {after}")
    } else {
        format!("Схема сервера отдела обновлена: {before} → {after}")
    }
}
pub fn server_user_added(login: &str, manager: &str, head: bool) -> String {
    let role = if head {
        ", руководитель группы"
    } else {
        ""
    };
    format!("Пользователь «{login}» добавлен на сервер: {manager}{role}")
}
pub const SERVER_PASSWORD_NEEDED: &str = "нужен пароль нового пользователя сервера: задайте переменную VIPDESK_SERVER_PASSWORD или запустите команду в терминале";
pub const SERVER_PASSWORD_PROMPT: &str = "Пароль нового пользователя сервера: ";
pub const SERVER_PASSWORD_AGAIN: &str = "Ещё раз: ";
pub const SERVER_PASSWORDS_DIFFER: &str = "пароли не совпали";
