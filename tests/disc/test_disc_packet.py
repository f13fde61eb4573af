"""An imaging disc in the packet: the index of enclosures lists each study and says the
disc goes separately; the key images are enclosed as one page per study; the images copied
from the disc are left out without being called problems. Real PDFs, opened with pypdf."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from organizer.disc.index import read_disc
from organizer.disc.save import save_disc
from organizer.packet.build import build_packet
from tests.helpers.disc_samples import SeriesSpec, StudySpec, write_disc
from tests.helpers.packet_helpers import make_pdf

STUDIES = (
    StudySpec(),
    StudySpec(date="20231101", description="Chest CT", institution="City Clinic",
              series=(SeriesSpec("CT", "CHEST", "Lung window", 5, "MONOCHROME1", (-600, 1500)),
                      SeriesSpec("CT", "CHEST", "Soft tissue", 4))),
)


@pytest.fixture
def jane(store: Any) -> int:
    return int(store.add("person", {"full_name": "Jane Doe", "birth_date": "1950-03-02"}).id)


def packet_text(reader: PdfReader) -> str:
    """The packet's words, table cells' line breaks made spaces."""
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def test_the_index_lists_each_study_and_the_key_images_are_one_page_each(
        store: Any, jane: int, tmp_path: Path) -> None:
    disc = write_disc(tmp_path / "disc", STUDIES)
    saved = save_disc(store, jane, read_disc(disc), title="Scans on disc", copy_images=True)
    report = make_pdf(tmp_path / "report.pdf", "Radiology report", 1)
    store.attach_file(saved.record_id, report)
    out = tmp_path / "packet.pdf"
    result = build_packet(store, jane, out)
    reader = PdfReader(out)
    text = packet_text(reader)
    assert "1 Nov 2023 · CT, CHEST · Chest CT — 2 series, 9 images" in text
    assert "2 Mar 2024 · MR, HEAD · Brain MRI — 1 series, 3 images" in text
    assert "The disc itself goes separately" in text
    # Two study pages (each a picture) and the report's page; no DICOM copy is a problem.
    assert not result.problems
    enclosure_pages = list(reader.pages)[-3:]
    assert all("Enclosure 1" in (p.extract_text() or "") for p in enclosure_pages)
    assert "Index of enclosures" in (reader.pages[-4].extract_text() or "")
    pictures = [p for p in enclosure_pages if list(p.images)]
    assert len(pictures) == 2
    from PIL import Image

    sizes = []
    for page in pictures:
        with Image.open(io.BytesIO(page.images[0].data)) as shown:
            sizes.append(shown.size)
    # The chest CT study has two series side by side; the brain MRI one.
    assert sizes[0][0] > sizes[0][1] and sizes[1][0] == sizes[1][1]
    assert "Radiology report page 1" in text


def test_a_disc_that_stays_home_says_so(store: Any, jane: int, tmp_path: Path) -> None:
    saved = save_disc(store, jane, read_disc(write_disc(tmp_path / "disc")))
    store.update("record", saved.record_id, {"physical": False})
    out = tmp_path / "packet.pdf"
    build_packet(store, jane, out)
    text = packet_text(PdfReader(out))
    assert "The disc itself is not sent; only its key images are enclosed." in text


def test_the_key_images_can_be_left_out(store: Any, jane: int, tmp_path: Path) -> None:
    from organizer.packet.options import PacketOptions

    saved = save_disc(store, jane, read_disc(write_disc(tmp_path / "disc", STUDIES)))
    out = tmp_path / "packet.pdf"
    build_packet(store, jane, out, PacketOptions(disc_images=False))
    reader = PdfReader(out)
    text = packet_text(reader)
    assert "1 Nov 2023 · CT, CHEST · Chest CT — 2 series, 9 images" in text
    assert "The disc itself goes separately" in text
    assert not any(list(page.images) for page in reader.pages)
    assert "Enclosure 1" not in text
    store.update("record", saved.record_id, {"physical": False})
    build_packet(store, jane, out, PacketOptions(disc_images=False))
    assert "The disc itself is not sent." in packet_text(PdfReader(out))


def test_the_packet_dialog_offers_the_key_images_only_for_a_disc(
        qtbot: Any, store: Any, jane: int, tmp_path: Path) -> None:
    from ui.context import AppContext
    from ui.dialogs.packet_dialog import PacketDialog

    ctx = AppContext(store)
    ctx.set_person(jane)
    dialog = PacketDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.disc_images.isVisible()
    dialog.close()
    save_disc(store, jane, read_disc(write_disc(tmp_path / "disc")))
    dialog = PacketDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.disc_images.isVisible() and dialog.options().disc_images
    dialog.disc_images.setChecked(False)
    assert not dialog.options().disc_images
