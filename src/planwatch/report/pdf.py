"""PDF from the DOCX (and spreadsheets for previews) through LibreOffice headless.

Each conversion gets a private LibreOffice profile in a temporary directory, so concurrent runs
(web workers, a test run beside a batch) never fight over one profile lock. A private fontconfig
file maps the official font names the DOCX declares (仿宋_GB2312, 方正小标宋简体, …) to the installed
open fonts in ``style.FALLBACKS``: without it fontconfig would pick a Latin font and LibreOffice's
per-glyph fallback would mix faces. LibreOffice embeds the fonts it used (subsets) in the PDF.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from planwatch.errors import PlanWatchError
from planwatch.report.docx import render_docx
from planwatch.report.model import ReportData
from planwatch.report.style import FALLBACKS

INSTALL_HINT = (
    "install LibreOffice (Debian: apt-get install libreoffice-writer libreoffice-calc fonts-noto-cjk)"
)


def soffice() -> str:
    """The LibreOffice executable, or a PlanWatchError saying what to install."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise PlanWatchError(
            "LibreOffice (soffice) not found on PATH; PDF reports need it", hint=INSTALL_HINT
        )
    return exe


def fontconfig(fallbacks: dict[str, str] = FALLBACKS) -> str:
    """A fonts.conf: the system configuration plus one strong alias per official font name."""
    aliases = "".join(
        f'  <alias binding="strong"><family>{escape(name)}</family>'
        f"<prefer><family>{escape(open_font)}</family></prefer></alias>\n"
        for name, open_font in fallbacks.items()
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' + aliases + "</fontconfig>\n"
    )


def render_pdf(data: ReportData) -> bytes:
    """The report as PDF bytes (the DOCX laid out by LibreOffice)."""
    return to_pdf([render_docx(data)], ".docx")[0]


def to_pdf(files: Sequence[bytes], suffix: str, timeout: float = 300.0) -> list[bytes]:
    """Convert documents of one type (".docx", ".xlsx") to PDF with a single LibreOffice start."""
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="planwatch-pdf-") as tmp:
        root = Path(tmp)
        (root / "fonts.conf").write_text(fontconfig(), encoding="utf-8")
        sources = []
        for i, data in enumerate(files):
            sources.append(root / f"in{i:04d}{suffix}")
            sources[-1].write_bytes(data)
        env = {**os.environ, "FONTCONFIG_FILE": str(root / "fonts.conf"), "HOME": str(root)}
        command = [exe, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(root / "out"), *map(str, sources)]  # fmt: skip
        try:
            done = subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PlanWatchError(f"LibreOffice took longer than {timeout:.0f} s", where=exe) from exc
        outputs = [root / "out" / (s.stem + ".pdf") for s in sources]
        missing = [p.name for p in outputs if not p.is_file()]
        if done.returncode or missing:
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-400:]
            raise PlanWatchError(
                f"LibreOffice could not convert {', '.join(missing) or 'the document'} (exit {done.returncode})",
                where=exe,
                hint=detail or INSTALL_HINT,
            )
        return [p.read_bytes() for p in outputs]
