from pathlib import Path

from lexlet_mt.card import training_summary, unknown_share


def test_training_summary_adds_up_resumed_runs(tmp_path: Path) -> None:
    log = tmp_path / "train.log"
    log.write_text(
        "2026-01-01T10:00:00Z config {}\n"
        "2026-01-01T10:00:00Z params 1234 train_pairs 10 tgt_tokens 100\n"
        "2026-01-01T10:30:00Z step 25 epoch 0 batch 25/50 loss 5.0\n"
        "2026-01-01T11:00:00Z finished: steps 40 epochs 0.80 train_tokens 80 avg_tgt_tok/s 1\n"
        "2026-01-02T09:00:00Z resumed from last.pt at epoch 0 batch 40 step 40\n"
        "2026-01-02T09:15:00Z step 50 epoch 1 batch 10/50 loss 4.0\n"
        "2026-01-02T09:30:00Z finished: steps 60 epochs 1.20 train_tokens 120 avg_tgt_tok/s 1\n"
        "not a log line\n",
        encoding="utf-8",
    )
    summary = training_summary(log)
    assert summary == {"seconds": 5400.0, "segments": 2, "params": 1234, "steps": 60, "epochs": 1.2,
                       "tokens": 120, "resumed_at": 40}


def test_training_summary_finds_the_step_a_corpus_joined_at(tmp_path: Path) -> None:
    log = tmp_path / "train.log"
    log.write_text(
        "2026-01-01T10:00:00Z config {}\n"
        "2026-01-01T11:00:00Z resumed from last.pt at epoch 0 batch 40 step 40\n"
        "2026-01-01T12:00:00Z resumed from last.pt at epoch 1 batch 2 step 90\n"
        "2026-01-01T12:00:00Z model selection is now by mean chrF of dev500 and extra_dev200 (train_pairs 9)\n"
        "2026-01-01T13:00:00Z resumed from last.pt at epoch 1 batch 9 step 120\n",
        encoding="utf-8",
    )
    assert training_summary(log)["selection_changed_at"] == 90


def test_training_summary_counts_the_training_before_a_warm_start(tmp_path: Path) -> None:
    log = tmp_path / "train.log"
    before = '{"epochs": 4.5, "params": 1234, "seconds": 3600, "segments": 3, "selection_changed_at": 30, ' \
             '"steps": 100, "tokens": 1000}'
    log.write_text(
        f"2026-01-03T10:00:00Z warm start from ../m (suffix '_quantized') at step 100 epoch 5; before it {before}\n"
        "2026-01-03T10:00:10Z resumed from last.pt at epoch 5 batch 0 step 100\n"
        "2026-01-03T10:00:10Z model selection is now by mean chrF of dev500 and extra_dev200 (train_pairs 9)\n"
        "2026-01-03T10:30:10Z finished: steps 160 epochs 5.25 train_tokens 300 avg_tgt_tok/s 1\n",
        encoding="utf-8",
    )
    summary = training_summary(log)
    assert summary["steps"] == 160
    assert summary["tokens"] == 1300
    assert summary["epochs"] == 4.75
    assert summary["seconds"] == 3600 + 1800
    assert summary["segments"] == 4
    assert summary["params"] == 1234
    assert summary["selection_changed_at"] == 30  # the corpus joined before the warm start, not at it
    assert summary["warm_start_at"] == 100
    assert summary["warm_starts"] == [100]


