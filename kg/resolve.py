"""Resolve: merge the mentions of one real-world entity into one node, across a whole corpus.

"President Trump", "Trump" and "Donald Trump" are one person; "U.S.", "US" and "the United States"
one country; "Iranian" stands for Iran where a people or adjective stands for its country. Every
surface form is kept as an alias. Keys are derived from the entity's type and canonical name, so the
same corpus always gives the same keys.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kg.extract import ArticleFacts, Mention

# Words that are titles, not names: dropped from a person's canonical name.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "president", "general", "gen", "minister", "senator", "sen",
    "secretary", "ayatollah", "sheikh", "king", "queen", "prince", "pope", "rep", "gov", "governor",
    "commander", "colonel", "col", "major", "lt", "captain", "capt", "admiral", "adm", "judge", "justice",
    "chairman", "director", "prime", "vice", "leader", "supreme", "former",
})


@dataclass(frozen=True)
class Entity:
    """One real-world entity: its canonical name, every way the text names it, how often it is named."""

    key: str  # "person/donald-trump": type and canonical name, stable across runs
    type: str  # Person, Organization, Country, Place
    name: str
    aliases: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class Resolution:
    """The entities of a corpus and, for each mention, the entity it names."""

    entities: tuple[Entity, ...]
    keys: dict[tuple[str, int, int], str] = field(hash=False)  # (article id, start, end) -> entity key

    def entity_of(self, article_id: str, mention: Mention | None) -> Entity | None:
        if mention is None:
            return None
        key = self.keys.get((article_id, mention.start, mention.end))
        return self.by_key.get(key) if key else None

    @property
    def by_key(self) -> dict[str, Entity]:
        return {e.key: e for e in self.entities}


@dataclass(frozen=True)
class Country:
    name: str
    aliases: frozenset[str]
    demonyms: frozenset[str]


@cache
def countries() -> dict[str, Country]:
    """Lower-cased name, alias or demonym → country (`kg/data/countries.tsv`)."""
    text = resources.files("kg.data").joinpath("countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    table: dict[str, Country] = {}
    for row in rows:
        split = lambda value: frozenset(v for v in (value or "").split("|") if v)  # noqa: E731
        country = Country(row["name"], split(row["aliases"]), split(row["demonyms"]))
        for form in (country.name, *country.aliases, *country.demonyms):
            table.setdefault(form.lower(), country)
    return table


def resolve(corpus: Iterable[ArticleFacts]) -> Resolution:
    """Group every mention of the corpus (entities, role and event participants) by the entity it names."""
    corpus = list(corpus)
    mentions: list[tuple[str, Mention]] = []
    for facts in corpus:
        for mention in _all_mentions(facts):
            mentions.append((facts.article.id, mention))

    # First pass: a provisional (type, name) for each mention.
    provisional: dict[tuple[str, int, int], tuple[str, str]] = {}
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for article_id, mention in mentions:
        typed = _provisional(mention)
        if typed is None:
            continue
        provisional[(article_id, mention.start, mention.end)] = typed
        surfaces[typed][_clean(mention.text)] += 1

    # Second pass: a person named by surname alone is the person with that surname and a full name.
    full_names: dict[str, set[str]] = defaultdict(set)
    for kind, name in surfaces:
        if kind == "Person" and " " in name:
            full_names[name.split()[-1].lower()].add(name)
    merged: dict[tuple[str, str], tuple[str, str]] = {}
    for kind, name in surfaces:
        if kind == "Person" and " " not in name and len(full_names.get(name.lower(), ())) == 1:
            merged[(kind, name)] = (kind, next(iter(full_names[name.lower()])))

    keys: dict[tuple[str, int, int], str] = {}
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts: Counter[tuple[str, str]] = Counter()
    for where, typed in provisional.items():
        final = merged.get(typed, typed)
        keys[where] = entity_key(*final)
        counts[final] += 1
    for typed, forms in surfaces.items():
        aliases[merged.get(typed, typed)].update(forms)

    entities = tuple(sorted(
        (Entity(entity_key(kind, name), kind, name, tuple(sorted(aliases[(kind, name)] - {name})), counts[(kind, name)])
         for kind, name in counts),
        key=lambda e: e.key,
    ))
    return Resolution(entities=entities, keys=keys)


def _all_mentions(facts: ArticleFacts) -> Iterable[Mention]:
    yield from facts.mentions
    for role in facts.roles:
        yield role.person
        if role.organization is not None:
            yield role.organization
    for event in facts.events:
        yield event.actor
        if event.target is not None:
            yield event.target


def _provisional(mention: Mention) -> tuple[str, str] | None:
    name = _clean(mention.text)
    if not name:
        return None
    if mention.type in {"Place", "Group", "Organization"}:
        country = countries().get(name.lower()) or countries().get(name.lower() + ".")
        if country is not None:
            return "Country", country.name
    if mention.type == "Group":
        return None  # a people or party that stands for no country names no single entity
    if mention.type == "Person":
        words = [w for w in name.split() if w.lower().strip(".") not in HONORIFICS]
        name = " ".join(words) or name
    return mention.type, name


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"[’']s$", "", text)
    return text.strip(" ,.;:\"“”")


def entity_key(kind: str, name: str) -> str:
    """A stable key for an entity: its type and a slug of its canonical name.

    >>> entity_key("Person", "Abu Mahdi al-Muhandis")
    'person/abu-mahdi-al-muhandis'
    """
    return f"{kind.lower()}/{slug(name)}"


def slug(text: str) -> str:
    """A lower-case, ASCII, hyphenated form of a name, safe in an IRI.

    >>> slug("Qassem Soleimani’s")
    'qassem-soleimanis'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    # A name in a script with no ASCII letters keeps a readable prefix and a digest that tells it apart.
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "u-" + hashlib.sha1(text.encode()).hexdigest()[:12]
