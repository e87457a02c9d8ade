/**
 * The managers' pages for the boat catalogue, read and written in-process through the catalogue service the API
 * uses: a route's names, summary, typical duration, departure port and sightseeing fee, and the cancellation
 * policy. The forms are flat HTML fields; they are turned into the API's own schemas (RouteDetails,
 * CancellationPolicy), so the pages accept exactly what PUT /api/boats/routes/{id} and PUT
 * /api/boats/cancellation-policy accept, and a refusal names the same fields.
 */
import {
  CancellationPolicy,
  type CatalogueService,
  RouteDetails,
  type RouteWithDiscounts,
} from '../boats/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';

/** How many tiers the policy form offers (the schema allows 10; an empty row is left out). */
export const POLICY_FORM_ROWS = 6;

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; fields: string[] };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A number field: empty is null; anything not a number stays text, for the schema to refuse by name. */
const numberOrNull = (form: FormData, name: string): number | string | null => {
  const value = text(form, name).replaceAll(/[\s.,](?=\d{3}\b)/g, '');
  if (value === '') return null;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
};

const refusedFields = (issues: readonly { path: readonly PropertyKey[] }[]) => [
  ...new Set(issues.map((issue) => issue.path.map(String).join('.') || 'form')),
];

/** The route's fields as the form shows them. */
export function routeFormValues(route: RouteWithDiscounts): Record<string, string> {
  const component = (kind: 'sightseeing' | 'port') =>
    route.sightseeingFee.components.find((candidate) => candidate.kind === kind)?.amountVnd;
  return {
    'name.vi': route.name.vi,
    'name.en': route.name.en,
    'summary.vi': route.summary.vi,
    'summary.en': route.summary.en,
    'typicalDuration.label.vi': route.typicalDuration.label.vi,
    'typicalDuration.label.en': route.typicalDuration.label.en,
    'typicalDuration.minHours': String(route.typicalDuration.minHours ?? ''),
    'typicalDuration.maxHours': String(route.typicalDuration.maxHours ?? ''),
    departurePortId: route.departurePortId ?? '',
    'fee.sightseeing': String(component('sightseeing') ?? ''),
    'fee.port': String(component('port') ?? ''),
    'fee.unit': route.sightseeingFee.unit,
    'fee.chargedSince': route.sightseeingFee.chargedSince ?? '',
  };
}

/**
 * The route as the form describes it, its stops unchanged: the fee's total is the sum of its parts (an empty
 * fee is "not yet published"), checked by the API's RouteDetails.
 */
export function readRouteForm(form: FormData, current: RouteWithDiscounts): FormOutcome<RouteDetails> {
  const components = (['sightseeing', 'port'] as const).flatMap((kind) => {
    const amount = numberOrNull(form, `fee.${kind}`);
    return amount === null ? [] : [{ kind, amountVnd: amount }];
  });
  const published = components.length > 0;
  const total = components.reduce(
    (sum, component) => (typeof component.amountVnd === 'number' ? sum + component.amountVnd : sum),
    0,
  );
  const candidate = {
    name: { vi: text(form, 'name.vi'), en: text(form, 'name.en') },
    summary: { vi: text(form, 'summary.vi'), en: text(form, 'summary.en') },
    stops: current.stops,
    departurePortId: text(form, 'departurePortId') || null,
    typicalDuration: {
      minHours: numberOrNull(form, 'typicalDuration.minHours'),
      maxHours: numberOrNull(form, 'typicalDuration.maxHours'),
      label: { vi: text(form, 'typicalDuration.label.vi'), en: text(form, 'typicalDuration.label.en') },
    },
    sightseeingFee: {
      amountVnd: published ? total : null,
      unit: text(form, 'fee.unit') || 'per-person',
      components,
      chargedSince: text(form, 'fee.chargedSince') || null,
    },
  };
  const parsed = RouteDetails.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  // The fee's components are fields of their own on the form: name them so.
  const fields = refusedFields(parsed.error.issues).map((field) =>
    field.replace(/^sightseeingFee\.components\.(\d+)\.amountVnd$/, (_, index) => {
      return `fee.${components[Number(index)]?.kind ?? 'sightseeing'}`;
    }),
  );
  return { ok: false, fields };
}

/** The policy's tiers as the form's rows, with empty rows to add tiers. */
export function policyFormValues(policy: CancellationPolicy | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (let index = 0; index < POLICY_FORM_ROWS; index++) {
    const tier = policy?.tiers[index];
    values[`tiers.${index}.hoursBeforeDeparture`] = tier ? String(tier.hoursBeforeDeparture) : '';
    values[`tiers.${index}.refundPercent`] = tier ? String(tier.refundPercent) : '';
  }
  return values;
}

/** The policy of the form's filled rows (a row with both fields empty is left out), checked by the API's schema. */
export function readPolicyForm(form: FormData): FormOutcome<CancellationPolicy> {
  const tiers: { hoursBeforeDeparture: number | string | null; refundPercent: number | string | null }[] = [];
  const rowOf: number[] = [];
  for (let index = 0; index < POLICY_FORM_ROWS; index++) {
    const hours = numberOrNull(form, `tiers.${index}.hoursBeforeDeparture`);
    const percent = numberOrNull(form, `tiers.${index}.refundPercent`);
    if (hours === null && percent === null) continue;
    tiers.push({ hoursBeforeDeparture: hours, refundPercent: percent });
    rowOf.push(index);
  }
  const parsed = CancellationPolicy.safeParse({ tiers });
  if (parsed.success) return { ok: true, value: parsed.data };
  // Paths count the filled rows; the form's names count every row.
  const fields = refusedFields(parsed.error.issues).map((field) =>
    field.replace(/^tiers\.(\d+)/, (_, index) => `tiers.${rowOf[Number(index)] ?? index}`),
  );
  return { ok: false, fields };
}

export function createCatalogueDesk(catalogue: CatalogueService) {
  const pageTools = {
    POLICY_FORM_ROWS,
    routeFormValues,
    policyFormValues,
    /** The catalogue is the tourism authority's: managers (and admins) edit it. */
    mayEditCatalogue: (principal: Principal) => hasAnyRole(principal, ['manager']),
  };
  return {
    // For the pages, which import only types from functions/ (see bookings.ts); async so the module loads late.
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    async saveRoute(id: number, form: FormData): Promise<FormOutcome<RouteWithDiscounts>> {
      const current = await catalogue.getRoute(id);
      const outcome = readRouteForm(form, current);
      if (!outcome.ok) return outcome;
      return { ok: true, value: await catalogue.updateRoute(id, outcome.value) };
    },

    async savePolicy(form: FormData): Promise<FormOutcome<CancellationPolicy>> {
      const outcome = readPolicyForm(form);
      if (!outcome.ok) return outcome;
      await catalogue.replaceCancellationPolicy(outcome.value);
      return { ok: true, value: outcome.value };
    },
  };
}

export type CatalogueDesk = ReturnType<typeof createCatalogueDesk>;
