"""Reading an API answer's body within bounds: its size, decompressed, and its time.

httpx decompresses a whole network chunk at once, so a 64 KiB piece of a gzip bomb becomes
64 MiB before anyone can count it. API calls therefore ask for `gzip, deflate` only and read
the raw body here, inflating at most `PIECE_SIZE` bytes at a time; every piece is counted
against `max_answer_size` and the clock before the next is made. Any other encoding, or more
than one, is refused: nobody asked for it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

ACCEPT_ENCODING = "gzip, deflate"
PIECE_SIZE = 256 << 10


class AnswerRefused(Exception):
    """An answer the runner stops reading: too large, or encoded in a way nobody asked for.
    Not an `OffcloudError`: `answers.connection_failure` turns it into one."""

    def __init__(self, response: httpx.Response, reason: str) -> None:
        super().__init__(reason)
        self.response = response


class Inflater:
    """Undoes one `Content-Encoding` in pieces of at most `PIECE_SIZE` bytes."""

    def __init__(self, encoding: str) -> None:
        self._deflate = encoding == "deflate"
        self._zlib: zlib._Decompress | None = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self._deflate:
            self._zlib = zlib.decompressobj()

    @property
    def done(self) -> bool:
        """Whether the encoded stream has ended (what follows is no part of the answer)."""
        return self._zlib is not None and self._zlib.eof

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of `data`, a piece at a time; `httpx.DecodingError` when they are
        not what the encoding says."""
        if self._zlib is None:
            if data:
                yield data
            return
        if self._zlib.eof:  # what follows the end is not the answer: not kept, not inflated
            return
        while True:
            try:
                piece = self._zlib.decompress(data, PIECE_SIZE)
            except zlib.error as exc:
                if self._deflate:  # servers send raw deflate as often as zlib-wrapped deflate
                    self._deflate = False
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise httpx.DecodingError(f"{exc}") from None
            self._deflate = False
            if piece:
                yield piece
            data = self._zlib.unconsumed_tail
            if self._zlib.eof or (not data and len(piece) < PIECE_SIZE):
                return


def inflater_for(response: httpx.Response) -> Inflater | None:
    """The `Inflater` of the answer's encoding, None for none; raises `AnswerRefused` for one
    not asked for."""
    if "content-encoding" not in response.headers:
        return None  # the common case, decided with one look-up
    values = response.headers.get_list("content-encoding", split_commas=True)
    encodings = [value.strip().lower() for value in values if value.strip().lower() != "identity"]
    if not encodings:
        return None
    if len(encodings) == 1 and encodings[0] in ("gzip", "x-gzip", "deflate"):
        return Inflater(encodings[0])
    raise AnswerRefused(
        response,
        f"the answer is encoded as {', '.join(encodings)[:60]!r}, which was not asked for",
    )


def excerpt_inflater(response: httpx.Response) -> Inflater:
    """The `Inflater` for an answer read only for its first bytes (an error page): its own
    encoding when it is one of ours, else the raw bytes."""
    try:
        return inflater_for(response) or Inflater("identity")
    except AnswerRefused:
        return Inflater("identity")
