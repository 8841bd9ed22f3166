import { payoutDateAfterReturn } from '../../src/domain/cash-return';
import { certificateRuling } from '../../src/domain/certificate';
import { normaliseDocumentNumber, personKey } from '../../src/domain/client-identity';

describe('recognising a person (PESEL, else identity document)', () => {
  it('given a PESEL, then the PESEL is the key even when a document number is given too', () => {
    expect(personKey({ pesel: ' 85010112345 ', documentNumber: 'ABC123456' })).toEqual({
      by: 'pesel',
      value: '85010112345',
    });
  });

  it('given no PESEL, then the document number is the key, upper case without spaces or dashes', () => {
    expect(personKey({ pesel: null, documentNumber: ' abc 123-456 ' })).toEqual({
      by: 'document',
      value: 'ABC123456',
    });
    expect(normaliseDocumentNumber('ab-12 34')).toBe('AB1234');
  });

  it('given neither, then the person cannot be recognised (names are never enough)', () => {
    expect(personKey({ pesel: '', documentNumber: '  ' })).toBeUndefined();
    expect(personKey({})).toBeUndefined();
  });
});

describe('certificate or refusal (art. 217–219 KPA)', () => {
  it('given an unidentified person, then refuse: nothing can be certified about them', () => {
    expect(certificateRuling({ identified: false, client: null })).toMatchObject({
      outcome: 'refuse',
      code: 'not-identified',
      legalBasis: 'art. 218 § 1 i art. 219 KPA',
    });
  });

  it('given a person not in the register, then refuse: the centre holds no data to confirm', () => {
    expect(certificateRuling({ identified: true, client: null })).toMatchObject({
      outcome: 'refuse',
      code: 'not-a-client',
    });
  });

  it('given a client, then issue, listing their cases oldest first', () => {
    const ruling = certificateRuling({
      identified: true,
      client: {
        since: '2024-05-06',
        cases: [
          { caseNumber: 'B', openedOn: '2025-02-01', status: 'open' },
          { caseNumber: 'A', openedOn: '2024-05-06', status: 'closed', closedOn: '2024-12-31' },
        ],
      },
    });
    expect(ruling).toMatchObject({ outcome: 'issue', clientSince: '2024-05-06' });
    expect(ruling.outcome === 'issue' && ruling.cases.map((c) => c.caseNumber)).toEqual(['A', 'B']);
  });
});

describe('the list a returned cash instalment goes on', () => {
  it('given no return, then the requested day', () => {
    expect(payoutDateAfterReturn('2026-03-03', null)).toBe('2026-03-03');
  });

  it('given a return from the list of the same day, then the next working day (never the same list)', () => {
    expect(payoutDateAfterReturn('2026-03-03', '2026-03-03')).toBe('2026-03-04');
  });

  it('given a return from a Friday list re-queued that Friday, then Monday; over Easter, the Tuesday after', () => {
    expect(payoutDateAfterReturn('2026-03-06', '2026-03-06')).toBe('2026-03-09');
    // Good Friday is a working day in Poland; Easter Monday 2026-04-06 is not
    expect(payoutDateAfterReturn('2026-04-03', '2026-04-03')).toBe('2026-04-07');
  });

  it('given a requested day before the returned list, then still after that list', () => {
    expect(payoutDateAfterReturn('2026-03-01', '2026-03-03')).toBe('2026-03-04');
  });

  it('given a requested day after the returned list, then that day', () => {
    expect(payoutDateAfterReturn('2026-03-17', '2026-03-03')).toBe('2026-03-17');
  });
});
