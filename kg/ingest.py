"""Ingest: turn files and folders into `Article` records.

Plain text and Markdown are read as they are; HTML is reduced to its main text by trafilatura (no
navigation, scripts or footers), with the title, URL and date its markup gives; `.jsonl` holds one
article per line (fields id, title, text, url, published). Bytes that are not UTF-8 are decoded with
the encoding charset-normalizer detects, with a warning; text that does not look like English gets a
warning too (the model is English). A file that cannot be read is reported in one warning line and
skipped so that the rest of a corpus still builds; when nothing at all can be read, one `KgError` line
says why.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class Article:
    """One news article: its text and what is known about where it came from."""

    id: str  # unique within a corpus and stable across runs: the file's path relative to its input
    source: str  # what a user recognises: the file name, or file name and line for .jsonl
    text: str
    title: str = ""
    url: str = ""
    published: str = ""


class SkippedFile(KgError):
    """A file in a corpus that could not be read; the build goes on without it."""


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article]:
    """Yield the articles in `inputs` (files or folders), in a stable order; at least one, or raise.

    Folders are walked recursively in sorted order; unsupported suffixes and hidden files are ignored.
    Unreadable files are logged as warnings (one line each) and skipped. A missing path raises
    `KgError` at once, before anything is read; inputs with no readable article raise `KgError` when
    iterated, in one line that says why, and the warnings held back until then are not logged.
    """
    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise KgError(f"no such file or directory: {path}")
    return _read_all(paths)


def _read_all(paths: list[Path]) -> Iterator[Article]:
    held_back: list[str] = []  # warnings before the first article: the error says it all if none comes
    found = False

    def warn(message: str) -> None:
        if found:
            log.warning("%s", message)
        else:
            held_back.append(message)

    for path, relative in _expand(paths):
        try:
            for article in _read(path, relative, warn):
                if not found:
                    found = True
                    for message in held_back:
                        log.warning("%s", message)
                _warn_if_not_english(article, warn)
                yield article
        except SkippedFile as skipped:
            warn(f"skipped {relative}: {skipped}")
    if not found:
        where = ", ".join(str(p) for p in paths)
        if not held_back:
            raise KgError(f"no readable articles in {where}: no article files ("
                          + ", ".join(sorted(SUPPORTED_SUFFIXES)) + ")")
        more = f"; and {len(held_back) - 2} more" if len(held_back) > 2 else ""
        raise KgError(f"no readable articles in {where}: " + "; ".join(held_back[:2]) + more)


def estimate_articles(inputs: Iterable[str | Path]) -> int:
    """How many articles `inputs` hold, counting a .jsonl file's non-blank lines: for progress bars."""
    count = 0
    for path, _ in _expand([Path(p) for p in inputs]):
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as stream:
                    count += sum(1 for line in stream if line.strip())
            except OSError:
                pass  # reading it will say why
        else:
            count += 1
    return count


def _expand(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
            pairs = [(f, f.relative_to(path).as_posix()) for f in files]
        else:
            pairs = [(path, path.name)]
        for file, relative in pairs:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file, relative


def _read(path: Path, relative: str, warn: Callable[[str], None]) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SkippedFile(f"unsupported file type {suffix or '(none)'}; expected one of "
                          + ", ".join(sorted(SUPPORTED_SUFFIXES)))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SkippedFile(error.strerror or str(error)) from None
    text = decode(data, relative, warn)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, relative, warn)
        return
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        if not page.text.strip():
            raise SkippedFile("no article text in the page")
    elif suffix in {".md", ".markdown"}:
        page = Page(title=_markdown_title(text), text=text)
    else:
        page = Page(title=_headline(text), text=text)
    text = clean_text(page.text)
    if not text.strip():
        raise SkippedFile("no text")
    yield Article(id=relative, source=relative, text=text, title=page.title, url=page.url, published=page.published)


