"""Manual links: ``planwatch link list`` (facts no catalogue entry matched) and ``planwatch link set``.

A fact is named by its table's letter and row id (O12 an observation, T7 a prose target, I3 a plan
row). The decision is stored under the fact's stable key, so it holds for every version of the
document, now and after any re-ingest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch.errors import NotFoundError, ValidationError
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.repo import facts as repo
from planwatch.store.tables import IndicatorRow, ObservationRow, TargetRow

PREFIXES: dict[str, tuple[str, type[Any]]] = {
    "O": ("observations", ObservationRow),
    "T": ("targets", TargetRow),
    "I": ("indicators", IndicatorRow),
}


@dataclass(frozen=True)
class Unmatched:
    """A fact waiting for a person: what it says and where."""

    fact_id: str
    subject: str
    value: float | None
    unit: str | None
    region: str | None
    period: str | None
    document: str
    quote: str | None


def unmatched(db: Database, limit: int = 1000) -> list[Unmatched]:
    """Observations and prose targets of current documents that link to no catalogue entry."""
    out: list[Unmatched] = []
    with db.session() as session:
        for letter, table in (("O", ObservationRow), ("T", TargetRow)):
            for fact, doc in repo.unmatched(session, table, limit):
                period = fact.period if letter == "O" else (str(fact.year) if fact.year else None)
                out.append(Unmatched(f"{letter}{fact.id}", fact.subject, fact.value, fact.unit,
                                     getattr(fact, "region", None), period, doc.title or doc.source_path,
                                     fact.evidence_quote))  # fmt: skip
    return out


def set_link(
    db: Database, fact_ref: str, indicator_ref: str, user: str | None
) -> tuple[str, str | None, int]:
    """Link a fact (and its copies in other versions) to an entry, or ``none`` to set it aside.

    Returns (fact label, entry name or None, rows changed).
    """
    letter, digits = fact_ref[:1].upper(), fact_ref[1:]
    if letter not in PREFIXES or not digits.isdigit():
        raise ValidationError(
            f"{fact_ref!r} is not a fact id", hint="use an id from `planwatch link list`, e.g. O12 or T7"
        )
    fact_type, table = PREFIXES[letter]
    with db.transaction() as session:
        fact = session.get(table, int(digits))
        if fact is None or fact.fact_key is None:
            raise NotFoundError(f"no {fact_type} row {fact_ref}", hint="see `planwatch link list`")
        entry = None
        if indicator_ref.lower() not in ("none", "-"):
            entry = catalog_repo.get(session, indicator_ref)
            if entry is None:
                raise NotFoundError(
                    f"no catalogue entry {indicator_ref!r}", hint="see `planwatch catalog list`"
                )
        label = getattr(fact, "subject", None) or fact.name
        repo.save_manual_link(session, fact.fact_key, fact_type, label, entry.id if entry else None, user)
        changed = repo.set_link(session, table, fact.fact_key, entry.id if entry else None, "manual")
        return label, entry.name if entry else None, changed
