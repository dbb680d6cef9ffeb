"""Relations on short documents written for these tests (same genre, invented facts)."""
from kg.pipeline import analyze


def _relations(tmp_path, text: str) -> set[tuple[str, str, str]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    r = analyze(str(path), "doc.txt")
    label = {e.iri: e.label for e in r.entities}
    return {(label.get(x.subject, x.subject), x.predicate, label.get(x.object, x.object)) for x in r.relations}


def test_each_organization_followed_by_its_own_verb_runs_the_program(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。由团市委牵头、九江市青少年宫具体实施的“心语小屋”青少年心理关爱项目，"
                                "已建成站点12个。")
    runs = {(s, o) for s, p, o in rels if p == "runs"}
    assert ("共青团九江市委员会", "心语小屋青少年心理关爱项目") in runs
    assert ("九江市青少年宫", "心语小屋青少年心理关爱项目") in runs


def test_a_partner_named_after_a_cue_does_not_run_the_program(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。市民政局会同市卫生健康委员会开展“暖心到家”行动，服务老人3000人次。")
    runs = {(s, o) for s, p, o in rels if p == "runs"}
    assert {s for s, _ in runs} == {"九江市民政局"}


def test_villages_and_communities_named_after_a_town_are_places_within_it(tmp_path):
    rels = _relations(tmp_path, "河池市东兰县召开会议。武篆镇拉甲村、东里村幸福食堂就餐老人增加。东兰县武篆镇新建村级服务站3个。")
    part_of = {(s, o) for s, p, o in rels if p == "partOf"}
    assert {("拉甲村", "武篆镇"), ("东里村", "武篆镇")} <= part_of
    assert not any(s.startswith("新建") for s, _ in part_of)  # 新建村级…: a verb


def test_a_count_after_a_town_is_no_village(tmp_path):
    rels = _relations(tmp_path, "渭南市富平县召开会议。美原镇一户村民家中两名劳动力实现就业。")
    assert not any(s.startswith("一户") for s, p, o in rels if p == "partOf")
