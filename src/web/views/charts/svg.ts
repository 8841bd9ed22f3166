import { escapeHtml } from '../html';

/**
 * Accessible server-rendered SVG charts (no script, no library): each chart is `role="img"` with a title and a
 * description, the page puts its data table right next to it, and every series differs by pattern and lightness,
 * not by colour alone, so the chart reads in grey scale too (README, "Wykresy").
 */
export interface Series {
  key: string;
  label: string;
  pattern: PatternName;
}

export type PatternName = 'solid-dark' | 'stripes' | 'dots' | 'solid-mid';

/** The fill of each pattern: light, mid and dark greys apart, stripes and dots on top of the lighter ones. */
export function patternDefs(prefix: string): string {
  return `<defs>
<pattern id="${prefix}-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="8" height="8" fill="#b9d3ee"></rect><line x1="0" y1="0" x2="0" y2="8" stroke="#1b2a4a" stroke-width="3"></line></pattern>
<pattern id="${prefix}-dots" width="8" height="8" patternUnits="userSpaceOnUse">
<rect width="8" height="8" fill="#ffffff"></rect><circle cx="4" cy="4" r="1.6" fill="#333333"></circle></pattern>
</defs>`;
}

export function fillOf(prefix: string, pattern: PatternName): string {
  switch (pattern) {
    case 'solid-dark':
      return '#1b2a4a';
    case 'solid-mid':
      return '#6b7f99';
    case 'stripes':
      return `url(#${prefix}-stripes)`;
    case 'dots':
      return `url(#${prefix}-dots)`;
  }
}

/** The opening of a chart's SVG with its accessible name (title) and description. */
export function svgOpen(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc" class="chart-svg">
<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`;
}

/** A label on a white plate, readable on any fill. */
export function plateLabel(x: number, y: number, text: string): string {
  const width = Math.max(24, text.length * 7 + 8);
  return `<rect x="${x - width / 2}" y="${y - 9}" width="${width}" height="16" rx="3" fill="#ffffff" stroke="#1b2a4a" stroke-width="0.5"></rect><text x="${x}" y="${y + 3}" text-anchor="middle" font-size="11" fill="#111111">${escapeHtml(text)}</text>`;
}

export function legend(prefix: string, series: readonly Series[], x: number, y: number): string {
  let offset = x;
  return series
    .map((s) => {
      const item = `<rect x="${offset}" y="${y}" width="14" height="14" fill="${fillOf(prefix, s.pattern)}" stroke="#111111" stroke-width="1"></rect><text x="${offset + 20}" y="${y + 11}" font-size="12" fill="#111111">${escapeHtml(s.label)}</text>`;
      offset += 40 + s.label.length * 7;
      return item;
    })
    .join('');
}

/** A label cut to fit a column of the chart (the table next to it has it whole). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
