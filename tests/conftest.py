"""Shared fixtures: the seed documents (read from ../shared/seeds when present) and document factories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
DEMO = ROOT / "demo" / "corpus"


def seed_files() -> list[Path]:
    """The seed documents, or an empty list when ../shared/seeds is not there."""
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture
def seeds() -> list[Path]:
    files = seed_files()
    if not files:
        pytest.skip(f"seed documents not found at {SEEDS} (they are not part of this repository)")
    return files


def gold_for(path: Path) -> dict:  # type: ignore[type-arg]
    """The hand-made gold facts for a seed document."""
    return json.loads((GOLD / (path.stem + ".json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed; `make test` installs it")
    return exe
