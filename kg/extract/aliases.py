"""Other names the text gives an entity right after its name: "also known as", "aka", "nicknamed".

"Ruben Oseguera-Gonzalez, also known as El Menchito" names one person twice; the second name is an alias
of the first whatever the model tagged it (here an organization), and `resolve` makes the two one entity
named by the first. A marker may repeat ("Matveev, aka Wazawaka, aka m1x, and aka Uhodiransomwar"), and
the alias may stand in quotation marks ("aka “El Menchito”") or be no entity the model tagged ("m1x").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.data import phrases_longest_first
from kg.extract.coref import QUOTE_MARKS
from kg.extract.facts import Mention, entity_containing, is_chrome, mention_of

# Names that can have aliases, and the type an alias takes: the named entity's.
NAMED_LABELS = frozenset({"PERSON", "ORG"})
# Between two aliases of a list: "aka Wazawaka, aka m1x, and aka Uhodiransomwar".
LIST_WORDS = frozenset({",", "and", "or"})


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
        i = ent.end
        while (found := _marked_alias(doc, i)) is not None:
            alias, i = found
            listed.add(alias.start)
            yield name, Mention(alias.text, name.type, alias.start_char, alias.end_char)
            while i < len(doc) and doc[i].lower_ in LIST_WORDS:
                i += 1


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
    span = entity_containing(doc[i])
    if span is None or span.start != i:
        end = i + 1
        while end < len(doc) and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        span = doc[i:end]
    end = span.end
    if quoted and end < len(doc) and doc[end].text == ",":
        end += 1  # "aka “El Menchito,”": the comma inside the quotation marks
    if quoted and end < len(doc) and doc[end].text in QUOTE_MARKS:
        end += 1
    return span, end


def _starts_a_name(token: Token) -> bool:
    # A capitalised word, a tagged name, or a handle of letters and digits ("m1x").
    text = token.text
    return token.is_title or token.is_upper or bool(token.ent_type_) or (
        any(c.isdigit() for c in text) and any(c.isalpha() for c in text))


def _marker_at(doc: Doc, i: int) -> int | None:
    """Where the words after an alias marker starting at `doc[i]` begin, if one starts there."""
    for marker in phrases_longest_first("alias_markers.txt"):
        words = marker.split()
        if [t.lower_ for t in doc[i : i + len(words)]] == words:
            return i + len(words)
    return None
