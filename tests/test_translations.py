"""Completeness of the core's Spanish: a new string without its Spanish fails here.

- the catalogue (resources/locale/es/LC_MESSAGES/organizer.po) has no untranslated, fuzzy
  or obsolete entry, and no entry nothing uses any more;
- every string marked in organizer/ (Babel's extractor) and every word of the item specs
  (labels, choice words) is in it;
- every translation keeps its message's placeholders ({label}, {n}), so `.format` never
  fails in Spanish only;
- every shipped question starter, situation and theme has its Spanish.
"""

from __future__ import annotations

import json
import re

from babel.messages.pofile import read_po

from tests.helpers.catalogue import PO, ROOT, expected_messages

_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="es")


def test_the_catalogue_has_no_unfinished_or_obsolete_entry() -> None:
    catalog = _catalog()
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    unfinished, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            unfinished.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert unfinished == [], f"untranslated: {unfinished}"
    assert fuzzy == [], f"fuzzy: {fuzzy}"
    assert list(catalog.obsolete) == [], "obsolete entries"


def test_every_string_of_the_core_is_in_the_catalogue_and_nothing_else() -> None:
    catalog = _catalog()
    present = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog
               if m.id}
    expected = expected_messages()
    missing = sorted(set(expected) - set(present), key=str)
    assert missing == [], f"marked in organizer/ but not in {PO.name}: {missing}"
    unused = sorted(set(present) - set(expected), key=str)
    assert unused == [], f"in {PO.name} but used nowhere: {unused}"
    for key, plural in expected.items():
        assert bool(plural) == isinstance(present[key].id, tuple), f"plural or not: {key}"


def test_every_translation_keeps_its_placeholders() -> None:
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_PLACEHOLDER.findall(i) for i in ids))
        for text in strings:
            assert set(_PLACEHOLDER.findall(text)) <= wanted, (message.id, text)
            # a singular may leave out {n} ("un registro"); everything else is kept
            assert wanted - set(_PLACEHOLDER.findall(text)) <= {"n"}, (message.id, text)


def test_every_question_starter_has_its_spanish() -> None:
    english = json.loads((ROOT / "resources" / "question_starters.json").read_text("utf-8"))
    spanish = json.loads((ROOT / "resources" / "question_starters.es.json").read_text("utf-8"))
    assert set(spanish["starters"]) == {s["id"] for s in english["starters"]}
    assert set(spanish["situations"]) == {s["key"] for s in english["situations"]}
    assert set(spanish["themes"]) == {t["key"] for t in english["themes"]}
    for sid, text in spanish["starters"].items():
        original = next(s["text"] for s in english["starters"] if s["id"] == sid)
        assert text.strip() and text != original, sid


def test_no_message_is_marked_inside_an_f_string() -> None:
    """Babel's extractor (Python 3.11's tokenizer) does not look inside an f-string: a
    `_("…")` there would never reach the catalogue and stay English."""
    import ast

    names = {"_", "N_", "ngettext", "pgettext"}
    found = []
    for path in sorted((ROOT / "organizer").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                            and inner.func.id in names):
                        found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert found == []
