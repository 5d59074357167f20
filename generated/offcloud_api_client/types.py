"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar


class Unset:
    """The type of `UNSET`: a field the server did not send, or an argument not given."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


class File:
    """Contains information for file uploads"""

    __slots__ = ("file_name", "mime_type", "payload")

    def __init__(
        self,
        payload: BinaryIO,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> None:
        self.payload: BinaryIO = payload
        """The content, read when the request is sent."""
        self.file_name: str | None = file_name
        """The name the server sees."""
        self.mime_type: str | None = mime_type
        """The part's Content-Type (httpx guesses it from the name when None)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, File):
            return NotImplemented
        return self.to_tuple() == other.to_tuple()

    def __repr__(self) -> str:
        return f"File(payload={self.payload!r}, file_name={self.file_name!r}, mime_type={self.mime_type!r})"

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


class Response(Generic[T]):
    """A response from an endpoint"""

    __slots__ = ("content", "headers", "parsed", "status_code")

    def __init__(
        self,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
    ) -> None:
        self.status_code: HTTPStatus = status_code
        """The answer's status."""
        self.content: bytes = content
        """The answer's body."""
        self.headers: MutableMapping[str, str] = headers
        """The answer's headers."""
        self.parsed: T | None = parsed
        """The body as its model, when the status is one the spec lists."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Response):
            return NotImplemented
        mine = (self.status_code, self.content, self.headers, self.parsed)
        return mine == (other.status_code, other.content, other.headers, other.parsed)

    def __repr__(self) -> str:
        return f"Response(status_code={self.status_code!r}, content=..., parsed={self.parsed!r})"


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
