"""Which torrents Offcloud has cached: the flow behind `cache.check`.

Callers pass infohashes (40 hex or 32 base32 characters) or magnet links, in any case. Each is
reduced to a lower-case hex infohash; the unique hashes are asked 100 per call, with the 2026
`cache/info` (magnet URIs, one answer per input in order) or, for a client on the classic API
(`key_in="query"`), `POST /api/cache` (`{"cachedItems": [hash…]}`); the async client has
several of those calls in flight at once. The result is keyed by what the caller passed.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from offcloud_api_client.models.cache_check_response import CacheCheckResponse
from offcloud_api_client.models.cache_info_item import CacheInfoItem

from ..exceptions import InvalidArgumentError, UnexpectedResponseError
from .flows import Flow, Parallel
from .polling import chunks

_HEX = re.compile(r"[0-9a-fA-F]{40}")
_BASE32 = re.compile(r"[A-Za-z2-7]{32}")
_MAGNET_HASH = re.compile(r"[?&]xt=urn:btih:([^&#]+)", re.IGNORECASE)


def infohash(item: str) -> str:
    """The lower-case hex infohash of a hash or magnet link; `InvalidArgumentError` if none."""
    text = item.strip() if isinstance(item, str) else ""
    if text[:7].lower() == "magnet:":
        match = _MAGNET_HASH.search(text)
        text = match.group(1) if match else ""
    if _HEX.fullmatch(text):
        return text.lower()
    if _BASE32.fullmatch(text):
        try:
            return base64.b32decode(text.upper()).hex()
        except binascii.Error:
            pass
    raise InvalidArgumentError(f"not a BitTorrent infohash or magnet link: {str(item)[:80]!r}")


def magnet(infohash: str) -> str:
    """The shortest magnet link for an infohash."""
    return f"magnet:?xt=urn:btih:{infohash}"


def check_flow(
    items: Iterable[str], *, classic: bool, concurrency: int = 1
) -> Flow[dict[str, bool]]:
    """Ask Offcloud which of `items` are cached; answer keyed by each item as given. The calls
    run `concurrency` at a time; the first to fail fails the check (the others cancelled)."""
    hashes = {item: infohash(item) for item in items}
    unique = list(dict.fromkeys(hashes.values()))
    batches = chunks(unique)
    call = _classic_call if classic else _info_call
    answers: list[Any] = yield 0.0, Parallel([call(chunk) for chunk in batches], concurrency)
    cached: dict[str, bool] = {}
    for chunk, answer in zip(batches, answers, strict=True):
        if classic:
            classic_answer: CacheCheckResponse = answer
            found = {str(item).lower() for item in classic_answer.cached_items}
            cached.update((h, h in found) for h in chunk)
            continue
        items_answer: list[CacheInfoItem] = answer
        if len(items_answer) != len(chunk):
            raise UnexpectedResponseError(
                f"cache/info answered {len(items_answer)} items for {len(chunk)} magnets; "
                "it should answer one per magnet, in order"
            )
        cached.update((h, item.cached) for h, item in zip(chunk, items_answer, strict=True))
    return {item: cached[h] for item, h in hashes.items()}


def _classic_call(chunk: Sequence[str]) -> Callable[[Any], Any]:
    return lambda cache: cache.check_hashes(hashes=list(chunk))


def _info_call(chunk: Sequence[str]) -> Callable[[Any], Any]:
    return lambda cache: cache.info(urls=[magnet(h) for h in chunk])
