"""`OffcloudAPI`: the seed's interface, its README examples run as written but for the imports."""

from __future__ import annotations

import contextlib
import io
import json
import re
import textwrap

import httpx
import pytest
import respx
from spec_support import ROOT, fixture

from offcloud_sdk import OffcloudAPI
from offcloud_sdk.exceptions import AuthError, NotFoundError, OffcloudError

API = "https://offcloud.com/api"
SEED_README = ROOT.parent / "shared" / "reference" / "seed-offcloud_api-README.md"
NEW_IMPORTS = (
    "from offcloud_sdk import OffcloudAPI\nfrom offcloud_sdk.exceptions import OffcloudError\n"
)

# The seed README's two examples, verbatim below their import lines.
QUICKSTART = """
client = OffcloudAPI()
try:
    client.login("username", "password")
    key_data = client.get_api_key()
    client.api_key = key_data["key"]

    # start an instant download
    job = client.instant("https://example.com/file.zip")
    request_id = job.get("id")

    # poll for completion
    status = client.cloud_status(request_id)
    if status.get("status") == "finished":
        print(client.list_cloud(request_id))

except OffcloudError as e:
    print(f"Error: {e}")
"""
EXISTING_KEY = """
client = OffcloudAPI(api_key="your_api_key_here")
try:
    # start an instant download right away
    job = client.instant("https://example.com/file.zip")
    print(job)

except OffcloudError as e:
    print(f"Error: {e}")
"""
INSTANT = {"requestId": "r1", "fileName": "file.zip", "url": "https://example.com/file.zip",
           "site": "example.com", "status": "created", "originalLink": "https://example.com/file.zip",
           "createdOn": "2026-11-27T10:00:00.000Z"}  # fmt: skip


