"""Distinctive words of two groups of texts: the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4), section 3.5)."""
from __future__ import annotations

import numpy as np
import pandas as pd


def log_odds(first: pd.Series, second: pd.Series, prior: pd.Series | None = None,
             prior_size: float | None = None, min_count: int = 1) -> pd.DataFrame:
    """Word counts of two groups (Series indexed by word) → one row per word with its counts, the log-odds ratio
    `delta` of the first group against the second, its approximate variance and z-score (positive: typical of the
    first group). The prior counts `alpha` are proportional to the background counts `prior`, by default the word's
    count in both groups together (the informative prior of the paper, as in the R package tidylo); `prior_size`
    rescales them to sum to alpha_0 (by default they are used as they are: alpha_0 is the size of both groups, a
    strong prior). With y the counts and n the totals:

        delta_w = log((y1_w + a_w) / (n1 + a_0 - y1_w - a_w)) - log((y2_w + a_w) / (n2 + a_0 - y2_w - a_w))
        var_w  ~ 1 / (y1_w + a_w) + 1 / (y2_w + a_w),   z_w = delta_w / sqrt(var_w)

    Totals count every word; only words seen at least `min_count` times in the two groups together are returned,
    sorted by z-score (highest first)."""
    counts = pd.concat([first.rename("first"), second.rename("second")], axis=1).fillna(0).astype(int)
    if prior is None:
        prior = counts["first"] + counts["second"]
    alpha = prior.reindex(counts.index).fillna(0).astype(float)
    if (alpha <= 0).any():
        missing = list(alpha.index[alpha <= 0][:5])
        raise ValueError(f"every word needs a positive prior count; none for {missing}")
    if prior_size is not None:
        alpha = alpha * prior_size / alpha.sum()
    alpha_0 = alpha.sum()
    n1, n2 = counts["first"].sum(), counts["second"].sum()
    y1, y2 = counts["first"] + alpha, counts["second"] + alpha
    delta = np.log(y1 / (n1 + alpha_0 - y1)) - np.log(y2 / (n2 + alpha_0 - y2))
    variance = 1 / y1 + 1 / y2
    table = counts.assign(prior=alpha, delta=delta, variance=variance, z=delta / np.sqrt(variance))
    table = table[counts["first"] + counts["second"] >= min_count]
    table.index.name = "word"
    return table.reset_index().sort_values(["z", "word"], ascending=[False, True], ignore_index=True)
