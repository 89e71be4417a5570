"""Kind `not_english`: replies in another language get a `language` flag and no step verdicts
(docs/labelling.md 6.5); English replies, however short or chatty, are graded as usual."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.grading import Grader
from trainer.grading.language import is_english
from trainer.models.grade import FLAGS, STEPS, GradeContext

DATA = Path(__file__).resolve().parent.parent / "data"

NOT_ENGLISH = [
    "Lo siento mucho, señora. ¿Cómo puedo ayudarle con la factura?",
    "Je suis désolée pour la commande, je vais vous aider.",
    "Es tut mir leid, ich kann Ihnen heute helfen.",
    "Mi dispiace molto, posso aiutarla?",
    "Desculpe, senhora, posso ajudar com a fatura?",
    "Mae'n ddrwg gen i, sut alla i helpu?",
    "Przepraszam bardzo, mogę pomóc?",
    "申し訳ありません。どうすればよろしいでしょうか。",
    "Извините, я помогу вам.",
    "Lo siento, Rosa.",
]
ENGLISH = [
    "ok",
    "Sorry.",
    "No problem",
    "im so sory thats awful, wat can i do",
    "so sorry 😞 whats the order number",
    "😡😡😡 🙏",
    "So sorry, Señora García, let me fix it.",
    "Hola Rosa! So sorry about this, what can I do?",
    "I'm sorry, Mr Nakamura-Søndergaard. Shall I refund it?",
    "Router model TP-Link Archer C7?",
]


@pytest.fixture(scope="module")
def lexical() -> Grader:
    return Grader.load(lexical_only=True)


@pytest.mark.parametrize("reply", NOT_ENGLISH)
def test_another_language_gets_the_flag_and_no_step_verdicts(lexical: Grader, reply: str) -> None:
    g = lexical.grade(reply, GradeContext(customer_name="Ms Ortiz"))
    assert "language" in g.flags and "language" in FLAGS
    for step in STEPS:
        v = g.step(step)
        assert (v.passed, v.due, v.committed, v.verdict) == (False, False, False, "not_due")
        assert v.evidence == [
            "only English replies are graded; this reply reads as another language"
        ]
        assert "Only English" in v.advice
    public = g.to_public()["steps"]
    assert all(public[s]["verdict"] == "not_due" for s in STEPS)  # type: ignore[index]
    assert g.suggested  # a model reply in English to learn from


@pytest.mark.parametrize("reply", ENGLISH)
def test_english_is_graded_however_short_or_chatty(lexical: Grader, reply: str) -> None:
    assert is_english(reply)
    assert "language" not in lexical.grade(reply).flags


def test_no_reply_in_the_labelled_data_is_taken_for_another_language() -> None:
    replies = [
        json.loads(line)["reply"]
        for f in sorted(DATA.glob("*.jsonl"))
        if f.name != "customer_lines.jsonl"
        for line in f.open(encoding="utf-8")
        if line.strip()
    ]
    assert len(replies) > 5000
    assert [r for r in replies if not is_english(r)] == []
