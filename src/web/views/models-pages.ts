import type { DefinitionVersion } from '../../engine/port';
import type { Draft, ModelDeployment } from '../../models/drafts';
import type { ModelFile } from '../../models/model-files';
import type { BpmnDiff, DraftFinding } from '../../models/model-types';
import type { DecisionDiff, FieldRow } from '../../models/table-diff';
import { kindOf } from '../../models/definition-keys';
import { escapeHtml as e } from './html';
import { renderPage, scriptMessages } from './layout';
import type { SignedInContext } from './page-context';

/** The process owners' screens under /modele: the list, the editors, a draft, a diff. */
const th = (text: string) => `<th scope="col">${e(text)}</th>`;
const csrfField = (ctx: SignedInContext) =>
  `<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">`;
const fileUrl = (name: string) => `/api/models/files/${encodeURIComponent(name)}`;

export const EDITOR_STYLES: Record<'bpmn' | 'dmn' | 'form' | 'diff', string[]> = {
  bpmn: [
    '/vendor/bpmn-js/assets/diagram-js.css',
    '/vendor/bpmn-js/assets/bpmn-js.css',
    '/vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css',
    '/vendor/properties-panel/properties-panel.css',
  ],
  dmn: [
    '/vendor/dmn-js/diagram-js.css',
    '/vendor/dmn-js/dmn-js-shared.css',
    '/vendor/dmn-js/dmn-js-drd.css',
    '/vendor/dmn-js/dmn-js-decision-table.css',
    '/vendor/dmn-js/dmn-js-decision-table-controls.css',
    '/vendor/dmn-js/dmn-js-literal-expression.css',
    '/vendor/dmn-js/dmn-js-boxed-expression.css',
    '/vendor/dmn-js/dmn-js-boxed-expression-controls.css',
    '/vendor/dmn-js/dmn-font/css/dmn-embedded.css',
  ],
  form: [
    '/vendor/form-js-editor/form-js-editor.css',
    '/vendor/form-js/assets/form-js.css',
    '/vendor/form-js-editor/properties-panel.css',
  ],
  diff: [
    '/vendor/bpmn-js/assets/diagram-js.css',
    '/vendor/bpmn-js/assets/bpmn-js.css',
    '/vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css',
  ],
};

