"""scikit-learn's adjusted_rand_score for pairs of labelings.

usage: ari_reference.py <pairs.json>; pairs: [[labels_a, labels_b], ...]; prints a JSON list.
"""
import json
import sys

from sklearn.metrics import adjusted_rand_score

with open(sys.argv[1], encoding="utf-8") as f:
    pairs = json.load(f)
print(json.dumps([float(adjusted_rand_score(a, b)) for a, b in pairs]))
