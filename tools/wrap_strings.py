"""Wrap the user-visible string literals of ui/ for Qt's translation (a codemod).

    python tools/wrap_strings.py [--check] [FILES or folders; default: ui]

A literal given to a call that shows text (the SINKS below: setText, QLabel(...),
QMessageBox(...), the window's own `_action(menu, text, ...)` ...) becomes `self.tr(...)`
inside a method of a Qt class and `QCoreApplication.translate("<Class or module>", ...)`
elsewhere. An f-string becomes a translatable pattern with named placeholders and
`.format(...)`: f"Overview for {person.full_name}" ->
self.tr("Overview for {full_name}").format(full_name=person.full_name), so the translator
sees the whole sentence and may move the placeholder. The source is edited in place at the
literal's exact span (ast positions), so everything else keeps its layout; a line made too
long is reported for a person to break.

tests/ui/test_translations.py runs `find_unwrapped` (the same list of calls) over ui/ and
fails on any literal left unwrapped, so the list here is the one definition of "a
user-visible string".

What it cannot do, a person does by hand: texts kept in module-level tables (mark them
with QT_TRANSLATE_NOOP and translate where shown), plurals (`self.tr("%n record(s)", "",
n)`), and sentences built from pieces.
"""

from __future__ import annotations

import argparse
import ast
import keyword
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# call name -> the positional arguments that are text (a method or a function/class name)
SINKS: dict[str, tuple[int, ...]] = {
    # QWidget and friends
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setPlaceholderText": (0,),
    "setStatusTip": (0,), "setWhatsThis": (0,), "setAccessibleName": (0,),
    "setAccessibleDescription": (0,), "setTitle": (0,), "setLabelText": (0,),
    "setInformativeText": (0,), "setDetailedText": (0,), "setSuffix": (0,),
    "setPrefix": (0,), "setSpecialValueText": (0,), "showMessage": (0,),
    "setHeaderLabels": (0,), "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,), "setCancelButtonText": (0,), "setIconText": (0,),
    "setButtonText": (1,), "setTabText": (1,), "setTabToolTip": (1,), "setItemText": (1,),
    "addTab": (1,), "insertTab": (2,), "addItem": (0,), "addItems": (0,),
    "insertItem": (1,), "addMenu": (0,), "addAction": (0,), "addButton": (0,),
    "addRow": (0,), "insertRow": (1,), "addSection": (0, 1),
    # standard dialogs: (parent, title, text / caption, ..., filter)
    "critical": (1, 2), "warning": (1, 2), "information": (1, 2), "question": (1, 2),
    "about": (1, 2), "getSaveFileName": (1, 3), "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3), "getExistingDirectory": (1,), "getText": (1, 2),
    "getItem": (1, 2), "getInt": (1, 2), "setNameFilter": (0,), "setNameFilters": (0,),
    # widgets made with their text
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,),
    "QGroupBox": (0,), "QAction": (0,), "QListWidgetItem": (0,),
    "QTableWidgetItem": (0,), "QTreeWidgetItem": (0,), "QMessageBox": (1, 2),
    "QProgressDialog": (0, 1), "QCommandLinkButton": (0, 1), "QToolButton": (),
    # ours: ui/widgets.py and the window's menus
    "TitleLabel": (0,), "heading": (0,), "hint": (0,), "_action": (1,), "say": (0,),
    "ask": (0, 1), "not_saved": (0,),
    # ui/pages/__init__.py: a section's title and intro, the tabs' labels
    "_section": (1, 2), "_tabs": (0,), "TabbedPage": (0,),
}
# Calls whose text may follow an icon (addAction(icon, text)): the text argument moves one
# place on when the argument in its place is an icon. Otherwise the argument after the
# text is data (addItem(text, "a4")), never wrapped.
ICON_FIRST = frozenset({"addTab", "insertTab", "addItem", "insertItem", "addMenu",
                        "addAction", "QPushButton", "QAction", "QListWidgetItem",
                        "QTableWidgetItem"})
# Keywords that carry text, in any call.
TEXT_KEYWORDS = frozenset({
    "text", "title", "tip", "tooltip", "toolTip", "statusTip", "intro", "label",
    "placeholder", "message", "caption", "hint", "empty", "heading", "question",
})
# signal.emit(text) shows text only for these signals (the pages' status line, errors)
TEXT_SIGNALS = frozenset({"status", "error", "message", "said", "notice"})

