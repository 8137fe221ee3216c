"""Benchmark inputs: the seeds when ../shared/seeds exists, else the demo corpus's text documents."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "demo" / "corpus"
OUT = ROOT / "bench" / "out"


def text_corpus() -> list[Path]:
    """Plain-text documents to measure on."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return seeds or sorted(DEMO.glob("*.txt"))


def converted(fmt: str) -> list[Path]:
    """The text corpus converted to docx (python-docx), html or pdf (LibreOffice), cached in bench/out."""
    target = OUT / fmt
    target.mkdir(parents=True, exist_ok=True)
    sources = text_corpus()
    docx_dir = OUT / "docx"
    docx_dir.mkdir(parents=True, exist_ok=True)
    for src in sources:
        dst = docx_dir / f"{src.stem}.docx"
        if not dst.exists():
            document = docx.Document()
            from planwatch import read

            for line in read(src).text.splitlines():
                if line.strip():
                    document.add_paragraph(line.strip())
            document.save(str(dst))
    if fmt == "docx":
        return sorted(docx_dir.glob("*.docx"))
    missing = [p for p in sorted(docx_dir.glob("*.docx")) if not (target / f"{p.stem}.{fmt}").exists()]
    soffice = shutil.which("soffice")
    if missing and soffice:
        with tempfile.TemporaryDirectory() as profile:
            convert = "html:XHTML Writer File:UTF8" if fmt == "html" else fmt
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    convert,
                    "--outdir",
                    str(target),
                    *map(str, missing),
                ],
                check=True,
                capture_output=True,
            )
    return sorted(target.glob(f"*.{fmt}"))
