"""build.py's machine-readable contract: `extract` and `tag-dates`."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f24bd75c494e3b1c.txt"


def run(*args: str, cwd: pathlib.Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_help_lists_every_command_with_examples():
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "check", "extract", "tag-dates"):
        assert command in result.stdout
    assert "examples:" in result.stdout


def test_help_does_not_import_spacy():
    code = "import sys; from explainer.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip().endswith("False")


@pytest.mark.model
def test_extract_json_contract(tmp_path):
    result = run("--no-cache", "extract", str(SEED), "--json", "--published", "2023-11-12")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "explainer/article@1"
    assert data["published"] == {"value": "2023-11-12", "precision": "day"}
    assert data["language"] == "fr" and data["dateline"] == "Séoul" and data["byline"] == "Agence France-Presse"
    assert set(data["photo"]) == {"caption", "credit"}
    for key in ("slug", "source_file", "title", "paragraphs", "actors", "timexes", "events"):
        assert key in data
    segments = {-1: data["photo"]["caption"], -2: data["photo"]["credit"], -3: data["byline"]}
    segments.update(enumerate(data["paragraphs"]))
    for actor in data["actors"]:
        assert actor["type"] in {"person", "organization", "state", "place", "event", "work", "other"}
        for m in actor["mentions"]:
            assert segments[m["paragraph"]][m["start"]:m["end"]] == m["text"]
    timex_ids = set()
    for t in data["timexes"]:
        assert segments[t["paragraph"]][t["start"]:t["end"]] == t["text"]
        assert t["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert isinstance(t["resolved"], bool)
        timex_ids.add(t["id"])
    actor_ids = {a["id"] for a in data["actors"]}
    for e in data["events"]:
        assert e["timex"] in timex_ids and e["status"] in {"past", "planned"}
        assert set(e["actors"]) <= actor_ids


@pytest.mark.model
def test_extract_many_writes_one_file_per_seed_and_reports_failures(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = run("--no-cache", "extract", str(SEED), str(bad), "--json", "--out", str(out))
    assert result.returncode == 1
    assert "bad.txt:1:" in result.stderr and "empty" in result.stderr
    assert [p.name for p in out.iterdir()] == [f"{SEED.stem}.json"]


@pytest.mark.model
def test_tag_dates_offsets_are_into_the_file_text(tmp_path):
    text = "Le sommet a eu lieu le 13 avril 2023 à Séoul.\nIl reprendra en décembre.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, "utf-8")
    result = run("tag-dates", "--dct", "2023-11-12", str(path))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found, "no timex found"
    for t in found:
        assert {"start", "end", "text", "type", "value", "mod"} <= set(t)
        assert text[t["start"]:t["end"]] == t["text"]
    assert any(t["text"].endswith("13 avril 2023") and t["value"] == "2023-04-13" for t in found)


@pytest.mark.model
def test_tag_dates_batch_reports_bad_lines_and_runs_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Il est arrivé hier.", "utf-8")
    missing = tmp_path / "missing.txt"
    huge = tmp_path / "huge.txt"  # over the limit, listed first: the files after it still run
    huge.write_text("Il est arrivé hier. " * 60_000, "utf-8")
    listing = tmp_path / "list.tsv"
    listing.write_text(f"{huge}\t2023-11-12\n{good}\t2023-11-12\n{missing}\t2023-11-12\n{good}\tnot-a-date\n",
                       "utf-8")
    result = run("tag-dates", "--batch", str(listing), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "list.tsv:4" in result.stderr
    assert f"{huge}:1: error" in result.stderr and "limit" in result.stderr
    data = json.loads((tmp_path / "out" / "good.json").read_text("utf-8"))
    assert isinstance(data, list)
