"""scikit-learn k-means on columns of a CSV file, as an analyst would run it.

Reads the CSV with pandas, takes the named columns as they are (no transform),
fits KMeans(n_clusters=k, n_init=10, random_state=0, algorithm="lloyd") and
prints one JSON object: {"inertia": float, "silhouette": float, "sizes": [int, ...]}
with the cluster sizes largest first.

usage: kmeans_csv_reference.py <file.csv> <k> <column> [<column> ...]
"""
import json
import sys
import warnings

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

warnings.filterwarnings("ignore")

path, k, columns = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
X = pd.read_csv(path)[columns].to_numpy(dtype="float64")
km = KMeans(n_clusters=k, n_init=10, random_state=0, algorithm="lloyd").fit(X)
sizes = sorted(pd.Series(km.labels_).value_counts().tolist(), reverse=True)
print(json.dumps({"inertia": float(km.inertia_), "silhouette": float(silhouette_score(X, km.labels_)), "sizes": sizes}))
