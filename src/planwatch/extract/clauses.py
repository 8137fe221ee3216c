"""Sentences and clauses of a block, with absolute spans, and the subject a number belongs to.

A number's subject is usually the phrase before its verb (``城区绿地率达到40%``); after a
building verb it is the noun after the number (``力争建设2个森林乡镇``). Region words (全县, 我州),
time phrases and verbs are trimmed from the subject.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CLAUSE_END = re.compile(r"[，,：:；;。！？!?]")
_PREFIX = re.compile(
    r"^(?:其中|同时|同期|此外|另外|并且?|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|1\s*[-至~]\s*\d{1,2}\s*月|全面|基本(?=实现|建成|完成|形成)|进一步|完成|实现|持续|稳步|着力|努力|争取|力争|确保|预计|全年|今年|当年|年内|"
    r"累计|共计|共|五年累计|五年|近年来|目前|截至目前|已|已经|每年|每个[县乡镇村区]|各[县乡镇区]|有效|"
    r"(?:到|至|截至)?(?:19|20)\d{2}\s*年(?:底|末|初)?(?:前)?[，,]?|到“?十[三四五]五”?(?:期末|末)|“?十[三四五]五”?(?:期间|末|时期)|"
    r"全[县州市区省旗盟乡镇]|我[县州市区省旗盟]|本[县州市区]|各[县乡镇区]|全体|城乡|"
    r"按(?:常住人口|户籍人口|可比价格|现价|不变价)计算|和|及|与|以及)+"
)
_SUFFIX = re.compile(
    r"(?:分别|均|全部|都|总体|累计|总计|合计|共|年均|同比|比上年|较上年|"
    r"达到|达|为|是|提高到|提升到|提高|提升|增加到|增加|增长到|增长|扩大到|突破|超过|不低于|不少于|不超过|不高于|低于|高于|"
    r"控制在|控制到|控制|保持在|保持|稳定在|稳定|降至|降到|减少至|减少到|减至|增至|增加至|提高至|提升至|降低至|下降至|降低|下降|减少|上升|实现|完成|有|约|近|持续|达标|力争|确保|争取)+$"
)
AFTER_VERBS = re.compile(
    r"(?:建设|新建|建成|打造|培育|创建|引进|实施|完成|开展|选拔|组建|成立|落实|出台|制定|改造|改扩建|扩建|新增|发展|解决|"
    r"安装|举办|设立|认定|评选|签约|招引|落地|申报|储备|谋划|创成|获评|获得|选树|招聘|新开工|开工建设|开工|推进|提标建设|提标建|"
    r"建|办|修订|成为|创|帮助|扶持|带动|吸纳|转移|为|投入|援助|召开|建有|有|拥有)$"
)
_LINK_END = re.compile(
    r"(?:达到|达|为|是|突破|超过|不低于|不少于|不超过|不高于|控制在|保持在|稳定在|提高到|提升到|增加到|降至|降到)\s*$"
)
_CONJ_END = re.compile(r"(?:和|及|与|以及|、|等|并)$")
_AFTER_STOP = re.compile(
    r"[，,；;。：:（(、]|[和及与并](?=[0-9０-９〇一二三四五六七八九十两百千万])|发放|开通|积极|有序|加快|稳步|持续|保持|继续|[0-9０-９]|实现|达到|全部|均|已|得到|取得|通过|完成|全覆盖|列入|入选|纳入|用于|开工|建成|的[^\u4e00-\u9fff]"
)
_VERB_INSIDE = re.compile(
    r"(?:建设|新建|建成|打造|培育|创建|引进|实施|开展|选拔|组建|成立|落实|出台|制定|改造|扩建|解决|安装|举办|设立|投入|援助|召开)"
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence or clause: text and absolute span."""

    text: str
    start: int
    end: int


def split(text: str, offset: int, pattern: re.Pattern[str]) -> list[Piece]:
    """Pieces of ``text`` between matches of ``pattern`` (the delimiters dropped)."""
    out: list[Piece] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append(Piece(text[pos : m.start()], offset + pos, offset + m.start()))
        pos = m.end()
    if pos < len(text):
        out.append(Piece(text[pos:], offset + pos, offset + len(text)))
    return [p for p in out if p.text.strip()]


