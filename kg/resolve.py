"""Resolve: merge the mentions of one real-world entity into one node, across a whole corpus.

"President Trump", "Trump" and "Donald Trump" are one person; "U.S.", "US" and "the United States"
one country; "Iranian" stands for Iran where a people or adjective stands for its country. Every
surface form is kept as an alias. Keys are derived from the entity's type and canonical name, so the
same corpus always gives the same keys.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise

from kg.data import offices_of_state, table_rows
from kg.extract import ArticleFacts, Mention
from kg.names import SURNAME_PARTICLES, clean, surname_key

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

    @cached_property
    def by_key(self) -> dict[str, Entity]:
        # Computed once: entity_of runs for every participant of every fact.
        return {e.key: e for e in self.entities}


@dataclass(frozen=True)
class Country:
    name: str
    aliases: frozenset[str]
    demonyms: frozenset[str]


@cache
def countries() -> dict[str, Country]:
    """Lower-cased name, alias or demonym → country (`kg/data/countries.tsv`)."""
    rows = table_rows("countries.tsv")
    table: dict[str, Country] = {}
    for row in rows:
        country = Country(row["name"], _split(row["aliases"]), _split(row["demonyms"]))
        for form in (country.name, *country.aliases, *country.demonyms):
            table.setdefault(form.lower(), country)
    return table


def country_of_form(name: str) -> Country | None:
    """The country a name is, written as itself, its government or its formal name.

    >>> [country_of_form(n).name for n in ("Federal Government of Somalia", "People’s Republic of China",
    ...  "Government of the Islamic Republic of Afghanistan")]
    ['Somalia', 'China', 'Afghanistan']
    >>> country_of_form("Islamic State of Iraq"), country_of_form("Government Accountability Office")
    (None, None)
    """
    key = name.lower().replace("’", "'")
    country = countries().get(key) or countries().get(key + ".")
    if country is not None:
        return country
    for form in (GOVERNMENT_OF, STATE_FORM_OF):
        match = form.match(name)
        if match is not None and (found := country_of_form(match["rest"])) is not None:
            return found
    return None


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v for v in (value or "").split("|") if v)


@cache
def known_organizations() -> dict[str, str]:
    """Lower-cased alias → canonical name of an organization (`kg/data/organizations.tsv`)."""
    rows = table_rows("organizations.tsv")
    table: dict[str, str] = {}
    for row in rows:
        for form in (row["name"], *(row["aliases"] or "").split("|")):
            if form:
                table.setdefault(form.lower(), row["name"])
    return table


Typed = tuple[str, str]  # (entity type, name)

# Words that end an organization's name without changing what it names: "Revolutionary Guards [Corps]".
GENERIC_SUFFIXES = frozenset({"corps", "service", "force", "forces", "party", "department", "ministry", "inc", "corp",
                              "co", "company", "group", "organization", "organisation", "agency", "office"})
# The share of the corpus's full-name mentions of one surname that one person must have for an
# unexplained surname to be that person ("Booth": John Wilkes Booth 17 of 18).
SURNAME_MAJORITY = 0.9
# Particles that start an Arabic or Dutch surname and are often dropped: "al-Muhandis" = "Muhandis".
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]*[A-Z0-9]\.?$")
NAME_FUNCTION_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "&"})
# A state's government or its formal name stands for the country: "the Federal Government of Somalia",
# "the Government of the Islamic Republic of Afghanistan". ("State of" is left out: "Islamic State of Iraq"
# is no government of Iraq.)
POSSESSOR_IN_FRONT = re.compile(r"^\S+[’']s\s+")
GOVERNMENT_OF = re.compile(r"^(?:[\w’'-]+ )*?Government of (?:the )?(?P<rest>.+)$")
STATE_FORM_OF = re.compile(r"^(?:[\w’'-]+ )*?(?:Republic|Kingdom|Federation|Emirate|Sultanate|Commonwealth) of (?:the )?(?P<rest>.+)$")


def resolve(corpus: Iterable[ArticleFacts]) -> Resolution:
    """Group every mention of the corpus (entities, role and event participants) by the entity it names.

    Within an article: a surname (or a shorter name) is the person the article names in full with it, in
    that article only, so a surname two people share never merges them; an acronym the organization it is
    defined for or whose initials it is, and a shortened or embellished organization name ("Elite Quds
    Force", "Revolutionary Guards") the organization named in full, everywhere when the corpus gives it
    one meaning and in its article only when it gives it several. Across the corpus: the same name is
    the same entity, a shorter name its article never explains is the person the corpus names in full
    with it (the only one, or one named nine times in ten; otherwise an entity of its own), and an acronym defined
    in one article means the same elsewhere.
    """
    provisional: dict[tuple[str, int, int], Typed] = {}
    written: dict[tuple[str, int, int], str] = {}
    by_article: dict[str, Counter[Typed]] = defaultdict(Counter)
    for facts in corpus:
        article_id = facts.article.id
        for mention in _all_mentions(facts):
            where = (article_id, mention.start, mention.end)
            if where in provisional:
                continue
            typed = _provisional(mention)
            if typed is None:
                continue
            provisional[where] = typed
            written[where] = clean(mention.text)
            by_article[article_id][typed] += 1
    # A person's shorter name means whom its own article names in full, and only there: "Bush" is George
    # W. Bush in one article and Jeb Bush in another, so the two never become one through "Bush".
    fuller: dict[str, dict[Typed, Typed]] = {}
    for article_id, names in by_article.items():
        people = _people_in_article(names)
        people.update(_first_names(names, people))
        fuller[article_id] = {("Person", short): ("Person", full) for short, full in people.items()}
    # An organization's shorter name that means one organization throughout the corpus is that one
    # everywhere ("Revolutionary Guards"); one that means different organizations in different articles
    # ("Foreign Ministry": Iran's here, Russia's there) is resolved in each article alone.
    organization_links = {article_id: _organization_links(names) for article_id, names in by_article.items()}
    fuller_names: dict[str, set[str]] = defaultdict(set)
    for pairs in organization_links.values():
        for short, full in pairs:
            fuller_names[short].add(full)
    for article_id, pairs in organization_links.items():
        local: dict[str, set[str]] = defaultdict(set)
        for short, full in pairs:
            if len(fuller_names[short]) > 1:
                local[short].add(full)
        fuller[article_id].update({("Organization", short): ("Organization", next(iter(fulls)))
                                   for short, fulls in local.items() if len(fulls) == 1})
    for where, typed in provisional.items():
        provisional[where] = fuller[where[0]].get(typed, typed)
    surfaces: dict[Typed, Counter[str]] = defaultdict(Counter)
    for where, typed in provisional.items():
        surfaces[typed][written[where]] += 1

    links = _Links()
    definitions: dict[str, set[str]] = defaultdict(set)
    placed: dict[str, list[tuple[int, int, Typed]]] = defaultdict(list)
    for (article_id, start, end), typed in sorted(provisional.items()):
        placed[article_id].append((start, end, typed))
    for article_id in sorted(placed):
        for acronym, expansion in _acronym_definitions(placed[article_id]):
            definitions[acronym].add(expansion)
    for short, fulls in sorted(fuller_names.items()):
        if len(fulls) == 1:
            links.union(("Organization", short), ("Organization", next(iter(fulls))))
    for acronym, expansions in definitions.items():
        if len(expansions) == 1:
            links.union(("Organization", acronym), ("Organization", next(iter(expansions))))
    counts: Counter[Typed] = Counter(provisional.values())
    _link_surnames_across(surfaces, counts, links)
    _link_department_forms(surfaces, links)
    _link_known_organizations(surfaces, links)
    # Names that differ only in case or punctuation ("CHICAGO", "Chicago") name one entity.
    by_key: dict[str, Typed] = {}
    for typed in sorted(surfaces):
        links.union(by_key.setdefault(entity_key(*typed), typed), typed)

    groups: dict[Typed, list[Typed]] = defaultdict(list)
    for typed in sorted(surfaces):
        groups[links.find(typed)].append(typed)
    canonical: dict[Typed, Typed] = {}
    for members in groups.values():
        best = min(members, key=lambda t: _canonical_rank(t, counts))
        for typed in members:
            canonical[typed] = best

    keys = {where: entity_key(*canonical[typed]) for where, typed in provisional.items()}
    mention_counts: Counter[Typed] = Counter(canonical[t] for t in provisional.values())
    aliases: dict[Typed, set[str]] = defaultdict(set)
    for typed, forms in surfaces.items():
        aliases[canonical[typed]].update(forms)
        aliases[canonical[typed]].add(typed[1])
    entities = tuple(sorted(
        (Entity(entity_key(kind, name), kind, name, tuple(sorted(aliases[(kind, name)] - {name})),
                mention_counts[(kind, name)])
         for kind, name in mention_counts),
        key=lambda e: e.key,
    ))
    return Resolution(entities=entities, keys=keys)


class _Links:
    """Union–find over (type, name), deterministic: a group's root is its smallest member."""

    def __init__(self) -> None:
        self.parent: dict[Typed, Typed] = {}

    def find(self, item: Typed) -> Typed:
        parent = self.parent.get(item, item)
        if parent == item:
            return item
        root = self.find(parent)
        self.parent[item] = root
        return root

    def union(self, a: Typed, b: Typed) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            low, high = sorted((root_a, root_b))
            self.parent[high] = low


def _canonical_rank(typed: Typed, counts: Counter[Typed]) -> tuple:
    # The name a group goes by: a person's full name, not a surname; then the form the corpus uses most
    # ("John Lennon" over a stray "Beatle John Lennon"; news keeps to an acronym once it is defined:
    # "U.N.", "IRGC"), not shouted in capitals, one without a country in front ("State Department" over
    # "U.S. State Department"), the expansion over the acronym, then the fullest.
    kind, name = typed
    first = name.split()[0].lower() if name.split() else ""
    return (kind == "Person" and " " not in name, name.isupper() and len(name) > 5, -counts[typed],
            kind == "Organization" and first in countries(), bool(ACRONYM.match(name)), -len(name.split()),
            -len(name), name)


def _people_in_article(names: Counter[Typed]) -> dict[str, str]:
    """The full name that each shorter name of a person stands for in one article (`names`, its mentions).

    "Soleimani", "al-Muhandis" and "Trump" are the one person the article names in full with that surname;
    "John Kennedy" is "John F. Kennedy" when both are written, the same first name and surname.

    >>> people = Counter({("Person", "John F. Kennedy"): 1, ("Person", "John Kennedy"): 1, ("Person", "Kennedy"): 2})
    >>> _people_in_article(people)
    {'John Kennedy': 'John F. Kennedy', 'Kennedy': 'John F. Kennedy'}
    >>> _people_in_article(Counter({("Person", "George W. Bush"): 1, ("Person", "Jeb Bush"): 1, ("Person", "Bush"): 1}))
    {}
    >>> _people_in_article(Counter([("Person", "Abu Mahdi al-Muhandis"), ("Person", "Mahdi al-Muhandis"),
    ...                             ("Person", "al-Muhandis")]))
    {'Mahdi al-Muhandis': 'Abu Mahdi al-Muhandis', 'al-Muhandis': 'Abu Mahdi al-Muhandis'}
    """
    full_names = sorted(name for kind, name in names if kind == "Person" and " " in name)
    fuller: dict[str, str] = {}
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in full_names:
        by_ends[(name.split()[0].lower(), surname_key(name))].append(name)
    for forms in by_ends.values():
        if len({len(f.split()) for f in forms}) > 1:
            longest = min(forms, key=lambda f: (-len(f.split()), f))
            fuller.update((form, longest) for form in forms if form != longest)
    fuller.update(_first_surnames(full_names, fuller))
    # Part of a full name first ("Mahdi al-Muhandis"), so that a surname then finds one person, not two.
    shorter_ones = [n for n in full_names if n not in fuller]
    shorter_ones += sorted(name for kind, name in names if kind == "Person" and " " not in name)
    for name in shorter_ones:
        by_surname: set[str] = {fuller.get(n, n) for n in full_names if surname_key(n) == surname_key(name)}
        candidates = by_surname - {name}
        if len(candidates) == 1 and (" " not in name or _is_part_of(name, next(iter(candidates)))):
            fuller[name] = next(iter(candidates))
    return dict(sorted(fuller.items()))


def _first_surnames(full_names: list[str], fuller: dict[str, str]) -> dict[str, str]:
    """A first name and a middle part of one full name are that person: "Andres Arias" is "Andres Felipe
    Arias Leiva" (a first surname, the usual short form of a Spanish name).

    >>> _first_surnames(["Andres Arias", "Andres Felipe Arias Leiva", "Andres Lopez"], {})
    {'Andres Arias': 'Andres Felipe Arias Leiva'}
    """
    found = {}
    for name in full_names:
        words = name.split()
        if name in fuller or len(words) != 2:
            continue
        longer = [f for f in full_names if len(f.split()) >= 3 and f.split()[0] == words[0] and words[1] in f.split()[1:-1]]
        if len(longer) == 1:
            found[name] = fuller.get(longer[0], longer[0])
    return found


def _is_part_of(short: str, full: str) -> bool:
    # "al-Muhandis" is part of "Abu Mahdi al-Muhandis"; "Mahdi al-Muhandis" too; "De Mistura" of "Staffan de
    # Mistura" (a particle is capitalised when it opens the name).
    short, full = short.lower(), full.lower()
    return full.endswith(" " + short) or SURNAME_PARTICLES.sub("", short) == SURNAME_PARTICLES.sub("", full.split()[-1])


def _first_names(names: Counter[Typed], fuller: dict[str, str]) -> dict[str, str]:
    """A one-word name that is the first word of one full name of the article, and the surname of none, is
    that person: "Xi" is Xi Jinping (a family name written first), "Matthew" Matthew Heath.

    >>> _first_names(Counter([("Person", "Xi Jinping"), ("Person", "Xi"), ("Person", "Liu He")]), {})
    {'Xi': 'Xi Jinping'}
    >>> _first_names(Counter([("Person", "John Smith"), ("Person", "John Doe"), ("Person", "John")]), {})
    {}
    """
    full_names = sorted({fuller.get(n, n) for kind, n in names if kind == "Person" and " " in n})
    found = {}
    for kind, name in sorted(names):
        if kind != "Person" or " " in name or name in fuller:
            continue
        starting = [f for f in full_names if f.split()[0] == name]
        if len(starting) == 1 and not any(surname_key(f) == surname_key(name) for f in full_names):
            found[name] = starting[0]
    return found


# "Department of State", "U.S. Department of the Treasury": the forms news turns round ("State Department").
DEPARTMENT_OF = re.compile(r"^(?P<before>.*?)\bDepartment of (?:the )?(?P<portfolio>[A-Z][\w ]*)$")
DEPARTMENT_AFTER = re.compile(r"^(?P<before>.*?)\b(?P<portfolio>[A-Z][\w ]*?) Department$")


def department_form(name: str) -> str | None:
    """One key for the two ways news writes a department's name.

    >>> department_form("U.S. Department of the Treasury") == department_form("U.S. Treasury Department")
    True
    >>> department_form("Department of State") == department_form("State Department"), department_form("Pentagon")
    (True, None)
    """
    match = DEPARTMENT_OF.match(name) or DEPARTMENT_AFTER.match(name)
    if match is None:
        return None
    return f"{match['before'].strip().lower()}|{match['portfolio'].strip().lower()}"


def _link_known_organizations(surfaces: dict[Typed, Counter[str]], links: "_Links") -> None:
    """The names of one well-known organization (`organizations.tsv`: "U.N.", "United Nations") are one
    node, named by the form the corpus writes most."""
    for typed in sorted(surfaces):
        canonical = known_organizations().get(typed[1].lower()) if typed[0] == "Organization" else None
        if canonical is not None:
            links.union(("Organization", canonical), typed)


def _link_department_forms(surfaces: dict[Typed, Counter[str]], links: "_Links") -> None:
    """"State Department", "Department of State" and "U.S. Department of State" name one department, across
    the corpus: the country in front is dropped when it is the one whose department it is
    (`offices_of_state.tsv`)."""
    owners = {department_form(row["department"]): row["country"] for row in offices_of_state().values()}
    first: dict[str, Typed] = {}
    for typed in sorted(surfaces):
        if typed[0] == "Organization" and (form := department_form(typed[1])) is not None:
            before, portfolio = form.split("|", 1)
            country = countries().get(before) or countries().get(before + ".")
            if country is not None and owners.get(f"|{portfolio}") == country.name:
                form = f"|{portfolio}"
            links.union(first.setdefault(form, typed), typed)


def _link_surnames_across(surfaces: dict[Typed, Counter[str]], counts: Counter[Typed], links: _Links) -> None:
    """A person's shorter name that no article explains joins the person the corpus names in full with it:
    the only one, or one it names far more often than the others together ("Booth" in CoNLL04: John Wilkes
    Booth 17 times, Edwin Booth once). "Kennedy", with several Kennedys named about as often, stays an
    entity of its own.

    Names of two words or more that are part of a longer one ("Villar Anleu") go first, so that a surname
    then finds one person and not two.
    """
    people = sorted(name for kind, name in surfaces if kind == "Person")
    full_names: dict[str, list[str]] = defaultdict(list)
    for name in people:
        if " " in name:
            full_names[surname_key(name)].append(name)
    for shorter_ones in ([n for n in people if " " in n], [n for n in people if " " not in n]):
        for name in shorter_ones:
            typed = ("Person", name)
            if links.find(typed) != typed:
                continue  # already one with a fuller name
            mentions: Counter[Typed] = Counter()
            for other in full_names.get(surname_key(name), ()):
                root = links.find(("Person", other))
                if root != typed and (" " not in name or _is_part_of(name, other)):
                    mentions[root] += counts[("Person", other)]
            if mentions:
                (best, most), = mentions.most_common(1)
                if most >= SURNAME_MAJORITY * sum(mentions.values()):
                    links.union(typed, best)


def _acronym_definitions(placed: list[tuple[int, int, Typed]]) -> Iterator[tuple[str, str]]:
    """Acronyms written right next to the name they stand for, in brackets: "Revolutionary Guards Corps
    [IRGC]", "PAN (National Action Party)". Read from the mentions' offsets (the article text is not
    kept after extraction): two organizations at most three characters apart whose initials agree."""
    organizations = [(start, end, name) for start, end, (kind, name) in placed if kind == "Organization"]
    for (_, end, first), (start, _, second) in pairwise(organizations):
        if not 2 <= start - end <= 3:
            continue
        for acronym, expansion in ((second, first), (first, second)):
            if ACRONYM.match(acronym) and not ACRONYM.match(expansion) and _initials_agree(acronym, expansion):
                yield acronym, expansion


def _initials_agree(acronym: str, expansion: str) -> bool:
    """Whether most letters of an acronym are initials of the name.

    >>> _initials_agree("IRGC", "Revolutionary Guards Corps"), _initials_agree("IBM", "Acme Corp")
    (True, False)
    """
    letters, initials = set(acronym.replace(".", "").upper()), set(_initials(expansion))
    return len(letters & initials) >= max(2, 0.6 * len(letters))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in NAME_FUNCTION_WORDS).upper()


