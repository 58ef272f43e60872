"""The glossary, and single sourced facts placed inline in prose."""

from __future__ import annotations

from ..models import Document
from .html import cite, esc


def glossary(data: Document) -> str:
    """One heading per term, so the term can be linked (#term-<id>) and the site's search shows
    each term as a section of its own (one big list would be one section that every query matches).
    Each heading and its definition start a line of their own: macros/search.py splits the page there,
    and `data-defines` tells it which term the section defines (a query "<term>とは" finds it).
    """
    items = []
    for term_id, term in sorted(data.glossary.items(), key=lambda item: item[1].reading):
        variants = (
            f'<p class="mnp-glossary__variants">言い換え：{esc("、".join(term.variants))}</p>' if term.variants else ""
        )
        items.append(
            f'<h2 id="term-{esc(term_id)}" class="mnp-glossary__term" data-defines="{esc(term_id)}">{esc(term.term)}'
            f'<span class="mnp-glossary__reading">（{esc(term.reading)}）</span></h2>\n\n'
            f'<div class="mnp-glossary__definition"><p>{esc(term.definition)}</p>{variants}'
            f"<p>{cite(data, term)}</p></div>"
        )
    return "\n\n".join(items)


def fact(data: Document, fact_id: str) -> str:
    entry = data.facts[fact_id]
    return f'<span class="mnp-fact">{esc(entry.text)} {cite(data, entry)}</span>'
