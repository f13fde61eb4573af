"""The OCR engine: Tesseract through tesserocr, in English and Spanish, offline.

tesserocr's wheels carry Tesseract and Leptonica themselves (no Debian build of the
engine is needed, and the engine runs in this process: no program is started per page).
The language data are not in the wheel: they come from Debian's tesseract-ocr-eng,
tesseract-ocr-spa and tesseract-ocr-osd packages (the README's set-up and .ci/run install
them), or from a `tessdata` folder shipped beside the app. Nothing is ever downloaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from PIL import Image

from organizer.errors import OrganizerError

LANGUAGES = ("eng", "spa")
_TESSDATA_PLACES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# Script detection below this confidence is a guess; the page is then left as it is.
_MIN_ORIENTATION_CONFIDENCE = 2.0


MISSING_DATA = ("Scanned pages cannot be read on this computer: the English and Spanish "
                "reading data are missing. Install the packages tesseract-ocr-eng and "
                "tesseract-ocr-spa (see the README); the files are kept and are read when "
                "the app next reads files.")


class OcrUnavailable(OrganizerError):
    """The engine or its English and Spanish data are not installed."""


@dataclass(frozen=True)
class PageReading:
    """What the engine read on one prepared page."""

    text: str
    confidence: float  # Tesseract's mean word confidence, 0-100


def tessdata_dir() -> Path:
    """The folder holding eng.traineddata and spa.traineddata, or OcrUnavailable.

    Looked for, in order: ORGANIZER_TESSDATA, a `tessdata` folder beside the installed
    app (a packaged build ships one), TESSDATA_PREFIX, then the Debian and usual places.
    With ORGANIZER_TESSDATA_ONLY=1 only ORGANIZER_TESSDATA counts (a packaged build that
    must use its own data; the tests, to be a computer without them).
    """
    own = os.environ.get("ORGANIZER_TESSDATA")
    candidates = [Path(own)] if own else []
    if os.environ.get("ORGANIZER_TESSDATA_ONLY") != "1":
        candidates.append(Path(__file__).resolve().parents[2] / "tessdata")
        if os.environ.get("TESSDATA_PREFIX"):
            candidates.append(Path(os.environ["TESSDATA_PREFIX"]))
        candidates += [Path(p) for p in _TESSDATA_PLACES]
    for folder in candidates:
        if all((folder / f"{lang}.traineddata").is_file() for lang in LANGUAGES):
            return folder
    raise OcrUnavailable(MISSING_DATA)


class Engine:
    """One Tesseract instance (reused page after page; one per thread).

    Use as a context manager; `read(image)` reads a prepared page, `orientation(image)`
    says the quarter turn (0, 90, 180 or 270 degrees counter-clockwise) that makes it upright.
    """

    def __init__(self, languages: tuple[str, ...] = LANGUAGES) -> None:
        try:
            import tesserocr
        except ImportError:
            raise OcrUnavailable(
                "Scanned pages cannot be read on this computer: the reading engine "
                "(tesserocr) is not installed. Reinstall the organizer, then attach the "
                "file again.") from None
        folder = tessdata_dir()
        self._tesserocr: Any = tesserocr
        self._path = str(folder) + os.sep
        try:
            self._api: Any = tesserocr.PyTessBaseAPI(
                path=self._path, lang="+".join(languages), psm=tesserocr.PSM.AUTO,
                oem=tesserocr.OEM.LSTM_ONLY)
        except RuntimeError as exc:
            raise OcrUnavailable(f"The reading engine could not start ({exc}). Reinstall the "
                                 "packages tesseract-ocr-eng and tesseract-ocr-spa.") from None
        self._osd: Any = None
        self._has_osd = (folder / "osd.traineddata").is_file()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._api.End()
        if self._osd is not None:
            self._osd.End()
            self._osd = None

    def read(self, image: Image.Image) -> PageReading:
        self._api.SetImage(image)
        text = self._api.GetUTF8Text() or ""
        confidence = float(self._api.MeanTextConf()) if text.strip() else 0.0
        self._api.Clear()
        return PageReading(text=_tidy(text), confidence=max(0.0, min(100.0, confidence)))

    def orientation(self, image: Image.Image) -> int:
        """Degrees counter-clockwise to turn the page upright (0 when unsure, or without
        the osd data)."""
        if not self._has_osd:
            return 0
        if self._osd is None:
            tesserocr = self._tesserocr
            self._osd = tesserocr.PyTessBaseAPI(path=self._path, lang="osd",
                                                psm=tesserocr.PSM.OSD_ONLY)
        self._osd.SetImage(image)  # at full size: a reduced page gives unsure answers
        try:
            found = self._osd.DetectOrientationScript()
        except RuntimeError:
            found = None
        finally:
            self._osd.Clear()
        if not found or found.get("orient_conf", 0.0) < _MIN_ORIENTATION_CONFIDENCE:
            return 0
        return int(found.get("orient_deg", 0)) % 360


def _tidy(text: str) -> str:
    """Tesseract's text without its trailing form feed and runs of blank lines."""
    lines = [line.rstrip() for line in text.replace("\x0c", "").splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
