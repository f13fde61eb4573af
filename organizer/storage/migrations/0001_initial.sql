-- Schema version 1: one table per item type (DESIGN.md, "What it stores").
-- Frozen: later changes are new migrations, never edits to this file.

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL,
    birth_date TEXT,
    sex TEXT,
    relationship TEXT,
    phone TEXT,
    email TEXT,
    address TEXT,
    emergency_contact TEXT,
    insurance_plan TEXT,
    insurance_member_id TEXT,
    insurance_phone TEXT,
    primary_provider_id INTEGER REFERENCES providers(id),
    no_known_allergies INTEGER NOT NULL DEFAULT 0,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);

CREATE TABLE providers (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    role TEXT,
    specialty TEXT,
    facility TEXT,
    phone TEXT,
    fax TEXT,
    email TEXT,
    address TEXT,
    languages TEXT,
    gender TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_providers_person ON providers(person_id);

CREATE TABLE conditions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    code TEXT,
    code_system TEXT,
    status TEXT,
    diagnosed_on TEXT,
    diagnosed_by_id INTEGER REFERENCES providers(id),
    severity TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_conditions_person ON conditions(person_id);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    title TEXT NOT NULL,
    condition_id INTEGER REFERENCES conditions(id),
    question TEXT,
    decide_by TEXT,
    status TEXT,
    decision TEXT,
    rationale TEXT,
    decided_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_cases_person ON cases(person_id);

CREATE TABLE checklist_steps (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    step INTEGER,
    label TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    done_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_checklist_steps_person ON checklist_steps(person_id);

CREATE TABLE opinions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    provider_id INTEGER REFERENCES providers(id),
    given_on TEXT,
    diagnosis TEXT,
    recommendation TEXT,
    agrees TEXT,
    summary TEXT,
    report_record_id INTEGER REFERENCES records(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_opinions_person ON opinions(person_id);

CREATE TABLE treatments (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    name TEXT NOT NULL,
    proposed_by_id INTEGER REFERENCES providers(id),
    duration TEXT,
    recovery_time TEXT,
    cost TEXT,
    coverage TEXT,
    risks TEXT,
    benefits TEXT,
    daily_life TEXT,
    status TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_treatments_person ON treatments(person_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    treatment_id INTEGER NOT NULL REFERENCES treatments(id),
    facility TEXT NOT NULL,
    amount REAL,
    currency TEXT,
    covered_amount REAL,
    obtained_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_quotes_person ON quotes(person_id);

CREATE TABLE medications (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    dose TEXT,
    form TEXT,
    route TEXT,
    frequency TEXT,
    instructions TEXT,
    prescriber_id INTEGER REFERENCES providers(id),
    condition_id INTEGER REFERENCES conditions(id),
    started_on TEXT,
    stopped_on TEXT,
    active INTEGER NOT NULL DEFAULT 0,
    code TEXT,
    code_system TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_medications_person ON medications(person_id);

CREATE TABLE allergies (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    substance TEXT NOT NULL,
    reaction TEXT,
    severity TEXT,
    noted_on TEXT,
    code TEXT,
    code_system TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_allergies_person ON allergies(person_id);

CREATE TABLE immunizations (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    vaccine TEXT NOT NULL,
    given_on TEXT,
    code TEXT,
    code_system TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_immunizations_person ON immunizations(person_id);

CREATE TABLE procedures (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    performed_on TEXT,
    performer TEXT,
    code TEXT,
    code_system TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_procedures_person ON procedures(person_id);

CREATE TABLE results (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    value TEXT,
    unit TEXT,
    reference_range TEXT,
    flag TEXT,
    observed_on TEXT,
    code TEXT,
    code_system TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_results_person ON results(person_id);

CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    title TEXT NOT NULL,
    kind TEXT,
    dated_on TEXT,
    source TEXT,
    description TEXT,
    case_id INTEGER REFERENCES cases(id),
    physical INTEGER NOT NULL DEFAULT 0,
    location TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_records_person ON records(person_id);

CREATE TABLE sendings (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    record_id INTEGER NOT NULL REFERENCES records(id),
    recipient_id INTEGER REFERENCES providers(id),
    status TEXT,
    method TEXT,
    sent_on TEXT,
    received_on TEXT,
    tracking TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_sendings_person ON sendings(person_id);

CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    records TEXT NOT NULL,
    asked_on TEXT NOT NULL,
    method TEXT,
    received_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_requests_person ON requests(person_id);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    text TEXT NOT NULL,
    case_id INTEGER REFERENCES cases(id),
    visit_id INTEGER REFERENCES visits(id),
    priority TEXT,
    position INTEGER,
    asked INTEGER NOT NULL DEFAULT 0,
    answer TEXT,
    answered_by_id INTEGER REFERENCES providers(id),
    answered_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_questions_person ON questions(person_id);

CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    scheduled_at TEXT NOT NULL,
    provider_id INTEGER REFERENCES providers(id),
    case_id INTEGER REFERENCES cases(id),
    location TEXT,
    purpose TEXT,
    status TEXT,
    notes TEXT,
    follow_up TEXT,
    report_requested_on TEXT,
    report_received_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_visits_person ON visits(person_id);

CREATE TABLE journal_entries (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    written_on TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'typed',
    deleted_at TEXT
);
CREATE INDEX idx_journal_entries_person ON journal_entries(person_id);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id),
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT,
    text_status TEXT NOT NULL DEFAULT 'pending',
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX idx_attachments_record ON attachments(record_id);
CREATE INDEX idx_attachments_sha ON attachments(sha256);
