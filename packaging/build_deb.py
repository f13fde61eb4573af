"""Build dist/second-opinion-organizer_VERSION_ARCH.deb and the portable .tar.gz.

Input: PyInstaller's folder, dist/organizer/ (packaging/organizer.spec). Output, in dist/:

- the .deb: the folder under /opt/second-opinion-organizer/, `organizer` on PATH (a link in
  /usr/bin), a desktop entry and the icon. It declares the system libraries Qt loads from
  the system (the X11/XCB ones, libxcb-cursor0 among them, EGL/GL, fontconfig, D-Bus). It
  has no maintainer scripts: the user's data folder (~/.local/share/SecondOpinionOrganizer,
  or ORGANIZER_DATA_DIR) is never part of the package, so installing over an older
  version, and removing or purging the package, leave it alone; the new version migrates
  it on first open, after the verified backup that every migration makes.
- the .tar.gz: the same folder as second-opinion-organizer-VERSION/, to unpack anywhere
  and start with ./organizer.

Only the standard library and dpkg-deb (in Debian's dpkg) are used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "second-opinion-organizer"
INSTALL_DIR = f"/opt/{PACKAGE}"
# Libraries Qt's xcb and wayland platforms open from the system (a PyInstaller folder
# carries Qt itself and what the wheels ship, not the display server's client libraries),
# and the desktop's own (GLib, cairo, pango, X11, CUPS) that the spec leaves out.
DEPENDS = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0",
    "libxcb-xkb1", "libxkbcommon-x11-0", "libxkbcommon0", "libx11-xcb1", "libegl1",
    "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0", "libwayland-client0", "libwayland-cursor0",
    "libwayland-egl1",
    # the desktop's own libraries, left out of the folder (organizer.spec, _SYSTEM)
    "libcairo2", "libpango-1.0-0", "libx11-6", "libcups2t64 | libcups2",
]
DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Second Opinion Organizer
Name[es]=Organizador para una segunda opinión
GenericName=Health records organizer
GenericName[es]=Organizador de documentos médicos
Comment=Keep a family's health records on this computer and make a packet for a second opinion
Comment[es]=Guarde los documentos médicos en este equipo y prepare una segunda opinión
Exec={install_dir}/organizer %F
Icon={package}
Terminal=false
Categories=Office;MedicalSoftware;
StartupWMClass=organizer
"""


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from organizer import __version__

    return __version__


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def _installed_kib(folder: Path) -> int:
    """Bytes on disk of the folder's own files (PyInstaller's links to them not counted)."""
    return sum(p.lstat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) // 1024 + 1


def build_deb(app: Path, dist: Path, version: str) -> Path:
    arch = _architecture()
    target = dist / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(dir=dist) as staging:
        root = Path(staging)
        shutil.copytree(app, root / INSTALL_DIR.lstrip("/"), symlinks=True)
        (root / "usr/bin").mkdir(parents=True)
        os.symlink(f"{INSTALL_DIR}/organizer", root / "usr/bin/organizer")
        applications = root / "usr/share/applications"
        applications.mkdir(parents=True)
        (applications / f"{PACKAGE}.desktop").write_text(
            DESKTOP_ENTRY.format(install_dir=INSTALL_DIR, package=PACKAGE), "utf-8")
        icons = root / "usr/share/icons/hicolor/256x256/apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "packaging" / "organizer.png", icons / f"{PACKAGE}.png")
        docs = root / f"usr/share/doc/{PACKAGE}"
        docs.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt", docs)
        (docs / "copyright").write_text(
            "Second Opinion Organizer: MIT licence. Bundled: Qt and PySide6 (LGPLv3), "
            "Tesseract (Apache-2.0), Leptonica (BSD), SQLCipher (BSD), pdfium (BSD/Apache-2.0), "
            "libheif/libde265 (LGPL, decoding only), DejaVu fonts (see LICENSE-DejaVu.txt), "
            "and the Python libraries listed in pyproject.toml under their own licences.\n",
            "utf-8")
        control = root / "DEBIAN"
        control.mkdir()
        (control / "control").write_text("\n".join([
            f"Package: {PACKAGE}",
            f"Version: {version}",
            f"Architecture: {arch}",
            "Section: misc",
            "Priority: optional",
            "Maintainer: Second Opinion Organizer <packaging@invalid>",
            f"Installed-Size: {_installed_kib(root)}",
            f"Depends: {', '.join(DEPENDS)}",
            "Description: keep a family's health records and make a second-opinion packet",
            " The Second Opinion Organizer keeps a patient's or a family's health records on",
            " this computer (never online) and builds the PDF packet a second doctor needs.",
            " Your data stay in your own data folder, which installing, upgrading and",
            " removing this package never touch.",
            "",
        ]), "utf-8")
        for path in [root, *root.rglob("*")]:
            if path.is_symlink():
                continue
            if path.is_dir() or os.access(path, os.X_OK):
                path.chmod(0o755)
            else:
                path.chmod(0o644)
        # xz at its strongest: -9 and the "extreme" strategy, which spends build time (not
        # install time) for a smaller file; every supported dpkg reads xz.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z9", "-Sextreme",
                        "--build", str(root), str(target)], check=True,
                       stdout=subprocess.DEVNULL)
    return target


def build_tar(app: Path, dist: Path, version: str) -> Path:
    target = dist / f"{PACKAGE}-{version}-linux-{os.uname().machine}.tar.gz"
    # gzip, as the issue asks (every system unpacks it), at its strongest level.
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(app, arcname=f"{PACKAGE}-{version}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    app = args.dist / "organizer"
    if not (app / "organizer").is_file():
        print(f"build_deb: no app in {app}: run PyInstaller first (make package).",
              file=sys.stderr)
        return 1
    version = _version()
    def shown(path: Path) -> Path:
        return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path

    for made in (build_deb(app, args.dist, version), build_tar(app, args.dist, version)):
        print(f"{shown(made)}: {made.stat().st_size / 1e6:.1f} MB "
              f"({made.stat().st_size / 2**20:.1f} MiB)")
    print(f"{shown(app)}/: {_installed_kib(app) / 1024:.1f} MiB unpacked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
