"""Reported actual figures (完成地区生产总值86.3亿元,同比增长6.2%) from review sections, news and bulletins.

A figure's growth rate (同比增长…%, 比上年下降…%) attaches to the level figure it follows; a growth with
no level of its own (地区生产总值年均增长6.4%) is an observation with ``value`` null. The period is the
year the review covers (a report's 2021年工作回顾, a bulletin's year, an article's date, a half year or
quarter when the sentence says so); in a plan's review of the previous five years, totals and things
done are the span (2016-2020) and levels are its last year. The region is the document's, unless
the clause names a region of its own (德令哈市…); 全州/全县/我区 are the document's region.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from planwatch.extract.clauses import Piece, clauses, distribute, sentences, subject_for, without_region
from planwatch.extract.numbers_in_text import quantities_in
from planwatch.extract.sections import Section, block_years, section_roles
from planwatch.extract.table_observations import extract_table_observations
from planwatch.model.facts import Evidence, Facts, Observation
from planwatch.normalize.quantities import Quantity
from planwatch.normalize.regions import Gazetteer, Region, find_regions
from planwatch.normalize.units import dimension_of
from planwatch.parse.parsed import Parsed

_FORWARD = re.compile(
    r"力争|预计(?:到|全年)|下一步|今后|目标是|争取|确保(?:完成|实现|达到)|计划(?:于|在|到)|"
    r"将(?:继续|进一步|加快|努力|全力|着力|大力|重点)|要(?:坚持|加快|确保|进一步)"
)
_GROWTH_BEFORE = re.compile(
    r"(?P<dir>同比增长|比上年增长|比上年同期增长|较上年增长|年均增长|平均增长|增长|同比上升|上升|提高|增加|增速|"
    r"同比下降|比上年下降|下降|减少|降低|回落)(?:了)?\s*$"
)
_NEGATIVE = re.compile(r"下降|减少|降低|回落")
_COMPARED = re.compile(
    r"^[\s，,]*(?:比|较|同比|与)(?:(?:19|20)\d{2}\s*年(?:底|末|初)?|上年(?:同期|末)?|去年|年初|“?十[一二三四]五”?(?:末|期末)?)(?:相比)?[\s，,]*$"
)
_RATE_UNITS = ("%", "个百分点", "百分点", "‰", "个千分点", "千分点")
_DELTA_BEFORE = re.compile(r"(?:比上年|较上年|同比|比去年)?(?:增加|减少|净增|净减|多|少)\s*$")
_DURATION = re.compile(r"[两二三四五六七八九十]年|近[两二三四五]年")
_STRUCTURE = re.compile(r"三次产业(?:增加值)?(?:结构|比例|比)(?:比)?")
_STRUCTURE_NUMBERS = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?的?)?(?P<run>\d{1,2}(?:\.\d{1,2})?(?:\s*[:：∶︰]\s*\d{1,2}(?:\.\d{1,2})?){2}|[\d.]{9,16}?(?=(?:19|20)\d{2}\s*年|[^\d.]|$))"
)
_SECTORS = ("第一产业比重", "第二产业比重", "第三产业比重")
_LIST_JOIN = re.compile(r"\s*(?:和|与|及|、)\s*")
_AVERAGE = re.compile(r"年均|平均每年|年平均")
_SPAN_MARKERS = re.compile(
    r"五年累计|累计|共计|共|期间|新增|实施|完成|建成|开展|出台|制定|打造|获评|荣获|获得|上榜|入围|建设"
)
_SKIP_AFTER = re.compile(
    r"^[\u4e00-\u9fff]{0,3}中|^[\u4e00-\u9fff]{0,4}(?:机制|制度|模式)|^的?[\u4e00-\u9fff]{0,4}目标"
)
_SKIP_BEFORE = re.compile(
    r"(?:由原来的|从原来的|原来的)$|(?:完成|占|为|达到?)(?:年度|全年|年|规划)?(?:计划|目标|任务)(?:进度)?(?:的)?$"
)  # 完成年度计划的97%: progress against the year's plan, not a figure of its own
_REFERENCE = re.compile(
    r"^(?:其中|同期|同时|此外|上半年|下半年|全年|今年|\s)*(?:全|我|本)([省市州县区旗盟])(?![场区域内外])"
)
_HALF = re.compile(
    r"(?:((?:19|20)\d{2})\s*年\s*)?(上半年|下半年|一季度|第一季度|前三季度|第三季度|三季度|二季度|第二季度|四季度|第四季度|"
    r"1\s*[-—至~]\s*6\s*月|1\s*[-—至~]\s*3\s*月|1\s*[-—至~]\s*9\s*月)"
)
_RANGE_MONTHS = {"6": "H1", "3": "Q1", "9": "Q3"}
_MONTH_END = re.compile(r"(?:截至|截止|到)\s*(?:((?:19|20)\d{2})\s*年)?\s*([369])\s*月(?:底|末)")
_MONTH_END_PART = {"3": "Q1", "6": "H1", "9": "Q3"}
_TIME_ONLY = re.compile(r"^[\s，,]*(?:19|20)\d{2}\s*(?:[-—–~至到]\s*(?:19|20)\d{2}\s*)?年(?:以来)?[\s，,]*$")
_SPAN_OF = re.compile(r"((?:19|20)\d{2})\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年")
_YEAR_OF = re.compile(r"((?:19|20)\d{2})\s*年(?:初|底|末)?(?:的)?$")
_STATE_AFTER = re.compile(r"^[^，,。；;]{0,24}?(?:实现|达到)?(?:全覆盖|全部“?破零)")
_STATE = re.compile(
    r"共有|拥有|现有|达到|达|为|增加到|提高到|提升到|减少至|减少到|降至|降到|增至|覆盖|破零|保持|稳定|控制在|突破|最高"
)
_PERIOD_WORDS = {
    "上半年": "H1",
    "下半年": "H2",
    "一季度": "Q1",
    "第一季度": "Q1",
    "二季度": "Q2",
    "第二季度": "Q2",
    "前三季度": "Q3",
    "三季度": "Q3",
    "第三季度": "Q3",
    "四季度": "Q4",
    "第四季度": "Q4",
}


@dataclass(frozen=True)
class _Frame:
    """Per-document defaults for observations."""

    region: str | None
    year: int | None
    span: tuple[int, int] | None  # a plan's review span (2016, 2020)

    @functools.cached_property
    def home(self) -> Region | None:
        """The document's region in the gazetteer (None for a place it does not know)."""
        return Gazetteer.load().resolve(self.region) if self.region else None

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        """The document region as written and shortened (海北藏族自治州, 海北州, 海北)."""
        if not self.region:
            return ()
        found = (self.home.name, self.home.short) if self.home is not None else ()
        return (self.region, *found)

    @property
    def level_word(self) -> str | None:
        """县 for 星湖县, 州 for 海北藏族自治州: what 全县/全州 in the document itself would say."""
        return self.region[-1] if self.region and self.region[-1] in "省市州县区旗盟" else None


