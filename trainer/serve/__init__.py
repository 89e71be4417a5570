"""The classroom web server: the practice room in browsers, one app process per seat.

textual-serve supplies the piece that runs the Textual app as a child process and relays it
over a WebSocket (`AppService`) and the browser terminal (`textual.js`, xterm.js). This
package is the web server around them, built for a room of trainees on a shared network:
which pages may start a call (`origins`), how many calls fit in memory (`capacity`), and
what the server sends (`server`). Nothing here imports textual.
"""

from trainer.serve.capacity import SESSION_BYTES, default_max_sessions
from trainer.serve.origins import allowed_origins, parse_origin, url_origin
from trainer.serve.server import RoomServer

__all__ = [
    "SESSION_BYTES",
    "RoomServer",
    "allowed_origins",
    "default_max_sessions",
    "parse_origin",
    "url_origin",
]
