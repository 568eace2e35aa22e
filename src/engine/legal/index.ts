/** Legal tagging: unfair Terms-of-Service sentences and contract clauses, plus contract key facts. */
export { Featurizer, featurizerFromJson, type FeaturizerConfig } from './featurize';
export { parseTaggerConfig, type TaggerConfig, type TaggerInput } from './model-config';
export { SentenceTagger, type SentenceTags, type SessionLike, type TensorFactory } from './tagger';
export { loadSentenceTagger, type TaggerSources } from './load-tagger';
export { TokenizerIds, textIdsFor, type TextIds } from './text-ids';
export { segmentBlocks, segmentClauses, splitSentences, type TextSegment } from './segment';
export { tagDocument, type DocumentTags, type TaggedSpan } from './document-tagger';
export { extractKeyFacts, type Fact, type KeyFacts } from './facts';
export { formatDocumentTags, formatSentenceTags } from './format';
