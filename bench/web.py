"""Web app latency and throughput at national scale.

Data: bench/monitor.py's synthetic nation (3,000 regions × 40 indicators × 6 years, its generator) in a
temp SQLite file, plus an administrator. The app runs as `planwatch serve` (uvicorn) in a subprocess;
a signed-in client measures:
- latency: sequential requests of a region's dashboard page and of /api/v1/status?region=… (p50, p95,
  max over the regions in turn; target p95 < 150 ms);
- throughput: requests/s with 1 and 2 uvicorn workers, by wrk when installed (Debian package `wrk`),
  else by an async httpx load generator in a separate process.

Run: .venv/bin/python bench/web.py [--regions 3000] [--requests 200] [--seconds 10] [--connections 16]
Figures only; this is not a test. Every request goes to 127.0.0.1 only, and every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from monitor import synthetic
from planwatch.services import users
from planwatch.services.audit import Actor
from planwatch.services.database import prepare
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import monitoring as monitoring_repo

PASSWORD = "Bench-admin-2026"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load(folder: Path, regions: int) -> tuple[Settings, list[str]]:
    """The synthetic nation and an administrator; (settings, region codes with a plan)."""
    settings = Settings(data_dir=folder)
    db = Database(settings.effective_database_url)
    prepare(db, settings)
    start = time.perf_counter()
    rows, observations = synthetic(db, regions, 40)
    print(f"loaded {regions:,} regions: {rows:,} plan rows, {observations:,} observations "
          f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
    users.add_user(db, "admin", PASSWORD, "admin", Actor("bench"))
    with db.session() as session:
        codes = monitoring_repo.planned_regions(session)
    db.dispose()
    return settings, codes


class Server:
    """`planwatch serve` in a subprocess, stopped on exit."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.port = free_port()
        env = {**os.environ, "PLANWATCH_DATA_DIR": str(settings.data_dir)}
        args = [str(BIN / "planwatch"), "serve", "--port", str(self.port), "--workers", str(workers)]
        self.proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/login", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def cookie(self) -> str:
        """A signed-in administrator's session cookie."""
        with httpx.Client(base_url=self.url) as client:
            page = client.get("/login").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
            return f"pw_session={client.cookies['pw_session']}"

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def latency(server: Server, cookie: str, paths: list[str]) -> tuple[float, float, float]:
    """(p50, p95, max) in ms of sequential requests."""
    times = []
    with httpx.Client(base_url=server.url, headers={"Cookie": cookie}, timeout=30) as client:
        client.get(paths[0])  # warm up
        for path in paths:
            start = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            assert r.status_code == 200, (path, r.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]


async def _hammer(url: str, cookie: str, paths: list[str], seconds: float, connections: int) -> int:
    done = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(
        base_url=url, headers={"Cookie": cookie}, limits=limits, timeout=30
    ) as client:

        async def worker(i: int) -> None:
            nonlocal done
            n = i
            while time.monotonic() < stop:
                await client.get(paths[n % len(paths)])
                done += 1
                n += connections

        await asyncio.gather(*(worker(i) for i in range(connections)))
    return done


def _hammer_process(
    url: str, cookie: str, paths: list[str], seconds: float, connections: int, out: object
) -> None:
    out.put(asyncio.run(_hammer(url, cookie, paths, seconds, connections)))  # type: ignore[attr-defined]


def throughput(
    server: Server, cookie: str, paths: list[str], seconds: float, connections: int
) -> tuple[float, str]:
    """(requests/s, tool) for one URL (wrk) or the paths in turn (httpx)."""
    wrk = shutil.which("wrk")
    if wrk:
        out = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{int(seconds)}s", "-H", f"Cookie: {cookie}",
                              server.url + paths[0]], capture_output=True, text=True, timeout=seconds + 60).stdout  # fmt: skip
        m = re.search(r"Requests/sec:\s*([\d.]+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if m and not errors:
            return float(m.group(1)), "wrk"
    queue = multiprocessing.get_context("spawn").Queue()
    proc = multiprocessing.get_context("spawn").Process(
        target=_hammer_process, args=(server.url, cookie, paths, seconds, connections, queue)
    )
    proc.start()
    done = queue.get(timeout=seconds + 120)
    proc.join()
    return done / seconds, "httpx"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per latency figure")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each throughput run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--year", type=int, default=2023)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings, codes = load(Path(tmp), args.regions)
        picked = [codes[(i * 7919) % len(codes)] for i in range(args.requests)]  # regions in a spread order
        pages = [f"/dashboard?region={c}&year={args.year}" for c in picked]
        api = [f"/api/v1/status?region={c}&year={args.year}" for c in picked]
        for workers in (1, 2):
            with Server(settings, workers) as server:
                cookie = server.cookie()
                if workers == 1:
                    for label, paths in (("dashboard page", pages), ("/api/v1/status", api)):
                        p50, p95, worst = latency(server, cookie, paths)
                        verdict = "ok" if p95 < 150 else "OVER TARGET"
                        print(f"latency {label} (one region, {len(paths)} sequential requests): p50 {p50:.1f} ms, "
                              f"p95 {p95:.1f} ms, max {worst:.1f} ms  (target p95 < 150 ms: {verdict})")  # fmt: skip
                for label, paths in (("dashboard page", pages), ("/api/v1/status", api)):
                    rate, tool = throughput(server, cookie, paths, args.seconds, args.connections)
                    print(f"throughput {label}, {workers} worker(s), {args.connections} connections: "
                          f"{rate:.0f} requests/s ({tool}, {args.seconds:g} s)")  # fmt: skip


if __name__ == "__main__":
    main()
