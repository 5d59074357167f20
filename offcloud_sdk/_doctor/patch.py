"""What `offcloud doctor` saw, turned into a suggested change to the spec (a unified diff).

`patched_spec(spec_text, answers)` returns the spec's YAML text changed so that each observed
answer (operationId, HTTP status, parsed JSON body) fits the schema the spec gives for it;
`unified_diff(old, new, name)` shows the change. The text is edited in place, never re-dumped:
PyYAML's composer gives the position of every key and value, the changes are inserted or
replaced at those positions, and every other byte of the file stays as it was, so the diff shows
only what is new.

What "fits" means here is stricter than JSON Schema: a field that the object's schema does not
name counts as a difference (the spec keeps objects open, so a plain validator would not say),
as does a value whose type the schema does not list. The changes, in the spec's own style:

* A field the schema does not name becomes a new property, its schema inferred from the value:
  `string`, `integer`, `number`, `boolean`, `null`, `array` with `items`, `object` with
  `properties`, recursively. The new property says in its description that `offcloud doctor`
  saw it and Offcloud does not document it. Nothing is made `required`.
* A type the schema does not list is added to its `type`, as a list (`type: [integer, string]`,
  `type: [string, "null"]`, how the spec writes `fileSize`); the description says so.
* Where the schema is a `$ref`, fields missing inside it are added to the component (once, even
  when several answers or operations reach it); a whole other type (or `null`) where the
  component is expected is accepted at that place instead: `anyOf: [$ref, <new shape>]`.
* In an `anyOf`/`oneOf`, the variant of the answer's type that needs the fewest changes is
  changed; with no variant of that type, a variant for it is added. In an `allOf`, a field any
  member names is known, and a new one goes to one member.
* A list that came wrapped as `{"data": [...]}` (or `{"list": [...]}`) where the operation
  answers a bare list gets the spec's wrapper convention (`RemoteAccountList`, `ProxyList`): a
  component `<Item>List` with the list under that key, placed before `<Item>` and offered as
  another variant of the answer's `anyOf` (inline when the items are not a component).
* A one-line flow mapping that changes (`fileName: {type: string}`) is rewritten as a block,
  its other keys as they were; flow sequences and flow mappings inside flow style get the
  change in flow style.

Never added: `enum`, `additionalProperties: false`, `required`. Never removed or reordered:
anything. Values that came from the server are never copied into the spec, only their types;
field names are written as plain YAML only when they are simple identifiers and quoted
(escaped, one line, as an explicit `?` key when long) otherwise, so a name cannot add structure.

Left unchanged, silently (the answer then still does not fit; check the patched spec again
to find such answers):

* answers for an operationId the spec does not have, or a status code the operation does not
  list (neither as the code, `2XX`-style nor `default`), or without a JSON schema (text
  answers);
* a required field that did not come, a non-empty object where `maxProperties: 0` is set, or
  an object that fits no variant of an `anyOf` although one admits objects (making it fit
  would mean removing a constraint);
* field names that are not Unicode text (a lone UTF-16 surrogate, which JSON lets through but
  UTF-8 and libyaml refuse), longer than 100 characters, holding control or format characters
  (terminal escapes, bidi overrides), or starting with `$`; beyond 64 new fields in one object
  (or 100 properties in all), the rest (an answer keyed by ids or hashes is not a schema to
  write down); external `$ref`s, and values nested deeper than 32 levels (taken as they are);
* a field whose schema is an object without `properties` (a free-form map such as
  `additionalTags`) or with `additionalProperties`: it takes any key already;
* a wrapped list where the schema is a bare array rather than an `anyOf` (the spec has none):
  it gets `type: [array, object]` and the inferred properties, not the wrapper convention.

A variant added to a `oneOf` is of a type no other variant admits, but a type widened inside
a variant is not checked against the other variants (the spec's `oneOf`s are few and simple).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from .json_types import json_type as _json_type

__all__ = ["patched_spec", "unified_diff"]


class Node(Protocol):
    """What this module reads of PyYAML's composed nodes (`yaml.nodes.Node`)."""

    id: str  # "scalar", "sequence" or "mapping"
    value: Any
    start_mark: Any  # .index, .column
    end_mark: Any
    style: str | None  # scalars: None (plain), '"', "'", "|", ">"
    flow_style: bool | None  # collections


NEW_FIELD = "Seen by `offcloud doctor` in an answer; not documented by Offcloud."
NEW_SHAPE = "A shape `offcloud doctor` saw in an answer; not documented by Offcloud."
WRAPPED = "A wrapped list seen by `offcloud doctor`; not documented by Offcloud."
# Appended to an existing description, so it must stay valid inside a plain, quoted or block
# scalar: no quotes, backslashes, commas, ": " or " #".
ALSO_SEEN = "Also seen by `offcloud doctor` as {}; not documented by Offcloud."

