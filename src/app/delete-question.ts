import type { CatalogModel } from '../engine/types';

/** Asked before deleting: a model can be large and slow to get back, and some need the internet to get back. */
export function deleteQuestion(model: CatalogModel, sizeText: string): string {
  const back = model.remote ? 'download it again, from the internet' : 'download it again';
  return `Delete ${model.name} (${sizeText}) from this device? To use it again you will need to ${back}.`;
}
