"""Offcloud's storage hosts as the fake serves them: whole files, byte ranges (with `If-Range`),
HEAD, and the validators (`ETag`, `Last-Modified`) a web server sends with a static file."""

from __future__ import annotations

from urllib.parse import quote

import httpx

from ._answer import Answer
from ._content import FakeFile

LAST_MODIFIED = "Sun, 01 Mar 2026 10:00:00 GMT"


def file_answer(request: httpx.Request, file: FakeFile) -> Answer:
    """A file, whole or the byte range asked for, as Offcloud's storage hosts serve it."""
    headers = {
        "Content-Type": "application/octet-stream",
        "Accept-Ranges": "bytes",
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(file.name)}",
        "ETag": file.etag,
        "Last-Modified": LAST_MODIFIED,
    }
    start, end = 0, file.size
    status = 200
    wanted = request.headers.get("range")
    condition = request.headers.get("if-range")
    if condition is not None and condition not in (file.etag, LAST_MODIFIED):
        wanted = None  # the file changed since the part was fetched: all of it, from 0
    if wanted:
        parsed = byte_range(wanted, file.size)
        if parsed is None:
            return Answer(416, {**headers, "Content-Range": f"bytes */{file.size}"})
        start, end = parsed
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end - 1}/{file.size}"
    if request.method == "HEAD":
        return Answer(status, {**headers, "Content-Length": str(end - start)})
    return Answer(status, headers, file.chunks(start, end), length=end - start)


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """`bytes=a-b`, `bytes=a-` or `bytes=-n` as [start, end); None when unsatisfiable."""
    unit, _, spec = header.partition("=")
    if unit.strip() != "bytes" or "," in spec:
        return None
    first, _, last = spec.strip().partition("-")
    try:
        if not first:
            start, end = max(0, size - int(last)), size
        else:
            start = int(first)
            end = min(size, int(last) + 1) if last else size
    except ValueError:
        return None
    if start >= size or start >= end:
        return None
    return start, end


def quoted_path(path: str) -> str:
    """A file path for a URL, each part quoted; `.` and `..` too, so no client resolves them."""
    parts = path.split("/")
    return "/".join(quote(p, safe="") if p.strip(".") else p.replace(".", "%2E") for p in parts)
