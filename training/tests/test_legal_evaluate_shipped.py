"""The contract scoring of evaluate_shipped: the CLI's clause spans become span_scores' units and predictions."""

from lexlet_legal.evaluate_shipped import unit_predictions
from lexlet_legal.train_cuad import span_scores


def test_unit_predictions_one_row_per_clause():
    index = {"Cap on Liability": 0, "Governing Law": 1}
    spans = [
        {"label": "Governing Law", "start": 50, "end": 80},
        {"label": "Cap on Liability", "start": 0, "end": 40},
        {"label": "Uncapped Liability", "start": 0, "end": 40},  # not a scored category: ignored
        {"label": "Governing Law", "start": 0, "end": 40},
    ]
    units, p = unit_predictions(spans, index)
    assert units == [(0, 40), (50, 80)]
    assert p.tolist() == [[1, 1], [0, 1]]


def test_span_scores_of_cli_units():
    index = {"Cap on Liability": 0, "Governing Law": 1}
    units, p = unit_predictions(
        [{"label": "Cap on Liability", "start": 0, "end": 40}, {"label": "Governing Law", "start": 50, "end": 80}],
        index,
    )
    # Gold: the cap inside the first clause; Governing Law elsewhere (the predicted clause misses it).
    scores = span_scores([{"units": units, "gold": [[(10, 20)], [(90, 99)]]}], [p], 2)
    assert scores["per_category_span_f1"] == [100.0, 0.0]
    assert scores["span_f1_micro"] == 50.0
    # Presence is per contract: both categories are predicted somewhere and present somewhere.
    assert scores["presence_f1_macro"] == 100.0


def test_no_spans():
    units, p = unit_predictions([], {"Governing Law": 0})
    assert units == [] and p.shape == (0, 1)
