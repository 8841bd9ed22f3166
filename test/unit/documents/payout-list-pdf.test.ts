import { payoutListTotal, renderCashPayoutListPdf } from '../../../src/documents/payout-list-pdf';
import type { CashPayoutList } from '../../../src/documents/types';
import { cashList } from './fixtures';
import { pdfFlatText } from './pdf-text';

const count = (text: string, phrase: string) => text.split(phrase).length - 1;

describe('cash payout list PDF', () => {
  let text: string;

  beforeAll(async () => {
    text = await pdfFlatText(await renderCashPayoutListPdf(cashList));
  });

  it('heads the list with the centre, its number and the payout day', () => {
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej w Przykładowie');
    expect(text).toContain('LISTA WYPŁAT nr 2026-11-23/K');
    expect(text).toContain('w dniu 23 listopada 2026 r.');
  });

  it('has one row per instalment with lp., name, case, decision, month and amount', () => {
    for (const [i, line] of cashList.lines.entries()) {
      expect(text).toContain(`${i + 1}.`);
      expect(text).toContain(line.name);
      expect(text).toContain(line.caseNumber);
      expect(text).toContain(line.decisionNumber);
    }
    expect(text).toContain('listopad 2026');
    expect(text).toContain('październik 2026');
    expect(text).toContain('1 229,00 zł');
    expect(text).toContain('20,00 zł');
    expect(text).toContain('350,50 zł');
  });

  it('has a signature line in every row', () => {
    expect(count(text, 'podpis odbierającego')).toBe(cashList.lines.length);
  });

  it('totals the list in grosze, formatted as złote', () => {
    expect(payoutListTotal(cashList)).toBe(159950);
    expect(text).toMatch(/Razem do wypłaty \(pozycji: 3\)\s*1 599,50 zł/);
  });

  it('ends with sporządził, sprawdził, zatwierdził and kasjer', () => {
    for (const role of ['Sporządził:', 'Sprawdził:', 'Zatwierdził:', 'Kasjer (wypłacił):']) {
      expect(text).toContain(role);
    }
    expect(count(text, 'data, imię i nazwisko, podpis')).toBe(4);
  });

  it('carries the running total over pages and keeps a signature line in every row', async () => {
    const long: CashPayoutList = {
      ...cashList,
      lines: Array.from({ length: 40 }, (_, i) => ({ ...cashList.lines[i % 3]!, amountGrosze: 1000 + i })),
    };
    const longText = await pdfFlatText(await renderCashPayoutListPdf(long));
    expect(count(longText, 'podpis odbierającego')).toBe(40);
    expect(longText).toContain('40.');
    // what a page carries over is what the next one brings forward
    const carried = (label: string) =>
      [...longText.matchAll(new RegExp(`${label}: ([\\d ]+,\\d\\d zł)`, 'g'))].map((m) => m[1]);
    expect(carried('Do przeniesienia').length).toBeGreaterThan(0);
    expect(carried('Z przeniesienia')).toEqual(carried('Do przeniesienia'));
    expect(longText).toMatch(/Strona 1 z [3-9]/);
    // 40 × 10,00 zł + (0 + 1 + … + 39) gr = 400,00 zł + 7,80 zł
    expect(longText).toMatch(/Razem do wypłaty \(pozycji: 40\)\s*407,80 zł/);
  });

  it('is the same bytes for the same list', async () => {
    const [a, b] = await Promise.all([renderCashPayoutListPdf(cashList), renderCashPayoutListPdf(cashList)]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a row with a bad amount, naming it', async () => {
    const bad = { ...cashList, lines: [cashList.lines[0]!, { ...cashList.lines[1]!, amountGrosze: 12.5 }] };
    await expect(renderCashPayoutListPdf(bad)).rejects.toMatchObject({
      code: 'validation',
      field: 'lines[1].amountGrosze',
      message: 'Lista wypłat, pozycja 2 (Jan Kowalski): kwota musi być dodatnią liczbą groszy.',
    });
  });
});
