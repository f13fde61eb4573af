"""The store: every read and the one write path of the organizer.

Each write method validates its input, runs in one transaction (nested writes join the
outer one), keeps the search index in step, and returns a `Change` saying what it changed.
Deletes are soft (`deleted_at`), so every delete can be undone with `restore`.

Reads use the plain sqlite3 connection; writes go through sqlite-utils, imported only
when the first write happens so that read-only commands start fast.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from organizer.errors import (
    AmbiguousError,
    NotFoundError,
    ValidationError,
)
from organizer.i18n import _, field_label
from organizer.items.changes import ADDED, DELETED, RESTORED, UPDATED, Change, ItemChange
from organizer.items.models import (
    TABLES,
    TYPES,
    Attachment,
    Item,
    Person,
    Record,
    ScanPage,
    item_type,
    person_of,
)
from organizer.items.validation import clean
from organizer.storage import db, search
from organizer.storage.paths import DataDir

if TYPE_CHECKING:
    from sqlite_utils import Database

    from organizer.storage.crypto import FileCipher
    from organizer.storage.gate import StoreUse

T = TypeVar("T", bound=Item)


_SCAN_STATUSES = ("none", "pending", "done", "skipped", "unreadable", "unavailable")
_PAGE_TEXT_LIMIT = 200_000  # characters kept from one page; a real page holds a few thousand

_PLANS: dict[type, tuple[dict[str, Any], tuple[str, ...]]] = {}


def _plan(cls: type[Item]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Every field of an item type with its default, and the names of its boolean fields."""
    plan = _PLANS.get(cls)
    if plan is None:
        import dataclasses

        defaults = {f.name: f.default for f in dataclasses.fields(cls)}
        bools = tuple(n for n, spec in cls.specs().items() if spec.kind == "bool")
        plan = _PLANS[cls] = (defaults, bools)
    return plan


def now() -> str:
    """The current time in UTC, as stored in created_at and updated_at."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_deletions = itertools.count()


def _deletion_stamp() -> str:
    """When an item was deleted, unique to one delete: the items deleted along with it
    share it, and `restore` must not bring back an item deleted on its own in the same
    second."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return f"{stamp}#{os.getpid()}-{next(_deletions)}"


def _dependents(type_name: str) -> list[tuple[str, str]]:
    """(type, field) of the items whose required link points to an item of `type_name`."""
    return [(name, field) for name, cls in TYPES.items()
            for field, spec in cls.specs().items()
            if spec.kind == "ref" and spec.required and spec.ref == type_name]


_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def is_stamp(value: object) -> bool:
    """True for a created_at/updated_at as `now()` writes it: 2026-03-02T14:30:00Z."""
    if not isinstance(value, str) or not _STAMP.match(value):
        return False
    try:
        datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def _fold(text: str | None) -> str | None:
    return text.casefold() if isinstance(text, str) else text


