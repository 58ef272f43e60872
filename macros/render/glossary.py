"""The glossary, and single sourced facts placed inline in prose."""

from __future__ import annotations

from ..models import Document
from .html import cite, esc


def glossary(data: Document) -> str:
    items = []
    for term_id, term in sorted(data.glossary.items(), key=lambda item: item[1].reading):
        variants = (
            f'<p class="mnp-glossary__variants">言い換え：{esc("、".join(term.variants))}</p>' if term.variants else ""
        )
        items.append(
            f'<dt id="term-{esc(term_id)}">{esc(term.term)}'
            f'<span class="mnp-glossary__reading">（{esc(term.reading)}）</span></dt>'
            f"<dd><p>{esc(term.definition)}</p>{variants}<p>{cite(data, term)}</p></dd>"
        )
    return f'<dl class="mnp-glossary">{"".join(items)}</dl>'


def fact(data: Document, fact_id: str) -> str:
    entry = data.facts[fact_id]
    return f'<span class="mnp-fact">{esc(entry.text)} {cite(data, entry)}</span>'
