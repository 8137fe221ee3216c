"""Initial schema: regions, documents, one table per fact type, catalogue, units of government.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "catalog_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("dimension", sa.String(length=32), nullable=True),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("rate_of_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["rate_of_id"],
            ["catalog_indicators.id"],
            name=op.f("fk_catalog_indicators_rate_of_id_catalog_indicators"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_indicators")),
        sa.UniqueConstraint("code", name=op.f("uq_catalog_indicators_code")),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "regions",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("short", sa.String(length=64), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_code"], ["regions.code"], name=op.f("fk_regions_parent_code_regions")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_regions")),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_regions_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "catalog_synonyms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("synonym", sa.String(length=256), nullable=False),
        sa.Column("norm", sa.String(length=256), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["catalog_indicators.id"],
            name=op.f("fk_catalog_synonyms_indicator_id_catalog_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_synonyms")),
        sa.UniqueConstraint("indicator_id", "norm", name=op.f("uq_catalog_synonyms_indicator_id_norm")),
    )
    with op.batch_alter_table("catalog_synonyms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalog_synonyms_norm"), ["norm"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("logical_key", sa.String(length=512), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.String(length=1024), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("format", sa.String(length=16), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("region_text", sa.String(length=128), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("issuer", sa.String(length=256), nullable=True),
        sa.Column("doc_number", sa.String(length=128), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("period_start", sa.Integer(), nullable=True),
        sa.Column("period_end", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=True),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_documents_region_code_regions")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["documents.id"], name=op.f("fk_documents_superseded_by_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_content_hash"), ["content_hash"], unique=False)
        batch_op.create_index("ix_documents_current", ["logical_key", "superseded_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_region_code"), ["region_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_source_path"), ["source_path"], unique=False)

    op.create_table(
        "gov_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("key", sa.String(length=256), nullable=False),
        sa.Column("collective", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_gov_units_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gov_units")),
        sa.UniqueConstraint("region_code", "key", name=op.f("uq_gov_units_region_code_key")),
    )
    with op.batch_alter_table("gov_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gov_units_region_code"), ["region_code"], unique=False)

    op.create_table(
        "manual_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fact_key", sa.String(length=64), nullable=False),
        sa.Column("fact_type", sa.String(length=16), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("ignored", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["catalog_indicators.id"],
            name=op.f("fk_manual_links_indicator_id_catalog_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_links")),
        sa.UniqueConstraint("fact_key", name=op.f("uq_manual_links_fact_key")),
    )
    op.create_table(
        "region_aliases",
        sa.Column("alias", sa.String(length=64), nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
            name=op.f("fk_region_aliases_region_code_regions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("alias", name=op.f("pk_region_aliases")),
    )
    with op.batch_alter_table("region_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_aliases_region_code"), ["region_code"], unique=False)

    op.create_table(
        "gov_unit_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=256), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["gov_units.id"],
            name=op.f("fk_gov_unit_aliases_unit_id_gov_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gov_unit_aliases")),
        sa.UniqueConstraint("unit_id", "alias", name=op.f("uq_gov_unit_aliases_unit_id_alias")),
    )
    with op.batch_alter_table("gov_unit_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gov_unit_aliases_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "headings",
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_headings_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_headings_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_headings")),
    )
    with op.batch_alter_table("headings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_headings_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_headings_region_code"), ["region_code"], unique=False)

    op.create_table(
        "indicators",
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("attribute", sa.String(length=16), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("baseline_text", sa.String(length=256), nullable=True),
        sa.Column("baseline_value", sa.Double(), nullable=True),
        sa.Column("target_year", sa.Integer(), nullable=True),
        sa.Column("target_text", sa.String(length=256), nullable=True),
        sa.Column("target_value", sa.Double(), nullable=True),
        sa.Column("target_low", sa.Double(), nullable=True),
        sa.Column("target_high", sa.Double(), nullable=True),
        sa.Column("target_qualifier", sa.String(length=16), nullable=True),
        sa.Column("target_kind", sa.String(length=16), nullable=True),
        sa.Column("growth_text", sa.String(length=256), nullable=True),
        sa.Column("growth_value", sa.Double(), nullable=True),
        sa.Column("growth_cumulative", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("link_method", sa.String(length=16), nullable=True),
        sa.Column("fact_key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_indicators_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["catalog_indicators.id"],
            name=op.f("fk_indicators_indicator_id_catalog_indicators"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_indicators_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicators_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicators_fact_key"), ["fact_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicators_indicator_id"), ["indicator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_indicators_region_code"), ["region_code"], unique=False)

    op.create_table(
        "observations",
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=256), nullable=False),
        sa.Column("region", sa.String(length=128), nullable=True),
        sa.Column("period", sa.String(length=32), nullable=True),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("growth", sa.Double(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(length=256), nullable=True),
        sa.Column("met", sa.Boolean(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source_file", sa.String(length=1024), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("entered_by", sa.String(length=128), nullable=True),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("link_method", sa.String(length=16), nullable=True),
        sa.Column("fact_key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_observations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["catalog_indicators.id"],
            name=op.f("fk_observations_indicator_id_catalog_indicators"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_observations_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observations")),
    )
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_observations_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_observations_fact_key"), ["fact_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_observations_indicator_id"), ["indicator_id"], unique=False)
        batch_op.create_index("ix_observations_lookup", ["region_code", "indicator_id", "year"], unique=False)
        batch_op.create_index(batch_op.f("ix_observations_region_code"), ["region_code"], unique=False)

    op.create_table(
        "projects",
        sa.Column("box", sa.String(length=64), nullable=True),
        sa.Column("box_title", sa.String(length=256), nullable=True),
        sa.Column("group", sa.String(length=256), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_projects_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_projects_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_projects_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_projects_region_code"), ["region_code"], unique=False)

    op.create_table(
        "targets",
        sa.Column("subject", sa.String(length=256), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("low", sa.Double(), nullable=True),
        sa.Column("high", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("link_method", sa.String(length=16), nullable=True),
        sa.Column("fact_key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_targets_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["catalog_indicators.id"],
            name=op.f("fk_targets_indicator_id_catalog_indicators"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_targets_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
    )
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_targets_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_targets_fact_key"), ["fact_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_targets_indicator_id"), ["indicator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_targets_region_code"), ["region_code"], unique=False)

    op.create_table(
        "tasks",
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("lead_units", sa.JSON(), nullable=False),
        sa.Column("responsible_units", sa.JSON(), nullable=False),
        sa.Column("deadline", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("evidence_quote", sa.Text(), nullable=True),
        sa.Column("region_code", sa.String(length=12), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_tasks_document_id_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["region_code"], ["regions.code"], name=op.f("fk_tasks_region_code_regions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tasks_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tasks_region_code"), ["region_code"], unique=False)

    op.create_table(
        "task_units",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.id"], name=op.f("fk_task_units_task_id_tasks"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["gov_units.id"], name=op.f("fk_task_units_unit_id_gov_units"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("task_id", "role", "position", name=op.f("pk_task_units")),
    )
    with op.batch_alter_table("task_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_units_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("task_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_units_unit_id"))

    op.drop_table("task_units")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tasks_region_code"))
        batch_op.drop_index(batch_op.f("ix_tasks_document_id"))

    op.drop_table("tasks")
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_targets_region_code"))
        batch_op.drop_index(batch_op.f("ix_targets_indicator_id"))
        batch_op.drop_index(batch_op.f("ix_targets_fact_key"))
        batch_op.drop_index(batch_op.f("ix_targets_document_id"))

    op.drop_table("targets")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_region_code"))
        batch_op.drop_index(batch_op.f("ix_projects_document_id"))

    op.drop_table("projects")
    with op.batch_alter_table("observations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observations_region_code"))
        batch_op.drop_index("ix_observations_lookup")
        batch_op.drop_index(batch_op.f("ix_observations_indicator_id"))
        batch_op.drop_index(batch_op.f("ix_observations_fact_key"))
        batch_op.drop_index(batch_op.f("ix_observations_document_id"))

    op.drop_table("observations")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicators_region_code"))
        batch_op.drop_index(batch_op.f("ix_indicators_indicator_id"))
        batch_op.drop_index(batch_op.f("ix_indicators_fact_key"))
        batch_op.drop_index(batch_op.f("ix_indicators_document_id"))

    op.drop_table("indicators")
    with op.batch_alter_table("headings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_headings_region_code"))
        batch_op.drop_index(batch_op.f("ix_headings_document_id"))

    op.drop_table("headings")
    with op.batch_alter_table("gov_unit_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gov_unit_aliases_unit_id"))

    op.drop_table("gov_unit_aliases")
    with op.batch_alter_table("region_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_aliases_region_code"))

    op.drop_table("region_aliases")
    op.drop_table("manual_links")
    with op.batch_alter_table("gov_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gov_units_region_code"))

    op.drop_table("gov_units")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_source_path"))
        batch_op.drop_index(batch_op.f("ix_documents_region_code"))
        batch_op.drop_index(batch_op.f("ix_documents_kind"))
        batch_op.drop_index("ix_documents_current")
        batch_op.drop_index(batch_op.f("ix_documents_content_hash"))

    op.drop_table("documents")
    with op.batch_alter_table("catalog_synonyms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_synonyms_norm"))

    op.drop_table("catalog_synonyms")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_code"))
        batch_op.drop_index(batch_op.f("ix_regions_name"))

    op.drop_table("regions")
    op.drop_table("meta")
    op.drop_table("catalog_indicators")
