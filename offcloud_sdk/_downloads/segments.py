"""The byte ranges of a download fetched over several connections: which bytes are done, which
range each connection is fetching, and which range a free connection takes next.

A free connection takes the first bytes nobody is fetching (`Board.take`). When there are
none, it takes the second half of the largest range still being fetched, as aria2 does, so one
slow connection does not hold up the end; the connection whose range shrank stops at its new
end. A half smaller than `MIN_SPLIT` is not worth a request: the connection waits for a range
to come back (from a connection that failed or retired), or ends with the download.

One `Board` is shared by the connections of a download (threads, or tasks): each method holds
its lock for a few list operations. Bytes are written outside it: `reserve` says how many of a
chunk still belong to the connection's range, `advance` counts them once written, so the
ranges recorded are only ever bytes that are on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from .part_files import Span

MIN_SPLIT = 1 << 20
"""The smallest half of a range a free connection takes (aria2 users pass `-k1M`)."""
ALIGN = 64 << 10
"""Where a range is split: on a multiple of this, when the range is long enough."""


class _Wait:
    """`Board.take`'s answer when nothing is free to take yet, but the download is not over."""

    def __repr__(self) -> str:
        return "WAIT"


WAIT: Final = _Wait()


@attrs.define(eq=False)
class Claim:
    """The bytes `[start, end)` one connection fetches; those before `position` are written.

    `end` shrinks when another connection takes the second half; `pending` counts the bytes
    being written right now, which no split may take."""

    start: int
    end: int
    position: int
    pending: int = 0
    streaming: bool = False
    """Whether its connection is receiving the file (its answer was a good range)."""

    @property
    def left(self) -> int:
        return self.end - self.position - self.pending


