"""Reports rendered once per session from the sample county; PDF fixtures need LibreOffice (slow)."""

from __future__ import annotations

import io

import docx
import pytest
from openpyxl import Workbook, load_workbook

from planwatch.report import render
from planwatch.report.model import ReportData
from planwatch.report.sample import sample_report


@pytest.fixture(scope="session")
def annual() -> ReportData:
    return sample_report("annual")


@pytest.fixture(scope="session")
def midterm() -> ReportData:
    return sample_report("midterm")


@pytest.fixture(scope="session")
def annual_docx(annual: ReportData) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(annual, "docx")))


@pytest.fixture(scope="session")
def midterm_docx(midterm: ReportData) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(midterm, "docx")))


@pytest.fixture(scope="session")
def annual_xlsx(annual: ReportData) -> Workbook:
    return load_workbook(io.BytesIO(render(annual, "xlsx")))


@pytest.fixture(scope="session")
def annual_pdf(soffice: str, annual: ReportData) -> bytes:
    return render(annual, "pdf")
