"""The one exception type the command line turns into a one-line message."""


class KgError(Exception):
    """A problem with the user's input or environment, explained in one line."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM, raised where the command line's process was so that every `finally` runs (and
    removes its temporary files). A BaseException, like KeyboardInterrupt, so no `except Exception`
    swallows it; not a KeyboardInterrupt, which the command-line library turns into a silent exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
