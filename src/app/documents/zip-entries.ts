/** One file inside a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated; .docx files use only these. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive declares, which a crafted file may understate. */
  declaredSize: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX_32 = 0xffffffff;

class ZipFormatError extends Error {}

/** Little-endian reads that fail, rather than read garbage, past the end of the file. */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (offset: number, length: number) => {
    if (offset < 0 || offset + length > bytes.byteLength) throw new ZipFormatError('truncated');
  };
  return {
    u16: (offset: number) => (check(offset, 2), view.getUint16(offset, true)),
    u32: (offset: number) => (check(offset, 4), view.getUint32(offset, true)),
    u64: (offset: number) => (check(offset, 8), Number(view.getBigUint64(offset, true))),
    text: (offset: number, length: number) => (
      check(offset, length),
      new TextDecoder().decode(bytes.subarray(offset, offset + length))
    ),
  };
}

type Reader = ReturnType<typeof reader>;

/** The end-of-directory record sits in the last 64 KiB (its comment is at most 65,535 bytes). */
function findEndOfDirectory(bytes: Uint8Array, read: Reader): number {
  const earliest = Math.max(0, bytes.byteLength - 22 - 0xffff);
  for (let offset = bytes.byteLength - 22; offset >= earliest; offset -= 1) {
    if (read.u32(offset) === END_OF_DIRECTORY) return offset;
  }
  throw new ZipFormatError('no end of central directory');
}

/** Where the central directory starts and how many entries it has, following ZIP64 records when present. */
function directoryExtent(bytes: Uint8Array, read: Reader): { offset: number; count: number } {
  const end = findEndOfDirectory(bytes, read);
  let count = read.u16(end + 10);
  let offset = read.u32(end + 16);
  if ((count === 0xffff || offset === MAX_32) && end >= 20 && read.u32(end - 20) === ZIP64_LOCATOR) {
    const zip64End = read.u64(end - 20 + 8);
    if (read.u32(zip64End) !== ZIP64_END_OF_DIRECTORY) throw new ZipFormatError('bad ZIP64 record');
    count = read.u64(zip64End + 32);
    offset = read.u64(zip64End + 48);
  }
  return { offset, count };
}

/** Sizes and offset from the ZIP64 extra field, for the fields the directory entry left at 0xFFFFFFFF. */
function zip64Values(read: Reader, start: number, length: number, wanted: boolean[]): number[] {
  for (let offset = start; offset + 4 <= start + length;) {
    const id = read.u16(offset);
    const size = read.u16(offset + 2);
    if (id === ZIP64_EXTRA) {
      const values: number[] = [];
      let at = offset + 4;
      for (const want of wanted) {
        if (!want) continue;
        values.push(read.u64(at));
        at += 8;
      }
      return values;
    }
    offset += 4 + size;
  }
  throw new ZipFormatError('ZIP64 sizes missing');
}

/**
 * The entries of a zip archive from its central directory, without inflating anything. Throws when the archive's
 * structure is broken; the caller words the message.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const read = reader(bytes);
  const { offset: directory, count } = directoryExtent(bytes, read);
  const entries: ZipEntry[] = [];
  let at = directory;
  for (let index = 0; index < count; index += 1) {
    if (read.u32(at) !== DIRECTORY_ENTRY) throw new ZipFormatError('bad central directory');
    const nameLength = read.u16(at + 28);
    const extraLength = read.u16(at + 30);
    const commentLength = read.u16(at + 32);
    let compressedSize = read.u32(at + 20);
    let declaredSize = read.u32(at + 24);
    let localOffset = read.u32(at + 42);
    const wide = [declaredSize === MAX_32, compressedSize === MAX_32, localOffset === MAX_32];
    if (wide.some(Boolean)) {
      const values = zip64Values(read, at + 46 + nameLength, extraLength, wide);
      if (wide[0]) declaredSize = values.shift() ?? declaredSize;
      if (wide[1]) compressedSize = values.shift() ?? compressedSize;
      if (wide[2]) localOffset = values.shift() ?? localOffset;
    }
    if (read.u32(localOffset) !== LOCAL_HEADER) throw new ZipFormatError('bad local header');
    const dataOffset = localOffset + 30 + read.u16(localOffset + 26) + read.u16(localOffset + 28);
    if (dataOffset + compressedSize > bytes.byteLength) throw new ZipFormatError('entry past the end');
    entries.push({
      name: read.text(at + 46, nameLength),
      method: read.u16(at + 10),
      compressedSize,
      declaredSize,
      dataOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
