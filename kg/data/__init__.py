"""The data the rules read: word lists and tab-separated tables, `#` lines being comments.

Every list and table is read once (the loaders are cached) and through this module only, so that each
stage reads the same words: the tokenizer's title repairs (`kg.nlp`) and the role rules (`kg.extract`)
share `title_words`, `role_nouns` and the rest.
"""

from __future__ import annotations

import csv
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
