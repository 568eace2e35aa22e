"""The learning-rate schedule: inverse square root, and the linear cooldown that ends a budget at zero.

    cd training && /usr/bin/python3 -m pytest tests/test_train_schedule.py -q
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lexlet_mt.train import inverse_sqrt, with_cooldown  # noqa: E402


def test_inverse_sqrt_warms_up_then_decays():
    factor = inverse_sqrt(100)
    assert factor(50) == pytest.approx(0.5)
    assert factor(100) == pytest.approx(1.0)
    assert factor(400) == pytest.approx(0.5)


def test_without_a_cooldown_the_base_schedule_is_unchanged():
    base = inverse_sqrt(150)
    factor = with_cooldown(base, {})
    assert [factor(s) for s in (1, 150, 9500)] == [base(s) for s in (1, 150, 9500)]


def test_cooldown_decays_linearly_from_its_start_to_zero():
    base = inverse_sqrt(150)
    factor = with_cooldown(base, {"start": 9500, "steps": 1000})
    assert factor(9000) == pytest.approx(base(9000))
    assert factor(9500) == pytest.approx(base(9500))
    assert factor(10000) == pytest.approx(base(9500) / 2)
    assert factor(10500) == 0.0
    assert factor(12000) == 0.0
    values = [factor(s) for s in range(9500, 10501, 50)]
    assert all(a > b for a, b in zip(values, values[1:]))


def test_a_cooldown_asked_for_later_is_seen_by_the_same_schedule():
    # train.py builds the scheduler before it knows (from the checkpoint) whether a cooldown has begun
    cooldown: dict = {}
    factor = with_cooldown(inverse_sqrt(150), cooldown)
    before = factor(3000)
    cooldown.update({"start": 2500, "steps": 6000})
    assert factor(3000) != pytest.approx(before)
    assert factor(3000) == pytest.approx(math.sqrt(150 / 2500) * (1 - 500 / 6000))
