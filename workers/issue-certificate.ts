import { z } from 'zod';
import { issueCertificate } from '../src/cases/certificates';
import type { Database } from '../src/db/database';
import { renderCertificatePdf, type CertificateRenderer } from '../src/documents/certificate-pdf';
import { bpmnError, complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({ intakeId: z.string().uuid() });

/**
 * issue-certificate: the certificate (zaświadczenie) a person asked for at first contact, once per intake: a number
 * from the centre's certificate register and a PDF in the case file → `certificateNumber`. When it cannot be issued
 * (domain/certificate.ts: the person is not identified by PESEL or document number, or is not in the register) the
 * refusal is a postanowienie (art. 219 KPA), numbered and kept in the case file too, and the job ends with the BPMN
 * error `certificate-refused`. A redelivery returns the first outcome.
 */
export function createIssueCertificateWorker(deps: {
  db: Database;
  render?: CertificateRenderer;
  now?: () => Date;
}): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'issue-certificate',
    fetchVariables: ['intakeId'],
    timeoutMs: 60_000,
    variables,
    invalid: 'Brak lub błędna zmienna intakeId (przyjęcie zgłoszenia)',
    async handle(input, job) {
      const result = await issueCertificate(deps.db, {
        intakeId: input.intakeId,
        jobKey: job.jobKey,
        now: (deps.now ?? (() => new Date()))(),
        render: deps.render ?? renderCertificatePdf,
      });
      if (!result)
        return {
          kind: 'fail',
          retryable: false,
          message: `Nie ma w aktach przyjęcia ${input.intakeId}`,
        };
      job.log.info(
        `${result.outcome === 'issued' ? 'Zaświadczenie wydane' : 'Odmowa wydania zaświadczenia'}${result.newlyIssued ? '' : ' (powtórne doręczenie)'}`,
        { number: result.number, documentId: result.documentId },
      );
      if (result.outcome === 'refused')
        return bpmnError(
          'certificate-refused',
          `Odmowa wydania zaświadczenia — postanowienie ${result.number}: ${result.reason}`,
        );
      return complete({ certificateNumber: result.number });
    },
  });
}
