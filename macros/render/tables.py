"""Provision rules and organisation roles as tables."""

from __future__ import annotations

from ..models import Document
from .html import bullets, cite, esc, table

DECISIONS = {"provide": "提供する", "refuse": "提供しない", "card": "番号ではなくカードを使う"}


def provision_table(data: Document, case_ids: list[str]) -> str:
    rows = []
    for case in (data.provision[i] for i in case_ids):
        note = f'<p class="mnp-note">{esc(case.note)}</p>' if case.note else ""
        decision = f'<span class="mnp-decision mnp-decision--{case.decision}">{DECISIONS[case.decision]}</span>'
        rows.append((esc(case.procedure), esc(case.requester), decision + note, esc(case.basis), cite(data, case)))
    return table("mnp-provision", ("場面・手続き", "求める人", "判断", "根拠", "出典"), rows)


def roles_table(data: Document) -> str:
    rows = []
    for role in data.roles.values():
        contact = esc(data.contacts[role.contact].name) if role.contact else "—"
        rows.append((esc(role.title), esc(role.held_by), bullets((esc(d) for d in role.duties), "mnp-duties"), contact))
    return table("mnp-roles", ("役割", "担当", "主な仕事", "連絡先"), rows)
