"""Property and fuzz tests (hypothesis): order independence of IRIs and graphs,
worker-count independence, number parsing, and ingest never crashing on bytes.

(Normalization properties are in tests/test_text_properties.py.)
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import write_corpus  # noqa: E402
from kg.errors import IngestError  # noqa: E402
from kg.ingest import read_document  # noqa: E402
from kg.nlp.lexicon import load_lexicon  # noqa: E402
from kg.nlp.recognize.numbers import parse_value, recognize_numbers  # noqa: E402


# -- order and workers ------------------------------------------------------------
@pytest.fixture(scope="module")
def small_set(tmp_path_factory, samples_dir):
    """The six samples and six generated documents."""
    src = tmp_path_factory.mktemp("small") / "in"
    src.mkdir()
    for p in sorted(samples_dir.iterdir()):
        shutil.copy(p, src / p.name)
    write_corpus(src, 6, seed=7)
    return src


@pytest.fixture(scope="module")
def one_shot(small_set, tmp_path_factory):
    from kg.api import build

    out = tmp_path_factory.mktemp("oneshot") / "out"
    report = build([small_set], out, progress=False)
    return out, report


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(12)))
def test_property_document_graphs_do_not_depend_on_processing_order(small_set, order):
    """The same documents extracted in any order, in one process (whatever caches
    it keeps), give the same graph for each document."""
    from kg.pipeline import process_document

    files = sorted(small_set.iterdir())
    assert len(files) == 12
    first = {f.name: process_document(str(f), f.name) for f in files}
    again = {files[i].name: process_document(str(files[i]), files[i].name) for i in order}
    for name, res in first.items():
        assert res.status == again[name].status
        assert res.nquads == again[name].nquads, name


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(12)), batches=st.integers(2, 4))
def test_property_build_in_any_order_gives_identical_graph_nq(small_set, one_shot, order, batches):
    """Documents added to the input in another order, over several incremental
    builds, give the same graph.nq (and IRIs) as one build of them all."""
    from kg.api import build

    files = sorted(small_set.iterdir())
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        step = -(-len(order) // batches)
        for k in range(0, len(order), step):
            for i in order[k:k + step]:
                shutil.copy(files[i], src / files[i].name)
            build([src], out, progress=False)
        for name in ("graph.nq", "graph.trig", "graph.ttl"):
            assert (out / name).read_bytes() == (one_shot[0] / name).read_bytes(), name


def test_two_workers_give_byte_identical_exports_over_many_documents(tmp_path):
    """Enough documents (40) that both workers of the pool take many of them."""
    from kg.api import build

    src = tmp_path / "in"
    write_corpus(src, 40, seed=3)
    one = build([src], tmp_path / "w1", workers=1, progress=False)
    two = build([src], tmp_path / "w2", workers=2, progress=False)
    assert one.ok and two.ok
    assert [d["counts"] for d in one.documents] == [d["counts"] for d in two.documents]
    for name in ("graph.nq", "graph.trig", "graph.ttl"):
        assert (tmp_path / "w1" / name).read_bytes() == (tmp_path / "w2" / name).read_bytes(), name


# -- numbers ----------------------------------------------------------------------
LEX = load_lexicon()
MAGNITUDES = {None: 1, "千": 1000, "万": 10_000, "亿": 100_000_000}
COUNT_UNITS = sorted(u for u, info in LEX.units.items() if info.kind == "count" and not u.startswith("万"))


def _render(value: str, magnitude: str | None, unit: str, approx: str = "") -> str:
    return f"{value}{magnitude or ''}{approx}{unit}"


decimal_text = st.one_of(
    st.integers(0, 10**9).map(str),
    st.tuples(st.integers(0, 99_999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}".rstrip("0").rstrip(".")),
    st.tuples(st.integers(0, 9_999), st.integers(1, 9)).map(lambda t: f"{t[0]}.{t[1]}"),
)


@settings(max_examples=300, deadline=None)
@given(num=decimal_text, magnitude=st.sampled_from(list(MAGNITUDES)))
@example(num="1.4", magnitude="万")
@example(num="0.5", magnitude="亿")
def test_property_parse_value_multiplies_out_magnitudes(num, magnitude):
    assert parse_value(num, magnitude) == Decimal(num) * MAGNITUDES[magnitude]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(11, 9999))
def test_property_parse_value_reads_chinese_numerals(n):
    assert parse_value(cn2an.an2cn(n), None) == n


@settings(max_examples=400, deadline=None)
@given(num=decimal_text, magnitude=st.sampled_from(list(MAGNITUDES)), unit=st.sampled_from(COUNT_UNITS + ["元"]),
       approx=st.sampled_from(["", "余", "多"]),
       before=st.sampled_from(["全市新建", "累计服务", "2024年，全市共", "其中"]))
@example(num="1.4", magnitude="万", unit="人", approx="", before="全市新增就业")
@example(num="12.5", magnitude="万", unit="人次", approx="", before="累计服务老年人")
@example(num="36", magnitude=None, unit="家", approx="", before="全市新建社区老年食堂")
def test_property_recognize_numbers_reads_rendered_values(num, magnitude, unit, approx, before):
    assume(not (magnitude == "千" and unit == "米"))
    text = f"{before}{_render(num, magnitude, unit, approx)}。"
    found = recognize_numbers(text, LEX)
    start = len(before)
    at = [m for m in found if m.start == start]
    assert len(at) == 1, (text, found)
    m = at[0]
    assert m.value == Decimal(num) * MAGNITUDES[magnitude], (text, m)
    assert m.unit == unit and m.end == len(text) - 1, (text, m)
    if approx:
        assert m.qualifier == approx


@settings(max_examples=200, deadline=None)
@given(num=decimal_text, approx=st.sampled_from(["余", "多"]), magnitude=st.sampled_from(["万", "亿"]),
       unit=st.sampled_from(["元", "人次", "人", "户"]))
@example(num="460", approx="余", magnitude="万", unit="元")
@example(num="20", approx="余", magnitude="万", unit="人次")
def test_property_recognize_numbers_approximate_before_the_magnitude(num, approx, magnitude, unit):
    """四百六十余万元, 20余万人次: 余 before 万 still multiplies it out."""
    text = f"全年累计{num}{approx}{magnitude}{unit}。"
    (m,) = recognize_numbers(text, LEX)
    assert (m.value, m.unit, m.qualifier) == (Decimal(num) * MAGNITUDES[magnitude], unit, approx), (text, m)


@settings(max_examples=200, deadline=None)
@given(num=decimal_text, unit=st.sampled_from(["万元", "亿元"]))
def test_property_recognize_numbers_money_in_ten_thousands(num, unit):
    text = f"全市安排专项资金{num}{unit}。"
    (m,) = recognize_numbers(text, LEX)
    assert m.value == Decimal(num) * (10_000 if unit == "万元" else 100_000_000) and m.unit == "元", (text, m)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(11, 99_999_999), unit=st.sampled_from(["家", "个", "人次", "场"]))
def test_property_recognize_numbers_reads_chinese_numerals(n, unit):
    """万 inside the numeral too (一万二千, 三千零五万)."""
    cn = cn2an.an2cn(n)
    assume(len(cn) >= 2)
    (m,) = recognize_numbers(f"全市建成社区食堂{cn}{unit}。", LEX)
    assert m.value == n and m.unit == unit


HAND_CASES = [
    ("全市新增就业1.4万人。", Decimal(14000), "人"),
    ("服务老年人12.5万人次。", Decimal(125000), "人次"),
    ("投入资金2.3亿元。", Decimal(230000000), "元"),
    ("安排专项资金860万元。", Decimal(8600000), "元"),
    ("建成食堂三十六家。", Decimal(36), "家"),
    ("培训一千二百人次。", Decimal(1200), "人次"),
    ("惠及群众5000余户。", Decimal(5000), "户"),
    ("完成率达到98.5%。", Decimal("98.5"), "%"),
    ("发放补贴100000元。", Decimal(100000), "元"),
    ("全市覆盖1,200户。", Decimal(1200), "户"),
    ("全年服务一万二千余人次。", Decimal(12000), "人次"),
    ("累计存储服务时长三点六万小时。", Decimal(36000), "小时"),
    ("满意度达到百分之九十六点三。", Decimal("96.3"), "%"),
    ("占比百分之40。", Decimal(40), "%"),
    ("检查助餐点二百九十家次。", Decimal(290), "家次"),
    ("出租辅具230件次。", Decimal(230), "件次"),
    ("入户走访1860户次。", Decimal(1860), "户次"),
    ("开展联合检查3轮。", Decimal(3), "轮"),
    ("结对帮扶留守儿童3200对。", Decimal(3200), "对"),
    ("开通心理援助热线电话6部。", Decimal(6), "部"),
    ("办结时间缩短至15个工作日。", Decimal(15), "个工作日"),
    ("派发上门服务工单4.7万单。", Decimal(47000), "单"),
    ("开设课程12000课时。", Decimal(12000), "课时"),
]


@pytest.mark.parametrize("text, value, unit", HAND_CASES)
def test_numbers_hand_cases(text, value, unit):
    found = recognize_numbers(text, LEX)
    assert [(m.value, m.unit) for m in found] == [(value, unit)], found


# -- ingest over arbitrary bytes ---------------------------------------------------
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html><body>",
            b"\x89PNG\r\n\x1a\n", "全市新建社区食堂".encode("gbk"), "全市新建社区食堂".encode("utf-8")]
SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".text"]


@pytest.fixture(scope="module")
def fuzz_dir():
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES),
       tail=st.sampled_from([b"", b"\n%%EOF\n"]))
@example(prefix=b"", body=b"", suffix=".txt", tail=b"")
@example(prefix=b"%PDF-1.4\n", body=b"1 0 obj << /Type /Catalog >> endobj trailer << /Root 1 0 R >>", suffix=".pdf",
         tail=b"\n%%EOF\n")
def test_property_random_bytes_never_crash_ingest(fuzz_dir, prefix, body, suffix, tail):
    path = fuzz_dir / f"doc{suffix}"
    path.write_bytes(prefix + body + tail)
    try:
        doc = read_document(str(path), path.name)
    except IngestError as e:
        assert str(path) in str(e) and e.reason
    else:
        assert isinstance(doc.raw_text, str) and doc.raw_text.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_property_random_bytes_never_crash_a_document_build(fuzz_dir, prefix, body, suffix):
    """Whole pipeline: a document is built or fails with a reason, never an internal error."""
    from kg.pipeline import process_document

    path = fuzz_dir / f"whole{suffix}"
    path.write_bytes(prefix + body)
    res = process_document(str(path), path.name)
    assert res.status in ("built", "failed")
    if res.status == "failed":
        assert "internal error" not in res.error, res.error
    else:
        assert res.nquads


# edits a scraper or a PDF extractor makes to a real text: words and numbers
# inserted, spans dropped or repeated, stray marks (glosses, mojibake, emoji,
# zero-width and full-width characters, bare markup)
GENRE_PIECES = list("的是在有和中为上个人年市县区省团委中心服务站家园心理健康青少年残疾康复养老救助共计新建完成开展覆盖，。、；：“”（）《》")
GENRE_PIECES += ["0", "12", "3.5", "1,234", "百分之三十", "两千", "万", "亿元", "人次", "%", "2023年", "3月", "12355",
                 "青翼家园", "\n", "\n\n", "\u3000", "發(fā)", "\ufffd", "Ã©", "……", "——", "（一）", "1.", "🙂",
                 "\u200b", "\ufeff", "１２３", "①", "<b>", "&amp;", "e\u0301"]


@st.composite
def edited_texts(draw, texts):
    text = draw(st.sampled_from(texts))
    for _ in range(draw(st.integers(1, 30))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "drop", "repeat"]))
        if op == "insert":
            text = text[:i] + "".join(draw(st.lists(st.sampled_from(GENRE_PIECES), min_size=1, max_size=8))) + text[i:]
        elif op == "drop":
            text = text[:i] + text[i + draw(st.integers(1, 40)):]
        else:
            j = draw(st.integers(0, len(text)))
            text = text[:i] + text[j:j + draw(st.integers(1, 60))] + text[i:]
    return text


def _sample_texts() -> list[str]:
    from kg.api import samples_dir

    return [p.read_text("utf-8") for p in sorted(samples_dir().glob("*.txt")) if "gbk" not in p.name
            and "big5" not in p.name]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=edited_texts(_sample_texts()))
def test_property_edited_genre_text_never_hits_an_internal_error(fuzz_dir, text):
    """Texts of the genre, damaged the way scraping damages them, are built (or
    refused with a reason); no rule crashes on them."""
    from kg.pipeline import process_document

    path = fuzz_dir / "edited.txt"
    path.write_text(text, "utf-8")
    res = process_document(str(path), path.name)
    assert res.status in ("built", "failed")
    if res.status == "failed":
        assert "internal error" not in res.error, res.error


@given(spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=40),
       lo=st.integers(0, 70), width=st.integers(0, 30))
def test_property_span_index_finds_the_spans_starting_in_a_window(spans, lo, width):
    from kg.nlp.recognize.spans import SpanIndex

    hi = lo + width
    assert SpanIndex(spans).starting_in(lo, hi) == sorted(s for s in spans if lo <= s[0] < hi)
