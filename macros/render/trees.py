"""A decision tree as a static outline (works without JavaScript and in print) and as a diagram."""

from __future__ import annotations

from ..export import tree_json
from ..models import Document, Outcome, Question, Tree
from ..pages import PageIndex
from ..treegraph import Step, walk
from .html import Linker, bullets, cite, esc, phone_details, script_json

VERDICTS = {"act": "対応", "provide": "提供する", "refuse": "提供しない", "card": "カードで対応", "none": "対応不要"}


def node_anchor(tree_id: str, node_id: str) -> str:
    return f"tree-{tree_id}--{node_id}"


def _caption(node: Question | Outcome) -> str:
    return node.text if isinstance(node, Question) else node.title


def tree_outline(data: Document, tree_id: str, pages: PageIndex, link: Linker) -> str:
    tree = data.trees[tree_id]
    description = f'<p class="mnp-tree__description">{esc(tree.description)}</p>' if tree.description else ""
    # The wizard script reads the same JSON as /api/trees.json and shows outcomes from the outline.
    return (
        f'<div class="mnp-tree" id="tree-{esc(tree_id)}" data-tree="{esc(tree_id)}">'
        f'<p class="mnp-tree__title">{esc(tree.title)}</p>{description}'
        f'<div class="mnp-tree__outline">{_outline_step(data, tree_id, walk(tree), pages, link)}</div>'
        f'<p class="mnp-tree__source">{cite(data, tree)}</p>'
        f'<script type="application/json" class="mnp-tree__data">{script_json(tree_json(tree))}</script></div>'
    )


def _outline_step(data: Document, tree_id: str, step: Step, pages: PageIndex, link: Linker) -> str:
    anchor = esc(node_anchor(tree_id, step.node_id))
    if step.repeat:
        return f'<p class="mnp-node mnp-node--ref">→ <a href="#{anchor}">{esc(_caption(step.node))}</a>（上に同じ）</p>'
    node = step.node
    if isinstance(node, Question):
        help_text = f'<p class="mnp-node__help">{esc(node.help)}</p>' if node.help else ""
        branches = "".join(
            f'<li><p class="mnp-branch__label">{esc(label)}</p>{_outline_step(data, tree_id, child, pages, link)}</li>'
            for label, child in step.branches
        )
        return (
            f'<div class="mnp-node mnp-node--question" id="{anchor}">'
            f'<p class="mnp-node__text"><span class="mnp-node__kind">質問</span>{esc(node.text)}</p>'
            f'{help_text}<ul class="mnp-branches">{branches}</ul></div>'
        )
    outcome = _outcome(data, node, pages, link)
    return f'<div class="mnp-node mnp-node--outcome mnp-verdict--{node.verdict}" id="{anchor}">{outcome}</div>'


def _outcome(data: Document, node: Outcome, pages: PageIndex, link: Linker) -> str:
    steps = "".join(f"<li>{esc(s)}</li>" for s in node.steps)
    contacts = bullets(
        (
            f"<strong>{esc(data.contacts[c].name)}</strong>"
            + "".join(f" {phone_details(p)}" for p in data.contacts[c].phones)
            for c in node.contacts
        ),
        "mnp-node__contacts",
    )
    see = bullets((f'<a href="{esc(link(ref))}">{esc(pages.label(ref))}</a>' for ref in node.see), "mnp-node__see")
    return (
        f'<p class="mnp-node__text"><span class="mnp-node__kind">{VERDICTS[node.verdict]}</span>{esc(node.title)}</p>'
        + (f'<ol class="mnp-steps">{steps}</ol>' if steps else "")
        + (f'<p class="mnp-node__label">連絡先</p>{contacts}' if contacts else "")
        + (f'<p class="mnp-node__label">詳しく</p>{see}' if see else "")
    )


def tree_diagram(data: Document, tree_id: str) -> str:
    """Boxes and connectors drawn by CSS alone; the outline beside it carries the same content in text."""
    tree: Tree = data.trees[tree_id]
    label = f"「{tree.title}」の流れ図。同じ内容を文章で示した一覧がこのページにあります。"
    return (
        '<figure class="mnp-diagram">'
        f'<div class="mnp-diagram__scroll" role="img" tabindex="0" aria-label="{esc(label)}">'
        f'<ul class="mnp-dg">{_diagram_step(walk(tree))}</ul></div>'
        f"<figcaption>図：{esc(tree.title)}</figcaption></figure>"
    )


def _diagram_step(step: Step, label: str | None = None) -> str:
    edge = f'<span class="mnp-dg__edge">{esc(label)}</span>' if label is not None else ""
    kind = (
        "ref"
        if step.repeat
        else "question"
        if isinstance(step.node, Question)
        else f"outcome mnp-verdict--{step.node.verdict}"
    )
    prefix = "→ " if step.repeat else ""
    children = "".join(_diagram_step(child, option) for option, child in step.branches)
    box = f'<span class="mnp-dg__box mnp-dg__box--{kind}">{prefix}{esc(_caption(step.node))}</span>'
    return f'<li><div class="mnp-dg__item">{edge}{box}</div>' + (f"<ul>{children}</ul>" if children else "") + "</li>"