def test_training_summary_counts_only_the_runs_since_the_last_warm_start(tmp_path: Path) -> None:
    # A second warm start appends to the log of a first round, whose training the new record either holds (it
    # shipped) or never saw (it lost): its steps, time and cooldown must not be counted again.
    before = '{"epochs": 4.5, "seconds": 3600, "segments": 3, "steps": 100, "tokens": 1000, "cooldowns": [[50, 100]]}'

    def round_from_step_100(day: int, hours: str, steps: int, epochs: str, tokens: int) -> str:
        start, end = f"2026-01-0{day}T10:00", f"2026-01-0{day}T{hours}"
        return (f"{start}:00Z warm start from ../m (suffix '_quantized') at step 100 epoch 5; before it {before}\n"
                f"{start}:10Z resumed from last.pt at epoch 5 batch 0 step 100\n"
                f"{start}:10Z cooldown: learning rate from 0.000126 to zero over {steps} steps "
                f"(steps 100-{100 + steps})\n"
                f"{end}:10Z finished: steps {100 + steps} epochs {epochs} train_tokens {tokens} avg_tgt_tok/s 1\n")

    log = tmp_path / "train.log"
    log.write_text(round_from_step_100(3, "11:00", 60, "5.25", 300) + round_from_step_100(4, "10:30", 80, "5.5", 400),
                   encoding="utf-8")
    counted = ("steps", "tokens", "epochs", "seconds", "segments", "cooldowns", "warm_starts")
    summary = training_summary(log)
    assert {key: summary[key] for key in counted} == {
        "steps": 180, "tokens": 1400, "epochs": 5.0, "seconds": 3600 + 1800, "segments": 4,
        "cooldowns": [[50, 100], [100, 180]], "warm_starts": [100]}


def test_a_model_grown_at_a_warm_start_counts_its_new_parameters_and_keeps_the_growth(tmp_path: Path) -> None:
    log = tmp_path / "train.log"
    before = '{"params": 1234, "steps": 100, "grown": [[2, 1, 3, 1, 50]]}'
    log.write_text(
        f"2026-01-03T10:00:00Z warm start from ../m (suffix '_quantized') at step 100 epoch 5; before it {before}\n"
        "2026-01-03T10:00:00Z grown from 3 encoder / 1 decoder layers to 4 / 2 at step 100, new layers silent\n"
        "2026-01-03T10:00:00Z params 2000\n"
        "2026-01-03T10:00:10Z resumed from last.pt at epoch 5 batch 0 step 100\n"
        "2026-01-03T10:30:10Z finished: steps 160 epochs 5.25 train_tokens 300 avg_tgt_tok/s 1\n",
        encoding="utf-8",
    )
    summary = training_summary(log)
    assert summary["params"] == 2000
    assert summary["grown"] == [[2, 1, 3, 1, 50], [3, 1, 4, 2, 100]]


def test_summary_lists_cooldowns_of_this_run_and_those_before_a_warm_start(tmp_path):
    log = tmp_path / "train.log"
    before = '{"epochs": 2.0, "seconds": 60, "segments": 1, "steps": 100, "tokens": 10, "cooldowns": [[50, 100]]}'
    log.write_text(
        f"2026-01-03T10:00:00Z warm start from ../m (suffix '_quantized') at step 100 epoch 2; before it {before}\n"
        "2026-01-03T10:00:10Z resumed from last.pt at epoch 2 batch 0 step 100\n"
        "2026-01-03T10:00:10Z cooldown: learning rate from 0.000126 to zero over 40 steps (steps 100-140)\n"
        "2026-01-03T10:10:10Z finished: steps 140 epochs 2.5 train_tokens 30 avg_tgt_tok/s 1\n",
        encoding="utf-8",
    )
    assert training_summary(log)["cooldowns"] == [[50, 100], [100, 140]]


def test_a_cooldown_that_an_earlier_run_stopped_inside_keeps_the_step_it_stopped_at(tmp_path):
    from lexlet_mt.card import cooldown_commands, schedule_text

    log = tmp_path / "train.log"
    before = '{"epochs": 2.0, "seconds": 60, "segments": 1, "steps": 80, "tokens": 10, "cooldowns": [[50, 100]]}'
    log.write_text(
        f"2026-01-03T10:00:00Z warm start from ../m (suffix '_quantized') at step 80 epoch 2; before it {before}\n"
        "2026-01-03T10:00:10Z resumed from last.pt at epoch 2 batch 0 step 80\n"
        "2026-01-03T10:00:10Z cooldown: learning rate from 0.000126 to zero over 60 steps (steps 80-140)\n"
        "2026-01-03T10:10:10Z finished: steps 140 epochs 2.5 train_tokens 30 avg_tgt_tok/s 1\n",
        encoding="utf-8",
    )
    cooldowns = training_summary(log)["cooldowns"]
    assert cooldowns == [[50, 100, 80], [80, 140]]
    assert schedule_text(cooldowns, 140, [80]) == (
        "The learning rate was cooled down linearly toward zero twice (steps 50–80, 80–140; one of them stopped short "
        "of zero), training going on from the cooled weights after the first, once from the shipped int8 weights "
        "(`lexlet_mt.warm_start`, with a fresh optimizer state).")
    commands = cooldown_commands("zh-en", cooldowns, 140)
    assert "--cooldown-steps 50 --max-steps 80   # once training has reached step 50" in commands
    assert commands.endswith("--cooldown-steps 60   # once training has reached step 80")


