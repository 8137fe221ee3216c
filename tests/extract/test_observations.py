"""Reported figures: value, unit, growth (signed), period and region."""

from __future__ import annotations

from pathlib import Path

import planwatch
from planwatch.model.facts import Observation


def _obs(text: str) -> list[Observation]:
    return planwatch.extract(text).observations


REPORT = (
    "黄南藏族自治州政府工作报告\n来源:黄南州人民政府\n一、2021年工作回顾\n"
    "全州完成地区生产总值88.6亿元,同比增长4.1%;社会消费品零售总额20.5亿元,同比下降2.3%;"
    "电商销售额同比增长35.2%。新建村级卫生室12所、乡镇卫生院3所。\n"
    "二、2022年工作安排\n地区生产总值增长6%左右。\n"
)


def test_work_report_review() -> None:
    obs = _obs(REPORT)
    got = [(o.subject, o.value, o.unit, o.growth, o.period) for o in obs]
    assert got == [
        ("地区生产总值", 88.6, "亿元", 4.1, "2021"),
        ("社会消费品零售总额", 20.5, "亿元", -2.3, "2021"),
        ("电商销售额", None, None, 35.2, "2021"),
        ("村级卫生室", 12, "所", None, "2021"),
        ("乡镇卫生院", 3, "所", None, "2021"),
    ]
    assert {o.region for o in obs} == {"黄南藏族自治州"}
    for o in obs:
        assert REPORT[o.evidence.start : o.evidence.end] == o.evidence.quote


def test_news_half_year_and_sub_region() -> None:
    news = (
        "玉树州推进生态建设综述\n来源: 三江源日报\n发布时间: 2021-08-16 09:30:12\n"
        "近年来,全州完成国土绿化4.2万公顷。2021年上半年,玉树市空气质量优良天数比例为95.1%,同比上升0.8个百分点;"
        "PM2.5平均浓度14微克/立方米,同比下降12%。\n"
    )
    obs = _obs(news)
    green = obs[0]
    assert (green.value, green.unit, green.period, green.region) == (4.2, "万公顷", "2021", "玉树州")
    air = [o for o in obs if o.value in (95.1, 14)]
    assert [(o.region, o.period, o.growth) for o in air] == [
        ("玉树市", "2021H1", 0.8),
        ("玉树市", "2021H1", -12),
    ]


def test_plan_review_periods() -> None:
    plan = (
        "青松县国民经济和社会发展第十四个五年规划纲要\n第一章 “十三五”发展成就\n"
        "城镇居民人均可支配收入由2015年的25000元增加到36000元。五年累计完成固定资产投资210亿元,新增市场主体900家。"
        "城镇化率达到48.2%。\n第二章 发展环境\n全国经济增长6%。\n"
    )
    obs = _obs(plan)
    assert [(o.value, o.period) for o in obs] == [
        (25000, "2015"),
        (36000, "2020"),
        (210, "2016-2020"),
        (900, "2016-2020"),
        (48.2, "2020"),
    ]


def test_thresholds_ranks_and_forward_sentences_are_not_figures() -> None:
    news = (
        "某县发展综述\n来源: 某日报\n发布时间: 2021-01-05\n"
        "全县186个行政村持续保持3万元以上集体收入,增速位居全市第3位。下一步将力争新增就业3000人。\n"
    )
    obs = _obs(news)
    assert [(o.subject, o.value, o.unit) for o in obs] == [("行政村", 186, "个")]


def test_figures_in_a_bulletin_table() -> None:
    bulletin = (
        "青松县2023年国民经济和社会发展统计公报\n青松县统计局\n一、综合\n表1 2023年主要指标\n"
        "指标\t绝对数(亿元)\t比上年增长(%)\t预期目标(%)\n地区生产总值\t130.2\t5.1\t6\n其中:工业\t40.7\t-1.2\t5\n"
    )
    obs = [o for o in _obs(bulletin) if "\t" in o.evidence.quote]
    assert [(o.subject, o.value, o.unit, o.growth, o.period) for o in obs] == [
        ("地区生产总值", 130.2, "亿元", 5.1, "2023"),
        ("工业", 40.7, "亿元", -1.2, "2023"),
    ]


