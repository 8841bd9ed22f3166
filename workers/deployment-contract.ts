import { ROLE_IDS } from '../src/auth/roles';
import { PUBLISHED_MESSAGES } from '../src/engine-commands/published-messages';
import type { DeploymentContract } from '../src/engine/guard-rails';
import { createWorkerDefinitions } from './index';

/** BPMN error codes the workers throw (the unit test `published-messages` checks them against the code). */
export const WORKER_BPMN_ERRORS = ['payout-rejected', 'four-eyes-violation', 'certificate-refused'] as const;

/**
 * What a deployment of the process model must keep (guard-rails.ts): the workers' topics (read from the worker
 * definitions themselves; building them touches no dependency), the roles, the messages and errors of the code.
 */
export function deploymentContract(): DeploymentContract {
  const workers = createWorkerDefinitions({ db: undefined as never, caseNumberPattern: '' });
  return {
    topics: workers.map((w) => w.taskType),
    roles: ROLE_IDS,
    messages: PUBLISHED_MESSAGES,
    errors: WORKER_BPMN_ERRORS,
  };
}
