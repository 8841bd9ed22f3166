import { columnChart } from '../../../src/web/views/charts/column-chart';
import { groupedBars } from '../../../src/web/views/charts/grouped-bars';
import { stackedShareBars } from '../../../src/web/views/charts/stacked-share-bars';
import type { Series } from '../../../src/web/views/charts/svg';

const series: Series[] = [
  { key: 'a', label: 'Administracja', pattern: 'solid-dark' },
  { key: 's', label: 'Praca socjalna', pattern: 'stripes' },
  { key: 'o', label: 'Inne', pattern: 'dots' },
];

describe('server-rendered charts', () => {
  it('draws 100 % bars as an image with its title and description, a pattern per series and direct labels', () => {
    const svg = stackedShareBars({
      id: 'c1',
      title: 'Podział <czasu>',
      description: 'Opis',
      series,
      rows: [{ label: 'styczeń 2025', shares: { a: 0.75, s: 0.25, o: 0 } }],
      percent: (share) => `${share * 100} %`,
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">Podział &lt;czasu&gt;</title>');
    // the 440-unit bar: 330 administrative (dark fill), 110 social work (stripes), nothing for "other"
    expect(svg).toContain('width="330" height="22" fill="#1b2a4a"');
    expect(svg).toContain('width="110" height="22" fill="url(#c1-stripes)"');
    expect(svg).toContain('>75 %</text>');
    expect(svg).toContain('>25 %</text>');
    expect(svg).not.toContain('<script');
  });

  it('leaves a segment too narrow for its label unlabelled (the table has the figure)', () => {
    const svg = stackedShareBars({
      id: 'c2',
      title: 't',
      description: 'd',
      series,
      rows: [{ label: 'x', shares: { a: 0.95, s: 0.05, o: 0 } }],
      percent: (share) => `${Math.round(share * 100)} %`,
    });
    expect(svg).toContain('>95 %</text>');
    expect(svg).not.toContain('>5 %</text>');
  });

  it('writes each column’s value above it and each bar’s value after it', () => {
    const columns = columnChart({
      id: 'w',
      title: 'Wnioski',
      description: 'd',
      columns: [
        { label: '02.03', value: 2 },
        { label: '09.03', value: 0 },
      ],
    });
    expect(columns.match(/<rect /g)).toHaveLength(2);
    expect(columns).toContain('>2</text>');
    expect(columns).toContain('>0</text>');
    const bars = groupedBars({
      id: 'g',
      title: 'Dni',
      description: 'd',
      series: series.slice(0, 2),
      rows: [{ label: 'Zespół', values: { a: 14, s: null } }],
      format: (v) => (v === null ? '—' : `${v} dni`),
    });
    expect(bars).toContain('>14 dni</text>');
    expect(bars).toContain('>—</text>');
  });
});
