import type { CentreConfig } from '../../centre/centre-config';
import { escapeHtml as e } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

export interface CentrePageState {
  notice?: string;
  /** The form that failed (its kind and key), what was typed and why. */
  error?: { form: string; message: string; field?: string; values: Record<string, string> };
}

/** The centre's configuration, one form per thing (organ, each site, each district, and a new one of each). */
export function centrePage(ctx: SignedInContext, config: CentreConfig, state: CentrePageState = {}): string {
  const { t } = ctx.i18n;
  const csrf = `<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">`;
  const failed = (form: string) => (state.error?.form === form ? state.error : undefined);
  const value = (form: string, name: string, current: string | null | undefined) =>
    e(failed(form)?.values[name] ?? current ?? '');
  const field = (
    form: string,
    name: string,
    label: string,
    current: string | null | undefined,
    options: { required?: boolean; readonly?: boolean; textarea?: boolean } = {},
  ) => {
    const id = `${form}-${name}`;
    const invalid = failed(form)?.field === name ? ' aria-invalid="true"' : '';
    const flags = `${options.required ? ' required' : ''}${options.readonly ? ' readonly' : ''}${invalid}`;
    const input = options.textarea
      ? `<textarea id="${id}" name="${name}" rows="4" cols="40"${flags}>${value(form, name, current)}</textarea>`
      : `<input id="${id}" name="${name}" value="${value(form, name, current)}"${flags}>`;
    return `<label for="${id}">${e(label)}</label>${input}`;
  };
  const errorFor = (form: string) =>
    failed(form) ? `<p class="error" role="alert">${e(failed(form)?.message)}</p>` : '';
  const c = config.centre;
  const pattern = { n: '{n}', yyyy: '{yyyy}' };
  const organ = `<form method="post" action="/admin/osrodek" class="centre-form">${csrf}<input type="hidden" name="kind" value="centre">
<fieldset><legend>${e(t('centre.organ'))}</legend>${errorFor('centre')}
${field('centre', 'name', t('centre.field.name'), c.name, { required: true })}
${field('centre', 'shortName', t('centre.field.shortName'), c.shortName, { required: true })}
${field('centre', 'address', t('centre.field.address'), c.address, { required: true })}
${field('centre', 'organName', t('centre.field.organName'), c.organName, { required: true })}
${field('centre', 'organNameGenitive', t('centre.field.organNameGenitive'), c.organNameGenitive)}
${field('centre', 'caseNumberPattern', t('centre.field.caseNumberPattern', pattern), c.caseNumberPattern, { required: true })}
${field('centre', 'decisionNumberPattern', t('centre.field.decisionNumberPattern'), c.decisionNumberPattern, { required: true })}
${field('centre', 'certificateNumberPattern', t('centre.field.certificateNumberPattern'), c.certificateNumberPattern, { required: true })}
${field('centre', 'appealBodyName', t('centre.field.appealBodyName'), c.appealBodyName, { required: true })}
${field('centre', 'appealBodyAddress', t('centre.field.appealBodyAddress'), c.appealBodyAddress, { required: true })}
<p><button type="submit">${e(t('centre.save'))}</button></p></fieldset></form>`;

  const siteForm = (site: CentreConfig['sites'][number] | undefined) => {
    const form = `site-${site?.id ?? 'new'}`;
    const legend = site ? site.name : t('centre.site.new');
    const teams = site?.teams.length
      ? `<p class="muted">${e(t('centre.site.teams', { teams: site.teams.join(', ') }))}</p>`
      : '';
    return `<form method="post" action="/admin/osrodek" class="centre-form">${csrf}<input type="hidden" name="kind" value="site">
<fieldset><legend>${e(legend)}</legend>${errorFor(form)}${teams}
${field(form, 'id', t('centre.field.id'), site?.id, { required: true, readonly: Boolean(site) })}
${field(form, 'name', t('centre.field.siteName'), site?.name, { required: true })}
${field(form, 'address', t('centre.field.siteAddress'), site?.address, { required: true })}
${field(form, 'room', t('centre.field.room'), site?.room)}
${field(form, 'openingHours', t('centre.field.openingHours'), site?.openingHours)}
<p><button type="submit">${e(t('centre.save'))}</button></p></fieldset></form>`;
  };

  const districtForm = (district: CentreConfig['districts'][number] | undefined) => {
    const form = `district-${district?.id ?? 'new'}`;
    const legend = district ? district.name : t('centre.district.new');
    const selected = failed(form)?.values.siteId ?? district?.siteId;
    const siteOptions = config.sites
      .map((s) => `<option value="${e(s.id)}"${s.id === selected ? ' selected' : ''}>${e(s.name)}</option>`)
      .join('');
    return `<form method="post" action="/admin/osrodek" class="centre-form">${csrf}<input type="hidden" name="kind" value="district">
<fieldset><legend>${e(legend)}</legend>${errorFor(form)}
${field(form, 'id', t('centre.field.id'), district?.id, { required: true, readonly: Boolean(district) })}
${field(form, 'name', t('centre.field.districtName'), district?.name, { required: true })}
<label for="${form}-siteId">${e(t('centre.field.siteId'))}</label><select id="${form}-siteId" name="siteId" required>${siteOptions}</select>
${field(form, 'streets', t('centre.field.streets'), district?.streets.join('\n'), { textarea: true })}
<p><button type="submit">${e(t('centre.save'))}</button></p></fieldset></form>`;
  };

  return renderPage(ctx, {
    title: t('centre.title'),
    body: `${state.notice ? `<p role="status">${e(state.notice)}</p>` : ''}${organ}
<h2>${e(t('centre.sites'))}</h2>
${[...config.sites, undefined].map(siteForm).join('\n')}
<h2>${e(t('centre.districts'))}</h2>
<p class="muted">${e(t('centre.routingNote'))}</p>
${[...config.districts, undefined].map(districtForm).join('\n')}`,
  });
}
