"""The packet: the PDF a patient brings to (or sends ahead to) the second doctor.

Modules, from the data inward:
  options.py     what to include, paper size (from the locale), password
  snapshot.py    an immutable copy of one person's data, read from a Store
  text.py        dates, amounts and labels in the words printed on paper
  fonts.py, styles.py   the shipped Unicode font and the typography
  glance.py      the first page, "At a glance" (one page, whatever the data)
  results.py     results grouped by test, with the trend in words
  sections.py    the front matter's flowables: cover, contents, case, summary…
  layout.py      the page template (header, footer, "page N of M") and the passes
                 that settle page numbers
  parts.py       what an enclosure is made of (shared by enclosures and disc_pages)
  enclosures.py  reading attachments, the stamps' operators
  merge.py       the enclosure pass on qpdf (pikepdf): opening and repairing PDFs,
                 merging, stamps laid over the pages, outline, AES-256 encryption
  build.py       `build_packet`: all of the above, with progress and Cancel
  printouts.py   the shorter printouts: medication list, questions, visit summary,
                 records request letter

Nothing is imported here, so that importing the package costs nothing until a packet is made.
"""
