"""The question starters: the shipped set, and the user's own changes kept apart."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from organizer.care import starters
from organizer.errors import ValidationError
from organizer.opening import open_store


def shipped() -> dict[str, Any]:
    text = resources.files("resources").joinpath("question_starters.json").read_text("utf-8")
    return json.loads(text)


def test_the_shipped_set_is_large_and_covers_every_situation_and_theme(store: Any) -> None:
    data = shipped()
    ids = [s["id"] for s in data["starters"]]
    assert len(ids) >= 60 and len(set(ids)) == len(ids)
    situations = {s["key"] for s in data["situations"]}
    themes = {t["key"] for t in data["themes"]}
    assert situations == {"any", "surgery", "cancer", "test", "medication", "watch_wait"}
    assert themes == {"diagnosis", "options", "risks", "recovery", "cost", "waiting"}
    for entry in data["starters"]:
        assert entry["theme"] in themes and set(entry["situations"]) <= situations
        assert entry["text"].endswith("?") and len(entry["text"]) < 160
    loaded = starters.load(store)
    for situation in situations - {"any"}:
        assert len(loaded.find(situation=situation)) >= 20  # its own plus the general ones
        assert {s.theme for s in loaded.find(situation=situation)} == themes


def test_find_by_situation_theme_and_words(store: Any) -> None:
    found = starters.load(store).find(situation="surgery", theme="recovery", text="hospital")
    assert found and all("hospital" in s.text.lower() for s in found)
    assert all(s.theme == "recovery" and s.suits("surgery") for s in found)
    assert starters.load(store).find(text="zzz no such words") == []


def test_edits_are_kept_in_the_store_and_the_shipped_file_stays(data_dir: Any) -> None:
    before = shipped()
    with open_store(data_dir) as store:
        first = starters.load(store).starters[0]
        starters.edit(store, first.id, "  What is my diagnosis,   exactly? ")
        own = starters.add_own(store, "Can my daughter join the call?", "surgery", "recovery")
        starters.set_hidden(store, "cost-01")
    with open_store(data_dir) as store:  # a new session sees the same changes
        loaded = starters.load(store)
        assert loaded.get(first.id).text == "What is my diagnosis, exactly?"
        assert loaded.get(first.id).edited
        assert loaded.get(own.id).own and loaded.get(own.id).suits("surgery")
        assert loaded.get("cost-01").hidden
        assert "cost-01" not in [s.id for s in loaded.find()]
        assert "cost-01" in [s.id for s in loaded.find(include_hidden=True)]
        starters.restore_original(store, first.id)
        starters.set_hidden(store, "cost-01", False)
        loaded = starters.load(store)
        assert loaded.get(first.id).text == before["starters"][0]["text"]
        assert not loaded.get("cost-01").hidden
    assert shipped() == before


def test_bad_input_changes_nothing(store: Any) -> None:
    with pytest.raises(ValidationError, match="Type the question"):
        starters.add_own(store, "   ")
    with pytest.raises(ValidationError):
        starters.add_own(store, "Fine?", situation="holiday")
    with pytest.raises(ValidationError):
        starters.edit(store, "diagnosis-01", "")
    assert store.meta(starters.META_KEY) is None


def test_a_damaged_setting_still_shows_the_shipped_set(store: Any) -> None:
    store.set_meta(starters.META_KEY, "{not json")
    assert len(starters.load(store).starters) == len(shipped()["starters"])


def test_the_dialog_keeps_own_questions_rewords_and_hides(qtbot: Any, store: Any) -> None:
    from PySide6.QtCore import Qt

    from ui.context import AppContext
    from ui.dialogs.starters_dialog import IdRole, StartersDialog

    dialog = StartersDialog(AppContext(store))
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.list.count()
    qtbot.keyClicks(dialog.own_text, "Can my daughter come in with me?")
    qtbot.keyClick(dialog.own_text, Qt.Key.Key_Return)
    assert dialog.list.count() == shown + 1
    assert any(s.own and s.text == "Can my daughter come in with me?"
               for s in starters.load(store).starters)
    # reword in place, as a double-click would let the user do
    item = dialog.list.item(0)
    starter_id = item.data(IdRole)
    dialog.list.setCurrentItem(item)
    dialog.edit_selected()
    item.setText("What is my diagnosis, in plain words?")
    assert starters.load(store).get(starter_id).text == "What is my diagnosis, in plain words?"
    dialog.list.setCurrentItem(dialog.item_for(starter_id))
    qtbot.mouseClick(dialog.hide_button, Qt.MouseButton.LeftButton)
    assert dialog.item_for(starter_id) is None and starters.load(store).get(starter_id).hidden
    dialog.show_hidden.setChecked(True)
    assert "hidden" in dialog.item_for(starter_id).text()
    # an empty own question is refused in words, nothing kept
    qtbot.keyClick(dialog.own_text, Qt.Key.Key_Return)
    assert dialog.error.text() == "Type the question first."
