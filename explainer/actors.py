"""Actors: spaCy's PER/LOC/ORG/MISC spans → the actors an editor would list.

Pipeline, on the one Doc of the whole article:

1. *candidates*: NER spans split on newlines and cleaned (determiners,
   elisions, honorifics, title words stripped; ALL-CAPS credit lines only
   kept where they name something known), plus what the NER missed: known
   names found in the text (``Knowledge`` forms) and ministries
   ("ministère sud-coréen de la Défense");
2. *typing* per mention (``actor_types``): a capital acting is its state, the
   same capital as a location is a place;
3. *merging*: one key per actor — the knowledge id, else the folded name;
   surnames join the full name, "(ACRONYM)" joins the name before it;
4. *roles and affiliations* (``actor_roles``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import actor_roles, actor_types
from .knowledge import Entry, Knowledge, fold, slug
from .model import Actor, Mention
from .nlp import ents, lemma, sent_start, span_ents, token_offsets
from .timex_rules import find_all  # a whole-text scan that skips to where a match may start

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

# Leading words that are not part of a name ("l’ONU", "de l’Ukraine").
_LEADING = re.compile(
    r"^(?:(?:[lLdDjJnNsScC]|[qQ]u|[lL]orsqu|[pP]uisqu)['’]\s*|(?:de|du|des|la|le|les|au|aux|à|a|en|et|par|pour"
    r"|sur|dans|avec|entre|chez|De|Du|Des|La|Le|Les|Au|Aux|À|A|En|Et|Par|Pour|Sur|Dans|Avec|Entre|Chez"
    r"|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|Un|Une|Deux|Trois|Quatre|Cinq|Six|Sept|Huit"
    r"|Neuf|Dix|\d+)\s+)")
_SURNAME_AFTER = re.compile(r" ([A-ZÀ-Ý][a-zà-ÿ’'-]+)(?= *[(,;]| +[a-zà-ÿ])")
_WORSHIP_HEADS = frozenset("mosquée église cathédrale basilique synagogue temple chapelle".split())
# Heads that stand for a named body alone only after it: "le Fonds" after the Fonds monétaire international.
_SHORT_BODY_HEADS = frozenset({"fonds", "caisse", "bourse"})
_NAME_ARTICLE = re.compile(r"(?:La|Le|Los|Las|El|Les) +")
_MID_SENTENCE = re.compile(r"(?:[a-zà-ÿ]|[a-zà-ÿ],) +$")
_FORMER = re.compile(r"^[eE]x-(?=[A-ZÀ-Ý])")  # "l'ex-RDA": the actor is the former state
# A name ending with an initial: "Kévin D." (a first name and the initial of the surname).
_INITIAL_END = re.compile(r"^[A-ZÀ-Ý][\w’'-]+ [A-ZÀ-Ý]\.$")
_HONORIFIC = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Dr|Me|Mes|Mgr|Sir|Lord)\s+")
_TRAILING = re.compile(r"[\s,;:.!?»«\"“”()\[\]]+$|^[\s«\"“”(\[]+"
                       r"|\s+(?:au|aux|du|des|à|et|par|pour)$")  # "Union pour la patrie au" (Sénat)
# Role/domain words spaCy sometimes glues to a name ("Défense Lloyd Austin")
# or takes for one ("État" in "secrétaire d’État").
_TITLE_WORDS = frozenset(fold(w) for w in """
Défense Intérieur Justice Affaires étrangères Économie Finances Santé Travail Éducation Culture
Agriculture Environnement Transports Commerce Industrie Énergie Armées Budget Logement Sports
État Etat Président Premier Première Ministre Secrétaire Chancelier Gouvernement Ministère Ministres
""".split())
# Ministerial domains that the NER glues to a name ("Écologie Mukhtar X") or
# tags alone ("Climat"): clipped from names and never an actor by themselves,
# but they may begin a name ("Sécurité sociale"), unlike the words above.
_DOMAIN_WORDS = frozenset(fold(w) for w in """
Écologie Climat Transition Sécurité Solidarités Numérique Recherche Jeunesse Emploi Tourisme Outre-mer
Mer Famille Cohésion Territoires Enseignement Communication Citoyenneté Immigration Égalité Consommation
Francophonie Retraites Diplomatie
""".split())
# A title whose complement is its domain, right before a capitalised word: "ministre
# de la Sécurité nationale", "commissaire européen chargé du Climat", "ministère de la
# Transition écologique" (not "président de la Commission": that names a body).
_DOMAIN_BEFORE = re.compile(r"(?:\b(?:ministres?|ministère|commissaires?|secrétaire\s+d['’][ÉE]tat|chargée?s?)"
                            r"(?:\s+[a-zéèêëïîôûç-]+){0,2}?"
                            # a first domain coordinated: "ministre de l'Agriculture et de la …"
                            r"(?:\s+(?:de\s+la|de\s+l['’]|du|des)\s*[A-ZÀ-Ý][\w’'-]*(?:\s+[a-zéèêëïîôûç-]+)?\s+et)?"
                            r"\s+(?:de\s+la|de\s+l['’]|du|des|à\s+la|à\s+l['’]|au|aux)"
                            r"|\bchargée?s?\s+d['’])\s*$")
_SMALL_WORDS = frozenset("de du des la le les l d et en pour au aux a sur".split())
_ACRONYM = re.compile(r"^[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9/&.-]{1,9}$")
# "Jonas X (Visma-Lease a Bike)": a capitalised name alone in brackets after a person.
_BRACKETED_NAME = re.compile(r" \((?P<n>[A-ZÀ-Ý][^()\n,;:«»]{1,40}?)\)")
_WORDED_INITIALS = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]{2,7}$")  # "Aosis", "Unrwa", "Otan"
_MIXED_ACRONYM = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9]{1,7}$")  # "PvdA", "CiU"
# A signature closing a regional article: "Philippe JARRASSÉ", "Anne MARTIN-DURAND".
_SIGNATURE = re.compile(r"^(?:[A-ZÀ-Ý][\w’'.-]*\s+){1,3}[A-ZÀ-Ý][A-ZÀ-Ý’'-]+(?:\s+[A-ZÀ-Ý’'-]{2,})*$")
_MINISTRY = re.compile(
    r"\b(?P<head>[Mm]inistère|[Dd]épartement)(?:\s+(?P<dem>[a-zéèêëïîôûç]+(?:-[a-zéèêëïîôûç]+)?))?"
    r"\s+(?P<prep>de\s+la\s+|de\s+l['’]|du\s+|des\s+)"
    r"(?P<dom>[A-ZÉÈÊÎÔ][\w’'-]*(?:\s+(?:étrangères|extérieures|intérieure|publique|nationale|sociales|européennes))?)"
    # whose body or state, when known, is part of its name: "ministère de la Santé du Hamas"
    r"(?:\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?P<of>[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)?))?")
MAX_GAZETTEER_TOKENS = 8
# "<noun> de/du/d’ <Name>" just before a name (see _Extractor._named_head).
_NAMED_HEAD = re.compile(r"\b(?P<head>[a-zéèêàç-]+)\s+(?P<prep>de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?"
                         r"(?:(?:général|maréchal|président|docteur|colonel|abbé|professeur)\s+)?$")
# Buildings and rooms named after someone: "la galerie d'Apollon", "le mausolée de l'imam Reza".
_SITE_NOUNS_AFTER = "galerie|salle|aile|pavillon|mausolée|tombeau|mosquée|église|basilique|cathédrale|chapelle|sanctuaire"
_SITE_AFTER = re.compile(r"(?<![\w’'-])(?:" + _SITE_NOUNS_AFTER + r")\s+(?:de\s+l['’]|de\s+|d['’]|du\s+)"
                         r"(?:(?:imam|saint|sainte|prophète|cheikh|roi|reine|empereur|impératrice)\s+)?$")
_SITE_AFTER_HEAD = re.compile(r"(?:" + _SITE_NOUNS_AFTER + r")\s+d")  # does the text hold one at all?
# "31, rue …", "38-40, rue …", "12 bis, avenue …": a house number before a street.
_HOUSE_NUMBER = re.compile(r"\b\d+(?:-\d+)?(?:\s?(?:bis|ter))?,?\s+$")
_RANKS = frozenset("général maréchal président docteur colonel abbé professeur commandant capitaine lieutenant".split())
# A body with a lower-case head and a capitalised name: "l'association des Amis du Vieux Lyon".
_ASSOCIATION = re.compile(r"(?<![\w-])(?P<head>association|amicale|collectif|union|club)\s+"
                          r"(?:des\s+|de\s+la\s+|de\s+l['’]|du\s+)(?P<cap>[A-ZÀ-Ý][\w’'-]*)")
_OF_TOWN = re.compile(r"\s+(?:de\s+|d['’])[A-ZÀ-Ý][\w’'-]*")
# "la Ville de Lyon", "la Commune de Vesoul": the municipality, named by its town.
_CITY_HEADS = frozenset({"Ville", "Commune", "Mairie", "Municipalité"})
_CITY_BODY = re.compile(r"(?<![\w-])(?:Ville|Commune|Mairie|Municipalité)\s+(?:de\s+|d['’])"
                        r"(?P<town>[A-ZÀ-Ý][\w’'-]+)(?![\w’'-])")
# Endings of French communes' names that are rare in surnames: "Bavilliers", "Hérimoncourt".
_COMMUNE_SHAPE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:villiers|villers|viller|court|heim|bourg)$")
# Just after an opening quote, an elided article allowed: « L'Agent secret » is a title, not a role.
_QUOTED_START = re.compile(r"[«“\"]\s*(?:[LlDd]['’]|[Ll][ea]s?\s+)?$")
# "Lyon Nord et Sud", "la Corée du Nord et du Sud": what links two compass points sharing a head.
_SHARED_HEAD_LINK = re.compile(r"^\s*(?:et|ou|,)\s+(?:(?:du|de\s+la|de)\s+)?$")
_TEXT_HEADS = frozenset("traité charte convention accord accords loi résolution".split())
# Meetings named after the city that hosts them, even a capital: "la conférence de Paris".
_VENUE_EVENTS = frozenset("sommet conférence forum".split())
# Texts named after their authors, no preposition: "la loi Martin-Durand", "les chartes X-Y".
_NAMED_TEXTS = frozenset("charte chartes loi lois réforme réformes plan circulaire décret".split())
# Streets and sites: "rue Saint-Dizier", "avenue du général Leclerc", "stade de la Mosson".
_STREET_HEADS = frozenset("""rue avenue boulevard cours place quai impasse allée chemin parc stade square camping
promenade""".split())
# Military commands named by their area: "le commandement du théâtre Est" (a body).
_COMMAND_HEADS = frozenset({"commandement"})
# Seas and straits named after a land: "le détroit de Taïwan", "la mer de Chine", "le golfe du Mexique" — a
# place of their own, even when the land is known (the land named elsewhere stays an actor apart).
_SEA_HEADS = frozenset("détroit golfe mer canal baie".split())
# Bodies and events written in lower case, which the NER misses: "tribunal
# correctionnel d'Epinal", "comité d'éthique", "commission centrale des
# arbitres", "élections européennes de 2004", "attentats du 11 septembre".
_ADJ = (r"[a-zéèêëàâîïôûç-]+(?:al|ale|aux|el|elle|if|ive|ien|ienne|éen|éenne|aire|ique|eur|ain|aine|ier|ière|ême)s?"
        r"(?![\w’'-])")
_MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
                     "lundi mardi mercredi jeudi vendredi samedi dimanche".split())
_MONTH = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
_LOWER_BODY = re.compile(
    r"(?<![\w-])(?P<head>tribunal|cour|comité|commission|conseil|parlement|chambre|convention|ambassade|consulat"
    r"|observatoire|inspection|gendarmerie|commissariat|préfecture|Tribunal|Cour|Conseil|Commission|Comité|Chambre)"
    r"(?P<adj>(?:\s+" + _ADJ + r"){0,2})"
    r"(?:\s+(?:(?P<cprep>de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?P<cap>[A-ZÉÈÊÀÂÎÔ])"
    r"|(?P<lprep>des\s+|d['’]|de\s+|du\s+|de\s+la\s+|de\s+l['’])"
    r"(?P<low>[a-zéèêàâîôûç]{4,}(?:\s+" + _ADJ + r")?)(?![\w’'-])))?")
_LOWER_EVENT = re.compile(
    r"(?<![\w-])(?P<head>élections?|attentats?|attaques?|sommet|guerre|présidentielles?|législatives|municipales"
    r"|régionales|cantonales|sénatoriales|européennes)"
    r"(?P<adj>(?:\s+" + _ADJ + r"|\s+(?:présidentielles?|législatives|municipales|régionales|cantonales|"
    r"sénatoriales|européennes)){0,2})"
    # what a war was fought for: "la guerre d'indépendance de 1971", "la guerre de libération de 1954"
    r"(?P<aim>\s+(?:d['’]\s*indépendance|de\s+libération|de\s+sécession))?"
    r"(?:\s+(?:de|du|d['’])\s*(?P<date>(?:1er|\d{1,2})\s+" + _MONTH + r"(?:\s+\d{4})?|\d{4})(?!\d))?")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w’'])(?:[Uu]ne?|[Dd]es)\s+$")
# Complements that make a lower-case body an organ of another: "conseil d'administration", "comité d'urgence".
_ORGANS = frozenset("administration surveillance direction urgence ministres gestion".split())
# Tiers of local government: "le conseil municipal" alone names no one council.
_LEVELS = frozenset("municipal municipale départemental départementale régional régionale général générale "
                    "communautaire intercommunal intercommunale métropolitain métropolitaine".split())
# A meeting named by the body that holds it: "le sommet de l'Otan", "la conférence de l'ONU".
_MEETING_OF = re.compile(r"(?<![\w-])(?:sommet|conférence|assemblée\s+générale|réunion\s+ministérielle)\s+"
                         r"(?:de\s+l['’]|du\s+|de\s+la\s+|des\s+)$")
_NAMED_ONLY_WORDS = ("parquet", "cartel", "brigade", "centre de secours", "compagnie de gendarmerie")
# An airport named by its town: "l'aéroport de Roissy-Charles-de-Gaulle", "l'aéroport international de La Tontouta".
_AIRPORT = re.compile(r"(?<![\w-])aéroport(?:\s+international)?\s+(?:de\s+|d['’])"
                      r"(?:(?:La|Le|Les)\s+)?[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)?")
# Bodies in lower case that need a capitalised complement to be named: "le parquet de Paris".
# Local units named by their kind and town: "la brigade de recherches de Périgueux", "le centre de secours de X".
_NAMED_ONLY_BODY = re.compile(r"(?<![\w-])(?P<head>parquet|cartel|brigade(?:\s+(?:de\s+|d['’])[a-zéèêàç]{4,})?"
                              r"|centre\s+de\s+secours|compagnie\s+de\s+gendarmerie)"
                              r"\s+(?:de\s+|d['’]|du\s+)(?P<cap>[A-ZÀ-Ý])"
                              # "le cartel Jalisco Nouvelle Génération": its own name, no preposition
                              r"|(?<![\w-])(?P<bare>cartel)\s+"
                              r"(?P<name>[A-ZÀ-Ý][\w’'-]*(?:\s+[A-ZÀ-Ý][\w’'-]*)*)")
# A party in lower case, named by its political family: "le parti socialiste
# francophone", "le parti conservateur" (not "le parti majoritaire").
_LOWER_PARTY = re.compile(
    r"(?<![\w’'-])parti\s+(?:social-démocrate|chrétien-démocrate|démocrate-chrétien|national-socialiste|"
    r"socialiste|communiste|conservateur|travailliste|libéral|démocrate|républicain|radical|écologiste|"
    r"nationaliste|populiste|islamiste|centriste|séparatiste|indépendantiste|monarchiste|fasciste|"
    r"néo-nazi|néonazi|baasiste|gaulliste|chrétien-social|social-chrétien|vert)"
    r"(?:\s+(?:[a-zé]+phones?(?![\w’'-])|" + _ADJ + r"))?")
# A numbered text: "la résolution 1441", "la directive 2003/87".
_NUMBERED_TEXT = re.compile(r"(?<![\w-])(?:(?P<head>résolution|directive|décret|loi)\s+(?:n°\s*)?\d[\d/.-]*\d"
                            r"|article\s+\d+(?:[.-]\d+)*"  # "l'article 49.3", "l'article 5"
                            # whose text is part of its name: "l'article 16 de la Constitution", "du code pénal"
                            r"(?:\s+(?:de\s+la\s+Constitution"
                            r"|du\s+[Cc]ode\s+(?:pénal|civil|du\s+travail|électoral)))?)"
                            r"(?![\w])")
# "l'État français": the state itself (not "secrétaire d'État américain").
_STATE_DEMONYM = re.compile(r"(?<![\w-])(?<![dD]['’])[ÉE]tat\s+(?P<dem>[a-zéèêëïîôûç]+(?:-[a-zéèêëïîôûç]+)?)")
# Particles inside a name that the NER may end a person on: "Oussama ben" + "Laden".
_NAME_PARTICLES = frozenset("ben bin ibn abou abu al el van von der de la".split())
_LOWER_EVENT_ADJ = frozenset("présidentielle présidentielles législatives municipales régionales cantonales "
                             "sénatoriales européennes".split())
# Names listed after a plural honorific: "Mes Perrin, Leuvrey et Spor", "MM. X et Y".
_NAME_WORD = r"[A-ZÀ-Ý][\w’'-]+(?:\s+(?:de\s+|d['’]|le\s+)?[A-ZÀ-Ý][\w’'-]+){0,2}"
_HONORIFIC_LIST = re.compile(r"(?<![\w.])(?:MM\.|Mes|Mmes)\s+(?P<names>" + _NAME_WORD
                             + r"(?:\s*,\s*" + _NAME_WORD + r")*\s+et\s+" + _NAME_WORD + r")")
_LIST_SPLIT = re.compile(r"\s*,\s*|\s+et\s+")
# A lower-case phrase after "à" closing an entity span: "le Congrès à majorité républicaine"
# (not "Commissariat à l'énergie atomique", which goes on with an article).
_LOWER_TAIL = re.compile(r"\s+à\s+(?!l['’]|la\s|les\s)[a-zéèêàç][^A-ZÀ-Ý]*$")
_OF_STATE = re.compile(r"\s+(?:de\s+|du\s+|d['’])(?P<n>[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?)(?![\w’'-])")
_REPUBLIC_OF = re.compile(r"République\s+(?:de\s+|d['’]|du\s+)(?=[A-ZÀ-Ý])")
# Two or three capitalised words mid-sentence (after a small word or a comma)
# that the NER left untagged: "… pour le SPD et Michaele Schreyer pour les Verts".
_NAME_TOKEN = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ]+)?"
_UNTAGGED_NAME = re.compile(r"(?<=[a-zà-ÿ,] )(?P<name>" + _NAME_TOKEN + r"(?: " + _NAME_TOKEN + r"){1,2})(?![\w’'-])")
# An affair or a trial named after someone: "l'affaire Dreyfus", "le procès Papon".
_NAMED_AFFAIR = re.compile(r"(?<![\w-])(?P<head>[Pp]rocès|[Aa]ffaire|[Ss]candale)\s+"
                           r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ’'-]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ’'-]+)?)(?![\w’'-])")
# A programme or an operation named by a quotation: "le programme humanitaire
# « pétrole contre nourriture »", "l'opération « Tempête du désert »".
_QUOTED_NAME = re.compile(r"(?<![\w-])(?P<head>programme|plan|projet|opération|émission|film|pièce|comédie"
                          r"|tragédie|spectacle|livre|roman|album|chanson|documentaire|opéra|feuilleton|série)"
                          r"(?:\s+" + _ADJ + r"){0,2}(?:\s+(?:de|d['’])\s*[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?)?,?"
                          r"\s+[«“\"]\s*(?P<name>[^»”\"\n.;:!?]{3,60}?)\s*[»”\"]")
# "« Corps flottants » de Robert Cahen": a quoted title followed by its author, who
# may be introduced by a nationality noun ("« Sirat » de l'Espagnol Oliver Laxe").
_QUOTED_BY = re.compile(r"[«“]\s*(?P<name>[A-ZÀ-Ý][^»”\"\n.;:!?]{2,60}?)\s*[»”]\s+(?:de|d['’]|du)\s*"
                        r"(?:(?:l['’]|la\s+|le\s+)?(?P<dem>[A-ZÀ-Ý][a-zà-ÿ-]+)\s+)?(?=[A-ZÀ-Ý])")
# "« Un simple accident », un thriller politique": a quoted title glossed by a work noun.
_QUOTED_GLOSSED = re.compile(r"[«“]\s*(?P<name>[A-ZÀ-Ý][^»”\"\n.;:!?]{1,60}?)\s*[»”]\s*,\s+"
                             r"(?:un|une|le|la|l['’]|son|sa|leur)\s*(?:(?P<first>[a-zéèêàâîôûç-]+)\s+)?"
                             r"(?P<noun>[a-zéèêàâîôûç-]+)")
# "l'affaire des écoutes, dite « Bismuth »": the name an affair is known by.
_SO_CALLED = re.compile(r"(?<![\w-])(?:[Aa]ffaire|[Pp]rocès|[Ss]candale|[Oo]pération)\b[^.;:«»\n]{0,60}?,?\s+"
                        r"(?:dite?s?|surnommée?s?|baptisée?s?)\s+[«“]\s*(?P<name>[A-ZÀ-Ý][^»”\n]{1,40}?)\s*[»”]")
# "Baptisés « Joint Storm-24 », ces exercices …": a name given at the head of a sentence (an
# operation, an exercise, a storm, a ship: "other"), quoted whole whatever the NER cuts.
_CHRISTENED = re.compile(r"(?:^|(?<=[.!?»]\s)|(?<=\n))[Bb]aptisée?s?\s+[«“]\s*(?P<name>[A-ZÀ-Ý][^»”\n]{1,40}?)\s*[»”]",
                         re.MULTILINE)
# A lower-case body and its initials in brackets: "les pays les moins avancés (PMA)".
_INITIALS_IN_BRACKETS = re.compile(r"\((?P<acr>[A-ZÀ-Ý]{2,8})\)")
_LOWER_WORDS_BEFORE = re.compile(r"(?<![\w’'-])(?:[a-zéèêëàâîïôûç’'-]+\s+){1,8}$")
# Collective heads of such a body (not "produit intérieur brut (PIB)", a quantity).
_INITIALLED_HEADS = actor_types.ORG_HEADS_FOLDED | frozenset({"pays", "etats", "nations", "alliance"})
# An entity span running on past a comma into lower-case words: "Utah Jazz, dauphins".
_COMMA_TAIL = re.compile(r"\s*,\s+(?=[a-zà-ÿ])")
# ... past an opening quotation mark ("Grand Prix à « Valeur sentimentale"), small words
# before it dropped, or into a title's domain ("Commission chargé du Commerce").
_RUN_ON_TAIL = re.compile(r"(?:\s+(?:à|au|aux|de|du|des|pour|et|par|sur|avec))*\s+[«“]"
                          r"|\s+chargée?s?\s+(?:de|du|des|d['’])(?![\w’'-])")
# Geographic adjectives that make a land's name a region's: "l'Azerbaïdjan oriental", "l'Amérique latine",
# "le Périgord vert".
_REGION_ADJ = re.compile(r" (?:orientale?|occidentale?|centrale?|septentrionale?|méridionale?|latine|australe?"
                         r"|vert|noir|blanc|pourpre)"  # "le Périgord vert", "l'Afrique noire"
                         r"(?![\w’'-])")
# A model number right after a maker's name: "un Bell 212", "des Leopard 2" (not an age, a share, a score).
_MODEL_AFTER = re.compile(r" \d{1,4}(?![\w,.:/-]|\s*(?:ans?|%|km|h|heures?|euros?|dollars?|millions?|milliards?"
                          r"|mètres?"
                          r"|m|kg|tonnes?|personnes?|habitants?|voix|points?|sièges?|buts?|minutes?|jours?|mois)\b)")
# The social network X after "sur" (not a number of years or of kilometres).
_ON_X = re.compile(r"(?<=\bsur )X(?![\w’'-])(?!\s+(?:ans?|km|kilomètres|mois|jours|années|fois|personnes)\b)")
# A lone Roman numeral ("la phase V") is a number, not a name.
_ROMAN = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")  # "CICV" is no numeral
# A sentence end: ".", "!" or "?" (not after an initial or "M."), then a capital.
_SENTENCE_END = re.compile(r"(?<!\bM\.)(?<![\s.][A-Z]\.)(?<=[\w»)\]\"][.!?])[»\"]?\s+(?=[«\"A-ZÀ-Ý])")
# Plural endings of the names of inhabitants (gentilés), after "les"/"des"/"aux".
_INHABITANT = ("ais", "ois", "aise", "oise", "ain", "aine", "ien", "ienne", "éen", "éenne")
_INHABITANTS = ("ais", "ois", "aises", "oises", "ains", "aines", "iens", "iennes", "éens", "éennes",
                "entaux")  # "les Occidentaux", "les Orientaux": a camp, no body
# A newspaper's local edition: "l'édition de Lunéville".
_EDITION = re.compile(r"\b[ée]dition\s+(?:de\s+|d['’])$")
# Buildings and venues that may be named after someone: "le Centre des congrès Pierre Baudis".
# Lower-case heads that are part of a site's name the NER took in: "le fort Dorsner",
# "la centrale Elhamma d'Alger", "le détroit de Gibraltar" (not "bombes de Hiroshima").
_SITE_HEADS = (actor_types.PLACE_HEADS | actor_types.SITE_NOUNS
               | frozenset("centrale usine base barrage raffinerie mine".split()))
_LOWER_VENUES = frozenset("""centre stade palais salle lycée collège école hôpital musée gymnase espace théâtre
complexe halle piscine médiathèque bibliothèque""".split())
_VENUE_HEADS = frozenset(fold(w) for w in """centre stade palais salle lycée collège école hôpital musée aéroport
gymnase espace théâtre complexe halle piscine médiathèque bibliothèque auditorium amphithéâtre""".split())
# "… de l'Agence", "… de la Cour": a capitalised body's name follows.
_OF_NAMED = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+)[A-ZÀ-Ý]")
# Local offices named by the town they serve.
_LOCAL_OFFICES = frozenset({"gendarmerie", "commissariat"})
# "(JI)" right after a name.
_BRACKETED_INITIALS = re.compile(r"\s*\(([A-ZÀ-Ý][A-ZÀ-Ý.]{1,9})\)")
# A body's name running on in lower case up to its initials, which the NER
# cut short: "Conseil français" + " du culte musulman (CFCM)".
_LOWER_RUN_TO_INITIALS = re.compile(r"(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|et|pour|[a-zà-ÿ][a-zà-ÿ-]+)){1,6}"
                                    r"(?=\s*\(([A-ZÀ-Ý][A-ZÀ-Ý.]{1,9})\))")
# Two single names in one entity span: "Hiroshima et Nagasaki".
_TWO_NAMES = re.compile(r"^(?P<a>[A-ZÀ-Ý][\w’'-]+) et (?P<b>[A-ZÀ-Ý][\w’'-]+)$")
# A first name and a surname (an author the NER missed, after a nationality noun).
_TWO_CAPITALISED = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ’'-]+\s+[A-ZÀ-Ý][a-zà-ÿ’'-]+")
# The end of a run-in headline: "Remaniement d'adjoints à Paris.- Jean Tiberi, …".
_HEADLINE_END = re.compile(r"(?<=\w)\.\s?-\s+")
# Roads by their number after an article or their kind: "l'A 10", "la RN 4",
# "l'autoroute A10", "la RD 184" (not "A 20 h", a time at a sentence start).
_ROAD = re.compile(r"(?:(?<![\w’'])[lL]['’]\s?|(?<![\w’'])[lL]a\s+|\b(?:autoroute|nationale|départementale)\s+)"
                   r"(?P<road>(?:A|RN|RD|N|D)\s?\d{1,4})(?![\w’'-])(?!\s*(?:h\b|heures?\b|%|km\b))")
# Not names: "XIXe" (siècle), "150.000 F", "200 MF".
# "le théâtre de La Roële de Villers": a company whose lower-case head the NER took in.
_TROUPE = re.compile(r"(?:théâtre|troupe|compagnie|chorale|fanfare)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
                     r"(?=[A-ZÀ-Ý])")
# "CICV d'Hérimoncourt", "ASSEDIC du Nord-Est": the place after an acronym's "de".
_OF_PLACE = re.compile(r"\s+(?:de\s+|d['’]|du\s+)(?=[A-ZÀ-Ý])")
# "Fontenay-Piccard" (a crew), "la route Commercy-Void": two names linked by a hyphen.
_COMPASS = frozenset(fold(w) for w in "nord sud est ouest centre nord-est nord-ouest sud-est sud-ouest centre-est centre-ouest".split())
# "États-clés de Pennsylvanie", "États-membres de …": a capitalised common noun heading the span.
_COMMON_PLURAL_OF = re.compile(r"^(?P<noun>[A-ZÀ-Ý][a-zà-ÿ]+)-[a-zà-ÿ]+s\s+(?:de\s+|d['’]|du\s+|des\s+)(?=[A-ZÀ-Ý])")
# "le sénateur de l'Ohio JD Vance": one span over a place and a name, after an office "de".
_PLACE_THEN_NAME = re.compile(r"^(?P<place>[A-ZÀ-Ý][\w-]+) (?P<person>(?:[A-Z]{1,2}\.?|[A-ZÀ-Ý][a-zà-ÿ-]+) "
                              r"[A-ZÀ-Ý][a-zà-ÿ-]+)$")
_OFFICE_OF_BEFORE = re.compile(r"\b(?:sénateur|sénatrice|gouverneur|gouverneure|maire|député|députée|élu|élue|"
                               r"représentant|représentante)\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|de\s+)$")
# "l'ancien chef du Labour Jeremy Corbyn": a body's head before "<body> <first name> <surname>".
_HEAD_OF_BEFORE = re.compile(r"\b(?:chef|cheffe|leader|dirigeant|dirigeante|président|présidente|fondateur|"
                             r"fondatrice|patron|patronne)\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*)$")
# "la Chinoise Can Xue": a capitalised demonym the NER took into the name.
_DEMONYM_THEN_NAME = re.compile(r"^(?P<dem>[A-ZÀ-Ý][a-zà-ÿ-]+) (?P<person>[A-ZÀ-Ý][\w’'-]*(?: [A-ZÀ-Ý][\w’'-]*)+)$")
# "iPhone", "iPad": product names written with a lower-case initial, which no NER tags.
_CAMEL_NAME = re.compile(r"(?<![\w@/.-])[a-z][A-Z][a-z]{2,}\b")
# "au centre des congrès de X", "le palais des sports de X": a venue named by its kind and town.
_VENUE_OF = re.compile(r"\b(?P<head>centre|palais|parc|salle|maison)\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l['’])"
                       r"[a-zéèêàç]+\s+(?:de\s+|d['’])$")
# ", le " between a name and its apposition.
_GLOSS_GAP = re.compile(r",\s+(?:le|la|l['’])\s*$")
# A definite article right before a name: "l'Alliance", "le Tour".
_ARTICLE_BEFORE = re.compile(r"(?:\b[Ll][ea]\s+|\b[Ll]['’]\s*)$")
# "CGT-Chimie", "FO-Métaux": a federation named by its confederation's initials.
_FEDERATION = re.compile(r"^(?P<acr>[A-ZÀ-Ý]{2,6})-[A-ZÀ-Ý][a-zà-ÿ][\w-]*$")
_LINKED = re.compile(r"^(?P<a>[A-ZÀ-Ý][a-zà-ÿ]+)-(?P<b>[A-ZÀ-Ý][a-zà-ÿ]+)$")
_LINK_NOUNS = frozenset("route routes ligne lignes axe liaison liaisons trajet train trains vol vols".split())
# "la ligne Paris-Nantes": a railway or bus line is named by its ends (a place of its own).
_LINE_NOUNS = frozenset({"ligne"})
# The rest of a hyphenated name after an entity cut at its hyphen: "ligne Paris" + "-Nantes".
_HYPHEN_TAIL = re.compile(r"(?:-[A-ZÀ-Ý][\w’']*)+")
# A dateline in capitals opening a line or following a headline: "BAR-LE-DUC. _ Vers …", "NANCY.- Le …".
_DATELINE = re.compile(r"(?m)(?:^|(?<=\. ))(?P<place>[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ'’ -]{1,40}[A-ZÀ-ÝŒ])\.\s?[-_–]")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ème)$")


@dataclass
class Candidate:
    """One mention before merging."""

    start: int
    end: int
    text: str  # cleaned surface form == doc.text[start:end]
    type: str
    entry: Entry | None
    confidence: float
    label: str
    span: "Span"
    affiliation: Entry | None = None


@dataclass
class _Cluster:
    key: str
    name: str
    type: str = "other"
    type_votes: Counter = field(default_factory=Counter)
    entry: Entry | None = None
    mentions: list[Candidate] = field(default_factory=list)
    confidence: float = 1.0
    role: str | None = None
    role_state: Entry | None = None
    affiliation_entry: Entry | None = None
    homologue: tuple[str, str] | None = None  # (own role text, demonym) awaiting the counterpart


def _clean(text: str, start: int, knowledge: Knowledge) -> tuple[str, int]:
    """Strip leading determiners/prepositions/honorifics and trailing punctuation.

    A known form is never cut ("La Havane", "Le Caire").  Returns the new
    text and its start offset.
    """
    while True:
        stripped = _TRAILING.sub("", text)
        if stripped == text[:-1] and _INITIAL_END.search(text):
            stripped = text  # "Kévin D.": the full stop of an initial is part of the name
        if stripped != text:
            lead = len(text) - len(text.lstrip(" \t«\"“([")) if text[:1] in " \t«\"“([" else 0
            start += lead
            text = stripped
            continue
        if knowledge.lookup(text) or knowledge.is_capital(text):
            return text, start
        m = _LEADING.match(text) or _HONORIFIC.match(text) or _FORMER.match(text)
        if not m:
            return text, start
        start += m.end()
        text = text[m.end():]


def _clip_titles(text: str, start: int) -> tuple[str, int]:
    """Drop leading role words: "Défense Shin Won-sik" → "Shin Won-sik"."""
    words = text.split(" ")
    if len(words) > 1 and fold(words[-1]) in _COMPASS and words[-1][:1].isupper() \
            and all(w.islower() for w in words[:-1]):
        return text, start  # "district militaire Sud": a body or an area named by its compass point
    if len(words) > 3 and words[0] in _SITE_HEADS and words[1].islower() and words[1] not in ("de", "du", "des") \
            and words[-1][:1].isupper() \
            and words[-2] in ("de", "du", "La", "Le", "Les") and all(w.islower() for w in words[1:-2]):
        return text, start  # "aéroport international de La Tontouta": a site named by its town
    while len(words) > 1 and (fold(words[0]) in _TITLE_WORDS or words[0].islower()
                              # "Écologie Mukhtar Babayev", not "Sécurité routière": a name follows
                              or fold(words[0]) in _DOMAIN_WORDS and words[1][:1].isupper()) \
            and not (words[0] in _SITE_HEADS and words[1][:1].isupper()):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


_SIGNATURE_LIST = re.compile(r"^(?P<by>(?:[Dd]e|[Pp]ar)\s+)?(?P<names>.+)$")


def _is_signature_list(line: str) -> bool:
    """"de Nicole MARTIN et Anne DURAND", "Par Paul ROUX, Luc PETIT": a closing
    line signed by several journalists, each name with its surname in capitals."""
    m = _SIGNATURE_LIST.match(line)
    names = _LIST_SPLIT.split(m.group("names").strip())
    return len(names) >= (1 if m.group("by") else 2) and all(_SIGNATURE.match(n) for n in names)


def _plural_blind(name: str) -> str:
    """"Jeunesse et sports" = "Jeunesse et sport": folded, final s dropped from each word."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in fold(name).split())


