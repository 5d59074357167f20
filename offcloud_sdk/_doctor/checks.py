"""Holding one answer against the spec: the verdict, what differs and what is new.

`capture` reads an answer as it came (the key masked in its text and its JSON); `judge` finds
the schema the spec gives the operation for that status and content type, validates the body
with it (`Spec.errors`), names each difference by its JSON path, walks the answer beside the
schema for fields the schema does not declare and words outside the known ones, and decides:

- `refused`: the SDK raised an `HTTPError` for it (an error status, an `{"error": …}` or
  `{"not_available": …}` body), or the body matched only the spec's error bodies
  (`x-offcloud-error`, such as `{}` from a classic call without a session). It is `specified`
  when the spec lists that answer (the status, the content type, the body's schema);
- `drift`: the body differs from the schema, is not JSON where JSON is listed, or came with a
  content type the spec does not list;
- `match`: none of that. New fields, values and status codes are listed either way.

An `anyOf`/`oneOf` that no variant matches is explained through the variant that comes closest
(the one of the answer's JSON type that declares most of its keys), so a mistyped field is
named where it is (`status.fileSize`), and an answer that is none of the shapes (a list wrapped
in `{"data": …}`) is named as that.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

import httpx

from .._calls.redaction import is_secret_name, redact
from ..exceptions import HTTPError, OffcloudError, UnexpectedResponseError
from .json_types import json_type as _json_type
from .masking import is_personal_name, mask_text
from .report import Answer, Check, Finding, FindingKind, inert
from .spec import Spec

MAX_FINDINGS = 50
"""Findings kept per operation; the same finding on every item of a list counts once."""
MAX_DEPTH = 200
"""JSON nested deeper than this is not read (nothing Offcloud sends comes close)."""
EXCERPT = 40
WORDS = 200
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# -- reading an answer -------------------------------------------------------------------------


def capture(response: httpx.Response | None, secrets: Sequence[str]) -> Answer | None:
    """The answer `response` holds, its text and JSON with `secrets` masked (None without one)."""
    if response is None:
        return None
    try:
        content = response.content
    except (httpx.ResponseNotRead, httpx.StreamError):
        content = b""
    media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError, httpx.ResponseNotRead, httpx.StreamError):
        text = content.decode("utf-8", "replace")
    parsed, is_json = _json(content)
    if is_json:
        parsed = scrub(parsed, secrets)
    return Answer(response.status_code, media, redact(text, secrets), parsed, is_json)


def _json(content: bytes) -> tuple[object, bool]:
    if not content.strip():
        return None, False
    try:
        parsed = json.loads(content, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return None, False
    return (parsed, True) if _depth(parsed) <= MAX_DEPTH else (None, False)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _depth(value: object) -> int:
    deepest = 0
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        if isinstance(node, dict):
            stack += [(item, depth + 1) for item in node.values()]
        elif isinstance(node, list):
            stack += [(item, depth + 1) for item in node]
    return deepest


def scrub(value: object, secrets: Sequence[str]) -> object:
    """`value` (parsed JSON) with `secrets` masked in every key and string."""
    if not secrets:
        return value
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, list):
        return [scrub(item, secrets) for item in value]
    if isinstance(value, dict):
        return {redact(str(k), secrets): scrub(v, secrets) for k, v in value.items()}
    return value


# -- the verdict -------------------------------------------------------------------------------


def judge(
    spec: Spec,
    operation: str,
    answer: Answer | None,
    error: OffcloudError | None,
    secrets: Sequence[str] = (),
) -> Check:
    """What `answer` (and the `error` the SDK raised for it, if any) says about `operation`."""
    if answer is None:  # an error without an answer to read: a body that could not be decoded
        message = _message(error, secrets) if error is not None else "no answer"
        problem = Finding("not_json", "", "an answer that could not be read", "JSON")
        return Check(operation, "drift", reason=message, problems=(problem,))
    problems: list[Finding] = []
    new: list[Finding] = []
    response = spec.response(operation, answer.status)
    if response is None:
        listed = ", ".join(spec.statuses(operation)) or "none"
        new.append(
            Finding("new_status", "", f"HTTP {answer.status}", f"{operation} lists {listed}")
        )
    schema, instance = _schema(response, answer, problems)
    error_body = False
    if schema is not None:
        problems += _differences(spec, schema, instance, secrets)
        walker = _Walker(spec, secrets)
        walker.walk(instance, schema, ())
        new += walker.found
        error_body = not problems and _is_error_body(spec, schema, instance)
    problems, new = _kept(problems), _kept(new)
    common: dict[str, Any] = {
        "status": answer.status,
        "content_type": answer.content_type,
        "problems": tuple(problems),
        "new": tuple(new),
        "answer": answer,
    }
    if isinstance(error, HTTPError) or error_body:
        specified = response is not None and not problems
        words = _words(answer, error, secrets)
        return Check(operation, "refused", reason=words, specified=specified, **common)
    reason = _message(error, secrets) if error is not None else ""
    if isinstance(error, UnexpectedResponseError) and not problems:
        problems.append(Finding("not_json", "", _text_excerpt(answer), "an answer it can read"))
        common["problems"] = tuple(problems)
    return Check(operation, "drift" if problems else "match", reason=reason, **common)


def _schema(
    response: dict[str, Any] | None, answer: Answer, problems: list[Finding]
) -> tuple[dict[str, Any] | None, object]:
    """The schema to hold the answer against and what to hold against it (the JSON, or the
    text for a text media type); a content type or body the spec does not list goes to
    `problems`."""
    instance: object = answer.json if answer.is_json else answer.text
    content = response.get("content") if response is not None else None
    if not isinstance(content, dict) or not content:
        return None, instance
    media = {str(key).lower(): value for key, value in content.items() if isinstance(value, dict)}
    key = _media_key(answer.content_type, media)
    if key is None:
        shown = answer.content_type or "no content type"
        problems.append(Finding("content_type", "", shown, " or ".join(media) or "no content"))
        key = next((k for k in media if _is_json_media(k) == answer.is_json), None)
        if key is None:
            key = next(iter(media), None)
        if key is None:
            return None, instance
    if _is_json_media(key) or (key.endswith("/*") and answer.is_json):
        if not answer.is_json:
            problems.append(Finding("not_json", "", _text_excerpt(answer), f"JSON ({key})"))
            return None, instance
        instance = answer.json
    else:
        instance = answer.text
    schema = media[key].get("schema")
    return (schema if isinstance(schema, dict) else None), instance


def _media_key(content_type: str, media: dict[str, Any]) -> str | None:
    if content_type in media:
        return content_type
    kind = content_type.split("/", 1)[0]
    for key in (f"{kind}/*", "*/*"):
        if content_type and key in media:
            return key
    return None


def _is_json_media(media: str) -> bool:
    return media == "application/json" or media.endswith("+json")


def _is_error_body(spec: Spec, schema: dict[str, Any], instance: object) -> bool:
    """Whether `instance` matches only the spec's error bodies (`x-offcloud-error`)."""
    resolved, _ = spec.resolve(schema)
    if resolved.get("x-offcloud-error"):
        return True
    for key in ("anyOf", "oneOf"):
        branches = resolved.get(key)
        if isinstance(branches, list):
            fitting = [b for b in branches if isinstance(b, dict) and spec.is_valid(b, instance)]
            return bool(fitting) and all(
                spec.resolve(b)[0].get("x-offcloud-error") for b in fitting
            )
    return False


