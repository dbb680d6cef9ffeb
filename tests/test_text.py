"""kg.text: normalization with an offset map, mojibake, sentences, metadata."""
from __future__ import annotations

import re

import pytest

from kg.text import guess_metadata, normalize, split_sentences
from kg.text.charsets import CHAR_MAP
from kg.text.convert import BACKEND, to_simplified
from kg.text.rows import one_cell_a_line


IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # OpenCC converts some by phrase (答覆 -> 答复)


def mojibake(s: str) -> str:
    """UTF-8 bytes shown as GBK, the way a wrong decoder would."""
    return s.encode("utf-8").decode("gbk", errors="replace")


def check_offsets(raw: str, nt) -> None:
    """The offset map contract of NormalizedText (a line break may stand for a
    space: one between two table rows run together on a line)."""
    offs = nt.raw_offsets
    assert len(offs) == len(nt.text) + 1
    assert offs[-1] == len(raw)
    assert all(a < b for a, b in zip(offs, offs[1:])), "strictly increasing"
    for i, ch in enumerate(nt.text):
        src = raw[offs[i]]
        assert ch == src or ch in (to_simplified(src), src.translate(CHAR_MAP), to_simplified(src.translate(CHAR_MAP))) \
            or (IDEOGRAPH.match(src) and IDEOGRAPH.match(ch)) \
            or (ch == " " and (src.isspace() or src in "|｜")) or (ch == "\n" and src.isspace()) \
            or (ch == "." and src == "．") or nt.is_garbled(i, i + 1) or any(
                w.code == "mojibake-repaired" and w.start <= offs[i] < w.end for w in nt.warnings), (i, ch, src)


# -- normalization cases -------------------------------------------------------
@pytest.mark.parametrize("text_in, text_out", [
    # pinyin glosses after a character go; ordinary parentheses stay
    ("發(fā)展規劃", "发展规划"),
    ("風(fēng)景", "风景"),
    ("醫療服務(wù)站", "医疗服务站"),
    ("綠(lǜ)色", "绿色"),
    ("本报讯(记者 王某)今天", "本报讯(记者 王某)今天"),  # a space between words stays
    ("发 展 改 革", "发展改革"),  # letter spacing goes
    ("通讯员 易敏 丁浩", "通讯员 易敏 丁浩"),
    ("县(市、区)政府", "县(市、区)政府"),
    ("他們(men)說", "他们(men)说"),  # no tone mark: not a gloss
    ("(fā)开头", "(fā)开头"),  # nothing before it
    # markdown emphasis
    ("**扎实推进社区食堂建设**。", "扎实推进社区食堂建设。"),
    # traditional -> simplified
    ("養老服務工作進展", "养老服务工作进展"),
    ("王 明 市民政局副局長", "王明市民政局副局长"),
    # full-width digits, letters, percent, decimal point between digits
    ("２０２４年完成率９８．５％", "2024年完成率98.5%"),
    ("ＡＢＣ级社会组织", "ABC级社会组织"),
    ("第一．第二", "第一．第二"),
    # spaces between CJK, and between CJK and digits/%, go; Latin words keep theirs
    ("2023 年", "2023年"),
    ("社区食 堂 、助 餐 点", "社区食堂、助餐点"),
    ("比 例 由 2019 年 的 45% 提 高", "比例由2019年的45%提高"),
    ("增长 7.5 %", "增长7.5%"),
    ("全市\u3000共有\u00a0三家", "全市 共有 三家"),  # exotic spaces are spaces; one stays between words
    ("报    告", "报告"),
    ("Hello   World 你好", "Hello World 你好"),
    ("联系人：赵某        联系电话：0000-1234567", "联系人：赵某 联系电话：0000-1234567"),
    # lines trimmed, blank lines collapsed, paragraph breaks kept
    ("  全市共有三家。  \n\n\n  第二段。 ", "全市共有三家。\n第二段。"),
    ("第一行。\r\n第二行。\r\n", "第一行。\n第二行。"),
    # headings stay on their own line
    ("一、工作开展情况\n全市共开展活动三十场。", "一、工作开展情况\n全市共开展活动三十场。"),
    ("二、建立联席会议制度，统筹心理健康教育\n为全面加强工作，召开会议。",
     "二、建立联席会议制度，统筹心理健康教育\n为全面加强工作，召开会议。"),
    ("某市民政局\n关于开展养老服务的通知\n各县区民政局：", "某市民政局\n关于开展养老服务的通知\n各县区民政局："),
    # a page break in the middle of a word of a one-paragraph-per-line text
    ("市民政局在推进社区养老服务的同时，组织志愿者上门走访困难老\n\n人家庭，了解实际需求。",
     "市民政局在推进社区养老服务的同时，组织志愿者上门走访困难老人家庭，了解实际需求。"),
    ("为方便老年人就近用餐，\n2024年新建社区食堂十二家。", "为方便老年人就近用餐，2024年新建社区食堂十二家。"),
    ("关于对市人大会议第35号建议的\n\n答    复", "关于对市人大会议第35号建议的答复"),
    ("市民政局新建社区助餐点四十个，任务完成率\n\n135%，超额完成任务。", "市民政局新建社区助餐点四十个，任务完成率135%，超额完成任务。"),
    # a join brings a gloss next to its character: removed too
    ("市民政局坚持问题导向，持续开展上门服务活动，努力推动全市养老工作高质量發\n(fā)展。",
     "市民政局坚持问题导向，持续开展上门服务活动，努力推动全市养老工作高质量发展。"),
    # Latin words joined with a space
    ("This report describes the services that the civil affairs bureau offers to\nelderly residents.",
     "This report describes the services that the civil affairs bureau offers to elderly residents."),
    ("", ""),
    (" \n \n", ""),
])
def test_text_normalize_cases(text_in, text_out):
    nt = normalize(text_in)
    assert nt.text == text_out
    check_offsets(text_in, nt)


HARD_WRAPPED = """1 月 5 日上午，我市召开 2024 年
民生实事新闻发布会，市民政局副局
长介绍了全市养老服务工作进展情
况。

全市今年新建社区食堂 12 家，覆盖
老年人 3.2 万余人，服务满意率达到
98%。同时，市民政局在各县（市、

区）开展适老化改造，惠及困难老人
家庭 1800 户。

一、主要做法
全市坚持问题导向，聚焦老年人最关
心的问题，持续完善服务体系。"""


