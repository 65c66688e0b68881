"""The data the rules read: word lists and tab-separated tables, `#` lines being comments.

Every list and table is read once (the loaders are cached) and through this module only, so that each
stage reads the same words: the tokenizer's title repairs (`kg.nlp`) and the role rules (`kg.extract`)
share `title_words`, `role_nouns` and the rest.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from typing import NamedTuple


@cache
def word_list(name: str) -> frozenset[str]:
    """The lower-cased entries of a one-word-a-line list such as `roles.txt`."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def table_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a tab-separated table with a header line, such as `verbs.tsv`."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"))


@cache
def word_lists(name: str) -> dict[str, frozenset[str]]:
    """The named word lists of a two-column table (`list`, `word`) such as `event_words.tsv`."""
    lists: dict[str, set[str]] = {}
    for row in table_rows(name):
        lists.setdefault(row["list"], set()).add(row["word"].lower())
    return {key: frozenset(words) for key, words in lists.items()}


# ------------------------------------------------------------------------------------ titles and roles

@cache
def role_nouns() -> frozenset[str]:
    """Head nouns of titles and positions: "minister", "commander", "fellow", ... (`roles.txt`)."""
    return word_list("roles.txt")


@cache
def title_words() -> dict[str, str]:
    """Word → kind (rank, honorific, former, current, modifier, portfolio), from `title_words.tsv`."""
    return {row["word"].lower(): row["kind"] for row in table_rows("title_words.tsv")}


@cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated title → the role it stands for ("sen." → "Senator"), from `title_abbreviations.tsv`."""
    return {row["abbreviation"]: row["role"] for row in table_rows("title_abbreviations.tsv")}


@cache
def government_titles() -> dict[str, frozenset[str]]:
    """Head word of a title that is an office of a state → the states whose issuers use it bare ("*": all;
    none: only with a nationality written), from `government_titles.tsv`."""
    return {row["head"]: frozenset(s for s in row["states"].split("|") if s != "-")
            for row in table_rows("government_titles.tsv")}


class RoleVerb(NamedTuple):
    prepositions: frozenset[str]  # empty: the organization is the direct object
    role: str


@cache
def role_verbs() -> dict[str, RoleVerb]:
    """Verb lemma → how it names an organization and the role it gives (`role_verbs.tsv`)."""
    return {row["lemma"]: RoleVerb(frozenset(p for p in row["prepositions"].split("|") if p != "-"), row["role"])
            for row in table_rows("role_verbs.tsv")}


# ------------------------------------------------------------------------------------------- places


@cache
def capitals() -> dict[str, str]:
    """Lower-cased city → its country, for the capitals and cities news names as often (`capitals.tsv`)."""
    return {row["city"].lower(): row["country"] for row in table_rows("capitals.tsv")}


@cache
def name_heads() -> dict[str, str]:
    """Last word of a name → the kind of thing it names when that is no organization (`name_heads.tsv`)."""
    return {row["word"].lower(): row["kind"] for row in table_rows("name_heads.tsv")}


@cache
def offices_of_state() -> dict[str, dict[str, str]]:
    """Lower-cased title → its department, the words that name the department, and the state whose office
    it is (`offices_of_state.tsv`)."""
    return {row["title"]: row for row in table_rows("offices_of_state.tsv")}


@cache
def seats_of_government() -> dict[str, dict[str, str]]:
    """Lower-cased seat of government ("White House") → its country and the portfolio of the department it
    houses (`seats_of_government.tsv`)."""
    return {row["name"].lower(): row for row in table_rows("seats_of_government.tsv")}


@cache
def state_titles() -> dict[str, frozenset[str]]:
    """Lower-cased title of a head of state or government → the states that have no such office
    (`state_titles.tsv`)."""
    return {row["title"]: frozenset(row["without"].split("|")) for row in table_rows("state_titles.tsv")}


@cache
def compound_titles() -> frozenset[str]:
    """Titles of several words that name one office ("Special Agent in Charge"), `compound_titles.txt`."""
    return word_list("compound_titles.txt")


@cache
def leading_titles() -> frozenset[str]:
    """Words that can start a name the model tagged as PERSON but are titles: "President", "Ayatollah"
    (role nouns, title abbreviations, compound titles, ranks and honorifics)."""
    return frozenset(role_nouns() | set(title_abbreviations()) | compound_titles()
                     | {w for w, kind in title_words().items() if kind in {"rank", "honorific"}})


@cache
def phrases_longest_first(name: str) -> tuple[str, ...]:
    """The phrases of a one-phrase-a-line list, longest first, so that "also known as" is tried before
    "known as" and "press release" before "release"."""
    return tuple(sorted(word_list(name), key=lambda p: (-len(p.split()), p)))


# The event rules' lexicon (kg/extract/events.py, coref.py, parties.py, when.py), each table read once.


def word_sequences(name: str) -> dict[str, tuple[str, ...]]:
    """The named word lists of a (`list`, `word`) table in the order the file writes them, for lists whose
    order means something (`weekday`: Monday first)."""
    lists: dict[str, dict[str, None]] = {}
    for row in table_rows(name):
        lists.setdefault(row["list"], {})[row["word"].lower()] = None
    return {key: tuple(words) for key, words in lists.items()}


@cache
def event_words() -> dict[str, frozenset[str]]:
    """The event rules' word lists (`event_words.tsv`): list name → its words, lower case."""
    return word_lists("event_words.tsv")


