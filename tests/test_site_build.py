"""Full MkDocs builds: the real site, and copies of it with one planted mistake each."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import PAGES, ROOT, make_my_number, mkdocs_build


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_playbook_and_page_is_built(site: Path) -> None:
    for path in PAGES:
        assert '<html lang="ja"' in page(site, path)


def test_page_list_covers_every_built_page(site: Path) -> None:
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert built == set(PAGES), "add new pages to PAGES in tests/conftest.py so every test visits them"


def test_search_forms_and_keys_come_from_the_glossary(site: Path) -> None:
    """Each page carries the glossary's forms for search-ja.js; sections carry the keys."""
    forms = re.search(r'<script id="mnp-search-forms" type="application/json">(.*?)</script>', page(site, "index.html"))
    assert forms is not None
    data = json.loads(forms.group(1))
    assert {"漏えい等", "漏洩", "流出"} <= set(data["terms"]["mnpglrouei"])
    assert data["subject"] == ["mnphhkojinbangou"]  # mkdocs.yml extra.search.subject_terms
    index = json.loads(page(site, "search/search_index.json"))
    leak = next(doc for doc in index["docs"] if doc["location"] == "playbooks/leak.html#first-hour")
    assert "mnpterms" in leak["text"] and "mnpglrouei" in leak["text"]
    assert not any(doc["location"].startswith("review.html") for doc in index["docs"])


def test_search_skips_trainer_notes_and_repeated_contact_tables(site: Path) -> None:
    """Trainer notes are hidden on the page, and each page's 連絡先 repeats contacts.html: the
    search finds neither (contacts.html keeps its own), while the page still shows them.
    """
    index = json.loads(page(site, "search/search_index.json"))
    notes = [doc["location"] for doc in index["docs"] if "受講者" in doc["text"]]
    assert notes == ["seminar.html#trainer-notes"]  # the page that shows how to write one
    assert not [doc["location"] for doc in index["docs"] if doc["location"].endswith("#contacts")]
    assert any(doc["location"] == "contacts.html#all" for doc in index["docs"])
    leak = page(site, "playbooks/leak.html")
    assert 'class="admonition trainer"' in leak and 'id="contacts"' in leak


def test_contact_table_comes_from_data(site: Path) -> None:
    html = page(site, "contacts.html")
    assert '<a class="mnp-tel" href="tel:0120950178">0120-95-0178</a>' in html
    assert "個人情報保護委員会" in html
    assert "要確認" in html  # unverified facts are flagged, not stated as settled


def test_trees_render_as_outline_and_diagram_with_node_anchors(site: Path) -> None:
    html = page(site, "playbooks/card-loss.html")
    assert 'id="tree-card-loss"' in html
    assert re.search(r'id="tree-card-loss--[a-z0-9-]+"', html)
    assert 'class="mnp-diagram"' in html
    # outcome links resolve to the playbook sections, relative to the page
    assert re.search(r'<a href="(card-loss\.html)?#[a-z-]+">', html)


