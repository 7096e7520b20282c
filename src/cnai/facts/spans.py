"""Value anchors: the exact words of a quote that state a value (780亿元, 2024.3.20, 超), and what they say.

Each reader takes a span as written and returns the fields it states ({"number": 780, "unit": "亿元"}); the loader
(provenance.py) compares them with the row's columns, as data/curated's ANCHORS rules in schemas.py say. The
meaning of qualifier and currency words is data: data/mappings/anchor_words.yml.
"""
from __future__ import annotations

import re

import cn2an

from ..corpus import rules
from . import mappings

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE_DIGITS = "零〇一二两兩三四五六七八九十百千"
CHINESE = rf"[{CHINESE_DIGITS}]+"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
# characters that continue a number: a span next to one of them is part of a larger or vaguer number (52 in
# 52.04, 十 in 幾十)
_NUMERIC_NEIGHBOURS = CHINESE_DIGITS + "万萬亿億几幾数數"
_MAGNITUDE = "(万亿|萬億|万|萬|亿|億)"
_RANGE = r"(?:[-~至到—–－])"


class SpanError(ValueError):
    """A span that does not read as the kind of value its rule expects."""


def key(text: str) -> str:
    """Text as spans are compared: width forms normalised, whitespace removed."""
    return re.sub(r"\s+", "", rules.normalize_width(str(text))[0])


def words(block: str):
    return mappings.read("anchor_words")[block]


def occurs_in(span: str, quote: str) -> bool:
    """Whether `span` occurs in `quote` as whole words: not as part of a larger number (52 is not in 52.04 or
    152, 十 is not in 幾十). Whitespace is ignored inside the span but separates table cells in the quote."""
    text = rules.normalize_width(str(quote))[0]
    span = key(span)
    if not span:
        return False
    body = r"\s*".join(re.escape(ch) for ch in span)
    before = after = ""
    if span[0].isdigit():
        before = r"(?<![\d.,])"
    elif span[0] in CHINESE_DIGITS:
        before = f"(?<![{_NUMERIC_NEIGHBOURS}])"
    if span[-1].isdigit():
        after = r"(?!\d|[.,]\d)"
    elif span[-1] in CHINESE_DIGITS:
        after = f"(?![{CHINESE_DIGITS}几幾数數])"  # 两千 in 两千亿 is a number of 亿
    return re.search(before + body + after, text) is not None


def number(text: str) -> float:
    """The number a span writes: 3,342 → 3342; 52.04; 一百三十 → 130; 百 → 100; 二〇二三 → 2023."""
    text = key(text)
    if re.fullmatch(ARABIC, text):
        return float(text.replace(",", ""))
    if re.fullmatch(CHINESE, text):
        if text[0] in "十百千":
            text = "一" + text
        try:
            return float(cn2an.cn2an(text.replace("兩", "两"), "smart"))
        except ValueError:
            raise SpanError(f"{text!r} is not a Chinese numeral") from None
    raise SpanError(f"{text!r} is not a number")


def read_number(text: str) -> dict:
    return {"number": number(text)}


def read_measure(text: str) -> dict:
    """A number and the unit written after it: 780亿元 → 780, 亿元; 52.04% → 52.04, %; 80余个 → 80, 个 (余: more
    than); 80 → 80, no unit. A range or a vague number states a unit but no number: 2-3万张 → no number, 万张 (low
    2, high 3); 数百亿元 → no number, 亿元, approx."""
    text = key(text)
    vague = re.fullmatch(rf"[数數几幾][十百千]{_MAGNITUDE}?(.*)", text)
    if vague:
        return {"number": None, "unit": (vague[1] or "") + vague[2] or None, "qualifier": "approx"}
    span = re.fullmatch(rf"({NUMBER}){_RANGE}({NUMBER}){_MAGNITUDE}?(.*)", text)
    if span:
        return {"number": None, "low": number(span[1]), "high": number(span[2]),
                "unit": ((span[3] or "") + span[4]) or None, "qualifier": None}
    match = re.fullmatch(rf"({NUMBER}){_MAGNITUDE}?(余|餘|多)?(.*)", text)
    if not match:
        raise SpanError(f"{text!r} does not start with a number")
    qualifier = words("qualifiers")[match[3]] if match[3] else None
    return {"number": number(match[1]), "unit": ((match[2] or "") + match[4]) or None, "qualifier": qualifier}


