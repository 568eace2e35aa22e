import numpy as np

from lexlet_legal.document_rules import Rule, apply_rules, kept_by_rank, rules_from_json, rules_to_json, tune_rules

GRID = np.linspace(0.05, 0.95, 37)


def test_kept_by_rank_keeps_the_highest_and_earlier_on_ties():
    scores = np.array([0.2, 0.9, 0.5, 0.9])
    assert kept_by_rank(scores, 2).tolist() == [False, True, False, True]
    assert kept_by_rank(scores, 1).tolist() == [False, True, False, False]
    assert kept_by_rank(scores, None).all()


def test_apply_rules_gates_the_contract_then_thresholds_and_ranks_units():
    rules = [Rule(gate=0.8, unit=0.3, top_k=None), Rule(gate=0.5, unit=0.5, top_k=1)]
    weak = np.array([[0.6, 0.7], [0.7, 0.6]])
    strong = np.array([[0.9, 0.1], [0.4, 0.2], [0.2, 0.3]])
    decided = apply_rules([weak, strong], rules)
    # Category 0: no unit of the first contract reaches the gate; in the second every unit over 0.3 is kept.
    assert decided[0][:, 0].tolist() == [False, False]
    assert decided[1][:, 0].tolist() == [True, True, False]
    # Category 1: only the best unit, and only where it clears the unit threshold.
    assert decided[0][:, 1].tolist() == [True, False]
    assert decided[1][:, 1].tolist() == [False, False, False]


def test_tune_rules_learns_a_gate_that_removes_contracts_without_the_category():
    rng = np.random.default_rng(0)
    contracts, probs = [], []
    for c in range(40):
        has = c % 2 == 0
        units = [(i * 10, i * 10 + 9) for i in range(6)]
        y = np.zeros((6, 1), dtype=np.int32)
        p = rng.uniform(0.3, 0.5, (6, 1))
        if has:
            y[2, 0] = 1
            p[2, 0] = rng.uniform(0.8, 0.95)
        contracts.append({"units": units, "y": y, "gold": [[(20, 29)] if has else []]})
        probs.append(p)
    (rule,) = tune_rules(contracts, probs, np.array([0.3]), GRID)
    assert 0.5 <= rule.gate <= 0.8
    decided = apply_rules(probs, [rule])
    assert all(d[:, 0].tolist() == (c["y"][:, 0] == 1).tolist() for d, c in zip(decided, contracts))


def test_tune_rules_falls_back_to_the_threshold_for_a_category_without_gold():
    contracts = [{"units": [(0, 5)], "y": np.zeros((1, 1), dtype=np.int32), "gold": [[]]}]
    (rule,) = tune_rules(contracts, [np.array([[0.9]])], np.array([0.42]), GRID)
    assert rule == Rule(0.42, 0.42, None)


def test_rules_round_trip_through_json():
    rules = [Rule(0.5, 0.25, 3), Rule(0.9, 0.9, None)]
    assert rules_from_json(rules_to_json(rules)) == rules