_LETTER = re.compile(r"[^\W\d_]")
TR_NAMES = frozenset({"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"})


_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")


_NEVER_TEXT = re.compile(r"^#[0-9a-fA-F]{3,8}$|^/\w")  # a colour, a path


def looks_like_text(value: str) -> bool:
    """A literal a person reads: it has a letter outside markup (not "", "…", " — ",
    "%", "<b>", "#1b2430", "/Volumes")."""
    return bool(_LETTER.search(_MARKUP.sub("", value))) and not _NEVER_TEXT.search(value)


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _is_icon(expr: ast.expr) -> bool:
    """QIcon(...), QIcon.fromTheme(...), style().standardIcon(...), an `icon` variable."""
    return "icon" in ast.unparse(expr).lower()


def text_arguments(call: ast.Call) -> Iterator[ast.expr]:
    """The argument expressions of `call` that the user reads."""
    name = _call_name(call)
    if name == "emit":
        func = call.func
        assert isinstance(func, ast.Attribute)
        signal = func.value
        signal_name = signal.attr if isinstance(signal, ast.Attribute) else (
            signal.id if isinstance(signal, ast.Name) else "")
        if signal_name in TEXT_SIGNALS and call.args:
            yield call.args[0]
    elif name in SINKS:
        for index in SINKS[name]:
            if name in ICON_FIRST and index < len(call.args) and _is_icon(call.args[index]):
                index += 1
            if index < len(call.args):
                yield call.args[index]
    if name == "format" and isinstance(call.func, ast.Attribute) and isinstance(
            call.func.value, ast.Call) and _call_name(call.func.value) in TR_NAMES:
        # self.tr("Nothing from {what} …").format(what="these files"): a piece of the
        # sentence, shown as it is
        yield from call.args
        for keyword in call.keywords:
            yield keyword.value
    elif name not in TR_NAMES:
        for keyword in call.keywords:
            if keyword.arg in TEXT_KEYWORDS:
                yield keyword.value


