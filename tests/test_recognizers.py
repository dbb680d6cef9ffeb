"""Recognizers on short sentences written for these tests (same genre, invented facts)."""
from decimal import Decimal

import pytest

from kg.nlp.lexicon import load_lexicon
from kg.nlp.recognize.locations import find_place_names, infer_context, recognize_locations
from kg.nlp.recognize.numbers import parse_value, recognize_numbers
from kg.nlp.recognize.organizations import recognize_organizations
from kg.nlp.recognize.persons import recognize_persons
from kg.nlp.recognize.policies import recognize_policies
from kg.nlp.recognize.programs import recognize_programs
from kg.text import normalize


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _ctx(text, lex):
    return infer_context(text, find_place_names(text, lex), lex)


def _person_names(lex, text):
    return [m.text for m in recognize_persons(text, lex, _orgs(text, lex))[0]]


def _program_names(lex, text):
    return {m.canonical or m.text for m in recognize_programs(text, lex)}


def _orgs(text, lex):
    ctx = _ctx(text, lex)
    return recognize_organizations(text, lex, ctx, recognize_locations(text, lex, ctx))


def _values_and_units(text, lex) -> list[tuple[str, str]]:
    """(value, unit) of each figure recognized in the normalized text, in order"""
    return [(str(n.value), n.unit) for n in recognize_numbers(normalize(text).text, lex)]


def _figures_with_indicators(text, lex) -> list[tuple[str, str, str]]:
    """(value, unit, indicator) of each figure recognized in the normalized text, in order"""
    return [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(normalize(text).text, lex)]


def _org_canonicals(text, lex) -> dict[str, str | None]:
    """surface -> canonical of the organizations recognized in text"""
    return {m.text: m.canonical for m in _orgs(text, lex)}


def test_a_schools_and_an_autonomous_regions_youth_league_committees_are_named_in_full(lex):
    found = _org_canonicals("百色市消息。团市委与百色学院团委组织志愿者，燕山大学团委参加。团自治区委联合自治区民政厅开展活动。", lex)
    assert found["百色学院团委"] == "共青团百色学院委员会", found
    assert found["燕山大学团委"] == "共青团燕山大学委员会", found
    assert found["团自治区委"] == "共青团广西壮族自治区委员会", found


def test_discipline_inspection_and_supervision_commissions_are_bodies(lex):
    found = _org_canonicals("琼海市民政局报告。市民政局会同市纪委监委开展集中整治。", lex)
    assert found["市纪委监委"] == "琼海市纪委监委", found
    found = _org_canonicals("迪庆藏族自治州民政局报告。按照州纪委州监委统一部署开展整治。", lex)
    assert found["州纪委"] == "中共迪庆藏族自治州纪律检查委员会", found
    assert found["州监委"] == "迪庆藏族自治州监察委员会", found


def test_a_fixed_short_name_inside_a_places_name_is_no_organization(lex):
    canonicals = _org_canonicals("雅安市荥经县人社局动态。在龙苍沟镇和民建彝族乡建设就业驿站6个。民建荥经县委员会开展调研。", lex)
    assert "民建" not in canonicals and canonicals["民建荥经县委员会"] == "中国民主建国会荥经县委员会"


def test_a_citys_own_institutions_and_outlets_without_a_place_in_their_names_are_organizations(lex):
    canonicals = _org_canonicals("萍乡市教育局通报。据大众日报报道，市青少年宫、市救助管理站和市文明办联合开展活动。", lex)
    assert canonicals["大众日报"] == "大众日报" and canonicals["市青少年宫"] == "萍乡市青少年宫"
    assert canonicals["市救助管理站"] == "萍乡市救助管理站" and canonicals["市文明办"] == "萍乡市精神文明建设委员会办公室"


def test_a_conjunction_after_a_bodys_head_ends_it_even_where_it_starts_a_places_name(lex):
    # 和县 is a county of 马鞍山市, but 和 right after 福利院 joins two bodies
    canonicals = _org_canonicals("萍乡市民政局通报。市儿童福利院和县社会福利院新增床位120张。", lex)
    assert canonicals.get("市儿童福利院") == "萍乡市儿童福利院" and "县社会福利院" in canonicals


def test_a_short_countys_name_run_into_the_word_before_it_is_the_documents_own_county(lex):
    # 成县 (Gansu) and 和县 (Anhui) are no places in a 泸水市 document: 完成|县中心敬老院, 建设和|县人民医院;
    # after a conjunction a county's name starts a body (与藤县残联), and 巴青县 holds 青县 whole
    canonicals = _org_canonicals("怒江州泸水市民政局报告。泸水市民政局牵头完成县中心敬老院改造，推进养老服务站建设和县人民医院扩建。", lex)
    assert "县中心敬老院" in canonicals and "县人民医院" in canonicals, canonicals
    assert not any("成县" in name or "和县" in name for name in canonicals), canonicals
    canonicals = _org_canonicals("广西人社厅动态。梧州市人社局与藤县残疾人联合会合作。那曲市巴青县人民医院开设门诊。", lex)
    assert "藤县残疾人联合会" in canonicals and "那曲市巴青县人民医院" in canonicals, canonicals


def test_a_towns_body_named_later_without_its_county_is_the_body_first_named_in_full(lex):
    text = "楚雄州民政局动态。南华县五街镇敬老院投入286万元。今年，五街镇敬老院被确定为示范点。"
    found = {(m.text, m.canonical) for m in _orgs(text, lex)}
    assert ("五街镇敬老院", "南华县五街镇敬老院") in found, found


def test_a_named_site_starts_after_the_verb_before_it_and_a_walk_is_no_street(lex):
    from kg.nlp.recognize.places import recognize_named_places

    text = "市公共就业服务中心要围绕茂名石化产业园用工需求开展招聘。现在走几步路就能吃上饭。在中山路与解放路交叉口设点。"
    assert [m.text for m in recognize_named_places(text, lex)] == ["茂名石化产业园", "中山路", "解放路"]


def test_a_transliterated_name_ends_after_its_known_parts_and_needs_no_verb_after_who_someone_is(lex):
    text = ("库车市人民检察院通报。乌恰镇一名留守儿童的爷爷买买提江·阿不都拉对此深有感触。"
            "村民努尔曼古丽·托合提当上了保洁员。市检察院党组成员、副检察长热依拉·吐尔洪说。"
            "牙哈镇儿童督导员周敏说。居民古丽·艾力江说。")
    assert _person_names(lex, text) == ["买买提江·阿不都拉", "努尔曼古丽·托合提", "热依拉·吐尔洪", "周敏", "古丽·艾力江"]


def test_a_transliterated_name_needs_no_cue_and_a_slogan_with_a_middle_dot_is_none(lex):
    text = ("在质检区，听力残疾的萨拉木·吐尔地正对着灯光检查线头。“心里踏实。”哈力克·努尔别克拉着工作人员的手。"
            "开展“青年之家·清凉一夏”活动。感谢艾力·买买提局长。市民政局局长艾力·买买提表示。"
            "78岁的居民买买提·热合曼一边喝着奶茶一边说。"
            "序号姓名性别\n1叶尔兰·哈布都拉男哈萨克族\n2瓦西里·费多罗夫男俄罗斯族\n")
    assert _person_names(lex, text) == ["萨拉木·吐尔地", "哈力克·努尔别克", "艾力·买买提", "艾力·买买提",
                                        "买买提·热合曼", "叶尔兰·哈布都拉", "瓦西里·费多罗夫"]


def test_dai_names_start_with_a_family_name_or_a_given_names_first_syllable(lex):
    text = ("西双版纳傣族自治州民政局。州民政局党组书记、局长刀建明带队督导。勐遮镇人民政府副镇长岩温介绍，"
            "全镇已实现覆盖。岩石山体滑坡点3处。（编辑：刀晓燕）")
    assert _person_names(lex, text) == ["刀建明", "岩温", "刀晓燕"]


def test_a_project_word_that_opens_a_compound_ends_no_program_name(lex):
    text = ("（五）实施。公示无异议后签订项目协议，项目实施期至2025年12月31日。"
            "1.部分县（区）项目前期工作滞后。青少年心理关爱项目负责人介绍。")
    assert not [n for n in _program_names(lex, text) if n.endswith("项目")], _program_names(lex, text)
    assert "高铁东站停车场项目" in _program_names(lex, "高铁东站停车场项目进度也超出预期。")


def test_a_kind_of_facility_only_counted_is_no_program_but_one_talked_of_is(lex):
    counted = "在天宁区开展试点建设了家庭养老床位316张，新增120张家庭养老床位。"
    assert "家庭养老床位" not in _program_names(lex, counted)
    talked = counted + "家庭养老床位由专业机构提供上门照护。"
    assert "家庭养老床位" in _program_names(lex, talked)


def test_national_information_systems_and_home_adaptation_schemes_are_programs(lex):
    text = ("市残联依托全国残疾人两项补贴信息系统开展动态核查，录入全国儿童福利信息管理系统。"
            "实施特殊困难老年人家庭适老化改造，由市民政局牵头。心理测评系统配备到位。")
    names = _program_names(lex, text)
    assert {"全国残疾人两项补贴信息系统", "全国儿童福利信息管理系统", "特殊困难老年人家庭适老化改造"} <= set(names)
    assert "心理测评系统" not in names
    assert "困难重度残疾人家庭无障碍改造" not in _program_names(lex, "完成困难重度残疾人家庭无障碍改造320户。")


def test_old_age_allowances_and_the_one_card_subsidy_channel_are_national_programs(lex):
    text = ("为80周岁以上老年人发放高龄补贴，经济困难失能老年人护理补贴按月发放，"
            "通过惠民惠农财政补贴资金“一卡通”直接打入本人账户。引导灵活就业人员参加企业职工基本养老保险。")
    assert {"高龄津贴", "经济困难失能老年人护理补贴", "惠民惠农财政补贴资金“一卡通”",
            "职工基本养老保险"} <= _program_names(lex, text)
    counted = "全县9个镇新建镇级颐康中心3个。"
    assert "颐康中心" not in _program_names(lex, counted)
    assert "颐康中心" in _program_names(lex, counted + "颐康中心提供日间照料。")


def test_renamed_departments_of_housing_and_city_management_are_bodies(lex):
    text = "武汉市江汉区人民政府。牵头单位：区住房和城市更新局；责任单位：区城管执法局、各街道办事处。"
    found = _org_canonicals(text, lex)
    assert found["区住房和城市更新局"] == "区住房和城市更新局", found
    assert found["区城管执法局"] == "区城市管理执法局", found  # its full name
    found = _org_canonicals("南京市民政局答复。市规划资源局、市住房保障和房产局配合。", lex)
    assert found["市规划资源局"] == "南京市规划和自然资源局" and found["市住房保障和房产局"] == "南京市住房保障和房产局", found


def test_the_short_forms_of_housing_commerce_and_culture_departments_are_bodies(lex):
    text = ("福州市民政局答复。市建设局、市文体旅局配合；市住房城乡建委、市商务委和市住房城乡建设委参加。"
            "由市精神卫生中心或属地学校跟进。")
    found = _org_canonicals(text, lex)
    assert found["市建设局"] == "福州市建设局" and found["市文体旅局"] == "福州市文化体育和旅游局", found
    assert found["市住房城乡建委"] == found["市住房城乡建设委"] == "福州市住房和城乡建设委员会", found
    assert found["市商务委"] == "福州市商务委员会", found
    assert not any("或" in name for name in found), found  # 或 joins two bodies, it is in neither name


def test_a_department_merged_of_several_fields_is_a_body_named_in_full(lex):
    text = ("荆州市政府工作报告。牵头单位：市水利和湖泊局；市教育科技体育局、市文体广电和旅游局、"
            "市大数据发展和政务服务局配合，市民政局、市城市管理局参加。")
    found = _org_canonicals(text, lex)
    assert found["市水利和湖泊局"] == "荆州市水利和湖泊局", found
    assert found["市教育科技体育局"] == "荆州市教育科技体育局", found
    assert found["市文体广电和旅游局"] == "荆州市文体广电和旅游局", found
    assert found["市大数据发展和政务服务局"] == "荆州市大数据发展和政务服务局", found
    # a body of one field keeps the listed name; a city ending in 城市 is no field
    assert found["市民政局"] == "荆州市民政局" and found["市城市管理局"] == "荆州市城市管理局", found
    assert _org_canonicals("宜城市民政局发布。", lex) == {"宜城市民政局": "宜城市民政局"}


def test_a_department_named_bare_before_its_heads_post_is_the_documents_bodys(lex):
    text = ("清河县民政局2024年社会救助工作总结\n今年，县民政局会同县财政局落实低保政策，县民政局牵头开展排查。"
            "养老服务股股长刘梅介绍，全县建成助餐点12个。\n联系单位：县民政局社会救助股\n"
            "联系人：王强（社会救助股股长）\n县人社局 320 张兰 就业股股长\n")
    found = {m.text: m.canonical for m in _orgs(text, lex) if m.start > text.index("牵头")}
    # the body named most often, and the department the document names in full elsewhere
    assert found["养老服务股"] == "清河县民政局养老服务股", found
    assert found["社会救助股"] == found["县民政局社会救助股"], found
    assert "就业股" not in found, found  # a table row's post: the row's body's


def test_a_department_right_after_its_body_before_its_heads_post_of_a_section(lex):
    found = _org_canonicals("丹江口市民政局通知。丹江口市民政局养老服务股股长胡建军介绍。联系人：周晓琳（市民政局社会救助股股长）", lex)
    assert found["丹江口市民政局养老服务股"] == "丹江口市民政局养老服务股", found
    assert found["市民政局社会救助股"] == "丹江口市民政局社会救助股", found


def test_the_head_and_the_statistician_of_a_reporting_unit_are_persons(lex):
    names = set(_person_names(lex, "库尔勒市民政局统计报告\n单位负责人：马建国    统计负责人：努尔比亚·艾买提\n"))
    assert {"马建国", "努尔比亚·艾买提"} <= names, names


def test_a_school_before_its_principal_and_a_town_before_a_county_are_not_in_the_name(lex):
    text = "黄陂区教育局。库车市第五中学校长李红梅说。区教育局走进前川街道黄陂区前川第三中学等12所学校。"
    found = _org_canonicals(text, lex)
    assert "库车市第五中学" in found and "库车市第五中学校" not in found, found
    assert "黄陂区前川第三中学" in found and "前川街道黄陂区前川第三中学" not in found, found


def test_a_list_closed_by_countryside_names_no_township(lex):
    from kg.nlp.recognize.places import recognize_listed_places

    text = "阿克苏市人社局。阿依库勒镇开发果园管护、道路养护等乡村公益性岗位346个，在温宿、佳木等乡镇推广。"
    names = [m.text for m in recognize_listed_places(text, lex, lambda name, start: None, None, [])]
    assert names == ["温宿", "佳木"], names


def test_a_hotlines_team_is_named_by_its_service_number(lex):
    found = _org_canonicals("西安市团市委通报。团市委组建了12355青少年心理守护志愿服务队，现有队员86名。"
                            "组建青少年心理守护志愿服务队。", lex)
    assert "12355青少年心理守护志愿服务队" in found and "青少年心理守护志愿服务队" not in found, found


def test_a_working_group_a_sentence_sets_up_is_a_body_of_its_founders_place(lex):
    text = ("淮南市民政局工作总结。市民政局成立特困人员供养服务机构提质增效工作专班，由局长任组长。"
            "市民政局成立由局长李慧敏任组长的工作专班。区卫健局组建康复工作专班。成立专项行动工作专班。")
    found = _org_canonicals(text, lex)
    assert found["特困人员供养服务机构提质增效工作专班"] == "淮南市特困人员供养服务机构提质增效工作专班", found
    assert not any(name.endswith("工作专班") and name != "特困人员供养服务机构提质增效工作专班" for name in found), found


def test_a_groups_office_named_bare_is_the_office_of_the_last_group_named(lex):
    text = ("黑水县民政局通知。成立黑水县农村留守儿童关爱服务工作领导小组，由副县长任组长，"
            "领导小组办公室设在县民政局。各乡镇每月向领导小组办公室报送进展。")
    found = _org_canonicals(text, lex)
    assert found["领导小组办公室"] == "黑水县农村留守儿童关爱服务工作领导小组办公室", found


def test_a_level_congress_before_deputy_is_no_name_and_a_quoted_service_list_is_no_program(lex):
    text = "爱联社区居委会主任曾丽娟说。作为区人大代表，曾丽娟提出建议。"
    assert _person_names(lex, text) == ["曾丽娟", "曾丽娟"]
    listed = "对在册人员落实“1次职业指导、3次岗位推荐、1次培训或见习机会”服务，覆盖率达100%。"
    assert _program_names(lex, listed) == set()


def test_a_body_counted_right_after_its_name_is_a_kind_of_body(lex):
    text = ("西安市雁塔区民政局工作总结。新建电子城街道、等驾坡街道综合养老服务中心2个，"
            "建成马官镇区域性养老服务中心1个。")
    assert _org_canonicals(text, lex) == {"雁塔区民政局": "雁塔区民政局",
                                          "马官镇区域性养老服务中心": "马官镇区域性养老服务中心"}


def test_every_unit_of_a_kind_is_not_the_home_town_s_own_body(lex):
    text = ("雁塔区民政局。电子城街道新建站点5个，电子城街道覆盖率达到90%。全区街道综合养老服务中心累计达到7个。"
            "责任单位：区财政局、各街道办事处。电子城街道办事处负责。")
    found = _org_canonicals(text, lex)
    assert "街道综合养老服务中心" not in found and "街道办事处" not in found, found
    assert "电子城街道办事处" in found, found


def test_development_zones_are_places_and_a_division_name_starts_one_after_a_verb(lex):
    from kg.nlp.recognize.places import recognize_named_places

    text = "在浔阳区、八里湖新区等地推进。德州天衢新区达到92%。重点保障昆山开发区新增学位。各开发区有关部门：建设新区。"
    assert [m.text for m in recognize_named_places(text, lex)] == ["八里湖新区", "德州天衢新区", "昆山开发区"]


def test_a_bare_zone_is_the_city_s_under_its_full_kind_or_as_the_document_writes_it(lex):
    from kg.nlp.recognize.places import recognize_named_places

    text = "各县（市、区）人民政府，城乡一体化示范区、高新区管委会：其中卫东区20个、高新区5个。"
    city = lex.gazetteer.lookup("平顶山市")[0]
    found = [(m.text, m.canonical) for m in recognize_named_places(text, lex, city)]
    assert found == [("城乡一体化示范区", "平顶山市城乡一体化示范区"), ("高新区", "平顶山高新技术产业开发区"),
                     ("高新区", "平顶山高新技术产业开发区")]
    city = lex.gazetteer.lookup("自贡市")[0]
    written = "自贡高新区新建站点3个，高新区还将扩面。"
    assert [m.canonical for m in recognize_named_places(written, lex, city)] == ["自贡高新区", "自贡高新区"]
    assert recognize_named_places("其中高新区5个。", lex) == []  # no city, no zone


def test_a_full_name_after_a_word_for_who_someone_is_and_before_a_clause_that_goes_on(lex):
    text = ("家住汇丰苑社区的82岁独居老人蒋金娣，几乎每天都来食堂。一旁的母亲杨光美忍不住拍手叫好。"
            "盲人按摩师张立军正在为顾客做保健。全市老年人和低保、特困人员实现全覆盖，康复科、儿科同步开诊。")
    assert _person_names(lex, text) == ["蒋金娣", "杨光美", "张立军"]


def test_names_in_a_byline_credited_with_slashes_but_not_a_body_credited_for_photos(lex):
    assert _person_names(lex, "文/通讯员 吴琼芳 冯子豪　图/符海波\n正文。") == ["吴琼芳", "冯子豪", "符海波"]
    assert _person_names(lex, "文/通讯员　苏婉清　　图/区医保局\n正文。") == ["苏婉清"]
    assert _person_names(lex, "文/刘思琪　图/陈浩\n编辑/张雨桐　审核/周凯\n文字：向丽娟　图片：杜鹏\n正文。") == [
        "刘思琪", "陈浩", "张雨桐", "周凯", "向丽娟", "杜鹏"]
    # a byline's names with no Han surname, set off by spaces; a contact table's head is none
    assert _person_names(lex, "普洱日报（记者 李雪梅 通讯员 扎约 罗春燕）“以前没人管。”") == ["李雪梅", "扎约", "罗春燕"]
    assert _person_names(lex, "县区　　单位　　联系人　　职务　　电话\n") == []
    # a reporter's tag alone on its line: the question below holds no name
    assert _person_names(lex, "哈密广播电视台记者：\n　　巴里坤、伊吾两县老年人居住分散，请问如何解决？") == []
    # a district's body or a city's centre credited after a colon: no name
    assert _person_names(lex, "文字：乌海市残疾人就业服务中心\n图片：乌达区残联\n编辑：王婧\n正文。") == ["王婧"]
    assert _person_names(lex, "团市委副书记金美善、学校部部长孙浩然分别就心理健康作了部署。") == ["金美善", "孙浩然"]


def test_a_body_named_after_a_tables_figures_starts_after_them(lex):
    # 永安镇 720 720 县中医院: the cells' figures end at the body's name
    text = "序号 镇街 目标人数 任务数 承担机构\n7 永安镇 720 720 县中医院\n8 高安镇 860 860 县人民医院\n"
    assert [m.text for m in _orgs(normalize(text).text, lex)] == ["县中医院", "县人民医院"]
    # a service number stays in a name, after a space as well
    assert [m.text for m in _orgs("成立 12355青少年心理守护志愿服务队。", lex)] == ["12355青少年心理守护志愿服务队"]


def test_a_place_name_holding_a_boundary_word_still_opens_a_bodys_name(lex):
    # 抱由镇, 诸由观镇, 米各庄镇: their 由 and 各 end no name
    names = [m.text for m in _orgs("组织抱由镇卫生院、诸由观镇中心学校和米各庄镇中心校开展活动。", lex)]
    assert names == ["抱由镇卫生院", "诸由观镇中心学校", "米各庄镇中心校"]


def test_what_a_body_sets_up_or_turns_into_is_no_part_of_its_name(lex):
    names = [m.text for m in _orgs("平和县人民医院开设康复科。镇敬老院变身区域养老服务中心。", lex)]
    assert "平和县人民医院开设康复科" not in names and "敬老院变身区域养老服务中心" not in names, names


def test_a_local_tax_bureau_named_with_its_national_system_is_one_body_however_written(lex):
    canonicals = _org_canonicals("北海市残联报告。市残联会同国家税务总局北海市税务局开展年审。市税务局负责征收。", lex)
    assert canonicals["国家税务总局北海市税务局"] == "国家税务总局北海市税务局"
    assert canonicals["市税务局"] == "国家税务总局北海市税务局"
    # its own place after the wider one (天津市南开区): the system still heads the name
    canonicals = _org_canonicals("区医保局会同国家税务总局天津市南开区税务局资助参保。区税务局负责。", lex)
    assert canonicals["国家税务总局天津市南开区税务局"] == "国家税务总局南开区税务局"
    assert canonicals["区税务局"] == "国家税务总局南开区税务局"


def test_an_unbracketed_plan_whose_words_close_a_bracket_first_is_no_policy_title(lex):
    text = "各县（市、区）卫生健康委结合实际制定具体工作方案。市养老服务体系建设实施方案已经出台。"
    assert [m.text for m in recognize_policies(text)] == ["市养老服务体系建设实施方案"]


def test_a_word_after_a_group_of_people_is_no_name_though_it_starts_with_a_surname(lex):
    assert _person_names(lex, "（四）健全长效机制，提升群众满意度。各责任单位要加大宣传力度。") == []


def test_a_county_level_city_under_its_province_is_the_documents_city_and_home(lex):
    text = "共青团仙桃市委员会联合市教育局、市妇联，在郑场镇、毛嘴镇开设爱心暑托班。湖北省团委予以支持。"
    ctx = _ctx(text, lex)
    assert ctx.city.name == "仙桃市" and ctx.province.name == "湖北省" and ctx.county_city
    canonicals = _org_canonicals(text, lex)
    assert canonicals["市教育局"] == "仙桃市教育局" and canonicals["市妇联"] == "仙桃市妇女联合会"


