"""Code systems: the short names the organizer shows, and the codes that mean "none known".

FHIR names a code system by URL, C-CDA by OID; patients and doctors know them as SNOMED,
LOINC, RxNorm… A system we do not know keeps its URL (or OID), so nothing is lost.
"""

from __future__ import annotations

SYSTEMS: dict[str, str] = {
    "http://snomed.info/sct": "SNOMED",
    "2.16.840.1.113883.6.96": "SNOMED",
    "http://loinc.org": "LOINC",
    "2.16.840.1.113883.6.1": "LOINC",
    "http://hl7.org/fhir/sid/icd-10": "ICD-10",
    "2.16.840.1.113883.6.3": "ICD-10",
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "2.16.840.1.113883.6.90": "ICD-10-CM",
    "http://hl7.org/fhir/sid/icd-9-cm": "ICD-9-CM",
    "2.16.840.1.113883.6.103": "ICD-9-CM",
    "2.16.840.1.113883.6.104": "ICD-9-CM",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "2.16.840.1.113883.6.88": "RxNorm",
    "http://hl7.org/fhir/sid/cvx": "CVX",
    "2.16.840.1.113883.12.292": "CVX",
    "http://www.whocc.no/atc": "ATC",
    "2.16.840.1.113883.6.73": "ATC",
    "http://hl7.org/fhir/sid/ndc": "NDC",
    "2.16.840.1.113883.6.69": "NDC",
    "http://www.ama-assn.org/go/cpt": "CPT",
    "2.16.840.1.113883.6.12": "CPT",
    "http://unitsofmeasure.org": "UCUM",
    "http://fdasis.nlm.nih.gov": "UNII",
    "2.16.840.1.113883.4.9": "UNII",
    "http://standardterms.edqm.eu": "EDQM",
    "http://hl7.org/fhir/sid/icd-o-3": "ICD-O-3",
}

# Short name -> FHIR URL, for the export (the first URL listed for each name).
URLS: dict[str, str] = {}
for _url, _name in SYSTEMS.items():
    if _url.startswith("http"):
        URLS.setdefault(_name, _url)

# HL7 ObservationInterpretation codes -> the flag a result shows, in plain words.
INTERPRETATIONS = {
    "H": "high", "HH": "critically high", "HU": "very high", "HX": "high",
    "L": "low", "LL": "critically low", "LU": "very low", "LX": "low",
    "A": "abnormal", "AA": "critically abnormal", "N": "normal", "POS": "positive",
    "NEG": "negative", "DET": "detected", "ND": "not detected", "IND": "indeterminate",
    "R": "resistant", "S": "susceptible", "I": "intermediate",
    ">": "above the measurable range", "<": "below the measurable range",
}

# Codes saying there is nothing: "no known allergy", "no known problems", "no medication".
# They must never become a false allergy, diagnosis or medication.
NO_KNOWN_ALLERGY = {
    "716186003",  # No known allergy
    "409137002",  # No known drug allergy
    "428607008",  # No known environmental allergy
    "429625007",  # No known food allergy
    "428197003",  # No known insect allergy
    "1003774007",  # No known Hevea brasiliensis latex allergy
    "no-known-allergies", "no-allergy-info",
}
NO_KNOWN_OTHER = {
    "160245001",  # No current problems or disability
    "787481004",  # No known medication
    "182849000",  # No drug therapy prescribed
    "410942007",  # Drug or medicament (a placeholder, not a medication)
    "55607006",  # "Problem": with a negation it means no known problems
    "1240591000000102",
}
# The IPS "absent or unknown" code system: every code in it says there is nothing.
ABSENT_SYSTEMS = {"http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"}


def short_system(system: str | None) -> str | None:
    """SNOMED, LOINC… for a known system URL or OID; the system itself otherwise."""
    if not system:
        return None
    plain = system.removeprefix("urn:oid:")
    return SYSTEMS.get(system) or SYSTEMS.get(plain) or plain


def system_url(short: str | None) -> str | None:
    """The FHIR URL for a short name (the reverse of `short_system`), or None."""
    if not short:
        return None
    if short in URLS:
        return URLS[short]
    if short.startswith(("http://", "https://", "urn:")):
        return short
    if short[:1].isdigit() and "." in short:
        return f"urn:oid:{short}"
    return None


def says_none(code: str | None, system: str | None = None) -> bool:
    """True when a code means "none known" rather than naming a real thing."""
    if system in ABSENT_SYSTEMS:
        return True
    return bool(code) and (code in NO_KNOWN_ALLERGY or code in NO_KNOWN_OTHER)


def says_no_allergy(code: str | None, system: str | None = None) -> bool:
    return bool(code) and (code in NO_KNOWN_ALLERGY or (
        system in ABSENT_SYSTEMS and "allerg" in str(code)))
