"""Taking the personal data out of answers before they are saved (`offcloud doctor --save`).

A saved answer is meant to be shared (attached to an issue, added to `tests/fixtures/`), so what
identifies the account, its owner, their machines and what they download is replaced; the
shape, the types and everything else are kept, so the saved answer still shows the drift. A
value is replaced by a placeholder of the same JSON type, the same for the same value
throughout one save (a `userId` and an `accountId` that were equal stay equal). What is masked:

- **Secrets**: the API key wherever it appears (in any string or key: the doctor masks it as the
  answer arrives), `key=`/`apikey=` query values, and the value of every field whose name says
  it holds a credential (`apiKey`, `access_token`, `refresh_token`, `device_code`… anything
  with key, token, secret, password, session, cookie or auth in its name, as
  `_calls.redaction.is_secret_name` decides, and `pass`, `pwd`, `credentials`, `sig`): `***`.
- **E-mail addresses and user names**: fields `email`, `mail`, `login`, `username`,
  `userEmail`, and any e-mail address inside any other text: `user-1@example.invalid` (a user
  name that is not an address: `user-1`).
- **Account and user ids**: fields `userId`/`user_id`, `accountId`, `remoteOptionId`,
  `customerId`, `ownerId`, `referralCode`: 24 hex digits stay 24 hex digits
  (`000000000000000000000001`), anything else becomes `id-1`, a number `1`.
- **Names of people**: `user`, `owner`, `fullName`, `firstName`, `lastName`, `displayName`,
  `nick`, `nickname`, `phone`, `mobile`, `accountName`, `remoteUser`: `user-1`.
- **Network addresses**: fields `ip`, `ipAddress`, `ips`, `clientIp`, `remoteIp`, `host`,
  `hostname`, `address`, and any IPv4 or IPv6 address inside any text: documentation addresses
  (`192.0.2.1`, `2001:db8::1`) and `host-1.invalid`. (A remote account's `host` is the user's
  own FTP server.)
- **What the user downloads**, in every operation but the public lists (`sites_list`,
  `proxies_list`, and `cache_info`, which the doctor asks about a public torrent): file and
  folder names (`fileName`, `filename`, `name`, `customFileName`, `path`, `folder`, `file`,
  `entries`), links (`originalLink`, `url`, `downloadLink`, `link`, `links`, and the bare links
  of `cloud_explore` and `cloud_list`): names become `file-1.mkv` (the extension kept), paths
  keep their `/`s, magnets become `magnet:?xt=urn:btih:000…`, and links keep their scheme,
  host and the path segments Offcloud puts there (`/cloud/download/<requestId>/<n>/`) with the
  names replaced and query values masked; a host that is not Offcloud's (a remote account's
  FTP server) becomes `host-1.invalid`, and the user and password in a link are dropped.
- **Inside any text** (messages, errors): links as above, e-mail addresses (also written with
  `%40`), IP addresses, JWTs and `Bearer` tokens.

Kept: request ids (they identify nothing outside the account and tie the answers together),
Offcloud's storage host prefixes (`server`), dates, sizes, counts, status words, messages
(with addresses inside them masked as above), and every field name.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Sequence
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .._calls.redaction import MASK, is_secret_name, redact

PUBLIC_OPERATIONS = frozenset({"sites_list", "proxies_list", "cache_info"})
"""Operations whose answers hold nothing of the user's downloads."""


def _names(*names: str) -> frozenset[str]:
    return frozenset(_normal(name) for name in names)


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


EMAIL_FIELDS = _names("email", "mail", "emailAddress", "userEmail", "login", "username")
ID_FIELDS = _names(
    "userId", "accountId", "remoteOptionId", "customerId", "ownerId", "referralCode", "uid"
)
PERSON_FIELDS = _names(
    "user",
    "owner",
    "fullName",
    "firstName",
    "lastName",
    "displayName",
    "nick",
    "nickname",
    "phone",
    "mobile",
    "accountName",
    "remoteUser",
)
SECRET_FIELDS = _names("pass", "pwd", "passwd", "credentials", "credential", "sig", "signature")
NETWORK_FIELDS = _names(
    "ip", "ipAddress", "ips", "clientIp", "remoteIp", "host", "hostname", "address"
)
NAME_FIELDS = _names("fileName", "filename", "name", "customFileName", "file", "title")
PATH_FIELDS = _names("path", "folder", "entries", "folderName")
LINK_FIELDS = _names("originalLink", "url", "downloadLink", "link", "links", "magnet")