def test_text_joins_hard_wrapped_lines():
    nt = normalize(HARD_WRAPPED)
    assert nt.text.split("\n") == [
        "1月5日上午，我市召开2024年民生实事新闻发布会，市民政局副局长介绍了全市养老服务工作进展情况。",
        "全市今年新建社区食堂12家，覆盖老年人3.2万余人，服务满意率达到98%。"
        "同时，市民政局在各县（市、区）开展适老化改造，惠及困难老人家庭1800户。",
        "一、主要做法",
        "全市坚持问题导向，聚焦老年人最关心的问题，持续完善服务体系。",
    ]
    check_offsets(HARD_WRAPPED, nt)


def test_text_keeps_a_numbered_item_on_its_own_line_after_a_short_line_of_a_wrapped_text():
    # the short line 人民政府 ends its paragraph: the heading and the first item after it stay apart
    raw = HARD_WRAPPED + ("\n牵头单位：市民政局\n责任单位：市财政局、市卫生健康委，各县（\n区）人民政府\n"
                          "（二）扩大助餐服务\n1.全市新建社区食堂二十家，重点覆盖\n老城区和城乡接合部的困难老人。")
    nt = normalize(raw)
    assert nt.text.split("\n")[-3:] == ["责任单位：市财政局、市卫生健康委，各县（区）人民政府", "（二）扩大助餐服务",
                                        "1.全市新建社区食堂二十家，重点覆盖老城区和城乡接合部的困难老人。"]
    check_offsets(raw, nt)


def test_text_keeps_masthead_byline_and_headline_of_a_wrapped_page():
    raw = ("《某市日报》 2024 年12月 20 日 第3版 民生\n\n社区服务开到家门口 心理服务暖到心坎上\n\n"
           "本报记者 王某某 通讯员 李某某某\n\n" + HARD_WRAPPED.split("\n\n", 1)[1])
    lines = normalize(raw).text.split("\n")
    assert lines[:4] == ["《某市日报》2024年12月20日第3版民生", "社区服务开到家门口 心理服务暖到心坎上",
                         "本报记者 王某某 通讯员 李某某某",
                         "全市今年新建社区食堂12家，覆盖老年人3.2万余人，服务满意率达到98%。"
                         "同时，市民政局在各县（市、区）开展适老化改造，惠及困难老人家庭1800户。"]


def test_text_drops_a_pdf_page_footer_line_and_joins_the_lines_around_it():
    raw = ("1.残疾儿童康复救助。全年为全市残疾儿童提供康复救助\n服务，实现销售额4\n\n－ 2 －\n\n6.8 万元，"
           "市残联与市民政局联合实施困难重度残疾\n\n— 3 —\n\n人家庭无障碍改造。\n第4页 共9页\n二、下一步打算")
    nt = normalize(raw)
    assert nt.text.split("\n") == ["1.残疾儿童康复救助。全年为全市残疾儿童提供康复救助服务，实现销售额46.8万元，"
                                    "市残联与市民政局联合实施困难重度残疾人家庭无障碍改造。", "二、下一步打算"]
    check_offsets(raw, nt)
    assert normalize(nt.text).text == nt.text


def test_text_joins_a_page_whose_last_line_has_no_comma_to_the_next_across_blank_lines_and_footer():
    para = ("全县18个乡镇妇联、366个村（社区）妇联共有执委3120名。县妇联党组书记、主席王春燕带领班子成员"
            "深入基层调研42次，协调解决妇女儿童实际问题67件，推动各项工作落实落细。")
    lines = [para[k:k + 24] for k in range(0, len(para), 24)]
    assert lines[0] == "全县18个乡镇妇联、366个村（社区）妇联共有执"  # no comma: a page may end on it
    raw = "六、加强自身建设\n" + lines[0] + "\n\n              － 2 －\n\n" + "\n".join(lines[1:])
    nt = normalize(raw)
    assert nt.text.split("\n") == ["六、加强自身建设", para]
    check_offsets(raw, nt)


def test_text_keeps_the_next_item_of_a_list_on_its_own_line_after_a_full_wrapped_line():
    items = ["各位代表：区政府确定2025年十件民生实事，计划总投资6.82亿元，每件实事明确一个牵头单位负责推进。",
             "1.稳岗就业促进工程。城镇新增就业2.3万人以上，新建家门口就业服务站10个。牵头单位：区人社局；"
             "责任单位：区总工会、区财政局、区市场监管局、各街道办事处",
             "2.老年助餐提质工程。新建社区老年食堂6家、老年助餐点15个，实现老年助餐服务社区全覆盖。"]
    # each item hard-wrapped every 20 characters; the first item's last line is full
    raw = "\n".join(item[k:k + 20] for item in items for k in range(0, len(item), 20))
    assert "区市场监管局、各街道办事处\n2.老年" in raw
    lines = normalize(raw).text.split("\n")
    assert lines == items
    assert normalize("\n".join(lines)).text == "\n".join(lines)


def test_text_keeps_a_numbered_heading_after_a_full_line_that_ends_with_a_colon():
    para = "按照市政府印发的实施方案要求，市民生实事办会同市财政局于九月下旬对各项目进展情况进行了调度核查。现将有关情况通报如下："
    items = [para, "一、总体进展情况", "截至2024年9月30日，10项市级民生实事项目计划总投资12.6亿元，已累计完成投资9.83亿元。"]
    raw = "\n".join(item[k:k + 20] for item in items for k in range(0, len(item), 20))
    assert "通报如下：\n一、总体" in raw  # the colon ends a full line
    assert normalize(raw).text.split("\n") == items


def test_text_reads_a_table_whose_cells_are_set_apart_by_bars_as_one_set_apart_by_spaces():
    raw = ("县（市）｜残疾儿童康复救助（名）｜辅助器具适配（件）\n临夏市｜180｜520\n"
           "| 序号 | 重点工作 | 牵头单位 |\n| 1 | 残疾儿童康复救助 | 州残联 |\n说明：A|B 不是表格。\n")
    nt = normalize(raw)
    spaced = normalize("县（市） 残疾儿童康复救助（名） 辅助器具适配（件）\n临夏市 180 520\n").text.split("\n")
    assert nt.text.split("\n") == spaced + ["序号 重点工作 牵头单位", "1残疾儿童康复救助 州残联", "说明：A|B 不是表格。"]
    check_offsets(raw, nt)
    assert normalize(nt.text).text == nt.text


