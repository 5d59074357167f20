"""The spec as the doctor reads it: the shipped `openapi/offcloud.yaml` (or another one), each
operation's response schemas, a JSON Schema validator over the whole document, and the known
values the descriptions list.

The validator is Draft 2020-12 (what OpenAPI 3.1 uses) with every `$ref` of the document made
absolute (`urn:offcloud-sdk:spec#/components/schemas/…`) and the document registered under that
URI with `referencing`, so any schema of the spec, however deep, validates on its own. One
change to the draft: `integer` means a JSON number written without a fraction (`12099016`, not
`12099016.0`), as the generated models read it; JSON Schema would take both.

**Known values.** The spec never closes a string with `enum` (a new word must not break
parsing); it lists the words it knows in descriptions, and those are the lists the doctor holds
values against, only for the fields whose description lists them:

- an object's description naming the field: "Known `status` words: `created`, `queued`, …;
  `fragile` has been seen too." or "`status` is `created`, `downloading`, `downloaded` or
  `error` (plus other words, see `RequestStatus`)." or "`not_available` is one of `premium`,
  `links`, …" — every backticked word up to the end of the sentence (a `.` outside backticks
  followed by a space or the end), two words at least for the "is" form;
- a field's own description: "Known words: `a`, `b`." or "One of `a`, `b`.";
- a reference, in either: "See `RequestStatus` for the known words." or "see `RequestStatus`"
  inside a list: the words that schema lists for the same field are added.

Lists given as examples ("e.g. `ftp`, `gdrive`", "`up` when usable") are not known values:
they say what a value may look like, not which values there are.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from ..exceptions import InvalidArgumentError, MissingDependencyError

EXTRA = 'pip install "offcloud-sdk[cli]"'
SPEC_URI = "urn:offcloud-sdk:spec"
"""The URI the spec document is registered under; every `$ref` is made absolute to it."""
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_PACKAGES = {"yaml": "PyYAML", "jsonschema": "jsonschema", "referencing": "jsonschema"}


def need(module: str) -> ModuleType:
    """`module`, imported, or `MissingDependencyError` saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".", 1)[0]
        package = _PACKAGES.get(top, top)
        error = MissingDependencyError(
            f"offcloud doctor needs {package}, which is not installed: {EXTRA} (the library "
            "itself does not need it)"
        )
        error.name = top
        raise error from None


