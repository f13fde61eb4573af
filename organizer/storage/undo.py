"""Undo and redo, in the core: a `Change` reversed or re-applied with new writes.

Every write returns a `Change` holding each item before and after, so taking it back needs
no memory of how it was made: an add is undone by a delete, a delete by `restore`, an edit
by writing `before` back (and a record's attachments as they were). Each runs in one
transaction, last item first, so a case and its ten checklist steps, or a whole import,
come back together or not at all. The app's undo stack (ui/context.py) and any other
client call these; the command line has no undo of its own.
"""

from __future__ import annotations

from organizer.items.changes import ADDED, DELETED, RESTORED, UPDATED, Change, ItemChange
from organizer.items.models import Record
from organizer.storage.store import Store


def reverse(store: Store, change: Change) -> Change:
    """Undo a Change with new writes, last item first, all in one transaction (a case and
    its ten checklist steps come back together or not at all)."""
    done = Change()
    with store.transaction():
        for item in reversed(change.items):
            done = done + _reverse_one(store, item)
    return done


def reapply(store: Store, change: Change) -> Change:
    """Redo a Change that `reverse` undid, in one transaction."""
    done = Change()
    with store.transaction():
        for item in change.items:
            done = done + _reapply_one(store, item)
    return done


def _reverse_one(store: Store, item: ItemChange) -> Change:
    if item.action in (ADDED, RESTORED):
        return store.delete(item.type, item.id)
    if item.action == DELETED:
        return store.restore(item.type, item.id)
    assert item.action == UPDATED and item.before is not None and item.after is not None
    result = store.update(item.type, item.id, item.before.values())
    if isinstance(item.before, Record) and isinstance(item.after, Record):
        result = result + _swap_attachments(store, item.after, item.before)
    return result


def _reapply_one(store: Store, item: ItemChange) -> Change:
    if item.action in (ADDED, RESTORED):
        return store.restore(item.type, item.id)
    if item.action == DELETED:
        return store.delete(item.type, item.id)
    assert item.action == UPDATED and item.before is not None and item.after is not None
    result = store.update(item.type, item.id, item.after.values())
    if isinstance(item.before, Record) and isinstance(item.after, Record):
        result = result + _swap_attachments(store, item.before, item.after)
    return result


def _swap_attachments(store: Store, current: Record, wanted: Record) -> Change:
    """Make a record's attachments those of `wanted` (undo or redo of attaching a file)."""
    have = {a.id for a in current.attachments}
    want = {a.id for a in wanted.attachments}
    result = Change()
    for attachment_id in have - want:
        result = result + store.remove_attachment(attachment_id)
    for attachment_id in want - have:
        result = result + store.restore_attachment(attachment_id)
    return result


def merge(first: Change, then: Change) -> Change:
    """One Change for two consecutive writes (typing saved every half second into one
    answer): an item edited in both keeps its first `before` and its last `after`, so one
    undo takes back the whole typing."""
    items = list(first.items)
    for new in then.items:
        for at, old in enumerate(items):
            if (old.action == new.action == UPDATED and old.type == new.type
                    and old.id == new.id):
                items[at] = ItemChange(UPDATED, new.type, new.id, new.person_id,
                                       old.before, new.after)
                break
        else:
            items.append(new)
    return Change(tuple(items))
