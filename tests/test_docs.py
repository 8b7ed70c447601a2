"""Keep the README honest: its commands exist, and CI runs the test command it gives."""

from __future__ import annotations

import pathlib
import re

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
