import { escapeHtml } from '../html';
import { clip, fillOf, legend, patternDefs, plateLabel, svgOpen, type Series } from './svg';

export interface ShareRow {
  label: string;
  /** Shares 0..1 by series key (they add up to 1, or all 0 for an empty row). */
  shares: Record<string, number>;
}

/**
 * Horizontal 100 % stacked bars: one bar per row (a month, a person, a team), a segment per series with its
 * pattern, the percentage on a white plate inside segments wide enough to hold it.
 */
export function stackedShareBars(options: {
  id: string;
  title: string;
  description: string;
  series: readonly Series[];
  rows: readonly ShareRow[];
  percent: (share: number) => string;
}): string {
  const { id, series, rows } = options;
  const labelWidth = 190;
  const barWidth = 440;
  const rowHeight = 30;
  const top = 34;
  const width = labelWidth + barWidth + 20;
  const height = top + rows.length * rowHeight + 10;
  const bars = rows
    .map((row, index) => {
      const y = top + index * rowHeight;
      let x = labelWidth;
      const segments = series
        .map((s) => {
          const share = row.shares[s.key] ?? 0;
          const w = share * barWidth;
          if (w <= 0) return '';
          const segment = `<rect x="${x}" y="${y}" width="${w}" height="${rowHeight - 8}" fill="${fillOf(id, s.pattern)}" stroke="#111111" stroke-width="1"></rect>${
            w >= 46 ? plateLabel(x + w / 2, y + (rowHeight - 8) / 2, options.percent(share)) : ''
          }`;
          x += w;
          return segment;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#111111">${escapeHtml(clip(row.label, 26))}</text>${segments}`;
    })
    .join('\n');
  return `${svgOpen(id, width, height, options.title, options.description)}${patternDefs(id)}
${legend(id, series, labelWidth, 6)}
${bars}
</svg>`;
}
