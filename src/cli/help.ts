export const USAGE = `lexlet — private, offline translation on this machine

Usage:
  lexlet translate --from LANG --to LANG [options] < input.txt > output.txt
  lexlet models [--catalog PATH|URL]
  lexlet tag --task unfair-tos [--model ID] < sentences.txt
  lexlet tag --task contract [--model ID] [FILE]
  lexlet --help

translate
  Reads UTF-8 text on stdin and writes exactly one translated line per input line to stdout,
  in order; empty lines stay empty. Progress goes to stderr.
  --from LANG          source language, e.g. en; auto: detected from the whole input (en, es,
                       de, fr, zh; input too short to tell, or mixing languages, fails with a
                       message)
  --to LANG            target language, e.g. es (a pair no model covers goes through English,
                       es→de as es→en then en→de, when both models exist); zh-TW, zh-HK and
                       zh-Hant write Chinese in Traditional characters (Taiwan's, Hong Kong's)
  --model ID|URL       a catalog model id, or the URL of a catalog model's files (--from/--to optional)
  --glossary FILE      CSV of terms always translated as given: source term, target term per
                       line (optional header row; quote cells that hold commas), e.g.
                       Licensee,Licenciatario
  --beam N             beam width (default: the model's generation_config.json; 1 = greedy)
  --backend cpu|wasm   onnxruntime-node (default) or onnxruntime-web's WebAssembly build
  --catalog PATH|URL   model catalog, for every command (default: public/models/catalog.json)
  -q, --quiet          no progress on stderr

tag
  --task unfair-tos    one JSON line of labels and scores per input line (potentially unfair
                       Terms-of-Service sentences); without --model, a line in German, Italian or
                       Polish (told from its common words, else from the lines around it) is
                       tagged by the multilingual model with that language's thresholds
  --task contract      one JSON object for the whole document: tagged clause spans and key facts
  --model ID           a catalog model of that task (default: the first bundled one)
  Says "not available yet" (exit status 2) when the catalog has no model for the task.

models
  Lists the catalog: id, task, languages, size and whether the files are available offline.

Exit status: 0 on success, 1 on an error (unknown pair, unreadable model, invalid UTF-8), 2 on a usage error.`;
