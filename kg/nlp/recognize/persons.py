"""Persons with their posts: 「organization + post + name」, 「name + organization +
post」 (speaker lines), labelled names (签发人：…, 联系人：name，department),
【name】 speaker tags, name lists closed by 委员/代表, a post of the document's
own body (我局副局长…), quoted speakers (居民王某说), places in a working group
(由某某任组长) and a deputy's post (某某代表现任…院长). Every later occurrence
of a found name is a mention too."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.charclass import MIDDLE_DOTS
from kg.nlp.lexicon import Lexicon
from kg.nlp.recognize.notes import SHORT_NAME_NOTE
from kg.text.lines import (RE_FIELD_LABEL, RE_NUMBERED_HEADING, TABLE_HEAD, lines_with_starts,
                           numbered_table_line)
from kg.text.sentences import split_sentences
from kg.types import Mention

_SHORT_BODY_MAX = 6  # the longest short form of a body named before (康复中心, 就业服务中心)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DOTTED_FIRST_MAX = 7  # 阿不都热依木·买买提: six characters before the dot
_DOTTED_LAST_MAX = 6  # 柳德米拉·谢尔盖耶夫娜: six after it
# a transliterated name: two runs of ideographs joined by a middle dot (帕尔哈提·吐尔逊)
_DOTS = MIDDLE_DOTS  # what joins a transliterated name's parts
_DOTTED_NAME = re.compile(r"([\u4e00-\u9fff]{2,%d})[%s]([\u4e00-\u9fff]{2,%d})" % (_DOTTED_FIRST_MAX, _DOTS, _DOTTED_LAST_MAX))


@lru_cache(maxsize=4)
def _list_re(post_re: str) -> re.Pattern:
    item = r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,%d}[%s][\u4e00-\u9fff]{2,%d}" % (
        _DOTTED_FIRST_MAX, _DOTS, _DOTTED_LAST_MAX)  # 王某, 哈力克·努尔
    return re.compile(r"((?:(?:" + item + r")、)*(?:" + item + r"))(" + post_re + r")[：:，,。]")


# A name list closed by a post (赵某、钱某委员：) is ideographs and 、 up to the
# punctuation, so it lies in one such run and ends where the run does.
_LIST_RUN = re.compile(r"(?<![\u4e00-\u9fff、%s])[\u4e00-\u9fff、%s]+(?=[：:，,。])" % (_DOTS, _DOTS))
_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]+")
_NAME_DOT = re.compile("[%s]" % _DOTS)
_MIDDLE_DOT = re.compile(r"(?<=[\u4e00-\u9fff])[%s](?=[\u4e00-\u9fff])" % _DOTS)
_QUOTE_END = re.compile(r"[。！？][”\"]\n?")  # (a wrapped page may break the line there: …。”⏎孙某说。)
_AGE_NUMBER = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
_AGED = re.compile(_AGE_NUMBER + "岁的")
_AGED_QUALIFIER = 2  # characters before the word for who they are (独居|老人, 听力|残疾人)
_SPEAKER_MAX = 6  # characters of that word
_GAP = re.compile(r"[ \t\u3000]+")
_PLACE_MAX = 6  # characters of a county's name before its town's body (睢宁县|沙集镇人民政府)
_POST_MAX = 8  # characters of the longest post before a name (党组书记、副局长 is two)
_GAP_OR_NONE = re.compile(r"[ \t\u3000]*")
_BLANK_LINES = re.compile(r"(?:[ \t\u3000]*\n)*")
# who someone is, then the name and a verb of saying (…队长、68岁的退休教师刘某说)
_DESCRIBED_RUN = re.compile(r"[\u4e00-\u9fff\d]{3,28}")
_NOTE = re.compile(r"[（(][^（）()\n]{1,12}[）)]")  # 王某（项目经理）
_CLAUSE_ENDS = frozenset("，,。；;、")
_AGE_NOW = re.compile(r"(?:今年|现年)(?:已经|已)?" + _AGE_NUMBER + "周?岁")  # 王某今年77岁
# what may follow the name closing a contact line: no more CJK, or a contact label (person_contact_labels.txt)
_LINE_END_OR_NON_CJK = re.compile(r"$|[^\u4e00-\u9fff]")


def _name_lists(text: str, lex: Lexicon) -> list[re.Match]:
    """What `_list_re` finds in the text, searched for only in runs that end in
    a post (the regex is slow where it must try every post at every character);
    at most one match per run, as a match ends at the run's end."""
    list_re = _list_re(lex.post_re)
    posts = tuple(lex.posts)
    if not all(_IDEOGRAPHS.fullmatch(p) for p in posts):
        return list(list_re.finditer(text))
    out = []
    for run in _LIST_RUN.finditer(text):
        if run.group().endswith(posts):
            m = list_re.search(text, run.start(), run.end() + 1)
            if m:
                out.append(m)
    return out


@dataclass(frozen=True)
class PersonPost:
    """A person mention index, the organization mention index (or None) and the post."""

    person: int
    organization: int | None
    role: str | None


def _surname_len(text: str, pos: int, lex: Lexicon) -> int:
    if text[pos:pos + 2] in lex.surnames_two:
        return 2
    if pos < len(text) and text[pos] in lex.surnames_one:
        return 1
    return 0


def _dotted_name_at(text: str, pos: int, lex: Lexicon) -> str | None:
    """A transliterated name (帕尔哈提·吐尔逊) at pos, its first part all
    transliteration characters. Its second part ends after known parts where an
    act follows them, else where its run of transliteration characters does
    (`_transliterated_end`), else after known parts; failing all three, where
    the ideographs do unless an act comes first, else at the first act, post or
    name stop after two of its characters (吐尔逊|任主任)."""
    m = _DOTTED_NAME.match(text, pos)
    if not m or not _transliterated(m.group(1), lex):
        return None  # 市民|政局局长艾力·买买提表示: a dotted name's first part is transliterated too
    parts_end, complete = _known_parts(text, m.start(2), lex)
    end = _transliterated_end(text, m.start(2), lex)
    if complete and lex.person_act_re.match(text, parts_end):
        return text[pos:parts_end]  # 阿布来提·买买提则在…: known parts, then an act
    if end and end >= parts_end:
        return text[pos:end]  # 叶尔兰·哈布都拉表示, 艾买提·买买提明说: the whole run of transliteration characters
    if complete:
        return text[pos:parts_end]  # 努尔曼古丽·托合提当上了…
    for end in range(max(m.start(2) + 2, parts_end), m.end()):
        if text[end] in lex.name_stop and (text.startswith((*lex.post_tuple, *lex.address_forms), end + 1)
                                           or lex.person_act_re.match(text, end + 1)
                                           or not _CJK.match(text[end + 1:end + 2])):
            continue  # 艾力·买买提先生, 买买提局长, 阿依古丽·托合提　: the stop is the name's last character
        if (text[end] in lex.name_stop or lex.person_act_re.match(text, end)
                or text.startswith((*lex.address_forms, *lex.group_role_verbs, *lex.post_tuple), end)):
            return text[pos:end]
    # no act inside: the whole run where the ideographs end (哈力克介绍，: 介绍 was one)
    return m.group(0) if not _CJK.match(text[m.end():m.end() + 1]) else None


