"""One error hierarchy for PlanWatch.

Every error a user can meet says *what* went wrong, *where* (file, line, row) and *what to do*.
Library exceptions are wrapped once, at the stage boundary (``raise ReadError(...) from exc``),
so the CLI and the web layer only ever have to render a :class:`PlanWatchError`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class PlanWatchError(Exception):
    """Base of every error PlanWatch raises on purpose."""

    message: str
    where: str | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        parts = [f"{self.where}: {self.message}" if self.where else self.message]
        if self.hint:
            parts.append(self.hint)
        return " — ".join(parts)


class ReadError(PlanWatchError):
    """A file could not be read into a Document (format, encoding, size, corruption)."""


class UnsupportedFormatError(ReadError):
    """No reader accepts the file."""


class FileTooLargeError(ReadError):
    """The file (or an archive entry inside it) is larger than the configured limit."""


class NoTextLayerError(ReadError):
    """A PDF without extractable text (scanned or encrypted)."""


class ExtractionError(PlanWatchError):
    """The extractor met something it cannot represent; raised only for programming bugs."""


class ValidationError(PlanWatchError):
    """Input data (an import row, a form field) is invalid."""


class NotFoundError(PlanWatchError):
    """A requested object does not exist."""


class ConflictError(PlanWatchError):
    """An edit lost an optimistic-locking race, or a unique key already exists."""


class LockedError(ConflictError):
    """The object is locked (an approved progress report): nobody may change it any more."""


class PermissionDeniedError(PlanWatchError):
    """The current user may not do this."""


class RateLimitedError(PlanWatchError):
    """Too many requests from one client address (logins, public comments); try again later."""

    retry_after: int = 60

    @property
    def headers(self) -> dict[str, str]:
        """The Retry-After header of the 429 response."""
        return {"retry-after": str(self.retry_after)}


class PreconditionRequiredError(PlanWatchError):
    """An edit through the API without the version it was based on (If-Match)."""
