"""`FakeOffcloud`: an in-memory Offcloud that answers every operation of the spec.

It answers as the evidence says the real one does: failures as HTTP 200 with `{"error": …}` or
`{"not_available": …}`, 401 `{"error":"NOAUTH"}` for a bad key, `{"error": "Bad archive"}`
when exploring a single file, 404 for the retired password login (unless `classic_login`).
Downloads move `created → downloading → downloaded` (or `error`) as its clock advances, and
their files are served with `Range` support from the same host.

Use it as an httpx transport (`fake.client()`, `fake.async_client()`) or as a real HTTP server
on 127.0.0.1 (`with fake.serve() as base_url:`). `fake.drift(operation, Drift(...))` makes one
operation answer as a changed API would, until `fake.clear_drift()`. `fake.far` (a `FarServer`)
makes it answer as a far server would: files capped per connection, latencies, a limit of
connections per file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote, unquote, urlsplit

import attrs
import httpx

from .._calls.clock import Clock
from .._calls.logs import logger
from .._flows.infohashes import infohash, magnet
from ..exceptions import InvalidArgumentError
from ._answer import Answer, json_answer, not_found_page, text_answer
from ._clock import ServedClock
from ._content import FakeContent, FakeFile
from ._far import FarServer, Streams
from ._faults import Drift, Fault, FaultPlan
from ._forms import request_fields
from ._routes import ROUTES, Route, route_for
from ._storage import file_answer, quoted_path

DEFAULT_KEY = "FakeOffcloudApiKey00000000000001"
SESSION_COOKIE = "connect.sid"
MiB = 1 << 20
DeviceApproval = Literal["auto", "manual", "deny"]
Kind = Literal["cloud", "instant", "remote", "cache"]
"""What a request is: the three kinds of download, and the links `cache_download` makes."""
OPERATIONS = tuple(
    dict.fromkeys(route.operation for route in ROUTES if route.operation != "storage_file")
)
"""The operation ids of the spec, as `drift()` takes them (file downloads are not one)."""
ERROR_KEYS = ("error", "not_available")
"""Keys of Offcloud's error bodies (sent with HTTP 200), which drift leaves alone."""


@attrs.define
class FakeRequest:
    """One download request the fake holds."""

    request_id: str
    kind: Kind
    url: str
    content: FakeContent
    created_on: str
    started: float
    remote_option_id: str | None = None
    removed: bool = False
    fails: str | None = None
    cached: bool = False
    """Offcloud had it already when it was added: `downloaded` at once."""


@attrs.define
class _Device:
    user_code: str
    expires: float
    approved: bool | None = None
    polls: int = 0