def _words(answer: Answer, error: OffcloudError | None, secrets: Sequence[str]) -> str:
    """Offcloud's words for a refusal."""
    body = answer.json if answer.is_json else None
    words: str | None = None
    if isinstance(body, dict):
        if "not_available" in body:
            words = f"not available: {_plain(body['not_available'])}"
        elif "error" in body:
            words = _plain(body["error"])
            description = body.get("error_description")
            if isinstance(description, str) and description:
                words = f"{words}: {description}"
        elif not body:
            words = "an empty object (what classic calls answer when not authorised)"
    if words is None:
        if answer.text.strip() or error is None:
            words = _text_excerpt(answer)
        else:
            words = _message(error, secrets)
    if answer.status >= 300:
        words = f"HTTP {answer.status}: {words}"
    return _short(mask_text(redact(words, secrets)), WORDS)


def _plain(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=True)


def _message(error: OffcloudError, secrets: Sequence[str]) -> str:
    return _short(redact(error.message, secrets), WORDS)


def _short(text: str, length: int) -> str:
    text = inert(" ".join(text.split()))
    return text if len(text) <= length else text[: length - 1] + "…"


def _text_excerpt(answer: Answer) -> str:
    """The start of a body, for a finding: its content type and first characters (e-mail and
    IP addresses in them masked)."""
    shown = answer.content_type or "no content type"
    start = _short(mask_text(answer.text[:400]), 60) if answer.text.strip() else "an empty body"
    return f"{shown}: {start}"