_EMAIL = re.compile(
    r"[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", re.IGNORECASE
)
_URL_IN_TEXT = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]{1,15}://[^\s\"'<>]+")
_TOKEN = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*|(?<=Bearer )\S+")
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_URL = re.compile(r"(?:https?|ftp)://[^\s\"'<>]+|magnet:\?[^\s\"'<>]+")
_HEX_ID = re.compile(r"[0-9a-fA-F]{24}")
_STRUCTURAL = frozenset({"cloud", "download", "zip", "api", "torrent", "list", "explore"})
_DOCUMENTATION = (ipaddress.ip_network("192.0.2.0/24"), ipaddress.ip_network("2001:db8::/32"))
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_PLACEHOLDER = re.compile(r"file-\d+(?:\.[A-Za-z0-9]{1,5})?")


def _is_download_field(name: str | None) -> bool:
    """Whether a field names what is downloaded (masked when it is text: `links` may also be
    a quota, a number)."""
    normal = _normal(name or "")
    return normal in NAME_FIELDS | PATH_FIELDS | LINK_FIELDS and not is_personal_name(normal)


def is_personal_name(name: str) -> bool:
    """Whether a field called `name` holds something about the person (an e-mail address, an
    account or user id, a name, a network address), whatever the operation."""
    normal = _normal(name)
    return normal in EMAIL_FIELDS | ID_FIELDS | PERSON_FIELDS | NETWORK_FIELDS


def _is_offcloud(host: str) -> bool:
    """Whether `host` is Offcloud's (its storage servers are kept: they identify no one)."""
    return host == "offcloud.com" or host.endswith(".offcloud.com")


def mask_text(text: str) -> str:
    """`text` with the e-mail and IP addresses in it masked (for excerpts in a report)."""
    return Masker()._free_text(text)


