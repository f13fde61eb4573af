"""Frozen value types (items, changes, field specs, search hits) with their methods written
once here instead of generated for each type.

`dataclasses.dataclass(frozen=True)` compiles `__init__`, `__eq__`, `__hash__`, `__repr__`,
`__setattr__` and `__delattr__` from source for every class: about 0.6 ms a class, and the
app imports some thirty such types before its window can show (tests/benchmarks/
test_ui_bench.py). `@frozen` lets `dataclasses` record the fields, so `dataclasses.fields`,
`replace` and `asdict` work as usual, and gives every type the shared methods below, which
behave as the generated ones: arguments by position (unless `kw_only`) and by name,
defaults and default factories, `__post_init__`, equality and hash by type and field values,
and no assignment after construction (`dataclasses.FrozenInstanceError`). A type checker
sees an ordinary frozen dataclass (`dataclass_transform`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError
from typing import Any, NamedTuple, TypeVar, dataclass_transform, overload

_T = TypeVar("_T", bound=type)


class _Slot(NamedTuple):
    name: str
    default: Any  # MISSING when the field has none
    factory: Any  # MISSING, or what makes the default
    by_name_only: bool


@overload
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: _T, /) -> _T: ...


@overload
def frozen(*, kw_only: bool = False) -> Callable[[_T], _T]: ...


def frozen(cls: Any = None, /, *, kw_only: bool = False) -> Any:
    """`@frozen` or `@frozen(kw_only=True)` on a class: a frozen dataclass, made cheaply."""
    def make(target: Any) -> Any:
        dataclasses.dataclass(init=False, eq=False, repr=False, kw_only=kw_only)(target)
        slots = tuple(_Slot(f.name, f.default, f.default_factory, bool(f.kw_only))
                      for f in dataclasses.fields(target))
        positional = [s for s in slots if not s.by_name_only]
        for before, after in itertools.pairwise(positional):
            if _has_default(before) and not _has_default(after):
                raise TypeError(f"non-default argument {after.name!r} follows default argument")
        target.__frozen_slots__ = slots
        target.__frozen_positional__ = tuple(s.name for s in positional)
        for name, method in _METHODS.items():
            if name not in target.__dict__:  # a method the class writes itself stays
                setattr(target, name, method)
        return target

    return make if cls is None else make(cls)


def _has_default(slot: _Slot) -> bool:
    return slot.default is not MISSING or slot.factory is not MISSING


def _init(self: Any, *args: Any, **values: Any) -> None:
    cls = type(self)
    positional = cls.__frozen_positional__
    if len(args) > len(positional):
        raise TypeError(f"{cls.__qualname__}.__init__() takes {len(positional)} positional "
                        f"arguments but {len(args)} were given")
    for name, value in zip(positional, args, strict=False):  # (args may be fewer)
        if name in values:
            raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for "
                            f"argument {name!r}")
        values[name] = value
    for slot in cls.__frozen_slots__:
        if slot.name in values:
            value = values.pop(slot.name)
        elif slot.default is not MISSING:
            value = slot.default
        elif slot.factory is not MISSING:
            value = slot.factory()
        else:
            raise TypeError(f"{cls.__qualname__}.__init__() missing required argument: "
                            f"{slot.name!r}")
        object.__setattr__(self, slot.name, value)
    if values:
        raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument "
                        f"{next(iter(values))!r}")
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, slot.name) for slot in type(self).__frozen_slots__)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]
    return bool(_values(self) == _values(other))


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    return (f"{type(self).__qualname__}("
            + ", ".join(f"{slot.name}={getattr(self, slot.name)!r}"
                        for slot in type(self).__frozen_slots__) + ")")


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


_METHODS: dict[str, Callable[..., Any]] = {
    "__init__": _init, "__eq__": _eq, "__hash__": _hash, "__repr__": _repr,
    "__setattr__": _setattr, "__delattr__": _delattr}
