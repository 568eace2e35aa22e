"""Transformer encoder-decoder shaped like a Marian model so it exports to the Transformers.js layout.

Architecture (state of the weights the export reads):
  * pre-norm layers (LayerNorm before each sub-layer, residual after) with a final LayerNorm at the end
    of the encoder and of the decoder. Pre-norm trains stably at a high learning rate in a short budget;
    the ONNX graphs do not care which variant it is.
  * sinusoidal positions computed exactly like ``MarianSinusoidalPositionalEmbedding`` (sines in the
    first half of the vector, cosines in the second half, positions start at 0; decoder positions are
    offset by the past length).
  * token embeddings scaled by sqrt(d_model); ONE embedding matrix ``shared.weight`` [vocab, d_model]
    used by encoder, decoder and (transposed) by the output projection, plus a ``final_logits_bias``
    buffer [1, vocab] added to the logits.

Forward signatures (all tensors int64 ids / float32 activations):

  ``model.encode(input_ids, attention_mask) -> last_hidden_state``
      input_ids [batch, src_len], attention_mask [batch, src_len] (1 = token, 0 = pad)
      last_hidden_state [batch, src_len, d_model]

  ``model.decode(input_ids, encoder_hidden_states, encoder_attention_mask, past_key_values=None)
      -> (logits, present_key_values)``
      input_ids [batch, tgt_len] (the new decoder tokens only when a cache is given)
      encoder_hidden_states [batch, src_len, d_model], encoder_attention_mask [batch, src_len]
      past_key_values: None on the first step, else a tuple with one entry per decoder layer
          (self_key, self_value, cross_key, cross_value), each [batch, heads, len, head_dim];
          self_* have len = past target length, cross_* have len = src_len.
          With past_key_values=None the cross-attention keys/values are computed from
          encoder_hidden_states; when given they are reused as is (encoder_hidden_states is then
          only needed for its shape and may be ignored by the graph).
      logits [batch, tgt_len, vocab]
      present_key_values: same tuple layout, self_* extended by tgt_len, cross_* unchanged.

  Mapping to the merged-decoder ONNX names: layer i's (self_key, self_value, cross_key, cross_value)
  are ``past_key_values.{i}.decoder.key``, ``.decoder.value``, ``.encoder.key``, ``.encoder.value``
  on input and ``present.{i}.*`` on output.  ``use_cache_branch=false`` ⇔ past_key_values=None.

  ``model(input_ids, attention_mask, decoder_input_ids) -> logits`` is the teacher-forced training pass.

Token conventions (Marian): ``pad`` is also the decoder start token, ``</s>`` ends every source and
target sequence.  ``ModelConfig`` holds the sizes; ``config_to_hf`` writes config.json and
generation_config.json for Transformers.js.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import List, Optional, Tuple

import torch
from torch import Tensor, nn
from torch.nn import functional as F

LayerCache = Tuple[Tensor, Tensor, Tensor, Tensor]


@dataclass
class ModelConfig:
    vocab_size: int = 8000
    d_model: int = 256
    encoder_layers: int = 6
    decoder_layers: int = 2
    heads: int = 4
    ffn_dim: int = 1024
    dropout: float = 0.1
    max_position_embeddings: int = 512
    pad_token_id: int = 0
    eos_token_id: int = 1
    unk_token_id: int = 2

    @property
    def decoder_start_token_id(self) -> int:
        return self.pad_token_id

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "ModelConfig":
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def sinusoidal_table(num_positions: int, dim: int) -> Tensor:
    """Marian's table: out[:, :dim/2] = sin, out[:, dim/2:] = cos."""
    position_enc = torch.tensor(
        [[pos / math.pow(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(num_positions)],
        dtype=torch.float64,
    )
    out = torch.zeros(num_positions, dim, dtype=torch.float64)
    sentinel = dim // 2 if dim % 2 == 0 else (dim // 2) + 1
    out[:, 0:sentinel] = torch.sin(position_enc[:, 0::2])
    out[:, sentinel:] = torch.cos(position_enc[:, 1::2])
    return out.float()


class Attention(nn.Module):
    def __init__(self, d_model: int, heads: int, dropout: float):
        super().__init__()
        self.heads = heads
        self.head_dim = d_model // heads
        self.scaling = self.head_dim**-0.5
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        self.dropout = dropout

    def split_heads(self, x: Tensor) -> Tensor:
        batch, length, _ = x.shape
        return x.view(batch, length, self.heads, self.head_dim).transpose(1, 2)

    def project_kv(self, source: Tensor) -> Tuple[Tensor, Tensor]:
        return self.split_heads(self.k_proj(source)), self.split_heads(self.v_proj(source))

    def attend(self, query: Tensor, key: Tensor, value: Tensor, blocked: Optional[Tensor]) -> Tensor:
        """blocked: bool, broadcastable to [batch, heads, q_len, k_len]; True = may not attend."""
        q = self.split_heads(self.q_proj(query) * self.scaling)
        scores = torch.matmul(q, key.transpose(-1, -2))
        if blocked is not None:
            scores = scores.masked_fill(blocked, torch.finfo(scores.dtype).min)
        weights = F.softmax(scores, dim=-1)
        weights = F.dropout(weights, p=self.dropout, training=self.training)
        context = torch.matmul(weights, value)
        batch, _, length, _ = context.shape
        context = context.transpose(1, 2).reshape(batch, length, self.heads * self.head_dim)
        return self.out_proj(context)


class FeedForward(nn.Module):
    def __init__(self, d_model: int, ffn_dim: int, dropout: float):
        super().__init__()
        self.fc1 = nn.Linear(d_model, ffn_dim)
        self.fc2 = nn.Linear(ffn_dim, d_model)
        self.dropout = dropout

    def forward(self, x: Tensor) -> Tensor:
        hidden = F.dropout(F.relu(self.fc1(x)), p=self.dropout, training=self.training)
        return self.fc2(hidden)


class EncoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model)
        self.self_attn = Attention(cfg.d_model, cfg.heads, cfg.dropout)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model)
        self.ffn = FeedForward(cfg.d_model, cfg.ffn_dim, cfg.dropout)
        self.dropout = cfg.dropout

    def forward(self, x: Tensor, blocked: Tensor) -> Tensor:
        h = self.self_attn_layer_norm(x)
        k, v = self.self_attn.project_kv(h)
        x = x + F.dropout(self.self_attn.attend(h, k, v, blocked), p=self.dropout, training=self.training)
        h = self.final_layer_norm(x)
        return x + F.dropout(self.ffn(h), p=self.dropout, training=self.training)


class DecoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model)
        self.self_attn = Attention(cfg.d_model, cfg.heads, cfg.dropout)
        self.encoder_attn_layer_norm = nn.LayerNorm(cfg.d_model)
        self.encoder_attn = Attention(cfg.d_model, cfg.heads, cfg.dropout)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model)
        self.ffn = FeedForward(cfg.d_model, cfg.ffn_dim, cfg.dropout)
        self.dropout = cfg.dropout

    def forward(
        self,
        x: Tensor,
        encoder_hidden_states: Tensor,
        self_blocked: Optional[Tensor],
        cross_blocked: Tensor,
        past: Optional[LayerCache],
    ) -> Tuple[Tensor, LayerCache]:
        h = self.self_attn_layer_norm(x)
        k, v = self.self_attn.project_kv(h)
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
            cross_k, cross_v = past[2], past[3]
        else:
            cross_k, cross_v = self.encoder_attn.project_kv(encoder_hidden_states)
        x = x + F.dropout(self.self_attn.attend(h, k, v, self_blocked), p=self.dropout, training=self.training)
        h = self.encoder_attn_layer_norm(x)
        x = x + F.dropout(
            self.encoder_attn.attend(h, cross_k, cross_v, cross_blocked), p=self.dropout, training=self.training
        )
        h = self.final_layer_norm(x)
        x = x + F.dropout(self.ffn(h), p=self.dropout, training=self.training)
        return x, (k, v, cross_k, cross_v)