def _kept(findings: Iterable[Finding]) -> list[Finding]:
    """`findings` without repeats (the same finding on every item of a list), at most
    `MAX_FINDINGS`."""
    seen: set[tuple[str, ...]] = set()
    kept: list[Finding] = []
    for finding in findings:
        key = _identity(finding)
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept[:MAX_FINDINGS]


def _identity(finding: Finding) -> tuple[str, ...]:
    """What makes a finding another one: its kind, its path with the list positions left out,
    the type that arrived (the value, for a new value) and what the spec says."""
    general = re.sub(r"\[\d+\]", "[]", finding.path)
    detail = finding.arrived if finding.kind == "new_value" else finding.arrived.split(" ")[0]
    return (finding.kind, general, detail, finding.expected)


# -- differences: jsonschema's errors as findings ------------------------------------------------


def _differences(
    spec: Spec, schema: dict[str, Any], instance: object, secrets: Sequence[str]
) -> list[Finding]:
    found: list[Finding] = []
    for error in spec.errors(schema, instance):
        for leaf in _leaves(spec, error):
            found += _findings(spec, leaf, secrets)
    return found


def _leaves(spec: Spec, error: Any) -> list[Any]:
    """The errors that say what is wrong: for an `anyOf`/`oneOf` no variant matched, those of
    the closest variant (or the error itself when no variant comes close)."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    by_branch: dict[int, list[Any]] = {}
    for sub in error.context:
        by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    branches = error.validator_value
    base = len(error.absolute_path)

    def score(item: tuple[int, list[Any]]) -> tuple[bool, int, int, int]:
        index, errors = item
        at_top = any(e.validator == "type" and len(e.absolute_path) == base for e in errors)
        deepest = max(len(e.absolute_path) for e in errors)
        return (at_top, -_overlap(spec, branches[index], error.instance), -deepest, len(errors))

    index, best = min(by_branch.items(), key=score)
    shallow = all(
        len(e.absolute_path) == base and e.validator in ("type", "required") for e in best
    )
    if shallow and _overlap(spec, branches[index], error.instance) == 0:
        return [error]  # no variant comes close: the answer has none of the shapes
    return [leaf for sub in best for leaf in _leaves(spec, sub)]


def _overlap(spec: Spec, schema: object, instance: object) -> int:
    """How many keys of `instance` the object schema `schema` declares."""
    if not isinstance(instance, dict) or not isinstance(schema, dict):
        return 0
    return len(set(instance) & _declared(spec, schema, depth=0))


def _declared(spec: Spec, schema: dict[str, Any], *, depth: int) -> set[str]:
    resolved, _ = spec.resolve(schema)
    names = set(resolved.get("properties") or {})
    for part in resolved.get("allOf") or () if depth < 8 else ():
        if isinstance(part, dict):
            names |= _declared(spec, part, depth=depth + 1)
    return names


def _findings(spec: Spec, error: Any, secrets: Sequence[str]) -> list[Finding]:
    parts = tuple(error.absolute_path)
    path = json_path(parts, secrets)
    kind: FindingKind
    if error.validator == "type":
        return [Finding("wrong_type", path, arrived(error.instance, parts, secrets), _types(error))]
    if error.validator == "required" and isinstance(error.instance, dict):
        found = []
        for name in error.validator_value:
            if isinstance(name, str) and name not in error.instance:
                declared = _property(spec, error.schema, name, depth=0)
                expected = describe(spec, declared) if declared is not None else "a value"
                where = json_path((*parts, name), secrets)
                found.append(Finding("missing_field", where, "nothing", expected))
        return found
    if error.validator in ("anyOf", "oneOf"):
        variants = " | ".join(describe(spec, branch) for branch in error.validator_value)
        if error.validator == "oneOf" and not error.context:
            variants = f"exactly one of {variants}"
        kind = "wrong_shape"
        return [Finding(kind, path, arrived(error.instance, parts, secrets), variants)]
    rule = json.dumps(error.validator_value, ensure_ascii=True, default=str)
    expected = f"{error.validator} {_short(rule, 60)}"
    return [Finding("broken_rule", path, arrived(error.instance, parts, secrets), expected)]


def _property(spec: Spec, schema: object, name: str, *, depth: int) -> dict[str, Any] | None:
    """The schema an object schema (or one of its `allOf` parts) declares for `name`."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    resolved, _ = spec.resolve(schema)
    properties = resolved.get("properties")
    if isinstance(properties, dict) and isinstance(properties.get(name), dict):
        found: dict[str, Any] = properties[name]
        return found
    for part in resolved.get("allOf") or ():
        declared = _property(spec, part, name, depth=depth + 1)
        if declared is not None:
            return declared
    return None