export function modelsPage(
  ctx: SignedInContext,
  data: {
    files: ModelFile[];
    versions: DefinitionVersion[];
    drafts: Draft[];
    deployments: ModelDeployment[];
  },
): string {
  const { t, dateTime } = ctx.i18n;
  const files = data.files
    .map(
      (f) => `<tr><th scope="row">${e(f.name)}</th><td>${e(t(`models.kind.${kindOf(f.name)}`))}</td>
<td>${e(t(f.source === 'browser' ? 'models.source.browser' : 'models.source.repository'))}</td>
<td><a href="/modele/edytor/${e(encodeURIComponent(f.name))}" aria-label="${e(t('models.editLabel', { file: f.name }))}">${e(t('models.edit'))}</a>
 · <a href="${e(fileUrl(f.name))}?pobierz=1" aria-label="${e(t('models.downloadLabel', { file: f.name }))}">${e(t('models.download'))}</a></td></tr>`,
    )
    .join('\n');
  const previous = new Map<string, DefinitionVersion>();
  const versions = data.versions
    .map((v) => {
      const before = previous.get(v.key);
      previous.set(v.key, v);
      const compare =
        v.kind === 'process' && before
          ? `<a href="/modele/roznice?od=${e(encodeURIComponent(before.id))}&amp;do=${e(encodeURIComponent(v.id))}" aria-label="${e(t('models.diff.compareLabel', { version: v.version }))}">${e(t('models.diff.compare'))}</a>`
          : '';
      return `<tr><td>${e(v.key)}</td><td>${e(v.name ?? '')}</td><td>${e(t(`models.definition.${v.kind}`))}</td>
<td>${v.version}</td><td>${v.deployedAt ? e(dateTime(v.deployedAt)) : ''}</td><td>${v.runningInstances}</td><td>${v.incidents}</td><td>${compare}</td></tr>`;
    })
    .join('\n');
  const drafts = data.drafts.length
    ? `<table><caption class="visually-hidden">${e(t('models.drafts'))}</caption><thead><tr>${th(t('models.col.file'))}${th(t('models.col.author'))}${th(t('models.col.saved'))}${th(t('models.col.status'))}${th(t('models.col.checks'))}${th(t('models.col.actions'))}</tr></thead><tbody>${data.drafts
        .map(
          (
            d,
          ) => `<tr><td>${e(d.resourceName)}</td><td>${e(d.authorName)}</td><td>${e(dateTime(d.savedAt))}</td>
<td>${e(t(`models.status.${d.status}`))}</td><td>${e(checksText(ctx, d.findings))}</td>
<td><a href="/modele/szkice/${e(d.id)}" aria-label="${e(t('models.openLabel', { file: d.resourceName }))}">${e(t('models.open'))}</a></td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : `<p>${e(t('models.noDrafts'))}</p>`;
  const deployments = data.deployments.length
    ? `<table><caption class="visually-hidden">${e(t('models.deployments'))}</caption><thead><tr>${th(t('models.col.deployedAt'))}${th(t('models.col.file'))}${th(t('models.col.author'))}${th(t('models.col.approved'))}${th(t('models.col.deployedBy'))}${th(t('models.col.changes'))}${th(t('models.col.newVersions'))}${th(t('models.col.actions'))}</tr></thead><tbody>${data.deployments
        .map(
          (
            d,
          ) => `<tr><td>${e(dateTime(d.deployedAt))}</td><td><a href="/modele/szkice/${e(d.draftId)}">${e(d.resourceName)}</a></td>
<td>${e(d.draftedByName)}</td><td>${e(d.approvedByName)}</td><td>${e(d.deployedByName)}</td>
<td>${e(t('models.changes', { added: d.diffSummary.added.length, removed: d.diffSummary.removed.length, changed: d.diffSummary.changed.length }))}</td>
<td>${d.versions.length ? e(d.versions.map((v) => `${v.key} v${v.version}`).join(', ')) : e(t('models.noNewVersions'))}</td>
<td><a href="/api/models/deployments/${e(d.id)}/file" aria-label="${e(t('models.downloadLabel', { file: d.resourceName }))}">${e(t('models.download'))}</a></td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : `<p>${e(t('models.noDeployments'))}</p>`;
  return renderPage(ctx, {
    title: t('models.title'),
    styles: ['/static/models.css'],
    body: `<p>${e(t('models.intro'))}</p>
<ul class="model-tools"><li><a href="/modele/podglad">${e(t('models.tools.preview'))}</a></li>
<li><a href="/modele/migracja">${e(t('models.tools.migration'))}</a></li>
<li><a href="/monitoring/reforma/klasyfikacja">${e(t('models.tools.classification'))}</a></li></ul>
<h2 id="drafts">${e(t('models.drafts'))}</h2>${drafts}
<h2 id="files">${e(t('models.files'))}</h2>
<table><caption class="visually-hidden">${e(t('models.files'))}</caption><thead><tr>${th(t('models.col.file'))}${th(t('models.col.kind'))}${th(t('models.col.source'))}${th(t('models.col.actions'))}</tr></thead><tbody>${files}</tbody></table>
<h2 id="versions">${e(t('models.versions'))}</h2>
<table><caption class="visually-hidden">${e(t('models.versions'))}</caption><thead><tr>${th(t('models.col.key'))}${th(t('models.col.name'))}${th(t('models.col.kind'))}${th(t('models.col.version'))}${th(t('models.col.deployedAt'))}${th(t('models.col.running'))}${th(t('models.col.incidents'))}${th(t('models.col.actions'))}</tr></thead><tbody>${versions}</tbody></table>
<h2 id="deployments">${e(t('models.deployments'))}</h2>${deployments}`,
  });
}

