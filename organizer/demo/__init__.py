"""The example household (household.py) and the made-up PDFs it attaches (pdfs.py)."""
