"""Cross-reference rules over the merged catalog: every id used must exist, every tree be sound."""

from __future__ import annotations

from .catalog import Catalog
from .errors import Problem
from .models import Document, Outcome, Sourced
from .pages import PageIndex
from .treegraph import tree_problems

# Sections whose entries state facts and must cite a source.
SOURCED = ("contacts", "trees", "provision", "glossary", "facts")


def check_catalog(catalog: Catalog, pages: PageIndex) -> list[Problem]:
    data = catalog.data
    problems: list[Problem] = []

    def ref(section: str, entry_id: str, rest: tuple[str | int, ...], target: str, target_id: str) -> None:
        if target_id not in getattr(data, target):
            known = ", ".join(getattr(data, target)) or "none"
            problems.append(
                catalog.problem(section, entry_id, rest, f"unknown {target} id '{target_id}'; known ids: {known}")
            )

    for section in SOURCED:
        entry: Sourced
        for entry_id, entry in getattr(data, section).items():
            ref(section, entry_id, ("source",), "sources", entry.source)
    for contact_id, contact in data.contacts.items():
        for index, topic in enumerate(contact.topics):
            ref("contacts", contact_id, ("topics", index), "topics", topic)
    for role_id, role in data.roles.items():
        if role.contact is not None:
            ref("roles", role_id, ("contact",), "contacts", role.contact)
    for tree_id, tree in data.trees.items():
        problems += [
            catalog.problem("trees", tree_id, found.loc, found.message, at_key=found.at_key)
            for found in tree_problems(tree)
        ]
        for node_id, node in tree.nodes.items():
            if not isinstance(node, Outcome):
                continue
            for index, contact_id in enumerate(node.contacts):
                ref("trees", tree_id, ("nodes", node_id, "contacts", index), "contacts", contact_id)
            for index, page_ref in enumerate(node.see):
                if (why := pages.missing(page_ref)) is not None:
                    problems.append(catalog.problem("trees", tree_id, ("nodes", node_id, "see", index), why))
    return problems


def check_pages(pages: PageIndex, data: Document) -> list[Problem]:
    """Every source a page's front matter cites must exist in the data."""
    known = ", ".join(data.sources) or "none"
    return [
        page.file.problem(("sources", index), f"unknown sources id '{source}'; known ids: {known}")
        for page in pages.pages.values()
        for index, source in enumerate(page.meta.sources)
        if source not in data.sources
    ]