def _known_parts(text: str, pos: int, lex: Lexicon) -> tuple[int, bool]:
    """The end of the run of known transliterated name parts at pos
    (dotted_name_parts.txt, longest first; a closing part such as 江 may follow
    one), and whether the last may end a name."""
    end, complete = pos, False
    while part := max((w for w in lex.dotted_name_parts if text.startswith(w, end)), key=len, default=None):
        end, complete = end + len(part), lex.dotted_name_parts[part]
        if complete and (close := next((w for w in lex.dotted_name_suffixes if text.startswith(w, end)), None)):
            end += len(close)
    return end, complete


def _transliterated(name: str, lex: Lexicon) -> bool:
    """Whether every ideograph of a dotted name is one of transliterated names (柳德米拉·谢尔盖耶夫娜, not 之家·清凉)."""
    return all(c in lex.transliteration_chars for c in _NAME_DOT.sub("", name))


def _transliterated_end(text: str, pos: int, lex: Lexicon) -> int | None:
    """The end of a dotted name's second part at pos where it is all
    transliteration characters: their run, cut before an act of two characters
    or more, a form of address or a post (胡安·努尔别克|拉着, 托合提|阿姨);
    None where the run is shorter than two or longer than a part may be."""
    end = pos
    while end < len(text) and text[end] in lex.transliteration_chars:
        if end - pos >= 2:
            act = lex.person_act_re.match(text, end)
            if (act and len(act.group()) > 1) or text.startswith((*lex.address_forms, *lex.post_tuple), end):
                break
        end += 1
    return end if 2 <= end - pos <= _DOTTED_LAST_MAX else None


def _transliterated_names(text: str, lex: Lexicon) -> list[tuple[int, str]]:
    """Dotted names that no post or verb announces (32岁的阿依古丽·买买提坐在…,
    妈妈哈丽旦·努尔兰告诉记者): the run of transliteration characters before a
    middle dot, two to seven of them, and the name's second part as
    `_dotted_name_at` ends it, all transliteration characters too."""
    out = []
    for m in _MIDDLE_DOT.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in lex.transliteration_chars:
            start -= 1
        if not 2 <= m.start() - start <= _DOTTED_FIRST_MAX:
            continue
        name = _dotted_name_at(text, start, lex)
        if name and _transliterated(name, lex):
            out.append((start, name))
    return out


def _syllable_name_at(text: str, pos: int, lex: Lexicon, ends: re.Pattern | None = None) -> str | None:
    """A Mongolian or Tibetan given name at pos: two or more syllables of
    name_syllables.txt in a row, four characters at least (乌云其其格, 才仁多杰),
    or one standing alone, no ideograph after it (图雅 锡林郭勒盟…副局长, 【图雅】)
    or one of `ends` (村民多吉一边…说)."""
    end, count = pos, 0
    while (syllable := lex.name_syllable_re.match(text, end)) is not None:
        end, count = syllable.end(), count + 1
    # 才让吉告诉…, 乡儿童督导员德吉措说: one syllable and a final of name_syllable_finals.txt
    if count == 1 and text[end:end + 1] in lex.name_syllable_finals and (
            not _CJK.match(text[end + 1:end + 2]) or (ends is not None and ends.match(text, end + 1))):
        return text[pos:end + 1]
    if count == 1 and (not _CJK.match(text[end:end + 1]) or (ends is not None and ends.match(text, end))):
        return text[pos:end]
    return text[pos:end] if count >= 2 and end - pos >= 4 else None


