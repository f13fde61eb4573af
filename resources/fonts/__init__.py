"""The Unicode TrueType font of the PDF packet (DejaVu Sans; licence in LICENSE-DejaVu.txt)."""
