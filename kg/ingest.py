"""Ingest: turn files and folders into `Article` records.

Plain text and Markdown are read as they are; HTML is reduced to its main text by trafilatura (no
navigation, scripts or footers), with the title, URL and date its markup gives; `.jsonl` holds one
article per line (fields id, title, text, url, published), lines split at "\n" only; a Markdown
file's YAML front matter gives its title, date and URL. Bytes that are not UTF-8 are read as
Windows-1252 / Latin-1 when that gives Western text, else in the encoding charset-normalizer detects,
and a warning says which; text that does not look like English gets a warning too (the model is
English). A file that cannot be read is reported in one warning line and skipped so that the rest of a
corpus still builds; when nothing at all can be read, one `KgError` line says why.

Every article of a corpus has an id of its own: the file's path relative to the folder given, or, when
another file already gave that id (`day2/a.txt` after `day1/a.txt`, or a file of an update after the
cached one), the path with the folder's name in front, with a warning that names both files.

An input may be an fsspec URL instead of a path (`s3://news/2024/` where s3fs is installed,
`file:///srv/news`, `simplecache::s3://...`): its files are listed and read through fsspec, in the
same order and with the same ids as a local folder's.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

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
    source: str  # what a user recognises: the file name, or a .jsonl record's own id (else file:line)
    text: str
    title: str = ""
    url: str = ""
    published: str = ""  # YYYY-MM-DD (or YYYY-MM, YYYY)
    file: str = ""  # the absolute path of the file it came from: an update tells a new version from a namesake


class SkippedFile(KgError):
    """A file in a corpus that could not be read; the build goes on without it."""


def iter_articles(inputs: Iterable[str | Path], *, exclude: Iterable[str | Path] = (),
                  taken: Mapping[str, str] | None = None) -> Iterator[Article]:
    """Yield the articles in `inputs` (files or folders), in a stable order; at least one, or raise.

    Folders are walked in sorted order; unsupported suffixes, hidden files and the folders in `exclude`
    are ignored, and so is any folder that holds kg's outputs (a `facts.jsonl` cache), so that a build
    never reads its own report. Unreadable files are logged as warnings (one line each) and skipped. A
    missing path raises `KgError` at once, before anything is read; inputs with no readable article
    raise `KgError` when iterated, in one line that says why, and the warnings held back until then are
    not logged. `taken` maps the ids of articles read before (an update's cache) to their files: an
    article of the same id from the same file is a new version of it, from another file a namesake
    that gets an id of its own.
    """
    paths = [_input(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise KgError(f"no such file or directory: {path}")
    return _read_all(paths, _identities(exclude), dict(taken or {}))


@dataclass(frozen=True)
class RemoteFile:
    """A file or folder at an fsspec URL (`s3://news/2024/`, `file:///srv/news/a.txt`), read as a local
    path is: the methods of `Path` that reading a corpus uses. An article read from it knows its file
    by the URL."""

    url: str
    fs: object = field(compare=False, repr=False)
    path: str = ""

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix

    def exists(self) -> bool:
        return self.fs.exists(self.path)

    def is_dir(self) -> bool:
        return self.fs.isdir(self.path)

    def resolve(self) -> RemoteFile:
        return self

    def read_bytes(self) -> bytes:
        return self.fs.cat_file(self.path)

    def open(self, mode: str = "rb"):
        return self.fs.open(self.path, mode)

    def files(self) -> list[tuple[RemoteFile, str]]:
        """The article files under this folder with their paths relative to it, in the order of those
        paths as text (as a local folder is walked); hidden files and folders, and folders that hold
        kg's outputs, left out."""
        root = self.path.rstrip("/")
        found = {path: path[len(root) + 1:] for path in self.fs.find(root)}
        outputs = {relative.rpartition("/")[0] for path, relative in found.items()
                   if PurePosixPath(relative).name == "facts.jsonl" and _is_facts_cache(self.fs, path)}
        return [(RemoteFile(f"{self.url.rstrip('/')}/{relative}", self.fs, path), relative)
                for path, relative in sorted(found.items(), key=lambda item: item[1])
                if PurePosixPath(relative).suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in relative.split("/"))
                and not any(relative.startswith(folder + "/") for folder in outputs)]

    def __str__(self) -> str:
        return self.url


def _input(location: str | Path) -> Path | RemoteFile:
    """A local path, or the file or folder at an fsspec URL."""
    from kg.files import is_url, url_filesystem

    if not is_url(location):
        return Path(location)
    fs, path = url_filesystem(str(location))
    return RemoteFile(str(location), fs, path)


