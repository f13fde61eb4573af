"""What a packet holds and how it is printed: sections, records, paper size, password.

The paper size defaults from the locale (Python's, never Qt's: the core runs headless):
the countries that use US Letter get Letter, everyone else A4.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass, field

from organizer.errors import ValidationError
from organizer.items.models import Record

# Section key -> its title in the packet, in the order the packet prints them.
# "At a glance" comes first: a specialist who reads one page reads that one.
SECTIONS: dict[str, str] = {
    "glance": "At a glance",
    "cover": "Cover",
    "contents": "Contents",
    "case": "The case",
    "timeline": "Timeline",
    "summary": "Patient summary",
    "questions": "Questions for the doctor",
    "index": "Index of enclosures",
    "enclosures": "Enclosures",
}

PAGE_SIZES = ("letter", "a4")

# Territories (ISO 3166 codes, and the English names Windows puts in its locale names)
# where US Letter is the usual paper.
_LETTER_TERRITORIES = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "PR", "DO", "SV", "NI",
    "BZ", "UNITED STATES", "CANADA", "MEXICO", "PHILIPPINES", "CHILE", "COLOMBIA",
    "VENEZUELA", "COSTA RICA", "GUATEMALA", "PANAMA", "PUERTO RICO", "DOMINICAN REPUBLIC",
    "EL SALVADOR", "NICARAGUA", "BELIZE",
}


def territory_of(locale_name: str | None) -> str:
    """The country part of a locale name.

    "en_US.UTF-8" -> "US"; Windows' "English_Canada.1252" -> "CANADA".
    """
    if not locale_name:
        return ""
    name = locale_name.split(".")[0].split("@")[0]
    if "_" not in name and "-" not in name:
        return ""
    return name.replace("-", "_").split("_", 1)[1].upper()


def default_page_size(locale_name: str | None = None) -> str:
    """"letter" where the locale's country uses US Letter, "a4" everywhere else.

    LC_PAPER says what paper the user set up, so it wins over LC_ALL and LANG.
    """
    if locale_name is None:
        for variable in ("LC_PAPER", "LC_ALL", "LANG"):
            value = os.environ.get(variable)
            if value and value not in ("C", "POSIX") and not value.startswith("C."):
                locale_name = value
                break
        else:
            locale_name = locale.getlocale()[0]
    return "letter" if territory_of(locale_name) in _LETTER_TERRITORIES else "a4"


@dataclass(frozen=True)
class PacketOptions:
    """The choices of one packet.

    `sections` are keys of SECTIONS; `record_ids` None means every record of the person
    that belongs in a packet by default (`in_packet_by_default`: the case's own first,
    then by date), otherwise exactly those records in that order of the default sort.
    `prepared_by` is the name of the caregiver making the packet when it is not the
    patient. `made_on` (ISO date) is for reproducible output in tests. `disc_images`:
    an enclosed imaging disc shows its key images, one page per study.

    `include_costs`: records about cost and insurance (by default left out of the
    records, see `about_cost`) and the options' costs, quotes and coverage are the
    patient's business, printed only when asked. `title_on_cover`: a case's title is the
    patient's own name for it ("Mom's back: surgery or not?"), printed on the cover and
    in the PDF's title only when asked; otherwise the diagnosis stands there.
    """

    sections: tuple[str, ...] = tuple(SECTIONS)
    record_ids: tuple[int, ...] | None = None
    page_size: str = field(default_factory=default_page_size)
    password: str | None = None
    prepared_by: str | None = None
    made_on: str | None = None
    disc_images: bool = True
    include_costs: bool = False
    title_on_cover: bool = False

    def __post_init__(self) -> None:
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValidationError(f"“{unknown[0]}” is not a part of the packet. Choose from: "
                                  f"{', '.join(SECTIONS)}.")
        if not self.sections:
            raise ValidationError("Choose at least one part of the packet to include.")
        if self.page_size not in PAGE_SIZES:
            raise ValidationError(f"The paper size “{self.page_size}” is not known. Choose "
                                  "letter or a4.")

    def has(self, section: str) -> bool:
        return section in self.sections


def about_cost(record: Record) -> bool:
    """Whether a record is about cost and insurance (an insurer's letter, a bill): the
    patient's business, which the second doctor does not need to give an opinion."""
    return record.kind == "insurance"


def in_packet_by_default(record: Record, include_costs: bool = False) -> bool:
    """Whether a record goes into the packet when the user has not picked records.

    A record about cost and insurance goes in only with `include_costs`.

    An import keeps the file it read (FHIR JSON, C-CDA XML) as a record of kind
    "imported": bookkeeping for the patient, which a doctor cannot read and the packet
    cannot enclose, so by default it is left out rather than listed as an enclosure that
    "could not be included". Picked by hand, it is included like any other record. A
    record kept from an import's narrative (no file) or holding a PDF or a picture stays.
    """
    if about_cost(record) and not include_costs:
        return False
    if record.kind != "imported" or not record.attachments:
        return True
    return any(a.media_type == "application/pdf" or a.media_type.startswith("image/")
               for a in record.attachments)