def test_a_warm_start_from_a_checkpoint_before_the_last_step_continues_from_that_checkpoint(tmp_path):
    log = tmp_path / "train.log"
    before = ('{"epochs": 5.9, "seconds": 60, "segments": 1, "steps": 599, "tokens": 10, '
              '"cooldowns": [[100, 300], [500, 610]], "warm_starts": [80]}')
    log.write_text(
        f"2026-01-03T10:00:00Z warm start from ../m (suffix '_quantized') at step 250 epoch 5; before it {before}\n"
        "2026-01-03T10:00:10Z resumed from last.pt at epoch 5 batch 0 step 250\n"
        "2026-01-03T10:10:10Z finished: steps 400 epochs 5.5 train_tokens 30 avg_tgt_tok/s 1\n",
        encoding="utf-8",
    )
    summary = training_summary(log)
    assert summary["warm_start_at"] == 250
    assert summary["warm_starts"] == [80, 250]  # the earlier ones are kept
    # The weights came from inside the first cooldown; the second happened after them, on a discarded branch.
    assert summary["cooldowns"] == [[100, 300, 250]]


def test_unknown_share_counts_tokens_and_the_lines_that_hold_one() -> None:
    assert unknown_share([[5, 2, 7], [5, 6], [2, 2, 9, 1]], unk_id=2) == (3 / 9, 2 / 3)
    assert unknown_share([], unk_id=2) == (0.0, 0.0)


def test_a_synthetic_corpus_is_credited_by_source_and_its_direction_is_said(tmp_path: Path) -> None:
    from lexlet_mt.card import synthetic_line

    (tmp_path / "formal.json").write_text(
        '{"sources": {"cuad-contracts": {"prose_sentences": 9, "taken": 5}}, "pairs": 5, '
        '"command": "apertium -u eng-spa", "system": "apertium 3.8.3\\napertium-eng-spa 0.8.1"}', encoding="utf-8")
    corpus = {"name": "formal", "added_at_step": 6493, "synthetic": {"from": "en", "to": "es"},
              "files": {"en": str(tmp_path / "formal.en"), "es": str(tmp_path / "formal.es")}}
    back = synthetic_line(corpus, {"train": 5, "repeat": 1}, src="es")
    assert "sentences, 5 from CUAD v1's contracts (The Atticus Project, CC BY 4.0);" in back
    assert "apertium 3.8.3, apertium-eng-spa 0.8.1" in back and "added at step 6,493" in back
    assert "back-translation" in back
    assert "machine-made: the model learns" in synthetic_line(corpus, {"train": 5}, src="en")


def test_the_post_edits_of_a_synthetic_corpus_are_said_with_the_step_they_began_at(tmp_path: Path) -> None:
    from lexlet_mt.card import synthetic_line

    (tmp_path / "formal.json").write_text(
        '{"sources": {"s": {"prose_sentences": 9, "taken": 5}}, "pairs": 5, "command": "apertium -u eng-spa", '
        '"system": "apertium 3.8.3", "corrections": [{"why": "party as fiesta", "sentences_changed": 4678}]}',
        encoding="utf-8")
    corpus = {"name": "formal", "synthetic": {"from": "en", "to": "es"}, "corrections_from_step": 23250,
              "files": {"en": str(tmp_path / "formal.en"), "es": str(tmp_path / "formal.es")}}
    line = synthetic_line(corpus, {"train": 5}, src="en")
    assert "post-edited (from step 23,250; before it the corpus was used as Apertium made it)" in line
    assert "party as fiesta, 4,678 sentences." in line
    del corpus["corrections_from_step"]
    assert "post-edited: party as fiesta" in synthetic_line(corpus, {"train": 5}, src="en")


