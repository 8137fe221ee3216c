"""``planwatch serve`` (the web app) and ``planwatch publish`` (what the public portal shows)."""

from __future__ import annotations

import getpass
import os
from typing import Annotated

import typer

from planwatch.cli.common import app, err, out, settings
from planwatch.services import publish
from planwatch.services.audit import Actor
from planwatch.services.database import open_database
from planwatch.services.regions import RegionIndex

publish_app = typer.Typer(
    help="Publish documents and indicators on the public portal (公开).", no_args_is_help=True
)
app.add_typer(publish_app, name="publish")
OffOpt = Annotated[bool, typer.Option("--off", help="withdraw instead of publishing")]


@app.command("serve")
def serve(
    host: Annotated[
        str | None, typer.Option(help="address to listen on (default PLANWATCH_WEB_HOST)")
    ] = None,
    port: Annotated[int | None, typer.Option(help="port (default PLANWATCH_WEB_PORT, 8000)")] = None,
    workers: Annotated[
        int | None, typer.Option(help="worker processes (default PLANWATCH_WEB_WORKERS, 1)")
    ] = None,
) -> None:
    """Serve the web app, the public portal and the REST API."""
    import uvicorn

    from planwatch.web.assets import missing

    cfg = settings()
    open_database(cfg)  # migrate once here, not in every worker at the same time
    if gone := missing(cfg):
        err.print(f"[yellow]front-end files missing ({', '.join(gone)}): run `npm ci` in the repository[/]")
    host, port = host or cfg.web_host, port or cfg.web_port
    out.print(f"PlanWatch 规划实施监测评估系统: http://{host}:{port}/  (公众门户 /public/ · API 文档 /docs)")
    uvicorn.run("planwatch.web.app:create_app", factory=True, host=host, port=port,
                workers=workers or cfg.web_workers, proxy_headers=True, log_level="info")  # fmt: skip


def _actor() -> Actor:
    return Actor("cli:" + (os.environ.get("USER") or getpass.getuser()))


@publish_app.command("document")
def publish_document(
    ids: Annotated[list[int] | None, typer.Argument(help="document ids")] = None,
    region: Annotated[
        str | None, typer.Option(help="every current document of this region (and below)")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="only documents of this kind (plan, work_report …)")
    ] = None,
    indicators: Annotated[
        bool, typer.Option("--indicators", help="also the indicators the documents monitor")
    ] = False,
    off: OffOpt = False,
) -> None:
    """Publish documents by id, or every current document of a region."""
    db = open_database(settings())
    chosen = list(ids or [])
    if region:
        with db.session() as session:
            index = RegionIndex.load(session)
            place = index.require(region)
            codes = [place.code, *(r.code for r in index.descendants(place))]
        chosen += publish.documents_matching(db, region_codes=codes, kind=kind)
    if not chosen:
        err.print("no documents chosen: give ids or --region")
        raise typer.Exit(1)
    docs, inds = publish.set_documents(db, chosen, not off, _actor(), with_indicators=indicators)
    out.print(f"{'withdrawn' if off else 'published'}: {docs} document(s), {inds} indicator(s) changed")


@publish_app.command("indicator")
def publish_indicator(
    codes: Annotated[list[str], typer.Argument(help="catalogue codes (see `planwatch status --region R`)")],
    region: Annotated[str, typer.Option(help="region name or code")],
    off: OffOpt = False,
) -> None:
    """Publish monitored indicators of one region."""
    db = open_database(settings())
    with db.session() as session:
        place = RegionIndex.load(session).require(region)
    changed = publish.set_indicators(db, place.code, codes, not off, _actor())
    out.print(f"{'withdrawn' if off else 'published'}: {changed} indicator(s) of {place.name} changed")


@publish_app.command("list")
def publish_list() -> None:
    """What is published now."""
    now = publish.published(open_database(settings()))
    out.print(f"{len(now.documents)} document(s), {len(now.indicators)} indicator(s) published")
    for key in sorted(now.documents):
        out.print(f"document  {key}")
    for key in sorted(now.indicators):
        out.print(f"indicator {key}")