def text_literals(expr: ast.expr) -> Iterator[ast.Constant | ast.JoinedStr]:
    """The literals inside a text argument that would reach the screen as they are: the
    argument itself, both sides of `a if c else b`, `x or "default"`, `"a" + b`, `"%s" %
    x`, and the items of a list or tuple (header labels)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        if looks_like_text(expr.value):
            yield expr
    elif isinstance(expr, ast.JoinedStr):
        if any(isinstance(v, ast.Constant) and looks_like_text(str(v.value))
               for v in expr.values):
            yield expr
    elif isinstance(expr, ast.IfExp):
        yield from text_literals(expr.body)
        yield from text_literals(expr.orelse)
    elif isinstance(expr, ast.BoolOp):
        for value in expr.values:
            yield from text_literals(value)
    elif isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Mod)):
        yield from text_literals(expr.left)
        if isinstance(expr.op, ast.Add):
            yield from text_literals(expr.right)
    elif isinstance(expr, (ast.List, ast.Tuple)):
        for element in expr.elts:
            yield from text_literals(element)


@dataclass
class Site:
    """One literal to wrap: where it is and how its context is named."""

    node: ast.Constant | ast.JoinedStr
    context: str  # the class (for self.tr) or the module
    use_self: bool  # inside a method of a Qt class, where `self` is the object


# Qt classes that are no QObject (no tr()): their subclasses use QCoreApplication.translate
NOT_QOBJECT = frozenset({"QUndoCommand", "QListWidgetItem", "QTreeWidgetItem",
                         "QTableWidgetItem", "QStandardItem", "QRunnable", "QEvent",
                         "QGraphicsItem", "QTextCharFormat", "QStyleOption"})


def _qt_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of classes deriving (in these files) from a QObject."""
    bases: dict[str, list[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [b.id if isinstance(b, ast.Name) else
                                    b.attr if isinstance(b, ast.Attribute) else ""
                                    for b in node.bases]
    qt: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name not in qt and any(
                    (p.startswith("Q") and p[1:2].isupper() and p not in NOT_QOBJECT)
                    or p in qt for p in parents):
                qt.add(name)
                changed = True
    return qt


def module_context(path: Path) -> str:
    """A module's translation context: its file's name ("section_page"), a package's
    folder's name for its __init__."""
    return path.parent.name if path.stem == "__init__" else path.stem


# --loose: calls whose string arguments are never shown (names, styles, keys, logs, parsing)
NOT_SHOWN = frozenset({
    "setObjectName", "setStyleSheet", "setProperty", "property", "getLogger", "debug",
    "info", "warning", "error", "exception", "log", "startswith", "endswith", "split",
    "rsplit", "join", "replace", "strip", "rstrip", "lstrip", "toString", "fromString",
    "QKeySequence", "setShortcuts", "connect", "print", "getenv", "QSettings", "value",
    "setValue", "compile", "sub", "match", "search", "fullmatch", "findall", "list_items",
    "where", "QDate", "QTime", "QDateTime", "fromTheme", "QIcon", "mkdtemp",
    "TemporaryDirectory", "mkstemp", "NamedTemporaryFile", "setData", "data",
    "isinstance", "getattr", "encode", "decode", "fromLocalFile", "QUrl", "translate", "tr",
    "report_exception", "record_exception",
})
_PHRASE = re.compile(r"[A-Za-z]{2,}[ ]+[A-Za-z(“‘'\"]|^\W*[A-Z][a-z]{2,}\W*$")
_NOT_PHRASE = re.compile(r"_|^(?:Ctrl|Alt|Shift|Meta)\+|\b(?:IS NULL|DESC|ASC|SELECT|WHERE)\b|"
                         r"^[dMyhHmsapAP:.,/' -]+$|^[\w.-]+/[\w.+-]+$|\*\.")


def is_phrase(node: ast.Constant | ast.JoinedStr) -> bool:
    """For --loose: a literal that reads as words for a person (not a key, a format, SQL)."""
    parts = [node.value] if isinstance(node, ast.Constant) else [
        v.value for v in node.values if isinstance(v, ast.Constant)]
    text = "".join(str(p) for p in parts)
    text = re.sub(r"<[^>]+>", "", text)
    return (bool(_PHRASE.search(text)) and not _NOT_PHRASE.search(text)
            and not _NEVER_TEXT.search(text))


def _loose_literals(function: ast.AST) -> Iterator[ast.Constant | ast.JoinedStr]:
    """For --loose: the phrase-like literals of a function body that are not keys,
    compared values, docstrings, or arguments of calls that show nothing."""
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(function):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(function):
        literal: ast.Constant | ast.JoinedStr
        if isinstance(node, ast.JoinedStr) or (
                isinstance(node, ast.Constant) and isinstance(node.value, str)):
            literal = node
        else:
            continue
        if not is_phrase(literal):
            continue
        shown = True
        below: ast.AST = literal
        parent = parents.get(below)
        while parent is not None and shown:
            if isinstance(parent, (ast.JoinedStr, ast.FormattedValue)) or (
                    isinstance(parent, ast.Expr) and isinstance(below, ast.Constant)) or (
                    isinstance(parent, (ast.Compare, ast.Subscript, ast.arguments,
                                        ast.Raise, ast.Assert))) or (
                    isinstance(parent, ast.Dict) and below in parent.keys) or (
                    isinstance(parent, ast.Call) and _call_name(parent) in NOT_SHOWN):
                shown = False  # in an f-string, a docstring, a key, compared, not shown
            elif isinstance(parent, (ast.stmt, ast.Lambda)) and not isinstance(
                    parent, (ast.Assign, ast.AnnAssign, ast.Return, ast.Expr, ast.AugAssign)):
                break
            below, parent = parent, parents.get(parent)
            if isinstance(below, ast.stmt):
                break
        if shown:
            yield literal


def find_sites(path: Path, tree: ast.Module, qt_classes: set[str],
               loose: bool = False) -> list[Site]:
    """Where literals need wrapping: those given to text calls (SINKS), and with `loose`
    every phrase-like literal inside a function (for a first pass a person reviews)."""
    sites: list[Site] = []
    seen: set[int] = set()

    def add(literal: ast.Constant | ast.JoinedStr, cls: str | None, has_self: bool) -> None:
        if id(literal) not in seen:
            seen.add(id(literal))
            use_self = has_self and cls in qt_classes
            context = cls if use_self and cls else module_context(path)
            sites.append(Site(literal, context, use_self))

    def visit(node: ast.AST, cls: str | None, has_self: bool, in_tr: bool) -> None:
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                visit(statement, node.name, False, False)
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.posonlyargs + node.args.args
            is_static = any(isinstance(d, ast.Name) and d.id in ("staticmethod",
                                                                 "classmethod")
                            for d in node.decorator_list)
            method_self = (cls is not None and not has_self and not is_static and args
                           and args[0].arg == "self")
            inner_has_self = has_self or bool(method_self)
            for part in [*node.decorator_list, node.args, *node.body]:
                visit(part, cls, inner_has_self, in_tr)
            if loose and not in_tr:
                for statement in node.body:
                    if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                  ast.ClassDef)):
                        for literal in _loose_literals(statement):
                            if not _inside_tr(statement, literal):
                                add(literal, cls, inner_has_self)
            return
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in TR_NAMES:
                for child in ast.iter_child_nodes(node):
                    visit(child, cls, has_self, True)
                return
            if not in_tr:
                for argument in text_arguments(node):
                    for literal in text_literals(argument):
                        add(literal, cls, has_self)
        for child in ast.iter_child_nodes(node):
            visit(child, cls, has_self, in_tr)

    visit(tree, None, False, False)
    return sites


