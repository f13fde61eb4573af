"""Which pages of an attached file need reading, and their images.

An image file (JPEG, PNG, TIFF, each frame of a multi-page TIFF, a phone's HEIC photo)
is all scan. A PDF's
page needs reading only when it has no text layer of its own (a scanned PDF, or one
scanned page inside a typed report); it is rendered at 300 dpi with pdfium. Huge images
(a decompression bomb, or a 100-megapixel photo) are refused rather than decoded.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

RENDER_DPI = 300
MAX_PIXELS = 60_000_000     # a Letter page at 600 dpi is 34 Mpx; past this is not a page
MAX_PAGES = 500
_TEXT_LAYER_CHARS = 20      # a page with fewer characters of its own than this is a scan


class Unreadable(Exception):
    """The file cannot be decoded as pages (damaged, locked, or too large)."""


@dataclass(frozen=True)
class ScanSource:
    """One page to read: its number in the file (from 1) and how to get its image."""

    number: int
    load: Callable[[], tuple[Image.Image, float | None]]  # the image and its dpi, if known


def pages_to_read(data: bytes, media_type: str) -> list[ScanSource]:
    """The pages of a file that have no text of their own, in order (lazy images)."""
    if media_type == "application/pdf":
        return _pdf_pages(data)
    if media_type.startswith("image/"):
        return _image_pages(data)
    return []


def open_image(data: bytes) -> Image.Image:
    """The picture in `data` (HEIC too), or Unreadable; nothing over MAX_PIXELS is decoded."""
    if data[4:8] == b"ftyp":
        _heif_opener()
    with warnings.catch_warnings():
        # Pillow warns about corrupt EXIF and such: for us that is just a damaged file
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise Unreadable("the picture is too large to be a page") from None
        except Exception as exc:  # Pillow raises many kinds on crafted files: all "damaged"
            raise Unreadable(f"the picture cannot be opened ({exc})") from None
    if image.width * image.height > MAX_PIXELS:
        raise Unreadable("the picture is too large to be a page")
    return image


def _heif_opener() -> None:
    """Teach Pillow HEIC (pi-heif: libheif and libde265, LGPL, decoding only), once."""
    global _heif_ready
    if not _heif_ready:
        from pi_heif import register_heif_opener

        register_heif_opener()
        _heif_ready = True


_heif_ready = False


def _image_pages(data: bytes) -> list[ScanSource]:
    image = open_image(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frames = int(getattr(image, "n_frames", 1))  # a TIFF walks its pages to count
    except Exception as exc:  # a crafted page list: damaged, whatever Pillow calls it
        raise Unreadable(f"the pages of the picture cannot be counted ({exc})") from None

    def loader(index: int) -> Callable[[], tuple[Image.Image, float | None]]:
        def load() -> tuple[Image.Image, float | None]:
            image = open_image(data)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    image.seek(index)
                    image.load()
            except Exception as exc:  # as above: a damaged page, whatever Pillow calls it
                raise Unreadable(f"page {index + 1} cannot be decoded ({exc})") from None
            if image.width * image.height > MAX_PIXELS:
                raise Unreadable(f"page {index + 1} is too large to be a page")
            return image, _dpi(image)
        return load

    return [ScanSource(i + 1, loader(i)) for i in range(min(frames, MAX_PAGES))]


def _dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        return float(dpi[0]) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None


def _pdf_pages(data: bytes) -> list[ScanSource]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise Unreadable(f"the PDF cannot be opened ({exc})") from None
    sources: list[ScanSource] = []
    try:
        for index in range(min(len(document), MAX_PAGES)):
            try:
                page = document[index]
                text_page = page.get_textpage()
                own_text = text_page.get_text_range()
                text_page.close()
                width, height = page.get_size()
                page.close()
            except pdfium.PdfiumError:  # a damaged page: counted as one that failed
                sources.append(ScanSource(index + 1, _broken(index)))
                continue
            if len(own_text.strip()) >= _TEXT_LAYER_CHARS:
                continue
            if width * height * (RENDER_DPI / 72) ** 2 > MAX_PIXELS:
                continue  # a poster-sized page: not a scanned letter
            sources.append(ScanSource(index + 1, _pdf_loader(data, index)))
    finally:
        document.close()
    return sources


def _pdf_loader(data: bytes, index: int) -> Callable[[], tuple[Image.Image, float | None]]:
    def load() -> tuple[Image.Image, float | None]:
        import pypdfium2 as pdfium

        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise Unreadable(f"the PDF cannot be opened ({exc})") from None
        try:
            page = document[index]
            image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
            page.close()
        except pdfium.PdfiumError as exc:
            raise Unreadable(f"page {index + 1} cannot be drawn ({exc})") from None
        finally:
            document.close()
        return image, float(RENDER_DPI)
    return load


def _broken(index: int) -> Callable[[], tuple[Image.Image, float | None]]:
    def load() -> tuple[Image.Image, float | None]:
        raise Unreadable(f"page {index + 1} is damaged")
    return load
