import type { PreviewResult } from '../../models/model-preview';
import { escapeHtml } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

/** /modele/podglad: the form (a file of bpmn/, a loaded or pasted change) and, after a preview, its tables. */
export function previewPage(ctx: SignedInContext, files: { name: string }[], result?: PreviewResult): string {
  const { t } = ctx.i18n;
  const e = escapeHtml;
  const form = `<p>${e(t('preview.intro'))}</p>
<form method="post" action="/modele/podglad" class="stack" id="preview-form">
<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">
<p><label for="preview-file">${e(t('preview.field.file'))}</label>
<select id="preview-file" name="file"><option value="">${e(t('preview.field.fileNone'))}</option>${files
    .map(
      (f) =>
        `<option value="${e(f.name)}"${result?.resourceName === f.name ? ' selected' : ''}>${e(f.name)}</option>`,
    )
    .join('')}</select></p>
<p><label for="preview-upload">${e(t('preview.field.upload'))}</label>
<input type="file" id="preview-upload" accept=".dmn,.bpmn,.xml"></p>
<p><label for="preview-name">${e(t('preview.field.resourceName'))}</label>
<input type="text" id="preview-name" name="resourceName" value="" pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*\\.(bpmn|dmn)"></p>
<p><label for="preview-content">${e(t('preview.field.content'))}</label>
<textarea id="preview-content" name="content" rows="6" cols="80" spellcheck="false"></textarea></p>
<p><label for="preview-months">${e(t('preview.field.months'))}</label>
<input type="number" id="preview-months" name="months" min="1" max="36" value="${result?.months ?? 6}"></p>
<p><button type="submit">${e(t('preview.submit'))}</button></p>
</form>`;
  return renderPage(ctx, {
    title: t('preview.title'),
    body: form + (result ? resultSection(ctx, result) : ''),
    scripts: ['/static/model-preview.js'],
  });
}

function resultSection(ctx: SignedInContext, r: PreviewResult): string {
  const { t, money, dateTime, number } = ctx.i18n;
  const e = escapeHtml;
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const caseLink = (c: { caseId: string; caseNumber: string }) =>
    `<a href="/sprawy/${e(c.caseId)}">${e(c.caseNumber)}</a>`;
  const route = (label: string) => e(label || t('preview.manual'));
  const parts: string[] = [
    `<h2 id="preview-result">${e(t('preview.result', { file: r.resourceName }))}</h2>`,
  ];
  parts.push(`<p>${e(t('preview.period', { since: dateTime(r.since), months: r.months }))}</p>`);
  if (r.engineRefusal)
    parts.push(`<p role="alert">${e(t('preview.engineRefusal', { message: r.engineRefusal }))}</p>`);
  else if (r.previewDefinitions.length)
    parts.push(`<p>${e(t('preview.definitions', { definitions: r.previewDefinitions.join(', ') }))}</p>`);
  parts.push(`<p>${e(t('preview.noTrace', { tenant: r.tenantId }))}</p>`);
  parts.push(
    r.findings.length === 0
      ? `<p>${e(t('preview.findings.none'))}</p>`
      : `<h3>${e(t('preview.findings.title'))}</h3><table><thead><tr>${th(t('preview.col.resource'))}${th(t('preview.col.element'))}${th(t('preview.col.message'))}</tr></thead><tbody>${r.findings
          .map(
            (f) => `<tr><td>${e(f.resource)}</td><td>${e(f.element ?? '')}</td><td>${e(f.message)}</td></tr>`,
          )
          .join('')}</tbody></table>`,
  );
  if (r.routing) {
    const g = r.routing;
    parts.push(`<h3>${e(t('preview.routing.title'))}</h3>
<p>${e(t('preview.routing.summary', { evaluated: number(g.evaluated), changed: number(g.changed) }))}</p>
${g.withoutFacts ? `<p>${e(t('preview.routing.withoutFacts', { count: number(g.withoutFacts) }))}</p>` : ''}
${
  g.changes.length === 0
    ? `<p>${e(t('preview.nothing'))}</p>`
    : `<table id="routing-changes"><thead><tr>${th(t('preview.col.from'))}${th(t('preview.col.to'))}${th(t('preview.col.count'))}${th(t('preview.col.examples'))}</tr></thead><tbody>${g.changes
        .map(
          (c) =>
            `<tr><td>${route(c.from)}</td><td>${route(c.to)}</td><td>${c.count}</td><td>${c.examples.map(caseLink).join(', ')}</td></tr>`,
        )
        .join('')}</tbody></table>`
}`);
  }
  if (r.amounts) {
    const a = r.amounts;
    const fieldName = (f: string) => e(ctx.i18n.lookup(`preview.field.${f}`) ?? f);
    const value = (v: number | boolean) =>
      typeof v === 'boolean' ? e(v ? t('preview.yes') : t('preview.no')) : e(money(v));
    parts.push(`<h3>${e(t('preview.amounts.title'))}</h3>
<p>${e(t('preview.amounts.summary', { evaluated: number(a.evaluated), changed: number(a.changedCases) }))}</p>
${a.withoutIncome ? `<p>${e(t('preview.amounts.withoutIncome', { count: number(a.withoutIncome) }))}</p>` : ''}
${
  a.byField.length === 0
    ? `<p>${e(t('preview.nothing'))}</p>`
    : `<table id="amount-fields"><thead><tr>${th(t('preview.col.field'))}${th(t('preview.col.cases'))}${th(t('preview.col.totalDelta'))}</tr></thead><tbody>${a.byField
        .map(
          (f) =>
            `<tr><td>${fieldName(f.field)}</td><td>${f.cases}</td><td>${f.field === 'eligible' ? '' : e(money(f.totalDeltaGrosze))}</td></tr>`,
        )
        .join('')}</tbody></table>
<table id="amount-examples"><thead><tr>${th(t('preview.col.case'))}${th(t('preview.col.field'))}${th(t('preview.col.before'))}${th(t('preview.col.after'))}${th(t('preview.col.delta'))}</tr></thead><tbody>${a.examples
        .map(
          (x) =>
            `<tr><td>${caseLink(x)}</td><td>${fieldName(x.field)}</td><td>${value(x.before)}</td><td>${value(x.after)}</td><td>${x.field === 'eligible' ? '' : e(money(x.deltaGrosze))}</td></tr>`,
        )
        .join('')}</tbody></table>`
}`);
  }
  if (r.positions) {
    const p = r.positions;
    parts.push(`<h3>${e(t('preview.positions.title'))}</h3>
<p>${e(t('preview.positions.summary', { checked: number(p.checked), keys: p.processKeys.join(', '), count: number(p.removed.length) }))}</p>
${
  p.removed.length === 0
    ? `<p>${e(t('preview.nothing'))}</p>`
    : `<table id="removed-positions"><thead><tr>${th(t('preview.col.case'))}${th(t('preview.col.process'))}${th(t('preview.col.activity'))}</tr></thead><tbody>${p.removed
        .map(
          (x) =>
            `<tr><td>${caseLink(x)}</td><td>${e(x.processKey)}</td><td>${e(x.activityName)} (${e(x.activityId)})</td></tr>`,
        )
        .join('')}</tbody></table>`
}`);
  }
  if (r.notReplayed.length)
    parts.push(`<p>${e(t('preview.notReplayed', { decisions: r.notReplayed.join(', ') }))}</p>`);
  return `<section aria-labelledby="preview-result">${parts.join('\n')}</section>`;
}
