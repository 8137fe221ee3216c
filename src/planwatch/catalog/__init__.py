"""The indicator catalogue (canonical indicators declared as data) and name matching.

Pure code, no database: ``load_catalogue`` reads ``planwatch/data/catalog.toml``; ``Matcher`` links a
plan row, prose target or observation to an entry; ``govunits`` folds names of units of government.
"""

from planwatch.catalog.entries import CatalogEntry, load_catalogue, parse_catalogue
from planwatch.catalog.match import Candidate, Match, Matcher, units_agree
from planwatch.catalog.names import is_lower_better, is_rate_name, normalise, rate_base

__all__ = [
    "Candidate",
    "CatalogEntry",
    "Match",
    "Matcher",
    "is_lower_better",
    "is_rate_name",
    "load_catalogue",
    "normalise",
    "parse_catalogue",
    "rate_base",
    "units_agree",
]
