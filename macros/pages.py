"""The Markdown pages of the site: their front matter (owner, review dates, sources) and the
explicit anchor ids other pages and trees link to."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ConfigDict, Field

from .errors import PlaybookError, Problem
from .models import Id, Model, Text
from .search import FENCE, TRAINER_NOTE
from .validation import validate_file
from .yamlfile import YamlFile, parse_yaml

# A heading with an attr_list id: `## 電子証明書を止める {#suspend}` (also `{: #suspend .x }`).
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*\{:?[^}\n]*?#([A-Za-z0-9_-]+)[^}\n]*\}\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
# A trainer note inside a list (indented): macros/search.py can keep only notes at the start of a
# line out of the site's search, so an indented one would show trainers' text to employees.
_INDENTED_TRAINER_NOTE = re.compile(r"^([ \t]+)" + TRAINER_NOTE)


class PageMeta(Model):
    """What every page declares in its front matter; MkDocs' and Material's own keys pass through."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Text
    owner: Text = Field(description="The role that keeps this page right, never a person's name.")
    reviewed: datetime.date = Field(description="When the owner last checked the page against its sources.")
    next_review: datetime.date
    sources: list[Id] = Field(min_length=1, description="Ids of entries in the data's `sources`.")
    keywords: list[Text] = Field(default=[], description="Extra words readers may search for.")


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, as MkDocs names it
    name: str  # as shown in messages, relative to the project
    meta: PageMeta
    headings: dict[str, str]  # id → heading text
    file: YamlFile  # the front matter, for positioned messages


@dataclass(frozen=True)
class PageIndex:
    pages: dict[str, Page]

    @classmethod
    def scan(cls, docs_dir: Path, display: Callable[[Path], str] = str) -> tuple[PageIndex, list[Problem]]:
        """Read every page; front-matter problems are returned with their positions."""
        pages, problems = {}, []
        for path in markdown_files(docs_dir):
            name, text = display(path), path.read_text(encoding="utf-8")
            front = _FRONT_MATTER.match(text)
            if front is None:
                expected = ", ".join(name for name, field in PageMeta.model_fields.items() if field.is_required())
                problems.append(
                    Problem(name, 1, 1, "", f"the page has no front matter; expected --- with {expected} ---")
                )
                continue
            try:
                # The leading newline stands for the opening `---`, so line numbers match the file.
                file = parse_yaml("\n" + front.group(1), name)
            except PlaybookError as error:
                problems += error.problems
                continue
            meta, found = validate_file(file, PageMeta)
            problems += found + list(_indented_trainer_notes(text, name))
            if meta is not None:
                page = Page(path.relative_to(docs_dir).as_posix(), name, meta, dict(_anchors(text)), file)
                pages[page.path] = page
        return cls(pages), problems

    def label(self, ref: str) -> str:
        """What a link to `page.md#anchor` is called: the page title, then the heading."""
        path, _, anchor = ref.partition("#")
        page = self.pages[path]
        return f"{page.meta.title} › {page.headings[anchor]}" if anchor else page.meta.title

    def missing(self, ref: str) -> str | None:
        """Why `page.md#anchor` does not resolve, or None when it does."""
        path, _, anchor = ref.partition("#")
        if path not in self.pages:
            return f"no page '{path}' in the site"
        if anchor and anchor not in self.pages[path].headings:
            return f"page '{path}' has no heading with the id '{anchor}' (write it as '## 見出し {{#{anchor}}}')"
        return None


def _indented_trainer_notes(text: str, name: str) -> Iterator[Problem]:
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (found := _INDENTED_TRAINER_NOTE.match(line)):
            yield Problem(
                name,
                number,
                len(found.group(1)) + 1,
                "",
                "a trainer note must start at the beginning of a line, not indented inside a list: the site's "
                "search leaves out only those, so this one would show trainers' text to employees; "
                "put it after the list",
            )


def _anchors(text: str) -> Iterator[tuple[str, str]]:
    for heading, anchor in _HEADING.findall(text):
        yield anchor, heading


def markdown_files(directory: Path) -> Iterator[Path]:
    """Every .md file below `directory`, following symlinked folders (playbooks/ is one)."""
    for folder, _, names in sorted(os.walk(directory, followlinks=True)):
        for name in sorted(names):
            if name.endswith(".md"):
                yield Path(folder) / name
