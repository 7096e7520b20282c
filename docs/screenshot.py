"""The README's screenshot: the top of chapter 1 in the built site, in headless Chromium.

Run after `python -m cnai.site.build`:  python docs/screenshot.py
"""
import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from cnai import paths
from cnai.site.browser import CHARTS_DRAWN, CHROMIUM_ARGS, chromium_path, fontconfig_with_cjk, served

PAGE, OUT, VIEWPORT = "chapters/race.html", Path(__file__).parent / "screenshot-race.png", (1280, 1700)


def main() -> None:
    with tempfile.TemporaryDirectory() as fonts, served(paths.BUILD / "html") as site, sync_playwright() as playwright:
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_with_cjk(Path(fonts))))
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, env=env)
        page = browser.new_page(viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]})
        page.goto(f"{site}/{PAGE}", wait_until="networkidle")
        page.wait_for_function(CHARTS_DRAWN, timeout=20_000)
        page.screenshot(path=str(OUT))
        browser.close()


if __name__ == "__main__":
    main()
