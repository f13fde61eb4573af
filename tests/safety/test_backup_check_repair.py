"""`organizer check` reports every problem; `--repair` moves orphans aside, never deletes."""

from __future__ import annotations

from pathlib import Path


def test_check_lists_every_problem_and_repair_sets_orphans_aside(
        cli, data_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("first scan")
    second.write_text("second scan")
    assert cli("add", "person", "full_name=Ann Lee").returncode == 0
    assert cli("add", "record", "--person", "1", "title=Scans", "--file", str(first),
               "--file", str(second)).returncode == 0
    files = sorted((data_dir / "files").iterdir())
    assert len(files) == 2
    files[0].unlink()  # one file missing
    files[1].write_text("altered")  # the other altered
    orphan = data_dir / "files" / ("ab" * 32)
    orphan.write_bytes(b"a file no record uses")

    done = cli("check")
    assert done.returncode == 1
    assert "Missing file" in done.stdout and "File altered" in done.stdout
    assert "Orphaned file" in done.stdout and "2 problem(s)" in done.stdout
    assert "Restore from a backup" in done.stdout

    repaired = cli("check", "--repair")
    assert repaired.returncode == 1  # repair does not pretend to mend damage
    assert not orphan.exists()
    moved = list((data_dir / "set-aside").rglob("ab" * 32))
    assert len(moved) == 1 and moved[0].read_bytes() == b"a file no record uses"
    assert "Moved aside" in repaired.stdout
    again = cli("check")
    assert "Orphaned" not in again.stdout