def test_a_cooldown_stopped_short_is_rerun_up_to_the_step_it_stopped_at() -> None:
    from lexlet_mt.card import cooldown_commands

    commands = cooldown_commands("en-de", [[2290, 2990], [4528, 7928]], 7000)
    assert "--cooldown-steps 700   # once training has reached step 2,290" in commands
    assert "--cooldown-steps 3400 --max-steps 7000   # once training has reached step 4,528" in commands
    branched = cooldown_commands("en-de", [[4528, 7928, 7128]], 9000)
    assert "--cooldown-steps 3400 --max-steps 7128   # once training has reached step 4,528" in branched
    finished = cooldown_commands("en-de", [[4528, 7928]], 7928)
    assert "--max-steps" not in finished


def test_the_schedule_is_one_sentence_over_all_cooldowns_and_warm_starts() -> None:
    from lexlet_mt.card import schedule_text

    # en-es's record: two cooldowns stopped by a warm start, one by the time budget.
    cooldowns = [[9500, 13000], [15500, 16100], [20609, 23609, 23250], [24500, 27000, 26334], [28789, 31289],
                 [34250, 36750, 36500], [39000, 41500, 41250], [42841, 45341, 44750], [46500, 49000]]
    assert schedule_text(cooldowns, 49000, [26334, 31289, 36500, 41250, 44750]) == (
        "The learning rate was cooled down linearly toward zero 9 times (steps 9,500–13,000, 15,500–16,100, "
        "20,609–23,250, 24,500–26,334, 28,789–31,289, 34,250–36,500, 39,000–41,250, 42,841–44,750, 46,500–49,000; "
        "5 of them stopped short of zero), training going on from the cooled weights after each but the last, "
        "5 times from the shipped int8 weights (`lexlet_mt.warm_start`, with a fresh optimizer state).")
    # The time budget ending the last cooldown: it is cut short, and training did not go on after it.
    assert schedule_text([[2626, 3626, 3387], [5179, 9179]], 8249, [3387]) == (
        "The learning rate was cooled down linearly toward zero twice (steps 2,626–3,387, 5,179–8,249; both stopped "
        "short of zero), training going on from the cooled weights after the first, once from the shipped int8 "
        "weights (`lexlet_mt.warm_start`, with a fresh optimizer state).")
    assert schedule_text([[100, 140]], 140) == "The learning rate was cooled down linearly toward zero once (steps 100–140)."
    assert schedule_text([[100, 140]], 300) == ("The learning rate was cooled down linearly toward zero once "
                                                "(steps 100–140), training going on from the cooled weights after it.")


def test_a_warm_start_outside_a_cooldown_is_named_by_its_step() -> None:
    from lexlet_mt.card import schedule_text

    assert schedule_text([], 500, [250]) == ("Training continued from the shipped int8 weights (`lexlet_mt.warm_start`, "
                                             "with a fresh optimizer state) at step 250.")
    both = schedule_text([[100, 200]], 500, [200, 250, 400])
    assert both.endswith(", once from the shipped int8 weights (`lexlet_mt.warm_start`, with a fresh optimizer state). "
                         "Training also continued from the shipped int8 weights (`lexlet_mt.warm_start`, with a fresh "
                         "optimizer state) at steps 250, 400.")
    assert schedule_text([], 500) == ""


