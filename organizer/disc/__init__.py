"""Imaging discs (DICOM): reading a disc's index, its key images, and saving it as a record.

`index.read_disc(folder)` reads the DICOMDIR (or scans the files when there is none) into a
`DiscIndex` of studies and series, headers only; `thumbnails.key_image(path)` renders one
image as a PNG the way its header says to show it; `save.save_disc` writes the record, its
index and its key images through Store methods in one transaction.

A disc is treated as hostile: nothing outside its folder is opened, nothing on it is run,
and every file that cannot be used is skipped and reported in one line. pydicom (and numpy,
Pillow) are imported only when a disc is read, so other commands do not pay for them.
"""
