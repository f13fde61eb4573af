-- Schema version 6: the text read from scanned pages (OCR), one row per page of an
-- attachment, with the engine's confidence; and each attachment's reading status.
-- Pictures attached before this version, and PDFs whose text is (nearly) empty, wait to
-- be read ('pending'); a typed PDF with one scanned page among many is not found this way.

ALTER TABLE attachments ADD COLUMN scan_status TEXT NOT NULL DEFAULT 'none';

CREATE TABLE attachment_pages (
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    page INTEGER NOT NULL,
    text TEXT NOT NULL,
    confidence REAL NOT NULL,
    rotation INTEGER NOT NULL DEFAULT 0,
    skew REAL NOT NULL DEFAULT 0,
    read_at TEXT NOT NULL,
    PRIMARY KEY (attachment_id, page)
);

UPDATE attachments SET scan_status = 'pending'
WHERE deleted_at IS NULL
  AND (media_type IN ('image/jpeg', 'image/png', 'image/tiff')
       OR (media_type = 'application/pdf' AND length(trim(coalesce(text, ''))) < 20));