def test_a_county_level_city_a_prefectures_paper_reports_on_three_times_is_the_home_of_its_bodies(lex):
    text = ("来源：鞍山日报　　发布时间：2024-09-10 08:12　　版次：A03 县域经济\n\n海城：养老服务“送上门”\n\n"
            "本报记者　王晓东　通讯员　李明\n\n"
            "　　“以前看病要跑好几趟，现在医生上门就行了。”9月3日，在海城市牌楼镇一户老人家中，护理员正在为老人测量血压。\n"
            "　　今年以来，海城市民政局推行居家养老上门服务。市民政局会同市医疗保障局建立联动机制。\n"
            "　　截至8月底，海城市已建成社区养老服务站42个。")
    ctx = _ctx(text, lex)
    assert ctx.city.name == "鞍山市" and ctx.county.name == "海城市" and ctx.county_city
    canonicals = _org_canonicals(text, lex)
    assert canonicals["市民政局"] == "海城市民政局" and canonicals["市医疗保障局"] == "海城市医疗保障局", canonicals


def test_a_county_level_city_named_first_and_as_often_as_its_prefecture_is_the_home_of_its_bodies(lex):
    # its own government's notice, citing the prefecture's bureaus as often as it names itself
    text = ("海城市人民政府办公室\n关于做好2025年困难群众救助工作的通知\n\n各镇人民政府、街道办事处：\n"
            "按照鞍山市民政局、鞍山市财政局有关要求，现就海城市困难群众救助工作通知如下。\n"
            "（一）市民政局\n负责最低生活保障审核确认。")
    ctx = _ctx(text, lex)
    assert ctx.county.name == "海城市" and ctx.county_city
    assert _org_canonicals(text, lex)["市民政局"] == "海城市民政局"


def test_a_verb_of_deepening_before_an_unquoted_campaign_is_no_part_of_its_name(lex):
    names = _program_names(lex, "2025年，市残联将深化按比例就业专项行动，新增就业岗位200个。")
    assert "按比例就业专项行动" in names and not any(n.startswith("深化") for n in names)
    names = _program_names(lex, "在喀什市、疏附县试点建设零工驿站示范点，争取将更多残疾人康复项目纳入医保。")
    assert not any(n.startswith(("试点", "建设", "更多")) for n in names), names


def test_a_district_league_and_its_department_with_no_district_named_keep_their_own_words(lex):
    canonicals = _org_canonicals("佛山市青少年心理健康工作简报。团区委学校部联合区教育局开展心理健康宣传周。", lex)
    assert canonicals.get("团区委学校部") in (None, "团区委学校部"), canonicals


def test_a_post_a_name_a_title_and_a_verb_of_taking_a_post_end_a_bodys_name(lex):
    text = "新余市妇联答复。聘请新余学院教育学院副院长彭志强教授担任讲师团团长。"
    assert "新余学院教育学院" in _org_canonicals(text, lex)
    assert not any("彭志强" in name for name in _org_canonicals(text, lex))
    assert "彭志强" in _person_names(lex, text)


def test_mongolian_and_tibetan_names_without_a_surname_are_read_whole(lex):
    text = "团市委书记乌云其其格在督导中要求，市残联康复部部长那仁高娃介绍，州民政局党组书记、局长才仁多杰带队赴杂多县。"
    assert _person_names(lex, text) == ["乌云其其格", "那仁高娃", "才仁多杰"]
    # one syllable standing alone is a name too, where a name is expected
    text = "出席发布会的有：\n图雅 锡林郭勒盟医疗保障局副局长\n巴图孟和 锡林郭勒盟民政局副局长\n【图雅】谢谢。"
    assert sorted(set(_person_names(lex, text))) == ["图雅", "巴图孟和"]
    text = "藏族老人泽郎多吉说：“饭菜热乎。”送餐员王德才说。甘孜藏族自治州卫生健康委员会老龄健康科科长　泽仁拉姆\n联系电话：1234567"
    assert _person_names(lex, text) == ["泽郎多吉", "王德才", "泽仁拉姆"]


def test_a_transliterated_name_keeps_its_last_character_before_a_form_of_address_or_post(lex):
    text = "市民政局党组成员、局长艾力·买买提先生。首先，请艾力·买买提局长介绍有关情况。"
    assert _person_names(lex, text) == ["艾力·买买提", "艾力·买买提"]


def test_tibetan_names_after_a_post_a_rank_a_word_for_who_someone_is_or_a_byline(lex):
    text = ("县残联理事长拉巴平措带队入户，县残联工作人员边巴央宗告诉记者，肢体残疾人扎西罗布拄着拐杖走来。"
            "联系人：市民政局社会救助科四级主任科员　罗布旺堆；电话：0891-1234567")
    assert _person_names(lex, text) == ["拉巴平措", "边巴央宗", "扎西罗布", "罗布旺堆"]


def test_transliterated_names_long_or_ending_in_a_stop_character_and_lists_of_them(lex):
    text = "签发人：阿依古丽·托合提　　类别：A类\n热依木·吐尔逊、阿不都热合曼·买买提代表：\n您提出的建议收悉。"
    assert _person_names(lex, text) == ["阿依古丽·托合提", "热依木·吐尔逊", "阿不都热合曼·买买提"]


def test_names_listed_after_a_labelled_name_and_a_line_of_names_under_a_roster_label(lex):
    text = ("四、评审专家名单：\n\n阿不都热依木·买买提、周建华、古丽娜尔·艾则孜\n"
            "五、项目联系人：努尔古丽·阿卜杜拉（项目经理）、孙磊\n六、采购内容：心理健康服务、个案咨询、团体辅导\n")
    assert _person_names(lex, text) == ["阿不都热依木·买买提", "周建华", "古丽娜尔·艾则孜", "努尔古丽·阿卜杜拉", "孙磊"]


def test_a_numbered_tables_name_column_holds_names_of_no_surname_but_no_place(lex):
    text = ("序号 姓名 学校 金额（元）\n1 那仁 内蒙古大学 5000\n2 孟和巴雅尔 内蒙古师范大学 5000\n"
            "3 张浩然 兴安职业技术学院 3000\n")
    names = {m.text for m in recognize_persons(normalize(text).text, lex, [])[0]}
    assert {"那仁", "孟和巴雅尔", "张浩然"} <= names, names
    # a masked name lost between bars leaves the village: no name
    masked = "序号｜姓名｜所在村（社区）｜慰问金（元）\n1｜马**｜杨庄村｜1000\n2｜王桂花｜新街社区｜600\n"
    names = {m.text for m in recognize_persons(normalize(masked).text, lex, [])[0]}
    assert not any(n.endswith("村") for n in names), names


def test_a_roster_labels_names_on_its_own_line_after_the_colon_or_under_a_heading_without_one(lex):
    text = ("五、评审委员会成员名单：黄志坚、吴丽萍、陈建辉（采购人代表）\n"
            "六、磋商小组成员名单\n叶明辉、林秀珍（采购人代表）\n七、采购内容名单：适老化改造、助餐服务\n")
    assert _person_names(lex, text) == ["黄志坚", "吴丽萍", "陈建辉", "叶明辉", "林秀珍"]


def test_the_names_of_a_numbered_tables_rows_under_group_headings_and_totals_however_their_cells_split(lex):
    text = ("根河市民政局关于新增高龄津贴发放对象的公示\n"
            "序号　姓名　性别　出生年月　所在社区（村）　享受档次\n\n一、河东街道（2人）\n"
            "1　王秀兰　女　1944.07　林海社区　80—89周岁\n2　刘振山　男　1944.07　林海社区　80—89周岁\n"
            "小计：2人，月发放金额200元\n二、金河镇（1人）\n3　陈淑珍　女　1944.08　德兴社区　80—89周岁\n"
            "公示期间，如有异议请与市民政局联系，联系人：包丽娟。\n")
    assert _person_names(lex, text)[:3] == ["王秀兰", "刘振山", "陈淑珍"]


def test_a_yi_family_name_of_two_characters_starts_a_name(lex):
    text = "州精神卫生中心主任吉木伍各介绍，校长阿力日哈说，团州委书记吉克阿呷表示。"
    assert _person_names(lex, text) == ["吉木伍各", "阿力日哈", "吉克阿呷"]


def test_a_naxi_surname_starts_a_name(lex):
    assert _person_names(lex, "丽江日报记者　和丽萍　通讯员　木春华\n社区居委会主任木晓燕告诉记者，社区在古城。") == [
        "和丽萍", "木春华", "木晓燕"]


def test_a_given_name_may_open_with_a_character_that_usually_follows_a_name(lex):
    text = ("市医保局待遇保障科科长李向东介绍，村党支部书记冉从军说，\n解读人：市医保局待遇保障股股长 刘向东\n"
            "副局长王带队走访，社区书记张老人说。")
    assert _person_names(lex, text) == ["李向东", "冉从军", "刘向东"]


def test_a_post_and_a_name_make_a_person_before_how_or_with_whom_they_act(lex):
    text = ("值班心理咨询师陈敏耐心倾听，团县委副书记陈俊杰带头宣讲。"
            "护士季丽芳和村医刘水生一起坐上巡诊车。社工周鹏定期上门。")
    assert _person_names(lex, text) == ["陈敏", "陈俊杰", "刘水生", "周鹏"]
    # what they do to someone (把, 将): 驻站心理咨询师刘思雨把母子俩领进小屋
    assert _person_names(lex, "驻站心理咨询师刘思雨把母子俩领进小屋。社工张晓将老人送回家。") == ["刘思雨", "张晓"]


def test_a_kin_word_before_a_quoted_name_says_it_is_a_persons(lex):
    text = "孩子的妈妈陈红梅告诉记者，孩子愿意聊天了。外婆李秀珍说，现在放心多了。"
    assert _person_names(lex, text) == ["陈红梅", "李秀珍"]


def test_a_post_after_a_bodys_colon_on_a_contact_line_or_a_duty_label_names_its_holder(lex):
    text = ("五、联系方式\n市妇联权益部：部长 蓝某燕，电话0772-8912635\n岭南镇妇联：主席 韦某玲，电话0772-8918021\n"
            "（一）市民政局（责任人：局长 李某东）\n1.老年助餐。全市新建助餐点10个。\n市民政局：主任会议研究决定。")
    orgs = _orgs(text, lex)
    mentions, posts = recognize_persons(text, lex, orgs)
    held = sorted((mentions[p.person].text, orgs[p.organization].text, p.role) for p in posts)
    assert held == [("李某东", "市民政局", "局长"), ("蓝某燕", "市妇联权益部", "部长"), ("韦某玲", "岭南镇妇联", "主席")]


def test_family_names_of_yunnans_peoples_and_of_linxias_hui_start_names(lex):
    text = "芒市残联理事长思晓梅介绍，雷弄村党总支书记排早麻说，红崖村妇联主席妥秀英介绍。网格员排查隐患。"
    assert _person_names(lex, text) == ["思晓梅", "排早麻", "妥秀英"]


def test_a_heading_sentence_that_opens_its_items_line_names_a_joined_program_whole(lex):
    text = ("（二）残疾儿童康复救助和辅具适配项目。为1100名残疾儿童实施康复救助。\n"
            "（三）畅通12355青少年服务热线。全年接听来电3000人次。\n")
    names = _program_names(lex, text)
    assert "残疾儿童康复救助和辅具适配项目" in names and "辅具适配项目" not in names
    assert "畅通12355青少年服务热线" not in names


def test_a_bureaus_branch_named_after_it_is_a_body_of_its_own_whatever_follows(lex):
    canonicals = _org_canonicals("江山市民政局工作总结。市民政局会同衢州市医疗保障局江山分局推进长期护理保险。", lex)
    assert canonicals.get("衢州市医疗保障局江山分局") == "衢州市医疗保障局江山分局", canonicals


def test_locations_context_is_the_most_named_city(lex):
    text = "洛阳市召开新闻发布会。洛阳市西工区、涧西区新建站点。"
    ctx = _ctx(text, lex)
    assert ctx.city.name == "洛阳市" and ctx.province.name == "河南省"
    names = {m.text for m in recognize_locations(text, lex, ctx)}
    assert {"洛阳市", "西工区", "涧西区"} <= names


def test_locations_skip_common_words_and_out_of_context_towns(lex):
    text = "南阳市缓解了城区停车压力，郊区新建绿道。"
    names = {m.text for m in recognize_locations(text, lex, _ctx(text, lex))}
    assert "城区" not in names and "郊区" not in names


def test_organizations_expand_abbreviations_with_the_document_city(lex):
    text = "洛阳市召开发布会。团市委会同市残联、市卫健委开展活动。"
    by_text = _org_canonicals(text, lex)
    assert by_text["团市委"] == "共青团洛阳市委员会"
    assert by_text["市残联"] == "洛阳市残疾人联合会"
    assert by_text["市卫健委"] == "洛阳市卫生健康委员会"


def test_organizations_left_boundary_excludes_leading_verbs(lex):
    text = "南阳市团市委联合南阳市青少年心理健康促进会开展服务。"
    names = {m.text for m in _orgs(text, lex)}
    assert "南阳市青少年心理健康促进会" in names
    assert not any(n.startswith("联合") for n in names)


def test_organizations_reject_generic_heads(lex):
    text = "洛阳市加强与行业协会、相关专业学会、社区党群服务中心沟通。"
    names = {m.text for m in _orgs(text, lex)}
    assert not any(n in names for n in ("行业协会", "专业学会", "社区党群服务中心"))


def test_organizations_sub_unit_keeps_its_parent(lex):
    text = "洛阳市。联系单位：团市委青少年发展部\n"
    orgs = _orgs(text, lex)
    by_text = {m.text: m for m in orgs}
    assert by_text["团市委青少年发展部"].canonical == "共青团洛阳市委员会青少年发展部"
    assert "团市委" in by_text


def test_programs_quoted_names_are_classified_by_what_follows(lex):
    text = "建设“青翼家园”工作阵地，以“团干部+社工”模式推进，开展“阳光少年”心理健康系列活动，建立“一生一策”档案。"
    found = recognize_programs(text, lex)
    names = {m.text for m in found} | {m.alias for m in found if m.alias}
    assert {"青翼家园", "阳光少年"} <= names
    assert not names & {"团干部+社工", "一生一策"}
    # a head that completes the name keeps the quoted name as an alias; a brand stays itself
    by_alias = {m.alias: m.canonical for m in found if m.alias}
    assert by_alias["阳光少年"] == "阳光少年心理健康系列活动"
    assert "青翼家园" in {m.canonical for m in found}


def test_a_quoted_name_counted_right_after_the_quote_is_a_facility_program(lex):
    text = "全年新建“银龄食堂”46家、“邻里小站”十二个，另有“社区饭桌”受到好评，“一户一策”覆盖3000户。"
    names = {m.text for m in recognize_programs(text, lex)}
    assert {"银龄食堂", "邻里小站"} <= names
    assert not names & {"社区饭桌", "一户一策"}  # no count after the first; a count of households is no site


def test_a_quoted_list_of_phrases_is_a_slogan_unless_it_names_where_a_campaign_goes(lex):
    text = ("各镇开展“送政策、送岗位、送服务”活动，建立“评估—适配—回访”服务流程；"
            "市妇联组织“心理健康进学校、进社区、进企业”系列宣讲活动，开展“学政策、比服务、强作风”岗位练兵活动。")
    names = {m.canonical for m in recognize_programs(text, lex)}
    assert not {n for n in names if "送岗位" in n or "适配" in n}
    assert {"心理健康进学校、进社区、进企业系列宣讲活动", "学政策、比服务、强作风岗位练兵活动"} <= names


def test_a_quoted_brand_before_a_counted_kind_of_centre_is_a_program_not_a_body(lex):
    text = "今年新建“阳光家园”残疾人日间照料中心4个，“颐养之家”服务中心由市民政局运营。"
    assert [m.text for m in _orgs(text, lex)] == ["“颐养之家”服务中心", "市民政局"]
    assert "阳光家园" in {m.text for m in recognize_programs(text, lex)}


def test_a_level_word_after_a_verb_is_no_town_that_starts_a_name(lex):
    # 新建镇 is a town's name somewhere, but 新建镇级 is "build town-level"
    assert _orgs("韶关市乳源县在大桥镇新建镇级颐康中心3个。", lex) == []


def test_a_quoted_program_named_again_without_quotes_is_mentioned_again(lex):
    text = "江安县：“残疾人之家”实现乡镇全覆盖\n今年新建残疾人之家4个，分别位于红桥镇、留耕镇。“嵌入式”服务进社区，建成社区嵌入式服务设施3个。"
    found = recognize_programs(text, lex)
    assert [m.start for m in found if m.text == "残疾人之家"] == [text.index("残疾人之家"), text.index("新建残疾人之家") + 2]
    # a quoted word with no program head is no name where it stands inside other words
    assert not any(m.text == "嵌入式" and text[m.start - 1] != "“" for m in found)


def test_a_projects_topic_before_its_quoted_brand_is_part_of_its_name(lex):
    text = ("社会建设领域4件：一是“德颐助餐”老年助餐服务工程；二是青少年心理健康“知心屋”建设项目；"
            "三是残疾儿童康复救助“阳光起跑线”行动。团市委联合市人力社保局建设“青年入丽”驿站12家。")
    names = {m.canonical for m in recognize_programs(text, lex)}
    assert {"德颐助餐老年助餐服务工程", "青少年心理健康知心屋建设项目", "残疾儿童康复救助阳光起跑线行动",
            "青年入丽驿站"} <= names


def test_a_conjunction_inside_a_places_name_does_not_cut_a_program_name(lex):
    text = "由市残联、市体育局共同主办的呼和浩特市第八届残疾人运动会成功举办。"
    assert "呼和浩特市第八届残疾人运动会" in _program_names(lex, text)


def test_quoted_workshops_shops_farms_and_what_their_names_end_in(lex):
    text = ("“洞庭助残工坊”再新增20个，结合“巾帼家美积分超市”开展活动。县残联打造“阳光农场”助残种养基地，"
            "推出“心灵护航”系列微课38期，开展“小小讲解员”红色研学营。")
    assert {"洞庭助残工坊", "巾帼家美积分超市", "阳光农场助残种养基地", "心灵护航系列微课",
            "小小讲解员红色研学营"} <= _program_names(lex, text)


def test_a_hotline_that_someone_calls_is_no_program_named_by_the_caller(lex):
    text = "“很多孩子打进热线时情绪很低落，我们要先稳住情绪。”队长说。"
    assert _program_names(lex, text) == set()


def test_the_items_of_a_list_of_livelihood_projects_are_programs(lex):
    text = ("市住建局主要负责全市163个城镇老旧小区改造和1000个公共充电桩建设两项民生实事。"
            "市城管局统筹推进“瓶改管”改造和停车泊位增建扩能等民生实事。"
            "聚焦辅助器具适配、困难重度残疾人家庭无障碍改造和残疾人之家建设等重点民生实事。"
            "今天的发布会聚焦养老服务和青少年心理健康两项民生实事。")
    assert _program_names(lex, text) == {"城镇老旧小区改造", "公共充电桩建设", "瓶改管", "停车泊位增建扩能",
                                         "困难重度残疾人家庭无障碍改造", "残疾人之家"}


def test_quoted_items_put_on_the_years_livelihood_projects_are_programs(lex):
    text = ("2024年我市将“心理援助热线扩容提质”和“社区心理健康服务站建设”纳入市级民生实事。"
            "市委、市政府将“新建户外劳动者服务站点”列入年度重点民生实事。把“提质增效”作为工作目标。")
    assert _program_names(lex, text) == {"心理援助热线扩容提质", "社区心理健康服务站建设", "户外劳动者服务站点"}


def test_a_national_scheme_name_before_a_word_for_people_describes_them_and_is_no_mention(lex):
    text = ("对低保、特困老年人每餐补贴3元，低保户王某说。全市低保标准提高到每人每月760元，临时救助、医疗救助及时到位，"
            "发放困难残疾人生活补贴和重度残疾人护理补贴。")
    found = recognize_programs(text, lex)
    starts = {m.start for m in found if m.canonical == "最低生活保障"}
    assert starts == {text.index("低保标准")}
    assert {"困难残疾人生活补贴", "重度残疾人护理补贴"} <= {m.canonical for m in found}
    # the full name before such a word still cites the scheme (最低生活保障家庭)
    cited = recognize_programs("全市最低生活保障家庭、临时救助对象和医疗救助对象均纳入。", lex)
    assert "最低生活保障" in {m.canonical for m in cited}


def test_assistance_schemes_are_programs_only_where_the_document_lays_several_out(lex):
    passing = "社区为辖区老人提供助餐服务，纳入低保的老人免费就餐。"
    assert _program_names(lex, passing) == set()
    laid_out = "全市落实最低生活保障、特困人员救助供养和临时救助制度，低保标准提高到每人每月760元。"
    assert {"最低生活保障", "特困供养", "临时救助"} <= _program_names(lex, laid_out)
    # or where the document names one of them by its full name, even once
    about = "全市临时救助2.3万人次。乡镇临时救助审批权限提高到3000元，困难对象优先。"
    assert _program_names(lex, about) == {"临时救助"}
    spelled_out = "对属于最低生活保障家庭的残疾人，按每人每月100元发放生活补贴。"
    assert _program_names(lex, spelled_out) == {"最低生活保障"}
    # an abbreviation alone, however often, describes who gets something
    abbreviated = "低保标准内的老人每餐补贴5元；纳入低保的老人免费就餐。"
    assert _program_names(lex, abbreviated) == set()
    # two named once each: programs still (readers take them), though in passing
    two = "市民政局将最低生活保障与临时救助衔接，做到应救尽救。"
    assert _program_names(lex, two) == {"最低生活保障", "临时救助"}


def test_a_ledger_and_a_planning_committee_end_in_no_program_head(lex):
    text = ("成交供应商每季度末向采购人报送服务台账。参照原国家发展计划委员会《招标代理服务收费管理暂行办法》收取。"
            "团市委开通12355青少年服务台。")
    assert _program_names(lex, text) == {"12355青少年服务台"}


def test_programs_by_head_word_strip_leading_verbs(lex):
    text = "全市持续开展青少年心理健康服务进村（社区）行动，推行长期护理保险。"
    names = {m.text for m in recognize_programs(text, lex)}
    assert "青少年心理健康服务进村（社区）行动" in names
    assert "长期护理保险" in names


def test_a_quarter_before_a_program_is_when_not_part_of_its_name(lex):
    names = _program_names(lex, "区民政局召开推进会，通报前三季度社区养老服务驿站运营情况，第二季度长者助餐服务扩面。")
    assert "社区养老服务驿站" in names and not any("季度" in name for name in names), names


def test_an_intern_in_a_byline_writes_for_the_paper_named_before(lex):
    text = "来源：北京青年报\n文/本报记者 杨帆 实习生 马可欣\n"
    names = set(_person_names(lex, text))
    assert {"杨帆", "马可欣"} <= names and "实习生" not in names, names


def test_programs_12355_variants_are_one_brand(lex):
    text = "依托12355青少年服务热线和省12355青少年服务平台，开通“12355”服务台。"
    brands = {m.canonical for m in recognize_programs(text, lex) if m.rule == "program.brand"}
    assert brands == {"12355青少年服务台"}


def test_the_national_disability_and_childrens_homes_are_brands_unquoted_too(lex):
    text = "全县新建残疾人之家4个、儿童之家12个，依托村妇女儿童之家开展活动。"
    brands = [(m.canonical, m.start) for m in recognize_programs(text, lex) if m.rule == "program.brand"]
    assert brands == [("残疾人之家", text.index("残疾人之家")), ("儿童之家", text.index("儿童之家"))]


def test_an_autonomous_prefectures_bodies_by_its_level_word_and_its_common_name(lex):
    text = "黔东南苗族侗族自治州召开会议。黔东南州妇联联合州民政局开展活动，团州委启动项目。州委、州人民政府印发方案。"
    assert _org_canonicals(text, lex) == {
        "黔东南州妇联": "黔东南苗族侗族自治州妇女联合会", "州民政局": "黔东南苗族侗族自治州民政局",
        "团州委": "共青团黔东南苗族侗族自治州委员会", "州委": "中共黔东南苗族侗族自治州委员会",
        "州人民政府": "黔东南苗族侗族自治州人民政府"}
    # in a city that is no prefecture, 州 is part of a name, not a level
    assert _orgs("福州市召开会议。州民政局开展活动。", lex) == []


def test_a_prefecture_names_its_own_bodies_with_the_word_for_region(lex):
    text = ("喀什地区召开会议。地区人社局会同地区财政局、团地委开展援助，地区公共就业服务中心承办，"
            "地区行署督办，地区人社局与广东省援疆前方指挥部合作。")
    assert _org_canonicals(text, lex) == {
        "地区人社局": "喀什地区人力资源和社会保障局", "地区财政局": "喀什地区财政局",
        "团地委": "共青团喀什地区委员会", "地区公共就业服务中心": "喀什地区公共就业服务中心",
        "地区行署": "喀什地区行政公署", "广东省援疆前方指挥部": "广东省援疆前方指挥部"}
    # in a city, 地区 is a region, and no body is the district's
    assert _orgs("福州市召开会议。山区地区教育局开展活动，团地委参加。", lex) == []
    # but a region's own 自治区民政厅 stays a body where no region is named
    assert [m.text for m in _orgs("会议召开。自治区民政厅开展活动。", lex)] == ["自治区民政厅"]


