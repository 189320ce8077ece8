"""Welch's t-test and the Student t CDF from SciPy, for comparison with Seg's statistics.

Reads JSON from stdin: {"pairs": [[a, b], ...], "cdf": [[t, df], ...]} and prints
{"welch": [[t, p_two_sided], ...], "cdf": [p, ...]}.
"""
import json
import sys

from scipy import stats

request = json.load(sys.stdin)
welch = []
for a, b in request["pairs"]:
    result = stats.ttest_ind(a, b, equal_var=False)
    welch.append([float(result.statistic), float(result.pvalue)])
cdf = [float(stats.t.cdf(t, df)) for t, df in request["cdf"]]
print(json.dumps({"welch": welch, "cdf": cdf}))
