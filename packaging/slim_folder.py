"""Make PyInstaller's folder smaller without changing what any library does (Linux only).

Called by packaging/organizer.spec after COLLECT, on dist/organizer/_internal. Two steps,
each checked file by file, and a file whose check fails is left exactly as it was:

1. `strip --strip-unneeded` of every shared library that still has its symbol table or
   debug sections (Python's own modules built from source, pdfium, qpdf, tesseract,
   cryptography, ICU's code libraries...). The dynamic symbols a loader needs stay.
   Libraries that auditwheel rewrote with patchelf are the risk: strip lays their
   segments out again and can leave a load segment whose file offset no longer matches
   its address modulo the page size, which the loader refuses ("ELF load command
   address/offset not page-aligned": numpy's OpenBLAS). `page_aligned` reads the
   stripped copy's program headers and such a copy is thrown away.
2. `compact` of libraries that patchelf padded: each segment it added starts at a
   multiple of 2 MiB in the file, after up to 2 MiB of zeros (a 60 KB libjbig takes
   2 MB, libtiff 6 MB). The zeros are cut and the later segments moved down to the next
   page that keeps offset and address congruent, which is all the loader asks; the
   compacted copy must then load (`ctypes.CDLL` in a child process) and keep the same
   dynamic section and dynamic symbols (`readelf`), or it is thrown away.

Neither step touches the executable (PyInstaller appends its archive to it) or anything
that is not an ELF shared library under _internal/.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PAGE = 4096
_LOAD = 1
_NOBITS = 8
MIN_GAP = 64 * 1024  # a smaller run of zeros is the linker's own alignment: left alone


@dataclass
class Report:
    """What slimming did: bytes saved per step, and the files left as they were."""

    stripped: int = 0
    compacted: int = 0
    kept: list[str] = field(default_factory=list)


def libraries(folder: Path) -> list[Path]:
    """The ELF shared libraries under `folder` (links not followed, each file once)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if not (path.name.endswith(".so") or ".so." in path.name):
            continue
        with path.open("rb") as handle:
            if handle.read(4) == b"\x7fELF":
                found.append(path)
    return found


