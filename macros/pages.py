"""The Markdown pages of the site and the explicit anchor ids they declare."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A heading with an attr_list id: `## 電子証明書を止める {#suspend}` (also `{: #suspend .x }`).
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*\{:?[^}\n]*?#([A-Za-z0-9_-]+)[^}\n]*\}\s*$", re.MULTILINE)
_TITLE = re.compile(r"\A---\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\n|^#\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PageIndex:
    """For each page (path relative to docs/, as MkDocs names it): its title and headings by id."""

    titles: dict[str, str]
    headings: dict[str, dict[str, str]]

    @classmethod
    def scan(cls, docs_dir: Path) -> PageIndex:
        titles, headings = {}, {}
        for path in markdown_files(docs_dir):
            page, text = path.relative_to(docs_dir).as_posix(), path.read_text(encoding="utf-8")
            title = _TITLE.search(text)
            titles[page] = (title.group(1) or title.group(2)) if title else page
            headings[page] = {anchor: heading for heading, anchor in _HEADING.findall(text)}
        return cls(titles, headings)

    def label(self, ref: str) -> str:
        """What a link to `page.md#anchor` is called: the page title, then the heading."""
        page, _, anchor = ref.partition("#")
        return f"{self.titles[page]} › {self.headings[page][anchor]}" if anchor else self.titles[page]

    def missing(self, ref: str) -> str | None:
        """Why `page.md#anchor` does not resolve, or None when it does."""
        page, _, anchor = ref.partition("#")
        if page not in self.titles:
            return f"no page '{page}' in the site"
        if anchor and anchor not in self.headings[page]:
            return f"page '{page}' has no heading with the id '{anchor}' (write it as '## 見出し {{#{anchor}}}')"
        return None


def markdown_files(directory: Path) -> Iterator[Path]:
    """Every .md file below `directory`, following symlinked folders (playbooks/ is one)."""
    for folder, _, names in sorted(os.walk(directory, followlinks=True)):
        for name in sorted(names):
            if name.endswith(".md"):
                yield Path(folder) / name