def read_unit(text: str) -> dict:
    return {"unit": key(text)}


def read_qualifier(text: str) -> dict:
    qualifiers = words("qualifiers")
    if key(text) not in qualifiers:
        raise SpanError(f"{text!r} is not a qualifier in {mappings.path_of('anchor_words')} (block qualifiers)")
    return {"qualifier": qualifiers[key(text)]}


def _currency(unit: str | None) -> str | None:
    for word, code in sorted(words("currencies").items(), key=lambda kv: -len(kv[0])):
        if unit and unit.endswith(word):
            return code
    return None


def read_amount(text: str) -> dict:
    """A deal amount as the tables write it: 超 10 亿人民币 → 10, 亿人民币, CNY, approximate; 数千万人民币 →
    no number, CNY, approximate; 未披露 → undisclosed."""
    text = key(text)
    if text in words("undisclosed"):
        return {"number": None, "unit": None, "currency": None, "status": "undisclosed"}
    for vague in sorted(words("vague_amounts"), key=len, reverse=True):
        if text.startswith(vague):
            return {"number": None, "unit": None, "currency": _currency(text[len(vague):]), "status": "approximate"}
    qualifier = next((q for q in sorted(words("qualifiers"), key=len, reverse=True) if text.startswith(q)), "")
    measure = read_measure(text[len(qualifier):])
    if not _currency(measure["unit"]):
        raise SpanError(f"{text!r} names no currency in {mappings.path_of('anchor_words')} (block currencies)")
    return {**measure, "currency": _currency(measure["unit"]),
            "status": "approximate" if qualifier else "disclosed"}


_DATES = [  # pattern → precision; groups year, month, day (year may be absent; 24年 is 2024)
    (r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})日?", "day"),
    (r"(\d{4}|\d{2})年(\d{1,2})月(\d{1,2})[日号]", "day"),
    (r"(\d{4})[./-](\d{1,2})", "month"),
    (r"(\d{4}|\d{2})年(\d{1,2})月(?:份|底|末|初|中)?", "month"),
    (r"(\d{4}|\d{2})年(底|末)", "month"),  # 21年底: December 2021
    (r"(\d{4})年?(?:全年|年度)?", "year"),
    (r"(\d{2})年(?:全年|年度)?", "year"),
    (r"()(\d{1,2})月(\d{1,2})[日号]", "day"),
    (r"()(\d{1,2})月(?:份|底|末|初|中)?", "month"),
]


def _arabic_months(text: str) -> str:
    """Months written in Chinese numerals as digits: 五月初 → 5月初, 十二月 → 12月."""
    return re.sub(r"(?<![\d年])([一二三四五六七八九十]{1,3})月", lambda m: f"{number(m[1]):.0f}月", text)


def date_parts(text: str) -> tuple[int | None, int | None, int | None, str]:
    """(year, month, day, precision) a date span writes; year None where the span omits it (3月20日)."""
    text = _arabic_months(key(text))
    for pattern, precision in _DATES:
        match = re.fullmatch(pattern, text)
        if match:
            parts = [int(g) if g and g.isdigit() else None for g in match.groups()] + [None] * 3
            year, month, day = parts[:3]
            if match.lastindex == 2 and match[2] in ("底", "末"):
                month = 12
            if year is not None and year < 100:
                year += 2000
            if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
                raise SpanError(f"{text!r} is not a date")
            return year, month, day, precision
    raise SpanError(f"{text!r} is not a date this reader knows (2024.3.20, 2024年3月, 3月20日, 2023年 …)")


def iso(year: int, month: int | None, day: int | None) -> str:
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def read_date(text: str) -> dict:
    year, month, day, precision = date_parts(text)
    return {"date": iso(year, month, day) if year else None, "year": year, "month": month, "day": day,
            "precision": precision}


