"""`python -m ui.screenshots OUTDIR`: a PNG of each main page and dialog, on example data.

Each set is made at 1366x768 (a small laptop's screen) in the light and the dark palette,
at 100% and at 200% text: OUTDIR/light-100/, dark-100/, light-200/, dark-200/.

Runs offscreen (QT_QPA_PLATFORM=offscreen) on a temporary store filled with the demo
people (organizer.demo), or with a small made-up example when the demo is not there.
`make screenshots` writes them to docs/screenshots/ for the README, with scan_text.png:
a record whose scanned lab report (made here: typeset, drawn at 200 dpi, turned a little)
was read, its text beside the page, at 1366x768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1366, 768
SAVED_WIDTH = 1366  # the screen's own size: what a person sees, pixel for pixel
LOOKS = [("light", 1.0), ("dark", 1.0), ("light", 2.0), ("dark", 2.0)]

SHOTS = [("overview", None), ("cases", None), ("conditions", None), ("medications", 0),
         ("records", 0), ("questions", None), ("visits", None), ("care_team", None), ("history", 2),
         ("journal", None)]


def fill_example(store: Any) -> None:
    """Made-up people for the pictures (used when organizer.demo is not available)."""
    try:
        import importlib

        importlib.import_module("organizer.demo.household").add_demo(store)
        return
    except ImportError:
        pass
    person = store.add("person", {"full_name": "Rosa Example", "birth_date": "1951-04-12",
                                  "relationship": "mother"}).id
    store.add("person", {"full_name": "Sam Example", "relationship": "self"})
    def add(type_name: str, **values: Any) -> int:
        return int(store.add(type_name, values, person_id=person,
                             checklist=type_name == "case").id)

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


def _save(widget: Any, path: Path) -> Path:
    """The widget's picture, in 256 colours (a quarter of the bytes; text stays sharp)."""
    from PIL import Image

    widget.grab().save(str(path))
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    return path


def _settle(app: Any) -> None:
    for _ in range(5):  # layouts, then the column fitting (again once a scroll bar
        app.processEvents()  # appears) settle before the picture is taken


def _dialogs(window: Any, store: Any) -> list[tuple[str, Any]]:
    """The dialogs a person meets most, opened on the demo data (made, not executed)."""
    from ui.dialogs.packet_dialog import PacketDialog
    from ui.dialogs.person_dialog import PersonDialog

    made: list[tuple[str, Any]] = []
    person = window.context.person_id
    for name, make in (("dialog-packet", lambda: PacketDialog(window.context, window)),
                       ("dialog-person", lambda: PersonDialog(
                           window.context, store.get("person", person), window)),
                       ("dialog-help", lambda: window.show_help("steps"))):
        try:
            made.append((name, make()))
        except TypeError:  # a dialog whose signature moved: the pages still get pictures
            continue
    return made


def render(outdir: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    from organizer.opening import open_store
    from ui.app import make_application
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.pages.section_page import SectionPage
    from ui.settings import Settings

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="organizer-shots-") as folder:
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"),
                                      QSettings.Format.IniFormat))
        app = make_application(settings)
        store = open_store(Path(folder) / "data")
        fill_example(store)
        window = MainWindow(AppContext(store), settings)
        window.resize(WIDTH, HEIGHT)
        window.show()
        for appearance, zoom in LOOKS:
            folder_out = outdir / f"{appearance}-{round(zoom * 100)}"
            folder_out.mkdir(parents=True, exist_ok=True)
            window.set_appearance(appearance)
            window.set_zoom(zoom)
            window.resize(WIDTH, HEIGHT)
            for key, tab in SHOTS:
                page = window.show_section(key)
                if tab is not None and page.sub_pages():
                    inner = page.sub_pages()[tab]
                    page.show_sub_page(inner)
                    page = inner
                if isinstance(page, SectionPage) and page.proxy.rowCount():
                    page.table.selectRow(0)
                _settle(app)
                written.append(_save(window, folder_out / f"{key}.png"))
            window.show_section("overview")
            for name, dialog in _dialogs(window, store):
                dialog.show()
                _settle(app)
                written.append(_save(dialog, folder_out / f"{name}.png"))
                dialog.close()
                dialog.deleteLater()
        window.set_appearance("light")
        window.set_zoom(1.0)
        from ui.screenshots_disc import shoot_disc_preview

        written.append(shoot_disc_preview(app, window, store, outdir, Path(folder),
                                          900))
        window.close()
        store.close()
    return written


SCAN_LINES = [
    "Lakeside Hospital Laboratory", "Patient: Rosa Example    Collected: 2026-01-12",
    "Complete blood count and chemistry", "",
    "Hemoglobin 11.2 g/dL 12.0-15.5 L", "White blood cells 6.8 10^3/uL 4.0-11.0",
    "Platelets 245 10^3/uL 150-400", "Glucose 131 mg/dL 70-99 H",
    "Creatinine 0.9 mg/dL 0.6-1.1", "",
    "Comentario: repetir la glucosa en ayunas en tres meses.",
    "Reviewed by the laboratory director.",
]


def _scanned_report(path: Path) -> Path:
    """A lab report as a phone or office scanner would give it: a JPEG, slightly turned."""
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter)
    for number, line in enumerate(SCAN_LINES):
        pdf.setFont("Helvetica-Bold" if number == 0 else "Helvetica", 14 if number == 0 else 11)
        pdf.drawString(72, 720 - number * 20, line)
    pdf.save()
    document = pdfium.PdfDocument(out.getvalue())
    image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    document.close()
    image = image.point(lambda v: int(35 + v * 0.8)).rotate(1.5, expand=True, fillcolor=235)
    image.save(path, "JPEG", quality=80, dpi=(200, 200))
    return path


def render_scan_text(outdir: Path) -> Path:
    """scan_text.png: the records page on a scanned report, its text read beside it."""
    from PySide6.QtCore import QSettings

    from organizer.opening import open_store
    from organizer.scan.read import read_pending
    from ui.app import make_application
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.settings import Settings

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="organizer-shots-") as folder:
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"),
                                      QSettings.Format.IniFormat))
        app = make_application(settings)
        store = open_store(Path(folder) / "data")
        person = store.add("person", {"full_name": "Rosa Example", "birth_date": "1951-04-12",
                                      "relationship": "mother"}).id
        record = store.add("record", {"title": "Blood tests, January", "kind": "lab",
                                      "dated_on": "2026-01-12", "source": "Lakeside Hospital"},
                           person_id=person).id
        store.attach_file(record, _scanned_report(Path(folder) / "blood tests scan.jpg"))
        read_pending(store)
        window = MainWindow(AppContext(store), settings)
        window.resize(1366, 768)
        window.show()
        window.show_section("records")
        page = window.records_page()
        page.show_item("record", record)
        page.side.setCurrentWidget(page.files_tab)
        page.splitter.setSizes([470, 896])
        page.preview_splitter.setSizes([400, 480])
        for _ in range(5):
            app.processEvents()
        path = outdir / "scan_text.png"
        window.grab().toImage().save(str(path))
        window.close()
        store.close()
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # an offscreen screen the size of a small laptop's (the default is 800x600): the
        # windows and dialogs size themselves from it, as on the laptop
        import json

        config = Path(tempfile.mkdtemp(prefix="organizer-screen-")) / "screen.json"
        config.write_text(json.dumps({"screens": [{
            "name": "laptop", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT,
            "logicalDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    for path in render(Path(args[0])):
        print(path)
    print(render_scan_text(Path(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
