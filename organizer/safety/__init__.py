"""What keeps the data safe over time: verified backups and restore, sealing, the check.

Imports storage/ and items/, nothing above them (tests/test_architecture.py).
"""
