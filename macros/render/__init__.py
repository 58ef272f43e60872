"""HTML renderers: every value from the data is escaped here, never in the callers."""

from __future__ import annotations

from .contacts import contact_card, contact_table, where_to_ask
from .glossary import fact, glossary
from .review import page_info, review_status
from .tables import provision_table, roles_table
from .trees import tree_diagram, tree_outline

__all__ = [
    "contact_card",
    "contact_table",
    "fact",
    "glossary",
    "page_info",
    "provision_table",
    "review_status",
    "roles_table",
    "tree_diagram",
    "tree_outline",
    "where_to_ask",
]
