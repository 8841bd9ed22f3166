import { approveDecisionForm } from './approve-decision';
import { confirmCashPayoutForm } from './confirm-cash-payout';
import { familyInterviewForm } from './family-interview';
import { prepareDecisionForm } from './prepare-decision';
import { receiveApplicationForm } from './receive-application';
import { reviewOverdueInterviewForm } from './review-overdue-interview';
import type { TaskForm } from './task-form';

/** The forms of mops-application's user tasks, by element id. Tasks not listed here use their Camunda Form. */
export const TASK_FORMS: Record<string, TaskForm> = {
  'receive-application': receiveApplicationForm,
  'family-interview': familyInterviewForm,
  'prepare-decision': prepareDecisionForm,
  'approve-decision': approveDecisionForm,
  'confirm-cash-payout': confirmCashPayoutForm,
  'review-overdue-interview': reviewOverdueInterviewForm,
};
