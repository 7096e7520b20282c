"""The README's screenshots: the front page on a desktop screen and the top of chapter 1 on a 412 px phone, in
headless Chromium.

Run after `python -m cnai.site.build`:  python docs/screenshot.py
"""
import os
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from cnai import paths
from cnai.site.browser import CHARTS_DRAWN, CHROMIUM_ARGS, chromium_path, fontconfig_with_cjk, served

SHOTS = [  # page, file, viewport, device scale
    ("index.html", Path(__file__).parent / "screenshot-front.png", (1280, 1500), 1),
    ("chapters/race.html", Path(__file__).parent / "screenshot-phone.png", (412, 1400), 2),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as fonts, served(paths.BUILD / "html") as site, sync_playwright() as playwright:
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_with_cjk(Path(fonts))))
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, env=env)
        for page_path, out, (width, height), scale in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
            page.goto(f"{site}/{page_path}", wait_until="networkidle")
            page.wait_for_function(CHARTS_DRAWN, timeout=20_000)
            page.screenshot(path=str(out))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
