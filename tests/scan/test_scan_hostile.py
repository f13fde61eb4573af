"""Hostile pictures and PDFs: a damaged, truncated or crafted file is only ever kept and
marked unreadable; the page reader never fails another way, and never decodes a bomb."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from organizer.scan.pages import Unreadable, pages_to_read
from organizer.scan.prepare import prepare
from tests.helpers.hostile import hostile_files


def _sample(kind: str) -> bytes:
    image = Image.new("L", (160, 90), 255)
    for x in range(10, 150, 7):
        for y in range(20, 70):
            image.putpixel((x, y), 0)
    out = io.BytesIO()
    if kind == "application/pdf":
        image.save(out, "PDF", resolution=100.0)
    elif kind == "image/tiff":
        image.save(out, "TIFF", save_all=True, append_images=[image], compression="tiff_lzw")
    else:
        image.save(out, {"image/png": "PNG", "image/jpeg": "JPEG"}[kind])
    return out.getvalue()


KINDS = ["image/png", "image/jpeg", "image/tiff", "application/pdf"]
SAMPLES = {kind: _sample(kind) for kind in KINDS}


def _read_all(data: bytes, kind: str) -> None:
    try:
        sources = pages_to_read(data, kind)
    except Unreadable:
        return
    for source in sources:
        try:
            image, dpi = source.load()
        except Unreadable:
            continue
        prepare(image, dpi)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_hostile_page_file_is_only_ever_unreadable(kind: str, data: st.DataObject) -> None:
    _read_all(data.draw(hostile_files(sample=SAMPLES[kind])), kind)


def test_a_png_declaring_a_huge_size_is_refused_unread() -> None:
    png = bytearray(SAMPLES["image/png"])
    # IHDR width and height (bytes 16-24) say 60000 x 60000; the CRC no longer matches
    png[16:24] = (60000).to_bytes(4, "big") * 2
    with pytest.raises(Unreadable):
        pages_to_read(bytes(png), "image/png")
