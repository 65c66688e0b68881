"""The one exception type the command line turns into a one-line message."""


class KgError(Exception):
    """A problem with the user's input or environment, explained in one line."""
