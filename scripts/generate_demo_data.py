"""Generate the raw CRM tables of the contract (RAW_CONTRACT.md) as demo data.

A deterministic generator: a fixed random seed, so the same arguments give
byte-identical files. It writes the thirteen raw contract tables plus the
``fx_rates`` reference table for a B2B company that sells to key accounts in
mainland China, from 2023-01-01 to 2026-09-30 (three complete years and three
quarters of a fourth).

Usage::

    python scripts/generate_demo_data.py                     # the demo seeds
    python scripts/generate_demo_data.py --scale 1m --format parquet \\
        --out /tmp/kam_1m

Scales
------
``demo`` (default)
    One sales branch: 80 accounts, 15 sales reps, 6 presales staff and
    2 managers, 3,000 opportunities, about 30,600 rows over all tables. It
    is written to ``seeds/demo/`` (``fx_rates`` to ``seeds/reference/``),
    mixes in every value format the contract accepts and a few injected rows
    of every rejection reason, listed in the oracle
    ``tests/fixtures/demo_expected_rejections.csv``. With ``--out DIR`` all
    fourteen tables and the oracle go to DIR.
``1m``, ``10m``
    1,000,000 or 10,000,000 opportunities: the company has
    ceil(opportunities / 3,000) branches of the demo's shape, each
    generated from its own random stream (``seed``, branch number), so the
    output does not depend on how the work is chunked. Valid rows only, with
    the same mix of formats. Rows are written in blocks of branches, so
    memory stays bounded (CSV appended, Parquet one row group per block).

Proportions (rows of one branch, i.e. of the demo; per opportunity at 1m)
-------------------------------------------------------------------------
===================  ========================================  =======  =====
table                how it is made                            branch   /opp
===================  ========================================  =======  =====
opportunities        3,000 per branch, spread over accounts      3,000   1
                     by class (A 22, B 15, C 11, N 3.5 a
                     year), spend growth and season (Q4
                     strongest)
accounts             80 (12% created during the period)             80   0.027
users                2 managers, 12 reps (3 leave and are           23   0.008
                     replaced), 6 presales (one hired
                     mid-period, one leaves)
account_assessments  2 a year per account (H1 and H2)              607   0.20
account_owners       first owners, handovers when a rep            122   0.04
                     leaves (two with a gap), rebalancing
                     each January
revenue              1-3 invoices per won deal (also of deals    4,190   1.35
                     won before 2023), monthly call-off
                     orders, 2.5% credit notes
account_costs        0.85-1 a month per key account, 0.25 per    2,160   0.71
                     other account, 2% reversals
leads                0.3 converted, 0.2 disqualified, 0.05       1,640   0.55
                     open per opportunity
presales_costs       1-3 on 55% of supported opportunities         925   0.31
timesheets           presales staff on statutory workdays:       5,250   1.74
                     supported opportunities and internal
                     work
decision_chain       2-5 contacts per approved opportunity,     10,675   3.50
                     1-3 assessments each
team_ratings         1 per supported closed opportunity (85%)      903   0.30
deliveries           88% of won opportunities                    1,000   0.33
===================  ========================================  =======  =====

About 30,600 rows per branch, 10 per opportunity; the demo adds 37 rows that
staging must reject. ``fx_rates`` is the same at every scale: monthly USD and
EUR rates to CNY, 2020-01 to 2027-12 (192 rows).

The company is simulated per branch: account classes move with a spend that
grows by class (C about 18 % a year, A and B flat), two assessments a year
(with occasional moves into and out of key-account status N), opportunities
whose win chance rises with the decision chain's acceptance of the solution,
deals signed and invoiced before year-end, a ramp of 2021-2022 deals whose
invoices fall into 2023, presales work booked on workdays of
``holidays.China`` (make-up workdays worked, holidays not).

Every column is written as text: CSV in UTF-8 without byte-order mark, ``\\n``
line ends, quoted where needed; Parquet with every column a string (an empty
value is null).
"""

from __future__ import annotations

import argparse
import csv
import math
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from generate_working_calendar import china_workdays

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DEMO_DIR = PROJECT_DIR / "seeds" / "demo"
DEFAULT_FX_PATH = PROJECT_DIR / "seeds" / "reference" / "fx_rates.csv"
DEFAULT_ORACLE_PATH = (
    PROJECT_DIR / "tests" / "fixtures" / "demo_expected_rejections.csv"
)
ORACLE_NAME = "demo_expected_rejections.csv"
DEFAULT_SEED = 20250930


# The contract tables, their columns in contract order and their keys.
TABLES: dict[str, list[str]] = {
    "accounts": ["account_id", "account_name", "industry", "region", "created_on"],
    "account_assessments": [
        "account_id",
        "assessed_on",
        "account_class",
        "expected_annual_spend",
        "currency",
        "relationship_score",
        "solution_score",
        "price_score",
    ],
    "users": ["user_id", "user_name", "role", "hired_on", "left_on"],
    "account_owners": ["account_id", "user_id", "valid_from", "valid_to"],
    "revenue": ["revenue_id", "account_id", "booked_on", "amount", "currency"],
    "account_costs": [
        "cost_id",
        "account_id",
        "incurred_on",
        "cost_type",
        "amount",
        "currency",
    ],
    "leads": [
        "lead_id",
        "account_id",
        "created_on",
        "status",
        "closed_on",
        "opportunity_id",
        "estimated_presales_cost",
        "currency",
    ],
    "opportunities": [
        "opportunity_id",
        "account_id",
        "owner_id",
        "origin",
        "created_on",
        "approved_on",
        "closed_on",
        "outcome",
        "amount",
        "currency",
        "estimated_presales_cost",
    ],
    "presales_costs": [
        "cost_id",
        "opportunity_id",
        "incurred_on",
        "amount",
        "currency",
    ],
    "timesheets": [
        "entry_id",
        "user_id",
        "opportunity_id",
        "work_date",
        "hours",
        "is_confirmed",
    ],
    "decision_chain": [
        "opportunity_id",
        "contact_id",
        "contact_name",
        "role",
        "influence_weight",
        "assessed_on",
        "relationship_score",
        "solution_score",
        "price_score",
    ],
    "team_ratings": [
        "rating_id",
        "opportunity_id",
        "rater_id",
        "ratee_id",
        "rated_on",
        "score",
    ],
    "deliveries": [
        "delivery_id",
        "opportunity_id",
        "contract_amount",
        "currency",
        "status",
        "completed_on",
    ],
}
KEYS: dict[str, list[str]] = {
    "account_assessments": ["account_id", "assessed_on"],
    "account_owners": ["account_id", "valid_from"],
    "decision_chain": ["opportunity_id", "contact_id", "assessed_on"],
}
for _table, _columns in TABLES.items():
    KEYS.setdefault(_table, [_columns[0]])
FX_COLUMNS = ["currency", "valid_from", "rate_to_reporting"]

# The reason codes of the rejected rows, in the oracle's fixed order.
REASONS = [
    "missing_required",
    "unparseable_value",
    "out_of_range",
    "unknown_value",
    "orphan_reference",
    "inconsistent_dates",
    "inconsistent_outcome",
    "duplicate_superseded",
    "missing_fx_rate",
]

SCALES = {"demo": 3_000, "1m": 1_000_000, "10m": 10_000_000}
OPPORTUNITIES_PER_BRANCH = 3_000
ACCOUNTS_PER_BRANCH = 80
ROW_ID_STRIDE = 100_000  # ids of one branch's rows: branch * stride + n
FLUSH_ROWS = 250_000  # rows of one table buffered before a write
FORMAT_BRANCHES = 8  # branches formatted together (one random stream)
FORMAT_STREAM = 1_000_000_000  # random streams of formats: seed, this, chunk


def day(text: str) -> int:
    """The day number (days since 1970-01-01) of a YYYY-MM-DD text."""
    return int(np.datetime64(text, "D").astype(np.int64))


START = day("2023-01-01")
END = day("2026-09-30")
LUT_FIRST = day("2000-01-01")  # first day any generated date may take
LUT_LAST = day("2027-12-31")
CALENDAR_FIRST = day("2020-01-01")  # first day of the statutory calendar
NO_DAY = -1
FX_FIRST_MONTH = 2020 * 12  # fx_rates run monthly from 2020-01 ...
FX_MONTHS = 8 * 12  # ... to 2027-12

CNY, USD, EUR = 0, 1, 2
CURRENCIES = np.array(["CNY", "USD", "EUR"])
SIGNS = {USD: "$", EUR: "€"}

SALES, PRESALES, MANAGER = 0, 1, 2
CLASS_A, CLASS_B, CLASS_C, CLASS_N = 0, 1, 2, 3
WON, LOST, OPEN, DROPPED = 0, 1, 2, 3
CAPTURED, INCUBATED, OTHER_ORIGIN = 0, 1, 2
SUCCEEDED, FAILED, IN_PROGRESS, CANCELLED = 0, 1, 2, 3
COST_TYPES = ["sales", "presales", "marketing", "service", "other"]
LEAD_OPEN, LEAD_CONVERTED, LEAD_DISQUALIFIED = 0, 1, 2

# Canonical values of each enumeration domain, in index order, and the
# labels written for them with their weights. Every label, trimmed and
# lower-cased, is in seeds/reference/enum_synonyms.csv.
ENUM_LABELS: dict[str, list[list[tuple[str, int]]]] = {
    "account_class": [
        [("A", 86), ("A类", 7), ("a", 4), ("a类", 3)],
        [("B", 86), ("B类", 7), ("b", 4), ("b类", 3)],
        [("C", 86), ("C类", 7), ("c", 4), ("c类", 3)],
        [("N", 82), ("非大客户", 8), ("Not key", 4), ("N类", 3), ("n", 3)],
    ],
    "user_role": [
        [("sales", 80), ("销售", 8), ("Sales Rep", 6), ("SALES", 6)],
        [("presales", 80), ("售前", 8), ("Pre-Sales", 6), ("PRESALES", 6)],
        [("manager", 80), ("经理", 8), ("Sales Manager", 6), ("Manager", 6)],
    ],
    "cost_type": [
        [("sales", 85), ("销售", 8), ("Sales", 7)],
        [("presales", 80), ("售前", 8), ("pre-sales", 6), ("Presales", 6)],
        [("marketing", 80), ("市场", 8), ("营销", 6), ("Marketing", 6)],
        [("service", 85), ("服务", 8), ("SERVICE", 7)],
        [("other", 85), ("其他", 10), ("Other", 5)],
    ],
    "lead_status": [
        [("open", 85), ("跟进中", 10), ("Open", 5)],
        [("converted", 85), ("已转化", 10), ("CONVERTED", 5)],
        [("disqualified", 80), ("无效", 8), ("已关闭", 6), ("Disqualified", 6)],
    ],
    "opportunity_origin": [
        [("captured", 85), ("捕捉", 10), ("Captured", 5)],
        [("incubated", 85), ("孵化", 10), ("Incubated", 5)],
        [("other", 85), ("其他", 10), ("OTHER", 5)],
    ],
    "opportunity_outcome": [
        [("won", 81), ("赢单", 8), ("Closed Won", 5), ("WON", 5), ("won ", 1)],
        [("lost", 82), ("输单", 8), ("Closed Lost", 5), ("Lost", 5)],
        [("open", 85), ("进行中", 10), ("Open", 5)],
        [("dropped", 85), ("放弃", 10), ("Dropped", 5)],
    ],
    "delivery_status": [
        [("succeeded", 85), ("交付成功", 10), ("Succeeded", 5)],
        [("failed", 85), ("交付失败", 10), ("FAILED", 5)],
        [("in_progress", 75), ("in progress", 10), ("交付中", 10), ("In Progress", 5)],
        [("cancelled", 75), ("canceled", 10), ("取消", 10), ("Cancelled", 5)],
    ],
    "boolean": [
        [("true", 82), ("1", 5), ("yes", 3), ("是", 5), ("TRUE", 3), ("Yes", 2)],
        [("false", 82), ("0", 5), ("no", 3), ("否", 5), ("FALSE", 3), ("No", 2)],
    ],
}
TRUE_INDEX, FALSE_INDEX = 0, 1

