"""Long values on paper: every text field of every item type filled with 1,500 or 100,000
characters still gives a packet and every printout (rows split across pages, the longest
text cut with "… continued in the record"), made by the real command line and opened
with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from organizer.opening import open_store
from organizer.packet.text import BODY_LIMIT, CELL_LIMIT, CONTINUED, clip, markup
from tests.helpers.cli import run_cli
from tests.helpers.long_values import fill_every_text_field
from tests.helpers.packet_helpers import build_household

# (arguments after `packet --person 1`, the output's name)
OUTPUTS = [
    (["--case", "1"], "packet.pdf"),
    (["--case", "1", "--printout", "medications"], "medications.pdf"),
    (["--case", "1", "--printout", "questions"], "questions.pdf"),
    (["--printout", "visit-summary", "--visit", "1"], "visit.pdf"),
    (["--printout", "request-letter", "--request", "1"], "letter.pdf"),
]






@pytest.fixture(scope="module", params=[1500, 100_000], ids=["1500", "100000"])
def long_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
               ) -> tuple[Path, int, int]:
    folder = tmp_path_factory.mktemp(f"long{request.param}")
    with open_store(folder / "data") as store:
        household = build_household(store, folder / "src")
        filled = fill_every_text_field(store, household.person_id, request.param)
    assert filled > 150
    return folder, request.param, filled


@pytest.mark.parametrize(("args", "name"), OUTPUTS, ids=[n for _, n in OUTPUTS])
def test_every_output_is_made_with_long_values(long_store: tuple[Path, int, int],
                                               args: list[str], name: str) -> None:
    folder, size, filled = long_store
    output = folder / name
    done = run_cli("packet", "--person", "1", *args, "-o", str(output),
                   data_dir=folder / "data", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "LayoutError" not in done.stderr
    reader = PdfReader(output)
    assert len(reader.pages) > 1
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Wordy Wordy" in text
    if size > CELL_LIMIT[0]:
        # Cut, and saying where the rest is.
        assert CONTINUED in text
        # Each value printed at most once or twice, and cut: nowhere near all it holds.
        assert len(text) < filled * size / 20


def test_clip_cuts_at_a_word_and_says_so() -> None:
    text = "alpha " * 1000
    cut = clip(text, (100, 10))
    assert cut.endswith(" " + CONTINUED)
    assert len(cut) <= 100 + len(CONTINUED) + 1
    assert cut[: -len(CONTINUED) - 1].split(" ")[-1] == "alpha"  # no half word
    assert clip("short", (100, 10)) == "short"


def test_clip_counts_lines_as_well_as_characters() -> None:
    text = "\n".join(f"line {n}" for n in range(500))
    cut = clip(text, (10_000, 20))
    assert cut.count("\n") == 19 and cut.endswith(CONTINUED)
    assert "line 19" in cut and "line 20" not in cut


def test_markup_bounds_every_value_and_still_escapes() -> None:
    huge = "<b>&" * 50_000
    marked = markup(huge)
    assert "<b>" not in marked and "&lt;b&gt;&amp;" in marked
    assert marked.endswith(CONTINUED)
    assert len(marked) < BODY_LIMIT[0] * 5