def test_a_body_named_with_its_province_before_the_documents_city_is_the_citys_body(lex):
    text = "拉萨市召开会议。西藏自治区拉萨市残疾人联合会（以下简称“市残联”）开展活动，西藏自治区残疾人联合会指导。"
    canonicals = _org_canonicals(text, lex)
    assert canonicals["西藏自治区拉萨市残疾人联合会"] == "拉萨市残疾人联合会"
    assert canonicals["西藏自治区残疾人联合会"] == "西藏自治区残疾人联合会"


def test_a_central_kitchen_is_no_centre_and_a_care_home_is_a_body(lex):
    text = "中山市召开会议。小榄镇依托小榄镇颐养院中心厨房，建成助餐点。"
    assert [m.text for m in _orgs(text, lex)] == ["小榄镇颐养院"]


def test_a_committees_office_a_trade_guild_and_a_news_site_are_bodies(lex):
    text = "晋江市民政局通知。抄送：市委办、市政府办。团市委联合晋江市纺织服装同业公会开展活动。来源：晋江新闻网"
    assert _org_canonicals(text, lex) == {
        "晋江市民政局": "晋江市民政局", "市委办": "中共晋江市委办公室", "市政府办": "晋江市人民政府办公室",
        "团市委": "共青团晋江市委员会", "晋江市纺织服装同业公会": "晋江市纺织服装同业公会", "晋江新闻网": "晋江新闻网"}


def test_a_university_named_without_a_place_after_a_boundary(lex):
    assert [m.text for m in _orgs("“邻里中心”由白水湖街道办事处运营。", lex)] == ["白水湖街道办事处"]  # a quoted facility
    orgs = {m.text for m in _orgs("市教育局联合鲁东大学开展培训，团市委与嘉应学院合作。", lex)}
    assert {"鲁东大学", "嘉应学院"} <= orgs
    assert _orgs("社区开办老年大学。今年有3名孩子考入大学。", lex) == []


def test_deputies_are_no_body_but_the_congress_session_is_the_congress(lex):
    orgs = _org_canonicals("德阳市召开会议。出席市人代会的293名市人大代表投票，市人大组织视察。", lex)
    assert orgs == {"市人代会": "德阳市人民代表大会", "市人大": "德阳市人民代表大会"}


def test_a_department_right_after_its_body_before_a_verb(lex):
    orgs = _org_canonicals("六盘水市召开会议。经市政府督查室会同市统计局逐项核查。市教育局全面部署。", lex)
    assert orgs["市政府督查室"] == "六盘水市人民政府督查室"
    assert not any(t.startswith("市教育局全") for t in orgs)
    orgs = {m.text for m in _orgs("江安县召开会议。组织江安县人民医院康复医学科和县残联开展评估。市残联会同市卫生健康委员会和市教育局开展筛查。", lex)}
    assert "江安县人民医院康复医学科" in orgs and not any(t.startswith("市残联会同") for t in orgs)


def test_riders_platforms_and_the_unions_seasonal_campaigns(lex):
    text = "常州市召开会议。市总工会联合美团、顺丰开展“夏送清凉”和金秋助学活动，新建劳模和工匠人才创新工作室3家。"
    assert {"美团", "顺丰速运"} <= {m.canonical for m in _orgs(text, lex)}
    brands = {m.canonical for m in recognize_programs(text, lex) if m.rule == "program.brand"}
    assert brands == {"夏送清凉", "金秋助学", "劳模和工匠人才创新工作室"}
    text = ("东莞启动“莞骑同行”新就业形态劳动者关爱季。美团投入“骑手关怀基金”120万元，定期召开“骑手议事会”，"
            "开设“小候鸟”暑期托管班，公布12351职工服务热线。骑手随时可以进驿站喝口水。")
    assert _program_names(lex, text) == {"莞骑同行新就业形态劳动者关爱季", "骑手关怀基金", "骑手议事会",
                                         "小候鸟暑期托管班", "12351职工服务热线"}


def test_a_companys_managers_and_a_schools_teacher_hold_posts_there(lex):
    text = "淮北市康颐养老服务有限公司运营总监孙丽娟告诉记者，饶平县第二中学心理老师余佩玲说，驿站已试运行。"
    orgs = _orgs(text, lex)
    persons, posts = recognize_persons(text, lex, orgs)
    roles = {(persons[p.person].text, orgs[p.organization].text, p.role) for p in posts if p.organization is not None}
    assert roles == {("孙丽娟", "淮北市康颐养老服务有限公司", "运营总监"), ("余佩玲", "饶平县第二中学", "心理老师")}


def test_persons_in_both_orders_with_posts(lex):
    text = "洛阳市召开发布会。\n王晓东 市民政局副局长\n共青团洛阳市委副书记李明华介绍，成绩显著。"
    orgs = _orgs(text, lex)
    persons, posts = recognize_persons(text, lex, orgs)
    names = {p.text for p in persons}
    assert {"王晓东", "李明华"} <= names
    roles = {(persons[p.person].text, orgs[p.organization].text, p.role) for p in posts if p.organization is not None}
    assert ("王晓东", "市民政局", "副局长") in roles
    assert ("李明华", "共青团洛阳市委", "副书记") in roles


def test_village_doctors_therapists_and_social_workers_hold_posts_in_their_bodies(lex):
    text = ("构林镇卫生院乡村医生陈某义背起药箱出了门。大新镇社区卫生服务中心康复师刘某婷每周两次开展康复指导，"
            "县律师协会律师王某强提供法律咨询。")
    orgs = _orgs(text, lex)
    persons, posts = recognize_persons(text, lex, orgs)
    roles = {(persons[p.person].text, orgs[p.organization].text, p.role) for p in posts if p.organization is not None}
    assert roles == {("陈某义", "构林镇卫生院", "乡村医生"), ("刘某婷", "大新镇社区卫生服务中心", "康复师"),
                     ("王某强", "县律师协会", "律师")}


def test_a_post_and_a_name_with_what_the_person_does_or_a_conjunction_after_it(lex):
    assert _person_names(lex, "社建工委主任谭志强及部分市人大常委会委员参加调研。") == ["谭志强"]
    assert _person_names(lex, "团市委书记杨帆陪同视察。") == ["杨帆"]  # not 杨帆陪
    assert _person_names(lex, "3月，副州长龙胜芝先后带队到台江县。儿童主任滚玉香坚持入户走访。") == ["龙胜芝", "滚玉香"]
    assert _person_names(lex, "射箭运动员李中原，代表国家参加巴黎奥运会。") == ["李中原"]
    assert _person_names(lex, "我局高度重视，局长陈国华专门召开办理工作会议。") == ["陈国华"]


def test_a_resident_or_worker_named_with_what_follows_a_person(lex):
    assert _person_names(lex, "社区网格员马晓东已带着米面油上门，肢体残疾人李秀兰的家门开了。") == ["马晓东", "李秀兰"]
    assert _person_names(lex, "局党组成员、副局长程立群已带队赴太湖县，主任医师韩冬梅领衔督导。") == ["程立群", "韩冬梅"]
    # a word after a speaker word that only looks like a name
    assert _person_names(lex, "带动87名残疾人居家或就近就业。由分管副市长任组长的领导小组。") == []
    # a wrapped page may break its line between the quote and who said it
    assert _person_names(lex, "“每周有一次散步谈心，关系缓和多了。”\n孙倩说。") == ["孙倩"]


def test_persons_from_labels_and_name_lists(lex):
    text = "签发人：周立群\n尊敬的孙海燕代表：\n民进支部、钱文静、吴大伟委员："
    persons, _ = recognize_persons(text, lex, [])
    assert {"周立群", "孙海燕", "钱文静", "吴大伟"} <= {p.text for p in persons}


def test_policies_nested_titles_and_newspapers(lex):
    text = "印发《关于印发<洛阳市关爱服务三年行动方案>的通知》，刊登于《洛阳日报》。"
    titles = {m.text for m in recognize_policies(text)}
    assert "洛阳市关爱服务三年行动方案" in titles
    assert any(t.startswith("关于印发") for t in titles)
    assert "洛阳日报" not in titles


@pytest.mark.parametrize("num, mag, expected", [
    ("19478", None, Decimal("19478")), ("1.4", "万", Decimal("14000")), ("5.5", "亿", Decimal("550000000")),
    ("三十二", None, Decimal("32")), ("两千", None, Decimal("2000")),
])
def test_numbers_parse_value(num, mag, expected):
    assert parse_value(num, mag) == expected


def test_numbers_units_qualifiers_and_exclusions(lex):
    text = ("2023年，全市新建12块社会足球场，其中1块5人制足球场，覆盖青少年近3万人，筹措资金1615.22万元，"
            "参训1500余人次，完成年度目标任务的139.87%。0~6岁儿童，第五场发布会，联系电话0393-6687928。")
    found = {(n.value, n.unit): n for n in recognize_numbers(text, lex)}
    assert (Decimal(12), "块") in found and (Decimal(1), "块") in found
    assert (Decimal(5), "人") not in found  # 5人制 is part of a name
    assert found[(Decimal(30000), "人")].qualifier == "近"
    assert (Decimal("16152200"), "元") in found
    assert found[(Decimal(1500), "人次")].qualifier == "余"
    rate = found[(Decimal("139.87"), "%")]
    assert rate.is_rate and rate.indicator.endswith("完成率")
    assert all(n.unit not in ("岁",) for n in found.values())
    assert len(found) == 6


def test_numbers_times_of_day_and_round_the_clock_spans_are_no_counts(lex):
    text = "每天下午4点，孩子们来到课堂；中午11点开餐。热线提供7×24小时服务，全年培训3期，新建助餐点12个。"
    assert [(n.value, n.unit) for n in recognize_numbers(text, lex)] == [(Decimal(3), "期"), (Decimal(12), "个")]


def test_numbers_in_a_table_whose_first_column_has_a_bracket_of_its_own(lex):
    text = ("表1 2024年6月末各县区社会救助情况\n县（区）低保户数（户）低保人数（人）临时救助（人次）\n"
            "平山区4126 6392 520\n溪湖区3870 6015 476\n合计7996 12407 996\n")
    found = [(n.value, n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert (Decimal(4126), "户", "低保户数") in found and (Decimal(476), "人次", "临时救助") in found
    assert len(found) == 6  # the total row is not counted again


def test_numbers_in_a_table_closed_by_a_rate_column_whose_cells_carry_their_own_unit(lex):
    # as normalization leaves it: the rate column's head is joined to the bracket before it
    text = ("县区 走访对象（人）招聘会（场）目标任务（人）完成率\n"
            "郾城区906 8 260 111.9%\n召陵区764 7 210 113.3%\n合计1670 15 470 112.6%\n")
    found = [(n.value, n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert (Decimal(906), "人", "走访对象") in found and (Decimal(7), "场", "招聘会") in found
    assert (Decimal("111.9"), "%", "完成率") in found and (Decimal("113.3"), "%", "完成率") in found
    assert len(found) == 8  # nothing from the total row, its rate included


def test_a_numbered_table_with_a_rate_column_between_unit_heads_counts_each_row_but_not_its_number(lex):
    # as normalization leaves it: 序号 and the row numbers run into the next column
    text = ("序号镇（街道）年度目标（个）已建成（个）完成率 累计助餐服务（万人次）\n"
            "1魏塘街道8 8 100% 5.62\n7天凝镇6 5 83.3% 1.89\n合计14 13 92.9% 7.51\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("8", "个", "年度目标"), ("8", "个", "已建成"), ("100", "%", "完成率"), ("56200", "人次", "累计助餐服务"),
                     ("6", "个", "年度目标"), ("5", "个", "已建成"), ("83.3", "%", "完成率"), ("18900", "人次", "累计助餐服务")]


def test_a_table_whose_rows_hold_a_column_of_words_before_their_numbers(lex):
    # as normalization leaves it: the operator column stays apart from the town by a space
    text = ("镇（街道）运营机构 照料中心（个）床位（张）投入资金（万元）\n"
            "双塔街道 江山市康颐居家养老服务有限公司18 286 420\n贺村镇 江山市贺村镇社会工作服务站24 226 295\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("18", "个", "照料中心"), ("286", "张", "床位"), ("4200000", "元", "投入资金"),
                     ("24", "个", "照料中心"), ("226", "张", "床位"), ("2950000", "元", "投入资金")]


def test_a_markdown_tables_rule_line_and_contact_column_do_not_end_the_table(lex):
    text = ("附件1\n名额分配表\n| 县（市、区） | 儿童督导员（名） | 儿童主任（名） | 县级妇联联系人 |\n|---|---|---|---|\n"
            "| 云城区 | 10 | 45 | 云城区妇联 刘颖 |\n| 云安区 | 8 | 38 | 云安区妇联 邓慧芳 |\n")
    found = _figures_with_indicators(text, lex)
    assert found == [("10", "名", "儿童督导员"), ("45", "名", "儿童主任"), ("8", "名", "儿童督导员"), ("38", "名", "儿童主任")], found


def test_a_conjunction_right_before_a_head_word_starts_no_name(lex):
    canonicals = _org_canonicals("沈阳市沈河区消息。团区委将推动12355沈河区分台与学校心理辅导室的数据互通。"
                                 "唐河县仁和颐养院开展活动。", lex)
    assert not any("分台与学校" in k for k in canonicals), canonicals
    assert "唐河县仁和颐养院" in canonicals, canonicals


def test_a_table_closed_by_a_column_of_remarks_counts_each_row_but_not_the_remarks(lex):
    # as normalization leaves it: 序号 and the row numbers run into the next column
    text = ("序号镇（街）在岗社工（名）服务户数（户）个案（个）备注\n"
            "1市桥街道9 412 36老城区困难家庭集中，新增服务点2个\n2沙头街道7 305 28—\n"
            "督导社工站32站次，受理申请213宗。\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("9", "名", "在岗社工"), ("412", "户", "服务户数"), ("36", "个", "个案"), ("2", "个", "新增服务点"),
                     ("7", "名", "在岗社工"), ("305", "户", "服务户数"), ("28", "个", "个案"),
                     ("32", "站次", "督导社工站"), ("213", "宗", "受理申请")]


def test_a_table_whose_head_opens_on_two_columns_of_words_counts_rows_with_and_without_a_remark(lex):
    # as normalization leaves it: the place column's bracket runs into the first head with a unit
    text = ("序号 单位名称 所在乡镇（街道）安置残疾人数（名）补贴金额（元）备注\n"
            "1许昌市福康服装厂 长兴路街道14 84000集中安置\n2许昌市金穗面业有限公司 和尚桥镇11 55000\n"
            "3许昌市恒瑞铝材有限公司 坡胡镇8 40000\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("14", "名", "安置残疾人数"), ("84000", "元", "补贴金额"), ("11", "名", "安置残疾人数"),
                     ("55000", "元", "补贴金额"), ("8", "名", "安置残疾人数"), ("40000", "元", "补贴金额")], found


def test_a_table_closed_by_a_column_of_reasons_counts_each_row_but_not_the_reasons(lex):
    text = ("序号 乡镇（街道）救助户数（户）救助人数（人）主要救助事由\n"
            "1城关街道24 61因病、因残\n2新华街道19 47因灾（7月强降雨）\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("24", "户", "救助户数"), ("61", "人", "救助人数"), ("19", "户", "救助户数"), ("47", "人", "救助人数")], found


def test_a_table_with_one_column_of_figures_after_columns_of_words_counts_each_row_in_its_unit(lex):
    # as normalization leaves it: the village column's bracket runs into the money column, and a
    # reason opening on 本人 is no count of books
    text = ("序号 姓名 所在村（社区）救助金额（元）救助事由\n1张某芬 钢都街道新华社区3000本人患病住院\n"
            "2李某胜 石桥街道铁东社区2400突发疾病\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("3000", "元", "救助金额"), ("2400", "元", "救助金额")], found
    # three columns of words, one of a single ideograph before its bracket (村（社区）)
    text = ("序号 户主姓名 所在乡镇（街道）村（社区）保障人数（人）月保障金额（元）\n"
            "1徐某福 宛水街道 东门社区3 1,620\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("3", "人", "保障人数"), ("1620", "元", "月保障金额")], found


def test_a_table_with_two_columns_of_words_before_its_heads_reads_each_rows_figures(lex):
    text = normalize("序号 服务机构名称 所在街道 床位数（张） 补贴金额（万元）\n"
                     "1 某市康乐居家养老服务中心 简城街道 112 33.60\n2 某市同济护理院 平泉街道 62 18.60\n"
                     "合计 174 52.20\n").text
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("112", "张", "床位数"), ("336000", "元", "补贴金额"), ("62", "张", "床位数"),
                     ("186000", "元", "补贴金额")], found


@pytest.mark.parametrize("name_column", ["用人单位", "单位名称"])  # 单位名称: a row head and more, still the rows' name
def test_columns_named_by_a_count_word_without_a_bracket_count_in_its_unit_and_months_are_not_read(lex, name_column):
    text = (f"序号 {name_column} 岗位人数 补贴月数 补贴金额（元）\n1某市英城街道办事处12 6 116640\n"
            "2某市大站镇人民政府9 5 72900\n合计21 189540\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("12", "人", "岗位人数"), ("116640", "元", "补贴金额"), ("9", "人", "岗位人数"),
                     ("72900", "元", "补贴金额")], found


def test_a_households_head_in_a_notices_table_is_a_person_even_with_the_sex_cell_run_into_the_name(lex):
    # as normalization leaves it: the one-character sex cell loses its space
    text = ("序号 乡镇（街道）村（社区）户主姓名 性别 保障人数 保障类别 月保障金额（元）\n"
            "1安民街道 新安社区 金某姬女1城市低保 680\n2龙门街道 海兰社区 崔某洙 男2城市低保 1320\n")
    assert _person_names(lex, text) == ["金某姬", "崔某洙"]
    # the name's cell runs into the figures after it (王某兰80—89周岁50)
    text = "序号 乡镇（街道）村（社区）姓名 年龄段 月发放标准（元）\n1垭口街道 建业社区 王某兰80—89周岁50\n"
    assert _person_names(lex, text) == ["王某兰"]


def test_a_table_whose_head_wraps_over_several_lines_counts_each_row_in_its_columns(lex):
    # a PDF's head, its column names broken anywhere, right above the first row
    text = ("表1 2024年上半年各街道就业援助工作情况\n街道 帮扶就业困难\n人员就业（人）\n职业技能培训\n（人次）\n"
            "公益性岗位安\n置（人）\n平湖街道158 326 41\n坂田街道197 402 46\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.value > 100 or n.unit == "人"]
    assert found == [("158", "人", "帮扶就业困难人员就业"), ("326", "人次", "职业技能培训"), ("41", "人", "公益性岗位安置"),
                     ("197", "人", "帮扶就业困难人员就业"), ("402", "人次", "职业技能培训"), ("46", "人", "公益性岗位安置")]


def test_a_head_set_one_column_a_line_counts_the_numbered_rows_under_it(lex):
    # a web page's table copied one cell a line, its rows numbered
    text = ("青川县家庭医生签约服务团队一览表\n序号\n乡镇\n团队长\n成员人数（人）\n签约人数（人）\n"
            "1沙州镇 马某刚（沙州镇卫生院院长）42 52360\n2乔庄镇 李某英（乔庄镇中心卫生院副院长）36 31480\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.value > 30]
    assert found == [("42", "人", "团队长成员人数"), ("52360", "人", "签约人数"),
                     ("36", "人", "团队长成员人数"), ("31480", "人", "签约人数")]


def test_a_head_whose_last_line_reads_as_a_head_by_itself_takes_the_line_above_when_the_rows_say_so(lex):
    # 临时救助年度 | 任务（人次）…: the second line alone names three columns, the rows have four
    text = ("各镇街工作进展情况见下表。\n镇（街道）特困人员（人）临时救助年度\n任务（人次）已实施（人次）完成率\n"
            "钢山街道96 190 131 68.95%\n千泉街道88 175 112 64.00%\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found[:4] == [("96", "人", "特困人员"), ("190", "人次", "临时救助年度任务"), ("131", "人次", "已实施"),
                         ("68.95", "%", "完成率")], found


def test_a_count_column_named_by_its_count_word_alone_counts_its_unit(lex):
    text = "表1 生活补贴发放情况\n乡镇 人数 金额（万元）\n城关镇612 49.57\n河东乡287 23.25\n"
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.value > 1]
    assert found == [("612", "人", "人数"), ("495700", "元", "金额"), ("287", "人", "人数"), ("232500", "元", "金额")], found


def test_words_after_a_rows_numbers_fill_the_heads_last_column_without_a_unit(lex):
    text = ("序号 机构名称 所在镇 床位数（张） 入住人数（人） 评定等级\n1 城关镇敬老院 城关镇 120 86 三级\n"
            "2 河东乡敬老院 河东乡 60 41 二级\n")
    found = [(str(n.value), n.unit) for n in recognize_numbers(normalize(text).text, lex) if n.value > 2]
    assert found == [("120", "张"), ("86", "人"), ("60", "张"), ("41", "人")], found


@pytest.mark.parametrize("written, unit", [("170元/天", "元/天"), ("50元／天", "元/天"), ("6240元/人·年", "元/人·年"),
                                           ("1180元/人•月", "元/人·月"), ("32元/小时", "元/小时")])
def test_a_rate_in_money_keeps_what_it_is_per_however_its_slash_and_dot_are_written(lex, written, unit):
    found = [(str(n.value), n.unit) for n in recognize_numbers(f"护理服务补助标准为{written}。", lex)]
    assert found == [(written.split("元")[0], unit)], found


def test_a_rows_figure_counts_in_the_unit_its_units_column_gives(lex):
    # (as normalization leaves the rows: the spaces between words and units gone)
    text = ("表2 社会救助主要情况\n指标名称 单位 数值 同比\n一、基本情况\n持证残疾人总数人12486 +1.8%\n"
            "其中：视力残疾人1304 +0.6%\n二、救助\n临时救助支出 万元583.6 +4.0%\n医疗救助人次47120 +2.2%\n"
            "说明：数据来源于市残联。\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.unit != "%"]
    assert found == [("12486", "人", "持证残疾人总数"), ("1304", "人", "视力残疾"), ("5836000", "元", "临时救助支出"),
                     ("47120", "人次", "医疗救助")], found


def test_a_units_column_tables_later_columns_count_in_their_heads_units_and_keep_a_falls_sign(lex):
    # a dash is an empty cell; a row with its name left blank goes on with the row above it
    text = ("表1 社会救助资金发放汇总表\n项目 单位 人数/户数 金额（万元）\n一、最低生活保障——2186.42\n"
            "（一）城市低保户1382—\n人2105 312.87\n二、临时救助 人次1265 158.64\n合计——2345.06\n"
            "说明：数据来源于市民政局。\n表2 参保情况\n指标 单位 年末数 比上年末增长（%）\n"
            "工伤保险参保人数 万人3.64 -2.3\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("21864200", "元", "最低生活保障金额"), ("1382", "户", "城市低保"), ("2105", "人", "城市低保"),
                     ("3128700", "元", "城市低保金额"), ("1265", "人次", "临时救助"), ("1586400", "元", "临时救助金额"),
                     ("36400", "人", "工伤保险参保人数"), ("-2.3", "%", "工伤保险参保人数比上年末增长")], found


def test_a_table_of_one_column_of_figures_under_its_rows_own_head(lex):
    text = "表2 各镇街低保保障情况\n镇街 低保户数（户）\n城厢街道1106\n古柳街道982\n合计2088\n"
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("1106", "户"), ("982", "户")], found


def test_the_figure_ending_each_row_counts_in_the_unit_of_the_tables_last_column(lex):
    text = ("序号 项目名称 建设内容 责任单位 投资（万元）\n"
            "1老年助餐服务提质扩面 新建老年助餐点20个，其中城关街道3个 市民政局360\n"
            "2残疾儿童康复救助 为不少于260名残疾儿童提供康复救助 市残联624\n合计984\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.indicator == "投资"]
    assert found == [("3600000", "元", "投资"), ("6240000", "元", "投资")], found
    # a list of persons gives each one's own amount
    persons = "序号 姓名 性别 年龄 所在乡镇（街道） 补贴标准（元/月）\n1张某富 男 80岁 城关街道50\n2李某兰 女 81岁 城关街道50\n"
    assert not [n for n in recognize_numbers(persons, lex) if n.unit == "元/月"]


def test_a_count_word_after_the_last_bracketed_head_counts_and_a_yearly_amount_is_a_unit(lex):
    text = ("序号 镇（街） 项目名称 投资（万元） 受益人数\n1 雄州街道 水南社区长者饭堂提质改造 18.6 420\n"
            "2 乌迳镇 新田村儿童之家提升改造 9.5 136\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("186000", "元", "投资"), ("420", "人", "受益人数"),
                     ("95000", "元", "投资"), ("136", "人", "受益人数")], found
    yearly = "序号 地区 城市低保标准（元/月） 农村低保标准（元/年）\n1 祁连县 830 6600\n2 海晏县 825 6540\n"
    assert [(str(n.value), n.unit) for n in recognize_numbers(yearly, lex)] == [
        ("830", "元/月"), ("6600", "元/年"), ("825", "元/月"), ("6540", "元/年")]


def test_a_parts_columns_count_in_the_unit_of_the_column_they_are_part_of(lex):
    rows = "1 抚远镇 2136 1865420.70 1426380.50 439040.20\n"
    declared = "单位：人次、元\n序号 乡镇 救助人次 救助金额（元） 其中：住院 门诊\n" + rows
    bracketed = "序号 乡镇 救助人次（人次） 救助金额（元） 其中：住院 门诊\n" + rows
    for text in (declared, bracketed):
        found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
        assert found[2:] == [("1426380.5", "元", "住院救助金额"), ("439040.2", "元", "门诊救助金额")], found
    # parts that add up to another column's cell than the one before them are its parts
    counts = "序号 街镇 救助人次（人次） 救助金额（元） 其中：急难型 支出型\n1 昌元街道 412 836400 96 316\n"
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(counts, lex)]
    assert found[2:] == [("96", "人次", "急难型救助人次"), ("316", "人次", "支出型救助人次")], found


def test_a_declared_list_that_repeats_a_unit_gives_each_column_the_unit_in_its_place(lex):
    text = "各街道（镇）实施情况如下（单位：名、名、人次）：\n街道（镇） 志愿者人数 结对服务老人数 上门探访人次\n江宁路街道 168 840 42360\n"
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("168", "名", "志愿者人数"), ("840", "名", "结对服务老人数"), ("42360", "人次", "上门探访人次")], found


def test_a_fall_in_a_rows_cells_keeps_its_sign_and_the_table_goes_on(lex):
    text = ("表1 部分街镇长护险享受待遇情况\n街镇 享受待遇人数（人） 同比（%） 居家上门服务（万人次）\n"
            "中山街道 1207 -2.1 30.2\n广富林街道 872 12.6 21.5\n")
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("1207", "人"), ("-2.1", "%"), ("302000", "人次"), ("872", "人"), ("12.6", "%"), ("215000", "人次")]


def test_a_count_word_column_under_a_declared_unit_counts_in_that_unit_and_magnitude(lex):
    text = ("单位：万人\n项目  年末参保人数  比上年增长（%）\n城镇职工基本养老保险  22.6  3.7\n"
            "城乡居民基本养老保险  41.3  -0.6\n")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("226000", "人", "年末参保人数"), ("3.7", "%", "比上年增长"),
                     ("413000", "人", "年末参保人数"), ("-0.6", "%", "比上年增长")], found


def test_a_table_whose_unit_column_names_bodies_reads_its_counts_and_a_dash_as_an_empty_cell(lex):
    # 单位 here names the paying employer, not a unit; 人数 counts 人 without a bracket
    text = ("序号 项目 单位 人数 金额（万元）\n1岗位补贴 南湖区青禾物流有限公司15 2.25\n"
            "2创业担保贷款贴息 江北农村商业银行—17.80\n3求职创业补贴—40 4.00\n合计——55 24.05\n"
            "注：单位栏为“—”的，为个人申领。\n")
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("15", "人"), ("22500", "元"), ("178000", "元"), ("40", "人"), ("40000", "元")], found


def test_a_head_of_words_alone_counts_in_its_count_word_and_its_share_columns_keep_their_percent(lex):
    text = "表1 投诉分类统计\n诉求类别 件数 占比 办结率\n住房保障312 41.6% 97.1%\n医疗卫生98 13.1% 100%\n"
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("312", "件", "件数"), ("41.6", "%", "占比"), ("97.1", "%", "办结率"),
                     ("98", "件", "件数"), ("13.1", "%", "占比"), ("100", "%", "办结率")], found


def test_a_note_under_a_tables_rows_ends_them(lex):
    text = ("序号 名称 地址 服务人数（人） 负责人\n1 东湖镇康复站 东湖镇新村综合楼一楼 48 周敏\n"
            "2 西岭镇康复站 西岭镇中心社区二楼 39 吴强\n注：服务人数为截至2024年12月底的人数。\n")
    found = _values_and_units(text, lex)
    assert found == [("48", "人"), ("39", "人")], found


def test_a_standards_table_by_grade_reads_each_grades_rate(lex):
    text = "照料护理标准分三档：\n档次 标准（元/人·月）\n全自理 180\n半护理 460\n"
    found = _values_and_units(text, lex)
    assert found == [("180", "元/人·月"), ("460", "元/人·月")], found


def test_persons_counted_with_wei_and_rates_per_day_household_or_meal_but_no_rank(lex):
    text = ("志愿者为26位独居老人上门服务，四位一体推进。救助人数居前10位，列前3位。"
            "护理费65元/日，补助400元/户，每餐收费8元/餐。新建互助养老点三处。")
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("26", "位"), ("65", "元/日"), ("400", "元/户"), ("8", "元/餐"), ("3", "处")], found


def test_an_amount_after_the_yuan_sign_is_in_yuan_once(lex):
    text = "中标金额：人民币玖拾捌万陆仟元整（¥986,000.00）\n代理费：￥9,860.00\n"
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("986000", "元"), ("9860", "元")], found


