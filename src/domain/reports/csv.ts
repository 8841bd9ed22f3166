/**
 * CSV for Polish Excel: UTF-8 with a byte-order mark (so Excel reads the Polish letters), `;` between fields (the
 * list separator of the Polish locale, where `,` is the decimal comma), CRLF line ends, and a field quoted when it
 * holds `;`, a quote or a line break (quotes doubled, RFC 4180).
 */
export const CSV_BOM = '\uFEFF';

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An amount for a spreadsheet cell in the Polish locale: złote with a decimal comma and no grouping or currency,
 * e.g. 123456 gr → "1234,56", −5 gr → "-0,05" (Excel reads it as a number; grosze never pass through a float).
 */
export function csvAmount(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const magnitude = Math.abs(grosze);
  return `${sign}${Math.floor(magnitude / 100)},${String(magnitude % 100).padStart(2, '0')}`;
}