def read_year(text: str) -> dict:
    year, month, _, precision = date_parts(text)
    if year is None or month is not None:
        raise SpanError(f"{text!r} is not a year")
    return {"number": float(year)}


_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}


def _year(text: str | None) -> int | None:
    return None if not text else int(text) + (2000 if len(text) == 2 else 0)


def _months(text: str) -> tuple[str | None, int, int] | None:
    """Periods of months: 2Q22, 24年第一季度, 2024年前三季度, 2022上半年, 1-5月份 → (year, first, last month)."""
    patterns = [
        (r"([1-4])Q(\d{2})", lambda m: (m[2], 3 * int(m[1]) - 2, 3 * int(m[1]))),
        (r"(\d{4}|\d{2})年?Q([1-4])", lambda m: (m[1], 3 * int(m[2]) - 2, 3 * int(m[2]))),
        (r"(\d{4}|\d{2})?年?第([一二三四])季度", lambda m: (m[1], 3 * _CN_DIGIT[m[2]] - 2, 3 * _CN_DIGIT[m[2]])),
        (r"(\d{4}|\d{2})?年?前([一二三四])季度", lambda m: (m[1], 1, 3 * _CN_DIGIT[m[2]])),
        (r"(\d{4}|\d{2})?年?上半年", lambda m: (m[1], 1, 6)),
        (r"(\d{4}|\d{2})?年?下半年", lambda m: (m[1], 7, 12)),
        (rf"(\d{{4}}|\d{{2}})?年?(\d{{1,2}})月?{_RANGE}(\d{{1,2}})月份?", lambda m: (m[1], int(m[2]), int(m[3]))),
    ]
    for pattern, parts in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            return parts(match)
    return None


def read_period(text: str) -> dict:
    """A period: 2022年-2027年 → 2022, 2027; 2023年 → 2023, 2023; 2Q22 → 2022-04, 2022-06; 2024年前三季度 →
    2024-01, 2024-09; 8月31日 → no year (the row must say where it comes from)."""
    text = key(text)
    match = re.fullmatch(rf"(\d{{4}}|\d{{2}})年?{_RANGE}(\d{{4}}|\d{{2}})年?", text)
    if match:
        return {"start": str(_year(match[1])), "end": str(_year(match[2])), "year": _year(match[1]),
                "month": None, "day": None}
    months = _months(text)
    if months:
        year, first, last = months
        year = _year(year)
        return {"start": iso(year, first, None) if year else None, "end": iso(year, last, None) if year else None,
                "year": year, "month": first, "day": None, "months": (first, last)}
    parts = read_date(text)
    return {"start": parts["date"], "end": parts["date"], **parts}


def read_year_of(text: str) -> dict:
    """The year of a date span: 2022 年 9月 → 2022; 2025 年底 → 2025; a span without a year is an error."""
    year = read_date(text)["year"]
    if year is None:
        raise SpanError(f"{text!r} names no year")
    return {"number": float(year)}


def _scaled(text: str, units: dict[str, float], what: str) -> dict:
    measure = read_measure(text)
    unit = (measure["unit"] or "").rstrip("+")
    if measure["number"] is None or unit not in units:
        raise SpanError(f"{text!r} is not a {what} in {' or '.join(units)}")
    return {"number": round(measure["number"] * units[unit], 6),
            "qualifier": "at_least" if (measure["unit"] or "").endswith("+") else measure["qualifier"]}


def read_metres(text: str) -> dict:
    """A length in metres: 1.5 米 → 1.5; 168cm → 1.68."""
    return _scaled(text, {"米": 1, "m": 1, "厘米": 0.01, "cm": 0.01}, "length")


def read_kilograms(text: str) -> dict:
    """A mass in kilograms: 89kg → 89; 35kg+ → 35 (at least); 52公斤 → 52."""
    return _scaled(text, {"kg": 1, "公斤": 1, "千克": 1, "斤": 0.5}, "mass")


