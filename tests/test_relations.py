"""Relations on short documents written for these tests (same genre, invented facts)."""
import pytest

from kg.namespaces import entity_iri
from kg.pipeline import analyze


def _relations(tmp_path, text: str) -> set[tuple[str, str, str]]:
    r = _analyze(tmp_path, text)
    label = {e.iri: e.label for e in r.entities}
    return {(label.get(x.subject, x.subject), x.predicate, label.get(x.object, x.object)) for x in r.relations}


def _analyze(tmp_path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return analyze(str(path), "doc.txt")


def _pairs(rels, predicate: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in rels if p == predicate}


def _members_with_roles(r) -> set[tuple[str, str, str | None]]:
    label = {e.iri: e.label for e in r.entities}
    return {(label[x.subject], label[x.object], x.role) for x in r.relations if x.predicate == "memberOf"}


def test_each_organization_followed_by_its_own_verb_runs_the_program(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。由团市委牵头、九江市青少年宫具体实施的“心语小屋”青少年心理关爱项目，"
                                "已建成站点12个。")
    runs = _pairs(rels, "runs")
    assert ("共青团九江市委员会", "心语小屋青少年心理关爱项目") in runs
    assert ("九江市青少年宫", "心语小屋青少年心理关爱项目") in runs


def test_a_body_that_carries_out_a_scheme_runs_it(tmp_path):
    rels = _relations(tmp_path, "九江市残疾人联合会2025年工作总结\n今年，市残联严格执行困难残疾人生活补贴和重度残疾人护理补贴制度，"
                                "发放补贴232万元。")
    assert {("九江市残疾人联合会", "困难残疾人生活补贴"), ("九江市残疾人联合会", "重度残疾人护理补贴")} <= _pairs(rels, "runs")


def test_bodies_that_guide_in_a_frame_before_the_subject_neither_run_nor_partner(tmp_path):
    rels = _relations(tmp_path, "九江市残联工作总结\n2024年，在市委、市政府的坚强领导和省残联的精心指导下，"
                                "市残联会同市财政局深入实施“康复到家”行动，服务残疾人1200人次。")
    assert _pairs(rels, "runs") == {("九江市残疾人联合会", "康复到家行动"), ("九江市财政局", "康复到家行动")}
    assert _pairs(rels, "partnerOf") == {("九江市残疾人联合会", "九江市财政局")}


def test_bodies_whose_plan_a_clause_follows_do_not_run_what_the_subject_runs(tmp_path):
    rels = _relations(tmp_path, "九江市民政局工作总结\n按照省卫生健康委、省民政厅统一部署，"
                                "市民政局深入实施“暖心到家”行动，服务老人3000人次。")
    assert _pairs(rels, "runs") == {("九江市民政局", "暖心到家行动")}


def test_a_single_partner_named_after_a_cue_runs_the_program_with_the_lead(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。市民政局联合市慈善总会开展“暖心到家”行动，服务老人3000人次。")
    runs = _pairs(rels, "runs")
    assert {s for s, _ in runs} == {"九江市民政局", "九江市慈善总会"}


def test_two_partners_named_after_a_cue_run_the_program_with_the_lead(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。市民政局会同市财政局、市卫生健康委员会开展“暖心到家”行动，服务老人3000人次。")
    runs = _pairs(rels, "runs")
    assert {s for s, _ in runs} == {"九江市民政局", "九江市财政局", "九江市卫生健康委员会"}
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert {frozenset(("九江市民政局", "九江市财政局")), frozenset(("九江市民政局", "九江市卫生健康委员会"))} <= partners


def test_a_partners_short_name_note_does_not_end_the_list_or_the_joint_action(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。市民政局与市卫生健康委员会（以下简称市卫健委）联合开展“医养同行”行动。"
                                "市民政局会同市卫生健康委员会（以下简称市卫健委）、市农牧局开展“暖心到家”行动。")
    runs = _pairs(rels, "runs")
    assert ("九江市卫生健康委员会", "医养同行行动") in runs
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert {frozenset(("九江市民政局", "九江市卫生健康委员会")), frozenset(("九江市民政局", "九江市农牧局"))} <= partners


def test_bodies_named_after_yu_that_set_up_or_share_something_with_the_subject_are_its_partners(tmp_path):
    rels = _relations(tmp_path, "九江市民政局工作总结。市民政局建成监测平台，与市人社局、市医保局等12个部门实现数据共享比对。"
                                "市残联与市卫健委建立残疾儿童信息通报机制。市民政局与多家企业开展合作。")
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert {frozenset(("九江市民政局", "九江市人力资源和社会保障局")), frozenset(("九江市民政局", "九江市医疗保障局")),
            frozenset(("九江市残疾人联合会", "九江市卫生健康委员会"))} <= partners, partners


def test_each_body_whose_duties_an_item_lists_runs_the_program_the_heading_names(tmp_path):
    rels = _relations(tmp_path, "共青团九江市委员会\n关于推进全市“青心驿站”青少年心理健康服务站建设的通知\n各县（市、区）团委：\n"
                                "为做好服务站建设，现通知如下。\n五、职责分工\n1．市卫生健康委员会。负责组织医生下沉服务站。\n"
                                "（二）市财政局：负责资金保障。\n3．市民政局指导社区站建设。\n")
    runs = _pairs(rels, "runs")
    assert {("九江市卫生健康委员会", "青心驿站青少年心理健康服务站"), ("九江市财政局", "青心驿站青少年心理健康服务站")} <= runs
    assert ("九江市民政局", "青心驿站青少年心理健康服务站") not in runs  # no duty word after the body


def test_a_list_of_duties_under_a_heading_that_names_no_program_runs_nothing(tmp_path):
    rels = _relations(tmp_path, "九江市教育局\n关于印发《九江市学生心理健康促进行动方案》的通知\n各县（市、区）教育局：\n"
                                "现将方案印发给你们。市团委开展“青心护航”行动。\n1．市卫生健康委员会。负责组织医生进校园。\n")
    assert ("九江市卫生健康委员会", "青心护航行动") not in _pairs(rels, "runs")


def test_a_transcript_line_naming_a_speakers_body_post_and_name_gives_the_floor_to_that_body(tmp_path):
    rels = _relations(tmp_path, "九江市民生实事新闻发布会\n\n主持人（九江市人民政府新闻办公室副主任 孙丽华）：\n\n"
                                "请王德胜局长介绍情况。\n\n九江市民政局局长 王德胜：\n\n"
                                "一是实施居家和社区基本养老服务提升行动。为1200户老年人家庭实施适老化改造。\n\n"
                                "尊敬的刘红梅代表：\n\n二是实施“暖心到家”行动。\n")
    runs = _pairs(rels, "runs")
    assert ("九江市民政局", "居家和社区基本养老服务提升行动") in runs, runs


def test_a_sentence_opening_on_our_bureau_is_the_publishers_act_not_the_last_bodys(tmp_path):
    rels = _relations(tmp_path, "九江市人力资源和社会保障局\n关于市政协第0178号提案的答复\n\n王志刚委员：\n"
                                "省人力资源和社会保障厅会同省财政厅印发《江西省零工市场建设三年行动方案》。"
                                "我局会同市财政局联合印发《九江市零工市场建设实施方案》，明确建设目标。\n")
    issued = _pairs(rels, "issuedBy")
    assert ("九江市零工市场建设实施方案", "九江市人力资源和社会保障局") in issued, issued
    assert ("九江市零工市场建设实施方案", "江西省人力资源和社会保障厅") not in issued


def test_a_clause_that_opens_on_and_then_a_partner_cue_has_the_sentences_subject_as_its_lead(tmp_path):
    rels = _relations(tmp_path, "九江市妇联新闻。近年来，市妇联在省妇联和中国儿童少年基金会的支持下，持续实施“春蕾计划”，"
                                "并会同市民政局联合印发《九江市“春蕾计划”助学资金管理办法》。")
    issued = _pairs(rels, "issuedBy")
    assert ("九江市“春蕾计划”助学资金管理办法", "九江市妇女联合会") in issued, issued
    assert not any(o == "中国儿童少年基金会" for _, o in issued)


def test_partners_named_two_at_a_time_after_two_cues_each_run_the_program_of_their_clause(tmp_path):
    rels = _relations(tmp_path, "九江市团委新闻。今年暑期，团市委联合市教育局、市妇联开展爱心暑托班，"
                                "会同市应急管理局、市教育局开展“清流护童”防溺水安全守护行动。")
    runs = _pairs(rels, "runs")
    assert {("九江市应急管理局", "清流护童防溺水安全守护行动"), ("九江市教育局", "清流护童防溺水安全守护行动")} <= runs, runs


def test_a_transcript_line_with_the_speakers_name_then_body_and_post_in_brackets_gives_the_floor(tmp_path):
    rels = _relations(tmp_path, "九江市青少年心理健康新闻发布会\n\n彭永辉（市卫生健康局副局长）：\n\n"
                                "我们开通“心语”心理服务热线，全年接听来电3200人次。\n")
    assert ("九江市卫生健康局", "心语心理服务热线") in _pairs(rels, "runs")


def test_a_longer_list_of_partners_after_a_cue_assists_and_does_not_run_the_program(tmp_path):
    rels = _relations(tmp_path, "九江市召开新闻发布会。市民政局会同市财政局、市卫生健康委员会、市医疗保障局开展“暖心到家”行动，"
                                "服务老人3000人次。")
    runs = _pairs(rels, "runs")
    assert {s for s, _ in runs} == {"九江市民政局"}
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert frozenset(("九江市民政局", "九江市医疗保障局")) in partners


def test_organizations_listed_before_a_partner_cue_each_partner_the_one_after_it(tmp_path):
    rels = _relations(tmp_path, "宜春市召开会议。市人社局、市残联联合市总工会举办专场招聘会8场。")
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert frozenset(("宜春市人力资源和社会保障局", "宜春市总工会")) in partners
    assert frozenset(("宜春市残疾人联合会", "宜春市总工会")) in partners


def test_the_lead_partners_each_body_that_assists_it(tmp_path):
    rels = _relations(tmp_path, "宜春市召开会议。由市残联牵头、市住房和城乡建设局、市财政局等部门配合，实施“安居无忧”改造项目，"
                                "完成改造800户。该建议由市民政局主办，市教育局会办。")
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert {frozenset(("宜春市残疾人联合会", "宜春市住房和城乡建设局")), frozenset(("宜春市残疾人联合会", "宜春市财政局")),
            frozenset(("宜春市民政局", "宜春市教育局"))} <= partners
    assert frozenset(("宜春市住房和城乡建设局", "宜春市财政局")) not in partners


def test_a_body_that_puts_programs_on_its_list_runs_them_but_a_city_or_its_government_does_not(tmp_path):
    rels = _relations(tmp_path, "宜春市召开会议。2024年，市残联将“残疾儿童康复救助”和“助残暖心行动”两项工作列入市级民生实事项目。"
                                "市委、市政府将“银龄食堂”列入年度民生实事。我市将“青苗驿站”纳入为民办实事项目。")
    runs = _pairs(rels, "runs")
    assert ("宜春市残疾人联合会", "残疾儿童康复救助") in runs and ("宜春市残疾人联合会", "助残暖心行动") in runs
    assert not any(o in ("银龄食堂", "青苗驿站") for _, o in runs)


def test_a_list_frame_does_not_reach_into_another_clause(tmp_path):
    rels = _relations(tmp_path, "宜春市召开会议。市卫健委要求各县将“心晴驿站”扩大至50个，逐步将老年人心理评估纳入基本公共卫生服务。")
    assert not any(p == "runs" for _, p, _ in rels)


def test_villages_and_communities_named_after_a_town_are_places_within_it(tmp_path):
    rels = _relations(tmp_path, "河池市东兰县召开会议。武篆镇拉甲村、东里村幸福食堂就餐老人增加。东兰县武篆镇新建村级服务站3个。")
    part_of = _pairs(rels, "partOf")
    assert {("拉甲村", "武篆镇"), ("东里村", "武篆镇")} <= part_of
    assert not any(s.startswith("新建") for s, _ in part_of)  # 新建村级…: a verb


def test_a_count_after_a_town_is_no_village(tmp_path):
    rels = _relations(tmp_path, "渭南市富平县召开会议。美原镇一户村民家中两名劳动力实现就业。")
    assert not any(s.startswith("一户") for s, p, o in rels if p == "partOf")


def test_a_village_or_community_may_start_with_a_numeral_that_counts_nothing(tmp_path):
    rels = _relations(tmp_path, "济宁市曲阜市召开会议。鲁城街道五马祠社区儿童之家开展活动，鲁城街道三个社区、"
                                "十余个村参加。")
    part_of = _pairs(rels, "partOf")
    assert ("五马祠社区", "鲁城街道") in part_of
    assert not any(s.startswith(("三个", "十余")) for s, _ in part_of), part_of


def test_a_community_a_cue_revealed_is_the_same_place_where_it_is_named_again_without_one(tmp_path):
    rels = _relations(tmp_path, "唐山市路北区召开会议。街道在康乐里社区试点开办暑期托管班。"
                                "孩子们的午餐由康乐里社区“暖心食堂”统一配送。")
    assert ("暖心食堂", "康乐里社区") in _pairs(rels, "operatesIn"), rels


def test_a_national_brand_with_no_runner_in_the_text_is_run_by_its_kind_of_body(tmp_path):
    rels = _relations(tmp_path, "宜春市召开会议。依托12355青少年服务台，团市委组建心理咨询志愿服务团队。"
                                "宜春市青少年宫建设“青翼家园”站点8个。市民政局开通12349养老服务热线。")
    runs = _pairs(rels, "runs")
    assert ("共青团宜春市委员会", "12355青少年服务台") in runs
    assert ("宜春市民政局", "12349养老服务热线") in runs
    # a runner the text names is kept, and the brand's usual body is not added beside it
    assert ("宜春市青少年宫", "青翼家园") in runs and ("共青团宜春市委员会", "青翼家园") not in runs


def test_the_spring_bud_scheme_is_a_national_brand_of_the_womens_federation(tmp_path):
    rels = _relations(tmp_path, "通化市妇联2024年工作总结\n市妇联深入实施春蕾计划，资助困难家庭女童320名。"
                                "市妇联联合市教育局开展家庭教育讲座。")
    assert ("通化市妇女联合会", "春蕾计划") in _pairs(rels, "runs"), rels


def test_a_countys_document_places_its_unplaced_programs_in_the_county_not_the_city_above(tmp_path):
    county = ("长兴县开展青少年关爱工作\n2024年，长兴县团县委开展“护河少年”志愿服务活动120场。"
              "全县新建“青苗小屋”12个。长兴县关工委参与其中。")
    rels = _relations(tmp_path, county)
    operates = _pairs(rels, "operatesIn")
    assert ("护河少年志愿服务活动", "长兴县") in operates and ("青苗小屋", "长兴县") in operates
    assert not any(o == "湖州市" for _, o in operates)
    # a city's document, with a county named once in passing, keeps the city
    city = "湖州市开展青少年关爱工作\n2024年，团市委开展“护河少年”志愿服务活动120场，长兴县参与其中。市青少年宫新建“青苗小屋”12个。"
    operates = {(s, o) for s, p, o in _relations(tmp_path, city) if p == "operatesIn"}
    assert ("青苗小屋", "湖州市") in operates


def test_a_place_that_only_qualifies_the_next_place_or_body_is_not_where_the_program_runs(tmp_path):
    rels = _relations(tmp_path, "襄阳市召开会议。在保康县马桥镇、南漳县薛坪镇开展“健康快车”巡回医疗12场。"
                                "湖北省襄阳市民政局在樊城区推广“邻里守望”互助养老点30个。")
    operates = _pairs(rels, "operatesIn")
    assert {("健康快车", "马桥镇"), ("健康快车", "薛坪镇"), ("邻里守望", "樊城区")} <= operates
    assert not operates & {("健康快车", "保康县"), ("健康快车", "南漳县"), ("邻里守望", "湖北省")}


def test_a_countys_short_body_names_expand_to_that_county_and_stay_apart_across_counties(tmp_path):
    def orgs(name: str, text: str) -> dict[str, str]:
        path = tmp_path / name
        path.write_text(text, "utf-8")
        r = analyze(str(path), name)
        places = {e.iri: e.label for e in r.entities if e.type == "Location"}
        return {e.label: (e.iri, places.get(e.located_in)) for e in r.entities if e.type == "Organization"}

    a = orgs("a.txt", "东兰县民政局工作报告\n2024年，东兰县新建农村幸福食堂28个。县民政局会同县财政局开展检查。")
    b = orgs("b.txt", "富平县民政局工作报告\n2024年，富平县新建互助幸福院12个。县民政局开展“暖冬行动”。")
    assert a["东兰县民政局"][1] == "东兰县" and a["东兰县财政局"][1] == "东兰县"
    assert b["富平县民政局"][1] == "富平县"
    assert a["东兰县民政局"][0] != b["富平县民政局"][0]  # two bodies, two nodes


def test_a_county_named_late_but_all_through_a_city_papers_story_is_what_its_short_names_mean(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("纳雍：康复救助撑起一片天\n\n来源：毕节日报　　2025-05-19 08:42\n\n"
                    "毕节日报全媒体记者　龙飞燕　通讯员　陈德明\n\n5月16日上午，感统训练室里传出阵阵笑声，5岁的男孩在康复师的引导下，"
                    "扶着栏杆一步一步走过平衡木。这里是位于雍熙街道的纳雍县残疾人康复中心，"
                    "孩子们正在训练。纳雍县今年救助残疾儿童312名。县残联联合县教育局开展送教上门。纳雍县还在乡镇建成康复小站12个，"
                    "纳雍县财政局安排资金260万元。", "utf-8")
    labels = {e.label for e in analyze(str(path), "story.txt").entities if e.type == "Organization"}
    assert {"纳雍县残疾人联合会", "纳雍县教育局"} <= labels


def test_a_body_named_by_a_bare_level_is_scoped_to_its_documents_city(tmp_path):
    def iri_of(name: str, text: str, label: str) -> str:
        path = tmp_path / name
        path.write_text(text, "utf-8")
        return next(e.iri for e in analyze(str(path), name).entities if e.label == label)

    a = iri_of("a.txt", "郑州市民政局通报\n郑州市各区推进助餐服务。区民政局开展“银龄助餐”行动。", "区民政局")
    b = iri_of("b.txt", "洛阳市民政局通报\n洛阳市各区推进助餐服务。区民政局开展“银龄助餐”行动。", "区民政局")
    assert a != b


def test_a_body_named_by_its_town_is_its_citys_own_and_keeps_the_county_it_is_written_with(tmp_path):
    def entity(name: str, text: str, label: str):
        path = tmp_path / name
        path.write_text(text, "utf-8")
        return next(e for e in analyze(str(path), name).entities if e.label == label)

    a = entity("a.txt", "通化市妇联工作总结\n辉南县朝阳镇妇联主席李秀芹牵头建队。朝阳镇妇联开展活动。", "朝阳镇妇女联合会")
    b = entity("b.txt", "晋中市妇联工作总结\n寿阳县朝阳镇妇联开展活动。", "朝阳镇妇女联合会")
    assert a.iri != b.iri  # many counties have a 朝阳镇
    assert "辉南县朝阳镇妇联" in a.alt_labels


def test_the_documents_own_body_runs_the_campaigns_it_deepens(tmp_path):
    rels = _relations(tmp_path, "深圳市龙岗区民政局\n龙岗区民政局关于2024年上半年工作情况的报告\n区人民政府：\n"
                                "深化“就业援助月”“春风行动”等专项活动，上半年举办专场招聘会58场。持续擦亮“暖心行动”品牌。\n"
                                "特此报告。\n深圳市龙岗区民政局\n2024年7月10日\n")
    runs = _pairs(rels, "runs")
    assert {("龙岗区民政局", "就业援助月"), ("龙岗区民政局", "春风行动"), ("龙岗区民政局", "暖心行动")} <= runs, runs


def test_the_outlet_a_story_is_credited_to_employs_its_reporter_and_runs_nothing(tmp_path):
    rels = _relations(tmp_path, "留守娃有了第二个家\n来源：西双版纳报　　2024年11月18日\n本报记者　玉应罕　通讯员　刀丽\n"
                                "今年以来，勐海县新建“儿童之家”12个，覆盖留守儿童860名。\n"
                                "来源：大理市人民政府网\n（编辑：刀晓燕）\n")
    assert ("玉应罕", "memberOf", "西双版纳报") in rels and ("刀晓燕", "memberOf", "西双版纳报") in rels, rels
    assert not any(s == "西双版纳报" and p == "runs" for s, p, o in rels), rels
    assert not any("人民政府网" in s or "人民政府网" in o for s, p, o in rels), rels


def test_a_districts_body_is_also_known_by_its_name_with_the_city_first_but_a_countys_is_not(tmp_path):
    r = _analyze(tmp_path, "广州市番禺区民政局关于长者饭堂的报告\n区民政局养老服务科科长苏某说，团区委和番禺区残联参与。"
                           "增城区派潭镇人民政府、从化区民政局配合，龙门县民政局也来了。")
    alts = {e.label: set(e.alt_labels) for e in r.entities if e.type == "Organization"}
    assert "广州市番禺区民政局养老服务科" in alts["番禺区民政局养老服务科"], alts
    assert "共青团广州市番禺区委员会" in alts["共青团番禺区委员会"], alts
    assert "广州市从化区民政局" in alts["从化区民政局"], alts
    assert not any(a.startswith("惠州市") for a in alts["龙门县民政局"]), alts


def test_a_body_belongs_to_the_longest_body_its_name_starts_with_or_to_its_institutions_parent(tmp_path):
    rels = _relations(tmp_path, "嘉兴市召开会议。嘉兴市人民政府办公室、嘉兴市人民政府和嘉兴市残疾人联合会参加，"
                                "嘉兴市残疾人康复中心、嘉兴市妇幼保健院和中国人寿保险股份有限公司嘉兴分公司、中国人寿保险股份有限公司派员参加。")
    sub = _pairs(rels, "subOrganizationOf")
    assert {("嘉兴市人民政府办公室", "嘉兴市人民政府"), ("嘉兴市残疾人康复中心", "嘉兴市残疾人联合会"),
            ("中国人寿保险股份有限公司嘉兴分公司", "中国人寿保险股份有限公司")} <= sub
    assert not any(s == "嘉兴市妇幼保健院" for s, _ in sub)  # its parent body is not named here


def test_a_standing_committee_and_a_hospital_are_no_departments_of_the_bodies_named_like_them(tmp_path):
    rels = _relations(tmp_path, "嘉兴市民政局召开会议。嘉兴市人民代表大会常务委员会、嘉兴市人民代表大会和"
                                "嘉兴市卫生健康委员会、嘉兴市妇幼保健院参加。\n\n抄送：市人大常委会代表工作委员会。")
    sub = _pairs(rels, "subOrganizationOf")
    assert ("嘉兴市人民代表大会常务委员会代表工作委员会", "嘉兴市人民代表大会常务委员会") in sub, sub
    assert ("嘉兴市人民代表大会常务委员会", "嘉兴市人民代表大会") not in sub
    assert not any(s == "嘉兴市妇幼保健院" for s, _ in sub)


def test_reporters_belong_to_the_outlet_named_before_them_and_our_bureaus_people_to_the_publisher(tmp_path):
    rels = _relations(tmp_path, "来源：九江日报　　发布日期：2025年2月18日\n本报讯（记者 周婷 通讯员 陈思远 刘畅）"
                                "九江市民政局召开会议。")
    members = _pairs(rels, "memberOf")
    assert ("周婷", "九江日报") in members
    assert not any(s in ("陈思远", "刘畅") for s, _ in members)  # a correspondent writes for no outlet of the text
    rels = _relations(tmp_path, "九江市民政局关于市十六届人大三次会议第45号建议的答复\n\n刘红梅代表：\n"
                                "您提出的《关于加快发展社区助餐服务的建议》收悉。我局副局长李建军带队到浔阳区与您当面沟通。\n\n"
                                "九江市民政局\n2025年6月10日\n")
    assert ("李建军", "九江市民政局") in _pairs(rels, "memberOf")


def test_a_quoted_program_is_one_entity_however_its_head_is_written(tmp_path):
    text = ("桂林市民政局建成“桂林颐养”智慧养老服务平台，接入养老服务机构120家。"
            "推动“桂林颐养”平台与社会救助系统互联。")
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    programs = {e.label for e in analyze(str(path), "doc.txt").entities if e.type == "Program"}
    assert programs == {"桂林颐养智慧养老服务平台"}


def test_bodies_listed_before_a_joint_cue_act_together(tmp_path):
    rels = _relations(tmp_path, "桂林市召开会议。市民政局、市人力资源社会保障局、市总工会联合举办第四届桂林市养老护理职业技能大赛。")
    bodies = {"桂林市民政局", "桂林市人力资源和社会保障局", "桂林市总工会"}
    assert {s for s, o in _pairs(rels, "runs")} == bodies
    assert len(_pairs(rels, "partnerOf")) == 3
    # bodies that assist (配合) or follow a cue (会同 B、C 联合印发) are partners of the lead only
    rels = _relations(tmp_path, "保定市召开会议。市残联会同市民政局、市财政局联合印发《保定市辅助器具适配补贴办法》。")
    assert ("保定市民政局", "保定市财政局") not in _pairs(rels, "partnerOf")
    assert ("保定市财政局", "保定市民政局") not in _pairs(rels, "partnerOf")


def test_the_body_that_works_through_a_program_runs_it(tmp_path):
    rels = _relations(tmp_path, "吉安市泰和县召开会议。泰和县妇联报告。县妇联联合团县委，以“暖心驿家”留守儿童关爱项目为载体，招募志愿者186名。")
    runs = _pairs(rels, "runs")
    assert ("泰和县妇女联合会", "暖心驿家留守儿童关爱项目") in runs
    assert ("共青团泰和县委员会", "暖心驿家留守儿童关爱项目") in runs


def test_the_issuer_is_the_body_right_before_the_verb_or_the_group_issuing_together(tmp_path):
    rels = _relations(tmp_path, "晋中市召开会议。经市政府同意，市政府办公室印发《晋中市残疾儿童康复救助制度实施办法》。")
    assert _pairs(rels, "issuedBy") == {("晋中市残疾儿童康复救助制度实施办法", "晋中市人民政府办公室")}
    rels = _relations(tmp_path, "吉安市泰和县召开会议。泰和县妇联报告。县妇联、县教育体育局、团县委联合印发《泰和县家庭教育指导服务方案》。")
    assert {o for _, o in _pairs(rels, "issuedBy")} == {"泰和县妇女联合会", "泰和县教育体育局", "共青团泰和县委员会"}


def test_the_bodies_written_right_before_a_title_issued_it(tmp_path):
    rels = _relations(tmp_path, "普洱市召开会议。县人社局认真落实人力资源社会保障部、财政部《关于进一步加强就业援助工作的通知》"
                                "和普洱市人力资源和社会保障局《普洱市就业援助工作实施方案》，稳住就业。")
    assert _pairs(rels, "issuedBy") == {("关于进一步加强就业援助工作的通知", "中华人民共和国人力资源和社会保障部"),
                                        ("关于进一步加强就业援助工作的通知", "中华人民共和国财政部"),
                                        ("普洱市就业援助工作实施方案", "普洱市人力资源和社会保障局")}


def test_a_clause_that_names_the_issuers_leaves_out_the_partners_of_the_clause_before(tmp_path):
    rels = _relations(tmp_path, "临高县召开会议。县残联牵头，会同县卫健委、县民政局建立工作机制，按照县残联、县财政局联合制定的"
                                "《临高县残疾儿童康复救助实施细则》开展救助。")
    assert {o for _, o in _pairs(rels, "issuedBy")} == {"临高县残疾人联合会", "临高县财政局"}
    rels = _relations(tmp_path, "临高县召开会议。县残联会同县民政局、县财政局，认真落实三部门联合印发的《临高县残疾人之家建设方案》。")
    assert {o for _, o in _pairs(rels, "issuedBy")} == {"临高县残疾人联合会", "临高县民政局", "临高县财政局"}


def test_a_county_documents_own_bodies_are_located_in_the_county(tmp_path):
    rels = _relations(tmp_path, "吉安市泰和县召开会议。泰和县妇联报告。团县委、县教育体育局开展讲座。")
    located = _pairs(rels, "locatedIn")
    assert ("共青团泰和县委员会", "泰和县") in located and ("泰和县教育体育局", "泰和县") in located


def test_a_breakdown_by_place_counts_the_sites_of_the_program_before_it(tmp_path):
    rels = _relations(tmp_path, "大同市召开发布会。市民政局在全市推广“大同助老餐桌”老年助餐服务，全年新建老年助餐点126个。"
                                "其中，平城区新建助餐点38个，云冈区新建助餐点27个。"
                                "阳高县开展了宣传活动。")
    places = {o for s, o in _pairs(rels, "operatesIn") if s.startswith("大同助老餐桌")}
    assert {"平城区", "云冈区"} <= places and "阳高县" not in places



def test_a_breakdown_after_a_count_that_opens_a_paragraph_late_in_the_document(tmp_path):
    # the count opens a paragraph after many sentences: its position, not the
    # paragraph's speaker lookup, is where the breakdown is measured from
    rels = _relations(tmp_path, "嘉兴市残联发布2024年工作综述。" + "全年开展康复宣传活动。" * 8 + "\n"
                                "截至2024年底，全市累计建成“善康驿站”86个。其中，南湖区建成12个，秀洲区11个。")
    places = {o for s, o in _pairs(rels, "operatesIn") if s == "善康驿站"}
    assert {"南湖区", "秀洲区"} <= places


def test_a_breakdown_clause_after_a_bare_count_of_the_programs_sites(tmp_path):
    rels = _relations(tmp_path, "包头市民生实事上半年进展。市民政局牵头推进“银龄食堂”建设，年度目标为新建80个。"
                                "上半年新建47个，完成58.8%，其中昆都仑区12个、青山区10个。")
    assert {"昆都仑区", "青山区"} <= {o for s, o in _pairs(rels, "operatesIn") if s == "银龄食堂"}
    # a count of something else named in the clause is not the program's
    rels = _relations(tmp_path, "盐城市妇联推进家庭教育。全市共举办“盐城家长课堂”公益讲座1860场。"
                                "新建家庭教育指导服务站点126个，其中亭湖区18个、盐都区21个。")
    assert not {"亭湖区", "盐都区"} & {o for s, o in _pairs(rels, "operatesIn") if s == "盐城家长课堂"}

def test_a_breakdown_by_place_paragraphs_after_the_program_counts_it_there_and_in_the_city(tmp_path):
    rels = _relations(tmp_path, "邵武市残联推进困难重度残疾人家庭无障碍改造，全年完成改造150户。\n"
                                "一、入户摸底\n市残联组织专职委员开展入户评估。评估结束后逐户确定改造清单。\n"
                                "二、分片实施\n项目按照分片实施的原则推进。从各地完成情况看：晒口街道32户，水北镇28户。\n"
                                "沿山镇开展了宣传活动。")
    places = {o for s, o in _pairs(rels, "operatesIn") if s == "困难重度残疾人家庭无障碍改造"}
    assert {"晒口街道", "水北镇", "邵武市"} <= places and "沿山镇" not in places


def test_two_bodies_that_build_and_manage_a_site_together_both_run_it(tmp_path):
    rels = _relations(tmp_path, "九江市濂溪区十里街道。由九江市民政局与十里街道办事处共建共管的“乐享食堂”已在3个社区开门营业。")
    assert {s for s, o in _pairs(rels, "runs")} == {"九江市民政局", "十里街道办事处"}


def test_a_province_report_places_its_programs_in_the_province_not_in_its_first_city(tmp_path):
    rels = _relations(tmp_path, "湖北省民政厅发布2024年养老服务民生实事完成情况\n"
                                "全省推进“楚天幸福食堂”建设，新建食堂1200个。武汉市新建210个，黄石市新建96个；"
                                "十堰市新建88个，荆州市新建102个。各地还开展“银龄守护”探访关爱行动。")
    places = _pairs(rels, "operatesIn")
    assert ("楚天幸福食堂", "湖北省") in places
    assert not any(o == "武汉市" for s, o in places if s.startswith("银龄守护"))


def test_a_newspaper_or_media_centre_reports_and_runs_nothing(tmp_path):
    rels = _relations(tmp_path, "浔阳区融媒体中心讯 九江市浔阳区白水湖街道开展助餐服务。建成“乐享食堂”3个。")
    assert not any(s == "浔阳区融媒体中心" for s, _ in _pairs(rels, "runs"))


def test_a_project_list_assigns_each_item_to_its_lead_and_responsible_bodies(tmp_path):
    rels = _relations(tmp_path, "镇江市人民政府关于印发2025年十件民生实事项目的通知\n\n"
                                "一、实施“银龄助餐”扩面工程\n新建老年助餐点120个。\n牵头单位：市民政局\n"
                                "责任单位：市财政局、市卫生健康委\n\n"
                                "二、实施“书香镇江”全民阅读工程\n新建城市书房10个。\n牵头单位：市文广旅局\n责任单位：团市委\n")
    runs = _pairs(rels, "runs")
    assert {("镇江市民政局", "银龄助餐扩面工程"), ("镇江市财政局", "银龄助餐扩面工程"),
            ("镇江市卫生健康委员会", "银龄助餐扩面工程"), ("共青团镇江市委员会", "书香镇江全民阅读工程")} <= runs
    assert ("镇江市民政局", "书香镇江全民阅读工程") not in runs and ("共青团镇江市委员会", "银龄助餐扩面工程") not in runs


def test_a_county_body_is_one_node_with_or_without_its_city_written_first(tmp_path):
    rels = _relations(tmp_path, "天津市河西区召开新闻发布会。河西区推进。共青团天津市河西区委员会书记王嘉睿介绍，"
                                "团区委会同区教育局建成“心灵港湾”青少年心理服务站13个。")
    bodies = {s for s, p, o in rels if p in ("runs", "locatedIn")} | {o for s, p, o in rels if p == "memberOf"}
    assert "共青团河西区委员会" in bodies and "共青团天津市河西区委员会" not in bodies


def test_a_county_name_two_cities_share_keeps_its_city_in_a_body_name():
    from kg.resolve import _county_body_name

    assert _county_body_name("温州市鹿城区教育局") == "鹿城区教育局"
    assert _county_body_name("南通市通州区教育局") == "南通市通州区教育局"  # Beijing has a 通州区 too
    assert _county_body_name("新乡市民政局") == "新乡市民政局"


def test_a_county_league_by_a_shared_county_name_keeps_its_city_and_is_located_in_that_county(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("南通市召开会议。通州团区委开展青少年心理健康活动。", "utf-8")
    r = analyze(str(path), "doc.txt")
    league = next(e for e in r.entities if e.type == "Organization")
    assert league.label == "共青团南通市通州区委员会"  # Beijing has a 通州区 too
    located = {x.object for x in r.relations if x.subject == league.iri and x.predicate == "locatedIn"}
    assert located == {entity_iri("Location", "通州区", code="320612")}


def test_a_numbered_item_names_its_runner_in_a_later_sentence(tmp_path):
    rels = _relations(tmp_path, "衢州市人大代表票决民生实事项目。\n"
                                "（一）“衢享食堂”老年助餐扩面提质工程。新建老年食堂60家。由市民政局牵头承办。得票361票。\n"
                                "（二）青少年心理健康“护苗驿站”建设项目。建成“护苗驿站”45个。由团市委牵头、市教育局配合。\n")
    runs = _pairs(rels, "runs")
    assert ("衢州市民政局", "衢享食堂老年助餐扩面提质工程") in runs
    assert ("共青团衢州市委员会", "青少年心理健康护苗驿站建设项目") in runs
    assert ("衢州市民政局", "青少年心理健康护苗驿站建设项目") not in runs
    assert not any(o == "衢州市教育局" for o, _ in runs)  # it assists


def test_a_numbered_items_later_sentences_place_its_project(tmp_path):
    rels = _relations(tmp_path, "株洲市人大常委会调研民生实事。\n"
                                "（一）“株洲·幸福食堂”长者助餐服务项目。由市民政局牵头。天元区建成助餐点12个，渌口区建成8个。\n"
                                "（二）“株幼康”残疾儿童康复救助项目。芦淞区新增定点机构1家。\n")
    places = _pairs(rels, "operatesIn")
    assert {("株洲·幸福食堂长者助餐服务项目", "天元区"), ("株洲·幸福食堂长者助餐服务项目", "渌口区"),
            ("株幼康残疾儿童康复救助项目", "芦淞区")} <= places
    assert ("株洲·幸福食堂长者助餐服务项目", "芦淞区") not in places


def test_a_town_the_gazetteer_lacks_right_after_its_county_is_a_place_with_its_villages(tmp_path):
    rels = _relations(tmp_path, "六盘水市通报民生实事。六枝特区落别乡抵耳村等偏远村寨通了公交。水城区率先实现乡镇全覆盖。"
                                "钟山区残联与乌镇合作。")
    assert {("落别乡", "六枝特区"), ("抵耳村", "落别乡")} <= _pairs(rels, "partOf")
    assert {s for s, _ in _pairs(rels, "partOf")} == {"落别乡", "抵耳村", "六枝特区", "水城区", "钟山区"}


def test_a_county_level_citys_own_report_means_itself_by_shi(tmp_path):
    rels = _relations(tmp_path, "义乌市人民政府工作报告\n义乌市人民政府市长　楼某\n"
                                "过去一年，义乌市民生实事全面完成，金华市给予支持。市民政局在全市推进“乌伤颐养”居家养老服务。")
    assert ("义乌市民政局", "义乌市") in _pairs(rels, "locatedIn")
    assert ("乌伤颐养", "义乌市") in _pairs(rels, "operatesIn")
    assert not any(o == "金华市" for s, o in _pairs(rels, "operatesIn"))


def test_a_street_that_acts_is_its_office_and_a_centre_it_works_through_runs_nothing(tmp_path):
    rels = _relations(tmp_path, "厦门市思明区中华街道。街道办事处围绕辖区需求开展工作。"
                                "中华街道联合团区委，依托街道党群服务中心开设“四点半课堂”。")
    # the bare 街道办事处 of 中华街道's report is its office
    assert ("中华街道办事处", "团区委") in _pairs(rels, "partnerOf")
    runs = _pairs(rels, "runs")
    assert ("中华街道办事处", "四点半课堂") in runs and ("街道党群服务中心", "四点半课堂") not in runs


def test_a_bureaus_own_head_and_a_city_head_belong_to_the_bureau_and_the_government(tmp_path):
    rels = _relations(tmp_path, "桂林市民政局2024年工作总结\n来源：桂林市民政局　发布时间：2024-12-30\n"
                                "经市人民政府同意，我局推进养老服务。5月，副市长覃某某到七星区调研；局党组书记、局长莫某某带队赴临桂区。")
    members = _pairs(rels, "memberOf")
    assert ("覃某某", "桂林市人民政府") in members and ("莫某某", "桂林市民政局") in members


def test_a_contact_belongs_to_the_department_the_contact_line_names(tmp_path):
    rels = _relations(tmp_path, "安庆市医疗保障局关于第0173号提案的答复\n来源：安庆市医疗保障局\n我局推进长期护理保险。\n"
                                "联系单位：市医保局待遇保障科\n联系人：何某\n联系电话：0556-5523107\n")
    assert _pairs(rels, "memberOf") == {("何某", "安庆市医疗保障局待遇保障科")}


def test_an_item_headed_by_a_place_alone_places_its_programs_there(tmp_path):
    rels = _relations(tmp_path, "共青团陕西省委员会关于全省青少年心理健康工作的通报\n"
                                "（一）西安市。团市委牵头打造“青心驿站”城市心理服务品牌，建成驿站42个。\n"
                                "（二）咸阳市。团市委实施“阳光伴成长”心理关爱计划，服务青少年1.2万人次。\n")
    places = _pairs(rels, "operatesIn")
    assert {("青心驿站", "西安市"), ("阳光伴成长心理关爱计划", "咸阳市")} <= places
    assert ("青心驿站", "咸阳市") not in places


def test_a_list_item_introduces_a_program_whose_sites_the_next_sentence_places(tmp_path):
    rels = _relations(tmp_path, "岳阳市召开新闻发布会。\n一是建设“洞庭助残工坊”。我们在岳阳楼区、君山区等地建成工坊78个。\n"
                                "二是推进“邻里食堂”建设。在华容县、湘阴县等山区县新建农村互助幸福食堂52家。")
    places = _pairs(rels, "operatesIn")
    assert {("洞庭助残工坊", "岳阳楼区"), ("洞庭助残工坊", "君山区")} <= places
    assert not {("邻里食堂", "华容县"), ("邻里食堂", "湘阴县")} & places  # another facility is counted there


def test_a_speaker_line_with_two_bodies_and_posts_makes_two_memberships(tmp_path):
    rels = _relations(tmp_path, "常州市召开新闻发布会\n薛某市政府新闻办副主任、市政府新闻发言人\n各位媒体朋友，大家下午好。")
    assert _pairs(rels, "memberOf") == {("薛某", "常州市人民政府新闻办公室"), ("薛某", "常州市人民政府")}


@pytest.mark.parametrize("body", ["中共新密市委宣传部", "新密市委宣传部"])
def test_a_host_line_names_the_party_organ_of_the_hosts_post_with_or_without_zhonggong(tmp_path, body):
    rels = _relations(tmp_path, f"新密市召开新闻发布会\n主持人：韩某　{body}副部长、市政府新闻办主任\n各位媒体朋友，大家上午好！")
    assert _pairs(rels, "memberOf") == {("韩某", "中共新密市委宣传部"), ("韩某", "新密市人民政府新闻办公室")}


def test_partners_named_after_yu_with_a_group_noun_before_the_cue(tmp_path):
    rels = _relations(tmp_path, "新乡市召开会议。共青团新乡市委牵头推进。团市委与市心理咨询师协会、市青年志愿者协会等公益社会组织"
                                "进行有效融合。")
    assert {o for s, o in _pairs(rels, "partnerOf")} == {"新乡市心理咨询师协会", "新乡市青年志愿者协会"}


def test_bodies_named_together_after_you_run_the_program_and_one_that_assists_does_not(tmp_path):
    rels = _relations(tmp_path, "九江市浔阳区。“邻里中心”由白水湖街道办事处联合九江颐家康养服务有限公司运营，累计服务居民5.2万人次。"
                                "“阳光起跑线”行动由市残联牵头、市卫生健康委配合实施。")
    runs = _pairs(rels, "runs")
    assert {("白水湖街道办事处", "邻里中心"), ("九江颐家康养服务有限公司", "邻里中心")} <= runs
    assert not any(s == "九江市卫生健康委员会" for s, _ in runs)


def test_a_projects_table_row_is_run_by_the_bodies_of_its_unit_cell(tmp_path):
    rels = _relations(tmp_path, "济南市2024年重点民生实事项目上半年进展情况一览表\n\n"
                                "序号\t项目名称\t主要内容\t责任单位\t进展情况\n"
                                "1\t“泉城颐养”社区养老服务提质工程\t新建街道综合养老服务中心20处\t市民政局\t已建成12处\n"
                                "2\t“泉心护航”青少年心理健康服务行动\t建设驿站30个\t团市委\n市教育局\t已建成18个\n")
    runs = _pairs(rels, "runs")
    assert {("济南市民政局", "泉城颐养社区养老服务提质工程"), ("共青团济南市委员会", "泉心护航青少年心理健康服务行动"),
            ("济南市教育局", "泉心护航青少年心理健康服务行动")} <= runs
    assert ("济南市民政局", "泉心护航青少年心理健康服务行动") not in runs


def test_a_projects_table_with_blank_lines_and_group_headings_between_its_rows_is_read_row_by_row(tmp_path):
    rels = _relations(tmp_path, "连州市人民政府办公室\n连州市2025年十件民生实事项目计划表\n\n序号 项目名称 建设内容 单位 目标 责任单位\n\n"
                                "一、养老服务\n\n1 乡村长者饭堂建设 在星子镇新建乡村长者饭堂 个 12 市民政局，各镇人民政府\n\n"
                                "二、社会救助\n\n2 残疾儿童康复救助 为残疾儿童提供康复救助 人 160 市残联、市卫生健康局\n\n"
                                "3 “粤菜师傅”培训工程 开展职业技能培训 人次 3000 市人社局、市财政局\n")
    runs = _pairs(rels, "runs")
    assert {("连州市残疾人联合会", "残疾儿童康复救助"), ("连州市卫生健康局", "残疾儿童康复救助"),
            ("连州市人力资源和社会保障局", "粤菜师傅培训工程"), ("连州市财政局", "粤菜师傅培训工程")} <= runs, runs
    assert ("连州市民政局", "残疾儿童康复救助") not in runs


def test_a_tasks_table_with_a_lead_column_first_lead_runs_every_program_of_the_row(tmp_path):
    rels = _relations(tmp_path, "惠州市2024年民生实事任务分解\n\n"
                                "项目名称\t目标任务\t牵头单位\t责任单位\n"
                                "老年助餐服务扩面\t新建“颐乐食堂”30个。\t市民政局\t市财政局、市市场监管局\n"
                                "青少年心理关爱行动\t建设驿站12个。\t团市委、市妇联\t市教育局\n\n"
                                "二、工作要求\n各单位要加强协调。\n")
    runs = _pairs(rels, "runs")
    assert {("惠州市民政局", "老年助餐服务扩面"), ("惠州市民政局", "颐乐食堂"),
            ("共青团惠州市委员会", "青少年心理关爱行动"), ("惠州市妇女联合会", "青少年心理关爱行动"),
            ("惠州市财政局", "老年助餐服务扩面"), ("惠州市教育局", "青少年心理关爱行动")} <= runs
    # a body of the other column runs the row's project, not what its target names
    assert ("惠州市财政局", "颐乐食堂") not in runs


def test_each_institution_of_a_designated_list_runs_the_program_its_title_names(tmp_path):
    rels = _relations(tmp_path, "关于2024年度锦州市残疾儿童康复救助定点服务机构名单的公示\n\n"
                                "经评估，拟确定以下2家机构为定点服务机构。\n"
                                "序号\t机构名称\t所在地区\t服务类别\n"
                                "1\t锦州市残疾人康复中心\t古塔区\t肢体、智力\n"
                                "2\t锦州市凌河区晨光儿童康复中心\t凌河区\t孤独症\n"
                                "二、有关说明\n"
                                "3月起，锦州市阳光养老服务中心开展助餐服务。\n")
    runs = _pairs(rels, "runs")
    assert {s for s, p in runs if p == "残疾儿童康复救助"} >= {"锦州市残疾人康复中心", "凌河区晨光儿童康复中心"}
    assert not any(s == "锦州市阳光养老服务中心" for s, _ in runs)  # the table ended at the heading


def test_suppliers_of_a_procurement_result_run_the_project_its_name_label_gives(tmp_path):
    rels = _relations(tmp_path, "沧州市运河区民政局居家养老服务项目中标（成交）结果公告\n\n"
                                "一、项目编号：CZYH-2024-0117\n\n二、项目名称：运河区2024年度助餐配送服务项目\n\n三、采购结果\n"
                                "序号\t供应商名称\t供应商地址\t中标金额\n"
                                "1\t沧州康宁养老服务有限公司\t运河区解放西路8号\t136.8万元\n\n"
                                "四、其他补充事宜\n本项目采用竞争性磋商方式采购，预算金额140万元，服务对象为辖区内经济困难的失能、半失能、"
                                "高龄、独居及空巢老年人，服务内容包括助餐配送、生活照料和精神慰藉等。\n")
    assert ("沧州康宁养老服务有限公司", "运河区2024年度助餐配送服务项目") in _pairs(rels, "runs")


def test_a_table_of_institutions_under_a_line_without_a_list_word_runs_nothing(tmp_path):
    rels = _relations(tmp_path, "锦州市“助残暖心”行动开展情况\n"
                                "序号\t机构名称\t服务人数\n"
                                "1\t锦州市残疾人康复中心\t120\n")
    assert not any(p == "runs" and s == "锦州市残疾人康复中心" for s, p, _ in rels)


def test_each_program_a_place_table_head_names_operates_in_each_rows_place(tmp_path):
    rels = _relations(tmp_path, "江西省民政厅通报2024年养老服务民生实事完成情况。\n"
                                "各设区市完成情况如下（依次为新建“赣鄱颐养食堂”个数、“暖心适老”改造户数）：\n"
                                "南昌市　126个　2310户\n"
                                "萍乡市　58个　1045户\n"
                                "新余市　41个　802户\n"
                                "下一步，全省将在吉安市推广“赣鄱颐养食堂”经验。\n")
    places = {o for s, o in _pairs(rels, "operatesIn") if s == "暖心适老"}
    assert {"南昌市", "萍乡市", "新余市"} <= places
    assert "吉安市" not in places  # named after the table, for another program


def test_a_column_of_places_under_a_table_title_places_the_programs_the_title_names(tmp_path):
    rels = _relations(tmp_path, "通辽市人力资源和社会保障局关于2024年就业援助月活动开展情况的报告\n"
                                "表1　2024年“就业援助月”各旗县市区开展情况统计表\n"
                                "旗县市区　　走访援助对象（人）　举办招聘会（场）\n"
                                "科尔沁区　　1586　　14\n"
                                "开鲁县　　835　　8\n"
                                "库伦旗　　388　　4\n")
    places = {o for s, o in _pairs(rels, "operatesIn") if s == "就业援助月"}
    assert {"科尔沁区", "开鲁县", "库伦旗"} <= places
    rels = _relations(tmp_path, "永城市民政局关于农村互助养老工作情况的报告\n"
                                "附表：2023年度部分乡镇“银龄驿站”建设运营情况\n"
                                "乡镇　　驿站总数（个）　服务老年人（人）\n"
                                "芒山镇　　26　　1860\n"
                                "薛湖镇　　31　　2240\n")
    assert {o for s, o in _pairs(rels, "operatesIn") if s == "银龄驿站"} >= {"芒山镇", "薛湖镇"}


def test_a_numbered_table_of_places_goes_on_past_a_row_of_a_unit_that_is_no_place(tmp_path):
    rels = _relations(tmp_path, "邻水县人力资源和社会保障局关于就业驿站建设情况的通报\n\n"
                                "上半年，全县新建就业驿站11个，累计服务群众9180人次，各乡镇（街道）就业驿站运行平稳，"
                                "岗位信息每日更新，求职登记即时办理，具体情况见下表。\n\n"
                                "表2 上半年就业驿站运行情况\n\n"
                                "序号  乡镇（街道）  建设情况  驿站（个）  服务人次\n"
                                "1     县本级        已运营     3          5200\n"
                                "2     鼎屏镇        已建成     6          3100\n"
                                "3     柑子镇        在建       2          880\n\n"
                                "3.下步工作。城北镇要加快进度，年底前新建12个。\n")
    places = {o for s, o in _pairs(rels, "operatesIn") if s == "就业驿站"}
    assert {"鼎屏镇", "柑子镇"} <= places and "城北镇" not in places


def test_a_single_line_under_a_head_is_no_place_table(tmp_path):
    rels = _relations(tmp_path, "九江市民政局通报2024年养老服务民生实事完成情况。\n"
                                "完成情况如下（依次为新建“浔城颐养食堂”个数、“暖心适老”改造户数）：\n"
                                "濂溪区　26个　310户\n"
                                "其他县区正在推进。\n")
    assert ("暖心适老", "九江市") in _pairs(rels, "operatesIn")
    assert ("暖心适老", "濂溪区") not in _pairs(rels, "operatesIn")


def test_a_sentence_opening_on_the_program_before_it_names_its_runner_after_by(tmp_path):
    rels = _relations(tmp_path, "武汉市民政局召开会议。武昌区今年新建“幸福小食堂”12个。"
                                "该项目由武昌区民政局牵头、区财政局配合实施，服务老人3000人次。")
    runs = _pairs(rels, "runs")
    assert ("武昌区民政局", "幸福小食堂") in runs
    assert not any(s.endswith("财政局") for s, _ in runs)  # it assists


def test_the_bare_head_of_the_program_before_stands_for_it(tmp_path):
    rels = _relations(tmp_path, "依托社区党群服务中心，七星街道建成“星语”青少年心灵驿站，总面积约200平方米。"
                                "驿站由桂林市七星区心语社会工作服务中心运营，每周开放5天。")
    runs = _pairs(rels, "runs")
    assert ("七星区心语社会工作服务中心", "星语青少年心灵驿站") in runs
    assert not any(s.endswith("党群服务中心") for s, _ in runs)  # where it is, not who runs it


def test_a_head_word_that_is_not_the_programs_own_opens_no_anaphor(tmp_path):
    rels = _relations(tmp_path, "七星街道建成“星语”青少年心灵驿站，总面积约200平方米。"
                                "食堂由桂林市七星区心语社会工作服务中心运营，每周开放5天。")
    assert not any(s == "七星区心语社会工作服务中心" for s, _ in _pairs(rels, "runs"))


def test_a_quoted_name_before_an_event_head_is_one_program(tmp_path):
    rels = _relations(tmp_path, "5月25日，由共青团桂林市七星区委员会主办的“星光少年·心向阳光”青少年心理健康主题游园会"
                                "在七星公园举行。")
    assert ("共青团七星区委员会", "星光少年·心向阳光青少年心理健康主题游园会") in _pairs(rels, "runs")


def test_a_contact_line_names_the_person_after_the_department_even_with_no_space_left(tmp_path):
    rels = _relations(tmp_path, "长治市总工会关于开展“夏送清凉”活动的通知\n\n各区总工会：\n现将有关事项通知如下。\n\n"
                                "联系人：市总工会权益保障部 王某娜　　联系电话：0355-2021234\n")
    assert ("王某娜", "长治市总工会权益保障部") in _pairs(rels, "memberOf")
    assert ("长治市总工会权益保障部", "长治市总工会") in _pairs(rels, "subOrganizationOf")


def test_a_department_without_a_known_body_still_ends_before_the_contact_name(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("包头市民生实事工作通报\n\n联系人：市民生实事办综合科 刘某华　　联系电话：0472-5612345\n", "utf-8")
    persons = {e.label for e in analyze(str(path), "doc.txt").entities if e.type == "Person"}
    assert persons == {"刘某华"}


def test_a_suggestions_lead_body_partners_the_bodies_that_assist_it(tmp_path):
    rels = _relations(tmp_path, "徐州市人大常委会关于代表建议办理情况的报告\n\n"
                                "（一）关于加快普惠托育服务的建议\n主办单位：市卫生健康委；会办单位：市教育局、市总工会\n"
                                "市卫生健康委新增普惠托位1200个。\n")
    partners = {frozenset(p) for p in _pairs(rels, "partnerOf")}
    assert {frozenset(("徐州市卫生健康委员会", "徐州市教育局")), frozenset(("徐州市卫生健康委员会", "徐州市总工会"))} <= partners
    assert frozenset(("徐州市教育局", "徐州市总工会")) not in partners


def test_a_projects_lead_and_responsible_bodies_are_not_partners(tmp_path):
    rels = _relations(tmp_path, "徐州市2025年民生实事项目\n\n（一）“彭城颐家”养老服务提升工程。新建社区养老服务综合体25个。\n"
                                "牵头单位：市民政局；责任单位：市住房城乡建设局\n")
    assert not _pairs(rels, "partnerOf")
    assert {s for s, _ in _pairs(rels, "runs")} == {"徐州市民政局", "徐州市住房和城乡建设局"}


def test_bodies_that_assist_a_projects_lead_partner_it_and_run_nothing(tmp_path):
    rels = _relations(tmp_path, "徐州市2025年民生实事项目\n\n（一）“彭城颐家”养老服务提升工程。新建社区养老服务综合体25个。\n"
                                "牵头单位：市民政局\n配合单位：市财政局、市住房城乡建设局\n\n"
                                "（二）“彭城青心”心理健康服务行动。新建服务站12个。\n"
                                "责任单位：牵头单位 团市委；配合单位 市教育局。\n")
    partners = {frozenset(p) for p in _pairs(rels, "partnerOf")}
    assert partners == {frozenset(("徐州市民政局", "徐州市财政局")), frozenset(("徐州市民政局", "徐州市住房和城乡建设局")),
                        frozenset(("共青团徐州市委员会", "徐州市教育局"))}
    assert {s for s, _ in _pairs(rels, "runs")} == {"徐州市民政局", "共青团徐州市委员会"}


def test_a_tables_assisting_column_partners_the_rows_lead(tmp_path):
    rels = _relations(tmp_path, "徐州市2025年民生实事项目表\n\n序号 项目 目标 牵头单位 配合单位\n"
                                "1 “彭城颐家”养老服务提升工程 新建综合体25个 市民政局 市财政局、市住房城乡建设局\n"
                                "2 “彭城青心”心理健康服务行动 新建服务站12个 团市委 市教育局\n\n三、工作要求\n")
    assert {frozenset(p) for p in _pairs(rels, "partnerOf")} == {
        frozenset(("徐州市民政局", "徐州市财政局")), frozenset(("徐州市民政局", "徐州市住房和城乡建设局")),
        frozenset(("共青团徐州市委员会", "徐州市教育局"))}
    assert {s for s, _ in _pairs(rels, "runs")} == {"徐州市民政局", "共青团徐州市委员会"}


def test_designated_rows_wrapped_and_run_together_are_read_by_their_numbers(tmp_path):
    rels = _relations(tmp_path, "二、2025年度残疾儿童康复救助定点服务机构名单（共3家）\n\n"
                                "序号 机构名称 所在镇（街道） 机构性质 核定救助名额（名）\n"
                                "1 仁寿县人民医院 文林街道 公办 60 2 仁寿县中医医院 怀仁街道\n"
                                "公办 40 3 仁寿县星语儿童康复中心 怀仁街道 民办 70\n"
                                "合计 170\n"
                                "4月起，仁寿县阳光养老服务中心开展助餐服务。\n")
    runners = {s for s, p in _pairs(rels, "runs") if p == "残疾儿童康复救助"}
    assert runners >= {"仁寿县人民医院", "仁寿县中医医院", "仁寿县星语儿童康复中心"}
    assert "仁寿县阳光养老服务中心" not in runners


def test_bodies_listed_after_a_cue_and_before_a_joint_adverb_host_the_event_with_the_lead(tmp_path):
    rels = _relations(tmp_path, "5月19日，由共青团珠海市香洲区委员会联合珠海市香洲区教育局、珠海市香洲区卫生健康局、"
                                "香洲区妇联共同主办的香洲区第三届青少年心理健康宣传周举行。")
    runs = {s for s, p in _pairs(rels, "runs") if p == "香洲区第三届青少年心理健康宣传周"}
    assert runs == {"共青团香洲区委员会", "香洲区教育局", "香洲区卫生健康局", "香洲区妇女联合会"}
    partners = {frozenset(p) for p in _pairs(rels, "partnerOf")}
    assert frozenset(("共青团香洲区委员会", "香洲区教育局")) in partners  # the city before each body only qualifies it


def test_without_a_joint_adverb_a_list_after_a_cue_still_only_assists(tmp_path):
    rels = _relations(tmp_path, "5月19日，由共青团珠海市香洲区委员会联合珠海市香洲区教育局、香洲区妇联、香洲区卫生健康局主办的"
                                "香洲区第三届青少年心理健康宣传周举行。")
    runs = {s for s, p in _pairs(rels, "runs") if p == "香洲区第三届青少年心理健康宣传周"}
    assert "香洲区教育局" not in runs


def test_a_press_or_general_office_publishing_for_a_government_runs_nothing_by_default(tmp_path):
    body = "\n\n今年以来，全市新建“青心驿站”12个，开通心理援助热线。\n"
    office = _relations(tmp_path, "宝鸡市心理健康主题新闻发布会\n\n来源：宝鸡市人民政府新闻办公室" + body)
    assert not any(s.endswith("新闻办公室") for s, _ in _pairs(office, "runs"))
    # a body publishing its own summary still speaks in it
    own = _relations(tmp_path, "共青团宝鸡市委员会2024年工作总结\n\n发布机构：共青团宝鸡市委员会" + body)
    assert ("共青团宝鸡市委员会", "青心驿站") in _pairs(own, "runs")


def test_a_body_that_issued_a_policy_named_before_the_partner_cue_is_not_the_lead(tmp_path):
    rels = _relations(tmp_path, "新乡市民政局。市民政局认真落实民政部等五部门印发的《关于加强困境儿童保障工作的意见》，"
                                "会同市教育局、市妇联开展“童心守护”关爱行动。")
    partners = _pairs(rels, "partnerOf")
    assert ("新乡市民政局", "新乡市教育局") in partners
    assert not any("民政部" in s or "民政部" in o for s, o in partners)


def test_a_transcript_speakers_name_and_colon_give_their_body_the_floor_until_a_reporter_asks(tmp_path):
    rels = _relations(tmp_path, "银川市召开新闻发布会。\n出席发布会的有：团市委书记马晓军。\n"
                                "马晓军：我们与宁夏大学共同实施“朋辈护航”计划，培训朋辈辅导员1450名。\n"
                                "某报记者：请问今年还将开展“暖心课堂”项目吗？\n")
    assert ("共青团银川市委员会", "朋辈护航计划") in _pairs(rels, "runs")
    assert ("共青团银川市委员会", "宁夏大学") in _pairs(rels, "partnerOf")
    assert not any(p.startswith("暖心课堂") for _, p in _pairs(rels, "runs"))


def test_a_body_that_lays_out_or_works_through_a_quoted_program_runs_it(tmp_path):
    rels = _relations(tmp_path, "娄底市。市人社局在全市42个社区布设“星就业”社区驿站。市残联结合“就业援助月”举办专场招聘会。")
    runs = _pairs(rels, "runs")
    assert any(s == "娄底市人力资源和社会保障局" and p.startswith("星就业") for s, p in runs)
    assert any(s == "娄底市残疾人联合会" and p.startswith("就业援助月") for s, p in runs)


def test_bodies_on_a_joint_letterhead_are_partners(tmp_path):
    rels = _relations(tmp_path, "四平市残疾人联合会\n四 平 市 教 育 局\n四平市财政局\n\n四残联联发〔2025〕6号\n\n"
                                "关于做好残疾儿童康复救助工作的通知\n\n各县（市、区）残联：\n市残联开展康复救助。")
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert partners >= {frozenset(("四平市残疾人联合会", "四平市教育局")), frozenset(("四平市残疾人联合会", "四平市财政局")),
                        frozenset(("四平市教育局", "四平市财政局"))}


def test_a_single_body_on_the_letterhead_partners_nobody(tmp_path):
    rels = _relations(tmp_path, "四平市残疾人联合会\n\n关于做好康复救助工作的通知\n\n市残联开展康复救助。")
    assert not _pairs(rels, "partnerOf")


def test_the_bodies_issuing_a_notice_run_the_programs_its_title_names(tmp_path):
    rels = _relations(tmp_path, "四平市残疾人联合会\n四 平 市 教 育 局\n\n四残联联发〔2025〕6号\n\n"
                                "关于做好残疾儿童康复救助工作的通知\n\n各县（市、区）残联：\n请按要求报送。")
    assert {("四平市残疾人联合会", "残疾儿童康复救助"), ("四平市教育局", "残疾儿童康复救助")} <= _pairs(rels, "runs")
    rels = _relations(tmp_path, "首页 > 政务公开 > 四平市人民政府\n四平市民政局关于2025年第三季度临时救助拟救助对象的公示\n"
                                "经审核，拟对12户给予救助。")
    runs = _pairs(rels, "runs")
    assert ("四平市民政局", "临时救助") in runs and not any(s == "四平市人民政府" for s, _ in runs), runs


def test_a_contact_belongs_to_the_body_named_on_the_contact_line(tmp_path):
    rels = _relations(tmp_path, "四平市民政局关于临时救助对象的公示\n经审核，拟救助12户，救助金额打入本人社会保障卡银行账户。\n"
                                "市民政局社会救助科  联系人：万某东  电话：0434-3213872\n")
    assert _pairs(rels, "memberOf") == {("万某东", "四平市民政局社会救助科")}
    assert not any("银行" in o for _, o in _pairs(rels, "runs")), rels


_GROUPED_ROWS = {
    "cells set apart by spaces": (
        "华蓥市民政局关于新增高龄津贴发放对象的公示\n"
        "序号 姓名 性别 出生年月 所在社区（村） 补贴标准（元/月）\n双河街道（2人）\n"
        "1 张德明 男 1944.07 红岩社区 50\n2 王新村 男 1944.08 西街社区 50\n天池镇（1人）\n"
        "3 蒲正发 男 1944.07 石岭村 50\n合计：3人\n",
        {("红岩社区", "双河街道"), ("西街社区", "双河街道"), ("石岭村", "天池镇")}),
    # name, sex and village run together once the tabs go (1黄金生男城东社区)
    "the village right after the name and sex cells": (
        "武冈市民政局关于新增特困人员的公示\n"
        "序号\t姓名\t性别\t所在村（社区）\t供养方式\n一、辕门口街道（2人）\n"
        "1\t黄金生\t男\t城东社区\t分散供养\n2\t欧阳桂英\t女\t玉带社区\t分散供养\n二、湾头桥镇（1人）\n"
        "3\t夏德明\t男\t白竹村\t集中供养\n",
        {("城东社区", "辕门口街道"), ("玉带社区", "辕门口街道"), ("白竹村", "湾头桥镇")}),
}


@pytest.mark.parametrize("case", sorted(_GROUPED_ROWS))
def test_the_villages_and_communities_of_a_notices_rows_are_places_of_their_groups_town(tmp_path, case):
    text, expected = _GROUPED_ROWS[case]
    rels = _relations(tmp_path, text)
    assert _pairs(rels, "partOf") >= expected
    assert not any(s == "王新村" for s, _ in _pairs(rels, "partOf")), rels  # a name's cell, before the column


def test_two_bodies_with_a_place_between_them_and_the_joint_verb_run_the_program_together(tmp_path):
    rels = _relations(tmp_path, "咸宁市团市委工作报告。团市委与市妇联在通山县、崇阳县等留守儿童较多的地区联合开展“护苗暖心”关爱行动，"
                                "服务儿童3200人次。")
    assert {s for s, o in _pairs(rels, "runs")} == {"共青团咸宁市委员会", "咸宁市妇女联合会"}
    assert frozenset(("共青团咸宁市委员会", "咸宁市妇女联合会")) in {frozenset(p) for p in _pairs(rels, "partnerOf")}


def test_a_department_named_with_its_body_acts_for_itself(tmp_path):
    rels = _relations(tmp_path, "咸宁市团市委工作报告。团市委学校部与市教育局联合开展“心理护航·青春同行”进校园活动，组织讲座312场。")
    assert ("共青团咸宁市委员会学校部", "心理护航·青春同行进校园活动") in _pairs(rels, "runs")


def test_a_bureau_head_named_without_a_body_in_the_bureaus_own_reply_belongs_to_it(tmp_path):
    rels = _relations(tmp_path, "宜宾市医疗保障局\n关于提案答复的函\n\n我局高度重视，局长陈志远带队赴翠屏区调研。")
    assert ("陈志远", "宜宾市医疗保障局") in _pairs(rels, "memberOf")


def test_a_bureau_head_named_without_a_body_in_another_kind_of_document_belongs_to_nobody(tmp_path):
    rels = _relations(tmp_path, "宜宾市残疾人联合会\n关于提案答复的函\n\n我会高度重视，局长陈志远带队赴翠屏区调研。")
    assert not _pairs(rels, "memberOf")


def test_a_body_named_with_its_county_and_town_is_located_in_the_town(tmp_path):
    rels = _relations(tmp_path, "黄山市民政局通知。2024年对歙县深渡镇敬老院进行改造，黄山市民政局负责督导。")
    located = _pairs(rels, "locatedIn")
    assert ("歙县深渡镇敬老院", "深渡镇") in located and ("黄山市民政局", "黄山市") in located


def test_a_body_named_far_after_the_passive_marker_does_not_run_the_program(tmp_path):
    # 由 here says what a team is made of, not who runs the program
    rels = _relations(tmp_path, "九江市召开新闻发布会。团市委联合市教育局实施“心语护航”行动，组建由86名心理咨询师组成的"
                                "“浔阳青心”志愿服务队，全年开展讲座240场。")
    runs = _pairs(rels, "runs")
    assert ("共青团九江市委员会", "心语护航行动") in runs
    assert not any(s.endswith("志愿服务队") for s, _ in runs), runs


def test_a_branch_is_located_in_the_place_named_before_its_head(tmp_path):
    rels = _relations(tmp_path, "齐齐哈尔市医疗保障局与中国人寿保险股份有限公司齐齐哈尔分公司签订协议，"
                                "江苏银行盐城分行提供结算服务。")
    located = _pairs(rels, "locatedIn")
    assert ("中国人寿保险股份有限公司齐齐哈尔分公司", "齐齐哈尔市") in located
    # 盐城市 itself is not named: the relation points at the gazetteer's place
    assert ("江苏银行盐城分行", entity_iri("Location", "盐城市", code="320900")) in located


def test_a_body_whose_name_starts_with_a_four_character_short_city_name_is_located_there(tmp_path):
    rels = _relations(tmp_path, "本报讯 齐齐哈尔日报记者报道，齐齐哈尔康宁护理院今年新增床位80张。")
    city = entity_iri("Location", "齐齐哈尔市", code="230200")
    assert {("齐齐哈尔日报", city), ("齐齐哈尔康宁护理院", city)} <= _pairs(rels, "locatedIn")


def test_a_program_a_district_body_runs_operates_in_its_district_but_not_so_for_the_citys_bodies(tmp_path):
    rels = _relations(tmp_path, "平顶山市召开新闻发布会。湛河区民政局在南环路街道吉祥社区开办“长者餐桌”项目，日均就餐老人160余人次。"
                                "市民政局在卫东区开展“暖心到家”行动，服务老人3000人次。")
    operates = _pairs(rels, "operatesIn")
    assert ("长者餐桌项目", "湛河区") in operates
    assert ("长者餐桌项目", "吉祥社区") in operates
    assert ("暖心到家行动", "卫东区") in operates
    assert ("暖心到家行动", "平顶山市") not in operates


def test_a_body_named_after_a_community_is_located_in_it(tmp_path):
    rels = _relations(tmp_path, "黄石市召开新闻发布会。黄石港区胜阳港街道湖滨社区建成“邻里食堂”。"
                                "湖滨社区居民委员会组织志愿者送餐。")
    located = _pairs(rels, "locatedIn")
    assert ("湖滨社区居民委员会", "湖滨社区") in located


def test_bodies_assigned_under_a_heading_with_no_program_run_the_programs_of_the_account_after_them(tmp_path):
    rels = _relations(tmp_path, "长沙市岳麓区民政局2024年工作总结\n三、2025年工作计划\n（一）织密社会救助保障网\n"
                                "牵头单位：区民政局\n责任单位：区财政局、区医保局，各街道（镇）\n"
                                "将“暖心助困”服务类社会救助试点扩大到全区18个街道（镇）。\n"
                                "（二）提升老年助餐服务质效\n牵头单位：区民政局\n责任单位：区市场监管局\n"
                                "进展情况：区卫健局新增“麓山长者食堂”助餐点12个。\n")
    runs = _pairs(rels, "runs")
    # 区民政局 is the one district bureau of its kind the document names in full
    assert {("岳麓区民政局", "暖心助困"), ("区财政局", "暖心助困"), ("区医疗保障局", "暖心助困")} <= runs
    # a field (进展情况：…) tells of another body's work: the assigned bodies do not run its programs
    assert {s for s, o in runs if o == "麓山长者食堂"} == {"区卫生健康局"}


def test_the_lead_named_in_an_items_heading_brackets_runs_the_programs_of_its_account(tmp_path):
    rels = _relations(tmp_path, "周口市人民政府新闻办公室\n\n今年十件民生实事进展顺利。\n\n"
                                "（一）老年助餐服务提升工程（牵头单位：市民政局）\n"
                                "以“颐养食堂”为品牌推进城乡老年助餐，年度目标新建助餐点120个，上半年已建成87个，"
                                "完成率72.5%。全市累计提供助餐服务46.3万人次，为80周岁以上老人减免餐费112万元。\n\n"
                                "（二）就业服务提质（牵头单位：市人社局，责任单位：市残联）\n"
                                "建成“家门口”就业服务站15个，开展职业技能培训3200人次。\n"
                                "下一步，团市委将开展“心理健康进社区”活动，全面完成年度任务。\n")
    runs = _pairs(rels, "runs")
    assert {("周口市民政局", "颐养食堂"), ("周口市人力资源和社会保障局", "家门口就业服务站")} <= runs, runs
    # the paragraph after the last item is no part of its account
    assert ("周口市人力资源和社会保障局", "心理健康进社区活动") not in runs, runs


def test_a_place_in_a_documents_title_is_not_where_its_program_runs(tmp_path):
    rels = _relations(tmp_path, "承德市残疾人联合会通知。为落实《河北省残疾儿童康复救助制度实施办法》，市残联在双桥区、滦平县"
                                "开展残疾儿童康复救助，救助儿童860名。")
    places = {o for s, o in _pairs(rels, "operatesIn") if s == "残疾儿童康复救助"}
    assert {"双桥区", "滦平县"} <= places
    assert "河北省" not in places


def test_two_bodies_that_sign_form_or_pair_up_together_are_partners(tmp_path):
    rels = _relations(tmp_path, "鹰潭市余江区召开会议。余江区残联与鹰潭明视眼镜有限公司签订帮扶协议，企业派技术员驻点指导。"
                                "九江市第一人民医院与白水湖街道社区卫生服务中心组建紧密型医联体。")
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert frozenset(("余江区残疾人联合会", "鹰潭明视眼镜有限公司")) in partners
    assert frozenset(("九江市第一人民医院", "白水湖街道社区卫生服务中心")) in partners


def test_a_bracketed_tag_naming_the_speakers_body_gives_that_body_the_floor(tmp_path):
    rels = _relations(tmp_path, "宜春市人民政府新闻办公室新闻发布会实录\n【主持人 邹晓蕾】\n欢迎各位记者。\n"
                                "【宜春市残疾人联合会党组书记、理事长 易秋萍】\n今年我们开展“助残暖心”行动，服务残疾人3000人次。\n"
                                "【宜春日报记者】\n请问下一步有何打算？\n")
    assert ("宜春市残疾人联合会", "助残暖心行动") in _pairs(rels, "runs")


def test_a_clause_that_opens_on_a_partner_cue_has_the_sentences_subject_as_lead(tmp_path):
    rels = _relations(tmp_path, "渭南市临渭区妇女联合会文件\n2024年以来，区妇联认真贯彻渭南市妇联关于加强家庭家教家风建设的部署要求，"
                                "会同区教育局、区民政局等成员单位，扎实做好农村留守儿童关爱服务工作。\n")
    partners = {frozenset((s, o)) for s, p, o in rels if p == "partnerOf"}
    assert not [pair for pair in partners if "渭南市妇女联合会" in pair]
    lead_partners = {name for pair in partners if any(n.endswith("区妇女联合会") for n in pair) for name in pair}
    assert any(name.endswith("区教育局") for name in lead_partners)
    assert any(name.endswith("区民政局") for name in lead_partners)


def test_each_institution_of_a_table_with_an_address_column_is_located_where_its_row_says(tmp_path):
    rels = _relations(tmp_path, "佳木斯市卫生健康委员会关于公布精神卫生医疗机构名单的通知\n\n附件\n\n"
                                "序号\t机构名称\t地址\t电话\n"
                                "一、心理援助热线\n"
                                "1\t富锦市心理援助热线\t富锦市锦绣大街207号\t0454-2356120\n"
                                "二、精神卫生医疗机构\n"
                                "2\t佳木斯市精神卫生中心\t佳木斯市东风区光复路1126号\t0454-8256001\n"
                                "3\t桦南县精神卫生服务中心\t桦南县桦南镇朝阳街92号\t0454-6223457\n\n"
                                "各县（市）区卫生健康局要做好热线服务。\n")
    located = _pairs(rels, "locatedIn")
    assert ("佳木斯市精神卫生中心", "东风区") in located
    assert ("桦南县精神卫生服务中心", "桦南镇") in located


def test_persons_given_a_place_in_a_working_group_set_up_in_the_sentence_are_its_members(tmp_path):
    rels = _relations(tmp_path, "衡阳市召开会议。成立衡阳市困境儿童关爱工作专班，由市妇联主席罗晓梅任组长，"
                                "市教育局副局长邓立新、市民政局副局长彭志华任副组长。"
                                "市政府成立了以副市长谭建明为组长的衡阳市养老服务工作领导小组。"
                                "衡阳市助残工作领导小组组长由副市长曾庆国担任。")
    members = _pairs(rels, "memberOf")
    assert {("罗晓梅", "衡阳市困境儿童关爱工作专班"), ("邓立新", "衡阳市困境儿童关爱工作专班"),
            ("彭志华", "衡阳市困境儿童关爱工作专班"), ("谭建明", "衡阳市养老服务工作领导小组"),
            ("曾庆国", "衡阳市助残工作领导小组")} <= members
    # their posts still hold
    assert ("罗晓梅", "衡阳市妇女联合会") in members and ("邓立新", "衡阳市教育局") in members


def test_a_role_with_no_working_group_in_its_sentence_makes_no_membership(tmp_path):
    rels = _relations(tmp_path, "衡阳市召开会议。市民政局在城区建成助餐点30个。由市妇联主席罗晓梅任组长，负责统筹调度。")
    assert ("罗晓梅", "衡阳市民政局") not in _pairs(rels, "memberOf")
    assert {o for s, o in _pairs(rels, "memberOf")} <= {"衡阳市妇女联合会"}


def test_a_committee_member_with_a_government_post_belongs_to_both_bodies(tmp_path):
    rels = _relations(tmp_path, "衡阳县人民政府召开会议。县委常委、副县长刘秀英出席会议并讲话。")
    members = _pairs(rels, "memberOf")
    assert ("刘秀英", "衡阳县人民政府") in members
    assert any(p == "刘秀英" and "委" in o and "政府" not in o for p, o in members), members


def test_a_deputy_is_a_member_of_the_body_the_reply_says_they_hold_a_post_in(tmp_path):
    rels = _relations(tmp_path, "衡阳市民政局关于市人大代表建议的答复\n\n尊敬的曾立华代表：\n"
                                "曾立华代表现任衡阳县西渡镇中心卫生院院长。周海燕代表系衡阳市中心医院康复医学科主任。")
    members = _pairs(rels, "memberOf")
    assert ("周海燕", "衡阳市中心医院康复医学科") in members
    assert any(p == "曾立华" and o.endswith("西渡镇中心卫生院") for p, o in members), members


def test_a_host_line_with_a_name_unit_and_post_makes_the_host_a_member_of_the_unit(tmp_path):
    rels = _relations(tmp_path, "衡阳市新闻发布会\n发布人：\n谢建华　衡阳市民政局二级调研员\n"
                                "主持人：邹丽娜　衡阳市人民政府新闻办公室副主任\n\n【主持人】\n各位记者朋友，大家上午好！")
    members = _pairs(rels, "memberOf")
    assert {("谢建华", "衡阳市民政局"), ("邹丽娜", "衡阳市人民政府新闻办公室")} <= members


def _entities(tmp_path, text: str, kind: str) -> set[str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return {e.label for e in analyze(str(path), "doc.txt").entities if e.type == kind}


def test_short_names_listed_before_a_place_head_are_places_of_that_head(tmp_path):
    places = _entities(tmp_path, "义乌市人民政府工作报告。今年在稠城、北苑、江东等街道新建助餐点12个，"
                                 "在湖滨、红旗桥、天方等9个社区开设课堂，每周对辖区磁湖花园、怡景苑等小区开展巡查。"
                                 "在城市、农村等社区推广。", "Location")
    assert {"稠城街道", "北苑街道", "江东街道", "湖滨社区", "红旗桥社区", "天方社区", "磁湖花园", "怡景苑"} <= places
    assert not {"城市社区", "农村社区", "城市", "农村"} & places


def test_villages_named_in_full_in_a_list_closed_by_their_head_are_places(tmp_path):
    places = _entities(tmp_path, "儋州市木棠镇长者饭堂建设情况。全镇已建成长者饭堂6个，覆盖铁匠村、冰廉村、兰训村等18个村，"
                                 "在南华村、北岸村等村开设助餐点。", "Location")
    assert {"冰廉村", "兰训村", "南华村", "北岸村"} <= places
    assert not {p for p in places if p.startswith("覆盖")}  # the first item has no cue before it


def test_a_street_office_named_after_its_district_government_is_the_office_its_report_calls_the_street(tmp_path):
    rels = _relations(tmp_path, "徐汇区人民政府田林街道办事处文件\n\n区民政局：\n"
                                "田林街道持续推进老年助餐。街道联合区慈善基金会设立“田林爱心餐”专项基金，全年募集资金52万元。"
                                "宜山长者食堂位于宜山居民区。\n\n徐汇区人民政府田林街道办事处\n2024年12月10日")
    offices = {s for s, p, o in rels if "办事处" in s} | {o for s, p, o in rels if "办事处" in o}
    assert len(offices) == 1, offices
    office = offices.pop()
    assert (office, "徐汇区慈善基金会") in _pairs(rels, "partnerOf")
    assert "宜山居民区" in {s for s, p, o in rels if p == "partOf"}  # a community after its cue, 位于


def test_an_institution_row_with_a_district_column_and_an_address_is_located_in_both(tmp_path):
    rels = _relations(tmp_path, "乌鲁木齐市民政局关于养老机构星级评定结果的公示\n\n"
                                "序号 机构名称 所在区 地址 星级\n"
                                "1 乌鲁木齐市金秋养老院 水磨沟区 南湖南路街道南湖东路209号 三星级\n"
                                "2 新疆康宁养护院 米东区 石化街道炼油厂路12号 二星级\n\n"
                                "由市民政局副局长帕尔哈提·吐尔逊任主任的评定委员会负责审定。\n")
    located = _pairs(rels, "locatedIn")
    assert {("乌鲁木齐市金秋养老院", "水磨沟区"), ("乌鲁木齐市金秋养老院", "南湖南路街道"),
            ("新疆康宁养护院", "米东区"), ("新疆康宁养护院", "石化街道")} <= located
    assert ("帕尔哈提·吐尔逊", "乌鲁木齐市民政局") in _pairs(rels, "memberOf")


def _labels(tmp_path, text: str, kind: str) -> set[str]:
    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return {e.label for e in analyze(str(path), "doc.txt").entities if e.type == kind}


def test_a_subdistrict_named_after_its_road_is_part_of_the_district_not_of_the_street_before_it(tmp_path):
    text = ("梁溪区民政局通报。在广益街道，助餐点已建成9个。在广瑞路街道，助餐点与社区卫生服务中心牵手。"
            "在金星街道，“时间银行”项目办得红火。")
    rels = _relations(tmp_path, text)
    assert ("广瑞路街道", "梁溪区") in _pairs(rels, "partOf")
    assert ("广瑞路街道", "广益街道") not in _pairs(rels, "partOf")
    places = _labels(tmp_path, text, "Location")
    assert "广瑞路街道" in places and not {"广瑞路", "金星街"} & places, places


def test_each_community_of_a_list_under_its_streets_heading_is_part_of_that_street(tmp_path):
    text = ("石河子市民政局打造社区养老服务品牌。\n（一）新城街道。东环路社区、北子午路社区2个中心由某养老服务有限公司运营。\n"
            "（二）向阳街道。军垦社区、明珠社区3个中心由某社会工作服务中心运营。")
    parts = _pairs(_relations(tmp_path, text), "partOf")
    assert {("东环路社区", "新城街道"), ("北子午路社区", "新城街道"), ("军垦社区", "向阳街道"), ("明珠社区", "向阳街道")} <= parts, parts


def test_a_town_name_shared_by_two_counties_of_the_city_is_the_home_countys(tmp_path):
    # 猫场镇 is a town of both 大方县 and 织金县 of 毕节市
    text = ("大方县残疾人联合会工作总结。大方县全年筛查儿童1.86万人次。由县卫生健康局牵头，在猫场镇、羊场镇等地开展儿童残疾筛查。"
            "大方县建成康复站12个，大方县残联培训家长300人。")
    rels = _relations(tmp_path, text)
    assert ("猫场镇", "大方县") in _pairs(rels, "partOf")


def test_a_districts_name_that_is_a_common_noun_is_no_place_outside_its_city(tmp_path):
    text = "厦门市思明区民政局通报。在中华街道、鹭江街道等老城区，主要依托社区食堂助餐。"
    assert "老城区" not in _labels(tmp_path, text, "Location")


def test_a_kind_of_park_is_no_named_place(tmp_path):
    text = "锦州市人民政府办公室通报。年度目标：新建改造口袋公园30个。活动在人民公园举行。"
    places = _labels(tmp_path, text, "Location")
    assert "人民公园" in places and not any("口袋公园" in p for p in places), places


def test_a_program_name_keeps_a_leading_word_that_is_a_noun_and_loses_a_leading_verb(tmp_path):
    text = ("锦州市人民政府办公室通报。\n（五）就业创业帮扶行动\n牵头单位：市人力资源和社会保障局\n"
            "年度目标：新建改造农村供水工程56处。\n注：数据来源于锦州市低收入人口动态监测信息平台。")
    programs = _labels(tmp_path, text, "Program")
    assert {"就业创业帮扶行动", "农村供水工程", "锦州市低收入人口动态监测信息平台"} <= programs, programs
    assert not any(p.startswith(("业", "改造", "来源")) for p in programs), programs


def test_the_responsible_units_of_an_item_run_only_the_program_its_heading_names(tmp_path):
    text = ("肇庆市民政局通报。\n（二）开展“阳光救助”规范提升专项行动。市民政局联合市农业农村局、市医疗保障局、市残联开展数据比对，"
            "做好低保与医疗救助、残疾人两项补贴政策衔接。（牵头单位：市民政局；责任单位：市农业农村局、市医疗保障局、市残联）\n")
    runs = _pairs(_relations(tmp_path, text), "runs")
    assert ("肇庆市医疗保障局", "阳光救助规范提升专项行动") in runs
    assert not any(s == "肇庆市医疗保障局" and p != "阳光救助规范提升专项行动" for s, p in runs), runs


def test_an_item_heading_alone_on_its_line_operates_where_its_field_lines_place_it(tmp_path):
    text = ("锦州市人民政府办公室通报。\n（一）城镇老旧小区改造工程\n牵头单位：市住房和城乡建设局\n"
            "年度目标：改造城镇老旧小区92个。\n完成情况：92个小区全部完工，完成率100%。古塔区士英街道新增停车泊位430个。\n"
            "（二）残疾儿童康复救助\n牵头单位：市残疾人联合会\n完成情况：救助残疾儿童658名。\n")
    operates = _pairs(_relations(tmp_path, text), "operatesIn")
    assert ("城镇老旧小区改造工程", "士英街道") in operates
    assert not any(p == "残疾儿童康复救助" and place == "士英街道" for p, place in operates)


def test_a_community_named_again_after_another_street_keeps_its_first_parent(tmp_path):
    text = ("梁溪区民政局通报。在扬名街道清扬新村社区长者食堂，老人排队取餐。惠山街道建成助餐点9个。"
            "走进清扬新村社区长者食堂，老人刷脸取餐。")
    part_of = _pairs(_relations(tmp_path, text), "partOf")
    assert ("清扬新村社区", "扬名街道") in part_of and ("清扬新村社区", "惠山街道") not in part_of, part_of


def test_a_village_before_its_committee_stays_a_village(tmp_path):
    places = _labels(tmp_path, "泰和县妇联通报。在马市镇蜀口村村委会，家长学校开课12场。", "Location")
    assert "蜀口村" in places and "蜀口村村" not in places, places


def test_a_count_of_sites_by_the_end_of_the_programs_name_broken_down_by_place_places_it(tmp_path):
    rels = _relations(tmp_path, "台州市团市委报告。团市委在全市布局建设“椒江青年驿站”，提供免费短期住宿。"
                                "全市已建成青年驿站21家，其中黄岩区4家、路桥区4家。")
    operates = _pairs(rels, "operatesIn")
    assert {("椒江青年驿站", "黄岩区"), ("椒江青年驿站", "路桥区")} <= operates, operates


def test_a_city_brand_named_later_without_its_city_is_the_same_program(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("台州市团市委报告。团市委布局建设“台州青年驿站”。截至年底，青年驿站服务青年1.36万人次。", "utf-8")
    programs = [e for e in analyze(str(path), "doc.txt").entities if e.type == "Program"]
    assert [e.label for e in programs] == ["台州青年驿站"], programs


def test_a_table_projects_whose_target_opens_on_one_character_or_whose_name_is_quoted(tmp_path):
    # tab-separated cells as a web page gives them; the second cell opens on 为 and a number
    text = ("浏阳市民生实事进展公示\n序号\t项目名称\t年度目标任务\t牵头单位\n"
            "1\t残疾人辅助器具适配\t为1200名残疾人免费适配辅助器具\t市残联\n"
            "2\t“儿童之家”规范化建设\t新建规范化“儿童之家”20个\t市妇联\n"
            "三、滞后项目说明\n（一）残疾人辅助器具适配项目。上半年完成率61.3%。\n")
    programs = {e.label: e for e in _analyze(tmp_path, text).entities if e.type == "Program"}
    assert {"残疾人辅助器具适配", "儿童之家规范化建设"} <= set(programs), programs
    assert "残疾人辅助器具适配项目" not in programs  # the project named again with 项目 is the same one
    assert "儿童之家" in programs["儿童之家规范化建设"].alt_labels


def test_a_table_column_headed_by_the_end_of_a_programs_name_places_it_in_each_row(tmp_path):
    text = ("武侯区民政局总结。\n（一）“武侯颐养”社区长者食堂建设。新建32个。\n（二）“家门口”就业服务站建设。建成18个。\n"
            "表1 各街道完成情况\n街道\t长者食堂（个）\t就业服务站（个）\n玉林街道\t4\t2\n簇桥街道\t5\t3\n")
    operates = _pairs(_relations(tmp_path, text), "operatesIn")
    assert {("武侯颐养社区长者食堂", "玉林街道"), ("武侯颐养社区长者食堂", "簇桥街道"),
            ("家门口就业服务站", "玉林街道"), ("家门口就业服务站", "簇桥街道")} <= operates, operates


def test_a_table_titled_with_a_program_places_it_in_each_place_row_below_the_columns_head(tmp_path):
    text = ("荆州市团市委通知。\n附件1\n2024年“青翼家园”站点建设任务分解表\n序号\t县（市、区）\t新建站点数（个）\n"
            "1\t荆州区\t5\n2\t沙市区\t5\n3\t江陵县\t3\n合计\t13\n")
    operates = _pairs(_relations(tmp_path, text), "operatesIn")
    assert {("青翼家园", "荆州区"), ("青翼家园", "沙市区"), ("青翼家园", "江陵县")} <= operates, operates


def test_a_row_of_a_place_the_gazetteer_lacks_does_not_end_a_place_table(tmp_path):
    text = ("绵竹市团市委通报。\n截至6月30日，各镇（街道）“心晴护航”专项行动推进情况如下：\n镇（街道）\t参与学校（所）\t团体辅导（场）\n"
            "剑南街道\t10\t68\n西南镇\t6\t37\n汉旺镇\t4\t25\n")
    operates = _pairs(_relations(tmp_path, text), "operatesIn")
    assert {("心晴护航专项行动", "剑南街道"), ("心晴护航专项行动", "汉旺镇")} <= operates, operates


def test_a_body_that_develops_or_launches_a_platform_runs_it(tmp_path):
    runs = _pairs(_relations(tmp_path, "梧州市人社局通报。梧州市就业服务中心开发“梧职帮”求职小程序，注册用户达4.2万人。"
                                       "市人社局上线“梧州就业”服务平台，发布岗位1.6万个。"), "runs")
    assert ("梧州市就业服务中心", "梧职帮求职小程序") in runs, runs
    assert ("梧州市人力资源和社会保障局", "梧州就业服务平台") in runs, runs


def test_a_body_commissioned_to_carry_out_a_program_runs_it_with_the_one_commissioning(tmp_path):
    runs = _pairs(_relations(tmp_path, "牡丹江市民政局总结。市民政局通过政府购买服务方式，委托牡丹江市益童社会工作服务中心在海林市实施"
                                       "“护童微光”困境儿童社会工作服务项目，投入资金48万元。"), "runs")
    assert {("牡丹江市民政局", "护童微光困境儿童社会工作服务项目"),
            ("牡丹江市益童社会工作服务中心", "护童微光困境儿童社会工作服务项目")} <= runs, runs


def test_a_body_commissioned_after_the_program_is_named_runs_it(tmp_path):
    runs = _pairs(_relations(tmp_path, "牡丹江市民政局通报。“颐心食堂”于2024年6月开业，由爱民区民政局出资建设，委托牡丹江市康颐餐饮管理有限公司"
                                       "运营，日均就餐90人次。阳明街道“青苗之家”引入牡丹江市童心社会工作服务中心专业化运营，"
                                       "服务儿童300人次。"), "runs")
    assert {("爱民区民政局", "颐心食堂"), ("牡丹江市康颐餐饮管理有限公司", "颐心食堂"),
            ("牡丹江市童心社会工作服务中心", "青苗之家")} <= runs, runs


def test_a_body_commissioned_with_no_verb_of_its_own_does_not_run_the_program(tmp_path):
    runs = _pairs(_relations(tmp_path, "牡丹江市民政局通报。“颐心食堂”于2024年6月开业，委托牡丹江市康颐餐饮管理有限公司，"
                                       "日均就餐90人次。"), "runs")
    assert ("牡丹江市康颐餐饮管理有限公司", "颐心食堂") not in runs, runs


def test_a_county_named_like_a_verb_is_the_verb_outside_the_documents_own_city(tmp_path):
    # 会同县 is a county of 怀化市, in the same province as 郴州市
    text = ("郴州市永兴县民政局通报。永兴县建成幸福食堂126个，由县民政局牵头，会同县财政局、县农业农村局开展督导。"
            "县民政局会同县市场监督管理局每季度开展食品安全检查。")
    assert not any(p.startswith("会同") for p in _labels(tmp_path, text, "Location"))
    assert not any(o.startswith("会同") for o in _labels(tmp_path, text, "Organization"))


def test_an_insurers_county_sub_branch_is_one_body_located_in_its_county(tmp_path):
    rels = _relations(tmp_path, "闽清县妇联。县妇联联合中国人寿保险股份有限公司闽清县支公司推出“闽清巾帼安康保”，参保妇女1.2万人。")
    assert ("中国人寿保险股份有限公司闽清县支公司", "闽清县") in _pairs(rels, "locatedIn")


def test_a_body_a_figure_is_quoted_from_runs_nothing(tmp_path):
    runs = _pairs(_relations(tmp_path, "永兴县民政局通报。据郴州市民政局统计，今年郴州市将农村幸福食堂建设纳入市重点民生实事，"
                                       "全市计划新建农村幸福食堂300个。"), "runs")
    assert not any(s == "郴州市民政局" for s, _ in runs), runs


def test_a_short_form_of_a_body_named_before_opens_a_post_of_that_body(tmp_path):
    rels = _relations(tmp_path, "铁岭市残联通讯。铁岭市残疾人康复中心开展训练。康复中心主任韩雪梅介绍，中心已服务300人。"
                                "该校“杏林青年”志愿服务队队长徐佳琪说，队员有40名。")
    members = _pairs(rels, "memberOf")
    assert {("韩雪梅", "铁岭市残疾人康复中心"), ("徐佳琪", "“杏林青年”志愿服务队")} <= members, members


def test_a_team_post_then_an_age_or_a_second_post_before_the_name_makes_a_member(tmp_path):
    rels = _relations(tmp_path, "海口市妇联通讯。“小河红帆”志愿服务队队长、45岁的钱伟明介绍，队里有28名志愿者。"
                                "在美岭村，“椰城巾帼”志愿服务队队员、退休教师王桂兰已经是孩子们口中的王奶奶。")
    members = _pairs(rels, "memberOf")
    assert {("钱伟明", "“小河红帆”志愿服务队"), ("王桂兰", "“椰城巾帼”志愿服务队")} <= members, members


def test_a_bare_team_post_belongs_to_the_team_named_before(tmp_path):
    r = _analyze(tmp_path, "大冶市民政局通讯。新街社区“银龄先锋”志愿服务队现有队员30名。队长陈志军今年70岁，是退休矿工。"
                           "“我们这支队伍很团结。”副队长马秀英负责排班。")
    members = _members_with_roles(r)
    assert {("陈志军", "新街社区“银龄先锋”志愿服务队", "队长"),
            ("马秀英", "新街社区“银龄先锋”志愿服务队", "副队长")} <= members, members


def test_a_post_then_who_else_the_person_is_before_the_name_and_what_they_say(tmp_path):
    r = _analyze(tmp_path, "凯里市团市委通讯。凯里市“暖阳”心理志愿服务队开展活动。“请拨打12355。”服务队队长、国家二级心理"
                           "咨询师杨柳说，服务队有40人。“孩子们很开心。”志愿服务队副队长、凯里学院教育学院大三学生周子涵说。")
    members = _members_with_roles(r)
    assert {("杨柳", "凯里市“暖阳”心理志愿服务队", "队长"),
            ("周子涵", "凯里市“暖阳”心理志愿服务队", "副队长")} <= members, members
    assert "师杨柳" not in {e.label for e in r.entities}


def test_a_students_practice_team_is_a_body_and_its_heads_post_belongs_to_it(tmp_path):
    rels = _relations(tmp_path, "仙桃市团市委通讯。江汉大学“沔水星火”暑期社会实践团18名师生驻点沙湖镇。"
                                "“孩子们追着问明天讲什么。”实践团队长赵子涵说。")
    assert ("赵子涵", "江汉大学“沔水星火”暑期社会实践团") in _pairs(rels, "memberOf"), rels


def test_a_programs_site_named_after_its_place_is_a_body_there_and_the_program_runs_there(tmp_path):
    rels = _relations(tmp_path, "南宫市残联通报。全市建成残疾人之家11个，明化镇残疾人之家与南宫市宏达毡业有限公司合作"
                                "开展来料加工。乐陵市杨安镇刘武官村幸福院获评三星级，开展“时间银行”互助服务。")
    assert {("明化镇残疾人之家", "明化镇"), ("乐陵市杨安镇刘武官村幸福院", "刘武官村")} <= _pairs(rels, "locatedIn"), rels
    assert {("残疾人之家", "明化镇"), ("时间银行", "刘武官村")} <= _pairs(rels, "operatesIn"), rels
    assert ("明化镇残疾人之家", "残疾人之家") not in _pairs(rels, "runs"), rels


def test_the_places_written_before_a_site_are_part_of_its_name(tmp_path):
    for written, full in (("杨安镇刘武官村幸福院", "杨安镇刘武官村幸福院"), ("乐陵市杨安镇刘武官村幸福院", "乐陵市杨安镇刘武官村幸福院")):
        r = _analyze(tmp_path, f"乐陵市民政局公示。{written}补贴12000元。刘武官村幸福院由村委会运营。")
        sites = [e for e in r.entities if e.type == "Organization" and e.label.endswith("幸福院")]
        assert len(sites) == 1 and full in {sites[0].label, *sites[0].alt_labels}, sites


def test_a_body_named_as_anothers_unit_or_team_is_its_sub_organization(tmp_path):
    rels = _relations(tmp_path, "石嘴山市人社局通报。市人社局所属的石嘴山市就业创业服务中心开发了“一码找工”小程序。"
                                "石嘴山职业技术学院组建“青心守护”心理志愿服务队，招募志愿者126名。")
    subs = _pairs(rels, "subOrganizationOf")
    assert {("石嘴山市就业创业服务中心", "石嘴山市人力资源和社会保障局"),
            ("“青心守护”心理志愿服务队", "石嘴山职业技术学院")} <= subs, subs


def test_a_body_said_to_be_anothers_subordinate_unit_is_its_sub_organization(tmp_path):
    rels = _relations(tmp_path, "普定县民政局总结。普定县社会福利中心作为县民政局下属事业单位正式投入运营，设置床位260张。")
    assert ("普定县社会福利中心", "普定县民政局") in _pairs(rels, "subOrganizationOf")


def test_a_county_body_left_unexpanded_is_of_the_county_its_sentence_names(tmp_path):
    rels = _relations(tmp_path, "湖南省妇联通报。常德市各县积极推进留守儿童关爱。在石门县，由县教育局牵头、县妇联配合，"
                                "建成“留守儿童之家”42所。在桃源县，县民政局联合县妇联开展探访。")
    located = _pairs(rels, "locatedIn")
    assert {("石门县教育局", "石门县"), ("桃源县民政局", "桃源县"), ("桃源县妇女联合会", "桃源县")} <= located, located
    rels = _relations(tmp_path, "嘉兴市残联通报。各地推进康复服务。在秀洲区，区残联联合区卫生健康局推出“康复进家庭”上门服务。")
    assert ("秀洲区卫生健康局", "秀洲区") in _pairs(rels, "locatedIn")


def test_a_county_youth_league_committee_written_short_is_of_the_county_its_sentence_names(tmp_path):
    rels = _relations(tmp_path, "惠州市妇联通报。惠东县妇联会同县团委在多祝镇举办“山海童行”夏令营。"
                                "在龙门县，团县委联合县民政局开展探访。博罗县团委组织志愿者。")
    located = _pairs(rels, "locatedIn")
    assert {("共青团惠东县委员会", "惠东县"), ("共青团龙门县委员会", "龙门县"), ("共青团博罗县委员会", "博罗县")} <= located, located
    assert ("惠东县妇女联合会", "共青团惠东县委员会") in _pairs(rels, "partnerOf")


@pytest.mark.parametrize("text, member", [
    pytest.param("任丘市残联通讯。在鄚州镇“暖心工坊”辅助性就业中心，23名学员正在组装灯饰。中心负责人刘秀芝告诉记者，中心承接来料加工订单。",
                 ("刘秀芝", "鄚州镇“暖心工坊”辅助性就业中心"), id="a post after a bare head is of the body of that head named before"),
    pytest.param("龙岩市民政局答复。市民政局局长赖永明先后带队赴长汀县开展专题调研。",
                 ("赖永明", "龙岩市民政局"), id="a less common surname still starts a name after a post"),
    pytest.param("哈尔滨市养老服务新闻发布会\n发布人员：孙立军 市民政局党组成员、副局长\n刘雅琴 市卫生健康委员会老龄健康处处长\n",
                 ("孙立军", "哈尔滨市民政局"), id="a speaker after a field label with unit and post"),
    pytest.param("普陀区民政局通讯。上海市慈善基金会普陀代表处秘书长何丽娟介绍，基金实行小额先行。",
                 ("何丽娟", "上海市慈善基金会普陀代表处"), id="a foundation's district office is one body"),
])
def test_a_named_post_makes_the_person_a_member_of_its_body(tmp_path, text, member):
    assert member in _pairs(_relations(tmp_path, text), "memberOf")


def test_each_name_of_a_contact_tables_person_column_is_a_member_of_the_body_in_its_row(tmp_path):
    rels = _relations(tmp_path, "关于开展暑期关爱行动的通知\n\n各县区团委要明确专人负责，每周报送进展，确保值班电话畅通。\n\n"
                                "附件：值班联系人一览表\n\n"
                                "县区　　单位　　联系人　　职务　　电话\n"
                                "鹿城区　　团鹿城区委　　林雪梅　　副书记　　0577-88001234\n"
                                "瓯海区　　团瓯海区委　　周志远　　书记　　0577-88005678\n")
    members = {(s, o) for s, p, o in rels if p == "memberOf"}
    assert ("林雪梅", "共青团鹿城区委员会") in members and ("周志远", "共青团瓯海区委员会") in members


def test_a_contact_table_whose_cells_normalization_glued_still_gives_each_contact_and_post(tmp_path):
    # a number column between the body and the name: 茂南区人力资源和社会保障局380黄少华 就业股股长
    r = _analyze(tmp_path, "茂名市人社局关于开展就业援助月活动的通知\n\n各地要明确专人负责，每周报送进展。\n\n附件2\n\n"
                              "各地帮扶就业目标任务及联络员名单\n\n单位　　帮扶就业目标（人）　　联络员　　职务\n"
                              "茂南区人力资源和社会保障局　　380　　黄少华　　就业股股长\n"
                              "电白区人力资源和社会保障局　　420　　梁文辉　　社会保障办公室主任\n"
                              "化州市人力资源和社会保障局　　400　　庞丽娟　　劳动就业专员\n合计　　1200\n")
    members = _members_with_roles(r)
    assert {("黄少华", "茂南区人力资源和社会保障局", "就业股股长"),
            ("梁文辉", "电白区人力资源和社会保障局", "社会保障办公室主任")} <= members, members


@pytest.mark.parametrize("text, expected", [
    pytest.param("双辽市民政局关于乡镇（街道）社会工作服务站建设情况的公示\n\n全市各站均已达标。\n\n"
                 "序号　站点名称　所在地　驻站社工　联系电话\n"
                 "1　红旗街道社会工作服务站　红旗街道东风社区　马丽、高峰　0434-7212301\n"
                 "2　辽南街道社会工作服务站　辽南街道新华社区　石磊　0434-7212302\n"
                 "3　茂林镇社会工作服务站　茂林镇茂林村　韩雪、秦川　0434-7541201\n",
                 {("马丽", "红旗街道社会工作服务站", "驻站社工"), ("高峰", "红旗街道社会工作服务站", "驻站社工"),
                  ("石磊", "辽南街道社会工作服务站", "驻站社工"), ("秦川", "茂林镇社会工作服务站", "驻站社工")},
                 id="names joined by 、 in a column headed by their post, members of the station in their row"),
    pytest.param("新昌县人力资源和社会保障局关于公益性岗位补贴的公示\n\n现将名单公示如下：\n"
                 "序号 单位名称 姓名 岗位 补贴月数 补贴金额（元）\n"
                 "1 新昌县南明街道办事处 章丽芳 保洁员 6 11700\n"
                 "2 新昌县图书馆 潘建国 图书整理员 5 9750\n"
                 "合计 11 21450\n\n附件：心理辅导教师名单\n"
                 "序号 姓名 单位 职务/资质\n"
                 "1 俞晓燕 新昌县城关中学 兼职心理教师、国家二级心理咨询师\n"
                 "2 石明亮 新昌县实验小学 心理辅导室主任\n",
                 {("章丽芳", "新昌县南明街道办事处", "保洁员"), ("潘建国", "新昌县图书馆", "图书整理员"),
                  ("俞晓燕", "新昌县城关中学", "兼职心理教师"), ("石明亮", "新昌县实验小学", "心理辅导室主任")},
                 id="a post column gives each name its post in the body before or after it in the row"),
])
def test_a_tables_person_column_makes_each_name_a_member_of_the_body_in_its_row(tmp_path, text, expected):
    members = _members_with_roles(_analyze(tmp_path, text))
    assert expected <= members, members


def test_a_table_headed_by_a_community_column_names_its_communities_and_places_the_titled_program(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("杨浦区殷行街道工作简报\n\n今年以来，街道在辖区居民区全面推进“时间银行”互助养老，累计存入服务时长1.2万小时，"
                    "兑换服务3600小时，参与老人明显增加，邻里关系更加融洽。\n\n"
                    "二、各居民区“时间银行”运行情况（截至2024年9月30日）\n"
                    "居民区      注册志愿者（人）   存入时长（小时）\n"
                    "开鲁一村          132              4120\n"
                    "国和二村           98              3050\n"
                    "合计              230              7170\n", "utf-8")
    r = analyze(str(path), "doc.txt")
    label = {e.iri: e.label for e in r.entities}
    assert {"开鲁一村居民区", "国和二村居民区"} <= {e.label for e in r.entities if e.type == "Location"}
    assert "合计居民区" not in label.values()
    places = {label[x.object] for x in r.relations if x.predicate == "operatesIn" and label.get(x.subject) == "时间银行"}
    assert {"开鲁一村居民区", "国和二村居民区"} <= places


def test_assistance_schemes_named_in_passing_are_placed_nowhere(tmp_path):
    text = "九江市民政局推进老年助餐服务。九江市建成“幸福食堂”26个，最低生活保障对象和临时救助对象就餐每餐补贴3元。"
    programs = {e.label for e in _analyze(tmp_path, text).entities if e.type == "Program"}
    placed = {s for s, o in _pairs(_relations(tmp_path, text), "operatesIn")}
    assert {"幸福食堂", "最低生活保障", "临时救助"} <= programs
    assert "幸福食堂" in placed and not {"最低生活保障", "临时救助"} & placed


def test_a_numbered_list_of_names_with_their_bodies_and_posts_makes_members(tmp_path):
    rels = _relations(tmp_path, "宜都市人民政府关于表彰2024年度养老服务工作先进个人的决定\n二、先进个人（3名）\n"
                                "1.黄秋燕　市民政局养老服务股股长\n2.邱　明　团市委副书记\n（3）罗建华　宜都市社会福利院院长\n")
    members = _pairs(rels, "memberOf")
    assert {("黄秋燕", "宜都市民政局养老服务股"), ("邱明", "共青团宜都市委员会"), ("罗建华", "宜都市社会福利院")} <= members, members


def test_bodies_that_pay_out_a_scheme_run_it(tmp_path):
    rels = _relations(tmp_path, "九江市人社局工作总结。市人社局会同市财政局发放创业担保贷款3000万元，支持返乡人员创业。")
    assert {s for s, o in _pairs(rels, "runs") if o == "创业担保贷款"} == {"九江市人力资源和社会保障局", "九江市财政局"}


def test_a_body_right_before_a_quoted_program_runs_it(tmp_path):
    rels = _relations(tmp_path, "通化市妇联工作总结。争取中国儿童少年基金会“春蕾计划”资金84万元，资助女童420名。"
                                "市妇联向“母亲邮包”捐赠方致谢。")
    runs = _pairs(rels, "runs")
    assert ("中国儿童少年基金会", "春蕾计划") in runs
    assert not any(o == "母亲邮包" for _, o in runs)  # 向 stands between


def test_a_number_for_each_place_of_a_list_is_an_observation_in_each(tmp_path):
    r = _analyze(tmp_path, "晋江市民政局通知\n2025年全市计划新建长者食堂12个，其中安海镇、东石镇、英林镇各2个，内坑镇、紫帽镇各1个。")
    label = {e.iri: e.label for e in r.entities}
    found = sorted((label.get(o.area), str(o.value), o.indicator) for o in r.observations if o.value < 12)
    assert found == [("东石镇", "2", "新建长者食堂"), ("内坑镇", "1", "新建长者食堂"), ("安海镇", "2", "新建长者食堂"),
                     ("紫帽镇", "1", "新建长者食堂"), ("英林镇", "2", "新建长者食堂")]
    assert len({o.iri for o in r.observations}) == len(r.observations) == 6
    # a verb or a hedge may stand between 各 and the number, and is no part of what is counted
    r = _analyze(tmp_path, "宜春市民政局通知\n樟树市、高安市各建成长者食堂12个，万载县、上高县各不低于5个。")
    label = {e.iri: e.label for e in r.entities}
    found = sorted((label.get(o.area), str(o.value), o.indicator) for o in r.observations)
    assert found == [("万载县", "5", "建成长者食堂"), ("上高县", "5", "建成长者食堂"),
                     ("樟树市", "12", "建成长者食堂"), ("高安市", "12", "建成长者食堂")], found


def test_a_place_after_an_award_verb_scopes_the_award_not_where_the_program_runs(tmp_path):
    rels = _relations(tmp_path, "昆山市政府工作报告\n巴城镇“邻里食堂”助餐服务品牌入选江苏省养老服务创新案例，"
                                "“暖心驿站”被评为全省示范项目。")
    assert _pairs(rels, "operatesIn") >= {("邻里食堂", "巴城镇")}
    assert not {o for _, o in _pairs(rels, "operatesIn")} & {"江苏省"}


def test_a_place_after_an_award_verb_and_its_year_is_not_where_a_list_items_program_runs(tmp_path):
    rels = _relations(tmp_path, "黄冈市民政局关于市六届人大四次会议第0123号建议的答复\n"
                                "（二）实施“童心护航”困境儿童关爱服务项目。市民政局委托社工机构开展个案服务。"
                                "该项目获评2023年度湖北省民政领域优秀社会工作服务项目。\n")
    assert "湖北省" not in {o for _, o in _pairs(rels, "operatesIn")}, rels


def test_a_post_after_a_demonstrative_is_held_at_the_last_body_of_its_kind(tmp_path):
    rels = _relations(tmp_path, "黄冈共青团\n在团风县方高坪镇中心小学，“心晴小屋”每周二下午开放。"
                                "“自从有了小屋，孩子们有了说悄悄话的地方。”该校心理健康教师刘佩说。"
                                "黄冈市心理卫生中心心理治疗师夏文杰介绍，热线全天开通。")
    members = {(s, o) for s, p, o in rels if p == "memberOf"}
    assert {("刘佩", "团风县方高坪镇中心小学"), ("夏文杰", "黄冈市心理卫生中心")} <= members, rels


def test_the_issuer_named_inside_a_policy_title_does_not_act_in_the_sentence(tmp_path):
    rels = _relations(tmp_path, "阿克苏地区民政局关于开展核查工作的通知\n根据《国务院关于全面建立困难残疾人生活补贴和"
                                "重度残疾人护理补贴制度的意见》要求，地区民政局、地区残联联合开展残疾人两项补贴精准核查工作。")
    runs = _pairs(rels, "runs")
    assert not any("国务院" in s for s, _ in runs), runs
    assert not any("国务院" in s or "国务院" in o for s, o in _pairs(rels, "partnerOf")), rels


def test_a_programs_name_never_holds_a_persons(tmp_path):
    programs = _entities(tmp_path, "铁岭市残联2024年工作总结。5月，市残联与市人社局共同举办铁岭市第三届残疾人职业技能竞赛，"
                                   "164名选手参赛，市残联副理事长王丽娜任竞赛组委会办公室主任。", "Program")
    assert programs == {"铁岭市第三届残疾人职业技能竞赛"}, programs


@pytest.mark.parametrize("text, predicate, expected, not_subjects", [
    pytest.param("广安市妇女联合会文件\n附件\n各县（市、区）及市级联络员名单\n单位 | 姓名 | 职务 | 联系电话\n"
                 "市妇联儿童工作部 | 何丽君 | 部长 | 0826-2223541\n广安区妇联 | 吴晓燕 | 副主席 | 0826-2621450\n",
                 "memberOf", {("何丽君", "广安市妇女联合会儿童工作部"), ("吴晓燕", "广安区妇女联合会")}, set(),
                 id="a contact row makes its person a member of the department the unit cell names"),
    pytest.param("文昌市民政局关于2024年社会救助工作的报告\n表1  2024年部分镇社会救助对象情况\n"
                 "镇别  低保户数（户）  临时救助（人次）  备注\n文城镇  1021  612  含城市低保对象\n"
                 "龙楼镇  486  287  —\n\n四、存在问题\n全市城乡低保、特困人员救助供养、临时救助、医疗救助工作有序推进。\n",
                 "operatesIn", {("临时救助", "文城镇"), ("临时救助", "龙楼镇")}, set(),
                 id="a table whose place column is headed 镇别 places its programs in each row"),
    pytest.param("满洲里市团委\n今年3月，共青团内蒙古自治区委员会在全区启动“北疆青年”志愿服务行动。"
                 "地处中俄蒙三国交界的满洲里市，由共青团满洲里市委牵头，联合市民政局、市教育局，围绕国门宣讲、边境助老等方向组织实施。",
                 "partnerOf", {("共青团满洲里市委员会", "满洲里市民政局"), ("共青团满洲里市委员会", "满洲里市教育局")},
                 {"共青团内蒙古自治区委员会"},
                 id="the body that leads is the one its partners join whatever the last sentence said"),
])
def test_a_relation_read_from_a_row_or_a_clause_joins_the_right_pair(tmp_path, text, predicate, expected, not_subjects):
    pairs = _pairs(_relations(tmp_path, text), predicate)
    assert expected <= pairs and not {s for s, _ in pairs} & not_subjects, pairs


def test_a_bungalow_quarter_is_no_district_of_another_city(tmp_path):
    places = _entities(tmp_path, "北京市东城区民政局\n“老年餐桌”在胡同平房区的覆盖仍有短板。", "Location")
    assert "平房区" not in places, places


def test_a_community_named_after_its_street_is_a_place_within_it(tmp_path):
    rels = _relations(tmp_path, "北京市东城区民政局\n和平里街道和平里三区社区养老服务驿站开设“邻里共享厨房”。")
    assert ("和平里三区社区", "和平里街道") in _pairs(rels, "partOf"), rels


def test_a_numbered_tables_rows_name_their_projects_and_the_table_ends_at_the_next_section(tmp_path):
    rels = _relations(tmp_path, "重庆市江津区人民政府关于印发2025年江津区重点民生实事的通知\n"
                                "2025年江津区重点民生实事项目表\n序号 项目 目标 牵头单位 配合单位\n"
                                "1 社区（村）食堂建设工程 新建社区（村）食堂20个 区民政局 区财政局、区市场监管局\n"
                                "2 巾帼家政技能提升行动 培训家政服务人员1000人次 区妇联 区人力社保局\n"
                                "三、工作要求\n区政府督查室要会同区发展改革委对民生实事实行月调度。\n"
                                "抄送：区委办公室，区人大常委会办公室。\n")
    runs = _pairs(rels, "runs")
    assert {("江津区民政局", "社区（村）食堂建设工程"), ("江津区妇女联合会", "巾帼家政技能提升行动")} <= runs, runs
    assert not any("办公室" in s or "督查室" in s for s, _ in runs), runs


def test_a_county_level_citys_own_report_counts_its_city_wide_figures_in_it_not_its_prefecture(tmp_path):
    r = _analyze(tmp_path, "林州市民政局\n关于林州市2024年11月份城乡低保审批对象的公示\n"
                           "经林州市民政局审核确认，本月林州市新增低保对象38户。因收入超过标准等原因，本月停发低保对象6户8人。"
                           "全市新增特困人员2人。\n")
    label = {e.iri: e.label for e in r.entities}
    areas = {(o.value, o.unit): label.get(o.area) for o in r.observations}
    assert areas[(6, "户")] == areas[(2, "人")] == "林州市", areas
    assert "安阳市" not in label.values() and label.get(r.city_iri) == "林州市", label


def test_a_provinces_own_county_level_city_is_the_area_of_its_city_wide_figures(tmp_path):
    r = _analyze(tmp_path, "仙桃市民政局\n关于仙桃市2024年城乡低保审批对象的公示\n本月仙桃市停发低保对象6户8人。全市新增低保5户。\n")
    label = {e.iri: e.label for e in r.entities}
    assert {label.get(o.area) for o in r.observations} == {"仙桃市"}, [(o.value, label.get(o.area)) for o in r.observations]


def test_a_county_level_citys_own_paper_is_located_in_it_and_its_campaign_named_with_and_without_it_is_one(tmp_path):
    r = _analyze(tmp_path, "太仓市妇联、团市委联合举办2024年家庭教育指导周活动\n"
                           "本报讯（记者 张皓）5月13日至19日，太仓市妇联在全市开展2024年太仓市家庭教育指导周活动。"
                           "太仓日报社记者全程报道。太仓市民政局同步开展宣传。\n")
    label = {e.iri: e.label for e in r.entities}
    programs = [e for e in r.entities if e.type == "Program"]
    assert [p.label for p in programs] == ["2024年太仓市家庭教育指导周"], [(p.label, p.alt_labels) for p in programs]
    located = {(label[x.subject], label[x.object]) for x in r.relations if x.predicate == "locatedIn"}
    assert ("太仓日报社", "太仓市") in located, located


AWARD_NOTICE = """九江市2025年居家养老上门服务项目中标（成交）结果公告
江西某某项目管理有限公司受九江市民政局委托，对本项目进行公开招标。
一、项目编号：JJZC2025-017
二、项目名称：九江市2025年居家养老上门服务项目
三、中标（成交）信息
包1（甘棠街道、湓浦街道）：供应商名称：南昌康宁养老服务有限公司；供应商地址：南昌市东湖区滨江街道××号；中标金额：120.50万元。
包2（白水湖街道）：供应商名称：九江市颐和社会工作服务中心；供应商地址：九江市濂溪区十里街道××号；中标金额：98.00万元。
"""


def test_an_award_notices_suppliers_and_purchaser_run_its_project_in_the_packages_places(tmp_path):
    rels = _relations(tmp_path, AWARD_NOTICE)
    project = "九江市2025年居家养老上门服务项目"
    assert {s for s, o in _pairs(rels, "runs") if o == project} == {
        "南昌康宁养老服务有限公司", "九江市颐和社会工作服务中心", "九江市民政局"}
    # the packages' places, not those of the suppliers' addresses, nor the city a supplier is of
    places = {o for s, o in _pairs(rels, "operatesIn") if s == project}
    assert places >= {"甘棠街道", "湓浦街道", "白水湖街道"} and not places & {"南昌市", "东湖区", "滨江街道", "十里街道"}


def test_the_purchasers_representative_on_the_review_panel_is_a_member_of_the_purchaser(tmp_path):
    rels = _relations(tmp_path, AWARD_NOTICE + "四、评审专家名单：\n王建国、李红梅、周春丽（采购人代表）\n")
    assert _pairs(rels, "memberOf") == {("周春丽", "九江市民政局")}, rels


CONTACT_BLOCKS = """五、监督部门：九江市财政局，监督电话：0792-8123456，联系人：郑海波。
六、凡对本次公告内容提出询问，请按以下方式联系。
1.采购人信息
名称：九江市民政局
地址：九江市浔阳区长虹大道66号
联系人：陈丽萍
联系方式：0792-8211234
2.采购代理机构信息
名称：江西恒远项目管理有限公司
地址：南昌市红谷滩区丰和中大道999号
联系方式：刘思远0791-86661234
3.项目联系方式
项目联系人：罗晓婷
电话：0791-86661234
"""


def test_a_procurement_notices_contacts_are_members_of_the_body_their_block_names(tmp_path):
    rels = _relations(tmp_path, AWARD_NOTICE + CONTACT_BLOCKS)
    assert _pairs(rels, "memberOf") == {
        ("郑海波", "九江市财政局"),  # the body the contact's clause names
        ("陈丽萍", "九江市民政局"),
        ("刘思远", "江西恒远项目管理有限公司"),  # a name in front of the number of 联系方式
        ("罗晓婷", "江西恒远项目管理有限公司"),  # the project's contact: the last block's agency
    }, rels


def test_a_contact_given_as_a_surname_and_a_form_of_address_is_no_person(tmp_path):
    r = _analyze(tmp_path, AWARD_NOTICE + CONTACT_BLOCKS.replace("陈丽萍", "陈女士").replace("罗晓婷", "罗小姐"))
    persons = {e.label for e in r.entities if e.type == "Person"}
    assert persons == {"郑海波", "刘思远"}, persons


def test_a_call_for_tenders_names_no_supplier_and_awards_nothing(tmp_path):
    text = AWARD_NOTICE.replace("供应商名称：", "联系人：").replace("中标（成交）信息", "采购需求")
    rels = _relations(tmp_path, text)
    assert not {(s, o) for s, o in _pairs(rels, "runs") if s.startswith("南昌康宁")}


def test_the_bodies_that_alone_head_a_section_run_the_programs_of_its_items(tmp_path):
    text = ("东台市民生实事督查通报\n\n一、总体情况\n\n截至9月底，东台市12项民生实事已完成3项。\n\n二、分项进展\n\n（一）市民政局\n\n"
            "1.提高城乡低保标准。全年发放最低生活保障金1260万元。\n\n2.“暖心食堂”建设。已建成12个。\n\n"
            "（二）团市委、市教育局\n\n3.青少年心理关爱。依托12355青少年服务台开展团体辅导30场。\n\n"
            "三、存在问题\n\n部分“暖心食堂”运营困难，市财政局将安排长期护理保险试点资金。\n")
    runs = _pairs(_relations(tmp_path, text), "runs")
    assert {("东台市民政局", "最低生活保障"), ("东台市民政局", "暖心食堂"),
            ("共青团东台市委员会", "12355青少年服务台"), ("东台市教育局", "12355青少年服务台")} <= runs, runs
    # a section ends at the next heading of its level or above
    assert ("东台市民政局", "12355青少年服务台") not in runs and ("东台市教育局", "长期护理保险") not in runs, runs


def test_in_a_list_with_no_lead_label_the_responsible_bodies_run_their_items_programs(tmp_path):
    text = ("常州市人民政府关于2025年民生实事项目的公告\n\n（一）提高困难群众救助水平\n"
            "主要内容：城乡最低生活保障标准提高到每人每月880元。\n责任单位：市民政局（牵头），市财政局\n\n"
            "（二）残疾人康复服务\n主要内容：实施残疾儿童康复救助，为120名残疾儿童提供康复服务。\n责任单位：市残联\n")
    runs = _pairs(_relations(tmp_path, text), "runs")
    assert {("常州市民政局", "最低生活保障"), ("常州市财政局", "最低生活保障"),
            ("常州市残疾人联合会", "残疾儿童康复救助")} <= runs, runs
    # where the list names its leads (牵头单位：), 责任单位 bodies run only the heading's programs
    led = text.replace("责任单位：市民政局（牵头），市财政局", "牵头单位：市民政局\n责任单位：市财政局")
    runs = _pairs(_relations(tmp_path, led), "runs")
    assert ("常州市民政局", "最低生活保障") in runs and ("常州市财政局", "最低生活保障") not in runs, runs


def test_a_section_headings_bodies_may_carry_a_bracket_of_who_leads_or_answers_for_them(tmp_path):
    text = ("东台市民生实事办理情况报告\n\n一、总体情况\n\n截至年底，东台市10项民生实事全部完成。\n\n二、各单位办理情况\n\n"
            "（一）市民政局（责任人：局长 陈某）\n\n1.城乡最低生活保障标准提高到每人每月880元。\n\n"
            "（二）市残联（牵头）、市教育局\n\n2.实施残疾儿童康复救助130人。\n")
    runs = _pairs(_relations(tmp_path, text), "runs")
    assert {("东台市民政局", "最低生活保障"), ("东台市残疾人联合会", "残疾儿童康复救助"),
            ("东台市教育局", "残疾儿童康复救助")} <= runs, runs


def test_a_statistics_bureau_publishing_its_bulletin_runs_none_of_the_schemes_it_counts(tmp_path):
    text = ("平塘县2024年国民经济和社会发展统计公报\n平塘县统计局\n2025年3月20日\n九、社会保障\n"
            "全年实施临时救助1320人次，发放救助资金156万元。年末全县享受农村最低生活保障8650人。新建儿童之家6个。\n")
    runs = _pairs(_relations(tmp_path, text), "runs")
    assert not any("统计局" in s or "调查队" in s for s, _ in runs), runs