def _clipped_words(short: str, long: str) -> bool:
    """"Secours pop" / "Secours populaire": as many words, the first the same,
    each of the others the other's or a clipping of it (three or four letters:
    "Parti social" is no clipping of "Parti socialiste")."""
    s, lg = fold(short).split(), fold(long).split()
    if len(s) < 2 or len(s) != len(lg) or s == lg or s[0] != lg[0]:
        return False
    return all(a == b or (3 <= len(a) <= 4 < len(b) and b.startswith(a)) for a, b in zip(s[1:], lg[1:]))


def _title_complement(text: str, clipped: str, label: str) -> bool:
    """"président de la République" tagged PER: once the title is clipped, one
    word after an article or a preposition is the title's complement, no person."""
    if clipped == text or " " in clipped:
        return False
    before = text[: len(text) - len(clipped)].split()
    if label != "PER" and before:
        # "procureur de la République" tagged LOC: the title's complement, no place
        return clipped == "République" and before[0].lower() in actor_roles.TITLE_NOUNS \
            and before[-1].lower() == "la"
    return bool(before) and before[-1].lower() in ("de", "du", "des", "la", "le", "les", "d'", "d’", "l'", "l’")


def _looks_like_name(text: str) -> bool:
    """Two or more capitalised words, particles allowed: "Dominique de Villepin"."""
    words = text.split()
    # "al-Jalali", "el-Materi": a particle glued to a capitalised name counts as one
    words = [w.split("-", 1)[1] if re.match(r"^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|ben|abou|abu)-[A-Z]", w)
             else w for w in words]
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 2 and all(w[:1].isupper() or w in ("de", "du", "van", "von", "der", "al", "el", "bin", "ben")
                                 for w in words)


