"""Untrusted text (replies, persona lines) is shown literally and never crashes the screen."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from test_tui_call import make_app, settle, start_call, transcript_lines
from textual.widgets import OptionList, Static
from tui_support import MARKUP_LINE, RUDE

from trainer.tui.safe import MAX_SHOWN, clean, safe_text
from trainer.tui.screens.call import CallScreen
from trainer.tui.screens.dialogs import ConfirmScreen
from trainer.tui.screens.report import ReportScreen
from trainer.tui.widgets.reply_input import ReplyInput


def test_clean_strips_escapes_and_controls() -> None:
    assert clean("\x1b[31mred\x1b[0m") == "red"
    assert clean("a\x1b]8;;http://x\x07link\x1b]8;;\x07b") == "alinkb"
    assert clean("bell\x07 null\x00 del\x7f c1\x9b2J") == "bell null del c1"
    assert clean("tab\there\r\nnext") == "tab    here\nnext"
    assert clean("[bold]x[/bold]") == "[bold]x[/bold]"


def test_clean_truncates_with_a_note() -> None:
    out = clean("x" * 100_000)
    assert out.startswith("x" * MAX_SHOWN)
    assert out.endswith(f"[{100_000 - MAX_SHOWN:,} more characters not shown]")


def test_safe_text_never_parses_markup() -> None:
    text = safe_text("[bold]B[/bold] [link=https://e.x]L[/link]")
    assert isinstance(text, Text)
    assert text.plain == "[bold]B[/bold] [link=https://e.x]L[/link]"
    assert text.spans == []


async def test_markup_persona_and_reply_are_shown_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        personas = home.query_one("#personas", OptionList)
        personas.focus()
        personas.highlighted = personas.get_option_index("markup-mal")
        await pilot.pause()
        preview = str(home.query_one("#preview-text", Static).render())
        assert "Mal [bold]Markup[/bold]" in preview
        await pilot.press("f5")
        await settle(pilot)
        # Mal was not written for this scenario: the question shows the name literally too.
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mal [bold]Markup[/bold] was not written for" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CallScreen)
        reply = screen.query_one(ReplyInput)
        reply.focus()
        reply.insert("[bold]hi[/bold] [link=https://evil.example]x[/link] \x1b[2J" + RUDE)
        await pilot.press("enter")
        await settle(pilot)
        lines = transcript_lines(screen)
        assert any("You: [bold]hi[/bold] [link=https://evil.example]x[/link]" in x for x in lines)
        assert not any("\x1b" in x for x in lines)
        # the customer's markup line (vent/restate) arrives as literal text
        assert any("Mr [i]Markup[/i]: [bold red]NOT BOLD[/]" in x for x in lines)
        assert MARKUP_LINE.replace("\x1b[31m", "").replace("\x1b[0m", "") in "\n".join(lines)
        await pilot.press("f7", "f2")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.press("f10", "y")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert "[link=https://evil.example]" in str(
            app.screen.query_one("#report-steps", Static).render()
        )


async def test_huge_reply_is_truncated_on_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_call(pilot)
        huge = ("I'm sorry [b]" + "blah " * 20_000)[:100_000]
        reply = screen.query_one(ReplyInput)
        reply.focus()
        reply.insert(huge)
        await pilot.press("enter")
        await settle(pilot)
        lines = transcript_lines(screen)
        mine = [x for x in lines if x.startswith("You: I'm sorry [b]")]
        assert len(mine) == 1
        assert "more characters not shown]" in mine[0]
        assert len(mine[0]) < MAX_SHOWN + 100
        assert screen.session.record.turns[0].reply == huge.strip()
