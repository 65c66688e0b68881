"""Person–role–organization facts, from every way news writes them.

- titles before the name: "Iranian Foreign Minister Javad Zarif", "Quds Force Commander General Qassem
  Soleimani" (General is a rank, the role is Commander), "Pentagon Press Secretary Navy Rear Adm. John
  Kirby" (the organization inside the title; a service and a rank between it and the name), "Former U.S.
  Vice President and current presidential candidate for the Democratic Party Joseph Biden" (two roles, one
  former);
- appositions, either way round: "Bill Roggio, a senior fellow at the ... Foundation for the Defense of
  Democracies", "John A. Georges, International Paper's chairman", "Iran Supreme Leader, Ayatollah Ali
  Khamenei", a press release's "W. Craig Fugate, Administrator, Federal Emergency Management Agency";
- predicates: "X, who is a major in the Marine Corps", "X became chairman of Y", "X was named president of
  Y", "X, who works for Y", "X heads Y" (verbs in `kg/data/role_verbs.tsv`);
- affiliation: "Roger K. Crouch of NASA", "Brian Mulroney's Progressive Conservative Party";
- nouns of office: "the appointment of X to be Under Secretary", "the resignation of X as Secretary of ..." (former);
- lists: names alone on their lines under "OFAC designated the following two individuals, who are leaders of Y:".

A country named as the employer ("Iranian", "U.S.") stands for its government when no organization is
named. Within a document, a bare title ("President Trump") takes the organization the same person holds
that role in elsewhere, and a portfolio title ("Defense Secretary") the department the text names
("Defense Department"). A foreign office ("Defense Minister Prawit Wongsuwan") is held in the one foreign
country named around it; a bare office of the article's own state (known from the offices it names, its
publisher or a "WASHINGTON —" dateline) in that state.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from kg.data import (capitals, government_titles, offices_of_state, role_nouns, role_verbs, seats_of_government,
                     state_titles, title_abbreviations, title_words, word_list, word_lists)

from kg.extract.facts import Mention, RoleFact, entity_containing, evidence_of, is_chrome, mention_of
from kg.extract.labels import (AGENTS, ANY_SUBJECTS, APPOSITION, COMPLEMENTS, COUNTRY_LABELS, INNER_CLAUSES,
                              NAME_MODIFIERS, NEGATIONS, NOUN_CLAUSES, ORGANIZATION_LABELS, PARTICLES, PASSIVE_SUBJECTS,
                              PREPOSITION_OBJECTS, RELATIVE_CLAUSES, ROLE_COMPLEMENTS, ROLE_MODIFIERS,
                              TITLE_ENTITY_LABELS)
from kg.extract.when import DATELINE_DASHES  # "WASHINGTON —": what ends a dateline's place
from kg.gazetteer import countries, department_form
from kg.nlp import is_compound_title

# The word lists of kg/data/role_words.tsv, each commented there.
_WORDS = word_lists("role_words.tsv")
ROLE_PREPOSITIONS = _WORDS["role_preposition"]
WORKPLACE_PREPOSITIONS = _WORDS["workplace_preposition"]
AFFILIATION_PREPOSITIONS = _WORDS["affiliation_preposition"]
PRINCIPAL_PREPOSITIONS = _WORDS["principal_preposition"]
ROLE_COPULAS = _WORDS["role_copula"]
# "X serves as chairman of Y": the role is the object of "as".
AS_PREPOSITION = "as"
TITLE_PREPOSITIONS = _WORDS["title_preposition"]
COORDINATORS = _WORDS["coordinator"]
VENUE_PREPOSITIONS = _WORDS["venue_preposition"]
# "Deputy Prime Minister/Foreign Minister Dar": two titles before one name.
TITLE_JOINERS = COORDINATORS | {"/"}
DETERMINERS = _WORDS["determiner"]
DEFINITE_ARTICLES = _WORDS["definite_article"]
POSSESSIVE_MARKS = _WORDS["possessive_mark"]
ATTRIBUTIVE_PARTICIPLES = _WORDS["attributive_participle"]
SPEECH_VERBS = _WORDS["source_verb"]
COMPANY_NOUNS = _WORDS["company_noun"]
COMPANY_SUFFIXES = _WORDS["company_suffix"]
NAMING_PARTICIPLES = _WORDS["naming_participle"]
ADVERBS_OF_FORMER_OFFICE = _WORDS["former_adverb"]
LEAVING_VERBS = _WORDS["leaving_verb"]
REMOVAL_VERBS = _WORDS["removal_verb"]
RELATION_NOUNS = _WORDS["relation_noun"]
TITLE_PREFIXES = _WORDS["title_prefix"]
MILITARY_SERVICES = _WORDS["military_service"]
ROYAL_TITLES = _WORDS["royal_title"]
PRIVATE_OCCUPATIONS = _WORDS["private_occupation"]
SHIP_PREFIXES = _WORDS["ship_prefix"]
# "Deputy Assistant Secretary of the Treasury for Terrorist Financing": the rank, the department, the bureau.
BUREAU_TITLE = re.compile(r"^(?P<rank>.+?) of (?P<department>(?:the )?\w+) (?P<bureau>for .+)$", re.IGNORECASE)
MONTHS = word_lists("event_words.tsv")["month"]
MONARCHIES = _WORDS["monarchy"]
LEAVING_NOUNS = _WORDS["leaving_noun"]
DESTINATION_PREPOSITIONS = _WORDS["destination_preposition"]
APPOINTMENT_NOUNS = _WORDS["appointment_noun"]
DELEGATION_NOUNS = _WORDS["delegation_noun"]
DELEGATION_PREPOSITIONS = _WORDS["delegation_preposition"]
ENDING_PREPOSITIONS = _WORDS["ending_preposition"]
DEPARTMENT_WORDS = _WORDS["department_word"]
DEPARTMENT_VOICES = _WORDS["department_voice"]
# Words that make a title a company's, not an office of a state (`corporate_title_words.txt`).
CORPORATE_TITLE_WORDS = word_list("corporate_title_words.txt")
# Labels given when the text names an affiliation but no role word.
AFFILIATION_ROLE = "member"
POSSESSED_ORGANIZATION_ROLE = "leader"
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


class Title(NamedTuple):
    """A role as the text states it, before it is tied to a person."""

    label: str
    organization: Mention | None
    former: bool
    start: int  # character offsets of the words that state it
    end: int


def role_facts(doc: Doc, publisher: str | None = None) -> Iterator[RoleFact]:
    """Yield the role facts of a document in text order. `publisher`: the state whose officials the
    publisher names without saying so (`kg.gazetteer.publisher_state`), for bare titles the text ties to
    no state."""
    facts: list[RoleFact] = []
    # "Pentagon Press Secretary Navy Rear Adm. John Kirby": the model may take the service for a person.
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and not is_chrome(ent[0])
              and ent.text.lower() not in MILITARY_SERVICES and not _is_portfolio_entity(ent)]
    found = {person.start: _stated_titles(person) for person in people}
    for person in people:
        titles = _partners_organization(person, found[person.start], found) or _shared_titles(person, people, found)
        for title in titles:
            start, end = min(title.start, person.start_char), max(title.end, person.end_char)
            # A title stated in an earlier sentence (a list's heading): the evidence runs from there to the name.
            sentence = person.sent if start >= person.sent.start_char else doc[doc.char_span(
                start, start + 1, alignment_mode="expand").sent.start : person.sent.end]
            facts.append(RoleFact(mention_of(person), title.label, _part_named(doc, title.organization), title.former,
                                  evidence_of(sentence, start, end)))
    yield from sorted(_consolidate(doc, facts, publisher), key=lambda f: (f.evidence.start, f.person.start, f.role))


def _part_named(doc: Doc, organization: Mention | None) -> Mention | None:
    """The part of an organization its possessive names: "Assistant Attorney General Brian A. Benczkowski
    of the U.S. Department of Justice’s Criminal Division" holds his office in the Criminal Division."""
    if organization is None or organization.end <= organization.start:
        return organization
    span = doc.char_span(organization.start, organization.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].text not in POSSESSIVE_MARKS:
        return organization
    part = entity_containing(doc[span.end + 1])
    if part is None or part.label_ not in ORGANIZATION_LABELS or part.start != span.end + 1 \
            or _is_portfolio_entity(part):
        return organization
    return mention_of(part)


def _stated_titles(person: Span) -> list[Title]:
    """A person's titles in their sentence; "X of Y" makes X a member of Y only when no title with an
    organization is stated: "Special Agent in Charge Jody Norris of the FBI's Columbia Division" is no
    member of the FBI besides."""
    titles = [title for title in [*_titles_before(person), *_appositions(person), *_predicates(person),
                                  *_passive_agent(person), *_appointment(person), *_resignation(person),
                                  *_listed(person)] if not _nationality_only(title)]
    if any(title.organization is not None for title in titles):
        return titles
    return [*titles, *_affiliations(person)]


def _nationality_only(title: Title) -> bool:
    """Whether a title says only where a private person is from: "a Guatemalan citizen", "American journalist
    Steven Sotloff" hold no role at their country (`private_occupation` in role_words.tsv)."""
    words = title.label.lower().split()
    return title.organization is not None and bool(words) and words[-1] in PRIVATE_OCCUPATIONS \
        and title.organization.text.lower().removeprefix("the ") in countries()


def _shared_titles(person: Span, people: list[Span], found: dict[int, list[Title]]) -> list[Title]:
    # "James G. Blight and David A. Welch of Harvard University", "Bellona members Nils Bemer and Tomas
    # Nilsen": people coordinated with each other share the role stated for one of them, when it is written
    # after them all or in the plural; "Agriculture Secretary Sonny Perdue and Peter Navarro" share none.
    return next(([t for t in found[other.start] if _written_for_all(t, person, other)]
                 for other in _partners(person, found) if _only_coordination_between(person, other)), [])


def _written_for_all(title: Title, person: Span, other: Span) -> bool:
    """Whether a title stated for one of two coordinated people is written for both: after the two names,
    or in the plural before them."""
    if title.start >= max(person.end_char, other.end_char):
        return True
    last = person.doc.char_span(title.end - 1, title.end, alignment_mode="expand")
    return last is not None and last[-1].tag_ in PLURAL_NOUN_TAGS