def _stop_opens_given(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether a character that usually follows a name opens a given name of two
    at pos (李向东介绍, 冉从军说): one of person_given_name_openers.txt after a surname
    character that is no word as well (都会来), the two no word of their own (王带队走访, 张老人说),
    and what follows them is what follows a name: no ideograph, an act, a post or a
    character that stops a name."""
    given = text[pos:pos + 2]
    if (given[:1] not in lex.given_name_openers or text[pos - 1:pos] in lex.word_surnames
            or len(given) < 2 or not _CJK.match(given[1]) or given[1] in lex.name_stop or lex.person_act_re.match(given)
            or given.startswith((*lex.post_tuple, *lex.address_forms)) or lex.speaker_word_re.match(given)):
        return False
    after = text[pos + 2:pos + 3]
    return (not _CJK.match(after) or after in lex.name_stop or lex.person_act_re.match(text, pos + 2) is not None
            or text.startswith(lex.post_tuple, pos + 2))


def name_at(text: str, pos: int, lex: Lexicon) -> str | None:
    """A personal name starting at pos, its length decided by what follows."""
    if _NAME_DOT.search(text, pos + 2, pos + _DOTTED_FIRST_MAX + 1) and (dotted := _dotted_name_at(text, pos, lex)):
        return dotted
    # 市委书记孟和说: one syllable before a verb of saying is a whole name
    if text[pos:pos + 1] in lex.name_syllable_starts and (syllables := _syllable_name_at(text, pos, lex,
                                                                                        lex.speech_verb_re)):
        return syllables
    s = _surname_len(text, pos, lex)
    if (not s or text.startswith(lex.not_name_starts, pos) or text.startswith(lex.post_tuple, pos + s)
            or text.startswith(lex.not_given_names, pos + s)):
        return None  # 关于残疾人, 农村残疾人; 副县长任组长; 原高龄老人
    given = ""
    for k in range(2):
        i = pos + s + k
        if i >= len(text) or not _CJK.match(text[i]):
            break
        if k == 1 and (text[i] in lex.name_stop or text.startswith(lex.person_cue_tuple, i)
                       or text.startswith(lex.name_stop_words, i)):
            break  # 记者覃丽通讯员…: a label starts there
        if k == 0 and text[i] in lex.name_stop and text[i] not in "一" and not _stop_opens_given(text, i, lex):
            return None
        given += text[i]
    if not given:
        return None
    return text[pos:pos + s] + given


_SPACED_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[ \t\u3000）)\n]|$)")


def _spaced_name(text: str, pos: int, lex: Lexicon) -> str | None:
    """A byline's name with no Han surname (记者 李某 通讯员 扎约 罗某）): two or
    three ideographs set off by spaces, no post, place or label."""
    m = _SPACED_NAME.match(text, pos)
    if m is None or m.group() in lex.full_place_names or lex.short_place_words.has_prefix(m.group()):
        return None
    if (any(p in m.group() for p in lex.posts) or text.startswith(lex.person_cue_tuple, pos)
            or m.group() in lex.person_post_columns or m.group().startswith(lex.person_contact_labels)):
        return None  # 联系人　　职务　　电话: a table's head, no names
    return m.group()


def _name_before(text: str, pos: int, name: str | None, follows: re.Pattern, longer: bool = False,
                 stop_words: tuple[str, ...] = ()) -> str | None:
    """The name at pos, or one character shorter (黄颖告诉: 黄颖, then 告诉) or, with
    `longer`, one longer (孟庆和多次带队) unless a word of `stop_words` starts
    there (俞婷坐在一旁), that `follows` matches right after."""
    if not name:
        return None
    candidates = [name, name[:-1]]
    if longer and len(name) == 2 and not text.startswith(stop_words, pos + 2):
        candidates.append(text[pos:pos + 3])
    # where two lengths fit, the longer act decides (刘芳接到: 刘芳 and 接到, not 刘芳接 and 到)
    fits = [(m.end() - m.start(), -k, n) for k, n in enumerate(candidates)
            if len(n) >= 2 and _CJK.fullmatch(n[-1]) and (m := follows.match(text, pos + len(n)))]
    return max(fits)[2] if fits else None


_COLON_GAP = re.compile(r"[：:][ \t\u3000]*")


def _post_lead(text: str, org: Mention, lex: Lexicon) -> int | None:
    """Where a body's post starts after a bracket's duty label (市民政局（责任人：局长 李某）)
    or, on a line the body opens, after a colon (岭南镇妇联：主席 韦某); else None."""
    if label := lex.body_post_label_re.match(text, org.end):
        return label.end()
    before = text[text.rfind("\n", 0, org.start) + 1:org.start].strip()
    opened = not before or RE_NUMBERED_HEADING.fullmatch(before)
    colon = _COLON_GAP.match(text, org.end) if opened else None
    return colon.end() if colon else None


def _described_name(text: str, pos: int, lex: Lexicon) -> tuple[int, str] | None:
    """The name closing a run of words for who someone is (68岁的退休教师刘某说, 国家二级心理
    咨询师李某介绍), where a verb of saying follows it: its start and the name."""
    run = _DESCRIBED_RUN.match(text, pos)
    if not run:
        return None
    verb = lex.speech_verb_re.search(text, pos + 1, run.end())
    if verb is None:
        return None
    fits = [verb.start() - n for n in (3, 2)
            if verb.start() - n > pos and name_at(text, verb.start() - n, lex) == text[verb.start() - n:verb.start()]]
    # 国家二级心理咨询师杨柳说: 师 closes a post (or a word for who she is), it starts no name
    whole_word = [s for s in fits if lex.describing_word_end_re.search(text, pos, s)]
    start = (whole_word or fits or [None])[0]
    return (start, text[start:verb.start()]) if start is not None else None


def _is_address(name: str, lex: Lexicon, forms: tuple[str, ...] | None = None) -> bool:
    """张先生, 欧阳女士: a surname and a form of address, not a name."""
    forms = lex.address_forms if forms is None else forms
    return name[1:].startswith(forms) or name[2:].startswith(forms)


def _longer_before_act(text: str, pos: int, name: str, lex: Lexicon) -> str:
    """A two-character name one character longer where what the person does
    follows only then (孟庆和多次带队: 和 usually follows a name, here ends it)."""
    longer = text[pos:pos + len(name) + 1]
    if len(name) == 2 and _CJK.fullmatch(longer[-1:]) and longer[-1] not in lex.person_act_particles \
            and lex.person_act_re.match(text, pos + 3) \
            and not lex.person_act_re.match(text, pos + 2):
        return longer
    return name


def _names_listed(text: str, pos: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Names at pos joined by 、 (季某、毛某), when punctuation (，。；) or 及/等
    (主任谭某某及部分委员) follows the last one; else none."""
    out = []
    while True:
        name = name_at(text, pos, lex)
        name = next((n for n in (name, name[:-1]) if len(n) >= 2 and text[pos + len(n):pos + len(n) + 1] in "、，。；及等"),
                    None) if name else None
        if name is None:
            return []
        out.append((pos, name))
        pos += len(name)
        if text[pos:pos + 1] != "、":
            # one name alone only when it is a full three characters (副市长叶某某，) whose
            # surname is no common word as well (儿童主任全覆盖，)
            return out if len(out) > 1 or (len(out[0][1]) == 3 and out[0][1][0] not in lex.word_surnames) else []
        pos += 1


def _more_listed(text: str, pos: int, lex: Lexicon) -> list[tuple[int, str]]:
    """Names joined by 、 after one at pos (联系人：王某（项目经理）、张某), each
    perhaps with a note in brackets, the last closed by no more ideographs."""
    out = []
    while True:
        note = _NOTE.match(text, pos)
        pos = note.end() if note else pos
        if text[pos:pos + 1] != "、":
            return out
        name = name_at(text, pos + 1, lex)
        if not name or _CJK.match(text[pos + 1 + len(name):pos + 2 + len(name)]):
            return out
        out.append((pos + 1, name))
        pos += 1 + len(name)


def _roster(line: str, lex: Lexicon) -> list[tuple[int, str]]:
    """A line that is nothing but names (and notes) joined by 、 or ，: each name
    with its offset in the line; else none. Among two or more names, an item of
    two to four ideographs that is no name by its surname (苏雅拉图) is a name
    too, at most one such for every two names; a post standing for a name
    withheld (采购人代表) is passed over."""
    out, strays = [], 0
    for item in _ROSTER_ITEM.finditer(line):  # (a note may hold a comma: 周某（采购人代表，县民政局）)
        bare = _ROSTER_NOTE.sub("", item.group())
        if len(bare) >= 2 and name_at(bare, 0, lex) == bare:
            out.append((item.start(), bare))
        elif any(p in bare for p in lex.posts):
            continue
        elif _ROSTER_STRAY.fullmatch(bare) and bare not in lex.full_place_names \
                and not lex.short_place_words.has_prefix(bare):
            out.append((item.start(), bare))
            strays += 1
        else:
            return []
    return out if len(out) - strays >= 2 and strays * 2 <= len(out) - strays else []


_ROSTER_ITEM = re.compile(r"(?:[^、，,（(]|[（(][^）)]*[）)])+")
_ROSTER_NOTE = re.compile(r"[（(][^（）()\n]*[）)]")  # 郭某（采购人代表，县民政局养老服务股股长）
_ROSTER_STRAY = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _posts_at(text: str, pos: int, post_re: re.Pattern) -> tuple[str | None, int]:
    """Consecutive posts (党组成员、副局长) starting at pos: (last post, end)."""
    last, end = None, pos
    while True:
        m = post_re.match(text, end)
        if not m:
            break
        last, end = m.group(0), m.end()
        if end < len(text) and text[end] in "、和" and post_re.match(text, end + 1):
            end += 1
    return last, end


def _post_before(text: str, pos: int, post_re: re.Pattern) -> bool:
    """Whether a post ends at pos (副市长|孟某)."""
    return any((m := post_re.match(text, k)) and m.end() == pos for k in range(max(0, pos - _POST_MAX), pos))


def _group_members(text: str, lex: Lexicon, post_re: re.Pattern, orgs: list[Mention],
                   found: dict, add) -> None:
    """A person given a place in a working group the sentence sets up is its
    member: 成立…工作专班，由团市委书记刘某任组长，市教育局副局长周某、市卫健委副主任黄某任副组长;
    以副市长孟某为组长的…领导小组; 领导小组组长由副县长柯某担任. The group is the one
    named after 的 right after the role, or else the last one named before the
    persons in the sentence."""
    sentences: list[tuple[int, int]] = []

    def clause_start(pos: int) -> int:
        return max(text.rfind(c, 0, pos) for c in "，,。；;：:\n") + 1

    def sentence(pos: int) -> tuple[int, int]:
        if not sentences:  # split once, where a role is named at all
            sentences.extend(split_sentences(text))
        k = bisect.bisect_right(sentences, (pos, len(text))) - 1
        return sentences[k] if k >= 0 else (0, len(text))

    def named(start: int, end: int) -> list[tuple[int, int]]:
        return sorted(k for k in found if start <= k[0] and k[1] <= end)

    def group(members: list[tuple[int, int]], role_end: int) -> int | None:
        s, e = sentence(members[0][0])
        after = [oi for oi, o in enumerate(orgs) if role_end <= o.start < e and text[o.start - 1] == "的"]
        if after and orgs[after[0]].text.endswith(lex.group_heads):
            return after[0]
        before = [oi for oi, o in enumerate(orgs) if s <= o.start and o.end <= members[0][0]
                  and o.text.endswith(lex.group_heads)]
        return before[-1] if before else None

    for m in lex.group_role_re.finditer(text):
        members = named(clause_start(m.start()), m.start())
        if not any(k[1] == m.start() for k in members):
            for n in (3, 2):  # 以副市长孟某为组长: the name is found here
                s = m.start() - n
                if s >= 0 and name_at(text, s, lex) == text[s:m.start()] and _post_before(text, s, post_re):
                    members.append((s, m.start()))
                    break
            else:
                continue
        oi = group(members, m.end())
        for k in members if oi is not None else ():
            add(text[k[0]:k[1]], k[0], "person.group-role", oi, m.group(1))
    for m in lex.group_role_by_re.finditer(text):
        role, end = _posts_at(text, m.end(), post_re)
        name = name_at(text, end, lex) if role else None
        if name and text.startswith(lex.group_role_verbs, end + len(name)):
            oi = group([(end, end + len(name))], end)
            if oi is not None:
                add(name, end, "person.group-role", oi, m.group(1))


_FULL_NAME = 3  # characters: a surname and a given name of two (a shorter one is the address form's surname)


@lru_cache(maxsize=2)
def _address_form_regex(forms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))


