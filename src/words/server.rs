//! The department server's words.

pub const ERR_SERVER_BAD_URL: &str = "адрес сервера не читается: ожидается postgresql://пользователь@сервер:5432/база или host=сервер dbname=база user=пользователь";
pub const ERR_SERVER_TLS_REQUIRED: &str = "сервер не на этом компьютере: соединение с ним только зашифрованное (TLS) — уберите sslmode=disable";
pub const ERR_SERVER_NO_ROOTS: &str =
    "не удалось прочитать корневые сертификаты системы, чтобы проверить сертификат сервера";
pub const ERR_SERVER_SHORT_PASSWORD: &str = "пароль пользователя сервера короче 8 знаков";
pub const ERR_SERVER_NO_ANSWER: &str = "сервер отдела не ответил за 20 секунд: проверьте адрес и порт (по ним может работать не PostgreSQL) или повторите позже";
pub const ERR_SERVER_REFUSED: &str = "по этому адресу и порту сервер не принимает соединения: проверьте адрес и порт и запущен ли PostgreSQL на сервере отдела";
pub const ERR_SERVER_NO_TLS: &str = "сервер отдела не поддерживает защищённое соединение (TLS): администратору нужно включить ssl в настройках PostgreSQL";
pub fn err_server_connect(detail: &str) -> String {
    format!("нет связи с сервером отдела или он не принял вход ({detail})")
}
pub fn err_server(detail: &str) -> String {
    format!("сервер отдела ответил ошибкой: {detail}")
}
/// A server's error by its SQLSTATE (`detail` starts with it): the common ones in words.
pub fn err_server_code(detail: &str) -> String {
    let code = detail.split(':').next().unwrap_or_default();
    match code {
        "28P01" | "28000" => {
            "сервер отдела не принял имя пользователя или пароль".to_string()
        }
        "3D000" => "на сервере нет такой базы данных: проверьте dbname в адресе".to_string(),
        "42501" => "нет прав на сервере отдела: этот пользователь не добавлен в vipdesk (vipdesk server add-user)".to_string(),
        "57014" => "сервер отдела прервал запрос: превышено время ожидания".to_string(),
        "57P01" | "57P02" | "57P03" => "сервер отдела остановлен или перезапускается: синхронизация продолжится, когда он заработает".to_string(),
        "23505" if detail.contains("users_manager_uuid_key") => {
            "у этого менеджера уже есть пользователь на сервере отдела".to_string()
        }
        _ => err_server(detail),
    }
}
pub fn err_server_certificate(detail: &str) -> String {
    format!(
        "сертификат сервера отдела не подтверждён: его нужно выпустить центром сертификации, которому доверяет этот компьютер ({detail})"
    )
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

pub const ERR_SYNC_ALREADY_JOINED: &str =
    "это рабочее место уже подключено к серверу отдела (vipdesk sync status покажет, к какому)";
pub const ERR_SYNC_BUSY: &str =
    "синхронизация этой базы уже идёт (в окне vipdesk или другой командой): дождитесь её конца";
pub const ERR_SYNC_NOT_JOINED: &str = "это рабочее место не подключено к серверу отдела: сначала vipdesk sync join --url АДРЕС --login ИМЯ (или «Сервер отдела» в окне)";
pub fn err_sync_not_a_user(login: &str) -> String {
    format!(
        "«{login}» входит на сервер, но не пользователь vipdesk: руководитель группы добавляет пользователей командой vipdesk server add-user"
    )
}
pub const SERVER_LOGIN_PASSWORD_NEEDED: &str = "нужен пароль пользователя сервера: задайте переменную VIPDESK_SERVER_PASSWORD или запустите команду в терминале";
pub const SERVER_LOGIN_PASSWORD_PROMPT: &str = "Пароль на сервере отдела: ";

pub fn sync_joined(url: &str, login: &str) -> String {
    format!("Рабочее место подключено к серверу отдела {url} как «{login}».")
}

/// One line of what a sync did.
pub fn sync_report(
    pushed: usize,
    applied: usize,
    waiting: usize,
    conflicts: usize,
    refused: usize,
) -> String {
    let mut line = format!(
        "Синхронизировано: отправлено изменений — {}, получено — {}",
        n(pushed as f64),
        n(applied as f64)
    );
    if waiting > 0 {
        line.push_str(&format!(
            "; ждут записей, которых ещё нет, — {}",
            n(waiting as f64)
        ));
    }
    if conflicts > 0 {
        line.push_str(&format!(
            "; новых конфликтов — {} (раздел «Конфликты синхронизации»)",
            n(conflicts as f64)
        ));
    }
    if refused > 0 {
        line.push_str(&format!(
            "; сервер не принял изменений — {} (vipdesk sync status)",
            n(refused as f64)
        ));
    }
    line.push('.');
    line
}

/// A moment of the sync as the office reads it (local time); `None`: never.
pub fn sync_when(local: Option<chrono::NaiveDateTime>) -> String {
    local
        .map(|t| t.format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_else(|| "ещё не было".into())
}

pub fn sync_server(url: &str, login: &str) -> String {
    format!("Сервер отдела: {url} (пользователь «{login}»)")
}
pub fn sync_last(when: &str) -> String {
    format!("Последняя синхронизация: {when}")
}
pub fn sync_cursor(seq: i64) -> String {
    format!("Получено до изменения № {seq} на сервере")
}
pub const JOIN_UNFINISHED_LINE: &str =
    "Сервер отдела: подключение не закончено, продолжится при следующей синхронизации";
pub const SYNC_JOIN_UNFINISHED: &str = "Подключение не закончено: данные этой базы ещё не все на сервере, следующая синхронизация (vipdesk sync или окно) продолжит его.";
pub fn sync_outbox(count: i64) -> String {
    format!("Ждут отправки: {}", n(count as f64))
}
pub fn sync_waiting(count: i64) -> String {
    format!("Ждут записей, которых ещё нет: {}", n(count as f64))
}
pub fn sync_conflicts(count: i64) -> String {
    format!("Конфликтов ждут решения: {}", n(count as f64))
}
pub fn sync_refused(count: i64) -> String {
    format!(
        "Не приняты сервером (клиент передан другому менеджеру или нет прав): {}",
        n(count as f64)
    )
}
pub fn sync_last_error(when: &str, error: &str) -> String {
    format!("Последняя ошибка ({when}): {error}")
}

/// A count as Russian writes it: «20 000».
fn n(x: f64) -> String {
    crate::domain::fmt::number(x, 0)
}
pub const ERR_SYNC_NO_CONFLICT: &str =
    "этого конфликта уже нет: его решили на другом рабочем месте";
pub const ERR_SYNC_UNDECIDABLE: &str = "это значение вернуть нельзя: запись удалена или ссылается на запись, которой на этом рабочем месте нет";

// ---- the window: «Сервер отдела» and «Конфликты синхронизации» ----

pub const NAV_SERVER: &str = "Сервер отдела";
pub const WELCOME_JOIN: &str = "Подключиться к серверу отдела";
pub const SERVER_HINT: &str = "Рабочее место хранит полную копию базы и синхронизируется с сервером отдела (PostgreSQL): свои изменения отправляет сразу после сохранения, изменения коллег получает каждые несколько секунд. Без сети работа продолжается: изменения уйдут, когда связь появится.";
pub const SERVER_URL: &str = "Адрес сервера";
pub const SERVER_URL_HINT: &str =
    "например: host=srv-vip dbname=vipdesk или postgresql://srv-vip/vipdesk";
pub const SERVER_LOGIN: &str = "Имя пользователя";
pub const SERVER_PASSWORD: &str = "Пароль";
pub const SERVER_JOIN: &str = "Подключить рабочее место";
pub const SERVER_JOIN_NEEDS: &str = "Заполните адрес сервера, имя пользователя и пароль";
pub const SERVER_SYNC_NOW: &str = "Синхронизировать сейчас";
pub const SERVER_NEW_URL: &str = "Новый адрес сервера";
pub const SERVER_MOVE: &str = "Сменить адрес";
pub const SERVER_SIGN_IN: &str = "Войти на сервер";
pub const SERVER_NEEDS_PASSWORD: &str = "Пароль сервера отдела не сохранён на этом компьютере: введите его, чтобы синхронизация продолжилась (он будет сохранён в хранилище паролей системы — в Windows это диспетчер учётных данных; где его нет, пароль спрашивается при каждом запуске).";
pub const NEEDS_PASSWORD_LINE: &str = "Сервер отдела: нужен пароль (раздел «Сервер отдела»)";
pub const SERVER_JOINED_NOW: &str = "Рабочее место подключено к серверу отдела";
pub const SERVER_WORKSTATION: &str = "Рабочее место";
pub const SYNC_RUNNING: &str = "Синхронизация…";
pub const CONFLICTS_TITLE: &str = "Конфликты синхронизации";
pub const CONFLICTS_HINT: &str = "Одно и то же поле изменили на двух рабочих местах. В записи сейчас более позднее значение; выберите, какое оставить.";
pub const CONFLICTS_NONE: &str = "Конфликтов нет.";
pub const CONFLICT_RECORD: &str = "Запись";
pub const CONFLICT_FIELD: &str = "Поле";
pub const CONFLICT_NOW: &str = "Сейчас в записи";
pub const CONFLICT_OTHER: &str = "Другое значение";
pub const CONFLICT_KEEP: &str = "Оставить";
pub const CONFLICT_TAKE: &str = "Вернуть другое";
pub const CONFLICT_DECIDED: &str = "Конфликт решён";
pub const CONFLICT_DELETION: &str = "Удаление записи";
pub const CONFLICT_EMPTY: &str = "(пусто)";
pub const CONFLICT_VERSION: &str = "Правка зарегистрированного";
pub const CONFLICT_VERSION_KEPT: &str = "зарегистрировано на другом рабочем месте, не изменено";
pub const CONFLICT_VERSION_NEW: &str = "ваша правка сохранена новой версией (черновик)";
pub const CONFLICT_SEEN: &str = "Понятно";
pub const CONFLICT_FILE: &str = "(файл)";
pub const CONFLICT_DELETED: &str = "запись удалена";
pub const CONFLICT_ALIVE: &str = "запись изменена";

pub fn sending(done: usize, total: usize) -> String {
    format!(
        "Подключение: отправлено записей этой базы — {} из {}",
        n(done as f64),
        n(total as f64)
    )
}
pub fn joining(done: usize) -> String {
    format!("Подключение: получено записей — {}", n(done as f64))
}
/// The status line at the foot of the navigation.
pub fn synced_at(time: &str) -> String {
    format!("Синхронизировано в {time}")
}
pub fn offline(waiting: i64) -> String {
    if waiting > 0 {
        let forms = ["изменение", "изменения", "изменений"];
        let verb = crate::domain::fmt::plural(waiting as u64, ["ждёт", "ждут", "ждут"]);
        format!(
            "Нет связи с сервером: работа без сети, {} {verb} отправки",
            crate::domain::fmt::count(waiting as u64, forms)
        )
    } else {
        "Нет связи с сервером: работа без сети".into()
    }
}
pub fn conflicts_waiting(count: i64) -> String {
    format!("Конфликтов синхронизации: {}", n(count as f64))
}
pub const ERR_SYNC_PASSWORD_IN_URL: &str = "в адресе сервера есть пароль: уберите его из адреса (password=… или пользователь:пароль@) — пароль вводится отдельно и в файл не пишется";
pub const ERR_SYNC_OTHER_SERVER: &str = "по этому адресу другой сервер отдела (или этот пользователь там — другой менеджер): синхронизация с ним смешала бы данные двух баз; верните прежний адрес командой vipdesk sync --url";
pub const ERR_NOT_THIS_WORKSTATION: &str = "это рабочее место подключено к серверу отдела другим пользователем: здесь работает он (другой менеджер входит со своего рабочего места)";
pub const SYNC_NOT_JOINED: &str = "Это рабочее место не подключено к серверу отдела (vipdesk sync join --url АДРЕС --login ИМЯ или «Сервер отдела» в окне).";
