import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { AppError } from '../errors/app-error';
import {
  assertMayReadCase,
  BREAK_GLASS_MIN_REASON,
  BREAK_GLASS_REASON_TOO_SHORT,
  NO_SUCH_CASE,
  type AccessPolicy,
} from './case-access';
import { CONTAINER_TYPES, SELF_CANCELLING_TYPES, TIMELINE_STEP_TYPES } from '../projection/activity-types';

export interface CaseFile {
  id: string;
  caseNumber: string;
  status: string;
  need: string;
  urgent: boolean;
  createdAt: string;
  processInstanceKey: string;
  bpmnProcessId: string | null;
  client: { firstName: string; lastName: string; pesel: string | null; address: string | null };
  household: { firstName: string; lastName: string; relation: string }[];
  documents: { id: string; kind: string; fileName: string; mediaType: string; createdAt: string }[];
  notes: { author: string | null; body: string; createdAt: string }[];
  timeline: TimelineEntry[];
  activeElements: string[];
  activeSteps: string[];
  decisions: {
    id: string;
    number: string | null;
    dispatchedOn: string | null;
    deliveredOn: string | null;
    enforceableOn: string | null;
    outcome: string;
    status: string;
    issuedOn: string | null;
    documentId: string | null;
  }[];
  instalments: {
    instalmentNo: number;
    month: string;
    amountGrosze: number;
    method: string;
    status: string;
  }[];
}

export interface TimelineEntry {
  at: string;
  what: string;
  who: string | null;
  kind: 'engine' | 'person';
}

export { assertMayReadCase } from './case-access';

/** Loads the whole case file for a person and writes the audit row of that read (who, when, what). */
export async function readCaseFile(
  db: Database,
  user: User,
  caseId: string,
  channel: 'page' | 'api',
  options: { policy?: AccessPolicy; breakGlassReason?: string } = {},
): Promise<CaseFile> {
  const [row] = await db.query<{
    id: string;
    case_number: string;
    status: string;
    need: string;
    urgent: boolean;
    created_at: Date;
    process_instance_key: string;
    client_id: string;
    first_name: string;
    last_name: string;
    pesel: string | null;
    street: string | null;
    building: string | null;
    city: string | null;
    bpmn_process_id: string | null;
  }>(
    `SELECT c.id, c.case_number, c.status, c.need, c.urgent, c.created_at, c.process_instance_key, c.client_id,
            cl.first_name, cl.last_name, cl.pesel, cl.street, cl.building, cl.city, pi.bpmn_process_id
       FROM cases c JOIN clients cl ON cl.id = c.client_id
       LEFT JOIN process_instances pi ON pi.process_instance_key = c.process_instance_key
      WHERE c.id = $1`,
    [caseId],
  );
  if (!row) throw new AppError({ code: 'not-found', message: NO_SUCH_CASE });
  const reason = options.breakGlassReason?.trim();
  if (reason === undefined) await assertMayReadCase(db, user, caseId, options.policy);
  else if (user.roles.length === 0) throw new AppError({ code: 'not-found', message: NO_SUCH_CASE });
  else if (reason.length < BREAK_GLASS_MIN_REASON)
    throw new AppError({ code: 'validation', field: 'reason', message: BREAK_GLASS_REASON_TOO_SHORT });
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, $2, 'case', $3, $4)`,
    [
      user.id,
      reason === undefined ? 'case-read' : 'case-read-break-glass',
      caseId,
      JSON.stringify(reason === undefined ? { channel } : { channel, reason }),
    ],
  );
  const [decisions, instalments] = await Promise.all([
    db.query<{
      id: string;
      number: string | null;
      outcome: string;
      status: string;
      issued_on: string | null;
      document_id: string | null;
      dispatched_on: string | null;
      delivered_on: string | null;
      enforceable_on: string | null;
    }>(
      `SELECT id, number, outcome, status, issued_on, document_id, dispatched_on, delivered_on, enforceable_on
         FROM decisions WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    ),
    db.query<{
      instalment_no: number;
      month: string;
      amount_grosze: string | number;
      method: string;
      status: string;
    }>(
      `SELECT i.instalment_no, i.month, i.amount_grosze, i.method, i.status FROM payout_instalments i
         JOIN decisions d ON d.id = i.decision_id WHERE d.case_id = $1 ORDER BY d.created_at, i.instalment_no`,
      [caseId],
    ),
  ]);
  const [household, documents, notes, timeline, active] = await Promise.all([
    db.query<{ first_name: string; last_name: string; relation: string }>(
      'SELECT first_name, last_name, relation FROM household_members WHERE client_id = $1 ORDER BY last_name, first_name',
      [row.client_id],
    ),
    db.query<{ id: string; kind: string; file_name: string; media_type: string; created_at: Date }>(
      'SELECT id, kind, file_name, media_type, created_at FROM documents WHERE case_id = $1 ORDER BY created_at',
      [caseId],
    ),
    db.query<{ display_name: string | null; body: string; created_at: Date }>(
      `SELECT u.display_name, n.body, n.created_at FROM notes n LEFT JOIN users u ON u.id = n.author_id
        WHERE n.case_id = $1 ORDER BY n.created_at`,
      [caseId],
    ),
    caseTimeline(db, row.process_instance_key, caseId),
    activeElements(db, row.process_instance_key),
  ]);
  const address = [row.street, row.building, row.city].filter(Boolean).join(' ') || null;
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    need: row.need,
    urgent: row.urgent,
    createdAt: new Date(row.created_at).toISOString(),
    processInstanceKey: row.process_instance_key,
    bpmnProcessId: row.bpmn_process_id,
    client: { firstName: row.first_name, lastName: row.last_name, pesel: row.pesel, address },
    household: household.map((m) => ({
      firstName: m.first_name,
      lastName: m.last_name,
      relation: m.relation,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.file_name,
      mediaType: d.media_type,
      createdAt: new Date(d.created_at).toISOString(),
    })),
    notes: notes.map((n) => ({
      author: n.display_name,
      body: n.body,
      createdAt: new Date(n.created_at).toISOString(),
    })),
    timeline,
    activeElements: active.map((a) => a.elementId),
    activeSteps: active.map((a) => a.name),
    decisions: decisions.map((d) => ({
      id: d.id,
      number: d.number,
      dispatchedOn: d.dispatched_on ? String(d.dispatched_on) : null,
      deliveredOn: d.delivered_on ? String(d.delivered_on) : null,
      enforceableOn: d.enforceable_on ? String(d.enforceable_on) : null,
      outcome: d.outcome,
      status: d.status,
      issuedOn: d.issued_on ? String(d.issued_on) : null,
      documentId: d.document_id,
    })),
    instalments: instalments.map((i) => ({
      instalmentNo: Number(i.instalment_no),
      month: i.month,
      amountGrosze: Number(i.amount_grosze),
      method: i.method,
      status: i.status,
    })),
  };
}

