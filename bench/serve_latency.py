"""Edit → reloaded page latency under `mkdocs serve`, on a 100-seed site.

    python bench/serve_latency.py [--seeds 100] [--edits 5] [--keep DIR]

Makes a temporary copy of the project whose seeds/ holds N perturbed copies
of the sample seed, starts a real `mkdocs serve` on a free 127.0.0.1 port,
waits for the first build (this one runs spaCy on every seed), then edits
one seed at a time — and once a correction file — and polls the page until
the change shows.  Prints the seconds from the write to the changed page
being served.  The target is ≤ 3 s.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer.skeleton import copy_skeleton  # noqa: E402

SEED = ROOT / "seeds" / "000_f24bd75c494e3b1c.txt"
TITLE = "Washington, Séoul et Tokyo partageront leurs données sur la Corée du Nord"
CITIES = ["Séoul", "Tokyo", "Pékin", "Manille", "Hanoï", "Bangkok", "Jakarta", "Canberra", "Taipei", "Oulan-Bator"]


def make_project(dest: pathlib.Path, n: int) -> list[tuple[pathlib.Path, str]]:
    copy_skeleton(ROOT, dest)
    text = SEED.read_text("utf-8")
    seeds = []
    for k in range(n):
        city = CITIES[k % len(CITIES)]
        title = f"{TITLE} ({k + 1})"
        body = (text.replace(TITLE, title).replace("(Séoul)", f"({city})")
                .replace("Antony Blinken", f"Antony Blinken ({k + 1}e visite)"))
        path = dest / "seeds" / f"{k:03d}_bench.txt"
        path.write_text(body, "utf-8")
        seeds.append((path, title))
    return seeds


def slugify(title: str) -> str:
    sys.path.insert(0, str(ROOT))
    from explainer.read import slugify as slug

    return slug(title)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def wait(predicate, timeout: float, step: float = 0.02) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(step)
    raise TimeoutError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--keep", type=pathlib.Path, help="build the project here and keep it")
    args = parser.parse_args()

    root = args.keep or pathlib.Path(tempfile.mkdtemp(prefix="explainer-serve-"))
    root.mkdir(parents=True, exist_ok=True)
    seeds = make_project(root, args.seeds)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log_path = root / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        t0 = time.perf_counter()
        wait(lambda: "Serving on" in log_path.read_text("utf-8", "replace"), 900, 0.2)
        print(f"{args.seeds} seeds: first build (spaCy on every seed) {time.perf_counter() - t0:.1f}s")
        latencies = []
        for n in range(args.edits):
            path, title = seeds[(n * 37) % len(seeds)]
            url = f"http://127.0.0.1:{port}/explainers/{slugify(title)}/"
            assert fetch(url), f"page not served: {url}"
            marker = f"Modification{n}Témoin"
            text = path.read_text("utf-8")
            path.write_text(text.replace("Antony Blinken", f"Antony Blinken {marker}", 1), "utf-8")
            seconds = wait(lambda: marker in fetch(url), 60)
            latencies.append(seconds)
            print(f"edit seed {path.name}: page updated after {seconds:.2f}s")
            time.sleep(1.0)
        path, title = seeds[1]
        url = f"http://127.0.0.1:{port}/explainers/{slugify(title)}/"
        marker = "DescriptionTémoinCorrection"
        path.with_suffix(".yaml").write_text(f"actors:\n  Lloyd Austin:\n    description: {marker}\n", "utf-8")
        seconds = wait(lambda: marker in fetch(url), 60)
        latencies.append(seconds)
        print(f"add correction file {path.with_suffix('.yaml').name}: page updated after {seconds:.2f}s")
        print(f"edit → page served: median {statistics.median(latencies):.2f}s, max {max(latencies):.2f}s "
              f"over {len(latencies)} edits on {args.seeds} seeds (target ≤ 3 s)")
        return 0 if max(latencies) <= 3.0 else 1
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
