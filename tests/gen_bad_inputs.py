"""Bad and awkward inputs for a build, generated (no opaque blobs in the repository).

    from gen_bad_inputs import write_bad_inputs
    cases = write_bad_inputs(folder)      # {relative file name: Case}

or, to look at them: ``python tests/gen_bad_inputs.py /tmp/bad``.

Every case says what a build must do with it: fail with a reason matching
`reason`, or build (maybe with a warning whose code is `warning`) and yield
the `labels`. `garbled` are strings that must never become part of an
entity, an IRI or a literal of the graph. The sentences are our own, written
in the genre of the samples (a city's civil-affairs bureau reporting on a
livelihood program).

`write_large_text` writes a large plain-text file (the 50 MB case) at test
time, in the test's temporary folder.
"""
from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from pdfgen import make_pdf  # noqa: E402

# -- our own text -------------------------------------------------------------
GOOD = (
    "常州市民政局关于2024年社区养老服务工作的通报\n\n"
    "2024年，常州市民政局牵头实施“银龄食堂”工程，全市新建社区老年食堂36家，累计服务老年人12.5万人次。\n"
    "市民政局会同市财政局安排专项资金860万元，对每家新建食堂补助5万元。\n"
    "武进区、新北区分别建成老年食堂9家和7家，基本实现街道全覆盖。\n"
)
GOOD_LABELS = ("常州市民政局", "银龄食堂", "常州市")

SIMPLIFIED = (
    "扬州市妇女联合会关于开展“巾帼暖家”行动情况的报告\n\n"
    "2024年，扬州市妇女联合会联合市民政局实施“巾帼暖家”行动，为全市1260户困难家庭提供上门服务。\n"
    "全年共组织志愿者培训18场，培训志愿者2400人次。\n"
)
SIMPLIFIED_LABELS = ("扬州市妇女联合会", "巾帼暖家", "扬州市")

# the same report, written in traditional characters (for Big5)
TRADITIONAL = (
    "揚州市婦女聯合會關於開展「巾幗暖家」行動情況的報告\n\n"
    "2024年，揚州市婦女聯合會聯合市民政局實施「巾幗暖家」行動，為全市1260戶困難家庭提供上門服務。\n"
    "全年共組織志願者培訓18場，培訓志願者2400人次。\n"
)

MOJIBAKE_SOURCE = (
    "湖州市民政局关于2024年居家养老服务的情况通报\n\n"
    "2024年，湖州市民政局推进“银发守护”行动，全市为老年人提供上门服务86.4万人次。\n"
    "市民政局组织基层服务机构开展上门随访3.2万人次。\n"
)
# Read as GBK, UTF-8 loses a byte wherever a pair is not valid GBK (U+FFFD): the
# title line survives whole (so the publisher is recoverable), the body lines
# lose a few characters each (which must be reported, never extracted).
MOJIBAKE_LABELS = ("湖州市民政局",)

# a paragraph that only exists garbled, inside otherwise clean documents
GARBLED_PARAGRAPH = "嘉兴市残疾人联合会推进“助残暖心”工程，全市为残疾人发放辅具1320件。"


def utf8_read_as_gbk(text: str) -> str:
    """UTF-8 bytes shown by a GBK decoder: the usual mojibake."""
    return text.encode("utf-8").decode("gbk", errors="replace")


def gbk_read_as_utf8(text: str) -> str:
    """GBK bytes shown by a UTF-8 decoder: mostly U+FFFD, not repairable."""
    return text.encode("gbk").decode("utf-8", errors="replace")


def gbk_read_as_latin1(text: str) -> str:
    """GBK bytes shown by a Latin-1 decoder (Ê¡ÃñÕþ...)."""
    return text.encode("gbk").decode("latin-1")


def gbk_read_as_cp1252(text: str) -> str:
    """GBK bytes shown by a cp1252 decoder (“PÖÝ...); its five undefined bytes
    become C1 controls, as browsers do."""
    return "".join(bytes((b,)).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("gbk"))


