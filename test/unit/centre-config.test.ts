import { AppError } from '../../src/errors/app-error';
import {
  centreSchema,
  districtSchema,
  formatOpeningHours,
  parseOpeningHours,
} from '../../src/centre/centre-config';

describe('centre configuration rules', () => {
  it('keeps opening hours in the order written, and reads the older object form', () => {
    const hours = parseOpeningHours('sob: 9:00–12:00; pn-pt: 7:30–15:30');
    expect(hours).toEqual([
      { days: 'sob', hours: '9:00–12:00' },
      { days: 'pn-pt', hours: '7:30–15:30' },
    ]);
    expect(formatOpeningHours(hours)).toBe('sob: 9:00–12:00; pn-pt: 7:30–15:30');
    expect(formatOpeningHours({ 'pn-pt': '7:30–15:30' })).toBe('pn-pt: 7:30–15:30');
    expect(() => parseOpeningHours('zawsze')).toThrow(AppError);
  });

  it('takes streets one per line or comma-separated, without duplicates, in Polish order', () => {
    const district = districtSchema.parse({
      id: 'rejon-3',
      name: 'Rejon 3',
      siteId: 'siedziba',
      streets: 'Źródlana\nOgrodowa, Ogrodowa; Łąkowa',
    });
    expect(district.streets).toEqual(['Łąkowa', 'Ogrodowa', 'Źródlana']);
    expect(districtSchema.safeParse({ id: 'Rejon 3', name: 'x', siteId: 'siedziba' }).success).toBe(false);
  });

  it('refuses a number pattern without the running number or the year', () => {
    const centre = {
      name: 'MOPS',
      shortName: 'MOPS',
      address: 'ul. Słoneczna 1, 00-001 Przykładowo',
      organName: 'Dyrektor MOPS',
      caseNumberPattern: 'MOPS.ŚW.5011.{n}.{yyyy}',
      decisionNumberPattern: 'MOPS.ŚW.5111.{n}',
      certificateNumberPattern: 'MOPS.ZAS.{n}.{yyyy}',
      appealBodyName: 'SKO',
      appealBodyAddress: 'ul. Sądowa 5',
    };
    const result = centreSchema.safeParse(centre);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['decisionNumberPattern']);
    expect(
      centreSchema.parse({ ...centre, decisionNumberPattern: 'MOPS.{n}.{yyyy}' }).organNameGenitive,
    ).toBeNull();
  });
});