def _inside_tr(root: ast.AST, literal: ast.AST) -> bool:
    """Whether `literal` is already an argument of a tr() / translate() under `root`, or
    inside a nested function (visited on its own)."""
    for node in ast.walk(root):
        if isinstance(node, ast.Call) and _call_name(node) in TR_NAMES and any(
                literal is sub for sub in ast.walk(node)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and \
                node is not root and any(literal is sub for sub in ast.walk(node)):
            return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    return False


def _quote(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\t", "\\t"))
    return f'"{escaped}"'


_STR_METHODS = frozenset({"lower", "upper", "strip", "title", "capitalize", "rstrip",
                          "lstrip", "casefold"})


def _placeholder_name(expr: ast.expr) -> str:
    """A readable name for what a placeholder stands for: `person.full_name` ->
    full_name, `label.lower()` -> label, `_short(item.title)` -> title."""
    if isinstance(expr, ast.Name):
        name = expr.id
    elif isinstance(expr, ast.Attribute):
        name = expr.attr
    elif isinstance(expr, ast.Call):
        if isinstance(expr.func, ast.Attribute) and expr.func.attr in _STR_METHODS:
            return _placeholder_name(expr.func.value)
        if isinstance(expr.func, ast.Name) and "_" in expr.func.id.strip("_"):
            last = expr.func.id.rsplit("_", 1)[1]  # type_label(cls) -> label
            if not keyword.iskeyword(last):
                return last
        if expr.args:
            return _placeholder_name(expr.args[0])
        return _placeholder_name(expr.func)
    elif isinstance(expr, ast.Subscript):
        return _placeholder_name(expr.value)
    else:
        name = "value"
    name = name.strip("_").lower() or "value"
    return name if name.isidentifier() else "value"


def pattern_of(node: ast.JoinedStr, source: str) -> tuple[str, list[tuple[str, str]]] | None:
    """An f-string as a pattern for str.format and its (name, expression source) pairs;
    None when a format spec itself holds an expression."""
    text: list[str] = []
    names: dict[str, str] = {}  # expression source -> placeholder
    for value in node.values:
        if isinstance(value, ast.Constant):
            text.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            continue
        assert isinstance(value, ast.FormattedValue)
        expression = ast.get_source_segment(source, value.value) or ast.unparse(value.value)
        if expression not in names:
            base = _placeholder_name(value.value)
            name, number = base, 2
            while name in names.values():
                name, number = f"{base}{number}", number + 1
            names[expression] = name
        field = names[expression]
        if value.conversion != -1:
            field += "!" + chr(value.conversion)
        if value.format_spec is not None:
            spec = value.format_spec
            if not all(isinstance(v, ast.Constant) for v in getattr(spec, "values", [])):
                return None
            field += ":" + "".join(str(v.value) for v in spec.values)  # type: ignore[attr-defined]
        text.append("{" + field + "}")
    return "".join(text), [(name, expr) for expr, name in names.items()]


LINE = 100


def _chunks(text: str, first: int, rest: int) -> list[str]:
    """`text` as quoted pieces (implicit concatenation) of at most `first`, then `rest`,
    characters each, broken after spaces."""
    pieces: list[str] = []
    width = first
    current = ""
    for word in re.findall(r"\S*\s*", text):
        if not word:
            continue
        if current and len(_quote(current + word)) > width:
            pieces.append(_quote(current))
            current, width = word, rest
        else:
            current += word
    pieces.append(_quote(current))
    return pieces


def replacement(site: Site, source: str, column: int = 0) -> str | None:
    """The new source of a site's literal starting at `column`; kept within LINE
    characters when it can be (the literal is a call's argument, so it may span lines)."""
    node = site.node
    if isinstance(node, ast.Constant):
        text = str(node.value)
        literal = ast.get_source_segment(source, node) or _quote(text)
        arguments: list[tuple[str, str]] = []
    else:
        made = pattern_of(node, source)
        if made is None:
            return None
        text, arguments = made
        literal = _quote(text)
    head = "self.tr(" if site.use_self else f'QCoreApplication.translate("{site.context}", '
    tail = ")"
    if arguments:
        tail += ".format(" + ", ".join(f"{n}={e}" for n, e in arguments) + ")"
    one_line = head + literal + tail
    if "\n" not in literal and column + len(one_line) <= LINE:
        return one_line
    if site.use_self:
        indent = column + len(head)
        lines = _chunks(text, LINE - indent - 1, LINE - indent)
        body = head + ("\n" + " " * indent).join(lines)
    else:
        indent = column + 4
        opening = f'QCoreApplication.translate(\n{" " * indent}"{site.context}", '
        first = LINE - indent - len(site.context) - 4
        lines = _chunks(text, first, LINE - indent)
        body = opening + ("\n" + " " * indent).join(lines)
    last = body.rsplit("\n", 1)[-1]
    last_width = len(last) if "\n" in body else column + len(last)
    if last_width + len(tail) <= LINE:
        return body + tail
    if not arguments:
        return body + tail
    pieces = [f"{n}={e}" for n, e in arguments]
    inner = " " * (column + 4)
    lines_out = [body + ").format("]
    current = inner
    for number, piece in enumerate(pieces):
        piece += ")" if number == len(pieces) - 1 else ","
        if current.strip() and len(current) + 1 + len(piece) > LINE:
            lines_out.append(current)
            current = inner + piece
        else:
            current = (current + " " + piece) if current.strip() else current + piece
    lines_out.append(current)
    return "\n".join(lines_out)


def _offset(lines: list[str], line: int, column: int) -> int:
    """A character offset from ast's (line, UTF-8 byte column)."""
    before = sum(len(text) for text in lines[:line - 1])
    return before + len(lines[line - 1].encode()[:column].decode())


def _add_import(source: str) -> str:
    """`from PySide6.QtCore import QCoreApplication` after the module's imports, unless it
    has it (`ruff check --fix --select I` then merges it with an import of QtCore)."""
    if re.search(r"^from PySide6\.QtCore import [^\n]*\bQCoreApplication\b", source, re.M):
        return source
    tree = ast.parse(source)
    after = 0
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or (
                after == 0 and isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Constant)):
            after = node.end_lineno or node.lineno
        else:
            break
    lines = source.splitlines(keepends=True)
    lines.insert(after, "from PySide6.QtCore import QCoreApplication\n")
    return "".join(lines)


def wrap_source(path: Path, source: str, qt_classes: set[str],
                loose: bool = False) -> tuple[str, list[str]]:
    """The source with its sites wrapped, and notes on what was left for a person."""
    tree = ast.parse(source)
    sites = find_sites(path, tree, qt_classes, loose)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    for site in sites:
        node = site.node
        column = len(lines[node.lineno - 1].encode()[:node.col_offset].decode())
        new = replacement(site, source, column)
        if new is None:
            notes.append(f"{path}:{node.lineno}: an f-string with a computed format spec")
            continue
        assert node.end_lineno is not None and node.end_col_offset is not None
        start = _offset(lines, node.lineno, node.col_offset)
        end = _offset(lines, node.end_lineno, node.end_col_offset)
        edits.append((start, end, new))
    # a literal inside another (a phrase in an f-string's expression) waits for the next
    # run, when it is an argument of .format()
    outer = [e for e in edits if not any(o[0] <= e[0] and e[1] <= o[1] and o != e
                                         for o in edits)]
    for start, end, new in sorted(outer, reverse=True):
        source = source[:start] + new + source[end:]
    if any(not site.use_self for site in sites):
        source = _add_import(source)
    if edits:
        source = "".join(_fit(line) for line in source.splitlines(keepends=True))
    for number, line in enumerate(source.splitlines(), start=1):
        if len(line) > 100:
            notes.append(f"{path}:{number}: longer than 100 characters")
    return source, notes


def _break_points(text: str) -> list[tuple[int, int]]:
    """Where `text` may be broken (outside strings, inside brackets): after ", ", before
    " + ", " if ", " else ", " or " and ".format(", each with the column a continuation
    takes (one past its innermost open bracket)."""
    points: list[tuple[int, int]] = []
    opened: list[int] = []
    quote = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([{":
            opened.append(index)
        elif char in ")]}" and opened:
            opened.pop()
        elif opened:
            if text.startswith(", ", index):
                points.append((index + 2, opened[-1] + 1))
            elif any(text.startswith(word, index) for word in (" + ", " if ", " else ",
                                                                " or ")):
                points.append((index + 1, opened[-1] + 1))
            elif text.startswith(".format(", index) and index > 0 and text[index - 1] == ")":
                points.append((index, opened[-1] + 1))
        index += 1
    return points


def _fit(line: str) -> str:
    """A line made too long by wrapping, broken at the rightmost place that brings it
    within LINE (each wrapped literal is inside a call's brackets, so it may span lines)."""
    body = line.rstrip("\n")
    if len(body) <= LINE:
        return line
    indent = len(body) - len(body.lstrip())
    for at, column in sorted(_break_points(body), reverse=True):
        head = body[:at].rstrip()
        if at > LINE + 1 or len(head) > LINE or column >= at or head.strip() == "" or (
                len(head) <= indent):
            continue
        tail = body[at:].lstrip()
        return head + "\n" + _fit(" " * column + tail) + line[len(body):]
    return line


def python_files(targets: list[str]) -> list[Path]:
    """The modules to wrap: ui.screenshots* are tools that draw the docs' pictures, not the
    app's text; ui.item_words* translate the core's words themselves."""
    files: list[Path] = []
    for target in targets:
        path = Path(target)
        files.extend(sorted(p for p in path.rglob("*.py")
                            if not p.name.startswith(("screenshots", "item_words")))
                     if path.is_dir() else [path])
    return files


def find_unwrapped(targets: list[str]) -> list[str]:
    """Every user-visible literal of these files not given to tr(), as "file:line: text"."""
    files = python_files(targets)
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    qt = _qt_classes(trees)
    found = []
    for path, tree in trees.items():
        for site in find_sites(path, tree, qt):
            node = site.node
            text = repr(node.value) if isinstance(node, ast.Constant) else ast.unparse(node)
            found.append(f"{path}:{node.lineno}: {text}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", default=["ui"])
    parser.add_argument("--loose", action="store_true",
                        help="also wrap every phrase-like literal inside a function (a first "
                             "pass: review the diff)")
    parser.add_argument("--check", action="store_true",
                        help="only list what is not wrapped (exit 1 if anything)")
    args = parser.parse_args(argv)
    if args.check:
        found = find_unwrapped(args.targets)
        print("\n".join(found))
        return 1 if found else 0
    files = python_files(args.targets)
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
    qt = _qt_classes(trees)
    count = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        new, notes = wrap_source(path, source, qt, args.loose)
        for note in notes:
            print(note)
        if new != source:
            ast.parse(new)  # never write a file that no longer parses
            path.write_text(new, encoding="utf-8")
            count += 1
    print(f"{count} files changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
