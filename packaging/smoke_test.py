"""`make package-test`: the built .deb works, run as a user runs it.

The .deb is unpacked into a temporary root (`dpkg -x`, no installation, no root needed)
and only its executable is run: with a bare environment (no PYTHONPATH, no virtualenv on
PATH), from a folder outside the checkout, on a temporary home and data folder, so nothing
of the source or of the build's Python can stand in for what the package lacks. Each step
prints one line; the first failure stops with exit status 1.

Steps: --version; demo; people; search; packet (the PDF opened with pypdf, pages
counted); the packet shown by QtPdf in the app's own preview, printed to a PDF (pages
counted) and an SVG icon drawn, inside the packaged app; a scanned picture read by the
packaged OCR data alone; a phone's HEIC photo; an imaging disc per DICOM decoder (JPEG
2000, JPEG-LS, RLE); the window under the offscreen platform (first frame shown, then
quit); encrypt with a passphrase, people again (and refused without it); the folder of
release 0.1.0 (tests/data/release-0.1.0) opened with every item and file intact; a store
of the first schema (tests/data/schema_v1.db) migrated, with the app's own backup before
migration; and dpkg's own install into a private root (`dpkg --root`, its own database):
an older version installed and used on that 0.1.0 folder in the user's home, this one
installed over it and opening the folder intact, then remove and purge leaving it file
by file.
This harness itself needs Python with pypdf, Pillow, pydicom and pillow-heif (the build's
environment, with the test extra); the app under test needs none of it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
INSTALL_DIR = "opt/second-opinion-organizer"
PASSPHRASE = "a long and private passphrase"


class Failed(Exception):
    """One check did not hold; its message says which."""


def version() -> str:
    """The version the checkout builds (organizer/__init__.py), read without importing it."""
    text = (ROOT / "organizer/__init__.py").read_text("utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def unpack(deb: Path, into: Path) -> Path:
    """dpkg -x the package; the executable inside, after checking the launcher on PATH."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    launcher = into / "usr/bin/organizer"
    if os.readlink(launcher) != f"/{INSTALL_DIR}/organizer":
        raise Failed(f"usr/bin/organizer points at {os.readlink(launcher)}")
    for needed in ("usr/share/applications/second-opinion-organizer.desktop",
                   "usr/share/icons/hicolor/256x256/apps/second-opinion-organizer.png"):
        if not (into / needed).is_file():
            raise Failed(f"the package has no {needed}")
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                            text=True, check=True).stdout
    if "libxcb-cursor0" not in fields:
        raise Failed("the package does not declare libxcb-cursor0")
    scripts = subprocess.run(["dpkg-deb", "-I", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    if any(name in scripts for name in ("postinst", "prerm", "postrm", "preinst")):
        raise Failed("the package has maintainer scripts (they could touch user data)")
    return into / INSTALL_DIR / "organizer"


class App:
    """The packaged executable, run with a bare environment in an empty folder."""

    def __init__(self, exe: Path, work: Path, home: Path | None = None) -> None:
        self.exe = exe
        self.work = work
        if home is None:
            home = work / "home"
            home.mkdir()
        self.home = home
        self.env = {"PATH": os.pathsep.join(["/usr/bin", "/bin"]) if os.name != "nt" else "",
                    "HOME": str(home), "LANG": "C.UTF-8",
                    "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home),
                    # only the package's own OCR data may count (organizer.scan.ocr)
                    "ORGANIZER_TESSDATA_ONLY": "1"}
        if os.name == "nt":  # Windows cannot start a program without these
            self.env.update({k: os.environ[k] for k in ("SYSTEMROOT", "WINDIR", "TEMP",
                             "LOCALAPPDATA", "APPDATA", "USERPROFILE") if k in os.environ})

    def run(self, data: Path | None, *args: str, env: dict[str, str] | None = None,
            expect: int = 0) -> str:
        """The command line on `data` (None: the data folder in the home, as a user's)."""
        where = ["--data-dir", str(data)] if data is not None else []
        done = subprocess.run([str(self.exe), *where, *args],
                              capture_output=True, text=True, cwd=self.work,
                              env={**self.env, **(env or {})}, timeout=600)
        if done.returncode != expect:
            raise Failed(f"organizer {' '.join(args)}: exit {done.returncode} "
                         f"(expected {expect}): {done.stderr.strip()[-400:]}")
        return done.stdout


def _step(name: str, started: float) -> None:
    print(f"ok   {name} ({time.perf_counter() - started:.1f} s)", flush=True)


def check_commands(app: App, data: Path, version: str) -> None:
    started = time.perf_counter()
    out = subprocess.run([str(app.exe), "--version"], capture_output=True, text=True,
                         env=app.env, cwd=app.work, check=True).stdout.strip()
    if out != f"organizer {version}":
        raise Failed(f"--version says {out!r}")
    _step(f"--version: {out}", started)

    started = time.perf_counter()
    app.run(data, "demo")
    people = json.loads(app.run(data, "people", "--json"))
    if len(people) < 3:
        raise Failed(f"demo made {len(people)} people")
    _step(f"demo, people: {len(people)} people", started)

    started = time.perf_counter()
    hits = json.loads(app.run(data, "search", "metformin", "--json"))
    if not any(hit["type"] == "medication" for hit in hits):
        raise Failed(f"search metformin found {hits}")
    _step(f"search: {len(hits)} hits", started)

    started = time.perf_counter()
    pdf = app.work / "packet.pdf"
    app.run(data, "packet", "--person", "Sarah Nowak", "-o", str(pdf))
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    if pages < 2:
        raise Failed(f"the packet has {pages} page(s)")
    _step(f"packet: {pages} pages", started)

    # Spanish: the frozen app carries the compiled catalogue and Babel's es_US data
    started = time.perf_counter()
    datos = app.work / "datos"  # a folder of its own: the people checked below stay three
    app.run(datos, "demo", "--lang", "es")
    refused = subprocess.run([str(app.exe), "--data-dir", str(datos), "--lang", "es", "list",
                              "medication", "--person", "Nadie"], capture_output=True,
                             text=True, cwd=app.work, env=app.env, timeout=600)
    if "No hay ninguna persona llamada «Nadie»" not in refused.stderr:
        raise Failed(f"--lang es said {refused.stderr.strip()!r}")
    paquete = app.work / "paquete.pdf"
    app.run(datos, "packet", "--person", "Ernesto Ramírez Cárdenas", "-o", str(paquete),
            "--lang", "es")
    spanish = " ".join(p.extract_text() or "" for p in PdfReader(paquete).pages)
    if "Sin alergias conocidas" not in spanish or " de " not in spanish:
        raise Failed("the Spanish packet is not in Spanish")
    _step("Spanish: messages, demo household, packet", started)

    started = time.perf_counter()
    check_qt_parts(app, pdf, pages)
    _step("QtPdf preview, printing to PDF and an SVG icon (inside the packaged app)", started)

    started = time.perf_counter()
    scan = app.work / "blood test.png"
    _scanned_picture(scan)
    app.run(data, "add", "record", "--person", "Sarah Nowak", "title=Scanned result",
            "--file", str(scan))
    hits = json.loads(app.run(data, "search", "ferritin", "--json"))
    if not any(hit["type"] == "record" for hit in hits):
        raise Failed("the scanned picture was not read (OCR data missing from the package?)")
    _step("scan read with the package's own OCR data", started)

    started = time.perf_counter()
    try:
        from pillow_heif import from_pillow  # the test extra: it can write HEIC
    except ImportError:
        print("skip HEIC: pillow-heif (to make the photo) is not installed", flush=True)
    else:
        from PIL import Image

        photo = app.work / "phone photo.heic"
        with Image.open(scan) as page:
            from_pillow(page.convert("RGB")).save(photo, quality=90)
        app.run(data, "add", "record", "--person", "Sarah Nowak", "title=Phone photo",
                "--file", str(photo))
        records = json.loads(app.run(data, "list", "record", "--person", "Sarah Nowak",
                                     "--json"))
        if not any(r["title"] == "Phone photo" for r in records) or len(json.loads(app.run(
                data, "search", "ferritin", "--json"))) < 2:
            raise Failed("the HEIC photo was not read (pi-heif missing from the package?)")
        _step("HEIC photo opened and read (pi-heif)", started)

    started = time.perf_counter()
    check_discs(app, data)
    _step("imaging discs: JPEG 2000, JPEG-LS and RLE key images decoded", started)

    started = time.perf_counter()
    shown = subprocess.run([str(app.exe), "--data-dir", str(data)], capture_output=True,
                           text=True, cwd=app.work, timeout=120,
                           env={**app.env, "ORGANIZER_FIRST_FRAME_EXIT": "1"})
    if shown.returncode != 0 or shown.stdout.strip() != "SHOWN":
        raise Failed(f"the window did not show: exit {shown.returncode}, {shown.stderr[-400:]}")
    _step("window: first frame shown, then quit", started)

    if not sys.platform.startswith("linux"):
        # sqlcipher3-binary has wheels for Linux x86_64 only (pyproject.toml)
        print("skip encrypt: no SQLCipher build for this system yet", flush=True)
        return
    started = time.perf_counter()
    key = {"ORGANIZER_PASSPHRASE": PASSPHRASE}
    app.run(data, "encrypt", env=key)
    again = json.loads(app.run(data, "people", "--json", env=key))
    if [p["full_name"] for p in again] != [p["full_name"] for p in people]:
        raise Failed("people changed across encrypt")
    app.run(data, "people", expect=1)
    if b"Sarah" in (data / "organizer.db").read_bytes():
        raise Failed("the encrypted database still holds a name in plain text")
    _step("encrypt, people with the passphrase (and refused without)", started)


ICON = ('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
        '<circle cx="8" cy="8" r="7" fill="#1f4e79"/></svg>')


def check_qt_parts(app: App, pdf: Path, pages: int) -> None:
    """The packaged app shows the packet with QtPdf, prints it, and draws an SVG icon
    (packaging/qt_parts_check.py, run by the frozen launcher)."""
    from pypdf import PdfReader

    folder = app.work / "qt-parts"
    folder.mkdir()
    shutil.copy(pdf, folder / "packet.pdf")
    (folder / "icon.svg").write_text(ICON, "utf-8")
    done = subprocess.run([str(app.exe)], capture_output=True, text=True, cwd=app.work,
                          timeout=300, env={**app.env, "ORGANIZER_QT_PARTS_CHECK": str(folder)})
    report = folder / "qt-parts.json"
    if done.returncode != 0 or not report.is_file():
        raise Failed(f"the Qt parts check did not run: exit {done.returncode}, "
                     f"{done.stderr.strip()[-400:]}")
    result = json.loads(report.read_text("utf-8"))
    if result["pdf_status"] != "Ready" or result["pdf_pages"] != pages:
        raise Failed(f"QtPdf: {result['pdf_status']}, {result['pdf_pages']} of {pages} pages")
    if result["pdf_first_page_ink"] <= 0.001:
        raise Failed("QtPdf rendered the packet's first page blank")
    printed = folder / "printed.pdf"
    if result["printed_pages"] != pages or not printed.is_file() \
            or len(PdfReader(printed).pages) != pages:
        raise Failed(f"printing to PDF gave {result['printed_pages']} of {pages} pages")
    if not result["svg_format"] or result["svg_icon_ink"] < 0.3:
        raise Failed(f"SVG icons: format {result['svg_format']}, "
                     f"ink {result['svg_icon_ink']:.2f} (the svg plugins missing?)")


def check_discs(app: App, data: Path) -> None:
    """One disc per decoder (pydicom's own sample files, from the harness's pydicom): each
    saved record has its key image only if the package carries that decoder."""
    import pydicom

    samples = Path(pydicom.__file__).parent / "data" / "test_files"
    decoders = {"MR_small_jp2klossless.dcm": "pylibjpeg-openjpeg",
                "MR_small_jpeg_ls_lossless.dcm": "python-gdcm", "MR_small_RLE.dcm": "RLE"}
    for number, (sample, decoder) in enumerate(decoders.items()):
        disc = app.work / f"disc{number}"
        disc.mkdir()
        shutil.copy(samples / sample, disc / "IM000001")
        app.run(data, "disc", str(disc), "--person", "Eleanor Whitfield", "--force",
                "--title", f"Disc {number}")
        records = json.loads(app.run(data, "list", "record", "--person", "Eleanor Whitfield",
                                     "--json"))
        saved = next(r for r in records if r["title"] == f"Disc {number}")
        if [a["media_type"] for a in saved["attachments"]] != ["image/png"]:
            raise Failed(f"no key image from {sample}: is {decoder} in the package?")


def _scanned_picture(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 500), 255)
    font = ImageFont.truetype(str(ROOT / "resources/fonts/DejaVuSans.ttf"), 56)
    ImageDraw.Draw(image).text((80, 200), "Ferritin 112 ng/mL normal", fill=0, font=font)
    image.save(path, dpi=(300, 300))


def check_release_folder(app: App, work: Path) -> None:
    """The folder release 0.1.0 made opens with every item and file as it was."""
    started = time.perf_counter()
    source = ROOT / "tests/data/release-0.1.0"
    expected = json.loads((source.parent / "release-0.1.0.expected.json").read_text("utf-8"))
    data = work / "release"
    shutil.copytree(source, data)
    files = check_items(app, data, expected, "in the 0.1.0 folder")
    _step(f"release 0.1.0 folder: every item, {files} files verified", started)


def check_items(app: App, data: Path | None, expected: dict[str, Any], where: str) -> int:
    """People, every item and every file (`check`) as release 0.1.0 listed them; the
    number of files verified."""
    if json.loads(app.run(data, "people", "--json")) != expected["people"]:
        raise Failed(f"the people differ {where}")
    for key, items in expected["items"].items():
        person, kind = key.split("/")
        if json.loads(app.run(data, "list", kind, "--person", f"#{person}", "--json")) != items:
            raise Failed(f"the {kind} items of person {person} differ {where}")
    report = app.run(data, "check")
    files = sum(len(r.get("attachments", [])) for k, v in expected["items"].items()
                if k.endswith("/record") for r in v)
    if f"{files} attachment(s) verified, 0 problem(s)" not in report:
        raise Failed(f"check {where}: {report.strip()}")
    return files


def check_migration(app: App, work: Path) -> None:
    """A store of the first schema is migrated by the package, after its own backup."""
    started = time.perf_counter()
    data = work / "v1"
    data.mkdir()
    shutil.copy(ROOT / "tests/data/schema_v1.db", data / "organizer.db")
    people = json.loads(app.run(data, "people", "--json"))
    if "Zoë Παπαδοπούλου" not in [p["full_name"] for p in people]:
        raise Failed(f"people of the v1 store: {people}")
    app.run(data, "check")
    backups = list((data / "backups").glob("before-migration-v1-*.zip"))
    if len(backups) != 1:
        raise Failed(f"backups after migration: {list((data / 'backups').iterdir())}")
    with zipfile.ZipFile(backups[0]) as backup:
        if backup.testzip() is not None or "manifest.json" not in backup.namelist():
            raise Failed("the backup before migration is not a whole backup")
    _step(f"schema v1 migrated, backup {backups[0].name}", started)


PACKAGE = "second-opinion-organizer"


def _dpkg(root: Path, *args: str) -> str:
    """dpkg on a private root (its own database, nothing outside it written): no
    maintainer script can run, the package has none (`unpack` checks)."""
    env = {**os.environ, "PATH": os.pathsep.join(
        [os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/sbin", "/sbin"])}
    done = subprocess.run(["dpkg", f"--root={root}", "--log=/dev/null", "--force-depends",
                           "--force-not-root", "--force-script-chrootless", *args],
                          capture_output=True, text=True, env=env, timeout=600)
    if done.returncode != 0:
        raise Failed(f"dpkg {' '.join(args)}: {done.stderr.strip()[-400:]}")
    return done.stdout


def _snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file of a folder: mode, modification time and SHA-256."""
    import hashlib

    return {str(p.relative_to(folder)): (p.stat().st_mode, p.stat().st_mtime_ns,
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _older_package(deb: Path, work: Path) -> Path:
    """The same build relabelled as an older version, with one file the new one lacks
    (a frozen build of release 0.1.0 is not kept: what this proves is dpkg's upgrade,
    and that the newer app opens the data folder the older one used)."""
    tree = work / "older-tree"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tree)], check=True)
    control = tree / "DEBIAN/control"
    lines = control.read_text("utf-8").splitlines()
    control.write_text("\n".join("Version: 0.0.9" if line.startswith("Version:") else line
                                 for line in lines) + "\n", "utf-8")
    (tree / INSTALL_DIR / "only-in-0.0.9.txt").write_text("gone after the upgrade\n")
    older = work / f"{PACKAGE}_0.0.9.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(tree),
                    str(older)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(tree)
    return older


def check_install_over_older(deb: Path, work: Path) -> None:
    """Install an older version, use it on the folder release 0.1.0 made (in the user's
    home, where the app keeps its data), install this one over it, open the same folder
    (every item and file; after a migration, the app's backup from before it), then
    remove and purge the package: the data folder is the same, file by file."""
    started = time.perf_counter()
    root = work / "dpkg-root"
    (root / "var/lib/dpkg/updates").mkdir(parents=True)
    (root / "var/lib/dpkg/info").mkdir()
    (root / "var/lib/dpkg/status").touch()
    _dpkg(root, "--install", str(_older_package(deb, work)))
    exe = root / INSTALL_DIR / "organizer"
    user = work / "user"
    user.mkdir()
    older = App(exe, user)
    data = older.home / ".local/share/SecondOpinionOrganizer"  # platformdirs, on Linux
    data.parent.mkdir(parents=True)
    shutil.copytree(ROOT / "tests/data/release-0.1.0", data)
    made_by = _schema_of(data)
    expected = json.loads((ROOT / "tests/data/release-0.1.0.expected.json").read_text("utf-8"))
    if json.loads(older.run(None, "people", "--json")) != expected["people"]:
        raise Failed("the older package did not open the data folder in the home")

    _dpkg(root, "--install", str(deb))
    installed = _dpkg(root, "--status", PACKAGE)
    if f"Version: {version()}" not in installed or "install ok installed" not in installed:
        raise Failed(f"after the upgrade dpkg says: {installed[:300]}")
    if (root / INSTALL_DIR / "only-in-0.0.9.txt").exists():
        raise Failed("the upgrade left a file of the older version behind")
    newer = App(exe, user, home=older.home)
    check_items(newer, None, expected, "after the upgrade")
    if _schema_of(data) < made_by:
        raise Failed("the upgrade lowered the schema version")
    backups = sorted((data / "backups").glob("*.zip")) if (data / "backups").is_dir() else []
    if _schema_of(data) > made_by:
        if [b.name.startswith(f"before-migration-v{made_by}-") for b in backups] != [True]:
            raise Failed(f"migrated from v{made_by} without its backup: {backups}")
        with zipfile.ZipFile(backups[0]) as backup:
            if backup.testzip() is not None or "manifest.json" not in backup.namelist():
                raise Failed("the backup before migration is not a whole backup")
    elif backups:
        raise Failed(f"backups made with no migration: {backups}")

    kept = _snapshot(data)
    _dpkg(root, "--remove", PACKAGE)
    if exe.exists() or _snapshot(data) != kept:
        raise Failed("removing the package left the app or changed the data folder")
    _dpkg(root, "--purge", PACKAGE)
    if (root / INSTALL_DIR).exists() or _snapshot(data) != kept:
        raise Failed("purging the package left the app or changed the data folder")
    migrated = f"migrated from v{made_by} after its backup" if _schema_of(data) > made_by \
        else f"schema v{made_by} is still the latest: no migration, no backup"
    _step(f"dpkg: 0.0.9 installed, {version()} over it, every item and file of the 0.1.0 "
          f"folder kept ({migrated}); remove and purge left the {len(kept)} data files "
          "as they were", started)


def _schema_of(data: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{data / 'organizer.db'}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Smoke test of the built .deb.")
    parser.add_argument("deb", type=Path, nargs="?", help="default: the one in dist/")
    parser.add_argument("--folder", type=Path, help="test an unpacked folder instead of a "
                        ".deb (Windows, macOS: dist/organizer)")
    args = parser.parse_args(argv)
    if args.folder:
        exe = args.folder.resolve() / ("organizer.exe" if os.name == "nt" else "organizer")
        return _run_all(lambda _work: exe, f"folder {args.folder}")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    deb = args.deb or ROOT / "dist" / f"second-opinion-organizer_{version()}_{arch}.deb"
    if not deb.is_file():
        print(f"smoke test: no package {deb}: run `make package` first.", file=sys.stderr)
        return 1
    return _run_all(lambda work: unpack(deb, work / "root"),
                    f"unpacked {deb.name} ({deb.stat().st_size / 1e6:.1f} MB)", deb)


def _run_all(executable: Callable[[Path], Path], what: str, deb: Path | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="organizer-smoke-") as folder:
        work = Path(folder)
        try:
            app = App(executable(work), work)
            print(f"ok   {what}", flush=True)
            check_commands(app, work / "data", version())
            check_release_folder(app, work)
            check_migration(app, work)
            if deb is not None:
                check_install_over_older(deb, work)
        except (Failed, subprocess.SubprocessError, OSError) as exc:
            print(f"FAIL {exc}", file=sys.stderr)
            return 1
    print("package smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
