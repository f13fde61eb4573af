"""`python -m ui.screenshots OUTDIR`: a small PNG of each main page, on example data.

Runs offscreen (QT_QPA_PLATFORM=offscreen) on a temporary store filled with the demo
people (organizer.demo), or with a small made-up example when the demo is not there.
`make screenshots` writes them to docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1200, 800
SAVED_WIDTH = 900  # small files for the README; still readable

SHOTS = [("overview", None), ("cases", None), ("conditions", None), ("medications", 0),
         ("records", 0), ("questions", None), ("visits", None), ("care_team", None), ("history", 2),
         ("journal", None)]


def fill_example(store: Any) -> None:
    """Made-up people for the pictures (used when organizer.demo is not available)."""
    try:
        import importlib

        importlib.import_module("organizer.demo").add_demo(store)
        return
    except ImportError:
        pass
    person = store.add("person", {"full_name": "Rosa Example", "birth_date": "1951-04-12",
                                  "relationship": "mother"}).id
    store.add("person", {"full_name": "Sam Example", "relationship": "self"})
    def add(type_name: str, **values: Any) -> int:
        return int(store.add(type_name, values, person_id=person).id)

    surgeon = add("provider", name="Dr Imani Rivers", role="surgeon", specialty="Orthopedics",
                  facility="Lakeside Hospital", phone="555 0140")
    add("provider", name="Dr Tomas Ortega", role="primary_care", facility="Elm Street Clinic",
        phone="555 0112")
    add("provider", name="Dr Hana Sato", role="second_opinion", specialty="Spine surgery",
        facility="University Spine Center")
    condition = add("condition", name="Lumbar spinal stenosis", status="confirmed",
                    diagnosed_on="2025-11-03", diagnosed_by_id=surgeon, severity="moderate")
    add("condition", name="Type 2 diabetes", status="confirmed", diagnosed_on="2016")
    add("case", title="Back surgery: now or physical therapy first?", condition_id=condition,
        question="Is surgery needed now, or can physical therapy come first?",
        decide_by="2026-04-15")
    for name, dose, how in (("Metformin", "500 mg", "twice a day"),
                            ("Gabapentin", "300 mg", "at night"),
                            ("Atorvastatin", "20 mg", "once a day")):
        add("medication", name=name, dose=dose, frequency=how, started_on="2024-02")
    add("allergy", substance="Penicillin", reaction="rash", severity="moderate")
    for title, kind, dated in (("MRI lumbar spine report", "imaging", "2025-10-28"),
                               ("Surgical consultation note", "clinic_note", "2025-11-03"),
                               ("Blood tests before surgery", "lab", "2025-12-01")):
        add("record", title=title, kind=kind, dated_on=dated, source="Lakeside Hospital")
    add("record", title="MRI images on disc", kind="imaging", physical=True,
        location="In the blue folder at home")
    for text in ("What happens if I wait six months?", "How long is recovery after surgery?",
                 "Would physical therapy help first?"):
        add("question", text=text, priority="high")
    add("visit", scheduled_at="2026-03-20 10:30", provider_id=surgeon,
        purpose="Second opinion on surgery", location="University Spine Center")
    add("immunization", vaccine="Influenza", given_on="2025-10")
    add("procedure", name="Epidural steroid injection", performed_on="2025-12-10")
    for value, on in (("7.4", "2025-03-01"), ("7.1", "2025-09-01"), ("6.9", "2026-01-15")):
        add("result", name="HbA1c", value=value, unit="%", reference_range="4.0-5.6",
            flag="high", observed_on=on)
    add("journal", written_on="2026-02-02", text="Walked to the shop; pain in the left leg "
                                                  "after ten minutes.")


def render(outdir: Path) -> list[Path]:
    from PySide6.QtCore import QSettings, Qt

    from organizer.store import Store
    from ui.app import make_application
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="organizer-shots-") as folder:
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"),
                                      QSettings.Format.IniFormat))
        app = make_application(settings)
        store = Store(Path(folder) / "data")
        fill_example(store)
        window = MainWindow(AppContext(store), settings)
        window.resize(WIDTH, HEIGHT)
        window.show()
        for key, tab in SHOTS:
            page: Any = window.show_section(key)
            if tab is not None and hasattr(page, "tabs"):
                page.tabs.setCurrentIndex(tab)
                page = page.pages[tab]
            if hasattr(page, "model") and page.proxy.rowCount():
                page.table.selectRow(0)
            for _ in range(5):  # layouts, then the column fitting (again once a scroll bar
                app.processEvents()  # appears) settle before the picture is taken
            image = window.grab().toImage().scaledToWidth(
                SAVED_WIDTH, Qt.TransformationMode.SmoothTransformation)
            path = outdir / f"{key}.png"
            image.save(str(path))
            written.append(path)
        from ui.screenshots_disc import shoot_disc_preview

        written.append(shoot_disc_preview(app, window, store, outdir, Path(folder),
                                          SAVED_WIDTH))
        window.close()
        store.close()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