function checksText(ctx: SignedInContext, findings: DraftFinding[]): string {
  const { t } = ctx.i18n;
  if (findings.length === 0) return t('models.checks.clean');
  return findings.some((f) => f.severity === 'error')
    ? t('models.checks.findings', { count: findings.length })
    : t('models.checks.warnings', { count: findings.length });
}

function findingItems(ctx: SignedInContext, findings: DraftFinding[]): string {
  const { t } = ctx.i18n;
  if (findings.length === 0) return `<li>${e(t('models.msg.clean'))}</li>`;
  return findings
    .map(
      (f) =>
        `<li class="${f.severity === 'error' ? 'finding-error' : 'finding-warning'}"><strong>${e(t(f.severity === 'error' ? 'models.msg.error' : 'models.msg.warning'))}: </strong>${e(f.resource)}${f.element ? ` / ${e(f.element)}` : ''} — ${e(f.message)} (${e(f.rule)})</li>`,
    )
    .join('\n');
}

/** The editor page: a file's current content (a new draft on save) or a draft (saved again in place). */
export function editorPage(
  ctx: SignedInContext,
  view: { resourceName: string; source: string; draft?: Draft; info?: string },
): string {
  const { t, dateTime } = ctx.i18n;
  const kind = kindOf(view.resourceName);
  const draft = view.draft;
  const editable = !draft || (draft.status === 'draft' && draft.authorId === ctx.session.user.id);
  const messages = scriptMessages({
    loaded: t('models.msg.loaded'),
    loadFailed: t('models.msg.loadFailed'),
    saving: t('models.msg.saving'),
    savedClean: t('models.msg.savedClean'),
    savedFindings: t('models.msg.savedFindings', { count: '{count}' }),
    saveFailed: t('models.msg.saveFailed'),
    clean: t('models.msg.clean'),
    error: t('models.msg.error'),
    warning: t('models.msg.warning'),
  });
  const findings = draft?.findings ?? [];
  const meta = draft
    ? `<p>${e(t('models.draft.meta', { author: draft.authorName, saved: dateTime(draft.savedAt), status: t(`models.status.${draft.status}`) }))}
${draft.baseContent === null ? e(t('models.draft.baseNew')) : draft.baseVersions.length ? e(t('models.draft.base', { versions: draft.baseVersions.map((v) => `${v.key} v${v.version}`).join(', ') })) : ''}
${draft.approvedByName && draft.approvedAt ? e(t('models.draft.approvedBy', { name: draft.approvedByName, at: dateTime(draft.approvedAt) })) : ''}</p>`
    : `<p>${e(t('models.editor.newDraftNote'))}</p>`;
  const actions = draft ? draftActions(ctx, draft) : '';
  const toolbar = editable
    ? `<button type="button" id="editor-save">${e(t('models.editor.save'))}</button>`
    : `<p>${e(t('models.editor.readonly'))}</p>`;
  const panel =
    kind === 'bpmn'
      ? `<div id="editor-properties" class="editor-properties" role="region" aria-label="${e(t('models.editor.properties'))}"></div>`
      : '<div id="editor-properties" hidden></div>';
  return renderPage(ctx, {
    title: t(draft ? 'models.draft.title' : 'models.editor.title', { file: view.resourceName }),
    styles: [...EDITOR_STYLES[kind], '/static/models.css'],
    scripts: [`/modele/edytory/${kind}-editor.js`],
    body: `${view.info ? `<p role="status" class="info">${e(view.info)}</p>` : ''}${meta}
<div id="model-editor" class="model-editor model-editor-${kind}" data-kind="${kind}" data-resource="${e(view.resourceName)}"
 data-draft-id="${e(draft && editable ? draft.id : '')}" data-source="${e(view.source)}" data-csrf="${e(ctx.session.csrfToken)}"
 data-findings="${e(JSON.stringify(findings))}"${messages}>
<div class="editor-toolbar">${toolbar} <span id="editor-status" role="status" aria-live="polite"></span></div>
<noscript><p>${e(t('models.editor.noScript'))}</p></noscript>
<div class="editor-body"><div id="editor-canvas" class="editor-canvas" role="region" aria-label="${e(t('models.editor.canvas', { file: view.resourceName }))}"></div>${panel}</div>
</div>
<section aria-labelledby="findings-title"><h2 id="findings-title">${e(t('models.editor.findings'))}</h2>
<ul id="findings" class="findings">${findingItems(ctx, findings)}</ul></section>
${actions}
<p><a href="/modele">${e(t('models.back'))}</a></p>`,
  });
}

