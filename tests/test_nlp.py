"""The spaCy pipeline: assembled from registered factories; segmenter-independent
recognition; pkuseg with a model the test trains; optional statistical NER."""
import random

import pytest
import spacy
from spacy.training import Example

from kg.errors import ConfigError
from kg.nlp import DEFAULT_COMPONENTS, PipelineConfig, build_pipeline, recognize

TEXT = "洛阳市召开发布会。共青团洛阳市委副书记王晓东介绍，团市委建设“青翼家园”工作阵地24家。"


def _summary(found):
    return (sorted((m.type, m.text) for m in found.orgs + found.places + found.programs + found.persons),
            sorted((str(n.value), n.unit) for n in found.numbers))


def test_nlp_pipeline_is_assembled_from_registered_factories():
    nlp = build_pipeline()
    assert tuple(nlp.pipe_names) == DEFAULT_COMPONENTS
    doc = nlp(TEXT)
    labels = {(s.label_, s.text) for s in doc.spans["kg"]}
    assert ("Person", "王晓东") in labels and ("Program", "青翼家园") in labels


def test_nlp_components_can_be_dropped_by_config():
    nlp = build_pipeline(PipelineConfig(components=("minsheng_locations", "minsheng_numbers")))
    found = recognize(nlp, TEXT)
    assert found.numbers and not found.orgs and found.places


def test_nlp_rejects_unknown_segmenter_and_missing_pkuseg_model():
    with pytest.raises(ConfigError, match="segmenter"):
        build_pipeline(PipelineConfig(segmenter="nonsense"))
    with pytest.raises(ConfigError, match="pkuseg_model"):
        build_pipeline(PipelineConfig(segmenter="pkuseg"))
    with pytest.raises(ConfigError, match="could not be loaded"):
        build_pipeline(PipelineConfig(segmenter="pkuseg", pkuseg_model="/nonexistent/model"))


@pytest.fixture(scope="module")
def pkuseg_model(tmp_path_factory):
    spacy_pkuseg = pytest.importorskip("spacy_pkuseg")
    d = tmp_path_factory.mktemp("pkuseg")
    lines = ["共青团 洛阳市 委员会 开展 心理 健康 服务", "市 残联 建设 康复 站点", "团市委 建设 青翼 家园 工作 阵地",
             "全市 新建 社会 足球场", "副书记 王晓东 介绍"] * 4
    train = d / "train.txt"
    train.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spacy_pkuseg.train(str(train), str(train), str(d / "model"), train_iter=3)
    return str(d / "model")


def test_nlp_pkuseg_segmenter_with_a_trained_model(pkuseg_model):
    nlp = build_pipeline(PipelineConfig(segmenter="pkuseg", pkuseg_model=pkuseg_model))
    tokens = [t.text for t in nlp.make_doc("共青团洛阳市委员会开展心理健康服务")]
    assert "委员会" in tokens and len(tokens) < 10


def test_nlp_recognition_does_not_depend_on_word_boundaries(pkuseg_model):
    char = recognize(build_pipeline(), TEXT)
    pku = recognize(build_pipeline(PipelineConfig(segmenter="pkuseg", pkuseg_model=pkuseg_model)), TEXT)
    assert _summary(char) == _summary(pku)


@pytest.fixture(scope="module")
def tiny_ner(tmp_path_factory):
    """A spaCy NER trained in the test on a few sentences (no download)."""
    nlp = spacy.blank("zh")
    ner = nlp.add_pipe("ner")
    data = [("南湖实验小组在开会。", [(0, 6, "ORG")]), ("张三丰在南湖实验小组工作。", [(0, 3, "PERSON"), (4, 10, "ORG")]),
            ("湖滨镇的南湖实验小组。", [(0, 3, "GPE"), (4, 10, "ORG")])]
    for _, ents in data:
        for *_, label in ents:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in data]
    optimizer = nlp.initialize(lambda: examples)
    random.seed(0)
    for _ in range(60):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("ner") / "tiny"
    nlp.to_disk(path)
    return str(path)