# Shares of the accepted forms among dates and amounts (the rest plain).
DATE_FORM_SHARES = [0.90, 0.035, 0.03, 0.035]  # ISO, Y/M/D, Y年M月D日, + time
AMOUNT_FORM_SHARES = [0.88, 0.04, 0.045, 0.035]  # plain, 1,200, ¥/$/€, 万

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏建红云飞鑫波辉宇浩"
    "凯晨欣怡婷雪琳晓峰俊斌文博佳嘉思雨涵子轩宁然帆哲瑞睿琪颖倩志国海东立新"
)
CITIES = [
    ("上海", "华东"),
    ("杭州", "华东"),
    ("苏州", "华东"),
    ("南京", "华东"),
    ("宁波", "华东"),
    ("合肥", "华东"),
    ("无锡", "华东"),
    ("青岛", "华东"),
    ("济南", "华东"),
    ("厦门", "华东"),
    ("北京", "华北"),
    ("天津", "华北"),
    ("石家庄", "华北"),
    ("太原", "华北"),
    ("广州", "华南"),
    ("深圳", "华南"),
    ("佛山", "华南"),
    ("东莞", "华南"),
    ("武汉", "华中"),
    ("长沙", "华中"),
    ("郑州", "华中"),
    ("成都", "西南"),
    ("重庆", "西南"),
    ("昆明", "西南"),
    ("西安", "西北"),
    ("兰州", "西北"),
    ("沈阳", "东北"),
    ("大连", "东北"),
    ("长春", "东北"),
]
BRAND_CHARS = "华信达通恒瑞博泰兴联创星鼎正安宏远海天中盛嘉源科立德新明润凯晟"
INDUSTRIES = [
    ("制造业", ["精密制造", "机械", "装备", "汽车零部件"]),
    ("能源", ["能源", "电力", "新能源"]),
    ("金融", ["金融服务", "融资租赁", "保险代理"]),
    ("医疗健康", ["医药", "医疗器械", "生物科技"]),
    ("零售", ["商贸", "零售连锁", "百货"]),
    ("物流", ["物流", "供应链管理", "快运"]),
    ("电信", ["通信", "网络科技"]),
    ("化工", ["化工", "新材料"]),
    ("电子", ["电子", "半导体", "光电"]),
    ("食品饮料", ["食品", "饮料"]),
    ("建筑", ["建设", "建工"]),
    ("教育", ["教育科技"]),
]
COMPANY_SUFFIXES = [("有限公司", 55), ("股份有限公司", 30), ("集团有限公司", 15)]
CONTACT_ROLES = ["影响者", "使用者", "技术评估", "采购", "财务"]
DECISION_MAKER = "决策者"
CONTACTS_PER_ACCOUNT = 12

# Month weights of new opportunities and costs (Q4 strongest, February's
# Spring Festival weakest).
SEASON = np.array([0.75, 0.55, 1.0, 0.95, 0.95, 1.05, 0.9, 0.85, 1.0, 0.9, 1.25, 1.45])
# Opportunities a year of an account by class A, B, C, N.
OPPORTUNITY_RATE = np.array([22.0, 15.0, 11.0, 3.5])
# Half-year growth of the expected spend by class: mean and spread.
GROWTH_MEAN = np.array([0.005, 0.01, 0.085, 0.0])
GROWTH_SD = np.array([0.03, 0.035, 0.05, 0.08])
# Yearly account costs as a share of the expected spend, by class.
COST_SHARE = np.array([0.035, 0.04, 0.065, 0.015])
COST_RATE = np.array([1.0, 0.85, 0.95, 0.25])  # cost rows a month

# Assessment windows: two a year, (first day, last day).
ASSESSMENT_WINDOWS = [
    (day(f"{year}-01-09"), day(f"{year}-03-31"))
    if half == 0
    else (day(f"{year}-07-01"), day(f"{year}-09-25"))
    for year in range(2023, 2027)
    for half in (0, 1)
]
MONTHS = 45  # 2023-01 .. 2026-09
MONTH_STARTS = np.array(
    [day(f"{2023 + m // 12}-{m % 12 + 1:02d}-01") for m in range(MONTHS + 1)]
)
# Deals of 2021 and 2022 are simulated too, so that the data does not start
# with an empty order book; only their invoices from 2023 on are written.
HISTORY_MONTHS = 24
HISTORY_STARTS = np.array(
    [day(f"{2021 + m // 12}-{m % 12 + 1:02d}-01") for m in range(HISTORY_MONTHS)]
)
# Call-off orders (framework agreements) each month: rows by class and the
# yearly share of the expected spend they make up.
CALL_OFF_RATE = np.array([1.0, 0.8, 0.7, 0.25])
CALL_OFF_SHARE = 0.3


# --------------------------------------------------------------------------
# Calendar and exchange rates
# --------------------------------------------------------------------------


class Calendar:
    """Date texts and the statutory workdays of every day of the LUT range."""

    def __init__(self) -> None:
        days = np.arange(LUT_FIRST, LUT_LAST + 1)
        dates = days.astype("datetime64[D]")
        months = dates.astype("datetime64[M]")
        year = months.astype(np.int64) // 12 + 1970
        month = months.astype(np.int64) % 12 + 1
        day_of_month = (dates - months).astype(np.int64) + 1
        iso = np.datetime_as_string(dates).tolist()
        parts = list(
            zip(year.tolist(), month.tolist(), day_of_month.tolist(), strict=True)
        )
        self.iso_texts = iso
        self.slash_texts = [f"{y}/{m}/{d}" for y, m, d in parts]
        chinese = [f"{y}年{m}月{d}日" for y, m, d in parts]
        # Every form of every day, then the empty text: one lookup per column.
        self.forms = texts(iso + self.slash_texts + chinese + [""])
        self.times = texts(
            f"{h:02d}:{m:02d}:{s:02d}" if padded else f"{h}:{m:02d}:{s:02d}"
            for padded in (False, True)
            for h in range(8, 20)
            for m in range(60)
            for s in range(60)
        )
        weekday = (days + 3) % 7  # 0 = Monday
        worked = weekday < 5
        first = np.datetime64(CALENDAR_FIRST, "D").astype(object)
        last = np.datetime64(LUT_LAST, "D").astype(object)
        worked[CALENDAR_FIRST - LUT_FIRST :] = china_workdays(first, last)
        self.workdays = days[worked]
        index = np.arange(len(days))
        following = np.where(worked, index, len(days) - 1)
        self._next = np.minimum.accumulate(following[::-1])[::-1] + LUT_FIRST
        preceding = np.where(worked, index, 0)
        self._previous = np.maximum.accumulate(preceding) + LUT_FIRST

    def next_workday(self, days):
        """The day itself when worked, else the next workday."""
        return self._next[np.clip(days, LUT_FIRST, LUT_LAST) - LUT_FIRST]

    def previous_workday(self, days):
        """The day itself when worked, else the workday before."""
        return self._previous[np.clip(days, LUT_FIRST, LUT_LAST) - LUT_FIRST]

    def sample_workdays(self, rng, first, last):
        """One random workday in each [first, last]; NO_DAY where none."""
        low = np.searchsorted(self.workdays, first, "left")
        high = np.searchsorted(self.workdays, last, "right")
        count = high - low
        pick = low + (rng.random(len(low)) * np.maximum(count, 1)).astype(np.int64)
        pick = np.minimum(pick, len(self.workdays) - 1)
        return np.where(count > 0, self.workdays[pick], NO_DAY)


def fx_table(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Monthly rates to CNY of USD and EUR (rows: month from 2020-01)."""
    rng = np.random.default_rng([seed, 7919])
    rates = np.empty((FX_MONTHS, 3))
    rates[:, CNY] = 1.0
    for currency, start, mean, spread, low, high in (
        (USD, 7.02, 7.13, 0.035, 6.98, 7.32),
        (EUR, 7.72, 7.80, 0.045, 7.56, 8.04),
    ):
        value = start
        for month in range(FX_MONTHS):
            value += 0.12 * (mean - value) + rng.normal(0, spread)
            value = min(max(value, low), high)
            rates[month, currency] = round(value, 4)
    valid_from = np.array(
        [
            day(f"{(FX_FIRST_MONTH + m) // 12}-{(FX_FIRST_MONTH + m) % 12 + 1:02d}-01")
            for m in range(FX_MONTHS)
        ]
    )
    return rates, valid_from


def year_end_push(rng, days, earliest, share: float):
    """Moves a share of January and February days to the December before.

    Customers spend what is left of their budget before the year ends, so
    deals due early in a year are often signed, and invoices booked, in
    December; never before ``earliest``.
    """
    month = np.asarray(days).astype("datetime64[D]").astype("datetime64[M]")
    december = (month.astype("datetime64[Y]") - 1).astype("datetime64[M]") + 11
    target = december.astype("datetime64[D]").astype(np.int64)
    target = target + rng.integers(7, 28, len(month))
    move = (
        (month.astype(np.int64) % 12 <= 1)
        & (rng.random(len(month)) < share)
        & (target >= earliest)
    )
    return np.where(move, target, days)


def month_index(days):
    """Months since 2020-01 of day numbers (index into the fx table)."""
    months = np.asarray(days).astype("datetime64[D]").astype("datetime64[M]")
    return months.astype(np.int64) + 1970 * 12 - FX_FIRST_MONTH


# --------------------------------------------------------------------------
# Value formats
# --------------------------------------------------------------------------


def weighted_choice(rng, weights, size):
    """Random indexes into weights, drawn in proportion to them."""
    cumulative = np.cumsum(np.asarray(weights, dtype=float))
    draw = rng.random(size) * cumulative[-1]
    return np.minimum(np.searchsorted(cumulative, draw, "right"), len(cumulative) - 1)


# Text columns are Arrow string arrays, built with pyarrow.compute.


def texts(values) -> pa.Array:
    """Python strings as an Arrow string array."""
    return pa.array(list(values), type=pa.string())


def take(lookup: pa.Array, index) -> pa.Array:
    """The texts of a lookup array at the given positions."""
    return lookup.take(pa.array(np.asarray(index, dtype=np.int64)))


def join(*parts) -> pa.Array:
    """Texts (arrays or single strings) concatenated row by row."""
    return pc.binary_join_element_wise(*parts, "")


def where(mask, yes, no) -> pa.Array:
    """yes where mask holds, else no (arrays or single strings)."""
    return pc.if_else(pa.array(np.asarray(mask, dtype=bool)), yes, no)


def put(base: pa.Array, mask, values: pa.Array) -> pa.Array:
    """base with the rows where mask holds replaced by values, in order."""
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return base
    return pc.replace_with_mask(base, pa.array(mask), values)


def id_texts(prefix: str, numbers, width: int) -> pa.Array:
    """Ids as text: a prefix and a zero-padded number (E0012, 0101)."""
    digits = pa.array(np.asarray(numbers, dtype=np.int64)).cast(pa.string())
    digits = pc.utf8_lpad(digits, width, "0")
    return join(prefix, digits) if prefix else digits


# Texts of small numbers, looked up rather than formatted row by row.
HALVES = texts(f"{h // 2}.5" if h % 2 else str(h // 2) for h in range(401))
HUNDREDTHS = texts(f"{c / 100:.2f}".rstrip("0").rstrip(".") for c in range(1001))
TWO_DIGITS = texts(f"{n:02d}" for n in range(100))
FIVE_DIGITS = texts(f"{n:05d}" for n in range(ROW_ID_STRIDE))
CURRENCY_TEXTS = texts(CURRENCIES)


def half_texts(values) -> pa.Array:
    """Numbers from 0 to 200 in steps of 0.5 as plain text (85, 72.5)."""
    doubled = np.rint(np.asarray(values) * 2).astype(np.int64)
    assert doubled.min(initial=0) >= 0 and doubled.max(initial=0) < len(HALVES)
    return take(HALVES, doubled)


def hundredth_texts(values) -> pa.Array:
    """Numbers from 0 to 10 with at most two decimals (0.35, 0.3, 2)."""
    cents = np.rint(np.asarray(values) * 100).astype(np.int64)
    assert cents.min(initial=0) >= 0 and cents.max(initial=0) < len(HUNDREDTHS)
    return take(HUNDREDTHS, cents)


def thousands(whole: int) -> str:
    return f"{whole:,}"


class Formatter:
    """Writes values in the forms the contract accepts, mostly clean."""

    def __init__(self, calendar: Calendar, rng) -> None:
        self.calendar = calendar
        self.rng = rng
        self.labels = {}
        for domain, values in ENUM_LABELS.items():
            width = max(len(labels) for labels in values)
            pad = [("", 0)] * width
            rows = [(labels + pad)[:width] for labels in values]
            weights = np.array([[w for _, w in row] for row in rows], dtype=float)
            cumulative = np.cumsum(weights, axis=1)
            self.labels[domain] = (
                texts(t for row in rows for t, _ in row),
                cumulative / cumulative[:, -1:],
                width,
            )

    def dates(self, days) -> pa.Array:
        """Day numbers as text; NO_DAY as empty."""
        days = np.asarray(days, dtype=np.int64)
        index = np.clip(days, LUT_FIRST, LUT_LAST) - LUT_FIRST
        span = LUT_LAST - LUT_FIRST + 1
        # 0 YYYY-MM-DD, 1 YYYY/M/D, 2 YYYY年M月D日, 3 YYYY-MM-DD HH:MM:SS
        form = weighted_choice(self.rng, DATE_FORM_SHARES, len(days))
        pick = index + np.where(form == 3, 0, form) * span
        pick[days == NO_DAY] = 3 * span
        out = take(self.calendar.forms, pick)
        timed = (form == 3) & (days != NO_DAY)
        if timed.any():
            time_of_day = self.rng.integers(0, len(self.calendar.times), timed.sum())
            stamp = join(
                take(self.calendar.forms, index[timed]),
                " ",
                take(self.calendar.times, time_of_day),
            )
            out = put(out, timed, stamp)
        return out

    def amounts(self, cents, currency) -> pa.Array:
        """Amounts in cents as text in the currency's usual forms."""
        cents = np.asarray(cents, dtype=np.int64)
        count = len(cents)
        whole = np.abs(cents) // 100
        fraction = np.abs(cents) % 100
        decimals = (fraction != 0) | (self.rng.random(count) < 0.35)
        text = pa.array(whole).cast(pa.string())
        text = where(decimals, join(text, ".", take(TWO_DIGITS, fraction)), text)
        text = where(cents < 0, join("-", text), text)
        if count == 0:
            return text
        form = weighted_choice(self.rng, AMOUNT_FORM_SHARES, count)
        coin = self.rng.random(count)
        special = form > 0
        values = [
            self._special_amount(*args)
            for args in zip(
                form[special].tolist(),
                whole[special].tolist(),
                fraction[special].tolist(),
                decimals[special].tolist(),
                (cents[special] < 0).tolist(),
                np.asarray(currency)[special].tolist(),
                coin[special].tolist(),
                strict=True,
            )
        ]
        return put(text, special, texts(values))

    @staticmethod
    def _special_amount(form, whole, fraction, decimals, negative, currency, coin):
        tail = f".{fraction:02d}" if decimals else ""
        if form == 3 and currency == CNY and whole >= 10_000 and whole % 100 == 0:
            # 万 = ten thousand: 1.5万, ¥2,500万, -30万
            wan = whole // 10_000
            rest = (whole % 10_000) // 100
            body = (thousands(wan) if coin < 0.3 else str(wan)) + (
                f".{rest:02d}".rstrip("0") if rest else ""
            )
            sign = "¥" if coin < 0.2 else ""
            return ("-" if negative else "") + sign + body + "万"
        if form == 1 or form == 3:
            return ("-" if negative else "") + thousands(whole) + tail
        symbol = SIGNS.get(currency, "¥" if coin < 0.5 else "￥")
        body = (thousands(whole) if coin < 0.75 else str(whole)) + tail
        if not negative:
            return symbol + body
        return symbol + "-" + body if coin < 0.6 else "-" + symbol + body

    def enum(self, domain: str, values) -> pa.Array:
        """Canonical indexes of a domain as labels (won, 赢单, Closed Won)."""
        labels, cumulative, width = self.labels[domain]
        values = np.asarray(values, dtype=np.int64)
        draw = self.rng.random(len(values))
        variant = (draw[:, None] >= cumulative[values]).sum(axis=1)
        return take(labels, values * width + np.minimum(variant, width - 1))

    def currencies(self, currency) -> pa.Array:
        """ISO codes, now and then written in lower case (cny)."""
        currency = np.asarray(currency)
        lower = (self.rng.random(len(currency)) < 0.015) & (currency == CNY)
        return where(lower, "cny", take(CURRENCY_TEXTS, currency))


def csv_bytes(columns: list[pa.Array]) -> bytes:
    """Rows of text columns as UTF-8 CSV lines, fields quoted where needed."""
    fields = []
    for column in columns:
        needs = pc.match_substring_regex(column, '[,"\\r\\n]')
        if pc.any(needs).as_py():
            quoted = join('"', pc.replace_substring(column, '"', '""'), '"')
            column = pc.if_else(needs, quoted, column)
        fields.append(column)
    lines = join(pc.binary_join_element_wise(*fields, ","), "\n")
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int32)
    start, end = offsets[lines.offset], offsets[lines.offset + len(lines)]
    return lines.buffers()[2].to_pybytes()[start:end]


