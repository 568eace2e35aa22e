/**
 * A cheap look at bytes before onnxruntime gets them: an ONNX file is a protobuf ModelProto, whose top level is a
 * short run of well-formed fields ending exactly at the last byte, with an IR version (field 1) and a graph
 * (field 7). An HTML error page, a JSON file or random bytes fail this at once, so the user hears that the file is
 * not a model instead of onnxruntime's protobuf message. Only the top level is read: the graph stays unparsed.
 */

const IR_VERSION_FIELD = 1;
const GRAPH_FIELD = 7;

/** Reads a base-128 varint at `offset`; null when it runs past the end or past 64 bits. */
function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let index = offset; index < bytes.length && index < offset + 10; index++) {
    const byte = bytes[index] as number;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return { value, next: index + 1 };
  }
  return null;
}

/** What the bytes start with, quoted, when that is readable text (the usual sign of a web page or JSON). */
function textStart(bytes: Uint8Array): string | null {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 48));
  const printable = head.replace(/[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]/gu, '');
  if (head.length === 0 || printable.length < head.length * 0.9) return null;
  const line = head.split(/\r?\n/u)[0]?.trim() ?? '';
  return line.length > 0
    ? `“${line}${line.length < head.trim().length || bytes.length > 48 ? '…' : ''}”`
    : null;
}

/** Why `bytes` cannot be an ONNX model, or null when their top level reads as one. */
export function onnxProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  const problem = structureProblem(bytes);
  if (problem === null) return null;
  const text = textStart(bytes);
  return text === null ? problem : `it is text, beginning ${text}`;
}

function structureProblem(bytes: Uint8Array): string | null {
  const seen = new Set<number>();
  let offset = 0;
  while (offset < bytes.length) {
    const tag = readVarint(bytes, offset);
    const field = tag ? Math.floor(tag.value / 8) : 0;
    const wireType = tag ? tag.value % 8 : -1;
    if (!tag || field === 0) return 'its bytes are not an ONNX (protobuf) model';
    let next: number;
    if (wireType === 0) {
      const varint = readVarint(bytes, tag.next);
      if (!varint) return 'its bytes are not an ONNX (protobuf) model';
      next = varint.next;
    } else if (wireType === 1) next = tag.next + 8;
    else if (wireType === 5) next = tag.next + 4;
    else if (wireType === 2) {
      const length = readVarint(bytes, tag.next);
      if (!length) return 'its bytes are not an ONNX (protobuf) model';
      next = length.next + length.value;
    } else return 'its bytes are not an ONNX (protobuf) model';
    if (next > bytes.length) return 'it ends in the middle of a field (truncated or not a model)';
    if ((field === IR_VERSION_FIELD && wireType !== 0) || (field === GRAPH_FIELD && wireType !== 2))
      return 'its bytes are not an ONNX (protobuf) model';
    seen.add(field);
    offset = next;
  }
  if (!seen.has(GRAPH_FIELD)) return 'it has no graph';
  if (!seen.has(IR_VERSION_FIELD)) return 'it has no IR version';
  return null;
}
