import { durationParts } from '../../../domain/process-figures';
import type { I18n } from '../../../i18n';

/** A duration in the two largest units people read (3 dni 4 godz., 2 godz. 5 min, 42 s). */
export function durationText(i18n: I18n, ms: number): string {
  const p = durationParts(ms);
  const parts = [
    p.days ? i18n.t('processView.duration.days', { count: p.days }) : '',
    p.hours ? i18n.t('processView.duration.hours', { count: p.hours }) : '',
    p.minutes ? i18n.t('processView.duration.minutes', { count: p.minutes }) : '',
  ].filter(Boolean);
  if (parts.length === 0) return i18n.t('processView.duration.seconds', { count: p.seconds });
  return parts.slice(0, 2).join(' ');
}
