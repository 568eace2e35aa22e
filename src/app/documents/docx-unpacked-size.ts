import { formatBytes } from '../format';
import { DocumentError } from './document-error';
import { zipEntries, type ZipEntry } from './zip-entries';

/**
 * Most a .docx may unpack to. A Word document of the 20 MB the app opens unpacks to a few times that; a zip bomb,
 * a few kilobytes that inflate to gigabytes, would exhaust the tab's memory.
 */
export const MAX_DOCX_UNPACKED_BYTES = 200_000_000;

/** The parts a Word reader inflates: XML and relationship files (images and other media stay packed). */
const READ_PART = /\.(?:xml|rels)$/iu;

function declaresTooMuch(name: string, declared: number): DocumentError {
  return new DocumentError(
    'too-large',
    `“${name}” would unpack to ${formatBytes(declared)}, more than the ${formatBytes(MAX_DOCX_UNPACKED_BYTES)} ` +
      'a Word document may take (it looks like a zip bomb), so it was not opened.',
  );
}

function unpacksToMore(name: string): DocumentError {
  return new DocumentError(
    'corrupt',
    `“${name}” unpacks to more than it declares: the file is damaged or made to exhaust memory (a zip bomb), ` +
      'so it was not opened.',
  );
}

/** Inflates one entry, counting bytes and throwing away the output; stops as soon as `limit` is passed. */
async function inflatedSize(bytes: Uint8Array<ArrayBuffer>, entry: ZipEntry, limit: number): Promise<number> {
  const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return packed.byteLength;
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return size;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return size;
    }
  }
}

/**
 * Refuses a .docx whose contents unpack to more than MAX_DOCX_UNPACKED_BYTES, before a Word reader inflates
 * them: first by the sizes its directory declares, then by inflating the parts a reader reads (discarding the
 * output), since a crafted archive can declare small sizes and still inflate without end. `corrupt` is thrown
 * for a broken archive.
 */
export async function checkDocxUnpackedSize(data: ArrayBuffer, name: string, corrupt: DocumentError) {
  const bytes = new Uint8Array(data);
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes);
  } catch {
    throw corrupt;
  }
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > MAX_DOCX_UNPACKED_BYTES) throw declaresTooMuch(name, declared);
  // With the declared total under the cap, holding each part to its declared size caps the real total too.
  for (const entry of entries.filter((part) => READ_PART.test(part.name))) {
    if (entry.method !== 0 && entry.method !== 8) throw corrupt;
    let size: number;
    try {
      size = await inflatedSize(bytes, entry, entry.declaredSize);
    } catch {
      throw corrupt;
    }
    if (size > entry.declaredSize) throw unpacksToMore(name);
  }
}
