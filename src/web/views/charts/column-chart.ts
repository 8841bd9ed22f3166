import { escapeHtml } from '../html';
import { svgOpen } from './svg';

export interface Column {
  label: string;
  value: number;
}

/** Vertical columns over time (applications per week) with each value written above its column. */
export function columnChart(options: {
  id: string;
  title: string;
  description: string;
  columns: readonly Column[];
}): string {
  const { id, columns } = options;
  // columns fill about 600 units (between 26 and 80 each), so a short period is not drawn tiny
  const step = Math.max(26, Math.min(80, Math.floor(600 / Math.max(1, columns.length))));
  const left = 36;
  const chartHeight = 160;
  const top = 20;
  const width = Math.max(320, left + columns.length * step + 10);
  const height = top + chartHeight + 56;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const base = top + chartHeight;
  const body = columns
    .map((c, i) => {
      const h = (c.value / max) * chartHeight;
      const x = left + i * step;
      const labelX = x + (step - 6) / 2;
      return `<rect x="${x}" y="${base - h}" width="${step - 6}" height="${h}" fill="#1b2a4a"></rect>
<text x="${labelX}" y="${base - h - 4}" text-anchor="middle" font-size="11" fill="#111111">${c.value}</text>
<text x="${labelX}" y="${base + 14}" text-anchor="end" font-size="10" fill="#111111" transform="rotate(-45 ${labelX} ${base + 14})">${escapeHtml(c.label)}</text>`;
    })
    .join('\n');
  return `${svgOpen(id, width, height, options.title, options.description)}
<line x1="${left - 4}" y1="${base}" x2="${width - 6}" y2="${base}" stroke="#111111" stroke-width="1"></line>
${body}
</svg>`;
}
