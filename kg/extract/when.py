"""When and where an event happened: the date expression and the named location of its clause.

"On Friday, Turkish troops attacked Kurdish fighters in Afrin." published 2018-01-23: place Afrin, date
2018-01-19. Dates are read by dateparser against the article's publication date (a weekday is the latest
such day on or before it); a month or a year alone stays a month or a year. Without a publication date
only a date that writes its year is placed in time; the text is kept either way.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from functools import cache

from spacy.tokens import Token

from kg.data import event_words, word_sequences
from kg.extract.facts import Mention, When, entity_of, mention_of
from kg.extract.labels import CLAUSE_DEPS, PLACE_LABELS, TIME_LABELS

# Prepositions that say where: "in Afrin", "near Baghdad International Airport", "outside Kabul".
LOCATIVE_PREPOSITIONS = event_words()["locative_preposition"]
# How many prepositions a place may sit below its trigger: "killed [in an airstrike [in Iraq]]",
# "detonated [under a convoy] [near [the city [of Deir ez-Zor]]]".
PLACE_DEPTH = 3
# Words around a date that dateparser does not read and that change no day: "late Thursday", "early
# Friday local time", "this past July".
_SEQUENCES = word_sequences("event_words.tsv")
DATE_NOISE = re.compile(r"\b(" + "|".join(_SEQUENCES["date_noise"]) + r")\b", re.IGNORECASE)
# Monday first, as `datetime.date.weekday` counts; months by the three letters that start their names.
WEEKDAYS = _SEQUENCES["weekday"]
MONTHS = _SEQUENCES["month"]
# What makes a DATE entity a point in time rather than a duration ("three years", "decades"):
# a weekday, a month, a year, or a day counted from the publication date.
POINT_IN_TIME = re.compile(r"\b(" + "|".join(WEEKDAYS) + "|" + "|".join(MONTHS) + r")[a-z]*\.?|\b\d{4}\b|"
                           r"\b(today|yesterday|tonight|last (month|year))\b", re.IGNORECASE)
YEAR = re.compile(r"\b\d{4}\b")
# dateparser's period → how many characters of the ISO date the text vouches for.
PRECISION = {"day": 10, "month": 7, "year": 4}
# The dash that ends a dateline: "WASHINGTON –", "TAMPA, Fla. —".
DATELINE_DASHES = event_words()["dateline_dash"]
# How many words a dateline may have before its dash: "WASHINGTON (Department of Justice Press Release) –".
DATELINE_LENGTH = 12


def clause_place(trigger: Token, parties: Sequence[Mention]) -> Mention | None:
    """The named location of the trigger's clause that is none of its parties.

    "killed in an airstrike in Iraq" → Iraq; "the Kabul bombing" → Kabul; "the strike on Gaza" names Gaza
    as a target, not as the place.
    """
    taken = {(p.start, p.end) for p in parties}
    for token in _place_tokens(trigger):
        mention = mention_of(entity_of(token))
        if (mention.start, mention.end) not in taken and mention.text:
            return mention
    return None


def _place_tokens(trigger: Token) -> Iterator[Token]:
    if trigger.pos_ in {"NOUN", "PROPN"}:
        yield from (c for c in trigger.children if c.dep_ in {"compound", "nmod"} and c.ent_type_ in PLACE_LABELS)
    # "killed 126 people near Baghdad International Airport": the parser may hang the place on the object.
    frontier = [(trigger, False)] + [(c, False) for c in trigger.children if c.dep_ in {"dobj", "obj"}]
    for _ in range(PLACE_DEPTH):
        following = []
        for head, locative in frontier:
            for prep in head.children:
                if prep.dep_ != "prep":
                    continue
                here = locative or prep.lower_ in LOCATIVE_PREPOSITIONS
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    if here and obj.ent_type_ in PLACE_LABELS:
                        yield obj
                    following.append((obj, here))
        frontier = following


def in_dateline(token: Token) -> bool:
    """Whether a word is part of its sentence's dateline, which says where a release was filed, not who acted.

    "TAMPA, Fla. – On July 7, U.S. Central Command conducted a strike": the parser reads TAMPA as a second
    subject; "CHICAGO — A Chinese national was sentenced": as a second patient. A dateline is the run of
    capitalised words, commas and brackets that opens a sentence and ends with a dash.
    """
    sentence = token.sent
    bracketed = False
    for word in sentence[:DATELINE_LENGTH]:
        if word.text in DATELINE_DASHES and word.i > sentence.start and word.doc[word.i - 1].whitespace_ \
                and word.whitespace_:
            return token.i < word.i  # a dash between spaces: "Jean-Pierre" is a name
        bracketed = word.text == "(" or bracketed and word.text != ")"
        if not (bracketed or word.is_punct or word.text[:1].isupper() or word.like_num) or word.pos_ == "VERB":
            return False
    return False


def clause_time(trigger: Token, published: str) -> When | None:
    """The date expression of the trigger's clause, placed in time where it can be.

    "On Friday, Turkish troops attacked ..." published 2018-01-23 → When("On Friday", "2018-01-19").
    """
    for token in trigger.sent:
        if token.ent_iob_ != "B" or token.ent_type_ not in TIME_LABELS:
            continue
        span = entity_of(token)
        if not POINT_IN_TIME.search(span.text) or not _in_clause(span.root, trigger):
            continue  # "for three days", "just days earlier" say how long or how near, not when
        start = span.start
        if span.root.dep_ == "pobj" and span.root.head.i == span.start - 1:
            start -= 1  # the text as written: "On Friday"
        text = trigger.doc[start : span.end].text
        return When(text, normalise(span.text, published))
    return None


def _in_clause(token: Token, trigger: Token) -> bool:
    """Whether `token` hangs from `trigger` without passing through another clause or verb."""
    while token.i != trigger.i:  # spaCy makes a new Token object on each access: compare positions
        if token.head.i == token.i or token.dep_ in CLAUSE_DEPS or token.pos_ == "VERB":
            return False
        token = token.head
    return True


def normalise(text: str, published: str) -> str:
    """The ISO value of a date expression: "2018-01-19", "2017-07", "2013"; "" when it has none.

    >>> normalise("late Thursday", "2018-01-23"), normalise("this past July", "2018-01-23")
    ('2018-01-18', '2017-07')
    >>> normalise("Tuesday", "2018-01-23"), normalise("April 15, 2013", ""), normalise("three years", "2018-01-23")
    ('2018-01-23', '2013-04-15', '')
    """
    base = _date(published)
    if not POINT_IN_TIME.search(text) or (base is None and not YEAR.search(text)):
        return ""
    cleaned = " ".join(DATE_NOISE.sub(" ", text).split())
    if base is not None and cleaned.lower() in WEEKDAYS and WEEKDAYS.index(cleaned.lower()) == base.weekday():
        return base.isoformat()  # a weekday is the latest such day on or before publication: that day
    relative_base = datetime.datetime.combine(base or datetime.date(2000, 1, 1), datetime.time())
    parsed = _parser(relative_base).get_date_data(cleaned)
    if parsed.date_obj is None or parsed.period not in PRECISION:
        return ""
    if base is not None and parsed.date_obj.date() > base:
        return ""  # a date after publication is a plan or a misreading, not when it happened
    return parsed.date_obj.date().isoformat()[: PRECISION[parsed.period]]


def _date(published: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


@cache
def _parser(base: datetime.datetime):
    from dateparser.date import DateDataParser  # loads its language data once, on the first date read

    # Relative to the publication date, never to the clock: the same article always gives the same date.
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first"})
