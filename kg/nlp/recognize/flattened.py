"""Tables flattened into running lines, as text copied from a PDF leaves them:
each row's name and cells run on into the next row's, and a line may break
inside a name or a figure (表1|镇别 数量（个）日间托养|人数（人）服务人次|
响水镇4 96 5120陈家港镇2 48 2630|…南河镇1|24 1305…). With k columns of figures,
the rows are read back as a name and k figures each; the column heads and
their units come from the words before the first row."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.nlp.lexicon import Lexicon
from kg.nlp.recognize.declared import declaration_regex, declared_columns, unit_list_regex
from kg.nlp.recognize.figures import CELL_NUMBER, NumberMention, cell_figures
from kg.nlp.recognize.table_heads import QUOTE_MARKS, column_head_regex, count_column
from kg.text.lines import RE_DIGIT, RE_PROSE_PUNCT, TABLE_HEAD, lines_with_starts

_NAME_CHAR = r"\u4e00-\u9fff（）()·“”"
# a line of names and figures alone: a flattened table's rows (or its head, with the first row)
_STREAM_LINE = re.compile(r"[" + _NAME_CHAR + r"\d.% \t\u3000]+")
# two rows on one line: a row's second figure or later, a name, figures (…2160 6.2桥头镇26…)
_TWO_ROWS = re.compile(r"[\d%][ \t\u3000]+[\d.]+%?[ \t\u3000]*[\u4e00-\u9fff][" + _NAME_CHAR + r"]*[ \t\u3000]*\d")
# (a year may open a head: 其中2024年新建)
_ATOM = re.compile(r"(?P<name>(?:(?:19|20)\d{2}年)?[" + _NAME_CHAR + r"]+)|(?P<num>" + CELL_NUMBER + r"%?|\.\d+%?)")
_HEAD_SPLIT = re.compile(r"[ \t\u3000]+|(?<=[）)])(?=[^ \t\u3000])")
_HEAD_LINES_MAX = 3
_COLUMNS_MAX = 8
_ROWS_MIN = 2


@dataclass(frozen=True)
class _Atom:
    kind: str  # "num" or "name"
    text: str
    start: int
    end: int
    line_break_before: bool  # the atom opens a line (a figure may go on from the line above)


def flattened_cells(text: str, lex: Lexicon, found: list[NumberMention]) -> tuple[list[NumberMention], list[tuple[int, int]]]:
    """The figures of the text's flattened tables, each in its column's unit and
    counted as its head says (a total row's are left out), and the spans of those
    tables' rows, whose figures no other reading should take."""
    taken = {(n.start, n.end) for n in found}
    text = _without_row_numbers(text)
    lines, starts = lines_with_starts(text)
    out, spans = [], []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (_TWO_ROWS.search(line) and _STREAM_LINE.fullmatch(line)):
            i += 1
            continue
        # the rows' lines: this one, the stream lines right above it that hold figures, and those below
        first = i
        while first > 0 and _STREAM_LINE.fullmatch(lines[first - 1]) and RE_DIGIT.search(lines[first - 1]):
            first -= 1
        last = i
        while last + 1 < len(lines) and lines[last + 1].strip() and _STREAM_LINE.fullmatch(lines[last + 1]):
            last += 1
        table = _read_table(text, lines, starts, first, last, lex)
        if table is not None:
            cells, span = table
            out += [n for n in cells if (n.start, n.end) not in taken]
            spans.append(span)
        i = last + 1
    return out, spans


def _read_table(text: str, lines: list[str], starts: list[int], first: int, last: int, lex: Lexicon):
    head_lines, declared = _head_lines(lines, first, lex)
    stream_start = starts[first]
    atoms = _atoms(text, stream_start, starts[last] + len(lines[last]))
    lead = next((k for k, a in enumerate(atoms) if a.kind == "num"), None)
    if lead is None or (lead == 0 and not head_lines):
        return None  # no figure, or no name before the first (the head's line may end in it)
    # the words before the first figure: the heads, then the first row's name
    before = text[stream_start:atoms[lead].start]
    for joined in (False, True):  # a head line's last word may open the first row's name (…收入 赊店|镇38)
        words = _head_words(head_lines, before, joined)
        if words and words[0] == TABLE_HEAD:
            words = words[1:]  # (the rows' numbers are gone: _without_row_numbers)
        if len(words) < 2:
            continue
        name, heads = words[-1], words[:-1]
        rows = _rows(atoms[lead:], name)
        if rows is None:
            continue
        k = len(rows[0][1])
        if not 0 < k <= min(len(heads), _COLUMNS_MAX) or len(heads) > k + 1:
            continue
        columns = _columns(heads[-k:], declared, lex)
        if columns is None:
            return None
        last_piece = rows[-1][1][-1]  # (a row: its name and its cells, each the atoms of one figure)
        return _cells(rows, columns, lex), (stream_start, last_piece[-1].end)
    return None


def _without_row_numbers(text: str) -> str:
    """The text with the row numbers of flattened tables under a 序号 head blanked
    (序号 项目类别 计划投资 完成投资 完成率1养老服务|9860 9120 92.5% 2长期护理保险14|80 …):
    numbers 1, 2, 3 … in turn, each before a row's name and after the head or the
    row before, at least two of them. Offsets stay as they were."""
    out = None
    lines, starts = lines_with_starts(text)
    for i, line in enumerate(lines):
        if not line.lstrip(" \t\u3000").startswith(TABLE_HEAD) or not _STREAM_LINE.fullmatch(line):
            continue
        last = i
        while last + 1 < len(lines) and lines[last + 1].strip() and _STREAM_LINE.fullmatch(lines[last + 1]):
            last += 1
        atoms = _atoms(text, starts[i], starts[last] + len(lines[last]))
        numbers, expected = [], 1
        for k in range(1, len(atoms) - 1):
            atom = atoms[k]
            if atom.kind == "num" and atom.text == str(expected) and atoms[k + 1].kind == "name" and (
                    expected > 1 or atoms[k - 1].kind == "name") and (expected == 1 or atoms[k - 1].kind == "num"):
                numbers.append(atom)
                expected += 1
        if len(numbers) >= _ROWS_MIN:
            out = out if out is not None else list(text)
            for atom in numbers:
                out[atom.start:atom.end] = " " * (atom.end - atom.start)
    return "".join(out) if out is not None else text


def _head_lines(lines: list[str], first: int, lex: Lexicon) -> tuple[list[str], re.Match | None]:
    """The head's lines above the rows (no figure, no prose), and the units a line
    above them or the caption they close declares (（单位：人、人次、万元））."""
    heads: list[str] = []
    k = first - 1
    while k >= 0 and len(heads) < _HEAD_LINES_MAX and lines[k].strip() and not RE_DIGIT.search(lines[k]) \
            and not RE_PROSE_PUNCT.search(lines[k]) and "单位" not in lines[k]:
        heads.insert(0, lines[k])
        k -= 1
    declared = None
    if k >= 0 and "单位" in lines[k]:
        unit_list = unit_list_regex(lex.unit_re)
        declared = unit_list.search(lines[k]) or declaration_regex(lex.unit_re).search(lines[k])
        if declared is not None:
            after = lines[k][declared.end():].lstrip("）)：: \t\u3000")
            if after:  # 表1 …人数（单位：人）镇（街道）困难残: the head opens after the declaration
                heads.insert(0, after)
    return heads, declared


def _head_words(head_lines: list[str], before: str, joined: bool) -> list[str]:
    """The words of the head and the first row's name; lines broken inside a word
    are joined, and the line of the first row opens a word of its own unless `joined`."""
    head = "".join(head_lines)
    text = head + ("" if joined or not head else " ") + before
    return [w for w in _HEAD_SPLIT.split(text) if w]


def _atoms(text: str, start: int, end: int) -> list[_Atom]:
    out = []
    pos = start
    for m in _ATOM.finditer(text, start, end):
        line_start = "\n" in text[pos:m.start()] or m.start() == start
        kind = "name" if m.group("name") else "num"
        out.append(_Atom(kind, m.group(), m.start(), m.end(), line_start))
        pos = m.end()
    return out


def _rows(atoms: list[_Atom], first_name: str):
    """The rows the atoms after the first row's name read as, each a name and the
    same number of figures; a name broken over two lines is joined, and a figure so
    broken is joined where that lets every row have that number. None unless at
    least two rows read."""
    for k in range(1, _COLUMNS_MAX + 1):
        rows = _rows_of(atoms, first_name, k)
        if rows is not None and len(rows) >= _ROWS_MIN:
            return rows
    return None


def _rows_of(atoms: list[_Atom], first_name: str, k: int):
    rows: list[tuple[str, list]] = []
    name, cells = first_name, []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if atom.kind == "name":
            if len(cells) != k:
                if not cells and name and atom.line_break_before:
                    name += atom.text  # a name broken over two lines (关|兴镇)
                    i += 1
                    continue
                return rows if len(rows) >= _ROWS_MIN and not cells else None
            rows.append((name, cells))
            name, cells = atom.text, []
        else:
            piece = [atom]
            # a figure broken over two lines (白泥镇402 5|31, 3|.5): joined where the row needs it
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if nxt is not None and nxt.kind == "num" and nxt.line_break_before and (
                    nxt.text.startswith(".") or _joined_fits(atoms, i, cells, k)):
                piece.append(nxt)
                i += 1
            if len(cells) == k:
                return None
            cells.append(piece)
        i += 1
    if len(cells) == k and name:
        rows.append((name, cells))
    elif cells or not rows:
        return None
    return rows


def _joined_fits(atoms: list[_Atom], i: int, cells: list, k: int) -> bool:
    """Whether the figures from atoms[i] to the next name fill the row only when the
    two at the line break are one figure."""
    run = 0
    j = i
    while j < len(atoms) and atoms[j].kind == "num":
        run += 1
        j += 1
    return len(cells) + run - 1 == k


def _columns(heads: list[str], declared: re.Match | None, lex: Lexicon):
    """Each value column's label and (magnitude, unit): its head's bracket, else
    the declared list or unit, else the unit its name ends in; None where one has none."""
    head_regex = column_head_regex(lex.unit_re)
    names = [QUOTE_MARKS.sub("", h) for h in heads]
    is_list = declared is not None and "units" in declared.groupdict()  # （单位：人、万元）, not （单位：人）
    listed = declared_columns(names, declared, lex) if is_list else None
    out = []
    for k, name in enumerate(names):
        own = head_regex.fullmatch(name)
        if own is None and name.endswith(lex.table_share_heads):
            out.append((name, None))  # 完成率: its cells carry their own % (or none a reader would take)
        elif own is not None:
            out.append((own.group("label"), (own.group("mag"), own.group("unit"))))
        elif listed is not None and listed[k][1] is not None:
            out.append(listed[k])
        elif declared is not None and not is_list:
            out.append((name, (declared.group("mag"), declared.group("unit"))))
        elif (counted := count_column(name, lex)) is not None and counted[0] is not None:
            out.append((counted[1], (counted[0].group("mag"), counted[0].group("unit"))))
        else:
            return None
    return out


def _cells(rows, columns, lex: Lexicon) -> list[NumberMention]:
    out = []
    for name, cells in rows:
        if name.startswith(lex.table_total_words):
            continue  # (a total row's figures repeat the rows')
        for piece, (label, counted) in zip(cells, columns):
            digits = "".join(a.text for a in piece)
            if counted is None:
                continue
            mag, unit = counted
            if digits.endswith("%"):
                continue  # (a share with its sign is read as running text)
            out += cell_figures(piece[0].start, piece[-1].end, digits, mag, lex.units[unit], label)
    return out