function draftActions(ctx: SignedInContext, draft: Draft): string {
  const { t } = ctx.i18n;
  const mine = draft.authorId === ctx.session.user.id;
  const buttons: string[] = [
    `<a href="/modele/szkice/${e(draft.id)}/roznice">${e(t('models.draft.diff'))}</a>`,
    `<a href="/api/models/drafts/${e(draft.id)}/file?pobierz=1">${e(t('models.draft.downloadDraft'))}</a>`,
  ];
  if (draft.status === 'draft' && !mine && draft.clean)
    buttons.push(
      `<form method="post" action="/modele/szkice/${e(draft.id)}/zatwierdz">${csrfField(ctx)}<button type="submit">${e(t('models.draft.approve'))}</button></form>`,
    );
  if (draft.status === 'draft' && mine)
    buttons.push(
      `<form method="post" action="/modele/szkice/${e(draft.id)}/odrzuc">${csrfField(ctx)}<button type="submit" class="secondary">${e(t('models.draft.discard'))}</button></form>`,
    );
  if (draft.status === 'approved')
    buttons.push(
      `<form method="post" action="/modele/szkice/${e(draft.id)}/wdroz">${csrfField(ctx)}<button type="submit">${e(t('models.draft.deploy'))}</button></form>`,
    );
  if (draft.status === 'draft' || draft.status === 'approved')
    // the preview on past cases (another screen): the draft's file as it was saved
    buttons.push(
      `<form method="post" action="/modele/podglad">${csrfField(ctx)}<input type="hidden" name="draftId" value="${e(draft.id)}"><input type="hidden" name="resourceName" value="${e(draft.resourceName)}"><input type="hidden" id="preview-content" name="content" value="${e(draft.content)}"><button type="submit" class="secondary">${e(t('models.draft.preview'))}</button></form>`,
    );
  if (draft.status === 'deployed') buttons.push(`<span>${e(t('models.draft.deployed'))}</span>`);
  return `<div class="draft-actions">${buttons.join('\n')}</div>${
    draft.status === 'draft' ? `<p class="hint">${e(t('models.draft.approveHint'))}</p>` : ''
  }`;
}

