"""The spec itself: valid, complete, and written the way the project's conventions say."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import validate
from spec_support import is_error_schema, operations, resolve, spec

# The operations the SDK is built around (issue "The Offcloud OpenAPI spec…").
EXPECTED = {
    "auth_login": ("post", "/api/login"),
    "auth_api_key": ("post", "/api/key"),
    "auth_check": ("get", "/api/check"),
    "auth_device_code": ("post", "/oauth/device/code"),
    "auth_device_token": ("post", "/oauth/token"),
    "account_info": ("get", "/api/account/info"),
    "account_stats": ("get", "/api/account/stats"),
    "cloud_add": ("post", "/api/cloud"),
    "cloud_status": ("post", "/api/cloud/status"),
    "cloud_explore": ("get", "/api/cloud/explore/{requestId}"),
    "cloud_list": ("get", "/api/cloud/list/{requestId}"),
    "cloud_history": ("get", "/api/cloud/history"),
    "cloud_retry": ("get", "/api/cloud/retry/{requestId}"),
    "cloud_remove": ("post", "/api/cloud/remove"),
    "cloud_remove_one": ("get", "/cloud/remove/{requestId}"),
    "instant_add": ("post", "/api/instant"),
    "instant_history": ("get", "/api/instant/history"),
    "remote_add": ("post", "/api/remote"),
    "remote_status": ("post", "/api/remote/status"),
    "remote_retry": ("get", "/api/remote/retry/{requestId}"),
    "remote_accounts": ("post", "/api/remote/accounts"),
    "remote_history": ("get", "/api/remote/history"),
    "cache_check": ("post", "/api/cache"),
    "cache_info": ("post", "/api/cache/info"),
    "cache_download": ("post", "/api/cache/download"),
    "proxies_list": ("post", "/api/proxy"),
    "sites_list": ("get", "/api/sites"),
    "torrents_upload": ("post", "/torrent/upload"),
}


def walk(node: object, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every mapping in the document with its JSON-pointer-ish path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += walk(value, f"{path}/{index}")
    return found


def test_spec_is_a_valid_openapi_document() -> None:
    validate(spec())


def test_every_expected_operation_is_there_and_nothing_else() -> None:
    found = {op_id: (method, path) for op_id, (method, path, _) in operations().items()}
    assert found == EXPECTED


@pytest.mark.parametrize("operation_id", sorted(EXPECTED))
def test_operation_is_documented_and_named_after_its_tag(operation_id: str) -> None:
    _, _, operation = operations()[operation_id]
    (tag,) = operation["tags"]
    assert operation_id.startswith(f"{tag}_")
    assert operation["summary"].strip()
    assert len(operation["description"].split()) >= 8, "say what it does and how sure we are"
    assert "security" in operation, "list the auth schemes the evidence shows"
    assert "200" in operation["responses"]


@pytest.mark.parametrize("operation_id", sorted(EXPECTED))
def test_json_success_answers_admit_offcloud_error_bodies(operation_id: str) -> None:
    content = resolve(operations()[operation_id][2]["responses"]["200"])["content"]
    if "application/json" not in content:
        pytest.fail(f"{operation_id}: no JSON answer described")
    schema = content["application/json"]["schema"]
    variants = schema.get("anyOf", [schema])
    assert any(is_error_schema(variant) for variant in variants), "{error} comes with HTTP 200"
    assert not all(is_error_schema(variant) for variant in variants) or "text/plain" in content


def test_error_bodies_are_described() -> None:
    schemas = spec()["components"]["schemas"]
    assert schemas["ErrorBody"]["required"] == ["error"]
    assert schemas["NotAvailableBody"]["required"] == ["not_available"]
    assert all(schemas[name]["x-offcloud-error"] for name in ("ErrorBody", "NotAvailableBody"))
    unauthorized = spec()["components"]["responses"]["Unauthorized"]
    assert unauthorized["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_no_closed_enums_and_no_dropped_fields() -> None:
    for path, node in walk(spec()):
        assert "enum" not in node, f"{path}: server-controlled strings must stay open"
        assert node.get("additionalProperties", True) is not False, f"{path}: keep unknown fields"


def test_security_schemes_cover_both_generations_and_the_session() -> None:
    schemes = spec()["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert (schemes["keyQuery"]["in"], schemes["keyQuery"]["name"]) == ("query", "key")
    assert (schemes["sessionCookie"]["in"], schemes["sessionCookie"]["name"]) == (
        "cookie",
        "connect.sid",
    )


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ("RequestStatus", "fileSize"),
        ("HistoryItem", "fileSize"),
        ("AccountStats", "expirationDate"),
    ],
)
def test_fields_offcloud_sends_as_number_or_text_accept_both(schema: str, field: str) -> None:
    types = spec()["components"]["schemas"][schema]["properties"][field]["type"]
    assert set(types) == {"integer", "string"}


def test_retired_endpoints_say_so() -> None:
    for operation_id in ("auth_login", "auth_api_key"):
        operation = operations()[operation_id][2]
        assert "404" in operation["responses"]
        assert "retired" in operation["summary"].lower()
