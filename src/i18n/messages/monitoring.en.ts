import type { CatalogOf } from '../catalog';
import type { monitoringPl } from './monitoring.pl';

/** English texts of the monitoring hub and the process view; spread into `en.ts`. */
export const monitoringEn: CatalogOf<typeof monitoringPl> = {
  'layout.nav.monitoring': 'Monitoring',

  'monitoring.title': 'Monitoring',
  'monitoring.intro':
    'Where cases wait, which deadlines are at risk, how loaded the teams are and whether the new way of working works.',
  'monitoring.section.processes': 'Processes',
  'monitoring.section.processes.text':
    'Every deployed process version on its diagram: cases waiting at each step, incidents and the median step time.',
  'monitoring.section.deadlines': 'Deadlines',
  'monitoring.section.deadlines.text':
    'Interviews, decisions within the KPA term, appeals and Niebieska Karta steps overdue or close to it.',
  'monitoring.section.workload': 'Workload',
  'monitoring.section.workload.text':
    'Open and completed tasks per person and team, the oldest task, reassigning a task.',
  'monitoring.section.reform': 'Social work versus administration',
  'monitoring.section.reform.text':
    'How working time splits between administrative steps and social work — the reform’s measure.',
  'monitoring.section.flow': 'Case flow',
  'monitoring.section.flow.text':
    'Applications per week, time to interview, decision and first payout, case outcomes.',
  'monitoring.section.reports': 'Reports',
  'monitoring.section.reports.text': 'MRPiPS-03-style aggregates and the payouts register (page, CSV, XLSX).',
  'monitoring.section.incidents': 'Incidents',
  'monitoring.section.incidents.text': 'Automated steps that failed: the message, the case, retry.',

  'processes.title': 'Processes and their versions',
  'processes.empty': 'The engine has no process deployed yet.',
  'processes.col.process': 'Process',
  'processes.col.version': 'Version',
  'processes.col.deployedAt': 'Deployed',
  'processes.col.running': 'Running instances',
  'processes.col.incidents': 'Incidents',
  'processes.latest': 'latest',
  'processes.versionLink': 'version {version}',

  'processView.title': '{name} — version {version}',
  'processView.back': 'All processes',
  'processView.summary': 'Running instances: {running}, open incidents: {incidents}. Deployed {deployedAt}.',
  'processView.diagram': 'Diagram with figures',
  'processView.diagram.caption':
    'On each step: ▶ the number of cases waiting there now, ⚠ the number of incidents, “med.” the median step time. The step’s background colour is the same median (darker = longer). Click a step to see the cases waiting there. The table below the diagram has the same figures.',
  'processView.diagram.loadFailed': 'The diagram could not be loaded — the figures are in the table below.',
  'processView.medianBadge': 'med.',
  'processView.legend': 'Colour legend (median step time against the longest step of this version)',
  'processView.legend.1': 'shortest (up to 1/4 of the longest)',
  'processView.legend.2': 'up to 1/2',
  'processView.legend.3': 'up to 3/4',
  'processView.legend.4': 'longest',
  'processView.table': 'Steps: figures and median time',
  'processView.table.caption':
    'Median of the steps finished since {since} (at most the last {sample} per step); cases and incidents — the engine’s state now.',
  'processView.col.step': 'Step',
  'processView.col.active': 'Cases waiting',
  'processView.col.incidents': 'Incidents',
  'processView.col.median': 'Median time',
  'processView.col.finished': 'Finished (sample)',
  'processView.noMedian': '—',
  'processView.noSteps': 'This version has no steps to show.',
  'processView.incidentsLink': 'incidents',
  'processView.waiting.title': 'Cases waiting at “{step}”',
  'processView.waiting.empty': 'No case is waiting at this step now.',
  'processView.waiting.limit': 'Showing the {limit} cases waiting longest.',
  'processView.waiting.col.case': 'Case',
  'processView.waiting.col.person': 'Person',
  'processView.waiting.col.team': 'Team',
  'processView.waiting.col.holder': 'Holder',
  'processView.waiting.col.since': 'Waiting since',
  'processView.waiting.noCase': 'instance {id} (no case)',
  'processView.waiting.restricted': 'protected (Niebieska Karta)',
  'processView.waiting.unassigned': 'unassigned',
  'processView.waiting.audit': 'Reading this list (people’s names) is recorded in the audit log.',
  'processView.duration.days': { one: '{count} day', other: '{count} days' },
  'processView.duration.hours': '{count} h',
  'processView.duration.minutes': '{count} min',
  'processView.duration.seconds': '{count} s',
};
