"""offcloud_sdk._doctor.patch: what `offcloud doctor` saw, turned into a small change to the spec.

Each kind of difference is patched on the real spec; the patched spec must be a valid OpenAPI
document, the answer must then fit the operation's schema (with every object closed to the
fields its schema names: the doctor's notion of "fits"), the diff must stay small, add no
`enum` or `additionalProperties`, and patching again must change nothing.
"""

from __future__ import annotations

import ast
import copy
import inspect
from functools import cache
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from spec_support import HTTP_METHODS, SPEC_PATH, fixture, fixtures

from offcloud_sdk._doctor import patch
from offcloud_sdk._doctor.patch import NEW_FIELD, NEW_SHAPE, patched_spec, unified_diff

ALSO_END = "not documented by Offcloud."

SPEC = SPEC_PATH.read_text(encoding="utf-8")
NAME = "openapi/offcloud.yaml"
URI = "urn:offcloud-sdk:spec"

Answer = tuple[str, int, object]


@cache
def _load(text: str) -> Any:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load(text: str) -> Any:
    """The spec `text`, parsed (a fresh copy: callers may change it)."""
    return copy.deepcopy(_load(text))


def account(**extra: object) -> dict[str, object]:
    """The recorded account_info answer, with `extra` fields."""
    body = fixture("account_info/recorded-success").body
    return {**body, **extra}


def history(**extra: object) -> list[dict[str, object]]:
    """A cloud_history answer (the 2026 fixture), each item with `extra` fields."""
    return [{**item, **extra} for item in fixture("cloud_history/2026").body]


