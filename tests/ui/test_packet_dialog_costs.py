"""“Make packet…”: costs and insurance are one tick away (off by default), and so is the
second opinion's own title on the cover."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from organizer.storage.store import Store
from tests.helpers.packet_helpers import build_household, make_pdf
from ui.context import AppContext
from ui.dialogs.packet_dialog import open_packet_dialog

INSURER = "Insurer's letter about the second opinion"


def _checked(dialog: Any) -> dict[str, bool]:
    out = {}
    for row in range(dialog.records.count()):
        item = dialog.records.item(row)
        out[item.text().split("  (")[0]] = item.checkState() == Qt.CheckState.Checked
    return out


def test_costs_and_the_title_are_one_tick_away(qtbot: Any, store: Store,
                                              tmp_path: Path) -> None:
    house = build_household(store, tmp_path / "files")
    record = store.add("record", {"title": INSURER, "kind": "insurance",
                                  "dated_on": "2026-02-01"}, person_id=house.person_id).id
    store.attach_file(record, make_pdf(tmp_path / "files" / "insurer.pdf", "Insurer", 1))
    context = AppContext(store)
    context.set_person(house.person_id)
    dialog = open_packet_dialog(context, None, house.case_id)
    qtbot.addWidget(dialog)
    assert not dialog.include_costs.isChecked() and not dialog.title_on_cover.isChecked()
    checked = _checked(dialog)
    assert checked[INSURER] is False
    assert checked["Diagnostic mammogram report"] is True
    options = dialog.options()
    assert not options.include_costs and not options.title_on_cover
    assert record not in (options.record_ids or ())

    dialog.include_costs.setChecked(True)
    dialog.title_on_cover.setChecked(True)
    assert _checked(dialog)[INSURER] is True
    options = dialog.options()
    assert options.include_costs and options.title_on_cover
    assert options.record_ids is not None and record in options.record_ids
    with qtbot.waitSignal(dialog.packet_ready, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    reader = PdfReader(blocker.args[0].path)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "USD 16,250 – 21,500 (3 places)" in text and INSURER in text
    assert "Left breast DCIS: is surgery needed now?" in reader.pages[1].extract_text()

    dialog.include_costs.setChecked(False)
    assert _checked(dialog)[INSURER] is False
    assert _checked(dialog)["Diagnostic mammogram report"] is True
    dialog.reject()