def test_text_keeps_short_lines_of_paragraph_per_line_text():
    raw = ("会议时间:2024年1月5日(周五)上午10:00\n会议地点:市行政中心\n主持人:王某 市政府新闻办副主任\n"
           "各位记者朋友,上午好。今天的发布会请市民政局介绍全市养老服务工作的进展情况,并回答大家的提问。\n")
    assert normalize(raw).text.split("\n") == [
        "会议时间:2024年1月5日(周五)上午10:00", "会议地点:市行政中心", "主持人:王某 市政府新闻办副主任",
        "各位记者朋友,上午好。今天的发布会请市民政局介绍全市养老服务工作的进展情况,并回答大家的提问。"]


def test_text_offset_map_points_at_source_characters():
    raw = ("會議時間：２０２４年\n\n王 明  **市民政局**副局長\r\n"
           "在改进学生心理健康工作方面，重点关注留守儿\n童、困境儿童  共 1.2 万人。")
    nt = normalize(raw)
    check_offsets(raw, nt)
    start = nt.text.index("市民政局")
    assert nt.to_raw(start, start + 4) == (raw.index("市民政局"), raw.index("市民政局") + 4)
    s = nt.text.index("留守儿童")
    rs, re_ = nt.to_raw(s, s + 4)
    assert raw[rs:re_] == "留守儿\n童"


def test_text_opencc_is_the_cpp_binding():
    assert "C++" in BACKEND
    assert to_simplified("關於發展養老服務") == "关于发展养老服务"


# -- mojibake ------------------------------------------------------------------
LOSSLESS = ["市民政局今年新建社区食堂", "民政部门聚焦资金发放", "社会救助扩围增效", "提高低保标准"]


@pytest.mark.parametrize("sentence", LOSSLESS)
def test_text_repairs_whole_text_mojibake(sentence):
    garbled = mojibake(sentence)
    assert "\ufffd" not in garbled and garbled != sentence
    nt = normalize(garbled)
    assert nt.text == sentence
    assert [w.code for w in nt.warnings] == ["mojibake-repaired"]
    assert nt.garbled == ()
    check_offsets(garbled, nt)


def test_text_repairs_a_mojibake_run_inside_clean_text():
    raw = "全市今年工作进展顺利。" + mojibake("民政部门聚焦资金发放") + "，效果明显。\n第二段内容。"
    nt = normalize(raw)
    assert nt.text == "全市今年工作进展顺利。民政部门聚焦资金发放，效果明显。\n第二段内容。"
    (w,) = nt.warnings
    assert w.code == "mojibake-repaired" and raw[w.start:w.end] == mojibake("民政部门聚焦资金发放")
    check_offsets(raw, nt)


def test_text_flags_lossy_mojibake_and_keeps_what_survives():
    sentence = "残疾儿童康复救助工作"
    raw = "会议指出，" + mojibake(sentence) + "要抓实。"
    assert "\ufffd" in raw
    nt = normalize(raw)
    codes = [w.code for w in nt.warnings]
    assert "mojibake" in codes
    assert nt.garbled and all(nt.text[s:e] == "\ufffd" * (e - s) for s, e in nt.garbled)
    for w in nt.warnings:
        if w.code == "mojibake":
            assert "raw offset" in w.message and 0 <= w.start < w.end <= len(raw)
    assert nt.text.startswith("会议指出，残疾儿") and nt.text.endswith("要抓实。")
    check_offsets(raw, nt)


def test_text_flags_unrepairable_garbage_run():
    # our sentence in GBK with one byte lost, decoded misaligned: not repairable
    data = "讓騎手們在寒冬裡喝上一口熱水".encode("gbk")
    raw = "工作人員介紹，" + (data[:5] + data[6:]).decode("gbk", errors="replace").replace("\ufffd", "?") + "，效果很好。"
    nt = normalize(raw)
    (w,) = nt.warnings
    assert w.code == "mojibake" and "?" in raw[w.start:w.end] and "raw offset" in w.message
    (span,) = nt.garbled
    assert "?" in nt.text[span[0]:span[1]] and nt.text.endswith("上一口热水，效果很好。")
    assert nt.is_garbled(*span) and not nt.is_garbled(0, 3)


@pytest.mark.parametrize("clean", [
    "民盟支部、靳姣、祁昊、郜珂、闫璐委员：",
    "委员：靳姣 祁昊 郜珂 闫璐",
    "攀岩运动员赵漪获得铜牌，濮阳市、溧阳市、漯河市均有参与。",
    "请问今年的食堂建设进度怎样?老人们反映如何?谢谢。",
    "4A级社会组织12家，B超室一间，X光机两台。",
    "ABC公司和XYZ中心签订协议。",
])
def test_text_does_not_flag_clean_text(clean):
    assert normalize(clean).warnings == ()


# -- GBK read as Latin-1 / cp1252 ---------------------------------------------
def gbk_as(s: str, codec: str = "latin-1") -> str:
    """GBK bytes shown by a Latin-1 (or cp1252) decoder: 南阳市 -> ÄÏÑôÊÐ."""
    return s.encode("gbk").decode(codec)


@pytest.mark.parametrize("sentence, codec", [
    ("南阳市民政局", "latin-1"),
    ("2024年3月15日，南阳市民政局召开会议", "latin-1"),  # ASCII digits inside the run
    ("第1家", "latin-1"),
    ("市民政局王堃同志出席", "latin-1"),  # 堃 is GBK 88D2: a C1 control, deleted as junk
    ("市民政局王堃同志出席", "cp1252"),  # ... or ˆ
    ("市民政局李喆、张玥出席", "cp1252"),  # 玥 is GBK AB68: an ASCII trail byte
])
def test_text_repairs_a_latin1_mojibake_run_inside_clean_text(sentence, codec):
    run = gbk_as(sentence, codec)
    raw = "全市今年工作进展顺利。" + run + "，效果明显。\n第二段内容。"
    nt = normalize(raw)
    assert nt.text == "全市今年工作进展顺利。" + sentence + "，效果明显。\n第二段内容。"
    (w,) = nt.warnings
    assert w.code == "mojibake-repaired" and raw[w.start:w.end] in run and len(raw[w.start:w.end]) >= len(run) - 4
    assert f"mis-decoded as {'Latin-1' if codec == 'latin-1' else 'cp1252'}" in w.message
    assert nt.garbled == ()
    check_offsets(raw, nt)
    assert normalize(nt.text).text == nt.text


