"""scikit-learn's Lloyd k-means on the matrix bench/kmeans.ts wrote (float64, row-major).

usage: kmeans-sklearn.py <file> <n> <d> <k>
Loads the matrix once, then reads one n_init per line on stdin and answers each
with one JSON line: the fit's wall seconds, inertia and iterations of the best
initialization. bench/kmeans.ts alternates these fits with Seg's.
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

path, n, d, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
X = np.fromfile(path, dtype="<f8").reshape(n, d)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    n_init = int(line)
    start = time.perf_counter()
    km = KMeans(n_clusters=k, n_init=n_init, random_state=0, algorithm="lloyd").fit(X)
    seconds = time.perf_counter() - start
    print(json.dumps({"n_init": n_init, "seconds": seconds, "inertia": float(km.inertia_), "iterations": int(km.n_iter_)}), flush=True)
