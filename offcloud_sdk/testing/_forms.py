"""Reading a request's fields the ways Offcloud's clients send them: JSON, form or multipart."""

from __future__ import annotations

import json
from email.message import Message
from email.parser import BytesParser
from typing import Any
from urllib.parse import parse_qsl

import httpx


def request_fields(request: httpx.Request) -> dict[str, Any]:
    """The body's fields; `name[]` and repeated form fields become lists, an uploaded file a
    (filename, bytes) tuple."""
    content_type = request.headers.get("content-type", "")
    body = request.content
    if "multipart/form-data" in content_type:
        return _multipart(content_type, body)
    if "application/x-www-form-urlencoded" in content_type:
        return _form(body.decode("utf-8", "replace"))
    if body.lstrip()[:1] == b"{":
        try:
            loaded = json.loads(body)
        except ValueError:
            return {}
        return loaded if isinstance(loaded, dict) else {}
    return {}


def _form(text: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, value in parse_qsl(text, keep_blank_values=True):
        if name.endswith("[]"):
            fields.setdefault(name[:-2], []).append(value)
        elif name in fields:
            existing = fields[name]
            fields[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            fields[name] = value
    return fields


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser().parsebytes(head + body)
    fields: dict[str, Any] = {}
    if not message.is_multipart():
        return fields
    for part in message.get_payload():
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        fields[name] = (filename, data) if filename else data.decode("utf-8", "replace")
    return fields
