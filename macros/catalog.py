"""Load the national YAML source and the organisation overlay into one validated catalog."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, raise_if_any
from .models import SECTIONS, Document
from .validation import validate_file
from .yamlfile import Loc, YamlFile, load_yaml


@dataclass(frozen=True)
class Catalog:
    """The merged data, and for every entry the file it came from (for error positions)."""

    data: Document
    origins: dict[tuple[str, str], YamlFile] = field(default_factory=dict)

    def problem(self, section: str, entry_id: str, rest: Loc, message: str, *, at_key: bool = False) -> Problem:
        return self.origins[(section, entry_id)].problem((section, entry_id, *rest), message, at_key=at_key)


def load_catalog(national: Path, overlay: Path | None, *, root: Path) -> Catalog:
    """Parse, validate and merge; raises PlaybookError listing every problem found."""
    files = [load_yaml(path, _display(path, root)) for path in (national, overlay) if path is not None]
    documents: list[Document] = []
    problems: list[Problem] = []
    for file in files:
        document, found = validate_file(file, Document)
        problems += found
        if document is not None:
            documents.append(document)
    raise_if_any(problems)
    return _merge(list(zip(files, documents, strict=True)))


def _merge(layers: list[tuple[YamlFile, Document]]) -> Catalog:
    merged: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
    origins: dict[tuple[str, str], YamlFile] = {}
    problems: list[Problem] = []
    for depth, (file, document) in enumerate(layers):
        for section in SECTIONS:
            for entry_id, entry in getattr(document, section).items():
                loc = (section, entry_id, "override")
                earlier = origins.get((section, entry_id))
                if depth == 0 and entry.override:
                    problems.append(file.problem(loc, "'override' is only for the organisation overlay"))
                elif earlier and not entry.override:
                    line = earlier.locate((section, entry_id), at_key=True)[0]
                    problems.append(
                        file.problem(
                            (section, entry_id),
                            f"id '{entry_id}' is already defined in {earlier.name}:{line}; "
                            "add 'override: true' to replace it, or choose another id",
                            at_key=True,
                        )
                    )
                elif depth > 0 and entry.override and not earlier:
                    problems.append(file.problem(loc, f"'override: true' but no '{entry_id}' exists to replace"))
                else:
                    merged[section][entry_id] = entry
                    origins[(section, entry_id)] = file
    raise_if_any(problems)
    return Catalog(Document.model_construct(None, **merged), origins)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
