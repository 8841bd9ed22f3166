import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createPgDatabase } from '../../src/db/pg-database';
import { createLogger } from '../../src/logger';
import {
  cancelInstalmentsFrom,
  listInstalments,
  markPaid,
  queueInstalment,
  scheduleInstalments,
} from '../../src/payouts/ledger';
import { createComputeIncomeWorker } from '../../workers/compute-income';
import { createReturnUncollectedCashWorker } from '../../workers/return-uncollected-cash';
import { grantedDecision } from './case-file-fixtures';
import { DELIVERIES, jobContext } from './job-context';
import { TEST_DATABASE_URL } from './test-config';

let db: Database;

beforeAll(async () => {
  db = createPgDatabase(TEST_DATABASE_URL);
  await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }));
});

afterAll(() => db.close());

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: string }>(sql, params);
  return Number(row?.n);
}

async function statement(
  caseId: string,
  s: { size: number; incomeGrosze: number; items?: unknown[]; computedAt?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO income_statements (case_id, income_month, household_size, household_income_grosze,
       income_per_person_grosze, items, computed_at)
     VALUES ($1, '2026-01', $2, $3, $4, $5, coalesce($6::timestamptz, now()))`,
    [
      caseId,
      s.size,
      s.incomeGrosze,
      Math.ceil(s.incomeGrosze / s.size),
      JSON.stringify(s.items ?? []),
      s.computedAt ?? null,
    ],
  );
}

async function someCase(): Promise<string> {
  const { caseId } = await grantedDecision(db, {
    amountGrosze: 1000,
    from: '2026-01-01',
    to: '2026-01-31',
    method: 'cash',
  });
  return caseId;
}

describe('compute-income worker', () => {
  const worker = () => createComputeIncomeWorker({ db, now: () => new Date('2026-02-10T10:00:00Z') });

  it('given a one-person household, then the applicant income is the household income and there is no obliged relative', async () => {
    const caseId = await someCase();
    await statement(caseId, { size: 1, incomeGrosze: 80_000, computedAt: '2026-01-01T10:00:00Z' });
    await statement(caseId, { size: 1, incomeGrosze: 65_000 }); // the latest interview counts
    const outcome = await worker().handle(jobContext('compute-income', { caseId }));
    expect(outcome).toEqual({
      kind: 'complete',
      variables: {
        householdSize: 1,
        householdIncomeGrosze: 65_000,
        applicantIncomeGrosze: 65_000,
        relativeIncomeGrosze: 0,
        relativeHouseholdSize: 1,
      },
    });
  });

  it('given a breakdown by person, then the applicant and the obliged relative household follow art. 8 ust. 3', async () => {
    const caseId = await someCase();
    await statement(caseId, {
      size: 2,
      incomeGrosze: 250_000,
      items: [
        { role: 'applicant', grossGrosze: 200_000, incomeTaxGrosze: 10_000, healthInsuranceGrosze: 15_000 },
        { role: 'member', grossGrosze: 75_000 },
        { role: 'relative', grossGrosze: 900_000, socialInsuranceGrosze: 100_000, alimonyPaidGrosze: 50_000 },
        { role: 'relative', grossGrosze: 0 },
      ],
    });
    const outcome = await worker().handle(jobContext('compute-income', { caseId, serviceKind: 'care-home' }));
    expect(outcome).toEqual({
      kind: 'complete',
      variables: {
        householdSize: 2,
        householdIncomeGrosze: 250_000,
        applicantIncomeGrosze: 175_000,
        relativeIncomeGrosze: 750_000,
        relativeHouseholdSize: 2,
      },
    });
  });

  it('given a family without the applicant’s own income, then benefits get null but a DPS placement becomes an incident', async () => {
    const caseId = await someCase();
    await statement(caseId, { size: 3, incomeGrosze: 300_000 });
    const benefits = await worker().handle(jobContext('compute-income', { caseId }));
    expect(benefits).toMatchObject({
      kind: 'complete',
      variables: { householdSize: 3, householdIncomeGrosze: 300_000, applicantIncomeGrosze: null },
    });
    const dps = await worker().handle(jobContext('compute-income', { caseId, serviceKind: 'care-home' }));
    expect(dps).toMatchObject({ kind: 'fail', retryable: false, message: expect.stringMatching(/DPS/) });
  });

  it('given no interview in the case file, then the job fails without retries with a message a person can act on', async () => {
    const caseId = await someCase();
    const outcome = await worker().handle(jobContext('compute-income', { caseId }));
    expect(outcome).toEqual({
      kind: 'fail',
      retryable: false,
      message: expect.stringMatching(
        /^Brak wywiadu z dochodem gospodarstwa w aktach sprawy TEST\..+ — uzupełnij wywiad i ponów krok\.$/,
      ),
    });
  });

  it('given wrong income data in the breakdown, then the job fails without retries naming the field', async () => {
    const caseId = await someCase();
    await statement(caseId, { size: 1, incomeGrosze: 1000, items: [{ role: 'applicant', grossGrosze: -5 }] });
    const outcome = await worker().handle(jobContext('compute-income', { caseId }));
    expect(outcome).toMatchObject({
      kind: 'fail',
      retryable: false,
      message: expect.stringMatching(/grossGrosze/),
    });
  });

  it('given the same job delivered 8 times at once and again, then the answers are equal and the case file is unchanged', async () => {
    const caseId = await someCase();
    await statement(caseId, { size: 2, incomeGrosze: 120_000 });
    const job = jobContext('compute-income', { caseId });
    const outcomes = await Promise.all(Array.from({ length: DELIVERIES }, () => worker().handle(job)));
    outcomes.push(await worker().handle(job));
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(await count('SELECT count(*) AS n FROM income_statements WHERE case_id = $1', [caseId])).toBe(1);
  });

  it('given no caseId, then the job fails without retries', async () => {
    expect(await worker().handle(jobContext('compute-income', {}))).toMatchObject({
      kind: 'fail',
      retryable: false,
    });
  });
});

describe('return-uncollected-cash worker', () => {
  const worker = () => createReturnUncollectedCashWorker({ db });

  /** A cash instalment on the list of Tuesday 2026-03-03. */
  async function cashOnList(method: 'cash' | 'transfer' = 'cash') {
    const { decisionId } = await grantedDecision(db, {
      amountGrosze: 64_600,
      from: '2026-03-01',
      to: '2026-04-30',
      method,
    });
    await scheduleInstalments(db, decisionId);
    const queued = await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-03-03' });
    return { decisionId, instalmentId: queued.instalmentId, listId: queued.batchId! };
  }

  const variables = (decisionId: string) => ({
    decisionId,
    instalment: { instalmentNo: 1, month: '2026-03', payoutAt: '2026-03-03T08:00:00+01:00' },
    collectBy: '2026-03-17T15:30:00+01:00',
  });

  async function instalmentRow(id: string) {
    const [row] = await db.query<{ status: string; batch_id: string | null; next_list_after: string | null }>(
      'SELECT status, batch_id, next_list_after::text AS next_list_after FROM payout_instalments WHERE id = $1',
      [id],
    );
    return row;
  }

  it('given uncollected cash, when the return is delivered 8 times at once and again, then it is taken off the list once and goes on a later list', async () => {
    const { decisionId, instalmentId, listId } = await cashOnList();
    const job = jobContext('return-uncollected-cash', variables(decisionId));

    const outcomes = await Promise.all(Array.from({ length: DELIVERIES }, () => worker().handle(job)));
    outcomes.push(await worker().handle(job));

    for (const outcome of outcomes) expect(outcome).toEqual({ kind: 'complete', variables: {} });
    expect(await instalmentRow(instalmentId)).toEqual({
      status: 'scheduled',
      batch_id: null,
      next_list_after: '2026-03-03',
    });
    expect(
      await count('SELECT count(*) AS n FROM payout_returns WHERE instalment_id = $1', [instalmentId]),
    ).toBe(1);
    expect(await count('SELECT count(*) AS n FROM payout_instalments WHERE batch_id = $1', [listId])).toBe(0);

    // pay-instalment runs again the same day: never the list it was taken off, the next working day's one
    const requeued = await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-03-03' });
    expect(requeued).toMatchObject({ newlyQueued: true, status: 'queued', kind: 'cash-list' });
    expect(requeued.batchId).not.toBe(listId);
    const [list] = await db.query<{ payout_date: string }>(
      'SELECT payout_date::text AS payout_date FROM payout_batches WHERE id = $1',
      [requeued.batchId],
    );
    expect(list?.payout_date).toBe('2026-03-04');

    // a late redelivery of the same return job does not take it off the new list
    expect(await worker().handle(job)).toEqual({ kind: 'complete', variables: {} });
    expect(await instalmentRow(instalmentId)).toMatchObject({ status: 'queued', batch_id: requeued.batchId });

    // the cashier of the old list cannot pay it; on the new list it is paid once
    expect(await markPaid(db, instalmentId, null, listId)).toBe(false);
    expect(await markPaid(db, instalmentId, null, requeued.batchId!)).toBe(true);
    expect(await markPaid(db, instalmentId, null, requeued.batchId!)).toBe(false);
  });

  it('given a return later than the list day, then pay-instalment uses that later day’s list', async () => {
    const { decisionId, listId } = await cashOnList();
    await worker().handle(jobContext('return-uncollected-cash', variables(decisionId)));
    const requeued = await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-03-17' });
    const [list] = await db.query<{ payout_date: string }>(
      'SELECT payout_date::text AS payout_date FROM payout_batches WHERE id = $1',
      [requeued.batchId],
    );
    expect(list?.payout_date).toBe('2026-03-17');
    expect(requeued.batchId).not.toBe(listId);
  });

  it('given it is not collected from the second list either, then a new return job takes it off that one too', async () => {
    const { decisionId, instalmentId } = await cashOnList();
    await worker().handle(jobContext('return-uncollected-cash', variables(decisionId)));
    const second = await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-03-17' });
    await worker().handle(jobContext('return-uncollected-cash', variables(decisionId)));
    expect(await instalmentRow(instalmentId)).toEqual({
      status: 'scheduled',
      batch_id: null,
      next_list_after: '2026-03-17',
    });
    expect(
      await count('SELECT count(*) AS n FROM payout_returns WHERE instalment_id = $1', [instalmentId]),
    ).toBe(2);
    expect(second.batchId).toBeTruthy();
  });

  it('given the cashier paid it just before the timer fired, then it stays paid and is never put on another list', async () => {
    const { decisionId, instalmentId } = await cashOnList();
    expect(await markPaid(db, instalmentId, null)).toBe(true);
    const outcome = await worker().handle(jobContext('return-uncollected-cash', variables(decisionId)));
    expect(outcome).toEqual({ kind: 'complete', variables: {} });
    expect(await instalmentRow(instalmentId)).toMatchObject({ status: 'paid' });
    expect(
      await count('SELECT count(*) AS n FROM payout_returns WHERE instalment_id = $1', [instalmentId]),
    ).toBe(0);
    const again = await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-03-17' });
    expect(again).toMatchObject({ status: 'paid', newlyQueued: false });
  });

  it('given a revoked decision after the return, then the returned instalment is cancelled, not paid', async () => {
    const { decisionId } = await cashOnList();
    await worker().handle(jobContext('return-uncollected-cash', variables(decisionId)));
    expect(await cancelInstalmentsFrom(db, decisionId, '2026-03')).toBe(2);
    expect((await listInstalments(db, decisionId)).map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('given a transfer instalment or an unknown one, then the job fails without retries', async () => {
    const { decisionId } = await cashOnList('transfer');
    expect(await worker().handle(jobContext('return-uncollected-cash', variables(decisionId)))).toMatchObject(
      {
        kind: 'fail',
        retryable: false,
        message: expect.stringMatching(/nie jest na liście wypłat w kasie/),
      },
    );
    expect(
      await worker().handle(
        jobContext('return-uncollected-cash', variables('00000000-0000-4000-8000-000000000003')),
      ),
    ).toMatchObject({ kind: 'fail', retryable: false, message: expect.stringMatching(/Brak raty/) });
  });
});
