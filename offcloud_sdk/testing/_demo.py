"""What the sandbox has to offer: a few torrents, one of them cached."""

from __future__ import annotations

from ._fake import FakeOffcloud

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
