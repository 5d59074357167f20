"""Reading the spec and the fixtures, and checking payloads against the spec's schemas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import httpx
import yaml
from openapi_schema_validator import OAS31Validator

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "offcloud.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
INVALID_FIXTURES = Path(__file__).resolve().parent / "fixtures_invalid"
EVIDENCE = ROOT.parent / "shared" / "reference" / "offcloud-api-evidence.md"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@cache
def spec() -> dict[str, Any]:
    """The OpenAPI document, parsed."""
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (HTTP method, path, operation object)."""
    found = {}
    for path, item in spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                found[item[method]["operationId"]] = (method, path, item[method])
    return found


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (one level is all the spec uses outside schemas)."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_schema(operation_id: str, status: int, content_type: str) -> dict[str, Any]:
    """The schema the spec gives for this operation's answer; KeyError when it gives none."""
    responses = operations()[operation_id][2]["responses"]
    response = resolve(responses[str(status)])
    return dict(response["content"][content_type]["schema"])


def request_schema(operation_id: str) -> dict[str, Any]:
    """The schema of this operation's request body."""
    body = resolve(operations()[operation_id][2]["requestBody"])
    content = body["content"]
    return dict(next(iter(content.values()))["schema"])


def validator(schema: dict[str, Any]) -> OAS31Validator:
    """A validator for `schema` whose `#/components/...` references resolve in the spec."""
    return OAS31Validator({**schema, "components": spec()["components"]})


def schema_errors(schema: dict[str, Any], instance: object) -> list[str]:
    """Why `instance` does not match `schema` (empty when it does), most telling reason first."""
    reasons = []
    for error in validator(schema).iter_errors(instance):
        # For an anyOf, say why the closest variant failed, not only that all of them did.
        closest = max(error.context, key=lambda e: len(e.absolute_path)) if error.context else error
        where = "/".join(map(str, closest.absolute_path)) or "<root>"
        reasons.append(f"{where}: {closest.message}")
    return reasons


def as_json(value: object) -> object:
    """A parsed model (or list of them) back to plain JSON data."""
    if isinstance(value, list):
        return [as_json(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict else value


def is_error_schema(schema: dict[str, Any]) -> bool:
    """Whether `schema` is one of Offcloud's error bodies (marked `x-offcloud-error`)."""
    return bool(resolve(schema).get("x-offcloud-error"))


@attrs.frozen
class Fixture:
    """One recorded or made-up exchange under tests/fixtures/<operationId>/<case>.json."""

    path: Path
    operation: str
    kind: str
    source: str
    status: int = 200
    content_type: str = "application/json"
    body: Any = None
    text: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def recorded(self) -> bool:
        return self.source.startswith("recorded")

    def payload(self) -> object:
        """What the schema is checked against: the JSON body, or the text."""
        return self.text if self.text is not None else self.body

    def response(self) -> httpx.Response:
        """The fixture as an httpx response."""
        headers = {"content-type": self.content_type}
        if self.text is not None:
            return httpx.Response(self.status, text=self.text, headers=headers)
        return httpx.Response(self.status, content=json.dumps(self.body), headers=headers)


def load_fixture(path: Path) -> Fixture:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Fixture(path=path, **data)


def fixtures(directory: Path = FIXTURES) -> Iterator[Fixture]:
    """Every fixture under `directory`, in a stable order."""
    for path in sorted(directory.glob("*/*.json")):
        yield load_fixture(path)


def fixture(name: str) -> Fixture:
    """One fixture by `<operationId>/<case>`."""
    return load_fixture(FIXTURES / f"{name}.json")
