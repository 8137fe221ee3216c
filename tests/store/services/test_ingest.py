"""Ingest: idempotent by content, new versions supersede old ones, failures are recorded as data."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from planwatch.model.facts import Facts, Indicator
from planwatch.services.extracted import Extracted
from planwatch.services.ingest import ingest, summary
from planwatch.store.repo import documents as documents_repo
from planwatch.store.tables import FACT_TABLES, DocumentRow, IndicatorRow
from tests.conftest import DEMO
from tests.store.conftest import Stack, extracted


def counts(stack: Stack) -> dict[str, int]:
    """Rows per table (documents and every fact table)."""
    with stack.db.session() as session:
        out = {"documents": session.scalar(select(func.count()).select_from(DocumentRow)) or 0}
        for name, table in FACT_TABLES.items():
            out[name] = session.scalar(select(func.count()).select_from(table)) or 0
    return out


def test_ingest_twice_changes_nothing(stack: Stack, tmp_path: Path) -> None:
    """GIVEN two demo documents ingested WHEN ingested again THEN both are unchanged and no row is added."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("xinghu_plan.txt", "xinghu_tasks.html"):
        shutil.copy(DEMO / name, corpus / name)
    first = ingest(stack.db, stack.settings, [corpus])
    assert summary(first) == {"new": 2, "updated": 0, "unchanged": 0, "failed": 0}
    before = counts(stack)
    assert before["documents"] == 2 and before["indicators"] == 24 and before["tasks"] == 26
    second = ingest(stack.db, stack.settings, [corpus])
    assert summary(second) == {"new": 0, "updated": 0, "unchanged": 2, "failed": 0}
    assert counts(stack) == before


def test_a_corrupt_file_is_recorded_and_the_batch_goes_on(stack: Stack, tmp_path: Path) -> None:
    """GIVEN a batch with a corrupt DOCX WHEN ingested THEN the others are stored and the DOCX is failed."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DEMO / "yunling_plan.txt", folder / "a_plan.txt")
    (folder / "b_broken.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    results = ingest(stack.db, stack.settings, [folder])
    assert [r.outcome for r in results] == ["new", "failed"]
    assert results[1].error and "b_broken.docx" in results[1].error
    again = ingest(stack.db, stack.settings, [folder])
    assert [r.outcome for r in again] == ["unchanged", "failed"]
    with stack.db.session() as session:
        failed = session.scalars(select(DocumentRow).where(DocumentRow.status == "failed")).all()
        assert len(failed) == 1  # the same failure twice is one row
        assert failed[0].source_path.endswith("b_broken.docx") and failed[0].error
        assert documents_repo.counts(session) == {"current": 1, "superseded": 0, "failed": 1}


def test_a_new_version_supersedes_the_old_one(stack: Stack, tmp_path: Path) -> None:
    """GIVEN a plan ingested WHEN the file changes and is ingested again THEN version 2 is current, 1 kept."""
    path = tmp_path / "plan.txt"
    text = (DEMO / "yunling_plan.txt").read_text("utf-8")
    path.write_text(text, "utf-8")
    ingest(stack.db, stack.settings, [path])
    path.write_text(text.replace("36.1", "36.2"), "utf-8")  # a corrected baseline
    (result,) = ingest(stack.db, stack.settings, [path])
    assert (result.outcome, result.version) == ("updated", 2)
    with stack.db.session() as session:
        docs = session.scalars(select(DocumentRow).order_by(DocumentRow.id)).all()
        assert [(d.version, d.superseded_by) for d in docs] == [(1, docs[1].id), (2, None)]
        current = session.scalars(
            select(IndicatorRow.baseline_value)
            .join(DocumentRow, DocumentRow.id == IndicatorRow.document_id)
            .where(documents_repo.current_filter(), IndicatorRow.name == "森林覆盖率")
        ).all()
        assert current == [36.2]
        assert session.scalar(select(func.count()).select_from(IndicatorRow)) == 32  # both versions kept


def test_parallel_ingest_stores_the_same(stack: Stack, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("xinghu_plan.txt", "yunling_plan.txt", "xinghu_tasks.html"):
        shutil.copy(DEMO / name, folder / name)
    results = ingest(stack.db, stack.settings, [folder], jobs=2)
    assert summary(results)["new"] == 3
    assert counts(stack)["indicators"] == 40


def test_a_database_error_is_recorded(stack: Stack) -> None:
    """GIVEN a fact no database can hold (an integer beyond 64 bits) WHEN stored THEN the document is failed."""
    good = extracted(DEMO / "yunling_plan.txt")
    row = Indicator.model_validate({**good.facts.indicators[0].model_dump(), "seq": 2**70})
    bad = Extracted(
        "odd.txt", "0" * 64, Facts(document=good.facts.document, indicators=[row]), "text", "txt", 4
    )
    result = stack.store(bad)
    assert result.outcome == "failed"
    assert result.error and result.error.startswith("storing failed")
    assert counts(stack)["indicators"] == 0  # nothing of the document was kept


def test_an_unreadable_path_is_recorded(stack: Stack, tmp_path: Path) -> None:
    (result,) = ingest(stack.db, stack.settings, [tmp_path / "missing.txt"])
    assert result.outcome == "failed"
    assert result.error and "cannot read" in result.error
