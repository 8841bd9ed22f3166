import { randomUUID } from 'node:crypto';
import { warsawDate } from '../../src/domain/calendar-date';
import { calculateBenefits } from '../../src/domain/eligibility';
import type { Runtime } from '../../src/runtime';
import { eventually, type TestClient } from './http-client';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

/** A case with two teams deciding at once: two mops-decision instances under one root (as benefits and services). */
const TWO_DRAFTS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="it-two-drafts-defs" targetNamespace="http://mops-flow/test">
  <bpmn:process id="it-two-drafts" isExecutable="true" camunda:historyTimeToLive="1">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:parallelGateway id="fork"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>fb</bpmn:outgoing><bpmn:outgoing>fs</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:callActivity id="benefits-decision" calledElement="mops-decision" camunda:calledElementBinding="latest">
      <bpmn:extensionElements>
        <camunda:in businessKey="#{execution.processBusinessKey}" />
        <camunda:in source="caseId" target="caseId" />
        <camunda:in sourceExpression="\${'benefits'}" target="draftingGroup" />
        <camunda:in source="kpaDue" target="kpaDue" />
        <camunda:in source="kpaWarningAt" target="kpaWarningAt" />
      </bpmn:extensionElements>
      <bpmn:incoming>fb</bpmn:incoming><bpmn:outgoing>fb2</bpmn:outgoing>
    </bpmn:callActivity>
    <bpmn:callActivity id="services-decision" calledElement="mops-decision" camunda:calledElementBinding="latest">
      <bpmn:extensionElements>
        <camunda:in businessKey="#{execution.processBusinessKey}" />
        <camunda:in source="caseId" target="caseId" />
        <camunda:in sourceExpression="\${'services-admin'}" target="draftingGroup" />
        <camunda:in source="kpaDue" target="kpaDue" />
        <camunda:in source="kpaWarningAt" target="kpaWarningAt" />
      </bpmn:extensionElements>
      <bpmn:incoming>fs</bpmn:incoming><bpmn:outgoing>fs2</bpmn:outgoing>
    </bpmn:callActivity>
    <bpmn:parallelGateway id="join"><bpmn:incoming>fb2</bpmn:incoming><bpmn:incoming>fs2</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork" />
    <bpmn:sequenceFlow id="fb" sourceRef="fork" targetRef="benefits-decision" />
    <bpmn:sequenceFlow id="fs" sourceRef="fork" targetRef="services-decision" />
    <bpmn:sequenceFlow id="fb2" sourceRef="benefits-decision" targetRef="join" />
    <bpmn:sequenceFlow id="fs2" sourceRef="services-decision" targetRef="join" />
    <bpmn:sequenceFlow id="f2" sourceRef="join" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;

/**
 * Approval binds to the task's own draft (issue 10, Money 2): two drafts in one case, prepared by two teams through
 * the forms and approved by a manager at the same time — each approval signs exactly its own draft.
 */
