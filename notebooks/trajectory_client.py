"""What the notebooks share: asking the Trajectory service, quarter arithmetic and the rating palette.

The service answers JSON ``{"data": ..., "chart": ..., "meta": ...}``; ``get`` returns that whole
answer and ``frame`` turns its ``data`` (or a table inside it) into a pandas DataFrame.

Environment:
  TRAJECTORY_URL       the service (default http://localhost:8080, where ``./trajectory demo`` serves)
  TRAJECTORY_USER      optional: log in with HTTP basic auth (needed unless anonymous read is on)
  TRAJECTORY_PASSWORD
"""

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request

import pandas as pd

BASE_URL = os.environ.get("TRAJECTORY_URL", "http://localhost:8080").rstrip("/")

# The service's ratings, in the order reports list them, with the colours its charts use
# (io.trajectory.warehouse.rating.Rating). Charts always name the rating too: never colour alone.
RATINGS = ["ACHIEVED", "GREEN", "AMBER", "RED", "NOT_AVAILABLE", "ENDED", "NO_TARGET"]
LABELS = {
    "ACHIEVED": "Achieved",
    "GREEN": "Green",
    "AMBER": "Amber",
    "RED": "Red",
    "NOT_AVAILABLE": "Not available",
    "ENDED": "Ended",
    "NO_TARGET": "No target",
}
COLOURS = {
    "ACHIEVED": "#1f5fa8",
    "GREEN": "#1a7f37",
    "AMBER": "#b35900",
    "RED": "#c62828",
    "NOT_AVAILABLE": "#6b6b6b",
    "ENDED": "#8c8c8c",
    "NO_TARGET": "#8c8c8c",
}
# Ratings "with data": their shares are taken over these; Not available over all counted ones.
WITH_DATA = ["ACHIEVED", "GREEN", "AMBER", "RED"]
COUNTED = WITH_DATA + ["NOT_AVAILABLE"]
# How far off plan a rating says an indicator is (higher = worse); Achieved counts as Green.
SEVERITY = {"ACHIEVED": 0, "GREEN": 0, "AMBER": 1, "RED": 2}


class ServiceError(RuntimeError):
    """The service answered with a problem (application/problem+json) or could not be reached."""


def url(path, params=None):
    query = urllib.parse.urlencode({k: v for k, v in (params or {}).items() if v is not None})
    return BASE_URL + path + ("?" + query if query else "")


def get(path, params=None):
    """GET a path such as ``/api/v1/trend`` with query parameters; the whole JSON answer."""
    request = urllib.request.Request(url(path, params), headers={"Accept": "application/json"})
    user = os.environ.get("TRAJECTORY_USER")
    if user:
        token = f"{user}:{os.environ.get('TRAJECTORY_PASSWORD', '')}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(token).decode())
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        try:
            detail = json.loads(body).get("detail", body)
        except ValueError:
            detail = body
        raise ServiceError(f"{e.code} from {request.full_url}: {detail}") from None
    except urllib.error.URLError as e:
        raise ServiceError(f"cannot reach the service at {BASE_URL} ({e.reason}); "
                           "start it with ./trajectory demo or set TRAJECTORY_URL") from None


def frame(path, params=None, table=None):
    """The answer's ``data`` (or ``data[table]``) as a DataFrame."""
    data = get(path, params)["data"]
    return pd.DataFrame(data[table] if table else data)


def periods():
    """Every quarter the snapshot knows, with ``ordinal`` for arithmetic (fy*4 + q - 1)."""
    p = frame("/api/v1/periods")
    p["ordinal"] = (p["key"] // 10) * 4 + p["quarter"] - 1
    return p


def published_periods():
    p = periods()
    return p[p["published"] & p["hasReturn"]].sort_values("ordinal").reset_index(drop=True)


def quarter_before(period, quarters=1):
    """The label of the quarter ``quarters`` before ``period`` (4 = the same quarter last year)."""
    p = periods()
    row = p[p["period"] == period]
    if row.empty:
        raise ValueError(f"unknown quarter {period!r}")
    wanted = int(row["ordinal"].iloc[0]) - quarters
    fy, q = divmod(wanted, 4)
    return f"{fy}/{(fy + 1) % 100:02d} Q{q + 1}"


def label(rating):
    """Green, Amber, ... for a service rating code (None stays None)."""
    return None if rating is None or pd.isna(rating) else LABELS.get(rating, rating)


def legend_handles(ratings):
    """Matplotlib legend entries naming each rating beside its colour."""
    from matplotlib.patches import Patch
    return [Patch(facecolor=COLOURS[r], label=LABELS[r]) for r in ratings]


def number(value):
    """A figure for a sentence: 39,605 / 6.34 / 0.5 (no exponents, no trailing zeros)."""
    if value is None or pd.isna(value):
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def style_map(styler, function):
    """``Styler.map`` (pandas 2.1+) or ``applymap`` (older pandas, as in Debian 12)."""
    return styler.map(function) if hasattr(styler, "map") else styler.applymap(function)
