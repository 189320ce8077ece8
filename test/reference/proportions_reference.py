"""Churn by contract in the Telco data with pandas, and the pooled two-proportion z statistic.

Usage: proportions_reference.py <Telco-Customer-Churn.csv>
Prints JSON: churners and customers on month-to-month contracts and on the
others, and z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2)) with p pooled.
"""
import json
import math
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1])
monthly = df[df["Contract"] == "Month-to-month"]
others = df[df["Contract"] != "Month-to-month"]
x1, n1 = int((monthly["Churn"] == "Yes").sum()), len(monthly)
x2, n2 = int((others["Churn"] == "Yes").sum()), len(others)
p = (x1 + x2) / (n1 + n2)
z = (x1 / n1 - x2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
print(json.dumps({"monthly": [x1, n1], "others": [x2, n2], "z": z}))
