"""Knowledge: the bundled world file, editor overrides, and error messages."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

from explainer.knowledge import WORLD, Knowledge, KnowledgeError, demonym_forms, fold

# The 193 UN member states (ISO 3166-1 alpha-2), written out independently
# of the data file so that a missing or extra entry fails.
UN_MEMBERS = set("""
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR
GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG
MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE
PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ
TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
""".split())


@pytest.fixture(scope="module")
def world() -> Knowledge:
    return Knowledge.load()


def test_every_un_member_is_a_state_with_capital(world):
    assert len(UN_MEMBERS) == 193
    members = {e.iso: e for e in world.un_members()}
    assert set(members) == UN_MEMBERS
    assert all(e.type == "state" and e.capitals for e in members.values())


@pytest.mark.parametrize("capital, state", [
    ("Washington", "États-Unis"), ("Séoul", "Corée du Sud"), ("Tokyo", "Japon"), ("Pyongyang", "Corée du Nord"),
    ("Moscou", "Russie"), ("Pékin", "Chine"), ("Beijing", "Chine"), ("pekin", "Chine"), ("Kyiv", "Ukraine"),
    ("Le Caire", "Égypte"), ("Addis-Abeba", "Éthiopie"),
])
def test_capitals_resolve(world, capital, state):
    assert world.state_of_capital(capital).name == state


@pytest.mark.parametrize("form, state", [
    ("américain", "États-Unis"), ("américaines", "États-Unis"), ("sud-coréen", "Corée du Sud"),
    ("sud-coréennes", "Corée du Sud"), ("nord-coréens", "Corée du Nord"), ("japonaise", "Japon"),
    ("française", "France"), ("français", "France"), ("grecque", "Grèce"), ("turque", "Turquie"),
    ("belges", "Belgique"),
])
def test_demonyms_resolve(world, form, state):
    assert world.state_of_demonym(form).name == state


@pytest.mark.parametrize("form, name", [
    ("RPDC", "Corée du Nord"), ("République populaire démocratique de Corée", "Corée du Nord"),
    ("Organisation des Nations unies", "ONU"), ("AFP", "Agence France-Presse"), ("etats-unis", "États-Unis"),
    ("Agence centrale de presse nord-coréenne", "KCNA"), ("Organisation du traité de l'Atlantique nord", "OTAN"),
    ("Principauté", "Monaco"), ("Scuderia", "Ferrari"), ("mouvement Emmaüs", "Emmaüs"),
])
def test_official_names_and_acronyms(world, form, name):
    assert world.lookup(form).name == name


def test_fold_ignores_case_accents_apostrophes_hyphens():
    assert fold("Conseil de sécurité de l’ONU") == fold("conseil de securite de l'onu")
    assert fold("Atlantique-Nord") == fold("atlantique nord")


def test_demonym_forms():
    assert demonym_forms("sud-coréen") == ("sud-coréen", "sud-coréenne", "sud-coréens", "sud-coréennes")
    assert demonym_forms("français") == ("français", "française", "françaises")
    assert demonym_forms("belge") == ("belge", "belges")


def test_empty_knows_nothing():
    k = Knowledge.empty()
    assert k.lookup("ONU") is None and k.state_of_capital("Paris") is None


def test_editor_file_extends_and_overrides(tmp_path: pathlib.Path):
    f = tmp_path / "knowledge.yaml"
    f.write_text(
        "actors:\n"
        "  - name: Lloyd Austin\n    type: person\n    aliases: [Lloyd J. Austin]\n    affiliation: États-Unis\n"
        "    description: Secrétaire américain à la Défense.\n    wikidata: Q2582640\n"
        "states:\n"
        "  - name: Corée du Sud\n    description: État d’Asie de l’Est.\n    aliases: [Corée]\n"
        "  - name: Wakanda\n    capitals: [Birnin Zana]\n    demonyms: [wakandais]\n"
        "organizations:\n  - {name: ONU, description: Organisation internationale.}\n"
        "not_actors: [KNS]\n", "utf-8")
    k = Knowledge.load(f)
    austin = k.lookup("Lloyd J. Austin")
    assert austin.name == "Lloyd Austin" and austin.affiliation == "etats-unis" and austin.wikidata == "Q2582640"
    korea = k.lookup("Corée")
    assert korea.id == "coree-du-sud" and korea.description == "État d’Asie de l’Est."
    assert "Séoul" in korea.capitals  # the bundled data is kept
    assert k.state_of_capital("Birnin Zana").name == "Wakanda"
    assert k.state_of_demonym("wakandaises").name == "Wakanda"
    assert k.lookup("ONU").description == "Organisation internationale."
    assert k.lookup("Organisation des Nations unies").id == "onu"
    assert k.is_not_actor("kns")
    # Later files win over earlier ones.
    g = tmp_path / "later.yaml"
    g.write_text("organizations:\n  - {name: ONU, description: Nations unies.}\n", "utf-8")
    assert Knowledge.load(f, g).lookup("ONU").description == "Nations unies."


@pytest.mark.parametrize("content, line, words", [
    ("actors:\n  - name: X\n    typ: person\n", 3, ["unknown key `typ`", "did you mean `type`"]),
    ("actor:\n  - name: X\n", 1, ["unknown section `actor`", "did you mean `actors`"]),
    ("actors:\n  - name: X\n    type: persn\n", 2, ["type `persn`", "person"]),
    ("actors:\n  - type: person\n", 2, ["without `name`"]),
    ("actors:\n  - name: [unclosed\n", 3, ["not valid YAML"]),
    ("actors: {name: X}\n", 1, ["must be a list"]),
    ("actors:\n  - {name: X, type: person, affiliation: Nowhere}\n", 2, ["affiliation `Nowhere`"]),
    ("actors:\n  - name: X\n    wikidata: https://www.wikidata.org/wiki/Q1\n", 2, ["not a Wikidata item id", "Q2582640"]),
])
def test_malformed_file_names_file_and_line(tmp_path, content, line, words):
    f = tmp_path / "bad.yaml"
    f.write_text(content, "utf-8")
    with pytest.raises(KnowledgeError) as info:
        Knowledge.load(f)
    message = str(info.value)
    assert message.startswith(f"{f}:{line}:"), message
    for w in words:
        assert w in message
    assert isinstance(info.value, ValueError)


def test_world_file_is_regenerable_without_diff(tmp_path):
    before = WORLD.read_text("utf-8")
    root = WORLD.parent.parent.parent
    subprocess.run([sys.executable, str(root / "scripts" / "make_world.py")], check=True, capture_output=True)
    assert WORLD.read_text("utf-8") == before


@pytest.mark.model
def test_knowledge_reaches_every_page(tmp_path):
    """Description and Wikidata id written once in knowledge.yaml show in the JSON, the glossary,
    the actor page and the JSON-LD of the article that names the actor."""
    import shutil

    from _project import SEED
    from explainer import sitewide
    from explainer.site import Generator, SiteConfig

    (tmp_path / "seeds").mkdir()
    (tmp_path / "templates").symlink_to(pathlib.Path(__file__).resolve().parent.parent / "templates")
    shutil.copy2(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "knowledge.yaml").write_text(
        "actors:\n  - name: Lloyd Austin\n    type: person\n"
        "    description: Chef du Pentagone, décrit une fois pour tout le site.\n    wikidata: Q2582640\n", "utf-8")
    result = Generator(SiteConfig.from_root(tmp_path, cache=False)).generate()
    austin = next(a for a in result.articles[0].actors if a.name == "Lloyd Austin")
    assert austin.to_json()["wikidata"] == "Q2582640"
    slug = result.articles[0].slug
    article_page = result.pages[f"explainers/{slug}.md"]
    actor_page = next(text for path, text in result.pages.items()
                      if path.startswith("acteurs/") and "<h1>Lloyd Austin</h1>" in text)
    for page in (article_page, actor_page):
        assert "Chef du Pentagone, décrit une fois pour tout le site." in page
        assert 'href="https://www.wikidata.org/wiki/Q2582640"' in page
    jsonld = sitewide.jsonld(result.articles[0])
    people = [node for node in jsonld.get("about", []) + jsonld.get("mentions", []) if node.get("name") == "Lloyd Austin"]
    assert people and people[0]["sameAs"] == "https://www.wikidata.org/wiki/Q2582640"


@pytest.mark.parametrize("form, name, kind", [
    # metonyms and names of recent news (batch K)
    ("Bruxelles", "Commission européenne", "organization"), ("Tsahal", "Tsahal", "organization"),
    ("République islamique", "Iran", "state"), ("LR", "Les Républicains", "organization"),
    ("LFI", "La France insoumise", "organization"), ("Moody's", "Moody’s", "organization"),
    ("PSG", "Paris Saint-Germain", "organization"), ("Moyen-Orient", "Moyen-Orient", "place"),
])
def test_recent_news_names_are_known(world, form, name, kind):
    entry = world.lookup(form)
    assert entry is not None and entry.name == name and entry.type == kind


def test_brussels_stays_the_capital_of_belgium(world):
    # "Bruxelles" acting is the Commission, but the city is still Belgium's capital.
    assert world.state_of_capital("Bruxelles").name == "Belgique"
    assert world.is_not_actor("États")
