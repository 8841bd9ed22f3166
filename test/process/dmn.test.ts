import { calculateBenefits } from '../../src/domain/eligibility';
import { zl } from '../../src/domain/money';
import { BENEFIT_PARAMETERS, parametersOn } from '../../src/domain/parameters/benefit-parameters';
import { ProcessHarness } from './harness';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BPMN_DIR } from '../../src/paths';

/** From the DMN file: does the decision collect rows, and has it one output (or is it a literal expression)? */
function decisionShape(decisionId: string): { collect: boolean; singleOutput: boolean } {
  for (const file of readdirSync(BPMN_DIR).filter((f) => f.endsWith('.dmn'))) {
    const xml = readFileSync(path.join(BPMN_DIR, file), 'utf8');
    const start = xml.indexOf(`<decision id="${decisionId}"`);
    if (start < 0) continue;
    const body = xml.slice(start, xml.indexOf('</decision>', start));
    const literal = body.includes('<literalExpression');
    return {
      collect: /hitPolicy="COLLECT"/.test(body) && !/aggregation=/.test(body),
      singleOutput: literal || (body.match(/<output /g) ?? []).length === 1,
    };
  }
  throw new Error(`Brak decyzji ${decisionId} w bpmn/`);
}

/**
 * Test vectors for the DMN tables, evaluated by the real engine (REST evaluate on the deployed tables):
 * the figures of DOMAIN.md, both sides of every criterion boundary, the rounding rules, and agreement with the
 * TypeScript domain (src/domain/eligibility.ts) on a grid of households and dates.
 */
