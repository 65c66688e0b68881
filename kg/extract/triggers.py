"""Triggers: the words that can state an event, as spaCy DependencyMatcher patterns (`kg/data/triggers.json`).

Each entry has an id, an example sentence and one or more patterns; a word takes the id of the first entry
(in file order) one of whose patterns it matches, and `kg.extract.events` reads its parties with the
callback registered for that id. A pattern's `"@name"` is a list of the event lexicon (`kg.data.lexicon_words`);
a `LEMMA` list matches whatever the case, as the rules compare lemmas lower-cased ("Assassin" at the start
of a headline).

>>> [entry["id"] for entry in trigger_table()][:2]
['doer_noun', 'interaction_noun']
"""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.data import trigger_table


def _folded(attrs: dict) -> dict:
    """The pattern attributes with each `LEMMA` list as a case-insensitive whole-word regex."""
    lemma = attrs.get("LEMMA")
    if not isinstance(lemma, dict) or "IN" not in lemma:
        return attrs
    words = "|".join(re.escape(w) for w in lemma["IN"])
    return {**attrs, "LEMMA": {"REGEX": rf"(?i)^(?:{words})\Z"}}


@cache
def _matcher(vocab: Vocab) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    for entry in trigger_table():
        patterns = [[{**node, "RIGHT_ATTRS": _folded(node["RIGHT_ATTRS"])} for node in pattern]
                    for pattern in entry["patterns"]]
        matcher.add(entry["id"], patterns)
    return matcher


def trigger_kinds(doc: Doc) -> dict[int, str]:
    """Token index → the id of the first trigger entry it matches, for each word that can state an event.

    "Ruby fatally shot Oswald." → {2: "verb"}.
    """
    # By the hash of the id, not the vocabulary's strings: a parse in a memory zone may have dropped them.
    order = {get_string_id(entry["id"]): (n, entry["id"]) for n, entry in enumerate(trigger_table())}
    found: dict[int, tuple[int, str]] = {}
    for key, (anchor, *_) in _matcher(doc.vocab)(doc):
        if anchor not in found or order[key] < found[anchor]:
            found[anchor] = order[key]
    return {anchor: kind for anchor, (_, kind) in found.items()}