_MAX_DEPTH = 32  # of the answer's nesting; deeper values are taken as they are
_MAX_HOPS = 32  # `$ref`s followed in a row
_MAX_ROUNDS = 12  # patch, parse again, look again: nested changes take a round each
_MAX_SIMPLE_KEY = 512  # PyYAML refuses implicit keys longer than 1024 characters
_MAX_NAME = 100  # a longer field name is not one an API would add
_MAX_NEW_FIELDS = 64  # new fields proposed per object: an answer keyed by ids is not a schema
_MAX_PROPERTIES = 100  # nor is an object schema with more: no more are proposed on it
_WIDTH = 100
_TYPE_ORDER = ("object", "array", "string", "integer", "number", "boolean", "null")
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_PLAIN = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.\-]*")
_RESERVED = frozenset(("y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"))
_WRAPPER_KEYS = ("data", "list")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LAST = 1 << 30  # the rank of an insertion that must come first at its place
_INDENT = re.compile(r"[\r\n]*( *)")  # the line breaks, then the indentation, of a line


def patched_spec(spec_text: str, answers: Sequence[tuple[str, int, object]]) -> str:
    """`spec_text` changed so that every answer fits its operation's response schema.

    `answers` are (operationId, HTTP status code, parsed JSON body) as observed. Answers that
    already fit change nothing (the text comes back as it was); answers for an unknown
    operation or a status code the operation does not list are skipped silently, as are the
    differences this module cannot patch (see the module's docstring).
    """
    import yaml

    text = spec_text
    doc = _Doc(text)
    for _ in range(_MAX_ROUNDS):
        fixes: list[_Fix] = []
        for operation_id, status, body in answers:
            schema = doc.response_schema(operation_id, status, body)
            if schema is not None:
                fixes += doc.check(body, schema, 0) or []
        changed = _apply(text, doc.edits(fixes)) if fixes else text
        if changed == text:
            break
        try:
            doc = _Doc(changed)
        except yaml.YAMLError:  # only if an edit went wrong: keep the last text that parsed
            break
        text = changed
    return text


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff from `old` to `new`, both named `name` (`a/name`, `b/name`)."""
    lines: list[str] = []
    for line in difflib.unified_diff(_lines(old), _lines(new), f"a/{name}", f"b/{name}"):
        lines.append(line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    """`text` in lines, split at "\\n" only (str.splitlines also splits at U+2028 and others)."""
    return re.findall(r"[^\n]*\n|[^\n]+", text)


# --- What arrived ------------------------------------------------------------------------


@dataclass
class _Shape:
    """The JSON types seen at one place, with the fields and items seen under it."""

    types: set[str] = field(default_factory=set)
    props: dict[str, _Shape] = field(default_factory=dict)
    items: _Shape | None = None
    anything: bool = False

    def merge(self, other: _Shape) -> None:
        self.types |= other.types
        self.anything = self.anything or other.anything
        for name, shape in other.props.items():
            if name in self.props:
                self.props[name].merge(shape)
            else:
                self.props[name] = shape
        if other.items is not None:
            if self.items is None:
                self.items = other.items
            else:
                self.items.merge(other.items)


def _type_ok(value: object, types: list[str]) -> bool:
    """Whether `type: types` admits `value` as the SDK reads it: as JSON Schema does, except
    that a number written with a fraction (`0.0`) is not an `integer`, since the generated
    models (and the doctor) refuse it there."""
    kind = _json_type(value)
    if kind is None or kind in types:
        return True
    return kind == "integer" and "number" in types


def _infer(value: object, depth: int = 0) -> _Shape:
    shape = _Shape()
    kind = _json_type(value)
    if kind is None or depth > _MAX_DEPTH:
        shape.anything = True
        return shape
    shape.types.add(kind)
    if isinstance(value, dict):
        for name, item in value.items():
            if not _writable(name) or len(shape.props) >= _MAX_NEW_FIELDS:
                continue
            inferred = _infer(item, depth + 1)
            if name in shape.props:
                shape.props[name].merge(inferred)
            else:
                shape.props[str(name)] = inferred
    elif isinstance(value, list):
        for item in value:
            inferred = _infer(item, depth + 1)
            if shape.items is None:
                shape.items = inferred
            else:
                shape.items.merge(inferred)
    return shape


def _writable(name: object) -> bool:
    """Whether a field name may go into the spec: a string of Unicode characters (JSON lets a
    lone UTF-16 surrogate through, which UTF-8 and libyaml refuse), at most `_MAX_NAME` long,
    without control or format characters (terminal escapes, bidi overrides) and not starting
    with `$` (a generator would make `ref` of `$ref`): a name an API would really use."""
    return (
        isinstance(name, str)
        and 0 < len(name) <= _MAX_NAME
        and not name.startswith("$")
        and not _SURROGATE.search(name)
        and all(unicodedata.category(char) not in ("Cc", "Cf") for char in name)
    )


def _ordered(types: set[str]) -> list[str]:
    return [name for name in _TYPE_ORDER if name in types]


def _schema(shape: _Shape, description: str | None) -> dict[str, object]:
    """A JSON Schema for `shape`, as plain data for the emitter."""
    schema: dict[str, object] = {}
    types = _ordered(shape.types)
    if "number" in types and "integer" in types:
        types.remove("integer")
    if types and not shape.anything:
        schema["type"] = types[0] if len(types) == 1 else types
    if description:
        schema["description"] = description
    if shape.anything:
        return schema
    if "object" in types and shape.props:
        schema["properties"] = {name: _schema(sub, None) for name, sub in shape.props.items()}
    if "array" in types and shape.items is not None:
        schema["items"] = _schema(shape.items, None)
    return schema


# --- What to change ----------------------------------------------------------------------


@dataclass
class _AddProps:
    """Fields the object schema `node` does not name."""

    node: Node
    props: dict[str, _Shape]


@dataclass
class _AddTypes:
    """A type the schema `node` (which has `type`) does not list."""

    node: Node
    shape: _Shape


@dataclass
class _Wrap:
    """Another shape where the `$ref` at `node` is expected."""

    node: Node
    shape: _Shape


@dataclass
class _AddVariant:
    """A variant for the `anyOf`/`oneOf` sequence `node`."""

    node: Node
    shape: _Shape


@dataclass
class _Wrapper:
    """`{key: [...]}` where the `anyOf`/`oneOf` sequence `node` has the bare list `variant`."""

    node: Node
    variant: Node
    key: str


_Fix = _AddProps | _AddTypes | _Wrap | _AddVariant | _Wrapper


def _cost(fixes: list[_Fix]) -> int:
    return sum(len(fix.props) if isinstance(fix, _AddProps) else 1 for fix in fixes)


@dataclass(frozen=True)
class _Raw:
    """Text of the spec that goes into an edit as it is (e.g. a `$ref`'s quoted value)."""

    text: str


@dataclass
class _Edit:
    start: int
    end: int
    text: str
    rank: int = 0  # insertions at one place: the more indented ends up first


# --- Reading the spec ----------------------------------------------------------------------


def _get_pair(node: Node | None, key: str) -> tuple[Node, Node] | None:
    if node is None or node.id != "mapping":
        return None
    for key_node, value_node in node.value:
        if key_node.id == "scalar" and key_node.value == key:
            return key_node, value_node
    return None


def _get(node: Node | None, key: str) -> Node | None:
    pair = _get_pair(node, key)
    return pair[1] if pair else None


def _scalar(node: Node | None) -> str | None:
    return str(node.value) if node is not None and node.id == "scalar" else None


def _types(node: Node) -> list[str] | None:
    """The schema's `type` as a list, or None when it has none."""
    value = _get(node, "type")
    if value is None:
        return None
    if value.id == "sequence":
        return [item.value for item in value.value if item.id == "scalar"]
    return [value.value] if value.id == "scalar" else None


def _int(node: Node | None) -> int | None:
    text = _scalar(node)
    return int(text) if text is not None and text.isdigit() else None


class _Doc:
    """One parse of the spec: finds schemas, checks answers, turns differences into edits."""

    def __init__(self, text: str) -> None:
        import yaml

        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.root = cast(Node, yaml.compose(text, Loader=yaml.SafeLoader))
        self.parents: dict[int, tuple[Node, Node | None]] = {}
        stack = [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            children: list[tuple[Node, Node | None]] = []
            if node.id == "mapping":
                children = [(value, key) for key, value in node.value]
            elif node.id == "sequence":
                children = [(item, None) for item in node.value]
            for child, key in children:
                if id(child) not in self.parents:
                    self.parents[id(child)] = (node, key)
                    stack.append(child)

    # Finding schemas

    def resolve(self, ref: str) -> Node | None:
        """The node a local `$ref` (`#/…`) points at, or None."""
        if not ref.startswith("#/"):
            return None
        node: Node | None = self.root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if node is not None and node.id == "sequence" and part.isdigit():
                node = node.value[int(part)] if int(part) < len(node.value) else None
            else:
                node = _get(node, part)
            if node is None:
                return None
        return node

    def deref(self, node: Node | None) -> Node | None:
        for _ in range(_MAX_HOPS):
            ref = _scalar(_get(node, "$ref"))
            if ref is None:
                return node
            node = self.resolve(ref)
        return node

    def response_schema(self, operation_id: str, status: int, body: object) -> Node | None:
        """The schema of `operation_id`'s JSON answer with `status`, or None."""
        operation = None
        paths = _get(self.root, "paths")
        for _, item in paths.value if paths is not None and paths.id == "mapping" else []:
            for method in _HTTP_METHODS:
                candidate = _get(item, method)
                if _scalar(_get(candidate, "operationId")) == operation_id:
                    operation = candidate
        responses = _get(operation, "responses")
        response = None
        for key in (str(status), f"{status // 100}XX", "default"):
            if response is None:
                response = _get(responses, key)
        content = _get(self.deref(response), "content")
        if content is None or content.id != "mapping":
            return None
        media = [key.value for key, _ in content.value]
        json_media = [name for name in media if "json" in name]
        if not json_media or (isinstance(body, str) and len(json_media) < len(media)):
            return None
        return _get(_get(content, json_media[0]), "schema")

    # Checking an answer

    def admits(self, node: Node, value: object, hops: int = 0) -> bool:
        """Whether the schema `node` admits the type of `value` (its shape aside)."""
        if node.id != "mapping" or hops > _MAX_HOPS:
            return True
        ref = _scalar(_get(node, "$ref"))
        if ref is not None:
            target = self.resolve(ref)
            return target is None or self.admits(target, value, hops + 1)
        types = _types(node)
        if types is not None and not _type_ok(value, types):
            return False
        for keyword in ("anyOf", "oneOf"):
            variants = _get(node, keyword)
            if (
                variants is not None
                and variants.id == "sequence"
                and variants.value
                and not any(self.admits(variant, value, hops + 1) for variant in variants.value)
            ):
                return False
        variants = _get(node, "allOf")
        if variants is not None and variants.id == "sequence":
            return all(self.admits(variant, value, hops + 1) for variant in variants.value)
        return True

    def check(
        self,
        value: object,
        node: Node,
        depth: int,
        hops: int = 0,
        known: frozenset[str] = frozenset(),
    ) -> list[_Fix] | None:
        """What would make `value` fit the schema `node`: [] when it fits, None when nothing
        this module does would. `known`: field names an `allOf` sibling declares (or will)."""
        if node.id != "mapping" or depth > _MAX_DEPTH or hops > _MAX_HOPS:
            return []
        ref = _scalar(_get(node, "$ref"))
        if ref is not None:
            target = self.resolve(ref)
            if target is None:
                return []
            if not self.admits(target, value):
                return [_Wrap(node, _infer(value, depth))]
            return self.check(value, target, depth, hops + 1, known)
        fixes: list[_Fix] = []
        all_of = _get(node, "allOf")
        members = all_of.value if all_of is not None and all_of.id == "sequence" else []
        owner = -1
        if members and isinstance(value, dict):
            # The fields of an allOf are those of all its members; a new one goes to one member
            # (the schema itself when it has properties, else the last member that has them).
            declared = [self.declared(member) for member in members]
            known = known.union(self.declared(node) or (), *(names or () for names in declared))
            owners = [index for index, names in enumerate(declared) if names is not None]
            owner = -1 if self.declared(node) is not None or not owners else owners[-1]
        everything = known.union(value) if isinstance(value, dict) else known
        for index, variant in enumerate(members):
            member_known = known if index == owner else everything
            found = self.check(value, variant, depth, hops + 1, member_known)
            if found is None:
                return None
            fixes += found
        for keyword in ("anyOf", "oneOf"):
            variants = _get(node, keyword)
            if variants is not None and variants.id == "sequence" and variants.value:
                found = self.check_variants(value, variants, depth)
                if found is None:
                    return None
                fixes += found
        types = _types(node)
        if types is not None and not _type_ok(value, types):
            fixes.append(_AddTypes(node, _infer(value, depth)))
            if not isinstance(value, dict) or _get(node, "properties") is None:
                return fixes
        if isinstance(value, dict):
            found = self.check_object(value, node, depth, known)
            if found is None:
                return None
            fixes += found
        elif isinstance(value, list) and (items := _get(node, "items")) is not None:
            for item in value:
                found = self.check(item, items, depth + 1)
                if found is None:
                    return None
                fixes += found
        return fixes

    def check_variants(self, value: object, variants: Node, depth: int) -> list[_Fix] | None:
        candidates: list[list[_Fix]] = []
        for variant in variants.value:
            if self.admits(variant, value):
                found = self.check(value, variant, depth)
                if found == []:
                    return []
                if found is not None:
                    candidates.append(found)
        wrapper = self.wrapper(value, variants)
        if wrapper is not None:
            return [wrapper]
        if candidates:
            return min(candidates, key=_cost)
        if any(self.admits(variant, value) for variant in variants.value):
            return None
        return [_AddVariant(variants, _infer(value, depth))]

    def wrapper(self, value: object, variants: Node) -> _Wrapper | None:
        """The list wrapper, when `value` is `{"data": [...]}` and a variant is a bare list."""
        if not isinstance(value, dict):
            return None
        key = next((key for key in _WRAPPER_KEYS if isinstance(value.get(key), list)), None)
        if key is None:
            return None
        targets = [self.deref(variant) for variant in variants.value]
        if any(_get(_get(target, "properties"), key) is not None for target in targets):
            return None  # the wrapper is there already: what differs is inside it
        for variant in variants.value:
            target = self.deref(variant)
            if target is not None and _types(target) == ["array"]:
                return _Wrapper(variants, variant, key)
        return None

    def declared(self, node: Node) -> frozenset[str] | None:
        """The field names the (referenced) object schema `node` names; None without
        `properties`."""
        props = _get(self.deref(node), "properties")
        if props is None or props.id != "mapping":
            return None
        return frozenset(str(key.value) for key, _ in props.value)

    def check_object(
        self, value: dict[Any, Any], node: Node, depth: int, known: frozenset[str]
    ) -> list[_Fix] | None:
        most, least = _int(_get(node, "maxProperties")), _int(_get(node, "minProperties"))
        if (most is not None and len(value) > most) or (least is not None and len(value) < least):
            return None
        required = _get(node, "required")
        for name in required.value if required is not None and required.id == "sequence" else []:
            if name.id == "scalar" and name.value not in value:
                return None
        props = _get(node, "properties")
        props = props if props is not None and props.id == "mapping" else None
        extra = _get(node, "additionalProperties")
        fixes: list[_Fix] = []
        new: dict[str, _Shape] = {}
        for name, item in value.items():
            schema = _get(props, name) if props is not None else None
            if schema is None and extra is not None and extra.id == "mapping":
                schema = extra
            if schema is not None:
                found = self.check(item, schema, depth + 1)
                if found is None:
                    return None
                fixes += found
            elif props is not None and extra is None and name not in known and _writable(name):
                room = _MAX_PROPERTIES - len(getattr(props, "value", ()))
                if len(new) < min(_MAX_NEW_FIELDS, room):
                    new[name] = _infer(item, depth + 1)
        if new:
            fixes.append(_AddProps(node, new))
        return fixes

    # Writing the changes

    def edits(self, fixes: list[_Fix]) -> list[_Edit]:
        """The text edits for `fixes`, one change per place however many answers asked."""
        merged: dict[tuple[str, int, str], _Fix] = {}
        for fix in fixes:
            extra = fix.key if isinstance(fix, _Wrapper) else ""
            key = (type(fix).__name__, id(fix.node), extra)
            known = merged.get(key)
            if known is None:
                merged[key] = fix
            elif isinstance(known, _AddProps) and isinstance(fix, _AddProps):
                for name, shape in fix.props.items():
                    if name in known.props:
                        known.props[name].merge(shape)
                    else:
                        known.props[name] = shape
            elif isinstance(known, _AddTypes | _Wrap | _AddVariant) and not isinstance(
                fix, _AddProps | _Wrapper
            ):
                known.shape.merge(fix.shape)
        edits: list[_Edit] = []
        created: dict[str, str] = {}
        for fix in merged.values():
            if isinstance(fix, _AddProps):
                edits += self.add_props(fix)
            elif isinstance(fix, _AddTypes):
                edits += self.add_types(fix)
            elif isinstance(fix, _Wrap):
                edits += self.wrap(fix)
            elif isinstance(fix, _AddVariant):
                edits += self.add_variant(fix.node, _schema(fix.shape, NEW_SHAPE))
            else:
                edits += self.add_wrapper(fix, created)
        return edits

    def add_props(self, fix: _AddProps) -> list[_Edit]:
        entries = {name: _schema(shape, NEW_FIELD) for name, shape in fix.props.items()}
        props = _get(fix.node, "properties")
        if props is None:
            return self.insert_pairs(fix.node, [("properties", entries)])
        if props.id != "mapping":
            return []
        return self.insert_pairs(props, list(entries.items()))

    def add_types(self, fix: _AddTypes) -> list[_Edit]:
        node, shape = fix.node, fix.shape
        type_pair = _get_pair(node, "type")
        old = _types(node)
        if type_pair is None or old is None or shape.anything:
            return []
        new = [name for name in _ordered(shape.types) if name not in old]
        if "integer" in new and "number" in old:
            new.remove("integer")
        if not new:
            return []
        types = _flow(old + new)
        note = ALSO_SEEN.format(" and ".join(f"`{name}`" for name in new))
        pairs: list[tuple[str | _Raw, object]] = []
        if "object" in new and shape.props and _get(node, "properties") is None:
            pairs.append(
                ("properties", {name: _schema(sub, None) for name, sub in shape.props.items()})
            )
        if "array" in new and shape.items is not None and _get(node, "items") is None:
            pairs.append(("items", _schema(shape.items, None)))
        if node.flow_style:
            block = self.blockify(node, types, note, pairs)
            if block is not None:
                return [block]
        value = type_pair[1]
        edits = [_Edit(value.start_mark.index, self.content_end(value), types)]
        description = _get(node, "description")
        if description is None:
            pairs.insert(0, ("description", note))
        else:
            edits += self.append_description(node, description, note)
        if pairs:
            edits += self.insert_pairs(node, pairs)
        return edits

    def blockify(
        self, node: Node, types: str, note: str, pairs: list[tuple[str | _Raw, object]]
    ) -> _Edit | None:
        """The flow mapping `node` (e.g. `{type: string}`, a property's schema) written as a
        block mapping, with the new `type`, the note and `pairs`: one long line would be hard
        to read. None when `node` is not the value of a block mapping's key."""
        parent, key = self.parents.get(id(node), (None, None))
        if key is None or parent is None or parent.flow_style:
            return None
        entries: list[tuple[str | _Raw, object]] = []
        described = False
        for name, value in node.value:
            raw_name, text = self.raw_pair(name, value)
            if name.value == "type":
                text = _Raw(types)
            elif name.value == "description" and value.id == "scalar":
                if value.style in ('"', "'") and "\n" not in text.text:
                    joint = _joint(value.value)
                    text = _Raw(f"{text.text[:-1]}{joint}{note}{text.text[-1]}")
                elif value.style is None and value.value and "\n" not in text.text:
                    text = _Raw(f"{text.text}{_joint(value.value)}{note}")
                else:
                    return None
                described = True
            entries.append((raw_name, text))
        if not described:
            entries.append(("description", note))
        return self.as_block(node, key, entries + pairs)[0]

    def raw_pair(self, name: Node, value: Node) -> tuple[_Raw, _Raw]:
        """A key and its value as they are written."""
        return (
            _Raw(self.text[name.start_mark.index : name.end_mark.index]),
            _Raw(self.text[value.start_mark.index : value.end_mark.index]),
        )

    def as_block(
        self, node: Node, key: Node, entries: list[tuple[str | _Raw, object]]
    ) -> list[_Edit]:
        """The flow mapping `node`, the value of `key`, replaced by a block of `entries`."""
        lines = _emit_pairs(entries, key.start_mark.column + 2)
        text = "".join(self.newline + line for line in lines)
        start = key.end_mark.index + 1 if self.colon_after(key) else node.start_mark.index
        return [_Edit(start, node.end_mark.index, text)]

    def colon_after(self, key: Node) -> bool:
        """Whether `key: value` has its colon right after the key (what block edits need)."""
        return self.text[key.end_mark.index : key.end_mark.index + 1] == ":"

    def append_description(self, node: Node, description: Node, note: str) -> list[_Edit]:
        """`note` added at the end of the existing description (a plain, quoted or block
        scalar), as its own sentence."""
        pair = _get_pair(node, "description")
        if pair is None or description.id != "scalar":
            return []
        style, block = description.style, not node.flow_style
        indent = " " * (pair[0].start_mark.column + 2)
        if style in ("|", ">"):
            start = self.text.find("\n", description.start_mark.index) + 1
            match = _INDENT.match(self.text, start)
            indent = match.group(1) if match else indent
            position = self.line_end(self.content_end(description))
            return [_Edit(position, position, f"{self.newline}{indent}{note}", rank=_LAST)]
        if style in ('"', "'"):
            position = description.end_mark.index - 1
        elif style is None and description.value:
            position = description.end_mark.index
        else:
            return []
        line = self.text[self.line_start(position) : self.line_end(position)]
        fits = len(line) + 1 + len(note) <= _WIDTH and position >= self.line_end(position) - 1
        joint = _joint(description.value)
        if block and not fits:
            joint = f"{joint.rstrip(' ')}{self.newline}{indent}"
        return [_Edit(position, position, f"{joint}{note}", rank=_LAST)]

    def wrap(self, fix: _Wrap) -> list[_Edit]:
        node, pair = fix.node, _get_pair(fix.node, "$ref")
        if pair is None:
            return []
        ref_key, ref_value = pair
        ref_text = self.text[ref_value.start_mark.index : ref_value.end_mark.index]
        variants: list[object] = [{"$ref": _Raw(ref_text)}, _schema(fix.shape, NEW_SHAPE)]
        parent, key = self.parents.get(id(node), (None, None))
        if node.flow_style:
            if key is not None and parent is not None and not parent.flow_style:
                # `{$ref: …, description: …}` as a block, the `$ref` replaced by the anyOf.
                entries: list[tuple[str | _Raw, object]] = [
                    ("anyOf", variants) if name is ref_key else self.raw_pair(name, value)
                    for name, value in node.value
                ]
                return self.as_block(node, key, entries)
            text = f"anyOf: {_flow(variants)}"
            return [_Edit(ref_key.start_mark.index, ref_value.end_mark.index, text)]
        lines = _emit_pairs([("anyOf", variants)], ref_key.start_mark.column)
        text = self.newline.join(lines).lstrip(" ")
        return [_Edit(ref_key.start_mark.index, ref_value.end_mark.index, text)]

    def add_variant(
        self, variants: Node, schema: dict[str, object], before: Node | None = None
    ) -> list[_Edit]:
        if variants.flow_style:
            position = variants.end_mark.index - 1
            comma = ", " if variants.value else ""
            return [_Edit(position, position, f"{comma}{_flow(schema)}")]
        column = variants.start_mark.column
        lines = _emit_items([schema], column)
        if before is not None:
            start = self.line_start(before.start_mark.index)
            if re.fullmatch(r" *- *", self.text[start : before.start_mark.index]):
                text = "".join(line + self.newline for line in lines)
                return [_Edit(start, start, text, rank=column)]
        position = self.line_end(self.content_end(variants))
        text = "".join(self.newline + line for line in lines)
        return [_Edit(position, position, text, rank=column)]

    def add_wrapper(self, fix: _Wrapper, created: dict[str, str]) -> list[_Edit]:
        """The spec's convention for a wrapped list: a `<Item>List` component, or inline."""
        edits: list[_Edit] = []
        own_ref = _scalar(_get(fix.variant, "$ref"))
        item_ref = None if own_ref else _scalar(_get(_get(fix.variant, "items"), "$ref"))
        prefix = "#/components/schemas/"
        item = item_ref[len(prefix) :] if item_ref and item_ref.startswith(prefix) else None
        schemas = self.resolve("#/components/schemas")
        item_pair = _get_pair(schemas, item) if item is not None else None
        expected: dict[str, object] = {
            "type": "object",
            "required": [fix.key],
            "properties": {fix.key: {"type": "array", "items": {"$ref": item_ref}}},
        }
        if schemas is not None and item_pair is not None and not schemas.flow_style:
            name = created.get(f"{item}/{fix.key}")
            suffixes = ["List", f"{fix.key.title()}List"] + [f"List{n}" for n in range(2, 100)]
            for suffix in suffixes if name is None else []:
                existing = _get(schemas, f"{item}{suffix}")
                if existing is None:
                    name = f"{item}{suffix}"
                    created[f"{item}/{fix.key}"] = name
                    column = item_pair[0].start_mark.column
                    start = self.line_start(item_pair[0].start_mark.index)
                    body = {**expected, "description": WRAPPED}
                    body = {key: body[key] for key in ("type", "description", *expected)}
                    lines = _emit_pairs([(name, body)], column)
                    text = "".join(line + self.newline for line in lines)
                    edits.append(_Edit(start, start, text, rank=column))
                    break
                if _same(_construct(existing), expected):
                    name = f"{item}{suffix}"
                    break
            if name is not None:
                schema: dict[str, object] = {"$ref": f"{prefix}{name}"}
                return edits + self.add_variant(fix.node, schema, before=fix.variant)
        data = {"$ref": own_ref} if own_ref else _construct(fix.variant)
        schema = {
            "type": "object",
            "description": WRAPPED,
            "required": [fix.key],
            "properties": {fix.key: data},
        }
        return self.add_variant(fix.node, schema, before=fix.variant)

    def insert_pairs(self, node: Node, pairs: list[tuple[str | _Raw, object]]) -> list[_Edit]:
        """`pairs` added at the end of the mapping `node`, block or flow."""
        if node.flow_style or not node.value:
            position = node.end_mark.index - 1
            if self.text[position : position + 1] != "}":
                return []
            comma = ", " if node.value else ""
            text = ", ".join(_flow_pair(key, value) for key, value in pairs)
            return [_Edit(position, position, comma + text)]
        column = node.value[0][0].start_mark.column
        position = self.line_end(self.content_end(node))
        text = "".join(self.newline + line for line in _emit_pairs(pairs, column))
        return [_Edit(position, position, text, rank=column)]

    def content_end(self, node: Node) -> int:
        """Where the last character of `node` is (block collections and block scalars end
        after trailing blank lines and comments)."""
        if node.id in ("mapping", "sequence") and not node.flow_style and node.value:
            last = node.value[-1]
            if node.id == "mapping":
                return max(self.content_end(last[0]), self.content_end(last[1]))
            return self.content_end(last)
        end = node.end_mark.index
        if node.id == "scalar" and node.style in ("|", ">"):
            while end > node.start_mark.index and self.text[end - 1].isspace():
                end -= 1
        return int(end)

    def line_end(self, index: int) -> int:
        end = self.text.find("\n", index)
        if end == -1:
            return len(self.text)
        return end - 1 if end > index and self.text[end - 1] == "\r" else end

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1


def _joint(description: str) -> str:
    """What goes between an existing description and a sentence added to it."""
    return " " if description.rstrip()[-1:] in (".", "!", "?", ":", ";", "") else ". "


def _construct(node: Node) -> Any:
    """The plain data of a spec node."""
    import yaml

    return yaml.constructor.SafeConstructor().construct_document(node)


def _same(existing: object, expected: dict[str, object]) -> bool:
    if not isinstance(existing, dict):
        return False
    return {key: value for key, value in existing.items() if key != "description"} == expected


def _apply(text: str, edits: list[_Edit]) -> str:
    """`edits` made to `text`; an edit that overlaps one kept before is left to the next
    round."""
    kept: list[_Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if all(not _overlap(edit, other) for other in kept):
            kept.append(edit)
    # Bottom-up, so positions stay valid. At one place: the less indented first, so the more
    # indented (inner) text ends up before it; at one indentation, in the order asked.
    order = sorted(enumerate(kept), key=lambda pair: (-pair[1].start, pair[1].rank, -pair[0]))
    for _, edit in order:
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _overlap(one: _Edit, other: _Edit) -> bool:
    if one.start == one.end and other.start == other.end:
        return False
    if one.start == one.end:
        return other.start < one.start < other.end
    if other.start == other.end:
        return one.start < other.start < one.end
    return one.start < other.end and other.start < one.end


# --- Writing YAML ------------------------------------------------------------------------


def _quote(text: str) -> str:
    """`text` as a double-quoted YAML scalar on one line, everything but printable ASCII
    escaped."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _text(value: str) -> str:
    plain = len(value) <= 64 and _PLAIN.fullmatch(value) and value.lower() not in _RESERVED
    return value if plain else _quote(value)


def _flow(value: object) -> str:
    if isinstance(value, _Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ", ".join(_flow_pair(key, item) for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if value is None:
        return "null"
    return _text(str(value))


def _flow_pair(key: str | _Raw, value: object) -> str:
    name = key.text if isinstance(key, _Raw) else _text(key)
    if len(name) > _MAX_SIMPLE_KEY:
        return f"? {name} : {_flow(value)}"
    return f"{name}: {_flow(value)}"


def _leaf(value: object) -> bool:
    """Whether `value` reads well in flow style: no nested mappings, no description."""
    if isinstance(value, dict):
        return (
            "description" not in value
            and all(
                not isinstance(item, dict | list) or (isinstance(item, list) and _leaf(item))
                for item in value.values()
            )
        ) or set(value) == {"$ref"}
    if isinstance(value, list):
        return all(not isinstance(item, dict | list) for item in value)
    return True


def _emit_pairs(pairs: Sequence[tuple[str | _Raw, object]], column: int) -> list[str]:
    """Block-mapping lines for `pairs`, keys at `column`."""
    pad = " " * column
    lines: list[str] = []
    for key, value in pairs:
        name = key.text if isinstance(key, _Raw) else _text(key)
        if len(name) > _MAX_SIMPLE_KEY:
            lines.append(f"{pad}? {name}")
            head = f"{pad}:"
        else:
            head = f"{pad}{name}:"
        inline = _flow(value)
        if (
            isinstance(value, dict)
            and value
            and (not _leaf(value) or len(head) + len(inline) >= _WIDTH)
        ):
            lines.append(head)
            lines += _emit_pairs(list(value.items()), column + 2)
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            lines.append(head)
            lines += _emit_items(value, column + 2)
        else:
            lines.append(f"{head} {inline}")
    return lines


def _emit_items(items: list[Any], column: int) -> list[str]:
    """Block-sequence lines for `items`, dashes at `column`."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            nested = _emit_pairs(list(item.items()), column + 2)
            nested[0] = " " * column + "- " + nested[0][column + 2 :]
            lines += nested
        else:
            lines.append(" " * column + "- " + _flow(item))
    return lines