def test_plan_review_average_growth_lists_and_coverage() -> None:
    plan = (
        "青松县国民经济和社会发展第十四个五年规划纲要\n第一章 “十三五”发展成就\n"
        "全县地区生产总值年均增长6.1%,城乡居民人均可支配收入年均分别增长7.5%和9.2%。"
        "农村电商服务站实现41个行政村全覆盖。\n第二章 发展环境\n全国经济增长6%。\n"
    )
    got = [(o.subject, o.value, o.growth, o.period) for o in _obs(plan)]
    assert got == [
        ("地区生产总值", None, 6.1, "2016-2020"),
        ("城镇居民人均可支配收入", None, 7.5, "2016-2020"),
        ("农村居民人均可支配收入", None, 9.2, "2016-2020"),
        ("行政村", 41, None, "2020"),
    ]


def test_a_count_that_restates_the_list_before_it_is_not_a_figure() -> None:
    report = (
        "青松县政府工作报告\n一、2023年工作回顾\n"
        "全面完成耕地保护、生态保护、城镇开发边界三条控制线划定,突出生态、文旅两个重点,"
        "新建东关、西关两个农贸市场,建成乡镇卫生院3所。\n"
    )
    got = [(o.subject, o.value, o.unit) for o in _obs(report)]
    assert got == [("农贸市场", 2, "个"), ("乡镇卫生院", 3, "所")]


def test_subjects_keep_quoted_names_and_drop_from_year_phrases() -> None:
    report = (
        "青松县政府工作报告\n一、2023年工作回顾\n"
        "“双招双引”签约资金17亿元,整治“散乱污”企业28家,县级行政许可事项减少至76项,"
        "学前三年毛入园率、义务教育巩固率和高中阶段毛入学率分别为98%、99.2%、92.5%。\n"
    )
    got = [(o.subject, o.value) for o in _obs(report)]
    assert got == [
        ("“双招双引”签约资金", 17),
        ("整治“散乱污”企业", 28),
        ("县级行政许可事项", 76),
        ("学前三年毛入园率", 98),
        ("义务教育巩固率", 99.2),
        ("高中阶段毛入学率", 92.5),
    ]
    plan = (
        "青松县国民经济和社会发展第十四个五年规划纲要\n第一章 “十三五”发展成就\n"
        "城镇居民人均可支配收入由2015年的25000元增加到36000元。\n第二章 发展环境\n全国经济增长6%。\n"
    )
    assert [(o.subject, o.value) for o in _obs(plan)] == [
        ("城镇居民人均可支配收入", 25000),
        ("城镇居民人均可支配收入", 36000),
    ]


def test_bulletin_levels_changes_and_the_industry_structure() -> None:
    bulletin = (
        "2023年青松县国民经济和社会发展统计公报\n青松县统计局\n一、综合\n"
        "初步核算,全县实现生产总值(GDP)861520万元,按可比价格计算,比上年增长5.1%。"
        "三次产业增加值结构为8.1:41.6:50.3。据全省1‰人口变动抽样调查推算,年末常住人口12.6万人。\n"
        "二、农业\n全年粮食播种面积36.12千公顷,比上年增加0.25千公顷,增长0.7%。"
        "全年粮食总产量21.4万吨,比上年减少0.3万吨,下降1.4%。\n"
    )
    got = [(o.subject, o.value, o.unit, o.growth, o.period) for o in _obs(bulletin)]
    assert got == [
        ("生产总值(GDP)", 861520, "万元", 5.1, "2023"),
        ("三次产业结构:第一产业比重", 8.1, None, None, "2023"),
        ("三次产业结构:第二产业比重", 41.6, None, None, "2023"),
        ("三次产业结构:第三产业比重", 50.3, None, None, "2023"),
        ("年末常住人口", 12.6, "万人", None, "2023"),
        ("粮食播种面积", 36.12, "千公顷", 0.7, "2023"),
        ("粮食总产量", 21.4, "万吨", -1.4, "2023"),
    ]


def test_an_industry_structure_whose_separators_were_lost() -> None:
    plan = (
        "青松县国民经济和社会发展第十四个五年规划纲要\n第一章 “十三五”发展成就\n"
        "三次产业结构由2015年的21.536.242.3调整为12.330.457.32020年地区生产总值达到48.2亿元。\n"
        "第二章 发展环境\n全国经济增长6%。\n"
    )
    got = [(o.subject, o.value, o.period) for o in _obs(plan) if o.subject.startswith("三次产业")]
    assert got == [
        ("三次产业结构:第一产业比重", 21.5, "2015"),
        ("三次产业结构:第二产业比重", 36.2, "2015"),
        ("三次产业结构:第三产业比重", 42.3, "2015"),
        ("三次产业结构:第一产业比重", 12.3, "2020"),
        ("三次产业结构:第二产业比重", 30.4, "2020"),
        ("三次产业结构:第三产业比重", 57.3, "2020"),
    ]


