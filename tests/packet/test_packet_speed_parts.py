"""The packet measures its text with reportlab's C accelerators (rl_accel), not with their
Python fallback, which reportlab uses silently when the accelerators are missing."""

from __future__ import annotations

import inspect

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfmetrics

from organizer.packet.fonts import REGULAR, register_fonts


def test_reportlab_measures_text_with_its_accelerators() -> None:
    assert inspect.isbuiltin(rl_accel.instanceStringWidthTTF), (
        "rl_accel is not installed: reportlab falls back to Python for every word")
    register_fonts()
    width = pdfmetrics.getFont(REGULAR).stringWidth("Zoë Παπαδοπούλου — Дмитрий", 9)
    assert 120 < width < 170  # (about 144 points in DejaVu Sans at 9 pt)