def test_a_column_of_kinds_of_work_holds_words_though_it_ends_in_a_unit(lex):
    text = "序号 培训机构 工种 人数 补贴金额（元）\n1 南陵县阳光职业培训学校 育婴员 42 63000\n2 南陵县阳光职业培训学校 电工 30 60000\n"
    found = _values_and_units(text, lex)
    assert found == [("42", "人"), ("63000", "元"), ("30", "人"), ("60000", "元")], found


def test_a_units_column_rows_name_may_bracket_figures_of_its_own(lex):
    text = "项目 单位 人数 金额（万元）\n高龄津贴（80—89周岁） 人 6210 93.15\n高龄津贴（100周岁及以上） 人 12 2.16\n"
    found = _values_and_units(text, lex)
    assert found == [("6210", "人"), ("931500", "元"), ("12", "人"), ("21600", "元")], found


def test_a_fields_value_counts_in_the_unit_its_label_brackets(lex):
    text = "责任单位：市民政局\n投资（万元）：1260\n代理服务收费金额（元）：18,400.00\n"
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [("12600000", "元", "投资"), ("18400", "元", "代理服务收费金额")], found


def test_a_score_ends_its_clause_and_a_time_of_day_or_a_fraction_is_none(lex):
    text = ("评审得分：88.5分。村民参加志愿服务每次积3分，累计发放积分2.4万分。"
            "开标时间为2025年6月3日9时30分。三分之一的老人步行15分钟可达。")
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex) if n.unit == "分"]
    assert found == [("88.5", "分"), ("3", "分"), ("24000", "分")], found


def test_copies_on_a_distribution_list_or_a_print_note_are_no_figures(lex):
    text = ("全年发放救助金300万元。\n抄 送：市政协提案委员会（2份），市政府督查室（1份），\n"
            "委员所在县（市、区）政府、政协各1份。\n（共印40份）\n全县新建助餐点12个。")
    found = _values_and_units(text, lex)
    assert found == [("3000000", "元"), ("12", "个")], found


def test_one_chinese_numeral_ending_its_clause_counts_but_a_rank_or_a_slogan_does_not(lex):
    text = "全市建成“青翼家园”七个，新建老年助餐点十个。坚持两个确保，成绩提到了前十名。低保标准再提高百分之五以上。"
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("7", "个"), ("10", "个"), ("5", "%")], found


def test_a_declared_list_of_one_unit_a_column_gives_them_in_order(lex):
    text = "各乡镇儿童关爱服务情况（单位：个、名、人次）\n乡镇 儿童之家 儿童主任 服务人次\n城关镇 22 24 6840\n桃溪镇 25 26 5312\n"
    found = _values_and_units(text, lex)
    assert found == [("22", "个"), ("24", "名"), ("6840", "人次"), ("25", "个"), ("26", "名"), ("5312", "人次")], found


def test_under_a_list_of_sites_and_people_a_site_head_counts_sites_and_a_service_people(lex):
    # the 人 of 残疾人之家 names no unit; 托养服务 counts the people served, not sites
    text = "（单位：个、人）\n镇\t残疾人之家\t托养服务\t辅具适配人数\n城关镇\t3\t56\t238\n侯庙镇\t2\t38\t176\n"
    found = _figures_with_indicators(text, lex)
    assert found == [("3", "个", "残疾人之家"), ("56", "人", "托养服务"), ("238", "人", "辅具适配人数"),
                     ("2", "个", "残疾人之家"), ("38", "人", "托养服务"), ("176", "人", "辅具适配人数")], found


def test_under_a_declared_list_a_head_names_its_unit_in_its_bracket(lex):
    text = ("单位：人、万元\n序号 街镇 补助对象（高龄失能老年人，人） 补助金额（万元）\n"
            "1 古南街道 620 219.8\n2 文龙街道 540 192.4\n")
    found = _values_and_units(text, lex)
    assert ("2198000", "元") in found and ("1924000", "元") in found, found


def test_a_declared_list_of_a_count_and_a_rate_gives_the_rate_column_its_percent(lex):
    text = "助餐点建设进度见下表（单位：个、%）：\n乡镇（街道） 年度任务 已建成 完成率\n东城街道 4 3 75.0\n西城街道 2 2 100.0\n"
    found = _values_and_units(text, lex)
    assert found == [("4", "个"), ("3", "个"), ("75", "%"), ("2", "个"), ("2", "个"), ("100", "%")], found


def test_a_declared_list_of_people_and_other_counts_gives_heads_of_people_the_unit_of_people(lex):
    # 低保对象 and 招生数 count people (人); 临时救助 and 学校数 the list's other count
    text = ("表1 各镇（街）社会救助资金使用情况\n（单位：人、人次、万元）\n"
            "序号 镇（街） 低保对象 低保资金 临时救助 临时救助资金\n1 宝平街道 532 451.08 236 35.10\n\n"
            "表2 各级各类学校基本情况\n单位：所、人\n类别 学校数 招生数 毕业生数\n普通初中 28 5472 5615\n")
    found = _figures_with_indicators(text, lex)
    assert found == [("532", "人", "低保对象"), ("4510800", "元", "低保资金"), ("236", "人次", "临时救助"),
                     ("351000", "元", "临时救助资金"), ("28", "所", "学校数"), ("5472", "人", "招生数"),
                     ("5615", "人", "毕业生数")], found


def test_heads_of_counts_alone_under_one_declared_unit_count_in_it(lex):
    # （单位：户） over 乡镇（街道）｜任务数｜完成数: the counts are households
    text = "各乡镇（街道）完成情况如下（单位：户）：\n乡镇（街道）｜任务数｜完成数\n昭阳街道｜34｜36\n通泰街道｜30｜31\n"
    found = _figures_with_indicators(text, lex)
    assert found == [("34", "户", "任务数"), ("36", "户", "完成数"), ("30", "户", "任务数"), ("31", "户", "完成数")], found
    # a head of money under a unit of money
    text = "表1　主要救助资金发放情况（单位：万元）\n项目　　金额\n城乡低保金　9856.2\n特困供养金　3278.5\n"
    found = _figures_with_indicators(text, lex)
    assert found == [("98562000", "元", "金额"), ("32785000", "元", "金额")], found


def test_a_declared_list_of_units_may_be_set_apart_by_semicolons(lex):
    text = "单位：名；件\n镇（街）　康复救助人数　辅具适配件数\n台城街道　96　238\n"
    found = _figures_with_indicators(text, lex)
    assert found == [("96", "名", "康复救助人数"), ("238", "件", "辅具适配件数")], found


def test_a_projects_figure_that_runs_into_its_lead_bodys_name_is_its_columns(lex):
    # 投资（万元）｜牵头单位: with the bars gone, 680 runs into 县残联
    text = normalize("序号｜项目名称｜目标任务｜投资（万元）｜牵头单位｜完成时限\n一、兜底保障类\n"
                     "1｜残疾儿童康复救助项目｜为260名残疾儿童实施康复救助｜680｜县残联｜2025年12月底\n"
                     "2｜困难群众救助提标工程｜发放低保金不少于1.35亿元｜13500｜县民政局｜2025年12月底\n").text
    names = [(m.start, m.end) for m in _orgs(text, lex)]
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex, names=names)]
    assert ("6800000", "元", "投资") in found and ("135000000", "元", "投资") in found, found
    assert len([f for f in found if f[2] == "投资"]) == 2, found


def test_a_year_after_a_bracketed_unit_opens_the_next_columns_head_and_00_is_no_figure(lex):
    # 2024年完成数（人） 2025年目标任务（人）: not 2025 人; 完成率1|00%: the tail of a broken 100%, not 0 %
    text = "序号 乡镇（街道） 2024年完成数（人） 2025年目标任务（人）\n1 玉屏街道 33 32\n"
    found = _values_and_units(text, lex)
    assert ("2025", "人") not in found and ("32", "人") in found, found
    assert recognize_numbers("完成率1\n00%。", lex) == []


def test_a_head_line_wrapped_under_a_declared_list_of_units_goes_on_below(lex):
    text = ("（单位：人、人次、万元）\n序号 镇（街） 低保对象 低保资金 特困人员 特困资金\n临时救助 临时救助资金\n"
            "1 宝平街道 532 451.08 41 68.25 236 35.10\n")
    found = _figures_with_indicators(text, lex)
    assert found[-2:] == [("236", "人次", "临时救助"), ("351000", "元", "临时救助资金")], found
    assert len(found) == 6, found


def test_a_borrower_column_holds_names_and_the_rows_figures_count_in_their_heads_units(lex):
    text = "序号 借款人 贷款金额（万元） 贴息金额（元） 所在乡镇\n1 周立伟 20 1200.00 杨岗镇\n2 高秀云 15 900.00 东诚镇\n"
    normalized = normalize(text).text
    found = [(str(n.value), n.unit) for n in recognize_numbers(normalized, lex)]
    assert found == [("200000", "元"), ("1200", "元"), ("150000", "元"), ("900", "元")], found
    assert {m.text for m in recognize_persons(normalized, lex, [])[0]} == {"周立伟", "高秀云"}


def test_a_rows_name_may_bracket_a_count_of_its_own_and_a_fee_per_time_is_a_rate(lex):
    text = "序号 项目 单位 人数 金额（万元）\n1 学前教育幼儿资助 其他乡镇中心幼儿园（6所） 71 3.55\n2 学前教育幼儿资助 城区幼儿园 40 2.00\n"
    found = [(str(n.value), n.unit) for n in recognize_numbers(normalize(text).text, lex) if n.unit != "所"]
    assert found == [("71", "人"), ("35500", "元"), ("40", "人"), ("20000", "元")], found
    found = [(str(n.value), n.unit) for n in recognize_numbers("上门助浴收费60元/次。", lex)]
    assert found == [("60", "元/次")], found


def test_a_rate_per_thousand_is_a_rate(lex):
    found = [(str(n.value), n.unit) for n in recognize_numbers("婴儿死亡率2.86‰，5岁以下儿童死亡率3.95‰。", lex)]
    assert found == [("2.86", "‰"), ("3.95", "‰")], found


def test_how_often_something_is_done_is_no_part_of_a_programs_name(lex):
    text = "市政府办公室负责统筹调度，每月调度一次项目进展。每季度开展“银龄助餐”项目督查。"
    names = _program_names(lex, text)
    assert not any(n.startswith(("每月", "每季度", "一次")) for n in names), names


def test_a_plan_to_build_and_an_insurance_institution_name_no_program(lex):
    text = ("据统计，2024年婺城区计划建设家庭养老床位300张。委托中国人民健康保险股份有限公司湛江中心支公司"
            "两家商业保险机构参与经办。实施“阳光家园”计划。")
    names = _program_names(lex, text)
    assert not any(n.endswith(("区计划", "商业保险")) for n in names), names


def test_one_chinese_numeral_before_a_unit_of_events_is_a_count_but_not_one_or_an_ordinal(lex):
    text = ("开展食品安全联合检查两轮，举办专场招聘会八场，开展一次督查，第三期培训班开班。"
            "在市人大常委会第二十一次会议上，第一百二十次主任会议。")
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("2", "轮"), ("8", "场")]


def test_numbers_indicator_phrase(lex):
    text = "2023年开展各种形式的学生个案咨询19478人次，新建12块社会足球场。"
    by_value = {n.value: n.indicator for n in recognize_numbers(text, lex)}
    assert by_value[Decimal(19478)] == "学生个案咨询"
    assert "社会足球场" in by_value[Decimal(12)]


def test_the_indicator_trim_never_cuts_into_a_word_at_the_phrase_edge(lex):
    text = "老年人签约9860人，全市在岗职工12万人，达成就业意向356人。"
    found = [n.indicator for n in recognize_numbers(text, lex)]
    assert found == ["老年人签约", "在岗职工", "达成就业意向"]


def test_organizations_joined_by_a_conjunction_after_a_head_are_two(lex):
    orgs = _orgs("九江市妇幼保健院与九江市残疾人康复中心合作开展早期筛查。", lex)
    assert [m.text for m in orgs] == ["九江市妇幼保健院", "九江市残疾人康复中心"]
    # a conjunction inside a name, not after a head, stays in it
    assert [m.text for m in _orgs("九江市人力资源和社会保障局开展培训。", lex)] == ["九江市人力资源和社会保障局"]


def test_a_verb_before_a_generic_facility_is_not_a_name(lex):
    assert _orgs("截至年底，全市新建社区养老服务中心三十二个。", lex) == []
    assert _orgs("浔阳区新建社区养老服务中心5个，新增助餐点12个。", lex) == []
    # 新建 inside a place's full name is no boundary
    assert [m.text for m in _orgs("新建区民政局开展走访。", lex)] == ["新建区民政局"]


def test_short_place_names_that_are_common_words_are_not_proper_names(lex):
    # 合作 (合作市), 资源 (资源县): words of the genre, not evidence of a name
    assert _orgs("两家单位合作服务中心建设。", lex) == []
    assert "合作" not in lex.short_places and "新建" not in lex.short_places
    assert "新乡" in lex.short_places


def test_a_quoted_program_name_ends_where_a_predicate_starts(lex):
    text = "“残疾人辅助器具适配”两项工作列入市级民生实事项目。"
    names = [m.text for m in recognize_programs(text, lex)]
    assert not any("列入" in n for n in names), names
    text = "我们实施“锡惠匠心”新就业形态劳动者技能提升行动。"
    assert [m.canonical for m in recognize_programs(text, lex)] == ["锡惠匠心新就业形态劳动者技能提升行动"]


def test_a_policy_title_keeps_its_title_marks_as_an_alias(lex):
    [m] = recognize_policies("印发《九江市残疾儿童康复救助实施办法》。")
    assert (m.text, m.canonical, m.alias) == ("九江市残疾儿童康复救助实施办法", "九江市残疾儿童康复救助实施办法",
                                              "《九江市残疾儿童康复救助实施办法》")


def test_youth_palaces_and_national_party_bodies_are_organizations(lex):
    assert [m.text for m in _orgs("由团市委牵头、九江市青少年宫具体实施。", lex)] == ["团市委", "九江市青少年宫"]
    [m] = [m for m in _orgs("认真贯彻党中央决策部署。", lex)]
    assert m.canonical == "中国共产党中央委员会"


def test_the_statutory_kinds_of_social_assistance_are_national_programs(lex):
    found = {m.canonical for m in recognize_programs("做好教育救助、住房救助和就业救助，开展受灾人员救助。", lex)}
    assert {"教育救助", "住房救助", "就业救助", "受灾人员救助"} <= found


def test_national_short_forms_and_campaign_days_are_national_programs(lex):
    text = ("以第三十四次全国助残日为契机，足额发放残疾人两项补贴，基本医保参保率稳定在95%以上，"
            "为适龄妇女开展“两癌”免费筛查，新建农村互助幸福院12个。")
    found = {m.canonical for m in recognize_programs(text, lex) if m.rule == "program.national"}
    assert found == {"全国助残日", "残疾人两项补贴", "基本医疗保险", "两癌筛查", "农村互助幸福院"}


def test_the_employee_and_resident_care_insurances_are_their_own_national_programs(lex):
    text = "职工长期护理保险和城乡居民长期护理保险同步推进，长期护理保险覆盖全市。"
    found = [(m.text, m.canonical) for m in recognize_programs(text, lex) if m.rule == "program.national"]
    assert found == [("职工长期护理保险", "职工长期护理保险"), ("城乡居民长期护理保险", "居民长期护理保险"),
                     ("长期护理保险", "长期护理保险")]


def test_screening_named_with_its_women_is_the_national_screening(lex):
    found = [(m.text, m.canonical) for m in recognize_programs("完成农村适龄妇女“两癌”免费筛查1.2万人。", lex)]
    assert found == [("农村适龄妇女“两癌”免费筛查", "两癌筛查")]


def test_the_medical_insurance_and_womens_rights_hotlines_are_national_brands(lex):
    assert _program_names(lex, "开通12393医保服务热线，畅通12338妇女儿童维权热线。") == {
        "12393医保服务热线", "12338妇女维权公益服务热线"}


def test_the_national_employment_campaigns_keep_their_whole_names(lex):
    text = "深入实施高校毕业生等青年就业服务攻坚行动，开展百日千万招聘专项行动和民营企业服务月活动。"
    found = {m.canonical for m in recognize_programs(text, lex) if m.rule == "program.national"}
    assert found == {"高校毕业生等青年就业服务攻坚行动", "百日千万招聘专项行动", "民营企业服务月"}


def test_a_provinces_service_app_is_one_platform(lex):
    found = {m.canonical for m in recognize_programs("群众可通过“皖事通”APP或冀时办在线申请，也可登录国家医保服务平台APP查询。", lex)}
    assert found == {"皖事通", "冀时办", "国家医保服务平台"}


def test_a_place_and_a_program_head_alone_are_not_a_program(lex):
    assert recognize_programs("浔阳区计划新建助餐点10个。", lex) == []
    assert recognize_programs("彭泽县、湖口县两地驿站服务量分别增长。", lex) == []


def test_organization_names_from_the_second_probe(lex):
    assert [m.canonical for m in _orgs("团九江市委召开会议。", lex)] == ["共青团九江市委员会"]
    assert [m.text for m in _orgs("九江市儿童福利院收养儿童32名。", lex)] == ["九江市儿童福利院"]
    # 所属 and 的 end a name on its left
    assert "九江市残疾人就业服务中心" in [m.text for m in _orgs("市残联所属九江市残疾人就业服务中心开展培训。", lex)]
    assert [m.text for m in _orgs("位于浔阳街道的浔阳街道综合养老服务中心设置床位48张。", lex)] == ["浔阳街道综合养老服务中心"]


def test_a_proposal_in_title_marks_is_not_a_policy(lex):
    assert recognize_policies("对《关于促进残疾人就业增收的建议》答复如下。") == []


def test_a_leading_verb_is_not_part_of_a_program_name(lex):
    names = [m.text for m in recognize_programs("培育县级志愿服务品牌项目5个。", lex)]
    assert not any(n.startswith("培育") for n in names), names


def test_organization_names_from_the_third_probe(lex):
    # a name starts neither inside a boundary word (建成县级: not the county 成县) nor at 县级/省级
    assert _orgs("2024年，全市建成县级社会心理服务中心7个。", lex) == []
    assert [m.text for m in _orgs("浔阳街道社区养老服务中心被评为江西省级示范社区养老服务中心。", lex)] == [
        "浔阳街道社区养老服务中心"]
    # a quote opened before the name
    assert _orgs("“孩子白天在中心，家长安心去上班。”", lex) == []
    assert [m.canonical for m in _orgs("国家卫生健康委等部门印发通知。", lex)] == ["国家卫生健康委员会"]
    assert [m.text for m in _orgs("区教体局牵头实施。", lex)] == ["区教体局"]


def test_the_national_psychological_hotline_is_one_program(lex):
    found = recognize_programs("全国统一心理援助热线12356在我市开通，加强12356心理援助热线接线员培训。", lex)
    assert {m.canonical for m in found} == {"12356心理援助热线"}


def test_project_sites_are_counted_not_named(lex):
    assert [m.text for m in recognize_programs("将老年心理关爱行动项目点扩大到50个。", lex)] == ["老年心理关爱行动"]


