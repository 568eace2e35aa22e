import type { CatalogModel, DocumentTags } from '../../engine/types';
import { STORAGE_KEYS } from '../preferences';
import type { ReviewKind } from './review-kind';
import type { ReviewResult } from './use-review-run';

/**
 * The last review, kept in localStorage like the text it reviewed, so a reload, a crash of the tab or a visit
 * to another page does not lose it. Whatever cannot be read back whole (damaged, from another version, offsets
 * outside its text) is no review rather than an error: the page then opens as before any review.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A stretch of `text`: whole-number offsets in order and inside it. */
function inText(value: Json, text: string): boolean {
  const { start, end } = value;
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (start as number) <= (end as number) &&
    (end as number) <= text.length
  );
}

const isSpan = (value: unknown, text: string) =>
  isObject(value) && isString(value.label) && isNumber(value.score) && inText(value, text);

const isFact = (value: unknown, text: string) =>
  isObject(value) &&
  isString(value.text) &&
  (value.value === undefined || isString(value.value)) &&
  inText(value, text);

const FACT_FIELDS = ['title', 'agreementDate', 'effectiveDate', 'expirationDate', 'term'] as const;

function isTags(value: unknown, text: string): value is DocumentTags {
  if (!isObject(value) || !Array.isArray(value.spans) || !isObject(value.facts)) return false;
  const { spans, candidates, thresholds, facts } = value;
  return (
    spans.every((span) => isSpan(span, text) && isString((span as Json).text)) &&
    (candidates === undefined ||
      (Array.isArray(candidates) && candidates.every((span) => isSpan(span, text)))) &&
    (thresholds === undefined || (isObject(thresholds) && Object.values(thresholds).every(isNumber))) &&
    Array.isArray(facts.parties) &&
    facts.parties.every((fact) => isFact(fact, text)) &&
    FACT_FIELDS.every((field) => facts[field] === undefined || isFact(facts[field], text))
  );
}

function isModel(value: unknown): value is CatalogModel {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.task) &&
    (value.labels === undefined || (Array.isArray(value.labels) && value.labels.every(isString)))
  );
}

const isKind = (value: unknown): value is ReviewKind => value === 'contract' || value === 'tos';

/** The review as stored (JSON), or null when the value is missing or cannot be read back whole. */
export function parseStoredReview(stored: string | null): ReviewResult | null {
  if (!stored) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const { id, text, name, kind, model, tags, seconds } = value;
  if (!Number.isInteger(id) || !isString(text) || !isString(name) || !isKind(kind) || !isNumber(seconds))
    return null;
  if (!isModel(model) || !isTags(tags, text)) return null;
  return { id: id as number, text, name, kind, model, tags, seconds };
}

export function storedReview(result: ReviewResult): string {
  const { id, text, name, kind, model, tags, seconds } = result;
  return JSON.stringify({ id, text, name, kind, model, tags, seconds });
}

export function readStoredReview(): ReviewResult | null {
  try {
    return parseStoredReview(localStorage.getItem(STORAGE_KEYS.reviewResult));
  } catch {
    return null;
  }
}

/** Keeps `result`; when it cannot be kept (storage full or off), no older review is left to stand in for it. */
export function writeStoredReview(result: ReviewResult): void {
  try {
    localStorage.setItem(STORAGE_KEYS.reviewResult, storedReview(result));
  } catch {
    try {
      localStorage.removeItem(STORAGE_KEYS.reviewResult);
    } catch {
      // Storage is off: the review lives as long as the page.
    }
  }
}
