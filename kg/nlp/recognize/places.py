"""Named places that are not administrative divisions (广场, 公园, 物流园, 大道 …),
found from their head word with the same left-boundary rule as organizations."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp.lexicon import Lexicon, heads_by_end
from kg.text.lines import TABLE_HEAD, lines_with_starts, numbered_table_line
from kg.types import Mention

_NAME_CHAR = re.compile(r"[\u4e00-\u9fff]")
_MAX_LEN = 14
# Single characters that end a place name on its left; other one-character
# boundary words (向, 同, 对 …) also start place names.
_PLACE_BREAKS = set("与和及在于的从到至等")
_HEAD_CONTINUES = ("舞", "化", "式")
# Around a weak head (路, 街): words that show a street is meant.
_WEAK_BEFORE = re.compile(r"(?:位于|地处|坐落于|沿|(?<![现正存所实好自内])在)$")  # not 现在 (现在走几步路)
_WEAK_AFTER = re.compile(r"^(?:与|和|交叉口|路口|东北角|西北角|东南角|西南角|沿线|两侧|以东|以西|以南|以北|\d+号)")


def _division_start(text: str, start: int, head_start: int, lex: Lexicon) -> int:
    """Where a division's name inside a place's modifier starts it, after a word
    of two or more characters (重点保障昆山开发区 -> 昆山开发区)."""
    for k in range(start + 2, head_start - 1):
        if any(lex.gazetteer.lookup(text[k:k + n]) for n in (2, 3) if k + n <= head_start):
            return k
    return start


def _bare_zone(text: str, head: str, start: int, lex: Lexicon, city) -> Mention | None:
    """The city's zone written bare (高新区 -> 平顶山高新技术产业开发区), or as the
    document writes it with the city's name (自贡高新区)."""
    form = lex.zone_short_forms.get(head)
    if form is None or city is None or city.level != "city":
        return None
    kind, full = form
    prefix = city.name if full else (city.short or city.name.removesuffix("市"))
    written = next((p + head for p in {prefix, city.name, city.name.removesuffix("市")} if p + head in text), None)
    return Mention("Location", head, start, start + len(head), "loc.bare-zone", canonical=written or prefix + kind)


def recognize_named_places(text: str, lex: Lexicon, city=None) -> list[Mention]:
    """city: the document's city (a gazetteer Division), whose zones a bare zone names."""
    out = []
    for end, head in heads_by_end(lex.place_head_automaton, text):
        if text.startswith(_HEAD_CONTINUES, end):
            continue  # 广场舞: the head is inside a longer word
        i = end - len(head)
        while i > 0 and end - (i - 1) <= _MAX_LEN and _NAME_CHAR.match(text[i - 1]):
            i -= 1
        modifier = text[i:end - len(head)]
        cut = 0
        for m in lex.boundary_re.finditer(modifier):
            if len(m.group(0)) > 1 or m.group(0) in _PLACE_BREAKS:  # 向阳路 keeps its 向
                cut = max(cut, m.end())
        for m in lex.program_lead_any_re.finditer(modifier):
            cut = max(cut, m.end())
        number = i
        while number > 0 and text[number - 1].isdigit():
            number -= 1
        if number < i and (address := lex.house_number_re.match(text, number)) and address.end() > i:
            cut = max(cut, address.end() - i)  # 长江中路216号|西海岸新区: an address ends at its number
        start = i + cut
        if head in lex.zone_heads:
            start = _division_start(text, start, end - len(head), lex)
        lead = lex.program_lead_re.match(text[start:end - len(head)])
        if lead:
            start += lead.end()
        if end - len(head) - start < 2:
            if start == end - len(head) and (zone := _bare_zone(text, head, start, lex, city)):
                out.append(zone)
            continue
        if lex.place_heads[head] and end - len(head) - start > 4:
            continue  # a street name is short
        if any(len(h) > len(head) and text.startswith(h, end - len(head)) for h in lex.town_heads):
            continue  # 金星街道: a subdistrict, not a street named 金星街
        office = next((h for h in lex.town_heads if len(h) > 1 and text.startswith(h, end)), None)
        if lex.place_heads[head] and office:
            # 广瑞路街道: a subdistrict named after its road, a town-level division
            # the gazetteer may lack (renamed or merged ones)
            name = text[start:end + len(office)]
            out.append(Mention("Location", name, start, start + len(name), "loc.settlement", canonical=name))
            continue
        if lex.place_heads[head] and not (_WEAK_BEFORE.search(text, 0, start) or _WEAK_AFTER.match(text[end:end + 4])):
            continue
        name = text[start:end]
        if name in lex.place_generic_names:
            continue
        out.append(Mention("Location", name, start, end, "loc.named-place", canonical=name))
    from kg.nlp.recognize.organizations import select_non_overlapping

    return select_non_overlapping(out)


