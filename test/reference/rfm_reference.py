"""Independent RFM computation with pandas, the way a careful analyst would write it.

Usage: rfm_reference.py <online_retail.csv.gz> <out.csv>
Prints a JSON summary on stdout and writes one row per customer to out.csv.
"""
import json
import sys

import numpy as np
import pandas as pd

source, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(source, dtype={"InvoiceNo": str, "StockCode": str}, parse_dates=["InvoiceDate"])
df = df[df["CustomerID"].notna() & (df["Quantity"] > 0) & (df["UnitPrice"] > 0)].copy()
df["CustomerID"] = df["CustomerID"].astype("int64")
df["Amount"] = df["Quantity"] * df["UnitPrice"]
snapshot = df["InvoiceDate"].max() + pd.Timedelta(days=1)

rfm = df.groupby("CustomerID").agg(
    last=("InvoiceDate", "max"),
    first=("InvoiceDate", "min"),
    frequency=("InvoiceNo", "nunique"),
    monetary=("Amount", "sum"),
)
rfm["recency"] = (snapshot - rfm["last"]).dt.days
rfm["tenure"] = (snapshot - rfm["first"]).dt.days
rfm = rfm.sort_index()


def quintile(values, reverse=False):
    # Ties broken by order of appearance (customer id), then cut at the quintiles.
    labels = [5, 4, 3, 2, 1] if reverse else [1, 2, 3, 4, 5]
    return pd.qcut(values.rank(method="first"), 5, labels=labels).astype(int)


rfm["r_score"] = quintile(rfm["recency"], reverse=True)
rfm["f_score"] = quintile(rfm["frequency"])
rfm["m_score"] = quintile(rfm["monetary"])
rfm[["recency", "frequency", "monetary", "tenure", "r_score", "f_score", "m_score"]].to_csv(out, float_format="%.6f")

print(json.dumps({
    "rows": int(len(df)),
    "customers": int(len(rfm)),
    "snapshot": str(snapshot),
    "recency_mean": float(rfm["recency"].mean()),
    "recency_median": float(rfm["recency"].median()),
    "frequency_mean": float(rfm["frequency"].mean()),
    "frequency_max": int(rfm["frequency"].max()),
    "monetary_mean": float(rfm["monetary"].mean()),
    "monetary_max": float(rfm["monetary"].max()),
}))
