"""Reading scanned pages (OCR): which pages need it, preparing them, reading them.

Nothing here is imported by the modules every command loads: Pillow, pypdfium2 and
tesserocr cost a noticeable part of a second, and `organizer people` must start quickly.
`organizer.scan.read.read_scan` is the entry point; the store only keeps what it returns.
"""

# The media types whose pages may be scans (a PDF's pages are looked at one by one).
SCANNABLE = ("image/jpeg", "image/png", "image/tiff", "image/heic", "application/pdf")
