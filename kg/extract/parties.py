"""Parties that are not names: the noun phrase of a participant no name stands for, and what it may be.

"Iran seized several oil tankers", "the attackers killed 126 people", "a federal judge sentenced him":
the participant is a noun phrase. It is a party of its own (its text, head lemma, a coarse kind from
`kg/data/party_nouns.tsv`, and a number when the text gives one), local to its article, unless the
article writes the same noun beside one name only ("U.S. District Judge George O'Toole Jr."), which it
then is.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.data import event_words, table_rows
from kg.extract.facts import ENTITY_TYPES, Mention, NominalParty, entity_of, mention_of
from kg.extract.labels import ARGUMENT_DEPS, MODIFIER_DEPS, NAMED_LABELS, PHRASE_DEPS
from kg.extract.when import in_dateline

# Words a noun phrase's text leaves out at its start: "the attackers" is written "attackers".
ARTICLES = frozenset({"the", "a", "an"})
# Named things that are no person, organization or place, but can be what an event is done to, with the kind
# of party each is: "Biden signed a new Executive Order" (a law), "Russian aircraft harassed the MQ-9s" (a
# machine). They are parties of their own article, like a noun phrase.
NAMED_THINGS = {"LAW": "law", "PRODUCT": "machine"}
# Nouns that count what their "of" names: "arrested dozens of protesters", "thousands of people fled".
QUANTITY_NOUNS = event_words()["quantity_noun"]


@cache
def party_nouns() -> dict[str, str]:
    """Head lemma → coarse kind of participant (`kg/data/party_nouns.tsv`)."""
    return {row["lemma"]: row["kind"] for row in table_rows("party_nouns.tsv")}


@cache
def number_words() -> dict[str, int]:
    return {row["word"]: int(row["value"]) for row in table_rows("number_words.tsv")}


@cache
def _press() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in table_rows("press.tsv"):
        kinds.setdefault(row["kind"], set()).add(row["entry"])
    return {kind: frozenset(entries) for kind, entries in kinds.items()}


def head_lemma(token: Token) -> str:
    """The lemma under which `party_nouns` lists a noun ("troops" → "troop"; "police" as written)."""
    nouns = party_nouns()
    for form in (token.lemma_.lower(), token.lower_):
        if form in nouns:
            return form
    return ""


def plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"}


def nominal_party(token: Token) -> NominalParty | None:
    """The noun phrase `token` heads, as a party: "several oil tankers" (vessel), "126 people" (126).

    None unless the head is a participant noun in no name and no modifier position ("government forces"
    is the forces, not a government), or a named thing of `NAMED_THINGS` ("a new Executive Order").
    """
    if token.pos_ == "NUM" and token.dep_ in ARGUMENT_DEPS:
        return _counted(token)
    if token.lemma_.lower() in QUANTITY_NOUNS or token.lower_ in QUANTITY_NOUNS:
        return _many_of(token)
    if token.ent_type_ in NAMED_THINGS and token.dep_ not in MODIFIER_DEPS:
        span = _name_of(entity_of(token))
        return NominalParty(span.text, token.lemma_.lower(), NAMED_THINGS[token.ent_type_], span.start_char,
                            span.end_char)
    if token.pos_ != "NOUN" and not definite_title(token) or token.ent_type_ in ENTITY_TYPES \
            or token.dep_ in MODIFIER_DEPS:
        return None
    head = head_lemma(token)
    if not head:
        return None
    span = _phrase(token)
    quantity, qualifier = _quantity(token)
    return NominalParty(span.text, head, party_nouns()[head], span.start_char, span.end_char, quantity, qualifier)


def definite_title(token: Token) -> bool:
    """Whether a capitalised noun is a title written with "the" and no name: "The President welcomed ...",
    "The Secretary and the Foreign Minister discussed ..." (the article is written once for both)."""
    written = [token, token.head] if token.dep_ == "conj" else [token]
    return token.pos_ == "PROPN" and not token.ent_type_ \
        and any(c.dep_ == "det" and c.lower_ == "the" for w in written for c in w.children)


def _name_of(entity: Span) -> Span:
    """A named thing's name: its entity without the quotation marks or article the tagger took in
    ('"Treaty of Friendly Cooperation ..."' is Treaty of Friendly Cooperation ...)."""
    start, end = entity.start, entity.end
    while start < end - 1 and (entity.doc[start].is_punct or entity.doc[start].lower_ in ARTICLES):
        start += 1
    while end > start + 1 and entity.doc[end - 1].is_punct:
        end -= 1
    return entity.doc[start:end]


def _many_of(quantity: Token) -> NominalParty | None:
    """ "dozens of protesters", "thousands of people": the people counted ("protesters"), the count as its
    qualifier ("dozens of"): the party is named by what it is, as "126 people" is."""
    for prep in quantity.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for noun in prep.children:
                counted = None if noun.dep_ != "pobj" else \
                    nominal_party(noun) if noun.pos_ == "NOUN" else _people_named(noun)
                if counted is not None:
                    qualifier = quantity.doc[_phrase(quantity).start : prep.i + 1].text.lower()
                    return replace(counted, qualifier=qualifier)
    return None


def _people_named(noun: Token) -> NominalParty | None:
    """Members of a people counted by the plural of its name: "hundreds of Americans", "dozens of
    Palestinians" are people, not the country."""
    if noun.ent_type_ != "NORP" or not plural(noun):
        return None
    span = _phrase(noun)
    return NominalParty(span.text, noun.lemma_.lower(), "people", span.start_char, span.end_char)


