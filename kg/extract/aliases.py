"""Other names the text gives an entity right after its name: "also known as", "aka", "nicknamed".

"Ruben Oseguera-Gonzalez, also known as El Menchito" names one person twice; the second name is an alias
of the first whatever the model tagged it (here an organization), and `resolve` makes the two one entity
named by the first. A marker may repeat ("Matveev, aka Wazawaka, aka m1x, and aka Uhodiransomwar"), and
the alias may stand in quotation marks ("aka “El Menchito”") or be no entity the model tagged ("m1x").
A noun of other names introduces a list of them ("Matveev, alleged to use the online monikers Wazawaka,
m1x and Uhodiransomwar", `alias_nouns.txt`), and an organization's other names may stand in brackets
after it ("the Constituent Assembly (Asamblea Constituyente)").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.data import phrases_longest_first, word_list
from kg.extract.coref import QUOTE_MARKS
from kg.extract.facts import Mention, entity_containing, is_chrome, mention_of
from kg.extract.labels import NUMBER_LABELS
from kg.names import ACRONYM

# Names that can have aliases, and the type an alias takes: the named entity's.
NAMED_LABELS = frozenset({"PERSON", "ORG"})
# Between two aliases of a list: "aka Wazawaka, aka m1x, and aka Uhodiransomwar".
LIST_WORDS = frozenset({",", "and", "or"})
# How far after a name a noun of other names may stand: "Matveev, alleged to use the online monikers ...".
ALIAS_NOUN_WINDOW = 6
# Labels of words in brackets that are no other name of the organization before them: "Gazprom (Russia)".
# A person is not among them: the model tags foreign names as people ("Asamblea Constituyente").
NOT_ALIASES = frozenset({"GPE", "LOC"}) | NUMBER_LABELS


def aliases(doc: Doc) -> Iterator[tuple[Mention, Mention]]:
    """(name, alias) pairs in text order.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Ruben", "Oseguera-Gonzalez", ",", "aka", "El", "Menchito", ",", "was", "convicted"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, ents=["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG",
    ...           "O", "O", "O"])
    >>> [(name.text, alias.text, alias.type) for name, alias in aliases(doc)]
    [('Ruben Oseguera-Gonzalez', 'El Menchito', 'Person')]
    """
    listed: set[int] = set()  # the first tokens of aliases yielded: an alias has no aliases of its own
    for ent in doc.ents:
        if ent.label_ not in NAMED_LABELS or is_chrome(ent[0]) or ent.start in listed:
            continue
        name = mention_of(ent)
        found = _marked_aliases(doc, ent.end) or _listed_aliases(doc, ent.end) \
            or (_bracketed_aliases(doc, ent.end) if ent.label_ == "ORG" else [])
        for alias in found:
            listed.add(alias.start)
            yield name, Mention(alias.text, name.type, alias.start_char, alias.end_char)


def _marked_aliases(doc: Doc, i: int) -> list[Span]:
    """The aliases after a name, each after its marker: "Matveev, aka Wazawaka, aka m1x"."""
    found = []
    while (marked := _marked_alias(doc, i)) is not None:
        alias, i = marked
        found.append(alias)
        while i < len(doc) and doc[i].lower_ in LIST_WORDS:
            i += 1
    return found


def _listed_aliases(doc: Doc, i: int) -> list[Span]:
    """The list after a noun of other names close after a name: "Mikhail Pavlovich Matveev, alleged to use
    the online monikers Wazawaka, m1x, Broriscelcin, and Uhodiransomwar, 30, of Kaliningrad"."""
    i += i < len(doc) and doc[i].text == ","
    noun = next((k for k in range(i, min(len(doc), i + ALIAS_NOUN_WINDOW))
                 if doc[k].lower_ in word_list("alias_nouns.txt") or doc[k].is_punct), None)
    if noun is None or doc[noun].is_punct:
        return []
    return _name_list(doc, noun + 1)


def _bracketed_aliases(doc: Doc, i: int) -> list[Span]:
    """Other names of an organization in brackets right after it: "the illegitimate Constituent Assembly
    (Asamblea Constituyente or AC)". Not a place or a number: "Gazprom (Russia)"."""
    if i >= len(doc) or doc[i].text != "(":
        return []
    names = _name_list(doc, i + 1)
    end = names[-1].end if names else i
    if not names or end >= len(doc) or doc[end].text != ")" \
            or any(t.ent_type_ in NOT_ALIASES for name in names for t in name):
        return []
    # An acronym in brackets is left to the acronym rules of `kg.nlp`: as an alias it would join the same
    # letters in every article of the corpus to this name, and rename the organization of their facts.
    return [name for name in names if not ACRONYM.match(name.text)]


def _name_list(doc: Doc, i: int) -> list[Span]:
    """The names listed from `doc[i]` on, between commas, "and" or "or"."""
    names = []
    while i < len(doc) and doc[i].text in QUOTE_MARKS:
        i += 1
    while i < len(doc) and _starts_a_name(doc[i]):
        name = _name_at(doc, i)
        names.append(name)
        i = name.end
        while i < len(doc) and (doc[i].lower_ in LIST_WORDS or doc[i].text in QUOTE_MARKS):
            i += 1
    return names


def _name_at(doc: Doc, i: int) -> Span:
    """The name that starts at `doc[i]`: the entity the model tagged there, else a run of capitalised words."""
    span = entity_containing(doc[i])
    if span is None or span.start != i:
        end = i + 1
        while end < len(doc) and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        span = doc[i:end]
    return span


def _marked_alias(doc: Doc, i: int) -> tuple[Span, int] | None:
    """The alias a marker at `doc[i]` (after an optional comma or bracket) introduces, and where it ends."""
    if i < len(doc) and doc[i].text in {",", "("}:
        i += 1
    marker = _marker_at(doc, i)
    if marker is None:
        return None
    i = marker + (marker < len(doc) and doc[marker].lower_ == "the")  # "known as the IRGC"
    quoted = i < len(doc) and doc[i].text in QUOTE_MARKS
    i += quoted
    if i >= len(doc) or not _starts_a_name(doc[i]):
        return None
    span = _name_at(doc, i)
    end = span.end
    if quoted and end < len(doc) and doc[end].text == ",":
        end += 1  # "aka “El Menchito,”": the comma inside the quotation marks
    if quoted and end < len(doc) and doc[end].text in QUOTE_MARKS:
        end += 1
    return span, end


def _starts_a_name(token: Token) -> bool:
    # A capitalised word, a tagged name, or a handle of letters and digits ("m1x").
    text = token.text
    if token.like_num or token.ent_type_ in NUMBER_LABELS:
        return False  # "Uhodiransomwar, 30, of Kaliningrad": an age ends the list
    return token.is_title or token.is_upper or bool(token.ent_type_) or (
        any(c.isdigit() for c in text) and any(c.isalpha() for c in text))


def _marker_at(doc: Doc, i: int) -> int | None:
    """Where the words after an alias marker starting at `doc[i]` begin, if one starts there."""
    for marker in phrases_longest_first("alias_markers.txt"):
        words = marker.split()
        if [t.lower_ for t in doc[i : i + len(words)]] == words:
            return i + len(words)
    return None
