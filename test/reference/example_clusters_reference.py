"""k-means with scikit-learn on an example workspace's data, set up as Seg declares it,
compared with the clusters `seg export` wrote.

Usage: example_clusters_reference.py <request.json>

The request names the data file and how Seg clusters it:
  csv        the data file (read with pandas)
  key        the id column, or null when members are rows keyed by position (1, 2, …)
  features   the file's columns to cluster on, in order
  transform  a list of "log1p" and "standardize" (StandardScaler: population sd)
  k          the number of clusters
  export     Seg's export (CSV with member_id and cluster_id)
  segments   optional: the export column with each member's segment (agreement with clusters)
  label      optional: a column of the data file to compare clusters with (adjusted Rand index)
  outcome    optional: {"column": ..., "value": ...}, whose share is reported per cluster

As Seg does (DESIGN.md, Outliers), members outside Tukey's fences (Q1 - 1.5 IQR,
Q3 + 1.5 IQR, numpy's linear quantiles) of two or more transformed features are
set aside: KMeans(n_init=10, random_state=0, algorithm="lloyd") is fitted without
them, then every member is assigned to its nearest centroid.

Prints JSON with the members of the file and how many of them the export lacks
(unmatched: by id, or by row number when there is no key column); then, for scikit-learn's clusters and for Seg's ("ours"): cluster sizes
over all members, largest first; inertia and silhouette on the fitted rows; the
outcome's share per cluster (same order); the adjusted Rand index with the label;
and the adjusted Rand index between the two partitions.
"""
import json
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score

warnings.filterwarnings("ignore")

with open(sys.argv[1], encoding="utf-8") as f:
    request = json.load(f)

data = pd.read_csv(request["csv"], dtype={request["key"]: str} if request["key"] else None)
data["member_id"] = data[request["key"]] if request["key"] else np.arange(1, len(data) + 1).astype(str)
exported = pd.read_csv(request["export"], dtype={"member_id": str})
data = data.merge(exported.drop(columns=[c for c in exported.columns if c in data.columns and c != "member_id"]), on="member_id", how="left", validate="one_to_one")

x = data[request["features"]].to_numpy(dtype="float64")
for step in request["transform"]:
    if step == "log1p":
        x = np.log1p(x)
    elif step == "standardize":
        x = (x - x.mean(axis=0)) / x.std(axis=0)

outside = np.zeros_like(x, dtype=bool)
for j in range(x.shape[1]):
    q1, q3 = np.percentile(x[:, j], [25, 75])
    iqr = q3 - q1
    if iqr > 0:
        outside[:, j] = (x[:, j] < q1 - 1.5 * iqr) | (x[:, j] > q3 + 1.5 * iqr)
fit = outside.sum(axis=1) < 2

km = KMeans(n_clusters=request["k"], n_init=10, random_state=0, algorithm="lloyd").fit(x[fit])
theirs = km.predict(x)
ours = pd.factorize(data["cluster_id"])[0]


def inertia(labels):
    points, groups = x[fit], labels[fit]
    return float(sum(((points[groups == c] - points[groups == c].mean(axis=0)) ** 2).sum() for c in np.unique(groups)))


def describe(labels):
    order = pd.Series(labels).value_counts().index.tolist()
    result = {
        "sizes": [int((labels == c).sum()) for c in order],
        "inertia": inertia(labels),
        "silhouette": float(silhouette_score(x[fit], labels[fit])),
    }
    if request.get("outcome"):
        hit = (data[request["outcome"]["column"]] == request["outcome"]["value"]).to_numpy()
        result["outcomeShares"] = [float(hit[labels == c].mean()) for c in order]
    if request.get("label"):
        result["ariLabel"] = float(adjusted_rand_score(data[request["label"]], labels))
    if request.get("segments"):
        result["ariSegments"] = float(adjusted_rand_score(data[request["segments"]], labels))
    return result


print(json.dumps({
    "members": int(len(data)),
    "unmatched": int(data["cluster_id"].isna().sum()),
    "outliers": int((~fit).sum()),
    "sklearn": describe(theirs),
    "ours": describe(ours),
    "ariOursSklearn": float(adjusted_rand_score(theirs, ours)),
}))
