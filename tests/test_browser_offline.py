"""The built site opened from a folder (file://, no server), as teams share it on a file server:
pages, search and the wizard still work, and nothing is requested from any host."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import PAGES


def test_pages_search_and_wizard_work_from_a_folder(browser: Any, site: Path) -> None:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))

    for path in PAGES:
        response = page.goto((site / path).as_uri())
        assert response is not None and response.ok, path
        # The whole-site print page holds one h1 per page; every page has at least its own.
        assert page.locator("h1:visible").count() >= 1, path

    # Search: the offline plugin ships the index as a script, so it works without fetch; a query
    # typed as a sentence shows the query segmenter works there too.
    page.goto((site / "index.html").as_uri())
    page.locator(".md-search__input").click()
    page.fill(".md-search__input", "カードを落とした")
    page.press(".md-search__input", "End")  # Material reads the query on keyup
    first = page.locator(".md-search-result__item > .md-search-result__link").first
    first.wait_for(timeout=15000)
    assert "card-loss.html" in str(first.get_attribute("href"))

    # Wizard: answer the first question of the card-loss tree.
    page.goto((site / "playbooks" / "card-loss.html").as_uri())
    wizard = page.locator('.mnp-tree[data-tree="card-loss"] .mnp-wizard')
    start = wizard.get_attribute("data-node")
    wizard.locator(".mnp-wizard__option").first.click()
    assert wizard.get_attribute("data-node") != start
    assert "#tree-card-loss--" in page.url

    assert errors == []
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
    page.close()