def _types(error: Any) -> str:
    declared = error.validator_value
    names = declared if isinstance(declared, list) else [declared]
    return " | ".join(str(name) for name in names)


def describe(spec: Spec, schema: object, *, depth: int = 0) -> str:
    """A schema in a few words: its component name, its types, `array of X`."""
    if not isinstance(schema, dict):
        return "anything"
    resolved, name = spec.resolve(schema)
    if name is not None:
        return name
    if depth > 3:
        return "…"
    for key in ("anyOf", "oneOf"):
        branches = resolved.get(key)
        if isinstance(branches, list):
            return " | ".join(describe(spec, b, depth=depth + 1) for b in branches)
    kind = resolved.get("type")
    if kind == "array":
        return f"array of {describe(spec, resolved.get('items'), depth=depth + 1)}"
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    if isinstance(kind, str):
        return kind
    return "anything"


# -- what is new: a walk beside the schema --------------------------------------------------------


class _Walker:
    """Walks an answer beside its schema; `found` gets the fields the schema does not declare
    and the values outside a field's known ones."""

    def __init__(self, spec: Spec, secrets: Sequence[str]) -> None:
        self.spec = spec
        self.secrets = secrets
        self.found: list[Finding] = []
        self._seen: set[tuple[str, ...]] = set()

    def add(self, finding: Finding) -> None:
        """Keep `finding` unless it repeats one found already (on another item of a list)."""
        key = _identity(finding)
        if key not in self._seen and len(self.found) < MAX_FINDINGS:
            self._seen.add(key)
            self.found.append(finding)

    def walk(self, instance: object, schema: object, path: tuple[str | int, ...]) -> None:
        if not isinstance(schema, dict):
            return
        parts = self._parts(instance, schema, depth=0)
        if isinstance(instance, dict):
            self._object(instance, parts, path)
        elif isinstance(instance, list):
            for part, _ in parts:
                items, prefix = part.get("items"), part.get("prefixItems")
                for index, item in enumerate(instance):
                    if isinstance(prefix, list) and index < len(prefix):
                        self.walk(item, prefix[index], (*path, index))
                    elif isinstance(items, dict):
                        self.walk(item, items, (*path, index))

    def _object(
        self,
        instance: dict[str, Any],
        parts: list[tuple[dict[str, Any], str | None]],
        path: tuple[str | int, ...],
    ) -> None:
        declared: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        patterns: list[tuple[str, dict[str, Any]]] = []
        extra: list[dict[str, Any]] = []
        closed_by_properties = False
        open_ = False
        owners = []
        for part, name in parts:
            properties = part.get("properties")
            if isinstance(properties, dict):
                closed_by_properties = True
                owners.append(name or "object")
                for key, prop in properties.items():
                    if isinstance(prop, dict):
                        declared.setdefault(str(key), []).append((part, prop))
            pattern_properties = part.get("patternProperties")
            if isinstance(pattern_properties, dict):
                patterns += [
                    (str(p), s) for p, s in pattern_properties.items() if isinstance(s, dict)
                ]
            additional = part.get("additionalProperties")
            if additional is True:
                open_ = True
            elif isinstance(additional, dict):
                extra.append(additional)
        for key, value in instance.items():
            here = (*path, key)
            if key in declared:
                for owner, prop in declared[key]:
                    self._value(owner, key, value, here)
                    self.walk(value, prop, here)
                continue
            matched = [s for p, s in patterns if _search(p, key)]
            for schema in matched or extra:
                self.walk(value, schema, here)
            if matched or extra or open_ or not closed_by_properties:
                continue
            names = ", ".join(dict.fromkeys(owners))
            self.add(
                Finding(
                    "new_field",
                    json_path(here, self.secrets),
                    arrived(value, here, self.secrets),
                    f"{names} does not declare it",
                )
            )

    def _value(
        self, owner: dict[str, Any], key: str, value: object, path: tuple[str | int, ...]
    ) -> None:
        if not isinstance(value, str):
            return
        known = self.spec.known_values(owner, key)
        if known is not None and value not in known:
            listed = ", ".join(sorted(known))
            self.add(
                Finding(
                    "new_value",
                    json_path(path, self.secrets),
                    arrived(value, path, self.secrets),
                    f"the known {key} values are {listed}",
                )
            )

    def _parts(
        self, instance: object, schema: dict[str, Any], *, depth: int
    ) -> list[tuple[dict[str, Any], str | None]]:
        """The schemas that apply to `instance`: `schema`, its `allOf` parts, and the
        `anyOf`/`oneOf` variant it matches (or comes closest to), each resolved."""
        resolved, name = self.spec.resolve(schema)
        found = [(resolved, name)]
        if depth > 16:
            return found
        for part in resolved.get("allOf") or ():
            if isinstance(part, dict):
                found += self._parts(instance, part, depth=depth + 1)
        for key in ("anyOf", "oneOf"):
            branches = resolved.get(key)
            if isinstance(branches, list):
                chosen = self._pick(instance, [b for b in branches if isinstance(b, dict)])
                if chosen is not None:
                    found += self._parts(instance, chosen, depth=depth + 1)
        return found

    def _pick(self, instance: object, branches: list[dict[str, Any]]) -> dict[str, Any] | None:
        valid = [b for b in branches if self.spec.is_valid(b, instance)]
        # else the closest: of the answer's type, and for an object declaring some of its keys
        pool = valid or [
            b
            for b in branches
            if self._fits(b, instance)
            and (not isinstance(instance, dict) or _overlap(self.spec, b, instance))
        ]
        if not pool:
            return None
        return max(pool, key=lambda b: _overlap(self.spec, b, instance))

    def _fits(self, schema: dict[str, Any], instance: object) -> bool:
        kind = self.spec.resolve(schema)[0].get("type")
        if kind is None:
            return True
        kinds = kind if isinstance(kind, list) else [kind]
        here = json_type(instance)
        return here in kinds or (here == "integer" and "number" in kinds)


