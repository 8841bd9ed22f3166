import ExcelJS from 'exceljs';
import type { Database } from '../../src/db/database';
import { scheduleInstalments } from '../../src/payouts/ledger';
import type { Runtime } from '../../src/runtime';
import { grantedDecision } from './case-file-fixtures';
import type { TestClient } from './http-client';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

/** A year of its own (no other test pays instalments then), so the figures are exactly the ones seeded here. */
const Y = 2090 + Math.floor(Math.random() * 10);

interface Seeded {
  caseId: string;
  decisionId: string;
  caseNumber: string;
}

/**
 * Reports (issue 12, item 8): MRPiPS-03 aggregates and the monthly payouts register, as a page, CSV and XLSX, over
 * decisions and paid instalments seeded with known amounts across two months; every figure asserted by value and
 * reconciled with the ledger's SUM(amount_grosze) to the grosz.
 */
describe('reports: MRPiPS-03 and the payouts register (real PostgreSQL)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let analyst: TestClient;
  let a: Seeded;
  let b: Seeded;
  let c: Seeded;
  let d: Seeded;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime({ workers: false }));
    analyst = await loginAs(runtime, 'analityk-raporty', ['analysts']);
    const db = runtime.db;
    // A: zasiłek okresowy 612,34 zł Jan–Mar, household of 3, reasons poverty + unemployment (an application);
    //    January's paid 31 Jan 23:30 UTC = 1 Feb in Warsaw, February's on 20 Feb, March's not paid
    a = await seed(db, {
      amount: 61_234,
      from: `${Y}-01-01`,
      to: `${Y}-03-31`,
      method: 'cash',
      household: 3,
    });
    await db.query(
      `INSERT INTO applications (case_id, kind, submitted_on, reasons) VALUES ($1, 'written', $2, $3)`,
      [a.caseId, `${Y}-01-02`, ['poverty', 'unemployment']],
    );
    await pay(db, a.decisionId, 1, `${Y}-01-31T23:30:00Z`);
    await pay(db, a.decisionId, 2, `${Y}-02-20T10:00:00Z`);
    // B: zasiłek celowy 333,01 zł in February, by transfer, no interview (household 1), no reason recorded
    b = await seed(db, {
      amount: 33_301,
      from: `${Y}-02-01`,
      to: `${Y}-02-28`,
      method: 'transfer',
      form: 'zasilek-celowy',
    });
    await pay(db, b.decisionId, 1, `${Y}-02-05T09:00:00Z`);
    // C: zasiłek okresowy 450,50 zł Jan–Feb, household of 2, reason poverty at first contact, a social contract;
    //    paid 10 Jan and 2 Mar
    c = await seed(db, {
      amount: 45_050,
      from: `${Y}-01-01`,
      to: `${Y}-02-28`,
      method: 'cash',
      household: 2,
    });
    await db.query(
      `UPDATE intakes SET aid_reason = 'poverty' WHERE id = (SELECT intake_id FROM cases WHERE id = $1)`,
      [c.caseId],
    );
    await db.query(
      `UPDATE assistance_plans SET social_contract = true WHERE id = (SELECT plan_id FROM decisions WHERE id = $1)`,
      [c.decisionId],
    );
    await pay(db, c.decisionId, 1, `${Y}-01-10T08:00:00Z`);
    await pay(db, c.decisionId, 2, `${Y}-03-02T08:00:00Z`);
    // D: a refusal issued in March (no instalments)
    d = await seed(db, { amount: 10_000, from: `${Y}-03-01`, to: `${Y}-03-31`, method: 'cash' });
    await db.query(`UPDATE decisions SET outcome = 'refuse', issued_on = $2 WHERE id = $1`, [
      d.decisionId,
      `${Y}-03-01`,
    ]);
    await db.query(`DELETE FROM payout_instalments WHERE decision_id = $1`, [d.decisionId]);
    // social work: D's party concluded a contract in April (the plan form, in the case file), until the year's end;
    // B's plan has no contract; A's contract starts in August (the second half-year)
    const plan = (caseId: string, at: string, data: Record<string, unknown>) =>
      db.query(
        `INSERT INTO task_submissions (user_task_key, case_id, element_id, form_id, data, submitted_at)
         VALUES ($1, $2, 'social-work-plan', 'social-work-plan', $3, $4)`,
        [`it-report-plan-${caseId}`, caseId, JSON.stringify(data), at],
      );
    await plan(d.caseId, `${Y}-04-10T09:00:00Z`, {
      plan: 'Praca',
      socialContract: true,
      contractUntil: `${Y}-12-31`,
    });
    await plan(b.caseId, `${Y}-04-11T09:00:00Z`, { plan: 'Rozmowy', socialContract: false });
    await plan(a.caseId, `${Y}-08-01T09:00:00Z`, { plan: 'Szkolenie', socialContract: true });
  });

  afterAll(async () => {
    await runtime.db.query(`DELETE FROM payout_instalments WHERE decision_id = ANY($1::uuid[])`, [
      [a, b, c, d].filter(Boolean).map((s) => s.decisionId),
    ]);
    await clock.resetAfterStop();
  });

  it('aggregates the half-year by form, reason, decisions and contracts, by value', async () => {
    const res = await analyst.request('GET', `/api/reports/mrpips-03?period=${Y}-H1`);
    expect(res.status).toBe(200);
    const report = res.body as {
      byForm: unknown[];
      total: unknown;
      byReason: unknown[];
      decisions: unknown;
      contracts: unknown;
    };
    expect(report.byForm).toEqual([
      {
        form: 'zasilek-okresowy',
        persons: 2,
        families: 2,
        personsInFamilies: 5,
        benefits: 4,
        amountGrosze: 212_568,
      },
      {
        form: 'zasilek-celowy',
        persons: 1,
        families: 1,
        personsInFamilies: 1,
        benefits: 1,
        amountGrosze: 33_301,
      },
    ]);
    expect(report.total).toEqual({
      form: 'total',
      persons: 3,
      families: 3,
      personsInFamilies: 6,
      benefits: 5,
      amountGrosze: 245_869,
    });
    expect(report.byReason).toEqual([
      { reason: 'poverty', families: 2, personsInFamilies: 5 },
      { reason: 'unemployment', families: 1, personsInFamilies: 3 },
      { reason: 'not-recorded', families: 1, personsInFamilies: 1 },
    ]);
    expect(report.decisions).toEqual({ granted: 3, refused: 1, partiesGranted: 3 });
    // C's assistance plan (household 2) and D's social-work contract (no interview: household 1)
    expect(report.contracts).toEqual({ contracts: 2, persons: 2, personsInFamilies: 3 });
    // the second half-year has nothing
    const h2 = await analyst.request('GET', `/api/reports/mrpips-03?period=${Y}-H2`);
    expect((h2.body as { total: { amountGrosze: number; benefits: number } }).total).toMatchObject({
      amountGrosze: 0,
      benefits: 0,
    });
  });

  it('reconciles the half-year and each month with the ledger to the grosz', async () => {
    const ledger = async (from: string, to: string) => {
      const [row] = await runtime.db.query<{ total: string | null }>(
        `SELECT SUM(amount_grosze)::text AS total FROM payout_instalments
          WHERE status = 'paid' AND (paid_at AT TIME ZONE 'Europe/Warsaw')::date BETWEEN $1::date AND $2::date`,
        [from, to],
      );
      return Number(row?.total ?? 0);
    };
    const report = await analyst.request('GET', `/api/reports/mrpips-03?period=${Y}-H1`);
    expect((report.body as { total: { amountGrosze: number } }).total.amountGrosze).toBe(
      await ledger(`${Y}-01-01`, `${Y}-06-30`),
    );
    const months = { '01': 45_050, '02': 155_769, '03': 45_050 };
    for (const [month, expected] of Object.entries(months)) {
      const res = await analyst.request('GET', `/api/reports/payout-register?month=${Y}-${month}`);
      const total = (res.body as { totalGrosze: number }).totalGrosze;
      expect(total).toBe(expected);
      const last = new Date(Date.UTC(Y, Number(month), 0)).getUTCDate();
      expect(total).toBe(await ledger(`${Y}-${month}-01`, `${Y}-${month}-${last}`));
    }
  });

  it('lists every instalment paid in February with day, case, person, form, method and amount', async () => {
    const res = await analyst.request('GET', `/api/reports/payout-register?month=${Y}-02`);
    const register = res.body as {
      rows: {
        paidOn: string;
        caseNumber: string;
        person: string;
        benefitForm: string;
        method: string;
        amountGrosze: number;
      }[];
      count: number;
      byMethod: unknown[];
    };
    expect(
      register.rows.map((r) => [r.paidOn, r.caseNumber, r.person, r.benefitForm, r.method, r.amountGrosze]),
    ).toEqual([
      [`${Y}-02-01`, a.caseNumber, 'Jan Testowy', 'zasilek-okresowy', 'cash', 61_234],
      [`${Y}-02-05`, b.caseNumber, 'Jan Testowy', 'zasilek-celowy', 'transfer', 33_301],
      [`${Y}-02-20`, a.caseNumber, 'Jan Testowy', 'zasilek-okresowy', 'cash', 61_234],
    ]);
    expect(register.count).toBe(3);
    expect(register.byMethod).toEqual([
      { method: 'cash', count: 2, totalGrosze: 122_468 },
      { method: 'transfer', count: 1, totalGrosze: 33_301 },
    ]);
  });

  it('shows the same figures on the page, in the CSV and in the XLSX', async () => {
    const page = await analyst.request('GET', `/raporty/mrpips-03?period=${Y}-H1`);
    expect(page.status).toBe(200);
    const html = spaces(String(page.body));
    expect(html).toContain(
      '<th scope="row">zasiłek okresowy</th><td class="num">2</td><td class="num">4</td><td class="num">2 125,68 zł</td><td class="num">2</td><td class="num">5</td>',
    );
    expect(html).toContain(
      '<th scope="row">Ogółem</th><td class="num">3</td><td class="num">5</td><td class="num">2 458,69 zł</td><td class="num">3</td><td class="num">6</td>',
    );

    const csv = await download(`/raporty/mrpips-03/csv?period=${Y}-H1`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toContain('zasiłek okresowy;2;4;2125,68;2;5');
    expect(lines).toContain('zasiłek celowy;1;1;333,01;1;1');
    expect(lines).toContain('Ogółem;3;5;2458,69;3;6');
    expect(lines).toContain('ubóstwo;2;5');
    expect(lines).toContain('Liczba kontraktów socjalnych;2');

    const xlsx = await download(`/raporty/mrpips-03/xlsx?period=${Y}-H1`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const forms = book.getWorksheet('Formy świadczeń');
    const rows = [3, 4, 5].map((n) => valuesOf(forms?.getRow(n)));
    expect(rows).toEqual([
      ['zasiłek okresowy', 2, 4, 212_568, 2, 5],
      ['zasiłek celowy', 1, 1, 33_301, 1, 1],
      ['Ogółem', 3, 5, 245_869, 3, 6],
    ]);
    expect(valuesOf(book.getWorksheet('Powody')?.getRow(3))).toEqual(['ubóstwo', 2, 5]);
  });

  it('gives the register as CSV and XLSX with the ledger total, and audits every read of it', async () => {
    const csv = (await download(`/raporty/rejestr-wyplat/csv?month=${Y}-02`)).bytes.toString('utf8').slice(1);
    const lines = csv.split('\r\n');
    expect(lines).toContain(`${Y}-02-05;${b.caseNumber};Jan Testowy;zasiłek celowy;przelew;${Y}-02;333,01`);
    expect(lines).toContain('Ogółem;;;;;;1557,69');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await download(`/raporty/rejestr-wyplat/xlsx?month=${Y}-02`)).bytes as unknown as ArrayBuffer,
    );
    const sheet = book.getWorksheet('Rejestr wypłat');
    const amounts = [3, 4, 5].map((n) => Math.round(Number(sheet?.getRow(n).getCell(7).value) * 100));
    expect(amounts).toEqual([61_234, 33_301, 61_234]);
    expect(valuesOf(sheet?.getRow(6))).toEqual(['Ogółem', '', '', '', '', '', 155_769]);
    const page = await analyst.request('GET', `/raporty/rejestr-wyplat?month=${Y}-02`);
    expect(spaces(String(page.body))).toContain('<td class="num">1 557,69 zł</td>');

    const audit = await runtime.db.query<{ details: { format: string; rows: number } }>(
      `SELECT a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'payout-register-read' AND a.entity_id = $1 AND u.login = 'analityk-raporty' ORDER BY a.id`,
      [`${Y}-02`],
    );
    expect(audit.map((r) => r.details.format)).toEqual(['json', 'json', 'csv', 'xlsx', 'page']);
    expect(audit.every((r) => r.details.rows === 3)).toBe(true);
  });

  it('refuses other roles, and names the field of a malformed period or month', async () => {
    const clerk = await loginAs(runtime, 'swiadczenia-raporty', ['benefits']);
    expect((await clerk.request('GET', `/api/reports/mrpips-03?period=${Y}-H1`)).status).toBe(403);
    expect((await clerk.request('GET', `/api/reports/payout-register?month=${Y}-02`)).status).toBe(403);
    const manager = await loginAs(runtime, 'kierownik-raporty', ['managers']);
    expect((await manager.request('GET', `/api/reports/mrpips-03?period=${Y}-H1`)).status).toBe(200);
    const bad = await analyst.request('GET', `/api/reports/mrpips-03?period=${Y}-H3`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('period');
    const badMonth = await analyst.request('GET', `/api/reports/payout-register?month=${Y}-13`);
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(badMonth.body)).toContain('month');
    expect((await analyst.request('GET', `/raporty/mrpips-03/pdf?period=${Y}-H1`)).status).toBe(400);
  });

  async function download(path: string) {
    const res = await fetch(`${runtime.url}${path}`, { headers: analyst.headers() });
    expect(res.status).toBe(200);
    return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }
});

