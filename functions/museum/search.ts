/**
 * Search across exhibits in both languages, insensitive to case and to Vietnamese diacritics: "dau ram"
 * finds "Đầu Rằm", "bach dang" finds "Bạch Đằng". Every word of the query must appear in the exhibit's
 * title, period, material, origin, room or description (a prefix of a word counts); titles weigh most.
 */
import type { Exhibit, Room } from './model.js';

/** Lower case, without accents and tone marks; đ → d. Unicode NFD splits the marks off, then they go. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

function words(text: string): string[] {
  return normalizeForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface SearchHit {
  exhibit: Exhibit;
  score: number;
}

/** Exhibits matching every word of `query`, best first; an empty query matches nothing. */
export function searchExhibits(
  exhibits: readonly Exhibit[],
  rooms: readonly Room[],
  query: string,
): SearchHit[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const roomNames = new Map(rooms.map((room) => [room.id, `${room.name.vi} ${room.name.en}`]));
  const hits: SearchHit[] = [];
  for (const exhibit of exhibits) {
    const title = words(`${exhibit.title.vi} ${exhibit.title.en}`);
    const details = words(
      [exhibit.period, exhibit.material, exhibit.origin].map((text) => `${text.vi} ${text.en}`).join(' ') +
        ` ${roomNames.get(exhibit.roomId) ?? ''}`,
    );
    const body = words([...exhibit.description.vi, ...exhibit.description.en].join(' '));
    let score = 0;
    const matchesEvery = terms.every((term) => {
      const inTitle = title.some((word) => word.startsWith(term));
      const inDetails = details.some((word) => word.startsWith(term));
      const inBody = body.some((word) => word.startsWith(term));
      score += inTitle ? 10 : inDetails ? 3 : inBody ? 1 : 0;
      return inTitle || inDetails || inBody;
    });
    // A whole phrase in the title ("dau ram") counts extra over scattered words.
    if (
      matchesEvery &&
      normalizeForSearch(`${exhibit.title.vi} ${exhibit.title.en}`).includes(terms.join(' '))
    ) {
      score += 5;
    }
    if (matchesEvery) hits.push({ exhibit, score: score + (exhibit.highlight ? 1 : 0) });
  }
  return hits.sort((a, b) => b.score - a.score || a.exhibit.id.localeCompare(b.exhibit.id));
}
