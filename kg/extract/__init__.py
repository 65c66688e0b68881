"""Extract: person–role–organization facts and actor–action–target events from a parsed article.

The rules read spaCy's dependency parse: `roles` reads titles, appositions and predicates of office,
`events` reads who did what to whom. Dependency labels are gathered in named sets; each rule says in a
comment which construction of news prose it reads. Facts are yielded in text order, each with its
evidence: the sentence and the character offsets of the words that state it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.aliases import aliases
from kg.extract.events import events
from kg.extract.facts import ENTITY_TYPES, ArticleFacts, Evidence, EventFact, Mention, RoleFact, mention_of
from kg.extract.roles import role_facts
from kg.gazetteer import publisher_state
from kg.ingest import Article

__all__ = ["ArticleFacts", "Evidence", "EventFact", "Mention", "RoleFact", "events", "extract", "role_facts"]


def extract(doc: Doc, article: Article, killing: bool = True) -> ArticleFacts:
    """All mentions, role facts and events of one parsed article.

    `killing=False` leaves out the killing inference (`kg.extract.killing`): the culprit named only as the
    one arrested or convicted for a killing, the victim of the sentence's other killing, lone surnames as
    people. It is on by default: CoNLL04's Kill F1 is 0.88 with it and 0.78 without (bench/extraction.py).
    """
    mentions = tuple(mention_of(ent) for ent in doc.ents if ent.label_ in ENTITY_TYPES)
    roles = tuple(_dedupe(role_facts(doc, publisher_state(article.url))))
    return ArticleFacts(
        article=article,
        mentions=mentions,
        roles=roles,
        events=tuple(_dedupe(events(doc, roles, article.published, killing=killing))),
        aliases=tuple(aliases(doc)),
    )


def _dedupe(facts):
    seen = set()
    for fact in facts:
        if fact not in seen:
            seen.add(fact)
            yield fact
