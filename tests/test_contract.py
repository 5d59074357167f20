"""Contract tests: every fixture matches its operation's schema and parses with the generated code.

Fixtures live in tests/fixtures/<operationId>/<case>.json. The ones whose source starts with
"recorded" are the real payloads the evidence quotes; the rest are shaped after it. Files in
tests/fixtures_invalid/ are deliberately wrong and must be rejected, which shows the check bites.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from offcloud_api_client.api import Operation, operations
from offcloud_api_client.models import EmptyBody, ErrorBody, NotAvailableBody
from spec_support import (
    EVIDENCE,
    INVALID_FIXTURES,
    Fixture,
    as_json,
    fixtures,
    is_error_schema,
    request_schema,
    response_schema,
    schema_errors,
)

ALL = list(fixtures())
INVALID = list(fixtures(INVALID_FIXTURES))
ERROR_MODELS = {model.__name__: model for model in (ErrorBody, NotAvailableBody, EmptyBody)}


def schema_for(fixture: Fixture) -> dict[str, Any]:
    if fixture.kind == "request":
        return request_schema(fixture.operation)
    return response_schema(fixture.operation, fixture.status, fixture.content_type)


def matching_variant(schema: dict[str, Any], payload: object) -> dict[str, Any]:
    """The first `anyOf` variant `payload` matches: the one the generated parser picks too."""
    for variant in schema.get("anyOf", [schema]):
        if not schema_errors(variant, payload):
            return variant
    raise AssertionError("matches no variant")


def test_every_operation_has_fixtures() -> None:
    assert {f.operation for f in ALL} == set(operations())


@pytest.mark.parametrize("fixture", ALL, ids=lambda f: f.name)
def test_fixture_matches_its_operation_schema(fixture: Fixture) -> None:
    assert fixture.path.parent.name == fixture.operation
    errors = schema_errors(schema_for(fixture), fixture.payload())
    assert not errors, f"{fixture.name} does not match the spec:\n" + "\n".join(errors)


@pytest.mark.parametrize(
    "fixture",
    [f for f in ALL if f.kind == "response" and 200 <= f.status < 300],
    ids=lambda f: f.name,
)
def test_fixture_parses_with_the_generated_model(fixture: Fixture) -> None:
    operation: Operation[Any] = operations()[fixture.operation]
    variant = matching_variant(schema_for(fixture), fixture.payload())
    if is_error_schema(variant):
        model = ERROR_MODELS[variant["$ref"].rsplit("/", 1)[-1]]
        assert model.from_dict(fixture.body).to_dict() == fixture.body
        with pytest.raises((KeyError, TypeError, ValueError)):
            operation.parse(fixture.response())  # an error body never parses as a success
        return
    parsed = operation.parse(fixture.response())
    # Nothing is lost on the way, unknown fields included.
    assert as_json(parsed) == fixture.payload()


@pytest.mark.parametrize(
    "fixture",
    [f for f in ALL if f.kind == "response" and not 200 <= f.status < 300],
    ids=lambda f: f.name,
)
def test_error_status_fixture_parses_as_an_error_body(fixture: Fixture) -> None:
    if fixture.text is not None:
        assert isinstance(fixture.payload(), str)
        return
    assert ErrorBody.from_dict(fixture.body).error


@pytest.mark.parametrize("fixture", INVALID, ids=lambda f: f.name)
def test_wrong_fixtures_are_rejected(fixture: Fixture) -> None:
    assert schema_errors(schema_for(fixture), fixture.payload()), (
        f"{fixture.name} is wrong on purpose ({fixture.source}) but the spec accepts it"
    )


def test_invalid_fixtures_exist() -> None:
    assert len(INVALID) >= 5


def recorded_json_blocks(markdown: str) -> list[object]:
    """The JSON code blocks of the evidence's "Recorded" section."""
    section = markdown.split("### Recorded", 1)[1].split("### Fixtures and mocks", 1)[0]
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]


@pytest.mark.skipif(not EVIDENCE.exists(), reason=f"{EVIDENCE} is not beside this checkout")
def test_every_recorded_payload_in_the_evidence_is_a_fixture() -> None:
    blocks = recorded_json_blocks(EVIDENCE.read_text(encoding="utf-8"))
    recorded = [f.payload() for f in ALL if f.recorded]
    assert blocks, "the evidence file changed shape; update recorded_json_blocks"
    missing = [block for block in blocks if block not in recorded]
    assert not missing, f"recorded payloads without a fixture: {missing}"
