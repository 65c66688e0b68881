"""Names as text: the one place that says how a written name is cleaned, compared and looked up.

Every stage compares names, each for its own purpose; the forms live here so that no module keeps its
own copy:

- `clean`: the name a mention writes, without the article, possessive and sentence punctuation around it;
- `mention_key`: two mentions of a sentence that are the same words ("the Pentagon's" ~ "Pentagon");
- `surname_key`: the part of a person's name a later mention keeps;
- `fold`: a name as a user types it in a query (case, accents, dots, hyphens and spacing ignored);
- `slug`, `entity_key`: a name as it is written in an IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Arabic and Dutch/German/French particles a later mention drops with the hyphen: "al-Muhandis" ~ "Muhandis".
# A name in capitals and initials ("IRGC", "U.N.", "MS-13", "AT&T"), as written or as a tokenizer keeps it.
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]*[A-Z0-9]\.?$")
# "Jr.", "III": after the surname, no part of what a later mention keeps.
GENERATIONAL_SUFFIX = re.compile(r"^(Jr\.?|Sr\.?|II|III|IV)$")
SURNAME_PARTICLES = re.compile(r"^(al|el|ad|as|ash|at|az|ibn|bin|van|von|de)[-‐]", re.IGNORECASE)


def name_cased(text: str) -> bool:
    """Whether a word is written as a name is: in title case, or a capital first and not all capitals, so
    that a capital inside the word counts too ("McVeigh", "DeSantis", "MacStiofain"), as `str.istitle`
    does not count it.

    >>> [name_cased(w) for w in ("McVeigh", "Obama", "O'Toole", "D.", "NATO", "obama")]
    [True, True, True, True, False, False]
    """
    return text.istitle() or text[:1].isupper() and not text.isupper()


def clean(text: str) -> str:
    """The name a mention writes, without "the", a possessive or the punctuation around it.

    >>> clean("the Pentagon’s"), clean("U.S."), clean("Baghdad."), clean("Joseph R. Biden, Jr.")
    ('Pentagon', 'U.S.', 'Baghdad', 'Joseph R. Biden, Jr.')
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"[’']s$", "", text)
    text = text.strip(" ,;:\"“”")
    # A final full stop ends the sentence, not an abbreviation: "U.S." and "Jr." keep their own.
    if text.endswith(".") and not re.search(r"(^|[.\s])[A-Za-z]\.$", text) \
            and not GENERATIONAL_SUFFIX.match(text.split()[-1]):
        text = text[:-1]
    return text


def mention_key(text: str) -> str:
    """Two mentions' words compared: lower case, no possessive, no leading "the".

    >>> mention_key("the Pentagon's") == mention_key("Pentagon")
    True
    """
    return " ".join(text.lower().replace("’s", "").replace("'s", "").split()).removeprefix("the ")


def surname_key(name: str) -> str:
    """The part of a person's name that a later mention keeps.

    >>> surname_key("Abu Mahdi al-Muhandis") == surname_key("Muhandis"), surname_key("John R. Lausch, Jr.")
    (True, 'lausch')
    """
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and GENERATIONAL_SUFFIX.match(words[-1]):
        words.pop()
    last = words[-1] if words else ""
    return SURNAME_PARTICLES.sub("", last).lower()


def fold(name: str) -> str:
    """A name folded for matching: case, accents, dots, hyphens and spacing ignored ("U.S." ~ "us").

    >>> fold("U.S.") == fold("us"), fold("Jean-Yves  Le Drian")
    (True, 'jean yves le drian')
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = text.replace(".", "").replace("’", "'")
    return " ".join(re.split(r"[\s\-–—_]+", text)).strip()


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
