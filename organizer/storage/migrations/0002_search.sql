-- Schema version 2: the full-text search index over every item and attachment text.
-- One row per live item; the store keeps it in step in the same transaction as each write.

CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    type UNINDEXED,
    item_id UNINDEXED,
    person_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