def test_an_unnumbered_review_heading_and_a_structure_with_presentation_colons() -> None:
    report = (
        "松山县政府工作报告\n各位代表:\n2023年工作回顾\n"
        "预计实现地区生产总值391亿元,增长8.6%;固定资产投资增长13.5%。三次产业比调整为11.8︰48.3︰39.9。\n"
        "2024年工作安排\n地区生产总值增长7%左右。\n"
    )
    facts = planwatch.extract(report)
    got = [(o.subject, o.value, o.growth, o.period) for o in facts.observations]
    assert got == [
        ("地区生产总值", 391, 8.6, "2023"),
        ("固定资产投资", None, 13.5, "2023"),
        ("三次产业结构:第一产业比重", 11.8, None, "2023"),
        ("三次产业结构:第二产业比重", 48.3, None, "2023"),
        ("三次产业结构:第三产业比重", 39.9, None, "2023"),
    ]
    assert [(t.subject, t.value, t.year) for t in facts.targets] == [("地区生产总值", 7, 2024)]


def test_a_dated_article_from_a_statistics_bureau_is_news_with_quarterly_figures() -> None:
    page = (
        "首页 | 新闻中心 | 政务公开 | 办事服务\n前三季度我县经济运行稳中向好\n"
        "发布时间:2023-10-26 09:30  来源:县统计局\n"
        "前三季度,全县实现地区生产总值86.3亿元,同比增长6.2%,高于全市平均水平0.8个百分点。"
        "规模以上工业增加值同比增长8.4%。\n截至9月底,金融机构各项存款余额152.4亿元,比年初增加11.2亿元。\n"
    )
    facts = planwatch.extract(page)
    assert facts.document.kind == "news"
    assert [(o.subject, o.value, o.growth, o.period) for o in facts.observations] == [
        ("地区生产总值", 86.3, 6.2, "2023Q3"),
        ("规模以上工业增加值", None, 8.4, "2023Q3"),
        ("金融机构各项存款余额", 152.4, None, "2023Q3"),
    ]


def test_a_product_table_in_an_html_bulletin(tmp_path: Path) -> None:
    page = tmp_path / "bulletin.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>公报</title></head><body>"
        "<h1>松山县2023年国民经济和社会发展统计公报</h1><p>松山县统计局</p><p>2024年3月20日</p>"
        "<h2>一、综合</h2><p>全年全县地区生产总值156.2亿元,比上年增长5.8%。</p><p>表1 2023年主要农产品产量</p>"
        "<table><tr><td>产品名称</td><td>单位</td><td>产量</td><td>比上年增长(%)</td></tr>"
        "<tr><td>粮食</td><td>万吨</td><td>21.4</td><td>-1.4</td></tr>"
        "<tr><td>油料</td><td>吨</td><td>4436</td><td>5.9</td></tr></table></body></html>",
        encoding="utf-8",
    )
    facts = planwatch.extract(page)
    assert facts.document.published == "2024-03-20"
    assert [(o.subject, o.value, o.unit, o.growth, o.period) for o in facts.observations] == [
        ("粮食产量", 21.4, "万吨", -1.4, "2023"),
        ("油料产量", 4436, "吨", 5.9, "2023"),
        ("地区生产总值", 156.2, "亿元", 5.8, "2023"),
    ]


def test_a_meetings_attendance_is_not_a_figure() -> None:
    page = (
        "松山县人代会开幕\n发布时间:2024-03-30 来源:松山县融媒体中心\n"
        "本次会议应到代表226人,实到代表206人。报告指出,全县完成地区生产总值189.2亿元,同比增长5.6%。\n"
    )
    assert [(o.subject, o.value) for o in _obs(page)] == [("地区生产总值", 189.2)]


