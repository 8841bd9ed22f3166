import type { DefinitionVersion } from '../../engine/port';
import type { DryRun, GeneratedPlan, MigrationOutcome } from '../../models/process-migration';
import { escapeHtml } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

export interface MigrationView {
  versions: DefinitionVersion[];
  history: { at: Date; action: string; who: string; details: Record<string, unknown> }[];
  key?: string;
  plan?: GeneratedPlan;
  dryRun?: DryRun;
  outcome?: MigrationOutcome;
  kept?: { from: string; to: string; running: number };
  /** The versions chosen last (after a migration or a decision to keep), preselected. */
  selected?: { source: string; target: string };
}

/** /modele/migracja: choose two versions, edit the engine's mapping, dry run, move (or keep on the old version). */
export function migrationPage(ctx: SignedInContext, view: MigrationView): string {
  const { t } = ctx.i18n;
  const e = escapeHtml;
  const csrf = `<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">`;
  const sourceId = view.plan?.source.id ?? view.selected?.source;
  const targetId = view.plan?.target.id ?? view.selected?.target;
  const options = (selected?: string) =>
    [...new Set(view.versions.map((v) => v.key))]
      .map(
        (key) =>
          `<optgroup label="${e(key)}">${view.versions
            .filter((v) => v.key === key)
            .map(
              (v) =>
                `<option value="${e(v.id)}"${v.id === selected ? ' selected' : ''}>${e(t('migration.version', { key: v.key, version: v.version, instances: v.runningInstances }))}</option>`,
            )
            .join('')}</optgroup>`,
      )
      .join('');
  const parts: string[] = [`<p>${e(t('migration.intro'))}</p>`];
  if (view.outcome) {
    const o = view.outcome;
    parts.push(
      `<p role="status">${e(t('migration.moved', { count: o.moved, from: o.from, to: o.to }))}</p>` +
        (o.batchId
          ? `<p>${e(t('migration.batch', { batchId: o.batchId }))}</p><p><label for="migration-progress">${e(t('migration.progress'))}</label> <progress id="migration-progress" max="100" value="0" data-batch="${e(o.batchId)}"></progress> <span id="migration-progress-text" aria-live="polite"></span></p>`
          : ''),
    );
  }
  if (view.kept)
    parts.push(
      `<p role="status">${e(t('migration.kept', { count: view.kept.running, from: view.kept.from, to: view.kept.to }))}</p>`,
    );
  parts.push(`<form method="get" action="/modele/migracja" class="stack">
<p><label for="migration-source">${e(t('migration.field.source'))}</label>
<select id="migration-source" name="source" required>${options(sourceId)}</select></p>
<p><label for="migration-target">${e(t('migration.field.target'))}</label>
<select id="migration-target" name="target" required>${options(targetId)}</select></p>
<p><button type="submit">${e(t('migration.generate'))}</button></p></form>`);
  if (view.plan) parts.push(mappingForm(ctx, view.plan, view.dryRun, csrf));
  if (view.dryRun) parts.push(dryRunSection(ctx, view.plan!, view.dryRun, csrf));
  parts.push(historySection(ctx, view.history));
  return renderPage(ctx, {
    title: t('migration.title'),
    body: parts.join('\n'),
    scripts: view.outcome?.batchId ? ['/static/migration-progress.js'] : [],
  });
}

function hiddenPlan(plan: GeneratedPlan, csrf: string): string {
  return `${csrf}<input type="hidden" name="sourceDefinitionId" value="${escapeHtml(plan.source.id)}"><input type="hidden" name="targetDefinitionId" value="${escapeHtml(plan.target.id)}">`;
}

function mappingForm(
  ctx: SignedInContext,
  plan: GeneratedPlan,
  dryRun: DryRun | undefined,
  csrf: string,
): string {
  const { t } = ctx.i18n;
  const e = escapeHtml;
  const chosen = new Map(
    (dryRun?.instructions ?? plan.instructions).map((i) => [i.sourceActivityIds[0], i.targetActivityIds[0]]),
  );
  const rows = plan.sourceActivities
    .map((a, index) => {
      const current = chosen.get(a.id) ?? '';
      return `<tr><th scope="row"><label for="map-${index}">${e(a.name)} <span class="muted">(${e(a.id)})</span></label></th>
<td><select id="map-${index}" name="map:${e(a.id)}"><option value="">${e(t('migration.notMoved'))}</option>${plan.targetActivities
        .map(
          (target) =>
            `<option value="${e(target.id)}"${target.id === current ? ' selected' : ''}>${e(target.name)} (${e(target.id)})</option>`,
        )
        .join('')}</select></td></tr>`;
    })
    .join('\n');
  const from = `${plan.source.key} v${plan.source.version}`;
  const to = `${plan.target.key} v${plan.target.version}`;
  return `<h2 id="mapping-title">${e(t('migration.mapping.title', { from, to }))}</h2>
<form method="post" action="/modele/migracja/proba" aria-labelledby="mapping-title">${hiddenPlan(plan, csrf)}
<table id="migration-mapping"><thead><tr><th scope="col">${e(t('migration.col.sourceActivity'))}</th><th scope="col">${e(t('migration.col.targetActivity'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><button type="submit">${e(t('migration.dryRun'))}</button></p></form>`;
}

