"""Full-text search (SQLite FTS5) over every item's text and its attachments' text.

The index holds one row per live item: its title and a body made of every other text
field (and, for a record, the text of its attachments). The store calls `index_item` and
`unindex_item` inside the same transaction as the write they follow, so the index is never
out of step with the data.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from typing import Any

from organizer.frozen import frozen
from organizer.items.models import TABLES, TYPES

_TEXT_KINDS = ("text", "longtext", "enum")
_TOKEN = re.compile(r"\w+", re.UNICODE)


# A piece of a title or snippet, and whether it is a word the search matched.
Segment = tuple[str, bool]

# What FTS5 puts around a matched word in `parts`: control characters no typed text holds
# in the index (the snippet's "[" and "]" cannot tell a match from a bracket in a note).
_OPEN, _CLOSE = "\x02", "\x03"
SNIPPET_WORDS = 12      # the command line's one-line snippet
PANEL_WORDS = 28        # the app's results panel: a few lines of context


@frozen
class SearchHit:
    """One item that matches: what it is, its title, and the words around the match.

    `snippet` marks matched words with [ and ] (the command line's form). `title_parts`
    and `parts` are the title and a longer snippet of the other text cut into segments,
    each with whether it is a matched word, for a screen to show them in bold; `parts`
    is empty when only the title matched.
    """

    type: str
    id: int
    person_id: int
    title: str
    snippet: str
    rank: float
    title_parts: tuple[Segment, ...] = ()
    parts: tuple[Segment, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id, "person_id": self.person_id,
                "title": self.title, "snippet": self.snippet, "rank": self.rank}


def _document(conn: sqlite3.Connection, type_name: str, row: sqlite3.Row) -> tuple[str, str]:
    cls = TYPES[type_name]
    specs = cls.specs()
    title = str(row[cls.TITLE_FIELD] or "") if cls.TITLE_FIELD else ""
    parts = [str(row[name]) for name, spec in specs.items()
             if spec.kind in _TEXT_KINDS and name != cls.TITLE_FIELD and row[name]]
    if type_name == "record":
        for (name, text) in conn.execute(
                "SELECT filename, text FROM attachments WHERE record_id = ? "
                "AND deleted_at IS NULL ORDER BY id", (row["id"],)):
            parts.append(name)
            if text:
                parts.append(text)
        parts.extend(_scan_texts(conn, row["id"]))
    return title, "\n".join(parts)


def _scan_texts(conn: sqlite3.Connection, record_id: int) -> list[str]:
    """The text read from the record's scanned pages (none before schema version 5,
    whose migration steps 2 and 4 index the records before the pages table exists)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                    "AND name = 'attachment_pages'").fetchone() is None:
        return []
    return [text for (text,) in conn.execute(
        "SELECT p.text FROM attachment_pages p JOIN attachments a ON a.id = p.attachment_id "
        "WHERE a.record_id = ? AND a.deleted_at IS NULL AND p.text != '' "
        "ORDER BY a.id, p.page", (record_id,))]


# The index row of an item has a rowid made from its type and id, so that replacing or
# dropping one item's row is a lookup by rowid. (A DELETE by the UNINDEXED type and
# item_id columns scans the whole index: an import of many items became quadratic.)
# The numbers are frozen: they are stored in every index.
_TYPE_NUMBERS = {name: number for number, name in enumerate((
    "person", "provider", "condition", "case", "checklist", "opinion", "treatment", "quote",
    "medication", "allergy", "immunization", "procedure", "result", "record", "sending",
    "request", "question", "visit", "journal"), start=1)}
_ID_SPACE = 1 << 40


def row_key(type_name: str, item_id: int) -> int:
    """The index rowid of one item."""
    return _TYPE_NUMBERS[type_name] * _ID_SPACE + item_id


