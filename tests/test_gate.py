"""The gate: `build.py check` (text, json, exit codes), `mkdocs build --strict`, and lazy imports."""

from __future__ import annotations

import json
import subprocess

import pytest

from _project import ENV, PYTHON, SEED, make_project, run

YAML = f"seeds/{SEED.stem}.yaml"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project whose extraction cache is warm (the model runs once)."""
    root = make_project(tmp_path_factory.mktemp("gate"))
    result = run(root, "build.py", "check")
    assert result.returncode in (0, 1), result.stderr
    return root


@pytest.fixture
def corrections(project):
    path = project / YAML
    yield path
    path.unlink(missing_ok=True)


@pytest.mark.model
def test_clean_site_exits_0_with_warnings_listed(project):
    result = run(project, "build.py", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("0 error(s), ")
    assert all(line.startswith(f"seeds/{SEED.name}:") for line in lines[:-1])  # file:line: …
    assert any(": warning: date « dimanche »" in line for line in lines)  # 2023-11 only: unresolved


@pytest.mark.model
def test_unknown_key_exits_1_with_did_you_mean(project, corrections):
    corrections.write_text("published: 2023-11-12\nreviewd: {by: Marie, date: 2023-11-13}\n", "utf-8")
    result = run(project, "build.py", "check")
    assert result.returncode == 1
    assert f"{YAML}:2: error: unknown key `reviewd` in the correction file; did you mean `reviewed`?" in result.stdout


@pytest.mark.model
def test_stale_correction_exits_1_and_json_lists_it(project, corrections):
    corrections.write_text("actors:\n  Lloyd Austin: {role: secrétaire à la Défense}\n  Kim Jong-un: {drop: true}\n",
                           "utf-8")
    result = run(project, "build.py", "check", "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    errors = [p for p in problems if p["severity"] == "error"]
    assert len(errors) == 1
    assert errors[0]["file"] == YAML and errors[0]["line"] == 3 and "Kim Jong-un" in errors[0]["message"]
    assert {"severity", "file", "line", "message"} == set(problems[0])


@pytest.mark.model
def test_published_correction_clears_the_dimanche_warning(project, corrections):
    corrections.write_text("published: 2023-11-12\n", "utf-8")
    result = run(project, "build.py", "check", "--format", "json")
    problems = json.loads(result.stdout)
    assert not any("« dimanche »" in p["message"] for p in problems), problems


@pytest.mark.model
def test_broken_seed_is_an_error_with_its_line(project):
    bad = project / "seeds" / "zz_bad.txt"
    bad.write_text("date 2023-13-45\n\nTitre\n\nTexte.\n", "utf-8")
    try:
        result = run(project, "build.py", "check")
    finally:
        bad.unlink()
    assert result.returncode == 1
    assert "seeds/zz_bad.txt:1: error: malformed date header" in result.stdout


@pytest.mark.model
def test_check_on_a_cached_site_does_not_import_spacy(project):
    code = ("import sys; from explainer import cli; rc = cli.main(['check', '--format', 'json']); "
            "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)")
    result = subprocess.run([PYTHON, "-c", code], cwd=project, env=ENV, capture_output=True, text=True, timeout=120)
    assert "NO-SPACY" in result.stderr, result.stderr


def test_help_does_not_import_spacy(tmp_path):
    root = make_project(tmp_path)
    code = ("import sys\nfrom explainer import cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr)")
    result = subprocess.run([PYTHON, "-c", code], cwd=root, env=ENV, capture_output=True, text=True, timeout=60)
    assert "NO-SPACY" in result.stderr and "check" in result.stdout


@pytest.mark.slow
def test_mkdocs_build_strict_fails_on_a_broken_seed(tmp_path):
    root = make_project(tmp_path, seeds=False)  # no extraction: no model needed
    (root / "seeds" / "bad.txt").write_bytes(b"date 2023-11\n\nTitre\n\nCaf\xe9 au lait.\n")
    strict = run(root, "-m", "mkdocs", "build", "--strict")
    assert strict.returncode != 0
    assert "seeds/bad.txt:5: error: the file is not valid UTF-8" in strict.stderr
    normal = run(root, "-m", "mkdocs", "build")
    assert normal.returncode == 0, normal.stderr
    assert "WARNING" in normal.stderr and "seeds/bad.txt:5" in normal.stderr
    home = (root / "site" / "index.html").read_text("utf-8")
    assert "seeds/bad.txt:5" in home  # the error is on the site too


@pytest.mark.slow
@pytest.mark.model
def test_mkdocs_build_strict_fails_on_a_stale_correction(project, corrections):
    corrections.write_text("actors:\n  Personne Inconnue: {drop: true}\n", "utf-8")
    strict = run(project, "-m", "mkdocs", "build", "--strict")
    assert strict.returncode != 0
    assert f"{YAML}:2: error: actor correction `Personne Inconnue` matches no actor" in strict.stderr
    corrections.write_text("actors:\n  Lloyd Austin: {role: secrétaire américain à la Défense}\n", "utf-8")
    assert run(project, "-m", "mkdocs", "build", "--strict").returncode == 0


@pytest.mark.slow
@pytest.mark.model
def test_a_normal_mkdocs_build_shows_the_warnings_and_strict_passes(project):
    # Warnings (« dimanche » known only as 2023-11) are logged as info: visible, not fatal.
    built = run(project, "-m", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert f"seeds/{SEED.name}:7: warning: date « dimanche » is only known as 2023-11" in built.stderr
    assert "INFO" in built.stderr and "WARNING" not in built.stderr


@pytest.mark.model
def test_build_summary_names_the_skipped_seed_and_counts(project):
    bad = project / "seeds" / "zz_empty.txt"
    bad.write_text("", "utf-8")
    try:
        result = run(project, "build.py")
    finally:
        bad.unlink()
    assert result.returncode == 1
    assert "skipped seeds/zz_empty.txt: the file is empty" in result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("1 page(s) from 2 seed(s) (0 extracted, 1 from cache, 1 skipped) in "), summary
    assert "1 error(s)" in summary and "warning(s)" in summary
