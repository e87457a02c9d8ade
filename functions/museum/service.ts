/**
 * The museum's rules: the catalogue as visitors read it (rooms by floor, exhibits, tours, search), and the
 * curators' edits, each checked against the rest of the catalogue (an exhibit's room exists, a tour's stops
 * are exhibits) before it is stored. No HTTP and no SDK types here.
 */
import type { Exhibit, ExhibitFields, Room, Tour, Visiting } from './model.js';
import { type SearchHit, searchExhibits } from './search.js';
import type { MuseumStore } from './store.js';

export class MuseumNotFoundError extends Error {
  override readonly name = 'MuseumNotFoundError';
}

export class ExhibitExistsError extends Error {
  override readonly name = 'ExhibitExistsError';
  constructor(readonly exhibitId: string) {
    super(`An exhibit "${exhibitId}" exists already; change it with PUT /api/museum/exhibits/${exhibitId}.`);
  }
}

/** A field that names something the catalogue does not have. */
export class InvalidReferenceError extends Error {
  override readonly name = 'InvalidReferenceError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function createMuseumService(store: MuseumStore) {
  async function assertRoomExists(roomId: string): Promise<void> {
    const { rooms } = await store.readCatalog();
    if (!rooms.some((room) => room.id === roomId)) {
      throw new InvalidReferenceError('roomId', `There is no room "${roomId}".`);
    }
  }

  return {
    readCatalog: () => store.readCatalog(),

    async listRooms(): Promise<Room[]> {
      return (await store.readCatalog()).rooms;
    },

    /** Exhibits in visiting order (by room, then highlights first, then title). */
    async listExhibits(roomId?: string): Promise<Exhibit[]> {
      const { rooms, exhibits } = await store.readCatalog();
      const roomOrder = new Map(rooms.map((room) => [room.id, room.order]));
      return exhibits
        .filter((exhibit) => roomId === undefined || exhibit.roomId === roomId)
        .sort(
          (a, b) =>
            (roomOrder.get(a.roomId) ?? 999) - (roomOrder.get(b.roomId) ?? 999) ||
            Number(b.highlight) - Number(a.highlight) ||
            a.title.en.localeCompare(b.title.en),
        );
    },

    async getExhibit(id: string): Promise<Exhibit> {
      const exhibit = await store.getExhibit(id);
      if (!exhibit) throw new MuseumNotFoundError(`There is no exhibit "${id}".`);
      return exhibit;
    },

    async search(query: string): Promise<SearchHit[]> {
      const { rooms, exhibits } = await store.readCatalog();
      return searchExhibits(exhibits, rooms, query);
    },

    async listTours(): Promise<Tour[]> {
      return (await store.readCatalog()).tours;
    },

    async getTour(id: string): Promise<Tour> {
      const tour = (await store.readCatalog()).tours.find((candidate) => candidate.id === id);
      if (!tour) throw new MuseumNotFoundError(`There is no tour "${id}".`);
      return tour;
    },

    async getVisiting(): Promise<Visiting> {
      const visiting = await store.getVisiting();
      if (!visiting) throw new MuseumNotFoundError('The visiting information has not been set.');
      return visiting;
    },

    async createExhibit(exhibit: Exhibit): Promise<Exhibit> {
      await assertRoomExists(exhibit.roomId);
      if (!(await store.putExhibit(exhibit, 'absent'))) throw new ExhibitExistsError(exhibit.id);
      return exhibit;
    },

    async updateExhibit(id: string, fields: ExhibitFields): Promise<Exhibit> {
      await assertRoomExists(fields.roomId);
      const exhibit: Exhibit = { id, ...fields };
      if (!(await store.putExhibit(exhibit, 'present')))
        throw new MuseumNotFoundError(`There is no exhibit "${id}".`);
      return exhibit;
    },

    /**
     * Removes an exhibit, a damaged one included. Tours that stop at it keep their other stops: the tour
     * player shows only the stops whose exhibit is in the museum.
     */
    async deleteExhibit(id: string): Promise<void> {
      if (!(await store.deleteExhibit(id))) throw new MuseumNotFoundError(`There is no exhibit "${id}".`);
    },

    /** Creates or replaces a tour; every stop must be an exhibit of the catalogue. */
    async putTour(tour: Tour): Promise<Tour> {
      const { exhibits } = await store.readCatalog();
      const known = new Set(exhibits.map((exhibit) => exhibit.id));
      const index = tour.stops.findIndex((stop) => !known.has(stop.exhibitId));
      if (index >= 0) {
        const missing = tour.stops[index]?.exhibitId;
        throw new InvalidReferenceError(`stops.${index}.exhibitId`, `There is no exhibit "${missing}".`);
      }
      await store.putTour(tour);
      return tour;
    },

    async putVisiting(visiting: Visiting): Promise<Visiting> {
      await store.putVisiting(visiting);
      return visiting;
    },
  };
}

export type MuseumService = ReturnType<typeof createMuseumService>;
