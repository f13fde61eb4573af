"""Reading scanned pages (OCR): which pages need it, preparing them, reading them.

Nothing here is imported by the modules every command loads: Pillow, pypdfium2 and
tesserocr cost a noticeable part of a second, and `organizer people` must start quickly.
`organizer.scan.read.read_scan` is the entry point; the store only keeps what it returns.
"""

from organizer.storage.attachments import SCANNABLE

__all__ = ["SCANNABLE"]
