"""Legal tagging models: unfair Terms-of-Service sentences (UNFAIR-ToS) and contract clauses (CUAD)."""

import os

# OpenBLAS (Debian's torch) starts one spinning thread per core whatever torch.set_num_threads says; beside another
# busy process those threads fight for the cores and small batched matmuls (attention) run ~20x slower (measured).
# Trainers choose their threads with --threads; BLAS itself stays single-threaded. Set before torch is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
