"""Document metadata: kind, title, region, issuer, 发文字号, date, plan period."""

from __future__ import annotations

import planwatch
from planwatch.model.facts import DocumentInfo


def _doc(text: str) -> DocumentInfo:
    return planwatch.extract(text).document


def test_notice_page_with_metadata_fields() -> None:
    page = (
        "网站无障碍\n索引号: 000/2022-1 发文字号: 淮政办〔2022〕15号\n发文机关: 淮安市人民政府办公室 主题分类: 综合政务\n"
        "成文日期: 2022年03月01日 发布日期: 2022年03月04日\n淮安市人民政府办公室\n关于印发淮安市“十四五”\n"
        "重点任务分工方案的通知\n各县区人民政府:\n现印发给你们。\n1. 推进项目建设。\n牵头单位:市发展改革委\n"
        "2. 优化营商环境。\n牵头单位:市政务办\n3. 稳定就业。\n牵头单位:市人社局\n"
    )
    d = _doc(page)
    assert d.kind == "task_division"
    assert d.title == "淮安市“十四五”重点任务分工方案"
    assert d.region == "淮安市"
    assert d.issuer == "淮安市人民政府办公室"
    assert d.doc_number == "淮政办〔2022〕15号"
    assert d.published == "2022-03-04"
    assert d.period is None


def test_plan_page_with_breadcrumb_and_source_line() -> None:
    page = (
        "首页 > 政务公开 > 规划计划\n兰山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "来源:兰山县发展和改革局    时间:2021年04月02日\n第一章 发展基础\n"
    )
    d = _doc(page)
    assert (d.kind, d.region, d.issuer, d.published, d.period) == (
        "plan",
        "兰山县",
        "兰山县发展和改革局",
        "2021-04-02",
        (2021, 2025),
    )
    assert d.title == "兰山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"


def test_web_publisher_is_not_the_issuer_of_a_plan() -> None:
    page = "兰山县国民经济和社会发展第十四个五年规划纲要\n来源:兰山县政务服务中心  时间:2021-05-06\n第一章 总则\n"
    assert _doc(page).issuer is None


def test_work_report_title_drops_the_date_note() -> None:
    page = "大理白族自治州政府工作报告(2023年1月10日 张三)\n2023年01月20日 10:00   来源:大理州人民政府\n一、2022年工作回顾\n"
    d = _doc(page)
    assert (d.kind, d.title, d.issuer, d.published) == (
        "work_report",
        "大理白族自治州政府工作报告",
        "大理州人民政府",
        "2023-01-20",
    )
    assert d.region == "大理白族自治州"


def test_news_title_with_subtitle_and_region_in_it() -> None:
    page = (
        "设为首页 | 加入收藏\n您现在的位置:首页 →正文\n奋力谱写高质量发展新篇章\n——大理州推进乡村振兴工作综述\n"
        "来源: 大理日报\n发布时间: 2021-06-01 09:00:00\n近年来,全州各项工作取得新成效。\n相关新闻\n·其他新闻一\n"
    )
    d = _doc(page)
    assert d.kind == "news"
    assert d.title == "奋力谱写高质量发展新篇章——大理州推进乡村振兴工作综述"
    assert d.region == "大理州"  # as the subtitle names it
    assert d.issuer == "大理日报"
    assert d.published == "2021-06-01"


def test_statistical_bulletin() -> None:
    d = _doc("兰山县2022年国民经济和社会发展统计公报\n兰山县统计局\n2023年3月20日\n一、综合\n")
    assert (d.kind, d.region, d.issuer) == ("bulletin", "兰山县", "兰山县统计局")


def test_region_from_the_source_when_the_title_names_none() -> None:
    page = "桃源县人民政府门户网站\n2023年政府工作报告\n2023-02-01 来源:桃源县人民政府\n一、2022年工作回顾\n"
    d = _doc(page)
    assert (d.title, d.kind, d.region, d.issuer) == (
        "2023年政府工作报告",
        "work_report",
        "桃源县",
        "桃源县人民政府",
    )


def test_pipe_table_fields_and_the_organ_that_opens_a_notice_title() -> None:
    page = (
        "索引号: | 0000/202304-001 | 信息分类: | 规范性文件 |\n发布机构: | 青松县政府(办公室) | 主题分类: | 综合政务 |\n"
        "成文日期: | 发布日期: | 2023-04-09 08:44 | |\n发文字号: | 无 | 有 效 性: | 有效 |\n"
        "标 题: | 柳州市青松县人民政府办公室关于印发2023年政府工作报告重点工作任务分解表的通知 | ||\n"
        "各乡镇人民政府,县政府各部门:\n现将分解表印发给你们,请认真抓好落实。\n"
    )
    d = _doc(page)
    assert (d.kind, d.title, d.issuer, d.doc_number, d.published) == (
        "task_division",
        "2023年政府工作报告重点工作任务分解表",
        "柳州市青松县人民政府办公室",
        None,
        "2023-04-09",
    )


def test_bulleted_fields_chrome_buttons_and_a_doc_number_in_the_title() -> None:
    page = (
        "返 回\n  • 无障碍\n  • 长辈版\n• 索引号:0000/2021-001\n  • 发布机构:县人民政府办公室\n  • 公开日期:2021-03-23\n"
        "2021年县政府重点工作任务(松政发〔2021〕2号)\n来源:松山县政府   2021-03-23 10:56\n浏览量:1 | | | |\n"
        "各乡镇人民政府、县直各单位:\n《2021年县政府重点工作任务分解》已经县人民政府同意,现印发给你们。\n返回顶部\n"
    )
    d = _doc(page)
    assert (d.kind, d.title, d.region, d.issuer, d.doc_number, d.published) == (
        "task_division",
        "2021年县政府重点工作任务",
        "松山县",
        "松山县人民政府办公室",
        "松政发〔2021〕2号",
        "2021-03-23",
    )


def test_work_report_region_and_date_from_its_speech_line() -> None:
    report = (
        "政府工作报告\n  ——2024年1月16日在望城区第三届人民代表大会第四次会议上\n  区长 某某\n各位代表:\n"
        "一、2023年工作回顾\n全年地区生产总值增长5.1%。\n"
    )
    d = _doc(report)
    assert (d.kind, d.title, d.region, d.issuer, d.published) == (
        "work_report",
        "政府工作报告",
        "望城区",
        "望城区人民政府",
        "2024-01-16",
    )


def test_news_from_a_county_media_centre() -> None:
    page = (
        "青松县人代会开幕\n发布时间:2024-03-30 来源:青松县融媒体中心\n"
        "3月29日,青松县第十八届人民代表大会第二次会议开幕。完成地区生产总值189.2亿元,同比增长5.6%。\n"
    )
    d = _doc(page)
    assert (d.kind, d.issuer, d.published) == ("news", "青松县融媒体中心", "2024-03-30")
