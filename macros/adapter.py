"""The one MkDocs-specific module: registers the library's macros with mkdocs-macros.

Only `define_env` is used (Zensical's macros support calls only that). Data is loaded and
checked once per build here, not once per page.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import traceback
from pathlib import Path
from typing import Any, Literal, TypeVar

from jinja2 import UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs_macros.errors import format_error
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PlaybookError, Problem
from .export import api_files
from .known_questions import KnownQuestion, known_questions_script, load_known_questions
from .playbook import MacroError, Playbook
from .project import Project, load_playbook
from .review import Overdue
from .search import expand_for_search, query_data

log = logging.getLogger("mkdocs.plugins.mynumber_playbook")
# Outside the "mkdocs" logger on purpose: `mkdocs build --strict` fails on MkDocs warnings, and an
# overdue review should only fail the build when extra.review.overdue says "error".
review_log = logging.getLogger("mynumber_playbook.review")
if not review_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  [review] %(message)s"))
    review_log.addHandler(_handler)
    review_log.propagate = False


class ReviewSettings(BaseModel):
    """`extra.review` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid")
    overdue: Literal["warn", "error"] = "warn"
    max_age_days: int = Field(default=365, gt=0, description="How long a data entry's `checked` date stays fresh.")


class SearchSettings(BaseModel):
    """`extra.search` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid")
    subject_terms: list[str] = Field(
        default=[],
        description="Glossary ids of what every page is about: left out of a query that has other words.",
    )
    help_pages: list[str] = Field(
        default=[],
        description="Pages (paths under docs/) offered as places to start when a query finds nothing.",
    )
    known_questions: list[str] = Field(
        default=[],
        description="YAML files (from the project root) of questions and the page that answers each.",
    )


_Settings = TypeVar("_Settings", bound=BaseModel)
_PLAYBOOK = "mynumber_playbook"
_KNOWN_QUESTIONS = "mynumber_known_questions"


def define_env(env: Any) -> None:
    config = env.conf
    root = Path(config.config_file_path).parent
    search = _settings(SearchSettings, config.extra, "search")
    known = tuple(root / name for name in search.known_questions) if _search_expansion() else ()
    project = Project(root, also_guarded=known)
    try:
        playbook = load_playbook(project)
    except PlaybookError as error:
        raise PluginError(f"The playbook sources have {len(error.problems)} problem(s):\n{error}") from None
    log.debug("loaded %d contacts and %d trees", len(playbook.data.contacts), len(playbook.data.trees))

    def link(ref: str) -> str:
        page, _, anchor = ref.partition("#")
        target = File(page, config.docs_dir, config.site_dir, config.use_directory_urls).url
        return get_relative_url(target, env.page.url) + (f"#{anchor}" if anchor else "")

    settings = _settings(ReviewSettings, config.extra, "review")
    today = datetime.date.fromisoformat(os.environ.get("MYNUMBER_TODAY") or datetime.date.today().isoformat())
    late = playbook.overdue(today, settings.max_age_days)
    if late and settings.overdue == "error":
        raise PluginError("Reviews are overdue (extra.review.overdue is 'error'):\n" + "\n".join(map(str, late)))
    for kind, keys in _grouped(late).items():
        review_log.warning("%s past review date (%d): %s; see the review status page", kind, len(keys), ", ".join(keys))

    # For the hooks below: kept in the documented variables dict so the data is loaded once per build.
    env.variables[_PLAYBOOK] = playbook
    if _search_expansion():
        unknown = [term for term in search.subject_terms if term not in playbook.data.glossary]
        if unknown:
            raise PluginError(f"mkdocs.yml extra.search.subject_terms: not in the glossary: {', '.join(unknown)}")
        missing = [page for page in search.help_pages if not (Path(config.docs_dir) / page).is_file()]
        if missing:
            raise PluginError(f"mkdocs.yml extra.search.help_pages: no such page in docs/: {', '.join(missing)}")
        # Written into each page by overrides/main.html, which then loads search-ja.js.
        # UTF-8 is a third of the size of tojson's \uXXXX; no "<" may reach the script element.
        data = query_data(playbook.data.glossary, search.subject_terms)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        config.extra["search_forms"] = text.replace("<", "\\u003c")
        if known:
            env.variables[_KNOWN_QUESTIONS] = _known_questions(known, project, playbook)

    env.macro(playbook.contact_table, "contact_table")
    env.macro(playbook.contact, "contact")
    env.macro(playbook.where_to_ask, "where_to_ask")
    env.macro(lambda tree_id: playbook.tree(tree_id, link), "tree")
    env.macro(playbook.tree_diagram, "tree_diagram")
    env.macro(playbook.provision_table, "provision_table")
    env.macro(playbook.roles_table, "roles_table")
    env.macro(playbook.glossary, "glossary")
    env.macro(playbook.fact, "fact")
    env.macro(lambda: playbook.review_status(today, settings.max_age_days), "review_status")


def _known_questions(paths: tuple[Path, ...], project: Project, playbook: Playbook) -> str:
    """search/known_questions.js, from the questions files; a page they name must be in docs/."""
    pages = {source.removesuffix(".md") + ".html": page.meta.title for source, page in playbook.pages.pages.items()}
    questions: list[KnownQuestion] = []
    problems: list[Problem] = []
    for path in paths:  # every file's problems at once
        try:
            questions += load_known_questions(path, project.name(path), pages.__contains__)
        except PlaybookError as error:
            problems += error.problems
    if problems:
        listed = PlaybookError(problems)
        raise PluginError(f"mkdocs.yml extra.search.known_questions: {len(problems)} problem(s):\n{listed}")
    return known_questions_script(questions, pages)


def _settings(model: type[_Settings], extra: Any, key: str) -> _Settings:
    try:
        return model.model_validate(extra.get(key, {}))
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise PluginError(f"mkdocs.yml extra.{key}: {problems}") from None


def _grouped(items: list[Overdue]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item.key)
    return groups


# The two hooks are mkdocs-macros' module hooks; Zensical calls only define_env (see README).
def on_post_page_macros(env: Any) -> None:
    """End each page with its "about this page" block, and give it the variants of the glossary
    terms it uses, for Japanese search.
    """
    playbook: Playbook = env.variables[_PLAYBOOK]
    markdown = env.markdown + "\n\n" + playbook.page_info(env.page.file.src_uri, env.markdown) + "\n"
    if _search_expansion():
        markdown = expand_for_search(markdown, playbook.data.glossary, env.page.meta.get("keywords") or [])
    env.markdown = markdown


def _search_expansion() -> bool:
    """MYNUMBER_SEARCH_EXPANSION=off builds Material's default search, for tests/search_eval.py."""
    return os.environ.get("MYNUMBER_SEARCH_EXPANSION") != "off"


def on_post_build(env: Any) -> None:
    """Publish the machine-readable exports (api/trees.json, api/contacts.json) with the site, and
    the known questions for the search."""
    playbook: Playbook = env.variables[_PLAYBOOK]
    files = api_files(playbook.data)
    if _KNOWN_QUESTIONS in env.variables:
        files["search/known_questions.js"] = env.variables[_KNOWN_QUESTIONS]
    for name, text in files.items():
        target = Path(env.conf.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@format_error.register
def _page_error(error: MacroError | UndefinedError, markdown: str, page: Page) -> str:
    """A mistake in a page's macro call: name the page and line, without a traceback."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    line = f":{frames[-1].lineno}" if frames else ""
    return f"{page.file.src_path}{line}: {error}"
