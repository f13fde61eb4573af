"""A process that keeps a store open the way the app does, and writes when told to.

Run as `python tests/helpers/held_store.py DATA_DIR`. It opens the store (the app's connection),
then opens and closes a second store in the same process (what a background job such as
the packet worker does), prints `READY` and reads commands from stdin, one per line:

- `write NAME`: adds a person named NAME through the store and prints `WROTE <id>` once the
  write is committed (an acknowledged write);
- `deleted`: prints `DELETED <n>`, how many of its descriptors point to database files that
  are no longer in the folder (a WAL that another process unlinked);
- `worker`: opens and closes another store in this process again, prints `OK`.

The test kills it with SIGKILL when it wants a crash.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _deleted_db_fds() -> int:
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if "organizer.db" in target and target.endswith("(deleted)"):
            count += 1
    return count


def main() -> int:
    from organizer.opening import open_store

    root = Path(sys.argv[1])
    store = open_store(root)
    store.add("person", {"full_name": "Held Store Person"})
    open_store(root).close()  # a worker's own connection, opened and closed
    print("READY", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "write":
            change = store.add("person", {"full_name": arg})
            print(f"WROTE {change.id}", flush=True)
        elif command == "deleted":
            print(f"DELETED {_deleted_db_fds()}", flush=True)
        elif command == "worker":
            open_store(root).close()
            print("OK", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