# -- binary containers ---------------------------------------------------------
def png_image(width: int = 4, height: int = 4) -> bytes:
    """A real, small PNG (grey gradient)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes((x * 60 + y * 3) % 256 for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def zip_archive() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("通报.txt", GOOD)
        z.writestr("附件/名单.csv", "区,食堂数\n武进区,9\n新北区,7\n")
    return buf.getvalue()


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT_PDF = make_pdf(b"BT /F1 12 Tf 72 720 Td (Civil Affairs Bureau: twelve community canteens opened in 2024.) Tj ET",
                    HELVETICA)
SCANNED_PDF = make_pdf(b"0.5 g 72 600 450 150 re f 0 0 1 rg 100 650 80 40 re f")  # shapes only, no text

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>无锡市人力资源和社会保障局_关于“就业暖心”行动的通报</title>
<style>p { color: red } .x::after { content: "样式里的假委员会" }</style>
<script>var org = "脚本里的假委员会"; document.write("<p>脚本写出的假项目</p>");</script>
<script src="https://example.invalid/tracker.js"></script>
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/gk">政务公开
<div class="content" id="zoom">
<h1>关于“就业暖心”行动的通报</h1>
<p>2024年，无锡市人力资源和社会保障局实施“就业暖心”行动，全市新增城镇就业4.6万人。
<p>市人力资源和社会保障局组织招聘活动120场，帮助困难人员就业3100人。<b>重点<i>群体</b>就业稳定</i>
<table><tr><td>区<td>新增就业（人）<tr><td>梁溪区<td>8200</table>
<div><span>未闭合的标签
<!-- 注释里的假机构委员会 -->
<noscript>请启用脚本</noscript>
</body>
"""
HTML_LABELS = ("无锡市人力资源和社会保障局", "就业暖心")
HTML_FORBIDDEN = ("脚本里的假委员会", "样式里的假委员会", "脚本写出的假项目", "注释里的假机构委员会")


@dataclass(frozen=True)
class Case:
    name: str  # relative path in the folder
    expect: str  # "built" or "failed"
    reason: str | None = None  # regex the error must match, when failed
    warning: str | None = None  # code of a warning the report must carry, when built
    labels: tuple[str, ...] = ()  # rdfs:labels the document's graph must hold
    garbled: tuple[str, ...] = ()  # must appear in no IRI and no literal
    note: str = ""


PROSE = (
    "市民政局坚持把社区养老服务作为重点民生实事来抓，按月调度、逐项推进。",
    "各区结合老旧小区改造，利用闲置用房建设社区老年食堂，方便老年人就近用餐。",
    "街道社工站定期走访独居老人，建立关爱台账，及时回应老年人的服务需求。",
    "志愿者队伍常态化开展助餐、助洁、助医服务，群众满意度持续提升。",
    "下一步，市民政局将继续完善运营补贴政策，推动老年食堂可持续运营。",
)


def _single_line(target_bytes: int) -> str:
    """Report prose on one line (no line break at all), a figure now and then."""
    rng = random.Random(500)
    parts, size = [], 0
    while size < target_bytes:
        s = rng.choice(PROSE)
        if rng.random() < 0.2:
            s += f"{rng.choice(['武进区', '新北区', '天宁区'])}新建老年食堂{rng.randint(2, 30)}家。"
        parts.append(s)
        size += len(s.encode("utf-8"))
    return "常州市民政局" + "".join(parts)