def _bare_head_body(text: str, pos: int, orgs: list[Mention], lex: Lexicon) -> int | None:
    """The organization a bare head right before pos stands for (…就业中心。中心负责人,
    …残疾人康复中心…。康复中心主任): the last one named before it whose name ends
    with the words from a clause's start to pos, when they end in a head word; or
    the last of its kind a demonstrative stands for (该校, org_demonstratives.tsv)."""
    start = pos
    while start > 0 and pos - start <= _SHORT_BODY_MAX and _CJK.match(text[start - 1]):
        start -= 1
    words = text[start:pos]  # from the clause's start: 。康复中心主任, not inside a longer word
    ends = lex.org_demonstratives.get(words)  # 该校心理老师: the school named last
    if not words or pos - start > _SHORT_BODY_MAX or not (ends or words.endswith(lex.org_suffix_tuple)):
        return None
    before = [oi for oi, o in enumerate(orgs) if o.end <= start and o.text.endswith(ends or (words,))]
    return before[-1] if before else None


# a head's cells where normalization glued them (帮扶就业目标（人）联络员): a bracket closes one
_HEAD_CELL = re.compile(r"[^（(\s]*[（(][^）)\s]*[）)]|[^（()）\s]+")
# a row's cells up to the name where it glued them (…社会保障局380黄少华): words and numbers apart
_ROW_CELL = re.compile(r"\d+(?:\.\d+)?%?|[^\d\s]+")
_WORD_RUN = re.compile(r"\S+")
_CELL_WORDS = re.compile(r"[\u4e00-\u9fff]{2,12}(?![\u4e00-\u9fff])")
_LISTED_NAMES = re.compile(r"[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+(?![\u4e00-\u9fff、])")


def _row_cells(line: str, upto: int) -> list[tuple[int, str]]:
    """(offset, cell) of a row: the first `upto` cells split where words and numbers
    meet, the rest as the spaces leave them (副书记0799-6221865 runs together)."""
    cells: list[tuple[int, str]] = []
    for run in _WORD_RUN.finditer(line):
        if len(cells) < upto:
            cells += [(run.start() + c.start(), c.group()) for c in _ROW_CELL.finditer(run.group())]
        else:
            cells.append((run.start(), run.group()))
    return cells


