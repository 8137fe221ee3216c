"""The stoplist: numerals inside words, slogans and ordinals are not numbers; names are flagged."""

from __future__ import annotations

import itertools

import pytest

from planwatch.normalize.numbers import NumberMention, find_numbers
from planwatch.normalize.stoplist import STOP_PATTERNS, STOPWORDS, is_name_like, stop_spans

ALL_STOPWORDS = sorted({(category, word) for category, words in STOPWORDS.items() for word in words})


@pytest.mark.parametrize(("category", "word"), ALL_STOPWORDS)
def test_every_stopword_hides_its_numerals(category: str, word: str) -> None:
    """GIVEN a stoplisted word in a sentence WHEN numbers are found THEN none comes from the word."""
    text = f"要求，{word}，完成"
    assert find_numbers(text) == [], category


def test_stopwords_are_declared_once() -> None:
    words = [w for ws in STOPWORDS.values() for w in ws]
    assert len(words) == len(set(words))


@pytest.mark.parametrize(
    ("pattern", "text", "stopped"),
    [
        ("ordinal", "第十四次党代会", "第十四"),
        ("ordinal", "第3季度", "第3"),
        ("adverb", "十分重要", "十分"),
        ("enumerator", "其二，推动", "其二"),
        ("enumerator", "。二是加强", "二是"),
        ("list_label", "\n1.加强领导", "1."),
        ("list_label", " 12、推进", "12、"),
        ("list_label", "\n三、发展目标", "三、"),
        ("bracket_label", "（一）总体要求", "（一）"),
        ("bracket_label", "(2)完善机制", "(2)"),
        ("session", "十三届四次全会", "十三届"),
        ("session", "四次全会", "四次全会"),
        ("session", "五中全会精神", "五中全会"),
        ("session", "十四次党代会", "十四次党代会"),
        ("session_meeting", "十三届全国人大三次会议", "三次会议"),
        ("session_meeting", "十五届一次人代会", "一次人代会"),
        ("n_in_one", "四位一体的商贸体系", "四位一体"),
        ("n_element", "破除城乡二元结构", "二元"),
        ("hotline", "拨打12345政务服务热线", "12345"),
        ("hotline", "“12348”法律服务热线", "12348"),
    ],
)
def test_stop_patterns(pattern: str, text: str, stopped: str) -> None:
    assert pattern in STOP_PATTERNS
    start, end = text.index(stopped), text.index(stopped) + len(stopped)
    assert any(s <= start and end <= e for s, e in stop_spans(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("三万一千人", "三万一千"),  # 万一 is a word, but not inside a numeral run
        ("建党一百年", "一百"),  # 百年 likewise
        ("十分钟生活圈", "十"),  # 十分 only when not 十分钟
        ("增长3.5%", "3.5"),  # a decimal is not a list label
        ("拨打12345", "12345"),  # a number not followed by 热线 is a number
        ("三统一", "三"),
        ("召开三次会议", "三"),  # N次会议 without a 届 before it is a count
        ("召开十二次", "十二"),  # 二次 (secondary) is a word, but not inside 十二次
    ],
)
def test_numerals_next_to_stopwords_survive(text: str, kept: str) -> None:
    assert kept in [m.text for m in find_numbers(text)]


def test_stop_spans_are_sorted_and_disjoint() -> None:
    spans = stop_spans("第一，统一推进“十四五”规划，一是进一步落实一带一路。（一）十九大")
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def _mention(text: str, token: str) -> NumberMention:
    start = text.index(token)
    return NumberMention(start, start + len(token), token, 0.0, chinese=True, percent_form=False)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("实施六大工程", "六"),
        ("推进5大类产业", "5"),
        ("深入实施“五四战略”", "五"),
        ("构建“1+3+8”对口帮扶体系", "3"),
        ("落实1+N政策体系", "1"),
        ("推进一县一策", "一"),
        ("坚持四治四化", "四"),
        ("开展环境整治三年行动", "三"),
        ("实施十项工程", "十"),
        ("深入推进百乡千村示范创建", "千"),
    ],
)
def test_slogans_and_names_are_name_like(text: str, token: str) -> None:
    assert is_name_like(text, _mention(text, token))


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("建成5个示范村", "5"),
        ("两家三级医院", "两"),
        ("地区生产总值增长5%", "5"),
        ("新建三千吨冷库", "三"),
        ("五年来，全县", "五"),
    ],
)
def test_quantities_are_not_name_like(text: str, token: str) -> None:
    assert not is_name_like(text, _mention(text, token))
