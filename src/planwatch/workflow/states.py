"""What a progress report says and where it stands.

A unit's report on one item for one period is **submitted** (待审核), then **approved** (已通过: the
period is locked) or **returned** (已退回: the unit edits and submits again). A submitted report can be
edited until it is reviewed; an approved one never again — the next period gets a new report.
"""

from __future__ import annotations

from enum import StrEnum

from planwatch.errors import ValidationError


class ReportState(StrEnum):
    """Where a report stands in review."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        """Chinese label."""
        return {"submitted": "待审核", "approved": "已通过", "returned": "已退回"}[self.value]

    @property
    def editable(self) -> bool:
        """Whether the unit may still change the report."""
        return self is not ReportState.APPROVED


class Progress(StrEnum):
    """How the work stands, as the unit reports it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    LAGGING = "lagging"

    @property
    def label(self) -> str:
        """Chinese label (未启动, 推进中, 已完成, 滞后)."""
        return _PROGRESS_LABELS[self]


_PROGRESS_LABELS = {Progress.NOT_STARTED: "未启动", Progress.IN_PROGRESS: "推进中", Progress.COMPLETED: "已完成",
                    Progress.LAGGING: "滞后"}  # fmt: skip
_BY_LABEL = {**{p.label: p for p in Progress}, **{p.value: p for p in Progress},
             "进行中": Progress.IN_PROGRESS, "正在推进": Progress.IN_PROGRESS, "完成": Progress.COMPLETED,
             "已完成": Progress.COMPLETED, "未开始": Progress.NOT_STARTED, "滞后": Progress.LAGGING,
             "进度滞后": Progress.LAGGING}  # fmt: skip
NO_REPORT = "no_report"  # an item nobody has reported on (未报送)
ITEM_STATUS_LABELS = {NO_REPORT: "未报送", **{p.value: p.label for p in Progress}}


def parse_progress(text: str) -> Progress:
    """A progress status from its code or its Chinese label; ValidationError otherwise."""
    found = _BY_LABEL.get(str(text).strip())
    if found is None:
        raise ValidationError(
            f"状态 {text!r} 无法识别 (unknown status)", hint="填写 未启动、推进中、已完成 或 滞后"
        )
    return found


def check_percent(value: float | int | str | None) -> float:
    """A completion percentage 0–100; ValidationError otherwise."""
    try:
        number = float(str(value).strip().rstrip("%")) if value is not None and str(value).strip() else None
    except ValueError:
        number = None
    if number is None or not 0 <= number <= 100 or number != number:
        raise ValidationError(
            f"完成比例 {value!r} 不是 0–100 之间的数 (bad percent)", hint="填写 0 到 100 之间的数字"
        )
    return round(number, 1)
