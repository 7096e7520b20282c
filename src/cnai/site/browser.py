"""Headless Chromium for the site's browser tests, its benchmark and the README screenshot: Debian's Chromium with
the flags this kind of machine needs, the project's CJK font, and the built site served on 127.0.0.1."""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .charts import font_path

# Without the networking flags Chromium keeps trying to reach Google's hosts, which a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# Every chart arrives drawn (a static SVG with marks); live = vega-embed has replaced it (cnai-charts.js).
CHARTS_DRAWN = ("Array.from(document.querySelectorAll('.cnai-vega'))"
                ".every(el => el.querySelector(\"svg g[class*='mark-'] > *\") !== null)")
CHART_SETTLED = "el => ['live', 'error'].includes(el.dataset.rendered)"


def wait_until_live(page, chart, timeout_ms: int = 20_000) -> None:
    """Wait until vega-embed has replaced the static chart in `chart` (an element handle of a .cnai-vega)."""
    page.wait_for_function("el => el.dataset.rendered === 'live'", arg=chart, timeout=timeout_ms)


def make_charts_live(page, timeout_ms: int = 20_000) -> int:
    """Point at every chart in turn, as a reader would, and wait until each is live (or has failed: the test then
    sees data-rendered="error"). Returns the number of charts."""
    charts = page.locator(".cnai-vega")  # the container stays; what is inside it is replaced when it goes live
    for i in range(charts.count()):
        charts.nth(i).hover()  # scrolls it into view first; charts that pass under the pointer may go live too
        page.wait_for_function(CHART_SETTLED, arg=charts.nth(i).element_handle(), timeout=timeout_ms)
    return charts.count()


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def fontconfig_with_cjk(folder: Path) -> Path:
    """A fontconfig file that adds the project's Noto Sans SC to the system fonts, so that screenshots show
    Chinese text on machines without a CJK system font (readers' systems have one; the site ships none).
    Launch Chromium with FONTCONFIG_FILE set to it."""
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{font_path().parent}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(command: list[str], port: int) -> Iterator[str]:
    """Run a server command in a subprocess until it accepts connections on 127.0.0.1:port; yield its base URL."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def served(html: Path) -> contextlib.AbstractContextManager[str]:
    """The built site served by python's http.server on a free port."""
    port = free_port()
    return serving([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(html)],
                   port)
