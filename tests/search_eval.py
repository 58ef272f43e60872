"""Search evaluation: runs the built site's real search in Chromium and prints P@1 and recall@3.

    python -m tests.search_eval                 # build the site, evaluate it
    python -m tests.search_eval --baseline      # the same pages with Material's default search
    python -m tests.search_eval --site DIR      # evaluate an already built site
    python -m tests.search_eval --page-text DIR # write what readers see of each searchable page
                                                # (for writing a new blind set, see the README)

The queries are in tests/search_queries.yml, in sets (see its header and the README): `tuned`
ones were looked at while adjusting the search, the `held-out*` ones were not tuned for.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from macros.known_questions import KnownQuestion, known_questions_model, load_known_questions

from .browser import CHROMIUM, CHROMIUM_ARGS, served

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "search_queries.yml"


@dataclass(frozen=True)
class Score:
    total: int
    top1: int
    top3: int

    @property
    def p_at_1(self) -> float:
        return self.top1 / self.total

    @property
    def recall_at_3(self) -> float:
        return self.top3 / self.total


def load_queries() -> list[KnownQuestion]:
    """The questions, read and checked as the site's build reads them (they are its known questions)."""
    return load_known_questions(QUERIES, "tests/search_queries.yml", lambda page: _source(page).is_file())


def load_known() -> list[KnownQuestion]:
    """All the questions the site's search model learns from (mkdocs.yml extra.search.known_questions)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        files = yaml_load(config)["extra"]["search"]["known_questions"]
    return [q for name in files for q in load_known_questions(ROOT / name, name, lambda page: _source(page).is_file())]


def _source(page: str) -> Path:
    return ROOT / "docs" / (page.removesuffix(".html") + ".md")


def build(site: Path, *, baseline: bool) -> None:
    """Build the site; the baseline turns the search expansion off and nothing else."""
    env = {"MYNUMBER_SEARCH_EXPANSION": "off"} if baseline else {}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env={**os.environ, **env})


def top_pages(page: Any, query: str, base: str) -> list[str]:
    """The pages of the first results, in the order Material's search lists them (one item per page)."""
    items = ".md-search-result__list > .md-search-result__item"
    # Material reads the query on keyup, not on input: type into the field, then press a key.
    page.fill(".md-search__input", "")
    page.press(".md-search__input", "End")
    page.wait_for_function(f"!document.querySelector('{items}')")
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")
    # The search worker answers asynchronously: read until two readings agree, or give up empty.
    previous: list[str] | None = None
    for _ in range(40):
        page.wait_for_timeout(100)
        links = page.eval_on_selector_all(items, "els => els.map(e => e.querySelector('a').href)")
        if links and links == previous:
            break
        previous = links
    return [link.removeprefix(base).split("#")[0].split("?")[0] for link in previous or []]


def evaluate(
    browser: Any, base: str, queries: list[KnownQuestion], known: list[KnownQuestion] | None = None
) -> dict[str, tuple[Score, list[str]]]:
    """Scores per query set (and "all"), with one line per query for --verbose.

    The questions are also the site's known questions (`known`, by default all of them): each set is
    measured with a model learnt without it, so that no query is ranked with the help of its set.
    """
    known = load_known() if known is None else known
    results: dict[str, list[tuple[bool, bool, str]]] = {}
    page = browser.new_page()
    page.goto(base + "index.html")
    page.click(".md-search__input", timeout=5000)
    learnt = page.evaluate("Boolean(window.mnpKnownQuestions)")  # not in the baseline build
    for name in dict.fromkeys(query.set for query in queries):
        if learnt:
            model = known_questions_model([q for q in known if q.set != name])
            page.evaluate("model => { window.mnpKnownQuestions = {...window.mnpKnownQuestions, model} }", model)
        for query in (q for q in queries if q.set == name):
            pages = top_pages(page, query.query, base)
            hit1, hit3 = pages[:1] == [query.expect], query.expect in pages[:3]
            line = f"{'✓' if hit1 else ('~' if hit3 else '✗')} {query.query} → {pages[:3]} (want {query.expect})"
            for group in (query.set, "all"):
                results.setdefault(group, []).append((hit1, hit3, line))
    page.close()
    return {
        name: (Score(len(rows), sum(r[0] for r in rows), sum(r[1] for r in rows)), [r[2] for r in rows])
        for name, rows in results.items()
    }


def write_page_text(browser: Any, base: str, site: Path, out: Path) -> list[Path]:
    """The text a reader can see on each page the search indexes (no hidden search keys, no trainer
    notes), as printed: all a writer of blind queries may read. One file per page, e.g. playbooks_leak.html.txt.
    """
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    paths = sorted({doc["location"].split("#")[0] or "index.html" for doc in index["docs"]})
    out.mkdir(parents=True, exist_ok=True)
    page = browser.new_page()
    page.emulate_media(media="print")  # as printed: collapsed sections open, each tree in full
    written = []
    for path in paths:
        page.goto(base + path)
        written.append(out / (path.replace("/", "_") + ".txt"))
        written[-1].write_text(page.inner_text("article"), encoding="utf-8")
    page.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # A built site already has its search: --baseline only means something when this script builds.
    site_or_baseline = parser.add_mutually_exclusive_group()
    site_or_baseline.add_argument("--site", type=Path, help="an already built site to evaluate")
    site_or_baseline.add_argument("--baseline", action="store_true", help="Material's default search, no expansion")
    parser.add_argument("--verbose", action="store_true", help="print every query")
    parser.add_argument("--sets", help="only these query sets, comma-separated (e.g. tuned)")
    parser.add_argument("--page-text", type=Path, metavar="DIR", help="write each page's visible text, do not evaluate")
    args = parser.parse_args(argv)
    work = None
    if args.site is None:
        work = Path(tempfile.mkdtemp())
        args.site = work / "site"
        build(args.site, baseline=args.baseline)
    try:
        from playwright.sync_api import sync_playwright

        with served(args.site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            if args.page_text:
                print("\n".join(map(str, write_page_text(browser, base, args.site, args.page_text))))
                return 0
            queries = [q for q in load_queries() if not args.sets or q.set in args.sets.split(",")]
            scores = evaluate(browser, base, queries)
            browser.close()
    finally:
        if work:
            shutil.rmtree(work)
    if args.verbose:
        print("\n".join(scores["all"][1]))
    for name, (score, _) in sorted(scores.items()):
        print(f"{name:9} n={score.total:3}  P@1={score.p_at_1:.3f}  recall@3={score.recall_at_3:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
