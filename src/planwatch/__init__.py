"""PlanWatch — 规划实施监测评估系统.

Reads Chinese local-government plan documents, extracts the facts a planning office monitors
(indicators, targets, tasks, projects, observations) with evidence spans, stores them and
monitors implementation.

    >>> import planwatch
    >>> facts = planwatch.extract("plan.txt")        # doctest: +SKIP
"""

from planwatch.model.facts import Facts
from planwatch.pipeline import extract, parse, read

__all__ = ["Facts", "__version__", "extract", "parse", "read"]
__version__ = "0.1.0"