class Spec:
    """An OpenAPI document the doctor holds answers against.

    `Spec.load()` reads the spec shipped with the SDK, `Spec.load(path)` another one (a newer
    `openapi/offcloud.yaml`); `Spec(text, source)` takes the text itself. A text that is not an
    OpenAPI document with `paths` is an `InvalidArgumentError`; without `PyYAML` and
    `jsonschema` a `MissingDependencyError`.
    """

    def __init__(self, text: str, source: str = "<text>") -> None:
        yaml = need("yaml")
        jsonschema = need("jsonschema")
        need("jsonschema.validators")
        referencing = need("referencing")
        drafts = need("referencing.jsonschema")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            document = yaml.load(text, Loader=loader)
        except yaml.YAMLError as exc:
            raise InvalidArgumentError(f"{source}: not a YAML document ({exc})") from None
        if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
            raise InvalidArgumentError(f"{source}: not an OpenAPI document (it has no `paths`)")
        self.text: str = text
        """The document as written (what a patch changes)."""
        self.source: str = source
        """Where the document came from: a path, or `<text>`."""
        self._document: dict[str, Any] = _absolute(document)
        self._operations: dict[str, dict[str, Any]] = dict(_operations(self._document))
        resource = drafts.DRAFT202012.create_resource(self._document)
        self._registry: Any = referencing.Registry().with_resource(SPEC_URI, resource)
        base = jsonschema.Draft202012Validator
        checker = base.TYPE_CHECKER.redefine("integer", _is_integer)
        self._validator_class: Any = jsonschema.validators.extend(base, type_checker=checker)
        self._validators: dict[int, Any] = {}
        self._known: dict[tuple[int, str], frozenset[str] | None] = {}

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Spec:
        """The spec at `path`, or the one shipped with the SDK when None."""
        if path is None:
            text, source = shipped_spec()
            return cls(text, source)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise InvalidArgumentError(
                f"{os.fspath(path)}: cannot read the spec: {reason}"
            ) from None
        return cls(text, os.fspath(path))

    def __repr__(self) -> str:
        return f"Spec(source={self.source!r}, operations={len(self._operations)})"

    # -- operations and responses --------------------------------------------------------------

    def has(self, operation: str) -> bool:
        """Whether the spec has an operation with this operationId."""
        return operation in self._operations

    def statuses(self, operation: str) -> tuple[str, ...]:
        """The status codes the spec lists for `operation` (`"200"`, `"4XX"`, `"default"`…)."""
        responses = self._operations.get(operation, {}).get("responses")
        return tuple(str(key) for key in responses) if isinstance(responses, dict) else ()

    def response(self, operation: str, status: int) -> dict[str, Any] | None:
        """The response object the spec gives `operation` for `status` (its own code first,
        then `4XX`-style ranges, then `default`), or None when it lists none."""
        responses = self._operations.get(operation, {}).get("responses")
        if not isinstance(responses, dict):
            return None
        by_key = {str(key).upper(): value for key, value in responses.items()}
        for key in (str(status), f"{status // 100}XX", "DEFAULT"):
            if key in by_key and isinstance(by_key[key], dict):
                return self.resolve(by_key[key])[0]
        return None

    def resolve(self, node: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """`node` with its `$ref`s followed, and the name of the component schema it led to
        (None when it was not one)."""
        name = None
        for _ in range(64):
            ref = node.get("$ref")
            if not isinstance(ref, str):
                return node, name
            pointer = ref.removeprefix(SPEC_URI)
            if not pointer.startswith("#/"):
                raise InvalidArgumentError(f"{self.source}: cannot follow the reference {ref!r}")
            target: Any = self._document
            parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer[2:].split("/")]
            for part in parts:
                if isinstance(target, dict) and part in target:
                    target = target[part]
                elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                    target = target[int(part)]
                else:
                    raise InvalidArgumentError(
                        f"{self.source}: the reference {ref!r} leads nowhere"
                    )
            if not isinstance(target, dict):
                raise InvalidArgumentError(f"{self.source}: {ref!r} is not a schema")
            name = parts[-1] if parts[:2] == ["components", "schemas"] and len(parts) == 3 else None
            node = target
        raise InvalidArgumentError(f"{self.source}: references go round in circles")

    # -- validation ----------------------------------------------------------------------------

    def errors(self, schema: dict[str, Any], instance: object) -> list[Any]:
        """The `jsonschema` errors of `instance` against `schema` (empty when it is valid)."""
        try:
            return list(self._validator(schema).iter_errors(instance))
        except RecursionError:
            raise
        except Exception as exc:  # an unresolvable reference, a schema that is not one
            raise InvalidArgumentError(
                f"{self.source}: a schema of the spec cannot be used ({type(exc).__name__}: "
                f"{str(exc)[:200]})"
            ) from None

    def is_valid(self, schema: dict[str, Any], instance: object) -> bool:
        """Whether `instance` is valid against `schema`."""
        return not self.errors(schema, instance)

    def _validator(self, schema: dict[str, Any]) -> Any:
        made = self._validators.get(id(schema))
        if made is None:
            made = self._validator_class(schema, registry=self._registry)
            self._validators[id(schema)] = made
        return made

    # -- known values --------------------------------------------------------------------------

    def known_values(self, owner: dict[str, Any], field: str) -> frozenset[str] | None:
        """The values the descriptions list for `field` of the object schema `owner`, or None
        when they list none (see the module's docstring for the phrasings read)."""
        return self._known_values(owner, field, depth=0)

    def _known_values(
        self, owner: dict[str, Any], field: str, *, depth: int
    ) -> frozenset[str] | None:
        key = (id(owner), field)
        if key in self._known:
            return self._known[key]
        self._known[key] = None  # a reference back to this one adds nothing
        values: set[str] = set()
        references: list[str] = []
        found = False
        listed = field_lists(_text(owner.get("description")))
        if field in listed:
            found = True
            values |= listed[field][0]
            references += listed[field][1]
        properties = owner.get("properties")
        declared = properties.get(field) if isinstance(properties, dict) else None
        if isinstance(declared, dict):
            own = own_list(_text(self.resolve(declared)[0].get("description")))
            if own is not None:
                found = True
                values |= own[0]
                references += own[1]
        for name in references if depth < 8 else ():
            schemas = self._document.get("components", {}).get("schemas", {})
            target = schemas.get(name) if isinstance(schemas, dict) else None
            if isinstance(target, dict):
                more = self._known_values(self.resolve(target)[0], field, depth=depth + 1)
                values |= more or set()
        known = frozenset(values) if found and values else None
        self._known[key] = known
        return known


