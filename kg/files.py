"""Writing outputs so that a failed or interrupted run never leaves a half-written file or set behind."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError

# The signals a user stops kg with: they wait while a set of outputs is moved into place.
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename.

    >>> with atomic_path("/tmp/kg-doctest.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> Path("/tmp/kg-doctest.txt").read_text()
    'done'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: str | Path, text: str) -> None:
    """Write `text` to `path` atomically, as UTF-8."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


@contextmanager
def output_set(folder: str | Path) -> Iterator[Path]:
    """Yield a hidden staging folder inside `folder` to write a set of outputs into; when the block
    ends without an error, every file in it replaces its namesake in `folder`, one rename each, with
    SIGINT and SIGTERM held until the last is in place. On an error or an interrupt before that, the
    staging folder is removed and `folder` keeps the previous set whole.

    >>> with output_set("/tmp/kg-doctest-set") as stage:
    ...     _ = (stage / "a.txt").write_text("a"), (stage / "b.txt").write_text("b")
    >>> sorted(p.name for p in Path("/tmp/kg-doctest-set").iterdir())
    ['a.txt', 'b.txt']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_stages(folder)
    stage = None
    try:
        # Held while the folder is made and named: a stop that lands just after mkdtemp would otherwise
        # leave a staging folder nobody knows of (a loaded machine did, under the interrupt test).
        with signals_held():
            stage = Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{os.getpid()}-", dir=folder))
        yield stage
        names = sorted(os.listdir(stage))
        with signals_held():
            for name in names:
                os.replace(stage / name, folder / name)
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)


STAGE_PREFIX = ".kg-staging-"


def _remove_abandoned_stages(folder: Path) -> None:
    """Remove the staging folders of builds that were killed outright (SIGKILL, a crash): their process
    is gone. A build still running in the same folder keeps its own."""
    for stage in folder.glob(STAGE_PREFIX + "*"):
        pid = stage.name.removeprefix(STAGE_PREFIX).partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stage, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (they are delivered when the block ends): for steps that must not be cut."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def check_writable_folder(folder: str | Path) -> None:
    """Raise a one-line `KgError` unless `folder` is, or can be made, a folder kg can write files in.

    Checked by doing it: the missing folders are made, a file is made and removed in the last, and the
    folders made are removed again, so that a build fails before its parse, not after.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise KgError(f"output path is not a folder: {folder}")
    made: list[Path] = []
    try:
        missing, existing = [], folder
        while not existing.exists():
            missing.append(existing)
            existing = existing.parent
        if not existing.is_dir():
            raise KgError(f"cannot write to {folder}: {existing} is not a folder")
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
        fd, probe = tempfile.mkstemp(prefix=".kg-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        raise KgError(f"cannot write to {folder}: {error.strerror or error}") from None
    finally:
        for path in reversed(made):
            try:
                path.rmdir()
            except OSError:
                pass