def test_the_training_section_states_the_recipe_totals_schedule_and_shipped_weights_without_a_log() -> None:
    from lexlet_mt.card import training_paragraph

    tcfg = {"lr": 0.001, "warmup_steps": 150, "label_smoothing": 0.1, "max_tokens": 1200}
    train = {"steps": 10596, "epochs": 27.0, "tokens": 9632313, "seconds": 13362.0, "segments": 5,
             "cooldowns": [[2919, 3919, 3687], [6306, 9728, 9096], [9096, 10596]], "warm_starts": [9096],
             "warm_start_at": 9096}
    text = training_paragraph(tcfg, train, "the checkpoint with the best chrF on a 500-sentence dev subset")
    assert text.split("\n") == [
        "AdamW, peak LR 0.001 with inverse-square-root warm-up (150 steps), label smoothing 0.1, token-budget batches "
        "of 1,200 target tokens, 1 CPU thread: 10,596 steps (≈27.00 epochs, 9.63 M target tokens) in 3.7 hours of "
        "wall time over 5 runs, each resuming the last checkpoint, on a shared 2-core machine.",
        "The learning rate was cooled down linearly toward zero 3 times (steps 2,919–3,687, 6,306–9,096, "
        "9,096–10,596; 2 of them stopped short of zero), training going on from the cooled weights after each but "
        "the last, once from the shipped int8 weights (`lexlet_mt.warm_start`, with a fresh optimizer state).",
        "The shipped weights are the checkpoint with the best chrF on a 500-sentence dev subset.",
    ]
    # The commands that rerun each cooldown are the Reproduce section's, not the training section's.
    assert "--cooldown-steps" not in text
    # Only the warm-start step known (an older record): it still counts; with no schedule, no empty line.
    older = {**train, "cooldowns": [], "warm_starts": []}
    assert training_paragraph(tcfg, older, "x").split("\n")[1] == (
        "Training continued from the shipped int8 weights (`lexlet_mt.warm_start`, with a fresh optimizer state) "
        "at step 9,096.")
    plain = {**train, "cooldowns": [], "warm_starts": [], "warm_start_at": 0}
    assert len(training_paragraph(tcfg, plain, "x").split("\n")) == 2


def test_the_steps_after_an_earlier_shipped_checkpoint_are_named_by_their_place_against_the_cooldowns() -> None:
    from lexlet_mt.card import later_steps_text

    inside = later_steps_text(36500, 36750, [[28789, 31289], [34250, 36750]])
    assert inside == "step 36,500; the last 250 steps of its cooldown did not beat it"
    before = later_steps_text(23000, 23995, [[21495, 23995]])
    assert before == "step 23,000; the last 995 steps of its cooldown did not beat it"
    spans = later_steps_text(20000, 23995, [[21495, 23995]])
    assert spans == "step 20,000; the 3,995 steps after it, a cooldown included, did not beat it"
    plain = later_steps_text(20000, 20500, [[12000, 15000]])
    assert plain == "step 20,000; the 500 steps after it did not beat it"


def test_a_restored_corpus_is_credited_with_what_its_restoring_left_out(tmp_path: Path) -> None:
    from lexlet_mt.card import restored_line

    (tmp_path / "europarl-restored.json").write_text(
        '{"lines": 1000, "pairs": 872, "dropped": {"a_name_of_unknown_case": 124, "in_an_excluded_file": 4}}',
        encoding="utf-8")
    corpus = {"name": "europarl-restored", "added_at_step": 43670, "restore": {},
              "files": {"en": str(tmp_path / "europarl-restored.en"), "es": str(tmp_path / "europarl-restored.es")}}
    line = restored_line(corpus, {"train": 863, "repeat": 4}, src="es")
    assert "github.com/sxyao/MT-Final-Project" in line and "863 pairs, each seen 4× per epoch" in line
    assert "added at step 43,670" in line and "of its 1,000 lines, 124 were left out" in line
    assert "4 because they match a sentence of the Europarl sample" in line


def test_an_aligned_corpus_is_credited_with_its_documents_and_what_alignment_left_out(tmp_path: Path) -> None:
    from lexlet_mt.card import aligned_line

    (tmp_path / "claudette-tos.json").write_text(
        '{"documents": 36, "pairs": 9985, "beads": {"kept_1-1": 9091, "kept_1-2": 894, "left_alone_0-1": 130, '
        '"over_max_cost_1-1": 246, "over_max_cost_2-1": 1031}, "held_out_documents": ["Booking.txt", "Zoom.txt"], '
        '"dev_pairs": 749}', encoding="utf-8")
    corpus = {"name": "claudette-tos", "added_at_step": 13385, "align": {"max_cost": 3.0},
              "files": {"en": str(tmp_path / "claudette-tos.en"), "de": str(tmp_path / "claudette-tos.de")}}
    line = aligned_line(corpus, {"train": 9606, "repeat": 1}, src="en")
    assert "CC BY 4.0" in line and "Galassi" in line and "36 documents" in line
    assert "9,606 pairs, each seen 1× per epoch, added at step 13,385" in line
    assert "1,277 of the 11,262 aligned spans cost more than 3 and were left out" in line
    assert "2 documents (Booking, Zoom) are held out as a dev set of 749 pairs" in line
