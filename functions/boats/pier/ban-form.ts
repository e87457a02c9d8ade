/**
 * The authority's bans page form: local Hạ Long dates and times and the scope as `all`, `port:<id>` or
 * `route:<number>`, read into the API's BanRequest. Shared by the API, which takes the form's post, and the page,
 * which shows what a ban would do before it is confirmed (`confirmed=1`).
 */
import * as z from 'zod';
import { localToUtc } from '../../platform/local-time.js';

/**
 * The authority's bans page posts a plain HTML form here (no JavaScript needed): local Hạ Long dates and times,
 * the scope as `all`, `port:<id>` or `route:<number>`; answered with a 303 back to the page.
 */
export const BanForm = z.object({
  language: z.enum(['vi', 'en']).default('vi'),
  scope: z.string().max(40).default(''),
  fromDate: z.string().max(10).default(''),
  fromTime: z.string().max(5).default(''),
  untilDate: z.string().max(10).default(''),
  untilTime: z.string().max(5).default(''),
  reason: z.string().max(300).default(''),
  /** Sent by the page's confirmation step, once the authority has seen what the ban would do. */
  confirmed: z.literal('1').optional(),
});

/** The form's fields, as the address of the page's confirmation step. */
export function confirmationQuery(form: z.infer<typeof BanForm>): string {
  const { confirmed: _confirmed, language: _language, ...fields } = form;
  return new URLSearchParams({ confirm: '1', ...fields }).toString();
}
export type BanFormFields = z.infer<typeof BanForm>;

export const LiftForm = z.object({ language: z.enum(['vi', 'en']).default('vi') });

/** Where the bans page is, in the form's language. */
export const bansPagePath = (language: 'vi' | 'en') => `/${language}/authority/bans/`;

/** The BanRequest a bans page form says, for BanRequest to check. */
export function banRequestOfForm(form: z.infer<typeof BanForm>): unknown {
  const [kind, value] = form.scope.split(':');
  const scope =
    kind === 'port'
      ? { kind, portId: value }
      : kind === 'route'
        ? { kind, routeId: Number(value) }
        : { kind };
  const at = (date: string, time: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? localToUtc(date, time) : '';
  return {
    scope,
    from: at(form.fromDate, form.fromTime),
    until: at(form.untilDate, form.untilTime),
    reason: form.reason,
  };
}
