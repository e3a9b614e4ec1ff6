"""The guard every browser test relies on catches what it is there to catch."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .browsing import Guard, visit

pytestmark = pytest.mark.browser


def test_the_guard_reports_leaks_errors_and_failed_requests(browser: Browser, server: str) -> None:
    guard = Guard(server)
    # Without the page's policy, which would refuse the request to another host before it
    # is made (tests/browser/test_policy.py): here the guard's own net is under test.
    context = browser.new_context(base_url=server, bypass_csp=True)
    guard.watch(context)
    try:
        page = visit(context.new_page(), "about/")
        with page.expect_event("pageerror"):
            page.evaluate(
                """async () => {
                  await fetch("https://fonts.example.org/font.woff2").catch(() => {});
                  await fetch("no-such-file.json").catch(() => {});
                  console.error("something broke");
                  setTimeout(() => { throw new Error("uncaught"); }, 0);
                }"""
            )
    finally:
        context.close()
    assert guard.visited == [f"{server}about/"]
    found = "\n".join(guard.problems)
    assert "request to another host: https://fonts.example.org/font.woff2" in found
    assert f"HTTP 404: {server}about/no-such-file.json" in found
    assert "console error: something broke" in found
    assert "uncaught exception: " in found and "uncaught" in found