def _partners_organization(person: Span, titles: list[Title], found: dict[int, list[Title]]) -> list[Title]:
    """Titled people coordinated with each other share what the text writes once for them all: "Minister Wang
    Yi and Vice Minister Ma Zhaoxu of China" (the organization after the last name), "Ukrainian Foreign
    Minister Dmytro Kuleba and Defense Minister Oleksii Reznikov" (the country of a title with the same head
    word: a "Foreign Minister" and a "Secretary of State" in one list may serve two states). An office of
    state keeps its own department ("Assistant U.S. Attorney X and Trial Attorney Y of the Office of ...")."""
    open_titles = [t for t in titles if t.organization is None and t.label.lower() not in offices_of_state()]
    if not open_titles:
        return titles
    shared: list[Mention] = []
    for other in _partners(person, found):
        for title in found[other.start]:
            organization = title.organization
            if organization is None:
                continue
            after = organization.start >= other.end_char and other.start > person.start
            if after or organization.type in {"Place", "Group"} and any(
                    t.label.split()[-1].lower() == title.label.split()[-1].lower() for t in open_titles):
                shared.append(organization)
    if not shared:
        return titles
    return [t._replace(organization=shared[0]) if t in open_titles else t for t in titles]


def _partners(person: Span, found: dict[int, list[Title]]) -> list[Span]:
    # The people coordinated with `person` that have titles of their own, in text order.
    # The partners are found from the parse, not by a scan of the article's people: a scan for every untitled
    # person made role extraction quadratic in an article's length (16,000 mentions: 106 s; issue 16).
    # `found` holds every person by start token, so the entity a partner token is in is a person when
    # its start is there.
    root = person.root
    partners = {root.head.i} if root.dep_ == "conj" else set()
    partners |= {c.i for c in root.children if c.dep_ == "conj"}
    others = (entity_containing(person.doc[i]) for i in partners)
    return sorted((o for o in others if o is not None and o.start in found and o.root.i in partners and found[o.start]),
                  key=lambda o: o.start)


def _only_coordination_between(a: Span, b: Span) -> bool:
    first, second = sorted((a, b), key=lambda span: span.start)
    return all(t.lower_ in COORDINATORS or t.text == "," for t in first.doc[first.end : second.start])


# ----------------------------------------------------------------------------- words and entities

def _kind(token: Token) -> str:
    return title_words().get(token.lower_, "")


def _is_role_noun(token: Token) -> bool:
    # A title of several words is one token ("Special Agent in Charge"), whatever the tagger made of it; a
    # rank of several words ("Rear Adm.") is one too, and no role. A monarch's title ("King Abdullah") is
    # an honorific to the tagger (a lone "King" is Martin Luther King) and a role here.
    return (token.lower_ in role_nouns() or token.lower_ in title_abbreviations() or token.lower_ in ROYAL_TITLES) \
        and token.pos_ in {"NOUN", "PROPN", "ADJ"} or is_compound_title(token) and _kind(token) != "rank"


def _is_role_or_rank(token: Token) -> bool:
    # "a major in the Marine Corps": a rank is a role when an organization goes with it; "Attorney General"
    # is an office whatever the tagger made of "General".
    return (_is_role_noun(token) or (_kind(token) == "rank" and token.pos_ == "NOUN") or _office_rank(token)) \
        and not token.ent_type_


def _is_portfolio_entity(span: Span) -> bool:
    # The model often tags "Defense" in "Defense Secretary" as an organization, and "Supreme" in "Iran's
    # Supreme Leader"; they are part of the title.
    return all(_kind(t) in {"portfolio", "modifier"} for t in span)


def _is_label_word(token: Token) -> bool:
    """A word that can be part of a role's label: "senior", "vice", "Foreign", "Defense", "-"."""
    if token.text == "-":
        return True
    if token.ent_type_:
        # "Defense Secretary Leon E. Panetta": the model may tag the portfolio as a person too.
        span = entity_containing(token)
        if span is None or not _is_portfolio_entity(span):
            return False
    if not token.is_alpha and "-" not in token.text:
        return False
    if token.lower_ in DETERMINERS or token.lower_ in TITLE_PREPOSITIONS or token.lower_ in COORDINATORS:
        return False
    if _kind(token) in {"former", "current", "honorific"}:
        return False
    # "commanding officer": the tagger may read a modifier of the title as a verb.
    return token.pos_ in {"NOUN", "PROPN", "ADJ"} or _kind(token) == "modifier"


def _office_rank(token: Token) -> bool:
    """A rank that completes an office of state: "General" in "Assistant Attorney General for National
    Security John C. Demers"."""
    return _kind(token) == "rank" and token.i > 0 and f"{token.doc[token.i - 1].lower_} {token.lower_}" in offices_of_state()


def _label(tokens: list[Token]) -> str:
    words = [t for t in tokens if _kind(t) != "rank" or t is tokens[-1] or _office_rank(t)]
    text = " ".join(title_abbreviations().get(t.lower_, t.text) for t in words)
    return text.replace(" - ", "-").replace("- ", "-").replace(" -", "-")


def _attributive(token: Token) -> bool:
    # "Washington-based": the entity is followed by "-" and a participle, or hangs from one.
    doc = token.doc
    span = entity_containing(token) or doc[token.i : token.i + 1]
    after = doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in ATTRIBUTIVE_PARTICIPLES:
        return True
    return token.head.lower_ in ATTRIBUTIVE_PARTICIPLES


def _organization_among(tokens: Iterable[Token]) -> Mention | None:
    """The organization named among `tokens`: an ORG entity first, else a proper name the model missed,
    else a country (which stands for its government)."""
    tokens = [t for t in tokens if not _attributive(t)]
    for token in tokens:
        if token.ent_type_ in ORGANIZATION_LABELS:
            span = entity_containing(token)
            if not _is_portfolio_entity(span):
                return mention_of(span)
    for token in tokens:
        if token.ent_type_ in COUNTRY_LABELS:
            return mention_of(entity_containing(token))
    return None


def _unnamed_organization(noun: Token) -> Mention | None:
    # "an official with Region 2 Border Patrol Police": a capitalised name the model left untagged.
    if noun.pos_ != "PROPN" or noun.ent_type_ or not noun.is_title or _kind(noun) or noun.lower_ in role_nouns():
        return None
    parts = [t for t in noun.subtree if t.i <= noun.i and (t.pos_ in {"PROPN", "NUM"} or t.dep_ == "compound")]
    start = parts[0].i if parts and all(not t.ent_type_ for t in parts) else noun.i
    span = Span(noun.doc, start, noun.i + 1, label="ORG")
    return mention_of(span)


def _phrase(token: Token, conjuncts: bool = True) -> list[Token]:
    """A token's subtree without the clauses that hang from it ("... causes who was endorsed by X"), and
    without what is coordinated with it unless `conjuncts`."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in INNER_CLAUSES and not (child.dep_ == "acl" and child.lemma_ in NAMING_PARTICIPLES):
            continue
        if not conjuncts and child.dep_ in {"conj", "cc"}:
            continue
        tokens.extend(_phrase(child))
    return sorted(tokens, key=lambda t: t.i)


def _organization_after(noun: Token, prepositions: frozenset[str] = ROLE_PREPOSITIONS) -> Mention | None:
    """The organization in a role noun's prepositional phrases: "chairman of the Joint Chiefs of Staff"."""
    candidates = []
    for prep in [*noun.children, *_misattached_prepositions(noun)]:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            candidates.append(prep)
    for prep in candidates:
        # The object's own name first ("commander of the Region 2 Border Patrol Police (BPP)"), then an
        # organization inside the object ("deputy commander of militias, known as the PMF").
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                found = _organization_among([pobj] if pobj.ent_type_ in ORGANIZATION_LABELS else [])
                found = found or _unnamed_organization(pobj) or _ship(pobj)
                if found is not None:
                    return found
        tokens = [t for t in _phrase(prep) if t is not prep]
        found = _organization_among(t for t in tokens if t.ent_type_ in ORGANIZATION_LABELS)
        if found is not None:
            return found
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (found := _described_organization(pobj)) is not None:
                return found
    for prep in candidates:
        # A country stands for its government only as the object itself: "minister of Iran", not
        # "spokeswoman for the agency in Washington"; and not where a posting is to: "the U.S. ambassador to
        # Japan" serves the United States.
        if prep.lower_ in DESTINATION_PREPOSITIONS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.ent_type_ in COUNTRY_LABELS and not _attributive(pobj):
                return mention_of(entity_containing(pobj))
            if pobj.dep_ == "pobj" and (country := _possessing_country(pobj)) is not None:
                return country
    return None


def _ship(token: Token) -> Mention | None:
    """A warship, whose crew serve in it: "commanding officer of USS Curtis Wilbur" (the model tags the
    ship a product; `ship_prefix` in role_words.tsv)."""
    span = entity_containing(token)
    if span is None or span[0].lower_ not in SHIP_PREFIXES or len(span) < 2:
        return None
    return replace(mention_of(span), type="Organization")


def _possessing_country(noun: Token) -> Mention | None:
    """The country whose body a common noun names: "speaker of Iran's parliament", "a spokesman for China's
    foreign ministry" hold their roles in the government of Iran, of China."""
    if noun.ent_type_ or not noun.is_lower:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.ent_type_ in COUNTRY_LABELS), None)
    return mention_of(entity_containing(owner)) if owner is not None else None


def _principal_organization(noun: Token) -> Mention | None:
    """An aide works where the person they serve holds office: "Mr. Nelson is the Director of Communications
    for Arkansas Governor Michael Huckabee" (Arkansas), "chief of staff to Senator X of Y", "President
    Muhammadu Buhari's spokesman" (Nigeria, when the article writes it: "Nigerian President ...")."""
    served = [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in PRINCIPAL_PREPOSITIONS
              for pobj in prep.children if pobj.dep_ == "pobj"]
    served += [c for c in noun.children if c.dep_ == "poss"]
    for token in served:
        principal = entity_containing(token) if token.ent_type_ == "PERSON" else None
        if principal is not None:
            found = next((t.organization for t in _titles_before(principal) if t.organization is not None), None)
            if found is not None:
                return found
    return None


def _misattached_prepositions(noun: Token) -> list[Token]:
    """Repairs two parses that hang a role's phrase from the word before it. "a jeweler and president of
    Vision Seattle": the phrase after the second of two coordinated nouns is the second noun's. "Matthew G.
    Olsen, Assistant Attorney General for National Security at the U.S. Department of Justice": the phrase
    after an apposed role, hung from the name, is the role's."""
    if noun.dep_ == "appos":
        end = max(t.i for t in noun.subtree)
        return [c for c in noun.head.children if c.dep_ == "prep" and c.i == end + 1]
    if noun.dep_ != "conj" or any(c.dep_ == "prep" for c in noun.children):
        return []
    return [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]