def _frame(parsed: Parsed) -> _Frame:
    info = parsed.info
    published = int(info.published[:4]) if info.published else None
    title_year = re.search(r"((?:19|20)\d{2})\s*年", info.title or "")
    if info.kind == "plan" and info.period:
        start = info.period[0]
        return _Frame(info.region, start - 1, (start - 5, start - 1))
    if info.kind == "bulletin" and title_year:
        return _Frame(info.region, int(title_year.group(1)), None)
    if info.kind == "work_report":
        year = int(title_year.group(1)) - 1 if title_year else (published - 1 if published else None)
        return _Frame(info.region, year, None)
    return _Frame(info.region, published, None)


def _part_of_year(sentence: str, year: int | None) -> str | None:
    """2020年上半年 → 2020H1; 一季度 / 1-6月 / 截至9月底 with the document's year; None when no part is named."""
    m = _HALF.search(sentence)
    if not m:
        end = _MONTH_END.search(sentence)
        y = (end.group(1) if end else None) or (str(year) if year is not None else None)
        return y + _MONTH_END_PART[end.group(2)] if end and y else None
    y = m.group(1) or (str(year) if year is not None else None)
    if y is None:
        return None
    word = re.sub(r"\s+", "", m.group(2))
    label = _PERIOD_WORDS.get(word) or _RANGE_MONTHS.get(word[-2:-1], "")
    return y + label if label else None


