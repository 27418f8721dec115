"""Write the working-calendar seed of mainland China (法定工作时间).

One row per calendar day, ``calendar_date,is_workday,statutory_hours``:
dates as ``YYYY-MM-DD``, ``is_workday`` as ``true``/``false`` and
``statutory_hours`` 8 on a workday, else 0.

Which days are worked comes from the maintained PyPI library ``holidays``
(``holidays.China``): Monday to Friday are workdays unless they are official
holidays, and the make-up workdays (调休) that the State Council moves onto a
weekend are workdays too. No date is typed here by hand. A year that the
library does not yet know the State Council's schedule for falls back to its
fixed-date rules (weekends and the holidays it can compute), so regenerate
the seed after upgrading ``holidays`` when a new schedule is published.

Usage::

    python scripts/generate_working_calendar.py
    python scripts/generate_working_calendar.py --first-year 2020 \\
        --last-year 2027 --out seeds/reference/working_calendar.csv
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import holidays

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_OUT = PROJECT_DIR / "seeds" / "reference" / "working_calendar.csv"
DEFAULT_FIRST_YEAR = 2020
DEFAULT_LAST_YEAR = 2027
HOURS_PER_WORKDAY = 8


def china_workdays(first_day: dt.date, last_day: dt.date) -> list[bool]:
    """Whether each day from first_day to last_day (inclusive) is worked."""
    calendar = holidays.China(years=range(first_day.year, last_day.year + 1))
    day_count = (last_day - first_day).days + 1
    return [
        calendar.is_working_day(first_day + dt.timedelta(days=offset))
        for offset in range(day_count)
    ]


def calendar_rows(first_year: int, last_year: int) -> list[tuple[str, str, str]]:
    """The seed's rows, one per day of the years first_year..last_year."""
    first_day = dt.date(first_year, 1, 1)
    last_day = dt.date(last_year, 12, 31)
    rows = []
    for offset, is_workday in enumerate(china_workdays(first_day, last_day)):
        day = first_day + dt.timedelta(days=offset)
        rows.append(
            (
                day.isoformat(),
                "true" if is_workday else "false",
                str(HOURS_PER_WORKDAY if is_workday else 0),
            )
        )
    return rows


def write_calendar(out: Path, first_year: int, last_year: int) -> int:
    """Write the seed file; returns the number of days written."""
    rows = calendar_rows(first_year, last_year)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["calendar_date,is_workday,statutory_hours"]
    lines += [",".join(row) for row in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    return len(rows)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="CSV file to write (default: seeds/reference/working_calendar.csv)",
    )
    parser.add_argument(
        "--first-year",
        type=int,
        default=DEFAULT_FIRST_YEAR,
        help="first year, from 1 January (default: %(default)s)",
    )
    parser.add_argument(
        "--last-year",
        type=int,
        default=DEFAULT_LAST_YEAR,
        help="last year, to 31 December (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if args.first_year > args.last_year:
        parser.error("--first-year must not be after --last-year")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    day_count = write_calendar(args.out, args.first_year, args.last_year)
    print(f"{args.out}: {day_count} days, {args.first_year}-{args.last_year}")


if __name__ == "__main__":
    main()