def _described_organization(noun: Token, bare: bool = False) -> Mention | None:
    # "a spokeswoman for the agency": the organization the document named before whose name ends in
    # that noun ("The Environmental Protection Agency"); "the company", "the firm": the organization the
    # sentence named last.
    if noun.pos_ != "NOUN" or not (bare or any(c.lower_ == "the" for c in noun.children)):
        return None
    before = [ent for ent in noun.doc.ents[: _entities_before(noun)] if ent.label_ in ORGANIZATION_LABELS]
    for ent in reversed(before):
        if ent[-1].lemma_.lower() == noun.lemma_.lower():
            return mention_of(ent)
    if noun.lemma_.lower() in COMPANY_NOUNS:
        # This sentence or the one before: "General Motors reported a loss. The company's chief ..."
        previous = noun.doc[noun.sent.start - 1].sent if noun.sent.start > 0 else noun.sent
        in_sentence = [ent for ent in before if ent.sent in (noun.sent, previous)]
        # A name that says it is a company first ("Waste Disposal Co."), else the last one named.
        companies = [ent for ent in in_sentence if ent[-1].lower_.rstrip(".") in COMPANY_SUFFIXES]
        if companies or in_sentence:
            return mention_of((companies or in_sentence)[-1])
    return None


def _entities_before(token: Token) -> int:
    return sum(1 for ent in token.doc.ents if ent.end <= token.i)


# ----------------------------------------------------------------------------- titles before the name

def _titles_before(person: Span) -> Iterator[Title]:
    # Read leftwards from the name: ranks and honorifics, then one or more titles joined by "and", each
    # [former] [organization] label [for/of organization]: "Former U.S. Vice President and current
    # presidential candidate for the Democratic Party Joseph Biden".
    doc, first = person.doc, _repair_split_rank_sentence(person)
    i = person.start - 1
    ranks: list[Token] = []
    while i >= first and not doc[i].ent_type_:
        if doc[i].text == "." and i - 1 >= first and _kind(doc[i - 1]) in {"rank", "honorific"}:
            i -= 1  # "Lt . Pat Philbin": the tokenizer split the abbreviation's full stop
        elif _kind(doc[i]) not in {"rank", "honorific"} or doc[i].lower_ in ROYAL_TITLES:
            break
        if _kind(doc[i]) == "rank":
            ranks.insert(0, doc[i])
        i -= 1
    # "Centcom Commander Marine Corps Gen. Kenneth F. McKenzie": the title stands before the service of the rank.
    service = _service_start(doc, i, first) if ranks else None
    after_service, i = i, (i if service is None else service - 1)
    # "Iran Supreme Leader, Ayatollah Ali Khamenei", "the chairman of the United Djibouti Opposition Front,
    # Mohamed Ahmed Issa": a title set off by a comma right before the name.
    if i - 1 >= first and doc[i].text == "," and not ranks:
        title, _ = _title_ending_at(doc, i - 1, first)
        if title is not None and not _in_a_phrase_of_its_own(doc, title, person):
            i -= 1
    titles: list[Title] = []
    while i >= first:
        title, j = _title_ending_at(doc, i, first)
        if title is None or titles and _definite_title(doc, j, first):
            break
        titles.append(title)
        i = j
        if i >= first and doc[i].lower_ in TITLE_JOINERS:
            i -= 1
            continue
        break
    # "Attorney General Merrick B. Garland": a rank that completes an office of state is part of the title.
    if titles and ranks:
        office = f"{titles[0].label} {' '.join(t.text for t in ranks)}"
        if office.lower() in offices_of_state():
            titles[0] = titles[0]._replace(label=office, end=ranks[-1].idx + len(ranks[-1]))
            ranks = []
    # "President Xi Jinping of China": the organization or country after the name.
    if titles and all(t.organization is None for t in titles):
        # "U.S. Attorney Sherri A. Lydon for the District of South Carolina": "for" too.
        # "... for the Eastern District of Virginia": a judicial district is the place of the office.
        after = next((found for prep in person.root.children if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "for"}
                      for pobj in prep.children if pobj.dep_ == "pobj" and pobj.ent_type_ in {"ORG", "GPE", "LOC"}
                      if (found := _organization_among([pobj]) or _district(pobj)) is not None), None)
        after = after or _organization_apposed_to(person)
        if after is not None:
            titles = [t._replace(organization=after) for t in titles]
    if not titles and ranks:
        # "Army Col. John Smith": a rank is a role only with the organization that gives it.
        organization, start = _organization_before(doc, after_service, first)
        if organization is not None and organization.type == "Organization":
            titles.append(Title(_label(ranks), organization, False, doc[start].idx, ranks[-1].idx + len(ranks[-1])))
    yield from _share_coordinated(titles)


def _organization_apposed_to(person: Span) -> Mention | None:
    """An organization apposed to a titled name right after its comma: "said Port Director Andres Guerra,
    Roma Port of Entry" (the press release's "Name, Organization")."""
    doc = person.doc
    if person.end + 1 >= len(doc) or doc[person.end].text != ",":
        return None
    span = entity_containing(doc[person.end + 1])
    if span is None or span.label_ not in ORGANIZATION_LABELS or span.start != person.end + 1 \
            or span.root.dep_ not in APPOSITION or span.root.head.i != person.root.i:
        return None
    return mention_of(span)


def _repair_split_rank_sentence(person: Span) -> int:
    """Where the sentence of a name starts, repairing a parse that ends a sentence at the full stop of a rank
    the tokenizer split ("Pentagon press secretary Air Force Brig . Gen. Pat Ryder said": the sentence of
    "Pat Ryder" starts at "Gen.")."""
    doc, first = person.doc, person.sent.start
    while first >= 2 and doc[first - 1].text == "." and _kind(doc[first - 2]) == "rank":
        first = doc[first - 2].sent.start
    return first


def _service_start(doc: Doc, i: int, first: int) -> int | None:
    """Where the armed service that ends at `doc[i]` starts, if one does (reading leftwards, not before
    `first`): "Marine Corps" in "Centcom Commander Marine Corps Gen. Kenneth F. McKenzie"
    (`military_service` in role_words.tsv)."""
    return next((start for start in range(max(first, i - 2), i + 1)
                 if " ".join(t.lower_ for t in doc[start : i + 1]) in MILITARY_SERVICES), None)


def _definite_title(doc: Doc, i: int, first: int) -> bool:
    """A title joined by "and" to the title of a name is a person of its own when an article opens it: "The
    President and Prime Minister Brown had a productive call" (two people; but "Former U.S. Vice President
    and current presidential candidate Joseph Biden" is one). `doc[i]`: the word before the title."""
    return i >= first and doc[i].lower_ in DEFINITE_ARTICLES


def _in_a_phrase_of_its_own(doc: Doc, title: Title, person: Span) -> bool:
    """A noun phrase before a comma is no title of the name after it when it is the object of a preposition
    the name does not hang from: "According to an Interpol warrant, Cruz Canas was present", "Accompanied by
    FBI agents, Guevara arrived" (but "Iran Supreme Leader, Ayatollah Ali Khamenei, called ...")."""
    words = doc.char_span(title.start, title.end, alignment_mode="expand")
    if words is None or words.root.dep_ not in PREPOSITION_OBJECTS:
        return False
    # "the election of Louisiana's reform-minded governor, Buddy Roemer": the name is apposed to the title.
    apposed = person.root.dep_ in APPOSITION and person.root.head.i == words.root.i
    return not apposed and words.root.head.head.i != person.root.i


def _district(token: Token) -> Mention | None:
    """A district named as a place ("the Northern District of Illinois") where a title's office is."""
    span = entity_containing(token)
    if span is None or span.label_ != "LOC" or not any(t.lower_ == "district" for t in span):
        return None
    return mention_of(span)


def _title_ending_at(doc: Doc, i: int, first: int) -> tuple[Title | None, int]:
    """The title whose last word is `doc[i]` (reading leftwards, not before `first`), and where reading
    goes on: [former] [organization] label [of/for portfolio or organization]."""
    end_token = doc[i]
    portfolio, district, i = _portfolio_ending_at(doc, i, first)
    # "candidate for the Democratic Party Joseph Biden": an organization after the label.
    after, j = None, i
    span = entity_containing(doc[i])
    if span is not None and span.label_ in ORGANIZATION_LABELS and span.start - 1 > first \
            and doc[span.start - 1].lower_ in TITLE_PREPOSITIONS:
        after, j = mention_of(span), span.start - 2
    elif _posting(doc, span, first):
        # "U.S. Ambassador to the United Nations Kelly Craft": where a posting is to is no employer; the
        # organization before the title is.
        j = i = span.start - 2
    if j < first or doc[j].ent_type_ and not _is_label_word(doc[j]):
        return None, i
    # "CBS anchorman Dan Rather": any common noun right before a name describes the person; it is a role
    # when an organization goes with it. Title-case words must be known role nouns ("Foreign Minister").
    open_class = not _is_role_noun(doc[j]) and _is_person_noun(doc[j]) and j == i
    if not (_is_role_noun(doc[j]) or open_class or portfolio and _office_rank(doc[j])):
        return None, i
    label_tokens, unnamed, k = _label_ending_at(doc, j, first, portfolio)
    former, m = _markers_before(doc, k - 1, first)
    # "PAN (National Action Party) candidate": an acronym or expansion in brackets after the organization.
    if unnamed is None and m - 2 >= first and doc[m].text == ")":
        opening = next((n for n in range(m - 1, max(first, m - 8) - 1, -1) if doc[n].text == "("), None)
        if opening is not None and opening - 1 >= first and doc[opening - 1].ent_type_ in TITLE_ENTITY_LABELS:
            m = opening - 1
    before, start = _organization_before(doc, m, first) if unnamed is None else (unnamed, k)
    if before is None and after is None and m - 1 >= first and doc[m].text in POSSESSIVE_MARKS:
        # "The company's chief executive, Mary Barra": the company the text named before.
        before = _described_organization(doc[m - 1])
        m = m - 2 if before is not None else m
        # "President Muhammadu Buhari's spokesman, Garba Shehu": where the person served holds office.
        after = _principal_organization(doc[j]) if before is None else None
    if open_class and (before or after) is None or open_class and (before or after).type != "Organization":
        return None, i
    if before is not None:
        m = start - 1
        prefix, m = _prefix_before(doc, m, first)
        label_tokens = prefix + label_tokens
    # "Former U.S. Vice President": markers can also stand before the organization.
    earlier, m = _markers_before(doc, m, first)
    return Title(_label(label_tokens), after or before or district, former or earlier, doc[m + 1].idx,
                 end_token.idx + len(end_token)), m


