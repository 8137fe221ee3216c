"""A limit on request bodies, applied before anything reads them: larger than the upload limit (plus
room for the form around the file) is refused with 413, by Content-Length or while streaming."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planwatch.errors import FileTooLargeError
from planwatch.web.errors import error_response

FORM_OVERHEAD = 64 * 1024


class BodyLimit:
    """Pure ASGI middleware refusing bodies over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes + FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise FileTooLargeError(
                        f"请求体超过 {self.max_bytes // (1024 * 1024)} MB 上限 (body too large)"
                    )
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = error_response(request, FileTooLargeError(
            f"请求体超过 {self.max_bytes // (1024 * 1024)} MB 上限 (body too large)",
            hint="upload a smaller file"))  # fmt: skip
        await response(scope, receive, send)
