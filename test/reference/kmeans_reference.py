"""scikit-learn reference for Seg's k-means, silhouette and transforms.

Reads a request (JSON) naming float64 matrices that the test wrote, row-major
little-endian, and prints one JSON object:

- transformMaxAbsDiff: the largest difference between Seg's transformed matrix
  and the same transform done here (numpy log1p, StandardScaler);
- byK: for each k, KMeans(n_clusters=k, n_init=10, random_state=0) inertia and
  silhouette_score on the full data, silhouette_score of Seg's own labels, and
  the adjusted Rand index between the two partitions. When they differ (ARI
  below 0.99), also the range of silhouettes and of inertias scikit-learn
  itself reaches with random_state 0–9: k-means optima of nearly equal inertia can differ in
  silhouette by several percent.

usage: kmeans_reference.py <request.json>
request: {"raw": path, "transformed": path, "n": int, "d": int,
          "transform": ["log1p" | "standardize", ...], "k": [min, max],
          "labels": {"<k>": path of int32 labels}}
"""
import json
import sys
import warnings

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")

with open(sys.argv[1], encoding="utf-8") as f:
    request = json.load(f)
n, d = request["n"], request["d"]
raw = np.fromfile(request["raw"], dtype="<f8").reshape(n, d)
ours = np.fromfile(request["transformed"], dtype="<f8").reshape(n, d)

X = raw.copy()
for step in request["transform"]:
    X = np.log1p(X) if step == "log1p" else StandardScaler().fit_transform(X)

by_k = []
for k in range(request["k"][0], request["k"][1] + 1):
    km = KMeans(n_clusters=k, n_init=10, random_state=0, algorithm="lloyd").fit(ours)
    our_labels = np.fromfile(request["labels"][str(k)], dtype="<i4")
    row = {
        "k": k,
        "inertia": float(km.inertia_),
        "silhouette": float(silhouette_score(ours, km.labels_)),
        "ourLabelsSilhouette": float(silhouette_score(ours, our_labels)),
        "ari": float(adjusted_rand_score(km.labels_, our_labels)),
    }
    if row["ari"] < 0.99:
        seeds = [KMeans(n_clusters=k, n_init=10, random_state=seed, algorithm="lloyd").fit(ours) for seed in range(10)]
        silhouettes = [float(silhouette_score(ours, m.labels_)) for m in seeds]
        row["silhouetteRange"] = [min(silhouettes), max(silhouettes)]
        inertias = [float(m.inertia_) for m in seeds]
        row["inertiaRange"] = [min(inertias), max(inertias)]
    by_k.append(row)

print(json.dumps({"transformMaxAbsDiff": float(np.max(np.abs(X - ours))), "byK": by_k}))