def _prefix_before(doc: Doc, m: int, first: int) -> tuple[list[Token], int]:
    """The words that open a title before the organization written inside it, and where reading goes on:
    "Deputy" of "Deputy State Department Spokesperson Jalina Porter" (`title_prefix` in role_words.tsv)."""
    prefix: list[Token] = []
    while m >= first and doc[m].lower_ in TITLE_PREFIXES and not doc[m].ent_type_:
        prefix.insert(0, doc[m])
        m -= 1
    return prefix, m


def _posting(doc: Doc, span: Span | None, first: int) -> bool:
    """Whether an entity is where a title's posting is to: "Ambassador to the United Nations", "envoy to Japan"."""
    return span is not None and span.label_ in TITLE_ENTITY_LABELS and span.start - 2 >= first \
        and doc[span.start - 1].lower_ in DESTINATION_PREPOSITIONS and _is_role_noun(doc[span.start - 2])


def _portfolio_ending_at(doc: Doc, i: int, first: int) -> tuple[list[Token], Mention | None, int]:
    """The portfolio or country a title ends with, the judicial district it names, and where its label
    ends: "Secretary of State", "Secretary of the Treasury", "Minister for Foreign Affairs", "U.N. envoy for
    Syria", "U.S. Attorney for the District of Columbia" (a district is where the office is)."""
    end_token = doc[i]
    k = i
    while k >= first and _kind(doc[k]) == "portfolio" and doc[k].is_title:
        k -= 1
    # "Secretary of the Treasury Janet L. Yellen": an article may stand before the portfolio.
    if k < i and k - 1 >= first and doc[k].lower_ == "the" and doc[k - 1].lower_ in {"of", "for"}:
        k -= 1
    if k < i and k - 1 >= first and doc[k].lower_ in {"of", "for"} and (_is_role_noun(doc[k - 1]) or _office_rank(doc[k - 1])):
        return list(doc[k : end_token.i + 1]), None, k - 1
    place = entity_containing(end_token)
    if place is not None and place.label_ in COUNTRY_LABELS | {"LOC"} and place.start - 2 >= first \
            and doc[place.start - 1].lower_ == "for" and _is_role_noun(doc[place.start - 2]):
        district = mention_of(place) if any(t.lower_ == "district" for t in place) else None
        return list(doc[place.start - 1 : end_token.i + 1]), district, place.start - 2
    return [], None, i


def _label_ending_at(doc: Doc, j: int, first: int, portfolio: list[Token]) -> tuple[list[Token], Mention | None, int]:
    """The words of a title's label ending with the role noun `doc[j]` (and its portfolio), the organization
    that capitalised words in front of it name when the model tagged none, and where the title starts."""
    k = j
    while k - 1 >= first and _is_label_word(doc[k - 1]):
        k -= 1
    # "Ex-President Jacob Zuma": the hyphen after a marker of former office is no part of the label.
    while k < j and doc[k].text == "-":
        k += 1
    label_tokens = list(doc[k : j + 1]) + portfolio
    # "California Highway Patrol Officer", "Pepco executive": capitalised words in front of the role that
    # are no title words name the organization the model missed (with the place in front of them).
    name_end = k
    lower_role = doc[j].is_lower
    while name_end <= j - 1 and (_is_unnamed_organization_word(doc[name_end], lower_role) or (
            doc[name_end].text == "-" and name_end > k
            and _is_unnamed_organization_word(doc[name_end + 1], lower_role))):
        name_end += 1
    # "National Security Adviser": the words of an office of state name no organization.
    name_end = next((p for p in range(k, name_end) if _text_of([*doc[p : j + 1], *portfolio]) in offices_of_state()),
                    name_end)
    # A capitalised word that opens the sentence may just be capitalised there ("Anthropologist Dean Falk").
    sentence_opener = k == doc[k].sent.start and name_end == k + 1 and not doc[k].is_upper
    if name_end <= k or sentence_opener:
        return label_tokens, None, k
    start_of_name = k
    while start_of_name - 1 >= first and doc[start_of_name - 1].ent_type_ in COUNTRY_LABELS:
        start_of_name -= 1
    if k - 1 >= first and doc[k - 1].ent_type_ in ORGANIZATION_LABELS:
        # "CNEN Radioprotection Director": the words name a part of the organization before them.
        unnamed = mention_of(entity_containing(doc[k - 1]))
        start_of_name = entity_containing(doc[k - 1]).start
    else:
        unnamed = mention_of(Span(doc, start_of_name, name_end, label="ORG"))
    return list(doc[name_end : j + 1]) + portfolio, unnamed, start_of_name


def _text_of(tokens: list[Token]) -> str:
    return " ".join(t.lower_ for t in tokens)


def _markers_before(doc: Doc, m: int, first: int) -> tuple[bool, int]:
    """Skip "former", "current", "then-" leftwards from `m`; whether one of them marks a past role."""
    former = False
    while m >= first:
        if _kind(doc[m]) in {"former", "current"}:
            former = former or _kind(doc[m]) == "former"
            m -= 1
        elif doc[m].text == "-" and m - 1 >= first and _kind(doc[m - 1]) == "former":
            former, m = True, m - 2  # "then-President"
        else:
            break
    return former, m


def _is_unnamed_organization_word(token: Token, lower_role: bool = False) -> bool:
    # "Joint Staff spokesperson Jereal Dorsey": before a title written in lower case, a capitalised
    # modifier of titles ("Staff") is a word of a name.
    return (token.is_title or token.is_upper) and token.pos_ == "PROPN" and not token.ent_type_ \
        and token.lower_ not in role_nouns() and (not _kind(token) or lower_role and _kind(token) == "modifier")


def _organization_before(doc: Doc, m: int, first: int) -> tuple[Mention | None, int]:
    """Entities (and "'s", "the") right before index `m`+1: "U.S.", "Iran's", "the Soviet Navy"."""
    tokens: list[Token] = []
    while m >= first:
        token = doc[m]
        span = entity_containing(token)
        if span is not None and span.label_ in TITLE_ENTITY_LABELS and not _is_portfolio_entity(span):
            tokens[:0] = list(doc[max(span.start, first) : m + 1])
            m = span.start - 1
        elif (token.text in POSSESSIVE_MARKS and m - 1 >= first and doc[m - 1].ent_type_ in TITLE_ENTITY_LABELS) \
                or (token.lower_ == "the" and tokens):
            m -= 1
        else:
            break
    if not tokens:
        return None, m + 1
    return _organization_among(tokens), tokens[0].i


def _share_coordinated(titles: list[Title]) -> Iterator[Title]:
    # "former ... analyst and negotiator": a title with no organization of its own shares that of the
    # title it is coordinated with, and its former/current status.
    titles = list(reversed(titles))  # text order
    for n, title in enumerate(titles):
        if title.organization is None:
            donor = next((t for t in [*titles[n + 1 :], *reversed(titles[:n])] if t.organization), None)
            if donor is not None:
                title = title._replace(organization=donor.organization, former=title.former or donor.former)
        yield title


# ----------------------------------------------------------------------------- appositions

def _appositions(person: Span) -> Iterator[Title]:
    root = person.root
    # "Bill Roggio, a senior fellow at ...": the apposed noun is the role. "Rep. Ted Weiss, D-N.Y.,
    # chairman of ...", "Ulf D. Merbold, 47, ...": the parser may hang the role from the tag between.
    apposed = [c for c in root.children if c.dep_ in APPOSITION]
    # "leader of Bosnian Serbs and vice-president of the Union": a second role apposed to the first.
    apposed += [c for a in apposed for c in a.children if c.dep_ in APPOSITION]
    # In a list of officials the parser hangs every role from the first name: "Commerce Secretary Wilbur
    # Ross, Agriculture Secretary Sonny Perdue and Peter Navarro, the president's trade adviser". A role
    # is the person's it follows.
    apposed = [a for a in apposed if _follows(a, person)] + _apposed_elsewhere(person)
    for appos in apposed:
        if _is_role_or_rank(appos):
            organization = _apposed_organization(appos)
            yield from (t._replace(organization=organization) if t.organization is None else t
                        for t in _noun_titles(appos))
        elif _is_person_noun(appos):
            # "David Pimentel, an ecologist and entomologist at Cornell University": any noun apposed to a
            # name describes the person; it is a role when it names an organization.
            yield from (t for t in _noun_titles(appos, open_class=True)
                        if t.organization is not None and t.organization.type == "Organization")
    # "Iran Supreme Leader, Ayatollah Ali Khamenei": the name is apposed to the role. A title right before
    # the name was read by `_titles_before` already.
    head = root.head
    if root.dep_ in APPOSITION and _is_role_noun(head) and not head.ent_type_ and head.i < person.start - 2:
        yield from _noun_titles(head)
    # "Robert W. Wheeler, Jr., Special Agent-in-Charge of ...": the parser hangs the name from the role
    # apposed to it, as if the name modified it.
    between = person.doc[person.end : head.i]
    if root.dep_ in NAME_MODIFIERS and head.i >= person.end and _is_role_or_rank(head) and between \
            and all(t.text == "," for t in between):
        yield from _noun_titles(head)


def _follows(appos: Token, person: Span) -> bool:
    """Whether an apposed role comes after `person` with no other person's name between, and is no title
    before another name ("Agriculture Secretary" of "Agriculture Secretary Sonny Perdue")."""
    doc = person.doc
    start = min(t.i for t in appos.subtree)
    if any(t.ent_type_ == "PERSON" for t in doc[person.end : start]):
        return False
    after = appos.i + 1
    return not (after < len(doc) and doc[after].ent_type_ == "PERSON" and doc[after].ent_iob_ == "B")


def _apposed_elsewhere(person: Span) -> list[Token]:
    """A role apposed right after `person` that the parser hung from an earlier name of a list."""
    doc = person.doc
    if person.end + 1 >= len(doc) or doc[person.end].text != ",":
        return []
    return [t for t in doc[person.end + 1 : person.sent.end]
            if t.dep_ in APPOSITION and _is_role_or_rank(t) and not person.start <= t.head.i < person.end
            and min(s.i for s in t.subtree) == person.end + 1]


