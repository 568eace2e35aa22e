/** A list of model ids kept in storage (a JSON array); anything damaged or foreign reads as no ids. */
export function parseStoredIds(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
