"""Golden tests for bad data: one file per kind of mistake, and the exact message it must produce.

`tests/golden/errors/<case>.yml` is the national file (with `<case>.overlay.yml` as the overlay
where there is one); `<case>.txt` is what the build prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalog import load_catalog
from macros.checks import check_catalog
from macros.errors import PlaybookError
from macros.pages import PageIndex

from .conftest import FIXTURES, GOLDEN, assert_golden

CASES = GOLDEN / "errors"
PAGES = PageIndex.scan(FIXTURES / "render" / "docs")[0]


def problems_of(case: Path) -> str:
    overlay = case.with_suffix(".overlay.yml")
    try:
        catalog = load_catalog(case, overlay if overlay.exists() else None, root=CASES)
    except PlaybookError as error:
        return str(error)
    problems = check_catalog(catalog, PAGES)
    return str(PlaybookError(problems))


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.yml") if not p.stem.endswith(".overlay")))
def test_bad_data_gives_a_clear_message(case: str, update_golden: bool) -> None:
    message = problems_of(CASES / f"{case}.yml")
    assert message, f"{case}.yml should have been rejected"
    assert_golden(message, CASES / f"{case}.txt", update_golden)