def _program_headers(data: bytes) -> list[list[int]]:
    """[type, flags, offset, vaddr, paddr, filesz, memsz, align] of a 64-bit LE ELF."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    return [list(struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize))
            for i in range(phnum)]


def page_aligned(path: Path) -> bool:
    """Whether every load segment's file offset and address agree modulo the page size
    (the loader's own test; a library that fails it cannot be opened at all)."""
    try:
        headers = _program_headers(path.read_bytes()[:1 << 16])
    except (ValueError, struct.error):
        return False
    return all((h[3] - h[2]) % PAGE == 0 for h in headers if h[0] == _LOAD)


def _has_symbols(path: Path) -> bool:
    sections = subprocess.run(["readelf", "-SW", str(path)], capture_output=True, text=True)
    return sections.returncode == 0 and any(
        name in sections.stdout for name in (" .symtab ", " .debug_"))


def strip_library(path: Path) -> int:
    """Strip one library in place if the stripped copy still loads; the bytes saved."""
    if not _has_symbols(path):
        return 0
    trial = path.with_name(path.name + ".stripping")
    try:
        done = subprocess.run(["strip", "--strip-unneeded", "-o", str(trial), str(path)],
                              capture_output=True)
        saved = path.stat().st_size - trial.stat().st_size if trial.exists() else 0
        if done.returncode != 0 or saved <= 0 or not page_aligned(trial):
            return -1
        shutil.copymode(path, trial)
        os.replace(trial, path)
        return saved
    finally:
        trial.unlink(missing_ok=True)


def compacted(data: bytes) -> bytes | None:
    """The library without patchelf's runs of zeros before its added segments, or None
    when it has none. Only file offsets change (program and section headers); every
    address, and so every byte the loader maps, stays where it was."""
    headers = _program_headers(data)
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [list(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))
                for i in range(shnum)]
    phoff = struct.unpack_from("<Q", data, 0x20)[0]
    phentsize = struct.unpack_from("<H", data, 0x36)[0]
    # Every range of the file something points at.
    ranges = [(0, 64), (phoff, phoff + phentsize * len(headers)),
              (shoff, shoff + shentsize * shnum)]
    ranges += [(h[2], h[2] + h[5]) for h in headers]
    ranges += [(s[4], s[4] + s[5]) for s in sections if s[1] != _NOBITS]
    # A block starts at a load segment after a long stretch of the file that nothing
    # points at: zeros, or the section headers patchelf left behind when it moved them.
    starts = []
    for h in sorted((h for h in headers if h[0] == _LOAD), key=lambda h: h[2]):
        before = max((end for begin, end in ranges if begin < h[2]), default=0)
        if h[2] - before >= MIN_GAP:
            starts.append((before, h[2]))
    if not starts:
        return None
    # Old offset -> new offset, block by block.
    moves: list[tuple[int, int, int]] = []  # (old start, old end, shift)
    pieces = [data[:starts[0][0]]]
    length = len(pieces[0])
    for number, (_content_end, start) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(data)
        new_start = -(-length // PAGE) * PAGE + start % PAGE
        pieces.append(bytes(new_start - length))
        pieces.append(data[start:end])
        moves.append((start, end, start - new_start))
        length = new_start + (end - start)

    def moved(offset: int) -> int:
        for begin, end, shift in moves:
            if begin <= offset < end or (offset >= end == len(data)):
                return offset - shift
        return offset

    out = bytearray(b"".join(pieces))
    struct.pack_into("<Q", out, 0x28, moved(shoff))
    struct.pack_into("<Q", out, 0x20, moved(phoff))
    new_phoff = moved(phoff)
    for i, h in enumerate(headers):
        if h[2] != moved(h[2]):
            h[2] = moved(h[2])
            if h[0] == _LOAD and (h[3] - h[2]) % max(h[7], 1):
                h[7] = PAGE  # still congruent modulo the page, as the loader asks
        struct.pack_into("<IIQQQQQQ", out, new_phoff + i * phentsize, *h)
    new_shoff = moved(shoff)
    for i, s in enumerate(sections):
        s[4] = moved(s[4])
        struct.pack_into("<IIQQQQIIQQ", out, new_shoff + i * shentsize, *s)
    return bytes(out)


def _readelf(path: Path, *options: str) -> str:
    """readelf's report, without the lines that name file offsets (which compact moves)."""
    done = subprocess.run(["readelf", "-W", *options, str(path)], capture_output=True,
                          text=True)
    if done.returncode != 0 or done.stderr:
        return "failed"
    return "\n".join(line for line in done.stdout.splitlines() if " at offset " not in line)


def _loads(path: Path) -> bool:
    """Whether the library opens in a fresh process, its dependencies found as the
    packaged app finds them (its RUNPATH, beside it)."""
    code = "import ctypes, sys; ctypes.CDLL(sys.argv[1])"
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          timeout=60)
    return done.returncode == 0


def compact_library(path: Path) -> int:
    """Compact one library in place if the copy loads and means the same; bytes saved."""
    data = path.read_bytes()
    try:
        smaller = compacted(data)
    except (ValueError, struct.error):
        return 0
    if smaller is None:
        return 0
    trial = path.with_name("compacting-" + path.name)
    try:
        trial.write_bytes(smaller)
        shutil.copymode(path, trial)
        same = all(_readelf(trial, option) == _readelf(path, option) != "failed"
                   for option in ("-d", "--dyn-syms"))
        if not (same and page_aligned(trial) and _loads(trial)):
            return -1
        os.replace(trial, path)
        return len(data) - len(smaller)
    finally:
        trial.unlink(missing_ok=True)


def slim(internal: Path) -> Report:
    """Both steps over PyInstaller's _internal/ folder (Linux; elsewhere nothing)."""
    report = Report()
    if not sys.platform.startswith("linux") or not (shutil.which("strip")
                                                   and shutil.which("readelf")):
        return report
    for library in libraries(internal):
        saved = strip_library(library)
        if saved < 0:
            report.kept.append(f"{library.relative_to(internal)} (strip)")
        else:
            report.stripped += saved
        saved = compact_library(library)
        if saved < 0:
            report.kept.append(f"{library.relative_to(internal)} (compact)")
        else:
            report.compacted += saved
    return report


if __name__ == "__main__":
    result = slim(Path(sys.argv[1]))
    print(f"stripped {result.stripped / 2**20:.1f} MiB, compacted "
          f"{result.compacted / 2**20:.1f} MiB; left as they were: {result.kept}")