const ACTIONS: Record<string, string> = {
  'case-closed': 'Sprawa zamknięta',
  'note-added': 'Dodano notatkę',
  'attachment-added': 'Dodano załącznik',
};

/** Every completed step of the case's instance tree (from the engine's event feed) and every person's action. */
async function caseTimeline(
  db: Database,
  processInstanceKey: string,
  caseId: string,
): Promise<TimelineEntry[]> {
  const steps = await db.query<{
    at: Date;
    name: string | null;
    element_id: string;
    assignee: string | null;
  }>(
    `SELECT ev.at, e.name, ev.element_id, t.assignee
       FROM engine_events ev
       LEFT JOIN process_elements e ON e.bpmn_process_id = ev.process_definition_key AND e.element_id = ev.element_id
       LEFT JOIN user_tasks t ON t.root_process_instance_key = ev.root_process_instance_id
                             AND t.element_instance_key = ev.activity_instance_id
      WHERE ev.root_process_instance_id = $1 AND ev.type = 'activity-ended' AND ev.element_type = ANY($2)
        AND (ev.canceled IS NOT TRUE OR ev.element_type = ANY($3))
      ORDER BY ev.seq`,
    [processInstanceKey, TIMELINE_STEP_TYPES, SELF_CANCELLING_TYPES],
  );
  const actions = await db.query<{ at: Date; action: string; display_name: string | null }>(
    `SELECT a.at, a.action, u.display_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.entity = 'case' AND a.entity_id = $1 AND a.action <> 'case-read' ORDER BY a.at`,
    [caseId],
  );
  return [
    ...steps.map((s) => ({
      at: new Date(s.at).toISOString(),
      what: s.name ?? s.element_id,
      who: s.assignee,
      kind: 'engine' as const,
    })),
    ...actions.map((a) => ({
      at: new Date(a.at).toISOString(),
      what: ACTIONS[a.action] ?? a.action,
      who: a.display_name,
      kind: 'person' as const,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/** Activities of the case's tree that started and have not ended (nor been cancelled): where the case stands. */
async function activeElements(
  db: Database,
  processInstanceKey: string,
): Promise<{ elementId: string; name: string }[]> {
  const rows = await db.query<{ element_id: string; name: string | null }>(
    `SELECT DISTINCT a.element_id, e.name FROM engine_events a
       LEFT JOIN process_elements e ON e.bpmn_process_id = a.process_definition_key AND e.element_id = a.element_id
      WHERE a.root_process_instance_id = $1 AND a.type = 'activity-started' AND a.element_type <> ALL($2)
        AND NOT EXISTS (SELECT 1 FROM engine_events b WHERE b.root_process_instance_id = $1
                          AND b.activity_instance_id = a.activity_instance_id AND b.type = 'activity-ended')`,
    [processInstanceKey, CONTAINER_TYPES],
  );
  return rows.map((r) => ({ elementId: r.element_id, name: r.name ?? r.element_id }));
}