describe('DMN decision tables on the engine', () => {
  let h: ProcessHarness;

  beforeAll(async () => {
    h = await ProcessHarness.start();
  });

  afterAll(async () => {
    await h.stop();
  });

  /** The decision's result in the shape a FEEL caller sees it: a list for COLLECT, else the one row (or null). */
  async function evaluate(decisionId: string, variables: Record<string, unknown>): Promise<unknown> {
    const rows = await h.engine.evaluateDecision(decisionId, variables);
    const shape = decisionShape(decisionId);
    const value = (row: Record<string, unknown>) => (shape.singleOutput ? Object.values(row)[0] : row);
    if (shape.collect) return rows.map(value);
    return rows[0] ? value(rows[0]) : null;
  }

  describe('benefit-parameters: dated rows, one per statutory change', () => {
    it.each([
      ['2025-01-01', 101_000, 82_300, 122_900, 130],
      ['2026-06-30', 101_000, 82_300, 122_900, 130],
      ['2024-12-31', 77_600, 60_000, 100_000, 130],
      ['2024-01-01', 77_600, 60_000, 100_000, 130],
      ['2023-12-31', 77_600, 60_000, 71_900, 100],
      ['2022-01-01', 77_600, 60_000, 71_900, 100],
    ])(
      'on %s: criteria %d / %d gr, zasiłek stały cap %d gr, %d%%',
      async (date, single, perPerson, cap, percent) => {
        expect(await evaluate('benefit-parameters', { applicationDate: date })).toMatchObject({
          criterionSingleGrosze: single,
          criterionPerPersonGrosze: perPerson,
          permanentMaxGrosze: cap,
          permanentCriterionPercent: percent,
        });
      },
    );

    it('has no figures before 2022 (the table says nothing rather than guessing)', async () => {
      expect(await evaluate('benefit-parameters', { applicationDate: '2021-12-31' })).toBeNull();
    });

    it('agrees with the TypeScript parameter sets on the first and last day of each', async () => {
      for (const set of BENEFIT_PARAMETERS) {
        for (const date of [set.validFrom, set.validTo ?? '2030-12-31']) {
          const p = parametersOn(date);
          expect(await evaluate('benefit-parameters', { applicationDate: date })).toMatchObject({
            criterionSingleGrosze: p.criterionSingleGrosze,
            criterionPerPersonGrosze: p.criterionPerPersonGrosze,
            incomePerHectareGrosze: p.incomePerHectareGrosze,
            permanentCriterionPercent: p.permanentCriterionPercent,
            permanentMaxGrosze: p.permanentMaxGrosze,
            permanentMinGrosze: p.permanentMinGrosze,
            periodicMinGapPercent: p.periodicMinGapPercent,
            periodicMinGrosze: p.periodicMinGrosze,
          });
        }
      }
    });
  });

  describe('benefit-eligibility (2025 figures unless said otherwise)', () => {
    const eligibility = (householdSize: number, income: string, applicationDate = '2025-06-02') =>
      evaluate('benefit-eligibility', { applicationDate, householdSize, householdIncomeGrosze: zl(income) });

    it('single person exactly at 1010 zł: eligible, but no gap for zasiłek okresowy and not below the criterion for zasiłek stały', async () => {
      expect(await eligibility(1, '1010.00')).toMatchObject({
        criterionGrosze: 101_000,
        eligible: true,
        periodicEligible: false,
        periodicMinGrosze: 0,
        periodicMaxGrosze: 0,
        permanentEligible: false,
        permanentAmountGrosze: 0,
      });
    });

    it('single person 1 grosz above 1010 zł: not eligible', async () => {
      expect(await eligibility(1, '1010.01')).toMatchObject({ eligible: false, periodicMaxGrosze: 0 });
    });

    it('family of 4 at 4 × 823 zł = 3292 zł eligible, 1 grosz above not', async () => {
      expect(await eligibility(4, '3292.00')).toMatchObject({ criterionGrosze: 329_200, eligible: true });
      expect(await eligibility(4, '3292.01')).toMatchObject({ eligible: false });
    });

    it('single person with 500 zł: zasiłek okresowy 255–510 zł, zasiłek stały 1313 − 500 = 813 zł', async () => {
      expect(await eligibility(1, '500.00')).toMatchObject({
        gapGrosze: 51_000,
        periodicMinGrosze: 25_500,
        periodicMaxGrosze: 51_000,
        permanentBaseGrosze: 131_300,
        permanentAmountGrosze: 81_300,
      });
    });

    it('single person without income: zasiłek okresowy at most 823 zł, zasiłek stały capped at 1229 zł', async () => {
      expect(await eligibility(1, '0')).toMatchObject({
        periodicMinGrosze: 50_500,
        periodicMaxGrosze: 82_300,
        permanentAmountGrosze: 122_900,
      });
    });

    it('rounding: income per person rounded up, 50% of an odd gap rounded up', async () => {
      // family of 3: 1000,01 zł → 333,336… zł per person → 333,34 zł; gap 1468,99 zł → 50% = 734,495 → 734,50 zł
      expect(await eligibility(3, '1000.01')).toMatchObject({
        incomePerPersonGrosze: 33_334,
        periodicMinGrosze: 73_450,
        periodicMaxGrosze: 146_899,
        permanentBaseGrosze: 106_990,
        permanentAmountGrosze: 73_656,
      });
    });

    it('the 20 zł floor of zasiłek okresowy: half a 39,98 zł gap is 19,99 zł → 20 zł; a gap under 20 zł gives exactly 20 zł', async () => {
      expect(await eligibility(1, '970.02')).toMatchObject({
        periodicMinGrosze: 2_000,
        periodicMaxGrosze: 3_998,
      });
      expect(await eligibility(1, '1000.00')).toMatchObject({
        periodicMinGrosze: 2_000,
        periodicMaxGrosze: 2_000,
      });
    });

    it('family at the criterion per person: no zasiłek stały (income must be lower than the criterion)', async () => {
      expect(await eligibility(2, '1646.00')).toMatchObject({
        eligible: true,
        permanentEligible: false,
        permanentAmountGrosze: 0,
      });
      expect(await eligibility(2, '1645.98')).toMatchObject({
        permanentEligible: true,
        permanentAmountGrosze: 106_990 - 82_299,
      });
    });

    it('earlier rows: 2023 (100% of 776 zł) and 2024 (130%, cap 1000 zł)', async () => {
      expect(await eligibility(1, '500.00', '2023-06-01')).toMatchObject({
        criterionGrosze: 77_600,
        permanentAmountGrosze: 27_600,
      });
      expect(await eligibility(1, '0', '2024-06-03')).toMatchObject({
        permanentBaseGrosze: 100_880,
        permanentAmountGrosze: 100_000,
      });
    });

    it('agrees with src/domain/eligibility.ts on a grid of households, incomes around the boundaries and dates', async () => {
      const dates = ['2023-06-01', '2024-06-03', '2025-06-02'];
      let compared = 0;
      for (const date of dates) {
        const params = parametersOn(date);
        for (let size = 1; size <= 5; size += 1) {
          const criterion =
            size === 1 ? params.criterionSingleGrosze : size * params.criterionPerPersonGrosze;
          const incomes = [
            0,
            1,
            12_345,
            Math.floor(criterion / 2),
            criterion - 4_001,
            criterion - 3_999,
            criterion - size,
            criterion - 1,
            criterion,
            criterion + 1,
            2 * criterion,
          ];
          for (const income of incomes) {
            const ts = calculateBenefits({ date, householdSize: size, householdIncomeGrosze: income });
            const dmn = await evaluate('benefit-eligibility', {
              applicationDate: date,
              householdSize: size,
              householdIncomeGrosze: income,
            });
            expect({ size, income, date, ...(dmn as object) }).toMatchObject({
              criterionGrosze: ts.criterionGrosze,
              incomePerPersonGrosze: ts.incomePerPersonGrosze,
              eligible: ts.eligible,
              periodicEligible: ts.periodic.eligible,
              periodicMinGrosze: ts.periodic.minGrosze,
              periodicMaxGrosze: ts.periodic.maxGrosze,
              permanentEligible: ts.permanent.eligible,
              permanentAmountGrosze: ts.permanent.amountGrosze,
            });
            compared += 1;
          }
        }
      }
      expect(compared).toBe(165);
    });
  });

  describe('dps-fee (art. 61 u.p.s.)', () => {
    const fee = (resident: string, cost: string, relative: string, relativeSize: number) =>
      evaluate('dps-fee', {
        applicationDate: '2025-06-02',
        residentIncomeGrosze: zl(resident),
        monthlyCostGrosze: zl(cost),
        relativeIncomeGrosze: zl(relative),
        relativeHouseholdSize: relativeSize,
      });

    it('resident pays 70% of income; a family of 2 above 300% of 823 zł per person may pay the rest by agreement', async () => {
      expect(await fee('2000.00', '6500.00', '10000.00', 2)).toMatchObject({
        residentFeeGrosze: 140_000,
        relativeThresholdGrosze: 493_800,
        familyMayBeObliged: true,
        familyMaxFeeGrosze: 506_200,
        municipalityMinFeeGrosze: 3_800,
      });
    });

    it('70% is rounded down so it never exceeds 70%; the resident never pays more than the cost', async () => {
      expect(await fee('1234.57', '6500.00', '0', 1)).toMatchObject({
        residentFeeGrosze: 86_419,
        familyMayBeObliged: false,
        municipalityMinFeeGrosze: 650_000 - 86_419,
      });
      expect(await fee('10000.00', '6500.00', '50000.00', 1)).toMatchObject({
        residentFeeGrosze: 650_000,
        familyMayBeObliged: false,
        familyMaxFeeGrosze: 0,
        municipalityMinFeeGrosze: 0,
      });
    });

    it('a relative living alone: above 300% of 1010 zł = 3030 zł, not at it', async () => {
      expect(await fee('1000.00', '6500.00', '3030.00', 1)).toMatchObject({
        familyMayBeObliged: false,
        familyMaxFeeGrosze: 0,
      });
      expect(await fee('1000.00', '6500.00', '3030.01', 1)).toMatchObject({
        familyMayBeObliged: true,
        familyMaxFeeGrosze: 1,
      });
    });

    it('a relative in a family of 3: threshold 3 × 3 × 823 zł = 7407 zł', async () => {
      expect(await fee('1000.00', '6500.00', '7407.00', 3)).toMatchObject({
        relativeThresholdGrosze: 740_700,
        familyMayBeObliged: false,
      });
      expect(await fee('1000.00', '6500.00', '7407.01', 3)).toMatchObject({
        familyMayBeObliged: true,
        familyMaxFeeGrosze: 1,
      });
    });
  });

  describe('care-service-fee (sample council resolution and the regulation table)', () => {
    const percent = (serviceKind: string, single: boolean, incomePerPerson: string) =>
      evaluate('care-service-fee', {
        serviceKind,
        single,
        incomePerPersonGrosze: zl(incomePerPerson),
        personCriterionGrosze: single ? 101_000 : 82_300,
      });

    it.each([
      ['care-services', true, '1010.00', 0],
      ['care-services', true, '1010.01', 5],
      ['care-services', true, '1515.00', 5],
      ['care-services', true, '1515.01', 10],
      ['care-services', false, '823.00', 0],
      ['care-services', false, '823.01', 10],
      ['care-services', true, '5050.00', 60],
      ['care-services', true, '5050.01', 100],
      ['support-centre', false, '1646.00', 15],
      ['sheltered-housing', true, '3030.00', 20],
      ['specialised-care', true, '1212.00', 7],
      ['specialised-care', false, '987.60', 10],
      ['specialised-care', true, '6060.00', 80],
      ['specialised-care', true, '6060.01', 100],
    ])('%s, single %s, %s zł per person → %d%%', async (kind, single, income, expected) => {
      expect(await percent(kind, single, income)).toBe(expected);
    });

    it('an unknown kind of service has no row (the process owner adds one)', async () => {
      expect(await percent('meals', true, '100.00')).toBeNull();
    });
  });

  describe('routing', () => {
    const route = (variables: Record<string, unknown>) => evaluate('routing', variables);

    it.each([
      [{ needKind: 'financial', district: 'rejon-2' }, [['benefits', 'rzps-1']]],
      [{ needKind: 'financial', district: 'wschod' }, [['benefits', 'rzps-2']]],
      [{ needKind: 'financial' }, [['benefits', 'rzps-2']]],
      [{ needKind: 'care-home', district: 'rejon-1' }, [['services', 'dzial-uslug']]],
      [
        { needKind: 'social-work', reason: 'homelessness', district: 'rejon-1' },
        [
          ['social-work', 'rzps-1'],
          ['social-work', 'rzps-1'],
        ],
      ],
      [
        { needKind: 'financial', reason: 'domestic-violence', district: 'rejon-2' },
        [
          ['benefits', 'rzps-1'],
          ['violence-response', 'sekcja-przemocy'],
        ],
      ],
      [{ needKind: 'violence' }, [['violence-response', 'sekcja-przemocy']]],
      [
        { needKind: 'family-assistant', reason: 'parenting-helplessness' },
        [
          ['family-assistance', 'zespol-asystentow'],
          ['family-assistance', 'zespol-asystentow'],
        ],
      ],
      [{ reason: 'crisis-event', urgent: true, district: 'zachod' }, [['benefits', 'rzps-2']]],
      [{ reason: 'addiction', district: 'poludnie' }, [['social-work', 'rzps-2']]],
    ])('%j → %j', async (input, expected) => {
      const routes = (await route(input)) as { team: string; site: string }[];
      expect(routes.map((r) => [r.team, r.site])).toEqual(expected);
    });

    it('no matching row (not urgent, no known need): no team, first contact routes by hand', async () => {
      // Camunda 7's evaluate answers no rows (an empty list) where Zeebe's COLLECT result was null
      expect(await route({ reason: 'crisis-event', urgent: false, district: 'rejon-2' })).toEqual([]);
      expect(await route({})).toEqual([]);
      // and the process's decision gives empty routes and teams, so mops-case takes the manual path
      expect(await evaluate('case-routing', { reason: 'crisis-event', urgent: false })).toEqual({
        routes: [],
        teams: [],
        siteByTeam: {},
      });
    });
  });
});