def run_example(body: str) -> str:
    """Run an example with the new import lines; what it printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(NEW_IMPORTS + body, {"__name__": "example"})
    return printed.getvalue()


def readme_examples() -> list[str]:
    blocks = re.findall(r"```python\n(.*?)```", SEED_README.read_text(encoding="utf-8"), re.S)
    return [re.sub(r"\A(?:from .*\n)+", "", textwrap.dedent(block)).strip() for block in blocks]


@pytest.mark.skipif(not SEED_README.exists(), reason="needs ../shared/reference beside the repo")
def test_the_examples_here_are_the_seed_readme_s() -> None:
    assert readme_examples() == [QUICKSTART.strip(), EXISTING_KEY.strip()]


def test_seed_quickstart_runs_unchanged_against_the_classic_api(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OFFCLOUD_API_KEY", raising=False)
    monkeypatch.delenv("OFFCLOUD_BASE_URL", raising=False)
    with respx.mock(assert_all_called=True) as mock:
        login = mock.post(f"{API}/login").mock(
            return_value=httpx.Response(
                200,
                json=fixture("auth_login/recorded-success").body,
                headers={"set-cookie": "connect.sid=s%3Aseed; Path=/"},
            )
        )
        key = mock.post(f"{API}/key").mock(return_value=fixture("auth_api_key/success").response())
        instant = mock.post(url__startswith=f"{API}/instant").respond(json=INSTANT)
        status = mock.post(url__startswith=f"{API}/cloud/status").respond(
            json={"status": {"requestId": "r1", "status": "downloaded"}}
        )
        printed = run_example(QUICKSTART)
    assert printed == ""
    assert json.loads(login.calls.last.request.content) == {"username": "username",
                                                            "password": "password"}  # fmt: skip
    assert key.calls.last.request.headers["cookie"] == "connect.sid=s%3Aseed"
    new_key = fixture("auth_api_key/success").body["apiKey"]
    assert instant.calls.last.request.url.params["key"] == new_key
    assert "authorization" not in instant.calls.last.request.headers
    assert status.called


def test_seed_quickstart_explains_that_password_login_is_retired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OFFCLOUD_API_KEY", raising=False)
    with respx.mock() as mock:
        mock.post(f"{API}/login").mock(
            return_value=fixture("auth_login/recorded-page-not-found").response()
        )
        printed = run_example(QUICKSTART)
    assert printed.startswith("Error: password login is retired")
    assert "OFFCLOUD_API_KEY" in printed


def test_seed_existing_key_example_runs_unchanged() -> None:
    with respx.mock() as mock:
        instant = mock.post(url__startswith=f"{API}/instant").respond(json=INSTANT)
        printed = run_example(EXISTING_KEY)
    assert printed == f"{INSTANT}\n"
    sent = instant.calls.last.request
    assert sent.url.params["key"] == "your_api_key_here"
    assert json.loads(sent.content) == {"url": "https://example.com/file.zip"}


def test_seed_existing_key_example_prints_an_offcloud_error() -> None:
    with respx.mock() as mock:
        mock.post(url__startswith=f"{API}/instant").respond(json={"not_available": "premium"})
        printed = run_example(EXISTING_KEY)
    assert printed == "Error: POST /api/instant: not available for this account: premium\n"


RID = "5f2b6c3e9d1a4b7c8e0f1a2b"
# method call -> (HTTP method, path, JSON body sent or None, answer)
METHODS = [
    (lambda c: c.check_login(), "GET", "/check", None, {"loggedIn": 1}),
    (lambda c: c.instant("https://x/f", proxy_id="7"), "POST", "/instant",
     {"url": "https://x/f", "proxyId": "7"}, INSTANT),
    (lambda c: c.cloud("magnet:?xt=urn:btih:abc"), "POST", "/cloud",
     {"url": "magnet:?xt=urn:btih:abc"}, INSTANT),
    (lambda c: c.remote("https://x/f", "opt", "/dir"), "POST", "/remote",
     {"url": "https://x/f", "remoteOptionId": "opt", "folderId": "/dir"},
     {"requestId": "r2", "status": "created"}),
    (lambda c: c.get_proxies(), "POST", "/proxy", None,
     {"list": [{"id": 1, "name": "Main (US, New York)", "region": "us"}]}),
    (lambda c: c.cloud_status(RID), "POST", "/cloud/status", {"requestId": RID},
     {"status": {"requestId": RID, "status": "downloading", "amount": 5, "extra": [1]}}),
    (lambda c: c.remote_status(RID), "POST", "/remote/status", {"requestId": RID},
     {"status": {"status": "downloaded", "amount": 5, "requestId": RID}}),
    (lambda c: c.cache_info(["ABC"]), "POST", "/cache", {"hashes": ["ABC"]},
     {"cachedItems": ["abc"]}),
    (lambda c: c.explore_cloud(RID), "GET", f"/cloud/explore/{RID}", None, ["https://s/a b.mkv"]),
    (lambda c: c.retry_cloud(RID), "GET", f"/cloud/retry/{RID}", None, {"status": "created"}),
    (lambda c: c.retry_remote(RID), "GET", f"/remote/retry/{RID}", None,
     {"status": {"status": "created"}}),
]  # fmt: skip


@pytest.mark.parametrize(("call", "method", "path", "body", "answer"), METHODS)
def test_each_seed_method_sends_the_classic_request_and_returns_plain_json(
    call: object, method: str, path: str, body: object, answer: object
) -> None:
    client = OffcloudAPI(api_key="seedkey")
    with respx.mock() as mock:
        route = mock.route(method=method, url__startswith=f"{API}{path}").respond(json=answer)
        result = call(client)  # type: ignore[operator]
    sent = route.calls.last.request
    assert sent.url.params["key"] == "seedkey"
    assert (json.loads(sent.content) if sent.content else None) == body
    assert result == answer


def test_list_cloud_returns_the_links_where_the_seed_crashed_on_text() -> None:
    client = OffcloudAPI(api_key="seedkey")
    text = fixture("cloud_list/links").text
    with respx.mock() as mock:
        mock.get(url__startswith=f"{API}/cloud/list/{RID}").respond(text=text)
        links = client.list_cloud(RID)
    assert links == [line.strip() for line in text.splitlines() if line.strip()]
    assert links


def test_get_api_key_carries_the_key_alias_the_seed_readme_reads() -> None:
    client = OffcloudAPI()
    with respx.mock() as mock:
        mock.post(f"{API}/key").mock(return_value=fixture("auth_api_key/success").response())
        answer = client.get_api_key()
    assert answer["key"] == answer["apiKey"] == fixture("auth_api_key/success").body["apiKey"]


def test_seed_errors_are_the_sdk_s(monkeypatch: pytest.MonkeyPatch) -> None:
    client = OffcloudAPI(api_key="seedkey", max_retries=0)
    with respx.mock() as mock:
        mock.get(url__startswith=f"{API}/check").respond(401, json={"error": "NOAUTH"})
        mock.get(url__startswith=f"{API}/cloud/explore/").respond(404, text="Page not found.")
        with pytest.raises(AuthError):
            client.check_login()
        with pytest.raises(NotFoundError):
            client.explore_cloud(RID)
    with pytest.raises(OffcloudError, match="remote_option_id"):
        client.remote("https://x/f")


def test_seed_client_keeps_its_attributes() -> None:
    client = OffcloudAPI(api_key="seedkey")
    assert client.api_key == "seedkey"
    assert client.base_url == API
    client.api_key = "other"
    assert client.client.api_key == "other"
    assert "seedkey" not in repr(client)
    assert "other" not in repr(client)
    with client:
        pass
