"""Golden tests for page front matter: each page case and the exact messages it must produce."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.catalog import load_catalog
from macros.checks import check_pages
from macros.errors import PlaybookError
from macros.pages import PageIndex

from .conftest import FIXTURES, GOLDEN, assert_golden

CASES = GOLDEN / "pages"
DATA = load_catalog(FIXTURES / "render" / "data.yml", None, root=FIXTURES).data


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")))
def test_bad_front_matter_gives_a_clear_message(case: str, tmp_path: Path, update_golden: bool) -> None:
    shutil.copy(CASES / f"{case}.md", tmp_path / f"{case}.md")
    pages, problems = PageIndex.scan(tmp_path, lambda path: path.name)
    problems += check_pages(pages, DATA)
    assert problems, f"{case}.md should have been rejected"
    assert_golden(str(PlaybookError(problems)), CASES / f"{case}.txt", update_golden)