def sentences(text: str, offset: int = 0) -> list[Piece]:
    """Sentences, split at 。！？ and semicolons."""
    return split(text, offset, _SENTENCE_END)


def clauses(text: str, offset: int = 0) -> list[Piece]:
    """Clauses, split at commas, colons and sentence ends."""
    return split(text, offset, _CLAUSE_END)


_TO_YEAR = re.compile(
    r"(?:增加|提高|提升|下降|降低|减少|扩大|调整|增长|上升)(?:到|至|为)(?:(?:19|20)\d{2}\s*年(?:底|末)?的?)?$"
)
_FROM_YEAR = re.compile(
    r"(?:由|从)(?:(?:19|20)\d{2}\s*年(?:初|底|末)?|“?十[一二三四五]五”?末|上年|去年)?的?$"
)
_PAIRS = (("“", "”"), ("「", "」"), ("《", "》"), ("（", "）"), ("(", ")"))
_EDGE_CHARS = frozenset("“”「」《》（）()")


def _strip_edges(t: str) -> str:
    """Spaces, 、 and quotes off both ends, but never half of a quoted name (“青洽会”签约资金)."""
    t = t.strip(" \u3000\u00a0\"'、")
    if not t or (t[0] not in _EDGE_CHARS and t[-1] not in _EDGE_CHARS):
        return t  # the common case: nothing paired at either end
    prev = None
    while prev != t:
        prev = t
        t = t.strip(" \u3000\u00a0\"'、")
        for left, right in _PAIRS:
            if t.startswith(left) and right not in t:
                t = t[1:]
            if t.endswith(right) and left not in t:
                t = t[:-1]
        if t.startswith("”") or t.endswith("“"):
            t = t.strip("”“")
    return t


@functools.lru_cache(maxsize=8192)
def trim_subject(text: str) -> str:
    """Drop leading region/time/filler words and trailing verbs and markers (由2015年的 included)."""
    t = _strip_edges(re.sub(r"[(（]\s*下同\s*[)）]", "", text))  # 地区生产总值同比(下同)增长4.5%
    t = re.sub(
        r"^(?:\d{1,3}\s*[.．、]|[(（]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)\s*", "", t
    )  # 3.新增就业
    prev = None
    while prev != t:
        prev = t
        t = _strip_edges(_PREFIX.sub("", t))
        t = _strip_edges(_FROM_YEAR.sub("", _TO_YEAR.sub("", _SUFFIX.sub("", t))))
        t = re.sub(r"^(?:的|在|将|对|把|使|让|由|从)", "", t)
    # 第一产业实现增加值: the verb inside a bulletin's phrase is not part of the measure's name
    return re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:实现|完成)(?=增加值|总产值|产值|收入|营业收入|利润)", "", t)


def _noun_after(after: str) -> str:
    m = _AFTER_STOP.search(after)
    noun = after[: m.start()] if m else after
    noun = re.sub(r"^(?:的|个|家|项|所|座|处)", "", noun).strip()
    return trim_subject(noun[:40])


def subject_for(before: str, after: str, counter: bool = False) -> tuple[str, bool]:
    """(subject, taken_from_after): the phrase a number quantifies.

    The noun after the number is the subject when nothing names one before it, when a building verb
    or a conjunction ends the text before it (建设2个X, X和3个Y), or when the number counts things
    (N个X, N家X); otherwise the subject is the phrase before the number, minus verbs and fillers.
    """
    raw = before.rstrip()
    conj = _CONJ_END.search(raw)
    trimmed = trim_subject(raw[: conj.start()] if conj else raw)
    noun = _noun_after(after)
    verb_at_end = bool(AFTER_VERBS.search(raw))
    if noun and (
        not trimmed or verb_at_end or conj or counter or (_VERB_INSIDE.search(raw) and len(noun) >= 2)
    ):
        return noun, True
    if conj:
        trimmed = trim_subject(raw)
    # 在各乡镇建设污水处理站6座: verb + object + number → the object; but not through a linking verb
    # (研究与试验发展经费投入强度达到1% keeps its whole name)
    if _VERB_INSIDE.search(trimmed) and not _LINK_END.search(raw):
        tail = _VERB_INSIDE.split(trimmed)[-1]
        if len(tail) >= 2:
            trimmed = tail
    return (trimmed[-40:] if len(trimmed) > 40 else trimmed), False


