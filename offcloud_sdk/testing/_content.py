"""What the fake Offcloud fetches: files with deterministic bytes, grouped as a download.

A `FakeContent` is what adding one URL (a magnet, a hoster link) yields: one file, or a folder
of files. A file's bytes are a repeating pattern seeded by its path, so a file of any size costs
no memory and any byte range can be served and checked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping

import attrs

PATTERN_SIZE = 1 << 16
CHUNK_SIZE = 1 << 16


def _pattern(seed: str) -> bytes:
    block = bytearray()
    digest = hashlib.sha256(seed.encode()).digest()
    while len(block) < PATTERN_SIZE:
        digest = hashlib.sha256(digest).digest()
        block += digest
    return bytes(block[:PATTERN_SIZE])


@attrs.frozen
class FakeFile:
    """One file: its path inside the download, its size, and optionally its exact bytes."""

    path: str
    size: int = attrs.field(validator=attrs.validators.ge(0))
    data: bytes | None = attrs.field(default=None, repr=False)
    _pattern: bytes = attrs.field(init=False, repr=False, eq=False)

    @classmethod
    def of(cls, path: str, spec: int | bytes) -> FakeFile:
        """A file from a size (pattern bytes) or from its bytes."""
        if isinstance(spec, bytes):
            return cls(path, len(spec), spec)
        return cls(path, spec)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_pattern", b"" if self.data is not None else _pattern(self.path))

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def etag(self) -> str:
        """A strong ETag, the same for the same bytes (as storage hosts send)."""
        digest = hashlib.sha256(f"{self.path}\0{self.size}\0".encode())
        digest.update(self.data or b"")
        return f'"{digest.hexdigest()[:24]}"'

    def read(self, start: int = 0, end: int | None = None) -> bytes:
        """Bytes `start` to `end` (exclusive, default the end of the file)."""
        return b"".join(self.chunks(start, end))

    def chunks(self, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        """Bytes `start` to `end` in chunks of at most 64 KiB, made as they are needed."""
        end = self.size if end is None else min(end, self.size)
        position = start
        while position < end:
            length = min(CHUNK_SIZE, end - position)
            if self.data is not None:
                yield self.data[position : position + length]
            else:
                offset = position % PATTERN_SIZE
                piece = self._pattern[offset : offset + length]
                if len(piece) < length:
                    piece += self._pattern[: length - len(piece)]
                yield piece
            position += length


@attrs.frozen
class FakeContent:
    """What one URL downloads into: a single file, or a folder `name` holding `files`."""

    name: str
    files: tuple[FakeFile, ...]
    cached: bool = False
    """Offcloud already has it: a cloud download is `downloaded` at once."""
    fails: str | None = None
    """When set, downloading stops half-way with this `errorMessage`."""

    @classmethod
    def build(
        cls,
        name: str,
        files: Mapping[str, int | bytes] | None = None,
        *,
        cached: bool = False,
        fails: str | None = None,
    ) -> FakeContent:
        """A single file `name` (1 MiB) when `files` is None, else a folder of `files`."""
        items = files if files is not None else {name: 1 << 20}
        made = tuple(FakeFile.of(path.strip("/"), spec) for path, spec in items.items())
        return cls(name=name, files=made, cached=cached, fails=fails)

    @property
    def size(self) -> int:
        return sum(file.size for file in self.files)

    @property
    def is_directory(self) -> bool:
        return len(self.files) != 1 or self.files[0].path != self.name
