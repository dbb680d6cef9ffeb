"""kg.ingest: discovery, encoding detection, HTML/PDF/DOCX readers, refusals."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sys
import time

import pytest

from kg.errors import IngestError
from kg.ingest import discover, discover_with_errors, read_document

# our own short sentences in the genre (not corpus text)
SIMPLIFIED = "市民政局今天召开新闻发布会，介绍全市养老服务工作进展情况。\n全年新建社区食堂十二家，覆盖老年人三万余人。\n"
TRADITIONAL = "市民政局今天召開新聞發布會，介紹全市養老服務工作進展情況。\n全年新建社區食堂十二家，覆蓋老年人三萬餘人。\n"


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def read(tmp_path, name: str, data: bytes):
    return read_document(write(tmp_path, name, data), name)


# -- encodings ---------------------------------------------------------------
@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16-le"),  # with BOM (little-endian on this platform)
    ("utf-16-le", "utf-16-le"),  # no BOM: NUL bytes of ASCII/newlines tell the order
    ("utf-16-be", "utf-16-be"),
    ("utf-32", "utf-32-le"),
    ("gb2312", "gb18030"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
])
def test_ingest_detects_encoding(tmp_path, codec, expected):
    doc = read(tmp_path, "doc.txt", SIMPLIFIED.encode(codec))
    assert doc.raw_text.lstrip("\ufeff") == SIMPLIFIED
    assert doc.encoding == expected
    assert doc.media_type == "text/plain"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_ingest_detects_utf16_without_bom_or_ascii(tmp_path, codec):
    text = "市民政局召开新闻发布会全年新建社区食堂"  # no ASCII, so no NUL bytes
    doc = read(tmp_path, "wide.txt", text.encode(codec))
    assert doc.raw_text == text and doc.encoding == codec


def test_ingest_detects_big5(tmp_path):
    doc = read(tmp_path, "big5.txt", TRADITIONAL.encode("big5"))
    assert doc.raw_text == TRADITIONAL
    assert doc.encoding in ("big5", "cp950")


@pytest.mark.parametrize("text, codec", [
    ("新闻发布会", "gbk"),
    ("新聞發布會", "big5"),
    ("养老服务中心", "gbk"),
    ("養老服務中心", "big5"),
])
def test_ingest_tells_gbk_from_big5_on_short_text(tmp_path, text, codec):
    assert read(tmp_path, "short.txt", text.encode(codec)).raw_text == text


def test_ingest_gb18030_only_characters(tmp_path):
    text = "市民政局发布会纪要€，编号〇〇一。\n"
    doc = read(tmp_path, "x.txt", text.encode("gb18030"))
    assert doc.raw_text == text and doc.encoding == "gb18030"


def test_ingest_hashes_the_bytes(tmp_path):
    data = SIMPLIFIED.encode("gbk")
    doc = read(tmp_path, "a.txt", data)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source == "a.txt" and doc.path.endswith("a.txt")


def test_ingest_tolerates_a_truncated_last_character(tmp_path):
    data = SIMPLIFIED.encode("utf-8")[:-2] + "市".encode("utf-8")[:2]
    doc = read(tmp_path, "cut.txt", data)
    assert doc.encoding == "utf-8"
    assert doc.raw_text.startswith(SIMPLIFIED[:20])
    assert [w.code for w in doc.warnings] == ["decode-errors"]


def test_ingest_markdown_is_text(tmp_path):
    doc = read(tmp_path, "note.MD", "# 标题\n**重点工作**。\n".encode("utf-8"))
    assert doc.media_type == "text/markdown" and "**重点工作**" in doc.raw_text


# -- refusals ----------------------------------------------------------------
def test_ingest_rejects_empty_file(tmp_path):
    with pytest.raises(IngestError) as e:
        read(tmp_path, "empty.txt", b"")
    assert e.value.reason == "empty file"
    assert str(e.value) == f"{e.value.path}: empty file"


@pytest.mark.parametrize("magic, kind", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00", "GIF image"),
    (b"PK\x03\x04\x14\x00", "ZIP archive"),
    (b"%PDF-1.7\n", "PDF document"),
    (b"\x1f\x8b\x08\x00", "gzip archive"),
])
def test_ingest_rejects_binary_by_magic_number(tmp_path, magic, kind):
    with pytest.raises(IngestError) as e:
        read(tmp_path, "file.txt", magic + b"rest of the file " * 10)
    assert e.value.reason == f"binary content ({kind}), not text"


def test_ingest_rejects_nul_bytes_that_are_not_utf16(tmp_path):
    with pytest.raises(IngestError, match=r"binary content \(NUL bytes\), not text"):
        read(tmp_path, "blob.txt", b"abc\x00\x01\x02\x03xyz\x00" * 20)


def test_ingest_rejects_undecodable_bytes(tmp_path):
    with pytest.raises(IngestError, match="not decodable as UTF-8, GB18030, Big5 or UTF-16"):
        read(tmp_path, "bad.txt", b"\x80\xff\x80" * 101)


def test_ingest_rejects_random_bytes_that_happen_to_decode(tmp_path):
    rng = random.Random(20240703)
    trails = [b for b in range(0x40, 0xFF) if b != 0x7F]
    data = bytes(x for _ in range(600) for x in (rng.randint(0x81, 0xFE), rng.choice(trails)))
    with pytest.raises(IngestError, match="mostly not text"):
        read(tmp_path, "noise.txt", data)


def test_ingest_accepts_gbk_read_as_latin1_despite_c1_controls(tmp_path):
    # GBK extension bytes (traditional characters) read as Latin-1 are C1
    # controls; the text is reversible, so kg.text repairs it rather than ingest refusing it
    garbled = TRADITIONAL.encode("gbk").decode("latin-1")
    assert sum("\x80" <= c <= "\x9f" for c in garbled) > 0.01 * len(garbled) + 1
    doc = read(tmp_path, "latin1.txt", garbled.encode("utf-8"))
    assert doc.raw_text == garbled and doc.encoding == "utf-8"


def test_ingest_still_rejects_control_characters_that_are_not_gbk(tmp_path):
    with pytest.raises(IngestError, match=r"binary content \(control characters"):
        read(tmp_path, "controls.txt", ("abc\x85\x90\x91" * 40).encode("utf-8"))


def test_ingest_rejects_whitespace_only(tmp_path):
    with pytest.raises(IngestError, match="no text"):
        read(tmp_path, "blank.txt", b" \n\t\n")


def test_ingest_reports_missing_file(tmp_path):
    with pytest.raises(IngestError, match="file not found"):
        read_document(str(tmp_path / "nope.txt"), "nope.txt")


def test_ingest_reports_directory(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match="is a directory"):
        read_document(str(tmp_path / "dir.txt"), "dir.txt")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_ingest_reports_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", SIMPLIFIED.encode())
    os.chmod(path, 0)
    try:
        with pytest.raises(IngestError, match="permission denied"):
            read_document(path, "secret.txt")
    finally:
        os.chmod(path, 0o644)


def test_ingest_large_file_reads_in_bounded_memory(tmp_path):
    import tracemalloc

    line = "全市新建社区食堂十二家，覆盖老年人三万余人，服务满意率达到百分之九十八。\n".encode("gb18030")
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        for _ in range((50 << 20) // (len(line) * 1000)):
            fh.write(line * 1000)
    size = path.stat().st_size
    tracemalloc.start()
    start = time.perf_counter()
    try:
        doc = read_document(str(path), "big.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.encoding == "gb18030" and len(doc.raw_text) > 16_000_000
    assert peak < 5 * size  # bytes + decoded str (2 bytes/char) + small samples
    assert time.perf_counter() - start < 30


# -- HTML --------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>关于开展社区养老服务的通知_某市民政局</title>
<meta property="article:published_time" content="2024-07-03T10:00:00+08:00">
<meta name="ContentSource" content="某市民政局">
<style>.x {{ color: red }}</style><script>var msg = "脚本内容不应出现";</script>
</head><body>
<header><h1>某市人民政府门户网站</h1></header>
<nav><a href="/">首页</a><a href="/gk">政务公开</a></nav>
<div class="main-content"><h1>关于开展社区养老服务的通知</h1>
<p>各县区民政局：<br>为做好社区养老服务工作，现通知如下。</p>
<ul><li>一、提高认识</li><li>二、加强领导</li></ul>
<table><tr><td>项目</td><td>数量</td></tr><tr><td>食堂</td><td>12</td></tr></table>
</div>
<aside>相关链接</aside><form><input value="搜索"></form><noscript>请启用脚本</noscript>
<footer>版权所有 某市民政局</footer></body></html>"""


