"""Resolve: merge the mentions of one real-world entity into one node, across a whole corpus.

"President Trump", "Trump" and "Donald Trump" are one person; "U.S.", "US" and "the United States"
one country; "Iranian" stands for Iran where a people or adjective stands for its country. Every
surface form is kept as an alias. Keys are derived from the entity's type and canonical name, so the
same corpus always gives the same keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from kg.data import offices_of_state, role_nouns, title_abbreviations, title_words, word_lists
from kg.extract import ArticleFacts, Mention
from kg.gazetteer import countries, country_of_form, department_form, known_organizations
from kg.names import ACRONYM, SURNAME_PARTICLES, clean, entity_key, surname_key

@dataclass(frozen=True)
class Entity:
    """One real-world entity: its canonical name, every way the text names it, how often it is named."""

    key: str  # "person/donald-trump": type and canonical name, stable across runs
    type: str  # Person, Organization, Country, Place
    name: str
    aliases: tuple[str, ...]
    mentions: int


Typed = tuple[str, str]  # (entity type, name)
Span = tuple[int, int]  # (start, end) of a mention in its article


@dataclass(frozen=True)
class NameTables:
    """What resolution keeps of a corpus to tell which entity a mention of one of its articles names:
    tables of names, not of mentions, so that their size grows with the corpus's vocabulary of names,
    not with its length."""

    keys: dict[Typed, str] = field(hash=False)  # each name as an article resolves it -> its entity's key
    # Shorter names of organizations that mean several organizations across the corpus ("Foreign
    # Ministry"): an article resolves them by the fuller name it gives, if it gives one.
    ambiguous: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Resolution:
    """The entities of a corpus, and the tables (`names`) that tell, article by article (`keys_in`), the
    entity each mention names.

    No key is kept per mention: an article's keys are worked out again from its own mentions when they
    are needed (a build writes the graph article by article), so that the memory of a resolution does
    not grow with the corpus. A resolution made from facts in memory (`resolve` given a list) keeps a
    reference to them, so that `entity_of` can look a mention up by its article's id.
    """

    entities: tuple[Entity, ...]
    names: NameTables = field(repr=False)
    corpus: tuple[ArticleFacts, ...] | None = field(default=None, repr=False, compare=False)

    def keys_in(self, facts: ArticleFacts) -> dict[Span, str]:
        """The entity key of each mention of one article of the corpus, by its (start, end)."""
        keys = self.names.keys
        return {span: keys[typed] for span, typed in _resolved_in_article(_read_article(facts), self.names.ambiguous).items()
                if typed in keys}

    @cached_property
    def keys(self) -> dict[tuple[str, int, int], str]:
        """(article id, start, end) -> entity key of every mention, for a resolution of facts in memory."""
        if self.corpus is None:
            raise ValueError("the resolution of a stream of facts has no key per mention: use keys_in(facts)")
        return {(facts.article.id, *span): key for facts in self.corpus for span, key in self.keys_in(facts).items()}

    def entity_of(self, article_id: str, mention: Mention | None) -> Entity | None:
        if mention is None:
            return None
        key = self.keys.get((article_id, mention.start, mention.end))
        return self.by_key.get(key) if key else None

    @cached_property
    def by_key(self) -> dict[str, Entity]:
        # Computed once: entity_of runs for every participant of every fact.
        return {e.key: e for e in self.entities}

# The word lists of kg/data/name_words.tsv, each commented there.
GENERIC_SUFFIXES = word_lists("name_words.tsv")["generic_suffix"]
# The share of the corpus's full-name mentions of one surname that one person must have for an
# unexplained surname to be that person ("Booth": John Wilkes Booth 17 of 18).
SURNAME_MAJORITY = 0.9
NAME_FUNCTION_WORDS = word_lists("name_words.tsv")["name_function_word"]
POSSESSOR_IN_FRONT = re.compile(r"^\S+[’']s\s+")
# A unit's number before its initials: "3rd MAW".
UNIT_NUMBER_IN_FRONT = re.compile(r"^\d+(st|nd|rd|th|d) \S+$")


def resolve(corpus: Iterable[ArticleFacts]) -> Resolution:
    """Group every mention of the corpus (entities, role and event participants) by the entity it names.

    Within an article: a surname (or a shorter name) is the person the article names in full with it, in
    that article only (of two people it names in full with one surname, the one named last before it), so
    a surname two people share never merges them; an acronym the organization it is
    defined for or whose initials it is, and a shortened or embellished organization name ("Elite Quds
    Force", "Revolutionary Guards") the organization named in full, everywhere when the corpus gives it
    one meaning and in its article only when it gives it several. Across the corpus: the same name is
    the same entity, a shorter name its article never explains is the person the corpus names in full
    with it (the only one, or one named nine times in ten; otherwise an entity of its own), and an acronym defined
    in one article means the same elsewhere.

    The corpus is read twice, article by article (a list, or anything that iterates afresh each time, such
    as a build's facts file; a one-off iterator is read into memory first): once for the fuller names of
    organizations, once for the names as their articles resolve them. Only tables of names stay in memory.
    """
    if iter(corpus) is corpus:  # a one-off iterator: the facts are in memory anyway
        corpus = tuple(corpus)
    fuller_names: dict[str, set[str]] = defaultdict(set)
    for facts in corpus:
        for short, full in _organization_links(_read_article(facts).names):
            fuller_names[short].add(full)
    ambiguous = frozenset(short for short, fulls in fuller_names.items() if len(fulls) > 1)
    surfaces: dict[Typed, Counter[str]] = defaultdict(Counter)
    definitions: dict[str, set[str]] = defaultdict(set)
    named_by_alias: set[tuple[Typed, Typed]] = set()  # (the name's, the alias's) where they differ
    for facts in corpus:
        article = _read_article(facts)
        typed = _resolved_in_article(article, ambiguous)
        for span, name in typed.items():
            surfaces[name][article.written[span]] += 1
        for acronym, expansion in _acronym_definitions(sorted((*span, name) for span, name in typed.items())):
            definitions[acronym].add(expansion)
        named_by_alias.update((typed[name], typed[alias]) for name, alias in article.aliases
                              if name in typed and alias in typed and typed[name] != typed[alias])
    counts: Counter[Typed] = Counter({typed: forms.total() for typed, forms in surfaces.items()})
    links = _corpus_links(fuller_names, definitions, surfaces, counts)
    # "Ruben Oseguera-Gonzalez, also known as El Menchito": one entity, named by the name, not the alias.
    alias_names = set()
    for name, alias in sorted(named_by_alias):
        links.union(name, alias)
        alias_names.add(alias)
    groups: dict[Typed, list[Typed]] = defaultdict(list)
    for typed in sorted(surfaces):
        groups[links.find(typed)].append(typed)
    canonical: dict[Typed, Typed] = {}
    for members in groups.values():
        best = min(members, key=lambda t: (t in alias_names, _canonical_rank(t, counts)))
        for typed in members:
            canonical[typed] = best
    return Resolution(_entities(surfaces, counts, canonical),
                      NameTables({typed: entity_key(*canonical[typed]) for typed in surfaces}, ambiguous),
                      tuple(corpus) if isinstance(corpus, Sequence) else None)


@dataclass
class _Article:
    """The mentions of one article: each one's provisional (type, name) and the name as written, by its
    span; how often the article names each; and the (name, alias) spans it gives."""

    typed: dict[Span, Typed] = field(default_factory=dict)
    written: dict[Span, str] = field(default_factory=dict)
    names: Counter[Typed] = field(default_factory=Counter)
    aliases: list[tuple[Span, Span]] = field(default_factory=list)


def _read_article(facts: ArticleFacts) -> _Article:
    article = _Article()
    for mention in _all_mentions(facts):
        span = (mention.start, mention.end)
        if span in article.typed:
            continue
        typed = _provisional(mention)
        if typed is None:
            continue
        article.typed[span] = typed
        article.written[span] = clean(mention.text)
        article.names[typed] += 1
    article.aliases = [((name.start, name.end), (alias.start, alias.end)) for name, alias in facts.aliases]
    return article


def _resolved_in_article(article: _Article, ambiguous: frozenset[str]) -> dict[Span, Typed]:
    """Each mention's name once its article has replaced a shorter name by the fuller one it gives.

    A person's shorter name means whom its own article names in full, and only there: "Bush" is George W.
    Bush in one article and Jeb Bush in another, so the two never become one through "Bush". An
    organization's shorter name that means several organizations across the corpus (`ambiguous`: "Foreign
    Ministry", Iran's here, Russia's there) is resolved in each article alone; one that means one
    organization throughout is linked to it across the corpus instead (`_corpus_links`).
    """
    people = _people_in_article(article.names)
    people.update(_first_names(article.names, people))
    fuller: dict[Typed, Typed] = {("Person", short): ("Person", full) for short, full in people.items()}
    local: dict[str, set[str]] = defaultdict(set)
    for short, full in _organization_links(article.names):
        if short in ambiguous:
            local[short].add(full)
    fuller.update({("Organization", short): ("Organization", next(iter(fulls)))
                   for short, fulls in local.items() if len(fulls) == 1})
    nearest = _nearest_namesakes(article.typed, fuller)
    return {span: nearest.get(span) or fuller.get(typed, typed) for span, typed in article.typed.items()}


def _nearest_namesakes(typed: dict[Span, Typed], fuller: dict[Typed, Typed]) -> dict[Span, Typed]:
    """A surname its article gives two people in full ("Alan R. Nelson", "Pamela Nelson") is the one it named
    last before it: news writes the surname alone right after the full name. A surname before both full
    names stays a name of its own."""
    found: dict[Span, Typed] = {}
    last_full: dict[str, Typed] = {}  # surname → the full name the article wrote last
    for span, name in sorted((s, t) for s, t in typed.items() if t[0] == "Person"):
        full = fuller.get(name, name)
        if " " in full[1]:
            last_full[surname_key(full[1])] = full
        elif name not in fuller and surname_key(full[1]) in last_full:
            found[span] = last_full[surname_key(full[1])]
    return found


def _corpus_links(fuller_names: dict[str, set[str]], definitions: dict[str, set[str]],
                  surfaces: dict[Typed, Counter[str]], counts: Counter[Typed]) -> "_Links":
    """The names across the corpus that name one entity: organizations' shorter names and acronyms with
    one meaning, surnames, a department's forms, a known organization's names, names that differ in case."""
    links = _Links()
    for short, fulls in sorted(fuller_names.items()):
        if len(fulls) == 1:
            links.union(("Organization", short), ("Organization", next(iter(fulls))))
    for acronym, expansions in sorted(definitions.items()):
        if len(expansions) == 1:
            links.union(("Organization", acronym), ("Organization", next(iter(expansions))))
    _link_surnames_across(surfaces, counts, links)
    _link_department_forms(surfaces, links)
    _link_known_organizations(surfaces, links)
    # Names that differ only in case or punctuation ("CHICAGO", "Chicago") name one entity.
    by_key: dict[str, Typed] = {}
    for typed in sorted(surfaces):
        links.union(by_key.setdefault(entity_key(*typed), typed), typed)
    return links


def _entities(surfaces: dict[Typed, Counter[str]], counts: Counter[Typed], canonical: dict[Typed, Typed]) -> tuple[Entity, ...]:
    mention_counts: Counter[Typed] = Counter()
    aliases: dict[Typed, set[str]] = defaultdict(set)
    for typed, forms in surfaces.items():
        mention_counts[canonical[typed]] += counts[typed]
        aliases[canonical[typed]].update(forms)
        aliases[canonical[typed]].add(typed[1])
    return tuple(sorted(
        (Entity(entity_key(kind, name), kind, name, tuple(sorted(aliases[(kind, name)] - {name})),
                mention_counts[(kind, name)])
         for kind, name in mention_counts),
        key=lambda e: e.key,
    ))


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
    """Whether most letters of an acronym are initials of the name, and most of the name's initials letters
    of the acronym: "... Rio Grande City Police Department. CBP officers" defines no CBP.

    >>> _initials_agree("IRGC", "Revolutionary Guards Corps"), _initials_agree("IBM", "Acme Corp")
    (True, False)
    >>> _initials_agree("CBP", "Rio Grande City Police Department")
    False
    """
    letters, initials = set(acronym.replace(".", "").upper()), set(_initials(expansion))
    shared = len(letters & initials)
    return shared >= max(2, 0.6 * len(letters)) and shared >= 0.6 * len(initials)


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
        # "FAA" next to "Federal Aviation Administration" in the same article; "3rd MAW" next to "3rd Marine
        # Aircraft Wing" (a unit's number stands before its initials as before its name).
        number, _, letters = short.rpartition(" ") if UNIT_NUMBER_IN_FRONT.match(short) else ("", "", short)
        if ACRONYM.match(letters):
            expansions = [o for o in organizations if o != short and o.startswith(number)
                          and (letters.replace(".", "") in _initials_forms(o.removeprefix(number).strip())
                               or _syllabic_acronym(letters, o))]
            if len(expansions) == 1:
                pairs.append((short, expansions[0]))
    return pairs


def _syllabic_acronym(acronym: str, name: str) -> bool:
    """Whether an acronym of four letters or more is made of the beginnings of the name's words, in order, from
    its first word (after a country's) to its last: "AMISOM" of "Africa Union Mission in Somalia", "CENTCOM"
    of "U.S. Central Command", "UNAMA" of "U.N. Assistance Mission in Afghanistan".

    >>> _syllabic_acronym("AMISOM", "Africa Union Mission in Somalia"), _syllabic_acronym("NATO", "Nato Summit")
    (True, False)
    """
    words = [w.replace(".", "").upper() for w in _without_country(name).split()]
    letters = acronym.replace(".", "").upper()
    if len(letters) < 4 or not letters.isalpha() or len(words) < 2:
        return False

    def spelled(rest: str, k: int) -> bool:  # `rest` begins with a beginning of words[k] and spells on to the end
        return any(rest[:n] == words[k][:n] and (n == len(rest) and k == len(words) - 1
                                                 or any(spelled(rest[n:], j) for j in range(k + 1, len(words))))
                   for n in range(1, min(len(rest), len(words[k])) + 1))

    return spelled(letters, 0)


def _initials_forms(name: str) -> set[str]:
    """The initials an acronym of `name` may spell: "Charleston's Joint Terrorism Task Force" is JTTF (a
    possessive in front is no initial), "U.S. Customs and Border Protection" CBP (nor is a country in front).

    >>> sorted(_initials_forms("U.S. Customs and Border Protection"))
    ['CBP', 'UCBP']
    """
    return {_initials(name), _initials(POSSESSOR_IN_FRONT.sub("", name)), _initials(_without_country(name))}


def _without_country(name: str) -> str:
    # "U.S. Customs and Border Protection" → "Customs and Border Protection"; a name of two words keeps its first.
    words = name.split()
    return " ".join(words[1:]) if len(words) > 2 and words[0].lower() in countries() else name


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
    # An alias first: it is typed as the entity it names, whatever the model tagged it.
    yield from (alias for _, alias in facts.aliases)
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
        while len(words) > 1 and _is_title_word(words[0]):
            words.pop(0)
        name = " ".join(words)
    return mention.type, name


def _is_title_word(word: str) -> bool:
    """A title, rank or honorific (`title_words.tsv`, `roles.txt`, `title_abbreviations.tsv`): no part of a
    person's name when it stands first ("Treasury Secretary Steven Mnuchin", "Sen. Kennedy").

    >>> [_is_title_word(w) for w in ("Gen.", "Ayatollah", "Deputy", "Secretary", "Rep.", "Steven")]
    [True, True, True, True, True, False]
    """
    lower = word.lower()
    return (lower.strip(".") in role_nouns() or lower in title_words() or lower.strip(".") in title_words()
            or lower in title_abbreviations() or lower + "." in title_abbreviations())
