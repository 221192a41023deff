"""How many relevant documents are left among the unreviewed: a stratified elusion sample.

The unreviewed documents are split by the model's rank into strata (the best 1%, the next 2%, 4%, 8%,
16%, and the rest); a random sample is drawn from each, more from the larger strata (in proportion to
the square root of their size), and the analyst reviews it. Within a stratum the sampled share that is
relevant estimates the share of its other documents that is relevant: left = sum of M_h * k_h / n_h, an
unbiased (Horvitz-Thompson) estimate. The 95% interval comes from the exact finite-population model:
each stratum's rate has a Jeffreys Beta(k + 1/2, n - k + 1/2) posterior and its unsampled documents a
binomial count; 4,000 draws of the sum give the 2.5th and 97.5th percentiles. Without a ranking the
sample is one simple random sample. Decisions made after the sample only remove documents from the
strata; the ones taken out are the likeliest, so the estimate errs on the high (cautious) side, and the
app asks for a new sample when 10% of the sampled population has been reviewed since or new documents
arrived. "Maybe" counts as relevant here, for the same caution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from triage_app.core.review.decisions import POSITIVE, REVIEWED

STRATA_BOUNDS = (0.01, 0.03, 0.07, 0.15, 0.31, 1.0)
"""Upper rank fractions of the strata, best first."""
DEFAULT_SAMPLE = 300
STALE_SHARE = 0.10
DRAWS = 4000


@dataclass(frozen=True)
class ElusionSample:
    """The strata (unreviewed ids when drawn, best first) and the ids sampled from each."""

    strata: tuple[tuple[int, ...], ...]
    picked: tuple[tuple[int, ...], ...]

    @property
    def ids(self) -> list[int]:
        """Every sampled id."""
        return [d for stratum in self.picked for d in stratum]

    @property
    def population(self) -> int:
        return sum(len(s) for s in self.strata)


@dataclass(frozen=True)
class Estimate:
    """Relevant documents left among the unreviewed, with a 95% interval."""

    left: float
    low: int
    high: int
    unreviewed: int
    found: int

    @property
    def recall(self) -> float:
        """Estimated share of all relevant documents already found (0..1)."""
        total = self.found + self.left
        return self.found / total if total > 0 else 1.0

    def describe(self) -> str:
        """'about 40 relevant left among 3,200 unreviewed (95% interval 25-60)'."""
        return (
            f"about {round(self.left):,} relevant left among {self.unreviewed:,} unreviewed "
            f"(95% interval {self.low:,}-{self.high:,})"
        )


def _allocate(sizes: Sequence[int], total: int) -> list[int]:
    """Sample sizes per stratum, in proportion to sqrt(size), at least 1, at most the stratum."""
    roots = np.sqrt(np.asarray(sizes, dtype=float))
    share = roots / roots.sum() * total
    counts = [min(size, max(1, round(float(s)))) for size, s in zip(sizes, share, strict=True)]
    return counts


def draw_sample(
    ranked_unreviewed: Sequence[int], size: int, rng: np.random.Generator, *, ranked: bool = True
) -> ElusionSample:
    """Strata of `ranked_unreviewed` (best first) and a random sample of about `size` from them."""
    ids = list(ranked_unreviewed)
    if not ids:
        return ElusionSample((), ())
    bounds = STRATA_BOUNDS if ranked else (1.0,)
    strata: list[tuple[int, ...]] = []
    start = 0
    for bound in bounds:
        end = max(start, round(bound * len(ids)))
        if end > start:
            strata.append(tuple(ids[start:end]))
        start = end
    if start < len(ids):
        strata.append(tuple(ids[start:]))
    counts = _allocate([len(s) for s in strata], size)
    picked = tuple(
        tuple(int(stratum[i]) for i in sorted(rng.choice(len(stratum), size=n, replace=False)))
        for stratum, n in zip(strata, counts, strict=True)
    )
    return ElusionSample(tuple(strata), picked)


def sample_remaining(sample: ElusionSample, labels: Mapping[int, str]) -> list[int]:
    """Sampled documents not reviewed yet."""
    return [d for d in sample.ids if labels.get(d, "unreviewed") not in REVIEWED]


def is_stale(sample: ElusionSample | None, labels: Mapping[int, str], unreviewed_now: set[int]) -> bool:
    """True when there is no sample, new documents arrived, or 10% of its population was reviewed since."""
    if sample is None or not sample.strata:
        return True
    population = {d for s in sample.strata for d in s}
    if unreviewed_now - population:
        return True
    picked = set(sample.ids)
    reviewed_since = sum(1 for d in population - picked if d not in unreviewed_now)
    return reviewed_since > STALE_SHARE * len(population)


def estimate(
    sample: ElusionSample, labels: Mapping[int, str], unreviewed_now: set[int], *, seed: int = 0
) -> Estimate | None:
    """The estimate from a fully reviewed sample (None while any sampled document is unreviewed)."""
    if not sample.strata or sample_remaining(sample, labels):
        return None
    population = {d for s in sample.strata for d in s}
    newcomers = len(unreviewed_now - population)  # arrived after the sample: counted with the last stratum
    rng = np.random.default_rng(seed)
    point = 0.0
    totals = np.zeros(DRAWS)
    for h, (stratum, picked) in enumerate(zip(sample.strata, sample.picked, strict=True)):
        n = len(picked)
        k = sum(1 for d in picked if labels.get(d) in POSITIVE)
        chosen = set(picked)
        left_here = sum(1 for d in stratum if d in unreviewed_now and d not in chosen)
        if h == len(sample.strata) - 1:
            left_here += newcomers
        if n == 0 or left_here == 0:
            continue
        point += left_here * k / n
        rates = rng.beta(k + 0.5, n - k + 0.5, size=DRAWS)
        totals += rng.binomial(left_here, rates)
    low, high = np.percentile(totals, [2.5, 97.5])
    found = sum(1 for v in labels.values() if v in POSITIVE)
    # A stratum with no relevant document in its sample has a Jeffreys lower bound above 0; the usual
    # correction (Brown, Cai and DasGupta 2001) puts it at 0, so the interval always holds the estimate.
    low_i, high_i = min(int(np.floor(low)), int(np.floor(point))), max(int(np.ceil(high)), int(np.ceil(point)))
    return Estimate(left=point, low=low_i, high=high_i, unreviewed=len(unreviewed_now), found=found)
