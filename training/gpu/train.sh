#!/usr/bin/env bash
# Trains one direction from scratch on a CUDA machine for a fixed time and writes what comes back to $OUT.
#
#   OUT=/tmp/out bash training/gpu/train.sh en-es-bt 10
#
# Needs training/pack/<run>/ (lexlet_mt.pack, carried with the working tree) and PyTorch, numpy and sentencepiece
# (nothing is fetched). Writes to $OUT: the weights of the chosen checkpoint in bfloat16 parts of at most 15 MiB
# (lexlet_mt.portable; `join` them into a checkpoint elsewhere, then export and quantize as usual), weights.json,
# train.log and average.json. It then tries the ONNX export and int8 quantization there too, into
# $OUT/lexlet-<run>/onnx/; a failure of that step (another PyTorch's exporter) leaves the weights in place.
set -euo pipefail
config=${1:?usage: train.sh CONFIG [MINUTES]}
minutes=${2:-10}
out=${OUT:?set OUT to the folder that receives the results}
cd "$(dirname "$0")/.."
export PYTHONUNBUFFERED=1
python=${PYTHON:-python3}
run=$($python -c "from lexlet_mt.config import load_config, run_name; print(run_name(load_config('$config')))")
[ -f "pack/$run/corpus.npz" ] || { echo "pack/$run/corpus.npz is missing: run lexlet_mt.pack --config $config" >&2; exit 2; }
mkdir -p "work/$run" "$out"
cp -r "pack/$run/." "work/$run/"
$python -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else '')"
# The learning rate decays to zero over the last fifth of the budget, at the speed measured before it.
cooldown=$($python -c "print(round($minutes * 0.2, 2))")
status=0
$python -m lexlet_mt.train --config "$config" --device auto --threads 8 --max-minutes "$minutes" \
  --cooldown-minutes "$cooldown" || status=$?
cp "runs/$run/train.log" "$out/train.log"
[ "$status" -eq 0 ] || exit "$status"
$python -m lexlet_mt.average --config "$config" --device auto --threads 8
cp "runs/$run/average.json" "$out/average.json"
chosen="runs/$run/best.pt"
[ -f "runs/$run/averaged.pt" ] && chosen="runs/$run/averaged.pt"
$python -m lexlet_mt.portable split "$chosen" --out "$out"
if $python -m lexlet_mt.export --checkpoint "$chosen" --tokenizer-dir "work/$run/tokenizer" --out "/tmp/lexlet-export/$run" \
  && $python -m lexlet_mt.quantize "/tmp/lexlet-export/$run" --out "/tmp/lexlet-quantized/$run"; then
  mkdir -p "$out/onnx"
  cp /tmp/lexlet-quantized/"$run"/onnx/*_quantized.onnx "$out/onnx/"
else
  echo "export or quantization failed here; the weights in $out are complete: join and export them elsewhere" >&2
fi
ls -la "$out"