def _period(
    frame: _Frame,
    year: int | None,
    sentence: str,
    before: str,
    clause: str,
    unit_is_rate: bool,
    carried: str | None,
) -> str | None:
    part = _part_of_year(sentence, year)
    if part:
        return part
    if carried and not re.search(r"(?:19|20)\d{2}\s*年", sentence):
        return carried
    span = _SPAN_OF.search(re.split(r"[，,；;。]", before)[-1])
    if span:
        return f"{span.group(1)}-{span.group(2)}"  # 2021-2022年年均增长6.1%
    explicit = _YEAR_OF.search(before)
    if explicit:
        return explicit.group(1)
    m = re.search(
        r"((?:19|20)\d{2})\s*年", sentence[: sentence.find(clause) + 1] if clause in sentence else ""
    )
    if frame.span is not None:
        if unit_is_rate and _AVERAGE.search(re.split(r"[，,；;：:]", before)[-1]):
            return f"{frame.span[0]}-{frame.span[1]}"  # 年均增长6.4%: the rate over the whole span
        if m and int(m.group(1)) <= frame.span[1]:
            return m.group(1)
        if _STATE_AFTER.match(sentence[len(before) :]):
            return str(frame.span[1])  # 29个行政村全覆盖: where things stand at the end of the span
        if re.search(r"五年累计|累计|期间", clause) or not (unit_is_rate or _STATE.search(before[-12:])):
            return f"{frame.span[0]}-{frame.span[1]}"
        return str(frame.span[1])
    return str(year) if year is not None else None


def _region(frame: _Frame, before: str, topic: str | None = None, clause_before: str = "") -> str | None:
    """The one sub-region the sentence names before the figure (德令哈市…), else the region of the
    clause the sentence continues (``topic``), else the document's."""
    gazetteer = Gazetteer.load()
    home = frame.home
    named = [r for r, _s, _e in find_regions(before, context=home)]
    inside = {
        r.name: r for r in named if home is not None and r.code != home.code and gazetteer.contains(home, r)
    }
    if len(inside) == 1:
        return next(iter(inside))
    ref = _REFERENCE.match(clause_before)
    if ref and frame.level_word and ref.group(1) != frame.level_word:
        above = gazetteer.resolve_reference(ref.group(0), home) if home is not None else None
        return above.name if above is not None else None  # 全市 in a county's report: the city's figure
    return topic or frame.region


def _names_of(region: str | None) -> tuple[str, ...]:
    """A region's name as written and its short form (格尔木市, 格尔木)."""
    if not region:
        return ()
    found = Gazetteer.load().resolve(region)
    return (region, found.name, found.short) if found is not None else (region,)


def _growth_of(text: str, q: Quantity) -> float | None:
    m = _GROWTH_BEFORE.search(text[max(0, q.start - 10) : q.start])
    if not m or q.value is None:
        return None
    return -q.value if _NEGATIVE.search(m.group("dir")) else q.value


def _next_to(parts: list[Piece], starts: list[int], before: int, here: int) -> bool:
    """Whether clause ``here`` follows clause ``before`` with at most a short note between them that has
    no figure of its own (…951435万元,按可比价格计算,比上年下降4.1%)."""
    if here in (before, before + 1):
        return True
    between = parts[before + 1 : here] if 0 <= before < here else []
    return bool(between) and all(
        len(c.text) <= 12 and not any(c.start <= x < c.end for x in starts) for c in between
    )