def _apposed_organization(appos: Token) -> Mention | None:
    """The organization apposed to a name right after its apposed role: "Gen. Miguel Castellanos, deputy
    director of operations, U.S. Africa Command" holds his role in U.S. Africa Command."""
    # "Administrator, Federal Emergency Management Agency": the organization the parser coordinated with
    # the role, or apposed to it, is no part of the role's phrase.
    misread = [c for c in appos.children if c.dep_ in APPOSITION | {"conj"} and c.ent_type_ in ORGANIZATION_LABELS]
    end = max(t.i for t in appos.subtree if not any(t in c.subtree for c in misread) and not t.is_punct)
    doc = appos.doc
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    span = entity_containing(doc[end + 2])
    # "W. Craig Fugate, Administrator, Federal Emergency Management Agency (FEMA), ...": the parser may
    # hang the organization from the role.
    if span is None or span.label_ not in ORGANIZATION_LABELS or span.start != end + 2 \
            or not (span.root.dep_ in APPOSITION and span.root.head.i == appos.head.i
                    or span.root.dep_ in APPOSITION | {"conj"} and span.root.head.i == appos.i):
        return None
    return mention_of(span)


def _is_person_noun(token: Token) -> bool:
    # A common noun that may say what a person does; "counterpart" says only whom they are to another.
    return token.pos_ == "NOUN" and token.is_lower and not token.ent_type_ and not token.like_num \
        and token.lemma_.lower() not in RELATION_NOUNS


def _noun_titles(noun: Token, open_class: bool = False) -> Iterator[Title]:
    """The role a role noun states, and those of the nouns coordinated with it ("chairman and chief
    executive officer")."""
    # The parser often hangs the second role from the first one's organization: "a professor at Queens
    # College and honorary president of the Socialist International".
    misattached = [t for t in _phrase(noun) if t.dep_ == "conj" and t.head.dep_ == "pobj" and _is_role_or_rank(t)]
    nouns = [n for n in [noun, *noun.conjuncts, *misattached] if _is_role_or_rank(n) or (open_class and _is_person_noun(n))]
    found = [(n, _noun_title(n, open_class and not _is_role_or_rank(n))) for n in nouns]
    # "a jeweler and president of Vision Seattle": a common noun takes no organization from a role noun
    # beside it (but "an ecologist and entomologist at Cornell University" share theirs).
    if any(_is_role_or_rank(n) for n, _ in found):
        found = [(n, t) for n, t in found if _is_role_or_rank(n) or t is not None and t.organization is not None]
    titles = [t for _, t in found if t is not None]
    yield from reversed(list(_share_coordinated(list(reversed(titles)))))


def _noun_title(noun: Token, open_class: bool = False) -> Title | None:
    doc = noun.doc
    k = noun.i
    while k - 1 >= 0 and _is_label_word(doc[k - 1]) and doc[k - 1].head.i >= k - 1 and doc[k - 1] in noun.subtree:
        k -= 1
    label_tokens = list(doc[k : noun.i + 1])
    # "the secretary of state", "minister of foreign affairs": the portfolio is part of the role.
    portfolio = [t for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for t in prep.subtree if t is not prep]
    if portfolio and all(_kind(t) == "portfolio" or t.lower_ in COORDINATORS for t in portfolio):
        label_tokens += [doc[portfolio[0].i - 1], *portfolio]
    lefts = [t for t in noun.subtree if t.i < noun.i]
    former = any(_kind(t) == "former" for t in lefts)
    organization = _organization_among(t for t in lefts if t.ent_type_ in ORGANIZATION_LABELS)
    # Any noun "of" a name may be a relation rather than a job ("assassin of Lincoln", "son of ..."): an
    # open-class noun takes its organization only from "at", "with", "for", "in".
    prepositions = WORKPLACE_PREPOSITIONS if open_class else ROLE_PREPOSITIONS
    organization = organization or _organization_after(noun, prepositions) or _principal_organization(noun) \
        or _organization_among(lefts)
    if organization is None:
        # "a company official", "the agency's spokesman": the organization the text named before.
        organization = next((found for t in noun.lefts if t.dep_ in {"compound", "poss"}
                             if (found := _described_organization(t, bare=True)) is not None), None)
    if _kind(noun) == "rank" and (organization is None or organization.type != "Organization") \
            and not any(_is_role_noun(t) for t in label_tokens[:-1]):
        return None  # "a major" alone is a rank, not a role; an "Attorney General" is an office
    end = max(t.idx + len(t) for t in noun.subtree)
    start = min([t.idx for t in lefts if t.dep_ in ROLE_MODIFIERS or t.lower_ in DETERMINERS] + [noun.idx])
    return Title(_label(label_tokens), organization, former, start, end)


# ----------------------------------------------------------------------------- predicates

def _predicates(person: Span) -> Iterator[Title]:
    root = person.root
    verbs: list[Token] = []
    if root.dep_ in ANY_SUBJECTS and root.head.pos_ in {"VERB", "AUX"}:
        verbs.append(root.head)
    # "X, who works for Y": the relative clause's verb has the person as its subject.
    verbs.extend(child for child in root.children if child.dep_ in RELATIVE_CLAUSES)
    # "X is a major in the Marine Corps and works at the Pentagon": verbs sharing the subject.
    for verb in list(verbs):
        verbs.extend(c for c in verb.conjuncts if not any(ch.dep_ in ANY_SUBJECTS for ch in c.children))
    for verb in verbs:
        if any(child.dep_ in NEGATIONS for child in verb.children):
            continue  # "X is not a member of Y" states no role
        former = any(child.lower_ in ADVERBS_OF_FORMER_OFFICE for child in verb.children) or _ended(verb)
        for title in _verb_titles(verb):
            yield title._replace(former=title.former or former)
    # "Knight-Ridder has named Larry Jinks publisher of the San Jose Mercury News".
    # "X, considered by Madrid to be a top leader of ... ETA". The parser may take the one named for a
    # predicate ("named Donald L. Keldsen as the Federal Coordinating Officer": oprd).
    if root.dep_ in {"dobj", "nsubjpass", "oprd"} and root.head.lemma_ in ROLE_COPULAS - {"be", "become", "remain", "serve"}:
        appointer = _appointing_organization(root.head)
        for title in _named_titles(root.head):
            yield title if title.organization is not None or appointer is None else title._replace(
                organization=appointer, start=min(title.start, appointer.start), end=max(title.end, appointer.end))
    # "The chairman of Y is X": the person is the complement, the role the subject.
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        for subject in root.head.children:
            if subject.dep_ == "nsubj" and _is_role_noun(subject) and not subject.ent_type_:
                yield from _noun_titles(subject)


def _named_titles(verb: Token) -> Iterator[Title]:
    """The roles a verb of naming gives its object: "named Larry Jinks publisher of ...", "nominated John
    Smith as ambassador to Japan", "considered by Madrid to be a top leader of ETA"."""
    for child in verb.children:
        complements = [child] if child.lemma_ != "be" else [c for c in child.children if c.dep_ == "attr"]
        for complement in complements:
            if complement.dep_ in {"oprd", "xcomp", "attr"} and _is_role_or_rank(complement):
                yield from _noun_titles(complement)
    yield from _as_titles(verb)


def _appointing_organization(verb: Token) -> Mention | None:
    """The organization that names one of its own to a role with no organization written: "Acme Corp. has
    appointed John Doe as chief executive", "The Red Cross named Maria Lopez its regional director" (the
    subject of the active verb, an organization)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    span = entity_containing(subject) if subject is not None else None
    if span is None or span.label_ not in ORGANIZATION_LABELS or _is_portfolio_entity(span):
        return None
    return mention_of(span)


def _passive_agent(person: Span) -> Iterator[Title]:
    """The agent of a passive verb of office: "The Mediterranean Foundation, headed by Juan Novara, ...",
    "The group was founded by X" (the verbs of `role_verbs.tsv` whose object is the organization)."""
    root = person.root
    agent = root.head
    if root.dep_ != "pobj" or agent.dep_ not in AGENTS:
        return
    verb = agent.head
    entry = role_verbs().get(verb.lemma_.lower())
    if entry is None or entry.prepositions:
        return
    # The organization is the passive subject, or the noun the participle modifies.
    holders = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    holders += [verb.head] if verb.dep_ in NOUN_CLAUSES else []
    for holder in holders:
        span = entity_containing(holder)
        if span is not None and span.label_ in ORGANIZATION_LABELS and not _is_portfolio_entity(span):
            start, end = min(span.start_char, person.start_char), max(span.end_char, person.end_char)
            yield Title(entry.role, mention_of(span), False, start, end)
            return


def _appointment(person: Span) -> Iterator[Title]:
    """The role a person is appointed, nominated or elected to, named by a noun: "the recess appointment of
    Eric S. Edelman of Virginia, to be Under Secretary of Defense for Policy", "the nomination of X as
    ambassador" (`appointment_noun` in role_words.tsv)."""
    root = person.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lemma_.lower() not in APPOINTMENT_NOUNS:
        return
    noun = root.head.head
    # "to be ..." hangs from the noun or from the verb that governs it ("signed the appointment of X, to be Y").
    for holder in (noun, noun.head):
        for child in holder.children:
            if child.dep_ in COMPLEMENTS | NOUN_CLAUSES and child.lemma_ == "be":
                for attr in child.children:
                    if attr.dep_ == "attr" and _is_role_or_rank(attr):
                        yield from _noun_titles(attr)
    yield from _as_titles(noun)


def _resignation(person: Span) -> Iterator[Title]:
    """The office a person leaves, named by a noun of leaving, is a former one: "Last night I accepted the
    resignation of John Bryson as Secretary of the Department of Commerce", "Smith's retirement as chairman
    of Acme" (`leaving_noun` in role_words.tsv; the parser hangs "as" from the name or from the noun)."""
    root = person.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    elif root.dep_ == "poss":
        noun = root.head
    else:
        return
    if noun.lemma_.lower() not in LEAVING_NOUNS:
        return
    for holder in (root, noun):
        yield from (title._replace(former=True) for title in _as_titles(holder))