def test_ingest_html_keeps_main_text_only(tmp_path):
    doc = read(tmp_path, "page.html", PAGE.format(charset="utf-8").encode("utf-8"))
    assert doc.media_type == "text/html"
    assert doc.raw_text.split("\n") == [
        "关于开展社区养老服务的通知", "各县区民政局：", "为做好社区养老服务工作，现通知如下。",
        "一、提高认识", "二、加强领导", "项目 数量", "食堂 12"]
    for junk in ("脚本", "首页", "相关链接", "版权所有", "搜索", "请启用脚本", "color"):
        assert junk not in doc.raw_text


def test_ingest_html_title_date_publisher(tmp_path):
    doc = read(tmp_path, "page.htm", PAGE.format(charset="utf-8").encode("utf-8"))
    assert doc.title == "关于开展社区养老服务的通知"
    assert doc.issued == "2024-07-03"
    assert doc.publisher == "某市民政局"


def test_ingest_html_declared_gb2312_charset(tmp_path):
    doc = read(tmp_path, "gb.html", PAGE.format(charset="gb2312").encode("gbk"))
    assert doc.encoding == "gb18030"
    assert "为做好社区养老服务工作" in doc.raw_text


def test_ingest_html_title_tag_without_site_name(tmp_path):
    html = "<html><head><title>养老服务补贴发放公告 - 某市民政局</title><meta name='PubDate' content='2023/12/28'></head>" \
           "<body><p>本月补贴已全部发放。</p></body></html>"
    doc = read(tmp_path, "t.html", html.encode("utf-8"))
    assert doc.title == "养老服务补贴发放公告" and doc.issued == "2023-12-28"


