import { CASE_PROCESS_ID } from '../first-contact/first-contact';
import {
  applyForBenefit,
  draftDecision,
  HOUSEHOLDS,
  interview,
  workingDaysAgo,
  type DemoHousehold,
} from './demo-benefits';
import type { DemoDriver } from './demo-driver';
import type { DemoPerson } from './demo-people';

export interface ScenarioRun {
  driver: DemoDriver;
  person: DemoPerson;
  /** The case's number within its scenario (0, 1, …): varies the dates, households and people. */
  n: number;
  /** The person of another demo case (scenario id, number within it). */
  personOf: (scenarioId: string, n: number) => DemoPerson;
}

/**
 * One kind of demo case: how many, the stage it is driven to (what the monitoring pages should show it as), and
 * how. `run` returns the case's root process instance (or `visit:<id>` for a visit that ends at the desk).
 */
export interface DemoScenario {
  id: string;
  stage: string;
  count: number;
  run(run: ScenarioRun): Promise<string>;
}

/** Benefits workers the cases are spread over. */
const OFFICERS = ['demo-benefits', 'demo-benefits-2', 'demo-benefits-3'];
const officer = (n: number) => OFFICERS[n % OFFICERS.length]!;
const household = (n: number): DemoHousehold => HOUSEHOLDS[n % HOUSEHOLDS.length]!;
/** A demo bank account (valid NRB check digits, bank 1090, invented number). */
export const DEMO_ACCOUNT = '61 1090 1014 0000 0712 1981 2874';

/** A benefits case up to a drafted decision (interview done a couple of working days after the application). */
async function upToDraft(
  { driver, person, n }: ScenarioRun,
  daysAgo: number,
  draft: Parameters<typeof draftDecision>[4] = {},
): Promise<string> {
  const at = workingDaysAgo(driver, daysAgo);
  const root = await applyForBenefit(driver, person, { at });
  await interview(driver, root, officer(n), at, household(n));
  await draftDecision(driver, root, officer(n), household(n), draft);
  return root;
}

/** The advice of delivery comes back (recorded by the office once the decision process waits for it). */
async function delivered(driver: DemoDriver, root: string, decisionId: string, on: string): Promise<void> {
  await driver.reached(root, 'delivery-gateway');
  await driver.decisionEvent('demo-first-contact', decisionId, { kind: 'delivered', deliveredOn: on });
}

/** … approved by the manager (four eyes) and issued and dispatched by the workers. */
async function upToDispatch(
  run: ScenarioRun,
  daysAgo: number,
  draft: Parameters<typeof draftDecision>[4] = {},
): Promise<{ root: string; decisionId: string; dispatchedOn: string }> {
  const root = await upToDraft(run, daysAgo, draft);
  await run.driver.complete('demo-managers', root, 'approve-decision', { approve: 'yes' });
  const decision = await run.driver.decision(root, 'd.dispatched_on IS NOT NULL');
  return { root, decisionId: decision.id, dispatchedOn: String(decision.dispatched_on) };
}

