"""Keep the README honest: its commands exist, and CI runs the test command it gives."""

from __future__ import annotations

import pathlib
import re
import shutil

import pytest

from explainer.cli import make_parser

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
MAKEFILE = (ROOT / "Makefile").read_text("utf-8")


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", MAKEFILE, re.MULTILINE))


def test_the_two_setup_commands_are_make_targets():
    block = README.split("## Set-up: two commands", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make serve", "make test"]
    assert {"serve", "test"} <= make_targets()


def test_every_make_command_in_the_readme_exists():
    for target in re.findall(r"`make ([a-z-]+)`", README):
        assert target in make_targets(), target


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_every_build_py_command_in_the_readme_exists():
    parser = make_parser()
    choices = parser._subparsers._group_actions[0].choices  # argparse keeps them here
    for command in set(re.findall(r"python build\.py ([a-z-]+)", README)):
        assert command in choices, command
    for command in choices:
        assert f"build.py {command}" in README or command == "build", f"{command} is not documented"


def readme_correction_example() -> str:
    return README.split("Exemple complet :", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.mark.model
def test_the_readme_correction_example_applies_cleanly_to_the_seed(tmp_path):
    """The README's complete correction file is written for the seed: every entry must match."""
    from _project import SEED
    from explainer.site import Generator, SiteConfig

    (tmp_path / "seeds").mkdir()
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    shutil.copy2(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "seeds" / f"{SEED.stem}.yaml").write_text(readme_correction_example(), "utf-8")
    result = Generator(SiteConfig.from_root(tmp_path, cache=False)).generate()
    assert [str(p) for p in result.problems if p.severity == "error"] == []
    article = result.articles[0]
    names = {a.name: a for a in article.actors}
    assert "Pentagone" in names and "Agence France-Presse" not in names
    assert names["sommet de Camp David"].type == "event" and len(names["Camp David"].mentions) == 1
    assert article.review is not None and any(e.summary.startswith("Activation officielle") for e in article.events)
