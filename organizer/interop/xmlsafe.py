"""Reading XML without the dangers of XML: no entity expansion, no outside files.

Health records arrive from many systems and sometimes from strangers; a crafted file can
make a naive reader expand entities until memory runs out ("billion laughs") or read a
local file into the document. defusedxml refuses entity declarations and external
references; we also refuse a DOCTYPE that points at an outside DTD (it would never be
fetched anyway, but such a file is not one a portal makes). A plain `<!DOCTYPE x>` is
allowed. Documents are read as a stream (`iterparse`), so a 40 MB file never becomes one
big tree in memory.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from organizer.interop.refusals import UnsafeFileError, malformed

Element = ET.Element

# Namespaces our C-CDA reader expects, declared around a bare fragment that uses prefixes
# (xsi:type) without declaring them: such snippets are common in examples and exports.
_WRAP_OPEN = (b'<wrapper xmlns="urn:hl7-org:v3" '
              b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              b'xmlns:sdtc="urn:hl7-org:sdtc" xmlns:voc="urn:hl7-org:v3/voc">')
_WRAP_CLOSE = b"</wrapper>"
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>", re.S)


class _SafeParser(DefusedXMLParser):  # type: ignore[misc]
    """defusedxml's parser, plus: a DOCTYPE naming an outside DTD is refused."""

    def __init__(self) -> None:
        super().__init__(target=ET.TreeBuilder(), forbid_dtd=False, forbid_entities=True,
                         forbid_external=True)
        self.parser.StartDoctypeDeclHandler = self._refuse_outside_dtd

    def _refuse_outside_dtd(self, name: str, sysid: str | None, pubid: str | None,
                 has_internal_subset: int) -> None:
        if sysid or pubid:
            raise DefusedXmlException(f"external DTD {sysid or pubid}")


def local(tag: Any) -> str:
    """An element's name without its namespace ("{urn:hl7-org:v3}section" -> "section")."""
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


def iterparse(path: Path, filename: str, *, wrap: bool = False
              ) -> Iterator[tuple[str, Element]]:
    """("start" | "end", element) events for a file, safely; refusals are plain-words errors.

    A fragment that uses undeclared prefixes raises `UnboundPrefix`; the caller starts
    again with `wrap=True`, which reads it inside a wrapper declaring the usual C-CDA
    namespaces (such snippets are common in examples and hand-made exports).
    """
    if not wrap:
        with open(path, "rb") as handle:
            yield from _events(handle, filename)
        return
    data = _DECLARATION.sub(b"", path.read_bytes(), count=1)
    yield from _events(io.BytesIO(_WRAP_OPEN + data + _WRAP_CLOSE), filename)


class UnboundPrefix(Exception):
    """The XML uses a namespace prefix it never declares."""


# Expat before 2.6 scans a token that spans several feeds again from its start on every
# feed: ET.iterparse's 16 KiB feeds made one 50 MB attribute ~3,000 rescans of up to
# 50 MB (minutes). Feeding twice as much each time no event comes keeps that linear,
# and memory bounded by the largest feed.
FEED_FIRST = 64 * 1024
FEED_MAX = 64 * 1024 * 1024


def _events(source: IO[bytes], filename: str) -> Iterator[tuple[str, Element]]:
    parser: ET.XMLPullParser[Any] = ET.XMLPullParser(events=("start", "end"),
                                                     _parser=_SafeParser())
    size = FEED_FIRST
    try:
        while data := source.read(size):
            parser.feed(data)
            count = 0
            for count, event in enumerate(_read(parser), start=1):  # noqa: B007
                yield event
            size = FEED_FIRST if count else min(size * 2, FEED_MAX)
        parser.close()
        yield from _read(parser)
    except DefusedXmlException:
        raise UnsafeFileError(filename) from None
    except ET.ParseError as exc:
        if "unbound prefix" in str(exc):
            raise UnboundPrefix() from None
        raise malformed(filename, "XML", str(exc)) from None


def _read(parser: ET.XMLPullParser[Any]) -> Iterator[tuple[str, Element]]:
    # Only "start" and "end" were asked for: each event is (name, element).
    return cast(Iterator[tuple[str, Element]], parser.read_events())


def text_of(element: Element | None) -> str:
    """All the text inside an element, whitespace tidied."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
