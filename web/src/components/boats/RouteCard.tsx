// One sightseeing route: its official number and name, typical duration, sightseeing fee and stops in order.
// Duration and fee come before the stops so a visitor comparing routes on a phone need not scroll past long lists.
import type { Language } from '../../i18n';
import type { BoatRoute, FeeComponent, SightseeingFee } from '../../lib/api-types';
import { fillTemplate, formatCalendarDate, formatVnd } from '../../lib/format';
import { feePolicySectionId } from './FeePolicySection';
import type { RouteListStrings } from './RouteList';

interface RouteCardProps {
  lang: Language;
  strings: RouteListStrings;
  route: BoatRoute;
}

export function RouteCard({ lang, strings, route }: RouteCardProps) {
  const headingId = `route-${route.id}-heading`;
  return (
    <article
      className="route-card"
      id={`route-${route.id}`}
      data-testid="route-card"
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {strings.routeLabel} {route.id} · {route.name[lang]}
      </h3>
      <p>{route.summary[lang]}</p>
      <dl className="route-facts">
        <div>
          <dt>{strings.durationLabel}</dt>
          <dd>{route.typicalDuration.label[lang]}</dd>
        </div>
        <div>
          <dt>{strings.feeLabel}</dt>
          <dd>
            <FeeDescription lang={lang} strings={strings} fee={route.sightseeingFee} />
            {route.sightseeingFee.amountVnd !== null && route.discounts.length > 0 && (
              <p className="fee-detail">
                <a href={`#${feePolicySectionId}`}>{strings.discountsApply}</a>
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt>{strings.stopsLabel}</dt>
          <dd>
            <ol className="stop-list">
              {route.stops.map((stop) => (
                <li key={stop.name.vi}>{stop.name[lang]}</li>
              ))}
            </ol>
          </dd>
        </div>
      </dl>
    </article>
  );
}

interface FeeDescriptionProps {
  lang: Language;
  strings: RouteListStrings;
  fee: SightseeingFee;
}

function FeeDescription({ lang, strings, fee }: FeeDescriptionProps) {
  if (fee.amountVnd === null) {
    return <p className="fee-amount fee-amount--unpublished">{strings.feeUnpublished}</p>;
  }
  const unit = fee.unit === 'per-person-per-day' ? strings.perPersonPerDay : strings.perPerson;
  return (
    <>
      <p className="fee-amount">
        <strong>{formatVnd(fee.amountVnd, lang)}</strong> {unit}
      </p>
      {fee.components.length > 0 && (
        <p className="fee-detail">
          {fee.components.map((component) => describeFeeComponent(component, lang, strings)).join(' + ')}
        </p>
      )}
      {fee.chargedSince !== null && (
        <p className="fee-detail">
          {fillTemplate(strings.chargedSince, { date: formatCalendarDate(fee.chargedSince, lang) })}
        </p>
      )}
    </>
  );
}

function describeFeeComponent(component: FeeComponent, lang: Language, strings: RouteListStrings): string {
  const kind = component.kind === 'port' ? strings.portComponent : strings.sightseeingComponent;
  return `${formatVnd(component.amountVnd, lang)} ${kind}`;
}