def _is_facts_cache(fs, path: str) -> bool:
    try:
        with fs.open(path, "rb") as stream:
            return b'"format": "kg-facts"' in stream.readline(4096)
    except OSError:
        return False


def _identities(folders: Iterable[str | Path]) -> set[tuple[int, int]]:
    """The (device, inode) of each folder that exists: a folder is itself under any path."""
    found = set()
    for folder in folders:
        try:
            info = os.stat(folder)
        except OSError:
            continue
        found.add((info.st_dev, info.st_ino))
    return found


def _read_all(paths: list[Path | RemoteFile], exclude: set[tuple[int, int]], taken: dict[str, str]) -> Iterator[Article]:
    held_back: list[str] = []  # warnings before the first article: the error says it all if none comes
    found = False
    owners: dict[str, str] = {}  # id → file, for this run's articles
    previous = dict(taken)  # id → file, for the articles read before

    def warn(message: str) -> None:
        if found:
            log.warning("%s", message)
        else:
            held_back.append(message)

    for path, relative, root in _expand(paths, exclude, warn):
        try:
            for article in _read(path, relative, warn):
                article = _unique(article, root, owners, previous, warn)
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


def _unique(article: Article, root: str, owners: dict[str, str], previous: dict[str, str],
            warn: Callable[[str], None]) -> Article:
    """The article with an id no other article of the corpus has (see the module's docstring)."""
    wanted = article.id
    if wanted not in owners and previous.get(wanted, article.file) == article.file:
        owners[wanted] = article.file
        return article  # new, or a new version of the article an update's cache holds
    first = f"{root}/{wanted}" if root else wanted
    candidates = (first if n == 1 else f"{first}~{n}" for n in range(1, 1_000_000))
    # An id an update's cache gave this same file before is its own again: a new version of a namesake.
    new_id = next(c for c in candidates if c not in owners and previous.get(c, article.file) == article.file)
    owner = owners.get(wanted) or previous[wanted]
    warn(f"{article.file}: its id {wanted!r} is already {owner}'s; both are kept, this one as {new_id!r}")
    owners[new_id] = article.file
    return replace(article, id=new_id)


def estimate_articles(inputs: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> int:
    """How many articles `inputs` hold, counting a .jsonl file's non-blank lines: for progress bars."""
    count = 0
    for path, _, _ in _expand([_input(p) for p in inputs], _identities(exclude), lambda m: None):
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as stream:
                    count += sum(1 for line in stream if line.strip())
            except OSError:
                pass  # reading it will say why
        else:
            count += 1
    return count


def _expand(paths: list[Path | RemoteFile], exclude: set[tuple[int, int]],
            warn: Callable[[str], None]) -> Iterator[tuple[Path | RemoteFile, str, str]]:
    """(file, its id-to-be: the path relative to the folder given, that folder's name) for every input file."""
    seen: set[Path] = set()
    for path in paths:
        if isinstance(path, RemoteFile) and path.is_dir():
            root = PurePosixPath(path.path.rstrip("/")).name
            pairs = iter(path.files())
        elif isinstance(path, RemoteFile):
            root = ""
            pairs = iter([(path, PurePosixPath(path.path).name)])
        elif path.is_dir():
            root = path.resolve().name
            pairs = ((f, f.relative_to(path).as_posix()) for f in _walk(path, exclude, warn))
        else:
            root = ""
            pairs = iter([(path, path.name)])
        for file, relative in pairs:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                yield file, relative, root


def _walk(folder: Path, exclude: set[tuple[int, int]], warn: Callable[[str], None]) -> Iterator[Path]:
    """The article files under `folder`, in the order of their sorted paths, without recursion (a
    thousand nested folders are as good as one), each folder once (a symlink loop ends)."""
    visited: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry]] = []

    def enter(directory: Path) -> None:
        try:
            info = directory.stat()
            if (info.st_dev, info.st_ino) in visited:
                return
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(directory) as entries:
                # A folder sorts as its name and "/": the order of the files' relative paths as text.
                listed = sorted(entries, key=lambda e: e.name + "/" if e.is_dir() else e.name)
        except OSError as error:
            warn(f"skipped {directory}: {error.strerror or error}")
            return
        stack.append(iter(listed))

    enter(folder)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            continue
        path = Path(entry.path)
        if is_dir:
            try:
                info = entry.stat()
            except OSError:
                continue
            if (info.st_dev, info.st_ino) in exclude:
                continue
            if is_output_folder(path):
                warn(f"skipped {path}: it holds kg's outputs (facts.jsonl), not articles")
                continue
            enter(path)
        elif is_file and Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def is_output_folder(folder: Path) -> bool:
    """Whether `folder` holds the outputs of a kg build: its facts cache starts with kg's header."""
    try:
        with (folder / "facts.jsonl").open("rb") as stream:
            return b'"format": "kg-facts"' in stream.readline(4096)
    except OSError:
        return False


