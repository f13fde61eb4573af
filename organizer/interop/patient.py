"""Is this file about this person? Comparing the patient a file names with a chosen person.

Importing a relative's records under the wrong name is the worst mistake an import can
make: a doctor would read someone else's diagnoses as the patient's own. So before a plan
is applied for an existing person, the patient named in the file (name and birth date) is
compared with that person. Only a clear difference counts: names are compared casefolded,
without accents, titles or extra spaces, in any order of given and family names, and a
name that leaves out a middle name still matches; birth dates are compared only when both
are known, to the precision of the less precise one ("1950-03" matches "1950-03-02").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from organizer.items.models import Person

# Words around a name that say nothing about who the person is.
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "jr", "sr", "ii", "iii",
           "iv", "md", "phd"}


@dataclass(frozen=True)
class Mismatch:
    """The file names a different patient from the person chosen.

    `file_patient` and `person` are how each is named in messages: the name, with the
    birth date when it is known ("Martha DeLarosa, born 1 May 1972").
    """

    filename: str
    file_patient: str
    person: str
    person_name: str

    def refusal(self) -> str:
        """The one line the command line prints when it refuses the file."""
        return (f"“{self.filename}” is about {self.file_patient}, not {self.person}; "
                "nothing was imported. Choose the right person with --person, or add "
                f"--force if the file really is about {self.person_name}.")

    def warning(self) -> str:
        """What the app's import preview says above its confirmation box."""
        return (f"“{self.filename}” is about {self.file_patient}, but you are importing it "
                f"for {self.person}. Check that this is the right file and the right "
                "person: a doctor would read these records as theirs.")


def name_tokens(name: str) -> list[str]:
    """The words of a name, casefolded, without accents or titles: "Dr. Łukasz  Żółć" ->
    ["lukasz", "zolc"]."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    plain = plain.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    return [w for w in re.findall(r"\w+", plain) if w not in _TITLES]


def provider_key(name: str) -> str:
    """How a care-team member's name is compared: "Dr. Henry Seven", "HENRY SEVEN, M.D."
    and "henry seven" are one doctor."""
    return " ".join(name_tokens(name.replace(".", "")))


def same_name(first: str, second: str) -> bool | None:
    """True when two names are the same person's; None when either is empty."""
    one, two = name_tokens(first), name_tokens(second)
    if not one or not two:
        return None
    a, b = set(one), set(two)
    if a <= b or b <= a:  # a middle name left out, or family and given names swapped
        return True
    # "DeLarosa, Martha" against "Martha De Larosa": the same letters in some rotation
    joined = "".join(two)
    return any("".join(one[i:] + one[:i]) == joined for i in range(len(one)))


def same_birth_date(first: str | None, second: str | None) -> bool | None:
    """True when two dates can be the same day; None when either is unknown."""
    if not first or not second:
        return None
    one, two = first.strip()[:10], second.strip()[:10]
    shorter = min(len(one), len(two))
    return one[:shorter] == two[:shorter]


def described(name: str, birth_date: str | None) -> str:
    from organizer.packet.text import format_date

    return f"{name}, born {format_date(birth_date)}" if birth_date else name


def compare(filename: str, found: dict[str, Any], person: Person) -> Mismatch | None:
    """A Mismatch when the patient the file names is clearly not `person`, else None."""
    name = str(found.get("full_name") or "").strip()
    born = found.get("birth_date") if isinstance(found.get("birth_date"), str) else None
    names = same_name(name, person.full_name) if name else None
    births = same_birth_date(born, person.birth_date)
    if names is not False and births is not False:
        return None
    if name:
        shown = described(name, born)
    else:
        from organizer.packet.text import format_date

        shown = f"someone born {format_date(born)}"
    return Mismatch(filename, shown, described(person.full_name, person.birth_date),
                    person.full_name)
