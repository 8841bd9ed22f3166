import type { I18n } from '../../../i18n';
import { escapeHtml } from '../html';

/** Hours to one decimal: 9000 s → "2,5 h". */
export function hours(i18n: I18n, seconds: number): string {
  return `${i18n.number(Math.round(seconds / 360) / 10)} h`;
}

/** A share 0..1 as a percentage to one decimal: "66,7 %". */
export function percent(i18n: I18n, share: number): string {
  return `${i18n.number(Math.round(share * 1000) / 10)} %`;
}

/** A duration in hours and minutes: 9060 s → "2 h 31 min". */
export function duration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** An address with a query (undefined values left out). */
export function href(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function link(path: string, text: string): string {
  return `<a href="${escapeHtml(path)}">${escapeHtml(text)}</a>`;
}

export const th = (text: string, scope: 'col' | 'row' = 'col') =>
  `<th scope="${scope}">${escapeHtml(text)}</th>`;

/** A chart and its data table side by side (stacked on narrow screens). */
export function chartWithTable(chart: string, table: string, caption: string): string {
  return `<figure class="chart-figure"><figcaption>${escapeHtml(caption)}</figcaption><div class="chart-with-table"><div class="chart">${chart}</div><div class="chart-data">${table}</div></div></figure>`;
}
