/**
 * One hue per category, spread by the golden angle so neighbouring labels of a model never look alike; the
 * stylesheet turns the hue into a light or dark tint for the colour scheme.
 */
const GOLDEN_ANGLE = 137.508;

export function categoryHue(labels: readonly string[], label: string): number {
  const index = labels.indexOf(label);
  return Math.round(((index < 0 ? labels.length : index) * GOLDEN_ANGLE + 200) % 360);
}