def recognize_settlements(text: str, divisions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Villages and communities named right after a town or street of the
    gazetteer, and the 、-list continuing them (武篆镇拉甲村、东里村); a town
    right after its county that the gazetteer lacks (六枝特区平寨镇), and its villages."""
    out = []
    starts = {d.start for d in divisions}
    for d in divisions:
        div = lex.gazetteer.by_code(d.code) if d.code else None
        if div is None or div.level not in ("town", "county"):
            continue
        pos = d.end + (text[d.end:d.end + 1] == " ")  # a table's columns: 青春山街道 青春社区
        if div.level == "county":
            m = lex.town_re.match(text, pos)
            name = m.group("name") if m and pos not in starts else None
            if (not name or lex.settlement_not_start_re.match(name) or text.startswith("镇", m.end())
                    or lex.boundary_re.search(name) or lex.program_verb_re.search(name)):
                continue  # 率先实现乡镇全覆盖, 残联与乌镇: words of a sentence, not a town's name
            out.append(Mention("Location", name, pos, m.end(), "loc.settlement", canonical=name, city=d.city))
            pos = m.end()
        # 和平里街道和平里三区社区: a community named after its street, whose name may be
        # longer and start with a boundary word (和)
        stem = next((d.text[:-len(h)] for h in lex.town_heads if d.text.endswith(h) and len(d.text) > len(h)), None)
        listed = False  # after the first village only a 、-list goes on (马营村卫生室乡村医生 is no 卫生室乡村)
        while m := ((stem and _named_after(stem, lex).match(text, pos)) or lex.settlement_re.match(text, pos)):
            if listed and not m.group(0).startswith("、"):
                break
            listed = True
            name = m.group("name")
            if ((lex.boundary_re.match(name) and not (stem and name.startswith(stem)))
                    or lex.settlement_not_start_re.match(name)):
                break  # 新建村级…: a verb; 一户村民: a count; neither names a village
            end = m.end("name")
            # 清扬新村社区: a community named after a village, not the village
            tail = next((h for h in lex.settlement_heads if len(h) > 1 and text.startswith(h, end)), "")
            name, end = name + tail, end + len(tail)
            out.append(Mention("Location", name, m.start("name"), end, "loc.settlement", canonical=name, city=d.city))
            pos = end
    return out


@lru_cache(maxsize=256)
def _named_after(stem: str, lex: Lexicon) -> re.Pattern:
    """A village or community whose name starts with its town's or street's (和平里三区社区)."""
    return re.compile("(?P<name>" + re.escape(stem) + r"[\u4e00-\u9fff]{1,4}?(?:"
                      + "|".join(map(re.escape, lex.settlement_heads)) + "))")


def recognize_communities(text: str, lex: Lexicon, city: str | None, taken: list[Mention]) -> list[Mention]:
    """Urban communities and residential compounds named after a place cue
    (在健康路社区, 家住…滨江花园小区) or in a 、-list of them; not a kind
    (城市社区, 老旧小区: community_generic.txt)."""
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in lex.community_re.finditer(text):
        name, start = m.group("name"), m.start("name")
        modifier = name[:-len(next(h for h in lex.community_heads if name.endswith(h)))]
        if lex.community_generic_re.search(modifier) or any(s < m.end() and start < e for s, e in spans):
            continue
        # right after a kind of community, a name is none (试点社区依托社区…: a verb and a noun)
        if start >= 4 and text.startswith(("社区", "小区"), start - 2) and lex.community_generic_re.search(text, start - 4, start - 2):
            continue
        out.append(Mention("Location", name, start, m.end(), "loc.community", canonical=name, city=city))
        spans.append((start, m.end()))
    return out


_ROW_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}(?=[ \d])")


def recognize_column_communities(text: str, lex: Lexicon, city: str | None, taken: list[Mention]) -> list[Mention]:
    """The communities of a table whose first column is headed by their kind
    (居民区 注册志愿者（人） … | 控江一村 132 …): the name that starts each row, up
    to its cells, known by the name with its kind (控江一村居民区)."""
    spans = [(m.start, m.end) for m in taken]
    out = []
    lines, starts = lines_with_starts(text)
    for i, line in enumerate(lines):
        head = line.split(" ")[0]
        if head not in lex.community_heads or " " not in line:
            continue
        for k in range(i + 1, len(lines)):
            name = _ROW_NAME.match(lines[k])
            if name is None or not any(ch.isdigit() for ch in lines[k][name.end():]):
                break  # a line that is no row ends the table
            cell, start, end = name.group(), starts[k], starts[k] + name.end()
            if (cell.startswith(lex.table_total_words) or lex.community_generic_re.search(cell)
                    or any(s < end and start < e for s, e in spans)):
                continue
            canonical = cell if cell.endswith(head) else cell + head
            out.append(Mention("Location", cell, start, end, "loc.community-column", canonical=canonical, city=city))
    return out


def recognize_row_settlements(text: str, lex: Lexicon, city: str | None, taken: list[Mention]) -> list[Mention]:
    """The villages and communities of a 序号 table with a column of them (序号 姓名
    性别 出生年月 所在社区（村） …): in each row, the cell that ends in a settlement's
    head (1张德明男1944.07红岩社区50); not the row's first cell where a column of
    names comes first (a person may be called 王新村). Rows run to a total, a note,
    the next head or a line of prose; a group's heading between them (古桥街道（7人）)
    goes on."""
    spans = [(m.start, m.end) for m in taken]
    out = []
    lines, starts = lines_with_starts(text)
    k = 0
    while k < len(lines):
        head = lines[k]
        k += 1
        if not head.startswith(TABLE_HEAD):
            continue
        column = next((c for c in lex.table_settlement_columns if c in head), None)
        if column is None:
            continue
        names = [head.find(n) for n in lex.person_name_columns if n in head]
        first_ok = not names or head.find(column) < min(names)
        sex_before = bool(names) and any(0 <= head.find(c) < head.find(column) for c in lex.person_sex_columns)
        while k < len(lines) and lines[k] and (kind := numbered_table_line(lines[k])) != "end":
            line, start = lines[k], starts[k]
            k += 1
            if kind != "row":
                continue  # 古桥街道（7人）, 小计：6人，…: a group's heading or total
            row = _ROW_START.match(line)
            cells = [(m.group(), m.start(), m.end())
                     for m in lex.table_settlement_cell_re.finditer(line, row.end())]
            after_sex = _after_sex(line, row.end(), lex) if sex_before else None
            if after_sex is not None and (cell := lex.table_settlement_cell_re.match(line[after_sex:])):
                cells.insert(0, (cell.group(), after_sex, after_sex + cell.end()))
            for name, cell_start, cell_end in cells:
                s, e = start + cell_start, start + cell_end
                if (cell_start == row.end() and not first_ok) or lex.settlement_not_start_re.match(name) \
                        or any(a < e and s < b for a, b in spans):
                    continue
                out.append(Mention("Location", name, s, e, "loc.row-settlement", canonical=name, city=city))
                spans.append((s, e))
    return out


_ROW_START = re.compile(r"\d{1,4}(?![\d.%])[ \t\u3000]*")
_NAME_LENGTHS = range(2, 5)


def _after_sex(line: str, pos: int, lex: Lexicon) -> int | None:
    """1黄金生男城东社区: where the cell after a row's name and sex begins, the three
    run together once the spaces between them went; None if no sex value follows
    a name's length."""
    return next((pos + n + 1 for n in _NAME_LENGTHS if line.startswith(lex.person_sex_values, pos + n)), None)


def recognize_listed_places(text: str, lex: Lexicon, resolve, city: str | None,
                            taken: list[Mention]) -> list[Mention]:
    """Short names in a 、-list closed by 等 and a place head (在稠城、北苑、江东等街道,
    分布在田东、千鹤等居民区): each names a place of that head (listed_place_heads.tsv).
    The first item starts after a place cue (在, 辖区); `resolve(full_name, start)`
    is the gazetteer's division of that name here, or None."""
    spans = [(m.start, m.end) for m in taken]
    out = []
    for m in lex.listed_places_re.finditer(text):
        head, kind = m.group("head"), lex.listed_place_heads[m.group("head")]
        items, pos = m.group("items").split("、"), m.start("items")
        first = items[0]
        cue = max((first.rfind(c) + len(c) for c in lex.listed_place_cues if c in first), default=-1)
        cued = cue >= 0
        if cue < 0 and 2 <= len(first) <= 5 and m.start() and text[m.start() - 1] in "，,：:；（(":
            cue = 0  # the list opens its clause
        for k, item in enumerate(items):
            start = pos + (cue if k == 0 else 0)
            name = item[cue:] if k == 0 else item
            pos += len(item) + 1
            if (k == 0 and cue < 0) or not 2 <= len(name) <= 5 or any(s < start + len(name) and start < e
                                                                       for s, e in spans):
                continue
            if lex.community_generic_re.search(name) or lex.boundary_re.search(name):
                continue  # 城市、农村等社区: kinds
            if name.endswith(head) or name.endswith(lex.town_heads):
                # 大柳塔镇、锦界镇等镇: named in full, the gazetteer's; 铁匠村、冰廉村等18个村:
                # villages named in full (the first one only after a cue: 覆盖铁匠村 is no name)
                if kind == "settlement" and name.endswith(head) and len(name) > len(head) + 1 and (k or cued):
                    out.append(Mention("Location", name, start, start + len(name), "loc.settlement",
                                       canonical=name, city=city))
                continue
            full = name + head
            div = resolve(full, start) if kind == "division" else None
            if div is not None:
                out.append(Mention("Location", name, start, start + len(name), "loc.listed", canonical=div.name,
                                   code=div.code, city=city))
            else:
                out.append(Mention("Location", name, start, start + len(name),
                                   "loc.settlement" if kind == "settlement" else "loc.listed",
                                   canonical=name if kind == "compound" else full, city=city))
    return out


_STEM = (2, 4)  # characters of a listed name before its head (陆家|镇, 淀山湖|镇, 郎家|村)


def recognize_places_listed_in_full(text: str, lex: Lexicon, city: str | None, taken: list[Mention]) -> list[Mention]:
    """Towns, villages and communities named in full in a 、-list (在陆家镇、淀山湖镇等地,
    在郎家村、现龙村再开…, （长城社区、天诚社区）) that no other rule found: a town
    the gazetteer lacks (created or renamed since its data), or a village below it.
    The first item counts only after a place cue (在, 辖区) or where it opens its
    clause, where its start is sure."""
    spans = [(m.start, m.end) for m in taken]
    known = {m.canonical for m in taken}
    out = []
    for pattern, heads, rule in ((lex.listed_towns_re, lex.town_heads, "loc.listed-town"),
                                 (lex.listed_settlements_re, lex.settlement_heads + lex.community_heads,
                                  "loc.listed-settlement")):
        for m in pattern.finditer(text):
            pos = m.start()
            opens = pos == 0 or not _NAME_CHAR.match(text[pos - 1])
            for k, item in enumerate(m.group().split("、")):
                start = pos
                pos += len(item) + 1
                if k == 0:
                    cue = max((item.rfind(c) + len(c) for c in lex.listed_place_cues if c in item), default=-1)
                    if cue < 0 and not opens:
                        continue
                    start, item = start + max(cue, 0), item[max(cue, 0):]
                head = max((h for h in heads if item.endswith(h)), key=len)
                if (not _STEM[0] <= len(item) - len(head) <= _STEM[1] or item.endswith(lex.town_generic_ends)
                        or lex.community_generic_re.search(item) or lex.boundary_re.match(item)
                        or lex.program_verb_re.match(item)
                        or (rule == "loc.listed-settlement" and lex.settlement_not_start_re.match(item))
                        or any(s < start + len(item) and start < e for s, e in spans)):
                    continue
                # 控江一村 of a table headed 居民区: the place is known by the name with its kind
                canonical = next((item + h for h in lex.community_heads if item + h in known), item)
                out.append(Mention("Location", item, start, start + len(item), rule, canonical=canonical, city=city))
    return out


# the rules whose places only a cue next to them revealed (在建华里社区): elsewhere
# in the document the same name goes unseen without this pass
_NAMED_BY_CUE = ("loc.settlement", "loc.community", "loc.listed-town", "loc.listed-settlement")
_AGAIN_MIN = 3  # characters: a shorter name (东村) is too often part of other words


def places_named_again(text: str, found: list[Mention]) -> list[Mention]:
    """A village, community or town a cue revealed once, named again where no cue
    stands (由建华里社区“幸福食堂”配送): the same place, wherever no other place
    mention covers the name."""
    spans = sorted((m.start, m.end) for m in found)
    seen: dict[str, Mention] = {}
    for m in found:
        if m.rule in _NAMED_BY_CUE and m.text == m.canonical and len(m.text) >= _AGAIN_MIN:
            seen.setdefault(m.text, m)
    out = []
    for name, first in seen.items():
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if not any(s < end and pos < e for s, e in spans):
                out.append(Mention("Location", name, pos, end, "loc.named-again", canonical=name, city=first.city))
            pos = text.find(name, end)
    return out
