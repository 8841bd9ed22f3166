import { randomBytes } from 'node:crypto';
import { createUserIfMissing, toUser, USER_COLUMNS, type User, type UserRow } from '../auth/users';
import type { RoleId } from '../auth/roles';
import type { Database } from '../db/database';
import { applyDecisionEvent } from '../decisions/decision-events';
import { warsawDate } from '../domain/calendar-date';
import type { Clock } from '../domain/clock';
import type { EngineCommands } from '../engine-commands/commands';
import type { EnginePort } from '../engine/port';
import { registerFirstContact } from '../first-contact/first-contact';
import type { Logger } from '../logger';
import { claimTask, completeTask } from '../tasks/task-actions';

export interface DemoDeps {
  db: Database;
  engine: EnginePort;
  commands: EngineCommands;
  now: Clock;
  log: Logger;
  signal?: AbortSignal;
}

/** The demo staff: the demo accounts of ensureDemoUsers plus a few colleagues so the teams have more than one person. */
export const DEMO_COLLEAGUES: { login: string; displayName: string; position: string; roles: RoleId[] }[] = [
  {
    login: 'demo-benefits-2',
    displayName: 'Katarzyna Wójcik (demo)',
    position: 'Specjalista pracy socjalnej',
    roles: ['benefits'],
  },
  {
    login: 'demo-benefits-3',
    displayName: 'Tomasz Lewandowski (demo)',
    position: 'Starszy pracownik socjalny',
    roles: ['benefits'],
  },
  {
    login: 'demo-social-work-2',
    displayName: 'Agnieszka Kamińska (demo)',
    position: 'Pracownik socjalny',
    roles: ['social-work'],
  },
];

/** Thrown when the app stops while the seeder is still driving cases. */
export class DemoAborted extends Error {
  constructor() {
    super('Zatrzymano dane demonstracyjne');
  }
}

/**
 * Drives demo cases through the app's own service functions — the ones the routes call (first contact, claiming and
 * completing tasks with their forms, the office's decision events) — and waits for the engine and the projection
 * between steps, as a person would wait for the next task to show up in the inbox.
 */
export class DemoDriver {
  private readonly users = new Map<string, User>();

  constructor(readonly deps: DemoDeps) {}

  /** The demo colleagues (random passwords, never shown: an administrator may reset them). */
  async ensureColleagues(): Promise<void> {
    for (const colleague of DEMO_COLLEAGUES) {
      await createUserIfMissing(this.deps.db, {
        ...colleague,
        site: 'Siedziba główna',
        password: randomBytes(18).toString('base64url'),
      });
    }
  }

  async user(login: string): Promise<User> {
    const known = this.users.get(login);
    if (known) return known;
    const [row] = await this.deps.db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE login = $1 AND active`,
      [login],
    );
    if (!row) throw new Error(`Brak konta demonstracyjnego ${login}`);
    const user = toUser(row);
    this.users.set(login, user);
    return user;
  }

  today(): string {
    return warsawDate(this.deps.now());
  }

  /** First contact on one screen, as the desk registers it; `at` is when the person came (the intake's time). */
  async firstContact(login: string, input: Record<string, unknown>, at?: Date): Promise<string> {
    const result = await registerFirstContact(
      { db: this.deps.db, commands: this.deps.commands, now: at ? () => at : this.deps.now },
      await this.user(login),
      input,
    );
    if (result.kind !== 'application') return `visit:${result.visitId}`;
    if (result.processInstanceKey) return result.processInstanceKey;
    return this.waitFor(async () => {
      const [row] = await this.deps.db.query<{ result: { processInstanceId?: string } | null }>(
        `SELECT result FROM engine_commands WHERE idempotency_key = $1 AND status = 'done'`,
        [`start-case:${result.intakeId}`],
      );
      return row?.result?.processInstanceId;
    }, 'start sprawy');
  }

  /** The open task of the case at an element, once the projection has it (not one completed before). */
  async task(root: string, elementId: string, timeoutMs = 60_000): Promise<string> {
    return this.waitFor(
      async () => {
        const [row] = await this.deps.db.query<{ user_task_key: string }>(
          `SELECT t.user_task_key FROM user_tasks t
            WHERE t.root_process_instance_key = $1 AND t.element_id = $2 AND t.state = 'CREATED'
              AND NOT EXISTS (SELECT 1 FROM engine_commands c
                               WHERE c.idempotency_key = 'complete-task:' || t.user_task_key)
            ORDER BY t.created_at LIMIT 1`,
          [root, elementId],
        );
        return row?.user_task_key;
      },
      `zadanie ${elementId}`,
      timeoutMs,
    );
  }

  /** A person takes the case's task at the element and completes it with the form's fields. */
  async complete(
    login: string,
    root: string,
    elementId: string,
    input: Record<string, unknown>,
    at?: Date,
  ): Promise<void> {
    const key = await this.task(root, elementId);
    await completeTask(
      { ...this.deps, now: at ? () => at : this.deps.now },
      key,
      await this.user(login),
      input,
    );
  }

  /** A person takes the task into their own list and leaves it open. */
  async claim(login: string, root: string, elementId: string): Promise<void> {
    await claimTask(this.deps, await this.task(root, elementId), await this.user(login));
  }

  /** The case's decision, once it exists with the given condition (e.g. dispatched). */
  async decision(root: string, condition = 'TRUE'): Promise<{ id: string; dispatched_on: string | null }> {
    return this.waitFor(async () => {
      const [row] = await this.deps.db.query<{ id: string; dispatched_on: string | null }>(
        `SELECT d.id, d.dispatched_on::text AS dispatched_on FROM decisions d
           JOIN cases c ON c.id = d.case_id
          WHERE c.process_instance_key = $1 AND ${condition}
          ORDER BY d.created_at DESC LIMIT 1`,
        [root],
      );
      return row;
    }, 'decyzja');
  }

  /** Waits until the person (by PESEL) has an open case in the case file. */
  async openCaseOf(pesel: string): Promise<void> {
    await this.waitFor(async () => {
      const [row] = await this.deps.db.query(
        `SELECT 1 FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE cl.pesel = $1 AND c.status = 'open'`,
        [pesel],
      );
      return row ? true : undefined;
    }, 'otwarta sprawa osoby');
  }

  /** Waits until the case (any of its instances) has started the element: a message is sent only once it waits. */
  async reached(root: string, elementId: string): Promise<void> {
    await this.waitFor(async () => {
      const [row] = await this.deps.db.query(
        `SELECT 1 FROM engine_events
          WHERE type = 'activity-started' AND element_id = $1 AND root_process_instance_id = $2 LIMIT 1`,
        [elementId, root],
      );
      return row ? true : undefined;
    }, `krok ${elementId}`);
  }

  /** What the office records about a decision (the advice of delivery, a waiver of appeal). */
  async decisionEvent(login: string, decisionId: string, event: Record<string, unknown>): Promise<void> {
    const user = await this.user(login);
    await applyDecisionEvent(this.deps, { decisionId, event, userId: user.id, roles: user.roles });
  }

  async waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.deps.signal?.aborted) throw new DemoAborted();
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Dane demonstracyjne: nie doczekano się — ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}
