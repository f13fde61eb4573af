"""The core's one translation layer: GNU gettext catalogues, a current language per context.

Why gettext: the core's words (error messages, the checklist's steps, attention messages,
the packet, the printouts, CSV headers) are read by the command line, the packet builder
and the app alike, without Qt. Python's stdlib `gettext` reads the standard catalogues
(`resources/locale/<lang>/LC_MESSAGES/organizer.po`, the source of truth, compiled to
`.mo` by `make translations`), with real plurals from the catalogue's Plural-Forms.

Why a context variable: the packet may be in Spanish while the window is in English, and
a worker thread building it must get the language it was asked for (`with language("es"):`)
without changing anyone else's. `set_default` sets the process's language (the command
line's `--lang`, the app's choice); a new thread starts with it.

A checkout that skipped `make` has no `.mo`: the catalogue is then compiled from the `.po`
in memory (`_compile_po`), never a silent fall back to English.

Strings defined at import time are marked with the no-op `N_()` and translated where they
are shown (`_()`), so a module-level table keeps its English keys. Field and choice labels
come from the item specs (organizer/items/fields.py) and are translated at display with
`field_label`; choice words come from organizer/items/choices.py (marked `NC_("choice",
…)`, shown with `pgettext`).

A base module: imports nothing of ours.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# gettext, importlib.resources and ast are imported when a catalogue is first needed:
# errors.py imports this module, and `organizer people` should not pay for them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import gettext

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT = "en"
DOMAIN = "organizer"

_chosen: ContextVar[str | None] = ContextVar("organizer_language", default=None)
_default: str | None = None
_catalogues: dict[str, gettext.NullTranslations] = {}


def normalize(code: str | None) -> str | None:
    """"es", "es_MX.UTF-8", "es-419", "Spanish"... -> "es"; None for a language we lack."""
    if not code:
        return None
    word = code.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if word in ("c", "posix"):
        return None
    base = word.split("_")[0]
    if base in LANGUAGES:
        return base
    for key, name in LANGUAGES.items():
        if word in (name.lower(), {"en": "english", "es": "spanish"}[key]):
            return key
    return None


def from_environment() -> str:
    """ORGANIZER_LANG, else the system locale (LC_ALL, LC_MESSAGES, LANG, as gettext
    reads them); a language we do not have is English."""
    for variable in ("ORGANIZER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            # LANGUAGE-style lists ("es:en") name the first choice first
            return normalize(value.split(":")[0]) or DEFAULT
    return DEFAULT


def choose(explicit: str | None = None) -> str:
    """The language to use: `explicit` (--lang, the app's setting), then the environment."""
    return normalize(explicit) or from_environment()


def set_default(code: str | None) -> str:
    """Set the process's language (what every thread without its own uses); returns it."""
    global _default
    _default = choose(code)
    return _default


def current() -> str:
    """The language of this context: `with language(...)`, else the process's."""
    chosen = _chosen.get()
    if chosen:
        return chosen
    return _default or set_default(None)


@contextmanager
def language(code: str | None) -> Iterator[str]:
    """Speak `code` inside the block (this thread or task only); None keeps the current."""
    resolved = normalize(code) or current()
    token = _chosen.set(resolved)
    try:
        yield resolved
    finally:
        _chosen.reset(token)


def catalogue(code: str | None = None) -> gettext.NullTranslations:
    """The catalogue of a language (English is the source text: no catalogue)."""
    lang = normalize(code) or current()
    found = _catalogues.get(lang)
    if found is None:
        found = _catalogues[lang] = _load(lang)
    return found


def _load(lang: str) -> gettext.NullTranslations:
    import gettext
    from importlib import resources

    if lang == DEFAULT:
        return gettext.NullTranslations()
    folder = resources.files("resources").joinpath("locale", lang, "LC_MESSAGES")
    mo = folder.joinpath(f"{DOMAIN}.mo")
    po = folder.joinpath(f"{DOMAIN}.po")
    if mo.is_file() and (not po.is_file() or _mtime(mo) >= _mtime(po)):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    import io

    return gettext.GNUTranslations(io.BytesIO(_compile_po(po.read_text("utf-8"))))


def _mtime(entry: object) -> float:
    try:
        return os.stat(str(entry)).st_mtime
    except OSError:
        return 0.0


def N_(message: str) -> str:  # the gettext convention's name
    """Mark a string for translation where it is defined; `_()` translates it when shown."""
    return message


def _(message: str) -> str:
    """`message` in the current language."""
    if not message:
        return message
    return catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` ("1 registro", "3 registros"); format `n` in afterwards."""
    return catalogue().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context` (one English word, two Spanish ones)."""
    if not message:
        return message
    return catalogue().pgettext(context, message)


def NC_(context: str, message: str) -> str:  # the gettext convention's name
    """Mark a string meant in `context` where it is defined; `pgettext` translates it."""
    return message


def field_label(label: str) -> str:
    """A field's label from its spec (organizer/items/fields.py), shown in the language."""
    return _(label)


# -- reading a .po without Babel (a checkout that skipped `make`) ---------------------------

def parse_po(text: str) -> list[dict[str, object]]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (str or list),
    fuzzy and obsolete flags. Enough of the format for the files we write."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    key: str | None = None

    def finish() -> None:
        nonlocal entry, key
        if "msgid" in entry:
            entries.append(entry)
        entry, key = {}, None

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            if "msgid" in entry:
                finish()
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            if "msgid" in entry:
                finish()
            entry["fuzzy"] = "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if key is None:
                raise ValueError(f"a string outside an entry: {line}")
            _append(entry, key, _unquote(line))
            continue
        word, _space, rest = line.partition(" ")
        if word in ("msgctxt", "msgid") and "msgid" in entry:
            finish()
        key = word
        _append(entry, key, _unquote(rest))
    finish()
    return entries


def _unquote(text: str) -> str:
    """A .po string ("…" with C escapes) as its value."""
    import ast

    value = ast.literal_eval(text.strip())
    if not isinstance(value, str):
        raise ValueError(f"not a string: {text}")
    return value


def _append(entry: dict[str, object], key: str, value: str) -> None:
    if key.startswith("msgstr["):
        index = int(key[7:-1])
        forms = entry.setdefault("msgstr", [])
        assert isinstance(forms, list)
        while len(forms) <= index:
            forms.append("")
        forms[index] += value
    else:
        entry[key] = str(entry.get(key, "")) + value


def _compile_po(text: str) -> bytes:
    """A .mo (GNU gettext's binary catalogue) made from a .po, as msgfmt does: fuzzy and
    obsolete entries are left out, the header entry kept."""
    import struct

    pairs: dict[bytes, bytes] = {}
    for entry in parse_po(text):
        if entry.get("fuzzy") and entry.get("msgid"):
            continue
        if entry.get("obsolete"):
            continue
        msgid = str(entry["msgid"])
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        strings = entry.get("msgstr", "")
        if "msgid_plural" in entry:
            msgid += "\x00" + str(entry["msgid_plural"])
            assert isinstance(strings, list)
            if not all(strings):
                continue
            value = "\x00".join(strings)
        else:
            value = str(strings)
            if not value:
                continue
        pairs[msgid.encode()] = value.encode()
    keys = sorted(pairs)
    ids = b"".join(k + b"\x00" for k in keys)
    strs = b"".join(pairs[k] + b"\x00" for k in keys)
    count = len(keys)
    start = 7 * 4 + 16 * count
    offsets: list[int] = []
    position = 0
    for k in keys:
        offsets += [len(k), start + position]
        position += len(k) + 1
    str_start = start + len(ids)
    position = 0
    for k in keys:
        offsets += [len(pairs[k]), str_start + position]
        position += len(pairs[k]) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    return header + struct.pack(f"<{len(offsets)}I", *offsets) + ids + strs
