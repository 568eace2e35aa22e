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


def test_the_domain_dev_sets_are_scored_after_the_tatoeba_and_out_of_domain_sets(tmp_path, monkeypatch) -> None:
    import lexlet_mt.evaluate as evaluate

    for name in ("dev", "jrc-acquis", "claudette-tos"):
        (tmp_path / f"{name}.src").write_text(f"{name} source\n", encoding="utf-8")
        (tmp_path / f"{name}.tgt").write_text(f"{name} target\n", encoding="utf-8")
    monkeypatch.setattr(evaluate, "work_dir", lambda cfg: tmp_path)
    cfg = {"ood_dev": {"name": "jrc-acquis"}, "domain_dev": [{"name": "claudette-tos"}]}
    sets = evaluate.dev_sets(cfg)
    assert list(sets) == ["dev", "jrc-acquis", "claudette-tos"]
    assert sets["claudette-tos"] == (["claudette-tos source"], ["claudette-tos target"])
