"""Title, issue date and publisher as a document states them in its text.

The rules are data: the tables below are tried in order, so a new label or
document type is a new table entry, not new code.
"""
from __future__ import annotations

import datetime as _dt
import re

# "label: value" pairs, anywhere in the first lines; the value is the field
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("发布主题", "标题", "题目", "文件名称"),
    "issued": ("发布时间", "发布日期", "成文日期", "印发日期", "发文日期", "日期"),
    "publisher": ("发布单位", "发布机构", "发文机关", "发文单位", "信息来源", "来源"),
}
# other labels that end a value on the same line ("来源：X局 发布时间：...")
STOP_LABELS = ("作者", "编辑", "责任编辑", "浏览次数", "点击数", "字号", "访问量", "发布地点", "发布人员", "主持人")
LABEL_LINES = 20
_ALL_LABELS = sorted({x for v in LABELS.values() for x in v} | set(STOP_LABELS), key=lambda w: (-len(w), w))
_LABEL_KEY = {label: key for key, labels in LABELS.items() for label in labels}
RE_LABEL_PAIR = re.compile(
    rf"(?P<label>{'|'.join(_ALL_LABELS)})[:：]\s*(?P<value>.*?)\s*(?=(?:{'|'.join(_ALL_LABELS)})[:：]|$)")
# a reply letter's title names what it answers
REPLY_TITLE = re.compile(r"答复|复函|提案|建议")
# an official document's title ends with its type
DOCTYPE_TITLE = re.compile(r"(?:通知|意见|方案|办法|报告|公告|通告|通报|决定|规定|批复|函|纪要|规划|细则|公示)$")
# heading-like: short, no sentence punctuation
SENTENCE_PUNCT = re.compile(r"[。！？!?，,；;]")
MAX_HEADING = 60
# lines that are never the title
NOT_TITLE = re.compile(
    r"^(?:.{1,8}[:：]|.*〔\d{4}〕\d+号$|.*\[\d{4}\]\d+号$|——|本报讯|本报记者|记者|通讯员|\d{4}年\d{1,2}月\d{1,2}日|"
    r"第.{1,4}[期号]$|.*第\d+版)"
)
# an organization as a whole line (a letterhead or a signature)
PUBLISHER_LINE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff（）()]{2,30}?"
    r"(?:委员会|办公室|联合会|总工会|人民政府|政府|局|委|厅|办|中心|院|部|处|所|站|队|会|残联|团委|集团|公司|学校|大学|医院))"
    r"(?:文件|函)?$"
)
LEADING_LINES = 3  # a letterhead is among the first lines
# dates
DATE_DIGITS = re.compile(r"(?P<y>\d{4})\s*[年/.-]\s*(?P<m>\d{1,2})\s*[月/.-]\s*(?P<d>\d{1,2})\s*日?")
DATE_HANZI = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
DATE_LINE = re.compile(r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
                       r"(?:印发|发布|印)?$")
DATE_ISSUED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?=印发|发布)")
TRAILING_LINES = 8  # a closing date is among the last lines

_HANZI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def guess_metadata(text: str) -> dict:
    """{"title", "issued", "publisher"} as stated by the text; None when not stated."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    meta: dict = {"title": None, "issued": None, "publisher": None}
    for line in lines[:LABEL_LINES]:
        for m in RE_LABEL_PAIR.finditer(line):
            key, value = _LABEL_KEY.get(m.group("label")), m.group("value").strip()
            if key and value and meta[key] is None:
                meta[key] = parse_date(value) if key == "issued" else value
    if meta["title"] is None:
        meta["title"] = _title(lines)
    if meta["issued"] is None:
        meta["issued"] = _issued(lines)
    if meta["publisher"] is None:
        meta["publisher"] = _publisher(lines)
    return meta


def parse_date(s: str) -> str | None:
    """First date in `s` (2024年7月3日, 2024-07-03, 二〇二四年七月三日) as ISO, else None."""
    m = DATE_DIGITS.search(s)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = DATE_HANZI.search(s)
        if not m:
            return None
        y = int("".join(str(_HANZI_DIGITS[c]) for c in m["y"]))
        mo, d = _hanzi_number(m["m"]), _hanzi_number(m["d"])
    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _hanzi_number(s: str) -> int:
    if "十" not in s:
        return _HANZI_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_HANZI_DIGITS.get(tens, 1) if tens else 1) * 10 + (_HANZI_DIGITS.get(ones, 0) if ones else 0)


def _heading_block(lines: list[str]) -> list[str]:
    """The heading-like lines before the body starts."""
    block = []
    for line in lines:
        if SENTENCE_PUNCT.search(line) or len(line) > MAX_HEADING or line.endswith(("：", ":")):
            break
        block.append(line)
    return block


def _title(lines: list[str]) -> str | None:
    candidates = [x for x in _heading_block(lines)
                  if not NOT_TITLE.match(x) and not PUBLISHER_LINE.match(x) and not DATE_LINE.match(x)]
    for rule in (REPLY_TITLE, DOCTYPE_TITLE):
        for line in candidates:
            if rule.search(line):
                return line
    return candidates[-1] if candidates else None


def _issued(lines: list[str]) -> str | None:
    for line in reversed(lines[-TRAILING_LINES:]):
        if DATE_LINE.match(line):
            return parse_date(line)
    for line in lines:
        m = DATE_ISSUED.search(line)
        if m:
            return parse_date(m.group())
    return None


def _publisher(lines: list[str]) -> str | None:
    for line in lines[:LEADING_LINES]:
        m = PUBLISHER_LINE.match(line)
        if m:
            return m.group("name")
    tail = lines[-TRAILING_LINES:]
    for i in range(len(tail) - 1, 0, -1):
        if DATE_LINE.match(tail[i]):
            m = PUBLISHER_LINE.match(tail[i - 1])
            return m.group("name") if m else None
    return None
