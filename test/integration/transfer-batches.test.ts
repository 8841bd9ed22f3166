import { createHash } from 'node:crypto';
import { warsawDate } from '../../src/domain/calendar-date';
import { listInstalments, queueInstalment, scheduleInstalments } from '../../src/payouts/ledger';
import type { Runtime } from '../../src/runtime';
import { grantedDecision, teamWorkedOnCase } from './case-file-fixtures';
import { eventually, type TestClient } from './http-client';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

const ACCOUNT_A = '61109010140000071219812874';
const ACCOUNT_B = '27114020040000300201355387';

/** A payout day of its own (far ahead, random), so no other test's instalment shares its batches. */
function ownPayoutDay(): string {
  const day = new Date(Date.UTC(2040 + Math.floor(Math.random() * 50), 0, 10));
  return day.toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from `day`, moved by `days` (YYYY-MM-DD). */
function monthStart(day: string, offset: number, days = 0): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + offset, 1 + days)).toISOString().slice(0, 10);
}

interface Batch {
  id: string;
  label: string;
  status: string;
  payoutDate: string;
  count: number;
  totalGrosze: number;
}

/**
 * Bank transfer batches have a lifecycle (issue 10, Money 3): open → exported (frozen: the same bytes on every
 * download, hashed and recorded) → sent → each line confirmed or rejected; a late instalment goes to a new batch; a
 * rejected line sends the instalment back to correction in the real payout process; the account is frozen at
 * approval and changes only with a second person.
 */
