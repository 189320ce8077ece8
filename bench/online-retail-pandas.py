"""The Online Retail pipeline in pandas + scikit-learn, the reference Seg is measured against.

Same steps as bench/online-retail-seg.ts: load, keep lines with a customer, positive
quantity and price; RFM per customer (recency from one day after the newest invoice,
distinct invoices, sum of quantity x price), 1-5 quintile scores (qcut on rank,
method="first"), the RFM groups of examples/online-retail; log1p + StandardScaler,
Tukey-fence outliers (outside the fences of 2+ features) set aside, KMeans(k=2..8,
n_init=10) with the full silhouette; nearest-centroid assignment of every customer.

usage: online-retail-pandas.py <online_retail.csv.gz> <rfm.csv>; prints JSON on the last line.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

path, rfm_path = sys.argv[1], sys.argv[2]
df = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": "Int64"}, parse_dates=["InvoiceDate"])
df = df[df["CustomerID"].notna() & (df["Quantity"] > 0) & (df["UnitPrice"] > 0)].copy()
df["amount"] = df["Quantity"] * df["UnitPrice"]
reference = df["InvoiceDate"].max() + pd.Timedelta(days=1)
g = df.groupby("CustomerID")
rfm = pd.DataFrame({
    "recency": (reference - g["InvoiceDate"].max()).dt.days,
    "frequency": g["InvoiceNo"].nunique(),
    "monetary": g["amount"].sum(),
}).sort_index()


def score(values, descending):
    ranks = values.rank(method="first")
    bins = pd.qcut(ranks, 5, labels=False) + 1
    return (6 - bins) if descending else bins


# Ties are broken by customer id, as Seg's row_number over (value, member_id): rank
# "first" follows the order of the index, which is sorted by id.
rfm["r"] = score(rfm["recency"], True)
rfm["f"] = score(rfm["frequency"], False)
rfm["m"] = score(rfm["monetary"], False)

groups = [
    ("champions", lambda x: (x.r >= 4) & (x.f >= 4) & (x.m >= 4)),
    ("loyal", lambda x: x.f >= 4),
    ("new-customers", lambda x: (x.r >= 4) & (x.f <= 2)),
    ("at-risk", lambda x: (x.r <= 2) & (x.f >= 3)),
    ("hibernating", lambda x: x.r <= 2),
    ("needs-attention", lambda x: x.r >= 1),
]
rfm["group"] = None
for name, rule in groups:
    rfm.loc[rfm["group"].isna() & rule(rfm), "group"] = name
memberships = rfm["group"].fillna("(none)").value_counts().to_dict()

X = StandardScaler().fit_transform(np.log1p(rfm[["recency", "frequency", "monetary"]].to_numpy(dtype=float)))
q1, q3 = np.percentile(X, 25, axis=0), np.percentile(X, 75, axis=0)
iqr = q3 - q1
outside = ((X < q1 - 1.5 * iqr) | (X > q3 + 1.5 * iqr)) & (iqr > 0)
fit_rows = X[outside.sum(axis=1) < 2]

candidates = []
fits = {}
for k in range(2, 9):
    km = KMeans(n_clusters=k, n_init=10, random_state=42, algorithm="lloyd").fit(fit_rows)
    candidates.append({"k": k, "inertia": float(km.inertia_), "silhouette": float(silhouette_score(fit_rows, km.labels_))})
    fits[k] = km
best = max(candidates, key=lambda c: (c["silhouette"], -c["k"]))["k"]
clusters = fits[best].predict(X)

rfm.reset_index().rename(columns={"CustomerID": "id"})[["id", "recency", "frequency", "monetary", "r", "f", "m"]].to_csv(rfm_path, index=False)
print(json.dumps({
    "rows": int(len(df)),
    "customers": int(len(rfm)),
    "fitted": int(len(fit_rows)),
    "k": int(best),
    "candidates": candidates,
    "memberships": {str(k): int(v) for k, v in memberships.items()},
    "clusterSizes": np.bincount(clusters).tolist(),
}))
