"""explainer: turn news articles into annotated explainer pages.

The pipeline, one module a stage: ``read`` (seed file → ``Seed``),
``extract`` (spaCy + ``timex``/``actors``/``events`` → ``Article``),
``render`` (Jinja2 → Markdown), ``write`` (files in ``docs/``).
The package knows nothing of MkDocs; ``build.py`` and ``hooks/`` call it.
"""

__version__ = "0.1.0"