def test_nlp_statistical_ner_maps_labels_and_keeps_rules(tiny_ner):
    nlp = build_pipeline(PipelineConfig(spacy_model=tiny_ner))
    found = recognize(nlp, "张三丰在南湖实验小组工作，团市委开展活动。")
    stat = {(m.type, m.text) for m in found.orgs + found.persons if m.rule.startswith("stat.")}
    assert ("Organization", "南湖实验小组") in stat
    assert ("Person", "张三丰") in stat
    assert any(m.text == "团市委" and not m.rule.startswith("stat.") for m in found.orgs)


def test_nlp_statistical_model_missing_is_a_clear_error():
    with pytest.raises(ConfigError, match="not installed"):
        build_pipeline(PipelineConfig(spacy_model="zh_no_such_pipeline"))


def test_lexicon_word_lists_have_a_fixed_order_independent_of_set_iteration():
    from kg.nlp.lexicon import load_lexicon

    lex = load_lexicon()
    for name in ("indicator_trim", "boundaries", "program_name_heads", "program_heads", "program_not_heads", "posts"):
        words = getattr(lex, name)
        assert words == sorted(set(words), key=lambda w: (-len(w), w)), name


def test_towns_named_in_full_in_a_list_are_places_though_the_gazetteer_lacks_them():
    nlp = build_pipeline(PipelineConfig())
    text = ("昆山市召开发布会。市民政局在陆家镇、淀山湖镇等地建成服务站，在锦溪镇、周庄镇等农村地区新建助餐点，"
            "推动特色小镇、历史文化名镇等建设。")
    listed = {m.text for m in recognize(nlp, text).places if m.rule == "loc.listed-town"}
    assert listed == {"淀山湖镇", "锦溪镇", "周庄镇"}  # 陆家镇 is the gazetteer's; kinds of town are no names


def test_villages_and_communities_named_in_full_in_a_list_are_places():
    nlp = build_pipeline(PipelineConfig())
    text = ("龙泉县民政局消息。今年，镇里计划在梅岭村、杏坪村再开2个互助食堂；城关街道新建2个服务站（柳荫社区、"
            "桃园社区），辖金桥社区、银杏社区2个社区。聚焦白鹭社区、青松社区开展探访，推动示范村、文明村创建。")
    places = {m.text for m in recognize(nlp, text).places}
    assert {"梅岭村", "杏坪村", "柳荫社区", "桃园社区", "金桥社区", "银杏社区", "青松社区"} <= places, places
    # a verb (聚焦) before the first item hides where its name starts; kinds are no names
    assert not places & {"白鹭社区", "聚焦白鹭社区", "示范村", "文明村"}, places


def test_the_last_town_of_a_list_is_a_place_whatever_word_follows_it():
    nlp = build_pipeline(PipelineConfig())
    text = "沈阳市大东区消息。大东区在小北街道、津桥街道建成社区嵌入式老年食堂，在仙塘镇、漳溪畲族乡开设门诊。"
    places = {m.text for m in recognize(nlp, text).places}
    assert {"小北街道", "津桥街道", "漳溪畲族乡"} <= places, places


def test_a_village_or_town_body_written_by_its_level_is_the_body_of_the_last_such_place_named():
    nlp = build_pipeline()
    text = ("稻田镇崔岭村是有名的蔬菜村。村党支部书记崔建国介绍，村委会腾出三间房，由村妇联组织志愿者。"
            "镇政府每餐补贴1元。全县185个村卫生室实现全覆盖，农村党支部建设有序推进。")
    orgs = {m.text: m.canonical for m in recognize(nlp, text).orgs}
    assert orgs.get("村党支部") == "崔岭村党支部" and orgs.get("村委会") == "崔岭村村民委员会", orgs
    assert orgs.get("村妇联") == "崔岭村妇女联合会" and orgs.get("镇政府") == "稻田镇人民政府", orgs
    assert "村卫生室" not in orgs and not any(k.startswith("农") for k in orgs), orgs
    assert not recognize(nlp, "村委会腾出三间房。").orgs  # no village named: no body to tell apart
