"""Dialogs of the desktop app (unlock, passphrase and encryption settings)."""
