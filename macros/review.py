"""Review dates: which pages and data entries are overdue for a check against their sources."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .models import Document, Sourced
from .pages import PageIndex

# Sections whose entries carry a `checked` date.
CHECKED_SECTIONS = ("contacts", "trees", "provision", "glossary", "facts")


@dataclass(frozen=True)
class Overdue:
    kind: str  # "page" or a data section
    key: str  # page path or entry id
    due: datetime.date
    owner: str | None = None

    def __str__(self) -> str:
        owner = f" (owner: {self.owner})" if self.owner else ""
        return f"{self.kind} {self.key}: review overdue since {self.due.isoformat()}{owner}"


def overdue(data: Document, pages: PageIndex, today: datetime.date, max_age_days: int) -> list[Overdue]:
    """Pages past their next_review, and data entries last checked more than `max_age_days` ago."""
    found = [
        Overdue("page", page.path, page.meta.next_review, page.meta.owner)
        for page in pages.pages.values()
        if page.meta.next_review < today
    ]
    max_age = datetime.timedelta(days=max_age_days)
    for section in CHECKED_SECTIONS:
        entry: Sourced
        for entry_id, entry in getattr(data, section).items():
            if entry.checked + max_age < today:
                found.append(Overdue(section, entry_id, entry.checked + max_age))
    return found
