"""``地区``: the tree of regions that have documents (with their ancestors, so the tree is whole)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.normalize.regions import Region
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import browse
from planwatch.store.repo import monitoring as monitoring_repo


@dataclass
class Node:
    """A region in the tree: its documents, whether it has a monitored plan, its children."""

    region: Region
    documents: int = 0
    planned: bool = False
    children: list[Node] = field(default_factory=list)


def region_tree(db: Database, scope: Scope) -> list[Node]:
    """The roots of the tree of regions with visible documents."""
    with db.session() as session:
        index = RegionIndex.load(session)
        docs = browse.region_codes_with_documents(session, scope.public)
        planned = set(monitoring_repo.planned_regions(session)) & set(docs)
    nodes: dict[str, Node] = {}

    def node(region: Region) -> Node:
        if region.code not in nodes:
            nodes[region.code] = Node(region)
        return nodes[region.code]

    roots: list[Node] = []
    for code in sorted(docs):
        region = index.get(code)
        if region is None:
            continue
        n = node(region)
        n.documents, n.planned = docs[code], code in planned
        child = n
        for parent in index.ancestors(region):
            known = parent.code in nodes
            p = node(parent)
            if child not in p.children:
                p.children.append(child)
            if known:
                break
            child = p
        else:
            if child not in roots:
                roots.append(child)
    return roots


def common_root(index: RegionIndex, codes: list[str]) -> Region | None:
    """The deepest region containing all of these (None when they share none)."""
    chains = []
    for code in codes:
        region = index.get(code)
        if region is not None:
            chains.append([*reversed(index.ancestors(region)), region])
    if not chains:
        return None
    root = None
    for level in zip(*chains, strict=False):
        if len({r.code for r in level}) != 1:
            break
        root = level[0]
    return root
