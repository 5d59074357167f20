"""Peak memory of `oc.files.download` on a large file: it must stay flat (constant memory).

Runs the sandbox server in one process and the download in another, and prints the client's
peak RSS at rest (interpreter + SDK imported) and after downloading, for two file sizes: if
memory grew with the file, the bigger one would show it.

    .venv/bin/python benchmarks/download_memory.py [size in MiB, default 300]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

CHILD = r"""
import json, re, sys, time
from offcloud_sdk import Offcloud
base_url, key, request_id, dest = sys.argv[1:5]
def peak():  # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent at exec
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1)) / 1024
with Offcloud(key, base_url=base_url) as oc:
    url = oc.cloud.files(request_id)[0].url
    at_rest = peak()
    started = time.perf_counter()
    path = oc.files.download(url, dest)
    seconds = time.perf_counter() - started
print(json.dumps({"at_rest": at_rest, "after": peak(), "seconds": seconds,
                  "bytes": path.stat().st_size}))
"""

SERVER = r"""
import json, sys, time
from offcloud_sdk._calls.clock import SystemClock
from offcloud_sdk.testing import FakeOffcloud
sizes = [int(s) for s in sys.argv[1:]]
fake = FakeOffcloud(clock=SystemClock())
ids = []
with fake.serve() as base_url:
    from offcloud_sdk import Offcloud
    with Offcloud(fake.api_key, base_url=base_url) as oc:
        for size in sizes:
            magnet = fake.add_torrent(f"big-{size}", {f"big-{size}.bin": size}, cached=True)
            ids.append(oc.cloud.add(url=magnet).request_id)
    print(json.dumps({"base_url": base_url, "key": fake.api_key, "ids": ids}), flush=True)
    time.sleep(3600)
"""


def main() -> None:
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    sizes = [mib // 10 << 20, mib << 20]
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, *map(str, sizes)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        info = json.loads(server.stdout.readline())
        print(f"{'file':>10} {'at rest':>10} {'peak':>10} {'growth':>10} {'MiB/s':>8}")
        for size, request_id in zip(sizes, info["ids"], strict=True):
            with tempfile.TemporaryDirectory() as folder:
                dest = os.path.join(folder, "file.bin")
                args = [sys.executable, "-c", CHILD, info["base_url"], info["key"], request_id]
                done = subprocess.run([*args, dest], capture_output=True, text=True, check=True)
            result = json.loads(done.stdout)
            assert result["bytes"] == size
            growth = result["after"] - result["at_rest"]
            speed = size / (1 << 20) / result["seconds"]
            print(
                f"{size >> 20:>6} MiB {result['at_rest']:>6.1f} MiB {result['after']:>6.1f} MiB "
                f"{growth:>6.1f} MiB {speed:>8.0f}"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