def _unit_contact(text: str, start: int, lex: Lexicon, org_at: dict, orgs: list[Mention], post_re: re.Pattern,
                  role: str, add) -> int | None:
    """A contact written as its unit, a space and the name (市总工会权益保障部 王某) at
    start; where the line goes on with ；and another body, that body's start."""
    oi = org_at.get(start)
    unit_end = orgs[oi].end if oi is not None else start
    department = lex.sub_unit_re.match(text, unit_end)
    for pos in ((unit_end, department.end()) if department else (unit_end,)):
        post, pos = _posts_at(text, pos, post_re)  # 康复部部长 邓某
        gap = _GAP_OR_NONE.match(text, pos)
        name = name_at(text, gap.end(), lex) if pos > start or gap.end() > pos else None
        after = gap.end() + len(name) if name else 0
        if name and (_LINE_END_OR_NON_CJK.match(text, after) or text.startswith(lex.person_contact_labels, after)):
            add(name, gap.end(), "person.label-unit", oi, post or role)
            line_end = text.find("\n", after)
            nxt = text.find("；", after, len(text) if line_end < 0 else line_end)
            return nxt + 1 if nxt >= 0 and oi is not None and (nxt + 1) in org_at else None
    return None


def _contact_rows(text: str, lex: Lexicon, post_re: re.Pattern, orgs: list[Mention], add) -> None:
    """A table of contacts whose head line names a column of persons (县区 单位
    联系人 职务 电话), one row a line of cells apart: the name in that column, a
    member of the body named before it in the row, with the post of the post
    column (安源区 团安源区委 刘婷婷 副书记0799-…; 茂南区人社局380黄少华 就业股股长)."""
    lines, starts = lines_with_starts(text)
    for i, head in enumerate(lines):
        columns = _HEAD_CELL.findall(head)
        if len(columns) < 3 or not lex.person_name_columns.intersection(columns):
            continue
        at = next(k for k, c in enumerate(columns) if c in lex.person_name_columns)
        post_at = next((k for k, c in enumerate(columns) if c.startswith(lex.person_post_columns)), None)  # 职务/资质
        numbered = head.startswith(TABLE_HEAD)
        for row in range(i + 1, len(lines)):
            if numbered and (kind := numbered_table_line(lines[row])) != "row":
                if kind == "end":
                    break
                continue  # a blank line, a group's heading or total
            cells = _row_cells(lines[row], at)
            # a row of a 序号 table is its number's line, however its cells split (80—89周岁)
            if not at < len(cells) or (len(cells) > len(columns) and not numbered):
                break  # a line of another shape ends the table
            offset, cell = cells[at]
            names = _listed_names(cell, lex)
            if not names and numbered and len(cells) > at + 1 and _bare_name_cell(cell, columns[at + 1:], lex):
                names = [cell]  # 6 特木尔 内蒙古农业大学 5000: a name of no surname, the column says it is one
            if not names:
                name = name_at(cell, 0, lex)
                if name == cell and 2 <= len(cell) <= 4:
                    if len(cells) == at + 1:
                        break  # nothing after the name: a line of another shape
                elif not name or not ((at + 1 < len(columns) and columns[at + 1] in lex.person_sex_columns
                                       and cell.startswith(lex.person_sex_values, len(name)))
                                      or cell[len(name):len(name) + 1].isdigit()):
                    # (金某姬女1城市低保, 王某兰80—89周岁50: the name, then the sex column's
                    # cell or a number run into it, is a name too)
                    continue
                names = [name]
            start = starts[row] + offset
            # the last body before the name, in full (市妇联儿童工作部, not 市妇联 at the same start),
            # or the first after it where none comes before (序号 姓名 单位 职务: 杨某 开远市第一中学 …)
            line_end = starts[row] + len(lines[row])
            body = max((oi for oi, o in enumerate(orgs) if starts[row] <= o.start and o.end <= start),
                       key=lambda oi: (orgs[oi].start, orgs[oi].end), default=None)
            if body is None:
                body = min((oi for oi, o in enumerate(orgs) if start < o.start and o.end <= line_end),
                           key=lambda oi: (orgs[oi].start, -orgs[oi].end), default=None)
            post = _column_post(cells[post_at][1], post_re) if post_at is not None and post_at < len(cells) else None
            if post is None and post_at is None and columns[at] in lex.person_post_name_columns:
                post = columns[at]  # 驻站社工: the column's head is the post each name holds in the row's body
            for k, name in enumerate(names):
                add(name, start + sum(len(n) + 1 for n in names[:k]), "person.contact-row", body if post else None, post)


_BARE_NAME_CELL = re.compile(r"[\u4e00-\u9fff]{2,5}")


def _bare_name_cell(cell: str, later_columns: list[str], lex: Lexicon) -> bool:
    """Whether a name column's cell is a name as it stands: two to five ideographs,
    with a column after it that is no sex column, no sex run into it and no
    village or town (马**|杨庄村: a masked name lost, the village left)."""
    return (bool(_BARE_NAME_CELL.fullmatch(cell)) and bool(later_columns)
            and later_columns[0] not in lex.person_sex_columns and not cell.endswith(lex.person_sex_values)
            and not cell.endswith(lex.settlement_heads + lex.town_heads))


def _listed_names(cell: str, lex: Lexicon) -> list[str]:
    """The names a cell lists, two or more joined by 、 (刘佳、王磊0434-6212301), or none."""
    listed = _LISTED_NAMES.match(cell)
    names = listed.group().split("、") if listed else []
    return names if all(name_at(n, 0, lex) == n for n in names) else []


def _column_post(cell: str, post_re: re.Pattern) -> str | None:
    """The post a post column's cell gives (_cell_post), or else the cell's first
    words up to a figure or 、 (岗位: 保洁员6 11700; 职务/资质: 兼职心理教师、…):
    the column says they are a post."""
    words = _CELL_WORDS.match(cell)
    return _cell_post(words.group() if words else cell, post_re) or (words.group() if words else None)


def _cell_post(cell: str, post_re: re.Pattern) -> str | None:
    """The post a post column's cell gives: a post at its start (副书记0799-…), or
    the whole cell where it ends with one (就业股股长, 社会保障办公室主任)."""
    first = post_re.match(cell)
    if first:
        return first.group(0)
    return cell if any(m.end() == len(cell) for m in post_re.finditer(cell)) else None


