/** Why a document could not be opened; the UI shows `message` as is. */
export type DocumentErrorCode =
  | 'unsupported'
  | 'empty'
  | 'too-large'
  | 'encoding'
  | 'binary'
  | 'corrupt'
  | 'password'
  | 'no-text'
  | 'unreadable';

/** A document that cannot be opened, with a message written for the person who chose the file. */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';

  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
