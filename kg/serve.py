"""A SPARQL 1.1 Protocol endpoint over a build's store: Oxigraph's own server.

    with start_server("out/demo", port=7878) as server:
        print(server.url)          # http://127.0.0.1:7878  (web query page)
        server.query_url           # …/query  (SPARQL 1.1 query)
        server.update_url          # …/update (only with writable=True)

Runs the `oxigraph` binary of the `oxigraph` package: `serve-read-only` by
default (other processes may read the store meanwhile; it must not be
written while served), `serve` with writable=True (SPARQL Update and the Graph
Store protocol; the store is locked for other writers). Both use the union
of the named graphs as the default graph, as `kg query` does; the project's
prefixes are not predeclared. Bound to 127.0.0.1 unless told otherwise.
On Linux the server is also terminated when the process (strictly: the
thread) that started it dies, so a killed `kg serve` leaves nothing behind.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.store import reader_lock, resolve_store_dir

DEFAULT_PORT = 7878
DEFAULT_HOST = "127.0.0.1"


class ServeError(KGError):
    """The SPARQL server could not be started."""


# loopback requests must not go through an HTTP proxy from the environment
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def oxigraph_binary() -> str:
    """The `oxigraph` executable: $KG_OXIGRAPH, next to this Python, or on PATH."""
    candidates = [os.environ.get("KG_OXIGRAPH"), str(Path(sys.executable).parent / "oxigraph"), shutil.which("oxigraph")]
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    raise ServeError("the `oxigraph` server binary was not found; install it with `pip install oxigraph` "
                     "(or point KG_OXIGRAPH at it)")


def _die_with_parent() -> None:
    """In the server process (Linux): be terminated when `kg` dies, even by SIGKILL."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@dataclass
class ServerHandle:
    url: str
    store_dir: Path
    writable: bool
    process: subprocess.Popen = field(repr=False)
    log_path: Path = field(repr=False)

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self) -> int:
        return self.process.wait()

    def stop(self, timeout: float = 10) -> None:
        """Stop the server (SIGTERM, then SIGKILL after `timeout`)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        try:
            self.log_path.unlink()
        except OSError:
            pass

    def __enter__(self) -> "ServerHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _log_tail(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()[-2000:]
    except OSError:
        return ""


def start_server(store_dir, port: int | None = DEFAULT_PORT, writable: bool = False, host: str = DEFAULT_HOST,
                 timeout: float = 30, cors: bool = False) -> ServerHandle:
    """Start Oxigraph's server on a build (or store) folder and wait until it
    answers. port=None or 0 picks a free port."""
    store = resolve_store_dir(store_dir)
    if not port:
        port = free_port(host)
    bind = f"{host}:{port}"
    cmd = [oxigraph_binary(), "serve" if writable else "serve-read-only", "--location", str(store),
           "--bind", bind, "--union-default-graph"]
    if cors:
        cmd.append("--cors")
    # held by the server process itself (an inherited descriptor), so a build
    # refuses this store exactly as long as the server runs
    lock = reader_lock(store)
    try:
        fd, log = tempfile.mkstemp(prefix="kg-serve-", suffix=".log")
        with os.fdopen(fd, "wb") as log_file:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                                    pass_fds=() if lock is None else (lock.fileno(),),
                                    preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    finally:
        if lock is not None:
            lock.close()
    url_host = f"[{host}]" if ":" in host else host
    handle = ServerHandle(f"http://{url_host}:{port}", store, writable, proc, Path(log))
    try:
        _wait_until_ready(handle, bind, timeout)
    except BaseException:  # Ctrl-C while starting included: never leave the server behind
        handle.stop()
        raise
    return handle


def _wait_until_ready(handle: ServerHandle, bind: str, timeout: float) -> None:
    proc = handle.process
    deadline = time.monotonic() + timeout
    probe = handle.query_url + "?query=ASK%7B%7D"
    while True:
        if proc.poll() is not None:
            raise ServeError(f"oxigraph exited with status {proc.returncode} while starting on {bind}: "
                             + _log_tail(handle.log_path))
        try:
            with _OPENER.open(probe, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            raise ServeError(f"oxigraph did not answer on {bind} within {timeout:.0f} s")
        time.sleep(0.1)

