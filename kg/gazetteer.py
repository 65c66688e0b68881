"""What kg knows of the world before it reads: countries, well-known organizations, departments of state.

The gazetteer shipped as data (`kg/data/countries.tsv`, `organizations.tsv`), read once, and the two ways
news writes a department's name. Every stage looks names up here: `nlp` to type a span, `extract` to give
an office its state, `resolve` to merge the names of one country or organization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from kg.data import capitals, table_rows

# A state's government or its formal name stands for the country: "the Federal Government of Somalia",
# "the Government of the Islamic Republic of Afghanistan". ("State of" is left out: "Islamic State of Iraq"
# is no government of Iraq.)
GOVERNMENT_OF = re.compile(r"^(?:[\w’'-]+ )*?Government of (?:the )?(?P<rest>.+)$")
STATE_FORM_OF = re.compile(r"^(?:[\w’'-]+ )*?(?:Republic|Kingdom|Federation|Emirate|Sultanate|Commonwealth) of (?:the )?(?P<rest>.+)$")
# "Department of State", "U.S. Department of the Treasury": the forms news turns round ("State Department").
DEPARTMENT_OF = re.compile(r"^(?P<before>.*?)\bDepartment of (?:the )?(?P<portfolio>[A-Z][\w ]*)$")
DEPARTMENT_AFTER = re.compile(r"^(?P<before>.*?)\b(?P<portfolio>[A-Z][\w ]*?) Department$")


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


@cache
def place_names() -> frozenset[str]:
    """Lower-cased names of countries (not their demonyms) and capitals: the gazetteer of places."""
    names = {form for form, country in countries().items() if form not in {d.lower() for d in country.demonyms}}
    return frozenset(names | set(capitals()))


@cache
def known_names() -> frozenset[str]:
    """Lower-cased names of places and organizations the gazetteer knows."""
    return place_names() | frozenset(known_organizations())


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


@cache
def _publishers() -> dict[str, str]:
    return {row["domain"].lower(): row["country"] for row in table_rows("publishers.tsv")}


def publisher_state(url: str) -> str | None:
    """The state whose officials a publisher names without saying so: its government's sites and state
    broadcasters (`publishers.tsv`), by the longest listed end of the URL's host name.

    >>> publisher_state("https://obamawhitehouse.archives.gov/the-press-office/readout"), publisher_state("")
    ('United States', None)
    >>> publisher_state("https://www.gov.uk/government/news/pm-call"), publisher_state("https://example.com/gov")
    ('United Kingdom', None)
    """
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    for n in range(len(labels)):
        country = _publishers().get(".".join(labels[n:]))
        if country is not None:
            return country
    return None
