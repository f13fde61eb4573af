"""Key images: windowed as the header says, MONOCHROME1 inverted, the middle frame of a
multi-frame image, every permissively licensed decoder working, and bad images refused
in words before any memory is spent on them."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from organizer.disc.thumbnails import ImageNotShownError, key_image
from tests.helpers.disc_samples import (
    cut_short,
    declare_huge,
    image,
    ramp,
    shipped,
    unknown_compression,
)


def picture(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as opened:
        assert opened.format == "PNG"
        return np.asarray(opened.convert("L"))


def written(tmp_path: Path, **kwargs: object) -> Path:
    path = tmp_path / "image.dcm"
    image(study_uid="1.2.3", series_uid="1.2.3.1", number=1, **kwargs).save_as(  # type: ignore[arg-type]
        path, enforce_file_format=True)
    return path


def linear_window(values: np.ndarray, centre: float, width: float) -> np.ndarray:
    """DICOM PS3.3 C.11.2.1.2.1, written out independently of the code under test."""
    low = centre - 0.5 - (width - 1) / 2
    return np.clip((values - low) / (width - 1), 0, 1) * 255


def test_the_header_window_maps_the_ramp(tmp_path: Path) -> None:
    # Pixels run 0..2000 across; the window 1000 +/- 100 leaves most of the row black or white.
    row = picture(key_image(written(tmp_path, window=(1000.0, 200.0))))[0].astype(float)
    expected = linear_window(ramp()[0].astype(float), 1000, 200)
    assert np.abs(row - expected).max() <= 1
    assert row[0] == 0 and row[-1] == 255 and 0 < row[15] < row[16] < 255


def test_monochrome1_is_inverted(tmp_path: Path) -> None:
    grey = picture(key_image(written(tmp_path, photometric="MONOCHROME1", window=None)))
    assert grey[0, 0] == 255 and grey[0, -1] == 0


def test_without_a_window_the_picture_is_stretched(tmp_path: Path) -> None:
    grey = picture(key_image(written(tmp_path, window=None)))
    assert grey[0, 0] <= 3 and grey[0, -1] >= 252
    assert 100 <= grey[0, 16] <= 160


def test_rescale_slope_and_intercept_come_before_the_window(tmp_path: Path) -> None:
    path = tmp_path / "ct.dcm"
    ds = image(study_uid="1.2.3", series_uid="1.2.3.1", number=1, modality="CT",
               window=(0.0, 200.0))
    ds.RescaleIntercept = -1000  # raw 1000 is 0 HU: the middle of the window
    ds.RescaleSlope = 1
    ds.save_as(path, enforce_file_format=True)
    row = picture(key_image(path))[0].astype(float)
    assert np.abs(row - linear_window(ramp()[0] - 1000.0, 0, 200)).max() <= 1


def test_a_multi_frame_image_shows_its_middle_frame(tmp_path: Path) -> None:
    frames = np.stack([np.full((16, 16), v, np.uint16) for v in (0, 1000, 2000)])
    path = tmp_path / "multi.dcm"
    ds = image(study_uid="1.2.3", series_uid="1.2.3.1", number=1, pixels=frames,
               window=(1000.0, 2000.0))
    ds.save_as(path, enforce_file_format=True)
    grey = picture(key_image(path))
    assert grey.min() >= 120 and grey.max() <= 135


def test_the_key_image_is_small(tmp_path: Path) -> None:
    path = tmp_path / "big.dcm"
    pixels = np.tile(np.arange(1024, dtype=np.uint16), (800, 1))
    image(study_uid="1.2.3", series_uid="1.2.3.1", number=1, pixels=pixels).save_as(
        path, enforce_file_format=True)
    with Image.open(io.BytesIO(key_image(path, size=256))) as opened:
        assert max(opened.size) == 256 and opened.size == (256, 200)


@pytest.mark.parametrize("name", [
    "MR_small_RLE.dcm",                # RLE Lossless (pylibjpeg-rle / pydicom)
    "MR_small_jp2klossless.dcm",       # JPEG 2000 lossless (pylibjpeg-openjpeg)
    "MR_small_jpeg_ls_lossless.dcm",   # JPEG-LS lossless (python-gdcm)
    "MR_small_bigendian.dcm",
    "MR_small_implicit.dcm",
])
def test_lossless_compressions_decode_to_the_same_picture(name: str) -> None:
    assert np.array_equal(picture(key_image(shipped(name))),
                          picture(key_image(shipped("MR_small.dcm"))))


@pytest.mark.parametrize("name", [
    "SC_rgb_jpeg_gdcm.dcm",   # JPEG Lossless, Process 14 (python-gdcm)
    "JPEG2000.dcm",           # JPEG 2000 (pylibjpeg-openjpeg)
    "SC_rgb_rle_2frame.dcm",  # colour, two frames
    "CT_small.dcm",
])
def test_other_compressions_and_colour_decode(name: str) -> None:
    grey = picture(key_image(shipped(name)))
    assert grey.size > 0 and grey.max() > grey.min()


def test_a_truncated_image_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(ImageNotShownError, match="cut short"):
        key_image(shipped("MR_truncated.dcm"))
    path = written(tmp_path)
    cut_short(path, path.stat().st_size - 100)
    with pytest.raises(ImageNotShownError, match="cut short"):
        key_image(path)


def test_a_huge_declared_size_is_refused_before_decoding(tmp_path: Path) -> None:
    path = written(tmp_path)
    declare_huge(path)
    with pytest.raises(ImageNotShownError, match="60,000 x 60,000 pixels, too large"):
        key_image(path)


def test_an_unknown_compression_is_named(tmp_path: Path) -> None:
    path = written(tmp_path)
    unknown_compression(path)
    with pytest.raises(ImageNotShownError, match=r"cannot be read \(MPEG2"):
        key_image(path)


def test_a_file_that_is_not_dicom_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not an image")
    with pytest.raises(ImageNotShownError, match="damaged or cut short"):
        key_image(path)