def _sentence(
    parsed: Parsed,
    frame: _Frame,
    year: int | None,
    sent: Piece,
    qs: list[Quantity],
    facts: Facts,
    carried: str | None,
    topic: str | None,
    fallback: str = "",
) -> str | None:
    """Observations of one sentence; returns the sub-region it was about (for a following ；-clause).
    ``fallback`` is the subject the block's previous sentence reported (其中,格尔木市完成420.1亿元)."""
    text = parsed.doc.text
    if not qs or _FORWARD.search(sent.text):
        return None
    about: str | None = None
    parts = clauses(sent.text, 0)
    counters = [q.unit is not None and dimension_of(q.unit) == "count" for q in qs]
    forced = distribute(sent.text, parts, [q.start for q in qs], counters)
    last: Observation | None = None
    last_clause = -1
    prev_end = 0
    prev_growth: float | None = None
    clause_levels: dict[int, list[Observation]] = {}  # the levels each clause reported, in order
    growth_rank: dict[int, int] = {}
    for k, q in enumerate(qs):
        ci = next((k for k, c in enumerate(parts) if c.start <= q.start < c.end), -1)
        clause = parts[ci] if ci >= 0 else Piece(sent.text, 0, len(sent.text))
        seg = max(clause.start, prev_end)
        prev_end = q.end
        before = sent.text[seg : q.start]
        after = sent.text[q.end : clause.end]
        if _SKIP_AFTER.match(after) or _SKIP_BEFORE.search(sent.text[: q.start]):
            continue
        if q.unit in ("岁", "周岁") and not re.search(r"寿命|年龄|年限", before[-12:]):
            continue  # 0-17岁、60岁及以上: an age band naming a group, not a figure
        if q.ratio or (last is not None and _DELTA_BEFORE.search(before) and ci <= last_clause + 1):
            # a ratio is read by _industry_structure; 比上年减少0.7万吨 after a level is its change
            if not q.ratio:
                last_clause = ci
            continue
        growth = _growth_of(sent.text, q) if q.unit in _RATE_UNITS else None
        if (
            growth is None
            and k > 0
            and prev_growth is not None
            and q.unit == qs[k - 1].unit
            and _LIST_JOIN.fullmatch(sent.text[qs[k - 1].end : q.start])
        ):
            growth = q.value if prev_growth >= 0 else -(q.value or 0)  # 分别增长8.4%和5.9%
        prev_growth = growth
        if growth is None and q.unit in ("个百分点", "百分点", "个千分点", "千分点"):
            continue  # a difference (快于全市0.4个百分点) with nothing to attach to is not a reported level
        own_subject = re.sub(
            r"(?:同比|比上年|较上年|年均|平均)?(?:增长|上升|下降|提高|增加|减少|降低|增速|回落)\s*$",
            "",
            before,
        ).strip()
        own_subject = _COMPARED.sub("", own_subject)  # 比2015年提高3.1个百分点: a change of the last figure
        own_subject = _TIME_ONLY.sub("", own_subject)  # 2021-2022年年均增长6.1%: the rate of the last figure
        if q.unit == "倍" and re.search(r"(?:是|为|相当于)(?:(?:19|20)\d{2}\s*年(?:底|末)?)?的?$", before):
            continue  # 是2015年的1.6倍: a multiple of a base year, not a level
        if growth is not None and "分别" in sent.text[clause.start : q.start]:
            # 分别达到36500元和17800元,年均分别增长8.1%和9.3%: the rates pair with the levels in order
            levels = clause_levels.get(last_clause, [])
            rank = growth_rank.get(ci, 0)
            growth_rank[ci] = rank + 1
            if len(levels) >= 2 and rank < len(levels) and levels[rank].growth is None:
                target = levels[rank]
                target.growth = growth
                start, end = target.evidence.start, sent.start + clause.end
                target.evidence = Evidence(start=start, end=end, quote=text[start:end])
                continue
        if (
            growth is not None
            and last is not None
            and last.growth is None
            and _next_to(parts, [q2.start for q2 in qs], last_clause, ci)
            and len(re.sub(r"[\s，,]", "", own_subject)) <= 2
        ):
            last.growth = growth
            start = last.evidence.start
            end = sent.start + clause.end
            last.evidence = Evidence(start=start, end=end, quote=text[start:end])
            continue
        subjects = forced.get(k) or [
            subject_for(before if growth is None else own_subject, after, counters[k])[0]
        ]
        region = _region(frame, sent.text[: q.start], topic, sent.text[clause.start : q.start])
        places = frame.names if region == frame.region else (*frame.names, *_names_of(region))
        subjects = [
            ("" if x in places else without_region(x, places))
            or (last.subject if last is not None else fallback)
            for x in subjects
        ]  # 其中,格尔木市完成420.1亿元: the place is the region, the measure is the one before
        if not subjects[0] or _DURATION.fullmatch(subjects[0]):
            continue  # 两年平均增长2.5%: an average over years, not the year's figure
        start, end = sent.start + clause.start, sent.start + clause.end
        for subject in subjects:
            obs = Observation(
                subject=subject,
                region=region,
                period=_period(
                    frame, year, sent.text, sent.text[: q.start], clause.text, q.unit in ("%", "‰"), carried
                ),
                value=None if growth is not None else q.value,
                unit=None if growth is not None else q.unit,
                growth=growth,
                evidence=Evidence(start=start, end=end, quote=text[start:end]),
            )
            facts.observations.append(obs)
            last, last_clause = obs, ci
            if obs.growth is None and obs.value is not None:
                clause_levels.setdefault(ci, []).append(obs)
            if obs.region != frame.region:
                about = obs.region
    return about