def read_dof(text: str) -> dict:
    """Degrees of freedom: 42 个自由度 → 42. Joints (28 个关节, 60+智能柔性关节) or a range (23-43 个自由度) state
    no single number of degrees of freedom: number None."""
    text = key(text)
    match = re.fullmatch(rf"({NUMBER})个?自由度", text)
    if match:
        return {"number": number(match[1])}
    if re.fullmatch(rf"{NUMBER}(?:{_RANGE}{NUMBER}|\+)?个?(?:自由度|\w*关节)", text):
        return {"number": None}
    raise SpanError(f"{text!r} states no degrees of freedom (42 个自由度) nor joints (28 个关节)")


def params_in_billions(text: str | None) -> list[float]:
    """Parameter counts in billions from their written form: 1750亿 → 175, 1.2万亿 → 1200, 70B → 70,
    两千亿 → 200, 百亿 → 10; the report's table gives plain numbers already in billions, sizes separated by '/'."""
    if text is None or text != text:  # blank or NaN
        return []
    t = key(text)
    if re.fullmatch(r"[\d,.]+(/[\d,.]+)*", t):
        return [float(x.replace(",", "")) for x in t.split("/")]
    match = re.search(r"(\d[\d,.]*)B", t)
    if match:
        return [float(match.group(1).replace(",", ""))]
    match = re.search(rf"({ARABIC}|{CHINESE})?(万亿|亿)", t)
    if match:
        value = number(match.group(1) or "一")
        return [value * (1000.0 if match.group(2) == "万亿" else 0.1)]
    return []


def read_params(text: str) -> dict:
    """A parameter count: 1750 亿 → 175 (billions); 10/38/71/100 → one of 10, 38, 71, 100 (a row per size);
    GPT-3 的 500 倍 → none (the words state no count)."""
    sizes = params_in_billions(text)
    return {"billions": None if not sizes else sizes[0] if len(sizes) == 1 else tuple(sizes)}


def read_range(text: str) -> dict:
    """A target: 3-5个 → 3, 5, 个; 超过300EFlops → 300, 300, EFlops, lower bound; 1000家以上 → 1000, 1000, 家,
    lower bound. Qualifier words before or after the number are in data/mappings/anchor_words.yml."""
    text = key(text)
    qualifiers = words("qualifiers")
    ordered = sorted(qualifiers, key=len, reverse=True)
    before = next((q for q in ordered if text.startswith(q) and re.match(NUMBER, text[len(q):])), "")
    text = text[len(before):]
    after = next((q for q in ordered if text.endswith(q) and len(text) > len(q)), "")
    text = text[:len(text) - len(after)]
    match = re.fullmatch(rf"({NUMBER})(?:{_RANGE}({NUMBER}))?(万亿|亿|万)?(.*)", text)
    if not match:
        raise SpanError(f"{text!r} does not start with a number or a range")
    qualifier = qualifiers[before or after] if before or after else None
    low = number(match[1])
    return {"low": low, "high": number(match[2]) if match[2] else low, "unit": ((match[3] or "") + match[4]) or None,
            "qualifier": qualifier, "lower_bound": "yes" if qualifier in words("lower_bounds") else "no"}


def read_duration(text: str) -> dict:
    """A length of time: 24小时 → 24, hour; 1分钟 → 1, minute (unit words in data/mappings/anchor_words.yml)."""
    measure = read_measure(text)
    units = words("time_units")
    if measure["unit"] not in units:
        raise SpanError(f"{text!r}: unit {measure['unit']!r} is not in {mappings.path_of('anchor_words')} "
                        "(block time_units)")
    return {"number": measure["number"], "unit": units[measure["unit"]]}


READERS = {"number": read_number, "measure": read_measure, "unit": read_unit, "qualifier": read_qualifier, "amount": read_amount,
           "date": read_date, "year": read_year, "period": read_period, "year_of": read_year_of,
           "metres": read_metres, "kilograms": read_kilograms, "dof": read_dof, "params": read_params, "range": read_range,
           "duration": read_duration}
