"""The core's item words in the app's language: a type's name, a field's label and help,
a stored choice. The core declares them in English (organizer/items); the app shows them
through Qt's translation, from the table tools/make_item_words.py writes
(ui/item_words_table.py), so a form, a list's headers and a section's buttons speak the
language the rest of the window does. What a person typed is never translated.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from organizer.items.choices import choice_label
from organizer.items.fields import FieldSpec


def word(english: str) -> str:
    """One of the core's item words, translated (itself when there is no translation)."""
    return QCoreApplication.translate("ItemWords", english) if english else english


def type_label(cls: Any) -> str:
    """"Medication" -> "Medicamento"."""
    return word(cls.LABEL)


def type_plural(cls: Any) -> str:
    """"Medications" -> "Medicamentos"."""
    return word(cls.PLURAL)


def field_label(spec: FieldSpec) -> str:
    return word(spec.label)


def field_help(spec: FieldSpec) -> str:
    return word(spec.help)


def choice_text(value: str | None) -> str:
    """A stored choice in words (organizer/items/choices.py), translated: "ruled_out" ->
    "Ruled out" ("Descartado")."""
    return word(choice_label(value))
