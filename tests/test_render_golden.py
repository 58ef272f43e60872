"""Golden tests for the renderers: one data fixture, one expected HTML file per macro call."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from macros.catalog import load_catalog
from macros.pages import PageIndex
from macros.playbook import MacroError, Playbook

from .conftest import FIXTURES, GOLDEN, assert_golden

FIXTURE = FIXTURES / "render"


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    catalog = load_catalog(FIXTURE / "data.yml", None, root=FIXTURE)
    return Playbook(catalog.data, PageIndex.scan(FIXTURE / "docs")[0])


def link(ref: str) -> str:
    page, _, anchor = ref.partition("#")
    return "../" + page.removesuffix(".md") + "/" + (f"#{anchor}" if anchor else "")


CASES: dict[str, Callable[[Playbook], str]] = {
    "contact_table_all": lambda p: p.contact_table(),
    "contact_table_topic": lambda p: p.contact_table(topic="card-loss"),
    "contact_table_ids": lambda p: p.contact_table("window"),
    "contact_card_unverified": lambda p: p.contact("window"),
    "where_to_ask": lambda p: p.where_to_ask(),
    "tree_outline": lambda p: p.tree("lost", link),
    "tree_diagram": lambda p: p.tree_diagram("lost"),
    "provision_table_refuse": lambda p: p.provision_table(decision="refuse"),
    "roles_table": lambda p: p.roles_table(),
    "glossary": lambda p: p.glossary(),
    "fact": lambda p: p.fact("fee"),
    "page_info": lambda p: p.page_info("playbooks/card.md", p.contact("window")),
    "review_status": lambda p: p.review_status(datetime.date(2027, 6, 1), 365),
}


@pytest.mark.parametrize("name", CASES)
def test_render_matches_golden(name: str, playbook: Playbook, update_golden: bool) -> None:
    assert_golden(CASES[name](playbook), GOLDEN / "render" / f"{name}.html", update_golden)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: p.contact("nobody"), "contact: unknown contacts id 'nobody'; known ids: freedial, window"),
        (lambda p: p.contact_table(topic="tax"), "contact_table: unknown topics id 'tax'; known ids: card-loss"),
        (lambda p: p.contact_table("window", topic="card-loss"), "contact_table: give ids or a filter, not both"),
        (lambda p: p.tree("found", link), "tree: unknown trees id 'found'; known ids: lost"),
        (lambda p: p.provision_table(decision="card"), "provision_table: the filter selects nothing"),
        (
            lambda p: p.provision_table(decision="maybe"),
            "provision_table: decision must be one of provide, refuse, card",
        ),
        (lambda p: p.fact("fees"), "fact: unknown facts id 'fees'; known ids: fee"),
    ],
)
def test_macro_call_with_unknown_id_is_rejected(
    call: Callable[[Playbook], str], message: str, playbook: Playbook
) -> None:
    with pytest.raises(MacroError) as error:
        call(playbook)
    assert str(error.value) == message


def test_golden_files_have_no_orphans() -> None:
    names = {path.stem for path in (GOLDEN / "render").glob("*.html")}
    assert names == set(CASES), "remove golden files that no case produces"


def test_overdue_lists_late_pages_and_stale_data(playbook: Playbook) -> None:
    assert playbook.overdue(datetime.date(2026, 1, 1), 365) == []
    late = [str(item) for item in playbook.overdue(datetime.date(2027, 6, 1), 365)]
    assert late == [
        "page index.md: review overdue since 2027-05-01 (owner: 事務取扱責任者)",
        "page playbooks/card.md: review overdue since 2027-05-01 (owner: 事務取扱責任者)",
        "contacts freedial: review overdue since 2026-05-14",
        "contacts window: review overdue since 2026-01-30",
        "trees lost: review overdue since 2026-01-30",
        "provision payroll: review overdue since 2026-09-24",
        "provision staff-id: review overdue since 2026-09-24",
        "glossary card: review overdue since 2026-09-24",
        "facts fee: review overdue since 2026-01-30",
    ]
