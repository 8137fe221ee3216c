"""The ``planwatch`` command line: thin commands over the library's services.

Each module below registers its commands on the shared Typer ``app`` when imported.
"""

from planwatch.cli import data, docs, report, users, web, workflow
from planwatch.cli.common import app, main

__all__ = ["app", "data", "docs", "main", "report", "users", "web", "workflow"]
