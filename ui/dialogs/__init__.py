"""Dialogs of the app: small non-modal windows opened with show(), never exec()."""
