"""The site's real search (Material's, with the search keys of macros/search.py and search-ja.js)
in Chromium, scored on the public evaluation set.

The issue's target is P@1 ≥ 0.85 and recall@3 ≥ 0.95 on every set. These tests hold the scores
reached so far (README, 検索の評価) and fail on any regression; where a set is below the target,
that is recorded there. Raise FLOOR when the scores improve; never lower it to make a change pass.
The questions are also the site's known questions: each set is scored with its own left out. Adding
them (seventh session) lowered three values (tuned P@1, held-out-6 and -11 recall@3) and raised the
rest; the README records the change. Adding a set of questions also moves the other sets by a query
or two (they gain neighbours): re-measure every set then, and keep a new set only if "all" holds.
The questions written for the search (data/search-questions.yml, eighth session) and the settings
chosen with them raised every set but held-out-6 (29 → 27 of 30 first) and held-out-7 (25 of 30 as before).
When held-out-20 to -25 (ninth session) joined the known questions, held-out-3, -5, -11, -12, -16 and
-18 lost one or two queries each; the English keywords and the keys without digits lowered no set.
In the tenth session, held-out-26 and -27 joining cost held-out-12, -14, -15 and -22 a query or two
(-15 and -22 gained as many elsewhere), and leaving My Number out of English queries cost held-out-19 one;
held-out-28 and -29 joining cost held-out-10, -20, -22 (recall@3) and -27 one or two, and raised five others.
In the eleventh session a model learnt from the known questions (macros/question_model.py) replaced the
nearest known questions: "all" went from 0.874 to 0.921 P@1 and most sets rose, but eight values fell by
one or two queries (their FLOOR comments say which); held-out-30 to -32 were written for it, unread.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from macros.catalog import Catalog, load_catalog
from macros.known_questions import KnownQuestion, known_questions_model
from macros.models import Outcome
from macros.question_model import train
from macros.search import query_forms, text_keys

from .browser import serious_violations
from .conftest import ROOT
from .search_eval import evaluate, load_known, load_queries, top_pages, write_page_text

QUERIES = load_queries()


def _catalog() -> Catalog:
    return load_catalog(ROOT / "data" / "mynumber.yml", ROOT / "data" / "organisation.yml", root=ROOT)


FLOOR = {  # set: (P@1, recall@3) measured 2026-11-24 (eleventh session, the model of all 32 sets), see README
    "all": (0.92, 0.99),  # 1429 / 1546, 1531 / 1546
    "tuned": (0.96, 1.0),  # 25 / 26, 26 / 26
    "held-out": (1.0, 1.0),  # 22 / 22, 22 / 22
    "held-out-2": (0.93, 0.96),  # 28 / 30, 29 / 30: was 30 / 30 recall@3 with the nearest questions (tenth session)
    "held-out-3": (0.96, 1.0),  # 29 / 30, 30 / 30
    "held-out-4": (1.0, 1.0),  # 30 / 30, 30 / 30
    "held-out-5": (0.93, 1.0),  # 28 / 30, 30 / 30
    "held-out-6": (0.93, 1.0),  # 28 / 30, 30 / 30
    "held-out-7": (0.90, 1.0),  # 27 / 30, 30 / 30: was 28 with the nearest questions
    "held-out-8": (0.92, 1.0),  # 37 / 40, 40 / 40
    "held-out-9": (0.92, 0.97),  # 37 / 40, 39 / 40
    "held-out-10": (0.92, 1.0),  # 37 / 40, 40 / 40
    "held-out-11": (0.90, 0.98),  # 54 / 60, 59 / 60: was 60 / 60 recall@3 with the nearest questions
    "held-out-12": (0.88, 1.0),  # 53 / 60, 60 / 60
    "held-out-13": (0.96, 1.0),  # 58 / 60, 60 / 60
    "held-out-14": (0.86, 1.0),  # 52 / 60, 60 / 60
    "held-out-15": (0.98, 0.98),  # 59 / 60, 59 / 60
    "held-out-16": (0.91, 0.98),  # 55 / 60, 59 / 60: was 60 / 60 recall@3 with the nearest questions
    "held-out-17": (0.90, 0.96),  # 54 / 60, 58 / 60: was 59 / 60 recall@3 with the nearest questions
    "held-out-18": (0.95, 1.0),  # 57 / 60, 60 / 60
    "held-out-19": (0.91, 1.0),  # 55 / 60, 60 / 60
    "held-out-20": (0.95, 0.98),  # 57 / 60, 59 / 60
    "held-out-21": (0.98, 1.0),  # 51 / 52, 52 / 52
    "held-out-22": (0.91, 0.98),  # 55 / 60, 59 / 60
    "held-out-23": (0.97, 1.0),  # 45 / 46, 46 / 46
    "held-out-24": (0.88, 0.98),  # 53 / 60, 59 / 60
    "held-out-25": (0.91, 1.0),  # 33 / 36, 36 / 36: was 35 with the nearest questions
    "held-out-26": (0.90, 0.98),  # 54 / 60, 59 / 60: was 60 / 60 recall@3 with the nearest questions
    "held-out-27": (0.90, 1.0),  # 19 / 21, 21 / 21
    "held-out-28": (0.86, 0.98),  # 52 / 60, 59 / 60
    "held-out-29": (0.92, 1.0),  # 25 / 27, 27 / 27: was 26 with the nearest questions
    "held-out-30": (0.93, 1.0),  # 56 / 60, 60 / 60: measured once, blind
    "held-out-31": (0.92, 0.96),  # 52 / 56, 54 / 56: measured once, blind
    "held-out-32": (0.86, 0.98),  # 52 / 60, 59 / 60: measured once, blind
}


def test_evaluation_set_is_large_enough() -> None:
    assert len(QUERIES) >= 40
    assert {q.set for q in QUERIES} == set(FLOOR) - {"all"}  # every set has a floor


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


@pytest.fixture
def search_page(browser: Any, site_url: str) -> Iterator[Any]:
    """A page with the search open. A query lunr cannot run fails the test: its worker then logs
    "Invalid query" and lists nothing (as the keys with digits did, lunr issue #503).
    """
    page = browser.new_page()
    failures: list[str] = []
    page.on("console", lambda message: failures.append(message.text) if "Invalid query" in message.text else None)
    page.goto(site_url + "index.html")
    page.click(".md-search__input")
    yield page
    page.close()
    assert failures == []


def test_variant_query_shows_clean_highlighted_snippets(search_page: Any, site_url: str) -> None:
    """漏洩した finds the pages that write 漏えい, highlights 漏えい, and shows no hidden search terms."""
    assert top_pages(search_page, "漏洩した", site_url)[0] == "playbooks/leak.html"
    results = search_page.locator(".md-search-result__list")
    assert any("漏えい" in text for text in results.locator("mark").all_inner_texts())
    assert "mnp" not in results.inner_text()
    # The page opened from a result highlights the words too, not the keys (search.highlight).
    assert "h=" in (link := results.locator("a").first.get_attribute("href") or "")
    assert "mnp" not in link and "%E6%BC%8F%E3%81%88%E3%81%84" in link  # 漏えい


def test_query_that_finds_nothing_offers_pages_to_start_from(browser: Any, site_url: str) -> None:
    """No dead end: under 何も見つかりませんでした, the pages of extra.search.help_pages (nav order), as links."""
    page = browser.new_page()
    page.goto(site_url + "playbooks/leak.html")
    page.click(".md-search__input")
    help_block = page.locator(".mnp-search-help")
    assert top_pages(page, "ぬぺぽ", site_url) == []
    expect(help_block).to_be_visible()
    links = help_block.locator("a")
    hrefs = [urljoin(page.url, link) for link in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    assert [href.removeprefix(site_url) for href in hrefs] == [
        "playbooks/leak.html",
        "playbooks/card-loss.html",
        "playbooks/provision.html",
        "contacts.html",
        "glossary.html",
    ]
    assert links.all_inner_texts()[1] == "カードを紛失・盗難したとき"
    # Gone when a query finds something, and when the field is emptied.
    assert top_pages(page, "なくした", site_url)
    expect(help_block).to_be_hidden()
    assert top_pages(page, "ぬぺぽ", site_url) == []
    expect(help_block).to_be_visible()
    page.fill(".md-search__input", "")
    page.press(".md-search__input", "Backspace")
    expect(help_block).to_be_hidden()
    # Reached from the keyboard as Material's results are (arrow keys), and it opens the page.
    top_pages(page, "ぬぺぽ", site_url)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "playbooks/card-loss.html")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_is_accessible(browser: Any, site_url: str, scheme: str) -> None:
    """axe-core on the search overlay: with results (matched words marked), with a page added from the
    known questions (its title alone), and with none (the help)."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "playbooks/leak.html")
    page.click(".md-search__input")
    for query in ("なくした", "マイナンバー 何桁", "ぬぺぽ"):
        top_pages(page, query, site_url)
        serious = serious_violations(page)
        assert serious == [], f"{query}: {serious}"
    context.close()


# Records the query as Material's search worker receives it, after search-ja.js.
SENT = """
const Base = window.Worker
window.Worker = class extends Base {
  postMessage(message, ...rest) {
    if (message && message.type === 2) window.mnpSent = message.data
    super.postMessage(message, ...rest)
  }
}
"""


def _set_model(page: Any, model: dict[str, Any]) -> None:
    page.evaluate("model => { window.mnpKnownQuestions = {...window.mnpKnownQuestions, model} }", model)


def test_known_questions_move_the_page_that_answers_them_up(search_page: Any, site_url: str) -> None:
    """search-ja.js re-ranks Material's results with the model of the known questions (search/known_questions.js)."""
    # A page the words matched nowhere comes from the model, titled as in its front matter.
    assert top_pages(search_page, "マイナンバー 何桁", site_url) == ["glossary.html"]
    assert search_page.locator(".md-search-result__item h1").all_inner_texts() == ["用語集"]
    # Without the known questions, Material's order: the provision playbook names 源泉徴収票, no page says 何桁.
    shipped = search_page.evaluate("window.mnpKnownQuestions")
    search_page.evaluate("window.mnpKnownQuestions = undefined")
    query = "源泉徴収票を別の社員に渡してしまった"
    assert top_pages(search_page, query, site_url)[0] == "playbooks/provision.html"
    assert top_pages(search_page, "マイナンバー 何桁", site_url) == []
    # Questions worded unlike the query (a document sent to the wrong person) put the leak playbook first.
    search_page.evaluate("known => { window.mnpKnownQuestions = known }", shipped)
    assert top_pages(search_page, query, site_url)[0] == "playbooks/leak.html"


def test_evaluation_leaves_out_the_questions_it_measures(browser: Any, site_url: str) -> None:
    """Each evaluation set is measured with a model learnt without it (tests/search_eval.py)."""
    made_up = [KnownQuestion(query=query, expect="seminar.html", set="b") for query in ("ぬぺぽ 研修", "ぬぺぽの資料")]
    known = load_known() + made_up
    asked = KnownQuestion(query="ぬぺぽ", expect="seminar.html", set="b")
    score, lines = evaluate(browser, site_url, [asked], known)["b"]
    assert score.top1 == 0, lines  # no page says ぬぺぽ, and the questions that do are left out
    score, lines = evaluate(browser, site_url, [asked.model_copy(update={"set": "d"})], known)["d"]
    assert score.top1 == 1, lines  # the same questions from another set help


def test_query_in_kana_alone_is_compared_with_the_readings(search_page: Any, site_url: str) -> None:
    """Typed unconverted, がいちゅう けいやく shares no character with 外注先との契約: the model
    also learns the known questions' readings (macros/known_questions.py), which bring it to their page.
    """
    # Only the questions with kanji: those typed in kana would teach the model the kana grams themselves.
    written = [q for q in load_known() if re.search("[\u4e00-\u9fff]", q.query)]
    _set_model(search_page, train([(q.query, q.expect) for q in written]))
    assert "outsourcing.html" not in top_pages(search_page, "がいちゅう けいやく", site_url)[:1]
    _set_model(search_page, known_questions_model(written))
    assert top_pages(search_page, "がいちゅう けいやく", site_url)[0] == "outsourcing.html"


def test_query_with_a_key_lunr_once_lost_is_answered(search_page: Any, site_url: str) -> None:
    """数 alone made a key (mk6570) that lunr's word tree lost (issue #503): every query with it failed."""
    assert top_pages(search_page, "報告期限 土日も数える？", site_url)[0] == "playbooks/leak.html"


def test_every_word_with_a_digit_in_the_index_can_be_found(search_page: Any, site: Path, site_url: str) -> None:
    """lunr issue #503 (keys are digit-free since): words that go on with different digits can be
    lost from lunr's word tree, and a query for them then fails or finds nothing. Numbers stay words
    (30, phone numbers), so each one in the index is searched for once.
    """
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words = {
        word
        for doc in index["docs"]
        for word in separator.split(doc["text"].lower())
        if re.fullmatch("[a-z]*[0-9][a-z0-9]*", word)
    }
    assert len(words) > 50
    not_found = [word for word in sorted(words) if not top_pages(search_page, word, site_url)]
    assert not_found == []


def test_hyphen_typed_for_the_long_vowel_mark_is_read_as_one(search_page: Any, site_url: str) -> None:
    """マイナンバ-カ-ド: sent as typed (a hyphen is lunr syntax), the words matched no page."""
    assert top_pages(search_page, "マイナンバ-カ-ド なくした", site_url)[0] == "playbooks/card-loss.html"
    # Found in the pages' text (words marked), not only added from a close known question.
    assert search_page.locator(".md-search-result__list mark").count() > 0


@pytest.mark.parametrize(
    ("query", "first"),
    [("shredder", "storage.html"), ("subcontractor", "outsourcing.html"), ("hotline", "contacts.html")],
)
def test_english_words_find_japanese_pages_through_their_keywords(
    search_page: Any, site_url: str, query: str, first: str
) -> None:
    """Only the playbooks have a section in English: the other pages list English words in their
    front-matter keywords, so a query typed in English reaches them too.
    """
    assert top_pages(search_page, query, site_url)[0] == first


def test_english_query_leaves_my_number_out_when_it_says_more(search_page: Any, site_url: str) -> None:
    """The word "number" fills the English sections of the playbooks, so in "penalties under the My Number Act"
    it put the card-loss playbook before the law page. Like マイナンバー in a Japanese query, the
    site's subject counts only when the query says nothing else.
    """
    search_page.evaluate("window.mnpKnownQuestions = undefined")  # the words alone decide
    assert top_pages(search_page, "penalties under the My Number Act", site_url)[0] == "law.html"
    assert top_pages(search_page, "My Number", site_url)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("漏洩とは", "glossary.html#term-rouei"),  # a question for a term's meaning: its glossary entry
        ("PPCって何", "glossary.html#term-ppc"),
        ("電子証明書って何", "glossary.html#term-denshi-shoumeisho"),  # 何 is not searched for
        # Before the definition weighed more than the term, pages using the term often won.
        ("事務取扱責任者 とは", "glossary.html#term-jimu-sekininsha"),
        ("墨消しって何", "glossary.html#term-masking"),
        ("速報って何日以内", "playbooks/leak.html#"),  # a question about days, not about the word
    ],
)
def test_question_for_a_terms_meaning_finds_its_glossary_entry(
    search_page: Any, site_url: str, query: str, first: str
) -> None:
    assert top_pages(search_page, query, site_url)
    # The first result: its page, then its best sections (links without the ?h= highlight words).
    links = search_page.eval_on_selector_all(".md-search-result__item:first-child a", "els => els.map(e => e.href)")
    sections = [re.sub(r"\?[^#]*", "", link).removeprefix(site_url) for link in links if "#" in link]
    assert sections and sections[0].startswith(first), sections