class FakeOffcloud:
    """A stateful, in-memory Offcloud for tests, demos and the `offcloud sandbox` command.

    `clock` decides how fast downloads progress (a `FakeClock` by default: give the same one to
    the client, and waiting sleeps through downloads in no real time). A fake given no clock
    moves in real time once `serve()` runs, since clients in other processes cannot share a
    fake clock. A download waits
    `queue_seconds` as `created`, then moves at `speed` bytes per second. Register what a URL
    downloads into with `add_torrent` / `add_link`; any other URL gives one 1 MiB file.
    `drift` maps operation ids to a `Drift` their answers get for good (see `drift()`).
    `far` paces the files it serves and delays its answers as a far server would (see
    `FarServer`; `fake.far` may be changed at any time).
    """

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_KEY,
        clock: Clock | None = None,
        speed: float = 8 * MiB,
        queue_seconds: float = 1.0,
        premium: bool = True,
        classic_login: bool = False,
        username: str = "user@example.com",
        password: str = "correct horse battery staple",
        device_approval: DeviceApproval = "auto",
        server: str = "fake-1",
        drift: Mapping[str, Drift] | None = None,
        far: FarServer | None = None,
    ) -> None:
        self.api_key = api_key
        self.clock: Clock = clock if clock is not None else ServedClock()
        """What the fake's downloads progress by."""
        self.speed = speed
        self.queue_seconds = queue_seconds
        self.premium = premium
        self.classic_login = classic_login
        self.username = username
        self.password = password
        self.device_approval: DeviceApproval = device_approval
        self.server = server
        self.user_id = "5f2b6c3e9d1a4b7c8e0f0001"
        self.requests: dict[str, FakeRequest] = {}
        """Every request made so far, by id (removed ones are kept, marked `removed`)."""
        self.calls: list[tuple[str, str]] = []
        """(method, path) of every request received, for assertions on call counts."""
        self.remote_accounts: list[dict[str, str | int]] = [
            {
                "remoteOptionId": "5f2b6c3e9d1a4b7c8e0fa001",
                "accountId": "5f2b6c3e9d1a4b7c8e0fa001",
                "type": "ftp",
                "username": "media",
                "host": "ftp.example.com",
                "port": 21,
                "path": "/downloads",
                "status": "active",
            }
        ]
        """The remote accounts `remote/accounts` lists; edit it to test remote downloads."""
        self._content: dict[str, FakeContent] = {}
        self._sessions: set[str] = set()
        self._devices: dict[str, _Device] = {}
        self._uploads = 0
        self._faults = FaultPlan()
        self._drifts: dict[str, list[Drift]] = {}
        self._lock = threading.RLock()
        self._streams = Streams()
        self._far = FarServer()
        self.far = far if far is not None else FarServer()
        for operation, changes in (drift or {}).items():
            self.drift(operation, changes)

    # -- what users set up -------------------------------------------------------------------

    def add_torrent(
        self,
        name: str,
        files: dict[str, int | bytes] | None = None,
        *,
        cached: bool = False,
        fails: str | None = None,
    ) -> str:
        """Register a torrent and return its magnet link.

        `files` maps paths inside the folder `name` to a size or to exact bytes; without it the
        torrent is the single 1 MiB file `name`. `cached`: Offcloud has it already. `fails`:
        downloading stops half-way with this error message.
        """
        content = FakeContent.build(name, files, cached=cached, fails=fails)
        digest = hashlib.sha1(f"fake torrent {name}".encode()).hexdigest()
        self._content[digest] = content
        return f"{magnet(digest)}&dn={quote(name)}"

    def add_link(
        self,
        url: str,
        files: dict[str, int | bytes] | None = None,
        *,
        name: str | None = None,
        cached: bool = False,
        fails: str | None = None,
    ) -> str:
        """Register what a hoster link downloads into (named after the URL unless `name`)."""
        label = name or _name_from_url(url)
        self._content[url] = FakeContent.build(label, files, cached=cached, fails=fails)
        return url

    def inject(self, fault: Fault, *, times: int | None = 1, path: str = "/") -> None:
        """Spoil the next `times` requests whose path starts with `path` (see `faults`)."""
        with self._lock:
            self._faults.add(fault, times, path)

    def clear_faults(self) -> None:
        """Forget every injected fault that is still waiting."""
        with self._lock:
            self._faults.clear()

    def drift(self, operation: str, drift: Drift) -> None:
        """Send every answer of `operation` (an operationId of the spec, e.g. `cloud_status`)
        changed by `drift`, until `clear_drift()`: fields added, dropped, renamed, of another
        type, null, new status words, the answer wrapped (see `Drift`).

        Only 2xx JSON answers drift, and not Offcloud's error bodies (`{"error": …}`,
        `{"not_available": …}`). Drifts given to one operation apply in the order given; a
        one-shot fault from `inject()` still applies on top. An unknown operation is an
        `InvalidArgumentError` (a `ValueError`) that lists the known ones.
        """
        if operation not in OPERATIONS:
            raise InvalidArgumentError(
                f"unknown operation {operation!r}; the fake answers {', '.join(OPERATIONS)}"
            )
        if not isinstance(drift, Drift):
            raise InvalidArgumentError(f"drift must be a Drift, not {type(drift).__name__}")
        with self._lock:
            self._drifts.setdefault(operation, []).append(drift)

    def clear_drift(self, operation: str | None = None) -> None:
        """Answer `operation` (every operation when None) as the spec says again."""
        if operation is not None and operation not in OPERATIONS:
            raise InvalidArgumentError(
                f"unknown operation {operation!r}; the fake answers {', '.join(OPERATIONS)}"
            )
        with self._lock:
            if operation is None:
                self._drifts.clear()
            else:
                self._drifts.pop(operation, None)

    @property
    def drifts(self) -> dict[str, tuple[Drift, ...]]:
        """The drifts in force, by operation id (a copy)."""
        with self._lock:
            return {operation: tuple(drifts) for operation, drifts in self._drifts.items()}

    def approve_device(self, user_code: str | None = None, *, approve: bool = True) -> None:
        """Confirm (or deny) a pending device login, as the user would in a browser."""
        with self._lock:
            for device in self._devices.values():
                if user_code is None or device.user_code == user_code:
                    device.approved = approve

    def file(self, request_id: str, path: str | None = None) -> FakeFile:
        """A file of a request (the only one when `path` is None), to compare downloads with."""
        files = self.requests[request_id].content.files
        if path is None:
            if len(files) != 1:
                raise InvalidArgumentError(f"request {request_id} has {len(files)} files")
            return files[0]
        return next(f for f in files if f.path == path)

    @property
    def far(self) -> FarServer:
        """How far away the fake is (see `FarServer`); set it to change that from the next
        request on (streams under way keep their speed)."""
        return self._far

    @far.setter
    def far(self, far: FarServer) -> None:
        if not isinstance(far, FarServer):
            raise InvalidArgumentError(f"far must be a FarServer, not {type(far).__name__}")
        self._far = far

    @property
    def open_streams(self) -> int:
        """File bodies being sent right now (each holds a slot of `far.max_connections`)."""
        return self._streams.count()

    # -- how clients reach it ----------------------------------------------------------------

    def client(self, **options: Any) -> httpx.Client:
        """An `httpx.Client` whose requests this fake answers (pass as `http_client=`)."""
        from ._transport import FakeTransport

        return httpx.Client(transport=FakeTransport(self), **options)

    def async_client(self, **options: Any) -> httpx.AsyncClient:
        """An `httpx.AsyncClient` whose requests this fake answers."""
        from ._transport import FakeTransport

        return httpx.AsyncClient(transport=FakeTransport(self), **options)

    @contextlib.contextmanager
    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, allow_public: bool = False
    ) -> Iterator[str]:
        """Serve over real HTTP on `host:port` (any free port by default); yields the base URL.

        `host` must be a loopback address, since the fake's API key is public, unless
        `allow_public` (then a warning is logged). A fake made without a clock switches to
        real time here, from where its clock stood, for good (its `clock` stays the same
        object, so a client given `clock=fake.clock` waits in real time too); a fake given a
        clock keeps it.
        """
        from .._calls.settings import is_loopback
        from ._server import running_server

        if not is_loopback(host):
            if not allow_public:
                raise InvalidArgumentError(
                    f"host {host!r} is not a loopback address: anyone who can reach it could use "
                    "the fake, whose API key is public (pass allow_public=True to serve anyway)"
                )
            logger.warning(
                "FakeOffcloud serving on %s, not a loopback address: whoever reaches it can use "
                "its public API key",
                host,
            )
        if isinstance(self.clock, ServedClock):
            self.clock.go_live()
        with running_server(self, host, port) as base_url:
            yield base_url

    # -- answering ---------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> Answer:
        """The answer to one HTTP request, faults included, delayed and paced as `far` says.

        A file answer may hold a connection slot: whoever sends it calls `answer.close()`
        once its body has ended or its client has gone.
        """
        path = request.url.path
        found = route_for(request.method, path)
        with self._lock:
            far = self._far
            self.calls.append((request.method, path))
            answer = self._faults.answer(path, lambda: self._answer(request, found), time.time())
        if found is not None and found[0].operation == "storage_file":
            return attrs.evolve(answer, stall=answer.stall + far.first_byte, speed=far.speed)
        if far.api_latency:
            return attrs.evolve(answer, stall=answer.stall + far.api_latency)
        return answer

    def _answer(self, request: httpx.Request, found: tuple[Route, dict[str, str]] | None) -> Answer:
        if found is None:
            return not_found_page()
        route, params = found
        context = _Context(self, request, params)
        refused = self._refusal(route, context)
        if refused is not None:
            return refused
        handler: Callable[[_Context], Answer] = getattr(self, f"_{route.operation}")
        return self._drifted(route.operation, handler(context))

    def _drifted(self, operation: str, answer: Answer) -> Answer:
        """`answer` changed by the drifts of `operation`, when it is a 2xx JSON success."""
        drifts = self._drifts.get(operation)
        content_type = answer.headers.get("Content-Type", "")
        if not drifts or not 200 <= answer.status < 300 or "json" not in content_type:
            return answer
        if not isinstance(answer.body, bytes):
            return answer
        try:
            payload: object = json.loads(answer.body)
        except ValueError:
            return answer
        if isinstance(payload, dict) and any(key in payload for key in ERROR_KEYS):
            return answer
        for drift in drifts:
            payload = drift.apply(payload)
        body = json.dumps(payload, separators=(",", ":")).encode()
        return attrs.evolve(answer, body=body, length=None)

    def _refusal(self, route: Route, context: _Context) -> Answer | None:
        if route.auth == "none" or context.authorised:
            return None
        if route.auth == "classic":
            return json_answer({"error": "User not authorized"})
        return json_answer({"error": "NOAUTH"}, 401)

    def now(self) -> float:
        """The fake's time (its clock's)."""
        return self.clock.now()

    def has_session(self, request: httpx.Request) -> bool:
        """Whether the request carries a `connect.sid` cookie from a login."""
        cookies = str(request.headers.get("cookie", "")).split(";")
        return any(
            name.strip() == SESSION_COOKIE and value.strip() in self._sessions
            for name, _, value in (cookie.partition("=") for cookie in cookies)
        )

    def status_of(self, request: FakeRequest) -> dict[str, Any]:
        """A request's status as `cloud_status` answers it, at the fake's current time."""
        content = request.content
        size = content.size
        failed = False
        if request.cached or request.kind in ("instant", "cache"):
            word, amount = "downloaded", size
        else:
            elapsed = self.now() - request.started - self.queue_seconds
            amount = 0 if elapsed < 0 else min(size, int(elapsed * self.speed))
            failed = request.fails is not None and amount >= size // 2
            if failed:
                word, amount = "error", size // 2
            elif elapsed < 0:
                word = "created"
            else:
                word = "downloaded" if amount >= size else "downloading"
        status: dict[str, Any] = {
            "requestId": request.request_id,
            "status": word,
            "fileName": content.name,
            "fileSize": size,
            "amount": amount,
            "progress": round(amount / size, 4) if size else 1.0,
            "server": self.server,
            "isDirectory": content.is_directory,
            "isCompleted": word == "downloaded",
        }
        if word == "downloading":
            left = (size - amount) / self.speed
            status["downloadingSpeed"] = self.speed
            status["message"] = f"{self.speed / MiB:.1f} MB/s, {left:.0f} s left"
        if failed:
            status["errorMessage"] = request.fails
        return status

    # -- auth --------------------------------------------------------------------------------

    def _auth_login(self, c: _Context) -> Answer:
        if not self.classic_login:
            return not_found_page()
        if c.fields.get("username") != self.username or c.fields.get("password") != self.password:
            return json_answer({"error": "The credentials entered are wrong."})
        session = secrets.token_hex(16)
        self._sessions.add(session)
        answer = json_answer({"email": self.username, "userId": self.user_id})
        answer.headers["Set-Cookie"] = f"{SESSION_COOKIE}={session}; Path=/; HttpOnly"
        return answer

    def _auth_api_key(self, c: _Context) -> Answer:
        if not self.classic_login:
            return not_found_page()
        if not c.has_session:
            return json_answer({"error": "User not authorized"})
        return json_answer({"email": self.username, "apiKey": self.api_key})

    def _auth_check(self, c: _Context) -> Answer:
        return json_answer({"loggedIn": 1 if c.authorised else 0})

    def _auth_device_code(self, c: _Context) -> Answer:
        device_code = secrets.token_hex(20)
        user_code = f"{secrets.token_hex(2).upper()}-{secrets.token_hex(2).upper()}"
        expires_in = 600
        self._devices[device_code] = _Device(user_code, self.now() + expires_in)
        verify = f"{c.origin}/device"
        return json_answer(
            {
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": verify,
                "verification_uri_complete": f"{verify}?code={user_code}",
                "expires_in": expires_in,
                "interval": 1,
            }
        )

    def _auth_device_token(self, c: _Context) -> Answer:
        device = self._devices.get(str(c.fields.get("device_code", "")))
        if device is None:
            return json_answer({"error": "invalid_grant"}, 400)
        device.polls += 1
        if self.now() >= device.expires:
            return json_answer({"error": "expired_token"}, 400)
        if device.approved is None and self.device_approval != "manual" and device.polls > 1:
            device.approved = self.device_approval == "auto"
        if device.approved is None:
            return json_answer({"error": "authorization_pending"}, 400)
        if not device.approved:
            return json_answer({"error": "access_denied"}, 400)
        return json_answer({"access_token": self.api_key, "token_type": "Bearer"})

    # -- account -----------------------------------------------------------------------------

    def _account_info(self, c: _Context) -> Answer:
        return json_answer(
            {
                "user_id": self.user_id,
                "email": self.username,
                "is_premium": self.premium,
                "expiration_date": "2027-11-27" if self.premium else None,
                "can_download": self.premium,
            }
        )

    def _account_stats(self, c: _Context) -> Answer:
        limits = {"links": 1000, "premium": 1000, "torrent": 100, "streaming": 100}
        return json_answer(
            {
                "userId": self.user_id,
                "email": self.username,
                "isPremium": self.premium,
                "expirationDate": "27-11-2027",
                "limits": {**limits, "cloud": 1 << 40, "proxy": 1 << 40},
            }
        )

    # -- cloud, instant, remote --------------------------------------------------------------

    def _cloud_add(self, c: _Context) -> Answer:
        return self._add(c, "cloud")

    def _instant_add(self, c: _Context) -> Answer:
        return self._add(c, "instant")

    def _remote_add(self, c: _Context) -> Answer:
        return self._add(c, "remote")

    def _add(self, c: _Context, kind: Literal["cloud", "instant", "remote"]) -> Answer:
        url = c.fields.get("url")
        content = self._content_for(url) if isinstance(url, str) else None
        if not isinstance(url, str) or content is None:
            return json_answer({"error": "Incorrect url"})
        if not self.premium:
            return json_answer({"not_available": "premium"})
        option = c.fields.get("remoteOptionId")
        if kind == "remote" and not any(
            account["remoteOptionId"] == option for account in self.remote_accounts
        ):
            return json_answer({"error": "Remote account not found"})
        request = self._new_request(kind, url, content, str(option) if option else None)
        answer: dict[str, Any] = {
            "requestId": request.request_id,
            "status": self.status_of(request)["status"],
            "originalLink": url,
            "site": _site_of(url),
            "createdOn": request.created_on,
        }
        if kind != "remote":
            answer["fileName"] = content.name
            answer["url"] = self._link(c, request, None)
        if kind == "instant":
            answer["status"] = "created"
            answer["url"] = self._link(c, request, content.files[0] if content.files else None)
        return json_answer(answer)

    def _cloud_status(self, c: _Context) -> Answer:
        return self._status(c, "cloud")

    def _remote_status(self, c: _Context) -> Answer:
        return self._status(c, "remote")

    def _status(self, c: _Context, kind: str) -> Answer:
        many = c.fields.get("requestIds")
        if isinstance(many, list):
            found = [self._find(str(i), kind) for i in many]
            return json_answer({"requests": [self.status_of(r) for r in found if r is not None]})
        request = self._find(str(c.fields.get("requestId", "")), kind)
        if request is None:
            return json_answer({"error": "Requested download not found"})
        return json_answer({"status": self.status_of(request)})

    def _cloud_explore(self, c: _Context) -> Answer:
        request = self._finished(c)
        if isinstance(request, Answer):
            return request
        content = request.content
        if not content.is_directory:
            return json_answer({"error": "Bad archive"})
        if c.request.url.params.get("format") == "detailed":
            files = [
                {
                    "id": str(index),
                    "name": file.name,
                    "size": file.size,
                    "path": f"{content.name}/{file.path}",
                    "url": self._link(c, request, file),
                }
                for index, file in enumerate(content.files)
            ]
            return json_answer({"files": files})
        return json_answer([self._link(c, request, file) for file in content.files])

    def _cloud_list(self, c: _Context) -> Answer:
        request = self._finished(c)
        if isinstance(request, Answer):
            return request
        links = [self._link(c, request, file) for file in request.content.files]
        return text_answer("\n".join(links) + "\n")

    def _cloud_history(self, c: _Context) -> Answer:
        return self._history(c, "cloud")

    def _instant_history(self, c: _Context) -> Answer:
        return self._history(c, "instant")

    def _remote_history(self, c: _Context) -> Answer:
        return self._history(c, "remote")

    def _history(self, c: _Context, kind: str) -> Answer:
        items = []
        for request in self.requests.values():
            if request.kind != kind or request.removed:
                continue
            status = self.status_of(request)
            item = {
                "requestId": request.request_id,
                "fileName": request.content.name,
                "status": status["status"],
                "originalLink": request.url,
                "createdOn": request.created_on,
                "server": self.server,
                "isDirectory": request.content.is_directory,
                "fileSize": request.content.size,
                "site": _site_of(request.url),
                "userId": self.user_id,
                "progress": status["progress"],
            }
            if kind == "instant":
                item["downloadLink"] = self._link(c, request, request.content.files[0])
            items.append(item)
        return json_answer(items)

    def _cloud_retry(self, c: _Context) -> Answer:
        return self._retry(c, "cloud")

    def _remote_retry(self, c: _Context) -> Answer:
        return self._retry(c, "remote")

    def _retry(self, c: _Context, kind: str) -> Answer:
        request = self._find(c.params["requestId"], kind)
        if request is None:
            return json_answer({"error": "Requested download not found"})
        if self.status_of(request)["status"] != "error":
            return json_answer({"error": "Only failed downloads can be retried"})
        request.fails = None
        request.started = self.now()
        return json_answer({"success": True, "status": self.status_of(request)})

    def _cloud_remove(self, c: _Context) -> Answer:
        ids = c.fields.get("requests")
        if not isinstance(ids, list):
            return json_answer({"error": "Missing requests"})
        for request_id in ids:
            request = self._find(str(request_id), "cloud")
            if request is not None:
                request.removed = True
        return json_answer({"success": True})

    def _cloud_remove_one(self, c: _Context) -> Answer:
        request = self._find(c.params["requestId"], "cloud")
        if request is None:
            return json_answer({"error": "Requested download not found"})
        request.removed = True
        return json_answer({"success": True})

    def _remote_accounts(self, c: _Context) -> Answer:
        return json_answer({"data": self.remote_accounts})

    # -- cache -------------------------------------------------------------------------------

    def _cache_check(self, c: _Context) -> Answer:
        hashes = c.fields.get("hashes")
        if not isinstance(hashes, list):
            return json_answer({"error": "Missing hashes"})
        cached = [h for h in map(str, hashes) if self._is_cached(h)]
        return json_answer({"cachedItems": cached})

    def _cache_info(self, c: _Context) -> Answer:
        urls = c.fields.get("urls")
        if not isinstance(urls, list):
            return json_answer({"error": "Missing urls"})
        with_files = c.fields.get("includeFiles") is True
        items = []
        for url in map(str, urls):
            content = self._cached_content(url)
            item: dict[str, Any] = {"cached": content is not None}
            if content is not None and with_files:
                item["files"] = [_cached_file(content, f) for f in content.files]
            items.append(item)
        return json_answer(items)

    def _cache_download(self, c: _Context) -> Answer:
        url = c.fields.get("url")
        content = self._cached_content(url) if isinstance(url, str) else None
        if not isinstance(url, str) or content is None:
            return json_answer({"error": "Unsupported link for direct download"})
        request = self._new_request("cache", url, content, None)
        links = [
            {**_cached_file(content, file), "url": self._link(c, request, file)}
            for file in content.files
        ]
        return json_answer(links)

    # -- the rest ----------------------------------------------------------------------------

    def _proxies_list(self, c: _Context) -> Answer:
        proxies = [
            {"id": "1", "name": "Fake Europe", "region": "eu"},
            {"id": "2", "name": "Fake America", "region": "us"},
        ]
        return json_answer({"list": proxies})

    def _sites_list(self, c: _Context) -> Answer:
        sites = [
            {"name": "BitTorrent", "status": "up"},
            {"name": "rapidgator.net", "status": "up"},
            {"name": "uploaded.net", "status": "down"},
        ]
        return json_answer(sites)

    def _torrents_upload(self, c: _Context) -> Answer:
        upload = c.fields.get("file")
        if not isinstance(upload, tuple):
            return json_answer({"error": "Missing file"})
        filename, data = upload
        name = filename.removesuffix(".torrent") or "upload"
        self._uploads += 1
        url = f"{c.origin}/torrent/{self._uploads}/{quote(filename)}"
        self._content[url] = FakeContent.build(name, {name: len(data) * 64})
        return json_answer({"success": True, "url": url, "fileName": filename})

    def _storage_file(self, c: _Context) -> Answer:
        request = self.requests.get(c.params["requestId"])
        if request is None or request.removed:
            return not_found_page()
        if self.status_of(request)["status"] != "downloaded":
            return not_found_page()
        wanted = c.params.get("path") or ""
        files = request.content.files
        if wanted in ("", request.content.name) and len(files) == 1:
            return self._stream(c, request, files[0])
        index = c.params.get("index")
        for position, file in enumerate(files):
            if file.path == wanted and (index is None or int(index) == position + 1):
                return self._stream(c, request, file)
        return not_found_page()

    def _stream(self, c: _Context, request: FakeRequest, file: FakeFile) -> Answer:
        """A file's answer; a body holds one of the file's connection slots until it ends,
        and past `far.max_connections` of them the request is refused, as busy hosts do."""
        answer = file_answer(c.request, file)
        if c.request.method == "HEAD" or answer.status not in (200, 206):
            return answer
        far = self._far
        release = self._streams.open((request.request_id, file.path), far.max_connections)
        if release is None:
            refusal = text_answer(
                f"Too many connections to this file: {far.max_connections} at a time.\n",
                far.refuse_with,
            )
            refusal.headers["Retry-After"] = str(math.ceil(far.retry_after))  # whole seconds
            return refusal
        return attrs.evolve(answer, release=release)

    # -- helpers -----------------------------------------------------------------------------

    def _new_request(
        self, kind: Kind, url: str, content: FakeContent, option: str | None
    ) -> FakeRequest:
        request_id = f"6a{len(self.requests) + 1:022x}"
        created_on = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        cached = content.cached or (url.startswith("magnet:") and self._is_cached(url))
        request = FakeRequest(
            request_id,
            kind,
            url,
            content,
            created_on,
            self.now(),
            option,
            fails=content.fails,
            cached=cached,
        )
        self.requests[request_id] = request
        return request

    def _find(self, request_id: str, kind: str) -> FakeRequest | None:
        request = self.requests.get(request_id)
        if request is None or request.removed or request.kind != kind:
            return None
        return request

    def _finished(self, c: _Context) -> FakeRequest | Answer:
        """The finished cloud request the path names, or the error Offcloud answers."""
        request = self._find(c.params["requestId"], "cloud")
        if request is None:
            return json_answer({"error": "Requested download not found"})
        if self.status_of(request)["status"] != "downloaded":
            return json_answer({"error": "Request is not downloaded yet"})
        return request

    def _content_for(self, url: str) -> FakeContent | None:
        url = url.strip()
        if url.startswith("magnet:"):
            try:
                digest = infohash(url)
            except InvalidArgumentError:
                return None
            key, name = digest, _magnet_name(url, digest)
        elif url.startswith(("http://", "https://")):
            key, name = url, _name_from_url(url)
        else:
            return None
        # Unknown links get a 1 MiB file, kept so the same link gives the same file again.
        return self._content.setdefault(key, FakeContent.build(name))

    def _cached_content(self, item: str) -> FakeContent | None:
        """The content of a magnet or hash Offcloud has cached, or None."""
        try:
            digest = infohash(item)
        except InvalidArgumentError:
            return None
        content = self._content.get(digest)
        if content is None:
            return None
        if content.cached:
            return content
        for request in self.requests.values():
            done = self.status_of(request)["status"] == "downloaded"
            if done and request.url.startswith("magnet:") and infohash(request.url) == digest:
                return content  # Offcloud caches what it has fetched once
        return None

    def _is_cached(self, item: str) -> bool:
        return self._cached_content(item) is not None

    def _link(self, c: _Context, request: FakeRequest, file: FakeFile | None) -> str:
        base = f"{c.origin}/cloud/download/{request.request_id}"
        if file is None:
            return base
        content = request.content
        if not content.is_directory:
            return f"{base}/{quoted_path(file.path)}"
        return f"{base}/{content.files.index(file) + 1}/{quoted_path(file.path)}"


