//! Migration 20 (see `schema.rs`): frozen once shipped.

use super::schema::record_columns;

/// The annual cycle (#24): the VIP list of a year in versions (a draft the head edits, frozen
/// once the director's order is recorded; a correction is a new version beside it), its rows
/// with the criteria as judged and the decision; the questionnaire of the satisfaction study
/// (seeded with the questions the standard's principles imply) and the surveys of clients
/// with their answers.
pub(super) const V20_ANNUAL_CYCLE: &str = concat!(
    "CREATE TABLE vip_lists (",
    record_columns!(),
    ",
    year INTEGER NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    window_from TEXT NOT NULL,
    window_to TEXT NOT NULL,
    order_number TEXT NOT NULL DEFAULT '',
    order_date TEXT,
    corrects_id INTEGER REFERENCES vip_lists(id),
    managers_order_number TEXT NOT NULL DEFAULT '',
    managers_order_date TEXT
);
CREATE UNIQUE INDEX vip_lists_version ON vip_lists(year, version) WHERE deleted_at IS NULL;
CREATE TABLE vip_list_rows (",
    record_columns!(),
    ",
    list_id INTEGER NOT NULL REFERENCES vip_lists(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    manager_id INTEGER REFERENCES managers(id),
    client_name TEXT NOT NULL DEFAULT '',
    inn TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    kwh REAL,
    rank INTEGER,
    district_size INTEGER NOT NULL DEFAULT 0,
    years INTEGER,
    crit_volume INTEGER NOT NULL DEFAULT 0,
    crit_stability INTEGER NOT NULL DEFAULT 0,
    crit_brand INTEGER NOT NULL DEFAULT 0,
    crit_political INTEGER NOT NULL DEFAULT 0,
    political_note TEXT NOT NULL DEFAULT '',
    vip_before INTEGER,
    proposal TEXT NOT NULL CHECK (proposal IN ('include', 'exclude', 'keep')),
    decision TEXT NOT NULL CHECK (decision IN ('include', 'exclude', 'keep')),
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX vip_list_rows_list ON vip_list_rows(list_id);
CREATE INDEX vip_list_rows_client ON vip_list_rows(client_id);
CREATE UNIQUE INDEX vip_list_rows_once ON vip_list_rows(list_id, client_id) WHERE deleted_at IS NULL;
CREATE TABLE survey_questions (",
    record_columns!(),
    ",
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('scale', 'free')),
    sort INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE surveys (",
    record_columns!(),
    ",
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    date TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id),
    respondent TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'post', 'web', 'email')),
    manager_id INTEGER REFERENCES managers(id),
    comment TEXT NOT NULL DEFAULT '',
    appeal_id INTEGER REFERENCES appeals(id)
);
CREATE INDEX surveys_client ON surveys(client_id, year);
CREATE INDEX surveys_year ON surveys(year);
CREATE TABLE survey_answers (",
    record_columns!(),
    ",
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_questions(id),
    score INTEGER CHECK (score BETWEEN 1 AND 5),
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_answers_survey ON survey_answers(survey_id);
INSERT INTO survey_questions (uuid, created_at, updated_at, text, kind, sort) VALUES
 ('5eed0020-0000-4000-8000-000000000001', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Насколько быстро решаются Ваши вопросы?', 'scale', 1),
 ('5eed0020-0000-4000-8000-000000000002', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Насколько компетентен Ваш персональный менеджер?', 'scale', 2),
 ('5eed0020-0000-4000-8000-000000000003', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Легко ли связаться с персональным менеджером, когда он нужен?', 'scale', 3),
 ('5eed0020-0000-4000-8000-000000000004', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Насколько понятны письма и ответы компании?', 'scale', 4),
 ('5eed0020-0000-4000-8000-000000000005', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Насколько комфортно Вам работать с компанией?', 'scale', 5),
 ('5eed0020-0000-4000-8000-000000000006', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Насколько Вы в целом удовлетворены обслуживанием?', 'scale', 6),
 ('5eed0020-0000-4000-8000-000000000007', '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z',
  'Что нам следует улучшить?', 'free', 7);
"
);
