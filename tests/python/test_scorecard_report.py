"""The scorecard report (scripts/scorecard_report.py), rendered in headless Chromium.

The report is built from the demo build and opened from disk; every check reads the
rendered page (the DOM and the browser's logs), not the HTML source.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import PROJECT_DIR, query

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOT = PROJECT_DIR / "target" / "test-artifacts" / "scorecard.png"
CHROMIUM_ARGUMENTS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-quic",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1500",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=(
        "/usr/bin/chromium is missing: install Debian's chromium and "
        "chromium-driver (.ci/run does) to render the scorecard report"
    ),
)


@pytest.fixture(scope="module")
def report(demo_build, tmp_path_factory) -> tuple[Path, str]:
    """The report written from the demo build, and what the script printed."""
    out = tmp_path_factory.mktemp("scorecard") / "scorecard.html"
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT_DIR / "scripts" / "scorecard_report.py"),
            "--duckdb",
            str(demo_build),
            "--out",
            str(out),
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def page(report):
    """A headless Chromium with the report loaded; quit after the module."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile_dir = tempfile.mkdtemp(prefix="kam_chromium_")
    for argument in [*CHROMIUM_ARGUMENTS, f"--user-data-dir={profile_dir}"]:
        options.add_argument(argument)
    options.set_capability(
        "goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"}
    )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get(report[0].as_uri())
        yield driver
    finally:
        driver.quit()


def reported_periods(demo_build) -> dict[str, str]:
    """The as-of period (the last) and the latest complete period, by role."""
    rows = query(
        demo_build,
        "select distinct period_label, period_start, is_complete_period "
        "from main.kam_indicators order by period_start",
    )
    complete = [label for label, _, is_complete in rows if is_complete]
    return {"as_of": rows[-1][0], "latest_complete": complete[-1]}


def test_the_script_prints_progress_and_writes_one_file(report):
    path, output = report
    assert path.is_file()
    assert "scorecard_report: reading" in output
    assert f"wrote {path}" in output


@pytest.mark.parametrize("role", ["as_of", "latest_complete"])
def test_every_indicator_row_of_the_period_is_shown(demo_build, page, role):
    from selenium.webdriver.common.by import By

    label = reported_periods(demo_build)[role]
    expected = {
        (code, basis): status
        for code, basis, status in query(
            demo_build,
            "select indicator_code, basis, status from main.kam_indicators "
            f"where period_label = '{label}'",
        )
    }
    assert len(expected) == 40
    sections = page.find_elements(
        By.CSS_SELECTOR, f'section.period[data-period-label="{label}"]'
    )
    assert len(sections) == 1, f"one section for period {label}"
    rendered = {}
    for row in sections[0].find_elements(By.CSS_SELECTOR, "tr.indicator-row"):
        assert row.is_displayed()
        cells = row.find_elements(By.TAG_NAME, "td")
        assert cells[3].text.strip(), "every row shows a value (or a dash)"
        assert row.find_elements(By.CSS_SELECTOR, "svg.trend"), "a trend chart"
        key = (row.get_attribute("data-indicator"), row.get_attribute("data-basis"))
        assert key not in rendered, f"{key} shown twice"
        rendered[key] = row.get_attribute("data-status")
    assert rendered == expected


def test_values_are_formatted_with_their_unit(demo_build, page):
    from selenium.webdriver.common.by import By

    label = reported_periods(demo_build)["latest_complete"]
    section = page.find_element(
        By.CSS_SELECTOR, f'section.period[data-period-label="{label}"]'
    )

    def value_text(code: str, basis: str) -> str:
        row = section.find_element(
            By.CSS_SELECTOR,
            f'tr[data-indicator="{code}"][data-basis="{basis}"] td.value',
        )
        return row.text.strip()

    [(won_amount,)] = query(
        demo_build,
        "select value from main.kam_indicators where indicator_code = 'TAS.2.4' "
        f"and period_label = '{label}'",
    )
    assert value_text("TAS.2.4", "amount") == f"{won_amount:,.0f} CNY"
    assert re.fullmatch(r"\d{1,3}(,\d{3})*\.\d%", value_text("TAS.2.1", "count"))
    assert value_text("TAS.2.2", "won").endswith(" days")


def test_what_moved_names_accounts_and_reps(demo_build, page):
    from selenium.webdriver.common.by import By

    label = reported_periods(demo_build)["latest_complete"]
    blocks = page.find_elements(
        By.CSS_SELECTOR, f'section.period[data-period-label="{label}"] div.moved'
    )
    assert blocks, "the indicators that moved most are listed"
    [(account_name,)] = query(
        demo_build,
        "select dim_accounts.account_name from main.fct_account_periods "
        "inner join main.dim_accounts using (account_id) "
        f"where period_label = '{label}' and fct_account_periods.is_key_account "
        "order by abs(output_change) desc limit 1",
    )
    text = " ".join(block.text for block in blocks)
    assert account_name in text
    assert "Reps" in text


def test_no_console_error(page):
    severe = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, severe


def test_no_request_leaves_the_machine(page):
    links = page.execute_script(
        "return Array.from(document.querySelectorAll('[src], [href], [srcset]'))"
        ".map(e => e.getAttribute('src') || e.getAttribute('href')"
        " || e.getAttribute('srcset'));"
    )
    assert not [link for link in links if re.match(r"\s*(https?:)?//", link or "")]
    requested = [
        message["params"]["request"]["url"]
        for entry in page.get_log("performance")
        for message in [json.loads(entry["message"])["message"]]
        if message["method"] == "Network.requestWillBeSent"
    ]
    # chrome:// pages (the new-tab page) are the browser's own; only a network
    # scheme leaves the machine.
    assert not [url for url in requested if re.match(r"(https?|wss?|ftp):", url)]


def test_screenshot_is_saved(page):
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert page.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
