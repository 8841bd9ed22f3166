import { registerCase } from '../../src/cases/case-registry';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createPgDatabase } from '../../src/db/pg-database';
import { createLogger } from '../../src/logger';
import { createAttachToCaseWorker } from '../../workers/attach-to-case';
import { createCheckDuplicateClientWorker } from '../../workers/check-duplicate-client';
import { createIssueCertificateWorker } from '../../workers/issue-certificate';
import { DELIVERIES, insertIntake, jobContext, randomPesel } from './job-context';
import { TEST_DATABASE_URL } from './test-config';

/**
 * The first-contact workers over the real case file: recognising a person, attaching a new application to their
 * open case, issuing or refusing a certificate — each delivered once, twice, and eight times at once.
 */
let db: Database;
const NOW = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  db = createPgDatabase(TEST_DATABASE_URL);
  await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }));
});

afterAll(() => db.close());

/** A client with a case opened from their first intake (as register-case does it). */
async function clientWithCase(person: { pesel?: string; documentNumber?: string }) {
  const intakeId = await insertIntake(db, person);
  const registered = await registerCase(db, {
    intakeId,
    processInstanceKey: `pi-${intakeId}`,
    pattern: 'TEST.5011.{n}.{yyyy}',
    now: NOW,
  });
  const [kase] = await db.query<{ client_id: string }>('SELECT client_id FROM cases WHERE id = $1', [
    registered!.caseId,
  ]);
  return {
    caseId: registered!.caseId,
    caseNumber: registered!.caseNumber,
    clientId: String(kase?.client_id),
  };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: string }>(sql, params);
  return Number(row?.n);
}

describe('check-duplicate-client worker', () => {
  const worker = () => createCheckDuplicateClientWorker({ db });

  it('given a PESEL nobody in the register has, then there is no client and no open case', async () => {
    const intakeId = await insertIntake(db, { pesel: randomPesel() });
    const outcome = await worker().handle(jobContext('check-duplicate-client', { intakeId }));
    expect(outcome).toEqual({ kind: 'complete', variables: { clientId: null, openCaseId: null } });
  });

  it('given a client with an open case, when they come again, then the newest open case is found by PESEL', async () => {
    const pesel = randomPesel();
    const older = await clientWithCase({ pesel });
    const newer = await clientWithCase({ pesel });
    await db.query(`UPDATE cases SET created_at = now() - interval '1 day' WHERE id = $1`, [older.caseId]);
    const closed = await clientWithCase({ pesel });
    await db.query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE id = $1`, [closed.caseId]);
    expect(newer.clientId).toBe(older.clientId);

    const intakeId = await insertIntake(db, { pesel });
    const outcome = await worker().handle(jobContext('check-duplicate-client', { intakeId }));
    expect(outcome).toEqual({
      kind: 'complete',
      variables: { clientId: older.clientId, openCaseId: newer.caseId },
    });
  });

  it('given no PESEL, then the person is recognised by the identity document number (spaces, case ignored)', async () => {
    const number = `ABC${String(Date.now()).slice(-6)}`;
    const known = await clientWithCase({ documentNumber: number });
    const intakeId = await insertIntake(db, {
      documentNumber: ` ${number.slice(0, 3).toLowerCase()} ${number.slice(3)}`,
    });
    const outcome = await worker().handle(jobContext('check-duplicate-client', { intakeId }));
    expect(outcome).toEqual({
      kind: 'complete',
      variables: { clientId: known.clientId, openCaseId: known.caseId },
    });
  });

  it('given a client whose cases are all closed, then the client is found but there is no open case', async () => {
    const pesel = randomPesel();
    const closed = await clientWithCase({ pesel });
    await db.query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE id = $1`, [closed.caseId]);
    const intakeId = await insertIntake(db, { pesel });
    const outcome = await worker().handle(jobContext('check-duplicate-client', { intakeId }));
    expect(outcome).toEqual({ kind: 'complete', variables: { clientId: closed.clientId, openCaseId: null } });
  });

  it('given the same job delivered 8 times at once and again, then every answer is the same and nothing is written', async () => {
    const pesel = randomPesel();
    const known = await clientWithCase({ pesel });
    const intakeId = await insertIntake(db, { pesel });
    const before = await count('SELECT count(*) AS n FROM clients', []);
    const job = jobContext('check-duplicate-client', { intakeId });
    const outcomes = await Promise.all(Array.from({ length: DELIVERIES }, () => worker().handle(job)));
    outcomes.push(await worker().handle(job));
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(outcomes[0]).toEqual({
      kind: 'complete',
      variables: { clientId: known.clientId, openCaseId: known.caseId },
    });
    expect(await count('SELECT count(*) AS n FROM clients', [])).toBe(before);
  });

  it('given an intake that is not in the case file, then the job fails without retries', async () => {
    const outcome = await worker().handle(
      jobContext('check-duplicate-client', { intakeId: '00000000-0000-4000-8000-000000000001' }),
    );
    expect(outcome).toMatchObject({
      kind: 'fail',
      retryable: false,
      message: expect.stringMatching(/Nie ma w aktach/),
    });
  });
});