@pytest.mark.parametrize("source", [
    "湖州市民政局关于居家养老服务的情况通报\n\n2024年，全市为老年人提供上门服务86.4万人次。\r\n",
    "市民政局今天召開新聞發布會，介紹全市養老服務工作進展情況。\n",  # GBK extension bytes: C1 controls
])
def test_text_repairs_whole_text_latin1_mojibake(source):
    raw = gbk_as(source)
    nt = normalize(raw)
    assert nt.text == to_simplified(source.replace("\r", "").replace("\n\n", "\n").strip())
    (w,) = nt.warnings
    assert w.code == "mojibake-repaired" and "whole text was GBK decoded as Latin-1" in w.message
    assert (w.start, w.end) == (0, len(raw)) and nt.garbled == ()
    check_offsets(raw, nt)


@pytest.mark.parametrize("damage", [
    lambda run: run[:7] + run[8:],  # a byte lost: misaligned
    lambda run: run[:-1],  # the last byte lost
])
def test_text_flags_irreversible_latin1_run(damage):
    run = damage(gbk_as("嘉兴市残疾人联合会推进助残暖心工程"))
    raw = "会议指出，" + run + "。要抓实。"
    nt = normalize(raw)
    (w,) = nt.warnings
    assert w.code == "mojibake" and "raw offset" in w.message and "Latin-1" in w.message
    assert raw[w.start:w.end] in run and w.end - w.start >= len(run) - 2
    (span,) = nt.garbled
    assert nt.to_raw(*span) == (w.start, w.end)
    assert nt.text.startswith("会议指出，") and nt.text.endswith("。要抓实。")
    assert normalize(nt.text).text == nt.text


@pytest.mark.parametrize("latin", [
    "Le ministère de l'Éducation nationale a présenté à Pékin un rapport très détaillé.",
    "Hélène Côté, François Müller, Søren Ørsted, Þórður Guðjónsson, São Paulo, Curaçao",
    "Größe, Straße, Übung, naïve coöperate résumé, ¡¿Qué pasó?! Ñandú",
    "fā zhǎn (发展), Zhèngzhōu, Hé Nán, Lǚ Xùn, Nǚ Érhuà, Hú Nán, Fújiàn, Guìzhōu",
    "气温25°C，误差±0.5°C，面积3×4米，阿卜杜·热合曼，©2024 ® ™ ¥100 £5 €3 §3.2 ½",
    "××市××局：×××同志，“××××××”项目",
    "Beyoncé – “Déjà vu” · Ms. Ødegård · Mr. Ñúñez",
])
def test_text_leaves_real_latin_text_alone(latin):
    for raw in (latin, "市民政局召开会议。" + latin + "\n第二段内容。"):
        nt = normalize(raw)
        assert nt.warnings == () and nt.garbled == ()
        assert ("Hélène" in nt.text) == ("Hélène" in raw) and ("°C" in nt.text) == ("°C" in raw)
        assert all(ch in nt.text for ch in "éèàüöñ×°±·" if ch in raw)


# -- sentences -------------------------------------------------------------
@pytest.mark.parametrize("text, sentences", [
    ("全市新建食堂十二家。覆盖三万人！", ["全市新建食堂十二家。", "覆盖三万人！"]),
    ("他说：“工作很扎实。”记者问：“效果如何？”", ["他说：“工作很扎实。”", "记者问：“效果如何？”"]),
    ("一是加强领导；二是压实责任。", ["一是加强领导；", "二是压实责任。"]),
    ("进展如何?效果如何!", ["进展如何?", "效果如何!"]),
    ("标题\n正文第一句。正文第二句", ["标题", "正文第一句。", "正文第二句"]),
    ("完成率98.5%，基本完成（见附表）。", ["完成率98.5%，基本完成（见附表）。"]),
    ("  \n\n第一句。  \n  ", ["第一句。"]),
    ("", []),
])
def test_text_split_sentences(text, sentences):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == sentences
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# -- metadata --------------------------------------------------------------
def test_text_guess_metadata_reply_letter():
    text = ("某市民政局\n关于对市人大会议第12号建议的答复\n尊敬的王某代表：\n"
            "您提出的关于加强养老服务的建议已收悉，现答复如下。\n感谢您的关心。\n2025年3月9日\n（联系人：李某）")
    assert guess_metadata(text) == {"title": "关于对市人大会议第12号建议的答复", "issued": "2025-03-09",
                                    "publisher": "某市民政局"}


def test_text_guess_metadata_document_with_letterhead_and_signature():
    text = ("共青团某市委文件\n某青文〔2024〕8号\n签发人：张某\n对市政协会议第6号提案的答复\n"
            "各位委员：\n你们提出的提案收悉，现答复如下。\n共青团某市委员会\n2024年9月12日印发")
    meta = guess_metadata(text)
    assert meta == {"title": "对市政协会议第6号提案的答复", "issued": "2024-09-12", "publisher": "共青团某市委"}


def test_text_guess_metadata_press_release():
    text = ("“为民办实事”2024年某市系列新闻发布会\n聚力办好社区食堂让老人吃得更放心\n"
            "本报讯(记者 王某)3月2日上午，我市召开新闻发布会。")
    assert guess_metadata(text) == {"title": "聚力办好社区食堂让老人吃得更放心", "issued": None, "publisher": None}


def test_an_emoji_at_a_lines_end_ends_its_paragraph_as_a_full_stop_would():
    text = ("活动当天，志愿者为社区老人测血压、理发、清洗油烟机，小屋里满是笑声😊\n\n"
            "📍城南街道·幸福社区\n"
            "“银龄守望”志愿服务队上门为独居老人打扫卫生，一上午服务老人36人次✂️\n"
            "📍城北街道·光明社区\n"
            "医护志愿者在社区广场义诊老人120人次。")
    lines = normalize(text).text.split("\n")
    assert lines == ["活动当天，志愿者为社区老人测血压、理发、清洗油烟机，小屋里满是笑声😊", "📍城南街道·幸福社区",
                     "“银龄守望”志愿服务队上门为独居老人打扫卫生，一上午服务老人36人次✂️", "📍城北街道·光明社区",
                     "医护志愿者在社区广场义诊老人120人次。"]


def test_text_guess_metadata_label_lines():
    text = "发布时间:2023年11月8日(周三)上午9:30\n发布地点:某市行政中心\n发布主题:2023年为民办实事项目进展发布会\n各位好。"
    assert guess_metadata(text) == {"title": "2023年为民办实事项目进展发布会", "issued": "2023-11-08",
                                    "publisher": None}


