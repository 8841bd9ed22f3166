import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../src/db/migrate';
import { createPgDatabase } from '../src/db/pg-database';
import { parseReportMonth, parseReportPeriod } from '../src/domain/reports/report-period';
import { createLogger } from '../src/logger';
import { loadBenefitReport, loadPayoutRegister } from '../src/reports/report-data';

/**
 * The reports over a busy ledger: seeds a scratch PostgreSQL database with CASES granted cases (six monthly
 * instalments each, all paid in the first half of 2026, half the households with an interview, reasons at first
 * contact) and times loadBenefitReport (MRPiPS-03, the half-year) and loadPayoutRegister (one month) — the same
 * functions the pages use. Prints p50/p95 and the totals (which equal the seeded ledger by construction).
 *   npm run bench:reports   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/mops_reports_bench)
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mops_reports_bench';
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function main(): Promise<void> {
  await recreate(URL);
  const db = createPgDatabase(URL);
  await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production', LOG_FORMAT: 'json' }));
  const started = performance.now();
  await db.exec(seedSql(CASES));
  await db.query('ANALYZE');
  const [ledger] = await db.query<{ n: string; total: string }>(
    `SELECT count(*)::text AS n, SUM(amount_grosze)::text AS total FROM payout_instalments WHERE status = 'paid'`,
  );
  console.log(
    `seeded ${CASES} cases, ${ledger?.n} paid instalments (${ledger?.total} gr) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const period = parseReportPeriod('2026-H1');
  const month = parseReportMonth('2026-03');
  const report = await time('MRPiPS-03, 2026-H1', () => loadBenefitReport(db, period));
  console.log(
    `  total: ${report.total.benefits} benefits, ${report.total.amountGrosze} gr, ${report.total.persons} persons`,
  );
  const register = await time('payouts register, 2026-03', () => loadPayoutRegister(db, month));
  console.log(`  total: ${register.count} rows, ${register.totalGrosze} gr`);
  await db.close();
}

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const samples: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(0);
  console.log(`${label.padEnd(30)} p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   (${RUNS} runs)`);
  return result!;
}

function seedSql(n: number): string {
  return `
INSERT INTO clients (id, first_name, last_name)
  SELECT md5('client' || i)::uuid, 'Imię' || i, 'Nazwisko' || i FROM generate_series(1, ${n}) i;
INSERT INTO intakes (id, user_task_key, first_name, last_name, need, aid_reason)
  SELECT md5('intake' || i)::uuid, 'bench-' || i, 'Imię' || i, 'Nazwisko' || i, 'pomoc',
         (ARRAY['poverty','unemployment','disability','long-term-illness', NULL])[1 + i % 5]
    FROM generate_series(1, ${n}) i;
INSERT INTO cases (id, case_number, client_id, intake_id, process_instance_key, need)
  SELECT md5('case' || i)::uuid, 'BENCH.' || i || '.2026', md5('client' || i)::uuid, md5('intake' || i)::uuid,
         'bench-' || i, 'pomoc' FROM generate_series(1, ${n}) i;
INSERT INTO income_statements (case_id, income_month, household_size, household_income_grosze, income_per_person_grosze)
  SELECT md5('case' || i)::uuid, '2025-12', 1 + i % 5, 0, 0 FROM generate_series(1, ${n}) i WHERE i % 2 = 0;
INSERT INTO assistance_plans (id, case_id, benefit_type, payout_method, amount_grosze, period_from, period_to, social_contract)
  SELECT md5('plan' || i)::uuid, md5('case' || i)::uuid,
         (ARRAY['zasilek-okresowy','zasilek-staly','zasilek-celowy'])[1 + i % 3],
         (ARRAY['cash','transfer'])[1 + i % 2], 10000 + i % 90000, '2026-01-01', '2026-06-30', i % 10 = 0
    FROM generate_series(1, ${n}) i;
INSERT INTO decisions (id, case_id, plan_id, outcome, legal_basis, ruling, justification_facts, justification_law,
                       appeal_instruction, status, issued_on)
  SELECT md5('decision' || i)::uuid, md5('case' || i)::uuid, md5('plan' || i)::uuid, 'grant', 'art. 38', 'przyznać',
         'fakty', 'prawo', 'pouczenie', 'final', '2026-01-02' FROM generate_series(1, ${n}) i;
INSERT INTO payout_instalments (decision_id, instalment_no, month, amount_grosze, method, status, paid_at)
  SELECT md5('decision' || i)::uuid, m, '2026-0' || m, 10000 + i % 90000, (ARRAY['cash','transfer'])[1 + i % 2],
         'paid', ('2026-0' || m || '-10T09:00:00Z')::timestamptz + (i % 15) * interval '1 day'
    FROM generate_series(1, ${n}) i, generate_series(1, 6) m;`;
}

async function recreate(url: string): Promise<void> {
  const target = new globalThis.URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`nazwa bazy benchmarku: ${name}`);
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
