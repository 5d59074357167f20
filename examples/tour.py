"""A tour of every resource of the SDK, sync and async.

Run it with a key (`OFFCLOUD_API_KEY=... python examples/tour.py magnet:?xt=urn:btih:...`): it
reads the account, checks the cache, adds the magnet to the cloud, waits for it and lists its
files. The other resources are shown in `everything` (which `tests/test_examples.py` runs
against respx) and `everything_async`.
"""

from __future__ import annotations

import asyncio
import io
import sys

from offcloud_api_client.types import File

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk.exceptions import DownloadFailedError, NotAvailableError, OffcloudError


def add_and_fetch(oc: Offcloud, magnet: str) -> None:
    """The main job: is it cached, add it, wait for it, list its files."""
    print("cached:", oc.cache.check([magnet])[magnet])
    try:
        request = oc.cloud.add(url=magnet)
    except NotAvailableError as error:
        print("this account cannot:", error.reason)
        return
    try:
        done = oc.cloud.wait(
            request.request_id,
            timeout=3600,
            on_progress=lambda s: print(f"  {s.status} {s.progress if s.progress else ''}"),
        )
    except DownloadFailedError as error:
        print("failed:", error.message)
        return
    print("downloaded:", done.file_name)
    for file in oc.cloud.files(request.request_id):
        print(f"  {file.path or file.name} ({file.size} bytes): {file.url}")


def everything(oc: Offcloud, request_id: str) -> None:
    """One call on every resource."""
    info = oc.account.info()
    print(info.user_id, info.is_premium, oc.account.stats().email)
    print(oc.auth.check().logged_in)
    print([site.name for site in oc.sites.list()])
    proxies = oc.proxies.list()
    print(proxies.list_ if not isinstance(proxies, list) else proxies)
    print(oc.instant.add(url="https://example.com/file.zip").request_id)
    print(len(oc.instant.history()))
    accounts = oc.remote.accounts()
    print(accounts if isinstance(accounts, list) else accounts.data)
    print(oc.remote.history()[0].request_id)
    print(oc.remote.status(request_id=request_id).status.status)
    print(oc.cache.info(urls=["magnet:?xt=urn:btih:" + "0" * 40])[0].cached)
    print(oc.cache.download(url="magnet:?xt=urn:btih:" + "0" * 40)[0].url)
    print(oc.cache.check_hashes(hashes=["0" * 40]).cached_items)
    torrent = File(payload=io.BytesIO(b"d4:infod4:name1:aee"), file_name="a.torrent")
    print(oc.torrents.upload(file=torrent).url)
    print(oc.cloud.history()[0].request_id, oc.cloud.explore(request_id), oc.cloud.list(request_id))
    print(oc.cloud.retry(request_id), oc.cloud.remove(requests=[request_id]).success)
    print(oc.cloud.remove_one(request_id).success)
    with oc.with_options(timeout=5.0, max_retries=0) as quick:
        print(quick.cloud.status(request_id=request_id))


async def everything_async(oc: AsyncOffcloud, request_id: str) -> None:
    """The async client: the same surface, awaited."""
    info, stats = await asyncio.gather(oc.account.info(), oc.account.stats())
    print(info.user_id, stats.email)
    print(await oc.cache.check(["0" * 40, "1" * 40]))
    done = await oc.cloud.wait(request_id, timeout=60)
    files = await oc.cloud.files(request_id)
    print(done.status, [file.name for file in files])
    print(await oc.cloud.wait_all([request_id], raise_on_error=False))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: tour.py MAGNET_OR_INFOHASH  (with OFFCLOUD_API_KEY set)", file=sys.stderr)
        return 2
    try:
        with Offcloud() as oc:
            add_and_fetch(oc, argv[1])
    except OffcloudError as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
