"""JSON Schema of the YAML source, for editors (yaml-language-server) and reviewers."""

from __future__ import annotations

import json

from .models import Document


def schema_json() -> str:
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "mynumber-playbook data (data/mynumber.yml, data/organisation.yml)"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
