"""Deepening a trained model: the grown model computes exactly what the trained one did, and can learn."""

import pytest

torch = pytest.importorskip("torch")

from lexlet_mt.grow import grow, insertion_plan  # noqa: E402
from lexlet_mt.model import ModelConfig, Seq2SeqTransformer  # noqa: E402

SMALL = dict(vocab_size=40, d_model=16, heads=2, ffn_dim=32, encoder_layers=2, decoder_layers=1,
             max_position_embeddings=32)


def trained_model() -> Seq2SeqTransformer:
    torch.manual_seed(3)
    model = Seq2SeqTransformer(ModelConfig(**SMALL))
    with torch.no_grad():  # every weight away from its initial value, as after training
        for param in model.parameters():
            param.add_(torch.randn_like(param) * 0.1)
    return model.eval()


def batch():
    generator = torch.Generator().manual_seed(5)
    input_ids = torch.randint(3, 40, (2, 7), generator=generator)
    mask = torch.ones_like(input_ids)
    mask[1, 5:] = 0
    return input_ids, mask, torch.randint(3, 40, (2, 4), generator=generator)


def test_new_layers_are_spread_between_the_trained_ones():
    assert insertion_plan(4, 6) == [0, 1, -1, 2, 3, -1]
    assert insertion_plan(2, 3) == [0, 1, -1]
    assert insertion_plan(2, 4) == [0, -1, 1, -1]
    assert insertion_plan(3, 3) == [0, 1, 2]
    with pytest.raises(ValueError):
        insertion_plan(3, 2)


def test_the_grown_model_computes_what_the_trained_one_did():
    trained = trained_model()
    grown = grow(trained, ModelConfig(**{**SMALL, "encoder_layers": 3, "decoder_layers": 2})).eval()
    assert len(grown.encoder_layers) == 3 and len(grown.decoder_layers) == 2
    assert grown.num_parameters() > trained.num_parameters()
    with torch.no_grad():
        expected, got = trained(*batch()), grown(*batch())
    assert torch.allclose(expected, got, atol=1e-6), (expected - got).abs().max()
    assert torch.equal(grown.decoder_layers[0].ffn.fc1.weight, trained.decoder_layers[0].ffn.fc1.weight)


def test_a_silent_layer_learns_from_the_first_step():
    grown = grow(trained_model(), ModelConfig(**{**SMALL, "encoder_layers": 3})).train()
    new_layer = grown.encoder_layers[2]
    assert not new_layer.ffn.fc2.weight.any() and not new_layer.self_attn.out_proj.weight.any()
    input_ids, mask, decoder_ids = batch()
    grown(input_ids, mask, decoder_ids).logsumexp(-1).mean().backward()
    assert new_layer.ffn.fc2.weight.grad.abs().sum() > 0
    assert new_layer.self_attn.out_proj.weight.grad.abs().sum() > 0


def test_only_depth_may_change():
    with pytest.raises(ValueError, match="numbers of layers"):
        grow(trained_model(), ModelConfig(**{**SMALL, "ffn_dim": 64}))
