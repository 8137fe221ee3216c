"""Layout conventions shared by every renderer, declared once: status colours, fonts, sizes, page.

The document conventions follow 党政机关公文格式 (GB/T 9704-2012): A4, 天头 37 mm, 订口 28 mm,
title in 小标宋 二号, body in 仿宋 三号, headings 一、(黑体) （一）(楷体) 1.(仿宋 bold) （1）(仿宋).
The official font names are declared first so Word and WPS on an office PC use them; each has the
installed open font the PDF conversion substitutes for it (docs/reports.md).
"""

from __future__ import annotations

from dataclasses import dataclass

# status → (fill, text) colours: the project's palette, used by charts, spreadsheets and HTML
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "achieved": ("1B5E20", "FFFFFF"),  # dark green
    "on_track": ("43A047", "FFFFFF"),  # green
    "at_risk": ("FFB300", "000000"),  # amber
    "off_track": ("D32F2F", "FFFFFF"),  # red
    "no_data": ("9E9E9E", "FFFFFF"),  # grey
    "not_assessable": ("D9D9D9", "000000"),  # light grey
}


@dataclass(frozen=True)
class Font:
    """A font role: the official name, what stands in for it when it is missing, and the size."""

    name: str
    fallback: str
    size_pt: float
    bold: bool = False


# 字号 in points
ERHAO, SANHAO, SIHAO, XIAOSI, WUHAO, XIAOWU = 22.0, 16.0, 14.0, 12.0, 10.5, 9.0

TITLE = Font("方正小标宋简体", "Noto Serif CJK SC", ERHAO)
BODY = Font("仿宋_GB2312", "Noto Serif CJK SC", SANHAO)
HEADINGS = (
    Font("黑体", "Noto Sans CJK SC", SANHAO),  # 一、
    Font("楷体_GB2312", "Noto Serif CJK SC", SANHAO),  # （一）
    Font("仿宋_GB2312", "Noto Serif CJK SC", SANHAO, bold=True),  # 1.
    Font("仿宋_GB2312", "Noto Serif CJK SC", SANHAO),  # （1）
)
SUBTITLE = Font("楷体_GB2312", "Noto Serif CJK SC", SANHAO)  # issuer and date under the title
TABLE = Font("仿宋_GB2312", "Noto Serif CJK SC", XIAOWU)  # 小五: a 9-column table fits the A4 type area
TABLE_HEADER = Font("黑体", "Noto Sans CJK SC", XIAOWU)
FOOTER = Font("宋体", "Noto Serif CJK SC", SIHAO)  # page numbers: 4号 半角宋体 阿拉伯数字
LATIN = "Times New Roman"  # digits and Latin letters in official documents

# every official name the documents declare, with what stands in for it (DOCX font table, PDF aliases)
FALLBACKS: dict[str, str] = {
    f.name: f.fallback for f in (TITLE, BODY, *HEADINGS, SUBTITLE, TABLE, TABLE_HEADER, FOOTER)
}
FALLBACKS[LATIN] = "Noto Serif CJK SC"

# page (mm): A4 portrait, GB/T 9704 margins
PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
LINE_PT = 28.95  # 22 lines on the type area, as the standard asks
