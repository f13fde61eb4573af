"""The data folder and the store: the database, the files, the search index, the one write path.

Imports only organizer/items and the base modules (errors, progress); never safety/, care/ or
the features above it (tests/test_architecture.py).
"""