export const BENEFIT_SCENARIOS: DemoScenario[] = [
  {
    // "Nowy wniosek": the process started, the intake conversation waits at first contact
    id: 'intake',
    stage: 'receive-application',
    count: 2,
    async run({ driver, n }) {
      const started = await driver.deps.engine.startProcess({
        processKey: CASE_PROCESS_ID,
        variables: { channel: n === 0 ? 'phone' : 'epuap' },
      });
      if (n === 0) await driver.claim('demo-first-contact', started.processInstanceId, 'receive-application');
      return started.processInstanceId;
    },
  },
  {
    id: 'interview',
    stage: 'family-interview',
    count: 5,
    async run({ driver, person, n }) {
      const root = await applyForBenefit(driver, person, { at: workingDaysAgo(driver, 1 + n * 2) });
      if (n < 3) await driver.claim(officer(n), root, 'family-interview');
      else await driver.task(root, 'family-interview');
      return root;
    },
  },
  {
    // applications from weeks and months ago whose interview is still not done: past the KPA month's warning, so
    // the team must tell the party of the delay (art. 36, the task due on the KPA month, already past); and one
    // urgent case (2 working days for the interview). The interview's own 14 / 2 working days run in the engine
    // from the day the interview task started (compute-interview-due has no deadlineFrom), so its escalation to
    // the manager comes only when those days really pass — the demo does not move engine timers.
    id: 'interview-late',
    stage: 'family-interview-late',
    count: 4,
    async run({ driver, person, n }) {
      const daysAgo = [4, 30, 45, 62][n] ?? 30;
      const root = await applyForBenefit(driver, person, {
        at: workingDaysAgo(driver, daysAgo),
        urgent: n === 0,
        need: n === 0 ? 'Brak opału i żywności, osoba starsza sama w domu' : undefined,
      });
      // both: the KPA warning's timer may fire while the interview's due date is being set (the engine then
      // retries that step after its lock runs out, and the interview task comes a few seconds later)
      if (n > 0) await driver.task(root, 'notify-delay');
      if (n % 2 === 1) await driver.claim(officer(n), root, 'family-interview');
      else await driver.task(root, 'family-interview');
      return root;
    },
  },
  {
    id: 'draft',
    stage: 'prepare-decision',
    count: 3,
    async run({ driver, person, n }) {
      const at = workingDaysAgo(driver, 6 + n);
      const root = await applyForBenefit(driver, person, { at });
      await interview(driver, root, officer(n), at, household(n));
      await driver.task(root, 'prepare-decision');
      if (n === 0) await driver.claim(officer(n), root, 'prepare-decision');
      return root;
    },
  },
  {
    id: 'approval',
    stage: 'approve-decision',
    count: 4,
    async run(run) {
      const root = await upToDraft(run, 8 + run.n);
      await run.driver.task(root, 'approve-decision');
      return root;
    },
  },
  {
    // issued and sent by registered letter; the advice of delivery has not come back yet
    id: 'dispatched',
    stage: 'wait-for-delivery',
    count: 2,
    async run(run) {
      return (await upToDispatch(run, 10 + run.n, { enforceability: 'appeal-window' })).root;
    },
  },
  {
    // delivered today: the 14 days for an appeal run (enforceable only after them)
    id: 'appeal-window',
    stage: 'appeal-window',
    count: 3,
    async run(run) {
      const { root, decisionId, dispatchedOn } = await upToDispatch(run, 11 + run.n, {
        enforceability: 'appeal-window',
      });
      await delivered(run.driver, root, decisionId, dispatchedOn);
      return root;
    },
  },
  {
    // delivered, and the party appealed the same day: the team reviews the appeal (self-check or forward to the SKO
    // within 7 days, art. 132–133 KPA)
    id: 'appeal-filed',
    stage: 'review-appeal',
    count: 1,
    async run(run) {
      const { root, decisionId, dispatchedOn } = await upToDispatch(run, 13, {
        enforceability: 'appeal-window',
      });
      await delivered(run.driver, root, decisionId, dispatchedOn);
      await run.driver.reached(root, 'appeal-window');
      await run.driver.decisionEvent('demo-first-contact', decisionId, {
        kind: 'appeal-filed',
        receivedOn: dispatchedOn,
      });
      await run.driver.task(root, 'review-appeal');
      return root;
    },
  },
  {
    // a refusal the party accepted (waived the appeal): final, the case closes
    id: 'refused',
    stage: 'closed-refused',
    count: 2,
    async run(run) {
      const { root, decisionId, dispatchedOn } = await upToDispatch(run, 12 + run.n, { outcome: 'refuse' });
      await delivered(run.driver, root, decisionId, dispatchedOn);
      await run.driver.reached(root, 'appeal-window');
      await run.driver.decisionEvent('demo-first-contact', decisionId, {
        kind: 'appeal-waived',
        waivedOn: dispatchedOn,
      });
      return root;
    },
  },
  {
    // granted in full, so enforceable on delivery; the three past months' instalments go on today's cash list one
    // after another: two paid at the cashier (the first case: one), the next one waits on the list
    id: 'payout-cash',
    stage: 'payout-cash',
    count: 3,
    async run(run) {
      const { root, decisionId, dispatchedOn } = await upToDispatch(run, 12 + run.n, {
        payoutMethod: 'cash',
        enforceability: 'fully-granted',
      });
      const { driver } = run;
      await delivered(driver, root, decisionId, dispatchedOn);
      const paid = run.n === 0 ? 1 : 2;
      const year = driver.today().slice(0, 4);
      const handOut = (instalment: number) =>
        driver.complete('demo-first-contact', root, 'hand-out-payout-slip', {
          payoutSlipNumber: `DW/${run.n + 1}${instalment}/${year}`,
          identityChecked: true,
        });
      for (let instalment = 1; instalment <= paid; instalment += 1) {
        await handOut(instalment);
        await driver.complete('demo-cashiers', root, 'confirm-cash-payout', {
          instalmentNo: String(instalment),
          collected: 'yes',
        });
      }
      // the next instalment is on today's list: its slip handed out and the cashier not yet paid (the first
      // case), or the slip still to hand out
      if (run.n === 0) {
        await handOut(paid + 1);
        await driver.task(root, 'confirm-cash-payout');
      } else await driver.task(root, 'hand-out-payout-slip');
      return root;
    },
  },
  {
    // by bank transfer: the first instalment is queued in today's transfer batch; the batch rounds (export, sent,
    // the bank's statement) run after every case is there (settleTransferRounds)
    id: 'payout-transfer',
    stage: 'payout-transfer',
    count: 3,
    async run(run) {
      const { root, decisionId, dispatchedOn } = await upToDispatch(run, 12 + run.n, {
        payoutMethod: 'transfer',
        bankAccount: DEMO_ACCOUNT,
        enforceability: 'fully-granted',
      });
      await delivered(run.driver, root, decisionId, dispatchedOn);
      await queuedInstalment(run.driver, decisionId, 1);
      return root;
    },
  },
  {
    // a person who already has an open case comes again: first contact decides whether to attach or open anew
    id: 'duplicate',
    stage: 'review-duplicate',
    count: 1,
    async run({ driver, personOf }) {
      // the person of the first 'interview' case, once that case is open
      const person = personOf('interview', 0);
      await driver.openCaseOf(person.pesel);
      const again = await applyForBenefit(driver, person, {
        at: workingDaysAgo(driver, 0),
        need: 'Ponowna wizyta: prośba o pomoc w zakupie leków',
      });
      await driver.task(again, 'review-duplicate');
      return again;
    },
  },
];

/** Waits until the decision's instalment is queued in a payout batch; returns the batch. */
export async function queuedInstalment(
  driver: DemoDriver,
  decisionId: string,
  instalmentNo: number,
): Promise<{ instalmentId: string; batchId: string }> {
  return driver.waitFor(async () => {
    const [row] = await driver.deps.db.query<{ id: string; batch_id: string }>(
      `SELECT id, batch_id FROM payout_instalments
        WHERE decision_id = $1 AND instalment_no = $2 AND status = 'queued' AND batch_id IS NOT NULL`,
      [decisionId, instalmentNo],
    );
    return row ? { instalmentId: row.id, batchId: row.batch_id } : undefined;
  }, `rata ${instalmentNo} w wypłacie`);
}
