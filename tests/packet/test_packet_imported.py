"""An import's kept JSON/XML file is bookkeeping: the default packet leaves it out instead
of listing an enclosure that "could not be included"; picked by hand, it is listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from organizer.items.models import Attachment, Record
from organizer.opening import open_store
from organizer.packet.options import in_packet_by_default

MESSY = Path(__file__).resolve().parents[1] / "data" / "fhir_messy_bundle.json"


def _text(path: Path) -> str:
    """The packet's words, with line breaks as plain spaces."""
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages
                             ).split())


def _imported(cli: Callable[..., Any], data_dir: Path) -> int:
    assert cli("add", "person", "full_name=Zofia Nowak-Testowa").returncode == 0
    done = cli("import", str(MESSY), "--person", "1")
    assert done.returncode == 0, done.stderr
    with open_store(data_dir) as store:
        [kept] = [r for r in store.list_items("record", 1)
                  if isinstance(r, Record) and r.kind == "imported"]
        assert kept.attachments[0].filename == MESSY.name
        return kept.id


def test_default_packet_leaves_out_the_kept_file(cli: Callable[..., Any], data_dir: Path,
                                                 tmp_path: Path) -> None:
    _imported(cli, data_dir)
    out = tmp_path / "packet.pdf"
    done = cli("packet", "--person", "1", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = _text(out)
    assert MESSY.name not in text  # neither listed nor noticed as "could not be included"
    assert "biopsy.pdf" in text  # the imported report (with its own file) is still there
    assert MESSY.name not in done.stdout + done.stderr


def test_picked_by_hand_the_kept_file_is_listed(cli: Callable[..., Any], data_dir: Path,
                                                tmp_path: Path) -> None:
    kept = _imported(cli, data_dir)
    out = tmp_path / "packet.pdf"
    done = cli("packet", "--person", "1", "-o", str(out), "--records", str(kept))
    assert done.returncode == 0, done.stderr
    assert f"{MESSY.name} could not be included" in _text(out)


def _record(kind: str, *media: str) -> Record:
    files = tuple(Attachment(n, 1, f"f{n}", m, 1, "0" * 64, "none", "")
                  for n, m in enumerate(media, start=1))
    return Record(id=1, person_id=1, title="x", kind=kind, attachments=files)


def test_which_records_go_in_by_default() -> None:
    assert not in_packet_by_default(_record("imported", "application/json"))
    assert not in_packet_by_default(_record("imported", "application/xml", "text/plain"))
    assert in_packet_by_default(_record("imported"))  # a section's words kept as a record
    assert in_packet_by_default(_record("imported", "application/json", "application/pdf"))
    assert in_packet_by_default(_record("imported", "image/png"))
    assert in_packet_by_default(_record("lab", "application/json"))