def test_text_guess_metadata_labels_sharing_a_line_and_bylines():
    text = ("兜牢民生底线——某市2024年社会救助工作综述\n来源：某市民政局发布时间：2025-01-22\n"
            "全年累计支出社会救助资金13.2亿元。")
    assert guess_metadata(text) == {"title": "兜牢民生底线——某市2024年社会救助工作综述",
                                    "issued": "2025-01-22", "publisher": "某市民政局"}
    text = "《某市日报》2024年12月20日第3版民生\n社区服务开到家门口\n本报记者王某通讯员李某\n“孩子变化很大。”家长说。"
    assert guess_metadata(text)["title"] == "社区服务开到家门口"


def test_text_guess_metadata_chinese_numeral_date_and_nothing_stated():
    assert guess_metadata("某市民政局\n关于养老服务的通知\n各单位：\n请做好工作。\n二〇二四年十二月三十一日")["issued"] \
        == "2024-12-31"
    assert guess_metadata("全市新建食堂十二家，覆盖三万人。") == {"title": None, "issued": None, "publisher": None}


# -- the real corpus (skipped when absent) -------------------------------------
def _corpus(corpus_dir, prefix: str) -> str:
    (path,) = corpus_dir.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


def test_text_corpus_004_is_simplified_and_its_mojibake_flagged(corpus_dir):
    from kg.text.charsets import TIER1

    raw = _corpus(corpus_dir, "004")
    nt = normalize(raw)
    check_offsets(raw, nt)
    assert "(fā)" not in nt.text and "發" not in nt.text and "发布" in nt.text
    assert to_simplified(nt.text) == nt.text  # nothing traditional left for OpenCC to convert
    assert re.search(r"[(（][a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü][a-z]*[)）]", nt.text) is None
    assert {w.code for w in nt.warnings} == {"mojibake"}
    assert len(nt.garbled) == len(nt.warnings) >= 2
    for w, (s, e) in zip(sorted(nt.warnings, key=lambda w: w.start), nt.garbled):
        run = raw[w.start:w.end]
        assert "?" in run and sum(c not in TIER1 and not c.isascii() for c in run) >= 2  # odd characters
        assert "raw offset" in w.message and e - s < 20  # the run, not the sentence around it
        assert nt.to_raw(s, e) == (w.start, w.end)


def test_text_corpus_000_joins_hard_wraps(corpus_dir):
    raw = _corpus(corpus_dir, "000")
    nt = normalize(raw)
    check_offsets(raw, nt)
    assert "留守儿童" in nt.text and "2023年" in nt.text and "2023 年" not in nt.text
    assert nt.warnings == ()
    lines = nt.text.split("\n")
    assert all(line.endswith(("。", "”", "！")) or len(line) < 30 for line in lines)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_text_corpus_clean_documents_have_no_mojibake(corpus_dir, prefix):
    raw = _corpus(corpus_dir, prefix)
    nt = normalize(raw)
    assert nt.warnings == () and nt.garbled == ()
    check_offsets(raw, nt)
    assert normalize(nt.text).text == nt.text


def test_text_corpus_003_page_break_inside_a_word(corpus_dir):
    nt = normalize(_corpus(corpus_dir, "003"))
    assert "心理健\n" not in nt.text and "**" not in nt.text  # the page break inside a word is gone
    assert guess_metadata(nt.text)["issued"] == "2024-07-03"


def test_text_a_numbered_item_or_a_field_label_starts_its_own_line():
    raw = ("一、实施“银龄助餐”扩面工程\n新建改造老年助餐点120个，其中农村地区不少于50个\n牵头单位：市民政局\n"
           "责任单位：市财政局、市卫生健康委，各辖市、区人民政府\n\n二、实施“家门口好学校”建设行动\n新建中小学16所\n")
    assert normalize(raw).text.split("\n") == [
        "一、实施“银龄助餐”扩面工程", "新建改造老年助餐点120个，其中农村地区不少于50个", "牵头单位：市民政局",
        "责任单位：市财政局、市卫生健康委，各辖市、区人民政府", "二、实施“家门口好学校”建设行动", "新建中小学16所"]


def test_a_tables_rows_under_its_head_line_stay_lines_of_their_own():
    text = ("现将进展情况公布如下：\n序号\t项目名称\t责任单位\n1\t社区养老服务提质工程\t市民政局\n"
            "2\t青少年心理健康服务行动\t团市委\n\n注：数据截至6月底。")
    lines = normalize(text).text.split("\n")
    assert [line[:1] for line in lines[1:4]] == ["序", "1", "2"]


def test_a_wrapped_rows_next_line_opening_on_a_number_that_is_not_the_next_rows_joins_it():
    # a PDF's table: the wrap falls inside 110 and before 150户; the next row's number stays apart
    rows = ["序号 项目名称 主要目标任务 牵头单位 配合单位",
            "1 残疾人康复暖心工程 为 1200 名持证残疾人提供基本康复服务；为 11",
            "0 名 0—6 岁残疾儿童提供康复救助；实施困难重度残疾人家庭无障碍改造",
            " 150 户 市残联 市民政局、市卫生健康局",
            "2 就业援助 新增城镇就业 8500 人 市人社局 市总工会"]
    lines = normalize("\n".join(rows)).text.split("\n")
    assert lines[1:] == ["1残疾人康复暖心工程为1200名持证残疾人提供基本康复服务；为110名0—6岁残疾儿童提供康复救助；"
                         "实施困难重度残疾人家庭无障碍改造150户市残联 市民政局、市卫生健康局",
                         "2就业援助 新增城镇就业8500人市人社局 市总工会"], lines


def test_rows_under_a_head_line_that_names_a_tasks_columns_stay_lines_of_their_own():
    # no 序号 column: each line up to the blank line is a row, even one that ends
    # in a body's name with no full stop
    text = ("一、任务分解\n\n项目名称\t目标任务\t牵头单位\t责任单位\n"
            "助餐服务扩面\t新建助餐点40个。\t市民政局\t市财政局、各区人民政府\n"
            "心理关爱行动\t建设驿站12个。\t团市委\t市教育局\n\n二、工作要求\n")
    lines = normalize(text).text.split("\n")
    assert [line[:4] for line in lines[1:5]] == ["项目名称", "助餐服务", "心理关爱", "二、工作"], lines
    # a byline is no head: too few of its cells name columns
    assert normalize("记者 陈卓 通讯员 王某\n今天上午，").text.count("\n") == 1


