"""Markup planted in every text field of the data never runs in a real browser: the whole site is
built from the hostile fixture, every macro is on a page, and Chromium watches for dialogs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import FIXTURES, ROOT, mkdocs_build

HOSTILE = FIXTURES / "hostile"
ALL_MACROS = """
{{ contact_table() }}
{{ where_to_ask() }}
{{ contact("c") }}
{{ tree("x") }}
{{ tree_diagram("x") }}
{{ provision_table() }}
{{ roles_table() }}
{{ glossary() }}
{{ fact("f") }}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    (project / "playbooks").mkdir()
    (project / "docs" / "playbooks").symlink_to("../playbooks")
    (project / "data").mkdir()
    shutil.copy(HOSTILE / "data.yml", project / "data" / "mynumber.yml")
    shutil.copy(HOSTILE / "questions.yml", project / "questions.yml")
    page = (HOSTILE / "docs" / "page.md").read_text(encoding="utf-8")
    (project / "docs" / "page.md").write_text(page + ALL_MACROS, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    config = config.replace("subject_terms: [kojin-bangou]", "subject_terms: []")  # not in this glossary
    config = re.sub(r"help_pages: \[.*\]", "help_pages: [page.md]", config)
    config = re.sub(r"known_questions: \[.*\]", "known_questions: [questions.yml]", config)
    config = config.replace("tests/search_queries.yml", "questions.yml")  # watched
    (project / "mkdocs.yml").write_text(config + "\nnav:\n  - page.md\n", encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_planted_markup_is_shown_as_text_and_never_runs(browser: Any, hostile_site: Path) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((hostile_site / "page.html").as_uri())
    # Drive the wizard too: its text comes from the embedded JSON, not from HTML.
    wizard = page.locator('.mnp-tree[data-tree="x"] .mnp-wizard')
    wizard.locator(".mnp-wizard__option").first.click()
    page.locator("a.mnp-contact__url").first.hover()  # the URL field tries an onmouseover
    page.wait_for_timeout(300)
    assert dialogs == []
    injected = page.evaluate(
        '() => [...document.querySelectorAll(\'.md-content script:not([type="application/json"]), '
        ".md-content img, .md-content b, [onerror], [onmouseover]')].map(e => e.outerHTML)"
    )
    assert injected == []
    text = page.locator(".md-content").inner_text()
    assert '<script>alert("name")</script>' in text
    assert '<img src=x onerror=alert("organisation")>' in text
    assert '<img src=x onerror=alert("outcome")>' in wizard.inner_text()  # the outcome reached
    # A word on no page, from a known question with markup: the search adds that question's page
    # (from a folder too), titled from the page's front matter, and runs nothing.
    page.click(".md-search__input")
    page.fill(".md-search__input", "qqzzkk")
    page.press(".md-search__input", "End")
    results = page.locator(".md-search-result__list > .md-search-result__item")
    expect(results).to_have_count(1)
    assert results.locator("a").get_attribute("href").split("?")[0].endswith("/page.html")
    assert results.locator("h1").inner_text() == "ページ"
    assert dialogs == []
    page.close()