def _organization_links(names: Counter[Typed]) -> list[tuple[str, str]]:
    """(shorter name, fuller name) of each organization one article (`names`, its mentions) names both ways:
    "State Department" and "U.S. State Department", "IRGC" and "Revolutionary Guards Corps"."""
    organizations = sorted(name for kind, name in names if kind == "Organization")
    pairs = []
    for short in organizations:
        for long in organizations:
            if short != long and _shortened(short, long, names[("Organization", short)] > names[("Organization", long)]):
                pairs.append((short, long))
        # "FAA" next to "Federal Aviation Administration" in the same article.
        if ACRONYM.match(short):
            # "Charleston's Joint Terrorism Task Force" and "JTTF": a possessive in front is no initial.
            expansions = [o for o in organizations if o != short and short.replace(".", "") in
                          {_initials(o), _initials(POSSESSOR_IN_FRONT.sub("", o))}]
            if len(expansions) == 1:
                pairs.append((short, expansions[0]))
    return pairs


def _shortened(short: str, long: str, short_is_usual: bool) -> bool:
    """Whether `long` is `short` with words that do not change what it names: a country in front ("U.S.
    State Department"), a generic word behind ("Revolutionary Guards Corps"), or one word in front of a
    name the article usually writes without it ("Elite Quds Force" in a headline)."""
    a, b = short.split(), long.split()
    for offset in range(len(b) - len(a) + 1):
        if b[offset : offset + len(a)] == a:
            before, after = b[:offset], b[offset + len(a) :]
            if len(a) == 1 and before:
                return False
            countries_before = all(w.lower() in countries() for w in before)
            usual_without = len(before) == 1 and short_is_usual and not after
            return (countries_before or usual_without) and all(w.lower().strip(".") in GENERIC_SUFFIXES for w in after)
    return False


def _all_mentions(facts: ArticleFacts) -> Iterable[Mention]:
    yield from facts.mentions
    for role in facts.roles:
        yield role.person
        if role.organization is not None:
            yield role.organization
        if role.state is not None:
            yield role.state
    for event in facts.events:
        yield event.actor
        if event.target is not None:
            yield event.target


def _provisional(mention: Mention) -> Typed | None:
    name = clean(mention.text)
    if not name:
        return None
    if mention.type in {"Place", "Group", "Organization"}:
        country = country_of_form(name)
        if country is not None:
            return "Country", country.name
        organization = known_organizations().get(name.lower())
        # A people or adjective ("Republican") stands for the organization's name; a name written as an
        # organization's ("U.N.") stays as written and joins the others through `_link_known_organizations`.
        if organization is not None and mention.type != "Organization":
            return "Organization", organization
    if mention.type == "Group":
        return None  # a people or party that stands for no country names no single entity
    if mention.type == "Person":
        # Titles stand before the name; the same words inside it are names ("John Major", "Martin
        # Luther King Jr.").
        words = name.split()
        while len(words) > 1 and words[0].lower().strip(".") in HONORIFICS:
            words.pop(0)
        name = " ".join(words)
    return mention.type, name


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
