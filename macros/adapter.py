"""The one MkDocs-specific module: registers the library's macros with mkdocs-macros.

Only `define_env` is used (Zensical's macros support calls only that). Data is loaded and
checked once per build here, not once per page.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path
from typing import Any

from jinja2 import UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs_macros.errors import format_error

from .errors import PlaybookError
from .export import api_files
from .playbook import MacroError, Playbook
from .project import Project, load_playbook
from .search import expand_for_search

log = logging.getLogger("mkdocs.plugins.mynumber_playbook")
_PLAYBOOK = "mynumber_playbook"


def define_env(env: Any) -> None:
    config = env.conf
    try:
        playbook = load_playbook(Project(Path(config.config_file_path).parent))
    except PlaybookError as error:
        raise PluginError(f"The playbook sources have {len(error.problems)} problem(s):\n{error}") from None
    log.debug("loaded %d contacts and %d trees", len(playbook.data.contacts), len(playbook.data.trees))

    def link(ref: str) -> str:
        page, _, anchor = ref.partition("#")
        target = File(page, config.docs_dir, config.site_dir, config.use_directory_urls).url
        return get_relative_url(target, env.page.url) + (f"#{anchor}" if anchor else "")

    # For the hooks below: kept in the documented variables dict so the data is loaded once per build.
    env.variables[_PLAYBOOK] = playbook

    env.macro(playbook.contact_table, "contact_table")
    env.macro(playbook.contact, "contact")
    env.macro(lambda tree_id: playbook.tree(tree_id, link), "tree")
    env.macro(playbook.tree_diagram, "tree_diagram")
    env.macro(playbook.provision_table, "provision_table")
    env.macro(playbook.roles_table, "roles_table")
    env.macro(playbook.glossary, "glossary")
    env.macro(playbook.fact, "fact")


# The two hooks are mkdocs-macros' module hooks; Zensical calls only define_env (see README).
def on_post_page_macros(env: Any) -> None:
    """Give each page the variants of the glossary terms it uses, for Japanese search.

    MYNUMBER_SEARCH_EXPANSION=off builds Material's default search, for tests/search_eval.py.
    """
    if os.environ.get("MYNUMBER_SEARCH_EXPANSION") == "off":
        return
    playbook: Playbook = env.variables[_PLAYBOOK]
    env.markdown = expand_for_search(env.markdown, playbook.data.glossary, env.page.meta.get("keywords") or [])


def on_post_build(env: Any) -> None:
    """Publish the machine-readable exports (api/trees.json, api/contacts.json) with the site."""
    playbook: Playbook = env.variables[_PLAYBOOK]
    for name, text in api_files(playbook.data).items():
        target = Path(env.conf.site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@format_error.register
def _page_error(error: MacroError | UndefinedError, markdown: str, page: Page) -> str:
    """A mistake in a page's macro call: name the page and line, without a traceback."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    line = f":{frames[-1].lineno}" if frames else ""
    return f"{page.file.src_path}{line}: {error}"
