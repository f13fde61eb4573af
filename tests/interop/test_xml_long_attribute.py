"""One 50 MB attribute in a C-CDA file: read with a bounded number of feeds (expat 2.5
rescans a token spanning feeds from its start on every feed, so ET.iterparse's 16 KiB
feeds made it minutes), and imported by the real command line.
The time itself is in tests/benchmarks/test_long_values_bench.py."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from organizer.interop import xmlsafe
from tests.helpers.long_values import ATTRIBUTE, long_attribute_ccda

DATA = Path(__file__).resolve().parents[1] / "data"




class CountingReader(io.RawIOBase):
    """A file read through, counting how often the parser asks for more."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 (closed in close())
        self.reads = 0

    def read(self, size: int = -1) -> bytes:
        self.reads += 1
        return self._file.read(size)

    def close(self) -> None:
        self._file.close()
        super().close()


def test_a_50_mb_attribute_takes_few_feeds(tmp_path: Path) -> None:
    path = long_attribute_ccda(tmp_path)
    source = CountingReader(path)
    try:
        telecoms = [element.get("value", "") for event, element in
                    xmlsafe._events(source, path.name)  # type: ignore[arg-type]
                    if event == "end" and xmlsafe.local(element.tag) == "telecom"]
    finally:
        source.close()
    assert len(telecoms[0]) == len("tel:555 ") + ATTRIBUTE
    # 16 KiB feeds would be ~3,000; growing feeds need a few dozen.
    assert source.reads < 40, source.reads


@pytest.mark.slow
def test_a_file_with_a_50_mb_attribute_imports(tmp_path: Path, cli: Callable[..., Any]) -> None:
    path = long_attribute_ccda(tmp_path)
    done = cli("import", str(path), "--new-person", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Olga Testperson" in done.stdout
