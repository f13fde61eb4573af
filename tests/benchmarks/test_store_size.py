"""How big the large store is on disk: the database and the attachment files."""

from __future__ import annotations

from pathlib import Path

from organizer.items.models import TABLES
from organizer.storage.store import Store
from tests.benchmarks.timing import report


def _megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths if p.is_file()) / 1_000_000


def test_store_size(large_store: Store, large_store_dir: Path) -> None:
    counts = {t: large_store.count(t) for t in TABLES}
    database = [large_store_dir / n for n in ("organizer.db", "organizer.db-wal",
                                              "organizer.db-shm")]
    files = list((large_store_dir / "files").iterdir())
    attachments = large_store.conn.execute(
        "SELECT count(*) FROM attachments WHERE deleted_at IS NULL").fetchone()[0]
    report("store size on disk", [
        f"database: {_megabytes(database):.1f} MB (organizer.db with -wal and -shm)",
        f"files/: {_megabytes(files):.1f} MB in {len(files):,} files "
        f"({attachments:,} attachments)",
        f"total: {_megabytes(database + files):.1f} MB",
        "items: " + ", ".join(f"{n:,} {t}" for t, n in counts.items() if n),
    ])
