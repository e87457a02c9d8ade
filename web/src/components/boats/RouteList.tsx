// The boats page island: loads the sightseeing routes from the API and shows them, or why they could not be loaded.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dictionary, Language } from '../../i18n';
import { isRouteListResponse, type RouteListResponse } from '../../lib/api-types';
import { FeePolicySection } from './FeePolicySection';
import { RouteCard } from './RouteCard';

export type RouteListStrings = Dictionary['boats']['routeList'];

interface RouteListProps {
  lang: Language;
  strings: RouteListStrings;
}

const routesEndpoint = '/api/boats/routes';

type LoadState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; data: RouteListResponse };

export default function RouteList({ lang, strings }: RouteListProps) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const regionRef = useRef<HTMLElement>(null);
  const activeRequestRef = useRef<AbortController | null>(null);
  const retriedRef = useRef(false);

  const loadRouteList = useCallback(() => {
    // Aborting the previous request stops a slow earlier answer from overwriting a newer one.
    activeRequestRef.current?.abort();
    const controller = new AbortController();
    activeRequestRef.current = controller;
    setState({ status: 'loading' });
    fetchRouteList(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'loaded', data });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'failed' });
      },
    );
  }, []);

  useEffect(() => {
    loadRouteList();
    return () => activeRequestRef.current?.abort();
  }, [loadRouteList]);

  useEffect(() => {
    // The Retry button disappears once pressed; keep keyboard focus in the region rather than losing it to <body>.
    if (retriedRef.current && state.status !== 'loading') {
      retriedRef.current = false;
      regionRef.current?.focus();
    }
  }, [state.status]);

  const retry = () => {
    retriedRef.current = true;
    loadRouteList();
  };

  return (
    <section
      className="route-region"
      ref={regionRef}
      tabIndex={-1}
      aria-busy={state.status === 'loading'}
      aria-labelledby="routes-heading"
    >
      {state.status === 'loaded' && (
        <FeePolicySection lang={lang} strings={strings} policy={state.data.feePolicy} />
      )}
      <h2 id="routes-heading">{strings.routesHeading}</h2>
      {state.status === 'loading' && <p className="status-message">{strings.loading}</p>}
      {state.status === 'failed' && (
        <div className="error-message" role="alert">
          <p>{strings.loadError}</p>
          <button type="button" className="button" onClick={retry}>
            {strings.retry}
          </button>
        </div>
      )}
      {state.status === 'loaded' &&
        (state.data.routes.length === 0 ? (
          <p className="status-message">{strings.noRoutes}</p>
        ) : (
          <ol className="route-list" data-testid="route-list">
            {state.data.routes.map((route) => (
              <li key={route.id}>
                <RouteCard lang={lang} strings={strings} route={route} />
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}

async function fetchRouteList(signal: AbortSignal): Promise<RouteListResponse> {
  const response = await fetch(routesEndpoint, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`GET ${routesEndpoint} answered ${response.status}`);
  const body: unknown = await response.json();
  if (!isRouteListResponse(body)) throw new Error(`GET ${routesEndpoint} answered an unexpected shape`);
  return body;
}