def closed(document: Any) -> Any:
    """A copy of the spec where each object schema that names its properties takes no others.

    Only for checking: the spec keeps objects open, so without this a new field would fit.
    """
    document = copy.deepcopy(document)
    nodes, stack = [], [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            nodes.append(node)
            stack += node.values()
        elif isinstance(node, list):
            stack += node
    # The members of an allOf stay open (each sees only its own fields); the allOf is closed.
    members = [member for node in nodes for member in node.get("allOf", [])]
    schemas = document.get("components", {}).get("schemas", {})
    members += [schemas[m["$ref"].split("/")[-1]] for m in members if "$ref" in m]
    for node in nodes:
        if "allOf" in node:
            node["unevaluatedProperties"] = False
        elif (
            isinstance(node.get("properties"), dict)
            and "additionalProperties" not in node
            and not any(node is member for member in members)
        ):
            node["additionalProperties"] = False
    return document


def schema_pointer(document: dict[str, Any], operation_id: str, status: int) -> str:
    """A JSON pointer (as a `$ref`) to the schema of the operation's JSON answer."""
    for path, item in document["paths"].items():
        for method in HTTP_METHODS:
            if item.get(method, {}).get("operationId") == operation_id:
                response = item[method]["responses"][str(status)]
                escaped = path.replace("~", "~0").replace("/", "~1")
                where = response.get("$ref", f"#/paths/{escaped}/{method}/responses/{status}")
                return f"{where}/content/application~1json/schema"
    raise KeyError(operation_id)


def errors(text: str, answer: Answer, *, strict: bool = True) -> list[str]:
    """Why the answer does not fit the spec `text` (Draft 2020-12, `$ref`s resolved in it)."""
    operation_id, status, body = answer
    document = load(text)
    if strict:
        document = closed(document)
    registry: Registry[Any] = Registry().with_resource(URI, DRAFT202012.create_resource(document))
    schema = {"$ref": URI + schema_pointer(document, operation_id, status)}
    validator = Draft202012Validator(schema, registry=registry)
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(body)]


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    """The (removed, added) lines of a unified diff, without the markers."""
    lines = diff.splitlines()
    removed = [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def patched(answers: list[Answer], *, most_added: int, most_removed: int = 0) -> tuple[str, str]:
    """The spec patched for `answers`, with everything each patch must hold checked."""
    for answer in answers:
        assert errors(SPEC, answer), f"{answer[0]}: fits before the patch"
    text = patched_spec(SPEC, answers)
    validate(load(text))
    for answer in answers:
        assert errors(text, answer) == [], answer[0]
        assert errors(text, answer, strict=False) == []
    diff = unified_diff(SPEC, text, NAME)
    removed, added = changed_lines(diff)
    assert 0 < len(added) <= most_added, diff
    assert len(removed) <= most_removed, diff
    assert not any("enum" in line or "additionalProperties" in line for line in added), diff
    assert diff.startswith(f"--- a/{NAME}\n+++ b/{NAME}\n@@ ")
    # The diff lists every line that differs, so all others are as they were, byte for byte.
    assert len(text.splitlines()) == len(SPEC.splitlines()) + len(added) - len(removed)
    assert patched_spec(text, answers) == text, "patching again changes nothing"
    return text, diff


def component(text: str, name: str) -> dict[str, Any]:
    schema: dict[str, Any] = load(text)["components"]["schemas"][name]
    return schema


# The kinds of difference


def test_a_new_field_on_account_info_becomes_a_described_property() -> None:
    text, diff = patched([("account_info", 200, account(plan="pro"))], most_added=3)
    assert changed_lines(diff)[1] == [
        "        plan:",
        "          type: string",
        f'          description: "{NEW_FIELD}"',
    ]
    assert component(text, "AccountInfo")["properties"]["plan"] == {
        "type": "string",
        "description": NEW_FIELD,
    }
    # A plain validator found nothing wrong: the spec keeps objects open.
    assert errors(SPEC, ("account_info", 200, account(plan="pro")), strict=False) == []


def test_an_integer_field_that_arrived_as_text_accepts_both() -> None:
    answer = ("cloud_status", 200, {"status": {"status": "downloading", "amount": "1234"}})
    text, diff = patched([answer], most_added=2, most_removed=1)
    assert changed_lines(diff)[0] == ["          type: integer"]
    amount = component(text, "RequestStatus")["properties"]["amount"]
    # The spec's way for fields sent as number or text (fileSize): a list of types.
    assert amount["type"] == ["integer", "string"]
    assert amount["description"].startswith("Bytes downloaded so far. Also seen by")
    assert "`string`" in amount["description"]


@pytest.mark.parametrize(
    ("answer", "where", "expected"),
    [
        (
            ("account_info", 200, account(can_download=None)),
            ("AccountInfo", "can_download"),
            {"type": ["boolean", "null"]},
        ),
        (  # a flow mapping, `{type: string}`, becomes a block
            ("cloud_history", 200, history(fileName=None, fileSize=None)),
            ("HistoryItem", "fileName"),
            {"type": ["string", "null"]},
        ),
        (  # a `$ref` where null came: accepted there, the component stays an object
            ("account_stats", 200, {"userId": "u", "limits": None}),
            ("AccountStats", "limits"),
            {
                "anyOf": [
                    {"$ref": "#/components/schemas/AccountLimits"},
                    {"type": "null", "description": NEW_SHAPE},
                ]
            },
        ),
    ],
)
def test_a_field_that_arrived_null_allows_null(
    answer: Answer, where: tuple[str, str], expected: dict[str, Any]
) -> None:
    text, _ = patched([answer], most_added=5, most_removed=2)
    schema = component(text, where[0])["properties"][where[1]]
    assert {key: schema[key] for key in expected} == expected
    assert component(text, "AccountLimits") == component(SPEC, "AccountLimits")


def test_a_new_field_in_list_items_goes_to_the_items_component_once() -> None:
    answers: list[Answer] = [
        ("cloud_history", 200, history(ratio=0.5)),
        ("instant_history", 200, history(ratio=2)),
        ("remote_history", 200, history(ratio=1.5)),
    ]
    text, diff = patched(answers, most_added=3)
    assert diff.count("ratio:") == 1
    assert component(text, "HistoryItem")["properties"]["ratio"] == {
        "type": "number",
        "description": NEW_FIELD,
    }


def test_a_new_nested_object_is_described_recursively() -> None:
    quota = {"used": 1, "limits": {"daily": 5, "names": ["a"], "rate": 0.5, "on": True}}
    text, _ = patched([("account_info", 200, account(quota=quota))], most_added=14)
    assert component(text, "AccountInfo")["properties"]["quota"] == {
        "type": "object",
        "description": NEW_FIELD,
        "properties": {
            "used": {"type": "integer"},
            "limits": {
                "type": "object",
                "properties": {
                    "daily": {"type": "integer"},
                    "names": {"type": "array", "items": {"type": "string"}},
                    "rate": {"type": "number"},
                    "on": {"type": "boolean"},
                },
            },
        },
    }


def test_a_list_wrapped_in_data_follows_the_wrapper_convention() -> None:
    answers: list[Answer] = [
        ("cloud_history", 200, {"data": history()}),
        ("instant_history", 200, {"data": history(extra=1)}),
    ]
    text, diff = patched(answers, most_added=15)
    # Like RemoteAccountList: a component before the item's, one more anyOf variant.
    wrapper = component(text, "HistoryItemList")
    assert wrapper["required"] == ["data"]
    assert wrapper["properties"] == {
        "data": {"type": "array", "items": {"$ref": "#/components/schemas/HistoryItem"}}
    }
    names = list(load(text)["components"]["schemas"])
    assert names.index("HistoryItemList") + 1 == names.index("HistoryItem")
    paths = load(text)["paths"]
    for path in ("/api/cloud/history", "/api/instant/history"):
        variants = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert variants["anyOf"][1] == {"$ref": "#/components/schemas/HistoryItemList"}
        assert variants["anyOf"][2]["type"] == "array", "the bare list still fits"
    assert component(text, "HistoryItem")["properties"]["extra"]["type"] == "integer"
    assert diff.count("HistoryItemList:") == 1
    # The bare list still fits the patched operation.
    assert errors(text, ("cloud_history", 200, history())) == []


# Other shapes


def test_a_type_no_variant_has_becomes_a_variant() -> None:
    text, _ = patched([("cloud_retry", 200, "ok")], most_added=2)
    path = load(text)["paths"]["/api/cloud/retry/{requestId}"]["get"]
    variants = path["responses"]["200"]["content"]["application/json"]["schema"]["anyOf"]
    assert variants[-1] == {"type": "string", "description": NEW_SHAPE}


def test_an_object_where_text_is_declared_gets_its_properties() -> None:
    answer = ("cloud_status", 200, {"status": {"status": "x", "fileName": {"a": 1}}})
    text, _ = patched([answer], most_added=4, most_removed=1)
    file_name = component(text, "RequestStatus")["properties"]["fileName"]
    assert file_name["type"] == ["string", "object"]
    assert file_name["properties"] == {"a": {"type": "integer"}}


def test_error_bodies_and_referenced_responses_are_patched_in_their_component() -> None:
    text, _ = patched([("account_info", 401, {"error": "NOAUTH", "code": 7})], most_added=3)
    assert component(text, "ErrorBody")["properties"]["code"]["type"] == "integer"


def test_one_field_seen_with_two_types_gets_both() -> None:
    answers: list[Answer] = [
        ("account_info", 200, account(plan="pro")),
        ("account_info", 200, account(plan=3)),
    ]
    text, _ = patched(answers, most_added=3)
    assert component(text, "AccountInfo")["properties"]["plan"]["type"] == ["string", "integer"]


# What is left alone


def test_answers_that_fit_change_nothing() -> None:
    recorded = [
        (case.operation, case.status, case.body)
        for case in fixtures()
        if case.kind == "response" and case.text is None
    ]
    assert len(recorded) > 20
    assert unified_diff(SPEC, patched_spec(SPEC, recorded), NAME) == ""
    assert patched_spec(SPEC, []) == SPEC


def test_a_float_where_an_integer_is_declared_widens_it() -> None:
    # JSON Schema would call 12099016.0 an integer, but the generated model (and so a strict
    # client, and the doctor) refuse it: the patch makes the field take a number too.
    integral = ("cloud_status", 200, {"status": {"status": "x", "amount": 12099016.0}})
    text = patched_spec(SPEC, [integral])
    assert component(text, "RequestStatus")["properties"]["amount"]["type"] == [
        "integer",
        "number",
    ]


@pytest.mark.parametrize(
    "answer",
    [
        ("no_such_operation", 200, {"x": 1}),
        ("account_info", 500, {"x": 1}),  # a status the operation does not list
        ("cloud_list", 200, "https://a/b\nhttps://a/c\n"),  # the text answer
        # A required field missing: accepting that would remove a constraint.
        ("account_info", 200, {"is_premium": True, "can_download": True}),
        # A non-empty object where only `{}` (EmptyBody) takes a bare object of its shape.
        ("account_info", 200, {"x": 1}),
    ],
    ids=["unknown-operation", "unlisted-status", "text", "required-missing", "no-variant-fits"],
)
def test_what_cannot_be_patched_is_skipped(answer: Answer) -> None:
    assert patched_spec(SPEC, [answer]) == SPEC


# Hostile input


WRITTEN = {
    "a: b - c": 1,
    "<script>": "<script>alert(1)</script>",
    "true": 1,
    'x": {y: [1]}, z': 1,
    "# comment": [{"b: c": 1}],
}
"""Names that look like YAML or HTML but are printable: written, quoted, as names."""
LEFT_OUT = {
    "a: b\n- c": 1,
    "k" * 10_000: True,
    "$ref": "#/components/schemas/ErrorBody",
    "": None,
    "\u202e\U0001f600\x00\ufeff": 2,
    "\x1b[31mred": 3,
}
"""Names no API would add (a line break, 10,000 characters, `$ref`, empty, control or format
characters): left out of the spec."""
HOSTILE = {**WRITTEN, **LEFT_OUT}


def test_hostile_field_names_stay_names() -> None:
    answer = ("account_info", 200, account(**HOSTILE))
    text = patched_spec(SPEC, [answer])
    validate(load(text))
    assert errors(text, ("account_info", 200, account(**WRITTEN))) == []
    properties = component(text, "AccountInfo")["properties"]
    old = component(SPEC, "AccountInfo")["properties"]
    assert list(properties) == [*old, *WRITTEN], "exactly the names, as strings"
    for name in WRITTEN:
        assert properties[name]["description"] == NEW_FIELD
        assert set(properties[name]) <= {"type", "description", "properties", "items"}
    assert properties["# comment"]["items"]["properties"] == {"b: c": {"type": "integer"}}
    # Only the AccountInfo component changed, and no value that came was copied.
    before, after = load(SPEC), load(text)
    del before["components"]["schemas"]["AccountInfo"]
    del after["components"]["schemas"]["AccountInfo"]
    assert before == after
    diff = unified_diff(SPEC, text, NAME)
    assert "alert" not in diff
    assert all(char.isprintable() or char == "\n" for char in diff), "everything escaped"
    assert patched_spec(text, [answer]) == text


def test_a_name_that_is_not_unicode_text_is_left_out() -> None:
    # JSON lets a lone surrogate through; UTF-8 and libyaml do not.
    answer = ("account_info", 200, account(**{"\ud800x": 1, "ok": {"\udfff": 1}}))
    text = patched_spec(SPEC, [answer])
    assert list(component(text, "AccountInfo")["properties"])[-1] == "ok"
    assert component(text, "AccountInfo")["properties"]["ok"]["type"] == "object"
    assert "properties" not in component(text, "AccountInfo")["properties"]["ok"]
    text.encode("utf-8")


def test_a_hostile_name_inside_a_flow_mapping_stays_a_name() -> None:
    # properties: {} written in flow style: the new names go inside the braces.
    ref = '{$ref: "#/components/schemas/RemoteAccount"}'
    spec = SPEC.replace(
        f"      required: [data]\n      properties:\n        data:\n          type: array\n"
        f"          items: {ref}\n",
        f"      required: [data]\n      properties: {{data: {{type: array, items: {ref}}}}}\n",
    )
    assert spec != SPEC
    answer = ("remote_accounts", 200, {"data": [], **HOSTILE})
    text = patched_spec(spec, [answer])
    validate(load(text))
    assert list(component(text, "RemoteAccountList")["properties"]) == ["data", *WRITTEN]


def test_deep_answers_do_not_exhaust_the_stack() -> None:
    deep: object = 1
    for _ in range(500):
        deep = {"d": deep}
    text = patched_spec(SPEC, [("account_info", 200, account(deep=deep))])
    validate(load(text))
    assert "deep:" in text


def test_the_runtime_module_needs_only_pyyaml_imported_lazily() -> None:
    tree = ast.parse(inspect.getsource(patch))

    def imported(nodes: list[ast.AST]) -> set[str]:
        found = set()
        for node in nodes:
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                found.add((node.module or "").split(".")[0])
        return found

    top = imported(list(tree.body))
    assert top <= {
        "__future__",
        "difflib",
        "re",
        "unicodedata",
        "json_types",  # offcloud_sdk._doctor.json_types: no import of its own
        "collections",
        "dataclasses",
        "typing",
    }
    assert imported(list(ast.walk(tree))) - top == {"yaml"}


# The diff


def test_unified_diff() -> None:
    assert unified_diff(SPEC, SPEC, NAME) == ""
    diff = unified_diff("a\nb\n", "a\nc", "x.yaml")
    assert diff.splitlines() == [
        "--- a/x.yaml",
        "+++ b/x.yaml",
        "@@ -1,2 +1,2 @@",
        " a",
        "-b",
        "+c",
        "\\ No newline at end of file",
    ]
    # Only "\n" ends a line: U+2028 inside a description is not a line break for git.
    assert unified_diff("a\u2028b\n", "a\u2028c\n", "x").count("\n") == 5


# Shapes the spec does not use today, on a small spec of their own

SHAPES = """\
openapi: 3.1.0
info: {title: Shapes, version: "1"}
paths:
  /one:
    get:
      operationId: shapes_one
      responses:
        2XX:
          description: Every shape.
          content:
            application/json:
              schema:
                type: object
                properties:
                  literal:
                    type: integer
                    description: |
                      Line one.
                      Line two.
                  folded:
                    type: integer
                    description: >
                      Folded
                      text.
                  single: {type: integer, description: 'Single quoted.'}
                  plain: {description: Plain, type: integer}
                  flowref: {$ref: "#/components/schemas/Thing", description: A thing.}
                  blockref:
                    $ref: "#/components/schemas/Thing"
                    description: Another thing.
                  flowany: {anyOf: [{type: string}, {type: boolean}]}
                  both:
                    allOf:
                      - $ref: "#/components/schemas/Base"
                      - type: object
                        properties:
                          more: {type: string}
                  either:
                    oneOf:
                      - type: string
                      - $ref: "#/components/schemas/Thing"
                  map:
                    type: object
                    additionalProperties: {type: integer}
                  free: {type: object}
                  empty: {type: object, maxProperties: 0, properties: {}}
                  list:
                    type: array
                    items: {type: integer}
        default:
          description: Anything else.
          content:
            application/json:
              schema:
                anyOf:
                  - type: array
                    items: {type: string}
  /two:
    get:
      operationId: shapes_two
      responses:
        "200":
          description: A list of things, or an error.
          content:
            application/json:
              schema:
                anyOf:
                  - {type: object, required: [error], properties: {error: {type: string}}}
                  - type: array
                    items: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Base:
      type: object
      properties:
        name: {type: string}
    ThingList:
      type: string
      description: Taken by something else.
    Thing:
      type: object
      properties:
        name: {type: string}
"""

SHAPE_ANSWERS: list[Answer] = [
    (
        "shapes_one",
        201,
        {
            "literal": "1",
            "folded": None,
            "single": 1.5,
            "plain": [1, "a", None],
            "flowref": "text",
            "blockref": None,
            "flowany": 3,
            "both": {"name": "n", "more": "m", "most": 1},
            "either": 5,
            "map": {"a": 1, "b": 2},
            "free": {"anything": [1]},
            "list": [1, 2, {"x": 1}, {"y": [True]}],
            "new": [{"a": 1}, {"a": "b", "c": {"d": None}}, []],
        },
    ),
    ("shapes_one", 500, ["x", 1]),
    ("shapes_two", 200, {"data": [{"name": "n", "extra": True}]}),
    ("shapes_two", 200, {"list": []}),
]


def shapes_errors(text: str, answer: Answer) -> list[str]:
    operation_id, status, body = answer
    document = closed(load(text))
    response = {"shapes_one": "/one", "shapes_two": "/two"}[operation_id]
    key = {201: "2XX", 500: "default"}.get(status, str(status))
    pointer = f"#/paths/~1{response[1:]}/get/responses/{key}/content/application~1json/schema"
    registry: Registry[Any] = Registry().with_resource(URI, DRAFT202012.create_resource(document))
    validator = Draft202012Validator({"$ref": URI + pointer}, registry=registry)
    return [error.message for error in validator.iter_errors(body)]


def test_the_other_yaml_shapes_are_patched_in_their_own_style() -> None:
    validate(load(SHAPES))
    assert all(shapes_errors(SHAPES, answer) for answer in SHAPE_ANSWERS)
    text = patched_spec(SHAPES, SHAPE_ANSWERS)
    validate(load(text))
    assert [shapes_errors(text, answer) for answer in SHAPE_ANSWERS] == [[]] * len(SHAPE_ANSWERS)
    assert patched_spec(text, SHAPE_ANSWERS) == text
    removed, added = changed_lines(unified_diff(SHAPES, text, "shapes.yaml"))
    assert not any("enum" in line or "additionalProperties" in line for line in added)
    assert len(removed) <= 12

    document = load(text)
    props = document["paths"]["/one"]["get"]["responses"]["2XX"]["content"]
    props = props["application/json"]["schema"]["properties"]
    also = "Also seen by `offcloud doctor` as"
    assert props["literal"]["description"] == f"Line one.\nLine two.\n{also} `string`; {ALSO_END}\n"
    assert props["folded"]["description"] == f"Folded text. {also} `null`; {ALSO_END}\n"
    assert props["single"] == {
        "type": ["integer", "number"],
        "description": f"Single quoted. {also} `number`; {ALSO_END}",
    }
    assert props["plain"]["type"] == ["integer", "array"]
    assert props["plain"]["description"] == f"Plain. {also} `array`; {ALSO_END}"
    assert props["plain"]["items"] == {"type": ["string", "integer", "null"]}
    assert props["flowref"]["anyOf"][0] == {"$ref": "#/components/schemas/Thing"}
    assert props["flowref"]["anyOf"][1]["type"] == "string"
    assert props["flowref"]["description"] == "A thing."
    assert props["blockref"]["anyOf"][0] == {"$ref": "#/components/schemas/Thing"}
    assert props["blockref"]["description"] == "Another thing."
    assert props["flowany"]["anyOf"][2]["type"] == "integer"
    assert props["either"]["oneOf"][2]["type"] == "integer"
    assert props["map"] == {"type": "object", "additionalProperties": {"type": "integer"}}
    assert props["free"] == {"type": "object"}
    assert props["list"]["items"]["type"] == ["integer", "object"]
    y = props["list"]["items"]["properties"]["y"]
    assert y == {"type": "array", "items": {"type": "boolean"}}
    assert props["new"]["items"]["properties"]["c"]["properties"] == {"d": {"type": "null"}}
    things = document["components"]["schemas"]
    # allOf: the fields of every member count; a new one goes to one member.
    assert things["Base"] == {"type": "object", "properties": {"name": {"type": "string"}}}
    assert list(props["both"]["allOf"][1]["properties"]) == ["more", "most"]
    assert things["Thing"]["properties"]["extra"]["type"] == "boolean"
    # ThingList is taken: the wrapper gets the next name, one per key.
    assert things["ThingList"] == {"type": "string", "description": "Taken by something else."}
    assert things["ThingDataList"]["required"] == ["data"]
    assert things["ThingListList"]["required"] == ["list"]
    two = document["paths"]["/two"]["get"]["responses"]["200"]["content"]["application/json"]
    assert [variant.get("$ref", "") for variant in two["schema"]["anyOf"]][1:3] == [
        "#/components/schemas/ThingDataList",
        "#/components/schemas/ThingListList",
    ]
    default = document["paths"]["/one"]["get"]["responses"]["default"]["content"]
    assert default["application/json"]["schema"]["anyOf"][0]["items"]["type"] == [
        "string",
        "integer",
    ]


def test_a_wrapped_list_without_an_item_component_gets_an_inline_variant() -> None:
    spec = SHAPES.replace(
        '                    items: {$ref: "#/components/schemas/Thing"}\n',
        "                    items: {type: string}\n",
    )
    text = patched_spec(spec, [("shapes_two", 200, {"data": ["a"]})])
    validate(load(text))
    schema = load(text)["paths"]["/two"]["get"]["responses"]["200"]["content"]
    variant = schema["application/json"]["schema"]["anyOf"][1]
    assert variant["required"] == ["data"]
    assert variant["properties"] == {"data": {"type": "array", "items": {"type": "string"}}}


def test_windows_line_ends_and_a_missing_last_newline_are_kept() -> None:
    answers: list[Answer] = [("account_info", 200, account(plan="pro", can_download=None))]
    expected = load(patched_spec(SPEC, answers))
    crlf = patched_spec(SPEC.replace("\n", "\r\n"), answers)
    assert crlf.count("\r\n") == crlf.count("\n")
    assert load(crlf) == expected
    bare = patched_spec(SPEC.rstrip("\n"), answers)
    assert load(bare) == expected
    assert not bare.endswith("\n")


def test_an_edit_that_would_break_the_yaml_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patch, "_apply", lambda text, edits: text + "\n: [")
    assert patched_spec(SPEC, [("account_info", 200, account(plan="pro"))]) == SPEC


def test_an_answer_keyed_by_ids_proposes_at_most_100_properties() -> None:
    answer = ("account_info", 200, account(**{f"id{n:05}": n for n in range(5_000)}))
    text = patched_spec(SPEC, [answer])
    validate(load(text))
    added = set(component(text, "AccountInfo")["properties"]) - set(
        component(SPEC, "AccountInfo")["properties"]
    )
    assert 0 < len(added) < 100
    assert len(component(text, "AccountInfo")["properties"]) <= 100
