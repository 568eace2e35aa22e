// Encodes every line of a text file with the exported tokenizer.json (the same library the app uses)
// and compares the ids with the JSON-lines file written by Python SentencePiece.
// Usage: node tokenizer_parity.mjs TOKENIZER_DIR SENTENCES.txt EXPECTED_IDS.jsonl
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";

const [tokenizerDir, sentencesPath, expectedPath] = process.argv.slice(2);
const tokenizer = new Tokenizer(
  JSON.parse(readFileSync(join(tokenizerDir, "tokenizer.json"), "utf8")),
  JSON.parse(readFileSync(join(tokenizerDir, "tokenizer_config.json"), "utf8")),
);
const sentences = readFileSync(sentencesPath, "utf8").split("\n").slice(0, -1);
const expected = readFileSync(expectedPath, "utf8").split("\n").slice(0, -1).map((line) => JSON.parse(line));
if (sentences.length !== expected.length) throw new Error("sentence and id counts differ");

const mismatches = [];
sentences.forEach((sentence, i) => {
  const ids = tokenizer.encode(sentence).ids;
  if (ids.length !== expected[i].length || ids.some((id, j) => id !== expected[i][j])) {
    mismatches.push({ line: i, sentence, js: ids, python: expected[i] });
  }
});
console.log(JSON.stringify({ total: sentences.length, mismatches: mismatches.length, examples: mismatches.slice(0, 5) }));
