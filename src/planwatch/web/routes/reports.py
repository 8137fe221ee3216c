"""The dashboard's download buttons: a region's evaluation report (年度监测 / 中期评估 / 终期评估) as
Word, Excel, PDF or HTML, from ``planwatch.report.gather`` (signed-in readers only: reports hold
unpublished figures)."""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from planwatch.report import render as render_report
from planwatch.report.gather import gather
from planwatch.report.model import KIND_LABELS
from planwatch.report.xlsx import scorecard_xlsx
from planwatch.web.context import Ctx, page

MEDIA = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def router() -> APIRouter:
    """``GET /reports/{region}?kind=annual&format=docx&year=2023`` and ``GET /reports/{region}/scorecard``."""
    r = APIRouter(include_in_schema=False)

    @r.get("/reports/{region}")
    async def report_file(
        region: str, ctx: Ctx = Depends(page), kind: Literal["annual", "midterm", "final"] = "annual",
        format: Literal["docx", "xlsx", "pdf", "html"] = "docx", year: int | None = None,
    ) -> Response:  # fmt: skip
        data = await run_in_threadpool(gather, ctx.db, region, year, kind, ctx.settings)
        content = await run_in_threadpool(render_report, data, format)
        name = f"{data.region}{data.year}年{KIND_LABELS[kind]}.{format}"
        disposition = "inline" if format == "html" else "attachment"
        headers = {"content-disposition": f"{disposition}; filename*=UTF-8''{quote(name)}"}
        return Response(content, media_type=MEDIA[format], headers=headers)

    @r.get("/reports/{region}/scorecard")
    async def scorecard_file(region: str, ctx: Ctx = Depends(page), year: int | None = None) -> Response:
        """部门考核评分表 (XLSX) from the supervision workflow's numbers."""
        data = await run_in_threadpool(gather, ctx.db, region, year, "annual", ctx.settings)
        title = f"{data.region}{data.year}年规划实施责任单位考核评分表"
        content = await run_in_threadpool(scorecard_xlsx, data.units, title=title)
        headers = {"content-disposition": f"attachment; filename*=UTF-8''{quote(title + '.xlsx')}"}
        return Response(content, media_type=MEDIA["xlsx"], headers=headers)

    return r
