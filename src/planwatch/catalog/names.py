"""Normalised indicator names: the key that plan rows, prose targets and observations are matched on.

Plan tables write the same indicator many ways (每千人口拥有执业(助理)医师数, 每千人拥有执业医师数;
单位GDP能耗, 单位地区生产总值能源消耗; 全州完成地区生产总值). ``normalise`` folds the spellings that never
change the meaning; everything else is left to the catalogue's synonyms.
"""

from __future__ import annotations

import re
import unicodedata

# whole-name prefixes that only say whose figure it is: 全县地区生产总值, 全州完成地区生产总值
_WHOSE = re.compile(r"^(?:全[省市州县区旗盟]|[省市州县区]级)?(?:完成|实现)?")
_BRACKETS = str.maketrans("", "", "()（）[]【】〔〕《》“”\"'‘’、,，。:：;；·")
# spellings that never change the meaning, applied in order
_FOLDS: tuple[tuple[str, str], ...] = (
    ("GDP", "地区生产总值"),
    ("国内生产总值", "地区生产总值"),
    ("每千人口", "每千人"),
    ("每万人口", "每万人"),
    ("拥有", ""),
    ("能源消耗", "能耗"),
    ("二氧化碳排放量", "二氧化碳排放"),
    ("比例", "比重"),
    ("比率", "比重"),
    ("占比", "比重"),
    ("的", ""),
)
_RATE_TAIL = re.compile(r"(?:年均)?(?:增长率|增速|增幅|增长)$")
_FALL = re.compile(r"(?:降低|下降|降幅|减少)(?:率)?$")
_LOWER_WORDS = (
    "失业率", "能耗", "排放", "降低", "下降", "降幅", "死亡率", "发病率", "发生率", "事故", "债务率",
    "负债率", "恩格尔系数", "浓度", "PM2.5", "PM10", "贫困", "用水量", "耗水", "超标", "污染",
)  # fmt: skip
# words whose presence in one name and absence in the other means two different indicators
CONTRASTS = (
    "城镇", "农村", "城市", "乡村", "城乡", "全体", "一般", "规模以上", "人均", "增长", "降低", "下降",
    "比重", "总量", "新增", "累计", "年均", "每千人", "每万人", "公共", "居民", "单位",
)  # fmt: skip


def normalise(name: str) -> str:
    """The matching key of an indicator name: NFKC, no spaces or brackets, folded spellings."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(text.split()).translate(_BRACKETS)
    text = text.upper()  # gdp, Gdp → GDP; Chinese is unaffected
    for old, new in _FOLDS:
        text = text.replace(old, new)
    stripped = _WHOSE.sub("", text, count=1)
    return stripped if len(stripped) >= 2 else text


def is_rate_name(name: str) -> bool:
    """Whether a name denotes a yearly rate of change (…增长率, …增速, …能耗降低)."""
    key = normalise(name)
    return bool(_RATE_TAIL.search(key) or _FALL.search(key))


def rate_base(name: str) -> str | None:
    """The level a growth-rate name is the rate of: 地区生产总值年均增长率 → 地区生产总值."""
    key = normalise(name)
    m = _RATE_TAIL.search(key)
    if m is None or m.start() < 2:
        return None
    return key[: m.start()]


def is_lower_better(name: str) -> bool:
    """A conservative guess for new catalogue entries: falls, unemployment, emissions, accidents."""
    key = unicodedata.normalize("NFKC", name).upper()
    return any(word in key for word in _LOWER_WORDS)
