import { approveDecisionForm } from './approve-decision';
import { confirmCashPayoutForm } from './confirm-cash-payout';
import { correctPayoutDetailsForm } from './correct-payout-details';
import { decideBenefitRecoveryForm } from './decide-benefit-recovery';
import { familyInterviewForm } from './family-interview';
import { prepareDecisionForm } from './prepare-decision';
import { receiveApplicationForm } from './receive-application';
import { reviewOverdueInterviewForm } from './review-overdue-interview';
import type { TaskForm } from './task-form';

/**
 * The application's own forms, by element id, for the user tasks that write the case file (whatever process they are
 * in); every other task uses its Camunda Form (bpmn/*.form) rendered by form-js.
 */
export const TASK_FORMS: Record<string, TaskForm> = {
  'receive-application': receiveApplicationForm,
  'family-interview': familyInterviewForm,
  'prepare-decision': prepareDecisionForm,
  'approve-decision': approveDecisionForm,
  'confirm-cash-payout': confirmCashPayoutForm,
  'correct-payout-details': correctPayoutDetailsForm,
  'review-overdue-interview': reviewOverdueInterviewForm,
  'decide-benefit-recovery': decideBenefitRecoveryForm,
};
