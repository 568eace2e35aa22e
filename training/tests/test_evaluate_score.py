from lexlet_mt.evaluate import lowercased, score


def test_a_lowercase_dev_set_scores_cased_output_against_its_lowercased_references() -> None:
    hypotheses = ["The European Parliament adopted it ."]
    references = ["the european parliament adopted it ."]
    cased = score(hypotheses, references, 0.0)
    caseless = score(hypotheses, references, 0.0, lowercase=True)
    assert cased["bleu"] < 50 and "lowercased" not in cased
    assert caseless["bleu"] == 100.0 and caseless["chrf"] == 100.0 and caseless["lowercased"] is True


def test_only_the_ood_set_marked_lowercase_is_scored_case_insensitively() -> None:
    cfg = {"ood_dev": {"name": "europarl-lc", "lowercase": True}}
    assert lowercased(cfg, "europarl-lc") and not lowercased(cfg, "dev")
    assert not lowercased({"ood_dev": {"name": "europarl"}}, "europarl")
    assert not lowercased({}, "dev")