function dryRunSection(ctx: SignedInContext, plan: GeneratedPlan, dry: DryRun, csrf: string): string {
  const { t } = ctx.i18n;
  const e = escapeHtml;
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const mapping = dry.instructions
    .map(
      (i) =>
        `<input type="hidden" name="map:${e(i.sourceActivityIds[0])}" value="${e(i.targetActivityIds[0])}">`,
    )
    .join('');
  const failures = dry.planFailures.length
    ? `<h3>${e(t('migration.planFailures'))}</h3><ul>${dry.planFailures.map((f) => `<li>${e(f.sourceActivityId ? `${f.sourceActivityId}: ` : '')}${e(f.message)}</li>`).join('')}</ul>`
    : '';
  const rows = dry.instances
    .map(
      (i) => `<tr><td>${
        i.canMove
          ? `<input type="checkbox" name="processInstanceIds" value="${e(i.processInstanceId)}" checked aria-label="${e(t('migration.chooseInstance', { id: i.processInstanceId }))}">`
          : ''
      }</td><td>${i.caseId ? `<a href="/sprawy/${e(i.caseId)}">${e(i.caseNumber)}</a>` : e(i.businessKey ?? '')}</td>
<td><code>${e(i.processInstanceId)}</code></td><td>${e(i.activityLabels.join(', '))}</td>
<td class="${i.canMove ? 'verdict-ok' : 'verdict-no'}">${e(i.canMove ? t('migration.canMove') : t('migration.cannotMove', { reasons: i.reasons.join(' ') }))}</td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="dry-run-title"><h2 id="dry-run-title">${e(t('migration.dryRun.title'))}</h2>
<p id="dry-run-summary">${e(t('migration.dryRun.summary', { total: dry.instances.length, movable: dry.movable }))}</p>
${failures}
<form method="post" action="/modele/migracja/wykonaj">${hiddenPlan(plan, csrf)}${mapping}
<table id="migration-instances"><thead><tr>${th(t('migration.col.choose'))}${th(t('migration.col.case'))}${th(t('migration.col.instance'))}${th(t('migration.col.position'))}${th(t('migration.col.verdict'))}</tr></thead>
<tbody>${rows}</tbody></table>
<p><label class="inline"><input type="checkbox" id="migration-async" name="async" value="yes"> ${e(t('migration.async'))}</label></p>
<p><button type="submit"${dry.movable === 0 ? ' disabled' : ''}>${e(t('migration.execute'))}</button></p></form>
<form method="post" action="/modele/migracja/zostaw">${hiddenPlan(plan, csrf)}<p><button type="submit">${e(t('migration.keep'))}</button></p></form>
</section>`;
}

function historySection(ctx: SignedInContext, history: MigrationView['history']): string {
  const { t, dateTime } = ctx.i18n;
  const e = escapeHtml;
  if (history.length === 0)
    return `<h2>${e(t('migration.history.title'))}</h2><p>${e(t('migration.history.none'))}</p>`;
  const what = (h: MigrationView['history'][number]) => {
    const params = {
      from: String(h.details.from ?? ''),
      to: String(h.details.to ?? ''),
      count: Number(h.details.count ?? 0),
    };
    return h.action === 'process-migrated'
      ? t('migration.history.migrated', params)
      : t('migration.history.declined', params);
  };
  return `<h2>${e(t('migration.history.title'))}</h2><table id="migration-history"><thead><tr><th scope="col">${e(t('migration.col.at'))}</th><th scope="col">${e(t('migration.col.who'))}</th><th scope="col">${e(t('migration.col.what'))}</th></tr></thead><tbody>${history
    .map((h) => `<tr><td>${e(dateTime(h.at))}</td><td>${e(h.who)}</td><td>${e(what(h))}</td></tr>`)
    .join('')}</tbody></table>`;
}
