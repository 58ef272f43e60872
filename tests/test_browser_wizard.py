"""The decision wizard in real Chromium, for every tree in the data: each option of each question
leads to the node the data says, a full path can be clicked through, and back, restart and deep
links work."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from macros.models import Outcome, Question, Tree
from macros.project import Project, load_playbook

from .conftest import ROOT

PLAYBOOK = load_playbook(Project(ROOT))


def tree_pages() -> list[tuple[str, str]]:
    """(tree id, page) for every tree, from the pages that call {{ tree("...") }}."""
    found = []
    for page in sorted((ROOT / "playbooks").glob("*.md")):
        for tree_id in re.findall(r'\{\{\s*tree\("([a-z0-9-]+)"\)\s*\}\}', page.read_text(encoding="utf-8")):
            found.append((tree_id, f"playbooks/{page.stem}.html"))
    return found


TREES = tree_pages()


def test_every_tree_is_on_a_page() -> None:
    assert {tree_id for tree_id, _ in TREES} == set(PLAYBOOK.data.trees)


def longest_path(tree: Tree) -> list[str]:
    def walk(node_id: str) -> list[str]:
        node = tree.nodes[node_id]
        tails = [walk(o.next) for o in node.options] if isinstance(node, Question) else [[]]
        return [node_id, *max(tails, key=len)]

    return walk(tree.start)


def open_tree(browser: Any, url: str) -> tuple[Any, list[str]]:
    """A page at `url` and the list its script errors are collected into."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page, errors


def current(page: Any, tree_id: str) -> str:
    return str(page.locator(f'.mnp-tree[data-tree="{tree_id}"] .mnp-wizard').get_attribute("data-node"))


@pytest.mark.parametrize(("tree_id", "path"), TREES)
def test_every_option_leads_where_the_data_says(browser: Any, site_url: str, tree_id: str, path: str) -> None:
    tree: Tree = PLAYBOOK.data.trees[tree_id]
    page, errors = open_tree(browser, site_url + path)
    wizard = page.locator(f'.mnp-tree[data-tree="{tree_id}"] .mnp-wizard')
    for node_id, node in tree.nodes.items():
        if not isinstance(node, Question):
            continue
        for option in node.options:
            page.evaluate(f"location.hash = 'tree-{tree_id}--{node_id}'")
            assert current(page, tree_id) == node_id
            wizard.locator(".mnp-wizard__option", has_text=option.label).first.click()
            assert current(page, tree_id) == option.next, f"{node_id} → 「{option.label}」"
    assert errors == []
    page.close()


@pytest.mark.parametrize(("tree_id", "path"), TREES)
def test_click_through_back_restart_and_deep_link(browser: Any, site_url: str, tree_id: str, path: str) -> None:
    tree: Tree = PLAYBOOK.data.trees[tree_id]
    page, errors = open_tree(browser, site_url + path)
    wizard = page.locator(f'.mnp-tree[data-tree="{tree_id}"] .mnp-wizard')
    assert current(page, tree_id) == tree.start
    assert page.locator(f'.mnp-tree[data-tree="{tree_id}"] .mnp-tree__outline').is_hidden()

    # Keyboard only, along the longest path: focus the option with Tab order, choose it with Enter.
    visited = longest_path(tree)
    for here, there in itertools.pairwise(visited):
        node = tree.nodes[here]
        assert isinstance(node, Question)
        label = next(o.label for o in node.options if o.next == there)
        wizard.locator(".mnp-wizard__option", has_text=label).first.focus()
        page.keyboard.press("Enter")
        assert current(page, tree_id) == there
        assert page.evaluate("document.activeElement.classList.contains('mnp-wizard__heading')")  # focus moved
    outcome = tree.nodes[visited[-1]]
    assert isinstance(outcome, Outcome)
    assert outcome.title in wizard.inner_text()
    assert page.url.endswith(f"#tree-{tree_id}--{visited[-1]}")
    assert wizard.locator(".mnp-wizard__crumb").count() == len(visited) - 1
    assert outcome.title in wizard.locator("[aria-live]").inner_text()

    assert len(visited) > 2, "a tree this short needs no wizard test of back and restart"
    page.go_back()  # the browser's back button
    assert current(page, tree_id) == visited[-2]
    wizard.get_by_role("button", name="最初から").click()
    assert current(page, tree_id) == tree.start
    page.go_back()
    assert current(page, tree_id) == visited[-2]
    wizard.get_by_role("button", name="戻る").click()
    assert current(page, tree_id) == visited[-3]

    # A deep link shared in chat opens at that node with the path leading to it.
    page.goto(f"{site_url}{path}#tree-{tree_id}--{visited[-1]}")
    page.reload()
    assert current(page, tree_id) == visited[-1]
    assert wizard.locator(".mnp-wizard__crumb").count() >= 1
    assert errors == []
    page.close()
