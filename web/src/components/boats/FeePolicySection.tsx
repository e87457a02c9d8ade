// Who pays less than the full sightseeing fee: shown once above the routes because it applies to every route.
import type { Language } from '../../i18n';
import type { FeePolicy } from '../../lib/api-types';
import { fillTemplate, formatPercent } from '../../lib/format';
import type { RouteListStrings } from './RouteList';

interface FeePolicySectionProps {
  lang: Language;
  strings: RouteListStrings;
  policy: FeePolicy;
}

export const feePolicySectionId = 'fee-policy';

export function FeePolicySection({ lang, strings, policy }: FeePolicySectionProps) {
  return (
    <section className="fee-policy" id={feePolicySectionId} aria-labelledby="fee-policy-heading">
      <h2 id="fee-policy-heading">{strings.feePolicyHeading}</h2>
      {policy.discounts.length > 0 && (
        <ul className="discount-list">
          {policy.discounts.map((discount) => (
            <li key={discount.id}>
              <strong className="discount-amount">
                {discount.percentOff >= 100
                  ? strings.free
                  : fillTemplate(strings.percentOff, { percent: formatPercent(discount.percentOff, lang) })}
                :
              </strong>{' '}
              {discount.appliesTo[lang]}
            </li>
          ))}
        </ul>
      )}
      <p className="fee-policy-proof">{policy.proof[lang]}</p>
    </section>
  );
}
