"""Headless Chromium against the built site, served on 127.0.0.1, with a guard on every page.

Debian's ``chromium`` is used (``make test`` installs it; Playwright's own
browsers cannot be downloaded here).  Each ``launch`` gives Chromium a fresh,
temporary profile (Playwright's own ``--user-data-dir``), removed on close.

Every page a test opens goes through :class:`browsing.Guard`: a console error,
an uncaught exception, a failed request, an HTTP error status, or a request to
any host other than the local server makes the test fail at teardown.  Requests
to other hosts are also blocked, so that a leak cannot go unnoticed by succeeding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from archive_site import BuiltSite
from chromium import CHROMIUM, CHROMIUM_ARGS, static_host

from .browsing import DESKTOP, Guard, OpenPage


@pytest.fixture(scope="session")
def server(archive_site: BuiltSite) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port>/, as a static host serves it."""
    with static_host(archive_site.root) as url:
        yield url + "/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `make browser-deps` (or `make test`)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser, server: str) -> Iterator[OpenPage]:
    """``open_page(**context_options)`` → a guarded page in a fresh browser context.

    At teardown, fails if any page of the test had a console error, a failed
    request or a request to another host.
    """
    guard = Guard(server)
    contexts: list[BrowserContext] = []

    def open_(**options: Any) -> Page:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(base_url=server, **options)
        guard.watch(context)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()
    assert guard.visited, "the test visited no page"
    assert guard.problems == [], f"on {len(guard.visited)} page(s) visited: {guard.problems}"
