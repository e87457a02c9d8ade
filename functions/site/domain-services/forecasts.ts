/**
 * What the managers' forecast pages read: the insights domain's series and stored forecasts, the boats domain's
 * departures (seats scheduled, passengers carried) and the museum's opening hours as curators wrote them. Read
 * straight from the table: the forecasts change once a night, the departures all day.
 */
import { departuresOfDayFor } from '../../boats/reads.js';
import { forecastDaysFor } from '../../insights/index.js';
import { MuseumNotFoundError, museumServiceFor } from '../../museum/index.js';
import { createForecastDesk } from '../forecast-desk.js';
import type { SiteServiceDependencies } from '../services.js';

export function createForecastPageServices(dependencies: SiteServiceDependencies) {
  const museum = museumServiceFor(dependencies);
  return createForecastDesk({
    forecastDays: forecastDaysFor(dependencies),
    departuresOn: departuresOfDayFor(dependencies),
    async museumOpeningHours() {
      try {
        // The first line of the hours (Tuesday – Sunday, "8:00 – 17:00 …").
        return (await museum.getVisiting()).openingHours[0]?.hours ?? null;
      } catch (error) {
        if (error instanceof MuseumNotFoundError) return null;
        throw error;
      }
    },
  });
}
