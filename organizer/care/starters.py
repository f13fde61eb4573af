"""Question starters: questions a worried person may not think of, ready to pick and edit.

The shipped set (resources/question_starters.json) is read-only: it is grouped by
situation (a recommended surgery, a cancer diagnosis…) and by theme (the diagnosis, the
options, risks…). The user's own changes live in the store's `meta` table under
`META_KEY`, as JSON: reworded starters, hidden ones, and starters of their own. So an
update of the app can improve the shipped wording without overwriting what the user did,
and "Restore the original wording" is always possible.

The shipped set is written in each language: resources/question_starters.json holds the
English and the groups; question_starters.<lang>.json holds the same starters (by id),
situations and themes in another language (Spanish: written for patients, not a word-for-
word translation). `load` shows them in the current language (organizer.i18n); a starter
the user reworded or wrote stays as typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from organizer.errors import NotFoundError, ValidationError
from organizer.i18n import _, current
from organizer.storage.store import Store

META_KEY = "question_starters"
ANY = "any"  # the situation of starters that suit every situation


@dataclass(frozen=True)
class Starter:
    """One question starter, as the user currently sees it."""

    id: str
    text: str
    situations: tuple[str, ...]
    theme: str
    own: bool = False  # written by the user
    edited: bool = False  # a shipped starter the user reworded
    hidden: bool = False

    def suits(self, situation: str | None) -> bool:
        """Whether it belongs under a situation (starters for any situation suit all)."""
        return situation is None or situation in self.situations or ANY in self.situations


@dataclass(frozen=True)
class StarterSet:
    """The situations, themes (key -> label, in display order) and every starter."""

    situations: dict[str, str]
    themes: dict[str, str]
    starters: tuple[Starter, ...]

    def find(self, *, situation: str | None = None, theme: str | None = None,
             text: str = "", include_hidden: bool = False) -> list[Starter]:
        """Starters for a situation and theme whose text holds every word typed."""
        words = text.lower().split()
        return [s for s in self.starters
                if (include_hidden or not s.hidden) and s.suits(situation)
                and (theme is None or s.theme == theme)
                and all(w in s.text.lower() for w in words)]

    def get(self, starter_id: str) -> Starter:
        for starter in self.starters:
            if starter.id == starter_id:
                return starter
        raise NotFoundError(_("That question starter no longer exists."))


def _read(name: str) -> dict[str, Any]:
    text = resources.files("resources").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _shipped(lang: str | None = None) -> dict[str, Any]:
    """The shipped starters with their texts and group labels in `lang` (else the current
    language); English when that language has no set."""
    data = _read("question_starters.json")
    code = lang or current()
    if code == "en":
        return data
    try:
        words = _read(f"question_starters.{code}.json")
    except FileNotFoundError:
        return data
    for group in ("situations", "themes"):
        for entry in data[group]:
            entry["label"] = words[group].get(entry["key"], entry["label"])
    for entry in data["starters"]:
        entry["text"] = words["starters"].get(entry["id"], entry["text"])
    return data


def _changes(store: Store) -> dict[str, Any]:
    raw = store.meta(META_KEY)
    empty: dict[str, Any] = {"edited": {}, "hidden": [], "own": []}
    if not raw:
        return empty
    try:
        data = json.loads(raw)
    except ValueError:  # a damaged setting must not hide the shipped starters
        return empty
    if not isinstance(data, dict):
        return empty
    return {"edited": dict(data.get("edited") or {}), "hidden": list(data.get("hidden") or []),
            "own": list(data.get("own") or [])}


def _save(store: Store, changes: dict[str, Any]) -> None:
    store.set_meta(META_KEY, json.dumps(changes, ensure_ascii=False, sort_keys=True))


def load(store: Store) -> StarterSet:
    """The shipped starters with the user's changes applied, then the user's own."""
    shipped = _shipped()
    changes = _changes(store)
    hidden = set(changes["hidden"])
    starters: list[Starter] = []
    for entry in shipped["starters"]:
        sid = entry["id"]
        edited = changes["edited"].get(sid)
        starters.append(Starter(sid, edited or entry["text"], tuple(entry["situations"]),
                                entry["theme"], edited=bool(edited), hidden=sid in hidden))
    for entry in changes["own"]:
        sid = str(entry.get("id", ""))
        if not sid or not entry.get("text"):
            continue
        starters.append(Starter(sid, str(entry["text"]),
                                tuple(entry.get("situations") or [ANY]),
                                str(entry.get("theme") or "diagnosis"), own=True,
                                hidden=sid in hidden))
    return StarterSet({s["key"]: s["label"] for s in shipped["situations"]},
                      {t["key"]: t["label"] for t in shipped["themes"]}, tuple(starters))


def _clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError(_("Type the question first."), "text")
    return cleaned


def add_own(store: Store, text: str, situation: str = ANY, theme: str = "diagnosis") -> Starter:
    """Keep a question of the user's own among the starters."""
    starter_set = load(store)
    if situation not in starter_set.situations:
        raise ValidationError(_("“{situation}” is not one of the situations.").format(
            situation=situation), "situation")
    if theme not in starter_set.themes:
        raise ValidationError(_("“{theme}” is not one of the themes.").format(theme=theme),
                              "theme")
    changes = _changes(store)
    taken = {str(e.get("id")) for e in changes["own"]}
    number = len(taken) + 1
    while f"own-{number}" in taken:
        number += 1
    new_id = f"own-{number}"
    changes["own"].append({"id": new_id, "text": _clean_text(text), "situations": [situation],
                           "theme": theme})
    _save(store, changes)
    return load(store).get(new_id)


def edit(store: Store, starter_id: str, text: str) -> Starter:
    """Reword a starter (a shipped one keeps its original, to restore later)."""
    current = load(store).get(starter_id)
    cleaned = _clean_text(text)
    changes = _changes(store)
    if current.own:
        for entry in changes["own"]:
            if entry.get("id") == starter_id:
                entry["text"] = cleaned
    else:
        original = next(e["text"] for e in _shipped()["starters"] if e["id"] == starter_id)
        if cleaned == original:
            changes["edited"].pop(starter_id, None)
        else:
            changes["edited"][starter_id] = cleaned
    _save(store, changes)
    return load(store).get(starter_id)


def set_hidden(store: Store, starter_id: str, hidden: bool = True) -> None:
    """Hide a starter from the list (or show it again); nothing is deleted."""
    load(store).get(starter_id)
    changes = _changes(store)
    ids = [i for i in changes["hidden"] if i != starter_id]
    if hidden:
        ids.append(starter_id)
    changes["hidden"] = ids
    _save(store, changes)


def restore_original(store: Store, starter_id: str) -> Starter:
    """Undo the user's rewording of a shipped starter."""
    changes = _changes(store)
    changes["edited"].pop(starter_id, None)
    _save(store, changes)
    return load(store).get(starter_id)
