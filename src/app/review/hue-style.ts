import type { CSSProperties } from 'react';

/** The stylesheet paints highlights and swatches from these hues (tinted for light or dark schemes). */
export function hueStyle(hue: number, secondHue?: number): CSSProperties {
  const style: Record<string, number> = { '--hue': hue };
  if (secondHue !== undefined) style['--hue2'] = secondHue;
  return style as CSSProperties;
}
