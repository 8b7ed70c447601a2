"""A throw-away copy of the project, for tests that build or serve a whole site."""

from __future__ import annotations

import contextlib
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from explainer.skeleton import copy_skeleton

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SEED = ROOT / "seeds" / "000_f24bd75c494e3b1c.txt"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def make_project(dest: pathlib.Path, *, seeds: bool = True) -> pathlib.Path:
    """Copy code, hook, templates, hand-written docs and config (and the seed) into ``dest``."""
    copy_skeleton(ROOT, dest)
    if seeds:
        shutil.copy2(SEED, dest / "seeds" / SEED.name)
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(root: pathlib.Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, *args], cwd=root, env=ENV, capture_output=True, text=True, timeout=timeout)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


class Serve:
    """A real ``mkdocs serve`` on 127.0.0.1, its log collected in a file."""

    def __init__(self, root: pathlib.Path):
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = root / "serve.log"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Serve":
        log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=self.root, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        self.wait_for(lambda: "Serving on" in self.log(), 240, "the server to start")
        return self

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def log(self) -> str:
        return self.log_path.read_text("utf-8", "replace")

    def save(self, path: pathlib.Path, data: str | bytes) -> None:
        """Save ``path`` the way most editors do: write a temporary file, then rename it over.

        A plain ``write_text`` truncates, then writes: two inotify events.  MkDocs
        merges events less than 0.1 s apart into one rebuild, but on a loaded CI
        machine the writer can be descheduled between them, and the test would
        count a second rebuild that our code did not cause.  A rename is one event.
        """
        scratch = self.root / ".cache" / "edits"  # not watched, same file system
        scratch.mkdir(parents=True, exist_ok=True)
        tmp = scratch / path.name
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)

    def builds(self) -> int:
        return self.log().count("Building documentation")

    def finished(self) -> bool:
        """Every rebuild so far is over (the first build ends before "Serving on")."""
        log = self.log()
        done = log.count("Reloading browsers") + log.count("An error happened during the rebuild")
        return done >= log.count("Building documentation") - 1

    def wait_for(self, condition, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.proc and self.proc.poll() is not None:
                raise AssertionError(f"mkdocs serve exited while waiting for {what}:\n{self.log()}")
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log()}")

    def settle(self, builds_before: int, timeout: float = 120, quiet: float = 3.0) -> int:
        """Wait for at least one new build to finish, then for ``quiet`` seconds without one; return the count."""
        self.wait_for(lambda: self.builds() > builds_before and self.finished(), timeout, "a rebuild")
        count = self.builds()
        end = time.monotonic() + quiet
        while time.monotonic() < end:
            time.sleep(0.1)
            if self.builds() != count:
                count, end = self.builds(), time.monotonic() + quiet
        self.wait_for(self.finished, timeout, "the build")
        return count - builds_before


@contextlib.contextmanager
def serving(root: pathlib.Path):
    with Serve(root) as server:
        yield server