def _listed(person: Span) -> Iterator[Title]:
    """A name alone on its line under a sentence that ends with a colon holds the role that sentence gives
    the people it lists: "OFAC designated the following two individuals, who are leaders of the Gulf
    Cartel:" then "Jorge Eduardo Costilla Sanchez (alias "El Coss")" (a sanctions release), "The following
    two individuals were also designated and are leaders of Los Zetas:" (only a role with an organization)."""
    doc = person.doc
    if not _is_list_item(person.sent) or person.sent.root.i not in range(person.start, person.end):
        return
    heading = person.sent
    while heading.start > 0 and (_is_list_item(heading) or all(t.is_space for t in heading)):
        heading = doc[heading.start - 1].sent
    words = [t for t in heading if not t.is_space]
    if not words or not words[-1].text.endswith(":"):  # "(FARC):" may be one token
        return
    for noun in heading:
        if noun.tag_ in {"NNS", "NNPS"} and not noun.ent_type_:
            for role in _roles_of_the_listed(noun):
                title = _noun_title(role)
                if title is not None and title.organization is not None:
                    # "leaders of the Gulf Cartel": each person listed is a leader.
                    yield title._replace(label=title.label.removesuffix(role.text) + role.lemma_)


def _is_list_item(sentence: Span) -> bool:
    # A line that is a name and what goes with it ("(alias ...)"), with no verb.
    return sentence.root.ent_type_ == "PERSON" and not any(t.pos_ in {"VERB", "AUX"} for t in sentence)


def _roles_of_the_listed(noun: Token) -> Iterator[Token]:
    """The role nouns a heading predicates of the plural noun for the people it lists: "individuals, who are
    leaders of X", "individuals were designated and are leaders of X", "individuals, members of X"."""
    verbs = [c for c in noun.children if c.dep_ in RELATIVE_CLAUSES]
    if noun.dep_ in ANY_SUBJECTS:
        verbs += [noun.head, *noun.head.conjuncts]
    found = [c for verb in verbs if verb.lemma_ == "be" for c in verb.children if c.dep_ == "attr"]
    found += [c for c in noun.children if c.dep_ in APPOSITION]
    yield from (t for t in found if t.lemma_.lower() in role_nouns())


def _ended(verb: Token) -> bool:
    """A past office with the time it ended: "X, who served as Colombia’s Minister of Agriculture from 2005
    to 2009" (a verb in the past tense with a span of time that closes: "from ... to", "until")."""
    if verb.tag_ != "VBD":
        return False
    preps = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ENDING_PREPOSITIONS]
    return any(any(w.ent_type_ == "DATE" for w in prep.subtree) for prep in preps)


def _as_titles(verb: Token) -> Iterator[Title]:
    """The role after "as": "X serves as director of Y", "Trump nominated X as ambassador to Japan"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == AS_PREPOSITION:
            for noun in child.children:
                if noun.dep_ == "pobj" and _is_role_or_rank(noun):
                    yield from _noun_titles(noun)


def _left_office(verb: Token) -> Iterator[Title]:
    """A role its holder leaves is a former one: "Carlos Ghosn resigned as chairman of Nissan", "X stepped
    down as chief executive of Y" (`leaving_verb` in role_words.tsv)."""
    yield from (title._replace(former=True) for title in _as_titles(verb))


def _verb_titles(verb: Token) -> Iterator[Title]:
    lemma = verb.lemma_.lower()
    # Phrasal verbs: "Bossi set up the Freedom Alliance".
    # "stepped down as ...": the parser may make the particle an adverb.
    phrasal = (f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in PARTICLES)
    lemma = next((p for p in phrasal if p in role_verbs() or p in LEAVING_VERBS), lemma)
    # "X, who was ousted as Nissan chairman": the one removed, the passive's subject, left the role.
    if lemma in LEAVING_VERBS or lemma in REMOVAL_VERBS and any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        yield from _left_office(verb)
    if lemma in ROLE_COPULAS:
        # "X became chairman of Y", "X was named president of Y", "X serves as director of Y".
        for child in verb.children:
            if child.dep_ in ROLE_COMPLEMENTS and _is_role_or_rank(child):
                yield from _noun_titles(child)
            elif child.dep_ in {"attr", "oprd"} and _is_person_noun(child):
                # "X is a professor of economics at Y", "X became a lobbyist with Y".
                yield from (t for t in _noun_titles(child, open_class=True)
                            if t.organization is not None and t.organization.type == "Organization")
        yield from _as_titles(verb)
    entry = role_verbs().get(lemma)
    if entry is None:
        return
    # "X works for Y", "X heads Y": the verb names the organization; the table gives the role.
    objects: list[Token] = []
    for child in verb.children:
        if entry.prepositions and child.dep_ == "prep" and child.lower_ in entry.prepositions:
            objects.extend(t for t in child.children if t.dep_ == "pobj")
        elif not entry.prepositions and child.dep_ in {"dobj", "obj"}:
            objects.append(child)
    # "taught at Harvard University and the National War College": each coordinated organization.
    objects += [conj for obj in objects for conj in obj.conjuncts if conj.i > obj.i]
    for obj in objects:
        if obj.ent_type_ == "PERSON" or _is_role_noun(obj):
            # "Johnson directed Director of the National Economic Council Larry Kudlow to ...": a person,
            # not the organization, is what the verb governs.
            continue
        organization = _organization_among(t for t in _phrase(obj, conjuncts=False) if t.ent_type_ in ORGANIZATION_LABELS)
        organization = organization or _unnamed_organization(obj)
        if organization is not None:
            end = max(t.idx + len(t) for t in obj.subtree)
            yield Title(entry.role, organization, False, verb.idx, end)


# ----------------------------------------------------------------------------- affiliation

def _affiliations(person: Span) -> Iterator[Title]:
    root = person.root
    # "Roger K. Crouch of NASA", "Ulf D. Merbold, 47, of the European Space Agency".
    holders = [root, *(c for c in root.children if c.dep_ in APPOSITION and c.like_num)]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPOSITIONS:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    organization = _organization_among(t for t in pobj.subtree if t.ent_type_ in ORGANIZATION_LABELS)
                    if organization is not None:
                        end = max(t.idx + len(t) for t in pobj.subtree)
                        yield Title(AFFILIATION_ROLE, organization, False, prep.idx, end)
    # "Brian Mulroney's Progressive Conservative Party": an organization the person is said to have.
    if root.dep_ == "poss" and root.head.ent_type_ in ORGANIZATION_LABELS:
        span = entity_containing(root.head)
        yield Title(POSSESSED_ORGANIZATION_ROLE, mention_of(span), False, person.start_char, span.end_char)


# ----------------------------------------------------------------------------- the document

def _person_key(mention: Mention) -> str:
    words = [w for w in mention.text.split() if _kind_of_word(w) not in {"honorific", "rank"}]
    return (words or mention.text.split())[-1].lower().strip(".,")


def _kind_of_word(word: str) -> str:
    return title_words().get(word.lower(), "")


def _consolidate(doc: Doc, facts: list[RoleFact], publisher: str | None = None) -> Iterator[RoleFact]:
    """Give a bare title the organization the document ties it to; drop exact repeats."""
    known: dict[tuple[str, str], Counter] = {}
    first_seen: dict[tuple[str, str, str], Mention] = {}
    for fact in facts:
        if fact.organization is not None:
            key = (_person_key(fact.person), fact.role.lower())
            known.setdefault(key, Counter())[fact.organization.text.lower()] += 1
            first_seen.setdefault((*key, fact.organization.text.lower()), fact.organization)
    departments = _departments(doc)
    # One spelling per role in a document, the title's ("Spokesman Jim Lee ... Ann Kay, a spokesman").
    spellings: dict[str, str] = {}
    for fact in sorted(facts, key=lambda f: (not f.role[:1].isupper(), f.evidence.start)):
        spellings.setdefault(fact.role.lower(), fact.role)
    titles = {(_person_key(fact.person), fact.role.lower()) for fact in facts}
    states = _states_of_people(doc, facts)
    article_state = _article_state(doc, facts, publisher)
    article_department = _article_department(facts)
    countries = _countries_named(doc, facts)
    foreign = _foreign_states(countries, article_state)
    seen = set()
    found: list[RoleFact] = []
    for fact in facts:
        fact = replace(fact, role=spellings[fact.role.lower()])
        if fact.organization is None:
            key = (_person_key(fact.person), fact.role.lower())
            fuller = _fuller_title(key, titles)
            key = key if key in known or fuller not in known else fuller
            if key in known:
                # "President Trump" where the document has called him "U.S. President Donald Trump".
                name = min(known[key].items(), key=lambda item: (-item[1], item[0]))[0]
                fact = RoleFact(fact.person, fact.role, first_seen[(*key, name)], fact.former, fact.evidence)
            # An office of state takes its department below, where the person's nationality is known.
            elif fact.role.lower() not in offices_of_state() \
                    and (department := _department_of(fact.role, departments)) is not None:
                fact = RoleFact(fact.person, fact.role, department, fact.former, fact.evidence)
            elif (sole := _sole_organization(doc, fact)) is not None:
                # "Becton Dickinson may develop a container, said Linda Schmitt, an assistant product
                # manager": a spokesperson's employer is the one organization the sentence names.
                fact = RoleFact(fact.person, fact.role, sole, fact.former, fact.evidence)
        fact = _office_of_state(fact, departments, states.get(_person_key(fact.person)), article_state,
                                _fuller_title((_person_key(fact.person), fact.role.lower()), titles)[1])
        fact = _department_voice(fact, departments, article_department)
        fact = _office_of_a_bureau(fact, departments)
        fact = _state_with_the_office(fact, countries)
        fact = _the_other_state(fact, foreign)
        fact = _the_state_nearby(doc, fact, article_state)
        fact = _state_of_the_demonym(doc, fact)
        fact = _delegation_member(doc, fact)
        # One fact per sentence: "Iran Supreme Leader, Ayatollah Ali Khamenei" is read both as a title
        # and as an apposition.
        key = (fact.person, fact.role, fact.organization and fact.organization.text, fact.former,
               fact.evidence.sentence_start)
        if key not in seen:
            seen.add(key)
            found.append(fact)
    yield from _held_where_found(found)


