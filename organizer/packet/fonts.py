"""The packet's font: DejaVu Sans, shipped in resources/fonts/ with its licence.

The 14 standard PDF fonts cannot show "Łukasz", "Ζωή" or "Дмитрий"; every word of the
packet and the printouts is set in this embedded TrueType font instead, so any name a user
can type prints (and copies out of the PDF) exactly as typed.
"""

from __future__ import annotations

from pathlib import Path

from organizer.errors import OrganizerError

REGULAR = "PacketSans"
BOLD = "PacketSans-Bold"
ITALIC = "PacketSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf",
          ITALIC: "DejaVuSans-Oblique.ttf"}
_registered = False


def fonts_dir() -> Path:
    import resources

    return Path(resources.__file__).resolve().parent / "fonts"


def register_fonts() -> None:
    """Register the font family with reportlab (once per process)."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = fonts_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception:  # reportlab raises TTFError or OSError for a missing/damaged file
            raise OrganizerError(f"The packet's font file {path} is missing or damaged, so no "
                                 "PDF can be made. Reinstalling the app puts it back.") from None
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)  # bold italic is never used; each font costs start-up time
    _registered = True