@pytest.mark.parametrize("query", ["提出期間", "３０日以内", "ｶｰﾄﾞ", "家の中", "ごみばこ 財布", "問い合わせ先へ"])
def test_queries_and_pages_make_the_same_keys(browser: Any, site_url: str, query: str) -> None:
    """search-ja.js turns a query (without glossary terms) into the keys macros/search.py gives the
    same text in a page: the two sides of the search must agree.
    """
    glossary = _catalog().data.glossary
    assert not [form for forms in query_forms(glossary).values() for form in forms if form in query]
    page = browser.new_page()
    page.add_init_script(SENT)
    page.goto(site_url + "index.html")
    page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")
    page.wait_for_function("window.mnpSent !== undefined")
    sent = {re.sub(r"\*\^\d+$", "", word) for word in page.evaluate("window.mnpSent").split()}  # key*^boost
    keys = set(text_keys(query))
    # A page has a number both bare and with its unit; a query sends 30日 as the unit key alone.
    assert sent <= keys and keys - sent <= set(re.findall(r"[0-9]+", unicodedata.normalize("NFKC", query)))
    assert sent
    page.close()


def test_page_text_for_blind_query_writers_is_what_readers_see(
    browser: Any, site_url: str, site: Path, tmp_path: Path
) -> None:
    """--page-text: every searchable page, its whole tree and open sections, no search keys or trainer notes."""
    written = {
        path.name: path.read_text(encoding="utf-8") for path in write_page_text(browser, site_url, site, tmp_path)
    }
    assert "playbooks_leak.html.txt" in written and "review.html.txt" not in written  # review is not searched
    leak = written["playbooks_leak.html.txt"]
    assert leak.startswith("漏えい等が発生したとき") and "mnpterms" not in leak and "受講者" not in leak
    assert "このたび、当社がお預かりしていた" in leak  # inside a collapsed <details>
    tree = _catalog().data.trees["card-loss"]
    steps = [step for node in tree.nodes.values() if isinstance(node, Outcome) for step in node.steps]
    assert len(steps) > 1 and all(step in written["playbooks_card-loss.html.txt"] for step in steps)