WRAPPED_WITH_TABLES = """全市今年新建社区食堂 12 家，覆盖
老年人 3.2 万余人，服务满意率达到
98%。同时，市民政局在各县区开展适
老化改造，惠及困难老人家庭 1800 户。
（一）社会救助兜底保障更加有力
1.城乡低保应保尽保。全市共有低保对
象 2.38 万户，各县区完成情况如下：
表1 各县区社会救助对象情况统计
县区	低保户数（户）	特困人员（人）
港北区	4126	612
港南区	3870	578
二、各县区春风行动及劳务输出情况
县区	招聘会（场）	提供岗位（个）
港北区	38	21600
序号	项目名称	责任单位
1	社区养老服务提质工程	市民政局
（二）健全防范机制，守牢底线。全年推
送因病返贫致贫风险预警信息共计 6
842 条，核查处置率 100%，及时将
"""


def test_a_wrapped_texts_headings_captions_and_tables_keep_their_lines():
    lines = normalize(WRAPPED_WITH_TABLES).text.split("\n")
    assert lines[1:4] == ["（一）社会救助兜底保障更加有力",
                          "1.城乡低保应保尽保。全市共有低保对象2.38万户，各县区完成情况如下：",
                          "表1各县区社会救助对象情况统计"], lines
    assert lines[4].startswith("县区") and lines[5].startswith("港北区4126")
    assert lines[7] == "二、各县区春风行动及劳务输出情况" and lines[8].startswith("县区 招聘会")
    # a section that opens on prose ends the table: its wrapped number is joined again
    assert lines[-1] == "（二）健全防范机制，守牢底线。全年推送因病返贫致贫风险预警信息共计6842条，核查处置率100%，及时将", lines
    check_offsets(WRAPPED_WITH_TABLES, normalize(WRAPPED_WITH_TABLES))


WRAPPED_WITH_FIELDS = """全市今年新建社区食堂 12 家，覆盖
老年人 3.2 万余人，服务满意率达到
98%。同时，市民政局在各县区开展适
老化改造，惠及困难老人家庭 1800 户。
2024-11-26 08:35　来源：港城日报社
港城日报记者 曹雅琴 通讯员 李振华
张永平：残疾人朋友可以拨打 12385 残
疾人服务热线咨询，也可以到残联。
各地帮扶就业目标任务及联络员名单
单位　联络员　职务
港南区人社局　黄少华　就业股股长
港城市残联 港城市财政局 港城市卫健委
港城市教育局 港城市民政局 港城市医保局
"""


def test_a_wrapped_texts_lines_of_fields_names_and_cells_keep_their_lines():
    lines = normalize(WRAPPED_WITH_FIELDS).text.split("\n")
    assert lines[1:3] == ["2024-11-26 08:35来源：港城日报社", "港城日报记者 曹雅琴 通讯员 李振华"], lines
    assert lines[3].startswith("张永平：残疾人朋友可以拨打12385残疾人服务热线")  # a speaker's turn wraps
    assert lines[4:7] == ["各地帮扶就业目标任务及联络员名单", "单位 联络员 职务", "港南区人社局 黄少华 就业股股长"]
    assert lines[7:] == ["港城市残联 港城市财政局 港城市卫健委", "港城市教育局 港城市民政局 港城市医保局"]


WRAPPED_ITEMS = """全市今年新建社区食堂 12 家，覆盖
老年人 3.2 万余人，服务满意率达到
98%。同时，市民政局在各县区开展适
老化改造，惠及困难老人家庭 1800 户。
牵头单位：市残联
责任单位：市民政局、市财政局、市农业
农村局，各县（市、区）人民政府
（二）深化按比例就业专项行动。新增按
比例安排残疾人就业 200 人。
（四）守护心灵，护航成长。州妇联与州
民政局联合实施“心语护童”儿
童
心理关爱项目，服务儿童 300 人。
"""


def test_a_wrapped_fields_value_ends_before_the_next_item_and_a_run_in_heading_wraps_on():
    lines = normalize(WRAPPED_ITEMS).text.split("\n")
    assert lines[2:] == ["责任单位：市民政局、市财政局、市农业农村局，各县（市、区）人民政府",
                         "（二）深化按比例就业专项行动。新增按比例安排残疾人就业200人。",
                         "（四）守护心灵，护航成长。州妇联与州民政局联合实施“心语护童”儿童心理关爱项目，服务儿童300人。"], lines


def test_text_keeps_the_space_between_a_table_heads_words_where_one_is_quoted():
    head = "地区 适配人数 “残疾人之家”数 服务残疾人数"
    assert normalize(head + "\n张家港市 1125 41 902").text.split("\n")[0] == head


def test_rows_of_a_table_with_a_remarks_column_stay_lines_of_their_own_when_a_remark_has_a_comma():
    rows = ["街道（镇）　社区食堂（个）　就餐人次（万人次）　备注", "雄关街道　6　4.8　新建2个（长城社区、天诚社区）",
            "新华街道　4　3.2　新建1个，配建中央厨房1处", "胜利街道　4　2.7　—", "钢城街道　4　3.1　新建1个"]
    lines = normalize("\n".join(rows)).text.split("\n")
    assert len(lines) == len(rows) and lines[2] == "新华街道4 3.2新建1个，配建中央厨房1处", lines


def test_rows_of_a_column_table_flattened_with_spaces_stay_lines_of_their_own():
    text = ("各县（区）目标任务见下表。\n目标任务分解表\n县（区） 生活补贴（人） 护理补贴（人） 覆盖率（%）\n"
            "港北区 6850 7420 85\n港南区 5930 6380 85\n合计 12780 13800 ≥85\n注：数据截至6月底")
    lines = normalize(text).text.split("\n")
    assert [line[:3] for line in lines[3:6]] == ["港北区", "港南区", "合计1"], lines
    assert lines[6].startswith("注"), lines