def counted_people(noun: Token) -> NominalParty | None:
    """People counted by the plural of their people's name are that many people, not their country: "the
    attack killed two Americans" (2), "Five Marines were killed", "more than 20 Afghans" (20, "more than")."""
    quantity, qualifier = _quantity(noun)
    party = _people_named(noun) if quantity is not None else None
    return None if party is None else replace(party, quantity=quantity, qualifier=qualifier)


def _phrase(token: Token) -> Span:
    """The noun phrase `token` heads, from its first modifier on, without a leading article: "the three
    attackers" -> "three attackers"."""
    lefts = [c for c in token.lefts if c.dep_ in PHRASE_DEPS]
    start = min((c.left_edge.i for c in lefts), default=token.i)
    while start < token.i and token.doc[start].lower_ in ARTICLES:
        start += 1
    return token.doc[start : token.i + 1]


def _counted(number: Token) -> NominalParty | None:
    """A number standing for whom it counts: "killed 13 people and wounded 71", "injured another 15",
    "killing the three on the spot". Its head is the number itself; its kind is unknown."""
    value = _number(number)
    if value is None:
        return None
    span = _phrase(number)
    return NominalParty(span.text, number.lower_, "unspecified", span.start_char, span.end_char, value,
                        " ".join(t.lower_ for t in span if t.i < number.i and t.dep_ in {"quantmod", "advmod"}))


def _quantity(noun: Token) -> tuple[int | None, str]:
    """ "126 people" → (126, ""); "more than 100 members" → (100, "more than"); "three soldiers" → 3."""
    for child in noun.children:
        if child.dep_ != "nummod" or not child.like_num:
            continue
        value = _number(child)
        if value is None:
            return None, ""
        qualifier = " ".join(t.lower_ for t in child.subtree if t.i < child.i)
        return value, qualifier
    return None, ""


def _number(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return number_words().get(text)


def press_party(mention: Mention, nominal: NominalParty | None) -> bool:
    """Whether a party is the press: an outlet ("VOA", "Tass news agency") or reporters."""
    press = _press()
    if nominal is not None:
        return nominal.head in press.get("noun", frozenset())
    if mention.type != "Organization":
        return False
    name = mention.text.lower()
    return name in press.get("name", frozenset()) or any(w in press.get("word", frozenset()) for w in name.split())


def resolved_heads(doc: Doc) -> dict[tuple[str, bool], Mention]:
    """(head lemma, plural) → the one name the article writes that noun beside.

    "U.S. District Judge George O'Toole Jr." (a title before a name), "al-Shabab, the militant group" (an
    apposition), "al-Shabab is a militant group" (a predicate noun): "the judge" and "the militant group"
    elsewhere in the article are then that name. A noun written beside two different names is no one's.
    """
    found: dict[tuple[str, bool], dict[str, Mention]] = {}
    for token in doc:
        head = head_lemma(token) if token.pos_ in {"NOUN", "PROPN"} else ""
        if not head:
            continue
        for name in _names_beside(token):
            found.setdefault((head, plural(token)), {})[name.text.lower()] = name
    return {key: next(iter(names.values())) for key, names in found.items() if len(names) == 1}


def _names_beside(token: Token) -> list[Mention]:
    def named(other: Token) -> bool:
        # "SAN SALVADOR, El Salvador — A 32-year-old Salvadoran man": a dateline is no one's name.
        return other.ent_type_ in NAMED_LABELS and not (other.ent_type_ == "NORP" and other.pos_ == "ADJ") \
            and not in_dateline(other)

    names = []
    if token.dep_ in {"appos", "compound"} and named(token.head) and not token.ent_type_:
        names.append(token.head)
    names += [c for c in token.children if c.dep_ == "appos" and named(c)]
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        names += [c for c in token.head.children if c.dep_ == "nsubj" and named(c)]
    return [mention_of(entity_of(n)) for n in names]