describe('approve-decision binds to the task’s own draft (real engine)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let benefits: TestClient;
  let services: TestClient;
  let manager: TestClient;
  let root: string | undefined;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    await runtime.engine.deploy([{ name: 'it-two-drafts.bpmn', content: TWO_DRAFTS }], {
      deploymentName: 'it-two-drafts',
      duplicateFiltering: true,
    });
    benefits = await loginAs(runtime, 'swiadczenia-da', ['benefits']);
    services = await loginAs(runtime, 'uslugi-da', ['services-admin']);
    manager = await loginAs(runtime, 'kierownik-da', ['managers']);
  });

  afterAll(async () => {
    if (root) await runtime.engine.deleteProcessInstance(root, 'koniec testu').catch(() => undefined);
    await clock.resetAfterStop();
  });

  async function caseWithIncome(): Promise<string> {
    const tag = randomUUID().slice(0, 8);
    const [client] = await runtime.db.query<{ id: string }>(
      `INSERT INTO clients (first_name, last_name) VALUES ('Ewa', 'Dwuzespołowa') RETURNING id`,
    );
    const [intake] = await runtime.db.query<{ id: string }>(
      `INSERT INTO intakes (user_task_key, first_name, last_name, need) VALUES ($1, 'Ewa', 'Dwuzespołowa', 'pomoc') RETURNING id`,
      [`two-drafts-${tag}`],
    );
    const [kase] = await runtime.db.query<{ id: string }>(
      `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need) VALUES ($1, $2, $3, $4, 'pomoc') RETURNING id`,
      [`TEST.${tag}`, client?.id, intake?.id, `two-drafts-${tag}`],
    );
    await runtime.db.query(
      `INSERT INTO income_statements (case_id, income_month, household_size, household_income_grosze, income_per_person_grosze)
       VALUES ($1, '2026-11', 1, 0, 0)`,
      [kase?.id],
    );
    return String(kase?.id);
  }

  async function openTask(group: string, elementId: string): Promise<{ key: string; instance: string }> {
    return eventually(async () => {
      const [row] = await runtime.db.query<{ user_task_key: string; process_instance_key: string }>(
        `SELECT user_task_key, process_instance_key FROM user_tasks
          WHERE root_process_instance_key = $1 AND element_id = $2 AND state = 'CREATED' AND $3 = ANY (candidate_groups)`,
        [root, elementId, group],
      );
      return row ? { key: row.user_task_key, instance: row.process_instance_key } : undefined;
    }, `zadanie ${elementId} (${group})`);
  }

  async function complete(client: TestClient, taskKey: string, body: Record<string, unknown>) {
    expect((await client.request('POST', `/api/tasks/${taskKey}/claim`)).status).toBe(204);
    return client.request('POST', `/api/tasks/${taskKey}/complete`, body);
  }

  it('approves a benefits draft and a services draft of one case independently, at the same time', async () => {
    const caseId = await caseWithIncome();
    const farFuture = new Date(clock.now().getTime() + 365 * 24 * 3_600_000).toISOString();
    const started = await runtime.engine.startProcess({
      processKey: 'it-two-drafts',
      variables: { caseId, kpaDue: farFuture, kpaWarningAt: farFuture },
    });
    root = started.processInstanceId;
    await runtime.db.query('UPDATE cases SET process_instance_key = $2 WHERE id = $1', [caseId, root]);

    const calc = calculateBenefits({
      date: warsawDate(clock.now()),
      householdSize: 1,
      householdIncomeGrosze: 0,
    });
    expect(calc.periodic.eligible).toBe(true);
    const draft = (grosze: number) => ({
      outcome: 'grant',
      amount: (grosze / 100).toFixed(2),
      periodFrom: '2027-01-01',
      periodTo: '2027-03-31',
      payoutMethod: 'cash',
      enforceability: 'fully-granted',
      justification: 'Osoba samotna bez dochodu, spełnia kryterium dochodowe.',
    });

    // the benefits team drafts first, the services team second (the newest draft in the case is the services one)
    const benefitsPrepare = await openTask('benefits', 'prepare-decision');
    expect((await complete(benefits, benefitsPrepare.key, draft(calc.periodic.maxGrosze))).status).toBe(204);
    const servicesPrepare = await openTask('services-admin', 'prepare-decision');
    expect((await complete(services, servicesPrepare.key, draft(calc.periodic.minGrosze))).status).toBe(204);
    const drafts = await runtime.db.query<{ id: string; user_task_key: string }>(
      `SELECT id, user_task_key FROM decisions WHERE case_id = $1 AND status = 'draft'`,
      [caseId],
    );
    expect(drafts).toHaveLength(2);
    const benefitsDraft = drafts.find((d) => d.user_task_key === benefitsPrepare.key)!.id;
    const servicesDraft = drafts.find((d) => d.user_task_key === servicesPrepare.key)!.id;

    // one manager approves both tasks at once
    const [benefitsApprove, servicesApprove] = await Promise.all([
      eventually(async () => {
        const [row] = await runtime.db.query<{ user_task_key: string }>(
          `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND element_id = 'approve-decision' AND state = 'CREATED'`,
          [benefitsPrepare.instance],
        );
        return row?.user_task_key;
      }, 'zatwierdzenie (świadczenia)'),
      eventually(async () => {
        const [row] = await runtime.db.query<{ user_task_key: string }>(
          `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND element_id = 'approve-decision' AND state = 'CREATED'`,
          [servicesPrepare.instance],
        );
        return row?.user_task_key;
      }, 'zatwierdzenie (usługi)'),
    ]);
    const results = await Promise.all([
      complete(manager, benefitsApprove, { approve: 'yes' }),
      complete(manager, servicesApprove, { approve: 'yes' }),
    ]);
    // both accepted: 204, or 202 when the engine refused the completion for the moment (two tasks of one case
    // completed at the same instant can meet an optimistic lock) and the command outbox sends it again
    expect(results.map((r) => [202, 204].includes(r.status))).toEqual([true, true]);
    await eventually(async () => {
      const open = await runtime.db.query(
        `SELECT 1 FROM user_tasks WHERE user_task_key = ANY($1) AND state = 'CREATED'`,
        [[benefitsApprove, servicesApprove]],
      );
      return open.length === 0 ? true : undefined;
    }, 'oba zatwierdzenia zakończone w silniku');

    const rows = await runtime.db.query<{ id: string; status: string; approved_by: string | null }>(
      `SELECT id, status, approved_by FROM decisions WHERE case_id = $1`,
      [caseId],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.approved_by).not.toBeNull();
      expect(row.status).not.toBe('draft');
    }
    // each decision instance keeps its own draft's id (no approval overwrote it with the other one)
    expect((await runtime.engine.processVariables(benefitsPrepare.instance)).decisionId).toBe(benefitsDraft);
    expect((await runtime.engine.processVariables(servicesPrepare.instance)).decisionId).toBe(servicesDraft);
  });
});