def test_a_transcript_host_line_is_speech_not_a_name(lex):
    assert _person_names(lex, "主持人：谢谢李局长。下面请市民政局赵主任介绍。") == []
    assert _person_names(lex, "主持人：王海燕\n签发人：郭建国\n") == ["王海燕", "郭建国"]


def test_a_quoted_program_keeps_its_descriptor_and_the_quote_as_an_alias(lex):
    [m] = recognize_programs("团县委开展“青春暖童心”志愿服务活动12场。", lex)
    assert (m.canonical, m.alias) == ("青春暖童心志愿服务活动", "青春暖童心")


def test_a_county_named_like_a_verb_is_the_verb_outside_its_region(lex):
    def places(text):
        ctx = _ctx(text, lex)
        return [m.text for m in recognize_locations(text, lex, ctx)]

    assert "会同县" not in places("河池市东兰县召开会议。由县民政局牵头，会同县财政局、县妇联开展。")
    assert "会同县" in places("怀化市会同县召开会议，会同县民政局开展走访。")


def test_organization_names_from_the_fifth_probe(lex):
    assert [m.text for m in _orgs("由中国人寿保险股份有限公司九江分公司经办大病保险。", lex)] == [
        "中国人寿保险股份有限公司九江分公司"]
    assert [m.text for m in _orgs("街道将继续与同心社会工作服务中心合作。", lex)] == ["同心社会工作服务中心"]
    assert [m.text for m in _orgs("浔阳街道办事处坚持以人民为中心，推进服务。", lex)] == ["浔阳街道办事处"]
    assert recognize_programs("完成2024年残疾人民生实事项目。", lex) == []


def test_program_heads_after_a_verb_of_the_sixth_probe(lex):
    assert recognize_programs("市住建局牵头制定年度改造计划。", lex) == []
    assert not [m for m in recognize_programs("为符合条件的个人发放社会保险补贴。", lex) if "发放" in m.text]


def test_bylines_name_reporters_and_editors(lex):
    assert _person_names(lex, "九江县融媒体中心讯（记者覃丽通讯员蓝海生）本月以来。") == ["覃丽", "蓝海生"]
    assert _person_names(lex, "（责任编辑：陆燕）") == ["陆燕"]


def test_persons_quoted_after_a_post_or_as_residents(lex):
    assert _person_names(lex, "社区负责人、社工黄丽告诉记者，驿站已开放。") == ["黄丽"]
    assert _person_names(lex, "副市长刘建东先后3次到市民政局调研。") == ["刘建东"]
    assert _person_names(lex, "“现在方便多了。”居民王秀英说。") == ["王秀英"]
    # a form of address is no name, and a post before a verb of degree is no person
    assert _person_names(lex, "市民张先生说，饭菜可口。") == []
    assert _person_names(lex, "站长高度重视，全程参与。") == []


def test_names_ending_in_a_stop_character_only_before_its_word(lex):
    assert _person_names(lex, "签发人：韩志强\n") == ["韩志强"]
    assert _person_names(lex, "市民政局局长韩志强调，要兜牢底线。") == ["韩志"]


def test_contact_lines_name_the_unit_of_the_contact(lex):
    text = "联系人：王晓燕，市民政局养老服务科；联系电话：0710-3512806\n联系人：市总工会权益保障部 王丽娜\n"
    orgs = _orgs(text, lex)
    persons, posts = recognize_persons(text, lex, orgs)
    units = {(persons[p.person].text, orgs[p.organization].text) for p in posts if p.organization is not None}
    assert units == {("王晓燕", "市民政局养老服务科"), ("王丽娜", "市总工会权益保障部")}


def test_a_contact_line_may_name_a_second_unit_and_contact_after_a_semicolon(lex):
    text = "联系人：市妇联儿童工作部 陈晓琳（副部长），电话：0766-8812356；市民政局儿童福利科 黄志鹏（科长），电话：0766-8823417。\n"
    orgs = _orgs(text, lex)
    persons, posts = recognize_persons(text, lex, orgs)
    units = {(persons[p.person].text, orgs[p.organization].text) for p in posts if p.organization is not None}
    assert units == {("陈晓琳", "市妇联儿童工作部"), ("黄志鹏", "市民政局儿童福利科")}, units


def test_web_page_buttons_are_not_speaker_tags(lex):
    assert recognize_persons("【打印】【关闭】\n【关闭窗口】", lex, [])[0] == []
    assert [m.text for m in recognize_persons("【王海燕】我们会继续做好。", lex, [])[0]] == ["王海燕"]


def test_the_primary_and_secondary_schools_of_a_place_or_each_school_are_no_body(lex):
    found = _org_canonicals("市教育局会同黄淮学院为驻马店市中小学培训心理教师，覆盖全区中小学校120所。"
                            "责任单位：市直各学校。", lex)
    assert "黄淮学院" in found
    assert not [name for name in found if "中小学" in name or "学校" in name]


def test_a_place_in_brackets_heads_a_part_of_a_story_and_is_no_speaker(lex):
    assert _person_names(lex, "【景德镇】瓷泥里捏出新生活\n【萍乡】工坊开到家门口") == []


def test_an_aged_person_may_be_qualified_before_the_word_for_who_they_are(lex):
    assert _person_names(lex, "在前进村，68岁的听力残疾人王秀英拉着工作人员的手。78岁的独居老人庞秀英端着餐盘，"
                              "62岁的居民胡秋菊打开手机。") == ["王秀英", "庞秀英", "胡秋菊"]


def test_a_post_and_a_name_before_zai_or_a_reckoning_make_a_person(lex):
    assert _person_names(lex, "副县长赵月英在全县养老服务工作会议上强调。公司负责人韦建华算了一笔账。") == ["赵月英", "韦建华"]
    # 和 is a surname, but 和家长/和孩子 after a speaker word are a conjunction and a noun
    assert _person_names(lex, "让老人和孩子在家门口感受温暖，心理教师和家长在课后交流。") == []


def test_a_national_hotline_with_its_number_in_quotes_is_the_brand_and_its_surface_its_span(lex):
    text = "全国统一启用“12356”心理援助热线号码，拨打“12355”热线。"
    found = [m for m in recognize_programs(text, lex) if m.rule == "program.brand"]
    assert [(m.text, m.canonical) for m in found] == [("“12356”心理援助热线", "12356心理援助热线"),
                                                      ("“12355”热线", "12355青少年服务台")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_an_honours_title_is_no_program_and_a_teams_predicate_no_part_of_a_name(lex):
    text = ("返乡大学生组成的“边城青年”志愿服务队已连续三年参与暑期关爱活动，先后获评广西壮族自治区优秀志愿服务项目。"
            "市中区入选全国居家和社区基本养老服务提升行动项目地区。该项目获评2023年度湖北省民政领域优秀社会工作服务项目。")
    names = _program_names(lex, text)
    assert not [n for n in names if "边城青年" in n or "优秀志愿服务项目" in n or "优秀社会工作服务项目" in n], names
    assert "居家和社区基本养老服务提升行动" in names


def test_a_year_before_a_place_and_a_quoted_brand_starts_no_program_name(lex):
    assert _program_names(lex, "团市委印发《2024年随州市“随心护苗”暑期爱心托管行动工作方案》。") == {"随心护苗暑期爱心托管行动"}


def test_program_names_from_the_twelfth_probe(lex):
    assert _program_names(lex, "全年举办“南海家长学堂”讲座62场。") == {"南海家长学堂"}
    assert _program_names(lex, "全年举办“青春成长营”12期。") == {"青春成长营"}
    assert _program_names(lex, "在马官镇率先推行“救助服务直通车”，把政策送到家。") == {"救助服务直通车"}
    assert _program_names(lex, "依托“12349”养老服务热线建成平台。") == {"12349养老服务热线"}
    # a heading's number, 行动不便 and a year's work plan are no program names
    assert "建设智慧养老服务平台" not in "".join(_program_names(lex, "（二）建设智慧养老服务平台。"))
    assert _program_names(lex, "为二千三百余名行动不便的重度残疾人送去轮椅。") == set()
    assert _program_names(lex, "三、2025年工作计划\n") == set()


def test_organization_names_from_the_twelfth_probe(lex):
    def orgs(text):
        return {m.canonical or m.text for m in _orgs(text, lex)}

    assert "中国民主同盟宝鸡市委员会" in orgs("宝鸡市人社局答复。民盟宝鸡市委会、张立华委员：")
    assert {"宝鸡市人力资源和社会保障局", "宝鸡市住房和城乡建设局", "宝鸡市税务局",
            "宝鸡市人民政府国有资产监督管理委员会"} <= orgs("宝鸡市召开会议。市人力资源社会保障局、市住房城乡建设局、市税务局、市国资委配合。")
    assert "普定县人民代表大会" in orgs("——2025年1月14日在普定县第十八届人民代表大会第五次会议上")
    assert "共青团西樵镇委员会" in orgs("佛山市南海区西樵镇召开会议。西樵镇团委书记谭伟锋说。")


def test_a_conjunction_before_a_place_or_a_level_starts_a_new_name(lex):
    names = [m.text for m in _orgs("晋中市平遥县。平遥县古陶镇东关社区康复站与平遥县人民医院结对帮扶。", lex)]
    assert "平遥县人民医院" in names and not any("与" in n for n in names)
    names = [m.text for m in _orgs("吉安市泰和县召开会议。公布12355热线和县未成年人心理健康辅导中心的电话。", lex)]
    assert "县未成年人心理健康辅导中心" in names


def test_a_quoted_name_a_body_works_through_or_a_named_lecture_is_a_program(lex):
    names = {m.canonical for m in recognize_programs("由区教体局牵头，以“阳光心苑”学校心理辅导站标准化建设为抓手。", lex)}
    assert names == {"阳光心苑"}
    names = {m.canonical for m in recognize_programs("这是县妇联组织的“家校共育·护苗成长”家庭教育巡回讲座。", lex)}
    assert names == {"家校共育·护苗成长家庭教育巡回讲座"}
    assert recognize_programs("以“三个一”为原则。", lex) == []


def test_quoted_names_next_to_other_names_and_colourful_numerals(lex):
    found = {m.canonical for m in recognize_programs(
        "团市委依托“青少年之家”和12355青少年服务台，开展“七彩假期”志愿服务活动。", lex)}
    assert "12355青少年服务台" in found and "七彩假期志愿服务活动" in found
    assert not any("和" in n for n in found)
    assert recognize_programs("全面推行“三个一”工作法。", lex) == []
    assert recognize_programs("对特困人员实行动态管理。", lex) == []


def test_autonomous_divisions_by_their_common_names_and_short_counties_in_place_lists(lex):
    def places(text):
        return [m.canonical for m in recognize_locations(text, lex, _ctx(text, lex))]

    assert "恩施土家族苗族自治州" in places("湖北省民政厅发布。恩施州在恩施市、利川市开展。")
    assert "北川羌族自治县" in places("绵阳市北川县开展助餐服务。")
    assert "单县" in places("山东省团省委发布。菏泽市曹县、单县等农村地区新建站点。")
    assert places("吉林省长春市召开会议，郊区、城区的老人。") == ["吉林省", "长春市"]


def test_persons_from_the_fifteenth_probe(lex):
    assert _person_names(lex, "省民政厅党组成员、副厅长周立新出席。") == ["周立新"]
    assert _person_names(lex, "也有人照顾我们。”刘建国笑着说。") == ["刘建国"]
    assert _person_names(lex, "62岁的居民胡秋菊打开手机，向记者展示她的账户。") == ["胡秋菊"]
    assert _person_names(lex, "市教育局党组成员、副局长孟庆和多次带队赴巴林右旗。") == ["孟庆和"]
    assert _person_names(lex, "三井街道总工会副主席郑茜忧心地说。") == ["郑茜"]
    # a credit label needs its colon; joined byline names still split
    assert _person_names(lex, "负责两项补贴的资格审核和动态管理。") == []
    assert _person_names(lex, "本报讯（记者周婷通讯员陈思远刘畅）") == ["周婷", "陈思远", "刘畅"]


def test_a_city_body_in_a_province_document_is_of_the_city_its_sentence_names(lex):
    text = "湖北省民政厅发布。武汉市、黄石市开展。在十堰市，市民政局联合市残联推进。孝感市由团市委牵头。市民政局另行开展。"
    canon = [m.canonical for m in _orgs(text, lex)]
    assert canon[1:] == ["十堰市民政局", "十堰市残疾人联合会", "共青团孝感市委员会", "武汉市民政局"]


def test_community_and_village_committees_are_organizations(lex):
    text = "许昌市魏都区五一路街道。健康路社区党委书记张慧敏说。七一路社区居委会开展。尚庄村党支部组织。全市社区党委。各村委会。"
    assert [m.text for m in _orgs(text, lex)] == ["健康路社区党委", "七一路社区居委会", "尚庄村党支部"]


def test_a_quoted_facility_brand_is_a_program(lex):
    assert _program_names(lex, "建设路社区的“颐养食堂”里已飘出饭菜香。") == {"颐养食堂"}
    assert _program_names(lex, "琵琶亭社区“邻里中心”里格外热闹。") == {"邻里中心"}
    assert _program_names(lex, "依托12385残疾人服务热线受理诉求。") == {"12385残疾人服务热线"}
    assert _program_names(lex, "社区食堂和服务中心开放。") == set()


def test_community_heads_with_two_posts_and_a_quote_before_them(lex):
    text = "黄石市胜阳港街道。“好。”湖滨社区党委书记、居委会主任陈丽华说。"
    orgs = _orgs(text, lex)
    persons, posts = recognize_persons(text, lex, orgs)
    assert [(persons[p.person].text, orgs[p.organization].text) for p in posts] == [("陈丽华", "湖滨社区党委")]


def test_a_document_naming_many_cities_evenly_is_regional(lex):
    assert _ctx("湖北省民政厅发布。武汉市、黄石市、十堰市、荆州市分别新建食堂。", lex).regional
    assert not _ctx("新乡市召开会议。新乡市民政局与郑州市、洛阳市交流。新乡市推进。", lex).regional


def test_long_departments_of_bureaus_and_hospitals_with_their_parents(lex):
    names = [m.text for m in _orgs("邯郸市召开会议。邯郸市第七医院儿童青少年心理科主任王海燕说。", lex)]
    assert names == ["邯郸市第七医院", "邯郸市第七医院儿童青少年心理科"]
    names = [m.text for m in _orgs("烟台市教育局体育卫生与艺术教育处副处长陈晓梅介绍。", lex)]
    assert "烟台市教育局体育卫生与艺术教育处" in names


def test_a_head_verb_right_before_the_head_stays_in_the_name(lex):
    assert _program_names(lex, "（四）城镇老旧小区改造提升工程。年度目标：改造85个。") == {"城镇老旧小区改造提升工程"}
    assert _program_names(lex, "（五）“饶有工作”就业促进行动。") == {"饶有工作就业促进行动"}
    assert _program_names(lex, "入选全国居家和社区基本养老服务提升行动项目地区。") == {"居家和社区基本养老服务提升行动"}


def test_persons_and_bodies_from_the_eighteenth_probe(lex):
    assert _person_names(lex, "常务副市长叶林峰，副市长季文涛、毛晓丽，市政府秘书长徐志刚出席。") == [
        "叶林峰", "季文涛", "毛晓丽", "徐志刚"]
    assert _person_names(lex, "力争实现全市中学专职心理教师全覆盖。") == []
    assert _person_names(lex, "来源：泸州市残疾人联合会　　作者：刘小芸　　编辑：陈静") == ["刘小芸", "陈静"]
    assert _person_names(lex, "市人社局党组成员、副局长纳建国介绍。") == ["纳建国"]
    canon = {m.canonical for m in _orgs("宁夏回族自治区石嘴山市召开会议。经验已被自治区人社厅推广。市发展改革委、"
                                        "国网石嘴山供电公司、市公安局交警支队、市图书馆配合。", lex)}
    assert {"宁夏回族自治区人力资源和社会保障厅", "石嘴山市发展和改革委员会", "国网石嘴山供电公司",
            "石嘴山市公安局交通警察支队", "石嘴山市图书馆"} <= canon


def test_a_flattened_table_row_counts_its_bare_numbers_in_the_unit_of_its_label(lex):
    from kg.nlp.recognize.numbers import recognize_numbers

    text = "序号指标名称年度目标完成情况完成率\n1 65岁及以上老年人健康体检人数（万人）28 30.2 107.9%\n3新增老年友善医疗机构（家）20 24 120.0%\n"
    found = [(str(n.value), n.unit) for n in recognize_numbers(text, lex)]
    assert found == [("280000", "人"), ("302000", "人"), ("107.9", "%"), ("20", "家"), ("24", "家"), ("120", "%")]


def test_a_table_with_unit_heads_counts_each_row_in_its_columns_and_skips_the_total(lex):
    from kg.nlp.recognize.numbers import recognize_numbers

    # as normalization leaves it: spaces between CJK and digits are gone
    text = ("表1 2024年各街道完成情况\n街道长者食堂（个）适老化改造（户）就业服务站（个）\n"
            "玉林街道4 86 2\n浆洗街街道3 71 1\n合计7 157 3\n注：未承担任务的街道未列入本表。")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.start > text.index("玉林")]
    assert found == [("4", "个", "长者食堂"), ("86", "户", "适老化改造"), ("2", "个", "就业服务站"),
                     ("3", "个", "长者食堂"), ("71", "户", "适老化改造"), ("1", "个", "就业服务站")]


def test_named_communities_after_a_place_cue_or_in_a_list_but_not_kinds_of_community(lex):
    from kg.nlp.recognize.places import recognize_communities

    def names(text):
        return [m.text for m in recognize_communities(text, lex, None, [])]

    assert names("在健康路社区，文峰路社区、七一路社区开展。") == ["健康路社区", "七一路社区"]
    assert names("家住琵琶亭社区滨江花园小区的居民。") == ["琵琶亭社区", "滨江花园小区"]
    assert names("推进城市社区建设，改造老旧小区，同步建成社区食堂。") == []
    assert names("各示范社区依托社区党群服务中心建设驿站。") == []  # a kind, then a verb and a noun


def test_a_numbered_heading_that_is_a_program_name_names_it_whole(lex):
    text = ("三、儿童康复和助残托养服务项目\n年度目标：新建托养机构3家。\n"
            "（五）实施城乡妇女“两癌”免费筛查项目\n二、主要任务\n1.加强组织领导\n")
    names = _program_names(lex, text)
    assert {"儿童康复和助残托养服务项目", "城乡妇女两癌免费筛查项目"} <= names  # 和 and a quote inside, 实施 cut
    assert "助残托养服务项目" not in names and not any("任务" in n or "领导" in n for n in names)


def test_a_program_a_heading_names_is_mentioned_again_in_running_text(lex):
    text = "三、儿童康复和助残托养服务项目\n市残联牵头，今年儿童康复和助残托养服务项目惠及1200人。\n"
    found = [m for m in recognize_programs(text, lex) if m.canonical == "儿童康复和助残托养服务项目"]
    assert [m.start for m in found] == [2, text.index("今年") + 2]


def test_a_short_name_note_makes_later_mentions_the_program_it_follows(lex):
    text = ("全市开展“金秋暖阳”居家养老服务提升行动（以下简称“提升行动”）。"
            "市财政安排提升行动专项资金300万元，将提升行动纳入考核。")
    found = [m for m in recognize_programs(text, lex) if m.text == "提升行动" or "金秋暖阳" in m.text]
    assert {m.canonical for m in found} == {"金秋暖阳居家养老服务提升行动"}
    assert [m.text for m in found].count("提升行动") == 3  # in the note and twice after it
    assert "财政安排提升行动" not in _program_names(lex, text)
    # a note after two names joined by 和 names both: it is no short name of the last one
    text = "推进困难残疾人生活补贴和重度残疾人护理补贴（以下简称“两项补贴”）提标。"
    assert "重度残疾人护理补贴" not in {m.canonical for m in recognize_programs(text, lex) if m.text == "两项补贴"}


def test_an_organization_name_does_not_run_across_a_group_word_or_a_preposition(lex):
    canon = {m.canonical for m in _orgs("宜春市。向袁州区等地乡镇卫生院派驻医生，区卫健委在全区中小学开展筛查，"
                                        "跟着宜春学院的老师学习。联合宜春职业高等专科学校开展培训。", lex)}
    assert not any("等地" in c or "在全区" in c or c.startswith("跟着") for c in canon)
    assert "宜春职业高等专科学校" in canon  # 等 inside 高等 is no group word


def test_places_listed_before_a_body_share_its_head(lex):
    canon = [m.canonical for m in _orgs("镇江市。责任单位：市城管局，京口区、润州区、丹徒区人民政府。", lex)]
    assert {"京口区人民政府", "润州区人民政府", "丹徒区人民政府"} <= set(canon)
    canon = [m.canonical for m in _orgs("烟台市。向莱阳市、海阳市、栖霞市等地农村学校倾斜。", lex)]
    assert not any(c.startswith(("莱阳市", "海阳市")) for c in canon)


def test_youth_league_names_and_programs_from_the_twenty_third_probe(lex):
    canon = {m.canonical for m in _orgs("南通市召开会议。一是崇川团区委在和平桥街道开展；四是如东县团县委联合县民政局。"
                                        "来源：共青团温州市鹿城区委员会", lex)}
    assert {"共青团崇川区委员会", "共青团如东县委员会", "共青团温州市鹿城区委员会"} <= canon
    assert _program_names(lex, "成功举办第六届“创青春”南通青年创新创业大赛，吸引项目。") == {
        "第六届创青春南通青年创新创业大赛"}
    assert _program_names(lex, "合作推出“青创贷”，试点“青年夜校”。") == {"青创贷", "青年夜校"}
    assert _program_names(lex, "开展“护苗·法治进校园”专项宣讲。") == {"护苗·法治进校园专项宣讲"}


def test_a_post_and_a_name_before_tongzhi_make_a_person(lex):
    assert _person_names(lex, "区委常委、常务副区长刘某平同志对停车场项目进行督办。") == ["刘某平"]
    assert _person_names(lex, "郑州大学公共管理学院教授周某新认为，长者食堂要可持续运营。") == ["周某新"]


def test_an_organization_name_never_spans_the_passive_marker_you(lex):
    text = "怀集县卫生健康局牵头，其中“两癌”筛查由县妇幼保健院具体承担。"
    assert {m.text for m in _orgs(text, lex)} == {"怀集县卫生健康局", "县妇幼保健院"}


def test_a_county_body_after_a_quoted_title_and_a_conjunction_is_the_documents_county(lex):
    text = "怀集县召开会议。根据《肇庆市民生实事考核办法》和县政府办公室印发的方案，县发展改革局民生实事股负责汇总。"
    names = {m.text for m in _orgs(text, lex)}
    assert {"县政府办公室", "县发展改革局民生实事股"} <= names
    assert not any(n.startswith("和县") for n in names)


def test_labelled_project_name_is_a_program(lex):
    assert "运河区2024年度助餐配送服务项目" in _program_names(lex, "二、项目名称：运河区2024年度助餐配送服务项目\n三、采购结果")


@pytest.mark.parametrize("text, name", [
    ("市人社局在两校举办“百校千企”校园招聘会12场。", "百校千企校园招聘会"),
    ("各地推出“莆阳到家”上门服务包，为行动不便的老年人服务。", "莆阳到家上门服务包"),
    ("县残联在白沙镇试点“巧手织梦”助残手工坊，带动残疾人就业。", "巧手织梦助残手工坊"),
    ("（一）“武侯颐养”社区长者食堂建设。目标：新建10个。", "武侯颐养社区长者食堂"),
    ("组织开展“银龄健康达人”评选，评出健康达人50名。", "银龄健康达人评选"),
])
def test_the_head_after_a_quoted_name_completes_it(lex, text, name):
    assert name in _program_names(lex, text)


@pytest.mark.parametrize("text, names", [
    ("衡水市民政局政策解读\n解读人：姚某峰 市民政局党组成员、副局长", ["姚某峰"]),
    ("关于发展普惠托育服务的建议（第0506号，领衔代表：李某慧等6名代表）", ["李某慧"]),
    ("仁寿县残联公示\n联系人：康复部部长　邓某娟", ["邓某娟"]),  # not 康复, the department
    ("南平市第三医院心理科主治医师吴某峰每周固定值守。", ["吴某峰"]),
    ("十件民生实事实行市级领导分包制度，副市长周某新分包第一、七、八项。", ["周某新"]),
])
def test_labels_departments_and_clinical_posts_name_persons(lex, text, names):
    assert _person_names(lex, text) == names