# --------------------------------------------------------------------------
# One branch of the company
# --------------------------------------------------------------------------


class Context:
    """What every branch shares: calendar, fx rates, id widths."""

    def __init__(self, seed: int, branches: int) -> None:
        self.seed = seed
        self.branches = branches
        self.calendar = Calendar()
        self.fx_rates, self.fx_valid_from = fx_table(seed)
        self.account_width = max(4, len(str(branches * 2000 - 1)))
        self.user_width = max(4, len(str(branches * 100)))
        self.row_width = max(6, len(str(branches * ROW_ID_STRIDE - 1)))
        self.contact_width = max(6, len(str(branches * 2000)))

    def rate(self, currency, days):
        """Rate to CNY of each (currency, day)."""
        return self.fx_rates[np.clip(month_index(days), 0, FX_MONTHS - 1), currency]


def person_names(rng, count: int) -> list[str]:
    """Distinct fake Chinese personal names (surname + one or two chars)."""
    weights = 1.0 / (np.arange(len(SURNAMES)) + 6.0)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        batch = count - len(names)
        surname = weighted_choice(rng, weights, batch)
        first = rng.integers(0, len(GIVEN_CHARS), batch)
        second = rng.integers(0, len(GIVEN_CHARS), batch)
        two = rng.random(batch) < 0.65
        for s, f, g, t in zip(surname, first, second, two, strict=True):
            name = SURNAMES[s] + GIVEN_CHARS[f] + (GIVEN_CHARS[g] if t else "")
            if name not in seen:
                seen.add(name)
                names.append(name)
    return names


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def logit(p):
    return np.log(p / (1.0 - p))


