"""Build progress: shown on a terminal, silent in CI and in pipes."""

from __future__ import annotations

import io

from explainer import cli


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal(monkeypatch):
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.delenv("CI", raising=False)
    progress = cli.Progress()
    progress(1, 2, "seeds/a.txt")
    progress(2, 2, "seeds/b.txt")
    out = err.getvalue()
    assert "[1/2]" in out and "seeds/a.txt" in out and "[2/2]" in out and out.endswith("\n")
    assert "s seeds/b.txt" in out  # elapsed seconds before the name


def test_progress_is_silent_in_ci(monkeypatch):
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setenv("CI", "true")
    cli.Progress()(1, 1, "seeds/a.txt")
    assert err.getvalue() == ""


def test_progress_is_silent_in_a_pipe(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.delenv("CI", raising=False)
    cli.Progress()(1, 1, "seeds/a.txt")
    assert err.getvalue() == ""


def test_model_load_is_announced_before_the_first_seed(monkeypatch):
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.delenv("CI", raising=False)
    cli.Progress()(0, 3, "loading the spaCy model fr_core_news_md")
    assert "[0/3]" in err.getvalue() and "loading the spaCy model" in err.getvalue()
    assert not err.getvalue().endswith("\n")  # the first seed's line replaces it