describe('bank transfer batches (real engine and PostgreSQL)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let realisation: TestClient;
  let cashier: TestClient;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    realisation = await loginAs(runtime, 'realizacja-paczki', ['services-admin']);
    cashier = await loginAs(runtime, 'kasjer-paczki', ['cashiers']);
  });

  afterAll(() => clock.resetAfterStop());

  async function batchesOn(day: string): Promise<Batch[]> {
    const res = await realisation.request('GET', '/api/payout-batches');
    return (res.body as { items: Batch[] }).items.filter(
      (b) => b.payoutDate === day && b.label.includes('/P'),
    );
  }

  async function download(batchId: string, format: 'elixir' | 'csv') {
    const res = await fetch(`${runtime.url}/api/payout-batches/${batchId}/${format}`, {
      headers: realisation.headers(),
    });
    return {
      status: res.status,
      digest: res.headers.get('content-digest'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  it('freezes an exported batch: byte-identical downloads with the recorded hash, a late instalment in a new batch', async () => {
    const day = ownPayoutDay();
    const a = await grantedDecision(runtime.db, {
      amountGrosze: 61_000,
      from: `${day.slice(0, 7)}-01`,
      to: `${day.slice(0, 7)}-28`,
      method: 'transfer',
      account: ACCOUNT_A,
    });
    const b = await grantedDecision(runtime.db, {
      amountGrosze: 42_050,
      from: `${day.slice(0, 7)}-01`,
      to: `${day.slice(0, 7)}-28`,
      method: 'transfer',
      account: ACCOUNT_B,
    });
    await scheduleInstalments(runtime.db, a.decisionId);
    await scheduleInstalments(runtime.db, b.decisionId);
    const first = await queueInstalment(runtime.db, {
      decisionId: a.decisionId,
      instalmentNo: 1,
      payoutDate: day,
    });
    const [open] = await batchesOn(day);
    expect(open).toMatchObject({
      id: first.batchId,
      status: 'open',
      count: 1,
      totalGrosze: 61_000,
      label: `${day}/P`,
    });

    // an open batch has no file yet: the bank gets only a frozen one
    expect((await download(first.batchId!, 'elixir')).status).toBe(409);
    // the cashier sees the lists, but a transfer batch is run by the realisation team
    expect((await cashier.request('POST', `/api/payout-batches/${first.batchId}/export`)).status).toBe(403);

    const exported = await realisation.request('POST', `/api/payout-batches/${first.batchId}/export`);
    expect(exported.status).toBe(200);
    const body = exported.body as {
      status: string;
      lineCount: number;
      totalGrosze: number;
      newlyExported: boolean;
      files: { format: string; sha256: string }[];
    };
    expect(body).toMatchObject({
      status: 'exported',
      lineCount: 1,
      totalGrosze: 61_000,
      newlyExported: true,
    });
    const elixirHash = body.files.find((f) => f.format === 'elixir')!.sha256;

    const once = await download(first.batchId!, 'elixir');
    const twice = await download(first.batchId!, 'elixir');
    expect(once.status).toBe(200);
    expect(twice.bytes.equals(once.bytes)).toBe(true);
    expect(createHash('sha256').update(once.bytes).digest('hex')).toBe(elixirHash);
    expect(once.digest).toBe(`sha-256=:${Buffer.from(elixirHash, 'hex').toString('base64')}:`);
    expect(once.bytes.toString('latin1')).toContain(ACCOUNT_A);
    const reads = await runtime.db.query<{ details: { format: string; sha256: string } }>(
      `SELECT details FROM audit_log WHERE action = 'payout-file-read' AND entity_id = $1 ORDER BY id`,
      [first.batchId],
    );
    expect(reads.map((r) => r.details)).toEqual([
      { format: 'elixir', sha256: elixirHash },
      { format: 'elixir', sha256: elixirHash },
    ]);

    // a late instalment of the same day opens the day's next batch; the exported one keeps its single line
    const late = await queueInstalment(runtime.db, {
      decisionId: b.decisionId,
      instalmentNo: 1,
      payoutDate: day,
    });
    expect(late.batchId).not.toBe(first.batchId);
    const batches = await batchesOn(day);
    expect(batches.map((x) => [x.label, x.status, x.count, x.totalGrosze])).toEqual([
      [`${day}/P/2`, 'open', 1, 42_050],
      [`${day}/P`, 'exported', 1, 61_000],
    ]);
    expect((await download(first.batchId!, 'elixir')).bytes.equals(once.bytes)).toBe(true);
    // exporting again answers what was frozen
    const again = await realisation.request('POST', `/api/payout-batches/${first.batchId}/export`);
    expect(again.body).toMatchObject({ newlyExported: false, lineCount: 1, files: body.files });

    // sent, then the bank's statement: the line is confirmed once, the instalment paid, the batch settled
    const settle = (result: string, reason?: string) =>
      realisation.request(
        'POST',
        `/api/payout-batches/${first.batchId}/lines/${first.instalmentId}/settlement`,
        {
          result,
          reason,
        },
      );
    expect((await settle('confirmed')).status).toBe(409);
    expect((await realisation.request('POST', `/api/payout-batches/${first.batchId}/sent`)).body).toEqual({
      status: 'sent',
    });
    expect(await settle('rejected')).toMatchObject({ status: 400, body: { error: { field: 'reason' } } });
    expect(await settle('confirmed')).toMatchObject({
      status: 200,
      body: { status: 'confirmed', batchStatus: 'settled', newlySettled: true },
    });
    expect((await settle('confirmed')).body).toMatchObject({ newlySettled: false });
    expect((await settle('rejected', 'rachunek zamknięty')).status).toBe(409);
    expect((await listInstalments(runtime.db, a.decisionId)).map((i) => i.status)).toEqual(['paid']);
  });

  it('changes an account only with a second person, and the frozen account follows the approval', async () => {
    const today = warsawDate(clock.now());
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 30_000,
      from: today,
      to: today,
      method: 'transfer',
      account: ACCOUNT_A,
    });
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'services-admin', clock.now());
    const both = await loginAs(runtime, 'swiadczenia-i-realizacja', ['benefits', 'services-admin']);
    const manager = await loginAs(runtime, 'kierownik-rachunki', ['managers']);

    expect(
      await both.request('POST', `/api/cases/${fixture.caseId}/account-changes`, {
        newAccount: '27 1140 2004 0000 3002 0135 5388',
        reason: 'Pismo klienta z 1 grudnia',
      }),
    ).toMatchObject({ status: 400, body: { error: { field: 'newAccount' } } });
    const filed = await both.request('POST', `/api/cases/${fixture.caseId}/account-changes`, {
      newAccount: '27 1140 2004 0000 3002 0135 5387',
      reason: 'Pismo klienta z 1 grudnia',
    });
    expect(filed).toMatchObject({ status: 201, body: { status: 'pending', newAccount: ACCOUNT_B } });
    const changeId = (filed.body as { id: string }).id;

    // the person who filed it cannot approve it, whatever roles they hold — and the database refuses it too
    expect(
      (await both.request('POST', `/api/account-changes/${changeId}/decision`, { approve: true })).status,
    ).toBe(403);
    await expect(
      runtime.db.query(
        `UPDATE account_changes SET status = 'approved', decided_by = requested_by, decided_at = now() WHERE id = $1`,
        [changeId],
      ),
    ).rejects.toThrow(/account_changes_check/);
    const [before] = await runtime.db.query<{ payout_account: string }>(
      'SELECT payout_account FROM decisions WHERE id = $1',
      [fixture.decisionId],
    );
    expect(before?.payout_account).toBe(ACCOUNT_A);

    expect(
      await manager.request('POST', `/api/account-changes/${changeId}/decision`, { approve: true }),
    ).toMatchObject({ status: 200, body: { status: 'approved', decidedByName: 'kierownik-rachunki' } });
    const [after] = await runtime.db.query<{ payout_account: string; bank_account: string }>(
      `SELECT d.payout_account, cl.bank_account FROM decisions d JOIN cases c ON c.id = d.case_id
         JOIN clients cl ON cl.id = c.client_id WHERE d.id = $1`,
      [fixture.decisionId],
    );
    expect(after).toEqual({ payout_account: ACCOUNT_B, bank_account: ACCOUNT_B });
    const audit = await runtime.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'account-change' AND entity_id = $1 ORDER BY id`,
      [changeId],
    );
    expect(audit.map((r) => r.action)).toEqual(['account-change-requested', 'account-change-approved']);
  });

  it('a line the bank rejects sends the instalment back to correction, into a new batch, then it is paid once', async () => {
    const today = warsawDate(clock.now());
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 55_500,
      // one instalment, for last month: due at once
      from: monthStart(today, -1),
      to: monthStart(today, 0, -1),
      method: 'transfer',
      account: ACCOUNT_A,
    });
    const payout = await runtime.engine.startProcess({
      processKey: 'mops-payout',
      variables: { caseId: fixture.caseId, decisionId: fixture.decisionId },
    });
    // the payout stands for the case's process here (in the app it is a call activity under it)
    await runtime.db.query('UPDATE cases SET process_instance_key = $2 WHERE id = $1', [
      fixture.caseId,
      payout.processInstanceId,
    ]);
    const queuedIn = async (notBatch?: string) =>
      eventually(
        async () => {
          const [row] = await runtime.db.query<{ id: string; batch_id: string }>(
            `SELECT id, batch_id FROM payout_instalments WHERE decision_id = $1 AND instalment_no = 1 AND status = 'queued'
                AND batch_id IS DISTINCT FROM $2::uuid`,
            [fixture.decisionId, notBatch ?? null],
          );
          return row;
        },
        'rata w paczce przelewów',
        60_000,
      );
    const waiting = (times: number) =>
      eventually(async () => {
        const [row] = await runtime.db.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM engine_events WHERE process_instance_id = $1 AND type = 'activity-started'
              AND element_id = 'await-transfer-settlement'`,
          [payout.processInstanceId],
        );
        return Number(row?.n) >= times ? true : undefined;
      }, `oczekiwanie na bank ×${times}`);

    const first = await queuedIn();
    await waiting(1);
    expect((await realisation.request('POST', `/api/payout-batches/${first.batch_id}/export`)).status).toBe(
      200,
    );
    await realisation.request('POST', `/api/payout-batches/${first.batch_id}/sent`);
    expect(
      await realisation.request(
        'POST',
        `/api/payout-batches/${first.batch_id}/lines/${first.id}/settlement`,
        {
          result: 'rejected',
          reason: 'Rachunek odbiorcy zamknięty',
        },
      ),
    ).toMatchObject({ status: 200, body: { status: 'rejected', newlySettled: true } });

    // the process takes the bank's answer: the correction task for the realisation team
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'services-admin', clock.now());
    const task = await eventually(async () => {
      const res = await realisation.request('GET', '/api/tasks?group=services-admin&pageSize=200');
      return (
        res.body as { items: { userTaskKey: string; elementId: string; processInstanceKey: string }[] }
      ).items.find(
        (t) => t.elementId === 'correct-payout-details' && t.processInstanceKey === payout.processInstanceId,
      );
    }, 'zadanie korekty danych wypłaty');
    expect((await realisation.request('POST', `/api/tasks/${task.userTaskKey}/claim`)).status).toBe(204);
    expect(
      await realisation.request('POST', `/api/tasks/${task.userTaskKey}/complete`, {
        payoutMethod: 'transfer',
        correctionNote: 'Bank potwierdził rachunek, ponowny przelew',
      }),
    ).toMatchObject({ status: 204 });

    // queued again, never into the exported batch; this time the bank confirms it
    const second = await queuedIn(first.batch_id);
    await waiting(2);
    await realisation.request('POST', `/api/payout-batches/${second.batch_id}/export`);
    await realisation.request('POST', `/api/payout-batches/${second.batch_id}/sent`);
    expect(
      await realisation.request(
        'POST',
        `/api/payout-batches/${second.batch_id}/lines/${second.id}/settlement`,
        {
          result: 'confirmed',
        },
      ),
    ).toMatchObject({ status: 200, body: { status: 'confirmed' } });
    const state = await eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [payout.processInstanceId],
      );
      return row && row.state !== 'ACTIVE' ? row.state : undefined;
    }, 'koniec wypłaty');
    expect(state).toBe('COMPLETED');
    const [instalment] = await runtime.db.query<{ status: string; batch_id: string }>(
      'SELECT status, batch_id FROM payout_instalments WHERE id = $1',
      [first.id],
    );
    expect(instalment).toEqual({ status: 'paid', batch_id: second.batch_id });
    const lines = await runtime.db.query<{ batch_id: string; status: string }>(
      'SELECT batch_id, status FROM payout_batch_lines WHERE instalment_id = $1 ORDER BY settled_at',
      [first.id],
    );
    expect(lines).toEqual([
      { batch_id: first.batch_id, status: 'rejected' },
      { batch_id: second.batch_id, status: 'confirmed' },
    ]);
  });
});