@pytest.mark.parametrize("text, expected", [
    # rows run together on one line: each row and the total on a line of its own
    ("序号 乡镇（街道） 救助户数（户） 救助人数（人） 主要救助事由\n"
     "1 城关街道 24 61 因病、因残 2 新华街道 19 47 因病 3 柳河镇 15 42 因灾\n"
     "4 白石镇 12 33 因病 5 石桥镇 3 8 因学 合计 73 191\n"
     "序号 姓名 残疾类别 等级 所在村（社区）\n1 张某强 肢体 一级 城北社区\u30002 王某兰 视力 二级 德胜村\n",
     ["序号 乡镇（街道）救助户数（户）救助人数（人）主要救助事由", "1城关街道24 61因病、因残", "2新华街道19 47因病",
      "3柳河镇15 42因灾", "4白石镇12 33因病", "5石桥镇3 8因学", "合计73 191", "序号 姓名 残疾类别 等级 所在村（社区）",
      "1张某强 肢体 一级 城北社区", "2王某兰 视力 二级 德胜村"]),
    # a head opening on 序号 keeps its line after a bracketed note
    ("一、个人创业担保贷款及贴息名单\n（贷款金额合计315万元，贴息金额合计19799.59元）\n\n"
     "序号 姓名 所在镇 贷款金额（万元） 贴息金额（元）\n"
     "1 于某燕 城区街道 20 1456.67\u3000\u30002 宋某伟 夏村镇 30 2185.00\u3000\u30003 姜某波 乳山口镇 15 724.38\n",
     ["一、个人创业担保贷款及贴息名单", "（贷款金额合计315万元，贴息金额合计19799.59元）",
      "序号 姓名 所在镇 贷款金额（万元）贴息金额（元）", "1于某燕 城区街道20 1456.67", "2宋某伟 夏村镇30 2185.00",
      "3姜某波 乳山口镇15 724.38"]),
    # a PDF's page cut the head inside its bracket, and row 15 after its sex cell
    ("序号 姓名 性别 出生年月 所在社区 补贴标准（元/\n月）\n"
     "13 马淑贞 女 1944.08 光明社区 60\n14 朱文学 男 1944.08 奎光社区 60 15 胡春兰 女\n"
     "1944.09 光明社区 60\n16 郭秀芳 女 1944.07 金凤社区 60\n17 何光荣 男\n1944.07 蒲柏社区 60\n"
     "合计：5人，月发放金额300元\n",
     ["序号 姓名 性别 出生年月 所在社区 补贴标准（元/月）", "13马淑贞女1944.08光明社区60", "14朱文学男1944.08奎光社区60",
      "15胡春兰女1944.09光明社区60", "16郭秀芳女1944.07金凤社区60", "17何光荣男1944.07蒲柏社区60",
      "合计：5人，月发放金额300元"]),
    # rows as wide as each other, in groups headed by their place and count
    ("序号 姓名 性别 出生年月 所在社区（村） 补贴标准（元/月）\n双河街道（4人）\n"
     + "".join(f"{k} 张德{k} 男 1944.07 红岩社区 50\n" for k in range(1, 5)) + "古桥街道（2人）\n"
     + "".join(f"{k} 吴春{k} 男 1944.07 桥亭社区 50\n" for k in range(5, 7)),
     ["序号 姓名 性别 出生年月 所在社区（村）补贴标准（元/月）", "双河街道（4人）"]
     + [f"{k}张德{k}男1944.07红岩社区50" for k in range(1, 5)] + ["古桥街道（2人）"]
     + [f"{k}吴春{k}男1944.07桥亭社区50" for k in range(5, 7)]),
    # a web page's table copied one cell a line: its head stays apart from the caption above it
    # (rows as wide as the caption make the text look hard-wrapped)
    ("现将有关情况公示如下：\n\n青川县2025年度乡镇家庭医生签约服务团队情况一览表\n序号\n乡镇\n团队长\n成员人数（人）\n"
     + "".join(f"{k}\u3000沙州镇\u3000马某{k}（沙州镇中心卫生院副院长）\u300042\u300052360\n" for k in range(1, 6)),
     ["现将有关情况公示如下：", "青川县2025年度乡镇家庭医生签约服务团队情况一览表", "序号", "乡镇", "团队长", "成员人数（人）"]
     + [f"{k}沙州镇 马某{k}（沙州镇中心卫生院副院长）42 52360" for k in range(1, 6)]),
    # the head runs on into its rows, all on one line
    ("序号 姓名 性别 年龄 所在村 补贴标准（元/月） 1 金某子 女 87 江西村 300 2 朴某哲 男 85 江西村 200 "
     "3 崔某玉 女 90 响水村 100\n",
     ["序号 姓名 性别 年龄 所在村 补贴标准（元/月）", "1金某子女87江西村300", "2朴某哲男85江西村200", "3崔某玉女90响水村100"]),
    # a web page's table copied one cell a line, a total whose merged cell left an empty line
    ("汇总表\n序号\n乡镇\n适配人数（人）\n适配件数（件）\n1\n沙州镇\n86\n139\n2\n乔庄镇\n52\n83\n合计\n\n138\n222\n"
     "注：适配件数含轮椅。\n",
     ["汇总表", "序号 乡镇 适配人数（人）适配件数（件）", "1沙州镇86 139", "2乔庄镇52 83", "合计138 222", "注：适配件数含轮椅。"]),
    # rows that differ in cells (a column of one to three bodies), told apart by their numbers in order;
    # a 2 inside a row's cells closes too short a row
    ("序号 事项名称 主要内容 责任单位 完成时限 1 提高低保标准 惠及 2 个乡镇的低保对象 市民政局 市财政局 2025年7月底前 "
     "2 残疾儿童康复救助 救助70名残疾儿童 市残联 2025年12月底前 3 长者饭堂 新建4个 市民政局 各乡镇人民政府 市财政局 "
     "2025年9月底前\n",
     ["序号 事项名称 主要内容 责任单位 完成时限", "1提高低保标准 惠及2个乡镇的低保对象 市民政局 市财政局2025年7月底前",
      "2残疾儿童康复救助 救助70名残疾儿童 市残联2025年12月底前", "3长者饭堂 新建4个市民政局 各乡镇人民政府 市财政局2025年9月底前"]),
    # a table one cell a line without 序号: rows of a name and as many figures, under as many heads
    ("表1 2025年1—9月生活补贴发放情况\n乡镇\n人数\n金额（万元）\n城关镇\n612\n49.57\n河东乡\n287\n23.25\n合计\n899\n"
     "72.82\n说明：金额为累计数。\n",
     ["表1 2025年1—9月生活补贴发放情况", "乡镇 人数 金额（万元）", "城关镇612 49.57", "河东乡287 23.25", "合计899 72.82",
      "说明：金额为累计数。"]),
])
def test_a_notices_table_comes_back_one_row_a_line(text, expected):
    nt = normalize(text)
    assert nt.text.split("\n") == expected
    check_offsets(text, nt)


