// Search inside the 3D visit: the content API's search (both languages, Vietnamese diacritics or none); choosing
// a result takes the visitor to the exhibit, on whatever floor it is.

import { useEffect, useId, useState } from 'react';
import type { Language, Localized } from '../../../../functions/platform/language';

export interface SearchText {
  search: string;
  searchButton: string;
  noResults: string;
}

interface Result {
  id: string;
  title: string;
  room: string;
}

export function MuseumSearch({
  language,
  text,
  roomNames,
  exhibitRooms,
  onChoose,
}: {
  language: Language;
  text: SearchText;
  roomNames: Map<string, string>;
  exhibitRooms: Map<string, string>;
  onChoose: (exhibitId: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Result[] | null>(null);
  const inputId = useId();

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/museum/search?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        const body = (await response.json()) as {
          results: { id: string; roomId: string; title: Localized }[];
        };
        setResults(
          body.results
            // An exhibit added since the visit began is not in the 3D view yet.
            .filter((result) => exhibitRooms.has(result.id))
            .map((result) => ({
              id: result.id,
              title: result.title[language],
              room: roomNames.get(result.roomId) ?? '',
            })),
        );
      } catch {
        // A search overtaken by the next keystroke, or the network gone: the list stays as it was.
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, language, roomNames, exhibitRooms]);

  return (
    <section className="museum-search">
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the phones we serve; the role says the same. */}
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const first = results?.[0];
          if (first) onChoose(first.id);
        }}
      >
        <label htmlFor={inputId}>{text.search}</label>
        <div className="museum-search-row">
          <input
            id={inputId}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {text.searchButton}
          </button>
        </div>
      </form>
      {results && (
        <ul className="museum-search-results" aria-live="polite" data-testid="search-results">
          {results.length === 0 && <li>{text.noResults}</li>}
          {results.slice(0, 8).map((result) => (
            <li key={result.id}>
              <button type="button" className="museum-chip" onClick={() => onChoose(result.id)}>
                {result.title}
                {result.room && <span className="field-hint"> · {result.room}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
