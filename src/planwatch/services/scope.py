"""What a request may see: everything (signed-in users) or only what is published (the public)."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.auth.policy import Action, Principal, allowed


@dataclass(frozen=True)
class Scope:
    """``public``: only published documents and indicators are visible."""

    public: bool

    @classmethod
    def of(cls, who: Principal) -> Scope:
        """The scope of a principal: internal when it may read unpublished items."""
        return cls(public=not allowed(who, Action.READ_INTERNAL))


INTERNAL = Scope(public=False)
PUBLIC = Scope(public=True)


def indicator_key(region_code: str, code: str) -> str:
    """The publication key of one monitored indicator of one region."""
    return f"{region_code}|{code}"
