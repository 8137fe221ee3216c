"""Numbers in running text that can be facts: quantities minus years, names, ordinals and descriptors.

``find_quantities`` finds every number with its unit. Here we drop the ones that are not measured
amounts in context: years, names and slogans, grades (5A级), voltage classes (330千伏), thresholds
that qualify a noun (12岁以上儿童, 10亿元以上项目), descriptors inside an indicator name
(社区服务站300米覆盖率) and project sizes (50万千瓦风电项目).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from planwatch.normalize.quantities import Quantity, find_quantities
from planwatch.parse.parsed import Parsed

_GRADE_AFTER = re.compile(
    r"^\s*(?:级|星级|星|A级|类|期|批|轮|届|次会议|大(?=[\u4e00-\u9fff])|方面|领域|环节|层次|维度)"
)
_CLASS_UNITS = {"千伏", "kV", "kv", "KV", "伏", "兆帕"}
_DESCRIPTOR_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:覆盖率|圈|半径|范围内|以内的|以上的)")
_PROJECT_AFTER = re.compile(
    r"^[\u4e00-\u9fff“”（）()A-Za-z0-9·]{0,16}?(?:项目|工程|电站|变电站|变电所|产业园|输变电)"
)
_CHINESE_DIGITS = re.compile(r"^[〇零一二三四五六七八九两]+")
_CHINESE_CODE = re.compile(r"^[〇零一二三四五六七八九]{3,}")
_SLOGAN_COUNTERS = (
    "类",
    "元",
    "轮",
    "本",
    "支",
    "套",
    "批",
    "张",
    "届",
    "代",
    "化",
    "体",
    "维",
    "线",
    "心",
    "环",
    "纵",
    "横",
)
_THRESHOLD_NOUN = re.compile(r"^[\u4e00-\u9fff]")
_RANK_BEFORE = re.compile(r"(?:第|前|排名|位居|位列|列|居)[\u4e00-\u9fff]{0,4}$")
_CLAUSE_START = re.compile(r"[，,。；;：:！？!?\n（(]")
_ENUM_SEPARATORS = (re.compile(r"、"), re.compile(r"、|和|与|及|以及"))
_FACILITY_AFTER = re.compile(
    r"^[^，,。；;：:]{0,14}?(?:中心|工程|项目|市场|电站|站|园区|园|馆|厂|场|医院|学校|基地|公路|道路|桥|村|社区|设施)"
)
_COUNTING = ("个", "项", "条", "种", "类", "大", "家", "座", "所", "张", "片", "区", "县", "方面", "支", "道")


def restates_enumeration(text: str, q: Quantity) -> bool:
    """Whether a count only restates the list right before it (东区、西区、北区三个片区;
    “文明城市”与“卫生城市”两个创建目标): the number of listed names, not a measured amount. Named
    facilities (滨河、和平两个便民市场) stay: building them is the fact."""
    if q.value is None or q.value < 2 or q.value > 12 or not (q.unit or "").startswith(_COUNTING):
        return False
    if _FACILITY_AFTER.match(text[q.end : q.end + 24]):
        return False  # 建设东湖、南山、北岭三个游客中心: named facilities are counted things
    head = text[max(0, q.start - 80) : q.start]
    clause = _CLAUSE_START.split(head)[-1]
    for sep in _ENUM_SEPARATORS:
        items = [x.strip(" “”\"'") for x in sep.split(clause)]
        if (
            len(items) == int(q.value)
            and all(0 < len(x) <= 24 for x in items)
            and not any(re.search(r"[0-9０-９]", x) for x in items)
        ):
            return True
    return False


def measured(text: str, q: Quantity) -> bool:
    """Whether a quantity in ``text`` is a measured amount (see the module docstring)."""
    if q.is_year or q.name_like:
        return False
    if _CHINESE_CODE.match(q.text):
        return False  # 二三五年: a year whose 〇 the source dropped
    chinese = bool(_CHINESE_DIGITS.match(q.text))
    if q.unit == "年" and (q.value or 0) >= 1900:
        return False  # 20152020年: years run together in a caption
    duration = q.unit in ("年", "天", "个月") and not text[max(0, q.start - 2) : q.start].endswith("连续")
    if chinese and (q.value == 1 or (q.unit or "").startswith(_SLOGAN_COUNTERS) or duration):
        return False  # 一个…、一座…, 三类空间, 四元结构, 五年: words and durations, not amounts
    if chinese and text[max(0, q.start - 1) : q.start] in ("“", '"', "「"):
        return False
    after = text[q.end : q.end + 20]
    before = text[max(0, q.start - 6) : q.start]
    if q.unit in _CLASS_UNITS or _GRADE_AFTER.match(after) or _RANK_BEFORE.search(before):
        return False
    if restates_enumeration(text, q):
        return False
    if q.approx in ("以上", "以下", "及以上", "及以下") and q.unit not in ("%", "‰"):
        rest = after[len(q.approx) :] if after.startswith(q.approx) else after
        if rest.startswith("的") or _THRESHOLD_NOUN.match(rest):
            return False
    if q.unit is not None and _DESCRIPTOR_AFTER.match(after) and q.unit not in ("%", "‰"):
        return False
    if re.search(
        r"(?:应到|实到|应出席|实际出席|出席|列席)(?:会议)?(?:代表|委员|人员)?$",
        text[max(0, q.start - 8) : q.start],
    ):
        return False  # 应到代表226人: a meeting's attendance, not a figure of the region
    if re.match(r"^[\u4e00-\u9fff]{0,8}抽样", after):
        return False  # 5‰人口变动抽样调查: the survey's sampling rate
    if q.unit in ("小时", "分钟", "秒") and re.match(r"^[\u4e00-\u9fff]", after):
        return False  # 24小时营业, 12小时答复: a service standard in a name, not an amount
    return not (q.unit is None and not q.ratio)


def is_project_size(text: str, q: Quantity) -> bool:
    """A capacity or size that is part of a project's name (50万千瓦风电场项目)."""
    return bool(_PROJECT_AFTER.match(text[q.end : q.end + 24]))


def quantities(text: str) -> list[Quantity]:
    """The measured quantities of a sentence."""
    return [q for q in find_quantities(text) if measured(text, q)]


def document_quantities(parsed: Parsed) -> tuple[list[Quantity], list[int]]:
    """The measured quantities of the whole document text, found once (one pass of every regex over
    the text is much cheaper than a pass per block) and kept on the parsed document; and their starts."""
    cached = parsed.cache.get("quantities")
    if isinstance(cached, tuple):
        return cached
    found = quantities(parsed.doc.text)
    result = (found, [q.start for q in found])
    parsed.cache["quantities"] = result
    return result


def quantities_in(parsed: Parsed, pieces: list[tuple[int, int]]) -> list[list[Quantity]]:
    """The measured quantities inside each piece (absolute start, end), offsets relative to the piece."""
    found, starts = document_quantities(parsed)
    out: list[list[Quantity]] = []
    for start, end in pieces:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        out.append(
            [replace(q, start=q.start - start, end=q.end - start) for q in found[lo:hi] if q.end <= end]
        )
    return out