def decode(data: bytes, name: str, warn: Callable[[str], None] = log.warning) -> str:
    """Decode bytes as UTF-8, else as the detected encoding (with a warning); refuse binary data."""
    for bom, encoding in UTF16_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise SkippedFile(f"not valid {encoding}") from None
    if b"\x00" in data[:4096]:
        raise SkippedFile("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _looks_binary(str(best)):
        raise SkippedFile("binary data, not text")
    warn(f"{name} is not UTF-8; decoded as {best.encoding}")
    return str(best)


# Byte-order marks of the encodings whose text is full of NUL bytes.
UTF16_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return not sample or controls / len(sample) > 0.05


@dataclass(frozen=True)
class Page:
    """An article's text and what its file says about it, before it becomes an `Article`."""

    title: str
    text: str
    url: str = ""
    published: str = ""  # YYYY-MM-DD


def html_to_text(html: str) -> Page:
    """The main text of an HTML page, without navigation, scripts or footers, and its metadata: title,
    canonical URL and publication date.

    Each block of the page (heading, paragraph, list item) becomes a paragraph of its own, so that a
    heading never runs into the sentence after it. The date comes from the page's markup only (meta
    tags, JSON-LD, <time>), never guessed from a date the article's prose mentions.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_images=False, favor_precision=True, deduplicate=False)
    metadata = trafilatura.extract_metadata(html, extensive=False)
    blocks = (line.strip() for line in (text or "").splitlines())
    return Page(title=(metadata.title or "").strip() if metadata else "",
                text="\n\n".join(block for block in blocks if block),
                url=(metadata.url or "") if metadata else "",
                published=(metadata.date or "") if metadata else "")


def _markdown_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def _headline(text: str) -> str:
    r"""The first line of a plain-text article that reads as a headline, or "".

    Pages saved as text open with chrome ("Accessibility links", "Breaking News") before the headline:
    a headline is a line of its own, of 4 to 20 words, mostly capitalised, with no closing full stop.

    >>> _headline("Accessibility links\n\nBreaking News\n\nUS Kills Commander of Iran’s Elite Quds Force\n\nThe United States struck.")
    'US Kills Commander of Iran’s Elite Quds Force'
    """
    for line in text.splitlines()[:20]:
        words = line.split()
        if not 4 <= len(words) <= 20 or line.rstrip()[-1] in ".!?:;,\"”":
            continue
        capitalised = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
        if capitalised / len(words) >= 0.6:
            return line.strip()
    return ""


# Control characters other than tab and newline: spaCy and Turtle literals are better off without them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    r"""Unix newlines, no control characters, and no lone surrogates (which JSON can smuggle in).

    >>> clean_text("one\r\ntwo\x00three\ud800")
    'one\ntwo three?'
    """
    text = _CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _read_jsonl(text: str, relative: str, warn: Callable[[str], None]) -> Iterator[Article]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{relative}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            warn(f"skipped {where}: not JSON ({error.msg})")
            continue
        text = clean_text(record["text"]) if isinstance(record, dict) and isinstance(record.get("text"), str) else ""
        if not text.strip():
            warn(f"skipped {where}: no 'text' field")
            continue
        field = lambda name: clean_text(str(record.get(name) or "")).strip()  # noqa: E731
        yield Article(
            id=f"{relative}#{field('id') or number}",
            source=where,
            text=text,
            title=field("title"),
            url=field("url"),
            published=field("published"),
        )


# English function words: news in English has about 40 in every 100 words, other languages under 5.
ENGLISH_SHARE = 0.12
_WORDS = re.compile(r"[^\W\d_]+")


def english_share(text: str, sample: int = 20_000) -> float | None:
    """The share of the words at the start of `text` that are English stop words; None if too few words.

    >>> english_share("Iran said on Friday that the strike was an act of war and it would respond.")
    0.5625
    >>> round(english_share("Le président a annoncé mardi une série de mesures pour soutenir les entreprises."), 2)
    0.08
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORDS.findall(text[:sample].lower())
    if len(words) < 12:
        return None
    return sum(word in STOP_WORDS for word in words) / len(words)


def _warn_if_not_english(article: Article, warn: Callable[[str], None]) -> None:
    share = english_share(article.text)
    if share is not None and share < ENGLISH_SHARE:
        warn(f"{article.source} does not look like English; the model is English, so few facts will be found")
