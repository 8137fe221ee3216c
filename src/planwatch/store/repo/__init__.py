"""Repositories: every query PlanWatch makes, as functions of a session. Services call these."""
