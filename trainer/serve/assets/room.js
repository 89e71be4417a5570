// The practice room page's own script. textual.js (loaded next) starts the terminal on
// window load; this file only runs before it, so the page needs no inline script and its
// Content-Security-Policy can forbid them.
"use strict";

// Start a fresh session: the same page without textual.js's "delay" and "ping" options.
function openRoomAgain() {
  window.location.href = window.location.pathname;
}

document.addEventListener("DOMContentLoaded", () => {
  // The socket lives next to this page on whatever address the browser used, so the room
  // works behind any name or proxy the server accepts (and the Origin check still applies).
  const terminal = document.getElementById("terminal");
  const socketUrl = new URL("ws", window.location.href);
  socketUrl.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  socketUrl.search = "";
  socketUrl.hash = "";
  terminal.dataset.sessionWebsocketUrl = socketUrl.href;

  for (const id of ["start", "restart"]) {
    document.getElementById(id).addEventListener("click", openRoomAgain);
  }
});
