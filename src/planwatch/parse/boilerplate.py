"""Tell a page's body from its site chrome, line by line, without losing body lines.

Saved web pages carry navigation bars, breadcrumbs, "设为首页", share and print buttons, related-news
link lists and "主办:" footers. Those lines stay in ``Document.text`` (offsets must hold) but are
labelled here so that the outline and the extractors skip them. A line is chrome only when it
matches a chrome pattern; the footer zone begins at an end marker (相关新闻, 上一篇, [关闭窗口] …)
only when nothing after it reads like body prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from planwatch.model.document import Block, BlockKind


class Role(StrEnum):
    """What a block is for the purposes of reading the document."""

    BODY = "body"
    CHROME = "chrome"
    META = "meta"
    TOC = "toc"


_CHROME = re.compile(
    r"您(?:现在)?的位置|当前位置|设为首页|加入收藏|联系我们|网站地图|网站无障碍|无障碍浏览|适老版|长者模式|"
    r"繁体版|简体版|[\[【(（]\s*(?:打印|关闭|返回|关闭窗口|打印本页|关闭本页|打印正文|返回首页|返回顶部|详细)\s*[\]】)）]|"
    r"分享到|扫一扫|用手机扫|打印本页|关闭本页|关闭窗口|字号[:：]?\s*[大中小]|"
    r"^\s*(?:相关新闻|相关阅读|相关链接|相关文章|相关解读|相关附件|上一篇|下一篇|友情链接|更多)\s*[:：↓→>》]*|"
    r"主办[:：]|承办[:：]|协办[:：]|技术支持[:：]|[社网]主办\s*$|版权所有|Copyright|ICP\s*备|公网安备|网站标识码|网站识别码|"
    r"^\s*[•·▪►]?\s*(?:返\s*回|返回顶部|返回首页|返回列表|无障碍|长辈版|关怀版|适老化|老年版|手机版|English|打\s*印|关\s*闭|收藏|分享|"
    r"字体[:：]?\s*[\[【]?\s*[大中小 ]*[\]】]?|浏览量[:：]?[\d\s|]*)\s*$|所在位置[:：]|"
    r"更多\s*>>|无标题文档|^[\u4e00-\u9fff]{2,16}(?:门户网站|政府网|网站)\s*$|欢迎(?:您)?(?:进入|访问|来到)|今天是\s*$|阅读量[:：]|浏览次数[:：]|访问量[:：]|点击数[:：]",
    re.I,
)
_META = re.compile(
    r"^\s*[•·▪►]?\s*(?:来\s*源|时\s*间|发布时间|发布日期|成文日期|印发日期|发文字号|文\s*号|发文机关|发布机构|索\s*引\s*号|"
    r"主题分类|主题词|公文种类|体裁分类|信息分类|组配分类|责任编辑|编\s*辑|作\s*者|有\s*效\s*性|生效日期|废止日期|公开范围|公开方式|公开日期|生成日期|发文机构|标\s*题|名\s*称|政策咨询机关|政策咨询电话|内容概述)\s*[:：]"
)
_END_MARKER = re.compile(
    r"^\s*(?:相关新闻|相关阅读|相关链接|相关文章|相关解读|上一篇|下一篇|友情链接|主办[:：]|版权所有)|"
    r"[\[【]\s*(?:打印|关闭|关闭窗口|返回首页)\s*[\]】]"
)
_NAV_SEPARATORS = re.compile(r"\s[|｜丨]\s|\s>\s|>>|→|»|›")
_PROSE = re.compile(r"[。；;！？]")


def _is_nav(text: str) -> bool:
    """A menu or breadcrumb: several short items separated by | or >."""
    parts = [p for p in re.split(r"[|｜丨>→»›]+", text) if p.strip()]
    if len(parts) < 3 and not (len(parts) >= 2 and text.lstrip().startswith(("首页", "首 页"))):
        return False
    return all(len(p.strip()) <= 14 for p in parts) and not _PROSE.search(text)


def classify(blocks: Sequence[Block]) -> list[Role]:
    """A role for every block: body, chrome, metadata line or table of contents (set later)."""
    roles: list[Role] = []
    for b in blocks:
        t = b.text
        if b.kind == BlockKind.TABLE_ROW:
            roles.append(Role.BODY)
        elif _META.match(t) and len(t) <= 160:
            roles.append(Role.META)
        elif len(t) <= 120 and (_CHROME.search(t) or (_NAV_SEPARATORS.search(t) and _is_nav(t))):
            roles.append(Role.CHROME)
        else:
            roles.append(Role.BODY)
    _mark_footer(blocks, roles)
    _mark_link_lists(blocks, roles)
    return roles


def _mark_footer(blocks: Sequence[Block], roles: list[Role]) -> None:
    """From an end marker in the last part of the page on, everything is chrome — unless prose follows."""
    n = len(blocks)
    for i in range(n // 3, n):
        if not _END_MARKER.search(blocks[i].text) or len(blocks[i].text) > 80:
            continue
        rest = blocks[i + 1 :]
        if any(len(b.text) > 300 and len(_PROSE.findall(b.text)) >= 3 for b in rest):
            continue
        for j in range(i, n):
            roles[j] = Role.CHROME
        return


def _mark_link_lists(blocks: Sequence[Block], roles: list[Role]) -> None:
    """Runs of three or more short '·title' lines are link lists."""
    i, n = 0, len(blocks)
    while i < n:
        j = i
        while j < n and blocks[j].text.startswith(("·", "•", "▪", "►")) and len(blocks[j].text) <= 40:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                roles[k] = Role.CHROME
        i = max(j, i + 1)
