"""Data files shipped with the app: fonts, question starters, demo data, styles."""
