"""Where a numeral is not a number: words, slogans and ordinals that merely contain one.

Declared as data, by category, so a reviewer can see at a glance why 一批 or 十四五 is skipped.
``stop_spans`` finds every stopped stretch of a text in a few fast regex passes; a numeral that
overlaps one is not a number mention. ``is_name_like`` flags (but does not drop) numerals inside slogans
and names such as 三大攻坚战, “五四战略” or 1+3+8.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Protocol, TypeAlias

from planwatch.normalize.chinese import NUMERAL_CHARS


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STOPWORDS: dict[str, tuple[str, ...]] = {
    # 一 inside ordinary words: adverbs, conjunctions, set phrases
    "words_with_yi": _words(
        """
        统一 进一步 一些 一般 一流 唯一 一律 一起 之一 一直 一切 一道 一致 同一 一定 一方面
        一举 一并 一体 一体化 一系列 一批 一大批 万一 一线 一站式 一张图 一张网 一张蓝图 一网通办 一网统管 一次性
        一窗 一门式 一手 一把手 一贯 一如既往 一以贯之 一心 一齐 一样 一旦 一度 一再 一向 一概 一味
        一同 一边 一面 一时 一刀切 一条龙 一揽子 一整套 一票否决 一肩挑 一岗双责 一卡通 一码通 一件事 一盘棋 一部分
        一环 一番 一员 一代 新一代 新一轮 一分子 一号文件 一号工程 跑一次 一次办 一带 一路 一带一路 双一流 一方
        一侧 一线天 一产 二产 三产 一二产 一二三产 三次产业 一点一滴 两点一线 三点一线 一家亲 一家人
        又一次 再一次 二次
        """
    ),
    # other numerals inside ordinary words
    "words_with_numerals": _words(
        """
        十足 零售 零星 零散 零距离 零容忍 零部件 零件 零工 百姓 老百姓 百货 百花 百强 百年 千方百计
        千家万户 千秋 万众 万物 万事 万象 万千 亿万 再三 三番五次 五湖四海 五花八门 七上八下 四面八方 四周 两岸
        两会 两委 两翼 两者 两手 两端 两侧 两级 三级 百分比 百分率 队伍 入伍 退伍 落伍 收拾
        九年一贯制
        """
    ),
    # fixed political slogans and programmes
    "slogans": _words(
        """
        十一五 十二五 十三五 十四五 十五五 五年规划 五年计划 三农 五位一体 四个全面 四个意识 四个自信 两个维护 两个确立 两个一百年 两新一重
        两学一做 三严三实 三会一课 三重一大 三公 三资 六稳 六保 八项规定 两不愁三保障 三保障 一优两高 一村一品 全国一盘棋 四风 三大攻坚战
        """
    ),
    # places, festivals and dates written with numerals
    "places_and_days": _words(
        """
        四川 三江源 三角城 三角洲 三亚 三门峡 三明 十堰 六盘水 六盘山 七台河 万州 五指山 二连浩特 九寨沟 八一
        五四 三八 六一 七一 五一
        """
    ),
    # party congresses: ordinals in all but name
    "sessions": _words(
        """
        十六大 十七大 十八大 十九大 二十大
        """
    ),
}
_N = f"[{NUMERAL_CHARS}]"
_NUM = f"[{NUMERAL_CHARS}0-9]"
# Each pattern starts with a literal or a character class and puts its context check after the
# first character, so the regex engine can skip ahead by first character over a long text.
STOP_PATTERNS: dict[str, str] = {
    "ordinal": rf"第{_NUM}+",
    "adverb": rf"十(?<!{_N}.)分(?!钟)",  # 十分重要 (very), but 十分钟 is ten minutes
    "enumerator": r"其[一二三四五六七八九十]|[一二三四五六七八九十](?<![^\s。;；:：,，].)[一二三四五六七八九十]{0,2}是",
    "list_label": r"[0-9](?<!\S.)[0-9]?[、.．)）](?![0-9])|[一二三四五六七八九十](?<!\S.)[一二三四五六七八九十]{0,2}、",
    "bracket_label": r"[（(](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]",
    "session": rf"{_N}+(?:届|中全会|次(?:全会|全体会议|党代会|代表大会))",
    "session_meeting": rf"届[^，。,;；\n]{{0,8}}?{_N}+次(?:会议|人代会|政协会)",  # 十三届全国人大三次会议
    "n_in_one": rf"{_N}位一体",  # 三位一体, 四位一体: a set phrase
    "n_element": r"[一二三四五六七八九十]元(?=化|结构|种植|格局|体系)",  # 城乡二元结构: not money
    "hotline": r"[0-9](?<![0-9].)[0-9]{4,5}(?![0-9])(?=[”\"]?[\u4e00-\u9fff]{0,8}热线)",
}
_EDGE = f"[{NUMERAL_CHARS}0-9]"


_Trie: TypeAlias = dict[str, "_Trie"]


def _trie_regex(words: list[str]) -> str:
    """One regex for many words, shaped as a trie so every branch starts with a literal.

    That shape lets the regex engine skip positions by their first character, which keeps a 1 MB
    scan fast. A word that begins or ends with a numeral only counts where the numeral run stops:
    万一 is a word, but not inside 三万一千; 百年 is, but not inside 一百年 (a hundred years).
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: _Trie, first: bool) -> str:
        alternatives = []
        for ch, child in sorted(node.items(), key=lambda kv: kv[0] == ""):
            if ch == "":
                continue
            numeral = re.fullmatch(_EDGE, ch) is not None
            head = f"(?<!{_EDGE}.)" if first and numeral else ""
            end = f"(?!{_EDGE})" if numeral else ""
            rest = branch(child, first=False) if len(child) > ("" in child) else ""
            if "" in child:
                tail = f"(?:{rest}|{end})" if rest and end else f"(?:{rest})?" if rest else end
            else:
                tail = rest
            alternatives.append(re.escape(ch) + head + tail)
        return "(?:" + "|".join(alternatives) + ")" if len(alternatives) > 1 else alternatives[0]

    return branch(trie, first=True)


