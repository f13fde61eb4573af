"""Undo in the core, and nested transactions as savepoints."""

from __future__ import annotations

from pathlib import Path

import pytest

from organizer.errors import ValidationError
from organizer.opening import open_store
from organizer.storage.undo import merge, reapply, reverse


def test_a_caught_inner_failure_never_commits_half_of_itself(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Ana Ruiz"}).id
        with store.transaction():
            store.add("medication", {"name": "Kept"}, person_id=person)
            with pytest.raises(ValidationError):
                with store.transaction():
                    store.add("medication", {"name": "Half"}, person_id=person)
                    store.add("medication", {"name": ""}, person_id=person)  # refused
            store.add("medication", {"name": "Also kept"}, person_id=person)
        names = sorted(m.name for m in store.list_items("medication", person))  # type: ignore[attr-defined]
        assert names == ["Also kept", "Kept"]
        # the search index followed the savepoint too
        assert [hit.title for hit in store.search("Half")] == []


def test_an_outer_failure_takes_back_what_a_finished_inner_block_wrote(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Ana Ruiz"}).id
        with pytest.raises(RuntimeError):
            with store.transaction():
                with store.transaction():
                    store.add("medication", {"name": "Inner"}, person_id=person)
                raise RuntimeError("the outer work fails after the inner block ended")
        assert store.list_items("medication", person) == []


def test_reverse_and_reapply_an_import_sized_change_as_one_step(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Ana Ruiz"}).id
        with store.transaction():
            change = store.add("medication", {"name": "A"}, person_id=person)
            change += store.add("allergy", {"substance": "Penicillin"}, person_id=person)
            change += store.update("person", person, {"phone": "555-0100"})
        reverse(store, change)
        assert store.list_items("medication", person) == []
        assert store.list_items("allergy", person) == []
        assert store.person(person).phone is None
        reapply(store, change)
        assert [m.name for m in store.list_items("medication", person)] == ["A"]  # type: ignore[attr-defined]
        assert store.person(person).phone == "555-0100"


def test_merged_typing_undoes_to_the_first_before(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Ana Ruiz"}).id
        first = store.update("person", person, {"notes": "Wor"})
        then = store.update("person", person, {"notes": "Worried about surgery"})
        merged = merge(first, then)
        assert len(merged.items) == 1
        reverse(store, merged)
        assert store.person(person).notes is None


def test_a_case_has_a_checklist_only_when_asked(tmp_path: Path) -> None:
    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Ana Ruiz"}).id
        bare = store.add("case", {"title": "Imported as it was"}, person_id=person)
        assert bare.types == {"case"}
        started = store.add("case", {"title": "Surgery now?"}, person_id=person, checklist=True)
        steps = [c for c in started.items if c.type == "checklist"]
        assert len(steps) == 10
        with pytest.raises(ValueError):
            store.add("medication", {"name": "A"}, person_id=person, checklist=True)


def test_get_and_list_are_typed_by_class_and_title_of_survives_a_deleted_link(
        tmp_path: Path) -> None:
    from organizer.items.models import Provider, Visit

    with open_store(tmp_path / "data") as store:
        person = store.add("person", {"full_name": "Ana Ruiz"}).id
        doctor = store.add("provider", {"name": "Dr Sol Vega"}, person_id=person).id
        visit = store.add("visit", {"scheduled_at": "2026-03-02", "provider_id": doctor},
                          person_id=person).id
        got: Visit = store.get(Visit, visit)
        assert isinstance(got, Visit) and got.provider_id == doctor
        assert [v.id for v in store.list_items(Visit, person)] == [visit]
        assert store.title_of(Provider, doctor) == "Dr Sol Vega"
        store.delete("provider", doctor)
        assert store.title_of(Provider, doctor) is None
        assert store.title_of("provider", None) is None