def recognize_persons(text: str, lex: Lexicon, orgs: list[Mention]) -> tuple[list[Mention], list[PersonPost]]:
    post_re = re.compile(lex.post_re)
    found: dict[tuple[int, int], Mention] = {}
    posts: list[tuple[tuple[int, int], int | None, str | None]] = []

    def add(name: str, start: int, rule: str, org: int | None, role: str | None) -> None:
        key = (start, start + len(name))
        if key not in found:
            found[key] = Mention("Person", name, start, start + len(name), rule)
        posts.append((key, org, role))

    org_at = {o.start: oi for oi, o in enumerate(orgs)}
    for oi, org in enumerate(orgs):
        # organization + post + name
        note = SHORT_NAME_NOTE.match(text, org.end)  # 襄阳市民政局（以下简称“市民政局”）副局长…
        post_start = note.end() if note else org.end
        role, end = _posts_at(text, post_start, post_re)
        if not role and (lead := _post_lead(text, org, lex)):
            post_start = lead  # 岭南镇妇联：主席 韦某, 市民政局（责任人：局长 李某）
            role, end = _posts_at(text, post_start, post_re)
        if role:
            # 社区党委书记、居委会主任陈某: a second post of another body in between
            more = lex.second_post_re.match(text, end)
            pos = more.end() if more else end
            pos += text[pos:pos + 1] in (" ", "\u3000")  # a signature's post and name: 义乌市人民政府市长 楼某某
            name = name_at(text, pos, lex)
            if name:
                # 团市委书记杨帆陪同: the act decides the length, where one follows
                name = _name_before(text, pos, name, lex.person_act_re) or _longer_before_act(text, pos, name, lex)
                first = post_re.match(text, post_start).group(0)
                if first != role and lex.role_bodies.get(role, "").startswith("@ends:"):
                    # 县委常委、副县长张某: a member of the county committee, and of the
                    # government her second post names (role_bodies.tsv)
                    add(name, pos, "person.org-post-name", oi, first)
                    add(name, pos, "person.org-post-name", None, role)
                else:
                    add(name, pos, "person.org-post-name", oi, role)
                continue
        # name + organization + post, at a line start, or name（organization post）
        role, end = _posts_at(text, org.end, post_re)
        if role and org.start > 0 and text[org.start - 1] in "（(":
            for n in (4, 3, 2):  # (4: 次仁旺堆（县民政局局长）, 欧阳振华（…）)
                s = org.start - 1 - n
                if s >= 0 and name_at(text, s, lex) == text[s:org.start - 1]:
                    add(text[s:org.start - 1], s, "person.name-paren-org-post", oi, role)
                    break
            continue
        if role:
            line_start = text.rfind("\n", 0, org.start) + 1
            head = text[line_start:org.start].strip("【】 ")
            if label := RE_FIELD_LABEL.match(head):
                head = head[label.end():].lstrip()  # 发布人员：孙某 市民政局…
            elif item := RE_NUMBERED_HEADING.match(head):
                head = head[item.end():].lstrip()  # a list of names: 1.覃某 市民政局养老服务股股长
            if 2 <= len(head) <= 4 and name_at(head, 0, lex) == head:
                at = text.rindex(head, line_start, org.start)  # a space may stand before the body
                add(head, at, "person.name-org-post", oi, role)
                # 薛某市政府新闻办副主任、市政府新闻发言人: a second body and post after 、
                nxt = org_at.get(end + 1) if text[end:end + 1] == "、" else None
                role2 = _posts_at(text, orgs[nxt].end, post_re)[0] if nxt is not None else None
                if role2:
                    add(head, at, "person.name-org-post", nxt, role2)

    # labelled names: 签发人：郭某某, 记者 陈某
    for label, role in lex.person_cues.items():
        for m in re.finditer(re.escape(label) + r"(?:[：:/\s]|／)*", text):  # 审核/周凯 as 审核：周凯
            if text.endswith(lex.person_label_objects, 0, m.start()):
                continue  # 向记者展示: the reporter is spoken to, no name follows
            if "\n" in text[m.start() + len(label):m.end()]:
                continue  # 电视台记者：⏎巴里坤、伊吾两县…: a question's tag; its line holds no name
            if label in lex.person_cues_colon and text[m.end() - 1:m.end()] not in "：:/／":
                continue  # 审核和动态管理: a credit label only with its colon (审核：李某)
            spaced = text[m.end() - 1:m.end()] in " \t\u3000"
            name = name_at(text, m.end(), lex) or (_spaced_name(text, m.end(), lex) if spaced else None)
            if name and (m.end() in org_at or lex.place_words.has_prefix(text[m.end():m.end() + 8])):
                name = None  # 图片：乌达区残联: a body or a place is credited, no name
            if name and _is_address(name, lex, lex.name_address_forms):
                continue  # 联系人：李先生: a surname and a form of address (张某 is a name withheld)
            department = lex.sub_unit_re.match(text, m.end())
            if name and department and department.end() > m.end() + len(name):
                name = None  # 联系人：康复部部长 邓某: a department, not a name
            if name is None:
                # 联系人：市总工会权益保障部 王某: the unit, a space, the name (the space
                # may be gone: normalization joins CJK runs, 市民生实事办综合科刘某 电话);
                # another unit and name may follow after ；on the line (…；市民政局儿童福利科 黄某)
                start = m.end()
                while start is not None:
                    start = _unit_contact(text, start, lex, org_at, orgs, post_re, role, add)
                continue
            end = m.end() + len(name)
            after = text[end:end + 1]
            if label in lex.person_cues_alone and _CJK.match(after) and not text.startswith(lex.person_cue_tuple, end):
                continue  # (another credit may follow: 文/刘某图/陈某)
            if text[m.end() - 1:m.end()] in "：:" and _CJK.match(after) and after not in lex.name_stop:
                continue  # 宁夏日报记者：农村地区和留守儿童…: a question, not a name (but 领衔代表：周某等)
            # 联系人：王某，市民政局养老服务科 / 王某（团市委青年发展部部长）: that unit
            oi = org_at.get(end + 1) if after in "，,（(" and after else None
            unit_post = _posts_at(text, orgs[oi].end, post_re)[0] if oi is not None else None
            if oi is None:  # 主持人：何某　市政府新闻办副主任: a unit and its post after the name
                oi = org_at.get(_GAP_OR_NONE.match(text, end).end())
                unit_post = _posts_at(text, orgs[oi].end, post_re)[0] if oi is not None else None
                oi = oi if unit_post else None
            add(name, m.end(), "person.label", oi, unit_post or role)
            for at, listed in _more_listed(text, end, lex):
                add(listed, at, "person.label", None, role)
            # 记者 陈某 通讯员 李某 刘某): more names, each after a space (or none
            # where normalization joined them), up to the next label
            pos = m.end()
            while name:
                pos += len(name)
                gap = _GAP_OR_NONE.match(text, pos)
                if text.startswith(lex.person_cue_tuple, gap.end()):
                    break
                nxt = name_at(text, gap.end(), lex) or (_spaced_name(text, gap.end(), lex)
                                                        if spaced and gap.end() > pos else None)
                if nxt is None or lex.person_act_re.fullmatch(nxt) or (
                        _CJK.match(text[gap.end() + len(nxt):gap.end() + len(nxt) + 1])
                        and not text.startswith(lex.person_cue_tuple, gap.end() + len(nxt))):
                    # (a label may follow the last name: 通讯员 吴某 冯某图/符某; what the
                    # reporter did may close the credit: 记者 杨某 整理)
                    break
                add(nxt, gap.end(), "person.label", None, role)
                pos, name = gap.end(), nxt

    # 评审专家名单：⏎甲、乙、丙: a line of names under a label that announces them
    for m in lex.roster_label_re.finditer(text):
        line_start = _BLANK_LINES.match(text, m.end()).end()
        line_end = text.find("\n", line_start)
        # (a full stop may close the line: 甲、乙（以上为随机抽取专家），丙（采购人代表）。)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip(" \u3000\t").rstrip("。")
        at = text.find(line, line_start) if line else -1
        for pos, listed in _roster(line, lex) if at >= 0 else ():
            add(listed, at + pos, "person.roster", None, None)

    # 【name】 speaker tags and name lists closed by a post (赵某、钱某委员)
    for m in re.finditer(r"【([^】]{2,4})】", text):
        # a row of bracketed words is a web page's buttons (【打印】【关闭】), not speakers
        if text[m.start() - 1:m.start()] == "】" or text[m.end():m.end() + 1] == "【":
            continue
        tag = m.group(1)
        # 【景德镇】 heads a place's part of a story
        if name_at(tag, 0, lex) == tag and tag not in lex.full_place_names and tag not in lex.short_place_words.words:
            add(tag, m.start(1), "person.speaker-tag", None, None)
    for m in _name_lists(text, lex):
        role = m.group(2)
        if role not in ("委员", "代表"):
            continue
        pos = m.start(1)
        parts = m.group(1).split("、")
        for k, part in enumerate(parts):
            if k == len(parts) - 1 and name_at(part, 0, lex) != part:
                # the last item may carry words before the name (尊敬的宋某某代表)
                for n in (3, 2):
                    if len(part) > n and name_at(part, len(part) - n, lex) == part[-n:]:
                        add(part[-n:], pos + len(part) - n, "person.name-list", None, role)
                        break
            elif name_at(part, 0, lex) == part:
                add(part, pos, "person.name-list", None, role)
            pos += len(part) + 1

    # a post directly before a name: 运动员刘某某, 代表宋某某
    for m in post_re.finditer(text):
        name = name_at(text, m.end(), lex)
        if name and (m.end(), m.end() + len(name)) not in found and m.group(0) in ("运动员", "教练员", "主持人", "总书记"):
            add(name, m.end(), "person.post-name", None, m.group(0))

    # a signature line, a place, its post, a space and a name: 阳江市市长 陈某某
    for m in post_re.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        gap = _GAP_OR_NONE.match(text, m.end())
        if gap.end() == m.end() or text[line_start:m.start()] not in lex.full_place_names:
            continue
        name = name_at(text, gap.end(), lex)
        if name and text[gap.end() + len(name):gap.end() + len(name) + 1] in ("", "\n"):
            add(name, gap.end(), "person.signature", None, m.group(0))

    # a post of the document's own body: 我局副局长李某 (its body is the publisher)
    for m in (*lex.self_body_re.finditer(text), *lex.self_clause_re.finditer(text)):
        role, end = _posts_at(text, m.end(), post_re)
        name = name_at(text, end, lex) if role else None
        if name:
            add(name, end, "person.self-post-name", None, role)

    # a post, a name and what the person does: 书记李某指出, 副市长刘某先后…
    for m in post_re.finditer(text):
        role, end = _posts_at(text, m.start(), post_re)
        # the act decides the name's length: 黄颖告诉 is 黄颖, then 告诉
        # (谭静的带领下: 的 ends the name, it is none of it)
        name = _name_before(text, end, name_at(text, end, lex), lex.person_act_after_particle_re, longer=True,
                            stop_words=lex.name_stop_words + lex.person_act_particles)
        if name and not any(s <= end < e for s, e in found):
            # 中心负责人刘某介绍: the 中心 the story named before
            add(name, end, "person.post-name-act", _bare_head_body(text, m.start(), orgs, lex), role)
        elif not name:
            # 副市长季某、毛某，…: a post over a list of names, closed by punctuation or an act
            names = _names_listed(text, end, lex) if role.endswith(lex.leading_posts) else []
            for pos, listed in names:
                if not any(s <= pos < e for s, e in found):
                    add(listed, pos, "person.post-names", None, role)
            described = _described_name(text, end + 1, lex) if text.startswith("、", end) and not names else None
            if described and not any(o.start < m.start() < o.end for o in orgs):
                # 服务队队长、68岁的退休教师刘某说: who else the person is, between the post and the name
                # (not 党委书记 inside 社区党委书记、居委会主任陈某说: that body's post has its name already)
                add(described[1], described[0], "person.post-descriptor-name", _bare_head_body(text, m.start(), orgs, lex),
                    role)

    # a name directly before a post that follows names (习某某总书记)
    for m in re.finditer("|".join(lex.posts_after_name), text) if lex.posts_after_name else ():
        for n in (3, 2):
            s = m.start() - n
            if s >= 0 and name_at(text, s, lex) == text[s:m.start()] and (s == 0 or not _CJK.match(text[s - 1])):
                add(text[s:m.start()], s, "person.name-post", None, m.group(0))
                break

    # a quoted speaker: “……”刘某笑着说, 居民王某说, 低保户李某告诉记者
    for m in (*_QUOTE_END.finditer(text), *lex.speaker_word_re.finditer(text)):
        if m.re is lex.speaker_word_re and text.startswith(lex.community_heads, m.start()):
            continue  # 凤城一村居民区组建的…: a community's name, not 居民 and a name
        name = _name_before(text, m.end(), name_at(text, m.end(), lex), lex.speech_verb_re)
        if name is None and m.re is lex.speaker_word_re:
            # 残疾人李秀兰的家, 网格员马晓东就带着…: a full three-character name and what follows a person
            name = _name_before(text, m.end(), name_at(text, m.end(), lex), lex.speaker_name_end_re)
            name = name if name and len(name) == 3 and name[0] not in lex.word_surnames else None
            # 残疾人扎西次仁拄着…: a name of syllables ends where they do
            name = name or _syllable_name_at(text, m.end(), lex, lex.speaker_name_end_re)
            dotted = name_at(text, m.end(), lex) if name is None else None
            if dotted and _NAME_DOT.search(dotted) and _transliterated(dotted, lex):
                name = dotted  # 爷爷买买提江·阿不都拉对此深有感触: a transliterated name needs no verb
        if name and not _is_address(name, lex):
            add(name, m.end(), "person.speaker", None, None)
    # 住在5栋的刘德明大爷, 王秀兰阿姨说: a full name with a form of address after it
    for forms, needs_opener in ((lex.name_address_forms, False), (lex.opened_name_address_forms, True)):
        for m in _address_form_regex(forms).finditer(text) if forms else ():
            s = m.start() - _FULL_NAME
            if s < 0 or name_at(text, s, lex) != text[s:m.start()] or _is_address(text[s:m.start()], lex):
                continue
            before = text[s - 1] if s else ""
            # …or right after a word for who someone is (社区居民陈德福老人笑着说)
            after_speaker = needs_opener and any(sp.end() == s for sp in lex.speaker_word_re.finditer(
                text, max(0, s - _SPEAKER_MAX), s))
            if before in lex.name_openers or after_speaker or not (needs_opener or (before and _CJK.match(before))):
                add(text[s:m.start()], s, "person.name-address", None, None)
    # 62岁的居民胡某, 78岁的独居老人庞某某 (a word or two may qualify who they are)
    for m in _AGED.finditer(text):
        qualified = _IDEOGRAPHS.match(text, m.end(), m.end() + _AGED_QUALIFIER + _SPEAKER_MAX)
        after = [sp.end() for sp in lex.speaker_word_re.finditer(text, m.end(), qualified.end())
                 if sp.start() - m.end() <= _AGED_QUALIFIER] if qualified else []
        starts = after + [m.end()]
        for pos in starts:
            name = name_at(text, pos, lex)
            # (78岁的居民买买提·热合曼: a transliterated name of any length; 10岁的泽让卓玛: one of syllables)
            if name and (len(name) == 3 or _NAME_DOT.search(name) or _syllable_name_at(text, pos, lex) == name) \
                    and not _is_address(name, lex):
                add(name, pos, "person.aged", None, None)
                break

    _group_members(text, lex, post_re, orgs, found, add)
    _contact_rows(text, lex, post_re, orgs, add)
    # 马某代表现任秦安县郭嘉镇卫生院院长: the body (its place may come first) and post a deputy holds
    for m in lex.person_affiliation_re.finditer(text):
        name = next((text[s:e] for s, e in found if e == m.start()), None)
        for n in (3, 2) if name is None and m.group(0).startswith(lex.post_tuple) else ():  # 代表现任
            if name_at(text, m.start() - n, lex) == text[m.start() - n:m.start()]:
                name = text[m.start() - n:m.start()]
                break
        near = [(o.start, -o.end, oi) for oi, o in enumerate(orgs) if m.end() <= o.start <= m.end() + _PLACE_MAX]
        oi = min(near)[2] if near else None  # the longest name there: 某医院儿童保健科, not 某医院
        role = _posts_at(text, orgs[oi].end, post_re)[0] if oi is not None and name else None
        if role:
            add(name, m.start() - len(name), "person.affiliation", oi, role)

    # (after the other rules, which know more of the person)
    # 项目负责人为李某，…: a post said to be held by a name that ends its clause
    for m in post_re.finditer(text):
        at = m.end() + 1
        if text[m.end():at] == "为" and not text.startswith(lex.post_tuple, at) and (name := name_at(text, at, lex)) \
                and text[at + len(name):at + len(name) + 1] in _CLAUSE_ENDS:
            if (at, at + len(name)) not in found:
                add(name, at, "person.post-is-name", None, m.group(0))

    # 坐在她对面的王福顺今年77岁: a name right before its age, after 的, a word for who
    # someone is (彝族老人吉伍木呷今年76岁) or no ideograph
    for m in _AGE_NOW.finditer(text):
        for n in (4, 3, 2):  # (4: a Yi family name of two and its given name)
            s = m.start() - n
            if s >= 0 and name_at(text, s, lex) == text[s:m.start()] and (
                    s == 0 or not _CJK.match(text[s - 1]) or text[s - 1] == "的"
                    or lex.describing_word_end_re.search(text, max(0, s - _POST_MAX), s)):
                if (s, m.start()) not in found:
                    add(text[s:m.start()], s, "person.name-age", None, None)
                break

    known = {m.text for m in found.values()}
    for start, name in _transliterated_names(text, lex):
        # 感谢艾力·买买提局长: a run that holds a name found elsewhere starts too early
        if not any(s < start + len(name) and start < e for s, e in found) and not any(k in name for k in known):
            add(name, start, "person.transliterated", None, None)

    mentions = sorted(found.values(), key=lambda x: (x.start, x.end))
    # later occurrences of the same names
    names = {m.text for m in mentions}
    taken = {(m.start, m.end) for m in mentions}
    for name in sorted(names, key=lambda w: (-len(w), w)):  # longest first, in a fixed order
        for m in re.finditer(re.escape(name), text):
            if (m.start(), m.end()) not in taken and not any(s < m.end() and m.start() < e for s, e in taken):
                mentions.append(Mention("Person", name, m.start(), m.end(), "person.repeat"))
                taken.add((m.start(), m.end()))
    mentions.sort(key=lambda x: (x.start, x.end))
    index = {(m.start, m.end): i for i, m in enumerate(mentions)}
    links = [PersonPost(index[k], o, r) for k, o, r in posts]
    return mentions, links