def _read(path: Path | RemoteFile, relative: str, warn: Callable[[str], None]) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SkippedFile(f"unsupported file type {suffix or '(none)'}; expected one of "
                          + ", ".join(sorted(SUPPORTED_SUFFIXES)))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SkippedFile(error.strerror or str(error)) from None
    text = decode(data, relative, warn)
    file = str(path.resolve())
    if suffix in JSONL_SUFFIXES:
        for article in _read_jsonl(text, relative, warn):
            yield replace(article, file=file)
        return
    if suffix in HTML_SUFFIXES:
        page = html_to_text(text)
        if not page.text.strip():
            raise SkippedFile("no article text in the page")
    elif suffix in {".md", ".markdown"}:
        page = markdown_page(text, relative, warn)
    else:
        page = Page(title=_headline(text), text=text)
    text = clean_text(page.text)
    if not text.strip():
        raise SkippedFile("no text")
    yield Article(id=relative, source=relative, text=text, title=clean_text(page.title).strip(), url=page.url,
                  published=page.published, file=file)


def decode(data: bytes, name: str, warn: Callable[[str], None] = log.warning) -> str:
    """Decode bytes as UTF-8; else as Windows-1252 / Latin-1 (each byte that is not UTF-8) when that
    reads as Western text; else as the encoding charset-normalizer detects. Every encoding but UTF-8 is
    named in a warning. Binary data is refused: more than 5 in 100 bytes control characters (a NUL
    byte anywhere counts as one, and a few are read as spaces, wherever they are).
    """
    for bom, encoding in UTF16_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise SkippedFile(f"not valid {encoding.upper()}") from None
            warn(f"{name} is not UTF-8; decoded as {encoding.upper()} (it has a byte-order mark)")
            return text
    if data and (len(data) - len(data.translate(None, CONTROL_BYTES))) / len(data) > 0.05:
        raise SkippedFile("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors=WESTERN_FALLBACK)
    if looks_western(text):
        warn(f"{name} is not UTF-8; decoded as {_western_name(data, text)}")
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _looks_binary(str(best)):
        raise SkippedFile("binary data, not text")
    warn(f"{name} is not UTF-8; decoded as {best.encoding} (detected)")
    return str(best)


# Byte-order marks of the encodings whose text is full of NUL bytes.
UTF16_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
              (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# The bytes that are control characters in text (not tab, newline, form feed or carriage return).
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\f\r") + b"\x7f"


def _western_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    # Each byte that is not UTF-8 as Windows-1252, Latin-1 where 1252 leaves a byte undefined.
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


WESTERN_FALLBACK = "kg-western"
codecs.register_error(WESTERN_FALLBACK, _western_fallback)
# Not letters, but at home inside a Western word: "Iran’s", "l·l", "soft\xadhyphen", "pre–war".
_IN_WORD = frozenset("’‘–—·°\u00a0\u00ad")
_NEXT_TO_LETTERS = re.compile(r"(?<=[^\W\d_])([^\x00-\x7f])|([^\x00-\x7f])(?=[^\W\d_])")


def looks_western(text: str) -> bool:
    """Whether text decoded as Windows-1252 reads as a Western language rather than a misread code page.

    Western text has few accented letters among its letters, and no symbol stuck to a word (Polish
    "łódź" from Windows-1250 reads "³ódŸ", Russian from Windows-1251 is all accented letters).

    >>> looks_western("José Müller visited Besançon on Friday.")
    True
    >>> looks_western("Prezydent odwiedzi³ £ódŸ w pi¹tek.")
    False
    >>> looks_western("Ïðåçèäåíò ïîñåòèë Ìîñêâó.")
    False
    """
    letters = sum(map(len, _WORDS.findall(text)))
    accented = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
    if not letters or accented / letters > 0.3:
        return False
    for match in _NEXT_TO_LETTERS.finditer(text):
        ch = match[1] or match[2]
        if ch.isalpha() or ch in _IN_WORD:
            continue
        if unicodedata.category(ch)[0] in "SNC" or (match[1] and match.end() < len(text) and text[match.end()].isalpha()):
            return False  # a symbol or digit touching a word, or punctuation inside one
    return not any(unicodedata.category(ch) == "Cc" for ch in text if 127 < ord(ch) < 160)


def _western_name(data: bytes, text: str) -> str:
    if text == data.decode("latin-1"):
        return "Latin-1 (ISO-8859-1)"
    if text == data.decode("cp1252", errors="replace"):
        return "Windows-1252"
    return "UTF-8 with some Windows-1252 / Latin-1"


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


def markdown_page(text: str, name: str = "", warn: Callable[[str], None] = log.warning) -> Page:
    """A Markdown article: YAML front matter (between `---` lines at the top) gives its title, date and
    URL and is not article text; else the title is the first `# ` heading.

    >>> page = markdown_page("---\\ntitle: Talks in Doha\\ndate: 2020-01-03\\n---\\n# Heading\\n\\nThe talks began.")
    >>> page.title, page.published, page.text
    ('Talks in Doha', '2020-01-03', '# Heading\\n\\nThe talks began.')
    """
    metadata: dict = {}
    front = _FRONT_MATTER.match(text)
    if front:
        import yaml

        try:
            loaded = yaml.safe_load(front[1])
        except yaml.YAMLError as error:
            warn(f"{name}: its front matter is not YAML ({' '.join(str(error).split())[:120]}); ignored")
            loaded = None
        metadata = loaded if isinstance(loaded, dict) else {}
        text = text[front.end():]
    title = _metadata_text(metadata, "title", name, warn)
    date = next((metadata[k] for k in ("date", "published", "datePublished") if metadata.get(k) is not None), None)
    return Page(title=title or next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), ""),
                text=text,
                url=_metadata_text(metadata, "url", name, warn) or _metadata_text(metadata, "link", name, warn),
                published=publication_date(date, name, warn) if date is not None else "")


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _metadata_text(record: Mapping, field: str, where: str, warn: Callable[[str], None]) -> str:
    """A text field of a record (a JSON line, front matter): "" when absent, a warning when not text."""
    value = record.get(field)
    if value is None:
        return ""
    if field == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # numbered feeds
    if not isinstance(value, str):
        warn(f"{where}: its {field!r} is {_json_kind(value)}, not text; ignored")
        return ""
    return clean_text(value).strip()


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def publication_date(value: object, where: str = "", warn: Callable[[str], None] = log.warning) -> str:
    """A publication date as YYYY-MM-DD (YYYY-MM or YYYY when that is all it says), or "" with a
    warning when it is not a date: ISO 8601 strings and YAML dates, else what dateparser reads in
    English with no part of the date made up.

    >>> publication_date("2020-01-03T10:00:00Z"), publication_date("3 January 2020"), publication_date("2019-07")
    ('2020-01-03', '2020-01-03', '2019-07')
    >>> publication_date("not a date", warn=print)
    its 'published' value 'not a date' is not a date; ignored
    ''
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        warn(f"{where}: its 'published' is {_json_kind(value)}, not a date; ignored".removeprefix(": "))
        return ""
    text = " ".join(value.split())
    if _PARTIAL_DATE.match(text):
        try:
            dt.date.fromisoformat(text + "-01-01"[len(text) - 4:])
            return text
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if 6 <= len(text) <= 64:
        import dateparser

        parsed = dateparser.parse(text, languages=["en"],
                                  settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
        if parsed is not None:
            return parsed.date().isoformat()
    warn(f"{where}: its 'published' value {value[:60]!r} is not a date; ignored".removeprefix(": "))
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
# Invisible characters that change how text displays, never what it says: bidirectional embeddings,
# overrides, isolates and marks (a U+202E in a name shows it reversed), zero-width space, BOM.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


def clean_text(text: str) -> str:
    r"""Unix newlines, no control or bidirectional formatting characters, and no lone surrogates (which
    JSON can smuggle in).

    >>> clean_text("one\r\ntwo\x00three\ud800 Ali\u202ebaba")
    'one\ntwo three? Alibaba'
    """
    text = _CONTROLS.sub(" ", _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _read_jsonl(text: str, relative: str, warn: Callable[[str], None]) -> Iterator[Article]:
    # Lines end at "\n" only: U+2028, U+0085 and the other line breaks of str.splitlines are valid
    # inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{relative}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            warn(f"skipped {where}: not JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            warn(f"skipped {where}: {_json_kind(record)}, not an object with a 'text' field")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not clean_text(text).strip():
            warn(f"skipped {where}: no 'text' field" if text is None or isinstance(text, str)
                 else f"skipped {where}: its 'text' is {_json_kind(text)}, not text")
            continue
        record_id = _metadata_text(record, "id", where, warn)
        published = record.get("published")
        yield Article(
            id=f"{relative}#{record_id or number}",
            source=record_id or where,
            text=clean_text(text),
            title=_metadata_text(record, "title", where, warn),
            url=_metadata_text(record, "url", where, warn),
            published=publication_date(published, where, warn) if published not in (None, "") else "",
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
