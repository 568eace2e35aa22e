"""Per-category decision rules over a whole contract, tuned on out-of-fold probabilities.

A unit threshold alone tags every clause that mentions, say, liability. Most categories occur once or twice in a
contract, so the decision for category j reads the contract as a whole:
  gate_j   the category is tagged in a contract only if some unit scores >= gate_j there;
  unit_j   then units scoring >= unit_j (unit_j <= gate_j) are tagged,
  top_k_j  but at most the k highest-scoring ones (None: no limit; ties keep document order).
src/engine/legal/document-tagger.ts applies exactly these rules (config.json "document_rules").

Each category's rules maximise span F1 over the training contracts (spans as in train_cuad.span_scores).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TOP_KS = (1, 2, 3, 5, None)


@dataclass(frozen=True)
class Rule:
    gate: float
    unit: float
    top_k: int | None


def kept_by_rank(scores: np.ndarray, top_k: int | None) -> np.ndarray:
    """The units among the top_k scores of one contract; a stable sort keeps earlier units on ties."""
    keep = np.ones(len(scores), dtype=bool)
    if top_k is not None and top_k < len(scores):
        keep[:] = False
        keep[np.argsort(-scores, kind="stable")[:top_k]] = True
    return keep


def apply_rules(contract_probs: list[np.ndarray], rules: list[Rule]) -> list[np.ndarray]:
    """Boolean (units x categories) decisions per contract."""
    out = []
    for probs in contract_probs:
        decided = np.zeros(probs.shape, dtype=bool)
        for j, rule in enumerate(rules):
            scores = probs[:, j]
            if len(scores) and scores.max() >= rule.gate:
                decided[:, j] = (scores >= rule.unit) & kept_by_rank(scores, rule.top_k)
        out.append(decided)
    return out


def covered_units(units: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[np.ndarray]:
    """For each gold span, the units overlapping it by at least one character."""
    return [np.array([u for u, (us, ue) in enumerate(units) if us < e and s < ue], dtype=np.int64) for s, e in spans]


def tune_rule(
    labels: list[np.ndarray], probs: list[np.ndarray], covers: list[list[np.ndarray]], grid: np.ndarray
) -> Rule | None:
    """The rule with the best span F1 for one category; None when no training contract has it.

    labels[c], probs[c]: the category's unit labels and scores in contract c; covers[c]: its gold spans' units.
    """
    n_gold = sum(len(cover) for cover in covers)
    if n_gold == 0:
        return None
    best_f1, best = -1.0, None
    for top_k in TOP_KS:
        scores, hits, contract_of = [], [], []
        gold_best, gold_contract, contract_max = [], [], []
        for c, (y, p, cover) in enumerate(zip(labels, probs, covers)):
            keep = kept_by_rank(p, top_k)
            scores.append(p[keep])
            hits.append(y[keep])
            contract_of.append(np.full(int(keep.sum()), c))
            kept_scores = np.where(keep, p, 0.0)
            # A gold span is found at unit threshold u if its best kept unit scores >= u.
            gold_best += [kept_scores[units].max() if len(units) else 0.0 for units in cover]
            gold_contract += [c] * len(cover)
            contract_max.append(p.max() if len(p) else 0.0)
        scores, hits, contract_of = np.concatenate(scores), np.concatenate(hits), np.concatenate(contract_of)
        gold_best, gold_contract = np.array(gold_best), np.array(gold_contract, dtype=np.int64)
        contract_max = np.array(contract_max)
        for gate in grid:
            on = contract_max >= gate
            units = grid[grid <= gate + 1e-9]
            chosen = (scores[:, None] >= units[None, :]) & on[contract_of][:, None]
            n_pred = chosen.sum(0)
            precision = np.where(n_pred > 0, (chosen & (hits[:, None] == 1)).sum(0) / np.maximum(n_pred, 1), 0.0)
            recall = ((gold_best[:, None] >= units[None, :]) & on[gold_contract][:, None]).sum(0) / n_gold
            f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
            i = int(np.argmax(f1))
            if f1[i] > best_f1 + 1e-9:
                # Rounded as exported, so the engine decides with exactly the values scored here.
                best_f1, best = float(f1[i]), Rule(round(float(gate), 4), round(float(units[i]), 4), top_k)
    return best


def tune_rules(contracts: list[dict], contract_probs: list[np.ndarray], fallback: np.ndarray, grid: np.ndarray) -> list[Rule]:
    """One rule per category from contracts ({"y": units x categories, "units", "gold"}) and their probabilities.

    A category no training contract has keeps its unit threshold from `fallback`, ungated and unlimited.
    """
    covers = [[covered_units(c["units"], spans) for spans in c["gold"]] for c in contracts]
    rules = []
    for j in range(len(fallback)):
        rule = tune_rule(
            [c["y"][:, j] for c in contracts], [p[:, j] for p in contract_probs], [cv[j] for cv in covers], grid
        )
        rules.append(rule or Rule(round(float(fallback[j]), 4), round(float(fallback[j]), 4), None))
    return rules


def rules_to_json(rules: list[Rule]) -> dict:
    return {
        "gate": [r.gate for r in rules],
        "unit": [r.unit for r in rules],
        "top_k": [r.top_k for r in rules],
    }


def rules_from_json(obj: dict) -> list[Rule]:
    return [Rule(g, u, k) for g, u, k in zip(obj["gate"], obj["unit"], obj["top_k"], strict=True)]