describe('attach-to-case worker', () => {
  const worker = () => createAttachToCaseWorker({ db, now: () => NOW });

  it('given a new application of a client with an open case, then it is attached once, even when delivered 8 times at once and again', async () => {
    const pesel = randomPesel();
    const open = await clientWithCase({ pesel });
    const intakeId = await insertIntake(db, { pesel, need: 'zasiłek celowy na opał' });
    const job = jobContext('attach-to-case', { intakeId, openCaseId: open.caseId });

    const outcomes = await Promise.all(Array.from({ length: DELIVERIES }, () => worker().handle(job)));
    outcomes.push(await worker().handle(job));

    for (const outcome of outcomes)
      expect(outcome).toEqual({
        kind: 'complete',
        variables: { caseId: open.caseId, caseNumber: open.caseNumber },
      });
    const [intake] = await db.query<{ attached_case_id: string }>(
      'SELECT attached_case_id FROM intakes WHERE id = $1',
      [intakeId],
    );
    expect(intake?.attached_case_id).toBe(open.caseId);
    expect(
      await count(`SELECT count(*) AS n FROM notes WHERE case_id = $1 AND body LIKE '%' || $2 || '%'`, [
        open.caseId,
        intakeId,
      ]),
    ).toBe(1);
  });

  it('given the case was closed before attaching, then the job fails without retries and nothing is attached', async () => {
    const pesel = randomPesel();
    const open = await clientWithCase({ pesel });
    await db.query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE id = $1`, [open.caseId]);
    const intakeId = await insertIntake(db, { pesel });
    const outcome = await worker().handle(
      jobContext('attach-to-case', { intakeId, openCaseId: open.caseId }),
    );
    expect(outcome).toMatchObject({
      kind: 'fail',
      retryable: false,
      message: expect.stringMatching(/zamknięta/),
    });
    expect(
      await count('SELECT count(*) AS n FROM intakes WHERE id = $1 AND attached_case_id IS NOT NULL', [
        intakeId,
      ]),
    ).toBe(0);
  });

  it("given the case of another person, then the job fails without retries (no one's application lands in someone else's file)", async () => {
    const someoneElse = await clientWithCase({ pesel: randomPesel() });
    const intakeId = await insertIntake(db, { pesel: randomPesel() });
    const outcome = await worker().handle(
      jobContext('attach-to-case', { intakeId, openCaseId: someoneElse.caseId }),
    );
    expect(outcome).toMatchObject({
      kind: 'fail',
      retryable: false,
      message: expect.stringMatching(/nie jest stroną/),
    });
    expect(await count('SELECT count(*) AS n FROM notes WHERE case_id = $1', [someoneElse.caseId])).toBe(0);
  });

  it('given no openCaseId, then the job fails without retries', async () => {
    const intakeId = await insertIntake(db, { pesel: randomPesel() });
    const outcome = await worker().handle(jobContext('attach-to-case', { intakeId, openCaseId: null }));
    expect(outcome).toMatchObject({ kind: 'fail', retryable: false });
  });
});

describe('issue-certificate worker', () => {
  const worker = () => createIssueCertificateWorker({ db, now: () => NOW });

  it('given a client, when the job is delivered 8 times at once and again, then one certificate with one number and one PDF is issued', async () => {
    const pesel = randomPesel();
    const known = await clientWithCase({ pesel });
    const intakeId = await insertIntake(db, { pesel, need: 'zaświadczenie o korzystaniu z pomocy' });
    const job = jobContext('issue-certificate', { intakeId });
    const [counterBefore] = await db.query<{ last_value: number }>(
      `SELECT last_value FROM case_number_counters WHERE symbol = 'MOPS.ZAS.' AND year = 2026`,
    );

    const outcomes = await Promise.all(Array.from({ length: DELIVERIES }, () => worker().handle(job)));
    outcomes.push(await worker().handle(job));

    const numbers = new Set(
      outcomes.map((o) => (o.kind === 'complete' ? String(o.variables.certificateNumber) : o.kind)),
    );
    expect(numbers.size).toBe(1);
    const [number] = [...numbers];
    expect(number).toMatch(/^MOPS\.ZAS\.\d+\.2026$/);
    const [counterAfter] = await db.query<{ last_value: number }>(
      `SELECT last_value FROM case_number_counters WHERE symbol = 'MOPS.ZAS.' AND year = 2026`,
    );
    expect(Number(counterAfter?.last_value)).toBe(Number(counterBefore?.last_value ?? 0) + 1);
    const docs = await db.query<{ case_id: string; kind: string; media_type: string; content: Buffer }>(
      `SELECT d.case_id, d.kind, d.media_type, d.content FROM certificates c JOIN documents d ON d.id = c.document_id
        WHERE c.intake_id = $1`,
      [intakeId],
    );
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      case_id: known.caseId,
      kind: 'certificate',
      media_type: 'application/pdf',
    });
    expect(docs[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      await count(`SELECT count(*) AS n FROM documents WHERE kind = 'certificate' AND case_id = $1`, [
        known.caseId,
      ]),
    ).toBe(1);
  });

  it('given a person who is not a client, then the refusal is a postanowienie (BPMN error certificate-refused), recorded once', async () => {
    const intakeId = await insertIntake(db, { pesel: randomPesel() });
    const job = jobContext('issue-certificate', { intakeId });

    const outcomes = await Promise.all(Array.from({ length: DELIVERIES }, () => worker().handle(job)));
    outcomes.push(await worker().handle(job));

    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(outcomes[0]).toMatchObject({
      kind: 'bpmn-error',
      errorCode: 'certificate-refused',
      message: expect.stringMatching(/nie figuruje w ewidencji/),
    });
    const rows = await db.query<{ outcome: string; refusal_code: string; number: string; kind: string }>(
      `SELECT c.outcome, c.refusal_code, c.number, d.kind FROM certificates c JOIN documents d ON d.id = c.document_id
        WHERE c.intake_id = $1`,
      [intakeId],
    );
    expect(rows).toEqual([
      {
        outcome: 'refused',
        refusal_code: 'not-a-client',
        number: expect.stringMatching(/^MOPS\.ZAS\./),
        kind: 'certificate-refusal',
      },
    ]);
  });

  it('given neither PESEL nor document number, then the certificate is refused: the person cannot be identified', async () => {
    const intakeId = await insertIntake(db, {});
    const outcome = await worker().handle(jobContext('issue-certificate', { intakeId }));
    expect(outcome).toMatchObject({ kind: 'bpmn-error', errorCode: 'certificate-refused' });
    const [row] = await db.query<{ refusal_code: string }>(
      'SELECT refusal_code FROM certificates WHERE intake_id = $1',
      [intakeId],
    );
    expect(row?.refusal_code).toBe('not-identified');
  });

  it('given a refusal, when the person becomes a client before a redelivery, then the redelivery keeps the first outcome', async () => {
    const pesel = randomPesel();
    const intakeId = await insertIntake(db, { pesel });
    const job = jobContext('issue-certificate', { intakeId });
    const first = await worker().handle(job);
    await clientWithCase({ pesel });
    expect(await worker().handle(job)).toEqual(first);
  });

  it('given an intake that is not in the case file, then the job fails without retries', async () => {
    const outcome = await worker().handle(
      jobContext('issue-certificate', { intakeId: '00000000-0000-4000-8000-000000000002' }),
    );
    expect(outcome).toMatchObject({ kind: 'fail', retryable: false });
  });
});
