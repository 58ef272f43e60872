"""Pydantic models of the YAML source: the schema contributors write against.

The national file and the organisation overlay share one document model, so the
overlay can add or override entries in any section with the same shape.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s]+$"
PHONE_PATTERN = r"^\+?[0-9]+(?:-[0-9]+)+$"
PAGE_PATTERN = r"^[A-Za-z0-9_./-]+\.md(?:#[A-Za-z0-9_-]+)?$"

# What each pattern means, for error messages a contributor can act on.
PATTERN_HINTS = {
    ID_PATTERN: "an id of lowercase letters and digits joined by single hyphens, e.g. card-loss",
    URL_PATTERN: "an http:// or https:// URL",
    PHONE_PATTERN: "a phone number of digits joined by hyphens, e.g. 0120-95-0178 or +81-3-6734-0170",
    PAGE_PATTERN: "a page path relative to the site root with an optional anchor, e.g. playbooks/leak.md#report",
}

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
PhoneNumber = Annotated[str, StringConstraints(pattern=PHONE_PATTERN)]
PageRef = Annotated[str, StringConstraints(pattern=PAGE_PATTERN)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(Model):
    """Fields shared by every keyed entry."""

    override: bool = Field(
        default=False,
        description="Overlay only: replace the national entry with the same id.",
    )


class Sourced(Entry):
    """An entry stating facts: where they come from and when they were last checked."""

    source: Id = Field(description="Id of an entry in `sources`.")
    checked: datetime.date = Field(description="Date the facts were last checked against the source.")
    verified: bool = Field(
        default=True,
        description="false when the facts file marks this 【未確認】: the site shows 要確認.",
    )
    caveat: Text | None = Field(default=None, description="What still needs checking (shown with 要確認).")


class Source(Entry):
    title: Text
    url: Url
    publisher: Text | None = None


class Topic(Entry):
    label: Text


class Phone(Model):
    number: PhoneNumber
    label: Text | None = Field(default=None, description="What this line is for, e.g. 音声ガイダンス2番.")
    hours: Text | None = None
    charge: Literal["free", "paid"] | None = None
    from_abroad: bool = False


class Contact(Sourced):
    name: Text
    organisation: Text
    phones: list[Phone] = []
    hours: Text | None = None
    url: Url | None = None
    handles: list[Text] = Field(min_length=1, description="Questions this window answers.")
    topics: list[Id] = Field(default=[], description="Ids of entries in `topics`.")
    internal: bool = Field(default=False, description="An organisation's own window, not a public one.")


class Role(Entry):
    title: Text = Field(description="e.g. 事務取扱責任者")
    held_by: Text = Field(description="A position in the organisation, never a person's name.")
    duties: list[Text] = Field(min_length=1)
    contact: Id | None = Field(default=None, description="Id of the contact that reaches this role.")


class Option(Model):
    label: Text
    next: Id = Field(description="Id of a node in the same tree.")


class Question(Model):
    kind: Literal["question"]
    text: Text
    help: Text | None = None
    options: list[Option] = Field(min_length=1)


class Outcome(Model):
    kind: Literal["outcome"]
    title: Text
    verdict: Literal["act", "provide", "refuse", "card", "none"] = "act"
    steps: list[Text] = []
    contacts: list[Id] = []
    see: list[PageRef] = Field(default=[], description="Playbook sections, e.g. playbooks/card-loss.md#suspend.")


Node = Annotated[Question | Outcome, Field(discriminator="kind")]


class Tree(Sourced):
    title: Text
    description: Text | None = None
    start: Id
    nodes: dict[Id, Node] = Field(min_length=1)


class Provision(Sourced):
    procedure: Text
    requester: Text
    decision: Literal["provide", "refuse", "card"]
    basis: Text
    note: Text | None = None


class Term(Sourced):
    term: Text
    reading: Text
    variants: list[Text] = []
    definition: Text


class Fact(Sourced):
    text: Text


class Document(Model):
    """One YAML file: the national source or an organisation overlay."""

    sources: dict[Id, Source] = {}
    topics: dict[Id, Topic] = {}
    contacts: dict[Id, Contact] = {}
    roles: dict[Id, Role] = {}
    trees: dict[Id, Tree] = {}
    provision: dict[Id, Provision] = {}
    glossary: dict[Id, Term] = {}
    facts: dict[Id, Fact] = {}


SECTIONS: tuple[str, ...] = tuple(Document.model_fields)
