"""Quantities: number + unit (+ range partner, approximation marker), as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.normalize.quantities import Quantity, find_quantities


def _one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("森林覆盖率达到65%", "65%", 65, "%"),
        ("5G用户占比百分之六十五", "百分之六十五", 65, "%"),
        ("出生缺陷率千分之三", "千分之三", 3, "‰"),
        ("新建三千吨冷库", "三千吨", 3000, "吨"),
        ("新建两家三级医院", "两家", 2, "家"),
        ("总投资1.2万亿元", "1.2万亿元", 1.2, "万亿元"),
        ("补助15万元", "15万元", 15, "万元"),
        ("打造百亿元产业集群", "百亿元", 100, "亿元"),
        ("两千万元", "两千万元", 2000, "万元"),
        ("年产30万吨", "30万吨", 30, "万吨"),
        ("产能30万吨/年", "30万吨/年", 30, "万吨/年"),
        ("装机320万千瓦", "320万千瓦", 320, "万千瓦"),
        ("建成5千千瓦电站", "5千千瓦", 5, "千千瓦"),
        ("提高0.5个百分点", "0.5个百分点", 0.5, "个百分点"),
        ("新增就业1.2万", "1.2万", 1.2, "万"),
        ("牛存栏1.5万头", "1.5万头", 1.5, "万头"),
        ("人均可支配收入38216元", "38216元", 38216, "元"),
        ("共计1,234元", "1,234元", 1234, "元"),
        ("增长-2.3%", "-2.3%", -2.3, "%"),
        ("建设220kV变电站", "220kV", 220, "kV"),
        ("厂房800m2", "800m2", 800, "m2"),
        ("接受教育年限11年", "11年", 11, "年"),
        ("每千人口拥有床位5张", "5张", 5, "张"),
        ("办理时限压缩至3个工作日", "3个工作日", 3, "个工作日"),
        ("指标为3", "3", 3, None),
    ],
)
def test_single_quantities(text: str, quote: str, value: float, unit: str | None) -> None:
    q = _one(text)
    assert (q.text, q.value, q.unit, q.low, q.high) == (quote, value, unit, None, None)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "quote", "low", "high", "unit"),
    [
        ("年均增长5%-8%", "5%-8%", 5, 8, "%"),
        ("建设3-5个示范村", "3-5个", 3, 5, "个"),
        ("提高10%—15%", "10%—15%", 10, 15, "%"),
        ("增长5%～8%", "5%～8%", 5, 8, "%"),
        ("培育3至5个", "3至5个", 3, 5, "个"),
        ("控制在5至8", "5至8", 5, 8, None),
        ("新建三至五个", "三至五个", 3, 5, "个"),
        ("年产1.5-2万吨", "1.5-2万吨", 1.5, 2, "万吨"),
        ("年产2万-3万吨", "2万-3万吨", 2, 3, "万吨"),
        ("建设5个-8个", "5个-8个", 5, 8, "个"),
        ("0-3岁婴幼儿", "0-3岁", 0, 3, "岁"),
    ],
)
def test_ranges(text: str, quote: str, low: float, high: float, unit: str | None) -> None:
    q = _one(text)
    assert (q.text, q.value, q.low, q.high, q.unit) == (quote, None, low, high, unit)


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "approx"),
    [
        ("全长600余千米", "600余千米", 600, "千米", "余"),
        ("面积400多平方米", "400多平方米", 400, "平方米", "多"),
        ("带动5万余人", "5万余人", 5, "万人", "余"),
        ("惠及100多万人", "100多万人", 100, "万人", "多"),
        ("入驻企业50余家", "50余家", 50, "家", "余"),
        ("增长5.5%左右", "5.5%", 5.5, "%", "左右"),
        ("达到95%以上", "95%", 95, "%", "以上"),
        ("控制在5%以内", "5%", 5, "%", "以内"),
        ("降至3%以下", "3%", 3, "%", "以下"),
        ("约5%", "5%", 5, "%", "约"),
        ("大约200人", "200人", 200, "人", "大约"),
        ("近两万人", "两万人", 2, "万人", "近"),
        ("近三年来", "三年", 3, "年", None),
        ("最近3年", "3年", 3, "年", None),
        ("增长5%", "5%", 5, "%", None),
    ],
)
def test_approximation_markers(text: str, quote: str, value: float, unit: str, approx: str | None) -> None:
    q = _one(text)
    assert (q.text, q.value, q.unit, q.approx) == (quote, value, unit, approx)


@pytest.mark.parametrize(
    ("text", "quote", "is_year"),
    [
        ("到2025年", "2025年", True),
        ("二〇三五年远景目标", "二〇三五年", True),
        ("到２０２５年", "２０２５年", True),
        ("“十四五”时期(2021-2025年)", "2021-2025年", True),
        ("接受教育年限11年", "11年", False),
        ("工作13年", "13年", False),
        ("2025", "2025", False),
    ],
)
def test_years_are_flagged(text: str, quote: str, is_year: bool) -> None:
    q = _one(text)
    assert (q.text, q.is_year) == (quote, is_year)


@pytest.mark.parametrize(
    ("text", "quote", "parts"),
    [
        ("三次产业结构调整为12.1:30.4:57.5", "12.1:30.4:57.5", (12.1, 30.4, 57.5)),
        ("师生比达到1:7", "1:7", (1, 7)),
        ("配比1：1.5", "1：1.5", (1, 1.5)),
    ],
)
def test_ratios(text: str, quote: str, parts: tuple[float, ...]) -> None:
    q = _one(text)
    assert (q.text, q.ratio, q.value, q.unit, q.parts) == (quote, True, None, None, parts)


@pytest.mark.parametrize(
    "text",
    [
        "三千",  # a Chinese numeral alone in prose
        "三至五",
        "“十四五”时期",
        "第一产业",
        "进一步统一",
        "一批重点项目",
        "三大攻坚战",
        "十九大以来",
        "2022年07月20日",
        "发布时间：2020-09-22 11:44:04",
        "2020/9/22",
        "1-6月",
        "7月20日",
        "每万人口",
        "G109国道",
        "5G基站",
        "PM2.5浓度",
        "4A级景区",
        "一半",
        "十三届全国人大三次会议",
        "破除城乡二元结构",
        "防止二次污染",
        "中华民族一家亲",
        "六五四项目区",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_name_like_quantities_are_flagged_not_dropped() -> None:
    """GIVEN a numeral inside a programme name WHEN found THEN it is kept and marked name_like."""
    found = find_quantities("开展人居环境整治五年行动，新建5个村")
    assert [(q.text, q.name_like) for q in found] == [("五年", True), ("5个", False)]


def test_several_quantities_in_one_sentence() -> None:
    text = "2021年全县地区生产总值完成21.3亿元，同比增长6.5%，城镇居民人均可支配收入37374元。"
    assert [(q.text, q.value, q.unit, q.is_year) for q in find_quantities(text)] == [
        ("2021年", 2021, "年", True),
        ("21.3亿元", 21.3, "亿元", False),
        ("6.5%", 6.5, "%", False),
        ("37374元", 37374, "元", False),
    ]


_ALPHABET = (
    "0123456789.-%:一二两三四五六七八九十百千万亿点第年个元吨人余多约左右以上内月日G m²kW—～至“”，。大每"
)


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_quantities_are_consistent(text: str) -> None:
    """Spans quote the text, appear in order, and a value is either single or a range or a ratio."""
    last_end = 0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        if q.ratio:
            assert q.value is None
            assert len(q.parts) >= 2
        elif q.value is None:
            assert q.low is not None
            assert q.high is not None
            assert q.low < q.high
        else:
            assert q.low is None
            assert q.high is None