def test_bare_numbers_after_a_unit_declaration_take_that_unit(lex):
    text = ("按户籍所在镇（街道）分（单位：名）：文林街道41怀仁街道36普宁街道29\n"
            "龙正镇27宝飞镇15其余各镇合计87\n"
            "2025年共有12家机构提出申报。")
    found = {(str(n.value), n.unit) for n in recognize_numbers(text, lex)}
    assert {("41", "名"), ("36", "名"), ("29", "名"), ("27", "名"), ("15", "名"), ("87", "名")} <= found
    assert ("2025", "名") not in found  # the next line is prose, not pairs


def test_a_table_under_a_unit_declaration_line_counts_its_rows_bare_numbers_in_that_unit(lex):
    text = ("2024年1—9月各县（区）就业困难人员实现就业情况统计表\n单位：人\n县（区）年度目标任务1—9月完成数 完成率\n"
            "潞州区1500 1392 92.80%\n上党区720 641 89.03%\n合计2220 2033 91.58%\n三、下一步工作要求")
    found = {(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)}
    assert {("1500", "人", "就业困难人员实现就业"), ("641", "人", "就业困难人员实现就业")} <= found, found
    assert not any(v in ("2220", "2033", "1", "9") for v, _, _ in found), found  # the total row, the head


def test_a_numeral_inside_a_place_or_body_name_counts_nothing(lex):
    text = "各镇签约情况：抱由镇6120人，九所镇5230人，五道街社区服务120人。"
    names = [(text.index(n), text.index(n) + len(n)) for n in ("抱由镇", "九所镇", "五道街社区")]
    found = {(str(n.value), n.unit) for n in recognize_numbers(text, lex, names=names)}
    assert {("6120", "人"), ("5230", "人"), ("120", "人")} <= found, found
    assert not any(v in ("9", "5") for v, _ in found), found  # 九所 is no 9 schools, 五道 no 5 roads


def test_a_head_of_two_lines_under_a_unit_list_names_each_column_by_its_group_and_lower_head(lex):
    text = ("表1 2024年两项补贴发放情况\n（单位：人、万元）\n序号 镇（街道） 生活补贴 护理补贴\n"
            "享受人数 发放金额 享受人数 发放金额\n1 太平街道 501 205.19 673 224.37\n"
            "2 城东街道 362 149.60 402 136.47\n合计 863 354.79 1075 360.84\n")
    found = {(str(n.value), n.unit, n.indicator) for n in recognize_numbers(normalize(text).text, lex)}
    assert {("501", "人", "生活补贴享受人数"), ("2051900", "元", "生活补贴发放金额"),
            ("673", "人", "护理补贴享受人数"), ("1364700", "元", "护理补贴发放金额")} <= found, found
    assert not any(v in ("863", "1075") for v, _, _ in found), found  # the total row


def test_a_declared_unit_with_its_magnitude_counts_in_the_base_unit(lex):
    found = {(str(n.value), n.unit) for n in recognize_numbers("服务人次（单位：万人次）：城区1.2乡镇0.8\n", lex)}
    assert {("12000", "人次"), ("8000", "人次")} <= found  # as 1.2万人次 in prose would be


def test_a_declaration_of_several_units_assigns_none(lex):
    text = "资金分配明细（单位：万元、个）：西宁市1240湟中区500"
    assert not any(n.unit == "元" for n in recognize_numbers(text, lex))


@pytest.mark.parametrize("text, expected, excluded", [
    # a list of units: each column the unit its head names (“残疾人之家”数: 家, not the 人 of 残疾人)
    ("2024年上半年各地辅助器具适配及“残疾人之家”运营情况统计表\n（单位：人、家）\n"
     "地区 适配人数 “残疾人之家”数 服务残疾人数\n张家港市 1125 41 902\n常熟市 1310 45 987\n"
     "合计 2435 86 1889\n\n单位：个、万元\n序号 镇（街道） 新建点数 补助金额\n1 玉屏街道 4 26\n2 龙山街道 3 19\n",
     {("1125", "人", "适配人数"), ("41", "家", "残疾人之家数"), ("987", "人", "服务残疾人数"),
      ("4", "个", "新建点数"), ("260000", "元", "补助金额"), ("190000", "元", "补助金额")},
     ("2435", "86", "1889")),
    # 序号 opens the head, 乡镇（街道） runs into 救助人数 once spaces go, and 救助金 counts money
    ("单位：人、元\n序号　乡镇（街道）　救助人数　救助金\n1　东关街道　312　468000\n2　北山镇　207　310500\n",
     {("312", "人", "救助人数"), ("468000", "元", "救助金"), ("207", "人", "救助人数"), ("310500", "元", "救助金")},
     ("1", "2")),
    # one declared unit over numbered rows, the rows' head run into a head that opens on a digit,
    # and the last head wrapped onto a line of its own
    ("附件：2025年度各单位老年人健康管理目标任务分配表\n单位：人\n"
     "序号 责任单位 65岁及以上老年人口数 健康管理目标任务数 中医药健康管理\n目标任务数\n"
     "1 城关街道社区卫生服务中心 21250 14025 15300\n2 南河镇卫生院 9380 6191 6754\n合计 30630 20216 22054\n",
     {("21250", "人", "65岁及以上老年人口数"), ("14025", "人", "健康管理目标任务数"),
      ("6754", "人", "中医药健康管理目标任务数")},
     ("1", "2", "30630")),
])
def test_a_tables_cells_take_their_columns_head_and_unit_and_not_its_total_row(lex, text, expected, excluded):
    found = {(str(n.value), n.unit, n.indicator) for n in recognize_numbers(normalize(text).text, lex)}
    assert expected <= found, found
    assert not any(v in excluded for v, _, _ in found), found


def test_a_list_of_units_at_the_end_of_a_caption_declares_the_columns_below(lex):
    text = normalize("2024年全市各镇（街道）医疗救助实施情况如下（单位：人次、万元）：\n镇（街道）    救助人次    救助金额\n"
                     "金鹅街道    8126    412.5\n古湖街道    7354    386.2\n合计    15480    798.7\n").text
    found = {(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)}
    assert {("8126", "人次", "救助人次"), ("4125000", "元", "救助金额"), ("3862000", "元", "救助金额")} <= found, found
    assert not any(v in ("15480", "7987000") for v, _, _ in found), found  # the total row


def test_a_months_row_under_a_declared_unit_gives_each_cell_its_columns_head(lex):
    text = normalize("四、分月支出情况\n表3 2024年1—6月社会救助资金支出（单位：万元）\n月份 低保金 特困供养金 合计\n"
                     "1月 378.81 58.02 436.83\n2月 384.07 56.71 440.78\n合计 762.88 114.73 877.61\n五、下一步打算\n").text
    found = {(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)}
    assert {("3788100", "元", "低保金"), ("580200", "元", "特困供养金"), ("567100", "元", "特困供养金")} <= found, found
    assert not any(v.startswith(("7628800", "8776100")) for v, _, _ in found), found  # the total row


def test_a_quoted_name_before_a_long_facility_noun_is_a_program(lex):
    assert "彭城颐家" in _program_names(lex, "今年1至7月，全市新建“彭城颐家”社区嵌入式养老服务综合体21个。")


def test_advisers_commissioners_and_quoted_fishermen_are_persons(lex):
    assert "周晓岚" in _person_names(lex, "刚刚领到聘书的社区救助顾问周晓岚接到了第一个咨询电话。")
    assert "韦春梅" in _person_names(lex, "镇残疾人专职委员韦春梅被评为全省优秀专职委员。")
    assert "黄海生" in _person_names(lex, "刚取得证书的渔民黄海生告诉记者，他已经签了合同。")
    assert _person_names(lex, "全市骑手、网约车司机纳入新就业形态职业伤害保障。") == []


def test_party_committees_by_level_or_place_but_not_inside_a_youth_league_name(lex):
    text = "南宁市青秀区。在市委、区政府的领导下，经青秀区委审定，团青秀区委联合团自治区委开展活动，报区委同意。"
    by_text = _org_canonicals(text, lex)
    assert by_text["市委"] == "中共南宁市委员会"
    assert by_text["青秀区委"] == "中共青秀区委员会"
    assert by_text["团青秀区委"] == "共青团青秀区委员会"
    assert "区委" in by_text and by_text["区委"] == "中共青秀区委员会"
    assert not any(t.endswith("自治区委") and not t.startswith("团") for t in by_text)


def test_other_names_of_departments_expand_to_their_full_form(lex):
    text = "台州市召开会议。市人力社保局、市老龄办、市水务局、市教委和市侨联参加。"
    by_text = _org_canonicals(text, lex)
    assert by_text["市人力社保局"] == "台州市人力资源和社会保障局"
    assert by_text["市老龄办"] == "台州市老龄工作委员会办公室"
    assert by_text["市水务局"] == "台州市水务局"
    assert by_text["市教委"] == "台州市教育委员会"
    assert by_text["市侨联"] == "台州市归国华侨联合会"


def test_a_quoted_name_before_a_kind_of_service_outlet_or_training_is_a_program(lex):
    text = "咸宁市人社局开通“咸职帮”求职小程序，设立“湾区岗位”专区，开办“月嫂速成”家政培训班。"
    assert {"咸职帮求职小程序", "湾区岗位", "月嫂速成"} <= _program_names(lex, text)


def test_a_short_name_a_note_gives_a_body_names_that_body_but_not_inside_a_longer_name(lex):
    text = ("玉溪市召开会议。街道委托玉溪市红塔区康乐居家养老服务中心（以下简称康乐中心）上门服务，康乐中心全年服务5120人次。"
            "玉溪市残疾人联合会（以下简称市残联）会同澄江市残联开展活动。")
    orgs = _orgs(text, lex)
    short = [m for m in orgs if m.text == "康乐中心"]
    assert len(short) == 2 and all(m.canonical == "玉溪市红塔区康乐居家养老服务中心" for m in short)
    assert [m.canonical for m in orgs if m.text.endswith("市残联")] == ["玉溪市残疾人联合会", "澄江市残疾人联合会"]


def test_a_name_does_not_start_before_yu_when_a_place_short_name_follows_it(lex):
    text = "玉溪市红塔区凤凰路街道。街道与玉溪玉香园餐饮管理有限公司合作开办长者餐厅。"
    assert "玉溪玉香园餐饮管理有限公司" in {m.text for m in _orgs(text, lex)}


def test_a_post_holder_taking_a_second_post_ends_the_organization_name(lex):
    text = "英山县人民政府办公室。领导小组办公室设在县民政局，县民政局局长方文华任办公室主任。国家二级心理咨询师朱丽娟担任中心主任。"
    names = set(_org_canonicals(text, lex))
    assert not [n for n in names if "方文华" in n or "朱丽娟" in n]
    assert "方文华" in _person_names(lex, text)


def test_a_department_after_its_body_keeps_a_post_like_first_word(lex):
    text = "徐州市人大常委会代表工作委员会\n\n市人大常委会代表工作委员会主任　陈立群"
    assert "徐州市人民代表大会常务委员会代表工作委员会" in set(_org_canonicals(text, lex).values())


def test_a_community_named_like_a_news_agency_is_no_agency(lex):
    text = "揭阳市榕城区榕华街道新华社区长者饭堂开张，新华社记者到场。"
    assert list(_org_canonicals(text, lex)) == ["新华社"]


def test_a_setting_before_community_is_no_community_name(lex):
    text = "盘锦市团市委组织“心晴课堂”走进校园和社区，在兴隆台区振兴街道走进家庭和社区。"
    names = {m.text for m in _orgs(text, lex)} | {m.text for m in _locations(text, lex)}
    assert "校园和社区" not in names and "家庭和社区" not in names


def test_bare_bureaus_listed_after_each_county_are_no_named_bodies(lex):
    text = "四平市残疾人联合会\n\n各县（市、区）残联、教育局、民政局、财政局、卫生健康局：\n市残联会同市教育局、民政局等部门开展救助。"
    found = _org_canonicals(text, lex)
    assert "卫生健康局" not in found and "财政局" not in found
    assert found["民政局"] == "四平市民政局"


def test_a_town_of_another_city_in_the_province_is_no_place_in_a_city_document(lex):
    text = "咸宁市团市委报告。咸安区、嘉鱼县建成站点。部分乡镇站点专业力量薄弱。"
    names = {m.text for m in _locations(text, lex)}
    assert "分乡镇" not in names and {"咸安区", "嘉鱼县"} <= names


def test_a_quoted_name_completed_by_a_long_tail_with_a_year(lex):
    text = "盘锦市团市委在全市开展“护航青春·心向阳光”2024年暑期青少年心理健康守护行动。"
    assert "护航青春·心向阳光2024年暑期青少年心理健康守护行动" in _program_names(lex, text)


def _locations(text, lex):
    return recognize_locations(text, lex, _ctx(text, lex))


def test_a_quoted_fund_app_or_service_van_is_a_program_with_its_head(lex):
    text = ("安顺市新闻发布会。我们设立“慈善救急难”基金200万元，也可以通过“安顺救助通”微信小程序在线申请。"
            "团市委推出“锦心号”心理服务流动车。通山县开通“周末心灵电话”。")
    names = _program_names(lex, text)
    assert {"慈善救急难基金", "安顺救助通微信小程序", "锦心号心理服务流动车", "周末心灵电话"} <= names
    assert not [n for n in names if n.startswith("团市委")]


def test_a_quoted_foundation_is_an_organization_not_a_fund_program(lex):
    text = "安顺市慈善总会联合“春苗”基金会开展助学。"
    orgs = {m.text for m in _orgs(text, lex)}
    programs = {m.text for m in recognize_programs(text, lex, _orgs(text, lex))}
    assert "“春苗”基金会" in orgs and not [p for p in programs if "春苗" in p]


def test_a_body_named_after_its_parent_bureaus_possessive_starts_at_its_level(lex):
    text = "宜宾市医疗保障局答复。由局属市医疗保障事务中心负责监督考核。"
    assert _org_canonicals(text, lex).get("市医疗保障事务中心") == "宜宾市医疗保障事务中心"


def test_a_table_whose_first_column_name_stands_apart_from_its_unit_heads(lex):
    # normalization keeps one space between two words: 街道 stands apart from the first head
    text = "街道 长者食堂（个） 适老化改造（户）\n玉林街道4 86\n浆洗街街道3 71"
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.start > text.index("玉林")]
    assert found == [("4", "个", "长者食堂"), ("86", "户", "适老化改造"), ("3", "个", "长者食堂"), ("71", "户", "适老化改造")]


def test_a_community_in_the_column_after_its_street_is_a_settlement(lex):
    from kg.nlp.recognize.places import recognize_settlements

    text = "鄂尔多斯市互助养老试点社区\n6 康巴什区 青春山街道 青春社区 康巴什区民政局"
    assert [m.text for m in recognize_settlements(text, _locations(text, lex), lex)] == ["青春社区"]


def test_the_settlements_of_a_numbered_tables_rows_go_on_after_a_groups_total(lex):
    from kg.nlp.recognize.places import recognize_row_settlements

    text = normalize("塔城市高龄津贴新增对象公示\n序号 姓名 性别 所在社区 月发放金额（元）\n一、和平街道（共2人）\n"
                     "1 王某兰 女 文化路社区 100\n2 李某山 男 红楼社区 100\n小计：2人，月发放金额200元\n"
                     "二、二工镇（共1人）\n3 陈某珍 女 二工村 100\n合计：3人\n4 赵某 男 友谊社区 100\n").text
    assert [m.text for m in recognize_row_settlements(text, lex, "塔城市", [])] == ["文化路社区", "红楼社区", "二工村"]


def test_a_village_goes_on_to_another_only_in_a_list(lex):
    from kg.nlp.recognize.places import recognize_settlements

    text = "邓州市构林镇马营村卫生室乡村医生陈某义出了门。构林镇马营村、王营村开展巡诊。"
    assert [m.text for m in recognize_settlements(text, _locations(text, lex), lex)] == ["马营村", "马营村", "王营村"]


def test_a_signatures_post_and_name_apart_are_one_person(lex):
    assert "楼思远" in _person_names(lex, "义乌市人民政府市长 楼思远\n2025年1月10日")
    # a place, not a body, before the post: the mayor's report signs so
    assert _person_names(lex, "阳江市人民政府工作报告\n阳江市市长\u3000陈卓明\n各位代表：") == ["陈卓明"]


def test_a_single_name_after_a_post_does_not_start_with_a_surname_that_is_a_word(lex):
    assert _person_names(lex, "3366个村（社区）实现儿童主任全覆盖，配备率100%。") == []
    assert _person_names(lex, "会上，副市长叶青松，市民政局局长出席。") == ["叶青松"]


def test_a_form_of_address_after_a_two_character_name_is_no_part_of_it(lex):
    text = "出席发布会的有市残联副理事长唐明先生、市人社局副局长谢文涛先生。"
    assert _person_names(lex, text) == ["唐明", "谢文涛"]


def test_a_county_before_a_province_named_company_is_no_part_of_its_name(lex):
    text = "平利县陕西秦巴富硒茶业有限公司安置残疾人20名，安康市平利县女娲茶业有限公司安置8名。"
    assert [m.text for m in _orgs(text, lex)] == ["陕西秦巴富硒茶业有限公司", "安康市平利县女娲茶业有限公司"]


def test_a_verb_of_pooling_or_turning_into_ends_a_name(lex):
    names = [m.text for m in _orgs("田家庵区要统筹辖区敬老院资源，乐至县童家镇中心敬老院转型为养老服务中心。", lex)]
    assert names == ["乐至县童家镇中心敬老院"]


def test_a_leagues_administrative_office_is_its_government(lex):
    canonicals = _org_canonicals("锡林郭勒盟医疗保障局发布会。经盟行署同意，盟行署新闻办举行发布会。", lex)
    assert canonicals["盟行署"] == "锡林郭勒盟行政公署"
    assert canonicals["盟行署新闻办"] == "锡林郭勒盟行政公署新闻办公室"


def test_a_body_named_after_a_verb_is_no_department_of_the_body_before_it(lex):
    text = "哈密市召开发布会。市民政局认真落实市委办公室、市政府办公室联合印发的通知。"
    assert [m.text for m in _orgs(text, lex)] == ["市民政局", "市委办公室", "市政府办公室"]


def test_a_towns_central_school_is_one_name_and_a_central_canteen_no_centre(lex):
    text = "昭觉县解放沟镇中心校设立心理辅导室。茂县凤仪街道中心食堂每天供餐。"
    assert [m.text for m in _orgs(text, lex)] == ["昭觉县解放沟镇中心校"]


def test_two_levels_before_a_head_name_each_body_of_their_kind_not_one(lex):
    text = "湘西州卫生健康委发布会。全州8个县市人民医院开设心理门诊，县市统一调配心理教师到农村学校。"
    assert not {m.text for m in _orgs(text, lex)} & {"县市人民医院", "县市统一调配心理教师到农村学校"}
    assert [m.text for m in _orgs("三明市沙县区民政局开展活动。", lex)] == ["沙县区民政局"]  # a district named 沙县区


def test_a_guidance_centre_is_one_name_though_guiding_ends_names_elsewhere(lex):
    assert [m.text for m in _orgs("设立沭阳县中小学生心理健康指导中心。", lex)] == ["沭阳县中小学生心理健康指导中心"]
    assert [m.text for m in _orgs("市民政局指导县养老服务中心开展工作。", lex)] == ["市民政局", "县养老服务中心"]


def test_a_count_and_a_short_name_note_are_no_part_of_a_name(lex):
    assert _orgs("在长涂镇两家乡镇敬老院开展服务，部分乡镇卫生院设施老化。", lex) == []
    text = "邢台市残联通知。依托邢台市辅助器具服务中心（以下简称“市辅具中心”），建成站点。"
    assert {m.text: m.canonical for m in _orgs(text, lex)}["市辅具中心"] == "邢台市辅助器具服务中心"


def test_old_peoples_homes_fire_brigades_data_bureaus_and_task_forces_are_organizations(lex):
    text = ("黄山市民政局通知。对歙县深渡镇敬老院进行改造。市民政局联合黄山市消防救援支队开展排查。"
            "责任单位：市数据资源局。成立黄山市特困人员供养服务质量提升工作专班。")
    assert {"歙县深渡镇敬老院", "黄山市消防救援支队", "黄山市数据资源管理局", "黄山市特困人员供养服务质量提升工作专班"} <= {
        m.canonical for m in _orgs(text, lex)}


def test_a_post_and_a_name_before_taking_another_post_are_a_person(lex):
    assert "汪建华" in _person_names(lex, "市民政局成立由局长汪建华任组长的工作专班。")
    assert "王丽萍" in _person_names(lex, "县残联副理事长王丽萍分管康复工作。")


def test_a_plan_whose_title_is_a_line_of_its_own_is_the_document_itself(lex):
    text = ("关于印发《某市2024年困境儿童关爱服务实施方案》的通知\n各县（市、区）妇联：\n"
            "现将《某市2024年困境儿童关爱服务实施方案》印发给你们，请认真贯彻落实。\n"
            "某市2024年困境儿童关爱服务实施方案\n为贯彻《未成年人保护法》，制定本方案。")
    assert [m.text for m in recognize_policies(text)] == ["未成年人保护法"]


def test_work_plans_project_payments_and_insurance_subsidies_are_no_programs(lex):
    text = ("各牵头单位要倒排第四季度工作计划，严禁拖欠工程款。全市为企业兑现社会保险补贴1286万元。"
            "（二）建强阵地平台，提升服务水平。")
    assert _program_names(lex, text) == set()


def test_a_city_governments_inspection_office_and_energy_bureau_are_bodies(lex):
    assert _org_canonicals("铜仁市民生办通知。市能源局、市政府督查室参加。", lex) == {
        "市能源局": "铜仁市能源局", "市政府督查室": "铜仁市人民政府督查室"}


def test_a_verb_before_a_program_head_is_no_part_of_its_name(lex):
    # 立项/承办/督导 … are acts on projects, never the start of one's name
    for text in ("全年立项竞赛项目182个。", "理事长带队深入各镇督导项目实施情况。", "要防止搞形象工程。",
                 "今年承办全市青年职业技能大赛。"):
        assert not any(n.startswith(("立项", "督导", "防止", "承办")) for n in _program_names(lex, text)), text


def test_a_quoted_name_ends_before_a_clause_that_goes_on_after_it(lex):
    names = _program_names(lex, "“暖心食堂”是我省农村牧区老年人助餐服务项目。")
    assert not any(n.startswith("暖心食堂”是") or "暖心食堂是" in n for n in names), names
    names = _program_names(lex, "常态化开展“春风行动”“百日千万招聘”等公共就业服务活动不少于300场。")
    assert "百日千万招聘" in names and not any("等" in n for n in names), names


def test_a_clause_ending_in_a_preposition_is_no_topic_of_the_quoted_name(lex):
    [m] = [m for m in recognize_programs("同时，市民政局以“护苗彭城”关爱行动为抓手，走访困境儿童。", lex)]
    assert m.canonical == "护苗彭城关爱行动"


def test_each_divisions_body_of_a_level_is_no_named_body(lex):
    # 各县（市）区妇联, 9个旗县区残联: every county's federation, none of them named
    for text in ("各县（市）区妇联、教育局：", "全市9个旗县区残联全部完成换届。", "各辖市、区人民政府："):
        assert _orgs(text, lex) == [], text


def test_a_body_name_does_not_start_before_a_verb_or_a_quoted_program(lex):
    assert [m.text for m in _orgs("推动“心灵护航”工程向幼儿园延伸。", lex)] == []
    assert [m.text for m in _orgs("会同市教育局推进特殊教育学校建设。", lex)] == ["市教育局"]
    assert [m.text for m in _orgs("市民生实事项目推进办公室", lex)] == ["市民生实事项目推进办公室"]


def test_a_count_right_before_a_body_does_not_make_it_every_divisions(lex):
    # a table's cells joined by normalization: 建设驿站30个 | 团市委
    assert [m.text for m in _orgs("济南市。建设驿站30个团市委", lex)] == ["团市委"]


def test_where_two_name_lengths_fit_the_longer_act_after_the_name_decides(lex):
    assert "刘芳" in _person_names(lex, "12355热线值班的心理咨询师刘芳接到一名初三学生的求助电话。")


def test_care_homes_and_nursing_stations_are_organizations(lex):
    names = [m.text for m in _orgs("齐齐哈尔康宁护理院、依安县康乐老年公寓、铁锋区福寿康居家护理服务站等定点机构。", lex)]
    assert names == ["齐齐哈尔康宁护理院", "依安县康乐老年公寓", "铁锋区福寿康居家护理服务站"]
    names = [m.text for m in _orgs("入住乌鲁木齐市金秋养老院、新疆福寿康养护院的老人。", lex)]
    assert names == ["乌鲁木齐市金秋养老院", "新疆福寿康养护院"]