def shipped_spec() -> tuple[str, str]:
    """The text of the spec shipped with the SDK, and where it was read: the wheel's copy
    (`offcloud_sdk/_doctor/offcloud.yaml`), or the checkout's `openapi/offcloud.yaml` when
    running from the source tree."""
    from importlib import resources

    try:
        shipped = resources.files(__package__ or "offcloud_sdk._doctor").joinpath("offcloud.yaml")
        if shipped.is_file():
            return shipped.read_text(encoding="utf-8"), str(shipped)
    except (OSError, ModuleNotFoundError):
        pass
    checkout = Path(__file__).resolve().parents[2] / "openapi" / "offcloud.yaml"
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8"), str(checkout)
    raise MissingDependencyError(
        "the spec (offcloud.yaml) is missing from this installation of offcloud-sdk: reinstall "
        "it, or give a spec with --spec (Spec.load(path))"
    )


# -- reading the document ----------------------------------------------------------------------


def _absolute(node: Any) -> Any:
    """A copy of `node` with every local `$ref` (`#/…`) made absolute to `SPEC_URI`."""
    if isinstance(node, dict):
        return {
            str(key): (
                SPEC_URI + value
                if key == "$ref" and isinstance(value, str) and value.startswith("#")
                else _absolute(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_absolute(item) for item in node]
    return node


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in document["paths"].values():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and isinstance(operation.get("operationId"), str):
                yield operation["operationId"], operation


def _is_integer(checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


# -- known values in descriptions ---------------------------------------------------------------

_FIELD_KNOWN = re.compile(r"\bKnown\s+`(?P<field>[^`\s]+)`\s+(?:words|values)\s*:", re.IGNORECASE)
_FIELD_IS = re.compile(r"`(?P<field>[^`\s]+)`\s+(?:is|are)\s+(?:one\s+of\s+)?(?=`)", re.IGNORECASE)
_OWN = re.compile(r"\b(?:Known\s+(?:words|values)\s*:|One\s+of\s*:?)\s*(?=`)", re.IGNORECASE)
_SEE_FOR = re.compile(
    r"\bSee\s+`(?P<schema>[A-Za-z_][\w.-]*)`\s+for\s+the\s+known\s+(?:words|values)",
    re.IGNORECASE,
)
_SEE = re.compile(r"\bsee\s+`(?P<schema>[A-Za-z_][\w.-]*)`", re.IGNORECASE)
_QUOTED = re.compile(r"`([^`]+)`")
Listed = tuple[frozenset[str], tuple[str, ...]]
"""Values a description lists, and the schemas it refers to for more."""


def field_lists(description: str) -> dict[str, Listed]:
    """The fields an object's description lists values for: `Known `f` words: …` and
    `` `f` is `a`, `b` or `c` `` (two values at least, or a reference)."""
    found: dict[str, Listed] = {}
    for pattern, least in ((_FIELD_KNOWN, 1), (_FIELD_IS, 2)):
        for match in pattern.finditer(description):
            values, references = _listed(_sentence(description, match.end()))
            if len(values) >= least or references:
                field = match["field"]
                before = found.get(field, (frozenset(), ()))
                found[field] = (before[0] | values, before[1] + references)
    return found


def own_list(description: str) -> Listed | None:
    """The values a field's own description lists (`Known words: …`, `One of …`, `See `X` for
    the known words`), or None."""
    values: frozenset[str] = frozenset()
    references: tuple[str, ...] = ()
    found = False
    for match in _OWN.finditer(description):
        more, refs = _listed(_sentence(description, match.end()))
        values, references, found = values | more, references + refs, True
    for match in _SEE_FOR.finditer(description):
        references, found = (*references, match["schema"]), True
    return (values, references) if found else None


def _sentence(text: str, start: int) -> str:
    """`text` from `start` to the end of its sentence: a `.` outside backticks followed by
    whitespace or the end."""
    quoted = False
    for index in range(start, len(text)):
        char = text[index]
        if char == "`":
            quoted = not quoted
        elif char == "." and not quoted and (index + 1 == len(text) or text[index + 1].isspace()):
            return text[start:index]
    return text[start:]


def _listed(span: str) -> Listed:
    references = tuple(match["schema"] for match in _SEE.finditer(span))
    values = frozenset(value.strip() for value in _QUOTED.findall(_SEE.sub("", span)))
    return frozenset(value for value in values if value), references
