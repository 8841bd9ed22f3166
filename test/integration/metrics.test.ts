import type { Runtime } from '../../src/runtime';
import { eventually } from './http-client';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

const TOKEN = 'metryki-testowe-0123456789';

/**
 * /metrics for operators (issue 12, item 10): Prometheus text with the workers' handled-task counter (it rises when
 * the real register-case worker completes a task of a case started at first contact), tasks open per role, feed
 * lag and HTTP latency by route pattern; with METRICS_TOKEN set, a caller without it is refused.
 */
describe('/metrics (real engine, workers and PostgreSQL)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  const previousToken = process.env.METRICS_TOKEN;

  beforeAll(async () => {
    process.env.METRICS_TOKEN = TOKEN;
    ({ runtime, clock } = await startTestRuntime());
  });

  afterAll(async () => {
    if (previousToken === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = previousToken;
    await clock.resetAfterStop();
  });

  const scrape = async (authorization?: string) => {
    const res = await fetch(`${runtime.url}/metrics`, {
      headers: authorization ? { authorization } : {},
    });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const sample = (text: string, name: string, labels: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };

  it('refuses a caller without the token or with a wrong one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.text).not.toContain('mops_external_tasks_handled_total');
    expect((await scrape('Bearer zly-token-zly-token-zly')).status).toBe(401);
  });

  it('counts a task the register-case worker completes, with its duration, and the open tasks per role', async () => {
    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    const topic = 'topic="register-case",outcome="complete"';
    const handledBefore = sample(before.text, 'mops_external_tasks_handled_total', topic);
    const countBefore = sample(before.text, 'mops_external_task_duration_seconds_count', topic);

    const clerk = await loginAs(runtime, 'pk-metryki', ['first-contact']);
    const started = await clerk.request('POST', '/api/first-contact', {
      outcome: 'application',
      firstName: 'Ewa',
      lastName: 'Metryczna',
      need: 'Pomoc w opłatach za mieszkanie',
      needKind: 'financial',
      reason: 'poverty',
    });
    expect(started.status).toBe(201);
    const intakeId = (started.body as { intakeId: string }).intakeId;

    const after = await eventually(
      async () => {
        const res = await scrape(`Bearer ${TOKEN}`);
        return sample(res.text, 'mops_external_tasks_handled_total', topic) > handledBefore ? res : undefined;
      },
      'licznik register-case',
      30_000,
    );
    expect(sample(after.text, 'mops_external_tasks_handled_total', topic)).toBe(handledBefore + 1);
    expect(sample(after.text, 'mops_external_task_duration_seconds_count', topic)).toBe(countBefore + 1);
    // the art. 7 reason of first contact is kept in the case file for the reports
    const [intake] = await runtime.db.query<{ aid_reason: string }>(
      'SELECT aid_reason FROM intakes WHERE id = $1',
      [intakeId],
    );
    expect(intake?.aid_reason).toBe('poverty');

    // open tasks per role equal the projection's count (read while it holds still: other files' instances may still
    // be moving in the shared engine, so a scrape between two equal counts)
    const openBenefits = async () =>
      Number(
        (
          await runtime.db.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM user_tasks WHERE state = 'CREATED' AND 'benefits' = ANY(candidate_groups)`,
          )
        )[0]?.n ?? 0,
      );
    const { scraped, open } = await eventually(async () => {
      const before = await openBenefits();
      const text = (await scrape(`Bearer ${TOKEN}`)).text;
      return before === (await openBenefits()) ? { scraped: { text }, open: before } : undefined;
    }, 'stała liczba otwartych zadań');
    expect(sample(scraped.text, 'mops_user_tasks_open', 'role="benefits"')).toBe(open);
    // the feed has applied events: its lag is a number of seconds
    expect(scraped.text).toMatch(/^mops_engine_feed_newest_event_age_seconds \d+(\.\d+)?(e[+-]\d+)?$/m);
    expect(scraped.text).toMatch(/^mops_engine_commands_pending \d+$/m);
  });

  it('labels HTTP latency by the route pattern, never by the raw path', async () => {
    const analyst = await loginAs(runtime, 'analityk-metryki', ['analysts']);
    await analyst.request('GET', '/api/reports/payout-register?month=2091-01');
    await analyst.request('GET', '/api/reports/payout-register?month=2091-02');
    await analyst.request('GET', '/sprawy/00000000-0000-4000-8000-000000000000');
    const { text } = await scrape(`Bearer ${TOKEN}`);
    expect(
      sample(
        text,
        'mops_http_request_duration_seconds_count',
        'method="GET",route="/api/reports/payout-register",status_code="200"',
      ),
    ).toBe(2);
    expect(text).toContain('route="/sprawy/:id"');
    expect(text).not.toContain('route="/sprawy/00000000');
  });
});
