"""Where a project's sources live, and loading them all into one checked Playbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalog import load_catalog
from .checks import check_catalog, check_pages
from .errors import PlaybookError, Problem, raise_if_any
from .guard import load_allowlist, scan_files
from .pages import PageIndex, markdown_files
from .playbook import Playbook


@dataclass(frozen=True)
class Project:
    """The layout is fixed by convention so that every tool (MkDocs, the CLI, tests) agrees on it."""

    root: Path
    # Other files that ship with the site and so must pass the My Number guard (the known questions).
    also_guarded: tuple[Path, ...] = field(default=())

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def national(self) -> Path:
        return self.data_dir / "mynumber.yml"

    @property
    def overlay(self) -> Path:
        return self.data_dir / "organisation.yml"

    @property
    def allowlist(self) -> Path:
        return self.data_dir / "guard-allowlist.yml"

    def name(self, path: Path) -> str:
        resolved = path.resolve()
        root = self.root.resolve()
        return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(path)

    def guarded_files(self) -> list[tuple[Path, str]]:
        """Every Markdown and YAML source, once each (docs/playbooks is a link to playbooks/)."""
        found = [*markdown_files(self.docs_dir), *markdown_files(self.root / "playbooks")]
        found += sorted(self.data_dir.glob("*.yml")) + sorted(self.data_dir.glob("*.yaml"))
        found += [path for path in self.also_guarded if path.is_file()]  # a missing one is reported by its reader
        by_name = {self.name(path): path for path in found}
        return sorted((path, name) for name, path in by_name.items())


def load_playbook(project: Project) -> Playbook:
    """Load → validate → cross-check → guard; raises PlaybookError listing every problem found."""
    problems: list[Problem] = []
    allowed, found = load_allowlist(project.allowlist, project.name(project.allowlist))
    problems += found + scan_files(project.guarded_files(), allowed)
    pages, found = PageIndex.scan(project.docs_dir, project.name)
    problems += found
    try:
        overlay = project.overlay if project.overlay.exists() else None
        catalog = load_catalog(project.national, overlay, root=project.root)
    except PlaybookError as error:
        raise PlaybookError(problems + error.problems) from None
    problems += check_catalog(catalog, pages) + check_pages(pages, catalog.data)
    raise_if_any(problems)
    return Playbook(catalog.data, pages)
