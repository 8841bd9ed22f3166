import iconv from 'iconv-lite';
import { renderElixirO, renderTransferCsv } from '../../../src/documents/bank-transfer-file';
import type { TransferBatch } from '../../../src/documents/types';
import { transferBatch } from './fixtures';

const CENTRE = '"61109010140000071219812874"';
const ORDERING = '"MOPS Przykładowo|ul. Słoneczna 1, 00-001 Łódź"';

const ELIXIR_GOLDEN =
  `110,20261123,122900,10901014,0,${CENTRE},"27114020040000300201355387",${ORDERING},` +
  '"Zofia Żółćińska|ul. Łąkowa 5, Łódź",0,11402004,' +
  '"Świadczenie 2026-11 decyzja MOPS.ŚW|.5111.1.2026|sprawa MOPS.ŚW.5011.1.2026","","","51",""\r\n' +
  `110,20261123,2000,10901014,0,${CENTRE},"61109010140000071219812874",${ORDERING},` +
  '"Jan Kowalski|ul. Leśna 7, 00-003 Przykładowo",0,10901014,' +
  '"Świadczenie 2026-11 decyzja MOPS.ŚW|.5111.2.2026|sprawa MOPS.ŚW.5011.2.2026","","","51",""\r\n' +
  `110,20261123,35050,10901014,0,${CENTRE},"27114020040000300201355387",${ORDERING},` +
  '"Ścibor Gęślą|ul. Źródlana 1, Przykładowo",0,11402004,' +
  '"Świadczenie 2026-10 decyzja MOPS.ŚW|.5111.3.2026|sprawa MOPS.ŚW.5011.3.2026","","","51",""\r\n';

const CSV_GOLDEN =
  '\ufeffData;Rachunek odbiorcy;Odbiorca;Adres;Kwota;Tytuł\r\n' +
  '2026-11-23;27114020040000300201355387;Zofia Żółćińska;ul. Łąkowa 5, Łódź;1229,00;' +
  'Świadczenie 2026-11 decyzja MOPS.ŚW.5111.1.2026 sprawa MOPS.ŚW.5011.1.2026\r\n' +
  '2026-11-23;61109010140000071219812874;Jan Kowalski;ul. Leśna 7, 00-003 Przykładowo;20,00;' +
  'Świadczenie 2026-11 decyzja MOPS.ŚW.5111.2.2026 sprawa MOPS.ŚW.5011.2.2026\r\n' +
  '2026-11-23;27114020040000300201355387;Ścibor Gęślą;ul. Źródlana 1, Przykładowo;350,50;' +
  'Świadczenie 2026-10 decyzja MOPS.ŚW.5111.3.2026 sprawa MOPS.ŚW.5011.3.2026\r\n';

const withLine = (index: number, change: Partial<TransferBatch['lines'][number]>): TransferBatch => ({
  ...transferBatch,
  lines: transferBatch.lines.map((line, i) => (i === index ? { ...line, ...change } : line)),
});