/** A diagram diff (two viewers with markers and a list) or the rows of a table / form diff. */
export function diffPage(
  ctx: SignedInContext,
  view: {
    title: string;
    before: string;
    after: string;
    bpmn?: BpmnDiff;
    dmn?: DecisionDiff[];
    form?: FieldRow[];
    back: string;
  },
): string {
  const { t } = ctx.i18n;
  const change = (kind: 'added' | 'removed' | 'changed' | 'layout' | 'same') =>
    `<span class="change change-${kind}">${{ added: '+', removed: '−', changed: '~', layout: '↔', same: '=' }[kind]} ${e(t(`models.diff.${kind}`))}</span>`;
  let body = '';
  if (view.bpmn) {
    const d = view.bpmn;
    const rows = [
      ...d.added.map((x) => ({ ...x, kind: 'added' as const, details: '' })),
      ...d.removed.map((x) => ({ ...x, kind: 'removed' as const, details: '' })),
      ...d.changed.map((x) => ({
        ...x,
        kind: 'changed' as const,
        details: x.attrs
          .map(
            (a) =>
              `${a.name}: ${t('models.diff.beforeValue')} „${a.before}”, ${t('models.diff.afterValue')} „${a.after}”`,
          )
          .join('; '),
      })),
      ...d.layoutChanged.map((id) => ({ id, type: '', name: null, kind: 'layout' as const, details: '' })),
    ];
    body = `<p>${e(t('models.diff.legend'))}</p>
<div id="model-diff" class="model-diff" data-before="${e(view.before)}" data-after="${e(view.after)}" data-diff="${e(JSON.stringify(d))}"${scriptMessages(
      {
        added: t('models.diff.added'),
        removed: t('models.diff.removed'),
        changed: t('models.diff.changed'),
        layout: t('models.diff.layout'),
        loadFailed: t('models.msg.loadFailed'),
      },
    )}>
<section aria-labelledby="diff-before-title"><h2 id="diff-before-title">${e(t('models.diff.before'))}</h2><div id="diff-before" class="diff-canvas"></div></section>
<section aria-labelledby="diff-after-title"><h2 id="diff-after-title">${e(t('models.diff.after'))}</h2><div id="diff-after" class="diff-canvas"></div></section>
</div>
<h2>${e(t('models.diff.list'))}</h2>
${
  rows.length
    ? `<table><thead><tr>${th(t('models.diff.col.element'))}${th(t('models.diff.col.type'))}${th(t('models.diff.col.change'))}${th(t('models.diff.col.details'))}</tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr><td>${e(r.id)}${r.name ? ` (${e(r.name)})` : ''}</td><td>${e(r.type)}</td><td>${change(r.kind)}</td><td>${e(r.details)}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : `<p>${e(t('models.diff.none'))}</p>`
}`;
  } else if (view.dmn) {
    body = view.dmn
      // a literal expression (no rules) has no rows to compare
      .filter((decision) => decision.rules.length > 0)
      .map(
        (decision) => `<h2>${e(decision.name)} (${e(decision.id)})</h2>
<table class="rule-diff"><thead><tr>${th(t('models.diff.col.rule'))}${th(t('models.diff.col.change'))}${decision.columns.map((c) => th(c)).join('')}</tr></thead><tbody>${decision.rules
          .map((r) => {
            const cells = decision.columns
              .map((_, i) => {
                const before = r.before?.[i];
                const after = r.after?.[i];
                return `<td>${
                  r.status === 'changed' && before !== after
                    ? `<del>${e(before ?? '')}</del> <ins>${e(after ?? '')}</ins>`
                    : e(after ?? before ?? '')
                }</td>`;
              })
              .join('');
            return `<tr class="row-${r.status}"><th scope="row">${e(r.id)}${r.description ? `<br><small>${e(r.description)}</small>` : ''}</th><td>${change(r.status)}</td>${cells}</tr>`;
          })
          .join('\n')}</tbody></table>`,
      )
      .join('\n');
  } else if (view.form) {
    body = `<table><thead><tr>${th(t('models.diff.col.field'))}${th(t('models.col.name'))}${th(t('models.diff.col.change'))}</tr></thead><tbody>${view.form
      .map((r) => `<tr><td>${e(r.id)}</td><td>${e(r.label)}</td><td>${change(r.status)}</td></tr>`)
      .join('\n')}</tbody></table>`;
  }
  return renderPage(ctx, {
    title: view.title,
    styles: [...(view.bpmn ? EDITOR_STYLES.diff : []), '/static/models.css'],
    scripts: view.bpmn ? ['/modele/edytory/model-diff.js'] : [],
    body: `${body}<p><a href="${e(view.back)}">${e(t('models.back'))}</a></p>`,
  });
}