def test_ingest_html_survives_broken_tags(tmp_path):
    html = "<html><body><div><p>市民政局<b>召开会议<i>部署工作</div></span></p><p>第二段<td>没有表格"
    doc = read(tmp_path, "broken.html", html.encode("utf-8"))
    assert "市民政局召开会议部署工作" in doc.raw_text
    assert "第二段" in doc.raw_text


def test_ingest_html_without_text_is_an_error(tmp_path):
    with pytest.raises(IngestError, match="no text"):
        read(tmp_path, "empty.html", b"<html><head><script>x=1</script></head><body></body></html>")


# -- PDF ---------------------------------------------------------------------
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
from pdfgen import make_pdf  # noqa: E402

SONG = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>")


ASCII_PDF = make_pdf(
    b"BT /F1 12 Tf 72 720 Td (Civil Affairs Bureau annual report) Tj 0 -20 Td (Twelve canteens opened.) Tj ET",
    HELVETICA, b"<< /Title (Annual report 2024) /CreationDate (D:20240703120000+08'00') >>")


def test_ingest_pdf_extracts_text_and_metadata(tmp_path):
    doc = read(tmp_path, "report.pdf", ASCII_PDF)
    assert doc.raw_text.split("\n") == ["Civil Affairs Bureau annual report", "Twelve canteens opened."]
    assert doc.encoding == "pdf" and doc.media_type == "application/pdf"
    assert doc.title == "Annual report 2024" and doc.issued == "2024-07-03"


def test_ingest_pdf_extracts_chinese_when_the_font_maps_unicode(tmp_path):
    sentence = "市民政局召开新闻发布会。"
    pdf = make_pdf(b"BT /F1 12 Tf 72 720 Td <" + sentence.encode("utf-16-be").hex().encode() + b"> Tj ET", SONG)
    try:
        doc = read(tmp_path, "zh.pdf", pdf)
    except IngestError as exc:  # a pypdf without predefined CJK CMaps
        pytest.skip(f"this pypdf cannot map UniGB-UCS2-H: {exc}")
    if doc.raw_text.strip() != sentence:
        pytest.skip(f"this pypdf extracts {doc.raw_text!r}")
    assert doc.raw_text.strip() == sentence


def test_ingest_pdf_without_text_layer(tmp_path):
    with pytest.raises(IngestError, match=r"PDF has no text layer \(scanned image\?\)"):
        read(tmp_path, "scan.pdf", make_pdf(b"0 0 1 rg 10 10 100 100 re f"))


