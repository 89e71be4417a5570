"""`apology` committed failure `confessing_cause`: an apology that guesses a cause ("Sorry, our warehouse must have lost it")."""

from __future__ import annotations

from trainer.grading.kind import COMMITTED, CORPUS, Kind, Pattern

AFTER = Pattern(
    r"\b(?:must (?:have|'ve)(?! (?:been|given|felt|seemed|left|made|come|hurt|upset|worried|scared|"
    r"frightened|put <you>|ruined|spoiled|spoilt|wrecked|messed up|thrown|caused <you>)\b)|probably|presumably|i (?:think|guess|suspect|reckon|imagine) (?:our|the|we|it|"
    r"someone)|(?:most )?likely (?:because|our|the|we)|because (?:of )?(?:our|the|we|a|they|it)|due to\b|"
    r"as a result of|caused by|since (?:our|the) |(?:our|the|a) (?:\w+ ){0,2}(?:system|warehouse|driver|"
    r"courier|engineer|depot|computer|software|server|team|staff|supplier|contractor|machine|glitch|"
    r"update|upgrade|migration)s? (?:(?!(?:you|u|i|we|they)\b)\w+ )?(?:lost|messed|broke|crashed|glitched|went down|failed|"
    r"mixed|must|probably|forgot|double|was|were|had|ran|overran|scanned|sent))",
    CORPUS,
)
"""After the word: a guessed cause ("must have", "probably", "our system ... lost")."""


KIND = Kind(
    id="confessing_cause",
    step="apology",
    severity=COMMITTED,
    summary='an apology that guesses a cause ("Sorry, our warehouse must have lost it")',
    flag="explaining_cause",
    cues=(AFTER,),
    examples=("Sorry, our warehouse must have lost it.",),
)
