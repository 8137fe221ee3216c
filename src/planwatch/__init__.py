"""PlanWatch — 规划实施监测评估系统.

Reads Chinese local-government plan documents, extracts the facts a planning office monitors
(indicators, targets, tasks, projects, observations) with evidence spans, stores them and
monitors implementation.
"""

__version__ = "0.1.0"
