"""What every handler gets: the database, the settings, who is asking, and what they may see.

``page`` (internal pages: a signed-in reader), ``portal`` (the public portal: published items only,
whoever asks) and ``api`` (the REST API: everything for signed-in users, published items for the
anonymous) are the three dependencies handlers use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form, Path, Request

from planwatch.auth.policy import ANONYMOUS, Action, Principal, require
from planwatch.services.audit import Actor
from planwatch.services.login import SignedIn, resolve
from planwatch.services.scope import PUBLIC, Scope
from planwatch.settings import Settings
from planwatch.store.engine import Database

SESSION_COOKIE = "pw_session"
ANON_CSRF_COOKIE = "pw_csrf"


@dataclass(frozen=True)
class Ctx:
    """One request's context."""

    request: Request
    db: Database
    settings: Settings
    who: Principal
    csrf: str | None
    scope: Scope
    base: str  # "" for internal pages, "/public" for the portal

    @property
    def portal(self) -> bool:
        """Whether this is the public portal."""
        return self.base == "/public"

    @property
    def ip(self) -> str | None:
        """The client's address."""
        return self.request.client.host if self.request.client else None

    @property
    def actor(self) -> Actor:
        """Who the audit log names for this request's changes."""
        return Actor.of(self.who, self.ip)


def signed_in(request: Request) -> SignedIn | None:
    """The request's live session (resolved once per request)."""
    if not hasattr(request.state, "signed_in"):
        db: Database = request.app.state.db
        request.state.signed_in = resolve(db, request.cookies.get(SESSION_COOKIE))
    found: SignedIn | None = request.state.signed_in
    return found


def principal(request: Request) -> Principal:
    """Who makes the request."""
    found = signed_in(request)
    return found.principal if found else ANONYMOUS


def _ctx(request: Request, scope: Scope, base: str) -> Ctx:
    found = signed_in(request)
    csrf = found.csrf_token if found else request.cookies.get(ANON_CSRF_COOKIE)
    who = found.principal if found else ANONYMOUS
    return Ctx(request, request.app.state.db, request.app.state.settings, who, csrf, scope, base)


def page(request: Request) -> Ctx:
    """Context of an internal page: a signed-in reader, sees everything."""
    who = principal(request)
    require(who, Action.READ_INTERNAL)
    return _ctx(request, Scope(public=False), "")


def portal(request: Request) -> Ctx:
    """Context of the public portal: published items only, whoever is signed in."""
    return _ctx(request, PUBLIC, "/public")


def api(request: Request) -> Ctx:
    """Context of an API call: the scope of whoever calls."""
    return _ctx(request, Scope.of(principal(request)), "")


MAX_ID = 2**31 - 1  # database ids fit in 32 bits; larger numbers are refused (422) before any query
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
FormId = Annotated[int, Form(ge=0, le=MAX_ID)]

PageCtx = Annotated[Ctx, Depends(page)]
PortalCtx = Annotated[Ctx, Depends(portal)]
ApiCtx = Annotated[Ctx, Depends(api)]
