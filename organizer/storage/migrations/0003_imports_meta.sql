-- Schema version 3: what was imported from which file (so a re-import adds nothing twice),
-- and a small key/value table for store-wide settings (encryption key, last backup day).

CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    format TEXT,
    record_id INTEGER REFERENCES records(id),
    imported_at TEXT NOT NULL,
    UNIQUE (person_id, sha256)
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
