"""The example workspaces' segments and hypotheses, recomputed with pandas and SciPy.

Usage: example_segments_reference.py <mall|wholesale|telco> <data file>

Each example's segment rules (examples/<name>/segments/) are written again here in
pandas, exclusive in their declared order (the first matching segment wins), and
each hypothesis (examples/<name>/hypotheses/) is tested as an analyst would:
Welch's t-test (scipy.stats.ttest_ind, equal_var=False) for a difference of means,
the pooled two-proportion z statistic for a difference of proportions.

Prints JSON: {"segments": {scheme: {segment: members}}, "hypotheses": {id: {"n": [a, b],
"values": [mean or share of a, of b], "statistic": t or z}}}.
"""
import json
import math
import sys

import numpy as np
import pandas as pd
from scipy import stats

name, path = sys.argv[1], sys.argv[2]


def exclusive(df, rules):
    """Segment of each row: the first rule (in order) that holds."""
    return pd.Series(np.select([rule(df) for _, rule in rules], [segment for segment, _ in rules], default=""), index=df.index)


def means(a, b):
    result = stats.ttest_ind(a, b, equal_var=False)
    return {"n": [int(len(a)), int(len(b))], "values": [float(a.mean()), float(b.mean())], "statistic": float(result.statistic)}


def proportions(a, b):
    x1, n1, x2, n2 = int(a.sum()), len(a), int(b.sum()), len(b)
    p = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return {"n": [n1, n2], "values": [x1 / n1, x2 / n2], "statistic": z}


if name == "mall":
    df = pd.read_csv(path, dtype={"CustomerID": str})
    income, score = df["Annual Income (k$)"], df["Spending Score (1-100)"]
    spending = exclusive(df, [
        ("affluent-big-spenders", lambda d: (income >= 70) & (score >= 60)),
        ("affluent-careful", lambda d: (income >= 70) & (score < 40)),
        ("budget-big-spenders", lambda d: (income < 40) & (score >= 60)),
        ("budget-careful", lambda d: (income < 40) & (score < 40)),
        ("middle", lambda d: score >= 1),
    ])
    schemes = {"spending": spending}
    hypotheses = {"big-spenders-younger": means(df.Age[spending == "affluent-big-spenders"], df.Age[spending == "affluent-careful"])}
elif name == "wholesale":
    df = pd.read_csv(path)
    spend = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"]
    total = df[spend].sum(axis=1)
    shelf = (df.Grocery + df.Milk + df.Detergents_Paper) / total
    fresh = (df.Fresh + df.Frozen) / total
    basket = exclusive(df, [
        ("shelf-stockers", lambda d: shelf >= 0.6),
        ("fresh-kitchens", lambda d: fresh >= 0.6),
        ("mixed-buyers", lambda d: total > 0),
    ])
    channel = exclusive(df, [("horeca", lambda d: d.Channel == 1), ("retail", lambda d: d.Channel == 2)])
    schemes = {"basket": basket, "channel": channel}
    hypotheses = {"shelf-stockers-spend-more": means(total[basket == "shelf-stockers"], total[basket == "fresh-kitchens"])}
elif name == "telco":
    df = pd.read_csv(path, dtype={"customerID": str})
    monthly = df.Contract == "Month-to-month"
    retention = exclusive(df, [
        ("new-monthly", lambda d: monthly & (d.tenure < 12)),
        ("established-monthly", lambda d: monthly),
        ("committed", lambda d: d.Contract.isin(["One year", "Two year"])),
    ])
    churned = df.Churn == "Yes"
    schemes = {"retention": retention}
    hypotheses = {
        "new-customers-churn-more": proportions(churned[retention == "new-monthly"], churned[retention == "established-monthly"]),
        "contracts-keep-customers": proportions(churned[retention == "committed"], churned[retention == "established-monthly"]),
    }
else:
    sys.exit(f"unknown example {name}")

print(json.dumps({
    "segments": {scheme: {k: int(v) for k, v in labels[labels != ""].value_counts().sort_index().items()} for scheme, labels in schemes.items()},
    "hypotheses": hypotheses,
}))
