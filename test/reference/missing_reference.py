"""Blank or non-numeric cells of a numeric column, counted with pandas.

Usage: missing_reference.py <file.csv> <column>
Prints JSON: rows, and rows whose value pandas cannot read as a number.
"""
import json
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
values = pd.to_numeric(df[sys.argv[2]].str.strip().replace("", None), errors="coerce")
print(json.dumps({"rows": int(len(df)), "missing": int(values.isna().sum())}))