def test_a_noun_that_starts_with_a_lead_word_stays_in_the_program_name(lex):
    assert "重点群体就业帮扶行动" in _program_names(lex, "（二）重点群体就业帮扶行动\n")
    assert "就在咸阳青年就业季" in _program_names(lex, "团市委举办“就在咸阳”青年就业季专场招聘会18场。")


def test_the_party_committees_staffing_office_is_a_body_of_the_city(lex):
    [m] = _orgs("湘潭市教育局。会同市委编办核定编制。", lex)[1:]
    assert m.canonical == "中共湘潭市委机构编制委员会办公室"


def test_a_quoted_name_shown_once_to_be_a_program_is_one_wherever_it_is_quoted(lex):
    text = "埠子镇利用闲置村部用房开设“邻里互助餐桌”，由低龄老人为高龄老人做饭。目前已开设“邻里互助餐桌”17处。"
    starts = [m.start for m in recognize_programs(text, lex) if m.text == "邻里互助餐桌"]
    assert starts == [text.find("邻里"), text.rfind("邻里")]


def test_an_expert_or_lecturers_group_is_a_body_and_keeps_the_hotline_number_in_its_name(lex):
    text = "组建“12355心理守护专家团”，吸纳心理咨询师42名；在琅琊区建成“12355心理驿站”3个。"
    orgs = _orgs(text, lex)
    assert [m.text for m in orgs] == ["“12355心理守护专家团”"]
    names = {m.canonical for m in recognize_programs(text, lex, orgs=orgs)}
    assert "12355心理驿站" in names and "12355青少年服务台" not in names, names


def test_a_question_after_a_reporters_label_or_a_function_word_after_a_post_is_no_name(lex):
    text = "宁夏日报记者：农村地区和留守儿童心理健康如何保障？学习习近平总书记关于残疾人事业的重要论述。"
    assert _person_names(lex, text) == []
    assert _person_names(lex, "成立由县政府分管副县长任组长的领导小组。") == []
    assert "周海燕" in _person_names(lex, "关于推进社区嵌入式养老服务设施建设的建议（领衔代表：周海燕等11名代表）")


def test_numbers_meals_are_counted_and_a_time_ends_its_clause_but_a_service_circle_is_a_name(lex):
    text = "全年供餐31.4万客，新增客房30间。平均响应时间8分钟。打造15分钟养老服务圈，十分钟就到厂里。控制在30分钟以内。"
    found = [(n.value, n.unit) for n in recognize_numbers(text, lex)]
    assert found == [(Decimal(314000), "客"), (Decimal(30), "间"), (Decimal(8), "分钟"), (Decimal(30), "分钟")]


def test_a_span_of_months_is_a_duration_not_a_count(lex):
    text = "服务期限为合同签订之日起12个月，救助金额不超过6个月低保标准。服务对象324人。"
    assert [(n.value, n.unit) for n in recognize_numbers(text, lex)] == [(Decimal(324), "人")]


def test_a_form_field_names_its_value_and_may_bracket_its_unit(lex):
    text = "中标（成交）金额：58.32（万元）\n服务对象：324人。补贴标准（元/月）"
    found = [(n.value, n.unit, n.indicator) for n in recognize_numbers(text, lex)]
    assert found == [(Decimal(583200), "元", "中标（成交）金额"), (Decimal(324), "人", "服务对象")], found


def test_a_government_general_office_and_charity_federations_are_bodies(lex):
    names = [m.canonical for m in _orgs("四川省召开发布会。中共四川省委办公厅、四川省人民政府办公厅印发意见。"
                                        "省民政厅联合省慈善联合总会开展行动。", lex)]
    assert {"四川省人民政府办公厅", "四川省慈善联合总会"} <= set(names)


def test_a_county_short_name_is_the_one_county_body_of_that_kind_named_before_it(lex):
    found = _orgs("四川省召开发布会。苍溪县慈善会捐赠20万元，县慈善会还组织志愿者。"
                  "广西壮族自治区残疾人联合会部署。区残联开展活动。", lex)
    canonical = {m.text: m.canonical for m in found}
    assert canonical["县慈善会"] == "苍溪县慈善会"
    assert canonical["区残联"] != "广西壮族自治区残疾人联合会"  # a region is no district


def test_an_adverb_before_the_lead_verb_of_a_heading_is_no_part_of_its_program(lex):
    assert _program_names(lex, "（三）稳步推进长期护理保险\n") == {"长期护理保险"}


def test_a_quoted_manner_is_no_program(lex):
    names = _program_names(lex, "惠农区开展“订单式”技能培训，培训320人。开展“学业务、比服务、强作风”岗位练兵活动3场。")
    assert not any(n.startswith("订单式") for n in names), names
    assert "学业务、比服务、强作风岗位练兵活动" in names, names
    assert "专业化" not in _program_names(lex, "二、队伍“专业化”：“韩江心语”服务队正式成立\n")  # 化: how, not what


def test_a_determiner_before_a_head_named_program_is_no_part_of_its_name(lex):
    assert _program_names(lex, "本次关爱行动为期一年，此次青少年心理健康关爱行动覆盖全市。") == {"青少年心理健康关爱行动"}


def test_unquoted_sites_of_a_quoted_brand_with_the_same_head_are_no_programs(lex):
    names = _program_names(lex, "全市已建成“瓷心晴”驿站46个，其中校园驿站31个、社区驿站15个。学生课间就能来驿站坐一坐。"
                                "另建成乐平市青年驿站2个。")
    assert "瓷心晴驿站" in names, names
    assert not {"校园驿站", "社区驿站", "课间就能来驿站"} & names, names
    assert "乐平市青年驿站" in names, names


def test_an_organization_name_does_not_run_back_across_a_leading_verb(lex):
    orgs = _org_canonicals("恩施州妇联报告。宣恩县妇联主席谭晓莉带领巾帼宣讲团走进椒园镇，开展宣讲12场。", lex)
    assert "宣恩县妇联" in orgs and not any("带领" in o for o in orgs), orgs


def test_a_team_name_does_not_run_back_across_a_count_or_a_naming_verb(lex):
    orgs = _org_canonicals("闽清县妇联。一支名叫“梅水巾帼”健康宣讲志愿服务队的队伍活跃在乡村。今年将继续壮大梅水巾帼志愿服务队。", lex)
    assert "“梅水巾帼”健康宣讲志愿服务队" in orgs, orgs
    assert not any(o.startswith(("一支", "继续", "壮大")) for o in orgs), orgs


def test_plan_as_a_verb_after_a_name_does_not_end_a_program_name(lex):
    names = _program_names(lex, "2024年，市委、市政府确定的十件民生实事计划总投资12.6亿元。实施“春蕾计划”，资助女童300名。")
    assert not any(n.endswith("民生实事计划") for n in names), names
    assert "春蕾计划" in names, names


def test_a_verb_or_time_word_before_an_unquoted_head_is_no_part_of_the_program(lex):
    text = ("年底前评选示范驿站10个。全年支付照护保险待遇2.1亿元。请广泛公布本方案所列热线。"
            "区政府每月听取项目进展。下半年家长课堂开课40场。")
    names = _program_names(lex, text)
    assert not any(n.startswith(("评选", "支付", "公布", "听取", "下半年")) for n in names), names
    assert not any("所列" in n for n in names), names
    text = "在新城区补建养老驿站5个。全年保持心理热线畅通。（一）做优做强12355青少年服务台\n要结合困难家庭适老化改造项目推进。"
    names = _program_names(lex, text)
    assert not any(n.startswith(("新城区补建", "补建", "保持", "做优", "结合")) for n in names), names
    assert not any(n.startswith("主要用于") for n in _program_names(lex, "补助资金主要用于平台维护和志愿者保险。")), names


def test_a_described_program_is_no_name(lex):
    # 一项…工程, 这个项目, “…”的头号工程: what is said of a program, not what it is called
    text = ("助餐是惠及老人的一项民心工程。大家都盼着这个项目早日落地。"
            "各区把居家养老作为“幸福颐养行动”的头号工程来抓。")
    assert _program_names(lex, text) == {"幸福颐养行动"}
    # 一间小屋: a room the story walks into, not a site's brand
    assert _program_names(lex, "她把母子俩领进一间小屋。") == set()


def test_a_verb_inside_the_words_after_a_body_makes_them_no_department_of_it(lex):
    names = [m.text for m in _orgs("芙蓉镇卫生院联合设立康复室。县中医院新设睡眠医学科。", lex)]
    assert names == ["芙蓉镇卫生院", "县中医院"]
    names = [m.text for m in _orgs("市民政局将会同市卫生健康委员会推进。", lex)]
    assert names == ["市民政局", "市卫生健康委员会"]
    # a committee's own name may hold such a word (代表)
    names = [m.text for m in _orgs("市人大常委会人事代表工作委员会主任李红梅出席。", lex)]
    assert "市人大常委会人事代表工作委员会" in names


def test_a_verb_before_a_county_body_is_no_part_of_its_county(lex):
    assert [m.text for m in _orgs("县医院医共体吸收县妇幼保健院为成员单位。", lex)][-1] == "县妇幼保健院"


def test_a_table_whose_head_wraps_onto_a_line_of_units_fills_the_last_columns_from_the_right(lex):
    # a space-aligned table as normalization leaves it: the head's second line holds
    # the rest of a column of words (运营情况) and the units; a dash is an empty cell
    text = ("表2 各镇助餐点运行情况\n序号 镇（街道）助餐点 新建助餐点 服务老人 满意\n"
            "运营情况（个）（人次）度（%）\n1城关镇 已运营3 5200 97.5\n2白河镇 在建——860 91.0\n"
            "合计3 6060 94.3\n以上数据截至6月底。")
    found = [(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex) if n.start > text.index("城关")]
    assert found == [("3", "个", "新建助餐点"), ("5200", "人次", "服务老人"), ("97.5", "%", "满意度"),
                     ("860", "人次", "服务老人"), ("91", "%", "满意度")]


def test_the_cells_of_a_project_name_column_are_programs_but_not_a_wrapped_rows_rest(lex):
    text = ("项目名称 目标任务 牵头单位 责任单位\n社会救助提标扩面 提高低保标准。市民政局 市财政局\n二、要求\n"
            "序号 项目名称 牵头单位 年度目标\n1困境儿童关爱保护 市妇联 2000人\n各区县政府 负责落实\n")
    names = {m.text for m in recognize_programs(text, lex) if m.rule == "program.column"}
    assert names == {"社会救助提标扩面", "困境儿童关爱保护"}


def test_a_department_before_作为_is_read_and_its_parent_is_the_longest_body_at_its_start(lex):
    names = [m.text for m in _orgs("遂宁市残联通报。西南医科大学附属医院儿童康复科作为定点机构，承担评估工作。", lex)]
    assert "西南医科大学附属医院儿童康复科" in names and "西南医科大学附属医院" in names
    assert "西南医科大学" not in names


def test_an_employment_bureau_and_a_social_insurance_bureau_are_bodies_of_their_place(lex):
    assert _org_canonicals("萍乡市就业局会同市社保局召开会议。", lex) == {
        "萍乡市就业局": "萍乡市就业局", "市社保局": "萍乡市社会保险事业管理局"}


def test_a_town_whose_name_recurs_in_the_city_is_the_one_of_the_county_its_sentence_named(lex):
    # 呼伦贝尔市 has a 兴华街道 in 满洲里市 and another in 扎兰屯市
    text = "呼伦贝尔市民政局通报。满洲里市民政局与餐饮企业合作，在兴华街道建设中央厨房。兴华街道另有助餐点。"
    ctx = _ctx(text, lex)
    found = [(m.text, m.code) for m in recognize_locations(text, lex, ctx) if m.text == "兴华街道"]
    assert found == [("兴华街道", "150781004")]  # not the next sentence's, which names no county


def test_business_start_up_guaranteed_loans_are_the_national_scheme(lex):
    names = _program_names(lex, "全年发放创业担保贷款3000万元，扶持创业420人。")
    assert names == {"创业担保贷款"}


def test_a_community_named_with_居民区_is_no_resident_and_a_name(lex):
    assert _person_names(lex, "凤城一村居民区组建的帮帮团现有成员64人。居民王建华说，服务很方便。") == ["王建华"]


def test_the_units_directly_under_a_city_are_a_group_and_an_economy_bureau_is_a_body(lex):
    names = _org_canonicals("萍乡市教育局通知。各市直学校、市直园区管委会：市经信局牵头。市直属机关工委参加。", lex)
    assert not any(n.startswith("市直") and not n.startswith("市直属") for n in names), names
    assert names.get("市经信局") == "萍乡市经济和信息化局"


def test_a_transliterated_name_ends_before_an_act_that_closes_its_run(lex):
    names = _person_names(lex, "克拉玛依区民政局。区民政局局长努尔兰·哈力克介绍，试点已覆盖4个社区。")
    assert names == ["努尔兰·哈力克"]


def test_names_from_the_seventy_ninth_probe(lex):
    ctx = _ctx("松原市团市委。前郭县新建服务站3个。", lex)
    assert [m.canonical for m in recognize_locations("松原市团市委。前郭县新建服务站3个。", lex, ctx)
            if m.text == "前郭县"] == ["前郭尔罗斯蒙古族自治县"]
    names = [m.text for m in _orgs("文山州教育体育局通知。各示范县打造心理健康教育特色学校，全州小学全部配齐。", lex)]
    assert not any(n.startswith(("范县", "全州")) for n in names), names
    programs = _program_names(lex, "累计培训时间银行志愿者300人。严禁虚报服务项目。")
    assert not any(n.startswith(("累计", "虚报")) for n in programs), programs


def test_a_social_work_service_society_is_a_body(lex):
    names = [m.text for m in _orgs("常熟市民政局。常熟市颐康社会工作服务社负责运营，上海乐邻社会工作服务社参与。", lex)]
    assert "常熟市颐康社会工作服务社" in names and "上海乐邻社会工作服务社" in names


def test_a_rural_banks_name_is_an_organization_and_a_time_bank_a_program(lex):
    text = "县人社局联合安龙农商银行发放创业担保贷款。张家港农村商业银行捐赠学习包。金安苑社区推行“时间银行”互助养老。"
    orgs = _orgs(text, lex)
    assert {"安龙农商银行", "张家港农村商业银行"} <= {m.text for m in orgs}
    programs = {m.text for m in recognize_programs(text, lex, orgs)}
    assert "时间银行" in programs and not any(p.endswith("商银行") for p in programs), programs


def test_an_embroiderer_and_a_villager_who_fell_ill_are_persons(lex):
    text = ("龙广镇残疾人之家由布依族绣娘韦秀芬担任负责人。晴隆县沙子镇三合村苗族群众杨正芬因病致残多年，"
            "县残联工作人员上门评估。")
    assert {"韦秀芬", "杨正芬"} <= set(_person_names(lex, text))


def test_cases_votes_and_multiples_are_counted_but_not_a_start_or_together(lex):
    text = ("成功处置危机个案12起，化解纠纷十九起。得票361票。特困人员基本生活标准不低于当地低保标准的1.3倍。"
            "本办法自2024年1月1日起施行，3起草案，大家一起努力。")
    found = {(str(n.value), n.unit) for n in recognize_numbers(text, lex)}
    assert found == {("12", "起"), ("19", "起"), ("361", "票"), ("1.3", "倍")}, found


def test_a_colloquial_unit_of_money_is_reported_in_yuan(lex):
    found = {(str(n.value), n.unit) for n in recognize_numbers("刷老年卡才12块钱。新建12块社会足球场。"
                                                               "累计存了216个小时。", lex)}
    assert found == {("12", "元"), ("12", "块"), ("216", "小时")}, found


def test_a_column_before_the_bracketed_heads_counts_the_unit_its_name_ends_in(lex):
    text = normalize("附：2024年全市医疗救助情况（分县区）\n县（区） 医疗救助人次 救助资金（万元） “一站式”结算率（%）\n"
                     "雨城区 61235 3186.4 99.1\n名山区 38450 2052.7 98.9\n").text
    found = {(str(n.value), n.unit, n.indicator) for n in recognize_numbers(text, lex)}
    assert {("61235", "人次", "医疗救助人次"), ("31864000", "元", "救助资金"), ("98.9", "%", "一站式结算率")} <= found, found


def test_a_full_name_before_a_form_of_address_and_a_credited_editor_are_persons(lex):
    text = ("住在5栋的刘德明大爷去年做了膝关节手术，由低龄老人陪诊。社区的张大爷也来了。\n"
            "来源：苍坪社区\n编辑：罗雯\n责编：杨帆\n")
    names = set(_person_names(lex, text))
    assert {"刘德明", "杨帆", "罗雯"} <= names and not names & {"由低龄", "张大爷"}, names


def test_a_body_or_place_written_right_after_a_street_address_starts_after_its_number(lex):
    text = ("地址：市南区江西路118号青岛市青少年宫4楼\n地址：黄岛区辛安街道前湾港路587号辛安街道党群服务中心2楼\n"
            "地址：黄岛区长江中路216号西海岸新区青少年宫3楼")
    orgs = {m.text for m in _orgs(text, lex)}
    assert {"青岛市青少年宫", "辛安街道党群服务中心"} <= orgs, orgs
    assert not any("号" in o for o in orgs), orgs
    from kg.nlp.recognize.places import recognize_named_places
    assert [m.text for m in recognize_named_places(text, lex)] == ["西海岸新区"]


@pytest.mark.parametrize("text, found, not_found", [
    pytest.param("中心副主任李海燕则负责家长培训。特教老师罗永胜几乎每周都要跑一趟板升乡。康复治疗师韦丽娟来自本县都阳镇。"
                 "治疗师罗晓敏都会到孩子家中。全市已有21.3万名网约车司机纳入新就业形态就业人员职业伤害保障。",
                 {"李海燕", "罗永胜", "韦丽娟", "罗晓敏"}, {"纳入新"},  # 就业 is no act
                 id="a name after a post ends before an adverb or where its person comes from"),
    pytest.param("副主任医师周伟走进太仓市实验中学授课。在新兴社区，社区居委会主任玄春子组织网格员建立台账。",
                 {"周伟", "玄春子"}, {"周伟走"},
                 id="a name after a post ends before where its person goes; Korean family names start names"),
    pytest.param("“我们要让青年扎根边疆。”共青团满洲里市委书记孟和说。社区书记图门介绍，全年服务300人次。",
                 {"孟和", "图门"}, set(),
                 id="one Mongolian syllable after a post and before a verb of saying is a name"),
    pytest.param("“比在家自己做还方便。”社区居民陈德福老人笑着说。在大市镇中心卫生院，结算员曹小红告诉记者，今年已结算300人次。"
                 "“跑一趟就办完了。”刚办完登记的务工人员刘德顺笑着说。36岁的肢体残疾员工肖红梅说，她每天坐轮椅来上班。"
                 "倡导低龄老人服务高龄老人，由低龄老人陪诊。",
                 {"陈德福", "曹小红", "刘德顺", "肖红梅"}, {"由低龄", "工肖红"},
                 id="a job word ending in 员 and a speaker word before a full name and 老人 open a person"),
])
def test_what_comes_before_and_after_a_name_decides_where_it_starts_and_ends(lex, text, found, not_found):
    names = set(_person_names(lex, text))
    assert found <= names and not names & not_found, names


def test_the_first_of_a_listed_communities_names_starts_after_xia_she(lex):
    from kg.nlp.recognize.places import recognize_places_listed_in_full
    text = "该安置区共安置搬迁群众4862户，下设安福社区、安兴社区2个社区。"
    assert [m.text for m in recognize_places_listed_in_full(text, lex, None, [])][:1] == ["安福社区"]


def test_a_full_name_before_lao_ren_is_a_person_only_right_after_de_or_he(lex):
    text = ("家住新康社区的刘淑珍老人说，现在吃饭方便多了。倡导低龄老人服务高龄老人，由低龄老人陪诊。"
            "与原高龄老人生活补贴相比，标准提高了。关键看老人满不满意。")
    names = set(_person_names(lex, text))
    assert "刘淑珍" in names, names
    assert not names & {"由低龄", "原高龄", "关键看", "倡导低"}, names


def test_a_name_ends_before_where_its_person_sits_and_a_southern_form_of_address_follows_a_full_name(lex):
    text = ("专职心理教师俞婷坐在一旁，轻声和孩子说话。区妇联主席何静具体介绍了做法。"
            "家住南洲街道的梁桂英阿婆是长者饭堂的常客。\n海西州人民政府州长　额尔敦毕力格\n"
            "填表人：胡文静　　联系电话：0977-8223671\n（责任编辑：拜婷）\n")
    names = set(_person_names(lex, text))
    assert {"俞婷", "何静", "梁桂英", "额尔敦毕力格", "胡文静", "拜婷"} <= names, names
    assert not names & {"俞婷坐", "何静具"}, names


def test_a_one_syllable_tibetan_name_after_a_word_for_who_someone_is_ends_at_what_they_do(lex):
    text = ("本报记者 白玛央金 通讯员 旦增曲扎\n今年78岁的甲措雄村村民次珍拉着记者的手说。72岁的老党员旺堆正在做训练。"
            "村民多吉一边给邻座的阿妈盛汤一边说。“高原上的老人高血压、关节病比较多。”")
    names = set(_person_names(lex, text))
    assert {"旦增曲扎", "次珍", "旺堆", "多吉"} <= names and "高血压" not in names, names


def test_what_a_reporter_did_closes_a_credit_and_names_nobody(lex):
    names = set(_person_names(lex, "北京市东城区。（东城区融媒体中心记者 杨帆 整理）\n记者 陈卓 刘洋\n"))
    assert names == {"杨帆", "陈卓", "刘洋"}, names


def test_youth_and_morning_papers_are_media_outlets(lex):
    orgs = {m.text for m in _orgs("北京市东城区。【北京青年报记者 罗毅】据中国妇女报报道。", lex)}
    assert {"北京青年报", "中国妇女报"} <= orgs, orgs


def test_a_unit_declared_at_the_end_of_a_tables_caption_counts_its_rows(lex):
    text = normalize("全年各镇（乡、街道）残疾人基本服务完成情况见表1。\n"
                     "表1 2024年各镇（乡、街道）残疾人基本服务完成情况（单位：人）\n"
                     "镇（乡、街道） 持证残疾人数 基本康复服务人数\n骅东街道 1068 412\n常郭镇 873 331\n合计 1941 743\n").text
    found = {(str(n.value), n.unit) for n in recognize_numbers(text, lex)}
    assert {("1068", "人"), ("412", "人"), ("331", "人")} <= found, found
    assert not {("1941", "人"), ("743", "人")} & found, found  # the total row


def test_a_name_starts_neither_inside_a_boundary_word_nor_across_a_copula(lex):
    text = ("全年投入项目资金186万元，其中共青团神木市委员会配套资金60万元。"
            "局属昆山市劳动人事争议仲裁院开辟快速处理通道。秀英是五龙池村银龄互助志愿服务队的队长。"
            "滨州医学院附属医院合作共建市残疾儿童康复中心。")
    orgs = _org_canonicals(text, lex)
    assert {"共青团神木市委员会", "昆山市劳动人事争议仲裁院", "滨州医学院附属医院"} <= set(orgs), orgs
    assert not [o for o in orgs if o.startswith(("中共青团", "秀英是")) or "合作共建" in o], orgs


def test_a_months_unit_before_a_campaign_is_no_part_of_its_name(lex):
    names = _program_names(lex, "7月老年健康宣传周期间，市卫健委在道南街道组织宣传活动26场。")
    assert "老年健康宣传周" in names and "月老年健康宣传周" not in names, names


def test_a_table_cell_may_group_its_digits_with_commas(lex):
    text = normalize("一、新增城乡低保对象（按乡镇、街道汇总）\n序号 乡镇（街道） 新增户数（户） 新增人数（人） 月保障金额（元）\n"
                     "1 开元街道 5 8 3,120\n2 姚村镇 9 14 4,606\n合计 38 63 21,215\n注：开元街道执行城市低保标准。\n").text
    found = {(str(n.value), n.unit) for n in recognize_numbers(text, lex)}
    assert {("3120", "元"), ("4606", "元"), ("14", "人"), ("9", "户")} <= found, found
    assert ("21215", "元") not in found, found  # the total row


def test_a_faculty_named_after_its_university_is_one_body_even_with_a_conjunction_in_its_name(lex):
    canonicals = _org_canonicals("宜昌市消息。团市委联合华中师范大学心理学院、三峡大学法学与公共管理学院共建服务站，"
                                 "三峡大学与宜昌市第一中学签约。", lex)
    assert {"华中师范大学心理学院", "三峡大学法学与公共管理学院"} <= set(canonicals), canonicals
    assert "公共管理学院" not in canonicals and "三峡大学与宜昌市第一中学" not in canonicals, canonicals


