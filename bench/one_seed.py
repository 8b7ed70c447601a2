"""One seed changed, measured many times: ``python -m bench.one_seed [--count 1000] [--runs 6]``.

``make bench`` gives the median of three one-seed rebuilds and one model load
alone after each.  On a machine whose load time wanders by seconds between
runs, that is too few to tell half a second apart, so this alternates: edit a
seed, rebuild in a fresh process, load the model alone in another fresh
process; ``--runs`` times.  It prints every run and the means: the rebuild,
the model load inside it, the rebuild beyond that load, and the rebuild beyond
the load alone.  Prints only; BENCHMARKS.md is ``make bench``'s.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import tempfile

from bench.run import GENERATE_CHILD, LOAD_CHILD, run_child, scratch_project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="number of seeds (default 1000)")
    parser.add_argument("--runs", type=int, default=6, help="edits, each a rebuild and a load alone (default 6)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="explainer-one-seed-") as tmp:
        project = scratch_project(pathlib.Path(tmp) / "site", args.count)
        print(f"cold build of {args.count} seeds…", file=sys.stderr)
        run_child(GENERATE_CHILD, project)
        seeds = sorted((project / "seeds").glob("*.txt"))
        rows = []
        for n in range(args.runs):
            victim = seeds[(n + 1) * len(seeds) // (args.runs + 1)]
            victim.write_text(victim.read_text("utf-8") + f"\nLe ministre a annoncé lundi une réunion ({n}).\n", "utf-8")
            build = run_child(GENERATE_CHILD, project)
            alone = run_child(LOAD_CHILD, project)["seconds"]
            load = build["stats"]["model_load_s"]
            rows.append((build["seconds"], load, build["seconds"] - load, build["seconds"] - alone, alone))
            print(f"{victim.name}: rebuild {rows[-1][0]:.2f} s, its load {load:.2f} s, beyond it {rows[-1][2]:.2f} s; "
                  f"load alone {alone:.2f} s, beyond that {rows[-1][3]:.2f} s")
    means = [statistics.mean(column) for column in zip(*rows)]
    print(f"mean of {len(rows)}: rebuild {means[0]:.2f} s, its load {means[1]:.2f} s, beyond it {means[2]:.2f} s; "
          f"load alone {means[4]:.2f} s, beyond that {means[3]:.2f} s (target: 1 s beyond the load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
