"""Live progress bars on stderr, drawn only when stderr is a terminal.

A download's bar shows its bytes, speed and time left, as aria2 and wget do; files fetched at
once each have their own. Sizes and speeds are in binary units (KiB, MiB, GiB), as in the
tables.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._output import Output, human_size, inert

if TYPE_CHECKING:
    from offcloud_api_client.models.request_status import RequestStatus

    from .._downloads.downloads import DownloadProgress

SPEED_WINDOW = 5.0
"""Seconds of progress the speed (and so the time left) is measured over: the speed now, not
the average since the start."""
_now = time.monotonic  # looked up at each use, so a test can stand in for real time


class Bars:
    """One bar per key (a request id, a file); silent when stderr is not a terminal.

    Its methods may be called from several threads at once (the files of `get -j`)."""

    def __init__(self, output: Output, *, bytes_mode: bool) -> None:
        self.output = output
        self.bytes_mode = bytes_mode
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Bars:
        if self.output.live:
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            columns: list[Any] = [TextColumn("{task.description}"), BarColumn()]
            if self.bytes_mode:
                speed = _speed_column()
                columns += [DownloadColumn(binary_units=True), speed, TimeRemainingColumn()]
            else:
                columns += [TaskProgressColumn(), TextColumn("{task.fields[state]}")]
            self._progress = Progress(
                *columns,
                console=self.output.stderr,
                transient=False,
                get_time=lambda: _now(),
                speed_estimate_period=SPEED_WINDOW,
            )
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def status(self, status: RequestStatus) -> None:
        """Show a request's latest status (cloud.wait's on_progress)."""
        from offcloud_api_client.types import Unset

        key = status.request_id if isinstance(status.request_id, str) else "?"
        name = status.file_name if isinstance(status.file_name, str) else key
        fraction = status.progress if not isinstance(status.progress, Unset) else None
        if fraction is None and status.status == "downloaded":
            fraction = 1.0
        self._update(key, name, (fraction or 0.0) * 100, 100, state=status.status)

    def download(self, progress: DownloadProgress) -> None:
        """Show a file's download progress (files.download's on_progress)."""
        key = str(progress.path)
        self._update(key, progress.path.name, progress.done, progress.total, state="")

    @property
    def live(self) -> bool:
        return self._progress is not None

    def _update(
        self, key: str, name: str, completed: float, total: float | None, *, state: str
    ) -> None:
        if self._progress is None:
            return
        from rich.markup import escape  # names like "[b] Show" are text, not markup

        shown_state = escape(inert(state))
        with self._lock:  # one bar per key, whichever thread reports first
            task = self._tasks.get(key)
            if task is None:  # what a resumed file already had is no speed
                task = self._progress.add_task(
                    escape(inert(name)), total=total, completed=completed, state=shown_state
                )
                self._tasks[key] = task
                if total is None or completed < total:
                    return
            self._progress.update(task, completed=completed, total=total, state=shown_state)


def _speed_column() -> Any:
    """rich's TransferSpeedColumn, in binary units."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class BinarySpeedColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            shown = "?" if speed is None else f"{human_size(speed)}/s"
            return Text(shown, style="progress.data.speed")

    return BinarySpeedColumn()
