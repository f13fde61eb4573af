"""The app's own icon (organizer.svg) and the licences of its icons (LICENSES.md)."""