_WORDS_RE = re.compile(_trie_regex(sorted({w for words in STOPWORDS.values() for w in words})))
_PATTERNS_RE = tuple(re.compile(p) for p in STOP_PATTERNS.values())


def stop_spans(text: str) -> list[tuple[int, int]]:
    """Every (start, end) of a stoplisted word or pattern in text, sorted and merged."""
    return _merged(m.span() for pattern in (_WORDS_RE, *_PATTERNS_RE) for m in pattern.finditer(text))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_Q = '“”"‘’「」『』'
NAME_PATTERNS: dict[str, str] = {
    "quoted_slogan": rf"[“\"‘「『][^{_Q}\n]{{1,12}}[”\"’」』]",
    "plus_formula": r"[0-9A-Za-zN一二三四五六七八九十]+(?:[+＋][0-9A-Za-zN一二三四五六七八九十]+)+",
    "n_da": rf"{_NUM}+大(?=[\u4e00-\u9fff])",
    # 一村一品, 两弹一星, 三严三实: two numerals each before one character, one of them 一 or both equal
    "paired": rf"(?:一[\u4e00-\u9fff]{_N}|{_N}[\u4e00-\u9fff]一|(?P<pair>{_N})[\u4e00-\u9fff](?P=pair))[\u4e00-\u9fff]",
    # 百乡千村, 十县百乡: round numerals paired with places, a programme name
    "round_paired": r"[十百千万][^\W\d十百千万亿两零〇一二三四五六七八九][十百千万][^\W\d十百千万亿两零〇一二三四五六七八九]",
    "programme": rf"{_NUM}+(?:年|项|个)?(?:行动|工程|战略|攻坚战)",
}
_NAME_RES = tuple(re.compile(p) for p in NAME_PATTERNS.values())


class Span(Protocol):
    """Anything with str offsets into a text (a NumberMention, a Quantity)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def name_spans(text: str) -> list[tuple[int, int]]:
    """Every stretch of text that is a slogan or name, sorted and merged (one pass per pattern)."""
    return _merged(m.span() for pattern in _NAME_RES for m in pattern.finditer(text))


def inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted, disjoint spans (starts = their starts)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and end <= spans[i][1]


def is_name_like(text: str, mention: Span) -> bool:
    """Whether the mention sits inside a slogan or name (三大攻坚战, “五四战略”, 1+3+8, 一村一品)."""
    lo = max(0, mention.start - 14)
    spans = name_spans(text[lo : mention.end + 14])
    return inside(spans, [s for s, _ in spans], mention.start - lo, mention.end - lo)
