"""Sample values for every item type, built from the field specs, for round-trip tests."""

from __future__ import annotations

from typing import Any

from organizer.items.models import TYPES


def sample_value(kind: str, name: str, choices: tuple[str, ...]) -> Any:
    return {
        "text": f"{name} Łódź Ζωή",
        "longtext": f"{name}\nsecond line — Дмитрий",
        "date": "2024-05-06",
        "datetime": "2024-05-06 14:30",
        "bool": True,
        "enum": choices[-1] if choices else None,
        "int": 3,
        "number": 1250.5,
    }[kind]


def make_item(store: Any, type_name: str, person_id: int, made: dict[str, int]) -> dict[str, Any]:
    """Values for one item of `type_name`, creating any linked items it needs first."""
    values: dict[str, Any] = {}
    for name, spec in TYPES[type_name].specs().items():
        if spec.kind == "ref":
            assert spec.ref is not None
            if spec.ref not in made:
                target_values = make_item(store, spec.ref, person_id, made)
                made[spec.ref] = store.add(spec.ref, target_values, person_id=person_id).id
            values[name] = made[spec.ref]
        else:
            values[name] = sample_value(spec.kind, name, spec.choices)
    return values