class Masker:
    """Masks answers for saving; one per save, so that a value gets the same placeholder in
    every answer. `secrets` (the API key) are masked wherever they appear."""

    def __init__(self, secrets: Sequence[str] = ()) -> None:
        self.secrets: tuple[str, ...] = tuple(secret for secret in secrets if secret)
        self._seen: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}
        self._links = True  # links inside text masked too (not in the public lists)

    # -- answers ---------------------------------------------------------------------------------

    def json(self, operation: str, value: object) -> object:
        """A parsed JSON answer of `operation`, masked."""
        downloads = operation not in PUBLIC_OPERATIONS
        self._links = downloads
        return self._value(value, None, downloads=downloads)

    def text(self, operation: str, text: str) -> str:
        """A text answer of `operation` (a list of links, an error page), masked."""
        self._links = operation not in PUBLIC_OPERATIONS
        if self._links:
            text = _URL.sub(lambda m: self.link(m[0]), text)
        return self._free_text(text)

    # -- values ----------------------------------------------------------------------------------

    def _value(self, value: object, field: str | None, *, downloads: bool) -> object:
        if isinstance(value, dict):
            return {
                self._free_text(str(key)): self._value(item, str(key), downloads=downloads)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self._value(item, field, downloads=downloads) for item in value]
        rule = self._rule(field, downloads=downloads)
        if rule is not None and (isinstance(value, str) or not _is_download_field(field)):
            return self._replaced(value, rule)
        if isinstance(value, str):
            if downloads and _URL.fullmatch(value):
                return self.link(value)
            return self._free_text(value)
        return value

    def _rule(self, field: str | None, *, downloads: bool) -> Callable[[str], str] | None:
        if field is None:
            return None
        if is_secret_name(field) or _normal(field) in SECRET_FIELDS:
            return lambda _: MASK
        normal = _normal(field)
        if normal in EMAIL_FIELDS:
            return self.login
        if normal in ID_FIELDS:
            return self.identifier
        if normal in PERSON_FIELDS:
            return lambda value: self._pseudonym("user", value, "user-{}")
        if normal in NETWORK_FIELDS:
            return self.address
        if downloads and normal in LINK_FIELDS:
            return self.link
        if downloads and normal in NAME_FIELDS:
            return self.name
        if downloads and normal in PATH_FIELDS:
            return self.path
        return None

    def _replaced(self, value: object, rule: Callable[[str], str]) -> object:
        if isinstance(value, str):
            return rule(value)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int | float):
            number = int(self._pseudonym("number", repr(value), "{}"))
            return number if isinstance(value, int) else float(number)
        return value

    def _free_text(self, text: str) -> str:
        """Any text: the secrets and tokens, the links (as `link` masks them), e-mail and IP
        addresses in it masked."""
        text = redact(text, self.secrets)
        text = _TOKEN.sub(MASK, text)
        if self._links:
            text = _URL_IN_TEXT.sub(lambda m: self.link(m[0]), text)
        text = _EMAIL.sub(lambda m: self.email(m[0]), text)
        text = _IPV4.sub(lambda m: self._ip(m[0]), text)
        return _IPV6.sub(lambda m: self._ip(m[0]), text)

    # -- placeholders ----------------------------------------------------------------------------

    def login(self, value: str) -> str:
        """What a user logs in with: an e-mail address, or a user name."""
        if "@" in value:
            return self.email(value)
        return self._pseudonym("user", value, "user-{}")

    def email(self, value: str) -> str:
        """An e-mail address (or what stands in a field for one)."""
        if value.endswith("@example.invalid"):
            return value  # one of ours already
        return self._pseudonym("email", value, "user-{}@example.invalid")

    def identifier(self, value: str) -> str:
        """An account or user id: 24 hex digits stay 24 hex digits."""
        if _HEX_ID.fullmatch(value):
            number = self._pseudonym("id", value, "{}")
            return f"{int(number):024x}"
        return self._pseudonym("id", value, "id-{}")

    def address(self, value: str) -> str:
        """A host name or an IP address."""
        masked = self._free_text(value)
        if masked != value or not value:
            return masked
        return self._pseudonym("host", value, "host-{}.invalid")

    def _ip(self, text: str) -> str:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return text
        if any(address in network for network in _DOCUMENTATION):
            return text  # one of ours already
        if address.version == 4:
            number = int(self._pseudonym("ip", text, "{}"))
            return f"192.0.2.{number % 254 + 1}"
        return f"2001:db8::{int(self._pseudonym('ip', text, '{}')):x}"

    def name(self, value: str) -> str:
        """A file or folder name: `file-1.mkv`, the extension kept."""
        if not value or _PLACEHOLDER.fullmatch(value):
            return value  # empty, or one of ours already
        extension = _EXTENSION.search(value)
        suffix = extension[0] if extension and extension.start() > 0 else ""
        return self._pseudonym("name", value, "file-{}" + suffix)

    def path(self, value: str) -> str:
        """A path inside a download: each part masked as a name, the `/`s kept."""
        return "/".join(self.name(part) for part in value.split("/"))

    def link(self, value: str) -> str:
        """A link: a magnet loses its hash and name; a URL keeps its scheme, its host and the
        path segments Offcloud puts there, its names and query values masked."""
        value = redact(value, self.secrets)
        if value.lower().startswith("magnet:"):
            return "magnet:?xt=urn:btih:" + "0" * 40
        try:
            parts = urlsplit(value)
        except ValueError:
            return self.name(value)
        if not parts.scheme or not parts.netloc:
            return self.path(value)
        host = parts.hostname or ""
        try:
            ipaddress.ip_address(host.strip("[]"))
            host = self._ip(host.strip("[]"))
        except ValueError:
            if not _is_offcloud(host) and not host.endswith(".invalid"):
                host = self._pseudonym("host", host, "host-{}.invalid")  # the user's own
        netloc = host if parts.port is None else f"{host}:{parts.port}"
        segments = [
            segment
            if segment in _STRUCTURAL
            or segment.isdigit()
            or _HEX_ID.fullmatch(segment)
            or not segment
            else quote(self.name(unquote(segment)))
            for segment in parts.path.split("/")
        ]
        query = "&".join(
            f"{item.split('=', 1)[0]}={MASK}" for item in parts.query.split("&") if item
        )
        return urlunsplit((parts.scheme, netloc, "/".join(segments), query, ""))

    def _pseudonym(self, kind: str, value: str, template: str) -> str:
        key = (kind, value)
        if key not in self._seen:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            self._seen[key] = template.format(self._counts[kind])
        return self._seen[key]
