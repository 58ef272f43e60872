"""The site's real search (Material's, with the glossary expansion and the query segmenter) in
Chromium, scored on the public evaluation set.

The issue's target is P@1 ≥ 0.85 and recall@3 ≥ 0.95 on every set. The tuned set meets it; the
held-out set does not yet (README, 検索の評価), so these tests hold the scores reached so far and fail
on any regression. Raise FLOOR when the scores improve; never lower it to make a change pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from .search_eval import evaluate, load_queries

QUERIES = load_queries()
FLOOR = {  # set: (P@1, recall@3) measured 2026-11-23, see README
    "all": (0.83, 0.95),
    "tuned": (0.88, 1.0),
    "held-out": (0.77, 0.90),
}


def test_evaluation_set_is_large_enough() -> None:
    assert len(QUERIES) >= 40
    assert {q.set for q in QUERIES} == {"tuned", "held-out"}


@pytest.fixture(scope="module")
def scores(browser: Any, site_url: str) -> Any:
    return evaluate(browser, site_url, QUERIES)


@pytest.mark.parametrize("query_set", sorted(FLOOR))
def test_search_keeps_its_scores(scores: Any, query_set: str) -> None:
    score, lines = scores[query_set]
    misses = "\n".join(line for line in lines if not line.startswith("✓"))
    p_at_1, recall_at_3 = FLOOR[query_set]
    assert score.p_at_1 >= p_at_1, f"P@1 {score.p_at_1:.3f}\n{misses}"
    assert score.recall_at_3 >= recall_at_3, f"recall@3 {score.recall_at_3:.3f}\n{misses}"


def test_variant_query_shows_clean_highlighted_snippets(browser: Any, site_url: str) -> None:
    """漏洩した finds the pages that write 漏えい, highlights 漏えい, and shows no hidden search terms."""
    from .search_eval import top_pages

    page = browser.new_page()
    page.goto(site_url + "index.html")
    page.click(".md-search__input")
    assert top_pages(page, "漏洩した", site_url)[0] == "playbooks/leak.html"
    results = page.locator(".md-search-result__list")
    assert "漏えい" in results.locator("mark").all_inner_texts()
    assert "mnp" not in results.inner_text()
    page.close()