_AGE_BAND = re.compile(r"^\d{1,3}\s*(?:[-—~～至]\s*\d{1,3}\s*)?(?:周)?岁(?:及以上|以上|及以下|以下)?")


def _shared_head(subject: str) -> list[str]:
    """Age bands listed before one head noun (0-17岁、18-34岁、60岁及以上户籍人口): a subject per band."""
    items = [x.strip() for x in re.split(r"[、和及与](?![以上下])", subject) if x.strip()]
    if len(items) < 2:
        return []
    last = _AGE_BAND.match(items[-1])
    head = items[-1][last.end() :] if last else ""
    if not head or not all(_AGE_BAND.fullmatch(x) for x in items[:-1]):
        return []
    return [x + head for x in items[:-1]] + [items[-1]]


_PAIRED_RESIDENTS = re.compile(r"^(城镇|城市)(?:和|与|及|、)(农村|农牧区|乡村|农牧民)(居民.+)$")
_MEASURE_END = re.compile(r"(?:率|度|比|比例|占比|比重|指数|系数|覆盖率|程度)$")


def subject_list(subject: str) -> list[str]:
    """'X率、Y率' → [X率, Y率] when every item names a measure; else [subject]."""
    best = [subject]
    for pattern in (r"、", r"[、和及与]"):  # the finer split wins when every piece still names a measure
        items = [x for x in (trim_subject(p) for p in re.split(pattern, subject)) if x]
        if len(items) > len(best) and all(_MEASURE_END.search(x) for x in items):
            best = items
    return best


def distribute(
    sentence: str, parts: list[Piece], starts: list[int], counter: list[bool]
) -> dict[int, list[str]]:
    """Subjects forced by lists: 'X率、Y率分别达到a、b' pairs in order; 'X率、Y率均达到a' repeats a.

    ``starts`` are the start offsets (in ``sentence``) of the quantities; the result maps a
    quantity's index to the subject(s) it gets.
    """
    forced: dict[int, list[str]] = {}
    for clause in parts:
        inside = [i for i, s in enumerate(starts) if clause.start <= s < clause.end]
        cue = sentence.find("分别", clause.start, clause.end)
        if cue >= 0:  # numbers before 分别 name the items (0-17岁、18-34岁…分别为), they are not the values
            inside = [i for i in inside if starts[i] > cue]
        if not inside:
            continue
        first = inside[0]
        before = sentence[clause.start : starts[first]]
        subject, from_after = subject_for(before, "", counter[first])
        names = subject_list(subject) if not from_after else [subject]
        if len(names) < 2 and subject.startswith("居民") and re.search(r"城乡居民.*分别", before):
            names = ["城镇" + subject, "农村" + subject]  # 城乡居民人均可支配收入分别增长8.4%和5.9%
        if len(names) < 2 and "分别" in before:
            names = _shared_head(subject) or names  # 0-17岁、18-34岁、60岁及以上户籍人口分别为…
        pair = _PAIRED_RESIDENTS.match(subject)
        if len(names) < 2 and pair and "分别" in before:
            names = [pair.group(1) + pair.group(3), pair.group(2) + pair.group(3)]  # 城镇和农村居民…分别
        if len(names) < 2:
            continue
        if len(inside) == 1:
            forced[first] = names
        else:
            for k, i in enumerate(inside[: len(names)]):
                forced[i] = [names[k]]
    return forced


def without_region(subject: str, names: tuple[str, ...]) -> str:
    """Drop a leading region name (the document's own, as written or short) from a subject."""
    for name in sorted((n for n in names if n), key=len, reverse=True):
        if subject.startswith(name) and len(subject) > len(name) + 1:
            return trim_subject(subject[len(name) :])
    return subject
