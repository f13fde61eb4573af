"""The packaging pieces that need no frozen build: the launcher (packaging/entry.py) run
from the source, and the .deb/.tar.gz builder (packaging/build_deb.py) on a small stand-in
folder, inspected with dpkg-deb. The frozen app itself is checked by `make package-test`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from organizer import __version__

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "entry.py"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), **extra}


def test_the_launcher_is_the_command_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ENTRY), "--version"], capture_output=True,
                          text=True, env=_env(tmp_path), timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"organizer {__version__}"
    done = subprocess.run([sys.executable, str(ENTRY), "nonsense"], capture_output=True,
                          text=True, env=_env(tmp_path), timeout=60)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_the_first_frame_hook_shows_the_window_then_quits(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ENTRY), "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, timeout=120,
                          env=_env(tmp_path, ORGANIZER_FIRST_FRAME_EXIT="1"))
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "SHOWN"


def test_only_a_frozen_launcher_points_at_its_own_ocr_data(tmp_path: Path) -> None:
    code = ("import os, sys, runpy; sys.argv = ['organizer', '--version']; "
            "sys.frozen = {frozen}; sys._MEIPASS = {bundle!r}\n"
            "try: runpy.run_path({entry!r}, run_name='__main__')\n"
            "except SystemExit: print(os.environ.get('ORGANIZER_TESSDATA'))")
    bundle = str(tmp_path / "bundle")
    for frozen, expected in ((True, os.path.join(bundle, "tessdata")), (False, "None")):
        env = _env(tmp_path)
        env.pop("ORGANIZER_TESSDATA", None)
        done = subprocess.run([sys.executable, "-c", code.format(
            frozen=frozen, bundle=bundle, entry=str(ENTRY))], capture_output=True, text=True,
            env=env, timeout=60, check=True)
        assert done.stdout.splitlines()[-1] == expected
    mine = _env(tmp_path, ORGANIZER_TESSDATA="/my/data")  # the user's choice still wins
    done = subprocess.run([sys.executable, "-c", code.format(
        frozen=True, bundle=bundle, entry=str(ENTRY))], capture_output=True, text=True,
        env=mine, timeout=60, check=True)
    assert done.stdout.splitlines()[-1] == "/my/data"


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")
def test_the_deb_installs_the_app_and_never_the_data_folder(tmp_path: Path) -> None:
    app = tmp_path / "dist" / "organizer"
    (app / "_internal" / "tessdata").mkdir(parents=True)
    (app / "organizer").write_bytes(b"#!/bin/sh\necho organizer\n")
    (app / "organizer").chmod(0o755)
    (app / "_internal" / "tessdata" / "eng.traineddata").write_bytes(b"data")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_deb.py"),
                           "--dist", str(tmp_path / "dist")], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    deb = tmp_path / "dist" / f"second-opinion-organizer_{__version__}_{arch}.deb"

    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True,
                              text=True, check=True).stdout.strip()

    assert field("Package") == "second-opinion-organizer"
    assert field("Version") == __version__
    assert "libxcb-cursor0" in field("Depends").split(", ")
    info = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert not any(s in info for s in ("preinst", "postinst", "prerm", "postrm"))
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    paths = [line.split()[5] for line in listing.splitlines()]
    assert "./opt/second-opinion-organizer/organizer" in paths
    assert "./usr/share/applications/second-opinion-organizer.desktop" in paths
    assert "./usr/share/icons/hicolor/256x256/apps/second-opinion-organizer.png" in paths
    assert all(p.startswith(("./opt/second-opinion-organizer", "./usr/")) or p in ("./", "./opt/")
               for p in paths), paths
    assert "./usr/bin/organizer -> /opt/second-opinion-organizer/organizer" in listing
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    desktop = (root / "usr/share/applications/second-opinion-organizer.desktop").read_text()
    assert "Exec=/opt/second-opinion-organizer/organizer %F" in desktop
    assert "Icon=second-opinion-organizer" in desktop
    assert os.access(root / "opt/second-opinion-organizer/organizer", os.X_OK)
    with tarfile.open(next((tmp_path / "dist").glob("*.tar.gz"))) as portable:
        names = portable.getnames()
    assert f"second-opinion-organizer-{__version__}/organizer" in names
