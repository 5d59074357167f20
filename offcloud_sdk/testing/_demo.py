"""What the sandbox has to offer: a few torrents, one of them cached, (`--file-size`) one big
file ready to download, and (`--drift`) answers that differ from the spec as a changed
Offcloud's would."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._fake import FakeOffcloud
from ._faults import Drift
from ._storage import quoted_path

MiB = 1 << 20


def add_demo_content(fake: FakeOffcloud) -> list[str]:
    """Register the demo torrents on `fake`; their magnets, the uncached one first."""
    return [
        fake.add_torrent(
            "Big Buck Bunny",
            {
                "Big Buck Bunny.mp4": 24 * MiB,
                "Subs/Big Buck Bunny.en.srt": b"1\n00:00:01,000 --> 00:00:04,000\nHello, bunny.\n",
                "poster.jpg": 200_000,
            },
        ),
        fake.add_torrent(
            "Sintel", {"Sintel.mkv": 12 * MiB, "Sintel.nfo": b"Sintel (2010)\n"}, cached=True
        ),
        fake.add_torrent("Broken upload", fails="File will not be downloaded due to an error."),
    ]


def add_big_file(fake: FakeOffcloud, size: int, base_url: str, name: str = "big.bin") -> str:
    """Register a cached single-file torrent `name` of `size` bytes, add it to the cloud, and
    return its file's link on `base_url` (where `fake` is served), ready to download."""
    magnet = fake.add_torrent(name, {name: size}, cached=True)
    with fake.client() as http:
        added = http.post(
            f"{base_url}/api/cloud",
            json={"url": magnet},
            headers={"Authorization": f"Bearer {fake.api_key}"},
        )
    return f"{added.json()['url']}/{quoted_path(name)}"


def _seeding(word: object) -> object:
    """A status word of a request still under way, as a newer Offcloud might say it."""
    return word if word in ("downloaded", "error", "canceled") else "seeding"


def _text_bool(value: object) -> object:
    return str(value).lower() if isinstance(value, bool) else value


DRIFT_PRESET: Mapping[str, Drift] = MappingProxyType(
    {
        "account_info": Drift({"plan": "premium"}, convert={"is_premium": _text_bool}),
        "cloud_history": Drift(
            {"[].server": None},
            drop=["[].userId"],
            rename={"[].fileName": "name"},
            convert={"[].progress": str, "[].status": _seeding},
        ),
        "cloud_status": Drift(
            convert={
                "status.status": _seeding,
                "requests[].status": _seeding,
                "status.amount": float,
                "requests[].amount": float,
            }
        ),
        "sites_list": Drift(wrap="data"),
    }
)
"""What `add_drift_preset` changes, by operation (see there)."""

DRIFT_PRESET_CHANGES: tuple[tuple[str, str, str, str], ...] = (
    ("account_info", "plan", "added", "a field the spec lacks: 'premium'"),
    ("account_info", "is_premium", "type", "text 'true' where the spec says boolean"),
    ("cloud_history", "[].server", "null", "null where the spec says string"),
    ("cloud_history", "[].fileName", "renamed", "sent as 'name'"),
    ("cloud_history", "[].name", "added", "fileName under a new name"),
    ("cloud_history", "[].userId", "dropped", "an optional field left out"),
    ("cloud_history", "[].progress", "type", "text such as '0.5' where the spec says number"),
    ("cloud_history", "[].status", "status word", "'seeding' for a request under way"),
    ("cloud_status", "status.status", "status word", "'seeding' for a request under way"),
    ("cloud_status", "requests[].status", "status word", "'seeding' for a request under way"),
    ("cloud_status", "status.amount", "type", "a float such as 0.0 where the spec says integer"),
    ("cloud_status", "requests[].amount", "type", "a float where the spec says integer"),
    ("sites_list", "", "wrapped", "the list sent as {'data': [...]}"),
)
"""Each difference of the preset: (operation, JSON path in wire names with `[]` for every
item, kind, what is sent). Kinds: added, dropped, renamed, type, null, wrapped, status word."""


def add_drift_preset(fake: FakeOffcloud) -> None:
    """Make `fake` answer as an Offcloud whose API has drifted from the spec (`offcloud
    sandbox --drift`), for good until `fake.clear_drift()`:

    - `account_info`: a new field `plan` (`"premium"`); `is_premium` sent as text (`"true"`)
      where the spec says boolean.
    - `cloud_history`: in every item, `server` is null; `fileName` is renamed `name`; the
      optional `userId` is left out; `progress` is sent as text (`"0.5"`) where the spec says
      number; `status` says `seeding` as in `cloud_status`.
    - `cloud_status`: a request still under way (`created`, `downloading`) has the new status
      word `seeding` (in `status.status` and `requests[].status`); `amount` is a float
      (`1048576.0`) where the spec says integer.
    - `sites_list`: the list arrives wrapped as `{"data": [...]}`.

    Every other operation answers as the spec says. A lenient client (`strict=False`) reads
    all of it (logging what differs on `offcloud_sdk.drift`); a strict one raises
    `UnexpectedResponseError` for each of these four operations. Items of `cloud_history` and
    statuses exist only once a download has been added.
    """
    for operation, drift in DRIFT_PRESET.items():
        fake.drift(operation, drift)