def _is_acronym(text: str) -> bool:
    """"ONU", "CDU/CSU", and mixed forms with as many capitals as small letters: "PvdA"."""
    if _ACRONYM.match(text):
        return True
    if not _MIXED_ACRONYM.match(text):
        return False
    upper = sum(c.isupper() for c in text)
    return upper >= 2 and upper >= sum(c.islower() for c in text)


def _initials(name: str) -> str:
    """"Parti national religieux" → "PNR" (articles and prepositions skipped)."""
    words = re.split(r"[\s’'-]+", name)
    # accents ignored: "études économiques" gives "EE" as in "INSEE"
    return "".join(fold(w[0]).upper() for w in words if w and fold(w) not in _SMALL_WORDS)


@functools.lru_cache(maxsize=4096)  # called for every entity on the same few lines
def _is_shouting(line: str) -> bool:
    """An ALL-CAPS line (photo credit, wire header): names there need knowledge."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _line_of(doc_text: str, start: int) -> str:
    a = doc_text.rfind("\n", 0, start) + 1
    b = doc_text.find("\n", start)
    return doc_text[a: b if b >= 0 else len(doc_text)]


def _known_subspans(doc: "Doc", start: int, end: int, knowledge: Knowledge) -> list[tuple[int, int]]:
    """Longest known forms inside ``doc.text[start:end]``, token-aligned."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out, i = [], span.start
    while i < span.end:
        for n in range(min(MAX_GAZETTEER_TOKENS, span.end - i), 0, -1):
            piece = doc[i: i + n]
            if knowledge.lookup(piece.text) or knowledge.is_capital(piece.text):
                out.append((piece.start_char, piece.end_char))
                i += n
                break
        else:
            i += 1
    return out


def _joined_entities(doc: "Doc", text: str | None = None) -> list[tuple[int, int, str]]:
    """NER spans as (start, end, label); a span cut after its preposition
    joins the next one: "Parquet de" + "Lyon" → "Parquet de Lyon"."""
    out: list[tuple[int, int, str]] = []
    text = doc.text if text is None else text  # spaCy rebuilds doc.text on each access
    spans = ents(doc)
    i = 0
    while i < len(spans):
        ent = spans[i]
        start, end, label = ent.start_char, ent.end_char, ent.label_
        while (i + 1 < len(spans) and spans[i].end == spans[i + 1].start
               and spans[i][-1].lower_ in ("de", "du", "des", "d'", "d’")):
            i += 1
            end = spans[i].end_char
            label = label if label != "LOC" else spans[i].label_
        while (i + 1 < len(spans) and len(spans[i]) == 1 and spans[i].label_ == "ORG"
               and spans[i][0].lower_ in actor_types.ORG_HEADS and spans[i + 1].label_ == "LOC"
               and 1 <= spans[i + 1].start - spans[i].end <= 2
               and doc[spans[i].end].lower_ in ("de", "du", "des", "d'", "d’")
               and all(t.lower_ in ("de", "la", "l'", "l’") for t in doc[spans[i].end + 1: spans[i + 1].start])):
            i += 1  # "Parlement" + "du" + "Pays de Galles": the body is named by its place
            end = spans[i].end_char
        if (label in ("ORG", "LOC") and i + 1 < len(spans) and spans[i + 1].label_ == "PER"
                and spans[i].end == spans[i + 1].start and fold(ent[0].text) in _VENUE_HEADS
                and "\n" not in text[start:spans[i + 1].end_char]):
            i += 1  # "Centre des Congrès" + "Pierre Baudis": a venue named after someone
            end, label = spans[i].end_char, "LOC"
        if label != "PER" and not text[end - 1].isspace():
            tail = _HYPHEN_TAIL.match(text, end)
            if tail is not None:
                end = tail.end()  # "ligne Paris" + "-Nantes": never cut inside a hyphenated name
        last = spans[i].end
        if (label == "PER" and doc[last - 1].lower_ in _NAME_PARTICLES and last < len(doc)
                and doc[last].is_title and (i + 1 == len(spans) or spans[i + 1].start > last)):
            end = doc[last].idx + len(doc[last].text)  # "Oussama ben" + "Laden"
        out.append((start, end, label))
        i += 1
    return out


_LABEL_OF = {"organization": "ORG", "event": "MISC", "state": "LOC"}
_EVENT_STARTS: list = [None, frozenset()]  # (the Knowledge, its first words)


def _event_first_words(knowledge: Knowledge) -> frozenset[str]:
    """First words of the known events named in several words ("seconde",
    "guerre"): where the gazetteer also looks at lower-case tokens."""
    if _EVENT_STARTS[0] is not knowledge:  # one Knowledge per build: computed once
        _EVENT_STARTS[:] = [knowledge, frozenset(
            f.split()[0].lower() for e in knowledge.entries.values()
            if e.type == "event" or e.type == "organization"  # bodies written in lower case: "armée de l'air"
            for f in e.forms() if len(f.split()) > 1 and (e.type == "event" or f[:1].islower()))]
    return _EVENT_STARTS[1]


class _Ranges:
    """Disjoint character ranges ``[start, end)``, added only when they overlap
    none already there: sorted by start, they are sorted by end too, so one
    bisection answers "does [start, end) overlap any?"."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # ranges before i start before ``end``
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        assert start < end and not self.overlaps(start, end)
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


_CLITICS = frozenset({"se", "s'", "s’", "ne", "n'", "n’", "l'", "l’", "lui", "leur", "y", "en", "le", "la", "les"})


def _is_subject(span: "Span") -> bool:
    """The subject of its clause: so parsed, or a verb right after it ("X se dit …"
    after a headline the parser took for its head)."""
    if span.root.dep_.startswith("nsubj"):
        return True
    doc = span.doc
    i = span.end
    while i < len(doc) and i < span.end + 2 and doc[i].lower_ in _CLITICS:
        i += 1
    return i < len(doc) and doc[i].pos_ in ("VERB", "AUX") and not doc[i].text[:1].isupper()


# Asides between a verb of saying and its speaker: "a assuré de son côté X", "a dit pour sa part X".
_ASIDES = frozenset((a, p, n) for a, n, ps in (("de", "côté", ("son", "sa", "leur")),
                                             ("pour", "part", ("sa", "leur")),
                                             ("à", "tour", ("son", "sa", "leur"))) for p in ps)


def _inverted_speaker(span: "Span") -> bool:
    """"« … », s'est félicité le président X", "a déclaré X": the speaker after the verb
    of saying is the subject of the quotation's clause."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and (doc[i].pos_ in ("DET", "ADJ") or doc[i].is_lower and actor_roles.is_prefix(doc[i])
                     or actor_roles._is_title(doc[i])) and span.start - i < 6:
        i -= 1
    if i >= 3 and tuple(t.lower_ for t in doc[i - 2: i + 1]) in _ASIDES:
        i -= 3  # "a assuré de son côté X"
    if i < 1 or doc[i].pos_ != "VERB" or lemma(doc[i]).lower() not in actor_roles.SPEECH_VERBS | {"féliciter"}:
        return False
    j = i - 1
    while j > 0 and (doc[j].pos_ == "AUX" or doc[j].lower_ in _CLITICS):
        j -= 1
    return doc[j].text in (",", "»", "”", "\"")


