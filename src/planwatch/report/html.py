"""The report as one standalone HTML page (charts inlined), for the web app and for e-mail.

Built with ``html.escape`` on every string: quotes and names come from documents and unit
reports, so none of them may reach the page unescaped. No template engine is needed for a page
this regular, and none is installed.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from html import escape

from planwatch.report.blocks import AnnexStart, Block, Figure, Heading, Paragraph, Table, Title
from planwatch.report.model import STATUS_ORDER, ReportData
from planwatch.report.outline import build
from planwatch.report.style import MARGINS_MM, STATUS_COLOURS

SERIF = '"FangSong_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif'
SANS = '"SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'


def _css() -> str:
    m = MARGINS_MM
    statuses = "".join(
        f".status-{code}{{background:#{fill};color:#{ink}}}" for code, (fill, ink) in STATUS_COLOURS.items()
    )
    return (
        f"@page{{size:A4;margin:{m['top']}mm {m['right']}mm {m['bottom']}mm {m['left']}mm}}"
        f"body{{font-family:{SERIF};font-size:16pt;line-height:1.8;color:#000;background:#fff;margin:0}}"
        "main{max-width:156mm;margin:2em auto;padding:0 1em}"
        "h1{font-family:'FZXiaoBiaoSong-B05S','方正小标宋简体','Noto Serif CJK SC',serif;font-size:22pt;"
        "font-weight:normal;text-align:center;margin:1em 0 .3em}"
        ".subtitle{text-align:center;font-family:'KaiTi','楷体','Noto Serif CJK SC',serif;margin:0 0 1.5em}"
        f"h2{{font-family:{SANS};font-size:16pt;font-weight:normal;margin:.6em 0 0;text-indent:2em}}"
        "h3{font-family:'KaiTi','楷体','Noto Serif CJK SC',serif;font-size:16pt;font-weight:normal;"
        "margin:0;text-indent:2em}"
        "h4{font-size:16pt;margin:0;text-indent:2em}h5{font-size:16pt;font-weight:normal;margin:0;text-indent:2em}"
        "p{margin:0;text-indent:2em;text-align:justify}"
        "figure{margin:.8em 0;text-align:center}figure img{max-width:100%}"
        f"figcaption,caption{{font-family:{SANS};font-size:12pt;text-align:center;padding:.3em}}"
        "table{border-collapse:collapse;width:100%;font-size:9pt;line-height:1.4;margin:.5em 0 1em}"
        "thead{display:table-header-group}tr{break-inside:avoid}"
        f"th{{font-family:{SANS};font-weight:normal;background:#E7E6E6}}"
        "th,td{border:1px solid #000;padding:2px 4px;vertical-align:middle}td.c{text-align:center;white-space:nowrap}"
        f".annex{{break-before:page;margin-top:3em;font-family:{SANS};text-indent:0}}" + statuses
    )


def _table(block: Table) -> Iterator[str]:
    yield f"<table><caption>{escape(block.caption)}</caption><thead><tr>"
    yield "".join(f"<th>{escape(h)}</th>" for h in block.header) + "</tr></thead><tbody>"
    for i, row in enumerate(block.rows):
        cells = []
        for j, text in enumerate(row):
            classes = ["c"] if block.centred[j] else []
            if j == block.status:
                code = block.statuses[i]
                classes.append(f"status status-{code if code in STATUS_ORDER else 'unknown'}")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attr}>{escape(text)}</td>")
        yield "<tr>" + "".join(cells) + "</tr>"
    yield "</tbody></table>"


def _block(block: Block) -> Iterator[str]:
    if isinstance(block, Title):
        yield f"<h1>{escape(block.text)}</h1>"
        if block.subtitle:
            yield f'<p class="subtitle">{escape(block.subtitle)}</p>'
    elif isinstance(block, Heading):
        tag = f"h{block.level + 1}"
        yield f"<{tag}>{escape(block.text)}</{tag}>"
    elif isinstance(block, Paragraph):
        yield (
            f"<p>{escape(block.text)}</p>"
            if block.indent
            else f'<p style="text-indent:0">{escape(block.text)}</p>'
        )
    elif isinstance(block, Figure):
        data = base64.b64encode(block.png).decode("ascii")
        yield (
            f'<figure><img src="data:image/png;base64,{data}" alt="{escape(block.caption)}">'
            f"<figcaption>{escape(block.caption)}</figcaption></figure>"
        )
    elif isinstance(block, Table):
        yield from _table(block)
    elif isinstance(block, AnnexStart):
        yield f'<p class="annex">{escape(block.label)}</p>'
        yield f"<h1>{escape(block.title)}</h1>"


def render_html(data: ReportData) -> bytes:
    """The report as a standalone UTF-8 HTML page."""
    body = "\n".join(part for block in build(data) for part in _block(block))
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="PlanWatch">\n<title>{escape(data.title)}</title>\n'
        f"<style>{_css()}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
