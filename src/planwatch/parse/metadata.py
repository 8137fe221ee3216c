"""Document metadata per FACTS.md: kind, title, region, issuer, 发文字号, published date, plan period.

Sources, in order of trust: explicit metadata lines (发文字号: / 发文机关: / 发布日期:), the page's
来源/时间 line, the title block at the top of the body, the signature at the end of a notice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planwatch.model.document import Block, BlockKind, Document
from planwatch.model.facts import DocumentInfo, Kind
from planwatch.normalize.periods import find_dates, parse_date, plan_period
from planwatch.normalize.regions import region_of_title
from planwatch.parse.boilerplate import Role

_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,5}\s*号"
)
_FIELD = re.compile(
    r"(来\s*源|时\s*间|发布时间|发布日期|成文日期|印发日期|发文字号|文\s*号|发文机关|发文机构|发布机构|标\s*题|名\s*称)\s*[:：]\s*"
)
_ORGAN_TITLE = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,20}?)(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|局|厅))"
    r"(?:关于|印发)"
)
_TITLE_DOC_NUMBER = re.compile(
    r"\s*[(（]\s*([^()（）]{1,12}[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*\d{1,5}\s*号)\s*[)）]\s*$"
)
_REGION_START = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年)?\s*([\u4e00-\u9fff]{2,5}?(?:自治州|自治县|自治旗|省|市|县|区|州|旗|盟))"
)
_REGION_FOLLOW = re.compile(
    r"^(?:国民经济|人民政府|人民代表|政府|关于|贯彻|统计|“|《|\d|第|上半年|下半年|全年|一季度|前三季度|“十|十[三四五]五|"
    r"[\u4e00-\u9fff]{0,8}(?:规划|方案|报告|公报|计划|意见|通知))"
)
_SPEECH_SUBTITLE = re.compile(r"——[^——]*(?:在|于).*(?:会议|大会)上.*$")
_ORGAN = re.compile(r"(?:人民政府|人民代表大会常务委员会|政府|办公室|办公厅|委员会|局|厅|委|署)$")
_WEB_PUBLISHER = re.compile(r"政务服务|数据|信息中心|网站|门户|网信|融媒体|电子政务")
_MEDIA = re.compile(r"日报|晚报|报社|报$|新闻|电视台|广播|通讯社|客户端|新华社|杂志|网$|融媒体中心|融媒|传媒")
_SPEECH_LINE = re.compile(
    r"^\s*[—-]*\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在\s*(?P<place>[\u4e00-\u9fff]{2,16}?)"
    r"第[一二三四五六七八九十\d]{1,4}届人民代表大会"
)
_ISSUER_OK = re.compile(r"人民政府|政府|办公室|办公厅|委员会|发展和改革|发改|人大|政协|局|厅|委")
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*(?:\d{4}\s*年|\d{1,2}\s*月|日)[^()（）]*[)）]\s*$")
_PAGE_DATE = re.compile(r"\d{1,2}:\d{2}|来\s*源|发布|时间")
_DOC_TYPE_END = re.compile(r"(?:通知|意见|决定|批复|函|报告|方案|规划|纲要|办法|公告|通报|细则|规定|计划)$")
_CONNECTORS = tuple("的和与及之在对、,，暨")
_NOT_NEWS_END = re.compile(
    r"(?:通知|意见|决定|批复|函|办法|公告|通报|细则|规定|规则|章程|标准|指南|方案|规划|纲要|计划|报告|公报|解读|说明|清单|目录)$"
)
_FIGURE = re.compile(
    r"(?:同比|比上年|较上年)?(?:增长|下降|完成|实现|达到)\s*[\d.]+\s*(?:%|亿元|万元|万人|个百分点)"
)
_KIND_RULES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "task_division",
        re.compile(
            r"任务分工|分工方案|责任分工|任务清单|责任清单|分解方案|任务分解|责任分解|分解表|分解落实|部门分工|工作分工|"
            r"重点工作任务(?!.*(?:完成情况|进展情况|报告))"
        ),
    ),
    (
        "work_report",
        re.compile(
            r"政府工作报告|工作报告|计划执行情况|执行情况.{0,40}报告|中期评估|终期评估|评估报告|实施情况的?报告"
        ),
    ),
    ("bulletin", re.compile(r"统计公报|公报")),
    ("plan", re.compile(r"规划|纲要|行动计划|实施方案|计划")),
)


@dataclass(frozen=True)
class _Fields:
    values: dict[str, str]


def _meta_fields(blocks: Sequence[Block], roles: Sequence[Role], limit: int = 40) -> dict[str, str]:
    """'来源: X 时间: Y' style fields from the top of the page (several may share one line)."""
    out: dict[str, str] = {}
    for b, _role in list(zip(blocks, roles, strict=True))[:limit]:
        hits = list(_FIELD.finditer(b.text))
        for k, m in enumerate(hits):
            end = hits[k + 1].start() if k + 1 < len(hits) else len(b.text)
            value = b.text[m.end() : end].strip()
            name = re.sub(r"\s+", "", m.group(1))
            # "发文机关: X 主题分类: Y" — a value ends at two or more spaces followed by a label-like word
            value = value.strip(" |｜\u3000")
            value = re.split(r"\s{2,}|\s*[|｜]\s*|\s+(?=[\u4e00-\u9fff]{2,6}[:：])", value)[0].strip()
            if value and name not in out:
                out[name] = value
    return out


def _cjk_join(text: str) -> str:
    """Drop spaces a web page or PDF put between Chinese characters (and digits next to them)."""
    text = re.sub(r"(?<=[\u4e00-\u9fff《》“”（）()])\s+(?=[\u4e00-\u9fff《》“”（）()\d])", "", text)
    return re.sub(r"(?<=\d)\s+(?=[\u4e00-\u9fff])", "", text).strip()


def _balanced(text: str) -> bool:
    return (
        text.count("《") <= text.count("》")
        and text.count("“") <= text.count("”")
        and (text.count("(") + text.count("（") <= text.count(")") + text.count("）"))
    )


def _title_block(blocks: Sequence[Block], roles: Sequence[Role]) -> tuple[str, int] | None:
    """The title at the top of the body: first body lines, joined while they continue each other."""
    start = None
    for i, (b, r) in enumerate(zip(blocks, roles, strict=True)):
        if i > 40:
            break
        if (
            r != Role.BODY
            or b.kind == BlockKind.TABLE_ROW
            or len(b.text) > 80
            or b.text.startswith(("——", "--"))
        ):
            continue
        if _FIELD.match(b.text):
            continue
        if _ORGAN.search(b.text) and len(b.text) <= 20 and not _KIND_RULES_ANY.search(b.text):
            continue  # the issuing organ's letterhead above a notice title
        if find_dates(b.text) and len(b.text) <= 40 and not re.search(r"[规划纲要报告方案通知]", b.text):
            continue
        start = i
        break
    if start is None:
        return None
    title = blocks[start].text
    j = start + 1
    while j < len(blocks) and j <= start + 5:
        nxt = blocks[j].text
        if roles[j] != Role.BODY or len(nxt) > 40 or re.search(r"[。；;]", nxt):
            break
        if (
            nxt.startswith(("——", "--"))
            or not _balanced(title)
            or title.endswith(_CONNECTORS)
            or (re.match(r"^(?:关于)?印发|^关于", title) and not _DOC_TYPE_END.search(title))
            or re.match(r"^[(（]\s*\d{4}", nxt)
        ):
            title += nxt
            j += 1
            continue
        break
    return title, start


_KIND_RULES_ANY = re.compile("|".join(p.pattern for _, p in _KIND_RULES))


def _clean_title(title: str) -> str:
    title = _cjk_join(title)
    title = _TITLE_DOC_NUMBER.sub("", title)
    title = re.sub(
        r"(?<=[\u4e00-\u9fff》”])\s*(?:19|20)\d{2}$", "", title
    )  # 2022年…统计公报 2022: a page's year tag
    title = _SPEECH_SUBTITLE.sub("", title)
    title = _TRAILING_NOTE.sub("", title)
    m = re.match(r"^.*?(?:关于)?印发\s*(.+?)\s*的通知$", title)
    if m:
        inner = m.group(1).strip()
        if inner.startswith("《") and inner.endswith("》"):
            inner = inner[1:-1]
        title = inner
    return title.strip()


def _kind(title: str, text: str, fields: dict[str, str]) -> Kind:
    for kind, pattern in _KIND_RULES:
        if pattern.search(title):
            if kind == "plan" and re.search(r"分工|责任", title):
                return "task_division"
            return kind
    if len(re.findall(r"牵\s*头\s*单\s*位", text)) >= 3:
        return "task_division"
    source = fields.get("来源", "")
    if _MEDIA.search(source) or re.search(r"记者|通讯员|编辑[:：]|综述|讯\s", text[:3000]):
        return "news"
    dated = any(fields.get(k) for k in ("发布时间", "发布日期", "时间"))
    if dated and title and not _NOT_NEWS_END.search(title) and len(_FIGURE.findall(text[:20000])) >= 2:
        return "news"  # a dated page with a headline and reported figures: an article, whoever wrote it
    return "other"


def _issuer(
    kind: Kind,
    fields: dict[str, str],
    blocks: Sequence[Block],
    roles: Sequence[Role],
    title_at: int | None,
    region: str | None,
    raw_title: str | None = None,
) -> str | None:
    """发文机关, the organ a notice title opens with (X关于…的通知), the letterhead above the title, the page's
    发布机构 or 来源 (not a web publisher), the organ under the title."""
    if fields.get("发文机关"):
        return fields["发文机关"]
    organ = _ORGAN_TITLE.match(_cjk_join(raw_title or ""))
    if organ:
        return organ.group(1)
    if title_at is not None:
        for i in range(max(0, title_at - 3), title_at):
            t = blocks[i].text
            if roles[i] == Role.BODY and len(t) <= 20 and _ORGAN.search(t):
                return t
    for key in ("发文机构", "发布机构"):
        organ_field = re.sub(r"[(（]([^()（）]{2,6})[)）]$", r"\1", fields.get(key, "").strip())
        if organ_field and _ISSUER_OK.search(organ_field) and not _WEB_PUBLISHER.search(organ_field):
            return organ_field
    source = fields.get("来源", "").strip()
    if kind == "news" and _MEDIA.search(source):
        return source
    if source and not _WEB_PUBLISHER.search(source):
        if kind == "news" and _ISSUER_OK.search(source):
            return source
        if _ISSUER_OK.search(source):
            return source
    if title_at is not None:
        for i in range(title_at + 1, min(len(blocks), title_at + 3)):
            t = blocks[i].text
            if roles[i] == Role.BODY and len(t) <= 20 and _ORGAN.search(t) and not find_dates(t):
                return t
    if kind == "work_report" and region:
        return region + "人民政府"
    return None


def _published(
    fields: dict[str, str], doc: Document, blocks: Sequence[Block], roles: Sequence[Role]
) -> str | None:
    for key in ("发布日期", "发布时间", "时间", "印发日期", "成文日期"):
        d = parse_date(fields.get(key, ""))
        if d:
            return d.isoformat()
    for key in ("meta_PubDate", "pdf_creationdate", "docx_created"):
        raw = doc.meta.get(key)
        if isinstance(raw, str):
            d = parse_date(raw)
            if d:
                return d.isoformat()
    # A page's date line: a date next to a clock time or a 来源/发布 label, near the top.
    top = list(zip(blocks, roles, strict=True))[:15]
    for b, r in top:
        if r in (Role.BODY, Role.META) and len(b.text) <= 80 and _PAGE_DATE.search(b.text):
            found = find_dates(b.text)
            if found:
                return found[0][0].isoformat()
    # A date alone on a line under the title (a bulletin's or a notice's date).
    for b, r in top[:8]:
        flat = re.sub(r"\s+", "", b.text).strip("()（）")
        if r == Role.BODY and len(flat) <= 16 and re.fullmatch(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日", flat):
            found = find_dates(flat)
            if found:
                return found[0][0].isoformat()
    return None


def _speech_date(text: str) -> str | None:
    d = parse_date(text)
    return d.isoformat() if d else None


def _doc_number(fields: dict[str, str], text: str, raw_title: str | None = None) -> str | None:
    for key in ("发文字号", "文号"):
        m = _DOC_NUMBER.search(fields.get(key, ""))
        if m:
            return re.sub(r"\s+", "", m.group(0))
    in_title = _TITLE_DOC_NUMBER.search(_cjk_join(raw_title or ""))
    if in_title:
        return re.sub(r"\s+", "", in_title.group(1))
    head = text[: max(2000, len(text) // 10)]
    for m in _DOC_NUMBER.finditer(head):
        before = head[max(0, m.start() - 2) : m.start()]
        if "《" not in before and "(" not in before[-1:]:
            return re.sub(r"\s+", "", m.group(0))
    return None


def _region(title: str) -> str | None:
    """The region a title names first: a known one from the gazetteer, else a name-shaped prefix."""
    title = re.sub(r"^(?:关于|印发)+", "", title)  # 关于松山县2023年…计划执行情况的报告
    for part in [title, *title.split("——")[1:]]:
        region = region_of_title(part)
        if region:
            return region
    for part in [title, *title.split("——")[1:]]:
        m = _REGION_START.match(part)
        if m and _REGION_FOLLOW.match(part[m.end() :]):
            return m.group(1)
    return None


def extract_metadata(doc: Document, roles: Sequence[Role]) -> DocumentInfo:
    """Everything FACTS.md's ``document`` object asks for."""
    blocks = doc.blocks
    fields = _meta_fields(blocks, roles)
    found = _title_block(blocks, roles)
    raw_title = found[0] if found else None
    title = _clean_title(found[0]) if found else None
    for key in ("标题", "名称"):
        named = fields.get(key, "")
        if len(named) >= 4 and (
            key == "标题" or _KIND_RULES_ANY.search(named) or _DOC_TYPE_END.search(named)
        ):
            raw_title, title = named, _clean_title(named)
            break
    if not title:
        html_title = doc.meta.get("html_title") or doc.meta.get("docx_title")
        title = _clean_title(str(html_title)) if html_title else None
    kind = _kind(title or "", doc.text, fields)
    region = _region(title) if title else None
    speech = next(  # ——2023年2月2日在长沙县第十八届人民代表大会第三次会议上: a work report's place and date
        (m for b in blocks[:12] if (m := _SPEECH_LINE.match(b.text))), None
    )
    if speech is not None and region is None:
        region = _region(speech.group("place") + "人民政府")
    if region is None and raw_title:  # 亳州市谯城区人民政府办公室关于印发2020年…的通知
        opening = _ORGAN_TITLE.match(_cjk_join(raw_title))
        region = _region(opening.group(1)) if opening else None
    issuer = _issuer(kind, fields, blocks, roles, found[1] if found else None, region, raw_title)
    if region is None:  # "2023年政府工作报告" from 来源: 某县人民政府 — the issuing organ names the region
        for organ in (issuer, fields.get("发文机关"), fields.get("来源")):
            region = region or (_region(organ) if organ else None)
    if issuer and region and re.match(r"^[省市州县区旗盟](?:人民)?政府", issuer):
        issuer = region + issuer[1:]  # 县人民政府办公室 on 华容县's own site
    period = None
    if kind == "plan":
        period = plan_period(title or "") or plan_period(doc.text[:5000])
    return DocumentInfo(
        kind=kind,
        title=title,
        region=region,
        issuer=issuer,
        doc_number=_doc_number(fields, doc.text, raw_title),
        published=_published(fields, doc, blocks, roles)
        or (_speech_date(speech.group("date")) if speech is not None else None),
        period=period,
    )