async function seed(
  db: Database,
  input: {
    amount: number;
    from: string;
    to: string;
    method: 'cash' | 'transfer';
    household?: number;
    form?: string;
  },
): Promise<Seeded> {
  const granted = await grantedDecision(db, {
    amountGrosze: input.amount,
    from: input.from,
    to: input.to,
    method: input.method,
  });
  const issuedOn = input.from;
  await db.query(`UPDATE decisions SET status = 'final', issued_on = $2 WHERE id = $1`, [
    granted.decisionId,
    issuedOn,
  ]);
  if (input.form) {
    await db.query(
      `UPDATE assistance_plans SET benefit_type = $2 WHERE id = (SELECT plan_id FROM decisions WHERE id = $1)`,
      [granted.decisionId, input.form],
    );
  }
  if (input.household) {
    await db.query(
      `INSERT INTO income_statements (case_id, income_month, household_size, household_income_grosze, income_per_person_grosze)
       VALUES ($1, $2, $3, 0, 0)`,
      [granted.caseId, input.from.slice(0, 7), input.household],
    );
  }
  await scheduleInstalments(db, granted.decisionId);
  const [kase] = await db.query<{ case_number: string }>('SELECT case_number FROM cases WHERE id = $1', [
    granted.caseId,
  ]);
  return { caseId: granted.caseId, decisionId: granted.decisionId, caseNumber: String(kase?.case_number) };
}

/** The instalment is paid at `at` (the cashier's or the bank's confirmation, as the ledger records it). */
async function pay(db: Database, decisionId: string, instalmentNo: number, at: string): Promise<void> {
  const rows = await db.query(
    `UPDATE payout_instalments SET status = 'paid', paid_at = $3 WHERE decision_id = $1 AND instalment_no = $2 RETURNING id`,
    [decisionId, instalmentNo, at],
  );
  expect(rows).toHaveLength(1);
}

/** A row's values from the first cell on; amounts (złote) back in grosze, exactly. */
function valuesOf(row: ExcelJS.Row | undefined): unknown[] {
  const values = (row?.values as unknown[] | undefined)?.slice(1) ?? [];
  return values.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) : v));
}

function spaces(html: string): string {
  return html.replace(/[\u00a0\u202f]/g, ' ');
}
