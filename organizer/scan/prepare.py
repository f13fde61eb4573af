"""Preparing a page as a scanner app would before it is read.

A phone photo or a fax is rarely what Tesseract reads best: it may lie on its side, be a
few degrees askew, grey on grey, or scanned at 100-200 dpi. `prepare` turns any page into
an upright, straight, high-contrast greyscale image at about 300 dpi. Pillow only: no
numpy, no OpenCV. Orientation (quarter turns) needs the OCR engine's script detection,
so the caller passes it in as a function.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter, ImageOps

TARGET_DPI = 300
# A page whose resolution is unknown is taken as this wide (a Letter or A4 page, in inches).
PAGE_WIDTH_INCHES = 8.3
MAX_UPSCALE = 3.0
_SKEW_WIDTH = 480          # pixels: the small copy the skew is measured on
_SKEW_RANGE = 10.0         # degrees either way; a page more askew than that is not "skewed"


@dataclass(frozen=True)
class PreparedPage:
    """The image to read, and what was done to get it (kept with the page's text)."""

    image: Image.Image
    rotation: int      # quarter turn applied, degrees counter-clockwise (0, 90, 180, 270)
    skew: float        # degrees the page was turned back to be straight
    scale: float       # how much it was enlarged (1.0: not at all)


def prepare(image: Image.Image, dpi: float | None = None,
            orientation: Callable[[Image.Image], int] | None = None) -> PreparedPage:
    """An upright, straight, contrasted greyscale page at about TARGET_DPI."""
    gray = ImageOps.exif_transpose(image) if "exif" in image.info else image
    # Contrast at the page's own size (the filters cost a quarter of what they would
    # after enlarging), then enlarged: the smooth resampling also rounds a fax's jaggies.
    gray = normalise_contrast(_to_gray(gray), despeckle=image.mode == "1")
    scale = upscale_factor(gray.width, dpi)
    if scale > 1.05:
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)),
                           Image.Resampling.LANCZOS)
    else:
        scale = 1.0
    # Straightened first: script detection is unsure on a page a few degrees askew.
    skew = detect_skew(gray)
    if abs(skew) >= 0.1:
        # bilinear: a third of bicubic's time, and the same reading at 300 dpi
        gray = gray.rotate(skew, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    page = PreparedPage(image=gray, rotation=0, skew=round(skew, 2), scale=round(scale, 2))
    return turn(page, orientation(gray)) if orientation is not None else page


def turn(page: PreparedPage, rotation: int) -> PreparedPage:
    """The page turned by a quarter turn (degrees counter-clockwise), when it lay wrong."""
    rotation %= 360
    if not rotation:
        return page
    return PreparedPage(image=page.image.rotate(rotation, expand=True, fillcolor=255),
                        rotation=(page.rotation + rotation) % 360, skew=page.skew,
                        scale=page.scale)


def _to_gray(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        # transparency over white, as the page would look printed
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("L")


def upscale_factor(width: int, dpi: float | None) -> float:
    """How much to enlarge a page so its text is about TARGET_DPI (never more than 3x).

    A fax is 100-200 dpi and a small phone picture has few pixels per letter; Tesseract
    reads letters best at 20-30 pixels high, which 300 dpi gives for ordinary print.
    """
    if dpi is None or dpi <= 72 or dpi > 1200:  # missing, or a camera's meaningless 72
        dpi = width / PAGE_WIDTH_INCHES
    if dpi >= TARGET_DPI * 0.85:
        return 1.0
    return min(MAX_UPSCALE, TARGET_DPI / dpi)


def normalise_contrast(gray: Image.Image, despeckle: bool = False) -> Image.Image:
    """Even out the lighting (a shadow across a phone photo) and stretch to black and white.

    The background is estimated by a wide maximum filter on a small copy (text is thin and
    dark, so it disappears); subtracting the page from it leaves ink on an even white.
    With `despeckle` (a fax: one bit per pixel, where dust and line noise are black dots)
    a 3x3 median removes lone dots; on a grey page it would cost more than the reading
    gains, since Tesseract's own thresholding copes with grain. The stretch then
    maps the paper (the median pixel: most of a page is paper) to white and the darkest
    0.05% (ink, even on a page of three lines) to black; a stretch by percentiles of both
    ends would turn the grain of a sparse page into ink.
    """
    small = gray.reduce(8) if min(gray.size) >= 80 else gray
    background = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(4))
    background = background.resize(gray.size, Image.Resampling.BILINEAR)
    flat = ImageChops.invert(ImageChops.subtract(background, gray))
    if despeckle:
        flat = flat.filter(ImageFilter.MedianFilter(3))
    histogram = flat.histogram()
    black, paper = _percentile(histogram, 0.0005), _percentile(histogram, 0.5)
    if paper - black < 32:  # a blank page, or one without contrast to find
        return flat
    scale = 255.0 / (paper - black)
    return flat.point([max(0, min(255, round((v - black) * scale))) for v in range(256)])


def _percentile(histogram: list[int], share: float) -> int:
    wanted = share * sum(histogram)
    seen = 0
    for value, count in enumerate(histogram):
        seen += count
        if seen >= wanted:
            return value
    return 255


def detect_skew(gray: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that makes the text lines horizontal.

    Projection profile: when the lines are level, the rows of the page alternate sharply
    between ink and gaps, so the sum of squared differences between neighbouring rows'
    ink is at its largest. Columns count too, so that a page lying on its side (lines
    running down the image) is straightened as well, before its quarter turn is found.
    Tried over ±10° in 2° steps, then ±1° around the best in 0.25° steps, on a small
    copy (a row's mean ink comes from resizing it to one pixel wide).
    """
    factor = max(1, gray.width // _SKEW_WIDTH)
    small = gray.reduce(factor) if factor > 1 else gray
    ink = small.point(lambda v: 255 if v < 128 else 0)

    def score(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
        columns = turned.resize((turned.width, 1), Image.Resampling.BOX).tobytes()
        return float(_roughness(rows) + _roughness(columns))

    coarse = [float(a) for a in range(-int(_SKEW_RANGE), int(_SKEW_RANGE) + 1, 2)]
    best = max(coarse, key=score)
    fine = [best + step / 4 for step in range(-4, 5)]
    return max(fine, key=score)


def _roughness(values: bytes) -> int:
    return sum((a - b) ** 2 for a, b in itertools.pairwise(values))
