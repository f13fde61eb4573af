"""The error types the core raises.

Every message is written for the patient or caregiver who will read it: it says what is
wrong in plain words and, where it can, what to do. The command line prints it on one line;
the app shows it beside the field or in a message box.
"""

from __future__ import annotations

from organizer.i18n import N_


class OrganizerError(Exception):
    """Base of every error meant to be shown to the user as it is."""

    def __init__(self, message: str) -> None:
        # A message marked N_() where it is defined (LOCKED_MESSAGE, "Cancelled: …") is
        # translated here; one formatted at the raise site is already in the language.
        from organizer.i18n import _

        message = _(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(OrganizerError):
    """A value the user typed cannot be stored; `field` names the field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class UsageError(OrganizerError):
    """The command line was called the wrong way (a missing option, an unknown TYPE, a
    word that is not FIELD=VALUE): exit status 2, as for argparse's own usage errors."""


class NotFoundError(OrganizerError):
    """The item asked for does not exist (or was deleted)."""


class AmbiguousError(OrganizerError):
    """A name matches more than one item; the message lists the matches."""


class NewerDatabaseError(OrganizerError):
    """The database was written by a newer version of the app; it is left untouched."""


class StoreBusyError(OrganizerError):
    """Another program holds the database; the user should try again in a moment."""


class CancelledError(OrganizerError):
    """The user pressed Cancel during long work; nothing was changed."""

    def __init__(self, message: str = N_("Cancelled: nothing was changed.")) -> None:
        super().__init__(message)


class LockedError(OrganizerError):
    """The store is encrypted and no passphrase (or a wrong one) was given; nothing changed."""


class WrongPassphraseError(LockedError):
    """The passphrase given does not open the store; nothing was changed."""


LOCKED_MESSAGE = N_("This organizer is locked with a passphrase. Type the passphrase to open "
                    "it (on the command line: set ORGANIZER_PASSPHRASE or run the command in a "
                    "terminal to be asked). Nothing was changed.")
WRONG_PASSPHRASE_MESSAGE = N_("That passphrase is not right. Check it (capital letters count) "
                              "and try again. Nothing was changed.")
