//! The schema as an append-only list of migrations, tracked in `PRAGMA user_version`.
//!
//! Never edit a migration that has shipped: add a new one. `tests/migrations.rs` upgrades a
//! frozen fixture of every earlier schema and compares it with a fresh database.

use rusqlite_migration::{M, Migrations};

/// Columns every record carries so that workstations can merge data later: a stable UUID,
/// timestamps, the author (the current manager) and a soft-delete mark.
macro_rules! record_columns {
    () => {
        "id INTEGER PRIMARY KEY,
         uuid TEXT NOT NULL UNIQUE,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         author_id INTEGER REFERENCES managers(id),
         deleted_at TEXT"
    };
}
pub(super) use record_columns;

const V1_CORE: &str = concat!(
    "CREATE TABLE managers (",
    record_columns!(),
    ",
    surname TEXT NOT NULL,
    name TEXT NOT NULL,
    patronymic TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('manager', 'head')),
    supervisor_id INTEGER REFERENCES managers(id),
    phone TEXT,
    email TEXT NOT NULL DEFAULT '',
    signature_png BLOB,
    order_number TEXT NOT NULL DEFAULT '',
    order_date TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE districts (",
    record_columns!(),
    ", name TEXT NOT NULL UNIQUE);
CREATE TABLE industries (",
    record_columns!(),
    ", name TEXT NOT NULL UNIQUE, holiday_name TEXT NOT NULL DEFAULT '', holiday_rule TEXT NOT NULL DEFAULT '');
CREATE TABLE services (",
    record_columns!(),
    ", name TEXT NOT NULL UNIQUE);
CREATE TABLE indicator_kinds (",
    record_columns!(),
    ", name TEXT NOT NULL UNIQUE, unit TEXT NOT NULL DEFAULT '', sort INTEGER NOT NULL DEFAULT 0);
CREATE TABLE clients (",
    record_columns!(),
    ",
    short_name TEXT NOT NULL,
    full_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('legal', 'ip', 'person')),
    inn TEXT NOT NULL DEFAULT '',
    kpp TEXT NOT NULL DEFAULT '',
    ogrn TEXT NOT NULL DEFAULT '',
    legal_address TEXT NOT NULL DEFAULT '',
    postal_address TEXT NOT NULL DEFAULT '',
    district_id INTEGER REFERENCES districts(id),
    industry_id INTEGER REFERENCES industries(id),
    contract_number TEXT NOT NULL DEFAULT '',
    contract_date TEXT,
    since_year INTEGER,
    manager_id INTEGER REFERENCES managers(id),
    strategic INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clients_inn ON clients(inn);
CREATE INDEX clients_manager ON clients(manager_id);
CREATE TABLE vip_years (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    crit_volume INTEGER NOT NULL DEFAULT 0,
    volume_kwh REAL,
    crit_brand INTEGER NOT NULL DEFAULT 0,
    crit_stability INTEGER NOT NULL DEFAULT 0,
    crit_political INTEGER NOT NULL DEFAULT 0,
    political_note TEXT NOT NULL DEFAULT '',
    included INTEGER NOT NULL DEFAULT 1,
    order_number TEXT NOT NULL DEFAULT '',
    order_date TEXT,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX vip_years_client ON vip_years(client_id);
CREATE TABLE people (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    surname TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    patronymic TEXT NOT NULL DEFAULT '',
    gender TEXT CHECK (gender IN ('м', 'ж')),
    position TEXT NOT NULL DEFAULT '',
    category INTEGER CHECK (category BETWEEN 1 AND 3),
    birthday TEXT,
    email TEXT NOT NULL DEFAULT '',
    address_as TEXT NOT NULL DEFAULT '',
    name_dative TEXT NOT NULL DEFAULT '',
    position_dative TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_client ON people(client_id);
-- Phones belong to a person and are replaced with it; the index finds a caller by number.
CREATE TABLE person_phones (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    ext TEXT,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX person_phones_number ON person_phones(number);
CREATE INDEX person_phones_person ON person_phones(person_id);
CREATE TABLE owners (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    share REAL CHECK (share IS NULL OR share BETWEEN 0 AND 100),
    note TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX owners_client ON owners(client_id);
CREATE TABLE client_services (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services(id),
    start_date TEXT,
    end_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX client_services_client ON client_services(client_id);
CREATE TABLE projects (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('planned', 'active', 'done', 'cancelled')),
    start_date TEXT,
    end_date TEXT,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX projects_client ON projects(client_id);
CREATE TABLE project_stages (",
    record_columns!(),
    ",
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    planned_date TEXT,
    actual_date TEXT,
    result TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_stages_project ON project_stages(project_id);
CREATE TABLE indicator_values (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    kind_id INTEGER NOT NULL REFERENCES indicator_kinds(id),
    month TEXT NOT NULL,
    value REAL NOT NULL,
    UNIQUE (client_id, kind_id, month)
);
CREATE TABLE records (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    date TEXT,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'note')),
    number TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    file_size INTEGER NOT NULL DEFAULT 0,
    file_data BLOB,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX records_client ON records(client_id);
"
);

/// The catalogues a new database starts with: the district offices of the Orel region, the
/// industries with their professional holidays (DOMAIN.md §4), services and indicator kinds.
/// Fixed UUIDs so that every workstation's seed rows are the same records.
const V2_CATALOGS: &str = "
INSERT INTO districts (uuid, created_at, updated_at, name) VALUES
 ('5eed0001-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Орловское МРО'),
 ('5eed0001-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Мценское МРО'),
 ('5eed0001-0000-4000-8000-000000000003', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Ливенское МРО'),
 ('5eed0001-0000-4000-8000-000000000004', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Болховское МРО'),
 ('5eed0001-0000-4000-8000-000000000005', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Кромское МРО');
INSERT INTO industries (uuid, created_at, updated_at, name, holiday_name, holiday_rule) VALUES
 ('5eed0002-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Энергетика', 'День энергетика', '22.12'),
 ('5eed0002-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Строительство', 'День строителя', '2 вс 08'),
 ('5eed0002-0000-4000-8000-000000000003', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Железнодорожный транспорт', 'День железнодорожника', '1 вс 08'),
 ('5eed0002-0000-4000-8000-000000000004', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Металлургия', 'День металлурга', '3 вс 07'),
 ('5eed0002-0000-4000-8000-000000000005', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Сельское хозяйство и переработка', 'День работника сельского хозяйства и перерабатывающей промышленности', '2 вс 10'),
 ('5eed0002-0000-4000-8000-000000000006', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Образование', 'День учителя', '05.10'),
 ('5eed0002-0000-4000-8000-000000000007', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Нефтегазовая отрасль', 'День работников нефтяной и газовой промышленности', '1 вс 09'),
 ('5eed0002-0000-4000-8000-000000000008', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'ЖКХ', 'День работников ЖКХ', '3 вс 03'),
 ('5eed0002-0000-4000-8000-000000000009', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Торговля', 'День работников торговли', '4 сб 07'),
 ('5eed0002-0000-4000-8000-000000000010', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Здравоохранение', 'День медицинского работника', '3 вс 06');
INSERT INTO services (uuid, created_at, updated_at, name) VALUES
 ('5eed0003-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Энергоснабжение по договору'),
 ('5eed0003-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Энергоаудит'),
 ('5eed0003-0000-4000-8000-000000000003', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Поверка и замена приборов учёта'),
 ('5eed0003-0000-4000-8000-000000000004', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'АИИС КУЭ: установка и обслуживание'),
 ('5eed0003-0000-4000-8000-000000000005', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Личный кабинет и электронный документооборот'),
 ('5eed0003-0000-4000-8000-000000000006', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Консультации по выбору ценовой категории'),
 ('5eed0003-0000-4000-8000-000000000007', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Технологическое присоединение (сопровождение)');
INSERT INTO indicator_kinds (uuid, created_at, updated_at, name, unit, sort) VALUES
 ('5eed0004-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Потребление', 'кВт·ч', 1),
 ('5eed0004-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Договорная мощность', 'кВт', 2),
 ('5eed0004-0000-4000-8000-000000000003', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Оплата', '₽', 3),
 ('5eed0004-0000-4000-8000-000000000004', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Задолженность', '₽', 4);
";

/// Letters: the company settings, the editable templates, the outgoing register and its
/// per-year counter (numbers are never reused, even after a deletion).
const V3_LETTERS: &str = concat!(
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL DEFAULT '', data BLOB);
CREATE TABLE templates (",
    record_columns!(),
    ",
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    heading TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE letters (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id),
    person_id INTEGER REFERENCES people(id),
    manager_id INTEGER REFERENCES managers(id),
    template_code TEXT NOT NULL DEFAULT '',
    heading TEXT NOT NULL DEFAULT '',
    salutation TEXT NOT NULL DEFAULT '',
    addressee TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    closing TEXT NOT NULL DEFAULT '',
    attachment TEXT NOT NULL DEFAULT '',
    reply_number TEXT NOT NULL DEFAULT '',
    reply_date TEXT,
    signature_image INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL CHECK (status IN ('draft', 'registered', 'printed', 'courier', 'delivered')),
    number TEXT NOT NULL DEFAULT '',
    year INTEGER,
    seq INTEGER,
    reg_date TEXT,
    printed_at TEXT,
    courier_at TEXT,
    delivered_at TEXT,
    received_by TEXT NOT NULL DEFAULT '',
    version_of INTEGER REFERENCES letters(id),
    record_id INTEGER REFERENCES records(id)
);
CREATE INDEX letters_client ON letters(client_id);
CREATE UNIQUE INDEX letters_number ON letters(number) WHERE number <> '';
CREATE TABLE letter_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
",
    "INSERT INTO templates (uuid, created_at, updated_at, code, title, heading, body) VALUES
 ('5eed0005-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'reply_appeal', 'Ответ на обращение', 'О рассмотрении обращения', 'Ваше обращение от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} рассмотрено.

По результатам рассмотрения сообщаем следующее.

Если у Вас возникнут дополнительные вопросы, Ваш персональный менеджер {{ manager.full_name }} готов ответить на них по телефону {{ manager.phone }} или при личной встрече.'),
 ('5eed0005-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'appeal_registered', 'Уведомление о регистрации обращения', 'О регистрации обращения', 'Сообщаем, что Ваше обращение от {{ appeal.date }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} зарегистрировано {{ today }} под № {{ appeal.number }}.

Ответ будет направлен Вам в установленный срок выбранным Вами способом. Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.full_name }} по телефону {{ manager.phone }}.'),
 ('5eed0005-0000-4000-8000-000000000003', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'tariff_change', 'Уведомление об изменении тарифов', 'Об изменении тарифов на электрическую энергию', 'Информируем Вас об изменении с 01.__.____ тарифов на электрическую энергию для потребителей Орловской области.

Для {{ client.short_name }} изменения коснутся расчётов по договору энергоснабжения № {{ client.contract_number }}. Подробный расчёт для Вашего предприятия подготовит персональный менеджер {{ manager.full_name }}: тел. {{ manager.phone }}, e-mail {{ manager.email }}.'),
 ('5eed0005-0000-4000-8000-000000000004', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'new_service', 'Уведомление о новой услуге', 'О новой услуге для VIP-клиентов', '{{ company.short_name }} предлагает клиентам категории «VIP» новую услугу.

Услуга позволит {{ client.short_name }} сократить затраты на электрическую энергию и время на расчёты. Персональный менеджер {{ manager.full_name }} расскажет о ней подробно и при Вашем согласии организует подключение.'),
 ('5eed0005-0000-4000-8000-000000000005', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'meeting_invitation', 'Приглашение на встречу', 'О проведении рабочей встречи', 'Приглашаем Вас на рабочую встречу руководства {{ company.short_name }} и {{ client.short_name }}, которая состоится __.__.____ в __:__ по адресу: {{ company.address }}.

На встрече предлагаем обсудить итоги сотрудничества и планы на следующий период. Просим подтвердить Ваше участие персональному менеджеру {{ manager.full_name }} по телефону {{ manager.phone }}.'),
 ('5eed0005-0000-4000-8000-000000000006', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'free', 'Свободное письмо', '', '');
"
);

/// Contacts: reports of calls and meetings with their next steps, and the contact rhythm of
/// each client (NULL = the standard's default: a call every month, a meeting every quarter).
const V4_CONTACTS: &str = concat!(
    "ALTER TABLE clients ADD COLUMN call_every_days INTEGER;
ALTER TABLE clients ADD COLUMN meeting_every_months INTEGER;
CREATE TABLE meetings (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id),
    manager_id INTEGER REFERENCES managers(id),
    kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'visit', 'top', 'other')),
    date TEXT NOT NULL,
    time TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    client_people TEXT NOT NULL DEFAULT '',
    company_people TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '',
    problems TEXT NOT NULL DEFAULT '',
    agreements TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted')),
    submitted_at TEXT,
    accepted_at TEXT,
    supervisor_comment TEXT NOT NULL DEFAULT '',
    version_of INTEGER REFERENCES meetings(id),
    record_id INTEGER REFERENCES records(id)
);
-- The last contact of each kind per client, read from the index alone.
CREATE INDEX meetings_alive ON meetings(client_id, kind, date) WHERE deleted_at IS NULL;
CREATE INDEX meetings_record ON meetings(record_id);
CREATE INDEX letters_record ON letters(record_id);
CREATE INDEX meetings_manager ON meetings(manager_id);
CREATE TABLE next_steps (",
    record_columns!(),
    ",
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    text TEXT NOT NULL,
    responsible TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    done_date TEXT,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX next_steps_meeting ON next_steps(meeting_id);
CREATE INDEX next_steps_open ON next_steps(due_date) WHERE done_date IS NULL AND deleted_at IS NULL;
-- Files attached to a report live in the client's correspondence, marked with the report.
ALTER TABLE records ADD COLUMN meeting_id INTEGER REFERENCES meetings(id);
CREATE INDEX records_meeting ON records(meeting_id);
"
);

/// One live client per INN, kept by the database. Live duplicates that earlier versions let
/// in (two imports at once) go to the trash, the oldest client staying: nothing is erased, and
/// a duplicate comes back only once its INN is corrected.
const V5_UNIQUE_INN: &str = "
UPDATE clients SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE deleted_at IS NULL AND inn <> '' AND EXISTS (
    SELECT 1 FROM clients o WHERE o.inn = clients.inn AND o.deleted_at IS NULL AND o.id < clients.id);
CREATE UNIQUE INDEX clients_inn_live ON clients(inn) WHERE deleted_at IS NULL AND inn <> '';
";

/// Data safety: mail merges that can be resumed (each letter knows its merge), a row version
/// on every record an editor saves whole (an edit over another instance's change is detected),
/// and the journal of changes, each row chained to the previous one by its hash.
/// The journal's head row exists from now on (an empty journal: count 0): a journal deleted
/// whole, rows and head, is then found by `check` too.
const V7_JOURNAL_HEAD: &str = "
INSERT OR IGNORE INTO journal_head (id, count, hash)
SELECT 1, count(*), COALESCE((SELECT hash FROM journal ORDER BY id DESC LIMIT 1), '') FROM journal;
";

const V6_SAFETY: &str = "
CREATE TABLE merges (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author_id INTEGER REFERENCES managers(id),
    deleted_at TEXT,
    template_code TEXT NOT NULL,
    selection TEXT NOT NULL,
    combined INTEGER NOT NULL DEFAULT 0,
    out_dir TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    finished_at TEXT
);
ALTER TABLE letters ADD COLUMN merge_id INTEGER REFERENCES merges(id);
CREATE INDEX letters_merge ON letters(merge_id) WHERE merge_id IS NOT NULL;
ALTER TABLE clients ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE managers ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE letters ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE templates ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE settings ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    author_id INTEGER,
    kind TEXT NOT NULL,
    record_id INTEGER,
    client_id INTEGER,
    action TEXT NOT NULL,
    changes TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX journal_client ON journal(client_id, id) WHERE client_id IS NOT NULL;
CREATE TABLE journal_head (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE INDEX journal_at ON journal(at);
";

/// Appeals and the production calendar: the administrator's corrections of the calendar (days
/// and the years confirmed by a decree), the topics catalogue, the appeals register with its
/// per-year counter (numbers never reused), related appeals, the links of letters, files and
/// calls to their appeal, and the full-text index of subjects and texts (external content,
/// kept by triggers).
const V8_APPEALS: &str = concat!(
    "CREATE TABLE calendar_days (",
    record_columns!(),
    ",
    date TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('working', 'short', 'day_off', 'holiday')),
    decree TEXT NOT NULL DEFAULT ''
);
CREATE TABLE calendar_years (",
    record_columns!(),
    ",
    year INTEGER NOT NULL UNIQUE,
    decree TEXT NOT NULL
);
CREATE TABLE appeal_topics (",
    record_columns!(),
    ",
    name TEXT NOT NULL UNIQUE,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE appeals (",
    record_columns!(),
    ",
    number TEXT NOT NULL DEFAULT '',
    year INTEGER,
    seq INTEGER,
    received_at TEXT NOT NULL,
    registered_on TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'post', 'web', 'email')),
    kind TEXT NOT NULL CHECK (kind IN ('info', 'complaint', 'service_change', 'suggestion', 'feedback')),
    topic_id INTEGER REFERENCES appeal_topics(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    person_id INTEGER REFERENCES people(id),
    sender TEXT NOT NULL DEFAULT '',
    sender_contact TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    reply_channel TEXT NOT NULL CHECK (reply_channel IN ('in_person', 'phone', 'post', 'web', 'email')),
    manager_id INTEGER REFERENCES managers(id),
    status TEXT NOT NULL CHECK (status IN ('received', 'registered', 'in_work', 'forwarded', 'answer_ready', 'answer_sent', 'closed')),
    due_date TEXT,
    term_days INTEGER,
    term_working INTEGER NOT NULL DEFAULT 0,
    extended_days INTEGER NOT NULL DEFAULT 0,
    extension_reason TEXT NOT NULL DEFAULT '',
    extended_on TEXT,
    forwarded_dept TEXT NOT NULL DEFAULT '',
    forwarded_person TEXT NOT NULL DEFAULT '',
    forwarded_on TEXT,
    forward_answer TEXT NOT NULL DEFAULT '',
    forward_answered_on TEXT,
    answer TEXT NOT NULL DEFAULT '',
    answer_via TEXT CHECK (answer_via IN ('in_person', 'phone', 'post', 'web', 'email')),
    channel_reason TEXT NOT NULL DEFAULT '',
    answered_on TEXT,
    closed_on TEXT,
    close_note TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX appeals_number ON appeals(number) WHERE number <> '';
CREATE INDEX appeals_open_due ON appeals(due_date) WHERE deleted_at IS NULL AND status NOT IN ('answer_sent', 'closed');
CREATE INDEX appeals_open ON appeals(received_at) WHERE deleted_at IS NULL AND status NOT IN ('answer_sent', 'closed');
CREATE INDEX appeals_status ON appeals(status, received_at);
CREATE INDEX appeals_kind ON appeals(kind, received_at);
CREATE INDEX appeals_topic ON appeals(topic_id, received_at);
CREATE INDEX appeals_unregistered ON appeals(received_at) WHERE deleted_at IS NULL AND status = 'received';
CREATE INDEX appeals_client ON appeals(client_id, received_at);
CREATE INDEX appeals_received ON appeals(received_at);
CREATE INDEX appeals_manager ON appeals(manager_id, received_at);
CREATE UNIQUE INDEX appeals_message ON appeals(message_id) WHERE message_id <> '' AND deleted_at IS NULL;
CREATE TABLE appeal_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
CREATE TABLE appeal_links (
    appeal_id INTEGER NOT NULL REFERENCES appeals(id),
    related_id INTEGER NOT NULL REFERENCES appeals(id),
    PRIMARY KEY (appeal_id, related_id)
);
ALTER TABLE letters ADD COLUMN appeal_id INTEGER REFERENCES appeals(id);
ALTER TABLE letters ADD COLUMN appeal_role TEXT NOT NULL DEFAULT '' CHECK (appeal_role IN ('', 'reply', 'registered', 'extended'));
CREATE INDEX letters_appeal ON letters(appeal_id) WHERE appeal_id IS NOT NULL;
ALTER TABLE records ADD COLUMN appeal_id INTEGER REFERENCES appeals(id);
CREATE INDEX records_appeal ON records(appeal_id) WHERE appeal_id IS NOT NULL;
ALTER TABLE meetings ADD COLUMN appeal_id INTEGER REFERENCES appeals(id);
CREATE INDEX meetings_appeal ON meetings(appeal_id) WHERE appeal_id IS NOT NULL;
CREATE VIRTUAL TABLE appeals_fts USING fts5(subject, body, content = 'appeals', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER appeals_fts_i AFTER INSERT ON appeals BEGIN
    INSERT INTO appeals_fts (rowid, subject, body) VALUES (NEW.id,
        replace(replace(NEW.subject, 'ё', 'е'), 'Ё', 'Е'), replace(replace(NEW.body, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER appeals_fts_d AFTER DELETE ON appeals BEGIN
    INSERT INTO appeals_fts (appeals_fts, rowid, subject, body) VALUES ('delete', OLD.id,
        replace(replace(OLD.subject, 'ё', 'е'), 'Ё', 'Е'), replace(replace(OLD.body, 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER appeals_fts_u AFTER UPDATE OF subject, body ON appeals BEGIN
    INSERT INTO appeals_fts (appeals_fts, rowid, subject, body) VALUES ('delete', OLD.id,
        replace(replace(OLD.subject, 'ё', 'е'), 'Ё', 'Е'), replace(replace(OLD.body, 'ё', 'е'), 'Ё', 'Е'));
    INSERT INTO appeals_fts (rowid, subject, body) VALUES (NEW.id,
        replace(replace(NEW.subject, 'ё', 'е'), 'Ё', 'Е'), replace(replace(NEW.body, 'ё', 'е'), 'Ё', 'Е'));
END;
INSERT INTO appeal_topics (uuid, created_at, updated_at, name, sort) VALUES
 ('5eed0006-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Расчёты и счета', 1),
 ('5eed0006-0000-4000-8000-000000000002', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Показания и приборы учёта', 2),
 ('5eed0006-0000-4000-8000-000000000003', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Качество электроэнергии', 3),
 ('5eed0006-0000-4000-8000-000000000004', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Ограничение режима потребления', 4),
 ('5eed0006-0000-4000-8000-000000000005', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Технологическое присоединение', 5),
 ('5eed0006-0000-4000-8000-000000000006', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Договор', 6),
 ('5eed0006-0000-4000-8000-000000000007', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Тарифы', 7),
 ('5eed0006-0000-4000-8000-000000000008', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'Прочее', 8);
INSERT OR IGNORE INTO templates (uuid, created_at, updated_at, code, title, heading, body) VALUES
 ('5eed0005-0000-4000-8000-000000000007', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'appeal_extended', 'Уведомление о продлении срока рассмотрения', 'О продлении срока рассмотрения обращения', 'Сообщаем, что срок рассмотрения Вашего обращения от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} продлён до {{ appeal.due_date }}.

Причина продления: {{ appeal.extension_reason }}.

Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.full_name }} по телефону {{ manager.phone }}.');
"
);

/// The shipped templates say the manager's name in its case («у персонального менеджера
/// Г.И. Родионовой») and ask for the date and time they need instead of printing blanks
/// («с 01.__.____»). A template the user changed stays as it is.
const V9_TEMPLATE_FIELDS: &str = "UPDATE templates SET body = 'Ваше обращение от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} рассмотрено.

По результатам рассмотрения сообщаем следующее.

Если у Вас возникнут дополнительные вопросы, Ваш персональный менеджер {{ manager.initials }} ответит на них по телефону {{ manager.phone }} или при личной встрече.', updated_at = '2026-12-01T00:00:00Z'
 WHERE code = 'reply_appeal' AND body = 'Ваше обращение от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} рассмотрено.

По результатам рассмотрения сообщаем следующее.

Если у Вас возникнут дополнительные вопросы, Ваш персональный менеджер {{ manager.full_name }} готов ответить на них по телефону {{ manager.phone }} или при личной встрече.';
UPDATE templates SET body = 'Сообщаем, что Ваше обращение от {{ appeal.date }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} зарегистрировано {{ today }} под № {{ appeal.number }}.

Ответ будет направлен Вам в установленный срок выбранным Вами способом. Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.name_genitive }} по телефону {{ manager.phone }}.', updated_at = '2026-12-01T00:00:00Z'
 WHERE code = 'appeal_registered' AND body = 'Сообщаем, что Ваше обращение от {{ appeal.date }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} зарегистрировано {{ today }} под № {{ appeal.number }}.

Ответ будет направлен Вам в установленный срок выбранным Вами способом. Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.full_name }} по телефону {{ manager.phone }}.';
UPDATE templates SET body = 'Информируем Вас об изменении с {{ fields.date }} тарифов на электрическую энергию для потребителей Орловской области.

Для {{ client.short_name }} изменения коснутся расчётов по договору энергоснабжения № {{ client.contract_number }}. Подробный расчёт для Вашего предприятия подготовит персональный менеджер {{ manager.initials }}: тел. {{ manager.phone }}, e-mail {{ manager.email }}.', updated_at = '2026-12-01T00:00:00Z'
 WHERE code = 'tariff_change' AND body = 'Информируем Вас об изменении с 01.__.____ тарифов на электрическую энергию для потребителей Орловской области.

Для {{ client.short_name }} изменения коснутся расчётов по договору энергоснабжения № {{ client.contract_number }}. Подробный расчёт для Вашего предприятия подготовит персональный менеджер {{ manager.full_name }}: тел. {{ manager.phone }}, e-mail {{ manager.email }}.';
UPDATE templates SET body = '{{ company.short_name }} предлагает клиентам категории «VIP» новую услугу.

Услуга позволит {{ client.short_name }} сократить затраты на электрическую энергию и время на расчёты. Персональный менеджер {{ manager.initials }} расскажет о ней подробно и при Вашем согласии организует подключение.', updated_at = '2026-12-01T00:00:00Z'
 WHERE code = 'new_service' AND body = '{{ company.short_name }} предлагает клиентам категории «VIP» новую услугу.

Услуга позволит {{ client.short_name }} сократить затраты на электрическую энергию и время на расчёты. Персональный менеджер {{ manager.full_name }} расскажет о ней подробно и при Вашем согласии организует подключение.';
UPDATE templates SET body = 'Приглашаем Вас на рабочую встречу руководства {{ company.short_name }} и {{ client.short_name }}, которая состоится {{ fields.date }} в {{ fields.time }} по адресу: {{ company.address }}.

На встрече предлагаем обсудить итоги сотрудничества и планы на следующий период. Просим подтвердить Ваше участие персональному менеджеру {{ manager.name_dative }} по телефону {{ manager.phone }}.', updated_at = '2026-12-01T00:00:00Z'
 WHERE code = 'meeting_invitation' AND body = 'Приглашаем Вас на рабочую встречу руководства {{ company.short_name }} и {{ client.short_name }}, которая состоится __.__.____ в __:__ по адресу: {{ company.address }}.

На встрече предлагаем обсудить итоги сотрудничества и планы на следующий период. Просим подтвердить Ваше участие персональному менеджеру {{ manager.full_name }} по телефону {{ manager.phone }}.';
UPDATE templates SET body = 'Сообщаем, что срок рассмотрения Вашего обращения от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} продлён до {{ appeal.due_date }}.

Причина продления: {{ appeal.extension_reason }}.

Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.name_genitive }} по телефону {{ manager.phone }}.', updated_at = '2026-12-01T00:00:00Z'
 WHERE code = 'appeal_extended' AND body = 'Сообщаем, что срок рассмотрения Вашего обращения от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} продлён до {{ appeal.due_date }}.

Причина продления: {{ appeal.extension_reason }}.

Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.full_name }} по телефону {{ manager.phone }}.';
";

/// The gift registry of the greetings regulation: every gift planned or handed, against the
/// person, with its text normalised for the «never the same gift twice» check; gift ideas.
const V10_GIFTS: &str = concat!(
    "CREATE TABLE gifts (",
    record_columns!(),
    ",
    person_id INTEGER NOT NULL REFERENCES people(id),
    occasion TEXT NOT NULL CHECK (occasion IN ('new_year', 'feb23', 'mar8', 'professional', 'birthday', 'jubilee')),
    holiday_date TEXT NOT NULL,
    item TEXT NOT NULL,
    item_key TEXT NOT NULL,
    amount REAL,
    handed_on TEXT,
    handed_by TEXT NOT NULL DEFAULT '',
    handed_to TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gifts_person ON gifts(person_id, item_key) WHERE deleted_at IS NULL;
CREATE INDEX gifts_holiday ON gifts(holiday_date) WHERE deleted_at IS NULL;
CREATE TABLE gift_ideas (",
    record_columns!(),
    ",
    person_id INTEGER NOT NULL REFERENCES people(id),
    item TEXT NOT NULL,
    item_key TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gift_ideas_person ON gift_ideas(person_id) WHERE deleted_at IS NULL;
"
);

/// Gift orders (regulation p. 8): each gift goes черновик → согласован → передан АХС →
/// закуплен → вручён, with the day of each step; the person's category and the client's
/// strategic flag when it was planned (a change of either is shown).
const V11_GIFT_ORDERS: &str = "
ALTER TABLE gifts ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'approved', 'sent', 'bought', 'handed'));
ALTER TABLE gifts ADD COLUMN approved_on TEXT;
ALTER TABLE gifts ADD COLUMN sent_on TEXT;
ALTER TABLE gifts ADD COLUMN bought_on TEXT;
ALTER TABLE gifts ADD COLUMN planned_category INTEGER;
ALTER TABLE gifts ADD COLUMN planned_strategic INTEGER;
UPDATE gifts SET status = 'handed' WHERE handed_on IS NOT NULL;
CREATE INDEX gifts_status ON gifts(status, holiday_date) WHERE deleted_at IS NULL;
";

/// Each feature keeps its links to other features' records in its own tables: appeals their
/// letters (with the letter's role), files and calls; a report its files and the client's
/// people who took part (a join table, where a comma-separated list of ids was searched with
/// LIKE). Every existing link is carried over (one that named no record — written behind the
/// program's back — cannot be, and would stop the upgrade), then the borrowed columns go.
const V12_OWN_LINKS: &str = "
CREATE TABLE appeal_letters (
    letter_id INTEGER PRIMARY KEY REFERENCES letters(id),
    appeal_id INTEGER NOT NULL REFERENCES appeals(id),
    role TEXT NOT NULL CHECK (role IN ('', 'reply', 'registered', 'extended'))
);
CREATE INDEX appeal_letters_appeal ON appeal_letters(appeal_id);
INSERT INTO appeal_letters (letter_id, appeal_id, role)
    SELECT id, appeal_id, appeal_role FROM letters
    WHERE appeal_id IN (SELECT id FROM appeals);
CREATE TABLE appeal_files (
    record_id INTEGER PRIMARY KEY REFERENCES records(id),
    appeal_id INTEGER NOT NULL REFERENCES appeals(id)
);
CREATE INDEX appeal_files_appeal ON appeal_files(appeal_id);
INSERT INTO appeal_files (record_id, appeal_id)
    SELECT id, appeal_id FROM records WHERE appeal_id IN (SELECT id FROM appeals);
CREATE TABLE appeal_calls (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
    appeal_id INTEGER NOT NULL REFERENCES appeals(id)
);
CREATE INDEX appeal_calls_appeal ON appeal_calls(appeal_id);
INSERT INTO appeal_calls (meeting_id, appeal_id)
    SELECT id, appeal_id FROM meetings WHERE appeal_id IN (SELECT id FROM appeals);
CREATE TABLE meeting_files (
    record_id INTEGER PRIMARY KEY REFERENCES records(id),
    meeting_id INTEGER NOT NULL REFERENCES meetings(id)
);
CREATE INDEX meeting_files_meeting ON meeting_files(meeting_id);
INSERT INTO meeting_files (record_id, meeting_id)
    SELECT id, meeting_id FROM records WHERE meeting_id IN (SELECT id FROM meetings);
CREATE TABLE meeting_people (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    sort INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_people_person ON meeting_people(person_id);
WITH RECURSIVE split(meeting_id, item, rest, sort) AS (
    SELECT id, '', client_people || ',', -1 FROM meetings WHERE client_people <> ''
    UNION ALL
    SELECT meeting_id, trim(substr(rest, 1, instr(rest, ',') - 1)), substr(rest, instr(rest, ',') + 1), sort + 1
    FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO meeting_people (meeting_id, person_id, sort)
    SELECT s.meeting_id, p.id, s.sort FROM split s JOIN people p ON p.id = CAST(s.item AS INTEGER)
    WHERE s.item GLOB '[0-9]*' AND s.item NOT GLOB '*[^0-9]*';
DROP INDEX letters_appeal;
DROP INDEX records_appeal;
DROP INDEX meetings_appeal;
DROP INDEX records_meeting;
ALTER TABLE letters DROP COLUMN appeal_role;
ALTER TABLE letters DROP COLUMN appeal_id;
ALTER TABLE records DROP COLUMN appeal_id;
ALTER TABLE records DROP COLUMN meeting_id;
ALTER TABLE meetings DROP COLUMN appeal_id;
ALTER TABLE meetings DROP COLUMN client_people;
";

/// The reply to an appeal says the answer typed on the appeal's card after «сообщаем
/// следующее» (a blank to fill in when none was typed). A template the user changed stays.
const V13_REPLY_ANSWER: &str = "UPDATE templates SET body = 'Ваше обращение от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} рассмотрено.

По результатам рассмотрения сообщаем следующее.

{{ appeal.answer }}

Если у Вас возникнут дополнительные вопросы, Ваш персональный менеджер {{ manager.initials }} ответит на них по телефону {{ manager.phone }} или при личной встрече.', updated_at = '2026-12-07T00:00:00Z'
 WHERE code = 'reply_appeal' AND body = 'Ваше обращение от {{ appeal.date }} № {{ appeal.number }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} рассмотрено.

По результатам рассмотрения сообщаем следующее.

Если у Вас возникнут дополнительные вопросы, Ваш персональный менеджер {{ manager.initials }} ответит на них по телефону {{ manager.phone }} или при личной встрече.';
";

/// How each user proves who they are: a personal password kept as a salted argon2 hash, or the
/// operating system account linked to the manager (the settings say which). The hash is never
/// journalled; the day it was set is.
const V14_CREDENTIALS: &str = "
CREATE TABLE credentials (
    manager_id INTEGER PRIMARY KEY REFERENCES managers(id),
    password_hash TEXT NOT NULL DEFAULT '',
    password_set_at TEXT,
    os_account TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author_id INTEGER
);
";

/// The values a merge's template asked for (JSON: date, time, amount), so that a resumed merge
/// writes the same ones into its remaining letters; the digest of every journalled row (see
/// `storage::journal_proof`), computed when the database is opened after the migration.
const V15_MERGE_FIELDS: &str = "ALTER TABLE merges ADD COLUMN fields TEXT NOT NULL DEFAULT '';
ALTER TABLE journal_head ADD COLUMN rows_digest TEXT NOT NULL DEFAULT '';";

/// Whether a database with a schema number has the tables every vipdesk schema has (another
/// program's file may carry a `user_version` too).
pub fn is_ours(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) = 3 FROM sqlite_master WHERE type = 'table' \
         AND name IN ('managers', 'clients', 'people')",
        [],
        |r| r.get(0),
    )
}

pub use super::drift::{Drift, drift};

/// All migrations, in order. Append only.
/// The shipped templates that a manager has not changed speak of an entrepreneur in the right
/// case (`client.name_genitive`, `client.name_dative`), name the service they offer
/// (`fields.service`), give the day an appeal was registered rather than the day the notice is
/// printed, and break the manager's phone and e-mail away from a label.
const V19_TEMPLATE_CASES: &str = "UPDATE templates SET body = 'Информируем Вас об изменении с {{ fields.date }} тарифов на электрическую энергию для потребителей Орловской области.

Для {{ client.name_genitive }} изменения коснутся расчётов по договору энергоснабжения № {{ client.contract_number }}. Подробный расчёт для Вашего предприятия подготовит персональный менеджер {{ manager.initials }}.

Телефон персонального менеджера: {{ manager.phone }}, электронная почта: {{ manager.email }}.', updated_at = '2026-12-07T00:00:00Z'
 WHERE code = 'tariff_change' AND body = 'Информируем Вас об изменении с {{ fields.date }} тарифов на электрическую энергию для потребителей Орловской области.

Для {{ client.short_name }} изменения коснутся расчётов по договору энергоснабжения № {{ client.contract_number }}. Подробный расчёт для Вашего предприятия подготовит персональный менеджер {{ manager.initials }}: тел. {{ manager.phone }}, e-mail {{ manager.email }}.';
UPDATE templates SET body = '{{ company.short_name }} предлагает клиентам категории «VIP» новую услугу: {{ fields.service }}.

Что эта услуга даст {{ client.name_dative }}, подробно расскажет персональный менеджер {{ manager.initials }}. При Вашем согласии услуга будет подключена в удобное для Вас время. Телефон персонального менеджера: {{ manager.phone }}.', updated_at = '2026-12-07T00:00:00Z'
 WHERE code = 'new_service' AND body = '{{ company.short_name }} предлагает клиентам категории «VIP» новую услугу.

Услуга позволит {{ client.short_name }} сократить затраты на электрическую энергию и время на расчёты. Персональный менеджер {{ manager.initials }} расскажет о ней подробно и при Вашем согласии организует подключение.';
UPDATE templates SET body = 'Приглашаем Вас {{ fields.date }} в {{ fields.time }} на рабочую встречу руководства {{ company.short_name }} и {{ client.name_genitive }}. Встреча состоится по адресу: {{ company.address }}.

На встрече предлагаем обсудить итоги сотрудничества и планы на следующий период. Просим подтвердить Ваше участие персональному менеджеру {{ manager.name_dative }} по телефону {{ manager.phone }}.', updated_at = '2026-12-07T00:00:00Z'
 WHERE code = 'meeting_invitation' AND body = 'Приглашаем Вас на рабочую встречу руководства {{ company.short_name }} и {{ client.short_name }}, которая состоится {{ fields.date }} в {{ fields.time }} по адресу: {{ company.address }}.

На встрече предлагаем обсудить итоги сотрудничества и планы на следующий период. Просим подтвердить Ваше участие персональному менеджеру {{ manager.name_dative }} по телефону {{ manager.phone }}.';
UPDATE templates SET body = 'Сообщаем, что Ваше обращение от {{ appeal.date }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} зарегистрировано {{ appeal.registered }} под № {{ appeal.number }}.

Ответ будет направлен Вам в установленный срок выбранным Вами способом. Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.name_genitive }} по телефону {{ manager.phone }}.', updated_at = '2026-12-07T00:00:00Z'
 WHERE code = 'appeal_registered' AND body = 'Сообщаем, что Ваше обращение от {{ appeal.date }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} зарегистрировано {{ today }} под № {{ appeal.number }}.

Ответ будет направлен Вам в установленный срок выбранным Вами способом. Ход рассмотрения обращения Вы можете уточнить у Вашего персонального менеджера {{ manager.name_genitive }} по телефону {{ manager.phone }}.';
";

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1_CORE),
        M::up(V2_CATALOGS),
        M::up(V3_LETTERS),
        M::up(V4_CONTACTS),
        M::up(V5_UNIQUE_INN),
        M::up(V6_SAFETY),
        M::up(V7_JOURNAL_HEAD),
        M::up(V8_APPEALS),
        M::up(V9_TEMPLATE_FIELDS),
        M::up(V10_GIFTS),
        M::up(V11_GIFT_ORDERS),
        M::up(V12_OWN_LINKS),
        M::up(V13_REPLY_ANSWER),
        M::up(V14_CREDENTIALS),
        M::up(V15_MERGE_FIELDS),
        M::up(super::replica_state::V16_SYNC),
        M::up(super::replica_state::V17_SNAPSHOT),
        M::up(super::replica_state::V18_OWN_LIMITS),
        M::up(V19_TEMPLATE_CASES),
        M::up(super::schema_v20::V20_ANNUAL_CYCLE),
    ])
}

/// The schema version a fully migrated database has.
pub fn latest_version() -> usize {
    20
}