def test_plan_review_from_to_multiples_and_paired_rates() -> None:
    plan = (
        "松山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第一章 发展基础\n"
        "“十三五”时期,全县地区生产总值由2015年的120亿元增加到2020年的180亿元,年均增长8.5%;"
        "一般公共预算收入突破10亿元,是2015年的1.6倍。"
        "城镇和农村居民人均可支配收入分别达到36500元和17800元,年均分别增长8.1%和9.3%。\n"
        "第二章 主要目标\n到2025年,全县地区生产总值达到260亿元。\n"
    )
    got = [(o.subject, o.period, o.value, o.growth) for o in _obs(plan)]
    assert got == [
        ("地区生产总值", "2015", 120, None),
        ("地区生产总值", "2020", 180, 8.5),
        ("一般公共预算收入", "2020", 10, None),
        ("城镇居民人均可支配收入", "2020", 36500, 8.1),
        ("农村居民人均可支配收入", "2020", 17800, 9.3),
    ]


def test_sub_region_figures_take_the_measure_of_the_sentence_before() -> None:
    report = (
        "2024年海西州人民政府工作报告\n一、2023年工作回顾\n"
        "全州地区生产总值完成810.5亿元,增长5.3%。其中,格尔木市完成420.1亿元,增长6.2%;德令哈市完成120.3亿元,增长4.8%。\n"
        "二、2024年工作安排\n全州地区生产总值增长5.5%左右。\n"
    )
    got = [(o.subject, o.region, o.value, o.growth) for o in _obs(report)]
    assert got == [
        ("地区生产总值", "海西州", 810.5, 5.3),
        ("地区生产总值", "格尔木市", 420.1, 6.2),
        ("地区生产总值", "德令哈市", 120.3, 4.8),
    ]


def test_a_plan_execution_report_reviews_one_year_and_sets_the_next() -> None:
    report = (
        "关于松山县2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n"
        "——2024年1月10日在松山县第十八届人民代表大会第四次会议上\n松山县发展和改革局\n各位代表:\n"
        "一、2023年国民经济和社会发展计划执行情况\n"
        "全县地区生产总值完成156.2亿元,增长5.8%,完成年度计划的97%;一般公共预算收入9.8亿元,增长6.1%。\n"
        "二、2024年经济社会发展主要预期目标\n地区生产总值增长6%左右;城镇新增就业2000人以上。\n"
    )
    facts = planwatch.extract(report)
    d = facts.document
    assert (d.kind, d.region, d.issuer, d.published) == (
        "work_report",
        "松山县",
        "松山县发展和改革局",
        "2024-01-10",
    )
    assert [(o.subject, o.period, o.value, o.growth) for o in facts.observations] == [
        ("地区生产总值", "2023", 156.2, 5.8),
        ("一般公共预算收入", "2023", 9.8, 6.1),
    ]
    assert [(t.subject, t.year, t.value, t.qualifier) for t in facts.targets] == [
        ("地区生产总值", 2024, 6, "about"),
        ("城镇新增就业", 2024, 2000, "at_least"),
    ]


def test_a_mid_term_evaluation_reports_figures_of_the_current_plan() -> None:
    report = (
        "松山县国民经济和社会发展第十四个五年规划纲要实施中期评估报告\n发布时间:2023-11-20 来源:松山县发展和改革局\n"
        "一、规划实施总体情况\n2022年,全县地区生产总值达到168.3亿元,2021-2022年年均增长6.1%,完成规划目标进度的45%。"
        "森林覆盖率达到44.1%。\n二、下一步工作\n确保到2025年地区生产总值达到220亿元。\n"
    )
    facts = planwatch.extract(report)
    assert (facts.document.kind, facts.document.period) == ("work_report", None)
    assert [(o.subject, o.period, o.value, o.growth) for o in facts.observations] == [
        ("地区生产总值", "2022", 168.3, 6.1),
        ("森林覆盖率", "2022", 44.1, None),
    ]
    assert [(t.subject, t.year, t.value) for t in facts.targets] == [("地区生产总值", 2025, 220)]


def test_age_bands_listed_before_one_head_noun() -> None:
    bulletin = (
        "松山县2022年国民经济和社会发展统计公报\n一、综合\n"
        "年末全县户籍人口112635人。0-17岁、18-34岁、35-59岁、60岁及以上户籍人口分别为18891人、19099人、48951人和25594人。\n"
    )
    got = [(o.subject, o.value) for o in _obs(bulletin)]
    assert got == [
        ("年末全县户籍人口", 112635),
        ("0-17岁户籍人口", 18891),
        ("18-34岁户籍人口", 19099),
        ("35-59岁户籍人口", 48951),
        ("60岁及以上户籍人口", 25594),
    ]
