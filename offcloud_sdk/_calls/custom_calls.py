"""`Offcloud.request()`: a call the spec does not have, sent through the same runner.

The call becomes an `Operation` like a generated one, so it gets the key, retries, error
mapping, logging and redaction. Its id is `"<METHOD> <path>"`; `retries.is_idempotent` reads
the method from it, so only GET, HEAD and OPTIONS are sent again after they may have arrived.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Protocol, Self, TypeVar
from urllib.parse import unquote

import httpx
from offcloud_api_client.api import Operation

from ..exceptions import InvalidArgumentError

METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})


class FromDict(Protocol):
    """A model built from a JSON object, as every generated model is."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model made from the answer's JSON object."""
        ...


M = TypeVar("M", bound=FromDict)


def custom_call(
    method: str,
    path: str,
    *,
    params: Mapping[str, Any] | None,
    json: object,
    data: Mapping[str, Any] | None,
    files: Any,
    cast_to: type[FromDict] | None,
) -> tuple[Operation[Any], dict[str, Any]]:
    """The operation and `httpx` request arguments of `Offcloud.request(...)`."""
    verb = method.upper() if isinstance(method, str) else ""
    if verb not in METHODS:
        raise InvalidArgumentError(f"method must be one of {', '.join(sorted(METHODS))}")
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        raise InvalidArgumentError(
            f"path must start with one '/' and is added to base_url, not {str(path)[:60]!r}"
        )
    if any(ord(c) < 0x21 or c in "#\x7f" for c in path):
        raise InvalidArgumentError("path must not hold spaces, control characters or '#'")
    if "?" in path:
        raise InvalidArgumentError("put the query in params=, not in the path")
    if any(unquote(segment) in (".", "..") for segment in path.split("/")):
        raise InvalidArgumentError("path must not hold '.' or '..' segments")
    for name, value in (("params", params), ("data", data)):
        if value is not None and not isinstance(value, Mapping):
            raise InvalidArgumentError(
                f"{name} must be a mapping (a dict), not {type(value).__name__}"
            )
    if json is not None and data is not None:
        raise InvalidArgumentError("pass json= or data=, not both")
    if files is not None:
        _check_files(files)
    if cast_to is not None and not (
        isinstance(cast_to, type) and callable(getattr(cast_to, "from_dict", None))
    ):
        raise InvalidArgumentError(
            "cast_to must be a model class with from_dict (a generated model)"
        )
    request: dict[str, Any] = {"method": verb, "url": path}
    for name, part in (("params", params), ("json", json), ("data", data), ("files", files)):
        if part is not None:
            request[name] = part
    parse = _json_or_text if cast_to is None else _model_parser(cast_to)
    operation: Operation[Any] = Operation(
        id=f"{verb} {path}", tag="request", method=verb, path=path, parse=parse
    )
    return operation, request


def _check_files(files: object) -> None:
    """Refuse `files` httpx would fail on only while sending (it reads them lazily)."""
    if isinstance(files, Mapping):
        items: list[object] = list(files.items())
    elif isinstance(files, list | tuple):
        items = list(files)
    else:
        raise InvalidArgumentError("files must be a mapping or a list of (name, file) pairs")
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            raise InvalidArgumentError("files must be a mapping or a list of (name, file) pairs")
        value = item[1]
        content = value[1] if isinstance(value, tuple) and len(value) >= 2 else value
        if not (isinstance(content, str | bytes) or hasattr(content, "read")):
            raise InvalidArgumentError(
                f"files[{item[0][:40]!r}] must be bytes, text, a binary file or a "
                "(filename, content[, content_type]) tuple"
            )


def _json_or_text(response: httpx.Response) -> Any:
    """The decoded JSON of a 2xx answer, or its text when it is not JSON."""
    if not 200 <= response.status_code < 300:
        raise ValueError(f"HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError:
        return response.text


@cache  # one parser per model, so the checkers cached per parser stay few
def _model_parser(model: type[FromDict]) -> Callable[[httpx.Response], Any]:
    def parse(response: httpx.Response) -> Any:
        if not 200 <= response.status_code < 300:
            raise ValueError(f"HTTP {response.status_code}")
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected {model.__name__}, got {type(data).__name__}")
        try:
            return model.from_dict(data)
        except Exception as exc:  # a user's model may raise anything: reported as a bad answer
            raise ValueError(f"{model.__name__}.from_dict: {type(exc).__name__}: {exc}") from None

    parse.__annotations__ = {"response": httpx.Response, "return": model}
    return parse