class Seq2SeqTransformer(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.shared = nn.Embedding(cfg.vocab_size, cfg.d_model, padding_idx=cfg.pad_token_id)
        self.embed_scale = math.sqrt(cfg.d_model)
        self.register_buffer(
            "embed_positions", sinusoidal_table(cfg.max_position_embeddings, cfg.d_model), persistent=False
        )
        self.register_buffer("final_logits_bias", torch.zeros(1, cfg.vocab_size))
        self.encoder_layers = nn.ModuleList([EncoderLayer(cfg) for _ in range(cfg.encoder_layers)])
        self.encoder_layer_norm = nn.LayerNorm(cfg.d_model)
        self.decoder_layers = nn.ModuleList([DecoderLayer(cfg) for _ in range(cfg.decoder_layers)])
        self.decoder_layer_norm = nn.LayerNorm(cfg.d_model)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        for module in self.modules():
            if isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)
        nn.init.normal_(self.shared.weight, mean=0.0, std=self.cfg.d_model**-0.5)
        with torch.no_grad():
            self.shared.weight[self.cfg.pad_token_id].zero_()

    def embed(self, input_ids: Tensor, start: Tensor | int = 0) -> Tensor:
        # arange (not slicing) so an ONNX trace keeps the past-length offset dynamic
        offsets = torch.arange(input_ids.shape[1], device=input_ids.device) + start
        positions = self.embed_positions.index_select(0, offsets)
        x = self.shared(input_ids) * self.embed_scale + positions.unsqueeze(0)
        return F.dropout(x, p=self.cfg.dropout, training=self.training)

    def encode(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        blocked = (attention_mask == 0)[:, None, None, :]
        x = self.embed(input_ids)
        for layer in self.encoder_layers:
            x = layer(x, blocked)
        return self.encoder_layer_norm(x)

    def decode(
        self,
        input_ids: Tensor,
        encoder_hidden_states: Tensor,
        encoder_attention_mask: Tensor,
        past_key_values: Optional[Tuple[LayerCache, ...]] = None,
    ) -> Tuple[Tensor, Tuple[LayerCache, ...]]:
        tgt_len = input_ids.shape[1]
        if past_key_values is None:
            past_len: Tensor | int = 0
        else:
            past_len = past_key_values[0][0].shape[2]
        query_pos = torch.arange(tgt_len, device=input_ids.device) + past_len
        key_pos = torch.arange(tgt_len + past_len, device=input_ids.device)
        self_blocked = (key_pos[None, :] > query_pos[:, None])[None, None, :, :]
        cross_blocked = (encoder_attention_mask == 0)[:, None, None, :]
        x = self.embed(input_ids, past_len)
        presents: List[LayerCache] = []
        for i, layer in enumerate(self.decoder_layers):
            past = None if past_key_values is None else past_key_values[i]
            x, present = layer(x, encoder_hidden_states, self_blocked, cross_blocked, past)
            presents.append(present)
        x = self.decoder_layer_norm(x)
        logits = F.linear(x, self.shared.weight) + self.final_logits_bias
        return logits, tuple(presents)

    def forward(self, input_ids: Tensor, attention_mask: Tensor, decoder_input_ids: Tensor) -> Tensor:
        memory = self.encode(input_ids, attention_mask)
        logits, _ = self.decode(decoder_input_ids, memory, attention_mask)
        return logits

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())


def save_model(model: Seq2SeqTransformer, path: Path) -> None:
    torch.save({"config": model.cfg.to_dict(), "model": model.state_dict()}, path)


def load_model(path: Path) -> Seq2SeqTransformer:
    """Loads either a bare model file or a training checkpoint (both hold 'config' and 'model')."""
    state = torch.load(path, map_location="cpu")
    model = Seq2SeqTransformer(ModelConfig.from_dict(state["config"]))
    model.load_state_dict(state["model"])
    model.eval()
    return model


def config_to_hf(cfg: ModelConfig, out_dir: Path, max_length: int = 256, num_beams: int = 4) -> None:
    """Writes config.json and generation_config.json as Transformers.js expects them for model_type marian."""
    out_dir.mkdir(parents=True, exist_ok=True)
    hf_config = {
        "model_type": "marian",
        "architectures": ["MarianMTModel"],
        "is_encoder_decoder": True,
        "vocab_size": cfg.vocab_size,
        "decoder_vocab_size": cfg.vocab_size,
        "d_model": cfg.d_model,
        "encoder_layers": cfg.encoder_layers,
        "decoder_layers": cfg.decoder_layers,
        "encoder_attention_heads": cfg.heads,
        "decoder_attention_heads": cfg.heads,
        "encoder_ffn_dim": cfg.ffn_dim,
        "decoder_ffn_dim": cfg.ffn_dim,
        "num_hidden_layers": cfg.encoder_layers,
        "activation_function": "relu",
        "max_position_embeddings": cfg.max_position_embeddings,
        "scale_embedding": True,
        "normalize_before": True,
        "static_position_embeddings": True,
        "share_encoder_decoder_embeddings": True,
        "tie_word_embeddings": True,
        "pad_token_id": cfg.pad_token_id,
        "eos_token_id": cfg.eos_token_id,
        "bos_token_id": cfg.pad_token_id,
        "decoder_start_token_id": cfg.decoder_start_token_id,
        "forced_eos_token_id": cfg.eos_token_id,
        "max_length": max_length,
        "num_beams": num_beams,
        "bad_words_ids": [[cfg.pad_token_id], [cfg.unk_token_id]],
        "use_cache": True,
        "dropout": 0.0,
        "attention_dropout": 0.0,
        "activation_dropout": 0.0,
    }
    generation = {
        "bad_words_ids": [[cfg.pad_token_id], [cfg.unk_token_id]],
        "bos_token_id": cfg.pad_token_id,
        "decoder_start_token_id": cfg.decoder_start_token_id,
        "eos_token_id": cfg.eos_token_id,
        "forced_eos_token_id": cfg.eos_token_id,
        "max_length": max_length,
        "num_beams": num_beams,
        "pad_token_id": cfg.pad_token_id,
    }
    (out_dir / "config.json").write_text(json.dumps(hf_config, indent=2) + "\n")
    (out_dir / "generation_config.json").write_text(json.dumps(generation, indent=2) + "\n")
