"""Model, cache and decoding invariants the ONNX export relies on (tiny random model, CPU, seconds)."""

import json
import tempfile
import unittest
from pathlib import Path

import torch

from lexlet_mt.decode import beam_batch, greedy_batch, translate_ids
from lexlet_mt.model import ModelConfig, Seq2SeqTransformer, config_to_hf, sinusoidal_table

TINY = ModelConfig(vocab_size=50, d_model=16, encoder_layers=2, decoder_layers=2, heads=2, ffn_dim=32,
                   max_position_embeddings=64)


def tiny_model(seed: int = 0) -> Seq2SeqTransformer:
    torch.manual_seed(seed)
    model = Seq2SeqTransformer(TINY)
    with torch.no_grad():  # a non-zero bias so the test sees it being applied
        model.final_logits_bias.normal_()
    return model.eval()


class ModelTest(unittest.TestCase):
    def test_output_projection_is_tied_to_the_shared_embedding(self):
        model = tiny_model()
        names = [name for name, _ in model.named_parameters()]
        self.assertEqual([n for n in names if n.startswith("shared")], ["shared.weight"])
        self.assertIn("final_logits_bias", dict(model.named_buffers()))
        hidden = torch.randn(1, 1, TINY.d_model)
        expected = hidden @ model.shared.weight.T + model.final_logits_bias
        self.assertTrue(torch.allclose(torch.nn.functional.linear(hidden, model.shared.weight)
                                       + model.final_logits_bias, expected))

    def test_positions_match_marian_layout(self):
        table = sinusoidal_table(4, 8)
        self.assertTrue(torch.allclose(table[0, :4], torch.zeros(4)))  # sin(0)
        self.assertTrue(torch.allclose(table[0, 4:], torch.ones(4)))  # cos(0)
        self.assertAlmostEqual(table[1, 0].item(), torch.sin(torch.tensor(1.0)).item(), places=6)

    def test_cached_decoding_equals_full_forward(self):
        model = tiny_model()
        src = torch.randint(3, 50, (2, 6))
        mask = torch.ones_like(src)
        mask[1, 4:] = 0
        tgt = torch.randint(3, 50, (2, 5))
        with torch.no_grad():
            full = model(src, mask, tgt)
            memory = model.encode(src, mask)
            past, steps = None, []
            for t in range(tgt.shape[1]):
                logits, past = model.decode(tgt[:, t : t + 1], memory, mask, past)
                steps.append(logits)
        self.assertTrue(torch.allclose(full, torch.cat(steps, dim=1), atol=1e-5))
        self_k, self_v, cross_k, cross_v = past[0]
        self.assertEqual(tuple(self_k.shape), (2, TINY.heads, 5, TINY.d_model // TINY.heads))
        self.assertEqual(tuple(cross_v.shape), (2, TINY.heads, 6, TINY.d_model // TINY.heads))

    def test_padding_does_not_change_the_encoding(self):
        model = tiny_model()
        src = torch.randint(3, 50, (1, 5))
        padded = torch.cat([src, torch.zeros(1, 3, dtype=torch.long)], dim=1)
        with torch.no_grad():
            alone = model.encode(src, torch.ones_like(src))
            with_pad = model.encode(padded, (padded != 0).long())
        self.assertTrue(torch.allclose(alone, with_pad[:, :5], atol=1e-5))

    def test_hf_config_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            config_to_hf(TINY, Path(tmp))
            config = json.loads((Path(tmp) / "config.json").read_text())
            generation = json.loads((Path(tmp) / "generation_config.json").read_text())
        self.assertEqual(config["model_type"], "marian")
        self.assertEqual(config["decoder_start_token_id"], TINY.pad_token_id)
        self.assertEqual(config["d_model"], 16)
        self.assertEqual(generation["num_beams"], 4)
        self.assertEqual(generation["bad_words_ids"], [[TINY.pad_token_id], [TINY.unk_token_id]])


class DecodeTest(unittest.TestCase):
    def test_one_beam_equals_greedy(self):
        model = tiny_model(1)
        sources = [[5, 6, 7, 1], [8, 9, 1], [10, 11, 12, 13, 14, 1]]
        self.assertEqual(beam_batch(model, sources, beams=1, max_len=12), greedy_batch(model, sources, max_len=12))

    def test_batched_results_match_one_by_one(self):
        model = tiny_model(2)
        sources = [[5, 6, 7, 1], [8, 9, 1], [10, 11, 12, 13, 14, 1]]
        together = translate_ids(model, sources, beams=4, max_len=12)
        alone = [beam_batch(model, [s], beams=4, max_len=12)[0] for s in sources]
        self.assertEqual(together, alone)

    def test_beam_never_scores_below_greedy(self):
        model = tiny_model(3)
        source = [5, 6, 7, 8, 1]

        def log_prob(output: list) -> float:
            target = output + [TINY.eos_token_id]
            decoder_input = torch.tensor([[TINY.pad_token_id] + target[:-1]])
            with torch.no_grad():
                logits = model(torch.tensor([source]), torch.ones(1, len(source), dtype=torch.long), decoder_input)
            logp = torch.log_softmax(logits[0], dim=-1)
            return sum(logp[i, t].item() for i, t in enumerate(target)) / len(target)

        greedy = greedy_batch(model, [source], max_len=12)[0]
        beam = beam_batch(model, [source], beams=4, max_len=12)[0]
        if len(greedy) < 12 and len(beam) < 12:  # both ended with </s>, so the scores are comparable
            self.assertGreaterEqual(log_prob(beam) + 1e-6, log_prob(greedy))


if __name__ == "__main__":
    unittest.main()
