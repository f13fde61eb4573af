"""The item types behave as frozen, keyword-only dataclasses, although their methods are
written once on Item rather than generated per type (organizer/items/models.py)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from organizer.items.models import TYPES, Item, Medication, Person, Record


def test_every_type_keeps_its_defaults_and_takes_only_its_own_fields() -> None:
    for cls in TYPES.values():
        item = cls()
        assert [getattr(item, f.name) for f in dataclasses.fields(cls)] == \
            [f.default for f in dataclasses.fields(cls)]
        with pytest.raises(TypeError, match="unexpected keyword argument 'no_such_field'"):
            cls(no_such_field=1)


def test_an_item_cannot_be_changed_in_place() -> None:
    person = Person(id=1, full_name="Ana")
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.full_name = "Eva"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del person.full_name  # type: ignore[misc]
    assert person.full_name == "Ana"


def test_equality_hash_replace_copy_and_pickle_follow_the_fields() -> None:
    a = Medication(id=2, person_id=1, name="Metformin", dose="500 mg")
    b = Medication(id=2, person_id=1, name="Metformin", dose="500 mg")
    assert a == b and hash(a) == hash(b)
    changed = dataclasses.replace(a, dose="850 mg")
    assert changed != a and changed.dose == "850 mg" and changed.name == "Metformin"
    assert copy.copy(a) == a and pickle.loads(pickle.dumps(a)) == a
    # the same values in another type are not the same item
    assert Record(id=2, person_id=1) != Medication(id=2, person_id=1)
    assert "dose='500 mg'" in repr(a) and repr(a).startswith("Medication(")


def test_each_type_lists_its_own_fields_after_the_common_ones() -> None:
    common = [f.name for f in dataclasses.fields(Item)]
    for cls in TYPES.values():
        names = [f.name for f in dataclasses.fields(cls)]
        assert names[:len(common)] == common
        assert set(cls.specs()) <= set(names)
