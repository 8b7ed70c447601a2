"""spaCy in a child process, for a build whose own process exits afterwards.

An editor who changed one seed waits for the model to load (~4.5 s) and then
for the site-wide work around that one article (the last build's refs read
back, the site indexed, its 1,300 cross-article pages keyed: ~0.5 s at 1000
seeds).  In one process the two cannot overlap: both need the interpreter's
lock, and the site work slows the load by about half its own cost (measured:
1 s of Python beside the load made it 0.4-0.55 s longer).  In a forked child
the model loads on the other core while the build does the site work; the
child then runs spaCy and our stages on the seeds it is sent and hands back
the articles (a few kB each, pickled through a pipe).

Only for a process that builds once (``build.py``): ``mkdocs serve`` keeps its
model in its own process, where the next edit finds it loaded.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import nlp as nlp_mod

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.connection import Connection

    from .knowledge import Knowledge
    from .model import Article, PubDate, Seed


def available() -> bool:
    """Linux only: Windows cannot fork, and on macOS forking a process that has loaded system
    frameworks is unsafe (Python itself stopped defaulting to it there)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class WorkerFailed(RuntimeError):
    """The child could not load the model or died: the build does the work itself (and reports why)."""


class ExtractionWorker:
    """A forked child that loads ``model`` at once and extracts the seeds it is sent.

    Fork, not spawn: the child starts with the build's modules already
    imported, and it must start before any thread does (the ``nlp.preload``
    thread is not used when there is a worker).
    """

    def __init__(self, model: str, knowledge: Callable[[], "Knowledge"]):
        context = multiprocessing.get_context("fork")
        self._conn, child_end = context.Pipe()
        self._process = context.Process(target=_child, args=(child_end, model, knowledge),
                                        name=f"explainer: {model}", daemon=True)
        self._process.start()
        child_end.close()
        self.load_seconds: float | None = None  # the child's model load, once it has answered

    def extract(self, tasks: Sequence[tuple["Seed", "PubDate | None"]]) -> list["Article | str"]:
        """Each seed's article, or the message of the exception its extraction raised.

        Raises ``WorkerFailed`` if the child could not load the model or died.
        """
        try:
            self._conn.send(list(tasks))
            status, load_seconds, results = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerFailed(f"the extraction process ended unexpectedly ({exc or type(exc).__name__})") from exc
        if status != "ok":
            raise WorkerFailed(results)
        self.load_seconds = load_seconds
        return results

    def close(self) -> None:
        """Stop the child at once (it holds the model, ~800 MB, and may still be loading it).

        Killed, not asked: it writes nothing (the build stores what it sends
        back), and a child still loading would make a polite request wait seconds.
        """
        self._conn.close()
        self._process.kill()
        self._process.join()


def _child(conn: "Connection", model: str, knowledge: Callable[[], "Knowledge"]) -> None:
    # Ctrl-C in the terminal reaches the whole process group: the build stops, and stops this
    # child itself (``close``), without a second traceback from here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Our stages' modules (~0.2 s of regular expressions to compile) and the knowledge are
    # readied beside the load, as a build does it in-process: spaCy's load leaves the
    # interpreter's lock free for part of its time.
    ready: dict[str, object] = {}
    thread = threading.Thread(target=_ready, args=(ready, knowledge), name="ready stages", daemon=True)
    thread.start()
    start = time.perf_counter()
    try:
        nlp = nlp_mod.load(model)
        load_seconds = time.perf_counter() - start  # the load alone, as the build reports it in-process
        thread.join()
        if "error" in ready:
            raise ready["error"]  # type: ignore[misc]
        loaded_knowledge = ready["knowledge"]
        from .extract import Layout
    except Exception as exc:  # noqa: BLE001 - the build does it itself, and raises it with its own message
        failure = f"{type(exc).__name__}: {exc}"
        while _receive(conn) is not None:
            conn.send(("failed", 0.0, failure))
        return
    while (tasks := _receive(conn)) is not None:
        results: list[Article | str] = []
        docs = nlp.pipe((Layout.of(seed).text for seed, _override in tasks), batch_size=16)
        for (seed, override), doc in zip(tasks, docs):
            results.append(extract_or_failure(seed, doc, loaded_knowledge, override))
        conn.send(("ok", load_seconds, results))


def extract_or_failure(seed: "Seed", doc, knowledge: "Knowledge", override: "PubDate | None") -> "Article | str":
    """Our stages on one parsed seed; if they raise, the exception as ``Type: message`` (logged):
    one seed's failure must not stop the site.  The same in the build's process and in the worker."""
    from .extract import extract_article  # looked up at each call: tests replace it

    try:
        return extract_article(seed, doc, knowledge, override)
    except Exception as exc:  # noqa: BLE001
        logging.getLogger("explainer").exception("extraction failed for %s", seed.source_file)
        return f"{type(exc).__name__}: {exc}"


def _ready(ready: dict[str, object], knowledge: Callable[[], "Knowledge"]) -> None:
    try:
        from . import extract  # noqa: F401 - compiled now, beside the load, not at the first seed

        ready["knowledge"] = knowledge()  # checked by the build already; needed by the first seed
    except Exception as exc:  # noqa: BLE001 - raised again by the child's main thread
        ready["error"] = exc


def _receive(conn: "Connection"):
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None  # the build has gone
