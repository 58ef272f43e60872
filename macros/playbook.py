"""The macros' public surface: render data by id, rejecting ids that do not exist."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from . import render
from .models import Document
from .pages import PageIndex
from .render.html import Linker
from .render.tables import DECISIONS
from .review import Overdue, overdue


class MacroError(ValueError):
    """A macro call in a page names something the data does not have."""


@dataclass(frozen=True)
class Playbook:
    data: Document
    pages: PageIndex

    def _known_one(self, section: str, entry_id: str, macro: str) -> str:
        return self._known(section, [entry_id], macro)[0]

    def _known(self, section: str, ids: Iterable[str], macro: str) -> list[str]:
        entries = getattr(self.data, section)
        ids = list(ids)
        for entry_id in ids:
            if entry_id not in entries:
                raise MacroError(f"{macro}: unknown {section} id '{entry_id}'; known ids: {', '.join(entries)}")
        return ids

    def contact_table(self, *ids: str, topic: str | None = None) -> str:
        """All contacts, the ones named, or those tagged with `topic`."""
        if topic is not None:
            self._known("topics", [topic], "contact_table")
            ids = _selection("contact_table", ids, [i for i, c in self.data.contacts.items() if topic in c.topics])
        return render.contact_table(self.data, self._known("contacts", ids or self.data.contacts, "contact_table"))

    def where_to_ask(self) -> str:
        return render.where_to_ask(self.data)

    def contact(self, contact_id: str) -> str:
        return render.contact_card(self.data, self._known_one("contacts", contact_id, "contact"))

    def tree(self, tree_id: str, link: Linker) -> str:
        return render.tree_outline(self.data, self._known_one("trees", tree_id, "tree"), self.pages, link)

    def tree_diagram(self, tree_id: str) -> str:
        return render.tree_diagram(self.data, self._known_one("trees", tree_id, "tree_diagram"))

    def provision_table(self, *ids: str, decision: str | None = None) -> str:
        if decision is not None:
            if decision not in DECISIONS:
                raise MacroError(f"provision_table: decision must be one of {', '.join(DECISIONS)}")
            ids = _selection(
                "provision_table", ids, [i for i, c in self.data.provision.items() if c.decision == decision]
            )
        return render.provision_table(
            self.data, self._known("provision", ids or self.data.provision, "provision_table")
        )

    def roles_table(self) -> str:
        return render.roles_table(self.data)

    def glossary(self) -> str:
        return render.glossary(self.data)

    def overdue(self, today: datetime.date, max_age_days: int) -> list[Overdue]:
        return overdue(self.data, self.pages, today, max_age_days)

    def review_status(self, today: datetime.date, max_age_days: int) -> str:
        return render.review_status(self.pages, self.overdue(today, max_age_days), today)

    def page_info(self, path: str, markdown: str) -> str:
        """The "about this page" block for a page whose rendered Markdown is `markdown`."""
        return render.page_info(self.pages.pages[path], self.data, markdown.count('class="mnp-unverified"'))

    def fact(self, fact_id: str) -> str:
        return render.fact(self.data, self._known_one("facts", fact_id, "fact"))


def _selection(macro: str, ids: tuple[str, ...], matching: list[str]) -> tuple[str, ...]:
    """The ids a filter selects; naming ids as well, or selecting none, is a mistake in the page."""
    if ids:
        raise MacroError(f"{macro}: give ids or a filter, not both")
    if not matching:
        raise MacroError(f"{macro}: the filter selects nothing")
    return tuple(matching)
