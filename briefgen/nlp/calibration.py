"""The stance model's calibration: P(a reading is right) from P(stance) and P(side).

The relevance models of some issues are surer than their record; a per-issue logistic
calibration over the two logits, fitted on cross-validated whole-article statements,
says how often such a reading was right (benchmarks/train_stance.py fits it).
"""

from __future__ import annotations

from typing import Any

# A statement whose uncalibrated P(stance) x P(side) is below this takes no stance on
# the issue: the calibration was fitted above it.
RAW_FLOOR = 0.1


def side_of(p_pos: Any) -> Any:
    """How sure the side is: P(+1) or P(-1), whichever is larger."""
    import numpy as np

    return np.maximum(p_pos, 1 - p_pos)


def calibrated(p_rel: Any, p_pos: Any, coef: Any, icpt: float) -> Any:
    """P(the stance read is right) from one issue's calibration over the logits of
    P(stance) and of P(side); 0 where P(stance) x P(side) is below RAW_FLOOR."""
    import numpy as np

    eps = 1e-4
    side = side_of(np.asarray(p_pos, dtype=float))
    rel = np.clip(np.asarray(p_rel, dtype=float), eps, 1 - eps)
    sure = np.clip(side, eps, 1 - eps)
    z = coef[0] * np.log(rel / (1 - rel)) + coef[1] * np.log(sure / (1 - sure)) + icpt
    return np.where(rel * side >= RAW_FLOOR, 1 / (1 + np.exp(-z)), 0.0)
