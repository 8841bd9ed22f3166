import { escapeHtml } from '../html';
import { clip, fillOf, legend, patternDefs, svgOpen, type Series } from './svg';

export interface GroupRow {
  label: string;
  /** Value per series key; null when there is no value (nothing reached that stage). */
  values: Record<string, number | null>;
}

/** Horizontal bars per group (a team, a site), one bar per series, each with its value written after it. */
export function groupedBars(options: {
  id: string;
  title: string;
  description: string;
  series: readonly Series[];
  rows: readonly GroupRow[];
  format: (value: number | null) => string;
}): string {
  const { id, series, rows } = options;
  const labelWidth = 190;
  const barWidth = 360;
  const barHeight = 16;
  const groupHeight = series.length * (barHeight + 4) + 12;
  const top = 34;
  const width = labelWidth + barWidth + 90;
  const height = top + rows.length * groupHeight + 6;
  const max = Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.key] ?? 0)));
  const body = rows
    .map((row, index) => {
      const y = top + index * groupHeight;
      const bars = series
        .map((s, j) => {
          const value = row.values[s.key] ?? null;
          const w = value === null ? 0 : Math.max(1, (value / max) * barWidth);
          const by = y + j * (barHeight + 4);
          return `<rect x="${labelWidth}" y="${by}" width="${w}" height="${barHeight}" fill="${fillOf(id, s.pattern)}" stroke="#111111" stroke-width="1"></rect><text x="${labelWidth + w + 6}" y="${by + 12}" font-size="11" fill="#111111">${escapeHtml(options.format(value))}</text>`;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" font-size="12" fill="#111111">${escapeHtml(clip(row.label, 26))}</text>${bars}`;
    })
    .join('\n');
  return `${svgOpen(id, width, height, options.title, options.description)}${patternDefs(id)}
${legend(id, series, labelWidth, 6)}
${body}
</svg>`;
}
