"""The JSON Schema in the repository matches the pydantic models."""

from __future__ import annotations

import json

from macros.schema import schema_json

from .conftest import ROOT


def test_committed_schema_is_in_sync_with_the_models() -> None:
    committed = (ROOT / "data" / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "data/schema.json is stale: run `python -m macros schema > data/schema.json`"


def test_schema_forbids_unknown_keys_and_knows_the_sections() -> None:
    schema = json.loads(schema_json())
    assert set(schema["properties"]) == {
        "sources",
        "topics",
        "contacts",
        "roles",
        "trees",
        "provision",
        "glossary",
        "facts",
    }
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Contact"]["additionalProperties"] is False


def test_data_files_point_editors_at_the_schema() -> None:
    for name in ("mynumber.yml", "organisation.yml"):
        first_line = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=./schema.json"
