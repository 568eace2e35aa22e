"""Language identification for Lexlet: a hashed character n-gram naive Bayes model (en, es, de, fr, zh)."""
