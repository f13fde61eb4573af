"""What an item is: the types, their fields, how typed text becomes a value, what a write changed.

The bottom of the core: imports nothing of ours but organizer.errors (tests/test_architecture.py).
"""
