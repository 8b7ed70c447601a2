"""``nlp.preload``: the model loads in a background thread, and ``load`` waits for it (one load)."""

from __future__ import annotations

import functools
import threading
import time

import pytest

from explainer import nlp


@pytest.fixture
def fake_load(monkeypatch):
    loads = []

    @functools.lru_cache(maxsize=4)
    def _load(name):
        loads.append((name, threading.current_thread().name))
        time.sleep(0.2)
        return f"pipeline {name}"

    monkeypatch.setattr(nlp, "_load", _load)
    monkeypatch.setattr(nlp, "_PRELOADS", {})
    monkeypatch.setattr(nlp, "_LOADED", set())
    return loads


def test_preload_loads_in_the_background_and_load_waits_for_it(fake_load):
    start = time.perf_counter()
    nlp.preload("m")
    assert time.perf_counter() - start < 0.1  # returns at once
    assert nlp.load("m") == "pipeline m"
    assert fake_load == [("m", "load m")]  # one load, in the background thread
    assert nlp.preload_seconds("m") >= 0.2
    nlp.preload("m")  # started once only
    assert len(fake_load) == 1


def test_a_failed_preload_is_raised_by_load(monkeypatch):
    monkeypatch.setattr(nlp, "_PRELOADS", {})
    monkeypatch.setattr(nlp, "_LOADED", set())

    def _load(name):
        raise nlp.ModelNotInstalled(f"spaCy model {name!r} is not installed")

    monkeypatch.setattr(nlp, "_load", _load)
    nlp.preload("missing")
    assert nlp.preload_seconds("missing") is None
    with pytest.raises(nlp.ModelNotInstalled, match="missing"):
        nlp.load("missing")


def test_no_preload_no_timing(fake_load):
    assert nlp.preload_seconds("never") is None


@pytest.mark.model
def test_the_lemmatizer_runs_on_demand_with_the_same_lemmas():
    """Disabled in the pipeline, it gives the few lemmas our rules read, as the full pipeline would."""
    pipeline = nlp.load()
    assert "lemmatizer" not in pipeline.pipe_names and nlp.is_loaded()
    text = "Le ministre a démissionné lundi ; il entend revenir et démissionnerait de nouveau en décembre."
    lazy = [nlp.lemma(t) for t in pipeline(text)]
    pipeline.enable_pipe("lemmatizer")
    try:
        full = [t.lemma_ for t in pipeline(text)]
    finally:
        pipeline.disable_pipe("lemmatizer")
    assert lazy == full and "démissionner" in lazy and "entendre" in lazy


def test_ents_are_built_once_per_doc_and_span_ents_match_spacy():
    """``nlp.ents``/``span_ents`` give what ``doc.ents``/``span.ents`` give, the tuple built once per Doc."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    words = "Jean Dupont a vu Marie Curie à Lyon puis à Paris hier".split()
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 4, 6, "PER"), Span(doc, 7, 8, "LOC"), Span(doc, 10, 11, "LOC")]
    assert nlp.ents(doc) is nlp.ents(doc)  # cached, not rebuilt
    assert [(e.start, e.end, e.label_) for e in nlp.ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end) for e in nlp.span_ents(span)] == [(e.start, e.end) for e in span.ents]
    other = Doc(Vocab(), words=["Lyon"])
    other.ents = [Span(other, 0, 1, "LOC")]
    assert [e.text for e in nlp.ents(other)] == ["Lyon"]  # a new Doc is not served the last one's
