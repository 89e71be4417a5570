"""One call with the real grader, loaded in the background exactly as the app does it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_call import say, steps_text
from tui_support import make_library

from trainer.tui.app import DeescalateApp
from trainer.tui.screens.call import CallScreen
from trainer.tui.widgets.status import StatusLine


@pytest.mark.slow
async def test_real_grader_loads_in_the_background_and_grades(tmp_path: Path) -> None:
    app = DeescalateApp(library=make_library(), home=tmp_path, typing_delay=0.0, use_store=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.05)
        await pilot.press("f5")
        await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, CallScreen)
        if app.grader_state == "loading":
            assert "loading grader" in str(screen.query_one(StatusLine).render())
        for _ in range(1200):  # the model takes a few seconds, more on a busy machine
            if app.grader_state != "loading":
                break
            await pilot.pause(0.1)
        assert app.grader_state == "ready", app.grader.error
        await say(
            pilot,
            "I'm so sorry, Ms Tester. Being charged twice is awful. "
            "What can I do to put this right for you?",
        )
        text = steps_text(screen)
        assert "✔ Apologise sincerely" in text
        assert "✔ Ask how you can help" in text
        await say(pilot, "Calm down. That's our policy.")
        text = steps_text(screen)
        assert "✘ Remember the person" in text
        assert "told them to calm down" in text
