"""The reader, parametrised on the header layouts real seeds use."""

from __future__ import annotations

import pytest

from explainer.errors import SeedError
from explainer.read import parse_seed, slugify, split_blocks

AFP = (
    " date 2023-11 Cette photo prise le 13 avril 2023 montre un tir d’essai.\n\n"
    "PHOTO KCNA VIA KNS, ARCHIVES VIA AGENCE FRANCE-PRESSE\n\n"
    "Washington, Séoul et Tokyo partageront leurs données\n\n"
    "(Séoul) Les ministres ont indiqué dimanche être convenus d’activer « dès décembre » le mécanisme.\n\n"
    "Agence France-Presse\n\n"
    "Le secrétaire américain à la Défense Lloyd Austin est à Séoul.\n"
)
SIMPLE = "date 2024-03-05\n\nLe titre simple\n\nPremier paragraphe.\n\nSecond paragraphe.\n"
FRONT = (
    "---\ntitle: « Un titre » avec guillemets\ndate: 2024-01-02\nbyline: Reuters\n"
    "photo: Une légende\ncredit: PHOTO REUTERS\n---\n\nCorps du texte.\n"
)
WRAPPED = "date 2022\n\nTitre\n\nUne ligne coupée\nen deux.\n"
DASH_DATELINE = "date 2023-11-12\n\nTitre\n\nPARIS — Le gouvernement a annoncé lundi.\n"


@pytest.mark.parametrize(
    "text, title, published, precision, dateline, byline, caption, credit, n_paragraphs",
    [
        (AFP, "Washington, Séoul et Tokyo partageront leurs données", "2023-11", "month", "Séoul",
         "Agence France-Presse", "Cette photo prise le 13 avril 2023 montre un tir d’essai.",
         "PHOTO KCNA VIA KNS, ARCHIVES VIA AGENCE FRANCE-PRESSE", 2),
        (SIMPLE, "Le titre simple", "2024-03-05", "day", None, None, None, None, 2),
        (FRONT, "« Un titre » avec guillemets", "2024-01-02", "day", None, "Reuters", "Une légende",
         "PHOTO REUTERS", 1),
        (WRAPPED, "Titre", "2022", "year", None, None, None, None, 1),
        (DASH_DATELINE, "Titre", "2023-11-12", "day", "PARIS", None, None, None, 1),
    ],
    ids=["afp-header-runs-into-caption", "simple", "front-matter", "hard-wrapped", "dash-dateline"],
)
def test_header_variants(text, title, published, precision, dateline, byline, caption, credit, n_paragraphs):
    seed = parse_seed(text, "seeds/x.txt")
    assert seed.title == title
    assert (seed.published.value, seed.published.precision) == (published, precision)
    assert seed.dateline == dateline
    assert seed.byline == byline
    assert (seed.photo.caption if seed.photo else None) == caption
    assert (seed.photo.credit if seed.photo else None) == credit
    assert len(seed.paragraphs) == n_paragraphs


def test_typography_is_kept_exactly():
    seed = parse_seed(AFP, "seeds/x.txt")
    assert "« dès décembre »" in seed.paragraphs[0]
    assert "convenus d’activer" in seed.paragraphs[0]


def test_paragraph_lines_point_into_the_file():
    seed = parse_seed(AFP, "seeds/x.txt")
    lines = AFP.split("\n")
    for paragraph, line in zip(seed.paragraphs, seed.lines):
        assert lines[line - 1].strip().startswith(paragraph[:20])


def test_wrapped_lines_are_joined():
    assert parse_seed(WRAPPED, "x").paragraphs == ("Une ligne coupée en deux.",)


def test_no_header_builds_without_date():
    seed = parse_seed("Un titre\n\nUn corps.\n", "x")
    assert seed.published is None and seed.title == "Un titre"


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("date 2023-13-45\n\nTitre\n\nCorps.\n", 1, "malformed date header"),
        ("date: hier\n\nTitre\n\nCorps.\n", 1, "malformed date header"),
        ("\n\ndate\n\nTitre\n\nCorps.\n", 3, "malformed date header"),
        ("date 2023-11-12\n\nTitre seul\n", 1, "no body"),
        ("---\ntitle: [unclosed\n---\n\nCorps.\n", 2, "not valid YAML"),
        ("---\ntitle: x\n\nCorps.\n", 1, "never closed"),
        ("---\ntitel: x\n---\n\nCorps.\n", 2, "unknown front-matter key"),
    ],
)
def test_malformed_headers_name_the_line(text, line, fragment):
    with pytest.raises(SeedError) as info:
        parse_seed(text, "seeds/bad.txt")
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"seeds/bad.txt:{line}: ")


def test_blocks_record_start_lines():
    assert [(b.text, b.line) for b in split_blocks("a\nb\n\n\nc\n")] == [("a b", 1), ("c", 5)]


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Washington, Séoul et Tokyo partageront leurs données", "washington-seoul-et-tokyo-partageront-leurs-donnees"),
        ("L’ONU « condamne » l’essai", "l-onu-condamne-l-essai"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("!!!", "article"),
    ],
)
def test_slugify(title, slug):
    assert slugify(title) == slug
