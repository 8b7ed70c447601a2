"""Shared fixtures.

Most tests use a blank French pipeline (tokeniser only) so they run without
the trained model; tests that need the trained pipeline take the ``nlp``
fixture and are marked ``model``.
"""

from __future__ import annotations

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The trained French pipeline, loaded once for the whole test session."""
    from explainer import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def blank_nlp():
    import spacy

    return spacy.blank("fr")