def test_provision_table_is_rendered(site: Path) -> None:
    html = page(site, "playbooks/provision.html")
    assert 'class="mnp-table mnp-provision"' in html
    assert "源泉徴収票" in html


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for attr in re.findall(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"', html):
            assert not re.match(r"(https?:)?//", attr), f"{html_file}: loads {attr}"
    css = (site / "assets" / "stylesheets" / "playbook.css").read_text(encoding="utf-8")
    assert "Hiragino Sans" in css and "@import" not in css and "@font-face" not in css


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project whose sources a test may break."""
    for name in ("mkdocs.yml", "data", "docs", "playbooks", "macros", "overrides", "tests/search_queries.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, tmp_path / name)
    return tmp_path


def assert_build_fails(project: Path, *expected: str) -> str:
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for text in expected:
        assert text in output, output
    return output


def test_my_number_in_a_known_question_blocks_the_build(project_copy: Path) -> None:
    """The known questions ship with the site (search/known_questions.js): the guard reads them too."""
    questions = project_copy / "tests" / "search_queries.yml"
    text = questions.read_text(encoding="utf-8").rstrip("\n")
    number = make_my_number("98765432109")
    questions.write_text(f"{text}\n  - {{query: 番号 {number} 漏れた, expect: playbooks/leak.html, set: tuned}}\n")
    line = text.count("\n") + 2
    assert_build_fails(project_copy, f"tests/search_queries.yml:{line}:", "looks like a real My Number")


def test_planted_my_number_blocks_the_build(project_copy: Path) -> None:
    leak = project_copy / "playbooks" / "leak.md"
    leak.write_text(
        leak.read_text(encoding="utf-8") + f"\n社員の番号 {make_my_number('98765432109')}\n", encoding="utf-8"
    )
    lines = leak.read_text(encoding="utf-8").count("\n")
    assert_build_fails(project_copy, f"playbooks/leak.md:{lines}:", "looks like a real My Number")


def test_invalid_data_blocks_the_build_with_file_and_line(project_copy: Path) -> None:
    data = project_copy / "data" / "mynumber.yml"
    data.write_text(data.read_text(encoding="utf-8") + "contacts:\n  again: {}\n", encoding="utf-8")
    assert_build_fails(project_copy, "data/mynumber.yml:", 'duplicate key "contacts"')


def test_unknown_id_in_a_page_blocks_the_build(project_copy: Path) -> None:
    page_file = project_copy / "docs" / "contacts.md"
    page_file.write_text(
        page_file.read_text(encoding="utf-8") + '\n{{ contact("no-such-window") }}\n', encoding="utf-8"
    )
    assert_build_fails(project_copy, "unknown contacts id 'no-such-window'")


def test_undefined_variable_in_a_page_blocks_the_build(project_copy: Path) -> None:
    page_file = project_copy / "docs" / "index.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n{{ no_such_macro }}\n", encoding="utf-8")
    assert_build_fails(project_copy, "no_such_macro")


def test_broken_link_blocks_the_build(project_copy: Path) -> None:
    page_file = project_copy / "docs" / "index.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n[壊れたリンク](playbooks/leak.md#no-such-anchor)\n")
    assert_build_fails(project_copy, "no-such-anchor")


@pytest.mark.parametrize(
    ("setting", "wrong", "message"),
    [
        ("subject_terms: [kojin-bangou]", "subject_terms: [kojin]", "subject_terms: not in the glossary: kojin"),
        (
            "help_pages: [playbooks/card-loss.md,",
            "help_pages: [card-loss.md,",
            "help_pages: no such page in docs/: card-loss.md",
        ),
    ],
)
def test_wrong_search_setting_stops_the_build(project_copy: Path, setting: str, wrong: str, message: str) -> None:
    config = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert setting in config
    (project_copy / "mkdocs.yml").write_text(config.replace(setting, wrong))
    assert_build_fails(project_copy, f"mkdocs.yml extra.search.{message}")


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("expect: playbooks/leaks.html, set: tuned}", "queries[0].expect: no page 'playbooks/leaks.html' in the site"),
        ("expect: playbooks/leak.html}", "queries[0].set: missing"),
    ],
)
def test_wrong_known_question_stops_the_build(project_copy: Path, broken: str, message: str) -> None:
    """The known questions are read like the data: the build names the file, line and field."""
    questions = project_copy / "tests" / "search_queries.yml"
    text = questions.read_text(encoding="utf-8")
    first = "expect: playbooks/leak.html, set: tuned}"
    questions.write_text(text.replace(first, broken, 1), encoding="utf-8")
    line = text[: text.index(first)].count("\n") + 1
    assert_build_fails(project_copy, f"tests/search_queries.yml:{line}:", message)


def test_wrong_questions_in_both_files_are_all_reported(project_copy: Path) -> None:
    """Each file of extra.search.known_questions is checked, and the build lists the problems of all."""
    evaluation = project_copy / "tests" / "search_queries.yml"
    text = evaluation.read_text(encoding="utf-8")
    evaluation.write_text(text.replace("expect: playbooks/leak.html, set: tuned}", "expect: playbooks/leak.html}", 1))
    questions = project_copy / "data" / "search-questions.yml"
    text = questions.read_text(encoding="utf-8")
    first = "expect: playbooks/leak.html, set: page-questions}"
    questions.write_text(text.replace(first, "expect: playbooks/leak.html, set: page-questions, page: 2}", 1))
    line = text[: text.index(first)].count("\n") + 1
    output = assert_build_fails(project_copy, "2 problem(s)", f"data/search-questions.yml:{line}:")
    assert "queries[0].page: unknown key 'page'" in output and "queries[0].set: missing" in output
