"""`@frozen` (organizer/frozen.py) behaves as `dataclasses.dataclass(frozen=True)` does, for
the types the core declares with it."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import field

import pytest

from organizer.frozen import frozen
from organizer.items.changes import Change, ItemChange
from organizer.items.fields import FieldSpec


@frozen
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)


@frozen(kw_only=True)
class Named:
    name: str
    size: int = 1


def test_arguments_by_position_and_by_name_with_defaults_and_factories() -> None:
    assert Point(1) == Point(x=1, y=0, tags=())
    assert Point(1, 2).y == 2 and Point(1, y=3).y == 3
    assert Point(1).tags == () and Point(1, 2, ("a",)).tags == ("a",)
    assert Named(name="a").size == 1


@pytest.mark.parametrize("make, message", [
    (lambda: Point(), "missing required argument: 'x'"),
    (lambda: Point(1, 2, (), 4), "takes 3 positional arguments but 4 were given"),
    (lambda: Point(1, x=2), "got multiple values for argument 'x'"),
    (lambda: Point(1, z=2), "unexpected keyword argument 'z'"),
    (lambda: Named("a"), "takes 0 positional arguments but 1 were given"),
])
def test_wrong_arguments_raise_type_error(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_frozen_equal_by_type_and_values_hashable_copyable() -> None:
    p = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.y  # type: ignore[misc]
    assert p == Point(1, 2) and p != Point(2, 1) and hash(p) == hash(Point(1, 2))
    assert p != (1, 2, ())  # not a tuple
    assert repr(p) == "Point(x=1, y=2, tags=())"
    assert dataclasses.replace(p, y=7) == Point(1, 7)
    assert copy.deepcopy(p) == p and pickle.loads(pickle.dumps(p)) == p
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags"]
    assert dataclasses.asdict(p) == {"x": 1, "y": 2, "tags": ()}


def test_post_init_runs_and_a_default_before_a_required_field_is_refused() -> None:
    seen = []

    @frozen
    class Checked:
        value: int

        def __post_init__(self) -> None:
            seen.append(self.value)

    Checked(4)
    assert seen == [4]
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        @frozen
        class Wrong:
            a: int = 0
            b: int  # type: ignore[misc]


def test_the_cores_own_types() -> None:
    spec = FieldSpec("text", "Name", True)
    assert spec.required and spec.choices == () and spec == FieldSpec("text", "Name", True)
    change = Change((ItemChange("added", "person", 1, 1),))
    assert bool(change) and not Change() and (change + change).items == change.items * 2