def test_a_particle_between_a_name_and_what_the_person_does_is_no_part_of_the_name(lex):
    assert _person_names(lex, "一群学生在心理咨询师谭静的带领下做游戏。") == ["谭静"]


def test_a_verb_of_lacking_or_seeking_ends_a_program_name_on_its_left(lex):
    names = _program_names(lex, "高校有专业优势，却缺少实践平台。团市委共争取青少年心理健康服务进村（社区）行动资金28万元。")
    assert names == {"青少年心理健康服务进村（社区）行动"}, names


def test_under_a_declared_unit_columns_of_words_are_the_rows_and_a_bracketed_head_keeps_its_unit(lex):
    # 项目名称 and 牵头单位 hold words; 完成比例（%） names its own unit, the rest count 万元
    text = ("（单位：万元）\n序号\t项目名称\t牵头单位\t年度计划投资\t已完成投资\t完成比例（%）\n"
            "1\t城乡社区养老服务\t县民政局\t320\t208\t65.0\n2\t“春风”就业援助\t县人社局\t85\t51.5\t60.6\n")
    found = _figures_with_indicators(text, lex)
    assert found == [("3200000", "元", "年度计划投资"), ("2080000", "元", "已完成投资"), ("65", "%", "完成比例"),
                     ("850000", "元", "年度计划投资"), ("515000", "元", "已完成投资"), ("60.6", "%", "完成比例")], found


def test_a_heads_bracket_may_say_what_it_counts_before_its_unit(lex):
    text = "乡镇\t康复训练（人）\t残疾人之家（累计，个）\n城南镇\t52\t3\n河口乡\t18\t1\n"
    found = _values_and_units(text, lex)
    assert found == [("52", "人"), ("3", "个"), ("18", "人"), ("1", "个")], found


def test_a_rows_name_may_open_on_a_figure_of_its_own(lex):
    # 65岁以上老年人, 2型糖尿病患者: the row's name, not an age or a figure
    text = ("人群\t签约人数（人）\t签约率（%）\n65岁以上老年人\t18230\t81.4\n"
            "2型糖尿病患者\t3962\t78.0\n")
    found = _values_and_units(text, lex)
    assert found == [("18230", "人"), ("81.4", "%"), ("3962", "人"), ("78", "%")], found


def test_under_a_declared_list_a_price_column_counts_money(lex):
    text = ("（单位：人、万元）\n包号\t服务区域\t服务对象\t最高限价\t中标金额\n"
            "第1包\t城关镇、河口乡\t420\t86.40\t84.10\n")
    found = _values_and_units(text, lex)
    assert ("864000", "元") in found and ("841000", "元") in found and ("420", "人") in found, found


def test_under_a_declared_list_of_sites_and_another_unit_a_site_head_counts_sites(lex):
    # (单位：个、人次) over three columns: 助餐点 and 日间照料中心 are sites, 累计助餐 the other unit
    text = "（单位：个、人次）\n乡镇\t助餐点\t日间照料中心\t累计助餐\n城关镇\t9\t4\t36500\n河口乡\t3\t2\t8200\n"
    found = _values_and_units(text, lex)
    assert found == [("9", "个"), ("4", "个"), ("36500", "人次"), ("3", "个"), ("2", "个"), ("8200", "人次")], found


def test_under_a_declared_list_with_a_rate_a_growth_column_takes_the_rate(lex):
    text = "（单位：人，%）\n指标\t年末数\t比上年增长\n城乡居民基本养老保险参保人数\t21460\t3.2\n失业保险参保人数\t3810\t4.5\n"
    found = _values_and_units(text, lex)
    assert found == [("21460", "人"), ("3.2", "%"), ("3810", "人"), ("4.5", "%")], found


def test_under_a_captions_declared_unit_a_head_that_names_its_own_unit_keeps_it(lex):
    text = ("2024年上半年资金拨付情况（单位：万元）\n项目\t年度计划投资\t已拨付\t拨付率（%）\n"
            "敬老院提质改造\t300\t186\t62.0\n")
    found = _values_and_units(text, lex)
    assert found == [("3000000", "元"), ("1860000", "元"), ("62", "%")], found


def test_under_a_declared_unit_of_people_heads_of_people_count_in_it_after_two_columns_of_places(lex):
    # (单位：名) over 乡镇 试点村 农村留守儿童 困境儿童: the village is the rows' second name, the children counted in 名
    text = ("（单位：名）\n序号\t乡镇\t试点村\t农村留守儿童\t困境儿童\n1\t城关镇\t孟庄村\t46\t9\n"
            "2\t河口乡\t申庄村\t38\t7\n")
    found = _values_and_units(text, lex)
    assert found == [("46", "名"), ("9", "名"), ("38", "名"), ("7", "名")], found


def test_a_column_head_with_its_own_unit_overrides_the_unit_a_flattened_row_names(lex):
    # 完成率（%） over rows labelled in 万人: 107.3 is a rate, not 1,073,000 people
    text = "指标\t目标值\t完成值\t完成率（%）\n家庭医生签约人数（万人）\t22\t23.6\t107.3\n"
    found = _figures_with_indicators(text, lex)
    assert found == [("220000", "人", "家庭医生签约人数"), ("236000", "人", "家庭医生签约人数"),
                     ("107.3", "%", "家庭医生签约人数完成率")], found


def test_buildings_tons_and_counted_sets_are_units(lex):
    text = "新建学生宿舍楼2栋，采购康复器材120台（套）、轮椅85把、拐杖40副，发放大米3.5吨。"
    found = _values_and_units(text, lex)
    assert found == [("2", "栋"), ("120", "台（套）"), ("85", "把"), ("40", "副"), ("3.5", "吨")], found


def test_a_flattened_tables_rows_are_read_back_name_by_name_in_their_columns_units(lex):
    # rows run into each other, a head and a figure broken over lines (南河镇1|24 1305), the total row left out
    text = ("表1 2023年各镇“残疾人之家”运行情况\n镇别 数量（个） 日间托养\n人数（人） 服务人次\n"
            "城关镇4 96 5120 河口镇2 48 2630\n小尖镇2 41 2215 南河镇1\n24 1305\n合计9 209 11270\n"
            "四、残疾人就业渠道不断拓宽。\n")
    found = _figures_with_indicators(text, lex)
    assert found == [("4", "个", "数量"), ("96", "人", "日间托养人数"), ("5120", "人次", "服务人次"),
                     ("2", "个", "数量"), ("48", "人", "日间托养人数"), ("2630", "人次", "服务人次"),
                     ("2", "个", "数量"), ("41", "人", "日间托养人数"), ("2215", "人次", "服务人次"),
                     ("1", "个", "数量"), ("24", "人", "日间托养人数"), ("1305", "人次", "服务人次")], found


def test_a_flattened_table_under_a_declared_list_joins_a_name_and_a_figure_broken_over_lines(lex):
    # the first row's name opens on the head's line (…辅助性就业收入 赊店|镇38), a figure breaks (3|.5)
    text = ("（单位：人、人次、万元）\n乡镇（街道） 入托人数 服务人次 辅助性就业收入 赊店\n"
            "镇 38 2160 6.2 桥头镇 26 1540 4.8 饶良镇 21 1180 3\n.5 合计 85 4880 14.5\n")
    found = _values_and_units(text, lex)
    assert found == [("38", "人"), ("2160", "人次"), ("62000", "元"), ("26", "人"), ("1540", "人次"),
                     ("48000", "元"), ("21", "人"), ("1180", "人次"), ("35000", "元")], found


def test_rows_one_a_line_with_a_figure_in_their_names_are_not_read_as_a_flattened_table(lex):
    text = ("缴费标准如下（单位：元）：\n类别 个人缴费 财政补助\n成年居民（一档）400 700\n"
            "18周岁以下居民（含在校学生）400 760\n大学生400 700\n")
    assert all(unit == "元" for _, unit in _values_and_units(text, lex))


def test_beside_a_column_of_the_amount_a_benefits_column_counts_its_recipients(lex):
    # 生活补贴 护理补贴 金额 under （单位：人、万元）: the two benefits count people, 金额 money
    text = "（单位：人、万元）\n乡镇\t生活补贴\t护理补贴\t金额\n城关镇\t468\t597\t93.1\n河口乡\t421\t533\t82.9\n"
    found = _values_and_units(text, lex)
    assert found == [("468", "人"), ("597", "人"), ("931000", "元"), ("421", "人"), ("533", "人"),
                     ("829000", "元")], found


def test_a_column_after_the_parts_keeps_a_unit_of_its_own_and_a_total_column_its_wholes(lex):
    # 儿童之家数 其中2024年新建 留守儿童数 under （单位：个、人）; 补助资金合计 counts money
    text = "（单位：个、人）\n乡镇\t儿童之家数\t其中新建\t留守儿童数\n城关镇\t7\t2\t318\n河口乡\t6\t1\t276\n"
    assert _values_and_units(text, lex) == [("7", "个"), ("2", "个"), ("318", "人"), ("6", "个"), ("1", "个"),
                                            ("276", "人")]
    text = "（单位：万元、个）\n地区\t补助资金合计\t新建食堂\n城关镇\t500\t22\n河口乡\t528\t24\n"
    assert _values_and_units(text, lex) == [("5000000", "元"), ("22", "个"), ("5280000", "元"), ("24", "个")]


def test_a_total_column_under_a_declared_unit_counts_in_it_beside_a_column_of_signed_changes(lex):
    # 镇名 names the rows; 合计 sums the money columns; 同比 holds signed shares
    text = ("（单位：万元）\n镇名 低保金 特困供养金 合计 同比\n城关镇1862.4 512.6 2375.0 +5.2%\n"
            "关口镇705.6 231.2 936.8 -1.8%\n")
    found = [(v, u) for v, u in _values_and_units(text, lex) if u == "元"]
    assert found == [("18624000", "元"), ("5126000", "元"), ("23750000", "元"), ("7056000", "元"),
                     ("2312000", "元"), ("9368000", "元")], found


def test_numbered_rows_under_a_unit_column_count_target_and_done_in_the_rows_unit(lex):
    # 序号 项目 单位 年度目标 完成数 完成率（%）: each row's unit after its name; money (投入) is no count
    text = ("序号 项目 单位 年度目标 完成数 完成率（%）\n1 残疾人之家建设 个 15 15 100\n"
            "2 残疾儿童康复救助 人 300 318 106\n注：一次性创业补贴按每户5000元标准发放。\n")
    found = _figures_with_indicators(text, lex)
    assert found[:6] == [("15", "个", "残疾人之家建设"), ("15", "个", "残疾人之家建设完成数"),
                         ("100", "%", "残疾人之家建设完成率"), ("300", "人", "残疾儿童康复救助"),
                         ("318", "人", "残疾儿童康复救助完成数"), ("106", "%", "残疾儿童康复救助完成率")], found
    assert ("5000", "户") not in [(v, u) for v, u, _ in found]
    text = "序号 项目 单位 年度目标 完成数 投入\n1 残疾人之家建设 个 15 15 90\n2 残疾儿童康复救助 人 300 318 186.5\n"
    found = _values_and_units(text, lex)
    assert ("318", "人") in found and not any(v in ("90", "186.5") for v, _ in found), found


def test_amdo_tibetan_names_of_a_syllable_and_a_final_and_kham_names_of_two_syllables_are_persons(lex):
    text = ("乡儿童督导员德吉措说，今年已接待儿童1300人次。县民政局局长洛绒泽仁说，将继续推进。"
            "残疾人邓珠扎西拄着拐杖走来。\n文/图：完么加　编辑：索南吉\n")
    names = _person_names(lex, text)
    assert {"德吉措", "洛绒泽仁", "邓珠扎西", "完么加", "索南吉"} <= set(names), names
    assert "邓珠扎" not in names


def test_a_roster_under_its_label_may_hold_commas_inside_notes_and_end_in_a_full_stop(lex):
    text = "六、评审专家名单\n马海英（组长）、李文斌、周卓玛（采购人代表，县民政局）\n七、评审专家名单\n\n吕国平、梁芳（以上为随机抽取专家），袁志强（采购人代表）。\n"
    assert set(_person_names(lex, text)) == {"马海英", "李文斌", "周卓玛", "吕国平", "梁芳", "袁志强"}


def test_the_old_planning_commission_a_counties_survey_team_and_cooperatives_are_bodies(lex):
    text = ("代理服务费参照原国家计委《招标代理服务收费管理暂行办法》收取。\n麻江县统计局 国家统计局麻江调查队\n"
            "依托蒙阴县鑫果果品专业合作社吸纳脱贫人口就业12人。\n")
    found = _org_canonicals(text, lex)
    assert found.get("国家计委") == "国家发展计划委员会", found
    assert "国家统计局麻江调查队" in found and "蒙阴县鑫果果品专业合作社" in found, found


def test_a_flattened_table_under_a_serial_number_head_is_read_past_its_row_numbers(lex):
    # 序号 …完成率1养老服务|9860 9120 92.5% 2长期护理保险14|80 …: the numbers 1, 2, 3 open rows
    text = ("表1 部分民生实事项目资金完成情况（单位：万元）\n序号 项目类别 计划投资 完成投资 完成率 1 养老服务\n"
            " 9860 9120 92.5% 2 长期护理保险 14\n80 1310 88.5% 3 残疾人服务 1320 1\n320 100%\n三、存在的问题\n")
    found = [(v, u) for v, u in _values_and_units(text, lex) if u == "元"]
    assert found == [("98600000", "元"), ("91200000", "元"), ("14800000", "元"), ("13100000", "元"),
                     ("13200000", "元"), ("13200000", "元")], found


def test_a_district_read_across_two_words_is_no_place_in_another_countys_document(lex):
    text = "永春县人民政府关于2025年为民办实事项目的通知\n永春县新增城区公办幼儿园学位720个，由永春县教育局负责。\n"
    assert "增城区" not in {m.text for m in recognize_locations(text, lex, _ctx(text, lex))}


def test_a_notices_time_limits_in_working_days_are_no_figures_but_a_cut_limit_is(lex):
    text = ("中标结果自本公告发布之日起1个工作日内公示。供应商可在公告期限届满之日起7个工作日内提出质疑。"
            "低保审批时限压缩至10个工作日。")
    assert _values_and_units(text, lex) == [("10", "个工作日")]


def test_a_hotline_number_before_the_name_of_its_bureau_counts_nobody(lex):
    assert _values_and_units("群众可拨打12333人社服务热线咨询，全年新增就业1200人。", lex) == [("1200", "人")]


def test_figures_listed_before_the_unit_the_last_completes_take_that_unit(lex):
    text = "学前三年毛入园率和高中阶段毛入学率分别比上年提高0.4个、0.2个和0.7个百分点。村公益性岗位118个、96个。"
    assert _values_and_units(text, lex) == [("0.4", "个百分点"), ("0.2", "个百分点"), ("0.7", "个百分点"),
                                            ("118", "个"), ("96", "个")]


def test_a_department_that_ends_its_line_or_opens_a_service_is_one_after_its_body(lex):
    text = ("监督部门\n名称：南丰县财政局政府采购监督管理股\n联系电话：0794-1234567\n"
            "依托县人民医院精神科开通24小时心理热线。\n")
    found = _org_canonicals(text, lex)
    assert "南丰县财政局政府采购监督管理股" in found and "县人民医院精神科" in found, found


def test_a_countys_media_centre_and_disease_control_centre_by_their_short_names_are_its_bodies(lex):
    text = ("淳安县卫生健康局2024年工作总结\n县残联联合县商务局、县融媒体中心举办助残直播。"
            "县疾病预防控制中心（县疾控中心）开展筛查，县疾控中心与县第一人民医院合作。淳安县卫生健康局\n")
    found = _org_canonicals(text, lex)
    assert found.get("县融媒体中心") == "淳安县融媒体中心", found
    assert found.get("县疾控中心") == "淳安县疾病预防控制中心", found


def test_a_quote_before_de_describes_the_noun_after_it_and_names_no_program(lex):
    text = "古玉乡的孩子都有了“家门口”的心灵驿站。全县建成“家门口”就业服务站35个。"
    assert _program_names(lex, text) == {"家门口就业服务站"}, _program_names(lex, text)


def test_sections_opening_a_clause_in_their_bureaus_report_are_its_departments(lex):
    text = ("阳曲县卫生健康委员会2024年工作总结\n县卫健委内设办公室、医政医管股、规划信息与财务股等股室。"
            "基层卫生健康股牵头组建家庭医生团队178个；疾病预防控制股、妇幼健康股和老龄健康股按季度开展督导。"
            "委人口监测与家庭发展股负责奖励扶助工作。\n")
    found = {c for c in _org_canonicals(text, lex).values() if c and c.endswith("股")}
    assert found == {"阳曲县卫生健康委员会" + s for s in (
        "医政医管股", "规划信息与财务股", "基层卫生健康股", "疾病预防控制股", "妇幼健康股", "老龄健康股", "人口监测与家庭发展股")}, found


def test_a_speaker_who_talks_while_doing_something_is_a_person(lex):
    text = "丹巴县医疗保障局的工作人员何佳一边说，一边帮村民查询缴费记录。"
    assert "何佳" in _person_names(lex, text)


def test_an_aged_tibetan_name_of_two_syllables_is_a_person(lex):
    text = "10岁的泽让卓玛一边说，一边把作业本递给老师。72岁的牧民才让多杰每天都来。"
    assert {"泽让卓玛", "才让多杰"} <= set(_person_names(lex, text)), _person_names(lex, text)


def test_a_roster_keeps_a_name_of_no_han_surname_and_notes_of_any_length_and_passes_over_a_post(lex):
    text = ("五、评审专家名单\n刘建华、高丽萍、何振宇、苏雅拉图、马文静（采购人代表）\n六、评标委员会成员名单\n\n"
            "李振华、赵书琴、孙立军，郭建（采购人代表，县民政局养老服务股股长）\n"
            "七、评审专家名单：王海涛（组长）、陈静、李书明、采购人代表\n")
    assert set(_person_names(lex, text)) == {"刘建华", "高丽萍", "何振宇", "苏雅拉图", "马文静", "李振华", "赵书琴",
                                             "孙立军", "郭建", "王海涛", "陈静", "李书明"}


def test_a_name_run_over_words_into_a_countys_level_starts_at_the_county(lex):
    text = ("全年县人民医院完成门急诊38.6万人次。昆明医科大学第二附属医院对口帮扶县人民医院。"
            "修文颐和康养服务有限公司合作运营县社会福利院。宁蒗县人民医院开通热线。")
    found = set(_org_canonicals(text, lex))
    assert {"县人民医院", "县社会福利院", "宁蒗县人民医院"} <= found, found
    assert not {"全年县人民医院", "口帮扶县人民医院"} & found, found


def test_a_verb_or_a_post_and_a_conjunction_before_a_head_end_the_bodys_name(lex):
    text = "我们利用村委会活动室开设课堂。县妇联联合县公安局走进学校开展宣传。组织县人民医院康复科医生和乡镇卫生院医生组成4支队伍。"
    found = set(_org_canonicals(text, lex))
    assert {"县公安局", "县人民医院康复科"} <= found, found
    assert not {"我们利用村委会", "县公安局走进学校", "县人民医院康复科医生和乡镇卫生院"} & found, found


def test_a_section_name_ends_at_its_first_section_head(lex):
    text = "县中医医院康复科、针灸科建成市级重点专科，全县16家乡镇卫生院全部建成中医馆。科技教育科牵头开展培训。"
    found = set(_org_canonicals(text, lex))
    assert "科技教育科" in found and not any(name.endswith("专科") for name in found), found


def test_compound_count_units_and_a_count_of_township_health_centres(lex):
    text = ("全县16家乡镇卫生院全部建成中医馆。全年接种各类疫苗9.8万剂次，犬只驱虫投药4.6万余条次，"
            "手术带教57台次，提供机构托养服务1.3万人天。")
    assert _values_and_units(text, lex) == [("16", "家"), ("98000", "剂次"), ("46000", "条次"), ("57", "台次"),
                                            ("13000", "人天")]


def test_a_bracketed_kind_before_a_figure_with_its_own_unit_is_no_table_cell(lex):
    text = "全县共有医疗卫生机构612个，其中乡镇卫生院19个，社区卫生服务中心（站）4个，村卫生室54个。"
    assert _values_and_units(text, lex) == [("612", "个"), ("19", "个"), ("4", "个"), ("54", "个")]


def test_a_name_quoted_right_after_a_verb_that_launches_it_is_a_program(lex):
    text = ("团县委在儿童之家开展“快乐暑假”公益托管。在金棉乡试点建设“云端亲情屋”，配备设备。"
            "开展“一对一”帮扶。孩子们有了“家门口”的书屋。")
    assert _program_names(lex, text) == {"儿童之家", "快乐暑假", "云端亲情屋"}, _program_names(lex, text)


def test_an_adverb_between_a_name_and_its_act_and_a_conjunction_after_a_post_end_no_name(lex):
    text = "青少年服务台的心理咨询师杜娟也来到现场。乡镇残联全部配齐理事长和专职委员。不少老人常年住在海上渔排。"
    assert _person_names(lex, text) == ["杜娟"], _person_names(lex, text)


def test_a_section_a_clause_assigns_the_work_to_starts_after_the_assigning_words(lex):
    text = "漾濞彝族自治县民政局关于建议的答复\n局党组研究办理工作，明确由养老服务股具体承办，规划信息与财务股负责资金。"
    found = {c for c in _org_canonicals(text, lex).values() if c and c.endswith("股")}
    assert found == {"漾濞彝族自治县民政局养老服务股", "漾濞彝族自治县民政局规划信息与财务股"}, found


def test_national_insurances_campaigns_and_systems_are_programs(lex):
    text = "全县参加工伤保险2.1万人、失业保险1.8万人。深入开展优质服务基层行活动，以国家免疫规划为重点，推广医保电子凭证。"
    assert {"工伤保险", "失业保险", "优质服务基层行", "国家免疫规划", "医保电子凭证"} <= _program_names(lex, text)


def test_a_name_before_its_age_and_a_name_a_post_is_said_to_be_held_by_are_persons(lex):
    text = ("坐在她对面的王福顺今年77岁。彝族老人吉伍木呷今年76岁。全县今年65岁以上老人免费体检。"
            "服务中心承诺项目负责人为李慧敏，配备康复治疗师5名。以副县长为组长，副局长为副组长。")
    assert _person_names(lex, text) == ["王福顺", "吉伍木呷", "李慧敏"], _person_names(lex, text)


def test_four_character_names_before_a_bracketed_body_and_post_and_a_residents_tibetan_name(lex):
    text = ("隆子县新闻发布会\n主持人：拉巴次仁（县委宣传部副部长）\n发布人：次仁旺堆（县民政局党组书记、局长）\n"
            "　　　　格桑卓嘎（县残联党组书记、理事长）\n　　　　王建国（县医保局局长）\n今年79岁的居民降央曲批一边捻着佛珠。")
    assert set(_person_names(lex, text)) == {"拉巴次仁", "次仁旺堆", "格桑卓嘎", "王建国", "降央曲批"}, _person_names(lex, text)


def test_a_trial_a_village_level_and_a_distance_end_a_bodys_name_on_its_left(lex):
    text = ("我们还在下党乡试点“巾帼暖心”邻里互助队。已将瓦厂乡村级日间照料中心建设项目列入计划。不少老人居住地距村委会较远。"
            "成立成安县农村互助养老服务试点工作领导小组。")
    found = set(_org_canonicals(text, lex))
    assert "成安县农村互助养老服务试点工作领导小组" in found, found
    assert not {"下党乡试点“巾帼暖心”邻里互助队", "瓦厂乡村级日间照料中心", "不少老人居住地距村委会"} & found, found


def test_round_the_clock_service_is_no_figure_but_a_response_time_is_and_doses_tablets_and_per_mille_points_count(lex):
    text = ("热线实行24小时值守，开通24小时服务热线，急难型救助对象实现24小时内先行救助。"
            "免费发放叶酸1280人份，投放驱虫药2.3万片，婴儿死亡率比上年下降0.41个千分点。全县分3片区。")
    assert _values_and_units(text, lex) == [("24", "小时"), ("1280", "人份"), ("23000", "片"), ("0.41", "个千分点")]


def test_a_verb_of_having_or_founding_before_a_head_and_freshmen_after_it_make_no_body(lex):
    text = ("乌日根塔拉镇有幼儿园1所。现在村里有食堂、镇上有中心，踏实！石桥镇卫生院创建二级医院。"
            "资助家庭困难大学新生56名。宁蒗县彝家兴商贸有限公司捐款。谢谢大家。")
    assert set(_org_canonicals(text, lex)) == {"石桥镇卫生院", "宁蒗县彝家兴商贸有限公司"}, _org_canonicals(text, lex)
    assert _person_names(lex, text) == []