@pytest.mark.parametrize("text", [
    "序号\n乡镇\n人数（人）\n1\n沙州镇\n86\n各镇街道要抓好落实。\n",  # one row is no table
    "序号\n乡镇，街道\n人数（人）\n1\n沙州镇\n86\n2\n乔庄镇\n52\n",  # a clause is no column's name
    "序号\n乡镇\n人数（人）\n1\n沙州镇\n86\n3\n乔庄镇\n52\n",  # the rows' numbers do not follow on
    "乡镇\n人数\n城关镇\n612\n各乡镇要抓好落实。\n",  # one row of a name and figures is no table
    "一、主要成效\n全年新增\n1200\n二、下步打算\n持续推进\n1300\n",  # words and figures that alternate, no head
])
def test_lines_that_only_look_like_a_table_copied_one_cell_a_line_keep_their_breaks(text):
    assert one_cell_a_line(text) == text


def test_a_tables_head_as_wide_as_a_wrapped_page_goes_on_on_the_next_line():
    prose = ("根据《最低生活保障审核确认办法》，经个人申请、入户调查核实、村（居）民委员会民主评议、"
             "乡镇人民政府审核，报市民政局审核确认，现将拟新纳入城乡最低生活保障对象予以公示，公示期七天。")
    lines = [prose[i:i + 28] for i in range(0, len(prose), 28)]
    text = "\n".join(lines + ["序号 户主姓名 所在乡镇（街道） 村（社区） 保障人数（人） 月", "保障金额（元）",
                            "1 徐某福 宛水街道 东门社区 3 1,620"])
    assert normalize(text).text.split("\n")[-2:] == [
        "序号 户主姓名 所在乡镇（街道）村（社区）保障人数（人）月保障金额（元）", "1徐某福 宛水街道 东门社区3 1,620"]


def test_a_short_row_stays_apart_from_a_next_row_a_total_or_two_figures_it_cannot_tell_apart():
    text = ("序号 项目名称 牵头单位 目标 完成\n1 助餐服务 市民政局\n2 就业援助 市人社局 2800\n2650 已完成\n"
            "3 心理关爱 团市委 12\n合计 3\n")
    lines = normalize(text).text.split("\n")
    assert lines[1:] == ["1助餐服务 市民政局", "2就业援助 市人社局2800", "2650已完成", "3心理关爱 团市委12", "合计3"], lines
    # outside a 序号 table, a line of counts is no row and the start of the next
    assert normalize("3 个街道 12 个社区 4 个村").text.count("\n") == 0


def test_numbers_in_a_line_that_are_no_row_numbers_keep_the_line_whole():
    # 2 is a cell here, not the next row: the rows would not have the same number of cells
    for line in ("1 城关街道 2 61 因病 3 新华街道 19", "1 张某 2 李某", "3 城关镇 4 个 社区 5 户"):
        assert normalize(line).text.count("\n") == 0, line


def test_text_joins_a_wrapped_item_whose_lines_are_outnumbered_by_short_label_lines():
    # a notice wrapped at 34 characters, each item closed by three short label
    # lines: fewer than half of all lines are full, but most of the wide ones are
    items = ["（一）开展心理宣讲。团市委联合市教育局在全市中小学开展“心理健康进校园”宣讲活动，全年走进中小学一百所，覆盖学生五万人次，各县（区）同步推进，年底前完成全部任务并接受考核验收。",
             "（二）畅通服务热线。团市委12355青少年服务台实行工作日全天值守，会同市第二人民医院建立心理危机转介绿色通道，做到早发现，各县（区）同步推进，年底前完成全部任务并接受考核验收。",
             "（三）建设心晴小屋。市教育局统筹推进“青春心晴小屋”建设，每个小屋配备沙盘和心理测评系统，今年先期在驿城区建设十个示范点，各县（区）同步推进，年底前完成全部任务并接受考核验收。",
             "（四）推进家校协同。团市委、市教育局联合市妇联在全市开展“家庭教育进万家”家长课堂活动，全年举办家长课堂二百场，引导家长，各县（区）同步推进，年底前完成全部任务并接受考核验收。",
             "（五）组建志愿队伍。依托市心理咨询师协会组建“天中心语”青少年心理健康志愿服务队，招募心理咨询师和高校学生等志愿者三百名，各县（区）同步推进，年底前完成全部任务并接受考核验收。",
             "（六）开展能力培训。市教育局会同黄淮学院举办中小学心理健康教育骨干教师能力提升培训班，分三期完成全年培训任务共五百人，各县（区）同步推进，年底前完成全部任务并接受考核验收。"]
    labels = ["牵头单位：团市委学校部", "责任单位：各县（区）团委", "完成时限：2024年11月底前"]
    lines = []
    for item in items:
        lines += [item[i:i + 34] for i in range(0, len(item), 34)] + labels
    raw = "\n".join(lines)
    nt = normalize(raw)
    assert nt.text.split("\n") == [x for item in items for x in (item, *labels)]
    check_offsets(raw, nt)


def test_text_keeps_a_field_value_ending_in_a_bracket_apart_from_the_prose_after_it():
    raw = ("（一）织密社会救助保障网\n牵头单位：区民政局\n责任单位：区财政局、区医保局，各街道（镇）\n"
           "进一步完善“岳麓救助通”平台功能，低收入人口动态监测覆盖率保持100%。\n"
           "完成情况：已建成公共充电桩612个，完成年度目标的76.5%。主要原因是部分点位电力增容审批\n周期较长。")
    nt = normalize(raw)
    assert nt.text.split("\n") == ["（一）织密社会救助保障网", "牵头单位：区民政局", "责任单位：区财政局、区医保局，各街道（镇）",
                                   "进一步完善“岳麓救助通”平台功能，低收入人口动态监测覆盖率保持100%。",
                                   "完成情况：已建成公共充电桩612个，完成年度目标的76.5%。主要原因是部分点位电力增容审批周期较长。"]
    check_offsets(raw, nt)


def test_a_blank_line_between_a_numbered_tables_rows_keeps_each_row_a_line_of_its_own():
    text = ("序号 项目名称 建设内容 责任单位\n\n一、养老服务\n\n1 乡村长者饭堂建设 新建长者饭堂12个 市民政局，各镇人民政府\n\n"
            "2 适老化改造 改造300户 市民政局会同市残联\n")
    lines = normalize(text).text.split("\n")
    assert [line[:2] for line in lines[2:]] == ["1乡", "2适"], lines



def test_a_headings_number_gives_its_level_and_where_it_ends():
    from kg.text.lines import heading_level
    text = "一、总体情况\n（二）市民政局\n3.老年助餐\n（4）助浴\n2024年\n"
    starts = [0, 7, 15, 22, 28]
    assert [heading_level(text, s) for s in starts] == [(0, 2), (1, 10), (2, 17), (3, 25), None]
