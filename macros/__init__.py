"""mynumber-playbook: load, validate and render the My Number playbook data.

The library does not import MkDocs; `define_env` (in `adapter`) is the only bridge to it and is
imported lazily so that tests and the command line use the library without MkDocs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    from .adapter import define_env as adapter_define_env

    adapter_define_env(env)


def on_post_page_macros(env: Any) -> None:
    from .adapter import on_post_page_macros as hook

    hook(env)


def on_post_build(env: Any) -> None:
    from .adapter import on_post_build as hook

    hook(env)
