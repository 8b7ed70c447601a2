"""``extract_article`` refuses a spaCy Doc that is not the analysis of its seed's text."""

from __future__ import annotations

from explainer.extract import _same_text

TEXT = "Le Japon et l'OTAN ont tenu des exercices en mai 2023 près de Tokyo."


def test_the_doc_of_the_text_is_accepted(blank_nlp):
    assert _same_text(blank_nlp(TEXT), TEXT)
    assert _same_text(blank_nlp(""), "")


def test_a_doc_of_another_text_is_refused(blank_nlp):
    assert not _same_text(blank_nlp(TEXT), TEXT.replace("Japon", "Tchad"))  # same length, other words
    assert not _same_text(blank_nlp(TEXT + " Fin."), TEXT)
    assert not _same_text(blank_nlp(TEXT), TEXT + " Fin.")
    assert not _same_text(blank_nlp(""), TEXT)
