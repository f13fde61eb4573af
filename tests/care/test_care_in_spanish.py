"""What the core works out about a person's care, said in Spanish: the attention messages
(real plurals, dates in words), the checklist's steps, the question starters."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from organizer.care import starters
from organizer.care.attention import needs_attention
from organizer.i18n import language
from organizer.items.checklist import STEPS, step_text

TODAY = date(2026, 3, 10)


def iso(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def test_attention_messages_in_spanish_with_real_plurals(store: Any, person_id: int) -> None:
    doctor = store.add("provider", {"name": "Dra. Elena Suárez", "role": "second_opinion"},
                       person_id=person_id).id
    case = store.add("case", {"title": "Cáncer de próstata", "decide_by": iso(5)},
                     person_id=person_id).id
    for title in ("Informe de patología", "Resonancia", "Carta de urología"):
        store.add("record", {"title": title, "case_id": case}, person_id=person_id)
    store.add("visit", {"scheduled_at": iso(3) + " 09:30", "provider_id": doctor,
                        "case_id": case}, person_id=person_id)
    past = store.add("visit", {"scheduled_at": iso(-2) + " 10:00", "provider_id": doctor},
                     person_id=person_id).id
    store.add("question", {"text": "¿Qué etapa es?", "visit_id": past}, person_id=person_id)
    with language("es"):
        texts = [a.text for a in needs_attention(store, person_id, TODAY)]
    assert ("Decida sobre «Cáncer de próstata» antes del 15 de marzo de 2026 (dentro de 5 "
            "días).") in texts
    assert ("Todavía no se han enviado 3 registros a Dra. Elena Suárez; la cita es dentro de "
            "3 días (13 de marzo de 2026): Informe de patología, Resonancia, Carta de "
            "urología.") in texts
    assert ("1 pregunta de la cita con Dra. Elena Suárez del 8 de marzo de 2026 no tiene "
            "respuesta anotada.") in texts
    english = [a.text for a in needs_attention(store, person_id, TODAY)]
    assert "Decide on “Cáncer de próstata” by 15 March 2026 (in 5 days)." in english


def test_a_case_made_in_spanish_gets_its_steps_in_spanish(store: Any, person_id: int) -> None:
    with language("es"):
        case = store.add("case", {"title": "Segunda opinión"}, person_id=person_id,
                         checklist=True).id
    labels = [s.label for s in store.list_items("checklist", person_id,
                                                 where={"case_id": case})]
    assert labels[0] == "Pídale a su médico el nombre de otro especialista"
    assert labels[-1] == "Decida, y anote la decisión y por qué"


def test_a_shipped_step_is_shown_in_the_reader_language_and_a_reworded_one_as_typed() -> None:
    with language("es"):
        assert step_text(STEPS[6]) == "Tome notas durante la cita"
        assert step_text("Call Dr Hale's office") == "Call Dr Hale's office"
    assert step_text(STEPS[6]) == "Take notes during the visit"


def test_the_question_starters_in_spanish_keep_the_users_own_words(store: Any) -> None:
    with language("es"):
        shown = starters.load(store)
        assert shown.situations["cancer"] == "Un diagnóstico de cáncer"
        assert shown.themes["waiting"] == "Qué pasa si espero"
        assert shown.get("diagnosis-08").text.startswith("¿Qué tipo de cáncer es")
        assert len(shown.find(situation="cancer")) == len(starters.load(store).find(
            situation="cancer"))
        starters.edit(store, "diagnosis-01", "¿Cuál es mi diagnóstico exacto?")
        own = starters.add_own(store, "¿Puedo seguir manejando?")
    english = starters.load(store)
    assert english.get("diagnosis-01").text == "¿Cuál es mi diagnóstico exacto?"  # as typed
    assert english.get(own.id).text == "¿Puedo seguir manejando?"
    assert english.get("diagnosis-02").text.startswith("How sure are you")
    with language("es"):
        restored = starters.restore_original(store, "diagnosis-01")
    assert restored.text.startswith("¿Cuál es exactamente mi diagnóstico")