def merged(spans: Iterable[Span]) -> list[Span]:
    """`spans` sorted, the touching and overlapping ones joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def first_gap(spans: Iterable[Span], total: int) -> Span | None:
    """The first bytes of `[0, total)` that `spans` leave out, or None when they cover it."""
    at = 0
    for start, end in merged(spans):
        if start > at:
            return at, start
        at = max(at, end)
    return (at, total) if at < total else None


def covered(spans: Iterable[Span]) -> int:
    return sum(end - start for start, end in merged(spans))


class Board:
    """The ranges of one download: done, being fetched, free. Safe to share between threads.

    `save(ranges)` is called (under the lock, so the record never lags the disk by more than
    `flush_bytes`) with every byte range on disk: every `flush_bytes` bytes, every
    `flush_seconds` on `now`, and whenever a connection gives its range back. `report(done)`
    runs outside the lock, so a slow progress callback holds up one connection, not all: one
    at a time, only growing, and skipped while another is running (the next carries the larger
    total; `report_now` gives the last). `wake()` is called (under the lock) when a waiting
    connection may find something to take."""

    def __init__(
        self,
        total: int,
        done: Iterable[Span],
        *,
        save: Callable[[tuple[Span, ...]], None],
        now: Callable[[], float],
        flush_bytes: int,
        flush_seconds: float,
        report: Callable[[int], None] | None = None,
    ) -> None:
        self.total = total
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        """Notified with `wake`: what a waiting thread waits on."""
        self.wake: Callable[[], None] = self.changed.notify_all
        self._done = merged(done)
        self._claims: list[Claim] = []
        self.done_bytes = covered(self._done)
        self.stopped = False
        self._save = save
        self._now = now
        self._report = report
        self._flush_bytes = flush_bytes
        self._flush_seconds = flush_seconds
        self._unsaved = 0
        self._saved_at = now()
        self._reporting = threading.Lock()
        self._reported = -1

    @property
    def complete(self) -> bool:
        with self.lock:
            return not self._claims and self._done == [(0, self.total)]

    def spans(self) -> tuple[Span, ...]:
        """Every byte range on disk: those done, and what each connection wrote so far."""
        with self.lock:
            return self._spans()

    def claim(self, start: int, end: int) -> Claim:
        """Register the range a connection already fetches (the first answer's)."""
        with self.lock:
            made = Claim(start, end, start, streaming=True)
            self._claims.append(made)
            return made

    def take(self) -> Claim | _Wait | None:
        """A range for a free connection; `WAIT` when none is free yet; None when the
        download is over (complete or stopped)."""
        with self.lock:
            return self._take()

    def take_waiting(self) -> Claim | None:
        """`take`, waiting (a thread) while the answer is `WAIT`."""
        with self.changed:
            while True:
                taken = self._take()
                if taken is not WAIT:
                    assert not isinstance(taken, _Wait)
                    return taken
                self.changed.wait()

    def others_streaming(self, claim: Claim) -> bool:
        """Whether a connection other than `claim`'s is receiving the file right now."""
        with self.lock:
            return any(other.streaming for other in self._claims if other is not claim)

    def reserve(self, claim: Claim, size: int) -> int:
        """How many of `size` bytes at `claim.position` are still the claim's to write (0 once
        it has reached its end or the download stopped); no split takes them meanwhile."""
        with self.lock:
            if self.stopped:
                return 0
            count = max(min(size, claim.end - claim.position), 0)
            claim.pending = count
            return count

    def advance(self, claim: Claim, count: int) -> None:
        """Count `count` bytes written at `claim.position`; save and report as due."""
        with self.lock:
            claim.position += count
            claim.pending = 0
            self.done_bytes += count
            done = self.done_bytes
            self._unsaved += count
            if self._unsaved >= self._flush_bytes or (
                self._now() - self._saved_at >= self._flush_seconds
            ):
                self._flush()
        if self._report is not None and self._reporting.acquire(blocking=False):
            try:
                self._report_once(done)
            finally:
                self._reporting.release()

    def report_now(self) -> None:
        """Report the bytes done now (waiting for a report under way): the last word."""
        if self._report is not None:
            with self._reporting:
                self._report_once(self.done_bytes)

    def release(self, claim: Claim) -> None:
        """The claim's connection stops fetching it: what it wrote is done, the rest free."""
        with self.lock:
            claim.streaming = False
            claim.pending = 0
            if claim.position > claim.start:
                self._done = merged([*self._done, (claim.start, claim.position)])
            if claim in self._claims:
                self._claims.remove(claim)
                self._flush()
            self.wake()

    def stop(self) -> None:
        """End the download: no range is given out any more, no byte counted."""
        with self.lock:
            self.stopped = True
            self.wake()

    def flush(self) -> None:
        """Save the ranges on disk now."""
        with self.lock:
            self._flush()

    def _flush(self) -> None:
        self._unsaved = 0
        self._saved_at = self._now()
        self._save(self._spans())

    def _report_once(self, done: int) -> None:
        assert self._report is not None
        if done > self._reported:
            self._reported = done
            self._report(done)

    def _spans(self) -> tuple[Span, ...]:
        written = [(c.start, c.position) for c in self._claims if c.position > c.start]
        return tuple(merged([*self._done, *written]))

    def _take(self) -> Claim | _Wait | None:
        if self.stopped:
            return None
        gap = first_gap([*self._done, *((c.start, c.end) for c in self._claims)], self.total)
        if gap is not None:
            made = Claim(gap[0], gap[1], gap[0])
            self._claims.append(made)
            return made
        if not self._claims:
            return None  # every byte is done
        largest = max(self._claims, key=lambda c: c.left)
        split = largest.end - largest.left // 2
        aligned = -(-split // ALIGN) * ALIGN  # rounded up: the half taken only gets shorter
        if largest.end - aligned >= MIN_SPLIT:
            split = aligned
        if largest.end - split < MIN_SPLIT:
            return WAIT
        made = Claim(split, largest.end, split)
        largest.end = split
        self._claims.append(made)
        return made
