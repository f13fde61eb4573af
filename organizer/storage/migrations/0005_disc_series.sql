-- Schema version 5: what an imaging disc holds (organizer.disc), one row per series,
-- kept with the record of kind "imaging" that stands for the disc. The study's values are
-- repeated on each of its series' rows; `key_sha256` is the series' key image, attached
-- to the record as a PNG.

CREATE TABLE disc_series (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES records(id),
    patient_name TEXT,
    patient_id TEXT,
    patient_birth_date TEXT,
    study_uid TEXT NOT NULL,
    study_date TEXT,
    study_description TEXT,
    institution TEXT,
    series_uid TEXT NOT NULL,
    series_number INTEGER,
    modality TEXT,
    body_part TEXT,
    series_description TEXT,
    images INTEGER NOT NULL,
    key_sha256 TEXT
);

CREATE INDEX disc_series_record ON disc_series (record_id);
