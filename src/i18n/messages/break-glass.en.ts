import type { CatalogOf } from '../catalog';
import type { breakGlassPl } from './break-glass.pl';

/** English: Texts of the break-glass pages: the neutral page of a case one may not open and the managers' review of those reads (same keys as break-glass.pl.ts). */
export const breakGlassEn: CatalogOf<typeof breakGlassPl> = {
  'caseUnavailable.title': 'Case unavailable',
  'caseUnavailable.message': 'There is no such case, or you have no access to its file.',
  'breakGlass.heading': 'Emergency access (break-glass)',
  'breakGlass.intro':
    'If you must look at a case file outside the access rules — e.g. when a life or health is at risk — give the reason. If the case exists, you will see its file once, in the answer to this form.',
  'breakGlass.warning':
    'Note: every emergency access is recorded in the log (who, when, which case, what reason) and reviewed by a manager.',
  'breakGlass.reason': 'Reason for access',
  'breakGlass.reasonHint': {
    one: 'At least {count} character: why you need to see this file now.',
    other: 'At least {count} characters: why you need to see this file now.',
  },
  'breakGlass.reasonTooShort': {
    one: 'Field "Reason for access": give the reason for opening the file outside the rules — at least {count} character.',
    other:
      'Field "Reason for access": give the reason for opening the file outside the rules — at least {count} characters.',
  },
  'breakGlass.reasonTooLong': {
    one: 'Field "Reason for access": at most {count} character.',
    other: 'Field "Reason for access": at most {count} characters.',
  },
  'breakGlass.submit': 'Open the file in emergency mode',
  'breakGlass.opened':
    'File opened in emergency mode, for this view only. The read was recorded in the log with your reason — a manager will review it.',
  'breakGlass.documentNeedsAccess': 'downloading needs ordinary access to the case',
  'breakGlassAudit.title': 'Emergency accesses',
  'breakGlassAudit.intro':
    'Reads of case files outside the need-to-know rules (break-glass), newest first, with the reason the person gave.',
  'breakGlassAudit.filter': 'Filter of emergency accesses',
  'breakGlassAudit.person': 'Person',
  'breakGlassAudit.anyone': 'everyone',
  'breakGlassAudit.from': 'From day',
  'breakGlassAudit.to': 'To day',
  'breakGlassAudit.show': 'Show',
  'breakGlassAudit.caption': 'Emergency accesses, newest first',
  'breakGlassAudit.col.at': 'When',
  'breakGlassAudit.col.who': 'Who',
  'breakGlassAudit.col.case': 'Case',
  'breakGlassAudit.col.reason': 'Reason',
  'breakGlassAudit.col.channel': 'Where',
  'breakGlassAudit.channel.page': 'case page',
  'breakGlassAudit.channel.api': 'API',
  'breakGlassAudit.empty': 'No emergency accesses for these criteria.',
  'breakGlassAudit.truncated': {
    one: 'Showing the newest {count} entry — narrow the criteria to see older ones.',
    other: 'Showing the newest {count} entries — narrow the criteria to see older ones.',
  },
};
