"""Stored choices read as words with a capital, the same in the app and on paper."""

from __future__ import annotations

from organizer.items.choices import LABELS, choice_label
from organizer.items.models import TYPES
from organizer.packet.text import word


def test_every_declared_choice_has_a_label_with_a_capital() -> None:
    missing = []
    for type_name, cls in TYPES.items():
        for name, spec in cls.specs().items():
            for value in spec.choices:
                label = LABELS.get(value)
                if label is None or not label[:1].isupper() or "_" in label:
                    missing.append(f"{type_name}.{name}={value}")
    assert missing == []


def test_labels_are_words_not_codes() -> None:
    assert choice_label("preparing") == "Being prepared"
    assert choice_label("female") == "Female"
    assert choice_label("ruled_out") == "Ruled out"
    assert choice_label("in_person") == "In person"
    assert choice_label("n_a") == "This is the first opinion"
    assert choice_label("") == "" and choice_label(None) == ""
    # a code this version does not know (an older archive) still reads as words
    assert choice_label("watch_and_wait") == "Watch and wait"


def test_the_packet_prints_the_same_words() -> None:
    for value, label in LABELS.items():
        assert word(value) == label
