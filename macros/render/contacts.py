"""Contacts as a table or a card."""

from __future__ import annotations

from ..models import Contact, Document
from .html import bullets, cite, esc, phone_details, table


def _name(contact: Contact) -> str:
    internal = ' <span class="mnp-badge">社内</span>' if contact.internal else ""
    return (
        f'<span class="mnp-contact__name">{esc(contact.name)}</span>{internal}'
        f'<span class="mnp-contact__org">{esc(contact.organisation)}</span>'
    )


def _phones(contact: Contact) -> str:
    return bullets((phone_details(p) for p in contact.phones), "mnp-phones") or "—"


def _web(contact: Contact) -> str:
    return f'<a class="mnp-contact__url" href="{esc(contact.url)}">ウェブサイト</a>' if contact.url else ""


def contact_table(data: Document, contact_ids: list[str]) -> str:
    rows = [
        (
            _name(c) + _web(c),
            _phones(c),
            esc(c.hours) if c.hours else "—",
            bullets((esc(h) for h in c.handles), "mnp-handles"),
            cite(data, c),
        )
        for c in (data.contacts[i] for i in contact_ids)
    ]
    return table("mnp-contacts", ("窓口", "電話", "受付時間", "ここで聞けること", "出典"), rows)


def contact_card(data: Document, contact_id: str) -> str:
    c = data.contacts[contact_id]
    hours = f'<p class="mnp-card__hours">受付時間：{esc(c.hours)}</p>' if c.hours else ""
    handles = bullets((esc(h) for h in c.handles), "mnp-handles")
    web = f"<p>{_web(c)}</p>" if c.url else ""
    return (
        f'<div class="mnp-card" id="contact-{esc(contact_id)}">'
        f'<p class="mnp-card__title">{_name(c)}</p>{bullets((phone_details(p) for p in c.phones), "mnp-phones")}'
        f'{hours}<p class="mnp-card__label">ここで聞けること</p>{handles}{web}<p>{cite(data, c)}</p></div>'
    )


def where_to_ask(data: Document) -> str:
    """Question → the window that answers it, so that nobody is sent from one call centre to the next."""
    rows = [
        (esc(question), _name(c), _phones(c) + (f'<p class="mnp-note">{esc(c.hours)}</p>' if c.hours else ""))
        for c in data.contacts.values()
        for question in c.handles
    ]
    return table("mnp-where-to-ask", ("聞きたいこと", "窓口", "電話・受付時間"), rows)
