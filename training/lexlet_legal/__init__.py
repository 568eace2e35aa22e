"""Legal tagging models: unfair Terms-of-Service sentences (UNFAIR-ToS) and contract clauses (CUAD)."""
