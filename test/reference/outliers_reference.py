"""Which customers Tukey's fences set aside before k-means, computed independently.

Usage: outliers_reference.py <rfm.csv from rfm_reference.py> <feature>...
Takes log1p of each feature and standardizes it (as StandardScaler), puts fences
at Q1 - 1.5 IQR and Q3 + 1.5 IQR (numpy's linear quantiles; no fence when the
IQR is 0), and prints JSON: the customers outside the fences of two or more
features, and how many lie outside each feature's fences.
"""
import json
import sys

import numpy as np
import pandas as pd

rfm = pd.read_csv(sys.argv[1], index_col=0)
features = sys.argv[2:]
x = np.log1p(rfm[features].to_numpy(dtype=float))
x = (x - x.mean(axis=0)) / x.std(axis=0)
outside = np.zeros_like(x, dtype=bool)
for j in range(x.shape[1]):
    q1, q3 = np.percentile(x[:, j], [25, 75])
    iqr = q3 - q1
    if iqr > 0:
        outside[:, j] = (x[:, j] < q1 - 1.5 * iqr) | (x[:, j] > q3 + 1.5 * iqr)
outliers = outside.sum(axis=1) >= 2
print(json.dumps({
    "members": int(len(rfm)),
    "outliers": [int(i) for i in rfm.index[outliers]],
    "byFeature": {f: int(outside[outliers, j].sum()) for j, f in enumerate(features)},
}))
