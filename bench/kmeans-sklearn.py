"""scikit-learn's Lloyd k-means on the matrix bench/kmeans.ts wrote (float64, row-major).

usage: kmeans-sklearn.py <file> <n> <d> <k>
Loads the matrix once, then reads one request per line on stdin and answers each
with one JSON line: the fit's wall seconds, inertia and iterations of the best
initialization. A request is an n_init (k-means++ seeding, n_init
initializations), or `init <file>`: Lloyd's iterations from the k x d centres in
<file> (float64, row-major), n_init = 1, the same start as Seg's. bench/kmeans.ts
alternates these fits with Seg's.
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
    words = line.split()
    if words[0] == "init":
        n_init = 1
        init = np.fromfile(words[1], dtype="<f8").reshape(k, d)
    else:
        n_init = int(words[0])
        init = "k-means++"
    start = time.perf_counter()
    km = KMeans(n_clusters=k, init=init, n_init=n_init, random_state=0, algorithm="lloyd").fit(X)
    seconds = time.perf_counter() - start
    print(json.dumps({"n_init": n_init, "seconds": seconds, "inertia": float(km.inertia_), "iterations": int(km.n_iter_)}), flush=True)