class _Context:
    """One incoming request as the handlers see it."""

    def __init__(self, fake: FakeOffcloud, request: httpx.Request, params: dict[str, str]):
        self.request = request
        self.params = params
        self.fields = request_fields(request)
        self.origin = f"{request.url.scheme}://{request.url.netloc.decode('ascii')}"
        self.has_session = fake.has_session(request)
        self.authorised = self.has_session or _key_of(request, self.fields) == fake.api_key


def _key_of(request: httpx.Request, fields: dict[str, Any]) -> str | None:
    authorization = str(request.headers.get("authorization", ""))
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    for name in ("key", "apikey", "apiKey"):
        value: object = request.url.params.get(name) or fields.get(name)
        if isinstance(value, str):
            return value
    return None


def _cached_file(content: FakeContent, file: FakeFile) -> dict[str, Any]:
    folders = [content.name, *file.path.split("/")[:-1]] if content.is_directory else []
    return {"filename": file.name, "folder": folders, "size": file.size}


def _site_of(url: str) -> str:
    if url.startswith("magnet:"):
        return "BitTorrent"
    return urlsplit(url).hostname or "unknown"


def _name_from_url(url: str) -> str:
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or "download.bin"


def _magnet_name(url: str, digest: str) -> str:
    query = urlsplit(url).query
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == "dn" and value:
            return unquote(value.replace("+", " "))
    return digest