def _held_where_found(facts: list[RoleFact]) -> Iterator[RoleFact]:
    """A bare title still without an organization takes the one the article's other mention of the same
    person in the same office found: "King Abdullah bin Abdulaziz and ... the people of Saudi Arabia" makes
    "King Abdullah's legacy", later, Saudi too."""
    found: dict[tuple[str, str], Mention] = {}
    for fact in facts:
        if fact.organization is not None:
            found.setdefault((_person_key(fact.person), fact.role.lower()), fact.organization)
    seen = {(f.person, f.role, f.organization.text, f.former, f.evidence.sentence_start) for f in facts
            if f.organization is not None}
    for fact in facts:
        organization = found.get((_person_key(fact.person), fact.role.lower()))
        if fact.organization is None and organization is not None:
            key = (fact.person, fact.role, organization.text, fact.former, fact.evidence.sentence_start)
            if key in seen:
                continue  # the sentence states the role with its organization already
            seen.add(key)
            fact = replace(fact, organization=_implied(fact, organization.text, organization.type)
                           if organization.start == organization.end else organization)
        yield fact


def _fuller_title(key: tuple[str, str], known: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """The fuller title the document gives the same person, of which a bare title is a short form:
    "Secretary Yellen" after "Secretary of the Treasury Janet L. Yellen", "Minister Payne" after "Minister of
    Defense Marise Payne", "Secretary Mnuchin" after "Treasury Secretary Steven Mnuchin" (portfolio words
    only in front: a "President" is no short form of a "Vice President")."""
    person, bare = key
    for other_person, title in sorted(known):
        if other_person != person or title == bare:
            continue
        if title.startswith(bare + " ") and title.split()[len(bare.split())] in TITLE_PREPOSITIONS:
            return other_person, title
        front = title.removesuffix(" " + bare)
        if front != title and all(title_words().get(w) == "portfolio" for w in front.split()):
            return other_person, title
    return key


def _sole_organization(doc: Doc, fact: RoleFact) -> Mention | None:
    # Only for a quoted source whose role follows the name ("..., said Linda Schmitt, an assistant ...") or is
    # a common noun before it ("The Coast Guard rescued seven people, said station chief Kenneth Compton").
    person = doc.char_span(fact.person.start, fact.person.end, alignment_mode="expand")
    sentence = doc.char_span(fact.evidence.sentence_start, fact.evidence.sentence_end, alignment_mode="expand")
    if person is None or sentence is None or (fact.evidence.start < fact.person.start and not fact.role.islower()):
        return None
    if not (person.root.dep_ in ANY_SUBJECTS and person.root.head.lemma_ in SPEECH_VERBS):
        return None
    organizations = [ent for ent in sentence.ents if ent.label_ in ORGANIZATION_LABELS and not _is_portfolio_entity(ent)]
    # "the town's mayor Willi Marx told The Associated Press": whom the source speaks to is not their employer.
    addressees = {c.i for c in person.root.head.children if c.dep_ in {"dobj", "dative", "obj"}}
    if len(organizations) != 1 or organizations[0].root.i in addressees:
        return None
    return mention_of(organizations[0])


def _seat(ent: Span) -> dict[str, str] | None:
    return seats_of_government().get(ent.text.lower().removeprefix("the "))


def _departments(doc: Doc) -> dict[str, Mention]:
    """Portfolio word → the first department the document names with it ("Defense Department"), or the
    seat of government that houses it ("the Pentagon", `seats_of_government.tsv`)."""
    found: dict[str, Mention] = {}
    for ent in doc.ents:
        # Not a part of a department: "the U.S. Department of Justice's Criminal Division".
        if ent.label_ in ORGANIZATION_LABELS and any(t.lower_ in DEPARTMENT_WORDS for t in ent) \
                and not any(t.text in POSSESSIVE_MARKS for t in ent):
            for token in ent:
                if _kind(token) == "portfolio":
                    found.setdefault(token.lower_, mention_of(ent))
    # A department the text names by its name wins over its seat ("Pentagon Press Secretary X said Defense
    # Secretary Y, ... the Defense Department"), wherever each is named.
    for ent in doc.ents:
        seat = _seat(ent)
        if seat is not None and seat["portfolio"] != "-" and not is_chrome(ent[0]):
            found.setdefault(seat["portfolio"], replace(mention_of(ent), type="Organization"))
    return found


def _department_of(role: str, departments: dict[str, Mention]) -> Mention | None:
    words = role.lower().split()
    if len(words) < 2 or words[-1] not in {"secretary", "minister"}:
        return None
    return next((departments[w] for w in words[:-1] if w in departments), None)


# ----------------------------------------------------------------------------- offices of state

def _is_country(mention: Mention | None) -> bool:
    return mention is not None and mention.type in {"Place", "Group"} and (
        mention.text.lower() in countries() or mention.text.lower() + "." in countries())


def _country_name(mention: Mention) -> str:
    return (countries().get(mention.text.lower()) or countries()[mention.text.lower() + "."]).name


def _states_of_people(doc: Doc, facts: list[RoleFact]) -> dict[str, Mention]:
    """Person → the first country the article ties them to in any role ("Japanese Foreign Minister X"), else
    by a nationality apposed to them, by each word of the name, so that "Foreign Minister Hayashi" finds
    "Hayashi Yoshimasa" (family name first)."""
    tied = [(fact.person, fact.organization) for fact in facts if _is_country(fact.organization)]
    tied += [(mention_of(person), country) for person in doc.ents if person.label_ == "PERSON"
             if (country := _apposed_nationality(person)) is not None]
    states: dict[str, Mention] = {}
    for person, country in tied:
        for word in [_person_key(person), *(w.lower().strip(".,") for w in person.text.split())]:
            states.setdefault(word, country)
    return states


def _apposed_nationality(person: Span) -> Mention | None:
    """The country of a noun of relation apposed to a person: "Defense Secretary Michael Fallon, his new
    British counterpart" holds his office in the United Kingdom (`relation_noun` in role_words.tsv)."""
    nationalities = [mention_of(entity_containing(modifier)) for noun in person.root.children
                     if noun.dep_ in APPOSITION and noun.lemma_.lower() in RELATION_NOUNS
                     for modifier in noun.children if modifier.dep_ in {"amod", "compound"}
                     and modifier.ent_type_ in COUNTRY_LABELS]
    return next((country for country in nationalities if _is_country(country)), None)


def _article_state(doc: Doc, facts: list[RoleFact], publisher: str | None = None) -> str | None:
    """The one state whose offices of state or departments the article names ("Secretary of State ...",
    "the State Department", the issuer of a readout), if only one; if none, the publisher's, else the
    capital's of the dateline ("WASHINGTON —")."""
    found = {offices_of_state()[f.role.lower()]["country"] for f in facts if f.role.lower() in offices_of_state()
             and (f.organization is None or _is_country(f.organization) and _country_name(f.organization)
                  == offices_of_state()[f.role.lower()]["country"])}
    departments = {department_form(office["department"]): office["country"] for office in offices_of_state().values()}
    for ent in doc.ents:
        if (seat := _seat(ent)) is not None and not is_chrome(ent[0]):
            found.add(seat["country"])  # "the White House said": an office of the United States
        if ent.label_ in ORGANIZATION_LABELS and not is_chrome(ent[0]):
            name = mention_of(ent).text
            # "State Department", "U.S. Department of State": a department of the state, with or without it.
            form = department_form(name)
            if form is not None:
                before, portfolio = form.split("|", 1)
                country = departments.get(f"|{portfolio}")
                if country is not None and (not before or _country_of_text(before) == country):
                    found.add(country)
    if not found:
        return publisher or _dateline_state(doc)
    return next(iter(found)) if len(found) == 1 else None


def _dateline_state(doc: Doc) -> str | None:
    """The country of the capital a dateline names alone, in capitals, before a comma or dash: "WASHINGTON —",
    "WASHINGTON, Dec. 6, 2012 –" (`capitals.tsv`); not "BOGOTA, Colombia —", where a release of one
    state may be datelined abroad."""
    words = [t for t in doc[:8] if not t.is_space]
    end = next((n for n, t in enumerate(words) if not t.is_upper or not t.is_alpha), len(words))
    if end == 0 or end + 1 >= len(words) or is_chrome(words[0]):
        return None
    mark, after = words[end].text, words[end + 1]
    dated = mark == "," and (after.like_num or after.lower_.rstrip(".") in MONTHS)
    if not (dated or mark in DATELINE_DASHES):
        return None
    return capitals().get(" ".join(t.lower_ for t in words[:end]))


def _article_department(facts: list[RoleFact]) -> dict[str, str] | None:
    """The one department whose offices of state the article's people hold ("Secretary of State ...",
    "Assistant Secretary for European and Eurasian Affairs ..."), if only one."""
    found: dict[str, dict[str, str]] = {}
    for fact in facts:
        office = offices_of_state().get(fact.role.lower())
        if office is not None and office["department"] != "-":
            found[office["department"]] = office
    return next(iter(found.values())) if len(found) == 1 else None


def _department_voice(fact: RoleFact, departments: dict[str, Mention], office: dict[str, str] | None) -> RoleFact:
    """A spokesperson with no organization, or only a country, speaks for the one department the article
    names offices of: "The following is attributable to Spokesperson Ned Price: Secretary of State Antony J.
    Blinken spoke today with ..." (`department_voice` in role_words.tsv)."""
    words = fact.role.lower().split()
    if office is None or not words or words[-1] not in DEPARTMENT_VOICES:
        return fact
    if fact.organization is not None and not (_is_country(fact.organization)
                                              and _country_name(fact.organization) == office["country"]):
        return fact
    department = departments.get(office["department_words"]) or _implied(fact, office["department"], "Organization")
    return replace(fact, organization=department, state=_implied(fact, office["country"], "Place"))


def _office_of_a_bureau(fact: RoleFact, departments: dict[str, Mention]) -> RoleFact:
    """A title of an office of state for a bureau, not listed whole, is held in the department it names:
    "Deputy Assistant Secretary of the Treasury for Terrorist Financing and Financial Crimes Juan Zarate" is
    a Deputy Assistant Secretary for Terrorist Financing and Financial Crimes of the Department of the
    Treasury ("Secretary of the Treasury" in `offices_of_state.tsv`)."""
    if fact.organization is not None or fact.role.lower() in offices_of_state():
        return fact
    match = BUREAU_TITLE.match(fact.role)
    if match is None:
        return fact
    office = offices_of_state().get(f"{match['rank'].split()[-1]} of {match['department']}".lower())
    if office is None or office["department"] == "-":
        return fact
    department = departments.get(office["department_words"]) or _implied(fact, office["department"], "Organization")
    return replace(fact, role=f"{match['rank']} {match['bureau']}", organization=department,
                   state=_implied(fact, office["country"], "Place"))


def _country_of_text(text: str) -> str | None:
    country = countries().get(text.lower())
    return country.name if country is not None else None


def _office_of_state(fact: RoleFact, departments: dict[str, Mention], state: Mention | None,
                     article_state: str | None, title: str | None = None) -> RoleFact:
    """An office of state takes its department and state from the article.

    "Treasury Secretary Steven Mnuchin": the Department of the Treasury (or the department the article
    names, "Treasury Department"), part of the United States, unless the article gives him another
    nationality. "President Biden" with no organization: the state the article ties him to elsewhere, else
    the one whose offices of state the article names. `title`: the fuller title the article gives the
    person ("Secretary of the Treasury" for "Secretary Yellen").
    """
    office = offices_of_state().get((title or fact.role).lower())
    if office is not None and office["department"] == "-":
        # "U.S. District Judge Ronald A. Guzman": an office of the state itself, in no department.
        return fact if fact.organization is not None else replace(fact, organization=_implied(fact, office["country"], "Place"))
    written = fact.organization if _is_country(fact.organization) else None
    if office is not None and (fact.organization is None or written is not None):
        country = written or state
        if country is None or _country_name(country) == office["country"]:
            department = departments.get(office["department_words"]) or _implied(fact, office["department"], "Organization")
            return replace(fact, organization=department, state=country or _implied(fact, office["country"], "Place"))
        return replace(fact, organization=country)
    words = fact.role.lower().split()
    if fact.organization is None and words and words[-1] in government_titles() \
            and not set(words[:-1]) & CORPORATE_TITLE_WORDS:
        if state is not None:
            return replace(fact, organization=state)
        issuers = government_titles()[words[-1]]
        # Not an office the state has not: the United Kingdom has no "President" (`state_titles.tsv`).
        if article_state is not None and ("*" in issuers or article_state in issuers) \
                and article_state not in state_titles().get(fact.role.lower(), frozenset()):
            return replace(fact, organization=_implied(fact, article_state, "Place"))
    return fact


def _countries_named(doc: Doc, facts: list[RoleFact]) -> list[str]:
    """The countries an article names, by their canonical names, in text order; not those named only as
    where something happens ("met in Biarritz, France") or as the state of another's title ("Indian Prime
    Minister Singh" says nothing of "President Obama")."""
    titles = {(f.organization.start, f.organization.end) for f in facts if f.organization is not None}
    named: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in COUNTRY_LABELS or is_chrome(ent[0]) or (ent.start_char, ent.end_char) in titles:
            continue
        country = countries().get(ent.text.lower()) or countries().get(ent.text.lower().removeprefix("the "))
        if country is not None and not _venue(ent):
            named.append(country.name)
    return list(dict.fromkeys(named))


def _venue(ent: Span) -> bool:
    # "in France", "in Biarritz, France": the country hangs from a place preposition, or from a place that does.
    head = ent.root.head
    if head.ent_type_ in {"GPE", "LOC"} and head.i not in range(ent.start, ent.end):
        head = head.head
    return head.dep_ == "prep" and head.lower_ in VENUE_PREPOSITIONS


def _state_with_the_office(fact: RoleFact, countries: list[str]) -> RoleFact:
    """A bare head-of-state or government title with no state yet is held in the one country the article
    names that has the office (`state_titles.tsv`): in a text on the United States and the United Kingdom,
    "President Trump" is American and "Prime Minister Boris Johnson" British."""
    without = state_titles().get(fact.role.lower())
    if fact.organization is not None or without is None:
        return fact
    having = [country for country in countries if country not in without]
    return replace(fact, organization=_implied(fact, having[0], "Place")) if len(having) == 1 else fact


def _foreign_states(countries: list[str], article_state: str | None) -> list[str]:
    """The countries the article names (not as the state of another's title: "Australian Minister of Defense
    Marise Payne" says nothing of "Vice Premier He Lifeng"), other than the state whose offices it names or
    whose publisher issued it."""
    return [country for country in countries if country != article_state]


def _the_other_state(fact: RoleFact, foreign: list[str]) -> RoleFact:
    """A title of state that no issuer uses bare of its own officials (`government_titles.tsv`: a minister,
    a premier) with no state yet is held in the one other country the article names: "Secretary Blinken
    spoke with Foreign Minister Wang Yi today. They discussed China's role in the region" (Wang Yi holds his
    office in China)."""
    words = fact.role.lower().split()
    if fact.organization is not None or not words or len(foreign) != 1 \
            or government_titles().get(words[-1]) != frozenset() or set(words[:-1]) & CORPORATE_TITLE_WORDS \
            or foreign[0] in state_titles().get(fact.role.lower(), frozenset()):
        return fact  # the United States has no "Prime Minister" (`state_titles.tsv`)
    return replace(fact, organization=_implied(fact, foreign[0], "Place"))


def _is_foreign_office(role: str, article_state: str | None) -> bool:
    """A title of state that the article's own state does not give bare: one no issuer uses bare of its own
    officials (`government_titles.tsv`: a minister, a king), or one the article's state has not
    (`state_titles.tsv`: the United States has no "Prime Minister")."""
    words = role.lower().split()
    if not words or words[-1] not in government_titles() or set(words[:-1]) & CORPORATE_TITLE_WORDS:
        return False
    return government_titles()[words[-1]] == frozenset() \
        or article_state in state_titles().get(role.lower(), frozenset())


def _the_state_nearby(doc: Doc, fact: RoleFact, article_state: str | None) -> RoleFact:
    """A foreign office with no state yet is held in the one foreign country named in its sentence, the one
    before and the one after: "In Bangkok, the chairman will hold talks with Thai Army Gen. X. He will also
    meet with Defense Minister Prawit Wongsuwan" (Thailand), "President Obama and Prime Minister Netanyahu
    spoke today. The President underscored ... Israel's right to defend itself" (Israel). A capital stands for
    its country (`capitals.tsv`); a monarch's, in a monarchy ("King Abdullah ... the American people ... Saudi
    Arabia"); any, in a country that has the office."""
    if fact.organization is not None or not _is_foreign_office(fact.role, article_state):
        return fact
    sentence = doc.char_span(fact.evidence.sentence_start, fact.evidence.sentence_end, alignment_mode="expand")
    if sentence is None:
        return fact
    sentence = sentence[0].sent  # with the spaces after it, which the evidence leaves out
    start, end = _neighbour(doc, sentence, -1).start, _neighbour(doc, sentence, 1).end
    named = {country for ent in doc[start:end].ents
             if (country := _country_of_entity(ent)) is not None and country != article_state}
    if fact.role.lower().split()[-1] in ROYAL_TITLES:
        named = {country for country in named if country.lower() in MONARCHIES}
    # "President Obama spoke with Prime Minister Netanyahu. ... the United States ... Israel": the United
    # States has no Prime Minister (`state_titles.tsv`).
    named -= state_titles().get(fact.role.lower(), frozenset())
    return replace(fact, organization=_implied(fact, named.pop(), "Place")) if len(named) == 1 else fact


def _neighbour(doc: Doc, sentence: Span, step: int) -> Span:
    # The sentence before (step -1) or after (1), past the blank lines between paragraphs; the sentence
    # itself at the start or end of the text.
    neighbour = sentence
    while (neighbour.start > 0 if step < 0 else neighbour.end < len(doc)):
        neighbour = doc[neighbour.start - 1 if step < 0 else neighbour.end].sent
        if not all(t.is_space for t in neighbour):
            return neighbour
    return sentence


def _country_of_entity(ent: Span) -> str | None:
    # "Israel", "Israeli", "Bangkok": the country an entity names, is the people of, or is the capital of.
    if ent.label_ not in COUNTRY_LABELS or is_chrome(ent[0]):
        return None
    name = ent.text.lower().removeprefix("the ")
    country = countries().get(name)
    return country.name if country is not None else capitals().get(name)


def _state_of_the_demonym(doc: Doc, fact: RoleFact) -> RoleFact:
    """A people the gazetteer leaves out stands for the country the article names with the same stem:
    "Georgian Prime Minister Irakli Garibashvili" in a text on "Georgia's sovereignty" holds his office in
    Georgia (the name is ambiguous alone, the demonym before a title is not)."""
    organization = fact.organization
    if organization is None or organization.type != "Group" or organization.text.lower() in countries():
        return fact
    people = organization.text.lower()
    for ent in doc.ents:
        name = ent.text.lower()
        if ent.label_ == "GPE" and len(name) > 3 and people != name and people.startswith(name[:-1]) \
                and not is_chrome(ent[0]):
            return replace(fact, organization=mention_of(ent))
    return fact


def _delegation_member(doc: Doc, fact: RoleFact) -> RoleFact:
    """A bare title still without an organization, in or right after a sentence on the officials of one
    organization, is held there: "Adeyemo met with counterparts from the European Commission and European
    Union. In meetings with Executive Vice President Valdis Dombrovskis, Commissioner Paolo Gentiloni, ..."
    (the nearest such phrase, its first organization; `delegation_noun` in role_words.tsv). Not a title of
    state ("President Biden"), which a readout's own officials bear beside the others."""
    words = fact.role.lower().split()
    if fact.organization is not None or fact.evidence.start >= fact.person.start or not words \
            or words[-1] in government_titles() and not set(words[:-1]) & CORPORATE_TITLE_WORDS:
        return fact
    sentence = doc.char_span(fact.evidence.sentence_start, fact.evidence.sentence_end, alignment_mode="expand")
    if sentence is None:
        return fact
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    found = [mention_of(ent) for token in doc[previous.start : sentence.end] if token.lemma_.lower() in DELEGATION_NOUNS
             for prep in token.children if prep.dep_ == "prep" and prep.lower_ in DELEGATION_PREPOSITIONS
             for pobj in prep.children if pobj.dep_ == "pobj" and pobj.ent_type_ in ORGANIZATION_LABELS
             if (ent := entity_containing(pobj)) is not None and not _is_portfolio_entity(ent)]
    return replace(fact, organization=found[-1]) if found else fact


def _implied(fact: RoleFact, name: str, kind: str) -> Mention:
    # An organization or state the text implies but does not write: a mention with the offsets of the title
    # that implies it (the words before the name), or none at all for a state, so that it is never taken
    # for a name the text writes there.
    if kind == "Place":
        return Mention(name, kind, fact.evidence.start, fact.evidence.start)
    if fact.evidence.start < fact.person.start:
        return Mention(name, kind, fact.evidence.start, fact.person.start)
    return Mention(name, kind, fact.person.end, max(fact.person.end, fact.evidence.end))