def test_ingest_pdf_truncated(tmp_path):
    with pytest.raises(IngestError, match="truncated PDF"):
        read(tmp_path, "cut.pdf", ASCII_PDF[: len(ASCII_PDF) // 2])


def test_ingest_pdf_corrupt(tmp_path):
    with pytest.raises(IngestError, match="corrupt"):
        read(tmp_path, "bad.pdf", b"%PDF-1.4\n" + b"not really a pdf " * 40 + b"\n%%EOF\n")


def test_ingest_pdf_that_is_not_a_pdf(tmp_path):
    with pytest.raises(IngestError, match="not a PDF"):
        read(tmp_path, "text.pdf", SIMPLIFIED.encode())


# -- DOCX --------------------------------------------------------------------
def test_ingest_docx_paragraphs_tables_and_properties(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("关于开展社区养老服务的通知")
    document.add_paragraph("全年新建社区食堂十二家。")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "数量", (1, 0): "食堂", (1, 1): "12"}.items():
        table.cell(r, c).text = text
    document.core_properties.title = "养老服务通知"
    document.core_properties.created = dt.datetime(2024, 7, 3, 9, 30)
    path = tmp_path / "通知 2024.docx"
    document.save(path)
    doc = read_document(str(path), "通知 2024.docx")
    assert doc.raw_text.split("\n") == ["关于开展社区养老服务的通知", "全年新建社区食堂十二家。", "项目 数量", "食堂 12"]
    assert doc.encoding == "docx" and doc.title == "养老服务通知" and doc.issued == "2024-07-03"


def test_ingest_docx_corrupt(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("全年新建社区食堂十二家。")
    document.save(tmp_path / "ok.docx")
    data = (tmp_path / "ok.docx").read_bytes()
    with pytest.raises(IngestError, match="corrupt DOCX"):
        read(tmp_path, "cut.docx", data[: len(data) // 3])
    with pytest.raises(IngestError, match="not a DOCX"):
        read(tmp_path, "plain.docx", SIMPLIFIED.encode())


# -- discovery ---------------------------------------------------------------
@pytest.fixture
def tree(tmp_path):
    for name in ("a.txt", "sub/b.MD", "sub/deeper/c.html", "sub/d.pdf", "e.docx", "名单 2024.txt",
                 "notes.csv", ".hidden.txt", ".git/x.txt", "sub/.cache/y.txt", "F.TXT"):
        write(tmp_path, name, b"x")
    return tmp_path


def test_discover_folder_recursive_with_relative_names(tree):
    found = discover([str(tree)])
    assert [s for _, s in found] == sorted(
        ["F.TXT", "a.txt", "e.docx", "sub/b.MD", "sub/d.pdf", "sub/deeper/c.html", "名单 2024.txt"])
    assert all(os.path.isabs(p) and os.path.isfile(p) for p, _ in found)
    assert found == sorted(found)


def test_discover_file_given_directly_is_named_by_its_file_name(tree):
    assert discover([str(tree / "sub" / "b.MD")]) == [(str(tree / "sub" / "b.MD"), "b.MD")]
    assert discover([str(tree / "名单 2024.txt")])[0][1] == "名单 2024.txt"


def test_discover_glob(tree):
    found = discover([str(tree / "sub" / "**" / "*.html"), str(tree / "*.txt")])
    assert sorted(s for _, s in found) == ["a.txt", "deeper/c.html", "名单 2024.txt"]


def test_discover_deduplicates_the_same_file(tree):
    found = discover([str(tree), str(tree / "a.txt"), str(tree / "sub")])
    assert len(found) == len({os.path.realpath(p) for p, _ in found})


def test_discover_errors(tree):
    with pytest.raises(IngestError, match="no such file or directory"):
        discover([str(tree / "missing")])
    with pytest.raises(IngestError, match="unsupported file type"):
        discover([str(tree / "notes.csv")])
    files, errors = discover_with_errors([str(tree / "missing"), str(tree / "a.txt")])
    assert [s for _, s in files] == ["a.txt"] and len(errors) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_discover_survives_symlink_loops(tmp_path):
    write(tmp_path, "root/doc.txt", b"x")
    write(tmp_path, "outside/other.txt", b"y")
    os.symlink(tmp_path / "root", tmp_path / "root" / "loop")  # root/loop -> root
    os.symlink(tmp_path / "outside", tmp_path / "root" / "linked")  # a folder elsewhere: entered once
    os.symlink(tmp_path / "outside" / "other.txt", tmp_path / "root" / "alias.txt")  # same file twice
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "root" / "dangling.txt")
    os.symlink(tmp_path / "outside", tmp_path / "outside" / "self")
    start = time.perf_counter()
    found = discover([str(tmp_path / "root")])
    assert time.perf_counter() - start < 5
    assert [s for _, s in found] == ["alias.txt", "doc.txt"]


def test_ingest_html_utf8_wins_over_a_wrong_declaration(tmp_path):
    doc = read(tmp_path, "wrong.html", PAGE.format(charset="gb2312").encode("utf-8"))
    assert doc.encoding == "utf-8" and "为做好社区养老服务工作" in doc.raw_text


def test_ingest_html_prefers_the_tight_content_container(tmp_path):
    links = "".join(f"<li><a href='/n{i}'>部门动态第{i}条新闻标题链接</a></li>" for i in range(12))
    html = (f"<html><body><div class='main'><div class='left'><ul>{links}</ul></div>"
            "<div class='content'><div class='TRS_Editor'><p>全年新建社区食堂十二家。</p>"
            "<p>覆盖老年人三万余人。</p></div></div></div></body></html>")
    doc = read(tmp_path, "gov.html", html.encode("utf-8"))
    assert doc.raw_text == "全年新建社区食堂十二家。\n覆盖老年人三万余人。"