class Store:
    """One data folder: its database, attachment files and backups.

    Open it with `organizer.opening.open_store(path)` (no path: the default folder) and close
    it with `close()` or a `with` block. A store is used from one thread at a time; the
    app's worker serializes writes.
    """

    def __init__(self, dirs: DataDir, conn: sqlite3.Connection, cipher: FileCipher | None,
                 use: StoreUse | None = None) -> None:
        """A store opened by `organizer.opening.open_store`, the one way to open one.

        `conn` is the connection (checked, configured, migrated), `cipher` the attachment
        cipher of an encrypted store, `use` the gate's shared lock, released on `close`.
        """
        self.dirs = dirs
        self.conn = conn
        self.cipher = cipher
        self._use = use
        # SQLite's lower() folds ASCII only; names are matched "whatever the case" in every
        # script (Łukasz, Ζωή, Дмитрий), so the store brings its own folding.
        self.conn.create_function("fold", 1, _fold, deterministic=True)
        self._db: Database | None = None
        self._depth = 0

    # -- life cycle ---------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.dirs.root

    @property
    def encrypted(self) -> bool:
        """True when the database and attachment files are encrypted at rest."""
        return self.cipher is not None

    def close(self) -> None:
        """Close the connection, then let a waiting switch of the whole store go ahead."""
        try:
            self.conn.close()
        finally:
            self._leave()

    def _leave(self) -> None:
        if self._use is not None:
            self._use.release()
            self._use = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the same connection, made on the first write."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all.

        Nested, it is a savepoint of the outer one: an inner block that fails takes back
        only its own writes and raises, so a caller that catches the failure and goes on
        never commits half of the inner block; the outer transaction still commits or
        rolls back as a whole.
        """
        depth = self._depth
        savepoint = f"organizer_{depth}"
        try:
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
        except db.Error as exc:
            raise db.translate(exc, self.dirs.database) from None
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth = depth
            if self.conn.in_transaction:
                if depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO {savepoint}")
                    self.conn.execute(f"RELEASE {savepoint}")
            raise
        self._depth = depth
        try:
            self.conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")
        except db.Error as exc:
            if depth == 0 and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise db.translate(exc, self.dirs.database) from None

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A transaction that also turns SQLite failures into plain-words errors."""
        try:
            with self.transaction():
                yield
        except db.Error as exc:
            raise db.translate(exc, self.dirs.database) from None

    # -- reads --------------------------------------------------------------------------

    def _rows(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.conn.cursor()
        cursor.row_factory = db.row_type(self.conn)
        return cursor.execute(sql, args).fetchall()

    def _item(self, cls: type[T], row: sqlite3.Row) -> T:
        data: dict[str, Any] = {}
        for name, spec in cls.specs().items():
            value = row[name]
            if spec.kind == "bool":
                value = bool(value)
            data[name] = value
        data.update(id=row["id"], created_at=row["created_at"], updated_at=row["updated_at"],
                    origin=row["origin"])
        if cls is not Person:
            data["person_id"] = row["person_id"]
        if cls is Record:
            data["attachments"] = tuple(self.attachments(row["id"]))
        return cls(**data)

    @overload
    def get(self, kind: type[T], item_id: int, *, include_deleted: bool = False) -> T: ...
    @overload
    def get(self, kind: str, item_id: int, *, include_deleted: bool = False) -> Item: ...

    def get(self, kind: type[T] | str, item_id: int, *,
            include_deleted: bool = False) -> T | Item:
        """One item by id; NotFoundError if it does not exist or was deleted.

        `kind` is the item's class (`store.get(Case, 3)` is typed as a Case) or its type
        word ("case", as the command line and the archive say it).
        """
        cls: type[Item] = kind if isinstance(kind, type) else item_type(kind)
        type_name = cls.TYPE
        sql = f"SELECT * FROM {TABLES[type_name]} WHERE id = ?"
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        rows = self._rows(sql, (item_id,))
        if not rows:
            raise NotFoundError(_("There is no {kind} number {number}.").format(
                kind=field_label(cls.LABEL).lower(), number=item_id))
        return self._item(cls, rows[0])

    def title_of(self, kind: type[Item] | str, item_id: int | None) -> str | None:
        """The name or title of a linked item; None when there is no link, or the item was
        deleted (a deleted doctor leaves the visits they saw in place)."""
        if item_id is None:
            return None
        try:
            return self.get(kind, item_id).title
        except NotFoundError:
            return None

    @overload
    def list_items(self, kind: type[T], person_id: int | None = None, *,
                   where: Mapping[str, Any] | None = None,
                   order_by: str | None = None) -> list[T]: ...
    @overload
    def list_items(self, kind: str, person_id: int | None = None, *,
                   where: Mapping[str, Any] | None = None,
                   order_by: str | None = None) -> list[Item]: ...

    def list_items(self, kind: type[T] | str, person_id: int | None = None, *,
                   where: Mapping[str, Any] | None = None,
                   order_by: str | None = None) -> list[T] | list[Item]:
        """The live items of one type (of one person), oldest first unless told otherwise.

        `kind`: the class (`list_items(Visit, person)` is typed as a list of Visit) or the
        type word."""
        cls: type[Item] = kind if isinstance(kind, type) else item_type(kind)
        type_name = cls.TYPE
        sql = f"SELECT * FROM {TABLES[type_name]} WHERE deleted_at IS NULL"
        args: list[Any] = []
        if person_id is not None and cls is not Person:
            sql += " AND person_id = ?"
            args.append(person_id)
        for name, value in (where or {}).items():
            if name not in cls.specs() and name not in ("id", "origin"):
                raise ValidationError(_("{kind} has no field “{field}”.").format(
                    kind=field_label(cls.LABEL), field=name), name)
            sql += f" AND {name} IS ?"
            args.append(value)
        sql += f" ORDER BY {order_by or 'id'}"
        return self._items(cls, self.conn.execute(sql, args))

    def _items(self, cls: type[T], cursor: sqlite3.Cursor) -> list[T]:
        """Items from a query's rows, made fast enough to list thousands at once.

        Which column feeds which field, and which fields are booleans, is worked out once
        per query; each item is then filled in directly instead of through the frozen
        dataclass's __init__ (which sets every field through object.__setattr__), and a
        record's attachments come from one query for all the records. Together that more
        than halves the time to list 5,000 test results. Every field starts from its
        declared default, so an item made here equals the one `get` makes from the row.
        """
        defaults, bools = _plan(cls)
        columns = {d[0]: i for i, d in enumerate(cursor.description)}
        fields = [(name, columns[name]) for name in defaults if name in columns]
        make = object.__new__
        items: list[T] = []
        for row in cursor:
            values = dict(defaults)
            for name, index in fields:
                values[name] = row[index]
            for name in bools:
                values[name] = bool(values[name])
            item = make(cls)
            item.__dict__.update(values)
            items.append(item)
        if cls is Record and items:
            found = self._attachments_of([item.id for item in items])
            for item in items:
                item.__dict__["attachments"] = tuple(found.get(item.id, ()))
        return items

    def _attachments_of(self, record_ids: list[int]) -> dict[int, list[Attachment]]:
        found: dict[int, list[Attachment]] = {}
        for start in range(0, len(record_ids), 500):  # SQLite limits the number of ? in one query
            chunk = record_ids[start:start + 500]
            rows = self.conn.execute(
                "SELECT id, record_id, filename, media_type, size, sha256, text_status, "
                "created_at, scan_status FROM attachments WHERE record_id IN "
                f"({','.join('?' * len(chunk))}) AND deleted_at IS NULL ORDER BY id", chunk)
            for row in rows:
                found.setdefault(row[1], []).append(Attachment(*row))
        return found

    def people(self) -> list[Person]:
        """Everyone in the store, by name."""
        return [p for p in self.list_items("person", order_by="full_name COLLATE NOCASE, id")
                if isinstance(p, Person)]

    def person(self, person_id: int) -> Person:
        found = self.get("person", person_id)
        assert isinstance(found, Person)
        return found

    def find_person(self, ref: str | int) -> Person:
        """A person by id or by full name (any case), as `--person` takes them.

        "#12" or "id:12" is always the id and "name:1984" always the name, so a script can
        say which it means. A bare number is the person with that id or the person of that
        name ("1984" is a name some people have); when it is both, for two different people,
        nothing is guessed: the error says how to choose. A name shared by several people is
        an error that lists them.
        """
        from organizer.items.validation import parse_id

        text = str(ref).strip()
        kind, _sep, rest = text.partition(":")
        if text.startswith("#") or kind.strip().lower() == "id":
            wanted = rest if not text.startswith("#") else text[1:]
            number = parse_id(wanted)
            by_id = self._person_by_id(number) if number is not None else None
            if by_id is None and not wanted.strip():
                raise NotFoundError(_("“{text}” needs the person's number after it, for "
                                      "example #12. `organizer people` lists everyone.").format(
                                          text=text))
            if by_id is None:
                raise NotFoundError(_("There is no person number {number} in the "
                                      "organizer. `organizer people` lists everyone.").format(
                                          number=wanted.strip()))
            return by_id
        if kind.strip().lower() == "name" and rest.strip():
            return self._person_by_name(rest.strip())
        number = parse_id(text) if not isinstance(ref, bool) else None
        by_id = self._person_by_id(number) if number is not None else None
        if by_id is None:
            return self._person_by_name(text)
        if isinstance(ref, int):
            return by_id
        named = [r for r in self._named(text) if r["id"] != by_id.id]
        if named:
            raise AmbiguousError(_(
                "“{text}” is both person number {id} ({name}) and the name of person number "
                "{other}. Type #{id} for the first or name:{text} for the second.").format(
                    text=text, id=by_id.id, name=by_id.full_name, other=named[0]["id"]))
        return by_id

    def _person_by_id(self, number: int) -> Person | None:
        rows = self._rows("SELECT * FROM people WHERE id = ? AND deleted_at IS NULL",
                          (number,))
        return self._item(Person, rows[0]) if rows else None

    def _named(self, name: str) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM people WHERE deleted_at IS NULL AND "
                          "fold(full_name) = fold(?) ORDER BY id", (name,))

    def _person_by_name(self, text: str) -> Person:
        rows = self._named(text)
        if not rows:
            raise NotFoundError(_("No person called “{text}” is in the organizer. "
                                  "`organizer people` lists everyone.").format(text=text))
        if len(rows) > 1:
            born = _("{id}: {name} (born {date})")
            names = "; ".join(born.format(id=r["id"], name=r["full_name"],
                                          date=r["birth_date"] or "?") for r in rows)
            raise AmbiguousError(_("More than one person is called “{text}”: {names}. "
                                   "Use the number instead, for example #{id}.").format(
                                       text=text, names=names, id=rows[0]["id"]))
        return self._item(Person, rows[0])

    def attachments(self, record_id: int) -> list[Attachment]:
        rows = self._rows("SELECT id, record_id, filename, media_type, size, sha256, "
                          "text_status, created_at, scan_status FROM attachments "
                          "WHERE record_id = ? AND deleted_at IS NULL ORDER BY id", (record_id,))
        return [Attachment(**dict(row)) for row in rows]

    def attachment_path(self, attachment: Attachment) -> Path:
        """Where the attachment's bytes are (named by their SHA-256; sealed and named by
        the file cipher when the store is encrypted)."""
        return self.file_path(attachment.sha256)

    def file_path(self, sha256: str) -> Path:
        """The on-disk path of the stored file whose plain bytes have this SHA-256."""
        name = sha256 if self.cipher is None else self.cipher.file_name(sha256)
        return self.dirs.files / name

    def read_attachment(self, attachment: Attachment) -> bytes:
        """The attachment's bytes: the one way to read an attached file.

        Code outside the store never opens files/ directly, so that attachments encrypted
        at rest are read the same way as plain ones.
        """
        try:
            data = self.attachment_path(attachment).read_bytes()
        except FileNotFoundError:
            raise NotFoundError(f"The file of “{attachment.filename}” is missing from the data "
                                "folder. `organizer check` lists such problems.") from None
        return data if self.cipher is None else self.cipher.open(attachment.sha256, data)

    def read_chunks(self, sha256: str) -> Iterator[bytes]:
        """The plain bytes of a stored file, chunk by chunk, in bounded memory (opened if
        sealed): for readers that must not hold a file of several GiB at once (`check`,
        exports). A sealed file that does not open raises OrganizerError where it shows,
        so what was read before is to be discarded."""
        from organizer.storage.hashing import CHUNK

        path = self.file_path(sha256)
        if not path.is_file():
            raise NotFoundError("An attached file is missing from the data folder. "
                                "`organizer check` lists such problems.")
        with open(path, "rb") as handle:
            if self.cipher is not None:
                yield from self.cipher.open_stream(sha256, handle)
            else:
                yield from iter(lambda: handle.read(CHUNK), b"")

    def read_attachment_bytes(self, sha256: str) -> bytes:
        """The plain bytes of a stored file by its SHA-256 (opened if sealed)."""
        data = self.file_path(sha256).read_bytes()
        return data if self.cipher is None else self.cipher.open(sha256, data)

    def attachment_text(self, attachment_id: int) -> str:
        row = self.conn.execute("SELECT text FROM attachments WHERE id = ?",
                                (attachment_id,)).fetchone()
        return str(row[0] or "") if row else ""

    def search(self, text: str, person_id: int | None = None,
               limit: int = 50) -> list[search.SearchHit]:
        """Items whose text (or attachment text) holds every word typed, best first."""
        return search.search(self.conn, text, person_id, limit)

    def count(self, type_name: str, person_id: int | None = None) -> int:
        sql = f"SELECT count(*) FROM {TABLES[item_type(type_name).TYPE]} WHERE deleted_at IS NULL"
        args: tuple[Any, ...] = ()
        if person_id is not None and type_name != "person":
            sql += " AND person_id = ?"
            args = (person_id,)
        return int(self.conn.execute(sql, args).fetchone()[0])

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str | None) -> None:
        with self._writing():
            self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) "
                              "DO UPDATE SET value = excluded.value", (key, value))

    # -- writes -------------------------------------------------------------------------

    def _resolver(self, person_id: int | None) -> Any:
        def resolve(target: str, text: str) -> int:
            cls = TYPES[target]
            field = cls.TITLE_FIELD
            sql = (f"SELECT id FROM {TABLES[target]} WHERE deleted_at IS NULL AND "
                   f"fold({field}) = fold(?)")
            args: list[Any] = [text]
            if target != "person" and person_id is not None:
                sql += " AND person_id = ?"
                args.append(person_id)
            ids = [r[0] for r in self.conn.execute(sql, args)]
            if not ids:
                raise ValidationError(_("No {kind} called “{text}” was found.").format(
                    kind=field_label(cls.LABEL).lower(), text=text))
            if len(ids) > 1:
                raise AmbiguousError(_("More than one {kind} is called “{text}” (numbers "
                                       "{numbers}). Use the number.").format(
                                           kind=field_label(cls.LABEL).lower(), text=text,
                                           numbers=", ".join(map(str, ids))))
            return int(ids[0])
        return resolve

    def _check_links(self, cls: type[Item], values: Mapping[str, Any],
                     person_id: int | None) -> None:
        """Every link must point to a live item of the same person."""
        for name, spec in cls.specs().items():
            target_id = values.get(name)
            if spec.kind != "ref" or target_id is None or spec.ref is None:
                continue
            target = TYPES[spec.ref]
            row = self.conn.execute(
                f"SELECT {'id' if spec.ref == 'person' else 'person_id'} FROM "
                f"{TABLES[spec.ref]} WHERE id = ? AND deleted_at IS NULL",
                (target_id,)).fetchone()
            if row is None:
                raise ValidationError(_("{label}: there is no {kind} number {number}.").format(
                    label=field_label(spec.label), kind=field_label(target.LABEL).lower(),
                    number=target_id), name)
            if person_id is not None and spec.ref != "person" and row[0] != person_id:
                raise ValidationError(_("{label}: {kind} number {number} belongs to "
                                        "someone else.").format(
                    label=field_label(spec.label), kind=field_label(target.LABEL).lower(),
                    number=target_id), name)

    def add(self, type_name: str, values: Mapping[str, Any], *, person_id: int | None = None,
            origin: str = "typed", checklist: bool = False) -> Change:
        """Add one item; with `checklist` (a case only) its ten-step checklist too, in the
        same transaction (a case a person starts; an imported one brings its own steps)."""
        cls = item_type(type_name)
        if checklist and cls.TYPE != "case":
            raise ValueError("only a case has a checklist")
        if cls is Person:
            person_id = None
        elif person_id is None:
            raise ValidationError(_("Say whose {kind} this is (which person).").format(
                kind=field_label(cls.LABEL).lower()))
        else:
            self.person(person_id)  # raises NotFoundError for an unknown person
        cleaned = clean(cls, values, resolve=self._resolver(person_id))
        with self._writing():
            self._check_links(cls, cleaned, person_id)
            stamp = now()
            row = dict(cleaned, created_at=stamp, updated_at=stamp, origin=origin)
            if person_id is not None:
                row["person_id"] = person_id
            new_id = int(self.db.table(TABLES[type_name]).insert(row).last_pk or 0)
            search.index_item(self.conn, type_name, new_id)
            after = self.get(type_name, new_id)
            change = Change((ItemChange(ADDED, type_name, new_id,
                                        person_id if person_id is not None else new_id,
                                        None, after),))
            if checklist:
                change = change + self.add_checklist(new_id, int(person_id or 0), origin)
        return change

    def add_checklist(self, case_id: int, person_id: int, origin: str = "typed") -> Change:
        """The ten steps of getting a second opinion, for a new case (DESIGN's checklist)."""
        from organizer.items.checklist import STEPS

        change = Change()
        for number, label in enumerate(STEPS, start=1):
            change = change + self.add("checklist", {"case_id": case_id, "step": number,
                                                     "label": _(label)},
                                       person_id=person_id, origin=origin)
        return change

    def update(self, type_name: str, item_id: int, values: Mapping[str, Any]) -> Change:
        """Change some fields of one item; unchanged values write nothing."""
        cls = item_type(type_name)
        before = self.get(type_name, item_id)
        person_id = None if cls is Person else person_of(before)
        cleaned = clean(cls, values, partial=True, resolve=self._resolver(person_id))
        cleaned = {k: v for k, v in cleaned.items() if getattr(before, k) != v}
        if not cleaned:
            return Change()
        with self._writing():
            self._check_links(cls, cleaned, person_id)
            self.db.table(TABLES[type_name]).update(item_id, dict(cleaned, updated_at=now()))
            search.index_item(self.conn, type_name, item_id)
            after = self.get(type_name, item_id)
        return Change((ItemChange(UPDATED, type_name, item_id, person_id or item_id,
                                  before, after),))

    def delete(self, type_name: str, item_id: int) -> Change:
        """Soft-delete one item and what cannot exist without it; `restore` brings all back.

        A case takes its checklist, opinions and treatment options (and their cost quotes)
        with it; a record its sendings: items whose required link points to the deleted
        one. They share its deletion time, which is how `restore` finds them again.
        """
        before = self.get(type_name, item_id)
        with self._writing():
            return self._soft_delete(type_name, before, _deletion_stamp())

    def _soft_delete(self, type_name: str, before: Item, stamp: str) -> Change:
        self.conn.execute(f"UPDATE {TABLES[type_name]} SET deleted_at = ?, updated_at = ? "
                          "WHERE id = ?", (stamp, now(), before.id))
        search.unindex_item(self.conn, type_name, before.id)
        change = Change((ItemChange(DELETED, type_name, before.id, person_of(before),
                                    before, None),))
        for child_type, field in _dependents(type_name):
            for (child_id,) in self.conn.execute(
                    f"SELECT id FROM {TABLES[child_type]} WHERE {field} = ? "
                    "AND deleted_at IS NULL ORDER BY id", (before.id,)).fetchall():
                child = self.get(child_type, child_id)
                change = change + self._soft_delete(child_type, child, stamp)
        return change

    def restore(self, type_name: str, item_id: int) -> Change:
        """Undo a delete (with what was deleted along with the item)."""
        row = self.conn.execute(f"SELECT deleted_at FROM {TABLES[item_type(type_name).TYPE]} "
                                "WHERE id = ?", (item_id,)).fetchone()
        stamp = row[0] if row else None
        with self._writing():
            return self._restore(type_name, item_id, stamp)

    def _restore(self, type_name: str, item_id: int, stamp: str | None) -> Change:
        self.get(type_name, item_id, include_deleted=True)  # NotFoundError if there is none
        self.conn.execute(f"UPDATE {TABLES[type_name]} SET deleted_at = NULL, "
                          "updated_at = ? WHERE id = ?", (now(), item_id))
        search.index_item(self.conn, type_name, item_id)
        after = self.get(type_name, item_id)
        change = Change((ItemChange(RESTORED, type_name, item_id, person_of(after), None,
                                    after),))
        if stamp is None:
            return change
        for child_type, field in _dependents(type_name):
            for (child_id,) in self.conn.execute(
                    f"SELECT id FROM {TABLES[child_type]} WHERE {field} = ? "
                    "AND deleted_at = ? ORDER BY id", (item_id, stamp)).fetchall():
                change = change + self._restore(child_type, child_id, stamp)
        return change

    def attach_file(self, record_id: int, source: Path | str, *, filename: str | None = None,
                    extract_text: bool = True, read_scan: bool = True) -> Change:
        """Attach a file to a record: the file is safely on disk before its row is committed.

        With `extract_text=False` the text is left "pending" for `extract_pending_text`,
        which the app runs off the GUI thread. A picture or PDF is marked for its scanned
        pages to be read (`organizer.scan.read`, never inside this write: it takes
        seconds); `read_scan=False` (the command line's --no-ocr) marks it "skipped".
        """
        from organizer.storage import attachments as files
        from organizer.storage.attachments import SCANNABLE

        source = Path(source)
        record = self.get("record", record_id)
        kind = files.media_type(source)
        sha, size = files.store_file(self.dirs.files, source, self.cipher)
        text, status, may_scan = ("", "pending", kind in SCANNABLE)
        if extract_text:
            text, status, may_scan = files.stored_text(lambda: self.read_chunks(sha), kind,
                                                       size)
        with self._writing():
            self.db.table("attachments").insert({
                "record_id": record_id, "filename": filename or source.name,
                "media_type": kind, "size": size, "sha256": sha, "text": text,
                "text_status": status, "created_at": now(),
                # a typed PDF (text on every page) has nothing to read
                "scan_status": ("none" if kind not in SCANNABLE or not may_scan
                                else "pending" if read_scan else "skipped")})
            self.conn.execute("UPDATE records SET updated_at = ? WHERE id = ?", (now(), record_id))
            search.index_item(self.conn, "record", record_id)
            after = self.get("record", record_id)
        return Change((ItemChange(UPDATED, "record", record_id, person_of(record),
                                  record, after),))

    def remove_attachment(self, attachment_id: int) -> Change:
        """Take a file off its record (soft: the bytes stay until `check --repair`)."""
        return self._set_attachment_removed(attachment_id, now())

    def restore_attachment(self, attachment_id: int) -> Change:
        """Put back a removed attachment (the undo of `remove_attachment`)."""
        return self._set_attachment_removed(attachment_id, None)

    def _set_attachment_removed(self, attachment_id: int, stamp: str | None) -> Change:
        row = self.conn.execute("SELECT record_id FROM attachments WHERE id = ?",
                                (attachment_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"There is no attachment number {attachment_id}.")
        record = self.get("record", row[0])
        with self._writing():
            self.conn.execute("UPDATE attachments SET deleted_at = ? WHERE id = ?",
                              (stamp, attachment_id))
            search.index_item(self.conn, "record", record.id)
            after = self.get("record", record.id)
        return Change((ItemChange(UPDATED, "record", record.id, person_of(record),
                                  record, after),))

    def pending_text(self) -> list[Attachment]:
        """Attachments whose text has not been extracted yet."""
        rows = self._rows("SELECT id, record_id, filename, media_type, size, sha256, "
                          "text_status, created_at, scan_status FROM attachments WHERE "
                          "text_status = 'pending' AND deleted_at IS NULL ORDER BY id")
        return [Attachment(**dict(row)) for row in rows]

    def extract_pending_text(self, attachment: Attachment) -> Change:
        """Read one attachment's text into the search index (slow for big PDFs)."""
        from organizer.storage import attachments as files

        text, status, may_scan = files.stored_text(
            lambda: self.read_chunks(attachment.sha256), attachment.media_type,
            attachment.size)
        with self._writing():
            self.conn.execute("UPDATE attachments SET text = ?, text_status = ? WHERE id = ?",
                              (text, status, attachment.id))
            if not may_scan:  # a typed PDF: no page waits to be read after all
                self.conn.execute("UPDATE attachments SET scan_status = 'none' WHERE id = ? "
                                  "AND scan_status = 'pending'", (attachment.id,))
            search.index_item(self.conn, "record", attachment.record_id)
        record = self.get("record", attachment.record_id)
        return Change((ItemChange(UPDATED, "record", record.id, person_of(record),
                                  record, record),))

    # -- text read from scanned pages (organizer.scan) --------------------------------------

    def pending_scans(self) -> list[Attachment]:
        """Attachments whose scanned pages wait to be read, oldest first (with those that
        could not be read for want of the language data: they may be installed now)."""
        rows = self._rows("SELECT id, record_id, filename, media_type, size, sha256, "
                          "text_status, created_at, scan_status FROM attachments WHERE "
                          "scan_status IN ('pending', 'unavailable') AND deleted_at IS NULL "
                          "ORDER BY id")
        return [Attachment(**dict(row)) for row in rows]

    def scan_pages(self, attachment_id: int) -> list[ScanPage]:
        """The text read from each scanned page of one attachment, in page order."""
        rows = self.conn.execute(
            "SELECT attachment_id, page, text, confidence, rotation, skew FROM "
            "attachment_pages WHERE attachment_id = ? ORDER BY page", (attachment_id,))
        return [ScanPage(*row) for row in rows]

    def save_scan_pages(self, attachment_id: int, pages: Sequence[ScanPage],
                        status: str) -> Change:
        """Keep what was read from an attachment's pages (replacing an earlier reading),
        set its status, and reindex its record, in one transaction.

        Only the attachment's own rows change: no item's value is ever filled from a scan.
        """
        if status not in _SCAN_STATUSES:
            raise ValueError(f"unknown scan status {status!r}")
        row = self.conn.execute("SELECT record_id FROM attachments WHERE id = ? AND "
                                "deleted_at IS NULL", (attachment_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"There is no attachment number {attachment_id}.")
        stamp = now()
        with self._writing():
            self.conn.execute("DELETE FROM attachment_pages WHERE attachment_id = ?",
                              (attachment_id,))
            self.conn.executemany(
                "INSERT INTO attachment_pages (attachment_id, page, text, confidence, "
                "rotation, skew, read_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(attachment_id, p.page, p.text[:_PAGE_TEXT_LIMIT], p.confidence, p.rotation,
                  p.skew, stamp) for p in pages])
            self.conn.execute("UPDATE attachments SET scan_status = ? WHERE id = ?",
                              (status, attachment_id))
            search.index_item(self.conn, "record", row[0])
        record = self.get("record", row[0])
        return Change((ItemChange(UPDATED, "record", record.id, person_of(record),
                                  record, record),))

    def set_stamps(self, type_name: str, item_id: int, stamps: tuple[str, str], *,
                   origin: str | None = None) -> None:
        """For imports only: give an item the (created_at, updated_at), and the origin, it
        had in the archive it came from, so that importing an archive gives back exactly
        the same data. Call it after the item's last write of the import (adding files
        and links touch updated_at). Both stamps must be UTC timestamps as `now()` writes
        them; otherwise ValidationError and nothing is changed.
        """
        for stamp in stamps:
            if not is_stamp(stamp):
                raise ValidationError(f"“{stamp}” is not a time the organizer wrote "
                                      "(like 2026-03-02T14:30:00Z).")
        sql = f"UPDATE {TABLES[item_type(type_name).TYPE]} SET created_at = ?, updated_at = ?"
        args: list[Any] = [stamps[0], stamps[1]]
        if origin is not None:
            sql += ", origin = ?"
            args.append(origin)
        with self._writing():
            self.conn.execute(sql + " WHERE id = ?", [*args, item_id])

    # -- imports (what was imported from which file) ----------------------------------------

    def find_import(self, sha256: str, person_id: int | None = None) -> dict[str, Any] | None:
        """The earlier import of a file with this checksum (for this person, or anyone's).

        An import that was undone (its kept file's record deleted, or its new person) is
        no earlier import: the file may be imported again."""
        sql = ("SELECT i.*, p.full_name FROM imports i JOIN people p ON p.id = i.person_id "
               "LEFT JOIN records r ON r.id = i.record_id "
               "WHERE i.sha256 = ? AND p.deleted_at IS NULL "
               "AND (i.record_id IS NULL OR r.deleted_at IS NULL)")
        args: list[Any] = [sha256]
        if person_id is not None:
            sql += " AND i.person_id = ?"
            args.append(person_id)
        rows = self._rows(sql + " ORDER BY i.id LIMIT 1", args)
        return dict(rows[0]) if rows else None

    def record_import(self, person_id: int, sha256: str, filename: str, format: str,
                      record_id: int | None) -> None:
        """Remember that a file was imported for a person, so it is not imported twice
        (an earlier import of it that was undone gives way to this one)."""
        with self._writing():
            self.conn.execute(
                "INSERT INTO imports (person_id, sha256, filename, format, record_id, "
                "imported_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(person_id, sha256) DO "
                "UPDATE SET filename = excluded.filename, format = excluded.format, "
                "record_id = excluded.record_id, imported_at = excluded.imported_at "
                "WHERE imports.record_id IN (SELECT id FROM records "
                "WHERE deleted_at IS NOT NULL)",
                (person_id, sha256, filename, format, record_id, now()))

    # -- imaging discs (organizer.disc) ---------------------------------------------------------

    DISC_COLUMNS = ("patient_name", "patient_id", "patient_birth_date", "study_uid",
                    "study_date", "study_description", "institution", "series_uid",
                    "series_number", "modality", "body_part", "series_description", "images",
                    "key_sha256")

    def add_disc_series(self, record_id: int, rows: Sequence[Mapping[str, Any]]) -> Change:
        """Keep an imaging disc's index (one row per series) with its record.

        Each row holds DISC_COLUMNS; a row without a study or series uid, or with a
        negative image count, is refused and nothing is written.
        """
        record = self.get("record", record_id)
        clean_rows: list[tuple[Any, ...]] = []
        for row in rows:
            if not row.get("study_uid") or not row.get("series_uid"):
                raise ValidationError("A disc's series needs its study and series numbers "
                                      "(uids); nothing was saved.")
            images = row.get("images")
            if not isinstance(images, int) or images < 0:
                raise ValidationError("A disc's series needs its number of images; nothing "
                                      "was saved.")
            clean_rows.append((record_id, *(row.get(c) for c in self.DISC_COLUMNS)))
        with self._writing():
            self.conn.executemany(
                f"INSERT INTO disc_series (record_id, {', '.join(self.DISC_COLUMNS)}) VALUES "
                f"({', '.join('?' * (len(self.DISC_COLUMNS) + 1))})", clean_rows)
            self.conn.execute("UPDATE records SET updated_at = ? WHERE id = ?",
                              (now(), record_id))
            after = self.get("record", record_id)
        return Change((ItemChange(UPDATED, "record", record_id, person_of(record),
                                  record, after),))

    def disc_series(self, record_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The disc index of each of these records that stands for an imaging disc, its
        series in study date and series order."""
        found: dict[int, list[dict[str, Any]]] = {}
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start:start + 500]
            rows = self._rows(
                f"SELECT record_id, {', '.join(self.DISC_COLUMNS)} FROM disc_series WHERE "
                f"record_id IN ({','.join('?' * len(chunk))}) ORDER BY record_id, "
                "study_date, study_uid, series_number, id", chunk)
            for row in rows:
                found.setdefault(row["record_id"], []).append(
                    {c: row[c] for c in self.DISC_COLUMNS})
        return found