def cases() -> list[tuple[Case, bytes]]:
    """Every case with the bytes of its file."""
    rng = random.Random(20240601)
    out: list[tuple[Case, bytes]] = [
        (Case("good.txt", "built", labels=GOOD_LABELS, note="a clean UTF-8 document"), GOOD.encode("utf-8")),
        (Case("empty.txt", "failed", r"empty file"), b""),
        (Case("png_image.txt", "failed", r"binary content \(PNG image\)", note="a PNG named .txt"), png_image()),
        (Case("zip_archive.txt", "failed", r"binary content \(ZIP archive\)", note="a zip named .txt"), zip_archive()),
        (Case("random_bytes.txt", "failed", r"binary content|not text|not decodable",
              note="random bytes"), rng.randbytes(8192)),
        (Case("enc_gbk.txt", "built", labels=SIMPLIFIED_LABELS), SIMPLIFIED.encode("gbk")),
        (Case("enc_gb18030.txt", "built", labels=SIMPLIFIED_LABELS),
         (SIMPLIFIED + "编号〇〇一，附表€。\n").encode("gb18030")),
        (Case("enc_big5.txt", "built", labels=SIMPLIFIED_LABELS, note="traditional characters in Big5"),
         TRADITIONAL.encode("big5")),
        (Case("enc_utf16.txt", "built", labels=SIMPLIFIED_LABELS, note="UTF-16 with BOM"),
         SIMPLIFIED.encode("utf-16")),
        (Case("enc_utf16be_nobom.txt", "built", labels=SIMPLIFIED_LABELS), SIMPLIFIED.encode("utf-16-be")),
        (Case("enc_utf8_bom.txt", "built", labels=SIMPLIFIED_LABELS), SIMPLIFIED.encode("utf-8-sig")),
        (Case("mojibake_whole.txt", "built", warning="mojibake-repaired", labels=MOJIBAKE_LABELS,
              garbled=_garbled_runs(utf8_read_as_gbk(MOJIBAKE_SOURCE)) + ("\ufffd",),
              note="a whole document of UTF-8 read as GBK, saved as UTF-8: repaired"),
         utf8_read_as_gbk(MOJIBAKE_SOURCE).encode("utf-8")),
        (Case("mojibake_paragraph.txt", "built", warning="mojibake", labels=GOOD_LABELS,
              garbled=_garbled_runs(utf8_read_as_gbk(GARBLED_PARAGRAPH)) + ("\ufffd",),
              note="one paragraph of UTF-8 read as GBK inside a clean document"),
         (GOOD + "\n" + utf8_read_as_gbk(GARBLED_PARAGRAPH) + "\n").encode("utf-8")),
        (Case("mojibake_reverse.txt", "built", warning="mojibake", labels=GOOD_LABELS,
              garbled=("\ufffd", "助残暖心", "嘉兴市残疾人联合会"),
              note="one paragraph of GBK read as UTF-8 (U+FFFD) inside a longer clean document"),
         (GOOD + "\n" + gbk_read_as_utf8(GARBLED_PARAGRAPH) + "\n" + SIMPLIFIED * 2).encode("utf-8")),
        (Case("mojibake_reverse_whole.txt", "failed", r"not text|not decodable",
              note="a whole document of GBK read as UTF-8: nothing left to read"),
         gbk_read_as_utf8(MOJIBAKE_SOURCE).encode("utf-8")),
        (Case("mojibake_latin1.txt", "built", warning="mojibake-repaired", labels=GOOD_LABELS,
              garbled=_garbled_runs(gbk_read_as_latin1(GARBLED_PARAGRAPH)),
              note="one paragraph of GBK read as Latin-1: repaired"),
         (GOOD + "\n" + gbk_read_as_latin1(GARBLED_PARAGRAPH) + "\n").encode("utf-8")),
        (Case("mojibake_cp1252_whole.txt", "built", warning="mojibake-repaired", labels=SIMPLIFIED_LABELS,
              garbled=_garbled_runs(gbk_read_as_cp1252(TRADITIONAL)),
              note="a whole traditional document of GBK read as cp1252, saved as UTF-8: repaired"),
         gbk_read_as_cp1252(TRADITIONAL).encode("utf-8")),
        (Case("single_line.txt", "built", labels=("常州市民政局",), note="500 KB on one line"),
         _single_line(500_000).encode("utf-8")),
        (Case("truncated.pdf", "failed", r"truncated PDF"), TEXT_PDF[: len(TEXT_PDF) // 2]),
        (Case("scanned.pdf", "failed", r"no text layer"), SCANNED_PDF),
        (Case("page.html", "built", labels=HTML_LABELS, garbled=HTML_FORBIDDEN,
              note="HTML with scripts, styles, a comment and broken tags"), HTML.encode("utf-8")),
        (Case("名称 带空格 与中文.txt", "built", labels=GOOD_LABELS, note="a file name with spaces and Chinese"),
         GOOD.replace("36家", "35家").encode("utf-8")),
        (Case("子目录 一/社区 食堂 通报.txt", "built", labels=SIMPLIFIED_LABELS,
              note="a folder and a file name with spaces and Chinese"), SIMPLIFIED.encode("utf-8")),
    ]
    return out


def _garbled_runs(text: str, size: int = 3) -> tuple[str, ...]:
    """Distinctive stretches of garbled text (no ASCII, no common punctuation)."""
    runs, cur = [], ""
    for ch in text:
        if ord(ch) > 0x7F and ch not in "，。、“”：；\n":
            cur += ch
        else:
            if len(cur) >= size:
                runs.append(cur[:size])
            cur = ""
    if len(cur) >= size:
        runs.append(cur[:size])
    return tuple(dict.fromkeys(runs))


def write_bad_inputs(folder) -> dict[str, Case]:
    """Write every case into `folder` (plus a symlink loop); {name: Case}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for case, data in cases():
        path = folder / case.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[case.name] = case
    write_symlink_loop(folder)
    return written


def write_symlink_loop(folder) -> None:
    """loop/self -> loop and loop/up -> .. : walking them naively never ends."""
    loop = Path(folder) / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "inside.txt").write_bytes(GOOD.replace("36家", "38家").encode("utf-8"))
    for name, target in (("self", "."), ("up", "..")):
        link = loop / name
        if not link.is_symlink():
            os.symlink(target, link, target_is_directory=True)


LOOP_CASE = Case("loop/inside.txt", "built", labels=GOOD_LABELS, note="a document inside a symlink loop")


def write_large_text(path, size: int = 50 << 20) -> int:
    """A plain UTF-8 text of `size` bytes (report paragraphs repeated); returns its size."""
    para = "".join(f"{line}\n" for line in GOOD.splitlines()[2:]).encode("utf-8")
    block = para * max(1, (1 << 20) // len(para))
    with open(path, "wb") as f:
        written = 0
        while written + len(block) <= size:
            f.write(block)
            written += len(block)
        f.write(para * ((size - written) // len(para)))
    return os.path.getsize(path)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_inputs")
    for name, case in write_bad_inputs(target).items():
        print(f"{case.expect:7} {name}  {case.note}")
