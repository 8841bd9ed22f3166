import iconv from 'iconv-lite';
import { renderElixirO, renderTransferCsv } from '../../src/documents/bank-transfer-file';
import type { PayoutBatchDocument } from '../../src/documents/payout-types';

const batch: PayoutBatchDocument = {
  centreName: 'MOPS Przykładowo',
  centreAddress: 'ul. Słoneczna 1, 00-001 Łódź',
  centreAccount: '61 1090 1014 0000 0712 1981 2874',
  payoutDate: '2026-11-23',
  batchLabel: '2026-11-23/P',
  lines: [
    {
      name: 'Zofia Żółćińska',
      address: 'ul. Leśna 5, Łódź',
      caseNumber: 'MOPS.ŚW.5011.1.2026',
      decisionNumber: 'MOPS.ŚW.5111.1.2026',
      month: '2026-11',
      amountGrosze: 70000,
      account: 'PL27114020040000300201355387',
    },
  ],
};

describe('bank transfer files', () => {
  it('writes an Elixir-O 110 record in Windows-1250 with grosze and sort codes from the NRBs', () => {
    const bytes = renderElixirO(batch);
    expect(bytes.includes(Buffer.from([0xa3]))).toBe(true); // "Ł" in Windows-1250
    expect(iconv.decode(bytes, 'win1250')).toBe(
      '110,20261123,70000,10901014,0,"61109010140000071219812874","27114020040000300201355387",' +
        '"MOPS Przykładowo|ul. Słoneczna 1, 00-001 Łódź","Zofia Żółćińska|ul. Leśna 5, Łódź",0,11402004,' +
        '"Świadczenie 2026-11 decyzja MOPS.ŚW|.5111.1.2026|sprawa MOPS.ŚW.5011.1.2026","","","51",""\r\n',
    );
  });

  it('refuses a batch with a wrong account and names the row', () => {
    const wrong = { ...batch, lines: [{ ...batch.lines[0]!, account: '27114020040000300201355388' }] };
    expect(() => renderElixirO(wrong)).toThrow(
      expect.objectContaining({ field: 'lines[0].account' }) as Error,
    );
  });

  it('writes a CSV with a BOM, semicolons and a decimal comma', () => {
    const text = renderTransferCsv(batch).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[1]).toBe(
      '2026-11-23;27114020040000300201355387;Zofia Żółćińska;ul. Leśna 5, Łódź;700,00;Świadczenie 2026-11 decyzja MOPS.ŚW.5111.1.2026 sprawa MOPS.ŚW.5011.1.2026',
    );
  });
});
