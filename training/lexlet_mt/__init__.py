"""Lexlet translation model training pipeline (data → tokenizer → model → train → evaluate)."""
