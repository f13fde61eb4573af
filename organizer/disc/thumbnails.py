"""A key image as a picture: one DICOM image, windowed as its header says, as a PNG.

A CT or MR image holds 12 to 16 bits per pixel; a screen shows 8. The header says how to
map one to the other: the rescale slope and intercept (to Hounsfield units for CT), then
the window (centre and width) the radiologist chose. Without a window the picture is
stretched between its 0.5th and 99.5th percentiles. MONOCHROME1 means "0 is white"
(common for X-rays), so it is inverted after windowing. Colour images are kept as they
are. A multi-frame image shows its middle frame, and only that frame is decoded.

Before any pixel is decoded, the declared size is checked: a header claiming a
100,000 x 100,000 image is refused instead of asking for gigabytes of memory.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

from organizer.errors import OrganizerError
from organizer.formats import format_number
from organizer.i18n import _

MAX_PIXEL_BYTES = 512 * 1024 * 1024  # what one decoded frame may take
THUMBNAIL_SIZE = 768                 # the longer side of a key image, in pixels


class ImageNotShownError(OrganizerError):
    """A DICOM image that cannot be turned into a picture (the reason is the message)."""


def key_image(path: Path, size: int = THUMBNAIL_SIZE) -> bytes:
    """The image at `path` as PNG bytes, at most `size` pixels on its longer side."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _render(path, size)
        except ImageNotShownError:
            raise
        except Exception:  # a value in the header that breaks pydicom when it is read
            raise ImageNotShownError(_("the file is damaged and cannot be shown")) from None


def _render(path: Path, size: int) -> bytes:
    import numpy as np
    import pydicom
    from PIL import Image

    try:
        header = pydicom.dcmread(path, stop_before_pixels=True)
    except Exception:
        raise ImageNotShownError(_("the file is damaged or cut short")) from None
    frames = _check_size(header)
    if "PixelData" not in header and not _has_pixel_tag(path):
        raise ImageNotShownError(_("it holds no image (a report or a list, not a picture)"))
    try:
        from pydicom.pixels.utils import pixel_array

        pixels = pixel_array(str(path), index=frames // 2 if frames > 1 else None)
    except Exception as exc:
        raise ImageNotShownError(_decode_problem(header, exc)) from None
    if frames > 1 and pixels.ndim == 4:  # a decoder that ignored `index`
        pixels = pixels[frames // 2]
    photometric = str(header.get("PhotometricInterpretation", "")).upper()
    if photometric == "PALETTE COLOR":
        from pydicom.pixels.processing import apply_color_lut

        pixels = apply_color_lut(pixels, header)
    if pixels.ndim == 3 and pixels.shape[-1] in (3, 4):
        picture = _to_8bit_colour(np, pixels)
        image = Image.fromarray(picture[..., :3], "RGB")
    elif pixels.ndim == 2:
        grey = window(np, pixels.astype("float64"), header)
        if photometric == "MONOCHROME1":
            grey = 255 - grey
        image = Image.fromarray(grey, "L")
    else:
        raise ImageNotShownError(_("its image has a shape that cannot be shown"))
    image.thumbnail((size, size))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def _has_pixel_tag(path: Path) -> bool:
    import pydicom

    try:
        return "PixelData" in pydicom.dcmread(path, specific_tags=["PixelData"], defer_size=64)
    except Exception:
        return False


def _check_size(header: Any) -> int:
    """The number of frames; refuses a declared size no real image has."""
    def number(name: str, default: int) -> int:
        try:
            return int(header.get(name, default) or default)
        except (TypeError, ValueError):
            return default

    rows, columns = number("Rows", 0), number("Columns", 0)
    frames = max(number("NumberOfFrames", 1), 1)
    samples = max(number("SamplesPerPixel", 1), 1)
    bits = max(number("BitsAllocated", 16), 1)
    if rows <= 0 or columns <= 0:
        raise ImageNotShownError(_("its header gives no image size"))
    if rows * columns * samples * max(bits // 8, 1) > MAX_PIXEL_BYTES or frames > 100_000:
        raise ImageNotShownError(_("its header declares an image of {columns} x {rows} "
                                   "pixels, too large to be real; it was not opened").format(
                                       columns=format_number(columns),
                                       rows=format_number(rows)))
    return frames


def _decode_problem(header: Any, exc: Exception) -> str:
    syntax = getattr(getattr(header, "file_meta", None), "TransferSyntaxUID", None)
    name = getattr(syntax, "name", None) or str(syntax or "unknown")
    said = str(exc).lower()
    if isinstance(exc, EOFError) or any(w in said for w in (
            "not enough", "truncat", "reshape", "end of file", "insufficient", "too short")):
        return _("its image is cut short")
    return _("its image is stored in a way that cannot be read ({name})").format(name=name)


def window(np: Any, pixels: Any, header: Any) -> Any:
    """Grey values 0-255 from raw pixels: rescale, then the header's window (DICOM PS3.3
    C.11.2.1.2, linear), else a percentile stretch."""
    slope = _first_float(header.get("RescaleSlope"), 1.0)
    intercept = _first_float(header.get("RescaleIntercept"), 0.0)
    values = pixels * slope + intercept
    centre = _first_float(header.get("WindowCenter"), None)
    width = _first_float(header.get("WindowWidth"), None)
    if centre is not None and width is not None and width >= 1:
        low = centre - 0.5 - (width - 1) / 2
        high = centre - 0.5 + (width - 1) / 2
    else:
        low, high = (float(v) for v in np.percentile(values, [0.5, 99.5]))
    if high <= low:
        high = low + 1
    scaled = (values - low) / (high - low)
    return (np.clip(scaled, 0.0, 1.0) * 255 + 0.5).astype("uint8")


def _first_float(value: Any, default: float | None) -> Any:
    if value is None:
        return default
    try:
        if not isinstance(value, (str, bytes)) and hasattr(value, "__len__"):
            value = value[0]
        return float(value)
    except (TypeError, ValueError, IndexError):
        return default


def _to_8bit_colour(np: Any, pixels: Any) -> Any:
    if pixels.dtype == np.uint8:
        return pixels
    values = pixels.astype("float64")
    top = float(values.max()) or 1.0
    return (np.clip(values / top, 0.0, 1.0) * 255 + 0.5).astype("uint8")


def study_sheet(pictures: list[bytes], cell: int = THUMBNAIL_SIZE) -> bytes:
    """Several key images (PNG bytes) side by side on one picture, as a light box shows
    them: as square a grid as fits, each image centred in its cell, on black."""
    import math

    from PIL import Image

    count = max(len(pictures), 1)
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    gap = cell // 32
    sheet = Image.new("RGB", (columns * cell + (columns + 1) * gap,
                              rows * cell + (rows + 1) * gap), "black")
    for number, data in enumerate(pictures):
        with Image.open(io.BytesIO(data)) as opened:
            picture = opened.convert("RGB")
        picture.thumbnail((cell, cell))
        row, column = divmod(number, columns)
        x = gap + column * (cell + gap) + (cell - picture.width) // 2
        y = gap + row * (cell + gap) + (cell - picture.height) // 2
        sheet.paste(picture, (x, y))
    out = io.BytesIO()
    sheet.save(out, "PNG")
    return out.getvalue()
