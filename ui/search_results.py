"""The search's results in a panel of their own, each with the words around the match.

The search field stays at the top of the people and sections; what it finds takes the
page's place (ui/main_window.py puts this panel in the page area while a search is on),
so a result has the page's width for its title, what it is and whose, and a few lines of
the text it was found in, the matched words in bold. Nothing here searches: the panel
shows what `ui.search_panel.SearchPanel` hands it (`show_hits`).

Each row's text (Qt's display role) is the plain title, kind, person and snippet, which
is also what a screen reader says; the delegate draws the same words with emphasis.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from organizer.items.models import TYPES
from organizer.storage.search import SearchHit, Segment
from ui.first_frame import USER_ROLE
from ui.item_words import type_label
from ui.widgets import TitleLabel

HTML_ROLE = USER_ROLE + 1  # the row drawn with emphasis (the display role is plain)
PADDING = 8                # around each result, in pixels at the base text size
TITLE_CHARS = 80           # a longer title is cut (a journal entry's text is its title)


def _html(segments: tuple[Segment, ...], tag: str) -> str:
    return "".join(f"<{tag}>{escape(text)}</{tag}>" if matched else escape(text)
                   for text, matched in segments)


def _plain(segments: tuple[Segment, ...]) -> str:
    return "".join(text for text, _ in segments)


def _clip(segments: tuple[Segment, ...], limit: int) -> tuple[Segment, ...]:
    """At most `limit` characters, cut with "…"; a long text whose first match lies past
    the cut starts a few words before the match instead."""
    offset = 0
    for number, (text, matched) in enumerate(segments):
        if matched:
            if offset + len(text) > limit - 10 and number > 0:
                before = segments[number - 1][0]
                lead = before[-30:]
                lead = lead[lead.find(" ") + 1:] if " " in lead else lead
                segments = (("…" + lead, False), *segments[number:])
            break
        offset += len(text)
    out: list[Segment] = []
    left = limit
    for text, matched in segments:
        if left <= 0:
            break
        piece = text if len(text) <= left else text[:left].rstrip() + "…"
        out.append((piece, matched))
        left -= len(text)
    return tuple(out)


def describe(hit: SearchHit, whose: str) -> tuple[str, str]:
    """A hit as (plain text, rich text): title; what it is and whose; the snippet."""
    title = _clip(hit.title_parts, TITLE_CHARS)
    kind = type_label(TYPES[hit.type])
    about = f"{kind} · {whose}" if whose else kind
    plain = [_plain(title), about]
    rich = [f"<span style='font-size:large'><b>{_html(title, 'u')}</b></span>",
            f"<span>{escape(about)}</span>"]
    if hit.parts:
        plain.append(_plain(hit.parts))
        rich.append(_html(hit.parts, "b"))
    return "\n".join(plain), "<br>".join(rich)


class HitDelegate(QStyledItemDelegate):
    """Draws a result's rich text wrapped to the list's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                  width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(PADDING)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(width, 100))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the background and focus only
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        rect = option.rect
        document = self._document(option, index, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width()
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()) + 2)


class SearchResults(QWidget):
    """The results panel: a heading, a line saying what was found, the results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_results")
        self.heading = TitleLabel(self.tr("Search results"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("What the search found"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setItemDelegate(HitDelegate(self.results))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.results, 1)
        from ui.empty_state import EmptyState

        self.nothing = EmptyState()  # a search without a hit: what to try, and Clear
        self.nothing.hide()
        layout.addWidget(self.nothing)
        layout.addStretch(0)

    def show_nothing(self, text: str, clear: Callable[[], None]) -> None:
        """Say that nothing matched `text`, what to try, and offer to clear the search."""
        self.nothing.set_state(self.tr("Nothing found for “{text}”. Check the spelling, or try "
                                       "fewer or shorter words.").format(text=text),
                               self.tr("Clear the search"), clear)
        self.nothing.show()

    def show_hits(self, hits: list[SearchHit], names: dict[int, str]) -> None:
        self.results.clear()
        self.nothing.hide()
        many = len(names) > 1  # whose it is matters once the household has two people
        for hit in hits:
            whose = names.get(hit.person_id, "") if many else ""
            plain, rich = describe(hit, whose)
            entry = QListWidgetItem(plain)
            entry.setData(USER_ROLE, (hit.type, hit.id, hit.person_id))
            entry.setData(HTML_ROLE, rich)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, plain.replace("\n", ". "))
            self.results.addItem(entry)
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentRow(0)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.results.doItemsLayout()  # the rows' heights follow the new width
