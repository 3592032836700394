import type { CountryProfile } from '../../countries/country-profile.js';
import { ConfigError } from '../config/config.js';
import { AdjustmentsFileError, loadAdjustmentsFile } from './adjustments-file.js';
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar.js';

/**
 * The working calendar this deployment counts legal deadlines with: the country profile's
 * holidays and known transfers, overruled by the operator's CALENDAR_TRANSFERS_FILE. An invalid
 * file is a configuration error, so start-up stops with its problems listed (exit code 2).
 */
export function createDeploymentCalendar(
  country: CountryProfile,
  transfersFile: string,
): WorkingCalendar {
  try {
    return createWorkingCalendar(country.calendar, loadAdjustmentsFile(transfersFile));
  } catch (error) {
    if (error instanceof AdjustmentsFileError) {
      throw new ConfigError(
        error.problems.map(
          (problem) => `CALENDAR_TRANSFERS_FILE=${JSON.stringify(error.file)}: ${problem}`,
        ),
      );
    }
    throw error;
  }
}