describe('Elixir-O', () => {
  it('writes one 110 record per transfer, exactly as the golden file', () => {
    expect(iconv.decode(renderElixirO(transferBatch), 'win1250')).toBe(ELIXIR_GOLDEN);
  });

  it('is Windows-1250: "Łódź" is A3 F3 64 9F, and no UTF-8 anywhere', () => {
    const bytes = renderElixirO(transferBatch);
    expect(bytes.includes(Buffer.from([0xa3, 0xf3, 0x64, 0x9f]))).toBe(true);
    expect(bytes.includes(Buffer.from('Łódź', 'utf8'))).toBe(false);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  });

  it('writes amounts as grosze: digits only, no separators', () => {
    const amounts = iconv
      .decode(renderElixirO(transferBatch), 'win1250')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(',')[2]);
    expect(amounts).toEqual(['122900', '2000', '35050']);
  });

  it('refuses a wrong NRB and names the row', () => {
    const wrong = withLine(1, { account: '61 1090 1014 0000 0712 1981 2875' });
    expect(() => renderElixirO(wrong)).toThrow(
      expect.objectContaining({
        code: 'validation',
        field: 'lines[1].account',
        message:
          'Pozycja 2 (Jan Kowalski): rachunek odbiorcy — błędne cyfry kontrolne numeru rachunku — sprawdź, czy nie ma literówki.',
      }) as Error,
    );
    expect(() => renderTransferCsv(wrong)).toThrow(
      expect.objectContaining({ field: 'lines[1].account' }) as Error,
    );
  });

  it('refuses a row without an account, a short one, and a bad centre account', () => {
    expect(() => renderElixirO(withLine(2, { account: undefined }))).toThrow(
      'Pozycja 3 (Ścibor Gęślą): rachunek odbiorcy — podaj numer rachunku.',
    );
    expect(() => renderElixirO(withLine(0, { account: '2711402004' }))).toThrow(
      'Pozycja 1 (Zofia Żółćińska): rachunek odbiorcy — numer rachunku musi mieć 26 cyfr (podano 10).',
    );
    expect(() => renderElixirO({ ...transferBatch, centreAccount: '' })).toThrow(
      expect.objectContaining({ field: 'centreAccount' }) as Error,
    );
  });

  it('refuses amounts that are not a positive number of grosze, naming the row', () => {
    for (const amountGrosze of [0, -100, 10.5]) {
      expect(() => renderElixirO(withLine(0, { amountGrosze }))).toThrow(
        'Pozycja 1 (Zofia Żółćińska): kwota musi być dodatnią liczbą groszy.',
      );
    }
  });

  it('refuses an empty batch and a date that is not a day', () => {
    expect(() => renderElixirO({ ...transferBatch, lines: [] })).toThrow(
      'Paczka przelewów nie zawiera żadnej pozycji.',
    );
    expect(() => renderElixirO({ ...transferBatch, payoutDate: '2026-02-30' })).toThrow(
      expect.objectContaining({ field: 'payoutDate' }) as Error,
    );
  });

  it('refuses letters Windows-1250 cannot encode rather than send "?" to the bank', () => {
    expect(() => renderElixirO(withLine(1, { name: 'Олена Коваленко' }))).toThrow(
      expect.objectContaining({
        field: 'lines[1]',
        message: expect.stringContaining('Pozycja 2') as string,
      }) as Error,
    );
  });

  it('keeps the field structure: quotes, pipes and line breaks in data cannot split a field or a line', () => {
    const text = iconv.decode(
      renderElixirO(withLine(0, { name: 'Firma "Żak" | Syn', address: 'ul. Długa 1\r\nŁódź' })),
      'win1250',
    );
    expect(text.split('\r\n')[0]).toContain(`"Firma 'Żak' / Syn|ul. Długa 1 Łódź"`);
  });

  it('cuts long names and titles into lines of 35 characters, at most 4', () => {
    const text = iconv.decode(
      renderElixirO(withLine(0, { name: 'A'.repeat(80), address: 'B'.repeat(80) })),
      'win1250',
    );
    expect(text.split('\r\n')[0]).toContain(
      `"${'A'.repeat(35)}|${'A'.repeat(35)}|${'A'.repeat(10)}|${'B'.repeat(35)}"`,
    );
  });
});

describe('transfer CSV', () => {
  it('is UTF-8 with a BOM, semicolons, a decimal comma and CRLF, exactly as the golden file', () => {
    const bytes = renderTransferCsv(transferBatch);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(CSV_GOLDEN);
  });

  it('quotes cells with separators and keeps formulas from running in a spreadsheet', () => {
    const text = renderTransferCsv(
      withLine(0, { name: '=HYPERLINK("x")', address: 'ul. Długa 1; m. 2' }),
    ).toString('utf8');
    const row = text.split('\r\n')[1]!;
    expect(row).toContain(`;"'=HYPERLINK(""x"")";"ul. Długa 1; m. 2";`);
  });
});
