"""Typed values shared by every stage: documents, spans and facts."""
