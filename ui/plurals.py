"""Counted words for code outside a Qt class: "1 file", "3 files" ("1 archivo", "3 archivos").

Qt's plurals are `tr("%n file(s)", "", n)`: the catalogue holds each language's forms and
Qt picks the right one for n. pyside6-lupdate reads a plural only from a tr() call (with
QCoreApplication.translate it needs n as a literal number), so a module-level function
that counts asks this small QObject instead of building "file" + "s".
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counted(QObject):
    """One method per counted word; each is a tr() plural (context "Counted")."""

    def files(self, n: int) -> str:
        return self.tr("%n file(s)", "", n)


_counted: Counted | None = None


def counted() -> Counted:
    global _counted
    if _counted is None:
        _counted = Counted()
    return _counted