def _shares(run: str) -> tuple[float, float, float] | None:
    """12.1:41.6:46.3 → the three shares; a run whose separators a web page lost (12.141.646.3) is split
    where the three parts read as shares adding up to 100."""
    parts = re.split(r"\s*[:：∶︰]\s*", run)
    if len(parts) == 3:
        values = tuple(float(x) for x in parts)
        return (values[0], values[1], values[2]) if abs(sum(values) - 100) <= 1.0 else None
    share = re.compile(r"(?:0|[1-9]\d?)(?:\.\d{1,2})?")
    found = []
    for i in range(1, len(run) - 1):
        for j in range(i + 1, len(run)):
            pieces = (run[:i], run[i:j], run[j:])
            if all(share.fullmatch(x) for x in pieces) and abs(sum(float(x) for x in pieces) - 100) <= 0.15:
                found.append(tuple(float(x) for x in pieces))
    return (found[0][0], found[0][1], found[0][2]) if len(found) == 1 else None


def _industry_structure(frame: _Frame, year: int | None, sent: Piece, text: str, facts: Facts) -> None:
    """三次产业结构由2015年的15.2:44.1:40.7调整为12.1:41.6:46.3 → a share per sector and year."""
    for m in _STRUCTURE.finditer(sent.text):
        stop = re.search(r"[。；;]|[，,](?![\d.]*[:：∶︰])", sent.text[m.end() :])
        window_end = m.end() + (stop.start() if stop else len(sent.text) - m.end())
        for g in _STRUCTURE_NUMBERS.finditer(sent.text, m.end(), window_end):
            shares = _shares(g.group("run"))
            if shares is None:
                continue
            before = sent.text[: g.start("run")]
            period = g.group("year") or _period(
                frame, year, sent.text, before, sent.text[m.start() : g.end()], True, None
            )
            start, end = sent.start + m.start(), sent.start + g.end()
            for sector, value in zip(_SECTORS, shares, strict=True):
                facts.observations.append(
                    Observation(
                        subject=f"三次产业结构:{sector}",
                        region=frame.region,
                        period=period,
                        value=value,
                        unit=None,
                        growth=None,
                        evidence=Evidence(start=start, end=end, quote=text[start:end]),
                    )
                )


def extract_observations(parsed: Parsed, facts: Facts) -> None:
    """Every reported figure in the document's review parts, in prose and in tables."""
    frame = _frame(parsed)
    extract_table_observations(parsed, facts, frame.region, frame.year)
    roles = section_roles(parsed)
    years = block_years(parsed)
    for i, (block, role) in enumerate(zip(parsed.doc.blocks, roles, strict=True)):
        if role != Section.REVIEW:
            continue
        year = years[i] or frame.year
        carried: str | None = None  # 2020年上半年, … carries over the block's later sentences
        topic: str | None = None  # a sub-region carries over a ；
        sents = sentences(block.text, block.span.start)
        found = quantities_in(parsed, [(p.start, p.end) for p in sents])
        for sent, qs in zip(sents, found, strict=True):
            fallback = (
                facts.observations[-1].subject
                if facts.observations and facts.observations[-1].evidence.start >= block.span.start
                else ""
            )
            about = _sentence(parsed, frame, year, sent, qs, facts, carried, topic, fallback)
            if "产业" in sent.text:
                _industry_structure(frame, year, sent, parsed.doc.text, facts)
            ends_clause = parsed.doc.text[sent.end : sent.end + 1] in ("；", ";")
            topic = (about or topic) if ends_clause else None
            carried = _part_of_year(sent.text, year) or carried
