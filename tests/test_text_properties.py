"""Property tests: the offset map, idempotence, and ingest never crashing."""
from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import IngestError
from kg.ingest import read_document
from kg.text import normalize, split_sentences
from kg.text.charsets import CHAR_MAP
from kg.text.convert import to_simplified

# characters of our genre, plus the troublemakers normalization handles
CHARS = (
    "市民政局召开新闻发布会全年新建社区食堂覆盖老年人万余户儿童困境留守心理健康服务"
    "發佈會養老務實區團體鐵楊靜壇濮漪姣犖闉闅埣嗬锘ブ诤"
    "，。、；：？！“”‘’（）《》【】…—·"
    "abcdefghijkXYZ0123456789%.,;:?!()[]\"' "
    "０１２３４５６７８９ＡＢ％．\u3000\u00a0\t\r\n\n\n*"
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\ufffd∥ㄔ"
)
FRAGMENTS = ["發(fā)", "務(wù)", "(記者 王某)", "**", "2024 年", "社区食 堂", "\n\n", "。\n", "一、", "，\n",
             "的\n", "报    告", "?hé)", "联系电话：", "王 明", "９８．５％", "\r\n", "临夏市｜180｜52", "| 序号 | 项目 |"]

IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

text_strategy = st.lists(
    st.one_of(st.text(alphabet=CHARS, max_size=12), st.sampled_from(FRAGMENTS)), max_size=40
).map("".join)


def related(src: str, ch: str) -> bool:
    """Normalized char `ch` may come from raw char `src`."""
    mapped = src.translate(CHAR_MAP)
    return (ch in (src, mapped, to_simplified(src), to_simplified(mapped))
            or (IDEOGRAPH.match(src) and IDEOGRAPH.match(ch))  # OpenCC converts some by phrase (答覆)
            or (ch == "." and src == "．") or (ch == " " and (src.isspace() or src in "|｜")) or (ch == "\n" and src in "\n\r"))


@settings(max_examples=400, deadline=None)
@given(text_strategy)
@example("發\n(fā)展")
@example("*\n*重点*\n*")
def test_text_property_offset_map_round_trips(raw):
    nt = normalize(raw)
    offs = nt.raw_offsets
    assert len(offs) == len(nt.text) + 1 and offs[-1] == len(raw)
    assert all(a < b for a, b in zip(offs, offs[1:]))
    repaired = [(w.start, w.end) for w in nt.warnings if w.code == "mojibake-repaired"]
    for i, ch in enumerate(nt.text):
        if not any(s <= offs[i] < e for s, e in repaired):
            assert related(raw[offs[i]], ch), (i, ch, raw[offs[i]])
    for s, e in nt.garbled:
        assert 0 <= s < e <= len(nt.text)


@settings(max_examples=400, deadline=None)
@given(text_strategy)
def test_text_property_normalize_is_idempotent(raw):
    once = normalize(raw).text
    assert normalize(once).text == once


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_text_property_sentences_cover_the_text_in_order(raw):
    text = normalize(raw).text
    spans = split_sentences(text)
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = set(itertools.chain.from_iterable(range(s, e) for s, e in spans))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("random-bytes")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx"]),
       prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_ingest_property_random_bytes_never_crash(scratch, data, suffix, prefix):
    path = scratch / f"random{suffix}"
    path.write_bytes(prefix + data)
    try:
        doc = read_document(str(path), path.name)
    except IngestError as exc:
        assert exc.reason and str(exc).startswith(str(path))
        return
    assert isinstance(doc.raw_text, str) and doc.raw_text.strip()
    normalize(doc.raw_text)  # whatever ingest accepts, normalization takes
