"""The web app: FastAPI, server-rendered Jinja2 pages with htmx, ECharts charts, the public portal and
the REST API (``/api/v1``). ``create_app`` builds it; ``planwatch serve`` runs it (docs/web.md)."""