class _Extractor:
    def __init__(self, doc: "Doc", knowledge: Knowledge, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.knowledge = knowledge
        self.candidates: list[Candidate] = []
        self.taken = _Ranges()  # character ranges already used
        self.signature = self._signature()  # character range of a closing signature line
        self._loc_at = {e.start_char: e for e in ents(doc) if e.label_ == "LOC"}
        self._site_heads: bool | None = None  # does the text name a building after someone (_site_named_after)?

    # -- candidates --------------------------------------------------------
    def add(self, start: int, end: int, label: str, affiliation: Entry | None = None,
            forced: actor_types.Typed | None = None) -> None:
        if forced is None and label in ("ORG", "MISC", "LOC"):
            end = self._known_longer(start, end)  # "la Chambre" + "des représentants" (NER) → the known body
        if forced is None and label == "PER":
            more = _SURNAME_AFTER.match(self.text, end)
            if more is not None and not self.knowledge.lookup(more.group(1)):
                span = self.doc.char_span(more.start(1), more.end(1))
                if span is not None and len(span) == 1 and (
                        span[0].pos_ == "PROPN" and span[0].ent_iob_ == "O"
                        # "Mohammad Javad" + "Zarif" tagged LOC alone: a surname, no place
                        or span[0].ent_iob_ == "B" and span[0].ent_type_ in ("LOC", "MISC", "ORG")
                        and self.text[start:end].split()[-1][:1].isupper()
                        and (span.end == len(self.doc) or self.doc[span.end].ent_iob_ != "I")
                        and not self.knowledge.is_capital(more.group(1))):
                    end = more.end(1)  # "Alberto Núñez" + "Feijóo (PP)": the NER stops before a second surname
        if forced is None and label in ("PER", "MISC") and " " not in self.text[start:end].strip():
            model = _MODEL_AFTER.match(self.text, end)
            if model is not None and self.text[start:start + 1].isupper() \
                    and not self.knowledge.lookup(self.text[start:end].strip()):
                # "un Bell 212" tagged PER: a maker's name and a model number, a work
                end, forced = model.end(), actor_types.Typed("work", None, 0.8)
        if forced is None and label == "LOC" and " " not in self.text[start:end].strip():
            region = _REGION_ADJ.match(self.text, end)
            if region is not None:
                # "l'Azerbaïdjan oriental", "l'Amérique latine": a region of its own, not the land
                end, forced = region.end(), actor_types.Typed("place", None, 0.8)
        elif forced is None and label == "ORG" and " " in self.text[start:end].strip() \
                and self.text[start:end].split()[-1][:1].isupper():
            region = _REGION_ADJ.match(self.text, end)
            if region is not None:
                end = region.end()  # "Les Amis de la forêt du Périgord" + " vert": the region ends the name
        if forced is None and label != "PER" and _TROUPE.match(self.text, start):
            forced = actor_types.Typed("organization", None, 0.8)  # "théâtre de La Roële": no title to clip
        if forced is None and label in ("ORG", "MISC") and _ACRONYM.match(self.text[start:end]) \
                and not self.knowledge.lookup(self.text[start:end]):
            of = _OF_PLACE.match(self.text, end)
            place = self._loc_at.get(of.end()) if of is not None else None
            if place is not None and not self.knowledge.lookup(place.text) and not self.knowledge.is_capital(place.text) \
                    and (label == "MISC" or fold(place.text) in _COMPASS):
                # a MISC acronym located by its town is a local body; an ORG keeps its
                # region apart ("le RPR de Savoie") unless named by a compass point
                end, forced = place.end_char, actor_types.Typed("organization", None, 0.8)  # "CICV d'Hérimoncourt"
        if label == "ORG" and forced is None and self.text[end - 1: end].islower():
            # "Conseil représentatif des institutions juives" + "de France": the
            # NER stops before the state that ends the name.
            m = _OF_STATE.match(self.text, end)
            if m:
                for n_end in (m.end(), m.start("n") + len(m.group("n").split()[0])):
                    entry = self.knowledge.lookup(self.text[m.start("n"):n_end])
                    if entry is not None and entry.type == "state":
                        end = n_end
                        break
        if label == "ORG" and forced is None:
            run = _LOWER_RUN_TO_INITIALS.match(self.text, end)
            if run is not None and _initials(_clean(self.text[start:run.end()], start, self.knowledge)[0]) \
                    == run.group(1).replace(".", ""):
                end = run.end()  # "Conseil français du culte musulman (CFCM)"
        if label != "PER" and forced is None:
            tail = _COMMA_TAIL.search(self.text, start, end)
            if tail is not None:
                end = tail.start()  # "Utah Jazz, dauphins des …" → "Utah Jazz"
            # "Grand Prix à « Valeur sentimentale": a name stops before a quotation (but one
            # word before it is the quotation's head: "l'Association « Aux actes citoyens »");
            # "Commission chargé du Commerce": before a title's domain.
            tail = _RUN_ON_TAIL.search(self.text, start, end)
            if tail is not None and tail.start() > start and (
                    " " in self.text[start:tail.start()].strip() or not tail.group().lstrip().startswith(("«", "“"))):
                end = tail.start()
        raw_start = start
        text, start = _clean(self.text[start:end], start, self.knowledge)
        if forced is None and label in ("LOC", "ORG", "MISC"):
            article = _NAME_ARTICLE.match(self.text, raw_start, start)
            if article is not None and article.end() == start and text[:1].isupper() \
                    and _MID_SENTENCE.search(self.text, max(0, raw_start - 3), raw_start):
                # "le quartier de La Torre", "le parti, La Voz Unida,": a capitalised article
                # inside a sentence belongs to the name.
                text, start = self.text[raw_start:start + len(text)], raw_start
        if forced is None and label != "PER" and not self.knowledge.lookup(text) \
                and re.search(r"(?:^|\s)(?:une?|d['’]une?)\s*[«“]\s*$", self.text[max(0, start - 12):start]):
            return  # "la nécessité d'une « Europe unie »": a phrase quoted as one thing among others, no name
        if forced is None and label != "LOC":
            clipped = self._demonym_clipped(text, label)
            if clipped is not None:
                text, forced = clipped
        if fold(text) in ("premier", "premiere") and re.match(r"\s+ministres?\b", self.text[start + len(text):]):
            return  # "l'ancienne Première ministre Liz X": the title's first word, tagged alone
        lead = _COMMON_PLURAL_OF.match(text) if forced is None else None
        if lead is not None and self.knowledge.is_not_actor(lead.group("noun")):
            text, start = text[lead.end():], start + lead.end()  # "États-clés de Pennsylvanie" → "Pennsylvanie"
        if forced is None and label in ("LOC", "MISC"):
            split = _PLACE_THEN_NAME.match(text)
            if split is not None and _OFFICE_OF_BEFORE.search(self.text, max(0, start - 30), start):
                # "le sénateur de l'Ohio JD Vance": the office's place, then its holder
                self.add(start + split.start("place"), start + split.end("place"), "LOC")
                self.add(start + split.start("person"), start + split.end("person"), "PER")
                return
        if forced is None and label in ("ORG", "MISC"):
            split = _PLACE_THEN_NAME.match(text)
            if split is not None and _HEAD_OF_BEFORE.search(self.text, max(0, start - 30), start):
                # "l'ancien chef du Labour Jeremy Corbyn": the party, then its (former) leader
                self.add(start + split.start("place"), start + split.end("place"), label)
                self.add(start + split.start("person"), start + split.end("person"), "PER")
                return
        if forced is None and label != "PER":
            dem = _DEMONYM_THEN_NAME.match(text)
            if dem is not None and self.knowledge.state_of_demonym(dem.group("dem")) is not None \
                    and re.search(r"(?:\b[Ll]e|\b[Ll]a|\b[Ll]['’])\s*$", self.text[max(0, start - 4):start]) \
                    and _looks_like_name(dem.group("person")):
                # "la Chinoise Can Xue" tagged ORG: a person described by her nationality
                self.add(start + dem.start("person"), start + dem.end("person"), "PER")
                return
        if label != "PER" and forced is None and " à " in text:
            tail = _LOWER_TAIL.search(text)
            if tail is not None:
                text = text[:tail.start()]  # "Congrès à majorité républicaine" → "Congrès"
        if not self.knowledge.lookup(text) and forced is None and not self._street_name(start, text, label):
            clipped, new_start = _clip_titles(text, start)
            rep = _REPUBLIC_OF.match(clipped)
            if rep and clipped != text and not self.knowledge.lookup(clipped):
                # "le procureur de la République de Nancy": Nancy, a place; no person.
                clipped, new_start, label = clipped[rep.end():], new_start + rep.end(), "LOC"
            if clipped != text and label != "PER" and _looks_like_name(clipped):
                label = "PER"  # "Affaires étrangères Dominique de Villepin" tagged ORG
            if _title_complement(text, clipped, label):
                return
            if clipped != text and clipped[:1] in "«\"“([":
                # "Premier ministre d'être resté « sourd": no quotation mark left opening the rest
                rest = clipped.lstrip(" «\"“([")
                new_start += len(clipped) - len(rest)
                clipped = rest
            text, start = clipped, new_start
        end = start + len(text)
        if not text or not any(c.isalpha() for c in text):
            return
        two = _TWO_NAMES.match(text) if forced is None and label in ("MISC", "LOC") else None
        if two is not None and not self.knowledge.lookup(text):
            # "les bombes de Hiroshima et Nagasaki": two places in one span.
            for part in ("a", "b"):
                self.add(start + two.start(part), start + two.end(part), "LOC")
            return
        if forced is None and label in ("ORG", "MISC") and " et " in text and not self.knowledge.lookup(text):
            parts = self._coordinated_bodies(start, text)
            if parts:
                for a, b in parts:
                    self.add(a, b, label)
                return
        headed = False
        if forced is None and label == "PER":
            site = self._site_named_after(start, text)
            if site is not None:
                # "la galerie d'Apollon", "le mausolée de l'imam Reza": a place named after someone
                start, text, forced = site, self.text[site:end], actor_types.Typed("place", None, 0.8)
        if forced is None:
            new_start = self._named_head(start, text, label)
            headed = new_start != start
            start, text = new_start, self.text[new_start:end]
        if self.taken.overlaps(start, end):
            return
        known = self.knowledge.lookup(text) or self.knowledge.is_capital(text)
        if forced is None and known and label != "PER" and self._meeting_of(start, end, known):
            return
        if not known and forced is None:
            sited = text.split(" ")[0] in _SITE_HEADS and " " in text  # "fort Dorsner"
            compass = " " in text and fold(text.split(" ")[-1]) in _COMPASS  # "district militaire Sud"
            if (text[0].islower() and not headed and not sited and not compass) \
                    or self.knowledge.is_not_actor(text) or self.knowledge.is_demonym(text):
                return
            if fold(text) in _DOMAIN_WORDS or (
                    (label != "PER" or " " not in text) and len(text.split()) <= 3
                    and fold(text.split()[0]) not in actor_types.ORG_HEADS_FOLDED
                    and _DOMAIN_BEFORE.search(self.text, max(0, start - 60), start)):
                return  # "ministre de la Sécurité nationale", "chargé du Climat": a title's domain
            if self.signature[0] <= start < self.signature[1] or self._is_headline_word(start, end, text) \
                    or self._is_headline_phrase(start, end, text, label):
                return
            if self._is_not_a_name(start, text):
                return
            if label == "LOC" and _EDITION.search(self.text, max(0, start - 20), start):
                return  # "Pages spécifiques à l'édition de Lunéville": the newspaper's, no actor
            if (fold(text) in _TITLE_WORDS or fold(text.split()[0]) in _TITLE_WORDS
                    or text.split()[0].lower() in actor_roles.TITLE_NOUNS) and not _QUOTED_START.search(
                        self.text, max(0, start - 8), start):
                return  # "État", "Premier ministre de droite": a title, not a name (« L'Agent secret » is)
            if not self._has_name_token(start, end):
                return  # "Or", "Hier soir", "Parachutages": capitalised common words
        elif known and self.knowledge.is_not_actor(text):
            return
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        typed = forced or self._named_by_initials(end, text) or actor_types.type_mention(
            span, text, label, self.knowledge, doc_text=self.text)
        if typed is None:
            return
        self.taken.add(start, end)
        self.candidates.append(Candidate(start, end, text, typed.type, typed.entry, typed.confidence, label,
                                         span, affiliation))

    def _meeting_of(self, start: int, end: int, known) -> bool:
        """"le sommet de l'Otan": a meeting of a known body is an event, the body an actor of its own
        (added here, both): True when done."""
        if known is True or known.type != "organization":
            return False
        m = _MEETING_OF.search(self.text, max(0, start - 30), start)
        if m is None or m.end() != start or self.taken.overlaps(m.start(), end):
            return False
        span = self.doc.char_span(m.start(), end, alignment_mode="expand")
        if span is None:
            return False
        self.taken.add(m.start(), end)
        self.candidates.append(Candidate(m.start(), end, self.text[m.start():end], "event", None, 0.75, "MISC", span))
        self._add_inside(start, end, known)
        return True

    def _demonym_clipped(self, text: str, label: str) -> tuple[str, actor_types.Typed | None] | None:
        """A name and a lower-case nationality adjective in one span: "le Hezbollah libanais" is the
        known Hezbollah; "des Marder allemands" (tagged PER, the adjective plural) are vehicles or
        weapons of a model (a work).  An unknown body keeps its adjective ("Croissant-Rouge marocain")."""
        words = text.split(" ")
        if len(words) != 2 or not words[1].islower() or not words[0][:1].isupper() \
                or not self.knowledge.is_demonym(words[1]) or self.knowledge.lookup(text):
            return None
        entry = self.knowledge.lookup(words[0])
        if entry is not None:
            if entry.type != "organization" or fold(words[0]) in actor_types.ORG_HEADS_FOLDED:
                return None
            return words[0], None
        if label == "PER" and words[1].endswith(("s", "x")) and not self.knowledge.is_demonym(words[0]):
            return words[0], actor_types.Typed("work", None, 0.75)
        return None

    def _known_longer(self, start: int, end: int) -> int:
        """The end of the longest known body or event that begins where the NER's name
        begins and runs past its end (the NER often stops at a lower-case word)."""
        k = self.knowledge
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not k.may_start_form(self.text[start:end]):
            return end
        last, j = end, span.end
        while j < len(self.doc) and j - span.start < MAX_GAZETTEER_TOKENS:
            tok_end = self.doc[j].idx + len(self.doc[j])
            piece = self.text[start:tok_end]
            if "\n" in piece or not k.may_start_form(piece):
                break
            entry = k.lookup(piece)
            if entry is not None and entry.type in ("organization", "event"):
                last = tok_end
            j += 1
        return last

    def _street_name(self, start: int, text: str, label: str) -> bool:
        """"rue du maréchal de Lorraine", "10, rue de Belgique": a street the NER
        tagged whole keeps its head, even when named after a state — unless the
        name alone is known and nothing says it is an address ("une rue de Paris")."""
        words = text.split(" ")
        if label != "LOC" or len(words) < 2 or words[0] not in _STREET_HEADS:
            return False
        rest = _LEADING.sub("", " ".join(words[1:]))
        if not (self.knowledge.lookup(rest) or self.knowledge.is_capital(rest)):
            return True
        return bool(_HOUSE_NUMBER.search(self.text, max(0, start - 12), start)) \
            or any(w in _RANKS for w in words[1:])

    def _coordinated_bodies(self, start: int, text: str) -> list[tuple[int, int]]:
        """"la Caf et Jeunesse et sport" in one span: split at the "et" after which
        (or before which) stands a name the NER also tags elsewhere ("Jeunesse et
        sports"), plurals aside."""
        end = start + len(text)
        others = {_plural_blind(e.text) for e in ents(self.doc) if e.end_char <= start or e.start_char >= end}
        others |= {_plural_blind(_LEADING.sub("", t)) for t in list(others)}
        for m in re.finditer(r" et ", text):
            left, right = text[:m.start()], text[m.end():]
            if _plural_blind(right) in others or _plural_blind(left) in others:
                return [(start, start + m.start()), (start + m.end(), end)]
        return []

    def _named_by_initials(self, end: int, text: str) -> actor_types.Typed | None:
        """"Jamaah Islamiyah (JI)": a name followed by its own initials in brackets
        is a body, not a person (whose brackets hold a party: "Jean Martin (PS)")."""
        if " " not in text or self.knowledge.lookup(text):
            return None
        m = _BRACKETED_INITIALS.match(self.text, end)
        if m is None or _initials(text) != m.group(1).replace(".", ""):
            return None
        return actor_types.Typed("organization", None, 0.85)

    def _site_named_after(self, start: int, text: str) -> int | None:
        """The start of a building or a room named after someone ("la galerie d'Apollon", "le
        mausolée de l'imam Reza") when the text never names that someone without it."""
        if self._site_heads is None:  # most articles name no such building: one scan, then nothing
            self._site_heads = _SITE_AFTER_HEAD.search(self.text) is not None
        if not self._site_heads:
            return None
        m = _SITE_AFTER.search(self.text, max(0, start - 40), start)
        if m is None or m.end() != start or self.knowledge.lookup(text):
            return None
        phrase = self.text[m.start():start]
        if any(self.text[max(0, o.start() - len(phrase)):o.start()] != phrase
               for o in re.finditer(r"(?<![\w’'-])" + re.escape(text) + r"(?![\w’'-])", self.text)):
            return None
        return m.start()

    def _named_head(self, start: int, text: str, label: str) -> int:
        """Take in the common noun that names an event or a text: "l'accord du
        Vendredi Saint", "le traité de Maastricht", "la conférence de Munich"
        Not for known names or capitals ("la guerre d'Irak" keeps the state),
        nor for a name the article also uses alone ("le conflit du Kosovo" …
        "le Kosovo"): that name is an actor of its own."""
        capital = self.knowledge.is_capital(text) and self.knowledge.lookup(text) is None
        # The noun right before the name, if any: searched once, read by every rule below.
        m = _NAMED_HEAD.search(self.text, max(0, start - 40), start)
        if m is not None and m.end() == start and m.group("prep") and m.group("head").lower() in _SEA_HEADS \
                and label in ("LOC", "MISC"):
            return m.start("head")
        if self.knowledge.lookup(text) or (self.knowledge.is_capital(text) and not capital):
            return start
        if label == "LOC":
            if m is not None and m.end() == start and m.group("prep") and m.group("prep").startswith("des") \
                    and m.group("head").lower() in _STREET_HEADS | _WORSHIP_HEADS and text.endswith("s"):
                # "la place des Omeyyades", "la mosquée des Omeyyades": a plural people or
                # dynasty names the site, however often it is written
                return m.start("head")
        if self.text.count(text) > 1:
            return start
        venue = _VENUE_OF.search(self.text, max(0, start - 40), start) if label == "LOC" else None
        if venue is not None:
            return venue.start("head")  # "centre des congrès de X" (the town named nowhere else)
        if m is None or m.end() != start:
            return start
        head = m.group("head").lower()
        if capital and not (head in _TEXT_HEADS or head in _VENUE_EVENTS):
            return start  # a capital keeps its name unless it names a text or a meeting held there
        if head in _STREET_HEADS:
            return m.start("head")  # "avenue du général Leclerc": even a person's name
        if head in _COMMAND_HEADS and m.group("prep") and m.end("prep") == start and label != "PER":
            return m.start("head")  # "le commandement du théâtre Est": a military command
        if head in _SITE_HEADS and not m.group("prep") and label == "LOC" and m.end("head") + 1 == start:
            return m.start("head")  # "le fort Vauclair": the site's head is part of its name
        if label == "PER" and head in _LOWER_VENUES and not m.group("prep") and m.end("head") + 1 == start:
            return m.start("head")  # "l'école Maurice-Durand": a venue named after someone
        if label == "PER":
            return start
        if label == "MISC" and not m.group("prep") and head in _NAMED_TEXTS and m.end("head") + 1 == start:
            return m.start("head")  # "les chartes Martin-Durand": a text named after its authors
        if m.group("prep") and (head in actor_types.EVENT_HEADS or head in _TEXT_HEADS) \
                and m.end("prep") == start:
            return m.start("head")
        return start

    def _is_not_a_name(self, start: int, text: str) -> bool:
        """"XIXe" (siècle), a unit after a number ("150.000 F", "200 MF"), the
        inhabitants of a place ("les Marseillais"), a political side ("la Gauche
        : « Sinon")."""
        before = self.text[max(0, start - 16): start].split()
        prev = before[-1].lower() if before else ""
        if text == "X" and (prev == "sur" or " ".join(before[-2:]).lower() == "réseau social"):
            return False  # "a réagi sur X": the social network, not a numeral
        if _ROMAN_ORDINAL.match(text) or _ROMAN.match(text):
            return True
        if len(text) <= 3 and text.isupper() and prev[:1].isdigit():
            return True
        if " " not in text and prev in ("les", "des", "aux") and text.endswith(_INHABITANTS):
            return True  # "les Marseillais", "des Toulousains", "les Commerciens"
        if " " not in text and prev in ("un", "une") and text.endswith(_INHABITANT):
            return True  # "Une Alsacienne de 6 ans"
        return False

    def _signature(self) -> tuple[int, int]:
        """The last line when it is a journalist's signature ("Philippe JARRASSÉ"):
        the author of the article is no actor of the story."""
        body = self.text.rstrip()
        a = body.rfind("\n") + 1
        line = body[a:].strip()
        if a > 0 and len(line) < 60 and _SIGNATURE.match(line):
            return a, len(body)
        if a > 0 and len(line) < 90 and _is_signature_list(line):
            return a, len(body)
        return 0, 0

    def _is_headline_word(self, start: int, end: int, text: str) -> bool:
        """A one-word candidate opening a headline or a rubric ("Parachutages
        d'aide humanitaire.", "SONDAGE. Le renforcement …") that the article
        never writes so again (at most in lower case): a common word, not a name."""
        if " " in text:
            return False
        a = self.text.rfind("\n", 0, start) + 1
        if self.text[a:start].strip(" «\"“(") != "":
            return False
        b = self.text.find("\n", end)
        line = self.text[a: b if b >= 0 else len(self.text)]
        rubric = self.text[end: end + 1] in (".", ":")
        if not rubric and text.isupper() and len(text) <= 5 and text.isalpha():
            return False  # "FO boycotte la pré-rentrée.": initials heading a sentence are a name
        if not rubric and len(line.split()) > 6:
            return False
        return len(re.findall(r"\b" + re.escape(text) + r"\b", self.text)) == 1

    def _is_headline_phrase(self, start: int, end: int, text: str, label: str) -> bool:
        """"Coups de feu sur le TGV. - Trois rames …", "Carnet blanc Paul et Léa.":
        a phrase in sentence case opening a short headline or rubric, never
        written so again, is a common phrase (the NER's MISC or PER), not a name."""
        words = text.split()
        if label == "ORG" or len(words) < 2 or not words[0][:1].isupper() \
                or any(not w.islower() for w in words[1:]):
            return False
        head = actor_types.head_word(text)
        if head in actor_types.ORG_HEADS or head in actor_types.EVENT_HEADS or head in _SITE_HEADS:
            return False
        a = self.text.rfind("\n", 0, start) + 1
        if self.text[a:start].strip(" «\"“(-") != "":
            return False
        b = self.text.find("\n", end)
        line = self.text[a: b if b >= 0 else len(self.text)]
        cut = _HEADLINE_END.search(line)
        headline = line[: cut.start()] if cut is not None else line
        if len(headline.split()) > 8:
            return False
        return self.text.count(text) == 1

    def _has_name_token(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        first = span[0]
        # (a sentence start the parser puts after a word, "L'association Les Amis …", is none)
        at_start = first.i == 0 or "\n" in self.doc[first.i - 1].text_with_ws \
            or first.is_sent_start and self.doc[first.i - 1].is_punct
        if not at_start and len(span) > 0:
            return True  # capitalised mid-sentence: a name
        return any(t.pos_ == "PROPN" or t.is_upper or any(c.isdigit() for c in t.text) for t in span) \
            and not (len(span) == 1 and (first.is_stop or first.pos_ in ("ADV", "CCONJ", "SCONJ", "NOUN", "VERB")))

    def collect(self) -> None:
        self._honorific_lists()
        self._ministries()
        self._states_by_demonym()
        self._lower_case_names()
        self._lower_case_associations()
        self._named_affairs()
        self._initialled_bodies()
        self._bracketed_after_people()
        self._places_matching(_ROAD, "road")
        pieces = [(a, b, label) for start, end, label in _joined_entities(self.doc, self.text) for a, b in self._lines(start, end)]
        i = 0
        while i < len(pieces):
            a, b, label = pieces[i]
            if _is_shouting(_line_of(self.text, a)) or (self.text[a:b].isupper() and " " in self.text[a:b].strip()):
                # "AGENCE" + "FRANCE-PRESSE": the NER may cut a credit line's name in two;
                # the known names are looked for across the pieces that touch.
                while i + 1 < len(pieces) and pieces[i + 1][0] - b <= 1 and not self.text[b:pieces[i + 1][0]].strip():
                    i += 1
                    b = pieces[i][1]
                for s, e in _known_subspans(self.doc, a, b, self.knowledge):
                    self.add(s, e, label)
            else:
                self.add(a, b, label)
            i += 1
        self._gazetteer()
        self._camel_names()
        if "sur X" in self.text:
            for m in find_all(_ON_X, self.text):  # "a écrit Lula sur X.": the network, which the NER may miss
                self.add(m.start(), m.end(), "ORG", forced=actor_types.Typed("organization", None, 0.8))
        self._places_matching(_DATELINE, "place")
        self._untagged_names()
        self._drop_links()
        self.candidates.sort(key=lambda c: c.start)
        self._shared_heads()

    def _places_matching(self, pattern: re.Pattern[str], group: str) -> None:
        """Places the NER and the knowledge missed, found by ``pattern`` (its ``group``):
        datelines in capitals ("BAR-LE-DUC. _"), roads named by their number (see _ROAD),
        which the cleaning would cut ("A" is also the preposition "à" in capitals)."""
        for m in find_all(pattern, self.text):
            start, end = m.span(group)
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or self.taken.overlaps(start, end):
                continue
            self.taken.add(start, end)
            self.candidates.append(Candidate(start, end, m.group(group), "place", None, 0.8, "LOC", span))

    def _drop_links(self) -> None:
        """"Fontenay-Piccard" after both were named, "la route Commercy-Void": two
        names joined by a hyphen link actors (a crew, the ends of a road), no actor
        of their own."""
        words = {fold(w) for c in self.candidates if not _LINKED.match(c.text) for w in c.text.split()}
        keep = []
        for c in self.candidates:
            m = _LINKED.match(c.text) if c.entry is None else None
            if m is not None and c.type != "person" and any(
                    (e := self.knowledge.lookup(m.group(g))) is not None and e.type == "event" for g in ("a", "b")):
                # "le doublé Giro-Tour": two known events (or one and the head of another) linked
                keep.extend(self._linked_parts(c, m))
                continue
            if m is not None:
                before = self.text[max(0, c.start - 12): c.start].split()
                if before and before[-1] in _LINE_NOUNS and c.type != "person":
                    c = self._line_named_by_its_ends(c, len(before[-1]) + 1)
                elif (fold(m.group("a")) in words and fold(m.group("b")) in words) \
                        or (before and before[-1].lower() in _LINK_NOUNS | {"un", "une"} and c.type != "person"):
                    continue  # "un Nantes-Lille": a train named by its route
            keep.append(c)
        self.candidates = keep

    def _linked_parts(self, c: Candidate, m: re.Match) -> list[Candidate]:
        """The two names of a hyphenated pair, each typed on its own."""
        out = []
        for g in ("a", "b"):
            start, end = c.start + m.start(g), c.start + m.end(g)
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            typed = actor_types.type_mention(span, m.group(g), "MISC", self.knowledge, doc_text=self.text)
            if typed is not None:
                out.append(Candidate(start, end, m.group(g), typed.type, typed.entry, typed.confidence, "MISC", span))
        return out

    def _shared_heads(self) -> None:
        """"les centres de Lyon Nord et Sud": a compass point after "et" or a comma
        that follows a name ending with another one shares that name's head
        ("Lyon Sud"; the mention stays "Sud")."""
        prev = None
        for c in self.candidates:
            if prev is not None and " " not in c.text and fold(c.text) in _COMPASS and c.entry is None:
                between = self.text[prev.end:c.start]
                words = prev.text.split(" ")
                if _SHARED_HEAD_LINK.match(between) and len(words) > 1 and fold(words[-1]) in _COMPASS:
                    c.text = " ".join(words[:-1] + [c.text])
                    c.type, c.confidence = prev.type, prev.confidence
                    c.entry = self.knowledge.lookup(c.text)  # "la Corée du Nord et du Sud"
                    if c.entry is not None:
                        c.type = c.entry.type
            prev = c

    def _line_named_by_its_ends(self, c: Candidate, head: int) -> Candidate:
        """"la ligne Paris-Nantes": the line, with its head noun, is a place."""
        start = c.start - head
        span = self.doc.char_span(start, c.end, alignment_mode="expand")
        if span is None:
            return c
        return Candidate(start, c.end, self.text[start:c.end], "place", None, 0.8, "LOC", span)

    def _camel_names(self) -> None:
        """"les utilisateurs d'iPhone": a product name with a lower-case initial (a work)."""
        for m in _CAMEL_NAME.finditer(self.text):
            self.add(m.start(), m.end(), "MISC", forced=actor_types.Typed("work", None, 0.6))

    def _untagged_names(self) -> None:
        """A first name and a surname the NER did not tag at all (see _UNTAGGED_NAME):
        a person when no word of it is known, a title or a month, and no token
        of it is in an entity."""
        k = self.knowledge
        for m in find_all(_UNTAGGED_NAME, self.text):
            start, end = m.span("name")
            words = m.group("name").split()
            # "du Norvégien Joachim Trier": a nationality noun heads the name of a person,
            # whatever the tagger makes of the surname ("Trier" as the verb).
            after_demonym = len(words) == 3 and k.is_demonym(words[0])
            if after_demonym:
                start, words = start + len(words[0]) + 1, words[1:]
            if self.taken.overlaps(start, end):
                continue
            if any(k.lookup(w) or k.is_capital(w) or k.is_demonym(w) or k.is_not_actor(w)
                   or fold(w) in _TITLE_WORDS or w.lower() in actor_roles.TITLE_NOUNS
                   or w.lower() in _MONTHS for w in words) or k.lookup(self.text[start:end]):
                continue
            span = self.doc.char_span(start, end)
            if span is None or any(t.ent_type_ for t in span) or (span[-1].pos_ != "PROPN" and not after_demonym):
                continue
            self.add(start, end, "PER")

    def _honorific_lists(self) -> None:
        """"Mes Perrin, Leuvrey et Spor": every name listed is a person, whatever the NER says."""
        if "MM." not in self.text and "Mes " not in self.text and "Mmes " not in self.text:
            return
        for m in find_all(_HONORIFIC_LIST, self.text):
            pos = m.start("names")
            for part in _LIST_SPLIT.split(m.group("names")):
                start = self.text.index(part, pos)
                pos = start + len(part)
                self.add(start, pos, "PER", forced=actor_types.Typed("person", None, 0.9))

    def _lines(self, start: int, end: int) -> list[tuple[int, int]]:
        """Split a span on newlines: spaCy lets entities run across paragraphs."""
        out, pos = [], start
        for part in self.text[start:end].split("\n"):
            if part.strip():
                # "Remaniement à Paris.- Jean Tiberi, …": a headline ends at ".-".
                a = pos
                for m in find_all(_HEADLINE_END, part):
                    out.append((a, pos + m.start() + 1))
                    a = pos + m.end()
                out.append((a, pos + len(part)))
            pos += len(part) + 1
        return out

    def _lower_case_names(self) -> None:
        """Bodies and events the text writes in lower case (see _LOWER_BODY):
        a body needs an adjective or a complement ("le tribunal" alone is
        generic); a capitalised complement runs to the end of its NER span and
        is part of the name ("tribunal correctionnel d'Epinal"); an event needs
        its date ("attentats du 11 septembre"), an election its kind and year
        ("élections européennes de 2004")."""
        text = self.text
        low = text.lower()
        if not any(w in low for w in ("tribunal", "cour", "comité", "parti ", "commission", "conseil", "parlement",
                                      "chambre", "convention", "inspection", "élection", "présidentielle",
                                      "législatives", "municipales", "régionales", "cantonales", "sénatoriales",
                                      "européennes", "attentat", "sommet", "guerre", "ambassade",
                                      "consulat", "observatoire", "gendarmerie", "commissariat", "résolution",
                                      "directive", "décret", "loi ", "article", "attaque", "préfecture",
                                      "parquet", "cartel", "brigade", "secours", "aéroport")):
            return
        ent_end = {e.start_char: e.end_char for e in ents(self.doc)}
        ent_label = {e.start_char: e.label_ for e in ents(self.doc)}
        for m in find_all(_LOWER_BODY, text):
            end = None
            adj_only = not m.group("cap") and not m.group("low") and m.group("adj")
            if m.group("head")[0].islower() and (
                    adj_only and _INDEFINITE_BEFORE.search(text, max(0, m.start() - 6), m.start())
                    or m.group("low") and m.group("low").split()[0] in _ORGANS
                    or adj_only and all(a.rstrip("sx") in _LEVELS for a in m.group("adj").split())):
                # "un conseil municipal", "un comité exécutif": any one (not "un observatoire national
                # de la pauvreté", named); "le conseil d'administration", "le comité d'urgence": an organ
                # of a body; "le conseil départemental" alone: a tier of government
                continue
            if m.group("cap"):
                start_c = m.start("cap")
                end = ent_end.get(start_c)
                if end is None:
                    w = re.match(r"[\w’'-]+", text[start_c:])
                    end = start_c + w.end()
                if "\n" in text[m.start():end]:
                    continue
            elif m.group("low") and self._infinitive_at(m.start("low")):
                # "il reviendra à la Cour constitutionnelle de confirmer …": a verb, not the complement
                end = m.end("adj") if m.group("adj") else None
            elif m.group("low"):
                end = m.end("low")
                if _OF_NAMED.match(text, end):
                    continue  # "le conseil d'administration de l'Agence …": a part of the named body, not an actor
            elif m.group("adj"):
                end = m.end("adj")
            if end is None:
                continue
            if m.group("head")[0].isupper() and (m.group("cap") or not m.group("adj")
                                                 or self.knowledge.lookup(text[m.start("head"):end])
                                                 or ent_end.get(m.start("head"), 0) >= end):
                continue  # the NER's longer span is the name: "Conseil représentatif des institutions juives"  # "Conseil constitutionnel" (the NER stops at "Conseil"); known and named forms left to it
            comp = self.knowledge.lookup(text[m.start("cap"):end]) if m.group("cap") else None
            aff = comp if comp is not None and comp.type in ("organization", "state") else None
            n = len(self.candidates)
            self.add(m.start("head"), end, "ORG", affiliation=aff,
                     forced=actor_types.Typed("organization", None, 0.75))
            if aff is not None and len(self.candidates) > n:
                # "l'ambassade de France": France is an actor of its own.
                self._add_inside(m.start("cap"), end, aff)
            elif m.group("cap") and len(self.candidates) > n and m.group("head") in _LOCAL_OFFICES \
                    and ent_label.get(m.start("cap")) == "LOC":
                # "le commissariat de Commercy": the town it serves is a place of its own.
                span = self.doc.char_span(m.start("cap"), end, alignment_mode="expand")
                if span is not None:
                    self.candidates.append(Candidate(m.start("cap"), end, text[m.start("cap"):end], "place",
                                                     None, 0.8, "LOC", span))
            elif m.group("cap") and len(self.candidates) > n and ent_label.get(m.start("cap")) == "ORG" \
                    and " " in text[m.start("cap"):end]:
                # "le comité exécutif de l'Organisation de …": the organisation too.
                span = self.doc.char_span(m.start("cap"), end, alignment_mode="expand")
                if span is not None:
                    self.candidates.append(Candidate(m.start("cap"), end, text[m.start("cap"):end], "organization",
                                                     None, 0.75, "ORG", span))
        for m in (find_all(_NAMED_ONLY_BODY, text) if any(w in low for w in _NAMED_ONLY_WORDS) else ()):
            # "le parquet de Paris", "le cartel de Sinaloa": the town or the region names the body
            if m.group("bare"):
                head, end = m.start("bare"), m.end("name")
            else:
                head, start_c = m.start("head"), m.start("cap")
                end = ent_end.get(start_c) or start_c + re.match(r"[\w’'-]+", text[start_c:]).end()
            if "\n" not in text[head:end]:
                self.add(head, end, "ORG", forced=actor_types.Typed("organization", None, 0.75))
        if "aéroport" in text:
            for m in find_all(_AIRPORT, text):  # "l'aéroport de Roissy-Charles-de-Gaulle", which the NER may miss
                self.add(m.start(), m.end(), "LOC", forced=actor_types.Typed("place", None, 0.8))
        for m in find_all(_LOWER_PARTY, text):
            # "le parti socialiste francophone": a party named by its political family.
            self.add(m.start(), m.end(), "ORG", forced=actor_types.Typed("organization", None, 0.75))
        for m in find_all(_NUMBERED_TEXT, text):
            self.add(m.start(), m.end(), "MISC", forced=actor_types.Typed("work", None, 0.75))
        for m in find_all(_LOWER_EVENT, text):
            date = m.group("date")
            if not date:
                continue
            if m.group("head").startswith("élection") and not (
                    date.isdigit() and m.group("adj") and m.group("adj").split()[0] in _LOWER_EVENT_ADJ):
                continue  # "les élections du 13 juin": a date, not the name of an election
            if m.group("aim") and m.group("head") != "guerre":
                continue
            if m.group("head") in _LOWER_EVENT_ADJ and (not date.isdigit() or m.group("adj")):
                continue  # "la présidentielle de 2002" is named by its year, not "les régionales du 13 juin"
            if m.group("head").startswith(("attentat", "attaque")) and date.isdigit():
                continue  # "l'attaque du 7 octobre" is named by its day, "l'attentat de 1989" only dated
            end = m.end("date")
            self.add(m.start("head"), end, "MISC", forced=actor_types.Typed("event", None, 0.75))

    def _lower_case_associations(self) -> None:
        """"l'association des Portugais de Lyon", "l'amicale des Anciens de Verdun":
        a body with a lower-case head whose name goes on with a capitalised word
        (the NER's span for it, or that word; a town after inhabitants' name)."""
        if not any(w in self.text for w in ("association ", "amicale ", "collectif ", "union ", "club ")):
            return
        ent_end = {e.start_char: e.end_char for e in ents(self.doc)}
        for m in find_all(_ASSOCIATION, self.text):
            cap = m.group("cap")
            if self.knowledge.lookup(cap) or self.knowledge.is_capital(cap):
                continue  # "l'union des Comores": a state's name
            end = max(ent_end.get(m.start("cap"), m.end("cap")), m.end("cap"))
            if "\n" in self.text[m.start():end]:
                continue
            town = _OF_TOWN.match(self.text, end) if self.knowledge.is_demonym(cap) else None
            if town is not None:
                end = town.end()  # "des Portugais" + " de Lyon": whose Portuguese
            self.add(m.start("head"), end, "ORG", forced=actor_types.Typed("organization", None, 0.8))

    def _named_affairs(self) -> None:
        """Events named after someone or by a quotation (see _NAMED_AFFAIR, _QUOTED_NAME)."""
        k = self.knowledge
        for m in find_all(_NAMED_AFFAIR, self.text):
            name = m.group("name")
            if k.is_demonym(name) or fold(name.split()[0]) in _TITLE_WORDS or name.lower() in _MONTHS:
                continue
            self.add(m.start("head"), m.end("name"), "MISC", forced=actor_types.Typed("event", None, 0.75))
        for m in find_all(_QUOTED_NAME, self.text):
            kind = "event" if m.group("head") == "opération" else "work"
            start, end = m.span("name")  # the title as quoted, "un"/"le" included
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or self.taken.overlaps(start, end):
                continue
            self.taken.add(start, end)
            self.candidates.append(Candidate(start, end, m.group("name"), kind, None, 0.75, "MISC", span))
        if "«" in self.text or "“" in self.text:
            persons = {e.start_char for e in ents(self.doc) if e.label_ == "PER"}
            for m in find_all(_SO_CALLED, self.text):
                self._add_quoted(m, "event")  # "l'affaire des écoutes, dite « Bismuth »"
            for m in find_all(_CHRISTENED, self.text):
                self._add_quoted(m, "other")  # "Baptisés « Joint Storm-24 », ces exercices"
            for m in _QUOTED_GLOSSED.finditer(self.text):
                if m.group("noun") in actor_types.WORK_APPOSITION or m.group("first") in actor_types.WORK_APPOSITION:
                    self._add_quoted(m, "work")  # "« Un simple accident », un thriller politique"
            for m in _QUOTED_BY.finditer(self.text):
                # "de l'Espagnol X": the author after a nationality noun, else right after "de"
                # ("de Robert Cahen", whose first name the optional group took).
                demonym = m.group("dem") is not None and k.is_demonym(m.group("dem"))
                author = m.end() if demonym or not m.group("dem") else m.start("dem")
                if author not in persons and not (demonym and _TWO_CAPITALISED.match(self.text, author)):
                    continue  # "« … » de Paris": not an author
                start, end = m.span("name")
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None or self.taken.overlaps(start, end):
                    continue
                self.taken.add(start, end)
                self.candidates.append(Candidate(start, end, m.group("name"), "work", None, 0.75, "MISC", span))

    def _add_quoted(self, m: re.Match, kind: str) -> None:
        """The quoted name of ``m`` (group "name") as a ``kind`` candidate."""
        start, end = m.span("name")
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or self.taken.overlaps(start, end):
            return
        self.taken.add(start, end)
        self.candidates.append(Candidate(start, end, m.group("name"), kind, None, 0.75, "MISC", span))

    def _initialled_bodies(self) -> None:
        """"le groupe des pays les moins avancés (PMA)": a lower-case body that the NER
        misses, named just before its initials; the shortest run of lower-case words
        headed by a collective noun whose initials they are (see _merge_acronyms)."""
        if "(" not in self.text:
            return
        for m in _INITIALS_IN_BRACKETS.finditer(self.text):
            acr = m.group("acr")
            if self.knowledge.lookup(acr) or self.text[m.start() - 1: m.start()] != " ":
                continue
            words = _LOWER_WORDS_BEFORE.search(self.text, max(0, m.start() - 120), m.start())
            if words is None:
                continue
            tokens = words.group().split()
            for n in range(2, len(tokens) + 1):
                phrase = " ".join(tokens[-n:])
                if fold(tokens[-n]) in _INITIALLED_HEADS and _initials(phrase) == acr:
                    start = m.start() - 1 - len(phrase)
                    if self.text[start: m.start() - 1] != phrase:
                        break
                    forced = actor_types.Typed("organization", None, 0.75)
                    self.add(start, m.start() - 1, "ORG", forced=forced)
                    self.add(m.start("acr"), m.end("acr"), "ORG", forced=forced)
                    break

    def _bracketed_after_people(self) -> None:
        """"Le Danois Jonas X (Visma-Lease a Bike)": a name in brackets right after a
        person's is the team or party the person belongs to — an organisation, taken
        whole (the NER may cut it at a lower-case word or call it a place) — unless
        it is known as a place or is one word the NER calls a place (a department:
        "le député Jean X (Meuse)").  Initials alone ("(PS)") are left to _merge_acronyms."""
        if "(" not in self.text:
            return
        for ent in ents(self.doc):
            if ent.label_ != "PER":
                continue
            m = _BRACKETED_NAME.match(self.text, ent.end_char)
            if m is None or _ACRONYM.match(m.group("n")):
                continue
            start, end = m.span("n")
            entry = self.knowledge.lookup(m.group("n"))
            if entry is not None and entry.type in ("place", "state"):
                continue
            loc = self._loc_at.get(start)
            if loc is not None and " " not in m.group("n") and loc.end_char == end:
                continue
            self.add(start, end, "ORG", forced=actor_types.Typed("organization", entry, 0.8))

    def _add_inside(self, start: int, end: int, entry: Entry) -> None:
        """A known actor inside a span already taken (no overlap check)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            self.candidates.append(Candidate(start, end, self.text[start:end], entry.type, entry, 0.9,
                                             _LABEL_OF.get(entry.type, "LOC"), span))

    def _known_body(self, start: int, end: int) -> tuple[int, int, Entry] | None:
        """The known organisation or state named at ``start`` (its one- or two-word
        form, the longer first): (start, end, entry)."""
        for stop in (end, start + len(self.text[start:end].split()[0])):
            entry = self.knowledge.lookup(self.text[start:stop])
            if entry is not None and entry.type in ("organization", "state"):
                return start, stop, entry
        return None

    def _states_by_demonym(self) -> None:
        """"l'État français" is France."""
        if "tat " not in self.text:
            return
        for m in find_all(_STATE_DEMONYM, self.text):
            state = self.knowledge.state_of_demonym(m.group("dem"))
            if state is not None:
                self.add(m.start(), m.end(), "LOC", forced=actor_types.Typed("state", state, 0.9))

    def _ministries(self) -> None:
        """"le ministère sud-coréen de la Défense": an organisation the NER may miss."""
        for m in find_all(_MINISTRY, self.text):
            dem = m.group("dem")
            state = self.knowledge.state_of_demonym(dem) if dem else None
            if dem and state is None:
                continue  # "ministère chargé de …": not this construction
            start, end = m.start("head"), m.end("dom")
            body = self._known_body(m.start("of"), m.end("of")) if m.group("of") else None
            if body is not None:
                end, state = body[1], state or body[2]
            self.add(start, end, "ORG", affiliation=state,
                     forced=actor_types.Typed("organization", None, 0.9))
            if self.candidates and self.candidates[-1].start == start:
                self.candidates[-1].text = self.text[start:end]
                if body is not None:
                    self._add_inside(body[0], body[1], body[2])  # the Hamas is an actor of its own

    def _gazetteer(self) -> None:
        """Known states, organisations and events the NER missed ("des États-Unis",
        "du Japon", "la seconde guerre mondiale" in lower case)."""
        doc, k = self.doc, self.knowledge
        lower_starts = _event_first_words(k)
        # The scan reads plain strings: most tokens are passed over on their first letter.
        starts, ends, words = token_offsets(doc, self.text)
        size, text = len(words), self.text
        i = 0
        while i < size:
            word = words[i]
            lower = not word[:1].isupper()
            if lower and word.lower() not in lower_starts:
                i += 1
                continue
            # Try only the lengths whose text can still begin a known form: most
            # capitalised words begin none, and a Span per length is costly.
            longest, most = 0, min(MAX_GAZETTEER_TOKENS, size - i)
            while longest < most and k.may_start_form(text[starts[i]:ends[i + longest]]):
                longest += 1
            for n in range(longest, 0, -1):
                piece_text = text[starts[i]:ends[i + n - 1]]  # the Span's text, without making the Span
                if "\n" in piece_text:
                    continue
                entry = k.lookup(piece_text)
                if entry is None or entry.type not in ("state", "organization", "event"):
                    continue
                piece = doc[i: i + n]
                if entry.type in ("event", "organization") and n == 1 and lower:
                    continue
                if lower and entry.type == "organization" and piece.end < len(doc) \
                        and k.is_demonym(doc[piece.end].text):
                    continue  # "l'armée de l'air israélienne": another state's, a generic description
                if any(t.ent_type_ == "PER" for t in piece):
                    continue  # "Dominique de Villepin" is not Dominica
                after = doc[piece.end] if piece.end < len(doc) else None
                if n == 1 and doc[i].is_title and after is not None and after.is_title and after.is_alpha:
                    continue  # a first name: "Maurice Papon"
                self.add(piece.start_char, piece.end_char, _LABEL_OF.get(entry.type, "LOC"))
                i += n - 1
                break
            i += 1

    # -- merging -----------------------------------------------------------
    def cluster(self) -> list[_Cluster]:
        clusters: dict[str, _Cluster] = {}
        order: list[str] = []

        def get(key: str, name: str) -> _Cluster:
            if key not in clusters:
                clusters[key] = _Cluster(key, name)
                order.append(key)
            return clusters[key]

        # "le groupe paramilitaire Wagner" … "le patron de Wagner": a name that a body noun
        # gives as an organisation (the NER said PER) is one wherever the NER took it for a
        # person, unless it is the surname of someone named in full.
        bodies = {fold(c.text) for c in self.candidates if c.type == "organization" and c.entry is None
                  and c.label == "PER"}
        if bodies:
            bodies -= {fold(c.text.split()[-1]) for c in self.candidates
                       if c.type == "person" and c.entry is None and " " in c.text}
            for c in self.candidates:
                if c.type == "person" and c.entry is None and fold(c.text) in bodies:
                    c.type = "organization"
        persons = [c for c in self.candidates if c.type == "person" and c.entry is None]
        full_names = [c for c in persons if len(c.text.split()) > 1]
        surnames = {fold(f.text.split()[-1]) for f in full_names}
        surnames |= {fold(p.text) for p in persons if " " not in p.text}  # "Bernard", a person elsewhere
        for c in self.candidates:
            # "MM. Sarkissian et Demirtchian": a surname the NER calls MISC.
            # "La mission de Raffarin" (LOC) … "Jean-Pierre Raffarin": the same person.
            if c.type in ("other", "place", "organization") and c.entry is None and " " not in c.text \
                    and fold(c.text) in surnames and c.confidence < 0.9 and not self.knowledge.is_capital(c.text):
                c.type = "person"
        self._first_names_as_people(full_names)
        self._communes_taken_for_people(full_names)
        for c in self.candidates:
            if c.entry is not None:
                key, name = "id:" + c.entry.id, c.entry.name
                if c.type == "place":  # a capital as a location is the city
                    key, name = "place:" + fold(c.text), c.text
            elif c.type == "person":
                name = self._full_name(c, full_names)
                known = self.knowledge.lookup(name)
                key = "id:" + known.id if known else "per:" + fold(name)
                if known:
                    name = known.name
            else:  # "Jeunesse et sport" and "Jeunesse et sports": one body
                key, name = "name:" + (_plural_blind(c.text) if " " in c.text else fold(c.text)), c.text
            if c.type == "place" and c.entry is not None and c.entry.type == "state":
                key, name = "id:" + c.entry.id, c.entry.name
            cl = get(key, name)
            cl.entry = cl.entry or (c.entry if c.type != "place" or (c.entry and c.entry.type != "state") else None)
            cl.type_votes[c.type] += c.confidence
            cl.mentions.append(c)
        # "(ACRONYM)" right after a name is that name's alias.
        self._merge_acronyms(clusters, order)
        self._merge_expansions(clusters)
        self._merge_glossed_assemblies(clusters)
        self._merge_federations(clusters)
        self._merge_inner_names(clusters)
        self._merge_known_heads(clusters)
        self._merge_short_forms(clusters)
        self._merge_last_words(clusters)
        self._merge_site_short_forms(clusters)
        self._merge_city_bodies(clusters)
        return [clusters[k] for k in order if k in clusters]

    def _merge_city_bodies(self, clusters: dict[str, _Cluster]) -> None:
        """"la Ville de Lyon" (the municipality) is Lyon; "la Ville" alone, when the
        text names one such town, too."""
        if not any(h in self.text for h in _CITY_HEADS):
            return
        towns = {fold(cl.name): cl for cl in clusters.values() if cl.entry is None and " " not in cl.name}
        for cl in list(clusters.values()):
            m = _CITY_BODY.fullmatch(cl.name)
            town = towns.get(fold(m.group("town"))) if m and cl.entry is None else None
            if town is None or town is cl:
                continue
            town.mentions.extend(cl.mentions)
            del clusters[cl.key]
        named = {id(towns[fold(m.group("town"))]) for m in find_all(_CITY_BODY, self.text)
                 if fold(m.group("town")) in towns}
        if len(named) != 1:
            return
        town = next(cl for cl in towns.values() if id(cl) in named)
        if town.key not in clusters:
            return
        for cl in list(clusters.values()):
            if cl.entry is None and cl.name in _CITY_HEADS and cl is not town:
                town.mentions.extend(cl.mentions)
                del clusters[cl.key]

    def _merge_site_short_forms(self, clusters: dict[str, _Cluster]) -> None:
        """"côté Paul-Bert" after "rue Paul-Bert", "la Pépinière" after "le parc de la
        Pépinière": an unknown name that is a street's or a site's name without its
        head noun, said after it and given no role, is that street or site (its type kept)."""
        sites: dict[str, _Cluster] = {}
        for cl in clusters.values():
            words = cl.name.split(" ")
            if cl.entry is None and len(words) > 1 and words[0] in _STREET_HEADS | _SITE_HEADS | _LOWER_VENUES:
                rest = " ".join(words[1:])
                while True:
                    stripped = _LEADING.sub("", rest)
                    first = stripped.split(" ")[0]
                    if first in _RANKS and " " in stripped:
                        stripped = stripped[len(first) + 1:]
                    if stripped == rest:
                        break
                    rest = stripped
                sites.setdefault(fold(rest), cl)
        if not sites:
            return
        for short in list(clusters.values()):
            site = sites.get(fold(short.name))
            if site is None or site is short or short.entry is not None or short.role is not None \
                    or min(m.start for m in short.mentions) < min(m.start for m in site.mentions):
                continue
            site.mentions.extend(short.mentions)
            del clusters[short.key]

    def _communes_taken_for_people(self, full_names: list[Candidate]) -> None:
        """"« Bavilliers peut réussir … »" tagged PER: one word shaped like a French
        commune's name (-villiers, -court, -heim…), never part of a full name and
        given no title, is the commune."""
        words = {fold(w) for f in full_names for w in f.text.split()}
        for c in self.candidates:
            if c.type == "person" and c.label == "PER" and c.entry is None and " " not in c.text \
                    and _COMMUNE_SHAPE.search(c.text) and fold(c.text) not in words \
                    and actor_roles.find_role(c.span, self.knowledge) is None:
                c.type, c.confidence = "place", 0.7

    def _first_names_as_people(self, full_names: list[Candidate]) -> None:
        """"Carnet blanc Williams et Léa" (Williams tagged ORG) … "Williams Murray":
        one word that is the first name of exactly one person named in full is
        that person (see _full_name)."""
        firsts: dict[str, set[str]] = {}
        for f in full_names:
            firsts.setdefault(fold(f.text.split()[0]), set()).add(fold(f.text))
        for c in self.candidates:
            if c.type != "person" and c.entry is None and " " not in c.text and c.confidence < 0.9 \
                    and len(firsts.get(fold(c.text), ())) == 1 and not self.knowledge.is_capital(c.text) \
                    and self._listed_with_a_person(c, firsts):
                c.type = "person"

    def _listed_with_a_person(self, c: Candidate, firsts: dict[str, set[str]]) -> bool:
        """"Williams et Stéphanie": the word is coordinated with a person's name or
        another first name (not "la société Martin")."""
        after = re.match(r"\s*(?:et|,)\s+([A-ZÀ-Ý][\w’'-]+)", self.text[c.end: c.end + 40])
        before = re.search(r"([A-ZÀ-Ý][\w’'-]+)\s*(?:et|,)\s+$", self.text[max(0, c.start - 40): c.start])
        for m in (after, before):
            if m is None:
                continue
            word = m.group(1)
            tok = self.doc.char_span(m.start(1) + (c.end if m is after else max(0, c.start - 40)),
                                     m.end(1) + (c.end if m is after else max(0, c.start - 40)),
                                     alignment_mode="expand")
            if fold(word) in firsts or (tok is not None and tok[0].ent_type_ == "PER"):
                return True
        return False

    @staticmethod
    def _merge_last_words(clusters: dict[str, _Cluster]) -> None:
        """"les Knicks" after "les New York Knicks": an unknown one-word team or
        body joins the one unknown longer name (organisation or other) ending
        with it."""
        def kind(cl: _Cluster) -> bool:
            return cl.entry is None and any(cl.type_votes.get(t) for t in ("organization", "other")) \
                and not cl.type_votes.get("person")
        for short in list(clusters.values()):
            if short.key not in clusters or " " in short.name or not kind(short):
                continue
            longs = [cl for cl in clusters.values() if cl is not short and kind(cl) and " " in cl.name
                     and fold(cl.name.split()[-1]) == fold(short.name)]
            if len(longs) == 1:
                longs[0].mentions.extend(short.mentions)
                longs[0].type_votes.update(short.type_votes)
                del clusters[short.key]

    def _full_name(self, c: Candidate, full_names: list[Candidate]) -> str:
        """"Austin" → "Lloyd Austin": the nearest full name ending (or starting) with it."""
        words = c.text.split()
        if len(words) > 1:
            # "Bagheri Kani" after "Ali Bagheri Kani": a surname of two words
            longer = {f.text for f in full_names if len(f.text.split()) > len(words)
                      and fold(f.text).endswith(" " + fold(c.text))}
            return longer.pop() if len(longer) == 1 else c.text
        by_surname = [f for f in full_names if fold(f.text.split()[-1]) == fold(c.text)
                      or fold(" ".join(f.text.split()[1:])) == fold(c.text)]
        if by_surname:
            before = [f for f in by_surname if f.start < c.start]
            return (before[-1] if before else by_surname[0]).text
        by_first = {fold(f.text) for f in full_names if fold(f.text.split()[0]) == fold(c.text)}
        if len(by_first) == 1:
            return next(f.text for f in full_names if fold(f.text) in by_first)
        # "Lula" after "Luiz Inácio Lula da Silva": the name a person goes by, inside the full name
        inner = {f.text for f in full_names if len(f.text.split()) >= 4 and fold(c.text) not in _NAME_PARTICLES
                 and fold(c.text) in {fold(w) for w in f.text.split()[1:-1]}}
        if len(inner) == 1:
            return inner.pop()
        return c.text

    def _merge_acronyms(self, clusters: dict[str, _Cluster], order: list[str]) -> None:
        by_end = {m.end: cl for cl in clusters.values() for m in cl.mentions}
        for cl in list(clusters.values()):
            for m in cl.mentions:
                if cl.key not in clusters:
                    continue
                # Initials written as a word ("l'Alliance des petits États insulaires (Aosis)",
                # "(Unrwa)"): one word in brackets, a body after a body.
                # ... or a short name ending with initials: "Centre africain de … (Africa CDC)"
                words = m.text.split()
                worded = (_WORDED_INITIALS.match(m.text) is not None
                          or 1 < len(words) <= 3 and _ACRONYM.match(words[-1]) is not None) \
                    and cl.entry is None and not (cl.type_votes.get("person") or cl.type_votes.get("place"))
                if not (_is_acronym(m.text) or worded):
                    continue
                before = self.text[max(0, m.start - 3): m.start]
                if not before.endswith(("(", " (")):
                    continue
                prev_end = m.start - 1 - (1 if before.endswith(" (") else 0)
                target = by_end.get(prev_end)
                if target is None or target is cl or target.key not in clusters:
                    continue
                if cl.entry is not None and target.entry is not None:
                    continue  # two known actors: "Corée du Nord (KCNA)" is not one
                if target.type_votes.get("person"):
                    continue  # "Jean Martin (PS)": the person's party, an actor of its own
                if worded and not _is_acronym(m.text) and not (
                        target.type_votes.get("organization") and " " in target.name and target.entry is None):
                    continue
                # The known side keeps its identity; the acronym becomes an alias.
                keep, drop = (cl, target) if cl.entry and not target.entry else (target, cl)
                keep.mentions.extend(drop.mentions)
                if keep is target and keep.entry is None and " " in keep.name and set(keep.type_votes) == {"organization"}:
                    # "les Forces de soutien rapide (FSR)": the spelt-out name says what the
                    # initials are, whatever the NER says of them later ("les FSR" tagged LOC)
                    keep.type_votes.update({"organization": drop.type_votes.get("organization", 0.0)})
                else:
                    keep.type_votes.update(drop.type_votes)
                keep.entry = keep.entry or drop.entry
                del clusters[drop.key]

    @staticmethod
    def _absorb(keep: _Cluster, drop: _Cluster, clusters: dict[str, _Cluster]) -> None:
        keep.mentions.extend(drop.mentions)
        keep.type_votes.update(drop.type_votes)
        keep.entry = keep.entry or drop.entry
        del clusters[drop.key]

    def _merge_expansions(self, clusters: dict[str, _Cluster]) -> None:
        """"le parti Pastef (Patriotes africains du Sénégal pour …)": a body named by
        one word and then spelt out in brackets beginning with its initial — the
        spelt-out name (cut or not by the NER) is an alias."""
        if "(" not in self.text:
            return
        by_end = {m.end: cl for cl in clusters.values() for m in cl.mentions}
        for cl in list(clusters.values()):
            if cl.key not in clusters or cl.entry is not None or len(cl.mentions) != 1 \
                    or cl.type_votes.get("person") or cl.type_votes.get("state"):
                continue
            m = cl.mentions[0]
            if self.text[max(0, m.start - 2): m.start] != " (":
                continue
            if cl.type_votes.get("place") and (" " not in m.text or self.text[m.end: m.end + 1] == ")"):
                continue  # "Renault (Rueil)": where it is; a spelt-out name runs on ("Kollectif valaisan pour …")
            target = by_end.get(m.start - 2)
            if target is None or target is cl or target.key not in clusters or not target.type_votes.get("organization") \
                    or target.type_votes.get("person"):
                continue
            short = next(t.text for t in target.mentions if t.end == m.start - 2)
            if " " in short or fold(short[:1]) != fold(m.text[:1]) or len(m.text) <= len(short):
                continue
            self._absorb(target, cl, clusters)

    def _merge_glossed_assemblies(self, clusters: dict[str, _Cluster]) -> None:
        """"au Yuan législatif, le Parlement taïwanais,": an assembly named by its kind
        and nationality in apposition is an alias of the name before it."""
        by_end = {m.end: cl for cl in clusters.values() for m in cl.mentions}
        for cl in list(clusters.values()):
            if cl.key not in clusters or cl.entry is not None or len(cl.mentions) != 1:
                continue
            m = cl.mentions[0]
            words = m.text.split()
            if len(words) != 2 or fold(words[0]) not in actor_types.INSTITUTIONS | {"assemblee"} \
                    or not self.knowledge.is_demonym(words[1]):
                continue
            gap = _GLOSS_GAP.search(self.text, max(0, m.start - 6), m.start)
            target = by_end.get(gap.start()) if gap is not None else None
            if target is not None and target is not cl and target.key in clusters \
                    and target.type_votes.get("organization") and not target.type_votes.get("person"):
                self._absorb(target, cl, clusters)

    def _merge_federations(self, clusters: dict[str, _Cluster]) -> None:
        """"la CGT-Chimie": a union's federation, named with its initials and a
        hyphen, is the union (batch J's rule for "FNEC FP Force ouvrière")."""
        names: dict[str, _Cluster] = {}
        for cl in clusters.values():
            for m in cl.mentions:
                names.setdefault(fold(m.text), cl)
            names.setdefault(fold(cl.name), cl)
        for cl in list(clusters.values()):
            m = _FEDERATION.match(cl.name)
            if m is None or cl.key not in clusters or cl.entry is not None or cl.type_votes.get("person"):
                continue
            target = names.get(fold(m.group("acr")))
            if target is not None and target is not cl and target.key in clusters \
                    and not target.type_votes.get("person") and not target.type_votes.get("place"):
                self._absorb(target, cl, clusters)

    def _merge_known_heads(self, clusters: dict[str, _Cluster]) -> None:
        """"l'Alliance" after "l'Otan" (known as "Alliance atlantique"): a capitalised
        word alone that begins a longer form of exactly one known body or event of
        the article is that body."""
        known = [cl for cl in clusters.values() if cl.entry is not None and cl.entry.type in ("organization", "event")]
        if not known:
            return
        for cl in list(clusters.values()):
            if cl.key not in clusters or cl.entry is not None or " " in cl.name or not cl.name[:1].isupper() \
                    or cl.type_votes.get("person") or self.knowledge.is_capital(cl.name):
                continue
            if not all(_ARTICLE_BEFORE.search(self.text, max(0, m.start - 4), m.start) for m in cl.mentions):
                continue  # "à Paris" is the city, not "Paris Saint-Germain"; "l'Alliance" names a body
            word = fold(cl.name)
            owners = [o for o in known if any(" " in f and fold(f.split()[0]) == word
                                              for f in (o.entry.name, o.entry.official, *o.entry.aliases) if f)]
            others = [o for o in clusters.values() if o.entry is None and " " in o.name and fold(o.name.split()[0]) == word]
            if len(owners) == 1 and not others and owners[0].key in clusters:
                owners[0].mentions.extend(cl.mentions)
                del clusters[cl.key]

    def _merge_inner_names(self, clusters: dict[str, _Cluster]) -> None:
        """"« Sonko mooy Diomaye »" after "Bassirou Diomaye Faye": one word of no
        known type that is the middle name of one person named in full is that person."""
        people = [cl for cl in clusters.values() if cl.type_votes.get("person") and len(cl.name.split()) >= 3]
        if not people:
            return
        for cl in list(clusters.values()):
            if cl.key not in clusters or " " in cl.name or cl.entry is not None or set(cl.type_votes) != {"other"}:
                continue
            owners = [p for p in people if p.key in clusters
                      and fold(cl.name) in {fold(w) for w in p.name.split()[1:-1]}]
            if len(owners) == 1:
                owners[0].mentions.extend(cl.mentions)
                del clusters[cl.key]

    def _merge_short_forms(self, clusters: dict[str, _Cluster]) -> None:
        """Unknown organisations and events named short later on join the long name.

        "Conseil de sécurité" → "Conseil de sécurité de l’Onu"; "PNR" →
        "Parti national religieux" (its initials); "les Jeux" → "Jeux
        olympiques d'hiver" when that is the only event so headed.
        """
        for kind in ("organization", "event"):
            named = [cl for cl in clusters.values() if cl.type_votes.get(kind)]
            if kind == "event":
                # "le directeur du Tour" (tagged MISC) after "le Tour de France": an event's head word alone
                named += [cl for cl in clusters.values() if set(cl.type_votes) == {"other"} and " " not in cl.name
                          and cl.entry is None and cl.name[:1].isupper()]
            for short in named:
                if short.key not in clusters or short.entry is not None:
                    continue
                longs = [long for long in named if long is not short and long.key in clusters
                         and (self._shortens(short.name, long.name, kind)
                              or fold(short.name) in _SHORT_BODY_HEADS
                              and any(self._shortens(short.name, m.text, kind) for m in long.mentions))]
                if len(longs) > 1 and kind == "event" and " " not in short.name:
                    # "les Jeux": the first-named event so headed, the article's own.
                    longs = [min(longs, key=lambda cl: min(m.start for m in cl.mentions))]
                if len(longs) > 1 and " " not in short.name and fold(short.name) in actor_types.ORG_HEADS_FOLDED:
                    continue  # "le Conseil" after two councils: which one is not said
                if len(longs) == 1 or (longs and kind == "organization"):
                    long = longs[0]
                    long.mentions.extend(short.mentions)
                    long.type_votes.update(short.type_votes)
                    del clusters[short.key]

    @staticmethod
    def _shortens(short: str, long: str, kind: str) -> bool:
        if fold(long).startswith(fold(short) + " ") and len(short.split()) > 1:
            return True
        if kind == "organization" and _clipped_words(short, long):
            return True  # "Secours pop" for "Secours populaire"
        if kind == "organization" and 3 <= len(short) <= 5 and short.istitle() and short.isalpha() \
                and long[:1].isupper() and _initials(long) == short.upper():
            return True  # "la Caf", Caisse d'allocations familiales
        if kind == "organization" and _ACRONYM.match(short) \
                and re.match(re.escape(fold(short)) + r" (?:de |du |d')", fold(long)):
            return True  # "CICV" after "CICV d'Hérimoncourt"
        if kind == "organization" and " " not in short and short[:1].isupper() \
                and (fold(short) in actor_types.ORG_HEADS_FOLDED or fold(short) in _SHORT_BODY_HEADS) \
                and fold(long).startswith(fold(short) + " "):
            return True  # "la Cour" after "la Cour d'appel de Paris"
        if kind == "organization" and " " not in short and short[:1].isupper() and len(long.split()) == 2 \
                and long.split()[1].islower() and fold(long).startswith(fold(short) + " "):
            return True  # "l'Académie" after "l'Académie suédoise": the body's head word alone
        if _ACRONYM.match(short) and long[:1].isupper():
            # a lower-case body ("parlement de Strasbourg") is no expansion of "PS"
            initials, letters = _initials(long), short.replace(".", "")
            if initials == letters:
                return True
            # a federation named with its confederation: "FO" … "FNEC FP Force Ouvrière"
            words = long.split()
            if kind == "organization" and len(letters) >= 2 and len(words) > len(letters) \
                    and all(w[:1].isupper() for w in words[-len(letters):]) \
                    and _initials(" ".join(words[-len(letters):])) == letters:
                return True
            # one initial left out inside: "CRIF", Conseil représentatif des institutions juives de France
            if kind == "organization" and len(letters) >= 3 and len(initials) == len(letters) + 1 \
                    and initials[0] == letters[0] and initials[-1] == letters[-1] \
                    and any(initials[:i] + initials[i + 1:] == letters for i in range(1, len(initials) - 1)):
                return True
        if kind != "event":
            return False
        # Same head noun, no word of its own: "Jeux d'hiver" ⊂ "Jeux olympiques d'hiver".
        s, lg = fold(short).replace("'", " ").split(), fold(long).replace("'", " ").split()
        return len(s) < len(lg) and s[0] == lg[0] and set(s) <= set(lg)

    # -- roles, affiliations, records ---------------------------------------
    def finish(self, clusters: list[_Cluster]) -> list[Actor]:
        k = self.knowledge
        state_ids = {cl.entry.id: cl for cl in clusters if cl.entry is not None}
        per_sentence: dict[int, list[_Cluster]] = {}
        for cl in clusters:
            cl.type = max(cl.type_votes.items(), key=lambda kv: (kv[1], kv[0] == "person"))[0]
            if cl.entry is not None and cl.type == cl.entry.type:
                cl.type = cl.entry.type
            total = sum(cl.type_votes.values())
            cl.confidence = min(1.0, max(c.confidence for c in cl.mentions)) * (cl.type_votes[cl.type] / total)
            cl.mentions.sort(key=lambda c: c.start)
            if cl.type != "person":
                continue
            for m in cl.mentions:
                per_sentence.setdefault(sent_start(self.doc, m.span.start), []).append(cl)
                found = actor_roles.find_role(m.span, k)
                if found is None:
                    continue
                state = found.demonym_state or actor_roles.governing_state(self.doc, found.title_token, k)
                words = found.role.split()
                if words[0].lower() == "homologue" and len(words) > 1 and k.state_of_demonym(words[1]) is not None:
                    cl.homologue = (found.role, words[1])
                    cl.role_state = cl.role_state or state
                    continue
                if cl.role is None or len(found.role) > len(cl.role):
                    cl.role = found.role
                    cl.role_state = state or cl.role_state
                    cl.affiliation_entry = self._role_org(found.role) or state
        # "Pierre Dupont a … Aujourd'hui, ce grand saxophoniste américain …": a title
        # heading a subject speaks of the first person named as a subject in
        # the previous sentence or earlier in its own.
        people = sorted(((m.start, cl) for cl in clusters if cl.type == "person" for m in cl.mentions
                         if _is_subject(m.span) or _inverted_speaker(m.span)), key=lambda p: p[0])
        if people and any(cl.role is None for _, cl in people):
            for found in actor_roles.subject_titles(self.doc, self.text, k):
                tok = self.doc[found.title_token]
                own_sent = sent_start(self.doc, tok.i)
                first_sent = sent_start(self.doc, own_sent - 1) if own_sent > 0 else 0
                # spaCy may cut a sentence at a date ("… jeudi 2 mai afin d'y …"):
                # the previous sentence by its punctuation too, the earlier start.
                since = min(self.doc[first_sent].idx, self._previous_sentence_start(tok.idx))
                before = [p for p in people if since <= p[0] < tok.idx]
                if not before:
                    continue
                # the first subject of the latest sentence that has one: the topic, not a name
                # listed after it, nor someone named before the speaker of the previous sentence
                last = self._sentence_start(before[-1][0])
                start, cl = next(p for p in before if p[0] >= last) if last > since else before[0]
                if cl.role is None:
                    cl.role = found.role
                    cl.role_state = found.demonym_state
                    cl.affiliation_entry = self._role_org(found.role) or found.demonym_state
        self._lead_title(clusters)
        self._office_before(clusters)
        # "son homologue sud-coréen X": X mirrors the other person of the sentence.
        for cl in clusters:
            if cl.homologue and cl.role is None:
                own, demonym = cl.homologue
                sent = sent_start(self.doc, cl.mentions[0].span.start)
                others = [o for o in per_sentence.get(sent, []) if o is not cl and o.role]
                cl.role = actor_roles.counterpart_role(own, others[0].role if others else None, demonym)
                cl.affiliation_entry = cl.role_state
        actors: list[Actor] = []
        used_ids: set[str] = set()
        ids: dict[str, str] = {}
        for cl in clusters:
            base = slug(cl.name)
            actor_id, n = base, 2
            while actor_id in used_ids:
                actor_id, n = f"{base}-{n}", n + 1
            used_ids.add(actor_id)
            ids[cl.key] = actor_id
        by_entry = {cl.entry.id: ids[cl.key] for cl in clusters if cl.entry is not None}
        for cl in clusters:
            aff_entry = cl.affiliation_entry
            if aff_entry is None:
                aff_entry = next((m.affiliation for m in cl.mentions if m.affiliation), None)
            if aff_entry is None and cl.entry is not None and cl.entry.affiliation:
                aff_entry = k.get(cl.entry.affiliation)
            affiliation = by_entry.get(aff_entry.id) if aff_entry is not None else None
            if affiliation == ids[cl.key]:
                affiliation = None
            forms = [m.text for m in cl.mentions]
            aliases = tuple(dict.fromkeys(f for f in forms if fold(f) != fold(cl.name)))
            mentions = tuple(sorted({(m.start, m.end, self.text[m.start:m.end]) for m in cl.mentions}))
            actors.append(Actor(
                id=ids[cl.key],
                name=cl.name,
                type=cl.type,
                role=cl.role if cl.type == "person" else None,
                aliases=aliases,
                affiliation=affiliation,
                mentions=tuple(Mention(0, s, e, t) for s, e, t in mentions),
                description=cl.entry.description if cl.entry is not None else None,
                confidence=round(cl.confidence, 3),
                wikidata=cl.entry.wikidata if cl.entry is not None else None,
            ))
        _ = state_ids
        actors.sort(key=lambda a: a.mentions[0].start if a.mentions else 0)
        return actors

    def _lead_title(self, clusters: list[_Cluster]) -> None:
        """"L'avantage du Premier ministre … Lionel Jospin a …": the first person the
        article names, as the subject of the sentence after a lead that gave an
        office and no name, holds that office (actor_roles.leading_title)."""
        mentions = [(m.span.start, cl, m) for cl in clusters if cl.type == "person" for m in cl.mentions]
        if not mentions:
            return
        start, cl, m = min(mentions, key=lambda t: t[0])
        if cl.role is not None or not _is_subject(m.span) \
                or any(e.label_ == "PER" and e.start < start and not e[0].is_lower for e in ents(self.doc)):
            return
        found = actor_roles.leading_title(self.doc, start, self.knowledge)
        if found is not None:
            cl.role = found.role
            cl.role_state = found.demonym_state
            cl.affiliation_entry = self._role_org(found.role) or found.demonym_state

    def _office_before(self, clusters: list[_Cluster]) -> None:
        """"Le ministre délégué chargé de l'Industrie a jugé … . Jean X a cité …": a person
        with no role, named first in the sentence after one whose subject is an office
        without a name, holds it (actor_roles.office_before)."""
        for cl in clusters:
            if cl.type != "person" or cl.role is not None or not cl.mentions:
                continue
            m = cl.mentions[0]
            sent = m.span.sent
            if any(e.label_ == "PER" and e.start < m.span.start and not e[0].is_lower for e in span_ents(sent)):
                continue
            found = actor_roles.office_before(self.doc, m.span.start, self.knowledge)
            if found is not None:
                cl.role = found.role
                cl.role_state = found.demonym_state
                cl.affiliation_entry = self._role_org(found.role) or found.demonym_state

    def _infinitive_at(self, pos: int) -> bool:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span is not None and span[0].pos_ == "VERB" and "Inf" in span[0].morph.get("VerbForm")

    def _sentence_start(self, pos: int) -> int:
        """Start of the sentence holding ``pos``, by the final punctuation before it."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, 0, pos + 1)]
        return ends[-1] if ends else 0

    def _previous_sentence_start(self, pos: int) -> int:
        """Start of the sentence before the one holding ``pos``, by its final punctuation."""
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, 0, pos)]
        return ends[-2] if len(ends) >= 2 else 0

    def _role_org(self, role: str) -> Entry | None:
        """An organisation or state named inside the role: "secrétaire-général de l’ONU"."""
        words = role.replace("’", "' ").replace("'", "' ").split()
        for n in range(min(6, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                entry = self.knowledge.lookup(" ".join(words[i:i + n]).replace("' ", "'"))
                if entry is not None and entry.type in ("organization", "state"):
                    return entry
        return None


def extract_actors(doc: "Doc", knowledge: Knowledge, *, text: str | None = None) -> list[Actor]:
    """The actors of one article, typed, merged, with roles, in order of first mention.

    ``doc`` is the spaCy analysis of the whole article text; every mention's
    offsets point into ``doc.text``.  Works with any pipeline: without NER
    (a blank one) only what ``knowledge`` names is found.  ``text`` is
    ``doc.text`` when the caller has it already (spaCy rebuilds it on each access).
    """
    ex = _Extractor(doc, knowledge, text)
    ex.collect()
    return ex.finish(ex.cluster())
