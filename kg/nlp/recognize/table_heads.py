"""The head line of a table: its columns' names and the unit each counts in
(街道 长者食堂（个） 适老化改造（户）, 序号 乡镇 人数 金额（万元）), a head
wrapped over several lines, and a part column's name (其中：住院)."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp.lexicon import Lexicon
from kg.text.lines import TABLE_HEAD


# heads after the last head with a unit that name none (… 目标任务（人） 完成率):
# their cells carry their own unit
# (normalization may have joined the first to the bracket before it)
# (words of two ideographs or more, each alternative unambiguous: a nested repeat
# backtracked over every split of a long run, 15% of a build's time)
# (the first may open on a part's mark: 救助金额（元） 其中：住院 门诊)
_PLAIN_HEADS = re.compile(r"(?<=[）)])[ \t\u3000]*[\u4e00-\u9fff]{2,}(?:[：:][\u4e00-\u9fff]{2,})?"
                          r"(?:[ \t\u3000]+[\u4e00-\u9fff]{2,})*[ \t\u3000]*$")


@lru_cache(maxsize=4)
def column_head_regex(unit_re: str) -> re.Pattern:
    # a column's head with its unit in brackets: 长者食堂（个）, 资金（万元）
    # (a label holds no bracket, so the greedy run stops at the first one)
    # (the bracket may say what is counted before its unit: 残疾人之家（累计，个）)
    return re.compile(r"(?P<label>[^（()）\s]+)[（(](?:[\u4e00-\u9fff]{1,4}[，,])?(?P<mag>万|亿)?(?P<unit>"
                      + unit_re + r")[）)]")


@lru_cache(maxsize=4)
def _head_line_regex(unit_re: str) -> re.Pattern:
    return re.compile(r"(?:" + column_head_regex(unit_re).pattern + r")+")


_BRACKETED_FIRST = re.compile(r"[\u4e00-\u9fff]{1,4}[（(][\u4e00-\u9fff、，,]{1,6}[）)]")


def column_heads(line: str, lex: Lexicon) -> tuple[list[tuple[re.Match | None, str]], bool] | None:
    """The columns of a table's head line when the line is nothing else (the
    first column's name, 街道, runs into the first head once spaces are gone):
    each column's head with a unit, or None for a unit-less head between or
    after them (完成率), with its label; and whether the rows open on a 序号
    number (序号 镇（街道） 年度目标（个） …)."""
    stripped = line.lstrip(" \t\u3000")
    indexed = stripped.startswith(TABLE_HEAD)
    if indexed:
        line = stripped[len(TABLE_HEAD):]
    plain = _PLAIN_HEADS.search(line)
    heads = unit_heads(line[:plain.start()] if plain else line, lex)
    if not heads:
        words = _bare_heads(line, lex)
        return (words, indexed) if words else None
    columns: list[tuple[re.Match | None, str]] = []
    for k, h in enumerate(heads):
        if k:  # a unit-less head kept apart by a space (已建成（个） 完成率 累计…（万人次）)
            columns += [(None, w) for w in line[heads[k - 1].end():h.start()].split()]
        columns.append((h, QUOTE_MARKS.sub("", h.group("label"))))
    label = columns[0][1]
    first = next((w for w in lex.table_row_heads if label.startswith(w) and len(label) > len(w)), "")
    columns[0] = (heads[0], label[len(first):])
    # a plain head after them counts in its count word's unit where it ends in one
    # (投资（万元） 受益人数: 人), else its cells carry their own (完成率, 县级妇联联系人);
    # a part's heads count in the unit of the head before them (其中：住院 门诊)
    words = plain.group().split() if plain else []
    if words and words[0].startswith(lex.table_part_heads):
        return _leading_columns(line[:heads[0].start()], lex) + columns + [
            (heads[-1], part_name(w, columns[-1][1], lex)) for w in words], indexed
    return _leading_columns(line[:heads[0].start()], lex) + columns + [
        (count_column(w, lex) if w.endswith(lex.table_count_words) else None) or (None, w)
        for w in words], indexed


def _bare_heads(line: str, lex: Lexicon) -> list[tuple[re.Match | None, str]] | None:
    """A head of words alone (诉求类别 件数 占比 办结率): after the rows' column,
    columns that count in a count word's unit (件数: 件) or whose cells carry their
    own (占比 35.2%); None unless every later word is one and one counts."""
    words = line.split()
    if len(words) < 3 or len(words) > 8:
        return None
    columns = []
    for word in words[1:]:
        column = count_column(word, lex)
        if column is None or column[0] is None:
            if not word.endswith(lex.table_share_heads):
                return None
            column = (None, word)
        columns.append(column)
    return columns if any(head for head, _ in columns) else None


# a rows' head run into a next head that opens on a digit (责任单位|65岁及以上…)
_HEAD_BEFORE_DIGIT = re.compile(r"([\u4e00-\u9fff（）()]{2,})(?=\d)")


def head_line_heads(line: str, lex: Lexicon) -> list[str]:
    """A table's head line as its columns' heads, the rows' own first, without a
    序号 column; a rows' head that the next head ran into once spaces were gone
    (镇（街道）新建点数) is split off it."""
    heads = line.split()
    if heads and heads[0].startswith(TABLE_HEAD):
        heads[0] = heads[0][len(TABLE_HEAD):]
    heads = [h for h in heads if h]
    row_head = next((h for h in lex.table_row_heads if heads and heads[0].startswith(h)), None)
    if row_head and len(heads[0]) > len(row_head) and heads[0][len(row_head)] not in "（(":  # (县（区）: one head)
        heads[:1] = [row_head, heads[0][len(row_head):]]
    elif (heads and (glued := _HEAD_BEFORE_DIGIT.match(heads[0]))  # 责任单位65岁及以上老年人口数
          and glued.group(1).endswith(lex.table_row_heads)):
        heads[:1] = [glued.group(1), heads[0][glued.end(1):]]
    return heads


def declared_heads(line: str, declared: re.Match, lex: Lexicon) -> tuple[list[tuple[re.Match, str]], bool] | None:
    """A head of words alone under a line that declares one unit (（单位：户） |
    乡镇（街道） 任务数 完成数): after the rows' column, heads that each end in 数, or
    in a word of money under a unit of money, count in the declared unit; and
    whether the rows open on a 序号 number."""
    words = head_line_heads(line, lex)
    if not words or words[0] not in lex.table_row_heads:
        return None
    heads = words[1:]
    while heads and heads[0].endswith(lex.table_word_heads + lex.table_row_heads):
        # 项目名称 牵头单位 年度计划投资 …, 乡镇 试点村 …: columns of words the rows' names hold
        heads = heads[1:]
    # (a money head, 金额, under a unit of money: 单位：万元 | 项目 金额; a head of people,
    # 农村留守儿童, under a unit of people: 单位：名)
    declared_unit = declared.group("unit")
    counted = lex.table_figure_heads + (lex.table_money_heads if lex.units[declared_unit].kind == "money" else ()) + (
        lex.table_people_heads if declared_unit in lex.table_people_units else ())
    unit = (declared.group("mag") or "") + declared.group("unit")
    head_regex = column_head_regex(lex.unit_re)
    # a head that names its own unit keeps it (完成比例（%）), one of a share its cells' (完成率 62.6%)
    columns = [(own, own.group("label")) if (own := head_regex.fullmatch(w)) is not None
               else (head_regex.fullmatch(f"{w}（{unit}）"), w) if w.endswith(counted) or w in lex.table_total_words
               else (None, w) if w.endswith(lex.table_share_heads) else None for w in heads]
    if not 0 < len(heads) <= 8 or None in columns or not any(
            head is not None and head.group("unit") == declared_unit for head, _ in columns):
        return None
    indexed = line.lstrip(" \t\u3000").startswith(TABLE_HEAD)
    return columns, indexed


def _leading_columns(before: str, lex: Lexicon) -> list[tuple[re.Match, str]]:
    """Columns before the first head with a bracketed unit whose names end in a unit
    (县（区） 医疗救助人次 救助资金（万元） …: 医疗救助人次 counts 人次), after the rows' own
    column; none unless every such name ends in one."""
    words = before.split()
    if not words:
        return []
    bracketed = _BRACKETED_FIRST.match(words[0])
    row_head = bracketed.group(0) if bracketed else next(
        (w for w in lex.table_row_heads if words[0].startswith(w)), "")
    own_name = words[0] != row_head  # 单位名称: a row head with more to it still names the rows
    words = [w for w in [words[0][len(row_head):], *words[1:]] if w]
    if len(words) > 1 and own_name and count_column(words[0], lex) is None:
        words = words[1:]  # 用人单位 岗位人数 补贴月数 补贴金额（元）: the rows' own column, then counts
    while len(words) > 1 and count_column(words[0], lex) is None and count_column(words[1], lex) is not None:
        words = words[1:]  # 项目 单位 人数 金额（万元）: another column of words (a unit's name), then counts
    columns = []
    for word in words:
        column = count_column(word, lex)
        if column is None:
            return []
        columns.append(column)
    return columns


def count_column(word: str, lex: Lexicon) -> tuple[re.Match | None, str] | None:
    """A column named without a bracket: one whose name ends in a unit (医疗救助人次)
    or a count word (岗位人数: 人), or in 数 (补贴月数: its figures kept apart, not
    read); None for any other name."""
    if word.endswith(lex.table_word_heads) or word in lex.person_name_columns:
        return None  # 单位, 责任单位, 工种, 借款人: a column of bodies, kinds or persons, though 位, 种 and 人 are units
    unit = next((u for u in _units_longest_first(lex) if word.endswith(u) and len(word) > len(u)), None)
    # (人数 alone, after the rows' column: 乡镇 人数 金额（万元）, counts 人)
    unit = unit or next((u for w, u in lex.table_count_heads.items() if word.endswith(w)), None)
    head = column_head_regex(lex.unit_re).fullmatch(f"{word}（{unit}）") if unit else None
    if head is not None:
        return head, word
    return (None, word) if word.endswith(lex.table_figure_heads) and len(word) > 2 else None


@lru_cache(maxsize=1)
def _units_longest_first(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted((u for u in lex.units if not u[0].isascii()), key=len, reverse=True))


def wrapped_heads(lines: list[str], lex: Lexicon) -> tuple[list, bool] | None:
    """A table's head wrapped over the lines right above its first row (街道 帮扶就业困难|
    人员就业（人）|职业技能培训|（人次）|…): the most of the last lines that read,
    joined, as a head line (a line with a number, prose or a caption, ends them;
    a line opening on 序号 is the first)."""
    k = 0
    while k < len(lines) and not RE_DIGITS.search(lines[-1 - k]):
        k += 1
        if lines[-k].lstrip().startswith(TABLE_HEAD):
            break  # 序号 opens the head: the caption above it is none of it
    for n in range(k, 1, -1):
        if found := column_heads("".join(lines[-n:]), lex):
            return found
    return None


RE_DIGITS = re.compile(r"\d")


def unit_heads(line: str, lex: Lexicon) -> list[re.Match] | None:
    # Anchored once over the whole line first: searching every start of a long
    # line that holds no head would be quadratic.
    squeezed = re.sub(r"[ \t\u3000]", "", line)
    # a first column named with a bracket of its own: 县（区）, 县（市、区）
    bracketed = _BRACKETED_FIRST.match(squeezed)
    if bracketed and column_head_regex(lex.unit_re).fullmatch(bracketed.group(0)):
        bracketed = None  # 资金（万元）: a column's head itself
    if not _head_line_regex(lex.unit_re).fullmatch(squeezed, bracketed.end() if bracketed else 0):
        return _heads_after_word_columns(line, lex)
    heads = list(column_head_regex(lex.unit_re).finditer(line))  # 县（区）: 区 is no unit
    if len(heads) == 1 and line.split()[0] in lex.table_row_heads and len(line.split()) == 2:
        return heads  # 镇街 低保户数（户）: the rows' column, set apart, and one column of figures
    if len(heads) < 2:  # 用人单位 岗位人数 补贴月数 补贴金额（元）: one head after words set apart
        return _heads_after_word_columns(line, lex)
    # the first column's name stands apart where a space was kept (街道 长者食堂（个）…)
    first = squeezed[:len(squeezed) - len(re.sub(r"[ \t\u3000]", "", line[heads[0].start():]))]
    if first and line.split()[0] != first and not (bracketed and first == bracketed.group(0)):
        return _heads_after_word_columns(line, lex)  # 服务机构名称 所在街道 床位数（张）…: several columns of words
    return heads


# two or more columns of words before a table's heads with units (单位名称 所在乡镇（街道） 安置人数（名） …),
# the last one's bracket maybe run into the first head once spaces are gone
# (one ideograph before a bracket is a column too: 村（社区）)
_WORD_COLUMN = r"(?:[\u4e00-\u9fff]{1,8}[（(](?!(?:万|亿)?(?:%s)[）)])[\u4e00-\u9fff、]{1,6}[）)]|[\u4e00-\u9fff]{2,8})"
_COLUMN_GAP = r"(?:[ \t\u3000]+|(?<=[）)]))"  # a space, or none after a bracket


@lru_cache(maxsize=4)
def _word_columns_regex(unit_re: str) -> re.Pattern:
    # anchored at the line's start and ending where a head with a unit begins: a search
    # for heads over every start of a line that holds none would be quadratic
    # (a column's bracket may run into the next column once spaces are gone: 所在村（社区）救助金额（元）)
    # (and a column whose bracket holds a unit is a head with a unit, no column of words)
    word = _WORD_COLUMN % unit_re
    return re.compile(r"[ \t\u3000]*%s(?:%s%s){1,3}%s(?=%s)"
                      % (word, _COLUMN_GAP, word, _COLUMN_GAP, column_head_regex(unit_re).pattern))


def _heads_after_word_columns(line: str, lex: Lexicon) -> list[re.Match] | None:
    """The heads with units of a line that opens on columns of words (the rows'
    name and place, 单位名称 所在乡镇（街道）), whose cells the rows' names hold."""
    columns = _word_columns_regex(lex.unit_re).match(line)
    if columns is None or not _head_line_regex(lex.unit_re).fullmatch(re.sub(r"[ \t\u3000]", "", line[columns.end():])):
        return None
    return list(column_head_regex(lex.unit_re).finditer(line, columns.end()))


QUOTE_MARKS = re.compile("[“”‘’\"]")
_PART_MARK = re.compile(r"[：:、]")
HEAD_BRACKET = re.compile(r"[（(][^）)]*[）)]$")


def part_name(head: str, whole: str, lex: Lexicon) -> str:
    """A part column's name: its own word, without the part's mark (其中：), before
    the name of the column it is part of, without its bracket (住院救助金额)."""
    own = _PART_MARK.split(head)[-1]
    own = next((own[len(w):] for w in lex.table_part_heads if own.startswith(w) and len(own) > len(w)), own)
    return own + HEAD_BRACKET.sub("", whole)