@cache
def event_maps() -> dict[str, dict[str, str]]:
    """The event rules' word maps (`event_maps.tsv`): map name → word or phrase → what it maps to
    (`event_noun`: "assassination" → "assassinate")."""
    maps: dict[str, dict[str, str]] = {}
    for row in table_rows("event_maps.tsv"):
        maps.setdefault(row["map"], {})[row["key"]] = row["value"]
    return maps


@cache
def cue_table() -> tuple[dict[str, str], ...]:
    """The cue rules of negation and modality (`cues.tsv`): literal, category, direction, scope, dep."""
    return table_rows("cues.tsv")


@cache
def verb_lexicon() -> dict[str, str]:
    """The action lemma → CAMEO root code map the project owns (`verbs.tsv`), default frames."""
    return {row["lemma"]: row["cameo"] for row in table_rows("verbs.tsv") if not row.get("frame")}


@cache
def framed_lexicon() -> dict[tuple[str, str], str]:
    """(lemma, frame) → CAMEO root code, for verbs whose category depends on their frame ("call X Y")."""
    return {(row["lemma"], row["frame"]): row["cameo"] for row in table_rows("verbs.tsv") if row.get("frame")}


@cache
def interaction_nouns() -> dict[str, str]:
    """Nouns of meeting and calling → the action they name (`interaction_nouns.tsv`)."""
    return {row["noun"]: row["action"] for row in table_rows("interaction_nouns.tsv")}


def lexicon_words(name: str) -> frozenset[str]:
    """A word list of the event lexicon by name: a list of `event_words.tsv`, the words a map of
    `event_maps.tsv` maps, or `interaction_noun` (the nouns of `interaction_nouns.tsv`)."""
    if name == "interaction_noun":
        return frozenset(interaction_nouns())
    return event_words().get(name) or frozenset(event_maps()[name])


@cache
def trigger_table() -> list[dict]:
    """The trigger patterns (`triggers.json`): each an `id`, an `example` sentence, `why`, and spaCy
    DependencyMatcher `patterns` in which a value "@name" of `IN` stands for the lexicon list `name`."""
    def resolve(value):
        if isinstance(value, dict):
            return {key: resolve(v) for key, v in value.items()}
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, str) and value.startswith("@"):
            return sorted(lexicon_words(value[1:]))
        return value

    entries = json.loads(resources.files(__name__).joinpath("triggers.json").read_text(encoding="utf-8"))
    return [resolve(entry) for entry in entries]


@cache
def verbal_categories() -> frozenset[str]:
    """The CAMEO root codes of saying rather than doing (`cameo_roots.tsv`, quad class verbal cooperation or
    verbal conflict): praise, thanks, condemnation are about whoever the thing praised belongs to."""
    return frozenset(row["code"] for row in table_rows("cameo_roots.tsv") if row["quad_class"].startswith("verbal"))