def _search(pattern: str, key: str) -> bool:
    try:
        return re.search(pattern, key) is not None
    except re.error:
        return False


# -- how values and paths are shown ----------------------------------------------------------------


def json_type(value: object) -> str:
    """The JSON type of a parsed value: `null`, `boolean`, `integer`, `number`, `string`,
    `array` or `object` (a Python type's name for anything else)."""
    return _json_type(value) or type(value).__name__


def arrived(value: object, path: Sequence[str | int], secrets: Sequence[str]) -> str:
    """What arrived: its JSON type and a short, escaped excerpt, the key masked; only the type
    for a value under a secret or personal field name."""
    kind = json_type(value)
    last = next((part for part in reversed(path) if isinstance(part, str)), "")
    if last and (is_secret_name(last) or is_personal_name(last)) and value is not None:
        return f"{kind} (masked)"
    if isinstance(value, dict):
        if not value:
            return "an empty object"
        keys = ", ".join(_key(str(k), secrets) for k in list(value)[:6])
        return f"object with keys {keys}{', …' if len(value) > 6 else ''}"
    if isinstance(value, list):
        count = len(value)
        return f"array of {count} item{'' if count == 1 else 's'}"
    if value is None:
        return "null"
    text = json.dumps(value, ensure_ascii=True)
    text = redact(text, secrets)
    if len(text) > EXCERPT:
        text = text[: EXCERPT - 1] + "…"
    return f"{kind} {text}"


def json_path(parts: Iterable[object], secrets: Sequence[str] = ()) -> str:
    """`("requests", 0, "fileSize")` as `requests[0].fileSize`; `""` for the root. Keys that are
    not plain names are quoted: `["odd key"]`."""
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _IDENTIFIER.fullmatch(str(part)):
            path += f".{part}" if path else str(part)
        else:
            path += f"[{_key(str(part), secrets)}]"
    return path


def _key(key: str, secrets: Sequence[str]) -> str:
    shown = json.dumps(redact(key, secrets), ensure_ascii=True)
    return shown if len(shown) <= EXCERPT else shown[: EXCERPT - 1] + "…"