class Branch:
    """A sales branch: its staff, accounts and all their activity."""

    USERS = 23  # 2 managers, 15 sales (12 + 3 replacements), 6 presales
    MANAGERS = (0, 1)
    INITIAL_REPS = tuple(range(2, 14))
    REPLACEMENTS = (14, 15, 16)
    PRESALES = tuple(range(17, 23))

    def __init__(self, index: int, opportunities: int, context: Context) -> None:
        self.index = index
        self.n_opportunities = opportunities
        self.context = context
        self.calendar = context.calendar
        self.rng = np.random.default_rng([context.seed, index])
        self._users()
        self._accounts()
        self._assessments()
        self._ownership()
        self._opportunities()
        self._leads()
        self._presales()
        self._decision_chain()
        self._team_ratings()
        self._deliveries()
        self._revenue()
        self._account_costs()

    # -- helpers ------------------------------------------------------------

    def _days(self, first, last, size=None):
        return self.rng.integers(first, np.asarray(last) + 1, size=size)

    def row_id(self, prefix: str, number: int) -> str:
        """The id of a table's row number (from 0) of this branch."""
        value = self.index * ROW_ID_STRIDE + number + 1
        return f"{prefix}{value:0{self.context.row_width}d}"

    def user_id(self, user: int) -> str:
        value = self.index * 100 + int(user) + 1
        return f"E{value:0{self.context.user_width}d}"

    def account_id(self, account: int) -> str:
        value = int(self.account_number[account])
        return f"{value:0{self.context.account_width}d}"

    def opportunity_id(self, opportunity: int) -> str:
        return self.row_id("OP", int(opportunity))

    def contact_id(self, contact: int) -> str:
        value = self.index * 2000 + int(contact) + 1
        return f"CT{value:0{self.context.contact_width}d}"

    def _employed(self, user: int, on_day: int, until: int | None = None) -> bool:
        last = on_day if until is None else until
        return self.hired[user] <= on_day and (
            self.left[user] == NO_DAY or self.left[user] >= last
        )

    # -- staff --------------------------------------------------------------

    def _users(self) -> None:
        rng, cal = self.rng, self.calendar
        n = self.USERS
        self.role = np.array([MANAGER] * 2 + [SALES] * 15 + [PRESALES] * 6)
        hired = np.zeros(n, dtype=np.int64)
        left = np.full(n, NO_DAY, dtype=np.int64)
        hired[0:2] = self._days(day("2010-03-01"), day("2019-06-30"), 2)
        hired[2:14] = self._days(day("2013-01-01"), day("2022-06-30"), 12)
        self.leavers = [2 + int(u) for u in rng.choice(12, 3, replace=False)]
        windows = [
            ("2023-05-01", "2023-12-15"),
            ("2024-04-01", "2024-12-15"),
            ("2025-03-01", "2026-03-31"),
        ]
        for k, (first, last) in enumerate(windows):
            leaver = self.leavers[k]
            left[leaver] = cal.previous_workday(self._days(day(first), day(last)))
            hired[14 + k] = left[leaver] + rng.integers(-20, 46)
        hired[17:21] = self._days(day("2012-01-01"), day("2022-06-30"), 4)
        hired[21] = self._days(day("2015-01-01"), day("2021-12-31"))
        left[21] = cal.previous_workday(
            self._days(day("2025-02-01"), day("2025-08-31"))
        )
        hired[22] = self._days(day("2024-03-01"), day("2024-09-30"))
        self.hired = cal.next_workday(hired)
        self.left = left
        self.user_names = person_names(rng, n)

    # -- accounts -----------------------------------------------------------

    def _accounts(self) -> None:
        rng = self.rng
        n = ACCOUNTS_PER_BRANCH
        if self.index == 0:
            sample = rng.choice(np.arange(102, 2000), n - 1, replace=False)
            numbers = np.concatenate([[101], sample])
        else:
            numbers = rng.choice(np.arange(101, 2000), n, replace=False)
        self.account_number = self.index * 2000 + np.sort(numbers)
        self.is_new = rng.random(n) < 0.12
        created = np.where(
            self.is_new,
            self._days(day("2023-02-01"), day("2026-03-31"), n),
            self._days(day("2008-01-01"), day("2022-12-31"), n),
        )
        self.created = created
        self.created_known = self.is_new | (rng.random(n) >= 0.1)
        self.start_day = np.where(self.is_new, created, START)
        self.currency = weighted_choice(rng, [90, 6, 4], n)
        city = rng.integers(0, len(CITIES), n)
        industry = rng.integers(0, len(INDUSTRIES), n)
        suffix = weighted_choice(rng, [w for _, w in COMPANY_SUFFIXES], n)
        brand = rng.integers(0, len(BRAND_CHARS), (n, 2))
        word = rng.integers(0, 4, n)
        self.account_name = [
            CITIES[c][0]
            + BRAND_CHARS[b[0]]
            + BRAND_CHARS[b[1]]
            + INDUSTRIES[i][1][w % len(INDUSTRIES[i][1])]
            + COMPANY_SUFFIXES[s][0]
            for c, i, s, b, w in zip(city, industry, suffix, brand, word, strict=True)
        ]
        self.region = [
            CITIES[c][1] if keep else ""
            for c, keep in zip(city, rng.random(n) > 0.05, strict=True)
        ]
        self.industry = [
            INDUSTRIES[i][0] if keep else ""
            for i, keep in zip(industry, rng.random(n) > 0.06, strict=True)
        ]

    def _assessments(self) -> None:
        rng = self.rng
        n, slots = ACCOUNTS_PER_BRANCH, len(ASSESSMENT_WINDOWS)
        first = np.array([w[0] for w in ASSESSMENT_WINDOWS])
        last = np.array([w[1] for w in ASSESSMENT_WINDOWS])
        when = self._days(first, last, (n, slots))
        self.assessed = np.where(when >= self.created[:, None] + 7, when, NO_DAY)
        self.assessed[~self.is_new] = when[~self.is_new]
        cls = np.where(
            self.is_new,
            weighted_choice(rng, [0, 0, 35, 65], n),
            weighted_choice(rng, [12, 20, 30, 38], n),
        )
        low = np.array([25e6, 10e6, 2.5e6, 0.4e6])[cls]
        high = np.array([60e6, 25e6, 7e6, 2.5e6])[cls]
        spend = np.exp(rng.uniform(np.log(low), np.log(high)))
        self.spend = np.zeros((n, slots))
        self.account_class = np.zeros((n, slots), dtype=np.int64)
        for h in range(slots):
            if h:
                spend = spend * np.exp(
                    GROWTH_MEAN[cls] + GROWTH_SD[cls] * rng.normal(size=n)
                )
                by_spend = np.select(
                    [spend >= 24e6, spend >= 10.5e6, spend >= 1.5e6], [0, 1, 2], 3
                )
                key = cls != CLASS_N
                adopt = key & (rng.random(n) < 0.7)
                cls = np.where(adopt, by_spend, cls)
                leave = key & (
                    ((cls == CLASS_C) & (rng.random(n) < 0.05))
                    | ((cls == CLASS_B) & (rng.random(n) < 0.01))
                )
                enter = ~key & (spend >= 2e6) & (rng.random(n) < 0.12)
                cls = np.where(leave, CLASS_N, np.where(enter, CLASS_C, cls))
            self.spend[:, h] = spend
            self.account_class[:, h] = cls
        walk = np.cumsum(rng.normal(0, 3, (n, slots)), axis=1)
        trend = np.where(self.account_class == CLASS_C, 1.5, 0.0).cumsum(axis=1)
        base = np.array([80.0, 72.0, 62.0, 50.0])[self.account_class[:, :1]]
        effect = rng.normal(0, 7, (n, 1))
        self.relationship = np.clip(base + effect + walk + trend, 5, 98)
        self.solution = np.clip(
            62
            + rng.normal(0, 8, (n, 1))
            + np.cumsum(rng.normal(0.3, 3, (n, slots)), 1),
            5,
            98,
        )
        self.price = np.clip(
            58 + rng.normal(0, 9, (n, 1)) + np.cumsum(rng.normal(0, 3, (n, slots)), 1),
            5,
            98,
        )

    # -- ownership ------------------------------------------------------------

    def _sales_available(self, on_day: int, margin: int = 30) -> list[int]:
        return [
            u
            for u in self.INITIAL_REPS + self.REPLACEMENTS
            if self._employed(u, on_day, on_day + margin)
        ]

    def _ownership(self) -> None:
        """Owner rows per account: [user, valid_from, end, explicit_end]."""
        rng, cal = self.rng, self.calendar
        n = ACCOUNTS_PER_BRANCH
        rows: list[list[list[int]]] = [[] for _ in range(n)]
        owner = np.full(n, -1)

        def assign(account: int, user: int, from_day: int) -> None:
            history = rows[account]
            if history and history[-1][1] == from_day:
                history[-1][0] = user
            else:
                if history and history[-1][2] == NO_DAY:
                    history[-1][2] = from_day
                history.append([user, from_day, NO_DAY, NO_DAY])
            owner[account] = user

        # First owners: the two largest A accounts to the managers.
        order = np.argsort(-self.spend[:, 0])
        reps = rng.permutation(self.INITIAL_REPS).tolist()
        managers_left = list(self.MANAGERS)
        for position, account in enumerate(order.tolist()):
            if self.is_new[account]:
                continue
            if managers_left and self.account_class[account, 0] == CLASS_A:
                user = managers_left.pop(0)
            else:
                user = reps[position % len(reps)]
            low = max(
                int(self.created[account]), int(self.hired[user]), day("2016-01-01")
            )
            assign(account, user, int(self._days(low, day("2022-12-31"))))

        events: list[tuple[int, int, str, int]] = []
        for account in np.flatnonzero(self.is_new).tolist():
            events.append((int(self.created[account]), account, "new", account))
        for k, leaver in enumerate(self.leavers):
            events.append((int(self.left[leaver]) + 1, 0, "leave", k))
        for year in (2024, 2025, 2026):
            when = int(cal.next_workday(day(f"{year}-01-01")))
            events.append((when, 0, "rebalance", year))
        events.sort()
        handovers: list[tuple[int, int, int]] = []
        self.gap_accounts: list[int] = []
        for when, _, kind, payload in events:
            for due, account, user in sorted(handovers):
                if due <= when and owner[account] in self.MANAGERS:
                    assign(account, user, due)
            handovers = [h for h in handovers if h[0] > when]
            if kind == "new":
                candidates = self._sales_available(when)
                assign(payload, int(rng.choice(candidates)), when)
            elif kind == "rebalance":
                for account in range(n):
                    current = int(owner[account])
                    if current < 0 or current in self.MANAGERS or rng.random() >= 0.06:
                        continue
                    candidates = [
                        u for u in self._sales_available(when) if u != current
                    ]
                    assign(account, int(rng.choice(candidates)), when)
            else:
                leaver = self.leavers[payload]
                replacement = self.REPLACEMENTS[payload]
                accounts = np.flatnonzero(owner == leaver).tolist()
                for i, account in enumerate(accounts):
                    if payload == 0 and i < 2:
                        # A short gap: the account has no owner for a while.
                        rows[account][-1][2] = when
                        rows[account][-1][3] = when
                        start = int(cal.next_workday(when + rng.integers(7, 21)))
                        candidates = self._sales_available(start)
                        assign(account, int(rng.choice(candidates)), start)
                        self.gap_accounts.append(account)
                        continue
                    if self._employed(replacement, when):
                        target = replacement
                    else:
                        target = self.MANAGERS[account % 2]
                        due = int(self.hired[replacement]) + int(rng.integers(7, 22))
                        handovers.append((due, account, replacement))
                    if rng.random() < 0.3:
                        others = [u for u in self._sales_available(when) if u != leaver]
                        target = int(rng.choice(others))
                    assign(account, target, when)
        for due, account, user in sorted(handovers):
            if due <= END and owner[account] in self.MANAGERS:
                assign(account, user, due)

        table = []
        for account in range(n):
            history = rows[account]
            for i, (user, start, end, explicit) in enumerate(history):
                written = explicit
                if i + 1 < len(history) and explicit == NO_DAY:
                    draw = rng.random()
                    if draw < 0.42:
                        written = end
                    elif draw < 0.5 and self.left[user] == NO_DAY:
                        # Overlaps the next row, which ends it (the contract).
                        written = end + int(rng.integers(3, 11))
                table.append((account, user, start, end, written))
        owners = np.array(table, dtype=np.int64)
        self.owner_account = owners[:, 0]
        self.owner_user = owners[:, 1]
        self.owner_from = owners[:, 2]
        self.owner_end = np.where(owners[:, 3] == NO_DAY, LUT_LAST + 1, owners[:, 3])
        self.owner_to_written = owners[:, 4]

    def owner_on(self, accounts, days):
        """The owner of each account on each day, or -1 when it has none."""
        key = self.owner_account * 100_000 + (self.owner_from - LUT_FIRST)
        query = np.asarray(accounts) * 100_000 + (np.asarray(days) - LUT_FIRST)
        pos = np.searchsorted(key, query, "right") - 1
        pos_ok = np.maximum(pos, 0)
        found = (
            (pos >= 0)
            & (self.owner_account[pos_ok] == accounts)
            & (np.asarray(days) < self.owner_end[pos_ok])
        )
        return np.where(found, self.owner_user[pos_ok], -1)

    # -- opportunities --------------------------------------------------------

    def _opportunities(self) -> None:
        rng, cal, ctx = self.rng, self.calendar, self.context
        n_acc = ACCOUNTS_PER_BRANCH
        months = HISTORY_MONTHS + MONTHS
        month = np.arange(months) - HISTORY_MONTHS
        slot = np.maximum(month, 0) // 6
        cls_m = self.account_class[:, slot]
        spend_m = self.spend[:, slot]
        starts = np.concatenate([HISTORY_STARTS, MONTH_STARTS])
        opened = np.where(self.is_new, self.created, LUT_FIRST)
        weight = (
            OPPORTUNITY_RATE[cls_m]
            * np.sqrt(spend_m / self.spend[:, :1])
            * SEASON[month % 12][None, :]
            * (starts[1:][None, :] > opened[:, None])
        )
        # Exactly n_opportunities from 2023 on, and earlier ones in proportion.
        now = month >= 0
        counts = np.zeros(weight.shape, dtype=np.int64)
        total_now = weight[:, now].sum()
        counts[:, now] = rng.multinomial(
            self.n_opportunities, (weight[:, now] / total_now).ravel()
        ).reshape(n_acc, MONTHS)
        before = round(self.n_opportunities * weight[:, ~now].sum() / total_now)
        counts[:, ~now] = rng.multinomial(
            before, (weight[:, ~now] / weight[:, ~now].sum()).ravel()
        ).reshape(n_acc, HISTORY_MONTHS)
        cell = np.repeat(np.arange(n_acc * months), counts.ravel())
        acc, mon = cell // months, cell % months
        length = starts[mon + 1] - starts[mon]
        created = starts[mon] + (rng.random(len(cell)) * length).astype(np.int64)
        created = np.minimum(np.maximum(created, opened[acc]), END)
        order = np.lexsort((acc, created))
        acc, mon, created = acc[order], mon[order], created[order]
        n = len(acc)
        cls = cls_m[acc, mon]
        spend = spend_m[acc, mon]
        key = cls != CLASS_N
        origin = np.where(
            key,
            weighted_choice(rng, [50, 30, 20], n),
            weighted_choice(rng, [25, 20, 55], n),
        )
        quality = rng.normal(size=n)
        dropped = rng.random(n) < np.where(key, 0.16, 0.28)
        qualify = np.clip(np.rint(np.exp(rng.normal(np.log(18), 0.6, n))), 2, 150)
        approved = cal.next_workday(created + qualify.astype(np.int64))
        base = (
            np.array([0.56, 0.5, 0.33])[origin]
            + np.array([0.05, 0.03, 0.0, -0.08])[cls]
        )
        won = rng.random(n) < sigmoid(logit(base) + 1.1 * quality)
        cycle = np.where(
            won,
            np.exp(rng.normal(np.log(70), 0.55, n)),
            np.exp(rng.normal(np.log(55), 0.6, n)),
        )
        closed = approved + np.clip(np.rint(cycle), 10, 420).astype(np.int64)
        closed = cal.next_workday(year_end_push(rng, closed, approved + 7, 0.45))
        drop_day = cal.next_workday(created + rng.integers(7, 81, n))

        outcome = np.where(won, WON, LOST)
        approved_on = approved.copy()
        closed_on = closed.copy()
        # Dropped before approval.
        outcome = np.where(dropped, DROPPED, outcome)
        approved_on = np.where(dropped, NO_DAY, approved_on)
        closed_on = np.where(dropped, drop_day, closed_on)
        # Still open on the last day of the data.
        expected = rng.random(n)
        not_yet_dropped = dropped & (drop_day > END)
        not_yet_approved = ~dropped & (approved > END)
        not_yet_closed = ~dropped & (approved <= END) & (closed > END)
        is_open = not_yet_dropped | not_yet_approved | not_yet_closed
        outcome = np.where(is_open, OPEN, outcome)
        approved_on = np.where(not_yet_approved, NO_DAY, approved_on)
        closed_on = np.where(not_yet_dropped & (expected < 0.5), NO_DAY, closed_on)
        closed_on = np.where(not_yet_approved & (expected < 0.4), NO_DAY, closed_on)
        closed_on = np.where(not_yet_closed & (expected < 0.2), NO_DAY, closed_on)

        currency = self.currency[acc].copy()
        currency = np.where((currency == CNY) & (rng.random(n) < 0.015), USD, currency)
        share = np.clip(np.exp(rng.normal(np.log(0.035), 0.5, n)), 0.003, 0.5)
        value_cny = spend * share
        rate = ctx.rate(currency, created)
        unit = np.where(currency == CNY, 1000.0, 100.0)
        amount = np.maximum(np.rint(value_cny / rate / unit), 1) * unit
        estimate_present = rng.random(n) < np.where(outcome == DROPPED, 0.85, 0.65)
        estimate = np.rint(amount * rng.uniform(0.01, 0.05, n) / 100) * 100
        cents = (amount * 100).astype(np.int64)

        # Deals from before 2023 leave only their invoices behind.
        past = created < START
        won_before = past & (outcome == WON)
        self.history_account = acc[won_before]
        self.history_closed = closed_on[won_before]
        self.history_cents = cents[won_before]
        self.history_currency = currency[won_before]
        keep = ~past
        acc, created, outcome = acc[keep], created[keep], outcome[keep]
        approved_on, closed_on = approved_on[keep], closed_on[keep]
        owner_day = np.where(outcome == OPEN, END, np.minimum(closed_on, END))
        owner = self.owner_on(acc, owner_day)
        owner = np.where(owner < 0, self.owner_on(acc, created), owner)
        owner = np.where(owner < 0, self.MANAGERS[0], owner)

        self.opp_account = acc
        self.opp_owner = owner
        self.opp_origin = origin[keep]
        self.opp_created = created
        self.opp_approved = approved_on
        self.opp_closed = closed_on
        self.opp_outcome = outcome
        self.opp_currency = currency[keep]
        self.opp_amount_cents = cents[keep]
        self.opp_estimate_cents = np.where(
            estimate_present, (estimate * 100).astype(np.int64), -1
        )[keep]
        self.opp_quality = quality[keep]
        self.opp_value_cny = (amount * rate)[keep]

    # -- leads ----------------------------------------------------------------

    def _leads(self) -> None:
        rng, ctx = self.rng, self.context
        n_opp = len(self.opp_account)
        converted = np.flatnonzero(rng.random(n_opp) < 0.3)
        c_created = np.maximum(
            self.opp_created[converted] - rng.integers(3, 46, len(converted)), START
        )
        c_account = np.where(
            rng.random(len(converted)) < 0.95, self.opp_account[converted], -1
        )
        c_estimate = np.where(
            rng.random(len(converted)) < 0.4,
            np.rint(self.opp_amount_cents[converted] * 0.03 / 10_000) * 10_000,
            -1,
        ).astype(np.int64)

        n_dis = round(0.2 * n_opp)
        d_created = self._days(START, END - 5, n_dis)
        d_closed = d_created + rng.integers(2, 61, n_dis)
        d_open = d_closed > END
        n_open = round(0.05 * n_opp)
        o_created = self._days(END - 120, END, n_open)

        created = np.concatenate([c_created, d_created, o_created])
        status = np.concatenate(
            [
                np.full(len(converted), LEAD_CONVERTED),
                np.where(d_open, LEAD_OPEN, LEAD_DISQUALIFIED),
                np.full(n_open, LEAD_OPEN),
            ]
        )
        closed = np.concatenate(
            [
                self.opp_created[converted],
                np.where(d_open, NO_DAY, d_closed),
                np.full(n_open, NO_DAY),
            ]
        )
        other = n_dis + n_open
        # Leads of known accounts (created by then), or of new prospects.
        pick = rng.integers(0, ACCOUNTS_PER_BRANCH, other)
        known = (
            rng.random(other) < np.r_[np.full(n_dis, 0.55), np.full(n_open, 0.5)]
        ) & (self.start_day[pick] <= created[len(converted) :])
        account = np.concatenate([c_account, np.where(known, pick, -1)])
        opportunity = np.concatenate([converted, np.full(other, -1)])
        currency = np.concatenate(
            [self.opp_currency[converted], weighted_choice(rng, [95, 5, 0], other)]
        )
        value_cny = np.exp(rng.normal(np.log(30_000), 0.7, other))
        value = (
            np.rint(
                value_cny
                / ctx.rate(currency[len(converted) :], created[len(converted) :])
                / 100
            )
            * 100
        )
        has_estimate = (
            rng.random(other) < np.r_[np.full(n_dis, 0.85), np.full(n_open, 0.5)]
        )
        estimate = np.concatenate(
            [c_estimate, np.where(has_estimate, (value * 100).astype(np.int64), -1)]
        )
        order = np.argsort(created, kind="stable")
        self.lead_created = created[order]
        self.lead_status = status[order]
        self.lead_closed = closed[order]
        self.lead_account = account[order]
        self.lead_opportunity = opportunity[order]
        self.lead_estimate_cents = estimate[order]
        self.lead_currency = currency[order]

    # -- presales: support, costs and timesheets ------------------------------

    def _presales(self) -> None:
        rng, cal = self.rng, self.calendar
        approved = self.opp_approved
        candidates = np.flatnonzero(approved != NO_DAY)
        rank = np.argsort(np.argsort(self.opp_value_cny[candidates])) / max(
            len(candidates), 1
        )
        chosen = candidates[rng.random(len(candidates)) < 0.3 + 0.35 * rank]
        staff = np.array(self.PRESALES)
        start = approved[chosen]
        ok = (self.hired[staff][None, :] <= start[:, None]) & (
            (self.left[staff][None, :] == NO_DAY)
            | (self.left[staff][None, :] >= start[:, None] + 10)
        )
        pick = np.argmax(rng.random(ok.shape) * ok, axis=1)
        has = ok.any(axis=1)
        supported = chosen[has]
        person = staff[pick[has]]
        closing = self.opp_closed[supported]
        closed_done = np.isin(self.opp_outcome[supported], [WON, LOST])
        window_end = np.where(closed_done, closing, END)
        leaves = self.left[person]
        window_end = np.where(
            leaves != NO_DAY, np.minimum(window_end, leaves), window_end
        )
        self.supported = supported
        self.supported_person = person
        window_start = approved[supported]

        # Presales costs: travel, demo kits and the like.
        with_cost = rng.random(len(supported)) < 0.55
        count = with_cost * (
            1 + (rng.random(len(supported)) < 0.35) + (rng.random(len(supported)) < 0.1)
        )
        rows = np.repeat(np.arange(len(supported)), count)
        when = cal.sample_workdays(rng, window_start[rows], window_end[rows])
        keep = when != NO_DAY
        rows, when = rows[keep], when[keep]
        scale = (self.opp_value_cny[supported[rows]] / 1e6) ** 0.3
        cost = (
            np.rint(np.exp(rng.normal(np.log(8_000), 0.8, len(rows))) * scale / 10) * 10
        )
        order = np.argsort(when, kind="stable")
        self.pc_opportunity = supported[rows][order]
        self.pc_day = when[order]
        self.pc_cents = (np.maximum(cost, 10) * 100).astype(np.int64)[order]

        # Timesheet entries on the supported opportunities.
        size = (self.opp_value_cny[supported] / 1e6) ** 0.25
        effort = np.clip(
            np.rint(np.exp(rng.normal(np.log(3.0), 0.6, len(supported))) * size), 1, 15
        )
        rows = np.repeat(np.arange(len(supported)), effort.astype(np.int64))
        when = cal.sample_workdays(rng, window_start[rows], window_end[rows])
        keep = when != NO_DAY
        rows, when = rows[keep], when[keep]
        hours = np.array([2, 2.5, 3, 4, 4, 4, 5, 6, 8, 8])[
            rng.integers(0, 10, len(rows))
        ]
        user = person[rows]
        opportunity = supported[rows]
        # At most 10 booked hours a day: entries beyond are left out.
        day_key = user * 100_000 + (when - LUT_FIRST)
        order = np.lexsort((rng.random(len(rows)), day_key))
        day_key, user, opportunity, when, hours = (
            day_key[order],
            user[order],
            opportunity[order],
            when[order],
            hours[order],
        )
        cumulative = np.cumsum(hours)
        group_start = np.r_[True, day_key[1:] != day_key[:-1]]
        offset = np.maximum.accumulate(np.where(group_start, cumulative - hours, 0))
        keep = cumulative - offset <= 10
        day_key, user, opportunity, when, hours = (
            day_key[keep],
            user[keep],
            opportunity[keep],
            when[keep],
            hours[keep],
        )
        booked_keys = np.unique(day_key)
        booked_sums = np.bincount(np.searchsorted(booked_keys, day_key), weights=hours)

        # Internal work (training, tenders without an opportunity) fills days.
        fill_user, fill_day, fill_hours = [], [], []
        workdays = cal.workdays
        for u in self.PRESALES:
            last = END if self.left[u] == NO_DAY else min(int(self.left[u]), END)
            days = workdays[
                (workdays >= max(int(self.hired[u]), START)) & (workdays <= last)
            ]
            keys = u * 100_000 + (days - LUT_FIRST)
            at = np.minimum(np.searchsorted(booked_keys, keys), len(booked_keys) - 1)
            booked = np.where(booked_keys[at] == keys, booked_sums[at], 0.0)
            present = rng.random(len(days)) < 0.94
            draw = rng.random(len(days))
            empty_day = present & (booked == 0) & (draw < 0.75)
            part_day = present & (booked > 0) & (booked <= 6) & (draw < 0.35)
            full = np.array([8, 8, 8, 7.5, 6, 4])[rng.integers(0, 6, len(days))]
            hours_fill = np.where(empty_day, full, np.where(part_day, 8 - booked, 0))
            add = hours_fill > 0
            fill_user.append(np.full(add.sum(), u))
            fill_day.append(days[add])
            fill_hours.append(hours_fill[add])
        f_user = np.concatenate(fill_user)
        f_day = np.concatenate(fill_day)
        f_hours = np.concatenate(fill_hours)
        t_user = np.concatenate([user, f_user])
        t_day = np.concatenate([when, f_day])
        t_hours = np.concatenate([hours, f_hours])
        t_opp = np.concatenate([opportunity, np.full(len(f_user), -1)])
        recent = t_day > END - 21
        confirm_share = np.where(t_opp >= 0, 0.88, 0.75)
        confirm_share = np.where(recent, 0.4, confirm_share)
        confirmed = rng.random(len(t_day)) < confirm_share
        order = np.lexsort((t_user, t_day))
        self.ts_user = t_user[order]
        self.ts_day = t_day[order]
        self.ts_hours = t_hours[order]
        self.ts_opportunity = t_opp[order]
        self.ts_confirmed = confirmed[order]

    # -- decision chain -------------------------------------------------------

    def _decision_chain(self) -> None:
        rng = self.rng
        opps = np.flatnonzero(self.opp_approved != NO_DAY)
        contacts = np.array([2, 3, 4, 5])[
            weighted_choice(rng, [30, 37, 23, 10], len(opps))
        ]
        row_opp = np.repeat(opps, contacts)
        position = np.arange(len(row_opp)) - np.repeat(
            np.cumsum(contacts) - contacts, contacts
        )
        offset = np.repeat(rng.integers(0, CONTACTS_PER_ACCOUNT, len(opps)), contacts)
        account = self.opp_account[row_opp]
        contact = (
            account * CONTACTS_PER_ACCOUNT + (offset + position) % CONTACTS_PER_ACCOUNT
        )
        outcome = self.opp_outcome[row_opp]
        first = self.opp_approved[row_opp]
        final = np.where(np.isin(outcome, [WON, LOST]), self.opp_closed[row_opp], END)
        span = final - first
        count = 1 + ((span >= 40) & (rng.random(len(first)) < 0.55))
        count = count + ((count == 2) & (span >= 100) & (rng.random(len(first)) < 0.4))
        n_rows = len(first)
        maker = position == 0
        weight = np.where(
            maker, rng.uniform(0.35, 0.5, n_rows), rng.uniform(0.1, 0.3, n_rows)
        )
        quality = self.opp_quality[row_opp]
        slot = np.clip(
            np.searchsorted(
                np.array([w[0] for w in ASSESSMENT_WINDOWS]), first, "right"
            )
            - 1,
            0,
            len(ASSESSMENT_WINDOWS) - 1,
        )
        relation = self.relationship[account, slot] + rng.normal(0, 10, n_rows)
        solution = 62 + 9 * quality + rng.normal(0, 7, n_rows)
        price = 55 + 3 * quality + rng.normal(0, 12, n_rows)
        drift = np.where(outcome == WON, 4.5, np.where(outcome == LOST, -3.0, 0.0))
        roles = np.array(CONTACT_ROLES)[rng.integers(0, len(CONTACT_ROLES), n_rows)]
        role = np.where(maker, DECISION_MAKER, roles)
        role = np.where(rng.random(n_rows) < 0.08, "", role)

        parts = {k: [] for k in ("row", "day", "weight", "rel", "sol", "price")}
        when = first + np.minimum(rng.integers(0, 11, n_rows), np.maximum(span, 0))
        for step in range(3):
            take = count > step
            if step:
                when = when + rng.integers(25, 61, n_rows)
                take = take & (when <= final)
                weight = weight * rng.uniform(0.85, 1.2, n_rows)
                relation = relation + rng.normal(0, 4, n_rows)
                solution = solution + drift + rng.normal(0, 4, n_rows)
                price = price + rng.normal(0, 4, n_rows)
            index = np.flatnonzero(take)
            parts["row"].append(index)
            parts["day"].append(when[index])
            parts["weight"].append(np.clip(weight[index], 0.05, 0.95))
            parts["rel"].append(np.clip(np.rint(relation[index]), 0, 100))
            parts["sol"].append(np.clip(np.rint(solution[index]), 0, 100))
            parts["price"].append(np.clip(np.rint(price[index]), 0, 100))
        row = np.concatenate(parts["row"])
        order = np.lexsort((np.concatenate(parts["day"]), contact[row], row_opp[row]))
        self.dc_opportunity = row_opp[row][order]
        self.dc_contact = contact[row][order]
        self.dc_role = role[row][order]
        self.dc_day = np.concatenate(parts["day"])[order]
        self.dc_weight = np.concatenate(parts["weight"])[order]
        self.dc_relationship = np.concatenate(parts["rel"])[order]
        self.dc_solution = np.concatenate(parts["sol"])[order]
        self.dc_price = np.concatenate(parts["price"])[order]
        self.contact_names = person_names(
            rng, ACCOUNTS_PER_BRANCH * CONTACTS_PER_ACCOUNT
        )
        self.contact_name_known = rng.random(len(self.contact_names)) < 0.95

    # -- ratings, deliveries ----------------------------------------------------

    def _team_ratings(self) -> None:
        rng = self.rng
        opps, person = self.supported, self.supported_person
        outcome = self.opp_outcome[opps]
        rated = self.opp_closed[opps] + rng.integers(1, 26, len(opps))
        keep = (
            np.isin(outcome, [WON, LOST])
            & (rated <= END)
            & (rng.random(len(opps)) < 0.85)
        )
        score = 70 + 12 * (outcome == WON) + rng.normal(0, 8, len(opps))
        order = np.argsort(rated[keep], kind="stable")
        self.tr_opportunity = opps[keep][order]
        self.tr_rater = self.opp_owner[opps[keep]][order]
        self.tr_ratee = person[keep][order]
        self.tr_day = rated[keep][order]
        self.tr_score = np.clip(np.rint(score[keep]), 30, 100)[order]

    def _deliveries(self) -> None:
        rng, cal = self.rng, self.calendar
        won = np.flatnonzero(
            (self.opp_outcome == WON) & (rng.random(len(self.opp_outcome)) < 0.88)
        )
        n = len(won)
        duration = np.clip(np.rint(np.exp(rng.normal(np.log(90), 0.6, n))), 20, 400)
        done = cal.next_workday(self.opp_closed[won] + duration.astype(np.int64))
        finished = done <= END
        result = weighted_choice(rng, [86, 8, 6], n)
        status = np.where(
            finished,
            np.array([SUCCEEDED, FAILED, CANCELLED])[result],
            np.where(rng.random(n) < 0.03, CANCELLED, IN_PROGRESS),
        )
        completed = np.where(np.isin(status, [SUCCEEDED, FAILED]), done, NO_DAY)
        factor = np.where(rng.random(n) < 0.85, 1.0, rng.uniform(0.9, 1.05, n))
        unit = np.where(self.opp_currency[won] == CNY, 100_000, 10_000)
        cents = np.rint(self.opp_amount_cents[won] * factor / unit) * unit
        self.dl_opportunity = won
        self.dl_cents = cents.astype(np.int64)
        self.dl_status = status
        self.dl_completed = completed
        self.dl_done = done

    # -- revenue and account costs ------------------------------------------------

    def _revenue(self) -> None:
        rng, cal, ctx = self.rng, self.calendar, self.context
        # Invoices of won deals, of this period and from before.
        won = np.flatnonzero(self.opp_outcome == WON)
        delivered = np.full(len(won), NO_DAY)
        position = np.searchsorted(won, self.dl_opportunity)
        delivered[position] = np.where(
            self.dl_status == SUCCEEDED, self.dl_done, NO_DAY
        )
        n_before = len(self.history_closed)
        account = np.concatenate([self.opp_account[won], self.history_account])
        closed = np.concatenate([self.opp_closed[won], self.history_closed])
        deal_cents = np.concatenate([self.opp_amount_cents[won], self.history_cents])
        deal_currency = np.concatenate([self.opp_currency[won], self.history_currency])
        delivered = np.concatenate([delivered, np.full(n_before, NO_DAY)])
        n = len(closed)
        later = np.where(
            delivered != NO_DAY, delivered, closed + rng.integers(60, 201, n)
        )
        later = year_end_push(rng, later, closed + 20, 0.5)
        first = closed + rng.integers(0, 16, n)
        scheme = weighted_choice(rng, [40, 45, 15], n)
        # (deal, day, share of the amount): all at signing; 30 % at signing
        # and 70 % on delivery; or 30 / 60 / 10 with a final retention.
        full, two, three = scheme == 0, scheme == 1, scheme == 2
        deals = np.arange(n)
        parts = [
            (deals[full], first[full], 1.0),
            (deals[two], first[two], 0.3),
            (deals[two], later[two], 0.7),
            (deals[three], first[three], 0.3),
            (deals[three], later[three], 0.6),
            (deals[three], later[three] + rng.integers(90, 181, three.sum()), 0.1),
        ]
        deal = np.concatenate([p[0] for p in parts])
        share = np.concatenate([np.full(len(p[0]), p[2]) for p in parts])
        when = cal.next_workday(np.concatenate([p[1] for p in parts]))
        unit = np.where(deal_currency[deal] == CNY, 100, 1)
        invoice = np.rint(deal_cents[deal] * share / unit / 100) * unit * 100
        account = account[deal]
        currency = deal_currency[deal]

        # Call-off orders under framework agreements, every month.
        month = np.arange(MONTHS)
        cls = self.account_class[:, month // 6]
        count = rng.poisson(CALL_OFF_RATE[cls] * SEASON[month % 12][None, :])
        cell = np.repeat(np.arange(ACCOUNTS_PER_BRANCH * MONTHS), count.ravel())
        acc, mon = cell // MONTHS, cell % MONTHS
        length = MONTH_STARTS[mon + 1] - MONTH_STARTS[mon]
        order_day = cal.next_workday(
            MONTH_STARTS[mon] + (rng.random(len(cell)) * length).astype(np.int64)
        )
        rows_class = cls[acc, mon]
        value_cny = (
            self.spend[acc, mon // 6]
            * CALL_OFF_SHARE
            / (12 * CALL_OFF_RATE[rows_class])
            * np.exp(rng.normal(-0.18, 0.6, len(cell)))
        )
        order_currency = self.currency[acc]
        order_unit = np.where(order_currency == CNY, 100, 10)
        value = np.rint(value_cny / ctx.rate(order_currency, order_day) / order_unit)
        keep = order_day >= self.start_day[acc]
        account = np.concatenate([account, acc[keep]])
        when = np.concatenate([when, order_day[keep]])
        cents = np.concatenate(
            [invoice, (np.maximum(value, 1) * order_unit * 100)[keep]]
        ).astype(np.int64)
        currency = np.concatenate([currency, order_currency[keep]])

        # Credit notes: part or all of an earlier invoice reversed.
        credit = np.flatnonzero(rng.random(len(cents)) < 0.025)
        part = np.where(
            rng.random(len(credit)) < 0.3, 1.0, rng.uniform(0.05, 0.3, len(credit))
        )
        credit_cents = -np.rint(cents[credit] * part / 100).astype(np.int64) * 100
        account = np.concatenate([account, account[credit]])
        currency = np.concatenate([currency, currency[credit]])
        when = np.concatenate(
            [when, cal.next_workday(when[credit] + rng.integers(7, 61, len(credit)))]
        )
        cents = np.concatenate([cents, credit_cents])
        keep = (when >= START) & (when <= END) & (cents != 0)
        order = np.argsort(when[keep], kind="stable")
        self.rv_account = account[keep][order]
        self.rv_day = when[keep][order]
        self.rv_cents = cents[keep][order]
        self.rv_currency = currency[keep][order]

    def _account_costs(self) -> None:
        rng, cal, ctx = self.rng, self.calendar, self.context
        month = np.arange(MONTHS)
        cls = self.account_class[:, month // 6]
        rate = COST_RATE[cls] * SEASON[month % 12][None, :]
        count = rng.poisson(rate)
        cell = np.repeat(np.arange(ACCOUNTS_PER_BRANCH * MONTHS), count.ravel())
        acc, mon = cell // MONTHS, cell % MONTHS
        length = MONTH_STARTS[mon + 1] - MONTH_STARTS[mon]
        when = cal.next_workday(
            MONTH_STARTS[mon] + (rng.random(len(cell)) * length).astype(np.int64)
        )
        keep = (when >= self.start_day[acc]) & (when <= END)
        acc, mon, when = acc[keep], mon[keep], when[keep]
        n = len(acc)
        cls_row = cls[acc, mon]
        yearly = self.spend[acc, mon // 6] * COST_SHARE[cls_row]
        value_cny = (
            yearly / (12 * COST_RATE[cls_row]) * np.exp(rng.normal(-0.125, 0.5, n))
        )
        currency = np.where(rng.random(n) < 0.9, CNY, self.currency[acc])
        unit = np.where(currency == CNY, 10, 1)
        cents = (
            np.maximum(np.rint(value_cny / ctx.rate(currency, when) / unit), 1)
            * unit
            * 100
        )
        cost_type = weighted_choice(rng, [40, 15, 20, 18, 7], n)
        # Reversals: part or all of an earlier cost booked back.
        back = np.flatnonzero(rng.random(n) < 0.02)
        back_when = cal.next_workday(when[back] + rng.integers(5, 41, len(back)))
        part = np.where(
            rng.random(len(back)) < 0.5, 1.0, rng.uniform(0.1, 0.5, len(back))
        )
        acc = np.concatenate([acc, acc[back]])
        when = np.concatenate([when, back_when])
        cents = np.concatenate(
            [cents, -np.rint(cents[back] * part / 100) * 100]
        ).astype(np.int64)
        currency = np.concatenate([currency, currency[back]])
        cost_type = np.concatenate([cost_type, cost_type[back]])
        keep = when <= END
        order = np.argsort(when[keep], kind="stable")
        self.ac_account = acc[keep][order]
        self.ac_day = when[keep][order]
        self.ac_cents = cents[keep][order]
        self.ac_currency = currency[keep][order]
        self.ac_type = cost_type[keep][order]

    # -- the tables as text ---------------------------------------------------------

    def columns(self) -> dict[str, dict[str, tuple]]:
        """Every contract table of the branch, each column before formatting.

        A column is (kind, arguments), formatted by format_tables together
        with the same column of other branches; ids are global numbers.
        """
        ctx = self.context
        out: dict[str, dict[str, tuple]] = {}
        accounts = self.account_number
        users = self.index * 100 + np.arange(self.USERS) + 1
        opportunities = (
            self.index * ROW_ID_STRIDE + np.arange(len(self.opp_account)) + 1
        )
        contacts = self.index * 2000 + np.arange(len(self.contact_names)) + 1

        def account_id(index):
            return ("id", "", ctx.account_width, accounts[index])

        def user_id(index):
            return ("id", "E", ctx.user_width, users[index])

        def opportunity_id(index):
            index = np.asarray(index)
            return (
                "id",
                "OP",
                ctx.row_width,
                np.where(index >= 0, opportunities[index], -1),
            )

        def row_id(prefix, count):
            numbers = self.index * ROW_ID_STRIDE + np.arange(count) + 1
            assert count < ROW_ID_STRIDE
            return ("id", prefix, ctx.row_width, numbers)

        def optional(mask):
            return np.asarray(mask, dtype=bool)

        out["accounts"] = {
            "account_id": account_id(np.arange(ACCOUNTS_PER_BRANCH)),
            "account_name": ("text", self.account_name),
            "industry": ("text", self.industry),
            "region": ("text", self.region),
            "created_on": ("date", np.where(self.created_known, self.created, NO_DAY)),
        }

        acc, slot = np.nonzero(self.assessed != NO_DAY)
        when = self.assessed[acc, slot]
        order = np.lexsort((acc, when))
        acc, slot, when = acc[order], slot[order], when[order]
        currency = self.currency[acc]
        unit = np.where(currency == CNY, 10_000, 1_000)
        spend = np.rint(self.spend[acc, slot] / ctx.rate(currency, when) / unit) * unit
        everywhere = optional(np.ones(len(acc)))
        out["account_assessments"] = {
            "account_id": account_id(acc),
            "assessed_on": ("date", when),
            "account_class": ("enum", "account_class", self.account_class[acc, slot]),
            "expected_annual_spend": (
                "amount",
                (spend * 100).astype(np.int64),
                currency,
                everywhere,
            ),
            "currency": ("currency", currency, everywhere),
            "relationship_score": ("half", self._halves(self.relationship[acc, slot])),
            "solution_score": ("half", self._halves(self.solution[acc, slot])),
            "price_score": ("half", self._halves(self.price[acc, slot])),
        }

        out["users"] = {
            "user_id": user_id(np.arange(self.USERS)),
            "user_name": ("text", self.user_names),
            "role": ("enum", "user_role", self.role),
            "hired_on": ("date", self.hired),
            "left_on": ("date", self.left),
        }

        out["account_owners"] = {
            "account_id": account_id(self.owner_account),
            "user_id": user_id(self.owner_user),
            "valid_from": ("date", self.owner_from),
            "valid_to": ("date", self.owner_to_written),
        }

        everywhere = optional(np.ones(len(self.rv_day)))
        out["revenue"] = {
            "revenue_id": row_id("R", len(self.rv_day)),
            "account_id": account_id(self.rv_account),
            "booked_on": ("date", self.rv_day),
            "amount": ("amount", self.rv_cents, self.rv_currency, everywhere),
            "currency": ("currency", self.rv_currency, everywhere),
        }

        everywhere = optional(np.ones(len(self.ac_day)))
        out["account_costs"] = {
            "cost_id": row_id("AC", len(self.ac_day)),
            "account_id": account_id(self.ac_account),
            "incurred_on": ("date", self.ac_day),
            "cost_type": ("enum", "cost_type", self.ac_type),
            "amount": ("amount", self.ac_cents, self.ac_currency, everywhere),
            "currency": ("currency", self.ac_currency, everywhere),
        }

        has_estimate = optional(self.lead_estimate_cents >= 0)
        lead_account = self.lead_account
        out["leads"] = {
            "lead_id": row_id("L", len(self.lead_created)),
            "account_id": (
                "id",
                "",
                ctx.account_width,
                np.where(lead_account >= 0, accounts[np.maximum(lead_account, 0)], -1),
            ),
            "created_on": ("date", self.lead_created),
            "status": ("enum", "lead_status", self.lead_status),
            "closed_on": ("date", self.lead_closed),
            "opportunity_id": opportunity_id(self.lead_opportunity),
            "estimated_presales_cost": (
                "amount",
                np.maximum(self.lead_estimate_cents, 0),
                self.lead_currency,
                has_estimate,
            ),
            "currency": ("currency", self.lead_currency, has_estimate),
        }

        n_opp = len(self.opp_account)
        everywhere = optional(np.ones(n_opp))
        has_estimate = optional(self.opp_estimate_cents >= 0)
        out["opportunities"] = {
            "opportunity_id": opportunity_id(np.arange(n_opp)),
            "account_id": account_id(self.opp_account),
            "owner_id": user_id(self.opp_owner),
            "origin": ("enum", "opportunity_origin", self.opp_origin),
            "created_on": ("date", self.opp_created),
            "approved_on": ("date", self.opp_approved),
            "closed_on": ("date", self.opp_closed),
            "outcome": ("enum", "opportunity_outcome", self.opp_outcome),
            "amount": ("amount", self.opp_amount_cents, self.opp_currency, everywhere),
            "currency": ("currency", self.opp_currency, everywhere),
            "estimated_presales_cost": (
                "amount",
                np.maximum(self.opp_estimate_cents, 0),
                self.opp_currency,
                has_estimate,
            ),
        }

        cny = np.full(len(self.pc_day), CNY)
        everywhere = optional(np.ones(len(cny)))
        out["presales_costs"] = {
            "cost_id": row_id("PC", len(self.pc_day)),
            "opportunity_id": opportunity_id(self.pc_opportunity),
            "incurred_on": ("date", self.pc_day),
            "amount": ("amount", self.pc_cents, cny, everywhere),
            "currency": ("currency", cny, everywhere),
        }

        out["timesheets"] = {
            "entry_id": row_id("T", len(self.ts_day)),
            "user_id": user_id(self.ts_user),
            "opportunity_id": opportunity_id(self.ts_opportunity),
            "work_date": ("date", self.ts_day),
            "hours": ("half", self.ts_hours),
            "is_confirmed": (
                "enum",
                "boolean",
                np.where(self.ts_confirmed, TRUE_INDEX, FALSE_INDEX),
            ),
        }

        known = self.contact_name_known[self.dc_contact]
        out["decision_chain"] = {
            "opportunity_id": opportunity_id(self.dc_opportunity),
            "contact_id": ("id", "CT", ctx.contact_width, contacts[self.dc_contact]),
            "contact_name": (
                "text",
                [
                    name if keep else ""
                    for name, keep in zip(
                        np.array(self.contact_names)[self.dc_contact].tolist(),
                        known.tolist(),
                        strict=True,
                    )
                ],
            ),
            "role": ("text", self.dc_role.tolist()),
            "influence_weight": ("hundredth", self.dc_weight),
            "assessed_on": ("date", self.dc_day),
            "relationship_score": ("half", self.dc_relationship),
            "solution_score": ("half", self.dc_solution),
            "price_score": ("half", self.dc_price),
        }

        out["team_ratings"] = {
            "rating_id": row_id("RT", len(self.tr_day)),
            "opportunity_id": opportunity_id(self.tr_opportunity),
            "rater_id": user_id(self.tr_rater),
            "ratee_id": user_id(self.tr_ratee),
            "rated_on": ("date", self.tr_day),
            "score": ("half", self.tr_score),
        }

        currency = self.opp_currency[self.dl_opportunity]
        everywhere = optional(np.ones(len(currency)))
        out["deliveries"] = {
            "delivery_id": row_id("DL", len(self.dl_opportunity)),
            "opportunity_id": opportunity_id(self.dl_opportunity),
            "contract_amount": ("amount", self.dl_cents, currency, everywhere),
            "currency": ("currency", currency, everywhere),
            "status": ("enum", "delivery_status", self.dl_status),
            "completed_on": ("date", self.dl_completed),
        }
        return out

    def _halves(self, scores):
        """Scores mostly whole, now and then with a half point."""
        halves = self.rng.random(len(scores)) < 0.15
        return np.where(halves, np.rint(scores * 2) / 2, np.rint(scores))


def format_column(fmt: Formatter, kind: str, args: list) -> pa.Array:
    """One column of a table (see Branch.columns) as text."""
    if kind == "id":
        prefix, width, numbers = args
        text = id_texts(prefix, np.maximum(numbers, 0), width)
        return where(numbers < 0, "", text) if (numbers < 0).any() else text
    if kind == "text":
        return texts(args[0])
    if kind == "date":
        return fmt.dates(args[0])
    if kind == "amount":
        cents, currency, present = args
        text = fmt.amounts(cents, currency)
        return text if present.all() else where(present, text, "")
    if kind == "currency":
        currency, present = args
        text = fmt.currencies(currency)
        return text if present.all() else where(present, text, "")
    if kind == "enum":
        return fmt.enum(*args)
    if kind == "half":
        return half_texts(args[0])
    if kind == "hundredth":
        return hundredth_texts(args[0])
    raise ValueError(f"unknown column kind {kind}")


def format_tables(
    context: Context, chunk: int, branch_columns: list[dict[str, dict[str, tuple]]]
) -> dict[str, dict[str, pa.Array]]:
    """The tables of a chunk of branches as text, formatted together.

    The formats are drawn from one random stream per chunk of
    FORMAT_BRANCHES branches, so the output does not depend on the memory
    or the number of processes used.
    """
    fmt = Formatter(
        context.calendar, np.random.default_rng([context.seed, FORMAT_STREAM, chunk])
    )
    out: dict[str, dict[str, pa.Array]] = {}
    for table, names in TABLES.items():
        out[table] = {}
        for name in names:
            specs = [columns[table][name] for columns in branch_columns]
            kind = specs[0][0]
            args = []
            for position, first in enumerate(specs[0][1:], start=1):
                if isinstance(first, np.ndarray):
                    args.append(np.concatenate([s[position] for s in specs]))
                elif isinstance(first, list):
                    args.append([v for s in specs for v in s[position]])
                else:
                    args.append(first)
            out[table][name] = format_column(fmt, kind, args)
    return out


# --------------------------------------------------------------------------
# Rejected rows of the demo
# --------------------------------------------------------------------------


class Injector:
    """Adds rows that staging must reject, and records why (the oracle)."""

    def __init__(self, branch: Branch, tables: dict[str, dict[str, np.ndarray]]):
        self.branch = branch
        self.calendar = branch.calendar
        self.rng = np.random.default_rng([branch.context.seed, 424_242])
        self.rows = {
            name: [
                list(row)
                for row in zip(
                    *(cols[c].to_pylist() for c in TABLES[name]), strict=True
                )
            ]
            for name, cols in tables.items()
        }
        self.counts = {name: len(rows) for name, rows in self.rows.items()}
        self.inserts: dict[str, list[tuple[list[str], list[str] | None]]] = {
            name: [] for name in TABLES
        }
        self.oracle: list[tuple[str, str, str]] = []

    # -- helpers ---------------------------------------------------------------

    def iso(self, on_day: int) -> str:
        return self.calendar.iso_texts[int(on_day) - LUT_FIRST]

    def workday(self, text: str) -> int:
        return int(self.calendar.next_workday(day(text)))

    def new_id(self, table: str) -> str:
        prefixes = {
            "revenue": "R",
            "account_costs": "AC",
            "leads": "L",
            "presales_costs": "PC",
            "timesheets": "T",
            "team_ratings": "RT",
            "deliveries": "DL",
        }
        self.counts[table] += 1
        if table == "opportunities":
            return self.branch.opportunity_id(self.counts[table] - 1)
        return self.branch.row_id(prefixes[table], self.counts[table] - 1)

    def user(self, user: int) -> str:
        return self.branch.user_id(user)

    def account(self, account: int) -> str:
        return self.branch.account_id(account)

    def opportunity(self, opportunity: int) -> str:
        return self.branch.opportunity_id(opportunity)

    def column(self, table: str, name: str) -> int:
        return TABLES[table].index(name)

    def key(self, table: str, row: list[str]) -> str:
        return "|".join(row[self.column(table, k)] for k in KEYS[table])

    def add(self, table, values: dict[str, str], reasons, before=None) -> list[str]:
        """Insert a row (before another row when given) and its reasons."""
        row = [values.get(c, "") for c in TABLES[table]]
        self.inserts[table].append((row, before))
        if reasons:
            self.expect(table, row, reasons)
        return row

    def expect(self, table: str, row: list[str], reasons) -> None:
        ordered = [r for r in REASONS if r in reasons]
        self.oracle.append((table, self.key(table, row), ",".join(ordered)))

    def find(self, table: str, test) -> list[str]:
        for row in self.rows[table]:
            if test(row):
                return row
        raise RuntimeError(f"no row of {table} fits the injection")

    def apply(self) -> dict[str, list[list[str]]]:
        """The tables with every injected row in place."""
        for table, inserts in self.inserts.items():
            rows = self.rows[table]
            for row, before in inserts:
                if before is None:
                    rows.insert(int(self.rng.integers(0, len(rows) + 1)), row)
                else:
                    at = next(i for i, r in enumerate(rows) if r is before)
                    rows.insert(max(0, at - int(self.rng.integers(1, 40))), row)
        return self.rows

    # -- the injected rows ----------------------------------------------------------

    def inject(self) -> list[tuple[str, str, str]]:
        b = self.branch
        old_cny = [
            a
            for a in range(ACCOUNTS_PER_BRANCH)
            if not b.is_new[a] and b.currency[a] == CNY
        ]
        a0, a1, a2, a3, a4 = old_cny[:5]

        # accounts: no name.
        used = set(b.account_number.tolist())
        free = max(n for n in range(101, 2000) if b.index * 2000 + n not in used)
        self.add(
            "accounts",
            {
                "account_id": id_texts(
                    "", [b.index * 2000 + free], b.context.account_width
                )[0].as_py(),
                "industry": "制造业",
                "region": "华东",
                "created_on": "2025-06-18",
            },
            ["missing_required"],
        )

        # users: left before hired; a role no synonym maps.
        self.add(
            "users",
            {
                "user_id": self.user(b.USERS),
                "user_name": "钱思远",
                "role": "presales",
                "hired_on": "2025-03-03",
                "left_on": "2024-03-01",
            },
            ["inconsistent_dates"],
        )
        self.add(
            "users",
            {
                "user_id": self.user(b.USERS + 1),
                "user_name": "孔雨桐",
                "role": "实习生",
                "hired_on": "2025-07-01",
            },
            ["unknown_value"],
        )

        # account_assessments: the same assessment exported twice (the key
        # date in two forms; the later row wins); a spend that is no amount.
        original = self.find(
            "account_assessments",
            lambda r: r[0] == self.account(a0) and r[1].startswith("2024-0"),
        )
        copy = list(original)
        copy[1] = self.calendar.slash_texts[day(original[1][:10]) - LUT_FIRST]
        copy[5] = str(max(int(float(original[5])) - 6, 0))
        self.inserts["account_assessments"].append((copy, original))
        self.expect("account_assessments", copy, ["duplicate_superseded"])
        self.add(
            "account_assessments",
            {
                "account_id": self.account(a1),
                "assessed_on": "2025-11-20",
                "account_class": "B",
                "expected_annual_spend": "约500万",
                "currency": "CNY",
                "relationship_score": "70",
                "solution_score": "65",
                "price_score": "60",
            },
            ["unparseable_value"],
        )

        # account_owners: valid_to before valid_from.
        when = self.workday("2024-05-20")
        owner = int(b.owner_on(np.array([a2]), np.array([when]))[0])
        assert when not in b.owner_from[b.owner_account == a2]
        self.add(
            "account_owners",
            {
                "account_id": self.account(a2),
                "user_id": self.user(owner if owner >= 0 else 0),
                "valid_from": self.iso(when),
                "valid_to": "2024-04-30",
            },
            ["inconsistent_dates"],
        )

        # revenue: an amount with a space as thousands separator; GBP.
        self.add(
            "revenue",
            {
                "revenue_id": self.new_id("revenue"),
                "account_id": self.account(a3),
                "booked_on": self.iso(self.workday("2025-04-15")),
                "amount": "1 200",
                "currency": "CNY",
            },
            ["unparseable_value"],
        )
        self.add(
            "revenue",
            {
                "revenue_id": self.new_id("revenue"),
                "account_id": self.account(a3),
                "booked_on": self.iso(self.workday("2025-06-16")),
                "amount": "25000.00",
                "currency": "GBP",
            },
            ["missing_fx_rate"],
        )

        # account_costs: an Excel serial date; an unmapped type; GBP.
        for values, reasons in (
            (
                {"incurred_on": "45356", "cost_type": "sales", "amount": "3200"},
                "unparseable_value",
            ),
            (
                {"incurred_on": "2024-08-12", "cost_type": "差旅", "amount": "1850.00"},
                "unknown_value",
            ),
            (
                {
                    "incurred_on": "2025-09-08",
                    "cost_type": "marketing",
                    "amount": "6400",
                    "currency": "GBP",
                },
                "missing_fx_rate",
            ),
        ):
            row = {
                "cost_id": self.new_id("account_costs"),
                "account_id": self.account(a4),
                "currency": "CNY",
            }
            row.update(values)
            self.add("account_costs", row, [reasons])

        # leads: converted without closed_on; an estimate without currency;
        # a status no synonym maps.
        converted = set(b.lead_opportunity[b.lead_opportunity >= 0].tolist())
        target = next(
            o
            for o in range(len(b.opp_account))
            if o not in converted and b.opp_created[o] >= day("2024-06-01")
        )
        self.add(
            "leads",
            {
                "lead_id": self.new_id("leads"),
                "account_id": self.account(b.opp_account[target]),
                "created_on": self.iso(b.opp_created[target] - 12),
                "status": "converted",
                "opportunity_id": self.opportunity(target),
            },
            ["missing_required"],
        )
        self.add(
            "leads",
            {
                "lead_id": self.new_id("leads"),
                "created_on": "2025-05-12",
                "status": "disqualified",
                "closed_on": "2025-06-03",
                "estimated_presales_cost": "20000",
            },
            ["missing_required"],
        )
        self.add(
            "leads",
            {
                "lead_id": self.new_id("leads"),
                "account_id": self.account(a1),
                "created_on": "2026-08-03",
                "status": "nurturing",
            },
            ["unknown_value"],
        )

        # opportunities.
        def opportunity_row(account_text, account, dates, outcome, amount, **extra):
            created = dates[0]
            owner = int(b.owner_on(np.array([account]), np.array([day(created)]))[0])
            values = {
                "opportunity_id": self.new_id("opportunities"),
                "account_id": account_text,
                "owner_id": self.user(owner if owner >= 0 else 0),
                "origin": extra.pop("origin", "captured"),
                "created_on": created,
                "approved_on": dates[1],
                "closed_on": dates[2],
                "outcome": outcome,
                "amount": amount,
                "currency": "CNY",
            }
            values.update(extra)
            return values

        rows = [
            (
                opportunity_row(
                    self.account(a0),
                    a0,
                    ("2024-03-04", "2024-03-25", "2024-06-20"),
                    "lost",
                    "-50000",
                ),
                "out_of_range",
            ),
            (
                opportunity_row(
                    self.account(a1),
                    a1,
                    ("2024-09-09", "2024-08-26", "2024-12-16"),
                    "won",
                    "860000",
                ),
                "inconsistent_dates",
            ),
            (
                opportunity_row(
                    self.account(a2),
                    a2,
                    ("2025-04-07", "2025-05-12", "2025-05-06"),
                    "lost",
                    "240000.00",
                ),
                "inconsistent_dates",
            ),
            (
                opportunity_row(
                    self.account(a3),
                    a3,
                    ("2024-05-06", "2024-05-27", "2024-06-17"),
                    "dropped",
                    "150000",
                    estimated_presales_cost="6000",
                ),
                "inconsistent_outcome",
            ),
            (
                opportunity_row(
                    self.account(a4),
                    a4,
                    ("2025-10-13", "2025-11-03", "2025-12-01"),
                    "放弃",
                    "90000",
                ),
                "inconsistent_outcome",
            ),
            (
                opportunity_row(
                    self.account(a0),
                    a0,
                    ("2025-01-06", "2025-02-10", ""),
                    "赢单",
                    "1,250,000.00",
                ),
                "missing_required",
            ),
        ]
        for values, reason in rows:
            self.add("opportunities", values, [reason])

        # An opportunity of an unknown account: "101" is not "0101" (leading
        # zeros are significant); its children are orphans too.
        orphan = opportunity_row(
            "101",
            0,
            ("2025-02-10", "2025-03-03", "2025-05-20"),
            "won",
            "480000",
            origin="incubated",
            estimated_presales_cost="15000",
        )
        self.add("opportunities", orphan, ["orphan_reference"])
        orphan_id = orphan["opportunity_id"]
        presales = next(
            u
            for u in b.PRESALES
            if b._employed(u, day("2025-03-03"), day("2025-06-30"))
        )
        self.add(
            "presales_costs",
            {
                "cost_id": self.new_id("presales_costs"),
                "opportunity_id": orphan_id,
                "incurred_on": "2025-03-18",
                "amount": "6800",
                "currency": "CNY",
            },
            ["orphan_reference"],
        )
        for k, (role, weight, score) in enumerate(
            (("决策者", "0.45", "78"), ("技术评估", "0.25", "70"))
        ):
            self.add(
                "decision_chain",
                {
                    "opportunity_id": orphan_id,
                    "contact_id": b.contact_id(k),
                    "contact_name": b.contact_names[k],
                    "role": role,
                    "influence_weight": weight,
                    "assessed_on": "2025-03-10",
                    "relationship_score": "72",
                    "solution_score": score,
                    "price_score": "61",
                },
                ["orphan_reference"],
            )
        self.add(
            "team_ratings",
            {
                "rating_id": self.new_id("team_ratings"),
                "opportunity_id": orphan_id,
                "rater_id": orphan["owner_id"],
                "ratee_id": self.user(presales),
                "rated_on": "2025-05-28",
                "score": "85",
            },
            ["orphan_reference"],
        )

        # The same opportunity exported twice: first while open, then won.
        won = next(
            o
            for o in range(len(b.opp_account))
            if b.opp_outcome[o] == WON and b.opp_closed[o] >= day("2025-01-01")
        )
        original = self.find("opportunities", lambda r: r[0] == self.opportunity(won))
        copy = list(original)
        copy[self.column("opportunities", "closed_on")] = self.iso(
            b.opp_closed[won] + 30
        )
        copy[self.column("opportunities", "outcome")] = "open"
        self.inserts["opportunities"].append((copy, original))
        self.expect("opportunities", copy, ["duplicate_superseded"])

        # presales_costs: GBP.
        supported = int(
            b.supported[
                np.flatnonzero(b.opp_approved[b.supported] >= day("2025-01-01"))[0]
            ]
        )
        self.add(
            "presales_costs",
            {
                "cost_id": self.new_id("presales_costs"),
                "opportunity_id": self.opportunity(supported),
                "incurred_on": self.iso(
                    self.calendar.next_workday(b.opp_approved[supported] + 3)
                ),
                "amount": "4200",
                "currency": "GBP",
            },
            ["missing_fx_rate"],
        )

        self._timesheets()

        # decision_chain: a score written in words.
        open_rows = np.flatnonzero(
            (b.opp_outcome[b.dc_opportunity] == OPEN) & (b.dc_day <= END - 30)
        )
        r = int(open_rows[0])
        self.add(
            "decision_chain",
            {
                "opportunity_id": self.opportunity(b.dc_opportunity[r]),
                "contact_id": b.contact_id(b.dc_contact[r]),
                "contact_name": b.contact_names[b.dc_contact[r]],
                "role": str(b.dc_role[r]),
                "influence_weight": "0.3",
                "assessed_on": self.iso(b.dc_day[r] + 14),
                "relationship_score": "66",
                "solution_score": "八十",
                "price_score": "58",
            },
            ["unparseable_value"],
        )

        # team_ratings: an impossible date and a score above 100 at once.
        rated = int(b.tr_opportunity[0])
        self.add(
            "team_ratings",
            {
                "rating_id": self.new_id("team_ratings"),
                "opportunity_id": self.opportunity(rated),
                "rater_id": self.user(b.opp_owner[rated]),
                "ratee_id": self.user(b.tr_ratee[0]),
                "rated_on": "2025-02-30",
                "score": "120",
            },
            ["unparseable_value", "out_of_range"],
        )

        # deliveries: succeeded without completed_on; an unmapped status.
        won_early = np.flatnonzero(
            (b.opp_outcome == WON) & (b.opp_closed <= day("2025-06-30"))
        )
        for o, values, reason in (
            (
                int(won_early[-1]),
                {"contract_amount": "350000", "status": "succeeded"},
                "missing_required",
            ),
            (
                int(won_early[-2]),
                {"contract_amount": "128000.00", "status": "暂停"},
                "unknown_value",
            ),
        ):
            row = {
                "delivery_id": self.new_id("deliveries"),
                "opportunity_id": self.opportunity(o),
                "currency": "CNY",
            }
            row.update(values)
            self.add("deliveries", row, [reason])
        return self.oracle

    def _timesheets(self) -> None:
        b = self.branch
        rows = self.rows["timesheets"]
        user_col, date_col = (
            self.column("timesheets", "user_id"),
            self.column("timesheets", "work_date"),
        )
        hours_col, flag_col = (
            self.column("timesheets", "hours"),
            self.column("timesheets", "is_confirmed"),
        )
        per_day: dict[tuple[str, int], list[list[str]]] = {}
        for row, on_day in zip(rows, b.ts_day.tolist(), strict=True):
            per_day.setdefault((row[user_col], on_day), []).append(row)
        # One user's day adding up to more than 24 hours: every row of it is
        # rejected, the valid one it already had too.
        (user_text, on_day), day_rows = next(
            (k, v)
            for k, v in per_day.items()
            if len(v) == 1 and v[0][hours_col] == "8" and day("2025-03-01") <= k[1]
        )
        self.expect("timesheets", day_rows[0], ["out_of_range"])
        for hours in ("10", "7"):
            self.add(
                "timesheets",
                {
                    "entry_id": self.new_id("timesheets"),
                    "user_id": user_text,
                    "opportunity_id": day_rows[0][2],
                    "work_date": self.iso(on_day),
                    "hours": hours,
                    "is_confirmed": "true",
                },
                ["out_of_range"],
            )
        # A confirmation flag no synonym maps.
        user = b.PRESALES[0]
        when = int(self.calendar.next_workday(day("2024-11-06")))
        self.add(
            "timesheets",
            {
                "entry_id": self.new_id("timesheets"),
                "user_id": self.user(user),
                "work_date": self.iso(when),
                "hours": "2",
                "is_confirmed": "待确认",
            },
            ["unknown_value"],
        )
        # A day after the user left.
        leaver = b.PRESALES[4]
        when = int(self.calendar.next_workday(b.left[leaver] + 7))
        self.add(
            "timesheets",
            {
                "entry_id": self.new_id("timesheets"),
                "user_id": self.user(leaver),
                "work_date": self.iso(when),
                "hours": "8",
                "is_confirmed": "true",
            },
            ["inconsistent_dates"],
        )
        # An entry exported twice: first unconfirmed, then confirmed.
        original = next(
            r
            for r in rows
            if r[flag_col] == "true"
            and r[user_col] != user_text
            and r[date_col].startswith("2025-1")
        )
        copy = list(original)
        copy[flag_col] = "false"
        self.inserts["timesheets"].append((copy, original))
        self.expect("timesheets", copy, ["duplicate_superseded"])


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


class TableWriter:
    """Appends blocks of text columns to one CSV or Parquet file."""

    def __init__(self, path: Path, columns: list[str], file_format: str) -> None:
        self.path = path
        self.columns = columns
        self.file_format = file_format
        self.rows = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        if file_format == "csv":
            self._file = open(path, "wb")  # noqa: SIM115
            self._file.write((",".join(columns) + "\n").encode())
        else:
            schema = pa.schema([(c, pa.string()) for c in columns])
            self._parquet = pq.ParquetWriter(path, schema, compression="zstd")

    def write(self, columns) -> None:
        """Write rows given as one array (or list) of texts per column."""
        if len(columns) == 0 or len(columns[0]) == 0:
            return
        columns = [c if isinstance(c, pa.Array) else texts(c) for c in columns]
        self.rows += len(columns[0])
        if self.file_format == "csv":
            self._file.write(csv_bytes(columns))
            return
        arrays = [pc.if_else(pc.equal(c, ""), None, c) for c in columns]
        self._parquet.write_table(pa.Table.from_arrays(arrays, names=self.columns))

    def close(self) -> None:
        if self.file_format == "csv":
            self._file.close()
        else:
            self._parquet.close()


def write_rows(path: Path, columns: list[str], rows, file_format: str) -> int:
    writer = TableWriter(path, columns, file_format)
    writer.write([list(c) for c in zip(*rows, strict=True)] if rows else [])
    writer.close()
    return writer.rows


def fx_rows(context: Context) -> list[list[str]]:
    rows = []
    for currency in (USD, EUR):
        for month in range(FX_MONTHS):
            rows.append(
                [
                    str(CURRENCIES[currency]),
                    context.calendar.iso_texts[
                        context.fx_valid_from[month] - LUT_FIRST
                    ],
                    f"{context.fx_rates[month, currency]:.4f}",
                ]
            )
    return rows


def write_oracle(path: Path, oracle: list[tuple[str, str, str]]) -> None:
    order = {name: i for i, name in enumerate(TABLES)}
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["table_name", "record_key", "reason_codes"])
        writer.writerows(sorted(oracle, key=lambda r: (order[r[0]], r[1])))


def generate_demo(
    context: Context, out_dir: Path, file_format: str, oracle_path: Path
) -> dict[str, int]:
    branch = Branch(0, SCALES["demo"], context)
    injector = Injector(branch, format_tables(context, 0, [branch.columns()]))
    oracle = injector.inject()
    tables = injector.apply()
    counts = {}
    for name, rows in tables.items():
        counts[name] = write_rows(
            out_dir / f"{name}.{file_format}", TABLES[name], rows, file_format
        )
        print(f"  {name:<20} {counts[name]:>9,} rows")
    write_oracle(oracle_path, oracle)
    print(f"  {len(oracle)} injected rejections listed in {oracle_path}")
    return counts


def generate_large(
    context: Context, target: int, out_dir: Path, file_format: str
) -> dict[str, int]:
    branches = context.branches
    per_branch = [
        target // branches + (1 if b < target % branches else 0)
        for b in range(branches)
    ]
    writers = {
        name: TableWriter(out_dir / f"{name}.{file_format}", columns, file_format)
        for name, columns in TABLES.items()
    }
    buffers: dict[str, list[dict[str, pa.Array]]] = {name: [] for name in TABLES}
    buffered = dict.fromkeys(TABLES, 0)

    def flush(name: str) -> None:
        if not buffers[name]:
            return
        columns = [
            pa.concat_arrays([block[c] for block in buffers[name]])
            for c in TABLES[name]
        ]
        writers[name].write(columns)
        buffers[name] = []
        buffered[name] = 0

    chunks = math.ceil(branches / FORMAT_BRANCHES)
    tick = max(1, chunks // 10)
    started = time.monotonic()
    for chunk in range(chunks):
        first = chunk * FORMAT_BRANCHES
        members = range(first, min(first + FORMAT_BRANCHES, branches))
        columns = [Branch(b, per_branch[b], context).columns() for b in members]
        for name, block in format_tables(context, chunk, columns).items():
            buffers[name].append(block)
            buffered[name] += len(block[TABLES[name][0]])
            if buffered[name] >= FLUSH_ROWS:
                flush(name)
        if (chunk + 1) % tick == 0 or chunk + 1 == chunks:
            done = members[-1] + 1
            print(
                f"  [{100 * done // branches:3d}%] branch {done}/{branches}, "
                f"{time.monotonic() - started:.0f} s",
                flush=True,
            )
            for name in TABLES:
                print(f"        {name:<20} {writers[name].rows + buffered[name]:>12,}")
    counts = {}
    for name in TABLES:
        flush(name)
        writers[name].close()
        counts[name] = writers[name].rows
        print(f"  {name:<20} {counts[name]:>12,} rows  {writers[name].path}")
    return counts


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--scale",
        choices=list(SCALES),
        default="demo",
        help="demo: 3,000 opportunities and injected bad rows (default); 1m, "
        "10m: that many opportunities, valid rows only",
    )
    parser.add_argument(
        "--format",
        choices=["csv", "parquet"],
        default="csv",
        help="file format, every column text (default: csv)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="directory of the raw tables (default for the demo: seeds/demo, with "
        "fx_rates in seeds/reference; required for 1m and 10m)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help="random seed; the same arguments give the same bytes (default: "
        "%(default)s)",
    )
    args = parser.parse_args(argv)
    if args.scale != "demo" and args.out is None:
        parser.error(f"--scale {args.scale} needs --out DIR (the seeds stay the demo)")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    target = SCALES[args.scale]
    context = Context(args.seed, math.ceil(target / OPPORTUNITIES_PER_BRANCH))
    default_demo = args.scale == "demo" and args.out is None
    out_dir = DEFAULT_DEMO_DIR if args.out is None else args.out
    ext = args.format
    fx_path = (
        DEFAULT_FX_PATH
        if default_demo and ext == "csv"
        else out_dir / f"fx_rates.{ext}"
    )
    started = time.monotonic()
    print(f"kam_scorecard raw data: scale {args.scale}, {ext}, seed {args.seed}")
    if args.scale == "demo":
        oracle = DEFAULT_ORACLE_PATH if default_demo else out_dir / ORACLE_NAME
        generate_demo(context, out_dir, ext, oracle)
    else:
        generate_large(context, target, out_dir, ext)
    fx_count = write_rows(fx_path, FX_COLUMNS, fx_rows(context), ext)
    print(f"  {'fx_rates':<20} {fx_count:>9,} rows  {fx_path}")
    print(f"done in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
