"""A reusable hostile-input harness: feed a reader any bytes; it may only succeed or refuse.

`assert_only_refuses(read, data, tmp_path)` writes `data` to a file, calls `read(path)`, and
fails the test for anything but success or an `OrganizerError` (a sentence for the user).
`hostile_files()` is a hypothesis strategy of nasty inputs: random bytes, broken JSON and
XML, XML with entities and external DTDs, deep nesting, huge numbers, odd encodings, and
mutations of a valid sample. Point it at an importer with, for example:

    @given(data=hostile_files(sample=b'{"resourceType": "Bundle"}'))
    def test_fhir_import_refuses_cleanly(data, tmp_path_factory):
        assert_only_refuses(lambda p: import_file(store, p), data, tmp_path_factory.mktemp("x"))

`hostile_words()` is the same for what is typed on a command line (an id, a FIELD=VALUE
value, a name): digits of other scripts, numbers too large for SQLite, line breaks and
direction overrides (tests/commands/test_plain_words.py hunts the CLI with it).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from organizer.errors import OrganizerError

XML_BOMBS = [
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b"<r>&b;&b;&b;</r>",
    b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.invalid/evil.dtd"><r/>',
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
    b"<ClinicalDocument xmlns='urn:hl7-org:v3'>" + b"<a>" * 5000 + b"</a>" * 5000
    + b"</ClinicalDocument>",
]
JSON_NASTIES = [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"resourceType": "Bundle", "entry": [' + b'{"resource": null},' * 1000 + b"null]}",
    b'{"resourceType": 1e999999}',
    b'{"resourceType": "Bundle", "entry": "not a list"}',
    "{\"resourceType\": \"Patient\", \"name\": [{\"text\": \"\u0000\ud800\"}]}".encode(
        "utf-8", "surrogatepass"),
    b"\xef\xbb\xbf{}",
    b"\xff\xfe{\x00}\x00",
]


HOSTILE_WORDS = [
    "²", "١٢", "٣", "99999999999999999999999", "18446744073709551616", "9223372036854775808",
    "1e400", "-1", "0", "#1", "id:1", "name:1", "id:", "#", "1", "\u202e1", "a\nb",
    "9" * 5000, "２０２６-０３-０２", "٢٠٢٦-٠٣-٠٢", "nan", "inf", "-0", "1e308", "1" * 19,
    "0" * 30 + "1", "2026-02-30", "2026-01-01T10:00+99:99", "x" * 100_000, "\x1b[2J",
]


def hostile_words() -> st.SearchStrategy[str]:
    """Words a user (or a script gone wrong) might type as an argument or a value."""
    return st.one_of(st.text(max_size=20), st.sampled_from(HOSTILE_WORDS))


def _mutations(sample: bytes) -> st.SearchStrategy[bytes]:
    def mutate(cuts: list[tuple[int, int]]) -> bytes:
        data = bytearray(sample)
        for position, value in cuts:
            if data:
                data[position % len(data)] = value
        return bytes(data)

    return st.one_of(
        st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8).map(mutate),
        st.integers(0, max(len(sample), 1)).map(lambda n: sample[:n]),
    )


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        st.text(max_size=40))
    return st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
        max_leaves=30)


def hostile_files(sample: bytes = b"") -> st.SearchStrategy[bytes]:
    """Bytes a malicious or broken file might hold."""
    options = [
        st.binary(max_size=2000),
        st.sampled_from(XML_BOMBS + JSON_NASTIES),
        _json_values().map(lambda v: json.dumps(v).encode()),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    ]
    if sample:
        options.append(_mutations(sample))
    return st.one_of(*options)


def assert_only_refuses(read: Callable[[Path], object], data: bytes, folder: Path,
                        name: str = "input") -> None:
    """`read` must succeed or raise OrganizerError (a message for the user) — nothing else."""
    path = folder / name
    path.write_bytes(data)
    try:
        read(path)
    except OrganizerError as exc:
        assert str(exc).strip(), "an error with no words for the user"
        assert "\n" not in str(exc), "an error message must be one line"
