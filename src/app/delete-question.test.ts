import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../engine/types';
import { deleteQuestion } from './delete-question';

const model = { id: 'lexlet-en-es', name: 'English → Spanish', remote: false } as CatalogModel;

describe('deleteQuestion', () => {
  it('names the model and its size, and what getting it back takes', () => {
    expect(deleteQuestion(model, '76.5 MB')).toBe(
      'Delete English → Spanish (76.5 MB) from this device? To use it again you will need to download it again.',
    );
    expect(deleteQuestion({ ...model, remote: true }, '48.2 MB')).toMatch(
      /download it again, from the internet\.$/u,
    );
  });
});