def index_item(conn: sqlite3.Connection, type_name: str, item_id: int) -> None:
    """(Re)write the index row of one item, or drop it if the item is deleted."""
    unindex_item(conn, type_name, item_id)
    from organizer.storage.db import row_type

    conn.row_factory = row_type(conn)
    try:
        row = conn.execute(f"SELECT * FROM {TABLES[type_name]} WHERE id = ? "
                           "AND deleted_at IS NULL", (item_id,)).fetchone()
        if row is None:
            return
        title, body = _document(conn, type_name, row)
    finally:
        conn.row_factory = None
    person_id = item_id if type_name == "person" else row["person_id"]
    conn.execute("INSERT INTO search_index (rowid, title, body, type, item_id, person_id) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (row_key(type_name, item_id), title, body, type_name, item_id, person_id))


def unindex_item(conn: sqlite3.Connection, type_name: str, item_id: int) -> None:
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (row_key(type_name, item_id),))


def reindex_all(conn: sqlite3.Connection) -> None:
    """Rebuild the whole index (used by the migration that creates it)."""
    conn.execute("DELETE FROM search_index")
    for type_name, table in TABLES.items():
        for (item_id,) in conn.execute(
                f"SELECT id FROM {table} WHERE deleted_at IS NULL").fetchall():
            index_item(conn, type_name, item_id)


# FTS5 works through every term of a query for every row it matches, and a prefix term
# ("a"*) matches most rows: 2,000 pasted words made one search take minutes. A word
# typed twice, or one that begins another word typed, asks nothing more; beyond
# MAX_WORDS different words a query only narrows what a person could read anyway.
MAX_WORDS = 32


def query_words(text: str) -> list[str]:
    """The words of `text` a search needs: each once (whatever its case), none that
    begins another one, at most MAX_WORDS, in the order typed."""
    seen: dict[str, str] = {}
    for word in _TOKEN.findall(text):
        seen.setdefault(word.lower(), word)
        if len(seen) >= MAX_WORDS * 4:
            break
    folded = sorted(seen)
    # In sorted order a word that begins another sits right before one it begins (or
    # before a word it also begins): one look at the next word suffices.
    implied = {word for word, after in itertools.pairwise(folded)
               if after.startswith(word)}
    return [original for low, original in seen.items() if low not in implied][:MAX_WORDS]


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word must appear, as a prefix.

    Each word is quoted, so nothing a user types (quotes, AND, NEAR, *) is read as
    FTS5 syntax and no query can fail to parse.
    """
    return " ".join(f'"{w}"*' for w in query_words(text))


def search(conn: sqlite3.Connection, text: str, person_id: int | None = None,
           limit: int = 50) -> list[SearchHit]:
    """Items matching every word of `text`, best first, for one person or for all."""
    query = fts_query(text)
    if not query:
        return []
    sql = ("SELECT type, item_id, person_id, title, "
           f"snippet(search_index, -1, '[', ']', '…', {SNIPPET_WORDS}), "
           "bm25(search_index, 5.0, 1.0) AS r, "
           f"highlight(search_index, 0, '{_OPEN}', '{_CLOSE}'), "
           f"snippet(search_index, 1, '{_OPEN}', '{_CLOSE}', '…', {PANEL_WORDS}) "
           "FROM search_index WHERE search_index MATCH ? "
           "AND person_id NOT IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)")
    args: list[Any] = [query]
    if person_id is not None:
        sql += " AND person_id = ?"
        args.append(person_id)
    sql += " ORDER BY r LIMIT ?"
    args.append(limit)
    hits = []
    for t, i, p, title, snip, r, marked_title, marked_body in conn.execute(sql, args):
        body = segments(marked_body or "")
        hits.append(SearchHit(
            type=t, id=int(i), person_id=int(p), title=title or TYPES[t].LABEL,
            snippet=snip, rank=round(float(r), 4),
            title_parts=segments(marked_title or "") or ((title or TYPES[t].LABEL, False),),
            parts=body if any(matched for _, matched in body) else ()))
    return hits


def segments(marked: str) -> tuple[Segment, ...]:
    """FTS5's marked text as segments, its runs of white space (line breaks between the
    fields of the body) made one space."""
    found: list[Segment] = []
    for number, piece in enumerate(re.split(f"[{_OPEN}{_CLOSE}]", marked)):
        text = " ".join(piece.split())
        if piece[:1].isspace():
            text = " " + text
        if piece[-1:].isspace() and text.strip():
            text += " "
        if text:
            found.append((text, number % 2 == 1))
    return tuple(found)
